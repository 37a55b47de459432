"""Plans in shapes neither the seeds nor the corpus have, written for these tests (tests/data/shapes/).

Dash bullets under numbered goals (——孕产妇死亡率…), chapters and sections
(第一章/第一节, 一、主要目标, (一)…), a vendor's repost with ● bullets and a news
intro, an OCR text with 第 N 页 共 M 页 footers and running headers, a workbook
with a women's and a children's sheet, a Word annex table with a unit column.
Each expected target was written with the document, before extraction ran on it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

SHAPES = Path(__file__).resolve().parent / "data" / "shapes"
D = Decimal


def targets(plan) -> list[tuple[int, str, str, Decimal | None, str | None, str]]:
    return [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, str(t.section))
        for t in plan.targets
        if t.target.is_numeric
    ]


def _written(folder: Path, text: str) -> Path:
    """A plan text the test writes, as a file extraction reads."""
    path = folder / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_dash_bullets_under_numbered_goals() -> None:
    (plan,) = extract(SHAPES / "women-dash-bullets.txt")
    assert (str(plan.plan.kind), plan.plan.period, plan.domains) == ("women", (2021, 2030), ["妇女与健康", "妇女与教育"])
    assert targets(plan) == [
        (8, "孕产妇死亡率", "<=", D(12), "1/10万", "main_targets"),
        (9, "孕产妇系统管理率", ">=", D(92), "%", "main_targets"),
        (11, "适龄妇女宫颈癌人群筛查率", ">=", D(70), "%", "main_targets"),
        (14, "每个乡镇卫生院妇女保健医生数", ">=", D(1), "名", "measures"),
        (17, "女童九年义务教育巩固率", ">=", D(97), "%", "main_targets"),
        (18, "高中阶段毛入学率", ">=", D(92), "%", "main_targets"),
    ]
    assert not plan.unparsed


def test_chapters_sections_and_numbered_goals() -> None:
    (plan,) = extract(SHAPES / "children-chapters-sections.txt")
    assert (str(plan.plan.kind), str(plan.plan.level), plan.plan.period) == ("children", "municipal", (2021, 2025))
    assert plan.domains == ["儿童与健康", "儿童与教育"]
    assert targets(plan) == [
        (7, "婴儿死亡率", "<=", D("4.5"), "‰", "main_targets"),
        (7, "5岁以下儿童死亡率", "<=", D(6), "‰", "main_targets"),
        (8, "适龄儿童免疫规划疫苗接种率", ">=", D(95), "%", "main_targets"),
        (10, "每千名儿童拥有儿科执业（助理）医师数", ">=", D("0.85"), "名/千人", "measures"),
        (13, "学前三年毛入园率", ">=", D(92), "%", "main_targets"),
        (14, "九年义务教育巩固率", ">=", D(96), "%", "main_targets"),
    ]
    assert not plan.unparsed  # 2023年开展中期评估 is in 组织实施


def test_a_vendor_repost_with_bullets_and_a_news_intro() -> None:
    (plan,) = extract(SHAPES / "children-vendor-bullets.txt")
    info = plan.plan
    assert info.title == "长沙市某某区儿童发展规划（2021—2025年）" and not info.is_news_summary
    assert info.jurisdiction == ["湖南省", "长沙市", "某某区"] and str(info.level) == "county"
    assert targets(plan) == [
        (12, "新生儿死亡率", "<=", D("2.5"), "‰", "main_targets"),
        (12, "婴儿死亡率", "<=", D(4), "‰", "main_targets"),
        (12, "5岁以下儿童死亡率", "<=", D(5), "‰", "main_targets"),
        (13, "适龄儿童免疫规划疫苗接种率", ">=", D(98), "%", "main_targets"),
        (14, "儿童青少年总体近视率", "rel_decrease", D("0.5"), "百分点/年", "main_targets"),
        (16, "每个街道普惠性托育机构数", ">=", D(1), "个", "measures"),
        (19, "学前三年教育毛入园率", ">=", D(95), "%", "main_targets"),
        (19, "普惠性幼儿园覆盖率", ">=", D(90), "%", "main_targets"),
    ]  # the intro's 婴儿死亡率 4‰ (line 7) is the news, not the plan
    assert not plan.unparsed


def test_ocr_with_page_footers_and_running_headers() -> None:
    (plan,) = extract(SHAPES / "children-ocr-page-footers.txt")
    info = plan.plan
    assert (info.jurisdiction, info.document_number) == (["贵州省", "遵义市", "某某县"], "某政发〔2022〕7号")
    assert targets(plan) == [
        (12, "新生儿死亡率", "<=", D(3), "‰", "main_targets"),
        (12, "婴儿死亡率", "<=", D(5), "‰", "main_targets"),
        (13, "5岁以下儿童死亡率", "<=", D(6), "‰", "main_targets"),  # its number on the next line
        (14, "3岁以下儿童系统管理率", ">=", D(90), "%", "main_targets"),
        (17, "7岁以下儿童健康管理率", ">=", D(92), "%", "main_targets"),  # 达 ↵ 第 1 页 ↵ header ↵ 到92%以上
        (18, "儿童伤害死亡率", "rel_decrease", D(20), "%", "main_targets"),
        (20, "新生儿遗传代谢性疾病筛查率", ">=", D(98), "%", "measures"),
        (25, "儿童乘车安全座椅使用率", ">=", D(50), "%", "main_targets"),
    ]


def test_a_workbook_with_a_womens_and_a_childrens_sheet(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    women = workbook.active
    women.title = "妇女"
    for row in (
        ["某某市妇女发展“十四五”规划主要指标"],
        ["序号", "指标", "单位", "2020年", "2025年", "属性"],
        [1, "孕产妇死亡率", "1/10万", 9.8, "≤9", "约束性"],
        [2, "妇女常见病筛查率", "%", 0.85, 0.9, "预期性"],
    ):
        women.append(row)
    women["D4"].number_format = women["E4"].number_format = "0%"
    children = workbook.create_sheet("儿童")
    for row in (
        ["某某市儿童发展“十四五”规划主要指标"],
        ["序号", "指标", "单位", "2020年", "2025年", "属性"],
        [1, "婴儿死亡率", "‰", 4.2, "<4", "约束性"],
        [2, "学前三年毛入园率", "%", 92, 95, "预期性"],
    ):
        children.append(row)
    path = tmp_path / "two-sheets.xlsx"
    workbook.save(str(path))
    first, second = extract(path)
    assert (str(first.plan.kind), str(second.plan.kind)) == ("women", "children")
    assert [(t.locator, t.indicator, str(t.target.op), t.target.value) for t in first.targets] == [
        ("妇女!E3", "孕产妇死亡率", "<=", D(9)),
        ("妇女!E4", "妇女常见病筛查率", ">=", D(90)),
    ]
    assert [(t.locator, t.indicator, str(t.target.op), t.target.value) for t in second.targets] == [
        ("儿童!E3", "婴儿死亡率", "<", D(4)),
        ("儿童!E4", "学前三年毛入园率", ">=", D(95)),
    ]


def test_a_word_annex_table_with_a_unit_column(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某某县儿童发展规划（2021—2030年）")
    document.add_paragraph(
        "根据《中国儿童发展纲要（2021—2030年）》和《四川省儿童发展规划（2021—2030年）》《成都市儿童发展规划（2021—2030年）》，结合实际，制定本规划。"
    )
    document.add_paragraph("附件：某某县儿童发展主要指标")
    rows = [
        ["指标名称", "单位", "2020年现状值", "2030年目标值", "指标属性"],
        ["婴儿死亡率", "‰", "3.1", "≤3.0", "约束性"],
        ["5岁以下儿童死亡率", "‰", "4.4", "4.0", "约束性"],
        ["儿童伤害死亡率", "1/10万", "14.2", "以2020年为基数下降20%", "预期性"],
        ["普惠性幼儿园覆盖率", "%", "85", "90", "预期性"],
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for k, value in enumerate(row):
            table.cell(r, k).text = value
    path = tmp_path / "annex.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert plan.plan.jurisdiction == ["四川省", "成都市", "某某县"] and plan.plan.period == (2021, 2030)
    assert [(t.indicator, str(t.target.op), t.target.value, t.target.unit, t.target.base_year) for t in plan.targets] == [
        ("婴儿死亡率", "<=", D(3), "‰", None),
        ("5岁以下儿童死亡率", "<=", D(4), "‰", None),  # a bare number: lower is better
        ("儿童伤害死亡率", "rel_decrease", D(20), "%", 2020),
        ("普惠性幼儿园覆盖率", ">=", D(90), "%", None),
    ]
    assert [t.baseline.value for t in plan.targets] == [D("3.1"), D("4.4"), D("14.2"), D(85)]


def test_a_wenku_table_whose_rows_stand_apart_by_spaces_and_glue_values() -> None:
    """文库 rows: 2.712.52婴儿… (2.71 | 2.5 | row 2), 5.65.2 4学前… (a space between rows), 14.3下降18% (a phrase cell),
    88100二、组织实施 (the last row before a part heading); and in the text 1:1.5, 元/月, 以“十三五”末为基数."""
    (plan,) = extract(SHAPES / "children-wenku-spaced-table.txt")
    assert plan.plan.period == (2021, 2030) and str(plan.plan.kind) == "children"
    table = [
        (t.indicator, str(t.target.op), t.target.value, t.target.unit, t.target.base_year)
        for t in plan.targets
        if str(t.section) == "indicator_table"
    ]
    assert table == [
        ("新生儿死亡率", "<=", D("2.5"), "‰", None),
        ("婴儿死亡率", "<=", D("3.8"), "‰", None),
        ("5岁以下儿童死亡率", "<=", D("5.2"), "‰", None),
        ("学前三年毛入园率", ">=", D(93), "%", None),
        ("九年义务教育巩固率", ">=", D(97), "%", None),
        ("儿童伤害死亡率", "rel_decrease", D(18), "%", 2020),  # relative to the baseline column
        ("每千名儿童拥有儿科执业（助理）医师数", ">=", D("0.9"), "名/千人", None),
        ("城乡社区儿童之家覆盖率", ">=", D(100), "%", None),
    ]
    assert [t.baseline.value for t in plan.targets if str(t.section) == "indicator_table"] == [
        D("2.71"), D("4.1"), D("5.6"), D("90.4"), D("96.1"), D("14.3"), D("0.71"), D(88)
    ]
    text = {t.indicator: t.target for t in plan.targets if str(t.section) == "main_targets"}
    assert (text["儿童伤害死亡率"].value, text["儿童伤害死亡率"].base_year) == (D(18), 2020)  # “十三五”末 is 2020
    assert (text["城镇公共厕所男女厕位比例"].value, text["城镇公共厕所男女厕位比例"].unit) == (D("0.667"), "ratio")
    assert (text["集中养育孤儿基本生活保障标准"].value, text["集中养育孤儿基本生活保障标准"].unit) == (D(1600), "元/月")
    assert not plan.unparsed


def test_a_news_byline_and_history_are_no_targets() -> None:
    """2023-03-15 08:45 is a time, not the ratio 8:45; 字号：A+ A- is furniture; “十三五”期间… is the past;
    the headline restating 婴儿死亡率 3‰ is no second target."""
    (plan,) = extract(SHAPES / "children-news-byline.txt")
    assert plan.plan.is_news_summary
    assert targets(plan) == [
        (8, "婴儿死亡率", "<=", D(3), "‰", "main_targets"),
        (8, "适龄儿童免疫规划疫苗接种率", ">=", D(98), "%", "main_targets"),
        (10, "学前教育毛入园率", ">=", D(97), "%", "main_targets"),
    ]
    assert not [u for u in plan.unparsed if u.line in (4, 10)]


def test_a_portal_copy_with_masked_years_and_a_table_apart_by_pipes() -> None:
    """序号 | 领域 | 指标 | ****年 | ****年: the earlier masked year is the baseline; the plan calls its time “***”时期
    and the page is dated 2023: a 十四五 plan (2021–2025), and the record says why."""
    (plan,) = extract(SHAPES / "children-portal-masked-pipes.txt")
    assert plan.plan.period == (2021, 2025)
    assert "“***”时期" in plan.plan.inferred_from["period"] and "2023" in plan.plan.inferred_from["period"]
    rows = [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.masked)
        for t in plan.targets
        if str(t.section) == "indicator_table"
    ]
    assert rows == [
        (7, "婴儿死亡率", "<=", D(4), False),
        (8, "*岁以下儿童死亡率", "<=", None, True),
        (9, "学前三年毛入园率", ">=", D(96), False),
    ]


def test_a_masked_title_whose_plan_speaks_of_2030_gets_no_five_year_period(tmp_path: Path) -> None:
    text = (SHAPES / "children-portal-masked-pipes.txt").read_text(encoding="utf-8")
    path = tmp_path / "ten-years.txt"
    path.write_text(text.replace("结合实际", "到2030年，结合实际"), encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.period is None  # unknown, never guessed


def test_measure_targets_are_named_as_a_reviewer_names_them() -> None:
    """The second item of a list without its subject takes the qualifier the catalogue knows (5岁以下儿童生长迟缓率),
    but a measure the catalogue knows bare keeps its name (学前三年毛入园率); 全覆盖 of places, value-first shares,
    counts and numbers of things, 全部达到, 覆盖全县X (trial defect 4, issue 15's naming gap)."""
    (plan,) = extract(SHAPES / "children-list-without-subject.txt")
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets] == [
        (4, "5岁以下儿童贫血患病率", "<=", D(9), "%"),
        (4, "5岁以下儿童生长迟缓率", "<=", D(4), "%"),
        (5, "适龄儿童免疫规划疫苗接种率", ">=", D(95), "%"),
        (5, "学前三年毛入园率", ">=", D(90), "%"),
        (7, "村（社区）儿童之家覆盖率", ">=", D(100), "%"),
        (8, "建成数字家长学校的中小学比例", ">=", D(80), "%"),
        (8, "家庭教育指导次数", ">=", D(2), "次/年"),
        (9, "各乡镇普惠性托育机构数", ">=", D(1), "家"),
        (9, "县妇幼保健院达到二级及以上水平的比例", ">=", D(100), "%"),
        (9, "冬季防溺水安全教育中小学覆盖率", ">=", D(100), "%"),
    ]
    assert not plan.unparsed


