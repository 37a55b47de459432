"""Each trap of documents as they really come, in a small document of its own (not the corpus's).

Portal copies with every digit masked, vendor reposts with menus, 文库 exports
cut into chunks with flattened tables, news articles about a plan, OCR text with
running headers, Word tables with two header rows and a parent's column, text
tables whose continuation rows start with an empty cell. Each test states the
general rule it holds.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.checking import check
from compliance.errors import InputError
from compliance.extraction import dump_plan, extract
from compliance.loading.plans import loads_plan


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def numeric(plan) -> list[tuple[int, str, str, Decimal | None, str | None, bool]]:
    return [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.target.masked)
        for t in plan.targets
        if t.target.is_numeric
    ]


def unparsed_lines(plan) -> list[int]:
    return [u.line for u in plan.unparsed]


# --------------------------------------------------------------------------- furniture


PORTAL = """采购云  政府采购信息一站查
查公告    查单位    查项目    会员中心    APP下载    登录 | 注册
首页 > 政策文件 > 江西省 > 赣州市 > 某某县
发布时间：2022-06-01 09:12    信息来源：某某县人民政府网    浏览次数：3.4万
温馨提示：开通会员可查看全文。
某某县儿童发展规划（2021—2025年）
（一）儿童与健康
主要目标：
1．婴儿死亡率控制在5‰以下。
2．儿童伤害死亡率以2020年为基数下降20%。
（二）组织实施
各部门按职责分工落实。
相关推荐
某某县妇幼保健院设备采购公告    预算金额：188.5万元    2022-05-30
某某县托育服务项目成交公告    成交金额：96万元    2022-05-12

