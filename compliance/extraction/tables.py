"""Indicator tables (重点指标目标表): finding them and reading each row as a target.

A table is recognised by its header, whatever the reader made of it: a row of
cells (a .docx or .xlsx row, a Markdown row, a text line with tabs or with runs
of two spaces between cells), one cell per line (a text export of a Word
table), or — in a 文库 export — the header and all its rows run together in one
text (`flat_header`, `read_flat`). The header must name an indicator column and
a target column (目标值, or a year such as 2025年); a year before the plan's
period (2020年, 基期值, 现状值) is the baseline column.

Headers may take two rows (2025年目标 over 上级目标 / 本县目标; 基期值 over
2020年): a row under the header whose cells are all column words or empty is
read with it, an empty cell of the upper row taking the text of the cell to its
left that spans it. The plan's own column (本级/本县/本市目标) is its target; a
parent's column (上级/省/国家目标) is kept beside it as `parent`, never read as
the plan's.

Text exports put each cell on its own line, a cell's text sometimes over two
lines ("应救" / "尽救", "妇女与" / "决策管理") and rows apart by blank lines. A
cell starts with a tab when the header's cells do; a line without one goes on
the cell before. An empty domain cell is the domain above (a vertically merged
cell); an empty first cell of a row (a continuation row: its leading tab kept)
is the same. An empty target cell within a merged domain is the target cell
above (the gold labels' reading of 嘉兴's merged cells), and a .docx/.xlsx cell
marked merged is read the same way. A row naming only a domain ("一、妇女与健康"
across the table) puts the rows below it in that domain.

A bare number in a target cell takes its comparator from the table's own note
(目标值未注明“≤”的，均为“达到或高于”), else from the indicator's direction
(`bare_op`: lower is better for mortality, prevalence… → ≤). A row that cannot be
read (a cell not understood, a unit nobody knows, a flattened row that splits
more than one way) is a `RowProblem` with its text, never an error.
"""

from __future__ import annotations

import math
import re
from functools import cache
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from compliance.extraction._rules import fold, rules, said, squeeze
from compliance.extraction.cleaning import Src
from compliance.extraction.columns import (
    Column,
    column_of,
    combine_rows,
    header_columns,
    header_key,
    header_tokens,
    is_sub_header,
    PARENT_RANK,
    is_header,
    level_rank,
    own_by_level,
    quoted_parents,
    row_level,
    settle_years,
)
from compliance.extraction.structure import caption_domain, classify, domain_row, item_number
from compliance.model.plan import CELL_SEPARATOR
from compliance.compiled import regex

_MASK = "*＊"

BareOp = Callable[[str, "str | None"], str]  # (indicator name, unit) -> comparator of a bare number


@dataclass
class Cell:
    text: str
    line: int
    merged: bool = False
    spanned: bool = False  # covered by the cell to its left (a horizontally merged cell: 市级目标 and 区级目标 as one)
    percent: bool = False  # a number in a percent format (.xlsx): 0.9 is shown as 90%
    locator: str | None = None  # where a person finds the cell (表1 第5行 本县目标列, 主要指标!F9)
    spans: list[tuple[int, int]] | None = None  # (offset in text, line) of a cell continued on the rows below
    breaks: tuple[int, ...] = ()  # offsets where a line of the cell starts after the first (90<br>92 in a page's cell)

    def lines(self) -> list[tuple[int, str]]:
        """(offset, text) of each line of the cell: one, unless the reader saw line breaks in it."""
        starts = [0, *self.breaks]
        return [(a, self.text[a:b]) for a, b in zip(starts, [*self.breaks, len(self.text)], strict=True)]

    def line_at(self, offset: int) -> int:
        line = self.line
        for start, number in self.spans or ():
            if start > offset:
                break
            line = number
        return line


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[Cell]]
    indices: set[int] = field(default_factory=set)  # indices (into the plan's lines) it covers
    header_line: int = 0
    exact_merges: bool = False  # merged cells are marked (.docx, .xlsx): empty means empty
    domains: list[str] = field(default_factory=list)  # domains its rows name, in order (filled by read_table)
    bare: str | None = None  # the comparator the table's note gives bare numbers (None: by direction)
    slash: tuple[str, str] | None = None  # the note's subjects of a/b cells (“/”前为城市、后为农村)
    note_years: list[int] | None = None  # the note's years of a two-value target cell (上行为2025年目标，下行为2030年目标)
    starts: list[int] | None = None  # a space-aligned text table: the display column where each header cell starts
    caption_domain: str | None = None  # the domain its caption names after a dash (…监测指标——儿童与健康)
    first_year: int | None = None  # the plan period's first year: a row for a year before it holds baselines
    unread: list[Any] = field(default_factory=list)  # RowProblems: rows among its rows whose cells could not be told apart
    code_domains: dict[str, str] = field(default_factory=dict)  # a legend's indicator-code prefix → domain (JK—儿童与健康)
    note_base_year: int | None = None  # the base year the note gives its changes (…下降幅度以2020年为基数)
    bracket_note: str | None = None  # the note saying a target cell's value in brackets is the parent's (括号内为上级目标值)
    superseded: list[int] = field(default_factory=list)  # lines of rows voided or submitted again (filled by read_table)


# --------------------------------------------------------------------------- rows a table's reader left


# a line of a table's rows, not of its notes or the text after it: a row number first, or a tab between cells
_ROW_START = regex(r"^\s*(?:[0-9]{1,3}|[*＊]{1,3})(?:[\s\t.、．]|(?=[\u4e00-\u9fff]))|\t")
_NOTE_START = regex(r"^\s*(?:注|备注|说明|资料来源|数据来源)\s*[0-9①-⑩]?\s*[:：]")


def unread_rows(lines: list[Src], after: int, taken: set[int], read_as_text: Callable[[int], bool]) -> list[RowProblem]:
    """The rows under a table that its reader stopped before (a row whose cells stand under none of the header's
    columns: a tab lost, cells run together), each with its numbers and why: never left out as text no one reads.

    From the line after the table (`after`) to a blank line, a heading, a note (注：…), another table (`taken`) or a
    line read as a target section's text (whose numbers the text reader answers for); a line counts only when it
    looks like a row (a row number first, or a tab) and holds a digit.
    """
    problems: list[RowProblem] = []
    i = after
    while i < len(lines):
        line = lines[i]
        text = line.text if line.cells is None else "\t".join(line.cells)
        if i in taken or not text.strip() or read_as_text(i) or _NOTE_START.match(text) or classify(text, None) is not None:
            break
        if not (_ROW_START.match(text) or line.table_text) or not re.search(r"[0-9*＊]", text):
            break
        problems.append(RowProblem(line.number, " ".join(text.split()), said("extract.reason.row-not-understood"), line.locator))
        i += 1
    return problems


# --------------------------------------------------------------------------- finding tables


def row_cells(line: Src) -> list[str] | None:
    """The cells of a line: a table row's own, or a text line's split at tabs or at runs of two spaces.

    An empty first cell (a continuation row's leading tab) is kept: cells stay under their column.
    """
    if line.cells is not None:
        return line.cells
    text = line.text.rstrip("\r\n")
    if text.strip("\t ").count("\t") >= 2 or (text.count("\t") >= 2 and text.lstrip(" ").startswith("\t")):
        cells = [c.strip() for c in text.split("\t")]
        while cells and not cells[-1]:
            cells.pop()
        return cells
    inner = text.strip().replace("\u3000", "  ")
    pipes = inner.replace("｜", "|")
    if pipes.strip("|").count("|") >= 2 and not re.search(r"[。；;]", inner):
        # cells apart by | (a portal's rendering: 序号 | 领域 | 指标 | 2020年 | 2025年; empty cells kept)
        cells = [c.strip() for c in pipes.strip().strip("|").split("|")]
        if sum(1 for c in cells if c) >= 3:
            return cells
    if "  " in inner and not re.search(r"[。；;]", inner):
        cells = [c.strip() for c in inner.split("  ")]
        if sum(1 for c in cells if c) >= 3:
            return cells
    return None


_PIECE = regex(r"\S+(?: \S+)*")  # a cell of a space-aligned line: text apart from the next by two spaces or more


def _display_width(text: str) -> int:
    """Columns a monospaced editor gives the text: two for a Chinese or full-width character, one for the rest."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def aligned_pieces(text: str) -> list[tuple[int, str]] | None:
    """(display column, text) of each cell of a line laid out with runs of spaces; None for a line with tabs or one piece."""
    if "\t" in text:
        return None
    text = text.rstrip().replace("\u3000", "  ")
    pieces = [(_display_width(text[: m.start()]), m.group(0)) for m in _PIECE.finditer(text)]
    return pieces if len(pieces) >= 2 else None


def _aligned_cells(text: str, starts: list[int], tolerance: int = 2) -> list[str] | None:
    """A row of a space-aligned table cut at its header's columns (领域 only on a domain's first row: that cell empty).

    Each piece goes to the column whose header starts at it (give or take
    `tolerance`); None when a piece stands under no header cell (prose, not a row).
    """
    text = text.rstrip().replace("\u3000", "  ")
    if not text.strip() or "\t" in text:
        return None
    pieces = list(_PIECE.finditer(text))
    if len(pieces) == 1 and _display_width(text[: pieces[0].start()]) <= starts[0] + tolerance and len(starts) > 1:
        return None  # one run of words from the left margin: a heading or a sentence after the table, not a row
    cells = [""] * len(starts)
    for match in pieces:
        position = _display_width(text[: match.start()])
        k = max((j for j, start in enumerate(starts) if start <= position + tolerance), default=None)
        if k is None or (position - starts[k] > tolerance and k + 1 < len(starts) and cells[k]):
            return None
        cells[k] = f"{cells[k]} {match.group(0)}".strip()
    for k in range(len(cells) - 1):  # 筛查率（%）63.5 and an empty cell after it: the value lost its spaces
        glued = _GLUED_VALUE.match(cells[k])
        if glued and not cells[k + 1]:
            cells[k], cells[k + 1] = glued.group("name"), glued.group("value")
    return cells


# a name ending in its unit in brackets, then a value run on (适龄妇女宫颈癌人群筛查率（%）63.5)
_GLUED_VALUE = regex(r"^(?P<name>.*[\u4e00-\u9fff].*[（(][^（）()]{1,8}[)）])\s*(?P<value>[0-9]+(?:\.[0-9]+)?|[—－-]+)$")


_YEAR_CELL = regex(r"^(?:19|20)\d\d\s*年(?:度)?$")


def _stacked_above(lines: list[Src], i: int, pieces: list[tuple[int, str]]) -> tuple[int, list[str]] | None:
    """(index, cells) of a header laid out in columns whose cells wrap over two lines, the years above the words
    (pdftotext -layout: `2020 年` over `基期值`, `2025 年` over `目标值`): each year over the one header cell it overlaps,
    the line above holding nothing else. The cells are the two lines' words joined (2020年基期值)."""
    k = i - 1
    while k >= 0 and k >= i - 2 and lines[k].blank and lines[k].cells is None:
        k -= 1
    if k < 0 or lines[k].cells is not None or lines[k].blank:
        return None
    upper = aligned_pieces(lines[k].text)
    if upper is None or not all(_YEAR_CELL.match(word.replace(" ", "")) for _, word in upper):
        return None
    cells = [word for _, word in pieces]
    spans = [(start, start + _display_width(word)) for start, word in pieces]
    for start, word in upper:
        end = start + _display_width(word)
        over = [n for n, (a, b) in enumerate(spans) if min(b, end) - max(a, start) > 0]
        if len(over) != 1:
            return None
        cells[over[0]] = word.replace(" ", "") + cells[over[0]]
    return k, cells


