"""Finding numbers and reading what is written around them: units, ranges, ratios, masked digits, written-out fractions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, Inexact, InvalidOperation, localcontext
from collections.abc import Callable, Sequence
from typing import Any

from compliance.model.plan import MAX_DIGITS, Op, digits_written
from compliance.phrases.vocabulary import _CN_DIGITS, _CN_NUMBER, _CN_UNITS, _vocabulary, _words
from compliance.compiled import regex


@dataclass
class _Number:
    """A number found in a phrase, with where it stands."""

    start: int
    end: int  # end of the number token(s), before the unit
    value: Decimal | None
    masked: bool
    value_max: Decimal | None = None
    ratio: tuple[Decimal, Decimal] | None = None
    unit_written: str | None = None
    unit_kind: str | None = None  # rate count age duration never ratio
    unit: str | None = None
    unit_end: int = 0
    post_op: Op | None = None
    post_end: int = 0
    pre_op: Op | None = None
    pre_start: int | None = None  # where the comparator word starts
    pre_end: int | None = None
    explicit_symbol: bool = False
    strong: bool = False
    relative: bool = False
    chinese_count: bool = False  # 一名, 两个: a target only after a strong comparator (至少配备一名)


def _decimal(text: str) -> Decimal | None:
    """The number exactly as written; None for one written with more digits than any value has.

    Such a number is no value the parser reads (it would have to be rounded):
    it stays in the text, where `unread_numbers` and extraction list it.
    """
    if digits_written(text) > MAX_DIGITS:
        return None
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        return None


def _plain(value: Decimal) -> Decimal:
    """1.500 → 1.5 and 100 stays 100 (never 1E+2), exactly: no rounding to the context's precision."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        return value  # never reached: NaN and infinities are no numbers of a text
    kept = list(digits)
    while exponent < 0 and len(kept) > 1 and kept[-1] == 0:
        kept.pop()
        exponent += 1
    if exponent < 0 and kept == [0]:
        exponent = 0
    if exponent > 0:
        kept += [0] * exponent
        exponent = 0
    return Decimal((sign, tuple(kept), exponent))


def _exact(operation: Callable[[], Decimal]) -> Decimal | None:
    """A quotient or product computed with room for every digit; None if it still needs rounding."""
    with localcontext() as context:
        context.prec = 4 * MAX_DIGITS
        context.traps[Inexact] = True
        try:
            return operation()
        except (Inexact, InvalidOperation):
            return None


def _cn_value(text: str) -> Decimal | None:
    """A Chinese numeral up to the thousands: 一 → 1, 十五 → 15, 三点五 → 3.5."""
    if not text:
        return None
    whole, _, frac = text.partition("点")
    total = 0
    current = 0
    for ch in whole:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            return None
    total += current
    if frac:
        if any(ch not in _CN_DIGITS for ch in frac):
            return None
        return Decimal(f"{total}." + "".join(str(_CN_DIGITS[ch]) for ch in frac))
    return Decimal(total)


def _match_word(work: str, pos: int, words: list[tuple[str, Any]]) -> tuple[str, Any] | None:
    """The first of `words` (in their order) written at `pos`; only those starting with its character are tried."""
    by_first = _by_first(words)
    for word, meaning in by_first.get(work[pos : pos + 1], ()) if by_first is not None and pos >= 0 else words:
        if work.startswith(word, pos):
            return word, meaning
    return None


_BY_FIRST: dict[int, tuple[list[Any], dict[str, list[Any]] | None]] = {}  # id(word list) -> (it, first char -> entries)


def _by_first(words: list[tuple[str, Any]]) -> dict[str, list[tuple[str, Any]]] | None:
    """The entries of a vocabulary list by their word's first character, in list order (None with an empty word)."""
    kept = _BY_FIRST.get(id(words))
    if kept is None or kept[0] is not words:
        index: dict[str, list[tuple[str, Any]]] | None = {}
        for entry in words:
            if not entry[0]:
                index = None
                break
            index.setdefault(entry[0][0], []).append(entry)
        kept = _BY_FIRST[id(words)] = (words, index)
    return kept[1]