查公告    查单位    查项目    会员中心    APP下载    登录 | 注册
客服热线：400-123-4567    工作时间：周一至周五
Copyright © 2020-2022 采购云 版权所有
"""


def test_portal_menus_fields_and_related_items_are_furniture(tmp_path: Path) -> None:
    """Menus of short words, lines of page fields (发布时间 … 浏览次数) and 相关推荐 blocks are no plan text."""
    (plan,) = extract(write(tmp_path, "portal.txt", PORTAL), jurisdiction="江西省/赣州市/某某县", level="county")
    assert numeric(plan) == [
        (9, "婴儿死亡率", "<=", Decimal(5), "‰", False),
        (10, "儿童伤害死亡率", "rel_decrease", Decimal(20), "%", False),
    ]
    assert not plan.unparsed  # 188.5万元, 96万元, 400-123-4567, 3.4万 are furniture, not unread numbers


# --------------------------------------------------------------------------- masks in structure and values


MASKED = """某某县人民政府关于印发某某县妇女发展“***”规划和某某县儿童发展“***”规划的通知
发布时间：2022-03-18 10:00    信息来源：某某县人民政府
某某县妇女发展“***”规划
为推进“***”时期妇女事业发展，根据《江西省妇女发展“***”规划》《赣州市妇女发展“***”规划》，制定本规划。规划期限为****—****年。
*、总体要求
(*)指导思想。坚持男女平等基本国策。
*、发展领域、主要目标和主要措施
(*)妇女与健康
主要目标：
*.孕产妇死亡率控制在*/10万以下，孕产妇系统管理率保持在**%以上。
*.**—**岁女性健康素养水平达到30%以上。
主要措施：
*.每个乡镇卫生院至少配备*名专职妇女保健医生，覆盖**人及以上的行政村。
*、组织实施
(*)加强组织领导。****年开展中期评估。
某某县儿童发展“***”规划
为推进“***”时期儿童事业发展，根据《江西省儿童发展“***”规划》，制定本规划。
*、发展领域、主要目标和主要措施
(*)儿童与健康
主要目标：
*.新生儿、婴儿和*岁以下儿童死亡率分别降至*.*‰、*‰和*‰以下。
*.*岁以下儿童系统管理率和*岁以下儿童健康管理率分别达到**%和96%以上。
*.儿童伤害死亡率以****年为基数下降**%。
*、组织实施
(*)加强组织领导。
"""


def test_a_masked_notice_gives_two_plans_with_masked_values_kept_masked(tmp_path: Path) -> None:
    """*、 (*) *. are numbering; “***” is a masked five-year plan; masked values stay masked, never guessed."""
    women, children = extract(write(tmp_path, "masked.txt", MASKED))
    assert (str(women.plan.kind), str(children.plan.kind)) == ("women", "children")
    assert women.plan.title == "某某县妇女发展“***”规划"
    assert women.domains == ["妇女与健康"] and children.domains == ["儿童与健康"]
    assert numeric(women) == [
        (10, "孕产妇死亡率", "<=", None, "1/10万", True),
        (10, "孕产妇系统管理率", ">=", None, "%", True),
        (11, "**—**岁女性健康素养水平", ">=", Decimal(30), "%", False),
        (13, "每个乡镇卫生院专职妇女保健医生数", ">=", None, "名", True),
    ]
    assert numeric(children)[:5] == [
        (21, "新生儿死亡率", "<=", None, "‰", True),
        (21, "婴儿死亡率", "<=", None, "‰", True),
        (21, "*岁以下儿童死亡率", "<=", None, "‰", True),  # a masked qualifier is not a masked value
        (22, "*岁以下儿童系统管理率", ">=", None, "%", True),
        (22, "*岁以下儿童健康管理率", ">=", Decimal(96), "%", False),
    ]
    relative = [t for t in children.targets if str(t.target.op) == "rel_decrease"]
    assert len(relative) == 1 and relative[0].target.masked and relative[0].target.base_year is None
    # no masked qualifier, numbering or masked year is listed as an unread number
    assert not women.unparsed and not children.unparsed


def test_a_masked_five_year_plan_is_dated_by_the_page(tmp_path: Path) -> None:
    """A title naming a masked five-year plan (“***”) takes the five-year plan in force when the page was published."""
    women, _ = extract(write(tmp_path, "masked.txt", MASKED))
    assert women.plan.period == (2021, 2025)
    assert "2022" in women.plan.inferred_from["period"]
    assert women.plan.jurisdiction[:2] == ["江西省", "赣州市"]


def test_masked_digits_are_not_guessed_without_a_date(tmp_path: Path) -> None:
    text = MASKED.replace("发布时间：2022-03-18 10:00    信息来源：某某县人民政府\n", "")
    women, _ = extract(write(tmp_path, "undated.txt", text))
    assert women.plan.period is None and "period" in women.plan.missing
    assert women.targets  # the plan is still written, with all its targets


# --------------------------------------------------------------------------- run-on lines, list numbers


RUN_ON = """某某县儿童发展规划（2021—2025年）
（一）儿童与健康
主要目标：1.新生儿死亡率和婴儿死亡率分别降至3‰和5‰以下。2.5岁以下儿童死亡率控制在6‰以下。3.0～6岁儿童眼保健和视力检查覆盖率达到95%以上。4.3岁以下儿童系统管理率达到92%以上。5.适龄儿童免疫规划疫苗接种率保持在98.5%以上。
策略措施：（1）每个乡镇卫生院至少配备2名儿童保健医生。（2）县级至少建成1个危重新生儿救治中心。
（二）儿童与教育
主要目标：1.学前三年毛入园率达到96%以上。
"""


def test_list_numbers_glued_to_names_are_told_from_decimals_by_the_sequence(tmp_path: Path) -> None:
    """"2.5岁以下…" after item 1 is item 2 of "5岁以下…"; "5.适龄" is item 5; 98.5% stays a decimal."""
    (plan,) = extract(write(tmp_path, "runon.txt", RUN_ON), jurisdiction="江西省/赣州市/某某县", level="county")
    assert [(t[1], t[3]) for t in numeric(plan)] == [
        ("新生儿死亡率", Decimal(3)),
        ("婴儿死亡率", Decimal(5)),
        ("5岁以下儿童死亡率", Decimal(6)),
        ("0～6岁儿童眼保健和视力检查覆盖率", Decimal(95)),
        ("3岁以下儿童系统管理率", Decimal(92)),
        ("适龄儿童免疫规划疫苗接种率", Decimal("98.5")),
        ("每个乡镇卫生院儿童保健医生数", Decimal(2)),
        ("县级危重新生儿救治中心数", Decimal(1)),
        ("学前三年毛入园率", Decimal(96)),
    ]
    sections = {t.indicator: str(t.section) for t in plan.targets}
    assert sections["学前三年毛入园率"] == "main_targets"
    assert [str(t.section) for t in plan.targets if t.line == 4] == ["measures", "measures"]
    assert all(t.line == 3 for t in plan.targets if str(t.section) == "main_targets" and t.domain == "儿童与健康")
    assert not plan.unparsed


# --------------------------------------------------------------------------- 文库 exports


WENKU = """某某县妇女发展规划（2021-2030年）.doc
《某某县妇女发展规划（2021-2030年）.doc》由会员分享，可在线阅读，更多相关《某某县妇女发展规划（2021-2030年）.doc(8页)》请在文库网上搜索。
1、某某县人民政府文件某政发〔2022〕3号某某县人民政府关于印发某某县妇女发展规划（2021—2030年）的通知各乡镇人民政府：现将《某某县妇女发展规划（2021—2030年）》印发给你们，请认真贯彻执行。某某县人民政府2022年5月6日某某县妇女发展规划（2021—2030年）为促进妇女全面发展，根据《中国妇女发展纲要（2021—2030年）》和《湖南省妇女发展规划（2021—2030年）》《邵阳市妇女发展规划（2021—2030年）》，结合实际，制定本规划。一、指导思想（一）指导思想。坚持男女平等基本国策。二、重点指标某某县妇女发展规划重点指标目标表序号指标名称2020年基数2030年目标1孕产妇死亡率(1/10万)12.610
第2页
2、2适龄妇女宫颈癌人群筛查率(%)60.2753妇女国民体质合格率(%)90.192.54高中阶段毛入学率(%)91.4955就业人员中的女性比例(%)44.845三、发展领域、主要目标和策略措施（一）妇女与健康主要目标：1.孕产妇死亡率控制在10/10万以下，孕产妇系统管理率达到96%以上。2.妇女宫颈癌和乳腺癌防治意识明显增强，宫颈癌人群筛查率达到75%以上。3.
第3页
3、15—69岁女性健康素养水平达到30%以上。策略措施：1.每个乡镇卫生院至少配备1名专职妇女保健医生。（二）妇女与经济主要目标：1.就业人员中的女性比例保持在45%左右。四、组织实施（一）加强组织领导。2025年开展中期评估。
亲，该文档总共8页，已全部预览完毕，如需使用请下载。
下载文档到电脑，查找使用更方便    3 积分    下载
"""


def test_wenku_chunks_are_joined_and_cut_at_the_plan_structure(tmp_path: Path) -> None:
    """Numbered chunks cut mid-sentence are one text again; chunk numbers are no list numbers (3、15—69岁…)."""
    (plan,) = extract(write(tmp_path, "wenku.txt", WENKU))
    info = plan.plan
    assert info.title == "某某县妇女发展规划（2021—2030年）"  # not the file name of the banner
    assert (str(info.kind), info.period, str(info.level)) == ("women", (2021, 2030), "county")
    assert info.jurisdiction == ["湖南省", "邵阳市", "某某县"]
    assert info.document_number == "某政发〔2022〕3号"
    text = [(t.line, t.indicator, t.target.value) for t in plan.targets if str(t.section) != "indicator_table"]
    assert text == [
        (5, "孕产妇死亡率", Decimal(10)),
        (5, "孕产妇系统管理率", Decimal(96)),
        (5, "宫颈癌人群筛查率", Decimal(75)),
        (7, "15—69岁女性健康素养水平", Decimal(30)),
        (7, "每个乡镇卫生院专职妇女保健医生数", Decimal(1)),
        (7, "就业人员中的女性比例", Decimal(45)),
    ]
    assert {t.domain for t in plan.targets if t.line == 7 and t.target.value == 45} == {"妇女与经济"}


def test_a_flattened_table_is_read_by_its_row_sequence_and_plausible_values(tmp_path: Path) -> None:
    """1孕产妇死亡率(1/10万)12.610 | 2适龄妇女…(%)60.275 | 3… : values, row numbers and names told apart."""
    (plan,) = extract(write(tmp_path, "wenku.txt", WENKU))
    table = [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets
             if str(t.section) == "indicator_table"]
    assert table == [
        (3, "孕产妇死亡率", "<=", Decimal(10), "1/10万"),  # a bare value: lower is better
        (5, "适龄妇女宫颈癌人群筛查率", ">=", Decimal(75), "%"),
        (5, "妇女国民体质合格率", ">=", Decimal("92.5"), "%"),
        (5, "高中阶段毛入学率", ">=", Decimal(95), "%"),
        (5, "就业人员中的女性比例", "~", Decimal(45), "%"),  # a band indicator: about
    ]
    baselines = [t.baseline.value for t in plan.targets if str(t.section) == "indicator_table" and t.baseline]
    assert baselines == [Decimal("12.6"), Decimal("60.2"), Decimal("90.1"), Decimal("91.4"), Decimal("44.8")]


def test_an_ambiguous_flattened_row_goes_to_unparsed_with_its_text(tmp_path: Path) -> None:
    """A row whose digits split two plausible ways is not guessed: it is listed with its text."""
    text = WENKU.replace("妇女国民体质合格率(%)90.192.5", "妇女国民体质合格率(%)9.192.5")  # 9.1→92.5 or 9.19→2.5?
    (plan,) = extract(write(tmp_path, "wenku.txt", text))
    names = [t.indicator for t in plan.targets if str(t.section) == "indicator_table"]
    assert "妇女国民体质合格率" not in names
    assert any("妇女国民体质合格率" in u.text for u in plan.unparsed)
    assert "适龄妇女宫颈癌人群筛查率" in names and "高中阶段毛入学率" in names


# --------------------------------------------------------------------------- news articles


NEWS = """某某日报网    首页 | 新闻 | 区县 | 民生 | 教育 | 视频
当前位置：首页 > 区县新闻
某某区“十四五”妇女发展规划出台
2022-08-02 08:30    来源：某某日报    记者 张三    字号：大 中 小

