"""PDFs as drafts and portals print them: watermarks, tables of contents, small running headers, clauses on lines of
their own, a table continued under 续表, two tables printed side by side.

Each test typesets a small invented plan of the shape with reportlab and asserts exactly what is extracted; each
shape has a variant the rule must also read.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path

import pytest

from compliance.extraction import extract
from compliance.reading import read_document

pytest.importorskip("reportlab")

JURISDICTION = "湖北省/某某市/某某县"
TITLE = "某某县儿童发展规划（2021—2030年）"


def _targets(plan) -> list[tuple]:
    return [(t.indicator, str(t.target.op), t.target.value, t.target.unit) for t in plan.targets]


def _styles():  # noqa: ANN202 - reportlab styles
    from reportlab.lib.styles import ParagraphStyle

    from tests.makedocs import _font

    font = _font(embedded=False)
    body = ParagraphStyle("body", fontName=font, fontSize=12, leading=20, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName=font, fontSize=10, leading=13, wordWrap="CJK")
    return font, body, cell


def _build(path: Path, story: list, on_page: Callable | None = None, on_later: Callable | None = None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    def nothing(canvas: object, document: object) -> None:
        return None

    first = on_page or nothing
    later = on_later or on_page or nothing
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=72, rightMargin=72, topMargin=72, bottomMargin=72).build(
        story, onFirstPage=first, onLaterPages=later
    )
    return path


def _paragraphs(lines: list[str]) -> list:
    from reportlab.platypus import PageBreak, Paragraph

    _, body, _ = _styles()
    return [PageBreak() if line == "<page>" else Paragraph(line, body) for line in lines]


def _ruled(rows: list[list[str]], spans: list[tuple] = (), widths: list[float] | None = None):  # noqa: ANN202
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    _, _, cell = _styles()
    commands: list[tuple] = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    commands += [("SPAN", a, b) for a, b in spans]
    return Table([[Paragraph(c, cell) for c in row] for row in rows], colWidths=widths, style=TableStyle(commands))


# --------------------------------------------------------------------------- a watermark over the text

HEALTH = [
    TITLE,
    "一、发展领域和主要目标",
    "（一）儿童与健康",
    "主要目标：",
    "1.新生儿死亡率控制在2.8‰以下。",
    "2.婴儿死亡率控制在4.2‰以下。",
    "3.5岁以下儿童死亡率控制在5.6‰以下。",
    "4.适龄儿童免疫规划疫苗接种率保持在95%以上。",
    "（二）儿童与教育",
    "主要目标：",
    "1.学前教育毛入园率达到92%以上。",
    "2.九年义务教育巩固率保持在97%以上。",
    "3.高中阶段毛入学率达到95%以上。",
    "二、组织实施",
    "县妇女儿童工作委员会负责规划实施的统筹协调。",
]
HEALTH_TARGETS = [
    ("新生儿死亡率", "<=", D("2.8"), "‰"),
    ("婴儿死亡率", "<=", D("4.2"), "‰"),
    ("5岁以下儿童死亡率", "<=", D("5.6"), "‰"),
    ("适龄儿童免疫规划疫苗接种率", ">=", D(95), "%"),
    ("学前教育毛入园率", ">=", D(92), "%"),
    ("九年义务教育巩固率", ">=", D(97), "%"),
    ("高中阶段毛入学率", ">=", D(95), "%"),
]


def _watermark(text: str, angle: float, size: float, grey: float) -> Callable:
    """A watermark drawn over each page: `text` at `angle` degrees, `size` points, in grey `grey` (1 = white)."""
    from reportlab.lib.pagesizes import A4

    font, _, _ = _styles()

    def draw(canvas, document) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFillGray(grey)
        canvas.setFont(font, size)
        for y in (0.35, 0.65):
            canvas.saveState()
            canvas.translate(A4[0] / 2, A4[1] * y)
            canvas.rotate(angle)
            canvas.drawCentredString(0, 0, text)
            canvas.restoreState()
        canvas.restoreState()

    return draw


@pytest.mark.parametrize(
    ("text", "angle", "size", "grey"),
    [
        ("讨论稿", 45, 64, 0.85),  # diagonal, as a 征求意见稿's watermark
        ("内部资料", 30, 56, 0.6),  # another slant, a darker grey
        ("样本", 0, 90, 0.88),  # level, large and light behind the text
    ],
)
def test_a_watermark_over_the_text_is_no_part_of_it(tmp_path: Path, text: str, angle: float, size: float, grey: float) -> None:
    """The watermark's characters stand between the text's lines: read with the text, they ran lines together."""
    path = _build(tmp_path / "draft.pdf", _paragraphs(HEALTH), on_page=_watermark(text, angle, size, grey))
    document = read_document(path)
    assert [line.text for line in document.lines] == HEALTH
    (plan,) = extract(path, jurisdiction=JURISDICTION)
    assert _targets(plan) == HEALTH_TARGETS
    assert plan.domains == ["儿童与健康", "儿童与教育"]
    assert not plan.unparsed


def test_a_grey_line_of_ordinary_size_is_text(tmp_path: Path) -> None:
    """Only a watermark's print is left out: a line of text in grey at the text's size stays."""
    lines = [*HEALTH[:5], "<font color='#bbbbbb'>2.婴儿死亡率控制在4.2‰以下。</font>", *HEALTH[6:]]
    path = _build(tmp_path / "grey.pdf", _paragraphs(lines))
    (plan,) = extract(path, jurisdiction=JURISDICTION)
    assert _targets(plan) == HEALTH_TARGETS


# --------------------------------------------------------------------------- a table of contents


@pytest.mark.parametrize(
    "leader",
    ["……………………………………", "..........................", "·························"],
)
def test_a_table_of_contents_gives_no_headings_and_no_numbers(tmp_path: Path, leader: str) -> None:
    """A cover, a 目录 of the plan's parts with dot leaders and page numbers, then the plan: only the plan is read."""
    contents = ["目　　录", f"一、发展领域和主要目标{leader}1", f"（一）儿童与健康{leader}1", f"（二）儿童与教育{leader}2",
                f"（三）儿童与福利{leader}2", f"二、组织实施{leader}3"]
    lines = ["某某县儿童发展规划", "（2021—2030年）", "某某县妇女儿童工作委员会", "<page>", *contents, "<page>", *HEALTH]
    path = _build(tmp_path / "contents.pdf", _paragraphs(lines))
    (plan,) = extract(path, jurisdiction=JURISDICTION)
    assert _targets(plan) == HEALTH_TARGETS
    assert plan.domains == ["儿童与健康", "儿童与教育"]
    assert not plan.unparsed


