"""Checking straight from a document gives the findings of the hand-made plan files.

The only difference allowed is `unknown-indicator` (info): extraction names a
measure as the sentence words it (乡镇领导班子女干部), the hand-made files use
tidier names (乡镇领导班子配备女干部人数); neither is in the catalogue.
"""

from __future__ import annotations

import collections
import json
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.checking import check
from compliance.cli import main
from compliance.reading import FORMATS
from compliance.extraction import extract
from compliance.loading.plans import load_plan
from compliance.references import ReferenceLibrary

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "examples" / "texts"
PAIRS = {
    "xinping-county-women-children-2021-2030.txt": [
        "examples/plans/xinping-women-2021-2030.yaml",
        "examples/plans/xinping-children-2021-2030.yaml",
    ],
    "jinan-shizhong-district-women-children-2021-2025.txt": [
        "examples/plans/jinan-shizhong-women-2021-2025.yaml",
        "examples/plans/jinan-shizhong-children-2021-2025.yaml",
    ],
    "jiaxing-city-women-children-2021-2025.txt": [
        "reference_targets/zhejiang/jiaxing/women-2021-2025.yaml",
        "reference_targets/zhejiang/jiaxing/children-2021-2025.yaml",
    ],
}


@cache
def library() -> ReferenceLibrary:
    return ReferenceLibrary.load()


def findings(plan: object) -> collections.Counter:
    report = check(plan, library())  # type: ignore[arg-type]
    return collections.Counter(
        (
            f.rule,
            f.indicator or f.indicator_name or "-",
            f.severity.value,
            f.reference.source.id if f.reference else (f.reference_plan.id if f.reference_plan else ""),
        )
        for f in report.findings
        # title-mismatch is about the document's heading, which a hand-made plan file does not describe
        # (the 新平 text heads its children's plan 新平妇女发展规划: tests/test_title_mismatch.py)
        if f.rule not in ("unknown-indicator", "title-mismatch")
    )


@pytest.mark.parametrize("text", sorted(PAIRS))
def test_same_findings_as_the_hand_made_plans(text: str) -> None:
    extracted = extract(TEXTS / text)
    assert [p.plan.kind.value for p in extracted] == ["women", "children"]
    for plan, hand_made in zip(extracted, PAIRS[text], strict=True):
        assert findings(plan) == findings(load_plan(ROOT / hand_made)), hand_made


def test_check_a_document_from_the_command_line_reports_document_lines() -> None:
    result = CliRunner().invoke(
        main, ["check", str(TEXTS / "jinan-shizhong-district-women-children-2021-2025.txt"), "--format", "json"]
    )
    assert result.exit_code == 1, result.output
    women, children = json.loads(result.stdout)["reports"]
    assert women["plan"]["file"].endswith(".txt") and children["plan"]["kind"] == "children"
    hiv = [f for f in women["findings"] if f["rule"] == "weaker-threshold"][0]
    assert hiv["plan_target"]["line"] == 43 and "3%" in hiv["plan_target"]["text"]


def test_extract_writes_one_reviewable_file_per_plan(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["extract", str(TEXTS / "xinping-county-women-children-2021-2030.txt"), "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    files = sorted(tmp_path.glob("*.yaml"))
    assert [f.name for f in files] == [
        "xinping-county-women-children-2021-2030-children.yaml",
        "xinping-county-women-children-2021-2030-women.yaml",
    ]
    text = files[1].read_text(encoding="utf-8")
    assert "孕产妇死亡率" in text and "\\u" not in text  # Chinese as written, not escaped
    assert load_plan(files[1]).plan.title == "新平妇女发展规划（2021—2030年）"
    assert CliRunner().invoke(main, ["validate", *map(str, files)]).exit_code == 0


def test_extract_to_stdout_and_bad_documents() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(TEXTS / "xinping-county-women-children-2021-2030.txt")])
    assert result.exit_code == 0 and result.stdout.count("format: compliance-plan/1") == 2
    result = runner.invoke(main, ["extract", str(ROOT / "README.md"), "--kind", "men"])
    assert result.exit_code == 2
    result = runner.invoke(main, ["extract", str(ROOT / "pyproject.toml")])
    assert result.exit_code == 2 and f"give a {FORMATS} file" in result.stderr


def test_extraction_options_on_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(empty)])
    assert result.exit_code == 2 and "the document is empty" in result.stderr
    unknown = tmp_path / "note.txt"
    unknown.write_text("会议纪要\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(unknown)])
    assert result.exit_code == 2 and "no target found in this document" in result.stderr
    text = TEXTS / "xinping-county-women-children-2021-2030.txt"
    result = runner.invoke(main, ["extract", str(text), "--period", "2021-2025", "--kind", "children"])
    assert result.exit_code == 0 and "period: [2021, 2025]" in result.stdout and "\n  kind: women\n" not in result.stdout
    result = runner.invoke(main, ["extract", str(text), "--period", "2025"])
    assert result.exit_code == 2 and "write the first and last year" in result.stderr


def test_an_indicator_table_with_a_unit_column_quotes_no_other_value(tmp_path: Path) -> None:
    """The row's unit cell (1/10万) is no value: its target cell (<10) is what the row says (trial defect 12)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "主要指标"
    sheet.append(["嘉善县妇女发展“十四五”规划主要指标"])
    sheet.append(["序号", "领域", "指标", "单位", "2020年", "2025年", "上级目标", "属性"])
    sheet.append([1, "妇女与健康", "孕产妇死亡率", "1/10万", 8.5, "<10", "<7", "约束性"])
    sheet.append([2, "妇女与健康", "婚前医学检查率", "%", 82.1, ">80", ">85", "预期性"])
    sheet.append([3, "妇女参与决策和管理", "村民委员会成员中女性比例", "%", 26.3, 25, "≥30", "预期性"])
    path = tmp_path / "指标表.xlsx"
    book.save(path)
    (plan,) = extract(path)
    assert {t.indicator: (str(t.target.op), str(t.target.value), t.target.unit) for t in plan.targets} == {
        "孕产妇死亡率": ("<", "10", "1/10万"),
        "婚前医学检查率": (">", "80", "%"),
        "村民委员会成员中女性比例": (">=", "25", "%"),
    }
    rules = {f.rule for f in check(plan, library()).findings}
    assert "text-mismatch" not in rules
