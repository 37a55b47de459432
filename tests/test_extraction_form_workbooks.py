"""Workbooks and card-shaped tables that are not one plain indicator table.

- The export of an online collection form (腾讯文档收集表, 问卷星) in which member units submitted their rows while a
  plan was drafted: 序号 | 提交者 | 提交时间 before the form's numbered questions (3.指标名称, 6.2025年目标值, 8.上级目标
  （参考）). The question numbers are no part of the column's name; an indicator submitted twice counts by its last
  row, and a row its remark declares void (本条作废) holds no target. Before, no column was recognised: no target read.
- A 目标分解表 breaking the plan's target down to townships (全市目标（2030年） beside 各镇（街道）分解目标（2030年）
  over the townships' names): only the plan's column holds targets; the allocations are neither targets nor a
  parent's, and the plan's note says they were left out. Before, every township's cell was read as a target.
- A booklet of indicator definitions (主要指标解释): per indicator a card of two columns (指标名称 | …, 目标值（2025年）
  | …, 上级目标（某市） | …, 2020年基数 | …, 计算方法 | …): one row of an indicator table, only the target cell a
  target. Before, the card was read as text: its baseline, its parent's value and 计算方法's ×100% were targets.

Invented tables (places real, numbers made up).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

D = Decimal


def _targets(plan) -> list[tuple[str, str, Decimal | None]]:
    return [(t.indicator, str(t.target.op), t.target.value) for t in plan.targets]


# --------------------------------------------------------------------------- an online form's export


def _form_export(tmp_path: Path) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "收集结果"
    sheet.append(["深泽县妇女发展规划（2021—2030年）主要指标目标值征集表（收集结果）"])
    sheet.append(["导出时间：2022-04-02 09:15　来源：腾讯文档收集表。未注明符号的，正向指标视为“≥”，逆向指标视为“≤”。"
                  "同一指标多次提交的，以最后一次提交为准。"])
    sheet.append(["序号", "提交者", "提交时间", "1.填报单位", "2.所属领域", "3.指标名称", "4.计量单位", "5.2020年基数",
                  "6.2025年目标值", "7.2030年目标值", "8.上级目标（参考）", "9.备注"])
    sheet.append([1, "卫健局-周", "2022-03-21 10:02", "县卫健局", "妇女与健康", "孕产妇死亡率", "1/10万", 11.6, "≤13", "≤12",
                  "国家：≤12", "（已重新提交，本条作废）"])
    sheet.append([2, "卫健局-周", "2022-03-21 10:09", "县卫健局", "妇女与健康", "孕产妇系统管理率", "%", 90.4, "≥91", "≥92",
                  "省：≥90", None])
    sheet.append([3, "教育局 陈", "2022-03-22 08:40", "县教育局", "妇女与教育", "女性平均受教育年限", "年", 9.8, 10.4, "同左",
                  None, None])
    sheet.append([4, "卫健局-周", "2022-03-22 14:30", "县卫健局", "妇女与健康", "孕产妇系统管理率", "%", 90.4, "≥92", "≥93",
                  "省：≥90", "修改后重新提交"])
    sheet.append([5, "卫健局-周", "2022-03-23 09:11", "县卫健局", "妇女与健康", "孕产妇死亡率", "1/10万", 11.6, "≤11", "≤10",
                  "国家：≤12", "按意见修改后重新提交"])
    sheet.append([6, "妇联 吴", "2022-03-23 16:20", "县妇联", "妇女与家庭建设", "城乡社区家庭教育指导服务站点覆盖率", "%", 76,
                  88, 92, None, "填报有误，本条作废"])
    sheet.merge_cells("A1:L1")
    sheet.merge_cells("A2:L2")
    path = tmp_path / "深泽县妇女规划目标值征集表.xlsx"
    book.save(path)
    return path


def test_a_form_export_reads_the_last_submission_of_each_indicator(tmp_path: Path) -> None:
    [plan] = extract(_form_export(tmp_path))
    got = sorted(_targets(plan))
    assert got == sorted([
        ("孕产妇死亡率", "<=", D(11)), ("孕产妇死亡率", "<=", D(10)),
        ("孕产妇系统管理率", ">=", D(92)), ("孕产妇系统管理率", ">=", D(93)),
        ("女性平均受教育年限", ">=", D("10.4")), ("女性平均受教育年限", ">=", D("10.4")),
    ])
    # a row its remark voids holds no target, submitted again or not (家庭教育指导服务站点覆盖率: none);
    # the parent's reference column is no target; the voided and the superseded rows are named in the note
    assert all(t.parent_target is None or t.parent_target.value in (D(12), D(90)) for t in plan.targets)
    assert "作废" in (plan.plan.note or "")


# --------------------------------------------------------------------------- a breakdown to townships


def _township_matrix(tmp_path: Path) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "分解表"
    sheet.append(["庄河市妇女发展规划（2021—2030年）主要目标分解表（分解到镇、街道）"])
    sheet.append(["序号", "领域", "指标", "单位", "全市目标（2030年）", "各镇（街道）分解目标（2030年）", None, None])
    sheet.append([None, None, None, None, None, "城关街道", "青堆镇", "黑岛镇"])
    sheet.append([1, "妇女与健康", "孕产妇系统管理率", "%", "≥95", "≥96", "≥93", "≥90"])
    sheet.append([2, None, "乳腺癌人群筛查率", "%", 0.7, 0.72, 0.66, 0.6])
    sheet.append([3, "妇女与教育", "高中阶段毛入学率", "%", "≥95", "≥97", "—", "≥88"])
    for column in "ABCDE":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("F2:H2")
    sheet.merge_cells("B4:B5")
    for row in (5,):
        for column in "EFGH":
            sheet[f"{column}{row}"].number_format = "0%"
    sheet.append(["说明：全市目标为规划确定的目标值；各镇（街道）分解目标由市妇儿工委办会同各镇（街道）协商确定。"])
    path = tmp_path / "庄河市目标分解表.xlsx"
    book.save(path)
    return path


def test_a_township_breakdown_reads_only_the_plans_column(tmp_path: Path) -> None:
    [plan] = extract(_township_matrix(tmp_path))
    assert sorted(_targets(plan)) == sorted([
        ("孕产妇系统管理率", ">=", D(95)), ("乳腺癌人群筛查率", ">=", D(70)), ("高中阶段毛入学率", ">=", D(95)),
    ])
    assert all(t.parent_target is None for t in plan.targets)  # an allocation is no parent's target either
    assert "青堆镇" in (plan.plan.note or "")


# --------------------------------------------------------------------------- indicator cards


CARDS = [
    ("1．孕产妇死亡率", [("指标名称", "孕产妇死亡率"), ("目标值（2025年）", "控制在12/10万以下"), ("上级目标（三明市）", "≤12/10万"),
                   ("2020年基数", "9.61/10万"), ("计算方法", "年内孕产妇死亡数÷年内活产数×100000/10万"),
                   ("数据来源", "县卫健局妇幼卫生年报"), ("责任单位", "县卫健局")]),
    ("2．高中阶段毛入学率", [("指标名称", "高中阶段毛入学率"), ("目标值（2025年）", "达到94%以上"), ("2020年基数", "91.5%"),
                     ("计算方法", "高中阶段在校生数÷15—17岁年龄组人口数×100%"), ("数据来源", "县教育局"),
                     ("责任单位", "县教育局")]),
    ("3．农村妇女技能培训人数", [("指标名称", "农村妇女技能培训人数"), ("目标值（2025年）", "每年不少于1500人次"),
                       ("2020年基数", "1210人次"), ("计算方法", "年内参加技能培训的16周岁以上农村妇女人次"),
                       ("数据来源", "县人社局"), ("责任单位", "县妇联")]),
]


def _card_booklet(tmp_path: Path) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("宁化县妇女发展规划（2021—2025年）", style="Title")
    document.add_paragraph("主要指标解释")
    document.add_paragraph("本册收录规划的主要指标，每项列明目标值、2020年基数、计算方法、数据来源和责任单位；“上级目标”仅供参考。")
    document.add_paragraph("一、妇女与健康", style="Heading 1")
    for k, (heading, rows) in enumerate(CARDS):
        if k == 1:
            document.add_paragraph("二、妇女与教育", style="Heading 1")
        if k == 2:
            document.add_paragraph("三、妇女与经济", style="Heading 1")
        document.add_paragraph(heading, style="Heading 2")
        table = document.add_table(rows=len(rows), cols=2)
        for r, (label, value) in enumerate(rows):
            table.cell(r, 0).text = label
            table.cell(r, 1).text = value
    path = tmp_path / "宁化县妇女发展规划主要指标解释.docx"
    document.save(path)
    return path


def test_indicator_cards_read_only_their_target_cell(tmp_path: Path) -> None:
    [plan] = extract(_card_booklet(tmp_path))
    assert sorted((name, op, value) for name, op, value in _targets(plan)) == sorted([
        ("孕产妇死亡率", "<=", D(12)), ("高中阶段毛入学率", ">=", D(94)), ("农村妇女技能培训人数", ">=", D(1500)),
    ])
    by_name = {t.indicator: t for t in plan.targets}
    assert by_name["孕产妇死亡率"].parent_target is not None and by_name["孕产妇死亡率"].parent_target.value == D(12)
    assert str(by_name["孕产妇死亡率"].domain) == "妇女与健康"
    assert str(by_name["高中阶段毛入学率"].domain) == "妇女与教育"
