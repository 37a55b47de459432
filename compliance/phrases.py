"""Reading (and writing) the Chinese phrases that state plan targets.

"孕产妇死亡率下降到9/10万以下" means: indicator 孕产妇死亡率, at most 9 per
100 000. Plans write the same meaning in dozens of ways, with scraping noise on
top (masked digits, full-width characters, Word bookmarks), and they are full of
numbers that are NOT targets: ages that qualify a population (3岁以下儿童),
years, baselines (2020年为85.02), numbering, durations that set a scope
(在5年内), named concepts (“15分钟健身圈”) and eligibility rules
(10人及以上的行政村).

The vocabulary (which words mean "at least", which units are ages…) is data in
`rules/phrases.yaml`; this module holds the grammar: find each number, read its
unit and the words around it, decide whether it is a target, and name the
indicator it belongs to. Everything works on a copy of the text folded to half
width character by character, so every offset is also an offset into the
original text and every quote is an exact substring of it.

`parse` never raises: it is fed whole documents and arbitrary strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from compliance.model.plan import Direction, Op, TargetValue

__all__ = [
    "ParsedTarget",
    "parse",
    "parse_compact",
    "render",
    "render_compact",
    "unread_numbers",
]


# --------------------------------------------------------------------------- result


@dataclass(frozen=True)
class ParsedTarget:
    """One target found in a text, with the exact place that states it.

    `quote`, `start` and `end` point into the text given to `parse`, so a
    reviewer can always see the words a target was read from.
    """

    indicator: str | None
    op: Op
    value: Decimal | None
    unit: str | None
    masked: bool = False
    direction: Direction | None = None
    condition: str | None = None
    base_year: int | None = None
    value_max: Decimal | None = None
    ratio: tuple[Decimal, Decimal] | None = None
    quote: str = ""
    start: int = 0
    end: int = 0

    @property
    def is_numeric(self) -> bool:
        """Qualitative targets (op qual) state no number and are not compared numerically."""
        return self.op is not Op.QUAL

    def to_target_value(self) -> TargetValue:
        """The normalised meaning, as the plan model stores it."""
        return TargetValue(
            op=self.op,
            value=self.value,
            unit=self.unit,
            masked=self.masked,
            direction=self.direction,
            condition=self.condition,
            base_year=self.base_year,
            value_max=self.value_max,
            ratio=self.ratio,
        )

    def to_mapping(self, default_unit: str | None = None) -> dict[str, Any]:
        """The `target:` mapping of a plan file (only the fields that are set)."""
        mapping: dict[str, Any] = {"op": str(self.op)}
        if self.masked:
            mapping["masked"] = True
        elif self.value is not None:
            mapping["value"] = self.value
        if self.unit or default_unit:
            mapping["unit"] = self.unit or default_unit
        if self.direction is not None:
            mapping["direction"] = str(self.direction)
        for name in ("condition", "base_year", "value_max"):
            if getattr(self, name) is not None:
                mapping[name] = getattr(self, name)
        if self.ratio is not None:
            mapping["ratio"] = list(self.ratio)
        return mapping

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types, for reports and `--json` output: Decimals become numbers."""
        return {
            "indicator": self.indicator,
            "op": str(self.op),
            "value": _json_number(self.value),
            "unit": self.unit,
            "masked": self.masked,
            "direction": str(self.direction) if self.direction else None,
            "condition": self.condition,
            "base_year": self.base_year,
            "value_max": _json_number(self.value_max),
            "ratio": [_json_number(x) for x in self.ratio] if self.ratio else None,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
        }


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class _Vocabulary:
    mask: str
    unit_words: list[tuple[str, str]]  # (written, kind) longest first
    slash_denominators: list[str]
    per_period: list[tuple[str, str]]
    per_population: list[tuple[str, str]]
    post_ops: list[tuple[str, Op]]
    symbols: list[tuple[str, Op]]
    strong: list[tuple[str, Op]]
    weak: list[tuple[str, Op]]
    adjacent_only: frozenset[str]
    op_window: int
    relative: list[tuple[str, Op]]
    base_year: list[re.Pattern[str]]
    baseline_before: re.Pattern[str]
    baseline_after: list[str]
    duration_before: list[str]
    duration_after: list[str]
    list_separators: frozenset[str]
    respectively: list[re.Pattern[str]]
    abbreviations: dict[str, list[str]]
    measure_heads: list[str]
    shared_heads: list[str]
    conditions: list[str]
    subject_prefixes: list[str]
    subject_suffixes: list[str]
    subject_cuts: list[re.Pattern[str]]
    population_prefix: re.Pattern[str]
    not_units: list[str]
    multipliers: dict[str, Decimal]
    not_after: list[str]
    coverage_words: list[str]
    coverage_verbs: list[str]
    word_values: dict[str, tuple[Decimal, str]]
    qualitative: list[tuple[str, Direction]]
    qual_full_pattern: re.Pattern[str]
    qual_render: dict[Direction, str]
    number_re: re.Pattern[str] = field(repr=False, default=re.compile(""))
    thousands_re: re.Pattern[str] = field(repr=False, default=re.compile(""))
    fraction_units: dict[str, str] = field(default_factory=dict)
    fraction_re: re.Pattern[str] = field(repr=False, default=re.compile(""))
    case_scales: dict[str, str] = field(default_factory=dict)
    case_re: re.Pattern[str] = field(repr=False, default=re.compile(""))
    range_connectors: list[str] = field(default_factory=list)
    range_words: list[str] = field(default_factory=list)
    verb_chain_joiners: list[str] = field(default_factory=list)
    unread_patterns: list[re.Pattern[str]] = field(default_factory=list)
    named_phrases: list[str] = field(default_factory=list)


