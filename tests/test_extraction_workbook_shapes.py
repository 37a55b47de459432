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
from tests.makedocs import word_table

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


def test_target_columns_named_by_places_the_lower_place_is_the_plans(tmp_path: Path) -> None:
    """义乌市目标值 over 2025年 | 2030年 beside 金华市目标值（2030年）: both headers read …市目标值, but the gazetteer
    says 义乌市 is a county-level city and 金华市 its prefecture: the prefecture's column is the parent's, quoted for
    comparison, never the plan's targets."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("义乌市妇女发展规划（2021—2030年）")
    document.add_paragraph("附件")
    word_table(
        document,
        [
            ["领域", "序号", "指标", "单位", "2020年现状值", "义乌市目标值", "", "金华市目标值（2030年）"],
            ["", "", "", "", "", "2025年", "2030年", ""],
            ["健康", "1", "孕产妇死亡率", "1/10万", "9.8", "≤10", "≤9", "≤10"],
            ["", "2", "适龄妇女宫颈癌人群筛查率", "%", "58.3", "≥65", "≥75", "≥70"],
        ],
        [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4), (0, 5, 0, 6), (0, 7, 1, 7), (2, 0, 3, 0)],
    )
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    got = [(t.indicator, str(t.target.op), t.target.value, t.year, t.locator) for t in plan.targets]
    assert got == [
        ("孕产妇死亡率", "<=", D(10), 2025, "表1 第3行 2025年列"),
        ("孕产妇死亡率", "<=", D(9), None, "表1 第3行 2030年列"),
        ("适龄妇女宫颈癌人群筛查率", ">=", D(65), 2025, "表1 第4行 2025年列"),
        ("适龄妇女宫颈癌人群筛查率", ">=", D(75), None, "表1 第4行 2030年列"),
    ]
    # the parent's 2030 value is the quote of the 2030 target only (a 2025 target is compared with 2025 references)
    assert [(t.parent_target.value, t.parent_column) if t.parent_target else None for t in plan.targets] == [
        None, (D(10), "金华市目标值（2030年）"), None, (D(70), "金华市目标值（2030年）")]


def test_a_word_cell_of_two_paragraphs_is_never_one_number(tmp_path: Path) -> None:
    """A target cell holding 95 and 96 in paragraphs of their own (under 目标值（2025年/2030年）) gives a target per
    paragraph, each with its year, never 9596; a cell whose paragraphs are not each a value (90 | 92（力争）) is listed
    with its paragraphs apart, never read as 9092."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某某县妇女发展规划（2021—2030年）")
    document.add_paragraph("三、主要指标")
    table = document.add_table(rows=3, cols=4)
    for k, value in enumerate(["指标", "单位", "2020年", "目标值（2025年/2030年）"]):
        table.cell(0, k).text = value
    for r, (name, baseline, first, second) in enumerate(
        [("高中阶段毛入学率", "93", "95", "96"), ("农村自来水普及率", "85", "90", "92（力争）")], start=1
    ):
        for k, value in enumerate([name, "%", baseline, first]):
            table.cell(r, k).text = value
        table.cell(r, 3).add_paragraph(second)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert [(t.indicator, str(t.target.op), t.target.value, t.year) for t in plan.targets] == [
        ("高中阶段毛入学率", ">=", D(95), 2025),
        ("高中阶段毛入学率", ">=", D(96), None),
    ]
    assert [(u.locator, u.text) for u in plan.unparsed] == [
        ("表1 第3行 目标值（2025年/2030年）列", "农村自来水普及率: 90 / 92（力争）"),
    ]


