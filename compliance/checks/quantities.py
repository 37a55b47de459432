"""Quantity rules: units that fit the indicator, values that are plausible once converted."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

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


class UnusualUnit(Rule):
    """A plausible value in a unit the indicator is not written in (艾滋病母婴传播率 2‰, 婴儿死亡率 2.5%): a likely ‰/% slip.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    The units it watches are data: `units` of its entry in rules/checks.yaml.
    """

    name = "unusual-unit"
    family = "quantities"


def _watched_units() -> frozenset[str]:
    from compliance.checks.base import check_settings

    entry = check_settings()["rules"].get(UnusualUnit.name) or {}
    return frozenset(str(unit) for unit in entry.get("units") or ())


def check_quantities(context: CheckContext) -> Iterator[Finding]:
    watched = _watched_units()
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
        exact = value.exact
        try:
            converted = indicator.to_canonical(exact, value.unit) if exact is not None else None
        except UnitError:
            context.unusable.add(id(target))
            yield UnitMismatch.finding(
                msg("unit-mismatch.message", indicator=target.indicator, unit=indicator.unit, plan_unit=value.unit),
                suggestion=msg("unit-mismatch.hint", indicator=target.indicator, unit=indicator.unit),
                **details,
            )
            continue
        if converted is None:
            continue
        low, high = _plausible(indicator)
        if low is None or high is None or low <= converted <= high:
            # plausible, yet perhaps in the wrong unit: still compared, converted
            if value.unit != indicator.unit and {value.unit, indicator.unit} <= watched:
                yield _unusual_unit(target, value, indicator, converted, details)
            continue
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


def _plausible(indicator: Any) -> tuple[Fraction | None, Fraction | None]:
    """The indicator's plausible range, exactly (remembered per indicator: asked for by every plan's target)."""
    entry = _RANGES.get(id(indicator))
    if entry is None or entry[0] is not indicator:
        if len(_RANGES) > 4096:
            _RANGES.clear()
        plausible = getattr(indicator, "plausible", None)
        low, high = (as_fraction(str(bound)) for bound in plausible) if plausible else (None, None)
        entry = _RANGES[id(indicator)] = (indicator, low, high)
    return entry[1], entry[2]


# id(indicator) -> (indicator, low, high); the entry holds the indicator, so its id is not reused while it lives
_RANGES: dict[int, tuple[Any, Fraction | None, Fraction | None]] = {}


def _unusual_unit(target: Any, value: Any, indicator: Any, converted: Fraction, details: dict[str, Any]) -> Finding:
    """The unusual-unit finding: the value, what it is in the indicator's unit, and the slip it may be."""
    alternative = quantity_text(value.value, indicator.unit)
    return UnusualUnit.finding(
        msg(
            "unusual-unit.message",
            indicator=target.indicator,
            value=quantity_text(value.value, value.unit),
            unit=indicator.unit,
            converted=quantity_text(converted, indicator.unit),
            alternative=alternative,
        ),
        suggestion=msg("unusual-unit.hint", unit=indicator.unit, alternative=alternative),
        **details,
    )
