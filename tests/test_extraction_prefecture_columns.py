"""A county plan's indicator table with its prefecture's targets beside its own: 目标值 over 2025年 | 2030年, then
州规划目标 (or 盟规划目标) over 2030年. The prefecture's column is a parent's (kept as `parent_target`), never the plan's
2030 target; before, 州规划 was no level word and the column was read as a third target column (a false 2030 target
per row, and the parent's value checked as the plan's).

Also: a printed table whose 指标 cell runs over its right rule by its closing bracket (…覆盖率（% | ）90.2): the
bracket is the name's, the baseline 90.2. Before, the baseline cell read ）90.2 and the row's targets were lost.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from compliance.extraction import extract
from tests.makedocs import ruled_grid_pdf, truetype_font, word_table

EXPECTED = [
    ("婴儿死亡率", "<=", Decimal("5.6"), 2025),
    ("婴儿死亡率", "<=", Decimal("5.2"), None),
    ("学前教育毛入园率", ">=", Decimal(91), 2025),
    ("学前教育毛入园率", ">=", Decimal(93), None),
]


def _targets(path: Path) -> tuple[list[tuple], list[str]]:
    (plan,) = extract(path)
    found = sorted(((t.indicator, str(t.target.op), t.target.value, t.year) for t in plan.targets), key=str)
    parents = sorted(str(t.parent_target.value) for t in plan.targets if t.parent_target is not None)
    return found, parents


def test_a_word_table_with_the_prefectures_column(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某某县儿童发展规划（2021—2030年）")
    document.add_paragraph("附件  某某县儿童发展规划主要指标")
    word_table(document, [
        ["领域", "序号", "指标", "基数", "目标值", "", "州规划目标"],
        ["", "", "", "2020年", "2025年", "2030年", "2030年"],
        ["儿童与健康", "1", "婴儿死亡率（‰）", "6.02", "≤5.6", "≤5.2", "≤4.8"],
        ["儿童与教育", "2", "学前教育毛入园率（%）", "88.4", "≥91", "≥93", "≥92"],
    ], [(0, 4, 0, 5), (0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2)])
    path = tmp_path / "plan.docx"
    document.save(path)
    found, parents = _targets(path)
    assert found == sorted(EXPECTED, key=str)
    assert parents == ["4.8", "92"]


def test_a_tab_table_with_the_leagues_column(tmp_path: Path) -> None:
    """Variant: a text export of a banner's plan, tab-separated, the league's (盟) column first after the baseline."""
    text = "\n".join([
        "某某旗儿童发展规划（2021—2030年）",
        "附表  主要指标",
        "序号\t指标\t基数\t盟规划目标\t目标值\t",
        "\t\t2020年\t2030年\t2025年\t2030年",
        "1\t婴儿死亡率（‰）\t6.02\t≤4.8\t≤5.6\t≤5.2",
        "2\t学前教育毛入园率（%）\t88.4\t≥92\t≥91\t≥93",
    ]) + "\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    found, _ = _targets(path)
    assert found == sorted(EXPECTED, key=str)


@pytest.mark.skipif(truetype_font() is None, reason="no TrueType CJK font installed")
def test_a_closing_bracket_printed_past_the_cells_rule(tmp_path: Path) -> None:
    path = ruled_grid_pdf(tmp_path / "annex.pdf", [
        ["序号", "指标", "2020年", "2025年目标"],
        ["1", "村（社区）儿童之家覆盖率（%）", "90.2", "≥95"],
        ["2", "婴儿死亡率（‰）", "6.02", "≤5.6"],
    ], [40, 146, 60, 70], caption="某某县儿童发展规划（2021—2025年）主要指标")
    (plan,) = extract(path)
    found = sorted((t.indicator, str(t.target.op), t.target.value, t.baseline.value if t.baseline else None) for t in plan.targets)
    assert found == [
        ("婴儿死亡率", "<=", Decimal("5.6"), Decimal("6.02")),
        ("村（社区）儿童之家覆盖率", ">=", Decimal(95), Decimal("90.2")),
    ]
