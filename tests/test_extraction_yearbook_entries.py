"""A yearbook (年鉴) page: a run of entries, each opened by its name in brackets (【概况】, 【…规划印发】, 【…建设】).

Only the entry reporting the plan (…印发《某县儿童发展规划（2021—2030年）》…主要目标是：) states its targets; the entries
around it record the year — 【概况】's values reached (全年婴儿死亡率3.41‰), another entry's counts of things done
(全年新建儿童之家12个，累计建成126个，覆盖率达86.3%). Before, every entry of the page was read for targets.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract

PAGE = [
    "灵川年鉴（2023）",
    "·186·",
    "社会生活",
    "",
    "妇女儿童工作",
    "",
    "【概况】2022年，县妇儿工委有成员单位36个。全县有0—17岁儿童8.05万人，全年婴儿死亡率3.62‰，"
    "5岁以下儿童死亡率4.95‰，学前三年毛入园率91.8%，分别比上年下降0.2个千分点、0.3个千分点和提高1.5个百分点。",
    "【儿童发展规划印发】6月，县人民政府印发《灵川县儿童发展规划（2021—2030年）》（灵政发〔2022〕12号），"
    "围绕儿童与健康、安全、教育、福利、家庭、环境、法律保护7个领域提出主要目标60项。主要目标是：",
    "儿童与健康领域，到2030年，婴儿和5岁以下儿童死亡率分别降至4.5‰和5.5‰以下。",
    "儿童与教育领域，到2030年，学前三年毛入园率达到98%以上，九年义务教育巩固率保持在99%以上。",
    "（县妇儿工委办  李娟）",
    "",
    "【儿童之家建设】全年新建儿童之家12个，累计建成126个，覆盖率达86.3%。投入资金48万元。",
    "（县妇联）",
    "",
    "【“春蕾计划”】全年资助困难女童215人次，发放助学金32.25万元。",
]


def test_a_yearbook_reads_only_the_entry_stating_the_plan(tmp_path: Path) -> None:
    path = tmp_path / "yearbook.txt"
    path.write_text("\n".join(PAGE) + "\n", encoding="gb18030")
    (plan,) = extract(path)
    assert plan.plan.title == "灵川县儿童发展规划（2021—2030年）"
    found = {(t.indicator, float(t.target.value)) for t in plan.targets if t.target.value is not None}
    assert found == {("婴儿死亡率", 4.5), ("5岁以下儿童死亡率", 5.5), ("学前三年毛入园率", 98), ("九年义务教育巩固率", 99)}
