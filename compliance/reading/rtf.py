"""Rich Text Format (.rtf, as Word, WPS and LibreOffice save it): paragraphs and table rows, as for .docx.

striprtf (BSD-3-Clause) turns the RTF into text: it honours the code page the
file declares (\\ansicpg936, a font's \\fcharset134) for \\'xx escapes and
\\uN characters, leaves out pictures, fonts, styles and other destinations, and
writes a paragraph (\\par) as a line and a table row (\\row) as its cells each
ended by "|". A line ending in "|" is a table row; the others are paragraphs.
Locators as Word shows the file when it opens it: 第5段 (among the non-empty
paragraphs), 表1 第5行 本县目标列 for a cell. A cell under a vertically merged
one (\\clvmrg in its row's definition, read from the RTF itself since striprtf
keeps no layout) is empty and marked merged from above, as in a .docx.
"""

from __future__ import annotations

import re

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line, needs
from compliance.reading.grid import cell_locator, column_names
from compliance.compiled import regex

_CELL_END = "|"  # striprtf's end of a table cell (\cell)
_CODE_PAGE = re.compile(rb"\\ansicpg(\d+)")
# A row's definition (\trowd, then per cell its properties ending in \cellxN) and its end (\row).
_ROW_WORDS = regex(r"\\(trowd|clvmrg|cellx)-?\d*(?![a-z])|\\row(?![a-z])")


def rtf_lines(raw: bytes, file: str) -> list[Line]:
    rtf_to_text = needs("striprtf.striprtf", file, ".rtf", "striprtf").rtf_to_text
    if not raw.lstrip().startswith(b"{\\rtf"):
        raise InputError.single(file, _text("reading.not-rtf"), hint=_text("reading.not-rtf-hint"))
    source = _source(raw)
    try:
        text = rtf_to_text(source)
    except UnicodeDecodeError:  # an escape the declared code page does not hold: keep the rest, mark the gap
        text = rtf_to_text(source, errors="replace")
    except Exception as error:  # striprtf on a broken file
        raise InputError.single(
            file, _text("reading.not-rtf-readable", reason=type(error).__name__), hint=_text("reading.not-rtf-hint")
        ) from None
    return _lines(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), _merged_rows(source))


def _merged_rows(source: str) -> list[list[bool]]:
    """Per table row of the file, in order: per cell, whether it continues a vertical merge (\\clvmrg).

    A row's cells are defined by the last \\trowd before its \\row (Word writes the
    definition again after the row's cells).
    """
    rows: list[list[bool]] = []
    cells: list[bool] = []
    continued = False
    for match in _ROW_WORDS.finditer(source):
        word = match.group(1)
        if word == "trowd":
            cells, continued = [], False
        elif word == "clvmrg":
            continued = True
        elif word == "cellx":
            cells.append(continued)
            continued = False
        else:  # \row
            rows.append(cells)
    return rows


def _source(raw: bytes) -> str:
    """The RTF as text: 7-bit as the format is, or (a writer that put raw bytes in) by its declared code page."""
    try:
        return raw.decode("ascii")
    except UnicodeDecodeError:
        pass
    declared = _CODE_PAGE.search(raw[:4096])
    page = f"cp{declared.group(1).decode()}" if declared else "gb18030"
    for encoding in (("gb18030",) if page == "cp936" else (page, "gb18030")):
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("latin-1")


def _lines(texts: list[str], merged_rows: list[list[bool]]) -> list[Line]:
    rows = [text.rstrip() for text in texts if _is_row(text)]
    if len(rows) != len(merged_rows):  # the two readings disagree (nested tables?): mark nothing
        merged_rows = [[] for _ in rows]
    merged = iter(merged_rows)
    lines: list[Line] = []
    paragraphs = 0
    tables = 0
    table: list[list[str]] = []

    def close_table() -> None:
        nonlocal tables
        if not table:
            return
        tables += 1
        place = f"表{tables}"
        names = column_names(table[0], table[1] if len(table) > 1 else None)
        start = len(lines) - len(table)
        for r, cells in enumerate(table, start=1):
            line = lines[start + r - 1]
            line.locator = f"{place} 第{r}行"
            line.cell_locators = [cell_locator(place, r, k, names) for k in range(1, len(cells) + 1)]
        table.clear()

    for text in texts:
        if _is_row(text):
            cells = [cell.strip() for cell in text.rstrip()[:-1].split(_CELL_END)]
            flags = next(merged)
            flags = [flags[k] and not cells[k] for k in range(len(cells))] if len(flags) == len(cells) else [False] * len(cells)
            table.append(cells)
            lines.append(Line(len(lines) + 1, "\t".join(cells), cells=cells, merged=flags))
            continue
        close_table()
        if text.strip():
            paragraphs += 1
        lines.append(Line(len(lines) + 1, text, locator=f"第{max(paragraphs, 1)}段"))
    close_table()
    return lines


def _is_row(text: str) -> bool:
    row = text.rstrip()
    return row.endswith(_CELL_END) and len(row) > 1
