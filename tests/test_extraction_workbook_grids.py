"""Workbook grids read by what their cells hold: a target cell giving both horizons, each labelled with its year.

Every wording, number and place here is invented for the test; each expected target was written with the workbook,
before extraction ran on it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

D = Decimal
TITLE = "某某县儿童发展规划（2021—2030年）"


def _book(path: Path, rows: list[list[object]], title: str = "主要指标", extra=None) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if extra is not None:
        extra(book, sheet)
    book.save(path)
    return path


def _got(plan) -> list[tuple]:
    return [(t.locator, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.year, t.domain)
            for t in plan.targets]


@pytest.mark.parametrize(
    ("cells", "header"),
    [
        (["2025年：≤3.2\n2030年：≤2.8", "2025年≥95%；2030年≥98%", "2025年达到92%，2030年达到95%"], "目标值"),
        (["2025年:控制在3.2以内\r\n2030年:控制在2.8以内", "≥95（2025年）；≥98（2030年）", "2025年 92以上  2030年 95以上"], "规划目标"),
    ],
)
def test_one_target_cell_giving_both_horizons_gives_a_target_of_each_year(
    tmp_path: Path, cells: list[str], header: str
) -> None:
    """A target cell holding the mid-term and the final value, each after (or before) its year, on two lines or on one
    between separators: two targets, the mid-term one with its year, the final one the plan's end (year None)."""
    path = _book(tmp_path / "plan.xlsx", [
        [TITLE + "主要指标"],
        ["序号", "领域", "指标", "单位", "2020年基期值", header],
        [1, "儿童与健康", "婴儿死亡率", "‰", 3.5, cells[0]],
        [2, "儿童与健康", "适龄儿童免疫规划疫苗接种率", "%", 93, cells[1]],
        [3, "儿童与教育", "学前三年毛入园率", "%", 90, cells[2]],
    ])
    (plan,) = extract(path)
    assert _got(plan) == [
        ("主要指标!F3", "婴儿死亡率", "<=", D("3.2"), "‰", 2025, "儿童与健康"),
        ("主要指标!F3", "婴儿死亡率", "<=", D("2.8"), "‰", None, "儿童与健康"),
        ("主要指标!F4", "适龄儿童免疫规划疫苗接种率", ">=", D(95), "%", 2025, "儿童与健康"),
        ("主要指标!F4", "适龄儿童免疫规划疫苗接种率", ">=", D(98), "%", None, "儿童与健康"),
        ("主要指标!F5", "学前三年毛入园率", ">=", D(92), "%", 2025, "儿童与教育"),
        ("主要指标!F5", "学前三年毛入园率", ">=", D(95), "%", None, "儿童与教育"),
    ]
    assert [t.baseline.value for t in plan.targets] == [D("3.5")] * 2 + [D(93)] * 2 + [D(90)] * 2
    assert plan.unparsed == []


def test_one_value_for_both_years_named_together_is_each_years_target(tmp_path: Path) -> None:
    """2025年、2030年均≥96: the same value for the mid-term and the final horizon, a target each."""
    path = _book(tmp_path / "plan.xlsx", [
        [TITLE + "主要指标"],
        ["领域", "指标名称", "单位", "目标"],
        ["儿童与教育", "九年义务教育巩固率", "%", "2025年、2030年均≥96"],
    ])
    (plan,) = extract(path)
    assert _got(plan) == [
        ("主要指标!D3", "九年义务教育巩固率", ">=", D(96), "%", 2025, "儿童与教育"),
        ("主要指标!D3", "九年义务教育巩固率", ">=", D(96), "%", None, "儿童与教育"),
    ]


