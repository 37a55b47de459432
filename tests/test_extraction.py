"""Extraction: documents in every supported format, noise, tables, plans in a notice, round trip."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from compliance.errors import InputError
from compliance.extraction import dump_plan, dump_plans, extract
from compliance.loading.plans import loads_plan

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "examples" / "texts"
JIAXING = TEXTS / "jiaxing-city-women-children-2021-2025.txt"
JINAN = TEXTS / "jinan-shizhong-district-women-children-2021-2025.txt"
XINPING = TEXTS / "xinping-county-women-children-2021-2030.txt"
GOLD = ROOT / "tests" / "data" / "gold"

# A county plan nobody has seen: an unknown county of 玉溪市, 主要目标 / 策略措施,
# a broken line and full-width digits.
PLAN = """峨山彝族自治县妇女发展规划（2021—2030年）
一、指导思想、基本原则和总体目标
依据宪法和妇女权益保障法，根据《玉溪妇女发展规划（2021—2030年）》，结合实际，制定本规划。
二、发展领域、主要目标和策略措施
（一）妇女与健康
主要目标：
1．孕产妇死亡率下降到9/10万以下。
2．适龄妇女宫颈癌人群筛查率达到70%以上，逐步提高乳
腺癌筛查覆盖率，乳腺癌筛查覆盖率达到９０％以上。
3．全县15—69岁女性健康素养水平达到30%以上。
策略措施：
1．加强妇幼健康服务体系建设，县级至少建立1家危重孕产妇救治中心。到2025年，产前筛查率达到85%以上。
2．开展“15分钟健身圈”建设。
（二）妇女与教育
主要目标：
1．九年义务教育巩固率达到97%以上。
策略措施：
1．提高女性科学素质，参加培训人数达到1200人。
三、组织实施
1．每年召开2次会议，各级妇儿工委每年至少召开1次全体会议。
"""

EXPECTED = [  # (line, op, value, unit, section)
    (7, "<=", Decimal(9), "1/10万", "main_targets"),
    (8, ">=", Decimal(70), "%", "main_targets"),
    (9, ">=", Decimal(90), "%", "main_targets"),
    (10, ">=", Decimal(30), "%", "main_targets"),
    (12, ">=", Decimal(1), "家", "measures"),
    (12, ">=", Decimal(85), "%", "measures"),
    (16, ">=", Decimal(97), "%", "main_targets"),
    (18, ">=", Decimal(1200), "人", "measures"),
]


def numeric(plan):
    return [
        (t.line, str(t.target.op), t.target.value, t.target.unit, str(t.section))
        for t in plan.targets
        if t.target.is_numeric
    ]


def write(tmp_path: Path, name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


# --------------------------------------------------------------------------- plain text


def test_plain_text_plan(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "plan.txt", PLAN))
    assert numeric(plan) == EXPECTED
    info = plan.plan
    assert info.title == "峨山彝族自治县妇女发展规划（2021—2030年）"
    assert str(info.kind) == "women" and str(info.level) == "county"
    # an unknown county completed upwards from the plan it follows
    assert info.jurisdiction == ["云南省", "玉溪市", "峨山彝族自治县"]
    assert info.period == (2021, 2030)
    assert info.follows == ["玉溪妇女发展规划（2021—2030年）"]
    assert plan.domains == ["妇女与健康", "妇女与教育"]
    by_line = {t.line: t for t in plan.targets if t.target.is_numeric}
    assert by_line[9].text == "乳腺癌筛查覆盖率达到９０％以上"  # joined over lines 8-9, kept on the number's line
    assert by_line[7].domain == "妇女与健康" and by_line[16].domain == "妇女与教育"
    year_2025 = [t for t in plan.targets if t.target.value == 85]
    assert year_2025[0].year == 2025  # a milestone inside a 2030 plan
    assert all(t.line < 19 for t in plan.targets)  # nothing from 组织实施


def test_gbk_text(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "gbk.txt", PLAN, encoding="gbk"))
    assert numeric(plan) == EXPECTED


def test_gb18030_text_with_explicit_encoding(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "gb.txt", PLAN, encoding="gb18030"), encoding="gb18030")
    assert numeric(plan) == EXPECTED


def test_utf8_bom_text(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "bom.txt", "\ufeff" + PLAN))
    assert numeric(plan) == EXPECTED
    assert plan.plan.title == "峨山彝族自治县妇女发展规划（2021—2030年）"


def test_crlf_text(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "crlf.txt", PLAN.replace("\n", "\r\n")))
    assert numeric(plan) == EXPECTED


def test_markdown(tmp_path: Path) -> None:
    text = PLAN.replace("（一）妇女与健康", "## （一）妇女与健康").replace("主要目标：", "**主要目标：**")
    (plan,) = extract(write(tmp_path, "plan.md", text))
    assert numeric(plan) == EXPECTED


def test_wrong_encoding_override_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, "gbk.txt", PLAN, encoding="gbk")
    with pytest.raises(InputError, match="utf-8"):
        extract(path, encoding="utf-8")
    with pytest.raises(InputError, match="unknown text encoding"):
        extract(path, encoding="no-such-codec")


def test_overrides(tmp_path: Path) -> None:
    (plan,) = extract(
        write(tmp_path, "plan.txt", PLAN), kind="children", jurisdiction="云南省/玉溪市/新平县", level="county"
    )
    assert str(plan.plan.kind) == "children"
    assert plan.plan.jurisdiction == ["云南省", "玉溪市", "新平彝族傣族自治县"]
    with pytest.raises(InputError):
        extract(write(tmp_path, "plan2.txt", PLAN), kind="men")


# --------------------------------------------------------------------------- masked digits and noise


def test_masked_digits(tmp_path: Path) -> None:
    text = PLAN.replace("9/10万以下", "7/***以下").replace("达到70%以上", "达到**.5%以上")
    (plan,) = extract(write(tmp_path, "masked.txt", text))
    masked = [t for t in plan.targets if t.target.masked]
    assert [(t.line, str(t.target.op), t.target.value) for t in masked] == [(7, "<=", None), (8, ">=", None)]
    assert masked[1].target.unit == "%"
    assert "masked" in dump_plan(plan)


def test_plan_repeated_twice(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "twice.txt", PLAN + "\n" + PLAN))
    assert numeric(plan) == EXPECTED  # the first copy, once
    assert "repeating" in (plan.plan.note or "")


def test_page_furniture_news_summary_and_bookmarks(tmp_path: Path) -> None:
    page = (
        "首页 > 政务公开 > 政策文件\n"
        "【字体：大 中 小】 打印本页\n"
        "峨山县印发妇女发展规划 到2030年孕产妇死亡率控制在10/10万以下，妇女常见病筛查率达到80%以上\n"
        "发布时间：2022-03-01 浏览次数：1234\n"
        "来源：峨山县妇联\n"
    )
    body = PLAN.replace("（一）妇女与健康", "[bookmark: _Toc1267724901_WPSOffice_Level1]（一）妇女与健康").replace(
        "主要目标：\n1．九年", "[bookmark: _Toc2]主要目标：\n1．九年"
    )
    tail = "查看原文\n上一篇：关于印发儿童发展规划的通知\n关闭窗口\n"
    (plan,) = extract(write(tmp_path, "page.txt", page + body + tail))
    shifted = [(line + 5, op, value, unit, section) for line, op, value, unit, section in EXPECTED]
    assert numeric(plan) == shifted
    assert not any("bookmark" in (t.text or "") for t in plan.targets)
    assert plan.domains == ["妇女与健康", "妇女与教育"]


def test_text_without_headings_is_read_by_its_numbered_lists(tmp_path: Path) -> None:
    """The first domain heading is lost: the lists before (二) are its targets, then its measures."""
    text = PLAN.replace("（一）妇女与健康\n主要目标：\n", "").replace("策略措施：\n1．加强", "1．加强", 1)
    (plan,) = extract(write(tmp_path, "lost.txt", text))
    sections = {(t.line, str(t.section), t.domain) for t in plan.targets if t.target.is_numeric}
    assert (5, "main_targets", "妇女与健康") in sections  # 孕产妇死亡率
    assert (9, "measures", "妇女与健康") in sections  # 危重孕产妇救治中心
    assert plan.domains[0] == "妇女与健康"


# --------------------------------------------------------------------------- unparsed numbers


def test_unparsed_numbers_are_listed(tmp_path: Path) -> None:
    text = PLAN.replace("2．开展“15分钟健身圈”建设。", "2．开展“15分钟健身圈”建设，开展3轮专项行动，覆盖3岁以下婴幼儿。")
    (plan,) = extract(write(tmp_path, "loose.txt", text))
    assert [(u.line, u.text) for u in plan.unparsed] == [(13, "开展3轮专项行动")]
    assert plan.unparsed[0].reason


def test_sample_texts_list_few_unparsed_numbers() -> None:
    for path in (JIAXING, JINAN, XINPING):
        for plan in extract(path):
            for item in plan.unparsed:
                assert item.line and item.text and item.reason
            assert len(plan.unparsed) <= 5, [u.text for u in plan.unparsed]


# --------------------------------------------------------------------------- .docx


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("峨山彝族自治县儿童发展规划（2021—2030年）")
    document.add_paragraph("根据《玉溪儿童发展纲要（2021—2030年）》，制定本规划。")
    document.add_paragraph("一、重点指标目标表")
    table = document.add_table(rows=4, cols=5)
    for k, text in enumerate(["领域", "序号", "指标", "2020年", "2030年"]):
        table.cell(0, k).text = text
    rows = [
        ["儿童与健康", "1", "婴儿死亡率（‰）", "3.2", "＜3"],
        ["", "2", "每千人口3岁以下婴幼儿托位数（个）", "1.5", "≥4.5"],
        ["儿童与教育", "3", "学前教育毛入园率（％）", "92.1", "提高"],
    ]
    for r, row in enumerate(rows, start=1):
        for k, text in enumerate(row):
            table.cell(r, k).text = text
    table.cell(1, 0).merge(table.cell(2, 0))  # a vertically merged domain cell
    document.add_paragraph("二、发展领域、主要目标和策略措施")
    document.add_paragraph("（一）儿童与健康")
    document.add_paragraph("主要目标：")
    document.add_paragraph("1．新生儿、婴儿和5岁以下儿童死亡率分别降至2‰、3‰和4‰以下。")
    document.add_paragraph("策略措施：")
    document.add_paragraph("1．每千名儿童拥有儿科执业（助理）医生达到1.2名。")
    document.add_paragraph("三、组织实施")
    document.save(str(path))
    return path


def test_docx_paragraphs_and_table(tmp_path: Path) -> None:
    (plan,) = extract(_docx(tmp_path / "plan.docx"))
    assert str(plan.plan.kind) == "children"
    assert plan.plan.jurisdiction == ["云南省", "玉溪市", "峨山彝族自治县"]
    rows = [t for t in plan.targets if str(t.section) == "indicator_table"]
    got = [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.domain) for t in rows]
    assert got == [
        (5, "婴儿死亡率", "<", Decimal(3), "‰", "儿童与健康"),
        (6, "每千人口3岁以下婴幼儿托位数", ">=", Decimal("4.5"), "个/千人", "儿童与健康"),
        (7, "学前教育毛入园率", "qual", None, "%", "儿童与教育"),
    ]
    assert rows[0].baseline is not None and rows[0].baseline.value == Decimal("3.2") and rows[0].baseline.year == 2020
    text = [(t.line, t.indicator, t.target.value, str(t.section)) for t in plan.targets if str(t.section) != "indicator_table"]
    assert text == [
        (11, "新生儿死亡率", Decimal(2), "main_targets"),
        (11, "婴儿死亡率", Decimal(3), "main_targets"),
        (11, "5岁以下儿童死亡率", Decimal(4), "main_targets"),
        (13, "每千名儿童拥有儿科执业（助理）医生", Decimal("1.2"), "measures"),
    ]
    assert plan.domains[:2] == ["儿童与健康", "儿童与教育"]


def test_broken_docx_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="docx"):
        extract(write(tmp_path, "broken.docx", b"PK\x03\x04 not really a zip"))


# --------------------------------------------------------------------------- .xlsx


def _xlsx(path: Path) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["嘉善县妇女发展“十四五”规划重点指标目标表"])
    sheet.append(["领域", "序号", "指标名称", "基期值", "2025年"])
    sheet.append(["妇女与健康", 1, "孕产妇死亡率（1/10万）", 0, "<7"])
    sheet.append([None, 2, "婚前医学检查率（％）", 92.41, ">85"])
    sheet.append(["妇女与教育", 3, "高中阶段女生毛入学率（％）", 99.32, 99])
    sheet.append(["妇女与社会保障", 4, "城镇职工生育保险女性参保人数（万人）", 118.01, "应保尽保"])
    sheet.append([None, 5, "城乡居民基本养老保险女性参保人数（万人）", 165.74, None])
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("A6:A7")
    sheet.merge_cells("E6:E7")
    workbook.save(str(path))
    return path


def test_xlsx_indicator_table(tmp_path: Path) -> None:
    (plan,) = extract(_xlsx(tmp_path / "table.xlsx"))
    assert plan.plan.title == "嘉善县妇女发展“十四五”规划重点指标目标表" or "嘉善" in plan.plan.title
    assert str(plan.plan.kind) == "women"
    assert plan.plan.jurisdiction == ["浙江省", "嘉兴市", "嘉善县"]
    assert plan.plan.period == (2021, 2025)
    got = [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.domain) for t in plan.targets]
    assert got == [
        (3, "孕产妇死亡率", "<", Decimal(7), "1/10万", "妇女与健康"),
        (4, "婚前医学检查率", ">", Decimal(85), "%", "妇女与健康"),
        (5, "高中阶段女生毛入学率", ">=", Decimal(99), "%", "妇女与教育"),
        (6, "城镇职工生育保险女性参保人数", "qual", None, "万人", "妇女与社会保障"),
        (7, "城乡居民基本养老保险女性参保人数", "qual", None, "万人", "妇女与社会保障"),
    ]
    assert all(str(t.section) == "indicator_table" for t in plan.targets)
    assert plan.targets[1].baseline.value == Decimal("92.41")


def test_xlsx_without_a_header_is_an_input_error_or_empty(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["just", "numbers", 1, 2])
    path = tmp_path / "nothing.xlsx"
    workbook.save(str(path))
    with pytest.raises(InputError):
        extract(path)


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("name", ["plan.ods", "plan", "plan.yaml"])
def test_unsupported_file_type(tmp_path: Path, name: str) -> None:
    from compliance.reading import FORMATS

    path = write(tmp_path, name, PLAN)
    with pytest.raises(InputError) as caught:
        extract(path)
    message = str(caught.value)
    assert name in message and FORMATS in message and ".pdf" in FORMATS and ".html" in FORMATS


@pytest.mark.parametrize("name", ["plan.pdf", "plan.doc", "plan.wps"])
def test_text_under_a_binary_format_suffix_is_refused(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, PLAN)
    with pytest.raises(InputError) as caught:
        extract(path)
    message = str(caught.value)
    assert name in message and "not a" in message and "suffix" in message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        extract(tmp_path / "absent.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match="is a folder"):
        extract(folder)


def test_binary_file_named_txt(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        extract(write(tmp_path, "binary.txt", bytes(range(256)) * 4))


# --------------------------------------------------------------------------- the sample texts


def test_two_plans_in_one_notice() -> None:
    women, children = extract(JINAN)
    assert (str(women.plan.kind), str(children.plan.kind)) == ("women", "children")
    assert women.plan.title == "济南市市中区“十四五”妇女发展规划"
    assert children.plan.title == "济南市市中区“十四五”儿童发展规划"
    for plan in (women, children):
        assert plan.plan.document_number == "市中政发〔2022〕7号"
        assert plan.plan.jurisdiction == ["山东省", "济南市", "市中区"]
        assert str(plan.plan.level) == "county" and plan.plan.period == (2021, 2025)
    assert max(t.line for t in women.targets) < 249 <= min(t.line for t in children.targets)
    assert women.plan.follows[0] == "中国妇女发展纲要（2021-2030年）"
    unit = next(t for t in women.targets if t.line == 41)
    assert unit.lead_units == ["区卫生健康局"] and unit.responsible_units == ["区总工会", "区妇联", "区财政局"]


def test_wrong_header_kind_comes_from_the_body() -> None:
    women, children = extract(XINPING)
    assert str(children.plan.kind) == "children"
    assert children.plan.title == "新平儿童发展规划（2021—2030年）"
    assert "新平妇女发展规划" in (children.plan.note or "")
    assert women.plan.jurisdiction == ["云南省", "玉溪市", "新平彝族傣族自治县"]
    assert women.domains[0] == "妇女与健康"  # its heading is lost in the text


def _gold_table(name: str) -> list[tuple]:
    data = json.loads((GOLD / name).read_text(encoding="utf-8"))
    return sorted(
        (t["line"], t["comparator"], None if t["value"] is None else Decimal(str(t["value"])))
        for t in data["targets"]
        if t["section"] == "indicator_table"
    )


# (line of the 2025 cell, indicator, 2020 baseline as written) of every row of both 嘉兴 tables
JIAXING_WOMEN_ROWS = [
    (35, "妇女人均预期寿命", "85.02"), (41, "孕产妇死亡率", "0"), (47, "婚前医学检查率", "92.41"),
    (53, "妇女国民体质合格率", None), (59, "高中阶段女生毛入学率", "99.32"), (65, "普通高校在校生中女性比例", "53.37"),
    (71, "高等教育毛入学率", "62.27"), (77, "职业技能培训中女性所占比例", "48.9"), (83, "女职工接受技能培训比例", "51.8"),
    (89, "高级专业技术人员的女性比例", "39.2"), (95, "已就业残疾妇女占劳动年龄段残疾妇女的比例", "60.2"),
    (102, "市级人大代表中女性比例", "24.3"), (108, "市级政协委员中女性比例", "30.1"),
    (114, "县（市、区）党委领导班子中配有女干部的班子比例", "100"),
    (114, "县（市、区）政府领导班子中配有女干部的班子比例", "85.71"),
    (129, "城镇职工生育保险女性参保人数", "118.01"), (129, "城乡居民基本养老保险女性参保人数", "165.74"),
    (129, "城镇女性参加失业保险人数", "64.3"), (129, "城镇女职工参加工伤保险人数", "72.19"),
    (154, "获得法律机构援助的女性人数", "2354"), (160, "建立妇女活动中心的县（市、区）比例", "71.43"),
]
JIAXING_CHILDREN_ROWS = [
    (360, "新增省示范家长学校和家庭教育指导服务站点数", None), (366, "中小学建成数字家长学校比例", None),
    (372, "严重致残的出生缺陷发生率", "11"), (378, "婴儿死亡率", "2"), (384, "千名儿童儿科执业（助理）医师数", "1.03"),
    (390, "每千人拥有3岁以下婴幼儿托位数", "0.8"), (396, "儿童青少年总体近视率", "58.4"), (402, "12岁儿童龋齿发生率", None),
    (408, "国家学生体质健康标准达标优良率", None), (414, "学前三年教育毛入园率", "99.60"), (420, "普惠性幼儿园覆盖率", "90"),
    (426, "高中阶段毛入学率", "99.32"), (432, "儿童伤害死亡率", "8.01"), (438, "未成年人救助保护中心实体化运行率", None),
    (444, "残疾儿童康复救助人数", "514"), (454, "获得法律机构援助的未成年人数", "516"),
    (462, "未成年人犯罪人数占同期犯罪人数比例", "1.41"), (472, "镇（街道）建有示范型儿童之家比例", None),
    (478, "建立儿童活动中心的县（市、区）比例", "71.43"),
]


def test_jiaxing_indicator_tables() -> None:
    women, children = extract(JIAXING)
    for plan, rows, gold in ((women, JIAXING_WOMEN_ROWS, "jiaxing-women.json"), (children, JIAXING_CHILDREN_ROWS, "jiaxing-children.json")):
        table = [t for t in plan.targets if str(t.section) == "indicator_table"]
        seen = []
        for t in table:
            entry = (t.line, t.indicator, None if t.baseline is None else t.baseline.value)
            if entry not in seen:
                seen.append(entry)
        assert seen == [(line, name, None if base is None else Decimal(base)) for line, name, base in rows]
        for t in table:
            if t.baseline is not None:
                assert t.baseline.year == 2020
        assert sorted((t.line, str(t.target.op), t.target.value) for t in table) == _gold_table(gold)
    # cells split over two lines, qualitative cells with their direction
    by_line = {t.line: t for t in children.targets if str(t.section) == "indicator_table"}
    assert str(by_line[444].target.direction) == "full_coverage"
    assert str(by_line[462].target.direction) == "decrease"
    assert by_line[390].target.unit == "个/千人"
    merged = [t for t in women.targets if t.indicator == "城镇女职工参加工伤保险人数"]
    assert merged[0].line == 129 and "merged" in (merged[0].note or "")


# --------------------------------------------------------------------------- output


@pytest.mark.parametrize("path", [JIAXING, JINAN, XINPING], ids=lambda p: p.name.split("-")[0])
def test_dump_and_load_round_trip(path: Path) -> None:
    plans = extract(path)
    stream = dump_plans(plans)
    assert "妇女" in stream and "\\u" not in stream  # Chinese as written
    documents = stream.split("\n---\n")
    assert len(documents) == len(plans)
    for plan, text in zip(plans, documents, strict=True):
        loaded = loads_plan(text)
        assert _comparable(loaded) == _comparable(plan)
        assert dump_plan(loaded) == dump_plan(plan)


def _comparable(plan):
    data = plan.model_dump(mode="json", exclude={"path"})
    for target in data["targets"]:
        target.pop("position", None)
        target.pop("written", None)
    return data


def test_dump_is_in_document_order_with_structured_targets() -> None:
    (women, _) = extract(XINPING)
    text = dump_plan(women)
    lines = [t.line for t in women.targets]
    assert lines == sorted(lines)
    assert "target: {op: <=, value: 9, unit: 1/10万}" in text
    assert text.index("format:") < text.index("plan:") < text.index("domains:") < text.index("targets:")
