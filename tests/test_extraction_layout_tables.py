"""Indicator tables of a PDF as pdftotext -layout gives them in a .txt: columns of spaces, each value centred or
right-aligned under its header cell (not at the header's first column), the header indented, its cells wrapped over two
lines (2020 年 over 基期值). The plan's target columns are read as targets, the baseline column as the baseline — never
a baseline as a target, a row's values shifted a column, or names of several rows run together. Each test writes the
text of an invented plan (and a variant) and asserts the targets read.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract

D = Decimal

CENTRED = """某某县儿童发展规划（2021—2030年）

一、儿童与健康
主要目标：
1.婴儿死亡率控制在4.0‰以下。

附表

                        某某县儿童发展规划主要指标

      指标                            2020年基期值      2025年目标      2030年目标
      婴儿死亡率（‰）                      4.5              4.2             4.0
      5岁以下儿童死亡率（‰）               6.2              5.8             5.5
      学前教育毛入园率（%）                 90               92              95
      义务教育巩固率（%）                   97               98              99
      儿童青少年总体近视率（%）             55               50              45

                                       — 5 —
"""

STACKED = """某某县妇女发展规划（2021—2030年）

一、妇女与健康
主要目标：
1.孕产妇死亡率控制在8/10万以下。

附件

                          某某县妇女发展规划主要指标

                                            2020 年        2025 年      2030 年
    领域           指标                     基期值          目标值       目标值
    妇女与健康     孕产妇死亡率（1/10万）     10.2             9            8
                   妇女常见病筛查率（%）       88              95           96
    妇女与教育     高中阶段毛入学率（%）       93              96           97
                   女性平均受教育年限（年）    10.6            11.3         11.8

                                       — 5 —
"""


def _table(plan) -> list[tuple]:
    return [
        (t.indicator, str(t.target.op), t.target.value, t.year, t.baseline.value if t.baseline else None)
        for t in plan.targets
        if str(t.section) == "indicator_table"
    ]


def test_values_centred_under_their_header_cells_stay_in_their_columns(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(CENTRED, encoding="utf-8")
    (plan,) = extract(path)
    assert _table(plan) == [
        ("婴儿死亡率", "<=", D("4.2"), 2025, D("4.5")),
        ("婴儿死亡率", "<=", D("4.0"), None, D("4.5")),
        ("5岁以下儿童死亡率", "<=", D("5.8"), 2025, D("6.2")),
        ("5岁以下儿童死亡率", "<=", D("5.5"), None, D("6.2")),
        ("学前教育毛入园率", ">=", D(92), 2025, D(90)),
        ("学前教育毛入园率", ">=", D(95), None, D(90)),
        ("义务教育巩固率", ">=", D(98), 2025, D(97)),
        ("义务教育巩固率", ">=", D(99), None, D(97)),
        ("儿童青少年总体近视率", "<=", D(50), 2025, D(55)),
        ("儿童青少年总体近视率", "<=", D(45), None, D(55)),
    ]
    assert not plan.unparsed


def test_a_header_wrapped_over_two_lines_and_domains_on_their_first_rows(tmp_path: Path) -> None:
    """2020 年 over 基期值, 2025 年 over 目标值: the years name the columns; the 领域 cell empty on a domain's
    later rows (the row's name further right than the domain's column), values under their headers' middle."""
    path = tmp_path / "plan.txt"
    path.write_text(STACKED, encoding="gb18030")
    (plan,) = extract(path)
    assert _table(plan) == [
        ("孕产妇死亡率", "<=", D(9), 2025, D("10.2")),
        ("孕产妇死亡率", "<=", D(8), None, D("10.2")),
        ("妇女常见病筛查率", ">=", D(95), 2025, D(88)),
        ("妇女常见病筛查率", ">=", D(96), None, D(88)),
        ("高中阶段毛入学率", ">=", D(96), 2025, D(93)),
        ("高中阶段毛入学率", ">=", D(97), None, D(93)),
        ("女性平均受教育年限", ">=", D("11.3"), 2025, D("10.6")),
        ("女性平均受教育年限", ">=", D("11.8"), None, D("10.6")),
    ]
    assert {t.domain for t in plan.targets if t.indicator == "女性平均受教育年限"} == {"妇女与教育"}
    assert all(t.baseline.year == 2020 for t in plan.targets if t.baseline)
    assert not plan.unparsed
