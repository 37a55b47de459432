"""The parser's vocabulary, read once from rules/phrases.yaml: which words mean at least, at most, about, which units are ages…"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from compliance.model.plan import Direction, Op
from compliance.translate import translator
from compliance.compiled import regex


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = "零〇一二两三四五六七八九十百千"



@dataclass(frozen=True)
class _Vocabulary:
    """The words of rules/phrases.yaml that targets are read with."""

    mask: str
    unit_words: list[tuple[str, str]]  # (written, kind) longest first
    slash_denominators: list[str]
    per_period: list[tuple[str, str]]
    per_period_durations: list[tuple[str, str]]
    duration_units: frozenset[str]
    per_population: list[tuple[str, str]]
    post_ops: list[tuple[str, Op]]
    symbols: list[tuple[str, Op]]
    strong: list[tuple[str, Op]]
    weak: list[tuple[str, Op]]
    adjacent_only: frozenset[str]
    ratio_equal: frozenset[str]
    op_window: int
    relative: list[tuple[str, Op]]
    base_year: list[re.Pattern[str]]
    five_year_plan_ends: dict[str, int]
    baseline_before: re.Pattern[str]
    baseline_after: list[str]
    duration_before: list[str]
    duration_after: list[str]
    list_separators: frozenset[str]
    respectively: list[re.Pattern[str]]
    abbreviations: dict[str, list[str]]
    parallel_subjects: list[str]  # longest first
    level_subjects: list[str]  # 乡镇…督导员和村…主任配备率均…: subjects of an administrative level each, lent the measure
    carried_head_min_ending: int  # 成员中女性比例、主任中女性比例: the ending two items must share for the head to carry
    short_subject_chars: int  # 宫颈癌和乳腺癌早诊率均…: the longest subject that takes the last item's measure
    joint_subjects: list[frozenset[str]]  # subjects naming one programme together (艾滋病、梅毒和乙肝): never split
    joint_measures: list[str]  # ... before these measures (检测率); before others (母婴传播率) each subject has its own
    measure_heads: list[str]
    shared_heads: list[str]
    conditions: list[str]
    subject_prefixes: list[str]
    subject_suffixes: list[str]
    subject_suffix_words: list[str]
    subject_cuts: list[re.Pattern[str]]
    subject_openers: list[re.Pattern[str]]
    population_prefix: re.Pattern[str]
    sentence_populations: list[str]
    not_units: list[str]
    multipliers: dict[str, Decimal]
    not_after: list[str]
    zero_counts: dict[str, str]
    clock_words: list[str]  # a clause with one tells the time of day (每天8:30—11:30): its H:MM are no ratios
    scope_count_after: re.Pattern[str]  # a count of bodies before what each is to have (18个乡镇卫生院各有1名)
    scope_count_opener: re.Pattern[str]  # that count where it opens a subject (在10个, 18个)
    coverage_words: list[str]
    target_tags: frozenset[str]  # （约束性）after a value: a remark on the target, no noun after the number
    coverage_verbs: list[str]
    word_values: dict[str, tuple[Decimal, str]]
    qualitative: list[tuple[str, Direction]]
    qual_full_pattern: re.Pattern[str]
    qual_render: dict[Direction, str]
    number_re: re.Pattern[str] = field(repr=False, default=regex(""))
    thousands_re: re.Pattern[str] = field(repr=False, default=regex(""))
    fraction_units: dict[str, str] = field(default_factory=dict)
    fraction_re: re.Pattern[str] = field(repr=False, default=regex(""))
    # 1/3 (a share written with a slash): numerator, denominator; no rate's denominator (1/10万) after it
    slash_fraction_re: re.Pattern[str] = field(repr=False, default=regex("(?!)"))
    slash_fraction_max: int = 10
    case_scales: dict[str, str] = field(default_factory=dict)
    case_re: re.Pattern[str] = field(repr=False, default=regex(""))
    range_connectors: list[str] = field(default_factory=list)
    range_words: list[str] = field(default_factory=list)
    verb_chain_joiners: list[str] = field(default_factory=list)
    unread_patterns: list[re.Pattern[str]] = field(default_factory=list)
    named_phrases: list[str] = field(default_factory=list)
    change_amounts: list[tuple[str, Op]] = field(default_factory=list)  # 降幅, 增幅: the size of a change, longest first
    change_amount_periods: list[tuple[str, str]] = field(default_factory=list)  # 年降幅: per year
    item_labels: list[str] = field(default_factory=list)  # 目标3：… numbers a list item
    masked_year_before: re.Pattern[str] = field(repr=False, default=regex(""))  # 以**年, 较**年: a masked year
    masked_year_after: re.Pattern[str] = field(repr=False, default=regex(""))  # **年为基数, **年底: a masked year
    # 降全 for 降至, 以土 for 以上: comparator words as an OCR engine misreads them, each with the word it stands for
    ocr_pre_ops: dict[str, str] = field(default_factory=dict)
    ocr_post_ops: dict[str, str] = field(default_factory=dict)
    ocr_pre_re: re.Pattern[str] = field(repr=False, default=regex("(?!)"))
    ocr_post_re: re.Pattern[str] = field(repr=False, default=regex("(?!)"))
    baseline_arrows: list[str] = field(default_factory=list)  # 3.6‰ → 3.0‰以下: the baseline, an arrow, the target
    arrow_card_re: re.Pattern[str] = field(repr=False, default=regex("(?!)"))
    base_year_note: re.Pattern[str] = field(repr=False, default=regex("(?!)"))
    # 达到（ 92% ）以上: a comparator verb, then a bracket holding only a value — a blank filled in (`filled_blanks`)
    filled_blank_re: re.Pattern[str] = field(repr=False, default=regex("(?!)"))


_TUPLES: dict[int, tuple[Any, tuple[str, ...]]] = {}  # id(word list) -> (it, its words as one tuple)


def _words(words: Any) -> tuple[str, ...]:
    """The words of a vocabulary list (or of its (word, meaning) pairs) as one tuple, made once per list.

    `text.endswith(_words(words))` is `any(text.endswith(w) for w in words)` in one call.
    """
    kept = _TUPLES.get(id(words))
    if kept is None or kept[0] is not words:
        kept = _TUPLES[id(words)] = (words, tuple(w if isinstance(w, str) else w[0] for w in words))
    return kept[1]


def _longest_first(pairs: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return sorted(pairs, key=lambda pair: -len(pair[0]))


_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD.update({ord("\u3000"): " ", ord("\xa0"): " ", ord("﹪"): "%", ord("﹤"): "<", ord("﹥"): ">", ord("∶"): ":"})
_FOLD.update({ord(ch): "-" for ch in "—–―‐‑"})


_translate = translator(_FOLD)


def _fold(text: str) -> str:
    """Full width to half width, one character for one character (offsets survive)."""
    return _translate(text)


def _misread(words: list[str], confusions: dict[str, list[str]], known: set[str]) -> dict[str, str]:
    """{a word as an OCR engine may write it: the word}: each word with one or more of its characters replaced by a
    character a scan confuses it with (`ocr_comparator_confusions`). A form that is a word of the vocabulary itself,
    or that could stand for two words, is left out: only an unambiguous misreading is read back."""
    found: dict[str, set[str]] = {}
    for word in words:
        forms = [""]
        for ch in word:
            forms = [f + c for f in forms for c in (ch, *confusions.get(ch, ()))]
        for form in forms:
            if form != word:
                found.setdefault(form, set()).add(word)
    return {form: next(iter(meant)) for form, meant in found.items() if len(meant) == 1 and form not in known}


def _arrow_card(arrows: list[str], mask: str) -> re.Pattern[str]:
    """What a card's arrow blanks out: the colon after the name, the baseline (a value with its unit, and/or a
    bracketed note: （2020年）, （2020年为基数）) and the arrow, when a value follows the arrow in the same clause."""
    if not arrows:
        return regex("(?!)")
    digit = "[0-9" + re.escape(mask) + "]"
    alternatives = "|".join(re.escape(a) for a in sorted(arrows, key=len, reverse=True))
    return regex(
        r"(?:[:：]\s*)?(?:" + digit + r"[0-9.," + re.escape(mask) + r"]*\s*[^\s()0-9:：,，。；;、]{0,6}?)?\s*"
        r"(?:\((?P<note>[^()]{0,16})\))?\s*(?:" + alternatives + r")\s*(?=[^\s,，。；;][^,，。；;]{0,10}?" + digit + ")"
    )


def _alternation(forms: dict[str, str], lookahead: str) -> re.Pattern[str]:
    if not forms:
        return regex("(?!)")
    return regex("(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + ")" + lookahead)


@cache
def _vocabulary() -> _Vocabulary:
    from compliance.loading.yamlfile import read_shared_yaml
    from compliance.resources import rules_file

    data = read_shared_yaml(rules_file("phrases.yaml")).data

    def ops(mapping: Any) -> list[tuple[str, Op]]:
        return _longest_first(
            [(_fold(str(word)), Op(str(op))) for op, words in mapping.items() for word in words]
        )

    unit_words = _longest_first(
        [(_fold(str(word)), str(kind)) for kind, words in data["units"].items() for word in words]
    )
    mask = str(data["mask_characters"])
    digit = r"[0-9" + re.escape(mask) + r"]"
    number_re = regex(digit + r"+(?:\." + digit + r"+)?")
    # 1,200 and 12,000,000: an ASCII comma before exactly three digits, inside a number
    thousands_re = regex(r"(?<![0-9.,])[1-9][0-9]{0,2}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?")
    cn = "[" + _CN_NUMBER + "]"
    fraction_units = {str(k): str(v) for k, v in data["fraction_units"].items()}
    by_length = sorted(fraction_units, key=len, reverse=True)
    fraction_re = regex(
        # a run of digits is tried from its first digit only (never from inside it: linear time)
        r"(?P<den>" + "|".join(re.escape(w) for w in by_length) + r"|(?<![0-9])[0-9]+|(?<!" + cn + r")" + cn + r"+)分之"
        r"(?P<num>[0-9]+(?:\.[0-9]+)?|(?:" + cn + r"|点)+)"
    )
    slash_fraction_re = regex(
        r"(?<![0-9./])(?P<num>[0-9]{1,2})/(?P<den>[0-9]{1,2})(?![0-9.])"
        r"(?!\s*(?:" + "|".join(re.escape(w) for w in by_length) + r"|千|亿|[年月日天]))"
    )
    cases = data["case_rates"]
    case_scales = {str(k): str(v) for k, v in cases["scales"].items()}

    def alternation(words: Any) -> str:
        return "|".join(re.escape(str(w)) for w in sorted((str(w) for w in words), key=len, reverse=True))

    case_re = regex(
        r"每\s*(?P<scale>" + alternation(case_scales) + r")\s*(?:" + alternation(cases["populations"]) + r")?\s*"
        r"(?P<num>[0-9]+(?:\.[0-9]+)?|(?:" + cn + r"|点)+)\s*(?:" + alternation(cases["counters"]) + r")"
    )
    unread_patterns = [regex(str(p).replace("{cn}", cn)) for p in data["unread_patterns"]]
    qualitative = _longest_first(
        [
            (_fold(str(word)), Direction(str(direction)))
            for direction, words in data["qualitative"].items()
            for word in words
        ]
    )
    confusions = {_fold(str(k)): [_fold(str(c)) for c in v] for k, v in (data.get("ocr_comparator_confusions") or {}).items()}
    pre_words = [w for w, _ in (*ops(data["strong_ops"]), *ops(data["weak_ops"]))]
    post_words = [w for w, _ in ops(data["post_ops"])]
    known = {*pre_words, *post_words, *(w for w, _ in ops(data["relative"])), *(w for w, _ in unit_words)}
    ocr_pre = _misread(pre_words, confusions, known)
    ocr_post = _misread(post_words, confusions, known)
    arrows = [_fold(str(a)) for a in data.get("baseline_arrows") or []]
    blank_units = [_fold(str(u)) for u in (data.get("filled_blanks") or {}).get("units") or []]
    filled_blank_re = (
        regex(
            r"(?:" + alternation({*pre_words, *(w for w, _ in ops(data["relative"]))}) + r")\s*(?P<open>\()\s*"
            r"[0-9]+(?:\.[0-9]+)?\s*(?:" + alternation(blank_units) + r")?\s*(?P<close>\))"
        )
        if (data.get("filled_blanks") or {}).get("read", False)
        else regex("(?!)")
    )
    return _Vocabulary(
        filled_blank_re=filled_blank_re,
        mask=mask,
        baseline_arrows=arrows,
        arrow_card_re=_arrow_card(arrows, mask),
        base_year_note=regex(r"(?:19|20)\d{2}\s*年(?:底|末)?(?:的水平)?为(?:基数|基准|基线|基础)"),
        ocr_pre_ops=ocr_pre,
        ocr_post_ops=ocr_post,
        ocr_pre_re=_alternation(ocr_pre, r"(?=\s*[0-9" + re.escape(mask) + r"<>=≤≥])"),
        ocr_post_re=_alternation(ocr_post, ""),
        unit_words=unit_words,
        slash_denominators=sorted((str(d) for d in data["slash_denominators"]), key=len, reverse=True),
        per_period=_longest_first([(str(k), str(v)) for k, v in data["per_period"].items()]),
        per_period_durations=_longest_first(
            [(str(k), str(v)) for k, v in ((data.get("per_period_durations") or {}).get("words") or {}).items()]
        ),
        duration_units=frozenset(str(u) for u in (data.get("per_period_durations") or {}).get("units") or []),
        per_population=_longest_first([(str(k), str(v)) for k, v in data["per_population"].items()]),
        post_ops=ops(data["post_ops"]),
        symbols=ops(data["symbols"]),
        strong=ops(data["strong_ops"]),
        weak=ops(data["weak_ops"]),
        adjacent_only=frozenset(str(w) for w in data["adjacent_only"]),
        ratio_equal=frozenset(str(w) for w in data.get("ratio_equal", [])),
        op_window=int(data["op_window"]),
        relative=ops(data["relative"]),
        base_year=[regex(str(p)) for p in data["base_year_patterns"]],
        five_year_plan_ends={str(k): int(v) for k, v in (data.get("five_year_plan_ends") or {}).items()},
        baseline_before=regex(str(data["baseline_before"])),
        baseline_after=[str(w) for w in data["baseline_after"]],
        duration_before=sorted((str(w) for w in data["duration_scope_before"]), key=len, reverse=True),
        duration_after=sorted((str(w) for w in data["duration_scope_after"]), key=len, reverse=True),
        list_separators=frozenset(_fold(str(w)) for w in data["list_separators"]),
        respectively=[regex(str(p)) for p in data["respectively"]],
        abbreviations={str(k): [str(x) for x in v] for k, v in data["abbreviations"].items()},
        carried_head_min_ending=int(data.get("carried_head_min_ending", 5)),
        short_subject_chars=int(data.get("short_subject_chars", 4)),
        joint_subjects=[frozenset(str(w) for w in group) for group in data.get("joint_subjects") or []],
        joint_measures=[str(w) for w in data.get("joint_measures") or []],
        parallel_subjects=sorted((str(w) for w in data.get("parallel_subjects", [])), key=len, reverse=True),
        level_subjects=[str(w) for w in data.get("level_subjects", [])],
        measure_heads=sorted((str(w) for w in data["measure_heads"]), key=len, reverse=True),
        shared_heads=sorted((str(w) for w in data.get("shared_heads", [])), key=len, reverse=True),
        conditions=sorted((str(w) for w in data["conditions"]), key=len, reverse=True),
        subject_prefixes=sorted((str(w) for w in data["subject_prefixes"]), key=len, reverse=True),
        subject_suffixes=sorted((str(w) for w in data["subject_suffixes"]), key=len, reverse=True),
        subject_suffix_words=[str(w) for w in data.get("subject_suffix_words") or []],
        not_units=[str(w) for w in data["not_units"]],
        multipliers={str(k): Decimal(str(v)) for k, v in data["multipliers"].items()},
        not_after=[str(w) for w in data["not_after"]],
        zero_counts={str(k): str(v) for k, v in data["zero_counts"].items()},
        clock_words=[_fold(str(w)) for w in data.get("clock_words") or []],
        scope_count_after=regex(str(data["scope_count_after"])),
        scope_count_opener=regex(str(data["scope_count_opener"])),
        subject_cuts=[regex(str(p)) for p in [*data["subject_cuts"], *data["base_year_patterns"]]],
        subject_openers=[regex(str(p)) for p in data.get("subject_openers", [])],
        population_prefix=regex(str(data["population_prefix"])),
        sentence_populations=[str(word) for word in data.get("sentence_populations", [])],
        coverage_words=[str(w) for w in data["full_coverage"]["words"]],
        target_tags=frozenset(str(w) for w in data.get("target_tags") or []),
        coverage_verbs=sorted((str(w) for w in data["full_coverage"]["verbs"]), key=len, reverse=True),
        word_values={str(k): (Decimal(str(v[0])), str(v[1])) for k, v in data["word_values"].items()},
        qualitative=qualitative,
        qual_full_pattern=regex(str(data["qualitative_full_coverage_pattern"])),
        qual_render={Direction(str(k)): str(v) for k, v in data["qualitative_render"].items()},
        number_re=number_re,
        thousands_re=thousands_re,
        fraction_units=fraction_units,
        fraction_re=fraction_re,
        slash_fraction_re=slash_fraction_re,
        slash_fraction_max=int(data.get("slash_fraction_max_denominator", 10)),
        case_scales=case_scales,
        case_re=case_re,
        range_connectors=sorted((_fold(str(w)) for w in data["range_connectors"]), key=len, reverse=True),
        range_words=sorted((str(w) for w in data["range_words"]), key=len, reverse=True),
        verb_chain_joiners=sorted((str(w) for w in data["verb_chain_joiners"]), key=len, reverse=True),
        unread_patterns=unread_patterns,
        named_phrases=[str(w) for w in data["named_phrases"]],
        change_amounts=ops(data.get("change_amounts") or {}),
        masked_year_before=regex(str((data.get("masked_year") or {}).get("before") or "(?!)")),
        masked_year_after=regex(str((data.get("masked_year") or {}).get("after") or "(?!)")),
        change_amount_periods=_longest_first([(str(k), str(v)) for k, v in (data.get("change_amount_periods") or {}).items()]),
        item_labels=[str(w) for w in data.get("item_labels") or []],
    )