def test_a_table_of_contents_after_the_title_opens_no_domain(tmp_path: Path) -> None:
    """The 目录 between the title and the text: its entries are no headings (a domain with no targets) either."""
    contents = ["目录", "一、发展领域和主要目标………………1", "（一）儿童与健康………………1", "（二）儿童与教育………………2",
                "（三）儿童与福利………………2", "二、组织实施………………3"]
    lines = [TITLE, *contents, "<page>", *HEALTH[1:]]
    path = _build(tmp_path / "contents.pdf", _paragraphs(lines))
    (plan,) = extract(path, jurisdiction=JURISDICTION)
    assert _targets(plan) == HEALTH_TARGETS
    assert plan.domains == ["儿童与健康", "儿童与教育"]
    assert not plan.unparsed


# --------------------------------------------------------------------------- a running header in small print


@pytest.mark.parametrize("header", ["某某县人民政府规范性文件　　某府发〔2023〕7号", "某某县儿童发展规划（征求意见稿）"])
def test_a_small_running_header_on_the_second_page_only_is_no_text(tmp_path: Path, header: str) -> None:
    """Two pages, a header in small print at the top of the second only: too few to repeat, told by its print."""
    from reportlab.lib.pagesizes import A4

    font, _, _ = _styles()

    def later(canvas, document) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 44, header)
        canvas.restoreState()

    lines = [*HEALTH[:7], "<page>", "每千人口拥有3岁以下婴幼儿托位数达到4.5个。", *HEALTH[7:]]
    path = _build(tmp_path / "header.pdf", _paragraphs(lines), on_later=later)
    document = read_document(path)
    assert header not in [line.text for line in document.lines]
    (plan,) = extract(path, jurisdiction=JURISDICTION)
    assert ("每千人口拥有3岁以下婴幼儿托位数", ">=", D("4.5"), "个/千人") in _targets(plan)
    assert len(plan.targets) == len(HEALTH_TARGETS) + 1
    assert not plan.unparsed


# --------------------------------------------------------------------------- a sentence broken by hand after a comma


