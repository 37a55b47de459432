"""A plan file without its optional `domains` list (trial defect 21): one info, never an error per parent domain."""

from __future__ import annotations

import json

from compliance.checking import check
from compliance.loading.plans import loads_plan
from compliance.checks import Severity


def county_women_plan(targets: list[dict], domains: list[str] | None = None) -> object:
    document = {
        "format": "compliance-plan/1",
        "plan": {
            "title": "嘉善县妇女发展“十四五”规划",
            "kind": "women",
            "level": "county",
            "jurisdiction": ["浙江省", "嘉兴市", "嘉善县"],
            "period": [2021, 2025],
        },
        "targets": targets,
    }
    if domains is not None:
        document["domains"] = domains
    return loads_plan(json.dumps(document, ensure_ascii=False), "plan.yaml")


def test_without_domains_one_info_names_the_parent_domains_no_target_falls_in() -> None:
    report = check(county_women_plan([{"indicator": "孕产妇死亡率", "target": "控制在7/10万以下"}]))
    (domains,) = [f for f in report.findings if f.rule == "missing-domain"]
    assert domains.severity is Severity.INFO and domains.domain is None
    zh = domains.render_message("zh")
    assert "未列出领域" in zh and "妇女与法律" in zh and "妇女与健康" not in zh  # 孕产妇死亡率 is a health target


def test_a_targets_own_domain_counts_as_covered() -> None:
    report = check(
        county_women_plan(
            [
                {"indicator": "孕产妇死亡率", "target": "控制在7/10万以下"},
                {"indicator": "自拟的法治指标", "target": "达到90%以上", "domain": "妇女与法律"},
            ]
        )
    )
    (domains,) = [f for f in report.findings if f.rule == "missing-domain"]
    assert "妇女与法律" not in domains.render_message("zh")


def test_listed_domains_are_each_checked_as_before() -> None:
    report = check(county_women_plan([{"indicator": "孕产妇死亡率", "target": "控制在7/10万以下"}], domains=["妇女与健康"]))
    missing = [f for f in report.findings if f.rule == "missing-domain"]
    assert len(missing) == 7 and {f.severity for f in missing} == {Severity.ERROR}
