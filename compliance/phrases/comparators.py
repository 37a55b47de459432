"""Deciding what a number means: its comparison (以上, 以下, 左右…) and whether it is a target at all (not an age, a year, a baseline)."""

from __future__ import annotations

from functools import cache
from typing import Any

from compliance.model.plan import Op
from compliance.phrases.vocabulary import _longest_first, _vocabulary, _words
from compliance.phrases.text import _LIST_END, Marks
from compliance.phrases.numbers import _Number, _skip_spaces
from compliance.compiled import regex


def _read_pre_op(work: str, number: _Number, inside: Marks) -> None:
    """The comparator before the number: a symbol, a strong word, a relative or a weak verb."""
    vocab = _vocabulary()
    begin = inside.clause_start(number.start, _LIST_END)
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
    for symbol, op in vocab.symbols if stripped.endswith(_words(vocab.symbols)) else ():
        if stripped.endswith(symbol):
            number.pre_op, number.explicit_symbol, number.strong = op, True, True
            number.pre_start, number.pre_end = tail_end - len(symbol), tail_end
            # a verb right before the symbol (达到≥95%, 控制在≤10/10万): the symbol decides, the verb is the
            # comparator's too, never the end of the indicator's name
            before = stripped[: len(stripped) - len(symbol)].rstrip(" ")
            verbs = [word for word, _ in (*vocab.strong, *vocab.weak) if word and before.endswith(word)]
            if verbs:
                number.pre_start = begin + len(before) - max(map(len, verbs))
            return
    # the nearest word wins; relative verbs must touch the number (下降20%), and
    # 下降到 (a weak verb, a level) beats 下降 (a change) by being longer
    best: tuple[int, int, str, Op, str] | None = None  # (end, length, word, op, tier)
    present = _comparators_in(stripped, vocab)
    # the words of the vocabulary present in the window, in the vocabulary's order (strong, weak, relative)
    in_order = _in_vocabulary_order(present, vocab) if present else ()
    for tier, word, op in in_order:
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
    for tier, word, op in in_order:
        if tier != "strong":
            break  # the strong words come first
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
    if tier == "weak" and number.unit_kind == "ratio" and word in vocab.ratio_equal:
        op = Op.EQ  # 男女厕位比例达到2:3: the proportion to reach, not a floor (a ratio runs either way)
    number.pre_op = op
    number.strong = tier == "strong"
    number.relative = tier == "relative"
    number.pre_start, number.pre_end = word_end - length, word_end
    if tier != "relative":
        _chain_verbs(work, number, first_decides=tier == "weak")


def _reference_op(work: str, number: _Number, inside: Marks) -> None:
    """不低于当地城乡居民人均可支配收入的1.5倍: the comparator stands before a reference.

    A value that is a share or multiple of an amount the sentence names ("…的")
    takes the comparator before that amount, however far it stands in the clause.
    """
    vocab = _vocabulary()
    begin = inside.clause_start(number.start, _LIST_END)
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
    verbs = _chain_verbs_longest_first()
    while number.pre_start is not None:
        joiner = next((j for j in vocab.verb_chain_joiners if work.endswith(j, 0, number.pre_start)), None)
        if joiner is None:
            return
        head_end = number.pre_start - len(joiner)
        verb = next(((w, op) for w, op in verbs if work.endswith(w, 0, head_end)), None)
        if verb is None:
            return
        number.pre_start = head_end - len(verb[0])
        if first_decides and (verb[0], verb[1]) in vocab.weak:
            number.pre_op = verb[1]


@cache
def _chain_verbs_longest_first() -> list[tuple[str, Op]]:
    vocab = _vocabulary()
    return _longest_first([*vocab.strong, *vocab.weak])


_BY_FIRST: dict[int, tuple[object, dict[str, tuple[str, ...]]]] = {}  # id(vocabulary) -> (it, first char -> words)


def _comparators_in(window: str, vocab: Any) -> set[str]:
    """The comparator words (strong, weak, relative) that occur in `window`.

    A window is a dozen characters and the vocabulary a hundred words: looking up the
    words that start with each of its characters is much cheaper than a search for every word.
    """
    kept = _BY_FIRST.get(id(vocab))
    if kept is None or kept[0] is not vocab:
        by_first: dict[str, list[str]] = {}
        for word, _ in (*vocab.strong, *vocab.weak, *vocab.relative):
            if word and word not in by_first.get(word[0], ()):
                by_first.setdefault(word[0], []).append(word)
        kept = _BY_FIRST[id(vocab)] = (vocab, {first: tuple(words) for first, words in by_first.items()})
    starting = kept[1]
    present: set[str] = set()
    for index, char in enumerate(window):
        for word in starting.get(char, ()):
            if window.startswith(word, index):
                present.add(word)
    return present


