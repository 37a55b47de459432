"""Extraction of plans written in styles the sample plans do not use.

Each test builds its own document: domains numbered 一、 under 第X部分 parts (text,
Markdown, a spreadsheet), percent-formatted spreadsheet cells and a title row above
a sheet's header, list numbers running into a digit (6.0～6个月…), Markdown
emphasis, a row whose unit nobody knows, county-level cities placed by the city
plan they follow, numbers written in Chinese, elliptical subjects (城市达到…), and
plan metadata: 州 city names (苏州市), a period on the line under a cover-page
title, citations broken across lines, repeated unparsed items, masked targets,
and places nobody can place (extraction asks).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.checking import check
from compliance.extraction import dump_plan, extract
from compliance.extraction import metadata as md
from compliance.loading.plans import loads_plan


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def numeric(plan) -> list[tuple[int, str, str, Decimal | None, str | None]]:
    return [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit)
        for t in plan.targets
        if t.target.is_numeric
    ]


def domains_of(plan) -> dict[str, str | None]:
    return {t.indicator: t.domain for t in plan.targets}


# --------------------------------------------------------------------------- 1. 一、儿童与健康 domains

PARTS = """某某县儿童发展规划（2021—2030年）
第一部分  总  论
根据《中国儿童发展纲要（2021—2030年）》，结合实际，制定本规划。
第二部分  发展领域、主要目标和策略措施
一、儿童与健康
（一）主要目标
1．婴儿死亡率控制在4‰以下。
（二）策略措施
1．孕前优生健康检查目标人群覆盖率不低于80%。
二、儿童与教育
（一）主要目标
1．学前教育毛入园率达到95%以上。
（二）主要措施
1．义务教育大班额比例控制在5%以内。
第三部分  组织实施
1．每年召开2次会议。
"""


def test_domains_numbered_as_parts_with_numbered_sections(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "parts.txt", PARTS), jurisdiction="湖北省/武汉市/某某县", level="county")
    assert plan.domains == ["儿童与健康", "儿童与教育"]
    assert [(t.line, t.domain, str(t.section)) for t in plan.targets] == [
        (7, "儿童与健康", "main_targets"),
        (9, "儿童与健康", "measures"),
        (12, "儿童与教育", "main_targets"),
        (14, "儿童与教育", "measures"),
    ]  # nothing from 组织实施
    missing = [f for f in check(plan).findings if f.rule == "missing-domain"]
    named = " ".join(f.message for f in missing)
    assert "儿童与健康" not in named and "儿童与教育" not in named
    assert missing  # the parent's other domains are still reported missing


def test_the_qa_one_liner(tmp_path: Path) -> None:
    text = "某某县儿童发展规划（2021—2030年）\n一、儿童与健康\n（一）主要目标\n1．婴儿死亡率控制在4‰以下。\n"
    (plan,) = extract(write(tmp_path, "a.txt", text), jurisdiction="湖北省/武汉市/某某县", level="county")
    assert plan.domains == ["儿童与健康"]
    assert plan.targets[0].domain == "儿童与健康"


def test_a_part_that_is_no_domain_stays_a_part(tmp_path: Path) -> None:
    text = PARTS.replace("第三部分  组织实施", "三、组织实施")
    (plan,) = extract(write(tmp_path, "parts.txt", text), jurisdiction="湖北省/武汉市/某某县", level="county")
    assert plan.domains == ["儿童与健康", "儿童与教育"]
    assert all(t.line != 16 for t in plan.targets)


MARKDOWN = """# 某某县儿童发展规划（2021—2030年）

## 第二部分 发展领域、主要目标和策略措施

### 一、儿童与健康

#### （一）主要目标

1. 婴儿死亡率控制在4‰以下。

#### （二）策略措施

- 每千名儿童拥有儿科执业（助理）医师达到1.12名。

### 二、儿童与安全

#### （一）主要目标