def _column_bounds(lines: list[Src], i: int, pieces: list[tuple[int, str]]) -> list[int] | None:
    """Where each column of a table laid out in columns of spaces begins, when its values stand centred or
    right-aligned under their header cells rather than at their first column (pdftotext -layout of a PDF's table:
    2020年基期值 over a 4.5 four columns further right): the middle of the gap between two header cells. A table only
    when its first two rows below cut there into a value under every value column (the first row's name may be
    alone only if a domain cell stands before it), no piece between two columns."""
    bounds = [pieces[0][0]]
    for (left, word), (right, _) in zip(pieces, pieces[1:], strict=False):
        end = left + _display_width(word)
        if right - end < 2:
            return None
        bounds.append((end + right + 1) // 2)
    rows = [line for line in lines[i + 1 : i + 6] if not line.blank][:2]
    if len(rows) < 2:
        return None
    for line in rows:
        if line.cells is not None or "\t" in line.text:
            return None
        cells = _aligned_cells(line.text, bounds, 0)
        if cells is None or sum(1 for c in cells[1:] if re.search(r"[0-9]", c)) < 2:
            return None
    return bounds


def _lines_up(text: str, starts: list[int], tolerance: int = 2) -> bool:
    """Every cell of the line starts under a cell of the header: the table is laid out in columns, not just spaced."""
    pieces = aligned_pieces(text)
    return pieces is not None and all(any(abs(p - s) <= tolerance for s in starts) for p, _ in pieces)


def find_tables(lines: list[Src], period: tuple[int, int] | None) -> list[Table]:
    tables: list[Table] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        if i in used:
            i += 1
            continue
        labelled = _labelled_table(lines, i, period)
        if labelled is not None:  # 序号：3｜领域：…｜指标：…｜2020年：2.1｜2025年目标：≤2.0, a record per line
            tables.append(labelled)
            used |= labelled.indices
            i = max(labelled.indices) + 1
            continue
        card = _card_table(lines, i, period)
        if card is not None:  # 指标名称 | 孕产妇死亡率, 目标值（2025年）| 控制在10/10万以下, …: one indicator's card
            tables.append(card)
            used |= card.indices
            i = max(card.indices) + 1
            continue
        cells = row_cells(lines[i])
        starts = None
        spaced = False
        ordered = False  # rows whose cells stand apart by runs of spaces, in the header's order but not under it
        above = None  # the upper line of a header laid out in columns over two lines (2020 年 over 基期值)
        if cells is None and lines[i].cells is None:
            cells = _spaced_header(lines, i)
            spaced = cells is not None
        if cells is not None and lines[i].cells is None and not spaced:
            pieces = _pieces_joined(aligned_pieces(lines[i].text))  # 序号　指　标　…单位: an OCR'd header spaced out
            if pieces is not None and len(pieces) >= 3 and header_columns([p for _, p in pieces]) is not None:
                below = next((line for line in lines[i + 1 : i + 3] if not line.blank), None)
                if below is not None and below.cells is None and _lines_up(below.text, [p for p, _ in pieces]):
                    cells, starts = [p for _, p in pieces], [position for position, _ in pieces]
                elif (bounds := _column_bounds(lines, i, pieces)) is not None:
                    cells, starts = [p for _, p in pieces], bounds
                elif _ordered_rows_below(lines, i, [p for _, p in pieces]):
                    cells, ordered = [p for _, p in pieces], True
                if starts is not None and (stacked := _stacked_above(lines, i, pieces)) is not None:
                    above, cells = stacked
        if cells is not None:
            columns = header_columns(cells) or _header_by_content(cells, lines, i, period)
            if columns is not None:
                start = i if above is None else above
                upper_row = _upper_header_row(lines, i, cells) if above is None else None
                if upper_row is not None:  # 规划目标值 | 监测值 over 2025年 | 2021年 | 2022年: the header's upper row
                    start, upper = upper_row
                    columns = combine_rows(upper, cells, lines[i].merged)
                j = i + 1
                while j < len(lines) and j <= i + 2 and lines[j].blank and lines[j].cells is None:
                    j += 1  # a box-drawn header's inner rule line (├──┬──┤ under 目标值) stands between its rows
                if j < len(lines):
                    below = row_cells(lines[j])
                    # the cells merged down from the row above (序号, 指标 over both rows) are the upper row's
                    own_cells = None if below is None else [
                        "" if lines[j].merged and k < len(lines[j].merged) and lines[j].merged[k] else c
                        for k, c in enumerate(below)
                    ]
                    if below is not None and is_sub_header(below, lines[j].merged, cells) and header_columns(own_cells or []) is None:
                        columns = combine_rows(cells, below, lines[j].merged)
                        i = j
                        third = _third_header_row(lines, j, cells, below)
                        if third is not None:  # 目标值 over 2025年 | 2030年, each over 全国 | 本县
                            middle, lower = third
                            columns = combine_rows(middle, lower, lines[j + 1].merged)
                            i = j + 1
                columns = _targets_by_content(columns, lines, i, period)
                table = _row_table(
                    lines, i, own_by_level(settle_years(columns, period), period), start, starts, spaced, ordered
                )
                table.caption_domain = _caption_domain(lines, start)
                tables.append(table)
                used |= table.indices
                i = max(table.indices) + 1
                continue
        turned = _transposed_table(lines, i, period)
        if turned is not None:  # the indicators across the header, the years down the first column
            tables.append(turned)
            used |= turned.indices
            i = max(turned.indices) + 1
            continue
        found = _cell_header(lines, i)
        if found is not None:
            end, columns, tabbed = found
            table = _cell_table(lines, i, end, own_by_level(settle_years(columns, period), period), tabbed)
            tables.append(table)
            used |= table.indices
            i = max(table.indices) + 1
            continue
        by_columns = _column_major_table(lines, i, period)
        if by_columns is not None:
            tables.append(by_columns)
            used |= by_columns.indices
            i = max(by_columns.indices) + 1
            continue
        i += 1
    for table, after in zip(tables, tables[1:]):
        if table.indices and after.indices and max(table.indices) + 1 == min(after.indices) and (
            [c.header for c in table.columns] == [c.header for c in after.columns]
        ):
            # the left half of a table printed as two side by side: the note under the right half is both halves'
            table.bare = table.bare or after.bare
            table.slash = table.slash or after.slash
            table.note_years = table.note_years or after.note_years
            table.bracket_note = table.bracket_note or after.bracket_note
            table.note_base_year = table.note_base_year or after.note_base_year
    for table in tables:
        table.first_year = period[0] if period else None
        first, last = min(table.indices, default=0), max(table.indices, default=0)
        table.code_domains = _code_domains(lines, last + 1, max(first - 2, 0)) if _CODED.search(" ".join(
            lines[k].text for k in sorted(table.indices)[:3])) else {}
    return tables


def _upper_header_row(lines: list[Src], i: int, cells: list[str]) -> tuple[int, list[str]] | None:
    """The upper row of a two-row header whose lower row alone reads as a header (规划目标值 | 基数 | 监测值 over
    2025年 | 2020年 | 2021年 | 2022年, 序号 and 指标名称 merged down over both rows): the row right above, when a cell
    of this row is merged down from it and this row is a sub-header under it. Its words say what the years below
    are (监测值 over 2021年: values monitored, never targets); read alone, the lower row took every year for a target.
    """
    merged = lines[i].merged
    if not merged or i == 0:
        return None
    k = i - 1
    if lines[k].blank or lines[k].cells is None or lines[k].sheet != lines[i].sheet:
        return None
    upper = lines[k].cells
    if len({squeeze(c) for c in upper if c.strip()}) < 3 or header_columns(upper) is not None:
        return None
    spans_both = any(
        merged[n] and cell.strip() and n < len(upper) and squeeze(upper[n]) == squeeze(cell)
        for n, cell in enumerate(cells[: len(merged)])
    )
    if not spans_both or not is_sub_header(cells, merged, upper):
        return None
    return k, upper


def _code_domains(lines: list[Src], after: int, start: int) -> dict[str, str]:
    """The domain each indicator-code prefix stands for, as a legend above or under the table maps it
    (说明：JK—儿童与健康，FL—儿童与福利; 注：JK为健康领域): a table with codes and no domain column names its rows' domains so."""
    found: dict[str, str] = {}
    for k in range(start, min(after + 3, len(lines))):  # a legend's row may be the table's own last row
        text = lines[k].text if lines[k].cells is None else " ".join(dict.fromkeys(c for c in lines[k].cells if c))
        for match in _CODE_LEGEND.finditer(fold(text)):
            found.setdefault(match.group("code").upper(), match.group("domain").removesuffix("领域") or match.group("domain"))
    return found if len(found) >= 2 or any(rules().domain_pattern.match(d) for d in found.values()) else {}


_CODE_LEGEND = regex(
    r"(?<![A-Za-z])(?P<code>[A-Za-z]{1,4})\s*(?:[—–\-－:：=]+|代表|表示|为|指)\s*(?P<domain>[\u4e00-\u9fff]{2,10}?)(?=领域|[，,；;。、\s]|$)"
)
_CODED = regex(r"(?<![A-Za-z])[A-Za-z]{1,4}[-－_—.]?\d{1,3}(?!\d)")  # a code among the table's first rows
_CODE = regex(r"^\s*(?P<code>[A-Za-z]{1,4})\s*[-－_—.]?\s*\d{1,3}\s*$")


def _header_by_content(cells: list[str], lines: list[Src], i: int, period: tuple[int, int] | None) -> list[Column] | None:
    """A header naming its indicator column in words but its target column in words no vocabulary has (期末值, 2030年
    预期, 终点目标): the columns, when the rows below show which column holds the plan's targets (`_targets_by_content`)."""
    if lines[i].cells is None or sum(bool(c.strip()) for c in cells) < 3 or any(
        re.search(r"[0-9０-９]", _YEAR_LABEL_IN.sub("", c)) for c in cells
    ):
        return None
    tasks = rules().task_columns
    if any(tasks.get(squeeze(c)) not in (None, "number", "label") for c in cells):
        return None  # 重点任务 | 量化要求 | 牵头单位: a table of the plan's tasks, read as its text
    columns = [column_of(c) or Column("other", header=c.strip()) for c in cells]
    if not any(c.role == "indicator" for c in columns):
        # the indicator's column in words no vocabulary has (监测内容): the first whose cells below are all names
        rows = _rows_below(lines, i)
        for k, column in enumerate(columns):
            written = [row[k] for row in rows if k < len(row) and row[k].strip()]
            if column.role == "other" and len(written) >= 2 and len(written) == len(rows) and all(
                _CJK_NAME.search(w) and not _COMPARED.search(fold(w)) for w in written
            ) and len(set(written)) == len(written):
                columns[k] = Column("indicator", None, column.header)
                break
        else:
            return None
    columns = _targets_by_content(columns, lines, i, period)
    return columns if is_header(columns) else None


def _rows_below(lines: list[Src], i: int) -> list[list[str]]:
    """The cells of the rows under a header (a dozen at most, up to a line of no cells or another sheet)."""
    rows: list[list[str]] = []
    for line in lines[i + 1 : i + 13]:
        if line.blank:
            continue
        if line.cells is None or line.sheet != lines[i].sheet:
            break
        rows.append(line.cells)
    return rows


def _targets_by_content(columns: list[Column], lines: list[Src], i: int, period: tuple[int, int] | None) -> list[Column]:
    """The plan's target column told by what its cells hold, when no header word names one (2020年 | 规划值, 基期 |
    期末值): the column of unknown header after the indicator's whose cells carry a comparator (≤3.0, 95%以上, 达到90%)
    in most of the rows below — header words only break ties: a column a parent's or a level's word names (国家纲要,
    省级) is the parent's, never the plan's; a remarks column is never promoted. Nothing changes when a column is the
    plan's target by its header (目标值, a year of the period)."""
    own = any(c.role == "target" for c in columns) or any(
        c.role == "year" and (period is None or c.year is None or c.year >= period[0]) for c in columns
    )
    indicator = next((k for k, c in enumerate(columns) if c.role == "indicator"), None)
    if indicator is None or lines[i].cells is None:
        return columns
    rows = _rows_below(lines, i)
    out = list(columns)
    r = rules()
    baseline = any(c.role == "baseline" for c in columns)
    for k, column in enumerate(columns):
        key = squeeze(column.header)
        if column.role != "other" or k <= indicator or not key or key in r.table_remark_columns:
            continue
        written = [row[k] for row in rows if k < len(row) and squeeze(row[k]) not in r.empty_cells]
        compared = [w for w in written if _COMPARED.search(fold(w)) and re.search(r"[0-9]", fold(w))]
        year = _YEAR_LABEL_IN.search(key)
        if (
            not baseline and year is not None and period is not None and int(year.group(0)[:4]) < period[0]
            and len(written) >= 2 and all(_BARE_NUMBER.match(fold(w)) for w in written)
        ):  # 2020年数据: numbers of a year before the plan's period, its baseline
            out[k] = Column("baseline", int(year.group(0)[:4]), column.header)
            baseline = True
            continue
        if own or len(compared) < 2 or 2 * len(compared) < len(written) + 1:
            continue
        parent = any(m in key for m in r.table_parent_markers) or any(key.startswith(n) for n in r.national_names) or (
            (level_rank(column.header) or 0) > 0
        )
        out[k] = Column("parent" if parent else "target", int(year.group(0)[:4]) if year else None, column.header)
    return out


_CJK_NAME = regex(r"[\u4e00-\u9fff]{3}")
_BARE_NUMBER = regex(r"^\s*\d+(?:\.\d+)?\s*[%‰]?\s*$")
_YEAR_LABEL_IN = regex(r"(?:19|20)\d{2}(?=\s*年|\b|$)")
_COMPARED = regex(r"[≥≤<>≧≦]|以上|以下|以内|不低于|不高于|不超过|不少于|不多于|达到|控制在|保持在|降至|降到|提高到|提升到|左右")


# A table exported as one record per line, each cell after its column's label: 序号：3｜领域：儿童与健康｜指标：…｜
# 2020年：2.1｜2025年目标：≤2.0 (fields apart by ｜, |, ；, a tab or a run of spaces), or 【指标】…【目标值】… .
_RECORD_FIELD = regex(r"^\s*(?P<label>[^：:，。；｜|【】\s][^：:，。；｜|【】]{0,11}?)\s*[：:]\s*(?P<value>.*?)\s*$")
_RECORD_APART = regex(r"\s*[｜|；;\t]\s*|\s{2,}|\u3000+")
_BRACKETED_FIELD = regex(r"【(?P<label>[^【】]{1,12})】(?P<value>[^【】]*)")


def labelled_record(text: str) -> list[tuple[str, str]] | None:
    """(label, value) of each field of a record written with its labels; None for a line that is not one (three
    fields at least, every piece of the line a field)."""
    stripped = text.strip()
    if stripped.startswith("【"):
        fields = [(m.group("label").strip(), m.group("value").strip()) for m in _BRACKETED_FIELD.finditer(stripped)]
        if len(fields) >= 3 and "".join(f"【{a}】{b}" for a, b in fields).replace(" ", "") == stripped.replace(" ", ""):
            return fields
        return None
    pieces = [p for p in _RECORD_APART.split(stripped) if p]
    if len(pieces) < 3:
        return None
    fields = []
    for piece in pieces:
        match = _RECORD_FIELD.match(piece)
        if match is None:
            return None
        fields.append((match.group("label"), match.group("value")))
    return fields


def _labelled_table(lines: list[Src], start: int, period: tuple[int, int] | None) -> Table | None:
    """A run of records whose labels name an indicator table's columns, read as its rows: each value under the
    column its label names, whatever order a record gives its fields in or which it leaves out (the columns are
    the labels of the whole run, in the order they first stand)."""
    if lines[start].cells is not None or labelled_record(lines[start].text) is None:
        return None
    run: list[tuple[int, list[tuple[str, str]]]] = []
    i = start
    while i < len(lines):
        line = lines[i]
        record = labelled_record(line.text) if line.cells is None and not line.blank else None
        if record is not None:
            run.append((i, record))
        elif not (line.blank and line.cells is None):
            break
        i += 1
    labels: list[str] = []
    for _, record in run:
        labels += [label for label, _ in record if squeeze(label) not in {squeeze(x) for x in labels}]
    columns = header_columns(labels)
    if columns is None:
        return None
    index = {squeeze(label): k for k, label in enumerate(labels)}
    line = lines[start]
    table = Table(own_by_level(settle_years(columns, period), period), [], set(range(start, run[-1][0] + 1)), line.number)
    for k, record in run:
        row = [Cell("", lines[k].number, locator=lines[k].locator) for _ in labels]
        for label, value in record:
            row[index[squeeze(label)]].text = value
        table.rows.append(row)
    table.bare = _bare_from_notes(lines, run[-1][0] + 1, start)
    return table


def _card_table(lines: list[Src], start: int, period: tuple[int, int] | None) -> Table | None:
    """An indicator's card: a table of two columns, a label and its value per row (指标名称 | 孕产妇死亡率,
    目标值（2025年） | 控制在10/10万以下, 上级目标（龙岩市） | ≤10/10万, 2020年基数 | 8.73/10万, 计算方法 | …×100%),
    as a booklet of indicator definitions (主要指标解释) gives one per indicator. Read as one row of an indicator
    table whose columns its labels name: only the target's cell holds the plan's target; a label naming no column
    of `table_columns` (计算方法, 指标解释: `card_other_labels`) holds text whose numbers are no target. None unless
    the first row names the indicator and a later one the target."""
    line = lines[start]
    if line.cells is None or len(line.cells) != 2 or not line.cells[1].strip():
        return None
    first = column_of(line.cells[0])
    if first is None or first.role != "indicator":
        return None
    labels: list[tuple[int, Column]] = [(start, first)]
    j = start + 1
    while j < len(lines) and lines[j].cells is not None and len(lines[j].cells or []) == 2 and lines[j].sheet == line.sheet:
        label = (lines[j].cells or [""])[0]
        column = column_of(label)
        if column is None and squeeze(label) in rules().card_other_labels:
            column = Column("other", header=label.strip())
        if column is None or column.role == "indicator":
            break
        labels.append((j, column))
        j += 1
    if not any(c.role in ("target", "year") for _, c in labels):
        return None
    columns = [column for _, column in labels]
    row: list[Cell] = []
    for index, _ in labels:
        source = lines[index]
        cells, percent, locators = source.cells or [], source.percent or [], source.cell_locators or []
        row.append(Cell(cells[1], source.number, percent=len(percent) > 1 and percent[1], locator=locators[1] if len(locators) > 1 else None))
    settled = own_by_level(settle_years(columns, period), period)
    return Table(settled, [row], set(range(start, j)), line.number, exact_merges=line.merged is not None)


def _transposed_table(lines: list[Src], start: int, period: tuple[int, int] | None) -> Table | None:
    """An indicator table laid on its side: a row naming the indicators (项目 | 婴儿死亡率（‰） | 学前三年毛入园率（%）),
    then a row per year or role whose first cell is a column word (2020年, 2025年目标, 目标值, 单位). Read as the table it
    turns: a row per indicator, a column per such row. None for any other rows."""
    line = lines[start]
    if line.cells is None:
        return None
    names = [c.strip() for c in line.cells[1:]]
    if len([n for n in names if n]) < 2 or any(n and (not _CJK.search(n) or column_of(n) is not None) for n in names):
        return None
    labels: list[tuple[int, Column]] = []
    j = start + 1
    while j < len(lines) and lines[j].cells is not None and lines[j].sheet == line.sheet:
        column = column_of(lines[j].cells[0]) if lines[j].cells else None
        if column is None or column.role not in ("year", "baseline", "target", "parent", "unit", "domain"):
            break  # a row per year or role; a unit's or a domain's row (单位 | ‰ | %) says that of each indicator
        labels.append((j, column))
        j += 1
    columns = [Column("indicator", header=line.cells[0].strip()), *(column for _, column in labels)]
    if len(labels) < 2 or not any(c.role in ("year", "target") for c in columns):
        return None
    rows: list[list[Cell]] = []
    for k, name in enumerate(names, start=1):
        if not name:
            continue
        header_locators = line.cell_locators or []
        row = [Cell(name, line.number, locator=header_locators[k] if k < len(header_locators) else None)]
        for index, _ in labels:
            source = lines[index]
            cells, percent = source.cells or [], source.percent or []
            locators = source.cell_locators or []
            row.append(Cell(
                cells[k] if k < len(cells) else "", source.number,
                percent=k < len(percent) and percent[k], locator=locators[k] if k < len(locators) else None,
            ))
        rows.append(row)
    settled = own_by_level(settle_years(columns, period), period)
    return Table(settled, rows, set(range(start, j)), line.number, exact_merges=line.merged is not None)


def _caption_domain(lines: list[Src], start: int) -> str | None:
    """The domain the line right above a table's header names: a sheet's caption's (…监测指标——儿童与健康), or the
    domain a caption naming the plan left there."""
    j = start - 1
    while j >= 0 and lines[j].blank and lines[j].sheet == lines[start].sheet:
        j -= 1
    if j < 0 or lines[j].sheet != lines[start].sheet:
        return None
    cells = [c for c in lines[j].cells or [lines[j].text] if c.strip()]
    if not cells or len(set(cells)) != 1:
        return None
    return caption_domain(cells[0]) or domain_row(cells)


def _spaced_header(lines: list[Src], i: int) -> list[str] | None:
    """A header whose cells stand apart by single spaces (序号 指标 单位 2020年 2025年目标 属性), as a 文库
    export writes a table: only when the next line splits into as many cells, so prose is never a table.

    A header cell spaced out letter by letter (an OCR'd scan: 序号 指 标 单位) is one cell where the
    letters joined make a column word.
    """
    words = _letters_joined(lines[i].text.split())
    if len(words) < 4 or re.search(r"[。；;，,：:]", lines[i].text) or header_columns(words) is None:
        return None
    below = next((line for line in lines[i + 1 : i + 3] if not line.blank), None)
    if below is None or below.cells is not None or _spaced_row(below.text, header_columns(words) or []) is None:
        return None
    return words


def _pieces_joined(pieces: list[tuple[int, str]] | None) -> list[tuple[int, str]] | None:
    """Aligned header pieces with letter-spaced cells joined (指　标 → 指标), each at its first letter's column."""
    if pieces is None:
        return None
    out: list[tuple[int, str]] = []
    k = 0
    for word in _letters_joined([p for _, p in pieces]):
        start, taken = pieces[k][0], ""
        while taken != word:
            taken += pieces[k][1]
            k += 1
        out.append((start, word))
    return out


def _letters_joined(words: list[str]) -> list[str]:
    """Runs of single Chinese characters (指 标, 单 位) joined where the longest join is a column word."""
    out: list[str] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and len(words[j]) == 1 and "\u4e00" <= words[j] <= "\u9fff":
            j += 1
        joined = next((k for k in range(j, i + 1, -1) if column_of("".join(words[i:k])) is not None), None)
        if joined is not None:
            out.append("".join(words[i:joined]))
            i = joined
        else:
            out.append(words[i])
            i += 1
    return out


# a decimal an OCR engine split after its point (52. 6): one number
_SPLIT_DECIMAL = regex(r"(?<![0-9])([0-9]+[.．])\s+(?=[0-9])")


def _spaced_row(text: str, columns: list[Column]) -> list[str] | None:
    """A row of single-space cells under a spaced header: as many cells as the header has.

    A decimal split after its point (52. 6) is one cell; where the row has more
    words than the header cells, the extra words are the indicator's name spaced
    apart (孕产妇 死亡率), when they hold no digit.
    """
    words = _SPLIT_DECIMAL.sub(r"\1", text).split()
    width = len(columns)
    extra = len(words) - width
    name = next((k for k, c in enumerate(columns) if c.role == "indicator"), None)
    if extra > 0 and name is not None and not any(re.search(r"[0-9]", w) for w in words[name : name + extra + 1]):
        words = words[:name] + ["".join(words[name : name + extra + 1])] + words[name + extra + 1 :]
    return words if len(words) == width else None


# a row number glued to the name after it (4 | 0—6岁…: the table's rule read as a bar; 4 0—6岁…: one space left)
_GLUED_NUMBER = regex(r"^(?P<number>[0-9]{1,3})(?:\s*[|｜丨│]\s*|\s)(?P<rest>\S.*)$")


def _ordered_row(text: str, columns: list[Column]) -> list[str] | None:
    """A row of a table laid out with runs of spaces whose cells stand in the header's order but not under its cells
    (an OCR'd fax: the header spaced wider than the rows, a value after a long name pushed right): its pieces, as
    many as the header has cells. A row number glued to the name (4 | 0—6岁…) and a value glued to the name's unit
    bracket (…覆盖率（%）93.4, the spaces between them lost) are split off first; the row number must be one."""
    pieces = [piece for _, piece in aligned_pieces(text) or []]
    width = len(columns)
    number = next((k for k, c in enumerate(columns) if c.role == "number"), None)
    name = next((k for k, c in enumerate(columns) if c.role == "indicator"), None)
    if not pieces or name is None:
        return None
    if len(pieces) < width and number == 0 and name == 1 and (glued := _GLUED_NUMBER.match(pieces[0])):
        pieces[0:1] = [glued.group("number"), glued.group("rest")]
    if len(pieces) < width and name < len(pieces) and (value := _GLUED_VALUE.match(pieces[name])):
        pieces[name : name + 1] = [value.group("name"), value.group("value")]
    if len(pieces) != width or (number is not None and not re.fullmatch(r"[0-9]{1,3}", pieces[number])):
        return None
    return pieces


def _ordered_rows_below(lines: list[Src], i: int, header: list[str]) -> bool:
    """The two lines under a space-aligned header read as rows in its order (`_ordered_row`), each with a number in
    a cell after the name: a table, though its columns do not stand under the header's."""
    columns = header_columns(header)
    if columns is None or not any(c.role == "number" for c in columns):
        return False
    name = next((k for k, c in enumerate(columns) if c.role == "indicator"), len(columns))
    rows = [line for line in lines[i + 1 : i + 5] if not line.blank][:2]
    if len(rows) < 2:
        return False
    for line in rows:
        cells = None if line.cells is not None else _ordered_row(line.text, columns)
        if cells is None or not any(re.search(r"[0-9]", c) for c in cells[name + 1 :]):
            return False
    return True


def _third_header_row(lines: list[Src], j: int, top: list[str], sub: list[str]) -> tuple[list[str], list[str]] | None:
    """A third header row under a two-row header, as (the two upper rows as one, the third), else None.

    A Word table whose target header spans the horizons and each horizon spans whose values it gives (目标值 over
    2025年 | 2030年, each over 全国 | 本县): the lower rows are read as a two-row header, the upper ones folded into
    one (a column's lowest label above the third row: 2025年, 序号 for a cell merged down)."""
    if j + 1 >= len(lines) or lines[j + 1].cells is None:
        return None
    lower = row_cells(lines[j + 1])
    if lower is None:
        return None
    width = max(len(top), len(sub))
    middle = [
        (sub[k] if k < len(sub) and sub[k].strip() else "") or (top[k] if k < len(top) else "") for k in range(width)
    ]
    own = ["" if lines[j + 1].merged and k < len(lines[j + 1].merged) and lines[j + 1].merged[k] else c for k, c in enumerate(lower)]
    if not is_sub_header(lower, lines[j + 1].merged, middle) or header_columns(own) is not None:
        return None
    return middle, lower


def _row_table(
    lines: list[Src],
    last_header: int,
    columns: list[Column],
    start: int,
    starts: list[int] | None = None,
    spaced: bool = False,
    ordered: bool = False,
) -> Table:
    table = Table(
        columns, [], set(range(start, last_header + 1)), lines[start].number, exact_merges=lines[start].merged is not None,
        starts=starts,
    )
    width = len(columns)
    i = last_header + 1
    while i < len(lines):
        line = lines[i]
        if line.table_sentence or _sentence_across(line, columns):
            line.table_sentence = True  # a sentence of the plan among the indicator rows: text, the table goes on
            i += 1
            continue
        if starts is not None and line.cells is None:
            cells = _aligned_cells(line.text, starts)
        elif spaced and line.cells is None:  # a row of single-space cells: as many words as the header has
            cells = _spaced_row(line.text, columns)
        elif ordered and line.cells is None:  # cells apart by runs of spaces, as many as the header has, in its order
            cells = _ordered_row(line.text, columns)
        else:
            cells = row_cells(line)
        if cells is None or (
            starts is None and line.cells is None and "\t" not in line.text and len(cells) < width - 1
        ):
            if _row_between_rows(lines, i, columns, starts, spaced, width):
                # a row whose tabs were lost (2\t5岁以下…（‰）6.2 ≤5.0): listed, the table goes on
                table.unread.append(
                    RowProblem(line.number, " ".join(line.text.split()), said("extract.reason.row-not-understood"), line.locator)
                )
                table.indices.add(i)
                i += 1
                continue
            if line.blank:
                # a blank line between rows; the table goes on if a row follows
                j = i + 1
                while j < len(lines) and lines[j].blank and lines[j].cells is None:
                    j += 1
                if j < len(lines) and row_cells(lines[j]) is not None and header_columns(row_cells(lines[j]) or []) is None:
                    table.indices.update(range(i, j))
                    i = j
                    continue
            break
        if header_columns(cells) is not None or line.sheet != lines[start].sheet:
            break  # another table's header, or the next worksheet (序号 | 目标内容 on a sheet of its own)
        merged = line.merged or [False] * len(cells)
        spanned = line.spanned or []
        percent = line.percent or [False] * len(cells)
        numbers = line.cell_numbers or []
        locators = line.cell_locators or []
        parts = line.cell_parts or []
        row = [
            _with_parts(
                Cell(
                    c,
                    numbers[k] if k < len(numbers) else line.number,
                    merged[k] if k < len(merged) else False,
                    k < len(spanned) and spanned[k],
                    percent[k] if k < len(percent) else False,
                    locators[k] if k < len(locators) else None,
                ),
                parts[k] if k < len(parts) else None,
            )
            for k, c in enumerate(cells)
        ]
        if not table.exact_merges and table.rows and _continues(row, table.rows[-1], columns):
            _join(table.rows[-1], row)  # a long name or a target cell continued on a row of its own
        else:
            table.rows.append(row)
        table.indices.add(i)
        i += 1
    table.bare = _bare_from_notes(lines, i, start)
    table.note_base_year = _base_year_from_notes(lines, i, start)
    table.slash = _slash_from_notes(lines, i, start)
    table.note_years = _years_from_notes(lines, i, start)
    table.bracket_note = _bracket_note_from_notes(lines, i, start)
    return table


# two numbers apart by a space in one value cell (92 95): two cells run together, not one number
_TWO_VALUES = regex(r"[0-9*＊][%‰]?[ \u3000]+[≤≥<>＜＞]?[0-9*＊]")  # spaces only: 90 over 92 (a line each) is a value per line


def _row_between_rows(lines: list[Src], i: int, columns: list[Column], starts: list[int] | None, spaced: bool, width: int) -> bool:
    """A line that looks like a row (a row number first, a digit in it) with a row of the table's columns after it."""
    line = lines[i]
    if line.cells is not None or line.blank or not _ROW_START.match(line.text) or not re.search(r"[0-9*＊]", line.text[2:]):
        return False
    j = i + 1
    while j < len(lines) and _ROW_START.match(lines[j].text) and not lines[j].blank:
        cells = row_cells(lines[j]) if starts is None and not spaced else None
        if cells is not None and len(cells) >= width - 1 and header_columns(cells) is None:
            return True
        j += 1  # a run of broken rows before the next whole one
    return False


_ACROSS_ROLES = ("unit", "baseline", "target", "parent", "year")


def _sentence_across(line: Src, columns: list[Column]) -> bool:
    """A row holding a sentence of the plan where the indicator rows hold values: its name cell (指标/目标任务)
    merged across every value column, or a sentence (…控制在8%以下，…。) beside empty value cells, with a number in
    it. Neither a domain row nor a row naming a section (策略措施中的量化任务), which the table reads itself."""
    cells, merged, spanned = line.cells, line.merged or [], line.spanned or []
    name = next((k for k, c in enumerate(columns) if c.role == "indicator"), None)
    if cells is None or name is None or name >= len(cells) or (name < len(merged) and merged[name]):
        return False
    text = cells[name].strip()
    if not text and name < len(spanned) and spanned[name]:
        # the name cell covered by a cell spanning it from the left (— | 策略措施 | 每年…不少于5000人。 across
        # 主要目标（规划原文） and every column after it): that cell's sentence
        left = next((k for k in range(name - 1, -1, -1) if not (k < len(spanned) and spanned[k])), None)
        if left is not None and not (left < len(merged) and merged[left]) and _SENTENCE.search(cells[left].strip()):
            text = cells[left].strip()
    values = [k for k, c in enumerate(columns) if c.role in _ACROSS_ROLES and k > name]
    if not text or not values or not re.search(r"[0-9*＊]", text) or not _CJK.search(text):
        return False

    sentence = bool(_SENTENCE.search(text))

    def covered(k: int) -> bool:
        if k >= len(cells):
            return sentence  # a sentence, the row's cells ending before the value columns
        if not cells[k].strip() and (sentence or (k < len(spanned) and spanned[k])):
            return True  # a sentence beside empty value cells; a Word cell spanning the columns to its right
        return k < len(merged) and merged[k] and cells[k].strip() == text

    if not all(covered(k) for k in values):
        return False
    return domain_row([c for c in cells if c.strip()]) is None and _section_row(text) is None


_CJK = regex(r"[\u4e00-\u9fff]")
_CHANGE_CELL = regex(r"[≥≧]?[0-9]+(?:\.[0-9]+)?%?(?:以上)?")  # a change's size alone (10, ≥10%)


def _change_named(name: str) -> tuple[str, str] | None:
    """(the measure, rel_decrease / rel_increase) of an indicator named by the change of a measure
    (儿童伤害死亡率下降幅度: `table_change_names`); None for any other name."""
    key = squeeze(name)
    for word, op in rules().table_change_names:
        if key.endswith(word) and len(key) > len(word) + 1:
            return key[: -len(word)], op
    return None


_BARE_RATIO = regex(r"[0-9]+(?:\.[0-9]+)?[:：][0-9]+(?:\.[0-9]+)?")  # a target cell holding a ratio and nothing else
_SENTENCE = regex(r"[，,；;]|[。；;]\s*$")  # a name cell holding clauses, or ending as a sentence ends: no indicator's name


def _without_note_mark(cell: Cell) -> str:
    text = rules().table_note_mark.sub("", cell.text)
    if text != cell.text:
        cell.breaks = tuple(b for b in cell.breaks if b < len(text))
    return text


def _with_parts(cell: Cell, parts: list[tuple[int, int, bool]] | None) -> Cell:
    """A cell made of several text nodes (.html): each node's line, and where the cell's own lines start."""
    if parts:
        cell.spans = [(offset, number) for offset, number, _ in parts if number]
        cell.breaks = tuple(offset for offset, _, starts_line in parts if starts_line and 0 < offset < len(cell.text))
    return cell


_VALUE_ROLES = ("baseline", "target", "parent", "year")


def _continues(row: list[Cell], previous: list[Cell], columns: list[Column]) -> bool:
    """A text row that only continues the row above: a name's last part (`\t（％）\t\t`), a target cell's second line.

    Its number and domain cells are empty; either it fills the name alone (no
    value beside it), or it has no name and each of its cells continues a cell
    the row above fills.
    """
    filled = [k for k, c in enumerate(row) if c.text.strip()]
    if not filled:
        return False
    role = [columns[k].role if k < len(columns) else "other" for k in range(len(row))]
    if any(role[k] in ("number", "domain") for k in filled):
        return False
    name = next((k for k, r in enumerate(role) if r == "indicator"), None)
    if name is None or name >= len(previous) or not previous[name].text.strip():
        return False
    if name in filled:
        # a domain's row under a whole row (│    │妇女与教育│ │ │): the rows below are that domain's, no name's last part
        return not any(role[k] in _VALUE_ROLES for k in filled) and not (
            filled == [name] and domain_row([row[name].text]) is not None
        )
    return all(role[k] in _VALUE_ROLES and k < len(previous) and previous[k].text.strip() for k in filled)


def _join(previous: list[Cell], row: list[Cell]) -> None:
    for k, cell in enumerate(row):
        if not cell.text.strip() or k >= len(previous):
            continue
        above = previous[k]
        spans = above.spans or [(0, above.line)]
        above.spans = [*spans, (len(above.text), cell.line)]
        above.text += cell.text.strip()


def _note_texts(lines: list[Src], after: int, start: int | None = None) -> list[str]:
    """The folded texts of the lines where a table's note stands: under the table, or in a row of its own."""
    out = []
    for line in lines[start if start is not None else after : after + 3]:
        text = line.text if line.cells is None else " ".join(dict.fromkeys(c for c in line.cells if c))
        out.append(fold(text))
    return out


def _bare_from_notes(lines: list[Src], after: int, start: int | None = None) -> str | None:
    """The comparator a note under the table (or in a row of its own) gives bare numbers.

    注：目标值未注明“≤”“<”的，均为“达到或高于”（≥）. A note that says what each indicator's direction says
    (越大越好的指标为“≥”，死亡率、患病率类指标为“≤”: op `direction`) gives none: each bare value takes its indicator's.
    """
    for text in _note_texts(lines, after, start):
        for pattern, op in rules().bare_value_notes:
            if pattern.search(text):
                return None if op == "direction" else op
    return None


def _base_year_from_notes(lines: list[Src], after: int, start: int | None = None) -> int | None:
    """The base year a note under the table gives its changes (…下降幅度以2020年为基数)."""
    for text in _note_texts(lines, after, start):
        found = _NOTE_BASE_YEAR.search(text)
        if found is not None:
            return int(found.group("year"))
    return None


_NOTE_BASE_YEAR = regex(r"以\s*(?P<year>(?:19|20)[0-9]{2})\s*年(?:底|末)?\s*为\s*(?:基数|基期|基准|基线)")


def _slash_from_notes(lines: list[Src], after: int, start: int | None = None) -> tuple[str, str] | None:
    """The two subjects a note gives the values of an a/b cell: 说明：…“/”前为城市、后为农村."""
    for text in _note_texts(lines, after, start):
        match = rules().slash_value_note.search(text)
        if match:
            return match.group("a"), match.group("b")
    return None


def _years_from_notes(lines: list[Src], after: int, start: int | None = None) -> list[int] | None:
    """The years a note gives the two values of a target cell: 注：目标值栏上行为2025年目标，下行为2030年目标."""
    for text in _note_texts(lines, after, start):
        for pattern in rules().cell_year_notes:
            match = pattern.search(text)
            if match and int(match.group("a")) < int(match.group("b")):
                return [int(match.group("a")), int(match.group("b"))]
    return None


def _bracket_note_from_notes(lines: list[Src], after: int, start: int | None = None) -> str | None:
    """The note saying a target cell's value in brackets is the parent's (注：括号内为上级目标值), as written."""
    for text in _note_texts(lines, after, start):
        for pattern in rules().bracket_parent_notes:
            match = pattern.search(text)
            if match:
                return match.group(0)
    return None


_BRACKETED_VALUE = regex(r"^(?P<own>.*?\S)\s*[（(](?P<inner>[^（）()]*[0-9*＊][^（）()]*)[）)]\s*$")
_YEARS = regex(r"(?:19|20)\d{2}\s*年?")
_LABELLED = regex(r"^(?P<label>[\u4e00-\u9fff]{1,8}?)\s*[:：为是]?\s*(?P<value>[^\u4e00-\u9fff].*|约.*)$")


@dataclass
class Bracketed:
    """A target cell giving a second number in brackets after its own value (≤11（≤12）, ≤3.5（省≤4.0）)."""

    own: str  # the cell's own value, without the brackets
    inner: str  # the bracketed value, without its label
    parent: bool  # the brackets name a parent (省≤4.0, 上级目标≤12): the parent's, whatever the header says
    value: bool  # the bracketed part is a bare value (≤12), not words (力争100)


def bracketed_value(shown: str) -> Bracketed | None:
    """The cell's own value and the number in brackets after it, when the own part is a bare value and the brackets
    hold a number that is no year (≥95（2025年）, 下降10%（以2020年为基数） are none)."""
    match = _BRACKETED_VALUE.match(shown.strip())
    if match is None or not _SIMPLE.match(squeeze(match.group("own"))):
        return None
    inner = match.group("inner").strip()
    if not re.search(r"[0-9*＊]", _YEARS.sub("", inner)):
        return None
    if _SIMPLE.match(squeeze(inner)):
        return Bracketed(match.group("own"), inner, False, True)
    labelled = _LABELLED.match(inner)
    if labelled and _SIMPLE.match(squeeze(labelled.group("value"))) and _names_parent(labelled.group("label")):
        return Bracketed(match.group("own"), labelled.group("value"), True, True)
    return Bracketed(match.group("own"), inner, False, False)


_MUNICIPAL_RANK = 2  # the rank of `table_row_levels` municipal (own 0, county 1, municipal 2, provincial 3, national 4)


def _names_parent(label: str) -> bool:
    """省, 国家, 上级目标, 省级要求: a label of a parent's value (a parent's column's header, or with 目标 after it);
    市, 州 too — a level no county plan's own is, so in a plan's cell a value so labelled is its city's (≥70（市≥70））."""
    for text in (label, label + "目标"):
        column = column_of(text)
        if column is not None and column.role == "parent":
            return True
    rank = row_level(label)
    if rank is not None and _MUNICIPAL_RANK <= rank < PARENT_RANK:
        return True
    return any(marker in label for marker in rules().table_parent_markers)


def _slash_subjects(name: str, table: Table) -> list[str] | None:
    """The two names of a row whose cells hold a/b values for two subjects (城市社区…, 农村社区…).

    城市/农村社区家长学校覆盖率 or 家长学校覆盖率（城市/农村） names them; else the table's note does; else an abbreviation
    of two subjects in the name (城乡 → 城市, 农村: rules/phrases.yaml `abbreviations`).
    """
    match = rules().slash_value_name.match(name)
    if match:  # 城市/农村社区…: the second subject as long as the first
        first, tail = match.group("a"), match.group("tail")
        second, rest = tail[: len(first)], tail[len(first) :]
        return [first + rest, second + rest]
    match = rules().slash_value_bracket.match(fold(name).strip())
    if match:  # 家长学校覆盖率（城市/农村）: the subjects named after it
        return [match.group("a") + match.group("tail"), match.group("b") + match.group("tail")]
    if table.slash:
        return [table.slash[0] + name, table.slash[1] + name]
    from compliance.phrases.vocabulary import _vocabulary

    for short, long in _vocabulary().abbreviations.items():  # 城乡社区…覆盖率 80/55: 城市社区…, 农村社区…
        if short in name and len(long) == 2:
            return [name.replace(short, each, 1) for each in long]
    return None


_SLASH_CELL = regex(r"^\s*(?P<a>[≥≤><=≧≦]?\s*[0-9]+(?:\.[0-9]+)?)\s*/\s*(?P<b>[≥≤><=≧≦]?\s*[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>[%‰]?)\s*$")


def _short(text: str) -> bool:
    return 0 < len(squeeze(text)) <= 24


def _cell_header(lines: list[Src], start: int) -> tuple[int, list[Column], bool] | None:
    """A header written one cell per line, starting at `start`: (end index, columns, cells start with a tab)."""
    first = lines[start]
    if first.cells is not None or first.blank or not _short(first.text) or column_of(first.text) is None:
        return None
    tabbed = first.text.startswith("\t")
    j = start
    texts: list[str] = []
    while j < len(lines) and not lines[j].blank and lines[j].cells is None and _short(lines[j].text):
        if column_of(lines[j].text) is None:
            break
        texts.append(lines[j].text)
        j += 1
    if len(texts) < 3:
        return None
    columns = header_columns(texts)
    if columns is None:
        return None
    return j, columns, tabbed


def _ends_table(text: str) -> bool:
    if not _short(text) or len(squeeze(text)) > 16:
        return True
    if classify(text, None) is not None or item_number(text) is not None:
        return True
    return bool(re.match(r"^\s*[（(][一二三四五六七八九十]+[)）]|^\s*[一二三四五六七八九十]+、", fold(text)))


def _heading_after_table(text: str) -> bool:
    """A line that starts the plan's text again after a table written one cell per line.

    A part or a section heading (*、发展领域…, 主要目标：), or a numbered domain
    heading (（*）儿童与健康); a domain's bare name is a table cell (its 领域).
    """
    heading = classify(text, None)
    if heading is None:
        return False
    if heading.type in ("part", "section"):
        return True
    return heading.type == "domain" and (heading.ordinal is not None or item_number(text) is not None)


def _cell_table(lines: list[Src], start: int, end: int, columns: list[Column], tabbed: bool) -> Table:
    """Rows of a table written one cell per line."""
    width = len(columns)
    table = Table(columns, [], set(range(start, end)), lines[start].number)
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    blank_before = False
    flat: list[Cell] = []
    flat_at: list[int] = []  # the index in `lines` of each cell's first line
    i = end
    last_used = end - 1
    while i < len(lines):
        line = lines[i]
        if line.cells is not None:
            break
        if line.blank and not (tabbed and line.text.startswith("\t")):
            blank_before = True
            i += 1
            continue
        starts_cell = line.text.startswith("\t") if tabbed else True
        if starts_cell:
            if not tabbed and (not _short(line.text) or _heading_after_table(line.text)):
                break
            if (blank_before and row) or len(row) >= width:
                rows.append(row)
                row = []
            cell = Cell(line.text.strip(), line.number)
            row.append(cell)
            flat.append(cell)
            flat_at.append(i)
        else:
            if _ends_table(line.text) or not (row or flat):
                break
            target = row[-1] if row else flat[-1]
            target.text += line.text.strip()
        blank_before = False
        last_used = i
        i += 1
    if row:
        rows.append(row)
    numbered = _numbered_rows(flat, columns)
    if numbered is not None:  # the 序号 column tells the rows apart (a name broken over two lines is one cell)
        last_cell = numbered[-1][-1].line
        after = next((k for k, c in enumerate(flat) if c.line > last_cell), None)
        if after is not None:  # the lines after the last row's last cell are the text again (its 注)
            last_used = flat_at[after] - 1
    table.indices.update(range(end, last_used + 1))
    if numbered is not None:
        table.rows = numbered
    elif rows and all(len(r) == width for r in rows if any(c.text for c in r)):
        table.rows = [r for r in rows if any(c.text for c in r)]
    else:  # rows could not be told apart by blank lines: cut the cells by the header's width
        chunks = [flat[k : k + width] for k in range(0, len(flat), width)]
        table.rows = [c for c in chunks if any(x.text for x in c)]
    table.bare = _bare_from_notes(lines, last_used + 1)
    table.slash = _slash_from_notes(lines, last_used + 1)
    table.note_years = _years_from_notes(lines, last_used + 1)
    table.bracket_note = _bracket_note_from_notes(lines, last_used + 1)
    return table


def _numbered_rows(flat: list[Cell], columns: list[Column]) -> list[list[Cell]] | None:
    """The rows of a table written one cell per line, cut where its 序号 column counts on (1, 2, 3 …): a name
    broken over two lines (0～6岁儿童眼保健和 / 视力检查覆盖率, a web preview's printed lines) is one cell, so the
    rows after it keep their columns; text after the last row's last cell (a short 注) is no cell.

    A domain's name on a line of its own before the row numbered next (儿童与健康 / 1 / 新生儿死亡率（‰） / …) is that
    row's 领域 cell where the header's first column is 领域 (an export that drops empty cells leaves it on the first
    row of its domain only), else a domain's row. A row one cell short whose cell under the baseline column is a
    target's (≤3 ≤3 under 2020年 | 2025年 | 2030年) lost its empty baseline cell. None unless the first column is
    the number column (or 领域 then 序号), the numbers run on from 1 and every row, its name's pieces joined, has
    the header's width. The cells are new ones: `flat` is left as it was."""
    width = len(columns)
    roles = [c.role for c in columns]
    if width < 3 or "number" not in roles or "indicator" not in roles or not flat:
        return None
    number = roles.index("number")
    if number > 1 or (number == 1 and roles[0] != "domain"):
        return None
    name = roles.index("indicator") - number  # in a row's cells from its number on
    own = width - number  # the cells from the number on
    baselines = [k - number for k, role in enumerate(roles) if role == "baseline"]
    domains: list[tuple[int, Cell]] = []  # (the number of rows before it, the cell)
    if len(flat) > 1 and fold(flat[0].text).strip() != "1" and _domain_cell(flat[0].text):
        domains.append((0, flat[0]))
        flat = flat[1:]
    if fold(flat[0].text).strip() != "1":
        return None
    rows: list[list[Cell]] = [[flat[0]]]
    for k, cell in enumerate(flat[1:], start=1):
        row = rows[-1]
        following = flat[k + 1].text if k + 1 < len(flat) else ""
        if fold(cell.text).strip() == str(len(rows) + 1) and len(row) > name + 1 and (
            len(row) >= own or _names_something(following)
        ):
            rows.append([cell])
        elif len(row) > name + 1 and fold(following).strip() == str(len(rows) + 1) and _domain_cell(cell.text):
            domains.append((len(rows), cell))
        else:
            row.append(cell)
    out: list[list[Cell]] = []
    for n, row in enumerate(rows):
        named = [domain for at, domain in domains if at == n]
        if number == 0:
            out += [[domain, *(Cell("", domain.line) for _ in range(width - 1))] for domain in named]
        cells = [Cell(c.text, c.line) for c in row]
        while len(cells) > own and _names_something(cells[name + 1].text) and _unit(fold(cells[name + 1].text).strip()) is None:
            cells[name].text += cells[name + 1].text  # the name's next printed line
            del cells[name + 1]
        if n == len(rows) - 1 and len(cells) > own and all(_names_something(c.text) for c in cells[own:]):
            cells = cells[:own]  # the table's note after its last cell
        if len(cells) == own - 1 and len(baselines) == 1 and baselines[0] < len(cells) and _TARGET_MARK.search(squeeze(cells[baselines[0]].text)):
            cells.insert(baselines[0], Cell("", cells[baselines[0]].line))  # the baseline cell left empty, dropped
        if len(cells) != own:
            return None
        if number == 1:
            cells.insert(0, Cell(named[-1].text, named[-1].line) if named else Cell("", cells[0].line))
        out.append(cells)
    return out


# a cell that states a target, never a baseline: a comparator, or a word of one (45左右, 下降10%)
_TARGET_MARK = regex(r"^[≤≥<>＜＞≦≧]|左右|以上|以下|下降|降低|提高|增长|不低于|不高于|不超过")


def _domain_cell(text: str) -> bool:
    """A cell that names a domain alone (儿童与健康): in a table written one cell per line, the row of a domain."""
    return domain_row([text]) is not None


def _names_something(text: str) -> bool:
    """A cell that is text, no value: a name or the piece of one (no number, mark or phrase a target cell holds)."""
    key = squeeze(text)
    return bool(re.search(r"[\u4e00-\u9fff]{2}", key)) and read_cell(key, None) is None


def _column_major_table(lines: list[Src], start: int, period: tuple[int, int] | None) -> Table | None:
    """A table read column by column (an OCR'd 附表): a column's header on a line, then its cells one a line.

    指标 / 婴儿死亡率(‰) / … / 2020年 / 5.8 / … / 2030年 / ≤4.5 / …: the indicator
    column's header and its names, then each other column's header and as many
    cells as there are names, the n-th cell of each column the n-th name's. It
    is a table only where every column after the names holds exactly one short
    cell per name (a number, a phrase with one, or — for no data) and the
    headers read as an indicator table's; blank lines (where page furniture
    was) are passed over.
    """
    first = lines[start]
    if first.cells is not None or first.blank or not _short(first.text):
        return None
    head = column_of(first.text)
    if head is None or head.role != "indicator":
        return None
    used = [start]
    names: list[Src] = []
    j = start + 1
    while j < len(lines) and lines[j].cells is None:
        line = lines[j]
        if not line.blank:
            if column_of(line.text) is not None:
                break
            if not _short(line.text) or _heading_after_table(line.text) or _COLUMN_CELL.fullmatch(squeeze(line.text)):
                return None
            names.append(line)
            used.append(j)
        j += 1
    if len(names) < 3:
        return None
    headers = [first.text.strip()]
    columns: list[list[Src]] = []
    while j < len(lines) and lines[j].cells is None and not lines[j].blank and column_of(lines[j].text) is not None:
        headers.append(lines[j].text.strip())
        used.append(j)
        cells: list[Src] = []
        j += 1
        while j < len(lines) and len(cells) < len(names) and lines[j].cells is None:
            if not lines[j].blank:
                if not _COLUMN_CELL.fullmatch(squeeze(lines[j].text)):
                    return None
                cells.append(lines[j])
                used.append(j)
            j += 1
        if len(cells) < len(names):
            return None
        columns.append(cells)
        while j < len(lines) and lines[j].blank:
            j += 1
    if not columns:
        return None
    found = header_columns(headers)
    if found is None:
        return None
    table = Table(own_by_level(settle_years(found, period), period), [], set(range(start, max(used) + 1)), first.number)
    for k, name in enumerate(names):
        table.rows.append([Cell(name.text.strip(), name.number), *(Cell(c[k].text.strip(), c[k].number) for c in columns)])
    after = max(used) + 1
    table.bare = _bare_from_notes(lines, after)
    table.slash = _slash_from_notes(lines, after)
    table.note_years = _years_from_notes(lines, after)
    table.bracket_note = _bracket_note_from_notes(lines, after)
    return table


# A cell of a value column read on a line of its own: a number with a comparator or a short phrase
# around it (≤4.5, 45左右, 下降20%), or the mark of no data (—).
_COLUMN_CELL = regex(r"(?:[^\d\s]{0,4}[<>≤≥＜＞=]?\d+(?:[.．]\d+)?[%‰]?[^\d\s]{0,3}|[—\-－–一/／]{1,2})")


# --------------------------------------------------------------------------- reading rows


@dataclass
class RowTarget:
    indicator: str
    domain_written: str | None
    target: dict[str, Any]
    line: int
    text: str
    baseline: dict[str, Any] | None
    year: int | None
    note: str | None = None
    locator: str | None = None
    parent: dict[str, Any] | None = None  # the parent's target as the table quotes it (上级目标)
    parent_column: str | None = None
    section: str | None = None  # a section a row across the table opened (策略措施中的量化任务); else the table's
    # a row between two domains' labels in a text table whose merged 领域 cells print on a middle row: the other
    # group it may be in (the catalogue's domain of the indicator decides, else `domain_written` stands)
    domain_other: str | None = None


@dataclass
class RowProblem:
    line: int
    text: str
    reason: str
    locator: str | None = None


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        return None


def _unit(written: str) -> str | None:
    from compliance.errors import UnitError
    from compliance.units import normalise_unit

    try:
        return normalise_unit(written)
    except (UnitError, Exception):
        return masked_unit(written)


def masked_unit(written: str) -> str | None:
    """A unit whose digits are masked (*/**万): the one known unit it fits, when exactly one does."""
    key = squeeze(written)
    if not any(ch in _MASK for ch in key):
        return None
    pattern = "".join(
        rf"\d{{{len(piece)}}}" if piece[0] in _MASK else re.escape(piece)
        for piece in re.findall(r"[*＊]+|[^*＊]+", key)
    )
    fits = {unit for unit in rules().maskable_units if re.fullmatch(pattern, unit)}
    return fits.pop() if len(fits) == 1 else None


def _row_name(name: str, unit: str | None) -> str:
    """A row's indicator named as the text's are (compliance/phrases/naming.py): …站点（个） → …站点数."""
    from compliance.phrases.naming import row_name

    return row_name(name, unit)


def split_indicator(text: str) -> tuple[str, str | None]:
    """妇女人均预期寿命（岁） → (妇女人均预期寿命, 岁); a trailing bracket that is no unit stays.

    A mark the table's note explains (婴儿死亡率*（‰）: 带*为约束性指标) is no part of the name.
    """
    marks = rules().table_name_mark
    name = marks.sub("", "".join(text.split()))
    match = re.search(r"[（(]([^（()）]{1,12})[)）]\s*$", name)
    if match:
        unit = _unit(fold(match.group(1)).strip())
        if unit is not None:
            return marks.sub("", name[: match.start()].strip()), unit
    return name, None


def _per_population(name: str, unit: str | None) -> str | None:
    if unit is None or "/" in unit or unit in ("%", "‰", "岁", "年", "1/10万", "百分点", "ratio"):
        return unit
    key = squeeze(name)
    for prefix, denominator in rules().table_per_population:
        if key.startswith(prefix):
            return _unit(f"{unit}/{denominator}") or unit
    return unit


_SIMPLE = regex(
    r"^(?P<sym>>=|<=|≥|≤|≧|≦|>|<|=|约|~)?\s*(?P<num>[0-9*＊]+(?:\.[0-9*＊]+)?)\s*(?P<unit>%|‰|/10万|个百分点)?\s*"
    r"(?P<post>及以上|以上|及以下|以下|左右|以内)?$"
)
_YEAR_CELL = regex(r"^(?:19|20)\d{2}年")  # a year (2025年), no number of years
# a number with a unit word of `_unit` after it, as a simple cell is written (≥10.8年, 82岁以上)
_WORDED = regex(
    r"^(?:>=|<=|≥|≤|≧|≦|>|<|=|约|~)?\s*[0-9*＊]+(?:\.[0-9*＊]+)?\s*(?P<unit>[\u4e00-\u9fff]{1,3}?)\s*(?:及以上|以上|及以下|以下|左右|以内)?$"
)
_SYMBOLS = {">=": ">=", "≥": ">=", "≧": ">=", "<=": "<=", "≤": "<=", "≦": "<=", ">": ">", "<": "<", "=": "=", "约": "~", "~": "~"}
_POST = {"及以上": ">=", "以上": ">=", "及以下": "<=", "以下": "<=", "左右": "~", "以内": "<="}


_BARE_NUMBER = regex(r"(?<![0-9.*＊/])[0-9]+(?:\.[0-9]+)?(?![0-9.*＊%‰/])")


_PER_YEAR = regex(r"(?P<body>.+?)/(?:年|每年)")


def read_cell(text: str, unit: str | None, bare: str = ">=") -> list[dict[str, Any]] | None:
    """The targets a target cell states (mappings of the plan format); None if it states nothing readable.

    `bare` is the comparator of a number written without one (the table's note, or the indicator's direction).
    """
    from compliance.phrases import parse

    folded = fold(text).strip()
    key = squeeze(text)
    per_year = _PER_YEAR.fullmatch(key)
    if per_year is not None and unit and "/" not in unit and _SIMPLE.match(per_year.group("body")):
        # ≥2000/年 in a row counted in 人次: so many a year (人次/年)
        return read_cell(per_year.group("body"), f"{unit}/年", bare)
    worded = _WORDED.match(key)
    if worded is not None and _unit(worded.group("unit")) is not None and not _YEAR_CELL.match(key):
        # a number and a unit word (10.8年, 82岁, 3个): the cell's unit, the comparator as a bare number's (达到值: ≥),
        # never the = of a quantity stated alone
        return read_cell(key[: worded.start("unit")] + key[worded.end("unit") :], _unit(worded.group("unit")), bare)
    match = _SIMPLE.match(key)
    if match:
        number = match.group("num")
        cell_unit = _unit(match.group("unit")) if match.group("unit") else unit
        op = _SYMBOLS.get(match.group("sym") or "") or _POST.get(match.group("post") or "") or bare
        out: dict[str, Any] = {"op": op}
        if any(ch in _MASK for ch in number):
            out["masked"] = True
        else:
            value = _decimal(number)
            if value is None:
                return None
            out["value"] = value
        if cell_unit:
            out["unit"] = cell_unit
        return [out]
    parsed = parse(folded)
    if not any(t.is_numeric for t in parsed) and unit:
        # a phrase with a bare number (稳定在95以上) in a column whose unit is known: read it with that unit
        found = list(_BARE_NUMBER.finditer(folded))
        if len(found) == 1:
            written = unit[1:] if unit.startswith("1/") else unit
            number_match = found[0]
            parsed = parse(folded[: number_match.end()] + written + folded[number_match.end() :])
    numeric = [t for t in parsed if t.is_numeric]
    chosen = numeric or [t for t in parsed if t.quote and len(squeeze(t.quote)) >= len(key) - 2]
    if not chosen:
        return None
    return [t.to_mapping(default_unit=unit) for t in chosen]


def _baseline(text: str, unit: str | None, year: int | None) -> dict[str, Any] | None:
    key = squeeze(text)
    if key in rules().empty_cells:
        return None
    number = re.fullmatch(r"([0-9*＊]+(?:\.[0-9*＊]+)?)\s*(%|‰)?", key)
    written = _VALUE_WITH_UNIT.match(key) if number is None and unit is not None else None
    own = _unit(written.group("unit")) if written is not None and key[0].isdigit() else None
    if own is not None and unit is not None and (own == unit or unit.startswith(own + "/")):
        number = re.match(r"([0-9]+(?:\.[0-9]+)?)()", key)  # 1.6个 in a row counted in 个
    out: dict[str, Any] = {}
    if year is not None:
        out["year"] = year
    if number and not any(ch in _MASK for ch in number.group(1)):
        out["value"] = Decimal(number.group(1))
        base_unit = _unit(number.group(2)) if number.group(2) else unit
        if base_unit:
            out["unit"] = base_unit
    else:
        out["text"] = text.strip()
    return out


def _remark_target(row: list[Cell], remarks: list[int], unit: str | None) -> Cell | None:
    """The remark cell (说明, 备注) of a row whose target cell is a dash, when it states a target: a number with a
    comparator or a change (较2020年下降10%, 每年提高3个百分点, ≥95%), never a bare word (约束性) or a bare number."""
    for k in remarks:
        if k >= len(row) or not row[k].text.strip():
            continue
        found = read_cell(row[k].text, unit)
        if found and all("value" in v for v in found) and re.search(r"[≥≤><＞＜]|以上|以下|不低于|不高于|下降|提高|降低|增加|减少|控制在|达到", row[k].text):
            return row[k]
    return None


def as_shown(cell: Cell, unit: str | None) -> str:
    """A cell's text as the spreadsheet shows it: a fraction in a percent format is a percentage (0.9 → 90%).

    Only for a row whose unit is % or not stated: a percent format on a row counted
    in another unit (1/10万, 岁) is a slip of formatting, and the value stands as stored.
    """
    if not cell.percent or unit not in (None, "%"):
        return cell.text
    # the words of the cell's number format around it (≥0.95 for "≥"0%): kept around the percentage
    parts = _FORMATTED.match(squeeze(cell.text))
    value = _decimal(parts.group(2)) if parts else None
    if parts is None or value is None:
        return cell.text
    shown = (value * 100).normalize()
    return parts.group(1) + format(shown, "f") + "%" + parts.group(3)


_FORMATTED = regex(r"^([^0-9.\-]*)(-?[0-9]+(?:\.[0-9]+)?)([^0-9.]*)$")


_VALUE_WITH_UNIT = regex(r"^(?:>=|<=|[≥≤≧≦><=~]|约)?\s*[0-9]+(?:\.[0-9]+)?\s*(?P<unit>[^\s0-9.≥≤><=]{1,6})$")


def _written_unit(cells: list[Cell | None]) -> str | None:
    """The unit the value cells of a row write after their numbers (1.6个 | — | 4.5), when they all write the same one."""
    units = set()
    for cell in cells:
        match = _VALUE_WITH_UNIT.match(squeeze(cell.text)) if cell is not None else None
        unit = _unit(match.group("unit")) if match else None
        if unit is not None:
            units.add(unit)
    return units.pop() if len(units) == 1 else None


def _at_least(name: str, unit: str | None) -> str:
    """Without knowing the indicator's direction: a bare number is a floor, as most tables mean it."""
    return ">="


# cells merged down over an indicator's rows that each of those rows reads as its own (target cells are settled by
# read_table, domain cells carry over by themselves)
_CARRIED_ROLES = ("number", "indicator", "unit", "baseline", "parent", "attribute", "source", "direction", "level", "row_year")


@dataclass
class _RowsOf:
    """How the rows of a table whose indicators take several rows each (对照层级: 本溪市 | 本县; 年份: 2025年 | 2030年)
    are read: each row's cells with the merged ones filled, its group (the rows of one indicator), whose values it
    holds (a parent's: references, never targets), the year it is for."""

    rows: list[list[Cell]]
    group: list[int]  # the index of the group's first row
    parent: list[bool]
    rank: list[int | None]  # the level a row's label names (table_column_levels' rank; PARENT_RANK: 上级)
    year: list[int | None]
    labelled: bool  # the table has a level or a year column: a row's text names the indicator


def _rows_of(table: Table) -> _RowsOf:
    columns = table.columns
    level = next((k for k, c in enumerate(columns) if c.role == "level"), None)
    year_column = next((k for k, c in enumerate(columns) if c.role == "row_year"), None)
    name = next((k for k, c in enumerate(columns) if c.role == "indicator"), None)
    labelled = level is not None or year_column is not None
    rows: list[list[Cell]] = []
    for row in table.rows:
        filled = list(row)
        previous = rows[-1] if rows else None
        # a text table's row of the indicator above: its name left empty beside a level or year label
        goes_on = (
            labelled and not table.exact_merges and name is not None and name < len(row) and not row[name].text.strip()
            and any(k is not None and k < len(row) and row[k].text.strip() for k in (level, year_column))
        )
        for k, cell in enumerate(row):
            role = columns[k].role if k < len(columns) else "other"
            if previous is None or k >= len(previous) or cell.text.strip() or role not in _CARRIED_ROLES:
                continue
            if (table.exact_merges and cell.merged) or goes_on:  # a merged cell is the cell above
                filled[k] = replace(cell, text=previous[k].text, merged=True)
        rows.append(filled)
    group: list[int] = []
    for i, row in enumerate(rows):
        same = (
            labelled and i > 0 and name is not None and name < len(row) and name < len(rows[i - 1])
            and row[name].text.strip() and row[name].text == rows[i - 1][name].text
        )
        group.append(group[i - 1] if same else i)
    ranks = [row_level(row[level].text) if level is not None and level < len(row) else None for row in rows]
    named = {r for r in ranks if r is not None}
    own = min(named - {PARENT_RANK}, default=None)
    parent = [r is not None and (r == PARENT_RANK or (own is not None and r > own)) for r in ranks]
    if (len(named) < 2 and PARENT_RANK not in named) or all(parent[i] for i, row in enumerate(rows) if ranks[i] is not None):
        parent = [False] * len(rows)  # one level named, or no row left for the plan: every row is the plan's
    # a parent's row only beside a row of the plan's for the same indicator: a column saying which level's list each
    # indicator comes from (国家 | 省级 | 县级, a row each) holds no parent's values
    planned = {group[i] for i in range(len(rows)) if not parent[i]}
    parent = [p and group[i] in planned for i, p in enumerate(parent)]
    years: list[int | None] = []
    for row in rows:
        written = _YEAR_IN.search(fold(row[year_column].text)) if year_column is not None and year_column < len(row) else None
        years.append(int(written.group(0)) if written else None)
    return _RowsOf(rows, group, parent, ranks, years, labelled)


_YEAR_IN = regex(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _group_parent(
    of: _RowsOf, i: int, k: int, columns: list[Column], level: int | None, unit: str | None, bare: str
) -> tuple[dict[str, Any] | None, str | None]:
    """The value a parent's row of the same indicator (本溪市 beside 本县) gives in column k, with the row's label; of
    several parents' rows (国家, 省, 市), the nearest level's that gives one."""
    rows = [j for j in range(len(of.rows)) if of.group[j] == of.group[i] and of.parent[j]]
    for j in sorted(rows, key=lambda j: of.rank[j] or 0):
        row = of.rows[j]
        if k >= len(row):
            continue
        cell = row[k]
        up = j
        while not cell.text.strip() and cell.merged and up > of.group[i]:  # merged down from the row above
            up -= 1
            cell = of.rows[up][k] if k < len(of.rows[up]) else cell
        if squeeze(cell.text) in rules().empty_cells:
            continue
        try:
            values = read_cell(as_shown(cell, unit), unit, bare=bare)
        except Exception:
            continue
        if values and len(values) == 1 and (values[0].get("unit") or values[0].get("op") == "qual"):
            label = row[level].text.strip() if level is not None and level < len(row) else ""
            return values[0], "/".join(part for part in (label, columns[k].header) if part) or None
    return None, None


def read_table(
    table: Table, plan_end: int | None, bare_op: BareOp = _at_least
) -> tuple[list[RowTarget], list[RowProblem]]:
    empty = rules().empty_cells
    columns = table.columns
    role_index: dict[str, int] = {}
    for k, column in enumerate(columns):
        role_index.setdefault(column.role, k)
    target_columns = [k for k, c in enumerate(columns) if c.role == "target"]
    parent_columns = [k for k, c in enumerate(columns) if c.role == "parent"]
    quoted = quoted_parents(columns, parent_columns)
    # of several baseline columns (2019年 | 2020年基数), the latest year's is the baseline the targets start from
    baselines = [k for k, c in enumerate(columns) if c.role == "baseline"]
    baseline_column = max(baselines, key=lambda k: columns[k].year or 0) if baselines else None
    baseline_year = columns[baseline_column].year if baseline_column is not None else None
    remarks = [k for k, c in enumerate(columns) if c.role == "other" and header_key(c.header) in rules().table_remark_columns]
    targets: list[RowTarget] = []
    problems: list[RowProblem] = list(table.unread)
    domain: str | None = table.caption_domain
    section: str | None = None  # a row across the table naming a section (策略措施中的量化任务) opens it
    above: dict[int, Cell] = {}  # last non-empty cell of each target column
    of = _rows_of(table)
    level_column = role_index.get("level")
    base_rows: dict[int, tuple[Cell, int]] = {}  # group → its baseline year's cell (a row for 2020年)
    centred = None if table.exact_merges else _centred_domains(of.rows, role_index, empty)
    previous: list[str] = []  # the texts of the row above, dittos resolved (同上 below 同上 repeats the first)
    value_columns = [c.role in _VALUE_ROLES for c in columns]
    superseded = _superseded_rows(of.rows, role_index, remarks)
    table.superseded = sorted({of.rows[i][0].line for i in superseded if of.rows[i]})
    for i, row in enumerate(of.rows):

        def cell(k: int | None, row: list[Cell] = row) -> Cell | None:
            return row[k] if k is not None and k < len(row) else None


        for c in row:  # a footnote mark glued to a cell (≥70①) is the note's, not the value's
            c.text = _without_note_mark(c)
        previous = _resolve_dittos(row, previous, value_columns)
        if i in superseded:  # a submission voided or submitted again later: no target of the plan's
            continue
        named = domain_row([c.text for c in row])
        if named is not None:  # a row naming a domain ("一、妇女与健康" across the table): the rows below are in it
            domain = named
            if named not in table.domains:
                table.domains.append(named)
            continue
        across = _across(row)
        opened = _section_row(across) if across is not None else None
        if opened is not None:  # 策略措施中的量化任务 across the table: the rows below are that section's
            section = opened
            continue
        if across is not None:  # a note or a caption across the whole table: text, its numbers audited
            from compliance.extraction.targets import audit

            problems += [RowProblem(item.line, item.text, item.reason) for item in audit(across, row[0].line)]
            continue
        name_cell = cell(role_index.get("indicator"))
        if name_cell is None or not name_cell.text.strip():
            if any(re.search(r"[0-9*＊]", c.text) for c in row if c is not cell(role_index.get("number"))):
                problems.append(RowProblem(row[0].line, CELL_SEPARATOR.join(c.text for c in row if c.text.strip()), said("extract.reason.row-without-indicator")))
            continue
        domain_cell = cell(role_index.get("domain"))
        domain_empty = domain_cell is None or squeeze(domain_cell.text) in empty or _row_kind(domain_cell.text)
        if domain_cell is not None and not domain_empty:
            domain = "".join(domain_cell.text.split())
            if domain not in table.domains:
                table.domains.append(domain)
        elif domain_cell is None and table.code_domains:  # JK-01 under a legend mapping JK to 儿童与健康
            code = _CODE.match(cell(role_index.get("number")).text if cell(role_index.get("number")) is not None else "")
            coded = table.code_domains.get(code.group("code").upper()) if code is not None else None
            if coded is not None:
                domain = coded
                if domain not in table.domains:
                    table.domains.append(domain)
        other = None
        if centred is not None and i in centred:
            domain, other = centred[i]
        row_year = of.year[i]
        before = row_year is not None and table.first_year is not None and row_year < table.first_year
        if of.parent[i] or (before and of.group.count(of.group[i]) > 1):
            # a parent's row (本溪市 beside 本县) or a baseline year's row: references and the past, never targets;
            # a target cell merged down from it reads its value
            for k in target_columns:
                if k < len(row) and squeeze(row[k].text) not in empty:
                    above[k] = row[k]
            written = next((row[k] for k in target_columns if k < len(row) and squeeze(row[k].text) not in empty), None)
            if not of.parent[i] and written is not None and row_year is not None:
                base_rows[of.group[i]] = (written, row_year)  # the baseline of the indicator's later rows
            continue
        name, unit = split_indicator(name_cell.text)
        unit_cell = cell(role_index.get("unit"))
        per = rules().table_unit_qualifiers.get(squeeze(unit_cell.text).strip("()")) if unit_cell is not None else None
        if per is not None:  # 元/人·月: 元, and the name says per person and month
            unit = per[0]
            name = name if name.endswith(per[1]) else name + per[1]
        elif unit_cell is not None and unit_cell.text.strip():
            unit = _unit(fold(unit_cell.text).strip().strip("()（）")) or unit
        if unit is None:  # no unit column, none in the name: the one the row's other value cells write (1.6个)
            unit = _written_unit([cell(k) for k in (baseline_column, *target_columns, *parent_columns)])
        unit = _per_population(name, unit)
        direction = cell(role_index.get("direction"))
        # the row's own direction (正向/逆向), else the table's note, else the indicator's
        bare = (direction is not None and rules().table_directions.get(squeeze(direction.text))) or table.bare or bare_op(name, unit)
        baseline = None
        base_cell = cell(baseline_column)
        apart = next(
            (c for c in (cell(k) for k in (baseline_column, *target_columns, *parent_columns)) if c is not None and not c.breaks and not c.spans and _TWO_VALUES.search(fold(c.text))),
            None,
        )
        if apart is not None:  # 92 95 in one cell (a space-aligned row whose cells slipped): never 9295, the row is listed
            problems.append(
                RowProblem(apart.line, CELL_SEPARATOR.join(c.text for c in row if c.text.strip()), said("extract.reason.row-not-understood"), apart.locator)
            )
            continue
        if base_cell is not None:
            baseline = _baseline(as_shown(base_cell, unit), unit, baseline_year)
        if baseline is None and of.group[i] in base_rows:  # the indicator's row for a year before the period
            base, base_year = base_rows[of.group[i]]
            baseline = _baseline(as_shown(base, unit), unit, base_year)
        shown_cells = [c for c in row if c.text.strip() and (not c.merged or (of.labelled and c is name_cell))]
        row_text = CELL_SEPARATOR.join(as_shown(c, unit) for c in shown_cells) or name_cell.text
        beside = [j for j in range(len(of.rows)) if of.group[j] == of.group[i] and (of.parent[j] or j == i)]
        if len(beside) > 1:  # the parent's rows the plan's row is read with stand in its text, in the document's order
            row_text = CELL_SEPARATOR.join(
                as_shown(c, unit) for j in beside for c in of.rows[j] if c.text.strip() and not c.merged
            )
        for k in target_columns:
            # the year of the column, else the one the row names (年份: 2025年): the parent's quote must be that year's
            target_year = columns[k].year if columns[k].year is not None else row_year
            horizon = target_year if target_year is not None else plan_end
            # the parent's target of this column's year, when a parent's column names it (2025年 over 本县 | 上级)
            same_year = quoted_parents(
                columns, [j for j in parent_columns if columns[k].year is not None and columns[j].year == columns[k].year]
            )
            parent, parent_header = _parent(row, same_year, columns, unit, bare) if same_year else (None, None)
            if parent is None:  # a parent's row of the same indicator (本溪市 beside 本县): its cell of this column
                parent, parent_header = _group_parent(of, i, k, columns, level_column, unit, bare)
            if parent is None:  # a parent's column of no year or of this target's
                parent, parent_header = _parent(
                    row, [j for j in quoted if columns[j].year in (None, horizon) or horizon is None], columns, unit, bare
                )
            own = cell(k)
            source = own
            note = None
            if own is not None and own.spanned and not own.text.strip():
                # a cell spanning this column from the left (市级目标 and 区级目标 merged): its value is this column's too
                left = next((row[j] for j in range(k - 1, -1, -1) if not row[j].spanned), None)
                if left is not None and squeeze(left.text) not in empty:
                    own = source = left
            if own is None or squeeze(own.text) in empty:
                blank = own is None or not own.text.strip()
                if table.exact_merges:
                    inherit = own is not None and own.merged
                else:  # a text export: an empty cell inside a merged domain is merged too
                    # (a table without a 领域 column merges no domain: its empty cell is empty)
                    inherit = blank and domain_empty and role_index.get("domain") is not None
                remark = _remark_target(row, remarks, unit) if len(target_columns) == 1 and not blank else None
                if inherit and k in above:
                    source = above[k]
                    note = said(
                        "extract.note-merged-cell", line=own.line if own else name_cell.line, above=source.line, text=source.text
                    )
                elif remark is not None:  # — under 目标值, 较2020年下降10% under 说明: the target the remark states
                    source = remark
                    note = said("extract.note-remark-cell", line=own.line if own else name_cell.line, header=columns[remarks[0]].header)
                else:
                    continue
            else:
                above[k] = own
            assert source is not None
            shown = as_shown(source, unit)
            pair = bracketed_value(shown)
            if pair is not None and not pair.value:  # 96以上（力争98）: two things said, neither guessed
                problems.append(RowProblem(source.line, f"{name}: {shown}", said("extract.reason.cell-not-understood"), source.locator))
                continue
            if pair is not None:
                inner = read_cell(pair.inner, unit, bare=bare) if pair.value else None
                if pair.value and (pair.parent or columns[k].bracket_parent or table.bracket_note):
                    # ≤11（≤12） under 本县目标（上级目标） or a note 括号内为上级目标值, ≤3.5（省≤4.0）: the plan's, then the parent's
                    if inner and len(inner) == 1 and inner[0].get("unit"):
                        parent, parent_header = inner[0], columns[k].header or table.bracket_note
                else:  # whose the bracketed number is, the table does not say: listed, never dropped
                    problems.append(
                        RowProblem(source.line, f"{name}: {shown}", said("extract.reason.bracketed-second-value"), source.locator)
                    )
                shown = pair.own
            years = _header_years(columns[k].header) or (table.note_years if len(target_columns) == 1 else None) or []
            try:
                subjects = subject_parts(shown)
                slashed = _SLASH_CELL.match(fold(shown)) if unit is not None and "/" not in unit else None
                by_slash = _slash_subjects(name, table) if slashed else None
                if by_slash is not None and slashed is not None:  # 85/70 under 城市/农村…: one target for each
                    values = [
                        dict(v, _name=own_name)
                        for own_name, part in zip(by_slash, (slashed.group("a"), slashed.group("b")), strict=True)
                        for v in read_cell(part + slashed.group("unit"), unit, bare=bare) or []
                    ]
                elif slashed is not None and len(years) == 2:  # 90/92 under 目标值（2025年/2030年）: a value per year
                    values = [
                        v for part in (slashed.group("a"), slashed.group("b"))
                        for v in read_cell(part + slashed.group("unit"), unit, bare=bare) or []
                    ]
                elif subjects:  # 城市社区≥95 / 农村社区≥85: one target for each, named for its subject
                    values = [dict(v, _subject=s) for s, part in subjects for v in read_cell(part, unit, bare=bare) or []]
                else:
                    values = _by_lines(source, shown, unit, bare)
                    if values is None and _digits_across_lines(source):
                        # 90 over 92 that are not each a value: never one number (9092), listed instead
                        written = " / ".join(part for _, part in source.lines())
                        problems.append(RowProblem(source.line, f"{name}: {written}", said("extract.reason.digits-across-break"), source.locator))
                        continue
                    values = values or _by_year_labels(source, shown, unit, bare) or read_cell(shown, unit, bare=bare)
            except Exception as error:  # one cell must never cost the whole document
                problems.append(RowProblem(source.line, f"{name}: {shown}", said("extract.reason.cell-error", error=error), source.locator))
                continue
            year = target_year
            if values is not None and len(years) > 1 and len(values) == len(years):
                # one value per year the header names (目标值（2025年/2030年）: 90<br>92), in order
                values = [dict(v, _year=y) for v, y in zip(values, years, strict=True)]
            change = rules().table_change_directions.get(squeeze(direction.text)) if direction is not None else None
            if change is not None and source.percent and unit not in (None, "%") and values and len(values) == 1:
                # ↓ beside 20% (0.2 in a percent format) in a row counted in 1/10万: a decrease by 20 %
                fraction = _decimal(squeeze(source.text))
                if fraction is not None:
                    values = [{"op": change, "value": (fraction * 100).normalize(), "unit": "%"}]
            if (direction is not None and squeeze(direction.text) not in rules().table_directions and change is None
                    and values and len(values) == 1 and _CHANGE_CELL.fullmatch(squeeze(fold(shown)))):
                # a statement column saying how the bare value is meant (目标表述: 以2020年为基数下降 | 10 in a row
                # counted in %): the value is the change it states
                written = squeeze(fold(shown)).lstrip("≥≧").removesuffix("以上")
                stated_change = read_cell(direction.text.strip() + written + ("%" if unit == "%" and not written.endswith("%") else ""), unit, bare)
                if stated_change and len(stated_change) == 1 and str(stated_change[0].get("op", "")).startswith("rel_"):
                    values = stated_change
            named_change = _change_named(name)
            if named_change is not None and unit == "%" and values and len(values) == 1 and _CHANGE_CELL.fullmatch(squeeze(fold(shown))):
                # 儿童伤害死亡率下降幅度（%） | 10: a decrease of the measure by 10 %, from the table's base year
                measure, op = named_change
                base = baseline_year or table.note_base_year
                values = [dict({"op": op, "value": values[0]["value"], "unit": "%"}, **({"base_year": base} if base else {}))]
                name = measure
            stated = direction is not None and rules().table_directions.get(squeeze(direction.text))
            if stated and values and len(values) == 1 and values[0].get("unit") == "ratio" and _BARE_RATIO.fullmatch(squeeze(fold(shown))):
                # 不低于 | 2:3: the comparator the row's own direction cell states; a ratio alone is the ratio itself (=),
                # under a table's note on bare numbers too (the labels of the sets read that note both ways)
                values = [dict(values[0], op=stated)]
            if values is None:
                if re.search(r"[0-9*＊]", shown):
                    problems.append(RowProblem(source.line, f"{name}: {shown}", said("extract.reason.cell-not-understood"), source.locator))
                continue
            if any("value" in v and not v.get("unit") for v in values):
                # a number with no unit the checker knows (（1/万）): listed, not guessed
                written = name_cell.text.strip()
                problems.append(
                    RowProblem(source.line, f"{written}: {shown}", said("extract.reason.row-unit"), source.locator)
                )
                continue
            for value in values:
                if str(value.get("op", "")).startswith("rel_") and value.get("base_year") is None and baseline_year:
                    value = dict(value, base_year=baseline_year)  # relative to the table's baseline column
                subject, own_name = value.pop("_subject", None), value.pop("_name", None)
                offset, year = value.pop("_offset", None), value.pop("_year", year)
                targets.append(
                    RowTarget(
                        indicator=_row_name(
                            own_name or (name if subject is None or name.startswith(subject) else subject + name), unit
                        ),
                        domain_written=domain,
                        target=value,
                        line=source.line_at(offset) if offset is not None else _value_line(source, shown, value),
                        text=row_text,
                        baseline=baseline,
                        year=year if year is not None and plan_end is not None and year != plan_end else None,
                        note=note,
                        locator=own.locator if own is not None and own.locator else source.locator,
                        parent=parent,
                        parent_column=parent_header,
                        section=section,
                        domain_other=other,
                    )
                )
    return targets, problems


def _superseded_rows(rows: list[list[Cell]], role_index: dict[str, int], remarks: list[int]) -> set[int]:
    """The rows that hold no target because another replaces them: a row a remark declares void (本条作废:
    `table_void_remarks`), and, in a table of submissions (an online form's export: a `submission` column, 提交时间),
    every row of an indicator submitted again in a later row (the last submission counts)."""
    void = rules().table_void_remarks
    out = {i for i, row in enumerate(rows) for k in remarks if k < len(row) and any(w in squeeze(row[k].text) for w in void)}
    name = role_index.get("indicator")
    if "submission" in role_index and name is not None:
        last: dict[str, int] = {}
        for i, row in enumerate(rows):
            key = squeeze(row[name].text) if name < len(row) else ""
            if key:
                if key in last:
                    out.add(last[key])
                last[key] = i
    return out


def _centred_domains(
    rows: list[list[Cell]], role_index: dict[str, int], empty: Any
) -> dict[int, tuple[str, str | None]] | None:
    """The domain of each row of a text table whose merged 领域 cells print their text on a middle row of their group
    (a 文库 export): (the domain, the other it may be in), for the rows whose domain cell is empty.

    Told by the table's first rows: empty above the first label, they are that label's group. A row between two
    labels is in the group of the one it stands nearer by the centring (the upper group's rows below its label are
    at least as many as the lower group's above its own), unless a 序号 counted per domain restarts at 1 there.
    None for a table whose labels stand on their groups' first rows (the rows below a label are its group).
    """
    k = role_index.get("domain")
    name = role_index.get("indicator")
    if k is None or name is None:
        return None

    def written(row: list[Cell]) -> str | None:
        if k >= len(row) or squeeze(row[k].text) in empty or _row_kind(row[k].text):
            return None
        return "".join(row[k].text.split())

    indicator_rows = [i for i, row in enumerate(rows) if name < len(row) and row[name].text.strip()]
    labels = [i for i in indicator_rows if written(rows[i])]
    if not labels or labels[0] == indicator_rows[0]:
        return None
    number = role_index.get("number")
    out: dict[int, tuple[str, str | None]] = {}
    first = written(rows[labels[0]])
    assert first is not None
    for i in indicator_rows:
        if i < labels[0]:
            out[i] = (first, None)
    for a, b in zip(labels, [*labels[1:], None], strict=True):
        upper = written(rows[a])
        assert upper is not None
        if b is None:
            for i in indicator_rows:
                if i > a:
                    out[i] = (upper, None)
            continue
        lower = written(rows[b])
        assert lower is not None
        gap = [i for i in indicator_rows if a < i < b]
        boundary = len(gap) - len(gap) // 2
        restart = next(
            (n for n, i in enumerate(gap) if number is not None and number < len(rows[i]) and squeeze(rows[i][number].text) == "1"),
            None,
        )
        if restart is not None:
            boundary = restart
        for n, i in enumerate(gap):
            out[i] = (upper, lower) if n < boundary else (lower, upper)
    return out


def _row_kind(text: str) -> bool:
    """A 类别 cell saying what kind of row it is (指标, 主要目标, 策略措施: a table interleaving indicators and
    sentences), not which domain: no domain."""
    column = column_of(text)
    heading = classify(text, None)
    return (column is not None and column.role == "indicator") or (heading is not None and heading.type == "section")


def _section_row(text: str) -> str | None:
    """The section a row across an indicator table opens (策略措施中的量化任务 → measures), or None for a note."""
    key = squeeze(text)
    if len(key) > 16 or re.search(r"[0-9０-９]", key):
        return None
    for word, section in rules().sections:
        if len(word) >= 4 and key.startswith(word) and section != "indicator_table":
            return section
    return None


_SUBJECT_PART = regex(
    r"\s*(?P<subject>[\u4e00-\u9fff]{2,8}?)\s*[:：]?\s*(?P<value>[≥≤><=≧≦]\s*[0-9]+(?:\.[0-9]+)?\s*[%‰]?"
    r"(?:以上|以下|左右)?)\s*[；;，,、/]?"
)


def subject_parts(text: str) -> list[tuple[str, str]] | None:
    """A cell holding one target per subject (城市社区≥95 农村社区≥85; 城市≥90%，农村≥80%): (subject, its target) each.

    None unless the whole cell is two such parts or more.
    """
    folded = fold(text)
    parts: list[tuple[str, str]] = []
    position = 0
    while position < len(folded.rstrip()):
        match = _SUBJECT_PART.match(folded, position)
        if match is None or match.end() == position:
            return None
        parts.append((match.group("subject"), match.group("value")))
        position = match.end()
    return parts if len(parts) >= 2 else None


def _resolve_dittos(row: list[Cell], previous: list[str], values: list[bool]) -> list[str]:
    """A cell saying it repeats another (同上, 〃 under 儿童与健康; 同左): the text of the cell above in the row before,
    or, in a value column (`values`), of the nearest value cell to its left (2030年 同左 beside 2025年 ≥95); elsewhere
    (领域 | 同左) the one above. The row's texts, for the row below. A mark with nothing to repeat stays as written."""
    marks = rules().table_ditto_marks
    for k, c in enumerate(row):
        side = marks.get(squeeze(c.text)) if c.text.strip() and not c.merged else None
        left = ""
        if side == "left" and k < len(values) and values[k]:  # 同左 in a value column: the value column before it
            left = next((row[j].text for j in range(k - 1, -1, -1) if j < len(values) and values[j] and row[j].text.strip()), "")
        if left:
            c.text = left
        elif side is not None and k < len(previous) and previous[k].strip():
            c.text = previous[k]  # 同上; 同左 in the first column, nothing to its left: the cell above
    return [c.text for c in row]


def _by_lines(cell: Cell, shown: str, unit: str | None, bare: str) -> list[dict[str, Any]] | None:
    """A cell of several lines (90<br>92), each a value of its own: the values line by line, each with its offset.

    None unless the reader saw the lines (`breaks`), the cell is shown as written
    and every line is a value alone (≤3.0, 90, 95%以上): a phrase wrapped over
    the lines (以2020年为基 / 数下降20%) is read whole.
    """
    if not cell.breaks or shown != cell.text:
        return None
    values: list[dict[str, Any]] = []
    for offset, written in cell.lines():
        # a line labelled with its year (2025年≤4.8, ≥98%（2030年）): the value of that year
        label = _YEAR_BEFORE.match(fold(written)) or _YEAR_AFTER.search(fold(written))
        part = written if label is None else written[: label.start()] + written[label.end() :]
        read = read_cell(part, unit, bare=bare) if _SIMPLE.match(squeeze(part)) else None
        if read is None or len(read) != 1:
            return None
        number = re.search(r"[0-9０-９*＊]", part)  # the value's line is where its number stands (≥ | 95)
        start = (label.end() if label is not None and label.start() == 0 else 0) + (number.start() if number else 0)
        value = dict(read[0], _offset=offset + start)
        if label is not None:
            value["_year"] = int(label.group("year"))
        values.append(value)
    return values


def _by_year_labels(cell: Cell, shown: str, unit: str | None, bare: str) -> list[dict[str, Any]] | None:
    """A cell giving each horizon its own value, each piece labelled with its year (2025年≥95%；2030年≥98%,
    2025年达到92%，2030年达到95%, ≥95%（2025年）、≥97%（2030年）), or one value for the years it names together
    (2025年、2030年均≥96), or a mid-term value alone (2025年≥92): a value per piece, with that year.

    None unless every piece between separators is labelled with a year of its own, in increasing order, and reads as
    exactly one value — a piece alone, as no change from a year (2020年基础上提高5个百分点 names its base, not its
    horizon): anything else is read whole.
    """
    lines = [written for _, written in cell.lines()] if cell.breaks and shown == cell.text else [shown]
    shared = _YEARS_SHARED.match(fold(shown)) if len(lines) == 1 else None
    if shared is not None:  # 2025年、2030年均≥96: the one value of each year named
        read = read_cell(fold(shown)[shared.end() :], unit, bare=bare)
        first, last = int(shared.group("first")), int(shared.group("last"))
        if read is None or len(read) != 1 or first >= last:
            return None
        return [dict(read[0], _year=first), dict(read[0], _year=last)]
    # pieces apart by a separator, or run together where the next year's label starts (2025年：≤4.82030年：≤4.5,
    # 2025年：下降10%2030年：下降20%: the line break between them lost)
    pieces = [q for line in lines for p in _PIECE_SEPARATOR.split(fold(line)) for q in _GLUED_YEAR.split(p) if q.strip()]
    values: list[dict[str, Any]] = []
    years: list[int] = []
    for piece in pieces:
        label = _YEAR_BEFORE.match(piece) or _YEAR_AFTER.search(piece)
        if label is None:
            return None
        part = piece[: label.start()] + piece[label.end() :]
        if not re.search(r"[0-9０-９]", part):
            return None
        read = read_cell(part, unit, bare=bare)
        if read is None or len(read) != 1:
            return None
        years.append(int(label.group("year")))
        values.append(dict(read[0], _year=years[-1]))
    if not values or years != sorted(set(years)):
        return None
    if len(values) == 1 and (str(values[0].get("op", "")).startswith("rel_") or values[0].get("base_year") is not None):
        return None
    return values


_YEARS_SHARED = regex(
    r"^\s*(?P<first>(?:19|20)\d{2})\s*年?\s*[、和及与]\s*(?P<last>(?:19|20)\d{2})\s*年(?:底|末)?\s*(?:均|都|分别)?\s*[:：]?\s*"
)
_GLUED_YEAR = regex(r"(?<=[0-9%‰)）])(?=(?:19|20)\d{2}\s*年(?:底|末)?(?:目标值?)?\s*[:：≥≤<>＜＞≧≦])")
_PIECE_SEPARATOR = regex(r"\s*[；;，,、]\s*|\s{2,}")
_YEAR_BEFORE = regex(r"^\s*(?:到|至)?(?P<year>(?:19|20)\d{2})\s*年(?:底|末)?(?:目标值?)?\s*[:：]?\s*")
_YEAR_AFTER = regex(r"\s*[(（](?:到|至)?(?P<year>(?:19|20)\d{2})\s*年?(?:底|末)?[)）]\s*$")


def _digits_across_lines(cell: Cell) -> bool:
    """Whether a line of the cell ends in a digit where the next begins with one (90 over 92): read whole, one number."""
    return any(0 < b < len(cell.text) and cell.text[b - 1].isdigit() and cell.text[b].isdigit() for b in cell.breaks)


def _header_years(header: str) -> list[int]:
    """The years a target column's header names, when it names several in increasing order (2025年/2030年)."""
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", fold(header))]
    return years if len(years) > 1 and years == sorted(set(years)) else []


def _value_line(cell: Cell, shown: str, value: dict[str, Any]) -> int:
    """The line of a value in a cell continued over rows (换届后当年100%， / 平时保持在85%以上): where its number stands."""
    if not cell.spans or value.get("value") is None:
        return cell.line
    number = format(Decimal(str(value["value"])).normalize(), "f")
    folded = fold(shown)
    for match in re.finditer(re.escape(number), folded):
        before = folded[match.start() - 1 : match.start()]
        after = folded[match.end() : match.end() + 1]
        if not (before.isdigit() or before == "." or after.isdigit()):
            return cell.line_at(match.start())
    return cell.line


def _across(row: list[Cell]) -> str | None:
    """The text of a row that is one cell across the table (a merged note row), else None."""
    filled = {c.text.strip() for c in row if c.text.strip()}
    if len(row) > 1 and len(filled) == 1 and all(c.merged or not c.text.strip() for c in row[1:]):
        return filled.pop()
    return None


def _parent(
    row: list[Cell], parent_columns: list[int], columns: list[Column], unit: str | None, bare: str
) -> tuple[dict[str, Any] | None, str | None]:
    """The parent's target the row quotes (上级目标), when the table has such a column and the cell reads."""
    for k in parent_columns:
        if k >= len(row) or squeeze(row[k].text) in rules().empty_cells:
            continue
        try:
            values = read_cell(as_shown(row[k], unit), unit, bare=bare)
        except Exception:
            continue
        if values and len(values) == 1 and (values[0].get("unit") or values[0].get("op") == "qual"):
            return values[0], columns[k].header or None
        quoted = _parent_by_levels(as_shown(row[k], unit), unit, bare)
        if quoted is not None:
            return quoted[0], "/".join(part for part in (columns[k].header, quoted[1]) if part) or None
    return None, None


def _parent_by_levels(text: str, unit: str | None, bare: str) -> tuple[dict[str, Any], str] | None:
    """A parent's cell quoting each level's target in turn (国家：婴儿死亡率降至5‰以下；省：≤4.5‰): the national outline's
    value and its label — the one reference every plan is checked against, as of several parents' columns
    (`quoted_parents`); of one level's piece alone, that one. None when a piece names no level or reads no one value,
    or no piece is the national one among several."""
    pieces = [p for p in _PIECE_SEPARATOR.split(fold(text)) if p.strip()]
    national = max(rank for _, rank in rules().table_column_levels)
    read: list[tuple[int, str, dict[str, Any]]] = []
    for piece in pieces:
        label = _LEVEL_LABEL.match(piece)
        rank = row_level(label.group("label")) if label is not None else None
        if label is None or rank is None:
            return None
        values = read_cell(piece[label.end() :], unit, bare=bare)
        if not values or len(values) != 1 or not values[0].get("unit"):
            return None
        read.append((rank, label.group("label"), values[0]))
    chosen = [r for r in read if r[0] == national] if len(read) > 1 else read
    return (chosen[0][2], chosen[0][1]) if len(chosen) == 1 else None


_LEVEL_LABEL = regex(r"^\s*(?P<label>[\u4e00-\u9fff]{1,8}?)\s*[:：]\s*")


# --------------------------------------------------------------------------- flattened tables (文库 exports)


_VALUE = regex(r"^(?:0|[1-9]\d*)(?:\.\d+)?$|^[*＊]+(?:\.[*＊]+)?$")
_NUMERIC = regex(r"[0-9*＊.]+")
# a name never starts with one of these: the digits before them belong to it (5岁以下…, 0—6岁…, 12岁…)
_AFTER_DIGITS = regex(r"^[岁个月周~～—－.%‰-]")


@dataclass
class _Split:
    values: list[str]
    prefix: str  # digits that start the next row's name
    penalty: float


def read_flat(
    line: Src,
    period: tuple[int, int] | None,
    bare_op: BareOp = _at_least,
    plausible: Callable[[str, Decimal, str | None], bool] | None = None,
    stated: Callable[[str, Decimal], bool] | None = None,
) -> tuple[list[RowTarget], list[RowProblem]]:
    """The rows of a table flattened into one text (序号指标名称2020年基数2030年目标1婴儿死亡率(‰)4.124.02…).

    Rows are found by their numbers in sequence (1, 2, 3 …): each run of digits
    between two names is split into the row's values (one per value column of
    the header), the next row's number, and digits that begin the next name
    (5岁以下…). A split is kept only when it is the one plausible reading — every
    value within the indicator's plausible range (or a rate's 0–100 %), and the
    baseline and the target of the same order of magnitude — and clearly better
    than any other; otherwise the row goes to the problems with its text. The
    plan's text corroborates: a split whose target the text states for the same
    indicator (`stated(name, value)`) is the likelier.
    """
    text = line.text
    tokens = header_tokens(text)
    columns = settle_years(header_columns([t for t, _, _ in tokens]) or [], period)
    header_end = tokens[-1][2] if tokens else 0
    value_columns = [c for c in columns if c.role in ("baseline", "target", "parent")]
    has_numbers = any(c.role == "number" for c in columns)
    targets: list[RowTarget] = []
    problems: list[RowProblem] = []
    if value_columns and not has_numbers and any(c.role == "unit" for c in columns):
        return _rows_by_unit(line, header_end, columns, value_columns, period, bare_op, plausible, stated)
    if not value_columns or not has_numbers:
        rest = text[header_end:].strip()
        if re.search(r"[0-9*＊]", rest):
            problems.append(RowProblem(line.number_at(header_end), rest[:200], said("extract.reason.flat-rows")))
        return targets, problems
    spaced = _spaced_rows(line, tokens, columns, value_columns, period, bare_op)
    if spaced is not None:
        return spaced
    k = len(value_columns)
    spaced = _rows_by_spaces(line, header_end, columns, value_columns)
    if spaced is not None:  # 1 婴儿死亡率 ‰ 5.9 ≤4.5 2 5岁以下…: the cells apart by spaces, one row after another
        rows, end = spaced
        for name, unit, name_end, values, row_text in rows:
            _flat_targets(line, columns, value_columns, _Split(values, "", 0.0), name, unit, name_end, row_text, period,
                          bare_op, targets, problems)
        rest = text[end:].strip()
        if _holds_number(rest):
            problems.append(RowProblem(line.number_at(end), rest[:200], said("extract.reason.flat-rest")))
        return targets, problems
    first = _NUMERIC.match(text, _skip_space(text, header_end))
    openings = _splits(first.group(0), 0, "1", text[first.end() :], last=False) if first else []
    if not openings:  # the first row is not numbered 1: nothing to go by
        rest = text[header_end:].strip()
        problems.append(RowProblem(line.number_at(header_end), rest[:200], said("extract.reason.flat-unnumbered")))
        return targets, problems
    expected = 1
    prefix = openings[0][1]  # digits that begin the first name (1 then 5岁以下…)
    position = first.end() if first else header_end
    while position < len(text):
        name_start = position - len(prefix)
        found = _next_row(text, position, expected + 1, k, period, plausible, stated)
        if found is None:
            break
        name_end, run_end, split = found
        name_text = text[name_start:name_end]
        name, unit = split_indicator(name_text)
        unit = _per_population(name, unit)
        row_text = text[name_start : name_end] + "".join(split.values)
        if split.penalty == math.inf:
            problems.append(
                RowProblem(line.number_at(name_end), row_text, said("extract.reason.flat-ambiguous"))
            )
        else:
            _flat_targets(line, columns, value_columns, split, name, unit, name_end, row_text, period, bare_op, targets, problems)
        prefix = split.prefix
        position = run_end
        expected += 1
    rest = text[position:].strip()
    if re.search(r"[0-9*＊]", rest):
        problems.append(RowProblem(line.number_at(position), rest[:200], said("extract.reason.flat-rest")))
    return targets, problems


_COMPARATOR = "≤≥<>＜＞≦≧"


def _rows_by_spaces(
    line: Src, header_end: int, columns: list[Column], value_columns: list[Column]
) -> tuple[list[tuple[str, str | None, int, list[str], str]], int] | None:
    """The rows of a flattened table whose cells stand apart by spaces (序号 指标 单位 2020年 2030年 1 婴儿死亡率 ‰ 5.9
    ≤4.5 2 …): (name, unit, where the name ends, values, row text) each, read cell by cell — a row's number in
    sequence, its name, its unit cell, one value per value column — and where the rows end; None unless every
    numbered row reads so."""
    roles = [c.role for c in columns if c.role in ("number", "indicator", "unit", "baseline", "target", "parent")]
    roles = roles[roles.index("number"):] if "number" in roles else []  # a caption's word before (…主要指标 序号 …)
    if roles[:3] != ["number", "indicator", "unit"] or len(roles) != 3 + len(value_columns):
        return None
    units = set(rules().flat_unit_cells)
    cells = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", line.text[header_end:])]
    cells = [(header_end + at, cell) for at, cell in cells]
    rows: list[tuple[str, str | None, int, list[str], str]] = []
    i = 0
    expected = 1
    k = len(value_columns)
    while i < len(cells):
        if cells[i][1] != str(expected):
            break
        j = i + 1
        while j < len(cells) and cells[j][1] not in units:
            j += 1  # the name, perhaps of several words, up to its unit cell
        if j == i + 1 or j + k >= len(cells) + 1 or j - i > 4:
            return None
        values = [cell for _, cell in cells[j + 1 : j + 1 + k]]
        if len(values) != k or not all(_SPACED_VALUE.match(fold(v)) for v in values):
            return None
        name = "".join(cell for _, cell in cells[i + 1 : j])
        start, end = cells[i + 1][0], cells[j + k][0] + len(cells[j + k][1])
        rows.append((name, _per_population(name, _unit(fold(cells[j][1]))), cells[j - 1][0] + len(cells[j - 1][1]), values, line.text[start:end]))
        i = j + 1 + k
        expected += 1
    if not rows or (i < len(cells) and re.fullmatch(r"\d{1,3}", cells[i][1])) or any(c in units for _, c in cells[i:]):
        return None  # a row that does not read so (…≤122 适龄… %: the next row's number glued on): not this shape
    return rows, (cells[i][0] if i < len(cells) else len(line.text))

# a cell of a spaced flattened row that holds a value: a number (with a comparator or 以上…), a mask, a ratio
# (2:3, ≥1:1.5), a dash
_SPACED_VALUE = regex(
    r"^[" + _COMPARATOR + r"]?(?:[0-9]+(?:\.[0-9]+)?|[*＊]+(?:\.[*＊]+)?)[%‰％]?(?:左右|以上|以下|以内)?$|^[—－-]+$"
    r"|^[" + _COMPARATOR + r"]?[0-9]+(?:\.[0-9]+)?[:：][0-9]+(?:\.[0-9]+)?$"
)
_CJK_WORD = regex(r"[\u4e00-\u9fff]")


def _spaced_rows(
    line: Src,
    tokens: list[tuple[str, int, int]],
    columns: list[Column],
    value_columns: list[Column],
    period: tuple[int, int] | None,
    bare_op: BareOp,
) -> tuple[list[RowTarget], list[RowProblem]] | None:
    """The rows of a flattened table whose cells stand apart by spaces (序号 指标 单位 2020年 2030年 1 婴儿死亡率 ‰ 5.9 ≤4.5 2 …).

    When the header's words are spaced so, the words after it are the cells: a row
    begins at its number in sequence followed by a name (or glued to the cell before it: ≤122 适龄… is ≤12, then
    row 2), and its cells are read from
    its end (the values, then the unit), the name being what is left. A row whose
    cells are too few to fill the columns, or whose unit cell is no unit, goes to the
    problems with its text; so do words left after the last row that hold a digit.
    None when the table is not spaced so (its header's words glued, no row number
    column, or the words after the header do not start with row 1): the glued reader
    reads it.
    """
    from compliance.extraction.columns import is_header

    text = line.text
    first = next((k for k, c in enumerate(columns) if c.role == "number"), None)
    if first is None or any(c.role == "number" for c in columns[first + 1 :]) or not is_header(columns[first:]):
        return None
    # words of the caption run on into the header (…发展主要指标 序号 指标 …) are no columns
    tokens, columns = tokens[first:], columns[first:]
    value_columns = [c for c in columns if c.role in ("baseline", "target", "parent")]
    if len(tokens) < 3 or any(text[a[2] : b[1]].strip() or a[2] == b[1] for a, b in zip(tokens, tokens[1:], strict=False)):
        return None
    words = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"\S+", text[tokens[-1][2] :])]
    words = [(w, tokens[-1][2] + a, tokens[-1][2] + b) for w, a, b in words]
    if len(words) < 2 or words[0][0] != "1" or not _CJK_WORD.search(words[1][0]):
        return None
    after_number = columns[1:]
    leading = next((k for k, c in enumerate(after_number) if c.role == "indicator"), 0)  # a 领域 word before the name
    starts = [0]
    while True:
        nxt = str(len(starts) + 1)
        begin = starts[-1] + 2
        found = None
        for j in range(begin, len(words) - 1):
            word, start, end = words[j]
            if not _CJK_WORD.search(words[j + 1][0]):
                continue
            if word == nxt:
                found = j
                break
            if word.endswith(nxt) and _SPACED_VALUE.match(word[: -len(nxt)]):
                # the row's number glued to the cell before it (≤122 适龄… is ≤12, then row 2): the sequence says so
                cut = end - len(nxt)
                words[j : j + 1] = [(word[: -len(nxt)], start, cut), (nxt, cut, end)]
                found = j + 1
                break
        if found is None:
            break
        starts.append(found)
    targets: list[RowTarget] = []
    problems: list[RowProblem] = []
    end_of_rows = len(words)
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(words)
        cells = words[start + 1 : stop]
        if n + 1 == len(starts):  # the last row: its cells, and whatever follows the table
            name_words = 0
            while name_words < len(cells) and not _SPACED_VALUE.match(cells[name_words][0]) and (
                name_words <= leading or _unit(cells[name_words][0]) is None
            ):
                name_words += 1
            width = name_words + len(after_number) - 1 - leading
            cells, end_of_rows = cells[:width], start + 1 + width
        row_text = text[words[start][2] : cells[-1][2]].strip() if cells else ""
        assigned = _spaced_cells(cells, after_number)
        if assigned is None:
            problems.append(RowProblem(line.number_at(words[start][1]), row_text or words[start][0], said("extract.reason.flat-ambiguous")))
            continue
        name, unit_written, values = assigned
        if unit_written is not None and squeeze(unit_written) in rules().empty_cells:
            unit_written = None  # no unit (— beside a ratio)
        unit = _unit(unit_written) if unit_written is not None else None
        if unit_written is not None and unit is None:
            problems.append(RowProblem(line.number_at(words[start][1]), row_text, said("extract.reason.row-unit")))
            continue
        base_name, bracket_unit = split_indicator(name)
        unit = _per_population(base_name, unit or bracket_unit)
        split = _Split([v for v, _ in values], "", 0.0)
        _flat_targets(
            line, columns, value_columns, split, base_name, unit, cells[0][2], row_text, period, bare_op, targets, problems,
            note="extract.note-flattened-spaced-row",
        )
    rest = words[end_of_rows:]
    if rest and _holds_number(" ".join(w for w, _, _ in rest)):
        problems.append(RowProblem(line.number_at(rest[0][1]), text[rest[0][1] :].strip()[:200], said("extract.reason.flat-rest")))
    return targets, problems


