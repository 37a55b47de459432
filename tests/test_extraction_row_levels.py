"""Indicator tables in which each indicator takes several rows, in small documents written here (none copied).

Two classes of shape, each read from what the cells hold:

- a level column (对照层级, 层级 …) says whose values a row holds: a parent's row (the city's, 上级) quotes the
  parent's targets — kept as the plan's row's `parent_target`, compared with the encoded parent, never read as the
  plan's targets — and the plan's row (本县, the lowest level the rows name) gives its own;
- a year column (年份, 年度 …) says which year a row's values are for: the 2025 row a mid-term target, the final
  year's row the plan's target, a year before the period a baseline; the name, unit, baseline and a parent's
  reference merged vertically over the indicator's rows are each row's.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract
from tests.makedocs import word_table

D = Decimal


def _rows(plan) -> list[tuple]:
    return [
        (t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.year)
        for t in plan.targets
        if t.section == "indicator_table"
    ]


def _parents(plan) -> list[tuple]:
    return [
        (t.indicator, t.year, t.parent_target.value if t.parent_target else None, t.parent_column)
        for t in plan.targets
        if t.section == "indicator_table"
    ]


# --------------------------------------------------------------------------- a level column: a parent's rows


def _level_docx(path: Path, labels: tuple[str, str], header: str = "对照层级") -> Path:
    """汝城县's women's plan: each indicator a row for the city (郴州市) and one for the county (本县), the name, unit
    and baseline merged over the pair, 领域 over its indicators; a bare percentage is a floor (注)."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("汝城县妇女发展规划（2021—2030年）")
    document.add_paragraph("根据《中国妇女发展纲要（2021—2030年）》和《郴州市妇女发展规划（2021—2030年）》，制定本规划。")
    document.add_paragraph("附表  主要指标")
    parent, own = labels
    rows = [
        ["序号", "领域", "指标", "单位", "基期值（2020年）", header, "目标值", "", "属性"],
        ["", "", "", "", "", "", "2025年", "2030年", ""],
        ["1", "健康", "孕产妇死亡率", "1/10万", "13.5", parent, "≤12", "≤11", "约束性"],
        ["", "", "", "", "", own, "≤12", "≤10", ""],
        ["2", "", "妇女常见病筛查率", "%", "81.2", parent, "≥85", "≥90", "预期性"],
        ["", "", "", "", "", own, "86", "91", ""],
        ["3", "决策", "村民委员会成员中女性比例", "%", "26.4", parent, "—", "—", "约束性"],
        ["", "", "", "", "", own, "28", "32", ""],
    ]
    merges = [(0, k, 1, k) for k in (0, 1, 2, 3, 4, 5, 8)] + [(0, 6, 0, 7)]
    merges += [(r, k, r + 1, k) for r in (2, 4, 6) for k in (0, 2, 3, 4, 8)] + [(2, 1, 5, 1), (6, 1, 7, 1)]
    word_table(document, rows, merges)
    document.add_paragraph("注：1.对照层级为郴州市的行仅供对照。2.未标注符号的百分比按“不低于”执行。")
    document.add_paragraph("五、组织实施")
    document.add_paragraph("（一）加强组织领导。")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def test_a_parents_rows_under_a_level_column_are_references_and_the_plans_rows_its_targets(tmp_path: Path) -> None:
    """对照层级 郴州市 | 本县: the city's rows are never the plan's targets; each value of the county's row keeps the
    city's value of the same column as its parent's target, and the merged name, unit and domain are the row's."""
    (plan,) = extract(_level_docx(tmp_path / "levels.docx", ("郴州市", "本县")))
    assert plan.plan.jurisdiction == ["湖南省", "郴州市", "汝城县"]
    assert _rows(plan) == [
        (7, "孕产妇死亡率", "<=", D(12), "1/10万", 2025),  # the county's row (the city's is line 6)
        (7, "孕产妇死亡率", "<=", D(10), "1/10万", None),
        (9, "妇女常见病筛查率", ">=", D(86), "%", 2025),
        (9, "妇女常见病筛查率", ">=", D(91), "%", None),
        (11, "村民委员会成员中女性比例", ">=", D(28), "%", 2025),
        (11, "村民委员会成员中女性比例", ">=", D(32), "%", None),
    ]
    assert _parents(plan) == [
        ("孕产妇死亡率", 2025, D(12), "郴州市/目标值/2025年"),
        ("孕产妇死亡率", None, D(11), "郴州市/目标值/2030年"),
        ("妇女常见病筛查率", 2025, D(85), "郴州市/目标值/2025年"),
        ("妇女常见病筛查率", None, D(90), "郴州市/目标值/2030年"),
        ("村民委员会成员中女性比例", 2025, None, None),  # the city's row says —: no quote
        ("村民委员会成员中女性比例", None, None, None),
    ]
    assert [t.baseline.value for t in plan.targets if t.section == "indicator_table"][::2] == [D("13.5"), D("81.2"), D("26.4")]
    # the text: the city's row and the county's, as the document has them (merged cells once)
    assert {t.text for t in plan.targets if t.line == 7} == {"1 | 健康 | 孕产妇死亡率 | 1/10万 | 13.5 | 郴州市 | ≤12 | ≤11 | 约束性 | 本县 | ≤12 | ≤10"}
    assert not plan.unparsed


