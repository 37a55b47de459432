"""Drafts for comment (征求意见稿) printed with line numbers in the left margin: 1, 2, 3 … before each printed line,
restarting on each page (Word's line numbering), or running on through the document. The numbers are no part of the
text: a wrapped line that begins with a value (7 ⎵ 95%以上) would otherwise read 795%. Each test typesets an invented
draft (and a variant) and asserts the lines read and the targets found.
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

DRAFT = [
    "某某县妇女发展规划（2021—2025年）",
    "（征求意见稿）",
    "为全面贯彻男女平等基本国策，根据《中国妇女发展纲要（2021—2030年）》，结合我县实际，制定本规划。",
    "一、妇女与健康",
    "主要目标：",
    "1.孕产妇死亡率控制在9/10万以下，城乡、区域差距逐步缩小，妇女常见病筛查率达到",
    "95%以上。",
    "2.适龄妇女宫颈癌人群筛查率达到70%以上，乳腺癌人群筛查率逐步提高，孕产妇系统管理率保持在",
    "95%以上。",
    "3.住院分娩率稳定在99.5%以上，妇女艾滋病感染率控制在0.1%以下。",
    "二、妇女与教育",
    "主要目标：",
    "1.高中阶段教育毛入学率达到96%以上，女性平均受教育年限提高到11.3年，女性从业人员中专业技术人员比例达到",
    "30%。",
    "三、妇女与经济",
    "主要目标：",
    "1.就业人员中的女性比例保持在45%左右，城镇单位就业人员中的女性比例保持在40%左右。",
    "2.农村妇女参加农业技术培训的人次达到",
    "1200人次以上。",
    "四、妇女参与决策和管理",
    "主要目标：",
    "1.村民委员会成员中女性比例达到30%以上，居民委员会成员中女性比例保持在50%左右。",
]

WANT = {
    ("孕产妇死亡率", "<=", D(9)),
    ("妇女常见病筛查率", ">=", D(95)),
    ("适龄妇女宫颈癌人群筛查率", ">=", D(70)),
    ("孕产妇系统管理率", ">=", D(95)),
    ("住院分娩率", ">=", D("99.5")),
    ("妇女艾滋病感染率", "<=", D("0.1")),
    ("高中阶段教育毛入学率", ">=", D(96)),
    ("女性平均受教育年限", ">=", D("11.3")),
    ("女性从业人员中专业技术人员比例", ">=", D(30)),
    ("就业人员中的女性比例", "~", D(45)),
    ("城镇单位就业人员中的女性比例", "~", D(40)),
    ("村民委员会成员中女性比例", ">=", D(30)),
    ("居民委员会成员中女性比例", "~", D(50)),
}


def _printed(paragraphs: list[str], width: int) -> list[str]:
    """The paragraphs wrapped at `width` characters, a printed line each; a paragraph printed as written when
    it is a line that ends its list item early (the next printed line begins with its value)."""
    out = []
    for text in paragraphs:
        while len(text) > width:
            out.append(text[:width])
            text = text[width:]
        out.append(text)
    return out


def _draft_pdf(path: Path, paragraphs: list[str], *, per_page: int = 14, restart: bool = True, number_x: float = 50,
               align_right: bool = True, rows: list[tuple[str, ...]] | None = None) -> Path:
    """The draft typeset with margin numbers; `rows`: a last page holding an unnumbered table (Word numbers no table
    line) and its note, the page's only numbered line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from makedocs import _font

    font = _font(HAS_TRUETYPE)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    lines = _printed(paragraphs, 36)
    count = 0
    for start in range(0, len(lines), per_page):
        y = height - 90
        for k, text in enumerate(lines[start : start + per_page]):
            count += 1
            number = str(k + 1 if restart else count)
            pdf.setFont(font, 9)
            if align_right:
                pdf.drawRightString(number_x, y, number)
            else:
                pdf.drawString(number_x, y, number)
            pdf.setFont(font, 12)
            pdf.drawString(72, y, text)
            y -= 21
        pdf.setFont(font, 9)
        pdf.drawCentredString(width / 2, 30, f"— {pdf.getPageNumber()} —")
        pdf.showPage()
    if rows:
        y = height - 90
        pdf.setFont(font, 11)
        for row in rows:
            for x, cell in zip((72, 260, 380, 460), row, strict=False):
                pdf.drawString(x, y, cell)
            y -= 20
        pdf.setFont(font, 9)
        pdf.drawRightString(number_x, y - 10, "1")
        pdf.setFont(font, 12)
        pdf.drawString(72, y - 10, "注：2020年数据来源于县卫健局、县统计局。")
        pdf.showPage()
    pdf.save()
    return path