@pytest.mark.parametrize(
    ("marks", "left"),
    [(["同上", "〃", "同上栏"], "同左"), (["同上栏", "同上", "〃"], "同左栏")],
)
def test_a_domain_typed_once_then_ditto_marks_below_is_that_domain(tmp_path: Path, marks: list[str], left: str) -> None:
    """领域 written on a domain's first row, then 同上 (〃, 同上栏) below, or 同左 in the first column: the domain of the
    row above, never a domain named 同上; a unit 同上 is the unit above; 同左 in the 2030 column is the 2025 value."""
    path = _book(tmp_path / "plan.xlsx", [
        [TITLE + "主要指标"],
        ["领域", "指标", "单位", "2020年", "2025年", "2030年"],
        ["儿童与健康", "婴儿死亡率", "‰", 3.5, "≤3.2", "≤3.0"],
        [marks[0], "5岁以下儿童死亡率", marks[1], 5, "≤4.8", "≤4.5"],
        [marks[2], "孕产妇死亡率", "1/10万", 12, "≤10", left],
        ["儿童与教育", "学前三年毛入园率", "%", 90, "≥92", "≥95"],
        [left, "九年义务教育巩固率", marks[0], 95, "≥96", "≥97"],
    ])
    (plan,) = extract(path)
    assert _got(plan) == [
        ("主要指标!E3", "婴儿死亡率", "<=", D("3.2"), "‰", 2025, "儿童与健康"),
        ("主要指标!F3", "婴儿死亡率", "<=", D("3.0"), "‰", None, "儿童与健康"),
        ("主要指标!E4", "5岁以下儿童死亡率", "<=", D("4.8"), "‰", 2025, "儿童与健康"),
        ("主要指标!F4", "5岁以下儿童死亡率", "<=", D("4.5"), "‰", None, "儿童与健康"),
        ("主要指标!E5", "孕产妇死亡率", "<=", D(10), "1/10万", 2025, "儿童与健康"),
        ("主要指标!F5", "孕产妇死亡率", "<=", D(10), "1/10万", None, "儿童与健康"),
        ("主要指标!E6", "学前三年毛入园率", ">=", D(92), "%", 2025, "儿童与教育"),
        ("主要指标!F6", "学前三年毛入园率", ">=", D(95), "%", None, "儿童与教育"),
        ("主要指标!E7", "九年义务教育巩固率", ">=", D(96), "%", 2025, "儿童与教育"),
        ("主要指标!F7", "九年义务教育巩固率", ">=", D(97), "%", None, "儿童与教育"),
    ]
    assert set(plan.domains) == {"儿童与健康", "儿童与教育"}
    assert plan.unparsed == []


@pytest.mark.parametrize(
    ("corner", "labels"),
    [("指标", ["单位", "2020年（基期）", "2025年目标", "2030年目标"]), ("项目", ["2020年基期", "计量单位", "2025年", "2030年"])],
)
def test_a_sheet_on_its_side_with_a_unit_row_reads_each_indicator_down_its_column(
    tmp_path: Path, corner: str, labels: list[str]
) -> None:
    """Indicators across the header row, the years down the first column and a row of units among them (单位 | ‰ |
    1/10万 | %): each indicator's unit, baseline and targets of each year — never a refusal as a list of short lines."""
    values = {
        "单位": ["‰", "1/10万", "%"], "计量单位": ["‰", "1/10万", "%"],
        "base": [3.5, 12, 95], "2025": ["≤3.2", "≤11", "≥96"], "2030": ["≤3.0", "≤10", "≥97"],
    }
    rows: list[list[object]] = [[TITLE + "主要指标"], [corner, "婴儿死亡率", "孕产妇死亡率", "九年义务教育巩固率"]]
    for label in labels:
        key = label if label in values else "base" if "2020" in label else label[:4]
        rows.append([label, *values[key]])
    path = _book(tmp_path / "plan.xlsx", rows)
    (plan,) = extract(path)
    mid = 3 + next(k for k, label in enumerate(labels) if label.startswith("2025"))
    final = mid + 1
    assert _got(plan) == [
        (f"主要指标!B{mid}", "婴儿死亡率", "<=", D("3.2"), "‰", 2025, "儿童与健康"),
        (f"主要指标!C{mid}", "孕产妇死亡率", "<=", D(11), "1/10万", 2025, None),
        (f"主要指标!D{mid}", "九年义务教育巩固率", ">=", D(96), "%", 2025, "儿童与教育"),
        (f"主要指标!B{final}", "婴儿死亡率", "<=", D("3.0"), "‰", None, "儿童与健康"),
        (f"主要指标!C{final}", "孕产妇死亡率", "<=", D(10), "1/10万", None, None),
        (f"主要指标!D{final}", "九年义务教育巩固率", ">=", D(97), "%", None, "儿童与教育"),
    ]
    assert [t.baseline.value for t in plan.targets] == [D("3.5"), D(12), D(95)] * 2
    assert plan.unparsed == []


