"""Targets in the text of target sections, and the numbers in them nobody understood.

Lines of one section are joined into paragraphs where a sentence was broken
across lines (a line that does not end a sentence, followed by a line that
opens no new item or heading); the phrase parser reads the paragraph and each
target keeps the line of its number. Every other number of the paragraph is
either recognised as a non-target (a year, an age, a baseline, numbering, a
name inside quotes or brackets…: rules/extraction.yaml) or listed as unparsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from compliance.extraction._rules import fold, rules, said, squeeze
from compliance.extraction.cleaning import Src
from compliance.extraction.structure import classify, item_marker, item_number
from compliance.compiled import regex

_SENTENCE_END = "。；;！!？?：:"
_CLAUSE = "，,。；;！!？?：:"
_NUMBER = regex(r"[0-9０-９*＊]+(?:[.．][0-9０-９*＊]+)?")
_OPEN = {"(": ")", "（": "）", "“": "”", "《": "》", "〔": "〕", "[": "]", "【": "】", "「": "」", '"': '"', "‘": "’"}


@dataclass
class Paragraph:
    text: str
    owners: list[int]  # line number of each character
    section: str
    domain: str | None
    note: str | None = None
    breaks: list[int] = field(default_factory=list)  # where a line break fell between two digits


@dataclass
class TextTarget:
    indicator: str
    target: dict[str, Any]
    line: int
    text: str
    section: str
    domain: str | None
    year: int | None = None
    lead_units: list[str] = field(default_factory=list)
    responsible_units: list[str] = field(default_factory=list)
    note: str | None = None
    start: int = 0  # where its quote starts in the paragraph's text


@dataclass
class Loose:
    line: int
    text: str
    reason: str


def _opens_item(text: str) -> bool:
    folded = fold(text).lstrip()
    if item_number(text) is not None:
        return True
    return bool(re.match(r"^(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+)", folded))


# sections whose text lines the paragraph reader reads: a 主要指标 part may list its targets as text
# ((1)新生儿死亡率：2020年3.1‰，2025年降至2.8‰以下) instead of a table
_TEXT_SECTIONS = ("main_targets", "measures", "indicator_table", "audit")
TEXT_SECTIONS = _TEXT_SECTIONS  # the sections whose lines are read as text (a target section's paragraphs)


_CARD_VALUE_CHARS = regex(r"[0-9.%‰‱≤≥<>=~\-—/:、，,\s]+")
# what a name may hold of digits: a year (以2020年为基数), an age (5岁以下, 0～6岁)
_CARD_YEAR = regex(r"(?:19|20)[0-9]{2}\s*年|[0-9]{1,2}\s*(?:[~\-—至]\s*[0-9]{1,2}\s*)?(?:周)?岁")


def _card_value(text: str) -> str | None:
    """The value of a card's value line (🔹≤2.8‰, 95%以上, 🔹下降20%), without its bullet; None if the line is
    no such line: a number, and besides comparators and units at most two characters of words
    (`card_value_words` left out)."""
    r = rules()
    if not r.card_value_max:
        return None
    value = text.strip()[item_marker(text.strip()) :].strip()
    folded = fold(value)
    if not value or len(value) > r.card_value_max or not re.search(r"[0-9]", folded):
        return None
    if not re.search(r"[^0-9.\s]", folded):
        return None  # a bare number (a row's number, a table's cell): a card's value has its unit or comparator
    if folded.rstrip()[-1:] in _SENTENCE_END:
        return None  # 90%以上。: the end of a sentence broken before it (an OCR'd line), no card
    rest = _CARD_VALUE_CHARS.sub("", folded)
    for word in r.card_value_words:
        rest = rest.replace(word, "")
    return value if len(rest) <= 2 else None


def _card_name(text: str) -> bool:
    """A card's name line (新生儿死亡率, 儿童伤害死亡率（以2020年为基数）): words and no value of their own."""
    folded = fold(text).strip()
    if not folded or len(folded) > 40 or item_number(text) is not None or classify(text, None) is not None:
        return False
    if any(ch in folded for ch in "。；;！!？?，,"):
        return False  # a clause: the next sentence, not a card's name
    return not re.search(r"[0-9]", _CARD_YEAR.sub("", folded)) and re.search(r"[\u4e00-\u9fff]{2}", folded) is not None


_CARD_NOTE = regex(r"^(.+?)[(（]([^()（）]{1,16})[)）]$")


def _card_name_text(name: str) -> str:
    """A card's name line as it goes before its value: a note in brackets after the name that names a year
    (儿童伤害死亡率（以2020年为基数）) or holds only a value's words (…覆盖率（分别达到）) without its brackets, as a
    sentence writes it (…死亡率以2020年为基数下降20%, …覆盖率分别达到90%和80%); a qualifier of the measure
    (…接种率（以县为单位）) stays as written."""
    match = _CARD_NOTE.match(name)
    if match is None:
        return name
    inner = match.group(2)
    rest = inner
    for word in rules().card_value_words:
        rest = rest.replace(word, "")
    if not rest.strip() or re.search(r"[0-9]", fold(inner)):
        return match.group(1) + inner
    return name


def _cards(lines: list[Src], contexts: list[Any]) -> dict[int, int]:
    """{index of a card's value line: index of its name line}: a value printed before its name (🔹≤2.8‰ ↵
    新生儿死亡率), both lines in one text section. Only in a run of value and name lines that opens with a
    value after a line of another kind: in one that opens with a name, or after another cell (a table written
    one cell per line), each value is the name's before it."""
    found: dict[int, int] = {}
    i = 0
    while i < len(lines) - 1:
        if not _card_pair(lines, contexts, i) or (i > 0 and _card_line(lines[i - 1], contexts[i - 1], _card_or_cell)):
            i += 1
            continue
        while i < len(lines) - 1 and _card_pair(lines, contexts, i):
            found[i] = i + 1
            i += 2
    return found


def _card_or_cell(text: str) -> bool:
    """A line a run of cards never follows: a name (name first: a table one cell per line), a value, a bare number
    (the cell before, 3.1 ↵ ≤2.8 ↵ 约束性)."""
    return _card_name(text) or _card_value(text) is not None or re.fullmatch(r"[0-9.]+", fold(text).strip()) is not None


