"""Web pages saved as a single file (.mhtml, .mht), made in the run: the same plans and positions as the page itself.

Each sample text of examples/texts/ is made into a government site's page
(tests/makedocs.py) and then saved as a browser does: Chrome's .mhtml
(quoted-printable, the charset told by the page's <meta>) and IE/360's .mht
(base64, GBK, the charset told only by the MIME part), each with the page's
picture and style parts. Extraction must give the plans of the text, located as
on the page (正文第12段); `check` the same findings as for the .html. A file
that holds no page is refused with what to do; anything neither a plan file
nor a readable document gets the formats that can be read (trial defect 16).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.errors import InputError
from compliance.extraction import extract
from compliance.reading import read_document

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from mails import as_bytes, leaf, multipart  # noqa: E402
from makedocs import html_to_mhtml, text_to_html  # noqa: E402
from test_extraction_mail_forwards import EXPECTED, PLAN  # noqa: E402
from sameplans import assert_same_plans, targets  # noqa: E402

TEXTS = sorted((HERE.parent / "examples" / "texts").glob("*.txt"))
SAVED = [("chrome", "utf-8", ".mhtml"), ("ie", "gbk", ".mht")]
MAIL_TITLE = "某某县妇女发展规划（2021—2025年）"


def _page(text: Path, folder: Path, encoding: str) -> Path:
    lines = text.read_text(encoding="utf-8").splitlines()
    title = next(line.strip() for line in lines if line.strip())
    return text_to_html(lines, folder / f"{text.stem}.html", title=title, encoding=encoding)


def _saved(text: Path, folder: Path, saved_by: str, encoding: str, suffix: str) -> tuple[Path, Path]:
    page = _page(text, folder, encoding)
    return page, html_to_mhtml(page, folder / f"{text.stem}{suffix}", saved_by=saved_by)


@pytest.mark.parametrize(("saved_by", "encoding", "suffix"), SAVED, ids=[s[0] for s in SAVED])
@pytest.mark.parametrize("text", TEXTS, ids=[t.stem.split("-")[0] for t in TEXTS])
def test_saved_page_gives_the_plans_of_the_text_located_as_on_the_page(
    text: Path, saved_by: str, encoding: str, suffix: str, tmp_path: Path
) -> None:
    page, saved = _saved(text, tmp_path, saved_by, encoding, suffix)
    assert read_document(saved).format == "html"
    plans, from_page, from_text = extract(saved), extract(page), extract(text)
    assert len(plans) == len(from_page) == len(from_text)
    assert_same_plans(plans, from_text)
    for got, on_page in zip(plans, from_page, strict=True):
        assert targets(got, located=True) == targets(on_page, located=True)  # positions too: the page's own blocks
        assert all(re.match(r"^(正文第\d+段|表\d+ 第\d+行 .+列)$", t.locator or "") for t in got.targets)


def test_check_of_a_saved_page_reports_as_for_the_page(tmp_path: Path) -> None:
    text = next(t for t in TEXTS if t.name.startswith("jinan"))
    page, saved = _saved(text, tmp_path, "ie", "gbk", ".mht")
    found = []
    for path in (page, saved):
        result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
        assert result.exit_code in (0, 1), result.output
        document = json.loads(result.stdout)
        found.append(
            sorted(
                (f["rule"], (f["plan_target"] or {}).get("locator") or "", (f["plan_target"] or {}).get("indicator") or "")
                for r in document["reports"]
                for f in r["findings"]
            )
        )
    assert found[0] == found[1] and any(locator.startswith("正文第") for _, locator, _ in found[1])
    result = CliRunner().invoke(main, ["check", str(saved)])
    assert re.search(r"plan \(正文第\d+段\)", result.stdout)


def test_a_page_saved_under_mht_is_read_as_the_page(tmp_path: Path) -> None:
    text = next(t for t in TEXTS if t.name.startswith("jinan"))
    page = _page(text, tmp_path, "utf-8")
    renamed = tmp_path / "page.mht"
    renamed.write_bytes(page.read_bytes())
    assert [targets(p, located=True) for p in extract(renamed)] == [targets(p, located=True) for p in extract(page)]


def _refused(path: Path, *words: str) -> str:
    with pytest.raises(InputError) as caught:
        extract(path)
    message = str(caught.value)
    assert str(path) in message and all(word in message for word in words), message
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output and "error:" in result.stderr
    assert all(word in result.stderr for word in words), result.stderr
    return message


def test_a_saved_file_without_a_page_is_refused_with_what_to_do(tmp_path: Path) -> None:
    text = next(t for t in TEXTS if t.name.startswith("jinan"))
    _, saved = _saved(text, tmp_path, "chrome", "utf-8", ".mhtml")
    delimiter = b"\r\n--" + re.search(rb'boundary="([^"]+)"', saved.read_bytes()).group(1)  # type: ignore[union-attr]
    parts = saved.read_bytes().split(delimiter)
    pictures = tmp_path / "pictures.mhtml"  # the picture and style parts only
    pictures.write_bytes(delimiter.join(part for part in parts if b"Content-Type: text/html" not in part))
    assert b"text/html" in saved.read_bytes() and b"Content-Type: text/html" not in pictures.read_bytes()
    _refused(pictures, "no HTML page", "*.html")
    garbage = tmp_path / "garbage.mht"
    garbage.write_bytes(bytes(range(256)) * 40)
    _refused(garbage, "no HTML page")


@pytest.mark.parametrize("name", ["plan.dps", "plan.ods", "plan.pages"])
def test_check_of_an_unreadable_format_says_which_formats_it_reads(name: str, tmp_path: Path) -> None:
    """Not "extract it first": extract refuses it too (trial defect 16)."""
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04" + bytes(60))  # a zip, as .ods and .pages are
    for args in (["check", str(path)], ["extract", str(path)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2 and "Traceback" not in result.output, result.output
        assert f"'{path.suffix}'" in result.stderr and ".docx" in result.stderr and ".mhtml" in result.stderr, result.stderr
        assert "extract it first" not in result.stderr
    result = CliRunner().invoke(main, ["check", "-", "--stdin-filename", name], input=path.read_bytes())
    assert result.exit_code == 2 and f"'{path.suffix}'" in result.stderr and ".docx" in result.stderr, result.stderr
    result = CliRunner().invoke(main, ["check", str(path)], env={"COMPLIANCE_LANG": "zh"})
    assert result.exit_code == 2 and "另存为" in result.stderr and "规划数据文件" in result.stderr, result.stderr


# --------------------------------------------------------------------------- pages Word saves as one file (单个文件网页)
# Word writes multipart/related, the page quoted-printable and declared gb2312 over GBK's bytes (— is A1AA, which
# Python's gb2312 codec reads as ―), beside its file list; a page's part may declare UTF-8's bytes gb2312, or carry
# a mailer's Western default (iso-8859-1) over GBK's bytes while the page's <meta> says gb2312.


def _word_mht(lines: list[str], declared: str, codec: str, meta: str = "gb2312") -> bytes:
    paragraphs = "\n".join(
        f"<p class=MsoNormal><span style='font-family:仿宋_GB2312'>{line}</span><span lang=EN-US><o:p></o:p></span></p>"
        for line in lines if line.strip()
    )
    page = (
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\">\n"
        f"<head><meta http-equiv=Content-Type content=\"text/html; charset={meta}\">\n"
        "<meta name=Generator content=\"Microsoft Word 15\"></head>\n"
        f"<body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>\n{paragraphs}\n</div></body></html>"
    )
    root = leaf(f'text/html; charset="{declared}"', page.encode(codec), "quoted-printable",
                Content_Location="file:///C:/D8F3A1B2/plan.htm")
    files = leaf('text/xml; charset="utf-8"', b"<xml><o:MainFile HRef=\"../plan.htm\"/></xml>", "quoted-printable",
                 Content_Location="file:///C:/D8F3A1B2/plan.files/filelist.xml")
    message = multipart("related", [root, files])
    message.set_param("type", "text/html")
    message["MIME-Version"] = "1.0"
    message["X-Document-Type"] = "Document"
    return as_bytes(message)


@pytest.mark.parametrize(
    ("declared", "codec"),
    [("gb2312", "gbk"), ("gb2312", "utf-8"), ("iso-8859-1", "gbk")],
    ids=["gbk-bytes", "utf-8-bytes", "western-over-gbk"],  # the last (the page's meta says gb2312) read as Latin-1 before
)
def test_a_page_word_saved_as_one_file(tmp_path: Path, declared: str, codec: str) -> None:
    path = tmp_path / "规划.mht"
    path.write_bytes(_word_mht(PLAN, declared, codec))
    assert read_document(path).format == "html"
    plans = extract(path)
    assert len(plans) == 1
    plan = plans[0]
    found, locators = [(t.domain, t.indicator, t.target.value) for t in plan.targets], [t.locator or "" for t in plan.targets]
    assert plan.plan.title == MAIL_TITLE and found == EXPECTED
    assert all(re.fullmatch(r"正文第\d+段", loc) for loc in locators)
