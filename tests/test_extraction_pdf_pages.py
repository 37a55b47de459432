"""PDF pages as exports print them: a table row broken by the page break with no header repeated, a header row left
alone at a page's foot, landscape pages (wider than high, or turned by /Rotate with the text drawn turned) between
portrait ones.

Each test draws a small invented plan of the shape with reportlab's canvas (every rule and line where the shape puts
it) and asserts exactly what is extracted; each shape has a variant the rule must also read.
"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from compliance.extraction import extract
from compliance.reading import read_document

pytest.importorskip("reportlab")

FILLER = "县妇女儿童工作委员会负责规划实施的统筹协调，各成员单位按照职责分工。"


def _font() -> str:
    from tests.makedocs import _font as font

    return font(embedded=False)


def _draw(path: Path, pages: list[dict], *, size: tuple[float, float] | None = None) -> Path:
    """Pages drawn with the canvas.

    A page is {"items": [...], "landscape": False | "wide" | 90 | 270}: items are ("text", line) — a printed line at
    the left margin — and ("table", column rules' x, rows, {"open_top": bool, "open_bottom": bool}), a ruled table
    whose cell is a text or a list of printed lines; an open side has no rule across (the column rules run on to
    the table's end). A landscape page is wider than high ("wide"), or a portrait page turned by /Rotate 90 or 270
    with its content drawn turned so that it shows upright. Every page has its number at its foot (— N —).
    """
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    font = _font()
    portrait = size or A4
    pdf = canvas.Canvas(str(path), pagesize=portrait)
    for n, page in enumerate(pages, 1):
        turned = page.get("landscape", False)
        width, height = landscape(portrait) if turned else portrait
        pdf.setPageSize((width, height))
        pdf.setPageRotation(turned if turned in (90, 270) else 0)
        pdf.saveState()
        if turned == 90:  # the page's own space is portrait; shown turned a quarter clockwise
            pdf.transform(0, 1, -1, 0, height, 0)
        elif turned == 270:
            pdf.transform(0, -1, 1, 0, 0, width)
        y = height - 72
        for item in page["items"]:
            if item[0] == "text":
                pdf.setFont(font, 12)
                pdf.drawString(72, y, item[1])
                y -= 20
                continue
            _, columns, rows, *rest = item
            y = _table(pdf, font, columns, rows, y + 12, rest[0] if rest else {}) - 20
        pdf.setFont(font, 10)
        pdf.drawCentredString(width / 2, 30, f"— {n} —")
        pdf.restoreState()
        pdf.showPage()
    pdf.save()
    return path


def _table(pdf, font: str, columns: list[float], rows: list[list], top: float, sides: dict) -> float:  # noqa: ANN001
    """A ruled table from `top` down; returns where it ends."""
    first = top
    for k, row in enumerate(rows):
        count = max(len(c) if isinstance(c, list) else 1 for c in row)
        bottom = top - 8 - 13 * count
        if not (k == 0 and sides.get("open_top")):
            pdf.line(columns[0], top, columns[-1], top)
        pdf.setFont(font, 10)
        for c, cell in enumerate(row):
            for i, text in enumerate(cell if isinstance(cell, list) else [cell]):
                pdf.drawString(columns[c] + 3, top - 13 - 13 * i, text)
        top = bottom
    if sides.get("open_bottom"):
        top -= 6  # the page's end: the column rules run on a little under the last line
    else:
        pdf.line(columns[0], top, columns[-1], top)
    for x in columns:
        pdf.line(x, first, x, top)
    return top


def _targets(plan) -> list[tuple]:
    return [(t.indicator, str(t.target.op), t.target.value, t.year) for t in plan.targets]


# --------------------------------------------------------------------------- a row broken by the page break

COLUMNS = [72, 100, 300, 340, 400, 523]
CHILDREN = "某某县儿童发展规划（2021—2030年）"


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled-across-the-break", "open-at-the-break"])
def test_a_row_broken_by_the_page_break_with_no_header_repeated_is_one_row(tmp_path: Path, ruled: bool) -> None:
    """The end of the indicator's name alone at the top of the next page, then the table's further rows, no header."""
    open_ = {"open_bottom": not ruled}
    pages = [
        {"items": [("text", CHILDREN), ("text", "一、主要指标"), *[("text", FILLER)] * 24, (
            "table", COLUMNS, [
                ["序号", "指标", "单位", "2020年", "2030年目标"],
                ["1", "婴儿死亡率", "‰", "4.9", "≤4.2"],
                ["2", "0～6岁儿童眼保健和", "%", "88", "≥92"],
            ], open_)]},
        {"items": [(
            "table", COLUMNS, [
                ["", "视力检查覆盖率", "", "", ""],
                ["3", "学前教育毛入园率", "%", "89.5", "≥93"],
                ["4", "九年义务教育巩固率", "%", "96.2", "≥97.5"],
            ], {"open_top": not ruled}),
            ("text", "二、组织实施"), ("text", "县妇女儿童工作委员会负责规划实施的统筹协调。")]},
    ]
    path = _draw(tmp_path / "broken.pdf", pages)
    rows = [line for line in read_document(path).lines if line.cells is not None]
    assert [r.cells[1] for r in rows] == ["指标", "婴儿死亡率", "0～6岁儿童眼保健和视力检查覆盖率", "学前教育毛入园率", "九年义务教育巩固率"]
    assert [r.locator for r in rows[3:]] == ["第2页 表1 第2行", "第2页 表1 第3行"]  # the same table on the next page
    (plan,) = extract(path)
    assert _targets(plan) == [
        ("婴儿死亡率", "<=", D("4.2"), None),
        ("0～6岁儿童眼保健和视力检查覆盖率", ">=", D(92), None),
        ("学前教育毛入园率", ">=", D(93), None),
        ("九年义务教育巩固率", ">=", D("97.5"), None),
    ]
    assert [t.baseline.value for t in plan.targets] == [D("4.9"), D(88), D("89.5"), D("96.2")]
    assert not plan.unparsed


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled-across-the-break", "open-at-the-break"])
def test_a_target_cells_second_line_on_the_next_page_keeps_its_own_line(tmp_path: Path, ruled: bool) -> None:
    """The variant: a target cell's second line (平时保持在…) at the top of the next page, the name wrapped in its cell."""
    pages = [
        {"items": [("text", "某某县妇女发展规划（2021—2030年）"), ("text", "一、主要指标"), *[("text", FILLER)] * 26, (
            "table", COLUMNS, [
                ["序号", "指标", "单位", "基期值", "目标值"],
                ["1", "女性人均预期寿命", "岁", "80.1", "≥81"],
                ["2", ["村（居）民委员会成员中", "女性比例"], "%", "24", "换届后当年达到30%，"],
            ], {"open_bottom": not ruled})]},
        {"items": [(
            "table", COLUMNS, [
                ["", "", "", "", "平时保持在25%以上"],
                ["3", "妇女“两癌”筛查覆盖率", "%", "85", "≥90"],
            ], {"open_top": not ruled}),
            ("text", "二、组织实施")]},
    ]
    path = _draw(tmp_path / "second-line.pdf", pages)
    (plan,) = extract(path)
    assert _targets(plan) == [
        ("女性人均预期寿命", ">=", D(81), None),
        ("村（居）民委员会成员中女性比例", ">=", D(30), None),
        ("村（居）民委员会成员中女性比例", ">=", D(25), None),
        ("妇女“两癌”筛查覆盖率", ">=", D(90), None),
    ]
    lines = {t.target.value: t.line for t in plan.targets}
    assert lines[D(25)] > lines[D(30)]  # the second line stands on the next page, at its own number
    assert str(plan.targets[2].locator).startswith("第1页 表1 第3行")  # the row's place: where it starts
    assert not plan.unparsed


@pytest.mark.parametrize("alone", ["header", "last-row"])
def test_a_row_alone_on_its_side_of_the_page_break_is_the_tables(tmp_path: Path, alone: str) -> None:
    """The header row alone at the foot of a page, its rows on the next; or the table's last row alone at the top."""
    header = ["序号", "指标", "单位", "2020年", "2030年目标"]
    rows = [
        ["1", "婴儿死亡率", "‰", "4.9", "≤4.2"],
        ["2", "学前教育毛入园率", "%", "89.5", "≥93"],
        ["3", "九年义务教育巩固率", "%", "96.2", "≥97.5"],
    ]
    cut = 0 if alone == "header" else len(rows) - 1
    filler = 32 if alone == "header" else 27
    pages = [
        {"items": [("text", CHILDREN), ("text", "一、主要指标"), *[("text", FILLER)] * filler,
                   ("table", COLUMNS, [header, *rows[:cut]])]},
        {"items": [("table", COLUMNS, rows[cut:]), ("text", "二、组织实施"), ("text", FILLER)]},
    ]
    path = _draw(tmp_path / "alone.pdf", pages)
    rows_read = [line for line in read_document(path).lines if line.cells is not None]
    assert len(rows_read) == 4 and all(" 表1 " in line.locator for line in rows_read)
    (plan,) = extract(path)
    assert _targets(plan) == [
        ("婴儿死亡率", "<=", D("4.2"), None),
        ("学前教育毛入园率", ">=", D(93), None),
        ("九年义务教育巩固率", ">=", D("97.5"), None),
    ]
    assert not plan.unparsed


def test_a_ruled_row_alone_that_no_table_goes_on_from_is_text(tmp_path: Path) -> None:
    """A box of three ruled cells under the text, the next page opening with text: no table, its words read as text."""
    pages = [
        {"items": [("text", CHILDREN), ("text", "一、主要目标"), ("text", "1.婴儿死亡率控制在4.2‰以下。"),
                   ("table", [72, 200, 330, 460], [["县妇儿工委办公室", "县卫生健康局", "县教育局"]])]},
        {"items": [("text", "二、组织实施"), ("text", FILLER)]},
    ]
    path = _draw(tmp_path / "box.pdf", pages)
    lines = read_document(path).lines
    assert all(line.cells is None for line in lines)
    assert any("县卫生健康局" in line.text for line in lines)


# --------------------------------------------------------------------------- landscape pages


LANDSCAPE_COLUMNS = [72, 110, 380, 440, 520, 600, 680, 770]
LANDSCAPE_ROWS = [
    ["序号", "指标", "单位", "2020年", "2025年", "2030年", "牵头单位"],
    ["1", "婴儿死亡率", "‰", "4.9", "≤4.6", "≤4.2", "县卫生健康局"],
    ["2", "学前教育毛入园率", "%", "89.5", "≥91", "≥93", "县教育局"],
    ["3", "九年义务教育巩固率", "%", "96.2", "≥96.8", "≥97.5", "县教育局"],
]


@pytest.mark.parametrize("turned", ["wide", 90, 270], ids=["wider-than-high", "rotate-90", "rotate-270"])
def test_an_indicator_table_on_a_landscape_page_between_portrait_pages(tmp_path: Path, turned: object) -> None:
    """附表 on a landscape page: a page wider than high, or a portrait page turned by /Rotate with its text turned."""
    pages = [
        {"items": [("text", CHILDREN), ("text", "一、主要目标"), ("text", "1.新生儿死亡率控制在2.8‰以下。"),
                   ("text", "详见附表。")]},
        {"landscape": turned, "items": [("text", "附表　某某县儿童发展主要指标"), ("table", LANDSCAPE_COLUMNS, LANDSCAPE_ROWS)]},
        {"items": [("text", "二、组织实施"), ("text", "县妇女儿童工作委员会负责规划实施的统筹协调。")]},
    ]
    path = _draw(tmp_path / "landscape.pdf", pages)
    lines = read_document(path).lines
    assert "附表　某某县儿童发展主要指标" in [line.text for line in lines]
    assert [line.cells for line in lines if line.cells is not None] == LANDSCAPE_ROWS
    (plan,) = extract(path)
    assert _targets(plan) == [
        ("新生儿死亡率", "<=", D("2.8"), None),
        ("婴儿死亡率", "<=", D("4.6"), 2025),
        ("婴儿死亡率", "<=", D("4.2"), None),
        ("学前教育毛入园率", ">=", D(91), 2025),
        ("学前教育毛入园率", ">=", D(93), None),
        ("九年义务教育巩固率", ">=", D("96.8"), 2025),
        ("九年义务教育巩固率", ">=", D("97.5"), None),
    ]
    lines_of = [t.line for t in plan.targets]
    assert lines_of == sorted(lines_of)
    assert not plan.unparsed


def test_text_on_a_turned_page_reads_as_lines_and_paragraphs(tmp_path: Path) -> None:
    """The variant: the plan's text itself on pages turned by /Rotate 90, drawn turned to show upright."""
    items = [("text", CHILDREN), ("text", "一、发展领域和主要目标"), ("text", "（一）儿童与健康"), ("text", "主要目标："),
             ("text", "1.新生儿死亡率控制在2.8‰以下。"), ("text", "2.适龄儿童免疫规划疫苗接种率保持在95%以上。")]
    path = _draw(tmp_path / "turned.pdf", [{"landscape": 90, "items": items}, {"landscape": 90, "items": [
        ("text", "（二）儿童与教育"), ("text", "1.学前教育毛入园率达到92%以上。")]}])
    texts = [line.text for line in read_document(path).lines]
    assert texts[:6] == [text for _, text in items]
    (plan,) = extract(path)
    assert _targets(plan) == [
        ("新生儿死亡率", "<=", D("2.8"), None),
        ("适龄儿童免疫规划疫苗接种率", ">=", D(95), None),
        ("学前教育毛入园率", ">=", D(92), None),
    ]


# --------------------------------------------------------------------------- unruled tables


def _unruled(path: Path, title: str, rows: list[list], columns: list[float], *, where: str, after: list[str],
             centred: bool = False, pitch: float = 16, between: float = 6) -> Path:
    """A table set in columns of space alone: each cell a text or a list of printed lines; a row's cells of one line
    stand on its first line (`where="first"`), its last (`"last"`) or between its lines (`"middle"`); `centred`
    centres each cell on its column's middle."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = A4[1] - 72
    for text in [title, "一、主要指标", "表1　主要指标"]:
        pdf.setFont(font, 12)
        pdf.drawString(72, y, text)
        y -= 20
    ends = [*columns[1:], columns[-1] + 90]
    for row in rows:
        count = max(len(c) if isinstance(c, list) else 1 for c in row)
        for c, cell in enumerate(row):
            lines = cell if isinstance(cell, list) else [cell]
            shift = 0.0
            if len(lines) == 1 and count > 1:
                shift = {"first": 0.0, "last": count - 1.0, "middle": (count - 1) / 2}[where]
            for i, text in enumerate(lines):
                pdf.setFont(font, 10.5)
                if centred:
                    pdf.drawCentredString((columns[c] + ends[c] - 8) / 2, y - (i + shift) * pitch, text)
                else:
                    pdf.drawString(columns[c], y - (i + shift) * pitch, text)
        y -= pitch * count + between
    y -= 10
    for text in after:
        pdf.setFont(font, 12)
        pdf.drawString(72, y, text)
        y -= 20
    pdf.showPage()
    pdf.save()
    return path


UNRULED = [
    ["序号", "指标", "单位", "2020年", "2030年目标"],
    ["1", "婴儿死亡率", "‰", "4.9", "≤4.2"],
    ["2", ["0～6岁儿童眼保健和视力", "检查覆盖率"], "%", "88", "≥92"],
    ["3", "学前教育毛入园率", "%", "89.5", "93"],
    ["4", ["中小学生国家学生体质健", "康标准达标优良率"], "%", "52", "≥60"],
    ["5", "城乡社区儿童之家覆盖率", "%", "90", "≥98"],
]


@pytest.mark.parametrize("where", ["first", "last", "middle"])
def test_an_unruled_table_with_names_wrapped_over_two_lines(tmp_path: Path, where: str) -> None:
    """No rules, only aligned columns; a long name on two lines, the row's other cells on its first line, its last, or
    between its lines: one row per indicator, the name whole."""
    path = _unruled(tmp_path / "unruled.pdf", CHILDREN, UNRULED, [72, 100, 300, 350, 420], where=where,
                    after=["注：目标值未标注符号的为“达到”。", "二、组织实施", FILLER])
    rows = [line.cells for line in read_document(path).lines if line.cells is not None]
    assert [r[1] for r in rows] == ["指标", "婴儿死亡率", "0～6岁儿童眼保健和视力检查覆盖率", "学前教育毛入园率",
                                    "中小学生国家学生体质健康标准达标优良率", "城乡社区儿童之家覆盖率"]
    assert rows[0] == ["序号", "指标", "单位", "2020年", "2030年目标"]  # the header's close cells apart
    (plan,) = extract(path)
    assert _targets(plan) == [
        ("婴儿死亡率", "<=", D("4.2"), None),
        ("0～6岁儿童眼保健和视力检查覆盖率", ">=", D(92), None),
        ("学前教育毛入园率", ">=", D(93), None),
        ("中小学生国家学生体质健康标准达标优良率", ">=", D(60), None),
        ("城乡社区儿童之家覆盖率", ">=", D(98), None),
    ]
    assert [t.baseline.value for t in plan.targets] == [D("4.9"), D(88), D("89.5"), D(52), D(90)]
    texts = [line.text for line in read_document(path).lines if line.cells is None]
    assert "注：目标值未标注符号的为“达到”。" in texts and "二、组织实施" in texts  # the lines under it are text
    assert not plan.unparsed


@pytest.mark.parametrize("broken", [False, True], ids=["rows-whole", "a-row-broken"])
def test_an_unruled_table_goes_on_at_the_top_of_the_next_page_with_no_header(tmp_path: Path, broken: bool) -> None:
    """No rules and no header repeated: the rows at the top of the next page in the same columns are the table's, and
    a name's second line there is the rest of the page before's last row."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    columns = [72, 100, 300, 350, 420]

    def rows_at(pdf, y: float, rows: list[list]) -> None:  # noqa: ANN001
        for row in rows:
            count = max(len(c) if isinstance(c, list) else 1 for c in row)
            for c, cell in enumerate(row):
                for i, text in enumerate(cell if isinstance(cell, list) else [cell]):
                    pdf.setFont(font, 10.5)
                    pdf.drawString(columns[c], y - i * 16, text)
            y -= 16 * count + 6

    name = ["0～6岁儿童眼保健和视力"] if broken else ["0～6岁儿童眼保健和视力", "检查覆盖率"]
    first = [UNRULED[0], UNRULED[1], ["2", name, "%", "88", "≥92"]]
    second = ([["", ["检查覆盖率"], "", "", ""]] if broken else []) + UNRULED[3:]
    path = tmp_path / "pages.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = A4[1] - 72
    for text in [CHILDREN, "一、主要指标", *[FILLER] * 28]:
        pdf.setFont(font, 12)
        pdf.drawString(72, y, text)
        y -= 20
    rows_at(pdf, y, first)
    pdf.setFont(font, 10)
    pdf.drawCentredString(A4[0] / 2, 30, "— 1 —")
    pdf.showPage()
    rows_at(pdf, A4[1] - 72, second)
    pdf.setFont(font, 12)
    pdf.drawString(72, A4[1] - 72 - 3 * 16 - 4 * 22 - 10, "二、组织实施")
    pdf.setFont(font, 10)
    pdf.drawCentredString(A4[0] / 2, 30, "— 2 —")
    pdf.showPage()
    pdf.save()
    rows = [line for line in read_document(path).lines if line.cells is not None]
    assert [r.cells[1] for r in rows] == [row[1] if isinstance(row[1], str) else "".join(row[1]) for row in UNRULED]
    assert all(" 表1 " in r.locator for r in rows)
    (plan,) = extract(path)
    assert [t.indicator for t in plan.targets] == [
        "婴儿死亡率", "0～6岁儿童眼保健和视力检查覆盖率", "学前教育毛入园率", "中小学生国家学生体质健康标准达标优良率",
        "城乡社区儿童之家覆盖率",
    ]
    assert not plan.unparsed


def test_an_unruled_table_centred_with_units_in_the_names_and_even_spacing(tmp_path: Path) -> None:
    """The variant: no 序号, units in the names, cells centred in their columns, rows spaced as evenly as their lines
    (the wrapped line's row told by where its cells stand: at the row's first line)."""
    rows = [
        ["指标名称", "2020年基数", "2025年目标"],
        [["孕产妇系统管理率", "（%）"], "92.3", "≥95"],
        [["农村适龄妇女宫颈癌和乳腺", "癌筛查覆盖率（%）"], "85", "≥90"],
        ["妇女人均预期寿命（岁）", "80.2", "81"],
    ]
    path = _unruled(tmp_path / "centred.pdf", "某某县妇女发展规划（2021—2025年）", rows, [72, 300, 400], where="first",
                    centred=True, between=0, after=["二、保障措施", FILLER])
    (plan,) = extract(path)
    assert _targets(plan) == [
        ("孕产妇系统管理率", ">=", D(95), None),
        ("农村适龄妇女宫颈癌和乳腺癌筛查覆盖率", ">=", D(90), None),
        ("妇女人均预期寿命", ">=", D(81), None),
    ]
    assert not plan.unparsed


def test_lines_of_text_with_wide_spaces_are_no_table(tmp_path: Path) -> None:
    """Prose with a space set wide in it (a signature, 牵头单位 after a gap) stays text: no header of three cells over
    rows of values."""
    lines = [(0, CHILDREN), (0, "一、主要目标"), (0, "1.婴儿死亡率控制在4.2‰以下。"),
             (0, "牵头单位：县卫生健康局          责任单位：县医保局"), (0, "2.学前教育毛入园率达到93%以上。"),
             (0, "县妇儿工委办公室          县卫生健康局          县教育局"), (0, "3.九年义务教育巩固率保持在97%以上。")]
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "prose.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = A4[1] - 72
    for _, text in lines:
        pdf.setFont(_font(), 12)
        pdf.drawString(72, y, text)
        y -= 20
    pdf.showPage()
    pdf.save()
    assert all(line.cells is None for line in read_document(path).lines)
    (plan,) = extract(path)
    assert [t.target.value for t in plan.targets] == [D("4.2"), D(93), D(97)]


# --------------------------------------------------------------------------- two header rows with parents' columns


def _centred(path: Path, header: list[list[tuple[float, str]]], body: list[list[str]], middles: list[float],
             notes: list[str]) -> Path:
    """An unruled table whose cells are centred: header printed rows as (middle, text), body rows on `middles`."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = A4[1] - 72
    for text in [CHILDREN, "一、主要指标"]:
        pdf.setFont(font, 12)
        pdf.drawString(72, y, text)
        y -= 20
    for printed in [*header, *[list(zip(middles, row, strict=True)) for row in body]]:
        pdf.setFont(font, 10.5)
        for x, text in printed:
            pdf.drawCentredString(x, y, text)
        y -= 16
    y -= 10
    for text in [*notes, "二、组织实施"]:
        pdf.setFont(font, 12)
        pdf.drawString(72, y, text)
        y -= 20
    pdf.showPage()
    pdf.save()
    return path


PARENT_ROWS = [
    ["1", "婴儿死亡率（‰）", "4.9", "5", "4.5", "≤4.2"],
    ["2", "学前教育毛入园率（%）", "89.5", "90", "92", "93"],
    ["3", "九年义务教育巩固率（%）", "96.2", "96", "96.5", "97.5"],
]
PARENT_TARGETS = [
    ("婴儿死亡率", "<=", D("4.2"), None, D(5)),
    ("学前教育毛入园率", ">=", D(93), None, D(90)),
    ("九年义务教育巩固率", ">=", D("97.5"), None, D(96)),
]


def _with_parents(plan) -> list[tuple]:
    return [(*target, t.parent_target.value if t.parent_target else None) for t, target in
            zip(plan.targets, _targets(plan), strict=True)]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_the_plans_own_column_under_a_two_row_header_is_its_target_and_the_parents_are_quotes(
    tmp_path: Path, ruled: bool
) -> None:
    """目标值 over 国家目标 | 省目标 | 本县目标: only 本县目标 is the plan's; the national outline's value is its quote."""
    if ruled:
        from reportlab.platypus import Paragraph

        from tests.test_extraction_pdf_print import _build, _ruled, _styles

        header = [["序号", "指标", "2020年", "目标值", "", ""], ["", "", "", "国家目标", "省目标", "本县目标"]]
        spans = [((3, 0), (5, 0)), ((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (2, 1))]
        _, body, _ = _styles()
        path = _build(tmp_path / "parents.pdf", [
            Paragraph(CHILDREN, body), Paragraph("一、主要指标", body), _ruled(header + PARENT_ROWS, spans),
            Paragraph("注：目标值未标注符号的为“不低于”。", body), Paragraph("二、组织实施", body)])
    else:
        header = [[(85, "序号"), (175, "指标"), (265, "2020年"), (380, "目标值")],
                  [(325, "国家目标"), (380, "省目标"), (435, "本县目标")]]
        path = _centred(tmp_path / "parents.pdf", header, PARENT_ROWS, [85, 175, 265, 325, 380, 435],
                        ["注：目标值未标注符号的为“不低于”。"])
    rows = [line for line in read_document(path).lines if line.cells is not None]
    assert rows[1].cells[3:] == ["国家目标", "省目标", "本县目标"]
    (plan,) = extract(path)
    assert _with_parents(plan) == PARENT_TARGETS
    assert all("本县目标列" in str(t.locator) for t in plan.targets)
    assert not plan.unparsed


def test_the_plans_own_column_over_two_years_beside_the_parents_columns_unruled(tmp_path: Path) -> None:
    """The variant: 国家目标 | 省目标 | 本县目标 across, 2025年 | 2030年 under 本县目标 alone, no rules."""
    header = [[(85, "序号"), (175, "指标"), (265, "2020年"), (320, "国家目标"), (375, "省目标"), (457, "本县目标")],
              [(430, "2025年"), (485, "2030年")]]
    body = [
        ["1", "婴儿死亡率（‰）", "4.9", "5", "4.5", "4.6", "≤4.2"],
        ["2", "学前教育毛入园率（%）", "89.5", "90", "92", "91", "93"],
    ]
    path = _centred(tmp_path / "years.pdf", header, body, [85, 175, 265, 320, 375, 430, 485],
                    ["注：目标值未标注符号的为“不低于”。"])
    (plan,) = extract(path)
    assert _with_parents(plan) == [
        ("婴儿死亡率", "<=", D("4.6"), 2025, D(5)),
        ("婴儿死亡率", "<=", D("4.2"), None, D(5)),
        ("学前教育毛入园率", ">=", D(91), 2025, D(90)),
        ("学前教育毛入园率", ">=", D(93), None, D(90)),
    ]
    assert not plan.unparsed


# --------------------------------------------------------------------------- notes under a table


def _noted(path: Path, rows: list[list[str]], notes: list[str]) -> Path:
    from reportlab.platypus import Paragraph

    from tests.test_extraction_pdf_print import _build, _ruled, _styles

    _, body, _ = _styles()
    story = [Paragraph(CHILDREN, body), Paragraph("一、主要指标", body), _ruled(rows)]
    story += [Paragraph(note, body) for note in notes]
    story += [Paragraph("二、组织实施", body), Paragraph("县妇女儿童工作委员会负责规划实施的统筹协调。", body)]
    return _build(path, story)


@pytest.mark.parametrize(
    "notes",
    [
        ["注：1.带*为约束性指标；", "2.未标注“≤”的均为“≥”。"],
        ["注：1. 带*为约束性指标，其余为预期性指标。2. 目标值中未标注“≤”的均为“≥”。"],
        ["备注：", "1.标*的指标为约束性指标。", "2.表中未注明“≤”的指标值均为“≥”。"],
    ],
    ids=["two-lines", "one-paragraph", "under-a-heading"],
)
def test_a_tables_notes_mark_binding_indicators_and_give_bare_numbers_their_comparator(
    tmp_path: Path, notes: list[str]
) -> None:
    """带*为约束性指标: the * on a name is the note's mark, never part of the name nor a masked digit; 未标注“≤”的均为“≥”:
    the bare numbers are floors."""
    rows = [
        ["序号", "指标", "2020年", "2030年"],
        ["1", "婴儿死亡率*（‰）", "4.9", "≤4.2"],
        ["2", "学前教育毛入园率（%）", "89.5", "93"],
        ["3", "九年义务教育巩固率（%）*", "96.2", "97.5"],
        ["4", "儿童肥胖率（%）", "8", "≤8.5"],
    ]
    (plan,) = extract(_noted(tmp_path / "notes.pdf", rows, notes))
    assert _targets(plan) == [
        ("婴儿死亡率", "<=", D("4.2"), None),
        ("学前教育毛入园率", ">=", D(93), None),
        ("九年义务教育巩固率", ">=", D("97.5"), None),
        ("儿童肥胖率", "<=", D("8.5"), None),
    ]
    assert not plan.unparsed


def test_a_mark_before_the_name_and_a_note_of_ceilings(tmp_path: Path) -> None:
    """The variant: ★ before the name, the note one sentence: 标★的为约束性指标；未标识“≥”的均为“≤”."""
    rows = [
        ["序号", "指标", "2020年", "2030年"],
        ["1", "★孕产妇死亡率（1/10万）", "12", "10"],
        ["2", "5岁以下儿童死亡率（‰）▲", "6.3", "5.5"],
        ["3", "适龄儿童免疫规划疫苗接种率（%）", "95", "≥95"],
    ]
    (plan,) = extract(_noted(tmp_path / "ceilings.pdf", rows, ["说明：标★的为约束性指标，标▲的为新增指标；未标识“≥”的均为“≤”。"]))
    assert _targets(plan) == [
        ("孕产妇死亡率", "<=", D(10), None),
        ("5岁以下儿童死亡率", "<=", D("5.5"), None),
        ("适龄儿童免疫规划疫苗接种率", ">=", D(95), None),
    ]
    assert not plan.unparsed


@pytest.mark.parametrize(
    ("note", "op"),
    [
        ("注：未标注“≤”的均为“≥”。", ">="),
        ("2.目标值未标识“≥”的，均为“≤”", "<="),
        ("注：目标值未注明“≤”“<”的，均为“达到或高于”", ">="),
        ("注：带*为约束性指标。", None),
    ],
)
def test_a_note_naming_the_marks_bare_numbers_lack_gives_their_comparator(note: str, op: str | None) -> None:
    from compliance.extraction._rules import fold, rules

    found = next((o for pattern, o in rules().bare_value_notes if pattern.search(fold(note))), None)
    assert found == op
