"""A table written one cell per line whose long names break over two lines (issue 8).

A web page's online preview of the plan's PDF (pdf2htmlEX: one positioned <div> per printed line) or
a text copied from it gives an indicator table as its cells one a line, row after row; a name too long
for its cell is two lines (0～6岁儿童眼保健和 / 视力检查覆盖率), so cutting the cells by the header's width
shifts every row after it. The 序号 column's count (1, 2, 3 …) tells the rows apart. Each test writes a
table of the shape, with its own wording and numbers, and asserts exactly what is read.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

D = Decimal

HEADER = ["序号", "指标", "单位", "2020年", "2025年", "2030年"]
ROWS = [
    ["1", "孕产妇死亡率", "1/10万", "12.1", "≤11", "≤10"],
    ["2", "0～6岁儿童眼保健和", "视力检查覆盖率", "%", "88.2", "≥90", "≥92"],
    ["3", "儿童伤害死亡率", "1/10万", "14.0", "下降8%", "下降16%"],
    ["4", "学前教育毛入园率", "%", "89.5", "91", "94"],
    ["5", "每千人口拥有3岁以下", "婴幼儿托位数", "个", "1.5", "3.5", "4.5"],
]
OPENING = ["林溪县儿童发展规划（2021—2030年）", "根据《中国儿童发展纲要（2021—2030年）》，结合我县实际，制定本规划。", "二、主要指标"]
CLOSING = ["注：表中未标注符号的为“不低于”。", "三、组织实施"]


def _written(folder: Path, suffix: str, header: list[str], rows: list[list[str]]) -> Path:
    lines = OPENING + header + [cell for row in rows for cell in row] + CLOSING
    path = folder / f"plan{suffix}"
    if suffix == ".html":  # an online preview: one positioned div per printed line
        divs = "".join(f'<div class="t">{text}</div>' for text in lines)
        path.write_text(
            '<!DOCTYPE html><html><head><meta charset="utf-8"><title>林溪县儿童发展规划</title></head><body>'
            f'<div id="page-container"><div class="pf">{divs}</div></div></body></html>',
            encoding="utf-8",
        )
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _read(plan) -> list[tuple]:
    return [(t.line, t.indicator, str(t.target.op), t.target.value, t.target.unit, t.year) for t in plan.targets]


# the line of each cell: 3 opening lines, 6 header cells, then the cells in order
EXPECTED = [
    (14, "孕产妇死亡率", "<=", D(11), "1/10万", 2025),
    (15, "孕产妇死亡率", "<=", D(10), "1/10万", None),
    (21, "0～6岁儿童眼保健和视力检查覆盖率", ">=", D(90), "%", 2025),
    (22, "0～6岁儿童眼保健和视力检查覆盖率", ">=", D(92), "%", None),
    (27, "儿童伤害死亡率", "rel_decrease", D(8), "%", 2025),
    (28, "儿童伤害死亡率", "rel_decrease", D(16), "%", None),
    (33, "学前教育毛入园率", ">=", D(91), "%", 2025),
    (34, "学前教育毛入园率", ">=", D(94), "%", None),
    (40, "每千人口拥有3岁以下婴幼儿托位数", ">=", D("3.5"), "个/千人", 2025),
    (41, "每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.5"), "个/千人", None),
]


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_names_broken_over_two_lines_keep_the_rows_after_them_in_their_columns(tmp_path: Path, suffix: str) -> None:
    (plan,) = extract(_written(tmp_path, suffix, HEADER, ROWS))
    assert _read(plan) == EXPECTED
    assert plan.unparsed == []
    assert all(t.target.base_year == 2020 for t in plan.targets if str(t.target.op) == "rel_decrease")


def test_other_header_words_and_a_name_broken_in_the_last_row(tmp_path: Path) -> None:
    header = ["编号", "指标名称", "计量单位", "基期值", "2025年目标", "2030年目标"]
    rows = [
        ["1", "婴儿死亡率", "‰", "4.2", "≤4", "≤3.8"],
        ["2", "中小学生国家学生体质健康", "标准达标优良率", "%", "51", "55", "60"],
    ]
    (plan,) = extract(_written(tmp_path, ".txt", header, rows))
    assert [(t.indicator, t.target.value) for t in plan.targets] == [
        ("婴儿死亡率", D(4)),
        ("婴儿死亡率", D("3.8")),
        ("中小学生国家学生体质健康标准达标优良率", D(55)),
        ("中小学生国家学生体质健康标准达标优良率", D(60)),
    ]
    assert plan.unparsed == []
