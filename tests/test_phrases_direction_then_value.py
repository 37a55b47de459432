"""A measure and its direction, then the value it reaches in a clause naming nothing (女性人均预期寿命延长，达到82岁以上;
孕产妇死亡率持续下降，控制在10/10万以下): one target of that measure, never a qualitative one beside a nameless value."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract
from compliance.extraction._rules import fold
from compliance.phrases import parse


def _read(text: str) -> list[tuple]:
    return [(t.indicator, str(t.op), t.value, t.unit) for t in parse(fold(text))]


def test_a_direction_then_the_value_is_one_target_of_the_measure() -> None:
    assert _read("女性人均预期寿命延长，达到82岁以上。") == [("女性人均预期寿命", ">=", Decimal(82), "岁")]
    assert _read("孕产妇死亡率持续下降，控制在10/10万以下。") == [("孕产妇死亡率", "<=", Decimal(10), "1/10万")]
    # the next clause naming a measure of its own stays apart
    assert _read("适龄女孩HPV疫苗接种率逐步提高，城乡社区覆盖率达到90%。") == [
        ("适龄女孩HPV疫苗接种率", "qual", None, None),
        ("城乡社区覆盖率", ">=", Decimal(90), "%"),
    ]


def test_a_plan_s_list_item_so_worded(tmp_path: Path) -> None:
    """Variant: the shape in a plan's 主要目标, with 并 between the clauses and a wrapped line."""
    lines = [
        "某某县妇女发展规划（2021—2030年）",
        "一、妇女与健康",
        "（一）主要目标",
        "1.女性人均预期寿命稳步提高，并达到81岁以上。",
        "2.孕产妇死亡率持续下降，控制在12/10万以",
        "下。",
    ]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [(t.indicator, str(t.target.op), t.target.value) for p in extract(path) for t in p.targets]
    assert found == [("女性人均预期寿命", ">=", 81), ("孕产妇死亡率", "<=", 12)]
