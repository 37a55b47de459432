"""Documents about a plan, not the plan (issue 8): a 政策解读 page, a 中期评估 report quoting the plan.

Their sentences quote the plan's targets beside values reached (2024年为…, 已达…, a 监测值 column), counts of
the plan's contents and the report's own work plan. Only the plan's targets are targets. Each test writes a
document of the shape, with its own wording, place and numbers, and asserts what is extracted.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract

D = Decimal


def _numeric(plan) -> list[tuple]:
    return sorted(
        (t.indicator, str(t.target.op), t.target.value, t.target.unit, str(t.section))
        for t in plan.targets
        if t.target.is_numeric
    )


def _interpretation_page(folder: Path) -> Path:
    """A county portal's 解读 page: targets in <strong> runs inside a paragraph, then a comparison table under a
    caption naming the plan, with the national column, the county's and the 2020 state of things."""
    path = folder / "jiedu.html"
    path.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>解读_石门岭县人民政府</title></head><body>\n'
        '<div class="nav"><a>首页</a><a>政务公开</a><a>政策解读</a></div>\n'
        "<h1>《石门岭县妇女发展规划（2021—2030年）》政策解读</h1>\n"
        '<div class="TRS_Editor">\n'
        "<p>日前，县政府印发《石门岭县妇女发展规划（2021—2030年）》（以下简称《规划》），现就有关内容解读如下。</p>\n"
        "<p><strong>一、背景</strong></p>\n"
        "<p>截至2020年底，全县孕产妇死亡率为13.2/10万，村委会成员中女性比例为27.4%。</p>\n"
        "<p><strong>二、主要目标</strong></p>\n"
        "<p><strong>（一）妇女与健康。</strong>《规划》提出，到2030年，<strong>孕产妇死亡率控制在11/10万以下</strong>；"
        "<strong>适龄妇女宫颈癌人群筛查率达到78%以上</strong>，乳腺癌人群筛查率达到66%以上；"
        "艾滋病母婴传播率下降到2%以下。</p>\n"
        "<p><strong>（二）妇女参与决策和管理。</strong>《规划》提出，<strong>村委会成员中女性比例达到36%以上</strong>，"
        "社区居委会成员中女性比例保持在50%左右。</p>\n"
        "<p><strong>三、主要特点</strong></p>\n"
        "<p>部分指标高于国家纲要（见下表）。</p>\n"
        '<table border="1">\n'
        '<tr><td colspan="4"><strong>石门岭县妇女发展规划部分指标与国家纲要对比</strong></td></tr>\n'
        "<tr><td>指标</td><td>国家纲要目标（2030年）</td><td>我县目标（2030年）</td><td>2020年我县现状</td></tr>\n"
        "<tr><td>孕产妇死亡率</td><td>12/10万以下</td><td>11/10万以下</td><td>13.2/10万</td></tr>\n"
        "<tr><td>适龄妇女宫颈癌人群筛查率</td><td>70%以上</td><td>78%以上</td><td>55.1%</td></tr>\n"
        "<tr><td>村委会成员中女性比例</td><td>30%以上</td><td>36%以上</td><td>27.4%</td></tr>\n"
        "</table>\n"
        "<p>解读机关：石门岭县妇儿工委办公室　联系电话：0000-1234567</p>\n"
        "</div>\n"
        '<div class="foot">备案号：某ICP备87654321号</div>\n'
        "</body></html>\n",
        encoding="utf-8",
    )
    return path


