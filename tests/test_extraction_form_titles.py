"""A form for every place of a level: 区县儿童发展规划主要指标备案表, a 县（市、区）妇女发展规划指标填报表.

A filing system's export or a template titles itself with level words only; the title's "place" (区县) names no
county, so the plan's place comes from the form's other fields (填报单位：某某县妇女儿童工作委员会办公室). Before, the
jurisdiction was written as [区县]: a level word read as a place, and the gazetteer never asked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.extraction import extract
from compliance.extraction.metadata import only_level_words

FORM = """{title},,,,,
填报单位：{unit},导出时间：2022-07-12 09:30:11,,,,
序号,领域,指标名称,计量单位,2020年基期值,2025年目标值
1,儿童与健康,婴儿死亡率,‰,3.9,≤4.5
2,儿童与健康,5岁以下儿童死亡率,‰,5.1,≤6
3,儿童与教育,学前三年毛入园率,%,88.2,≥92
"""


@pytest.mark.parametrize(
    ("title", "unit", "jurisdiction"),
    [
        ("区县儿童发展规划主要指标备案表（导出）", "巫山县妇女儿童工作委员会办公室", ["重庆市", "巫山县"]),
        ("县（市、区）儿童发展规划指标填报表", "江西省上饶市铅山县妇儿工委办", ["江西省", "上饶市", "铅山县"]),
    ],
)
def test_a_form_titled_by_level_words_takes_the_place_of_its_filler(
    tmp_path: Path, title: str, unit: str, jurisdiction: list[str]
) -> None:
    path = tmp_path / "form.csv"
    path.write_text(FORM.format(title=title, unit=unit), encoding="utf-8")
    (plan,) = extract(path)
    assert list(plan.plan.jurisdiction or []) == jurisdiction
    assert len(plan.targets) == 3


@pytest.mark.parametrize(
    ("place", "generic"),
    [("区县", True), ("县区", True), ("县（市、区）", True), ("市县", True), ("铅山县", False), ("济南市市中区", False)],
)
def test_only_level_words(place: str, generic: bool) -> None:
    assert only_level_words(place) is generic
