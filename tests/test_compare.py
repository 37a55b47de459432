"""The comparison core and the horizon policy, exactly and op-aware."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compliance.checks.base import HorizonMode
from compliance.checks.compare import Better, PlanBaseline, Verdict, compare
from compliance.checks.horizons import held_to
from compliance.loading.plans import loads_plan
from compliance.model import Op, TargetValue
from compliance.references import ReferencePlan


def tv(op: str, value: str | None, unit: str = "%", **more: object) -> TargetValue:
    return TargetValue(op=Op(op), value=Decimal(value) if value is not None else None, unit=unit, **more)


@pytest.mark.parametrize(
    ("plan", "reference", "better", "verdict"),
    [
        (tv("<=", "3"), tv("<=", "2"), Better.LOWER, Verdict.WEAKER),
        (tv("<=", "2"), tv("<=", "2"), Better.LOWER, Verdict.MEETS),
        (tv("<=", "2"), tv("<", "2"), Better.LOWER, Verdict.BOUNDARY),  # ≤2 allows 2, <2 does not: only the bound differs
        (tv("<=", "2.1"), tv("<", "2"), Better.LOWER, Verdict.WEAKER),
        (tv("<", "2"), tv("<=", "2"), Better.LOWER, Verdict.MEETS),
        (tv(">=", "95"), tv(">", "95"), Better.HIGHER, Verdict.BOUNDARY),
        (tv("=", "95"), tv(">", "95"), Better.HIGHER, Verdict.BOUNDARY),
        (tv(">=", "94.9"), tv(">", "95"), Better.HIGHER, Verdict.WEAKER),
        (tv(">", "95"), tv(">", "95"), Better.HIGHER, Verdict.MEETS),
        (tv("=", "100"), tv(">=", "95"), Better.HIGHER, Verdict.MEETS),
        (tv("<=", "0.3", "%"), tv("<=", "3", "‰"), Better.LOWER, Verdict.MEETS),  # exact: 0.3% == 3‰
        (tv("<=", "5", "%"), tv("<=", "5", "‰"), Better.LOWER, Verdict.WEAKER),
        (tv(">=", "3", "万人"), tv(">=", "95"), Better.HIGHER, Verdict.UNIT_MISMATCH),
        (tv("<=", "80"), tv(">=", "70"), Better.HIGHER, Verdict.DIRECTION_CONFLICT),
        (tv("~", "43"), tv("~", "45"), Better.BAND, Verdict.MEETS),
        (tv("~", "35"), tv("~", "45"), Better.BAND, Verdict.BAND_DEVIATION),
        (tv("rel_decrease", "20", base_year=2020), tv("<=", "7", "1/10万"), Better.LOWER, Verdict.NOT_COMPARABLE),
        (tv("rel_decrease", "25", base_year=2020), tv("rel_decrease", "20", base_year=2020), Better.LOWER, Verdict.MEETS),
        (tv("rel_decrease", "10", base_year=2020), tv("rel_decrease", "20", base_year=2020), Better.LOWER, Verdict.WEAKER),
        (tv("rel_decrease", "20", base_year=2015), tv("rel_decrease", "20", base_year=2020), Better.LOWER, Verdict.NOT_COMPARABLE),
        (tv(">=", "100", condition="换届后当年"), tv(">=", "90", condition="平时"), Better.HIGHER, Verdict.NOT_COMPARABLE),
        # yearly changes (每年降低1个百分点) compare with yearly changes, never as a unit error
        (tv("rel_decrease", "1", "百分点/年", base_year=2020), tv("rel_decrease", "1", "百分点/年", base_year=2020), Better.LOWER, Verdict.MEETS),
        (tv("rel_decrease", "1.5", "百分点/年"), tv("rel_decrease", "1", "百分点/年", base_year=2020), Better.LOWER, Verdict.MEETS),
        (tv("rel_decrease", "0.5", "百分点/年", base_year=2020), tv("rel_decrease", "1", "百分点/年", base_year=2020), Better.LOWER, Verdict.WEAKER),
        (tv("rel_increase", "1", "百分点/年", base_year=2020), tv("rel_decrease", "1", "百分点/年", base_year=2020), Better.LOWER, Verdict.DIRECTION_CONFLICT),
        # without the plan's baseline a change and a level, or two kinds of change, cannot be compared
        (tv("rel_decrease", "1", "百分点/年", base_year=2020), tv("<", "53"), Better.LOWER, Verdict.NOT_COMPARABLE),
        (tv("<", "53"), tv("rel_decrease", "1", "百分点/年", base_year=2020), Better.LOWER, Verdict.NOT_COMPARABLE),
        (tv("rel_decrease", "10", base_year=2020), tv("rel_decrease", "1", "百分点/年", base_year=2020), Better.LOWER, Verdict.NOT_COMPARABLE),
    ],
)
def test_verdicts(plan: TargetValue, reference: TargetValue, better: Better, verdict: Verdict) -> None:
    required = Fraction(reference.value)  # type: ignore[arg-type]
    assert compare(plan, reference, required, better, Fraction(2)).verdict is verdict


MYOPIA_2020 = PlanBaseline(value=Fraction("58.4"), unit="%", year=2020)


@pytest.mark.parametrize(
    ("plan", "reference", "verdict", "words"),
    [
        # 58.4% in 2020, 1 point a year: 53.4% in 2025, not below 53%
        (tv("rel_decrease", "1", "百分点/年", base_year=2020), tv("<", "53"), Verdict.WEAKER, "gives 53.4% in 2025"),
        (tv("rel_decrease", "1.2", "百分点/年", base_year=2020), tv("<", "53"), Verdict.MEETS, ""),
        # 58.4% → 52% in five years is 1.28 points a year
        (tv("<", "52"), tv("rel_decrease", "1", "百分点/年", base_year=2020), Verdict.MEETS, "1.28 percentage points a year"),
        (tv("<", "56"), tv("rel_decrease", "1", "百分点/年", base_year=2020), Verdict.WEAKER, "0.48 percentage points a year"),
        (tv(">", "56"), tv("rel_decrease", "1", "百分点/年", base_year=2020), Verdict.DIRECTION_CONFLICT, ""),
        # a relative 10% from 58.4% is 52.56%: 1.168 points a year
        (tv("rel_decrease", "10", base_year=2020), tv("rel_decrease", "1", "百分点/年", base_year=2020), Verdict.MEETS, ""),
        (tv("rel_decrease", "5", base_year=2020), tv("rel_decrease", "1", "百分点/年", base_year=2020), Verdict.WEAKER, ""),
    ],
)
def test_changes_and_levels_compare_through_the_plans_baseline(
    plan: TargetValue, reference: TargetValue, verdict: Verdict, words: str
) -> None:
    required = Fraction(reference.value)  # type: ignore[arg-type]
    result = compare(plan, reference, required, Better.LOWER, plan_baseline=MYOPIA_2020, plan_year=2025)
    assert result.verdict is verdict, str(result.reason)
    assert words in result.reason.render("en")


def test_a_yearly_change_is_the_same_rate_at_every_horizon() -> None:
    reference = loads_plan(
        "format: compliance-plan/1\n"
        "plan: {title: r, kind: children, level: national, jurisdiction: [], period: [2021, 2030]}\n"
        "targets:\n  - {indicator: 儿童青少年总体近视率, target: {op: rel_decrease, value: 1, unit: 百分点/年, base_year: 2020}}\n"
    )
    plan, target = _plan((2021, 2025), "<= 5 ‰")
    held = held_to(plan, target, ReferencePlan(reference, Path("r.yaml"), Path("r.yaml"), "bundled"), reference.targets[0], HorizonMode.INTERPOLATE)
    assert held.horizon.compared_value == 1 and held.horizon.method == "same-rate"


_values = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
_bounds = st.sampled_from([("<=", Better.LOWER), ("<", Better.LOWER), (">=", Better.HIGHER), (">", Better.HIGHER)])


@given(_values, _values, _values, _bounds)
def test_tightening_never_hurts_and_weakening_always_shows(plan_value: Decimal, delta: Decimal, ref_value: Decimal, bound: tuple[str, Better]) -> None:
    op, better = bound
    reference = tv(op, str(ref_value))
    required = Fraction(ref_value)
    result = compare(tv(op, str(plan_value)), reference, required, better)
    sign = 1 if better is Better.HIGHER else -1
    tighter = tv(op, str(plan_value + sign * delta)) if plan_value + sign * delta >= 0 else tv(op, str(plan_value))
    if result.verdict is Verdict.MEETS:
        assert compare(tighter, reference, required, better).verdict is Verdict.MEETS
    weaker_value = ref_value - sign * (delta + Decimal("0.01"))
    if weaker_value >= 0:
        assert compare(tv(op, str(weaker_value)), reference, required, better).verdict is Verdict.WEAKER


def _plan(period: tuple[int, int], target: str, baseline: str = "") -> tuple:
    text = (
        "format: compliance-plan/1\n"
        f"plan: {{title: t, kind: children, level: national, jurisdiction: [], period: [{period[0]}, {period[1]}]}}\n"
        f"targets:\n  - {{indicator: 婴儿死亡率, target: '{target}'{baseline}}}\n"
    )
    plan = loads_plan(text)
    return plan, plan.targets[0]


def test_interpolated_milestone_from_the_baseline() -> None:
    reference, target = _plan((2021, 2030), "<= 5 ‰", ", baseline: {year: 2020, value: 5.4, unit: ‰}")
    plan, own = _plan((2021, 2025), "<= 5.3 ‰")
    held = held_to(plan, own, ReferencePlan(reference, reference.path or __file__, __file__, "bundled"), target, HorizonMode.INTERPOLATE)  # type: ignore[arg-type]
    assert held.horizon.method == "interpolate"
    assert held.horizon.compared_value == Fraction("5.2")  # 5.4 + (5.0 − 5.4) × 5/10
    assert not held.lowered


def test_a_baseline_that_already_meets_the_final_value_holds_the_plan_to_that_value() -> None:
    """2020年3.5‰, 2030年5‰以下 (a ceiling already met): a level to keep — held to 5‰, not to a milestone of 4.25‰."""
    reference, target = _plan((2021, 2030), "<= 5 ‰", ", baseline: {year: 2020, value: 3.5, unit: ‰}")
    plan, own = _plan((2021, 2025), "<= 5 ‰")
    held = held_to(plan, own, ReferencePlan(reference, reference.path or __file__, __file__, "bundled"), target, HorizonMode.INTERPOLATE)  # type: ignore[arg-type]
    assert (held.horizon.method, held.horizon.compared_value, held.lowered) == ("keep-level", Fraction(5), False)
    assert "a level to keep" in str(held.horizon.explanation)


def test_without_baseline_the_final_value_is_used_and_severity_lowered() -> None:
    reference, target = _plan((2021, 2030), "<= 5 ‰")
    plan, own = _plan((2021, 2025), "<= 5.3 ‰")
    ref = ReferencePlan(reference, __file__, __file__, "bundled")  # type: ignore[arg-type]
    held = held_to(plan, own, ref, target, HorizonMode.INTERPOLATE)
    assert (held.horizon.method, held.horizon.compared_value, held.lowered) == ("end-no-baseline", Fraction(5), True)
    assert "no baseline" in str(held.horizon.explanation)
    assert held_to(plan, own, ref, target, HorizonMode.END).horizon.method == "end"
    assert not held_to(plan, own, ref, target, HorizonMode.STRICT).comparable


def test_relative_targets_scale_from_their_base_year() -> None:
    reference, target = _plan((2021, 2030), "rel_decrease 20 % since 2020")
    plan, own = _plan((2021, 2025), "rel_decrease 10 % since 2020")
    ref = ReferencePlan(reference, __file__, __file__, "bundled")  # type: ignore[arg-type]
    held = held_to(plan, own, ref, target, HorizonMode.INTERPOLATE)
    assert (held.horizon.method, held.horizon.compared_value) == ("interpolate", Fraction(10))


def test_an_absolute_target_reads_as_a_relative_change_through_its_baseline() -> None:
    reference = tv("rel_decrease", "20", base_year=2020)
    baseline = PlanBaseline(Fraction("8.01"), "1/10万", 2020)
    met = compare(tv("<", "7.2", "1/10万"), reference, Fraction(10), Better.LOWER, plan_baseline=baseline)
    assert met.verdict is Verdict.MEETS and "decrease of 10.1124%" in met.reason.render("en")  # (8.01 − 7.2) / 8.01
    short = compare(tv("<", "7.5", "1/10万"), reference, Fraction(10), Better.LOWER, plan_baseline=baseline)
    assert short.verdict is Verdict.WEAKER
    assert compare(tv("<", "7.2", "1/10万"), reference, Fraction(10), Better.LOWER).verdict is Verdict.NOT_COMPARABLE


def test_about_for_an_indicator_that_should_rise_is_a_floor_with_some_give() -> None:
    reference = tv("~", "40")
    assert compare(tv(">=", "50"), reference, Fraction(40), Better.HIGHER, Fraction(2)).verdict is Verdict.MEETS
    assert compare(tv("~", "39"), reference, Fraction(40), Better.HIGHER, Fraction(2)).verdict is Verdict.MEETS
    assert compare(tv("~", "35"), reference, Fraction(40), Better.HIGHER, Fraction(2)).verdict is Verdict.WEAKER
    assert compare(tv("~", "50"), reference, Fraction(40), Better.BAND, Fraction(2)).verdict is Verdict.BAND_DEVIATION


def test_a_written_fraction_compares_exactly_with_a_percentage() -> None:
    one_third = TargetValue(op=Op.GE, value=Decimal("0.333"), unit="ratio", ratio=(Decimal(1), Decimal(3)))
    reference = tv(">=", "33.33")
    assert compare(one_third, reference, Fraction("33.33"), Better.HIGHER).verdict is Verdict.MEETS
    assert compare(one_third, tv(">=", "40"), Fraction(40), Better.HIGHER).verdict is Verdict.WEAKER
    # 0.333 (the rounded value) would have failed 33.33%: the exact 1/3 is used
    assert one_third.exact == Fraction(1, 3)
