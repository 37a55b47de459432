"""Workbook and Word-table layouts that mix the plan's sentences with its indicators, each file written by its test.

- an indicator table whose name column (指标/目标任务) holds a sentence of the plan on some rows, merged across the
  value columns, and whose 类型 column says which section the sentence belongs to;
- a table with a column per section (领域 | 主要目标 | 策略措施), a row per domain, each cell the section's list
  with its items on lines of their own (Alt+Enter), list numbers glued to ages (3.5岁以下…) among them;
- a sheet caption naming the plan (…主要指标监测表, …指标任务清单): the plan's title, place and level;
- of two baseline columns (2019年 | 2020年基数), the later is the baseline.

Every wording, number and place here is invented for the test; each expected target was written with the document,
before extraction ran on it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract
from tests.makedocs import word_table

D = Decimal


def _got(plan) -> list[tuple]:
    return [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, str(t.section), t.domain, t.year)
            for t in plan.targets if t.target.value is not None]


def _mixed_workbook(path: Path, name_header: str, type_header: str) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    about = book.active
    about.title = "说明"
    about.append(["德化县儿童发展规划（2021—2030年）指标任务清单"])
    about.append([])
    about.append(["编制依据：《中国儿童发展纲要（2021—2030年）》《福建省儿童发展规划（2021—2030年）》"])
    sheet = book.create_sheet("一、健康")
    for row in (
        ["（一）儿童与健康"],
        ["序号", type_header, name_header, "单位", "2020年", "2025年", "2030年", "牵头单位"],
        [1, "指标", "婴儿死亡率", "‰", 3.8, "≤3.5", "≤3.2", "县卫健局"],
        [2, "主要目标", "5岁以下儿童贫血患病率控制在8%以下，生长迟缓率控制在4%以下。", None, None, None, None, "县卫健局"],
        [3, "指标", "小学生近视率", "%", 41.5, "≤39", "≤37", "县教育局"],
        [4, "策略措施", "县妇幼保健院儿科床位增加到55张。", None, None, None, None, "县卫健局"],
    ):
        sheet.append(row)
    for merged in ("A1:H1", "C4:G4", "C6:G6"):
        sheet.merge_cells(merged)
    sheet["F3"].number_format = sheet["G3"].number_format = "General"
    book.save(path)


@pytest.mark.parametrize(
    ("name_header", "type_header"), [("指标/目标任务", "类型"), ("指标名称／任务内容", "分类"), ("指标", "类别")]
)
def test_an_indicator_table_interleaving_sentence_rows_reads_each_row_as_what_it_holds(
    tmp_path: Path, name_header: str, type_header: str
) -> None:
    """指标 rows are indicator rows (2025 and 2030 targets); a row whose name cell is merged across the value columns is
    a sentence of the plan, in the section its 类型 cell names (主要目标, 策略措施); an indicator row after a sentence row
    is still the table's; a 类别 column saying 指标 is no domain. The caption on the first sheet (…指标任务清单) is the plan's title, not the outline the
    编制依据 line cites."""
    path = tmp_path / "plan.xlsx"
    _mixed_workbook(path, name_header, type_header)
    (plan,) = extract(path)
    info = plan.plan
    assert (info.title, str(info.level), info.jurisdiction) == (
        "德化县儿童发展规划（2021—2030年）", "county", ["福建省", "泉州市", "德化县"]
    )
    offset = 3  # the rows of the first sheet come first
    assert _got(plan) == [
        (offset + 3, "婴儿死亡率", "<=", D("3.5"), "‰", "indicator_table", "儿童与健康", 2025),
        (offset + 3, "婴儿死亡率", "<=", D("3.2"), "‰", "indicator_table", "儿童与健康", None),
        (offset + 4, "5岁以下儿童贫血患病率", "<=", D(8), "%", "main_targets", "儿童与健康", None),
        (offset + 4, "5岁以下儿童生长迟缓率", "<=", D(4), "%", "main_targets", "儿童与健康", None),
        (offset + 5, "小学生近视率", "<=", D(39), "%", "indicator_table", "儿童与健康", 2025),
        (offset + 5, "小学生近视率", "<=", D(37), "%", "indicator_table", "儿童与健康", None),
        (offset + 6, "县妇幼保健院儿科床位", ">=", D(55), "张", "measures", "儿童与健康", None),
    ]
    assert plan.unparsed == []
    assert plan.targets[0].baseline.value == D("3.8")


@pytest.mark.parametrize("merges", [[(2, 2, 2, 5), (3, 2, 3, 5)], []])
def test_a_word_table_row_holding_a_sentence_is_text(tmp_path: Path, merges: list[tuple[int, int, int, int]]) -> None:
    """The same layout in Word: the sentence row's cell spans the value columns (gridSpan), or stands beside empty
    value cells — never a row whose numbers are dropped because its value cells are empty."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("德化县儿童发展规划（2021—2030年）")
    document.add_paragraph("（一）儿童与健康")
    word_table(
        document,
        [
            ["序号", "类型", "指标/目标任务", "单位", "2020年", "2030年", "牵头单位"],
            ["1", "指标", "婴儿死亡率", "‰", "3.8", "≤3.2", "县卫健局"],
            ["2", "主要目标", "5岁以下儿童贫血患病率控制在8%以下。", "", "", "", "县卫健局"],
            ["3", "策略措施", "县妇幼保健院儿科床位增加到55张。", "", "", "", "县卫健局"],
        ],
        merges,
    )
    path = tmp_path / "plan.docx"
    document.save(path)
    (plan,) = extract(path)
    got = [(t.indicator, str(t.target.op), t.target.value, t.target.unit, str(t.section)) for t in plan.targets]
    assert got == [
        ("婴儿死亡率", "<=", D("3.2"), "‰", "indicator_table"),
        ("5岁以下儿童贫血患病率", "<=", D(8), "%", "main_targets"),
        ("县妇幼保健院儿科床位", ">=", D(55), "张", "measures"),
    ]
    assert plan.unparsed == []