def _skip_spaces(work: str, pos: int) -> int:
    while pos < len(work) and work[pos] in " \u3000":
        pos += 1
    return pos


def _normalise(unit: str) -> str | None:
    from compliance.units import normalised_or_none

    return normalised_or_none(unit)


_CN_POINTS = regex(r"([" + _CN_NUMBER + r"点]{1,6})(?=个?百分点)")
_CN_COUNT = regex(r"[" + _CN_NUMBER + r"]{1,6}")


def _find_numbers(work: str, inside: Sequence[bool], text: str | None = None) -> list[_Number]:
    """Every number token with its unit and post-qualifier; nothing decided yet."""
    vocab = _vocabulary()
    mask = vocab.mask
    numbers: list[_Number] = []
    consumed = 0
    candidates: list[tuple[int, int, str]] = []  # (start, end, kind) kind: arabic / word
    for match in vocab.number_re.finditer(work):
        candidates.append((match.start(), match.end(), "arabic"))
    # each search below only where the characters its pattern cannot match without are in the text
    for match in vocab.thousands_re.finditer(work) if "," in work else ():
        # only an ASCII comma in the original: "1，200" is two numbers in a Chinese sentence
        if text is None or all(text[i] == "," for i in range(match.start(), match.end()) if work[i] == ","):
            candidates.append((match.start(), match.end(), "arabic"))
    for match in vocab.fraction_re.finditer(work) if "分之" in work else ():
        candidates.append((match.start(), match.end(), "fraction"))
    for match in vocab.slash_fraction_re.finditer(work) if "/" in work else ():
        if int(match.group("num")) < int(match.group("den")) <= vocab.slash_fraction_max:
            candidates.append((match.start(), match.end(), "fraction"))
    for match in vocab.case_re.finditer(work) if "每" in work else ():
        candidates.append((match.start(), match.end(), "case"))
    for match in _CN_POINTS.finditer(work) if "百分点" in work else ():
        candidates.append((match.start(), match.end(), "cnpt"))
    for match in _CN_COUNT.finditer(work):
        candidates.append((match.start(), match.end(), "cncount"))
    for word in vocab.word_values:  # each occurrence, as finditer of the literal would find them
        if not word:
            continue  # (an empty word is no word: rules/phrases.yaml has none)
        at = work.find(word)
        while at >= 0:
            candidates.append((at, at + len(word), "word"))
            at = work.find(word, at + len(word))
    # at one place the longest reading first: 1,200 before 1, 每十万活产8例 before 十万
    candidates.sort(key=lambda c: (c[0], -c[1]))
    for start, end, kind in candidates:
        if start < consumed or inside[start]:
            continue
        number = _read_number(work, start, end, kind, mask)
        if number is None:
            continue
        consumed = max(number.post_end, number.unit_end, number.end)
        numbers.append(number)
    return numbers


def _fraction(work: str, start: int, end: int) -> _Number | None:
    """百分之九十 (90 %), 万分之5 (5 1/万), 四分之一 or 1/4 (25 %), 三分之一 or 1/3 (ratio 1:3, never rounded)."""
    vocab = _vocabulary()
    match = vocab.fraction_re.fullmatch(work, start, end) or vocab.slash_fraction_re.fullmatch(work, start, end)
    if match is None:
        return None
    numerator = _cn_or_arabic(match.group("num"))
    if numerator is None:
        return None
    number = _Number(start, end, numerator, False)
    number.unit_kind = "rate"
    number.unit_end = end
    den = match.group("den")
    if den in vocab.fraction_units:
        number.unit = _normalise(vocab.fraction_units[den])
        number.unit_written = den + "分之"
        return number if number.unit else None
    denominator = _cn_or_arabic(den)
    if not denominator or denominator != denominator.to_integral_value():
        return None
    percent = _exact(lambda: numerator * 100 / denominator)
    if percent is not None and digits_written(str(_plain(percent))) <= MAX_DIGITS:
        number.value = _plain(percent)  # exact: 四分之一 is 25 %
        number.unit = number.unit_written = "%"
        return number
    number.ratio = (_plain(numerator), _plain(denominator))  # 三分之一: the terms are exact, never the rounding
    number.value = _ratio_value(numerator, denominator)
    number.unit = number.unit_written = "ratio"
    return number


