"""Time horizons: which value of a reference target a plan is held to.

A 十四五 plan ends in 2025; the national outlines end in 2030. A 2025 target of
95% is not "weaker" than a 2030 target of 96% the way a 2030 target would be.
The policy (`--horizon`, default in rules/checks.yaml):

- `interpolate` (default): when the reference's year is later than the plan's
  and the reference gives a baseline, the plan is held to the linear milestone
  at its own year: baseline + (target − baseline) × (plan year − baseline year)
  / (reference year − baseline year). Without a baseline it is held to the final
  value, and the finding's severity is lowered (a warning by default) with the
  reason in the message. Relative targets (以2020年为基数下降20%) are scaled the
  same way from their base year; a yearly change (每年降低1个百分点) is the same
  rate at every horizon.
- `end`: the plan is always held to the reference's final value.
- `strict`: only equal horizons are compared; others are `not-comparable`.

When the reference's year is earlier than the plan's (a 2025 provincial target
for a 2030 county plan), the plan's later target must still meet it: `end`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from compliance.checks.base import Horizon, HorizonMode
from compliance.checks.compare import is_yearly
from compliance.errors import UnitError
from compliance.messages import Message, msg
from compliance.model import Plan, Target
from compliance.references import ReferencePlan
from compliance.units import as_fraction, convert, quantity_text


@dataclass(frozen=True)
class HeldTo:
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
