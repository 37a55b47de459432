"""The CI formats on the example plans and on a document: SARIF against the OASIS 2.1.0 schema, JUnit against
its XSD, GitHub workflow commands, GitLab Code Quality, JSON lines; stable fingerprints; the rule reference page."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from click.testing import CliRunner

from compliance.checks import RULES
from compliance.cli import main

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"
DOCUMENT = ROOT / "tests" / "data" / "corpus" / "docs" / "anji-county-women-2021-2025.docx"
TEXT = ROOT / "examples" / "texts" / "jinan-shizhong-district-women-children-2021-2025.txt"
SCHEMAS = ROOT / "tests" / "data" / "schemas"
SARIF_SCHEMA = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
JUNIT_SCHEMA = xmlschema.XMLSchema(str(SCHEMAS / "junit-10.xsd"))
REPORT_SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
INPUTS = {"example plans": [PLANS], "a Word document": [DOCUMENT], "a text document": [TEXT]}


@pytest.fixture(autouse=True)
def _at_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run where a CI job runs: at the repository's root, so paths are relative to it."""
    monkeypatch.chdir(ROOT)
    for name in [n for n in os.environ if n.startswith("COMPLIANCE_") and n != "COMPLIANCE_LANG"]:
        monkeypatch.delenv(name)


def run(*args: object, input: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], input=input)
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, result.stdout


_RUNS: dict[tuple[str, ...], tuple[int, str]] = {}


def formatted(inputs: list[Path], format: str) -> tuple[int, str]:
    """One run per input and format for the whole module (extracting a document takes a while)."""
    key = (format, *map(str, inputs))
    if key not in _RUNS:
        _RUNS[key] = run("check", *inputs, "--format", format)
    return _RUNS[key]


def sarif(*args: object) -> dict:
    code, out = run("check", *args, "--format", "sarif")
    assert code in (0, 1)
    return json.loads(out)


def results(log: dict) -> list[dict]:
    return log["runs"][0]["results"]


# --- SARIF ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("inputs", INPUTS.values(), ids=INPUTS.keys())
def test_sarif_is_valid_against_the_official_schema(inputs: list[Path]) -> None:
    code, out = formatted(inputs, "sarif")
    assert code in (0, 1)
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert log["version"] == "2.1.0" and results(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.code() for r in RULES]
    for result in results(log):
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uriBaseId"] == "SRCROOT"
        assert (ROOT / physical["artifactLocation"]["uri"]).is_file()  # relative to the repository root
        assert physical["region"]["startLine"] >= 1


