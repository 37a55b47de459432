"""PDF layout as Word, WPS and LibreOffice print it: paragraphs flush left, headings at the top of a page, rows broken by a page.

The PDF reader rejoins a paragraph wrapped at the page width by geometry (the
line above reaches the right margin, the next is not indented). Drafts are
mostly printed without first-line indents, so geometry alone cannot tell a
list item that happens to fill its line from a wrapped one, and a page of
short lines reaches no margin of its own (trial defects 2 and 3: a domain
heading at the top of a page joined to the line before it, list numbers left in
indicator names). Here: small documents typeset exactly (reportlab's canvas)
for each case, then each sample text typeset flush left with a page break
before every domain heading — by reportlab, and by LibreOffice from a .docx
where LibreOffice is installed — must give the same plans as the text.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import pytest

from compliance.extraction import extract
from compliance.reading import read_document

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from makedocs import as_printed, office, office_to_pdf, text_to_docx, text_to_pdf, truetype_font  # noqa: E402
from sameplans import assert_same_plans, targets  # noqa: E402

TEXTS = sorted((HERE.parent / "examples" / "texts").glob("*.txt"))
HAS_TRUETYPE = truetype_font() is not None
NUMBERED_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")


@cache
def _from_text(text: Path) -> list:
    return extract(text)


def _domain_heading(text: Path):  # noqa: ANN202 - a predicate
    """True for a line that heads one of the plan's domains: （三）儿童与教育."""
    domains = {d for plan in _from_text(text) for d in plan.domains}

    def heading(line: str) -> bool:
        line = line.strip()
        return bool(NUMBERED_HEADING.match(line)) and len(line) <= 20 and any(d in line for d in domains)

    return heading


# --------------------------------------------------------------------------- typeset exactly


