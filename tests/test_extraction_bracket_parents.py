"""A parent's value in brackets inside the plan's target cell (≤11（≤12）), in Word and on web pages.

Under a header that says so (本县目标（上级目标）, 2030年 over 目标值（省目标）) or under a table note
(注：括号内为上级目标值), the plain value is the plan's target and the bracketed one the parent's
(`parent_target`, which `check` compares). Without either, the bracketed value is listed under `unparsed`,
never dropped and never guessed.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract
from tests.makedocs import word_table

D = Decimal


def _targets(plan) -> list[tuple]:
    return [
        (t.indicator, str(t.target.op), t.target.value, t.parent_target.value if t.parent_target else None)
        for t in plan.targets
        if str(t.section) == "indicator_table"
    ]


def test_a_word_table_under_a_header_naming_the_parents_target_in_brackets(tmp_path: Path) -> None:
    """本县目标（上级目标） over ≤11（≤12）: 11 the plan's, 12 the parent's; never the parent's as the plan's."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某某县妇女发展规划（2021—2030年）")
    document.add_paragraph("二、主要指标")
    word_table(
        document,
        [
            ["序号", "指标", "单位", "2020年基期值", "2030年本县目标（上级目标）"],
            ["1", "孕产妇死亡率", "1/10万", "9.6", "≤11（≤12）"],
            ["2", "妇女常见病筛查率", "%", "88", "≥92（≥90）"],
            ["3", "女性平均受教育年限", "年", "10.1", "11"],
        ],
        [],
    )
    document.add_paragraph("三、策略措施")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path, jurisdiction="浙江省/嘉兴市/某某县")
    assert _targets(plan) == [
        ("孕产妇死亡率", "<=", D(11), D(12)),
        ("妇女常见病筛查率", ">=", D(92), D(90)),
        ("女性平均受教育年限", ">=", D(11), None),
    ]
    (first, *_) = plan.targets
    assert first.parent_column == "2030年本县目标（上级目标）"
    assert not plan.unparsed


def test_a_two_row_word_header_and_a_page_with_a_note_say_the_same(tmp_path: Path) -> None:
    """2030年 over 目标值（省目标） in Word; a web table under 注：（）中数字为省级规划目标值: the same reading."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某某县儿童发展规划（2021—2030年）")
    document.add_paragraph("二、主要目标")
    word_table(
        document,
        [
            ["指标名称", "2020年", "2030年"],
            ["", "", "目标值（省目标）"],
            ["婴儿死亡率（‰）", "4.2", "≤3.5（≤4.0）"],
            ["学前教育毛入园率（%）", "93", "≥98（≥95）"],
        ],
        [(0, 0, 1, 0), (0, 1, 1, 1)],
    )
    document.add_paragraph("三、策略措施")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path, jurisdiction="浙江省/嘉兴市/某某县")
    expected = [("婴儿死亡率", "<=", D("3.5"), D("4.0")), ("学前教育毛入园率", ">=", D(98), D(95))]
    assert _targets(plan) == expected
    assert not plan.unparsed

    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="content">'
        "<h1>某某县儿童发展规划（2021—2030年）</h1><p>二、主要目标</p>"
        "<table><tr><td>指标名称</td><td>2020年</td><td>2030年目标值</td></tr>"
        "<tr><td>婴儿死亡率（‰）</td><td>4.2</td><td>≤3.5(≤4.0)</td></tr>"
        "<tr><td>学前教育毛入园率（%）</td><td>93</td><td>≥98（≥95）</td></tr></table>"
        "<p>注：（）中数字为省级规划目标值。</p><p>三、策略措施</p></div></body></html>",
        encoding="utf-8",
    )
    (plan,) = extract(page, jurisdiction="浙江省/嘉兴市/某某县")
    assert _targets(plan) == expected
    assert not plan.unparsed


def test_a_bracketed_second_value_nobody_names_is_listed_not_dropped(tmp_path: Path) -> None:
    """≤3.5（≤4.0） under a plain 2030年目标, no note: the plan's 3.5 read, the bracketed 4.0 under unparsed with its
    cell."""
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="content">'
        "<h1>某某县儿童发展规划（2021—2030年）</h1><p>二、主要目标</p>"
        "<table><tr><td>序号</td><td>指标</td><td>基期值</td><td>2030年目标</td></tr>"
        "<tr><td>1</td><td>婴儿死亡率（‰）</td><td>4.2</td><td>≤3.5（≤4.0）</td></tr>"
        "<tr><td>2</td><td>学前教育毛入园率（%）</td><td>93</td><td>≥98</td></tr></table>"
        "<p>三、策略措施</p></div></body></html>",
        encoding="utf-8",
    )
    (plan,) = extract(page, jurisdiction="浙江省/嘉兴市/某某县")
    assert _targets(plan) == [("婴儿死亡率", "<=", D("3.5"), None), ("学前教育毛入园率", ">=", D(98), None)]
    assert [(u.text, u.locator) for u in plan.unparsed] == [("婴儿死亡率: ≤3.5（≤4.0）", "表1 第2行 2030年目标列")]


def test_brackets_naming_the_parent_say_whose_and_words_in_brackets_are_listed(tmp_path: Path) -> None:
    """≤3.5（省≤4.0）, ≤11（上级目标≤12）: the brackets name the parent, under any header; ≥98（力争100）: two things said,
    the cell listed, not read; a base year in brackets (以2020年为基数) is no second number."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某某县儿童发展规划（2021—2030年）")
    document.add_paragraph("二、主要目标")
    word_table(
        document,
        [
            ["序号", "指标", "2020年", "2030年目标"],
            ["1", "婴儿死亡率（‰）", "4.2", "≤3.5（省≤4.0）"],
            ["2", "孕产妇死亡率（1/10万）", "9", "≤11（上级目标≤12）"],
            ["3", "学前教育毛入园率（%）", "93", "≥98（力争100）"],
            ["4", "儿童伤害死亡率（1/10万）", "12", "下降20%（以2020年为基数）"],
        ],
        [],
    )
    document.add_paragraph("三、策略措施")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path, jurisdiction="浙江省/嘉兴市/某某县")
    assert _targets(plan) == [
        ("婴儿死亡率", "<=", D("3.5"), D("4.0")),
        ("孕产妇死亡率", "<=", D(11), D(12)),
        ("儿童伤害死亡率", "rel_decrease", D(20), None),
    ]
    assert [u.text for u in plan.unparsed] == ["学前教育毛入园率: ≥98（力争100）"]  # two things said: neither guessed
    assert "not understood" in plan.unparsed[0].reason
