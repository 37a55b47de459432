"""`parse` and `unread_numbers`: numeric, full-coverage and qualitative targets of a text, in order."""

from __future__ import annotations

import re
from typing import Any
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from functools import cache

from compliance.model.plan import Direction, Op
from compliance.phrases.result import ParsedTarget
from compliance.phrases.vocabulary import _fold, _vocabulary, _words
from compliance.phrases.text import _CLAUSE_END, _SENTENCE_END, Marks, _prepare
from compliance.phrases.numbers import _Number, _find_numbers, _normalise, _plain, _skip_spaces
from compliance.phrases.comparators import _default_op, _is_target_number, _op_of, _read_pre_op
from compliance.phrases.naming import _naming, name_targets
from compliance.phrases.wholes import whole_targets
from compliance.phrases.indicators import _AND, _carry_population, _clean_subject, _distribute, _ends_with_measure, _share_ends, _split_top, _trim
from compliance.cache import KeptResults
from compliance.compiled import regex


def parse(text: str) -> list[ParsedTarget]:
    """All targets a Chinese text states, in the order it states them.

    Numeric targets come with op, value and unit; masked digits give masked=True
    and value None; qualitative statements ("巩固率不断提高") come with op qual and
    a direction. Never raises: any string is a valid (if target-less) document.

    A sentence is read once per process: extraction reads it, the loader reads
    a plan file's phrase, the text-mismatch rule reads each target's quoted
    text, and many targets quote one sentence. (The results are frozen; a
    document-length text is not kept.) What the last runs read is kept too
    (compliance.cache.KeptResults): a re-check of an edited draft reads only
    its new sentences.
    """
    if not isinstance(text, str) or not text:
        return []
    if len(text) > _LONGEST_KEPT:
        return _parse(text)
    return list(_parse_kept(text))


_LONGEST_KEPT = 1_000  # characters: a sentence or a table cell (not a document, nor a test timing long lines)


_KEPT = KeptResults("parsed")  # sentences of plan files and their checks, read by earlier runs
# a document's sentences (extraction), kept apart: a plan file's check then loads only the few its own plans
# had, not the thousands a document check kept (about 11 ms of a cold plan check after one document's)
_KEPT_FROM_DOCUMENTS = KeptResults("document-sentences")
_reading_document: ContextVar[bool] = ContextVar("reading_document", default=False)


@contextmanager
def reading_document() -> Iterator[None]:
    """While a document is read (compliance.extraction), the sentences parsed are kept with documents' ones."""
    token = _reading_document.set(True)
    try:
        yield
    finally:
        _reading_document.reset(token)


@lru_cache(maxsize=16_384)
def _parse_kept(text: str) -> tuple[ParsedTarget, ...]:
    kept = _KEPT_FROM_DOCUMENTS if _reading_document.get() else _KEPT
    found = kept.get(text)
    if found is None:
        found = tuple(_parse(text))
        kept.put(text, found)
    return found  # type: ignore[no-any-return]


def levels(text: str) -> tuple[ParsedTarget, ...]:
    """The numeric targets `parse(text)` gives (numbers, full coverage, wholes), in its order, with its values,
    units and conditions, but no names (indicator None): what a rule that compares a quote's numbers needs
    (the text-mismatch rule reads every target's quote), at about three quarters of a parse.

    The names are worked out after the values and never change them (the qualitative targets, the
    direction merged into a following value, the naming rules only name), so these are parse's own values.
    A sentence parse has read (in this run, or kept by an earlier one) is answered from its reading;
    the levels read are kept between runs beside the parses. Never raises.
    """
    if not isinstance(text, str) or not text:
        return ()
    if len(text) > _LONGEST_KEPT:
        return _levels(text)
    return _levels_kept(text)


@lru_cache(maxsize=16_384)
def _levels_kept(text: str) -> tuple[ParsedTarget, ...]:
    parsed = _KEPT.get(text)
    if parsed is None:
        parsed = _KEPT_FROM_DOCUMENTS.peek(text)  # a document of this run's sentence (never read from disk for this)
    if parsed is not None:
        return tuple(replace(t, indicator=None) for t in parsed if t.is_numeric)
    key = ("levels", text)
    found = _KEPT.get(key)
    if found is None:
        found = _levels(text)
        _KEPT.put(key, found)
    return found  # type: ignore[no-any-return]


