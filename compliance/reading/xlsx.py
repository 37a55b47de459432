"""Excel (.xlsx): one `Line` per row of each sheet, merged ranges filled."""

from __future__ import annotations

import re
from pathlib import Path

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line


def xlsx_lines(path: Path, file: str) -> list[Line]:
    try:
        import openpyxl
        from openpyxl.utils import get_column_letter
    except ImportError:  # pragma: no cover - a dependency
        raise InputError.single(
            file, _text("reading.needs-package", format=".xlsx", package="openpyxl"),
            hint=_text("reading.needs-package-hint", package="openpyxl"),
        ) from None
    try:
        workbook = openpyxl.load_workbook(str(path), data_only=True)
    except Exception as error:
        raise InputError.single(
            file,
            _text("reading.not-xlsx", reason=type(error).__name__),
            hint=_text("reading.not-xlsx-hint"),
        ) from None
    lines: list[Line] = []
    offset = 0
    several = len(workbook.worksheets) > 1
    for sheet in workbook.worksheets:
        fill: dict[tuple[int, int], object] = {}
        for merged in sheet.merged_cells.ranges:
            top = sheet.cell(merged.min_row, merged.min_col).value
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    if (r, c) != (merged.min_row, merged.min_col):
                        fill[(r, c)] = top
        last = 0
        for row in sheet.iter_rows():
            cells: list[str] = []
            merged_flags: list[bool] = []
            percent: list[bool] = []
            row_number = None
            for cell in row:
                row_number = cell.row
                key = (cell.row, cell.column)
                if key in fill:
                    cells.append(_cell_text(fill[key]))
                    merged_flags.append(True)
                    percent.append(False)
                else:
                    cells.append(_cell_text(cell.value))
                    merged_flags.append(False)
                    percent.append(_percent_format(cell))
            if row_number is None:
                continue
            while cells and not cells[-1]:
                cells.pop()
                merged_flags.pop()
                percent.pop()
            number = offset + row_number
            last = max(last, row_number)
            lines.append(
                Line(
                    number,
                    "\t".join(cells),
                    cells=cells,
                    merged=merged_flags,
                    sheet=sheet.title,
                    percent=percent,
                    locator=f"{sheet.title}!第{row_number}行",
                    cell_locators=[f"{sheet.title}!{get_column_letter(k)}{row_number}" for k in range(1, len(cells) + 1)],
                )
            )
        if several:
            offset += last
    return lines


def _percent_format(cell: object) -> bool:
    """A number cell shown in a percent format: its value is a fraction (0.9 is shown as 90%)."""
    value = getattr(cell, "value", None)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    number_format = str(getattr(cell, "number_format", "") or "")
    # a literal "%" inside quotes or escaped is text, not the percent format
    bare = re.sub(r'"[^"]*"|\\.', "", number_format)
    return "%" in bare


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value)
        if text.endswith(".0"):
            text = text[:-2]
        return text
    if hasattr(value, "year") and hasattr(value, "month"):  # a date: a header such as 2025年 typed as a date
        return f"{value.year}年"  # type: ignore[attr-defined]
    return str(value).strip()
