"""The columns of an indicator table's header: which column is the indicator, the plan's target, the parent's, the baseline.

Shared by the table reader (`tables`) and by unfolding, which must find a header
run together with its rows in a 文库 export before the tables are read.
Vocabulary: `table_columns` and `table_year_column` of rules/extraction.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from compliance.extraction._rules import fold, rules, squeeze
from compliance.compiled import regex

__all__ = [
    "Column", "column_of", "combine_rows", "flat_header", "header_columns", "header_key", "header_tokens", "is_sub_header",
    "level_rank", "own_by_level", "quoted_parents", "row_level", "settle_years", "PARENT_RANK",
]


@dataclass
class Column:
    role: str  # domain number indicator unit baseline target parent year attribute source direction other
    year: int | None = None
    header: str = ""  # as written (both rows of a two-row header)
    masked_year: bool = False  # ****年: a year column whose year is masked
    bracket_parent: bool = False  # 本县目标（上级目标）: a cell's value in brackets is the parent's (≤11（≤12）)



_MASKED_YEAR = regex(r"^\*{4}年?")


def header_key(text: str) -> str:
    """A header cell squeezed, without the number an online form's export gives each question (3.指标名称,
    6.2025年目标值, 9.备注: `table_question_number`)."""
    key = squeeze(text)
    question = rules().table_question_number.match(key)
    if question is not None and question.end() < len(key):
        key = key[question.end():]
    return key


def column_of(text: str) -> Column | None:
    r = rules()
    key = header_key(text)
    if not key:
        return None
    paired = _with_parent_in_brackets(key, text)
    if paired is not None:
        return paired
    bare = re.sub(r"\(.*?\)", "", key)
    for word, role in r.table_columns:
        if key == word or bare == word:
            if role == "value":  # a year's value, the year said below (or none: the target)
                return Column("year", None, text.strip())
            written_year = re.search(r"(?:19|20)\d{2}", key)
            return Column(role, int(written_year.group(0)) if written_year else None, text.strip())
    qualified = _qualified_target(key, text)
    if qualified is not None:
        return qualified
    if "/" in bare and not re.search(r"\d", bare):
        # 指标/目标任务: a column holding an indicator's name on some rows, a sentence of the plan on others
        parts = {word: role for word, role in r.table_columns}
        if any(parts.get(part) == "indicator" for part in bare.split("/")):
            return Column("indicator", None, text.strip())
    if _MASKED_YEAR.match(key):
        rest = re.sub(r"[()年*]", "", key)
        if rest in ("", "目标", "目标值", "值"):
            return Column("year", None, text.strip(), masked_year=True)
        if any(w in rest for w in ("基", "现状", "实际")):
            return Column("baseline", None, text.strip(), masked_year=True)
        return None
    year_match = re.search(r"((?:19|20)\d{2})", key)
    if year_match:
        year = int(year_match.group(1))
        rest = key.replace(year_match.group(1), "")
        rest = re.sub(r"[()年]", "", rest)
        if r.table_year_column.match(key) or rest in ("", "目标", "目标值", "规划目标", "预期目标", "值"):
            return Column("year", year, text.strip())
        if any(w in rest for w in ("基", "现状", "实际")):
            return Column("baseline", year, text.strip())
        for word, role in r.table_columns:
            if rest == word and role in ("target", "parent"):
                return Column(role, year, text.strip())
        qualified = _qualified_target(rest, text)
        if qualified is not None and qualified.role == "parent":  # 上级规划目标值（2030年）: a parent's, for that year
            return Column("parent", year, text.strip())
        if "目标" in rest:
            return Column("target", year, text.strip())
    return None


_BRACKETED_TAIL = regex(r"^(?P<own>.+?)\((?P<inner>[^()]+)\)$")


def _with_parent_in_brackets(key: str, text: str) -> Column | None:
    """A target header naming the parent's target in brackets after the plan's own (本县目标（上级目标）, 2030年目标值
    （省级目标值）): the plan's target column, whose cells give the parent's value in brackets after the plan's
    (≤11（≤12）)."""
    match = _BRACKETED_TAIL.match(key)
    if match is None:
        return None
    inner = column_of(match.group("inner"))
    if inner is None or inner.role != "parent":
        return None
    own = column_of(match.group("own"))
    if own is None or own.role not in ("target", "year"):
        return None
    return Column("target", own.year if own.year is not None else inner.year, text.strip(), own.masked_year, bracket_parent=True)


def _qualified_target(key: str, text: str) -> Column | None:
    """A target header that says whose target it gives, no year in it: 上级规划目标值 (a parent's: a parent marker or a
    national word before the target word), 开原市目标值, 某县规划目标 (a place's: a target column; which one is the plan's
    when several name places, `own_by_level` settles)."""
    r = rules()
    if re.search(r"[0-9０-９]", key):
        return None
    prefix = next((key[: -len(s)] for s in r.table_target_suffixes if key.endswith(s) and len(key) > len(s)), None)
    if not prefix or len(prefix) > 12:
        return None
    if any(marker in prefix for marker in r.table_parent_markers) or any(prefix.startswith(w) for w in r.national_names):
        return Column("parent", None, text.strip())
    if _is_place(prefix):
        return Column("target", None, text.strip())
    return None


@cache
def _is_place(name: str) -> bool:
    from compliance.catalogue.places import gazetteer

    return bool(_PLACE_END.search(name[-1:])) and bool(gazetteer().lookup(name))


def _pair(top: str, sub: str) -> Column:
    """The column a two-row header names: 2025年目标 over 本县目标, 基期值 over 2020年."""
    upper = column_of(top) if top.strip() else None
    lower = column_of(sub) if sub.strip() else None
    header = "/".join(t.strip() for t in (top, sub) if t.strip())
    if upper is not None and upper.role == "data":
        # 年度监测值 over 2021年 | 2022年: values measured in those years, never targets
        column = Column("data", lower.year if lower is not None else None)
    elif lower is None and upper is not None and upper.role in ("target", "year") and _names_a_parent(sub):
        column = Column("parent", upper.year, masked_year=upper.masked_year)
    elif lower is None and upper is not None and upper.role == "parent":
        # 上级目标 over 省 | 市, over 丹东市2030年: the parent's values, for the year the label names
        year = _YEAR_LABEL.search(squeeze(sub))
        column = Column("parent", int(year.group(0)[:4]) if year else upper.year, masked_year=upper.masked_year)
    elif lower is None:
        column = upper or Column("other")
    elif upper is None:
        column = lower
    elif lower.role in ("year",) and upper.role in ("baseline", "target", "parent"):
        column = Column(upper.role, lower.year, masked_year=lower.masked_year)
    elif lower.role in ("target", "parent", "baseline"):
        column = Column(lower.role, lower.year if lower.year is not None else upper.year)
    else:
        column = lower
    column.bracket_parent = column.role == "target" and bool((upper and upper.bracket_parent) or (lower and lower.bracket_parent))
    column.header = header
    return column


def _names_a_parent(sub: str) -> bool:
    """A sub-header marked as a parent's, for reference (上海市（参考）, 国家纲要（对照）)."""
    key = squeeze(sub)
    return bool(key) and any(marker in key for marker in rules().table_parent_markers)


