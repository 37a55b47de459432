"""Word and Excel plans in shapes the seeds and the corpus do not have, each file written by its test.

Two-row headers whose parent columns are labelled by place (上级目标 over 省 | 市, over 丹东市2030年),
soft line breaks between a paragraph's list items, a workbook whose comparators stand in a direction
column (指标方向: 正向/逆向) and whose targets sheet is a task table (领域 | 类别 | 序号 | 目标任务 |
牵头单位 | 完成时限). Each expected target was written with the document, before extraction ran on it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract
from tests.makedocs import word_table

D = Decimal


def test_a_parent_column_pair_labelled_by_place_is_never_the_plans(tmp_path: Path) -> None:
    """上级目标（2030年） merged over 省 | 市 (and 本县目标 over 2025年 | 2030年): the 省/市 cells are the parents',
    quoted for comparison; the plan's targets are its own two columns. 表1 in the caption is no number to list."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某某县妇女发展规划（2021—2030年）")
    document.add_paragraph("二、主要指标")
    document.add_paragraph("表1　某某县妇女发展主要指标")
    word_table(
        document,
        [
            ["领域", "序号", "指标", "单位", "2020年现状", "上级目标（2030年）", "", "本县目标", ""],
            ["", "", "", "", "", "省", "市", "2025年", "2030年"],
            ["妇女与健康", "1", "孕产妇死亡率", "1/10万", "9.8", "≤10", "≤10", "≤9", "≤8"],
            ["妇女与教育", "2", "高中阶段毛入学率", "%", "93.6", "≥95", "≥95", "95", "96"],
        ],
        [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 0, 6), (0, 7, 0, 8)],
    )
    document.add_paragraph("注：目标值前未标注符号的为“不低于”；上级目标栏仅作对照。")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    got = [(t.indicator, str(t.target.op), t.target.value, t.year, t.locator) for t in plan.targets]
    assert got == [
        ("孕产妇死亡率", "<=", D(9), 2025, "表1 第3行 2025年列"),
        ("孕产妇死亡率", "<=", D(8), None, "表1 第3行 2030年列"),
        ("高中阶段毛入学率", ">=", D(95), 2025, "表1 第4行 2025年列"),
        ("高中阶段毛入学率", ">=", D(96), None, "表1 第4行 2030年列"),
    ]
    assert {(t.parent_target.value, t.parent_column) for t in plan.targets if t.year is None} == {
        (D(10), "上级目标（2030年）/省"), (D(95), "上级目标（2030年）/省"),
    }
    assert not [t for t in plan.targets if t.year == 2025 and t.parent_target]  # the parents' 2030 values: no 2025 quote
    assert not plan.unparsed


