"""The 14 county plans under 嘉兴市 (issue 11): every planted violation is found, and no finding is a false error.

The plans (tests/counties/plans/) are 嘉兴市's own plan adapted by each of its seven
counties, completed from the example plans for the national indicators the city leaves
out, with two violations planted in each (tests/counties/make_plans.py). The figures:

    .venv/bin/python -m pytest -q tests/test_counties.py
    .venv/bin/compliance check tests/counties/plans --format json
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

from compliance.checking import check
from compliance.loading.plans import load_plan
from compliance.references import ReferenceLibrary

HERE = Path(__file__).parent / "counties"
sys.path.insert(0, str(HERE))

import make_plans  # noqa: E402

FILES = sorted(p.name for p in make_plans.PLANS.glob("*.yaml"))


@cache
def library() -> ReferenceLibrary:
    return ReferenceLibrary.load()


def planted(name: str) -> list[tuple[str, str]]:
    """The violations the file's header says were planted."""
    line = (make_plans.PLANS / name).read_text(encoding="utf-8").splitlines()[1]
    return [tuple(item.split()) for item in line.removeprefix("# Planted violations: ").split("; ")]  # type: ignore[misc]


def key(finding: object) -> tuple[str, str]:
    return (finding.rule, finding.indicator or finding.indicator_name or "-")  # type: ignore[attr-defined]


def test_the_set_is_the_seven_counties_times_women_and_children() -> None:
    assert len(FILES) == 14
    plans = [load_plan(make_plans.PLANS / name) for name in FILES]
    assert {p.plan.jurisdiction[2] for p in plans} == set(make_plans.COUNTIES)
    assert sorted(p.plan.kind.value for p in plans) == ["children"] * 7 + ["women"] * 7
    kinds = {rule for name in FILES for rule, _ in planted(name)}
    assert len(kinds) >= 10  # the violations are of many kinds, not one


def test_the_committed_plans_are_what_the_generator_makes() -> None:
    for name, (plan, violations) in make_plans.county_plans().items():
        written = (make_plans.PLANS / name).read_text(encoding="utf-8")
        assert written == make_plans.render(plan, violations), f"{name}: run python tests/counties/make_plans.py"


@pytest.mark.parametrize("name", FILES)
def test_every_planted_violation_is_found_and_no_error_is_false(name: str) -> None:
    report = check(load_plan(make_plans.PLANS / name), library())
    found = {key(f) for f in report.findings}
    errors = {key(f) for f in report.findings if f.severity.value == "error"}
    assert [p for p in planted(name) if p not in found] == [], "a planted violation was missed"
    assert errors - set(planted(name)) == set(), "a false error"


def test_without_the_violations_a_county_copy_has_no_error() -> None:
    """The base of every plan — the city's plan, adapted and completed — passes: what is left is info and warnings."""
    for index, county in enumerate(make_plans.COUNTIES):
        for kind in ("women", "children"):
            report = make_plans._check(make_plans.adapted(kind, county, index))
            assert [key(f) for f in report.findings if f.severity.value == "error"] == [], (county, kind)
            assert "shared-target" in {f.rule for f in report.findings}  # the city's shares: told, not demanded