@pytest.mark.parametrize(
    ("sheet", "header", "quotes"),
    [
        ("目标对标", ["指标", "上级目标", "本县目标"],
         ["国家：婴儿死亡率降至5‰以下；省：≤4.5‰", "国家：≥90%；省：≥92%；市：≥93%"]),
        ("对标情况", ["序号", "指标名称", "对标情况", "本规划目标值"],
         ["全国：5‰以下，省级：4.5‰以下", "国家纲要：达到90%以上；自治区：≥92%"]),
    ],
)
def test_a_benchmark_sheet_quoting_each_levels_target_gives_the_parents_value_never_a_target(
    tmp_path: Path, sheet: str, header: list[str], quotes: list[str]
) -> None:
    """A sheet setting the plan's targets beside its parents' as sentences (国家：…；省：…): the national value is the
    parent's quote (`parent_target`, checked by CMP407) on the plan's own target the indicator sheet gives; the
    benchmark sheet's repeat of that target is no second target, and no parent's value is ever the plan's."""

    def benchmark(book, _sheet) -> None:
        table = book.create_sheet(sheet)
        table.append(header)
        numbered = header[0] == "序号"
        for k, (name, quote, own) in enumerate(
            [("婴儿死亡率", quotes[0], "≤3.0‰"), ("学前三年毛入园率", quotes[1], "≥95%")], start=1
        ):
            table.append([k, name, quote, own] if numbered else [name, quote, own])

    path = _book(tmp_path / "plan.xlsx", [
        [TITLE + "主要指标"],
        ["领域", "指标", "单位", "2030年目标"],
        ["儿童与健康", "婴儿死亡率", "‰", "≤3.0"],
        ["儿童与教育", "学前三年毛入园率", "%", "≥95"],
    ], extra=benchmark)
    (plan,) = extract(path)
    assert _got(plan) == [
        ("主要指标!D3", "婴儿死亡率", "<=", D("3.0"), "‰", None, "儿童与健康"),
        ("主要指标!D4", "学前三年毛入园率", ">=", D(95), "%", None, "儿童与教育"),
    ]
    assert [(str(t.parent_target.op), t.parent_target.value, t.parent_target.unit) for t in plan.targets] == [
        ("<=", D(5), "‰"), (">=", D(90), "%"),
    ]
    assert all(t.parent_column.startswith(header[-2]) for t in plan.targets)
    assert plan.unparsed == []


def test_rows_coded_by_domain_without_a_domain_column_keep_their_domain(tmp_path: Path) -> None:
    """编号 JK-01, JY-01, AQ-03 and no 领域 column, no legend, no domain named anywhere: each row's domain is the one
    the catalogue puts its indicator in for the plan's kind; the row is read whatever its domain."""
    path = _book(tmp_path / "plan.xlsx", [
        [TITLE + "主要指标"],
        ["编号", "指标", "2020年", "2030年目标"],
        ["JK-01", "婴儿死亡率（‰）", 3.5, "≤3.0"],
        ["JK-02", "5岁以下儿童死亡率（‰）", 5.0, "≤4.5"],
        ["JY-01", "学前三年毛入园率（%）", 90, "≥95"],
        ["AQ-03", "儿童伤害死亡率（1/10万）", 10, "≤8"],
    ])
    (plan,) = extract(path)
    assert _got(plan) == [
        ("主要指标!D3", "婴儿死亡率", "<=", D("3.0"), "‰", None, "儿童与健康"),
        ("主要指标!D4", "5岁以下儿童死亡率", "<=", D("4.5"), "‰", None, "儿童与健康"),
        ("主要指标!D5", "学前三年毛入园率", ">=", D(95), "%", None, "儿童与教育"),
        ("主要指标!D6", "儿童伤害死亡率", "<=", D(8), "1/10万", None, "儿童与安全"),
    ]
    assert plan.unparsed == []


