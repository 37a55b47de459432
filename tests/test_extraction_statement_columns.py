"""A 报送表 whose target cells are bare numbers, how each is meant in a column of its own (目标表述: ≥, ≤,
以2020年为基数下降), and a row counting something every year (每年培训农村妇女（人次）).

The statement column is the row's comparator, and a statement of a change (以2020年为基数下降 beside 10 in a row counted
in %) makes the bare value that change, from its year: never ≤10% of a death rate. A count named for every year is so
many a year (人次/年), as 每年…2000人次以上 in the text is. A ratio takes the comparator its row's cell states (不低于 | 2:3).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract

D = Decimal

_FORM = """某某县儿童发展规划（2021—2030年）主要指标目标值报送表
填报单位（盖章）：某某县妇女儿童工作委员会办公室
序号\t领域\t指标名称\t单位\t目标表述\t2020年基数\t2025年目标\t2030年目标\t牵头单位
1\t儿童与健康\t婴儿死亡率\t‰\t≤\t4.86\t4.5\t4\t县卫健局
2\t儿童与安全\t儿童伤害死亡率\t%\t以2020年为基数下降\t—\t10\t20\t县卫健局
3\t儿童与教育\t学前教育毛入园率\t%\t≥\t93.5\t95\t96\t县教育局
4\t儿童与家庭\t每年开展家庭教育指导服务\t场次\t≥\t120\t150\t200\t县妇联
5\t儿童与环境\t新建公共厕所男女厕位比例\t比例\t不低于\t—\t2:3\t2:3\t县住建局
注：1.目标值单位见“单位”列，比较方式见“目标表述”列。
"""


def _targets(path: Path) -> list[tuple]:
    (plan,) = extract(path, jurisdiction="陕西省/渭南市/某某县")
    return [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.target.base_year, t.year) for t in plan.targets]


def test_a_statement_of_a_change_makes_the_bare_value_that_change(tmp_path: Path) -> None:
    path = tmp_path / "form.txt"
    path.write_text(_FORM, encoding="utf-8")
    assert [t for t in _targets(path) if t[0] == 5] == [
        (5, "儿童伤害死亡率", "rel_decrease", D(10), "%", 2020, 2025),
        (5, "儿童伤害死亡率", "rel_decrease", D(20), "%", 2020, None),
    ]


def test_a_statement_column_of_signs_gives_the_rows_comparators(tmp_path: Path) -> None:
    path = tmp_path / "form.txt"
    path.write_text(_FORM.replace("\t≤\t4.86", "\t≥\t4.86"), encoding="utf-8")  # as the column says, not by direction
    assert {t[2] for t in _targets(path) if t[0] == 4} == {">="}


def test_a_ratio_takes_the_comparator_its_statement_cell_states(tmp_path: Path) -> None:
    """不低于 | 2:3: at least that ratio; a ratio alone would be the ratio itself (=)."""
    path = tmp_path / "form.txt"
    path.write_text(_FORM, encoding="utf-8")
    assert [(t[2], t[4]) for t in _targets(path) if t[0] == 8] == [(">=", "ratio"), (">=", "ratio")]
    path.write_text(_FORM.replace("\t不低于\t", "\t\t"), encoding="utf-8")
    assert [(t[2], t[4]) for t in _targets(path) if t[0] == 8] == [("=", "ratio"), ("=", "ratio")]


def test_a_count_named_for_every_year_is_so_many_a_year(tmp_path: Path) -> None:
    path = tmp_path / "form.txt"
    path.write_text(_FORM, encoding="utf-8")
    assert {t[4] for t in _targets(path) if t[0] == 7} == {"场次/年"}