def _typeset(path: Path, lines: list[tuple[float, str]]) -> Path:
    """Printed lines at the given indent (points from the left margin), one per row: a draft broken by hand."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font, _, _ = _styles()
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = A4[1] - 72
    for indent, text in lines:
        pdf.setFont(font, 12)
        pdf.drawString(72 + indent, y, text)
        y -= 20
    pdf.showPage()
    pdf.save()
    return path


def test_a_clause_on_a_line_of_its_own_after_a_comma_reads_on(tmp_path: Path) -> None:
    """1.5岁以下儿童贫血患病率控制在9%以下， / 生长迟缓率控制在4%以下。 flush left: one sentence, the subject shared."""
    lines = [
        (0, TITLE),
        (0, "一、发展领域和主要目标"),
        (0, "（一）儿童与健康"),
        (24, "主要目标："),
        (24, "1.5岁以下儿童贫血患病率控制在9%以下，"),
        (0, "生长迟缓率控制在4%以下。"),
        (24, "2.适龄儿童免疫规划疫苗接种率保持在95%以上，"),
        (24, "3.学前教育毛入园率达到92%以上。"),
        (0, "二、组织实施"),
    ]
    path = _typeset(tmp_path / "clauses.pdf", lines)
    texts = [line.text for line in read_document(path).lines]
    assert "1.5岁以下儿童贫血患病率控制在9%以下，生长迟缓率控制在4%以下。" in texts
    assert "2.适龄儿童免疫规划疫苗接种率保持在95%以上，" in texts  # a numbered line is an item of its own
    (plan,) = extract(path, jurisdiction=JURISDICTION)
    assert [(t.line, *target) for t, target in zip(plan.targets, _targets(plan), strict=True)] == [
        (5, "5岁以下儿童贫血患病率", "<=", D(9), "%"),
        (6, "5岁以下儿童生长迟缓率", "<=", D(4), "%"),
        (7, "适龄儿童免疫规划疫苗接种率", ">=", D(95), "%"),
        (8, "学前教育毛入园率", ">=", D(92), "%"),
    ]


# --------------------------------------------------------------------------- a table continued under 续表


@pytest.mark.parametrize("caption", ["续表1", "续表 1"])
def test_a_table_continued_under_its_caption_with_the_header_repeated(tmp_path: Path, caption: str) -> None:
    """表1 breaks over a page: 续表1 and its two-row header repeated, then the 表注 that gives the bare cells' comparator."""
    from reportlab.platypus import PageBreak, Paragraph

    _, body, _ = _styles()
    header = [["序号", "指标", "单位", "2020年", "目标值", ""], ["", "", "", "", "2025年", "2030年"]]
    spans = [((4, 0), (5, 0)), ((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (2, 1)), ((3, 0), (3, 1))]
    first = [["1", "婴儿死亡率", "‰", "4.9", "≤4.6", "≤4.2"], ["2", "学前教育毛入园率", "%", "89.5", "91", "93"]]
    second = [["3", "九年义务教育巩固率", "%", "96.2", "96.8", "97.5"], ["4", "城乡社区儿童之家覆盖率", "%", "90", "95", "98"]]
    story = [
        Paragraph(TITLE, body),
        Paragraph("一、主要指标", body),
        Paragraph("表1　某某县儿童发展主要指标", body),
        _ruled(header + first, spans),
        PageBreak(),
        Paragraph(caption, body),
        _ruled(header + second, spans),
        Paragraph("表注：目标值未标注符号的为“不低于”。", body),
        Paragraph("二、组织实施", body),
    ]
    path = _build(tmp_path / "continued.pdf", story)
    (plan,) = extract(path, jurisdiction=JURISDICTION)
    assert [(t.indicator, str(t.target.op), t.target.value, t.year) for t in plan.targets] == [
        ("婴儿死亡率", "<=", D("4.6"), 2025),
        ("婴儿死亡率", "<=", D("4.2"), None),
        ("学前教育毛入园率", ">=", D(91), 2025),
        ("学前教育毛入园率", ">=", D(93), None),
        ("九年义务教育巩固率", ">=", D("96.8"), 2025),
        ("九年义务教育巩固率", ">=", D("97.5"), None),
        ("城乡社区儿童之家覆盖率", ">=", D(95), 2025),
        ("城乡社区儿童之家覆盖率", ">=", D(98), None),
    ]
    assert not plan.unparsed  # 续表1 is a caption, no number left unread


# --------------------------------------------------------------------------- two tables side by side


def test_a_table_printed_as_two_side_by_side_gives_each_indicator_its_own_row(tmp_path: Path) -> None:
    """序号 | 指标（单位） | 2020年 | 2030年目标, twice across the page: each printed row holds two indicators of two domains."""
    from reportlab.platypus import Paragraph

    _, body, _ = _styles()
    half = ["序号", "指标（单位）", "2020年", "2030年目标"]
    rows = [
        half + half,
        ["1", "婴儿死亡率（‰）", "4.9", "≤4.2", "4", "学前教育毛入园率（%）", "89.5", "≥93"],
        ["2", "5岁以下儿童死亡率（‰）", "6.3", "≤5.5", "5", "九年义务教育巩固率（%）", "96.2", "97.5"],
        ["3", "0～6岁儿童眼保健和视力检查覆盖率（%）", "88", "≥92", "", "", "", ""],
    ]
    story = [
        Paragraph(TITLE, body),
        Paragraph("一、主要指标", body),
        Paragraph("表1　主要指标", body),
        _ruled(rows, widths=[28, 110, 40, 50, 28, 110, 40, 50]),
        Paragraph("注：目标值未标注符号的为“达到”。", body),
        Paragraph("二、组织实施", body),
    ]
    path = _build(tmp_path / "halves.pdf", story)
    (plan,) = extract(path, jurisdiction=JURISDICTION)
    # in the order of the printed lines: each value at its own, the left half's before the right's on each row
    assert _targets(plan) == [
        ("婴儿死亡率", "<=", D("4.2"), "‰"),
        ("学前教育毛入园率", ">=", D(93), "%"),
        ("5岁以下儿童死亡率", "<=", D("5.5"), "‰"),
        ("九年义务教育巩固率", ">=", D("97.5"), "%"),
        ("0～6岁儿童眼保健和视力检查覆盖率", ">=", D(92), "%"),
    ]
    assert [t.baseline.value for t in plan.targets] == [D("4.9"), D("89.5"), D("6.3"), D("96.2"), D(88)]
    lines = [t.line for t in plan.targets]
    assert lines == sorted(set(lines))
    assert all("2030年目标列" in str(t.locator) for t in plan.targets)
    assert not plan.unparsed


def test_two_tables_side_by_side_apart_by_an_empty_column_with_their_units_in_a_column(tmp_path: Path) -> None:
    """The variant: 指标 | 单位 | 基期值 | 目标值 twice, an empty narrow column between the halves, long names wrapped."""
    from reportlab.platypus import Paragraph

    _, body, _ = _styles()
    half = ["指标", "单位", "基期值", "目标值"]
    rows = [
        [*half, "", *half],
        ["儿童伤害死亡率", "1/10万", "14.2", "≤11", "", "中小学生国家学生体质健康标准达标优良率", "%", "52", "≥60"],
        ["孤儿基本生活保障标准（每人每月）", "元", "1300", "≥1600", "", "城乡社区儿童之家覆盖率", "%", "91", "≥98"],
    ]
    story = [
        Paragraph(TITLE, body),
        Paragraph("一、主要指标", body),
        _ruled(rows, widths=[92, 40, 36, 46, 20, 92, 40, 36, 46]),
        Paragraph("二、组织实施", body),
    ]
    path = _build(tmp_path / "halves.pdf", story)
    (plan,) = extract(path, jurisdiction=JURISDICTION)
    assert sorted(_targets(plan)) == sorted([
        ("儿童伤害死亡率", "<=", D(11), "1/10万"),
        ("孤儿基本生活保障标准（每人每月）", ">=", D(1600), "元"),
        ("中小学生国家学生体质健康标准达标优良率", ">=", D(60), "%"),
        ("城乡社区儿童之家覆盖率", ">=", D(98), "%"),
    ])
    assert not plan.unparsed


def test_side_by_side_is_told_by_a_repeated_run_of_column_names() -> None:
    from compliance.reading.grid import side_by_side

    assert side_by_side(["序号", "指标（单位）", "2020年", "2025年目标"] * 2) == [(0, 4), (4, 8)]
    assert side_by_side(["指标", "单位", "基期值", "目标值", "", "指标", "单位", "基期值", "目标值"]) == [(0, 4), (5, 9)]
    assert side_by_side(["指标", "目标值"] * 3) == [(0, 2), (2, 4), (4, 6)]
    assert side_by_side(["序号", "指标", "2020年", "目标值", "", "2025年", "2030年"]) == []
    assert side_by_side(["2025年", "2030年", "2025年", "2030年"]) == []  # only values: no names repeated
    assert side_by_side(["指标", "单位", "2020年", "2030年"]) == []
