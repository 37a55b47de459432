"""Plain text and Markdown: one `Line` per line of the file, encodings detected."""

from __future__ import annotations

import bisect
import io

import re
from functools import cache
from typing import TYPE_CHECKING

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line, bar_cells
from compliance.compiled import regex

if TYPE_CHECKING:
    from compliance.loading.yamlfile import SecondPass


def decode(raw: bytes, file: str, encoding: str | None) -> str:
    if encoding:
        try:
            return raw.decode(encoding)
        except LookupError:
            raise InputError.single(
                file, _text("reading.unknown-encoding", encoding=encoding), hint=_text("reading.unknown-encoding-hint")
            ) from None
        except UnicodeDecodeError as error:
            from compliance.loading.yamlfile import byte_position

            line, column = byte_position(raw, error.start)
            raise InputError.single(
                file,
                _text("reading.not-in-encoding", encoding=encoding, offset=error.start + 1),  # from 1
                line=line,
                column=column,
                hint=_text("reading.not-in-encoding-hint"),
            ) from None
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        from compliance.loading.yamlfile import byte_position, utf16_without_bom
        from compliance.reading import FORMATS

        utf16 = utf16_without_bom(raw)  # UTF-16 saved without its byte-order mark is text, not binary
        if utf16 is not None:
            return utf16
        line, column = byte_position(raw, raw.index(b"\x00"))
        raise InputError.single(
            file, _text("reading.binary"), line=line, column=column, hint=_text("reading.binary-hint", formats=FORMATS)
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    from compliance.loading.yamlfile import decode

    try:
        return decode(raw, file, second_pass=_second_pass())
    except InputError:
        raise
    except Exception as error:  # charset detection on garbage must not leak a traceback
        raise InputError.single(
            file, _text("reading.not-text", reason=error), hint=_text("reading.not-text-hint")
        ) from None


@cache
def _second_pass() -> SecondPass:
    """The laxer detection for plan texts no encoding fits at first (rules/text.yaml `second_pass`)."""
    from compliance.loading.yamlfile import SecondPass
    from compliance.resources import rules_data

    data = rules_data("text.yaml")["second_pass"]
    return SecondPass(tuple(data["encodings"]), data["set_aside"], float(data["max_chaos"]), tuple(data["languages"]))


_MD_RULE = regex(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


# Signs that a text is Markdown (a PDF→Markdown parser's or a wiki's export saved as .txt): YAML front matter at the
# top, ATX headings, a pipe table's separator row, **bold**, an HTML comment, an image, a footnote.
_FRONT_MATTER_KEY = regex(r"^[A-Za-z_][\w-]*\s*:")
_MD_HEADING = regex(r"(?m)^#{1,6}[ \t]+\S")
_MD_SIGNS = (
    regex(r"(?m)^[ \t]*\|.*\|[ \t]*\r?\n[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*\|"),  # a pipe table: a row, then its separator
    regex(r"<!--"),
    regex(r"!\[[^\]\n]*\]\([^)\n]*\)"),
    regex(r"\[\^[^\]\n]+\]"),
)


def looks_like_markdown(text: str) -> bool:
    """A text (a .txt) that is Markdown: front matter at its top, or two signs of it (two # headings at least,
    a pipe table's separator row, **bold** not touching a number, an HTML comment, an image, a footnote)."""
    rows = re.split(r"\r\n|\r|\n", text.lstrip("\ufeff"), maxsplit=60)
    if _front_matter_end(rows) is not None:
        return True
    signs = sum(1 for sign in _MD_SIGNS if sign.search(text))
    signs += len(_MD_HEADING.findall(text)) >= 2
    signs += _EMPHASIS.search(text) is not None
    return signs >= 2


def _front_matter_end(rows: list[str]) -> int | None:
    """The index of the closing --- of a YAML front matter opening the file (--- then key: value lines, then ---)."""
    if not rows or rows[0].strip() != "---":
        return None
    for k in range(1, min(len(rows), 60)):
        stripped = rows[k].strip()
        if stripped in ("---", "..."):
            return k if k > 1 and _FRONT_MATTER_KEY.match(rows[1].strip()) else None
        if stripped and not (_FRONT_MATTER_KEY.match(stripped) or rows[k][:1] in " \t-"):
            return None
    return None


# Markdown markup that is no text of the document: an HTML comment (a parser's <!-- page 14 -->, an editor's query),
# [TOC], an image, a footnote's reference ([^1]), a callout's mark (> [!NOTE]), a line break inside a cell (<br>).
_MD_COMMENT = regex(r"<!--.*?-->", re.S)
_MD_DROP = regex(r"!\[[^\]\n]*\]\([^)\n]*\)|\[\^[^\]\n]+\](?!:)|<br\s*/?>|^\s*\[\[?(?:TOC|toc)\]?\]\s*$")
_MD_LINK = regex(r"(?<!!)\[([^\]\n]+)\]\([^)\n]*\)")
_MD_FOOTNOTE = regex(r"^\s{0,3}\[\^[^\]\n]+\]:\s*")
_MD_CALLOUT = regex(r"^(\s{0,3}>\s?)\[![A-Za-z]+\][+-]?\s*")
_MD_HRULE = regex(r"^\s{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")


def _markdown_rows(rows: list[str]) -> list[str]:
    """The rows of a Markdown text without its markup that is no text (front matter, comments, [TOC], images,
    footnote marks, callout marks, <br>, horizontal rules): each row stays a row, so numbering stays the file's."""
    out = list(rows)
    end = _front_matter_end(out)
    if end is not None:
        for k in range(end + 1):
            out[k] = ""
    joined = "\n".join(out)
    joined = _MD_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), joined)
    out = joined.split("\n")
    for k, row in enumerate(out):
        row = _MD_CALLOUT.sub(r"\1", row)
        row = _MD_FOOTNOTE.sub("", row)
        row = _MD_LINK.sub(r"\1", row)
        row = _MD_DROP.sub("", row)
        if _MD_HRULE.match(row):
            row = ""
        out[k] = row
    return out


