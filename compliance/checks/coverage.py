"""Coverage rules: does the plan carry every domain and every quantified target of its parents?"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from compliance.checks.base import Finding, ReferenceTarget, Rule, Severity, Stated, term, where_stated
from compliance.checks.compare import conflicts
from compliance.checks.context import CheckContext
from compliance.messages import Message, msg
from compliance.model import Kind, Level, Target


class MissingDomain(Rule):
    """A domain of a reference plan has no counterpart in the plan.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "missing-domain"
    family = "coverage"


class MissingIndicator(Rule):
    """A numeric target of a reference plan whose indicator the plan never targets.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "missing-indicator"
    family = "coverage"


class QualitativeOnly(Rule):
    """The reference sets a number; the plan only says 提高 / 逐步降低.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "qualitative-only"
    family = "coverage"


class ReferenceUnavailable(Rule):
    """An ancestor plan is known, but none (or only part) of its targets are encoded.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "reference-unavailable"
    family = "coverage"


class MetadataUnknown(Rule):
    """The plan does not say what it is: its kind, level, jurisdiction or period is unknown.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "metadata-unknown"
    family = "coverage"


class NewsSummary(Rule):
    """The plan was read from a news article about it, not from the plan.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "news-summary"
    family = "coverage"


class TitleMismatch(Rule):
    """The document's heading names the other kind of plan than its text is (a children's plan headed 妇女发展规划).

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "title-mismatch"
    family = "coverage"


