"""The Chinese target-phrase parser, one test per form a plan uses.

Sentences are quoted from the sample plans in examples/texts/ (file and line in
each test's comment); the masked forms come from web scrapes described in the
domain primer, since the sample texts have none.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from compliance.errors import UnitError
from compliance.model.plan import Direction, Op, TargetValue
from compliance.phrases import ParsedTarget, parse, parse_compact, render, render_compact, unread_numbers


def numeric(text: str) -> list[ParsedTarget]:
    return [t for t in parse(text) if t.is_numeric]


def triples(text: str) -> list[tuple[str, Decimal | None, str | None]]:
    return [(str(t.op), t.value, t.unit) for t in numeric(text)]


def only(text: str) -> ParsedTarget:
    found = numeric(text)
    assert len(found) == 1, found
    return found[0]


D = Decimal


# ---------------------------------------------------------------- at least


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("孕产妇系统管理率达到93%以上。", "93", "%"),  # xinping:20
        ("适龄儿童国家免疫规划疫苗接种率保持在91%以上。", "91", "%"),  # jinan:273
        ("妇女基本医疗保险参保率稳定在95%以上，待遇保障公平适度。", "95", "%"),  # jinan:143
        ("3岁以下婴幼儿入托比例不低于15％。", "15", "%"),  # xinping:348
        ("妇女基本养老保险参保率提高到95%，待遇水平稳步提高。", "95", "%"),  # xinping:124
        ("孕早期检测率70%以上", "70", "%"),  # jinan:58
        ("7岁以下儿童健康管理率达到93%。", "93", "%"),  # xinping:274, a bare 达到
        ("学前教育毛入园率保持在100%", "100", "%"),  # jinan:318
    ],
)
def test_at_least(sentence: str, value: str, unit: str) -> None:
    target = only(sentence)
    assert (target.op, target.value, target.unit) == (Op.GE, D(value), unit)


def test_at_least_indicator_is_the_shortest_name() -> None:
    # xinping:20
    target = only("孕产妇系统管理率达到93%以上。")
    assert target.indicator == "孕产妇系统管理率"
    assert target.quote == "孕产妇系统管理率达到93%以上"


def test_permille_and_qualifier_after_the_unit() -> None:
    assert triples("5‰及以上") == [(">=", D(5), "‰")]


def test_symbols_in_table_cells() -> None:
    # jiaxing table cells: "≥95", ">85", "＜9.5", "<7"
    assert triples("≥95") == [(">=", D(95), None)]
    assert triples(">85") == [(">", D(85), None)]
    assert triples("＜9.5") == [("<", D("9.5"), None)]
    assert triples("<7") == [("<", D(7), None)]


def test_half_is_fifty_percent() -> None:
    # jinan:121
    text = "（6）区党政工作部门，应保证一半以上的领导班子配备女干部，其中担任正职的一般不少于3人。"
    assert triples(text) == [(">=", D(50), "%"), (">=", D(3), "人")]


def test_at_least_staff() -> None:
    # jiaxing:590, with a full-width digit
    target = only("每个镇（街道）至少配备１名专职或兼职儿童社会工作者。")
    assert (target.op, target.value, target.unit) == (Op.GE, D(1), "名")


# ---------------------------------------------------------------- at most


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("2．孕产妇死亡率下降到9/10万以下，城乡差距缩小。", "9", "1/10万"),  # xinping:20
        ("小学生近视率降至38％以下", "38", "%"),  # xinping:273
        ("孕产妇贫血患病率控制在10%以下", "10", "%"),  # xinping:29
        ("12岁儿童龋患率控制在30%以内。", "30", "%"),  # jinan:276
        ("先天梅毒发生率控制在15/10万活产以下", "15", "1/10万"),  # xinping:38
        ("女性比例不超过30%", "30", "%"),
        ("死亡率≤5‰", "5", "‰"),
    ],
)
def test_at_most(sentence: str, value: str, unit: str) -> None:
    target = only(sentence)
    assert (target.op, target.value, target.unit) == (Op.LE, D(value), unit)


def test_strictly_below() -> None:
    assert triples("严重致残的出生缺陷发生率＜9.5‰") == [("<", D("9.5"), "‰")]


def test_maternal_mortality_indicator() -> None:
    target = only("2．孕产妇死亡率下降到9/10万以下，城乡差距缩小。")
    assert target.indicator == "孕产妇死亡率"


# ---------------------------------------------------------------- about


def test_about() -> None:
    # xinping:72 and xinping:73
    assert triples("就业人员中的女性比例保持在45%左右，促进高校女毕业生充分就业。") == [("~", D(45), "%")]
    target = only("城镇单位就业人员中的女性比例达到40.5%左右。")
    assert (target.op, target.value, target.indicator) == (Op.ABOUT, D("40.5"), "城镇单位就业人员中的女性比例")


# ---------------------------------------------------------------- several at once


def test_respectively_three_mortality_rates() -> None:
    # xinping:267
    found = numeric("3．新生儿、婴儿和5岁以下儿童死亡率分别降至2‰、3.5‰和5‰及以下，城乡差距逐步缩小。")
    assert [(t.indicator, str(t.op), t.value, t.unit) for t in found] == [
        ("新生儿死亡率", "<=", D(2), "‰"),
        ("婴儿死亡率", "<=", D("3.5"), "‰"),
        ("5岁以下儿童死亡率", "<=", D(5), "‰"),
    ]


def test_respectively_with_comma_between_values() -> None:
    # jinan:270
    text = "（3） 新生儿、婴儿和5岁以下儿童死亡率分别控制在3‰，3‰和3.5‰以下，城乡和区域差距逐步缩小。"
    assert triples(text) == [("<=", D(3), "‰"), ("<=", D(3), "‰"), ("<=", D("3.5"), "‰")]


def test_respectively_each_value_with_its_own_qualifier() -> None:
    # jinan:274
    text = "5岁以下儿童中重度贫血率和生长迟缓率分别控制在4%以下和1.5%以下"
    assert triples(text) == [("<=", D(4), "%"), ("<=", D("1.5"), "%")]


def test_respectively_raised_to() -> None:
    # jinan:328
    text = "幼儿园专任教师专科及以上学历比例、义务教育阶段本科及以上学历专任教师比例分别提升到85%、96%。"
    found = numeric(text)
    assert [(t.indicator, t.value) for t in found] == [
        ("幼儿园专任教师专科及以上学历比例", D(85)),
        ("义务教育阶段本科及以上学历专任教师比例", D(96)),
    ]
    assert all(t.op is Op.GE for t in found)


def test_one_value_for_two_named_rates() -> None:
    # jinan:282: two indicators, each a rate of its own, share one value
    text = "3岁以下儿童系统管理率、7岁以下儿童健康管理率保持在91％以上。"
    assert [t.indicator for t in numeric(text)] == ["3岁以下儿童系统管理率", "7岁以下儿童健康管理率"]


def test_one_combined_rate_stays_one_target() -> None:
    # jiaxing:192: one test rate for three infections
    assert len(numeric("孕产妇艾滋病、梅毒、乙肝检测率保持在98％以上。")) == 1


def test_each_leading_group() -> None:
    # xinping:99: 党政 stands for 党委 and 政府
    found = numeric("4．县级党政领导班子至少各配备1名女干部，乡镇领导班子至少配备1名女干部。")
    assert triples("4．县级党政领导班子至少各配备1名女干部，乡镇领导班子至少配备1名女干部。") == [
        (">=", D(1), "名")
    ] * 3
    assert found[0].indicator.startswith("县级党委") and found[1].indicator.startswith("县级政府")


# ---------------------------------------------------------------- relative


def test_relative_decrease_with_base_year() -> None:
    # xinping:295
    target = only("1．减少儿童伤害所致死亡和残疾。儿童意外伤害死亡率以2020年为基数下降20%。")
    assert (target.op, target.value, target.unit, target.base_year) == (Op.REL_DECREASE, D(20), "%", 2020)
    assert target.indicator == "儿童意外伤害死亡率"


def test_percentage_points_per_year() -> None:
    # jiaxing:597
    target = only("全市儿童青少年总体近视率在2020年基础上每年降低1个百分点以上。")
    assert (target.op, target.value, target.unit, target.base_year) == (
        Op.REL_DECREASE,
        D(1),
        "百分点/年",
        2020,
    )
    # jinan:275, with the number written in Chinese
    target = only("儿童总体近视率平均每年降低一个百分点以上。")
    assert (target.op, target.value, target.unit) == (Op.REL_DECREASE, D(1), "百分点/年")


# ---------------------------------------------------------------- full coverage


def test_full_coverage() -> None:
    # jiaxing:546
    target = only("实现儿童医疗保障全覆盖。")
    assert (target.op, target.value, target.unit) == (Op.GE, D(100), "%")
    assert target.indicator == "儿童医疗保障覆盖率"


def test_full_coverage_of_several_things() -> None:
    # xinping:367
    text = "实现县级未成年人救助保护机构、乡镇（街道）社工站和城乡社区儿童之家全覆盖，加大相关人员培训力度。"
    assert triples(text) == [(">=", D(100), "%")] * 3


def test_full_coverage_needs_the_whole_word() -> None:
    # xinping:132: 健全覆盖城乡的… is "perfect the system covering…", no target
    assert numeric("健全覆盖城乡的社会救助体系") == []


def test_hundred_percent() -> None:
    assert triples("实现100%") == [(">=", D(100), "%")]


# ---------------------------------------------------------------- qualitative


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("巩固率不断提高", Direction.INCREASE),  # xinping:326
        ("女性平均受教育年限不断提高", Direction.INCREASE),  # xinping:55
        ("妇女人均预期寿命延长", Direction.INCREASE),  # xinping:19
        ("儿童新发近视率明显下降", Direction.DECREASE),  # xinping:273
        ("妇女肥胖增长率持续减缓", Direction.DECREASE),  # xinping:29
        ("企事业职工代表大会、教职工代表大会中女性比例与女职工比例相适应", Direction.APPROPRIATE),  # xinping:103
        ("应保尽保", Direction.FULL_COVERAGE),  # jiaxing table
        ("应援尽援", Direction.FULL_COVERAGE),  # jiaxing table
        ("保持", Direction.MAINTAIN),  # jiaxing table
        ("提高", Direction.INCREASE),  # jiaxing table
    ],
)
def test_qualitative(sentence: str, direction: Direction) -> None:
    found = parse(sentence)
    assert [(t.op, t.direction, t.value) for t in found] == [(Op.QUAL, direction, None)]
    assert not found[0].is_numeric


def test_a_verb_that_opens_a_clause_is_no_target() -> None:
    # jinan:57: 提高 here is a measure, not a target
    assert parse("提高妇女宫颈癌和乳腺癌防控意识和能力") == []


# ---------------------------------------------------------------- ratio


def test_ratio_equal() -> None:
    # xinping:172, behind a Word bookmark
    text = "[bookmark: _Toc1401360248_WPSOffice_Level3]7．农村卫生厕所基本普及，城镇公共厕所男女厕位比例为2:3，旅游景区公共厕所男女厕位比例为1:2。"
    found = numeric(text)
    assert [(t.op, t.value, t.unit, t.ratio) for t in found] == [
        (Op.EQ, D("0.667"), "ratio", (D(2), D(3))),
        (Op.EQ, D("0.5"), "ratio", (D(1), D(2))),
    ]
    assert found[0].indicator == "城镇公共厕所男女厕位比例"


def test_ratio_at_least() -> None:
    # jinan:229, full-width colon
    text = "女性厕位与男性厕位的比例至少为3：2，人流量较大地区提高到2：1。"
    assert triples(text) == [(">=", D("1.5"), "ratio"), (">=", D(2), "ratio")]


# ---------------------------------------------------------------- conditional


def test_conditional() -> None:
    # jiaxing:114 (table cell)
    found = numeric("换届后当年达到100％，平时保持在85％以上")
    assert [(t.op, t.value, t.unit, t.condition) for t in found] == [
        (Op.GE, D(100), "%", "换届后当年"),
        (Op.GE, D(85), "%", "平时"),
    ]


def test_conditional_keeps_the_indicator() -> None:
    text = "县（市、区）党委领导班子中配有女干部的班子比例换届后当年达到100％，平时保持在85％以上"
    found = numeric(text)
    assert {t.indicator for t in found} == {"县（市、区）党委领导班子中配有女干部的班子比例"}


# ---------------------------------------------------------------- masked digits


def test_masked_denominator() -> None:
    target = only("孕产妇死亡率下降到7/***以下")
    assert target.masked and target.value is None and target.op is Op.LE
    assert target.indicator == "孕产妇死亡率"


def test_masked_digits_keep_their_unit() -> None:
    target = only("孕产妇系统管理率达到**.5%以上")
    assert (target.masked, target.value, target.unit, target.op) == (True, None, "%", Op.GE)


def test_masked_target_converts() -> None:
    value = only("孕产妇死亡率下降到**/10万以下").to_target_value()
    assert value == TargetValue(op=Op.LE, masked=True, unit="1/10万")


# ---------------------------------------------------------------- noise


def test_full_width_digits_and_symbols() -> None:
    assert triples("婴儿死亡率控制在５‰以下") == [("<=", D(5), "‰")]
    assert triples("孕产妇死亡率（1/10万）　＜９.５") == [("<", D("9.5"), None)]


def test_word_bookmark_and_numbering() -> None:
    # jinan:58
    text = (
        "[bookmark: _Hlk67640988]（7）加强艾滋病、梅毒和乙肝母婴传播防治。全面落实预防艾滋病、梅毒和乙肝母婴传播综合"
        "干预措施，孕产妇艾滋病、梅毒和乙肝检测率达到98%以上，孕早期检测率70%以上，艾滋病、梅毒感染孕产妇治疗率达95%以上。"
    )
    assert triples(text) == [(">=", D(98), "%"), (">=", D(70), "%"), (">=", D(95), "%")]


def test_numbering_glued_to_an_age() -> None:
    # xinping:272: "8．5岁以下…" is item 8 about children under 5. Read alone the
    # parser cannot tell item 8 from the decimal 8.5 (extraction tells them apart by
    # the list's sequence of item numbers); either way the age is no target.
    text = "8．5岁以下儿童贫血患病率和生长迟缓率分别控制在10％和5％以下"
    assert triples(text) == [("<=", D(10), "%"), ("<=", D(5), "%")]


# ---------------------------------------------------------------- per time, counts


def test_times_per_year() -> None:
    # jiaxing:493
    text = "鼓励和支持公共文化活动场所为开展家庭亲子活动提供条件，每年至少开展3次家庭教育指导或亲子活动。"
    assert triples(text) == [(">=", D(3), "次/年")]


def test_hours_per_day() -> None:
    # jinan:289
    assert triples("儿童每天接触户外自然光不少于1小时。") == [(">=", D(1), "小时/天")]


def test_sleep_hours_list() -> None:
    # jinan:291
    text = "指导家庭合理安排儿童作息，保证每天小学生10小时、初中生9小时、高中生8小时睡眠时间。"
    assert triples(text) == [(">=", D(10), "小时/天"), (">=", D(9), "小时/天"), (">=", D(8), "小时/天")]


def test_per_hundred_thousand_forms() -> None:
    assert triples("孕产妇死亡率控制在7/10万以下") == [("<=", D(7), "1/10万")]
    assert triples("先天梅毒发生率控制在15/10万活产以下") == [("<=", D(15), "1/10万")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("县级设有1所标准化妇幼保健机构", [("=", D(1), "所")]),  # xinping:33
        ("各县（市、区）至少设有1家危重新生儿救治中心", [(">=", D(1), "家")]),  # jiaxing:503
        ("至少配备2名专业从事儿童保健的医生", [(">=", D(2), "名")]),  # xinping:279
        ("推进未成年人观护帮教基地建设，在5年内新建10个优质观护帮教基地。", [(">=", D(10), "个")]),  # jiaxing:578
        ("实行中小学教师5年一周期不少于360学时的教师全员培训。", [(">=", D(360), "学时")]),  # xinping:339
        ("熟练掌握1项以上受益终身的运动技能", [(">=", D(1), "项")]),  # jinan:291
        ("残疾儿童接受从学前到高中阶段15年免费教育。", [("=", D(15), "年")]),  # jinan:320
    ],
)
def test_counts(sentence: str, expected: list) -> None:
    assert triples(sentence) == expected


def test_range_of_counts() -> None:
    # jinan:355
    target = only("指导培育或孵化2-3家具有专业水平的儿童类社会组织")
    assert (target.op, target.value, target.value_max, target.unit) == (Op.GE, D(2), D(3), "家")


def test_per_thousand_population() -> None:
    # jinan:340: the number of places is per 1 000 people
    text = "确保我区2025年每千人口3岁以下婴幼儿托位数达到5个，家庭婴幼儿照护服务规范开展。"
    target = only(text)
    assert (target.op, target.value, target.unit) == (Op.GE, D(5), "个/千人")
    assert target.indicator == "每千人口3岁以下婴幼儿托位数"


def test_per_thousand_children() -> None:
    # jinan:281
    text = "每千名儿童拥有儿科执业（助理）医生达到0.85名、床位增至2.2张，每所社区卫生服务中心至少配备1名全科医生。"
    assert triples(text) == [(">=", D("0.85"), "名/千人"), (">=", D("2.2"), "张/千人"), (">=", D(1), "名")]


# ---------------------------------------------------------------- not targets


@pytest.mark.parametrize(
    "sentence",
    [
        "3岁以下婴幼儿照护服务体系",  # an age qualifier
        "扎实开展0—6岁儿童健康管理工作",
        "全县15—69岁女性",
        "促进女性在35—45岁接受高效宫颈癌筛查",
        "12岁儿童",
        "乙肝表面抗原阳性孕产妇所生儿童12月龄内",
        "0-6个月婴儿",
        "到2030年，基本建成",
        "（2021—2030年）",
        "2020年为85.02",
        "在2020年90％的基础上有所提高",
        "1．",
        "（一）妇女与健康。",
        "在5年内",
        "5年一周期",
        "构建城市“15分钟健身圈”",
        "“十四五”时期",
        "妇女当选“一肩挑”人员",
        "禁止27周（或胎儿双顶径≥6.5cm）以上非医学需要的终止妊娠手术",
        "贯彻实施《意见》（嘉委发〔2020〕20号）",
        "发挥12338、“未保专线”等社会热线的作用",
        "统筹推进低保、特困、受灾、医疗、教育、住房、就业、临时救助等8项基本救助",
        "完善家庭暴力110处理协作机制",
        "婴儿、5岁以下儿童死亡率分别从2010年的12.41‰、16.35‰",
    ],
)
def test_not_a_target(sentence: str) -> None:
    assert numeric(sentence) == []


def test_eligibility_qualifier_is_not_the_target() -> None:
    # xinping:333
    text = "在农村推动学前教育一体化发展，适龄儿童人数达10人及以上的行政村举办1所普惠性托幼园。"
    assert triples(text) == [(">=", D(1), "所")]


def test_share_of_entities_is_a_target() -> None:
    # jinan:391 and jiaxing:493: "95%的城市社区", "90％以上的社区图书馆" state shares
    text = "95%的城市社区和85%的农村社区（村）建立家长学校或家庭教育指导服务站点。"
    assert triples(text) == [(">=", D(95), "%"), (">=", D(85), "%")]
    assert triples("90％以上的社区图书馆设立亲子阅读区") == [(">=", D(90), "%")]


# ---------------------------------------------------------------- the result object


def test_quote_and_offsets_point_into_the_input() -> None:
    text = "（9）12岁儿童龋患率控制在30%以内。（牵头单位：区卫生健康局）"
    for target in parse(text):
        assert text[target.start : target.end] == target.quote


def test_to_json_is_plain_json() -> None:
    target = only("城镇公共厕所男女厕位比例为2:3")
    data = target.to_json()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["value"] == 0.667 and data["ratio"] == [2, 3] and data["op"] == "="
    assert {"indicator", "op", "value", "unit", "masked"} <= set(data)


def test_to_target_value() -> None:
    value = only("儿童意外伤害死亡率以2020年为基数下降20%").to_target_value()
    assert value == TargetValue(op=Op.REL_DECREASE, value=D(20), unit="%", base_year=2020)


def test_parse_never_raises_on_odd_input() -> None:
    for text in ["", " ", "\n\n", "*", "**%", "7/", "/10万", "2:0", "0:0", "1-", "―", "（", "）（", "9" * 500]:
        parse(text)


# ---------------------------------------------------------------- render and compact form


@pytest.mark.parametrize(
    ("indicator", "value", "expected"),
    [
        ("孕产妇死亡率", TargetValue(op=Op.LE, value=D(9), unit="1/10万"), "孕产妇死亡率控制在9/10万以下"),
        ("就业人员中的女性比例", TargetValue(op=Op.ABOUT, value=D(45), unit="%"), "就业人员中的女性比例保持在45%左右"),
    ],
)
def test_render(indicator: str, value: TargetValue, expected: str) -> None:
    assert render(indicator, value) == expected
    assert only(expected).to_target_value() == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("<= 9 1/10万", TargetValue(op=Op.LE, value=D(9), unit="1/10万")),
        (">= 95 %", TargetValue(op=Op.GE, value=D(95), unit="%")),
        ("~ 45 %", TargetValue(op=Op.ABOUT, value=D(45), unit="%")),
        ("rel_decrease 20 % since 2020", TargetValue(op=Op.REL_DECREASE, value=D(20), unit="%", base_year=2020)),
        ("qual increase", TargetValue(op=Op.QUAL, direction=Direction.INCREASE)),
        ("<= * 1/10万", TargetValue(op=Op.LE, masked=True, unit="1/10万")),
        ("= 2:3", TargetValue(op=Op.EQ, value=D("0.667"), unit="ratio", ratio=(D(2), D(3)))),
        (">= 2-3 家", TargetValue(op=Op.GE, value=D(2), value_max=D(3), unit="家")),
        (">= 3 次/年", TargetValue(op=Op.GE, value=D(3), unit="次/年")),
    ],
)
def test_compact(text: str, value: TargetValue) -> None:
    assert parse_compact(text) == value
    assert parse_compact(render_compact(value)) == value


def test_compact_rejects_phrases_and_unknown_units() -> None:
    assert parse_compact("孕产妇死亡率下降到9/10万以下") is None
    assert parse_compact("") is None
    with pytest.raises(UnitError):
        parse_compact(">= 5 furlongs")


def test_a_scope_after_the_measure_is_not_part_of_the_indicator() -> None:
    # 新平 children, examples/texts line 270
    (target,) = parse("适龄儿童免疫规划疫苗接种率以乡镇（街道）为单位保持在90％以上")
    assert target.indicator == "适龄儿童免疫规划疫苗接种率"


def test_a_listed_measure_inherits_the_population_of_the_first() -> None:
    # 新平 children, examples/texts line 272
    first, second = parse("5岁以下儿童贫血患病率和生长迟缓率分别控制在10％和5％以下")
    assert (first.indicator, second.indicator) == ("5岁以下儿童贫血患病率", "5岁以下儿童生长迟缓率")
    # items naming their own population keep it
    names = [t.indicator for t in parse("新生儿、婴儿和5岁以下儿童死亡率分别降至2‰、3.5‰和5‰及以下")]
    assert names == ["新生儿死亡率", "婴儿死亡率", "5岁以下儿童死亡率"]


def test_conditional_targets_take_the_indicator_of_the_clause_before() -> None:
    first, second = parse("县（市、区）党委领导班子中配有女干部的班子比例，换届后当年达到100％，平时保持在85％以上")
    assert first.indicator == second.indicator == "县（市、区）党委领导班子中配有女干部的班子比例"
    assert (first.condition, first.value, second.condition, second.value) == ("换届后当年", 100, "平时", 85)


def test_a_leading_direction_word_governs_the_measure_after_it() -> None:
    # 新平 women, examples/texts lines 21–22 (joined): 逐步提高乳腺癌筛查覆盖率
    found = parse("适龄妇女宫颈癌人群筛查率达到70%以上，逐步提高乳腺癌筛查覆盖率")
    assert [(t.indicator, t.op.value, t.direction) for t in found][1] == ("乳腺癌筛查覆盖率", "qual", Direction.INCREASE)
    assert parse("加强妇女健康知识宣传") == []  # 加强 names no measure


def test_full_coverage_words_take_any_subject() -> None:
    (target,) = parse("孤儿基本生活保障应保尽保")
    assert (target.indicator, target.direction) == ("孤儿基本生活保障", Direction.FULL_COVERAGE)


def test_a_short_modifier_does_not_split_a_coverage_subject() -> None:
    (target,) = parse("新建和改扩建公共场所母婴室全覆盖")
    assert target.indicator == "新建和改扩建公共场所母婴室覆盖率"


# ---------------------------------------------------------------- forms found on unseen plans (QA)


def quads(text: str) -> list[tuple[str | None, str, Decimal | None, str | None]]:
    return [(t.indicator, str(t.op), t.value, t.unit) for t in numeric(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("严重出生缺陷发生率控制在5/万以下", [("严重出生缺陷发生率", "<=", D(5), "1/万")]),
        ("出生缺陷发生率控制在万分之五以下", [("出生缺陷发生率", "<=", D(5), "1/万")]),
        ("出生缺陷发生率控制在万分之5以下", [("出生缺陷发生率", "<=", D(5), "1/万")]),
        ("出生缺陷发生率控制在5/万活产以下", [("出生缺陷发生率", "<=", D(5), "1/万")]),
        ("婴儿死亡率控制在千分之五以下", [("婴儿死亡率", "<=", D(5), "‰")]),
        ("孕产妇死亡率控制在十万分之八以下", [("孕产妇死亡率", "<=", D(8), "1/10万")]),
        ("住院分娩率达到百分之九十以上", [("住院分娩率", ">=", D(90), "%")]),
        ("住院分娩率达到百分之九十九点五", [("住院分娩率", ">=", D("99.5"), "%")]),
    ],
)
def test_fractions_in_words_and_per_ten_thousand(sentence: str, expected: list) -> None:
    assert quads(sentence) == expected


def test_a_fraction_without_exact_decimal_is_a_ratio_never_a_rounded_percent() -> None:
    target = only("女性比例不低于三分之一")
    assert (target.indicator, target.op, target.unit) == ("女性比例", Op.GE, "ratio")
    assert (target.ratio, target.value) == ((D(1), D(3)), D("0.333"))
    assert only("女性比例达到三分之二").ratio == (D(2), D(3))
    # a denominator that divides a power of ten gives an exact percentage
    assert triples("女性比例不低于四分之一") == [(">=", D(25), "%")]
    # the compact form carries the ratio exactly
    assert parse_compact(render_compact(target.to_target_value())) == target.to_target_value()


def test_per_ten_thousand_converts_exactly() -> None:
    from fractions import Fraction

    from compliance.units import convert

    assert convert(5, "1/万", "‰") == Fraction(1, 2)
    assert convert(1, "1/万", "1/10万") == 10
    assert render("出生缺陷发生率", parse_compact("<= 5 1/万")) == "出生缺陷发生率控制在5/万以下"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("新增普惠性托位1,200个", [("新增普惠性托位", ">=", D(1200), "个")]),
        ("培训人数达到12,000,000人", [("培训人数", ">=", D(12000000), "人")]),
        ("托位数达到1,200.5个", [("托位数", ">=", D("1200.5"), "个")]),
    ],
)
def test_thousands_separators(sentence: str, expected: list) -> None:
    assert quads(sentence) == expected


def test_thousands_separators_in_a_range() -> None:
    target = only("新增托位2,000-3,000个")
    assert (target.value, target.value_max, target.unit) == (D(2000), D(3000), "个")


def test_commas_between_values_are_still_list_separators() -> None:
    text = "新生儿、婴儿和5岁以下儿童死亡率分别降至3‰,3‰和3.5‰以下"
    assert triples(text) == [("<=", D(3), "‰"), ("<=", D(3), "‰"), ("<=", D("3.5"), "‰")]
    assert triples("覆盖率分别达到95%,98%") == [(">=", D(95), "%"), (">=", D(98), "%")]
    # a full-width comma is Chinese punctuation, never a thousands separator
    assert [t.value for t in numeric("托位达到1，200个")] == [D(200)]


@pytest.mark.parametrize(
    "sentence",
    [
        "高中阶段毛入学率达到并保持在92%以上",
        "高中阶段毛入学率达到并稳定在92%以上",
        "高中阶段毛入学率达到并且保持在92%以上",
    ],
)
def test_chained_verbs_are_one_comparator(sentence: str) -> None:
    assert quads(sentence) == [("高中阶段毛入学率", ">=", D(92), "%")]
    assert only(sentence).quote == sentence


def test_in_a_chain_of_weak_verbs_the_first_gives_the_direction() -> None:
    assert quads("婴儿死亡率降至并保持在5‰") == [("婴儿死亡率", "<=", D(5), "‰")]


def test_cases_per_population_written_before_the_number() -> None:
    text = "到2025年，孕产妇死亡率控制在每十万活产8例以下，到2030年下降到7/10万以下"
    assert quads(text) == [("孕产妇死亡率", "<=", D(8), "1/10万"), ("孕产妇死亡率", "<=", D(7), "1/10万")]
    assert quads("婴儿死亡率控制在每千活产5例以下") == [("婴儿死亡率", "<=", D(5), "‰")]
    assert quads("发病率控制在每十万人5例以下") == [("发病率", "<=", D(5), "1/10万")]
    assert quads("孕产妇死亡率控制在每10万活产8例以下") == [("孕产妇死亡率", "<=", D(8), "1/10万")]


def test_a_later_year_clause_without_subject_inherits_the_indicator() -> None:
    text = "到2025年，孕产妇死亡率下降到9/10万以下，到2030年下降到7/10万以下"
    assert [t.indicator for t in numeric(text)] == ["孕产妇死亡率", "孕产妇死亡率"]


@pytest.mark.parametrize(
    "sentence",
    ["女性比例保持在40%—45%之间", "女性比例保持在40%～45%", "女性比例保持在40％-45％", "女性比例保持在40%至45%", "女性比例保持在40-45%之间"],
)
def test_a_range_with_units_is_one_band(sentence: str) -> None:
    target = only(sentence)
    assert (target.indicator, target.op, target.value, target.value_max, target.unit) == (
        "女性比例", Op.GE, D(40), D(45), "%"
    )


def test_chinese_numeral_counts_after_a_strong_comparator() -> None:
    assert quads("村党组织书记至少配备一名女干部") == quads("村党组织书记至少配备1名女干部")
    assert numeric("建立一个中心，为一项重大战略任务") == []
    # a slogan written without quotes is no target
    assert numeric("所有助产机构实现出生“一件事”最多跑一次") == []


def test_numbers_in_words_that_cannot_be_read_are_reported() -> None:
    text = "居民收入翻一番，女性比例达到三分之二，八成以上的社区建成，比2020年提高两倍"
    assert [written for _, _, written in unread_numbers(text)] == ["翻一番", "八成", "两倍"]
    for start, end, written in unread_numbers(text):
        assert text[start:end] == written
    # what parse read is not reported; Arabic digits only on request
    assert unread_numbers("女性比例不低于三分之一，降低一个百分点以上") == []
    assert unread_numbers("妇女达到9/10万以下，2020年") == []
    assert unread_numbers("妇女达到9/10万以下，2020年", arabic=True) == [(12, 16, "2020")]
    assert unread_numbers("（不低于三分之一）") == []  # a remark inside brackets, as parse treats it
    assert unread_numbers("") == []


# ---------------------------------------------------------------- shared measures and more units


def test_respectively_lends_a_compound_measure_head() -> None:
    # QA: the shared measure is 母婴传播率, longer than the last three characters
    text = "艾滋病、梅毒和乙肝母婴传播率分别降至2%、2%和2%以下"
    assert quads(text) == [
        ("艾滋病母婴传播率", "<=", D(2), "%"),
        ("梅毒母婴传播率", "<=", D(2), "%"),
        ("乙肝母婴传播率", "<=", D(2), "%"),
    ]
    # a head of three characters is lent as before
    assert [t.indicator for t in numeric("新生儿、婴儿和5岁以下儿童死亡率分别降至3‰、5‰和6‰以下")] == [
        "新生儿死亡率",
        "婴儿死亡率",
        "5岁以下儿童死亡率",
    ]
    # a 率 the vocabulary does not list still lends its last three characters
    assert [t.indicator for t in numeric("孤残儿童和困境儿童帮扶率分别达到95%和90%")] == ["孤残儿童帮扶率", "困境儿童帮扶率"]
    # parallel subjects (城镇, 农村) take the whole rest of the name (tests/test_phrases_lists.py)
    assert [t.indicator for t in numeric("城镇和农村居民失业率分别控制在5%和3%以下")] == ["城镇居民失业率", "农村居民失业率"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("每年组织女性专场招聘会不少于10场", (">=", D(10), "场/年")),
        ("不少于200场次", (">=", D(200), "场次")),
        ("每年开展宣传活动不少于200场次", (">=", D(200), "场次/年")),
        ("评选表彰“最美家庭”不少于100户", (">=", D(100), "户")),
        ("每年新建母婴室不少于20间", (">=", D(20), "间/年")),
        ("每年开展女性数字技能培训不少于5000人次", (">=", D(5000), "人次/年")),  # a visit is no person
        ("每年培训妇女不少于2万人次", (">=", D(2), "万人次/年")),
        ("书面作业平均完成时间不超过60分钟", ("<=", D(60), "分钟")),
        ("孤儿保障标准不低于当地城乡居民人均可支配收入的1.5倍", (">=", D("1.5"), "倍")),
        ("每万名儿童拥有儿童活动场所面积不低于500平方米", (">=", D(500), "平方米/万人")),
        ("PM2.5年均浓度控制在35微克/立方米以内", ("<=", D(35), "微克/立方米")),  # 年均 is no per year here
        ("PM2.5年均浓度控制在35μg/m³以内", ("<=", D(35), "微克/立方米")),
        ("每年发放妇女创业担保贷款**亿元以上", (">=", None, "亿元/年")),
        ("发放妇女创业担保贷款10亿元以上", (">=", D(10), "亿元")),
    ],
)
def test_more_count_and_measure_units(sentence: str, expected: tuple) -> None:
    assert triples(sentence) == [expected]


def test_new_units_keep_their_indicators() -> None:
    assert only("书面作业平均完成时间不超过60分钟").indicator == "书面作业平均完成时间"
    # the comparator before the reference amount: 不低于 … 的1.5倍
    target = only("孤儿保障标准不低于当地城乡居民人均可支配收入的1.5倍")
    assert (target.indicator, target.quote) == ("孤儿保障标准", "孤儿保障标准不低于当地城乡居民人均可支配收入的1.5倍")
    assert only("孤儿基本生活保障标准不低于当地最低生活保障标准的80%").indicator == "孤儿基本生活保障标准"
    # PM2.5 is a name, not a number
    target = only("PM2.5年均浓度控制在35微克/立方米以内")
    assert (target.indicator, target.value) == ("PM2.5年均浓度", D(35))
    assert only("每年发放妇女创业担保贷款**亿元以上").masked
    # a comparator with no subject is still part of the quote
    assert only("不少于200场次").quote == "不少于200场次"


@pytest.mark.parametrize(
    "sentence",
    [
        "建成城市社区15分钟健身圈",  # a duration that names a concept, no comparator
        "新建3场所",  # 场所 is a word, not 3 场
        "落实3户籍制度",
        "每隔3间隔",
    ],
)
def test_new_units_are_no_targets_without_a_comparator_or_inside_a_word(sentence: str) -> None:
    assert numeric(sentence) == []


def test_a_deadline_after_the_measure_is_not_part_of_its_name() -> None:
    first, second = parse("孕产妇死亡率到2025年下降到8/10万以下，到2030年下降到7/10万以下")
    assert (first.indicator, first.value, second.indicator, second.value) == ("孕产妇死亡率", 8, "孕产妇死亡率", 7)


def test_a_bracketed_scope_with_a_list_inside_is_cut_too() -> None:
    (target,) = parse("适龄儿童免疫规划疫苗接种率以乡（镇、街道）为单位保持在95%以上")
    assert target.indicator == "适龄儿童免疫规划疫苗接种率"


def test_chengxiang_with_two_values_names_city_and_countryside() -> None:
    city, country = parse("城乡社区家长学校覆盖率分别达到90%和80%")
    assert (city.indicator, city.value) == ("城市社区家长学校覆盖率", 90)
    assert (country.indicator, country.value) == ("农村社区家长学校覆盖率", 80)


def test_a_womens_subject_carries_to_the_next_measure_of_the_sentence() -> None:
    pension, medical = parse("女性基本养老保险参保率提高到95％，基本医疗保险参保率稳定在95％以上。")
    assert medical.indicator == "女性基本医疗保险参保率"
    # not across sentences, and not onto a measure naming its own population
    _, _, system = parse("孕产妇死亡率下降到9/10万以下，城乡差距缩小。孕产妇系统管理率达到93%以上。")
    assert system.indicator == "孕产妇系统管理率"


def test_qi_counts_sessions() -> None:
    (target,) = parse("每年举办女性职业技能培训班不少于10期")
    assert (target.op.value, target.value, target.unit) == (">=", 10, "期/年")
    assert all(t.unit != "期" for t in parse("规划期间，每3年开展一次评估"))  # 期间 is no unit


def test_gonggu_zai_keeps_a_level_and_1_zhi_2_is_a_range() -> None:
    """巩固在97%以上 is a floor, not part of the name; 1至2名 is the range 1—2 (至 between two numbers only)."""
    (rate,) = parse("九年义务教育巩固率巩固在97%以上")
    assert (rate.indicator, rate.op, rate.value) == ("九年义务教育巩固率", Op.GE, D(97))
    (staff,) = parse("每个乡镇卫生院配备1至2名儿童保健医生")
    assert (staff.op, staff.value, staff.value_max, staff.unit) == (Op.GE, D(1), D(2), "名")
    (lowered,) = parse("班额降至45人以下")
    assert (lowered.op, lowered.value, lowered.value_max) == (Op.LE, D(45), None)


def test_a_keep_adverb_before_a_limit_verb_is_no_part_of_the_name() -> None:
    """孕产妇死亡率稳定控制在10/10万以下: 稳定 says the level is kept, it is no part of the indicator (subject_suffixes)."""
    target = only("孕产妇死亡率稳定控制在10/10万以下。")
    assert (target.indicator, target.op, target.value, target.unit) == ("孕产妇死亡率", Op.LE, D(10), "1/10万")
    target = only("适龄儿童免疫规划疫苗接种率持续稳定在95%以上。")
    assert (target.indicator, target.op, target.value) == ("适龄儿童免疫规划疫苗接种率", Op.GE, D(95))


def test_two_short_subjects_after_their_population_each_take_the_measure() -> None:
    """适龄妇女宫颈癌和乳腺癌人群筛查率均达到70%: two screening rates of 适龄妇女, one value each; a list whose last
    item names a list of its own (孕产妇艾滋病、梅毒和乙肝检测率均…) stays the one measure the catalogue knows."""
    found = numeric("适龄妇女宫颈癌和乳腺癌人群筛查率均达到70%以上。")
    assert [(t.indicator, t.value) for t in found] == [("适龄妇女宫颈癌筛查率", D(70)), ("适龄妇女乳腺癌人群筛查率", D(70))]
    assert [t.indicator for t in numeric("孕产妇艾滋病、梅毒和乙肝检测率均达到98%以上。")] == ["孕产妇艾滋病、梅毒和乙肝检测率"]
    # subjects that together name one programme (joint_subjects) stay its one measure
    assert [t.indicator for t in numeric("孕产妇梅毒和乙肝检测率均保持在98%以上。")] == ["孕产妇梅毒和乙肝检测率"]


def test_a_count_of_bodies_before_what_each_is_to_have_is_no_target() -> None:
    """18个乡镇卫生院至少各有1名女医生: 18 says how many 乡镇卫生院 there are; the target is each one's 1名, named
    without the count. A count closed by its clause (建成10个儿童之家，各配备1名) stays a target."""
    for sentence, name in (("18个乡镇卫生院至少各有1名女医生。", "乡镇卫生院女医生数"),
                           ("28个乡镇卫生院每院至少配备1名女性全科医生。", "乡镇卫生院每院女性全科医生数")):
        target = only(sentence)
        assert (target.indicator, target.op, target.value, target.unit) == (name, Op.GE, D(1), "名")
    assert [t.value for t in numeric("在10个乡镇卫生院各设立1个孕产妇健康管理门诊。")] == [D(1)]
    assert [t.value for t in numeric("建成10个儿童之家，各配备1名儿童主任。")] == [D(10), D(1)]
    # 均 says each of them as 各 does (16个社区卫生服务站均至少有1名…); with no count after it the count stays
    target = only("16个社区卫生服务站均至少有1名全科医生。")
    assert (target.indicator, target.value, target.unit) == ("社区卫生服务站全科医生数", D(1), "名")
    assert [t.value for t in numeric("9个乡镇卫生院均配备至少2名儿科医生。")] == [D(2)]
    assert [(t.value, t.unit) for t in numeric("14个乡镇卫生院均能开展新生儿访视服务。")] == [(D(14), "个")]


def test_the_size_of_a_change_as_the_subject_of_a_floor_is_that_change() -> None:
    """年降幅不低于0.5个百分点 asks the measure to fall by at least so much a year: rel_decrease, per year, of the measure
    the clause before names when its own names none; 下降幅度…不低于15% with 较2020年 a change from 2020; 增幅 a rise.
    A ceiling on the change (降幅不超过3%) is left as written: no floor, no change target."""
    target = only("孕产妇贫血患病率逐年下降，年降幅不低于0.5个百分点。")
    assert (target.indicator, target.op, target.value, target.unit) == ("孕产妇贫血患病率", Op.REL_DECREASE, D("0.5"), "百分点/年")
    target = only("儿童肥胖率下降幅度每年不低于0.2个百分点。")
    assert (target.indicator, target.op, target.value, target.unit) == ("儿童肥胖率", Op.REL_DECREASE, D("0.2"), "百分点/年")
    target = only("婴儿死亡率较2020年下降幅度不低于12%。")
    assert (target.indicator, target.op, target.value, target.unit, target.base_year) == (
        "婴儿死亡率", Op.REL_DECREASE, D(12), "%", 2020)
    target = only("儿童保健经费年均增幅不低于6%。")
    assert (target.indicator, target.op, target.value) == ("儿童保健经费", Op.REL_INCREASE, D(6))
    assert [t.op for t in numeric("降幅不超过3%。")] == [Op.LE]


def test_a_labelled_list_number_is_numbering_never_a_ratio() -> None:
    """目标3：5岁以下… (items numbered 目标1：…目标15：, `item_labels`): 目标3： is the item's number, never the ratio 3:5
    nor part of the name; 5岁以下 stays the name's qualifier."""
    target = only("目标3：5岁以下儿童贫血患病率控制在8%以内。")
    assert (target.indicator, target.op, target.value, target.unit) == ("5岁以下儿童贫血患病率", Op.LE, D(8), "%")
    target = only("指标12：九年义务教育巩固率达到97%。")
    assert (target.indicator, target.value) == ("九年义务教育巩固率", D(97))
    assert [t.ratio for t in numeric("师生比例达到3:5。")] == [(D(3), D(5))]  # a ratio with no label before it


def test_hours_and_minutes_in_a_clause_of_the_time_of_day_are_no_ratios() -> None:
    """每天8:30—11:30、13:30—16:30（北京时间）: clock times (clock_words say the clause tells the time of day), never the
    ratios 8:30 or 13:30; a ratio in a clause of its own (幼儿园专任教师与幼儿比例达到1:15) stays a ratio."""
    assert numeric("获取磋商文件：2024年4月19日至4月25日，每天8:30—11:30、13:30—16:30（北京时间）。") == []
    assert numeric("开放时间：9:00—17:00。") == []
    target = only("幼儿园专任教师与幼儿比例达到1:15。")
    assert (target.op, target.ratio, target.unit) == (Op.EQ, (D(1), D(15)), "ratio")