def test_a_wenku_table_whose_phrase_cells_run_on_into_the_next_row() -> None:
    """3.9≤3.52适龄… (≤3.5, row 2), 98.5≥953儿童… (≥95, row 3), 下降20%45岁以下… (row 4 of 5岁以下…), ≥95二、… (the last row)."""
    (plan,) = extract(SHAPES / "children-wenku-phrase-cells.txt")
    assert [
        (t.indicator, str(t.target.op), t.target.value, t.target.unit, t.target.base_year)
        for t in plan.targets
        if str(t.section) == "indicator_table"
    ] == [
        ("婴儿死亡率", "<=", D("3.5"), "‰", None),
        ("适龄儿童免疫规划疫苗接种率", ">=", D(95), "%", None),
        ("儿童伤害死亡率", "rel_decrease", D(20), "%", 2020),
        ("5岁以下儿童生长迟缓率", "<=", D(3), "%", None),
        ("学前三年毛入园率", ">=", D(95), "%", None),
    ]
    assert not plan.unparsed


def test_a_news_article_is_about_the_plan_it_says_was_issued(tmp_path: Path) -> None:
    """《…规划（2021—2030年）》（…号）正式印发 names the plan reported on: its title, and from it the place and level."""
    text = (
        "某某融媒  首页 | 要闻 | 民生\n"
        "7大领域60项目标！规划发布\n"
        "2023-01-09 08:30  来源：区融媒体中心\n"
        "近日，《顺义区儿童发展规划（2021—2030年）》（顺政发〔2022〕40号）正式印发。《规划》依据"
        "《中国儿童发展纲要（2021—2030年）》《北京市儿童发展规划（2021—2030年）》编制。\n"
        "■ 健康：近视防控“每年降一点”\n"
        "《规划》提出，到2030年，全区婴儿死亡率控制在2.5‰以下，适龄儿童免疫规划疫苗接种率保持在99%以上。\n"
        "■ 教育：新增学位缓解“入园难”\n"
        "《规划》明确，学前教育毛入园率达到95%以上，九年义务教育巩固率保持在99%以上。\n"
    )
    path = tmp_path / "news.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.title == "顺义区儿童发展规划（2021—2030年）"
    assert plan.plan.jurisdiction == ["北京市", "顺义区"] and plan.plan.level == "county"
    assert [t.target.value for t in plan.targets] == [Decimal("2.5"), Decimal(99), Decimal(95), Decimal(99)]


def test_pages_run_on_one_line_each_with_chapters_and_a_flattened_table_by_its_unit_column() -> None:
    """A 文库 export: each page one line cut mid-word (更‖加优化), — N / M — marks, 第三章…一、…（一）主要目标1.… run on,
    and a flattened 附表 without row numbers whose 单位 column glues name to values (农村自来水普及率%8895)."""
    (plan,) = extract(SHAPES / "women-pages-run-on.txt")
    info = plan.plan
    assert (str(info.kind), str(info.level), info.period, info.document_number) == ("women", "county", (2021, 2030), "某政发〔2022〕9号")
    assert plan.domains == ["妇女与健康", "妇女与教育", "妇女与环境"]
    table = [(t.indicator, str(t.target.op), t.target.value, t.target.unit, t.baseline.value) for t in plan.targets if str(t.section) == "indicator_table"]
    assert table == [
        ("孕产妇死亡率", "<=", D(8), "1/10万", D("9.6")),
        ("适龄妇女宫颈癌人群筛查率", ">=", D(75), "%", D(55)),
        ("妇女平均受教育年限", ">=", D("10.6"), "年", D("9.8")),  # 9.810.6: the one plausible split
        ("农村自来水普及率", ">=", D(95), "%", D(88)),  # 8895
    ]
    text = [(t.line, t.indicator, str(t.target.op), t.target.value) for t in plan.targets if str(t.section) != "indicator_table"]
    assert text == [
        (9, "孕产妇死亡率", "<=", D(8)),
        (9, "适龄妇女宫颈癌人群筛查率", ">=", D(75)),
        (9, "县妇幼保健院产科床位", ">=", D(80)),
        (9, "妇女平均受教育年限", ">=", D("10.6")),
        (9, "高等教育在校生中女性比例", "~", D(50)),
        (9, "农村自来水普及率", ">=", D(95)),
        (11, "农村卫生厕所普及率", ">=", D(90)),  # 普及‖率达到90%: read on across the page break
    ]
    assert not plan.unparsed  # the baselines (2020年…为9.6/10万) and 2025年开展中期评估 are no targets


def test_a_flattened_row_with_one_reading_is_kept_even_when_its_unit_is_a_slip() -> None:
    from compliance.extraction.cleaning import Src
    from compliance.extraction.tables import read_flat

    line = Src(1, "指标名称单位2020年基数2030年目标适龄妇女宫颈癌人群筛查率‰68≥80乳腺癌人群筛查率%62≥72")
    rows, problems = read_flat(line, (2021, 2030), plausible=lambda name, value, unit: unit == "%")
    assert [(r.indicator, r.target["value"], r.target["unit"]) for r in rows] == [
        ("适龄妇女宫颈癌人群筛查率", D(80), "‰"),  # 68≥80 splits one way only: the ‰ is for check to report
        ("乳腺癌人群筛查率", D(72), "%"),
    ]
    assert not problems


def test_an_ambiguous_flattened_row_is_listed_not_guessed() -> None:
    from compliance.extraction.cleaning import Src
    from compliance.extraction.tables import read_flat

    line = Src(1, "指标名称单位2020年基数2030年目标某项覆盖率%5566")  # 55|66; 5|566 is over 100 %, 556|6 too
    rows, problems = read_flat(line, (2021, 2030))
    assert [(r.indicator, r.target["value"]) for r in rows] == [("某项覆盖率", D(66))] and not problems
    line = Src(1, "指标名称单位2020年基数2030年目标某项覆盖率%555")  # 5|55 or 55|5: an elevenfold change either way
    rows, problems = read_flat(line, (2021, 2030))
    assert rows == [] and [p.text for p in problems] == ["某项覆盖率%555"]


