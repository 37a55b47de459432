"""PDF with a text layer: printed lines in reading order, paragraphs rejoined, ruled tables as table rows.

Read with PDFium (pypdfium2, Apache-2.0/BSD): each character with its box and
every drawn line, which is what tells a line wrapped at the page width from the
end of a paragraph, page furniture from text, and a ruled table from prose;
pdfplumber's table finder (MIT) turns the drawn lines into cells. (pdfminer.six,
under pdfplumber, reads the same text 10–30 times slower on dense Chinese
pages: see the note of issue 9.)

- Paragraphs: a printed line that reaches the right margin, followed by one
  that starts at the left margin (not indented, same size), goes on in it —
  on the next page too. "Reaches" allows for line breaking that keeps words,
  numbers and quotation marks whole (the next line's first unbreakable piece
  would not have fitted). The right margin is the document's text block (where
  full lines end on pages of that width), not one page's: a page of short
  lines reaches no margin. Drafts are mostly printed flush left, so where the
  layout cannot tell, the words do: a line that starts with a numbering
  (（三）, 三、, 第三章 always; 4．, (2), ② after a line that ends a sentence or
  a bracket) or a short line that is no prose (主要目标：, 策略措施) after a
  sentence starts a paragraph — a heading at the top of a page, a list item
  after an item that happened to fill its line. The joined `Line` keeps, in
  `spans`, where each printed line starts, so a number keeps the printed line
  it stands on.
- Two columns of text (a gazette's pages): where a gutter runs down the
  page that no printed line crosses, with text on both sides of it on
  several rows and one unbroken piece on each side (an unruled table's rows
  break into a piece per cell), each column is read top to bottom, the left
  one first, with its own margins. Narrow columns are broken short of their
  edge (a name on one line, its value on the next), so there a line that
  ends no sentence goes on in the next one — into the top of the right
  column, or of the next page, too.
- Page furniture: page numbers in the top or bottom band of a page (— 3 —,
  - 3 -, 第3页, 3/12, a bare 3) and running headers or footers (the same text,
  digits aside, in the same band of most pages) are left out; so is a header
  too few to repeat (a short document's second page) that its print tells: at
  the top of a later page, smaller than the body text, set apart from it.
- Watermarks (征求意见稿, 草案, 样本 over or behind the text): characters drawn at
  a slant, or turned from the page's text or drawn light and much taller than
  its characters, are left out — they stand between the text's lines and would
  run them together. Told by the print, never by the words.
- A sentence broken by hand after a comma, its next clause flush left on a line
  of its own, reads on; a numbered line after it is an item of its own. An
  entry of a table of contents (a dot leader and a page number) fills its line
  and never goes on into the next.
- Tables: ruled tables (pdfplumber's line strategy). A cell spanning rows is
  given once, in its first row; the rows below are marked merged from above. A
  cell spanning columns is followed by empty cells. A wrapped cell is joined. A
  table that goes on at the top of the next page, under a repeated header or
  with the same rules across, is one table: the repeated header row is
  dropped, and a row that the page broke (its 序号 or value cells empty where
  every other row fills them) is joined to its start on the page before, each
  printed line keeping its number. A row the page break left open (its column
  rules run on to the page's end with no rule across) is closed there; a ruled
  row alone on its side of the break (the header at a page's foot, the last
  row at the next page's top) is the table's where the table goes on across
  the break with the same rules, else text. A
  table set without rules (cells apart by space alone) is read as a table
  where the layout says so: a header row of three cells or more holding no
  number but years, rows of values under it in columns no line crosses; a line
  of one cell (a long name's second line) joins the row it stands nearer to,
  the row above where the spacing cannot tell; a header's second row (国家目标 |
  省目标 | 本县目标 under 目标值) makes the name over it span the names it is over;
  rows at the top of the next page in its columns go on with it, no header
  repeated (a first line of one cell: the rest of the last row). A
  table printed as two side by side (its header's run of column names twice
  across the row: 序号 | 指标 | 2020年 | 2025年目标 | 序号 | 指标 | …) is read as
  the tables it holds, the left one first, each cell at its own number.
- Landscape pages: a page wider than high is read as any other; on a page
  whose text is drawn turned by right angles (a portrait page turned by
  /Rotate 90 to show a landscape table, its text drawn turned to stand
  upright), characters and rules are read in the text's own upright frame.
- Numbers count printed lines as the corpus gold does: page by page, top to
  bottom; in a table, the cells of each row left to right, each printed line of
  a cell one, a merged cell once; furniture lines counted too.

A PDF whose pages hold no text (a scan), an encrypted one, or a damaged or
truncated one is refused with what to do.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line, bar_cells, needs
from compliance.reading.grid import cell_locator, column_names, side_by_side, unfold_side_by_side
from compliance.compiled import regex

# How far short of the right margin (in characters, besides the next line's first word) a wrapped
# line may end: line breaking that keeps words whole (LibreOffice segments Chinese into words) and
# punctuation rules (no line starts with 。 or ）) leave up to two characters' room on wrapped lines.
_WRAP_SLACK = 2.0
# Fractions of the page height where running headers and footers stand.
_BAND = 0.1
# Page numbers as printed: — 3 —, - 3 -, 第3页, 第 3 页 共 12 页, 3/12, 3.
_PAGE_NUMBER = regex(
    r"^[\s\-—–－_·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[\s\-—–－_·•]*$"
)
_CJK = regex(r"[\u3000-\u9fff\uff00-\uffef]")
# A printed line that starts with a numbering starts a paragraph (a heading, a list item) wherever
# it stands: Chinese numerals (（三）, 三、, 第三章) always; digits and circled numbers (4．, (2), ②)
# after a line that ends a sentence or a bracket (a wrapped line may begin with a number: 达到 / 3.5%;
# after a sentence end, 4.0-6个月 is item 4).
_OPENS_ALWAYS = regex(r"^(?:[（(][一二三四五六七八九十百]+[）)]|[一二三四五六七八九十百]+、|第[一二三四五六七八九十百]+[章节部分篇条])")
_OPENS_AFTER_SENTENCE = regex(r"^(?:\d{1,2}\s*[．.、]|[（(]\d{1,2}[）)]|[\u2460-\u2473\u2776-\u277f])")
_OPENS_AFTER_BRACKET = regex(r"^(?:\d{1,2}\s*[．、]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[）)]|[\u2460-\u2473\u2776-\u277f])")
_ENDS_SENTENCE = regex(r"[。；;！!？?：:]$")  # a sentence, or a lead-in to a list (主要目标：)
_ENDS_STATEMENT = regex(r"[。；;！!？?]$")
_ENDS_BRACKET = regex(r"[）)〕】]$")
_ENDS_CLAUSE = regex(r"[，,、]$")  # a clause the sentence goes on after
# An entry of a table of contents: a dot leader, then the page number (一、规划背景……………1): it fills the line
# and ends there, never wrapped.
_CONTENTS_ENTRY = regex(r"(?:…{2,}|\.{4,}|·{4,}|．{4,}|[-—]{4,}|_{4,})\s*(?:\d{1,3}|[IVXivx]{1,5}|[Ⅰ-Ⅻⅰ-ⅻ])$")
# A line that ends with none of these is no paragraph's last line of prose: a heading (主要目标：, 策略措施).
_ENDS_PROSE = regex(r"[。；;！!？?，,、”’」』]$")


@dataclass
class _Printed:
    """One printed line outside tables."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    lead: float = 0.0  # width of its first word (a Latin word, else its first character)
    page_width: float = 0.0
    number: int = 0
    line_on_page: int = 0
    # Where it stands in the page's reading order: (top, 0, top), or in a column of text (region top, column, top).
    order: tuple[float, int, float] = (0.0, 0, 0.0)
    block: tuple[float, float] | None = None  # a line of a column of text: the column's left and right edges


@dataclass
class _Table:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[tuple[str, bool, int]]]  # (text, merged from above, printed lines)
    columns: tuple[float, ...] = ()  # where its columns start and end (the x of every vertical rule)
    spanned: list[list[bool]] = field(default_factory=list)  # per row and cell: covered by the cell to its left
    breaks: list[list[tuple[int, ...]]] = field(default_factory=list)  # per row and cell: where its printed lines start
    # a ruled row alone at the foot of a page (the header, the table's rows on the next page): a table only if the
    # next page's table goes on with its columns; till then its text is also read as printed lines
    lone: bool = False


def pdf_lines(path: Path, file: str, raw: bytes) -> list[Line]:
    pdfium = needs("pypdfium2", file, ".pdf", "pypdfium2")
    if not raw.lstrip()[:5].startswith(b"%PDF"):
        raise InputError.single(
            file, _text("reading.not-pdf"), hint=_text("reading.not-pdf-hint")
        )
    if b"%%EOF" not in raw[-2048:]:
        raise InputError.single(
            file,
            _text("reading.pdf-truncated"),
            hint=_text("reading.download-again"),
        )
    try:
        document = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise InputError.single(
                file,
                _text("reading.pdf-encrypted"),
                hint=_text("reading.pdf-encrypted-hint"),
            ) from None
        raise InputError.single(
            file, _text("reading.pdf-damaged", reason=_pdfium_reason(error)), hint=_text("reading.download-again")
        ) from None
    try:
        pages = _read_pages(document, path, file)
    finally:
        document.close()
    return _bar_rows(_lines(pages))


# A page with fewer drawn straight lines than this holds no ruled table.
_RULES_AT_LEAST = 4
# A ruled row of at least this many cells alone on its page may be a table's first row (see `_Table.lone`).
_LONE_CELLS = 3


def _read_pages(document: Any, path: Path, file: str) -> list[tuple[int, float, list[_Printed], list[_Table]]]:
    """Per page: (number, height, printed lines outside tables, tables).

    Characters, their boxes and the drawn lines come from PDFium (fast on dense
    Chinese pages); pdfplumber's table finder turns the drawn lines into cells.
    """
    pages = []
    chars = images = 0
    carry: tuple[float, ...] | None = None  # the columns of an unruled table that ends the page before
    gutter: float | None = None  # the gutter of two columns of text that end the page before
    margin: float | None = None  # where the margin line numbers of the pages before end (their right edge)
    try:
        for index in range(len(document)):
            page = document[index]
            # PDFium gives the page's size as shown (its /Rotate applied) and the boxes in the page's own space
            width, height = float(page.get_width()), float(page.get_height())
            if page.get_rotation() in (90, 270):
                width, height = height, width
            text = page.get_textpage()
            found, turn = _characters(text, width, height)
            chars += len(found)
            if turn in (1, 3):
                found, margin = _without_margin_numbers(found, height, width, margin)
            else:
                found, margin = _without_margin_numbers(found, width, height, margin)
            edges, pictures = _drawn(page, _upright(turn, width, height))
            if turn in (1, 3):  # read in the text's own upright frame: a landscape page's width is its height
                width, height = height, width
            found = _without_markup_pane(found, edges, width, height)
            images += pictures
            tables = _ruled_tables(edges, found, index + 1) if found and len(edges) >= _RULES_AT_LEAST else []
            if tables:
                boxes = [(t.x0, t.top, t.x1, t.bottom) for t in tables if not t.lone]
                found = [c for c in found if not _inside(c, boxes)]
            rules = [(e["top"], e["x0"], e["x1"]) for e in edges if e["orientation"] == "h" and e["width"] >= 3 * _RULE_MIN]
            unruled, found, rows = _unruled_tables(index + 1, found, height, carry, rules)
            tables = sorted([*tables, *unruled], key=lambda t: t.top)
            printed = _printed_lines(index + 1, found, width, height, rows, gutter)
            gutter = _last_gutter(printed, height)
            carry = None
            if unruled and tables[-1] is unruled[-1]:
                last = unruled[-1]
                if not any(p.top >= last.bottom and not _in_band(p, height) for p in printed):
                    carry = last.columns
            for line in printed:
                line.page_width = width
            pages.append((index + 1, height, printed, tables))
            text.close()
            page.close()
    except InputError:
        raise
    except Exception as error:  # a page PDFium or pdfminer cannot make sense of
        raise InputError.single(
            file, _text("reading.pdf-damaged", reason=_reason(error)), hint=_text("reading.download-again")
        ) from None
    if not pages:
        raise InputError.single(file, _text("reading.pdf-no-pages"), hint=_text("reading.download-again"))
    if chars == 0:
        raise InputError.single(
            file,
            _text("reading.pdf-scan" if images else "reading.pdf-no-text"),
            hint=_text("reading.pdf-scan-hint"),
        )
    return pages


