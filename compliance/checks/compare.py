"""Is a plan's target at least as demanding as a reference's? Exact and op-aware.

A pure function of two target values, the value the reference asks for at the
plan's horizon (see `horizons`), and which way is better for the indicator.
Everything is converted into the reference's unit and compared as Fractions.

Levels (≤ 5‰, ≥ 95%) compare directly. Changes (以2020年为基数下降20%,
每年降低1个百分点) compare directly with a change of the same kind (% with %,
百分点/年 with 百分点/年); a change and a level, or two kinds of change, are
compared through the plan's own baseline for the base year (58.4% in 2020 and
每年降低1个百分点 give 53.4% in 2025), or reported as not comparable — never as
a unit error, since a change is not measured in the indicator's unit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from compliance.catalogue.catalogue import Better
from compliance.errors import UnitError
from compliance.messages import Message, msg
from compliance.model import Direction, Op, TargetValue
from compliance.units import as_fraction, convert, normalise_unit, number_text, quantity_text


class Verdict(StrEnum):
    MEETS = "meets"
    WEAKER = "weaker"
    BOUNDARY = "boundary"  # the same number, only the bound differs (5‰以下 against ＜5‰)
    BAND_DEVIATION = "band-deviation"
    DIRECTION_CONFLICT = "direction-conflict"
    NOT_COMPARABLE = "not-comparable"
    UNIT_MISMATCH = "unit-mismatch"


@dataclass(frozen=True)
class Comparison:
    """The verdict of comparing a plan's target with a reference's, and why."""

    verdict: Verdict
    reason: Message
    plan_value: Fraction | None = None  # in the reference's unit


@dataclass(frozen=True)
class PlanBaseline:
    """The plan's own past value of the indicator (its table's 2020 column), in the plan's level unit."""

    value: Fraction
    unit: str
    year: int


def infer_better(reference: TargetValue) -> Better:
    """Which way is better when the catalogue does not say: read it from the reference's op."""
    if reference.op in (Op.GE, Op.GT, Op.REL_INCREASE) or reference.direction in (
        Direction.INCREASE,
        Direction.FULL_COVERAGE,
    ):
        return Better.HIGHER
    if reference.op in (Op.LE, Op.LT, Op.REL_DECREASE) or reference.direction is Direction.DECREASE:
        return Better.LOWER
    return Better.BAND


def plan_direction(plan: TargetValue) -> Better | None:
    """Which way a plan target pushes its indicator (None when it only holds a level)."""
    if plan.op in (Op.GE, Op.GT, Op.REL_INCREASE) or plan.direction in (Direction.INCREASE, Direction.FULL_COVERAGE):
        return Better.HIGHER
    if plan.op in (Op.LE, Op.LT, Op.REL_DECREASE) or plan.direction is Direction.DECREASE:
        return Better.LOWER
    return None


def conflicts(plan: TargetValue, better: Better) -> bool:
    """Does the plan move the indicator the wrong way (提高 a mortality rate, a cap on a coverage)?"""
    direction = plan_direction(plan)
    return better is not Better.BAND and direction is not None and direction is not better


# --------------------------------------------------------------------------- changes

PER_YEAR_POINTS = "百分点/年"
POINTS = "百分点"


def change_kind(unit: str | None) -> str:
    """What a relative target's unit says about the change: relative %, points, points a year, or an amount."""
    symbol = normalise_unit(unit) if unit else "%"
    return {"%": "relative", POINTS: "points", PER_YEAR_POINTS: "points-per-year"}.get(symbol, symbol)


def is_yearly(value: TargetValue) -> bool:
    """A change stated per year (每年降低1个百分点): the same rate holds at every horizon."""
    return value.op.is_relative and change_kind(value.unit) == "points-per-year"


def _in_percent(value: Fraction, unit: str, converter: Callable[[Fraction, str, str], Fraction]) -> Fraction:
    return value if unit == "%" else converter(value, unit, "%")


