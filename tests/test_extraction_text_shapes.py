"""Plain-text shapes of plans as they reach users (issue 8), each written for these tests with its own wording,
numbers and place, plus a variant the rule must also read:

- comparator words an OCR engine misread (降全 for 降至, 以卞 for 以下, 控制任 for 控制在, 达列 for 达到, 以土 for 以上);
- the percent sign OCR'd as °/o (98°/o);
- a reposter's commentary box (【律师解读】, 【小编点评】) inside the plan's text: its numbers are no targets;
- a masked year in a baseline or a date on a portal that writes every mask ** (以**年为基数, **年**月);
- a masked rate unit in text (**/**万);
- a change verb before a floor (每年下降不少于0.5个百分点), 压减至, 均 over subjects apart by 、 and 和;
- an official account's 往期推荐： and 精选留言： blocks (with their colon).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract
from compliance.phrases import parse

D = Decimal


def _written(folder: Path, text: str, name: str = "plan.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _numeric(plan) -> list[tuple[int, str, str, Decimal | None, str | None]]:
    return [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit)
        for t in plan.targets
        if t.target.is_numeric
    ]


_OCR_PLAN = """\
柳溪县儿童发展规划(2021一2030年)
一、发展领域、主要目标和策略措施
(一)儿童与健康
主要目标：
1.新生儿死亡率降全2.6‰以下，婴儿死亡率控制任4.2‰以卞。
2.5岁以下儿童死亡率降全5.4%。
3.适龄儿童免疫规划疫苗接种率达列96°/o以上。
4.0～6岁儿童眼保健和视力检查覆盖率保持在93%以土。
"""


def test_comparator_words_misread_by_ocr_are_read_as_the_words_they_stand_for(tmp_path: Path) -> None:
    (plan,) = extract(_written(tmp_path, _OCR_PLAN))
    assert _numeric(plan) == [
        (5, "新生儿死亡率", "<=", D("2.6"), "‰"),
        (5, "婴儿死亡率", "<=", D("4.2"), "‰"),
        (6, "5岁以下儿童死亡率", "<=", D("5.4"), "%"),  # 降全 is 降至: at most, and the name is the measure's (a slip ‰ → %)
        (7, "适龄儿童免疫规划疫苗接种率", ">=", D(96), "%"),
        (8, "0～6岁儿童眼保健和视力检查覆盖率", ">=", D(93), "%"),
    ]
    # the quote keeps the text as printed
    assert [t.text for t in plan.targets][:2] == ["新生儿死亡率降全2.6‰以下", "婴儿死亡率控制任4.2‰以卞"]


def test_a_misread_comparator_is_read_only_where_a_comparator_stands() -> None:
    # the variant: a post qualifier misread with no verb before it (its op is the qualifier's alone)
    (target,) = parse("孕产妇死亡率12/10万以卞")
    assert (target.indicator, str(target.op), target.value) == ("孕产妇死亡率", "<=", D(12))
    # 全 and 任 elsewhere are the words they are: no number after them, no comparator
    assert [(t.indicator, str(t.op), t.value) for t in parse("儿童之家实现全覆盖，配备儿童主任2名")] == [
        ("儿童之家覆盖率", ">=", D(100)),
        ("配备儿童主任", ">=", D(2)),
    ]
    (target,) = parse("覆盖率逐步提高列92%")  # 提高列 for 提高到
    assert (target.indicator, str(target.op), target.value) == ("覆盖率", ">=", D(92))


_REPOST = """\
青石律师事务所　｜　首页　｜　普法园地　｜　联系我们
青石县妇女发展规划（2021—2030年）
一、发展领域、主要目标和策略措施
（一）妇女与健康
主要目标：
1.孕产妇死亡率控制在11/10万以下。
2.适龄妇女宫颈癌人群筛查率达到72%。
【律师解读】
　　人民法院受理申请后，应当在48小时内作出裁定；情况紧急的，应当在12小时内作出。保护令有效期不超过3个月，每次咨询不超过20分钟。
（二）妇女与教育
主要目标：
1.高中阶段毛入学率达到93%以上。
【小编点评】这部分给出的8项指标中，我们最关心的是第3项，欢迎拨打12345咨询。
2.女性高级专业技术人员比例达到42%。
"""


def test_a_reposters_commentary_box_holds_no_targets(tmp_path: Path) -> None:
    (plan,) = extract(_written(tmp_path, _REPOST))
    assert _numeric(plan) == [
        (6, "孕产妇死亡率", "<=", D(11), "1/10万"),
        (7, "适龄妇女宫颈癌人群筛查率", ">=", D(72), "%"),
        (12, "高中阶段毛入学率", ">=", D(93), "%"),
        (14, "女性高级专业技术人员比例", ">=", D(42), "%"),
    ]
    assert not plan.unparsed  # the box's time limits are left out as a box, not listed as numbers nobody read


def test_a_bracketed_subhead_that_is_no_commentary_stays_text(tmp_path: Path) -> None:
    text = _REPOST.replace("【律师解读】", "【健康】").replace("【小编点评】这部分给出的8项指标中，我们最关心的是第3项，欢迎拨打12345咨询。", "")
    (plan,) = extract(_written(tmp_path, text))
    lines = {t.line for t in plan.targets if t.target.is_numeric}
    assert 9 in lines  # the sentence under 【健康】 is read (its 不超过3个月…): only a commentator's box is left out


def test_a_masked_year_in_a_baseline_or_a_date_is_a_year() -> None:
    (target,) = parse("家庭暴力案件发案率以**年为基数下降**%")
    assert (target.indicator, str(target.op), target.masked, target.base_year) == ("家庭暴力案件发案率", "rel_decrease", True, None)
    assert parse("评估报告应于**年**月**日前提交，并附**年完成值") == []
    (target,) = parse("婴儿死亡率较**年下降10%")  # the variant: 较 before the mask
    assert (target.indicator, str(target.op), target.value, target.base_year) == ("婴儿死亡率", "rel_decrease", D(10), None)
    # a mask before 年 with no words of a year around it stays a masked value (**年免费教育)
    (target,) = parse("实施**年免费教育")
    assert target.masked


def test_a_masked_rate_unit_in_text_is_the_one_unit_it_fits() -> None:
    (target,) = parse("孕产妇死亡率控制在**/**万以下")
    assert (target.indicator, str(target.op), target.masked, target.unit) == ("孕产妇死亡率", "<=", True, "1/10万")
    (target,) = parse("孕产妇死亡率控制在1*/**万以下")  # a partly masked value, the same unit
    assert (target.masked, target.unit) == (True, "1/10万")
    (target,) = parse("孕产妇死亡率控制在7/***")  # no unit the mask fits: the unit stays unknown
    assert (target.masked, target.unit) == (True, None)


def test_a_change_verb_before_a_floor_is_a_change_of_at_least_so_much() -> None:
    (target,) = parse("儿童青少年总体近视率每年下降不少于0.6个百分点")
    assert (target.indicator, str(target.op), target.value, target.unit) == ("儿童青少年总体近视率", "rel_decrease", D("0.6"), "百分点/年")
    (target,) = parse("孕产妇贫血患病率年均降低不低于1个百分点")
    assert (target.indicator, str(target.op), target.unit) == ("孕产妇贫血患病率", "rel_decrease", "百分点/年")
    # a level after the verb stays a level
    (target,) = parse("贫血患病率下降为8%")
    assert (target.indicator, str(target.op), target.value) == ("贫血患病率", "<=", D(8))


def test_cut_down_to_is_at_most() -> None:
    assert [(t.indicator, str(t.op), t.value) for t in parse("小学生近视率压减至36%以内，初中生近视率压降到57%")] == [
        ("小学生近视率", "<=", D(36)),
        ("初中生近视率", "<=", D(57)),
    ]


def test_each_of_short_subjects_apart_by_commas_and_and_takes_the_measure() -> None:
    assert [t.indicator for t in parse("艾滋病、梅毒和乙肝母婴传播率均控制在1.2%以下")] == [
        "艾滋病母婴传播率", "梅毒母婴传播率", "乙肝母婴传播率",
    ]
    assert [t.indicator for t in parse("艾滋病、梅毒母婴传播率均控制在2%以下")] == ["艾滋病母婴传播率", "梅毒母婴传播率"]
    # one programme's one detection rate stays one
    assert [t.indicator for t in parse("孕产妇艾滋病、梅毒和乙肝检测率均保持在97%以上")] == ["孕产妇艾滋病、梅毒和乙肝检测率"]


_POST = """\
荷塘县儿童发展规划（2021—2030年）
一、主要目标
（一）儿童与健康
1.婴儿死亡率降低到4.6‰以下。
—— END ——
往期推荐：
▶ 托育机构备案数量突破800家
阅读 1024　　赞 31
精选留言：
读者A：托位数5个压力不小啊！
"""


def test_an_official_accounts_blocks_with_a_colon_are_furniture(tmp_path: Path) -> None:
    (plan,) = extract(_written(tmp_path, _POST))
    assert _numeric(plan) == [(4, "婴儿死亡率", "<=", D("4.6"), "‰")]
    (plan,) = extract(_written(tmp_path, _POST.replace("往期推荐：", "往期精选:").replace("精选留言：", "留言区"), "variant.txt"))
    assert _numeric(plan) == [(4, "婴儿死亡率", "<=", D("4.6"), "‰")]


_CARDS = """\
云岭科技 · 政策快报　　2023-03-02 09:15
快报｜石泉县儿童发展规划（2021—2030年）印发，这些指标值得关注
【广告】云岭托育平台已服务500+家机构，咨询热线400-123-4567。
近日，石泉县人民政府印发《石泉县儿童发展规划（2021—2030年）》。小编把主要指标整理成卡片：
【主要指标】
◆ 新生儿死亡率：3.4‰（2020年）→ 2.9‰以下（2030年）
◆ 学前教育毛入园率：86.1%（2020年）→ 93%以上（2030年）
◆ 儿童伤害死亡率：（2020年为基数）→ 下降18%（2030年）
◆ 每千人口拥有3岁以下婴幼儿托位数：1.1个（2020年）→ 4.6个（2030年）
【小编解读】托位数从1.1个增至4.6个，全县约需新增托位300个。
以下为规划全文：
石泉县儿童发展规划（2021—2030年）
一、发展领域、主要目标和策略措施
（一）儿童与健康
主要目标：
（1）新生儿死亡率降低到2.9‰以下。
"""


def test_arrow_cards_before_the_plan_are_its_indicator_list(tmp_path: Path) -> None:
    (plan,) = extract(_written(tmp_path, _CARDS))
    cards = [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.target.base_year, str(t.section))
             for t in plan.targets if t.line < 12]
    assert cards == [
        (6, "新生儿死亡率", "<=", D("2.9"), "‰", None, "indicator_table"),
        (7, "学前教育毛入园率", ">=", D(93), "%", None, "indicator_table"),
        (8, "儿童伤害死亡率", "rel_decrease", D(18), "%", 2020, "indicator_table"),
        (9, "每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.6"), "个/千人", None, "indicator_table"),
    ]
    assert (16, "新生儿死亡率", "<=", D("2.9"), "‰") in _numeric(plan)
    assert not plan.unparsed  # the baselines before the arrows are baselines, not numbers nobody read


def test_arrow_cards_inside_the_plan_and_other_arrows(tmp_path: Path) -> None:
    # the variant: cards under the plan's own 主要指标 heading, arrows written -> and ➡, no year brackets
    text = """\