def _longest_first(pairs: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def _fold(text: str, keep_dot: bool = False) -> str:
    """Full width to half width, one character for one character (offsets survive)."""
    out = []
    for ch in text:
        code = ord(ch)
        if keep_dot and ch == "．":
            out.append(ch)
        elif 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif ch == "\u3000" or ch == "\xa0":
            out.append(" ")
        elif ch in "—–－―‐‑":
            out.append("-")
        elif ch == "﹪":
            out.append("%")
        elif ch == "﹤":
            out.append("<")
        elif ch == "﹥":
            out.append(">")
        else:
            out.append(ch)
    return "".join(out)


@cache
def _vocabulary() -> _Vocabulary:
    from compliance.loading.yamlfile import read_yaml
    from compliance.resources import rules_file

    data = read_yaml(rules_file("phrases.yaml")).data

    def ops(mapping: Any) -> list[tuple[str, Op]]:
        return _longest_first(
            [(_fold(str(word)), Op(str(op))) for op, words in mapping.items() for word in words]
        )

    unit_words = _longest_first(
        [(_fold(str(word)), str(kind)) for kind, words in data["units"].items() for word in words]
    )
    mask = str(data["mask_characters"])
    digit = r"[0-9" + re.escape(mask) + r"]"
    number_re = re.compile(digit + r"+(?:\." + digit + r"+)?")
    # 1,200 and 12,000,000: an ASCII comma before exactly three digits, inside a number
    thousands_re = re.compile(r"(?<![0-9.,])[1-9][0-9]{0,2}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?")
    cn = "[" + _CN_NUMBER + "]"
    fraction_units = {str(k): str(v) for k, v in data["fraction_units"].items()}
    by_length = sorted(fraction_units, key=len, reverse=True)
    fraction_re = re.compile(
        r"(?P<den>" + "|".join(re.escape(w) for w in by_length) + r"|[0-9]+|" + cn + r"+)分之"
        r"(?P<num>[0-9]+(?:\.[0-9]+)?|(?:" + cn + r"|点)+)"
    )
    cases = data["case_rates"]
    case_scales = {str(k): str(v) for k, v in cases["scales"].items()}

    def alternation(words: Any) -> str:
        return "|".join(re.escape(str(w)) for w in sorted((str(w) for w in words), key=len, reverse=True))

    case_re = re.compile(
        r"每\s*(?P<scale>" + alternation(case_scales) + r")\s*(?:" + alternation(cases["populations"]) + r")?\s*"
        r"(?P<num>[0-9]+(?:\.[0-9]+)?|(?:" + cn + r"|点)+)\s*(?:" + alternation(cases["counters"]) + r")"
    )
    unread_patterns = [re.compile(str(p).replace("{cn}", cn)) for p in data["unread_patterns"]]
    qualitative = _longest_first(
        [
            (_fold(str(word)), Direction(str(direction)))
            for direction, words in data["qualitative"].items()
            for word in words
        ]
    )
    return _Vocabulary(
        mask=mask,
        unit_words=unit_words,
        slash_denominators=sorted((str(d) for d in data["slash_denominators"]), key=len, reverse=True),
        per_period=_longest_first([(str(k), str(v)) for k, v in data["per_period"].items()]),
        per_population=_longest_first([(str(k), str(v)) for k, v in data["per_population"].items()]),
        post_ops=ops(data["post_ops"]),
        symbols=ops(data["symbols"]),
        strong=ops(data["strong_ops"]),
        weak=ops(data["weak_ops"]),
        adjacent_only=frozenset(str(w) for w in data["adjacent_only"]),
        op_window=int(data["op_window"]),
        relative=ops(data["relative"]),
        base_year=[re.compile(str(p)) for p in data["base_year_patterns"]],
        baseline_before=re.compile(str(data["baseline_before"])),
        baseline_after=[str(w) for w in data["baseline_after"]],
        duration_before=sorted((str(w) for w in data["duration_scope_before"]), key=len, reverse=True),
        duration_after=sorted((str(w) for w in data["duration_scope_after"]), key=len, reverse=True),
        list_separators=frozenset(_fold(str(w)) for w in data["list_separators"]),
        respectively=[re.compile(str(p)) for p in data["respectively"]],
        abbreviations={str(k): [str(x) for x in v] for k, v in data["abbreviations"].items()},
        measure_heads=sorted((str(w) for w in data["measure_heads"]), key=len, reverse=True),
        shared_heads=sorted((str(w) for w in data.get("shared_heads", [])), key=len, reverse=True),
        conditions=sorted((str(w) for w in data["conditions"]), key=len, reverse=True),
        subject_prefixes=sorted((str(w) for w in data["subject_prefixes"]), key=len, reverse=True),
        subject_suffixes=sorted((str(w) for w in data["subject_suffixes"]), key=len, reverse=True),
        not_units=[str(w) for w in data["not_units"]],
        multipliers={str(k): Decimal(str(v)) for k, v in data["multipliers"].items()},
        not_after=[str(w) for w in data["not_after"]],
        subject_cuts=[re.compile(str(p)) for p in [*data["subject_cuts"], *data["base_year_patterns"]]],
        population_prefix=re.compile(str(data["population_prefix"])),
        coverage_words=[str(w) for w in data["full_coverage"]["words"]],
        coverage_verbs=sorted((str(w) for w in data["full_coverage"]["verbs"]), key=len, reverse=True),
        word_values={str(k): (Decimal(str(v[0])), str(v[1])) for k, v in data["word_values"].items()},
        qualitative=qualitative,
        qual_full_pattern=re.compile(str(data["qualitative_full_coverage_pattern"])),
        qual_render={Direction(str(k)): str(v) for k, v in data["qualitative_render"].items()},
        number_re=number_re,
        thousands_re=thousands_re,
        fraction_units=fraction_units,
        fraction_re=fraction_re,
        case_scales=case_scales,
        case_re=case_re,
        range_connectors=sorted((_fold(str(w)) for w in data["range_connectors"]), key=len, reverse=True),
        range_words=sorted((str(w) for w in data["range_words"]), key=len, reverse=True),
        verb_chain_joiners=sorted((str(w) for w in data["verb_chain_joiners"]), key=len, reverse=True),
        unread_patterns=unread_patterns,
        named_phrases=[str(w) for w in data["named_phrases"]],
    )


# --------------------------------------------------------------------------- text preparation

_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]{0,200}\]")
_CLAUSE_END = set("，,。；;！!？?\n\t\r")
_SENTENCE_END = set("。；;！!？?\n\r")
_OPENERS = {"(": ")", "“": "”", "《": "》", "〔": "〕", "[": "]", "【": "】", "「": "」", "『": "』", "‘": "’"}
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = "零〇一二两三四五六七八九十百千"


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


