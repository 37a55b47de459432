"""Places in messages are the document's own, and a place nobody knows is left out, never 第?行 (trial defects 18, 19)."""

from __future__ import annotations

import json

from compliance.checking import check
from compliance.loading.plans import loads_plan
from compliance.messages import using


def county_plan(kind: str, targets: list[dict]) -> object:
    word = "妇女" if kind == "women" else "儿童"
    document = {
        "format": "compliance-plan/1",
        "plan": {
            "title": f"海盐县{word}发展“十四五”规划",
            "kind": kind,
            "level": "county",
            "jurisdiction": ["浙江省", "嘉兴市", "海盐县"],
            "period": [2021, 2025],
        },
        "targets": targets,
    }
    return loads_plan(json.dumps(document, ensure_ascii=False), "county.yaml")


def test_another_parents_statement_without_a_line_names_no_line() -> None:
    """嘉兴 and the national outline both set 国家学生体质健康标准达标优良率; the national file has no lines."""
    from compliance.report.text_report import render_text

    report = check(county_plan("children", [{"indicator": "新生儿死亡率", "target": "< 2.5 ‰"}]))
    (missing,) = [f for f in report.findings if f.indicator == "student_fitness_good_rate"]
    assert [s.target.line for s in missing.other_statements] == [None]
    with using("zh"):
        zh = render_text(report)
    with using("en"):
        en = render_text(report)
    assert "另见《中国儿童发展纲要（2021—2030年）》" in zh and "第?行" not in zh and "第None行" not in zh
    assert "also 《中国儿童发展纲要（2021—2030年）》" in en and "line ?" not in en


def test_conflicting_targets_name_the_documents_own_places() -> None:
    """A .docx's targets are found by paragraph (第45段), so the message says 第45段, as the finding's locator does."""
    plan = county_plan(
        "women",
        [
            {"indicator": "孕产妇死亡率", "target": "< 7 1/10万", "line": 45, "locator": "第45段"},
            {"indicator": "孕产妇死亡率", "target": "< 9 1/10万", "line": 47, "locator": "第47段"},
        ],
    )
    (conflict,) = [f for f in check(plan).findings if f.rule == "conflicting-targets"]
    assert "第45段为低于7/10万，第47段为低于9/10万" in conflict.render_message("zh")
    assert "行" not in conflict.render_message("zh").split("：", 1)[1]


def test_conflicting_targets_without_any_place_say_no_place() -> None:
    from compliance.model import Plan

    plan = county_plan(
        "women",
        [{"indicator": "孕产妇死亡率", "target": "< 7 1/10万"}, {"indicator": "孕产妇死亡率", "target": "< 9 1/10万"}],
    )
    assert isinstance(plan, Plan)
    for target in plan.targets:
        target.position = None  # a plan made in code: nothing says where its targets are
    (conflict,) = [f for f in check(plan).findings if f.rule == "conflicting-targets"]
    zh = conflict.render_message("zh")
    assert "?" not in zh and "None" not in zh and "一处为" in zh and "另一处为" in zh


def test_a_restated_shared_target_names_where_the_plan_restates_it() -> None:
    plan = county_plan("women", [{"indicator": "建立妇女活动中心的县（市、区）比例", "target": ">= 100 %"}])
    (shared,) = [f for f in check(plan).findings if f.rule == "shared-target" and f.plan_target is not None]
    zh = shared.render_message("zh")
    assert "第?行" not in zh and "（本规划county.yaml:" in zh and "照录了该目标）" in zh
    for target in plan.targets:
        target.position = None
    (shared,) = [f for f in check(plan).findings if f.rule == "shared-target" and f.plan_target is not None]
    assert "（本规划照录了该目标）" in shared.render_message("zh")


def test_a_full_coverage_target_reads_100_percent_never_100_percent_or_more() -> None:
    """A share of 100% cannot be exceeded: the reader's phrase is 达到100%, not 达到100%以上 (trial note 23)."""
    from compliance.model import TargetValue
    from compliance.phrases import parse, render

    phrase = render("建立妇女活动中心的县（市、区）比例", TargetValue(op=">=", value=100, unit="%"))
    assert phrase == "建立妇女活动中心的县（市、区）比例达到100%"
    (back,) = parse(phrase)
    assert (back.op.value, back.value, back.unit) == (">=", 100, "%")
    assert render("指标", TargetValue(op=">=", value=95, unit="%")) == "指标达到95%以上"
    plan = county_plan("women", [{"indicator": "孕产妇死亡率", "target": "< 7 1/10万"}])
    shared = [f.render_message("zh") for f in check(plan).findings if f.rule == "shared-target"]
    assert any("达到100%是对所辖" in m for m in shared) and not any("100%以上" in m for m in shared)
