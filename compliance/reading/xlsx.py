"""Excel (.xlsx): one `Line` per row of each sheet, merged ranges filled."""

from __future__ import annotations

import re
from pathlib import Path

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line, lines_at_breaks, needs


def xlsx_lines(path: Path, file: str, uncomputed: list[str] | None = None, hidden: list[str] | None = None) -> list[Line]:
    """The rows of every sheet as lines, each formula cell as the value the workbook saved with it (never the
    formula: =IF(D5<=3.2,"达标","未达标") holds no target). The locators of formula cells saved without a value
    (a workbook written by a program and never opened in Excel) go to `uncomputed`: noted, never guessed.

    A hidden sheet (旧版指标（征求意见稿）: a superseded draft's values, a helper sheet) is no part of the document its
    reader sees: beside a visible sheet with cells, it is not read and its name goes to `hidden` (noted); a workbook
    whose every sheet with cells is hidden is read whole. Line numbers stay those of the whole workbook."""
    openpyxl = needs("openpyxl", file, ".xlsx", "openpyxl")
    from openpyxl.utils import get_column_letter
    without_values = _refuse_what_would_not_fit(path, file)
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
    shown = any(sheet.sheet_state == "visible" and sheet._cells for sheet in workbook.worksheets)
    for sheet in workbook.worksheets:
        if shown and sheet.sheet_state != "visible":
            if hidden is not None and sheet._cells:
                hidden.append(sheet.title)
            if several:
                offset += sheet.max_row or 0
            continue
        if uncomputed is not None:
            uncomputed += [f"{sheet.title}!{ref}" for ref in without_values.get(sheet.title, [])]
        fill: dict[tuple[int, int], object] = {}
        for merged in sheet.merged_cells.ranges:
            top = sheet.cell(merged.min_row, merged.min_col).value
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    if (r, c) != (merged.min_row, merged.min_col):
                        fill[(r, c)] = top
        # The cells that exist, row by row: never the used rectangle, which one far
        # cell (row 200 000, column 200) makes forty million cells wide.
        by_row: dict[int, dict[int, object]] = {}
        for (row_number, column), cell in sheet._cells.items():  # openpyxl keeps only the cells the file has
            if (row_number, column) in fill or getattr(cell, "value", None) is not None:
                by_row.setdefault(row_number, {})[column] = cell
        last = 0
        previous = 0
        for row_number in sorted(by_row):
            # blank rows between (a table's spacing), as the sheet shows them; one for a long gap
            gap = range(previous + 1, row_number) if row_number - previous <= _BLANK_ROWS else [row_number - 1]
            for blank in gap if previous else ():
                lines.append(_blank(offset + blank, sheet.title, blank))
            previous = row_number
            row = by_row[row_number]
            cells: list[str] = []
            merged_flags: list[bool] = []
            percent: list[bool] = []
            for column in range(1, max(row) + 1):
                key = (row_number, column)
                if key in fill:
                    cells.append(_cell_text(fill[key]))
                    merged_flags.append(True)
                    percent.append(False)
                else:
                    cell = row.get(column)
                    cells.append(_shown_text(cell))
                    merged_flags.append(False)
                    percent.append(_percent_format(cell) if cell is not None else False)
            while cells and not cells[-1]:
                cells.pop()
                merged_flags.pop()
                percent.pop()
            last = max(last, row_number)
            filled = [k for k, c in enumerate(cells) if c and not merged_flags[k]]
            # a paragraph of the plan in one cell, its list items apart by line breaks (Alt+Enter): a line per item
            pieces = lines_at_breaks(cells[filled[0]]) if len(filled) == 1 else [None]
            parts = None
            if pieces == [None]:
                # cells of several lines (1.…；<Alt+Enter>2.…, 90 over 92): joined, where each line starts kept
                parts = [_line_starts(c) for c in cells]
                cells = [c.replace("\n", "") for c in cells]
                parts = parts if any(parts) else None
            for piece in pieces:
                own = cells if piece is None else [piece if k == filled[0] else c for k, c in enumerate(cells)]
                lines.append(
                    Line(
                        offset + row_number,
                        "\t".join(own),
                        cells=own,
                        merged=merged_flags,
                        sheet=sheet.title,
                        percent=percent,
                        locator=f"{sheet.title}!第{row_number}行",
                        cell_locators=[f"{sheet.title}!{get_column_letter(k)}{row_number}" for k in range(1, len(own) + 1)],
                        cell_parts=parts,
                    )
                )
        if several:
            offset += max(last, sheet.max_row or 0)
    return lines


