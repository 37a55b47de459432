"""Rich Text Format (.rtf), made in the run: the same plans as the text, located as Word shows the file.

Each sample text of examples/texts/ is saved as RTF the way a Chinese Word or
WPS writes it (\\ansicpg936, GBK bytes as \\'xx escapes) and the way LibreOffice
and WordPad do (\\uN), with fonts, styles, a picture and the indicator tables as
RTF tables with merged 领域 cells (tests/makedocs.py); where LibreOffice is
installed, the .docx of the same text is also converted by it. Extraction must
give the plans of the text, with the .docx's locators (第5段, 表1 第3行 2025年列).
"""

from __future__ import annotations

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

from makedocs import _spans, blocks, office, text_to_docx, text_to_rtf  # noqa: E402
from sameplans import assert_same_plans, targets  # noqa: E402

TEXTS = sorted((HERE.parent / "examples" / "texts").glob("*.txt"))


def _assert_same(got: list, want: list, located_as: list) -> None:
    assert_same_plans(got, want)
    for g, d in zip(got, located_as, strict=True):
        assert targets(g, located=True) == targets(d, located=True)  # the .docx's paragraphs and cells


@pytest.mark.parametrize("escapes", ["gbk", "unicode"])
@pytest.mark.parametrize("text", TEXTS, ids=[t.stem.split("-")[0] for t in TEXTS])
def test_rtf_gives_the_plans_of_the_text_located_as_the_docx(text: Path, escapes: str, tmp_path: Path) -> None:
    lines = text.read_text(encoding="utf-8").splitlines()
    rtf = text_to_rtf(lines, tmp_path / f"{text.stem}.rtf", escapes=escapes)
    document = read_document(rtf)
    merged = any(kind == "table" and _spans(rows) for kind, rows in blocks(lines))  # type: ignore[arg-type]
    assert document.format == "rtf" and any(line.merged and any(line.merged) for line in document.lines) == merged
    plans = extract(rtf)
    _assert_same(plans, extract(text), extract(text_to_docx(lines, tmp_path / f"{text.stem}.docx")))
    assert all(re.match(r"^(第\d+段|表\d+ 第\d+行 .+列)$", t.locator or "") for p in plans for t in p.targets)


@pytest.mark.skipif(office() is None, reason="LibreOffice (soffice) is not installed: its RTF is not made here")
def test_rtf_saved_by_libreoffice(tmp_path: Path) -> None:
    import subprocess

    text = next(t for t in TEXTS if t.name.startswith("jiaxing"))
    source = text_to_docx(text.read_text(encoding="utf-8").splitlines(), tmp_path / "plan.docx")
    subprocess.run(
        [office(), f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "rtf",
         "--outdir", str(tmp_path / "out"), str(source)],
        check=True, capture_output=True, timeout=300,
    )
    _assert_same(extract(tmp_path / "out" / "plan.rtf"), extract(text), extract(source))


def test_check_of_an_rtf_shows_its_paragraph(tmp_path: Path) -> None:
    text = next(t for t in TEXTS if t.name.startswith("jinan"))
    rtf = text_to_rtf(text.read_text(encoding="utf-8").splitlines(), tmp_path / "plan.rtf")
    result = CliRunner().invoke(main, ["check", str(rtf)])
    assert result.exit_code in (0, 1), result.output
    assert re.search(r"plan \((第\d+段|表\d+ 第\d+行 .+列)\)", result.stdout), result.stdout


def test_a_file_that_is_no_rtf_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "plan.rtf"
    path.write_text("孕产妇死亡率控制在8/10万以下。\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        extract(path)
    assert "not a Rich Text Format" in str(caught.value) and ".docx" in str(caught.value)
    result = CliRunner().invoke(main, ["check", str(path)], env={"COMPLIANCE_LANG": "zh"})
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "不是 RTF" in result.stderr and "另存为 .docx" in result.stderr, result.stderr
