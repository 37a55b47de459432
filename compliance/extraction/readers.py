"""Reading a plan document into numbered lines, in document order.

Every format becomes the same thing: a list of `Line`s, each with the 1-based
number a reviewer uses to find it again, its text, and — for a table row — its
cells. The line model per format:

- .txt / .md: one `Line` per line of the file (UTF-8 with or without BOM,
  GBK/GB18030 detected, or the `encoding` given). A Markdown table row
  (``| a | b |``) also carries its cells; its separator row is kept as an
  empty line so that numbering stays that of the file. Markdown markup
  (headings, quotes, bullets, **bold**) is removed from .md lines and cells.
- .docx: the body's paragraphs and tables in document order (the XML children
  of the body are walked, so a table stays between the paragraphs around it).
  Each paragraph is one line; each table row is one line whose `cells` are the
  row's cells (text of each cell's paragraphs joined) and whose text is the
  cells joined by tabs. A vertically merged cell is empty in the rows below its
  first one (`merged_from_above` marks it). Line numbers count paragraphs and
  table rows from 1.
- .xlsx: each row of each sheet is one line whose number is the row number of
  the sheet; merged ranges are filled from their top-left cell (marked merged).
  A number cell in a percent format is marked (`percent`): it holds a fraction
  (0.9 shown as 90%), which the table reader turns into the percentage shown.
  Sheets after the first are numbered on from where the previous stopped only
  when the workbook has several sheets (each `Line` carries its sheet name).

Anything else, a missing file or an unreadable one raises InputError naming the
file and what to do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from compliance.errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
DOCX_SUFFIXES = (".docx",)
XLSX_SUFFIXES = (".xlsx", ".xlsm")
SUPPORTED = TEXT_SUFFIXES + DOCX_SUFFIXES + XLSX_SUFFIXES


@dataclass
class Line:
    """One line of a document: its 1-based number, its text, and its cells if it is a table row."""

    number: int
    text: str
    cells: list[str] | None = None
    merged: list[bool] | None = None  # per cell: filled from a merged cell above
    sheet: str | None = None
    percent: list[bool] | None = None  # per cell (.xlsx): a number shown in a percent format (0.9 shown as 90%)


@dataclass
class Document:
    file: str
    format: str  # text | markdown | docx | xlsx
    lines: list[Line] = field(default_factory=list)


def read_document(path: Path | str, encoding: str | None = None) -> Document:
    """The numbered lines of a .txt, .md, .docx or .xlsx file; InputError for anything else."""
    path = Path(path)
    file = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError.single(
            file,
            f"cannot extract a plan from a '{suffix or 'suffix-less'}' file",
            hint="give a .txt, .md, .docx or .xlsx file (save a .doc or .pdf as .docx or .txt first)",
        )
    if not path.exists():
        raise InputError.single(file, "no such file", hint="check the path")
    if path.is_dir():
        raise InputError.single(file, "is a directory, not a file")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError.single(file, f"cannot read the file: {error.strerror}") from None
    if suffix in TEXT_SUFFIXES:
        text = _decode(raw, file, encoding)
        return Document(file, "markdown" if suffix in (".md", ".markdown") else "text", _text_lines(text, suffix))
    if suffix in DOCX_SUFFIXES:
        return Document(file, "docx", _docx_lines(path, file))
    return Document(file, "xlsx", _xlsx_lines(path, file))


# --------------------------------------------------------------------------- text


def _decode(raw: bytes, file: str, encoding: str | None) -> str:
    if encoding:
        try:
            return raw.decode(encoding)
        except LookupError:
            raise InputError.single(file, f"unknown text encoding '{encoding}'", hint="try utf-8, gbk or gb18030") from None
        except UnicodeDecodeError as error:
            raise InputError.single(
                file,
                f"the file is not valid {encoding} (byte {error.start})",
                hint="leave the encoding out to detect it, or give the right one",
            ) from None
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError.single(file, "this is a binary file, not text", hint="give a .txt, .md, .docx or .xlsx file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    from compliance.loading.yamlfile import decode

    try:
        return decode(raw, file)
    except InputError:
        raise
    except Exception as error:  # charset detection on garbage must not leak a traceback
        raise InputError.single(file, f"cannot read the file as text: {error}", hint="save it as UTF-8") from None


_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _text_lines(text: str, suffix: str) -> list[Line]:
    text = text.lstrip("\ufeff")
    rows = re.split(r"\r\n|\r|\n", text)
    lines: list[Line] = []
    markdown = suffix in (".md", ".markdown")
    for number, row in enumerate(rows, start=1):
        row = row.replace("\x00", "")
        if markdown:
            stripped = row.strip()
            if _MD_RULE.match(stripped) and "|" in stripped:
                lines.append(Line(number, ""))
                continue
            if stripped.startswith("|") and stripped.count("|") >= 3:
                cells = [_strip_emphasis(c).strip() for c in stripped.strip("|").split("|")]
                lines.append(Line(number, "\t".join(cells), cells=cells))
                continue
            lines.append(Line(number, _strip_markdown(row)))
        else:
            lines.append(Line(number, row))
    return lines


def _strip_markdown(row: str) -> str:
    row = re.sub(r"^\s{0,3}#{1,6}\s+", "", row)  # headings
    row = re.sub(r"^\s{0,3}>\s?", "", row)  # quotes
    row = re.sub(r"^\s{0,3}[-*+]\s+(?!\d+\s*[-—]\s*$)", "", row)  # bullets (not a page number "- 5 -")
    return _strip_emphasis(row)


# A pair of ** or __ around text; not when a side touches a number (4.**‰, **%, 7/***: masked digits).
_EMPHASIS = re.compile(r"(?<![0-9.．/*_])(\*\*|__)(?=[^\s%‰.．*_])(.+?)(?<=[^\s./*_])\1(?![0-9.．%‰*_])")


def _strip_emphasis(text: str) -> str:
    """Markdown bold (**≥95**, __95%__) without its markers: they are markup, not masked digits."""
    return _EMPHASIS.sub(r"\2", text)


# --------------------------------------------------------------------------- docx


def _docx_lines(path: Path, file: str) -> list[Line]:
    try:
        import docx  # python-docx
        from docx.oxml.ns import qn
    except ImportError:  # pragma: no cover - a dependency
        raise InputError.single(file, "reading .docx needs the python-docx package", hint="pip install python-docx") from None
    try:
        document = docx.Document(str(path))
    except Exception as error:
        raise InputError.single(
            file,
            f"not a readable Word (.docx) document ({type(error).__name__})",
            hint="open it in Word or WPS and save it again as .docx, or save it as .txt",
        ) from None
    body = document.element.body
    lines: list[Line] = []
    number = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            number += 1
            lines.append(Line(number, _paragraph_text(child, qn)))
        elif child.tag == qn("w:tbl"):
            for row in _table_rows(child, qn):
                number += 1
                cells = [text for text, _ in row]
                lines.append(Line(number, "\t".join(cells), cells=cells, merged=[m for _, m in row]))
    return lines


def _paragraph_text(paragraph: object, qn: object) -> str:
    parts: list[str] = []
    for node in paragraph.iter():  # type: ignore[attr-defined]
        tag = node.tag
        if tag == qn("w:t"):  # type: ignore[operator]
            parts.append(node.text or "")
        elif tag == qn("w:tab"):  # type: ignore[operator]
            parts.append("\t")
        elif tag in (qn("w:br"), qn("w:cr")):  # type: ignore[operator]
            parts.append("")  # a manual line break inside a paragraph joins its halves
    return "".join(parts)


def _table_rows(table: object, qn: object) -> list[list[tuple[str, bool]]]:
    """Rows of (cell text, merged from above); a cell spanning columns is repeated empty."""
    rows: list[list[tuple[str, bool]]] = []
    for tr in table.iterchildren(qn("w:tr")):  # type: ignore[attr-defined, operator]
        row: list[tuple[str, bool]] = []
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
            texts = [_paragraph_text(p, qn) for p in tc.iterchildren(qn("w:p"))]  # type: ignore[operator]
            text = "".join(t.strip() for t in texts) if not continued else ""
            row.append((text, continued))
            row.extend([("", False)] * (span - 1))
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- xlsx


def _xlsx_lines(path: Path, file: str) -> list[Line]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency
        raise InputError.single(file, "reading .xlsx needs the openpyxl package", hint="pip install openpyxl") from None
    try:
        workbook = openpyxl.load_workbook(str(path), data_only=True)
    except Exception as error:
        raise InputError.single(
            file,
            f"not a readable Excel (.xlsx) workbook ({type(error).__name__})",
            hint="open it in Excel or WPS and save it again as .xlsx",
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
                Line(number, "\t".join(cells), cells=cells, merged=merged_flags, sheet=sheet.title, percent=percent)
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
