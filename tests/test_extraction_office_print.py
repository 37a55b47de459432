"""The print shapes of tests/test_extraction_pdf_print.py in Word and web pages: a table of contents whose leaders
are tabs (a Word contents field), a table printed as two side by side."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from compliance.extraction import extract

JURISDICTION = "湖北省/某某市/某某县"
TITLE = "某某县儿童发展规划（2021—2030年）"
BODY = [
    "一、发展领域和主要目标",
    "（一）儿童与健康",
    "主要目标：",
    "1.新生儿死亡率控制在2.8‰以下。",
    "2.婴儿死亡率控制在4.2‰以下。",
    "（二）儿童与教育",
    "主要目标：",
    "1.学前教育毛入园率达到92%以上。",
    "二、组织实施",
    "县妇女儿童工作委员会负责规划实施的统筹协调。",
]
BODY_TARGETS = [
    ("新生儿死亡率", "<=", D("2.8"), "‰"),
    ("婴儿死亡率", "<=", D("4.2"), "‰"),
    ("学前教育毛入园率", ">=", D(92), "%"),
]
HALF = ["序号", "指标（单位）", "2020年", "2030年目标"]
HALVES = [
    HALF + HALF,
    ["1", "婴儿死亡率（‰）", "4.9", "≤4.2", "3", "学前教育毛入园率（%）", "89.5", "≥93"],
    ["2", "5岁以下儿童死亡率（‰）", "6.3", "≤5.5", "4", "九年义务教育巩固率（%）", "96.2", "≥97.5"],
]
HALVES_TARGETS = [
    ("婴儿死亡率", "<=", D("4.2"), "‰"),
    ("5岁以下儿童死亡率", "<=", D("5.5"), "‰"),
    ("学前教育毛入园率", ">=", D(93), "%"),
    ("九年义务教育巩固率", ">=", D("97.5"), "%"),
]


def _targets(plan) -> list[tuple]:
    return [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets]


def _docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None, after: int = 0) -> Path:
    """Paragraphs, and `table` after the first `after` of them."""
    from docx import Document

    document = Document()
    for k, text in enumerate(paragraphs):
        if table is not None and k == after:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    grid.cell(r, c).text = cell
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_a_word_table_of_contents_with_tab_leaders_gives_no_headings_and_no_numbers(tmp_path: Path) -> None:
    """目录, then 一、…<tab>1 (a contents field: its dots are a tab leader, no characters): furniture to its end."""
    contents = ["目录", "一、发展领域和主要目标\t1", "（一）儿童与健康\t1", "（二）儿童与教育\t2", "（三）儿童与福利\t2", "二、组织实施\t3"]
    (plan,) = extract(_docx(tmp_path / "contents.docx", [TITLE, *contents, *BODY]), jurisdiction=JURISDICTION)
    assert _targets(plan) == BODY_TARGETS
    assert plan.domains == ["儿童与健康", "儿童与教育"]
    assert not plan.unparsed


def test_lines_ending_in_a_tab_and_a_number_without_a_contents_heading_are_read(tmp_path: Path) -> None:
    """No 目录 above them: a tab before a number is no leader (a row of a table written with tabs)."""
    lines = [TITLE, "一、主要指标", "指标\t2030年目标", "婴儿死亡率（‰）\t4.2", *BODY[1:]]
    (plan,) = extract(_docx(tmp_path / "tabs.docx", lines), jurisdiction=JURISDICTION)
    assert ("婴儿死亡率", "<=", D("4.2"), "‰") in _targets(plan)


def test_a_word_table_printed_as_two_side_by_side(tmp_path: Path) -> None:
    paragraphs = [TITLE, "一、主要指标", "注：目标值未标注符号的为“达到”。", "二、组织实施", "县妇女儿童工作委员会负责统筹协调。"]
    (plan,) = extract(_docx(tmp_path / "halves.docx", paragraphs, HALVES, after=2), jurisdiction=JURISDICTION)
    assert sorted(_targets(plan)) == sorted(HALVES_TARGETS)
    assert sorted(t.baseline.value for t in plan.targets) == [D("4.9"), D("6.3"), D("89.5"), D("96.2")]
    assert not plan.unparsed


def test_a_web_pages_table_printed_as_two_side_by_side(tmp_path: Path) -> None:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in HALVES)
    page = (
        f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><div class='article'>"
        f"<h1>{TITLE}</h1><p>一、主要指标</p><table>{rows}</table><p>二、组织实施</p>"
        "<p>县妇女儿童工作委员会负责统筹协调。</p></div></body></html>"
    )
    path = tmp_path / "halves.html"
    path.write_text(page, encoding="utf-8")
    (plan,) = extract(path, jurisdiction=JURISDICTION)
    assert sorted(_targets(plan)) == sorted(HALVES_TARGETS)
    assert not plan.unparsed