def _typeset(path: Path, pages: list[list[object]], *, left: float = 72, right: float = 72, size: float = 12) -> Path:
    """Pages of printed lines, flush left. A line is its text, or (text, slack): stretched to end `slack`
    characters short of the right margin (a line that fills its width, as a wrapped one does)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from makedocs import _font

    font = _font(HAS_TRUETYPE)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for page in pages:
        y = height - 72
        for line in page:
            text, slack = (line, None) if isinstance(line, str) else line  # type: ignore[misc]
            shown = pdf.beginText(left, y)
            shown.setFont(font, size)
            if slack is not None:
                natural = stringWidth(text, font, size)
                shown.setCharSpace((width - left - right - slack * size - natural) / max(len(text) - 1, 1))
            shown.textLine(text)
            pdf.drawText(shown)
            y -= 1.7 * size
        pdf.setFont(font, 9)
        pdf.drawCentredString(width / 2, 30, f"— {pdf.getPageNumber()} —")
        pdf.showPage()
    pdf.save()
    return path


def _as_text(path: Path, pages: list[list[object]]) -> Path:
    """The same lines as a .txt (a line stretched over the margin is the start of a paragraph the next line ends)."""
    lines: list[str] = []
    joined = ""
    for page in pages:
        for line in page:
            text, slack = (line, None) if isinstance(line, str) else line  # type: ignore[misc]
            joined += text
            if slack is None or str(text).endswith(("。", "：")):
                lines.append(joined)
                joined = ""
    path.write_text("\n".join(lines + [joined]) + "\n", encoding="utf-8")
    return path


MIN = [  # the trial's repro (pdfmin/min.txt): five domains, the page broken before the third heading
    [
        "嘉善县儿童发展“十四五”规划",
        "规划期限为2021—2025年。",
        "（一）儿童与健康",
        "主要目标：",
        "1.婴儿死亡率控制在4.5‰以下。",
        "（二）儿童与安全",
        "主要目标：",
        "1.儿童伤害死亡率控制在7.2/10万以下。",
    ],
    [
        "（三）儿童与教育",
        "主要目标：",
        "1.学前三年教育毛入园率达到99%以上。",
        "（四）儿童与福利",
        "主要目标：",
        "1.儿童医疗保障覆盖率达到100%。",
        "（五）儿童与家庭",
        "主要目标：",
        "1.建成数字家长学校的中小学比例达到70%以上。",
    ],
]


def test_a_heading_at_the_top_of_a_page_is_a_heading(tmp_path: Path) -> None:
    pdf = _typeset(tmp_path / "min.pdf", MIN, left=60)
    lines = [line.text for line in read_document(pdf).lines]
    assert "（三）儿童与教育" in lines and "1.儿童伤害死亡率控制在7.2/10万以下。" in lines
    (plan,) = extract(pdf)
    (want,) = extract(_as_text(tmp_path / "min.txt", MIN))
    assert plan.domains == want.domains == ["儿童与健康", "儿童与安全", "儿童与教育", "儿童与福利", "儿童与家庭"]
    assert targets(plan) == targets(want)
    assert next(t.domain for t in plan.targets if t.indicator == "学前三年教育毛入园率") == "儿童与教育"


LIST = [  # as LibreOffice prints a draft without first-line indents: items that happen to fill their line
    [
        "某某县儿童发展“十四五”规划",
        "规划期限为2021—2025年。",
        "（一）儿童与健康",
        "主要目标：",
        ("1.新生儿、婴儿和5岁以下儿童死亡率分别控制在2.5‰、4.5‰和5.5‰以下，儿童", 0),
        "死亡率城乡差距逐步缩小。",
        ("2.严重致残的出生缺陷发生率控制在9.5‰以下，新生儿遗传代谢性疾病筛查率达到", 0),
        "98%以上。",
        ("3.3岁以下婴幼儿健康管理率达到95%以上，0-6岁儿童健康管理率达到90%以上。", 0.4),
        "4.0-6个月婴儿纯母乳喂养率达到60%以上。",
        ("5.5岁以下儿童贫血患病率控制在9%以下，5岁以下儿童生长迟缓率控制在4%以下。", 0.3),
        "6.适龄儿童免疫规划疫苗接种率保持在95%以上。",
    ],
]


def test_a_list_item_that_fills_its_line_ends_there(tmp_path: Path) -> None:
    pdf = _typeset(tmp_path / "list.pdf", LIST)
    lines = [line.text for line in read_document(pdf).lines]
    assert "4.0-6个月婴儿纯母乳喂养率达到60%以上。" in lines  # not joined to item 3
    assert "2.严重致残的出生缺陷发生率控制在9.5‰以下，新生儿遗传代谢性疾病筛查率达到98%以上。" in lines  # wrapped: joined
    (plan,) = extract(pdf)
    (want,) = extract(_as_text(tmp_path / "list.txt", LIST))
    assert targets(plan) == targets(want)
    names = {t.indicator for t in plan.targets}
    assert {"0-6个月婴儿纯母乳喂养率", "5岁以下儿童贫血患病率"} <= names
    assert not any(re.match(r"\d+[.．]", name) for name in names), names  # no list number left in a name


def test_a_broken_table_row_is_one_row(tmp_path: Path) -> None:
    """A row that Word or LibreOffice breaks at the page end goes on at the top of the next page: one row, one table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from makedocs import _font

    font = _font(HAS_TRUETYPE)
    columns = [72, 150, 190, 400, 460, 523]
    pages = [
        (
            ["某某县妇女发展“十四五”规划", "规划期限为2021—2025年。", "主要指标"],
            [
                ["领域", "序号", "指标", "2020年", "2025年"],
                ["妇女与教育", "1", "九年义务教育巩固率（%）", "99.2", "≥99"],
                ["", "2", ["高中阶段女生"], "99.32", "≥99"],  # the row breaks here: the rest of its name is on page 2
            ],
        ),
        (
            [],
            [
                ["", "", ["毛入学率（%）"], "", ""],
                ["", "3", "高等教育毛入学率（%）", "62.27", "≥70"],
            ],
        ),
    ]
    path = tmp_path / "rows.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for texts, rows in pages:
        y = height - 72
        for text in texts:
            pdf.setFont(font, 12)
            pdf.drawString(72, y, text)
            y -= 20
        top = y
        for row in rows:
            bottom = top - 24
            pdf.line(columns[0], top, columns[-1], top)
            for k, cell in enumerate(row):
                pdf.setFont(font, 10)
                pdf.drawString(columns[k] + 3, bottom + 8, cell[0] if isinstance(cell, list) else cell)
            top = bottom
        pdf.line(columns[0], top, columns[-1], top)
        for x in columns:
            pdf.line(x, y, x, top)
        pdf.showPage()
    pdf.save()
    rows = [line for line in read_document(path).lines if line.cells is not None]
    assert [r.cells[2] for r in rows] == ["指标", "九年义务教育巩固率（%）", "高中阶段女生毛入学率（%）", "高等教育毛入学率（%）"]
    assert rows[3].locator.startswith("第2页 表1 ")  # the same table, on the next page
    (plan,) = extract(path)
    assert {t.indicator: str(t.target.value) for t in plan.targets} == {
        "九年义务教育巩固率": "99",
        "高中阶段女生毛入学率": "99",
        "高等教育毛入学率": "70",
    }


