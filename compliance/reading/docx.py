"""Word (.docx): body paragraphs and table rows in document order."""

from __future__ import annotations

from pathlib import Path

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line, lines_at_breaks
from compliance.reading.grid import cell_locator, column_names, side_by_side, unfold_side_by_side


def docx_lines(path: Path, file: str) -> list[Line]:
    try:
        import docx  # python-docx
        from docx.oxml.ns import qn
    except ImportError:  # pragma: no cover - a dependency
        raise InputError.single(
            file, _text("reading.needs-package", format=".docx", package="python-docx"),
            hint=_text("reading.needs-package-hint", package="python-docx"),
        ) from None
    try:
        document = docx.Document(str(path))
    except Exception as error:
        raise InputError.single(
            file,
            _text("reading.not-docx", reason=type(error).__name__),
            hint=_text("reading.not-docx-hint"),
        ) from None
    body = document.element.body
    lines: list[Line] = []
    number = 0
    paragraphs = 0
    tables = 0
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
                    Line(
                        number,
                        "\t".join(cells),
                        cells=cells,
                        merged=[m for _, m, _ in row],
                        spanned=[span == 0 for _, _, span in row],
                        locator=f"{place} 第{r}行",
                        cell_locators=[cell_locator(place, r, k, names) for k in range(1, len(cells) + 1)],
                        cell_parts=parts if any(parts) else None,
                    )
                )
            if halves := side_by_side(first):  # two tables printed side by side: read one after the other
                lines[start:] = unfold_side_by_side(lines[start:], halves)
    return lines


_BREAK = "\n"


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
        elif tag in (qn("w:br"), qn("w:cr")):  # type: ignore[operator]
            if node.get(qn("w:type")) not in ("page", "column"):  # type: ignore[attr-defined, operator]
                parts.append(br)
    return "".join(parts)


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
