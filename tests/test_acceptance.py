"""Waivers and the baseline: findings accepted on purpose stay visible and do not fail; stale ones are reported.

Also standard input (`compliance check -`), which a pre-commit hook or an editor uses.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.acceptance import load_waivers, parse_waivers
from compliance.cli import main
from compliance.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
JINAN_WOMEN = ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml"
DOCUMENT = ROOT / "tests" / "data" / "corpus" / "docs" / "anji-county-women-2021-2025.docx"


def run(*args: object, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], input=input)
    return result.exit_code, result.stdout, result.stderr


def report(*args: object, input: bytes | None = None) -> tuple[int, dict]:
    """The exit code and the one plan's report of the JSON document."""
    code, out, err = run("check", *args, "--format", "json", input=input)
    assert out, err
    (only,) = json.loads(out)["reports"]
    return code, only


def rules(data: dict, accepted: bool | None = None) -> list[str]:
    return sorted(
        f["rule"] + " " + (f["indicator_name"] or "-")
        for f in data["findings"]
        if accepted is None or (f["accepted"] is not None) == accepted
    )


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "plans-repo"
    (folder / "plans").mkdir(parents=True)
    (folder / "plans" / "shizhong-women.yaml").write_text(JINAN_WOMEN.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(folder)
    for name in [n for n in os.environ if n.startswith("COMPLIANCE_") and n != "COMPLIANCE_LANG"]:
        monkeypatch.delenv(name)
    return folder


WAIVER = """\
format: compliance-waivers/1
waivers:
  - rule: missing-indicator
    plan: plans/shizhong-women.yaml
    indicator: 适龄妇女宫颈癌人群筛查率
    reason: 经市妇儿工委2022年第3次会议同意，本区因筛查分35—45岁和农村低保两类人群，暂不设总筛查率
    approved-by: 济南市妇儿工委
    expires: 2099-12-31
"""


# --- the waivers file ---------------------------------------------------------------------------


def test_a_broken_waivers_file_reports_every_problem_with_its_position(project: Path) -> None:
    (project / "waivers.yaml").write_text(
        "format: compliance-waivers/1\n"
        "waivers:\n"
        "  - rule: weaker\n"  # 3: not a rule
        "    plan: plans/shizhong-women.yaml\n"
        "    reason: 因故\n"
        "    approved-by: 区妇儿工委\n"
        "  - rule: CMP2\n"  # 7: a family, not one rule
        "    plan: plans/shizhong-women.yaml\n"
        "    reason: 因故\n"
        "    approved-by: 区妇儿工委\n"
        "  - rule: weaker-threshold\n"  # 11
        "    plan: plans/moved-away.yaml\n"  # 12: no such file
        "    reason: 因故\n"
        "    approved-by: 区妇儿工委\n"
        "  - rule: weaker-threshold\n"  # 15
        "    plan: plans/shizhong-women.yaml\n"
        "    reason: 因故\n"
        "    approved-by: 区妇儿工委\n"
        '    expires: "2025-02-30"\n',  # 19: no such day
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_waivers(project / "waivers.yaml")
    found = {(p.line, p.path): p.message for p in caught.value.problems}
    assert found[(3, "$.waivers[0].rule")] == "'weaker' is not the name or code of one rule"
    assert found[(7, "$.waivers[1].rule")] == "'CMP2' is not the name or code of one rule"
    assert found[(12, "$.waivers[2].plan")] == "no plan file plans/moved-away.yaml"
    assert found[(19, "$.waivers[3].expires")] == "'2025-02-30' is not a date"
    hints = {p.line: p.hint for p in caught.value.problems}
    assert "did you mean 'weaker-threshold'?" in (hints[3] or "")
    (project / "waivers.yaml").write_text(WAIVER.replace("2099-12-31", "2099-02-30"), encoding="utf-8")
    with pytest.raises(InputError) as caught:  # a date written unquoted is text (as in YAML 1.2): the same message
        load_waivers(project / "waivers.yaml")
    assert str(caught.value).startswith(f"{project / 'waivers.yaml'}:8:14: $.waivers[0].expires: '2099-02-30' is not a date")


def test_the_schema_wants_a_reason_an_approver_and_one_way_to_name_the_plan(project: Path) -> None:
    with pytest.raises(InputError) as caught:
        parse_waivers(
            "format: compliance-waivers/1\n"
            "waivers:\n"
            "  - rule: weaker-threshold\n"
            "    jurisdiction: 山东省/济南市/市中区\n"
            "    kind: women\n"
            "    approved-by: 区妇儿工委\n"
            "    frobnicate: 1\n",
            "waivers.yaml",
        )
    text = str(caught.value)
    assert "waivers.yaml:3" in text and "reason" in text
    assert "frobnicate" in text


def test_a_plan_named_by_jurisdiction_and_kind(project: Path) -> None:
    (project / "waivers.yaml").write_text(
        WAIVER.replace("    plan: plans/shizhong-women.yaml\n", "    jurisdiction: 山东省/济南市/市中区\n    kind: women\n"),
        encoding="utf-8",
    )
    code, data = report("plans/shizhong-women.yaml", "--waivers", "waivers.yaml")
    assert rules(data, accepted=True) == ["missing-indicator 适龄妇女宫颈癌人群筛查率"]


# --- applying waivers ---------------------------------------------------------------------------


def test_a_waived_finding_stays_visible_with_its_reason_and_does_not_fail(project: Path) -> None:
    code, before = report("plans/shizhong-women.yaml")
    assert code == 1
    errors = [f for f in before["findings"] if f["severity"] == "error"]
    waivers = "format: compliance-waivers/1\nwaivers:\n" + "".join(
        f"  - rule: {f['code']}\n    plan: plans/shizhong-women.yaml\n    indicator: {f['indicator']}\n"
        f"    reason: 经区妇儿工委同意暂缓\n    approved-by: 区妇儿工委\n"
        for f in errors
    )
    (project / "waivers.yaml").write_text(waivers, encoding="utf-8")
    code, after = report("plans/shizhong-women.yaml", "--waivers", "waivers.yaml")
    assert code == 0
    assert rules(after) == rules(before)  # nothing hidden
    assert after["summary"]["errors"] == 0 and after["summary"]["waived"] == len(errors)
    waived = [f for f in after["findings"] if f["accepted"]]
    assert {f["accepted"]["kind"] for f in waived} == {"waiver"}
    assert waived[0]["accepted"]["reason"] == "经区妇儿工委同意暂缓" and waived[0]["accepted"]["approved_by"] == "区妇儿工委"
    assert waived[0]["accepted"]["source"].startswith("waivers.yaml:")
    _, text, _ = run("check", "plans/shizhong-women.yaml", "--waivers", "waivers.yaml")
    assert "✓ waived: 经区妇儿工委同意暂缓 (approved by 区妇儿工委;" in text and f"; {len(errors)} waived" in text


def test_the_configuration_names_the_waivers_file_relative_to_itself(project: Path) -> None:
    (project / "ci").mkdir()
    (project / "ci" / "waivers.yaml").write_text(WAIVER.replace("plan: plans/", "plan: ../plans/"), encoding="utf-8")
    (project / "compliance.toml").write_text('waivers = "ci/waivers.yaml"\n', encoding="utf-8")
    _, data = report("plans/shizhong-women.yaml")
    assert rules(data, accepted=True) == ["missing-indicator 适龄妇女宫颈癌人群筛查率"]


def test_a_waiver_names_an_indicator_by_catalogue_id_and_may_be_limited_to_one_reference(project: Path) -> None:
    waiver = WAIVER.replace("indicator: 适龄妇女宫颈癌人群筛查率", "indicator: cervical_cancer_screening")
    (project / "waivers.yaml").write_text(waiver, encoding="utf-8")
    _, data = report("plans/shizhong-women.yaml", "--waivers", "waivers.yaml")
    assert rules(data, accepted=True) == ["missing-indicator 适龄妇女宫颈癌人群筛查率"]
    other = waiver.replace("    expires:", "    reference: 山东省“十四五”妇女发展规划\n    expires:")
    (project / "waivers.yaml").write_text(other, encoding="utf-8")
    _, data = report("plans/shizhong-women.yaml", "--waivers", "waivers.yaml")
    assert rules(data, accepted=True) == []
    assert "unused-waiver cervical_cancer_screening" in rules(data)


def test_an_expired_waiver_is_an_error_and_its_finding_counts_again(project: Path) -> None:
    (project / "waivers.yaml").write_text(WAIVER.replace("2099-12-31", "2022-12-31"), encoding="utf-8")
    code, data = report("plans/shizhong-women.yaml", "--waivers", "waivers.yaml", "--fail-on", "error")
    assert code == 1
    expired = [f for f in data["findings"] if f["rule"] == "expired-waiver"]
    assert len(expired) == 1 and expired[0]["severity"] == "error" and expired[0]["code"] == "CMP501"
    assert expired[0]["position"] == "waivers.yaml:3:5"
    assert "expired on 2022-12-31" in expired[0]["message"]
    assert "missing-indicator 适龄妇女宫颈癌人群筛查率" in rules(data, accepted=False)


def test_an_unused_waiver_is_reported_and_may_be_ignored_like_any_rule(project: Path) -> None:
    (project / "waivers.yaml").write_text(WAIVER.replace("适龄妇女宫颈癌人群筛查率", "孕产妇死亡率"), encoding="utf-8")
    _, data = report("plans/shizhong-women.yaml", "--waivers", "waivers.yaml")
    (unused,) = [f for f in data["findings"] if f["rule"] == "unused-waiver"]
    assert unused["severity"] == "warning" and unused["indicator_name"] == "孕产妇死亡率"
    _, data = report("plans/shizhong-women.yaml", "--waivers", "waivers.yaml", "--ignore", "unused-waiver")
    assert not [f for f in data["findings"] if f["rule"] == "unused-waiver"]


def test_a_waiver_of_a_rule_that_did_not_run_is_neither_used_nor_unused(project: Path) -> None:
    (project / "waivers.yaml").write_text(WAIVER, encoding="utf-8")
    _, data = report("plans/shizhong-women.yaml", "--waivers", "waivers.yaml", "--ignore", "missing-indicator")
    assert not [f for f in data["findings"] if f["rule"] in ("unused-waiver", "expired-waiver")]


# --- the baseline -------------------------------------------------------------------------------


def weaken(plan: Path, old: str, new: str) -> None:
    text = plan.read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new), encoding="utf-8")


