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

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "unit-mismatch"
    family = "quantities"


class ImplausibleValue(Rule):
    """A value outside the indicator's plausible range once converted — ‰ written as %, or % as ‰.

    Documented (what, why, example) in Chinese and English in rules/docs/.
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