1. 儿童伤害死亡率以2020年为基数下降20%。
"""


def test_markdown_domain_headings(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "plan.md", MARKDOWN), jurisdiction="湖北省/武汉市/某某县", level="county")
    assert plan.domains == ["儿童与健康", "儿童与安全"]
    by_line = {t.line: t for t in plan.targets}
    assert by_line[9].domain == "儿童与健康" and str(by_line[9].section) == "main_targets"
    assert by_line[13].domain == "儿童与健康" and str(by_line[13].section) == "measures"
    assert not by_line[13].indicator.startswith("-")  # a Markdown bullet is no part of the indicator
    assert by_line[19].domain == "儿童与安全"


def _workbook(path: Path, rows: list[list[object]], formats: dict[str, str] | None = None, merge: str | None = None) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    if merge:
        sheet.merge_cells(merge)
    workbook.save(path)
    return path


def test_xlsx_domain_column_and_domain_rows(tmp_path: Path) -> None:
    with_column = _workbook(
        tmp_path / "column.xlsx",
        [
            ["领域", "指标", "2020年", "2025年"],
            ["妇女与健康", "孕产妇死亡率（1/10万）", 10.5, "<9"],
            [None, "妇女常见病筛查率（%）", 82, "≥90"],
            ["妇女与教育", "高中阶段女生毛入学率（%）", 95.3, "≥96"],
        ],
    )
    (plan,) = extract(with_column, kind="women", jurisdiction="湖北省/荆门市/东宝区", level="county", period=(2021, 2025))
    assert plan.domains == ["妇女与健康", "妇女与教育"]
    assert domains_of(plan) == {"孕产妇死亡率": "妇女与健康", "妇女常见病筛查率": "妇女与健康", "高中阶段女生毛入学率": "妇女与教育"}

    with_rows = _workbook(
        tmp_path / "rows.xlsx",
        [
            ["某某区妇女发展“十四五”规划主要指标"],
            ["序号", "指标名称", "现状值（2020年）", "目标值（2025年）"],
            ["一、妇女与健康"],
            [1, "孕产妇死亡率（1/10万）", 10.5, "＜9"],
            ["二、妇女与教育", None, None, None],
            [2, "高中阶段女生毛入学率（%）", 95.3, "≥96"],
            ["三、妇女与社会保障"],
            [3, "妇女基本养老保险参保率（%）", 92, "稳定在95以上"],
        ],
        merge="A1:D1",
    )
    (plan,) = extract(with_rows, jurisdiction="湖北省/荆门市/东宝区", level="county")
    assert plan.domains == ["妇女与健康", "妇女与教育", "妇女与社会保障"]
    assert domains_of(plan) == {"孕产妇死亡率": "妇女与健康", "高中阶段女生毛入学率": "妇女与教育", "妇女基本养老保险参保率": "妇女与社会保障"}
    # a phrase with a bare number is read in the unit of its row
    assert numeric(plan)[-1] == (8, "妇女基本养老保险参保率", ">=", Decimal(95), "%")


# --------------------------------------------------------------------------- 2. percent formats, title row


def test_xlsx_percent_formatted_cells_are_percentages(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "min9.xlsx",
        [
            ["某某县妇女发展“十四五”规划主要指标"],
            ["指标名称", "现状值（2020年）", "目标值（2025年）"],
            ["妇女常见病筛查率（%）", 0.82, 0.9],
            ["孕产妇系统管理率", 0.91, 0.935],
            ["孕产妇死亡率（1/10万）", 10.5, 9],  # a percent format slipped onto a row counted per 100 000
            ["女性平均受教育年限（年）", 10.2, 11],
        ],
        formats={"B3": "0%", "C3": "0%", "B4": "0.0%", "C4": "0.0%", "B5": "0%", "C5": "0%"},
    )
    (plan,) = extract(path, jurisdiction="湖北省/荆门市/某某县", level="county")
    assert numeric(plan) == [
        (3, "妇女常见病筛查率", ">=", Decimal(90), "%"),
        (4, "孕产妇系统管理率", ">=", Decimal("93.5"), "%"),
        (5, "孕产妇死亡率", "<=", Decimal(9), "1/10万"),  # a bare number: lower is better
        (6, "女性平均受教育年限", ">=", Decimal(11), "年"),
    ]
    first = plan.targets[0]
    assert first.baseline is not None and first.baseline.value == Decimal(82) and first.baseline.unit == "%"
    assert "90%" in (first.text or "")
    assert plan.targets[2].baseline is not None and plan.targets[2].baseline.value == Decimal("10.5")


def test_xlsx_title_row_names_the_plan(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "sheet1.xlsx",
        [
            ["某某区妇女发展规划（2021—2025年）主要指标", None, None],
            ["指标名称", "现状值（2020年）", "目标值（2025年）"],
            ["妇女常见病筛查率（%）", 82, "≥90"],
        ],
        merge="A1:C1",
    )
    (plan,) = extract(path, jurisdiction="湖北省/荆门市/某某区")
    assert "某某区妇女发展规划" in plan.plan.title and "sheet1" not in plan.plan.title
    assert list(plan.plan.period) == [2021, 2025]
    assert str(plan.plan.kind) == "women"

    path = _workbook(
        tmp_path / "sheet2.xlsx",
        [
            ["荆门市东宝区妇女发展“十四五”规划主要指标"],
            ["指标名称", "现状值（2020年）", "目标值（2025年）"],
            ["妇女常见病筛查率（%）", 82, "≥90"],
        ],
    )
    (plan,) = extract(path)
    assert plan.plan.title.startswith("荆门市东宝区妇女发展")
    assert plan.plan.jurisdiction[-2:] == ["荆门市", "东宝区"]
    assert str(plan.plan.level) == "county"
    assert list(plan.plan.period) == [2021, 2025]


# --------------------------------------------------------------------------- 3. list numbers running into a digit

LIST = """某某县儿童发展规划（2021—2030年）
（一）儿童与健康
主要目标：
1.新生儿、婴儿和5岁以下儿童死亡率分别降至2.5‰、4.0‰和5.5‰以下。
2.18岁以下儿童溺水死亡率持续下降。
3.适龄儿童免疫规划疫苗接种率保持在95%以上。
4.儿童常见疾病得到有效防治。
5.孕产妇死亡率控制在8/10万以下。
6.0～6个月婴儿纯母乳喂养率达到55%以上。
7.5岁以下儿童贫血率控制在10%以下。
8.中小学生体质健康标准达标优良率达到60%以上。
"""


def test_list_number_followed_by_a_digit_is_the_item_number(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "list.txt", LIST), jurisdiction="湖北省/武汉市/某某县", level="county")
    by_line = {t.line: t for t in plan.targets}
    assert by_line[9].indicator == "0～6个月婴儿纯母乳喂养率"
    assert by_line[9].text == "0～6个月婴儿纯母乳喂养率达到55%以上"
    assert by_line[10].indicator == "5岁以下儿童贫血率"
    assert (by_line[10].target.value, by_line[10].target.unit) == (Decimal(10), "%")
    assert by_line[5].indicator == "18岁以下儿童溺水死亡率"
    assert not plan.unparsed


def test_a_list_opening_with_such_an_item(tmp_path: Path) -> None:
    text = "某某县儿童发展规划（2021—2030年）\n（一）儿童与健康\n主要目标：\n1.0～6个月婴儿纯母乳喂养率达到55%以上。\n2.高中阶段毛入学率达到并保持在92%以上。\n"
    (plan,) = extract(write(tmp_path, "min4.txt", text), jurisdiction="湖北省/武汉市/某某县", level="county")
    assert [t.indicator for t in plan.targets][0] == "0～6个月婴儿纯母乳喂养率"


def test_a_decimal_out_of_the_list_sequence_is_a_decimal(tmp_path: Path) -> None:
    text = "某某县儿童发展规划（2021—2030年）\n（一）儿童与健康\n主要目标：\n1．婴儿死亡率控制在4‰以下。\n4.5岁以下儿童贫血率控制在10%以下。\n"
    (plan,) = extract(write(tmp_path, "decimal.txt", text), jurisdiction="湖北省/武汉市/某某县", level="county")
    line5 = [t for t in plan.targets if t.line == 5]
    assert line5 and line5[0].indicator.startswith("4.5")  # not item 2: left as written


# --------------------------------------------------------------------------- 4. Markdown emphasis


def test_markdown_emphasis_is_no_mask(tmp_path: Path) -> None:
    text = """# 某某县儿童发展规划（2021—2025年）

