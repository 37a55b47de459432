"""A Word plan saved as text: a table of contents (目录, entries with dot leaders or a space before their page number)
and footnote references glued after values and names (达到95%[1]以上, 孕产妇系统管理率[2], 产前筛查率①, 传播率³, 6‰⁽²⁾)
with the notes' text below ([1] 指……). The contents start no plan, section or domain; a reference is never a digit
of a value nor part of a name; the notes' text gives no target.
"""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract

NOTES_AT_THE_END = [
    "某某县妇女发展规划（2021—2030年）",
    "",
    "目  录",
    "",
    "一、指导思想……………………………………………………1",
    "二、发展领域、主要目标和策略措施…………………………2",
    "（一）妇女与健康…………………………………………2",
    "（二）妇女与教育…………………………………………4",
    "（三）妇女与经济 6",
    "三、组织实施……………………………………………………8",
    "",
    "一、指导思想",
    "坚持以人民为中心的发展思想。",
    "二、发展领域、主要目标和策略措施",
    "（一）妇女与健康",
    "主要目标：",
    "1.孕产妇死亡率控制在10/10万以下。",
    "2.妇女常见病筛查率达到95%[1]以上。",
    "3.孕产妇系统管理率[2]达到90%以上。",
    "4.产前筛查率①达到80%以上。",
    "5.艾滋病母婴传播率³控制在2%以下。",
    "[1] 指35—64岁妇女每3年接受1次以上常见病筛查的比例。",
    "[2] 孕产妇系统管理率指孕期接受5次以上产前检查的比例。",
    "① 产前筛查率指接受产前筛查的孕妇占比，2020年为75%。",
    "³ 按90%以上的检测率计算。",
    "策略措施：",
    "1.加强妇幼健康服务。",
    "（二）妇女与教育",
    "主要目标：",
    "①女童九年义务教育巩固率达到96%以上。",
    "②高中阶段女生毛入学率达到92%以上。",
    "（三）妇女与经济",
    "主要目标：",
    "1.城镇单位就业人员中女性比例达到40%②。",
    "三、组织实施",
    "加强组织领导。",
]

NOTES_IN_THE_SECTION = [
    "某某县儿童发展规划（2021—2030年）",
    "目录",
    "一、总体要求.........................................1",
    "二、发展领域、主要目标和策略措施.....................2",
    "（一）儿童与健康.....................................2",
    "  主要目标...........................................2",
    "（二）儿童与教育 4",
    "三、组织实施.........................................6",
    "一、总体要求",
    "坚持儿童优先原则。",
    "二、发展领域、主要目标和策略措施",
    "（一）儿童与健康",
    "主要目标",
    "1.新生儿死亡率［1］控制在3‰以下。",
    "2.婴儿死亡率¹控制在5‰以下。",
    "3.5岁以下儿童死亡率控制在6‰⁽²⁾以下。",
    "4.儿童青少年近视率[注]每年降低0.5个百分点。",
    "［1］ 新生儿死亡率指出生28天内死亡的比例，每年监测2次以上。",
    "¹ 婴儿死亡率指1岁以内死亡的比例，不低于0.5‰的按0.5‰计。",
    "策略措施",
    "1.加强儿童健康服务。",
    "（二）儿童与教育",
    "主要目标",
    "1.学前教育毛入园率达到90%以上。",
    "2.九年义务教育巩固率达到97%〔2〕以上。",
    "注：〔2〕 巩固率按不少于3年的入学人数计算。",
    "三、组织实施",
    "加强领导。",
]


def _read(tmp_path: Path, lines: list[str]) -> tuple[list, list, list]:
    path = tmp_path / "plan.txt"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    plans = extract(path)
    assert len(plans) == 1
    targets = [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plans[0].targets]
    return plans[0].domains, targets, [u.text for u in plans[0].unparsed]


def test_footnote_references_and_notes_of_a_word_plan_saved_as_text(tmp_path: Path) -> None:
    domains, targets, unparsed = _read(tmp_path, NOTES_AT_THE_END)
    assert domains == ["妇女与健康", "妇女与教育", "妇女与经济"]
    assert targets == [
        ("孕产妇死亡率", "<=", 10, "1/10万"),
        ("妇女常见病筛查率", ">=", 95, "%"),
        ("孕产妇系统管理率", ">=", 90, "%"),
        ("产前筛查率", ">=", 80, "%"),
        ("艾滋病母婴传播率", "<=", 2, "%"),
        ("女童九年义务教育巩固率", ">=", 96, "%"),  # ① numbering a list is no note
        ("高中阶段女生毛入学率", ">=", 92, "%"),
        ("城镇单位就业人员中女性比例", ">=", 40, "%"),
    ]
    assert unparsed == []


def test_notes_standing_in_the_section_give_no_target(tmp_path: Path) -> None:
    """Variant: full-width and tortoise-shell brackets, a superscript in brackets, [注], the notes right below the
    targets, the contents' entries with dot leaders and one with a space before its page number."""
    domains, targets, unparsed = _read(tmp_path, NOTES_IN_THE_SECTION)
    assert domains == ["儿童与健康", "儿童与教育"]
    assert targets == [
        ("新生儿死亡率", "<=", 3, "‰"),
        ("婴儿死亡率", "<=", 5, "‰"),
        ("5岁以下儿童死亡率", "<=", 6, "‰"),
        ("儿童青少年近视率", "rel_decrease", 0.5, "百分点/年"),
        ("学前教育毛入园率", ">=", 90, "%"),
        ("九年义务教育巩固率", ">=", 97, "%"),
    ]
    assert unparsed == []
