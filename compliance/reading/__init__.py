"""Reading a document into numbered lines, in document order: the lowest layer of extraction.

This package knows nothing of plans: it turns a file of any format into `Line`s.
One module per format (`text`, `docx`, `xlsx`); `read_document` picks the reader.

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
        from compliance.reading.text import decode, text_lines

        text = decode(raw, file, encoding)
        return Document(file, "markdown" if suffix in (".md", ".markdown") else "text", text_lines(text, suffix))
    if suffix in DOCX_SUFFIXES:
        from compliance.reading.docx import docx_lines

        return Document(file, "docx", docx_lines(path, file))
    from compliance.reading.xlsx import xlsx_lines

    return Document(file, "xlsx", xlsx_lines(path, file))