| 指标 | 2020年 | 2025年 |
|---|---|---|
| 学前教育毛入园率（%） | 91 | **≥95** |
| 九年义务教育巩固率（%） | 95 | __96.5__ |
| 儿童肥胖率（%） | 10 | **% |

（一）儿童与健康

主要目标：

1. 学前教育毛入园率达到**95%**以上。
2. 5岁以下儿童死亡率控制在4.**‰以下。
"""
    (plan,) = extract(write(tmp_path, "em.md", text), jurisdiction="湖北省/武汉市/某某县", level="county")
    by_line = {(t.line, t.indicator): t for t in plan.targets}
    first = by_line[(5, "学前教育毛入园率")].target
    assert (str(first.op), first.value, first.unit, first.masked) == (">=", Decimal(95), "%", False)
    second = by_line[(6, "九年义务教育巩固率")].target
    assert (second.value, second.masked) == (Decimal("96.5"), False)
    assert by_line[(7, "儿童肥胖率")].target.masked  # a lone ** is still a mask
    text_target = [t for t in plan.targets if t.line == 13][0].target
    assert (text_target.value, text_target.masked) == (Decimal(95), False)
    assert [t for t in plan.targets if t.line == 14][0].target.masked


# --------------------------------------------------------------------------- 5. a row nobody can read


def test_a_row_with_an_unknown_unit_goes_to_unparsed(tmp_path: Path) -> None:
    text = """# 某县儿童发展规划（2021—2030年）

