"""`check(plan)`: the library entry point of the checker.

    >>> from compliance import check, load_plan
    >>> report = check(load_plan("examples/plans/jinan-shizhong-women-2021-2025.yaml"))  # doctest: +SKIP
    >>> report.summary  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.checks import CheckSettings, Finding, HorizonMode, Severity
from compliance.checks.base import ReferenceTarget, settings_in_force
from compliance.checks.consistency import (
    PossibleTypo,
    check_consistency,
    check_parent_quotes,
    check_texts,
    check_unparsed,
)
from compliance.checks.context import CheckContext
from compliance.checks.coverage import (
    NothingChecked,
    check_domains,
    check_indicators,
    check_metadata,
    check_references,
    check_shared,
)
from compliance.checks.quantities import check_quantities
from compliance.checks.ruleset import load_rules
from compliance.checks.thresholds import check_milestones, check_thresholds
from compliance.messages import Message, msg
from compliance.model import Plan
from compliance.references import ReferenceLibrary, ReferencePlan

if TYPE_CHECKING:  # pragma: no cover
    from compliance.config import Settings


@dataclass(frozen=True)
class Coverage:
    """What the check knows of each reference indicator, by indicator key (catalogue id, or name:…).

    The matrix of a batch report says per cell what is known — compared and met,
    not binding this plan, never compared — from these, not from the absence of findings.
    """

    stated: frozenset[str] = frozenset()  # the plan states a target of it (a number or words)
    binding: frozenset[str] = frozenset()  # a numeric target of a reference binds the plan
    compared: frozenset[str] = frozenset()  # a plan target was compared with a reference target of it


@dataclass
class Report:
    """The result of checking one plan."""

    plan: Plan
    references: list[ReferencePlan]
    findings: list[Finding]
    targets_checked: int
    settings: CheckSettings = field(default_factory=CheckSettings)
    coverage: Coverage = field(default_factory=Coverage)
    # Findings of the rules turned off for this plan (--select, --ignore, per-file-ignores): never
    # reported, but a matrix cell they concern says "not checked" instead of "meets".
    turned_off: list[Finding] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        """Findings of `severity` that count (not accepted by a waiver or the baseline)."""
        return sum(1 for f in self.findings if f.severity is severity and f.accepted is None)

    def accepted(self, kind: str) -> int:
        """Findings accepted by a waiver (`waiver`) or by the baseline (`baseline`): shown, not counted."""
        return sum(1 for f in self.findings if f.accepted is not None and f.accepted.kind == kind)

    @property
    def summary(self) -> dict[str, int]:
        return {
            "errors": self.count(Severity.ERROR),
            "warnings": self.count(Severity.WARNING),
            "info": self.count(Severity.INFO),
            "waived": self.accepted("waiver"),
            "baselined": self.accepted("baseline"),
            "targets_checked": self.targets_checked,
            "references_used": sum(1 for r in self.references if r.targets_encoded),
        }

    @property
    def failed(self) -> bool:
        """Does this report fail the run: a finding at or above `fail-on` (error by default), not accepted?"""
        return any(self.settings.fail_on.counts(f.severity) for f in self.findings if f.accepted is None)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: the documented JSON report of this plan (docs/checking.md)."""
        from compliance.report.json_report import report_record

        return report_record(self)


def check(
    plan: Plan,
    references: ReferenceLibrary | Sequence[Path | str] | None = None,
    *,
    settings: Settings | None = None,
    horizon: HorizonMode | str | None = None,
    verified_only: bool | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    rules: Iterable[Path | str] = (),
) -> Report:
    """Check `plan` against its ancestors among `references`.

    `settings` (see `compliance.load_settings()`) chooses the rules, their
    severities and the policies; `horizon`, `verified_only`, `select` and
    `ignore` override it as options would. `references` is a
    ReferenceLibrary, or paths of the user's own reference files/directories
    added to the bundled ones and to those of `settings.references`.
    `rules` are rules overlays (folders of indicators.yaml, domains.yaml,
    checks.yaml, scopes.yaml) merged over the bundled rules/ after those of
    `settings.rules`, later ones winning.
    Raises InputError for a rule selector that names no rule, or a bad overlay.
    """
    from compliance.config import load_settings
    from compliance.resources import overlay_dirs

    options: dict[str, Any] = {
        "horizon": horizon,
        "verified_only": verified_only,
        "select": list(select),
        "ignore": list(ignore),
        "rules": [Path(r) for r in rules],
    }
    if settings is None:
        settings = load_settings(options, config_file=False, environ={})
    elif any(v not in (None, []) for v in options.values()):
        settings = _with_options(settings, options)
    checked = settings.check_settings(plan.path)
    checked.rules = overlay_dirs(list(checked.rules), configured=False)
    ruleset = load_rules(checked.rules)
    if isinstance(references, ReferenceLibrary):
        library = references
    else:
        library = ReferenceLibrary.load([*settings.references, *(references or ())])
    with settings_in_force(ruleset.settings):
        context = CheckContext(
            plan=plan,
            ancestors=library.ancestors(plan),
            catalogue=ruleset.catalogue,
            settings=checked,
            scopes=ruleset.scopes,
            hint_target=ruleset.hint_target(),
        )
        findings = _run(context)
        coverage = Coverage(
            stated=frozenset(context.plan_targets()),
            binding=frozenset(
                context.key(r.target, r.source.plan.plan.kind)
                for r in context.binding_reference_targets()
                if r.target.target.is_numeric
            ),
            compared=frozenset(context.compared_keys),
        )
        turned_off = [f for f in findings if f.rule not in checked.select]
        findings = [f for f in findings if f.rule in checked.select]
        positions = {id(target): index for index, target in enumerate(plan.targets)}
        findings.sort(key=lambda f: _order(context, positions, f))
    return Report(
        plan=plan,
        references=context.ancestors,
        findings=findings,
        targets_checked=len(context.compared),
        settings=checked,
        coverage=coverage,
        turned_off=turned_off,
    )


