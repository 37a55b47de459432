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
    [("7", "1/10万", "7/10万"), ("5", "1/万", "5/万"), ("12", "1/10万", "12/10万"), ("95", "%", "95%"), ("5.20", "‰", "5.2‰"), ("3", "万人", "3万人"), ("0.6667", "ratio", "0.6667 (ratio)")],
)
def test_quantities_read_as_plans_write_them(value: str, unit: str, text: str) -> None:
    from compliance.units import quantity_text

    assert quantity_text(Decimal(value), unit) == text
