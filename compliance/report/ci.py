"""What the CI formats share (SARIF, JUnit, GitHub and GitLab annotations, JSON lines): places and collecting.

A CI system wants each finding at a place in a file of the repository: the
plan file's entry (`file:line:column`), else the document's line, else the
waiver's entry, else the plan file itself. Paths are given relative to the
working directory (where a CI job runs, the repository's root) in POSIX form.

The writers receive each result as it comes (`compliance.report.formats`);
those that need the whole run (SARIF, JUnit, GitLab) collect it here. What
the CLI knows and a report does not (the docs URL, whether a baseline is in
use) comes through `WriterOptions.extra`: `settings`, `baseline`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from compliance.report.formats import Writer, WriterOptions

if TYPE_CHECKING:  # pragma: no cover
    from compliance.batch import InputFailure
    from compliance.checking import Report
    from compliance.checks import Finding
    from compliance.model import Plan


@dataclass(frozen=True)
class Place:
    """Where a CI system shows a finding."""

    file: str  # relative to the root when inside it, POSIX
    line: int | None = None
    column: int | None = None
    locator: str | None = None  # where a person finds it in a document (第2页第14行)

    @property
    def start_line(self) -> int:
        return self.line if self.line and self.line > 0 else 1


def relative(path: Path | str, root: Path | None = None) -> str:
    """`path` relative to `root` (the working directory) when inside it, else as given; POSIX."""
    root = (root or Path.cwd()).resolve()
    given = Path(path)
    try:
        return given.resolve().relative_to(root).as_posix()
    except (ValueError, OSError):
        return given.as_posix()


def finding_place(finding: Finding, plan: Plan, root: Path | None = None) -> Place:
    target = finding.plan_target
    if target is not None and target.position is not None:
        return Place(relative(target.position.file, root), target.position.line, target.position.column, target.locator)
    if target is not None and plan.path is not None:
        return Place(relative(plan.path, root), target.line, None, target.locator)
    if finding.position is not None:
        return Place(relative(finding.position.file, root), finding.position.line, finding.position.column)
    return Place(relative(plan.path, root) if plan.path is not None else "<plan>")


def reference_place(finding: Finding, root: Path | None = None) -> Place | None:
    """Where the reference target (or plan) the finding names is written."""
    if finding.reference is not None:
        target = finding.reference.target
        if target.position is not None:
            return Place(relative(target.position.file, root), target.position.line, target.position.column)
        return Place(relative(finding.reference.source.file, root))
    if finding.reference_plan is not None:
        return Place(relative(finding.reference_plan.file, root))
    return None


def failure_places(failure: InputFailure, root: Path | None = None) -> list[tuple[Place, str]]:
    """Each problem of an unreadable input, at its place, with its text."""
    return [
        (Place(relative(p.file, root), p.line, p.column), p.message + (f" ({p.hint})" if p.hint else ""))
        for p in failure.problems
    ]


def full_message(finding: Finding) -> str:
    """The finding's message with what to change, as one text."""
    text = finding.message
    if finding.suggestion:
        text += f" → {finding.suggestion}"
    return text


def accepted_note(finding: Finding) -> str | None:
    if finding.accepted is None:
        return None
    from compliance.report.text_report import accepted_text

    return accepted_text(finding)


class CollectingWriter(Writer):
    """A format that needs the whole run: collects results, then `write(reports, failures)` at close."""

    def __init__(self, out: IO[Any], options: WriterOptions | None = None) -> None:
        super().__init__(out, options)
        self.reports: list[Report] = []
        self.failures: list[InputFailure] = []

    def add(self, report: Report) -> None:
        self.reports.append(report)

    def add_failure(self, failure: InputFailure) -> None:
        self.failures.append(failure)

    def close(self) -> None:
        self.write(self.reports, self.failures)

    def write(self, reports: list[Report], failures: list[InputFailure]) -> None:  # pragma: no cover
        raise NotImplementedError

    @property
    def settings(self) -> Any:
        """The run's settings (compliance.Settings), when the command passed them; else defaults."""
        settings = self.options.extra.get("settings")
        if settings is None:
            from compliance.config import Settings

            settings = Settings()
        return settings

    @property
    def baseline_in_use(self) -> bool:
        return bool(self.options.extra.get("baseline"))