石泉县儿童发展规划（2021—2030年）
一、主要指标
（一）儿童与健康
· 婴儿死亡率：4.8‰ -> 4.3‰以下
· 5岁以下儿童死亡率：6.5‰ ➡ 5.9‰以下
"""
    (plan,) = extract(_written(tmp_path, text))
    assert _numeric(plan) == [(4, "婴儿死亡率", "<=", D("4.3"), "‰"), (5, "5岁以下儿童死亡率", "<=", D("5.9"), "‰")]
    assert not plan.unparsed
    # a single arrow in a repost's lead is a sentence of the news, never the plan's list
    (plan,) = extract(_written(tmp_path, _CARDS.replace("◆ 学前教育毛入园率：86.1%（2020年）→ 93%以上（2030年）\n", "")
                               .replace("◆ 儿童伤害死亡率：（2020年为基数）→ 下降18%（2030年）\n", "")
                               .replace("◆ 每千人口拥有3岁以下婴幼儿托位数：1.1个（2020年）→ 4.6个（2030年）\n", ""), "one.txt"))
    assert [t.line for t in plan.targets if t.line < 12] == []


_OCR_TABLE = """\
梧桐县儿童发展规划(2021一2030年)
一、发展领域、主要目标和策略措施
(一)儿童与健康
主要目标：
1.S岁以下儿童贫血患病率控制在9%以下，生长迟缓率控制在4%以下。
附表
梧桐县儿童发展主要指标
序号、
指标名称
单位
2020年基数
2030年目标值
1
婴儿死亡率
‰
4.7
≦4.3
2
学前三年毛入园率
%
88.2
93
"""


def test_an_ocr_letter_for_an_age_digit_and_a_stray_mark_after_a_header_cell(tmp_path: Path) -> None:
    (plan,) = extract(_written(tmp_path, _OCR_TABLE))
    assert _numeric(plan) == [
        (5, "5岁以下儿童贫血患病率", "<=", D(9), "%"),  # S岁 is 5岁, so the next item takes the qualifier too
        (5, "5岁以下儿童生长迟缓率", "<=", D(4), "%"),
        (17, "婴儿死亡率", "<=", D("4.3"), "‰"),  # 序号、 is the header cell 序号: the table one cell per line is read
        (22, "学前三年毛入园率", ">=", D(93), "%"),
    ]
    # a letter before 岁 apart from an age stays itself (SOS岁月 is no age); the variant: 0～6岁 read as O～6岁
    (plan,) = extract(_written(tmp_path, _OCR_TABLE.replace("S岁以下儿童贫血患病率控制在9%以下，生长迟缓率控制在4%以下", "O～6岁儿童眼保健和视力检查覆盖率达到92%"), "v.txt"))
    assert (5, "0～6岁儿童眼保健和视力检查覆盖率", ">=", D(92), "%") in _numeric(plan)


_TENDER = """\
询价公告
石门县妇女发展规划（2021—2030年）
一、发展领域、主要目标和策略措施
（一）妇女与教育
主要目标：
1.高中阶段毛入学率达到92%，女性接受职业技能培训比例、农村妇女接受实用技术培训比例分别达到55%和
———— 以下内容已脱敏，登录会员后查看原文 ————
**%。
（二）妇女与环境
主要目标：
*.城镇公共厕所男女厕位比例不低于*:*.*。
*.农村公共厕所男女厕位比例达到1:***。
"""


def test_a_masking_notice_inside_a_list_and_masked_ratios(tmp_path: Path) -> None:
    (plan,) = extract(_written(tmp_path, _TENDER))
    found = [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.target.masked) for t in plan.targets]
    assert found == [
        (6, "高中阶段毛入学率", ">=", D(92), "%", False),
        (6, "女性接受职业技能培训比例", ">=", D(55), "%", False),
        (8, "农村妇女接受实用技术培训比例", ">=", None, "%", True),  # the list reads on past the portal's notice
        (11, "城镇公共厕所男女厕位比例", ">=", None, "ratio", True),  # *:*.* is no list item *.
        (12, "农村公共厕所男女厕位比例", "=", None, "ratio", True),  # a ratio with one term masked is masked
    ]
    assert not plan.unparsed


def test_short_subjects_after_their_population_each_take_the_measure() -> None:
    assert [t.indicator for t in parse("新生儿遗传代谢性疾病和听力障碍筛查率均达到97%以上")] == [
        "新生儿遗传代谢性疾病筛查率", "新生儿听力障碍筛查率",
    ]
    # without the population the subjects are no short ones: one measure as written
    assert [t.indicator for t in parse("遗传代谢性疾病和听力障碍筛查率均达到97%以上")] == ["遗传代谢性疾病和听力障碍筛查率"]


def test_a_procurement_notices_fields_are_no_targets(tmp_path: Path) -> None:
    text = """\