_YEAR = regex(r"(?:19|20)\d{2}\s*年")


def _holds_number(rest: str) -> bool:
    """Words after a flattened table's rows hold a number other than a year (注：2030年目标以正文为准 holds none)."""
    return re.search(r"[0-9*＊]", _YEAR.sub("", rest)) is not None


def _spaced_cells(
    cells: list[tuple[str, int, int]], columns: list[Column]
) -> tuple[str, str | None, list[tuple[str, Column]]] | None:
    """A spaced row's cells under its columns (all but the row number): (name, unit as written, values).

    Read from the row's end: each value column takes one word that is a value, a unit
    column one word, an attribute or source column one word; a domain column before
    the indicator (领域: 健康) its first word; the indicator takes the words left. None
    when the words do not fill the columns so.
    """
    if any(c.role not in ("domain", "indicator", "unit", "baseline", "target", "parent", "attribute", "source", "direction") for c in columns):
        return None
    at = len(cells)
    unit: str | None = None
    values: list[tuple[str, Column]] = []
    for column in reversed(columns):
        if column.role == "indicator":
            break
        if at == 0:
            return None
        word = cells[at - 1][0]
        if column.role in ("baseline", "target", "parent") and not _SPACED_VALUE.match(word):
            return None
        if column.role == "unit":
            unit = word
        elif column.role in ("baseline", "target", "parent"):
            values.insert(0, (word, column))
        at -= 1
    indicator_at = next(k for k, c in enumerate(columns) if c.role == "indicator")
    if any(c.role != "domain" for c in columns[:indicator_at]) or at <= indicator_at:
        return None
    name = "".join(w for w, _, _ in cells[indicator_at:at])
    if not _CJK_WORD.search(name):
        return None
    return name, unit, values