def test_the_citys_quotes_are_no_misquote_and_no_evidence_against_the_plans_own_values(tmp_path: Path) -> None:
    """With no plan of the city encoded, the city's rows are compared with nothing (a city's target is not the
    outline's), and the county's ≤12 that equals the city's quote still agrees with its row's text."""
    from compliance.checking import check

    (plan,) = extract(_level_docx(tmp_path / "levels.docx", ("郴州市", "本县")))
    rules = {f.rule for f in check(plan).findings}
    assert not rules & {"parent-misquoted", "text-mismatch"}


def test_of_several_parents_rows_the_nearest_levels_is_the_quote(tmp_path: Path) -> None:
    """国家 | 省级 | 本县 rows: the province's value is the county's parent quote, the outline's row is read too."""
    text = tmp_path / "plan.txt"
    text.write_text(
        "汝城县妇女发展规划（2021—2030年）\n三、主要指标\n"
        "序号\t指标\t单位\t对照层级\t2030年目标值\n"
        "1\t孕产妇死亡率\t1/10万\t国家\t≤12\n"
        "\t\t\t省级\t≤10\n"
        "\t\t\t本县\t≤9\n"
        "四、组织实施\n",
        encoding="utf-8",
    )
    (plan,) = extract(text)
    assert [(value, parent, column) for _, _, parent, column in _parents(plan) for value in [plan.targets[0].target.value]] == [
        (D(9), D(10), "省级/2030年目标值")
    ]


