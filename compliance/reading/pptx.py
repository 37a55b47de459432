"""PowerPoint (.pptx): a 宣讲 / 解读 deck's slides, each read in the order a person reads it.

Per slide: the title placeholder first, then the other shapes top to bottom, left to right (a group's shapes read in
its place, in the same order among themselves). Each paragraph of a text frame is a line (a soft line break before a
list item cuts it, as in Word); a table is one line per row with its cells, merged cells marked as the .docx reader
marks them, so the table logic reads headers, merged 领域 cells and units alike. Speaker notes (备注) are the
presenter's, not the plan's, and never read (as Word's comments); slide numbers, footers and dates are page furniture.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line, lines_at_breaks, needs
from compliance.reading.grid import column_names, row_line

_BREAK = "\v"  # python-pptx writes a soft line break (a:br) in a paragraph's text so


def pptx_lines(path: Path, file: str) -> list[Line]:
    """The lines of every slide in order; InputError naming the file for anything that is no .pptx package."""
    pptx = needs("pptx", file, ".pptx", "python-pptx")
    from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
    try:
        deck = pptx.Presentation(str(path))
        slides = list(deck.slides)
    except Exception as error:
        raise InputError.single(
            file, _text("reading.not-pptx", reason=type(error).__name__), hint=_text("reading.not-pptx-hint"),
        ) from None
    furniture = {PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.HEADER}
    titles = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE}
    ordered = [_reading_order(list(slide.shapes), titles, furniture, MSO_SHAPE_TYPE) for slide in slides]
    numbered = _numbered_furniture(ordered)
    lines: list[Line] = []
    number = 0
    for index, shapes in enumerate(ordered, start=1):
        place = f"第{index}张幻灯片"
        tables = 0
        for shape in shapes:
            if _frame_text(shape) is not None and _without_number(_frame_text(shape), index) in numbered:
                continue
            if getattr(shape, "has_table", False) and shape.has_table:
                tables += 1
                number = _table_lines(shape.table, f"{place} 表{tables}", number, lines)
            elif getattr(shape, "has_text_frame", False) and shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    number += 1
                    lines += [
                        Line(number, piece, locator=place, whole=True) for piece in lines_at_breaks(paragraph.text, _BREAK)
                    ]
    return lines


def _frame_text(shape: Any) -> str | None:
    """The whole text of a shape's text frame (None for a shape without one, a table's frame)."""
    if getattr(shape, "has_table", False) and shape.has_table:
        return None
    if not (getattr(shape, "has_text_frame", False) and shape.has_text_frame):
        return None
    return shape.text_frame.text


def _without_number(text: str, index: int) -> str | None:
    """A shape's text without the slide's own number at its end (宝坻区妇儿工委办　　7 on slide 7), None when it does
    not end in that number."""
    stripped = text.strip()
    if not stripped.endswith(str(index)) or stripped[: -len(str(index))][-1:].isdigit():
        return None
    return stripped[: -len(str(index))].strip()


def _numbered_furniture(ordered: list[list[Any]]) -> set[str]:
    """The texts that, followed by each slide's number, stand on three slides or more: a footer with the page
    number typed into a text box by hand (not the layout's slide number placeholder) is page furniture too."""
    seen: dict[str, int] = {}
    for index, shapes in enumerate(ordered, start=1):
        for key in {_without_number(text, index) for text in map(_frame_text, shapes) if text is not None}:
            if key is not None:
                seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count >= _FURNITURE_MIN_SLIDES}


_FURNITURE_MIN_SLIDES = 3  # slides numbered alike by hand: fewer could be two list items ending in 1 and 2


def _placeholder_type(shape: Any) -> Any:
    """The placeholder type of a shape, None for a shape that is none (a text box, a table, a group)."""
    if not getattr(shape, "is_placeholder", False):
        return None
    try:
        return shape.placeholder_format.type
    except (ValueError, AttributeError):  # pragma: no cover - a placeholder without its type
        return None


def _position(shape: Any) -> tuple[int, int]:
    """(top, left) of a shape; a placeholder without its own takes its layout's, and an unplaced one sorts first."""
    try:
        return (shape.top or 0, shape.left or 0)
    except Exception:  # pragma: no cover - a damaged transform
        return (0, 0)


def _reading_order(shapes: list[Any], titles: set[Any], furniture: set[Any], kinds: Any) -> list[Any]:
    """The slide's shapes that hold the plan's text, the title first, then top to bottom, left to right; a group
    flattened into its shapes in its place (its children placed in the group's own coordinates, read in order there)."""
    kept = [shape for shape in shapes if _placeholder_type(shape) not in furniture]
    first = [shape for shape in kept if _placeholder_type(shape) in titles]
    rest = _stacks(sorted((shape for shape in kept if shape not in first), key=_position))
    out: list[Any] = []
    for shape in first + rest:
        if getattr(shape, "shape_type", None) == kinds.GROUP:
            out += _reading_order(list(shape.shapes), set(), furniture, kinds)
        else:
            out.append(shape)
    return out


