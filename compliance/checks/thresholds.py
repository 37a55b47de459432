"""Threshold rules: is each plan target at least as demanding as its parents' targets?"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from compliance.checks.base import Finding, ReferenceTarget, Rule, Severity, check_settings, term
from compliance.checks.compare import Better, Verdict, compare, conflicts
from compliance.checks.context import CheckContext
from compliance.checks.horizons import held_to
from compliance.errors import UnitError
from compliance.messages import Message, msg
from compliance.model import Op, Target, TargetValue
from compliance.units import as_fraction, convert, quantity_text


class WeakerThreshold(Rule):
    """A plan target is less demanding than its parent's.

    ## What it does
    Converts the plan's value into the reference's unit (exactly: 3‰ = 0.3%),
    then compares it with the reference's value at the plan's horizon, taking
    into account which way is better for the indicator (lower for mortality and
    prevalence, higher for coverage and enrolment) and the kind of bound
    (≤ vs <, ≥ vs >: "<5" is stricter than "≤5").

    ## Why it matters
    A lower plan must set, for every quantified parent target, a target at least
    as demanding.

    ## Example
    Reference: 艾滋病母婴传播率下降到2%以下. Plan: 艾滋病母婴传播率下降到3%以下 fails;
    控制在2%以下 or 1.5%以下 passes.
    """

    name = "weaker-threshold"
    family = "thresholds"


class BandDeviation(Rule):
    """A 左右 (about) target outside the reference band's tolerance.

    ## Why it matters
    Shares such as 就业人员中的女性比例 are kept around a value, not pushed one
    way; a plan far from the band departs from the parent either way. The band's
    half-width is the indicator's `band_tolerance` in rules/indicators.yaml, or
    `default_band_tolerance_percent` of the value in rules/checks.yaml.

    ## Example
    Reference: 就业人员中的女性比例保持在45%左右 (± 5). Plan: 保持在35%左右 fails;
    保持在45%左右 or 43%左右 passes.
    """

    name = "band-deviation"
    family = "thresholds"


class DirectionConflict(Rule):
    """The plan moves an indicator the wrong way (提高 where the reference lowers it).

    ## Why it matters
    Usually a wording slip (提高 for 降低) or an indicator confused with another;
    either way the target contradicts its parent.

    ## Example
    Reference: 孕产妇贫血患病率控制在10%以下. Plan: 孕产妇贫血患病率逐步提高 fails;
    逐步降低 is a qualitative-only finding; 控制在10%以下 passes.
    """

    name = "direction-conflict"
    family = "thresholds"


class NotComparable(Rule):
    """The plan's and the reference's targets cannot be compared.

    ## Why it matters
    A relative target (以2020年为基数下降20%) against an absolute one with no
    baseline, different conditions (换届后当年 / 平时), different base years, or
    (with --horizon strict) different target years: the tool cannot tell whether
    the plan meets its parent, so it says so instead of passing silently.

    ## Example
    Reference: 儿童伤害死亡率以2020年为基数下降20%. Plan: 儿童伤害死亡率控制在7/10万以下
    is not comparable; 以2020年为基数下降20%以上 is compared (and passes).
    """

    name = "not-comparable"
    family = "thresholds"




def _strictness(reference_target: ReferenceTarget, better: Better) -> float:
    """Sort key so that the most demanding reference comes first."""
    value = reference_target.target.target.value
    number = float(value) if value is not None else 0.0
    return -number if better is Better.HIGHER else number


def check_thresholds(context: CheckContext) -> Iterator[Finding]:
    plan_targets = context.plan_targets()
    by_key: dict[str, list[ReferenceTarget]] = {}
    for reference_target in context.reference_targets():
        if reference_target.target.target.is_numeric and not reference_target.target.target.masked:
            key = context.key(reference_target.target, reference_target.source.plan.plan.kind)
            by_key.setdefault(key, []).append(reference_target)
    for key, references in by_key.items():
        own = plan_targets.get(key, [])
        if not own:
            continue  # missing-indicator
        indicator = context.indicator(references[0].target, references[0].source.plan.plan.kind)
        better = context.better(indicator, references[0].target.target)
        references.sort(key=lambda r: _strictness(r, better))  # strictest first
        # One comparison per reference plan (and condition): a plan that restates a target
        # in its table and its text is held to the stricter statement once.
        seen: set[tuple[str, str | None]] = set()
        references = [
            r
            for r in references
            if (r.source.id, r.target.target.condition) not in seen
            and not seen.add((r.source.id, r.target.target.condition))  # type: ignore[func-returns-value]
        ]
        for reference_target in references:
            for finding in _against(context, own, reference_target, indicator, better):
                if finding.plan_target is not None and context.stands_in(finding.plan_target, key):
                    finding.notes.append(
                        msg(
                            "note.proxy",
                            plan_indicator=finding.plan_target.indicator,
                            indicator=reference_target.target.indicator,
                        )
                    )
                yield finding


def _primary(own: list[Target], reference_target: ReferenceTarget) -> list[Target]:
    """The plan targets to hold to one reference target: one per condition, main targets first."""
    chosen: dict[str | None, Target] = {}
    for target in own:
        if not target.target.is_numeric or target.target.masked:
            continue
        chosen.setdefault(target.target.condition, target)
    wanted = reference_target.target.target.condition
    if wanted is not None and wanted in chosen:
        return [chosen[wanted]]
    return list(chosen.values())


def _against(
    context: CheckContext, own: list[Target], reference_target: ReferenceTarget, indicator: object, better: Better
) -> Iterator[Finding]:
    reference = reference_target.target.target
    details = {
        "indicator": getattr(indicator, "id", None),
        "reference": reference_target,
    }
    for target in own:  # qualitative targets going the wrong way
        if not target.target.is_numeric and conflicts(target.target, better):
            context.compared.add(id(target))
            yield DirectionConflict.finding(
                msg(
                    "direction-conflict.qualitative",
                    indicator=target.indicator,
                    direction=term("direction", target.target.direction),
                    reference=_title(reference_target),
                    better=term("better", better),
                ),
                domain=context.domain_of(target, indicator),
                indicator_name=target.indicator,
                plan_target=target,
                suggestion=msg("direction-conflict.qualitative-hint"),
                **details,
            )
    for target in _primary(own, reference_target):
        if id(target) in context.unusable:
            continue
        context.compared.add(id(target))
        held = held_to(context.plan, target, reference_target.source, reference_target.target, context.settings.horizon)
        domain = context.domain_of(target, indicator)
        common = {
            "domain": domain,
            "indicator_name": target.indicator,
            "plan_target": target,
            "horizon": held.horizon,
            **details,
        }
        if not held.comparable:
            yield NotComparable.finding(
                msg("not-comparable.horizon", indicator=target.indicator, explanation=held.horizon.explanation),
                **common,
            )
            continue
        required = held.horizon.compared_value
        tolerance = context.band_tolerance(indicator, reference, required)
        result = compare(
            target.target,
            reference,
            required,
            better,
            tolerance,
            converter=lambda value, a, b: context.convert(indicator, value, a, b),
            plan_baseline=_baseline_for(target, reference.base_year),
        )
        lowered = Severity(check_settings()["horizon"].get("without_baseline_severity", "warning")) if held.lowered else None
        horizon_note = "" if held.horizon.method == "same-year" else msg("note.horizon", explanation=held.horizon.explanation)
        if result.verdict is Verdict.MEETS:
            continue
        if result.verdict is Verdict.WEAKER:
            yield WeakerThreshold.finding(
                msg(
                    "weaker-threshold.message",
                    indicator=target.indicator,
                    reason=result.reason,
                    reference=_title(reference_target),
                    horizon=horizon_note,
                ),
                severity=_lower(WeakerThreshold.severity(), lowered),
                suggestion=_suggestion(target, reference, required, better),
                **common,
            )
        elif result.verdict is Verdict.BAND_DEVIATION:
            yield BandDeviation.finding(
                msg(
                    "band-deviation.message",
                    indicator=target.indicator,
                    reason=result.reason,
                    reference=_title(reference_target),
                    horizon=horizon_note,
                ),
                severity=_lower(BandDeviation.severity(), lowered),
                suggestion=msg(
                    "band-deviation.hint", indicator=target.indicator, value=quantity_text(required, reference.unit)
                ),
                **common,
            )
        elif result.verdict is Verdict.DIRECTION_CONFLICT:
            yield DirectionConflict.finding(
                msg(
                    "direction-conflict.message",
                    indicator=target.indicator,
                    reason=result.reason,
                    reference=_title(reference_target),
                ),
                suggestion=msg("direction-conflict.hint"),
                **common,
            )
        elif result.verdict is Verdict.NOT_COMPARABLE:
            yield NotComparable.finding(
                msg("not-comparable.message", indicator=target.indicator, reason=result.reason), **common
            )
        elif result.verdict is Verdict.UNIT_MISMATCH:
            from compliance.checks.quantities import UnitMismatch

            yield UnitMismatch.finding(
                msg(
                    "unit-mismatch.against-reference",
                    indicator=target.indicator,
                    plan_unit=target.target.unit,
                    unit=reference.unit,
                    reference=_title(reference_target),
                ),
                suggestion=msg("unit-mismatch.against-reference-hint", indicator=target.indicator, unit=reference.unit),
                **common,
            )


def _baseline_for(target: Target, base_year: int | None) -> Fraction | None:
    """The plan target's baseline value (in its own unit) for a reference's base year, if stated."""
    baseline = target.baseline
    if baseline is None or baseline.value is None or target.target.unit is None:
        return None
    if base_year is not None and baseline.year != base_year:
        return None
    value = as_fraction(baseline.value)
    if baseline.unit and baseline.unit != target.target.unit:
        try:
            value = convert(value, baseline.unit, target.target.unit)
        except UnitError:
            return None
    return value if value > 0 else None


def _lower(severity: Severity, lowered: Severity | None) -> Severity:
    if lowered is None or lowered.rank <= severity.rank:
        return severity
    return lowered


def _title(reference_target: ReferenceTarget) -> str:
    return reference_target.source.plan.plan.title


def _suggestion(target: Target, reference: TargetValue, required: Fraction, better: Better) -> Message:
    wanted = quantity_text(required, reference.unit)
    if target.target.op.is_relative or (reference.op.is_relative and not target.target.op.is_relative):
        return msg("weaker-threshold.hint-change", indicator=target.indicator, value=wanted)
    strict = reference.op in (Op.GT, Op.LT)
    if better is Better.HIGHER:
        bound = "above" if strict else "at-least"
    else:
        bound = "below" if strict else "at-most"
    return msg(f"weaker-threshold.hint-{bound}", indicator=target.indicator, value=wanted)
