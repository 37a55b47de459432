"""OpenDocument text (.odt): the body's paragraphs, headings and tables in document order, as the .docx reader gives them.

LibreOffice, WPS and 永中 (Yozo) Office save a plan as .odt. The package is opened by odfdo (Apache-2.0); the body
(office:text) is walked in order: each text:p / text:h is a line (lists, sections and a table of contents read in
place; a soft line break before a list item cuts it into one line per item, as in Word), each table row a line
whose cells are the row's cells, a cell spanning rows empty and marked merged in the rows below, one spanning
columns followed by empty cells marked spanned, columns named by the two header rows. Footnotes and endnotes are
treated as Word's: the citation mark (a digit glued after the sentence, …以下。2) and the note's body are no part of
the paragraph — in the body a note gives baselines or sources, not the plan's targets — and a note a table cell cites
is read under its table (表1 脚注), as the .docx reader reads it. Comments (office:annotation), tracked deletions and
a drawing's title or description are never read; a text box is read after the paragraph that anchors it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line, lines_at_breaks, needs
from compliance.reading.grid import cell_locator, column_names, row_line

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"


def _t(name: str) -> str:
    return f"{{{_TEXT}}}{name}"


def _tb(name: str) -> str:
    return f"{{{_TABLE}}}{name}"


_PARAGRAPHS = (_t("p"), _t("h"))
# Containers whose children are blocks read in place: lists, sections, a table of contents' body, change marks.
_CONTAINERS = (
    _t("list"), _t("list-item"), _t("list-header"), _t("section"), _t("table-of-content"), _t("index-body"),
    _t("index-title"), _t("illustration-index"), _t("table-index"), _t("alphabetical-index"), _t("user-index"),
    _t("object-index"), _t("bibliography"), f"{{{_OFFICE}}}forms",
)
# Never the document's text: comments, tracked changes (a deletion's old text), a drawing's title and description,
# an index's template, the notes (read apart), declarations.
_SKIPPED = (
    f"{{{_OFFICE}}}annotation", f"{{{_OFFICE}}}annotation-end", _t("tracked-changes"), _t("note"),
    f"{{{_SVG}}}title", f"{{{_SVG}}}desc", _t("table-of-content-source"), _t("alphabetical-index-source"),
    _t("illustration-index-source"), _t("table-index-source"), _t("user-index-source"), _t("object-index-source"),
    _t("bibliography-source"), _t("sequence-decls"), _t("variable-decls"), _t("user-field-decls"),
)
_ROW_GROUPS = (_tb("table-header-rows"), _tb("table-rows"), _tb("table-row-group"))
_CELLS = (_tb("table-cell"), _tb("covered-table-cell"))
_BREAK = "\n"
_MAX_REPEAT = 64  # an empty row or cell repeated to the sheet's end (number-rows-repeated="1048000") is read once


def odt_lines(path: Path, file: str) -> list[Line]:
    """The lines of the document's body in order; InputError naming the file for anything that is no .odt package."""
    odfdo = needs("odfdo", file, ".odt", "odfdo")
    import zipfile

    if not zipfile.is_zipfile(path):  # a .doc or a text renamed .odt: say so, not what odfdo trips over
        raise InputError.single(
            file, _text("reading.not-odt", reason="BadZipFile"), hint=_text("reading.not-odt-hint"),
        )
    try:
        document = odfdo.Document(str(path))
        body = document.body
        root = _xml(body)
    except Exception as error:
        raise InputError.single(
            file, _text("reading.not-odt", reason=type(error).__name__), hint=_text("reading.not-odt-hint"),
        ) from None
    if root is None or root.tag != f"{{{_OFFICE}}}text":
        raise InputError.single(
            file, _text("reading.not-odt", reason="no office:text"), hint=_text("reading.not-odt-hint"),
        )
    return _Reader().read(root)


def _xml(element: Any) -> Any:
    """The lxml element under an odfdo element (odfdo keeps it as a private attribute)."""
    for name in ("_Element__element", "xml_element", "_element"):
        node = getattr(element, name, None)
        if node is not None:
            return node
    return None


