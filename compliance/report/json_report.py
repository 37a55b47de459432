"""The JSON report (`compliance-report/2`): one documented shape for one plan or many (docs/report-format.md).

    {"format": "compliance-report/2", "language": "zh", "settings": {...},
     "reports": [one per plan], "input_errors": [one per broken input],
     "summary": {...per rule, per severity...}, "matrix": {"columns": [...], "rows": [...]}}

The document is the one intermediate form of every report: the HTML, Excel,
CSV and Markdown reports (and the CI formats) are rendered from it.
`ReportCollector` builds it one result at a time. Its JSON Schema is
docs/report.schema.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from compliance.report.formats import DocumentWriter
from compliance.report.records import location, number, plan_record, value_text

if TYPE_CHECKING:  # pragma: no cover
    from compliance.batch import InputFailure
    from compliance.checking import Report
    from compliance.checks import Finding

FORMAT = "compliance-report/2"


def _fraction(value: Fraction | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value.denominator == 1 else round(float(value), 6)


def finding_record(finding: Finding) -> dict[str, Any]:
    from compliance.messages import language, localize, msg

    target = finding.plan_target
    reference = finding.reference
    whole = finding.reference_plan or (reference.source if reference else None)
    horizon = finding.horizon
    lang = language()
    return {
        "rule": finding.rule,
        "code": finding.code,
        "severity": finding.severity.value,
        "title": str(msg(f"{finding.rule}.title")),
        "domain": finding.domain,
        "indicator": finding.indicator,
        "indicator_name": finding.indicator_name,
        "message": finding.message,
        "message_id": finding.body.id,
        "params": {name: localize(value, lang) for name, value in finding.body.params.items()},
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
            "location": location(target),
            "stated": value_text(target.target),
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
            "stated": value_text(reference.target.target) if reference else None,
            "line": reference.target.line if reference else None,
            "verified": reference.verified if reference else whole.plan.plan.verified,
            "evidence": list(reference.target.evidence) if reference else list(whole.plan.plan.evidence),
            "note": reference.target.note if reference else whole.plan.plan.note,
            "scope": reference.scope.written() if reference else None,
        },
        "accepted": None
        if finding.accepted is None
        else {
            "kind": finding.accepted.kind,
            "source": finding.accepted.source,
            "reason": finding.accepted.reason,
            "approved_by": finding.accepted.approved_by,
            "expires": finding.accepted.expires.isoformat() if finding.accepted.expires else None,
        },
        "position": str(finding.position) if finding.position else None,
        "other_statements": [_statement_record(statement) for statement in finding.other_statements],
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


def _statement_record(statement: Any) -> dict[str, Any]:
    """Another statement of the finding's reference target (a table row and a sentence of the text)."""
    target = statement.target
    return {
        "document": statement.source.plan.plan.title,
        "file": str(statement.source.file),
        "text": target.text,
        "line": target.line,
        "section": target.section.value if target.section else None,
        "op": target.target.op.value,
        "value": number(target.target.value),
        "unit": target.target.unit,
        "year": statement.source.plan.target_year(target),
        "verified": statement.verified,
    }


def settings_record(report: Report) -> dict[str, Any]:
    return {"horizon": report.settings.horizon.value, "verified_only": report.settings.verified_only}


def report_record(report: Report) -> dict[str, Any]:
    """One plan's report (an element of `reports`)."""
    return {
        "plan": plan_record(report.plan),
        "settings": settings_record(report),
        "references": [
            {
                "id": r.id,
                "title": r.plan.plan.title,
                "level": r.plan.plan.level.value,
                "period": list(r.plan.plan.period),
                "file": str(r.file),
                "origin": r.origin,
                "targets_encoded": r.targets_encoded,
                "partly_encoded": _partly(r),
                "targets": len(r.plan.targets),
                "verified_targets": sum(1 for t in r.plan.targets if t.verified),
            }
            for r in report.references
        ],
        "findings": [finding_record(f) for f in report.findings],
        "summary": report.summary,
    }