@pytest.mark.parametrize(
    "legend", ["说明：JK—儿童与健康，FL—儿童与福利", "注：指标代码中JK代表儿童与健康领域，FL代表儿童与福利领域。"]
)
def test_indicator_codes_a_legend_maps_to_domains_give_each_rows_domain(tmp_path: Path, legend: str) -> None:
    """指标代码 JK01 | FL02 under a legend mapping each prefix to a domain: the legend's domain for each row (the
    plan's domains), the legend itself no target."""
    path = _book(tmp_path / "plan.xlsx", [
        [TITLE + "监测指标"],
        ["指标代码", "指标名称", "单位", "基期值", "目标值"],
        ["JK01", "婴儿死亡率", "‰", 3.5, "3.0以下"],
        ["FL02", "孤儿集中养育率", "%", 80, "≥85"],
        [],
        [legend],
    ])
    (plan,) = extract(path)
    assert _got(plan) == [
        ("主要指标!E3", "婴儿死亡率", "<=", D("3.0"), "‰", None, "儿童与健康"),
        ("主要指标!E4", "孤儿集中养育率", ">=", D(85), "%", None, "儿童与福利"),
    ]
    assert plan.domains == ["儿童与健康", "儿童与福利"]
    assert plan.unparsed == []


def _with_cached_values(path: Path, values: dict[str, str]) -> None:
    """The workbook as Excel saves it: each formula cell of `values` (by reference, on the first sheet) with the text
    it computed kept beside its formula — openpyxl writes formulas with no value."""
    import re
    import zipfile
    from xml.sax.saxutils import escape

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, text in values.items():
        sheet, found = re.subn(
            rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
            lambda m, text=text, ref=ref: f'<c r="{ref}"{m.group(1)} t="str"><f>{m.group(2)}</f><v>{escape(text)}</v></c>', sheet,
        )
        assert found == 1, ref
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(
    ("header", "formula"),
    [
        (["领域", "指标", "单位", "2030年目标", "2022年监测值", "2023年监测值", "完成进度"], '=IF(F{r}<={v},"达标","未达标")'),
        (["领域", "指标", "单位", "目标值", "现状值", "完成值", "完成情况"], '=IF(F{r}>={v},"已完成","未完成")'),
    ],
)
def test_monitoring_columns_and_formulas_of_their_progress_are_no_targets(
    tmp_path: Path, header: list[str], formula: str
) -> None:
    """Monitoring columns (2022年监测值, 完成值) are data, a progress column of IF formulas whose thresholds are written in
    the formula is read as the values Excel saved (达标), never as a target; the plan's targets are its target column's,
    and a formula saved with no value is noted in the plan's note, not read."""
    rows = [
        ["儿童与健康", "婴儿死亡率", "‰", "≤3.0", 3.4, 3.3, "3.0"],
        ["儿童与健康", "5岁以下儿童死亡率", "‰", "≤4.5", 4.9, 4.7, "4.5"],
        ["儿童与教育", "学前三年毛入园率", "%", "≥95", 91, 93, "95"],
    ]
    sheet_rows = [[TITLE + "监测表"], header]
    for r, row in enumerate(rows, start=3):
        sheet_rows.append([*row[:6], formula.format(r=r, v=row[6])])
    sheet_rows.append(["儿童与安全", "儿童伤害死亡率", "1/10万", "=E7*0.9", 10, 9.5, None])
    path = _book(tmp_path / "plan.xlsx", sheet_rows)
    _with_cached_values(path, {"G3": "未达标", "G4": "未达标", "G5": "未达标"})
    (plan,) = extract(path)
    assert _got(plan) == [
        ("主要指标!D3", "婴儿死亡率", "<=", D("3.0"), "‰", None, "儿童与健康"),
        ("主要指标!D4", "5岁以下儿童死亡率", "<=", D("4.5"), "‰", None, "儿童与健康"),
        ("主要指标!D5", "学前三年毛入园率", ">=", D(95), "%", None, "儿童与教育"),
    ]
    assert "主要指标!D6" in (plan.plan.note or "") and "主要指标!G3" not in (plan.plan.note or "")
    assert not any("3.2" in u.text or "IF" in u.text for u in plan.unparsed)