| 指标 | 2020年 | 2030年 |
|---|---|---|
| 某罕见病发生率（1/亿） | 6.1 | <5 |
| 严重出生缺陷发生率（1/万） | 6.1 | <5 |
| 出生缺陷发生率 | 6 | 5/万 |
| 婴儿死亡率（‰） | 3.95 | ≤4.0 |
"""
    (plan,) = extract(write(tmp_path, "min1.md", text), jurisdiction="湖北省/武汉市/某县", level="county")
    assert (8, "婴儿死亡率", "<=", Decimal(4), "‰") in numeric(plan)
    assert 5 in [u.line for u in plan.unparsed]  # 1/亿: listed, not guessed, not fatal
    for line in (6, 7):  # 1/万: a target once the unit is known, else listed
        read = [t for t in plan.targets if t.line == line]
        assert read or line in [u.line for u in plan.unparsed]
        for t in read:
            assert t.target.unit == "1/万"
    again = loads_plan(dump_plan(plan))
    assert [(t.line, t.target) for t in again.targets] == [(t.line, t.target) for t in plan.targets]
    assert again.unparsed == plan.unparsed


def test_a_target_that_does_not_validate_goes_to_unparsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.extraction.tables as tables

    real = tables.read_cell

    def broken(text: str, unit: str | None, **options: object):
        if "5" in text:
            return [{"op": ">=", "value": Decimal(5), "unit": "no-such-unit"}]
        return real(text, unit, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(tables, "read_cell", broken)
    text = "# 某县儿童发展规划（2021—2030年）\n\n| 指标 | 2020年 | 2030年 |\n|---|---|---|\n| 甲率（%） | 1 | ≥5 |\n| 婴儿死亡率（‰） | 3.95 | ≤4.0 |\n"
    (plan,) = extract(write(tmp_path, "bad.md", text), jurisdiction="湖北省/武汉市/某县", level="county")
    assert [t.line for t in plan.targets] == [6]
    assert [u.line for u in plan.unparsed] == [5]
    assert "not read as a target" in (plan.unparsed[0].reason or "")


# --------------------------------------------------------------------------- 6. county-level cities


CITY = """宜都市妇女发展规划（2021—2030年）
根据《宜昌市妇女发展规划（2021—2030年）》，结合宜都实际，制定本规划。
（一）妇女与健康
主要目标：
1．孕产妇死亡率控制在8/10万以下。
"""


def test_a_city_following_a_city_plan_is_a_county_level_city(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "yidu.txt", CITY))
    assert plan.plan.jurisdiction[-2:] == ["宜昌市", "宜都市"]
    assert str(plan.plan.level) == "county"


def test_a_city_following_only_a_province_plan_stays_a_city(tmp_path: Path) -> None:
    # a city the gazetteer does not know (宜都市 itself it places: 湖北省/宜昌市/宜都市)
    text = CITY.replace("《宜昌市妇女发展规划（2021—2030年）》", "《湖北省妇女发展规划（2021—2030年）》")
    (plan,) = extract(write(tmp_path, "city.txt", text.replace("宜都市妇女", "某某市妇女")))
    assert plan.plan.jurisdiction == ["湖北省", "某某市"]
    assert str(plan.plan.level) == "municipal"
    (known,) = extract(write(tmp_path, "yidu.txt", text))
    assert known.plan.jurisdiction == ["湖北省", "宜昌市", "宜都市"]
    assert str(known.plan.level) == "county"


def test_a_county_following_a_city_plan_is_unchanged(tmp_path: Path) -> None:
    text = CITY.replace("宜都市妇女", "某某县妇女")
    (plan,) = extract(write(tmp_path, "county.txt", text))
    assert plan.plan.jurisdiction[-2:] == ["宜昌市", "某某县"]
    assert str(plan.plan.level) == "county"


# --------------------------------------------------------------------------- 7. numbers written in Chinese

CHINESE = """某某县儿童发展规划（2021—2030年）
（一）儿童与健康
主要目标：
1．出生缺陷发生率控制在万分之五以下。
2．市人大代表中女性比例不低于三分之一。
3．家庭教育指导服务覆盖率翻一番。
4．女性比例达到一半以上。
5．围产儿死亡率控制在千分之五以下。
"""
PHRASES = {4: "万分之五", 5: "三分之一", 6: "翻一番", 7: "一半", 8: "千分之五"}


def _covered(plan, line: int, phrase: str) -> bool:
    in_target = any(t.line == line and phrase in (t.text or "") for t in plan.targets if t.target.is_numeric)
    in_unparsed = any(u.line == line and phrase in u.text for u in plan.unparsed)
    return in_target or in_unparsed


def test_numbers_in_chinese_are_read_or_listed(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "cn.txt", CHINESE), jurisdiction="湖北省/武汉市/某某县", level="county")
    for line, phrase in PHRASES.items():
        assert _covered(plan, line, phrase), phrase


def test_numbers_in_chinese_the_parser_does_not_read_are_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.phrases

    monkeypatch.setattr(compliance.phrases, "parse", lambda text: [])
    (plan,) = extract(write(tmp_path, "cn.txt", CHINESE), jurisdiction="湖北省/武汉市/某某县", level="county")
    assert not plan.targets
    listed = {(u.line, u.reason) for u in plan.unparsed}
    for line, phrase in PHRASES.items():
        assert any(u.line == line and phrase in u.text for u in plan.unparsed), phrase
    assert all(reason for _, reason in listed)


def test_chinese_words_that_are_no_numbers_are_not_listed(tmp_path: Path) -> None:
    text = (
        "某某县儿童发展规划（2021—2030年）\n（一）儿童与健康\n主要目标：\n1．落实“十四五”规划，一方面加强儿童保健，另一方面提高服务水平。\n"
        "2．婴儿死亡率控制在4‰以下。\n"
    )
    (plan,) = extract(write(tmp_path, "words.txt", text), jurisdiction="湖北省/武汉市/某某县", level="county")
    assert not plan.unparsed


# --------------------------------------------------------------------------- 8. elliptical subjects


def test_elliptical_area_subjects_take_the_sentence_head(tmp_path: Path) -> None:
    text = """某某县儿童发展规划（2021—2030年）
