"""Findings a reviewer can accept unread (issue 11): what the rule cases in tests/cases cannot say alone.

Each test names the false or misleading finding it guards against.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compliance.checking import check
from compliance.errors import InputError
from compliance.loading.plans import load_plan, loads_plan
from compliance.references import ReferenceLibrary

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "cases"
MUNICIPAL = CASES / "references-municipal"
JIAXING = ROOT / "reference_targets" / "zhejiang" / "jiaxing"


def county_plan(kind: str, targets: list[dict], domains: list[str] | None = None, county: str = "海宁市") -> object:
    word = "妇女" if kind == "women" else "儿童"
    document = {
        "format": "compliance-plan/1",
        "plan": {
            "title": f"{county}{word}发展“十四五”规划",
            "kind": kind,
            "level": "county",
            "jurisdiction": ["浙江省", "嘉兴市", county],
            "period": [2021, 2025],
        },
        "domains": domains or [],
        "targets": targets,
    }
    return loads_plan(json.dumps(document, ensure_ascii=False), "county.yaml")


def municipal_library() -> ReferenceLibrary:
    return ReferenceLibrary.load([MUNICIPAL], bundled=False)


# ---------------------------------------------------------------- 2. one indicator, one finding


def test_a_target_stated_in_the_table_and_the_text_is_one_finding_naming_both() -> None:
    plan = county_plan("women", [{"indicator": "孕产妇死亡率", "target": "< 7 1/10万"}])
    report = check(plan, municipal_library())
    (missing,) = [f for f in report.findings if f.rule == "missing-indicator"]
    assert missing.indicator == "premarital_medical_examination"
    assert [s.target.line for s in [missing.reference, *missing.other_statements]] == [47, 186]
    assert "sets > 85 % (indicator table, line 47), >= 85 % (measures, line 186)" in missing.render_message("en")
    assert "上级《测试嘉兴市妇女发展规划》要求高于85%（指标表第47行）、达到85%以上（策略措施第186行）" in missing.render_message("zh")


def test_a_weaker_target_against_a_restated_one_is_one_finding_naming_both() -> None:
    plan = county_plan(
        "women",
        [{"indicator": "孕产妇死亡率", "target": "< 7 1/10万"}, {"indicator": "婚前医学检查率", "target": ">= 80 %"}],
    )
    report = check(plan, municipal_library())
    (weaker,) = [f for f in report.findings if f.indicator == "premarital_medical_examination"]
    assert weaker.rule == "weaker-threshold"
    assert weaker.reference.target.target.op.value == ">"  # the stricter statement is compared
    assert [s.target.line for s in weaker.other_statements] == [186]
    from compliance.report.json_report import finding_record
    from compliance.report.text_report import render_text

    assert finding_record(weaker)["other_statements"][0]["line"] == 186
    assert "also 《测试嘉兴市妇女发展规划》 [verified]: 婚前医学检查率保持在85％以上" in render_text(report)


def test_the_bundled_jiaxing_plans_restate_targets_that_a_county_meets_once() -> None:
    """嘉兴 states 婚前医学检查率 as >85 (table) and ≥85 (text): a county below both gets one finding naming both;
    a county copying the text's own words meets it (no boundary-only warning: trial defect 22)."""
    plan = county_plan("women", [{"indicator": "婚前医学检查率", "target": "保持在80%以上"}])
    found = [f for f in check(plan).findings if f.indicator == "premarital_medical_examination"]
    assert [f.rule for f in found] == ["weaker-threshold"]
    assert len(found[0].other_statements) == 1
    plan = county_plan("women", [{"indicator": "婚前医学检查率", "target": "保持在85%以上"}])
    assert [f.rule for f in check(plan).findings if f.indicator == "premarital_medical_examination"] == []


# ---------------------------------------------------------------- 3. scopes


def test_bundled_jiaxing_targets_carry_their_scope() -> None:
    women = load_plan(JIAXING / "women-2021-2025.yaml")
    children = load_plan(JIAXING / "children-2021-2025.yaml")
    scopes = {t.indicator: str(t.scope) for t in women.targets + children.targets if t.scope is not None}
    assert scopes == {
        "市级人大代表中女性比例": "own",
        "市级政协委员中女性比例": "own",
        "县（市、区）党委领导班子中配有女干部的班子比例": "share of counties",
        "县（市、区）政府领导班子中配有女干部的班子比例": "share of counties",
        "建立妇女活动中心的县（市、区）比例": "share of counties",
        "新增省示范家长学校和家庭教育指导服务站点数": "share of counties",
        "建立儿童活动中心的县（市、区）比例": "share of counties",
        "成功创建全国义务教育优质均衡发展县的县（市、区）比例": "share of counties",
        "新建优质观护帮教基地数": "share of counties",
        "县（市、区）儿童活动中心覆盖率": "share of counties",
    }


