"""A table's note saying bare values follow their indicator's direction (注：目标值未标注符号的，越大越好的指标为“≥”，
死亡率、患病率类指标为“≤”) gives no single comparator: each bare value takes its indicator's (≥ for a coverage rate, ≤
for a death rate). Before, the note's last symbol (≤) was taken for every bare value. Each test writes an invented
table (a workbook and a tab-separated text variant with the clauses the other way round) and asserts the comparators.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

D = Decimal

ROWS = [
    ["序号", "领域", "指标", "单位", "2020年", "2030年目标"],
    ["1", "儿童与健康", "新生儿死亡率", "‰", "2.9", "2.5"],
    ["2", "儿童与健康", "适龄儿童免疫规划疫苗接种率", "%", "98", "99"],
    ["3", "儿童与健康", "6个月内婴儿纯母乳喂养率", "%", "48", "50"],
    ["4", "儿童与教育", "学前教育毛入园率", "%", "92", "≥95"],
    ["5", "儿童与家庭", "每千人口拥有3岁以下婴幼儿托位数", "个", "1.6", "4.5"],
]


def _ops(plan) -> dict[str, tuple[str, Decimal]]:
    return {t.indicator: (str(t.target.op), t.target.value) for t in plan.targets if str(t.section) == "indicator_table"}


WANT = {
    "新生儿死亡率": ("<=", D("2.5")),
    "适龄儿童免疫规划疫苗接种率": (">=", D(99)),
    "6个月内婴儿纯母乳喂养率": (">=", D(50)),
    "学前教育毛入园率": (">=", D(95)),
    "每千人口拥有3岁以下婴幼儿托位数": (">=", D("4.5")),
}


def test_a_workbook_note_naming_both_directions(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "主要指标"
    sheet.append(["某某区儿童发展规划（2021—2030年）主要指标"])
    for row in ROWS:
        sheet.append(row)
    sheet.append(["注：目标值未标注符号的，越大越好的指标为“≥”，死亡率、患病率类指标为“≤”。"])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    (plan,) = extract(path)
    assert _ops(plan) == WANT


def test_a_text_table_note_naming_the_lower_is_better_first(tmp_path: Path) -> None:
    text = "某某县儿童发展规划（2021—2030年）\n\n附表  主要指标\n" + "\n".join("\t".join(r) for r in ROWS) + (
        "\n说明：目标值未标明符号的，死亡率类指标为“≤”，其余指标为“≥”。\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path)
    assert _ops(plan) == WANT
