"""A government gazette (政府公报) prints a plan in two columns per page: lines justified to the column's width, both
columns' lines on the same baselines, a running header over them, the title across the page on the first. Read
column by column: the left column top to bottom, then the right, each paragraph's wrapped lines rejoined — never a
line of one column run into the line beside it. Each test typesets an invented plan (and a variant) and asserts the
lines read and the targets found.
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

PLAN = [
    ("h", "一、妇女与健康"),
    ("h", "（一）主要目标"),
    ("p", "1.孕产妇死亡率控制在9/10万以下，城乡、区域差距逐步缩小。"),
    ("p", "2.妇女常见病筛查率达到95%以上，适龄妇女宫颈癌人群筛查率达到70%以上。"),
    ("p", "3.孕产妇系统管理率保持在95%以上，住院分娩率稳定在99.5%以上。"),
    ("h", "（二）策略措施"),
    ("p", "完善妇幼健康服务体系，每个乡镇卫生院至少配备1名妇产科医生，加强孕产妇全程健康管理服务。"),
    ("h", "二、妇女与教育"),
    ("h", "（一）主要目标"),
    ("p", "1.高中阶段教育毛入学率达到96%以上，女性平均受教育年限提高到11.3年。"),
    ("p", "2.女性从业人员中专业技术人员比例达到30%左右。"),
    ("h", "三、妇女与经济"),
    ("h", "（一）主要目标"),
    ("p", "1.就业人员中的女性比例保持在45%左右，城镇单位就业人员中的女性比例保持在40%左右。"),
    ("p", "2.农村妇女参加农业技术培训的人次每年达到1200人次以上。"),
    ("h", "四、妇女参与决策和管理"),
    ("h", "（一）主要目标"),
    ("p", "1.村民委员会成员中女性比例达到30%以上，居民委员会成员中女性比例保持在50%左右。"),
    ("p", "2.县级领导班子中女干部比例逐步提高，女性担任正职的比例达到20%以上。"),
]

WANT = {
    ("孕产妇死亡率", "<=", D(9)),
    ("妇女常见病筛查率", ">=", D(95)),
    ("适龄妇女宫颈癌人群筛查率", ">=", D(70)),
    ("孕产妇系统管理率", ">=", D(95)),
    ("住院分娩率", ">=", D("99.5")),
    ("高中阶段教育毛入学率", ">=", D(96)),
    ("女性平均受教育年限", ">=", D("11.3")),
    ("女性从业人员中专业技术人员比例", "~", D(30)),
    ("就业人员中的女性比例", "~", D(45)),
    ("城镇单位就业人员中的女性比例", "~", D(40)),
    ("村民委员会成员中女性比例", ">=", D(30)),
    ("居民委员会成员中女性比例", "~", D(50)),
}


def _column_lines(blocks: list[tuple[str, str]], chars: int) -> list[tuple[str, bool]]:
    """Printed lines of a column `chars` wide: (text, justified). A paragraph indented two characters, its lines but
    the last justified to the column; a heading a line of its own."""
    out: list[tuple[str, bool]] = []
    for kind, text in blocks:
        if kind == "h":
            out.append((text, False))
            continue
        text = "\u3000\u3000" + text
        while len(text) > chars:
            out.append((text[:chars], True))
            text = text[chars:]
        out.append((text, False))
    return out


def _gazette(path: Path, blocks: list[tuple[str, str]], *, size: float = 10.5, gutter: float = 28, lines_per_column: int = 14,
             offset: float = 0.0, mirrored: bool = False) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from makedocs import _font

    font = _font(HAS_TRUETYPE)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    left, right = 57.0, width - 57.0
    column = (right - left - gutter) / 2
    chars = int(column // size)
    lines = _column_lines(blocks, chars)
    pitch = 1.6 * size
    page = 0
    while lines:
        page += 1
        pdf.setFont(font, 9)
        name, issue = "某某县人民政府公报", "2022年第3期（总第45期）"
        if mirrored and page % 2 == 0:  # the gazette's name and issue at the outer edges: they swap sides
            name, issue = issue, name
        pdf.drawString(left, height - 40, name)
        pdf.drawRightString(right, height - 40, issue)
        top = height - 80
        if page == 1:
            pdf.setFont(font, 16)
            pdf.drawCentredString(width / 2, top, "某某县妇女发展规划（2021—2025年）")
            pdf.setFont(font, 10.5)
            pdf.drawCentredString(width / 2, top - 24, "某政发〔2022〕8号")
            top -= 60
        for side in (0, 1):
            x = left + side * (column + gutter)
            y = top - side * offset
            for text, justified in lines[:lines_per_column]:
                shown = pdf.beginText(x, y)
                shown.setFont(font, size)
                if justified:
                    natural = stringWidth(text, font, size)
                    shown.setCharSpace((column - natural) / max(len(text) - 1, 1))
                shown.textLine(text)
                pdf.drawText(shown)
                y -= pitch
            lines = lines[lines_per_column:]
        pdf.setFont(font, 9)
        pdf.drawCentredString(width / 2, 30, f"— {page} —")
        pdf.showPage()
    pdf.save()
    return path


def _got(plan) -> set[tuple]:
    return {(t.indicator, str(t.target.op), t.target.value) for t in plan.targets}


def _paragraphs(blocks: list[tuple[str, str]]) -> list[str]:
    return [text if kind == "h" else "\u3000\u3000" + text for kind, text in blocks]


def test_a_gazette_in_two_columns_is_read_column_by_column(tmp_path: Path) -> None:
    """Three pages: the second's first row of both columns stands within the top tenth of the page, where running
    headers do — it is the columns' first row (before: 比例达到 and 达到1200人次以上 read as one line)."""
    pdf = _gazette(tmp_path / "gazette.pdf", PLAN, lines_per_column=8)
    lines = [line.text.replace(" ", "").replace("\u3000", "") for line in read_document(pdf).lines]
    for paragraph in _paragraphs(PLAN):
        assert paragraph.replace("\u3000", "") in lines, (paragraph, lines)
    (plan,) = extract(pdf)
    assert WANT <= _got(plan), WANT - _got(plan)
    assert plan.domains[:2] == ["妇女与健康", "妇女与教育"]
    assert not plan.unparsed, plan.unparsed