日前，某某区政府印发《长沙市某某区“十四五”妇女发展规划》（以下简称《规划》），围绕妇女与健康、妇女与教育、妇女与经济3个领域，提出35项主要目标。
【健康】
《规划》提出，到2025年，全区孕产妇死亡率控制在9/10万以下，孕产妇系统管理率达到96%以上。
“‘十三五’期间，全区孕产妇死亡率连续五年保持在12/10万以下，累计为8.6万名妇女提供免费检查。”区卫生健康局负责人介绍。
【经济】
《规划》要求，高级专业技术人员中的女性比例达到42%以上。
（责任编辑：李四）

相关新闻
· 某某区新增城镇就业1.6万人 完成全年任务的78%
· 全区建成托育机构25家

网友评论（6）
湘江边：9/10万这个目标很好。  点赞 12
"""


def test_a_news_article_is_read_as_a_summary_of_its_plan(tmp_path: Path) -> None:
    """The article's own targets, its source marked news_summary; history, related news and comments left out."""
    (plan,) = extract(write(tmp_path, "news.txt", NEWS))
    info = plan.plan
    assert info.is_news_summary and info.title == "长沙市某某区“十四五”妇女发展规划"
    assert (str(info.kind), str(info.level), info.period) == ("women", "county", (2021, 2025))
    assert [(t[0], t[1], t[3]) for t in numeric(plan)] == [
        (8, "孕产妇死亡率", Decimal(9)),
        (8, "孕产妇系统管理率", Decimal(96)),
        (11, "高级专业技术人员中的女性比例", Decimal(42)),
    ]
    assert plan.domains == ["妇女与健康", "妇女与教育", "妇女与经济"]
    assert [t.domain for t in plan.targets if t.target.is_numeric] == ["妇女与健康", "妇女与健康", "妇女与经济"]
    assert "news article" in dump_plan(plan)
    report = check(plan)
    assert [f for f in report.findings if f.rule == "news-summary"]
    assert not [f for f in report.findings if f.rule == "missing-indicator" and str(f.severity) == "error"]


