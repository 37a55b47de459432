"""The PDF and HTML readers on the corpus documents: text, tables, furniture, positions.

The corpus gold (tests/data/corpus/gold/) names, for each target, the block its
quote stands on ("line", counted as the corpus README defines it per format) —
the readers number lines the same way, so every gold quote must stand on the
line (or printed line, or cell) of that number.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance.extraction import extract
from compliance.reading import read_document

CORPUS = Path(__file__).parent / "data" / "corpus"
PDF = CORPUS / "docs" / "changxing-county-women-2021-2025.pdf"
HTML = CORPUS / "docs" / "tongxiang-city-children-2021-2025.html"


def _gold(document: Path) -> dict:
    return json.loads((CORPUS / "gold" / (document.stem + ".json")).read_text(encoding="utf-8"))


def _text_at(document, number: int) -> str:
    """The text of the printed line, cell or block of this number."""
    for line in document.lines:
        for k, cell_number in enumerate(line.cell_numbers or ()):
            if cell_number == number and line.cells and line.cells[k]:
                return line.cells[k]
        starts = line.spans or [(0, line.number, line.locator)]
        for i, (offset, span_number, _) in enumerate(starts):
            if span_number == number:
                end = starts[i + 1][0] if i + 1 < len(starts) else len(line.text)
                return line.text[offset:end]
    return ""


@pytest.mark.parametrize("document", [PDF, HTML], ids=["pdf", "html"])
def test_every_gold_quote_stands_on_its_numbered_line(document: Path) -> None:
    read = read_document(document)
    gold = _gold(document)
    wrong = [
        (t["line"], t["quote"], _text_at(read, t["line"]))
        for t in gold["targets"]
        if t["quote"] not in _text_at(read, t["line"]).replace(" ", "")
    ]
    assert not wrong


def test_pdf_paragraphs_are_rejoined_and_furniture_left_out() -> None:
    lines = read_document(PDF).lines
    texts = [line.text for line in lines]
    # the period wrapped at the page width (2021— / 2025年) is one sentence again
    assert any("规划期限为2021—2025年。" in t for t in texts)
    # page numbers "— N —" are gone
    assert not any(t.strip().startswith("—") and t.strip().endswith("—") for t in texts)
    # a wrapped paragraph keeps where each printed line starts: 100% stands on the second
    wrapped = next(line for line in lines if "调解组织镇（街道）覆盖率达到100%" in line.text)
    assert [locator for _, _, locator in wrapped.spans] == ["第2页第31行", "第2页第32行"]
    assert wrapped.number_at(wrapped.text.index("100%")) == wrapped.spans[1][1]


def test_pdf_table_is_table_rows_across_the_page_break() -> None:
    lines = read_document(PDF).lines
    rows = [line for line in lines if line.cells is not None]
    headers = [row for row in rows if row.cells[0] == "领域"]
    assert len(headers) == 1  # the header repeated on page 2 is dropped
    assert len(rows) == 13  # header + 12 indicators
    wrapped = next(row for row in rows if "女干部" in row.text)
    assert "乡镇（街道）党政领导班子配备女干部的比例（%）" in wrapped.cells  # a wrapped cell joined
    second = next(row for row in rows if row.cells[2].startswith("孕产妇系统管理率"))
    assert second.merged[0] and second.cells[0] == ""  # the 领域 cell spans rows: merged from above
    assert second.cell_locators[4] == "第1页 表1 第3行 2025年列"
    assert wrapped.locator.startswith("第2页 表1")


def test_html_article_found_and_furniture_left_out() -> None:
    lines = read_document(HTML).lines
    texts = "\n".join(line.text for line in lines)
    for furniture in ("无障碍浏览", "首页", "当前位置", "打印本页", "相关解读", "ICP备", "公网安备", "pageviews"):
        assert furniture not in texts
    assert "文号：桐政发〔2022〕3号" in texts  # the page's information table is kept, as label and value
    assert "桐乡市儿童发展“十四五”规划" in texts
    table = [line for line in lines if line.cells is not None]
    assert len(table) == 21
    assert table[3].cells[4] == "<9.5"  # &lt; decoded
    assert table[4].merged[0] and not table[4].cells[0]  # rowspan: merged from above
    assert table[4].cell_locators[4] == "表1 第5行 2025年列"
    assert lines[0].locator.startswith("信息表")
    assert any(line.locator == "正文第14段" for line in lines)


@pytest.mark.parametrize("document", [PDF, HTML], ids=["pdf", "html"])
def test_extraction_gives_metadata_and_locators(document: Path) -> None:
    (plan,) = extract(document)
    gold = _gold(document)
    assert plan.plan.title == gold["plan_title"]
    assert str(plan.plan.kind) == gold["kind"]
    assert list(plan.plan.jurisdiction) == gold["jurisdiction"]
    assert list(plan.plan.period) == gold["period"]
    assert plan.plan.document_number == gold["document_number"]
    assert plan.plan.follows == gold["parent_documents"]
    assert plan.domains == gold["domains"]
    assert all(t.locator for t in plan.targets)
    table = [t for t in plan.targets if str(t.section) == "indicator_table"]
    assert table and all("表1" in t.locator and t.locator.endswith("2025年列") for t in table)
