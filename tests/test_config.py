"""Settings: compliance.toml / pyproject.toml found upwards, precedence, positions of bad values, `compliance config`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.checks import HorizonMode, Severity
from compliance.cli import main
from compliance.config import FailOn, load_settings
from compliance.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
JINAN_WOMEN = ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml"
XINPING_CHILDREN = ROOT / "examples" / "plans" / "xinping-children-2021-2030.yaml"


def run(*args: object, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], env=env)
    return result.exit_code, result.stdout, result.stderr


def report_of(out: str) -> dict:
    """The one plan's report in a JSON report document (compliance-report/2)."""
    (report,) = json.loads(out)["reports"]
    return report


def rules_of(out: str) -> set[str]:
    return {f["rule"] for f in report_of(out)["findings"]}


def problems(**kwargs: object) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_settings(environ={}, **kwargs)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder, the working directory of the test."""
    folder = tmp_path / "project"
    (folder / "plans" / "drafts").mkdir(parents=True)
    monkeypatch.chdir(folder)
    for name in [n for n in __import__("os").environ if n.startswith("COMPLIANCE_") and n != "COMPLIANCE_LANG"]:
        monkeypatch.delenv(name)  # COMPLIANCE_LANG=en stays: tests read English (conftest.py)
    return folder


# --- finding the file -----------------------------------------------------------------------------


def test_compliance_toml_is_found_from_a_subfolder(project: Path) -> None:
    (project / "compliance.toml").write_text('horizon = "end"\n', encoding="utf-8")
    settings = load_settings(cwd=project / "plans" / "drafts", environ={})
    assert settings.horizon is HorizonMode.END
    assert settings.config_file == (project / "compliance.toml").resolve()
    assert str(settings.origin("horizon")[0]) == f"{settings.config_file}:1:1"


def test_pyproject_tool_compliance_is_read_and_a_pyproject_without_it_is_passed_over(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.compliance]\nfail-on = "warning"\n', encoding="utf-8")
    (project / "plans" / "pyproject.toml").write_text('[project]\nname = "plans"\n', encoding="utf-8")
    settings = load_settings(cwd=project / "plans", environ={})
    assert settings.fail_on is FailOn.WARNING and settings.config_file == (project / "pyproject.toml").resolve()
    (project / "compliance.toml").write_text('fail-on = "never"\n', encoding="utf-8")  # the dedicated file wins
    assert load_settings(cwd=project, environ={}).fail_on is FailOn.NEVER


def test_no_file_means_defaults(project: Path) -> None:
    settings = load_settings(environ={})
    assert settings.config_file is None and settings.horizon is HorizonMode.INTERPOLATE
    assert [str(o) for o in settings.origin("horizon")] == ["default"]


# --- precedence -----------------------------------------------------------------------------------


def test_options_beat_environment_beat_file_beat_defaults(project: Path) -> None:
    (project / "compliance.toml").write_text('horizon = "end"\nfail-on = "warning"\n', encoding="utf-8")
    env = {"COMPLIANCE_HORIZON": "strict", "COMPLIANCE_VERIFIED_ONLY": "1"}
    settings = load_settings({"horizon": "interpolate"}, environ=env)
    assert settings.horizon is HorizonMode.INTERPOLATE and str(settings.origin("horizon")[0]) == "--horizon"
    assert settings.verified_only is True and str(settings.origin("verified-only")[0]) == "COMPLIANCE_VERIFIED_ONLY"
    assert settings.fail_on is FailOn.WARNING
    assert load_settings(environ=env).horizon is HorizonMode.STRICT


def test_ignores_add_up_across_sources_and_select_is_replaced(project: Path) -> None:
    (project / "compliance.toml").write_text('select = ["CMP1"]\nignore = ["CMP403"]\n', encoding="utf-8")
    settings = load_settings({"ignore": ("CMP405", "CMP401,CMP402"), "select": ("CMP2",)}, environ={"COMPLIANCE_IGNORE": "CMP404"})
    assert settings.ignore == ["CMP403", "CMP404", "CMP405", "CMP401", "CMP402"]
    assert [o.kind for o in settings.origin("ignore")] == ["file", "environment", "option"]
    assert settings.select == ["CMP2"]


def test_paths_in_the_file_are_read_from_its_folder(project: Path) -> None:
    (project / "compliance.toml").write_text('references = ["refs"]\nrules = ["ci/rules"]\n', encoding="utf-8")
    settings = load_settings(cwd=project / "plans", environ={"COMPLIANCE_REF": "elsewhere"})
    here = (project / "compliance.toml").resolve().parent
    assert settings.references == [here / "refs", Path("elsewhere")]
    assert settings.rules == [here / "ci" / "rules"]


# --- bad keys and values --------------------------------------------------------------------------


def test_unknown_keys_and_bad_values_are_errors_with_line_column_and_did_you_mean(project: Path) -> None:
    (project / "compliance.toml").write_text(
        "# settings\n"
        'select = ["CMP1",\n'
        '  "weaker"]\n'
        'horizon = "ned"\n'
        'fail_on = "never"\n'
        "frobnicate = 1\n"
        'verified-only = "yes"\n'
        "\n"
        "[severity]\n"
        'CMP404 = "eror"\n'
        "\n"
        "[per-file-ignores]\n"
        '"drafts/*.yaml" = ["CMP9"]\n',
        encoding="utf-8",
    )
    found = problems()
    file = str((project / "compliance.toml").resolve())
    assert f"{file}:4:11: $.horizon: 'ned' is not one of interpolate, end, strict (did you mean 'end'?)" in found
    assert f"{file}:5:1: $.fail_on: unknown key 'fail_on' (did you mean 'fail-on'?)" in found
    assert any(p.startswith(f"{file}:6:1: $.frobnicate: unknown key 'frobnicate' (known keys: select,") for p in found)
    assert any(p.startswith(f"{file}:7:17: $.verified-only: expected true or false") for p in found)
    assert f"{file}:10:10: $.severity.CMP404: 'eror' is not one of error, warning, info (did you mean 'error'?)" in found
    assert any(p.startswith(f"{file}:3:3: $.select: 'weaker' names no rule (did you mean 'weaker-threshold'?") for p in found)
    assert any(p.startswith(f"{file}:13:1: $.per-file-ignores: 'CMP9' names no rule") for p in found)
    assert len(found) == 7


def test_a_toml_syntax_error_has_its_position(project: Path) -> None:
    (project / "compliance.toml").write_text('horizon = "end"\nignore = [CMP403]\n', encoding="utf-8")
    (found,) = problems()
    assert found.startswith(f"{(project / 'compliance.toml').resolve()}:2:11: not valid TOML")


def test_bad_environment_values_name_the_variable(project: Path) -> None:
    found = problems_env({"COMPLIANCE_HORIZON": "endd", "COMPLIANCE_VERIFIED_ONLY": "maybe", "COMPLIANCE_IGNORE": "weaker"})
    assert "COMPLIANCE_HORIZON: 'endd' is not one of interpolate, end, strict (did you mean 'end'?)" in found
    assert "COMPLIANCE_VERIFIED_ONLY: expected true or false, got 'maybe' (use 1 or 0)" in found
    assert any(p.startswith("COMPLIANCE_IGNORE: 'weaker' names no rule") for p in found)


def problems_env(environ: dict[str, str]) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_settings(environ=environ)
    return [str(p) for p in caught.value.problems]


def test_an_unknown_compliance_variable_is_a_note_not_an_error(project: Path) -> None:
    settings = load_settings(environ={"COMPLIANCE_SELCT": "CMP1"})
    assert settings.notes == [
        "note: the environment variable COMPLIANCE_SELCT is not a setting of compliance and is ignored "
        "(did you mean COMPLIANCE_SELECT?)"
    ]


def test_a_named_configuration_file_that_does_not_exist_is_an_error(project: Path) -> None:
    code, _, err = run("check", JINAN_WOMEN, "--config", "nowhere.toml")
    assert code == 2 and "nowhere.toml: no such configuration file" in err


def test_a_good_file_does_not_load_tomlkit(project: Path) -> None:
    """Positions are only worked out for a bad file: reading a good one costs tomllib alone."""
    (project / "compliance.toml").write_text('horizon = "end"\nignore = ["CMP403"]\n', encoding="utf-8")
    script = "import sys; from compliance.config import load_settings; load_settings(); print('tomlkit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=project)
    assert result.stdout.strip() == "False"


# --- what the settings do in a check --------------------------------------------------------------


def test_the_configuration_file_changes_the_check(project: Path) -> None:
    """The issue's complaint: ignore, horizon and an unknown key in compliance.toml changed nothing and said nothing."""
    _, out, _ = run("check", JINAN_WOMEN, "--format", "json")
    before = json.loads(out)
    assert "unknown-indicator" in rules_of(out) and before["settings"]["horizon"] == "interpolate"
    (project / "compliance.toml").write_text('ignore = ["CMP403"]\nhorizon = "end"\n', encoding="utf-8")
    _, out, _ = run("check", JINAN_WOMEN, "--format", "json")
    assert "unknown-indicator" not in rules_of(out) and report_of(out)["settings"]["horizon"] == "end"
    (project / "compliance.toml").write_text("frobnicate = 1\n", encoding="utf-8")
    code, _, err = run("check", JINAN_WOMEN)
    assert code == 2 and "compliance.toml:1:1: $.frobnicate: unknown key 'frobnicate'" in err


