"""Run-on lists: several targets in one paragraph, the next item's number glued to the previous value or to an age
range (…控制在2.5‰以下。3.新生儿死亡率…, 4.0—6岁儿童… after item 3, （4）0～6岁…, 4、0-6岁…). The list's sequence and the
age range after the number tell list numbers from decimals: item 4 of 0—6岁…, never the value 4.0 — whether the items
stand apart by full stops and semicolons or only by a comma, a space or nothing after the value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.extraction import extract

TEMPLATE = [
    "某某县儿童发展规划（2021—2030年）",
    "一、儿童与健康",
    "（一）主要目标",
    "{n1}新生儿死亡率控制在3‰以下{s}{n2}婴儿死亡率控制在2.5‰以下{s}{n3}5岁以下儿童死亡率控制在6‰以下{s}"
    "{n4}0—6岁儿童眼保健和视力检查覆盖率达到90%以上{s}{n5}孕产妇死亡率控制在10/10万以下。",
    "（二）策略措施",
    "1.加强儿童健康服务。",
    "二、儿童与教育",
    "（一）主要目标",
    "{n1}学前教育毛入园率达到90%以上{s}{n2}0～3岁婴幼儿托位覆盖率达到50%以上{s}{n3}0-6岁残疾儿童康复救助覆盖率达到100%。",
]

EXPECTED = [
    ("新生儿死亡率", 3, "‰"),
    ("婴儿死亡率", 2.5, "‰"),
    ("5岁以下儿童死亡率", 6, "‰"),
    ("0—6岁儿童眼保健和视力检查覆盖率", 90, "%"),
    ("孕产妇死亡率", 10, "1/10万"),
    ("学前教育毛入园率", 90, "%"),
    ("0～3岁婴幼儿托位覆盖率", 50, "%"),
    ("0-6岁残疾儿童康复救助覆盖率", 100, "%"),
]

NUMBERS = {"dot": "{}.", "comma": "{}、", "paren": "（{}）"}


def _read(tmp_path: Path, style: str, separator: str) -> list:
    numbers = {f"n{n}": NUMBERS[style].format(n) for n in range(1, 6)}
    text = "\n".join(line.format(s=separator, **numbers) for line in TEMPLATE)
    path = tmp_path / "plan.txt"
    path.write_text(text + "\n", encoding="utf-8")
    plans = extract(path)
    assert [u.text for p in plans for u in p.unparsed] == []
    return [(t.indicator, t.target.value, t.target.unit) for p in plans for t in p.targets]


@pytest.mark.parametrize("style, separator", [("dot", "。"), ("paren", "；"), ("comma", "。")])
def test_items_after_full_stops_and_semicolons(tmp_path: Path, style: str, separator: str) -> None:
    assert _read(tmp_path, style, separator) == EXPECTED


@pytest.mark.parametrize("style", ["dot", "comma", "paren"])
@pytest.mark.parametrize("separator", ["，", " ", ""])
def test_items_after_a_value_and_a_comma_a_space_or_nothing(tmp_path: Path, style: str, separator: str) -> None:
    """Variant: the items apart only by a comma, a space or nothing after the previous target's value."""
    assert _read(tmp_path, style, separator) == EXPECTED


def test_a_decimal_amount_after_a_value_is_no_item(tmp_path: Path) -> None:
    lines = [
        "某某县妇女发展规划（2021—2030年）",
        "一、妇女与经济",
        "（一）主要目标",
        "1.城镇单位就业人员中女性比例达到40%，2.5万名妇女接受职业技能培训。",
    ]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plans = extract(path)
    assert [(t.target.value, t.target.unit) for p in plans for t in p.targets][:1] == [(40, "%")]
    assert all(t.target.value != 5 for p in plans for t in p.targets)