@cache
def _unit_cell_rows() -> re.Pattern[str]:
    cells = "|".join(map(re.escape, rules().flat_unit_cells))
    return regex(r"(?P<unit>" + cells + r")\s*(?P<run>[" + _COMPARATOR + r"]?[0-9*＊][0-9*＊." + _COMPARATOR + r"]*)")


def _rows_by_unit(
    line: Src,
    header_end: int,
    columns: list[Column],
    value_columns: list[Column],
    period: tuple[int, int] | None,
    bare_op: BareOp,
    plausible: Any,
    stated: Any,
) -> tuple[list[RowTarget], list[RowProblem]]:
    """The rows of a flattened table without row numbers but with a 单位 column (农村卫生厕所普及率%9398…).

    Each row is its name, the unit cell glued to it, then its values run together
    up to the next row's name; comparators (≥, ≤, ＜) start a value. Digits before
    岁, 个月… begin the next row's name (…≥805岁以下…). A run that splits into the
    values more than one plausible way, or a piece without a unit, goes to the
    problems with its text: no number is dropped.
    """
    text = line.text
    k = len(value_columns)
    targets: list[RowTarget] = []
    problems: list[RowProblem] = []
    position = header_end
    prefix = ""
    for match in _unit_cell_rows().finditer(text, header_end):
        if match.start() < position:
            continue
        name_text = prefix + text[position : match.start()]
        if not re.search(r"[\u4e00-\u9fff]", name_text) or re.search(r"[0-9]$", name_text):
            continue  # digits inside a name or a unit (1/10万): not a row's unit cell
        run, after = match.group("run"), text[match.end() :]
        readings: list[tuple[list[str], str]] = []
        cuts = range(1, 3) if _AFTER_DIGITS.match(after) else range(0, 1)
        for cut in cuts:
            if cut < len(run):
                values_text, next_prefix = (run[:-cut], run[-cut:]) if cut else (run, "")
                readings += [(values, next_prefix) for values in _unit_row_values(values_text, k)]
        scored: list[_Split] = []
        for values, next_prefix in readings:
            plain = [v.lstrip(_COMPARATOR) for v in values]
            penalty = _penalty(plain, _unit(match.group("unit")), "".join(name_text.split()), plausible, next_prefix, stated)
            if penalty is not None:
                scored.append(_Split(values, next_prefix, penalty))
            elif len(readings) == 1:  # the only reading the comparators allow (68≥80 in ‰): a unit slip for check to report
                scored.append(_Split(values, next_prefix, 0.0))
        name, _ = split_indicator(name_text)
        unit = _per_population(name, _unit(match.group("unit")))
        row_text = name_text.strip() + match.group(0)
        scored.sort(key=lambda s: s.penalty)
        margin = rules().flat_table_margin
        if not scored or (len(scored) > 1 and scored[1].penalty - scored[0].penalty < margin):
            problems.append(RowProblem(line.number_at(match.start()), row_text, said("extract.reason.flat-ambiguous")))
            prefix, position = "", match.end()
            continue
        best = scored[0]
        _flat_targets(
            line, columns, value_columns, best, name, unit, match.start(), row_text, period, bare_op, targets, problems,
            note="extract.note-flattened-unit-row",
        )
        prefix, position = best.prefix, match.end()
    rest = text[position:].strip()
    if re.search(r"[0-9*＊]", rest):
        problems.append(RowProblem(line.number_at(position), rest[:200], said("extract.reason.flat-rest")))
    return targets, problems