def _characters(text: Any, width: float, height: float) -> tuple[list[tuple[float, float, float, float, str]], int]:
    """The page's printed characters: (x0, top, x1, bottom, character), top-left coordinates, and the text's turn.

    Characters PDFium generates itself (line ends, spaces it guesses between
    words) are left out: line and word breaks are decided from the boxes here.
    The coordinates are those of the text's own upright frame: on a page whose
    text is drawn turned by right angles (a landscape table on a page turned by
    /Rotate 90, the text drawn turned to show upright), x runs along the lines
    and top down the page as the reader sees them. The turn is the number of
    right angles the most of the page's text is drawn turned by.
    """
    import ctypes

    import pypdfium2.raw as pdfium_raw

    count = text.count_chars()
    if count <= 0:
        return [], 0
    content = text.get_text_range()
    one_to_one = len(content) == count
    box = pdfium_raw.FS_RECTF()
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    raw: list[tuple[float, float, float, float, str]] = []  # in the page's own space: left, top, right, bottom
    looks: list[tuple[float, bool]] = []  # per character kept: its angle, and whether it is drawn light
    handle = text.raw
    for k in range(count):
        if one_to_one:
            char = content[k]
        else:  # characters outside the BMP: ask one by one
            char = chr(pdfium_raw.FPDFText_GetUnicode(handle, k) or 32)
        if char in "\r\n\x00\ufffe" or pdfium_raw.FPDFText_IsGenerated(handle, k) == 1:
            continue
        # the loose box spans the glyph's advance: gaps between boxes are real spaces, not side bearings
        if not pdfium_raw.FPDFText_GetLooseCharBox(handle, k, ctypes.byref(box)):
            continue
        if char.isspace() and box.right - box.left <= 0 and box.top - box.bottom <= 0:
            continue
        raw.append((box.left, box.top, box.right, box.bottom, char))
        light = False
        if pdfium_raw.FPDFText_GetFillColor(
            handle, k, ctypes.byref(red), ctypes.byref(green), ctypes.byref(blue), ctypes.byref(alpha)
        ):
            light = min(red.value, green.value, blue.value) >= _LIGHT_FILL or alpha.value <= _FAINT_ALPHA
        looks.append((float(pdfium_raw.FPDFText_GetCharAngle(handle, k)), light))
    turns = [_turn(angle) for angle, _ in looks]
    upright = Counter(t for t in turns if t is not None)
    page_turn = upright.most_common(1)[0][0] if upright else 0
    if page_turn == 0:
        out = [(left, height - top, right, height - bottom, char) for left, top, right, bottom, char in raw]
    else:
        place = _upright(page_turn, width, height)
        out = []
        for left, top, right, bottom, char in raw:
            (ax, ay), (bx, by) = place(left, top), place(right, bottom)
            out.append((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), char))
    if page_turn == 0:  # as before the frame was turned: a space's empty box is no character
        kept = [k for k, c in enumerate(out) if not (c[4].isspace() and c[2] - c[0] <= 0)]
    else:
        kept = [k for k, c in enumerate(out) if not (c[4].isspace() and (c[2] - c[0] <= 0 or c[3] - c[1] <= 0))]
    if len(kept) != len(out):
        out, turns, looks = [out[k] for k in kept], [turns[k] for k in kept], [looks[k] for k in kept]
    return _without_watermark(out, turns, [light for _, light in looks], page_turn), page_turn


def _upright(turn: int, width: float, height: float) -> Callable[[float, float], tuple[float, float]]:
    """A point of the page's own space (y up) in the upright frame of text drawn turned by `turn` right angles.

    The frame's coordinates are (x along the text's lines, top down the page as
    the text stands); `width` and `height` are the page's own.
    """
    if turn == 1:
        return lambda x, y: (height - y, width - x)
    if turn == 2:
        return lambda x, y: (width - x, y)
    if turn == 3:
        return lambda x, y: (y, x)
    return lambda x, y: (x, height - y)


def _turn(angle: float) -> int | None:
    """An angle (radians) as a number of right angles, or None for a slant."""
    quarter = math.pi / 2
    steps = angle / quarter
    nearest = round(steps)
    return nearest % 4 if abs(steps - nearest) * quarter <= _SLANT else None


# A watermark's characters: drawn at a slant (not a multiple of a right angle, in radians, beyond this),
# or turned from the page's text or drawn light (every channel at least this, or this transparent) and
# this many times the height of the page's ordinary characters.
_SLANT = 0.05
_LIGHT_FILL = 180
_FAINT_ALPHA = 128
_WATERMARK_SIZE = 2.0