def test_select_and_ignore_repeat_and_accumulate_and_a_name_prefix_is_an_error(project: Path) -> None:
    _, out, _ = run("check", JINAN_WOMEN, "--format", "json", "--select", "CMP102", "--select", "weaker-threshold")
    assert rules_of(out) == {"missing-indicator", "weaker-threshold"}
    _, out, _ = run("check", JINAN_WOMEN, "--format", "json", "--ignore", "CMP102", "--ignore", "CMP2,CMP104")
    assert not rules_of(out) & {"missing-indicator", "weaker-threshold", "band-deviation", "reference-unavailable"}
    code, _, err = run("check", JINAN_WOMEN, "--ignore", "weaker")
    assert code == 2 and "--ignore: 'weaker' names no rule (did you mean 'weaker-threshold'?" in err
    code, _, err = run("check", JINAN_WOMEN, "--select", "CMP9")
    assert code == 2 and "--select: 'CMP9' names no rule" in err


def test_extend_select_adds_to_select(project: Path) -> None:
    (project / "compliance.toml").write_text('select = ["CMP102"]\n', encoding="utf-8")
    _, out, _ = run("check", JINAN_WOMEN, "--format", "json", "--extend-select", "CMP403")
    assert rules_of(out) == {"missing-indicator", "unknown-indicator"}


