"""Workbooks that set the plan's targets beside its parents' and carry the plan's text on another sheet.

- several parent reference columns under one merged parent header (上级规划目标值 over 国家纲要 | 省 | 市), before
  the plan's own columns: each is a parent's reference, never the plan's target; the plan's own column is the
  target column that remains;
- a sheet caption naming the plan and then its table, whatever the table is called (…主要指标对照表,
  …重点指标与上级目标对标一览表): the plan's title, place and level — never a parent a notes sheet cites;
- a sheet of prose, one paragraph per row (headings, domains, 主要措施 rows), after the table's sheet and under the
  same title: the same plan's text, its targets and domains, not a second plan.

Every wording, number and place here is invented for the test; each expected target was written with the document,
before extraction ran on it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

D = Decimal

TITLE = "永泰县妇女发展规划（2021—2030年）"


def _got(plan) -> list[tuple]:
    return [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, str(t.section), t.domain, t.year)
            for t in plan.targets if t.target.value is not None]


def _table_sheet(
    book, caption: str | None, own: str, parents: list[str], years: bool, parent_header: str = "上级规划目标值（2030年）"
) -> None:
    """对照表: the caption (or an empty row), then 序号 | 领域 | 指标 | 单位 | <parent header over each parent> |
    <own header (over 2025年 | 2030年)> | 对照情况."""
    sheet = book.active
    sheet.title = "对照表"
    width = 4 + len(parents) + (2 if years else 1) + 1
    sheet.append([caption] if caption else [])
    first = ["序号", "领域", "指标", "单位", parent_header, *[None] * (len(parents) - 1), own]
    first += [None] if years else []
    sheet.append([*first, "对照情况"])
    sheet.append([None] * 4 + parents + (["2025年", "2030年"] if years else []))
    own_values = {
        "health": (["≤14", "≤12"], ["≤12"]),
        "screen": ([75, 80], [80]),
        "school": ([0.95, 0.97], [0.97]),
        "job": (["45左右", "45左右"], ["45左右"]),
        "toilet": (["2:3", "2:3"], ["2:3"]),
    }
    rows = [
        (1, "妇女与健康", "孕产妇死亡率", "1/10万", ["≤12", "≤13", "≤15"], "health"),
        (2, None, "适龄妇女宫颈癌人群筛查率", "%", ["≥70", "≥75", "≥78"], "screen"),
        (3, "妇女与教育", "九年义务教育巩固率", "%", ["≥96", "≥96", "≥96"], "school"),
        (4, "妇女与经济", "就业人员中的女性比例", "%", ["45左右", "45左右", "45左右"], "job"),
        (5, "妇女与环境", "城镇公共厕所男女厕位比例", "—", ["—", "1:1.5", "1:1.5"], "toilet"),
    ]
    for number, domain, name, unit, parent_cells, key in rows:
        values = own_values[key][0] if years else own_values[key][1]
        sheet.append([number, domain, name, unit, *parent_cells[: len(parents)], *values, "不低于上级"])
    for row in (6, 8):  # the percent format: 0.95 shown as 95%
        for column in range(5 + len(parents), 5 + len(parents) + (2 if years else 1)):
            cell = sheet.cell(row, column)
            if isinstance(cell.value, float):
                cell.number_format = "0%"
    last = chr(ord("A") + width - 1)
    if caption:
        sheet.merge_cells(f"A1:{last}1")
    for column in "ABCD":
        sheet.merge_cells(f"{column}2:{column}3")
    parent_end = chr(ord("E") + len(parents) - 1)
    sheet.merge_cells(f"E2:{parent_end}2")
    own_start = chr(ord(parent_end) + 1)
    if years:
        sheet.merge_cells(f"{own_start}2:{chr(ord(own_start) + 1)}2")
    else:
        sheet.merge_cells(f"{own_start}2:{own_start}3")
    sheet.merge_cells(f"{last}2:{last}3")
    sheet.merge_cells("B4:B5")


def _text_sheet(book, title: str) -> None:
    sheet = book.create_sheet("规划文本")
    for paragraph in (
        title,
        "依据《中国妇女发展纲要（2021—2030年）》《福建省妇女发展规划（2021—2030年）》，结合本县实际，制定本规划。",
        "一、发展基础",
        "2020年，全县孕产妇死亡率为16.2/10万，妇女基本医疗保险参保率为95.1%。",
        "二、发展领域、主要目标和策略措施",
        "（一）妇女与健康",
        "1.孕产妇死亡率控制在12/10万以下。",
        "2.适龄妇女宫颈癌人群筛查率达到80%，乳腺癌人群筛查率达到75%。",
        "主要措施：县妇幼保健院妇科床位增加到40张。",
        "（二）妇女与教育",
        "1.九年义务教育巩固率达到97%。",
        "三、组织实施",
        "县妇儿工委办负责本规划实施，2025年开展中期评估。",
    ):
        sheet.append([paragraph])


def _notes_sheet(book) -> None:
    sheet = book.create_sheet("说明")
    for paragraph in (
        "说明：",
        "1.目标值为数值的，均指“不低于”该数值；标注“≤”的为上限。",
        "2.上级规划目标值列为《中国妇女发展纲要（2021—2030年）》《福建省妇女发展规划（2021—2030年）》《福州市妇女发展规划（2021—2030年）》的2030年目标，仅供对照，不作为本县目标。",
        "联系电话：0591-24801234",
    ):
        sheet.append([paragraph])


TABLE_ROWS_WITH_YEARS = [  # (row of the first sheet, name, op, value, unit, 2025 or None)
    (4, "孕产妇死亡率", "<=", D(14), "1/10万", 2025),
    (4, "孕产妇死亡率", "<=", D(12), "1/10万", None),
    (5, "适龄妇女宫颈癌人群筛查率", ">=", D(75), "%", 2025),
    (5, "适龄妇女宫颈癌人群筛查率", ">=", D(80), "%", None),
    (6, "九年义务教育巩固率", ">=", D(95), "%", 2025),
    (6, "九年义务教育巩固率", ">=", D(97), "%", None),
    (7, "就业人员中的女性比例", "~", D(45), "%", 2025),
    (7, "就业人员中的女性比例", "~", D(45), "%", None),
]
DOMAINS = {"孕产妇死亡率": "妇女与健康", "适龄妇女宫颈癌人群筛查率": "妇女与健康", "九年义务教育巩固率": "妇女与教育",
           "就业人员中的女性比例": "妇女与经济", "城镇公共厕所男女厕位比例": "妇女与环境"}


@pytest.mark.parametrize(
    ("caption", "parent_header", "parents"),
    [
        (f"{TITLE}主要指标与上级规划对标表", "上级规划目标值（2030年）", ["国家纲要", "福建省", "福州市"]),
        (f"{TITLE}重点指标对照表", "对标值（2030年）", ["全国", "省级"]),
        (f"{TITLE}主要指标一览表", "参照目标值", ["国家", "省", "市"]),
        (f"{TITLE}主要指标表", "上位规划目标", ["国家", "福建省", "福州市"]),
    ],
)
def test_parent_columns_under_one_merged_header_are_references_and_the_text_sheet_is_the_same_plan(
    tmp_path: Path, caption: str, parent_header: str, parents: list[str]
) -> None:
    """Each column under 上级规划目标值 is a parent's (≤13, 45左右, 1:1.5 are never the plan's), the plan's own is
    the columns left (2025年 | 2030年 under the county's header); the caption names the plan; the text sheet under the
    same title is the same plan (one plan, its table and its sentences, the domains of both); the notes sheet's bare
    comparator holds and the parents it cites are no title."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    _table_sheet(book, caption, "永泰县目标值", parents, years=True, parent_header=parent_header)
    _text_sheet(book, TITLE)
    _notes_sheet(book)
    path = tmp_path / "对标.xlsx"
    book.save(path)
    (plan,) = extract(path)
    info = plan.plan
    assert (info.title, str(info.kind), str(info.level), info.jurisdiction, tuple(info.period)) == (
        TITLE, "women", "county", ["福建省", "福州市", "永泰县"], (2021, 2030)
    )
    text = 8  # the first sheet's rows come first: 8 rows
    expected = [(row, name, op, value, unit, "indicator_table", DOMAINS[name], year)
                for row, name, op, value, unit, year in TABLE_ROWS_WITH_YEARS]
    expected += [
        (8, "城镇公共厕所男女厕位比例", "=", D("0.667"), "ratio", "indicator_table", "妇女与环境", 2025),
        (8, "城镇公共厕所男女厕位比例", "=", D("0.667"), "ratio", "indicator_table", "妇女与环境", None),
        (text + 7, "孕产妇死亡率", "<=", D(12), "1/10万", "main_targets", "妇女与健康", None),
        (text + 8, "适龄妇女宫颈癌人群筛查率", ">=", D(80), "%", "main_targets", "妇女与健康", None),
        (text + 8, "乳腺癌人群筛查率", ">=", D(75), "%", "main_targets", "妇女与健康", None),
        (text + 9, "县妇幼保健院妇科床位", ">=", D(40), "张", "measures", "妇女与健康", None),
        (text + 11, "九年义务教育巩固率", ">=", D(97), "%", "main_targets", "妇女与教育", None),
    ]
    got = _got(plan)
    assert [g[:5] + g[5:] for g in got] == [e for e in expected], got
    assert not plan.unparsed
    # no parent's value is the plan's target (≤13, ≤15, ≥78, 1:1.5); the national outline's column is the quote
    # each table row keeps, checked against the encoded outline
    assert {D(13), D(15), D(78)}.isdisjoint({t.target.value for t in plan.targets})
    quotes = [(t.target.value, t.parent_target.value) for t in plan.targets if t.indicator == "孕产妇死亡率" and t.parent_target]
    # a quote of the parents' 2030 targets (上级规划目标值（2030年）) is the 2030 target's only, never the 2025 one's
    assert quotes == ([(D(12), D(12))] if "2030" in parent_header else [(D(14), D(12)), (D(12), D(12))])
    assert [d.name if hasattr(d, "name") else d for d in plan.domains][:3] == ["妇女与健康", "妇女与教育", "妇女与经济"]


@pytest.mark.parametrize("own", ["永泰县目标值（2030年）", "本县2030年目标"])
def test_a_table_only_workbook_takes_its_title_from_the_caption_never_from_a_parent_its_notes_cite(
    tmp_path: Path, own: str
) -> None:
    """No text sheet: the caption (…重点指标与上级目标对标一览表) is the plan's title, place and level, though the notes
    sheet cites the region's and the city's plans by their titles (…列为《…》《…》的2030年目标); a single own column
    merged over both header rows is the plan's target, the three under 上级规划目标值 its parents'."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    _table_sheet(book, f"{TITLE}重点指标与上级目标对标一览表", own, ["国家", "福建省", "福州市"], years=False)
    _notes_sheet(book)
    path = tmp_path / "对标.xlsx"
    book.save(path)
    (plan,) = extract(path)
    info = plan.plan
    assert (info.title, str(info.level), info.jurisdiction) == (TITLE, "county", ["福建省", "福州市", "永泰县"])
    assert _got(plan) == [
        (4, "孕产妇死亡率", "<=", D(12), "1/10万", "indicator_table", "妇女与健康", None),
        (5, "适龄妇女宫颈癌人群筛查率", ">=", D(80), "%", "indicator_table", "妇女与健康", None),
        (6, "九年义务教育巩固率", ">=", D(97), "%", "indicator_table", "妇女与教育", None),
        (7, "就业人员中的女性比例", "~", D(45), "%", "indicator_table", "妇女与经济", None),
        (8, "城镇公共厕所男女厕位比例", "=", D("0.667"), "ratio", "indicator_table", "妇女与环境", None),
    ]
    assert not plan.unparsed


def test_the_plans_a_notes_sheet_names_as_the_reference_columns_sources_are_parents_never_the_title(
    tmp_path: Path,
) -> None:
    """A table with no caption row, its notes naming the plans the 上级规划目标值 columns quote: those are the plan's
    parents (`follows`), and the plan's title is the file's name, not the province's plan the notes cite first."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    _table_sheet(book, None, "永泰县目标值", ["国家", "福建省", "福州市"], years=True)
    _notes_sheet(book)
    path = tmp_path / f"{TITLE}.xlsx"
    book.save(path)
    (plan,) = extract(path)
    info = plan.plan
    assert (info.title, str(info.level), info.jurisdiction) == (TITLE, "county", ["福建省", "福州市", "永泰县"])
    assert info.follows == [
        "中国妇女发展纲要（2021—2030年）", "福建省妇女发展规划（2021—2030年）", "福州市妇女发展规划（2021—2030年）"
    ]
    assert [t.target.value for t in plan.targets if t.indicator == "孕产妇死亡率"] == [D(14), D(12)]


def test_parent_columns_after_the_plans_own_are_references_too(tmp_path: Path) -> None:
    """The plan's own columns first (本县目标值 over 2025年 | 2030年), the parents' after them (对标值 over 国家 | 省 |
    市): the parents' values are never the plan's, whichever side they stand on; a 对标情况 column of words is none."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        [f"{TITLE}主要指标对标表"],
        ["序号", "指标", "单位", "本县目标值", None, "对标值（2030年）", None, None, "对标情况"],
        [None, None, None, "2025年", "2030年", "国家", "省", "市", None],
        [1, "孕产妇死亡率", "1/10万", "≤14", "≤12", "≤12", "≤13", "≤15", "持平"],
        [2, "高中阶段毛入学率", "%", 93, 95, "≥92", "≥93", "≥94", "高于上级"],
    ):
        sheet.append(row)
    for merged in ("A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:H2", "I2:I3"):
        sheet.merge_cells(merged)
    path = tmp_path / "对标.xlsx"
    book.save(path)
    (plan,) = extract(path)
    assert plan.plan.title == TITLE
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, t.year) for t in plan.targets] == [
        (4, "孕产妇死亡率", "<=", D(14), 2025),
        (4, "孕产妇死亡率", "<=", D(12), None),
        (5, "高中阶段毛入学率", ">=", D(93), 2025),
        (5, "高中阶段毛入学率", ">=", D(95), None),
    ]
    assert not plan.unparsed


def test_of_several_sub_national_parent_columns_none_is_a_quote_of_the_outline(tmp_path: Path) -> None:
    """上级规划目标值 over 自治区 | 市 (no national column): neither is the plan's target nor a quote checked against the
    national outline (a stricter provincial value is no misquote of it); the plan's own columns read as ever."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    _table_sheet(book, f"{TITLE}主要指标对照表", "永泰县目标值", ["省", "福州市"], years=True)
    path = tmp_path / "对照.xlsx"
    book.save(path)
    (plan,) = extract(path)
    assert [(t.line, t.target.value, t.year) for t in plan.targets if t.indicator == "孕产妇死亡率"] == [
        (4, D(14), 2025), (4, D(12), None)
    ]
    assert all(t.parent_target is None for t in plan.targets)


@pytest.mark.parametrize(
    ("number_format", "stored", "shown"),
    [
        ('"≤"0.0', 0.5, ("<=", D("0.5"))),  # the comparator only in the format
        ('\\≤0.0', 0.5, ("<=", D("0.5"))),  # written with a backslash
        ('0.0"以内"', 0.5, ("<=", D("0.5"))),  # a word after the number
        ("0.0", 0.5, (">=", D("0.5"))),  # no words: a bare number, a floor as the notes say
    ],
)
def test_a_comparator_that_lives_only_in_a_cells_number_format_is_read_as_the_sheet_shows_it(
    tmp_path: Path, number_format: str, stored: float, shown: tuple
) -> None:
    """Excel shows ≤0.5 for a cell holding 0.5 in the format "≤"0.0: that is the target, though the notes say a bare
    number is a floor and nothing tells the indicator's direction; a percent cell in the format "≥"0% (0.96) is ≥96%."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        [f"{TITLE}主要指标表"],
        ["序号", "指标", "单位", "2020年", "2030年目标值"],
        [1, "男女平均受教育年限差距", "年", 0.8, stored],
        [2, "妇女基本医疗保险参保率", "%", 0.951, 0.96],
        [3, "孕产妇死亡率", "1/10万", 14.2, 12],
    ):
        sheet.append(row)
    sheet.merge_cells("A1:E1")
    sheet["E3"].number_format = number_format
    sheet["D4"].number_format = "0.0%"
    sheet["E4"].number_format = '"≥"0%'
    sheet["E5"].number_format = '"≤"0'
    notes = book.create_sheet("填表说明")
    notes.append(["1.未注明“≤”的目标值均为“≥”该数值。"])
    path = tmp_path / "格式.xlsx"
    book.save(path)
    (plan,) = extract(path)
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets] == [
        (3, "男女平均受教育年限差距", *shown, "年"),
        (4, "妇女基本医疗保险参保率", ">=", D(96), "%"),
        (5, "孕产妇死亡率", "<=", D(12), "1/10万"),
    ]
    assert plan.targets[1].baseline.value == D("95.1")


@pytest.mark.parametrize("sheet_name", [TITLE, "永泰县妇女发展规划主要指标"])
def test_a_worksheet_named_by_the_plan_gives_its_title_and_place_when_no_line_does(tmp_path: Path, sheet_name: str) -> None:
    """No caption row, a file named 附件2: the sheet's name (the plan's title, or its title and 主要指标) is the plan's title,
    and its place and level follow; the targets read as ever."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    _table_sheet(book, None, "永泰县目标值", ["国家", "福建省"], years=True)
    book.active.title = sheet_name
    path = tmp_path / "附件2.xlsx"
    book.save(path)
    (plan,) = extract(path)
    info = plan.plan
    assert (info.title[:9], str(info.kind), str(info.level), info.jurisdiction) == (
        "永泰县妇女发展规划", "women", "county", ["福建省", "福州市", "永泰县"]
    )
    assert sheet_name in str(info.inferred_from["title"])
    assert [t.target.value for t in plan.targets if t.indicator == "孕产妇死亡率"] == [D(14), D(12)]