def header_columns(cells: list[str]) -> list[Column] | None:
    columns = [column_of(c) or Column("other", header=c.strip()) for c in cells]
    if is_header(columns):
        return columns
    return None


def is_header(columns: list[Column]) -> bool:
    roles = {c.role for c in columns}
    return "indicator" in roles and bool(roles & {"target", "year", "parent"}) and sum(
        c.role != "other" for c in columns
    ) >= 2


def is_sub_header(cells: list[str], merged: list[bool] | None, top: list[str] | None = None) -> bool:
    """A second header row: every cell a column word, empty, or merged from the row above; one at least new.

    Under a target header spanning several columns (2025年目标值 over 上海市（参考） | 金山区)
    a cell may name whose target the column gives: a short label without digits.
    """
    new = 0
    for k, cell in enumerate(cells):
        if not cell.strip() or (merged and k < len(merged) and merged[k]):
            continue
        if column_of(cell) is None and not (top is not None and _labels_a_spanned_target(top, k, cell)):
            return False
        new += 1
    return new > 0


def _labels_a_spanned_target(top: list[str], k: int, cell: str) -> bool:
    """A short label under a target header spanning two columns or more (itself, or the nearest to its left when
    merged away), or under a parent's header, spanning or not: whose values the column gives (省 | 市, 丹东市2030年).

    A label holds no digits but a year's, and only under a parent's header (the year its values are for).
    """
    if len(squeeze(cell)) > 12:
        return False
    top = top + [""] * (k + 1 - len(top))  # a text row's trailing empty cells are dropped: the last spans on
    j = k
    while j > 0 and not top[j].strip():
        j -= 1
    if not top[j].strip():
        return False
    above = column_of(top[j])
    if above is None:
        return False
    if above.role == "parent":
        return not re.search(r"[0-9０-９]", _YEAR_LABEL.sub("", squeeze(cell)))
    right = top[j + 1] if j + 1 < len(top) else None
    spans = j < k or (j > 0 and top[j - 1] == top[j]) or (right is not None and (not right.strip() or right == top[j]))
    return spans and above.role in ("target", "year", "allocation") and not re.search(r"[0-9０-９]", cell)