def test_per_file_ignores_apply_to_the_plans_their_glob_matches(project: Path) -> None:
    (project / "plans" / "drafts" / "jinan.yaml").write_text(JINAN_WOMEN.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "plans" / "jinan.yaml").write_text(JINAN_WOMEN.read_text(encoding="utf-8"), encoding="utf-8")
    (project / "compliance.toml").write_text('[per-file-ignores]\n"plans/drafts/*.yaml" = ["missing-indicator"]\n', encoding="utf-8")
    _, out, _ = run("check", "plans/drafts/jinan.yaml", "--format", "json")
    assert "missing-indicator" not in rules_of(out)
    _, out, _ = run("check", "plans/jinan.yaml", "--format", "json")
    assert "missing-indicator" in rules_of(out)
    settings = load_settings(cwd=project / "plans", environ={})  # relative to the file's folder, wherever the run starts
    assert settings.ignored_for(project / "plans" / "drafts" / "jinan.yaml") == ["missing-indicator"]
    assert settings.ignored_for(project / "plans" / "jinan.yaml") == []


def test_a_severity_override_changes_the_findings_and_the_exit_code(project: Path) -> None:
    code, out, _ = run("check", JINAN_WOMEN, "--format", "json")
    assert code == 1
    errors = [f for f in report_of(out)["findings"] if f["severity"] == "error"]
    assert {f["rule"] for f in errors} == {"missing-indicator"}
    (project / "compliance.toml").write_text('[severity]\nmissing-indicator = "warning"\nCMP4 = "error"\nCMP403 = "info"\n', encoding="utf-8")
    code, out, _ = run("check", JINAN_WOMEN, "--format", "json")
    by_rule = {f["rule"]: f["severity"] for f in report_of(out)["findings"]}
    assert by_rule["missing-indicator"] == "warning"
    assert by_rule["unknown-indicator"] == "info"  # the code is more specific than the family
    assert code == 1 or "error" not in by_rule.values()