def text_lines(text: str, suffix: str, markdown: bool | None = None) -> list[Line]:
    """The lines of a text; `markdown` (by default: a .md or .markdown file) reads its Markdown markup."""
    text = text.lstrip("\ufeff")
    rows = re.split(r"\r\n|\r|\n", text)
    lines: list[Line] = []
    if markdown is None:
        markdown = suffix in (".md", ".markdown")
    if markdown:
        rows = _markdown_rows(rows)
    for number, row in enumerate(rows, start=1):
        row = row.replace("\x00", "")
        boxed = _box_line(number, row)
        if boxed is not None:
            lines.append(boxed)
        elif markdown:
            stripped = row.strip()
            if _MD_RULE.match(stripped) and "|" in stripped:
                lines.append(Line(number, "", locator=f"第{number}行"))
                continue
            cells = bar_cells(stripped, "|")
            if cells is not None:
                cells = [_strip_emphasis(c) for c in cells]
                place = f"第{number}行"
                locators = [f"{place} 第{k}列" for k in range(1, len(cells) + 1)]
                lines.append(Line(number, "\t".join(cells), cells=cells, locator=place, cell_locators=locators, bars=True))
                continue
            lines.append(Line(number, _strip_markdown(row), locator=f"第{number}行"))
        else:
            lines.append(Line(number, row, locator=f"第{number}行"))
    _strip_mail_quotes(lines)
    _align_boxes(lines, rows)
    _drop_margin_numbers(lines)
    if not markdown:
        _join_quoted_cells(lines, rows)
    return lines


# A range of cells copied from Excel and pasted as text: cells apart by tabs, a cell holding a line break (Alt+Enter)
# or a quote mark written between quote marks ("…"), a quote inside doubled (""), so that one row of the sheet runs
# over several lines of the file and its other cells follow the closing quote. At most this many lines per row.
_QUOTED_ROW_LINES = 12


