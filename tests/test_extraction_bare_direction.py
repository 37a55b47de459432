"""A bare value in a table's target cell beside a higher baseline and monitored values (基期值 2020年, 目标值 2030年,
监测值 2023年 2024年: a coverage rate 98.5 → 95) takes its indicator's direction, never the neighbours': a note giving one
comparator for all bare values and another for a class it names (未标注符号的为≥，死亡率、患病率为≤, or the class in
brackets) says each indicator's direction — ≥ for a coverage or enrolment rate (one the catalogue does not know too),
≤ for a death rate. Before, such a note was read as its last symbol (≤) for every bare value. Invented tables: a
workbook of a mid-term evaluation's shape and a tab-separated text variant.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

D = Decimal

ROWS = [
    ["1", "儿童与健康", "婴儿死亡率", "‰", "4.6", "4.5", "4.4", "4.1", "已达标"],
    ["2", "儿童与健康", "适龄儿童免疫规划疫苗接种率", "%", "98.5", "95", "98.6", "99", "已达标"],
    ["3", "儿童与教育", "学前教育毛入园率", "%", "96.1", "95", "96.5", "96.8", "已达标"],
    ["4", "儿童与环境", "儿童友好图书角覆盖率", "%", "91", "90", "92.5", "94", "已达标"],
    ["5", "儿童与健康", "小学生近视率", "%", "36.8", "≤35", "36.2", "35.9", "未达标"],
]

WANT = {
    "婴儿死亡率": ("<=", D("4.5")),
    "适龄儿童免疫规划疫苗接种率": (">=", D(95)),
    "学前教育毛入园率": (">=", D(95)),
    "儿童友好图书角覆盖率": (">=", D(90)),
    "小学生近视率": ("<=", D(35)),
}


def _ops(plan) -> dict[str, tuple[str, Decimal]]:
    return {t.indicator: (str(t.target.op), t.target.value) for t in plan.targets if str(t.section) == "indicator_table"}


def _workbook(tmp_path: Path, note: str) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "中期评估"
    sheet.append(["某某区儿童发展规划（2021—2030年）主要指标中期评估监测表"])
    sheet.append(["序号", "领域", "指标", "单位", "基期值", "目标值", "监测值", None, "进展情况"])
    sheet.append([None, None, None, None, "2020年", "2030年", "2023年", "2024年", None])
    for r in ROWS:
        values = [float(v) if v.replace(".", "").isdigit() and k in (4, 6, 7) else v for k, v in enumerate(r)]
        sheet.append(values)
    sheet.merge_cells("G2:H2")
    for column in "ABCDI":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.append([note])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    return path


def test_a_workbook_bare_values_beside_a_higher_baseline(tmp_path: Path) -> None:
    (plan,) = extract(_workbook(tmp_path, "注：目标值未标注符号的为≥，死亡率、患病率为≤；监测值由各成员单位提供。"))
    assert _ops(plan) == WANT


def test_a_text_table_note_with_the_class_in_brackets(tmp_path: Path) -> None:
    header = ["序号", "领域", "指标", "单位", "2020年基期值", "2030年目标值", "2023年监测值", "2024年监测值", "进展情况"]
    text = "某某县儿童发展规划（2021—2030年）\n\n附表  主要指标中期评估监测表\n" + "\n".join(
        "\t".join(r) for r in [header, *ROWS]
    ) + "\n注：未标注符号的为“≥”（死亡率、患病率为“≤”）。\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path)
    assert _ops(plan) == WANT
