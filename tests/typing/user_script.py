"""A user's CI script: check plans with the project's settings, fail on new errors."""

from __future__ import annotations

import sys
from pathlib import Path

import compliance
from compliance import Finding, Report, Rule, Settings, Severity


def errors(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.severity is Severity.ERROR and f.accepted is None]


def rule_names(rules: tuple[type[Rule], ...]) -> list[str]:
    return [f"{rule.code()} {rule.name}" for rule in rules]


def main(paths: list[str]) -> int:
    settings: Settings = compliance.load_settings({"fail_on": "warning", "ignore": ["CMP403"]})
    failed = False
    for path in paths:
        report = compliance.check(compliance.load_plan(Path(path)), settings=settings)
        record: dict[str, object] = report.to_dict()
        for finding in errors(report):
            print(finding.code, finding.rule, finding.message, record["plan"])
        failed = failed or report.failed
    print(", ".join(rule_names(compliance.RULES)), settings.origin("fail-on")[0])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