def _unit_row_values(run: str, k: int) -> list[list[str]]:
    """Every reading of a row's run (7.4≤7, 9398, 91.293) as k values, a comparator starting a value."""
    pieces = re.split("(?=[" + _COMPARATOR + "])", run)
    pieces = [p for p in pieces if p]
    if any(not re.search(r"[0-9*＊]", p) for p in pieces):
        return []
    head, tail = (pieces[0], pieces[1:]) if pieces[0][0] not in _COMPARATOR else ("", pieces)
    if any(not _VALUE.match(p.lstrip(_COMPARATOR)) for p in tail):
        return []
    needed = k - len(tail)
    if needed < 0 or (needed == 0) != (head == ""):
        return []
    if needed == 0:
        return [tail]
    return [[*values, *tail] for values, rest in _values(head, needed) if not rest]


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _next_row(
    text: str, start: int, following: int, k: int, period: tuple[int, int] | None, plausible: Any, stated: Any = None
) -> tuple[int, int, _Split] | None:
    """(end of the name, end of the digit run, its split) for the row whose name starts at `start`.

    Rows may also stand apart by a space (…4.954.5 4适龄…) and a target cell may be
    a phrase (16.8下降15%): then the values end there and the next row's number
    (with digits beginning its name) is the digit run after it.
    """
    for match in _NUMERIC.finditer(text, start + 1):
        run = match.group(0).strip(".")
        if not run or not re.match(r"[0-9*＊]", run):
            continue
        after = text[match.end() :]
        before = text[match.start() - 1]
        if _AFTER_DIGITS.match(after) and not _splits(run, k, str(following), after, last=False):
            continue  # digits inside the name (拥有3岁以下…)
        if before in "(（" or re.match(r"^[/]", after):
            continue  # inside a unit: (1/10万)
        cells_start = _cells_start(text, start, match.start())
        name = text[start:cells_start]
        last = not after.strip() or not re.search(r"[\u4e00-\u9fff]", after[:4]) or bool(_TABLE_ENDS.match(after))
        if cells_start < match.start() or _CELL_SUFFIX.match(after):
            # a row with an empty cell or a written cell (—<2, 45左右): read cell by cell
            read = _cell_splits(text, cells_start, k, str(following))
            if not read:
                continue
            candidates, run_end = read
        else:
            apart = _apart(text, match, run, k, str(following))
            if apart is not None:
                candidates, run_end = apart
            else:
                candidates, run_end = _splits(run, k, str(following), after, last), match.end()
        if not candidates:
            continue
        _, unit = split_indicator(name)
        scored = []
        for values, prefix in candidates:
            penalty = _penalty([_cell_number(v) for v in values], unit, name, plausible, prefix, stated)
            if penalty is not None:
                scored.append(_Split(values, prefix, penalty))
        if not scored:
            return cells_start, run_end, _Split(list(candidates[0][0]), candidates[0][1], math.inf)
        scored.sort(key=lambda s: s.penalty)
        best = scored[0]
        if len(scored) > 1 and scored[1].penalty - best.penalty < rules().flat_table_margin:
            best = _Split(best.values, best.prefix, math.inf)
        return cells_start, run_end, best
    return None


