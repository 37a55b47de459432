"""Quantity rules: units that fit the indicator, values that are plausible once converted."""

from __future__ import annotations

from collections.abc import Iterator

from compliance.checks.base import Finding, Rule
from compliance.checks.context import CheckContext
from compliance.errors import UnitError
from compliance.messages import msg
from compliance.units import as_fraction, quantity_text


class UnitMismatch(Rule):
    """The plan's unit cannot be converted to the indicator's unit (万人 against %).

    ## Why it matters
    Counts have no common unit with rates, and 百分点 (percentage points) are not
    %: such a target cannot be compared with its parent and is probably a
    different indicator or a slip.

    ## Example
    Indicator 城镇职工生育保险女性参保率 (%): a plan target of 12万人 fails;
    95% passes.
    """

    name = "unit-mismatch"
    family = "quantities"


class ImplausibleValue(Rule):
    """A value outside the indicator's plausible range once converted — ‰ written as %, or % as ‰.

    ## Why it matters
    婴儿死亡率 5% is 50‰: either a typo for 5‰ or ten times weaker than any
    parent. The other slip is as real: 小学生近视率降至38‰以下 is 3.8%, a target
    no plan sets. Plausible ranges, with their lower ends where the real world
    has a floor, are data (`plausible` in rules/indicators.yaml, changed in a
    rules overlay of your own). The target is not compared with its parents
    until the value is fixed.

    ## Example
    婴儿死亡率控制在5%以下 fails, and so does 小学生近视率降至38‰以下;
    婴儿死亡率控制在5‰以下 and 小学生近视率降至38%以下 pass.
    """

    name = "implausible-value"
    family = "quantities"


def check_quantities(context: CheckContext) -> Iterator[Finding]:
    for target in context.plan.targets:
        value = target.target
        indicator = context.indicator(target)
        if indicator is None or not value.is_numeric or value.masked or value.unit is None:
            continue
        details = {
            "domain": context.domain_of(target, indicator),
            "indicator": indicator.id,
            "indicator_name": target.indicator,
            "plan_target": target,
        }
        if value.op.is_relative:
            continue  # a relative change is not a level: its unit is checked against the reference's
        try:
            converted = indicator.to_canonical(value.exact, value.unit) if value.exact is not None else None
        except UnitError:
            context.unusable.add(id(target))
            yield UnitMismatch.finding(
                msg("unit-mismatch.message", indicator=target.indicator, unit=indicator.unit, plan_unit=value.unit),
                suggestion=msg("unit-mismatch.hint", indicator=target.indicator, unit=indicator.unit),
                **details,
            )
            continue
        plausible = getattr(indicator, "plausible", None)
        if not plausible or converted is None:
            continue
        low, high = (as_fraction(str(bound)) for bound in plausible)
        if not low <= converted <= high:
            context.unusable.add(id(target))
            guess: object = ""
            if value.unit == "%" and indicator.unit == "‰" and low <= converted * 10 <= high:
                guess = msg("implausible-value.per-mille-guess", value=value.value)
            elif value.unit == "‰" and indicator.unit == "%" and low <= converted * 10 <= high:
                guess = msg("implausible-value.percent-guess", value=value.value)
            yield ImplausibleValue.finding(
                msg(
                    "implausible-value.message",
                    indicator=target.indicator,
                    value=quantity_text(value.value, value.unit),
                    converted=quantity_text(converted, indicator.unit),
                    low=quantity_text(low, indicator.unit),
                    high=quantity_text(high, indicator.unit),
                    guess=guess,
                ),
                suggestion=msg("implausible-value.hint"),
                **details,
            )