def test_a_county_is_never_demanded_a_share_of_counties() -> None:
    """Today: 建立妇女活动中心的县（市、区）比例 100% was a missing-indicator error for every county."""
    plan = county_plan("women", [{"indicator": "孕产妇死亡率", "target": "< 7 1/10万"}])
    report = check(plan)
    by_indicator = {f.indicator_name: f for f in report.findings}
    share = by_indicator["建立妇女活动中心的县（市、区）比例"]
    assert (share.rule, share.severity.value) == ("shared-target", "info")
    assert "海宁市's part is to meet it itself" in share.message
    assert "市级人大代表中女性比例" not in by_indicator
    assert not [f for f in report.findings if f.rule == "missing-indicator" and "县（市、区）" in (f.indicator_name or "")]


def test_a_share_of_counties_without_a_mark_is_found_by_its_name() -> None:
    plan = county_plan("women", [{"indicator": "孕产妇死亡率", "target": "< 7 1/10万"}])
    report = check(plan, municipal_library())
    (share,) = [f for f in report.findings if f.indicator == "women_activity_centre_county_share"]
    assert share.rule == "shared-target" and "rules/scopes.yaml:" in share.reference.scope.origin


def test_a_scope_is_validated_with_its_position(tmp_path: Path) -> None:
    text = (MUNICIPAL / "city-women.yaml").read_text(encoding="utf-8").replace("scope: own", "scope: city")
    (tmp_path / "city.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_plan(tmp_path / "city.yaml")
    (problem,) = error.value.problems
    assert problem.line == text.splitlines().index("    scope: city") + 1
    assert "scope" in problem.path


# ---------------------------------------------------------------- 8. the unverified wording fits the source


def test_a_users_unverified_reference_is_not_said_to_be_recalled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    refs = tmp_path / "my-refs"
    refs.mkdir()
    text = (MUNICIPAL / "city-women.yaml").read_text(encoding="utf-8")
    (refs / "jiaxing-women.yaml").write_text(text.replace("verified: true", "verified: false"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    plan = county_plan("women", [{"indicator": "孕产妇死亡率", "target": "< 8 1/10万"}])
    report = check(plan, [refs])
    (weaker,) = [f for f in report.findings if f.rule == "weaker-threshold" and f.reference.source.origin == "user"]
    assert "not marked verified in my-refs/jiaxing-women.yaml" in weaker.message
    assert "recalled" not in weaker.message
    bundled = [f for f in report.findings if f.reference is not None and f.reference.source.origin == "bundled"]
    assert any("recalled, not verified" in f.message for f in bundled if not f.reference.verified)


def test_name_shapes_give_the_scope_of_an_unmarked_reference(tmp_path: Path) -> None:
    """A reference of the user's own (or one built by `targets build`) carries no scope marks: the shapes decide."""
    city = {
        "format": "compliance-plan/1",
        "plan": {"title": "某市儿童发展规划", "kind": "children", "level": "municipal", "jurisdiction": ["浙江省", "嘉兴市"], "period": [2021, 2025]},
        "targets": [
            {"indicator": "在5年内新建优质观护帮教基地", "target": ">= 10 个"},  # a city total: the counties' together
            {"indicator": "县（市、区）成功创建全国义务教育优质均衡发展县（市、区）", "target": ">= 85 %"},  # a share
            {"indicator": "各县（市、区）危重新生儿救治中心", "target": ">= 1 家"},  # one in each county
        ],
    }
    (tmp_path / "city.yaml").write_text(json.dumps(city, ensure_ascii=False), encoding="utf-8")
    plan = county_plan("children", [{"indicator": "各县（市、区）危重新生儿救治中心", "target": ">= 1 家"}])
    report = check(plan, ReferenceLibrary.load([tmp_path], bundled=False))
    rules = {f.indicator_name: f.rule for f in report.findings if f.reference is not None}
    assert rules == {
        "在5年内新建优质观护帮教基地": "shared-target",
        "县（市、区）成功创建全国义务教育优质均衡发展县（市、区）": "shared-target",
    }  # and the count per county is held (met): no finding
    shares = [f for f in report.findings if f.rule == "shared-target"]
    assert {str(f.reference.scope) for f in shares} == {"share of units below", "share of counties"}


# ---------------------------------------------------------------- 7. unknown indicators: one counted line


def test_unknown_indicators_are_one_counted_line_in_the_text_report_unless_asked() -> None:
    from click.testing import CliRunner

    from compliance.cli import main

    plan = str(ROOT / "examples" / "plans" / "jinan-shizhong-children-2021-2025.yaml")
    runner = CliRunner()
    grouped = runner.invoke(main, ["check", plan, "--lang", "en"]).stdout
    listed = runner.invoke(main, ["check", plan, "--lang", "en", "--show-unknown"]).stdout
    as_json = json.loads(runner.invoke(main, ["check", plan, "--format", "json"]).stdout)
    unknown = [f for r in as_json["reports"] for f in r["findings"] if f["rule"] == "unknown-indicator"]
    assert len(unknown) >= 2  # the JSON report keeps each
    assert grouped.count("CMP403") == 1
    assert f"{len(unknown)} targets name indicators the catalogue does not know" in grouped
    assert listed.count("CMP403") == len(unknown)
    for finding in unknown:
        assert finding["indicator_name"] in listed
    chinese = runner.invoke(main, ["check", plan, "--lang", "zh"]).stdout
    assert f"有{len(unknown)}项目标的指标不在指标目录中" in chinese
