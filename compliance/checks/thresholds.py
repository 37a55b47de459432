"""Threshold rules: is each plan target at least as demanding as its parents' targets?"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from compliance.checks.base import Finding, ReferenceTarget, Rule, Severity, Stated, check_settings, term
from compliance.checks.compare import (
    Better,
    PlanBaseline,
    Verdict,
    as_decimal,
    change_kind,
    change_text,
    compare,
    conflicts,
)
from compliance.checks.context import SECTION_PRIORITY, CheckContext
from compliance.checks.horizons import held_to
from compliance.checks.quantities import unit_slip
from compliance.messages import Message, msg
from compliance.model import Baseline, Op, Plan, Target, TargetValue
from compliance.units import as_fraction, quantity_text


class WeakerThreshold(Rule):
    """A plan target is less demanding than its parent's.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "weaker-threshold"
    family = "thresholds"


class BandDeviation(Rule):
    """A 左右 (about) target outside the reference band's tolerance.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "band-deviation"
    family = "thresholds"


class DirectionConflict(Rule):
    """The plan moves an indicator the wrong way (提高 where the reference lowers it).

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "direction-conflict"
    family = "thresholds"


class NotComparable(Rule):
    """The plan's and the reference's targets cannot be compared.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "not-comparable"
    family = "thresholds"




class BoundaryOnly(Rule):
    """The plan names the reference's number, but includes it where the reference excludes it.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "boundary-only"
    family = "thresholds"


def _strictness(reference_target: ReferenceTarget, better: Better) -> tuple[float, int]:
    """Sort key so that the most demanding reference comes first (a strict bound before an inclusive one)."""
    value = reference_target.target.target
    number = float(value.value) if value.value is not None else 0.0
    strict = 0 if value.op in (Op.GT, Op.LT) else 1
    return (-number if better is Better.HIGHER else number, strict)


def _form(value: TargetValue) -> str:
    """Which statements of one reference restate each other: levels with levels, changes of one kind together."""
    return change_kind(value.unit) if value.op.is_relative else "level"


def check_thresholds(context: CheckContext) -> Iterator[Finding]:
    plan_targets = context.plan_targets()
    by_key: dict[str, list[ReferenceTarget]] = {}
    masked: dict[str, list[ReferenceTarget]] = {}
    for reference_target in context.binding_reference_targets():
        if reference_target.target.target.is_numeric:
            key = context.key(reference_target.target, reference_target.source.plan.plan.kind)
            (masked if reference_target.target.target.masked else by_key).setdefault(key, []).append(reference_target)
    for key, references in masked.items():
        own = [t for t in plan_targets.get(key, []) if t.target.is_numeric]
        if own and key not in by_key:
            yield _masked_reference(context, own[0], references[0])
    for key, references in by_key.items():
        own = plan_targets.get(key, [])
        if not own:
            continue  # missing-indicator
        indicator = context.indicator(references[0].target, references[0].source.plan.plan.kind)
        better = context.better(indicator, references[0].target.target)
        references.sort(key=lambda r: _strictness(r, better))  # strictest first
        # One comparison per reference plan, condition and form: a reference that states a
        # target in its table and again in its text is compared once, and the finding names both.
        statements: dict[tuple[str, str | None, str], list[ReferenceTarget]] = {}
        for r in references:
            statements.setdefault((r.source.id, r.target.target.condition, _form(r.target.target)), []).append(r)
        baselines = _baselines(own)
        for reference_target, *others in statements.values():
            for finding in _against(context, key, own, reference_target, indicator, better, baselines, others):
                finding.other_statements = list(others)
                if finding.plan_target is not None and context.stands_in(finding.plan_target, key):
                    finding.notes.append(
                        msg(
                            "note.proxy",
                            plan_indicator=finding.plan_target.indicator,
                            indicator=reference_target.target.indicator,
                        )
                    )
                yield finding