def _levels(text: str) -> tuple[ParsedTarget, ...]:
    work, inside = _prepare(text)
    targets = _values(text, work, inside, named=False)
    return tuple(t if t.indicator is None else replace(t, indicator=None) for t in targets if t.is_numeric)


def _values(text: str, work: str, inside: Marks, named: bool = True) -> list[ParsedTarget]:
    """The targets stating a number, in text order, before the qualitative ones are read and all are named
    (the numbers' own targets left nameless with named=False: see _numeric_targets)."""
    targets = _numeric_targets(text, work, inside, named)
    targets += _coverage_targets(text, work, inside, targets)
    targets += whole_targets(text, inside, targets)
    targets.sort(key=lambda t: (t.start, t.end))
    return targets


def _parse(text: str) -> list[ParsedTarget]:
    work, inside = _prepare(text)
    targets = _numeric_targets(text, work, inside)
    targets += _coverage_targets(text, work, inside, targets)
    targets += whole_targets(text, inside, targets)
    targets += _qualitative_targets(text, work, inside, targets)
    targets.sort(key=lambda t: (t.start, t.end))
    targets = _direction_then_value(text, work, targets)
    return name_targets(text, _carry_sentence_population(work, _name_conditional_targets(text, work, targets)))


_DIRECTION_THEN_VALUE = re.compile(r"\s*[,，]?\s*(?:并且|并|且)?\s*")


def _direction_then_value(text: str, work: str, targets: list[ParsedTarget]) -> list[ParsedTarget]:
    """女性人均预期寿命延长，达到82岁以上: a measure and its direction, then the value it reaches in the next clause,
    which names nothing: one target of that measure (the direction said by the value), never a nameless value."""
    out: list[ParsedTarget] = []
    for target in targets:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.op is Op.QUAL
            and previous.indicator
            and target.indicator is None
            and target.value is not None
            and previous.end <= target.start
            and _DIRECTION_THEN_VALUE.fullmatch(work, previous.end, target.start)
        ):
            out[-1] = replace(target, indicator=previous.indicator, quote=text[previous.start : target.end], start=previous.start)
            continue
        out.append(target)
    return out


def _carry_sentence_population(work: str, targets: list[ParsedTarget]) -> list[ParsedTarget]:
    """女性…参保率提高到95%，基本医疗保险参保率…: the second measure is women's too.

    Only within one sentence, only for the populations listed in rules/phrases.yaml,
    and only to a measure that names no population of its own.
    """
    vocab = _vocabulary()
    carried: list[ParsedTarget] = []
    for target in targets:
        previous = carried[-1] if carried else None
        if (
            previous is not None
            and previous.indicator
            and target.indicator
            and not any(ch in _SENTENCE_END for ch in work[previous.end : target.start])
            and not vocab.population_prefix.match(target.indicator)
            and not target.indicator[:1].isdigit()
            and not any(target.indicator.startswith(w) for w in vocab.parallel_subjects)  # 男童…: a population of its own
        ):
            word = next((w for w in vocab.sentence_populations if previous.indicator.startswith(w)), None)
            if word is not None and _ends_with_measure(target.indicator):
                target = replace(target, indicator=word + target.indicator)
        carried.append(target)
    return carried


def unread_numbers(
    text: str, targets: list[ParsedTarget] | None = None, *, arabic: bool = False
) -> list[tuple[int, int, str]]:
    """Numbers written in words that no target of `parse(text)` used: (start, end, text).

    A fraction or amount in words that the parser cannot turn into a value
    (翻一番, 五分之, 两倍, 八成以上…), or one it read but found to state no
    target, must never disappear silently: the caller lists these spans as
    unparsed next to its Arabic-digit numbers. Pass the `targets` parse(text)
    already gave to save a second parse. With arabic=True, Arabic-digit numbers
    (and masked ones, 7/***) outside every target are included too; without it
    they are left to the caller, which has its own rules for ages, years and
    numbering. Spans inside brackets, quotes and book titles are names and
    remarks and are left out, as parse leaves them out. Never raises.
    """
    if not isinstance(text, str) or not text:
        return []
    vocab = _vocabulary()
    if not arabic:  # nothing in words at all (checked on the plain folded text, a superset): no need to prepare
        folded = _fold(text)
        if not any(pattern.search(folded) for pattern in vocab.unread_patterns):
            return []
    work, inside = _prepare(text)
    if targets is None:
        targets = parse(text)
    used = _Spans((t.start, t.end) for t in targets)
    found: list[tuple[int, int]] = []
    for pattern in vocab.unread_patterns:
        found += [(m.start(), m.end()) for m in pattern.finditer(work)]
    if arabic:
        found += [(m.start(), m.end()) for m in vocab.number_re.finditer(work)]
        found += [(m.start(), m.end()) for m in vocab.thousands_re.finditer(work)]
    spans: list[tuple[int, int, str]] = []
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        if inside[start] or used.overlaps(start, end):
            continue
        if spans and start < spans[-1][1]:
            continue  # inside a longer number already listed
        spans.append((start, end, text[start:end]))
    return spans