def test_an_official_account_post_keeps_its_furniture_and_subheads_out() -> None:
    """往期推荐 and 精选留言 blocks, 阅读原文 counts, 关键词N | … subheads, the lead's counts of the plan's parts."""
    (plan,) = extract(SHAPES / "children-wechat-article.txt")
    assert [(t.line, t.indicator, t.target.value) for t in plan.targets] == [
        (7, "婴儿死亡率", D(4)),
        (7, "5岁以下儿童死亡率", D("5.5")),
        (9, "学前教育毛入园率", D(93)),  # not “关键词2 | 教育学前教育毛入园率”
        (9, "九年义务教育巩固率", D(97)),
    ]
    assert not plan.unparsed  # 主要目标60项、策略措施90条、8个关键词, 09:30, 300个托位 and 20名学生 of 往期推荐, 3个 of a comment


def test_slash_cells_give_one_target_per_subject_named_by_the_row_or_the_note() -> None:
    """城市/农村…覆盖率 with 80/55 cells; a row without the pair in its name takes it from the note (“/”前为城市、后为农村).
    And a section heading with a qualifier (策略措施（摘要）) is the section all the same."""
    (plan,) = extract(SHAPES / "children-slash-cells.txt")
    rows = [(t.indicator, t.target.value, t.year) for t in plan.targets if str(t.section) == "indicator_table"]
    assert rows == [
        ("城市社区家长学校覆盖率", D(90), 2025),
        ("农村社区家长学校覆盖率", D(75), 2025),
        ("城市社区家长学校覆盖率", D(95), None),
        ("农村社区家长学校覆盖率", D(85), None),
        ("城市儿童之家覆盖率", D(80), 2025),
        ("农村儿童之家覆盖率", D(70), 2025),
        ("城市儿童之家覆盖率", D(100), None),
        ("农村儿童之家覆盖率", D(90), None),
    ]
    measures = [(t.line, t.indicator, t.target.value, t.target.unit) for t in plan.targets if str(t.section) == "measures"]
    assert measures == [(8, "县妇幼保健院新增儿科床位", D(40), "张"), (8, "每个乡镇卫生院儿科医生数", D(1), "名")]
    assert not plan.unparsed


def test_ocr_numbers_split_by_a_space_list_items_over_lines_and_a_name_glued_to_its_value() -> None:
    """达到9 8% is 98 %; item 3 glued after 。 on a line whose list began on the line above (3.15岁以上… is item 3
    of 15岁以上…); a space-aligned row whose name runs into its baseline (…筛查率（%）63.5)."""
    (plan,) = extract(SHAPES / "women-ocr-spaced-table.txt")
    assert targets(plan) == [
        (4, "孕产妇死亡率", "<=", D(10), "1/10万", "main_targets"),
        (5, "妇女基本医疗保险参保率", ">=", D(96), "%", "main_targets"),
        (5, "15岁以上妇女识字率", ">=", D(98), "%", "main_targets"),
        (6, "村民委员会成员中女性比例", ">=", D(22), "%", "main_targets"),
        (11, "孕产妇死亡率", "<=", D(10), "1/10万", "indicator_table"),
        (12, "适龄妇女宫颈癌人群筛查率", ">=", D(75), "%", "indicator_table"),
        (13, "村民委员会成员中女性比例", ">=", D(22), "%", "indicator_table"),
    ]
    assert [t.baseline.value for t in plan.targets if t.baseline] == [D("11.2"), D("63.5"), D("25.2")]
    assert not plan.unparsed


def test_a_hotline_open_round_the_clock_and_the_plans_own_counts_are_no_targets(tmp_path: Path) -> None:
    (plan,) = extract(_written(
        tmp_path,
        "某某县妇女发展规划（2021—2030年）\n一、妇女与法律\n（一）主要目标\n1.妇女法律援助覆盖率达到100%。\n"
        "2.１２３３８妇女维权热线２４小时畅通。\n3.围绕8个领域提出60项主要目标。\n4.每天校外体育活动时间不少于1小时。\n",
    ))
    assert [(t.indicator, t.target.value) for t in plan.targets] == [("妇女法律援助覆盖率", D(100)), ("每天校外体育活动时间", D(1))]
    assert not plan.unparsed


def test_a_measure_then_the_places_its_values_hold_for_gives_conditional_targets(tmp_path: Path) -> None:
    """儿童乘车安全座椅使用率城区达到75%，农村达到50%: one measure, a condition per value (城区, 农村学校 …);
    a subject that opens the name (城市儿童之家覆盖率…，农村达到90%) still names the measure as before."""
    (plan,) = extract(_written(
        tmp_path,
        "某某县儿童发展规划（2021—2030年）\n一、儿童与教育\n（一）主要目标\n"
        "1.中小学校专职心理健康教育教师配备率城区学校达到100%，农村学校达到80%以上。\n"
        "2.城市儿童之家覆盖率保持在95%以上，农村达到90%。\n3.儿童乘车安全座椅使用率城区达到75%，农村达到50%。\n",
    ))
    assert [(t.indicator, t.target.value, t.target.condition) for t in plan.targets] == [
        ("中小学校专职心理健康教育教师配备率", D(100), "城区学校"),
        ("中小学校专职心理健康教育教师配备率", D(80), "农村学校"),
        ("城市儿童之家覆盖率", D(95), None),
        ("农村儿童之家覆盖率", D(90), None),
        ("儿童乘车安全座椅使用率", D(75), "城区"),
        ("儿童乘车安全座椅使用率", D(50), "农村"),
    ]


def test_a_table_of_single_space_cells_and_a_section_with_any_short_qualifier(tmp_path: Path) -> None:
    """A 文库 export writes a table's cells apart by one space (序号 指标 单位 2020年 2025年目标 属性), with a
    page marker between its rows; 策略措施（量化任务）is the measures section; 各 before a number (A、B各2个)."""
    (plan,) = extract(_written(
        tmp_path,
        "某某市儿童发展规划（2021—2025年）\n一、主要目标\n（一）儿童与健康\n1.新生儿死亡率控制在2.8‰以下。\n"
        "二、策略措施（量化任务）\n建成儿童友好公园、儿童游乐场地各2个。\n三、组织实施\n市妇儿工委负责实施。\n"
        "附表：某某市儿童发展主要指标\n序号 指标 单位 2020年 2025年目标 属性\n1 新生儿死亡率 ‰ 3.3 ≤2.8 约束性\n"
        "第 2 页 共 3 页\n2 学前三年毛入园率 % 88.4 92 预期性\n说明：未标注符号的目标值为“达到”。\n",
    ))
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, str(t.section)) for t in plan.targets] == [
        (4, "新生儿死亡率", "<=", D("2.8"), "main_targets"),
        (6, "建成儿童友好公园", ">=", D(2), "measures"),
        (6, "儿童游乐场地", ">=", D(2), "measures"),
        (11, "新生儿死亡率", "<=", D("2.8"), "indicator_table"),
        (13, "学前三年毛入园率", ">=", D(92), "indicator_table"),
    ]
    assert not plan.unparsed


def test_a_workbooks_table_ends_with_its_sheet(tmp_path: Path) -> None:
    """Sheet 1 the indicator table, sheet 2 `序号 | 目标内容` with the text targets: the second is text, not rows."""
    from openpyxl import Workbook

    book = Workbook()
    table = book.active
    table.title = "主要指标"
    for row in (["领域", "序号", "指标", "单位", "2020年", "2030年"], ["儿童与健康", "1", "新生儿死亡率", "‰", "3.1", "≤2.6"]):
        table.append(row)
    text = book.create_sheet("目标任务")
    for row in (["序号", "目标内容"], ["一、主要目标"], ["（儿童与健康）"], ["1", "婴儿死亡率降至4.2‰以下"],
                ["2", "适龄儿童免疫规划疫苗接种率保持在95%以上"]):
        text.append(row)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    (plan,) = extract(path, kind="children", period=(2021, 2030))
    assert [(t.indicator, t.target.value, str(t.section)) for t in plan.targets] == [
        ("新生儿死亡率", D("2.6"), "indicator_table"),
        ("婴儿死亡率", D("4.2"), "main_targets"),
        ("适龄儿童免疫规划疫苗接种率", D(95), "main_targets"),
    ]
    assert not plan.unparsed


def test_circled_numbers_open_list_items_and_the_catalogue_knows_cunweihui(tmp_path: Path) -> None:
    """①…②… under a heading without punctuation are items of their own (not 筛查①适龄妇女…); 村委会 = 村民委员会."""
    (plan,) = extract(_written(
        tmp_path,
        "某某县妇女发展规划（2021—2030年）\n一、妇女与健康\n（一）主要目标\n1.提高“两癌”防治水平\n（1）“两癌”筛查\n"
        "①适龄妇女宫颈癌人群筛查率达到72%；\n②乳腺癌人群筛查率达到70%。\n二、妇女参与决策和管理\n（一）主要目标\n"
        "1.村委会成员中女性比例达到35%。\n",
    ))
    numeric = [(t.line, t.indicator, t.target.value) for t in plan.targets if t.target.is_numeric]
    assert numeric == [(6, "适龄妇女宫颈癌人群筛查率", D(72)), (7, "乳腺癌人群筛查率", D(70)), (10, "村委会成员中女性比例", D(35))]
    from compliance.catalogue import load_catalogue

    assert load_catalogue().match_indicator("村委会成员中女性比例", "women") is not None


