"""Names a reviewer gives measure targets (compliance/phrases/naming.py), whole coverage in other words
(compliance/phrases/wholes.py), and numbers that are no targets' (a clock time, a ratio's colon)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from compliance.phrases import parse


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("实现儿童医疗保障全覆盖", ["儿童医疗保障覆盖率"]),
        ("统筹推进儿童之家建设，实现村（社区）全覆盖", ["村（社区）儿童之家覆盖率"]),
        ("推进儿童活动中心建设，实现各县（市、区）全覆盖", ["县（市、区）儿童活动中心覆盖率"]),
        ("实现村（社区）全覆盖", ["村（社区）覆盖率"]),  # nothing built before it: the places stay the name
        ("全市70％以上中小学建成数字家长学校", ["建成数字家长学校的中小学比例"]),
        ("90％以上的社区图书馆设立亲子阅读区", ["设立亲子阅读区的社区图书馆比例"]),
        ("每年至少开展3次家庭教育指导或亲子活动", ["家庭教育指导或亲子活动次数"]),
        ("确保每年至少组织2次家庭教育指导和2次家庭教育实践活动", ["家庭教育指导次数", "家庭教育实践活动次数"]),
        ("每年为农牧区妇女开展巡回医疗服务不少于4次", ["每年为农牧区妇女开展巡回医疗服务"]),  # the measure first: as written
        ("各县（市、区）至少设有1家危重新生儿救治中心", ["各县（市、区）危重新生儿救治中心数"]),
        ("每个镇（街道）建有1个以上示范型儿童之家", ["每个镇（街道）示范型儿童之家数"]),
        ("在5年内新建10个优质观护帮教基地", ["新建优质观护帮教基地数"]),
        # people counted as things are, as the catalogue names staff (…社会工作者数, …医生数)
        ("每个镇（街道）至少配备１名专职或兼职儿童社会工作者", ["每个镇（街道）专职或兼职儿童社会工作者数"]),
        # kinds counted in 项: the verb kept, joined by 的 (引导, a verb of prompting, is no part of it)
        ("引导学生熟练掌握1-2项运动技能，养成终身体育锻炼习惯", ["学生熟练掌握的运动技能项数"]),
        ("熟练掌握1项以上受益终身的运动技能", ["熟练掌握受益终身的运动技能项数"]),
        # a count of occurrences whose sentence prompts someone to do it is that one's count
        (
            "鼓励和支持公共文化活动场所为开展家庭亲子活动提供条件，每年至少开展3次家庭教育指导或亲子活动",
            ["公共文化活动场所每年开展家庭教育指导或亲子活动次数"],
        ),
        (
            "推动村（社区）家长学校或家庭教育指导服务站点提质增效，确保每年至少组织2次家庭教育指导和2次家庭教育实践活动",
            ["村（社区）家长学校或家庭教育指导服务站点每年组织家庭教育指导次数",
             "村（社区）家长学校或家庭教育指导服务站点每年组织家庭教育实践活动次数"],
        ),
        # ... but not one whose clause says who, nor one the sentence before prompts no place or body to
        ("加强市场监管，每年至少开展1次儿童用品质量安全专项检查", ["儿童用品质量安全专项检查次数"]),
        # a qualifier the subject of a share names is written once
        ("85％以上县（市、区）成功创建全国义务教育优质均衡发展县（市、区）", ["成功创建全国义务教育优质均衡发展县的县（市、区）比例"]),
        # brackets full-width, as the catalogue writes them
        ("全市各镇(街道)至少建成1家工疗型“残疾人之家”", ["各镇（街道）工疗型“残疾人之家”数"]),
        ("每千人口拥有3岁以下婴幼儿托位数达到4.5个", ["每千人口拥有3岁以下婴幼儿托位数"]),
        (
            "妇女参加基本医疗保险和基本养老保险基本实现法定人员全覆盖",
            ["妇女参加基本医疗保险法定人员覆盖率", "妇女参加基本养老保险法定人员覆盖率"],
        ),
    ],
)
def test_measure_names(text: str, names: list[str]) -> None:
    assert [t.indicator for t in parse(text)] == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("旗区妇幼保健院全部达到二级及以上水平", "旗区妇幼保健院达到二级及以上水平的比例"),
        ("冬季冰面安全教育覆盖全县中小学", "冬季冰面安全教育中小学覆盖率"),
    ],
)
def test_whole_coverage_in_other_words_is_100_percent(text: str, name: str) -> None:
    (target,) = parse(text)
    assert (target.indicator, str(target.op), target.value, target.unit) == (name, ">=", Decimal(100), "%")


@pytest.mark.parametrize("text", ["覆盖城乡的儿童健康服务体系更加完善", "健全覆盖全县的儿童服务网络", "保障措施均达到要求"])
def test_coverage_words_that_state_no_whole(text: str) -> None:
    assert parse(text) == []


def test_a_number_already_read_is_not_read_again_as_a_whole() -> None:
    (target,) = parse("全县中小学全部达到95%以上")
    assert (target.value, target.unit) == (Decimal(95), "%")


def test_a_clock_time_after_a_date_is_no_ratio() -> None:
    assert [(t.indicator, t.value) for t in parse("小学生近视率降至40%以下2022-11-23 07:30")] == [("小学生近视率", Decimal(40))]
    (ratio,) = parse("城镇公共厕所男女厕位比例达到1:1.5")
    assert (ratio.value, ratio.unit, ratio.ratio) == (Decimal("0.667"), "ratio", (Decimal(1), Decimal("1.5")))


def test_a_five_year_plans_end_is_a_base_year_and_a_month_a_denominator() -> None:
    (relative,) = parse("儿童伤害死亡率以“十三五”末为基数下降20%")
    assert (relative.indicator, str(relative.op), relative.base_year) == ("儿童伤害死亡率", "rel_decrease", 2020)
    (money,) = parse("孤儿基本生活保障标准不低于1500元/月")
    assert (money.indicator, money.unit) == ("孤儿基本生活保障标准", "元/月")


def test_a_ratio_written_with_the_ratio_sign() -> None:
    """Word writes 1∶1.5 with U+2236 (RATIO), not a colon: the same ratio."""
    (ratio,) = parse("城镇公共厕所男女厕位比例达到1∶1.5")
    assert (ratio.value, ratio.unit, ratio.ratio) == (Decimal("0.667"), "ratio", (Decimal(1), Decimal("1.5")))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("小学生、初中生和高中阶段学生近视率分别降至38%、60%和70%以下。", ["小学生近视率", "初中生近视率", "高中阶段学生近视率"]),
        ("5岁以下儿童贫血患病率和生长迟缓率分别控制在10%和5%以下。", ["5岁以下儿童贫血患病率", "5岁以下儿童生长迟缓率"]),
    ],
)
def test_a_listed_item_naming_its_own_population_keeps_it(text: str, names: list[str]) -> None:
    """The first item's population carries only to items that name none (高中阶段学生 is one, not 小学生高中阶段学生)."""
    assert [t.indicator for t in parse(text)] == names