def _quoted_fields(rows: list[str], first: int, plain: bool = False) -> tuple[list[str], list[int], list[list[int]], int] | None:
    """The cells of the sheet's row starting at `rows[first]` read as Excel writes a copied range (its tab dialect),
    with the line each cell starts on, where each further line of a cell starts in it, and the row's last line; None
    when the line is no such row (no tab, no quoted cell, or a quote that does not close as a cell's end)."""
    cells: list[str] = []
    starts: list[int] = []
    breaks: list[list[int]] = []
    k, row, at = first, rows[first], 0
    quoted_any = False
    while True:
        starts.append(k)
        breaks.append([])
        if row.startswith('"', at):
            quoted_any = True
            text, at = "", at + 1
            while True:
                close = row.find('"', at)
                if close < 0:  # the cell goes on on the next line (its in-cell line break)
                    text += row[at:]
                    k += 1
                    if k >= len(rows) or k - first >= _QUOTED_ROW_LINES:
                        return None
                    text += "\n"
                    breaks[-1].append(len(text))
                    row, at = rows[k], 0
                    continue
                if row.startswith('""', close):
                    text, at = text + row[at:close] + '"', close + 2
                    continue
                text, at = text + row[at:close], close + 1
                break
            if at < len(row) and row[at] != "\t":
                return None  # text after the closing quote: a quote mark of the text, not Excel's
        else:
            end = row.find("\t", at)
            text = row[at:] if end < 0 else row[at:end]
            at = len(row) if end < 0 else end
        cells.append(text)
        if at >= len(row):
            break
        at += 1  # the tab
    if plain:
        return (cells, starts, breaks, k) if len(cells) >= 2 else None
    if not quoted_any or len(cells) < 2 or k == first and not any('"' in c for c in cells):
        return None
    return cells, starts, breaks, k


def _join_quoted_cells(lines: list[Line], rows: list[str]) -> None:
    """Rows of a range pasted from Excel whose quoted cells run over several lines, each read as one table row: its
    cells as the sheet holds them (quotes undone), each cell numbered by the line it starts on and each further line of
    a cell by its own (`cell_parts`), so that a target is found on the physical line that holds it; the row's other
    lines are left empty. Only in a text whose rows are apart by tabs and where such a row runs over two lines."""
    if not any("\t" in row and '"' in row for row in rows):
        return
    found: list[tuple[int, tuple[list[str], list[int], list[list[int]], int]]] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        got = _quoted_fields(rows, k) if "\t" in row and '"' in row and lines[k].cells is None else None
        if got is not None:
            found.append((k, got))
            k = got[3] + 1
            continue
        k += 1
    if not any(last > first for first, (_, _, _, last) in found):
        return  # no row runs over two lines: quote marks of the text, not a paste from Excel
    # the pasted range's other rows are the sheet's rows too: each its cells
    taken = {j for first, (_, _, _, last) in found for j in range(first, last + 1)}
    for k, row in enumerate(rows):
        if k not in taken and "\t" in row and lines[k].cells is None and row.strip("\t "):
            got = _quoted_fields(rows, k, plain=True)
            if got is not None and got[3] == k and sum(1 for c in got[0] if c.strip()) >= 2:
                found.append((k, got))
    for first, (cells, starts, breaks, last) in sorted(found):
        while len(cells) > 1 and not cells[-1].strip():
            cells.pop()
        width = len(cells)
        line = lines[first]
        line.text = "\t".join(c.replace("\n", " ") for c in cells)
        line.cells = [c.replace("\n", " ") for c in cells]
        line.cell_numbers = [starts[j] + 1 for j in range(width)]
        line.cell_locators = [f"第{starts[j] + 1}行 第{j + 1}列" for j in range(width)]
        parts = [[(0, starts[j] + 1, True)] + [(at, starts[j] + 2 + n, True) for n, at in enumerate(breaks[j])]
                 if breaks[j] else None for j in range(width)]
        line.cell_parts = parts if any(parts) else None
        for j in range(first + 1, last + 1):
            lines[j].text, lines[j].cells = "", None


# An e-mail's quoted text (a plan forwarded or replied to and saved as text): each line opens with the mailer's
# quote mark, `> ` (`> > ` quoted twice, `>>`; an empty quoted line a bare `>`). A mark is followed by a space, another
# mark or the line's end, so that a line opening with a comparator (>95%) is never one. In a text with at least
# `_QUOTE_RUN` such lines the marks are no part of the text: they are left out, the line keeps its number.
_QUOTE_MARK = regex(r"^[ \t]{0,3}>(?:[ \t]?>)*(?:[ \t]|$)")
_QUOTE_RUN = 3


def _strip_mail_quotes(lines: list[Line]) -> None:
    # ('>' within a line's first four characters, as the mark has it, looked for before the expression is tried)
    marked = [line for line in lines if line.cells is None and ">" in line.text[:4] and _QUOTE_MARK.match(line.text)]
    if len(marked) < _QUOTE_RUN:
        return
    for line in marked:
        match = _QUOTE_MARK.match(line.text)
        if match is not None:
            line.text = line.text[match.end():]


