"""Indicator tables in the layouts plans really use, each in a small document written here (none copied).

A Word table whose 目标值 spans the national, the city's and the district's own
columns; an Excel sheet with a mid-term and a final target column; a 附表 laid out
with runs of spaces in a text file; tab-separated rows continued on the next row.
Each test states the general rule it holds.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract


def _rows(plan) -> list[tuple]:
    return [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.year)
        for t in plan.targets
        if t.section == "indicator_table"
    ]


# --------------------------------------------------------------------------- several levels' columns (.docx)


def _docx_level_columns(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某某区儿童发展规划（2021—2025年）")
    document.add_paragraph("根据《中国儿童发展纲要（2021—2030年）》，结合我区实际，制定本规划。")
    document.add_paragraph("三、主要指标")
    table = document.add_table(rows=6, cols=7)
    for k, text in enumerate(["领域", "序号", "指标", "2020年", "目标值"]):
        table.cell(0, k).text = text
    table.cell(0, 4).merge(table.cell(0, 6))  # 目标值 over three columns
    for k in range(4):
        table.cell(0, k).merge(table.cell(1, k))
    for k, text in ((4, "国家目标（2030年）"), (5, "市级目标（2025年）"), (6, "区级目标（2025年）")):
        table.cell(1, k).text = text
    rows = [
        ["儿童与健康", "1", "婴儿死亡率（‰）", "2.6", "≤5.0", "≤4", "≤3.2"],
        ["", "2", "学前教育毛入园率（%）", "91.5", "≥90", "≥92", "≥94"],
        ["儿童与环境", "3", "城乡社区儿童之家覆盖率（%）", "90", "—", "全覆盖", ""],
        ["儿童与福利", "4", "孤儿基本生活保障标准（元/月）", "1300", "—", "—", "≥1600"],
    ]
    for r, row in enumerate(rows, start=2):
        for k, text in enumerate(row):
            if text:
                table.cell(r, k).text = text
    table.cell(2, 0).merge(table.cell(3, 0))
    table.cell(4, 5).merge(table.cell(4, 6))  # the city's and the district's targets as one cell
    table.cell(4, 5).text = "全覆盖"
    document.add_paragraph("注：国家目标、市级目标仅供对照，本规划目标以区级目标为准。")
    document.add_paragraph("四、组织实施")
    document.save(str(path))
    return path


def test_of_several_levels_columns_the_lowest_is_the_plans_and_the_others_its_parents(tmp_path: Path) -> None:
    """国家目标 | 市级目标 | 区级目标 under one 目标值: the 区级 column is the plan's target, the others parents' values.

    A cell merged across the city's and the district's columns is the district's target too.
    """
    (plan,) = extract(_docx_level_columns(tmp_path / "levels.docx"))
    got = [(indicator, op, value, unit) for _, indicator, op, value, unit, _ in _rows(plan)]
    assert got == [
        ("婴儿死亡率", "<=", Decimal("3.2"), "‰"),
        ("学前教育毛入园率", ">=", Decimal(94), "%"),
        ("城乡社区儿童之家覆盖率", ">=", Decimal(100), "%"),
        ("孤儿基本生活保障标准", ">=", Decimal(1600), "元/月"),
    ]
    parents = [(t.parent_target.value if t.parent_target else None) for t in plan.targets if t.section == "indicator_table"]
    assert parents[:2] == [Decimal(4), Decimal(92)]  # the parent's column of the target's own year (市级目标（2025年）)
    assert all("区级" not in (t.parent_column or "") for t in plan.targets)


def test_under_a_target_header_a_column_marked_for_reference_is_a_parents(tmp_path: Path) -> None:
    """2025年目标值 over 某某市（参考） | 某某区: the places label whose target each column gives; the marked one is the parent's."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某某区妇女发展规划（2021—2025年）")
    document.add_paragraph("三、主要指标")
    table = document.add_table(rows=4, cols=6)
    for k, text in enumerate(["序号", "指标", "单位", "2020年基数", "2025年目标值"]):
        table.cell(0, k).text = text
    table.cell(0, 4).merge(table.cell(0, 5))
    for k in range(4):
        table.cell(0, k).merge(table.cell(1, k))
    table.cell(1, 4).text = "某某市（参考）"
    table.cell(1, 5).text = "某某区"
    for r, row in enumerate([["1", "孕产妇死亡率", "1/10万", "3.98", "≤10", "≤8"],
                             ["2", "适龄妇女宫颈癌人群筛查率", "%", "68.5", "≥70", "≥75"]], start=2):
        for k, text in enumerate(row):
            table.cell(r, k).text = text
    document.add_paragraph("四、组织实施")
    path = tmp_path / "reference-column.docx"
    document.save(str(path))
    (plan,) = extract(path)
    got = [(indicator, op, value) for _, indicator, op, value, _, _ in _rows(plan)]
    assert got == [("孕产妇死亡率", "<=", Decimal(8)), ("适龄妇女宫颈癌人群筛查率", ">=", Decimal(75))]
    parents = [t.parent_target.value for t in plan.targets if t.parent_target]
    assert parents == [Decimal(10), Decimal(70)]


