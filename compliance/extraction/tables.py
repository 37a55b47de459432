"""Indicator tables (重点指标目标表): finding them and reading each row as a target.

A table is recognised by its header, whatever the format: a row of cells (a
.docx or .xlsx row, a Markdown row, a text line with tabs between cells) or —
in a text export of a Word table — one cell per line. The header must name an
indicator column and a target column (目标值, or a year such as 2025年); a
year before the plan's period (2020年, 基期值, 现状值) is the baseline column.

Text exports put each cell on its own line, a cell's text sometimes over two
lines ("应救" / "尽救", "妇女与" / "决策管理") and rows apart by blank lines. A
cell starts with a tab when the header's cells do; a line without one goes on
the cell before. An empty domain cell is the domain above (a vertically merged
cell); an empty target cell within such a merged domain is the target cell
above (the gold labels' reading of 嘉兴's merged cells), and a .docx/.xlsx
cell marked merged is read the same way. A row naming only a domain ("一、妇女与健康"
across the table) puts the rows below it in that domain. A row that cannot be read
(a cell not understood, a unit nobody knows) is a `RowProblem`, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from compliance.extraction._rules import fold, rules, squeeze
from compliance.extraction.structure import Src, classify, domain_row, item_number

_MASK = "*＊"


@dataclass
class Cell:
    text: str
    line: int
    merged: bool = False
    percent: bool = False  # a number in a percent format (.xlsx): 0.9 is shown as 90%
    locator: str | None = None  # where a person finds the cell (表1 第5行 本县目标列, 主要指标!F9)


@dataclass
class Column:
    role: str  # domain number indicator unit baseline target attribute source other
    year: int | None = None


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[Cell]]
    indices: set[int] = field(default_factory=set)  # indices (into the plan's lines) it covers
    header_line: int = 0
    exact_merges: bool = False  # merged cells are marked (.docx, .xlsx): empty means empty
    domains: list[str] = field(default_factory=list)  # domains its rows name, in order (filled by read_table)


# --------------------------------------------------------------------------- columns


def column_of(text: str) -> Column | None:
    r = rules()
    key = squeeze(text)
    if not key:
        return None
    bare = re.sub(r"\(.*?\)", "", key)
    for word, role in r.table_columns:
        if key == word or bare == word:
            return Column(role)
    year_match = re.search(r"((?:19|20)\d{2})", key)
    if year_match:
        year = int(year_match.group(1))
        rest = key.replace(year_match.group(1), "")
        rest = re.sub(r"[()年]", "", rest)
        if r.table_year_column.match(key) or rest in ("", "目标", "目标值", "规划目标", "预期目标", "值"):
            return Column("year", year)
        if any(w in rest for w in ("基", "现状", "实际")):
            return Column("baseline", year)
        if "目标" in rest:
            return Column("target", year)
    return None


def _header(cells: list[str]) -> list[Column] | None:
    columns = [column_of(c) or Column("other") for c in cells]
    roles = {c.role for c in columns}
    if "indicator" in roles and roles & {"target", "year"} and sum(c.role != "other" for c in columns) >= 2:
        return columns
    return None


def _settle_years(columns: list[Column], period: tuple[int, int] | None) -> list[Column]:
    years = sorted({c.year for c in columns if c.role == "year" and c.year is not None})
    settled: list[Column] = []
    for column in columns:
        if column.role != "year":
            settled.append(column)
            continue
        if period is not None:
            baseline = column.year is not None and column.year < period[0]
        else:
            baseline = len(years) > 1 and column.year == years[0]
        settled.append(Column("baseline" if baseline else "target", column.year))
    if not any(c.role == "target" for c in settled):
        # only one year column and it is before the period: it is the target after all
        for column in settled:
            if column.role == "baseline" and column.year is not None and column.year == max(years or [0]):
                column.role = "target"
    return settled


# --------------------------------------------------------------------------- finding tables


def _row_cells(line: Src) -> list[str] | None:
    if line.cells is not None:
        return line.cells
    text = line.text.strip("\r\n")
    inner = text.strip("\t ")
    if inner.count("\t") >= 2:
        return [c.strip() for c in inner.split("\t")]
    return None


def find_tables(lines: list[Src], period: tuple[int, int] | None) -> list[Table]:
    tables: list[Table] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        if i in used:
            i += 1
            continue
        cells = _row_cells(lines[i])
        if cells is not None:
            columns = _header(cells)
            if columns is not None:
                table = _row_table(lines, i, _settle_years(columns, period))
                tables.append(table)
                used |= table.indices
                i = max(table.indices) + 1
                continue
        found = _cell_header(lines, i)
        if found is not None:
            end, columns, tabbed = found
            table = _cell_table(lines, i, end, _settle_years(columns, period), tabbed)
            tables.append(table)
            used |= table.indices
            i = max(table.indices) + 1
            continue
        i += 1
    return tables


def _row_table(lines: list[Src], start: int, columns: list[Column]) -> Table:
    table = Table(columns, [], {start}, lines[start].number, exact_merges=lines[start].merged is not None)
    i = start + 1
    while i < len(lines):
        line = lines[i]
        cells = _row_cells(line)
        if cells is None:
            if line.blank:
                # a blank line between rows; the table goes on if a row follows
                j = i + 1
                while j < len(lines) and lines[j].blank and lines[j].cells is None:
                    j += 1
                if j < len(lines) and _row_cells(lines[j]) is not None and _header(_row_cells(lines[j]) or []) is None:
                    table.indices.update(range(i, j))
                    i = j
                    continue
            break
        if _header(cells) is not None:
            break
        merged = line.merged or [False] * len(cells)
        percent = line.percent or [False] * len(cells)
        numbers = line.cell_numbers or []
        locators = line.cell_locators or []
        row = [
            Cell(
                c,
                numbers[k] if k < len(numbers) else line.number,
                merged[k] if k < len(merged) else False,
                percent[k] if k < len(percent) else False,
                locators[k] if k < len(locators) else None,
            )
            for k, c in enumerate(cells)
        ]
        table.rows.append(row)
        table.indices.add(i)
        i += 1
    return table


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
    columns = _header(texts)
    if columns is None:
        return None
    return j, columns, tabbed


def _ends_table(text: str) -> bool:
    if not _short(text) or len(squeeze(text)) > 16:
        return True
    if classify(text, None) is not None or item_number(text) is not None:
        return True
    return bool(re.match(r"^\s*[（(][一二三四五六七八九十]+[)）]|^\s*[一二三四五六七八九十]+、", fold(text)))


def _cell_table(lines: list[Src], start: int, end: int, columns: list[Column], tabbed: bool) -> Table:
    """Rows of a table written one cell per line."""
    width = len(columns)
    table = Table(columns, [], set(range(start, end)), lines[start].number)
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    blank_before = False
    flat: list[Cell] = []
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
            if not tabbed and not _short(line.text):
                break
            if (blank_before and row) or len(row) >= width:
                rows.append(row)
                row = []
            cell = Cell(line.text.strip(), line.number)
            row.append(cell)
            flat.append(cell)
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
    table.indices.update(range(end, last_used + 1))
    if rows and all(len(r) == width for r in rows if any(c.text for c in r)):
        table.rows = [r for r in rows if any(c.text for c in r)]
    else:  # rows could not be told apart by blank lines: cut the cells by the header's width
        chunks = [flat[k : k + width] for k in range(0, len(flat), width)]
        table.rows = [c for c in chunks if any(x.text for x in c)]
    return table


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
        return None


def split_indicator(text: str) -> tuple[str, str | None]:
    """妇女人均预期寿命（岁） → (妇女人均预期寿命, 岁); a trailing bracket that is no unit stays."""
    name = "".join(text.split())
    match = re.search(r"[（(]([^（()）]{1,12})[)）]\s*$", name)
    if match:
        unit = _unit(fold(match.group(1)).strip())
        if unit is not None:
            return name[: match.start()].strip(), unit
    return name, None


def _per_population(name: str, unit: str | None) -> str | None:
    if unit is None or "/" in unit or unit in ("%", "‰", "岁", "年", "1/10万", "百分点", "ratio"):
        return unit
    key = squeeze(name)
    for prefix, denominator in rules().table_per_population:
        if key.startswith(prefix):
            return _unit(f"{unit}/{denominator}") or unit
    return unit


_SIMPLE = re.compile(
    r"^(?P<sym>>=|<=|≥|≤|≧|≦|>|<|=|约|~)?\s*(?P<num>[0-9*＊]+(?:\.[0-9*＊]+)?)\s*(?P<unit>%|‰|/10万|个百分点)?\s*"
    r"(?P<post>及以上|以上|及以下|以下|左右|以内)?$"
)
_SYMBOLS = {">=": ">=", "≥": ">=", "≧": ">=", "<=": "<=", "≤": "<=", "≦": "<=", ">": ">", "<": "<", "=": "=", "约": "~", "~": "~"}
_POST = {"及以上": ">=", "以上": ">=", "及以下": "<=", "以下": "<=", "左右": "~", "以内": "<="}


_BARE_NUMBER = re.compile(r"(?<![0-9.*＊/])[0-9]+(?:\.[0-9]+)?(?![0-9.*＊%‰/])")


def read_cell(text: str, unit: str | None) -> list[dict[str, Any]] | None:
    """The targets a target cell states (mappings of the plan format); None if it states nothing readable."""
    from compliance.phrases import parse

    folded = fold(text).strip()
    key = squeeze(text)
    match = _SIMPLE.match(key)
    if match:
        number = match.group("num")
        cell_unit = _unit(match.group("unit")) if match.group("unit") else unit
        op = _SYMBOLS.get(match.group("sym") or "") or _POST.get(match.group("post") or "") or ">="
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
        bare = list(_BARE_NUMBER.finditer(folded))
        if len(bare) == 1:
            written = unit[1:] if unit.startswith("1/") else unit
            number = bare[0]
            parsed = parse(folded[: number.end()] + written + folded[number.end() :])
    numeric = [t for t in parsed if t.is_numeric]
    chosen = numeric or [t for t in parsed if t.quote and len(squeeze(t.quote)) >= len(key) - 2]
    if not chosen:
        return None
    results = []
    for t in chosen:
        results.append(t.to_mapping(default_unit=unit))
    return results


def _baseline(text: str, unit: str | None, year: int | None) -> dict[str, Any] | None:
    key = squeeze(text)
    if key in rules().empty_cells:
        return None
    number = re.fullmatch(r"([0-9*＊]+(?:\.[0-9*＊]+)?)\s*(%|‰)?", key)
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


def as_shown(cell: Cell, unit: str | None) -> str:
    """A cell's text as the spreadsheet shows it: a fraction in a percent format is a percentage (0.9 → 90%).

    Only for a row whose unit is % or not stated: a percent format on a row counted
    in another unit (1/10万, 岁) is a slip of formatting, and the value stands as stored.
    """
    if not cell.percent or unit not in (None, "%"):
        return cell.text
    value = _decimal(squeeze(cell.text))
    if value is None:
        return cell.text
    shown = (value * 100).normalize()
    return format(shown, "f") + "%"


def read_table(table: Table, plan_end: int | None) -> tuple[list[RowTarget], list[RowProblem]]:
    empty = rules().empty_cells
    columns = table.columns
    role_index = {}
    for k, column in enumerate(columns):
        role_index.setdefault(column.role, k)
    target_columns = [k for k, c in enumerate(columns) if c.role == "target"]
    baseline_column = role_index.get("baseline")
    targets: list[RowTarget] = []
    problems: list[RowProblem] = []
    domain: str | None = None
    above: dict[int, Cell] = {}  # last non-empty cell of each target column
    for row in table.rows:
        def cell(k: int | None, row: list[Cell] = row) -> Cell | None:
            return row[k] if k is not None and k < len(row) else None

        named = domain_row([c.text for c in row])
        if named is not None:  # a row naming a domain ("一、妇女与健康" across the table): the rows below are in it
            domain = named
            if named not in table.domains:
                table.domains.append(named)
            continue
        name_cell = cell(role_index.get("indicator"))
        if name_cell is None or not name_cell.text.strip():
            continue
        domain_cell = cell(role_index.get("domain"))
        domain_empty = domain_cell is None or squeeze(domain_cell.text) in empty
        if domain_cell is not None and not domain_empty:
            domain = "".join(domain_cell.text.split())
            if domain not in table.domains:
                table.domains.append(domain)
        name, unit = split_indicator(name_cell.text)
        unit_cell = cell(role_index.get("unit"))
        if unit_cell is not None and unit_cell.text.strip():
            unit = _unit(fold(unit_cell.text).strip().strip("()（）")) or unit
        unit = _per_population(name, unit)
        baseline = None
        base_cell = cell(baseline_column)
        if base_cell is not None:
            baseline = _baseline(
                as_shown(base_cell, unit), unit, columns[baseline_column].year if baseline_column is not None else None
            )
        row_text = " | ".join(as_shown(c, unit) for c in row if c.text.strip())
        for k in target_columns:
            own = cell(k)
            source = own
            note = None
            if own is None or squeeze(own.text) in empty:
                blank = own is None or not own.text.strip()
                if table.exact_merges:
                    inherit = own is not None and own.merged
                else:  # a text export: an empty cell inside a merged domain is merged too
                    inherit = blank and domain_empty
                if inherit and k in above:
                    source = above[k]
                    note = (
                        f"target cell of this row (line {own.line if own else name_cell.line}) is empty: "
                        f"read as merged with the cell above (line {source.line}, “{source.text}”)"
                    )
                else:
                    continue
            else:
                above[k] = own
            assert source is not None
            shown = as_shown(source, unit)
            try:
                values = read_cell(shown, unit)
            except Exception as error:  # one cell must never cost the whole document
                problems.append(RowProblem(source.line, f"{name}: {shown}", f"table cell not understood ({error})"))
                continue
            year = columns[k].year
            if values is None:
                if re.search(r"[0-9*＊]", shown):
                    problems.append(RowProblem(source.line, f"{name}: {shown}", "table cell not understood"))
                continue
            if any("value" in v and not v.get("unit") for v in values):
                # a number with no unit the checker knows (（1/万）): listed, not guessed
                written = name_cell.text.strip()
                problems.append(
                    RowProblem(source.line, f"{written}: {shown}", "the unit of this row is not understood")
                )
                continue
            for value in values:
                targets.append(
                    RowTarget(
                        indicator=name,
                        domain_written=domain,
                        target=value,
                        line=source.line,
                        text=row_text,
                        baseline=baseline,
                        year=year if year is not None and plan_end is not None and year != plan_end else None,
                        note=note,
                        locator=own.locator if own is not None else source.locator,
                    )
                )
    return targets, problems