class _Reader:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.number = 0
        self.paragraphs = 0
        self.tables = 0
        self.previous: list[str] = []

    def read(self, root: Any) -> list[Line]:
        self._blocks(root)
        return self.lines

    def _blocks(self, parent: Any) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag in _PARAGRAPHS:
                self._paragraph(child)
            elif tag == _tb("table"):
                self._table(child)
            elif tag in _CONTAINERS:
                self._blocks(child)

    def _paragraph(self, node: Any) -> None:
        self.number += 1
        text = _paragraph_text(node, _BREAK)
        if text.strip():
            self.paragraphs += 1
        place = f"第{max(self.paragraphs, 1)}段"
        self.lines += [Line(self.number, piece, locator=place) for piece in lines_at_breaks(text, _BREAK)]
        for box in _text_boxes(node):  # a text box anchored in the paragraph: its own blocks, after it
            self._blocks(box)

    def _table(self, node: Any) -> None:
        self.tables += 1
        place = f"表{self.tables}"
        rows, parts = _table_rows(node)
        first = [text for text, _, _ in rows[0]] if rows else []
        second = [text for text, _, _ in rows[1]] if len(rows) > 1 else None
        names = column_names(first, second, [span for _, _, span in rows[0]] if rows else None)
        if self.previous and len(self.previous) == len(first) and _values_row(first):
            names = self.previous  # a table continued without its header: the columns of the one before
        self.previous = names
        if len(rows) == 1 and len(rows[0]) == 1:  # a frame of one cell (专栏): a line per paragraph, one number
            self.number += 1
            cell = _row_cell_nodes(node)[0][0]
            texts = [_block_text(b, _BREAK) for b in _cell_blocks(cell)]
            pieces = [piece.strip() for t in texts for piece in lines_at_breaks(t, _BREAK) if piece.strip()]
            self.lines += [
                Line(self.number, piece, cells=[piece], merged=[False], spanned=[False], locator=f"{place} 第1行",
                     cell_locators=[cell_locator(place, 1, 1, names)])
                for piece in pieces or [""]
            ]
        else:
            for r, row in enumerate(rows, start=1):
                self.number += 1
                cells = [text for text, _, _ in row]
                row_parts = parts[r - 1]
                self.lines.append(
                    row_line(
                        self.number, place, r, cells, [m for _, m, _ in row], [span for _, _, span in row], names, row_parts
                    )
                )
        for text in _cited_notes(node):  # a note a cell cites: the table's note, under it
            self.number += 1
            self.lines.append(Line(self.number, text, locator=f"{place} 脚注"))


def _values_row(cells: list[str]) -> bool:
    from compliance.reading.docx import _values_row as values_row

    return values_row(cells)


def _paragraph_text(node: Any, br: str = "") -> str:
    """A paragraph's or heading's text: spans, links and fields in place; text:s as its spaces, text:tab as a tab, a
    soft line break as `br`; notes, comments, frames and tracked deletions left out."""
    parts: list[str] = []
    _inline(node, parts, br)
    return "".join(parts).translate(_ZERO_WIDTH)


_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def _inline(node: Any, parts: list[str], br: str) -> None:
    if node.text:
        parts.append(node.text)
    for child in node:
        tag = child.tag
        if isinstance(tag, str) and tag not in _SKIPPED and not tag.startswith(f"{{{_DRAW}}}"):
            if tag == _t("s"):
                parts.append(" " * _count(child.get(_t("c"))))
            elif tag == _t("tab"):
                parts.append("\t")
            elif tag == _t("line-break"):
                parts.append(br)
            elif tag in (_t("ruby-text"), _t("soft-page-break")):
                pass
            else:
                _inline(child, parts, br)
        if child.tail:
            parts.append(child.tail)


def _count(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _text_boxes(paragraph: Any) -> list[Any]:
    """The text boxes (draw:text-box) drawn in a paragraph, outermost only."""
    out: list[Any] = []
    stack = list(paragraph)[::-1]
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str) or node.tag in _SKIPPED:
            continue
        if node.tag == f"{{{_DRAW}}}text-box":
            out.append(node)
        else:
            stack += list(node)[::-1]
    return out


def _cell_blocks(cell: Any) -> list[Any]:
    """A cell's paragraphs and nested tables in order (lists and sections opened)."""
    out: list[Any] = []
    for child in cell:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag in _PARAGRAPHS or tag == _tb("table"):
            out.append(child)
        elif tag in _CONTAINERS:
            out += _cell_blocks(child)
    return out