def test_year_headers_over_place_labels_interleave_the_parents_columns(tmp_path: Path) -> None:
    """2025年目标 and 2030年目标 each merged over 义乌市 | 金华市: the county-level city's columns are the plan's, the
    prefecture's beside each the parent's (by the gazetteer, with no 参考/上级 mark to say so)."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("义乌市妇女发展规划（2021—2030年）")
    word_table(
        document,
        [
            ["序号", "指标", "单位", "2020年", "2025年目标", "", "2030年目标", ""],
            ["", "", "", "", "义乌市", "金华市", "义乌市", "金华市"],
            ["1", "孕产妇死亡率", "1/10万", "13.5", "≤12", "≤11", "≤10", "≤9"],
        ],
        [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 0, 5), (0, 6, 0, 7)],
    )
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert [(t.target.value, t.year, t.parent_target.value if t.parent_target else None) for t in plan.targets] == [
        (D(12), 2025, D(11)), (D(10), None, D(9)),
    ]


def test_a_requirement_cell_holding_only_its_value_takes_the_tasks_name(tmp_path: Path) -> None:
    """A first sheet whose caption is …主要指标及任务分解表 names the plan; under 重点任务 | 量化要求 a requirement that
    opens with its value (均≥98%, ≤36‰, 全覆盖) sets the measure its task's cell names; a unit column written per
    person and month (元/人·月) is 元, the name saying 每人每月."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "说明"
    notes.append(["某某市儿童发展规划（2021—2030年）主要指标及任务分解表"])
    notes.append(["填表说明：目标值未标注符号的为“达到”。"])
    table = book.create_sheet("福利")
    for row in (
        ["领域", "序号", "指标", "单位", "2020年现状", "2030年目标"],
        ["儿童与福利", 1, "集中养育孤儿基本生活保障标准", "元/人·月", 2100, 2300],
    ):
        table.append(row)
    tasks = book.create_sheet("任务分解")
    for row in (
        ["序号", "领域", "重点任务", "量化要求", "牵头单位", "完成时限"],
        [1, "儿童与健康", "新生儿遗传代谢性疾病筛查率、新生儿听力筛查率", "均≥98%", "市卫生健康委", "2030年"],
        [2, "儿童与健康", "小学生近视率", "≤36%", "市教育局", "2030年"],
        [3, "儿童与环境", "城乡社区儿童之家", "全覆盖", "市民政局", "2030年"],
    ):
        tasks.append(row)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    (plan,) = extract(path)
    assert (plan.plan.title, plan.plan.period) == ("某某市儿童发展规划（2021—2030年）", (2021, 2030))
    got = [(t.locator, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.domain) for t in plan.targets]
    assert got == [
        ("福利!F2", "集中养育孤儿基本生活保障标准（每人每月）", ">=", D(2300), "元", "儿童与福利"),
        ("任务分解!第2行", "新生儿遗传代谢性疾病筛查率", ">=", D(98), "%", "儿童与健康"),
        ("任务分解!第2行", "新生儿听力筛查率", ">=", D(98), "%", "儿童与健康"),
        ("任务分解!第3行", "小学生近视率", "<=", D(36), "%", "儿童与健康"),
        ("任务分解!第4行", "城乡社区儿童之家覆盖率", ">=", D(100), "%", "儿童与环境"),
    ]
    assert plan.targets[0].baseline.value == D(2100)