def implied_level(
    change: TargetValue,
    baseline: PlanBaseline,
    years: int,
    converter: Callable[[Fraction, str, str], Fraction] = convert,
) -> tuple[Fraction, str]:
    """The level a change reaches from `baseline` after `years`, in the baseline's unit (or % for points).

    Raises UnitError when the change cannot apply to the baseline's unit.
    """
    amount = as_fraction(change.value)  # type: ignore[arg-type]
    sign = -1 if change.op is Op.REL_DECREASE else 1
    kind = change_kind(change.unit)
    if kind == "relative":
        return baseline.value * (1 + sign * amount / 100), baseline.unit
    if kind in ("points", "points-per-year"):
        start = _in_percent(baseline.value, baseline.unit, converter)
        steps = years if kind == "points-per-year" else 1
        return start + sign * amount * steps, "%"
    return baseline.value + sign * converter(amount, change.unit, baseline.unit), baseline.unit  # type: ignore[arg-type]


def implied_change(
    level: Fraction,
    level_unit: str,
    baseline: PlanBaseline,
    years: int,
    unit: str | None,
    decreasing: bool,
    converter: Callable[[Fraction, str, str], Fraction] = convert,
) -> Fraction | None:
    """The change (in the reference's change unit) from `baseline` to `level`; None when it cannot be told."""
    start = baseline.value
    end = level if level_unit == baseline.unit else converter(level, level_unit, baseline.unit)
    kind = change_kind(unit)
    if kind == "relative":
        if start <= 0:
            return None
        delta = (start - end) if decreasing else (end - start)
        return delta / start * 100
    if kind in ("points", "points-per-year"):
        start_p = _in_percent(start, baseline.unit, converter)
        end_p = _in_percent(end, baseline.unit, converter)
        delta = (start_p - end_p) if decreasing else (end_p - start_p)
        if kind == "points-per-year":
            return delta / years if years > 0 else None
        return delta
    delta = (start - end) if decreasing else (end - start)
    return converter(delta, baseline.unit, unit)  # type: ignore[arg-type]


def change_text(value: TargetValue, amount: Fraction | None = None) -> Message:
    """A change as words: 下降20% / decrease of 20%, 每年下降1个百分点 / … a year (`amount` overrides the value)."""
    word = "decrease" if value.op is Op.REL_DECREASE else "increase"
    kind = change_kind(value.unit)
    number = amount if amount is not None else as_fraction(value.value)  # type: ignore[arg-type]
    shown = number_text(number)
    form = {"relative": "relative", "points": "points", "points-per-year": "yearly"}.get(kind, "amount")
    if form == "amount":
        shown = quantity_text(number, value.unit)
    return msg(f"compare.change.{form}-{word}", amount=shown, count=1 if number == 1 else 2)


def term_op(op: Op) -> Message:
    return msg(f"term.op.{op.name.lower()}")


def as_decimal(value: Fraction) -> Decimal:
    """A Fraction as a Decimal (to 28 digits), for a TargetValue that shows a computed change."""
    return Decimal(value.numerator) / Decimal(value.denominator)


# --------------------------------------------------------------------------- compare


def compare(
    plan: TargetValue,
    reference: TargetValue,
    required: Fraction,
    better: Better,
    band_tolerance: Fraction | None = None,
    converter: Callable[[Fraction, str, str], Fraction] = convert,
    plan_baseline: PlanBaseline | None = None,
    plan_year: int | None = None,
) -> Comparison:
    """Compare a numeric plan target with a numeric reference target.

    `required` is the reference's value at the plan's horizon, in the reference's
    unit; `band_tolerance` (same unit) is the half-width of a 左右 band.
    `plan_baseline` (the plan's own value for the base year) and `plan_year` let
    a level be read as a change and a change as a level.
    """
    assert plan.value is not None and reference.unit is not None and plan.unit is not None
    if plan.condition and reference.condition and plan.condition != reference.condition:
        return Comparison(
            Verdict.NOT_COMPARABLE, msg("compare.conditions", plan=plan.condition, reference=reference.condition)
        )
    if plan.op.is_relative or reference.op.is_relative:
        return _compare_changes(plan, reference, required, better, band_tolerance, converter, plan_baseline, plan_year)
    try:
        value = converter(plan.exact, plan.unit, reference.unit)  # type: ignore[arg-type]
    except UnitError:
        return Comparison(Verdict.UNIT_MISMATCH, msg("compare.units", plan_unit=plan.unit, unit=reference.unit))
    if conflicts(plan, better):
        wanted = "raise" if better is Better.HIGHER else "lower"
        return Comparison(Verdict.DIRECTION_CONFLICT, msg(f"compare.direction-{wanted}", op=term_op(plan.op)), value)
    return _compare_levels(plan.op, value, reference, required, better, band_tolerance)