def test_a_wenku_table_with_empty_baselines_and_written_cells_flattened_over_a_page_mark(tmp_path: Path) -> None:
    """1孕产妇死亡率（1/10万）—≤82… (an empty baseline), <2 then row 3, 42.545左右4… (45左右, row 4), a row cut by 第2页:
    read cell by cell, each target at the line where its number stands."""
    text = (
        "某县妇女发展规划（2021—2030年）.pdf\n"
        "1、某县妇女发展规划（2021—2030年）一、主要指标某县妇女发展主要指标序号指标名称2020年2030年"
        "1孕产妇死亡率（1/10万）—≤82艾滋病母婴传播率（%）1.2<23就业人员中的女性比例（%）42.545左右4高中阶段毛入学率（%）9\n"
        "第2页\n"
        "2、3≥965妇女基本养老保险参保率（%）—≥95二、发展领域（一）妇女与健康主要目标：1.孕产妇死亡率控制在8/10万以下。"
        "2.艾滋病母婴传播率控制在2%以下。（二）妇女与教育主要目标：1.高中阶段毛入学率达到96%以上。"
        "（三）妇女与经济主要目标：1.就业人员中的女性比例\n"
        "第3页\n"
        "3、保持在45%左右。2.妇女基本养老保险参保率达到95%以上。\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    table = [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.baseline.value if t.baseline else None)
        for t in plan.targets
        if str(t.section) == "indicator_table"
    ]
    assert table == [
        (2, "孕产妇死亡率", "<=", D(8), "1/10万", None),
        (2, "艾滋病母婴传播率", "<", D(2), "%", D("1.2")),
        (2, "就业人员中的女性比例", "~", D(45), "%", D("42.5")),
        (4, "高中阶段毛入学率", ">=", D(96), "%", D(93)),  # 9 ‖ 第2页 ‖ 3≥965: the row crosses the page mark
        (4, "妇女基本养老保险参保率", ">=", D(95), "%", None),
    ]
    assert not plan.unparsed


def test_a_clause_naming_only_where_its_value_holds_is_a_condition_of_the_measure_before(tmp_path: Path) -> None:
    """…比例不低于3:2，人流量较大区域达到2:1 and …党政工作部门达到55%，事业单位达到45%: the later clause is the same
    measure under a condition; a clause of another unit, or one naming a measure, stays a target of its own."""
    text = (
        "某县妇女发展规划（2021—2030年）\n"
        "一、妇女与环境\n"
        "主要目标：\n"
        "1.公共厕所女厕位与男厕位比例不低于3:2，人流量较大区域达到2:1。\n"
        "2.党政工作部门领导班子配备女干部的比例达到55%，事业单位达到45%，全县建成示范点10个。\n"
        "3.农村自来水普及率达到95%，农村卫生厕所普及率达到90%。\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert [(t.indicator, t.target.condition, str(t.target.op), t.target.value) for t in plan.targets if t.target.is_numeric] == [
        ("公共厕所女厕位与男厕位比例", None, ">=", D("1.5")),
        ("公共厕所女厕位与男厕位比例", "人流量较大区域", "=", D(2)),
        ("党政工作部门领导班子配备女干部的比例", None, ">=", D(55)),
        ("党政工作部门领导班子配备女干部的比例", "事业单位", ">=", D(45)),
        ("建成示范点", None, ">=", D(10)),
        ("农村自来水普及率", None, ">=", D(95)),
        ("农村卫生厕所普及率", None, ">=", D(90)),
    ]


def test_a_main_indicators_part_that_lists_its_targets_as_text(tmp_path: Path) -> None:
    """三、主要指标 then (1)新生儿死亡率：2020年3.1‰，2025年降至2.8‰以下: text under an indicator-table heading is
    read; the clause names only its year, so the measure is the head before the colon; the 2020 value is no target."""
    text = (
        "某县儿童发展规划（2021—2025年）\n"
        "一、发展现状\n2020年，全县婴儿死亡率4.9‰。\n"
        "二、主要指标\n"
        "（1）新生儿死亡率：2020年3.1‰，2025年降至2.8‰以下。\n"
        "（2）儿童伤害死亡率：以2020年为基数下降20%。\n"
        "（3）每千人口拥有3岁以下婴幼儿托位数：2020年1.4个，2025年达到3个。\n"
        "三、主要任务\n（一）儿童与健康\n1.目标。婴儿死亡率控制在4.5‰以内。\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, str(t.section)) for t in plan.targets if t.target.is_numeric] == [
        (5, "新生儿死亡率", "<=", D("2.8"), "indicator_table"),
        (6, "儿童伤害死亡率", "rel_decrease", D(20), "indicator_table"),
        (7, "每千人口拥有3岁以下婴幼儿托位数", ">=", D(3), "indicator_table"),
        (10, "婴儿死亡率", "<=", D("4.5"), "measures"),
    ]
    assert not plan.unparsed


def test_a_measure_word_the_scan_misread_is_read_again_when_the_catalogue_knows_the_result(tmp_path: Path) -> None:
    """接种卒以乡镇为单位保持在95%以上 (卒 for 率): read again as 适龄儿童免疫规划疫苗接种率; 脑卒中 is a word of its own."""
    text = (
        "某县儿童发展规划（2021—2030年）\n一、儿童与健康\n主要目标：\n"
        "1.适龄儿童免疫规划疫苗接种卒以乡镇（街道）为单位保持在95%以上。\n"
        "2.儿童脑卒中筛查覆盖率达到60%。\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert [t.indicator for t in plan.targets if t.target.is_numeric] == ["适龄儿童免疫规划疫苗接种率", "儿童脑卒中筛查覆盖率"]


def test_a_measure_alone_before_its_places_names_the_targets_that_follow(tmp_path: Path) -> None:
    """…联网率，县城学校达到100%，乡镇学校达到90%以上: the clause before is the measure, each place a condition;
    “两癌”人群筛查率均达到70%: one target each for 宫颈癌 and 乳腺癌; 每周至少安排1节足球课 counts lessons."""
    text = (
        "某县儿童发展规划（2021—2030年）\n一、儿童与安全\n主要目标：\n"
        "1.校园视频监控系统与公安机关联网率，县城学校达到100%，乡镇学校达到90%以上。\n"
        "2.“两癌”人群筛查率均达到70%以上。\n"
        "策略措施：\n每所学校每周至少安排1节足球课。\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert [(t.indicator, t.target.condition, t.target.value, t.target.unit) for t in plan.targets if t.target.is_numeric] == [
        ("校园视频监控系统与公安机关联网率", "县城学校", D(100), "%"),
        ("校园视频监控系统与公安机关联网率", "乡镇学校", D(90), "%"),
        ("宫颈癌人群筛查率", None, D(70), "%"),
        ("乳腺癌人群筛查率", None, D(70), "%"),
        ("每所学校足球课", None, D(1), "节/周"),
    ]
    assert not plan.unparsed


BOXED = "\n".join([
    "某某县儿童发展规划（2021—2025年）",
    "二、主要指标",
    "表1　某某县儿童发展主要指标（2025年）",
    "┌─────┬──────────┬───┬────┬──────┐",
    "│领域      │指标                │单位  │2020年  │2025年目标  │",
    "├─────┼──────────┼───┼────┼──────┤",
    "│儿童与健康│婴儿死亡率          │‰    │4.9     │≤4.5       │",
    "│          │5岁以下儿童贫血患病率│%     │6.2     │＜6         │",
    "│          │儿童青少年总体近视率│%     │52.3    │每年降低1个百分点│",
    "├─────┼──────────┼───┼────┼──────┤",
    "│儿童与安全│儿童伤害死亡率      │1/10万│13.8    │下降20%     │",
    "├─────┼──────────┼───┼────┼──────┤",
    "│儿童与福利│每千人口拥有3岁以下婴幼儿托位数│个    │1.6     │4.5         │",
    "└─────┴──────────┴───┴────┴──────┘",
    "说明：目标值未标注符号的为“达到”；儿童伤害死亡率下降幅度以2020年为基数。",
    "三、主要目标和策略措施",
    "（一）儿童与健康",
    "主要目标：",
    "1．婴儿死亡率控制在4.5‰以内。",
])


def test_a_gbk_text_with_a_box_drawn_table(tmp_path: Path) -> None:
    """A GBK file whose box-drawing table (┌─┬─┐ │ ├─┼─┤) makes charset-normalizer's first pass give up is read
    (a second pass over the Chinese encodings); the table's rows are cells between the bars, its rule lines
    nothing, an empty 领域 the domain above; 表1 in the caption is no number to list."""
    from charset_normalizer import from_bytes

    raw = BOXED.replace("\n", "\r\n").encode("gbk")
    assert from_bytes(raw).best() is None  # the shape: the library's default pass finds no encoding
    path = tmp_path / "plan.txt"
    path.write_bytes(raw)
    (plan,) = extract(path)
    assert plan.plan.title == "某某县儿童发展规划（2021—2025年）"
    table = [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.baseline.value if t.baseline else None,
         t.domain)
        for t in plan.targets
        if str(t.section) == "indicator_table"
    ]
    assert table == [
        (7, "婴儿死亡率", "<=", D("4.5"), "‰", D("4.9"), "儿童与健康"),
        (8, "5岁以下儿童贫血患病率", "<", D(6), "%", D("6.2"), "儿童与健康"),
        (9, "儿童青少年总体近视率", "rel_decrease", D(1), "百分点/年", D("52.3"), "儿童与健康"),
        (11, "儿童伤害死亡率", "rel_decrease", D(20), "%", D("13.8"), "儿童与安全"),
        (13, "每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.5"), "个/千人", D("1.6"), "儿童与福利"),
    ]
    assert [t.target.base_year for t in plan.targets if t.line == 11] == [2020]
    assert [(t.line, t.target.value) for t in plan.targets if str(t.section) != "indicator_table"] == [(19, D("4.5"))]
    assert not plan.unparsed


def test_garbage_is_still_no_text_in_any_encoding(tmp_path: Path) -> None:
    from compliance.errors import InputError

    path = tmp_path / "plan.txt"
    path.write_bytes("某某县儿童发展规划".encode("gbk") + bytes(range(0x80, 0x100)) * 20)
    with pytest.raises(InputError) as caught:
        extract(path)
    assert "0x" in caught.value.problems[0].message