def _card_line(line: Src, context: Any, test: Any) -> bool:
    return (
        line.cells is None and not line.table_text and context.section in _TEXT_SECTIONS and not context.heading
        and bool(test(line.text))
    )


def _card_pair(lines: list[Src], contexts: list[Any], i: int) -> bool:
    """Lines i and i+1 are a value line and its name, in one section and domain."""
    a, b, ca, cb = lines[i], lines[i + 1], contexts[i], contexts[i + 1]
    return (
        (ca.section, ca.domain) == (cb.section, cb.domain)
        and _card_line(a, ca, lambda text: _card_value(text) is not None)
        and _card_line(b, cb, _card_name)
    )


def lead_cards(header: list[Src]) -> list[Paragraph]:
    """A repost's cards before the plan's text restating its indicator list, each a baseline, an arrow and the
    target (◆ 新生儿死亡率：3.6‰（2020年）→ 3.0‰以下（2030年), `baseline_arrows`): the plan's indicator table, a
    paragraph per card. Only a run of at least two cards counts (one arrow in a lead is a sentence of the news)."""
    from compliance.phrases.vocabulary import _vocabulary

    vocab = _vocabulary()
    if not vocab.baseline_arrows:
        return []
    found: list[Paragraph] = []
    for line in header:
        if line.cells is not None or line.blank:
            continue
        text = line.text.strip()
        piece = text[item_marker(text) :].strip()
        folded = fold(piece)
        match = vocab.arrow_card_re.search(folded)
        if match is None or ":" not in folded[: match.start() + 1] or len(piece) > 80:
            continue
        found.append(Paragraph(piece, [line.number] * len(piece), "indicator_table", None))
    return (found if len(found) >= 2 else []) + _lead_highlights(header)


def _lead_highlights(header: list[Src]) -> list[Paragraph]:
    """A repost's highlight box before the plan's text restating some of its targets in the reposter's words
    (📌小编划重点：到2030年，婴儿死亡率降到4‰以下，… : `lead_highlights` in rules/extraction.yaml): the plan's targets as
    the box states them, slips and all. The box is the label's line and the lines its broken sentence runs on to."""
    pattern = rules().lead_highlight
    found: list[Paragraph] = []
    current: Paragraph | None = None
    for line in header:
        text = line.text.strip() if line.cells is None else ""
        if current is not None and text and current.text.rstrip()[-1:] not in "。！!？?" and not pattern.match(fold(text)):
            lead = len(line.text) - len(line.text.lstrip())
            current.text += text
            current.owners += [line.number_at(lead + i) if line.spans else line.number for i in range(len(text))]
            continue
        current = None
        opened = pattern.match(fold(text)) if text else None
        if opened and text[opened.end() :].strip():
            rest = text[opened.end() :].strip()
            at = line.text.find(rest)
            current = Paragraph(rest, [line.number_at(at + i) if line.spans else line.number for i in range(len(rest))],
                                "main_targets", None)
            found.append(current)
    return found


def paragraphs(lines: list[Src], contexts: list[Any]) -> list[Paragraph]:
    """Paragraphs of the target sections, broken lines joined; a card written value first (🔹≤2.8‰ ↵
    新生儿死亡率) is one paragraph, its name then its value, each character at its own line."""
    out: list[Paragraph] = []
    current: Paragraph | None = None
    previous_text = ""
    previous_whole = False
    cards = _cards(lines, contexts)
    names = set(cards.values())
    for index, (line, context) in enumerate(zip(lines, contexts, strict=False)):
        if index in names:
            continue  # read with its value line
        section = context.section if not getattr(context, "audit", False) else "audit"
        if index in cards:
            name = lines[cards[index]]
            value = _card_value(line.text) or ""
            at = line.text.find(value)
            value_owners = [line.number_at(at + k) if line.spans else line.number for k in range(len(value))]
            head = _card_name_text(name.text.strip())
            out.append(Paragraph(head + value, [name.number] * len(head) + value_owners, section, context.domain, context.note))
            current = None
            previous_text = ""
            continue
        if (
            section not in _TEXT_SECTIONS or context.heading or getattr(context, "table", False)
            or line.cells is not None or line.table_text
        ):
            current = None
            previous_text = ""
            continue
        text = line.text
        if not text.strip():
            current = None
            previous_text = ""
            continue
        continues = (
            current is not None
            and current.section == section
            and current.domain == context.domain
            and previous_text.rstrip()[-1:] not in _SENTENCE_END
            and not previous_whole and not line.whole  # a caption card is a statement of its own
            and not rules().subhead.fullmatch(fold(previous_text).strip())  # 关键词1 | 健康: a news subhead, no broken line
            and not rules().caption_line.match(previous_text)  # 专栏2　…: a box's title, its first sentence below
            and line.item is None
            and not _opens_item(text)
            and classify(text, None) is None
        )
        piece = text.strip()
        lead = len(text) - len(text.lstrip())
        owners = [line.number_at(lead + i) for i in range(len(piece))] if line.spans else [line.number] * len(piece)
        if continues and current is not None:
            if current.text[-1:].isdigit() and piece[:1].isdigit():
                current.breaks.append(len(current.text))  # a line break never joins two numbers into one
                piece, owners = " " + piece, [owners[0], *owners]
            current.text += piece
            current.owners += owners
        else:
            current = Paragraph(piece, owners, section, context.domain, context.note)
            out.append(current)
        previous_text = text
        previous_whole = line.whole
    return out


def _bracket_mask(text: str) -> list[bool]:
    inside = [False] * len(text)
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if stack and ch == _OPEN[stack[-1][0]]:
            _, begin = stack.pop()
            if not stack:
                for j in range(begin, i + 1):
                    inside[j] = True
            continue
        if ch in _OPEN and not (ch == '"' and stack and stack[-1][0] == '"'):
            stack.append((ch, i))
    return inside