# --------------------------------------------------------------------------- OCR text


OCR = """某某县人民政府文件
某政发〔2022〕8号

— 1 —
某某县妇女发展规划（2021—2030年）
某某县妇女发展规划（2021—2030年）
根据《中国妇女发展纲要（2021—2030年）》《湖南省妇女发展规划（2021—2030年）》和《邵阳市妇
女发展规划（2021—2030年）》，制定本规划。
一、发展领域、主要目标和策略措施
（一）妇女与健康
主要目标：
1．孕产妇死亡率控制在10/10万以下，孕产妇系统管理率保持在
95%以上。
2．适龄妇女宫颈癌人群筛查率达到70%以
上，乳腺癌人群筛查率逐步提

— 2 —
某某县妇女发展规划（2021—2030年）
高。
（二）妇女与经济
主要目标：
1．高级专业技术人员中的女性比例达到40%

— 3 —
某某县妇女发展规划（2021—2030年）
左右。
二、组织实施
（一）加强领导。

— 4 —
"""


def test_ocr_running_headers_and_page_breaks_are_left_out(tmp_path: Path) -> None:
    """A title repeated as a running header starts no plan; a sentence broken by a page break reads on."""
    (plan,) = extract(write(tmp_path, "ocr.txt", OCR))
    assert plan.plan.title == "某某县妇女发展规划（2021—2030年）"
    assert plan.plan.follows[-1] == "邵阳市妇女发展规划（2021—2030年）"
    assert [(t[0], t[1], t[2], t[3]) for t in numeric(plan)] == [
        (12, "孕产妇死亡率", "<=", Decimal(10)),
        (13, "孕产妇系统管理率", ">=", Decimal(95)),
        (14, "适龄妇女宫颈癌人群筛查率", ">=", Decimal(70)),
        (22, "高级专业技术人员中的女性比例", "~", Decimal(40)),  # 40% ↵ (page break) ↵ 左右
    ]


def test_a_line_break_never_joins_two_numbers(tmp_path: Path) -> None:
    text = "某某县妇女发展规划（2021—2030年）\n（一）妇女与健康\n主要目标：\n1．孕产妇系统管理率达到9\n5%以上。\n"
    (plan,) = extract(write(tmp_path, "broken.txt", text), jurisdiction="湖南省/邵阳市/某某县", level="county")
    assert not [t for t in plan.targets if t.target.is_numeric]  # neither 95 nor 5: the break is where the digits are
    assert [(u.line, u.reason) for u in plan.unparsed] == [(5, "digits on both sides of a line break: not read, see the document")]