FAMILIES = (
    check_metadata,
    check_references,
    check_domains,
    check_quantities,
    check_indicators,
    check_shared,
    check_thresholds,
    check_milestones,
    check_consistency,
    check_unparsed,
    check_texts,
    check_parent_quotes,
)


def _run(context: CheckContext) -> list[Finding]:
    """Every rule family on one plan, then what applies to all findings: typo notes, severities, verification."""
    checked = context.settings
    findings: list[Finding] = []
    for family in FAMILIES:
        findings.extend(family(context))
    if context.plan.plan.is_news_summary:  # an article that does not mention an indicator is no evidence the plan lacks it
        for finding in findings:
            if finding.rule in ("missing-indicator", "missing-domain"):
                finding.severity = Severity.INFO
                finding.notes.append(msg("note.news-summary"))
    for finding in findings:  # a finding on a misspelt name says which indicator it was read as
        near = context.near_miss(finding.plan_target) if finding.plan_target is not None else None
        if near is not None and near.indicator is not None and finding.rule != PossibleTypo.name:
            finding.notes.append(msg("note.read-as", written=finding.plan_target.indicator, meant=near.names[0]))
    missing = {f.reference.target.indicator for f in findings if f.rule == "missing-indicator" and f.reference}
    targets_checked = len(context.compared)
    if targets_checked == 0:
        encoded = [r for r in context.ancestors if r.targets_encoded]
        if not encoded:
            reason = msg("nothing-checked.no-encoded-ancestor")
        elif missing:
            reason = msg("nothing-checked.no-match-missing", count=len(missing))
        else:
            reason = msg("nothing-checked.no-match")
        findings.append(
            NothingChecked.finding(
                msg("nothing-checked.message", reason=reason),
                suggestion=msg("nothing-checked.hint"),
            )
        )
    for finding in findings:
        finding.severity = checked.severity.get(finding.rule, finding.severity)
        if finding.reference is None or finding.reference.verified:
            continue
        if checked.verified_only:
            finding.severity = Severity.INFO
            finding.notes.append(msg("note.unverified-info"))
        else:
            finding.notes.append(unverified_note(finding.reference))
    return findings


def unverified_note(reference: ReferenceTarget) -> Message:
    """Why a reference value is not verified, in words that fit where it comes from.

    The bundled values are recalled from the reference notes; a user's own file
    simply does not mark the value verified.
    """
    if reference.source.origin == "user":
        return msg("note.unverified-user", file=_shown_path(reference.source.file))
    return msg("note.unverified")


def _shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when it is below it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _with_options(settings: Settings, options: dict[str, Any]) -> Settings:
    """`settings` with `options` on top, merged as the command line's would be (ignores add up, select replaces)."""
    from compliance.config import load_settings

    layered = load_settings(options, config_file=False, environ={})
    update: dict[str, Any] = {name: getattr(layered, name) for name in layered.model_fields_set}
    for name in ("ignore", "extend_select", "rules"):
        if name in update:
            update[name] = [*getattr(settings, name), *update[name]]
    return settings.model_copy(update=update)


def _order(context: CheckContext, positions: dict[int, int], finding: Finding) -> tuple[Any, ...]:
    """By domain, then where in the plan; one target's findings against several parents, the strictest first."""
    domains = context.plan.domains
    domain_rank = domains.index(finding.domain) if finding.domain in domains else len(domains)
    target = finding.plan_target
    line = target.line if target and target.line else 10**9
    position = positions.get(id(target), len(positions)) if target is not None else len(positions)
    return (domain_rank, line, position, _demand(context, finding), finding.severity.rank)


def _demand(context: CheckContext, finding: Finding) -> tuple[int, Any]:
    """How demanding the reference value a finding holds the plan to is, most demanding first.

    The value compared (the reference's, at the plan's horizon: 嘉兴's 30% for 2025 before
    the national 30% for 2030 interpolated to 27.1%), in the indicator's unit, a strict bound
    before an inclusive one. Findings not on a compared value come after, in their order.
    """
    from compliance.catalogue.catalogue import Better
    from compliance.errors import UnitError
    from compliance.model import Op

    horizon, reference = finding.horizon, finding.reference
    if horizon is None or reference is None or horizon.compared_value is None:
        return (1, 0)
    value = reference.target.target
    kind = reference.source.plan.plan.kind
    indicator = context.indicator(reference.target, kind)
    amount = horizon.compared_value
    if indicator is not None and value.unit and not value.op.is_relative:
        try:
            amount = context.convert(indicator, amount, value.unit, indicator.unit)
        except UnitError:
            return (1, 0)
    better = context.better(indicator, value)
    if better is Better.BAND:
        return (1, 0)
    strict = 0 if value.op in (Op.GT, Op.LT) else 1
    return (0, (-amount if better is Better.HIGHER else amount, strict))