def _clause(text: str, start: int, end: int) -> str:
    begin = start
    while begin > 0 and text[begin - 1] not in _CLAUSE:
        begin -= 1
    finish = max(end, start)
    while finish < len(text) and text[finish] not in _CLAUSE:
        finish += 1
    clause = text[begin:finish].strip()
    return _LEADING_NUMBER.sub("", clause, count=1) or clause


_LEADING_NUMBER = regex(r"^\s*(?:\d{1,3}\s*[.．、](?![0-9０-９])|[（(]\s*\d{1,3}\s*[)）])\s*")


def _number_line(paragraph: Paragraph, start: int, end: int) -> int:
    """The line of the target's number: its last digit (or mask, or 全覆盖) in the quote."""
    for i in range(min(end, len(paragraph.text)) - 1, start - 1, -1):
        if paragraph.text[i].isdigit() or paragraph.text[i] in "*＊":
            return paragraph.owners[i]
    index = min(max(end - 1, start), len(paragraph.owners) - 1)
    return paragraph.owners[index] if paragraph.owners else 0


def _own_number_line(paragraph: Paragraph, target: Any, cursors: dict[tuple[int, int], int]) -> int:
    """The line of a target's own number; targets sharing one quote (分别降至3‰、5‰和↵6‰以下) take theirs in order."""
    span = (target.start, target.end)
    value = getattr(target, "value", None)
    if value is not None and not target.masked:
        written = format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)
        folded = fold(paragraph.text[: target.end])
        at = folded.find(written, cursors.get(span, target.start))
        while at >= 0 and (at > 0 and folded[at - 1].isdigit() or folded[at + len(written) : at + len(written) + 1].isdigit()):
            at = folded.find(written, at + 1)  # a whole number, not a part of another (5 in 15)
        if at >= 0:
            cursors[span] = at + len(written)
            return paragraph.owners[at + len(written) - 1]
    return _number_line(paragraph, target.start, target.end)


_UNITS = regex(r"(牵头单位|责任单位|配合单位)\s*[:：]\s*")


def responsible(text: str) -> tuple[list[str], list[str]]:
    """(牵头单位, 责任单位) named in a paragraph: （牵头单位：区卫生健康局，责任单位：区医保局）."""
    lead: list[str] = []
    resp: list[str] = []
    for match in _UNITS.finditer(text):
        i = match.end()
        depth = 0
        j = i
        while j < len(text):
            ch = text[j]
            if ch in "（(〔[【":
                depth += 1
            elif ch in "）)〕]】":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and ch in "，,；;。":
                break
            j += 1
        names = [n.strip() for n in re.split(r"[、,，]", text[i:j]) if n.strip()]
        (lead if match.group(1) == "牵头单位" else resp).extend(names)
    return lead, resp


_YEAR = regex(r"(?:到|至|在|于|力争)?\s*((?:19|20)\d{2})\s*年(?:底|末|前)?(?!\s*(?:为|的|是|已|基|-|—|至))")


def _own_year(text: str, end: int, period: tuple[int, int] | None) -> int | None:
    """The target year a sentence gives a target before its number ends (到2025年…): None for the plan's end."""
    start = end
    begin = start
    while begin > 0 and text[begin - 1] not in "。；;":
        begin -= 1
    year = None
    if period is None:
        return None
    for match in _YEAR.finditer(fold(text[begin:start])):
        candidate = int(match.group(1))
        before = text[begin : begin + match.start()]
        if re.search(r"以\s*$", before):
            continue  # 以2020年为基数
        if period[0] <= candidate < period[1]:
            year = candidate
        elif candidate == period[1]:
            year = None
    return year


def read_paragraph(
    paragraph: Paragraph, period: tuple[int, int] | None, keep_qualitative: bool, report: bool = False
) -> tuple[list[TextTarget], list[Loose]]:
    """The targets of a paragraph and its numbers left unread. In a `report` on the plan (a mid-term evaluation quoting
    it), the sentences and clauses of a year's values reached (2025年为…) are no targets (`_history_spans`)."""
    from compliance.phrases import parse

    text = paragraph.text
    try:
        parsed = parse(text)
    except Exception:  # one paragraph the parser chokes on must never cost the whole document
        parsed = []
    lead, resp = responsible(text)
    targets: list[TextTarget] = []
    spans: list[tuple[int, int]] = []
    broken: list[Loose] = []
    cursors: dict[tuple[int, int], int] = {}  # per quote shared by several targets: where the next value is sought
    conditions = _conditions_after_measure(text, parsed)
    indicators = _complete_subjects(text, parsed, conditions)
    history = _history_spans(text, period, report, paragraph.owners)
    spans += history  # its numbers are the past: neither targets nor numbers left unread
    for t, indicator, condition in zip(parsed, indicators, conditions, strict=True):
        spans.append((t.start, t.end))
        if t.is_numeric and _named_no_target(text, t):
            continue  # 提出64项主要目标, 8个领域, 24小时畅通: the plan counting its own parts, a named concept
        if any(s <= t.start < e or t.start < s < t.end for s, e in history):
            # “十三五”期间，全区新增学位8.6万个: the past, not a target; 现在全县已经配了376名儿童主任: a state of things
            # marked inside the target's words, before its number (a mark ends at the number)
            continue
        if any(t.start <= b <= t.end for b in paragraph.breaks):
            broken.append(Loose(_number_line(paragraph, t.start, t.end), _clause(text, t.start, t.end),
                                said("extract.reason.digits-across-break")))
            continue
        if not t.is_numeric and not keep_qualitative and not any(ch.isdigit() for ch in fold(t.quote)):
            continue  # a measure's direction word; one that holds a number (在2020年90％的基础上有所提高) is kept
        if not t.is_numeric and t.indicator is None:
            continue  # a direction word with nothing to say what it is about
        if t.is_numeric and not (indicator or t.indicator) and fold(t.quote).strip() == fold(text).strip():
            # a value standing alone (一图读懂 card 68项 over a section's word, ≤2.5‰ with no name beside it): never a
            # target named by its own number; listed, the document says what it measures
            broken.append(Loose(_number_line(paragraph, t.start, t.end), text.strip(), said("extract.reason.value-without-name")))
            continue
        value = t.to_mapping()
        if condition is not None:
            if condition[1]:  # "" for a parallel subject's own measure (初中生近视率): no condition
                value["condition"] = condition[1]
            from compliance.phrases.naming import full_width_brackets

            indicator = full_width_brackets(condition[0])  # squeezed to be compared: 村（社区） as the text writes it
        clause = _clause(text, t.start, t.end)
        targets.append(
            TextTarget(
                indicator=(indicator or t.quote or clause).strip(),
                target=value,
                line=_own_number_line(paragraph, t, cursors),
                text=clause,
                section=paragraph.section,
                domain=paragraph.domain,
                year=_own_year(text, t.end, period) if t.is_numeric else None,
                lead_units=list(lead),
                responsible_units=list(resp),
                note=paragraph.note,
                start=t.start,
            )
        )
    loose = broken + _loose_numbers(paragraph, spans, parsed)
    if paragraph.section == "audit":  # outside any known section: a target there is listed, never dropped
        seen = [Loose(t.line, t.text, said("extract.reason.outside-sections"))
                for t in targets if t.target.get("op") != "qual"]
        return [], sorted(seen + loose, key=lambda item: item.line)
    return targets, loose