@pytest.mark.parametrize(("said", "unit"), [("≤，单位‰", None), ("单位：‰", "≤")])
def test_cell_comments_are_notes_never_targets_but_may_say_a_bare_numbers_unit(
    tmp_path: Path, said: str, unit: str | None
) -> None:
    """Comments (批注) holding notes and numbers (目标为≤3.0‰，2025年≤3.2; 按省要求不低于95%) give no target; a comment
    saying only a bare number's comparator and unit (≤，单位‰) is how the sheet says what the number means; a bare
    number whose comment says something else stays unparsed, never guessed."""
    from openpyxl.comments import Comment

    def comments(_book, sheet) -> None:
        sheet["C3"].comment = Comment(said, "某某")
        sheet["C4"].comment = Comment("备注：按省要求不低于95%", "某某")
        sheet["C5"].comment = Comment("目标为≤8，2025年≤9", "某某")

    path = _book(tmp_path / "plan.xlsx", [
        [TITLE + "主要指标"],
        ["领域", "指标", "2030年目标"],
        ["儿童与健康", "婴儿死亡率", 3.0 if unit is None else "≤3.0"],
        ["儿童与教育", "学前三年毛入园率（%）", "≥96"],
        ["儿童与安全", "儿童伤害死亡率", 8],
    ], extra=comments)
    (plan,) = extract(path)
    assert _got(plan) == [
        ("主要指标!C3", "婴儿死亡率", "<=", D("3.0"), "‰", None, "儿童与健康"),
        ("主要指标!C4", "学前三年毛入园率", ">=", D(96), "%", None, "儿童与教育"),
    ]
    assert [(u.locator, u.text) for u in plan.unparsed] == [("主要指标!C5", "儿童伤害死亡率: 8")]


def test_a_monitoring_sheet_combining_codes_dittos_year_labelled_cells_and_monitoring_columns(tmp_path: Path) -> None:
    """编号 | 领域 (同上, 〃) | … | 目标值 of year-labelled pieces (到2025年≤4.8；到2030年≤4.5, 2025年目标值：≤11 over
    2030年目标值：≤10, ≥96（2025年）、≥97（2030年）, a mid-term value alone: 2025年≥92) | 2022年监测值 | 2023年监测值 |
    完成进度 | 备注: the targets of each year, the monitoring values and the progress none of them."""
    path = _book(tmp_path / "plan.xlsx", [
        [TITLE + "主要指标监测表"],
        ["编号", "领域", "指标", "单位", "2020年基期值", "目标值", "2022年监测值", "2023年监测值", "完成进度", "备注"],
        ["JK-01", "儿童与健康", "婴儿死亡率", "‰", 3.5, "2025年：≤3.2\n2030年：≤2.8", 3.4, 3.3, "达标", "省考核指标"],
        ["JK-02", "同上", "5岁以下儿童死亡率", "‰", 5, "到2025年≤4.8；到2030年≤4.5", 4.9, 4.7, "未达标", None],
        ["JK-03", "〃", "孕产妇死亡率", "1/10万", 12, "2025年目标值：≤11\n2030年目标值：≤10", 11, 10.5, "达标", None],
        ["JY-01", "儿童与教育", "学前三年毛入园率", "%", 90, "2025年≥92", 91, 92, "达标", None],
        ["JY-02", "同上", "九年义务教育巩固率", "%", 95, "≥96（2025年）、≥97（2030年）", 95.5, 96, "达标", None],
        ["AQ-01", "儿童与安全", "儿童伤害死亡率", "1/10万", 10, "2025年底前≤9，2030年≤8", 9.8, 9.5, None, None],
    ])
    (plan,) = extract(path)
    assert _got(plan) == [
        ("主要指标!F3", "婴儿死亡率", "<=", D("3.2"), "‰", 2025, "儿童与健康"),
        ("主要指标!F3", "婴儿死亡率", "<=", D("2.8"), "‰", None, "儿童与健康"),
        ("主要指标!F4", "5岁以下儿童死亡率", "<=", D("4.8"), "‰", 2025, "儿童与健康"),
        ("主要指标!F4", "5岁以下儿童死亡率", "<=", D("4.5"), "‰", None, "儿童与健康"),
        ("主要指标!F5", "孕产妇死亡率", "<=", D(11), "1/10万", 2025, "儿童与健康"),
        ("主要指标!F5", "孕产妇死亡率", "<=", D(10), "1/10万", None, "儿童与健康"),
        ("主要指标!F6", "学前三年毛入园率", ">=", D(92), "%", 2025, "儿童与教育"),
        ("主要指标!F7", "九年义务教育巩固率", ">=", D(96), "%", 2025, "儿童与教育"),
        ("主要指标!F7", "九年义务教育巩固率", ">=", D(97), "%", None, "儿童与教育"),
        ("主要指标!F8", "儿童伤害死亡率", "<=", D(9), "1/10万", 2025, "儿童与安全"),
        ("主要指标!F8", "儿童伤害死亡率", "<=", D(8), "1/10万", None, "儿童与安全"),
    ]
    assert plan.domains == ["儿童与健康", "儿童与教育", "儿童与安全"]
    assert plan.unparsed == []