# --------------------------------------------------------------------------- tables


TABBED = (
    "某某县儿童发展规划（2021—2025年）\n"
    "二、主要指标\n"
    "领域\t序号\t指标\t２０２０年\t２０２５年\n"
    "儿童与健康\t１\t婴儿死亡率（‰）\t3.2\t＜３\n"
    "\t2\t5岁以下儿童死亡率（‰）\t4.1\t<4.5\n"
    "\t３\t儿童青少年总体近视率（%）\t55.1\t每年降低１个百分点以上\n"
    "儿童与教育\t4\t学前三年教育毛入园率（%）\t96\t≥９８\n"
    "\t5\t高中阶段毛入学率（%）\t95.5\t９８\n"
)


def test_continuation_rows_with_an_empty_first_cell_keep_their_columns(tmp_path: Path) -> None:
    """A row starting with a tab (its 领域 merged above) is a row of the same table, its cells in their columns."""
    path = write(tmp_path, "tabbed.txt", TABBED.replace("\n", "\r\n"), encoding="gb18030")
    (plan,) = extract(path, jurisdiction="浙江省/温州市/某某县", level="county")
    assert [(t[0], t[1], t[2], t[3]) for t in numeric(plan)] == [
        (4, "婴儿死亡率", "<", Decimal(3)),
        (5, "5岁以下儿童死亡率", "<", Decimal("4.5")),
        (6, "儿童青少年总体近视率", "rel_decrease", Decimal(1)),
        (7, "学前三年教育毛入园率", ">=", Decimal(98)),
        (8, "高中阶段毛入学率", ">=", Decimal(98)),
    ]
    assert [t.domain for t in plan.targets] == ["儿童与健康"] * 3 + ["儿童与教育"] * 2


SPACED = """某某县妇女发展“***”规划
*、主要指标
序号  领域  指标  ****年  ****年
*  妇女与健康  孕产妇死亡率（*/**万）  *  <8
*    适龄妇女宫颈癌人群筛查率（%）  **.*  ≥70
*  妇女与经济  就业人员中的女性比例（%）  **.*  **左右
"""


def test_a_table_in_columns_of_spaces_with_masked_years_and_units(tmp_path: Path) -> None:
    """Cells apart by two spaces; ****年 columns: the earlier the baseline; */**万 is 1/10万, the one unit it fits."""
    (plan,) = extract(write(tmp_path, "spaced.txt", SPACED), jurisdiction="江西省/赣州市/某某县", level="county",
                      period=(2021, 2025))
    assert [(t[0], t[1], t[2], t[3], t[4], t[5]) for t in numeric(plan)] == [
        (4, "孕产妇死亡率", "<", Decimal(8), "1/10万", False),
        (5, "适龄妇女宫颈癌人群筛查率", ">=", Decimal(70), "%", False),
        (6, "就业人员中的女性比例", "~", None, "%", True),
    ]


def _docx_two_row_header(path: Path) -> Path:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某某县妇女发展“十四五”规划")
    document.add_paragraph("根据《浙江省妇女发展“十四五”规划》《湖州市妇女发展“十四五”规划》，制定本规划。")
    document.add_paragraph("二、主要指标")
    table = document.add_table(rows=5, cols=6)
    head = ["领域", "序号", "指标", "2020年基数", "2025年目标", ""]
    for k, text in enumerate(head):
        table.cell(0, k).text = text
    table.cell(0, 4).merge(table.cell(0, 5))
    table.cell(0, 4).text = "2025年目标"
    for k in range(4):
        table.cell(0, k).merge(table.cell(1, k))
    table.cell(1, 4).text = "上级目标"
    table.cell(1, 5).text = "本县目标"
    rows = [
        ["妇女与健康", "1", "孕产妇死亡率（1/10万）", "6.8", "≤8", "≤7"],
        ["", "2", "适龄妇女宫颈癌人群筛查率（%）", "66", "≥70", "≥72"],
        ["妇女与经济", "3", "高级专业技术人员中的女性比例（%）", "38", "≥40", "≥41"],
    ]
    for r, row in enumerate(rows, start=2):
        for k, text in enumerate(row):
            if text:
                table.cell(r, k).text = text
    table.cell(2, 0).merge(table.cell(3, 0))
    document.add_paragraph("三、组织实施")
    document.save(str(path))
    return path


