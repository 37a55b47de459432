"""Units: written forms, exact conversion, and refusing to compare different things."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.errors import UnitError
from compliance.units import compatible, convert, dimension, known_units, normalise_unit


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("%", "%"),
        ("％", "%"),
        ("‰", "‰"),
        ("/10万", "1/10万"),
        ("1/10万", "1/10万"),
        ("/10万活产", "1/10万"),
        ("/万", "1/万"),
        ("1/万", "1/万"),
        ("/万活产", "1/万"),
        ("万分之", "1/万"),
        ("每万", "1/万"),
        ("十万分之", "1/10万"),
        ("名/万人", "名/万人"),
        ("个百分点", "百分点"),
        ("万人", "万人"),
        ("名/千名儿童", "名/千人"),
        ("个/千人口", "个/千人"),
        ("次/年", "次/年"),
        ("小时/天", "小时/天"),
        ("个百分点/年", "百分点/年"),
        (" 岁 ", "岁"),
        ("人次", "人次"),  # a person-visit keeps its own symbol
        ("万人次", "万人次"),
        ("场次/年", "场次/年"),
        ("户", "户"),
        ("间/年", "间/年"),
        ("分钟", "分钟"),
        ("倍", "倍"),
        ("㎡", "平方米"),
        ("平方米/万人", "平方米/万人"),
        ("μg/m³", "微克/立方米"),
        ("微克/立方米", "微克/立方米"),
        ("亿元/年", "亿元/年"),
    ],
)
def test_written_units_are_normalised(written: str, canonical: str) -> None:
    assert normalise_unit(written) == canonical


def test_per_mille_and_percent_compare_exactly() -> None:
    assert convert(3, "‰", "%") == Fraction(3, 10)
    assert convert(Decimal("0.3"), "%", "‰") == 3
    assert convert("5", "‰", "%") == Fraction(1, 2)  # 婴儿死亡率 5‰ is 0.5%, not 5%
    assert convert(12, "1/10万", "‰") == Fraction(12, 100)
    assert convert(5, "1/万", "‰") == Fraction(1, 2)  # 出生缺陷发生率 5/万 is 0.5‰
    assert convert(7, "1/10万", "1/万") == Fraction(7, 10)


def test_counts_convert_with_wan() -> None:
    assert convert(2, "万人", "人") == 20000


def test_percentage_points_are_not_percent() -> None:
    assert not compatible("百分点", "%")
    with pytest.raises(UnitError, match="measure different things"):
        convert(1, "百分点", "%")


def test_counts_and_rates_do_not_compare() -> None:
    assert not compatible("万人", "%")
    with pytest.raises(UnitError, match="'万人' cannot be converted to '%'"):
        convert(1, "万人", "%")


def test_unknown_unit_names_itself_and_the_known_ones() -> None:
    with pytest.raises(UnitError, match="unknown unit '斤'.*%"):
        normalise_unit("斤")
    assert not compatible("斤", "%")


def test_compound_units_have_compound_dimensions() -> None:
    assert dimension("次/年") == "[count] / [time]"
    assert compatible("小时/天", "小时/天")
    assert convert(1, "小时/天", "小时/天") == 1


def test_every_canonical_symbol_normalises_to_itself() -> None:
    for symbol in known_units():
        assert normalise_unit(symbol) == symbol


_rates = st.sampled_from(["%", "‰", "1/万", "1/10万"])
_decimals = st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False)


@given(_decimals, _rates, _rates)
def test_conversion_round_trips_exactly(value: Decimal, a: str, b: str) -> None:
    assert convert(convert(value, a, b), b, a) == Fraction(value)


@given(_decimals, _decimals, _rates, _rates)
def test_conversion_preserves_order(x: Decimal, y: Decimal, a: str, b: str) -> None:
    assert (x < y) == (convert(x, a, b) < convert(y, a, b))


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [("7", "1/10万", "7/10万"), ("5", "1/万", "5/万"), ("12", "1/10万", "12/10万"), ("95", "%", "95%"), ("5.20", "‰", "5.2‰"), ("3", "万人", "3万人"), ("0.6667", "ratio", "0.6667 (ratio)"),
     ("10", "场", "10场"), ("200", "场次/年", "200场次/年"), ("100", "户", "100户"), ("5000", "人次", "5000人次"),
     ("60", "分钟", "60分钟"), ("1.5", "倍", "1.5倍"), ("500", "平方米", "500平方米"),
     ("35", "微克/立方米", "35微克/立方米"), ("2", "亿元", "2亿元")],
)
def test_quantities_read_as_plans_write_them(value: str, unit: str, text: str) -> None:
    from compliance.units import quantity_text

    assert quantity_text(Decimal(value), unit) == text


def test_new_units_convert_within_their_dimension_only() -> None:
    # QA: units real plans use
    assert convert(5000, "人次", "人") == 5000  # a visit is counted like a person, but written apart
    assert convert(2, "万人次", "人次") == 20000
    assert convert(90, "分钟", "小时") == Fraction(3, 2)
    assert convert(1, "亿元", "万元") == 10000
    assert dimension("倍") == "[multiple]"
    assert not compatible("倍", "%")
    assert dimension("平方米/万人") == "[area] / [count]"
    assert not compatible("平方米", "个")
    assert dimension("微克/立方米") == "[concentration]"
    assert dimension("微克/立方米/年") == "[concentration] / [time]"
    assert not compatible("微克/立方米", "%")