def test_an_interpretation_page_with_a_comparison_table_reads_its_prose_as_well_as_its_table(tmp_path: Path) -> None:
    """The table's caption names the plan: before, it opened the plan there, the 解读's prose above it became the
    notice's header and only the table was read. The page's headline says what it is: a summary, all of it read."""
    (plan,) = extract(_interpretation_page(tmp_path))
    assert plan.plan.is_news_summary
    assert _numeric(plan) == sorted([
        ("孕产妇死亡率", "<=", D("11"), "1/10万", "main_targets"),
        ("适龄妇女宫颈癌人群筛查率", ">=", D("78"), "%", "main_targets"),
        ("乳腺癌人群筛查率", ">=", D("66"), "%", "main_targets"),
        ("艾滋病母婴传播率", "<=", D("2"), "%", "main_targets"),
        ("村委会成员中女性比例", ">=", D("36"), "%", "main_targets"),
        ("社区居委会成员中女性比例", "~", D("50"), "%", "main_targets"),
        ("孕产妇死亡率", "<=", D("11"), "1/10万", "indicator_table"),
        ("适龄妇女宫颈癌人群筛查率", ">=", D("78"), "%", "indicator_table"),
        ("村委会成员中女性比例", ">=", D("36"), "%", "indicator_table"),
    ])


def test_a_target_in_a_strong_run_restated_by_the_table_is_no_headline(tmp_path: Path) -> None:
    """A <strong> run holding a target is a node of its own inside the paragraph (its line has no sentence's
    punctuation): it is no headline restating the table's target below, and stays."""
    (plan,) = extract(_interpretation_page(tmp_path))
    rows = [t for t in plan.targets if t.indicator == "孕产妇死亡率"]
    assert [str(t.section) for t in rows] == ["main_targets", "indicator_table"]
    assert rows[0].line < rows[1].line


_EVALUATION = """石门岭县人民政府妇女儿童工作委员会
石妇儿工委〔2024〕3号

关于《石门岭县儿童发展规划（2021—2030年）》实施情况中期评估的报告

县人民政府：
根据省妇儿工委工作安排，县妇儿工委组织25个成员单位对《石门岭县儿童发展规划（2021—2030年）》（以下简称《规划》）开展了中期评估，现报告如下。

一、总体情况
《规划》设置主要目标70项，其中可监测指标38项。截至2024年底，已实现目标的27项，接近目标的8项，差距较大的3项。

二、分领域目标实现情况
（一）儿童与健康
《规划》提出，到2030年婴儿死亡率控制在4‰以下。2024年全县婴儿死亡率为3.1‰，已提前实现目标。
《规划》要求5岁以下儿童死亡率控制在6‰以下、适龄儿童免疫规划疫苗接种率保持在95%以上的目标，2024年分别为4.6‰和98.7%。
3岁以下儿童系统管理率保持在90%以上的目标均已实现（2024年为93.2%）。
（二）儿童与教育
学前三年毛入园率目标为92%，2024年监测值为89.5%。
《规划》提出九年义务教育巩固率保持在96%以上。2023年秋季学期起，全县九年义务教育巩固率为96.8%，高中阶段毛入学率为93.4%。
（三）儿童与家庭
城乡社区儿童之家覆盖率达到95%以上是《规划》的约束性指标，目前为91.2%。

三、主要指标监测情况表
序号\t指标名称\t规划目标（2030年）\t2020年\t2024年\t评估结论
1\t婴儿死亡率（‰）\t≤4\t4.8\t3.1\t已达标
2\t学前三年毛入园率（%）\t92\t86.0\t89.5\t接近目标
3\t城乡社区儿童之家覆盖率（%）\t≥95\t82.3\t91.2\t差距较大

四、存在的问题
城乡社区儿童之家建设进度偏慢，与目标尚差3.8个百分点。

五、下一步工作
2025年，计划新建儿童之家20个，力争学前三年毛入园率达到90%。

石门岭县人民政府妇女儿童工作委员会
2024年11月20日
"""


