"""Batch runs: folders walked, a broken input reported among good ones, the summary and the matrix, one JSON shape."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from compliance.batch import InputFailure, check_inputs, find_inputs
from compliance.cli import main
from compliance.report.json_report import document_of

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"
JINAN_WOMEN = PLANS / "jinan-shizhong-women-2021-2025.yaml"
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))


def run(*args: object, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder_with_a_broken_file(tmp_path: Path) -> Path:
    """Two good plans in a nested folder, a broken one between them, and things a walk must skip."""
    shutil.copy(PLANS / "xinping-women-2021-2030.yaml", tmp_path / "a-xinping-women.yaml")
    (tmp_path / "b-broken.yaml").write_text(
        "format: compliance-plan/1\nplan:\n  title: 某县妇女发展规划\n  kind: girls\n", encoding="utf-8"
    )
    (tmp_path / "county").mkdir()
    shutil.copy(JINAN_WOMEN, tmp_path / "county" / "c-jinan-women.yaml")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.yaml").write_text("not: a plan\n", encoding="utf-8")
    (tmp_path / "notes.pdf.bak").write_text("ignored\n", encoding="utf-8")
    return tmp_path


def test_a_folder_is_walked_for_plan_files_and_documents(folder_with_a_broken_file: Path) -> None:
    found = [p.relative_to(folder_with_a_broken_file).as_posix() for p in find_inputs([folder_with_a_broken_file])]
    assert found == ["a-xinping-women.yaml", "b-broken.yaml", "county/c-jinan-women.yaml"]
    excluded = find_inputs([folder_with_a_broken_file], exclude=[folder_with_a_broken_file / "b-broken.yaml"])
    assert len(excluded) == 2
    texts = find_inputs([ROOT / "examples"])
    assert {p.suffix for p in texts} == {".yaml", ".txt"}


def test_one_broken_file_among_good_ones_is_reported_and_the_others_checked(folder_with_a_broken_file: Path) -> None:
    code, out, err = run("check", folder_with_a_broken_file, "--lang", "en")
    assert code == 2  # bad input, after every good one is reported
    assert "新平妇女发展规划（2021—2030年）" in out and "济南市市中区“十四五”妇女发展规划" in out
    assert out.index("新平") < out.index("济南市市中区")
    assert f"error: {folder_with_a_broken_file / 'b-broken.yaml'}:4:9: $.plan.kind: 'girls'" in err
    assert "2 plans checked (1 with errors), 1 input could not be read" in out
    assert "could not be read:" in out and "b-broken.yaml:4:9" in out


def test_the_json_document_of_a_batch_with_a_broken_file(folder_with_a_broken_file: Path) -> None:
    code, out, _ = run("check", folder_with_a_broken_file, "--format", "json", "--lang", "zh")
    assert code == 2
    document = json.loads(out)
    jsonschema.validate(document, SCHEMA)
    assert [r["plan"]["county"] for r in document["reports"]] == ["新平彝族傣族自治县", "市中区"]
    (failure,) = document["input_errors"]
    assert failure["file"].endswith("b-broken.yaml") and failure["internal"] is False
    assert (4, 9) in [(p["line"], p["column"]) for p in failure["problems"]]
    summary = document["summary"]
    assert (summary["inputs"], summary["plans"], summary["plans_failed"], summary["input_errors"]) == (3, 2, 1, 1)
    findings = [f for r in document["reports"] for f in r["findings"]]
    assert summary["errors"] + summary["warnings"] + summary["info"] == len(findings)
    assert sum(r["count"] for r in summary["by_rule"]) == len(findings)
    counts = [r["count"] for r in summary["by_rule"]]
    assert counts == sorted(counts, reverse=True)
    assert {r["rule"]: r["title"] for r in summary["by_rule"]}["missing-indicator"] == "缺少指标"


def test_one_plan_gives_the_same_shape_as_many() -> None:
    _, out, _ = run("check", JINAN_WOMEN, "--format", "json")
    single = json.loads(out)
    jsonschema.validate(single, SCHEMA)
    _, out, _ = run("check", PLANS, "--format", "json")
    many = json.loads(out)
    jsonschema.validate(many, SCHEMA)
    assert set(single) == set(many) and len(single["reports"]) == 1 and len(many["reports"]) == 4


def _cell(document: dict, county: str, kind: str, indicator: str) -> dict | None:
    (row,) = [r for r in document["matrix"]["rows"] if r["county"] == county and r["kind"] == kind]
    return row["cells"].get(indicator)


def test_the_matrix_lines_up_plans_by_catalogue_id() -> None:
    _, out, _ = run("check", PLANS, "--format", "json")
    document = json.loads(out)
    matrix = document["matrix"]
    assert matrix["states"] == [
        "missing", "weaker", "not-comparable", "masked", "not-checked", "waived", "shared", "meets", "not-binding"
    ]
    assert len(matrix["rows"]) == 4
    women = [c["id"] for c in matrix["columns"] if c["kind"] == "women"]
    assert "hiv_mother_to_child_transmission" in women and "maternal_mortality" in women
    assert _cell(document, "市中区", "women", "hiv_mother_to_child_transmission") == {
        "state": "weaker",
        "severity": "warning",
        "rules": ["weaker-threshold"],
        "stated": True,
        "turned_off": [],
    }
    assert _cell(document, "市中区", "women", "cervical_cancer_screening")["state"] == "missing"
    assert _cell(document, "市中区", "women", "maternal_mortality")["state"] == "meets"
    assert _cell(document, "新平彝族傣族自治县", "women", "hiv_mother_to_child_transmission")["state"] == "meets"
    assert _cell(document, "市中区", "women", "infant_mortality") is None  # a children's indicator
    # the row points at its report
    for row in matrix["rows"]:
        assert document["reports"][row["report"]]["plan"]["title"] == row["title"]


def test_masked_and_not_comparable_cells(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "format: compliance-plan/1\n"
        "plan: {title: 某县妇女发展规划, kind: women, level: provincial, jurisdiction: [浙江省], period: [2021, 2030]}\n"
        "targets:\n"
        "  - {indicator: 孕产妇死亡率, target: 下降到7/***以下}\n"
        "  - {indicator: 适龄妇女宫颈癌人群筛查率, target: '>= 70 万人'}\n",
        encoding="utf-8",
    )
    document = document_of(check_inputs([plan], [ROOT / "tests" / "cases" / "references"]))
    (row,) = document["matrix"]["rows"]
    assert row["cells"]["maternal_mortality"]["state"] == "masked"
    assert row["cells"]["cervical_cancer_screening"]["state"] == "not-comparable"


def test_results_stream_one_at_a_time(tmp_path: Path) -> None:
    results = check_inputs([JINAN_WOMEN, tmp_path / "missing.yaml"])
    first = next(results)
    assert first.plan.plan.title == "济南市市中区“十四五”妇女发展规划"
    (failure,) = list(results)
    assert isinstance(failure, InputFailure) and "no such file" in failure.problems[0].message


def test_nothing_to_check_is_bad_input(tmp_path: Path) -> None:
    code, _, err = run("check", tmp_path)
    assert code == 2 and "no plan file or plan document found" in err


def test_the_text_summary_counts_rules_and_prints_the_matrix_in_chinese() -> None:
    code, out, _ = run("check", PLANS, "--lang", "zh")
    assert code == 1
    summary = out[out.index("== 汇总 =="):]
    assert "共检查规划4个（2个有错误），0个文件无法读取" in summary
    assert "按规则统计：" in summary and "CMP102  missing-indicator" in summary and "缺少指标" in summary
    assert "妇女发展规划对照上级指标情况：" in summary and "儿童发展规划对照上级指标情况：" in summary
    line = [x for x in summary.splitlines() if x.strip().startswith("艾滋病母婴传播率")][0]
    assert line.split()[1:] == ["低于", "达标"]  # 市中区, then 新平


def test_a_single_plan_has_no_batch_summary() -> None:
    _, out, _ = run("check", JINAN_WOMEN)
    assert "== summary ==" not in out


def test_output_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text("keep me", encoding="utf-8")
    code, _, err = run("check", JINAN_WOMEN, "--format", "json", "-o", report)
    assert code == 2 and "already exists" in err and "--force" in err
    assert report.read_text(encoding="utf-8") == "keep me"
    code, out, _ = run("check", JINAN_WOMEN, "--format", "json", "-o", report, "--force")
    assert code == 1 and out == ""
    assert json.loads(report.read_text(encoding="utf-8"))["format"] == "compliance-report/2"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left


def test_an_output_file_in_the_checked_folder_is_not_read_as_a_plan(tmp_path: Path) -> None:
    shutil.copy(JINAN_WOMEN, tmp_path / "plan.yaml")
    (tmp_path / "report.json").write_text("{}", encoding="utf-8")
    code, _, err = run("check", tmp_path, "--format", "json", "-o", tmp_path / "report.json", "--force")
    assert code == 1 and err == ""


def test_a_failed_run_leaves_no_report(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    code, _, _ = run("check", JINAN_WOMEN, "--select", "no-such-rule", "--format", "json", "-o", report)
    assert code == 2 and not report.exists() and list(tmp_path.iterdir()) == []


def test_colour_on_request_and_never_in_a_pipe() -> None:
    _, coloured, _ = run("check", JINAN_WOMEN, "--color", "always")
    assert "\x1b[31m" in coloured  # errors in red
    _, plain, _ = run("check", JINAN_WOMEN)  # CliRunner is not a terminal: auto means no colour
    assert "\x1b[" not in plain
    _, never, _ = run("check", JINAN_WOMEN, "--color", "never")
    assert "\x1b[" not in never


def test_auto_colour_follows_the_terminal_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from compliance.cli.output import use_colour

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour("auto", to_file=False) is True
    assert use_colour("auto", to_file=True) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_colour("auto", to_file=False) is False
    assert use_colour("always", to_file=False) is True


def test_progress_line_on_a_terminal_for_more_than_a_few_inputs(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import sys

    from compliance.cli.output import Progress, progress_wanted

    assert progress_wanted(10, to_file=True) is False  # stderr is not a terminal under pytest
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert progress_wanted(3, to_file=True) is False  # a few: no progress line
    assert progress_wanted(10, to_file=True) is True
    assert progress_wanted(10, to_file=False) is False  # the text report itself shows progress
    progress = Progress(10, enabled=True)
    progress.step("plans/a.yaml")
    progress.step("plans/b.yaml")
    progress.clear()
    err = capsys.readouterr().err
    assert "[1/10] plans/a.yaml" in err and "\r[2/10] plans/b.yaml" in err and err.endswith("\r")


def test_the_library_gives_the_same_document() -> None:
    import compliance

    document = compliance.report_document(compliance.check_inputs([PLANS]))
    jsonschema.validate(document, SCHEMA)
    _, out, _ = run("check", PLANS, "--format", "json")
    assert document["summary"] == json.loads(out)["summary"]


def test_report_libraries_are_imported_only_for_their_format() -> None:
    import subprocess
    import sys

    script = (
        "import sys; from click.testing import CliRunner; from compliance.cli import main; "
        f"CliRunner().invoke(main, ['check', {str(JINAN_WOMEN)!r}, '--format', 'json']); "
        "print(sorted(m for m in ('jinja2', 'xlsxwriter', 'selenium') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_folder_s_files_of_unreadable_formats_are_named_not_skipped_in_silence(tmp_path: Path) -> None:
    shutil.copy(PLANS / "xinping-women-2021-2030.yaml", tmp_path / "a-xinping-women.yaml")
    (tmp_path / "某县儿童发展规划.dps").write_bytes(b"PK a WPS presentation of the plan")
    (tmp_path / "county").mkdir()
    (tmp_path / "county" / "某县妇女发展规划.ofd").write_bytes(b"PK an OFD file")
    unreadable: list[Path] = []
    found = find_inputs([tmp_path], unreadable=unreadable)
    assert [p.name for p in found] == ["a-xinping-women.yaml"]
    assert [p.name for p in unreadable] == ["某县妇女发展规划.ofd", "某县儿童发展规划.dps"]
    code, out, err = run("check", tmp_path, "--lang", "zh")
    assert code == 0  # the readable plan is clean; the note does not change the verdict
    assert "注意：文件夹中有2个文件的格式无法读取，未予检查" in err
    assert "某县儿童发展规划.dps" in err and "某县妇女发展规划.ofd" in err and ".docx" in err
    code, out, err = run("check", tmp_path, "--lang", "en")
    assert "note: 2 file(s) in the folder are in a format check cannot read" in err


def test_a_folder_of_readable_files_only_gets_no_unreadable_note(tmp_path: Path) -> None:
    shutil.copy(PLANS / "xinping-women-2021-2030.yaml", tmp_path / "a-xinping-women.yaml")
    code, out, err = run("check", tmp_path, "--lang", "zh")
    assert "无法读取" not in err


def test_a_found_file_s_real_path_is_what_path_resolve_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """find_inputs tells files apart by their real paths, a folder's worked out once (batch._real_file)."""
    from compliance.batch import _real_file

    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "plans" / "link.yaml").symlink_to(tmp_path / "plans" / "a.yaml")
    (tmp_path / "mirror").symlink_to(tmp_path / "plans")
    (tmp_path / "plans" / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (tmp_path / "work" / "deep").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "work")
    folders: dict[str, str] = {}
    for given in [
        tmp_path / "plans" / "a.yaml", tmp_path / "mirror" / "a.yaml", tmp_path / "mirror" / "link.yaml",
        Path("../plans/a.yaml"), Path("deep/../../mirror/a.yaml"), Path("missing.yaml"), Path("deep/.."),
        tmp_path / "plans" / "dangling.yaml", Path("."), Path("../mirror/link.yaml"),
    ]:
        assert _real_file(given, folders) == given.resolve(), given
    found = find_inputs([tmp_path / "plans", tmp_path / "mirror", "../mirror/a.yaml", "../plans/link.yaml"])
    assert found == [tmp_path / "plans" / "a.yaml"]  # one file however it is named: a link, a linked folder