_BLANK_ROWS = 50  # a gap of more empty rows is shown as one
_UNPACKED_LIMIT = 512 * 1024 * 1024  # the workbook's XML, unpacked
_MERGED_LIMIT = 1_000_000  # cells covered by merged ranges, all sheets together
_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"')


def _refuse_what_would_not_fit(path: Path, file: str) -> dict[str, list[str]]:
    """A workbook that unpacks to more than any plan table, or merges millions of cells, is refused before openpyxl
    builds it. Returns, by sheet title, the formula cells saved without a value (read while the sheets' XML is open)."""
    import zipfile

    from openpyxl.utils import column_index_from_string

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        return {}  # openpyxl says it is no workbook
    without_values: dict[str, list[str]] = {}
    with archive:
        members = archive.infolist()
        if sum(member.file_size for member in members) > _UNPACKED_LIMIT:
            raise InputError.single(file, _text("file.xlsx-too-big"), hint=_text("file.xlsx-too-big-hint"))
        titles = _sheet_titles(archive)
        merged = 0
        for member in members:
            if not member.filename.startswith("xl/worksheets/") or not member.filename.endswith(".xml"):
                continue
            data = archive.read(member)
            if b"<f" in data and member.filename in titles:
                refs = [ref.decode() for ref, body in _CELL.findall(data) if _FORMULA.search(body) and not _VALUE.search(body)]
                if refs:
                    without_values[titles[member.filename]] = refs
            for first_col, first_row, last_col, last_row in _MERGE_REF.findall(data):
                rows = int(last_row) - int(first_row) + 1
                columns = column_index_from_string(last_col.decode()) - column_index_from_string(first_col.decode()) + 1
                merged += max(rows, 0) * max(columns, 0)
        if merged > _MERGED_LIMIT:
            raise InputError.single(file, _text("file.xlsx-merged", count=merged), hint=_text("file.xlsx-merged-hint"))
    return without_values


_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+[0-9]+)"[^>]*?(?<!/)>(.*?)</(?:\w+:)?c>', re.S)
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]+</(?:\w+:)?v>|<(?:\w+:)?is>")
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]+)"')
_RELATION = re.compile(rb'<(?:\w+:)?Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"|'
                       rb'<(?:\w+:)?Relationship\b[^>]*?\bTarget="([^"]+)"[^>]*?\bId="([^"]+)"')


def _sheet_titles(archive: object) -> dict[str, str]:
    """The title of each worksheet part (xl/worksheets/sheet1.xml → 主要指标), as the workbook and its relations name them."""
    from html import unescape

    try:
        book = archive.read("xl/workbook.xml")  # type: ignore[attr-defined]
        relations = archive.read("xl/_rels/workbook.xml.rels")  # type: ignore[attr-defined]
    except KeyError:
        return {}
    targets: dict[bytes, str] = {}
    for a, b, c, d in _RELATION.findall(relations):
        rid, target = (a, b) if a else (d, c)
        name = target.decode("utf-8", "replace").lstrip("/")
        targets[rid] = name if name.startswith("xl/") else "xl/" + name
    return {targets[rid]: unescape(name.decode("utf-8", "replace")) for name, rid in _SHEET.findall(book) if rid in targets}


def _blank(number: int, sheet: str, row_number: int) -> Line:
    return Line(number, "", cells=[], merged=[], sheet=sheet, percent=[], locator=f"{sheet}!第{row_number}行", cell_locators=[])


def _percent_format(cell: object) -> bool:
    """A number cell shown in a percent format: its value is a fraction (0.9 is shown as 90%)."""
    value = getattr(cell, "value", None)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    number_format = str(getattr(cell, "number_format", "") or "")
    # a literal "%" inside quotes or escaped is text, not the percent format
    bare = re.sub(r'"[^"]*"|\\.', "", number_format)
    return "%" in bare


def _shown_text(cell: object) -> str:
    """A cell's text, with the words its number format shows around a number: `"≤"0.0` shows 2.8 as ≤2.8,
    `0"%以上"` shows 95 as 95%以上 — the comparator a sheet gives its lower-is-better targets may live only there."""
    value = getattr(cell, "value", None)
    text = _cell_text(value)
    bare = _BARE_TEXT.match(text) if isinstance(value, str) else None
    if bare is not None:  # ≤3.0 typed as text: a comment may say its unit
        prefix, suffix = _comment_words(getattr(cell, "comment", None))
        return ("" if bare.group("op") else prefix) + text + suffix
    if isinstance(value, bool) or not isinstance(value, int | float):
        return text
    prefix, suffix = _format_words(str(getattr(cell, "number_format", "") or ""))
    if not (prefix or suffix):
        prefix, suffix = _comment_words(getattr(cell, "comment", None))
    return prefix + text + suffix if (prefix or suffix) else text


