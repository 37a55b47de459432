"""Word (.docx): body paragraphs and table rows in document order."""

from __future__ import annotations

import re
from pathlib import Path

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line, lines_at_breaks, needs
from compliance.reading.grid import cell_locator, column_names, row_line, side_by_side, unfold_side_by_side


def docx_lines(path: Path, file: str) -> list[Line]:
    docx = needs("docx", file, ".docx", "python-docx")
    from docx.oxml.ns import qn
    try:
        document = docx.Document(str(path))
    except Exception as error:
        raise InputError.single(
            file,
            _text("reading.not-docx", reason=type(error).__name__),
            hint=_text("reading.not-docx-hint"),
        ) from None
    body = document.element.body
    notes = _notes(document, qn)
    lines: list[Line] = []
    number = 0
    paragraphs = 0
    tables = 0
    previous: list[str] = []  # the column names of the table before
    for child in _blocks(body, qn):
        if child.tag == qn("w:p"):
            number += 1
            text = _paragraph_text(child, qn, _BREAK)
            if text.strip():
                paragraphs += 1
            # a paragraph cut by soft line breaks (Shift+Enter) before its list items: one line per item, one number
            lines += [Line(number, piece, locator=f"第{max(paragraphs, 1)}段") for piece in lines_at_breaks(text, _BREAK)]
        elif child.tag == qn("w:tbl"):
            tables += 1
            rows = _table_rows(child, qn)
            place = f"表{tables}"
            first = [text for text, _, _ in rows[0]] if rows else []
            second = [text for text, _, _ in rows[1]] if len(rows) > 1 else None
            names = column_names(first, second, [span for _, _, span in rows[0]] if rows else None)
            if len(rows) > 2:  # a third header row (2025年 | 2030年, each over 全国 | 本县): its labels name the columns
                names = _third_row_names(names, rows[1], rows[2])
            if previous and len(previous) == len(first) and _values_row(first):
                names = previous  # a table continued after a page break without its header: the columns of the one before
            previous = names
            box = _box(child, qn)
            if box is not None:  # a frame of one cell (专栏, a layout box): a line per paragraph, one number
                number += 1
                texts = [_cell_block_text(block, qn, _BREAK) for block in _blocks(box, qn)]
                pieces = [piece.strip() for text in texts for piece in lines_at_breaks(text, _BREAK) if piece.strip()]
                lines += [
                    Line(number, piece, cells=[piece], merged=[False], spanned=[False], locator=f"{place} 第1行",
                         cell_locators=[cell_locator(place, 1, 1, names)])
                    for piece in pieces or [""]
                ]
                continue
            start = len(lines)
            for r, row in enumerate(rows, start=1):
                number += 1
                cells = [text for text, _, _ in row]
                # a cell of several paragraphs (90 over 92): where each paragraph starts, so that its lines read apart
                parts = [[(0, 0, False), *((b, 0, True) for b in breaks)] if breaks else None
                         for breaks in (_paragraph_starts(tc, qn) for tc in _row_cells(child, qn, r - 1, len(cells)))]
                lines.append(
                    row_line(number, place, r, cells, [m for _, m, _ in row], [span for _, _, span in row], names, parts)
                )
            if halves := side_by_side(first):  # two tables printed side by side: read one after the other
                lines[start:] = unfold_side_by_side(lines[start:], halves)
            for text in _referenced_notes(child, notes, qn):  # a footnote a cell refers to: the table's note, under it
                number += 1
                lines.append(Line(number, text, locator=f"{place} 脚注"))
    return lines


_BREAK = "\n"


_VALUE_CELL = re.compile(r"[≥≤<>＜＞=~～]?\s*\d[\d.．]*\s*[%％‰]?")


def _values_row(cells: list[str]) -> bool:
    """A row holding a value cell (≥95, 9.8, 45%): a row of data, no header."""
    return any(_VALUE_CELL.fullmatch(text.strip()) for text in cells if text.strip())


def _third_row_names(names: list[str], second: list[tuple[str, bool, int]], third: list[tuple[str, bool, int]]) -> list[str]:
    """Under a second header row's cell spanning columns, short labels without digits (全国 | 本县) name the columns
    with it (2025年/本县); any other third row is a row of values and leaves the names as they are."""
    lower = column_names([t for t, _, _ in second], [t for t, _, _ in third], [span for _, _, span in second])
    labels = [k for k, (text, _, _) in enumerate(third) if text.strip()]
    if not labels or any(any(ch.isdigit() for ch in third[k][0]) or len(third[k][0]) > 12 for k in labels):
        return names
    out = list(names)
    owner = ""
    for k, (text, _, span) in enumerate(second):
        if span != 0:
            owner = text.strip()
        wide = span == 0 or span > 1
        if wide and owner and k < len(lower) and k < len(out) and lower[k] != owner and third[k][0].strip():
            out[k] = f"{owner}/{lower[k]}"
    return out


_NOTE_KINDS = {"footnotes": "footnote", "endnotes": "endnote"}


