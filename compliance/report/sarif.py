"""`--format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps), validated against the OASIS schema in the tests.

- One run; the tool's driver lists every rule: its code as `id`, name, title
  and summary, its documentation as `help` (text and Markdown) and, when the
  settings give `docs-url`, a `helpUri` to its section of docs/rules.md (rules.zh.md in Chinese); the
  default severity as `defaultConfiguration.level`.
- One result per finding: `level` from the severity (error, warning, info →
  note), the message with what to change, the physical location (the plan
  file's entry — line and column — or the document's line, or the waiver's
  entry), the reference target as a related location, and a fingerprint that
  is the same in every run (rule, plan, indicator, reference, never the line:
  compliance.acceptance.identity), so code scanning tracks a finding across
  commits.
- A waived finding carries a `suppressions` entry (kind external, status
  accepted, the waiver's reason and approver as justification); when a
  baseline is in use each result has `baselineState` (`unchanged` for a
  baselined finding, `new` otherwise).
- An input that could not be read is a tool execution notification of the
  invocation, which is then not successful.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance import __version__
from compliance.report.ci import CollectingWriter, Place, failure_places, finding_place, full_message, reference_place

if TYPE_CHECKING:  # pragma: no cover
    from compliance.batch import InputFailure
    from compliance.checking import Report
    from compliance.checks import Finding

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT_ID = "SRCROOT"
FINGERPRINT = "complianceFinding/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def rule_descriptors(docs_url: str | None = None) -> list[dict[str, Any]]:
    """Every rule as a SARIF reportingDescriptor, in registry order."""
    from compliance.checks import RULES
    from compliance.messages import language, msg
    from compliance.report.rule_docs import page_name

    descriptors = []
    for rule in RULES:
        descriptor: dict[str, Any] = {
            "id": rule.code(),
            "name": rule.name,
            "shortDescription": {"text": str(msg(f"{rule.name}.title"))},
            "fullDescription": {"text": str(msg(f"{rule.name}.summary"))},
            "help": {"text": rule.doc(), "markdown": rule.doc()},
            "defaultConfiguration": {"level": LEVELS[rule.severity().value]},
            "properties": {"tags": [rule.family], "family": rule.family},
        }
        if docs_url:
            descriptor["helpUri"] = f"{docs_url.rstrip('/')}/{page_name(language())}#{rule.code().lower()}"
        descriptors.append(descriptor)
    return descriptors


def _location(place: Place, message: str | None = None) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": place.file}
    if not Path(place.file).is_absolute():
        artifact["uriBaseId"] = ROOT_ID
    else:
        artifact["uri"] = Path(place.file).as_uri()
    region: dict[str, Any] = {"startLine": place.start_line}
    if place.column:
        region["startColumn"] = place.column
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact, "region": region}}
    if message:
        location["message"] = {"text": message}
    return location


def _result(finding: Finding, report: Report, rule_index: dict[str, int], fingerprint: str, baseline: bool) -> dict[str, Any]:
    place = finding_place(finding, report.plan)
    message = full_message(finding)
    if place.locator:
        message = f"{place.locator}: {message}"
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": LEVELS[finding.severity.value],
        "message": {"text": message},
        "locations": [_location(place)],
        "fingerprints": {FINGERPRINT: fingerprint},
        "partialFingerprints": {FINGERPRINT: fingerprint},
        "properties": {
            "rule": finding.rule,
            "severity": finding.severity.value,
            "indicator": finding.indicator,
            "indicator_name": finding.indicator_name,
            "domain": finding.domain,
            "plan": report.plan.plan.title,
            "locator": place.locator,
        },
    }
    reference = reference_place(finding)
    if reference is not None:
        words = finding.reference.target.text if finding.reference is not None else None
        title = (finding.reference.source if finding.reference is not None else finding.reference_plan).plan.plan.title  # type: ignore[union-attr]
        result["relatedLocations"] = [{"id": 1, **_location(reference, f"《{title}》" + (f": {words}" if words else ""))}]
        if finding.reference is not None:
            result["properties"]["reference_verified"] = finding.reference.verified
    accepted = finding.accepted
    if accepted is not None and accepted.kind == "waiver":
        justification = f"{accepted.reason} ({accepted.approved_by}" + (f", until {accepted.expires}" if accepted.expires else "") + ")"
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": justification}]
    if baseline:
        result["baselineState"] = "unchanged" if accepted is not None and accepted.kind == "baseline" else "new"
    return result


def sarif_log(
    reports: list[Report],
    failures: list[InputFailure] | None = None,
    *,
    docs_url: str | None = None,
    baseline: bool = False,
    root: Path | None = None,
) -> dict[str, Any]:
    """The SARIF log of a run (JSON-ready)."""
    from compliance.acceptance.identity import fingerprints

    root = (root or Path.cwd()).resolve()
    rules = rule_descriptors(docs_url)
    rule_index = {descriptor["id"]: index for index, descriptor in enumerate(rules)}
    results = []
    for report in reports:
        for finding, fingerprint in zip(report.findings, fingerprints(report.findings, report.plan, root), strict=True):
            results.append(_result(finding, report, rule_index, fingerprint, baseline))
    notifications = [
        {"level": "error", "message": {"text": text}, "locations": [_location(place)]}
        for failure in failures or []
        for place, text in failure_places(failure, root)
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "compliance",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {ROOT_ID: {"uri": root.as_uri() + "/"}},
                "invocations": [invocation],
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


class SarifWriter(CollectingWriter):
    def write(self, reports: list[Report], failures: list[InputFailure]) -> None:
        log = sarif_log(reports, failures, docs_url=self.settings.docs_url, baseline=self.baseline_in_use)
        self.out.write(json.dumps(log, ensure_ascii=False, indent=2))
        self.out.write("\n")
