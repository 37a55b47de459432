"""Time horizons: which value of a reference target a plan is held to.

A 十四五 plan ends in 2025, the national outlines in 2030: a plan is held to the
reference's linear milestone at its own year (`interpolate`, from the
reference's baseline; the final value at lowered severity without one), to the
final value (`end`), or only to equal years (`strict`). The policy as users read
it (`compliance explain horizons`) is documented in Chinese and English in
rules/docs/ (`topics: horizons`); its default is in rules/checks.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from compliance.checks.base import Horizon, HorizonMode
from compliance.checks.compare import is_yearly
from compliance.errors import UnitError
from compliance.messages import Message, msg
from compliance.model import Op, Plan, Target
from compliance.references import ReferencePlan
from compliance.units import as_fraction, convert, quantity_text


@dataclass(frozen=True)
class HeldTo:
    """The value a plan is held to at its own horizon, and how it was reached."""

    horizon: Horizon
    lowered: bool = False  # compared with a later final value for want of a baseline
    comparable: bool = True




def held_to(plan: Plan, plan_target: Target, reference: ReferencePlan, target: Target, mode: HorizonMode) -> HeldTo:
    """The value (in the reference target's unit) the plan target must meet, and why."""
    value = target.target
    assert value.value is not None
    final = value.exact
    plan_year = plan.target_year(plan_target)
    reference_year = reference.plan.target_year(target)

    def _fmt(amount: Fraction) -> str:
        return quantity_text(amount, value.unit)

    def horizon(compared: Fraction | None, method: str, explanation: Message) -> Horizon:
        return Horizon(plan_year, reference_year, compared, method, explanation)

    years = {"plan_year": plan_year, "reference_year": reference_year}
    if plan_year is None:  # the plan's period is unknown: held to the reference's final value, leniently
        return HeldTo(
            horizon(final, "end-unknown-period", msg("horizon.unknown-period", final=_fmt(final), reference_year=reference_year)),
            lowered=True,
        )
    if plan_year == reference_year:
        return HeldTo(horizon(final, "same-year", msg("horizon.same-year", year=plan_year)))
    if is_yearly(value):
        return HeldTo(horizon(final, "same-rate", msg("horizon.same-rate", plan_year=plan_year)))
    if mode is HorizonMode.STRICT:
        return HeldTo(horizon(None, "strict", msg("horizon.strict", **years)), comparable=False)
    if mode is HorizonMode.END or reference_year < plan_year:
        return HeldTo(horizon(final, "end", msg("horizon.end", final=_fmt(final), **years)))
    # interpolate: the reference ends later than the plan.
    start_year, start_value = _start(target)
    if start_year is not None and start_value is not None and _already_met(value.op, start_value, final):
        # 2020年91.8%, 2030年90%以上: a level to keep, not a line to climb — the plan keeps it in its year too
        return HeldTo(horizon(final, "keep-level", msg(
            "horizon.keep-level", start_year=start_year, start=_fmt(start_value), final=_fmt(final), **years)))
    if start_year is not None and start_value is not None and start_year < plan_year:
        share = Fraction(plan_year - start_year, reference_year - start_year)
        milestone = start_value + (final - start_value) * share
        line = {"final": _fmt(final), "milestone": _fmt(milestone), **years}
        derived = target.baseline is not None and bool(target.baseline.derived) and not value.op.is_relative
        explanation = (
            msg("horizon.interpolate-base-year", **line)
            if value.op.is_relative
            else msg(
                "horizon.interpolate-derived-baseline" if derived else "horizon.interpolate-baseline",
                start_year=start_year,
                start=_fmt(start_value),
                **line,
            )
        )
        return HeldTo(horizon(milestone, "interpolate", explanation))
    return HeldTo(
        horizon(final, "end-no-baseline", msg("horizon.no-baseline", final=_fmt(final), **years)),
        lowered=True,
    )


def _already_met(op: Op, start: Fraction, final: Fraction) -> bool:
    """The baseline already meets the final value (a floor it is above, a ceiling it is below)."""
    return (op in (Op.GE, Op.GT) and start >= final) or (op in (Op.LE, Op.LT) and start <= final)


def _start(target: Target) -> tuple[int | None, Fraction | None]:
    """Where the line from baseline to target starts: the baseline, or zero change at the base year."""
    value = target.target
    if value.op.is_relative:
        return value.base_year, Fraction(0)
    baseline = target.baseline
    if baseline is None or baseline.value is None or baseline.year is None:
        return None, None
    start = as_fraction(baseline.value)
    if baseline.unit and value.unit and baseline.unit != value.unit:
        try:
            start = convert(start, baseline.unit, value.unit)
        except UnitError:
            return None, None
    return baseline.year, start