（五）儿童与家庭
主要目标：
1．家长学校覆盖率：城市达到95%，农村达到85%。
2．城市儿童之家覆盖率保持在95%以上，农村达到90%。
3．儿童安全座椅使用率逐步提高，城市达到50%以上。
"""
    (plan,) = extract(write(tmp_path, "ell.txt", text), jurisdiction="湖北省/武汉市/某某县", level="county")
    assert numeric(plan) == [
        (4, "城市家长学校覆盖率", ">=", Decimal(95), "%"),
        (4, "农村家长学校覆盖率", ">=", Decimal(85), "%"),
        (5, "城市儿童之家覆盖率", ">=", Decimal(95), "%"),
        (5, "农村儿童之家覆盖率", ">=", Decimal(90), "%"),
        (6, "城市儿童安全座椅使用率", ">=", Decimal(50), "%"),
    ]


# --------------------------------------------------------------------------- 8. plan metadata (QA round 3)
BODY = """（一）儿童与健康
主要目标：
1．婴儿死亡率控制在4‰以下。
"""


def _plan_of(tmp_path: Path, head: str, cite: str = "") -> object:
    text = f"{head}儿童发展规划（2021—2030年）\n根据《中国儿童发展纲要（2021—2030年）》{cite}，结合实际，制定本规划。\n" + BODY
    (plan,) = extract(write(tmp_path, "plan.txt", text))
    return plan


@pytest.mark.parametrize(
    ("place", "parts"),
    [
        ("苏州市", ["苏州市"]),
        ("杭州市", ["杭州市"]),
        ("广州市", ["广州市"]),
        ("温州市", ["温州市"]),
        ("郑州市", ["郑州市"]),
        ("福州市", ["福州市"]),
        ("徐州市", ["徐州市"]),
        ("江苏省苏州市", ["江苏省", "苏州市"]),
        ("广州市天河区", ["广州市", "天河区"]),
        ("北京市通州区", ["北京市", "通州区"]),
        ("济南市市中区", ["济南市", "市中区"]),
        ("青岛市市北区", ["青岛市", "市北区"]),
        ("呼和浩特市回民区", ["呼和浩特市", "回民区"]),
        ("恩施土家族苗族自治州", ["恩施土家族苗族自治州"]),
        ("恩施州", ["恩施州"]),
        ("恩施州恩施市", ["恩施州", "恩施市"]),
        ("湖北省恩施土家族苗族自治州利川市", ["湖北省", "恩施土家族苗族自治州", "利川市"]),
        ("新疆维吾尔自治区喀什地区", ["新疆维吾尔自治区", "喀什地区"]),
        ("新平", ["新平"]),
    ],
)
def test_split_place_keeps_zhou_in_city_names(place: str, parts: list[str]) -> None:
    assert md.split_place(place) == parts


def test_a_zhou_city_is_a_city(tmp_path: Path) -> None:
    text = """苏州市儿童发展“十四五”规划