def test_the_plans_row_first_and_levels_named_by_words_are_read_the_same(tmp_path: Path) -> None:
    """The county's row above the city's, labelled 县级 | 市级 under 层级: the lower level is the plan's, whatever the
    order of the rows."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("汝城县儿童发展规划（2021—2030年）")
    document.add_paragraph("三、主要指标")
    rows = [
        ["指标名称", "单位", "层级", "2030年目标"],
        ["婴儿死亡率", "‰", "县级", "≤4.5"],
        ["", "", "市级", "≤5"],
        ["学前教育毛入园率", "%", "县级", "≥93"],
        ["", "", "市级", "≥92"],
    ]
    word_table(document, rows, [(1, 0, 2, 0), (1, 1, 2, 1), (3, 0, 4, 0), (3, 1, 4, 1)])
    document.add_paragraph("四、组织实施")
    path = tmp_path / "own-first.docx"
    document.save(str(path))
    (plan,) = extract(path)
    assert _rows(plan) == [(4, "婴儿死亡率", "<=", D("4.5"), "‰", None), (6, "学前教育毛入园率", ">=", D(93), "%", None)]
    assert [(name, value, column) for name, _, value, column in _parents(plan)] == [
        ("婴儿死亡率", D(5), "市级/2030年目标"), ("学前教育毛入园率", D(92), "市级/2030年目标")
    ]


def test_a_level_column_in_a_text_table_and_in_a_workbook(tmp_path: Path) -> None:
    """The same shape as tab-separated text (the name left empty on the county's row) and as a workbook whose merged
    ranges repeat the name: 上级 | 本级 in the one, the city's name and the county's in the other."""
    text = tmp_path / "plan.txt"
    text.write_text(
        "汝城县妇女发展规划（2021—2030年）\n三、主要指标\n"
        "序号\t指标\t单位\t对照层级\t2030年目标值\n"
        "1\t孕产妇死亡率\t1/10万\t上级\t≤11\n"
        "\t\t\t本级\t≤10\n"
        "2\t妇女常见病筛查率\t%\t上级\t≥90\n"
        "\t\t\t本级\t≥91\n"
        "四、组织实施\n",
        encoding="utf-8",
    )
    (plan,) = extract(text)
    assert [(line, name, value) for line, name, _, value, _, _ in _rows(plan)] == [
        (5, "孕产妇死亡率", D(10)), (7, "妇女常见病筛查率", D(91))
    ]
    assert [value for _, _, value, _ in _parents(plan)] == [D(11), D(90)]

    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "主要指标"
    sheet.append(["汝城县妇女发展规划（2021—2030年）主要指标"])
    sheet.append(["序号", "指标", "单位", "对比层级", "2030年目标值"])
    for row in (
        [1, "孕产妇死亡率", "1/10万", "汝城县", "≤10"], [None, None, None, "郴州市", "≤11"],
        [2, "妇女常见病筛查率", "%", "汝城县", 0.91], [None, None, None, "郴州市", 0.9],
    ):
        sheet.append(row)
    for top in (3, 5):
        for column in "ABC":
            sheet.merge_cells(f"{column}{top}:{column}{top + 1}")
    sheet["E5"].number_format = sheet["E6"].number_format = "0%"
    book = tmp_path / "levels.xlsx"
    workbook.save(str(book))
    (plan,) = extract(book)
    assert [(name, op, value, unit) for _, name, op, value, unit, _ in _rows(plan)] == [
        ("孕产妇死亡率", "<=", D(10), "1/10万"), ("妇女常见病筛查率", ">=", D(91), "%")
    ]
    assert [(value, column) for _, _, value, column in _parents(plan)] == [
        (D(11), "郴州市/2030年目标值"), (D(90), "郴州市/2030年目标值")
    ]


def test_rows_naming_one_level_only_are_all_the_plans(tmp_path: Path) -> None:
    """A level column whose rows all name the plan (本县) holds no parent's rows: every row is read, as before."""
    text = tmp_path / "plan.txt"
    text.write_text(
        "汝城县妇女发展规划（2021—2030年）\n三、主要指标\n"
        "序号\t指标\t单位\t层级\t2030年目标值\n"
        "1\t孕产妇死亡率\t1/10万\t本县\t≤10\n"
        "2\t妇女常见病筛查率\t%\t本县\t≥91\n"
        "四、组织实施\n",
        encoding="utf-8",
    )
    (plan,) = extract(text)
    assert [(name, value) for _, name, _, value, _, _ in _rows(plan)] == [("孕产妇死亡率", D(10)), ("妇女常见病筛查率", D(91))]


def test_a_level_naming_where_each_indicator_comes_from_is_no_parents_row(tmp_path: Path) -> None:
    """层级 国家 | 省级 | 县级 on one row each (which plan's list an indicator comes from): no indicator has a row of
    the plan beside it, so no row is a parent's and every row is read."""
    text = tmp_path / "plan.txt"
    text.write_text(
        "汝城县妇女发展规划（2021—2030年）\n三、主要指标\n"
        "序号\t指标\t单位\t层级\t2030年目标值\n"
        "1\t孕产妇死亡率\t1/10万\t国家\t≤10\n"
        "2\t妇女常见病筛查率\t%\t省级\t≥91\n"
        "3\t妇女就业技能培训人次\t万人次\t县级\t≥1.2\n"
        "四、组织实施\n",
        encoding="utf-8",
    )
    (plan,) = extract(text)
    assert [(name, value) for _, name, _, value, _, _ in _rows(plan)] == [
        ("孕产妇死亡率", D(10)), ("妇女常见病筛查率", D(91)), ("妇女就业技能培训人次", D("1.2"))
    ]
    assert not [t for t in plan.targets if t.parent_target]


def test_a_parents_row_misquoting_the_national_outline_is_reported(tmp_path: Path) -> None:
    """A 国家 row quoting the outline's 孕产妇死亡率 as ≤11 (the outline sets ≤12): parent-misquoted names the row."""
    from compliance.checking import check

    text = tmp_path / "plan.txt"
    text.write_text(
        "汝城县妇女发展规划（2021—2030年）\n三、主要指标\n"
        "序号\t指标\t单位\t对照层级\t2030年目标值\n"
        "1\t孕产妇死亡率\t1/10万\t国家\t≤11\n"
        "\t\t\t本县\t≤10\n"
        "四、组织实施\n",
        encoding="utf-8",
    )
    (plan,) = extract(text)
    misquoted = [f for f in check(plan).findings if f.rule == "parent-misquoted"]
    assert [(f.indicator_name, f.plan_target.parent_target.value, f.plan_target.parent_column) for f in misquoted] == [
        ("孕产妇死亡率", D(11), "国家/2030年目标值")
    ]


def test_a_citys_row_is_compared_with_that_citys_plan_only(tmp_path: Path) -> None:
    """郴州市's row quoting ≤11 (stricter than the outline's ≤12) is the city's own target, no misquote of the outline;
    given the city's plan (≤10.5), the quote disagrees with it and is reported, naming the city's row."""
    from compliance.checking import check

    text = tmp_path / "plan.txt"
    text.write_text(
        "汝城县妇女发展规划（2021—2030年）\n三、主要指标\n"
        "序号\t指标\t单位\t对照层级\t2030年目标值\n"
        "1\t孕产妇死亡率\t1/10万\t郴州市\t≤11\n"
        "\t\t\t本县\t≤10\n"
        "四、组织实施\n",
        encoding="utf-8",
    )
    (plan,) = extract(text)
    assert not [f for f in check(plan).findings if f.rule == "parent-misquoted"]
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "city-women.yaml").write_text(
        "format: compliance-plan/1\n"
        "plan: {title: 郴州市妇女发展规划（2021—2030年）, kind: women, level: municipal, jurisdiction: [湖南省, 郴州市], "
        "period: [2021, 2030]}\n"
        "domains: [妇女与健康]\n"
        "targets:\n"
        "  - {indicator: 孕产妇死亡率, domain: 妇女与健康, target: '<= 10.5 1/10万', text: 孕产妇死亡率控制在10.5/10万以下}\n",
        encoding="utf-8",
    )
    misquoted = [f for f in check(plan, [refs]).findings if f.rule == "parent-misquoted"]
    assert [(f.indicator, f.plan_target.parent_column) for f in misquoted] == [("maternal_mortality", "郴州市/2030年目标值")]