东川县妇女儿童工作委员会办公室东川县妇女发展规划（**—**年）中期评估服务项目成交结果公告
一、项目编号：DCZC-**-**
二、项目名称：东川县妇女发展规划（**—**年）中期评估服务项目
三、成交信息
供应商名称：某某评估有限公司　　成交金额：**.**万元
四、主要标的信息
服务范围：对照规划主要目标开展评估，形成评估报告**份　　服务期限：**日历天
五、公告期限：自本公告发布之日起**个工作日
附件：采购需求（节选）
（一）评估内容：逐项评估《东川县妇女发展规划》下列主要目标的完成情况（以下摘自规划原文）。
妇女与健康：*.孕产妇死亡率控制在**/**万以下；*.适龄妇女宫颈癌人群筛查率达到**%。
"""
    (plan,) = extract(_written(tmp_path, text))
    assert [(t.line, t.indicator, t.target.unit, t.target.masked) for t in plan.targets] == [
        (11, "孕产妇死亡率", "1/10万", True),
        (11, "适龄妇女宫颈癌人群筛查率", "%", True),
    ]
    assert [u.line for u in plan.unparsed] == []  # the notice's amounts, counts and days are no numbers left unread
    # the variant: the fields on lines of their own, a 中标金额 and a 预算金额
    variant = text.replace("供应商名称：某某评估有限公司　　成交金额：**.**万元", "预算金额：**万元\n中标金额：**.*万元")
    (plan,) = extract(_written(tmp_path, variant, "variant.txt"))
    assert [t.indicator for t in plan.targets] == ["孕产妇死亡率", "适龄妇女宫颈癌人群筛查率"]


_HIGHLIGHT = """\
童心托育 · 政策资讯
重磅！青川县儿童发展规划（2021—2030年）全文发布
📌小编划重点：到2030年，青川县婴儿死亡率降到4.2%以下，
每千人口拥有3岁以下婴幼儿托位数要达到4.6个，全县还将新增普惠托位500个，托育行业大有可为！
以下为规划全文：
青川县儿童发展规划（2021—2030年）
一、发展领域、主要目标和策略措施
（一）儿童与健康
主要目标：
1.婴儿死亡率降到4.2‰以下。
"""


def test_a_reposts_highlight_box_before_the_plan_restates_its_targets(tmp_path: Path) -> None:
    (plan,) = extract(_written(tmp_path, _HIGHLIGHT))
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets if t.line < 6] == [
        (3, "婴儿死亡率", "<=", D("4.2"), "%"),  # the plan's own place is no part of the name; the box's slip is kept
        (4, "每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.6"), "个/千人"),
        (4, "新增普惠托位", ">=", D(500), "个"),
    ]
    # the variant: a bracketed label, one line; a reposter's own reading (【小编解读】) restates nothing
    variant = _HIGHLIGHT.replace("📌小编划重点：到2030年，青川县婴儿死亡率降到4.2%以下，\n每千人口拥有3岁以下婴幼儿托位数要达到4.6个，全县还将新增普惠托位500个，托育行业大有可为！",
                                 "【要点速览】婴儿死亡率降到4.2‰以下。\n【小编解读】按全县约8万人测算，需新增托位约200个。")
    (plan,) = extract(_written(tmp_path, variant, "variant.txt"))
    assert [(t.line, t.indicator, t.target.value) for t in plan.targets if t.line < 6] == [(3, "婴儿死亡率", D("4.2"))]


_PARTLY_MASKED = """\
竹山县妇女发展规划（****—****年）
（一）妇女与经济
主要目标：
9.就业人员中的女性比例保持在46%左右。
1*.高级专业技术人员中的女性比例达到4*%。
（二）妇女与健康
主要目标：
1*.孕产妇死亡率控制在1*/1*万以下，校车安全管理实现100%全覆盖。
"""


def test_list_numbers_partly_masked_and_a_partly_masked_rate_unit(tmp_path: Path) -> None:
    (plan,) = extract(_written(tmp_path, _PARTLY_MASKED))
    assert [(t.line, t.indicator, t.target.value, t.target.unit, t.target.masked) for t in plan.targets] == [
        (4, "就业人员中的女性比例", D(46), "%", False),
        (5, "高级专业技术人员中的女性比例", None, "%", True),  # 1*. is item 10–19, no part of the name
        (8, "孕产妇死亡率", None, "1/10万", True),  # 1*/1*万: the one rate unit the mask fits
        (8, "校车安全管理覆盖率", D(100), "%", False),  # 100%全覆盖 is one target, named for its coverage
    ]
    # the variant: a list number partly masked with 、, and in brackets
    variant = _PARTLY_MASKED.replace("1*.高级", "1*、高级").replace("1*.孕产妇", "（1*）孕产妇")
    (plan,) = extract(_written(tmp_path, variant, "variant.txt"))
    assert [t.indicator for t in plan.targets][:3] == ["就业人员中的女性比例", "高级专业技术人员中的女性比例", "孕产妇死亡率"]
