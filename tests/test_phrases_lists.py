"""Lists of subjects sharing one name: parallel subjects (城市、农村社区…), shared heads (…基本生活保障标准)."""

from __future__ import annotations

import pytest

from compliance.phrases import parse


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a parallel subject alone takes the rest of the name after the last item's own subject, not only its measure
        ("城市、农村社区家长学校覆盖率分别达到95%和85%", [("城市社区家长学校覆盖率", "95"), ("农村社区家长学校覆盖率", "85")]),
        ("城区、农村学校体育场地开放率分别达到90%、80%", [("城区学校体育场地开放率", "90"), ("农村学校体育场地开放率", "80")]),
        # …as long as the item is: 城市社区 stands for 农村社区
        ("城市社区和农村社区儿童之家覆盖率均达到100%", [("城市社区儿童之家覆盖率", "100"), ("农村社区儿童之家覆盖率", "100")]),
        ("城镇和农村孕产妇系统管理率分别达到95%和90%", [("城镇孕产妇系统管理率", "95"), ("农村孕产妇系统管理率", "90")]),
        # a parallel subject is a population of its own: 女童 is not carried onto 男童
        ("女童和男童入学率均达到99%", [("女童入学率", "99"), ("男童入学率", "99")]),
        # 均 after listed subjects that are no parallel subjects: one target, as the labels of real plans have it
        ("孕产妇艾滋病、梅毒和乙肝检测率均达到98%以上", [("孕产妇艾滋病、梅毒和乙肝检测率", "98")]),
        # a later item with only its own word before the first's long ending takes the first's head
        ("社区居民委员会成员中女性比例、主任中女性比例分别保持在50%、40%左右", [("社区居民委员会成员中女性比例", "50"), ("社区居民委员会主任中女性比例", "40")]),
        ("5岁以下儿童死亡率、婴儿死亡率分别降至5‰和4‰以下", [("5岁以下儿童死亡率", "5"), ("婴儿死亡率", "4")]),  # a measure's ending only: as written
        # 均 after parallel programmes (基本医疗保险 / 基本养老保险) sharing the words before the first and after the last
        ("妇女基本医疗保险、基本养老保险参保率均稳定在96%以上", [("妇女基本医疗保险参保率", "96"), ("妇女基本养老保险参保率", "96")]),
        ("城镇职工基本养老保险和基本医疗保险女性参保率均达到95%以上", [("城镇职工基本养老保险女性参保率", "95"), ("城镇职工基本医疗保险女性参保率", "95")]),
        # 均 after short subjects before one measure: each takes it
        ("宫颈癌和乳腺癌早诊率均达到70%以上", [("宫颈癌早诊率", "70"), ("乳腺癌早诊率", "70")]),
        ("孕产妇梅毒和乙肝检测率均保持在98%以上", [("孕产妇梅毒和乙肝检测率", "98")]),  # a subject of its own population: one
        # 分别: the measure lent whole (系统管理率, a shared head)
        ("孕产妇和3岁以下儿童系统管理率分别达到92%和90%以上", [("孕产妇系统管理率", "92"), ("3岁以下儿童系统管理率", "90")]),
        # a unit written per person and month
        ("集中养育孤儿和社会散居孤儿基本生活保障标准分别不低于1500元/人·月和1100元/人·月", [("集中养育孤儿基本生活保障标准", "1500"), ("社会散居孤儿基本生活保障标准", "1100")]),
        # a ratio between parallel subjects is one target, and so is a list without 分别/均
        ("女性厕位与男性厕位的比例至少为3：2", [("女性厕位与男性厕位的比例", "1.5")]),
        # no parallel subject: the measure is lent as before
        ("新生儿、婴儿和5岁以下儿童死亡率分别降至3‰、4‰和5‰以下", [("新生儿死亡率", "3"), ("婴儿死亡率", "4"), ("5岁以下儿童死亡率", "5")]),
        # a shared head of the vocabulary, lent whole and never doubled on the item that has it
        (
            "孤儿、事实无人抚养儿童基本生活保障标准分别不低于每人每月1450元、1100元",
            [("孤儿基本生活保障标准", "1450"), ("事实无人抚养儿童基本生活保障标准", "1100")],
        ),
    ],
)
def test_listed_subjects_are_named_as_a_reviewer_names_them(text: str, named: list[tuple[str, str]]) -> None:
    assert [(t.indicator, str(t.value)) for t in parse(text)] == named


def test_a_unit_written_per_person_and_month_is_kept_as_written() -> None:
    assert [t.unit for t in parse("集中供养孤儿基本生活保障标准不低于1900元/人·月")] == ["元/人·月"]
    assert [t.unit for t in parse("孤儿基本生活保障标准不低于每人每月1450元")] == ["元"]  # as the shared gold labels it


def test_a_news_item_quoting_the_plan_names_the_indicator_not_its_words() -> None:
    """《规划》提出村民委员会成员中女性比例达到26%: the indicator is 村民委员会成员中女性比例 (else a false missing-indicator)."""
    assert [t.indicator for t in parse("《规划》提出村民委员会成员中女性比例达到26%以上")] == ["村民委员会成员中女性比例"]
    # conditions written as the years of an election: 换届年份 / 非换届年份
    assert [t.condition for t in parse("在换届年份达到100%，非换届年份不低于80%")] == ["换届年份", "非换届年份"]



def test_a_level_kept_with_the_verb_of_its_measure() -> None:
    """巩固率巩固在97‰以上: 巩固在 keeps a level as 保持在 does; the verb is not part of the name."""
    (target,) = parse("九年义务教育巩固率巩固在97%以上")
    assert (target.indicator, str(target.op), target.value) == ("九年义务教育巩固率", ">=", 97)
