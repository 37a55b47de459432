"""Preparing a text: folded to half width character by character (offsets stay valid), bracketed spans and numbering marked."""

from __future__ import annotations

import re

from compliance.phrases.vocabulary import _fold, _vocabulary


_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]{0,200}\]")
_CLAUSE_END = set("，,。；;！!？?\n\t\r")
_SENTENCE_END = set("。；;！!？?\n\r")
_OPENERS = {"(": ")", "“": "”", "《": "》", "〔": "〕", "[": "]", "【": "】", "「": "」", "『": "』", "‘": "’"}


def _prepare(text: str) -> tuple[str, list[bool]]:
    """Folded text with noise blanked out, and a mask of characters inside brackets/quotes.

    Numbers inside parentheses, quotes, book titles and document numbers are
    remarks and names ("（或胎儿双顶径≥6.5cm）", "“10分钟健身圈”", "〔2020〕"),
    never targets of the sentence around them.
    """
    work = _fold(text, keep_dot=True)
    work = _BOOKMARK.sub(lambda m: " " * len(m.group(0)), work)
    work = _blank_numbering(work).replace("．", ".")
    inside = [False] * len(work)
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(work):
        if ch == "\n":
            stack.clear()  # a bracket never spans lines: unbalanced ones do no harm
            continue
        if stack and ch == _OPENERS[stack[-1][0]]:
            opener, begin = stack.pop()
            if not stack:
                for j in range(begin, i + 1):
                    inside[j] = True
            continue
        if ch in _OPENERS and ch != "‘":
            stack.append((ch, i))
    for phrase in _vocabulary().named_phrases:  # 最多跑一次: a name, as if quoted
        for match in re.finditer(re.escape(phrase), work):
            for j in range(match.start(), match.end()):
                inside[j] = True
    return work, inside


_NUMBERING = re.compile(
    r"(?m)^(?P<lead>[ \t]*)(?:"
    r"\(\s*[0-9]{1,3}\s*\)"  # （3）
    r"|[0-9]{1,3}\s*[.、](?![0-9])"  # 3. 5、
    r"|[0-9]{1,3}．"  # 8．5岁以下…: a full-width dot after a leading number is numbering
    r"|第\s*[0-9]{1,3}\s*[条章节款项]"
    r")"
)


def _blank_numbering(work: str) -> str:
    """Replace list numbering at the start of a line with spaces: it is never a target."""
    out = list(work)
    for match in _NUMBERING.finditer(work):
        begin = match.start() + len(match.group("lead"))
        for j in range(begin, match.end()):
            out[j] = " "
    return "".join(out)
