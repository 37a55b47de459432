"""The matrix says what is known of each cell, never 达标 for what nobody checked (trial defect 8).

A county's share of the city's targets, a rule turned off (--ignore, per-file-ignores),
a waived finding and a target of the city's own bodies each have a state of their own,
in the JSON, text, Markdown, HTML and Excel reports, in Chinese and English.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.report.summary import report_settings

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = ROOT / "tests" / "cases" / "references-municipal"
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
HAINING = """\
format: compliance-plan/1
plan: {title: 海宁市妇女发展规划, kind: women, level: county, jurisdiction: [浙江省, 嘉兴市, 海宁市], period: [2021, 2025]}
domains: [妇女与健康, 妇女参与决策管理, 妇女与环境]
targets:
  - {indicator: 孕产妇死亡率, domain: 妇女与健康, target: "< 7 1/10万"}
"""


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """Two county plans that state 孕产妇死亡率 and nothing else the city asks of them."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "haining-women.yaml").write_text(HAINING, encoding="utf-8")
    (folder / "haiyan-women.yaml").write_text(HAINING.replace("海宁市", "海盐县"), encoding="utf-8")
    return folder


def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout


def document(*args: object) -> dict[str, Any]:
    _, out = run("check", *args, "--ref", REFERENCES, "--format", "json")
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    return data


def cells(data: dict[str, Any], county: str) -> dict[str, dict[str, Any]]:
    (row,) = [r for r in data["matrix"]["rows"] if r["county"] == county]
    by_name = {c["id"]: c["name"] for c in data["matrix"]["columns"]}
    return {by_name[key]: cell for key, cell in row["cells"].items()}


def test_a_county_is_not_said_to_meet_what_it_never_states(plans: Path) -> None:
    row = cells(document(plans), "海宁市")
    assert row["孕产妇死亡率"] == {"state": "meets", "severity": None, "rules": [], "stated": True, "turned_off": []}
    assert row["婚前医学检查率"]["state"] == "missing"
    # the city's shares of counties: told to the county as its part, not met
    assert row["建立妇女活动中心的县（市、区）比例"] == {
        "state": "shared",
        "severity": "info",
        "rules": ["shared-target"],
        "stated": False,
        "turned_off": [],
    }
    assert row["县（市、区）党委领导班子中配有女干部的班子比例"]["state"] == "shared"
    # the city's own deputies (市级人大代表中女性比例) bind the city only
    assert row["人大代表中女性比例"] == {
        "state": "not-binding",
        "severity": None,
        "rules": [],
        "stated": False,
        "turned_off": [],
    }
    assert "meets" not in {c["state"] for name, c in row.items() if name != "孕产妇死亡率"}


def test_a_rule_turned_off_makes_its_cells_not_checked(plans: Path) -> None:
    row = cells(document(plans, "--ignore", "missing-indicator"), "海宁市")
    assert row["婚前医学检查率"] == {
        "state": "not-checked",
        "severity": None,
        "rules": [],
        "stated": False,
        "turned_off": ["missing-indicator"],
    }
    assert row["孕产妇死亡率"]["state"] == "meets"
    # a comparison's rule turned off: the compared target is not said to meet either
    weaker = plans / "haiyan-women.yaml"
    weaker.write_text(weaker.read_text(encoding="utf-8").replace('"< 7 1/10万"', '"<= 9 1/10万"'), encoding="utf-8")
    assert cells(document(plans), "海盐县")["孕产妇死亡率"]["state"] == "weaker"
    row = cells(document(plans, "--ignore", "weaker-threshold"), "海盐县")
    assert row["孕产妇死亡率"]["state"] == "not-checked" and row["孕产妇死亡率"]["turned_off"] == ["weaker-threshold"]


