"""A verb before a comparison symbol (达到≥95%, 控制在≤10/10万) is the comparator's, never part of the name.

Drafters often write both; the indicator was named 产前筛查率达到 and matched no catalogue entry.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.phrases import parse

NAMES = ["产前筛查率", "孕产妇死亡率", "孕产妇系统管理率", "婴儿死亡率", "高中阶段毛入学率"]
VERBS = ["达到", "控制在", "保持", "保持在", "降至", "稳定在", "提高到"]


@given(st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(["≥", "≤", "<", ">"]),
       st.sampled_from(["", " "]), st.sampled_from(["95%", "10/10万", "5‰"]))
def test_the_name_is_the_same_with_or_without_the_verb(name: str, verb: str, symbol: str, space: str, value: str) -> None:
    plain = parse(f"{name}{symbol}{value}")
    with_verb = parse(f"{name}{verb}{space}{symbol}{space}{value}")
    assert [(t.indicator, t.op, t.value, t.unit) for t in with_verb] == [(t.indicator, t.op, t.value, t.unit) for t in plain]


@pytest.mark.parametrize("text", ["产前筛查率达到≥95%", "孕产妇死亡率控制在≤10/10万"])
def test_the_quote_keeps_the_verb(text: str) -> None:
    (target,) = parse(text)
    assert target.quote == text