def test_fail_on_and_exit_zero(project: Path) -> None:
    assert run("check", XINPING_CHILDREN)[0] == 0  # warnings only
    assert run("check", XINPING_CHILDREN, "--fail-on", "warning")[0] == 1
    assert run("check", JINAN_WOMEN, "--fail-on", "never")[0] == 0
    assert run("check", JINAN_WOMEN, "--exit-zero")[0] == 0
    assert run("check", XINPING_CHILDREN, env={"COMPLIANCE_FAIL_ON": "warning"})[0] == 1
    assert run("check", "no-such-plan.yaml", "--exit-zero")[0] == 2  # a tool error is never hidden
    (project / "compliance.toml").write_text('format = "sarf"\n', encoding="utf-8")
    code, _, err = run("check", JINAN_WOMEN, "--exit-zero")
    assert code == 2 and "compliance.toml:1:10: 'sarf' is not a report format" in err


def test_library_check_takes_settings(project: Path) -> None:
    import compliance

    plan = compliance.load_plan(JINAN_WOMEN)
    settings = compliance.load_settings({"ignore": ["CMP1"], "severity": None}, config_file=False)
    report = compliance.check(plan, settings=settings, ignore=["CMP4"])
    assert {f.code[:4] for f in report.findings} == {"CMP2"}
    assert all(f.severity is not Severity.ERROR for f in report.findings) and not report.failed


# --- compliance config --------------------------------------------------------------------------


def test_config_prints_each_value_and_where_it_came_from(project: Path) -> None:
    (project / "compliance.toml").write_text('horizon = "end"\nignore = ["CMP403"]\n', encoding="utf-8")
    code, out, _ = run("config", env={"COMPLIANCE_IGNORE": "CMP404", "COMPLIANCE_FAIL_ON": "warning"})
    assert code == 0
    file = (project / "compliance.toml").resolve()
    lines = {line.split(" = ")[0]: line for line in out.splitlines() if " = " in line and not line.startswith("#")}
    assert lines["horizon"].startswith('horizon = "end"') and lines["horizon"].endswith(f"# {file}:1:1")
    assert lines["ignore"].startswith('ignore = ["CMP403", "CMP404"]') and lines["ignore"].endswith(f"# {file}:2:1, COMPLIANCE_IGNORE")
    assert lines["fail-on"].endswith("# COMPLIANCE_FAIL_ON") and lines["select"].endswith("# default")
    from compliance.checks import RULES

    assert f"# rules that run: {len(RULES) - 2} of {len(RULES)} (not: unknown-indicator, unparsed-number)" in out
    import tomllib  # the output is TOML a project can start from

    assert tomllib.loads("\n".join(line.split("  #")[0] for line in out.splitlines()))["horizon"] == "end"
    _, out, _ = run("config", "--json")
    data = json.loads(out)
    assert data["config_file"] == str(file)
    assert data["settings"]["ignore"] == {"value": ["CMP403"], "origins": [f"{file}:2:1"], "environment": "COMPLIANCE_IGNORE"}


def test_the_rules_setting_names_overlays_the_check_uses(project: Path) -> None:
    """`rules` of the configuration (issue 11): the overlay's severities are the check's; a missing folder is bad input."""
    (project / "compliance.toml").write_text('rules = ["my-rules"]\n', encoding="utf-8")
    (project / "my-rules").mkdir()
    (project / "my-rules" / "checks.yaml").write_text("rules:\n  unknown-indicator: {severity: warning}\n", encoding="utf-8")
    code, out, _ = run("check", JINAN_WOMEN, "--format", "json")
    findings = [f for r in json.loads(out)["reports"] for f in r["findings"] if f["rule"] == "unknown-indicator"]
    assert findings and {f["severity"] for f in findings} == {"warning"}
    (project / "compliance.toml").write_text('rules = ["no-such-folder"]\n', encoding="utf-8")
    code, _, err = run("check", JINAN_WOMEN)
    assert code == 2 and "no-such-folder" in err and "no such rules overlay folder" in err


def test_lang_of_the_file_chooses_the_language_unless_an_option_or_the_environment_does(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "compliance.toml").write_text('lang = "zh"\n', encoding="utf-8")
    monkeypatch.delenv("COMPLIANCE_LANG")
    monkeypatch.setenv("LANG", "C")
    _, out, _ = run("check", JINAN_WOMEN)
    assert "错误" in out
    _, out, _ = run("check", JINAN_WOMEN, "--lang", "en")
    assert "错误" not in out and "error" in out
    _, out, _ = run("check", JINAN_WOMEN, env={"COMPLIANCE_LANG": "en"})
    assert "错误" not in out
