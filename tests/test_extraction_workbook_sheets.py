"""A 妇儿工委's workbook beside its indicator sheet: a sheet named by a section of the plan (重点任务: 序号 | 任务（摘自规划
策略措施） | 牵头单位 | 时限) holds tasks quoted from the measures — the sheet's name opens that section for its rows, as
a header cell naming it does (before: no section, its numbers all unparsed); a hidden sheet (旧版指标（征求意见稿）:
a superseded draft's values) is no part of the plan its reader sees — beside a visible sheet it is not read, and the
plan's note says so (before: read, its rows run into the tasks above as more targets). A workbook whose only sheet
with cells is hidden is read whole. Invented workbooks; a variant with the hidden sheet first, very hidden, and the
tasks on a sheet named 策略措施.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from compliance.extraction import extract

INDICATORS = [("孕产妇死亡率", "<=", Decimal(12)), ("村委会成员中女性比例", ">=", Decimal(30))]
TASKS = [(">=", Decimal("1.2")), (">=", Decimal(2)), (">=", Decimal(100))]


def _workbook(tmp_path: Path, task_sheet: str, hidden_first: bool, state: str) -> Path:
    book = openpyxl.Workbook()
    table = book.active
    table.title = "监测表"
    table.append(["某某市妇女发展规划（2021—2025年）主要指标监测表"])
    table.append(["序号", "领域", "指标名称", "单位", "目标值", "2023年监测值"])
    table.append([1, "妇女与健康", "孕产妇死亡率", "1/10万", "≤12", 10.2])
    table.append([2, "妇女参与决策和管理", "村委会成员中女性比例", "%", "≥30", 31.2])
    tasks = book.create_sheet(task_sheet)
    tasks.append(["序号", "任务（摘自规划策略措施）", "牵头单位", "时限"])
    tasks.append([1, "每年为农村适龄妇女免费开展“两癌”检查不少于1.2万人。", "见规划分工", "2021—2025年"])
    tasks.append([2, "市级妇女创业孵化基地不少于2个。", "见规划分工", "2021—2025年"])
    tasks.append([3, "妇女法律援助案件按时办结率100%。", "见规划分工", "2021—2025年"])
    old = book.create_sheet("旧版指标（2021年征求意见稿）", 0 if hidden_first else None)
    old.append(["序号", "指标名称", "目标值"])
    old.append([1, "孕产妇死亡率", "≤15"])
    old.append([2, "村委会成员中女性比例", "≥25%"])
    old.sheet_state = state
    path = tmp_path / "workbook.xlsx"
    book.save(path)
    return path


def _read(path: Path):
    plans = extract(path)
    assert len(plans) == 1
    plan = plans[0]
    table = [(t.indicator, str(t.target.op), t.target.value) for t in plan.targets if str(t.section) == "indicator_table"]
    measures = [(str(t.target.op), t.target.value) for t in plan.targets if str(t.section) == "measures"]
    return plan, table, measures


def test_a_task_sheet_and_a_hidden_draft_sheet(tmp_path: Path) -> None:
    plan, table, measures = _read(_workbook(tmp_path, "重点任务", hidden_first=False, state="hidden"))
    assert table == INDICATORS
    assert measures == TASKS
    assert not plan.unparsed
    assert "旧版指标（2021年征求意见稿）" in (plan.plan.note or "")


def test_the_hidden_sheet_first_very_hidden_tasks_under_measures(tmp_path: Path) -> None:
    plan, table, measures = _read(_workbook(tmp_path, "策略措施", hidden_first=True, state="veryHidden"))
    assert table == INDICATORS
    assert measures == TASKS
    assert "旧版指标" in (plan.plan.note or "")


def test_a_workbook_whose_only_sheet_is_hidden_is_read(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "指标"
    sheet.append(["某某市妇女发展规划（2021—2025年）主要指标"])
    sheet.append(["序号", "领域", "指标名称", "单位", "目标值"])
    sheet.append([1, "妇女与健康", "孕产妇死亡率", "1/10万", "≤12"])
    sheet.append([2, "妇女参与决策和管理", "村委会成员中女性比例", "%", "≥30"])
    sheet.sheet_state = "hidden"
    book.create_sheet("空白")
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    plan, table, _ = _read(path)
    assert table == INDICATORS
