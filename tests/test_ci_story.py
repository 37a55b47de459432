"""The CI story end to end, on a repository of plan files this test makes.

A prefecture's repository: plans of 济南市市中区 and 新平县, a draft folder, a
compliance.toml with per-file ignores and a severity override, waivers with
reasons and expiry dates, a baseline. Then what CI sees: the waived finding
shown with its reason, an expired waiver failing the run, a stale waiver
reported, the baseline letting the old findings pass and failing a new one,
the pre-commit hooks tried with `pre-commit try-repo` (offline), and the
GitHub Actions workflow of docs/ci.md run step by step.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"
BIN = Path(sys.executable).parent
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

CONFIG = """\
# compliance.toml of the prefecture's plan repository
waivers = "ci/waivers.yaml"
ignore = ["unknown-indicator"]
{baseline}

[per-file-ignores]
"plans/drafts/*.yaml" = ["missing-indicator"]   # drafts are incomplete on purpose

[severity]
reference-unavailable = "info"                  # the provincial and municipal texts are not encoded yet
"""

WAIVERS = """\
format: compliance-waivers/1
waivers:
  - rule: weaker-threshold
    plan: ../plans/shizhong-women.yaml
    indicator: 艾滋病母婴传播率
    reason: 经市妇儿工委2022年第3次会议同意，本区因流动人口比重大，暂按3%执行
    approved-by: 济南市妇儿工委
    expires: 2099-12-31
  - rule: missing-indicator
    plan: ../plans/shizhong-women.yaml
    indicator: 高中阶段毛入学率
    reason: 高中阶段教育由市级统筹，区级规划不设此指标
    approved-by: 济南市教育局、市妇儿工委
    expires: {expiry}
  - rule: weaker-threshold
    plan: ../plans/shizhong-women.yaml
    indicator: 孕产妇死亡率
    reason: 2021年起草时孕产妇死亡率目标曾为15/10万，已于定稿时改为8/10万
    approved-by: 区妇儿工委