_EMPTY_MARKS = "—－-"
# a written cell's words after its number (45左右, 98以上)
_CELL_SUFFIX = re.compile(r"(?:左右|以上|以下)")


def _cells_start(text: str, name_start: int, digits_at: int) -> int:
    """Where a row's cells begin: before an empty cell's dash and a comparator glued to the digits (…率（%）—<2)."""
    at = digits_at
    if at > name_start and text[at - 1] in _COMPARATOR:
        at -= 1
    while at > name_start and text[at - 1] in _EMPTY_MARKS:
        at -= 1
    if at < digits_at and not re.search(r"[\u4e00-\u9fff）)]$", text[name_start:at]):
        return digits_at  # a dash inside the name (0—6岁…): not a cell
    return at


def _cell_number(value: str) -> str:
    """The number of a written cell (≥65 → 65, 45左右 → 45, — → —) for judging a split."""
    return _CELL_SUFFIX.sub("", value.lstrip(_COMPARATOR)) if value not in _EMPTY_MARKS else value


def _cell_splits(text: str, start: int, k: int, following: str) -> tuple[list[tuple[list[str], str]], int] | None:
    """The readings of k cells from `start`, each an empty mark (—), a number with an optional comparator
    before it and 左右/以上/以下 after it, then the next row's number (or the table's end).

    All readings must end at the same place (the end of the next row's digits); else None, and the row
    is read as before.
    """
    readings: list[tuple[list[str], str, int]] = []

    def cells(at: int, n: int, taken: list[str]) -> None:
        at = _skip_space(text, at)
        if n == 0:
            nxt = _NUMERIC.match(text, at)
            rest = text[at:]
            if nxt is None:
                if not rest.strip() or _TABLE_ENDS.match(rest):
                    readings.append((taken, "", at))
                return
            digits = nxt.group(0)
            if digits.startswith(following):
                prefix = digits[len(following) :]
                if bool(_AFTER_DIGITS.match(text[nxt.end() :])) == bool(prefix) and re.match(
                    r"[\u4e00-\u9fff0-9]", text[nxt.end() : nxt.end() + 1] or "x"
                ):
                    readings.append((taken, prefix, nxt.end()))
            return
        if at < len(text) and text[at] in _EMPTY_MARKS:
            end = at
            while end < len(text) and text[end] in _EMPTY_MARKS:
                end += 1
            cells(end, n - 1, [*taken, text[at:end]])
            return
        comparator = text[at] if at < len(text) and text[at] in _COMPARATOR else ""
        digits_at = at + len(comparator)
        run = _NUMERIC.match(text, digits_at)
        if run is None:
            return
        for (head,), rest in _values(run.group(0), 1):  # every number the digits can start with
            end = digits_at + len(head)
            suffix = _CELL_SUFFIX.match(text, end) if not rest else None
            if suffix:
                cells(suffix.end(), n - 1, [*taken, comparator + head + suffix.group(0)])
            else:
                cells(end, n - 1, [*taken, comparator + head])

    cells(start, k, [])
    if not readings or len({end for _, _, end in readings}) != 1:
        return None
    return [(values, prefix) for values, prefix, _ in readings], readings[0][2]