def test_a_target_column_named_after_the_parent_place_is_the_parents(tmp_path: Path) -> None:
    """浏阳市目标值 over 2025年 | 2030年 beside 长沙市目标值（2030年）: the gazetteer says 长沙市 is the level above
    浏阳市 (a county-level city), so that column is the parent's values quoted beside the plan's, never its targets."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("浏阳市妇女发展规划（2021—2030年）")
    document.add_paragraph("三、主要指标")
    table = document.add_table(rows=4, cols=6)
    for k, text in enumerate(["序号", "指标", "单位", "浏阳市目标值", "", "长沙市目标值（2030年）"]):
        table.cell(0, k).text = text
    table.cell(0, 3).merge(table.cell(0, 4))
    for k in (0, 1, 2, 5):
        table.cell(0, k).merge(table.cell(1, k))
    table.cell(1, 3).text = "2025年"
    table.cell(1, 4).text = "2030年"
    for r, row in enumerate([["1", "孕产妇死亡率", "1/10万", "≤10", "≤9", "≤10"],
                             ["2", "适龄妇女宫颈癌人群筛查率", "%", "≥65", "≥75", "≥70"]], start=2):
        for k, text in enumerate(row):
            table.cell(r, k).text = text
    document.add_paragraph("四、组织实施")
    path = tmp_path / "parent-place.docx"
    document.save(str(path))
    (plan,) = extract(path)
    got = [(indicator, op, value, year) for _, indicator, op, value, _, year in _rows(plan)]
    assert got == [("孕产妇死亡率", "<=", Decimal(10), 2025), ("孕产妇死亡率", "<=", Decimal(9), None),
                   ("适龄妇女宫颈癌人群筛查率", ">=", Decimal(65), 2025), ("适龄妇女宫颈癌人群筛查率", ">=", Decimal(75), None)]
    assert [t.parent_target.value for t in plan.targets if t.parent_target][-1:] == [Decimal(70)]


def test_a_value_header_over_year_columns_gives_the_baseline_and_the_target(tmp_path: Path) -> None:
    """指标值 spanning 2020年 | 2030年 (a saved web page's table): the earlier year is the baseline, the later the target."""
    page = """<html><head><meta charset="utf-8"><title>某某县儿童发展规划（2021—2030年）</title></head><body>
<div class="article"><p>某某县儿童发展规划（2021—2030年）</p><p>二、主要指标</p>
<table><tr><td colspan="6">某某县儿童发展主要指标</td></tr>
<tr><td rowspan="2">领&nbsp;域</td><td rowspan="2">序号</td><td rowspan="2">指标名称</td><td colspan="2">指标值</td>
<td rowspan="2">指标属性</td></tr>
<tr><td>2020年</td><td>2030年</td></tr>
<tr><td rowspan="2">儿童与健康</td><td>1</td><td>婴儿死亡率（&#8240;）</td><td>4.12</td><td>&le;4</td><td>约束性</td></tr>
<tr><td>2</td><td>适龄儿童免疫规划疫苗接种率（%）</td><td>96.5</td><td>&ge;95</td><td>约束性</td></tr>
</table><p>三、组织实施</p></div></body></html>"""
    path = tmp_path / "values.html"
    path.write_text(page, encoding="utf-8")
    (plan,) = extract(path)
    got = [(indicator, op, value, unit) for _, indicator, op, value, unit, _ in _rows(plan)]
    assert got == [("婴儿死亡率", "<=", Decimal(4), "‰"), ("适龄儿童免疫规划疫苗接种率", ">=", Decimal(95), "%")]
    baselines = [t.baseline.value for t in plan.targets if t.section == "indicator_table" and t.baseline]
    assert baselines == [Decimal("4.12"), Decimal("96.5")]


# --------------------------------------------------------------------------- mid-term and final columns (.xlsx)


def _xlsx_two_years(path: Path) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "主要指标"
    sheet.append(["某某旗妇女发展规划（2021—2030年）主要指标"])
    sheet.merge_cells("A1:G1")
    sheet.append(["领域", "序号", "指标", "单位", "基期值", "目标值", None])
    sheet.append([None, None, None, None, None, "2025年", "2030年"])
    for column in "ABCDE":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("F2:G2")
    rows = [
        ["妇女与健康", 1, "孕产妇死亡率", "1/10万", 15.1, "≤14", "≤13"],
        ["妇女与健康", 2, "乳腺癌人群筛查率", "%", 0.5, 0.62, 0.7],
        ["妇女与经济", 3, "就业人员中的女性比例", "%", 0.44, "45左右", "45左右"],
        ["妇女与经济", 4, "城镇新增就业人员中女性比例", "%", 0.42, "40%—45%", "40%—45%"],
        ["妇女与社会保障", 5, "妇女基本医疗保险参保率", "%", 0.96, 0.95, "达到并保持在95%以上"],
        ["妇女与环境", 6, "新建公共厕所女厕位与男厕位比例", "—", None, "3:2", "3:2"],
    ]
    for row in rows:
        sheet.append(row)
    for r in (5, 6, 8):
        for column in "EFG":
            if isinstance(sheet[f"{column}{r}"].value, float):
                sheet[f"{column}{r}"].number_format = "0%"
    sheet.append(["说明：目标值未标注“≤”“<”的均为“达到或高于”。2025年为中期目标值。"])
    workbook.save(str(path))
    return path


def test_a_mid_term_and_a_final_column_are_both_targets_even_when_they_say_the_same(tmp_path: Path) -> None:
    """目标值 over 2025年 | 2030年 in a 2030 plan: two targets a row, the mid-term with its year, the final without.

    The same text in both cells (45左右 | 45左右) is two targets, not a repeated copy.
    """
    (plan,) = extract(_xlsx_two_years(tmp_path / "two-years.xlsx"))
    got = [(line, op, value, unit, year) for line, _, op, value, unit, year in _rows(plan)]
    assert got == [
        (4, "<=", Decimal(14), "1/10万", 2025), (4, "<=", Decimal(13), "1/10万", None),
        (5, ">=", Decimal(62), "%", 2025), (5, ">=", Decimal(70), "%", None),
        (6, "~", Decimal(45), "%", 2025), (6, "~", Decimal(45), "%", None),
        (7, ">=", Decimal(40), "%", 2025), (7, ">=", Decimal(40), "%", None),
        (8, ">=", Decimal(95), "%", 2025), (8, ">=", Decimal(95), "%", None),
        (9, "=", Decimal("1.5"), "ratio", 2025), (9, "=", Decimal("1.5"), "ratio", None),
    ]
    ranges = [t.target.value_max for t in plan.targets if t.line == 7]
    assert ranges == [Decimal(45), Decimal(45)]  # a range keeps its upper end


def test_the_final_column_is_held_to_the_outlines_final_target_and_a_row_is_no_sentence(tmp_path: Path) -> None:
    """The 2030 value (≤13/10万) is the one compared with the national 2030 target (≤12), not the mid-term one;
    a table row's text (…| 1/10万 | 15.1 | ≤14 | ≤13) is no sentence to re-read (no text-mismatch)."""
    from compliance.checking import check

    (plan,) = extract(_xlsx_two_years(tmp_path / "two-years.xlsx"))
    findings = check(plan).findings
    weaker = [f for f in findings if f.rule == "weaker-threshold" and f.indicator_name == "孕产妇死亡率"]
    assert [f.plan_target.target.value for f in weaker] == [Decimal(13)]
    assert not [f for f in findings if f.rule == "text-mismatch"]


# --------------------------------------------------------------------------- a 附表 in columns of spaces (.txt)


def _pad(text: str, width: int) -> str:
    """The text padded with spaces to `width` columns of a monospaced editor (a Chinese character is two)."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(2, width - shown)


def _aligned(rows: list[list[str]], widths: list[int]) -> str:
    return "\n".join("".join(_pad(c, w) for c, w in zip(row[:-1], widths, strict=False)) + row[-1] for row in rows)


def test_a_table_aligned_with_spaces_is_read_by_its_columns(tmp_path: Path) -> None:
    """A 附表 whose columns are runs of spaces, 领域 only on each domain's first row: every cell under its header."""
    table = _aligned(
        [
            ["序号", "领域", "指标", "2020年", "2030年", "指标性质"],
            ["1", "儿童与健康", "婴儿死亡率（‰）", "5.1", "≤4.5", "约束性"],
            ["2", "", "5岁以下儿童死亡率（‰）", "6.9", "≤6", "约束性"],
            ["3", "", "每千人口拥有3岁以下婴幼儿托位数（个）", "1.1", "4.5", "预期性"],
            ["4", "儿童与安全", "儿童伤害死亡率（1/10万）", "17.2", "下降20%", "约束性"],
            ["5", "儿童与教育", "学前教育毛入园率（%）", "89.6", "≥92", "约束性"],
        ],
        [6, 16, 40, 10, 10],
    )
    text = (
        "某某省儿童发展规划（2021—2030年）\n第一章  儿童与健康\n第一节  主要目标\n"
        "1.婴儿死亡率控制在4.5‰以下。\n\n附表\n某某省儿童发展规划（2021—2030年）主要指标\n"
        f"{table}\n注：2020年为基期值。\n"
    )
    path = tmp_path / "aligned.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path)
    assert [(line, name, op, value, unit) for line, name, op, value, unit, _ in _rows(plan)] == [
        (9, "婴儿死亡率", "<=", Decimal("4.5"), "‰"),
        (10, "5岁以下儿童死亡率", "<=", Decimal(6), "‰"),
        (11, "每千人口拥有3岁以下婴幼儿托位数", ">=", Decimal("4.5"), "个/千人"),
        (12, "儿童伤害死亡率", "rel_decrease", Decimal(20), "%"),
        (13, "学前教育毛入园率", ">=", Decimal(92), "%"),
    ]
    (relative,) = [t for t in plan.targets if t.line == 12]
    assert relative.target.base_year == 2020
    domains = [t.domain for t in plan.targets if t.section == "indicator_table"]
    assert domains[:3] == ["儿童与健康"] * 3 and domains[3] != domains[0]
    assert not [u for u in plan.unparsed if u.line and u.line >= 8]


def test_a_space_aligned_table_ends_where_the_text_goes_on_without_columns(tmp_path: Path) -> None:
    """A 主要指标 table in columns of spaces before the domains' text: the headings and sentences after it are text.

    A line of one run of words from the left margin (三、…, （一）…, 1．…) stands under
    the first column only by accident: it is no row, so the table ends there and
    the 主要目标 after it are read as targets, not listed as numbers nobody read.
    """
    table = _aligned(
        [
            ["领域", "指标", "2020年", "2025年"],
            ["儿童与健康", "新生儿死亡率（‰）", "２.９１", "≤２.８"],
            ["", "婴儿死亡率（‰）", "４.８６", "≤４.５"],
            ["儿童与环境", "村（社区）儿童之家覆盖率（％）", "９０", "１００"],
        ],
        [16, 40, 12],
    )
    text = (
        "某某县儿童发展规划（2021—2025年）\n一、发展现状\n２０２０年，全县婴儿死亡率为４.８６‰。\n二、主要指标\n"
        f"{table}\n三、发展领域、主要目标和策略措施\n（一）儿童与健康\n主要目标：\n"
        "１．适龄儿童免疫规划疫苗接种率以乡（镇）为单位保持在９８％以上。\n"
        "２．５岁以下儿童贫血患病率控制在１０％以下。\n"
        "策略措施：\n１．提升儿童医疗服务能力。县人民医院儿科床位达到８０张。\n"
        "（二）儿童与安全\n主要目标：\n１．儿童伤害死亡率以２０２０年为基数下降２０％。\n"
    )
    path = tmp_path / "aligned-then-text.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path)
    rows = [(t.line, t.target.value) for t in plan.targets if t.section == "indicator_table"]
    assert rows == [(6, Decimal("2.8")), (7, Decimal("4.5")), (8, Decimal(100))]
    from_text = [(t.line, t.target.value) for t in plan.targets if t.section != "indicator_table"]
    assert from_text == [(12, Decimal(98)), (13, Decimal(10)), (15, Decimal(80)), (18, Decimal(20))]
    assert plan.unparsed == []


# --------------------------------------------------------------------------- rows continued (.txt with tabs)


CONTINUED = (
    "某某县妇女发展“十四五”规划\n三、主要指标\n"
    "领域\t指标\t2020年\t2025年\n"
    "妇女与健康\t孕产妇死亡率（1/10万）\t１３.１\t≤１２\n"
    "\t适龄妇女宫颈癌人群筛查率\t６２\t≥７０\n"
    "\t（％）\t\t\n"
    "妇女参与决策和管理\t乡镇党政领导班子中配备女干部的比例（％）\t—\t换届后当年100％，\n"
    "\t\t\t平时保持在８５％以上\n"
    "妇女与环境\t农村卫生厕所普及率（％）\t７０\t≥８５\n"
    "注：2020年为基期值。\n"
    "四、组织实施\n"
)


def test_a_name_or_a_target_continued_on_the_next_row_belongs_to_the_row_above(tmp_path: Path) -> None:
    """`\\t（％）\\t\\t` ends the name above; `\\t\\t\\t平时…` ends the target cell above, each value at its own line."""
    path = tmp_path / "continued.txt"
    path.write_bytes(CONTINUED.replace("\n", "\r\n").encode("gbk"))
    (plan,) = extract(path, jurisdiction="吉林省/白山市/某某县")
    assert [(line, name, op, value, unit) for line, name, op, value, unit, _ in _rows(plan)] == [
        (4, "孕产妇死亡率", "<=", Decimal(12), "1/10万"),
        (5, "适龄妇女宫颈癌人群筛查率", ">=", Decimal(70), "%"),
        (7, "乡镇党政领导班子中配备女干部的比例", ">=", Decimal(100), "%"),
        (8, "乡镇党政领导班子中配备女干部的比例", ">=", Decimal(85), "%"),
        (9, "农村卫生厕所普及率", ">=", Decimal(85), "%"),
    ]
    conditions = [t.target.condition for t in plan.targets if t.line in (7, 8)]
    assert conditions == ["换届后当年", "平时"]
    assert not plan.unparsed


# --------------------------------------------------------------------------- one cell per line (a portal copy)


PORTAL_CELLS = """某某县儿童发展规划（****—****年）
*、主要指标
某某县儿童发展规划主要指标
序号
指标
****年
****年
*
婴儿死亡率（‰）
*.**
≤*
*
高中阶段毛入学率（%）
**.*
≥92
*
城乡社区儿童之家覆盖率（%）
**
100
*、发展领域、主要目标和策略措施
（*）儿童与健康
主要目标：
*.新生儿死亡率、婴儿死亡率和5岁以下儿童死亡率分别控制在*.*‰、*‰和5‰以下。
*.适龄儿童免疫规划疫苗接种率保持在9*%以上。
"""


def test_a_table_one_cell_per_line_ends_at_the_next_heading_and_the_text_is_read_on(tmp_path: Path) -> None:
    """A flattened table's cells are short lines; a part, section or numbered domain heading (masked or not) ends it.

    Masked values stay masked, legible ones are read, in the table and in a 分别 list alike.
    """
    path = tmp_path / "cells.txt"
    path.write_text(PORTAL_CELLS, encoding="utf-8")
    (plan,) = extract(path, jurisdiction="江西省/赣州市/某某县", period=(2021, 2025))
    got = [(t.line, t.section, str(t.target.op), t.target.value, t.target.unit, t.target.masked) for t in plan.targets]
    assert got == [
        (11, "indicator_table", "<=", None, "‰", True),
        (15, "indicator_table", ">=", Decimal(92), "%", False),
        (19, "indicator_table", ">=", Decimal(100), "%", False),
        (23, "main_targets", "<=", None, "‰", True),
        (23, "main_targets", "<=", None, "‰", True),
        (23, "main_targets", "<=", Decimal(5), "‰", False),
        (24, "main_targets", ">=", None, "%", True),
    ]
    assert [t.domain for t in plan.targets][-4:] == ["儿童与健康"] * 4


# --------------------------------------------------------------------------- a cell with one target per subject (.html)


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某区儿童发展规划</title></head><body>
<div class="article"><h1>某某区儿童发展规划（2021—2025年）</h1>
<p>根据《中国儿童发展纲要（2021—2030年）》，结合我区实际，制定本规划。</p>
<p>三、主要指标</p>
<table>
<tr><td>领域</td><td>指标</td><td>2020年</td><td>2025年</td></tr>
<tr><td>儿童与家庭</td><td>家长学校覆盖率（%）</td><td>城市80/农村62</td><td>城市社区&ge;95<br>农村社区&ge;85</td></tr>
<tr><td>儿童与健康</td><td>婴儿死亡率（&#8240;）</td><td>4.1</td><td>&lt;3.5</td></tr>
</table>
<p>四、组织实施</p></div></body></html>
"""


def test_a_cell_with_one_target_per_subject_gives_a_target_each_named_for_its_subject(tmp_path: Path) -> None:
    """城市社区≥95<br>农村社区≥85 in one cell: two targets, 城市社区家长学校覆盖率 and 农村社区家长学校覆盖率."""
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (plan,) = extract(path, jurisdiction="甘肃省/兰州市/某某区")
    got = [(name, op, value, unit) for _, name, op, value, unit, _ in _rows(plan)]
    assert got == [
        ("城市社区家长学校覆盖率", ">=", Decimal(95), "%"),
        ("农村社区家长学校覆盖率", ">=", Decimal(85), "%"),
        ("婴儿死亡率", "<", Decimal("3.5"), "‰"),
    ]


def test_a_pdf_cell_merged_across_the_citys_and_the_districts_columns_is_the_districts_too(tmp_path: Path) -> None:
    """A ruled PDF table: 目标值 over 国家目标 | 市级目标 | 区级目标, one row's 市级 and 区级 cells drawn as one."""
    pytest.importorskip("reportlab")
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from tests.makedocs import _font

    font = _font(embedded=False)
    body = ParagraphStyle("body", fontName=font, fontSize=12, leading=20, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    rows = [
        ["领域", "指标", "2020年", "目标值", "", ""],
        ["", "", "", "国家目标（2030年）", "市级目标（2025年）", "区级目标（2025年）"],
        ["儿童与健康", "婴儿死亡率（‰）", "2.6", "≤5.0", "≤4", "≤3.2"],
        ["儿童与环境", "城乡社区儿童之家覆盖率（%）", "90", "—", "全覆盖", ""],
    ]
    data = [[Paragraph(c, cell) for c in row] for row in rows]
    style = TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("SPAN", (3, 0), (5, 0)), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (2, 1)),
        ("SPAN", (4, 3), (5, 3)),
    ])
    story = [
        Paragraph("某某区儿童发展规划（2021—2025年）", body),
        Paragraph("根据《中国儿童发展纲要（2021—2030年）》，制定本规划。", body),
        Paragraph("三、主要指标", body),
        Table(data, style=style),
        Paragraph("四、组织实施", body),
    ]
    path = tmp_path / "levels.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    (plan,) = extract(path, jurisdiction="重庆市/某某区")
    got = [(name, op, value) for _, name, op, value, _, _ in _rows(plan)]
    assert got == [("婴儿死亡率", "<=", Decimal("3.2")), ("城乡社区儿童之家覆盖率", ">=", Decimal(100))]