def _box(shape: Any) -> tuple[int, int, int, int] | None:
    """(left, top, width, height) of a shape, None for one without a whole transform (a placeholder placed by its layout)."""
    try:
        box = (shape.left, shape.top, shape.width, shape.height)
    except Exception:  # pragma: no cover - a damaged transform
        return None
    return box if all(v is not None for v in box) and box[2] > 0 else None


def _holds_text(shape: Any) -> bool:
    text = _frame_text(shape)
    return text is not None and bool(text.strip())


def _under(upper: Any, lower: Any) -> bool:
    """`lower` is the next box of the same card as `upper`: as wide and at the same left (a twentieth of the width
    either way), its top less than half the lower box's height (or the upper's, if less) below the upper's bottom —
    the next row of cards stands further off."""
    a, b = _box(upper), _box(lower)
    if a is None or b is None:
        return False
    slack = max(a[2], b[2]) // 20
    gap = b[1] - (a[1] + a[3])
    return abs(a[0] - b[0]) <= slack and abs(a[2] - b[2]) <= slack and -a[3] // 2 <= gap <= min(a[3], b[3]) // 2


def _stacks(shapes: list[Any]) -> list[Any]:
    """Shapes in reading order with each card's text boxes together: an infographic card (一图读懂: a big value in one
    box drawn above its indicator's name in another, three cards side by side) is read value then name, card after
    card; by position alone a row's three values came before its three names. A box goes on a card when it stands
    right under the card's last text box, as wide and at the same left (`_under`); shapes with no text stay in place."""
    stacks: list[list[Any]] = []
    for shape in shapes:
        if _holds_text(shape):
            stack = next((s for s in stacks if _holds_text(s[-1]) and _under(s[-1], shape)), None)
            if stack is not None:
                stack.append(shape)
                continue
        stacks.append([shape])
    return [shape for stack in stacks for shape in stack]


def _cell_text(cell: Any) -> tuple[str, tuple[int, ...]]:
    """A cell's paragraphs joined (as the .docx reader joins them), and where each after the first starts."""
    text = ""
    starts: list[int] = []
    for paragraph in cell.text_frame.paragraphs:
        piece = paragraph.text.replace(_BREAK, "").strip()
        if not piece:
            continue
        if text:
            starts.append(len(text))
        text += piece
    return text, tuple(starts)


def _table_lines(table: Any, place: str, number: int, lines: list[Line]) -> int:
    """A slide's table as rows of cells: a cell under a merged cell's first row empty and `merged`, one to the right
    of a cell spanning columns empty and `spanned`; columns named by the header rows. Returns the last number."""
    rows = list(table.rows)
    width = len(table.columns)
    grid: list[list[tuple[str, bool, int, tuple[int, ...]]]] = [
        [("", False, 1, ())] * width for _ in rows
    ]
    for r, row in enumerate(rows):
        for c, cell in enumerate(list(row.cells)[:width]):
            if not cell.is_merge_origin:
                continue
            text, starts = _cell_text(cell)
            span_width = max(1, cell.span_width)
            grid[r][c] = (text, False, span_width, starts)
            for dr in range(cell.span_height):
                for dc in range(span_width):
                    if (dr or dc) and r + dr < len(rows) and c + dc < width:
                        below = dr > 0 and dc == 0  # the first column of a cell merged from above
                        grid[r + dr][c + dc] = ("", below, 1 if below else 0, ())
    for r, row in enumerate(rows):
        for c, cell in enumerate(list(row.cells)[:width]):
            if not cell.is_merge_origin and not cell.is_spanned:
                text, starts = _cell_text(cell)
                grid[r][c] = (text, False, 1, starts)
    first = [text for text, _, _, _ in grid[0]] if grid else []
    second = [text for text, _, _, _ in grid[1]] if len(grid) > 1 else None
    names = column_names(first, second, [span for _, _, span, _ in grid[0]] if grid else None)
    for r, row in enumerate(grid, start=1):
        number += 1
        cells = [text for text, _, _, _ in row]
        parts = [[(0, 0, False), *((b, 0, True) for b in starts)] if starts else None for _, _, _, starts in row]
        lines.append(row_line(number, place, r, cells, [m for _, m, _, _ in row], [span for _, _, span, _ in row], names, parts))
    return number