# --------------------------------------------------------------------------- the sample texts, flush left


@pytest.mark.parametrize(
    "embedded",
    [
        pytest.param(
            True,
            marks=pytest.mark.skipif(
                not HAS_TRUETYPE, reason="no TrueType CJK font installed (apt-get install fonts-wqy-microhei; .ci/run does)"
            ),
            id="embedded-font",
        ),
        pytest.param(False, id="cid-font"),
    ],
)
@pytest.mark.parametrize("text", TEXTS, ids=[t.stem.split("-")[0] for t in TEXTS])
def test_sample_text_flush_left_with_a_page_break_before_each_domain(text: Path, embedded: bool, tmp_path: Path) -> None:
    lines = as_printed(text.read_text(encoding="utf-8").splitlines())
    pdf = text_to_pdf(lines, tmp_path / "plan.pdf", embedded=embedded, indent=False, break_before=_domain_heading(text))
    heading = _domain_heading(text)
    tops: dict[str, str] = {}  # the first line of each page (after its running header)
    for line in read_document(pdf).lines:
        tops.setdefault((line.locator or "").split("页")[0], line.text)
    assert sum(heading(top) for top in tops.values()) >= 5  # the headings did fall at the top of pages
    assert_same_plans(extract(pdf), _from_text(text))


@pytest.fixture(scope="module")
def office_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each sample text as a drafter's .docx (flush left, tables with rules, a page break before each domain),
    exported as PDF by LibreOffice — in one run of it, for the three."""
    folder = tmp_path_factory.mktemp("office")
    sources = [
        text_to_docx(as_printed(t.read_text(encoding="utf-8").splitlines()), folder / (t.stem + ".docx"), break_before=_domain_heading(t))
        for t in TEXTS
    ]
    return {pdf.stem: pdf for pdf in office_to_pdf(sources, folder)}


@pytest.mark.skipif(
    office() is None, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui); .ci/run leaves it out: ~300 MB"
)
@pytest.mark.parametrize("text", TEXTS, ids=[t.stem.split("-")[0] for t in TEXTS])
def test_sample_text_exported_by_libreoffice(text: Path, office_pdfs: dict[str, Path]) -> None:
    pdf = office_pdfs[text.stem]
    assert_same_plans(extract(pdf), _from_text(text))


# --------------------------------------------------------------------------- two columns of text


def _columns(path: Path, full: list[str], left: list[str], right: list[str], after: list[str], *, size: float = 11) -> Path:
    """A gazette page: full-width lines, then two columns of text side by side, then a page of full-width lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from makedocs import _font

    font = _font(HAS_TRUETYPE)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    pitch = 1.55 * size
    for page_lines in ([None], after):
        pdf.setFont(font, 9)
        pdf.drawString(72, height - 40, "某某区人民政府公报　　　　　　　　　　2022年第5期")  # a running header
        pdf.setFont(font, size)
        y = height - 80
        if page_lines == [None]:
            for text in full:
                pdf.drawString(72, y, text)
                y -= pitch
            for k in range(max(len(left), len(right))):
                # the right column's lines stand a little lower than the left one's: rows that overlap
                if k < len(left):
                    pdf.drawString(72, y - k * pitch, left[k])
                if k < len(right):
                    pdf.drawString(width / 2 + 12, y - k * pitch - 0.4 * size, right[k])
        else:
            for text in page_lines:
                pdf.drawString(72, y, text)
                y -= pitch
        pdf.showPage()
    pdf.save()
    return path