def test_per_file_ignores_make_cells_not_checked(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(plans.parent)
    (plans.parent / "compliance.toml").write_text(
        '[per-file-ignores]\n"plans/haiyan-*.yaml" = ["missing-indicator"]\n', encoding="utf-8"
    )
    data = document("plans")
    assert cells(data, "海盐县")["婚前医学检查率"]["state"] == "not-checked"
    assert cells(data, "海宁市")["婚前医学检查率"]["state"] == "missing"


def test_a_waived_finding_makes_its_cell_waived(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(plans.parent)
    waivers = plans.parent / "waivers.yaml"
    waivers.write_text(
        "format: compliance-waivers/1\nwaivers:\n"
        "  - rule: missing-indicator\n    plan: plans/haining-women.yaml\n    indicator: 婚前医学检查率\n"
        "    reason: 经市妇儿工委同意暂不设置\n    approved-by: 嘉兴市妇儿工委\n    expires: 2099-12-31\n",
        encoding="utf-8",
    )
    data = document("plans", "--waivers", "waivers.yaml")
    cell = cells(data, "海宁市")["婚前医学检查率"]
    assert cell["state"] == "waived" and cell["rules"] == ["missing-indicator"]
    assert cells(data, "海盐县")["婚前医学检查率"]["state"] == "missing"


def test_every_state_is_data_with_words_and_colours_in_both_languages() -> None:
    from compliance.messages import msg

    matrix = report_settings()["matrix"]
    assert {"not-checked", "waived", "shared", "not-binding", "meets"} <= set(matrix["states"])
    assert matrix["rules"]["shared-target"] == "shared" and matrix["turned-off"] == "not-checked"
    for state in matrix["states"]:
        assert state in report_settings()["colours"], state
        for lang in ("zh", "en"):
            assert msg(f"matrix.short.{state}").render(lang) and msg(f"matrix.state.{state}").render(lang)
    assert msg("matrix.short.shared").render("zh") != msg("matrix.short.meets").render("zh")


def _matrix_line(out: str, name: str) -> list[str]:
    return [line for line in out.splitlines() if line.strip().startswith(name)][-1].split()[1:]


def test_the_text_and_markdown_matrices_show_the_states(plans: Path) -> None:
    _, out = run("check", plans, "--ref", REFERENCES, "--lang", "zh", "--ignore", "qualitative-only")
    assert _matrix_line(out, "建立妇女活动中心的县（市、区）比例") == ["共担", "共担"]
    assert _matrix_line(out, "人大代表中女性比例") == ["不适用", "不适用"]
    assert _matrix_line(out, "孕产妇死亡率") == ["达标", "达标"]
    assert "共担 县（市、区）共同目标，不逐县比对" in out and "不适用 不约束本级" in out
    _, out = run("check", plans, "--ref", REFERENCES, "--lang", "en", "--ignore", "missing-indicator")
    assert _matrix_line(out, "婚前医学检查率") == ["n/chk", "n/chk"]
    assert "n/chk not checked" in out
    _, out = run("check", plans, "--ref", REFERENCES, "--lang", "zh", "--format", "markdown")
    assert "| 建立妇女活动中心的县（市、区）比例 | 共担 | 共担 |" in out
    assert "| 人大代表中女性比例 | 不适用 | 不适用 |" in out


def test_the_html_and_excel_matrices_show_the_states(plans: Path, tmp_path: Path) -> None:
    _, page = run("check", plans, "--ref", REFERENCES, "--format", "html", "--lang", "zh", "--ignore", "missing-indicator")
    assert 'data-state="shared"' in page and 'data-state="not-binding"' in page and 'data-state="not-checked"' in page
    assert "已关闭的规则：missing-indicator" in page
    assert "共担 = 县（市、区）共同目标，不逐县比对" in page
    book = tmp_path / "report.xlsx"
    run("check", plans, "--ref", REFERENCES, "--format", "xlsx", "--lang", "zh", "-o", book)
    sheet = openpyxl.load_workbook(book)["汇总"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if "孕产妇死亡率" in r)
    haining = next(r for r in rows if r[0] == "海宁市")
    assert haining[header.index("孕产妇死亡率")] == "达标"
    assert haining[header.index("建立妇女活动中心的县（市、区）比例")] == "共担"
    assert haining[header.index("人大代表中女性比例")] == "不适用"
    assert haining[header.index("婚前医学检查率")] == "缺失"