# --------------------------------------------------------------------------- a year column: a row per year


def _year_rows_docx(path: Path, years: tuple[str, str] = ("2025年", "2030年"), header: str = "年份") -> Path:
    """汝城县's children's plan: each indicator a row per year under the county's 目标值, the name, unit, baseline and
    the city's 2030 reference (郴州市目标值（2030年）) merged over the pair."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("汝城县儿童发展规划（2021—2030年）")
    document.add_paragraph("三、主要指标")
    first, second = years
    rows = [
        ["领域", "序号", "指标", "单位", "2020年基数", "汝城县目标值", "", "郴州市目标值（2030年）"],
        ["", "", "", "", "", header, "目标值", ""],
        ["健康", "1", "婴儿死亡率", "‰", "4.9", first, "≤4.6" if first == "2025年" else "≤4.2", "≤4.5"],
        ["", "", "", "", "", second, "≤4.2" if first == "2025年" else "≤4.6", ""],
        ["", "2", "儿童伤害死亡率", "1/10万", "13.2", first, "下降8%" if first == "2025年" else "下降18%", "下降15%"],
        ["", "", "", "", "", second, "下降18%" if first == "2025年" else "下降8%", ""],
        ["教育", "3", "学前教育毛入园率", "%", "90.5", first, "92" if first == "2025年" else "95", "94"],
        ["", "", "", "", "", second, "95" if first == "2025年" else "92", ""],
    ]
    merges = [(0, k, 1, k) for k in (0, 1, 2, 3, 4, 7)] + [(0, 5, 0, 6)]
    merges += [(r, k, r + 1, k) for r in (2, 4, 6) for k in (1, 2, 3, 4, 7)] + [(2, 0, 5, 0)]
    word_table(document, rows, merges)
    document.add_paragraph("注：未标注符号的按“不低于”执行；“下降”以2020年为基数。")
    document.add_paragraph("四、组织实施")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def test_a_row_per_year_gives_the_mid_term_and_the_final_target_and_the_merged_reference_is_the_finals(
    tmp_path: Path,
) -> None:
    """年份 2025年 | 2030年 under the plan's 目标值: the year cell is no target (never 2025 as a value), the 2025 row is the
    mid-term target, the 2030 row the final one; the city's 2030 reference merged over both rows is the final
    target's parent quote only, and a 下降 cell is relative to the baseline column's year."""
    (plan,) = extract(_year_rows_docx(tmp_path / "years.docx"))
    assert _rows(plan) == [
        (5, "婴儿死亡率", "<=", D("4.6"), "‰", 2025),
        (6, "婴儿死亡率", "<=", D("4.2"), "‰", None),
        (7, "儿童伤害死亡率", "rel_decrease", D(8), "%", 2025),
        (8, "儿童伤害死亡率", "rel_decrease", D(18), "%", None),
        (9, "学前教育毛入园率", ">=", D(92), "%", 2025),
        (10, "学前教育毛入园率", ">=", D(95), "%", None),
    ]
    assert [(year, value) for _, year, value, _ in _parents(plan)] == [
        (2025, None), (None, D("4.5")), (2025, None), (None, D(15)), (2025, None), (None, D(94))
    ]
    assert {t.target.base_year for t in plan.targets if t.indicator == "儿童伤害死亡率"} == {2020}
    assert [t.baseline.value for t in plan.targets if t.section == "indicator_table"] == [
        D("4.9"), D("4.9"), D("13.2"), D("13.2"), D("90.5"), D("90.5")
    ]
    assert not plan.unparsed


def test_rows_per_year_in_the_other_order_and_under_another_header(tmp_path: Path) -> None:
    """The 2030 row first, under 年度: each row's value is its own year's."""
    (plan,) = extract(_year_rows_docx(tmp_path / "years.docx", ("2030年", "2025年"), header="年度"))
    assert [(line, value, year) for line, _, _, value, _, year in _rows(plan)] == [
        (5, D("4.2"), None), (6, D("4.6"), 2025), (7, D(18), None), (8, D(8), 2025), (9, D(95), None), (10, D(92), 2025)
    ]


def test_a_row_for_a_year_before_the_period_is_the_baseline(tmp_path: Path) -> None:
    """年份 2020年 | 2025年 | 2030年 in a workbook with no baseline column: the 2020 row is the baseline of the others."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "主要指标"
    sheet.append(["汝城县儿童发展规划（2021—2030年）主要指标"])
    sheet.append(["序号", "指标", "单位", "年份", "目标值"])
    for row in (
        [1, "婴儿死亡率", "‰", "2020年", 4.9], [None, None, None, "2025年", "≤4.6"], [None, None, None, "2030年", "≤4.2"],
    ):
        sheet.append(row)
    for column in "ABC":
        sheet.merge_cells(f"{column}3:{column}5")
    book = tmp_path / "years.xlsx"
    workbook.save(str(book))
    (plan,) = extract(book)
    assert [(line, value, year) for line, _, _, value, _, year in _rows(plan)] == [(4, D("4.6"), 2025), (5, D("4.2"), None)]
    assert [(t.baseline.year, t.baseline.value) for t in plan.targets] == [(2020, D("4.9")), (2020, D("4.9"))]
    assert not plan.unparsed