def failure_record(failure: InputFailure) -> dict[str, Any]:
    return {
        "file": failure.file,
        "internal": failure.internal,
        "problems": [
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "path": p.path,
                "message": p.message,
                "hint": p.hint,
                "text": str(p),
            }
            for p in failure.problems
        ],
    }


@dataclass
class ReportPart:
    """What one report adds to the report document: its counts, its matrix row, its record if kept.

    Small and plain (no plan, no reference objects), so that a batch's worker makes
    it where the report is made and sends only this.
    """

    input: str
    settings: dict[str, Any]
    statistics: Any  # compliance.report.summary.Statistics of this report alone
    columns: list[Any]  # compliance.report.summary.Column
    row: dict[str, Any]
    record: dict[str, Any] | None = None


def report_part(report: Report, record: bool = True) -> ReportPart:
    from compliance.report.summary import Statistics, matrix_row

    statistics = Statistics()
    statistics.add(report)
    columns, row = matrix_row(report)
    return ReportPart(
        input=str(report.plan.path),
        settings=settings_record(report),
        statistics=statistics,
        columns=columns,
        row=row,
        record=report_record(report) if record else None,
    )


class ReportCollector:
    """Builds the report document from results as they come: a Report per plan, an InputFailure per broken input.

    Each Report is turned into its record at once and not kept, so a batch streams;
    with `keep_reports=False` only the summary and the matrix are kept (the text
    report writes each plan's report as it comes).
    """

    def __init__(self, keep_reports: bool = True) -> None:
        from compliance.report.summary import Matrix, Statistics

        self.keep_reports = keep_reports
        self.reports: list[dict[str, Any]] = []
        self.input_errors: list[dict[str, Any]] = []
        self.statistics = Statistics()
        self.matrix = Matrix()
        self.settings: dict[str, Any] | None = None
        self._inputs: set[str] = set()

    def add(self, report: Report) -> None:
        self.add_part(report_part(report, record=self.keep_reports))

    def add_part(self, part: ReportPart) -> None:
        """What one report adds, made by `report_part` (in a batch's worker, where the report is made)."""
        self.matrix.add_row(part.columns, part.row, self.statistics.plans)
        self.statistics.merge(part.statistics)
        self._inputs.add(part.input)
        self.settings = self.settings or part.settings
        if self.keep_reports:
            assert part.record is not None
            self.reports.append(part.record)

    def add_failure(self, failure: InputFailure) -> None:
        self.statistics.add_failure(failure.internal)
        self._inputs.add(failure.file)
        self.input_errors.append(failure_record(failure))

    def document(self) -> dict[str, Any]:
        from compliance.messages import language

        self.statistics.inputs = len(self._inputs)
        return {
            "format": FORMAT,
            "language": language(),
            "settings": self.settings or {},
            "reports": self.reports,
            "input_errors": self.input_errors,
            "summary": self.statistics.record(),
            "matrix": self.matrix.record(),
        }


def document_of(results: Any) -> dict[str, Any]:
    """The report document of an iterable of Reports and InputFailures (e.g. compliance.batch.check_inputs)."""
    from compliance.batch import InputFailure

    collector = ReportCollector()
    for result in results:
        if isinstance(result, InputFailure):
            collector.add_failure(result)
        else:
            collector.add(result)
    return collector.document()



class JsonWriter(DocumentWriter):
    """`--format json`: the report document, indented, Chinese as written."""

    def write(self, document: dict[str, Any]) -> None:
        import json

        self.out.write(json.dumps(document, ensure_ascii=False, indent=2, default=str))
        self.out.write("\n")


def _partly(reference: Any) -> dict[str, Any] | None:
    """What is not encoded of a partly encoded reference ({missing, of}), None for a complete one."""
    part = reference.plan.plan.partly_encoded
    return part.model_dump() if part is not None and reference.targets_encoded else None
