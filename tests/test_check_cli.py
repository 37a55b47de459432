"""`compliance check` end to end: exit codes, the JSON structure, options, loud empty checks."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import compliance
from compliance.cli import main

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"
JINAN_WOMEN = PLANS / "jinan-shizhong-women-2021-2025.yaml"
XINPING_CHILDREN = PLANS / "xinping-children-2021-2030.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout + result.stderr


def as_document(*args: str) -> tuple[int, dict]:
    """The whole JSON report document (compliance-report/2)."""
    result = CliRunner().invoke(main, [str(a) for a in (*args, "--format", "json")])
    return result.exit_code, json.loads(result.stdout)


def as_json(*args: str) -> tuple[int, dict]:
    """The report of the one plan checked."""
    code, document = as_document(*args)
    (report,) = document["reports"]
    return code, report


def by_rule(report: dict, rule: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == rule]


def test_exit_1_with_errors_0_without() -> None:
    assert run("check", JINAN_WOMEN)[0] == 1
    assert run("check", XINPING_CHILDREN)[0] == 0


def test_json_report_structure() -> None:
    _, document = as_document("check", JINAN_WOMEN)
    assert set(document) == {"format", "language", "settings", "reports", "input_errors", "summary", "matrix"}
    assert document["format"] == "compliance-report/2" and document["input_errors"] == []
    (report,) = document["reports"]
    assert set(report) == {"plan", "settings", "references", "findings", "summary"}
    assert set(report["plan"]) >= {"title", "kind", "level", "jurisdiction", "period", "file"}
    assert [r["targets_encoded"] for r in report["references"]] == [True, False, False]
    assert set(report["summary"]) == {"errors", "warnings", "info", "waived", "baselined", "targets_checked", "references_used"}
    finding = by_rule(report, "weaker-threshold")[0]
    assert set(finding) >= {
        "rule", "code", "severity", "domain", "indicator", "indicator_name", "message",
        "plan_target", "reference", "horizon",
    }
    assert set(finding["plan_target"]) >= {"text", "op", "value", "unit", "line"}
    assert set(finding["reference"]) >= {"document", "text", "op", "value", "unit", "verified", "evidence"}
    assert set(finding["horizon"]) >= {"plan_year", "reference_year", "compared_value", "method"}


def test_hiv_transmission_3_percent_is_weaker_than_the_national_2_percent() -> None:
    _, report = as_json("check", JINAN_WOMEN)
    (finding,) = [f for f in by_rule(report, "weaker-threshold") if f["indicator"] == "hiv_mother_to_child_transmission"]
    assert (finding["plan_target"]["value"], finding["plan_target"]["line"]) == (3, 43)
    assert (finding["reference"]["value"], finding["reference"]["verified"]) == (2, True)
    assert finding["horizon"] == {
        "plan_year": 2025,
        "reference_year": 2030,
        "compared_value": 2,
        "method": "end-no-baseline",
        "explanation": finding["horizon"]["explanation"],
    }
    assert finding["severity"] == "warning"  # a 2030 value held against a 2025 plan without baseline
    assert "no baseline" in finding["message"]


def test_horizon_end_keeps_the_error_severity() -> None:
    _, report = as_json("check", JINAN_WOMEN, "--horizon", "end")
    finding = [f for f in by_rule(report, "weaker-threshold") if f["indicator"] == "hiv_mother_to_child_transmission"][0]
    assert finding["severity"] == "error" and finding["horizon"]["method"] == "end"


def test_horizon_strict_makes_different_years_not_comparable() -> None:
    _, report = as_json("check", JINAN_WOMEN, "--horizon", "strict")
    assert not by_rule(report, "weaker-threshold")
    assert by_rule(report, "not-comparable")


def test_verified_only_turns_unverified_errors_into_info() -> None:
    _, plain = as_json("check", JINAN_WOMEN)
    _, strict = as_json("check", JINAN_WOMEN, "--verified-only")
    unverified = [f for f in plain["findings"] if f["reference"] and f["reference"]["verified"] is False and f["severity"] == "error"]
    assert unverified
    for finding in strict["findings"]:
        if finding["reference"] and finding["reference"]["verified"] is False and finding["reference"]["op"]:
            assert finding["severity"] == "info"
    assert strict["summary"]["errors"] < plain["summary"]["errors"]


def test_select_and_ignore_by_name_or_code() -> None:
    _, only = as_json("check", JINAN_WOMEN, "--select", "CMP102")
    assert {f["rule"] for f in only["findings"]} == {"missing-indicator"}
    _, without = as_json("check", JINAN_WOMEN, "--ignore", "missing-indicator,reference-unavailable")
    assert not {"missing-indicator", "reference-unavailable"} & {f["rule"] for f in without["findings"]}
    code, out = run("check", JINAN_WOMEN, "--select", "no-such-rule")
    assert code == 2 and "'no-such-rule' names no rule" in out


def test_several_plans_give_one_document_and_the_worst_exit_code() -> None:
    code, document = as_document("check", XINPING_CHILDREN, JINAN_WOMEN)
    reports = document["reports"]
    assert [r["plan"]["title"] for r in reports] == ["新平儿童发展规划（2021—2030年）", "济南市市中区“十四五”妇女发展规划"]
    assert code == 1


def test_a_check_that_evaluated_nothing_says_so_loudly(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "format: compliance-plan/1\n"
        "plan: {title: 某县妇女发展规划, kind: women, level: county, jurisdiction: [某省, 某市, 某县], period: [2021, 2025]}\n"
        "targets:\n  - {indicator: 某某特色指标, target: '>= 50 %'}\n",
        encoding="utf-8",
    )
    code, out = run("check", plan)
    assert code == 1
    assert "nothing was checked" in out and "This is not a pass." in out


def test_text_report_is_grouped_by_domain_and_cites_both_sides() -> None:
    code, out = run("check", JINAN_WOMEN)
    assert "\n妇女与健康\n" in out
    assert "plan (line 43): 艾滋病母婴传播率下降到3%以下" in out
    assert "《中国妇女发展纲要（2021—2030年）》 [verified]" in out
    assert "evidence: http" in out
    assert "→ set 艾滋病母婴传播率 to at most 2%" in out
    assert "1 reference plan " in out  # singular
    assert "not verified against the official text" in out  # findings on recalled values say so


def test_rules_and_explain() -> None:
    code, out = run("rules")
    assert code == 0 and "CMP201" in out and "weaker-threshold" in out
    code, out = run("explain", "weaker-threshold")
    assert code == 0 and "## Example" in out and "## Why it matters" in out
    assert out.startswith("weaker-threshold (CMP201, default severity error, family thresholds)")
    code, out = run("explain", "CMP302")
    assert "implausible-value" in out
    code, out = run("explain", "horizons")
    assert "interpolate" in out
    assert run("explain", "nonsense")[0] == 2


def test_library_api_matches_the_cli() -> None:
    report = compliance.check(compliance.load_plan(JINAN_WOMEN))
    _, cli = as_json("check", JINAN_WOMEN)
    assert report.summary == cli["summary"]
    assert report.failed


def unrelated_reference(tmp_path: Path) -> Path:
    """A reference of the user's that is no ancestor of the example plans (郑州市)."""
    mine = tmp_path / "zhengzhou.yaml"
    mine.write_text(
        "format: compliance-plan/1\n"
        "plan: {title: 郑州市妇女发展规划, kind: women, level: municipal, jurisdiction: [郑州市], period: [2021, 2025]}\n",
        encoding="utf-8",
    )
    return mine


def test_a_reference_of_the_user_that_matches_nothing_is_reported(tmp_path: Path) -> None:
    mine = unrelated_reference(tmp_path)
    result = CliRunner().invoke(main, ["check", str(JINAN_WOMEN), "--ref", str(mine)])
    assert "is not an ancestor of the checked plan(s) and was not used" in result.stderr


def test_no_reference_note_when_no_plan_was_checked(tmp_path: Path) -> None:
    """A broken input is the only thing to say: a note that a reference 'was not used' would point the wrong way."""
    mine = unrelated_reference(tmp_path)
    result = CliRunner().invoke(main, ["check", "-", "--ref", str(mine)], input="garbage: [\n")
    assert result.exit_code == 2
    assert "not valid YAML" in result.stderr
    assert "was not used" not in result.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("garbage: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(broken), str(JINAN_WOMEN), "--ref", str(mine)])
    assert result.exit_code == 2 and "was not used" in result.stderr  # a plan was checked: the note stands