# Margin line numbers of a draft copied as text (a PDF's or a Word file's line numbering: 1 ⎵ 某某县…, 2 ⎵ （征求意见稿）,
# restarting on each page): a number, white space, then the printed line. A run of at least this many successive
# lines counting on by one, in which some line's text opens a numbering or a heading of its own (7 1.孕产妇…, 5 一、…)
# or goes on from the line above (a wrapped sentence: 8 筛查率达到 after 7 …妇女常见病): the numbers are the margin's.
_MARGIN_NUMBER = regex(r"^[ \t\u3000]*(\d{1,3})(?:[ \t\u3000]+|(?=[\u3400-\u9fff（(《“]))(?=\S)")
_MARGIN_RUN = 6
_OPENS_ITS_OWN = regex(r"^(?:\d{1,2}\s*[．.、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节部分])")
_ENDS_SENTENCE = regex(r"[。；;！!？?：:）)]$")


def _drop_margin_numbers(lines: list[Line]) -> None:
    """Margin line numbers left out of the lines' text (the file's line numbers stay): a draft copied with them
    would read 7 ⎵ 95%以上 as 795% once its lines were joined. A table row (cells apart by tabs or wide spaces) is
    never such a line: a 序号 column counts its rows, not the printed lines."""
    runs: list[list[tuple[Line, re.Match[str]]]] = []
    current: list[tuple[Line, re.Match[str]]] = []
    for line in lines:
        if line.cells is not None or not line.text.strip():
            if current:
                runs.append(current)
            current = []
            continue
        match = _MARGIN_NUMBER.match(line.text)
        rest = line.text[match.end():] if match else ""
        if match is None or "\t" in rest or re.search(r"\S(?: {2,}|\u3000{2,})\S", rest):
            if current:
                runs.append(current)
            current = []
            continue
        if current and int(match.group(1)) != int(current[-1][1].group(1)) + 1:
            runs.append(current)
            current = []
        current.append((line, match))
    if current:
        runs.append(current)
    for run in runs:
        if len(run) < _MARGIN_RUN:
            continue
        rests = [line.text[match.end():].strip() for line, match in run]
        own = sum(1 for rest in rests if _OPENS_ITS_OWN.match(rest))
        wrapped = sum(1 for before in rests[:-1] if not _ENDS_SENTENCE.search(before))
        if own + wrapped < 2:
            continue
        for line, match in run:
            line.text = line.text[match.end():]


# A table drawn with box-drawing characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘): its rule lines hold nothing but
# those (and spaces); its rows stand between vertical bars. Drawn in ASCII, a rule line is
# +-----+-----+ (or a Markdown separator |---|---|), its rows | a | b | (cells found by the table reader).
_BOX_RULE = regex(
    r"^[\s\u2500-\u257f]*[\u2500-\u257f][\s\u2500-\u257f]*$|^\s*[+|][-=+|:\s]*[-=]{3,}[-=+|:\s]*[+|]\s*$"
)
_BOX_BAR = regex(r"[│┃║╎╏┆┇┊┋]")


def _box_line(number: int, row: str) -> Line | None:
    """A line of a box-drawn table: a rule line is an empty line (as a Markdown separator row), a row its cells.

    A row is a line with at least two vertical bars; its cells are the text
    between them, without the padding that aligns them (spaces, full-width
    spaces). None for any other line.
    """
    if not row.strip():
        return None
    if _BOX_RULE.match(row):
        return Line(number, "", locator=f"第{number}行")
    stripped = row.strip()
    if len(_BOX_BAR.findall(stripped)) < 2:
        return None
    cells = [c.strip() for c in _BOX_BAR.split(stripped)]
    if _BOX_BAR.match(stripped[0]):
        cells = cells[1:]
    if _BOX_BAR.match(stripped[-1]):
        cells = cells[:-1]
    place = f"第{number}行"
    locators = [f"{place} 第{k}列" for k in range(1, len(cells) + 1)]
    return Line(number, "\t".join(cells), cells=cells, locator=place, cell_locators=locators)


# A box-drawn table's cells placed by their columns: a header cell spanning two columns (目标值 over
# 2025年 | 2030年) is followed by an empty cell covering the second, as a Word table's merged cell is.
_JUNCTION = regex(r"[│┃║╎╏┆┇┊┋┬┼├┤┌┐└┘╦╬╠╣╔╗╚╝╤╪╞╡╥╫╟╢┰┸╋┠┨┯┷┿┝┥]")


