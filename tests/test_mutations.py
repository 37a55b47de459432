"""Mutation properties of the checker.

From a plan that passes against a reference, weakening any single target makes
the matching rule fire; tightening any target never adds a finding.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.checking import check
from compliance.loading.plans import loads_plan
from compliance.loading.yamlfile import read_yaml
from compliance.references import ReferenceLibrary

HERE = Path(__file__).parent / "mutation"
KINDS = ["women", "children"]


@cache
def reference(kind: str) -> dict[str, Any]:
    return json.loads(json.dumps(read_yaml(HERE / f"{kind}.yaml").data, ensure_ascii=False))


@cache
def library(kind: str) -> ReferenceLibrary:
    return ReferenceLibrary.load([HERE / f"{kind}.yaml"], bundled=False)


def passing_plan(kind: str) -> dict[str, Any]:
    """The county plan that copies its reference exactly: it passes."""
    plan = copy.deepcopy(reference(kind))
    plan["plan"].update(level="provincial", jurisdiction=["浙江省"], title="变异测试省规划")
    for target in plan["targets"]:
        target.pop("verified", None)
    return plan


def findings(document: dict[str, Any], kind: str) -> list[tuple[str, str]]:
    plan = loads_plan(json.dumps(document, ensure_ascii=False), "mutant.yaml")
    report = check(plan, library(kind))
    return sorted((f.rule, f.indicator_name or "-") for f in report.findings)


def tolerance(indicator: str, value: Decimal) -> Decimal:
    """The band half-width the checker uses (catalogue, else the default share of the value)."""
    from compliance.catalogue import load_catalogue
    from compliance.checks.base import check_settings

    entry = load_catalogue().match_indicator(indicator)
    if entry is not None and entry.band_tolerance is not None:
        return Decimal(entry.band_tolerance)
    return value * Decimal(str(check_settings()["default_band_tolerance_percent"])) / 100


def split(compact: str) -> tuple[str, Decimal, str]:
    op, value, unit = compact.split()
    return op, Decimal(value), unit


@pytest.mark.parametrize("kind", KINDS)
def test_the_copy_passes(kind: str) -> None:
    assert findings(passing_plan(kind), kind) == []


_amount = st.decimals(min_value=Decimal("0.1"), max_value=20, places=1)
MUTATION_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@MUTATION_SETTINGS
@given(st.sampled_from(KINDS), st.data(), _amount)
def test_weakening_a_bound_fires_weaker_threshold_or_band_deviation(kind: str, data: st.DataObject, amount: Decimal) -> None:
    plan = passing_plan(kind)
    index = data.draw(st.integers(0, len(plan["targets"]) - 1))
    target = plan["targets"][index]
    op, value, unit = split(target["target"])
    if op == "~":
        shifted = value + data.draw(st.sampled_from([-1, 1])) * (tolerance(target["indicator"], value) + amount)
        target["target"] = f"~ {shifted} {unit}"
        expected = "band-deviation"
    else:
        delta = value * amount / 20  # up to doubling (or zeroing) the bound: stays plausible
        weaker = value + delta if op in ("<=", "<") else value - delta
        target["target"] = f"{op} {weaker} {unit}"
        expected = "weaker-threshold"
    assert (expected, target["indicator"]) in findings(plan, kind)


@MUTATION_SETTINGS
@given(st.sampled_from(KINDS), st.data(), _amount)
def test_tightening_never_adds_a_finding(kind: str, data: st.DataObject, amount: Decimal) -> None:
    plan = passing_plan(kind)
    index = data.draw(st.integers(0, len(plan["targets"]) - 1))
    target = plan["targets"][index]
    op, value, unit = split(target["target"])
    if op == "~":
        tighter = value + data.draw(st.sampled_from([-1, 1])) * min(amount, tolerance(target["indicator"], value))
    elif op in ("<=", "<"):
        tighter = max(Decimal(0), value - amount)
    else:
        tighter = min(Decimal(100), value + amount)
    target["target"] = f"{op} {tighter} {unit}"
    assert findings(plan, kind) == []


@MUTATION_SETTINGS
@given(st.sampled_from(KINDS), st.data())
def test_dropping_an_indicator_fires_missing_indicator(kind: str, data: st.DataObject) -> None:
    plan = passing_plan(kind)
    dropped = plan["targets"].pop(data.draw(st.integers(0, len(plan["targets"]) - 1)))
    assert ("missing-indicator", dropped["indicator"]) in findings(plan, kind)


@MUTATION_SETTINGS
@given(st.sampled_from(KINDS), st.data())
def test_dropping_a_domain_fires_missing_domain(kind: str, data: st.DataObject) -> None:
    plan = passing_plan(kind)
    dropped = plan["domains"].pop(data.draw(st.integers(0, len(plan["domains"]) - 1)))
    for target in plan["targets"]:
        if target["domain"] == dropped:
            del target["domain"]
    assert ("missing-domain", "-") in findings(plan, kind)


@MUTATION_SETTINGS
@given(st.sampled_from(KINDS), st.data())
def test_replacing_a_number_by_a_word_fires_qualitative_only_or_direction_conflict(kind: str, data: st.DataObject) -> None:
    plan = passing_plan(kind)
    target = plan["targets"][data.draw(st.integers(0, len(plan["targets"]) - 1))]
    op, _, _ = split(target["target"])
    if op == "~":
        return  # a band has no direction to state
    lower_is_better = op in ("<=", "<")
    natural = data.draw(st.booleans())
    target["target"] = ("逐步降低" if lower_is_better else "逐步提高") if natural else ("逐步提高" if lower_is_better else "逐步降低")
    expected = "qualitative-only" if natural else "direction-conflict"
    assert (expected, target["indicator"]) in findings(plan, kind)


@MUTATION_SETTINGS
@given(st.data())
def test_writing_per_mille_as_percent_fires_implausible_value(data: st.DataObject) -> None:
    plan = passing_plan("children")
    per_mille = [t for t in plan["targets"] if t["target"].endswith("‰")]
    target = data.draw(st.sampled_from(per_mille))
    target["target"] = target["target"].replace("‰", "%")
    assert ("implausible-value", target["indicator"]) in findings(plan, "children")