def test_the_last_page_of_a_gazette_article_fills_its_left_column_part_way(tmp_path: Path) -> None:
    """Two pages, the second holding three lines of the left column only: too few rows to show two columns, read
    in the columns of the page before, so the sentence the right column broke reads on (…保持在50% / 左右。)."""
    pdf = _gazette(tmp_path / "gazette.pdf", PLAN, lines_per_column=14)
    lines = [line.text.replace(" ", "").replace("\u3000", "") for line in read_document(pdf).lines]
    assert "1.村民委员会成员中女性比例达到30%以上，居民委员会成员中女性比例保持在50%左右。" in lines, lines
    (plan,) = extract(pdf)
    assert ("居民委员会成员中女性比例", "~", D(50)) in _got(plan)
    assert not plan.unparsed, plan.unparsed


def test_a_gazette_with_a_narrow_gutter_and_shifted_baselines(tmp_path: Path) -> None:
    """The variant: a gutter of one and a half characters, the right column's baselines half a line lower."""
    pdf = _gazette(tmp_path / "gazette.pdf", PLAN, size=11, gutter=16, lines_per_column=12, offset=5.5)
    lines = [line.text.replace(" ", "").replace("\u3000", "") for line in read_document(pdf).lines]
    for paragraph in _paragraphs(PLAN):
        assert paragraph.replace("\u3000", "") in lines, (paragraph, lines)
    (plan,) = extract(pdf)
    assert WANT <= _got(plan), WANT - _got(plan)
    assert not plan.unparsed, plan.unparsed


def test_a_running_header_whose_halves_swap_sides_between_pages(tmp_path: Path) -> None:
    """某某县人民政府公报 | 2022年第3期 on odd pages, 2022年第3期 | 某某县人民政府公报 on even ones: the same running
    header, left out — never run into the sentence the page break cut (…每年培育 / 某某县人民政府公报… / 50户)."""
    pdf = _gazette(tmp_path / "gazette.pdf", PLAN, lines_per_column=8, mirrored=True)
    lines = [line.text for line in read_document(pdf).lines]
    assert not [line for line in lines if "公报" in line], lines
    (plan,) = extract(pdf)
    assert WANT <= _got(plan), WANT - _got(plan)
    assert not plan.unparsed, plan.unparsed
