"""A review draft printed from Word with its markup shown (显示标记的最终状态): the body narrowed to the left, and a
pane at the right, behind a rule down the page, holding the revision and comment balloons in smaller type
(删除的内容: 4.0‰, 批注 [县卫健委 李1]: 我县2020年婴儿死亡率5.1‰…). Their numbers are deleted or proposed values, no
targets; read with the body they ran into its lines (…控制在3.6‰、删除的内容: 4.0‰). Each test typesets an invented
draft: the pane goes, a gazette's column rule (the same type on both sides) stays.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from compliance.extraction import extract
from compliance.reading import read_document

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from makedocs import truetype_font  # noqa: E402

D = Decimal

BODY = [
    "某某县儿童发展规划（2021—2030年）",
    "（送审稿·修订稿）",
    "一、儿童与健康",
    "主要目标：",
    "1．新生儿、婴儿和5岁以下儿童死亡率分别控制",
    "在3.6‰、4.6‰和5.6‰以下。",
    "2．适龄儿童免疫规划疫苗接种率保持在95%以上。",
    "3．0—6岁儿童眼保健和视力检查覆盖率达到",
    "96%以上。",
    "二、儿童与教育",
    "主要目标：",
    "1．学前三年毛入园率达到97%以上，普惠性幼儿",
    "园覆盖率达到92%以上。",
]
# balloons beside the body's rows: (row, text)
BALLOONS = [(4, "删除的内容: 4.0‰"), (5, "批注 [县卫健委 李1]: 我县2020年"), (6, "婴儿死亡率5.1‰，建议按4.6‰。"),
            (11, "删除的内容: 90%"), (12, "批注 [县教育局 王2]: 先按88%")]


def _print(path: Path, *, pane_size: float = 7.5) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from makedocs import _font

    font = _font(truetype_font() is not None)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    pdf.setLineWidth(2)
    pdf.line(407, 59, 407, height - 59)  # the pane's rule down the page
    y = height - 90
    for row, text in enumerate(BODY):
        pdf.setFont(font, 10.5)
        pdf.drawString(50, y, text)
        for at, balloon in BALLOONS:
            if at == row:
                pdf.setFont(font, pane_size)
                pdf.drawString(415, y, balloon)
        y -= 17
    pdf.showPage()
    pdf.save()
    return path


def test_the_markup_pane_is_no_part_of_the_text(tmp_path: Path) -> None:
    texts = [line.text for line in read_document(_print(tmp_path / "draft.pdf")).lines]
    shown = "".join(texts)
    for word in ("删除的内容", "批注", "建议按", "88%"):
        assert word not in shown, word
    (plan,) = extract(_print(tmp_path / "draft.pdf"), kind="children")
    got = {(t.indicator, t.target.value) for t in plan.targets}
    assert {("新生儿死亡率", D("3.6")), ("婴儿死亡率", D("4.6")), ("5岁以下儿童死亡率", D("5.6")),
            ("普惠性幼儿园覆盖率", D(92))} <= got
    assert not {D("4.0"), D("5.1"), D(90), D(88)} & {t.target.value for t in plan.targets}


def test_text_of_the_body_s_size_beyond_a_rule_stays(tmp_path: Path) -> None:
    shown = "".join(line.text for line in read_document(_print(tmp_path / "draft.pdf", pane_size=10.5)).lines)
    assert "删除的内容" in shown
