"""Is a plan's target at least as demanding as a reference's? Exact and op-aware.

A pure function of two target values, the value the reference asks for at the
plan's horizon (see `horizons`), and which way is better for the indicator.
Everything is converted into the reference's unit and compared as Fractions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from compliance.catalogue.catalogue import Better
from compliance.errors import UnitError
from compliance.messages import Message, msg
from compliance.model import Direction, Op, TargetValue
from compliance.units import as_fraction, convert, number_text, quantity_text


class Verdict(StrEnum):
    MEETS = "meets"
    WEAKER = "weaker"
    BAND_DEVIATION = "band-deviation"
    DIRECTION_CONFLICT = "direction-conflict"
    NOT_COMPARABLE = "not-comparable"
    UNIT_MISMATCH = "unit-mismatch"


@dataclass(frozen=True)
class Comparison:
    verdict: Verdict
    reason: Message
    plan_value: Fraction | None = None  # in the reference's unit


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




def compare(
    plan: TargetValue,
    reference: TargetValue,
    required: Fraction,
    better: Better,
    band_tolerance: Fraction | None = None,
    converter: Callable[[Fraction, str, str], Fraction] = convert,
    plan_baseline: Fraction | None = None,
) -> Comparison:
    """Compare a numeric plan target with a numeric reference target.

    `required` is the reference's value at the plan's horizon, in the reference's
    unit; `band_tolerance` (same unit) is the half-width of a 左右 band.
    `plan_baseline` (in the plan target's unit, for the reference's base year)
    lets an absolute plan target be read as a relative change.
    """
    assert plan.value is not None and reference.unit is not None and plan.unit is not None

    def q(value: Fraction) -> str:
        return quantity_text(value, reference.unit)
    if reference.op.is_relative and not plan.op.is_relative and plan_baseline and reference.unit == "%":
        return _implied_change(plan, reference, required, plan_baseline)
    if plan.op.is_relative != reference.op.is_relative:
        which = "plan" if plan.op.is_relative else "reference"
        return Comparison(Verdict.NOT_COMPARABLE, msg(f"compare.{which}-relative"))
    if plan.condition and reference.condition and plan.condition != reference.condition:
        return Comparison(
            Verdict.NOT_COMPARABLE, msg("compare.conditions", plan=plan.condition, reference=reference.condition)
        )
    if plan.op.is_relative and plan.base_year and reference.base_year and plan.base_year != reference.base_year:
        return Comparison(
            Verdict.NOT_COMPARABLE, msg("compare.base-years", plan=plan.base_year, reference=reference.base_year)
        )
    try:
        value = converter(plan.exact, plan.unit, reference.unit)  # type: ignore[arg-type]
    except UnitError:
        return Comparison(Verdict.UNIT_MISMATCH, msg("compare.units", plan_unit=plan.unit, unit=reference.unit))

    op = term_op(plan.op)
    if conflicts(plan, better):
        wanted = "raise" if better is Better.HIGHER else "lower"
        return Comparison(Verdict.DIRECTION_CONFLICT, msg(f"compare.direction-{wanted}", op=op), value)

    if plan.op.is_relative:
        # A bigger relative change in the right direction is more demanding.
        if value >= required:
            return Comparison(Verdict.MEETS, msg("compare.change-meets", value=q(value), required=q(required)), value)
        return Comparison(Verdict.WEAKER, msg("compare.change-weaker", value=q(value), required=q(required)), value)

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
    plan_strict = plan.op in (Op.GT, Op.LT)
    reference_strict = reference.op in (Op.GT, Op.LT)
    if better is Better.HIGHER:
        meets = value > required or (value == required and (plan_strict or not reference_strict))
        relation = "at-least" if not reference_strict else "above"
    else:
        meets = value < required or (value == required and (plan_strict or not reference_strict))
        relation = "at-most" if not reference_strict else "below"
    if meets:
        return Comparison(Verdict.MEETS, msg(f"compare.meets-{relation}", value=q(value), required=q(required)), value)
    return Comparison(
        Verdict.WEAKER, msg(f"compare.weaker-{relation}", op=op, value=q(value), required=q(required)), value
    )


def term_op(op: Op) -> Message:
    return msg(f"term.op.{op.name.lower()}")


def _implied_change(plan: TargetValue, reference: TargetValue, required: Fraction, baseline: Fraction) -> Comparison:
    """An absolute plan target against a relative reference, through the plan's own baseline.

    From a 2020 value of 8.01 to a target of 7.2 is a decrease of 10.1%.
    """
    value = as_fraction(plan.value)  # type: ignore[arg-type]
    decreasing = reference.op is Op.REL_DECREASE
    word = "decrease" if decreasing else "increase"
    if (decreasing and plan.op in (Op.GE, Op.GT)) or (not decreasing and plan.op in (Op.LE, Op.LT)):
        return Comparison(Verdict.DIRECTION_CONFLICT, msg(f"compare.implied-direction-{word}", op=term_op(plan.op)))
    change = (baseline - value) / baseline * 100 if decreasing else (value - baseline) / baseline * 100
    params = {
        "baseline": quantity_text(baseline, plan.unit),
        "value": quantity_text(value, plan.unit),
        "change": number_text(change),
        "required": number_text(required),
    }
    if change >= required:
        return Comparison(Verdict.MEETS, msg(f"compare.implied-{word}-meets", **params), change)
    return Comparison(Verdict.WEAKER, msg(f"compare.implied-{word}-weaker", **params), change)