def test_an_ocr_scan_with_letters_for_digits_an_unreadable_digit_and_stray_marks(tmp_path: Path) -> None:
    """l1/10万, 9O%, 1O0% are read as a person reads them (11, 90, 100); 5囗% is illegible (masked, never guessed);
    a stray 丨 or ' at a line's end is no part of a name, even across a page break with its watermark."""
    (plan,) = extract(_written(
        tmp_path,
        "某某县妇女发展规划（2021—2030年）\n一、妇女与健康\n主要目标：\n"
        "1.孕产妇死亡率下降到l1/10万以下。 '\n"
        "2.孕产妇系统管理率稳定在9O%以上。\n"
        "3.社区居民委员会成员中女性比例保持在5囗%左右。丨\n"
        "4.妇女法律援助应援尽援率达到1O0%。\n"
        "策略措施：\n"
        "县妇幼保健计划生育服务丨\n"
        "\n— 1 —\n扫描全能王 创建\n"
        "中心产科床位增加至60张。\n",
    ))
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.target.masked)
            for t in plan.targets] == [
        (4, "孕产妇死亡率", "<=", D(11), "1/10万", False),
        (5, "孕产妇系统管理率", ">=", D(90), "%", False),
        (6, "社区居民委员会成员中女性比例", "~", None, "%", True),
        (7, "妇女法律援助应援尽援率", ">=", D(100), "%", False),
        (13, "县妇幼保健计划生育服务中心产科床位", ">=", D(60), "张", False),
    ]
    assert not plan.unparsed


def test_letters_are_read_for_digits_only_inside_a_number() -> None:
    from compliance.extraction.cleaning import _ocr_characters

    assert _ocr_characters("达到1O0%，2O21年，l1/10万") == "达到100%，2021年，11/10万"
    assert _ocr_characters("某县妇女发展规划（2021一2030年）") == "某县妇女发展规划（2021—2030年）"  # 一 for the dash
    assert _ocr_characters("1.一是") == "1.一是"
    for text in ("ISO9001认证", "O2O平台", "5G网络", "常住人口15万", "关键词1丨健康", "Il型"):
        assert _ocr_characters(text) == text


def test_a_spaced_ocr_table_with_letter_spaced_headers_split_decimals_and_dashes(tmp_path: Path) -> None:
    """A 附表 OCR'd as rows of single-space cells: 指 标 spaced out is the 指标 column, 52. 6 is 52.6, 一 is no data,
    irregular runs of spaces are one cell boundary."""
    (plan,) = extract(_written(
        tmp_path,
        "某某县妇女发展规划（2021—2030年）\n附表\n某某县妇女发展主要指标\n"
        "序号 指 标 单位 2020年 2025年 2030年\n"
        "1 孕产妇死亡率 1/10万 14.2 ≤13 ≤11\n"
        "2 适龄妇女宫颈癌人群筛查率 % 52. 6 ≥65 ≥75\n"
        "3 艾滋病母婴传播率 % 一 ＜2 ＜2\n"
        "4 高级专业技术人员中的女性比例  %  36.8  38 40\n"
        "注：目标值未标符号的为“达到”。\n",
    ))
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, t.year,
             t.baseline.value if t.baseline else None) for t in plan.targets] == [
        (5, "孕产妇死亡率", "<=", D(13), 2025, D("14.2")),
        (5, "孕产妇死亡率", "<=", D(11), None, D("14.2")),
        (6, "适龄妇女宫颈癌人群筛查率", ">=", D(65), 2025, D("52.6")),
        (6, "适龄妇女宫颈癌人群筛查率", ">=", D(75), None, D("52.6")),
        (7, "艾滋病母婴传播率", "<", D(2), 2025, None),
        (7, "艾滋病母婴传播率", "<", D(2), None, None),
        (8, "高级专业技术人员中的女性比例", ">=", D(38), 2025, D("36.8")),
        (8, "高级专业技术人员中的女性比例", ">=", D(40), None, D("36.8")),
    ]
    assert not plan.unparsed


def test_a_tables_rule_ocrd_as_a_lone_mark_between_cells_is_a_gap(tmp_path: Path) -> None:
    """An aligned OCR'd 附表 whose vertical rule the scan read as 丨 between two cells (93.2 丨 ≥95): the 丨 is the gap
    between the baseline and the target, never glued to the baseline nor leaving the target cell empty."""
    from compliance.extraction.cleaning import _ocr_characters

    assert _ocr_characters("93.2 丨 ≥95") == "93.2   ≥95"
    (plan,) = extract(_written(
        tmp_path,
        "某某市妇女发展规划（2021—2030年）\n附表\n\u3000\u3000某某市妇女发展主要指标\n"
        "序号\u3000指\u3000标\u3000\u3000\u3000\u3000\u3000\u3000单位\u3000\u30002020年\u30002030年\n"
        "1\u3000 孕产妇死亡率\u3000\u3000\u3000\u3000 1/10万\u300012.3 \u3000 ≤10\n"
        "2\u3000 高中阶段毛入学率\u3000\u3000 \u3000%\u3000 \u3000 93.2 丨 ≥95\n"
        "3\u3000 就业人员中的女性比例\u3000 %\u3000\u3000\u300044.2 \u3000 45左右\n"
        "注：目标值中“≥”为不低于，“≤”为不高于。\n",
    ))
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, t.baseline.value if t.baseline else None)
            for t in plan.targets] == [
        (5, "孕产妇死亡率", "<=", D(10), D("12.3")),
        (6, "高中阶段毛入学率", ">=", D(95), D("93.2")),
        (7, "就业人员中的女性比例", "~", D(45), D("44.2")),
    ]


def test_the_plans_own_five_year_plan_is_no_history_and_1_zhi_2_is_a_range(tmp_path: Path) -> None:
    """In a 2021—2030 plan, “十四五”期间新增普惠托位600个 is a target (a sentence opening “十三五”期间 is the past);
    配备1至2名 is the range 1—2, at least 1."""
    (plan,) = extract(_written(
        tmp_path,
        "某某县儿童发展规划（2021—2030年）\n一、儿童与福利\n主要目标：\n1.每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n"
        "策略措施：\n“十三五”期间新建托育机构5家。“十四五”期间新增普惠托位600个，每个乡镇卫生院配备1至2名儿童保健医生。\n",
    ))
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.value_max, t.target.unit)
            for t in plan.targets] == [
        (4, "每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.5"), None, "个/千人"),
        (6, "新增普惠托位", ">=", D(600), None, "个"),
        (6, "每个乡镇卫生院儿童保健医生数", ">=", D(1), D(2), "名"),
    ]
    assert not plan.unparsed


def test_a_plans_background_part_is_the_past(tmp_path: Path) -> None:
    """一、规划背景 with the 2020 figures: a preamble, its numbers no targets and nothing to list."""
    (plan,) = extract(_written(
        tmp_path,
        "某某县儿童发展规划（2021—2030年）\n一、规划背景\n2020年，全县婴儿死亡率为4.4‰，建成儿童研学实践基地9处。\n"
        "二、主要目标和策略措施\n（一）儿童与健康\n主要目标：\n1.婴儿死亡率控制在4‰以内。\n",
    ))
    assert [(t.line, t.indicator, t.target.value) for t in plan.targets] == [(7, "婴儿死亡率", D(4))]
    assert not plan.unparsed


def test_a_box_cell_wrapped_over_two_rows_and_a_table_drawn_in_ascii(tmp_path: Path) -> None:
    """│…眼保健和│ over │视力检查覆盖率│ is one name; +-----+-----+ rule lines around | a | b | rows are no text."""
    wrapped = (
        "某某县儿童发展规划（2021—2025年）\n二、主要指标\n┌─────┬──────────┬───┬──────┐\n"
        "│领域      │指标                │单位  │2025年目标  │\n├─────┼──────────┼───┼──────┤\n"
        "│儿童与健康│0～6岁儿童眼保健和  │%     │≥90         │\n│          │视力检查覆盖率      │      │            │\n"
        "└─────┴──────────┴───┴──────┘\n"
    )
    ascii_drawn = (
        "某某县儿童发展规划（2021—2025年）\n二、主要指标\n+----------+--------------------+------+------------+\n"
        "| 领域     | 指标               | 单位 | 2025年目标 |\n+----------+--------------------+------+------------+\n"
        "| 儿童与健康 | 婴儿死亡率       | ‰    | ≤4.5       |\n|          | 5岁以下儿童死亡率  | ‰    | ≤5.5       |\n"
        "+----------+--------------------+------+------------+\n"
    )
    expected = {
        wrapped: [(6, "0～6岁儿童眼保健和视力检查覆盖率", ">=", D(90), "%")],
        ascii_drawn: [(6, "婴儿死亡率", "<=", D("4.5"), "‰"), (7, "5岁以下儿童死亡率", "<=", D("5.5"), "‰")],
    }
    for text, rows in expected.items():
        (plan,) = extract(_written(tmp_path, text))
        assert [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets] == rows
        assert not plan.unparsed



TWO_ROW_BOX = "\n".join([
    "某某县儿童发展规划（2021—2030年）",
    "二、主要指标",
    "┌─────┬────────────┬────┬───────────┐",
    "│领域      │指标                    │2020年  │目标值                │",
    "│          │                        │        ├─────┬─────┤",
    "│          │                        │        │2025年    │2030年    │",
    "├─────┼────────────┼────┼─────┼─────┤",
    "│儿童与健康│婴儿死亡率（‰）        │4.9     │≤4.5     │≤4       │",
    "│          │5岁以下儿童死亡率（‰） │6.2     │≤5.5     │≤5       │",
    "└─────┴────────────┴────┴─────┴─────┘",
    "三、主要目标和策略措施",
])


TWO_ROW_BOX_NARROW = "\n".join([  # the same drawn where ─ and ‰ take one column (a Western editor)
    "某某县儿童发展规划（2021—2030年）",
    "二、主要指标",
    "┌──────────┬────────────────────────┬────────┬─────────────────────┐",
    "│领域      │指标                    │2020年  │目标值               │",
    "│          │                        │        ├──────────┬──────────┤",
    "│          │                        │        │2025年    │2030年    │",
    "├──────────┼────────────────────────┼────────┼──────────┼──────────┤",
    "│儿童与健康│婴儿死亡率（‰）         │4.9     │≤4.5      │≤4        │",
    "│          │5岁以下儿童死亡率（‰）  │6.2     │≤5.5      │≤5        │",
    "└──────────┴────────────────────────┴────────┴──────────┴──────────┘",
    "三、主要目标和策略措施",
])


