"""Saved web pages and PDFs in shapes that Word-exported pages and laid-out PDFs take (issue 8).

Each test writes a small document of the shape and asserts exactly what is
extracted from it: a table cell holding one value per year one above the other
(90<br>92 under 目标值（2025年/2030年）), a comparator in a text node of its own
(≥ | 95), footnote marks glued to a cell (≥70①), caption and box numbers
(表1, 专栏2) that are no targets.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract
from compliance.reading import read_document

D = Decimal


def _table(plan) -> list[tuple]:
    return [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.year)
        for t in plan.targets
        if str(t.section) == "indicator_table"
    ]


def _page(folder: Path, body: str, kind: str = "儿童") -> Path:
    path = folder / "page.html"
    path.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某县{kind}发展规划</title></head><body>'
        f'<div class="article"><h1>某某县{kind}发展规划（2021—2030年）</h1>'
        f"<p>根据《中国{kind}发展纲要（2021—2030年）》，结合我县实际，制定本规划。</p>"
        f"{body}<p>四、组织实施</p></div></body></html>",
        encoding="utf-8",
    )
    return path


# Word's export: every value in a <span> of its own, the 2025 and the 2030 value of a row in one cell
TWO_YEARS = """<p>二、主要指标</p>
<table class="MsoTableGrid">
<tr><td><p><span>序号</span></p></td><td><p><span>指标名称</span></p></td><td><p><span>单位</span></p></td>
<td><p><span>基期值（2020年）</span></p></td><td><p><span>目标值（2025年/2030年）</span></p></td></tr>
<tr><td><p><span>1</span></p></td><td><p><span>新生儿死亡率</span></p></td><td><p><span>‰</span></p></td>
<td><p><span>3.2</span></p></td><td><p><span>≤3.0</span><br/><span>≤2.8</span></p></td></tr>
<tr><td><p><span>2</span></p></td><td><p><span>学前教育毛入园率</span></p></td><td><p><span>%</span></p></td>
<td><p><span>86.5</span></p></td><td><p><span>90</span><br/><span>92</span></p></td></tr>
<tr><td><p><span>3</span></p></td><td><p><span>儿童眼保健和视力检查覆盖率</span></p></td><td><p><span>%</span></p></td>
<td><p><span>89.6</span></p></td><td><p><span>≥92</span></p><p><span>≥</span><span>95</span></p></td></tr>
</table>
<p>注：未标注符号的为“不低于”。</p>"""


def test_a_cell_with_one_value_per_year_one_above_the_other_gives_a_target_each(tmp_path: Path) -> None:
    """90<br>92 under 目标值（2025年/2030年）: 90 for 2025 and 92 for 2030, never 9092; each at its own text node."""
    path = _page(tmp_path, TWO_YEARS)
    (plan,) = extract(path, jurisdiction="重庆市/某某县")
    lines = {line.text: line.number for line in read_document(path).lines}
    row = {name: lines[next(t for t in lines if name in t)] for name in ("新生儿死亡率", "学前教育毛入园率", "儿童眼保健")}
    # the text nodes of a row: 序号, name, unit, baseline, then the target cell's nodes
    assert _table(plan) == [
        (row["新生儿死亡率"] + 4, "新生儿死亡率", "<=", D("3.0"), "‰", 2025),
        (row["新生儿死亡率"] + 5, "新生儿死亡率", "<=", D("2.8"), "‰", None),
        (row["学前教育毛入园率"] + 4, "学前教育毛入园率", ">=", D(90), "%", 2025),
        (row["学前教育毛入园率"] + 5, "学前教育毛入园率", ">=", D(92), "%", None),
        (row["儿童眼保健"] + 4, "儿童眼保健和视力检查覆盖率", ">=", D(92), "%", 2025),
        (row["儿童眼保健"] + 6, "儿童眼保健和视力检查覆盖率", ">=", D(95), "%", None),  # ≥ | 95: the line of 95
    ]
    assert not plan.unparsed


def test_a_cell_of_two_lines_under_a_header_of_one_year_is_read_as_before(tmp_path: Path) -> None:
    """Only a header naming the years says whose value each line is: under 2030年目标 a two-line cell keeps no year."""
    body = TWO_YEARS.replace("目标值（2025年/2030年）", "2030年目标")
    (plan,) = extract(_page(tmp_path, body), jurisdiction="重庆市/某某县")
    assert [(name, value, year) for _, name, _, value, _, year in _table(plan)][2:4] == [
        ("学前教育毛入园率", D(90), None),
        ("学前教育毛入园率", D(92), None),
    ]


FOOTNOTES = """<p>二、主要指标</p>
<table>
<tr><td>序号</td><td>指标</td><td>单位</td><td>2020年</td><td>2030年目标</td></tr>
<tr><td>1</td><td>适龄妇女宫颈癌人群筛查率</td><td>%</td><td>58.3</td><td>≥70①</td></tr>
<tr><td>2</td><td>高中阶段毛入学率②</td><td>%</td><td>98.6²</td><td>≥99²</td></tr>
</table>
<p>注：①按35—64岁适龄妇女计算；②含普通高中和中等职业教育。</p>
<p>三、主要目标和重点任务</p>
<p>（一）妇女与健康</p>
<p>专栏1　妇女健康提升工程</p>
<p>1．县妇幼保健院产科床位不少于80张。</p>"""


def test_footnote_marks_glued_to_cells_are_the_notes_and_captions_are_no_targets(tmp_path: Path) -> None:
    """≥70① is 70 (never 701), 高中阶段毛入学率② is the indicator, 98.6² the baseline; 专栏1 is no unparsed number."""
    (plan,) = extract(_page(tmp_path, FOOTNOTES, "妇女"), jurisdiction="浙江省/丽水市/某某县")
    assert [(name, op, value, unit) for _, name, op, value, unit, _ in _table(plan)] == [
        ("适龄妇女宫颈癌人群筛查率", ">=", D(70), "%"),
        ("高中阶段毛入学率", ">=", D(99), "%"),
    ]
    assert [t.baseline.value for t in plan.targets if t.baseline] == [D("58.3"), D("98.6")]
    assert [(t.target.value, t.target.unit) for t in plan.targets if str(t.section) != "indicator_table"] == [(D(80), "张")]
    assert not plan.unparsed


def test_a_pdf_cell_with_the_2025_value_over_the_2030_value_gives_a_target_each(tmp_path: Path) -> None:
    """A ruled PDF table whose target cell prints 90 over 92 under 目标值（2025年/2030年）: two targets, each on its printed line."""
    pytest.importorskip("reportlab")
    from tests.makedocs import text_to_pdf

    table = [
        ["序号", "指标名称", "单位", "基期值（2020年）", "目标值（2025年/2030年）"],
        ["1", "新生儿死亡率", "‰", "3.2", "≤3.0|≤2.8"],
        ["2", "学前教育毛入园率", "%", "86.5", "90|92"],
    ]
    lines = ["某某县儿童发展规划（2021—2030年）", "根据《中国儿童发展纲要（2021—2030年）》，制定本规划。", "二、主要指标"]
    for row in table:  # a text export's table: a cell per tab-prefixed line, rows apart by blank lines
        lines += ["\t" + cell for cell in row] + [""]
    lines += ["注：表中目标值未标注符号的，均为“不低于”。", "四、组织实施"]
    path = text_to_pdf(lines, tmp_path / "years.pdf", embedded=False, cell_break="|")
    (plan,) = extract(path, jurisdiction="重庆市/某某县")
    got = _table(plan)
    assert [(name, op, value, unit, year) for _, name, op, value, unit, year in got] == [
        ("新生儿死亡率", "<=", D("3.0"), "‰", 2025),
        ("新生儿死亡率", "<=", D("2.8"), "‰", None),
        ("学前教育毛入园率", ">=", D(90), "%", 2025),
        ("学前教育毛入园率", ">=", D(92), "%", None),
    ]
    assert [line for line, *_ in got][1::2] == [line + 1 for line, *_ in got][0::2]  # the 2030 value one printed line down


@pytest.mark.parametrize(
    "note",
    ["注：目标值栏上行为2025年目标，下行为2030年目标；未标注符号的为“不低于”。", "注：“/”前为2025年目标值、后为2030年目标值；未标注符号的为“不低于”。"],
)
def test_the_tables_note_says_whose_year_each_value_of_a_cell_is(tmp_path: Path, note: str) -> None:
    """Under a bare 目标值 header the note names the years (上行为2025年…下行为2030年); a cell 90/92 is one value per year."""
    body = (
        TWO_YEARS.replace("目标值（2025年/2030年）", "目标值")
        .replace("<p>注：未标注符号的为“不低于”。</p>", f"<p>{note}</p>")
        .replace("<span>90</span><br/><span>92</span>", "<span>90/92</span>")
    )
    (plan,) = extract(_page(tmp_path, body), jurisdiction="重庆市/某某县")
    assert [(name, value, year) for _, name, _, value, _, year in _table(plan)] == [
        ("新生儿死亡率", D("3.0"), 2025),
        ("新生儿死亡率", D("2.8"), None),
        ("学前教育毛入园率", D(90), 2025),
        ("学前教育毛入园率", D(92), None),
        ("儿童眼保健和视力检查覆盖率", D(92), 2025),
        ("儿童眼保健和视力检查覆盖率", D(95), None),
    ]
    assert not plan.unparsed


def test_a_slash_cell_under_a_header_naming_no_years_and_no_subjects_is_listed_not_guessed(tmp_path: Path) -> None:
    """90/92 under a bare 目标值 with no note saying what the two values are: listed under unparsed with its cell."""
    body = TWO_YEARS.replace("目标值（2025年/2030年）", "目标值").replace("<span>90</span><br/><span>92</span>", "<span>90/92</span>")
    (plan,) = extract(_page(tmp_path, body), jurisdiction="重庆市/某某县")
    assert "学前教育毛入园率" not in [t.indicator for t in plan.targets]
    assert [item.text for item in plan.unparsed] == ["学前教育毛入园率: 90/92"]


def test_a_footnote_mark_in_superscript_is_the_notes_and_an_exponent_stays(tmp_path: Path) -> None:
    """以下<sup>2</sup> and 95%<sup>①</sup> are footnote marks (no number 2, no 95①); m<sup>2</sup> after a letter stays."""
    body = """<p>三、主要目标</p><p>（一）儿童与健康</p><p>主要目标：</p>
