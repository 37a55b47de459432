"""`parse` and `unread_numbers`: numeric, full-coverage and qualitative targets of a text, in order."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from compliance.model.plan import Direction, Op
from compliance.phrases.result import ParsedTarget
from compliance.phrases.vocabulary import _vocabulary
from compliance.phrases.text import _CLAUSE_END, _SENTENCE_END, _prepare
from compliance.phrases.numbers import _Number, _find_numbers, _normalise, _plain, _skip_spaces
from compliance.phrases.comparators import _clause_end, _clause_start, _default_op, _is_target_number, _op_of, _read_pre_op
from compliance.phrases.indicators import _AND, _carry_population, _clean_subject, _distribute, _ends_with_measure, _split_top, _trim


def parse(text: str) -> list[ParsedTarget]:
    """All targets a Chinese text states, in the order it states them.

    Numeric targets come with op, value and unit; masked digits give masked=True
    and value None; qualitative statements ("巩固率不断提高") come with op qual and
    a direction. Never raises: any string is a valid (if target-less) document.
    """
    if not isinstance(text, str) or not text:
        return []
    work, inside = _prepare(text)
    targets = _numeric_targets(text, work, inside)
    targets += _coverage_targets(text, work, inside, targets)
    targets += _qualitative_targets(text, work, inside, targets)
    targets.sort(key=lambda t: (t.start, t.end))
    return _carry_sentence_population(work, _name_conditional_targets(text, work, targets))


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
    work, inside = _prepare(text)
    if targets is None:
        targets = parse(text)
    used = [(t.start, t.end) for t in targets]
    found: list[tuple[int, int]] = []
    for pattern in vocab.unread_patterns:
        found += [(m.start(), m.end()) for m in pattern.finditer(work)]
    if arabic:
        found += [(m.start(), m.end()) for m in vocab.number_re.finditer(work)]
        found += [(m.start(), m.end()) for m in vocab.thousands_re.finditer(work)]
    spans: list[tuple[int, int, str]] = []
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        if inside[start] or any(start < u_end and end > u_start for u_start, u_end in used):
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


def _numeric_targets(text: str, work: str, inside: list[bool]) -> list[ParsedTarget]:
    vocab = _vocabulary()
    numbers = _find_numbers(work, inside, text)
    for number in numbers:
        _read_pre_op(work, number, inside)
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
    results: list[ParsedTarget] = []
    previous_indicator: tuple[int, str] | None = None  # (sentence start, indicator)
    previous_end = 0
    for group in groups:
        first, last = group[0], group[-1]
        clause_begin = _clause_start(work, first.start, inside, _CLAUSE_END)
        sentence_begin = _clause_start(work, first.start, inside, _SENTENCE_END)
        segment_end = _clause_end(work, last.post_end, inside, _CLAUSE_END)
        # a second target in one clause starts after the first: 医生达到0.85名、床位增至2.2张
        subject_begin = max(clause_begin, previous_end)
        subject_end = first.pre_start if first.pre_start is not None else first.start
        subject_end = max(subject_begin, subject_end)
        before_number = work[subject_begin : first.start]
        respectively = any(p.search(before_number) for p in vocab.respectively)
        span, condition = _clean_subject(work, subject_begin, subject_end)
        pre_start = first.pre_start if first.pre_start is not None else first.start
        quote_start = span[0] if span[1] > span[0] else min(pre_start, first.start)
        # the noun after the number: 至少配备1名女干部, 95%的城市社区
        tail_start = _skip_spaces(work, last.post_end)
        if work.startswith("的", tail_start):
            tail_start += 1
        tail_end = tail_start
        while tail_end < segment_end and not work[tail_end].isdigit():
            if work[tail_end] == "、" and not inside[tail_end]:
                break
            tail_end += 1
        tail = _trim(work, tail_start, tail_end)
        while tail[1] > tail[0] and work[tail[1] - 1] in "和及与或":
            tail = _trim(work, tail[0], tail[1] - 1)
        tail_text = text[tail[0] : tail[1]] if tail[1] - tail[0] >= 2 else ""
        indicators: list[str | None]
        end_override = None
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
        clause_before = work[clause_begin : first.start]
        period = _prefix_denominator(clause_before, vocab.per_period)
        population = _prefix_denominator(clause_before, vocab.per_population)
        base_year = None
        for pattern in vocab.base_year:
            for match in pattern.finditer(work, sentence_begin, first.start):
                base_year = int(match.group(1))
        if len(group) > 1:
            pairs = [(indicators[i] if len(indicators) == len(group) else indicators[-1], n) for i, n in enumerate(group)]
        else:
            pairs = [(indicator, first) for indicator in indicators]
        end = end_override if end_override is not None and len(group) == 1 else last.post_end
        for indicator, number in pairs:
            op = _group_op(group, number)
            unit = _with_denominator(number, period, population)
            results.append(
                ParsedTarget(
                    indicator=indicator or None,
                    op=op,
                    value=None if number.masked or number.value is None else _plain(number.value),
                    unit=unit,
                    masked=number.masked,
                    condition=condition,
                    base_year=base_year if op.is_relative else None,
                    value_max=_plain(number.value_max) if number.value_max is not None else None,
                    ratio=number.ratio,
                    quote=text[quote_start:end],
                    start=quote_start,
                    end=end,
                )
            )
            if indicator:
                previous_indicator = (sentence_begin, indicator)
        previous_end = end
    return results


def _group_lists(work: str, numbers: list[_Number], inside: list[bool]) -> list[list[_Number]]:
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


def _group_op(group: list[_Number], number: _Number) -> Op:
    """A value's own qualifier, else the next one in its list, else the list's comparator."""
    first = group[0]
    if first.relative and first.pre_op is not None:
        return first.pre_op
    index = group.index(number)
    for member in group[index:]:
        if member.post_op is not None:
            return member.post_op
    return _op_of(first) or _default_op(number)


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


def _prefix_denominator(text: str, table: list[tuple[str, str]]) -> str | None:
    best = None
    best_at = -1
    for word, denominator in table:
        at = text.rfind(word)
        if at > best_at:
            best, best_at = denominator, at
    return best


def _coverage_targets(
    text: str, work: str, inside: list[bool], found: list[ParsedTarget]
) -> list[ParsedTarget]:
    """全覆盖 without a number: >= 100 %, one per subject (实现A、B和C全覆盖 gives three)."""
    vocab = _vocabulary()
    results: list[ParsedTarget] = []
    taken = [(t.start, t.end) for t in found]
    for word in vocab.coverage_words:
        for match in re.finditer(re.escape(word), work):
            if inside[match.start()]:
                continue
            if any(s <= match.start() < e for s, e in taken):
                continue
            following = work[match.end() : match.end() + 1]
            if following and following not in _CLAUSE_END and following not in " 和并及与、)”":
                continue  # 健全覆盖城乡的体系: 覆盖 is a verb with an object here
            begin = _clause_start(work, match.start(), inside, _CLAUSE_END)
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
                indicators = [text[s:e] + "覆盖" for s, e in objects]
            elif len(subjects) > 1 and all(e - s >= 3 for s, e in subjects):
                indicators = _carry_population([text[s:e] + obj + "覆盖" for s, e in subjects])
            else:
                name = text[ss:se] + obj
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


def _qualitative_targets(
    text: str, work: str, inside: list[bool], found: list[ParsedTarget]
) -> list[ParsedTarget]:
    """A measure followed by a direction word at the end of a clause: 巩固率不断提高."""
    results: list[ParsedTarget] = []
    taken = [(t.start, t.end) for t in found]
    begin = 0
    n = len(work)
    i = 0
    while i <= n:
        if i == n or (work[i] in _CLAUSE_END and not inside[i]):
            clause = work[begin:i]
            stripped = clause.rstrip(" ")
            lead = len(clause) - len(clause.lstrip(" "))
            body = stripped[lead:]
            if body and not any(s < i and e > begin for s, e in taken):
                found = _qualitative_clause(text, work, begin + lead, begin + len(stripped), body)
                if found is not None:
                    results.append(found)
            begin = i + 1
        i += 1
    return results


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


def _qual_leading(body: str) -> tuple[str, Direction] | None:
    """A direction word that opens a clause and governs a measure: 逐步提高乳腺癌筛查覆盖率."""
    for word, direction in _vocabulary().qualitative:
        if direction in (Direction.INCREASE, Direction.DECREASE) and body.startswith(word) and len(body) > len(word) + 1:
            return word, direction
    return None


def _qual_ending(body: str) -> tuple[str, Direction] | None:
    vocab = _vocabulary()
    for word, direction in vocab.qualitative:
        if body.endswith(word):
            return word, direction
    last = None
    for last in vocab.qual_full_pattern.finditer(body):  # noqa: B007 - the last match is wanted
        pass
    if last is not None and last.end() == len(body):
        return last.group(0), Direction.FULL_COVERAGE
    return None