"""


def compliance(repo: Path, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_")} | {"COMPLIANCE_LANG": "en"}
    return subprocess.run([str(BIN / "compliance"), *args], cwd=repo, env=env, capture_output=True, text=True, check=check)


def check_json(repo: Path, *args: str) -> tuple[int, dict]:
    result = compliance(repo, "check", "plans/", "--format", "json", *args)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def findings(document: dict, plan: str, accepted: bool | None = None) -> list[tuple[str, str]]:
    (report,) = [r for r in document["reports"] if r["plan"]["file"] == plan]
    return sorted(
        (f["rule"], f["indicator_name"] or "-")
        for f in report["findings"]
        if accepted is None or (f["accepted"] is not None) == accepted
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "plans-repo"
    (repo / "plans" / "drafts").mkdir(parents=True)
    (repo / "ci").mkdir()
    shutil.copy(PLANS / "jinan-shizhong-women-2021-2025.yaml", repo / "plans" / "shizhong-women.yaml")
    shutil.copy(PLANS / "xinping-children-2021-2030.yaml", repo / "plans" / "xinping-children.yaml")
    shutil.copy(PLANS / "jinan-shizhong-children-2021-2025.yaml", repo / "plans" / "drafts" / "shizhong-children.yaml")
    (repo / "compliance.toml").write_text(CONFIG.format(baseline=""), encoding="utf-8")
    (repo / "ci" / "waivers.yaml").write_text(WAIVERS.format(expiry="2099-12-31"), encoding="utf-8")
    return repo


def test_configuration_waivers_and_baseline_end_to_end(repo: Path) -> None:
    # the settings and where each came from
    shown = compliance(repo, "config", check=True).stdout
    assert re.search(r'^waivers = ".*ci/waivers.yaml"\s+# .*compliance.toml:2:1$', shown, re.M)
    assert re.search(r'^severity = \{ "reference-unavailable" = "info" \}\s+# .*compliance.toml:9:1$', shown, re.M)

    code, document = check_json(repo)
    women = "plans/shizhong-women.yaml"
    # per-file ignores: the draft has no missing-indicator, the final plans do
    assert "missing-indicator" not in {rule for rule, _ in findings(document, "plans/drafts/shizhong-children.yaml")}
    assert ("missing-indicator", "适龄妇女宫颈癌人群筛查率") in findings(document, women)
    # the severity override
    severities = {f["severity"] for r in document["reports"] for f in r["findings"] if f["rule"] == "reference-unavailable"}
    assert severities == {"info"}
    # the waiver with its reason: shown, not counted
    waived = {f["indicator_name"]: f for r in document["reports"] for f in r["findings"] if f["accepted"]}
    assert set(waived) == {"艾滋病母婴传播率", "高中阶段毛入学率"} and document["summary"]["waived"] == 2
    accepted = waived["艾滋病母婴传播率"]["accepted"]
    assert accepted["reason"].startswith("经市妇儿工委2022年第3次会议同意") and accepted["expires"] == "2099-12-31"
    assert accepted["approved_by"] == "济南市妇儿工委" and accepted["source"].endswith("ci/waivers.yaml:3:5")
    # the stale waiver (孕产妇死亡率 is no longer weaker) is reported at its line
    (stale,) = [f for r in document["reports"] for f in r["findings"] if f["rule"] == "unused-waiver"]
    assert stale["position"].endswith("ci/waivers.yaml:15:5") and stale["severity"] == "warning"
    assert code == 1  # 适龄妇女宫颈癌人群筛查率 is still missing from the final plan

    # the expired waiver fails the run, and its finding counts again
    (repo / "ci" / "waivers.yaml").write_text(WAIVERS.format(expiry="2022-12-31"), encoding="utf-8")
    code, expired = check_json(repo, "--select", "CMP102,CMP5")
    (error,) = [f for r in expired["reports"] for f in r["findings"] if f["rule"] == "expired-waiver"]
    assert error["severity"] == "error" and error["position"].endswith("ci/waivers.yaml:9:5")
    assert ("missing-indicator", "高中阶段毛入学率") in findings(expired, women, accepted=False)
    assert code == 1
    (repo / "ci" / "waivers.yaml").write_text(WAIVERS.format(expiry="2099-12-31"), encoding="utf-8")

    # the baseline: record today's findings, then only a new one fails
    written = compliance(repo, "check", "plans/", "--write-baseline", "compliance-baseline.json")
    assert written.returncode == 0, written.stdout + written.stderr
    assert "recorded in the baseline compliance-baseline.json" in written.stderr
    (repo / "compliance.toml").write_text(CONFIG.format(baseline='baseline = "compliance-baseline.json"'), encoding="utf-8")
    code, document = check_json(repo)
    assert code == 0 and document["summary"]["errors"] == 0 and document["summary"]["baselined"] > 0
    plan = repo / "plans" / "xinping-children.yaml"
    text = plan.read_text(encoding="utf-8")
    neonatal = '  - indicator: 新生儿死亡率\n    domain: 儿童与健康\n    target: {op: "<=", value: 2, unit: ‰}\n'
    assert neonatal in text
    plan.write_text("# 修改稿\n" + text.replace(neonatal, neonatal.replace("value: 2,", "value: 9,")), encoding="utf-8")
    code, document = check_json(repo)
    assert code == 1
    fresh = [f for r in document["reports"] for f in r["findings"] if f["accepted"] is None and f["severity"] == "error"]
    assert {(f["rule"], f["indicator"]) for f in fresh} == {("weaker-threshold", "neonatal_mortality")}
    assert document["summary"]["errors"] == len(fresh)


def git(repo: Path, *args: str) -> None:
    env = os.environ | {"GIT_AUTHOR_NAME": "ci", "GIT_AUTHOR_EMAIL": "ci@example.org",
                        "GIT_COMMITTER_NAME": "ci", "GIT_COMMITTER_EMAIL": "ci@example.org"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def try_repo(repo: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    """pre-commit try-repo of this repository's hooks: no network (language: system, the installed compliance)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_")}
    env |= {"PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}", "PRE_COMMIT_HOME": str(home), "COMPLIANCE_LANG": "en",
            "GIT_AUTHOR_NAME": "ci", "GIT_AUTHOR_EMAIL": "ci@example.org",
            "GIT_COMMITTER_NAME": "ci", "GIT_COMMITTER_EMAIL": "ci@example.org",
            "PIP_NO_INDEX": "1"}  # were a hook to install anything, this would make it fail rather than download
    return subprocess.run([str(BIN / "pre-commit"), "try-repo", str(ROOT), hook, "--all-files"],
                          cwd=repo, env=env, capture_output=True, text=True)


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="pre-commit needs git and a git checkout")
def test_pre_commit_hooks_with_try_repo(repo: Path, tmp_path: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["compliance-validate", "compliance-check"]
    assert {h["language"] for h in hooks} == {"system"}
    git(repo, "init", "-q")
    (repo / "compliance.toml").write_text(CONFIG.format(baseline='baseline = "compliance-baseline.json"'), encoding="utf-8")
    assert compliance(repo, "check", "plans/", "--write-baseline", "compliance-baseline.json").returncode == 0
    git(repo, "add", "-A")
    home = tmp_path / "pre-commit-home"

    validate = try_repo(repo, "compliance-validate", home)
    assert validate.returncode == 0 and re.search(r"compliance validate \(plan files\)\.+Passed", validate.stdout), validate.stdout
    checked = try_repo(repo, "compliance-check", home)
    assert checked.returncode == 0 and "Passed" in checked.stdout, checked.stdout  # old findings are in the baseline

    plan = repo / "plans" / "shizhong-women.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("value: 8, unit: 1/10万", "value: 8, unit: 1/10万, op2: x"), encoding="utf-8")
    git(repo, "add", "-A")
    broken = try_repo(repo, "compliance-validate", home)
    assert broken.returncode == 1 and "Failed" in broken.stdout
    assert re.search(r"plans/shizhong-women\.yaml:\d+:\d+: .*op2", broken.stdout), broken.stdout


def test_the_github_workflow_of_the_docs_runs(repo: Path) -> None:
    """Every `compliance` command of the documented workflow, in order, on the repository; the SARIF it uploads is valid."""
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# \.github/workflows/compliance\.yml\n.*?)```", docs, re.S)
    assert block, "docs/ci.md shows the workflow"
    workflow = yaml.safe_load(block.group(1))
    steps = workflow["jobs"]["check"]["steps"]
    assert workflow["permissions"]["security-events"] == "write"
    upload = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")]
    assert upload and upload[0]["if"] == "always()"
    commands = [s["run"] for s in steps if str(s.get("run", "")).startswith("compliance ")]
    assert len(commands) == 2
    codes = []
    for command in commands:
        result = compliance(repo, *command.split()[1:])
        codes.append(result.returncode)
        if "--format github" in command:
            assert result.returncode == 0 and result.stdout.startswith("::")
    assert codes[0] == 1  # the check step fails the job: an error that is neither waived nor baselined
    log = json.loads((repo / upload[0]["with"]["sarif_file"]).read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    results = log["runs"][0]["results"]
    assert any("suppressions" in r for r in results)  # the waiver travels to code scanning
    assert all((repo / r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).is_file() for r in results)
