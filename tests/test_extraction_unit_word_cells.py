"""A table's target cell holding a number and a unit word only (10.8年, 82岁, 3个): a bare value, which takes the
comparator the table gives bare values (its note, else the indicator's direction), as 40% beside it does. Before,
10.8年 was read as the quantity stated alone (= 10.8), so a plan reaching 11 years "missed" its target and the
check compared an equality with the parent's ≥."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract


def test_a_number_with_a_unit_word_in_a_target_cell(tmp_path: Path) -> None:
    text = "\n".join([
        "某某市妇女发展规划（2021—2025年）",
        "附表  主要指标",
        "领域\t指标\t2020年\t2025年目标",
        "妇女与教育\t女性平均受教育年限\t9.7年\t10.6年",
        "妇女与健康\t女性人均预期寿命\t79.2岁\t80岁",
        "妇女与经济\t高级专业技术人员中的女性比例\t36.1%\t40%",
        "注：目标值未标注符号的为“达到或高于”。",
    ]) + "\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path)
    assert [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets] == [
        ("女性平均受教育年限", ">=", Decimal("10.6"), "年"),
        ("女性人均预期寿命", ">=", Decimal(80), "岁"),
        ("高级专业技术人员中的女性比例", ">=", Decimal(40), "%"),
    ]