_YEAR_LABEL = regex(r"(?:19|20)\d{2}年?")


def combine_rows(top: list[str], sub: list[str], sub_merged: list[bool] | None) -> list[Column]:
    width = max(len(top), len(sub))
    top = top + [""] * (width - len(top))
    sub = sub + [""] * (width - len(sub))
    columns: list[Column] = []
    for k in range(width):
        upper = top[k]
        lower = "" if (sub_merged and k < len(sub_merged) and sub_merged[k]) or squeeze(sub[k]) == squeeze(upper) else sub[k]
        if not upper.strip() and lower.strip():
            # an upper cell spanning this column too: the nearest filled cell to its left
            j = k - 1
            while j >= 0 and not top[j].strip():
                j -= 1
            if j >= 0 and (column_of(top[j]) or Column("other")).role in ("target", "year", "baseline", "parent", "data", "allocation"):
                upper = top[j]
        columns.append(_pair(upper, lower))
    return columns


def level_rank(header: str) -> int | None:
    """The level a header names (0 the plan's own, higher ranks higher levels), None for none: see `_level_rank`."""
    return _level_rank(header)


def _level_rank(header: str) -> int | None:
    """The level a target header names: a place it starts with, in either row of a two-row header (荆门市目标值 |
    钟祥市目标值, 2025年目标 over 林州市 | 安阳市: the gazetteer's level of each), else the first level word of
    `table_column_levels` in it (市级目标, 本县目标)."""
    key = squeeze(header)
    for part in key.split("/"):  # each row of a two-row header
        place = _place_level(part)
        if place is not None:
            return place
    for word, rank in rules().table_column_levels:
        if word in key:
            return rank
    return None


# the gazetteer's levels as ranks of `table_column_levels` (0 is the plan's own column)
_PLACE_RANKS = {"county": 1, "municipal": 2, "provincial": 3}
_PLACE_END = regex(r"[省市县区旗州盟]")


@cache
def _place_level(key: str) -> int | None:
    """The rank of the place a header starts with (钟祥市目标值 → county), when the gazetteer knows that name at one
    level only; None when the header starts with no place name, or one of several levels (朝阳区 | 朝阳市)."""
    from compliance.catalogue.places import gazetteer

    places = gazetteer()
    for end in range(min(len(key), 12), 1, -1):
        if not _PLACE_END.match(key, end - 1):
            continue
        found = places.lookup(key[:end])
        if found:
            levels = {place.level for place in found}
            return _PLACE_RANKS.get(levels.pop()) if len(levels) == 1 else None
    return None


def quoted_parents(columns: list[Column], parents: list[int]) -> list[int]:
    """The parents' columns whose values a row keeps as the parent's target it quotes (`parent`), checked against the
    encoded parents: a parent's column alone, or of several naming different levels (国家纲要 | 青海省 | 海西州) the
    national outline's — the one reference every plan is checked against; the province's and the city's values beside
    it are read as no target and quoted as none (without that parent encoded, a stricter provincial value is no
    misquote of the outline). None of several sub-national columns is quoted."""
    ranks = {k: _level_rank(columns[k].header) for k in parents}
    if len(parents) < 2 or len({r for r in ranks.values() if r is not None}) < 2:
        return parents
    national = max(rank for _, rank in rules().table_column_levels)
    return [k for k in parents if ranks[k] == national]


PARENT_RANK = 99  # a row label marked as a parent's (上级, 参考): above every level a label names


def row_level(label: str) -> int | None:
    """The level a level column's label names (对照层级: 本溪市, 本县, 市级, 上级): the rank `table_column_levels`
    gives it (0 the plan's own), PARENT_RANK for a label marked as a parent's, None for a label naming no level."""
    key = squeeze(label)
    if not key or re.search(r"[0-9０-９]", key):
        return None
    r = rules()
    if key in r.table_row_levels:
        return r.table_row_levels[key]
    if any(marker in key for marker in r.table_parent_markers):
        return PARENT_RANK
    return _level_rank(label)


def own_by_level(columns: list[Column], period: tuple[int, int] | None = None) -> list[Column]:
    """Target columns named by level (国家目标 | 市级目标 | 区级目标): the lowest level is the plan's, the others its parents'.

    Applies only when two target columns or more name different levels; a column
    naming no level (2025年, 2030年: a mid-term and a final target) keeps its role.
    Before that, a column named by a place or a parent's level beside the plan's own
    unnamed one (`_named_beside_unnamed`) is a parent's.
    """
    ranked = [(k, _level_rank(c.header)) for k, c in enumerate(columns) if c.role in ("target", "parent")]
    columns = _named_beside_unnamed(columns, ranked, period)
    ranks = {rank for _, rank in ranked if rank is not None}
    targets = [k for k, rank in ranked if rank is not None and columns[k].role == "target"]
    if len(ranks) < 2 or not targets:
        return columns
    own = min(rank for k, rank in ranked if rank is not None and k in targets)
    out = list(columns)
    for k, rank in ranked:
        if rank is not None and rank != own and out[k].role == "target":
            out[k] = Column("parent", out[k].year, out[k].header, out[k].masked_year)
    return out


