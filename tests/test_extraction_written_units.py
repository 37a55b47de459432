"""Units as plans write them: 万 before a counter other than 人 (1万户, 3.6万个) stays the unit as written, as 万人
does, never 10 000 of the counter; a rate per 100 000 live births written with its 1 (1/10万活产) is the rate per
100 000 (1/10万), as /10万活产 is.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract
from compliance.units import convert, normalise_unit


def _targets(tmp_path: Path, items: list[str], domain: str = "一、儿童与家庭") -> list[tuple]:
    lines = ["某某县儿童发展规划（2021—2030年）", domain, "主要目标：", *items, "策略措施：", "1.加强组织领导。"]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (plan,) = extract(path)
    return [(t.indicator, t.target.op.value, t.target.value, t.target.unit) for t in plan.targets]


def test_wan_before_households_and_places_stays_the_unit(tmp_path: Path) -> None:
    targets = _targets(
        tmp_path,
        ["1.每年“家庭教育宣传周”参与家庭不少于1万户。", "2.“十四五”期间新增普惠性学位3.6万个。"],
    )
    assert targets == [
        ("每年“家庭教育宣传周”参与家庭", ">=", 1, "万户/年"),
        ("新增普惠性学位", ">=", Decimal("3.6"), "万个"),
    ]


def test_wan_units_in_a_table_and_their_conversion(tmp_path: Path) -> None:
    """Variant: in an indicator table's cells and with a comparator sign; 万户 still converts to 户."""
    targets = _targets(
        tmp_path,
        ["指标 | 2020年 | 2030年", "最美家庭创建户数 | 0.8万户 | ≥1.2万户", "新增托位数 | 1万个 | ≥2万个"],
        domain="一、儿童与福利",
    )
    assert [(name, op, value, unit) for name, op, value, unit in targets] == [
        ("最美家庭创建户数", ">=", Decimal("1.2"), "万户"),
        ("新增托位数", ">=", 2, "万个"),
    ]
    assert convert(Decimal("1.2"), "万户", "户") == 12000


@pytest.mark.parametrize("written", ["1/10万活产", "/10万活产", "1/10万"])
def test_per_hundred_thousand_live_births_is_one_unit(written: str) -> None:
    assert normalise_unit(written) == "1/10万"
    assert normalise_unit(written.replace("10万", "万")) == "1/万"