def test_a_two_row_header_reads_the_plans_own_column_and_keeps_the_parents(tmp_path: Path) -> None:
    """2025年目标 over 上级目标 / 本县目标: the 本县目标 column is the plan's; 上级目标 is kept as parent_target."""
    (plan,) = extract(_docx_two_row_header(tmp_path / "two-rows.docx"))
    rows = [(t.indicator, str(t.target.op), t.target.value, t.domain) for t in plan.targets]
    assert rows == [
        ("孕产妇死亡率", "<=", Decimal(7), "妇女与健康"),
        ("适龄妇女宫颈癌人群筛查率", ">=", Decimal(72), "妇女与健康"),
        ("高级专业技术人员中的女性比例", ">=", Decimal(41), "妇女与经济"),
    ]
    parents = [(t.parent_target.value if t.parent_target else None) for t in plan.targets]
    assert parents == [Decimal(8), Decimal(70), Decimal(40)]
    assert all("上级目标" in (t.parent_column or "") for t in plan.targets)
    again = loads_plan(dump_plan(plan))
    assert [t.parent_target for t in again.targets] == [t.parent_target for t in plan.targets]


def test_a_tables_note_gives_bare_numbers_their_comparator(tmp_path: Path) -> None:
    """A bare number: the note under the table says what it means, else the indicator's direction."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [
        ["某某市儿童发展规划（2021—2030年）主要指标"],
        ["指标名称", "单位", "2020年", "2030年"],
        ["婴儿死亡率", "‰", 5.1, 4.5],
        ["学前教育毛入园率", "%", 88, 92],
        ["注：目标值未注明“≤”“<”的，均为“达到或高于”（≥）。"],
    ]:
        sheet.append(row)
    path = tmp_path / "note.xlsx"
    workbook.save(str(path))
    (plan,) = extract(path, jurisdiction="云南省/临沧市", level="municipal")
    assert [(t.indicator, str(t.target.op)) for t in plan.targets] == [("婴儿死亡率", ">="), ("学前教育毛入园率", ">=")]
    sheet.delete_rows(5)
    workbook.save(str(path))
    (plan,) = extract(path, jurisdiction="云南省/临沧市", level="municipal")
    assert [(t.indicator, str(t.target.op)) for t in plan.targets] == [("婴儿死亡率", "<="), ("学前教育毛入园率", ">=")]


# --------------------------------------------------------------------------- metadata never refused


def test_a_plan_is_never_refused_for_its_metadata(tmp_path: Path) -> None:
    """What the document does not tell is written as unknown; check says which field and which option sets it."""
    text = "发展规划\n主要目标：\n1．孕产妇死亡率控制在10/10万以下。\n2．婴儿死亡率控制在5‰以下。\n"
    (plan,) = extract(write(tmp_path, "bare.txt", text))
    info = plan.plan
    assert info.level is None and info.period is None and set(info.missing) >= {"level", "period", "jurisdiction"}
    written = dump_plan(plan)
    assert "level: null" in written and "set it here or with --level" in written
    again = loads_plan(written)
    assert again.plan.missing == info.missing
    findings = [f for f in check(again).findings if f.rule == "metadata-unknown"]
    assert {f.message.split()[2] for f in findings} >= {"level", "period"}
    assert any("--period" in str(f.suggestion) for f in findings)


def test_a_county_whose_place_is_unknown_is_still_checked_against_the_national_outline(tmp_path: Path) -> None:
    text = "妇女发展规划（2021—2030年）\n（一）妇女与健康\n主要目标：\n1．孕产妇死亡率控制在15/10万以下。\n"
    (plan,) = extract(write(tmp_path, "noplace.txt", text), level="county")
    assert "jurisdiction" in plan.plan.missing
    report = check(plan)
    assert [r.plan.plan.level.value for r in report.references] == ["national"]
    assert [f for f in report.findings if f.rule == "weaker-threshold"]  # 15/10万 against the national 12/10万
    assert [f for f in report.findings if f.rule == "metadata-unknown"]


def test_a_document_without_targets_is_an_error_that_says_what_it_looks_like(tmp_path: Path) -> None:
    index = "\n".join(f"某某县召开第{n}次妇女儿童工作会议" for n in range(1, 9)) + "\n"
    with pytest.raises(InputError, match="no target found in this document: a list of short lines"):
        extract(write(tmp_path, "index.txt", index))


# --------------------------------------------------------------------------- parser: masks and ratios


def test_parser_reads_masked_years_ratios_and_proportions_to_reach() -> None:
    from compliance.phrases import parse

    (relative,) = [t for t in parse("儿童伤害死亡率以****年为基数下降**%") if t.is_numeric]
    assert (str(relative.op), relative.masked, relative.base_year, relative.unit) == ("rel_decrease", True, None, "%")
    (ratio,) = parse("城镇公共厕所男女厕位比例达到*:*")
    assert (str(ratio.op), ratio.masked, ratio.unit, ratio.value) == ("=", True, "ratio", None)
    (reach,) = parse("城镇公共厕所男女厕位比例达到2:3")
    assert (str(reach.op), reach.ratio) == ("=", (Decimal(2), Decimal(3)))
    raised = parse("人流量较大地区提高到2：1")[0]
    assert str(raised.op) == ">="  # a verb of raising keeps its direction


# --------------------------------------------------------------------------- smaller rules


def test_daytime_hours_are_hours_a_day_and_a_day_centre_stays_a_count() -> None:
    from compliance.phrases import parse

    (hours,) = parse("保障中小学生日间户外活动时间不少于2小时")
    assert hours.unit == "小时/天"
    (centres,) = parse("每个乡镇建成日间照料中心2个")
    assert centres.unit == "个"


def test_a_bound_of_an_eligibility_rule_is_no_list_separator() -> None:
    from compliance.phrases import parse

    assert [t.indicator for t in parse("10人及以上的行政村实现妇女之家全覆盖")] == ["10人及以上的行政村妇女之家覆盖率"]


def test_a_note_across_a_table_is_text_and_a_code_with_a_leading_zero_no_quantity(tmp_path: Path) -> None:
    """A merged note row under a sheet's rows is not a row to read; its years and numbering are not listed."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["某某市儿童发展规划（2021—2030年）主要指标"])
    sheet.append(["指标名称", "单位", "2020年", "2030年"])
    sheet.append(["集中供养孤儿基本生活保障标准", "元/月", 1370, "≥1700"])
    sheet.append(["注：1.基期值为2020年统计数据；2.本表为《某某市儿童发展规划（2021—2030年）》的组成部分。"])
    sheet.merge_cells("A4:D4")
    path = tmp_path / "note.xlsx"
    workbook.save(str(path))
    (plan,) = extract(path, jurisdiction="云南省/临沧市", level="municipal")
    assert [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets] == [
        ("集中供养孤儿基本生活保障标准", ">=", Decimal(1700), "元/月")
    ]
    assert not plan.unparsed
    text = "某某县妇女发展规划（2021—2030年）\n（一）妇女与经济\n策略措施：\n1．推广“互联网+家政”020服务模式。\n2．每年培训妇女不少于300人次。\n"
    (plan,) = extract(write(tmp_path, "o2o.txt", text), jurisdiction="湖南省/邵阳市/某某县", level="county")
    assert not plan.unparsed and [t.target.value for t in plan.targets] == [Decimal(300)]