# --------------------------------------------------------------------------- numbers


@dataclass
class _Number:
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
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        return None


def _plain(value: Decimal) -> Decimal:
    """1.500 → 1.5 and 100 stays 100 (never 1E+2)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


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
    for word, meaning in words:
        if work.startswith(word, pos):
            return word, meaning
    return None


def _skip_spaces(work: str, pos: int) -> int:
    while pos < len(work) and work[pos] in " \u3000":
        pos += 1
    return pos


def _normalise(unit: str) -> str | None:
    from compliance.errors import UnitError
    from compliance.units import normalise_unit

    try:
        return normalise_unit(unit)
    except UnitError:
        return None


def _find_numbers(work: str, inside: list[bool], text: str | None = None) -> list[_Number]:
    """Every number token with its unit and post-qualifier; nothing decided yet."""
    vocab = _vocabulary()
    mask = vocab.mask
    numbers: list[_Number] = []
    consumed = 0
    candidates: list[tuple[int, int, str]] = []  # (start, end, kind) kind: arabic / word
    for match in vocab.number_re.finditer(work):
        candidates.append((match.start(), match.end(), "arabic"))
    for match in vocab.thousands_re.finditer(work):
        # only an ASCII comma in the original: "1，200" is two numbers in a Chinese sentence
        if text is None or all(text[i] == "," for i in range(match.start(), match.end()) if work[i] == ","):
            candidates.append((match.start(), match.end(), "arabic"))
    for match in vocab.fraction_re.finditer(work):
        candidates.append((match.start(), match.end(), "fraction"))
    for match in vocab.case_re.finditer(work):
        candidates.append((match.start(), match.end(), "case"))
    for match in re.finditer(r"([" + _CN_NUMBER + r"点]{1,6})(?=个?百分点)", work):
        candidates.append((match.start(), match.end(), "cnpt"))
    for match in re.finditer(r"[" + _CN_NUMBER + r"]{1,6}", work):
        candidates.append((match.start(), match.end(), "cncount"))
    for word in vocab.word_values:
        for match in re.finditer(re.escape(word), work):
            candidates.append((match.start(), match.end(), "word"))
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
    """百分之九十 (90 %), 万分之5 (5 1/万), 四分之一 (25 %), 三分之一 (ratio 1:3, never rounded to a %)."""
    vocab = _vocabulary()
    match = vocab.fraction_re.fullmatch(work, start, end)
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
    share = numerator / denominator
    rest = int(denominator)
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    if rest == 1 or (share * 100) == (share * 100).to_integral_value():
        number.value = _plain(share * 100)  # exact: 四分之一 is 25 %
        number.unit = number.unit_written = "%"
        return number
    number.ratio = (_plain(numerator), _plain(denominator))
    number.value = _plain(share.quantize(Decimal("0.001")))
    number.unit = number.unit_written = "ratio"
    return number


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
        masked = any(ch in mask for ch in token)
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
    connector = next((c for c in vocab.range_connectors if work.startswith(c, at)), None)
    if connector is None or number.unit is None:
        return pos
    second = _match_number(work, _skip_spaces(work, at + len(connector)))
    if not second:
        return pos
    unit_at = _skip_spaces(work, second.end())
    found = _match_word(work, unit_at, vocab.unit_words)
    if found is None or _normalise(found[0]) != number.unit:
        return pos
    if any(work.startswith(word, unit_at) for word in vocab.not_units):
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


def _read_range_or_ratio(work: str, number: _Number, pos: int, mask: str) -> int:
    """2-3家 (a range), 2:3 (a ratio) and 9/10万 (handled as a unit) after the first number."""
    vocab = _vocabulary()
    after = _skip_spaces(work, pos)
    if after < len(work) and work[after] in ":" and not number.masked:
        second = vocab.number_re.match(work, _skip_spaces(work, after + 1))
        if second and not any(ch in mask for ch in second.group(0)):
            denominator = _decimal(second.group(0))
            if denominator and number.value is not None:
                number.ratio = (_plain(number.value), _plain(denominator))
                number.value = _plain((number.value / denominator).quantize(Decimal("0.001")))
                number.unit_written = "ratio"
                number.unit_kind = "ratio"
                number.unit = "ratio"
                number.end = second.end()
                number.unit_end = second.end()
                return second.end()
    if after < len(work) and work[after] in "-~～":
        second = _match_number(work, _skip_spaces(work, after + 1))
        if second:
            masked_second = any(ch in mask for ch in second.group(0))
            high = None if masked_second else _decimal(second.group(0).replace(",", ""))
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
        if stars:
            number.masked = True
            number.value = None
            number.unit_written = "/" + rest[:stars]
            number.unit_kind = "rate"
            number.unit = None
            number.unit_end = after + 1 + stars
            return after + 1 + stars
    return pos


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
    if any(work.startswith(word, at) for word in vocab.not_units):
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


# --------------------------------------------------------------------------- deciding


def _clause_start(work: str, pos: int, inside: list[bool], stops: set[str]) -> int:
    i = pos
    while i > 0:
        ch = work[i - 1]
        if ch in stops and not inside[i - 1]:
            break
        if ch == ":" and not (i >= 2 and work[i - 2].isdigit()):
            break
        i -= 1
    return i


def _clause_end(work: str, pos: int, inside: list[bool], stops: set[str]) -> int:
    i = pos
    while i < len(work):
        ch = work[i]
        if ch in stops and not inside[i]:
            break
        i += 1
    return i


def _read_pre_op(work: str, number: _Number, inside: list[bool]) -> None:
    """The comparator before the number: a symbol, a strong word, a relative or a weak verb."""
    vocab = _vocabulary()
    begin = _clause_start(work, number.start, inside, _CLAUSE_END | {"、"})
    begin = max(begin, number.start - vocab.op_window - 4)
    window = work[begin : number.start]
    # stop at an earlier number: its words are its own
    for i in range(len(window) - 1, -1, -1):
        if window[i].isdigit() or window[i] in vocab.mask:
            window = window[i + 1 :]
            begin = number.start - len(window)
            break
    stripped = window.rstrip(" ")
    tail_end = begin + len(stripped)
    # symbols touch the number
    for symbol, op in vocab.symbols:
        if stripped.endswith(symbol):
            number.pre_op, number.explicit_symbol, number.strong = op, True, True
            number.pre_start, number.pre_end = tail_end - len(symbol), tail_end
            return
    # the nearest word wins; relative verbs must touch the number (下降20%), and
    # 下降到 (a weak verb, a level) beats 下降 (a change) by being longer
    best: tuple[int, int, str, Op, str] | None = None  # (end, length, word, op, tier)
    for tier, words in (("strong", vocab.strong), ("weak", vocab.weak), ("relative", vocab.relative)):
        for word, op in words:
            index = stripped.rfind(word)
            while index >= 0:
                word_end = begin + index + len(word)
                distance = tail_end - word_end
                limit = 1 if (tier == "relative" or word in vocab.adjacent_only) else vocab.op_window
                if tier == "relative" and distance > 0 and stripped[index + len(word) :].strip() not in ("了", "约"):
                    limit = 0
                if distance <= limit:
                    candidate = (word_end, len(word), word, op, tier)
                    if best is None or _better(candidate, best):
                        best = candidate
                    break
                index = stripped.rfind(word, 0, index)
    strong = None
    for word, op in vocab.strong:
        index = stripped.rfind(word)
        if index >= 0 and tail_end - (begin + index + len(word)) <= vocab.op_window:
            if strong is None or index + len(word) > strong[0]:
                strong = (index + len(word), word, op)
    if best is None and stripped.endswith("的"):
        _reference_op(work, number, inside)
        return
    if best is None:
        return
    word_end, length, word, op, tier = best
    if strong is not None and tier == "weak":
        # 至少为3:2, 至少建成1家: the strong word decides, the verb only carries it
        s_end, s_word, s_op = strong
        number.pre_op, number.strong = s_op, True
        number.pre_start, number.pre_end = begin + s_end - len(s_word), word_end
        _chain_verbs(work, number)
        return
    number.pre_op = op
    number.strong = tier == "strong"
    number.relative = tier == "relative"
    number.pre_start, number.pre_end = word_end - length, word_end
    if tier != "relative":
        _chain_verbs(work, number, first_decides=tier == "weak")


def _reference_op(work: str, number: _Number, inside: list[bool]) -> None:
    """不低于当地城乡居民人均可支配收入的1.5倍: the comparator stands before a reference.

    A value that is a share or multiple of an amount the sentence names ("…的")
    takes the comparator before that amount, however far it stands in the clause.
    """
    vocab = _vocabulary()
    begin = _clause_start(work, number.start, inside, _CLAUSE_END | {"、"})
    clause = work[begin : number.start]
    for i in range(len(clause) - 1, -1, -1):
        if clause[i].isdigit() or clause[i] in vocab.mask:
            return  # another number stands between: its comparator is its own
    best: tuple[int, int, str, Op, str] | None = None
    for tier, words in (("strong", vocab.strong), ("weak", vocab.weak)):
        for word, op in words:
            if word in vocab.adjacent_only:
                continue
            index = clause.rfind(word)
            if index >= 0:
                candidate = (begin + index + len(word), len(word), word, op, tier)
                if best is None or _better(candidate, best):
                    best = candidate
    if best is None:
        return
    word_end, length, _word, op, tier = best
    number.pre_op, number.strong = op, tier == "strong"
    number.pre_start, number.pre_end = word_end - length, word_end
    _chain_verbs(work, number, first_decides=tier == "weak")


def _chain_verbs(work: str, number: _Number, first_decides: bool = False) -> None:
    """达到并保持在92%以上: verbs joined by 并 are one comparator, and none of them is the indicator.

    The first verb of a chain of weak verbs gives the direction (降至并保持在5‰: at most);
    a strong word keeps its own meaning (达到并不低于).
    """
    vocab = _vocabulary()
    verbs = _longest_first([*vocab.strong, *vocab.weak])
    while number.pre_start is not None:
        before = work[: number.pre_start]
        joiner = next((j for j in vocab.verb_chain_joiners if before.endswith(j)), None)
        if joiner is None:
            return
        head = before[: len(before) - len(joiner)]
        verb = next(((w, op) for w, op in verbs if head.endswith(w)), None)
        if verb is None:
            return
        number.pre_start = len(head) - len(verb[0])
        if first_decides and (verb[0], verb[1]) in vocab.weak:
            number.pre_op = verb[1]


def _better(candidate: tuple[int, int, str, Op, str], best: tuple[int, int, str, Op, str]) -> bool:
    """The comparator nearest the number wins; at the same place the longer word (下降到 over 下降)."""
    if candidate[0] != best[0]:
        return candidate[0] > best[0]
    return candidate[1] > best[1]


def _is_year(work: str, number: _Number) -> bool:
    if number.value is None or number.masked:
        return False
    token = work[number.start : number.end]
    if not re.fullmatch(r"(1[89]|2[01])\d\d(?:\s*-\s*(1[89]|2[01])\d\d)?", token):
        return False
    after = work[number.end : number.end + 3].lstrip()
    return after.startswith(("年", "-", "至", "到", "~", "届")) or number.unit_kind in (None, "duration")


def _is_target_number(work: str, number: _Number, inside: list[bool]) -> bool:
    """Apply the rules that tell a target from the other numbers of a plan."""
    vocab = _vocabulary()
    if _is_year(work, number):
        return False
    kind = number.unit_kind
    if kind == "never":
        return False
    if kind is None:
        # a bare number is a target only with a symbol right before it (table cells "≥95", "<7")
        if not number.explicit_symbol:
            return False
        nxt = work[number.post_end : number.post_end + 1]
        if nxt and (nxt.isalpha() and nxt.isascii()):
            return False  # ≥6.5cm: a unit nobody defined
        if nxt and "\u4e00" <= nxt <= "\u9fff" and number.post_op is None:
            return False
    # baselines: 2020年为85.02, 由2020年的90%, 在2020年90%的基础上
    before = work[max(0, number.start - 12) : number.start]
    if vocab.baseline_before.search(before) and number.pre_op in (None, Op.EQ):
        return False
    after = work[number.post_end : number.post_end + 8]
    if any(after.startswith(word) for word in vocab.baseline_after):
        return False
    if number.pre_op is None and number.post_op is None:
        if any(before.rstrip().endswith(word) for word in vocab.not_after):
            return False  # 低保、特困…等8项: a count of things named, not a target
    if kind == "age":
        # 3岁以下儿童, 0-6个月婴儿, 27周…以上: a qualifier unless a comparator stands right before
        if number.pre_op is None or number.value_max is not None:
            return False
        if number.pre_end is not None and number.pre_end < number.start - 2:
            return False
    if kind == "duration":
        if any(before.rstrip().endswith(word) for word in vocab.duration_before):
            return False
        rest = work[number.unit_end : number.unit_end + 6]
        if any(rest.startswith(word) for word in vocab.duration_after):
            return False
    if kind in ("count", "age", "duration") and number.post_op is not None:
        # 10人及以上的行政村: an eligibility rule
        if work.startswith("的", _skip_spaces(work, number.post_end)):
            return False
    return True


def _default_op(number: _Number) -> Op:
    if number.unit_kind == "duration":
        return Op.EQ  # 15年免费教育
    if number.unit_kind == "ratio":
        return Op.EQ
    return Op.GE  # a bare 达到95%, 95%的城市社区: at least


def _op_of(number: _Number) -> Op | None:
    if number.relative and number.pre_op is not None:
        return number.pre_op
    if number.post_op is not None:
        return number.post_op
    return number.pre_op


# --------------------------------------------------------------------------- indicators


Span = tuple[int, int]
_YEAR_PREFIX = re.compile(r"(?:到|至|在|于)?\s*\d{4}\s*年(?:底|末|前)?\s*,?\s*")
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
    parts: list[Span] = []
    depth = 0
    begin = start
    for i in range(start, end):
        ch = work[i]
        if ch in "(《“[【":
            depth += 1
        elif ch in ")》”]】" and depth:
            depth -= 1
        elif depth == 0 and ch in separators:
            parts.append(_trim(work, begin, i))
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
    changed = True
    while changed and end > start:
        changed = False
        for word in vocab.conditions:
            if work.startswith(word, start) or work[start:end].endswith(word):
                condition = condition or word
                if work.startswith(word, start):
                    start += len(word)
                else:
                    end -= len(word)
                changed = True
                break
        for word in vocab.subject_prefixes:
            if work.startswith(word, start) and end - start >= len(word):
                start += len(word)
                changed = True
                break
        year = _YEAR_PREFIX.match(work, start, end)
        if year and year.end() > start:
            start = year.end()
            changed = True
        for word in vocab.subject_suffixes:
            if work[start:end].endswith(word):
                end -= len(word)
                changed = True
                break
        start, end = _trim(work, start, end)
    if end - start <= 1:
        end = start  # a lone verb such as 有 is no indicator
    return (start, end), condition


def _ends_with_measure(text: str) -> bool:
    return any(text.endswith(head) for head in _vocabulary().measure_heads)


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
        else:
            items = by_comma if len(by_comma) > 1 else by_all
            if len(items) == 1:
                for short, long in vocab.abbreviations.items():
                    if short in whole:
                        items = [whole.replace(short, each, 1) for each in long]
                        break
    else:
        for candidate in (by_comma, by_all):
            if len(candidate) > 1 and all(_ends_with_measure(item) for item in candidate):
                items = candidate
                break
    if len(items) > 1:
        head = _head_of(items[-1])
        items = [item if _ends_with_measure(item) or not head else item + head for item in items]
        items = _carry_population(items)
    return items


def _carry_population(items: list[str]) -> list[str]:
    """The first item's population also qualifies later items that name none (贫血患病率和生长迟缓率)."""
    prefix = _vocabulary().population_prefix
    population = prefix.match(items[0])
    if not population:
        return items
    return [items[0]] + [
        item if prefix.match(item) or item[:1].isdigit() else population.group(0) + item for item in items[1:]
    ]


