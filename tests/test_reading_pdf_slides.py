"""A slide deck exported to PDF: a cover of white text on a coloured ground, the plan's title large on it.

The watermark rule leaves out characters drawn light and much taller than the page's ordinary ones; on a slide
whose text is all drawn light (white on red or blue) being light marks nothing, and the cover's large title was
cut to pieces (its tallest glyphs left out), so the plan had no title, no place and no level. Each test draws a
small deck with reportlab and asserts the title read and the metadata it gives.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.extraction import extract
from compliance.reading import read_document

pytest.importorskip("reportlab")

TITLE = "某某县儿童发展规划（2021—2030年）"
BODY = [
    "三、主要目标｜儿童与健康",
    "● 婴儿死亡率降至5‰以下",
    "● 0—6岁儿童眼保健和视力检查覆盖率达到90%以上",
    "四、组织实施",
    "● 每年开展规划宣讲进乡镇不少于20场",
]


def _deck(path: Path, ground: tuple[float, float, float], size: float, office: str) -> Path:
    from reportlab.pdfgen import canvas

    from tests.makedocs import _font

    font = _font(embedded=False)
    page = canvas.Canvas(str(path), pagesize=(960, 540))
    page.setFillColorRGB(*ground)
    page.rect(0, 0, 960, 540, stroke=0, fill=1)
    page.setFillColorRGB(1, 1, 1)
    page.setFont(font, size)
    page.drawCentredString(480, 360, TITLE)
    page.setFont(font, size * 0.75)
    page.drawCentredString(480, 300, "政 策 宣 讲")
    page.setFont(font, 14)
    for k, line in enumerate([office, "2022年11月", "本课件仅供宣讲使用，规划内容以正式印发文件为准。", f"{office}　1 / 2"]):
        page.drawCentredString(480, 220 - 30 * k, line)
    page.showPage()
    page.setFont(font, 18)
    for k, line in enumerate(BODY):
        page.drawString(60, 460 - 40 * k, line)
    page.setFont(font, 12)
    page.drawCentredString(480, 20, f"{office}　2 / 2")
    page.showPage()
    page.save()
    return path


@pytest.mark.parametrize(
    ("ground", "size", "office"),
    [((0.7, 0.13, 0.13), 40, "某某县妇女儿童工作委员会办公室"), ((0.1, 0.2, 0.5), 36, "某某县妇儿工委办")],
)
def test_a_covers_white_title_on_a_coloured_ground_is_read_whole(
    tmp_path: Path, ground: tuple[float, float, float], size: float, office: str
) -> None:
    path = _deck(tmp_path / "deck.pdf", ground, size, office)
    texts = [line.text for line in read_document(path).lines]
    assert texts[0] == TITLE, texts
    (plan,) = extract(path, jurisdiction="湖北省/某某市/某某县")
    assert plan.plan.title == TITLE
    assert plan.plan.period == (2021, 2030)