def name_by_catalogue(found: list[TextTarget], text: str, kind: str | None, catalogue: Any) -> None:
    """Names the catalogue settles, from the words of the item (the catalogue decides, no name is invented).

    - A bare measure takes its subject from the clause or sentence before it in the same item:
      持续实施适龄妇女“两癌”免费检查项目，筛查覆盖率保持在85％以上 → 适龄妇女“两癌”筛查覆盖率, when
      the catalogue knows that name and not the bare one, and the words stand in the text as written.
    - People counted as the catalogue counts them: 县级党委领导班子女干部数 → …女干部人数 where the
      catalogue writes …人数.
    """
    from compliance.phrases.naming import is_people

    for target in found:
        name = target.indicator
        if not name:
            continue
        if is_people(target.target.get("unit")):
            name = target.indicator = _people_word(name, kind, catalogue)
        if catalogue.match_indicator(name, kind) is None:
            read_again = _ocr_read_again(text, target.start, name)
            if read_again is not None and catalogue.match_indicator(read_again, kind) is not None:
                target.indicator = read_again  # 接种卒: the scan's 率, which the catalogue knows
                continue
            completed = _subject_before(text, target.start, name, kind, catalogue)
            if completed is not None:
                target.indicator = completed


def _ocr_read_again(text: str, start: int, name: str) -> str | None:
    """The name the parser gives when the characters a scan commonly misreads in it are put back
    (rules/extraction.yaml `ocr_name_confusions`: 接种卒以乡镇为单位保持在95% → 接种率), or None.

    The paragraph is read again, since a misread measure word also hides where the name ends.
    """
    from compliance.phrases import parse

    confusions = rules().ocr_name_confusions
    if not any(ch in confusions for ch in name):
        return None
    at = text.find(name, start)
    if at < 0:
        return None
    end = at + len(name)
    fixed = text[:at] + "".join(confusions.get(ch, ch) for ch in text[at:end]) + text[end:]
    again = [t for t in parse(fixed) if t.start == start and t.indicator]
    return str(again[0].indicator) if again else None


def _exact(name: str, kind: str | None, catalogue: Any) -> Any:
    """The indicator the catalogue writes exactly this name for (normalised), or None."""
    from compliance.catalogue import normalise_name

    found = catalogue.match_indicator(name, kind)
    if found is None:
        return None
    key = normalise_name(name)
    return found if any(normalise_name(written) == key for written in found.names) else None


def _people_word(name: str, kind: str | None, catalogue: Any) -> str:
    if name.endswith("数") and not name.endswith("人数") and _exact(name, kind, catalogue) is None:
        counted = name[:-1] + "人数"
        if _exact(counted, kind, catalogue) is not None:
            return counted
    return name


_CLOSERS = {"“": "”", "（": "）", "(": ")", "《": "》", "‘": "’", "「": "」"}


def _longer_names(catalogue: Any, bare: str) -> list[tuple[str, Any]]:
    """(the words before, indicator) of each catalogue name that ends with `bare` (normalised) and says more.

    Kept with the catalogue, as its own matches are: the same bare names come back plan after plan.
    """
    from compliance.catalogue import normalise_name

    memo: dict[str, list[tuple[str, Any]]] = catalogue.__dict__.setdefault("_longer_names", {})
    if bare not in memo:
        keys = catalogue.__dict__.get("_all_keys")
        if keys is None:
            keys = catalogue.__dict__["_all_keys"] = [
                (normalise_name(written), indicator) for indicator in catalogue.indicators for written in indicator.names
            ]
        memo[bare] = [(key[: -len(bare)], indicator) for key, indicator in keys
                      if len(key) >= len(bare) + 2 and key.endswith(bare)]
    return memo[bare]


def _searchable(text: str) -> tuple[str, list[int]]:
    """The text as catalogue names are compared (letters and digits, no 的, 0—3 as 0-3), with each character's index."""
    import unicodedata

    kept: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch):
            if unicodedata.category(c)[0] in "LN" and c != "的":
                kept.append(c.lower())
                where.append(i)
            elif (c in "-.~" or unicodedata.category(c) == "Pd") and kept and kept[-1].isdigit() \
                    and i + 1 < len(text) and unicodedata.normalize("NFKC", text[i + 1])[:1].isdigit():
                kept.append("-" if c != "." else ".")
                where.append(i)
    return "".join(kept), where


def _sentence_start(text: str, at: int) -> int:
    while at > 0 and text[at - 1] not in "。；;！!？?":
        at -= 1
    return at