def _notes(document: object, qn: object) -> dict[tuple[str, str], str]:
    """The text of each footnote and endnote (word/footnotes.xml, word/endnotes.xml) by (kind, id); Word's separators
    left out. A cell's reference mark prints no text of its own; the note may give the table's comparators or units."""
    from docx.oxml import parse_xml

    out: dict[tuple[str, str], str] = {}
    for rel in document.part.rels.values():  # type: ignore[attr-defined]
        kind = _NOTE_KINDS.get(str(rel.reltype).rsplit("/", 1)[-1])
        if kind is None or rel.is_external:
            continue
        try:
            root = parse_xml(rel.target_part.blob)
        except Exception:  # a damaged notes part: the body is still read
            continue
        for note in root.iterchildren(qn(f"w:{kind}")):  # type: ignore[operator]
            if note.get(qn("w:type")) not in (None, "normal"):  # type: ignore[operator]
                continue
            text = "".join(_paragraph_text(p, qn) for p in note.iter(qn("w:p"))).strip()  # type: ignore[operator]
            if text:
                out[(kind, str(note.get(qn("w:id"))))] = text  # type: ignore[operator]
    return out


def _referenced_notes(table: object, notes: dict[tuple[str, str], str], qn: object) -> list[str]:
    """The texts of the notes a table's cells refer to, each once, in the order first referred to."""
    if not notes:
        return []
    out: dict[str, None] = {}
    for kind in _NOTE_KINDS.values():
        for mark in table.iter(qn(f"w:{kind}Reference")):  # type: ignore[attr-defined, operator]
            text = notes.get((kind, str(mark.get(qn("w:id")))))  # type: ignore[operator]
            if text:
                out[text] = None
    return list(out)


def _blocks(body: object, qn: object, boxes: bool = True) -> list[object]:
    """The body's paragraphs and tables in document order, those inside content controls (w:sdt) and custom
    XML (w:customXml) included: a form or a template wraps the plan's text in them.

    With `boxes`, a paragraph anchoring text boxes (a 专栏 or a target list drawn in a w:txbxContent) is followed
    by the boxes' own paragraphs and tables, in place; a box's copy for older readers (mc:Fallback) is skipped."""
    out: list[object] = []
    wrappers = (qn("w:sdt"), qn("w:customXml"))  # type: ignore[operator]
    for child in body.iterchildren():  # type: ignore[attr-defined]
        if child.tag in wrappers:
            content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child  # type: ignore[operator]
            if content is not None:
                out += _blocks(content, qn, boxes)
        else:
            out.append(child)
            if boxes and child.tag == qn("w:p"):  # type: ignore[operator]
                for box in _text_boxes(child, qn):
                    out += _blocks(box, qn, boxes)
    return out


_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))  # never a character of the text (9\u200b5%)


def _skipped(tag: object, qn: object) -> bool:
    """Subtrees that are never the paragraph's text: a text box (read as blocks of its own), the copy of a drawing
    for older readers, tracked deletions and the old place of a tracked move."""
    return tag in (
        qn("w:txbxContent"), "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",  # type: ignore[operator]
        qn("w:del"), qn("w:moveFrom"),  # type: ignore[operator]
    )


def _text_boxes(paragraph: object, qn: object) -> list[object]:
    """The outermost text boxes (w:txbxContent) drawn in a paragraph, none of a drawing's fallback copy."""
    out: list[object] = []
    stack = list(paragraph.iterchildren())[::-1]  # type: ignore[attr-defined]
    while stack:
        node = stack.pop()
        if node.tag == qn("w:txbxContent"):  # type: ignore[operator]
            out.append(node)
        elif not _skipped(node.tag, qn):
            stack += list(node.iterchildren())[::-1]
    return out


def _box(table: object, qn: object) -> object | None:
    """The one cell of a table of one row and one cell, else None."""
    rows = list(table.iterchildren(qn("w:tr")))  # type: ignore[attr-defined, operator]
    cells = list(rows[0].iterchildren(qn("w:tc"))) if len(rows) == 1 else []  # type: ignore[operator]
    return cells[0] if len(cells) == 1 else None


def _paragraph_text(paragraph: object, qn: object, br: str = "") -> str:
    """The paragraph's text; a manual line break (w:br, w:cr) is written `br` (none: its halves join)."""
    parts: list[str] = []
    for node in _text_nodes(paragraph, qn):
        tag = node.tag
        if tag == qn("w:t"):  # type: ignore[operator]
            parts.append((node.text or "").translate(_ZERO_WIDTH))
        elif tag == qn("w:tab"):  # type: ignore[operator]
            parts.append("\t")
        elif tag == qn("w:sym"):  # type: ignore[operator]
            parts.append(_symbol(node.get(qn("w:font")), node.get(qn("w:char"))))  # type: ignore[attr-defined, operator]
        elif tag in (qn("w:br"), qn("w:cr")):  # type: ignore[operator]
            if node.get(qn("w:type")) not in ("page", "column"):  # type: ignore[attr-defined, operator]
                parts.append(br)
    return "".join(parts)


