"""Workbooks and Word tables in layouts the other shape tests do not have, each file written by its test.

A task table (目标任务分解表) on its own sheet, its caption naming the plan and its domains as rows across the
table that count their items (一、儿童与健康（主要目标2项，策略措施1项）); an indicator sheet whose caption has
no years and no unit column. Each expected target was written with the document, before extraction ran on it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

D = Decimal


def _task_breakdown_workbook(path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    tasks = book.active
    tasks.title = "目标任务分解"
    for row in (
        ["某某县儿童发展规划（2021—2030年）目标任务分解表"],
        ["填报单位：某某县妇女儿童工作委员会办公室　　　　2022年8月"],
        ["序号", "类别", "目标任务", "牵头单位", "责任单位", "完成时限"],
        ["一、儿童与健康（主要目标2项，策略措施1项）"],
        [1, "主要目标", "婴儿死亡率降至4.5‰以下", "县卫生健康局", "县妇幼保健院", "2030年"],
        [2, "主要目标", "5岁以下儿童贫血患病率控制在8%以内", "县卫生健康局", None, "持续推进"],
        [3, "策略措施", "县妇幼保健院儿科床位不少于60张", "县卫生健康局", "县发展改革局", "2025年"],
        ["二、儿童与福利（主要目标1项）"],
        [4, "主要目标", "每千人口拥有3岁以下婴幼儿托位数达到4.5个", "县卫生健康局", None, "2030年"],
        ["三、儿童与家庭（主要目标1项）"],
        [5, "主要目标", "城市、农村社区家长学校覆盖率分别达到95%、85%", "县妇联", "县教育和体育局", "2030年"],
    ):
        tasks.append(row)
    for merged in ("A1:F1", "A2:F2", "A4:F4", "A8:F8", "A10:F10"):
        tasks.merge_cells(merged)
    table = book.create_sheet("监测指标")
    for row in (
        ["某某县儿童发展规划主要监测指标"],
        ["领域", "指标", "基期值", "目标值", None],
        [None, None, "2020年", "2025年", "2030年"],
        ["儿童与健康", "婴儿死亡率", "5.1‰", "≤4.8‰", "≤4.5‰"],
        ["儿童与福利", "每千人口拥有3岁以下婴幼儿托位数", "1.6个", "—", 4.5],
    ):
        table.append(row)
    for merged in ("A1:E1", "A2:A3", "B2:B3", "D2:E2"):
        table.merge_cells(merged)
    book.save(path)


def test_a_task_breakdown_sheet_and_an_indicator_sheet_are_one_plan(tmp_path: Path) -> None:
    """The task table's caption (…（2021—2030年）目标任务分解表) names the plan and its period, though the indicator
    sheet's caption has no years: one plan, its sheet-1 rows items of the domains its rows across the table name
    (their item counts no part of the domain, no target), the section its 类别 gives, even when a new domain keeps
    the 类别 of the domain before it; a row of the indicator sheet without a unit column takes the unit its
    baseline cell writes (1.6个: 4.5 个 per thousand)."""
    path = tmp_path / "plan.xlsx"
    _task_breakdown_workbook(path)
    (plan,) = extract(path)
    info = plan.plan
    assert (info.title, str(info.kind), info.period) == ("某某县儿童发展规划（2021—2030年）", "children", (2021, 2030))
    got = [(t.locator, t.indicator, str(t.target.op), t.target.value, t.target.unit, str(t.section), t.domain)
           for t in plan.targets]
    assert got == [
        ("目标任务分解!第5行", "婴儿死亡率", "<=", D("4.5"), "‰", "main_targets", "儿童与健康"),
        ("目标任务分解!第6行", "5岁以下儿童贫血患病率", "<=", D(8), "%", "main_targets", "儿童与健康"),
        ("目标任务分解!第7行", "县妇幼保健院儿科床位", ">=", D(60), "张", "measures", "儿童与健康"),
        ("目标任务分解!第9行", "每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.5"), "个/千人", "main_targets", "儿童与福利"),
        ("目标任务分解!第11行", "城市社区家长学校覆盖率", ">=", D(95), "%", "main_targets", "儿童与家庭"),
        ("目标任务分解!第11行", "农村社区家长学校覆盖率", ">=", D(85), "%", "main_targets", "儿童与家庭"),
        ("监测指标!D4", "婴儿死亡率", "<=", D("4.8"), "‰", "indicator_table", "儿童与健康"),
        ("监测指标!E4", "婴儿死亡率", "<=", D("4.5"), "‰", "indicator_table", "儿童与健康"),
        ("监测指标!E5", "每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.5"), "个/千人", "indicator_table", "儿童与福利"),
    ]
    assert plan.targets[-1].baseline.value == D("1.6")
    assert set(plan.domains) == {"儿童与健康", "儿童与福利", "儿童与家庭"}
    assert not plan.unparsed


def test_a_task_sheet_whose_requirement_column_holds_the_targets(tmp_path: Path) -> None:
    """序号 | 领域 | 重点任务 | 量化要求 | 责任单位: the quantified requirement is each item's text (重点任务 only names
    the task, never the indicator), the header 重点任务 opens the measures section, 领域 gives each row's domain."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "指标体系"
    for row in (
        ["某某县妇女发展规划（2021—2030年）主要指标体系"],
        ["序号", "领域", "指标名称", "单位", "2020年", "2030年"],
        [1, "妇女与健康", "孕产妇死亡率", "1/10万", 12.9, "≤10"],
    ):
        sheet.append(row)
    tasks = book.create_sheet("重点任务")
    for row in (
        ["序号", "领域", "重点任务", "量化要求", "责任单位"],
        [1, "妇女与健康", "妇幼保健机构建设", "县妇幼保健院产科床位不少于70张", "县卫健局"],
        [2, "妇女与健康", "孕产期保健", "孕产妇系统管理率达到92%以上，住院分娩率保持在99%以上", "县卫健局"],
        [3, "妇女与环境", "母婴设施", "公共场所建成标准化母婴室不少于30个", "县卫健局"],
    ):
        tasks.append(row)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    (plan,) = extract(path)
    got = [(t.locator, t.indicator, str(t.target.op), t.target.value, t.target.unit, str(t.section), t.domain)
           for t in plan.targets]
    assert got == [
        ("指标体系!F3", "孕产妇死亡率", "<=", D(10), "1/10万", "indicator_table", "妇女与健康"),
        ("重点任务!第2行", "县妇幼保健院产科床位", ">=", D(70), "张", "measures", "妇女与健康"),
        ("重点任务!第3行", "孕产妇系统管理率", ">=", D(92), "%", "measures", "妇女与健康"),
        ("重点任务!第3行", "住院分娩率", ">=", D(99), "%", "measures", "妇女与健康"),
        ("重点任务!第4行", "公共场所建成标准化母婴室", ">=", D(30), "个", "measures", "妇女与环境"),
    ]
    assert [t.responsible_units for t in plan.targets[1:]] == [["县卫健局"]] * 4
    assert not plan.unparsed
