"""The text report: for a plan drafter, grouped by domain, the plan's words beside the reference's."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from compliance.checking import Report
    from compliance.checks import Finding

WHOLE_PLAN = "整体 (whole plan)"


def _stated(finding_target: object) -> str:
    from compliance.phrases import render_compact

    return render_compact(finding_target.target)  # type: ignore[attr-defined]


def _finding_lines(finding: Finding) -> list[str]:
    lines = [f"  {finding.severity.value:<7} {finding.code} {finding.rule}  {finding.indicator_name or ''}".rstrip()]
    target = finding.plan_target
    if target is not None:
        where = f"line {target.line}" if target.line else (str(target.position) if target.position else "plan")
        words = target.text or target.written or target.indicator
        lines.append(f"          plan ({where}): {words}   [{_stated(target)}]")
    reference = finding.reference
    if reference is not None:
        flag = "verified" if reference.verified else "UNVERIFIED"
        title = reference.source.plan.plan.title
        year = reference.source.plan.target_year(reference.target)
        words = reference.target.text or reference.target.indicator
        lines.append(f"          《{title}》 [{flag}]: {words}   [{_stated(reference.target)}, {year}]")
        evidence = reference.target.evidence
        if evidence:
            more = f" (+{len(evidence) - 1} more)" if len(evidence) > 1 else ""
            lines.append(f"          evidence: {evidence[0]}{more}")
    elif finding.reference_plan is not None:
        lines.append(f"          《{finding.reference_plan.plan.plan.title}》 [{finding.reference_plan.id}]")
    lines.append(f"          {finding.message}")
    if finding.suggestion:
        lines.append(f"          → {finding.suggestion}")
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def render_text(report: Report) -> str:
    info = report.plan.plan
    out = [
        f"{info.title} ({info.kind.value}, {info.level.value}, {'/'.join(info.jurisdiction) or '全国'}, "
        f"{info.period[0]}–{info.period[1]})"
    ]
    if report.plan.path:
        out.append(f"  file: {report.plan.path}")
    out.append("checked against:")
    if not report.references:
        out.append("  (no reference plan found for this plan's kind and jurisdiction)")
    for reference in report.references:
        if reference.targets_encoded:
            targets = reference.plan.targets
            verified = sum(1 for t in targets if t.verified)
            status = f"{len(targets)} targets, {verified} verified"
        else:
            status = "known, targets NOT encoded"
        out.append(f"  {reference.plan.plan.level.value:<10} 《{reference.plan.plan.title}》 {status}  [{reference.id}]")
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.domain or WHOLE_PLAN, []).append(finding)
    order = sorted(groups, key=lambda d: (d != WHOLE_PLAN, 0))
    for domain in order:
        out.append("")
        out.append(domain)
        for finding in groups[domain]:
            out.extend(_finding_lines(finding))
    summary = report.summary
    out.append("")
    out.append(
        f"{_count(summary['errors'], 'error')}, {_count(summary['warnings'], 'warning')}, {summary['info']} info; "
        f"{_count(summary['targets_checked'], 'plan target')} compared with "
        f"{_count(summary['references_used'], 'reference plan')} (horizon: {report.settings.horizon.value})"
    )
    return "\n".join(out)