def check_milestones(context: CheckContext) -> Iterator[Finding]:
    """The plan's own targets of one indicator for successive years going the wrong way.

    A 2021—2030 plan with 孕产妇死亡率 7/10万 for 2025 and 12/10万 for 2030 lets the
    indicator get worse after its milestone: a direction-conflict, whatever its parents say.
    Levels only (not changes or 左右 bands), condition by condition.
    """
    from compliance.errors import UnitError

    for key, targets in context.plan_targets().items():
        levels = [
            t
            for t in targets
            if t.target.is_numeric
            and not t.target.masked
            and not t.target.op.is_relative
            and t.target.op is not Op.ABOUT
            and t.target.value is not None
            and t.target.unit
            and context.plan.target_year(t) is not None
            and not context.stands_in(t, key)
        ]
        if len(levels) < 2:
            continue
        indicator = context.indicator(levels[0])
        better = context.better(indicator, levels[0].target)
        if better is Better.BAND:
            continue
        by_condition: dict[str | None, list[Target]] = {}
        for target in levels:
            by_condition.setdefault(target.target.condition, []).append(target)
        for group in by_condition.values():
            group.sort(key=lambda t: context.plan.target_year(t) or 0)
            for index, later in enumerate(group):
                later_year = context.plan.target_year(later)
                for earlier in group[:index]:
                    earlier_year = context.plan.target_year(earlier)
                    if earlier_year is None or later_year is None or earlier_year >= later_year:
                        continue
                    try:
                        value = context.convert(indicator, as_fraction(later.target.value), later.target.unit, earlier.target.unit)
                    except UnitError:
                        continue
                    before = as_fraction(earlier.target.value)
                    if not (value > before if better is Better.LOWER else value < before):
                        continue
                    yield DirectionConflict.finding(
                        msg(
                            "direction-conflict.milestone",
                            indicator=later.indicator,
                            later=Stated(later.target),
                            later_year=later_year,
                            earlier=Stated(earlier.target),
                            earlier_year=earlier_year,
                            better=term("better", better),
                        ),
                        domain=context.domain_of(later, indicator),
                        indicator=getattr(indicator, "id", None),
                        indicator_name=later.indicator,
                        plan_target=later,
                        suggestion=msg(
                            "direction-conflict.milestone-hint",
                            later_year=later_year,
                            earlier_year=earlier_year,
                            earlier=Stated(earlier.target),
                        ),
                    )
                    break


def _masked_reference(context: CheckContext, target: Target, reference_target: ReferenceTarget) -> Finding:
    """The plan states a number its parent masks (**户 in the parent's text): unknown, so not compared — said, not skipped."""
    indicator = context.indicator(reference_target.target, reference_target.source.plan.plan.kind)
    return NotComparable.finding(
        msg(
            "not-comparable.masked-reference",
            indicator=target.indicator,
            reference=reference_target.source.plan.plan.title,
            text=reference_target.target.text or reference_target.target.indicator,
        ),
        severity=Severity.INFO,
        domain=context.domain_of(target, indicator),
        indicator=getattr(indicator, "id", None),
        indicator_name=target.indicator,
        plan_target=target,
        reference=reference_target,
        suggestion=msg("missing-indicator.masked-reference-hint", indicator=reference_target.target.indicator),
    )


def _primary(plan: Plan, own: list[Target], reference_target: ReferenceTarget) -> list[Target]:
    """The plan targets to hold to one reference target: one per condition.

    A statement of the same form as the reference's comes first (a level for a
    level, a yearly change for a yearly change), then the one for the year nearest
    the reference's (a 2021—2030 plan's 2025 milestone for a 2025 parent, its 2030
    target for a 2030 one), then main targets before the table before the measures.
    """
    wanted_form = _form(reference_target.target.target)
    wanted_year = reference_target.source.plan.target_year(reference_target.target)

    def distance(target: Target) -> int:
        year = plan.target_year(target)
        return abs(year - wanted_year) if year is not None and wanted_year is not None else 0

    usable = [t for t in own if t.target.is_numeric and not t.target.masked]
    usable.sort(key=lambda t: (_form(t.target) != wanted_form, distance(t), SECTION_PRIORITY.get(t.section, 2)))
    chosen: dict[str | None, Target] = {}
    for target in usable:
        chosen.setdefault(target.target.condition, target)
    wanted = reference_target.target.target.condition
    if wanted is not None and wanted in chosen:
        return [chosen[wanted]]
    return list(chosen.values())


def _baselines(own: list[Target]) -> list[Baseline]:
    """The plan's own past values of the indicator, from whichever of its statements gives one."""
    return [t.baseline for t in own if t.baseline is not None and t.baseline.value is not None and t.baseline.year]