def _name_conditional_targets(text: str, work: str, targets: list[ParsedTarget]) -> list[ParsedTarget]:
    """Conditions that follow their indicator: 班子比例，换届后当年达到100％，平时保持在85％以上.

    A conditional target that names no indicator takes the one of the conditional
    target before it, or else the clause just before it when that clause is a bare
    measure (no number of its own).
    """
    named: list[ParsedTarget] = []
    for target in targets:
        if target.indicator is None and target.condition is not None:
            previous = named[-1] if named else None
            if previous is not None and previous.condition is not None and previous.indicator:
                target = replace(target, indicator=previous.indicator)
            else:
                clause = _previous_clause(work, target.start, target.condition)
                if clause is not None:
                    (start, end), _ = _clean_subject(work, *clause)
                    name = text[start:end]
                    if _ends_with_measure(name) and not any(ch.isdigit() for ch in name):
                        target = replace(target, indicator=name)
        named.append(target)
    return named


def _previous_clause(work: str, position: int, condition: str) -> tuple[int, int] | None:
    """The clause before the one a conditional target opens (only its condition word between)."""
    separator = max(work.rfind(mark, 0, position) for mark in "，,；;")
    if separator < 0 or work[separator + 1 : position].strip() not in ("", condition):
        return None
    start = separator
    while start > 0 and work[start - 1] not in _CLAUSE_END:
        start -= 1
    return (start, separator) if separator > start else None


def _zero_of_a_count(work: str, number: _Number) -> None:
    """辍学人数保持为0: a bare zero after a count's verb, ending its clause, takes the unit the count's head word counts
    (rules/phrases.yaml `zero_counts`)."""
    if number.unit is not None or number.value != 0 or number.pre_op is None or number.pre_start is None:
        return
    if number.explicit_symbol or number.value_max is not None or number.ratio is not None:
        return
    after = work[number.end : number.end + 1]
    if after and after not in "。；;，,、）)":
        return
    before = work[: number.pre_start].rstrip(" ")
    for head, unit in _vocabulary().zero_counts.items():
        if before.endswith(head):
            number.unit, number.unit_kind, number.unit_written = unit, "count", ""
            number.unit_end = number.post_end = number.end
            return