def _compare_levels(
    plan_op: Op,
    value: Fraction,
    reference: TargetValue,
    required: Fraction,
    better: Better,
    band_tolerance: Fraction | None,
) -> Comparison:
    """A plan level (in the reference's unit) against the reference's level."""

    def q(amount: Fraction) -> str:
        return quantity_text(amount, reference.unit)

    op = term_op(plan_op)
    tolerance = band_tolerance if band_tolerance is not None else Fraction(0)
    if reference.op is Op.ABOUT and better is not Better.BAND:
        # "约40%" for an indicator that should rise (or fall): a floor (ceiling) with some give.
        floor = better is Better.HIGHER
        if (value >= required - tolerance) if floor else (value <= required + tolerance):
            return Comparison(Verdict.MEETS, msg("compare.about-meets", value=q(value), required=q(required)), value)
        return Comparison(
            Verdict.WEAKER,
            msg(
                f"compare.about-{'below' if floor else 'above'}",
                op=op,
                value=q(value),
                required=q(required),
                tolerance=q(tolerance),
            ),
            value,
        )
    if better is Better.BAND:
        band = {"value": q(value), "required": q(required), "tolerance": q(tolerance)}
        if abs(value - required) <= tolerance:
            return Comparison(Verdict.MEETS, msg("compare.band-meets", **band), value)
        return Comparison(Verdict.BAND_DEVIATION, msg("compare.band-outside", **band), value)

    # A floor (higher is better) or a ceiling (lower is better). '=' and '~' in the
    # plan are read as the level they name; a strict bound beats a non-strict one.
    plan_strict = plan_op in (Op.GT, Op.LT)
    reference_strict = reference.op in (Op.GT, Op.LT)
    if better is Better.HIGHER:
        beyond = value > required
        relation = "at-least" if not reference_strict else "above"
    else:
        beyond = value < required
        relation = "at-most" if not reference_strict else "below"
    if beyond or (value == required and (plan_strict or not reference_strict)):
        return Comparison(Verdict.MEETS, msg(f"compare.meets-{relation}", value=q(value), required=q(required)), value)
    if value == required:  # the same number: only the bound differs (5‰以下 against ＜5‰)
        return Comparison(
            Verdict.BOUNDARY,
            msg("compare.boundary", op=op, value=q(value), reference_op=term_op(reference.op), required=q(required)),
            value,
        )
    return Comparison(
        Verdict.WEAKER, msg(f"compare.weaker-{relation}", op=op, value=q(value), required=q(required)), value
    )


