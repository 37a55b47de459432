"""Monitoring columns are data, never targets: a 妇儿工委's monitoring workbook (监测台账) puts 年度监测值 over
2021年 | 2022年 beside 目标值 — years inside the plan's period, so their values were read as two more targets a row.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from compliance.extraction import extract

EXPECTED = [("新生儿死亡率", "<=", Decimal("2.8")), ("婴儿死亡率", "<=", Decimal("4.5")), ("5岁以下儿童死亡率", "<=", Decimal(6))]


def _targets(path: Path) -> list[tuple]:
    return [(t.indicator, str(t.target.op), t.target.value) for p in extract(path) for t in p.targets]


def test_a_workbook_s_monitoring_years_are_no_targets(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "监测"
    sheet.append(["某某县儿童发展规划（2021—2025年）主要指标监测表"])
    sheet.merge_cells("A1:I1")
    sheet.append(["序号", "领域", "指标", "单位", "2020年基期值", "年度监测值", None, "2025年目标值", "达标情况"])
    sheet.append([None, None, None, None, None, "2021年", "2022年", None, None])
    for column in "ABCDEHI":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("F2:G2")
    sheet.append([1, "儿童与健康", "新生儿死亡率", "‰", 2.91, 2.74, 2.63, "≤2.8", "已达标"])
    sheet.append([2, None, "婴儿死亡率", "‰", 4.82, 4.51, 4.32, "≤4.5", "已达标"])
    sheet.append([3, None, "5岁以下儿童死亡率", "‰", 6.1, 5.9, 5.7, "≤6", "差0.2个千分点"])
    path = tmp_path / "monitoring.xlsx"
    workbook.save(path)
    assert _targets(path) == EXPECTED


def test_a_text_table_s_monitoring_years_are_no_targets(tmp_path: Path) -> None:
    """Variant: a tab-separated copy, the upper header spanning its years by an empty cell, 监测值 for the words."""
    text = "\n".join([
        "某某县儿童发展规划（2021—2025年）",
        "一、儿童与健康",
        "序号\t指标\t单位\t基期值\t监测值\t\t目标值",
        "\t\t\t2020年\t2021年\t2022年\t2025年",
        "1\t新生儿死亡率\t‰\t2.91\t2.74\t2.63\t≤2.8",
        "2\t婴儿死亡率\t‰\t4.82\t4.51\t4.32\t≤4.5",
        "3\t5岁以下儿童死亡率\t‰\t6.1\t5.9\t5.7\t≤6",
    ]) + "\n"
    path = tmp_path / "monitoring.txt"
    path.write_text(text, encoding="utf-8")
    assert _targets(path) == EXPECTED
