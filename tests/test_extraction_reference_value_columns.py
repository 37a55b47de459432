"""A two-row header whose parent's columns are headed 上级参照值 (over 国家2030年 | 省2030年) beside the plan's own
目标值 (over 2025年 | 2030年): the parent's columns are references, and the plan's two horizons are both read. Before,
上级参照值 was no column word, the lower row was no header, and only the first target column was read (its 2030
targets lost).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx

from compliance.extraction import extract

EXPECTED = [
    ("婴儿死亡率", "<=", Decimal("4.0"), 2025),
    ("婴儿死亡率", "<=", Decimal("3.5"), None),
    ("学前教育毛入园率", ">=", Decimal(95), 2025),
    ("学前教育毛入园率", ">=", Decimal(96), None),
]


def _targets(path: Path) -> tuple[list[tuple], list]:
    (plan,) = extract(path)
    found = [(t.indicator, str(t.target.op), t.target.value, t.year) for t in plan.targets]
    parents = sorted(str(t.parent_target) for t in plan.targets if t.parent_target is not None)
    return sorted(found, key=str), parents


def test_a_word_table_with_reference_columns_under_a_merged_header(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某某市儿童发展规划（2021—2030年）")
    document.add_paragraph("表1  某某市儿童发展主要指标")
    table = document.add_table(rows=4, cols=8)
    head = ["领域", "指标", "2020年基期值", "目标值", "", "上级参照值", "", "牵头单位"]
    sub = ["", "", "", "2025年", "2030年", "国家2030年", "省2030年", ""]
    rows = [
        ["儿童与健康", "婴儿死亡率（‰）", "4.32", "≤4.0", "≤3.5", "≤5.0", "≤3.5", "市卫健局"],
        ["儿童与教育", "学前教育毛入园率（%）", "93.2", "≥95", "≥96", "≥90", "≥95", "市教育体育局"],
    ]
    for r, cells in enumerate([head, sub, *rows]):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 3).merge(table.cell(0, 4))
    table.cell(0, 5).merge(table.cell(0, 6))
    for c in (0, 1, 2, 7):
        table.cell(0, c).merge(table.cell(1, c))
    path = tmp_path / "plan.docx"
    document.save(path)
    found, parents = _targets(path)
    assert found == sorted(EXPECTED, key=str)
    assert parents  # the reference columns are kept as the parent's targets


def test_a_tab_table_with_reference_columns(tmp_path: Path) -> None:
    """Variant: a text export, tab-separated, the header words 上级参考值 over 国家 | 省 and a sequence column."""
    text = "\n".join([
        "某某县儿童发展规划（2021—2030年）",
        "附表  主要指标",
        "序号\t指标\t基期值\t目标值\t\t上级参考值\t",
        "\t\t\t2025年\t2030年\t国家\t省",
        "1\t婴儿死亡率（‰）\t4.32\t≤4.0\t≤3.5\t≤5.0\t≤3.5",
        "2\t学前教育毛入园率（%）\t93.2\t≥95\t≥96\t≥90\t≥95",
    ]) + "\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    found, _ = _targets(path)
    assert found == sorted(EXPECTED, key=str)
