"""Rules overlays (issue 11): the user's folder merged over the bundled rules/, validated with positions in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.catalogue import load_catalogue
from compliance.checking import check
from compliance.cli import main
from compliance.errors import InputError
from compliance.loading.plans import loads_plan
from compliance.references import ReferenceLibrary

CASES = Path(__file__).parent / "cases"


def overlay(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "my-rules"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def children_plan(*targets: dict) -> object:
    document = {
        "format": "compliance-plan/1",
        "plan": {"title": "测试省儿童发展规划", "kind": "children", "level": "provincial", "jurisdiction": ["浙江省"], "period": [2021, 2030]},
        "domains": ["儿童与健康", "儿童与教育"],
        "targets": list(targets),
    }
    return loads_plan(json.dumps(document, ensure_ascii=False), "plan.yaml")


def library() -> ReferenceLibrary:
    return ReferenceLibrary.load([CASES / "references-typo"], bundled=False)


BASE = [{"indicator": "婴儿死亡率", "target": "<= 5 ‰"}]


def rules_of(report: object) -> list[tuple[str, str | None, str]]:
    return sorted((f.rule, f.indicator, f.severity.value) for f in report.findings)  # type: ignore[attr-defined]


def test_an_overlay_alias_matches_a_plan_wording(tmp_path: Path) -> None:
    plan = children_plan(*BASE, {"indicator": "学前三年幼儿入园比率", "target": ">= 90 %"})
    before = rules_of(check(plan, library()))
    assert ("missing-indicator", "preschool_gross_enrolment", "error") in before
    mine = overlay(tmp_path, indicators="format: compliance-indicators/1\nindicators:\n  - id: preschool_gross_enrolment\n    aliases: [学前三年幼儿入园比率]\n")
    assert rules_of(check(plan, library(), rules=[mine])) == []
    # the bundled aliases are kept: the national wording still matches
    catalogue = load_catalogue(overlays=[mine])
    assert catalogue.match_indicator("学前教育毛入园率").id == "preschool_gross_enrolment"
    assert load_catalogue().match_indicator("学前三年幼儿入园比率") is None  # the bundled catalogue is untouched


def test_an_overlay_range_and_severity_apply(tmp_path: Path) -> None:
    plan = children_plan(*BASE, {"indicator": "学前教育毛入园率", "target": ">= 85 %"})
    assert ("weaker-threshold", "preschool_gross_enrolment", "error") in rules_of(check(plan, library()))
    mine = overlay(
        tmp_path,
        checks="format: compliance-checks/1\nrules:\n  weaker-threshold: {severity: warning}\n",
        indicators="format: compliance-indicators/1\nindicators:\n  - id: preschool_gross_enrolment\n    plausible: [88, 105]\n",
    )
    found = rules_of(check(plan, library(), rules=[mine]))
    assert ("implausible-value", "preschool_gross_enrolment", "error") in found  # 85 < 88: the overlay's floor
    low = children_plan(*BASE, {"indicator": "学前教育毛入园率", "target": ">= 89 %"})
    assert ("weaker-threshold", "preschool_gross_enrolment", "warning") in rules_of(check(low, library(), rules=[mine]))


def test_a_later_overlay_wins(tmp_path: Path) -> None:
    first = overlay(tmp_path, checks="rules:\n  weaker-threshold: {severity: warning}\n")
    second = tmp_path / "second"
    second.mkdir()
    (second / "checks.yaml").write_text("rules:\n  weaker-threshold: {severity: info}\n", encoding="utf-8")
    plan = children_plan(*BASE, {"indicator": "学前教育毛入园率", "target": ">= 89 %"})
    assert ("weaker-threshold", "preschool_gross_enrolment", "info") in rules_of(check(plan, library(), rules=[first, second]))


def test_an_overlay_scope_corrects_a_bundled_target(tmp_path: Path) -> None:
    county = {
        "format": "compliance-plan/1",
        "plan": {"title": "海宁市妇女发展“十四五”规划", "kind": "women", "level": "county", "jurisdiction": ["浙江省", "嘉兴市", "海宁市"], "period": [2021, 2025]},
        "targets": [{"indicator": "孕产妇死亡率", "target": "< 7 1/10万"}],
    }
    plan = loads_plan(json.dumps(county, ensure_ascii=False), "county.yaml")
    before = {f.indicator_name: f.rule for f in check(plan).findings}
    assert before["中国共产党女党员比例"] == "missing-indicator"
    mine = overlay(
        tmp_path,
        scopes=(
            "format: compliance-scopes/1\ntargets:\n"
            "  - {reference: zhejiang/jiaxing/women-2021-2025, indicator: 中国共产党女党员比例, scope: own}\n"
        ),
    )
    after = {f.indicator_name: f.rule for f in check(plan, rules=[mine]).findings}
    assert "中国共产党女党员比例" not in after


@pytest.mark.parametrize(
    ("name", "text", "where", "words"),
    [
        ("indicators", "format: compliance-indicators/1\nindicators:\n  - id: preschool_gross_enrolment\n    plausible: [100, 0]\n", (4, 16), "minimum above its maximum"),
        ("indicators", "format: compliance-indicators/1\nindicators:\n  - id: preschool_gross_enrolment\n    aliases: [婴儿死亡率]\n", (4, 15), "also claimed by 'infant_mortality'"),
        ("indicators", "format: compliance-indicators/1\nindicators:\n  - id: brand_new\n    name: 新指标\n", (3, 5), "missing the required field"),
        ("indicators", "format: compliance-indicators/1\nindicators:\n  - id: preschool_gross_enrolment\n    better: sideways\n", (4, 13), "not a valid better"),
        ("checks", "rules:\n  weaker-threshhold: {severity: info}\n", (2, 3), "did you mean 'weaker-threshold'"),
        ("checks", "rules:\n  weaker-threshold: {severity: fatal}\n", (2, 32), "not one of error, warning, info"),
        ("checks", "rules:\n  weaker-threshold: {code: CMP999}\n", (2, 28), "cannot change"),
        ("scopes", "format: compliance-scopes/1\npatterns:\n  - {name: '(', scope: own}\n", (3, 12), "regular expression"),
        ("scopes", "format: compliance-scopes/1\ntargets:\n  - {reference: x, indicator: y, scope: county}\n", (3, 41), "not a valid scope"),
    ],
)
def test_overlay_problems_are_reported_where_they_are_written(
    tmp_path: Path, name: str, text: str, where: tuple[int, int], words: str
) -> None:
    mine = overlay(tmp_path, **{name: text})
    with pytest.raises(InputError) as error:
        check(children_plan(*BASE), library(), rules=[mine])
    problems = [p for p in error.value.problems if p.file.endswith(f"{name}.yaml")]
    assert problems, error.value
    assert any((p.line, p.column) == where and words in str(p) for p in problems), [str(p) for p in problems]


def test_an_overlay_is_never_ignored_silently(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="holds none of"):
        check(children_plan(*BASE), library(), rules=[empty])
    mine = overlay(tmp_path, units="definitions: ''\n")
    with pytest.raises(InputError, match="not a file a rules overlay can hold"):
        check(children_plan(*BASE), library(), rules=[mine])
    with pytest.raises(InputError, match="no such rules overlay folder"):
        check(children_plan(*BASE), library(), rules=[tmp_path / "missing"])


def test_the_hints_point_to_the_overlay(tmp_path: Path) -> None:
    plan = children_plan(*BASE, {"indicator": "学前教育毛入园率", "target": ">= 90 %"}, {"indicator": "某某服务覆盖率", "target": ">= 90 %"})
    (unknown,) = [f for f in check(plan, library()).findings if f.rule == "unknown-indicator"]
    assert "rules/indicators.yaml" not in str(unknown.suggestion) and "--rules" in unknown.suggestion.render("en")
    mine = overlay(tmp_path, checks="rules: {}\n")
    (unknown,) = [f for f in check(plan, library(), rules=[mine]).findings if f.rule == "unknown-indicator"]
    assert str(mine / "indicators.yaml") in unknown.suggestion.render("en")


def test_the_cli_takes_rules_and_the_environment(tmp_path: Path) -> None:
    mine = overlay(tmp_path, checks="rules:\n  unknown-indicator: {severity: warning}\n")
    runner = CliRunner()
    listed = runner.invoke(main, ["rules", "--json", "--rules", str(mine)])
    assert listed.exit_code == 0
    assert {r["name"]: r["severity"] for r in json.loads(listed.stdout)}["unknown-indicator"] == "warning"
    from_env = runner.invoke(main, ["rules", "--json"], env={"COMPLIANCE_RULES": str(mine)})
    assert {r["name"]: r["severity"] for r in json.loads(from_env.stdout)}["unknown-indicator"] == "warning"
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "checks.yaml").write_text("rules:\n  no-such-rule: {severity: warning}\n", encoding="utf-8")
    failed = runner.invoke(main, ["rules", "--rules", str(bad)])
    assert failed.exit_code == 2 and "checks.yaml:2:3" in failed.stderr
