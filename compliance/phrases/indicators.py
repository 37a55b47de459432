"""Naming the indicator a target belongs to: cleaning the subject, sharing a measure across a 分别 list."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from compliance.phrases.vocabulary import _vocabulary, _words
from compliance.compiled import regex


Span = tuple[int, int]
_YEAR_PREFIX = regex(r"(?:到|至|在|于)?\s*\d{4}\s*年(?:底|末|前)?\s*,?\s*")
_TRIM = " ,，:：、;；"
_LEAD = "和及与或的"


def _trim(work: str, start: int, end: int) -> Span:
    while start < end and work[start] in _TRIM:
        start += 1
    while end > start and work[end - 1] in _TRIM:
        end -= 1
    return start, end


def _split_top(work: str, start: int, end: int, separators: str | tuple[str, ...]) -> list[Span]:
    """Split on separators that stand outside brackets: 各县（市、区） is one item."""
    segment = work[start:end]
    if not any(separator in segment for separator in separators):
        span = _trim(work, start, end)  # no separator at all: the one item the loop below would give
        return [span] if span[1] > span[0] else []
    parts: list[Span] = []
    depth = 0
    begin = start
    for i in range(start, end):
        ch = work[i]
        if ch in "(《“[【":
            depth += 1
        elif ch in ")》”]】" and depth:
            depth -= 1
        elif depth == 0 and ch in separators and not (ch == "及" and work.startswith(("及以上", "及以下"), i)):
            parts.append(_trim(work, begin, i))  # 10人及以上的行政村: a bound of an eligibility rule, no list
            begin = i + 1
    parts.append(_trim(work, begin, end))
    return [(s, e) for s, e in parts if e > s]


def _clean_subject(work: str, start: int, end: int) -> tuple[Span, str | None]:
    """The indicator as written (a span), and the condition it carried (换届后当年)."""
    vocab = _vocabulary()
    condition = None
    start, end = _trim(work, start, end)
    while start < end and work[start] in _LEAD:
        start, end = _trim(work, start + 1, end)
    for pattern in vocab.subject_cuts:
        cut = pattern.search(work, start, end)
        if cut:
            end = _trim(work, start, cut.start())[1]
    conditions = _by_edges(vocab.conditions)
    prefixes = _by_edges(vocab.subject_prefixes)
    suffixes = _by_edges(vocab.subject_suffixes)
    changed = True
    while changed and end > start:
        changed = False
        for word in _starting_or_ending(conditions, work, start, end):
            if work.startswith(word, start) or work.endswith(word, start, end):
                condition = condition or word
                if work.startswith(word, start):
                    start += len(word)
                else:
                    end -= len(word)
                changed = True
                break
        scope = vocab.scope_count_opener.match(work, start, end)
        if scope and vocab.scope_count_after.match(work, scope.end()):  # 18个乡镇卫生院至少各有1名: how many
            start = scope.end()
            changed = True
        for word in _starting_or_ending(prefixes, work, start, None):
            if work.startswith(word, start) and end - start >= len(word):
                start += len(word)
                changed = True
                break
        for pattern in vocab.subject_openers:  # 《规划》提出…: the news item's words, not the indicator's
            opener = pattern.match(work, start, end)
            if opener and opener.end() < end:
                start, end = _trim(work, opener.end(), end)
                changed = True
        year = _YEAR_PREFIX.match(work, start, end)
        if year and year.end() > start:
            start = year.end()
            changed = True
        for word in _starting_or_ending(suffixes, work, None, end):
            if work.endswith(word, start, end) and not work.endswith(_words(vocab.subject_suffix_words), start, end):
                end -= len(word)
                changed = True
                break
        start, end = _trim(work, start, end)
    if end - start <= 1:
        end = start  # a lone verb such as 有 is no indicator
    return (start, end), condition


_EDGES: dict[int, tuple[list[str], tuple[dict[str, list[tuple[int, str]]], dict[str, list[tuple[int, str]]]] | None]] = {}


def _by_edges(words: list[str]) -> tuple[list[str], tuple[dict[str, list[tuple[int, str]]], dict[str, list[tuple[int, str]]]] | None]:
    """A word list with its words by first and by last character, each with its place in the list (None with an empty word)."""
    kept = _EDGES.get(id(words))
    if kept is None or kept[0] is not words:
        index: tuple[dict[str, list[tuple[int, str]]], dict[str, list[tuple[int, str]]]] | None = ({}, {})
        for order, word in enumerate(words):
            if not word:
                index = None
                break
            index[0].setdefault(word[0], []).append((order, word))
            index[1].setdefault(word[-1], []).append((order, word))
        kept = _EDGES[id(words)] = (words, index)
    return kept


def _starting_or_ending(edges: tuple[list[str], Any], work: str, start: int | None, end: int | None) -> Iterable[str]:
    """The words of the list that can start at `start` or end at `end` (their first or last character there), in
    list order: the only ones a loop over the whole list, testing `startswith` / `endswith` there, could stop at."""
    words, index = edges
    if index is None:
        return words
    found: list[tuple[int, str]] = []
    if start is not None and start < len(work):
        found += index[0].get(work[start], ())
    if end is not None and end > 0:
        found += index[1].get(work[end - 1], ())
    if start is not None and end is not None:
        found.sort()
    return [word for _, word in found]


def _ends_with_measure(text: str) -> bool:
    return text.endswith(_words(_vocabulary().measure_heads))


def _head_of(item: str) -> str:
    """The measure an item ends with, to lend it to its neighbours: 5岁以下儿童死亡率 → 死亡率.

    A compound head of the vocabulary first, longest first (乙肝母婴传播率 → 母婴传播率),
    else the last three characters of a 率 (生长迟缓率 → 迟缓率), else a measure head.
    """
    vocab = _vocabulary()
    for head in vocab.shared_heads:
        if item.endswith(head):
            return head
    if item.endswith("率") and len(item) >= 3:
        return item[-3:]
    for head in vocab.measure_heads:
        if item.endswith(head):
            return head
    return ""


_AND = ("、", "和", "与", "及")


def _distribute(text: str, work: str, span: Span, count: int, respectively: bool) -> list[str]:
    """Indicators for `count` values: 新生儿、婴儿和5岁以下儿童死亡率 → three of them."""
    vocab = _vocabulary()
    whole = text[span[0] : span[1]]
    by_comma = [text[s:e] for s, e in _split_top(work, *span, "、")]
    by_all = [text[s:e] for s, e in _split_top(work, *span, _AND)]
    items: list[str] = [whole]
    if respectively:
        if count > 1:
            items = by_comma if len(by_comma) == count else by_all
            if len(items) != count:  # 城乡社区…覆盖率分别达到90%和80%: 城市…, 农村…
                for short, long in vocab.abbreviations.items():
                    if short in whole and len(long) == count:
                        items = [whole.replace(short, each, 1) for each in long]
                        break
        else:
            items = by_comma if len(by_comma) > 1 else by_all
            if len(items) == 1:
                for short, long in vocab.abbreviations.items():
                    if short in whole:
                        items = [whole.replace(short, each, 1) for each in long]
                        break
    else:
        each = work[span[1] : span[1] + 2].lstrip()[:1] in ("均", "都")  # 城市社区和农村社区…均达到: one value for each
        if each and len(by_all) == 1:  # “两癌”人群筛查率均达到70%: the abbreviation's two subjects, one value each
            for short, long in vocab.abbreviations.items():
                if short in whole:
                    return [whole.replace(short, one, 1) for one in long]
        # 艾滋病、梅毒和乙肝母婴传播率均…: short subjects apart by 、 and 和 alike, each taking the measure
        shortest = [by_all] if each and len(by_all) > len(by_comma) > 1 and _short_subjects(by_all) else []
        for candidate in (*shortest, by_comma, by_all):
            if len(candidate) > 1 and (
                all(_ends_with_measure(item) for item in candidate)
                or (each and (_parallel(candidate) or _short_subjects(candidate)))
            ):
                items = candidate
                break
            if each and len(candidate) > 1 and not _ends_with_measure(candidate[0]):
                # 妇女基本医疗保险、基本养老保险参保率均…: parallel programmes sharing the words around them
                shared = _share_ends(candidate)
                if shared != candidate and all(_ends_with_measure(item) for item in shared):
                    return shared
        if each and len(items) == 1 and len(by_all) > 1:
            items = _measures_of_each(text, _split_top(work, *span, _AND)) or items
    if len(items) > 1:
        written = list(items)  # as the text writes them, before any item is lent a measure
        head = _head_of(items[-1])
        parallel = _parallel(items)
        items = [
            item if _ends_with_measure(item) or (head and item.endswith(head)) else items[-1].replace(items[-1][: len(item)], item, 1) if parallel
            else item + head if head else item
            for item in items
        ]
        if not parallel:  # parallel subjects are populations of their own (女童、男童…)
            items = _carry_head(_carry_population(items), written)
    return items


def _measures_of_each(text: str, spans: list[Span]) -> list[str] | None:
    """A list before 均 that the rules above leave whole: what each of its measures is.

    Several items end with a measure (中小学校、幼儿园专职保安员配备率、一键式紧急报警装置安装率和视频监控系统接入率均…):
    each measure with the items before it that name none (中小学校、幼儿园 the scope of the first), as written. Only the
    last ends with one, and every item opens with an administrative level (`level_subjects`: 村（居）儿童主任、乡镇（街道）
    儿童督导员配备率均…): each level's staff is an indicator of its own, lent the last one's measure. None otherwise
    (遗传代谢性疾病和听力障碍筛查率均… stays one name, as written)."""
    texts = [text[s:e] for s, e in spans]
    if any(len(item) < 2 for item in texts) or not _ends_with_measure(texts[-1]):
        return None
    ends = [k for k, item in enumerate(texts) if _ends_with_measure(item)]
    if len(ends) == 1:
        levels = _vocabulary().level_subjects
        each_a_level = all(any(item.startswith(level) for level in levels) for item in texts)
        return texts if each_a_level and not _joint(texts[0], texts[-1]) else None
    starts = [0, *(k + 1 for k in ends[:-1])]
    return [text[spans[a][0] : spans[b][1]] for a, b in zip(starts, ends, strict=True)]


def _short_subjects(items: list[str]) -> bool:
    """宫颈癌和乳腺癌早诊率均…: short subjects before the last item's measure, which each of them takes.

    The first of two may open with the population both are of (适龄妇女宫颈癌和乳腺癌人群筛查率均…).
    """
    *shorts, last = items
    if not shorts:
        return False
    # only a pair whose second names no list of its own (孕产妇艾滋病、梅毒和乙肝检测率均… is one measure)
    population = _vocabulary().population_prefix.match(shorts[0]) if len(shorts) == 1 else None
    if population and any(mark in last for mark in _AND):
        population = None
    bare = [shorts[0][population.end() :] if population else shorts[0], *shorts[1:]]
    vocab = _vocabulary()
    if _joint(bare[0], last):
        return False  # 梅毒和乙肝检测率: one programme's one measure (母婴传播率 are one each)
    # a subject after the population both are of may be twice as long (新生儿遗传代谢性疾病和听力障碍筛查率均…)
    longest = vocab.short_subject_chars * (2 if population else 1)
    return _ends_with_measure(last) and all(
        2 <= len(item) <= longest and not _ends_with_measure(item) for item in bare
    )


def _joint(first: str, last: str) -> bool:
    """梅毒 before 乙肝检测率: subjects that together name one programme and its one measure (`joint_subjects`)."""
    vocab = _vocabulary()
    return any(
        any(first.endswith(subject) for subject in group) and any(last.startswith(other) for other in group)
        for group in vocab.joint_subjects
    ) and (not vocab.joint_measures or any(last.endswith(m) for m in vocab.joint_measures))


def _parallel(items: list[str]) -> bool:
    """城市(社区)、农村社区…覆盖率: short items and the last all open with a parallel subject (rules/phrases.yaml).

    Each short item then stands for the last item's first characters as many as it
    has (城市社区 for 农村社区): it takes the rest of the name, not only its measure.
    """
    subjects = _vocabulary().parallel_subjects
    *shorts, last = items
    return bool(shorts) and all(
        not _ends_with_measure(item) and len(last) > len(item) + 1 and any(item.startswith(s) for s in subjects)
        for item in shorts
    ) and any(last.startswith(s) for s in subjects)


def _share_ends(items: list[str]) -> list[str]:
    """Parallel items share the words before the first and after the last (A和B法定人员全覆盖).

    妇女参加基本医疗保险 | 基本养老保险法定人员: the last item starts as the first's
    parallel part does (基本…), so what precedes it in the first (妇女参加) is shared;
    the first ends as the last's parallel part does (…保险), so what follows it in the
    last (法定人员) is shared: 妇女参加基本医疗保险法定人员, 妇女参加基本养老保险法定人员.
    Two characters must match, and a shared part is at least two characters long.
    """
    if len(items) < 2 or any(len(item) < 3 for item in items):
        return items
    first, last = items[0], items[-1]
    at = first.find(last[:2], 1)
    head = first[:at] if at >= 2 else ""
    end = last.rfind(first[-2:], 0, len(last) - 2)
    tail = last[end + 2 :] if end >= 0 and len(last) - (end + 2) >= 2 else ""
    shared = []
    for index, item in enumerate(items):
        if head and index > 0 and not item.startswith(head):
            item = head + item
        if tail and index < len(items) - 1 and not item.endswith(tail):
            item = item + tail
        shared.append(item)
    return shared


@cache
def _population_anywhere() -> re.Pattern[str]:
    """The population words of `population_prefix` wherever they stand in a name."""
    return regex(_vocabulary().population_prefix.pattern.lstrip("^"))


def _carry_head(items: list[str], written: list[str]) -> list[str]:
    """社区居民委员会成员中女性比例、主任中女性比例: a later item that shares the first's long ending and is only
    its own word before it (主任 for 成员) takes the first's head: 社区居民委员会主任中女性比例.

    Only when the shared ending is longer than a measure (rules/phrases.yaml `carried_head_min_ending`)
    and the item's own word is short, so that 5岁以下儿童死亡率、婴儿死亡率 stay as written.
    """
    vocab = _vocabulary()
    first = items[0]
    out = [first]
    for item, as_written in zip(items[1:], written[1:], strict=True):
        if item != as_written or not _ends_with_measure(written[0]):
            out.append(item)  # an ending lent by the list (艾滋病、梅毒和乙肝母婴传播率), not written twice
            continue
        shared = 0
        while shared < min(len(first), len(item)) and first[-1 - shared] == item[-1 - shared]:
            shared += 1
        own = len(item) - shared
        if shared >= vocab.carried_head_min_ending and 0 < own <= 3 and len(first) - shared > own:
            out.append(first[: len(first) - shared - own] + item)
        else:
            out.append(item)
    return out


def _carry_population(items: list[str]) -> list[str]:
    """The first item's population also qualifies later items that name none (贫血患病率和生长迟缓率)."""
    prefix = _vocabulary().population_prefix
    population = prefix.match(items[0])
    if not population:
        return items
    out = [items[0]]
    for item in items[1:]:
        if _population_anywhere().search(item) or item[:1].isdigit() or item[:1] in "*＊":
            out.append(item)  # it names its own population, first (初中生…) or not (高中阶段学生近视率)
            continue
        # the first item's words before the shape both share carry too:
        # 妇女参加基本医疗保险和基本养老保险 → 妇女参加基本养老保险
        shared = items[0].find(item[:2], population.end()) if len(item) >= 4 else -1
        out.append((items[0][:shared] if shared > 0 else population.group(0)) + item)
    return out
