"""The plan's place where a document writes it badly: junk glued before the name (a draft's mark, the years, a stray
digit), words run on after it, a county breaking down its parent's plan, and a workbook whose banner rows name only
the body that filled it in. Invented documents of each shape, each with a variant."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.extraction import extract

BODY = """（一）儿童与健康
主要目标：
1．新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5‰和6.0‰以下。
（二）儿童与教育
主要目标：
1．学前教育毛入园率达到95%以上。
"""


def _text(tmp_path: Path, head: str, name: str = "plan.txt"):
    path = tmp_path / name
    path.write_text(head + "\n" + BODY, encoding="utf-8")
    (plan,) = extract(path)
    return plan.plan


@pytest.mark.parametrize(
    ("title", "path"),
    [
        ("【会签稿】崖州区儿童发展规划（2021—2030年）", ["海南省", "三亚市", "崖州区"]),  # a draft's mark
        ("（征求意见稿）尤溪县儿童发展规划（2021—2025年）", ["福建省", "三明市", "尤溪县"]),  # the mark in brackets
        ("2021—2025年尤溪县儿童发展规划", ["福建省", "三明市", "尤溪县"]),  # the years, their 年 glued on
        ("2珲春市儿童发展规划（2021—2030年）", ["吉林省", "延边朝鲜族自治州", "珲春市"]),  # a stray digit; a 县级市
    ],
)
def test_junk_glued_before_the_place_is_no_part_of_it(tmp_path: Path, title: str, path: list[str]) -> None:
    plan = _text(tmp_path, title)
    assert list(plan.jurisdiction) == path
    assert plan.level == "county" and not plan.unknown
    assert not plan.title.startswith(("【", "（"))  # a draft's mark is no part of the title either


def test_an_ending_shared_by_several_places_takes_the_one_the_document_cites(tmp_path: Path) -> None:
    """年市中区: 市中区 is in four cities; the parent the plan cites says which one, nothing says so without it."""
    cited = "根据《济南市儿童发展规划（2021—2025年）》，结合我区实际，制定本规划。"
    plan = _text(tmp_path, "2021—2025年市中区儿童发展规划\n" + cited)
    assert list(plan.jurisdiction) == ["山东省", "济南市", "市中区"]
    alone = _text(tmp_path, "2021—2025年市中区儿童发展规划", "alone.txt")
    assert "jurisdiction" in (alone.unknown or [])  # ambiguous: never guessed


def test_words_run_on_after_the_place_are_no_part_of_it(tmp_path: Path) -> None:
    """尤溪县贯彻落实儿童发展规划…: the place is 尤溪县, never a path of four parts (it did not validate)."""
    plan = _text(tmp_path, "尤溪县贯彻落实儿童发展规划（2021—2030年）")
    assert list(plan.jurisdiction) == ["福建省", "三明市", "尤溪县"]
    assert plan.level == "county"


def _breakdown(tmp_path: Path, lines: list[str], name: str = "breakdown.docx") -> Path:
    """A county's table breaking down targets, with the nation's and the province's values beside its own."""
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=6)
    for cell, text in zip(table.rows[0].cells, ["序号", "指标", "国家目标", "省目标", "县目标（2030年）", "责任单位"], strict=True):
        cell.text = text
    for row in (
        ["1", "婴儿死亡率（‰）", "5", "≤4.5", "≤4", "县卫健局"],
        ["2", "学前教育毛入园率（%）", "90", "≥92", "≥95", "县教育局"],
    ):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    path = tmp_path / name
    document.save(path)
    return path


@pytest.mark.parametrize(
    "lines",
    [
        ["福建省儿童发展规划（2021—2030年）尤溪县任务分解表"],  # the parent's title, then the county's table
        [  # the county carrying out the parent's plan, the notice's words naming the parent's plan as the title
            "尤溪县落实《福建省儿童发展规划（2021—2030年）》主要目标任务分解",
            "为贯彻落实《福建省儿童发展规划（2021—2030年）》，现将《福建省儿童发展规划（2021—2030年）》主要目标任务分解如下。",
        ],
        ["尤溪县贯彻落实《福建省儿童发展规划（2021—2030年）》任务分解方案"],  # no title at all
    ],
)
def test_the_county_a_breakdown_heading_names_wins_over_the_province_whose_plan_it_breaks_down(
    tmp_path: Path, lines: list[str]
) -> None:
    (plan,) = extract(_breakdown(tmp_path, lines))
    assert list(plan.plan.jurisdiction) == ["福建省", "三明市", "尤溪县"]
    assert plan.plan.level == "county"