def test_a_mid_term_evaluation_reads_the_plans_targets_not_the_values_reached(tmp_path: Path) -> None:
    """Sentences and clauses opening with a year before the plan's end (2024年全县婴儿死亡率为3.1‰, …，2024年分别为…,
    2023年秋季学期起，…) give that year's values; 目标为92% is the plan's target, bare (>= for a rate to raise); the
    table's 2024年 column beside 规划目标（2030年） and 评估结论 is values reached; the report's counts, gaps and own work
    plan (2025年，计划新建…) are none of the plan's targets."""
    path = tmp_path / "evaluation.txt"
    path.write_text(_EVALUATION, encoding="utf-8")
    (plan,) = extract(path)
    assert _numeric(plan) == sorted([
        ("婴儿死亡率", "<=", D("4"), "‰", "main_targets"),
        ("5岁以下儿童死亡率", "<=", D("6"), "‰", "main_targets"),
        ("适龄儿童免疫规划疫苗接种率", ">=", D("95"), "%", "main_targets"),
        ("3岁以下儿童系统管理率", ">=", D("90"), "%", "main_targets"),
        ("学前三年毛入园率", ">=", D("92"), "%", "main_targets"),
        ("九年义务教育巩固率", ">=", D("96"), "%", "main_targets"),
        ("城乡社区儿童之家覆盖率", ">=", D("95"), "%", "main_targets"),
        ("婴儿死亡率", "<=", D("4"), "‰", "indicator_table"),
        ("学前三年毛入园率", ">=", D("92"), "%", "indicator_table"),
        ("城乡社区儿童之家覆盖率", ">=", D("95"), "%", "indicator_table"),
    ])
    assert [t.year for t in plan.targets if str(t.section) == "indicator_table"] == [None, None, None]


def test_a_bare_year_column_beside_a_named_target_and_a_verdict_is_data() -> None:
    """规划目标（2030年） | 2020年 | 2024年 | 评估结论: the 2024年 column holds the year's values (data), not a 2024 target;
    without the verdict column a bare later year stays a target (2020年 | 2025年 | 2030年目标 in a plan)."""
    from compliance.extraction.columns import header_columns, settle_years

    roles = [c.role for c in settle_years(header_columns(["指标", "规划目标（2030年）", "2020年", "2024年", "评估结论"]) or [], (2021, 2030))]
    assert roles == ["indicator", "target", "baseline", "data", "data"]
    plan_roles = [c.role for c in settle_years(header_columns(["指标", "2020年", "2025年", "2030年目标"]) or [], (2021, 2030))]
    assert plan_roles == ["indicator", "baseline", "target", "target"]