def test_a_baseline_lets_old_findings_pass_and_fails_a_new_one(project: Path) -> None:
    plan = project / "plans" / "shizhong-women.yaml"
    code, data = report("plans/shizhong-women.yaml", "--write-baseline", "baseline.json")
    assert code == 0  # the run that records the baseline accepts what it records
    recorded = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert recorded["format"] == "compliance-baseline/1"
    assert {e["plan"] for e in recorded["findings"]} == {"plans/shizhong-women.yaml"}
    assert sum(e["count"] for e in recorded["findings"]) == data["summary"]["baselined"] == len(data["findings"])

    # edits elsewhere move every line: the baseline still holds
    plan.write_text("# 修订稿\n\n\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    code, data = report("plans/shizhong-women.yaml", "--baseline", "baseline.json", "--fail-on", "warning")
    assert code == 0 and data["summary"]["errors"] == 0 and data["summary"]["baselined"] == len(data["findings"])

    # a new finding fails, and only it counts
    weaken(plan, 'target: {op: "<=", value: 8, unit: 1/10万}', 'target: {op: "<=", value: 18, unit: 1/10万}')
    weaken(plan, "孕产妇死亡率控制在8/10万以下", "孕产妇死亡率控制在18/10万以下")
    code, data = report("plans/shizhong-women.yaml", "--baseline", "baseline.json", "--fail-on", "warning")
    assert code == 1  # (a warning: the 2030 value without a baseline to place a 2025 milestone)
    assert rules(data, accepted=False) == ["weaker-threshold 孕产妇死亡率"]


def test_baseline_entries_that_no_longer_occur_are_a_note(project: Path) -> None:
    run("check", "plans/shizhong-women.yaml", "--write-baseline", "baseline.json")
    data = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    data["findings"].append({**data["findings"][0], "subject": "gone", "count": 2})
    (project / "baseline.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = run("check", "plans/shizhong-women.yaml", "--baseline", "baseline.json")
    assert code == 0
    assert "note: 2 findings of the baseline baseline.json no longer occur; rewrite it with --write-baseline baseline.json" in err


def test_write_baseline_rewrites_a_baseline_another_file_only_with_force_and_an_input_never(project: Path) -> None:
    assert run("check", "plans/shizhong-women.yaml", "--write-baseline", "baseline.json")[0] == 0
    assert run("check", "plans/shizhong-women.yaml", "--write-baseline", "baseline.json")[0] == 0  # named to rewrite
    (project / "notes.json").write_text("会议记录\n", encoding="utf-8")
    code, _, err = run("check", "plans/shizhong-women.yaml", "--write-baseline", "notes.json")
    assert code == 2 and "notes.json: already exists; it was not overwritten" in err
    assert (project / "notes.json").read_text(encoding="utf-8") == "会议记录\n"
    assert run("check", "plans/shizhong-women.yaml", "--write-baseline", "notes.json", "--force")[0] == 0
    assert json.loads((project / "notes.json").read_text(encoding="utf-8"))["format"] == "compliance-baseline/1"
    code, _, err = run("check", "plans/shizhong-women.yaml", "--write-baseline", "plans/shizhong-women.yaml", "--force")
    assert code == 2 and "this is the input" in err
    assert (project / "plans" / "shizhong-women.yaml").read_text(encoding="utf-8") == JINAN_WOMEN.read_text(encoding="utf-8")


def test_a_broken_or_missing_baseline_is_bad_input(project: Path) -> None:
    code, _, err = run("check", "plans/shizhong-women.yaml", "--baseline", "nowhere.json")
    assert code == 2 and "nowhere.json: no such baseline file" in err
    (project / "baseline.json").write_text('{"format": "compliance-baseline/1", "findings": [{"rule": 1}]}', encoding="utf-8")
    code, _, err = run("check", "plans/shizhong-women.yaml", "--baseline", "baseline.json")
    assert code == 2 and "baseline.json:1:" in err


def test_waived_findings_are_not_recorded_in_a_baseline(project: Path) -> None:
    (project / "waivers.yaml").write_text(WAIVER, encoding="utf-8")
    run("check", "plans/shizhong-women.yaml", "--waivers", "waivers.yaml", "--write-baseline", "baseline.json")
    recorded = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert "cervical_cancer_screening" not in {e["subject"] for e in recorded["findings"]}


# --- standard input -----------------------------------------------------------------------------


def test_a_plan_file_on_standard_input_is_checked_under_its_stdin_filename(project: Path) -> None:
    data = JINAN_WOMEN.read_bytes()
    _, from_file = report("plans/shizhong-women.yaml")
    _, from_stdin = report("-", "--stdin-filename", "plans/shizhong-women.yaml", input=data)
    assert from_stdin["plan"]["file"] == "plans/shizhong-women.yaml"
    assert rules(from_stdin) == rules(from_file)
    (project / "compliance.toml").write_text('[per-file-ignores]\n"plans/*.yaml" = ["CMP1"]\n', encoding="utf-8")
    _, ignored = report("-", "--stdin-filename", "plans/shizhong-women.yaml", input=data)
    assert not [f for f in ignored["findings"] if f["code"].startswith("CMP1")]
    code, _, err = run("check", "-", input=b"format: compliance-plan/1\nplan: [\n")
    assert code == 2 and err.startswith("error: <stdin>:")


def test_a_document_on_standard_input_is_extracted_under_its_stdin_filename(project: Path) -> None:
    _, from_file = report(DOCUMENT)
    _, from_stdin = report("-", "--stdin-filename", "drafts/anji.docx", input=DOCUMENT.read_bytes())
    assert from_stdin["plan"]["file"] == "drafts/anji.docx"
    assert rules(from_stdin) == rules(from_file)
    code, _, err = run("check", "-", "--stdin-filename", "drafts/empty.docx", input=b"")
    assert code == 2 and err.startswith("error: drafts/empty.docx:") and "compliance-stdin" not in err