def test_a_county_forwarding_its_provinces_plan_gives_the_provinces_plan(tmp_path: Path) -> None:
    """关于转发《福建省…》的通知: the text is the province's plan; the county forwarding it is not its place."""
    lines = [
        "尤溪县人民政府关于转发《福建省儿童发展规划（2021—2030年）》的通知",
        "现将《福建省儿童发展规划（2021—2030年）》转发给你们，请认真贯彻执行。",
        "福建省儿童发展规划（2021—2030年）",
    ]
    (plan,) = extract(_breakdown(tmp_path, lines))
    assert list(plan.plan.jurisdiction) == ["福建省"]
    assert plan.plan.level == "provincial"


def _banner_workbook(tmp_path: Path, banner: list[str], name: str = "分解表.xlsx") -> Path:
    """A workbook whose first rows, each merged across the table, hold a caption and who filled the table in."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row, text in enumerate(banner, start=1):
        sheet.cell(row, 1, text)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
    sheet.append(["序号", "领域", "指标", "2020年基数", "2030年目标", "责任单位"])
    sheet.append([1, "儿童与健康", "婴儿死亡率（‰）", 4.5, "≤4", "县卫生健康局"])
    sheet.append([2, "儿童与教育", "学前教育毛入园率（%）", 90, "≥95", "县教育局"])
    path = tmp_path / name
    book.save(path)
    return path


def test_the_body_filling_in_a_workbook_names_its_place(tmp_path: Path) -> None:
    """儿童发展规划（2021—2030年）主要指标任务分解表 names no place; 填报单位：崖州区妇女儿童工作委员会 does."""
    path = _banner_workbook(tmp_path, ["儿童发展规划（2021—2030年）主要指标任务分解表", "填报单位：崖州区妇女儿童工作委员会"])
    (plan,) = extract(path)
    assert list(plan.plan.jurisdiction) == ["海南省", "三亚市", "崖州区"]
    assert plan.plan.level == "county" and plan.plan.period == (2021, 2030)


def test_the_body_making_a_table_names_a_county_level_city(tmp_path: Path) -> None:
    """制表单位：海城市妇儿工委办公室 (a 县级市 under 鞍山市), the date after it on the same row."""
    path = _banner_workbook(tmp_path, ["主要指标任务分解表", "制表单位：海城市妇儿工委办公室          2022年3月"])
    (plan,) = extract(path)
    assert list(plan.plan.jurisdiction) == ["辽宁省", "鞍山市", "海城市"]
    assert plan.plan.level == "county"


def test_a_county_level_city_is_a_county_under_its_prefecture(tmp_path: Path) -> None:
    plan = _text(tmp_path, "海城市儿童发展规划（2021—2030年）")
    assert list(plan.jurisdiction) == ["辽宁省", "鞍山市", "海城市"]
    assert plan.level == "county"


def test_a_banner_cell_of_the_caption_over_the_body_filling_it_in_gives_the_title(tmp_path: Path) -> None:
    """One cell merged over the first three rows: the caption, Alt+Enter, 填报单位：… — the caption names the plan."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet["A1"] = "崖州区妇女发展规划（2021—2025年）主要指标任务分解表\n填报单位：崖州区妇女儿童工作委员会"
    sheet.merge_cells("A1:F3")
    sheet.append(["序号", "领域", "指标", "2020年基数", "2025年目标", "责任单位"])
    sheet.append([1, "妇女与健康", "孕产妇死亡率（1/10万）", 12, "≤10", "区卫生健康委"])
    sheet.append([2, "妇女与教育", "高中阶段教育毛入学率（%）", 92, "≥95", "区教育局"])
    path = tmp_path / "banner.xlsx"
    book.save(path)
    (plan,) = extract(path)
    assert plan.plan.title == "崖州区妇女发展规划（2021—2025年）"
    assert plan.plan.period == (2021, 2025) and plan.plan.kind == "women"
    assert list(plan.plan.jurisdiction) == ["海南省", "三亚市", "崖州区"]