def _ratio_value(first: Decimal, second: Decimal) -> Decimal:
    """first / second to three places: what a ratio is shown as (its terms stay exact in `ratio`)."""
    with localcontext() as context:
        context.prec = 4 * MAX_DIGITS
        return _plain((first / second).quantize(Decimal("0.001")))


def _cn_or_arabic(token: str) -> Decimal | None:
    if token and token[0].isdigit():
        return _decimal(token)
    return _cn_value(token)


def _read_number(work: str, start: int, end: int, kind: str, mask: str) -> _Number | None:
    vocab = _vocabulary()
    token = work[start:end]
    if kind == "arabic":
        # A number glued to letters or other digits is an identifier (HPV16, _Toc12), not a value.
        if start > 0 and (work[start - 1].isascii() and work[start - 1].isalpha() or work[start - 1] == "_"):
            return None
        masked = any(map(mask.__contains__, token))
        if masked and not any(ch in mask for ch in token.replace(".", "")):
            masked = False
        value = None if masked else _decimal(token.replace(",", ""))
        if not masked and value is None:
            return None
        number = _Number(start, end, value, masked)
    elif kind == "fraction":
        fraction = _fraction(work, start, end)
        if fraction is None:
            return None
        number = fraction
    elif kind == "case":
        match = vocab.case_re.fullmatch(work, start, end)
        value = _cn_or_arabic(match.group("num")) if match else None
        unit = _normalise(vocab.case_scales[match.group("scale")]) if match else None
        if value is None or unit is None:
            return None
        number = _Number(start, match.end("num"), value, False)
        number.unit_written = match.group(0)
        number.unit_kind = "rate"
        number.unit = unit
        number.unit_end = end
    elif kind == "cncount":
        value = _cn_value(token)
        if value is None:
            return None
        number = _Number(start, end, value, False, chinese_count=True)
        pos = _read_unit(work, number, end)
        if number.unit_kind != "count" or pos == end:
            return None
        number.unit_end = pos
        _read_post_op(work, number)
        return number
    elif kind == "cnpt":
        value = _cn_value(token)
        if value is None:
            return None
        number = _Number(start, end, value, False)
    else:  # a word standing for a value: 一半
        value, unit = vocab.word_values[token]
        number = _Number(start, end, value, False)
        number.unit_written = unit
        number.unit_kind = "rate"
        number.unit = _normalise(unit)
        number.unit_end = end
    pos = end
    if kind == "arabic":
        pos = _read_range_or_ratio(work, number, pos, mask)
    if number.unit_written is None:
        pos = _read_unit(work, number, pos)
        if kind == "arabic" and number.unit_kind is not None and number.value_max is None:
            pos = _read_unit_range(work, number, pos, mask)
    number.unit_end = max(number.unit_end, pos)
    _read_post_op(work, number)
    return number


def _match_number(work: str, pos: int) -> re.Match[str] | None:
    """The number at pos, thousands separators included (the second end of 2,000-3,000个)."""
    vocab = _vocabulary()
    return vocab.thousands_re.match(work, pos) or vocab.number_re.match(work, pos)


def _read_unit_range(work: str, number: _Number, pos: int, mask: str) -> int:
    """40%-45%, 40%～45%, 40%至45%: a range whose two ends both carry the unit."""
    vocab = _vocabulary()
    at = _skip_spaces(work, pos)
    connector = next((c for c in vocab.range_connectors if work.startswith(c, at)), None) if work.startswith(_words(vocab.range_connectors), at) else None
    if connector is None or number.unit is None:
        return pos
    second = _match_number(work, _skip_spaces(work, at + len(connector)))
    if not second:
        return pos
    unit_at = _skip_spaces(work, second.end())
    found = _match_word(work, unit_at, vocab.unit_words)
    if found is None or _normalise(found[0]) != number.unit:
        return pos
    if work.startswith(_words(vocab.not_units), unit_at):
        return pos
    unit_end = unit_at + len(found[0])
    if any(ch in mask for ch in second.group(0)):
        number.masked, number.value = True, None
        return unit_end
    high = _decimal(second.group(0).replace(",", ""))
    if number.value is None or high is None or high < number.value:
        return pos  # 45%-40% is no range
    number.value_max = high
    return unit_end


