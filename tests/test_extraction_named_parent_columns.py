"""A parent's target quoted in a column named by its place (上饶市2030年目标) beside the plan's own unnamed target
of the same year (目标值 over 2030年): the named column is the parent's, never read as the plan's — the county's
table gave a second, different 2030 target a row wherever the two differed.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx

from compliance.extraction import extract

EXPECTED = [
    ("孕产妇死亡率", "<=", Decimal(14)),
    ("孕产妇系统管理率", ">=", Decimal(95)),
    ("高中阶段毛入学率", ">=", Decimal(95)),
]


def _targets(path: Path) -> list[tuple]:
    return [
        (t.indicator, str(t.target.op), t.target.value) for p in extract(path) for t in p.targets if t.year is None
    ]  # the final targets (2025年 is a mid-term one)


def test_a_word_table_s_place_named_column_is_the_parent_s(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某某县妇女发展规划（2021—2030年）")
    document.add_paragraph("附表")
    table = document.add_table(rows=5, cols=6)
    head = ["领域", "指标", "2020年基数", "目标值", "目标值", "赣州市2030年目标"]
    sub = ["领域", "指标", "2020年基数", "2025年", "2030年", "赣州市2030年目标"]
    rows = [
        ["妇女与健康", "孕产妇死亡率（1/10万）", "13.2", "≤14", "≤14", "≤12"],
        ["妇女与健康", "孕产妇系统管理率（%）", "93.6", "≥94", "≥95", "≥95"],
        ["妇女与教育", "高中阶段毛入学率（%）", "91.8", "≥93", "≥95", "≥92"],
    ]
    for r, cells in enumerate([head, sub, *rows]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    found = _targets(path)
    assert sorted(found) == sorted(EXPECTED)


def test_a_tab_table_s_place_named_column_is_the_parent_s(tmp_path: Path) -> None:
    """Variant: a one-row tab header, 2030年目标 for the plan's and 南平市2030年目标值 for the parent's."""
    text = "\n".join([
        "某某县妇女发展规划（2021—2030年）",
        "主要指标",
        "序号\t指标\t2020年基数\t2030年目标\t南平市2030年目标值",
        "1\t孕产妇死亡率（1/10万）\t13.2\t≤14\t≤12",
        "2\t孕产妇系统管理率（%）\t93.6\t≥95\t≥95",
        "3\t高中阶段毛入学率（%）\t91.8\t≥95\t≥92",
    ]) + "\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    assert sorted(_targets(path)) == sorted(EXPECTED)


def test_a_place_named_column_without_a_year_beside_the_plan_s_only_target_column(tmp_path: Path) -> None:
    """Variant: a space-aligned table of a text copy, 2030年目标 for the plan's and 南平市目标 (no year) for the
    parent's, the table cut by a page mark and its header repeated, a bare value in both columns."""
    rows = [
        "某某县妇女发展规划（2021—2030年）主要指标",
        "序号  领域          指标                          单位      2020年     2030年目标   南平市目标",
        "1     妇女与健康    孕产妇死亡率                  1/10万    13.2       ≤14          ≤12",
        "2                   孕产妇系统管理率              %         93.6       ≥95          ≥95",
        "",
        "第 2 页 共 3 页",
        "序号  领域          指标                          单位      2020年     2030年目标   南平市目标",
        "3     妇女与教育    高中阶段毛入学率              %         91.8       ≥95          ≥92",
        "4     妇女与社保    女性基本养老保险参保率        %         90.4       95           95",
    ]
    path = tmp_path / "plan.txt"
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    assert sorted(_targets(path)) == sorted([*EXPECTED, ("女性基本养老保险参保率", ">=", Decimal(95))])


# text tables: a parent's column named by a place with no year (榆林市目标) or by a parent's level (市目标) beside the
# plan's own 2030年目标 — space-aligned as a web page's copy prints it, tab- or bar-separated


def _spaced(cells: list[str], widths: list[int]) -> str:
    """A row laid out in columns of spaces, a wide character taking two (as a page copy prints it)."""
    return "".join(c + " " * max(2, w - sum(2 if ord(ch) > 127 else 1 for ch in c)) for c, w in zip(cells, widths, strict=True)).rstrip()