def _block_text(block: Any, br: str = "") -> str:
    """A cell's paragraph, or a table nested in the cell as one text (its cells apart by spaces): never lost."""
    if block.tag in _PARAGRAPHS:
        return _paragraph_text(block, br)
    rows, _ = _table_rows(block)
    return "；".join("　".join(text for text, _, _ in row if text) for row in rows)


def _rows(table: Any) -> list[Any]:
    """The table's rows in order, those inside header-row and row groups included; an empty row repeated is read once."""
    out: list[Any] = []
    for child in table:
        if child.tag == _tb("table-row"):
            repeat = _count(child.get(_tb("number-rows-repeated")))
            out += [child] * (repeat if repeat <= _MAX_REPEAT else 1)
        elif child.tag in _ROW_GROUPS:
            out += _rows(child)
    return out


def _row_cell_nodes(table: Any) -> list[list[Any]]:
    """Per row, the cell elements per column (a repeated cell once per column it repeats)."""
    out: list[list[Any]] = []
    for row in _rows(table):
        cells: list[Any] = []
        for cell in row:
            if cell.tag in _CELLS:
                repeat = _count(cell.get(_tb("number-columns-repeated")))
                cells += [cell] * (repeat if repeat <= _MAX_REPEAT else 1)
        out.append(cells)
    while out and all(not _cell_text(c) and c.tag != _tb("covered-table-cell") for c in out[-1]):
        out.pop()  # trailing empty rows (a template's blank lines)
    return out


def _cell_text(cell: Any) -> str:
    return "".join(_block_text(block).strip() for block in _cell_blocks(cell)) if cell.tag == _tb("table-cell") else ""


def _table_rows(table: Any) -> tuple[list[list[tuple[str, bool, int]]], list[list[list[tuple[int, int, bool]] | None]]]:
    """Rows of (cell text, merged from above, columns spanned), as the .docx reader's: a cell spanning rows is empty
    and merged in the rows below, one spanning columns is followed by empty cells (span 0). And per cell of several
    paragraphs, where each paragraph starts (so that 90 over 92 read apart)."""
    grid = _row_cell_nodes(table)
    width = max((len(row) for row in grid), default=0)
    owner: dict[tuple[int, int], tuple[int, int]] = {}  # a covered position → the cell that covers it
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell.tag != _tb("table-cell"):
                continue
            rows = _count(cell.get(_tb("number-rows-spanned")))
            cols = _count(cell.get(_tb("number-columns-spanned")))
            for dr in range(rows):
                for dc in range(cols):
                    if dr or dc:
                        owner.setdefault((r + dr, c + dc), (r, c))
    out: list[list[tuple[str, bool, int]]] = []
    parts: list[list[list[tuple[int, int, bool]] | None]] = []
    for r, row in enumerate(grid):
        cells: list[tuple[str, bool, int]] = []
        row_parts: list[list[tuple[int, int, bool]] | None] = []
        for c in range(width):
            cell = row[c] if c < len(row) else None
            covered = (r, c) in owner and (cell is None or cell.tag == _tb("covered-table-cell"))
            if covered:
                top, left = owner[(r, c)]
                if top < r and left == c:  # under a cell spanning rows: merged from above
                    source = grid[top][left]
                    cells.append(("", True, _count(source.get(_tb("number-columns-spanned")))))
                else:  # right of a cell spanning columns (in its first row or below)
                    cells.append(("", False, 0))
                row_parts.append(None)
                continue
            if cell is None or cell.tag != _tb("table-cell"):
                cells.append(("", False, 1))
                row_parts.append(None)
                continue
            texts = [_block_text(block).strip() for block in _cell_blocks(cell)]
            texts = [t for t in texts if t]
            starts: list[int] = []
            offset = 0
            for t in texts:
                if offset:
                    starts.append(offset)
                offset += len(t)
            cells.append(("".join(texts), False, _count(cell.get(_tb("number-columns-spanned")))))
            row_parts.append([(0, 0, False), *((b, 0, True) for b in starts)] if starts else None)
        out.append(cells)
        parts.append(row_parts)
    return out, parts


def _cited_notes(table: Any) -> list[str]:
    """The bodies of the notes the table's cells cite, each once, in the order cited."""
    out: dict[str, None] = {}
    for note in table.iter(_t("note")):
        body = note.find(_t("note-body"))
        if body is None:
            continue
        text = "".join(_paragraph_text(p) for p in body.iter(*_PARAGRAPHS)).strip()
        if text:
            out[text] = None
    return list(out)