def test_a_flattened_row_is_corroborated_by_the_plans_text(tmp_path: Path) -> None:
    """98.69525岁… splits as 98.6→95 or 9→8.69 (next name 25岁… or 5岁…) for an indicator the catalogue does not
    range: the text's own 95% for it decides; without it, the row is listed, not guessed."""
    head = "某某县儿童发展规划（2021—2030年）\n二、重点指标\n"
    table = "序号指标名称2020年基数2030年目标1社区儿童友好服务覆盖率(%)98.69525岁以下儿童生长迟缓率(%)4.34.0三、发展领域\n"
    body = "（一）儿童与健康\n主要目标：\n1．社区儿童友好服务覆盖率保持在95%以上。\n"
    (plan,) = extract(write(tmp_path, "flat.txt", head + table + body), jurisdiction="湖南省/邵阳市/某某县", level="county")
    rows = [(t.indicator, t.target.value) for t in plan.targets if str(t.section) == "indicator_table"]
    assert rows == [("社区儿童友好服务覆盖率", Decimal(95)), ("5岁以下儿童生长迟缓率", Decimal("4.0"))]
    (plan,) = extract(write(tmp_path, "flat.txt", head + table + body.replace("95%", "96%")), jurisdiction="湖南省/邵阳市/某某县", level="county")
    rows = [t.indicator for t in plan.targets if str(t.section) == "indicator_table"]
    assert "社区儿童友好服务覆盖率" not in rows  # uncorroborated and two readings: listed, not guessed
    assert any("社区儿童友好服务覆盖率" in u.text for u in plan.unparsed)


def test_a_masked_qualifier_matches_the_one_catalogue_indicator_it_fits_and_says_so(tmp_path: Path) -> None:
    """*岁以下儿童死亡率 fits 5岁以下儿童死亡率 alone: compared as it, with a finding that says so; ***岁… fits none."""
    from compliance.catalogue import load_catalogue

    catalogue = load_catalogue()
    assert catalogue.masked_match("*岁以下儿童死亡率", "children").indicator.id == "under5_mortality"
    assert catalogue.masked_match("**岁儿童龋患率", "children").indicator.name == "12岁儿童龋患率"
    assert catalogue.masked_match("***岁以下儿童死亡率", "children") is None  # no catalogued age of three digits
    assert catalogue.masked_match("5岁以下儿童死亡率", "children") is None  # nothing masked: the normal lookup's
    text = "某某县儿童发展规划（2021—2030年）\n（一）儿童与健康\n主要目标：\n1．*岁以下儿童死亡率控制在9‰以下。\n"
    (plan,) = extract(write(tmp_path, "masked-name.txt", text), jurisdiction="湖南省/邵阳市/某某县", level="county")
    findings = check(plan).findings
    assert [f.rule for f in findings if f.indicator == "under5_mortality" and f.rule == "missing-indicator"] == []
    said = [f for f in findings if f.rule == "possible-typo" and f.indicator == "under5_mortality"]
    assert said and "5岁以下儿童死亡率" in said[0].render_message("en") and "masked" in said[0].render_message("en")
    assert [f for f in findings if f.rule == "weaker-threshold" and f.indicator == "under5_mortality"]  # 9‰ vs 6‰