_BARE_TEXT = re.compile(r"^\s*(?P<op>≤|≥|<|>|＜|＞)?\s*\d+(?:\.\d+)?\s*$")
_COMMENT_AUTHOR = re.compile(r"^[^\n:：]{1,20}[:：]\s*\n")
_COMMENT_WORDS = re.compile(
    r"^(?:单位[:：为]?)?\s*(?P<op>≤|≥|<|>|＜|＞|<=|>=|不高于|不低于|不超过|不少于)?\s*[，,；;、]?\s*"
    r"(?:单位[:：为]?)?\s*(?P<unit>‰|%|％|1/10万|/10万|‱)?\s*[。.]?$"
)


def _comment_words(comment: object) -> tuple[str, str]:
    """(before, after) a bare number from its cell's comment (批注) when the comment says only its comparator and/or
    unit (≤，单位‰; 单位：%): the sheet's evidence of what the bare number means. A comment saying anything else (a
    note, a number: 目标为≤3.0‰) gives nothing, and no comment is ever read as a target."""
    text = str(getattr(comment, "text", "") or "").strip()
    if not text:
        return "", ""
    text = _COMMENT_AUTHOR.sub("", text).strip()  # Excel's "作者:" line before the note
    match = _COMMENT_WORDS.match(text.replace(" ", ""))
    if match is None or not (match.group("op") or match.group("unit")):
        return "", ""
    return match.group("op") or "", match.group("unit") or ""


_PLACEHOLDERS = "0#?"
_FORMAT_WORD = re.compile(r"[^\d\s]{1,6}")


def _format_words(number_format: str) -> tuple[str, str]:
    """(before, after) the number: the literal text of a number format's section for positive numbers ("≤"0.0,
    0"个", \≥0%), each short and without digits; ("", "") for a date's, a text's or a general format."""
    section, literal, pieces, k = "", False, [], 0
    while k < len(number_format):  # the first section, up to an unquoted ;
        char = number_format[k]
        if char == '"':
            literal = not literal
        elif char == "\\" and not literal:
            section += number_format[k : k + 2]
            k += 2
            continue
        elif char == ";" and not literal:
            break
        section += char
        k += 1
    # the pieces: ("text", literal) or ("code", format code)
    k = 0
    while k < len(section):
        char = section[k]
        if char == '"':
            end = section.find('"', k + 1)
            end = len(section) if end < 0 else end
            pieces.append(("text", section[k + 1 : end]))
            k = end + 1
        elif char == "\\":
            pieces.append(("text", section[k + 1 : k + 2]))
            k += 2
        elif char == "[":  # [Red], [$-804]: no text shown
            end = section.find("]", k)
            k = len(section) if end < 0 else end + 1
        elif char in "_*":  # a space as wide as the next character, a fill: no text
            k += 2
        else:
            pieces.append(("code", char))
            k += 1
    codes = [n for n, (kind, piece) in enumerate(pieces) if kind == "code" and piece in _PLACEHOLDERS]
    if not codes or any(kind == "code" and piece.isalpha() for kind, piece in pieces):
        return "", ""  # no number shown, or a date's or a scientific format (yyyy, m, E+)
    before = "".join(piece for kind, piece in pieces[: codes[0]] if kind == "text").strip()
    after = "".join(piece for kind, piece in pieces[codes[-1] + 1 :] if kind == "text").strip()
    return (before if _FORMAT_WORD.fullmatch(before) else ""), (after if _FORMAT_WORD.fullmatch(after) else "")


def _line_starts(text: str) -> list[tuple[int, int, bool]] | None:
    """(offset in the joined text, line — 0: the row's own —, starts a line) of each line of a cell, as the other
    readers give a cell's paragraphs; None for a cell of one line."""
    if "\n" not in text:
        return None
    starts, offset = [(0, 0, False)], 0
    for piece in text.split("\n")[:-1]:
        offset += len(piece)
        starts.append((offset, 0, True))
    return starts


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
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.strip() for line in lines if line.strip())