# the table ends where a part or a heading of the plan begins (…92100三、组织实施)
_TABLE_ENDS = regex(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*、|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）])")
# a target cell written as a phrase: 下降15%, ≥95, <4%
_PHRASE_CELL = regex(
    r"(?:(?:下降|降低|减少|提高|增长|增加|上升)(?:到|至)?|[≥≤<>＜＞])\s*[0-9]+(?:\.[0-9]+)?\s*[%％‰]?"
)


def _apart(text: str, match: re.Match[str], run: str, k: int, following: str) -> tuple[list[tuple[list[str], str]], int] | None:
    """The splits of a row whose values end before a space or a phrase cell, and where the next row's digits end.

    None when the row's values run on into the next row's number (the glued case `_splits` reads).
    """
    end = match.end()
    phrase = _PHRASE_CELL.match(text, end)
    values_needed = k
    if phrase is not None and phrase.end() > end:
        values_needed = k - 1
        end = phrase.end()
    elif not (end < len(text) and text[end].isspace()):
        return None
    if values_needed < 0:
        return None
    whole = [vals for vals, rest in _values(run, values_needed) if not rest]
    if phrase is not None and phrase.end() > match.end():
        glued = _glued_phrase(text, match.end(), phrase.end(), following)
        if glued is not None:  # ≥955学前…: the cell ≥95, then row 5
            cell_end, prefix = glued
            return [([*vals, text[match.end() : cell_end]], prefix) for vals in whole], phrase.end()
        whole = [[*vals, text[match.end() : phrase.end()]] for vals in whole]
    nxt = _NUMERIC.match(text, _skip_space(text, end))
    if nxt is None or not nxt.group(0).startswith(following):
        after = text[end:]
        if not after.strip() or _TABLE_ENDS.match(after):  # the last row
            return [(vals, "") for vals in whole], end
        return None
    prefix = nxt.group(0)[len(following) :]
    if bool(_AFTER_DIGITS.match(text[nxt.end() :])) != bool(prefix):
        return None
    return [(vals, prefix) for vals in whole], nxt.end()


