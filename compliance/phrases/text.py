"""Preparing a text: folded to half width character by character (offsets stay valid), bracketed spans, numbering and clause boundaries marked."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from compliance.phrases.vocabulary import _fold, _vocabulary
from compliance.compiled import regex


_BOOKMARK = regex(r"\[bookmark:[^\]\n]{0,200}\]")
_CLAUSE_END = frozenset("，,。；;！!？?\n\t\r")
_LIST_END = _CLAUSE_END | {"、"}  # a clause, or an item of an enumeration
_SENTENCE_END = frozenset("。；;！!？?\n\r")
_OPENERS = {"(": ")", "“": "”", "《": "》", "〔": "〕", "[": "]", "【": "】", "「": "」", "『": "』", "‘": "’"}
_BRACKETS = regex("[" + re.escape("\n" + "".join(_OPENERS) + "".join(_OPENERS.values())) + "]")


class Marks:
    """What preparing found about each character of the folded text.

    `marks[i]` is True inside brackets, quotes and book titles. Clause and
    sentence boundaries are found once per text and per kind of stop, so that
    asking where the clause of a number begins costs the same for the first
    number of a 100 000-character line as for a short one: parsing stays
    linear in the text.
    """

    def __init__(self, work: str, inside: list[bool]) -> None:
        self.work = work
        self.inside = inside
        self._starts: dict[frozenset[str], list[int]] = {}
        self._ends: dict[frozenset[str], list[int]] = {}
        self._next_digit_or_item: list[int] | None = None  # where the digits and 、 stand

    def __getitem__(self, index: int) -> bool:
        return self.inside[index]

    def __len__(self) -> int:
        return len(self.inside)

    def clause_start(self, pos: int, stops: frozenset[str]) -> int:
        """Where the clause holding `pos` begins: after the last stop (outside brackets) or colon before it.

        A colon between digits (2:3) is a ratio, not a stop.
        """
        starts = self._starts.get(stops)
        if starts is None:
            work, inside = self.work, self.inside
            starts = self._starts[stops] = [
                i for i in (m.start() for m in _stops_or_colon(stops).finditer(work))
                if (work[i] in stops and not inside[i]) or (work[i] == ":" and not (i >= 1 and work[i - 1].isdigit()))
            ]  # where the stops stand, found by one search in C: a number's clause is a bisection away
        before = bisect_left(starts, pos)  # the stops before `pos`
        return starts[before - 1] + 1 if before else 0

    def clause_end(self, pos: int, stops: frozenset[str]) -> int:
        """Where the clause holding `pos` ends: at the next stop outside brackets (or the end)."""
        ends = self._ends.get(stops)
        if ends is None:
            work, inside = self.work, self.inside
            ends = self._ends[stops] = [m.start() for m in _stops_or_colon(stops).finditer(work) if work[m.start()] in stops and not inside[m.start()]]
        after = bisect_left(ends, pos)  # the first stop at or after `pos`
        return ends[after] if after < len(ends) else len(self.work)

    def next_digit_or_item(self, pos: int) -> int:
        """The first digit or enumeration comma (、 outside brackets) at or after `pos`, or the end."""
        found = self._next_digit_or_item
        if found is None:
            work, inside = self.work, self.inside
            # every character but the CJK ideographs and ASCII letters (none of them a digit) is looked at
            found = self._next_digit_or_item = [
                i for i in (m.start() for m in _MAYBE_DIGIT_OR_ITEM.finditer(work))
                if work[i].isdigit() or (work[i] == "、" and not inside[i])
            ]
        after = bisect_left(found, pos)
        return found[after] if after < len(found) else len(self.work)


_STOPS_OR_COLON: dict[frozenset[str], re.Pattern[str]] = {}


def _stops_or_colon(stops: frozenset[str]) -> re.Pattern[str]:
    """A character class of `stops` and the colon."""
    pattern = _STOPS_OR_COLON.get(stops)
    if pattern is None:
        pattern = _STOPS_OR_COLON[stops] = regex("[" + re.escape("".join(sorted(stops | {":"}))) + "]")
    return pattern


_MAYBE_DIGIT_OR_ITEM = regex(r"[^\u4e00-\u9fffA-Za-z]")


def _prepare(text: str) -> tuple[str, Marks]:
    """Folded text with noise blanked out, and the marks of its characters.

    Numbers inside parentheses, quotes, book titles and document numbers are
    remarks and names ("（或胎儿双顶径≥6.5cm）", "“10分钟健身圈”", "〔2020〕"),
    never targets of the sentence around them.
    """
    work = _fold(text)
    if "[bookmark:" in work:  # (the pattern's own opening: without it there is nothing to blank)
        work = _BOOKMARK.sub(lambda m: " " * len(m.group(0)), work)
    work = _ocr_comparators(work)
    work = _filled_blanks(work)
    work = _arrow_baselines(work)
    work = _blank_numbering(work)
    inside = [False] * len(work)
    stack: list[tuple[str, int]] = []
    for bracket in _BRACKETS.finditer(work):  # only these characters change anything: one pass in C finds them
        i, ch = bracket.start(), bracket.group()
        if ch == "\n":
            stack.clear()  # a bracket never spans lines: unbalanced ones do no harm
            continue
        if stack and ch == _OPENERS[stack[-1][0]]:
            opener, begin = stack.pop()
            if not stack:
                inside[begin : i + 1] = [True] * (i + 1 - begin)
            continue
        if ch in _OPENERS and ch != "‘":
            stack.append((ch, i))
    for phrase in _vocabulary().named_phrases:  # 最多跑一次: a name, as if quoted
        if phrase not in work:
            continue  # (the search below would find nothing: no pattern to make)
        for match in re.finditer(re.escape(phrase), work):
            inside[match.start() : match.end()] = [True] * (match.end() - match.start())
    return work, Marks(work, inside)


def _filled_blanks(work: str) -> str:
    """A blank filled in (a quiz's 填空题, a form's 达到（ 92% ）以上): a bracket holding only a value, right after a
    comparator verb, is the value the sentence states, read as if unbracketed — the two brackets blanked, one
    character for one (`filled_blanks` in rules/phrases.yaml). Any other bracketed number stays a remark; the
    quote keeps the brackets as printed."""
    if "(" not in work:
        return work
    out: list[str] | None = None
    for match in _vocabulary().filled_blank_re.finditer(work):
        out = out or list(work)
        out[match.start("open")] = out[match.start("close")] = " "
    return "".join(out) if out is not None else work


def _arrow_baselines(work: str) -> str:
    """A card giving the baseline, an arrow, then the target (新生儿死亡率：3.6‰（2020年）→ 3.0‰以下（2030年）) read as
    the target of the name before the colon: the colon, the baseline's value and its bracket and the arrow are
    blanked out (`baseline_arrows` in rules/phrases.yaml), one character for one; a bracket naming a base year
    ((2020年为基数) → 下降20%) keeps its words, unbracketed, for the change after the arrow."""
    vocab = _vocabulary()
    if not vocab.baseline_arrows or not any(arrow in work for arrow in vocab.baseline_arrows):
        return work
    out: list[str] | None = None
    for match in vocab.arrow_card_re.finditer(work):
        out = out or list(work)
        note = match.group("note")
        keep = match.span("note") if note and vocab.base_year_note.search(note) else None
        for i in range(match.start(), match.end()):
            if keep is None or not keep[0] <= i < keep[1]:
                out[i] = " "
    return "".join(out) if out is not None else work


def _ocr_comparators(work: str) -> str:
    """Comparator words an OCR engine misread (降全4.5%以下 for 降至, 95%以土 for 以上: `ocr_comparator_confusions` in
    rules/phrases.yaml) read as the words they stand for, one character for one, only where a comparator stands: a
    verb right before a number, a qualifier right after a number and its unit. The quote keeps the printed text."""
    vocab = _vocabulary()
    if not vocab.ocr_pre_ops:
        return work
    out: list[str] | None = None
    for match in vocab.ocr_pre_re.finditer(work):
        out = out or list(work)
        out[match.start() : match.end()] = vocab.ocr_pre_ops[match.group(0)]
    for match in vocab.ocr_post_re.finditer(work):
        if _after_a_value(work, match.start(), vocab):
            out = out or list(work)
            out[match.start() : match.end()] = vocab.ocr_post_ops[match.group(0)]
    return "".join(out) if out is not None else work


def _after_a_value(work: str, at: int, vocab: object) -> bool:
    """Whether a number, its unit after it or not, ends right before `at`."""
    before = work[max(0, at - 8) : at].rstrip(" ")
    if before[-1:].isdigit() or before[-1:] in getattr(vocab, "mask", ""):
        return True
    for unit, _kind in getattr(vocab, "unit_words", ()):
        if before.endswith(unit):
            rest = before[: len(before) - len(unit)].rstrip(" ")
            return rest[-1:].isdigit() or rest[-1:] in getattr(vocab, "mask", "")
    return False


# List numbering at a line start. A number whose dot runs straight into a digit
# ("8．5岁以下", "９５．５％以上") is left alone: whether it is item 8 or the
# decimal 8.5 only the list around it can tell (extraction resolves it by the
# sequence of item numbers); read alone, it is the number as written.
_NUMBERING = (
    r"(?m)^(?P<lead>[ \t]*)(?:"
    r"\(\s*[0-9]{1,3}\s*\)"  # （3）
    r"|[0-9]{1,3}\s*[.、](?![0-9])"  # 3. 5、 3．
    r"|[0-9][*＊]\s*[.、](?![0-9*＊])"  # 1*. : a list number partly masked (items 10–19 on a portal)
    r"|第\s*[0-9]{1,3}\s*[条章节款项]"
)


@cache
def _numbering() -> re.Pattern[str]:
    """`_NUMBERING`, and a labelled item's numbering (目标3：, `item_labels`): a colon after the number, never a ratio."""
    labels = "|".join(re.escape(_fold(w)) for w in _vocabulary().item_labels)
    return regex(_NUMBERING + (rf"|(?:{labels})\s*[0-9]{{1,3}}\s*:" if labels else "") + ")")


def _blank_numbering(work: str) -> str:
    """Replace list numbering at the start of a line with spaces: it is never a target."""
    out: list[str] | None = None
    for match in _numbering().finditer(work):
        out = out or list(work)
        begin = match.start() + len(match.group("lead"))
        for j in range(begin, match.end()):
            out[j] = " "
    return "".join(out) if out is not None else work