本规划根据《中国儿童发展纲要（2021—2030年）》和《江苏省“十四五”儿童发展规划》，结合苏州实际编制，规划期为2021—2025年。
""" + BODY
    (plan,) = extract(write(tmp_path, "suzhou.txt", text))
    assert plan.plan.jurisdiction == ["江苏省", "苏州市"]
    assert str(plan.plan.level) == "municipal"
    assert list(plan.plan.period) == [2021, 2025]


def test_a_district_of_a_zhou_city_is_a_county(tmp_path: Path) -> None:
    plan = _plan_of(tmp_path, "杭州市某某区")
    assert plan.plan.jurisdiction[-2:] == ["杭州市", "某某区"]
    assert str(plan.plan.level) == "county"


def test_an_autonomous_prefecture_is_a_city(tmp_path: Path) -> None:
    for head in ("恩施土家族苗族自治州", "恩施州"):
        plan = _plan_of(tmp_path, head)
        assert plan.plan.jurisdiction[-1] in ("恩施土家族苗族自治州", "恩施州")
        assert str(plan.plan.level) == "municipal"


COVER = """平阴县妇女发展规划
（２０２１—２０２５年）
平阴县妇女儿童工作委员会
２０２２年１月
为促进全县妇女事业高质量发展，根据《中国妇女发展纲要（２０２１—２０３０年）》《山东省妇女
发展规划（２０２１—２０２５年）》《济南市妇女发展规划（２０２１—２０２５年）》，结合我县实际，制定
本规划。
（一）妇女与健康
主要目标：
1．孕产妇死亡率控制在8/10万以下。
"""


def test_a_period_on_the_line_under_the_title_belongs_to_the_title(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "cover.txt", COVER))
    assert plan.plan.title == "平阴县妇女发展规划（2021—2025年）"
    assert list(plan.plan.period) == [2021, 2025]  # not the national outline's 2021–2030


def test_a_period_line_after_a_blank_line_and_in_half_width(tmp_path: Path) -> None:
    text = COVER.replace("（２０２１—２０２５年）\n", "\n(2021-2025年)\n", 1)
    (plan,) = extract(write(tmp_path, "cover.txt", text))
    assert plan.plan.title == "平阴县妇女发展规划(2021-2025年)"
    assert list(plan.plan.period) == [2021, 2025]


def test_citations_broken_across_lines_are_found(tmp_path: Path) -> None:
    (plan,) = extract(write(tmp_path, "cover.txt", COVER))
    assert list(plan.plan.follows) == [
        "中国妇女发展纲要（2021—2030年）",
        "山东省妇女发展规划（2021—2025年）",
        "济南市妇女发展规划（2021—2025年）",
    ]
    assert plan.plan.jurisdiction == ["山东省", "济南市", "平阴县"]
    assert str(plan.plan.level) == "county"


def test_a_citation_broken_inside_its_quotes(tmp_path: Path) -> None:
    text = """平阴县妇女发展规划（2021—2025年）
