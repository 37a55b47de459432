"""`check(plan)`: the library entry point of the checker.

    >>> from compliance import check, load_plan
    >>> report = check(load_plan("examples/plans/jinan-shizhong-women-2021-2025.yaml"))  # doctest: +SKIP
    >>> report.summary  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from compliance.checks import RULES, CheckSettings, Finding, HorizonMode, Severity
from compliance.checks.consistency import check_consistency, check_texts, check_unparsed
from compliance.checks.context import CheckContext
from compliance.checks.coverage import NothingChecked, check_domains, check_indicators, check_references
from compliance.checks.quantities import check_quantities
from compliance.checks.thresholds import check_thresholds
from compliance.errors import InputError
from compliance.messages import msg
from compliance.model import Plan
from compliance.references import ReferenceLibrary, ReferencePlan


@dataclass
class Report:
    """The result of checking one plan."""

    plan: Plan
    references: list[ReferencePlan]
    findings: list[Finding]
    targets_checked: int
    settings: CheckSettings = field(default_factory=CheckSettings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def summary(self) -> dict[str, int]:
        return {
            "errors": self.count(Severity.ERROR),
            "warnings": self.count(Severity.WARNING),
            "info": self.count(Severity.INFO),
            "targets_checked": self.targets_checked,
            "references_used": sum(1 for r in self.references if r.targets_encoded),
        }

    @property
    def failed(self) -> bool:
        return self.count(Severity.ERROR) > 0


def _selected(finding: Finding, settings: CheckSettings) -> bool:
    def named(names: Iterable[str]) -> bool:
        return any(finding.rule == n or finding.code.startswith(n) for n in names)

    if settings.select and not named(settings.select):
        return False
    return not named(settings.ignore)


def _validate_rule_names(settings: CheckSettings) -> None:
    known = {r.name for r in RULES} | {r.code() for r in RULES}
    unknown = [
        n for n in sorted(settings.select | settings.ignore) if n not in known and not any(c.startswith(n) for c in known)
    ]
    if unknown:
        raise InputError.single(
            "--select/--ignore",
            f"unknown rule {', '.join(repr(n) for n in unknown)}",
            hint="see `compliance rules` for names and codes",
        )


def check(
    plan: Plan,
    references: ReferenceLibrary | Sequence[Path | str] | None = None,
    *,
    horizon: HorizonMode | str = HorizonMode.INTERPOLATE,
    verified_only: bool = False,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> Report:
    """Check `plan` against its ancestors among `references`.

    `references` is a ReferenceLibrary, or paths of the user's own reference
    files/directories added to the bundled ones; None means the bundled ones
    (plus COMPLIANCE_REF and compliance.toml).
    """
    from compliance.catalogue import load_catalogue

    settings = CheckSettings(
        horizon=HorizonMode(horizon),
        verified_only=verified_only,
        select=frozenset(select),
        ignore=frozenset(ignore),
    )
    _validate_rule_names(settings)
    library = references if isinstance(references, ReferenceLibrary) else ReferenceLibrary.load(references or ())
    context = CheckContext(
        plan=plan,
        ancestors=library.ancestors(plan),
        catalogue=load_catalogue(),
        settings=settings,
    )
    findings: list[Finding] = []
    for family in (check_references, check_domains, check_quantities, check_indicators, check_thresholds, check_consistency, check_unparsed, check_texts):
        findings.extend(family(context))
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
        if finding.reference is None or finding.reference.verified:
            continue
        if verified_only:
            finding.severity = Severity.INFO
            finding.notes.append(msg("note.unverified-info"))
        else:
            finding.notes.append(msg("note.unverified"))
    findings = [f for f in findings if _selected(f, settings)]
    findings.sort(key=lambda f: _order(plan, f))
    return Report(
        plan=plan,
        references=context.ancestors,
        findings=findings,
        targets_checked=targets_checked,
        settings=settings,
    )


def _order(plan: Plan, finding: Finding) -> tuple[int, int, int]:
    domains = plan.domains
    domain_rank = domains.index(finding.domain) if finding.domain in domains else len(domains)
    line = finding.plan_target.line if finding.plan_target and finding.plan_target.line else 10**9
    return (domain_rank, line, finding.severity.rank)
