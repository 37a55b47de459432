"""Target cells that hold several horizons, and rows named by a change.

A cell giving 2025 and 2030 their values run together on one line (2025年：≤4.82030年：≤4.5, 2025年：下降10%2030年：
下降20%: the cell's line break lost in a text export) is a value per year, never 4.8203年; a change in a table with
no base year of its own takes the one the plan's text gives the same indicator (以2020年为基数). An indicator named by
the change of a measure (儿童伤害死亡率下降幅度（%） | 10) is that change of the measure, from the year the table's
note gives (下降幅度以2020年为基数), also in the left half of a table printed as two side by side, its note under both.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract

D = Decimal

_TEXT = """某某县儿童发展规划（2021—2030年）

一、主要目标
（一）儿童与安全
1.儿童伤害死亡率以2020年为基数下降20%。

二、主要指标
序号\t指标\t目标值\t牵头单位
1\t儿童伤害死亡率\t2025年：下降10%2030年：下降20%\t县卫健局
2\t婴儿死亡率（‰）\t2025年：≤4.82030年：≤4.5\t县卫健局
3\t学前教育毛入园率（%）\t2025年：≥922030年：≥95\t县教育局
三、组织实施
"""


def _targets(path: Path) -> list[tuple]:
    (plan,) = extract(path, jurisdiction="湖南省/株洲市/某某县")
    return [
        (t.line, str(t.section), t.indicator, str(t.target.op), t.target.value, t.target.unit, t.target.base_year, t.year)
        for t in plan.targets
    ]


def test_a_cell_of_two_horizons_run_together_gives_a_value_per_year(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(_TEXT, encoding="utf-8")
    table = [t for t in _targets(path) if t[1] == "indicator_table"]
    assert (10, "indicator_table", "婴儿死亡率", "<=", D("4.8"), "‰", None, 2025) in table
    assert (10, "indicator_table", "婴儿死亡率", "<=", D("4.5"), "‰", None, None) in table
    assert (11, "indicator_table", "学前教育毛入园率", ">=", D(92), "%", None, 2025) in table
    assert (11, "indicator_table", "学前教育毛入园率", ">=", D(95), "%", None, None) in table
    assert len([t for t in table if t[0] == 10]) == 2  # never 4.8203年


def test_a_tables_change_takes_the_base_year_the_text_gives(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(_TEXT, encoding="utf-8")
    table = [t for t in _targets(path) if t[0] == 9]
    assert table == [
        (9, "indicator_table", "儿童伤害死亡率", "rel_decrease", D(10), "%", 2020, 2025),
        (9, "indicator_table", "儿童伤害死亡率", "rel_decrease", D(20), "%", 2020, None),
    ]


def test_no_base_year_is_guessed_where_the_text_gives_none(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(_TEXT.replace("以2020年为基数下降20%", "持续下降"), encoding="utf-8")
    assert [t[6] for t in _targets(path) if t[0] == 9] == [None, None]


_CHANGE_ROWS = """某某县儿童发展规划（2021—2025年）

附件
主要指标
序号\t指标名称\t目标值
1\t婴儿死亡率（‰）\t≤4.5
2\t儿童伤害死亡率下降幅度（%）\t10
3\t孕产妇死亡率（1/10万）\t≤12
注：1.目标年度均为2025年。2.儿童伤害死亡率下降幅度以2020年为基数。
"""


def test_a_row_named_by_a_change_is_that_change_of_the_measure(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(_CHANGE_ROWS, encoding="utf-8")
    row = [t for t in _targets(path) if t[0] == 7]
    assert row == [(7, "indicator_table", "儿童伤害死亡率", "rel_decrease", D(10), "%", 2020, None)]


def test_the_left_half_of_a_side_by_side_table_reads_the_note_under_both(tmp_path: Path) -> None:
    """序号 | 指标名称 | 目标值 | 序号 | 指标名称 | 目标值: the note under the table is the left half's too."""
    rows = (
        "序号\t指标名称\t目标值\t序号\t指标名称\t目标值\n"
        "1\t婴儿死亡率（‰）\t≤4.5\t3\t学前教育毛入园率（%）\t≥92\n"
        "2\t儿童伤害死亡率下降幅度（%）\t10\t4\t孕产妇死亡率（1/10万）\t≤12\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(
        "某某县儿童发展规划（2021—2025年）\n\n附件\n主要指标\n" + rows + "注：儿童伤害死亡率下降幅度以2020年为基数。\n",
        encoding="utf-8",
    )
    changes = [t for t in _targets(path) if t[3] == "rel_decrease"]
    assert [(t[2], t[4], t[6]) for t in changes] == [("儿童伤害死亡率", D(10), 2020)]


def test_a_plain_name_with_a_bare_number_stays_a_level(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(_CHANGE_ROWS.replace("儿童伤害死亡率下降幅度（%）\t10", "儿童伤害死亡率（1/10万）\t10"), encoding="utf-8")
    assert [t[3] for t in _targets(path) if t[0] == 7] == ["<="]