def test_a_parent_column_labelled_by_a_place_and_its_year(tmp_path: Path) -> None:
    """上级目标 over 丹东市2030年, beside 本级目标 over 2025年 | 2030年: the labelled column is the parent's, of 2030."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某某县妇女发展规划（2021—2030年）")
    word_table(
        document,
        [
            ["序号", "领域", "指标", "单位", "2020年基期值", "上级目标", "本级目标", ""],
            ["", "", "", "", "", "某某市2030年", "2025年", "2030年"],
            ["1", "决策", "村民委员会成员中女性比例", "%", "26.5", "≥30", "≥27", "≥28"],
            ["2", "环境", "城镇公共厕所男女厕位比例", "—", "1:1.2", "2:3", "2:3", "1∶2"],
        ],
        [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 6, 0, 7)],
    )
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    got = [(t.indicator, str(t.target.op), t.target.value, t.target.unit, t.year) for t in plan.targets]
    assert got == [
        ("村民委员会成员中女性比例", ">=", D(27), "%", 2025),
        ("村民委员会成员中女性比例", ">=", D(28), "%", None),
        ("城镇公共厕所男女厕位比例", "=", D("0.667"), "ratio", 2025),
        ("城镇公共厕所男女厕位比例", "=", D("0.5"), "ratio", None),  # 1∶2 with a full-width colon
    ]
    assert plan.targets[1].parent_target.value == D(30) and plan.targets[1].parent_column == "上级目标/某某市2030年"


def test_target_headers_qualified_by_whose_target_they_give(tmp_path: Path) -> None:
    """上级规划目标值 merged over 国家 | 杭州市 (a parent marker before the target word: the parents', for comparison),
    桐庐县目标值 merged over 2025年 | 2030年 (a place before it: the plan's), the domains as rows merged across
    the table: the plan's two columns only, each under the domain its row above names."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("桐庐县儿童发展规划（2021—2030年）")
    document.add_paragraph("表1　主要指标对照表")
    word_table(
        document,
        [
            ["序号", "指标名称", "单位", "2020年现状值", "上级规划目标值", "", "桐庐县目标值", ""],
            ["", "", "", "", "国家", "杭州市", "2025年", "2030年"],
            ["一、儿童与健康"] + [""] * 7,
            ["1", "婴儿死亡率", "‰", "3.9", "≤5", "≤4", "≤3.5", "≤3"],
            ["二、儿童与教育"] + [""] * 7,
            ["2", "学前教育毛入园率", "%", "96.2", "≥90", "≥97", "97", "98"],
        ],
        [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 0, 5), (0, 6, 0, 7), (2, 0, 2, 7), (4, 0, 4, 7)],
    )
    document.add_paragraph("注：未注明符号的目标值为“不低于”。")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    got = [(t.domain, t.indicator, str(t.target.op), t.target.value, t.year, t.locator) for t in plan.targets]
    assert got == [
        ("儿童与健康", "婴儿死亡率", "<=", D("3.5"), 2025, "表1 第4行 2025年列"),
        ("儿童与健康", "婴儿死亡率", "<=", D(3), None, "表1 第4行 2030年列"),
        ("儿童与教育", "学前教育毛入园率", ">=", D(97), 2025, "表1 第6行 2025年列"),
        ("儿童与教育", "学前教育毛入园率", ">=", D(98), None, "表1 第6行 2030年列"),
    ]
    assert {(t.parent_target.value, t.parent_column) for t in plan.targets} == {
        (D(5), "上级规划目标值/国家"), (D(90), "上级规划目标值/国家"),
    }
    assert not plan.unparsed


def test_target_columns_each_named_by_a_place_or_a_national_word(tmp_path: Path) -> None:
    """One header row, 国家规划目标 | 杭州市规划目标 | 桐庐县规划目标 and no year: the national one is a parent's,
    of the two places the lower level (the county) is the plan's own, the city's a parent's."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("桐庐县妇女发展规划（2021—2030年）")
    document.add_paragraph("（一）妇女与健康")
    word_table(
        document,
        [
            ["序号", "指标", "单位", "2020年基数", "国家规划目标", "杭州市规划目标", "桐庐县规划目标"],
            ["1", "孕产妇死亡率", "1/10万", "6.1", "≤12", "≤9", "≤8"],
            ["2", "适龄妇女宫颈癌人群筛查率", "%", "71", "≥70", "≥80", "≥85"],
        ],
        [],
    )
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    got = [(t.indicator, str(t.target.op), t.target.value, t.locator) for t in plan.targets]
    assert got == [
        ("孕产妇死亡率", "<=", D(8), "表1 第2行 桐庐县规划目标列"),
        ("适龄妇女宫颈癌人群筛查率", ">=", D(85), "表1 第3行 桐庐县规划目标列"),
    ]
    assert not plan.unparsed


@pytest.mark.parametrize(
    ("caption", "header"),
    [
        ("附件：桐庐县儿童发展规划重点任务分工表", ["序号", "重点任务", "牵头单位", "配合单位"]),
        ("附表　桐庐县儿童发展规划目标任务清单", ["序号", "工作任务", "责任单位"]),
    ],
)
def test_a_table_of_tasks_annexed_after_the_implementation_part(tmp_path: Path, caption: str, header: list[str]) -> None:
    """After 三、保障措施 (no target section), an annex captioned as the plan's table of tasks (…任务分工表, …任务清单):
    its task cells are the plan's measures, read as such, never a listed number of text whose structure is unknown;
    the numbers of the implementation part itself stay out."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("桐庐县儿童发展规划（2021—2030年）")
    document.add_paragraph("一、主要目标")
    document.add_paragraph("（一）儿童与健康")
    document.add_paragraph("1．婴儿死亡率控制在3‰以下。")
    document.add_paragraph("二、保障措施")
    document.add_paragraph("县妇女儿童工作委员会于2025年组织中期评估，2030年组织终期评估。")
    document.add_paragraph(caption)
    rows = [
        ["1", "县妇幼保健院儿科床位增加到40张，每家乡镇卫生院至少配备1名儿科医生", "县卫生健康局", "县财政局"],
        ["2", "每年开展家庭教育指导服务不少于30场次", "县妇联", "县教育局"],
    ]
    word_table(document, [header] + [row[: len(header)] for row in rows], [])
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    got = [(str(t.section), t.target.value, t.target.unit) for t in plan.targets]
    assert got == [
        ("main_targets", D(3), "‰"),
        ("measures", D(40), "张"),
        ("measures", D(1), "名"),
        ("measures", D(30), "场次/年"),
    ]
    assert not plan.unparsed


def test_soft_line_breaks_between_list_items_end_their_lines(tmp_path: Path) -> None:
    """1．…<br>2．…<br>3．… in one paragraph: three items, never 2．城镇单位… as a name; a break inside a
    sentence (不少于<br>200人次) joins its halves."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某某县妇女发展规划（2021—2030年）")
    document.add_paragraph("（一）妇女与经济")
    document.add_paragraph("主要目标：")
    paragraph = document.add_paragraph()
    items = ["1．就业人员中的女性比例保持在45%左右", "2．城镇单位就业人员中的女性比例保持在40%左右", "3．高级专业技术人员中的女性比例达到38%"]
    for k, item in enumerate(items):
        run = paragraph.add_run(item)
        if k < len(items) - 1:
            run.add_break()
    paragraph = document.add_paragraph()
    paragraph.add_run("4．农村妇女参加技能培训每年不少于").add_break()
    paragraph.add_run("200人次。")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    got = [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets]
    assert got == [
        (4, "就业人员中的女性比例", "~", D(45), "%"),
        (4, "城镇单位就业人员中的女性比例", "~", D(40), "%"),
        (4, "高级专业技术人员中的女性比例", ">=", D(38), "%"),
        (5, "农村妇女参加技能培训", ">=", D(200), "人次/年"),
    ]
    assert [t.locator for t in plan.targets] == ["第4段"] * 3 + ["第5段"]


def _task_workbook(path: Path) -> None:
    """指标体系 (title merged across, two-row merged header, 指标方向), 重点任务 (a task table), 填报说明."""
    from openpyxl import Workbook

    book = Workbook()
    table = book.active
    table.title = "指标体系"
    rows = [
        ["某某县儿童发展规划（2021—2030年）主要指标体系"],
        ["序号", "领域", "指标名称", "单位", "基期值", "目标值", None, "指标方向", "牵头单位"],
        [None, None, None, None, "2020年", "2025年", "2030年"],
        [1, "儿童与健康", "婴儿死亡率", "‰", 5.9, 5.2, 4.5, "逆向", "县卫生健康局"],
        [2, None, "儿童眼保健和视力检查覆盖率", "%", 0.912, 0.93, 0.95, "正向", "县卫生健康局"],
        [3, "儿童与安全", "儿童安全事故数", "个", 12, 10, 8, "逆向", "县应急管理局"],
    ]
    for row in rows:
        table.append(row)
    for merged in ("A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "F2:G2", "H2:H3", "I2:I3", "B4:B5"):
        table.merge_cells(merged)
    for cell in ("E5", "F5", "G5"):
        table[cell].number_format = "0%"
    tasks = book.create_sheet("重点任务")
    for row in (
        ["领域", "类别", "序号", "目标任务", "牵头单位", "完成时限"],
        ["儿童与健康", "主要目标", 1, "婴儿死亡率降至4.5‰以下", "县卫生健康局", "2030年"],
        [None, None, 2, "5岁以下儿童贫血患病率控制在8%以内", "县卫生健康局", "持续推进"],
        [None, "策略措施", 3, "县妇幼保健院儿科床位达到50张", "县卫生健康局", "2025年"],
        ["儿童与福利", "主要目标", 1, "孤儿基本生活保障标准不低于每人每月1800元", "县民政局", "持续推进"],
    ):
        tasks.append(row)
    for merged in ("A2:A4", "B2:B3"):
        tasks.merge_cells(merged)
    notes = book.create_sheet("填报说明")
    for row in (["填报说明"], ["1.指标方向为“正向”的，目标值为“不低于”；为“逆向”的，目标值为“不高于”。"],
                ["2.2025年为中期目标，基期值为2020年统计数据。"]):
        notes.append(row)
    book.save(path)


def test_a_workbook_with_a_direction_column_and_a_task_table(tmp_path: Path) -> None:
    """The sheet's caption (…主要指标体系) is the plan's title, so the place comes from the gazetteer; bare cells
    take their comparator from 指标方向 (逆向 → ≤ even for an indicator nobody knows); the task table's rows are
    items of the domain and section (类别) their merged cells name, with their lead unit; deadlines are no targets."""
    path = tmp_path / "plan.xlsx"
    _task_workbook(path)
    (plan,) = extract(path)
    info = plan.plan
    assert (info.title, str(info.kind), str(info.level)) == ("某某县儿童发展规划（2021—2030年）", "children", "county")
    got = [(t.locator, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.year, str(t.section), t.domain)
           for t in plan.targets if t.target.is_numeric]
    assert got == [
        ("指标体系!F4", "婴儿死亡率", "<=", D("5.2"), "‰", 2025, "indicator_table", "儿童与健康"),
        ("指标体系!G4", "婴儿死亡率", "<=", D("4.5"), "‰", None, "indicator_table", "儿童与健康"),
        ("指标体系!F5", "儿童眼保健和视力检查覆盖率", ">=", D(93), "%", 2025, "indicator_table", "儿童与健康"),
        ("指标体系!G5", "儿童眼保健和视力检查覆盖率", ">=", D(95), "%", None, "indicator_table", "儿童与健康"),
        ("指标体系!F6", "儿童安全事故数", "<=", D(10), "个", 2025, "indicator_table", "儿童与安全"),
        ("指标体系!G6", "儿童安全事故数", "<=", D(8), "个", None, "indicator_table", "儿童与安全"),
        ("重点任务!第2行", "婴儿死亡率", "<=", D("4.5"), "‰", None, "main_targets", "儿童与健康"),
        ("重点任务!第3行", "5岁以下儿童贫血患病率", "<=", D(8), "%", None, "main_targets", "儿童与健康"),
        ("重点任务!第4行", "县妇幼保健院儿科床位", ">=", D(50), "张", None, "measures", "儿童与健康"),
        ("重点任务!第5行", "孤儿基本生活保障标准", ">=", D(1800), "元", None, "main_targets", "儿童与福利"),
    ]
    assert [t.lead_units for t in plan.targets if t.section != "indicator_table"] == [
        ["县卫生健康局"], ["县卫生健康局"], ["县卫生健康局"], ["县民政局"],
    ]
    assert set(plan.domains) == {"儿童与健康", "儿童与安全", "儿童与福利"}
    assert not plan.unparsed


def test_a_cell_of_plan_text_whose_items_stand_apart_by_line_breaks(tmp_path: Path) -> None:
    """A sheet holding the plan's text one paragraph per cell, a cell's list items apart by Alt+Enter: one line
    per item (never 2.城镇单位… as a name), a break inside a sentence joining its halves."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "规划文本"
    for row in (["某某市妇女发展规划（2021—2030年）"], ["（一）妇女与经济"],
                ["主要目标：\n1.就业人员中的女性比例保持在45%左右\n2.城镇单位就业人员中的女性比例保持在40%左右"],
                ["3.农村妇女参加技能培训每年不少于\n200人次。"]):
        sheet.append(row)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    (plan,) = extract(path)
    assert [(t.locator, t.indicator, str(t.target.op), t.target.value, t.target.unit, str(t.section)) for t in plan.targets] == [
        ("规划文本!第3行", "就业人员中的女性比例", "~", D(45), "%", "main_targets"),
        ("规划文本!第3行", "城镇单位就业人员中的女性比例", "~", D(40), "%", "main_targets"),
        ("规划文本!第4行", "农村妇女参加技能培训", ">=", D(200), "人次/年", "main_targets"),
    ]
    assert not plan.unparsed


def test_paragraphs_inside_a_content_control_are_read(tmp_path: Path) -> None:
    """A Word form or template wraps the plan's text in a content control (w:sdt): its paragraphs are the plan's."""
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement

    document = docx.Document()
    for text in ("某某县妇女发展规划（2021—2030年）", "（一）妇女与健康", "主要目标："):
        document.add_paragraph(text)
    first = document.add_paragraph("1．孕产妇死亡率控制在8/10万以下。")
    second = document.add_paragraph("2．适龄妇女宫颈癌人群筛查率达到75%。")
    control, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    control.append(content)
    first._p.addprevious(control)
    content.append(first._p)
    content.append(second._p)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert [(t.line, t.indicator, t.target.value) for t in plan.targets] == [
        (4, "孕产妇死亡率", D(8)), (5, "适龄妇女宫颈癌人群筛查率", D(75)),
    ]


def test_a_box_of_one_cell_is_read_paragraph_by_paragraph(tmp_path: Path) -> None:
    """A 专栏 drawn as a table of one cell: each of its paragraphs is a line (all with the box's number), so its list
    items are items, not 专栏1 妇女健康重点项目1．县妇幼… as one name; 专栏1 is the box's number, no target."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in ("某某县妇女发展规划（2021—2030年）", "（一）妇女与健康", "策略措施：", "1．加强妇幼健康服务体系建设。"):
        document.add_paragraph(text)
    box = document.add_table(rows=1, cols=1).cell(0, 0)
    box.paragraphs[0].text = "专栏1 妇女健康重点项目"
    box.add_paragraph("1．县妇幼保健院产科床位达到60张")
    box.add_paragraph("2．每个乡镇卫生院配备2名妇女保健医生")
    document.add_paragraph("2．适龄妇女宫颈癌人群筛查率达到75%。")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert [(t.line, t.indicator, t.target.value, t.target.unit) for t in plan.targets if t.target.is_numeric] == [
        (5, "县妇幼保健院产科床位", D(60), "张"),
        (5, "每个乡镇卫生院妇女保健医生数", D(2), "名"),
        (6, "适龄妇女宫颈癌人群筛查率", D(75), "%"),
    ]
    assert not plan.unparsed