def _compare_changes(
    plan: TargetValue,
    reference: TargetValue,
    required: Fraction,
    better: Better,
    band_tolerance: Fraction | None,
    converter: Callable[[Fraction, str, str], Fraction],
    baseline: PlanBaseline | None,
    plan_year: int | None,
) -> Comparison:
    """At least one side is a change: compare like with like, else through the plan's baseline."""
    both = plan.op.is_relative and reference.op.is_relative
    if both and plan.base_year and reference.base_year and plan.base_year != reference.base_year:
        return Comparison(
            Verdict.NOT_COMPARABLE, msg("compare.base-years", plan=plan.base_year, reference=reference.base_year)
        )
    if both and plan.op is not reference.op:
        return Comparison(
            Verdict.DIRECTION_CONFLICT,
            msg("compare.change-direction", change=change_text(reference), plan_change=change_text(plan)),
        )
    if both and change_kind(plan.unit) == change_kind(reference.unit):
        value = as_fraction(plan.value)  # type: ignore[arg-type]
        if change_kind(reference.unit) not in ("relative", "points", "points-per-year"):
            try:
                value = convert(value, plan.unit, reference.unit)  # type: ignore[arg-type]
            except UnitError:
                return Comparison(Verdict.UNIT_MISMATCH, msg("compare.units", plan_unit=plan.unit, unit=reference.unit))
        changes = {"value": change_text(reference, value), "required": change_text(reference, required)}
        # A bigger change in the right direction is more demanding.
        if value >= required:
            return Comparison(Verdict.MEETS, msg("compare.change-meets", **changes), value)
        return Comparison(Verdict.WEAKER, msg("compare.change-weaker", **changes), value)

    base_year = reference.base_year or plan.base_year or (baseline.year if baseline else None)
    if baseline is None or base_year is None or baseline.year != base_year:
        when = msg("compare.year", year=base_year) if base_year else msg("compare.no-year")
        if both:
            reason = msg("compare.changes-differ", plan_change=change_text(plan), change=change_text(reference), when=when)
        elif reference.op.is_relative:
            reason = msg("compare.reference-change", change=change_text(reference), when=when)
        else:
            reason = msg("compare.plan-change", change=change_text(plan), when=when)
        return Comparison(Verdict.NOT_COMPARABLE, reason)
    years = plan_year - base_year if plan_year is not None else 0  # only a yearly change needs it
    start = quantity_text(baseline.value, baseline.unit)
    try:
        if plan.op.is_relative:
            level, level_unit = implied_level(plan, baseline, years, converter)
            plan_op = Op.LE if plan.op is Op.REL_DECREASE else Op.GE
        else:
            level, level_unit = plan.exact, plan.unit  # type: ignore[assignment]
            plan_op = plan.op
        if not reference.op.is_relative:
            value = converter(level, level_unit, reference.unit)  # type: ignore[arg-type]
            if conflicts(TargetValue(op=plan_op, value=0, unit=reference.unit), better):
                wanted = "raise" if better is Better.HIGHER else "lower"
                return Comparison(Verdict.DIRECTION_CONFLICT, msg(f"compare.direction-{wanted}", op=term_op(plan_op)))
            inner = _compare_levels(plan_op, value, reference, required, better, band_tolerance)
            reason = msg(
                "compare.implied-level",
                year=baseline.year,
                baseline=start,
                change=change_text(plan),
                plan_year=plan_year,
                value=quantity_text(level, level_unit),
                reason=inner.reason,
            )
            return Comparison(inner.verdict, reason, inner.plan_value)
        decreasing = reference.op is Op.REL_DECREASE
        word = "decrease" if decreasing else "increase"
        if not plan.op.is_relative and ((decreasing and plan.op in (Op.GE, Op.GT)) or (not decreasing and plan.op in (Op.LE, Op.LT))):
            return Comparison(Verdict.DIRECTION_CONFLICT, msg(f"compare.implied-direction-{word}", op=term_op(plan.op)))
        change = implied_change(level, level_unit, baseline, years, reference.unit, decreasing, converter)
    except UnitError as error:
        return Comparison(Verdict.NOT_COMPARABLE, msg("compare.baseline-units", reason=str(error)))
    if change is None:
        return Comparison(Verdict.NOT_COMPARABLE, msg("compare.zero-baseline"))
    params = {
        "year": baseline.year,
        "baseline": start,
        "plan_year": plan_year,
        "value": quantity_text(level, level_unit),
        "change": change_text(reference, change),
        "required": change_text(reference, required),
    }
    if change >= required:
        return Comparison(Verdict.MEETS, msg("compare.implied-change-meets", **params), change)
    return Comparison(Verdict.WEAKER, msg("compare.implied-change-weaker", **params), change)