def _subject_before(text: str, start: int, name: str, kind: str | None, catalogue: Any) -> str | None:
    """The catalogue's name that ends with `name` and whose other words stand before `start` (this sentence or the one before)."""
    from compliance.catalogue import normalise_name

    bare = normalise_name(name)
    longer = _longer_names(catalogue, bare) if len(bare) >= 2 else []
    if not longer:
        return None
    begin = _sentence_start(text, start)  # the sentence of the target, then the one before it
    if begin > 0:
        begin = _sentence_start(text, begin - 1)
    before = text[begin:start]
    searchable, where = _searchable(before)
    best: tuple[int, int, Any] | None = None  # (where its words end, where they start, indicator): the nearest
    for rest, indicator in longer:
        if kind and not indicator.covers(kind):
            continue
        at = searchable.rfind(rest)
        if at >= 0 and (best is None or (at + len(rest), -at) > (best[0], -best[1])):
            best = (at + len(rest), at, indicator)
    if best is None:
        return None
    end, at, indicator = best
    first, last = where[at], where[end - 1] + 1
    span = before[first:last]
    for opener, closer in _CLOSERS.items():
        if span.count(opener) > span.count(closer) and before[last : last + 1] == closer:
            span += closer
            last += 1
    completed = span + name
    found = catalogue.match_indicator(completed, kind)
    return completed if found is not None and found.id == indicator.id else None


def audit(text: str, line: int) -> list[Loose]:
    """The numbers of a text that are neither targets nor known non-targets (years, numbering…): for text outside any section."""
    from compliance.phrases import parse

    paragraph = Paragraph(text, [line] * len(text), "measures", None)
    try:
        parsed = parse(text)
    except Exception:
        parsed = []
    return _loose_numbers(paragraph, [(t.start, t.end) for t in parsed if not t.is_numeric], parsed)


def _history_spans(
    text: str, period: tuple[int, int] | None = None, report: bool = False, owners: list[int] | None = None
) -> list[tuple[int, int]]:
    """The sentences that open with words of the past (rules/extraction.yaml `history_openers`): “十三五”期间，…。,
    and the clauses that open with words of the state of things (`status_openers`): 目前…, 去年….

    A five-year plan's 期间/时期 that ends within or after the plan's period is the
    plan's own time, not the past: in a 2021—2030 plan, “十四五”期间新增普惠托位600个
    is a target. In a report on the plan, a sentence or clause opening with a year before the plan's end
    (`report_year_openers`: 2025年全县孕产妇死亡率为11.36/10万, …，2025年分别达到97.8%和93.6%) gives that year's
    values, as a plan's sentence opening with a year before its period does. With the paragraph's `owners` (the line
    of each character), a sentence may open after the short lines joined before it, a heading and an edit link with
    no stop of their own (规划背景 ↵ 编辑 ↵ “十三五”期间，…: `_after_joined_heading`).
    """
    found = []
    r = rules()
    for match in re.finditer(r"[^。；;！!？?]+[。；;！!？?]?", text):
        # 二、基本情况：2020年，…, a speaker's 【刘**】“十三五”以来，…: after its label
        sentence = _LABEL.sub("", _SPEAKER.sub("", match.group(0).lstrip(), count=1), count=1)
        opener = r.history_openers.match(sentence)
        if opener is None and owners is not None:
            joined = _after_joined_heading(text, match.start(), owners)
            opener = r.history_openers.match(joined) if joined else None
        if opener and not _plan_time(opener.group(0), period) and _before_period(opener, period):
            found.append((match.start(), match.end()))
        elif report and _a_year_reached(sentence, period):
            found.append((match.start(), match.end()))
    for match in re.finditer(r"[^，,。；;！!？?]+[，,。；;！!？?]?", text):
        clause = _SPEAKER.sub("", match.group(0).lstrip(), count=1)
        if r.status_openers.match(clause) or (report and _a_year_reached(clause, period)):
            found.append((match.start(), match.end()))
        elif (mark := r.status_marks.search(match.group(0))) is not None:  # 已培训2860人次: from the mark on
            found.append((match.start() + mark.start(), match.end()))
    return sorted(found)


def _after_joined_heading(text: str, start: int, owners: list[int]) -> str | None:
    """The sentence at `start` after the short lines of its paragraph before it that end with no stop (a heading, a
    site's 编辑 link: at most `_JOINED_HEADING` characters, no punctuation), or None when it opens on its own line."""
    end = min(len(text), len(owners), start + _JOINED_HEADING + 1)
    cut = None
    for j in range(start + 1, end):
        if owners[j] != owners[j - 1]:
            if re.search(r"[，,。；;：:！!？?、]", text[start:j]):
                break
            cut = j
    return text[cut:] if cut is not None else None


_JOINED_HEADING = 16  # a heading's characters, its edit link's too


def _a_year_reached(text: str, period: tuple[int, int] | None) -> bool:
    """In a report on a plan: `text` opens with a year before the plan's end (2025年…), the values of that year."""
    opener = rules().report_year_openers.match(fold(text))
    return opener is not None and (period is None or int(opener.group("year")) < period[1])


# a speaker or a subhead in brackets opening a line (a press conference's 【刘**】, a post's 【健康】)
_SPEAKER = regex(r"^【[^】]{1,20}】\s*")
# a label opening a sentence: 二、基本情况：, 1.现状： (numbering, a few characters and a colon)
_LABEL = regex(r"^(?:[一二三四五六七八九十]+[、.．]|[0-9]{1,2}[.．、]|[(（][一二三四五六七八九十0-9]{1,2}[)）])?\s*[\u4e00-\u9fff]{2,8}[:：]\s*")


def _before_period(opener: re.Match[str], period: tuple[int, int] | None) -> bool:
    """An opener naming a year (2020年，…) reports the past only when that year is before the plan's period."""
    year = opener.groupdict().get("past_year")
    return year is None or (period is not None and int(year) < period[0])


def _plan_time(opener: str, period: tuple[int, int] | None) -> bool:
    if period is None or not re.search(r"期间|时期", opener):
        return False
    return any(name in opener and end >= period[0] for name, (_, end) in rules().five_year_plans.items())


# non_targets (rules/extraction.yaml) whose number is never a target even where a comparator word stands
_NEVER_TARGETS = ("count of the plan's parts", "named concept or time of day")