@pytest.mark.parametrize(
    ("header", "baseline"),
    [
        (["序号", "领域", "指标", "单位", "2020年", "规划值"], True),
        (["序号", "领域", "指标", "单位", "基期", "期末值"], True),
        (["序号", "领域", "指标", "单位", "现状", "2030年预期"], True),
        (["序号", "领域", "指标项", "计量单位", "2020年数据", "2030年要求"], True),
        (["序号", "领域", "监测内容", "单位", "起点", "终点"], False),
    ],
)
def test_the_target_column_is_told_by_its_comparators_when_no_header_word_names_it(
    tmp_path: Path, header: list[str], baseline: bool
) -> None:
    """A target column under a word no vocabulary has (规划值, 期末值, 2030年预期): the column whose cells carry a
    comparator is the plan's target; a year column before the period (2020年) stays the baseline, never read as the
    target for want of another; the indicator's column is told by its names when its header is unknown (监测内容)."""
    path = _book(tmp_path / "plan.xlsx", [
        [TITLE + "主要指标"],
        header,
        [1, "儿童与健康", "婴儿死亡率", "‰", 3.5, "≤3.0"],
        [2, "儿童与教育", "学前三年毛入园率", "%", 90, "95%以上"],
        [3, "儿童与教育", "九年义务教育巩固率", "%", 95, "达到97%"],
    ])
    (plan,) = extract(path)
    assert _got(plan) == [
        ("主要指标!F3", "婴儿死亡率", "<=", D("3.0"), "‰", None, "儿童与健康"),
        ("主要指标!F4", "学前三年毛入园率", ">=", D(95), "%", None, "儿童与教育"),
        ("主要指标!F5", "九年义务教育巩固率", ">=", D(97), "%", None, "儿童与教育"),
    ]
    assert [t.baseline.value if t.baseline else None for t in plan.targets] == (
        [D("3.5"), D(90), D(95)] if baseline else [None] * 3
    )


def test_a_column_of_comparators_a_parents_word_names_is_the_parents_never_the_plans(tmp_path: Path) -> None:
    """国家纲要 | 本规划 (no target word in either): the comparators of both are targets by their cells, the national
    word makes the first the parent's quote; the plan's own is the other."""
    path = _book(tmp_path / "plan.xlsx", [
        [TITLE + "主要指标"],
        ["领域", "指标", "单位", "2020年", "国家纲要", "本规划"],
        ["儿童与健康", "婴儿死亡率", "‰", 3.5, "≤5", "≤3.0"],
        ["儿童与教育", "学前三年毛入园率", "%", 90, "≥90", "≥95"],
    ])
    (plan,) = extract(path)
    assert _got(plan) == [
        ("主要指标!F3", "婴儿死亡率", "<=", D("3.0"), "‰", None, "儿童与健康"),
        ("主要指标!F4", "学前三年毛入园率", ">=", D(95), "%", None, "儿童与教育"),
    ]
    assert [t.parent_target.value for t in plan.targets] == [D(5), D(90)]
