"""Excel 97–2003 (.xls) and WPS Spreadsheets (.et) workbooks: converted to .xlsx, then read as one.

Many 妇儿工委 keep their indicator tables in old workbooks. xlrd (BSD) reads the binary format — values
as the file caches them (a formula's last result), merged ranges, number formats — and the sheets are
written to a temporary .xlsx with openpyxl, so that one reader (`xlsx`) reads both and the locators
(主要指标!F9) are the file's own. A .et that WPS saved as an .xlsx (a zip) is read as what it is; the
user's file is only read.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line, needs

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def xls_lines(path: Path, file: str, raw: bytes) -> list[Line]:
    from compliance.reading.xlsx import xlsx_lines

    kind = "WPS (.et)" if path.suffix.lower() == ".et" else "Excel 97–2003 (.xls)"
    if raw[:2] == b"PK":  # an .xlsx saved under an old name (openpyxl goes by the name: read a copy named .xlsx)
        with tempfile.TemporaryDirectory(prefix="compliance-xls-") as folder:
            renamed = Path(folder) / (path.stem + ".xlsx")
            renamed.write_bytes(raw)
            return xlsx_lines(renamed, file)
    if raw[:8] != _OLE:
        raise InputError.single(file, _text("reading.not-xls", kind=kind), hint=_text("reading.not-xls-hint"))
    xlrd = needs("xlrd", file, kind, "xlrd")
    needs("openpyxl", file, kind, "openpyxl")  # the converted workbook is written and read with it
    try:
        book = xlrd.open_workbook(file_contents=raw, formatting_info=True, on_demand=False)
    except Exception as error:  # xlrd raises its own and struct errors on a damaged file
        raise InputError.single(
            file, _text("reading.not-xls-readable", kind=kind, reason=type(error).__name__), hint=_text("reading.not-xls-hint")
        ) from None
    with tempfile.TemporaryDirectory(prefix="compliance-xls-") as folder:
        converted = Path(folder) / (path.stem + ".xlsx")
        _as_xlsx(book, converted)
        return xlsx_lines(converted, file)


def _as_xlsx(book: object, target: Path) -> None:
    """The workbook's sheets, cell values, merged ranges and number formats, as an .xlsx."""
    import openpyxl
    import xlrd

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    formats = book.format_map  # type: ignore[attr-defined]
    for sheet in book.sheets():  # type: ignore[attr-defined]
        out = workbook.create_sheet(title=sheet.name[:31] or "Sheet")
        for row in range(sheet.nrows):
            for column in range(sheet.ncols):
                cell = sheet.cell(row, column)
                if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    continue
                value: object = cell.value
                if cell.ctype == xlrd.XL_CELL_DATE:
                    value = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)  # type: ignore[attr-defined]
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    value = bool(cell.value)
                elif cell.ctype == xlrd.XL_CELL_ERROR:
                    value = xlrd.error_text_from_code.get(cell.value, "#N/A")
                target_cell = out.cell(row + 1, column + 1, value)
                shown = formats.get(book.xf_list[cell.xf_index].format_key)  # type: ignore[attr-defined]
                if shown is not None and cell.ctype == xlrd.XL_CELL_NUMBER:
                    target_cell.number_format = shown.format_str
        for first_row, last_row, first_column, last_column in sheet.merged_cells:
            if last_row - first_row > 1 or last_column - first_column > 1:
                out.merge_cells(start_row=first_row + 1, end_row=last_row, start_column=first_column + 1,
                                end_column=last_column)
    if not workbook.worksheets:
        workbook.create_sheet("Sheet")
    workbook.save(target)