根据《山东省妇女发展“十四五”
规划》和《济南市妇女发展“十四五”规划》，结合我县实际，制定本规划。
（一）妇女与健康
主要目标：
1．孕产妇死亡率控制在8/10万以下。
"""
    (plan,) = extract(write(tmp_path, "wrap.txt", text))
    assert list(plan.plan.follows) == ["山东省妇女发展“十四五”规划", "济南市妇女发展“十四五”规划"]
    assert plan.plan.jurisdiction == ["山东省", "济南市", "平阴县"]


def test_citations_on_separate_sentences_stay_apart(tmp_path: Path) -> None:
    text = """某某县儿童发展规划（2021—2030年）
一、指导思想
坚持儿童优先
二、编制依据
根据《湖北省儿童发展规划（2021—2030年）》，结合实际，制定本规划。
（一）儿童与健康
主要目标：
1．婴儿死亡率控制在4‰以下。
"""
    (plan,) = extract(write(tmp_path, "parts.txt", text))
    assert list(plan.plan.follows) == ["湖北省儿童发展规划（2021—2030年）"]


REPEATED = """某某县妇女发展规划（2021—2025年）
（一）妇女与环境
主要目标：
1．城镇公共厕所男女厕位比例为2:3。
策略措施：
1.加快母婴设施建设。每年新建母婴室不少于20间，每年新建***处。
1.加快母婴设施建设。每年新建母婴室不少于20间，每年新建***处。
"""


def test_unparsed_items_of_a_repeated_paragraph_are_listed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import compliance.phrases as phrases

    monkeypatch.setattr(phrases, "parse", lambda text: [])  # nothing read: every number is unparsed
    (plan,) = extract(write(tmp_path, "repeat.txt", REPEATED), jurisdiction="湖北省/武汉市/某某县", level="county")
    items = [(u.line, u.text, u.reason) for u in plan.unparsed]
    assert len(items) == len(set((text, reason) for _, text, reason in items))
    lines = {text: line for line, text, _ in items}
    assert lines["每年新建母婴室不少于20间"] == 6
    assert lines["每年新建***处"] == 6
    assert 7 not in [line for line, _, _ in items]  # nothing from the repeat on line 7
    again = loads_plan(dump_plan(plan))
    assert again.unparsed == plan.unparsed


def test_a_masked_target_the_parser_reads_stays_a_masked_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the phrase parser reads **亿元以上, extraction keeps it as a masked target (not `unparsed`)."""
    import compliance.phrases as phrases

    real = phrases.parse

    def parse(text: str):  # a parser that knows the unit: read 亿元 as the (same-length) 万元
        return real(text.replace("亿元", "万元"))

    monkeypatch.setattr(phrases, "parse", parse)
    text = """某某区妇女发展规划（2021—2025年）
（一）妇女与经济
策略措施：
2.扶持妇女创业。创业担保贷款向女性创业者倾斜，每年发放妇女创业担保贷款**亿元以上。
"""
    (plan,) = extract(write(tmp_path, "masked.txt", text), jurisdiction="广东省/深圳市/某某区", level="county")
    masked = [t for t in plan.targets if t.target.masked]
    assert [(t.line, str(t.section)) for t in masked] == [(4, "measures")]
    assert "**" in (masked[0].text or "")
    assert not [u for u in plan.unparsed if u.line == 4]