def _task_workbook(folder: Path) -> Path:
    """A 妇儿工委办's task breakdown: 序号 | 领域 | 目标任务 | 牵头单位 | 完成时限 | 备注, the 备注 holding baselines, a task
    cell with a line break, then a sheet of measures headed 策略措施（有量化要求的）."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "主要目标任务分解"
    sheet.append(["石门岭县儿童发展规划（2021—2030年）主要目标任务分解表"])
    sheet.append(["序号", "领域", "目标任务", "牵头单位", "完成时限", "备注"])
    sheet.append([1, "儿童与健康", "新生儿、婴儿和5岁以下儿童死亡率分别降至2.5‰、4.5‰和5.5‰以下。", "县卫生健康局", "2030年",
                  "2020年基数：2.96‰、5.12‰、6.80‰"])
    sheet.append([2, None, "儿童青少年总体近视率每年降低0.5个百分点以上。\n小学生近视率降至35%以下。", "县教育局", "2030年",
                  "与护眼行动衔接"])
    sheet.append([3, "儿童与教育", "学前教育毛入园率达到并保持在93%以上。", "县教育局", "2025年", "2020年：88.1%"])
    sheet.merge_cells("B3:B4")
    measures = book.create_sheet("策略措施任务分解")
    measures.append(["序号", "领域", "策略措施（有量化要求的）", "牵头单位", "完成时限"])
    measures.append([1, "儿童与安全", "每个中小学校至少配备1名专职安全员。", "县教育局", "2025年底前"])
    path = folder / "tasks.xlsx"
    book.save(path)
    return path


def test_a_task_table_with_a_remarks_column_reads_its_domains_and_leaves_the_remarks_baselines_out(tmp_path: Path) -> None:
    """The 备注 column made the header no table of tasks: every row was read as its cells joined, the 领域 cell glued
    before the sentence (儿童与健康　新生儿、婴儿和…: three rates named 5岁以下儿童死亡率) and the baselines of the
    remark read as targets. Now the remark is kept after the item in brackets, as a lead unit is; a line break in
    a task cell keeps the row's number; a column headed by a section (策略措施（…）) is the text of its rows."""
    (plan,) = extract(_task_workbook(tmp_path))
    numeric = [(t.indicator, str(t.target.op), t.target.value, t.target.unit, t.domain) for t in plan.targets if t.target.is_numeric]
    assert numeric == [
        ("新生儿死亡率", "<=", D("2.5"), "‰", "儿童与健康"),
        ("婴儿死亡率", "<=", D("4.5"), "‰", "儿童与健康"),
        ("5岁以下儿童死亡率", "<=", D("5.5"), "‰", "儿童与健康"),
        ("儿童青少年总体近视率", "rel_decrease", D("0.5"), "百分点/年", "儿童与健康"),
        ("小学生近视率", "<=", D("35"), "%", "儿童与健康"),
        ("学前教育毛入园率", ">=", D("93"), "%", "儿童与教育"),
        ("每个中小学校专职安全员数", ">=", D("1"), "名", "儿童与安全"),
    ]
    assert all(t.line >= 1 for t in plan.targets)
    assert [str(t.section) for t in plan.targets if t.target.is_numeric][-1] == "measures"


_PRESS_CONFERENCE = """首页 > 新闻中心 > 新闻发布会
《石门岭县儿童发展规划（2021—2030年）》新闻发布会实录
发布时间：2023-06-02 10:20    来源：县政府新闻办

【主持人】各位记者朋友，上午好！县政府日前印发了《石门岭县儿童发展规划（2021—2030年）》，今天请3位发布人介绍有关情况。
【李**】新规划围绕儿童与健康、儿童与教育等7个领域，提出了70项主要目标，比上一周期增加了9项。
【李**】“十三五”以来，全县婴儿死亡率连续4年控制在5‰以下，学前三年毛入园率达到88.5%。
【李**】到2030年，全县婴儿死亡率控制在4‰以下，学前三年毛入园率达到92%以上。
【县教育局记者】请问在儿童教育方面有哪些安排？
【张**】我们提出九年义务教育巩固率保持在96%以上。2022年全县已培训家庭教育指导员1350人次。

【相关链接】
· 我县新增5个儿童友好社区（2023-04-10）
· 石门岭县2022年新建幼儿园3所（2023-02-15）
【网友留言】
网友：婴儿死亡率4‰是不是太低了？  2023-06-02 12:01  赞(8)

主办：石门岭县人民政府办公室  电话：0000-7654321
"""


def test_a_press_conference_reads_the_targets_spoken_not_the_past_nor_the_page_around_it(tmp_path: Path) -> None:
    """A speaker's 【李**】 before “十三五”以来… hid the history opener; 比上一周期增加了9项 counts the plan's parts;
    已培训1350人次 is done, not planned; 【相关链接】 and 【网友留言】 in brackets are the page's blocks, to the blank line."""
    path = tmp_path / "press.txt"
    path.write_text(_PRESS_CONFERENCE, encoding="utf-8")
    (plan,) = extract(path)
    assert plan.plan.is_news_summary
    assert _numeric(plan) == sorted([
        ("婴儿死亡率", "<=", D("4"), "‰", "main_targets"),
        ("学前三年毛入园率", ">=", D("92"), "%", "main_targets"),
        ("九年义务教育巩固率", ">=", D("96"), "%", "main_targets"),
    ])
