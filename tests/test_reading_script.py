"""Documents in Traditional characters (繁體) are read as the Simplified texts they were converted from.

A plan copied from a site's 繁體 version, a Hong Kong or Macau outlet, or a Big5 file: each corpus
document is converted to Traditional here (OpenCC, in the variants people meet: standard, Hong Kong,
Taiwan) and must give the very targets, lines and metadata that its Simplified original gives.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from compliance.extraction import extract
from compliance.reading import read_document
from compliance.reading.script import is_traditional

CORPUS = Path(__file__).resolve().parent / "data" / "corpus" / "docs"
TEXTS = [
    "balikun-county-children-2021-2025-vendor-news.txt",
    "licheng-district-women-2021-2025-news.txt",
    "eshan-county-children-2021-2030-wenku.txt",
    "yuanyang-county-women-2021-2030-scan-ocr.txt",
    "tongxiang-city-children-2021-2025.html",
]


def _targets(plans: list) -> list[tuple]:
    return [
        (str(p.plan.kind), t.line, str(t.target.op), t.target.value, t.target.unit, t.target.masked)
        for p in plans for t in p.targets
    ]


def _metadata(plans: list) -> list[tuple]:
    return [(str(p.plan.kind), str(p.plan.level), list(p.plan.jurisdiction), p.plan.period) for p in plans]


@pytest.mark.parametrize("variant", ["s2t", "s2hk", "s2tw"])
@pytest.mark.parametrize("name", TEXTS, ids=lambda n: n.split("-")[0])
def test_a_traditional_copy_gives_what_its_simplified_original_gives(name: str, variant: str, tmp_path: Path) -> None:
    original = CORPUS / name
    encoding = "utf-8"
    text = original.read_text(encoding=encoding)
    copy = tmp_path / name
    copy.write_text(opencc.OpenCC(f"{variant}.json").convert(text), encoding=encoding)
    assert read_document(copy).script == "traditional"
    plans, expected = extract(copy), extract(original)
    assert _targets(plans) == _targets(expected)
    assert _metadata(plans) == _metadata(expected)
    assert all("Traditional" in (p.plan.note or "") or "繁体" in (p.plan.note or "") for p in plans)


def test_cells_of_a_word_table_are_read_as_simplified(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("某縣兒童發展規劃（2021—2025年）")
    doc.add_paragraph("一、兒童與健康")
    doc.add_paragraph("主要目標：")
    doc.add_paragraph("1．嬰兒和5歲以下兒童死亡率分別降至4.5‰和6‰以下。")
    table = doc.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("指標", "2020年", "2025年目標"), ("新生兒死亡率（‰）", "2.5", "≤2.0"),
                                        ("兒童青少年總體近視率（%）", "55", "力爭每年降低1個百分點以上")], strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    path = tmp_path / "plan.docx"
    doc.save(path)
    document = read_document(path)
    assert document.script == "traditional"
    assert [line.cells for line in document.lines if line.cells][1] == ["新生儿死亡率（‰）", "2.5", "≤2.0"]
    found = {(t.indicator, str(t.target.op), t.target.value) for p in extract(path) for t in p.targets}
    assert ("新生儿死亡率", "<=", 2) in {(i.split("（")[0], op, v) for i, op, v in found}


def test_a_simplified_document_is_left_as_it_is() -> None:
    for name in TEXTS:
        assert read_document(CORPUS / name).script is None


def test_a_few_traditional_characters_in_a_simplified_text_do_not_convert_it(tmp_path: Path) -> None:
    text = (CORPUS / TEXTS[0]).read_text(encoding="utf-8")
    path = tmp_path / "quoted.txt"
    path.write_text("转载自《兒童發展規劃》繁體版。\n" + text, encoding="utf-8")  # 5 markers in a long text
    document = read_document(path)
    assert document.script is None
    assert not is_traditional(document)
    assert document.lines[0].text.startswith("转载自《兒童發展規劃》")