TEXT_ROWS = [
    ["1", "妇女与健康", "孕产妇死亡率", "1/10万", "8.6", "≤10", "≤12"],
    ["2", "", "孕产妇系统管理率", "%", "93.1", "≥95", "≥93"],
    ["3", "妇女与教育", "高中阶段女生毛入学率", "%", "93.2", "≥95", "≥92"],
    ["4", "妇女与社保", "女性基本养老保险参保率", "%", "90.4", "95", "95"],
]
TEXT_EXPECTED = [
    ("孕产妇死亡率", "<=", Decimal(10), "<=", Decimal(12)),
    ("孕产妇系统管理率", ">=", Decimal(95), ">=", Decimal(93)),
    ("高中阶段女生毛入学率", ">=", Decimal(95), ">=", Decimal(92)),
    ("女性基本养老保险参保率", ">=", Decimal(95), ">=", Decimal(95)),
]


def _text_plan(tmp_path: Path, rows: list[str]) -> list[tuple]:
    text = "\n".join(["某某县妇女发展规划（2021—2030年）", "", "附件", "某某县妇女发展规划主要指标", *rows, "注：2020年为基期值。"]) + "\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path)
    return sorted(
        (t.indicator, str(t.target.op), t.target.value, str(t.parent_target.op) if t.parent_target else None,
         t.parent_target.value if t.parent_target else None)
        for t in plan.targets
        if str(t.section) == "indicator_table"
    )


def test_a_space_aligned_table_s_place_named_column_is_the_parent_s(tmp_path: Path) -> None:
    header = ["序号", "领域", "指标", "单位", "2020年", "2030年目标", "汉中市目标"]
    widths = [6, 14, 30, 10, 11, 13, 12]
    rows = [_spaced(r, widths) for r in [header, *TEXT_ROWS]]
    assert _text_plan(tmp_path, rows) == sorted(TEXT_EXPECTED)


def test_a_tab_table_s_column_named_by_a_parent_s_level_is_the_parent_s(tmp_path: Path) -> None:
    """Variant: tab-separated, the parent's column named 市目标 (a level, no place)."""
    header = ["序号", "领域", "指标", "单位", "2020年", "2030年目标", "市目标"]
    rows = ["\t".join(r) for r in [header, *TEXT_ROWS]]
    assert _text_plan(tmp_path, rows) == sorted(TEXT_EXPECTED)


def test_a_bar_table_s_place_named_column_is_the_parent_s(tmp_path: Path) -> None:
    header = ["序号", "领域", "指标", "单位", "2020年基期值", "2030年目标值", "宝鸡市目标值"]
    rows = [" | ".join(r) for r in [header, *TEXT_ROWS]]
    assert _text_plan(tmp_path, rows) == sorted(TEXT_EXPECTED)


def test_a_place_named_final_column_beside_an_unnamed_mid_term_one_is_the_plan_s(tmp_path: Path) -> None:
    """Guard: 2025年目标 unnamed and 某县目标 with no year: the named column is the plan's own 2030 target."""
    header = ["序号", "领域", "指标", "单位", "2020年", "2025年目标", "略阳县目标"]
    rows = ["\t".join(r) for r in [header, *TEXT_ROWS]]
    text = "\n".join(["略阳县妇女发展规划（2021—2030年）", "", "附件", "主要指标", *rows]) + "\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path)
    final = sorted((t.indicator, t.target.value) for t in plan.targets if t.year is None and str(t.section) == "indicator_table")
    assert final == sorted((r[2], Decimal(r[6].lstrip("≤≥"))) for r in TEXT_ROWS)


def test_a_place_named_column_beside_a_mid_term_and_a_final_unnamed_column_is_the_parent_s(tmp_path: Path) -> None:
    """Variant: 2025年目标 and 2030年目标 unnamed, 宝鸡市目标 with no year: the parent's (for the plan's last year)."""
    header = ["序号", "领域", "指标", "单位", "2020年", "2025年目标", "2030年目标", "宝鸡市目标"]
    mid_term = ["≤11", "≥94", "≥94", "94"]
    rows = [" | ".join(r) for r in [header, *(r[:5] + [m, *r[5:]] for r, m in zip(TEXT_ROWS, mid_term, strict=True))]]
    finals = [t for t in _text_plan(tmp_path, rows) if t[2] not in (11, 94)]
    assert sorted(finals) == sorted(TEXT_EXPECTED)