def test_sarif_rules_carry_their_documentation_and_help_links(tmp_path: Path) -> None:
    log = sarif(PLANS / "jinan-shizhong-women-2021-2025.yaml")
    rules = {r["name"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    weaker = rules["weaker-threshold"]
    assert weaker["id"] == "CMP201" and weaker["defaultConfiguration"]["level"] == "error"
    assert "## Why it matters" in weaker["help"]["markdown"] and weaker["shortDescription"]["text"]
    assert rules["unknown-indicator"]["defaultConfiguration"]["level"] == "note"
    assert "helpUri" not in weaker  # no published docs named: no invented link
    config = tmp_path / "compliance.toml"
    config.write_text('docs-url = "https://example.org/compliance/docs"\n', encoding="utf-8")
    log = sarif(PLANS / "jinan-shizhong-women-2021-2025.yaml", "--config", config)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    linked = {r["name"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}["weaker-threshold"]
    assert linked["helpUri"] == "https://example.org/compliance/docs/rules.md#cmp201"


def test_sarif_locations_point_into_plan_files_and_documents() -> None:
    log = sarif(PLANS / "jinan-shizhong-women-2021-2025.yaml")
    weaker = [r for r in results(log) if r["ruleId"] == "CMP201"]
    region = weaker[0]["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == "examples/plans/jinan-shizhong-women-2021-2025.yaml"
    text = (ROOT / region["artifactLocation"]["uri"]).read_text(encoding="utf-8").splitlines()
    line, column = region["region"]["startLine"], region["region"]["startColumn"]
    assert text[line - 1][column - 1 :].startswith("indicator: ")  # the plan file's entry of the target
    related = weaker[0]["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"].startswith("reference_targets/national/")
    assert related["message"]["text"].startswith("《中国妇女发展纲要（2021—2030年）》")

    log = json.loads(formatted([TEXT], "sarif")[1])
    on_lines = [r for r in results(log) if r["properties"]["locator"] is None and "startColumn" not in r["locations"][0]["physicalLocation"]["region"]]
    document = TEXT.read_text(encoding="utf-8").splitlines()
    targeted = [r for r in results(log) if r["ruleId"] in ("CMP201", "CMP403")]
    assert targeted and on_lines
    for result in targeted:
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "examples/texts/jinan-shizhong-district-women-children-2021-2025.txt"
        line = physical["region"]["startLine"]
        assert result["properties"]["indicator_name"] and document[line - 1].strip()


def test_sarif_fingerprints_are_stable_across_runs_and_edits_elsewhere(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text((PLANS / "jinan-shizhong-women-2021-2025.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    first = {r["fingerprints"]["complianceFinding/v1"]: r["ruleId"] for r in results(sarif(plan))}
    again = {r["fingerprints"]["complianceFinding/v1"]: r["ruleId"] for r in results(sarif(plan))}
    plan.write_text("# 修订稿：增加说明\n\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    moved = results(sarif(plan))
    assert first == again == {r["fingerprints"]["complianceFinding/v1"]: r["ruleId"] for r in moved}
    assert len(first) == len(moved)  # one fingerprint per finding, none shared


def test_sarif_marks_waived_and_baselined_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text((PLANS / "jinan-shizhong-women-2021-2025.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "waivers.yaml").write_text(
        "format: compliance-waivers/1\nwaivers:\n  - rule: weaker-threshold\n    plan: plan.yaml\n"
        "    indicator: 艾滋病母婴传播率\n    reason: 经市妇儿工委2022年第3次会议同意，本区暂按3%执行\n"
        "    approved-by: 济南市妇儿工委\n    expires: 2099-12-31\n",
        encoding="utf-8",
    )
    run("check", "plan.yaml", "--write-baseline", "baseline.json")
    log = sarif("plan.yaml", "--waivers", "waivers.yaml", "--baseline", "baseline.json")
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    waived = [r for r in results(log) if "suppressions" in r]
    assert len(waived) == 1 and waived[0]["suppressions"][0]["status"] == "accepted"
    assert "经市妇儿工委2022年第3次会议同意" in waived[0]["suppressions"][0]["justification"]
    assert {r["baselineState"] for r in results(log) if "suppressions" not in r} == {"unchanged"}


def test_an_unreadable_input_is_a_failed_invocation(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: compliance-plan/1\nplan: {title: x}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(PLANS / "xinping-women-2021-2030.yaml"), str(broken), "--format", "sarif"])
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notification = invocation["toolExecutionNotifications"][0]
    assert notification["level"] == "error" and notification["locations"][0]["physicalLocation"]["region"]["startLine"] == 2


# --- JUnit ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("inputs", INPUTS.values(), ids=INPUTS.keys())
def test_junit_is_valid_against_its_xsd_with_a_case_per_plan_and_rule(inputs: list[Path]) -> None:
    code, out = formatted(inputs, "junit")
    JUNIT_SCHEMA.validate(out)
    document = JUNIT_SCHEMA.to_dict(out)
    suites = document["testsuite"]
    for suite in suites:
        names = [case["@name"] for case in suite["testcase"]]
        assert names == [f"{r.code()} {r.name}" for r in RULES]
        failed = [case for case in suite["testcase"] if "failure" in case]
        assert int(suite["@failures"]) == len(failed)
    assert (code == 1) == any(int(s["@failures"]) for s in suites)


def test_junit_fails_a_rule_for_errors_and_keeps_warnings_in_its_output() -> None:
    code, out = run("check", PLANS / "jinan-shizhong-women-2021-2025.yaml", "--format", "junit")
    assert code == 1
    (suite,) = JUNIT_SCHEMA.to_dict(out)["testsuite"]
    cases = {case["@name"]: case for case in suite["testcase"]}
    assert "failure" in cases["CMP102 missing-indicator"]
    assert "failure" not in cases["CMP104 reference-unavailable"]
    assert "not encoded" in cases["CMP104 reference-unavailable"]["system-out"][0]
    _, out = run("check", PLANS / "jinan-shizhong-women-2021-2025.yaml", "--format", "junit", "--ignore", "CMP4")
    (suite,) = JUNIT_SCHEMA.to_dict(out)["testsuite"]
    assert int(suite["@tests"]) == len([r for r in RULES if not r.code().startswith("CMP4")])


# --- GitHub, GitLab, JSON lines ----------------------------------------------------------------


COMMAND = re.compile(r"^::(error|warning|notice) file=([^,:]+)(?:,line=(\d+))?(?:,col=(\d+))?,title=([^:]+)::(.+)$")


@pytest.mark.parametrize("inputs", INPUTS.values(), ids=INPUTS.keys())
def test_github_workflow_commands(inputs: list[Path]) -> None:
    code, out = formatted(inputs, "github")
    lines = out.splitlines()
    assert lines and all(COMMAND.match(line) for line in lines), [l for l in lines if not COMMAND.match(l)][:3]
    for line in lines:
        level, file, number, _, title, message = COMMAND.match(line).groups()  # type: ignore[union-attr]
        assert (ROOT / file).is_file() and re.match(r"CMP\d{3} [a-z-]+$", title)
        assert "\n" not in message and "%0A" not in title
    assert (code == 1) == any(line.startswith("::error ") for line in lines)


def test_github_escapes_what_the_runner_would_misread() -> None:
    from compliance.report.annotations import github_command

    line = github_command("error", "100% of\nthe plan", "plans/a,b.yaml", 3, 2, "CMP201 x: y")
    assert line == "::error file=plans/a%2Cb.yaml,line=3,col=2,title=CMP201 x%3A y::100%25 of%0Athe plan"


@pytest.mark.parametrize("inputs", INPUTS.values(), ids=INPUTS.keys())
def test_gitlab_code_quality(inputs: list[Path]) -> None:
    _, out = formatted(inputs, "gitlab")
    issues = json.loads(out)
    assert issues
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert (ROOT / issue["location"]["path"]).is_file() and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)


@pytest.mark.parametrize("inputs", INPUTS.values(), ids=INPUTS.keys())
def test_json_lines(inputs: list[Path]) -> None:
    _, out = formatted(inputs, "json-lines")
    records = [json.loads(line) for line in out.splitlines()]
    *findings, summary = records
    assert summary["type"] == "summary" and findings and {r["type"] for r in findings} == {"finding"}
    validator = jsonschema.Draft202012Validator({"$defs": REPORT_SCHEMA["$defs"], "$ref": "#/$defs/finding"})
    for record in findings:
        validator.validate(record["finding"])
        assert record["plan"]["title"] and record["place"]["file"]
    counted = [r for r in findings if r["finding"]["accepted"] is None]
    assert summary["summary"]["errors"] == sum(1 for r in counted if r["finding"]["severity"] == "error")


def test_every_format_is_listed_by_check() -> None:
    _, out = run("check", "--help")
    for name in ("sarif", "junit", "github", "gitlab", "json-lines"):
        assert name in out


# --- docs/rules.md --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_rule_reference_page_is_up_to_date(lang: str) -> None:
    from compliance.report.rule_docs import PAGES, rules_markdown

    page = PAGES[lang]
    assert page.read_text(encoding="utf-8") == rules_markdown(lang), (
        f'docs/{page.name} is out of date: python -c "from compliance.report.rule_docs import write; write()"'
    )
    for rule in RULES:
        assert f'<a id="{rule.code().lower()}"></a>' in page.read_text(encoding="utf-8")