def test_a_parents_column_that_misquotes_the_encoded_parent_is_a_finding(tmp_path: Path) -> None:
    """The 上级目标 column read from a Word table, compared with a parent of the same horizon given with --ref."""
    plan = extract(_docx_two_row_header(tmp_path / "two-rows.docx"))[0]
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "huzhou-women.yaml").write_text(
        "format: compliance-plan/1\n"
        "plan: {title: 湖州市妇女发展“十四五”规划, kind: women, level: municipal, jurisdiction: [浙江省, 湖州市], "
        "period: [2021, 2025]}\n"
        "domains: [妇女与健康, 妇女与经济]\n"
        "targets:\n"
        "  - {indicator: 孕产妇死亡率, domain: 妇女与健康, target: '<= 9 1/10万', text: 孕产妇死亡率控制在9/10万以下}\n"
        "  - {indicator: 适龄妇女宫颈癌人群筛查率, domain: 妇女与健康, target: '>= 70 %', text: 适龄妇女宫颈癌人群筛查率达到70%以上}\n",
        encoding="utf-8",
    )
    findings = [f for f in check(plan, [refs]).findings if f.rule == "parent-misquoted"]
    assert [f.indicator for f in findings] == ["maternal_mortality"]  # quotes ≤8 where 湖州 sets ≤9; ≥70 agrees
    assert "2025年目标/上级目标" in findings[0].render_message("en")


def test_a_digit_the_ocr_could_not_read_is_a_masked_digit(tmp_path: Path) -> None:
    """6■% in an OCR text: the value is illegible (masked), never 6% nor dropped; a ■ bullet is no number."""
    text = (
        "某某县儿童发展规划（2021—2030年）\n（一）儿童与健康\n主要目标：\n"
        "1.中小学生国家学生体质健康标准达标优良率达到6■%以上。\n"
        "2.婴儿死亡率控制在■.5‰以下。\n"
        "■加强儿童健康服务，3岁以下儿童系统管理率达到92%以上。\n"
    )
    (plan,) = extract(write(tmp_path, "ocr.txt", text), jurisdiction="贵州省/黔东南苗族侗族自治州/某某县")
    assert numeric(plan) == [
        (4, "中小学生国家学生体质健康标准达标优良率", ">=", None, "%", True),
        (5, "婴儿死亡率", "<=", None, "‰", True),
        (6, "3岁以下儿童系统管理率", ">=", Decimal(92), "%", False),
    ]


CHAPTERS = """某某省儿童发展规划（2021—2030年）
第一章  指导思想
坚持儿童优先原则。
第二章  儿童与健康
第一节  主要目标
1.婴儿死亡率控制在5‰以下。
第二节  策略措施
一、健全儿童健康服务体系。（一）加强妇幼保健机构建设。每个县至少有1所标准化的妇幼保健机构。（二）加强儿童近视防控。0—6岁儿童眼保健和视力检查覆盖率达到90%以上。
二、加强儿童营养改善。
第三章  儿童与教育
第一节  主要目标
1.学前教育毛入园率达到90%以上。
第四章  组织实施
一、加强组织领导。2025年开展中期评估。
"""


def test_a_numbered_heading_inside_a_chapter_is_the_chapters_own(tmp_path: Path) -> None:
    """Domains as chapters (第二章 儿童与健康): 一、… under 第二节 策略措施 is a measure heading, not a new part."""
    (plan,) = extract(write(tmp_path, "chapters.txt", CHAPTERS), jurisdiction="青海省")
    got = [(t.line, t.section, t.domain, t.target.value) for t in plan.targets if t.target.is_numeric]
    assert got == [
        (6, "main_targets", "儿童与健康", Decimal(5)),
        (8, "measures", "儿童与健康", Decimal(1)),
        (8, "measures", "儿童与健康", Decimal(90)),
        (12, "main_targets", "儿童与教育", Decimal(90)),
    ]
    assert not [u for u in plan.unparsed if u.line in (8, 9, 14)]
