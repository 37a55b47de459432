"""Consistency rules: what the plan itself leaves unclear — illegible numbers, contradictions, unknown names."""

from __future__ import annotations

import unicodedata
from fractions import Fraction
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from compliance.checks.base import Finding, Rule, Stated, where_stated
from compliance.checks.context import CheckContext
from compliance.errors import UnitError
from compliance.messages import msg, recognised
from compliance.model import TargetValue
from compliance.model.plan import CELL_SEPARATOR
from compliance.units import as_fraction, convert


class MaskedValue(Rule):
    """An illegible number (7/***, **.5%): the target cannot be checked.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "masked-value"
    family = "consistency"


class ConflictingTargets(Rule):
    """The same indicator with two different targets in one plan.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "conflicting-targets"
    family = "consistency"


class UnknownIndicator(Rule):
    """A plan target whose indicator is not in the catalogue.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "unknown-indicator"
    family = "consistency"


class PossibleTypo(Rule):
    """A plan's indicator name one or two characters off a catalogue name: did you mean it?

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "possible-typo"
    family = "consistency"


class UnparsedNumber(Rule):
    """A number in a target section that extraction did not understand.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "unparsed-number"
    family = "consistency"


class TextMismatch(Rule):
    """A target whose value disagrees with the sentence quoted as its source.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "text-mismatch"
    family = "consistency"


def check_texts(context: CheckContext) -> Iterator[Finding]:
    for target in context.plan.targets:
        value = target.target
        if not target.text or not value.is_numeric or value.op.is_relative:
            continue
        indicator = context.indicator(target)
        stated = _stated_in(target.text, value.unit)
        if CELL_SEPARATOR in target.text:  # the 上级目标 and baseline cells are the parent's and the past's, not this target
            if target.parent_target is not None:
                stated = _without_one(stated, target.parent_target, indicator)
            if target.baseline is not None and target.baseline.value is not None:
                stated = _without_baseline(stated, target.baseline.value, target.baseline.unit or value.unit)
        if not stated or any(_agrees(value, other, indicator) for other in stated) or _in_a_bare_cell(target.text, value):
            continue
        yield TextMismatch.finding(
            msg(
                "text-mismatch.message",
                indicator=target.indicator,
                target=Stated(value),
                text=target.text,
                stated=[Stated(other) for other in stated],
            ),
            domain=context.domain_of(target, indicator),
            indicator=getattr(indicator, "id", None),
            indicator_name=target.indicator,
            plan_target=target,
            suggestion=msg("text-mismatch.hint"),
        )


def _stated_in(text: str, unit: str | None) -> list[TargetValue]:
    """The levels a target's text states: of its sentence, or of each cell of its table row.

    Remembered per (sentence, unit): plans of one province quote the same sentences, and
    reading one again (its targets made into values) was most of this rule's time.
    """
    if len(text) > _LONGEST_KEPT:
        return _read_stated(text, unit)
    return list(_stated_kept(text, unit))


_LONGEST_KEPT = 1_000  # characters, as for the sentences phrases.parse remembers


@lru_cache(maxsize=16_384)
def _stated_kept(text: str, unit: str | None) -> tuple[TargetValue, ...]:
    return tuple(_read_stated(text, unit))


def _read_stated(text: str, unit: str | None) -> list[TargetValue]:
    from compliance.phrases import levels  # parse's numeric targets, not named: only their values are compared
    from compliance.units import is_known_unit

    if CELL_SEPARATOR not in text:
        stated = [t.to_target_value() for t in levels(text)]
        return [t for t in stated if t.is_numeric and not t.op.is_relative and t.unit]
    out: list[TargetValue] = []
    for cell in _cells(text):
        if not cell or is_known_unit(cell.strip("()（）")):  # the unit column: "1/10万" is no value of 1
            continue
        for parsed in levels(cell):
            stated = parsed.to_target_value()
            if not stated.is_numeric or stated.op.is_relative:
                continue
            if not stated.unit and unit:  # "<10" in a row counted in 1/10万
                stated = stated.model_copy(update={"unit": unit})
            if stated.unit:
                out.append(stated)
    return out


def _without_one(stated: list[TargetValue], quoted: TargetValue, indicator: Any) -> list[TargetValue]:
    """The levels of a row less one cell stating the parent's quoted target (a plan that copies its parent keeps its own)."""
    for index, other in enumerate(stated):
        if _agrees(quoted, other, indicator):
            return stated[:index] + stated[index + 1 :]
    return stated


def _without_baseline(stated: list[TargetValue], level: Any, unit: str | None) -> list[TargetValue]:
    """The levels of a row less one cell showing the baseline ("44%" under 基期值 reads as a level of 44%)."""
    for index, other in enumerate(stated):
        if other.exact is not None and other.exact == Fraction(level) and other.unit == unit:
            return stated[:index] + stated[index + 1 :]
    return stated