def _glued_phrase(text: str, start: int, end: int, following: str) -> tuple[int, str] | None:
    """A phrase cell whose digits run on into the next row's number (≥955学前…): (end of the cell, next name's digits).

    Only when the phrase has no unit and a name follows at once; the cut is the one
    that leaves the next row's number (and digits of its name only before 岁, 个月…).
    """
    if text[end - 1 : end] in "%％‰" or end >= len(text) or not re.match(r"[\u4e00-\u9fff]", text[end]):
        return None
    digits = re.search(r"[0-9.]+$", text[start:end])
    if digits is None:
        return None
    run_start = start + digits.start()
    run = digits.group(0)
    needs_prefix = bool(_AFTER_DIGITS.match(text[end:]))
    for cut in range(len(run) - 1, 0, -1):
        head, rest = run[:cut], run[cut:]
        if not _VALUE.match(head) or not rest.startswith(following):
            continue
        prefix = rest[len(following) :]
        if needs_prefix == bool(prefix):
            return run_start + cut, prefix
    return None


def _values(rest: str, n: int) -> list[tuple[list[str], str]]:
    """Every way to read the start of a digit run as n values: (values, the digits left)."""
    if n == 0:
        return [([], rest)]
    found = []
    for cut in range(1, len(rest) + 1):
        head = rest[:cut]
        if _VALUE.match(head):
            for tail_values, tail in _values(rest[cut:], n - 1):
                found.append(([head, *tail_values], tail))
    return found


def _splits(run: str, k: int, following: str, after: str, last: bool) -> list[tuple[list[str], str]]:
    """Every way to read a digit run as k values, then the next row's number, then digits of the next name."""
    out: list[tuple[list[str], str]] = []
    needs_prefix = bool(_AFTER_DIGITS.match(after))
    for vals, rest in _values(run, k):
        if last and not rest:
            out.append((vals, ""))
            continue
        if rest.startswith(following):
            prefix = rest[len(following) :]
            if needs_prefix != bool(prefix):
                continue  # digits begin the next name only before 岁, 个月, —…: 5岁以下, 0—6岁
            out.append((vals, prefix))
    return out


def _penalty(
    values: list[str], unit: str | None, name: str, plausible: Any, prefix: str = "", stated: Any = None
) -> float | None:
    """How unlikely a split is (None: impossible).

    Out-of-range values are impossible, and so is a target more than about three
    times (or a third of) its baseline; far-apart values, values with three
    decimals or a trailing zero (2.610), and two digits beginning the next name
    are unlikely; a target the plan's text states for the same indicator makes
    the split likely (`stated`).
    """
    numbers: list[Decimal] = []
    for value in values:
        if any(ch in _MASK for ch in value) or not _VALUE.match(value):
            continue  # masked, or a phrase cell (下降15%): read by read_cell
        number = Decimal(value)
        if unit in ("%",) and number > 100:
            return None
        if plausible is not None and not plausible(name, number, unit):
            return None
        numbers.append(number)
    r = rules()
    penalty = sum(0.5 for value in values if re.fullmatch(r"\d+\.\d*0", value) and len(value.split(".")[1]) >= 2)
    penalty += sum(0.5 for value in values if re.fullmatch(r"\d+\.\d{3,}", value))
    penalty += 0.3 if len(prefix) >= 2 else 0.0
    for a, b in zip(numbers, numbers[1:], strict=False):
        change = (0.0 if a == b else 2.0) if a == 0 or b == 0 else abs(math.log(float(b) / float(a)))
        if change > r.flat_table_max_change:
            return None  # a plan's target far from its baseline (more than about threefold): not a reading to trust
        penalty += change
    if stated is not None and numbers and stated(name, numbers[-1]):
        penalty -= 1.0  # the text states this target for the indicator too
    return penalty


def _flat_targets(
    line: Src,
    columns: list[Column],
    value_columns: list[Column],
    split: _Split,
    name: str,
    unit: str | None,
    name_end: int,
    row_text: str,
    period: tuple[int, int] | None,
    bare_op: BareOp,
    targets: list[RowTarget],
    problems: list[RowProblem],
    note: str = "extract.note-flattened-row",
) -> None:
    number_line = line.number_at(name_end)
    baseline = None
    baseline_year = None
    parent = None
    bare = bare_op(name, unit)
    for column, value in zip(value_columns, split.values, strict=True):
        if column.role == "baseline":
            baseline = _baseline(value, unit, column.year)
            baseline_year = column.year
        elif column.role == "parent":
            read = read_cell(value, unit, bare=bare)
            parent = read[0] if read else None
    plan_end = period[1] if period else None
    at = name_end
    for column, value in zip(value_columns, split.values, strict=True):
        found = line.text.find(value, at)
        at = found + len(value) if found >= 0 else at
        if column.role != "target":
            continue
        if found >= 0:
            number_line = line.number_at(found + len(value) - 1)  # where the target's number stands (a row may cross a page mark)
        read = read_cell(value, unit, bare=bare)
        if not read or any("value" in v and not v.get("unit") for v in read):
            problems.append(RowProblem(number_line, row_text, said("extract.reason.row-unit")))
            continue
        for item in read:
            if str(item.get("op", "")).startswith("rel_") and item.get("base_year") is None and baseline_year:
                item = dict(item, base_year=baseline_year)  # relative to the table's baseline column
            targets.append(
                RowTarget(
                    indicator=_row_name(name, unit),
                    domain_written=None,
                    target=item,
                    line=number_line,
                    text=row_text,
                    baseline=baseline,
                    year=column.year if column.year is not None and column.year != plan_end else None,
                    note=said(note),
                    parent=parent,
                )
            )