def _named_no_target(text: str, target: Any) -> bool:
    """提出64项主要目标, 8个领域, 热线24小时畅通: a number the words around it say is no target."""
    if target.value is None:
        return False
    window = fold(text[max(target.start, target.end - 10) : target.end + 8])
    for entry in rules().non_targets:
        if entry.reason in _NEVER_TARGETS:
            for match in entry.pattern.finditer(window):
                written = match.group("n") if "n" in match.groupdict() else None
                if written and written.isdigit() and int(written) == target.value:
                    return True
    return False


def _conditions_after_measure(text: str, parsed: list[Any]) -> list[tuple[str, str] | None]:
    """(indicator, condition) of targets written measure first, then the place the value holds for.

    儿童乘车安全座椅使用率城区达到75%，农村达到50%: the measure is 儿童乘车安全座椅使用率, its
    conditions 城区 and 农村 (an elliptical subject of rules/extraction.yaml, or one with a
    short noun after it: 城区学校, 农村学校); a later clause of the same sentence that names
    only such a subject is the same measure under its own condition.
    """
    subjects = rules().elliptical_subjects
    out: list[tuple[str, str] | None] = [None] * len(parsed)
    measure: tuple[int, str] | None = None  # (sentence start, the measure) of the sentence being read
    previous: tuple[int, str, Any] | None = None  # (sentence start, indicator, target) of the last named target
    for n, t in enumerate(parsed):
        if not t.indicator or t.condition:
            continue
        key, begin = squeeze(t.indicator), _sentence_start(text, t.start)
        split = _measure_then_place(key, subjects)
        if split is not None:
            out[n] = split
            measure = (begin, split[0])
        elif measure is not None and measure[0] == begin and _place(key, subjects):
            out[n] = (measure[1], key)
        elif _where_only(key, subjects) and (bare := _bare_measure_before(text, t.start)) is not None:
            # 乘坐合规校车的比例，县城学校达到30%，乡镇学校达到60%: the measure stands alone before its places
            out[n] = (bare, key)
            measure = (begin, bare)
        elif (
            # 农村达到90%: completed below; 其中城区学校达到65% (a place with its noun) is a condition
            previous is not None and previous[0] == begin and key not in subjects
            and _condition_only(key, t, previous[2], text)
        ):
            parallel = _parallel_name(key, previous[1])
            out[n] = (parallel, "") if parallel else (previous[1], key)
        previous = (begin, out[n][0] if out[n] else t.indicator, t)
    return out


def _condition_only(key: str, target: Any, before: Any, text: str) -> bool:
    """事业单位达到45%, after …党政工作部门达到55%，: a clause naming only where its value holds.

    A short name (rules/extraction.yaml `condition_clause_chars`) with no measure and no
    number, in a clause of the same sentence right after another target of the same unit:
    the measure is that target's, the name its condition.
    """
    between = text[before.end : target.start]
    return (
        _short_where(key)
        and target.unit == before.unit
        and target.is_numeric
        and before.is_numeric
        and bool(re.search(r"[，,；;]", between))
        and not re.search(r"[。！？!?]", between)
    )


def _parallel_name(key: str, measure: str) -> str | None:
    """初中生 after 小学生近视率降到35%以下，: the measure of a parallel subject, 初中生近视率, or None.

    The clause names a group of the same kind as the one the measure opens with (the same number of
    characters, the same last one: 小学生 and 初中生, 男童 and 女童): the measure is said of it, its own
    indicator, not a condition of the first one.
    """
    from compliance.phrases.indicators import _ends_with_measure

    measure = squeeze(measure)
    size = len(key)
    if size < 2 or len(measure) <= size or measure.startswith(key):
        return None
    opener, rest = measure[:size], measure[size:]
    if opener[-1] != key[-1] or not _ends_with_measure(rest) or len(rest) < 2:
        return None
    return key + rest


def _where_only(key: str, subjects: list[str]) -> bool:
    """城区学校, 区级机关: a place, or a short name with no measure and no number (`condition_clause_chars`)."""
    if key in rules().jurisdiction_wide:  # …覆盖率，全县达到95%: the whole place, no condition
        return False
    return _place(key, subjects) or _short_where(key)


def _short_where(key: str) -> bool:
    """事业单位, 区级机关: a name short enough (`condition_clause_chars`), with no measure and no number, to say where."""
    from compliance.phrases.indicators import _ends_with_measure

    return (
        2 <= len(key) <= rules().condition_clause_chars
        and not _ends_with_measure(key)
        and not re.search(r"[0-9０-９*＊]", key)
    )


def _bare_measure_before(text: str, start: int) -> str | None:
    """The clause just before a target's clause when it is a measure alone (no number, no verb of its own).

    `…联网率，县城学校达到100%`: the words between the sentence's previous separator and the comma,
    without a list number, ending with a measure word.
    """
    from compliance.phrases.indicators import _ends_with_measure

    comma = start
    while comma > 0 and text[comma - 1] not in _CLAUSE:
        comma -= 1
    if comma == 0 or text[comma - 1] not in "，,":
        return None
    begin = comma - 1
    while begin > 0 and text[begin - 1] not in _CLAUSE:
        begin -= 1
    clause = _LEADING_NUMBER.sub("", text[begin : comma - 1], count=1).strip()
    key = squeeze(clause)
    if not key or len(key) > 40 or re.search(r"[0-9０-９*＊]", key) or not _ends_with_measure(key):
        return None
    return key


def _measure_then_place(key: str, subjects: list[str]) -> tuple[str, str] | None:
    from compliance.phrases.vocabulary import _vocabulary

    for head in _vocabulary().measure_heads:
        at = key.rfind(head)
        while at > 0:
            end = at + len(head)
            if end < len(key) and _place(key[end:], subjects):
                return key[:end], key[end:]
            at = key.rfind(head, 0, at)
    return None


def _place(key: str, subjects: list[str]) -> bool:
    """城区, 农村, 城区学校, 农村地区: an elliptical subject, or one with a noun of two characters after it."""
    return key in subjects or any(key.startswith(s) and 0 < len(key) - len(s) <= 2 for s in subjects)


def _sentence_start(text: str, at: int) -> int:
    while at > 0 and text[at - 1] not in "。；;！!？?":
        at -= 1
    return at


