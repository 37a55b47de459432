"""PDF, web pages and old Word files, made in the run from the sample texts: same targets as the text.

Each text of examples/texts/ is typeset as a PDF (tests/makedocs.py: reportlab,
a CJK font from a package, running header and — N — footer, lines wrapped at
the page width, its indicator tables drawn as ruled tables) and saved as a
government site's web page (UTF-8 and GBK); extraction must give the same
plans — metadata, domains and targets — as from the text, positions aside.
Then the refusals: a scan, an encrypted, a truncated or damaged PDF, a web page
with no plan, an old Word file with no converter — each a clear message, exit 2.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.errors import InputError
from compliance.extraction import extract
from compliance.reading import read_document
from compliance.reading.html import looks_like_html

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "data" / "legacy"))

from makedocs import text_to_html, text_to_pdf, truetype_font  # noqa: E402
from sameplans import assert_same_plans  # noqa: E402

TEXTS = sorted((HERE.parent / "examples" / "texts").glob("*.txt"))
LEGACY = HERE / "data" / "legacy"
HAS_TRUETYPE = truetype_font() is not None


@cache
def _from_text(text: Path) -> list:
    return extract(text)


def _lines(text: Path) -> list[str]:
    return text.read_text(encoding="utf-8").splitlines()


FORMATS = [
    pytest.param(
        "pdf",
        marks=pytest.mark.skipif(
            not HAS_TRUETYPE, reason="no TrueType CJK font installed (apt-get install fonts-wqy-microhei; .ci/run does)"
        ),
        id="pdf-embedded-font",
    ),
    pytest.param("pdf-cid", id="pdf-cid-font"),
    pytest.param("html", id="html-utf8"),
    pytest.param("html-gbk", id="html-gbk"),
]


def _make(kind: str, text: Path, folder: Path) -> Path:
    lines = _lines(text)
    if kind.startswith("pdf"):
        return text_to_pdf(lines, folder / (text.stem + ".pdf"), embedded=kind == "pdf")
    title = next(line.strip() for line in lines if line.strip())
    encoding = "gbk" if kind == "html-gbk" else "utf-8"
    return text_to_html(lines, folder / (text.stem + ".html"), title=title, encoding=encoding)


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("text", TEXTS, ids=[t.stem.split("-")[0] for t in TEXTS])
def test_sample_text_as_document_gives_the_same_plans(kind: str, text: Path, tmp_path: Path) -> None:
    document = _make(kind, text, tmp_path)
    plans = extract(document)
    assert_same_plans(plans, _from_text(text))
    pattern = r"^第\d+页(第\d+行| 表\d+ 第\d+行 .+列)$" if kind.startswith("pdf") else r"^(正文第\d+段|表\d+ 第\d+行 .+列)$"
    for plan in plans:
        assert all(t.locator and __import__("re").match(pattern, t.locator) for t in plan.targets), [
            t.locator for t in plan.targets
        ]


def test_pdf_furniture_and_wrapping(tmp_path: Path) -> None:
    text = next(t for t in TEXTS if t.name.startswith("xinping"))
    lines = read_document(text_to_pdf(_lines(text), tmp_path / "plan.pdf", embedded=HAS_TRUETYPE)).lines
    joined = "\n".join(line.text for line in lines)
    assert "某某县人民政府办公室文件" not in joined  # the running header of every page
    assert "— 3 —" not in joined and "— 12 —" not in joined  # page numbers
    source = text.read_text(encoding="utf-8").splitlines()
    longest = max(source, key=len).strip()  # a paragraph over many printed lines is one line again
    assert longest in {line.text for line in lines}
    crossing = [line for line in lines if line.spans and len({loc.split("页")[0] for _, _, loc in line.spans}) > 1]
    assert crossing  # some paragraph goes on over a page break and is still one line


def test_html_renamed_txt_is_read_as_the_page(tmp_path: Path) -> None:
    text = next(t for t in TEXTS if t.name.startswith("jinan"))
    page = _make("html", text, tmp_path)
    renamed = tmp_path / "page.txt"
    renamed.write_bytes(page.read_bytes())
    assert read_document(renamed).format == "html"
    assert_same_plans(extract(renamed), _from_text(text))


def test_looks_like_html_only_for_pages() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert looks_like_html("\ufeff  <html lang='zh'>\n<head>")
    plain = "孕产妇死亡率<7/10万，<br>婴儿死亡率<5‰。\n" * 20
    assert not looks_like_html(plain)
    assert not looks_like_html(TEXTS[0].read_text(encoding="utf-8"))


def test_html_gbk_declared_by_meta(tmp_path: Path) -> None:
    page = tmp_path / "gbk.html"
    page.write_bytes(
        '<html><head><meta charset="gb2312"></head><body><div class="article"><p>婴儿死亡率&lt;5‰，覆盖率&ge;80%</p></div></body></html>'.encode(
            "gbk"
        )
    )
    (line,) = read_document(page).lines
    assert line.text == "婴儿死亡率<5‰，覆盖率≥80%"


def test_html_table_spans_and_breaks(tmp_path: Path) -> None:
    page = tmp_path / "table.html"
    page.write_text(
        "<html><body><div class='nav'><a>首页</a><a>政务</a><a>服务</a></div><div class='content'>"
        "<p>说明</p><table><tr><th rowspan='2'>领域</th><th colspan='2'>2025年目标</th></tr>"
        "<tr><th>上级目标</th><th>本县目标</th></tr>"
        "<tr><td rowspan='2'>妇女与<br>健康</td><td>≥90</td><td>≥95</td></tr>"
        "<tr><td>&lt;8</td><td>&lt;7</td></tr></table></div></body></html>",
        encoding="utf-8",
    )
    lines = read_document(page).lines
    rows = [line for line in lines if line.cells is not None]
    assert [r.cells for r in rows] == [
        ["领域", "2025年目标", ""],
        ["", "上级目标", "本县目标"],
        ["妇女与健康", "≥90", "≥95"],
        ["", "<8", "<7"],
    ]
    assert rows[1].merged == [True, False, False] and rows[3].merged == [True, False, False]
    assert rows[3].cell_locators[2] == "表1 第4行 本县目标列"
    assert all("首页" not in line.text for line in lines)


# --------------------------------------------------------------------------- refusals


def _refused(path: Path, *words: str) -> str:
    with pytest.raises(InputError) as caught:
        extract(path)
    message = str(caught.value)
    assert str(path) in message
    for word in words:
        assert word in message, message
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "error:" in result.stderr
    return message


def test_scanned_pdf(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.pdfgen import canvas

    picture = tmp_path / "page.png"
    Image.new("L", (200, 280), 255).save(picture)
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    for _ in range(2):
        pdf.drawImage(str(picture), 50, 50, width=500, height=700)
        pdf.showPage()
    pdf.save()
    _refused(path, "scan", "OCR")


def test_pdf_without_any_text(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "blank.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 200, 200)
    pdf.save()
    _refused(path, "no text")


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = text_to_pdf(["某某县妇女发展规划", "孕产妇死亡率控制在8/10万以下。"], tmp_path / "locked.pdf", embedded=False, encrypt="secret")
    _refused(path, "encrypted", "password")


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = text_to_pdf(_lines(TEXTS[0])[:80], tmp_path / "whole.pdf", embedded=False)
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    _refused(path, "incomplete", "download")


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n%%EOF\n")
    _refused(path, "damaged")


def test_web_page_with_no_plan(tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>天气</title></head><body>"
        "<div class='nav'><a href='#'>首页</a><a href='#'>新闻</a><a href='#'>服务</a></div>"
        "<div class='article'><h1>今日天气</h1><p>今天全市晴，最高气温25℃，降水概率10%。</p></div>"
        "<div class='footer'>浙ICP备05012345号</div></body></html>",
        encoding="utf-8",
    )
    _refused(page, "no target found in this document", "not a page about it")


def test_web_page_with_nothing_in_it(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><div class='nav'><a>首页</a></div><script>var a = 1;</script></body></html>")
    _refused(page, "empty")


# --------------------------------------------------------------------------- .doc and .wps


def _docx_plan(tmp_path: Path) -> list:
    from make import plan_docx

    return extract(plan_docx(tmp_path / "plan.docx"))


@pytest.mark.parametrize("name", ["plan.doc", "plan.wps"])
def test_old_word_without_a_converter(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.reading.legacy as legacy

    monkeypatch.setattr(legacy, "converters", lambda: {})
    message = _refused(LEGACY / name, "needs a converter", "LibreOffice", "antiword", "另存为")
    assert ".docx" in message


@pytest.mark.skipif(not __import__("shutil").which("antiword"), reason="antiword is not installed (apt-get install antiword; .ci/run does)")
@pytest.mark.parametrize("name", ["plan.doc", "plan.wps"])
def test_old_word_through_antiword(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.reading.legacy as legacy

    found = legacy.converters()
    monkeypatch.setattr(legacy, "converters", lambda: {"antiword": found["antiword"]})
    plans = extract(LEGACY / name)
    assert_same_plans(plans, _docx_plan(tmp_path), metadata=("title", "kind", "period", "follows"), unparsed=False)
    table = [t for t in plans[0].targets if str(t.section) == "indicator_table"]
    assert table and all(t.locator.startswith("表1 第") and t.locator.endswith("2025年列") for t in table)


@pytest.mark.skipif(
    not any(__import__("shutil").which(n) for n in ("soffice", "libreoffice")),
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui); .ci/run leaves it out: ~300 MB",
)
@pytest.mark.parametrize("name", ["plan.doc", "plan.wps"])
def test_old_word_through_libreoffice(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.reading.legacy as legacy

    found = legacy.converters()
    monkeypatch.setattr(legacy, "converters", lambda: {"office": found["office"]})
    plans = extract(LEGACY / name)
    assert_same_plans(plans, _docx_plan(tmp_path), metadata=("title", "kind", "period", "follows"), unparsed=False)
    assert read_document(LEGACY / name).format == "docx"
    assert any(t.locator == "表1 第3行 2025年列" for t in plans[0].targets)


def test_text_under_an_old_word_suffix(tmp_path: Path) -> None:
    path = tmp_path / "plan.doc"
    path.write_text("孕产妇死亡率控制在8/10万以下。", encoding="utf-8")
    _refused(path, "not a Word 97–2003 (.doc) document")


# --------------------------------------------------------------------------- positions in reports


def test_check_of_a_pdf_shows_page_and_line(tmp_path: Path) -> None:
    text = next(t for t in TEXTS if t.name.startswith("jinan"))
    path = text_to_pdf(_lines(text), tmp_path / "plan.pdf", embedded=HAS_TRUETYPE)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code in (0, 1), result.output
    assert __import__("re").search(r"plan \(第\d+页第\d+行\)", result.stdout)
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    document = json.loads(result.stdout)
    located = [f["plan_target"] for r in document["reports"] for f in r["findings"] if f["plan_target"]]
    assert located and all(t["locator"].startswith("第") and isinstance(t["line"], int) for t in located)