@pytest.mark.parametrize("drawing", [TWO_ROW_BOX, TWO_ROW_BOX_NARROW], ids=["chinese-widths", "narrow-widths"])
def test_a_box_drawn_table_with_a_two_row_header(tmp_path: Path, drawing: str) -> None:
    """目标值 drawn over 2025年 | 2030年 (an inner rule ├──┬──┤ between the header's rows): each cell is placed
    under its columns by where its bars stand (a Chinese editor's widths), so the header reads as two rows."""
    (plan,) = extract(_written(tmp_path, drawing))
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, t.year, t.baseline.value if t.baseline else None)
            for t in plan.targets] == [
        (8, "婴儿死亡率", "<=", D("4.5"), 2025, D("4.9")),
        (8, "婴儿死亡率", "<=", D(4), None, D("4.9")),
        (9, "5岁以下儿童死亡率", "<=", D("5.5"), 2025, D("6.2")),
        (9, "5岁以下儿童死亡率", "<=", D(5), None, D("6.2")),
    ]
    assert not plan.unparsed


def test_an_ocr_scan_whose_page_numbers_read_as_一_and_whose_header_differs_from_the_title(tmp_path: Path) -> None:
    """一 1 一 is a page number; a header on every page after the first, next to it (…规划(2021一2030年）, written
    otherwise than the title …规划（2021—2030年）), is a running header: one plan, not three."""
    text = (
        "某市妇女发展规划（2021—2030年）\n一、妇女与健康\n主要目标：\n1.孕产妇死亡率控制在10/10万以下。\n\n"
        "一 1 一\n某市妇女发展规划(2021一2030年）\n\n2.适龄妇女宫颈癌人群筛查率达到70%以上。\n"
        "二、妇女与教育\n主要目标：\n\n一 2 一\n某市妇女发展规划(2021一2030年）\n\n1.高中阶段毛入学率达到95%以上。\n"
    )
    plans = extract(_written(tmp_path, text))
    assert len(plans) == 1
    assert [(t.indicator, t.target.value) for t in plans[0].targets if t.target.is_numeric] == [
        ("孕产妇死亡率", D(10)), ("适龄妇女宫颈癌人群筛查率", D(70)), ("高中阶段毛入学率", D(95)),
    ]


def test_an_ocr_table_aligned_by_full_width_spaces_with_a_letter_spaced_header(tmp_path: Path) -> None:
    """序号　指　标　…　单位　　2020年　2030年 (指　标 spaced out by the scan) over rows aligned by full-width spaces:
    a table read under its header, 指标 one column."""
    text = (
        "某市妇女发展规划（2021—2030年）\n一、妇女与健康\n主要目标：\n1.孕产妇死亡率控制在10/10万以下。\n附表\n"
        "序号　指　标　　　　　　　　　单位　　2020年　2030年\n"
        "1　 孕产妇死亡率　　　　　　 1/10万　12.3 　 ≤10\n"
        "2　 就业人员中的女性比例　　　 %　　　44.2 　 45左右\n"
        "3　 村民委员会成员中女性比例　 %　　　25.8　 ≥30\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    table = [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets if str(t.section) == "indicator_table"]
    assert table == [
        (7, "孕产妇死亡率", "<=", D(10), "1/10万"),
        (8, "就业人员中的女性比例", "~", D(45), "%"),
        (9, "村民委员会成员中女性比例", ">=", D(30), "%"),
    ]


def test_a_measure_alone_before_bodies_it_holds_for(tmp_path: Path) -> None:
    """领导班子配备女干部的比例，区级机关达到60%，乡镇达到100%: short names of bodies are conditions too; 全县 is the
    whole place, no condition."""
    text = (
        "某区妇女发展规划（2021—2025年）\n一、妇女参与决策和管理\n主要目标：\n"
        "1.领导班子配备女干部的比例，区级机关达到60%，乡镇达到100%。\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert [(t.indicator, t.target.condition, t.target.value) for t in plan.targets if t.target.is_numeric] == [
        ("领导班子配备女干部的比例", "区级机关", D(60)),
        ("领导班子配备女干部的比例", "乡镇", D(100)),
    ]


def test_a_wenku_annex_whose_cells_stand_apart_by_spaces_after_the_organisation_part(tmp_path: Path) -> None:
    """A 文库 export in numbered chunks: a chunk cut inside a number (8‖7.3%: one number) and one cut between two cells
    (61.5 ‖≤58: two); after 组织实施 the 附表 runs on its caption (…主要指标 序号 指标 单位 2020年 2030年 1 婴儿死亡率 ‰
    5.9 ≤4.5 2 …): each row read under the header's columns, the caption's 主要指标 no column; 以乡镇为单位 before the
    measure is its scope, not its name; ——预览已结束… is the 文库's furniture."""
    text = (
        "某某文库 > 规划计划\n"
        "1、某县儿童发展规划（2021—2030年）为促进全县儿童全面发展，结合实际制定本规划。一、规划背景 2020年，全县学前三年毛入园率为8\n"
        "2、7.3%。二、主要目标 （一）儿童与健康 主要目标：1.婴儿死亡率控制在4.5‰以内。2.以乡镇为单位适龄儿童免疫规划疫苗接种率保持在95%以上。（二）儿童与教育 主要目标：1.学前\n"
        "3、三年毛入园率达到91%。三、组织实施 县妇儿工委负责规划的组织实施。附表 某县儿童发展主要指标 序号 指标 单位 2020年 2030年  "
        "1 婴儿死亡率 ‰ 5.9 ≤4.5 2 初中生近视率 % 61.5 \n"
        "4、≤58 3 学前三年毛入园率 % 87.3 ≥91 4 每千人口拥有3岁以下婴幼儿托位数 个 1.2 ≥4.5\n"
        "——预览已结束，剩余 2 页可下载查看——\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, str(t.section)) for t in plan.targets] == [
        (3, "婴儿死亡率", "<=", D("4.5"), "‰", "main_targets"),
        (3, "适龄儿童免疫规划疫苗接种率", ">=", D(95), "%", "main_targets"),
        (4, "学前三年毛入园率", ">=", D(91), "%", "main_targets"),
        (4, "婴儿死亡率", "<=", D("4.5"), "‰", "indicator_table"),
        (5, "初中生近视率", "<=", D(58), "%", "indicator_table"),
        (5, "学前三年毛入园率", ">=", D(91), "%", "indicator_table"),
        (5, "每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.5"), "个/千人", "indicator_table"),
    ]
    baselines = [t.baseline.value for t in plan.targets if t.baseline]
    assert baselines == [D("5.9"), D("61.5"), D("87.3"), D("1.2")]
    assert not plan.unparsed


def test_a_web_pages_zhuanlan_boxes_are_read_cell_by_cell_without_their_project_names(tmp_path: Path) -> None:
    """Two 专栏 boxes (caption row, 项　目 | 主要内容) inside 策略措施: each content cell is a sentence of the measures, at
    its own line, its 项目 cell no part of the names; …稳定控制在10/10万以下 (稳定 no part of the name);
    适龄妇女宫颈癌和乳腺癌人群筛查率均达到70% (two measures, the population before the first not counted)."""
    page = (
        "<html><head><meta charset='utf-8'><title>某县妇女发展规划</title></head><body><div id='zoom'>"
        "<p><strong>某某县妇女发展规划（2021—2030年）</strong></p>"
        "<p><strong>（一）妇女与健康</strong></p><p>主要目标：</p>"
        "<p>1．孕产妇死亡率稳定控制在10/10万以下。</p>"
        "<p>2．适龄妇女宫颈癌和乳腺癌人群筛查率均达到70%以上。</p>"
        "<p>策略措施：</p><p>实施妇女健康促进工程（见专栏1）。</p>"
        "<table border='1'><tr><td colspan='2'><strong>专栏1　妇女健康促进工程</strong></td></tr>"
        "<tr><td>项　目</td><td>主要内容</td></tr>"
        "<tr><td>孕产妇安全保障</td><td>县妇幼保健院建成危重孕产妇救治中心1个，产科床位不少于120张。</td></tr>"
        "<tr><td>技能培训</td><td>每年开展家政、电商等技能培训2000人次。</td></tr>"
        "</table>"
        "<p><strong>（二）妇女与教育</strong></p><p>主要目标：</p><p>1．女性平均受教育年限达到11.5年。</p>"
        "</div></body></html>"
    )
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    (plan,) = extract(path)
    lines = {t.indicator: t.line for t in plan.targets}
    assert [(t.indicator, str(t.target.op), t.target.value, str(t.section)) for t in plan.targets if t.target.is_numeric] == [
        ("孕产妇死亡率", "<=", D(10), "main_targets"),
        ("适龄妇女宫颈癌筛查率", ">=", D(70), "main_targets"),
        ("适龄妇女乳腺癌人群筛查率", ">=", D(70), "main_targets"),
        ("县妇幼保健院建成危重孕产妇救治中心", ">=", D(1), "measures"),
        ("产科床位", ">=", D(120), "measures"),
        ("每年开展家政、电商等技能培训", ">=", D(2000), "measures"),
        ("女性平均受教育年限", ">=", D("11.5"), "main_targets"),
    ]
    # each content cell stands on the line after its 项目 cell (html lines are its text nodes)
    assert lines["产科床位"] == lines["县妇幼保健院建成危重孕产妇救治中心"] and lines["每年开展家政、电商等技能培训"] == lines["产科床位"] + 2
    assert not plan.unparsed


def test_a_stray_ocr_bar_between_two_cells_of_a_spaced_table_is_a_gap(tmp_path: Path) -> None:
    """93.2 丨 ≥95: the 丨 the scan read from the table's ruling stands between the baseline and the target."""
    (plan,) = extract(_written(
        tmp_path,
        "某县妇女发展规划（2021—2030年）\n一、妇女与教育\n主要目标：\n1.高中阶段毛入学率达到95%以上。\n"
        "附表\n序号　指　标　　　　　　　　　单位　　2020年　2030年\n"
        "1　 孕产妇死亡率　　　　　　 1/10万　12.3 　 ≤10\n"
        "2　 高中阶段毛入学率　　　　 　%　 　 93.2 丨 ≥95\n",
    ))
    table = [(t.line, t.indicator, str(t.target.op), t.target.value, t.baseline.value if t.baseline else None)
             for t in plan.targets if str(t.section) == "indicator_table"]
    assert table == [(7, "孕产妇死亡率", "<=", D(10), D("12.3")), (8, "高中阶段毛入学率", ">=", D(95), D("93.2"))]
    assert not plan.unparsed