@pytest.mark.parametrize(
    "caption",
    [
        "尤溪县儿童发展规划（2021—2030年）主要目标任务分解",  # a breakdown named without 表
        "尤溪县《儿童发展规划（2021—2030年）》主要指标分解表",  # the place before the title in 《…》
    ],
)
def test_a_breakdowns_caption_names_the_plan(tmp_path: Path, caption: str) -> None:
    path = _banner_workbook(tmp_path, [caption])
    (plan,) = extract(path)
    assert plan.plan.title == "尤溪县儿童发展规划（2021—2030年）"
    assert plan.plan.period == (2021, 2030)
    assert list(plan.plan.jurisdiction) == ["福建省", "三明市", "尤溪县"]


def test_a_breakdown_without_a_title_takes_the_period_of_the_plan_it_carries_out(tmp_path: Path) -> None:
    (plan,) = extract(_breakdown(tmp_path, ["尤溪县贯彻落实《福建省儿童发展规划（2021—2030年）》任务分解方案"]))
    assert plan.plan.period == (2021, 2030)
    assert plan.plan.level == "county"


def test_a_midterm_evaluations_monitoring_table_is_captioned_by_the_plan(tmp_path: Path) -> None:
    """…规划（2021—2030年）主要指标中期评估监测表: the plan's targets beside the values monitored, a caption naming the
    plan (an evaluation's report, …终期评估报告, is none)."""
    path = _banner_workbook(tmp_path, ["凤翔区儿童发展规划（2021—2030年）主要指标中期评估监测表", "填报时间：2025年9月"])
    (plan,) = extract(path)
    assert plan.plan.title == "凤翔区儿童发展规划（2021—2030年）"
    assert list(plan.plan.jurisdiction) == ["陕西省", "宝鸡市", "凤翔区"] and plan.plan.period == (2021, 2030)
    report = _banner_workbook(tmp_path, ["凤翔区儿童发展规划（2011—2020年）终期评估报告"], "report.xlsx")
    (plan,) = extract(report)
    assert plan.plan.title != "凤翔区儿童发展规划（2011—2020年）"


def test_a_stamped_reporting_unit_names_the_place(tmp_path: Path) -> None:
    """填报单位（盖章）：宝鸡市凤翔区妇女儿童工作委员会办公室　　填报时间：…, under a caption naming no place."""
    banner = ["儿童发展规划（2021—2030年）主要指标中期评估监测表", "填报单位（盖章）：宝鸡市凤翔区妇女儿童工作委员会办公室　　　　填报时间：2025年9月"]
    (plan,) = extract(_banner_workbook(tmp_path, banner))
    assert list(plan.plan.jurisdiction) == ["陕西省", "宝鸡市", "凤翔区"]
    assert plan.plan.level == "county" and plan.plan.period == (2021, 2030)


@pytest.mark.parametrize(
    "note",
    [
        "注：“省目标”为《福建省妇女发展规划（2021—2030年）》规划期末目标。",
        "注：上级目标取自《三明市妇女发展规划（2021—2030年）》，未注明比较符号的为“达到”值。",
    ],
)
def test_a_caption_at_the_top_wins_over_a_parents_plan_a_note_names(tmp_path: Path, note: str) -> None:
    """The county's caption over its table, and under the table a note naming the parent's plan its column quotes:
    the plan is the county's (it was taken for the province's, level provincial)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["尤溪县妇女发展规划（2021—2030年）主要指标任务分解表"])
    sheet.merge_cells("A1:E1")
    sheet.append(["填报单位：", "", "", "", "2022年6月"])
    sheet.append(["序号", "指标", "本县目标", "上级目标", "责任单位"])
    sheet.append([1, "孕产妇死亡率（1/10万）", "<12", "<12", "县卫健局"])
    sheet.append([2, "高中阶段女生毛入学率（%）", "≥95", "≥93", "县教育局"])
    sheet.append([note])
    sheet.merge_cells("A6:E6")
    path = tmp_path / "分解.xlsx"
    book.save(path)
    (plan,) = extract(path)
    assert plan.plan.title == "尤溪县妇女发展规划（2021—2030年）"
    assert list(plan.plan.jurisdiction) == ["福建省", "三明市", "尤溪县"]
    assert plan.plan.level == "county"
