"""The JSON report: a documented, stable structure (docs/report-format.md)."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from compliance.report.records import number, plan_record

if TYPE_CHECKING:  # pragma: no cover
    from compliance.checking import Report
    from compliance.checks import Finding

FORMAT = "compliance-report/1"


def _fraction(value: Fraction | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value.denominator == 1 else round(float(value), 6)


def finding_record(finding: Finding) -> dict[str, Any]:
    target = finding.plan_target
    reference = finding.reference
    whole = finding.reference_plan or (reference.source if reference else None)
    horizon = finding.horizon
    return {
        "rule": finding.rule,
        "code": finding.code,
        "severity": finding.severity.value,
        "domain": finding.domain,
        "indicator": finding.indicator,
        "indicator_name": finding.indicator_name,
        "message": finding.message,
        "suggestion": str(finding.suggestion) if finding.suggestion else None,
        "plan_target": None
        if target is None
        else {
            "text": target.text or target.written,
            "op": target.target.op.value,
            "value": number(target.target.value),
            "unit": target.target.unit,
            "masked": target.target.masked,
            "condition": target.target.condition,
            "year": target.year,
            "line": target.line,
            "locator": target.locator,
            "section": target.section.value if target.section else None,
            "position": str(target.position) if target.position else None,
        },
        "reference": None
        if whole is None
        else {
            "document": whole.plan.plan.title,
            "level": whole.plan.plan.level.value,
            "file": str(whole.file),
            "text": reference.target.text if reference else None,
            "indicator": reference.target.indicator if reference else None,
            "op": reference.target.target.op.value if reference else None,
            "value": number(reference.target.target.value) if reference else None,
            "unit": reference.target.target.unit if reference else None,
            "year": whole.plan.target_year(reference.target) if reference else None,
            "verified": reference.verified if reference else whole.plan.plan.verified,
            "evidence": list(reference.target.evidence) if reference else list(whole.plan.plan.evidence),
            "note": reference.target.note if reference else whole.plan.plan.note,
        },
        "horizon": None
        if horizon is None
        else {
            "plan_year": horizon.plan_year,
            "reference_year": horizon.reference_year,
            "compared_value": _fraction(horizon.compared_value),
            "method": horizon.method,
            "explanation": str(horizon.explanation),
        },
    }


def report_record(report: Report) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "plan": plan_record(report.plan),
        "settings": {
            "horizon": report.settings.horizon.value,
            "verified_only": report.settings.verified_only,
        },
        "references": [
            {
                "title": r.plan.plan.title,
                "level": r.plan.plan.level.value,
                "period": list(r.plan.plan.period),
                "file": str(r.file),
                "origin": r.origin,
                "targets_encoded": r.targets_encoded,
            }
            for r in report.references
        ],
        "findings": [finding_record(f) for f in report.findings],
        "summary": report.summary,
    }
