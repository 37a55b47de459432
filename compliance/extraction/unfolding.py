"""Unfolding: the logical lines of a text whose layout was lost (run-on lists, 文库 chunks, flattened tables).

A scrape may put a domain's whole 主要目标 list on one line ("主要目标：1.…。2.…。
3.5岁以下…"), and a 文库 export runs the whole plan together in chunks cut
mid-sentence. This stage joins the chunks of a run (marked by cleaning) into
one text and cuts every text line where a line of the plan once began, so that
the stages after it see headings, list items and tables on lines of their own,
as in a clean text. Each piece keeps, for every character, the document line it
stands on (`Src.spans`), so positions stay those of the file.

A line is cut before:

- a section word with its colon (主要目标：, 策略措施：);
- a chapter (第三章…) next in its sequence, after the end of a sentence or a table's last cell;
- a part heading (一、… 二、…) that comes next in the sequence of parts, after
  the end of a sentence or followed by a part's words (发展领域, 组织实施 …);
- a heading numbered (一)(二)… next in its sequence, after the end of a
  sentence or directly after a part heading;
- a list item (1. 2. …, (1) (2) …) next in its list's sequence, after the end of a
  sentence or a colon. Its number is taken out of the text (kept in `Src.item`),
  so that "3.5岁以下儿童死亡率" is item 3 of "5岁以下儿童死亡率" and never the
  decimal 3.5: the list sequence tells list numbers from decimals;
- a plan title standing in running text (…（此件公开发布）峨山…儿童发展规划（2021—2030年）儿童是…);
- a table header run together with its rows (序号指标名称2020年基数2030年目标1婴儿死亡率…):
  the table is a piece of its own, marked `table_text`, read by the table reader.

Masked numbering (*、 (*) *.) counts as numbering whose number is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from compliance.extraction._rules import fold, rules, squeeze
from compliance.extraction.cleaning import Src
from compliance.compiled import regex

CN = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"  # a list numbered ①②③ (a post's list run on: …以上；②婴儿…)
_ENDS = "。；;！!？?：:"


def unfold(lines: list[Src]) -> list[Src]:
    """The logical lines of the cleaned lines: chunks joined, run-on lines cut (see the module's docstring)."""
    out: list[Src] = []
    items: dict[str, int] = {}  # the list numbers reached so far: a list runs on over the lines of a page
    for line in _join_chunks(lines):
        if line.cells is not None or len(line.text) < 8:
            if line.cells is not None or _HEADING_LINE.match(fold(line.text)):
                items = {}  # 主要目标 / （二）…: a new list begins
            out.append(line)
            continue
        pieces, items = _cut(line, items)
        out.extend(pieces)
    return out


# a short line that opens a new list: a section word or a numbered heading
_HEADING_LINE = regex(r"^\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}\s*、|第.{1,3}[章节部篇]|[^\d]{2,6}$)")


def _join_chunks(lines: list[Src]) -> list[Src]:
    out: list[Src] = []
    for line in lines:
        if line.continues and out and out[-1].cells is None and line.cells is None:
            previous = out[-1]
            head = previous.text + (" " if _cells_apart(previous.text, line.text) else "")
            spans = list(previous.spans or [(0, previous.number)])
            spans.append((len(head), line.number))
            for start, number in line.spans or []:
                spans.append((len(head) + start, number))
            joined = Src(
                previous.number, head + line.text, spans=sorted(set(spans)), locator=previous.locator,
                whole=previous.whole and line.whole,
            )
            out[-1] = joined
            continue
        out.append(line)
    return out


_UNIT_THEN_VALUE = regex(r"[%‰％]\s*$")
_VALUE_START = regex(r"^\s*[0-9≤≥<>＜＞≦≧]")
_NUMBER_THEN_SYMBOL = regex(r"[0-9]\s*$")
_SYMBOL_START = regex(r"^\s*[≤≥<>＜＞≦≧]")


def _cells_apart(before: str, after: str) -> bool:
    """A page or chunk cut between two cells of a flattened table (…毛入园率 % ‖ 88.5 ≥92, …88.5 ‖ ≥92): no word or
    number runs on over such a cut (a unit mark is never followed by a digit in a sentence, a number never by ≥),
    so the cells stay apart; a number cut inside (达到9 ‖ 5%) joins."""
    return bool(
        (_UNIT_THEN_VALUE.search(before) and _VALUE_START.match(after))
        or (_NUMBER_THEN_SYMBOL.search(before) and _SYMBOL_START.match(after))
    )


# --------------------------------------------------------------------------- markers


@dataclass
class _Marker:
    start: int  # where the piece begins
    kind: str  # section | chapter | part | heading | item | title | table | after
    number: int | None = None  # the marker's ordinal (None when masked)
    style: str | None = None  # for items: dot | paren
    end: int = 0  # end of the marker itself (items: where the item's text starts)


@cache
def _patterns() -> re.Pattern[str]:
    r = rules()
    # longest first; words of one length in a fixed order (only one of them can match at a place), so that the
    # pattern is the same text every run and its code is kept (compliance.compiled)
    words = sorted({w for w, _ in r.sections if len(w) >= 4}, key=lambda w: (-len(w), w))
    return regex(
        r"(?P<section>(?:" + "|".join(map(re.escape, words)) + r")\s*[:：])"
        r"|(?P<chapter>第(?P<chapter_n>[" + CN + r"]{1,3}|\*)\s*(?:章|部分|篇)(?=\s*[\u4e00-\u9fff]))"
        r"|(?P<part>(?P<part_n>[" + CN + r"]{1,3}|\*)\s*、)"
        r"|(?P<heading>\(\s*(?P<heading_n>[" + CN + r"]{1,3}|\*)\s*\))"
        r"|(?P<item>(?P<item_n>\d{1,2}|\*{1,2}|\d\*)\s*[.、](?![0-9*]*\s*[%‰])|\(\s*(?P<paren_n>\d{1,2}|\*{1,2}|\d\*)\s*\))"
        r"|(?P<circled>[" + _CIRCLED + r"])"
    )


_SECOND_ITEM = {"dot": regex(r"(?<![0-9.])2\s*[.、](?![0-9])"), "paren": regex(r"\(\s*2\s*\)"), "circled": regex("②")}
_TITLE = regex(r"(?:妇女|儿童)(?:发展)?(?:“[^”]{1,6}”|\"[^\"]{1,6}\")?(?:发展)?(?:规划|纲要)(?:\([^()]{4,24}\))?")
_CJK = regex(r"[\u4e00-\u9fff“”\"]")


def _cn(text: str) -> int | None:
    from compliance.extraction.words import cn_number

    return None if "*" in text else cn_number(text)


# the end of a target's value (…3‰以下, …达到90%, …10/10万以下) and a comma or a space, or nothing: a run-on list whose
# items stand apart so (…控制在3‰以下，2.婴儿死亡率…, …90%以上 3.…) goes on with its next item there
_AFTER_A_VALUE = regex(r"[0-9*][%‰]\s*(?:及?以[上下]|左右)?\s*[,，]?\s*$|[0-9*]\s*/\s*10\s*万\s*(?:及?以[上下]|左右)?\s*[,，]?\s*$")

# …达到90%，2.5万名妇女…: a decimal amount, no item
_AMOUNT_START = regex(r"[0-9]+(?:\.[0-9]+)?\s*(?:万|亿|%|‰|人|名|个|元|倍|次|所|家)")


def _preceded(folded: str, at: int) -> bool:
    """At the start of the text, or after the end of a sentence or a colon (not a ratio's: 1:1.5)."""
    j = at - 1
    while j >= 0 and folded[j] == " ":
        j -= 1
    if j > 0 and folded[j] in ":：" and (folded[j - 1].isdigit() or folded[j - 1] in "*＊"):
        return False  # 1:1.5, *:*.*
    return j < 0 or folded[j] in _ENDS


def _short_title(folded: str, start: int, at: int) -> bool:
    """The text from a heading's start to `at` is short and holds no sentence: a heading's own title."""
    return at - start <= 40 and not re.search(r"[。；;！!？?]", folded[start:at])


def _chapter_starts(folded: str, at: int) -> bool:
    """第三章 starts a piece after a sentence, and after a flattened table's last cell (…%9398第三章…)."""
    j = at - 1
    while j >= 0 and folded[j] == " ":
        j -= 1
    return j < 0 or folded[j] in _ENDS or folded[j].isdigit() or folded[j] in "%‰)）"


def _followed_by_part_words(folded: str, at: int) -> bool:
    r = rules()
    head = squeeze(folded[at : at + 24])
    return any(head.startswith(w) for part in ("domains", "measures", "stop", "preamble") for w in r.parts[part]) or any(
        head.startswith(w) for w, _ in r.sections
    )


@cache
def _title_then_list() -> re.Pattern[str]:
    words = sorted({fold(w) for w, _ in rules().sections if len(w) >= 2}, key=lambda w: (-len(w), w))
    return regex(r"\s*[\u4e00-\u9fff]{2,12}\s*(?:\d{1,2}\s*[.、](?![0-9])|(?:" + "|".join(map(re.escape, words)) + r")\s*[:：])")


def _titled(folded: str, at: int) -> bool:
    """A heading's short title follows `at`, then its first list item or a section word (儿童与教育 1., …主要目标：)."""
    return _title_then_list().match(folded, at) is not None


def _markers(text: str, folded: str, carried: dict[str, int] | None = None) -> tuple[list[_Marker], dict[str, int]]:
    """The places the line is cut, and the list numbers reached at its end (`carried` those of the lines before)."""
    inside = _Quoted(folded)
    found: list[_Marker] = []
    chapter: int | None = None
    chapter_at: int | None = None
    part: int | None = None
    heading: int | None = None
    heading_after_part = False
    items: dict[str, int] = dict(carried or {})
    last_start = -100
    last_heading: int | None = None  # where the last (一) heading began, until an item follows it
    for match in _patterns().finditer(folded):
        at = match.start()
        if inside[at]:
            continue
        if match.group("section"):
            found.append(_Marker(at, "section", end=match.end()))
            items = {}
            heading_after_part = False
            last_start = at
            continue
        if match.group("chapter"):
            n = _cn(match.group("chapter_n"))
            in_sequence = n is None or chapter is None or n == chapter + 1
            if in_sequence and _chapter_starts(folded, at):
                found.append(_Marker(at, "chapter", n, end=match.end()))
                chapter = n if n is not None else (chapter or 0) + 1
                chapter_at = at
                part, heading, items, heading_after_part, last_start = None, None, {}, False, at
            continue
        if match.group("part"):
            n = _cn(match.group("part_n"))
            in_sequence = n is None or part is None or n == part + 1  # a line may start mid-plan: 三、 after 二、 above
            first = part is None and n not in (None, 1)
            after_chapter = (  # 第三章发展领域与主要目标一、妇女与健康: a chapter's short title, then its first part
                part is None and n in (None, 1) and chapter_at is not None and _short_title(folded, chapter_at, at)
            )
            if in_sequence and (
                (_preceded(folded, at) and not first) or after_chapter or _followed_by_part_words(folded, match.end())
            ):
                found.append(_Marker(at, "part", n, end=match.end()))
                part = n if n is not None else (part or 0) + 1
                heading, items, heading_after_part, last_start = None, {}, True, at
            continue
        if match.group("heading"):
            n = _cn(match.group("heading_n"))
            in_sequence = n is None or (heading is None and n == 1) or (heading is not None and n == heading + 1)
            # a line may start mid-plan (a 文库 page after a sentence's end: …以下。（二）儿童与教育 1.…): a heading
            # that comes first in its line but is not (一) stands so when its short title opens a list or a section
            mid_plan = heading is None and n not in (None, 1) and _preceded(folded, at) and _titled(folded, match.end())
            short_part = heading_after_part and _short_title(folded, last_start, at)
            if mid_plan or (in_sequence and (_preceded(folded, at) or short_part)):
                found.append(_Marker(at, "heading", n, end=match.end()))
                last_heading = at
                heading = n if n is not None else (heading or 0) + 1
                items, heading_after_part, last_start = {}, False, at
            continue
        if match.group("circled"):
            number, style = str(_CIRCLED.index(match.group("circled")) + 1), "circled"
        else:
            number = match.group("item_n") or match.group("paren_n")
            style = "dot" if match.group("item_n") else "paren"
        n = None if "*" in number else int(number)
        last = items.get(style)
        title_before = last is None and n in (None, 1) and last_heading is not None and _short_title(folded, last_heading, at)
        next_after_a_value = (
            last is not None
            and n == last + 1
            and _AFTER_A_VALUE.search(folded, max(0, at - 24), at) is not None
            and _AMOUNT_START.match(folded, match.end()) is None
        )
        if not (_preceded(folded, at) or title_before or next_after_a_value):
            continue  # （一）主要目标1.…: the first item after a heading's title; …控制在3‰以下，2.婴儿…: the next item
        if n == 1 and last is None and at > 0 and _ambiguous(folded, _Marker(at, "item", end=match.end())) and not (
            _SECOND_ITEM[style].search(folded, match.end())
        ):
            continue  # 托位数：1.1个（2020年）→ 4.6个: a first item with no second after it in the line is a decimal
        if n is None or (last is None and n == 1) or (last is not None and n == last + 1):
            found.append(_Marker(at, "item", n, style, end=match.end()))
            items[style] = n if n is not None else (last or 0) + 1
            last_start = at
    found += _titles(text, folded, inside)
    found.sort(key=lambda m: m.start)
    return _with_tables(folded, found), items


class _Quoted:
    """Whether a character stands inside 《》 or quotes (no piece starts there), worked out on first use."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.marks: list[bool] | None = None

    def __getitem__(self, i: int) -> bool:
        if self.marks is None:
            self.marks = [False] * len(self.folded)
            if "《" in self.folded or "“" in self.folded:
                depth = 0
                for k, ch in enumerate(self.folded):
                    if ch in "《“":
                        depth += 1
                    elif ch in "》”" and depth:
                        depth -= 1
                        continue
                    self.marks[k] = depth > 0
        return self.marks[i]


def _titles(text: str, folded: str, inside: _Quoted) -> list[_Marker]:
    """A plan title standing in running text: a piece starts at it and after it."""
    from compliance.extraction.words import is_title

    found: list[_Marker] = []
    for match in _TITLE.finditer(folded):
        if inside[match.start()]:
            continue
        begin = match.start()
        while begin > 0 and _CJK.match(folded[begin - 1]) and match.start() - begin < 20:
            begin -= 1
        if begin > 0 and _CJK.match(folded[begin - 1]):
            continue  # no clear start: part of a sentence (…关于印发X规划的通知)
        if (begin > 0 and folded[begin - 1] in "、，,") or match.start() - begin < 2:
            continue  # one of a list of parents (依据国家、省、市儿童发展纲要): no place of its own, no plan's title
        if re.search(r"\d\s*月\s*\d{1,2}\s*$", folded[:begin]) and folded[begin] == "日":
            begin += 1  # …2022年5月6日某某县…规划: the date's 日 is not the title's
        cited = [squeeze(m.group(1)) for m in re.finditer(r"《([^《》]{4,60})》", text)]
        for start in range(begin, match.start() + 1):  # the title the notice names, when it names one
            if squeeze(text[start : match.end()]) in cited:
                begin = start
                break
        candidate = text[begin : match.end()]
        after = squeeze(text[match.end() : match.end() + 12])
        if not is_title(candidate) or len(text) < 60 or any(after.startswith(w) for w in _caption_words()):
            continue  # a title alone on its line, or a table's caption (…规划主要指标)
        if begin > 0:
            found.append(_Marker(begin, "title", end=match.end()))
        if match.end() < len(text) and text[match.end() :].strip()[:1] not in ("的", "》", "和", "、", ""):
            found.append(_Marker(match.end(), "after", end=match.end()))
    return found


@cache
def _caption_words() -> tuple[str, ...]:
    r = rules()
    return tuple({w for w, section in r.sections if section == "indicator_table"} | {"主要指标", "指标", "目标表"})


def _with_tables(folded: str, markers: list[_Marker]) -> list[_Marker]:
    """A flattened table (its header run together: 序号指标名称2020年基数2030年目标) is one piece.

    It runs to the next part, heading or section marker; list items and titles
    seen inside it (row numbers, names) are not markers.
    """
    from compliance.extraction.columns import flat_header

    tables = [m.start() for m in _header_runs().finditer(folded) if flat_header(m.group(0)) is not None]
    if not tables:
        return markers
    out: list[_Marker] = []
    for start in tables:
        out.append(_Marker(start, "table", end=start))
    for marker in markers:
        inside = False
        for start in tables:
            stop = next((m.start for m in markers if m.start > start and m.kind in ("chapter", "part", "heading", "section")), len(folded))
            if start <= marker.start < stop:
                inside = True
        if not inside:
            out.append(marker)
    out.sort(key=lambda m: m.start)
    return out


@cache
def _header_runs() -> re.Pattern[str]:
    r = rules()
    words = sorted({w for w, _ in r.table_columns if len(w) >= 2}, key=lambda w: (-len(w), w))  # as in _patterns
    year = r"\d{2}\s*年?(?:目标值?|基数|现状值?|基期值?|实际值)?"
    # three tokens or more, written token(?:token){2,} and with the years as 19…|20…: the same matches as
    # (?:token){3,}, but every alternative begins with a character, so re skips the places no token starts at
    # (a line is searched in a seventh of the time)
    token = "(?:" + "|".join(map(re.escape, words)) + "|19" + year + "|20" + year + r")\s*"
    return regex(token + "(?:" + token + "){2,}")


# --------------------------------------------------------------------------- cutting


def _cut(line: Src, carried: dict[str, int]) -> tuple[list[Src], dict[str, int]]:
    """The pieces of a line, and the list numbers reached at its end."""
    text = line.text
    folded = fold(text)
    found, items = _markers(text, folded, carried)
    markers = [m for m in found if m.start > 0 or m.kind in ("item", "table")]
    if not markers:
        return [line], items
    pieces: list[Src] = []
    bounds = sorted({m.start for m in markers if m.start > 0})
    by_start = {m.start: m for m in markers}
    if bounds and not text[: bounds[0]].strip() and by_start[bounds[0]].kind == "table":
        # a table's header indented by spaces (a text table laid out in columns): the indent stays, it places the cells
        by_start.setdefault(0, by_start[bounds[0]])
        bounds = bounds[1:]
    starts = [0, *bounds]
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        piece_text = text[start:end]
        if not piece_text.strip():
            continue
        piece = Src(line.number_at(start), piece_text, spans=_spans(line, start, end), locator=line.locator)
        marker = by_start.get(start)
        if marker is not None and marker.kind == "item" and marker.style != "circled" and _ambiguous(folded, marker):
            width = marker.end - start
            piece.set_text(" " * width + piece_text[width:])
            piece.item = (marker.style or "dot", marker.number)
        if marker is not None and marker.kind == "table":
            piece.table_text = True
        pieces.append(piece)
    return pieces or [line], items


def _ambiguous(folded: str, marker: _Marker) -> bool:
    """An item number directly followed by a digit or a mask (3.5岁以下…, *.*岁以下…): it is taken out of the text."""
    return marker.end < len(folded) and (folded[marker.end].isdigit() or folded[marker.end] in "*＊")


def _spans(line: Src, start: int, end: int) -> list[tuple[int, int]] | None:
    if not line.spans:
        return None
    spans = [(0, line.number_at(start))]
    for offset, number in line.spans:
        if start < offset < end:
            spans.append((offset - start, number))
    return spans if len({n for _, n in spans}) > 1 else None
