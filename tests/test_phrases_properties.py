"""Properties of the phrase parser: what render writes, parse reads back; parse never raises."""

from __future__ import annotations


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.model.plan import Direction, Op, TargetValue
from compliance.phrases import parse, parse_compact, render, render_compact, unread_numbers

UNITS = ["%", "‰", "1/万", "1/10万", "岁", "人", "万人", "个", "名", "次/年", "小时/天",
         "场/年", "场次", "户", "间/年", "人次", "人次/年", "分钟", "倍", "平方米", "微克/立方米", "亿元/年"]
NUMERIC_OPS = [Op.GE, Op.LE, Op.GT, Op.LT, Op.EQ, Op.ABOUT]
INDICATORS = [
    None,
    "孕产妇死亡率",
    "5岁以下儿童死亡率",
    "就业人员中的女性比例",
    "妇女人均预期寿命",
    "每个乡镇（街道）专职社会工作者",
    "0—6岁儿童眼保健和视力检查覆盖率",
]
CONDITIONS = [None, "换届后当年", "平时"]

values = st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def target_values(draw: st.DrawFn) -> TargetValue:
    kind = draw(st.sampled_from(["bound", "relative", "qual", "masked"]))
    unit = draw(st.sampled_from(UNITS))
    condition = draw(st.sampled_from(CONDITIONS))
    if kind == "qual":
        return TargetValue(op=Op.QUAL, direction=draw(st.sampled_from(list(Direction))), condition=condition)
    if kind == "relative":
        return TargetValue(
            op=draw(st.sampled_from([Op.REL_DECREASE, Op.REL_INCREASE])),
            value=draw(values),
            unit=unit,
            base_year=draw(st.one_of(st.none(), st.integers(min_value=1990, max_value=2035))),
            condition=condition,
        )
    op = draw(st.sampled_from(NUMERIC_OPS))
    if kind == "masked":
        return TargetValue(op=op, masked=True, unit=unit, condition=condition)
    return TargetValue(op=op, value=draw(values), unit=unit, condition=condition)


def _meaning(value: TargetValue) -> tuple:
    if value.op is Op.QUAL:
        return (value.op, value.direction, value.condition)
    return (value.op, value.value, value.unit, value.masked, value.base_year, value.condition)


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(target_values(), st.sampled_from(INDICATORS))
def test_render_then_parse_gives_the_value_back(value: TargetValue, indicator: str | None) -> None:
    phrase = render(indicator, value)
    found = parse(phrase)
    if value.op is Op.QUAL:
        assert [(t.op, t.direction, t.condition) for t in found] == [_meaning(value)], phrase
    else:
        numeric = [t for t in found if t.is_numeric]
        assert len(numeric) == 1, (phrase, numeric)
        assert _meaning(numeric[0].to_target_value()) == _meaning(value), phrase
        if indicator is not None:
            assert numeric[0].indicator == indicator, phrase


@settings(max_examples=400)
@given(target_values())
def test_compact_render_then_parse_gives_the_value_back(value: TargetValue) -> None:
    text = render_compact(value)
    assert parse_compact(text) == value, text


CJK_AND_FULL_WIDTH = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Z", "M"),
)
PLAN_ALPHABET = st.sampled_from(
    list("0123456789.%‰*/:：-—～年岁个名人次以上下左右达到降至控制在不低于超过至少分别、和，。；（）()“”《》")
    + list("０１２３４５６７８９％＜＞≥≤＝＊　")
    + ["[bookmark: _Toc1]", "全覆盖", "应保尽保", "逐步提高", "每年", "每千人口", "10万", "以2020年为基数下降"]
    + ["万分之五", "三分之一", "分之", "每十万活产", "例", "1,200", ",", "并", "之间", "一名", "翻一番", "八成"]
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(CJK_AND_FULL_WIDTH, max_size=200))
def test_parse_never_raises_on_any_text(text: str) -> None:
    for target in parse(text):
        assert text[target.start : target.end] == target.quote


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PLAN_ALPHABET, max_size=60).map("".join))
def test_parse_never_raises_on_plan_like_text(text: str) -> None:
    for target in parse(text):
        assert text[target.start : target.end] == target.quote
        target.to_json()
        if target.is_numeric:
            target.to_target_value()


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PLAN_ALPHABET, max_size=60).map("".join))
def test_unread_numbers_are_exact_spans_outside_every_target(text: str) -> None:
    targets = parse(text)
    for start, end, written in unread_numbers(text, targets, arabic=True):
        assert text[start:end] == written
        assert not any(start < t.end and end > t.start for t in targets)


@settings(max_examples=500)
@given(st.text(max_size=60))
def test_parse_compact_never_raises_but_unit_errors(text: str) -> None:
    from compliance.errors import UnitError

    try:
        parse_compact(text)
    except UnitError:
        pass