def test_rows_per_year_in_a_saved_web_page(tmp_path: Path) -> None:
    """The same shape as a page's <table>: rowspan merges the name, unit, baseline and the city's reference."""
    page = tmp_path / "plan.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>汝城县儿童发展规划（2021—2030年）</title></head><body>"
        "<h1>汝城县儿童发展规划（2021—2030年）</h1><p>三、主要指标</p><table>"
        "<tr><th rowspan='2'>序号</th><th rowspan='2'>指标</th><th rowspan='2'>单位</th><th rowspan='2'>2020年基数</th>"
        "<th colspan='2'>汝城县目标值</th><th rowspan='2'>郴州市目标值（2030年）</th></tr>"
        "<tr><th>年份</th><th>目标值</th></tr>"
        "<tr><td rowspan='2'>1</td><td rowspan='2'>婴儿死亡率</td><td rowspan='2'>‰</td><td rowspan='2'>4.9</td>"
        "<td>2025年</td><td>≤4.6</td><td rowspan='2'>≤4.5</td></tr>"
        "<tr><td>2030年</td><td>≤4.2</td></tr>"
        "<tr><td rowspan='2'>2</td><td rowspan='2'>学前教育毛入园率</td><td rowspan='2'>%</td><td rowspan='2'>90.5</td>"
        "<td>2025年</td><td>≥92</td><td rowspan='2'>≥94</td></tr>"
        "<tr><td>2030年</td><td>≥95</td></tr>"
        "</table><p>四、组织实施</p></body></html>",
        encoding="utf-8",
    )
    (plan,) = extract(page)
    assert [(name, op, value, year) for _, name, op, value, _, year in _rows(plan)] == [
        ("婴儿死亡率", "<=", D("4.6"), 2025), ("婴儿死亡率", "<=", D("4.2"), None),
        ("学前教育毛入园率", ">=", D(92), 2025), ("学前教育毛入园率", ">=", D(95), None),
    ]
    assert [value for _, _, value, _ in _parents(plan)] == [None, D("4.5"), None, D(94)]
