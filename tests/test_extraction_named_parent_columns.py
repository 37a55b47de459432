"""A parent's target quoted in a column named by its place (上饶市2030年目标) beside the plan's own unnamed target
of the same year (目标值 over 2030年): the named column is the parent's, never read as the plan's — the county's
table gave a second, different 2030 target a row wherever the two differed.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx

from compliance.extraction import extract

EXPECTED = [
    ("孕产妇死亡率", "<=", Decimal(14)),
    ("孕产妇系统管理率", ">=", Decimal(95)),
    ("高中阶段毛入学率", ">=", Decimal(95)),
]


def _targets(path: Path) -> list[tuple]:
    return [
        (t.indicator, str(t.target.op), t.target.value) for p in extract(path) for t in p.targets if t.year is None
    ]  # the final targets (2025年 is a mid-term one)


def test_a_word_table_s_place_named_column_is_the_parent_s(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某某县妇女发展规划（2021—2030年）")
    document.add_paragraph("附表")
    table = document.add_table(rows=5, cols=6)
    head = ["领域", "指标", "2020年基数", "目标值", "目标值", "赣州市2030年目标"]
    sub = ["领域", "指标", "2020年基数", "2025年", "2030年", "赣州市2030年目标"]
    rows = [
        ["妇女与健康", "孕产妇死亡率（1/10万）", "13.2", "≤14", "≤14", "≤12"],
        ["妇女与健康", "孕产妇系统管理率（%）", "93.6", "≥94", "≥95", "≥95"],
        ["妇女与教育", "高中阶段毛入学率（%）", "91.8", "≥93", "≥95", "≥92"],
    ]
    for r, cells in enumerate([head, sub, *rows]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    found = _targets(path)
    assert sorted(found) == sorted(EXPECTED)


def test_a_tab_table_s_place_named_column_is_the_parent_s(tmp_path: Path) -> None:
    """Variant: a one-row tab header, 2030年目标 for the plan's and 南平市2030年目标值 for the parent's."""
    text = "\n".join([
        "某某县妇女发展规划（2021—2030年）",
        "主要指标",
        "序号\t指标\t2020年基数\t2030年目标\t南平市2030年目标值",
        "1\t孕产妇死亡率（1/10万）\t13.2\t≤14\t≤12",
        "2\t孕产妇系统管理率（%）\t93.6\t≥95\t≥95",
        "3\t高中阶段毛入学率（%）\t91.8\t≥95\t≥92",
    ]) + "\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    assert sorted(_targets(path)) == sorted(EXPECTED)


def test_a_place_named_column_without_a_year_beside_the_plan_s_only_target_column(tmp_path: Path) -> None:
    """Variant: a space-aligned table of a text copy, 2030年目标 for the plan's and 南平市目标 (no year) for the
    parent's, the table cut by a page mark and its header repeated, a bare value in both columns."""
    rows = [
        "某某县妇女发展规划（2021—2030年）主要指标",
        "序号  领域          指标                          单位      2020年     2030年目标   南平市目标",
        "1     妇女与健康    孕产妇死亡率                  1/10万    13.2       ≤14          ≤12",
        "2                   孕产妇系统管理率              %         93.6       ≥95          ≥95",
        "",
        "第 2 页 共 3 页",
        "序号  领域          指标                          单位      2020年     2030年目标   南平市目标",
        "3     妇女与教育    高中阶段毛入学率              %         91.8       ≥95          ≥92",
        "4     妇女与社保    女性基本养老保险参保率        %         90.4       95           95",
    ]
    path = tmp_path / "plan.txt"
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    assert sorted(_targets(path)) == sorted([*EXPECTED, ("女性基本养老保险参保率", ">=", Decimal(95))])