def test_domain_sheets_with_a_comparison_column_and_an_excerpt_sheet(tmp_path: Path) -> None:
    """Sheets captioned …监测指标——儿童与安全 (the plan's title, then the sheet's domain) whose comparator stands in a
    比较 column (≤, and ↓ beside 20% in a row counted in 1/10万: a decrease by 20 % from the baseline year); a row
    across the table (策略措施中的量化任务) opens the measures section for the rows below; a sheet of the plan's text
    (序号 | 原文 | 所在部分) whose 所在部分 (儿童与健康·主要目标) gives each row's domain and section."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "安全"
    for row in (
        ["某某县儿童发展规划（2021—2030年）监测指标——儿童与安全"],
        ["序号", "指标名称", "单位", "2020年现状", "比较", "2030年目标值"],
        [1, "儿童伤害死亡率", "1/10万", 18.2, "↓", 0.2],
        [2, "儿童溺水死亡率", "1/10万", 6.1, "≤", 5],
        ["策略措施中的量化任务"],
        [3, "中小学幼儿园安全教育（每学期）", "课时", "—", "≥", 8],
    ):
        sheet.append(row)
    sheet.merge_cells("A1:F1")
    sheet.merge_cells("A5:F5")
    sheet["F3"].number_format = "0%"
    text = book.create_sheet("规划原文摘录")
    for row in (
        ["序号", "原文", "所在部分"],
        [1, "新生儿死亡率控制在2.5‰以下。", "儿童与健康·主要目标"],
        [2, "每年为农村留守儿童免费开展健康体检1.5万人次。", "儿童与健康·策略措施"],
    ):
        text.append(row)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    (plan,) = extract(path)
    assert (plan.plan.title, str(plan.plan.level)) == ("某某县儿童发展规划（2021—2030年）", "county")
    got = [(t.locator, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.target.base_year, str(t.section), t.domain)
           for t in plan.targets]
    assert got == [
        ("安全!F3", "儿童伤害死亡率", "rel_decrease", D(20), "%", 2020, "indicator_table", "儿童与安全"),
        ("安全!F4", "儿童溺水死亡率", "<=", D(5), "1/10万", None, "indicator_table", "儿童与安全"),
        ("安全!F6", "中小学幼儿园安全教育（每学期）", ">=", D(8), "学时", None, "measures", "儿童与安全"),
        ("规划原文摘录!第2行", "新生儿死亡率", "<=", D("2.5"), "‰", None, "main_targets", "儿童与健康"),
        ("规划原文摘录!第3行", "每年为农村留守儿童免费开展健康体检", ">=", D("1.5"), "万人次/年", None, "measures", "儿童与健康"),
    ]
    assert not plan.unparsed


def test_a_flattened_table_whose_cells_stand_apart_by_spaces(tmp_path: Path) -> None:
    """A 文库 export's 附表 run together on one line but its cells apart by spaces (序号 指标 单位 2020年 2030年 1 婴儿死亡率
    ‰ 5.9 ≤4.5 2 …), a row's number glued to nothing: read cell by cell, each row's number in sequence, its name,
    its unit cell and one value per column; what follows the rows with a number is listed."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "某某县儿童发展规划（2021—2030年）\n"
        "一、主要目标\n"
        "（一）儿童与健康\n"
        "1.婴儿死亡率控制在4.5‰以内。\n"
        "附表 某某县儿童发展主要指标 序号 指标 单位 2020年 2030年  1 婴儿死亡率 ‰ 5.9 ≤4.5 2 5岁以下儿童死亡率 ‰ 7.6 ≤5.5 "
        "3 每千人口拥有3岁以下婴幼儿托位数 个 1.2 ≥4.5 剩余 2 页可下载\n",
        encoding="utf-8",
    )
    (plan,) = extract(path)
    rows = [(t.indicator, str(t.target.op), t.target.value, t.target.unit, t.baseline.value if t.baseline else None)
            for t in plan.targets if t.section == "indicator_table"]
    assert rows == [
        ("婴儿死亡率", "<=", D("4.5"), "‰", D("5.9")),
        ("5岁以下儿童死亡率", "<=", D("5.5"), "‰", D("7.6")),
        ("每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.5"), "个/千人", D("1.2")),
    ]
    assert [u.text for u in plan.unparsed] == ["剩余 2 页可下载"]


def test_a_spaced_flattened_table_whose_row_numbers_glue_to_values_is_not_read_cell_by_cell() -> None:
    """…16.2 ≤122 适龄妇女… (row 2's number glued to row 1's target ≤12): the spaced reading stops at the first row that
    does not fit and gives nothing, never the target 122."""
    from compliance.extraction.cleaning import Src
    from compliance.extraction.columns import header_columns, header_tokens, settle_years
    from compliance.extraction.tables import _rows_by_spaces

    text = "序号 指标 单位 2020年 2025年目标1 孕产妇死亡率 1/10万 16.2 ≤122 适龄妇女宫颈癌人群筛查率 % 58 ≥70"
    tokens = header_tokens(text)
    columns = settle_years(header_columns([t for t, _, _ in tokens]) or [], None)
    values = [c for c in columns if c.role in ("baseline", "target")]
    assert len(values) == 2
    assert _rows_by_spaces(Src(1, text), tokens[-1][2], columns, values) is None
    whole = text.replace("≤122 适龄", "≤12 2 适龄")  # the same rows written apart: read
    rows, _ = _rows_by_spaces(Src(1, whole), tokens[-1][2], columns, values) or ([], 0)
    assert [(name, cells) for name, _, _, cells, _ in rows] == [("孕产妇死亡率", ["16.2", "≤12"]), ("适龄妇女宫颈癌人群筛查率", ["58", "≥70"])]
