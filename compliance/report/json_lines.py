"""`--format json-lines`: one JSON object per line, written as each plan is checked (for jq, log pipelines).

    {"type": "finding", "plan": {...}, "finding": {...}}          one per finding
    {"type": "input-error", "input_error": {...}}                 one per input that could not be read
    {"type": "summary", "summary": {...}}                         last: the batch summary

`plan`, `finding`, `input_error` and `summary` are the records of the JSON
report (compliance-report/2, docs/report.schema.json), so a line reads like
the JSON report; `place` adds where a CI system shows the finding.
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from compliance.report.ci import finding_place
from compliance.report.formats import Writer, WriterOptions

if TYPE_CHECKING:  # pragma: no cover
    from compliance.batch import InputFailure
    from compliance.checking import Report


class JsonLinesWriter(Writer):
    def __init__(self, out: IO[Any], options: WriterOptions | None = None) -> None:
        from compliance.report.summary import Statistics

        super().__init__(out, options)
        self.statistics = Statistics()
        self.inputs: set[str] = set()

    def _line(self, record: dict[str, Any]) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")

    def add(self, report: Report) -> None:
        from compliance.report.json_report import finding_record
        from compliance.report.records import plan_record

        self.inputs.add(str(report.plan.path))
        self.statistics.add(report)
        plan = plan_record(report.plan)
        for finding in report.findings:
            place = finding_place(finding, report.plan)
            self._line(
                {
                    "type": "finding",
                    "plan": plan,
                    "finding": finding_record(finding),
                    "place": {"file": place.file, "line": place.line, "column": place.column, "locator": place.locator},
                }
            )

    def add_failure(self, failure: InputFailure) -> None:
        from compliance.report.json_report import failure_record

        self.inputs.add(failure.file)
        self.statistics.add_failure(failure.internal)
        self._line({"type": "input-error", "input_error": failure_record(failure)})

    def close(self) -> None:
        self.statistics.inputs = len(self.inputs)
        self._line({"type": "summary", "summary": self.statistics.record()})
