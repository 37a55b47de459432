"""Every rule's failing and passing cases (tests/cases/*.yaml) give exactly the expected findings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compliance.checking import check
from compliance.checks import RULES
from compliance.loading.plans import loads_plan
from compliance.loading.yamlfile import read_yaml
from compliance.references import ReferenceLibrary

CASES = Path(__file__).parent / "cases"
DEFAULT_PLAN = {
    "title": "测试省妇女发展规划（2021—2030年）",
    "kind": "women",
    "level": "provincial",
    "jurisdiction": ["浙江省"],
    "period": [2021, 2030],
}


def load_cases() -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for path in sorted(CASES.glob("*.yaml")):
        data = read_yaml(path).data
        for case in data["cases"]:
            case.setdefault("references", data.get("references", "references"))
            found.append((path.stem, case["name"], case))
    return found


ALL = load_cases()


def run_case(case: dict[str, Any]) -> list[str]:
    document = {
        "format": "compliance-plan/1",
        "plan": {**DEFAULT_PLAN, **case.get("plan", {})},
        "domains": case.get("domains", ["妇女与健康", "妇女与经济"]),
        "targets": case.get("targets", []),
        "unparsed": case.get("unparsed", []),
    }
    plan = loads_plan(json.dumps(document, ensure_ascii=False), "case.yaml")
    library = ReferenceLibrary.load([CASES / case["references"]], bundled=False)
    report = check(plan, library, **case.get("options", {}))
    if "waivers" in case:
        from compliance.acceptance import apply_waivers, parse_waivers

        waivers = {"format": "compliance-waivers/1", "waivers": case["waivers"]}
        apply_waivers([report], parse_waivers(json.dumps(waivers, ensure_ascii=False, default=str), "waivers.yaml"))
        return sorted(f"{f.rule} {f.indicator or f.indicator_name or '-'}" for f in report.findings if f.accepted is None)
    return sorted(f"{f.rule} {f.indicator or f.indicator_name or '-'}" for f in report.findings)


@pytest.mark.parametrize(("rule_file", "name", "case"), ALL, ids=[f"{r}: {n}" for r, n, _ in ALL])
def test_case(rule_file: str, name: str, case: dict[str, Any]) -> None:
    assert run_case(case) == sorted(case["expect"]), name


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    for rule in RULES:
        cases = [case for file, _, case in ALL if file == rule.name]
        fails = [c for c in cases if any(e.split()[0] == rule.name for e in c["expect"])]
        passes = [c for c in cases if not any(e.split()[0] == rule.name for e in c["expect"])]
        assert fails and passes, f"{rule.name} needs a failing and a passing case in tests/cases/{rule.name}.yaml"
