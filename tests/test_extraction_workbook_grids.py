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
        (f"主要指标!B{mid}", "婴儿死亡率", "<=", D("3.2"), "‰", 2025, None),
        (f"主要指标!C{mid}", "孕产妇死亡率", "<=", D(11), "1/10万", 2025, None),
        (f"主要指标!D{mid}", "九年义务教育巩固率", ">=", D(96), "%", 2025, None),
        (f"主要指标!B{final}", "婴儿死亡率", "<=", D("3.0"), "‰", None, None),
        (f"主要指标!C{final}", "孕产妇死亡率", "<=", D(10), "1/10万", None, None),
        (f"主要指标!D{final}", "九年义务教育巩固率", ">=", D(97), "%", None, None),
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
