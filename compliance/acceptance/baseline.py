"""The baseline: the findings a repository has today, so that CI fails only on new ones.

`compliance check plans/ --write-baseline compliance-baseline.json` records
every finding (except waived ones and those about the waivers file); a later
`--baseline compliance-baseline.json` marks the findings found in it as
accepted (`baselined`): shown, not counted against the exit code. A finding
is matched by rule, plan file, what it is about (indicator, domain or
reference plan) and the reference it was compared with — never by line, so
edits elsewhere in a plan do not break the baseline. Two identical findings
need two entries (each entry has a count). Plan files are named relative to
the baseline's folder, so the check may run from anywhere.

Writing replaces the named file when it does not exist or is itself a
baseline (the user names it to rewrite it); any other file only with --force,
and never one of the inputs; otherwise the run stops with exit code 2 before
anything is checked. The file is written atomically (compliance.files.OutputFile).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance import __version__
from compliance.acceptance.identity import FindingKey, finding_key, plan_label
from compliance.checks.base import Acceptance
from compliance.errors import InputError
from compliance.messages import text

if TYPE_CHECKING:  # pragma: no cover
    from compliance.checking import Report
    from compliance.checks import Finding

FORMAT = "compliance-baseline/1"
SCHEMA = Path(__file__).with_name("baseline.schema.json")
NOT_BASELINED = ("waivers",)  # rule families about the waivers file: fix the file instead


@dataclass
class Baseline:
    """A baseline file's findings, counted by identity."""

    file: Path
    counts: Counter[FindingKey] = field(default_factory=Counter)

    @property
    def root(self) -> Path:
        return self.file.parent


@cache
def _families() -> dict[str, str]:
    from compliance.checks import RULES

    return {rule.name: rule.family for rule in RULES}


def _counted(finding: Finding) -> bool:
    return finding.accepted is None and _families().get(finding.rule) not in NOT_BASELINED


class BaselineRecorder:
    """Gathers the findings of reports as they come, for a baseline written at the end."""

    def __init__(self, path: Path | str, *, force: bool = False, inputs: Iterable[Path | str] = ()) -> None:
        from compliance.files import OutputFile

        self.path = Path(path)
        # checked before anything is checked: a baseline is rewritten when named, any other file only with --force,
        # an input never (compliance.files.OutputFile writes atomically)
        self.output = OutputFile(str(path), force=force or _is_baseline(self.path), inputs=inputs).check()
        self.root = self.path.parent.resolve()
        self.counts: Counter[FindingKey] = Counter()
        self.details: dict[FindingKey, Finding] = {}
        self.acceptance = Acceptance("baseline", str(self.path))

    def add(self, report: Report) -> None:
        """Record the report's findings, and accept them: the run that writes a baseline passes on them."""
        label = plan_label(report.plan, self.root)
        for finding in report.findings:
            if _counted(finding):
                key = finding_key(finding, report.plan, label=label)
                self.counts[key] += 1
                self.details.setdefault(key, finding)
                finding.accepted = self.acceptance

    def record(self) -> dict[str, Any]:
        """The baseline as JSON-ready data (entries sorted, so that a rewrite diffs cleanly)."""
        return {
            "format": FORMAT,
            "tool": f"compliance {__version__}",
            "findings": [
                {
                    "rule": key.rule,
                    "code": self.details[key].code,
                    "plan": key.plan,
                    "subject": key.subject,
                    "reference": key.reference,
                    "count": self.counts[key],
                    "severity": self.details[key].severity.value,
                    "indicator_name": self.details[key].indicator_name,
                }
                for key in sorted(self.counts)
            ],
        }

    def write(self) -> int:
        """Write the baseline (through a temporary file); the number of findings recorded."""
        self.output.write(json.dumps(self.record(), ensure_ascii=False, indent=2) + "\n")
        return sum(self.counts.values())


def write_baseline(reports: Iterable[Report], path: Path | str) -> int:
    """Write the baseline of `reports` to `path` (never over a file that is not a baseline); the findings recorded."""
    recorder = BaselineRecorder(path)
    for report in reports:
        recorder.add(report)
    return recorder.write()


def _is_baseline(path: Path) -> bool:
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("format") == FORMAT
    except (OSError, UnicodeDecodeError, ValueError, AttributeError):
        return False


def load_baseline(path: Path | str) -> Baseline:
    """A baseline file; InputError with positions for a broken one."""
    from compliance.loading.validate import validate
    from compliance.loading.yamlfile import read_yaml

    path = Path(path)
    if not path.is_file():
        raise InputError.single(str(path), text("baseline.no-file"), hint=text("baseline.no-file-hint"))
    document = read_yaml(path)
    problems = validate(document, SCHEMA)
    if problems:
        raise InputError(problems)
    baseline = Baseline(path.resolve())
    for entry in document.data["findings"]:
        baseline.counts[FindingKey(entry["rule"], entry["plan"], entry["subject"], entry["reference"])] += entry["count"]
    return baseline


class BaselineMatcher:
    """Accepts, report by report, the findings a baseline holds (each recorded one once)."""

    def __init__(self, baseline: Baseline) -> None:
        self.baseline = baseline
        self.remaining = Counter(baseline.counts)
        self.plans: set[str] = set()
        self.acceptance = Acceptance("baseline", str(baseline.file))

    def add(self, report: Report) -> None:
        label = plan_label(report.plan, self.baseline.root)
        self.plans.add(label)
        for finding in report.findings:
            if not _counted(finding):
                continue
            key = finding_key(finding, report.plan, label=label)
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
                finding.accepted = self.acceptance

    def stale(self) -> int:
        """Recorded findings of the plans seen that no longer occur."""
        return sum(count for key, count in self.remaining.items() if key.plan in self.plans and count > 0)


def apply_baseline(reports: Iterable[Report], baseline: Baseline) -> int:
    """Accept the findings the baseline holds; the number of baseline entries of these plans no longer found."""
    matcher = BaselineMatcher(baseline)
    for report in reports:
        matcher.add(report)
    return matcher.stale()
