"""`--format junit`: JUnit XML, one test suite per plan and one test case per rule that ran on it.

A rule's test case fails (`<failure>`) when it has a finding that fails the
run (at or above `fail-on`, not accepted by a waiver or the baseline); its
other findings — warnings, info, accepted ones with their reason — are in the
case's `<system-out>`. An input that could not be read is a suite with one
case in `<error>`. Validated against the Jenkins JUnit schema (junit-10.xsd)
in the tests, so Jenkins, GitLab and Azure DevOps read it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree import ElementTree

from compliance.report.ci import CollectingWriter, accepted_note, failure_places, finding_place, full_message, relative

if TYPE_CHECKING:  # pragma: no cover
    from compliance.batch import InputFailure
    from compliance.checking import Report
    from compliance.checks import Finding


def _line(finding: Finding, report: Report) -> str:
    place = finding_place(finding, report.plan)
    where = place.file + (f":{place.line}" if place.line else "") + (f":{place.column}" if place.column else "")
    if place.locator:
        where += f" ({place.locator})"
    text = f"{where}: {finding.severity.value} {finding.code} {finding.rule}: {full_message(finding)}"
    note = accepted_note(finding)
    return text + (f" [{note}]" if note else "")


def _suite(report: Report) -> ElementTree.Element:
    from compliance.checks import RULES

    plan = report.plan
    file = relative(plan.path) if plan.path is not None else None
    name = plan.plan.title + (f" ({file})" if file else "")
    suite = ElementTree.Element("testsuite", {"name": name})
    if file:
        suite.set("file", file)
    tests = failures = 0
    for rule in RULES:
        if rule.name not in report.settings.select:
            continue
        tests += 1
        case = ElementTree.SubElement(suite, "testcase", {"classname": file or plan.plan.title, "name": f"{rule.code()} {rule.name}"})
        findings = [f for f in report.findings if f.rule == rule.name]
        failing = [f for f in findings if f.accepted is None and report.settings.fail_on.counts(f.severity)]
        if failing:
            failures += 1
            failure = ElementTree.SubElement(
                case, "failure", {"type": rule.code(), "message": f"{len(failing)} × {rule.name}: {full_message(failing[0])}"}
            )
            failure.text = "\n".join(_line(f, report) for f in failing)
        others = [f for f in findings if f not in failing]
        if others:
            ElementTree.SubElement(case, "system-out").text = "\n".join(_line(f, report) for f in others)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    return suite


def _failure_suite(failure: InputFailure) -> ElementTree.Element:
    file = relative(failure.file)
    suite = ElementTree.Element("testsuite", {"name": file, "file": file, "tests": "1", "failures": "0", "errors": "1"})
    case = ElementTree.SubElement(suite, "testcase", {"classname": file, "name": "read"})
    places = failure_places(failure)
    error = ElementTree.SubElement(case, "error", {"type": "input-error", "message": places[0][1] if places else file})
    error.text = "\n".join(
        place.file + (f":{place.line}" if place.line else "") + (f":{place.column}" if place.column else "") + f": {text}"
        for place, text in places
    )
    return suite


def junit_xml(reports: list[Report], failures: list[InputFailure] | None = None) -> str:
    """The JUnit XML of a run."""
    root = ElementTree.Element("testsuites", {"name": "compliance"})
    suites = [_suite(report) for report in reports] + [_failure_suite(failure) for failure in failures or []]
    root.extend(suites)
    for attribute in ("tests", "failures", "errors"):
        root.set(attribute, str(sum(int(suite.get(attribute, "0")) for suite in suites)))
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


class JunitWriter(CollectingWriter):
    def write(self, reports: list[Report], failures: list[InputFailure]) -> None:
        self.out.write(junit_xml(reports, failures))