<p>1.适龄儿童免疫规划疫苗接种率保持在95%<sup>①</sup>以上。</p>
<p>2.婴儿死亡率<span>降至</span><span>5</span><span>‰</span>以下<span style="vertical-align: super">2</span>。</p>
<p>3.人均公园绿地面积达到12m<sup>2</sup>。</p>
<p>注：①以乡镇为单位。</p>"""
    (plan,) = extract(_page(tmp_path, body), jurisdiction="重庆市/某某县")
    assert [(t.indicator, str(t.target.op), t.target.value, t.target.unit, t.text) for t in plan.targets] == [
        ("适龄儿童免疫规划疫苗接种率", ">=", D(95), "%", "适龄儿童免疫规划疫苗接种率保持在95%以上"),
        ("婴儿死亡率", "<=", D(5), "‰", "婴儿死亡率降至5‰以下"),
    ]
    assert [item.text for item in plan.unparsed] == ["人均公园绿地面积达到12m2"]  # an area's unit, listed as written


def test_the_plans_background_part_is_its_past_not_numbers_left_unread(tmp_path: Path) -> None:
    """前言, then 一、规划背景 or 一、“十三五”时期儿童发展状况: the figures there are the past, not unparsed numbers."""
    for heading in ("一、规划背景", "一、“十三五”时期儿童发展状况"):
        body = f"""<p>前言</p><p>为促进儿童全面发展，制定本规划。</p><p>{heading}</p><p>全县儿童发展取得明显进步。2020年，全县婴儿死亡率为5.9‰，5岁以下儿童死亡率为8.1‰，全县建有儿童之家102个。</p>
<p>二、发展领域、主要目标和策略措施</p><p>（一）儿童与健康</p><p>主要目标：</p><p>1.婴儿死亡率控制在4.5‰以下。</p>"""
        (plan,) = extract(_page(tmp_path, body), jurisdiction="重庆市/某某县")
        assert [(t.indicator, t.target.value) for t in plan.targets] == [("婴儿死亡率", D("4.5"))]
        assert not plan.unparsed, heading
