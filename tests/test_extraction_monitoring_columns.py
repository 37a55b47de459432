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


def _two_row_workbook(tmp_path: Path, target_word: str, data_word: str, base: str, banner: bool) -> Path:
    """A 妇儿工委's 监测表 whose upper header row names the target column in words no vocabulary has (规划目标值,
    考核目标值) over 2025年, beside 监测值 (or 实际值) merged over a baseline year and three monitored years; 序号,
    指标名称 merged down over both rows. Read alone, the lower row took each monitored year for a target."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "监测表"
    sheet.append(["某某市妇女发展规划（2021—2025年）主要指标监测表"])
    sheet.merge_cells("A1:K1")
    first = 2
    if banner:
        sheet.append(["填报单位：某某市妇女儿童工作委员会办公室", None, None, None, None, None, None, None, "更新：2024年3月"])
        first = 3
    sheet.append(["序号", "领域", "指标名称", "单位", target_word, data_word, None, None, None, "达标情况", "备注"])
    sheet.append([None, None, None, None, "2025年", base, "2021年", "2022年", "2023年", None, None])
    for column in "ABCDJK":
        sheet.merge_cells(f"{column}{first}:{column}{first + 1}")
    sheet.merge_cells(f"F{first}:I{first}")
    rows = [
        [1, "妇女与健康", "适龄妇女宫颈癌人群筛查率", "%", 0.75, 55.6, 61.2, 66.8, 70.3, "未达标", None],
        [2, None, "乳腺癌人群筛查率", "%", "≥70", 52.1, 58.0, 63.5, 68.9, "未达标", "市目标≥70"],
        [3, None, "孕产妇贫血患病率", "%", "≤10", 12.4, 11.8, 11.0, 10.6, "未达标", None],
        [4, None, "妇女经常参加体育锻炼的人数比例", "%", 40, 33.2, 35.0, 36.7, 38.1, "未达标", None],
        [5, "妇女与教育", "女性平均受教育年限", "年", 11.2, 10.4, 10.5, 10.7, 10.8, "未达标", None],
        [6, "妇女与经济", "就业人员中的女性比例", "%", "45左右", 43.6, 43.9, 44.2, 44.5, "—", None],
    ]
    for row in rows:
        sheet.append(row)
    body = first + 2
    sheet.cell(body, 5).number_format = "0%"  # 0.75 shown 75%
    sheet.cell(body + 4, 5).number_format = "0.0"
    sheet.merge_cells(f"B{body}:B{body + 3}")
    path = tmp_path / "monitoring.xlsx"
    workbook.save(path)
    return path


TWO_ROW_EXPECTED = [
    ("适龄妇女宫颈癌人群筛查率", ">=", Decimal(75)), ("乳腺癌人群筛查率", ">=", Decimal(70)), ("孕产妇贫血患病率", "<=", Decimal(10)),
    ("妇女经常参加体育锻炼的人数比例", ">=", Decimal(40)), ("女性平均受教育年限", ">=", Decimal("11.2")),
    ("就业人员中的女性比例", "~", Decimal(45)),
]


def test_an_unnamed_target_column_beside_monitored_years(tmp_path: Path) -> None:
    path = _two_row_workbook(tmp_path, "规划目标值", "监测值", "2020年（基期）", banner=False)
    assert _targets(path) == TWO_ROW_EXPECTED


def test_actual_values_over_years_with_a_banner_row(tmp_path: Path) -> None:
    """Variant: a filler's banner row above the header, 实际值 over the years, 考核目标值 for the target."""
    path = _two_row_workbook(tmp_path, "考核目标值", "实际值", "2020年", banner=True)
    assert _targets(path) == TWO_ROW_EXPECTED


def test_a_target_so_many_a_year_in_a_row_of_counts(tmp_path: Path) -> None:
    """A target cell counting per year (≥2000/年) in a row whose unit column says 人次: so many 人次 a year; before,
    the cell was not understood (unparsed). Variant: a bare number a year (1500/年) in a row counted in 人."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["序号", "指标名称", "单位", "目标值", "2023年监测值"])
    sheet.append([1, "妇女职业技能培训人次", "人次", "≥2000/年", 2318])
    sheet.append([2, "农村妇女“两癌”免费检查人数", "人", "1500/年", 1620])
    path = tmp_path / "per-year.xlsx"
    workbook.save(path)
    got = [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for p in extract(path) for t in p.targets]
    assert got == [("妇女职业技能培训人次", ">=", Decimal(2000), "人次/年"), ("农村妇女“两癌”免费检查人数", ">=", Decimal(1500), "人/年")]
