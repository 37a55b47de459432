"""Quantity rules: units that fit the indicator, values that are plausible once converted."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from compliance.checks.base import Finding, ReferenceTarget, Rule, check_settings
from compliance.checks.compare import Better
from compliance.checks.context import CheckContext
from compliance.errors import UnitError
from compliance.messages import msg
from compliance.units import as_fraction, convert, quantity_text


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
    entry = check_settings()["rules"].get(UnusualUnit.name) or {}
    return frozenset(str(unit) for unit in entry.get("units") or ())


def check_quantities(context: CheckContext) -> Iterator[Finding]:
    watched = _watched_units()
    for target in context.plan.targets:
        value = target.target
        indicator = context.indicator(target)
        if not value.is_numeric or value.masked or value.unit is None:
            continue
        if indicator is None:
            finding = _unknown_out_of_range(context, target)
            if finding is not None:
                yield finding
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
        yield _out_of_range(target, converted, indicator.unit, (low, high), guess, details)


def _unknown_out_of_range(context: CheckContext, target: Any) -> Finding | None:
    """implausible-value for a name the catalogue does not know, outside the range its ending gives (覆盖率 900%)."""
    value = target.target
    name_range = getattr(context.catalogue, "name_range", None)
    found = name_range(target.indicator) if name_range is not None else None
    if found is None or value.op.is_relative or value.exact is None:
        return None
    try:
        converted = convert(value.exact, value.unit, found.unit)
    except UnitError:
        return None  # 2:3, 人, 所: not a rate of this kind
    low, high = (as_fraction(str(bound)) for bound in found.plausible)
    if low <= converted <= high:
        return None
    context.unusable.add(id(target))
    details = {
        "domain": context.domain_of(target, None),
        "indicator": None,
        "indicator_name": target.indicator,
        "plan_target": target,
    }
    return _out_of_range(target, converted, found.unit, (low, high), "", details)


def _out_of_range(
    target: Any,
    converted: Fraction,
    unit: str,
    plausible: tuple[Fraction, Fraction],
    guess: object,
    details: dict[str, Any],
) -> Finding:
    """The implausible-value finding of a level outside its plausible range, in the range's unit."""
    value = target.target
    low, high = plausible
    return ImplausibleValue.finding(
        msg(
            "implausible-value.message",
            indicator=target.indicator,
            value=quantity_text(value.value, value.unit),
            converted=quantity_text(converted, unit),
            low=quantity_text(low, unit),
            high=quantity_text(high, unit),
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


def _slip_settings() -> tuple[tuple[Fraction, ...], Fraction]:
    """The unit-slip factors (10, 100, 1000) and the tolerance, as fractions (rules/checks.yaml, implausible-value)."""
    entry = check_settings()["rules"].get(ImplausibleValue.name) or {}
    factors = sorted(as_fraction(str(factor)) for factor in entry.get("slip_factors") or ())
    tolerance = as_fraction(str(entry.get("slip_tolerance_percent", 0))) / 100
    return tuple(f for f in factors if f > 1), tolerance


def unit_slip(
    context: CheckContext,
    target: Any,
    reference_target: ReferenceTarget,
    indicator: Any,
    better: Better,
    required: Fraction | None,
    details: dict[str, Any],
) -> Finding | None:
    """implausible-value for a plausible level that is weaker than its parent's by about a unit slip or more.

    The parent's value is the one it states (12/10万 for 2030), not the milestone a 2025
    plan is held to (14.45/10万): the slip is of the number written, whatever the horizon.

    孕产妇死亡率 80/10万 against the parent's 12/10万 is inside the plausible range, but at
    least the smallest slip factor (10, less the tolerance) times weaker than the parent: a
    decimal point or a unit slipped (8.0 meant). The finding names both values and the value
    the plan probably means: the written value over (or times) the smallest factor that makes
    it meet the parent, within the tolerance, and stay plausible. Only the ratio to the parent
    decides, so tightening a target never adds this finding; an ordinary weaker value (15/10万
    against 12) is no slip. One finding per plan target, against its strictest parent.
    """
    factors, tolerance = _slip_settings()
    value, reference = target.target, reference_target.target.target
    if reference.value is not None and not reference.op.is_relative:
        # the parent's value as it states it, not the milestone the plan is held to: a 2025 plan's
        # 80/10万 is a slip of 8 against the outline's 12/10万 for 2030 as much as a 2030 plan's
        required = as_fraction(reference.value)
    if not factors or id(target) in context.slipped or required is None or required <= 0:
        return None
    if value.op.is_relative or reference.op.is_relative or value.value is None or not value.unit or not reference.unit:
        return None
    written = as_fraction(value.value)
    try:
        converted = context.convert(indicator, written, value.unit, reference.unit)
    except UnitError:
        return None
    if converted <= 0:
        return None
    if better is Better.LOWER:
        ratio = converted / required
    elif better is Better.HIGHER:
        ratio = required / converted
    else:
        ratio = max(converted / required, required / converted)
    if ratio < factors[0] * (1 - tolerance):
        return None
    context.slipped.add(id(target))
    smaller = converted > required  # the value meant is smaller than the one written
    low, high = _plausible(indicator) if indicator is not None else (None, None)
    meant = None
    for factor in factors:
        candidate = written / factor if smaller else written * factor
        in_reference = converted / factor if smaller else converted * factor
        near = in_reference <= required * (1 + tolerance) if smaller else in_reference >= required * (1 - tolerance)
        if not near:
            continue
        if low is not None and high is not None and indicator is not None:
            try:
                canonical = indicator.to_canonical(candidate, value.unit)
            except UnitError:
                continue
            if not low <= canonical <= high:
                continue
        meant = candidate
        break
    shown = quantity_text(value.value, value.unit)
    guess = msg("implausible-value.slip-guess", meant=quantity_text(meant, value.unit)) if meant is not None else ""
    return ImplausibleValue.finding(
        msg(
            "implausible-value.slip",
            indicator=target.indicator,
            value=shown,
            reference=reference_target.source.plan.plan.title,
            required=quantity_text(required, reference.unit),
            times=_times(ratio),
            guess=guess,
        ),
        suggestion=msg("implausible-value.slip-hint", indicator=target.indicator, value=shown),
        **details,
    )


def _times(ratio: Fraction) -> str:
    """A ratio as a reader takes it in: 6.7, 10, 150."""
    rounded = round(float(ratio), 1 if ratio < 10 else 0)
    return f"{rounded:g}"
