"""A share written with a slash (提高约1/3, 1/4以上的村) is read as its word form (三分之一, 四分之一).

Before, 约1/3 was read as "about 1" — a guessed value, the rest of the number lost. A rate's
denominator (8/10万), a date (2021/12/31) or a count per thousand (5/千人) is no share.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.phrases import parse

_CN = "零一二三四五六七八九十"


def _reading(text: str) -> list[tuple]:
    return [(str(t.op), t.value, t.unit, t.ratio) for t in parse(text)]


@given(st.integers(2, 10).flatmap(lambda d: st.tuples(st.integers(1, d - 1), st.just(d))),
       st.sampled_from(["提高", "达到", "约", "降低", "不低于", ""]), st.sampled_from(["", "以上", "左右"]))
def test_a_slash_share_reads_as_its_word_form(share: tuple[int, int], before: str, after: str) -> None:
    numerator, denominator = share
    slash = f"{before}{numerator}/{denominator}{after}"
    words = f"{before}{_CN[denominator]}分之{_CN[numerator]}{after}"
    assert _reading(slash) == _reading(words)
    assert _reading(slash)  # read, not lost


@pytest.mark.parametrize("text", ["约1/3", "较2020年提高约1/3"])
def test_about_a_third_is_never_about_one(text: str) -> None:
    (target,) = parse(text)
    assert target.ratio == (Decimal(1), Decimal(3)) and target.unit == "ratio"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("孕产妇死亡率控制在8/10万以下", [("<=", Decimal(8), "1/10万", None)]),
        ("约8/10万", [("~", Decimal(8), "1/10万", None)]),
        ("发布时间2021/12/31", []),
        ("印发日期：2022/3/8", []),
    ],
)
def test_rates_and_dates_are_no_shares(text: str, expected: list[tuple]) -> None:
    assert _reading(text) == expected