def _numeric_targets(text: str, work: str, inside: Marks, named: bool = True) -> list[ParsedTarget]:
    """The targets of the numbers of a text, in text order.

    With named=False (`levels`: a rule comparing a quote's numbers) they are the same targets, nameless
    (indicator None), and of the naming only what decides them is done: how many targets one number
    states (新生儿、婴儿死亡率均降至5‰ is two), and where a target with no subject ends (the noun after
    its number). Naming is most of a number's reading after its value, and it never changes a value.
    """
    vocab = _vocabulary()
    numbers = _find_numbers(work, inside, text)
    number_starts = [number.start for number in numbers]  # in text order
    for number in numbers:
        _read_pre_op(work, number, inside)
        _zero_of_a_count(work, number)
    # 一名, 两个 are read only after a strong comparator: 至少配备一名 (not 建立一个中心)
    numbers = [n for n in numbers if not n.chinese_count or (n.strong and not n.explicit_symbol)]
    kept: list[_Number] = []
    previous: _Number | None = None
    previous_kept = False
    for number in numbers:
        keep = _is_target_number(work, number, inside)
        if keep and previous is not None and not previous_kept and number.pre_op is None:
            # 从2010年的12.41‰、16.35‰: the list of a baseline is baselines too
            gap = work[previous.post_end : number.start].strip(" ")
            if gap in vocab.list_separators and previous.unit_kind == number.unit_kind:
                keep = False
        if keep:
            kept.append(number)
        previous, previous_kept = number, keep
    groups = _group_lists(work, kept, inside)
    periods = _Occurrences.of_words(work, vocab.per_period)
    duration_periods: _Occurrences | None = None  # found when a duration asks (few numbers are one)
    populations = _Occurrences.of_words(work, vocab.per_population)
    base_years: _Occurrences | None = None  # found when a relative target asks (only they have a base year)
    results: list[ParsedTarget] = []
    previous_indicator: tuple[int, str] | None = None  # (sentence start, indicator)
    previous_end = 0
    for group in groups:
        first, last = group[0], group[-1]
        clause_begin = inside.clause_start(first.start, _CLAUSE_END)
        sentence_begin = inside.clause_start(first.start, _SENTENCE_END)
        segment_end = inside.clause_end(last.post_end, _CLAUSE_END)
        # a second target in one clause starts after the first: 医生达到0.85名、床位增至2.2张
        subject_begin = max(clause_begin, previous_end)
        subject_end = first.pre_start if first.pre_start is not None else first.start
        subject_end = max(subject_begin, subject_end)
        before_number = work[subject_begin : first.start]
        respectively = _any_of(vocab.respectively).search(before_number) is not None
        span, condition = _clean_subject(work, subject_begin, subject_end)
        ops = _group_ops(group)
        change = _change_amount(work, subject_begin, subject_end, ops, first.strong) if len(group) == 1 else None
        if change is not None:  # 年降幅不低于0.5个百分点: a change of at least so much, of the measure before 降幅
            span, condition = _clean_subject(work, subject_begin, change[0])
            if span[1] <= span[0]:
                span = _previous_measure(work, clause_begin) or span
            ops = [change[1]]
        pre_start = first.pre_start if first.pre_start is not None else first.start
        quote_start = span[0] if span[1] > span[0] else min(pre_start, first.start)
        indicators: list[str | None]
        end_override = None
        if not named and span[1] > span[0]:  # nameless: only how many targets the subject states
            indicators = [None] * (1 if len(group) > 1 else _subject_count(text, work, span, respectively))
        else:
            # the noun after the number: 至少配备1名女干部, 95%的城市社区
            tail_start = _skip_spaces(work, last.post_end)
            if work.startswith("的", tail_start):
                tail_start += 1
            following = bisect_left(number_starts, tail_start)
            next_number = number_starts[following] if following < len(number_starts) else segment_end
            tail_end = max(tail_start, min(segment_end, next_number, inside.next_digit_or_item(tail_start)))
            tail = _trim(work, tail_start, tail_end)
            while tail[1] > tail[0] and work[tail[1] - 1] in "和及与或":
                tail = _trim(work, tail[0], tail[1] - 1)
            tail_text = text[tail[0] : tail[1]] if tail[1] - tail[0] >= 2 else ""
            if tail_text.strip("（）()【】[] ") in vocab.target_tags:  # 95%（预期性）: the plan's tag, not what is counted
                tail_text = ""
            if tail_text in vocab.coverage_words:  # 实现100%全覆盖: the coverage the number states (…覆盖率)
                tail_text = _naming().coverage_suffix
            if span[1] > span[0]:
                indicators = list(_distribute(text, work, span, len(group), respectively))
                if len(group) == 1 and tail_text:
                    indicators = [i if i is None or _ends_with_measure(i) else i + tail_text for i in indicators]
            elif tail_text and not condition:
                indicators = [tail_text]
                end_override = tail[1]
            elif previous_indicator and previous_indicator[0] == sentence_begin:
                indicators = [previous_indicator[1]]  # 换届后当年达到100％，平时保持在85％以上
            else:
                indicators = [None]
        period = periods.last(clause_begin, first.start) or (change[2] if change is not None else None)
        population = populations.last(clause_begin, first.start)
        base_year = None
        if any(op.is_relative for op in ops):
            if base_years is None:
                base_years = _Occurrences.of_patterns(work, vocab.base_year)
            year_found = base_years.last(sentence_begin, first.start)
            base_year = _base_year(year_found, vocab.five_year_plan_ends)  # ****: masked, no base year
        if len(group) > 1:
            pairs = [
                (indicators[i] if len(indicators) == len(group) else indicators[-1], n, ops[i])
                for i, n in enumerate(group)
            ]
        else:
            pairs = [(indicator, first, ops[0]) for indicator in indicators]
        end = end_override if end_override is not None and len(group) == 1 else last.post_end
        quote = text[quote_start:end]  # one string for the whole list, however long
        for indicator, number, op in pairs:
            own_period = period
            if own_period is None and number.unit in vocab.duration_units:
                if duration_periods is None:
                    duration_periods = _Occurrences.of_words(work, vocab.per_period_durations)
                own_period = duration_periods.last(clause_begin, first.start)  # 日间户外活动时间不少于2小时: a day's
            unit = _with_denominator(number, own_period, population)
            results.append(
                ParsedTarget(
                    indicator=(indicator or None) if named else None,
                    op=op,
                    value=None if number.masked or number.value is None else _plain(number.value),
                    unit=unit,
                    masked=number.masked,
                    condition=condition,
                    base_year=base_year if op.is_relative else None,
                    value_max=_plain(number.value_max) if number.value_max is not None else None,
                    ratio=number.ratio,
                    quote=quote,
                    start=quote_start,
                    end=end,
                )
            )
            if indicator:
                previous_indicator = (sentence_begin, indicator)
        previous_end = end
    return results