def _named_beside_unnamed(
    columns: list[Column], ranked: list[tuple[int, int | None]], period: tuple[int, int] | None = None
) -> list[Column]:
    """A target column naming a place (上饶市2030年目标, 榆林市目标) or a parent's level (市目标, 省级目标) beside one
    naming none (目标值 over 2030年, 2030年目标): the plan writes its own target unnamed, so the named one quotes
    another plan's, a parent's — when it is for the same year, or names none beside the unnamed final year's (the
    plan's last year, else the latest of the table's; beside an unnamed 2025年 alone, 某县目标 is the plan's 2030). Not 本县目标 (the plan's own) nor a county's level word (县目标: a county's
    plan may name its own so)."""
    unnamed = {columns[k].year for k, rank in ranked if rank is None and columns[k].role == "target"}
    if not unnamed:
        return columns
    years = [c.year for c in columns if c.role in ("target", "parent", "year") and c.year is not None]
    final = period[1] in unnamed if period else bool(years) and max(years) in unnamed
    out = list(columns)
    for k, rank in ranked:
        if not rank or out[k].role != "target":
            continue
        named = rank >= _PLACE_RANKS["municipal"] or any(_place_level(part) is not None for part in squeeze(out[k].header).split("/"))
        if named and (out[k].year in unnamed or (out[k].year is None and final)):
            out[k] = Column("parent", out[k].year, out[k].header, out[k].masked_year)
    return out


def settle_years(columns: list[Column], period: tuple[int, int] | None) -> list[Column]:
    """Year columns as baselines and targets. In a table of values reached (a column of data: 评估结论, 完成情况) beside
    a year column named the target (规划目标（2030年）), a bare year column (2025年) holds that year's values: data."""
    if any(c.role == "data" for c in columns) and any(_named_target(c) for c in columns):
        columns = [Column("data", c.year, c.header) if c.role == "year" and c.year is not None and not _named_target(c)
                   and (period is None or c.year >= period[0]) else c for c in columns]
    years = sorted({c.year for c in columns if c.role == "year" and c.year is not None})
    masked = [k for k, c in enumerate(columns) if c.role == "year" and c.year is None]
    settled: list[Column] = []
    for k, column in enumerate(columns):
        if column.role != "year":
            settled.append(column)
            continue
        if column.year is None:  # masked years: the earlier column is the baseline, the later the target
            baseline = len(masked) > 1 and k != masked[-1]
        elif period is not None:
            baseline = column.year < period[0]
        else:
            baseline = len(years) > 1 and column.year == years[0]
        settled.append(Column("baseline" if baseline else "target", column.year, column.header, column.masked_year))
    if not any(c.role == "target" for c in settled):
        # only one year column and it is before the period: it is the target after all
        for column in settled:
            if column.role == "baseline" and column.year is not None and column.year == max(years or [0]):
                column.role = "target"
    return settled


def _named_target(column: Column) -> bool:
    """A column whose header names it the target (规划目标（2030年）, 2030年目标值, 目标值), not a bare year."""
    return column.role in ("year", "target") and "目标" in column.header


def header_tokens(text: str) -> list[tuple[str, int, int]]:
    """The column words a header run is made of, in order, with their offsets (序号|指标名称|2020年基数|2030年目标)."""
    r = rules()
    words = sorted({w for w, _ in r.table_columns if len(w) >= 2}, key=len, reverse=True)
    year = regex(r"(?:19|20)\d{2}\s*年?(?:目标值?|基数|现状值?|基期值?|实际值)?")
    tokens: list[tuple[str, int, int]] = []
    folded = fold(text)
    i = 0
    while i < len(folded):
        if folded[i] == " ":
            i += 1
            continue
        match = year.match(folded, i)
        found = match.group(0) if match else None
        for word in words:
            if folded.startswith(word, i) and (found is None or len(word) > len(found)):
                found = word
        if found is None:
            break
        tokens.append((text[i : i + len(found)], i, i + len(found)))
        i += len(found)
    return tokens


def flat_header(text: str) -> list[Column] | None:
    """The columns of a header whose cells were run together, or None if it is not an indicator-table header."""
    tokens = header_tokens(text)
    if len(tokens) < 3:
        return None
    return header_columns([t for t, _, _ in tokens])


