"""A publicity leaflet (宣传折页) with no title line of its own: its bullets state the plan's targets, and its back
panel names its basis, 依据：《某县儿童发展规划（2021—2030年）》. A county's plan is no plan's parent, so that is the plan
the leaflet is about: its title, place and level. Before, the leaflet was titled by its file's name, the county's plan
taken for its parent, and its place and level unknown.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract

LEAFLET = [
    "守护童年　共享未来",
    "【儿童与健康】",
    "● 新生儿死亡率降至3.0‰以下",
    "● 婴儿死亡率降至5.0‰以下",
    "【儿童与教育】",
    "● 学前教育毛入园率≥92%",
    "● 九年义务教育巩固率≥97%",
    "遇到困难，请拨打：未成年人保护热线 12355",
    "依据：《甘谷县儿童发展规划（2021—2030年）》（甘政发〔2022〕31号）",
    "甘谷县妇女儿童工作委员会办公室",
]


def test_a_leaflet_is_about_the_county_plan_it_names_as_its_basis(tmp_path: Path) -> None:
    path = tmp_path / "leaflet.txt"
    path.write_text("\n".join(LEAFLET) + "\n", encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.title == "甘谷县儿童发展规划（2021—2030年）"
    assert plan.plan.level == "county"
    assert list(plan.plan.jurisdiction) == ["甘肃省", "天水市", "甘谷县"]
    assert "甘谷县儿童发展规划（2021—2030年）" not in list(plan.plan.follows or [])