def _subject_count(text: str, work: str, span: tuple[int, int], respectively: bool) -> int:
    """How many targets one number of a subject states: as many as `_distribute` names, found without naming them
    when the subject lists nothing (no 、和与及) and holds no abbreviation of several subjects (城乡, 两癌)."""
    if _AND_MARKS.isdisjoint(work[span[0] : span[1]]):
        whole = text[span[0] : span[1]]
        for short in _vocabulary().abbreviations:
            if short in whole:
                break
        else:
            return 1
    return len(_distribute(text, work, span, 1, respectively))


_AND_MARKS = frozenset(_AND)  # (one character each)


_ANY_OF: dict[int, tuple[list[re.Pattern[str]], Any]] = {}  # id(pattern list) -> (it, alternation)


def _any_of(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | _EachOf:
    """One pattern found where any of `patterns` is: their alternation, when they can be joined (the same flags,
    no inline flags, no back-references, whose numbers the joining would shift); else one searching each in turn."""
    kept = _ANY_OF.get(id(patterns))
    if kept is None or kept[0] is not patterns:
        joinable = bool(patterns) and all(
            p.flags == patterns[0].flags and not _NOT_JOINABLE.search(p.pattern) for p in patterns
        )
        either = regex("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags) if joinable else _EachOf(patterns)
        kept = _ANY_OF[id(patterns)] = (patterns, either)
    return kept[1]


_NOT_JOINABLE = regex(r"\\[1-9]|\(\?P=|\(\?[aiLmsux-]")


class _EachOf:
    """A stand-in for the alternation of patterns that cannot be joined: searches each in turn."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.patterns = patterns

    def search(self, text: str) -> re.Match[str] | None:
        for pattern in self.patterns:
            found = pattern.search(text)
            if found is not None:
                return found
        return None


def _change_amount(
    work: str, begin: int, end: int, ops: list[Op], strong: bool = False
) -> tuple[int, Op, str | None] | None:
    """A subject ending in the size of a change (年降幅, 下降幅度) before a floor: (where the measure's words end,
    the change's op, its period); None otherwise, or when the comparator is no floor (降幅不超过…). A change verb
    right before a strong floor (每年下降不少于0.5个百分点) is such a size too."""
    if ops[0] not in (Op.GE, Op.EQ):
        return None
    vocab = _vocabulary()
    subject = work[begin:end].rstrip(" 的为")
    periods = vocab.change_amount_periods
    after = next(((w, p) for w, p in periods if subject.endswith(w)), None) if subject.endswith(_words(periods)) else None  # 降幅每年不低于
    if after is not None:
        subject = subject[: -len(after[0])]
    amounts = [*vocab.change_amounts, *vocab.relative] if strong and ops[0] is Op.GE and work[begin:end] == work[begin:end].rstrip(" 的为") else vocab.change_amounts
    if amounts is vocab.change_amounts and not subject.endswith(_words(amounts)):
        return None  # (no noun of the list ends the subject: the loop below would find none)
    for noun, op in amounts:
        if subject.endswith(noun):
            at = begin + len(subject) - len(noun)
            for word, period in vocab.change_amount_periods:
                # 年降幅, 年均增幅 — not the 年 of a year (较2020年下降幅度)
                if work.endswith(word, begin, at) and not (at - len(word) > begin and work[at - len(word) - 1].isdigit()):
                    return at - len(word), op, period
            return at, op, after[1] if after is not None else None
    return None


def _previous_measure(work: str, clause_begin: int) -> tuple[int, int] | None:
    """The measure of the clause before (贫血患病率逐年下降，年降幅…), its direction words left out."""
    separator = clause_begin - 1
    if separator < 0 or work[separator] not in "，,；;":
        return None
    start = separator
    while start > 0 and work[start - 1] not in _CLAUSE_END:
        start -= 1
    body = work[start:separator].strip(" ")
    ending = _qual_ending(body) if body else None
    stop = separator - len(ending[0]) if ending else separator
    (s_, e_), _ = _clean_subject(work, start, stop)
    if e_ <= s_ or not _ends_with_measure(work[s_:e_]) or any(ch.isdigit() for ch in work[s_:e_]):
        return None
    return s_, e_


def _group_lists(work: str, numbers: list[_Number], inside: Marks) -> list[list[_Number]]:
    """Values of one list share their comparator: 分别降至2‰、3.5‰和5‰及以下."""
    vocab = _vocabulary()
    groups: list[list[_Number]] = []
    for number in numbers:
        if groups:
            previous = groups[-1][-1]
            gap = work[previous.post_end : number.start].strip(" ")
            if (
                gap in vocab.list_separators
                and number.pre_op is None
                and previous.unit_kind == number.unit_kind
            ):
                groups[-1].append(number)
                continue
        groups.append([number])
    return groups


def _group_ops(group: list[_Number]) -> list[Op]:
    """Each value's comparison: its own qualifier, else the next one in its list, else the list's comparator."""
    first = group[0]
    if first.relative and first.pre_op is not None:
        return [first.pre_op] * len(group)
    ops: list[Op] = []
    following: Op | None = None  # the nearest qualifier at or after each member, read from the end
    for member in reversed(group):
        following = member.post_op or following
        ops.append(following or _op_of(first) or _default_op(member))
    return ops[::-1]


def _base_year(found: str | None, five_year_plan_ends: dict[str, int]) -> int | None:
    """The year of 以2020年为基数, or of 以“十三五”末为基数 (the five-year plan's last year); None if masked."""
    if found is None:
        return None
    return int(found) if found.isdigit() else five_year_plan_ends.get(found)


def _with_denominator(number: _Number, period: str | None, population: str | None) -> str | None:
    """次 with 每年 before it is 次/年; 名 with 每千名儿童 is 名/千人; rates stay as they are."""
    unit = number.unit
    if unit is None or "/" in unit or number.unit_kind not in ("count", "age", "duration", "rate"):
        return unit
    denominator = None
    if number.unit_kind == "rate":
        if unit == "百分点":
            denominator = period
    elif unit not in ("年", "岁"):
        denominator = period or population
    if denominator:
        return _normalise(f"{unit}/{denominator}") or unit
    return unit


class _Spans:
    """Spans of text already taken by targets; whether a span overlaps one of them costs a bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with any span."""
        index = bisect_left(self.starts, end)  # the spans starting before `end`
        return index > 0 and self.reach[index - 1] > start


class _Occurrences:
    """Where words (or patterns) occur in a text, found once: the last one inside a span is a bisection away.

    Looking back through a clause for every number would make a long clause cost
    its length once per number (quadratic); this keeps parsing linear.
    """

    def __init__(self, found: list[tuple[int, int, str]]) -> None:
        self.found = sorted(found, key=lambda item: (item[1], item[0]))  # by end, then start
        self.ends = [end for _, end, _ in self.found]

    @classmethod
    def of_words(cls, work: str, table: list[tuple[str, str]]) -> _Occurrences:
        """Each word's places, with its meaning (the table is longest first: at one place the longer word wins)."""
        found = []
        firsts = _first_characters(table)
        # each first character sought through the text in C: isdisjoint(work) looks every character of the text up
        # in the set, in Python's loop (6.7 of the 7.8 ms these tables took on the 180 KB sample, 870 texts in 975
        # holding none of them)
        if firsts is not None and not any(first in work for first in firsts):
            return cls(found)  # no word of the table can start anywhere in the text
        for word, meaning in table:
            at = work.find(word)
            while at >= 0:
                found.append((at, at + len(word), meaning))
                at = work.find(word, at + 1)
        return cls(found)

    @classmethod
    def of_patterns(cls, work: str, patterns: list[re.Pattern[str]]) -> _Occurrences:
        """Each match's place and first group (the year of 以2020年为基数)."""
        return cls([(m.start(), m.end(), m.group(1)) for pattern in patterns for m in pattern.finditer(work)])

    def last(self, begin: int, end: int) -> str | None:
        """The meaning of the occurrence starting latest that lies wholly within [begin, end).

        At one start the longer occurrence wins (it ends later and is seen first).
        """
        best: tuple[int, str] | None = None
        index = bisect_right(self.ends, end) - 1
        # ends are sorted; walk back while occurrences could still start at or after `begin`
        while index >= 0 and self.ends[index] > begin:
            start, _, meaning = self.found[index]
            if start >= begin and (best is None or start > best[0]):
                best = (start, meaning)
            if best is not None and self.ends[index] <= best[0]:
                break
            index -= 1
        return best[1] if best is not None else None


_FIRSTS: dict[int, tuple[list[tuple[str, str]], frozenset[str] | None]] = {}  # id(table) -> (it, first characters)


def _first_characters(table: list[tuple[str, str]]) -> frozenset[str] | None:
    """The first characters of a table's words (None with an empty word, which occurs anywhere)."""
    kept = _FIRSTS.get(id(table))
    if kept is None or kept[0] is not table:
        firsts = None if any(not word for word, _ in table) else frozenset(word[0] for word, _ in table)
        kept = _FIRSTS[id(table)] = (table, firsts)
    return kept[1]


def _coverage_targets(
    text: str, work: str, inside: Marks, found: list[ParsedTarget]
) -> list[ParsedTarget]:
    """全覆盖 without a number: >= 100 %, one per subject (实现A、B和C全覆盖 gives three)."""
    vocab = _vocabulary()
    results: list[ParsedTarget] = []
    if not any(word in work for word in vocab.coverage_words):
        return results
    taken = _Spans((t.start, t.end) for t in found)
    for word in vocab.coverage_words:
        if word not in work:
            continue  # (the search below would find nothing)
        previous_end = 0  # a second 全覆盖 of one clause has its own subject, after the first
        for match in re.finditer(re.escape(word), work):
            if inside[match.start()]:
                continue
            if taken.overlaps(match.start(), match.start() + 1):
                continue
            if any(0 <= match.start() - t.end <= 1 and t.value is not None for t in found):
                continue  # 实现100%全覆盖: the number states the coverage, one target
            following = work[match.end() : match.end() + 1]
            if following and following not in _CLAUSE_END and following not in " 和并及与、)”":
                continue  # 健全覆盖城乡的体系: 覆盖 is a verb with an object here
            begin = max(inside.clause_start(match.start(), _CLAUSE_END), previous_end)
            previous_end = match.end()
            before = work[begin : match.start()]
            verb_at, verb = -1, ""
            for candidate in vocab.coverage_verbs:
                at = before.rfind(candidate)
                if at > verb_at or (at == verb_at and at >= 0 and len(candidate) > len(verb)):
                    verb_at, verb = at, candidate
            if verb_at >= 0:
                subject_span = (begin, begin + verb_at)
                object_span = (begin + verb_at + len(verb), match.start())
            else:
                subject_span = (begin, begin)
                object_span = (begin, match.start())
            (os_, oe), _ = _clean_subject(work, *object_span)
            (ss, se), condition = _clean_subject(work, *subject_span)
            obj = text[os_:oe]
            objects = _split_top(work, os_, oe, _AND) if oe > os_ else []
            subjects = _split_top(work, ss, se, _AND) if se > ss else []
            # An item of one or two characters is a modifier, not a subject: 新建和改扩建…母婴室全覆盖.
            if len(objects) > 1 and all(e - s >= 3 for s, e in objects):
                indicators = [item + "覆盖" for item in _share_ends([text[s:e] for s, e in objects])]
            elif len(subjects) > 1 and all(e - s >= 3 for s, e in subjects):
                shared = _share_ends([text[s:e] for s, e in subjects])
                indicators = _carry_population([item + obj + "覆盖" for item in shared])
            else:
                name = text[ss:se] + obj
                if not name.strip() and _after_a_count(work, begin, found):
                    continue  # 每个村至少配备1名儿童主任，实现全覆盖: the count's own reach, no target of its own
                indicators = [name + "覆盖" if name else None]
            start = begin + (len(before) - len(before.lstrip(" "))) if before.strip() else match.start()
            for indicator in indicators:
                results.append(
                    ParsedTarget(
                        indicator=indicator,
                        op=Op.GE,
                        value=Decimal(100),
                        unit="%",
                        condition=condition,
                        quote=text[start : match.end()],
                        start=start,
                        end=match.end(),
                    )
                )
    return results


def _after_a_count(work: str, begin: int, found: list[ParsedTarget]) -> bool:
    """A count per place (每个村至少配备1名…, a number with no rate unit) in the clause before `begin`, same sentence."""
    for t in found:
        if t.value is None or t.end > begin or (t.unit or "") in ("%", "‰") or "/" in (t.unit or ""):
            continue
        between = work[t.end : begin]
        if len(between) <= 16 and not re.search(r"[。；;！!？?]", between):
            return True
    return False


def _qualitative_targets(
    text: str, work: str, inside: Marks, found: list[ParsedTarget]
) -> list[ParsedTarget]:
    """A measure followed by a direction word at the end of a clause: 巩固率不断提高."""
    results: list[ParsedTarget] = []
    taken = _Spans((t.start, t.end) for t in found)
    begin = 0
    # the clause ends (outside brackets) found in one pass, and the end of the text
    ends = [m.start() for m in _CLAUSE_END_PATTERN.finditer(work) if not inside[m.start()]]
    for i in [*ends, len(work)]:
        clause = work[begin:i]
        stripped = clause.rstrip(" ")
        lead = len(clause) - len(clause.lstrip(" "))
        body = stripped[lead:]
        if body and not taken.overlaps(begin, i):
            found = _qualitative_clause(text, work, begin + lead, begin + len(stripped), body)
            if found is not None:
                results.append(found)
        begin = i + 1
    return results


_CLAUSE_END_PATTERN = regex("[" + re.escape("".join(sorted(_CLAUSE_END))) + "]")


def _qualitative_clause(text: str, work: str, start: int, end: int, body: str) -> ParsedTarget | None:
    """One clause read as a qualitative target, the direction word after or before its measure.

    巩固率不断提高 (measure, then direction; 应保尽保 takes any subject) or
    逐步提高乳腺癌筛查覆盖率 (direction, then a measure with no number).
    """
    ending = _qual_ending(body)
    hit = ending or _qual_leading(body)
    if hit is None:
        return None
    word, direction = hit
    name_start, name_end = (start, end - len(word)) if ending else (start + len(word), end)
    (s_, e_), condition = _clean_subject(work, name_start, name_end)
    indicator = text[s_:e_]
    if ending:
        standalone = e_ == s_ and (name_end == name_start or condition is not None)
        covered = direction is Direction.FULL_COVERAGE and len(indicator) >= 2  # 孤儿基本生活保障应保尽保
        accepted = standalone or covered or _ends_with_measure(indicator)
    else:
        accepted = _ends_with_measure(indicator) and not any(ch.isdigit() for ch in indicator)
    if not accepted:
        return None
    return ParsedTarget(
        indicator=indicator or None,
        op=Op.QUAL,
        value=None,
        unit=None,
        direction=direction,
        condition=condition,
        quote=text[start:end],
        start=start,
        end=end,
    )


@cache
def _qualitative_by_edge() -> tuple[dict[str, list[tuple[str, Direction]]], dict[str, list[tuple[str, Direction]]]]:
    """The qualitative words by their first and by their last character, in vocabulary order (longest first)."""
    first: dict[str, list[tuple[str, Direction]]] = {}
    last: dict[str, list[tuple[str, Direction]]] = {}
    for word, direction in _vocabulary().qualitative:
        if word:
            first.setdefault(word[0], []).append((word, direction))
            last.setdefault(word[-1], []).append((word, direction))
    return first, last


def _qual_leading(body: str) -> tuple[str, Direction] | None:
    """A direction word that opens a clause and governs a measure: 逐步提高乳腺癌筛查覆盖率."""
    for word, direction in _qualitative_by_edge()[0].get(body[:1], ()):
        if direction in (Direction.INCREASE, Direction.DECREASE) and body.startswith(word) and len(body) > len(word) + 1:
            return word, direction
    return None


def _qual_ending(body: str) -> tuple[str, Direction] | None:
    vocab = _vocabulary()
    for word, direction in _qualitative_by_edge()[1].get(body[-1:], ()):
        if body.endswith(word):
            return word, direction
    last = None
    for last in vocab.qual_full_pattern.finditer(body):  # noqa: B007 - the last match is wanted
        pass
    if last is not None and last.end() == len(body):
        return last.group(0), Direction.FULL_COVERAGE
    return None
