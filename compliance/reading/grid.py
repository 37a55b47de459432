"""What every table reader shares: names of columns and the locator of a cell.

A person finds a cell by its table, its row and its column's name: 表1 第5行
本县目标列 (the row counted from the top of the table, header rows included, as
one counts them on the page). The column's name is its header cell; under a
header cell that spans several columns (2025年目标 over 上级目标 | 本县目标) it is
the cell of the second header row.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from compliance.compiled import regex

if TYPE_CHECKING:
    from compliance.reading import Line

_VALUE = regex(r"[\d.．\s%％‰≥≤<>＜＞=~～\-—*＊]*")
_NAME = regex(r"[^\d]*[\u4e00-\u9fff]{2}[^\d]*")  # a column named in words (序号, 指标, 单位), not by a year


def column_names(first: list[str], second: list[str] | None, spans: list[int] | None = None) -> list[str]:
    """The name of each column, from the first header row and the row under it.

    `spans[c]` is how many columns the first row's cell at c covers (a covered
    column repeats 0); without it, an empty first-row cell after a filled one
    is taken as covered by it.
    """
    names: list[str] = []
    owner = ""
    for c, text in enumerate(first):
        text = _squeeze(text)
        covered = spans[c] == 0 if spans is not None and c < len(spans) else (not text and c > 0)
        wide = spans is not None and c < len(spans) and spans[c] > 1
        if text and not covered:
            owner = text
        below = _squeeze(second[c]) if second is not None and c < len(second) else ""
        under = below and not _VALUE.fullmatch(below)
        if (covered or wide or (spans is None and c + 1 < len(first) and not _squeeze(first[c + 1]))) and under:
            names.append(below)
        elif covered:
            names.append(owner)
        else:
            names.append(text)
    return names


def row_line(
    number: int,
    place: str,
    row_number: int,
    cells: list[str],
    merged: list[bool],
    spans: list[int],
    names: list[str],
    parts: list[Any] | None = None,
) -> Line:
    """A table row as a `Line`, as every reader of ruled tables (.docx, .odt, .pptx) gives it: its text the cells
    joined by tabs, a cell covered from above marked `merged`, one covered from its left (span 0) `spanned`,
    each cell's locator (表1 第5行 本县目标列), and where a cell's paragraphs start (`parts`) when any has several."""
    from compliance.reading import Line

    return Line(
        number,
        "\t".join(cells),
        cells=cells,
        merged=merged,
        spanned=[span == 0 for span in spans],
        locator=f"{place} 第{row_number}行",
        cell_locators=[cell_locator(place, row_number, k, names) for k in range(1, len(cells) + 1)],
        cell_parts=parts if parts and any(parts) else None,
    )


def cell_locator(table_place: str, row: int, column: int, names: list[str]) -> str:
    """表1 第5行 本县目标列 (row and column 1-based; the column by name when it has one)."""
    name = names[column - 1] if 0 < column <= len(names) else ""
    return f"{table_place} 第{row}行 {name}列" if name else f"{table_place} 第{row}行 第{column}列"


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def side_by_side(header: list[str]) -> list[tuple[int, int]]:
    """The column groups of a table printed as two (or more) tables side by side, else [].

    A page saving space prints a long indicator table as two halves beside each
    other, each with the same columns (序号 | 指标 | 2020年 | 2025年目标, twice), so
    each printed row holds two indicators — of different domains, with their
    own units. Told by the header: the same run of column names (at least two,
    not only values) repeated across the row, the runs possibly apart by an
    empty column. Returns the (start, end) columns of each half.
    """
    names = [_squeeze(cell) for cell in header]
    for width in range(2, len(names) // 2 + 1):
        for gap in (0, 1):
            stride = width + gap
            count = (len(names) + gap) // stride
            if count < 2 or count * stride - gap != len(names):
                continue
            first = names[:width]
            if sum(1 for n in first if n and not _VALUE.fullmatch(n)) < 2 or not any(_NAME.fullmatch(n) for n in first):
                continue
            groups = [(k * stride, k * stride + width) for k in range(count)]
            if all(names[a:b] == first for a, b in groups) and all(
                not names[b] for a, b in groups[:-1] if gap
            ):
                return groups
    return []


def unfold_side_by_side(lines: list[Line], groups: list[tuple[int, int]]) -> list[Line]:
    """A table's rows printed as two tables side by side (`side_by_side`) as the tables it holds, one after the other.

    Each half keeps the header rows, so it is read as a table of its own with
    its own columns, and each cell keeps its number and locator; a half row
    with nothing in it (the right half's last rows, where the left one is
    longer) is left out.
    """
    from compliance.reading import Line

    out: list[Line] = []
    for a, b in groups:
        for line in lines:
            cells = (line.cells or [])[a:b]
            if not any(c.strip() for c in cells):
                continue
            numbers = _columns(line.cell_numbers, a, b)
            parts = _columns(line.cell_parts, a, b)
            out.append(
                Line(
                    numbers[0] if numbers else line.number,
                    "\t".join(cells),
                    cells=cells,
                    merged=_columns(line.merged, a, b),
                    spanned=_columns(line.spanned, a, b),
                    sheet=line.sheet,
                    locator=line.locator,
                    cell_locators=_columns(line.cell_locators, a, b),
                    cell_numbers=numbers,
                    cell_parts=parts if parts and any(parts) else None,
                )
            )
    return out


def _columns(values: list[Any] | None, start: int, end: int) -> list[Any] | None:
    return values[start:end] if values is not None else None