_DATE_BEFORE = regex(r"(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2})\s*日?\s*$")


_CLOCK_RANGE_AFTER = regex(r"\s*[—–\-~～至]\s*\d{1,2}\s*:\s*[0-5]\d(?!\d)")
_CLOCK_RANGE_BEFORE = regex(r"\d{1,2}\s*:\s*[0-5]\d\s*[—–\-~～至]\s*$")
_MINUTES = regex(r"\s*:\s*[0-5]\d(?![\d.])")
_CLAUSE_MARKS = "，,。；;！!？?\n"


def _clock_time(work: str, start: int, colon: int) -> bool:
    """07:30 after a date (2022-11-23 07:30, 11月23日 7:30), either end of hours (每天8:30—11:30、13:30—16:30), and an
    hour and its minutes in a clause with a word of the time of day (clock_words: 上午9:00, 北京时间) is a time of day,
    never a ratio."""
    if not re.fullmatch(r"\d{1,2}", work[start:colon].strip()):
        return False
    if _DATE_BEFORE.search(work[max(0, start - 16) : start]):
        return True
    minutes = _MINUTES.match(work, colon)
    if minutes is None or int(work[start:colon].strip()) > 24:
        return False
    if _CLOCK_RANGE_AFTER.match(work, minutes.end()) or _CLOCK_RANGE_BEFORE.search(work[max(0, start - 12) : start]):
        return True
    begin, end = start, colon
    while begin > 0 and work[begin - 1] not in _CLAUSE_MARKS:
        begin -= 1
    while end < len(work) and work[end] not in _CLAUSE_MARKS:
        end += 1
    return any(word in work[begin:end] for word in _vocabulary().clock_words)


def _read_range_or_ratio(work: str, number: _Number, pos: int, mask: str) -> int:
    """2-3家 (a range), 2:3 (a ratio) and 9/10万 (handled as a unit) after the first number."""
    vocab = _vocabulary()
    after = _skip_spaces(work, pos)
    if after < len(work) and work[after] in ":" and not _clock_time(work, number.start, after):
        # *:*, 1:*** (a ratio with a term masked): a masked ratio, never a guessed one
        second = vocab.number_re.match(work, _skip_spaces(work, after + 1))
        terms = (work[number.start : number.end], second.group(0) if second else "")
        clock = any(word in work[max(0, number.start - 12) : number.start] for word in vocab.clock_words)
        if second and not clock and any(ch in mask for term in terms for ch in term) and all(
            ch in mask or ch.isdigit() or ch == "." for term in terms for ch in term
        ):
            number.masked = True
            number.value = None
            number.unit_written = number.unit_kind = number.unit = "ratio"
            number.end = number.unit_end = second.end()
            return second.end()
    if after < len(work) and work[after] in ":" and not number.masked and not _clock_time(work, number.start, after):
        second = vocab.number_re.match(work, _skip_spaces(work, after + 1))
        if second and not any(ch in mask for ch in second.group(0)):
            denominator = _decimal(second.group(0))
            if denominator and number.value is not None:
                number.ratio = (_plain(number.value), _plain(denominator))
                number.value = _ratio_value(number.value, denominator)
                number.unit_written = "ratio"
                number.unit_kind = "ratio"
                number.unit = "ratio"
                number.end = second.end()
                number.unit_end = second.end()
                return second.end()
    if after < len(work) and (work[after] in "-~～" or work[after] == "至" and _match_number(work, _skip_spaces(work, after + 1))):
        # 2-3家, 1～2名, 1至2名: a range (至 only between two numbers: 降至2名 is no range)
        second = _match_number(work, _skip_spaces(work, after + 1))
        if second:
            masked_second = any(ch in mask for ch in second.group(0))
            high = None if masked_second else _decimal(second.group(0).replace(",", ""))
            if high is None and not masked_second:
                return pos  # a second end too long to be a value: it stays a number of its own
            number.end = second.end()
            if masked_second:
                number.masked = True
                number.value = None
            elif number.value is not None and high is not None and high >= number.value:
                number.value_max = high
            return second.end()
    if after < len(work) and work[after] == "/":
        # 7/*** : the denominator itself is illegible; the unit cannot be read.
        rest = work[after + 1 :]
        stars = len(rest) - len(rest.lstrip(mask))
        if not stars and number.masked:  # 1*/1*万: a denominator partly masked too, digits and masks
            run = len(rest) - len(rest.lstrip("0123456789" + mask))
            stars = run if any(ch in mask for ch in rest[:run]) else 0
        if stars:
            number.masked = True
            number.value = None
            number.unit_written = "/" + rest[:stars]
            number.unit_kind = "rate"
            number.unit = None
            number.unit_end = after + 1 + stars
            fitted = _masked_rate_unit(work, after, stars)  # **/**万: the one rate unit whose digits the mask fits
            if fitted is not None:
                number.unit_written, number.unit = fitted
                number.unit_end = after + len(fitted[0])
            return number.unit_end
    return pos