def _cells(text: str) -> list[str]:
    """The cells of a table row's text, without the bars a Markdown row is written between (| a | b |)."""
    return [cell.strip() for cell in text.strip().removeprefix("|").removesuffix("|").split(CELL_SEPARATOR)]


def _in_a_bare_cell(text: str, value: TargetValue) -> bool:
    """A table row with the target's number alone in a cell ("25" under 2025年, read as ≥25 by the table's rule)."""
    if CELL_SEPARATOR not in text or value.value is None:
        return False
    from decimal import Decimal, InvalidOperation

    for cell in _cells(text):
        try:
            if Decimal(unicodedata.normalize("NFKC", cell).strip()) == value.value:
                return True
        except InvalidOperation:
            continue
    return False


def _agrees(a: TargetValue, b: TargetValue, indicator: Any) -> bool:
    """Two statements of one target: the same level in compatible units (masked matches masked).

    The indicator's own reading applies: 床位增至2.2张 is 2.2张/千人 for a per-thousand indicator.
    """
    if a.masked or b.masked:
        return a.masked and b.masked
    exact_a, exact_b = (a.exact, b.exact) if indicator is not None else (None, None)
    if exact_a is not None and exact_b is not None and a.unit and b.unit:
        try:
            level = indicator.to_canonical(exact_a, a.unit) == indicator.to_canonical(exact_b, b.unit)
        except UnitError:
            level = False
        return level and (a.op is b.op or any({a.op.value, b.op.value} <= ops for ops in _AGREEING_OPS))
    return _same(a, b)


class ParentMisquoted(Rule):
    """The plan's own table quotes a parent's target that the encoded parent does not set.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "parent-misquoted"
    family = "consistency"


def check_parent_quotes(context: CheckContext) -> Iterator[Finding]:
    """Each parent's target a plan's table quotes, against the encoded parents of the same horizon."""
    for target in context.plan.targets:
        quoted = target.parent_target
        if quoted is None or not quoted.is_numeric:
            continue
        indicator = context.indicator(target)
        key = context.key(target)
        year = context.plan.target_year(target)
        stated = [
            reference
            for reference in context.binding_reference_targets()
            if context.key(reference.target, reference.source.plan.plan.kind) == key
            and reference.target.target.is_numeric
            and reference.source.plan.target_year(reference.target) == year
        ]
        place = _quoted_place(target.parent_column or "")
        if place is not None:  # a quote of one place's plan (郴州市/2030年, 宿迁市目标值): that plan's targets only
            stated = [r for r in stated if _path(tuple(r.source.plan.plan.jurisdiction)) == place]
        if not stated or any(_agrees(quoted, r.target.target, indicator) for r in stated):
            continue
        first = stated[0]
        yield ParentMisquoted.finding(
            msg(
                "parent-misquoted.message",
                indicator=target.indicator,
                column=target.parent_column or "",
                quoted=Stated(quoted),
                reference=first.source.plan.plan.title,
                stated=Stated(first.target.target),
            ),
            domain=context.domain_of(target, indicator),
            indicator=getattr(indicator, "id", None),
            indicator_name=target.indicator,
            plan_target=target,
            reference=first,
            suggestion=msg("parent-misquoted.hint", reference=first.source.plan.plan.title),
        )


_PLACE_ENDS = "省市县区州盟旗"


@lru_cache(maxsize=256)
def _quoted_place(column: str) -> tuple[str, ...] | None:
    """The place whose plan a quote's column or row names at its start (郴州市/目标值/2030年, 宿迁市目标值（2030年）),
    as the gazetteer's path; None for a column naming no one place (上级目标, 国家, 2030年目标/上级目标)."""
    from compliance.catalogue.places import gazetteer

    head = column.split("/")[0].strip()
    places = gazetteer()
    for end in range(min(len(head), 12), 1, -1):
        if head[end - 1] in _PLACE_ENDS:
            found = places.lookup(head[:end])
            if found:
                return found[0].path if len(found) == 1 else None
    return None


@lru_cache(maxsize=256)
def _path(jurisdiction: tuple[str, ...]) -> tuple[str, ...]:
    from compliance.catalogue.places import gazetteer

    return gazetteer().normalise(jurisdiction)


