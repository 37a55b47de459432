"""Coverage rules: does the plan carry every domain and every quantified target of its parents?"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from compliance.checks.base import Finding, ReferenceTarget, Rule, Stated, term
from compliance.checks.compare import conflicts
from compliance.checks.context import CheckContext
from compliance.messages import Message, msg
from compliance.model import Kind, Level


class MissingDomain(Rule):
    """A domain of a reference plan has no counterpart in the plan.

    ## Why it matters
    A lower plan must carry every domain (领域) of the plans above it. Local
    plans may rename or reorder domains (妇女与决策管理 for 妇女参与决策和管理;
    儿童与社会环境 for 儿童与环境): names are matched through the domain
    catalogue (rules/domains.yaml), so renaming is not a finding; leaving one out is.

    ## Example
    The national women's outline has 妇女与家庭建设; a county plan whose domains
    are 妇女与健康 … 妇女与法律 without any family domain fails. Adding a section
    （六）妇女与家庭建设 with its 主要目标 passes.
    """

    name = "missing-domain"
    family = "coverage"


class MissingIndicator(Rule):
    """A numeric target of a reference plan whose indicator the plan never targets.

    ## Why it matters
    For every quantified parent target the lower plan must set a target of its
    own. Names are matched through the indicator catalogue (rules/indicators.yaml),
    so 九年义务教育巩固率 and 义务教育巩固率 are the same indicator.

    ## Example
    Reference: 孕产妇死亡率下降到12/10万以下. A plan with no target for
    孕产妇死亡率 fails; a plan with 孕产妇死亡率控制在9/10万以下 passes this rule.
    """

    name = "missing-indicator"
    family = "coverage"


class QualitativeOnly(Rule):
    """The reference sets a number; the plan only says 提高 / 逐步降低.

    ## Why it matters
    A qualitative wording cannot be held to the parent's number: a reviewer
    cannot tell whether the plan meets it.

    ## Example
    Reference: 适龄妇女宫颈癌人群筛查率达到70%以上. Plan: 宫颈癌筛查率逐步提高 fails;
    宫颈癌人群筛查率达到70%以上 passes.
    """

    name = "qualitative-only"
    family = "coverage"


class ReferenceUnavailable(Rule):
    """An ancestor plan is known, but none of its targets are encoded.

    ## Why it matters
    The plan could not be checked against that parent at all; saying so keeps a
    missing reference from passing silently. Add the parent's targets (from its
    official text) to a reference file of your own and pass it with --ref.

    ## Example
    A 济南市市中区 plan is checked; 山东省“十四五”妇女发展规划 is known but its
    targets are not encoded: this finding names it. Encoding its targets in
    my-references/shandong-women.yaml and running with --ref my-references makes it go away.
    """

    name = "reference-unavailable"
    family = "coverage"


class MetadataUnknown(Rule):
    """The plan does not say what it is: its kind, level, jurisdiction or period is unknown.

    ## Why it matters
    Extraction never guesses what a document does not tell (a portal copy with
    the title masked, a page without the issuing county). The plan is checked
    with what is known — a plan whose county is unknown is still checked
    against the national outline — but not against the parents that need the
    missing field, so the check is incomplete, and says which field to set and
    which option sets it.

    ## Example
    A county plan extracted from a page naming no county: checked against the
    national outline only, with this finding for `jurisdiction`. Setting
    `jurisdiction: [浙江省, 湖州市, 德清县]` in the plan file (or `--jurisdiction
    浙江省/湖州市/德清县`) checks it against its province and city too.
    """

    name = "metadata-unknown"
    family = "coverage"


class NewsSummary(Rule):
    """The plan was read from a news article about it, not from the plan.

    ## Why it matters
    An article states only some of a plan's targets. What it states is checked
    like any target; what it leaves out is not evidence that the plan leaves it
    out, so missing domains and indicators are reported as info, not errors. For
    a real check, get the plan's text.

    ## Example
    A news report on 《济南市历城区“十四五”妇女发展规划》 quoting 31 targets: each
    is checked, this finding says the source is a summary, and the national
    indicators it does not mention are info.
    """

    name = "news-summary"
    family = "coverage"


class SharedTarget(Rule):
    """A parent's target that its counties meet together, told to one county as its part.

    ## What it does
    A municipal plan's 建立妇女活动中心的县（市、区）比例 100%, 85%以上县（市、区）成功创建…,
    or a city total (新建10个优质观护帮教基地) is a target for the counties
    together: its `scope` is `{share_of: county}` (in the reference file, an
    overlay's scopes.yaml, or a name shape in rules/scopes.yaml). A county's plan
    is not held to the whole; this info names the county's part instead of a
    missing-indicator error.

    ## Why it matters
    A county cannot have a share of counties. Demanding it is a false error a
    reviewer must throw away; saying nothing would hide what the county owes.

    ## Example
    Reference (嘉兴市): 建立妇女活动中心的县（市、区）比例 ≥ 100%. A 海宁市 plan gets this
    info ("every county is to meet it, so 海宁市's part is to meet it itself");
    the 嘉兴市 plan itself, checked against 浙江省's, is held to it in full.
    """

    name = "shared-target"
    family = "coverage"


class NothingChecked(Rule):
    """The check evaluated nothing: no ancestor with targets, or no target matched one.

    ## Why it matters
    A check that compared nothing is not a pass. Typically the plan's kind or
    jurisdiction does not resolve to any reference, or its indicators are named
    so that none matches the catalogue.

    ## Example
    A plan with jurisdiction [某省, 某市, 某县] of a province with no encoded plan
    and no target matching a national indicator fails; a plan whose 孕产妇死亡率
    target is compared with the national outline passes.
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
    if info.is_news_summary:
        yield NewsSummary.finding(
            msg("news-summary.message", count=len(context.plan.targets)),
            suggestion=msg("news-summary.hint"),
        )


def check_domains(context: CheckContext) -> Iterator[Finding]:
    kind = context.plan.plan.kind
    plan_domains = {_domain_key(context, name, kind) for name in context.plan.domains}
    seen: set[str] = set()
    for reference in context.ancestors:
        for name in reference.plan.domains:
            key = _domain_key(context, name, kind)
            if key in plan_domains or key in seen:
                continue
            seen.add(key)
            yield MissingDomain.finding(
                msg("missing-domain.message", domain=name, reference=reference.plan.plan.title),
                domain=name,
                reference_plan=reference,
                suggestion=msg("missing-domain.hint", domain=name),
            )


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
        restated = msg("shared-target.restated", line=own[0].line or "?") if own else ""
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
