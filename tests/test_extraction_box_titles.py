"""A box's title on a line of its own (专栏1　儿童近视防控行动) names the box, never the first target below it.

The box's first sentence has no 。 before it, so broken-line joining once glued the title to it; a caption or
box number at the start of a line (`caption_line` in rules/extraction.yaml) ends the line's paragraph.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from compliance.extraction import extract

D = Decimal

OPENING = ["某某县儿童发展规划（2021—2030年）", "根据《中国儿童发展纲要（2021—2030年）》，结合我县实际，制定本规划。", "二、主要目标",
           "（一）儿童与健康", "1．婴儿死亡率降至4‰以下。"]


def _named(plan) -> list[tuple[str, Decimal]]:
    return [(t.indicator, t.target.value) for t in plan.targets]


def test_a_word_box_of_one_cell_names_no_target_by_its_title(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in OPENING:
        document.add_paragraph(text)
    box = document.add_table(rows=1, cols=1).cell(0, 0)
    box.text = "专栏1　儿童近视防控行动"
    box.add_paragraph("儿童青少年总体近视率每年降低0.5个百分点以上。")
    document.add_paragraph("2．5岁以下儿童死亡率降至5‰以下。")
    document.add_paragraph("四、组织实施")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    (plan,) = extract(path, jurisdiction="重庆市/某某县")
    assert _named(plan) == [("婴儿死亡率", D(4)), ("儿童青少年总体近视率", D("0.5")), ("5岁以下儿童死亡率", D(5))]


def test_a_text_copys_box_title_and_a_table_caption_stand_alone(tmp_path: Path) -> None:
    """The variant: a text copy, the box numbered in Chinese (专栏二) and its sentence in two lines."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "\n".join([*OPENING, "专栏二 儿童健康促进工程", "到2025年，全县新生儿遗传代谢性疾病筛查率", "达到98%以上。",
                   "2．5岁以下儿童死亡率降至5‰以下。", "四、组织实施"]) + "\n",
        encoding="utf-8",
    )
    (plan,) = extract(path, jurisdiction="重庆市/某某县")
    assert _named(plan) == [("婴儿死亡率", D(4)), ("新生儿遗传代谢性疾病筛查率", D(98)), ("5岁以下儿童死亡率", D(5))]