def check_unparsed(context: CheckContext) -> Iterator[Finding]:
    for item in context.plan.unparsed:
        # a reason extraction wrote (in the language of that run) is shown in the report's language
        reason = msg("unparsed-number.reason", reason=recognised("extract.reason.", item.reason)) if item.reason else ""
        yield UnparsedNumber.finding(
            msg("unparsed-number.message", line=item.line, at=item.locator or msg("report.plan-at-line", line=item.line),
                text=item.text, reason=reason)
            if item.line or item.locator  # named as its document shows it (第3页第12行), a text by its line
            else msg("unparsed-number.message-no-line", text=item.text, reason=reason),
            suggestion=msg("unparsed-number.hint"),
        )


def check_consistency(context: CheckContext) -> Iterator[Finding]:
    reported_unknown: set[str] = set()
    for target in context.plan.targets:
        indicator = context.indicator(target)
        details = {
            "domain": context.domain_of(target, indicator),
            "indicator": getattr(indicator, "id", None),
            "indicator_name": target.indicator,
            "plan_target": target,
        }
        if target.target.masked:
            yield MaskedValue.finding(
                msg("masked-value.message-quoted", indicator=target.indicator, text=target.text)
                if target.text
                else msg("masked-value.message", indicator=target.indicator),
                suggestion=msg("masked-value.hint"),
                **details,
            )
        near = context.near_miss(target)
        if near is not None and target.indicator not in reported_unknown:
            reported_unknown.add(target.indicator)
            yield _possible_typo(context, target, near, details)
        elif indicator is None and target.target.is_numeric and target.indicator not in reported_unknown:
            reported_unknown.add(target.indicator)
            yield UnknownIndicator.finding(
                msg("unknown-indicator.message", indicator=target.indicator),
                suggestion=msg("unknown-indicator.hint", overlay=context.hint_target),
                **details,
            )
    for targets in context.plan_targets().values():
        yield from _conflicts(context, targets)


def _possible_typo(context: CheckContext, target: Any, near: Any, details: dict[str, Any]) -> Finding:
    if getattr(near, "masked", False):  # a masked qualifier: the only catalogued name it fits, or several
        if near.indicator is not None:
            return PossibleTypo.finding(
                msg("possible-typo.masked", indicator=target.indicator, meant=near.names[0]),
                suggestion=msg("possible-typo.masked-hint", meant=near.names[0]),
                **details,
            )
        return PossibleTypo.finding(
            msg("possible-typo.masked-ambiguous", indicator=target.indicator, meant=near.names),
            suggestion=msg("possible-typo.ambiguous-hint"),
            **details,
        )
    if near.indicator is not None:
        meant = near.names[0]
        return PossibleTypo.finding(
            msg("possible-typo.message", indicator=target.indicator, meant=meant, count=near.edits),
            suggestion=msg("possible-typo.hint", meant=meant, overlay=context.hint_target),
            **details,
        )
    return PossibleTypo.finding(
        msg("possible-typo.ambiguous", indicator=target.indicator, meant=near.names, count=near.edits),
        suggestion=msg("possible-typo.ambiguous-hint"),
        **details,
    )


def _level(target: object) -> tuple[str, object] | None:
    value = target.target  # type: ignore[attr-defined]
    if not value.is_numeric or value.masked or value.value is None or value.unit is None:
        return None
    return value.op.value, (as_fraction(value.value), value.unit)


def _conflicts(context: CheckContext, targets: list) -> Iterator[Finding]:
    numeric = [t for t in targets if _level(t) is not None]
    for index, first in enumerate(numeric):
        for second in numeric[index + 1 :]:
            if first.target.condition != second.target.condition:
                continue
            if first.target.op.is_relative != second.target.op.is_relative:
                continue  # a level and a yearly change are two statements, not a contradiction
            if context.plan.target_year(first) != context.plan.target_year(second):
                continue
            if _same(first.target, second.target):
                continue
            indicator = context.indicator(first)
            yield ConflictingTargets.finding(
                msg(
                    "conflicting-targets.message",
                    indicator=first.indicator,
                    first=Stated(first.target),
                    first_where=where_stated(first) or msg("conflicting-targets.one-place"),
                    second=Stated(second.target),
                    second_where=where_stated(second) or msg("conflicting-targets.other-place"),
                ),
                domain=context.domain_of(first, indicator),
                indicator=getattr(indicator, "id", None),
                indicator_name=first.indicator,
                plan_target=second,
                suggestion=msg("conflicting-targets.hint"),
            )
            break


_AGREEING_OPS = ({">=", ">", "="}, {"<=", "<", "="})


def _same(a: TargetValue, b: TargetValue) -> bool:
    """The same level stated twice ("<7" in the table, "7以下" in the measures) is no conflict."""
    if a.op is not b.op and not any({a.op.value, b.op.value} <= ops for ops in _AGREEING_OPS):
        return False
    try:
        return convert(as_fraction(b.value), b.unit, a.unit) == as_fraction(a.value)
    except UnitError:
        return False