def _against(
    context: CheckContext,
    key: str,
    own: list[Target],
    reference_target: ReferenceTarget,
    indicator: object,
    better: Better,
    baselines: list[Baseline],
    others: list[ReferenceTarget],
) -> Iterator[Finding]:
    """The plan's targets held to one reference statement (`others`: the same parent's other statements of it)."""
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
    primary = _primary(context.plan, own, reference_target)
    chosen = {id(t) for t in primary}  # (a target equal to a primary one, written twice, is no other statement either)
    further = [t for t in own if id(t) not in chosen and t not in primary]
    yield from _slipped_others(context, further, reference_target, indicator, better, details)
    for target in primary:
        if id(target) in context.unusable:
            continue
        context.compared.add(id(target))
        context.compared_keys.add(key)
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
            plan_baseline=_baseline_for(indicator, target, reference, baselines),
            plan_year=context.plan.target_year(target),
        )
        if result.verdict is Verdict.BOUNDARY and _follows(context, target, others, indicator, better, baselines):
            continue  # the plan writes the bound as the parent does elsewhere (its text's 7以下, its table's <7)
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
            slip = unit_slip(context, target, reference_target, indicator, better, required, common)
            if slip is not None:  # so far off its parent that a decimal point or a unit slipped: said, with the value meant
                yield slip
        elif result.verdict is Verdict.BOUNDARY:
            yield BoundaryOnly.finding(
                msg(
                    "boundary-only.message",
                    indicator=target.indicator,
                    reason=result.reason,
                    reference=_title(reference_target),
                    horizon=horizon_note,
                ),
                severity=_lower(BoundaryOnly.severity(), lowered),
                suggestion=msg(
                    "boundary-only.hint",
                    op=msg(f"term.op.{reference.op.name.lower()}"),
                    value=quantity_text(required, reference.unit),
                ),
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
                msg("not-comparable.message", indicator=target.indicator, reason=result.reason),
                suggestion=_not_comparable_hint(target, reference),
                **common,
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


def _slipped_others(
    context: CheckContext,
    others: list[Target],
    reference_target: ReferenceTarget,
    indicator: object,
    better: Better,
    details: dict[str, Any],
) -> Iterator[Finding]:
    """implausible-value for a further statement of the indicator, not the one held to the parent, that is off the
    parent by a unit slip (a note's 100/10万 beside the table's ≤10/10万): only one statement is compared, but a
    decimal point slipped in another is a slip all the same."""
    for target in others:
        if not target.target.is_numeric or target.target.masked or id(target) in context.unusable:
            continue
        held = held_to(context.plan, target, reference_target.source, reference_target.target, context.settings.horizon)
        if not held.comparable:
            continue
        common = {
            "domain": context.domain_of(target, indicator),
            "indicator_name": target.indicator,
            "plan_target": target,
            "horizon": held.horizon,
            **details,
        }
        slip = unit_slip(context, target, reference_target, indicator, better, held.horizon.compared_value, common)
        if slip is not None:
            yield slip


def _follows(
    context: CheckContext,
    target: Target,
    others: list[ReferenceTarget],
    indicator: object,
    better: Better,
    baselines: list[Baseline],
) -> bool:
    """Does the plan's target meet another statement of the same parent, the one whose bound it copies?

    A parent that writes a target twice with different bounds (嘉兴: ＜7 in its table,
    控制在7/10万以下 in its text) cannot fault a county for writing it one of its own ways.
    """
    for other in others:
        held = held_to(context.plan, target, other.source, other.target, context.settings.horizon)
        if not held.comparable or held.horizon.compared_value is None:
            continue
        value = other.target.target
        result = compare(
            target.target,
            value,
            held.horizon.compared_value,
            better,
            context.band_tolerance(indicator, value, held.horizon.compared_value),
            converter=lambda amount, a, b: context.convert(indicator, amount, a, b),
            plan_baseline=_baseline_for(indicator, target, value, baselines),
            plan_year=context.plan.target_year(target),
        )
        if result.verdict is Verdict.MEETS:
            return True
    return False


def _not_comparable_hint(target: Target, reference: TargetValue) -> Message | None:
    if not (target.target.op.is_relative or reference.op.is_relative):
        return None
    year = reference.base_year or target.target.base_year
    when = msg("compare.year", year=year) if year else msg("compare.no-year")
    return msg("not-comparable.baseline-hint", indicator=target.indicator, year=when)


def _baseline_for(
    indicator: object, target: Target, reference: TargetValue, baselines: list[Baseline]
) -> PlanBaseline | None:
    """The plan's own value of the indicator for the base year, in a level unit; None if it gives none.

    The base year is the reference's (以2020年为基数), else the plan target's own.
    """
    wanted = reference.base_year or target.target.base_year
    for baseline in ([target.baseline] if target.baseline is not None else []) + baselines:
        if baseline is None or baseline.value is None or baseline.year is None:
            continue
        if wanted is not None and baseline.year != wanted:
            continue
        unit = baseline.unit or (None if target.target.op.is_relative else target.target.unit)
        if unit is None and indicator is not None:
            unit = getattr(indicator, "unit", None)
        if unit is None:
            continue
        value = as_fraction(baseline.value)
        if value <= 0 and reference.op.is_relative and change_kind(reference.unit) == "relative":
            continue
        return PlanBaseline(value=value, unit=unit, year=baseline.year)
    return None


def _lower(severity: Severity, lowered: Severity | None) -> Severity:
    if lowered is None or lowered.rank <= severity.rank:
        return severity
    return lowered


def _title(reference_target: ReferenceTarget) -> str:
    return reference_target.source.plan.plan.title


def _suggestion(target: Target, reference: TargetValue, required: Fraction, better: Better) -> Message:
    wanted = quantity_text(required, reference.unit)
    if reference.op.is_relative:
        change = change_text(reference.model_copy(update={"value": as_decimal(required)}))
        return msg("weaker-threshold.hint-change", indicator=target.indicator, value=change)
    strict = reference.op in (Op.GT, Op.LT)
    if better is Better.HIGHER:
        bound = "above" if strict else "at-least"
    else:
        bound = "below" if strict else "at-most"
    return msg(f"weaker-threshold.hint-{bound}", indicator=target.indicator, value=wanted)