def test_two_columns_of_text_are_read_column_by_column(tmp_path: Path) -> None:
    """A gazette's two columns: the left one read before the right, each line broken short joined to the next
    (a name on one line, its value on the next), a heading kept apart, the right column's last line going on
    at the top of the next page — never a line of one column run into the line beside it."""
    pdf = _columns(
        tmp_path / "gazette.pdf",
        ["某某区妇女发展规划（2021—2030年）", "一、发展领域、主要目标和策略措施"],
        [
            "（一）妇女与健康",
            "主要目标：",
            "1.孕产妇死亡率控制在8/10万以下，",
            "城乡差距进一步缩小。",
            "2.适龄妇女宫颈癌人群",
            "筛查率达到80%以上。",
            "3.艾滋病母婴传播率低于1%。",
        ],
        [
            "（二）妇女与经济",
            "主要目标：",
            "1.",
            "就业人员中的女性比例保持在45%左右，城镇",
            "单位就业人员中的女性比例保持在40%左右。",
            "2.区管领导班子配备女干部的比例，",
            "换届时达到100%，畅通12338热线，",
        ],
        ["针对妇女的家庭暴力明显减少。", "二、组织实施"],
    )
    lines = [line.text for line in read_document(pdf).lines]
    assert lines.index("（一）妇女与健康") < lines.index("3.艾滋病母婴传播率低于1%。") < lines.index("（二）妇女与经济")
    assert "2.适龄妇女宫颈癌人群筛查率达到80%以上。" in lines
    assert "1.就业人员中的女性比例保持在45%左右，城镇单位就业人员中的女性比例保持在40%左右。" in lines
    assert "2.区管领导班子配备女干部的比例，换届时达到100%，畅通12338热线，针对妇女的家庭暴力明显减少。" in lines
    assert "主要目标：" in lines and "（二）妇女与经济" in lines  # headings stay lines of their own
    (plan,) = extract(pdf)
    got = {(t.indicator, t.target.value) for t in plan.targets}
    assert {("适龄妇女宫颈癌人群筛查率", 80), ("城镇单位就业人员中的女性比例", 40), ("孕产妇死亡率", 8)} <= got
    assert {t.domain for t in plan.targets if t.indicator == "就业人员中的女性比例"} == {"妇女与经济"}


def test_an_unruled_table_is_no_two_columns_of_text(tmp_path: Path) -> None:
    """Cells set apart by spaces on each row, no rules: each row is read whole, left to right."""
    from makedocs import unruled_table_pdf

    rows = [
        ("指标", "单位", "2020年", "2030年目标"),
        ("孕产妇死亡率", "1/10万", "5.6", "≤8"),
        ("适龄妇女宫颈癌人群筛查率", "%", "72.4", "≥80"),
        ("高中阶段毛入学率", "%", "98.9", "≥99"),
        ("女性平均受教育年限", "年", "12.4", "13"),
        ("村民委员会成员中女性比例", "%", "31.5", "≥35"),
    ]
    path = unruled_table_pdf(tmp_path / "unruled.pdf", rows, (72, 300, 370, 450), embedded=HAS_TRUETYPE)
    lines = [line.text for line in read_document(path).lines]

    def whole(row: tuple[str, ...]) -> bool:  # the row's cells, in order, on one line
        pattern = ".*".join(re.escape(cell) for cell in row)
        return any(re.search(pattern, line) for line in lines)

    assert all(whole(row) for row in rows), lines