def _complete_subjects(text: str, parsed: list[Any], conditions: list[Any] | None = None) -> list[str | None]:
    """The indicator of each parsed target, an elliptical subject completed from the sentence head.

    "家长学校覆盖率：城市达到95%，农村达到85%" and "城市儿童之家覆盖率保持在95%以上，
    农村达到90%": a clause whose subject is only a population or area word
    (rules/extraction.yaml `elliptical_subjects`) is about the indicator the sentence
    opened with: 城市家长学校覆盖率, 农村儿童之家覆盖率.
    """
    subjects = rules().elliptical_subjects
    out: list[str | None] = []
    for n, t in enumerate(parsed):
        indicator = t.indicator
        if conditions is not None and conditions[n] is not None:
            out.append(indicator)  # named with its condition already
            continue
        if indicator is None and _YEAR_ONLY.fullmatch(_before_quote(text, t.start)):
            # 新生儿死亡率：2020年3.1‰，2025年降至2.8‰以下: the clause names only its year; the head names the measure
            out.append(_colon_head(text, t.start))
            continue
        subject = _subject_word(squeeze(indicator) if indicator else _before_quote(text, t.start), subjects)
        if subject is None or (indicator and squeeze(indicator) != subject):
            out.append(indicator)
            continue
        head = _sentence_head(text, parsed[:n], t.start, subjects)
        if head is None:
            out.append(indicator)
            continue
        out.append(_with_subject(subject, head, subjects))
    return out


# a clause whose words before the value are only its year: 2025年, 到2030年, 以2020年为基数
_YEAR_ONLY = regex(r"(?:(?:到|至|在)?(?:\d{4}|[*＊]{4})年(?:前|底|末)?|以(?:\d{4}|[*＊]{4})年为基数|)")


def _colon_head(text: str, start: int) -> str | None:
    """The measure a sentence opens with before a colon (（1）新生儿死亡率：…), when it names one."""
    from compliance.phrases.indicators import _ends_with_measure

    head = _before_colon(text, _sentence_begin(text, start), start)
    if not head or re.search(r"[，,。；;]", head) or not _ends_with_measure(squeeze(head)):
        return None
    return head


def _sentence_begin(text: str, start: int) -> int:
    begin = start
    while begin > 0 and text[begin - 1] not in "。；;！!？?\n":
        begin -= 1
    return begin


def _before_colon(text: str, begin: int, start: int) -> str | None:
    """The words before the last colon of text[begin:start], without a list number (at most 30 characters)."""
    lead = text[begin:start]
    colon = max(lead.rfind(":"), lead.rfind("："))
    if colon < 0:
        return None
    head = _LEADING_NUMBER.sub("", lead[:colon].strip(), count=1).strip()
    return head if head and len(head) <= 30 else None


def _subject_word(key: str, subjects: list[str]) -> str | None:
    return key if key in subjects else None


def _with_subject(subject: str, head: str, subjects: list[str]) -> str:
    """The head's measure said of `subject`: 农村 after 城市社区家长学校覆盖率 is 农村社区家长学校覆盖率.

    The head's subject is replaced; when it is a subject and a word after it that with the new subject is a
    subject too (城市社区: 城市 + 社区, and 农村社区 is one), only the first part is replaced.
    """
    key = squeeze(head)
    for word in subjects:  # longest first
        if key.startswith(word) and len(key) > len(word):
            for part in subjects:
                if part != word and word.startswith(part) and subject + word[len(part) :] in subjects:
                    return subject + key[len(part) :]
            return subject + key[len(word) :]
    return subject + key


def _before_quote(text: str, start: int) -> str:
    """The words of the clause before a target's quote: the subject when the parser named none (全市达到90%)."""
    begin = start
    while begin > 0 and text[begin - 1] not in _CLAUSE:
        begin -= 1
    return squeeze(text[begin:start])


def _sentence_head(text: str, before: list[Any], start: int, subjects: list[str]) -> str | None:
    """The indicator a sentence opened with, before `start`: an earlier target's, or the words before a colon."""
    begin = start
    while begin > 0 and text[begin - 1] not in "。；;！!？?":
        begin -= 1
    for t in reversed(before):
        if t.start >= begin and t.indicator and _subject_word(squeeze(t.indicator), subjects) is None:
            return str(t.indicator)
    head = _before_colon(text, begin, start)
    if not head or re.search(r"[0-9０-９，,]", head):
        return None
    return head


def _loose_numbers(
    paragraph: Paragraph, spans: list[tuple[int, int]], parsed: list[Any], reason: str | None = None
) -> list[Loose]:
    """Numbers of the paragraph that are neither a target nor a known non-target: never dropped.

    Arabic digits (and masked ones) are found here, with the non-target rules of
    rules/extraction.yaml; numbers in words (万分之五, 三分之一, 翻一番) come from
    the parser's own `unread_numbers`, which knows which of them it read (the
    final audit, `unaccounted`, passes no parse and its own `reason`: digits only).
    """
    from compliance.phrases import unread_numbers

    text = paragraph.text
    folded = fold(text).replace("．", ".")
    # the numbers no target read; only these need the bracket and non-target rules
    candidates = [m for m in _NUMBER.finditer(folded) if not any(s <= m.start() < e for s, e in spans)]
    unread = unread_numbers(text, parsed) if reason is None else []
    if not candidates and not unread:
        return []
    inside = _bracket_mask(folded)
    candidates = [m for m in candidates if not inside[m.start()]]  # a name or a remark: “15分钟健身圈”, 《…》, （或…）
    known: list[tuple[int, int, str]] = []
    if candidates:
        for entry in rules().non_targets:
            for match in entry.pattern.finditer(folded):
                for group in ("n", "n2"):
                    if group in entry.pattern.groupindex and match.group(group) is not None:
                        known.append((match.start(group), match.end(group), entry.reason))
    loose: list[Loose] = []
    for match in candidates:
        start, end = match.start(), match.end()
        if any(s <= start < e for s, e, _ in known):
            continue
        token = match.group(0)
        why = reason or said("extract.reason.masked-number" if any(ch in "*＊" for ch in token) else "extract.reason.number-not-read")
        loose.append(Loose(paragraph.owners[start], _clause(text, start, end), why))
    for start, end, _ in unread:
        if any(s <= start < e or s < end <= e for s, e in spans) or inside[start]:
            continue
        loose.append(Loose(paragraph.owners[start], _clause(text, start, end), said("extract.reason.words-not-read")))
    loose.sort(key=lambda item: item.line)
    return loose