_ORDER: dict[int, tuple[object, dict[str, list[tuple[int, str, str, Op]]]]] = {}  # id(vocabulary) -> (it, word -> entries)


def _in_vocabulary_order(present: set[str], vocab: Any) -> list[tuple[str, str, Op]]:
    """(tier, word, op) of the strong, weak and relative words in `present`, in the order the vocabulary lists them.

    The same entries the loops over the whole lists would reach, without walking a hundred words for each number.
    """
    kept = _ORDER.get(id(vocab))
    if kept is None or kept[0] is not vocab:
        entries: dict[str, list[tuple[int, str, str, Op]]] = {}
        order = 0
        for tier, words in (("strong", vocab.strong), ("weak", vocab.weak), ("relative", vocab.relative)):
            for word, op in words:
                entries.setdefault(word, []).append((order, tier, word, op))
                order += 1
        kept = _ORDER[id(vocab)] = (vocab, entries)
    by_word = kept[1]
    found = [entry for word in present for entry in by_word.get(word, ())]
    found.sort()
    return [(tier, word, op) for _, tier, word, op in found]


def _better(candidate: tuple[int, int, str, Op, str], best: tuple[int, int, str, Op, str]) -> bool:
    """The comparator nearest the number wins; at the same place the longer word (下降到 over 下降)."""
    if candidate[0] != best[0]:
        return candidate[0] > best[0]
    return candidate[1] > best[1]


_FOUR_MASKS = regex(r"[*＊]{4}")
_MASKS = regex(r"[*＊]{1,4}")
_YEAR = regex(r"(1[89]|2[01])\d\d(?:\s*-\s*(1[89]|2[01])\d\d)?")


def _is_year(work: str, number: _Number) -> bool:
    token = work[number.start : number.end]
    if number.masked and _FOUR_MASKS.fullmatch(token):  # ****年: a masked year, never a value
        return work[number.end : number.end + 3].lstrip().startswith(("年", "-", "至", "到", "~", "届"))
    if number.masked and _MASKS.fullmatch(token) and work.startswith("年", _skip_spaces(work, number.end)):
        # a portal writing every mask ** whatever it hides: 以**年为基数, 较**年, **年底, **年**月 — a year where
        # the words around say so (`masked_year` in rules/phrases.yaml); **年免费教育 stays a masked duration
        vocab = _vocabulary()
        after = work[_skip_spaces(work, number.end) + 1 :]
        return bool(vocab.masked_year_before.search(work, 0, number.start)) or bool(vocab.masked_year_after.match(after))
    if number.value is None or number.masked:
        return False
    if not _YEAR.fullmatch(token):
        return False
    after = work[number.end : number.end + 3].lstrip()
    return after.startswith(("年", "-", "至", "到", "~", "届")) or number.unit_kind in (None, "duration")


def _is_target_number(work: str, number: _Number, inside: Marks) -> bool:
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
    if after.startswith(_words(vocab.baseline_after)):
        return False
    if number.pre_op is None and number.post_op is None:
        if before.rstrip().endswith(_words(vocab.not_after)):
            return False  # 低保、特困…等8项: a count of things named, not a target
        if kind == "count" and vocab.scope_count_after.match(work, number.post_end):
            return False  # 18个乡镇卫生院至少各有1名: how many bodies, each one's count is the target
    if kind == "age":
        # 3岁以下儿童, 0-6个月婴儿, 27周…以上: a qualifier unless a comparator stands right before
        if number.pre_op is None or number.value_max is not None:
            return False
        if number.pre_end is not None and number.pre_end < number.start - 2:
            return False
        # 目标为7岁以下儿童健康管理率…: a population named after it — the age qualifies it, whatever verb stands before
        at = _skip_spaces(work, number.post_end)
        if vocab.population_prefix.match(work[at : at + 12]):
            return False
    if kind == "duration":
        if before.rstrip().endswith(_words(vocab.duration_before)):
            return False
        rest = work[number.unit_end : number.unit_end + 6]
        if rest.startswith(_words(vocab.duration_after)):
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
