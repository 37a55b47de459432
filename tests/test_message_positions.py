"""A finding's message names places in the plan as the plan's document shows them (trial defect 19).

A .docx has paragraphs, not lines: a message that says 第45行…第47行 beside a
finding located at 第47段 sends the drafter to the wrong place. Messages take
the document's own locator (第47段, 第2页第14行, 主要指标!F9), as the finding's
position does; a text file keeps 第N行. (conflicting-targets and shared-target
take it from checks.base.where_stated, tests/test_report_places.py; here on a
.docx made from a sample text, and for the unparsed-number message.)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from compliance import check
from compliance.extraction import extract
from compliance.messages import using
from compliance.model import Plan
from compliance.references import ReferenceLibrary

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from makedocs import text_to_docx  # noqa: E402

TEXT = HERE.parent / "examples" / "texts" / "jinan-shizhong-district-women-children-2021-2025.txt"
STATED = "（2）孕产妇死亡率控制在8/10万以下"  # 主要目标
RESTATED = "（4）保障孕产妇安全分娩"  # 策略措施


def _draft_with_a_second_value() -> list[str]:
    """The sample text as a drafter's copy whose 策略措施 restate 孕产妇死亡率 with another value."""
    lines = TEXT.read_text(encoding="utf-8").splitlines()
    at = _at(lines, RESTATED)
    lines[at] = lines[at].rstrip() + "到2025年，全区孕产妇死亡率控制在9/10万以下。"
    return lines


def _at(lines: list[str], start: str = STATED) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(start))


def _conflicts(plan: Plan) -> list:
    report = check(plan, ReferenceLibrary.load())
    return [f for f in report.findings if f.rule == "conflicting-targets" and f.indicator_name == "孕产妇死亡率"]


def test_conflicting_targets_in_a_docx_are_named_by_their_paragraphs(tmp_path: Path) -> None:
    document = text_to_docx(_draft_with_a_second_value(), tmp_path / "draft.docx")
    women = next(p for p in extract(document) if p.plan.kind == "women")
    (finding,) = _conflicts(women)
    first, second = (t for t in women.targets if t.indicator == "孕产妇死亡率" and t.target.value in (8, 9))
    assert re.fullmatch(r"第\d+段", first.locator or "") and finding.plan_target.locator == second.locator
    with using("zh"):
        said = str(finding.message)
    assert f"{first.locator}为" in said and f"{second.locator}为" in said, said
    assert not re.search(r"第\d+行", said), said  # Word shows no line numbers
    with using("en"):
        said = str(finding.message)
    assert f"({first.locator})" in said and f"({second.locator})" in said and "line" not in said, said


def test_a_text_file_keeps_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    lines = _draft_with_a_second_value()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    women = next(p for p in extract(path) if p.plan.kind == "women")
    (finding,) = _conflicts(women)
    with using("zh"):
        said = str(finding.message)
    assert f"第{_at(lines) + 1}行为" in said and f"第{_at(lines, RESTATED) + 1}行为" in said, said


def test_an_unparsed_number_is_named_by_its_locator() -> None:
    from compliance.loading.plans import loads_plan

    plan = loads_plan(
        "format: compliance-plan/1\n"
        "plan: {title: 测试县妇女发展规划, kind: women, level: county, jurisdiction: [浙江省, 嘉兴市, 嘉善县], period: [2021, 2025]}\n"
        "targets: []\n"
        "unparsed:\n"
        "- {line: 131, locator: 第3页第12行, text: 妇女参与率提高到**以上, reason: masked}\n"
        "- {line: 40, text: 比例稳步提高到38以上}\n"
    )
    said = []
    with using("zh"):
        said = [str(f.message) for f in check(plan, ReferenceLibrary.load()).findings if f.rule == "unparsed-number"]
    assert any(s.startswith("第3页第12行有数字") for s in said) and any(s.startswith("第40行有数字") for s in said), said
    assert not any("第131行" in s for s in said), said
