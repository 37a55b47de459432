"""Metadata from the evidence a document gives when its title line is missing or masked: never a parent's
title, a caption's plan, a notice's masked 《…》, a legible copy of the title run on into a notice's words,
and no period from a five-year plan named as the past. Invented documents of each shape."""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract


def _written(tmp_path: Path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(path)


def _workbook(tmp_path: Path, caption: str, basis: str) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "说明"
    sheet.append([caption])
    sheet.append([])
    sheet.append([basis])
    sheet.append(["安远县妇女儿童工作委员会办公室　2022年5月"])
    data = book.create_sheet("1.健康")
    data.append(["（一）儿童与健康"])
    data.append(["序号", "类型", "指标/目标任务", "单位", "2020年", "2025年", "2030年", "牵头单位"])
    data.append([1, "指标", "婴儿死亡率", "‰", 3.6, "≤3.4", "≤3.2", "县卫健局"])
    data.append([2, "指标", "5岁以下儿童死亡率", "‰", 5.1, "≤4.8", "≤4.5", "县卫健局"])
    path = tmp_path / "清单.xlsx"
    book.save(path)
    return path


def test_a_caption_naming_the_plan_and_its_list_gives_the_title_never_a_parent_it_cites(tmp_path: Path) -> None:
    """编制依据：《中国儿童发展纲要…》… is the parents; the caption …规划（…）指标任务清单 names the plan."""
    basis = "编制依据：《中国儿童发展纲要（2021—2030年）》《江西省儿童发展规划（2021—2030年）》《赣州市儿童发展规划（2021—2030年）》"
    (plan,) = extract(_workbook(tmp_path, "安远县儿童发展规划（2021—2030年）指标任务清单", basis))
    assert plan.plan.title == "安远县儿童发展规划（2021—2030年）"
    assert plan.plan.kind == "children" and plan.plan.level == "county"
    assert list(plan.plan.jurisdiction) == ["江西省", "赣州市", "安远县"]
    assert plan.plan.period == (2021, 2030)
    assert "line 1" in plan.plan.inferred_from["title"] or "第1行" in plan.plan.inferred_from["title"]


def test_a_caption_of_a_five_year_plans_indicator_table_in_a_text(tmp_path: Path) -> None:
    """Another caption word, a five-year plan's title, in a text file: 英山县儿童发展“十四五”规划主要指标监测表."""
    text = (
        "英山县儿童发展“十四五”规划主要指标监测表\n"
        "填报单位：英山县妇女儿童工作委员会办公室\n"
        "领域\t指标\t单位\t2020年基数\t2025年目标\n"
        "儿童与健康\t婴儿死亡率\t‰\t3.1\t≤3\n"
        "\t5岁以下儿童死亡率\t‰\t4.2\t≤4\n"
    )
    (plan,) = _written(tmp_path, text)
    assert plan.plan.title == "英山县儿童发展“十四五”规划"
    assert list(plan.plan.jurisdiction) == ["湖北省", "黄冈市", "英山县"]
    assert plan.plan.period == (2021, 2025)


def test_a_report_on_the_plan_is_no_caption_of_its_table(tmp_path: Path) -> None:
    """…规划（2011—2020年）终期评估报告 heads no table of the plan: its title is not the plan's."""
    text = (
        "英山县儿童发展规划（2011—2020年）终期评估报告\n"
        "领域\t指标\t单位\t2020年基数\t2025年目标\n"
        "儿童与健康\t婴儿死亡率\t‰\t3.1\t≤3\n"
    )
    (plan,) = _written(tmp_path, text)
    assert plan.plan.title != "英山县儿童发展规划（2011—2020年）"
    assert plan.plan.period != (2011, 2020)


NOTICE = """首页 > 采购公告 > 结果公告 > 江西省 > 赣州市
安远县妇女儿童发展规划中期评估服务项目成交结果公告
发布时间：2023-04-12 09:30
一、项目名称：安远县妇女儿童发展规划中期评估服务项目
二、服务范围：对《安远县妇女发展规划（****—****年）》实施情况开展中期评估。
附：评估指标清单（以下内容摘自《安远县妇女发展规划（****—****年）》）
（一）妇女与健康
1.孕产妇死亡率控制在**/10万以下。
2.妇女健康素养水平不低于3*%。
（二）妇女与教育
3.高中阶段毛入学率达到9*%以上。
"""


def test_a_notices_masked_title_of_the_plan_gives_its_place(tmp_path: Path) -> None:
    """A tender notice about the plan, its 《…（****—****年）》 masked: the place is read, the period stays unknown."""
    (plan,) = _written(tmp_path, NOTICE, "notice.txt")
    assert plan.plan.title == "安远县妇女发展规划（****—****年）"
    assert list(plan.plan.jurisdiction) == ["江西省", "赣州市", "安远县"] and plan.plan.level == "county"
    assert plan.plan.period is None  # masked, and the file's name tells none: unknown, never guessed


TENDER = """首页 > 采购公告 > 结果公告
安远县儿童发展规划（2021—2030年）宣传手册印制项目成交公告
发布时间：2022-10-09 16:42
一、项目名称：安远县儿童发展规划（2021—2030年）宣传手册印制项目
附件：规划文本（预览）
安远县儿童发展规划（****—****年）
　　“十三五”末，全县婴儿死亡率降至*.1‰。
（一）儿童与健康
1.婴儿死亡率控制在*.5‰以下。
2.学前三年毛入园率达到9*%以上。
"""


def test_the_titles_legible_copy_run_on_into_a_notices_words_dates_a_masked_title(tmp_path: Path) -> None:
    """…规划（2021—2030年）宣传手册印制项目 on a page dated 2022 gives the masked title's period; “十三五”末 none."""
    (plan,) = _written(tmp_path, TENDER, "tender.txt")
    assert plan.plan.title == "安远县儿童发展规划（****—****年）"
    assert plan.plan.period == (2021, 2030)
    assert "十三五" not in plan.plan.inferred_from["period"]


def test_a_run_on_copy_of_another_periods_title_or_an_undated_one_dates_nothing(tmp_path: Path) -> None:
    """Dated after that period (an evaluation of the previous plan), or not dated at all: the period stays unknown."""
    earlier = TENDER.replace("（2021—2030年）宣传手册印制项目成交公告", "（2011—2020年）终期评估项目成交公告")
    earlier = earlier.replace("（2021—2030年）宣传手册印制项目\n", "（2011—2020年）终期评估项目\n")
    (plan,) = _written(tmp_path, earlier, "earlier.txt")
    assert plan.plan.period is None
    undated = TENDER.replace("发布时间：2022-10-09 16:42\n", "")
    (plan,) = _written(tmp_path, undated, "undated.txt")
    assert plan.plan.period is None
