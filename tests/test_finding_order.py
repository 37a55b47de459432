"""Findings of one target against several parents come the strictest first (docs/checking.md; trial defect 17).

The strictness is that of the value the plan is held to at its horizon: 嘉兴's 30% for
2025 comes before the national 30% for 2030, interpolated to 27.1% for 2025.
"""

from __future__ import annotations

import json
from functools import cache

from compliance.checking import check
from compliance.loading.plans import loads_plan
from compliance.references import ReferenceLibrary


@cache
def library() -> ReferenceLibrary:
    return ReferenceLibrary.load()


def county_plan(*targets: dict) -> object:
    document = {
        "format": "compliance-plan/1",
        "plan": {
            "title": "嘉善县妇女发展“十四五”规划",
            "kind": "women",
            "level": "county",
            "jurisdiction": ["浙江省", "嘉兴市", "嘉善县"],
            "period": [2021, 2025],
        },
        "domains": ["妇女参与决策管理", "妇女与健康"],
        "targets": list(targets),
    }
    return loads_plan(json.dumps(document, ensure_ascii=False), "jiashan-women.yaml")


def parents_in_order(report: object, indicator: str) -> list[str]:
    return [
        f.reference.source.plan.plan.level.value
        for f in report.findings  # type: ignore[attr-defined]
        if f.indicator == indicator and f.rule == "weaker-threshold"
    ]


def test_the_citys_30_percent_for_2025_comes_before_the_nationals_27_1_percent() -> None:
    plan = county_plan(
        {"indicator": "村民委员会成员中女性比例", "domain": "妇女参与决策管理", "target": ">= 25 %", "line": 38},
    )
    report = check(plan, library())
    assert parents_in_order(report, "female_share_village_committee") == ["municipal", "national"]
    held = [f.horizon.compared_value for f in report.findings if f.indicator == "female_share_village_committee"]
    assert held == sorted(held, reverse=True)  # higher is better: the highest demand first


def test_lower_is_better_puts_the_lowest_ceiling_first() -> None:
    """孕产妇死亡率 ≤ 15/10万: 嘉兴's <7 (2025) before the national 12 (2030), 14.45 for 2025."""
    plan = county_plan({"indicator": "孕产妇死亡率", "domain": "妇女与健康", "target": "<= 15 1/10万", "line": 10})
    report = check(plan, library())
    order = parents_in_order(report, "maternal_mortality")
    assert order[0] == "municipal" and "national" in order