def _width(ch: str, ambiguous: int) -> int:
    """Columns of a character in a monospaced editor: two for a wide or full-width one; `ambiguous` for ─, ‰, ≤
    (two in a Chinese editor, one in most others)."""
    import unicodedata

    kind = unicodedata.east_asian_width(ch)
    return 2 if kind in "WF" else ambiguous if kind == "A" else 1


def _junctions(row: str, ambiguous: int) -> list[int]:
    """The display column of each bar or junction of a box-drawn line."""
    out, column = [], 0
    for ch in row.rstrip():
        if _JUNCTION.match(ch):
            out.append(column)
        column += _width(ch, ambiguous)
    return out


def _align_boxes(lines: list[Line], rows: list[str]) -> None:
    """Rows of a box-drawn table with fewer cells than its columns get them placed under their columns."""
    k = 0
    while k < len(lines):
        if not _is_box(rows[k]):
            k += 1
            continue
        end = k
        while end < len(lines) and _is_box(rows[end]):
            end += 1
        _align_group(lines, rows, range(k, end))
        _join_ruled_rows(lines, range(k, end))
        k = end


# A cell that holds a value of a row (8.6, ≤10, ＜2, 45左右, —): the printed line of a wrapped row carrying it.
_VALUE_CELL = regex(r"^(?:[≤≥<>＜＞≦≧~～约]?\s*[0-9０-９]|[—–\-－]+$)")
# a box-drawn table's rows are ruled when rules stand between its body's rows: at least this many inside it
_RULED_BODY = 2


def _join_ruled_rows(lines: list[Line], group: range) -> None:
    """The printed lines of a ruled box-drawn row as one row (│    │艾滋病、梅毒和乙肝母婴传播│ │ │ over │4 │率（%）│—│＜2│):
    a name wrapped in its cell stands on two lines, the row's number and values on either; read line by line, the
    line without a number was taken for the end of the row above. Only in a table whose body rows are ruled apart
    (├─┼─┤ between them), below its header (whose rows a rule may not part: 目标值 over 2025年 | 2030年), and only
    where one line of the run holds the row's values: that line is the row, its cells each run's texts joined, the
    other lines left empty (as rule lines are); each cell keeps the line it starts on (`cell_numbers`)."""
    rules_at = [k for k in group if lines[k].cells is None and not lines[k].text]
    if len(rules_at) < 2 + _RULED_BODY:
        return
    for first, after in zip(rules_at[1:], rules_at[2:], strict=False):
        run = [k for k in range(first + 1, after) if lines[k].cells is not None]
        if len(run) < 2 or len({len(lines[k].cells or []) for k in run}) != 1:
            continue
        valued = [k for k in run if any(_VALUE_CELL.match(c) for c in lines[k].cells or [])]
        if len(valued) != 1:
            continue
        width = len(lines[run[0]].cells or [])
        cells, numbers = [""] * width, [lines[valued[0]].number] * width
        parts: list[list[tuple[int, int, bool]]] = [[] for _ in range(width)]
        for k in run:
            for j, text in enumerate(lines[k].cells or []):
                if text:
                    if not cells[j]:
                        numbers[j] = lines[k].number
                    joined = _joined_piece(cells[j], text)
                    parts[j].append((len(joined) - len(text), lines[k].number, bool(cells[j])))
                    cells[j] = joined
        row = lines[valued[0]]
        row.cells = cells
        row.text = "\t".join(cells)
        row.cell_numbers = numbers
        if any(len(p) > 1 for p in parts):  # where each printed line of a wrapped cell starts (下降10% under 以2020年为基数)
            row.cell_parts = [p if len(p) > 1 else None for p in parts]
        for k in run:
            if k != valued[0]:
                lines[k].cells, lines[k].text, lines[k].cell_locators, lines[k].spanned = None, "", None, None


def _joined_piece(before: str, piece: str) -> str:
    """A cell's text and its next printed line: CJK run on, Latin words apart by a space."""
    if before and re.match(r"[A-Za-z0-9]", before[-1]) and re.match(r"[A-Za-z]", piece[0]):
        return f"{before} {piece}"
    return before + piece


def _is_box(row: str) -> bool:
    return bool(row.strip()) and (_BOX_RULE.match(row) is not None and not row.strip().startswith(("+", "|"))
                                  or len(_BOX_BAR.findall(row)) >= 2)


