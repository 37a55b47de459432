"""The text report: for a plan drafter, grouped by domain, the plan's words beside the reference's.

Every word comes from the message catalogues (compliance.messages), in the
current language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compliance.messages import msg
from compliance.report.table import pad

if TYPE_CHECKING:  # pragma: no cover
    from compliance.checking import Report
    from compliance.checks import Finding


def _stated(target: object) -> str:
    """A target in the plan-file notation (`<= 3 %`), the same in every language."""
    from compliance.phrases import render_compact

    return render_compact(target.target)  # type: ignore[attr-defined]


def _finding_lines(finding: Finding) -> list[str]:
    from compliance.checks.base import term

    severity = str(term("severity", finding.severity))
    lines = [f"  {pad(severity, 7)} {finding.code} {finding.rule}  {finding.indicator_name or ''}".rstrip()]
    target = finding.plan_target
    if target is not None:
        # where a person finds the words: the document's own position (第2页第14行, 表1 第5行 本县目标列)
        if target.locator:
            where: object = target.locator
        elif target.line:
            where = msg("report.plan-at-line", line=target.line)
        else:
            where = str(target.position) if target.position else ""
        words = target.text or target.written or target.indicator
        lines.append("          " + str(msg("report.plan-side", where=where, words=words, stated=_stated(target))))
    reference = finding.reference
    if reference is not None:
        flag = msg("term.verified") if reference.verified else msg("term.unverified")
        lines.append(
            "          "
            + str(
                msg(
                    "report.reference-side",
                    title=reference.source.plan.plan.title,
                    flag=flag,
                    words=reference.target.text or reference.target.indicator,
                    stated=_stated(reference.target),
                    year=reference.source.plan.target_year(reference.target),
                )
            )
        )
        evidence = reference.target.evidence
        if evidence:
            more = msg("report.evidence-more", count=len(evidence) - 1) if len(evidence) > 1 else ""
            lines.append("          " + str(msg("report.evidence", url=evidence[0], more=more)))
    elif finding.reference_plan is not None:
        lines.append(
            "          "
            + str(msg("report.reference-plan", title=finding.reference_plan.plan.plan.title, id=finding.reference_plan.id))
        )
    lines.append(f"          {finding.message}")
    if finding.suggestion:
        lines.append(f"          → {finding.suggestion}")
    return lines


def render_text(report: Report) -> str:
    from compliance.checks.base import term

    info = report.plan.plan
    out = [
        str(
            msg(
                "report.plan-heading",
                title=info.title,
                kind=term("kind", info.kind),
                level=term("level", info.level),
                jurisdiction="/".join(info.jurisdiction) or msg("term.nationwide"),
                start=info.period[0],
                end=info.period[1],
            )
        )
    ]
    if report.plan.path:
        out.append(str(msg("report.file", file=report.plan.path)))
    out.append(str(msg("report.checked-against")))
    if not report.references:
        out.append(str(msg("report.no-reference")))
    for reference in report.references:
        if reference.targets_encoded:
            targets = reference.plan.targets
            verified = sum(1 for t in targets if t.verified)
            status = msg("report.reference-targets", count=len(targets), verified=verified)
        else:
            status = msg("report.reference-not-encoded")
        level = str(term("level", reference.plan.plan.level))
        out.append(f"  {pad(level, 10)} 《{reference.plan.plan.title}》 {status}  [{reference.id}]")
    whole_plan = str(msg("report.whole-plan"))
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.domain or whole_plan, []).append(finding)
    order = sorted(groups, key=lambda d: (d != whole_plan, 0))
    for domain in order:
        out.append("")
        out.append(domain)
        for finding in groups[domain]:
            out.extend(_finding_lines(finding))
    summary = report.summary
    out.append("")
    out.append(
        str(
            msg(
                "report.summary",
                errors=msg("report.errors", count=summary["errors"]),
                warnings=msg("report.warnings", count=summary["warnings"]),
                info=summary["info"],
                targets=msg("report.plan-targets", count=summary["targets_checked"]),
                references=msg("report.reference-plans", count=summary["references_used"]),
                horizon=term("horizon", report.settings.horizon),
            )
        )
    )
    return "\n".join(out)