def test_a_zhuanlan_of_starred_indicators_each_on_its_line(tmp_path: Path) -> None:
    """专栏1 then ★新生儿死亡率：≤2.8‰（2020年：3.2‰）lines: each ★ line is an item of its own, named by the words
    before its colon; two lines with the same target stay two targets; the 2020 figure is a baseline, not lost."""
    (plan,) = extract(_written(
        tmp_path,
        "某市儿童发展规划（2021—2025年）\n一、主要指标\n专栏1　儿童发展主要指标\n★新生儿死亡率：≤2.8‰（2020年：3.2‰）\n"
        "★0～6岁儿童眼保健和视力检查覆盖率：≥92%（2020年：90.4%）\n★学前教育毛入园率：≥92%（2020年：89.3%）\n",
    ))
    assert [(t.line, t.indicator, str(t.target.op), t.target.value) for t in plan.targets] == [
        (4, "新生儿死亡率", "<=", D("2.8")),
        (5, "0～6岁儿童眼保健和视力检查覆盖率", ">=", D(92)),
        (6, "学前教育毛入园率", ">=", D(92)),
    ]
    assert not plan.unparsed


def test_a_wenku_page_line_whose_spaced_annex_glues_each_row_number_to_the_cell_before(tmp_path: Path) -> None:
    """…2025年目标1 孕产妇死亡率 1/10万 16.2 ≤122 适龄… (≤12, then row 2), ≥703 村民… and 50左右4 …: the row sequence
    cuts each number off the cell it is glued to; the annex ends at 三、组织实施."""
    (plan,) = extract(_written(
        tmp_path,
        "某县妇女发展“十四五”规划（2021—2025年）为促进全县妇女发展，制定本规划。二、主要目标和策略措施（一）妇女与健康"
        "主要目标：1.孕产妇死亡率控制在12/10万以内。附表 主要指标序号 指标 单位 2020年 2025年目标1 孕产妇死亡率 1/10万 16.2 "
        "≤122 适龄妇女宫颈癌人群筛查率 % 58 ≥703 社区居民委员会成员中女性比例 % 47 50左右4 妇女基本养老保险参保率 % 92.3 "
        "≥95三、组织实施县妇女儿童工作委员会负责实施，2023年开展中期评估。\n",
    ))
    table = [(t.indicator, str(t.target.op), t.target.value, t.baseline.value if t.baseline else None)
             for t in plan.targets if str(t.section) == "indicator_table"]
    assert table == [
        ("孕产妇死亡率", "<=", D(12), D("16.2")),
        ("适龄妇女宫颈癌人群筛查率", ">=", D(70), D(58)),
        ("社区居民委员会成员中女性比例", "~", D(50), D(47)),
        ("妇女基本养老保险参保率", ">=", D(95), D("92.3")),
    ]
    assert not plan.unparsed


def test_a_tender_portals_guest_copy_ends_at_its_preview_end_and_names_the_plan_in_its_notice(tmp_path: Path) -> None:
    """A 磋商公告 about a plan (对《某某县儿童发展规划（2021—2030年）》实施情况开展中期评估): the excerpt's title is masked,
    so the notice's 《…》 (no parent it cites) is the title; 项目编号…预算金额 is the notice's furniture; the portal's lines
    after ——预览结束… are no plan text (每天8:30—11:30 no ratio, 2024年4月19日 nothing to audit)."""
    (plan,) = extract(_written(
        tmp_path,
        "某省采购信息网 | 首页 > 采购公告\n"
        "项目编号：XX-2024-****　预算金额：**.*万元　磋商时间：2024年5月8日9:30\n"
        "一、项目概况：对《梨树县儿童发展规划（2021—2030年）》实施情况开展中期评估。\n"
        "—— 附件：梨树县儿童发展规划（****—****年）（节选）——\n"
        "依据《中国儿童发展纲要（****—****年）》，结合实际，制定本规划。\n"
        "（一）儿童与健康\n主要目标：\n*.适龄儿童免疫规划疫苗接种率保持在9*%以上。\n*.婴儿死亡率控制在4.5‰以下。\n"
        "—— 预览结束，完整附件请登录后下载（附件大小：*.*MB）——\n"
        "四、获取磋商文件：2024年4月19日至4月25日，每天8:30—11:30、13:30—16:30（北京时间）。\n",
    ))
    info = plan.plan
    assert (info.title, info.jurisdiction, str(info.level)) == ("梨树县儿童发展规划（2021—2030年）", ["吉林省", "四平市", "梨树县"], "county")
    assert [(t.indicator, t.target.masked, t.target.value) for t in plan.targets] == [
        ("适龄儿童免疫规划疫苗接种率", True, None), ("婴儿死亡率", False, D("4.5")),
    ]
    assert not plan.unparsed
    from compliance.phrases import parse

    assert [t for t in parse("每天8:30—11:30、13:30—16:30（北京时间）") if t.is_numeric] == []


def test_an_ocr_permille_and_counts_of_bodies_in_a_text(tmp_path: Path) -> None:
    """4.5%o is the scan's 4.5‰; 全县12个乡镇卫生院每院至少配备1名… and 18个…至少各有1名…: 12 and 18 count who get the
    target (rules/phrases.yaml scope_count_after), and are not listed as unparsed; 17个…均能提供… stays a count."""
    (plan,) = extract(_written(
        tmp_path,
        "某县儿童发展规划（2021—2030年）\n一、儿童与健康\n主要目标：\n1.新生儿、婴儿死亡率分别降至3‰和4.5%o以下。\n"
        "策略措施：\n全县12个乡镇卫生院每院至少配备1名儿科医生；18个村卫生室至少各有1名乡村医生；17个乡镇卫生院均能提供儿童保健服务。\n",
    ))
    assert [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets] == [
        ("新生儿死亡率", "<=", D(3), "‰"),
        ("婴儿死亡率", "<=", D("4.5"), "‰"),
        ("乡镇卫生院每院儿科医生数", ">=", D(1), "名"),
        ("村卫生室乡村医生数", ">=", D(1), "名"),
        ("乡镇卫生院均能提供儿童保健服务", ">=", D(17), "个"),
    ]
    assert not plan.unparsed


def test_a_place_with_its_noun_after_a_whole_target_is_its_condition(tmp_path: Path) -> None:
    """…达标优良率达到60%，其中城区学校达到65%: 城区学校 (a place and its noun, no measure) says where the same measure
    holds at 65%, it is no indicator; a bare place (农村达到90%) still completes the name (农村儿童之家覆盖率)."""
    text = (
        "某某市儿童发展规划（2021—2030年）\n一、儿童与教育\n主要目标：\n"
        "1．中小学生国家学生体质健康标准达标优良率达到60%，其中城区学校达到65%。\n"
        "2．城市儿童之家覆盖率保持在95%以上，农村达到90%。\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert [(t.indicator, t.target.condition, t.target.value) for t in plan.targets if t.target.is_numeric] == [
        ("中小学生国家学生体质健康标准达标优良率", None, D(60)),
        ("中小学生国家学生体质健康标准达标优良率", "城区学校", D(65)),
        ("城市儿童之家覆盖率", None, D(95)),
        ("农村儿童之家覆盖率", None, D(90)),
    ]


def test_the_state_of_things_and_a_year_before_the_period_are_no_targets(tmp_path: Path) -> None:
    """A news item about a 2021—2030 plan: 2020年，全市孕产妇死亡率降至11.8/10万 (a year before the period), 目前全区19个…
    均已开设, 去年为3.2万名儿童提供了…, 全区现有14个镇乡、2个街道 report the state of things, no target; the plan's own
    years (2025年，…达到) and the sentences after them still are."""
    text = (
        "某某市儿童发展规划（2021—2030年）\n一、儿童与健康\n主要目标：\n"
        "回顾“十三五”，全市儿童事业稳步推进。2020年，全市婴儿死亡率降至3.1‰，村级儿童之家覆盖率达到90%。\n"
        "负责人介绍，目前全区19个镇街社区卫生服务中心均已开设儿童保健门诊，去年为3.2万名儿童提供了视力筛查。\n"
        "全区现有14个镇乡、2个街道。\n"
        "1．到2030年，婴儿死亡率控制在3‰以下。2025年，儿童之家覆盖率达到95%。\n"
        "2．基本情况：2020年，全县孕产妇死亡率为14.2/10万，建成儿童之家341个。\n"  # after its label, the same
    )
    (plan,) = extract(_written(tmp_path, text))
    assert [(t.line, t.target.value) for t in plan.targets if t.target.is_numeric] == [(7, D(3)), (7, D(95))]