def unaccounted(
    lines: list[Src],
    contexts: list[Any],
    held: list[tuple[int | None, str]],
    kind: str | None,
    tables: set[int],
    flat: set[int],
) -> list[Loose]:
    """The final audit: the numbers of the target sections that no target and no unparsed item holds.

    The lines read as paragraphs of a target section are audited number by
    number already (`read_paragraph`); this audit is for every other line.
    Whatever shape segmentation gave a line — a heading with text after it
    (四、主要目标和策略措施（一）…1.…), a table or a flattened table, an inline
    "五、…（一）主要目标1.…" in a preamble it did not see end, a cut or joined
    line — every number on it is either held by what the readers returned
    (`held`: the line and text of each target and unparsed item; a number of a
    text counts for its own line and the lines either side, as a sentence broken
    across lines is held at the line of its number), or a known non-target (the
    rules of rules/extraction.yaml), or listed here with its line. Only lines
    provably outside the targets are left out: a preamble's or the
    implementation part's, unless a target-section word stands in them. The
    rows of an indicator table (`tables`) are the table reader's, cell by cell;
    of a flattened table (`flat`) only what follows the last row or problem the
    reader returned is audited here (its row numbers and baselines stand glued
    between the rows).
    """
    from compliance.extraction.structure import Context

    pool: dict[int, list[str]] = {}
    for line, text in held:
        if line is not None:
            pool.setdefault(line, []).extend(m.group(0) for m in _NUMBER.finditer(fold(text).replace("．", ".")))
    words = tuple(w for w, section in rules().sections if len(w) >= 4 and section != "indicator_table")
    audited: list[Src] = []
    plain: list[Context] = []
    texts = [text for _, text in held]
    part: str | None = None  # the kind of the part a line stands in, by the last part heading before it
    for i, (line, context) in enumerate(zip(lines, contexts, strict=False)):
        text = line.text if line.cells is None else " ".join(line.cells)
        opened = _part_opened(line.text, kind) if line.cells is None else None
        part = opened or part
        read = (context.section in _TEXT_SECTIONS or context.audit) and not context.heading and not context.table
        read = read and line.cells is None and not line.table_text  # a line `paragraphs` gave read_paragraph
        inline = _inline_section(words).search(fold(line.key)) is not None
        if read or i in tables or not _NUMBER.search(fold(text)) or not _in_targets(line, context, inline, part):
            part = "targets" if inline else part  # a section word as a heading: the targets go on after it
            audited.append(line)
            plain.append(Context(None, None))
            continue
        if i in flat:  # blank what the flattened table's reader returned: its tail is audited
            read = max((text.find(t) + len(t) for t in texts if t and t in text), default=0)
            text = " " * read + text[read:]
        part = "targets" if inline else part
        copy = Src(line.number, text, spans=line.spans if line.cells is None else None, item=line.item)
        audited.append(copy)
        plain.append(Context("audit", None))
    found = [(paragraph, [(m, paragraph.owners[m.start()]) for m in _NUMBER.finditer(fold(paragraph.text).replace("．", "."))])
             for paragraph in paragraphs(audited, plain)]
    held_spans: dict[int, list[tuple[int, int]]] = {}
    for shift in (0, -1, 1):  # a number's own line first: a neighbour's number is never taken from its own line
        for n, (_, numbers) in enumerate(found):
            for match, owner in numbers:
                bag = pool.get(owner + shift)
                span = (match.start(), match.end())
                if bag and match.group(0) in bag and span not in held_spans.get(n, []):
                    bag.remove(match.group(0))
                    held_spans.setdefault(n, []).append(span)
    out: list[Loose] = []
    for n, (paragraph, numbers) in enumerate(found):
        if len(held_spans.get(n, [])) < len(numbers):
            spans = held_spans.get(n, []) + _history_spans(paragraph.text)
            out += _loose_numbers(paragraph, spans, [], reason=said("extract.reason.line-not-read"))
    return out


@cache
def _inline_section(words: tuple[str, ...]) -> re.Pattern[str]:
    """A target-section word used as a heading inside a line: 主要目标1.…, （一）主要目标：…, 策略措施（1）…"""
    return regex("(?:" + "|".join(map(re.escape, words)) + r")[:：.。]?(?:$|[0-9*(（一二三四五六七八九十])")


def _part_opened(text: str, kind: str | None) -> str | None:
    """The kind of part a line opens (preamble, stop, domains …), heading or not: 三、组织实施, 第一章发展基础“十三五”时期….

    A heading run on with its text is classified by its numbering and first
    words. A domain or a section heading opens the targets again ("targets").
    """
    heading = classify(text, kind)
    if heading is None and len(text) > 24:
        heading = classify(text[:24], kind)
    if heading is None:
        return None
    return heading.value if heading.type == "part" else "targets"


def _in_targets(line: Src, context: Any, inline: bool, part: str | None) -> bool:
    """Whether a line is not provably outside the target sections (see `unaccounted`).

    Provably outside: a line under a preamble's or the implementation part's
    heading (指导思想, 组织实施 …: rules/extraction.yaml `parts`), or the heading
    itself, and the preface's prose before the first heading (its numbers are
    the past: 2020年全县婴儿死亡率为…) — unless a target-section word stands in
    the line as a heading (…（一）主要目标1.…), or a preface line opens with
    numbering as a heading or a list item does (（一）妇女与健康 孕产妇死亡率…).
    """
    if context.past:
        return False  # under a subhead naming the past: history (【数说过去五年】)
    if context.section is not None or context.audit or (context.heading and context.domain is not None):
        return True
    if inline:
        return True  # 五、妇女与社会保障（一）主要目标1.… where segmentation saw a preamble go on
    if part is None:
        return line.item is not None or _opens_item(line.text)
    return part not in ("preamble", "stop")