def _got(plan) -> set[tuple]:
    return {(t.indicator, str(t.target.op), t.target.value) for t in plan.targets}


def test_margin_line_numbers_restarting_on_each_page_are_left_out(tmp_path: Path) -> None:
    pdf = _draft_pdf(tmp_path / "draft.pdf", DRAFT)
    lines = [line.text for line in read_document(pdf).lines]
    assert "一、妇女与健康" in lines and "三、妇女与经济" in lines and "主要目标：" in lines
    assert "".join(lines).replace(" ", "") == "".join(DRAFT)  # every word read, no margin number among them
    (plan,) = extract(pdf)
    assert WANT <= _got(plan), WANT - _got(plan)
    assert any(t.target.value == D(1200) for t in plan.targets)  # 10 before 1200人次以上 is no digit of it
    assert not plan.unparsed, plan.unparsed


def test_margin_line_numbers_running_on_through_the_draft_left_aligned(tmp_path: Path) -> None:
    """The variant: numbers that run on from page to page, set flush left nearer the text."""
    pdf = _draft_pdf(tmp_path / "draft.pdf", DRAFT, per_page=11, restart=False, number_x=52, align_right=False)
    assert "".join(line.text for line in read_document(pdf).lines).replace(" ", "") == "".join(DRAFT)
    (plan,) = extract(pdf)
    assert WANT <= _got(plan), WANT - _got(plan)
    assert not plan.unparsed, plan.unparsed


def test_a_numbered_column_of_a_table_is_no_margin_numbering(tmp_path: Path) -> None:
    """An unruled table's 序号 column (1, 2, 3 … at the left of its rows) stays the table's."""
    from makedocs import unruled_table_pdf

    rows = [
        ("序号", "指标", "2020年", "2025年目标"),
        ("1", "孕产妇死亡率（1/10万）", "10.2", "≤9"),
        ("2", "妇女常见病筛查率（%）", "88", "≥95"),
        ("3", "高中阶段教育毛入学率（%）", "94", "≥96"),
        ("4", "女性平均受教育年限（年）", "10.8", "11.3"),
        ("5", "村民委员会成员中女性比例（%）", "26", "≥30"),
    ]
    path = unruled_table_pdf(
        tmp_path / "table.pdf", rows, (72, 110, 380, 460), embedded=HAS_TRUETYPE,
        caption="某某县妇女发展规划（2021—2025年）主要指标",
    )
    cells = [line.cells for line in read_document(path).lines if line.cells]
    assert ["1", "孕产妇死亡率（1/10万）", "10.2", "≤9"] in cells, cells


def _draft_text(paragraphs: list[str], *, per_page: int = 14, restart: bool = True, gap: str = " ") -> str:
    """The draft copied as text with its margin numbers (pdftotext -layout of the PDF, a copy from Word's print view)."""
    lines = _printed(paragraphs, 36)
    out: list[str] = []
    count = 0
    for start in range(0, len(lines), per_page):
        for k, text in enumerate(lines[start : start + per_page]):
            count += 1
            out.append(f"{k + 1 if restart else count}{gap}{text}")
        out += ["", f"— {start // per_page + 1} —", ""]
    return "\n".join(out) + "\n"