# --------------------------------------------------------------------------- parse


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
    return _name_conditional_targets(text, work, targets)


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


# --------------------------------------------------------------------------- render


def _number_text(value: Decimal) -> str:
    return format(_plain(value), "f")


def _unit_parts(unit: str | None) -> tuple[str, str | None]:
    """How a canonical unit is written after a number, and the 每… it needs before."""
    if unit is None:
        return "", None
    if unit in ("1/10万", "1/万"):
        return unit[1:], None  # 9/10万, 5/万
    if unit == "百分点":
        return "个百分点", None
    numerator, slash, denominator = unit.rpartition("/")
    if slash:
        word = {"年": "每年", "天": "每天", "周": "每周", "千人": "每千人口", "万人": "每万人口"}.get(denominator)
        if word is not None:
            return ("个百分点" if numerator == "百分点" else numerator), word
    return unit, None


def render(indicator: str | None, value: TargetValue) -> str:
    """A Chinese phrase stating the target, which `parse` reads back to the same value.

    Used to show a reviewer an encoded target in the words plans use, e.g.
    "孕产妇死亡率下降到9/10万以下".
    """
    vocab = _vocabulary()
    name = indicator or ""
    condition = value.condition or ""
    if value.op is Op.QUAL:
        word = vocab.qual_render.get(value.direction or Direction.INCREASE, "逐步提高")
        if name and not _ends_with_measure(name):
            name += "数量"  # a direction is read only after a measure: 社会工作者数量逐步提高
        return f"{name}{condition}{word}"
    written_unit, per = _unit_parts(value.unit)
    per = per or ""
    if value.masked:
        number = "**"
    elif value.ratio is not None and value.unit == "ratio":
        number = f"{_number_text(value.ratio[0])}:{_number_text(value.ratio[1])}"
        written_unit = ""
    else:
        number = _number_text(value.value) if value.value is not None else "**"
        if value.value_max is not None:
            number += f"-{_number_text(value.value_max)}"
    if value.unit == "ratio" and value.ratio is None:
        number = f"{number}:1"
        written_unit = ""
    amount = f"{number}{written_unit}"
    op = value.op
    if op is Op.REL_DECREASE or op is Op.REL_INCREASE:
        verb = "下降" if op is Op.REL_DECREASE else "提高"
        base = f"以{value.base_year}年为基数" if value.base_year is not None else ""
        return f"{name}{condition}{base}{per}{verb}{amount}"
    phrase = {
        Op.GE: f"达到{amount}以上",
        Op.LE: f"控制在{amount}以下",
        Op.GT: f"高于{amount}",
        Op.LT: f"低于{amount}",
        Op.EQ: f"为{amount}",
        Op.ABOUT: f"保持在{amount}左右",
    }[op]
    return f"{name}{condition}{per}{phrase}"