def test_an_unknown_city_without_a_cited_province_is_a_city_without_province(tmp_path: Path) -> None:
    plan = _plan_of(tmp_path, "鹿州市")
    assert plan.plan.jurisdiction == ["鹿州市"]  # not [鹿州, 市], no province invented
    assert str(plan.plan.level) == "municipal"
    plan = _plan_of(tmp_path, "鹿州市", "《湖南省儿童发展规划（2021—2030年）》")
    assert plan.plan.jurisdiction == ["湖南省", "鹿州市"]
    assert str(plan.plan.level) == "municipal"  # a city under a province, not a guessed county
    plan = _plan_of(tmp_path, "鹿鸣县")
    assert (plan.plan.jurisdiction, str(plan.plan.level)) == (["鹿鸣县"], "county")


def test_an_unknown_place_without_a_suffix_is_written_with_its_level_unknown(tmp_path: Path) -> None:
    for cite in ("", "《云南省儿童发展规划（2021—2030年）》"):
        plan = _plan_of(tmp_path, "鹿鸣", cite)  # never refused for its metadata: the level stays unknown
        assert plan.plan.level is None and "level" in plan.plan.missing
        assert plan.targets
    plan = _plan_of(tmp_path, "鹿鸣", "《玉溪市儿童发展规划（2021—2030年）》")  # below a city: a county
    assert plan.plan.jurisdiction == ["云南省", "玉溪市", "鹿鸣"]
    assert str(plan.plan.level) == "county"


def test_a_milestone_and_a_final_value_in_one_sentence_keep_their_years(tmp_path: Path) -> None:
    text = (
        "某某区妇女发展规划（2021—2030年）\n（一）妇女与健康\n主要目标：\n"
        "1．孕产妇死亡率到2025年下降到8/10万以下，到2030年下降到7/10万以下。\n"
    )
    (plan,) = extract(write(tmp_path, "years.txt", text), jurisdiction="甘肃省/兰州市/城关区", level="county")
    assert [(t.indicator, t.target.value, t.year) for t in plan.targets] == [
        ("孕产妇死亡率", 8, 2025),
        ("孕产妇死亡率", 7, None),  # the plan's end year
    ]
    from compliance.checking import check

    assert not [f for f in check(plan).findings if f.rule == "conflicting-targets"]
