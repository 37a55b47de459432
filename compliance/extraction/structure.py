"""The layout of a plan document: noise, repeated copies, plans, parts, domains, sections.

Works on the numbered lines of `compliance.reading`. The steps, each a general rule about
how Chinese plan documents are laid out (vocabulary in rules/extraction.yaml):

1. Clean: inline noise (Word bookmarks) is removed from every line; lines of
   web-page furniture (查看原文, 打印本页, 上一篇…) are blanked.
2. Repeats: a run of consecutive lines that repeats an earlier run word for
   word (a scraped page holding the plan twice) is dropped; the first copy stays.
3. Plans: a plan starts at its title line (short, names 妇女/儿童 and a plan,
   is neither a notice title nor a citation). Text before the first title is the
   notice header (issuing body, document number, a news summary): it is read
   for plan information, never for targets.
4. Kind: from the body (its domain headings, else which subject it names more),
   so a plan headed with the wrong title still gets its kind; the title then
   comes from the body's own naming (制定《…》) when there is one.
5. Sections: parts (一、…) are preamble, domains, commitments (重点实事项目) or
   implementation (组织实施); domain headings ((一)妇女与健康) open a domain;
   主要目标 / 策略措施 headings open sections. Without headings, a domain's
   numbered lists are its sections in the order the plan's other domains use
   (a list restarting at 1 opens the next section), and a domain whose heading
   is lost (the first domain heading is (二)) gets the lists just before it.
   Domains may also be numbered like parts ("一、儿童与健康" under "第二部分 发展领域…",
   their sections then "（一）主要目标"): a part heading that names a domain is one.
6. List items whose number runs into a digit ("6.0～6个月…" after item 5) are told
   from decimals by the list sequence (`resolve_items`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from compliance.extraction._rules import fold, fold_digits, rules, said, squeeze
from compliance.extraction.cleaning import Src
from compliance.extraction.words import caption_title, cn_number, is_title, subject_kind
from compliance.cache import KeptResults
from compliance.compiled import regex

__all__ = ["Src", "cn_number", "is_title", "subject_kind"]  # defined by the stages and words below this one

# --------------------------------------------------------------------------- plans


@dataclass
class Segment:
    """The lines of one plan, with the title line that opened it."""

    lines: list[Src]
    title: str | None = None
    title_line: int | None = None
    title_kind: str | None = None
    other_documents: int = 0  # lines cut off after the plan: the next documents of a compilation (文件汇编)


# A caption naming the plan: …规划重点指标目标表, …规划主要指标, …规划主要指标体系 (the title row of a sheet).
_CAPTION = regex(
    r"(?:(?:重点|主要)(?:统计|监测)?指标(?:体系|目标值?)?(?:一览)?表?|(?:统计|监测)?指标(?:目标)?(?:值)?(?:一览)?表|(?:统计|监测)?指标体系表?)$"
)


_CAPTION_DOMAIN = regex(r"-{1,2}([\u4e00-\u9fff]{2,16})$")  # folded: ——儿童与健康 after a sheet's caption


def caption_domain(text: str) -> str | None:
    """The domain a caption names after a dash (…监测指标——儿童与健康: the sheet's domain), as written."""
    found = _CAPTION_DOMAIN.search(squeeze(text))
    heading = classify(found.group(1), None) if found is not None else None
    return heading.value if heading is not None and heading.type == "domain" else None


def _lone_text(line: Src) -> str | None:
    """The text of a paragraph, or of a table row holding a single cell (a title row of a sheet)."""
    if line.cells is None:
        return line.text
    merged = line.merged or []
    # a cell merged across the row is filled into every cell it covers: count it once
    filled = [c for k, c in enumerate(line.cells) if c.strip() and not (k < len(merged) and merged[k])]
    return filled[0] if len(filled) == 1 else None


def split_plans(lines: list[Src]) -> tuple[list[Src], list[Segment]]:
    """(the notice header, the plans): a plan runs from its title line to the next title.

    A table caption naming a plan (嘉善县妇女发展“十四五”规划重点指标目标表, the title row
    of a sheet) opens a plan too when no title line comes before it, or when it names
    the other kind than the plan it stands in (a workbook with a women's and a
    children's sheet).
    """
    starts = _title_starts(lines)
    captions = _captions(lines)
    kind_at = {i: subject_kind(squeeze(t)) for i, t, _ in starts}
    opened_by_caption: set[int] = set()
    for i, name in captions:
        before = [k for k in kind_at if k <= i]
        current = kind_at[max(before)] if before else None
        if not before or (current is not None and subject_kind(squeeze(name)) not in (None, current)):
            starts.append((i, name, 1))
            kind_at[i] = subject_kind(squeeze(name))
            opened_by_caption.add(i)
    if not starts:
        return [], [Segment(lines=lines)]
    starts = [_quoted_from(lines, start) if start[0] in opened_by_caption else start for start in starts]
    starts.sort()
    starts, repeats = _without_repeated_titles(lines, starts, opened_by_caption)
    if repeats:
        lines = [line for k, line in enumerate(lines) if k not in repeats]
        starts = _title_starts_after(lines, starts, repeats)
    return _segments(lines, starts)


def _quoted_from(lines: list[Src], start: tuple[int, str, int]) -> tuple[int, str, int]:
    """Where a plan opened by its table's caption begins: at a part heading before the caption that cites the plan and
    names its targets (a reply to a proposal: 二、《某市儿童发展规划（2021—2030年）》确定的目标, its themes, then
    表1 某市儿童发展规划主要指标进展情况), the plan's targets are quoted from there on — the text before it (一、
    基本情况: the year's values reached) is no part of the plan. Else the caption."""
    at, name, _ = start
    bare = re.sub(r"[（(][^（()）]*[）)]$", "", squeeze(name))
    for j in range(at - 1, -1, -1):
        line = lines[j]
        if line.cells is not None or line.blank or not _PART.match(fold(line.text)) or not _cites_plan_targets(line.text):
            continue
        cited = _CITED.search(line.text)
        title = cited.group(1).strip() if cited else ""
        own = re.sub(r"[（(][^（()）]*[）)]$", "", squeeze(title))
        if own and (own in bare or bare in own):
            return (j, title, 0)
        break
    return start


def _without_repeated_titles(
    lines: list[Src], starts: list[tuple[int, str, int]], opened_by_caption: set[int] = frozenset()  # type: ignore[assignment]
) -> tuple[list[tuple[int, str, int]], set[int]]:
    """The plan titles but those that name again the plan they stand in, and the lines such repeats take.

    A page's running header (the plan's title at the top of page 2 of a PDF, of each OCR'd page), a
    title printed again after a page break: the same title as the plan open, once its body has begun
    (a domain heading stands between them), with the text after it going on where the plan was (its
    next heading continues the numbering: （五）…, 三、…; or none follows), starts no plan — its text is
    furniture. A notice's or portal's copy of the title before the plan itself has no domain heading
    before it; a second plan headed with the same (wrong) title starts again (序言, 一、…, （一）…).

    A plan opened by a table's caption (a workbook's first sheet: …规划（2021—2030年）主要指标对照表) and then
    titled again where its text begins (the next sheet, a paragraph per row, under the same title) is one plan: the
    table and the text are its parts, the second title starts no plan.
    """
    kept: list[tuple[int, str, int]] = []
    repeats: set[int] = set()
    for n, start in enumerate(starts):
        if kept:
            open_start, open_title, open_taken = kept[-1]
            end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
            if (
                _same_title(start[1], open_title)
                and any(
                    (heading := classify(line.text, None)) is not None and heading.type == "domain"
                    for line in lines[open_start + open_taken : start[0]]
                    if line.cells is None and not line.blank
                )
                and not _starts_again(lines[start[0] + start[2] : end])
            ) or (
                open_start in opened_by_caption
                and squeeze(start[1]) == squeeze(open_title)
                and not any(
                    classify(line.text, None) is not None
                    for line in lines[open_start + open_taken : start[0]]
                    if line.cells is None and not line.blank
                )
            ):
                repeats.update(range(start[0], start[0] + start[2]))
                continue
        kept.append(start)
    return kept, repeats


def _same_title(title: str, open_title: str) -> bool:
    """Whether `title` names the plan open again: word for word, or with a mark that it goes on (a newspaper's next
    page headed …规划（2021—2030年）（续）, `continued_title`)."""
    own = squeeze(open_title)
    again = squeeze(title)
    return again == own or rules().continued_title.sub("", again) == own


def _starts_again(lines: list[Src]) -> bool:
    """Whether the first heading of `lines` opens a plan: a preamble part (序言, 指导思想…) or one numbered first
    (一、…, （一）…, 第一章)."""
    for line in lines:
        if line.cells is not None or line.blank:
            continue
        heading = classify(line.text, None)
        if heading is None:
            continue
        folded = fold(line.text)
        return (heading.type == "part" and heading.value == "preamble") or (
            heading.ordinal if heading.ordinal is not None else _ordinal(folded)
        ) == 1 or bool(re.match(r"^\s*第一", folded))
    return False


def _title_starts_after(
    lines: list[Src], starts: list[tuple[int, str, int]], removed: set[int]
) -> list[tuple[int, str, int]]:
    """`starts` renumbered for `lines` with the `removed` indices taken out."""
    ordered = sorted(removed)
    return [(i - sum(1 for r in ordered if r < i), title, taken) for i, title, taken in starts]


def _captions(lines: list[Src]) -> list[tuple[int, str]]:
    """(index, the plan's title) of every line or lone table cell that is a caption naming a plan: of its indicator
    table (…规划主要指标体系), or of its table of tasks (…规划（2021—2030年）目标任务分解表, …监测指标——儿童与健康, `table_captions`)."""
    found = []
    for i, line in enumerate(lines):
        text = _lone_text(line)
        if not text or len(text) > 80:
            continue
        key = squeeze(text)
        domain = _CAPTION_DOMAIN.search(key)
        if domain is not None and caption_domain(text) is not None:
            key = key[: domain.start()]  # …监测指标——儿童与健康: the sheet's domain after the caption
            text = text.rstrip()[: len(text.rstrip()) - len(domain.group(0))]
        for caption in (_CAPTION, rules().table_captions):  # an indicator table's, a table of tasks'
            if caption.search(key):
                name = caption.sub("", fold_digits("".join(text.split())))  # as written, but for the caption
                if is_title(name):
                    found.append((i, name))
                break
        else:
            # any short rest naming a table after the title (…规划（2021—2030年）主要指标对照表, …与上级规划对标表), in
            # a table's title row or a line right above a table
            below = next((other for other in lines[i + 1 : i + 3] if not other.blank), None)
            heads = line.cells is not None or (below is not None and below.cells is not None)
            name = caption_title(text) if heads else None
            if name is not None:
                found.append((i, fold_digits("".join(name.split()))))
    return found


# A line holding only the period in brackets: "（2021—2025年）" under a title on a cover page.
_PERIOD_LINE = regex(r"^\((?:19|20)\d{2}年?(?:-|~|至|到)(?:19|20)\d{2}年?\)$")


def _period_line(text: str) -> bool:
    return bool(_PERIOD_LINE.match(squeeze(text).replace("（", "(").replace("）", ")")))


def _title_starts(lines: list[Src]) -> list[tuple[int, str, int]]:
    """(index, title, how many lines the title takes) of every plan title."""
    starts: list[tuple[int, str, int]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.cells is None and not line.blank:
            text = line.text.strip()
            if is_title(text):
                # a cover page: the period in brackets on a line of its own under the title
                j = i + 1
                while j < len(lines) and j <= i + 2 and lines[j].blank and lines[j].cells is None:
                    j += 1
                if j < len(lines) and lines[j].cells is None and _period_line(lines[j].text) and is_title(
                    text + lines[j].text.strip()
                ):
                    starts.append((i, text + lines[j].text.strip(), j - i + 1))
                    i = j + 1
                    continue
                starts.append((i, text, 1))
            elif i + 1 < len(lines) and lines[i + 1].cells is None and len(squeeze(text)) <= 30:
                joined = text + lines[i + 1].text.strip()
                if is_title(joined) and not is_title(lines[i + 1].text.strip()):
                    starts.append((i, joined, 2))
                    i += 1
        elif line.cells is not None and _lone_text(line) and is_title(_lone_text(line) or ""):
            starts.append((i, (_lone_text(line) or "").strip(), 1))
        i += 1
    return starts


def _segments(lines: list[Src], starts: list[tuple[int, str, int]]) -> tuple[list[Src], list[Segment]]:
    header = lines[: starts[0][0]]
    segments: list[Segment] = []
    for n, (start, title, taken) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        first = lines[start]
        domain = caption_domain(_lone_text(first) or "") if first.cells is not None else None
        # a sheet's caption naming the plan and then the sheet's domain (…监测指标——儿童与安全): the domain stays
        opening = [Src(first.number, domain, locator=first.locator, sheet=first.sheet)] if domain else []
        segments.append(
            Segment(
                lines=opening + lines[start + taken : end],
                title=title,
                title_line=lines[start].number,
                title_kind=subject_kind(squeeze(title)),
            )
        )
    # A cover page (a title with next to nothing after it) belongs to the plan that follows.
    merged: list[Segment] = []
    for segment in segments:
        if merged and sum(1 for line in merged[-1].lines if not line.blank) < 3:
            previous = merged.pop()
            segment = Segment(
                lines=previous.lines + segment.lines,
                title=segment.title if len(segment.title or "") >= len(previous.title or "") else previous.title,
                title_line=previous.title_line,
                title_kind=previous.title_kind or segment.title_kind,
            )
        merged.append(segment)
    # A title with next to nothing after it at the end (a related link, a footer naming another plan) starts no
    # plan: its lines belong to the text before it, never to a plan of their own that takes the document's title.
    last = merged[-1]
    if _filled(last.lines) < 3 and (len(merged) > 1 or _filled(header) >= 3):
        tail = lines[next(i for i, line in enumerate(lines) if line.number == last.title_line) :]
        if len(merged) == 1:
            return [], [Segment(lines=header + tail)]
        before = merged[-2]
        merged[-2:] = [Segment(lines=before.lines + tail, title=before.title, title_line=before.title_line,
                               title_kind=before.title_kind)]
    return header, merged


def _filled(lines: list[Src]) -> int:
    return sum(1 for line in lines if not line.blank)


# --------------------------------------------------------------------------- headings

# Numbering, masked numbering included: on some portals every digit is *, so 一、 reads *、,
# (一) reads (*), 1. reads *. and (1) reads (*): a number then unknown (None).
_LEAD_NUMBER = regex(
    r"^\s*(?:第[一二三四五六七八九十百]+(?:部分|章|节|篇)|[一二三四五六七八九十]+\s*[、.]|\*\s*、|"
    r"\(\s*(?:[一二三四五六七八九十]+|\*)\s*\)|\d{1,3}\s*[.、](?!\d)|\*{1,2}\s*\.|\d\*\s*[.、](?![0-9*])|"
    r"\(\s*(?:\d{1,3}|\*{1,2}|\d\*)\s*\)|0[1-9]\s*[|｜丨]?\s*(?=[\u4e00-\u9fff]))\s*"
)  # 0[1-9]: a post numbering its headings 01 儿童与健康, 02｜儿童与安全
_PART = regex(r"^\s*(?:[一二三四五六七八九十]+\s*[、.]|\*\s*、|第[一二三四五六七八九十]+(?:部分|章|篇))\s*")
_CN_ORDINAL = regex(
    r"^\s*(?:\(\s*([一二三四五六七八九十]+|\*)\s*\)|([一二三四五六七八九十]+|\*)\s*、|([一二三四五六七八九十]+)\s*\.|"
    r"第([一二三四五六七八九十]+)(?:部分|章|篇))"
)
_CHAPTER = regex(r"^\s*第[一二三四五六七八九十百]+(?:章|部分|篇)")
_ITEM_SOURCE = r"^\s*(?:(\d{1,3}|\*{1,2}|\d\*(?=\s*[.、][^0-9*]))\s*[.、](?!\d)|\(\s*(\d{1,3}|\*{1,2}|\d\*)\s*\)"


@cache
def _item() -> re.Pattern[str]:
    """A list item's numbering: 3．, （3）, and a labelled item's, 目标3： (`item_labels` of rules/phrases.yaml)."""
    from compliance.phrases.vocabulary import _vocabulary

    labels = "|".join(re.escape(fold(w)) for w in _vocabulary().item_labels)
    return regex(_ITEM_SOURCE + (rf"|(?:{labels})\s*(\d{{1,3}})\s*:" if labels else "") + ")")
_TRAIL = ":：。.；;，, "


def heading_core(text: str) -> str:
    """A line without its numbering and trailing punctuation, folded and without spaces."""
    folded = fold(text)
    folded = _LEAD_NUMBER.sub("", folded, count=1)
    start, end = _set_off(folded)
    return squeeze(folded[start:end]).strip(_TRAIL)


@cache
def _set_off_heading() -> re.Pattern[str]:
    symbols = rules().bullet_symbols
    mark = rf"[{symbols}][\ufe0e\ufe0f\u200d]*\s*" if symbols else "(?!)"
    return regex(rf"^\s*(?:{mark})*(?:[【〖]\s*(?P<inner>[^【】〖〗]+?)\s*[】〗]\s*$)?")


def _bracketed(folded: str) -> bool:
    """Whether a heading's words stand in 【】 (💗【妇女与健康】, 【健康】)."""
    match = _set_off_heading().match(_LEAD_NUMBER.sub("", folded, count=1))
    return match is not None and match.group("inner") is not None


def _set_off(text: str) -> tuple[int, int]:
    """Where a heading's words stand in a line a social post sets off (💗【妇女与健康】, 📚妇女与教育): after the
    emoji before it, inside the 【】 around it (rules/extraction.yaml `list_bullet_symbols`); else the whole line."""
    match = _set_off_heading().match(text)
    if match is None:
        return 0, len(text)
    if match.group("inner") is not None:
        return match.start("inner"), match.end("inner")
    return match.end(), len(text)


@dataclass
class Heading:
    type: str  # part | domain | section
    value: str  # part kind, domain name as written, or section name
    ordinal: int | None = None
    inline: bool = False  # the line goes on with text after the heading
    section: str | None = None  # a domain heading naming its section too (主要目标｜儿童与健康: a slide's title)


_CLASSIFIED: dict[tuple[str, str | None, bool], Heading | None] = {}
# lines classified by earlier runs (compliance.cache.KeptResults), under the key of the catalogue's files
_KEPT = KeptResults("headings", limit=6000)


def classify(text: str, kind: str | None, catalogue: object | None = None) -> Heading | None:
    """The heading a line is (a part, a domain, a section), or None; remembered, as every stage asks."""
    key = (text, kind, catalogue is not None)
    if key not in _CLASSIFIED:
        if len(_CLASSIFIED) > 20000:
            _CLASSIFIED.clear()
        _CLASSIFIED[key] = _classify_kept(text, kind, catalogue)
    return _CLASSIFIED[key]


def _classify_kept(text: str, kind: str | None, catalogue: object | None) -> Heading | None:
    """`_classify`, or what an earlier run found for the same line with a catalogue of the same files (or none).

    The answer depends on the line, the kind, rules/ and the code (the kept entry's key) and the
    catalogue's domains: a catalogue made otherwise than by load_catalogue (no `_content_key`) is
    asked afresh.
    """
    files = None if catalogue is None else getattr(catalogue, "__dict__", {}).get("_content_key")
    if catalogue is not None and files is None:
        return _classify_line(text, kind, catalogue)
    key = (files, text, kind)
    found = _KEPT.get(key)
    if found is None:
        found = _classify_line(text, kind, catalogue)
        _KEPT.put(key, False if found is None else found)
    return found or None


def _classify_line(text: str, kind: str | None, catalogue: object | None) -> Heading | None:
    # a heading is short: past 120 characters only an inline section (主要目标：…) can open the line
    return _classify(text if len(text) <= 120 else text[:120] + "。", kind, catalogue)


def _classify(text: str, kind: str | None, catalogue: object | None = None) -> Heading | None:
    r = rules()
    folded = fold(text).strip()
    if not folded:
        return None
    core = r.heading_counts.sub("", heading_core(text))  # 儿童与健康（主要目标7项，策略措施2项）: the domain
    if not core:
        return None
    # a section heading: the whole line is 主要目标 / 策略措施 … (or it opens the line: "主要目标：…")
    plain = r.heading_qualifier.sub("", core)  # 策略措施（摘要）: a section all the same
    for word, section in r.sections:
        if plain == word:
            return Heading("section", section)
    squeezed = squeeze(_LEAD_NUMBER.sub("", folded, count=1).strip())  # once, not once per section word
    for word, section in r.sections:
        if len(word) >= 4 and squeezed.startswith(word + ":"):
            return Heading("section", section, inline=True)
    if (compound := _compound(folded, kind, catalogue)) is not None:
        return compound
    if plain in r.parts["stop"]:
        return Heading("part", "stop")  # 实施保障 on a line of its own (an encyclopedia's unnumbered heading): the end
    if _PART.match(folded) and _cites_plan_targets(text):
        return Heading("part", "domains")  # 二、《某市儿童发展规划（2021—2030年）》确定的目标: the plan's targets quoted
    if _PART.match(folded) and len(core) <= 40:
        for part in ("stop", "measures", "domains", "preamble"):
            if any(w in core for w in r.parts[part]):
                return Heading("part", part)
        # "一、儿童与健康" (domains numbered as parts, their sections then (一)主要目标): a domain
        if not (len(core) <= r.domain_max_chars and _is_domain_name(core, kind, catalogue)):
            if len(core) <= 20 and not re.search(r"[。；]", core):
                return Heading("part", "other")
            return None
    name = core
    if len(name) <= r.domain_max_chars and _is_domain_name(name, kind, catalogue):
        written = _as_written_domain(text)
        if _bracketed(folded) and catalogue is not None and getattr(_matched_domain(written, kind, catalogue), "name", None) != written:
            return None  # a news article's subhead 【健康】: a domain heading in 【】 names the domain in full (【妇女与健康】)
        return Heading("domain", written, _heading_ordinal(folded))
    theme = next((w for w in r.domain_theme_words if name.endswith(w) and len(name) > len(w)), None)
    if theme is not None and len(name) - len(theme) <= r.domain_max_chars and _is_domain_name(name[: -len(theme)], kind, catalogue):
        # （一）儿童健康方面: a theme, the domain written by its name in the catalogue (儿童与健康), as its table writes it
        written = _as_written_domain(text)
        written = written[: -len(theme)] if written.endswith(theme) else written
        named = getattr(_matched_domain(written, kind, catalogue), "name", None) if catalogue is not None else None
        return Heading("domain", named or written, _heading_ordinal(folded))
    return None


_CITED = regex(r"《([^《》]{4,60})》")


def _cites_plan_targets(text: str) -> bool:
    """A part heading citing a plan and naming its targets after the citation (二、《…规划（2021—2030年）》确定的目标):
    a document about the plan quoting its targets (`cited_targets_part_words`)."""
    words = rules().cited_targets_part_words
    match = _CITED.search(text)
    if not words or match is None or len(text) > 80 or re.search(r"[。；，,]", text) or not is_title(match.group(1)):
        return False
    return any(w in squeeze(text[match.end() :]) for w in words)


_INLINE_DOMAIN = regex(r"^\s*[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*[^。：:，,；;（(]{2,20}?(?=[。：:])")
_INLINE_DOMAIN_BLANKED = regex(r"^\s*[^。：:，,；;（(\s]{2,20}?(?=[。：:])")  # its list number kept in `Src.item`


def inline_domain(line: Src, kind: str | None, catalogue: object | None) -> Heading | None:
    """A numbered domain heading opening a paragraph of its targets: （一）儿童健康方面。到2030年，… (a reply quoting
    the plan writes each theme so), the heading before the first 。 or ：."""
    text = line.text
    match = _INLINE_DOMAIN.match(text)
    if match is None and line.item is not None:
        match = _INLINE_DOMAIN_BLANKED.match(text)
    if match is None or match.end() >= len(text.rstrip()) - 1:
        return None
    heading = classify(match.group(0) if line.item is None else "（一）" + match.group(0).strip(), kind, catalogue)
    return heading if heading is not None and heading.type == "domain" else None


def _compound(folded: str, kind: str | None, catalogue: object | None) -> Heading | None:
    """A heading of two parts (`heading_separators`): a section or a part of domains, then the domain(s) it is of.

    三、主要目标｜儿童与健康（1/2） (a slide's title bar) opens the domain and its main targets; of several domains
    side by side (主要目标｜儿童与安全　儿童与教育) the first is opened; a part naming no domain (主要目标｜福利　家庭)
    opens the section alone. A page counter after it (（1/2）, （续）) is no part of the heading.
    """
    r = rules()
    pieces = r.heading_separators.split(_LEAD_NUMBER.sub("", folded, count=1))
    if len(pieces) != 2:
        return None
    left = r.heading_qualifier.sub("", squeeze(pieces[0]).strip(_TRAIL))
    right = r.heading_qualifier.sub("", pieces[1].strip(_TRAIL + " "))
    if not left or not right or len(left) > 20 or re.search(r"[。；;]", right):
        return None
    section = next((s for w, s in r.sections if left == w), None)
    if section is None and not any(w in left for w in r.parts["domains"]):
        return None
    names = [n for n in re.split(r"[\s、，,]+", right) if n]
    domains = [n for n in names if len(n) <= r.domain_max_chars and _is_domain_name(n, kind, catalogue)]
    if domains:
        return Heading("domain", domains[0], None, section=section)
    if section is not None and len(names) <= 6 and all(len(n) <= r.domain_max_chars for n in names):
        return Heading("section", section)
    return None


def _ordinal(folded: str) -> int | None:
    match = _CN_ORDINAL.match(folded)
    if not match:
        return None
    written = next(g for g in match.groups() if g)
    return None if written == "*" else cn_number(written)


_DIGIT_ORDINAL = regex(r"^\s*\(\s*(\d{1,2})\s*\)")


def _heading_ordinal(folded: str) -> int | None:
    """The ordinal of a heading: (二), 二、, 第二部分, or written in digits ((2), full width folded)."""
    found = _ordinal(folded)
    if found is None:
        match = _DIGIT_ORDINAL.match(folded)
        found = int(match.group(1)) if match else None
    return found


def domain_row(cells: list[str], kind: str | None = None, catalogue: object | None = None) -> str | None:
    """The domain a table row names on its own ("一、妇女与健康" spanning the row), as written."""
    texts = {"".join(c.split()) for c in cells if c.strip()}
    if len(texts) != 1:
        return None
    text = texts.pop()
    heading = classify(text, kind, catalogue)
    if heading is not None and heading.type == "domain":
        return heading.value
    return None


def _is_domain_name(name: str, kind: str | None, catalogue: object | None) -> bool:
    r = rules()
    if not r.domain_pattern.match(name):
        # a domain's short name on a line of its own (健康, 决策和管理: a table's 领域 cell, a card's subhead)
        return bool(
            catalogue is not None and len(name) <= r.domain_short_max_chars and re.fullmatch(r"[\u4e00-\u9fff]+", name)
            and _matches_domain(name, kind, catalogue)
        )
    if re.match(r"^(?:妇女|儿童|女性|未成年人)(?:与|和|参与)", name):
        return True
    if catalogue is not None:
        try:
            return catalogue.match_domain(name, kind) is not None  # type: ignore[attr-defined]
        except Exception:
            return False
    return False


def _matched_domain(name: str, kind: str | None, catalogue: object) -> object | None:
    try:
        return catalogue.match_domain(name, kind)  # type: ignore[attr-defined]
    except Exception:
        return None


def _matches_domain(name: str, kind: str | None, catalogue: object) -> bool:
    try:
        return catalogue.match_domain(name, kind) is not None  # type: ignore[attr-defined]
    except Exception:
        return False


def _as_written_domain(text: str) -> str:
    folded = fold(text)
    body = _LEAD_NUMBER.sub("", folded, count=1)
    # map the folded span back to the original characters (fold keeps offsets)
    start = len(folded) - len(body)
    inner, end = _set_off(body)
    original = rules().heading_counts.sub("", text[start + inner : start + end].strip().rstrip(_TRAIL + "："))
    return "".join(original.split()).rstrip(_TRAIL + "：")


def rows_as_text(lines: list[Src], table_lines: set[int]) -> list[Src] | None:
    """Table rows outside every indicator table as text lines: a one-cell box of 主要目标 sentences,
    a `| 序号 | 内容 |` table. A first cell that is a bare small number is the row's list number.

    Returns the new lines when a row's text had to be cut into lines of its own (a box holding a
    whole list), else None (the lines were changed in place).
    """
    from compliance.extraction.unfolding import unfold

    cut = False
    out: list[Src] = []
    task: _TaskTable | None = None
    for i, line in enumerate(lines):
        if i in table_lines and line.cells is not None:
            # an indicator table's row; a header naming a text column too (指标/目标任务) reads its sentence rows
            roles = _task_header(line.cells, beside_values=True)
            said_too: list[Src] = []
            if roles is not None:
                task = _TaskTable(roles, line.sheet, sentences_only=True)
            elif task is not None and task.sentences_only and line.sheet == task.sheet:
                # the plan's sentence the row's indicators come from (主要目标（规划原文）, a cell spanning the rows of
                # its indicators): text of its section, read as the plan's text is, besides the row's values
                said_too = task.sentence_beside(line)
                task.labels = {}  # an indicator row between: the sentence rows below name their section again
            else:
                task = None
            out.append(line)
            out.extend(said_too)
            cut = cut or bool(said_too)
            continue
        if line.cells is None or i in table_lines:
            if not (task is not None and line.cells is None and line.blank and not line.text.strip()):
                task = None  # an empty line between two rows (a row's further lines in a paste from Excel) ends no table
            out.append(line)
            continue
        if task is not None and task.sentences_only and not line.table_sentence:
            task = None  # the indicator table has ended
        if task is not None and (line.sheet != task.sheet or _task_header(line.cells) is not None):
            task = None  # the next worksheet, or another table's header
        if task is None:
            roles = _task_header(line.cells)
            if roles is not None:  # 领域 | 类别 | 序号 | 目标任务 | 牵头单位 | 完成时限: the header itself holds no text
                task = _TaskTable(roles, line.sheet)
                # but a header cell that is a section's heading (重点任务) opens that section
                sections = [h for _, h in roles.values() if (classify(h, None) or Heading("", "")).type == "section"]
                if not sections and line.sheet and (classify(line.sheet, None) or Heading("", "")).type == "section":
                    sections = [line.sheet]  # or the worksheet's name (a sheet 重点任务 of a workbook: 序号 | 任务 | 牵头单位)
                out.append(Src(line.number, sections[0] if sections else "", locator=line.locator, sheet=line.sheet))
                cut = True
                continue
        if task is not None and line.cells and any(c.strip() for c in line.cells):
            pieces = task.row(line)
            if pieces is not None:
                for piece in pieces:
                    piece.table_sentence = line.table_sentence
                out.extend(pieces)
                cut = True
                continue
            task.labels = {}  # a row across the table (一、儿童与家庭): a heading, under which the labels begin again
        merged = line.merged or []
        cells = [c.strip() for k, c in enumerate(line.cells) if c.strip() and not (k < len(merged) and merged[k])]
        cells = list(dict.fromkeys(cells))  # a cell spanning columns counts once
        item = None
        if len(cells) > 1 and re.fullmatch(r"\d{1,3}", fold(cells[0])):
            item = ("dot", int(fold(cells[0])))
            cells = cells[1:]
        line.cells = None
        line.merged = line.percent = None
        line.set_text("　".join(cells))
        line.item = item
        pieces = unfold([line]) if item is None else [line]
        for piece in pieces:
            piece.table_sentence = line.table_sentence
        cut = cut or len(pieces) > 1
        out.extend(pieces)
    return out if cut else None


def _task_header(cells: list[str], beside_values: bool = False) -> dict[int, tuple[str, str]] | None:
    """The columns of a table of the plan's text by its header (目标任务 with 序号, 领域, 牵头单位 or 完成时限):
    column → (role, header as written); None for any other row.

    `beside_values`: the header of an indicator table whose name column holds the plan's sentences on some rows
    (序号 | 类型 | 指标/目标任务 | 单位 | 2020年 | 2025年 | 牵头单位): its value columns have no role here."""
    words = rules().task_columns
    filled = [(k, c.strip()) for k, c in enumerate(cells) if c.strip()]
    roles = {k: (_task_role(c, words), c) for k, c in filled}
    if beside_values:
        from compliance.extraction.columns import column_of, header_columns

        if header_columns(cells) is None:
            return None  # a row of the table, not its header
        if not any(role == "content" for role, _ in roles.values()):
            # 类别 | 指标 | 单位 | 2020年…: the sentence rows write their sentence in the indicator's column
            names = [k for k, c in filled if (column := column_of(c)) is not None and column.role == "indicator"]
            roles.update({k: ("content", roles[k][1]) for k in names[:1]})
        if [role for role, _ in roles.values()].count("content") != 1:
            return None
        return roles
    found = [role for role, _ in roles.values()]
    sections = {k: h.value for k, (role, c) in roles.items() if role in ("", "content") and (h := classify(c, None)) is not None
                and h.type == "section" and h.value in ("main_targets", "measures")}
    if len(set(sections.values())) >= 2 and found.count("content") <= len([k for k in sections if roles[k][0] == "content"]):
        # 领域 | 主要目标 | 策略措施: a column per section, each cell that section's list for the row's domain
        roles = {k: ("section" if k in sections else role, c) for k, (role, c) in roles.items()}
        return roles if "" not in (role for role, _ in roles.values()) else None
    if not found.count("content") and len(sections) == 1:
        # 序号 | 领域 | 策略措施（有量化要求的） | 牵头单位: the one column headed by a section is the text, under that section
        (k,) = sections
        roles[k] = ("content", roles[k][1])
        found = [role for role, _ in roles.values()]
    if found.count("requirement") == 1 and found.count("content") <= 1:
        # 重点任务 | 量化要求: the requirement is the item's text, the task's name beside it a topic kept after it
        roles = {k: ({"requirement": "content", "content": "topic"}.get(role, role), c) for k, (role, c) in roles.items()}
        found = [role for role, _ in roles.values()]
    if len(filled) < 2 or "" in found or found.count("content") != 1 or len(set(found)) < 2:
        return None
    return roles


def _task_role(header: str, words: dict[str, str]) -> str:
    """A header cell's role in a table of the plan's text; a cell naming two (指标/目标任务) takes the role of its part
    that has one."""
    key = squeeze(header)
    # a header with its year or unit in brackets (目标（2030年）) names its column all the same
    role = words.get(key) or words.get(rules().heading_qualifier.sub("", key))
    if role or "/" not in key:
        return role or ""
    return next((words[part] for part in key.split("/") if part in words), "")


@dataclass
class _TaskTable:
    """A table of the plan's text read row by row: each row a list item under the labels its other cells give."""

    roles: dict[int, tuple[str, str]]
    sheet: str | None
    sentences_only: bool = False  # an indicator table's header: only its sentence rows are read here
    labels: dict[int, str] = field(default_factory=dict)  # the label each label column last gave
    own_numbers: bool = False  # a cell held several items of the plan's list, each with its number (1.…<br>2.…)

    def row(self, line: Src) -> list[Src] | None:
        """The lines a row gives: each label it changes (儿童与健康, 主要目标: a domain, a section, as a heading is),
        then its item; None for a row the columns do not fit (one cell across the table: a heading, a note).
        A 专栏 box's 项目 cell (`project`) names the work its content cell states whole: no part of the item."""
        cells = line.cells or []
        sections = [k for k, (role, _) in self.roles.items() if role == "section"]
        if sections:
            return self._section_cells(line, sections)
        content = next(k for k, (role, _) in self.roles.items() if role == "content")
        text = cells[content].strip() if content < len(cells) else ""
        if not text or len({c.strip() for c in cells if c.strip()}) < 2:
            return None
        out, item, extra, text = self._other_cells(line, {content}, text)
        listed = _listed_lines(line, content, text)
        if listed is not None:  # 1.…<line break>2.…: a cell holding several items of the plan's list, a line each
            self.own_numbers = True
            from compliance.extraction.unfolding import unfold

            locator = line.cell_locators[content] if line.cell_locators and content < len(line.cell_locators) else line.locator
            for own, piece in listed:
                if extra and not re.search(r"[。；;！!？?]$", piece):
                    piece += "。"
                out += unfold([Src(own, piece + "".join(extra), locator=locator, sheet=line.sheet)])
            return out
        if item is not None and self.own_numbers and _CELL_ITEM.match(text):
            # the table's cells write the plan's own list numbers (5.5岁以下… under 序号 3, after a cell holding
            # items 3 and 4): the list's sequence tells the number, not the row's 序号
            item = None
        if extra and not re.search(r"[。；;！!？?]$", text):
            text += "。"  # the item's sentence ends before its lead unit
        number, locator = line.number, line.locator
        if line.cell_numbers and content < len(line.cell_numbers):  # the content cell's own line (.html, .pdf)
            number = line.cell_numbers[content]
            if line.cell_locators and content < len(line.cell_locators):
                locator = line.cell_locators[content]
        spans = _content_spans(line, content, text)
        if spans:
            number = spans[0][1]
        return [*out, Src(number, text + "".join(extra), item=item, locator=locator, sheet=line.sheet, spans=spans)]

    def sentence_beside(self, line: Src) -> list[Src]:
        """The lines an indicator row's sentence cell gives — a column of the plan's sentences beside the indicator
        column (序号 | 领域 | 主要目标（规划原文） | 指标 | 2020年 | 2025年目标值): the domain its label cell names,
        the column's heading (its section), then the sentence; none for a row whose cell is merged from above (the
        rows of one sentence's indicators), empty, or no sentence. Marked `table_sentence`: the table goes on."""
        from compliance.extraction.columns import column_of

        content = next(k for k, (role, _) in self.roles.items() if role == "content")
        header = self.roles[content][1]
        column = column_of(header)
        cells, merged, spanned = line.cells or [], line.merged or [], line.spanned or []
        if (column is not None and column.role == "indicator") or content >= len(cells):
            return []  # the sentences stand in the indicator's own column (类别 | 指标 | …): read by the table
        text = cells[content].strip()
        if (not text or (content < len(merged) and merged[content]) or (content < len(spanned) and spanned[content])
                or not _TABLE_SENTENCE.search(text)):
            return []
        number = line.cell_numbers[content] if line.cell_numbers and content < len(line.cell_numbers) else line.number
        locator = line.cell_locators[content] if line.cell_locators and content < len(line.cell_locators) else line.locator
        out: list[Src] = []
        for k, (role, _) in sorted(self.roles.items()):
            value = cells[k].strip() if k < len(cells) else ""
            if role != "label" or not value or (k < len(merged) and merged[k]) or self.labels.get(k) == value:
                continue
            self.labels = {j: v for j, v in self.labels.items() if j < k}
            self.labels[k] = value
            out += [Src(number, piece.strip(), locator=locator, sheet=line.sheet) for piece in _LABEL_PARTS.split(value) if piece.strip()]
        if (classify(header, None) or Heading("", "")).type == "section":
            out.append(Src(number, header, locator=locator, sheet=line.sheet))
        spans = _content_spans(line, content, text)
        out.append(Src(spans[0][1] if spans else number, text, locator=locator, sheet=line.sheet, spans=spans))
        for piece in out:
            piece.table_sentence = True
        return out

    def _section_cells(self, line: Src, sections: list[int]) -> list[Src] | None:
        """领域 | 主要目标 | 策略措施, a row per domain: each section column's cell holds that section's list for the
        row's domain (1.…；<line break>2.…), read under the column's heading, a line per item."""
        from compliance.extraction.unfolding import unfold

        cells = line.cells or []
        empty = rules().empty_cells
        filled = [k for k in sections if k < len(cells) and cells[k].strip() and squeeze(cells[k]) not in empty]
        if not filled or len({c.strip() for c in cells if c.strip()}) < 2:
            return None
        out, _, extra, _ = self._other_cells(line, set(sections), "")
        for k in filled:
            number = line.cell_numbers[k] if line.cell_numbers and k < len(line.cell_numbers) else line.number
            locator = line.cell_locators[k] if line.cell_locators and k < len(line.cell_locators) else line.locator
            out.append(Src(number, self.roles[k][1], locator=locator, sheet=line.sheet))  # the column opens its section
            cell = cells[k]
            parts = line.cell_parts[k] if line.cell_parts and k < len(line.cell_parts) else None
            starts = sorted({0, *(offset for offset, _, opens in parts or () if opens and 0 < offset < len(cell))})
            # a line per line of the cell: the list's sequence tells 3.5岁以下… (item 3) from a decimal, and a
            # sentence broken across two lines is joined again as any broken line is
            for a, b in zip(starts, [*starts[1:], len(cell)], strict=True):
                text = cell[a:b].strip()
                if not text:
                    continue
                if extra and not re.search(r"[。；;！!？?]$", text):
                    text += "。"
                # the line's own number where the reader numbers a cell's lines (a page's text nodes)
                own = next((n for offset, n, _ in reversed(parts or []) if offset <= a and n), number)
                out += unfold([Src(own, text + "".join(extra), locator=locator, sheet=line.sheet)])
        return out

    def _other_cells(self, line: Src, texts: set[int], text: str) -> tuple[list[Src], tuple[str, int] | None, list[str], str]:
        """What the cells beside the text cells give: the headings of the labels the row changes, its list number,
        what is kept after its text (the lead unit), and the text with the task's name when that is its measure."""
        cells = line.cells or []
        out: list[Src] = []
        item = None
        extra: list[str] = []
        merged = line.merged or []
        content = min(texts)
        for k, cell in enumerate(cells):
            value = cell.strip()
            role, header = self.roles.get(k, ("", ""))
            if not value or k in texts:
                continue  # an empty cell, or one merged from above (.docx): the label above holds
            if k > content and k < len(merged) and merged[k] and value == text:
                continue  # the content cell merged across the columns to its right
            if role == "number" and re.fullmatch(r"\d{1,3}", fold(value)):
                item = ("dot", int(fold(value)))
            elif role == "topic" and _names_no_measure(text):
                text = value + text  # 小学生近视率 | ≤36‰: the task's name is the measure its requirement sets
            elif role in ("lead", "topic", "remark"):
                extra.append(f"（{header}：{value}）")
            elif role == "deadline":
                if re.search(r"\d", _DEADLINE_YEARS.sub("", fold(value))):
                    extra.append(f"（{header}：{value}）")  # a number that is no year: kept for the audit
            elif role == "project":  # a 专栏's 项目 cell names the work, the content says it whole
                if re.search(r"\d", fold(value)):
                    extra.append(f"（{header}：{value}）")  # a number in it: kept for the audit
            elif role == "label" and self.labels.get(k) != value:
                # a new label (merged cells of .xlsx repeat theirs): the labels right of it begin again
                self.labels = {j: v for j, v in self.labels.items() if j < k}
                self.labels[k] = value
                # 儿童与健康·主要目标: the domain, then the section (所在部分)
                for piece in (p for p in _LABEL_PARTS.split(value) if p.strip()):
                    out.append(Src(line.number, piece.strip(), locator=line.locator, sheet=line.sheet))
            elif role not in ("label", "number"):
                extra.append("　" + value)
        return out, item, extra, text


_CELL_ITEM = regex(r"^\s*(?:\d{1,2}\s*[.．、]|[(（]\s*\d{1,2}\s*[)）])")  # a line of a cell opening with a list number


def _listed_lines(line: Src, content: int, text: str) -> list[tuple[int, str]] | None:
    """(number, text) of each line of a content cell whose every line opens with a list number (1.…<line break>2.…,
    a cell holding two items of the plan's list): each line an item of its own, numbered by its own line, its list
    number told from a decimal by the list's sequence (3.3岁以下 after 2.…) as any list's is. None for a cell of one
    line, or one whose lines go on one sentence."""
    parts = line.cell_parts[content] if line.cell_parts and content < len(line.cell_parts) else None
    cell = (line.cells or [])[content] if content < len(line.cells or []) else ""
    if not parts or cell.strip() != text:
        return None
    starts = sorted({0, *(offset for offset, _, opens in parts if opens and 0 < offset < len(cell))})
    if len(starts) < 2:
        return None
    pieces = [(next((n for offset, n, _ in reversed(parts) if offset <= a and n), line.number), cell[a:b].strip())
              for a, b in zip(starts, [*starts[1:], len(cell)], strict=True)]
    pieces = [(n, piece) for n, piece in pieces if piece]
    return pieces if len(pieces) >= 2 and all(_CELL_ITEM.match(piece) for _, piece in pieces) else None


def _content_spans(line: Src, content: int, text: str) -> list[tuple[int, int]] | None:
    """Where each line of the content cell begins in the item's text (a cell of <br>-separated sentences, each
    its own line in .html), so each target stands at its own line; None when the cell is one line or the text
    is not the cell's as written."""
    parts = line.cell_parts[content] if line.cell_parts and content < len(line.cell_parts) else None
    cell = (line.cells or [])[content] if content < len(line.cells or []) else ""
    if not parts or cell.strip() != text:
        return None
    lead = len(cell) - len(cell.lstrip())
    # a reader that numbers no line of a cell's own (a workbook's cell with a line break) leaves the row's number
    spans = [(max(offset - lead, 0), number or line.number) for offset, number, _ in parts]
    return spans if len(spans) > 1 else None


# a cell holding the plan's sentence, not an indicator's name: clauses, or a sentence's end
_TABLE_SENTENCE = regex(r"[，,；;]|[。；;！!]\s*$")
_LABEL_PARTS = regex(r"[·・•/／|｜>＞]")  # a label naming where in the plan a row stands: 儿童与健康·主要目标


def _names_no_measure(text: str) -> bool:
    """A requirement that opens with its value (均≥98%, 增至50张, 分别控制在58%、68%以下, 全覆盖): what it sets is
    named beside it, in the task's column."""
    from compliance.phrases import parse

    found = parse(fold(text))
    return bool(found) and found[0].indicator is None


# a deadline that is a year or a time (2025年, 2025年底前, 每年, 持续推进): no number of the plan's targets
_DEADLINE_YEARS = regex(r"(?:19|20)\d{2}\s*年?")


def line_item(line: Src) -> tuple[str, int | None] | None:
    """The list item a line opens: its own numbering, or the one blanked by `resolve_items`."""
    if line.item is not None:
        return line.item
    if line.cells is not None:
        return None
    return item_number(line.text)


# "6.0～6个月…", "7.5岁以下…": a number and a dot directly followed by a digit
_AMBIGUOUS_ITEM = regex(r"^(\s*)(\d{1,3})\s*([.、])(?=\d)")


def resolve_items(lines: list[Src], skip: set[int]) -> None:
    """List items whose number runs into a digit: "6.0～6个月婴儿…" after item 5 is item 6 of "0～6个月婴儿…".

    Whether "6.0" is item 6 or the decimal 6.0 is told by the list around it: the
    number that comes next in the list (the previous item's + 1, or 1 opening a list
    whose next item is 2) is the item's number. It is blanked from the text (with
    spaces, so offsets and lines stay) and kept in `Src.item`. A heading, a table or
    a table row ends a list. Lines at indices in `skip` (tables) are left alone.
    """
    last: int | None = None  # number of the last item of the current dotted list

    def candidate(i: int) -> tuple[int, str, re.Match[str]] | None:
        line = lines[i]
        if line.cells is not None or i in skip:
            return None
        folded = fold(line.text).replace("．", ".")
        match = _AMBIGUOUS_ITEM.match(folded)
        if match is None:
            return None
        return int(match.group(2)), match.group(3), match

    def next_item(i: int) -> int | None:
        for j in range(i + 1, min(len(lines), i + 30)):
            line = lines[j]
            if j in skip or line.cells is not None:
                return None
            if line.blank:
                continue
            own = item_number(line.text)
            if own is not None:
                return own[1] if own[0] == "dot" else None
            found = candidate(j)
            if found is not None:
                return found[0]
            if classify(line.text, None) is not None:
                return None
        return None

    for i, line in enumerate(lines):
        if i in skip or line.cells is not None:
            last = None
            continue
        if line.item is not None:  # cut out of a run-on line, its number already told by the list
            if line.item[0] == "dot":
                last = line.item[1]
            continue
        if line.blank:
            continue
        if classify(line.text, None) is not None:  # a heading, numbered like a list or not: a list ends
            last = None
            continue
        own = item_number(line.text)
        if own is not None:
            # the list number is taken out of the text: it is never part of a name (3．新生儿死亡率)
            width = item_marker(line.text)
            line.set_text(" " * width + line.text[width:])
            line.item = own
            if own[0] == "dot":
                last = own[1]
            continue
        found = candidate(i)
        if found is not None:
            number, _, match = found
            if (last is not None and number == last + 1) or (
                last is None and number == 1 and next_item(i) == 2
            ):
                end = match.end()
                line.set_text(" " * end + line.text[end:])
                line.item = ("dot", number)
                last = number
                continue
        if classify(line.text, None) is not None:
            last = None


_CN_ITEM = regex(r"^\s*\(\s*([一二三四五六七八九十]{1,3})\s*\)")


def _bullet(folded: str) -> re.Match[str] | None:
    return rules().list_bullet.match(folded)


def item_number(text: str) -> tuple[str, int | None] | None:
    """A list item's style and number: ('dot', 3) for "3．…", ('paren', 3) for "（3）…", ('cn', 1) for "（一）…"
    that is no heading, ('bullet', None) for "——…", "●…", ('dot', None) for a masked "*．…"."""
    folded = fold(text)
    match = _item().match(folded)
    if not match:
        if _bullet(folded):
            return "bullet", None
        cn = _CN_ITEM.match(folded)
        if cn and classify(text, None) is None:  # (一) opening a sentence, not a heading: an item of a list numbered so
            return "cn", cn_number(cn.group(1))
        return None
    if match.lastindex == 3:  # 目标3：
        return "label", int(match.group(3))
    style, written = ("dot", match.group(1)) if match.group(1) else ("paren", match.group(2))
    if "*" in written:  # *、 is a masked 一、; 1*、 an Arabic one partly masked
        return None if match.group(0).rstrip().endswith("、") and not any(ch.isdigit() for ch in written) else (style, None)
    return style, int(written)


def item_marker(text: str) -> int:
    """The length of the list number or bullet that opens `text` (0 if none): "3．", "（3）", "*．", "——", "（一）"."""
    folded = fold(text)
    match = _item().match(folded) or _bullet(folded)
    if match is None and classify(text, None) is None:
        match = _CN_ITEM.match(folded)
    return match.end() if match else 0


# --------------------------------------------------------------------------- walking a plan


@dataclass
class Context:
    section: str | None  # main_targets | measures | indicator_table | None (not a target section)
    domain: str | None
    heading: bool = False  # the line is a heading (no text to read)
    table: bool = False  # a line of a table the table readers read (not text for the paragraph reader)
    note: str | None = None
    audit: bool = False  # outside any known section, but not provably outside the targets: numbers are listed
    past: bool = False  # history under a subhead naming the past (【数说过去五年】): provably outside the targets


@dataclass
class Layout:
    contexts: list[Context]
    domains: list[str]
    template: list[str]
    notes: list[str] = field(default_factory=list)


def walk(lines: list[Src], kind: str | None, table_lines: set[int], catalogue: object | None = None) -> Layout:
    """The section and domain of every line of one plan."""
    headings = [None if (i in table_lines or line.cells is not None) else classify(line.text, kind, catalogue) for i, line in enumerate(lines)]
    has_main = any(h is not None and h.type == "section" and h.value == "main_targets" for h in headings)
    if not has_main:  # a lead saying the lists below are the main targets (…提出主要目标，一起来看↓↓)
        first = next((i for i, h in enumerate(headings) if h is not None and h.type == "domain"), 0)
        has_main = any(rules().main_targets_lead.search(line.text) for line in lines[:first] if line.cells is None)
    domain_part_words = [
        heading_core(lines[i].text) for i, h in enumerate(headings) if h is not None and h.type == "part" and h.value == "domains"
    ]
    if has_main or any("目标" in w for w in domain_part_words):
        template = ["main_targets", "measures"]
    else:
        template = ["measures"]
    # domains that are chapters (第二章 儿童与健康): a 一、 heading inside one is the chapter's own sub-heading
    chapters = any(
        h is not None and h.type == "domain" and _CHAPTER.match(fold(lines[i].text)) for i, h in enumerate(headings)
    )
    contexts: list[Context] = []
    domains: list[str] = []
    mode = "preamble"
    domain: str | None = None
    section: str | None = None
    explicit = False  # this domain has its own section headings
    items: dict[str, int] = {}
    outer: dict[str, int] = {}  # the last number of each list style before the domains (1.项目背景 2.评估内容)
    first_domain: tuple[int, int | None] | None = None  # (index, ordinal)
    for i, line in enumerate(lines):
        heading = headings[i]
        if (
            heading is not None and heading.type == "part" and heading.value == "other" and chapters
            and domain is not None and not _CHAPTER.match(fold(line.text))
        ):
            contexts.append(Context(section, domain, heading=True))  # 一、健全儿童健康服务体系 under 第二节 策略措施
            continue
        if mode == "stop" and heading is None and _task_caption(line):
            # after the implementation part, the caption of the plan's table of tasks (附件：…重点任务分工表):
            # an annex of the plan's measures, read as measures
            mode, domain, section, explicit, items = "measures", None, "measures", False, {}
            contexts.append(Context(None, None, heading=True))
            continue
        if mode not in ("preamble", "annex") and heading is None and _indicator_caption(lines, i, kind, table_lines):
            # a caption repeating the plan's title over a list of its indicators (附件 / 某县妇女发展规划（2021—2025年）
            # 主要指标（共16项）, then （一）妇女与健康 / 1.孕产妇死亡率：…（约束性）): the plan's annex of indicators,
            # read as its indicator table whatever part came before it (组织实施 ends the plan's body, not the plan)
            mode, domain, section, explicit, items = "annex", None, "indicator_table", True, {}
            contexts.append(Context(None, None, heading=True))
            continue
        if mode == "annex" and heading is None and not line.blank and line_item(line) is None and lines[i - 1].blank:
            mode, domain, section = "stop", None, None  # the annex's list ended: what follows (相关解读, a footer) is not its
        if heading is not None and heading.type == "part":
            mode = heading.value
            domain = None
            explicit = False
            items = {}
            outer = {}
            section = "measures" if mode == "measures" else None
            contexts.append(Context(None, None, heading=True))
            continue
        if heading is not None and heading.type == "domain" and mode != "stop":
            mode = "domains" if mode in ("preamble", "other", "domains") else mode
            domain = heading.value
            if domain not in domains:
                domains.append(domain)
            if first_domain is None:
                first_domain = (i, heading.ordinal)
            section = template[0] if mode == "domains" else section
            explicit = False
            if heading.section is not None:  # 主要目标｜儿童与健康: the section is named with the domain
                section, explicit = heading.section, True
            items = {}
            contexts.append(Context(None, domain, heading=True))
            continue
        if heading is not None and heading.type == "section" and mode not in ("stop",) and (mode != "preamble" or domain is not None or heading.value != "main_targets" or not domain_part_words):
            section = heading.value
            explicit = True
            items = {}
            if mode in ("preamble", "other"):
                mode = "domains"
            contexts.append(Context(section, domain, heading=not heading.inline))
            continue
        if i in table_lines:
            contexts.append(Context("indicator_table", domain, table=True))
            continue
        if heading is None and mode == "domains" and line.cells is None and (opened := inline_domain(line, kind, catalogue)):
            # （一）儿童健康方面。到2030年，…: the domain opened, the rest of the line its first targets
            domain, explicit, items = opened.value, False, {}
            if domain not in domains:
                domains.append(domain)
            section = template[0]
            contexts.append(Context(section, domain))
            continue
        item = line_item(line)
        if item is not None and item[1] is not None and mode in ("preamble", "other") and domain is None:
            outer[item[0]] = item[1]
        elif (
            item is not None and item[1] is not None and item[1] > 1 and mode == "domains" and domain is not None
            and item[0] not in items and outer.get(item[0]) == item[1] - 1
        ):
            # a document quoting the plan's domains inside one item of its own list (2.评估内容 / （1）…下列主要目标：
            # 妇女与健康：…), then numbering on ((2)…, 3.评估方法, 4.成果要求): the quote ended, its own text goes on
            mode, domain, section, explicit, items = "other", None, None, False, {}
            outer[item[0]] = item[1]
        if (
            item is not None
            and mode == "domains"
            and domain is not None
            and not explicit
            and section in template
        ):
            style, number = item
            if number == 1 and items.get(style, 0) >= 2:
                position = template.index(section)
                if position + 1 < len(template):
                    section = template[position + 1]
                    items = {}
            if number is not None:
                items[style] = max(items.get(style, 0), number)
        active = section if mode in ("domains", "measures", "annex") else None
        # a line of the plan's body whose section is not known (a part nobody named, a domain whose heading
        # was not recognised) is not provably outside the targets: its numbers are audited
        audit = active is None and mode in ("domains", "other") and not line.blank
        contexts.append(Context(active, domain if active else None, audit=audit))
    layout = Layout(contexts, domains, template)
    if first_domain is not None and first_domain[1] is not None and first_domain[1] > 1:
        _backfill_first_domain(lines, headings, layout, first_domain[0], kind, catalogue)
    return layout


def _indicator_caption(lines: list[Src], i: int, kind: str | None, table_lines: set[int]) -> bool:
    """A caption naming the plan over a list of its indicators, not a table (a table is read wherever it stands)
    nor the plan's tasks: a title with a short tail naming its indicators (`words.caption_title`), the next
    line that is not blank not in a table."""
    line = lines[i]
    if i in table_lines or line.cells is not None or line.blank or _task_caption(line):
        return False
    if caption_title(line.text, kind) is None or "指标" not in line.text:
        return False
    following = next((j for j in range(i + 1, len(lines)) if not lines[j].blank), None)
    return following is not None and following not in table_lines and lines[following].cells is None


def _task_caption(line: Src) -> bool:
    """A line that is a caption naming a table of the plan's tasks (…任务分工表, …目标任务清单: `table_captions` with
    one of `task_caption_words`), not of its indicators (…主要监测指标)."""
    if line.cells is not None or line.blank or len(line.text) > 80 or re.search(r"[。；;，,]", line.text):
        return False
    r = rules()
    caption = r.table_captions.search(squeeze(line.text))
    return caption is not None and any(word in caption.group(0) for word in r.task_caption_words)


def _backfill_first_domain(
    lines: list[Src], headings: list[Heading | None], layout: Layout, first: int, kind: str | None, catalogue: object | None
) -> None:
    """The first domain heading is (二) or later: the lists just before it are the lost domain's."""
    # walk back to the last heading before the first domain heading
    begin = first
    while begin > 0 and headings[begin - 1] is None and lines[begin - 1].cells is None:
        begin -= 1
    # split [begin, first) into runs of numbered lists (a run restarts at 1)
    runs: list[tuple[int, int]] = []
    run_start: int | None = None
    seen = 0
    for i in range(begin, first):
        item = line_item(lines[i])
        if item is not None and item[1] == 1 and (run_start is None or seen >= 2):
            if run_start is not None:
                runs.append((run_start, i))
            run_start, seen = i, 1
        elif item is not None and item[1] is not None:
            seen = max(seen, item[1])
    if run_start is not None:
        runs.append((run_start, first))
    if not runs:
        return
    wanted = layout.template
    taken = runs[-len(wanted) :]
    if len(taken) < len(wanted):
        wanted = wanted[-len(taken) :] if len(taken) == 1 and wanted == ["main_targets", "measures"] else wanted[: len(taken)]
        wanted = ["main_targets"] if len(taken) == 1 and len(layout.template) > 1 else wanted
    name = _missing_domain_name(layout.domains, kind, catalogue)
    for (start, end), section in zip(taken, wanted, strict=False):
        for i in range(start, end):
            context = layout.contexts[i]
            if context.heading:
                continue
            layout.contexts[i] = Context(section, name, note=said("extract.note-domain-inferred"))
    if name is not None and name not in layout.domains:
        layout.domains.insert(0, name)
    layout.notes.append(
        said(
            "extract.note-lost-first-domain", first=lines[taken[0][0]].number, last=lines[taken[-1][1] - 1].number,
            name=said("extract.note-lost-first-domain-name", name=name) if name else "",
        )
    )


def _missing_domain_name(present: list[str], kind: str | None, catalogue: object | None) -> str | None:
    if catalogue is None or kind is None:
        return None
    try:
        matched = {getattr(catalogue.match_domain(d, kind), "id", None) for d in present}  # type: ignore[attr-defined]
        missing = [d for d in catalogue.domains_of(kind) if d.id not in matched]  # type: ignore[attr-defined]
    except Exception:
        return None
    if missing:
        return missing[0].name
    return None