def _without_watermark(
    chars: list[tuple[float, float, float, float, str]], turns: list[int | None], light: list[bool], page_turn: int
) -> list[tuple[float, float, float, float, str]]:
    """The page's characters without those of a watermark printed over or under the text (征求意见稿, 草案, 样本).

    A watermark is drawn at a slant across the page, or large and light behind
    it; its characters fall between the text's lines (pdftotext prints them as
    lines of one character) and, read with the text, would run lines together.
    Told by how each character is drawn, not by what it says: at a slant
    (45°, never a line of text), or turned from the page's text or drawn
    light, and much taller than the page's ordinary characters.
    """
    if not chars:
        return chars
    heights = sorted(c[3] - c[1] for c, t in zip(chars, turns, strict=True) if t == page_turn and not c[4].isspace())
    usual = heights[len(heights) // 2] if heights else 0.0
    # on a page whose text is drawn light (white on a slide's coloured ground) being light marks nothing
    upright = [pale for c, t, pale in zip(chars, turns, light, strict=True) if t == page_turn and not c[4].isspace()]
    light_page = bool(upright) and sum(upright) * 2 > len(upright)
    out = []
    for char, t, pale in zip(chars, turns, light, strict=True):
        if t is None:
            continue
        if (t != page_turn or (pale and not light_page)) and usual and char[3] - char[1] >= _WATERMARK_SIZE * usual:
            continue
        out.append(char)
    return out


# Margin line numbers (a draft for comment printed with Word's line numbering): at least this many printed rows of a
# page begin with a number standing apart from the row's text (a gap of this many characters), the numbers counting
# on by one step (1, 2, 3 … or 5, 10, 15 …) down the page, their edges aligned, in this left share of the page, and
# at least this share of their rows a line of prose (one piece of text after the number, never a table's cells).
_MARGIN_ROWS = 3
_MARGIN_GAP = 0.8
_MARGIN_SHARE = 0.25
_MARGIN_PROSE = 0.5
_MARGIN_COVER = 0.7
_MARGIN_OWN = regex(r"^(?:\d{1,2}\s*[．.、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节部分])")


# A markup pane (a review draft printed with its markup shown): the rule down the page that sets it apart runs at
# least this share of the page's height, right of this share of its width, and its text is at most this share of the
# body text's height.
_PANE_RULE_HEIGHT, _PANE_FROM, _PANE_TEXT = 0.6, 0.55, 0.85


def _without_markup_pane(
    chars: list[tuple[float, float, float, float, str]], edges: list[dict[str, Any]], width: float, height: float
) -> list[tuple[float, float, float, float, str]]:
    """The page's characters without the markup pane of a review draft printed with its markup shown.

    Word prints the revision and comment balloons (删除的内容: 3.0‰, 批注 [县卫健委 张1]: …建议按3.5‰) in a strip at
    the right of the page, set apart by a rule down the page, in smaller type; read with the body, their text runs
    into the lines beside them (…分别降至3.5‰、删除的内容: 3.0‰). Told by the print: a vertical rule running most
    of the page's height in its right part, the text right of it smaller than the body's. A gazette's column rule
    stands between columns of the same type and stays.
    """
    rules = [e["x0"] for e in edges if e["orientation"] == "v" and e["height"] >= _PANE_RULE_HEIGHT * height
             and e["x0"] >= _PANE_FROM * width]
    if not chars or not rules:
        return chars
    edge = min(rules)
    pane = [c for c in chars if c[0] >= edge and not c[4].isspace()]
    body = [c for c in chars if c[2] <= edge and not c[4].isspace()]
    if not pane or len(body) < len(pane):
        return chars

    def size(group: list[tuple[float, float, float, float, str]]) -> float:
        heights = sorted(c[3] - c[1] for c in group)
        return heights[len(heights) // 2]

    if size(pane) > _PANE_TEXT * size(body):
        return chars
    return [c for c in chars if c[0] < edge]


def _without_margin_numbers(
    chars: list[tuple[float, float, float, float, str]], width: float, height: float, known: float | None = None,
) -> tuple[list[tuple[float, float, float, float, str]], float | None]:
    """The page's characters without its margin line numbers (1, 2, 3 … printed before each line of a draft).

    Printed left of the text, each number would be read into its line: 7 before a wrapped line 95%以上 reads
    795%. Told by their layout, not their values alone: a number apart from its row's text by a gap, the numbers of
    successive rows counting on by one step, their right (or left) edges aligned near the page's left edge, and most
    of their rows one piece of prose — a table's 序号 column stands before a row of cells and stays. A page too short
    to show the run (a note under a table: the only line numbered) has its numbers where the pages before had theirs
    (`known`, their right edge), counting from 1 down the page. Returns the characters and the numbers' right edge.
    """
    if not chars or not width:
        return chars, known
    rows = _rows(chars)
    found: list[tuple[int, list[Any], float, float, bool, int, str]] = []  # value, characters, x0, x1, prose, row, rest
    for row_index, (top, bottom, members) in enumerate(rows):
        if bottom <= height * _BAND * 0.5 or top >= height * (1 - _BAND * 0.5):
            continue  # a page number alone at the foot or head of the page
        ordered = sorted((c for c in members if not c[4].isspace()), key=lambda c: c[0])
        k = 0  # the row's leading run of digits, set close together
        while k < len(ordered) and ordered[k][4] in "0123456789":
            if k and ordered[k][0] - ordered[k - 1][2] > 0.5 * (ordered[k][3] - ordered[k][1] or 1.0):
                break
            k += 1
        if not k or k > 3:
            continue
        digits, rest = ordered[:k], ordered[k:]
        x0, x1 = digits[0][0], digits[-1][2]
        if x1 > width * _MARGIN_SHARE:
            continue
        prose = True
        if rest:
            size = sorted(c[3] - c[1] for c in rest)[len(rest) // 2] or 10.0
            if rest[0][0] - x1 < _MARGIN_GAP * size:
                continue  # 1.孕产妇…, 12岁: a number of the text
            gaps = sum(1 for a, b in zip(rest, rest[1:], strict=False) if b[0] - a[2] >= 2 * size)
            prose = gaps == 0
        found.append((int("".join(c[4] for c in digits)), digits, x0, x1, prose, row_index, "".join(c[4] for c in rest)))
    if known is not None and found and len(found) < _MARGIN_ROWS:
        # the pages before were numbered: numbers at their edge counting 1, 2 … down this short page are theirs
        size = min(c[3] - c[1] for m in found for c in m[1]) or 5.0
        at_edge = [m for m in found if abs(m[3] - known) <= size and m[4]]
        if at_edge and [m[0] for m in at_edge] == list(range(1, len(at_edge) + 1)):
            dropped = {id(c) for m in at_edge for c in m[1]}
            return [c for c in chars if id(c) not in dropped], known
        return chars, known
    if len(found) < _MARGIN_ROWS:
        return chars, known
    # the longest run of rows whose numbers count on by one step, edges aligned
    best: list[int] = []
    for start in range(len(found)):
        for step in (1, 5, 10):
            run = [start]
            for k in range(start + 1, len(found)):
                if found[k][0] == found[run[-1]][0] + step:
                    run.append(k)
            if len(run) > len(best):
                best = run
    if len(best) < _MARGIN_ROWS:
        return chars, known
    members = [found[k] for k in best]
    size = min(c[3] - c[1] for m in members for c in m[1]) or 5.0
    rights, lefts = sorted(m[3] for m in members), sorted(m[2] for m in members)
    aligned = rights[-1] - rights[0] <= size or lefts[-1] - lefts[0] <= size
    if not aligned or sum(1 for m in members if m[4]) < _MARGIN_PROSE * len(members):
        return chars, known
    # a number on (nearly) every printed row between the first and the last, and the numbers count printed lines, not
    # items: some line after one opens a numbering of its own (7 1.孕产妇…) or goes on from the line above (a wrapped
    # sentence) — a list numbered 1 ⎵ 2 ⎵ 3 by a tab, each item a line or more, keeps its numbers
    spanned = members[-1][5] - members[0][5] + 1
    if len(members) < _MARGIN_COVER * spanned:
        return chars, known
    rests = [m[6] for m in members]
    own = sum(1 for rest in rests if _MARGIN_OWN.match(rest))
    wrapped = sum(1 for a, b in zip(members, members[1:], strict=False) if b[5] == a[5] + 1 and a[6] and not _ENDS_SENTENCE.search(a[6]))
    if own + wrapped < 2:
        return chars, known
    dropped = {id(c) for m in members for c in m[1]}
    return [c for c in chars if id(c) not in dropped], sorted(m[3] for m in members)[len(members) // 2]


def _drawn(page: Any, place: Callable[[float, float], tuple[float, float]]) -> tuple[list[dict[str, Any]], int]:
    """The straight horizontal and vertical lines drawn on the page (as pdfplumber's edges), and how many images.

    `place` puts a point of the page's own space in the frame its text is read in (`_upright`).
    """
    import ctypes

    import pypdfium2.raw as pdfium_raw

    edges: list[dict[str, Any]] = []
    images = 0
    handle = page.raw
    matrix = pdfium_raw.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    for k in range(pdfium_raw.FPDFPage_CountObjects(handle)):
        obj = pdfium_raw.FPDFPage_GetObject(handle, k)
        kind = pdfium_raw.FPDFPageObj_GetType(obj)
        if kind == pdfium_raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
            continue
        if kind != pdfium_raw.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
            matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f = 1, 0, 0, 1, 0, 0
        start = previous = None
        for i in range(pdfium_raw.FPDFPath_CountSegments(obj)):
            segment = pdfium_raw.FPDFPath_GetPathSegment(obj, i)
            pdfium_raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            point = place(
                matrix.a * x.value + matrix.c * y.value + matrix.e, matrix.b * x.value + matrix.d * y.value + matrix.f
            )
            kind = pdfium_raw.FPDFPathSegment_GetType(segment)
            if kind == pdfium_raw.FPDF_SEGMENT_MOVETO:
                start = previous = point
                continue
            if kind == pdfium_raw.FPDF_SEGMENT_LINETO and previous is not None:
                _edge(previous, point, edges)
            previous = point
            if pdfium_raw.FPDFPathSegment_GetClose(segment) and start is not None:
                _edge(point, start, edges)
                previous = start
    return edges, images


def _edge(a: tuple[float, float], b: tuple[float, float], edges: list[dict[str, Any]]) -> None:
    """A straight line between two points, if it is horizontal or vertical, as a pdfplumber edge."""
    (x0, y0), (x1, y1) = a, b
    if abs(y0 - y1) < 0.5 and abs(x0 - x1) >= 1:
        left, right = sorted((x0, x1))
        edges.append({"x0": left, "x1": right, "top": y0, "bottom": y0, "width": right - left, "height": 0,
                      "orientation": "h", "object_type": "line"})
    elif abs(x0 - x1) < 0.5 and abs(y0 - y1) >= 1:
        top, bottom = sorted((y0, y1))
        edges.append({"x0": x0, "x1": x0, "top": top, "bottom": bottom, "width": 0, "height": bottom - top,
                      "orientation": "v", "object_type": "line"})


def _ruled_tables(edges: list[dict[str, Any]], chars: list[tuple[float, float, float, float, str]], page: int) -> list[_Table]:
    """Tables of ruled cells: pdfplumber's table finder (its 'lines' strategy) on the page's drawn lines."""
    from pdfplumber import table as plumber_table
    from pdfplumber import utils as plumber_utils

    settings = plumber_table.TableSettings.resolve({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
    edges = edges + _closing_rules(edges)
    merged = plumber_table.merge_edges(
        plumber_utils.filter_edges(edges, min_length=settings.edge_min_length_prefilter),
        snap_x_tolerance=settings.snap_x_tolerance,
        snap_y_tolerance=settings.snap_y_tolerance,
        join_x_tolerance=settings.join_x_tolerance,
        join_y_tolerance=settings.join_y_tolerance,
    )
    merged = plumber_utils.filter_edges(merged, min_length=settings.edge_min_length)
    intersections = plumber_table.edges_to_intersections(
        merged, settings.intersection_x_tolerance, settings.intersection_y_tolerance
    )
    cells = plumber_table.intersections_to_cells(intersections)
    tables = []
    for group in plumber_table.cells_to_tables(cells):
        found = plumber_table.Table(None, group)
        rows = found.rows
        if max(len(r.cells) for r in rows) < 2 or (len(rows) < 2 and len(rows[0].cells) < _LONE_CELLS):
            continue  # a frame around some text is no table
        read = _table(found, page, chars)
        if read.rows:
            read.lone = len(read.rows) < 2
            tables.append(read)
    return tables


# A row left open by a page break: at least this many column rules end together this far (points) past the
# last rule across them.
_OPEN_RULES = 3
_OPEN_DEPTH = 3.0


def _closing_rules(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rules across a table's open end: where a page break leaves its last row, or the next page's first, unruled.

    A row broken by the page break is printed with its column rules running on
    to the page's end (or from the next page's top) and no rule across its
    broken side: pdfplumber finds no cell there, and the row's text would be
    read as a line of prose. Where at least `_OPEN_RULES` column rules end at
    the same height past every rule across them, the row is closed there.
    """
    horizontal = [e for e in edges if e["orientation"] == "h"]
    vertical = [e for e in edges if e["orientation"] == "v"]
    if len(vertical) < _OPEN_RULES or not horizontal:
        return []
    out: list[dict[str, Any]] = []
    for side in ("bottom", "top"):
        ends: dict[int, list[dict[str, Any]]] = {}
        for e in vertical:
            ends.setdefault(round(e[side]), []).append(e)
        for y, rules in ends.items():
            xs = sorted({round(e["x0"], 1) for e in rules})
            if len(xs) < _OPEN_RULES:
                continue
            left, right = xs[0], xs[-1]
            top, bottom = min(e["top"] for e in rules), max(e["bottom"] for e in rules)
            across = [
                h for h in horizontal
                if h["x0"] <= left + 1 and h["x1"] >= right - 1 and top - 1 <= h["top"] <= bottom + 1
            ]
            if not across or any(abs(h["top"] - y) <= _OPEN_DEPTH for h in across):
                continue
            beyond = all(h["top"] < y for h in across) if side == "bottom" else all(h["top"] > y for h in across)
            if not beyond:
                continue
            level = max(e[side] for e in rules) if side == "bottom" else min(e[side] for e in rules)
            out.append({"x0": left, "x1": right, "top": level, "bottom": level, "width": right - left, "height": 0,
                        "orientation": "h", "object_type": "line"})
    return out


def _inside(char: tuple[float, float, float, float, str], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (char[0] + char[2]) / 2
    y = (char[1] + char[3]) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _printed_lines(
    page: int, chars: list[tuple[float, float, float, float, str]], width: float = 0.0, height: float = 0.0,
    rows: list[list[Any]] | None = None, gutter: float | None = None,
) -> list[_Printed]:
    """Characters grouped into printed lines (by vertical overlap), each read left to right.

    Where the page is set in two columns of text (a gazette's 公报 pages), the
    columns are found first and each is read top to bottom, the left one before
    the right: a line of one column is never run into the line beside it.
    `rows` are the characters' rows where the caller has them (`_rows`). `gutter` is that of the columns that
    end the page before: a page of too few rows to show its columns (the article's end, its left column filled
    part way) is read in those columns when no line of it crosses that gutter.
    """
    rows = _rows(chars) if rows is None else rows
    regions = _column_regions(rows, width, height)
    if not regions and gutter is not None:
        regions = _carried_columns(rows, height, gutter)
    if not regions:
        out = [p for p in (_row_line(page, *row) for row in rows) if p is not None]
        for p in out:
            p.order = (p.top, 0, p.top)
        out.sort(key=lambda p: p.top)
        return out
    in_columns = {id(row) for _, members, _ in regions for row in members}
    out = [p for p in (_row_line(page, *row) for row in rows if id(row) not in in_columns) if p is not None]
    for p in out:
        p.order = (p.top, 0, p.top)
    for top, members, gutter in regions:
        sides: tuple[list[Any], list[Any]] = ([], [])
        for row in members:
            for char in row[2]:
                sides[0 if (char[0] + char[2]) / 2 < gutter else 1].append(char)
        for column, side in enumerate(sides, start=1):
            lines = [p for p in (_row_line(page, *row) for row in _rows(side)) if p is not None]
            if not lines:
                continue
            block = (min(p.x0 for p in lines), _right_edge(lines, 0.0))
            for p in lines:
                p.order, p.block = (top, column, p.top), block
            out.extend(lines)
    out.sort(key=lambda p: p.order)
    return out


def _rows(chars: list[tuple[float, float, float, float, str]]) -> list[list[Any]]:
    """Characters grouped by vertical overlap: [top, bottom, characters] per printed row."""
    rows: list[list[Any]] = []
    for char in sorted(chars, key=lambda c: (round(c[1]), c[0])):
        middle = (char[1] + char[3]) / 2
        for row in reversed(rows[-4:]):
            if row[0] <= middle <= row[1]:
                row[2].append(char)
                row[0] = min(row[0], char[1])
                row[1] = max(row[1], char[3])
                break
        else:
            rows.append([char[1], char[3], [char]])
    return rows


def _row_line(page: int, top: float, bottom: float, members: list[Any]) -> _Printed | None:
    """One printed row's characters as its text, left to right (a space where Latin words stand apart)."""
    members.sort(key=lambda c: c[0])
    size = (bottom - top) or 1.0  # the line's height: glyph boxes vary (digits are shorter than 汉字)
    text = ""
    right = None
    for x0, _, x1, _, char in members:
        if text and right is not None and x0 - right > 0.3 * size and not text.endswith(" "):
            if re.match(r"[A-Za-z0-9%,.;:)]", text[-1]) or re.match(r"[A-Za-z0-9(]", char):
                if not (_CJK.match(text[-1]) or _CJK.match(char)):
                    text += " "
        text += char
        right = x1
    text = re.sub(r"[ \u00a0]{2,}", " ", text).strip()
    if not text:
        return None
    printed = _Printed(page, text, members[0][0], max(c[2] for c in members), top, bottom, round(size, 1))
    printed.lead = _lead_width(members)
    return printed


# Two columns of text: at least this many printed rows hold text on both sides of one gutter, the
# gutter wider than this many characters and within this middle share of the page, each column
# at least this many characters wide; most rows one unbroken piece on each side (an unruled table's
# rows break into a piece per cell).
_COLUMN_ROWS = 4
_GUTTER_CHARS = 1.0
_GUTTER_SPAN = (0.3, 0.7)
_COLUMN_CHARS = 8
_COLUMN_WHOLE = 0.8


def _column_regions(rows: list[list[Any]], width: float, height: float) -> list[tuple[float, list[list[Any]], float]]:
    """Runs of printed rows set in two columns of text: (top, rows, the gutter's x) each.

    A gutter is an x that no character of the run's rows covers, with text on
    both sides of it on at least `_COLUMN_ROWS` rows; rows in the bands of
    running headers and footers, and rows that a full-width line crosses, end
    a run. Rows before or after the first and last two-sided ones belong to it
    while they keep the line spacing (a column's short last lines), not after
    a wider gap (a full-width line under the columns).
    """
    if not width or not height or len(rows) < _COLUMN_ROWS:
        return []
    body = [row for row in rows if not (row[1] <= height * _BAND or row[0] >= height * (1 - _BAND))]
    pieces = [_pieces(row) for row in body]
    low, high = width * _GUTTER_SPAN[0], width * _GUTTER_SPAN[1]
    candidates = sorted(
        {
            round((a[1] + b[0]) / 2)
            for found, _ in pieces
            for a, b in zip(found, found[1:], strict=False)
            if low <= (a[1] + b[0]) / 2 <= high
        }
    )
    best: tuple[int, int, int, float] | None = None  # (two-sided rows, first, last, gutter)
    for x in candidates:
        start = 0
        while start < len(body):
            end = start
            while end < len(body) and not _crosses(pieces[end], x):
                end += 1
            if end > start:
                found = _two_columns(pieces[start:end], x)
                if found and (best is None or found[0] > best[0]):
                    first, last = start + found[1], start + found[2]
                    while first > start and _keeps_spacing(body[first - 1], body[first]):
                        first -= 1
                    while last + 1 < end and _keeps_spacing(body[last], body[last + 1]):
                        last += 1
                    best = (found[0], first, last, float(x))
            start = end + 1
    if best is None:
        return []
    _, first, last, gutter = best
    run = _with_band_rows(rows, body[first : last + 1], gutter)
    rest = [row for row in rows if not any(row is r for r in run)]
    more = _column_regions(rest, width, height) if len(rest) >= _COLUMN_ROWS else []
    return [(run[0][0], run, gutter), *more]


def _carried_columns(rows: list[list[Any]], height: float, gutter: float) -> list[tuple[float, list[list[Any]], float]]:
    """The page's body as one run of two columns apart at `gutter` (the page before's), if no row crosses it."""
    body = [row for row in rows if not (row[1] <= height * _BAND or row[0] >= height * (1 - _BAND))]
    if not body or any(_crosses(_pieces(row), gutter) for row in body):
        return []
    if not any(c[2] <= gutter for row in body for c in row[2] if not c[4].isspace()):
        return []  # nothing in the left column: no column to go on in
    body = _with_band_rows(rows, body, gutter)
    return [(body[0][0], body, gutter)]


def _with_band_rows(rows: list[list[Any]], run: list[list[Any]], gutter: float) -> list[list[Any]]:
    """The run of column rows with the rows next to it in the bands of running headers and footers that keep its
    line spacing and cross no gutter: a page's first or last row of both columns (a text block that begins within
    a tenth of the page's top) is the columns', never one line across them; a running header stands further off."""
    at = {id(row): k for k, row in enumerate(rows)}
    if id(run[0]) not in at or id(run[-1]) not in at:
        return run
    first, last = at[id(run[0])], at[id(run[-1])]
    inside = {id(row) for row in run}
    while first > 0 and id(rows[first - 1]) not in inside and _keeps_spacing(rows[first - 1], rows[first]) \
            and not _crosses(_pieces(rows[first - 1]), gutter):
        first -= 1
    while last + 1 < len(rows) and id(rows[last + 1]) not in inside and _keeps_spacing(rows[last], rows[last + 1]) \
            and not _crosses(_pieces(rows[last + 1]), gutter):
        last += 1
    before = rows[first : at[id(run[0])]]
    after = rows[at[id(run[-1])] + 1 : last + 1]
    return [*before, *run, *after] if before or after else run


def _last_gutter(printed: list[_Printed], height: float) -> float | None:
    """The gutter of the columns of text a page ends with (its last body line in a column), else None."""
    body = [p for p in printed if not _in_band(p, height)]
    if not body or body[-1].block is None:
        return None
    left = [p.block for p in body if p.block is not None and p.order[1] == 1 and p.order[0] == body[-1].order[0]]
    right = [p.block for p in body if p.block is not None and p.order[1] == 2 and p.order[0] == body[-1].order[0]]
    if not left or not right:
        return None
    return (left[0][1] + right[0][0]) / 2


def _keeps_spacing(above: list[Any], below: list[Any]) -> bool:
    """`below` follows `above` at no more than a line's spacing (no wider gap, as before a full-width line)."""
    size = min(above[1] - above[0], below[1] - below[0]) or 10.0
    return below[0] - above[1] <= 1.0 * size


def _pieces(row: list[Any]) -> tuple[list[tuple[float, float]], float]:
    """A row's unbroken pieces of text (x0, x1), apart where a gap wider than `_GUTTER_CHARS` characters lies."""
    chars = sorted((c for c in row[2] if not c[4].isspace()), key=lambda c: c[0])
    if not chars:
        return [], 0.0
    size = sorted(c[3] - c[1] for c in chars)[len(chars) // 2] or 10.0
    out: list[tuple[float, float]] = []
    for x0, _, x1, _, _ in chars:
        if out and x0 - out[-1][1] <= _GUTTER_CHARS * size:
            out[-1] = (out[-1][0], max(out[-1][1], x1))
        else:
            out.append((x0, x1))
    return out, size


def _crosses(row: tuple[list[tuple[float, float]], float], x: float) -> bool:
    found, size = row
    return any(a - 0.25 * size <= x <= b + 0.25 * size for a, b in found)


def _two_columns(run: list[tuple[list[tuple[float, float]], float]], x: float) -> tuple[int, int, int] | None:
    """(two-sided rows, first row, last row) of a run of rows no line crosses at `x`, if it is set in two columns."""
    two = [k for k, (found, _) in enumerate(run) if found and found[0][0] < x < found[-1][1]]
    if len(two) < _COLUMN_ROWS:
        return None
    whole = sum(1 for k in two if len(run[k][0]) == 2)
    if whole < _COLUMN_WHOLE * len(two):
        return None
    size = sorted(run[k][1] for k in two)[len(two) // 2]
    left = [p for found, _ in run for p in found if p[1] < x]
    right = [p for found, _ in run for p in found if p[0] > x]
    if max(b for _, b in left) - min(a for a, _ in left) < _COLUMN_CHARS * size:
        return None
    if max(b for _, b in right) - min(a for a, _ in right) < _COLUMN_CHARS * size:
        return None
    return len(two), two[0], two[-1]


# An unruled table (cells set apart by space alone, no rule drawn): pieces of a printed row apart by a gap of at
# least this many characters are cells; it has a header row of at least this many cells and at least this many
# rows of values; a row of its text further than this many lines' height below the row above ends it.
_CELL_GAP = 0.75
_UNRULED_HEADER = 3
_UNRULED_ROWS = 2
_UNRULED_SPACING = 1.6
_HEADER_ROWS = 3
# A caption saying a table goes on from the page before: （续表）, 续表1, (续表2).
_CONTINUED = regex(r"^[（(]?\s*续\s*(?:附\s*)?表\s*\d{0,2}\s*[）)]?$")
# Drawn lines shorter than this many points are no rules across a table (a tick, an underline of a word).
_RULE_MIN = 20.0
# A number that is a year in a header (2020年, 2030年目标), not a value.
_YEAR_WORD = regex(r"(?:19|20)\d\d\s*年")
_DIGIT = regex(r"\d")


def _unruled_tables(
    page: int, chars: list[tuple[float, float, float, float, str]], height: float,
    carry: tuple[float, ...] | None = None, rules: list[tuple[float, float, float]] | None = None,
) -> tuple[list[_Table], list[tuple[float, float, float, float, str]], list[list[Any]] | None]:
    """Tables set in columns of space alone (no rules), and the page's characters outside them.

    Told by the layout, never by the words: a header row of at least three
    cells (pieces of text apart by a gap of most of a character) holding no
    number but years, the rows under it at the text's spacing, their cells
    in columns that no row's text crosses (the gutters), at least two of them
    holding numbers. A row of one cell is a wrapped cell's other line (a long
    name over two lines, a target's second line): it belongs to the row it
    stands nearer to — the row above where the spacing cannot tell, unless
    the table's first row under the header is such a line (its cells are set
    at the foot of their rows). A line that crosses a gutter (prose, a note
    under the table) ends the table. Where the page before ended with such a
    table (`carry`, its columns), the rows at the top of this page that keep
    to its columns go on with it, no header repeated: a first line of one
    cell is the rest of the page before's last row. Returns the tables, the
    characters outside them and, where there is none, the characters' rows.
    """
    rows = _rows(chars)  # the bands of running headers and page numbers too: a page's first row may stand there
    if not rows or (len(rows) < 1 + _UNRULED_ROWS and carry is None):
        return [], chars, rows
    rows.sort(key=lambda r: r[0])
    pieces = [_cells_of(row) for row in rows]
    tables: list[_Table] = []
    taken: set[int] = set()
    k = 0
    if carry is not None:
        found = _unruled_continued(page, rows, pieces, list(carry), height, rules or [])
        if found is not None:
            table, used = found
            tables.append(table)
            taken.update(id(c) for i in used for c in rows[i][2])
            k = max(used) + 1
    while k < len(rows):
        if len(pieces[k]) >= _UNRULED_HEADER and not any(_is_value(p) for p in pieces[k]):
            found = _unruled_at(page, rows, pieces, k, rules or [])
            if found is not None:
                table, used = found
                tables.append(table)
                taken.update(id(c) for i in used for c in rows[i][2])
                k = max(used) + 1
                continue
        k += 1
    if not tables:
        return [], chars, rows
    return tables, [c for c in chars if id(c) not in taken], None


def _cells_of(row: list[Any]) -> list[list[tuple[float, float, float, float, str]]]:
    """A printed row's pieces of text apart by at least `_CELL_GAP` characters, each its characters left to right."""
    members = sorted((c for c in row[2] if not c[4].isspace()), key=lambda c: c[0])
    if not members:
        return []
    size = (row[1] - row[0]) or 10.0  # the row's height: its characters' (digits are a little shorter)
    out: list[list[tuple[float, float, float, float, str]]] = []
    reach = 0.0
    for char in members:
        if out and char[0] - reach < _CELL_GAP * size:
            out[-1].append(char)
            reach = max(reach, char[2])
        else:
            out.append([char])
            reach = char[2]
    return out


def _piece_text(piece: list[tuple[float, float, float, float, str]]) -> str:
    return "".join(c[4] for c in piece)


def _is_value(piece: list[tuple[float, float, float, float, str]]) -> bool:
    """A piece holding a number that is no year of a header (4.9, ≤4.2, 1/10万; not 2030年目标)."""
    return bool(_DIGIT.search(_YEAR_WORD.sub("", _piece_text(piece))))


def _span(piece: list[tuple[float, float, float, float, str]]) -> tuple[float, float]:
    return min(c[0] for c in piece), max(c[2] for c in piece)


def _unruled_at(
    page: int, rows: list[list[Any]], pieces: list[list[list[Any]]], start: int,
    rules: list[tuple[float, float, float]] = [],  # noqa: B006 - never changed
) -> tuple[_Table, list[int]] | None:
    """The unruled table whose header row is `rows[start]`, and the rows it takes; None where there is none."""
    size = sorted(r[1] - r[0] for r in rows)[len(rows) // 2] or 10.0

    def near(a: int, b: int) -> bool:
        return rows[b][0] - rows[a][1] <= _UNRULED_SPACING * size

    header = [start]
    k = start + 1
    while (k < len(rows) and len(header) < _HEADER_ROWS and len(pieces[k]) >= 2 and near(k - 1, k)
           and not any(_is_value(p) for p in pieces[k])):
        header.append(k)
        k += 1
    body: list[int] = []
    while k < len(rows) and near(k - 1, k) and pieces[k]:
        body.append(k)
        k += 1
    for _ in range(2):  # the gutters of the rows of values, then again without the rows a gutter's crossing cut off
        full = [i for i in body if len(pieces[i]) >= 2]
        if len(full) < _UNRULED_ROWS:
            return None
        gutters = _gutters([p for i in full for p in pieces[i]], size)
        cut = next((n for n, i in enumerate(body) if any(_crosses_gutter(p, gutters) for p in pieces[i])), None)
        if cut is None:
            break
        body = body[:cut]
    else:
        return None
    full = [i for i in body if len(pieces[i]) >= 2]
    if len(gutters) + 1 < _UNRULED_HEADER or len(full) < _UNRULED_ROWS:
        return None
    if sum(1 for i in full if any(_is_value(p) for p in pieces[i])) < _UNRULED_ROWS:
        return None
    left = min(_span(p)[0] for i in [*header, *body] for p in pieces[i])
    right = max(_span(p)[1] for i in [*header, *body] for p in pieces[i])
    bounds = [round(b, 1) for b in (left - 1, *((a + b) / 2 for a, b in gutters), right + 1)]
    column = _column_of(bounds)

    if len({column(_span(p)[0] + 1) for p in pieces[start]}) < _UNRULED_HEADER:
        return None
    # trailing lines of one cell are the last row's only at the table's spacing; else they are text under it
    while body and len(pieces[body[-1]]) < 2 and not _one_cell_line(pieces[body[-1]], rows[body[-1]]):
        body.pop()
    groups = _row_groups(rows, pieces, body, size, rules)
    width = len(bounds) - 1
    out_rows: list[list[tuple[str, bool, int]]] = []
    spanned: list[list[bool]] = []
    breaks: list[list[tuple[int, ...]]] = []
    header_cells = _header_cells(page, rows, pieces, header, column, width)
    for cells, across in header_cells:
        out_rows.append(cells)
        spanned.append(across)
        breaks.append([()] * width)
    _unruled_rows(page, rows, pieces, groups, column, width, (out_rows, spanned, breaks))
    used = [*header, *body]
    top = min(rows[i][0] for i in used)
    bottom = max(rows[i][1] for i in used)
    return _Table(page, left, top, right, bottom, out_rows, tuple(bounds), spanned, breaks), used


def _column_of(bounds: list[float]) -> Callable[[float], int]:
    """The column an x stands in, of the columns between `bounds` (the outer edges and the gutters' middles)."""

    def column(x: float) -> int:
        return max(0, min(len(bounds) - 2, next((c for c in range(len(bounds) - 1) if x < bounds[c + 1]), len(bounds) - 2)))

    return column


def _unruled_continued(
    page: int, rows: list[list[Any]], pieces: list[list[list[Any]]], bounds: list[float], height: float,
    rules: list[tuple[float, float, float]] = [],  # noqa: B006 - never changed
) -> tuple[_Table, list[int]] | None:
    """The rows at the top of the page that go on with an unruled table of these columns from the page before.

    A running header above them (in the page's top band, set apart from them) is no row, nor is a caption saying
    the table goes on (（续表）, 续表1) — never the rest of the page before's last row.
    """
    size = sorted(r[1] - r[0] for r in rows)[len(rows) // 2] or 10.0
    inner = [(b, b) for b in bounds[1:-1]]
    body: list[int] = []
    k = 0
    while k + 1 < len(rows) and rows[k][1] <= height * _BAND and rows[k + 1][0] - rows[k][1] > _UNRULED_SPACING * size:
        k += 1
    if k < len(rows) and len(pieces[k]) == 1 and _CONTINUED.match(_piece_text(pieces[k][0])):
        k += 1
    while k < len(rows) and pieces[k] and (not body or rows[k][0] - rows[body[-1]][1] <= _UNRULED_SPACING * size):
        if any(_crosses_gutter(p, inner) or _span(p)[0] < bounds[0] - size or _span(p)[1] > bounds[-1] + size
               for p in pieces[k]):
            break
        if len(pieces[k]) < 2 and not _one_cell_line(pieces[k], rows[k]):
            break
        body.append(k)
        k += 1
    while body and len(pieces[body[-1]]) < 2:
        body.pop()  # lines of one cell under the last row of values: text, not the table's
    if not body:
        return None
    lead = 0
    while lead < len(body) and len(pieces[body[lead]]) < 2:
        lead += 1
    groups = ([body[:lead]] if lead else []) + _row_groups(rows, pieces, body[lead:], size, rules)
    column = _column_of(bounds)
    width = len(bounds) - 1
    out: tuple[list[list[tuple[str, bool, int]]], list[list[bool]], list[list[tuple[int, ...]]]] = ([], [], [])
    _unruled_rows(page, rows, pieces, groups, column, width, out)
    top, bottom = rows[body[0]][0], max(rows[i][1] for i in body)
    return _Table(page, bounds[0] + 1, top, bounds[-1] - 1, bottom, out[0], tuple(bounds), out[1], out[2]), body


def _unruled_rows(
    page: int, rows: list[list[Any]], pieces: list[list[list[Any]]], groups: list[list[int]],
    column: Callable[[float], int], width: int,
    out: tuple[list[list[tuple[str, bool, int]]], list[list[bool]], list[list[tuple[int, ...]]]],
) -> None:
    """Each group of printed rows as a table row of cells (each column's lines joined), appended to `out`."""
    out_rows, spanned, breaks = out
    for group in groups:
        lines: list[list[str]] = [[] for _ in range(width)]
        for i in group:
            by_column: dict[int, list[Any]] = {}
            for p in pieces[i]:
                by_column.setdefault(column((_span(p)[0] + _span(p)[1]) / 2), []).extend(p)
            for c, members in by_column.items():
                line = _row_line(page, rows[i][0], rows[i][1], list(members))
                if line is not None:
                    lines[c].append(line.text)
        row: list[tuple[str, bool, int]] = []
        starts: list[tuple[int, ...]] = []
        for c in range(width):
            text, where = _wrapped(lines[c])
            row.append((text, False, len(lines[c])))
            starts.append(where)
        out_rows.append(row)
        spanned.append([False] * width)
        breaks.append(starts)


def _split_at_columns(piece: list[Any], column: Callable[[float], int]) -> list[list[Any]]:
    """A header piece cut where a space between its characters lies between two columns (序号 指标 set close)."""
    size = sorted(c[3] - c[1] for c in piece)[len(piece) // 2] or 10.0
    out = [[piece[0]]]
    for before, char in zip(piece, piece[1:], strict=False):
        if char[0] - before[2] >= 0.3 * size and column((before[0] + before[2]) / 2) != column((char[0] + char[2]) / 2):
            out.append([char])
        else:
            out[-1].append(char)
    return out


def _one_cell_line(piece_list: list[list[Any]], row: list[Any]) -> bool:
    """A line of one piece that may be a wrapped cell's (short, not a numbered heading), not a line of text."""
    if len(piece_list) != 1:
        return False
    text = _piece_text(piece_list[0])
    return not _OPENS_ALWAYS.match(text) and not text.startswith(("注", "备注", "说明", "资料来源"))


def _gutters(pieces: list[list[Any]], size: float) -> list[tuple[float, float]]:
    """The x ranges no piece covers between the leftmost and the rightmost, at least `_CELL_GAP` characters wide."""
    spans = sorted(_span(p) for p in pieces)
    out: list[tuple[float, float]] = []
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a - reach >= _CELL_GAP * size:
            out.append((reach, a))
        reach = max(reach, b)
    return out


def _crosses_gutter(piece: list[Any], gutters: list[tuple[float, float]]) -> bool:
    a, b = _span(piece)
    return any(a < (g0 + g1) / 2 < b for g0, g1 in gutters)


def _row_groups(
    rows: list[list[Any]], pieces: list[list[list[Any]]], body: list[int], size: float,
    rules: list[tuple[float, float, float]] = [],  # noqa: B006 - never changed
) -> list[list[int]]:
    """The table's rows as groups of printed rows: each row of cells with the lines of one cell wrapped above or below it.

    Where rules are drawn across the table between its rows (no vertical rules: a table ruled only across, its
    merged 领域 column left open), the printed rows between two rules are one row — a name and a 领域 wrapped
    together (妇女与社会保 | 女性基本养老保险参保 over 障 | 率（%）) — so long as no such row holds two rows of values.
    Else a line of one cell joins the row it stands nearer to (by the gaps to the
    printed rows on each side); where the gaps are alike, the row above —
    unless the table's first line is such a line, its rows' cells set at
    their foot, where it is the row below.
    """
    if not body:
        return []
    by_rules = _groups_by_rules(rows, pieces, body, rules)
    if by_rules is not None:
        return by_rules
    single = [len(pieces[i]) < 2 for i in body]
    up = not single[0]
    groups: list[list[int]] = []
    pending: list[int] = []
    for n, i in enumerate(body):
        if not single[n]:
            groups.append([*pending, i])
            pending = []
            continue
        gap_up = rows[i][0] - rows[body[n - 1]][1] if n > 0 else math.inf
        gap_down = rows[body[n + 1]][0] - rows[i][1] if n + 1 < len(body) else math.inf
        joins_up = gap_up < gap_down - 0.2 * size or (abs(gap_up - gap_down) <= 0.2 * size and up)
        if joins_up and groups and not pending:
            groups[-1].append(i)
        else:
            pending.append(i)
    if pending:
        if groups:
            groups[-1].extend(pending)
        else:
            groups.append(pending)
    return groups


def _groups_by_rules(
    rows: list[list[Any]], pieces: list[list[list[Any]]], body: list[int], rules: list[tuple[float, float, float]]
) -> list[list[int]] | None:
    """The body's printed rows grouped between the rules drawn across the table between them, if any are and each
    group holds one row of values at most; else None."""
    if len(body) < 2:
        return None
    left = min(_span(p)[0] for i in body for p in pieces[i])
    right = max(_span(p)[1] for i in body for p in pieces[i])
    width = right - left
    between: list[bool] = []
    for a, b in zip(body, body[1:], strict=False):
        low, high = rows[a][1], rows[b][0]
        between.append(any(
            low - 1 <= y <= high + 1 and x1 >= right - 0.1 * width and x1 - x0 >= 0.5 * width for y, x0, x1 in rules
        ))
    if not any(between) or all(between):
        return None  # no rule between the rows (a table ruled above and below only), or one between every two
    groups: list[list[int]] = [[body[0]]]
    for ruled, i in zip(between, body[1:], strict=True):
        if ruled:
            groups.append([i])
        else:
            groups[-1].append(i)
    for group in groups:
        if sum(1 for i in group if any(_is_value(p) for p in pieces[i][1:])) > 1:
            return None
    return groups


def _header_cells(
    page: int, rows: list[list[Any]], pieces: list[list[list[Any]]], header: list[int], column: Callable[[float], int],
    width: int,
) -> list[tuple[list[tuple[str, bool, int]], list[bool]]]:
    """The header's rows of cells, as a ruled table's would be.

    A printed row under the first that puts a name where the first has none
    (国家目标 | 省目标 | 本县目标 under 目标值; 2025年 | 2030年 under 本县目标) is the
    header's second row: the first row's name over a run of its names spans
    them, the first row's other names stand over both rows (merged down). A
    printed row that only goes on under the first row's names is their
    second line (2030年 / 目标).
    """
    placed: list[list[tuple[int, int, str]]] = []  # per printed row: (first column, last column, text)
    for i in header:
        row = []
        for p in (part for whole in pieces[i] for part in _split_at_columns(whole, column)):
            a, b = _span(p)
            line = _row_line(page, rows[i][0], rows[i][1], list(p))
            row.append((column(a + 1), column(b - 1), line.text if line else ""))
        placed.append(row)
    grid: list[list[list[str]]] = [[[] for _ in range(width)]]
    owner = [-1] * width  # per column: the first column of the first row's name over it
    wide = [False] * width  # per column: under a first-row name over several columns
    for first, last, text in placed[0]:
        grid[0][first].append(text)
        for c in range(first, last + 1):
            owner[c] = first
            wide[c] = last > first
    for row in placed[1:]:
        if len(grid) == 1 and any(owner[c] < 0 or wide[c] for first, last, _ in row for c in range(first, last + 1)):
            grid.append([[] for _ in range(width)])
        for first, _, text in row:
            target = grid[-1] if len(grid) > 1 else grid[0]
            home = first if len(grid) > 1 or owner[first] < 0 else owner[first]
            target[home].append(text)
    spans = [0] * width  # per column of the first row: how many columns its name spans (0: covered)
    for c in range(width):
        if grid[0][c]:
            spans[c] = 1
    if len(grid) > 1:
        for c in range(width):
            if not grid[0][c] or not grid[1][c] and not any(grid[1][k] for k in range(c, width) if owner[k] == c):
                continue
            # the run of the second row's names under it, no other first-row name over them
            lo = hi = c
            while lo - 1 >= 0 and grid[1][lo - 1] and not grid[0][lo - 1]:
                lo -= 1
            while hi + 1 < width and grid[1][hi + 1] and not grid[0][hi + 1]:
                hi += 1
            hi = max(hi, max((k for k in range(width) if owner[k] == c), default=c))
            if hi > lo:
                if lo != c:  # the name stands over the middle of its run: it is the run's first column's
                    grid[0][lo], grid[0][c] = grid[0][c], []
                spans[lo] = hi - lo + 1
                for k in range(lo + 1, hi + 1):
                    spans[k] = 0
    out: list[tuple[list[tuple[str, bool, int]], list[bool]]] = []
    for r, texts in enumerate(grid):
        cells = []
        across = []
        for c in range(width):
            covered = spans[c] == 0 and any(spans[k] > 1 and k + spans[k] > c for k in range(c))
            merged = r > 0 and not texts[c] and spans[c] == 1
            cells.append(("".join(texts[c]), merged, len(texts[c])))
            across.append(r == 0 and covered)
        out.append((cells, across))
    return out


# Line breaking (Unicode's UAX #14, as Word, WPS and LibreOffice apply it to Chinese): no line starts
# with closing punctuation, none ends with opening punctuation, quotation marks and a run of Latin
# letters or digits stay with what is next to them.
_CLOSING = set("，。、；：！？）》」』】〕〉”’,.;:!?)]}%‰")
_OPENING = set("（《「『【〔〈“‘([{")
_QUOTES = set("“”‘’\"'")
_LATIN = regex(r"[A-Za-z0-9_.,:;%/+\-<>≥≤＜＞～~±‰]")


def _lead_width(members: list[tuple[float, float, float, float, str]]) -> float:
    """The width of a line's first unbreakable piece: what would not have fitted at the end of the line above.

    A character with the punctuation that may not be parted from it (升“12338”妇,
    （点）。), or a Latin word or number (12338、, ≥6.5cm).
    """
    first = members[0]
    end = first[2]
    previous = first[4]
    for x0, _, x1, _, char in members[1:]:
        if char.isspace() or x0 - end > 1.0:
            break
        glued = (
            char in _CLOSING
            or previous in _OPENING
            or char in _QUOTES
            or previous in _QUOTES
            or (_LATIN.match(previous) is not None and _LATIN.match(char) is not None)
        )
        if not glued:
            break
        end, previous = x1, char
    return end - first[0]


# PDFium's errors as pypdfium2 words them ("Failed to load document (PDFium: Data format error).") → message ids.
_PDFIUM_ERRORS = {
    "Unknown error": "unknown",
    "File access error": "file-access",
    "Data format error": "data-format",
    "Incorrect password error": "password",
    "Unsupported security scheme error": "security",
    "Page not found or content error": "page",
}


def _pdfium_reason(error: Exception) -> str:
    """PDFium's reason in the user's words (数据格式错误), or as it said it when it is not one we know."""
    found = re.search(r"PDFium: ([^)]+)\)", str(error))
    known = _PDFIUM_ERRORS.get(found.group(1).strip()) if found else None
    return _text(f"reading.pdfium.{known}") if known else str(error)


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text[:80]}" if text else type(error).__name__


def _table(table: Any, page: int, chars: list[tuple[float, float, float, float, str]]) -> _Table:
    """Rows of (text, merged from above, printed lines) of a pdfplumber table, cell text from the page's characters."""
    rows: list[list[tuple[str, bool, int]]] = []
    spanned: list[list[bool]] = []
    breaks: list[list[tuple[int, ...]]] = []
    open_below: dict[int, float] = {}  # column -> bottom of a cell spanning rows
    chars = sorted((c for c in chars if _inside(c, [table.bbox])), key=lambda c: (c[1] + c[3]) / 2)
    middles = [(c[1] + c[3]) / 2 for c in chars]
    for row in table.rows:
        out: list[tuple[str, bool, int]] = []
        across: list[bool] = []
        starts: list[tuple[int, ...]] = []
        top = row.bbox[1]
        for c, cell in enumerate(row.cells):
            if cell is None:
                merged = open_below.get(c, -1) > top + 0.5
                out.append(("", merged, 0))
                starts.append(())
                across.append(not merged and c > 0)  # no cell starts here and none spans down to it: one spans across
                continue
            across.append(False)
            inside = _chars_in(cell, chars, middles)
            printed = _printed_lines(page, inside)
            text, where = _wrapped([p.text for p in printed])
            out.append((text, False, len(printed)))
            starts.append(where)
            open_below[c] = cell[3]
        _keep_overflow(out, starts)
        rows.append(out)
        spanned.append(across)
        breaks.append(starts)
    # a strip left empty by a page break (the column rules run on past the last row's text) is no row
    while rows and not any(text for text, _, _ in rows[-1]):
        del rows[-1], spanned[-1], breaks[-1]
    while rows and not any(text for text, _, _ in rows[0]):
        del rows[0], spanned[0], breaks[0]
    x0, top, x1, bottom = table.bbox
    columns = sorted({round(cell[0], 1) for row in table.rows for cell in row.cells if cell is not None}
                     | {round(cell[2], 1) for row in table.rows for cell in row.cells if cell is not None})
    return _Table(page, x0, top, x1, bottom, rows, tuple(columns), spanned, breaks)


_BRACKET_PAIRS = {"）": "（", ")": "(", "】": "【", "〕": "〔", "》": "《"}


def _keep_overflow(cells: list[tuple[str, bool, int]], starts: list[tuple[int, ...]]) -> None:
    """A cell's closing bracket printed past its right rule (村（社区）儿童之家覆盖率（% | ）90.2): the glyph's middle lies
    in the next cell, but it closes a bracket the cell to its left left open, so it is that cell's (…（%） | 90.2)."""
    for k in range(1, len(cells)):
        text, merged, count = cells[k]
        left, left_merged, left_count = cells[k - 1]
        moved = 0
        while moved < len(text) and text[moved] in _BRACKET_PAIRS:
            opening = _BRACKET_PAIRS[text[moved]]
            closed = left + text[:moved]
            if closed.count(opening) <= closed.count(text[moved]):
                break
            moved += 1
        if not moved:
            continue
        cells[k - 1] = (left + text[:moved], left_merged, left_count)
        cells[k] = (text[moved:].lstrip(), merged, count)
        shift = len(text) - len(cells[k][0])
        starts[k] = tuple(max(0, offset - shift) for offset in starts[k])


def _chars_in(
    cell: tuple[float, float, float, float], chars: list[tuple[float, float, float, float, str]], middles: list[float]
) -> list[tuple[float, float, float, float, str]]:
    """The characters whose middle lies in the cell: `chars` sorted by their vertical middles, `middles` those."""
    from bisect import bisect_left, bisect_right

    left, top, right, bottom = cell
    out = []
    for char in chars[bisect_left(middles, top) : bisect_right(middles, bottom)]:
        if left <= (char[0] + char[2]) / 2 <= right:
            out.append(char)
    return out


def _join_wrapped(text: str) -> str:
    """A cell's printed lines as one text: CJK lines join directly, Latin words with a space."""
    return _wrapped(text.split("\n"))[0]


def _wrapped(printed: list[str]) -> tuple[str, tuple[int, ...]]:
    """A cell's printed lines as one text, and the offset where each printed line after the first starts in it.

    The offsets let the table reader read a cell holding a value per line (the
    2025 value over the 2030 one: 90 / 92) line by line, where joined it is 9092.
    """
    out = ""
    starts: list[int] = []
    for part in (p.strip() for p in printed):
        if not part:
            continue
        if out and re.match(r"[A-Za-z0-9]", out[-1]) and re.match(r"[A-Za-z]", part[0]) and not _CJK.search(out[-1]):
            out += " "
        if out:
            starts.append(len(out))
        out += part
    return out, tuple(starts)


def _furniture_keys(pages: list[tuple[int, float, list[_Printed], list[_Table]]]) -> set[str]:
    """Texts (digits aside) that stand in the top or bottom band of most pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for _, height, printed, _ in pages:
        keys = {_key(p.text) for p in printed if _in_band(p, height)}
        seen.update(k for k in keys if k)
    need = max(2, (len(pages) + 1) // 2)
    return {key for key, count in seen.items() if count >= need}


# A running header in small print: at most this share of the body text's size, set apart from the text below
# it by at least this many times the body's size.
_HEADER_SIZE = 0.85
_HEADER_GAP = 1.0


def _page_headers(pages: list[tuple[int, float, list[_Printed], list[_Table]]]) -> set[int]:
    """Running headers too few to repeat (a short document: 规范性文件　…〔2022〕9号 on page 2 only), by their print.

    On a page after the first, the lines at the top of the page in the top
    band, printed smaller than the body text and set apart from the first line
    of text below them, are a running header — never the start of the text
    below (a header run into the first sentence would name its target).
    """
    sizes = sorted(p.size for _, _, printed, _ in pages for p in printed if p.size)
    if not sizes:
        return set()
    body = sizes[len(sizes) // 2]
    out: set[int] = set()
    for _, height, printed, tables in pages[1:]:
        ordered = sorted(printed, key=lambda p: p.top)
        top_of_tables = min((t.top for t in tables), default=height)
        run = []
        for p in ordered:
            if p.bottom > height * _BAND or p.size > _HEADER_SIZE * body:
                break
            run.append(p)
        if not run or len(run) == len(ordered):
            continue
        below = ordered[len(run)]
        if min(below.top, top_of_tables) - run[-1].bottom >= _HEADER_GAP * body:
            out.update(id(p) for p in run)
    return out


def _key(text: str) -> str:
    """A band line's text as running headers repeat it: digits aside, and its characters in any order — a gazette
    sets its name and its issue at the outer edges, so they swap sides between odd and even pages
    (2022年第4期 … 某市人民政府公报 on one, 某市人民政府公报 … 2022年第4期 on the next)."""
    return "".join(sorted(re.sub(r"\s+", "", re.sub(r"\d+", "#", text))))


def _in_band(p: _Printed, height: float) -> bool:
    return p.bottom <= height * _BAND or p.top >= height * (1 - _BAND)


def _lines(pages: list[tuple[int, float, list[_Printed], list[_Table]]]) -> list[Line]:
    furniture = _furniture_keys(pages)
    pages = _settle_lone_rows(pages, furniture)
    headers = _page_headers(pages)
    # Items of the whole document in reading order: ("text", _Printed) or ("table", _Table), furniture dropped.
    items: list[tuple[str, Any]] = []
    number = 0
    for _, height, printed, tables in pages:
        on_page = sorted(
            [("text", p.order, p) for p in printed] + [("table", (t.top, 0, t.top), t) for t in tables],
            key=lambda e: (e[1], e[0]),
        )
        line_on_page = 0
        for kind, _, item in on_page:
            if kind == "text":
                number += 1
                line_on_page += 1
                item.number, item.line_on_page = number, line_on_page
                if _in_band(item, height) and (_PAGE_NUMBER.match(item.text) or _key(item.text) in furniture):
                    continue
                if id(item) in headers:
                    continue
                items.append(("text", item))
            else:
                start = number
                for row in item.rows:
                    for _, _, printed_lines in row:
                        number += printed_lines
                        line_on_page += printed_lines
                items.append(("table", (item, start)))
    margins = _margins([item for kind, item in items if kind == "text"])
    lines: list[Line] = []
    tables_seen = 0
    previous: _Table | None = None  # the table just before, with nothing but page furniture between
    previous_header: list[str] = []
    previous_sub: list[str] | None = None  # the second row of the table's header (2025年 | 2030年 under 目标值)
    halves: list[tuple[int, int]] = []  # the column groups of a table printed as two side by side
    k = 0
    while k < len(items):
        kind, item = items[k]
        if kind == "table":
            table, start = item
            header = [text for text, _, _ in table.rows[0]]
            follows = previous is not None and table.page == previous.page + 1
            repeated = follows and header == previous_header  # the header printed again on the next page
            continued = repeated or (follows and previous is not None and _same_columns(table, previous))
            second = [text for text, _, _ in table.rows[1]] if len(table.rows) > 1 else None
            if not continued:
                tables_seen += 1
                previous_header, previous_sub = header, second
            # a two-row header printed again (目标值 over 2025年 | 2030年): both its rows are the header's
            twice = repeated and second is not None and second == previous_sub and not any(_DIGIT.search(c) and not
                    _YEAR_WORD.search(c) for c in second)
            first = (2 if twice else 1) if repeated else 0
            read = _table_lines(table, start, tables_seen, skip=set(range(first)))
            if continued and not halves and read and lines and lines[-1].cells is not None:
                if _rest_of_row(table.rows[first], lines[-1], table.rows, first):
                    _join_row(lines[-1], read.pop(0))  # a row broken by the page break is one row
            if not continued:
                halves = side_by_side(header)
            lines.extend(unfold_side_by_side(read, halves) if halves else read)
            previous = table
            k += 1
            continue
        if previous is not None and _CONTINUED.match(item.text.strip()):
            k += 1  # （续表） over the table's rows on the next page: a caption saying the table goes on, no line of text
            continue
        previous = None
        paragraph = [item]
        while k + 1 < len(items) and items[k + 1][0] == "text" and _goes_on(paragraph[-1], items[k + 1][1], margins):
            k += 1
            paragraph.append(items[k][1])
        lines.append(_paragraph_line(paragraph))
        k += 1
    return lines


@cache
def _bar_rule() -> tuple[str, int]:
    from compliance.resources import rules_data

    data = rules_data("text.yaml")["bar_rows"]
    return str(data["marks"]), int(data["min_rows"])


def _bar_rows(lines: list[Line]) -> list[Line]:
    """Printed lines written as rows between bars are a table's rows: an OCR text layer over a scanned table.

    A phone scanner's OCR writes each row of the scan's table as one line of text, | 1 | 孕产妇死亡率 | 8.21 | ≤10 |,
    a rule it took for a character as 丨, a domain's row spanning the table as | 一、妇女与健康 |, a name wrapped in its
    cell as a row of its own with the other cells empty (| | 查率（%） | | |). Where at least `min_rows` lines are
    such rows (rules/text.yaml `bar_rows`), each is a row of cells at its own number, read as a text's pipe rows
    are; a line of prose that joins one is no row.
    """
    marks, least = _bar_rule()
    rows = [(line, bar_cells(line.text, marks)) for line in lines]
    if sum(1 for line, cells in rows if cells is not None and line.spans is None) < least:
        return lines
    for line, cells in rows:
        if cells is None or line.spans is not None or line.cells is not None:
            continue
        line.printed = line.text.strip()
        line.cells = cells
        line.text = "\t".join(cells)
        line.cell_locators = [f"{line.locator} 第{k}列" for k in range(1, len(cells) + 1)]
        line.cell_numbers = [line.number] * len(cells)
        line.bars = True
    return lines


def _settle_lone_rows(
    pages: list[tuple[int, float, list[_Printed], list[_Table]]], furniture: set[str]
) -> list[tuple[int, float, list[_Printed], list[_Table]]]:
    """A ruled row alone on a page is part of a table the page break cut, where the table goes on across the break.

    A header row (序号 | 指标 | 2020年 | 2030年目标) the page break leaves alone
    under the text, its rows on the next page — without its header those rows
    name no column — or a table's last row alone at the top of the next page.
    Where the row ends its page and the next page opens (after its running
    header) with a table of the same rules across, or it opens its page and the
    page before ends with such a table, the row is a row of that table; else it
    is text, read as the printed lines it holds.
    """
    out = []
    for k, (number, height, printed, tables) in enumerate(pages):
        keep: list[_Table] = []
        for table in tables:
            if not table.lone:
                keep.append(table)
                continue
            if (k + 1 < len(pages) and _edge_table(pages[k], furniture, last=True) is table
                    and _same_columns(_edge_table(pages[k + 1], furniture, last=False), table)) or (
                    k > 0 and _edge_table(pages[k], furniture, last=False) is table
                    and _same_columns(_edge_table(pages[k - 1], furniture, last=True), table)):
                keep.append(table)
                printed = [p for p in printed if not _inside((p.x0, p.top, p.x1, p.bottom, ""), [_box(table)])]
        out.append((number, height, printed, keep))
    return out


def _box(table: _Table) -> tuple[float, float, float, float]:
    return (table.x0, table.top, table.x1, table.bottom)


def _edge_table(page: tuple[int, float, list[_Printed], list[_Table]], furniture: set[str], last: bool) -> _Table | None:
    """The table the page ends with (`last`) or opens with, its furniture aside; None where text stands there."""
    _, height, printed, tables = page
    if not tables:
        return None
    edge = max(tables, key=lambda t: t.bottom) if last else min(tables, key=lambda t: t.top)
    boxes = [_box(t) for t in tables if t.lone]
    for p in printed:
        if _in_band(p, height) and (bool(_PAGE_NUMBER.match(p.text)) or _key(p.text) in furniture):
            continue
        if _inside((p.x0, p.top, p.x1, p.bottom, ""), boxes):
            continue
        if (p.top >= edge.bottom) if last else (p.bottom <= edge.top):
            return None
    return edge


def _margins(printed: list[_Printed]) -> dict[int, tuple[float, float]]:
    """Per page: the left margin (the leftmost line start) and the right margin of the document's text block.

    The right margin is where full lines end on all pages of the same width:
    the most common line end near the furthest one (lines with Latin words or
    hanging punctuation end a little further), else — a document of short
    lines, where no edge shows — the furthest line end, and at least the page
    width less the left margin. A page's own longest line is no margin: on a
    page of short lines (a list, the end of a chapter) it would join the last
    line to the heading at the top of the next page.
    """
    by_page: dict[int, list[_Printed]] = {}
    by_width: dict[int, list[_Printed]] = {}
    for p in printed:
        by_page.setdefault(p.page, []).append(p)
        by_width.setdefault(round(p.page_width), []).append(p)
    edges = {width: _right_edge(lines, width) for width, lines in by_width.items()}
    out: dict[int, tuple[float, float]] = {}
    for page, lines in by_page.items():
        out[page] = (min(p.x0 for p in lines), edges[round(lines[0].page_width)])
    return out


def _right_edge(lines: list[_Printed], width: float) -> float:
    """Where the full lines of these pages end (see `_margins`)."""
    furthest = max(p.x1 for p in lines)
    size = sorted(p.size for p in lines)[len(lines) // 2] or 10.0
    near = Counter(round(p.x1) for p in lines if p.x1 >= furthest - 3 * size)
    edge, count = near.most_common(1)[0]
    if count >= 3:
        return max(float(edge), max(p.x1 for p in lines if round(p.x1) == edge))
    left = min(p.x0 for p in lines)
    return max(furthest, width - left) if width > 2 * left else furthest


def _goes_on(before: _Printed, after: _Printed, margins: dict[int, tuple[float, float]]) -> bool:
    """`after` continues the paragraph of `before`: `before` reaches the right margin and `after` is not indented."""
    size = before.size or 10.0
    if abs((after.size or size) - size) > 0.25 * max(size, after.size or size):
        return False
    right = before.block[1] if before.block else margins[before.page][1]
    left = after.block[0] if after.block else margins[after.page][0]
    if _opens_paragraph(before, after, after.block[1] if after.block else margins[after.page][1]):
        return False
    if before.block and _column_goes_on(before, after, left):
        return True
    if _clause_goes_on(before, after, left):
        return True
    # wrapped: the next line's first word would not have fitted after the end of this one
    if right - before.x1 > (after.lead or size) + _WRAP_SLACK * size:
        return False
    if after.x0 > left + 0.8 * size:
        return False
    if after.page == before.page:
        gap = after.top - before.bottom
        return gap < 2.5 * size
    return after.page == before.page + 1


def _clause_goes_on(before: _Printed, after: _Printed, left: float) -> bool:
    """A line broken after a clause (…控制在2.5%以下，) goes on in the next line at the left margin.

    Some drafts break their sentences by hand at a comma, the next clause on a
    line of its own flush left (the sentence's first line indented): no
    paragraph ends with a comma, so the sentence reads on — unless the next
    line is numbered (2．…, （2）…), a list item of its own.
    """
    if not _ENDS_CLAUSE.search(before.text.rstrip()):
        return False
    size = before.size or 10.0
    after_text = after.text.strip()
    if after.x0 > left + 0.8 * size or _OPENS_AFTER_BRACKET.match(after_text):
        return False
    if after.page == before.page:
        return 0 <= after.top - before.bottom < 2.5 * size
    return after.page == before.page + 1


def _column_goes_on(before: _Printed, after: _Printed, left: float) -> bool:
    """In a narrow column, a line that ends no sentence goes on in the next, wherever it ends.

    Columns of some twenty characters are broken short of their edge (a name on
    one line, its value on the next: 适龄妇女宫颈癌人群 / 筛查率达到80%以上), so the
    words decide: a line ending with a comma, or with no punctuation at all,
    goes on — not a heading (（三）妇女与经济), not into an indented line, and
    on the same page only from a column's line to the next one down or to the
    top of the column to its right.
    """
    text = before.text.rstrip()
    if _ENDS_SENTENCE.search(text) or (_OPENS_ALWAYS.match(text) and not _ENDS_PROSE.search(text)):
        return False
    size = before.size or 10.0
    if after.x0 > left + 0.8 * size:
        return False
    if after.page != before.page:
        return after.page == before.page + 1
    if after.block == before.block:
        return 0 <= after.top - before.bottom < 2.5 * size
    return after.order[1] == before.order[1] + 1 and after.order[0] == before.order[0]


def _opens_paragraph(before: _Printed, after: _Printed, right: float) -> bool:
    """What the words say where the layout cannot: `after` starts a paragraph, whatever the line above fills.

    A numbered heading or list item (（三）儿童与教育 at the top of a page; 4．
    after an item that ended a sentence at the margin), or a short line that
    is no prose after a line that ends a sentence (策略措施：, a heading).
    """
    before_text, after_text = before.text.rstrip(), after.text.strip()
    if _OPENS_ALWAYS.match(after_text) or _CONTENTS_ENTRY.search(before_text):
        return True
    if _ENDS_SENTENCE.search(before_text) and _OPENS_AFTER_SENTENCE.match(after_text):
        return True
    if _ENDS_BRACKET.search(before_text) and _OPENS_AFTER_BRACKET.match(after_text):
        return True
    if _ENDS_STATEMENT.search(before_text):
        short = right - after.x1 > 2 * (before.size or 10.0)
        return short and not _is_prose_end(after_text)
    return False


def _is_prose_end(text: str) -> bool:
    """The last line of a paragraph of prose: it ends a sentence, or a bracketed note (（牵头单位：…）)."""
    if _ENDS_PROSE.search(text):
        return True
    if text.endswith(("）", ")")):
        opened = text.count("（") + text.count("(")
        return text.startswith(("（", "(")) or opened < text.count("）") + text.count(")")
    return False


def _paragraph_line(paragraph: list[_Printed]) -> Line:
    text = ""
    spans: list[tuple[int, int, str]] = []
    for p in paragraph:
        piece = p.text.strip()
        if text and re.match(r"[A-Za-z]", text[-1]) and re.match(r"[A-Za-z]", piece[:1]):
            text += " "
        spans.append((len(text), p.number, _where(p)))
        text += piece
    first = paragraph[0]
    return Line(first.number, text, locator=_where(first), spans=spans if len(spans) > 1 else None)


def _where(p: _Printed) -> str:
    return f"第{p.page}页第{p.line_on_page}行"


def _same_columns(table: _Table | None, previous: _Table | None) -> bool:
    """The table at the top of a page goes on with the one at the bottom of the page before: the same rules across."""
    if table is None or previous is None:
        return False
    if len(table.columns) != len(previous.columns) or len(table.columns) < 3:
        return False
    return all(abs(a - b) <= 2.0 for a, b in zip(table.columns, previous.columns, strict=True))


def _rest_of_row(row: list[tuple[str, bool, int]], last: Line, rows: list[list[tuple[str, bool, int]]], index: int) -> bool:
    """The first row on the page is the rest of the last row of the page before (Word and LibreOffice let a row break).

    Told by a column that every other row fills (序号, the indicator, the
    values): the rest of a broken row leaves it empty where the row's start
    has text, while a new row fills it.
    """
    others = [r for k, r in enumerate(rows) if k != index and k > 0]
    cells = last.cells or []
    if not others or len(row) != len(cells):
        return False
    for c, (text, merged, _) in enumerate(row):
        always = all(c < len(r) and r[c][0].strip() for r in others)
        if always and not text.strip() and not merged and cells[c].strip():
            return True
    return False


def _join_row(line: Line, rest: Line) -> None:
    """The rest of a broken row's cells appended to the row's start, each printed line keeping its number."""
    cells = list(line.cells or [])
    parts = list(line.cell_parts or [None] * len(cells))
    numbers = line.cell_numbers or []
    rest_parts = rest.cell_parts or []
    for c, text in enumerate(rest.cells or []):
        if not text.strip() or c >= len(cells):
            continue
        joined = _join_wrapped(cells[c] + "\n" + text)
        offset = len(joined) - len(text)
        own = parts[c] if c < len(parts) and parts[c] else [(0, numbers[c] if c < len(numbers) else line.number, False)]
        after = rest_parts[c] if c < len(rest_parts) and rest_parts[c] else None
        if after is None:
            after = [(0, (rest.cell_numbers or [rest.number] * (c + 1))[c], False)]
        # the page break is a printed line's break: the part on the next page starts a line
        parts[c] = [*own, *((offset + at, number, True) for at, number, _ in after)]
        cells[c] = joined
    line.cells = cells
    line.text = "\t".join(cells)
    line.cell_parts = parts if any(parts) else None


def _table_lines(table: _Table, start: int, table_number: int, skip: set[int]) -> list[Line]:
    names = column_names(
        [text for text, _, _ in table.rows[0]], [text for text, _, _ in table.rows[1]] if len(table.rows) > 1 else None
    )
    lines: list[Line] = []
    number = start
    column_numbers: dict[int, int] = {}
    for r, row in enumerate(table.rows):
        numbers: list[int] = []
        row_first = number + 1
        for c, (_, merged, printed_lines) in enumerate(row):
            if merged and c in column_numbers:  # a merged cell is found where it is printed: its first row
                numbers.append(column_numbers[c])
            else:
                numbers.append(number + 1 if printed_lines else (numbers[-1] if numbers else row_first))
                if printed_lines:
                    column_numbers[c] = number + 1
            number += printed_lines
        if r in skip:
            continue
        cells = [text for text, _, _ in row]
        merged = [m for _, m, _ in row]
        starts = table.breaks[r] if r < len(table.breaks) else []
        parts: list[list[tuple[int, int, bool]] | None] = [
            [(0, numbers[c], False), *((offset, numbers[c] + i + 1, True) for i, offset in enumerate(starts[c]))]
            if c < len(starts) and starts[c] and not merged[c] else None
            for c in range(len(cells))
        ]
        spanned = table.spanned[r] if r < len(table.spanned) else None
        place = f"第{table.page}页 表{table_number}"
        row_place = f"{place} 第{r + 1}行"
        locators = [cell_locator(place, r + 1, c + 1, names) for c in range(len(cells))]
        lines.append(
            Line(
                numbers[0] if numbers else row_first,
                "\t".join(cells),
                cells=cells,
                merged=merged,
                spanned=spanned,
                locator=row_place,
                cell_locators=locators,
                cell_numbers=numbers,
                cell_parts=parts if any(parts) else None,
            )
        )
    return lines