def _section_columns_workbook(path: Path, headers: list[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    table = book.active
    table.title = "监测表"
    for row in (
        ["永春县儿童发展“十四五”规划主要指标监测表"],
        ["领域", "指标", "单位", "2019年", "2020年基数", "2025年目标", "牵头部门"],
        ["儿童与健康", "婴儿死亡率", "‰", 3.9, 3.6, "≤3.4", "县卫健局"],
        [None, "适龄儿童免疫规划疫苗接种率", "%", 0.97, 0.975, 0.98, "县疾控中心"],
    ):
        table.append(row)
    table.merge_cells("A1:G1")
    table.merge_cells("A3:A4")
    for cell in ("D4", "E4", "F4"):
        table[cell].number_format = "0.0%"
    table.column_dimensions["D"].hidden = True
    goals = book.create_sheet("分领域目标")
    for row in (
        headers,
        ["儿童与健康",
         "1.婴儿死亡率控制在3.4‰以内；\n2.适龄儿童免疫规划疫苗接种率保持在98%以上；\n3.5岁以下儿童贫血患病率低于6%。",
         "①县妇幼保健院儿科床位扩充至45张；\n②每个乡镇卫生院至少配备1名儿童保健医生。"],
        ["儿童与教育", "1.学前三年毛入园率达到96%以上。", "—"],
    ):
        goals.append(row)
    book.save(path)


@pytest.mark.parametrize("headers", [["领域", "主要目标（到2025年）", "量化措施"], ["所属领域", "发展目标", "主要措施"]])
def test_a_column_per_section_a_row_per_domain_each_cell_a_list(tmp_path: Path, headers: list[str]) -> None:
    """领域 | 主要目标 | 策略措施: each cell is its section's list for the row's domain, a line per item (Alt+Enter); the
    list's sequence tells item 3 of 5岁以下… from a decimal; an empty mark (—) is no item. The first sheet's caption
    (…规划主要指标监测表) names the plan, its place and its five-year period; the hidden 2019年 column is a baseline,
    the 2020年基数 the one the targets start from."""
    path = tmp_path / "plan.xlsx"
    _section_columns_workbook(path, headers)
    (plan,) = extract(path)
    info = plan.plan
    assert (info.title, str(info.level), info.jurisdiction, info.period) == (
        "永春县儿童发展“十四五”规划", "county", ["福建省", "泉州市", "永春县"], (2021, 2025)
    )
    assert _got(plan) == [
        (3, "婴儿死亡率", "<=", D("3.4"), "‰", "indicator_table", "儿童与健康", None),
        (4, "适龄儿童免疫规划疫苗接种率", ">=", D(98), "%", "indicator_table", "儿童与健康", None),
        (6, "婴儿死亡率", "<=", D("3.4"), "‰", "main_targets", "儿童与健康", None),
        (6, "适龄儿童免疫规划疫苗接种率", ">=", D(98), "%", "main_targets", "儿童与健康", None),
        (6, "5岁以下儿童贫血患病率", "<", D(6), "%", "main_targets", "儿童与健康", None),
        (6, "县妇幼保健院儿科床位", ">=", D(45), "张", "measures", "儿童与健康", None),
        (6, "每个乡镇卫生院儿童保健医生数", ">=", D(1), "名", "measures", "儿童与健康", None),
        (7, "学前三年毛入园率", ">=", D(96), "%", "main_targets", "儿童与教育", None),
    ]
    assert [(t.baseline.year, t.baseline.value) for t in plan.targets[:2]] == [(2020, D("3.6")), (2020, D("97.5"))]
    assert plan.unparsed == []


@pytest.mark.parametrize(
    ("header", "cell"),
    [("目标值（2025年/2030年）", "95\n97"), ("目标值", "2025年≥95\n2030年≥97"), ("目标", "≥95%（2025年）\n≥97%（2030年）")],
)
def test_a_table_cell_of_two_lines_in_a_workbook_is_never_one_number(tmp_path: Path, header: str, cell: str) -> None:
    """A workbook cell holding the 2025 value over the 2030 one (Alt+Enter), under a header naming both years or each
    line naming its own, gives a target per year, never 9597 (nor 95 “2030”)."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["仙游县儿童发展规划（2021—2030年）主要指标"],
        ["领域", "指标", "单位", "2020年", header],
        ["儿童与健康", "适龄儿童免疫规划疫苗接种率", "%", 95, cell],
    ):
        sheet.append(row)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    (plan,) = extract(path)
    got = [(t.indicator, t.target.value, t.year) for t in plan.targets]
    assert got == [("适龄儿童免疫规划疫苗接种率", D(95), 2025), ("适龄儿童免疫规划疫苗接种率", D(97), None)]


def test_a_column_per_section_in_a_page_and_in_word(tmp_path: Path) -> None:
    """The same table in a saved page (<br> between a cell's items: each item at its own text node's line) and in
    Word (a paragraph per item; the row's 牵头单位 the lead unit of each)."""
    page = tmp_path / "plan.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>德化县儿童发展规划（2021—2030年）</title></head><body><div class="article">'
        "<h1>德化县儿童发展规划（2021—2030年）</h1><p>为促进儿童发展，制定本规划。</p><table border=\"1\">"
        "<tr><td>领域</td><td>主要目标</td><td>策略措施</td></tr>"
        "<tr><td>儿童与健康</td><td>1.婴儿死亡率控制在3.4‰以内；<br>2.适龄儿童免疫规划疫苗接种率保持在98%以上；<br>"
        "3.5岁以下儿童贫血患病率低于6%。</td><td>①县妇幼保健院儿科床位扩充至45张。</td></tr>"
        "<tr><td>儿童与教育</td><td>1.学前三年毛入园率达到96%以上。</td><td>—</td></tr></table></div></body></html>",
        encoding="utf-8",
    )
    (plan,) = extract(page)
    assert [(t.line, t.indicator, t.target.value, str(t.section), t.domain) for t in plan.targets] == [
        (7, "婴儿死亡率", D("3.4"), "main_targets", "儿童与健康"),
        (8, "适龄儿童免疫规划疫苗接种率", D(98), "main_targets", "儿童与健康"),
        (9, "5岁以下儿童贫血患病率", D(6), "main_targets", "儿童与健康"),
        (10, "县妇幼保健院儿科床位", D(45), "measures", "儿童与健康"),
        (12, "学前三年毛入园率", D(96), "main_targets", "儿童与教育"),
    ]
    assert plan.unparsed == []
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("德化县儿童发展规划（2021—2030年）")
    table = document.add_table(rows=2, cols=4)
    for k, header in enumerate(["领域", "主要目标", "策略措施", "牵头单位"]):
        table.cell(0, k).text = header
    table.cell(1, 0).text = "儿童与健康"
    table.cell(1, 1).text = "1.婴儿死亡率控制在3.4‰以内；"
    table.cell(1, 1).add_paragraph("2.5岁以下儿童贫血患病率低于6%。")
    table.cell(1, 2).text = "县妇幼保健院儿科床位扩充至45张。"
    table.cell(1, 3).text = "县卫健局"
    path = tmp_path / "plan.docx"
    document.save(path)
    (plan,) = extract(path)
    assert [(t.indicator, t.target.value, str(t.section), t.lead_units) for t in plan.targets] == [
        ("婴儿死亡率", D("3.4"), "main_targets", ["县卫健局"]),
        ("5岁以下儿童贫血患病率", D(6), "main_targets", ["县卫健局"]),
        ("县妇幼保健院儿科床位", D(45), "measures", ["县卫健局"]),
    ]


@pytest.mark.parametrize("labels", [["2020年", "2025年目标", "2030年目标"], ["基期值", "2025年", "2030年"]])
def test_an_indicator_table_on_its_side_reads_a_row_per_indicator(tmp_path: Path, labels: list[str]) -> None:
    """The indicators across the header row (units in brackets), a row per year or role down the first column: each
    indicator's targets of each year, the baseline row its baseline — never a refusal as a list of short lines."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "主要指标"
    for row in (
        ["仙游县儿童发展规划（2021—2030年）主要指标"],
        ["项目", "婴儿死亡率（‰）", "学前三年毛入园率（%）"],
        [labels[0], 4.1, 92],
        [labels[1], "≤3.8", "≥95"],
        [labels[2], "≤3.5", "≥96"],
    ):
        sheet.append(row)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    (plan,) = extract(path)
    got = [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.year, t.locator) for t in plan.targets]
    assert got == [
        (4, "婴儿死亡率", "<=", D("3.8"), "‰", 2025, "主要指标!B4"),
        (4, "学前三年毛入园率", ">=", D(95), "%", 2025, "主要指标!C4"),
        (5, "婴儿死亡率", "<=", D("3.5"), "‰", None, "主要指标!B5"),
        (5, "学前三年毛入园率", ">=", D(96), "%", None, "主要指标!C5"),
    ]
    assert [t.baseline.value for t in plan.targets] == [D("4.1"), D(92), D("4.1"), D(92)]
    assert plan.unparsed == []