def _align_group(lines: list[Line], rows: list[str], group: range) -> None:
    table_rows = [k for k in group if lines[k].cells is not None]
    widest = max((len(lines[k].cells or []) for k in table_rows), default=0)
    if widest < 2 or all(len(lines[k].cells or []) == widest for k in table_rows):
        return  # every row has all its cells: as they stand
    for ambiguous in (2, 1):  # drawn in a Chinese editor, else in another: the widths under which the bars line up
        placed = _placed(lines, rows, group, table_rows, widest, ambiguous)
        if placed is not None:
            break
    else:
        return  # the drawing does not line up: the cells as they stand
    for k, (cells, spanned) in placed.items():
        line = lines[k]
        place = line.locator or f"第{line.number}行"
        line.cells = cells
        line.text = "\t".join(cells)
        line.spanned = spanned if any(spanned) else None
        line.cell_locators = [f"{place} 第{j}列" for j in range(1, widest + 1)]


def _placed(
    lines: list[Line], rows: list[str], group: range, table_rows: list[int], width: int, ambiguous: int
) -> dict[int, tuple[list[str], list[bool]]] | None:
    """Each row's cells under the columns its bars stand at (a bar within one column of a boundary is on it)."""
    columns: list[int] = []
    for p in sorted({p for k in group for p in _junctions(rows[k], ambiguous)}):
        if not columns or p - columns[-1] > 1:
            columns.append(p)
    if len(columns) - 1 != width:
        return None
    placed: dict[int, tuple[list[str], list[bool]]] = {}
    for k in table_rows:
        stripped = rows[k].strip()
        if not (_BOX_BAR.match(stripped[0]) and _BOX_BAR.match(stripped[-1])):
            return None
        index = [next((j for j, c in enumerate(columns) if abs(c - p) <= 1), None) for p in _junctions(rows[k], ambiguous)]
        if None in index or len(index) != len(lines[k].cells or []) + 1:
            return None
        cells, spanned = [""] * width, [False] * width
        for n, text in enumerate(lines[k].cells or []):
            start, stop = index[n], index[n + 1]
            if start is None or stop is None or stop <= start:
                return None
            cells[start] = text
            for j in range(start + 1, stop):
                spanned[j] = True
        placed[k] = (cells, spanned)
    return placed


def _strip_markdown(row: str) -> str:
    row = re.sub(r"^\s{0,3}#{1,6}\s+", "", row)  # headings
    row = re.sub(r"^\s{0,3}>\s?", "", row)  # quotes
    row = re.sub(r"^\s{0,3}[-*+]\s+(?!\d+\s*[-—]\s*$)", "", row)  # bullets (not a page number "- 5 -")
    return _strip_emphasis(row)


# A pair of ** or __ around text; not when a side touches a number (4.**‰, **%, 7/***: masked digits).
_EMPHASIS = regex(r"(?<![0-9.．/*_])(\*\*|__)(?=[^\s%‰.．*_])(.+?)(?<=[^\s./*_])\1(?![0-9.．%‰*_])")


def _strip_emphasis(text: str) -> str:
    """Markdown bold (**≥95**, __95%__) without its markers: they are markup, not masked digits."""
    return _EMPHASIS.sub(r"\2", text)


def csv_lines(text: str) -> list[Line]:
    """A CSV file (a monitoring platform's export, a table OCR's output): each record a table row.

    Records are read by the csv module (quoted cells, commas and line breaks inside
    them); a record is numbered by the file line it starts on, a cell's own line
    breaks are joined (a printed cell wrapped in two), and the padding commas of
    empty trailing cells dropped. A record of one cell is a line of text (a title,
    a note, a page number), as in a text file.
    """
    import csv

    text = text.lstrip("\ufeff").replace("\x00", "")
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    physical = io.StringIO(text, newline="")
    reader = csv.reader(physical)
    lines: list[Line] = []
    number = 1
    for record in reader:
        cells = [re.sub(r"\s*[\r\n]+\s*", "", cell).strip() for cell in record]
        while cells and not cells[-1]:
            cells.pop()
        place = f"第{number}行"
        if len(cells) > 1:
            locators = [f"{place} 第{k}列" for k in range(1, len(cells) + 1)]
            lines.append(Line(number, "\t".join(cells), cells=cells, locator=place, cell_locators=locators))
        else:
            lines.append(Line(number, cells[0] if cells else "", locator=place))
        number = bisect.bisect_right(starts, physical.tell())
    return lines
