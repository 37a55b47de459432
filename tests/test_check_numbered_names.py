"""A list's item number left before an indicator's name does not hide the indicator from the checks.

A WeChat article or a portal copy writes each main target behind a badge (<span>2</span> 新生儿…)
or a bare number and a space (2 新生儿…); extraction keeps the number in the name (2 新生儿死亡率).
The catalogue matched no such name, so the check said the plan omits the indicator it states
(missing-indicator) and never compared its value (a weaker 新生儿死亡率 went unseen). The number also
hid the population a list shares (6 5岁以下儿童贫血患病率和生长迟缓率…: 5岁以下儿童生长迟缓率).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from compliance.catalogue import load_catalogue
from compliance.checking import check
from compliance.extraction import extract
from compliance.references import ReferenceLibrary

_ITEMS = [
    "1 覆盖城乡的儿童健康服务体系更加完善。",
    "2 新生儿、婴儿和5岁以下儿童死亡率分别降至3.8‰、4.5‰和5.5‰以下。",
    "3 5岁以下儿童贫血患病率和生长迟缓率分别控制在8%和4%以下。",
    "4 适龄儿童免疫规划疫苗接种率保持在95%以上。",
]
_EDUCATION = [
    "1 学前教育毛入园率保持在95%以上。",
    "2 九年义务教育巩固率提高到97%以上。",
    "3 高中阶段毛入学率达到并保持在95%以上。",
]
_STATED = ["neonatal_mortality", "under5_stunting", "under5_anaemia", "preschool_gross_enrolment",
           "senior_secondary_gross_enrolment"]


def _text() -> str:
    return "\n".join([
        "某某县儿童发展规划（2021—2030年）", "",
        "一、儿童与健康", "主要目标：", *_ITEMS, "",
        "二、儿童与教育", "主要目标：", *_EDUCATION, "",
    ])


def _html() -> str:
    def badge(item: str) -> str:
        number, rest = item.split(" ", 1)
        return (f'<section><span style="background:#e67e22;color:#fff;">{number}</span>'
                f'<span style="font-size:15px;"> {rest}</span></section>')

    body = "\n".join([
        "<h1>某某县儿童发展规划（2021—2030年）</h1>",
        "<p><strong>一、儿童与健康</strong></p>", "<p>主要目标：</p>", *map(badge, _ITEMS),
        "<p><strong>二、儿童与教育</strong></p>", "<p>主要目标：</p>", *map(badge, _EDUCATION),
    ])
    return f'<html><head><meta charset="utf-8"><title>规划</title></head><body><div id="js_content">{body}</div></body></html>'


@cache
def _library() -> ReferenceLibrary:
    return ReferenceLibrary.load()


@pytest.mark.parametrize("name,text", [("plan.txt", _text), ("plan.html", _html)])
def test_numbered_items_are_checked_not_missing(tmp_path: Path, name: str, text) -> None:
    document = tmp_path / name
    document.write_text(text(), encoding="utf-8")
    (plan,) = extract(document)
    report = check(plan, _library())
    missing = {f.indicator for f in report.findings if f.rule == "missing-indicator"}
    assert not missing & set(_STATED), missing
    weaker = {f.indicator for f in report.findings if f.rule == "weaker-threshold"}
    assert "neonatal_mortality" in weaker


@pytest.mark.parametrize("written,id", [
    ("2 新生儿死亡率", "neonatal_mortality"),
    ("（3）高中阶段毛入学率", "senior_secondary_gross_enrolment"),
    ("1. 学前教育毛入园率", "preschool_gross_enrolment"),
    ("6 5岁以下儿童贫血患病率", "under5_anaemia"),
    ("3岁以下儿童系统管理率", "systematic_management_under3"),  # an age, not an item number
])
def test_catalogue_looks_past_an_item_number(written: str, id: str) -> None:
    found = load_catalogue().match_indicator(written, "children")
    assert found is not None and found.id == id


def test_a_decimal_is_not_an_item_number() -> None:
    assert load_catalogue().match_indicator("0.5 新生儿死亡率", "children") is None