# --------------------------------------------------------------------------- compact form

_COMPACT_OPS = {op.value: op for op in Op}
_COMPACT = re.compile(
    r"^\s*(?P<op>>=|<=|>|<|=|~|rel_decrease|rel_increase)\s+"
    r"(?P<value>\*|[0-9]+(?:\.[0-9]+)?(?:\s*(?::|-)\s*[0-9]+(?:\.[0-9]+)?)?)"
    r"(?:\s+(?P<unit>(?!since\b|when\b)\S+))?"
    r"(?:\s+since\s+(?P<year>[0-9]{4}))?"
    r"(?:\s+when\s+(?P<condition>\S+))?\s*$"
)
_COMPACT_QUAL = re.compile(
    r"^\s*qual\s+(?P<direction>[a-z_]+)(?:\s+(?P<unit>(?!when\b)\S+))?(?:\s+when\s+(?P<condition>\S+))?\s*$"
)


def parse_compact(text: str) -> TargetValue | None:
    """The compact form plan files use: "<= 9 1/10万", "rel_decrease 20 % since 2020", "qual increase".

    Returns None when the text is not in compact form (a Chinese phrase, say);
    raises compliance.errors.UnitError for a unit nobody has defined, because
    that is a mistake in the plan file the user must fix.
    """
    from compliance.errors import UnitError
    from compliance.units import normalise_unit

    if not isinstance(text, str):
        return None
    folded = _fold(text)
    qual = _COMPACT_QUAL.match(folded)
    if qual:
        try:
            direction = Direction(qual.group("direction"))
        except ValueError:
            return None
        unit = normalise_unit(qual.group("unit")) if qual.group("unit") else None
        return TargetValue(op=Op.QUAL, direction=direction, unit=unit, condition=qual.group("condition"))
    match = _COMPACT.match(folded)
    if not match:
        return None
    op = _COMPACT_OPS[match.group("op")]
    raw = match.group("value").replace(" ", "")
    unit_text = match.group("unit")
    unit = normalise_unit(unit_text) if unit_text else None
    fields: dict[str, Any] = {"op": op, "unit": unit, "condition": match.group("condition")}
    if match.group("year"):
        fields["base_year"] = int(match.group("year"))
    if raw == "*":
        fields["masked"] = True
    elif ":" in raw:
        first, second = (Decimal(x) for x in raw.split(":"))
        if second == 0:
            raise UnitError(f"'{text}': a ratio cannot have 0 as its second term")
        fields["ratio"] = (first, second)
        fields["value"] = _plain((first / second).quantize(Decimal("0.001")))
        fields["unit"] = unit or "ratio"
    elif "-" in raw:
        low, high = (Decimal(x) for x in raw.split("-"))
        fields["value"], fields["value_max"] = low, high
    else:
        fields["value"] = Decimal(raw)
    return TargetValue(**fields)


def render_compact(value: TargetValue) -> str:
    """The inverse of parse_compact."""
    parts: list[str] = []
    if value.op is Op.QUAL:
        parts = ["qual", str(value.direction or Direction.INCREASE)]
        if value.unit:
            parts.append(value.unit)
    else:
        parts.append(str(value.op))
        if value.masked:
            parts.append("*")
        elif value.ratio is not None:
            parts.append(f"{_number_text(value.ratio[0])}:{_number_text(value.ratio[1])}")
        elif value.value is not None:
            text = _number_text(value.value)
            if value.value_max is not None:
                text += f"-{_number_text(value.value_max)}"
            parts.append(text)
        if value.unit and not (value.ratio is not None and value.unit == "ratio"):
            parts.append(value.unit)
        if value.base_year is not None:
            parts += ["since", str(value.base_year)]
    if value.condition:
        parts += ["when", value.condition]
    return " ".join(parts)