def _masked_rate_unit(work: str, slash: int, stars: int) -> tuple[str, str] | None:
    """(as written, the unit) of a rate whose denominator's digits are masked one for one, all or some (**/**万,
    1*/1*万 → 1/10万): the rate units of the vocabulary written with those many digits, each legible one as written,
    and the words after them, when they all mean one unit; None when none fits or several units do."""
    found: dict[str, str] = {}
    for written, kind in _vocabulary().unit_words:
        if kind != "rate" or not written.startswith("/"):
            continue
        digits = len(written) - len(written[1:].lstrip("0123456789")) - 1
        written_here = work[slash : slash + len(written)]
        fits = len(written_here) == len(written) and digits == stars and all(
            here == unit_ch or (here in _vocabulary().mask and unit_ch.isdigit())
            for here, unit_ch in zip(written_here, written, strict=True)
        )
        if fits:
            unit = _normalise(written)
            if unit is not None:
                found.setdefault(unit, written_here)
    if len(found) != 1:
        return None
    unit, written = next(iter(found.items()))
    return written, unit


def _read_unit(work: str, number: _Number, pos: int) -> int:
    vocab = _vocabulary()
    at = _skip_spaces(work, pos)
    found = _match_word(work, at, vocab.unit_words)
    if found is None and work[at : at + 1] in vocab.multipliers and number.value is not None:
        # 2万个 is 20 000 个 (but 2万人 is the unit 万人, matched above)
        scaled = _match_word(work, at + 1, vocab.unit_words)
        if scaled is not None and scaled[1] == "count":
            number.value = number.value * vocab.multipliers[work[at]]
            if number.value_max is not None:
                number.value_max = number.value_max * vocab.multipliers[work[at]]
            at, found = at + 1, scaled
    if found is None:
        return pos
    written, kind = found
    if work.startswith(_words(vocab.not_units), at):
        return pos  # 110处理, 3个人: the character starts a word, it is no unit
    end = at + len(written)
    unit_text = written
    # an explicit denominator: 3次/年, 2名/千人
    if work.startswith("/", end) and kind != "rate":
        for denominator in vocab.slash_denominators:
            if work.startswith(denominator, end + 1):
                combined = _normalise(f"{written}/{denominator}")
                if combined:
                    unit_text = f"{written}/{denominator}"
                    end = end + 1 + len(denominator)
                break
    number.unit_written = unit_text
    number.unit_kind = kind
    number.unit = _normalise(unit_text)
    if number.unit is None and kind != "never":
        number.unit_kind = None
        number.unit_written = None
        return pos
    return end


def _read_post_op(work: str, number: _Number) -> None:
    vocab = _vocabulary()
    pos = _skip_spaces(work, number.unit_end)
    found = _match_word(work, pos, vocab.post_ops)
    number.post_end = number.unit_end
    if found:
        number.post_op = found[1]
        number.post_end = pos + len(found[0])
    elif number.value_max is not None:
        # 保持在40%-45%之间: a band, at least its lower end (value_max holds the upper)
        word = next((w for w in vocab.range_words if work.startswith(w, pos)), None)
        if word is not None:
            number.post_op = Op.GE
            number.post_end = pos + len(word)
