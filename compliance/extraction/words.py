"""What a word or a line says by the vocabulary of rules/extraction.yaml: a Chinese numeral, a plan title, a subject.

Small questions every stage asks (cleaning, unfolding, structure, metadata), kept
apart so that no stage calls a later one to ask them.
"""

from __future__ import annotations

import re

from compliance.extraction._rules import rules, squeeze

CN_NUMERALS = "一二三四五六七八九十"


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 三十 → 30; None for what is no numeral."""
    if not text:
        return None
    if text == "十":
        return 10
    if text.startswith("十"):
        rest = CN_NUMERALS.find(text[1:]) + 1 if len(text) > 1 else 0
        return 10 + rest
    if len(text) == 1:
        index = CN_NUMERALS.find(text)
        return index + 1 if index >= 0 else None
    if len(text) == 2 and text[1] == "十":
        return (CN_NUMERALS.find(text[0]) + 1) * 10
    if len(text) == 3 and text[1] == "十":
        return (CN_NUMERALS.find(text[0]) + 1) * 10 + CN_NUMERALS.find(text[2]) + 1
    return None


def subject_kind(text: str) -> str | None:
    """women or children, when the text names exactly one of the two subjects (妇女 / 儿童, 未成年人)."""
    r = rules()
    found = {kind for kind, words in r.kind_words.items() if any(w in text for w in words)}
    if len(found) == 1:
        return found.pop()
    return None


def is_title(text: str) -> bool:
    """A plan's own title: short, names one subject and a plan, is no notice, caption or citation."""
    r = rules()
    key = squeeze(text)
    if not key or len(key) > r.title_max:
        return False
    if not any(w in key for w in r.title_subject):
        return False
    # a five-year plan's name in quotes between 发展 and 规划 (“十四五”, masked “***”)
    plain = re.sub(r"[“\"][^”\"]{1,5}[”\"]", "", key)
    if not any(w in key or w in plain for w in r.title_plan_words):
        return False
    if any(w in key for w in r.title_not):
        return False
    if sum(key.count(w) for w in r.title_subject) != 1:
        return False
    # a title ends with its plan word, perhaps followed by brackets: （2021—2030年）（征求意见稿）
    bare = re.sub(r"(?:\([^()]*\))+$", "", key.replace("（", "(").replace("）", ")")).rstrip("”\"'")
    return bare.endswith(("规划", "纲要", "计划"))


def caption_title(text: str, kind: str | None = None) -> str | None:
    """The plan's title a caption starts with, else None: 某县儿童发展规划（2021—2030年）主要指标对照表,
    某县儿童发展“十四五”规划主要指标监测表, 某市妇女发展规划（2021—2030年）主要指标与上级规划对标表.

    The title is the shortest start of the line that is a title (of `kind`, when given), with the brackets
    right after it (its period), followed by a short rest (`title.caption_tail_max`) that names a table or a list
    (`caption_tail_words`) and no report on the plan (…终期评估报告, `caption_tail_not`; …中期评估 unless it ends naming a
    table: …中期评估监测表). A citation (《…》) is no
    caption."""
    r = rules()
    key = squeeze(text)
    if not r.caption_tail_words or not key or "《" in key or len(key) > r.title_max + r.caption_tail_max:
        return None
    # the title names its subject and the rest a table: a line naming neither is no caption, whatever its cut
    # (most lines of a plan; trying each cut of them was a fifth of extraction)
    if not any(w in key for w in r.caption_tail_words) or not any(w in key for w in r.title_subject):
        return None
    written = text.strip()
    for end in range(4, len(written)):
        title, tail = written[:end].strip(), squeeze(written[end:])
        if len(tail) > r.caption_tail_max or not is_title(title):
            continue
        if kind is not None and subject_kind(squeeze(title)) not in (None, kind):
            continue
        while (bracket := _LEADING_BRACKETS.match(written[end:])) is not None and is_title(written[: end + bracket.end()]):
            end += bracket.end()  # the period after the title: （2021—2030年）
        title, tail = written[:end].strip(), squeeze(written[end:])
        table = tail.endswith(tuple(r.caption_tail_table_ends)) if r.caption_tail_table_ends else False
        if (
            tail and any(w in tail for w in r.caption_tail_words) and not any(w in tail for w in r.caption_tail_not)
            and (table or not any(w in tail for w in r.caption_tail_not_unless_table))
        ):
            return title
        return None
    return None


_LEADING_BRACKETS = re.compile(r"\s*[（(][^（()）]{1,20}[）)]")