def test_a_title_at_the_end_with_nothing_after_it_starts_no_plan(tmp_path: Path) -> None:
    """A page about a women's plan without a title line of its own, whose last line is a related link naming the
    children's plan (相关链接：…一图读懂：↵某某县儿童发展规划（2021—2030年）): that title starts no (empty) plan taking the
    page's kind and title; the page is the women's plan it names (县政府印发了《…》), its targets read."""
    text = (
        "《某某县妇女发展规划（2021—2030年）》政策解读\n"
        "为贯彻落实《中国妇女发展纲要（2021—2030年）》，县政府印发了《某某县妇女发展规划（2021—2030年）》。\n"
        "一、妇女与健康\n主要目标：\n1．孕产妇死亡率控制在10/10万以下。\n"
        "二、妇女与教育\n主要目标：\n1．高中阶段毛入学率达到95%。\n"
        "相关链接：关于印发某某县妇女发展规划的通知　一图读懂：\n"
        "某某县儿童发展规划（2021—2030年）\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert (str(plan.plan.kind), plan.plan.title) == ("women", "某某县妇女发展规划（2021—2030年）")
    assert [(t.line, t.target.value) for t in plan.targets if t.target.is_numeric] == [(5, D(10)), (8, D(95))]


def test_levels_of_bodies_after_a_measure_are_its_conditions(tmp_path: Path) -> None:
    """女性候选人比例村级不低于30%、社区级不低于50%: 村级 and 社区级 say where each value holds (elliptical subjects), no
    part of the measure's name; the name keeps the brackets the text writes (村（社区）)."""
    text = (
        "某某市妇女发展规划（2021—2030年）\n一、妇女参与决策和管理\n主要目标：\n"
        "1．村（社区）“两委”换届女性候选人比例村级不低于30%、社区级不低于50%。\n"
        "2．女性党组织书记比例村级达到12%，社区达到30%。\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert [(t.indicator, t.target.condition, t.target.value) for t in plan.targets if t.target.is_numeric] == [
        ("村（社区）“两委”换届女性候选人比例", "村级", D(30)),
        ("村（社区）“两委”换届女性候选人比例", "社区级", D(50)),
        ("女性党组织书记比例", "村级", D(12)),
        ("女性党组织书记比例", "社区", D(30)),
    ]


def test_an_ocr_scan_that_reads_permille_as_percent_o(tmp_path: Path) -> None:
    """‰ OCR'd as %o (3%o, 4.5%o, a unit in brackets (%o)) is ‰; a plain % stays %, and so does %o before a letter."""
    from compliance.extraction.cleaning import _ocr_characters

    assert _ocr_characters("分别降至3%o、4.5%o和6%o以下") == "分别降至3‰ 、4.5‰ 和6‰ 以下"  # one character for one
    assert _ocr_characters("婴儿死亡率(%o)") == "婴儿死亡率(‰ )"
    assert _ocr_characters("95%以上，10%or more") == "95%以上，10%or more"
    (plan,) = extract(_written(
        tmp_path,
        "某某县儿童发展规划(2021—2030年)\n(一)儿童与健康\n主要目标:\n"
        "1.新生儿、婴儿和5岁以下儿童死亡率分别降至3%o、4.5%o和6%o以下。\n"
        "2.0~6岁儿童眼保健和视力检查覆盖率达到92%o以上。\n"
        "3.适龄儿童免疫规划疫苗接种率保持在95%以上。\n",
    ))
    assert [(t.indicator, t.target.value, t.target.unit) for t in plan.targets] == [
        ("新生儿死亡率", D(3), "‰"),
        ("婴儿死亡率", D("4.5"), "‰"),
        ("5岁以下儿童死亡率", D(6), "‰"),
        ("0~6岁儿童眼保健和视力检查覆盖率", D(92), "‰"),
        ("适龄儿童免疫规划疫苗接种率", D(95), "%"),
    ]


def test_a_table_ocrd_column_by_column(tmp_path: Path) -> None:
    """An OCR'd 附表 read column by column — the names, then each column's header and one cell per name, across
    a page break — is a table: the n-th cell of each column is the n-th name's, at the cell's own line."""
    (plan,) = extract(_written(
        tmp_path,
        "某某县儿童发展规划(2021—2030年)\n(一)儿童与健康\n主要目标:\n"
        "1.婴儿死亡率控制在4.5‰以下。\n"  # 4
        "\n— 2 —\n某某县人民政府规范性文件\n"
        "附表\n某某县儿童发展主要指标\n"
        "指标\n"  # 10
        "婴儿死亡率(‰)\n5岁以下儿童生长迟缓率(%)\n学前教育毛入园率(%)\n"
        "\n— 3 —\n某某县人民政府规范性文件\n"
        "儿童伤害死亡率\n"  # 17
        "2020年\n5.8\n5.6\n86.5\n0.9\n"  # 18-22
        "2030年\n≤4.5\n<4.5\n≥92\n下降20%\n",  # 23-27
    ))
    assert [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit,
             t.baseline.value if t.baseline else None) for t in plan.targets if t.line > 4] == [
        (24, "婴儿死亡率", "<=", D("4.5"), "‰", D("5.8")),
        (25, "5岁以下儿童生长迟缓率", "<", D("4.5"), "%", D("5.6")),
        (26, "学前教育毛入园率", ">=", D(92), "%", D("86.5")),
        (27, "儿童伤害死亡率", "rel_decrease", D(20), "%", D("0.9")),
    ]
    assert not plan.unparsed


def test_lines_of_names_and_numbers_that_are_no_column_by_column_table(tmp_path: Path) -> None:
    """A column whose cells are fewer than the names (or not values) leaves the lines as they are: no table."""
    (plan,) = extract(_written(
        tmp_path,
        "某某县儿童发展规划(2021—2030年)\n(一)儿童与健康\n主要目标:\n"
        "指标\n婴儿死亡率\n学前教育毛入园率\n儿童伤害死亡率\n"
        "2030年\n≤4.5\n≥92\n"
        "2.学前教育毛入园率达到92%。\n",
    ))
    assert [(t.line, t.indicator) for t in plan.targets] == [(11, "学前教育毛入园率")]


def test_the_plans_title_printed_again_inside_it_starts_no_plan(tmp_path: Path) -> None:
    """The title at the top of page 2 (a running header printed on later pages only, so on too few pages to be told
    by its repeats) inside the plan whose body has begun: no second plan of the same name, the title no text of it;
    the targets on both sides of it are the one plan's. Also when the repeat takes two lines (name, then period)."""
    for repeat in ("桐庐县儿童发展规划（2021—2030年）\n", "桐庐县儿童发展规划\n（2021—2030年）\n"):
        text = (
            "桐庐县儿童发展规划\n（2021—2030年）\n"
            "一、主要目标\n（一）儿童与健康\n1．婴儿死亡率控制在3‰以下。\n2．5岁以下儿童死亡率控制在4‰以下。\n"
            + repeat
            + "（二）儿童与教育\n1．学前教育毛入园率达到98%。\n2．九年义务教育巩固率达到97%。\n"
        )
        (plan,) = extract(_written(tmp_path, text))
        assert plan.plan.title == "桐庐县儿童发展规划（2021—2030年）"
        assert plan.domains == ["儿童与健康", "儿童与教育"]
        assert [(t.indicator, t.target.value) for t in plan.targets] == [
            ("婴儿死亡率", D(3)), ("5岁以下儿童死亡率", D(4)), ("学前教育毛入园率", D(98)), ("九年义务教育巩固率", D(97)),
        ]
        assert not plan.unparsed


def test_targets_numbered_by_a_label_through_all_domains(tmp_path: Path) -> None:
    """目标1：…目标6： numbered straight through the domains, a label alone on its line before its sentence, a label
    glued to a qualifier (目标3：5岁以下…): each label is numbering — no number listed, no ratio 3:5, no name — and
    the other label word of `item_labels` (指标4：) too."""
    text = (
        "桐庐县儿童发展规划（2021—2030年）\n二、主要目标\n（一）儿童与健康\n"
        "目标1：\n婴儿死亡率控制在3‰以下。\n"
        "目标2：适龄儿童免疫规划疫苗接种率保持在95%以上。\n"
        "目标3：5岁以下儿童贫血患病率控制在9%以内。\n"
        "（二）儿童与教育\n"
        "指标4：九年义务教育巩固率达到97%。\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert [(t.line, t.domain, t.indicator, str(t.target.op), t.target.value) for t in plan.targets] == [
        (5, "儿童与健康", "婴儿死亡率", "<=", D(3)),
        (6, "儿童与健康", "适龄儿童免疫规划疫苗接种率", ">=", D(95)),
        (7, "儿童与健康", "5岁以下儿童贫血患病率", "<=", D(9)),
        (9, "儿童与教育", "九年义务教育巩固率", ">=", D(97)),
    ]
    assert not plan.unparsed


def test_an_indicator_annex_after_the_implementation_part_opens_no_measures(tmp_path: Path) -> None:
    """附件：…主要监测指标 after 三、组织实施 captions an indicator table (read wherever it stands), not a table of
    tasks: the document's closing lines after it (抄送, …印发（共印120份）) stay outside the targets, no number listed."""
    text = (
        "桐庐县儿童发展规划（2021—2030年）\n一、主要目标\n（一）儿童与健康\n1．婴儿死亡率控制在3‰以下。\n"
        "三、组织实施\n2025年开展中期评估。\n"
        "附件：桐庐县儿童发展规划主要监测指标\n"
        "序号\t指标\t2020年\t2030年\n1\t学前教育毛入园率\t96%\t≥98%\n"
        "抄送：县委办，县人大常委会办公室。\n桐庐县人民政府办公室　　2022年3月1日印发（共印120份）\n"
    )
    (plan,) = extract(_written(tmp_path, text))
    assert [(t.indicator, t.target.value) for t in plan.targets] == [("婴儿死亡率", D(3)), ("学前教育毛入园率", D(98))]
    assert not plan.unparsed


def test_the_same_title_over_a_plan_that_starts_again_is_a_second_plan(tmp_path: Path) -> None:
    """A notice whose second plan carries the first one's title by mistake: after the title the text starts again
    (序言, then （一）…), so it is a plan of its own — its kind from its body — never a running header."""
    text = (
        "桐庐县妇女发展规划（2021—2030年）\n序言\n妇女是推动社会发展的重要力量。\n"
        "（一）妇女与健康\n1．孕产妇死亡率控制在9/10万以下。\n2．适龄妇女宫颈癌人群筛查率达到80%。\n"
        "桐庐县妇女发展规划（2021—2030年）\n序言\n儿童是国家的未来。\n"
        "（一）儿童与健康\n1．婴儿死亡率控制在3‰以下。\n2．5岁以下儿童死亡率控制在4‰以下。\n"
    )
    women, children = extract(_written(tmp_path, text))
    assert (str(women.plan.kind), str(children.plan.kind)) == ("women", "children")
    assert [t.target.value for t in children.targets] == [D(3), D(4)]


def test_a_list_of_values_in_turn_is_read_as_a_respectively_list(tmp_path: Path) -> None:
    """依次 spreads one comparison over the list as 分别 does: 新生儿、婴儿、5岁以下儿童死亡率依次控制在… gives each
    subject its own value and the shared measure (a ‰ slip written % stays as printed)."""
    path = _written(
        tmp_path,
        "某某县儿童发展规划（2021—2030年）\n一、儿童与健康\n主要目标：\n"
        "1.新生儿、婴儿、5岁以下儿童死亡率依次控制在2.6‰、4.1%、5.8‰以内。\n",
    )
    (plan,) = extract(path)
    assert [(t.indicator, t.target.value, t.target.unit) for t in plan.targets] == [
        ("新生儿死亡率", D("2.6"), "‰"), ("婴儿死亡率", D("4.1"), "%"), ("5岁以下儿童死亡率", D("5.8"), "‰")
    ]
