"""`--format github` (workflow commands that annotate the lines of a pull request) and `--format gitlab` (Code Quality).

GitHub Actions: one line per finding, `::error file=plans/a.yaml,line=12,col=5,title=CMP201 weaker-threshold::message`
— `error` for an error, `warning` for a warning, `notice` for info and for an
accepted (waived or baselined) finding, whose text says why it is accepted.
Values are escaped as the runner expects (%25, %0D, %0A; and %3A, %2C in properties).

GitLab Code Quality: a JSON array of issues (description, check_name,
fingerprint, severity, location.path, location.lines.begin), the report an
MR widget compares between the branch and its target by fingerprint — the
same stable fingerprint as SARIF's. Severity: error → major, warning → minor,
info → info; an accepted finding is info, with its reason; an unreadable
input is a blocker.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.report.ci import CollectingWriter, accepted_note, failure_places, finding_place, full_message
from compliance.report.formats import Writer

if TYPE_CHECKING:  # pragma: no cover
    from compliance.batch import InputFailure
    from compliance.checking import Report

GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
GITLAB_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_command(level: str, message: str, file: str, line: int | None, column: int | None, title: str) -> str:
    properties = [f"file={_escape_property(file)}"]
    if line:
        properties.append(f"line={line}")
        if column:
            properties.append(f"col={column}")
    properties.append(f"title={_escape_property(title)}")
    return f"::{level} {','.join(properties)}::{_escape_data(message)}"


def github_lines(report: Report) -> list[str]:
    lines = []
    for finding in report.findings:
        place = finding_place(finding, report.plan)
        note = accepted_note(finding)
        level = "notice" if note else GITHUB_LEVELS[finding.severity.value]
        message = full_message(finding)
        if place.locator:
            message = f"{place.locator}: {message}"
        if note:
            message = f"{note}: {message}"
        lines.append(github_command(level, message, place.file, place.line, place.column, f"{finding.code} {finding.rule}"))
    return lines


class GithubWriter(Writer):
    """Streams: each plan's annotations as it is checked."""

    def add(self, report: Report) -> None:
        for line in github_lines(report):
            self.out.write(line + "\n")

    def add_failure(self, failure: InputFailure) -> None:
        for place, text in failure_places(failure):
            self.out.write(github_command("error", text, place.file, place.line, place.column, "compliance: input error") + "\n")


def gitlab_issues(reports: list[Report], failures: list[InputFailure] | None = None) -> list[dict[str, Any]]:
    from compliance.acceptance.identity import fingerprints

    root = Path.cwd().resolve()
    issues: list[dict[str, Any]] = []
    for report in reports:
        for finding, fingerprint in zip(report.findings, fingerprints(report.findings, report.plan, root), strict=True):
            place = finding_place(finding, report.plan)
            note = accepted_note(finding)
            description = f"{finding.code} {finding.rule}: {full_message(finding)}"
            if place.locator:
                description = f"{place.locator}: {description}"
            if note:
                description += f" [{note}]"
            issues.append(
                {
                    "type": "issue",
                    "check_name": finding.rule,
                    "description": description,
                    "categories": ["Compliance"],
                    "fingerprint": fingerprint,
                    "severity": "info" if note else GITLAB_SEVERITIES[finding.severity.value],
                    "location": {"path": place.file, "lines": {"begin": place.start_line}},
                }
            )
    for failure in failures or []:
        for index, (place, text) in enumerate(failure_places(failure)):
            from hashlib import sha256

            issues.append(
                {
                    "type": "issue",
                    "check_name": "input-error",
                    "description": text,
                    "categories": ["Compliance"],
                    "fingerprint": sha256(f"input-error\x1f{place.file}\x1f{index}".encode()).hexdigest()[:32],
                    "severity": "blocker",
                    "location": {"path": place.file, "lines": {"begin": place.start_line}},
                }
            )
    return issues


class GitlabWriter(CollectingWriter):
    def write(self, reports: list[Report], failures: list[InputFailure]) -> None:
        self.out.write(json.dumps(gitlab_issues(reports, failures), ensure_ascii=False, indent=2))
        self.out.write("\n")
