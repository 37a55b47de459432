"""A PDF table ruled across only (no vertical rules: a rule under the header and between the rows, the merged 领域
column left open), continued on the next page under （续表） and its header printed again: the printed lines between
two rules are one row — a 领域 and a name wrapped together (妇女与社会保 | 女性基本养老保险参保 over 障 | 率（%）) — and
the caption neither a row nor the rest of the page before's last row. Each test typesets an invented table (and a
variant) and asserts the rows read and the targets found.
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
HAS_TRUETYPE = truetype_font() is not None
X = (74, 154, 334, 394, 454)
HEADER = ("领域", "指标", "2020年", "2025年", "2030年")

PAGE1 = [
    [("妇女与健康",), ("孕产妇死亡率（1/10万）",), ("9.8",), ("≤9",), ("≤8",)],
    [("",), ("适龄妇女宫颈癌人群筛查",), ("61.5",), ("≥70",), ("≥75",)],
    [("",), ("率（%）",), ("",), ("",), ("",)],
    [("妇女与教育",), ("高中阶段女生毛入学率（%）",), ("94.8",), ("≥95",), ("≥96",)],
]
PAGE2 = [
    [("妇女参与决策",), ("村委会主任中女性比例",), ("9.6",), ("≥12",), ("≥15",)],
    [("和管理",), ("（%）",), ("",), ("",), ("",)],
    [("妇女与社会保",), ("女性基本养老保险参保",), ("90.1",), ("≥92",), ("95",)],
    [("障",), ("率（%）",), ("",), ("",), ("",)],
    [("妇女与环境",), ("农村卫生厕所普及率（%）",), ("88.7",), ("≥92",), ("≥95",)],
]


def _pdf(path: Path, pages: list[list[list[tuple[str]]]], *, caption: str = "（续表）") -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from makedocs import _font

    font = _font(HAS_TRUETYPE)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for number, rows in enumerate(pages, start=1):
        y = height - 70
        pdf.setFont(font, 11)
        if number == 1:
            for text in ("某某市妇女发展规划（2021—2030年）", "一、妇女与健康", "1.孕产妇死亡率控制在8/10万以下。", "附表　主要指标"):
                pdf.drawString(72, y, text)
                y -= 20
        else:
            pdf.drawString(72, y, caption)
            y -= 14
        pdf.line(72, y, 523, y)
        y -= 13
        for x, cell in zip(X, HEADER, strict=True):
            pdf.drawString(x, y, cell)
        y -= 8
        pdf.line(72, y, 523, y)
        y -= 16
        for k, row in enumerate(rows):
            for x, (cell,) in zip(X, row, strict=True):
                if cell:
                    pdf.drawString(x, y, cell)
            wrapped = k + 1 < len(rows) and not rows[k + 1][2][0]
            y -= 18
            if not wrapped:
                pdf.line(150 if k + 1 < len(rows) and not rows[k + 1][0][0] else 72, y + 11, 523, y + 11)
        pdf.setFont(font, 9)
        pdf.drawCentredString(width / 2, 30, f"— {number} —")
        pdf.showPage()
    pdf.save()
    return path


def _rows(path: Path) -> list[list[str]]:
    return [line.cells for line in read_document(path).lines if line.cells]


def test_rows_between_rules_across_are_one_row_each(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "plan.pdf", [PAGE1, PAGE2])
    rows = _rows(path)
    assert ["妇女参与决策和管理", "村委会主任中女性比例（%）", "9.6", "≥12", "≥15"] in rows, rows
    assert ["妇女与社会保障", "女性基本养老保险参保率（%）", "90.1", "≥92", "95"] in rows, rows
    assert not [row for row in rows if "续表" in "".join(row)], rows
    (plan,) = extract(path)
    got = {(t.indicator, t.target.value, t.year) for t in plan.targets if str(t.section) == "indicator_table"}
    assert {
        ("村委会主任中女性比例", D(12), 2025), ("村委会主任中女性比例", D(15), None),
        ("女性基本养老保险参保率", D(92), 2025), ("女性基本养老保险参保率", D(95), None),
        ("农村卫生厕所普及率", D(92), 2025), ("农村卫生厕所普及率", D(95), None),
        ("适龄妇女宫颈癌人群筛查率", D(75), None),
    } <= got, got
    assert not plan.unparsed, plan.unparsed


def test_a_numbered_continuation_caption(tmp_path: Path) -> None:
    """The variant: 续表1 as the caption, the page before's last row a wrapped one."""
    path = _pdf(tmp_path / "plan.pdf", [PAGE1[:3], PAGE1[3:] + PAGE2], caption="续表1")
    rows = _rows(path)
    assert ["", "适龄妇女宫颈癌人群筛查率（%）", "61.5", "≥70", "≥75"] in rows, rows
    assert ["妇女与社会保障", "女性基本养老保险参保率（%）", "90.1", "≥92", "95"] in rows, rows
    (plan,) = extract(path)
    assert not plan.unparsed, plan.unparsed