class SharedTarget(Rule):
    """A parent's target that its counties meet together, told to one county as its part.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "shared-target"
    family = "coverage"


class NothingChecked(Rule):
    """The check evaluated nothing: no ancestor with targets, or no target matched one.

    Documented (what, why, example) in Chinese and English in rules/docs/.
    """

    name = "nothing-checked"
    family = "coverage"


def check_metadata(context: CheckContext) -> Iterator[Finding]:
    """What the plan does not say about itself, and that it came from a news article."""
    info = context.plan.plan
    for name in info.missing:
        value = "/".join(info.jurisdiction) if name == "jurisdiction" and info.jurisdiction else None
        yield MetadataUnknown.finding(
            msg(
                "metadata-unknown.message",
                field=msg(f"metadata-unknown.field.{name}"),
                known=msg("metadata-unknown.known", value=value) if value else "",
                effect=msg(f"metadata-unknown.effect.{name}"),
            ),
            suggestion=msg(f"metadata-unknown.hint.{name}"),
        )
    heading = info.heading
    if heading is not None and info.kind is not None and heading.kind != info.kind:
        where = heading.locator or (msg("report.plan-at-line", line=heading.line) if heading.line else None)
        yield TitleMismatch.finding(
            msg(
                "title-mismatch.message",
                heading=heading.text,
                where=msg("title-mismatch.where", where=where) if where else "",
                heading_kind=term("kind", heading.kind),
                kind=term("kind", info.kind),
                named=msg("title-mismatch.named", title=info.title) if info.title != heading.text else "",
            ),
            suggestion=msg("title-mismatch.hint", kind=term("kind", info.kind)),
        )
    if info.is_news_summary:
        yield NewsSummary.finding(
            msg("news-summary.message", count=len(context.plan.targets)),
            suggestion=msg("news-summary.hint"),
        )


def check_domains(context: CheckContext) -> Iterator[Finding]:
    """Every domain of every ancestor has a counterpart in the plan.

    A plan file need not list its `domains`. Without the list, the domains its targets
    fall in (as written, else their indicators' in the catalogue) are covered; a parent
    domain none of them falls in is not known to be missing — the file may simply not
    say — so it is one info naming those domains, never an error per domain.
    """
    kind = context.plan.plan.kind
    listed = bool(context.plan.domains)
    if listed:
        plan_domains = {_domain_key(context, name, kind) for name in context.plan.domains}
    else:
        plan_domains = {key for key in (_target_domain_key(context, t, kind) for t in context.plan.targets) if key}
    seen: set[str] = set()
    unseen: list[str] = []
    for reference in context.ancestors:
        for name in reference.plan.domains:
            key = _domain_key(context, name, kind)
            if key in plan_domains or key in seen:
                continue
            seen.add(key)
            if not listed:
                unseen.append(name)
                continue
            yield MissingDomain.finding(
                msg("missing-domain.message", domain=name, reference=reference.plan.plan.title),
                domain=name,
                reference_plan=reference,
                suggestion=msg("missing-domain.hint", domain=name),
            )
    if unseen:
        yield MissingDomain.finding(
            msg("missing-domain.unlisted", domains=list(unseen), count=len(unseen)),
            severity=Severity.INFO,
            suggestion=msg("missing-domain.unlisted-hint"),
        )


def _target_domain_key(context: CheckContext, target: Target, kind: object) -> str | None:
    """The domain a target falls in: as the target writes it, else its indicator's in the catalogue."""
    if target.domain:
        return _domain_key(context, target.domain, kind)
    indicator = context.indicator(target)
    domain_id = indicator.domain_for(kind) if indicator is not None and kind is not None else None
    return domain_id


def _domain_key(context: CheckContext, name: str, kind: object) -> str:
    domain = context.catalogue.match_domain(name, kind)
    return domain.id if domain is not None else "name:" + "".join(name.split())


def check_references(context: CheckContext) -> Iterator[Finding]:
    """Parents known without targets, levels with no parent at all, cited parents never found."""
    for reference in context.ancestors:
        if not reference.targets_encoded:
            yield ReferenceUnavailable.finding(
                msg(
                    "reference-unavailable.not-encoded",
                    reference=reference.plan.plan.title,
                    level=term("level", reference.plan.plan.level),
                ),
                reference_plan=reference,
                suggestion=msg("reference-unavailable.not-encoded-hint"),
            )
        elif reference.partly_encoded:  # checked against what is known of it, never as if complete
            part = reference.plan.plan.partly_encoded
            yield ReferenceUnavailable.finding(
                msg(
                    "reference-unavailable.partly-encoded",
                    reference=reference.plan.plan.title,
                    level=term("level", reference.plan.plan.level),
                    count=len(reference.plan.targets),
                    of=msg("reference-unavailable.of-total", total=part.of) if part.of else "",
                    missing=part.missing,
                ),
                reference_plan=reference,
                suggestion=msg("reference-unavailable.partly-encoded-hint"),
            )
    info = context.plan.plan
    known = {_title_key(reference.plan.plan.title) for reference in context.ancestors}
    word = "妇女" if info.kind is Kind.WOMEN else "儿童"
    cited = [
        title
        for title in info.follows
        if word in title and ("规划" in title or "纲要" in title) and _title_key(title) not in known
    ]
    present = {reference.plan.plan.level for reference in context.ancestors}
    for level in Level:
        if info.level is None or info.kind is None or "jurisdiction" in info.missing:
            break  # unknown level, kind or place: metadata-unknown says so
        if level is Level.NATIONAL or level.rank >= info.level.rank or level in present:
            continue
        place = info.jurisdiction[: level.rank] if len(info.jurisdiction) > level.rank else []
        where = (
            "/".join(place)
            if len(place) == level.rank
            else msg("reference-unavailable.where-above", level=term("level", level), jurisdiction="/".join(info.jurisdiction))
        )
        named = [t for t in cited if place and _place_key(place[-1]) in _title_key(t)]
        cited = [t for t in cited if t not in named]
        yield ReferenceUnavailable.finding(
            msg(
                "reference-unavailable.no-parent",
                level=term("level", level),
                kind=term("kind", info.kind),
                where=where,
                cited=msg("reference-unavailable.cites", title=named[0]) if named else "",
            ),
            suggestion=msg("reference-unavailable.no-parent-hint", level=term("level", level)),
        )
    for title in cited:
        yield ReferenceUnavailable.finding(
            msg("reference-unavailable.cited-unknown", title=title),
            suggestion=msg("reference-unavailable.cited-unknown-hint"),
        )


def _place_key(place: str) -> str:
    """湖南省 → 湖南, 长沙市 → 长沙: how a place shows in a plan's title."""
    from compliance.catalogue.places import gazetteer

    return gazetteer().short_name(place)


def _title_key(title: str) -> str:
    """Titles compared loosely: 中国妇女发展纲要（2021-2030年） = 《中国妇女发展纲要（2021—2030年）》."""
    text = unicodedata.normalize("NFKC", title)
    text = re.sub(r"[-‐‑‒–—―−~～至]+", "-", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "《》〈〉“”\"'")


_MIN_NAME_CHARS = 4  # shorter names (出生率) stand inside too many other words to say a line states them


def _stated_unread(context: CheckContext, written: str, indicator: Any) -> bool:
    """Whether a number the plan's extraction left unparsed stands in a line naming the indicator (its name, an
    alias or the reference's wording): the plan states it, it is not missing — the line is to be read by hand."""
    unparsed = context.plan.unparsed
    if not unparsed:
        return False
    from compliance.catalogue import normalise_name

    names = {normalise_name(n) for n in (written, *(indicator.names if indicator is not None else ()))}
    names = {n for n in names if len(n) >= _MIN_NAME_CHARS}
    return any(name in normalise_name(entry.text) for entry in unparsed for name in names)


def check_indicators(context: CheckContext) -> Iterator[Finding]:
    """One finding per indicator the plan leaves out (or states only in words), naming every statement of it."""
    plan_targets = context.plan_targets()
    grouped: dict[str, list[ReferenceTarget]] = {}
    for reference_target in context.binding_reference_targets():
        if reference_target.target.target.is_numeric:
            key = context.key(reference_target.target, reference_target.source.plan.plan.kind)
            grouped.setdefault(key, []).append(reference_target)
    for key, statements in grouped.items():
        statements.sort(key=_statement_order)
        reference_target, *others = statements
        target = reference_target.target
        indicator = context.resolve(target.indicator, reference_target.source.plan.plan.kind)[1]
        own = plan_targets.get(key, [])
        details = {
            "domain": _plan_domain(context, target.domain, reference_target.source.plan.plan.kind),
            "indicator": indicator.id if indicator else None,
            "indicator_name": target.indicator,
            "reference": reference_target,
            "other_statements": others,
        }
        legible = [s for s in statements if not s.target.target.masked]
        if not own and not legible:
            # The parent's number is masked in its text (**户): unknown, never demanded as "**".
            yield MissingIndicator.finding(
                msg(
                    "missing-indicator.masked-reference",
                    indicator=target.indicator,
                    reference=reference_target.source.plan.plan.title,
                    text=target.text or target.indicator,
                ),
                severity=Severity.INFO,
                suggestion=msg("missing-indicator.masked-reference-hint", indicator=target.indicator),
                **details,
            )
            continue
        if not own and _stated_unread(context, target.indicator, indicator):
            continue  # a line the extraction could not read names it: the unparsed-number warning asks to read it
        if not own:
            yield MissingIndicator.finding(
                msg("missing-indicator.message", indicator=target.indicator, sets=all_stated(statements)),
                suggestion=msg("missing-indicator.hint", indicator=target.indicator),
                **details,
            )
            continue
        if all(not t.target.is_numeric for t in own):
            better = context.better(indicator, target.target)
            agreeing = [t for t in own if not conflicts(t.target, better)]
            if agreeing:  # a qualitative target going the wrong way is a direction-conflict instead
                first = agreeing[0]
                yield QualitativeOnly.finding(
                    msg("qualitative-only.message", indicator=first.indicator, sets=all_stated(statements)),
                    plan_target=first,
                    suggestion=msg("qualitative-only.hint", indicator=first.indicator),
                    **{**details, "domain": first.domain or target.domain, "indicator_name": first.indicator},
                )


def check_shared(context: CheckContext) -> Iterator[Finding]:
    """A share (or total) of counties in a parent's plan, told to a county as its part."""
    plan_targets = context.plan_targets()
    grouped: dict[tuple[str, str], list[ReferenceTarget]] = {}
    for reference_target in context.shared_reference_targets():
        if reference_target.target.target.is_numeric and not reference_target.target.target.masked:
            kind = reference_target.source.plan.plan.kind
            key = (reference_target.source.id, context.key(reference_target.target, kind))
            grouped.setdefault(key, []).append(reference_target)
    info = context.plan.plan
    place = info.jurisdiction[-1] if info.jurisdiction else term("level", info.level)
    for (_, key), statements in grouped.items():
        statements.sort(key=_statement_order)
        reference_target, *others = statements
        target, value = reference_target.target, reference_target.target.target
        kind = reference_target.source.plan.plan.kind
        if value.unit == "%" and value.value is not None and value.value >= 100:
            part = msg("shared-target.part-all", place=place)
        elif value.unit == "%":
            part = msg("shared-target.part-share", place=place)
        else:
            part = msg("shared-target.part-total", place=place)
        own = plan_targets.get(key, [])
        where = where_stated(own[0]) if own else None
        restated = (msg("shared-target.restated", where=where) if where else msg("shared-target.restated-nowhere")) if own else ""
        share_of = reference_target.scope.units(reference_target.source.plan.plan.level)
        yield SharedTarget.finding(
            msg(
                "shared-target.message",
                indicator=target.indicator,
                target=Stated(value),
                reference=reference_target.source.plan.plan.title,
                units=msg(f"shared-target.units.{share_of.value if share_of else 'county'}"),
                part=part,
                restated=restated,
            ),
            domain=_plan_domain(context, target.domain, kind),
            indicator=getattr(context.resolve(target.indicator, kind)[1], "id", None),
            indicator_name=target.indicator,
            plan_target=own[0] if own else None,
            reference=reference_target,
            other_statements=others,
            suggestion=msg("shared-target.hint", place=place),
        )


def _statement_order(reference_target: ReferenceTarget) -> tuple[int, int, int]:
    """Which statement a finding shows first: verified, from the nearest parent, main targets before table before measures."""
    from compliance.checks.context import SECTION_PRIORITY

    return (
        0 if reference_target.verified else 1,
        -reference_target.source.plan.plan.level.rank,
        SECTION_PRIORITY.get(reference_target.target.section, 2),
    )


def all_stated(statements: list[ReferenceTarget]) -> list[Message]:
    """《嘉兴…》 sets > 85% (indicator table, line 47), >= 85% (measures, line 186); 《…纲要》 sets …"""
    by_document: dict[str, list[ReferenceTarget]] = {}
    for statement in statements:
        by_document.setdefault(statement.source.plan.plan.title, []).append(statement)
    parts = []
    for title, stated in by_document.items():
        targets = [Stated(stated[0].target.target)] if len(stated) == 1 else [_where(s) for s in stated]
        parts.append(msg("statement.sets", reference=title, targets=targets))
    return parts


def _where(statement: ReferenceTarget) -> Message:
    section = term("section", statement.target.section) if statement.target.section else msg("term.section.text")
    if statement.target.line:
        return msg("statement.where", target=Stated(statement.target.target), section=section, line=statement.target.line)
    return msg("statement.where-no-line", target=Stated(statement.target.target), section=section)


def _plan_domain(context: CheckContext, reference_domain: str | None, kind: object) -> str | None:
    """The plan's own name for a reference's domain (妇女参与决策管理 for 妇女参与决策和管理)."""
    if reference_domain is None:
        return None
    key = _domain_key(context, reference_domain, kind)
    for written in context.plan.domains:
        if _domain_key(context, written, kind) == key:
            return written
    return reference_domain