# Word's Symbol font at its private-use codes (Insert ▸ Symbol writes ≥ as w:sym w:font="Symbol" w:char="F0B3")
_SYMBOL_FONT = {0xA3: "≤", 0xB3: "≥", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xB0: "°", 0xB9: "≠", 0xBB: "≈", 0x3C: "<", 0x3E: ">"}


def _symbol(font: str | None, char: str | None) -> str:
    """The character a w:sym element inserts: ≥ and ≤ are often typed this way, and dropped they would turn ≤8 into 8."""
    try:
        code = int(char or "", 16)
    except ValueError:
        return ""
    if code >= 0xF000:  # a symbol font's character at its private-use code
        code -= 0xF000
        if (font or "").strip().lower() == "symbol":
            return _SYMBOL_FONT.get(code, "")
        return ""
    return chr(code) if code >= 0x20 else ""


def _text_nodes(paragraph: object, qn: object) -> list[object]:
    """The paragraph's elements in document order, without the subtrees `_skipped` names."""
    out: list[object] = []
    stack = list(paragraph.iterchildren())[::-1]  # type: ignore[attr-defined]
    while stack:
        node = stack.pop()
        if _skipped(node.tag, qn):
            continue
        out.append(node)
        stack += list(node.iterchildren())[::-1]
    return out


def _cell_block_text(block: object, qn: object, br: str = "") -> str:
    """A cell's paragraph, or a table nested in the cell as one text (its cells apart by spaces): never lost."""
    if block.tag == qn("w:p"):  # type: ignore[attr-defined, operator]
        return _paragraph_text(block, qn, br)
    if block.tag == qn("w:tbl"):  # type: ignore[attr-defined, operator]
        return "；".join("　".join(text for text, _, _ in row if text) for row in _table_rows(block, qn))
    return ""


def _row_cells(table: object, qn: object, r: int, width: int) -> list[object | None]:
    """The w:tc of each column of row `r` (None for a column a cell to its left spans), as `_table_rows` lays them."""
    rows = list(table.iterchildren(qn("w:tr")))  # type: ignore[attr-defined, operator]
    out: list[object | None] = []
    for tc in rows[r].iterchildren(qn("w:tc")) if r < len(rows) else ():  # type: ignore[operator]
        out.append(tc)
        out.extend([None] * (_span(tc, qn) - 1))
    return (out + [None] * width)[:width]


def _paragraph_starts(tc: object | None, qn: object) -> tuple[int, ...]:
    """Where each paragraph of a cell after its first starts in the cell's text (as `_table_rows` joins them)."""
    if tc is None:
        return ()
    props = tc.find(qn("w:tcPr"))  # type: ignore[attr-defined, operator]
    merge = props.find(qn("w:vMerge")) if props is not None else None  # type: ignore[operator]
    if merge is not None and merge.get(qn("w:val")) in (None, "continue"):  # type: ignore[operator]
        return ()  # merged from above: no text of its own
    starts: list[int] = []
    offset = 0
    for block in _blocks(tc, qn):
        text = _cell_block_text(block, qn).strip()
        if not text:
            continue
        if offset:
            starts.append(offset)
        offset += len(text)
    return tuple(starts)


def _span(tc: object, qn: object) -> int:
    props = tc.find(qn("w:tcPr"))  # type: ignore[attr-defined, operator]
    grid = props.find(qn("w:gridSpan")) if props is not None else None  # type: ignore[operator]
    try:
        return max(1, int(grid.get(qn("w:val")))) if grid is not None else 1  # type: ignore[operator]
    except (TypeError, ValueError):
        return 1


def _table_rows(table: object, qn: object) -> list[list[tuple[str, bool, int]]]:
    """Rows of (cell text, merged from above, columns spanned); a cell spanning columns is followed by empty ones (span 0)."""
    rows: list[list[tuple[str, bool, int]]] = []
    for tr in table.iterchildren(qn("w:tr")):  # type: ignore[attr-defined, operator]
        row: list[tuple[str, bool, int]] = []
        for tc in tr.iterchildren(qn("w:tc")):  # type: ignore[operator]
            props = tc.find(qn("w:tcPr"))  # type: ignore[operator]
            span, continued = 1, False
            if props is not None:
                grid = props.find(qn("w:gridSpan"))  # type: ignore[operator]
                if grid is not None:
                    try:
                        span = max(1, int(grid.get(qn("w:val"))))  # type: ignore[operator]
                    except (TypeError, ValueError):
                        span = 1
                merge = props.find(qn("w:vMerge"))  # type: ignore[operator]
                if merge is not None and merge.get(qn("w:val")) in (None, "continue"):  # type: ignore[operator]
                    continued = True
            texts = [_cell_block_text(block, qn) for block in _blocks(tc, qn)]
            text = "".join(t.strip() for t in texts) if not continued else ""
            row.append((text, continued, span))
            row.extend([("", False, 0)] * (span - 1))
        rows.append(row)
    return rows