def test_margin_line_numbers_of_a_draft_copied_as_text_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(_draft_text(DRAFT), encoding="utf-8")
    lines = read_document(path).lines
    assert lines[0].text == "某某县妇女发展规划（2021—2025年）" and lines[0].number == 1
    (plan,) = extract(path)
    assert WANT <= _got(plan), WANT - _got(plan)
    assert any(t.target.value == D(1200) for t in plan.targets)
    assert not plan.unparsed, plan.unparsed


def test_margin_line_numbers_apart_by_a_tab_running_on_through_a_copied_draft(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(_draft_text(DRAFT, per_page=11, restart=False, gap="\t"), encoding="gb18030")
    (plan,) = extract(path)
    assert WANT <= _got(plan), WANT - _got(plan)
    assert not plan.unparsed, plan.unparsed


def test_a_list_numbered_with_a_space_is_no_margin_numbering(tmp_path: Path) -> None:
    """Items 1 … 6 of a list, each a sentence of its own: the numbers are the list's and stay in the text."""
    items = [
        "1 孕产妇死亡率控制在9/10万以下。",
        "2 妇女常见病筛查率达到95%以上。",
        "3 住院分娩率稳定在99.5%以上。",
        "4 高中阶段教育毛入学率达到96%以上。",
        "5 女性平均受教育年限提高到11.3年。",
        "6 就业人员中的女性比例保持在45%左右。",
    ]
    path = tmp_path / "list.txt"
    path.write_text("某某县妇女发展规划（2021—2025年）\n主要目标：\n" + "\n".join(items) + "\n", encoding="utf-8")
    assert [line.text for line in read_document(path).lines][2:8] == items


def test_a_list_numbered_by_a_tab_in_a_pdf_keeps_its_numbers(tmp_path: Path) -> None:
    """Items 1 … 5 set with a tab after the number (a hanging indent), some wrapped: the numbers are the list's."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from makedocs import _font

    font = _font(HAS_TRUETYPE)
    path = tmp_path / "list.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _, height = A4
    rows = [
        ("", "某某县妇女发展规划（2021—2025年）"),
        ("", "主要目标："),
        ("1", "孕产妇死亡率控制在9/10万以下。"),
        ("2", "妇女常见病筛查率达到95%以上，适龄妇女宫颈癌人群筛查率达到70%以上，"),
        ("", "乳腺癌人群筛查率逐步提高。"),
        ("3", "住院分娩率稳定在99.5%以上。"),
        ("4", "高中阶段教育毛入学率达到96%以上。"),
        ("5", "就业人员中的女性比例保持在45%左右。"),
    ]
    for k, (number, text) in enumerate(rows):
        y = height - 100 - 21 * k
        pdf.setFont(font, 12)
        if number:
            pdf.drawString(72, y, number)
        pdf.drawString(96, y, text)
    pdf.save()
    lines = [line.text for line in read_document(path).lines]
    assert any(line.startswith("1") and "孕产妇死亡率" in line for line in lines), lines
    assert any(line.startswith("4") and "高中阶段" in line for line in lines), lines


def test_a_last_page_numbered_on_one_line_only(tmp_path: Path) -> None:
    """The draft's last page: its annex table (unnumbered, as Word numbers no table line) and a note under it, the
    page's one numbered line — 1 at the edge where the pages before had their numbers is the margin's."""
    rows = [("指标", "2020年", "2025年目标", ""), ("孕产妇死亡率（1/10万）", "10.2", "≤9", ""), ("妇女常见病筛查率（%）", "88", "≥95", "")]
    pdf = _draft_pdf(tmp_path / "draft.pdf", DRAFT, rows=rows)
    lines = [line.text for line in read_document(pdf).lines]
    assert "注：2020年数据来源于县卫健局、县统计局。" in lines, lines[-3:]
    (plan,) = extract(pdf)
    assert not plan.unparsed, plan.unparsed
