"""Names of measure targets as a reviewer writes them, from the words of the sentence (rules/phrases.yaml `naming`).

The parser names a target by the words before its number; a reviewer (and the
catalogue, and the reference plans built by hand) names the measure:

- 全覆盖 is a coverage rate: 儿童医疗保障全覆盖 → 儿童医疗保障覆盖率;
- a 全覆盖 of places whose object stands earlier in the sentence:
  推进儿童之家建设，实现村（社区）全覆盖 → 村（社区）儿童之家覆盖率;
- a share written value-first: 70％以上中小学建成数字家长学校 → 建成数字家长学校的中小学比例;
- a count of occurrences written value-first: 每年至少开展3次家庭教育指导 → 家庭教育指导次数, and,
  when the clause before prompts a place or body to do it, that one's count with how often and what:
  推动村（社区）家长学校…站点提质增效，确保每年至少组织2次家庭教育指导 → 村（社区）家长学校…站点每年组织家庭教育指导次数;
- a number of things written value-first: 每个镇（街道）建有1个以上示范型儿童之家 → 每个镇（街道）示范型儿童之家数,
  and of people: 每个镇（街道）至少配备１名专职或兼职儿童社会工作者 → 每个镇（街道）专职或兼职儿童社会工作者数;
- kinds counted in 项: 引导学生熟练掌握1-2项运动技能 → 学生熟练掌握的运动技能项数;
- a qualifier the subject of a share names is written once: 85％以上县（市、区）成功创建…发展县（市、区）
  → 成功创建…发展县的县（市、区）比例;
- brackets in the full-width form the catalogue writes: 各镇(街道) → 各镇（街道）.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from compliance.phrases.result import ParsedTarget
from compliance.compiled import regex

_SENTENCE = "。；;！!？?\n"
_LOOK = 60  # how far around a target its naming words are sought


@dataclass(frozen=True)
class _Naming:
    """The words that name what a target is about, from rules/phrases.yaml."""

    coverage_suffix: str
    coverage_places: re.Pattern[str]
    coverage_places_drop: tuple[str, ...]
    coverage_object: re.Pattern[str]
    share_verbs: tuple[str, ...]
    share_units: frozenset[str]
    share_suffix: str
    count_units: frozenset[str]
    count_suffix: str
    actor_verbs: tuple[str, ...]
    actor_stops: tuple[str, ...]
    actor_heads: tuple[str, ...]
    count_periods: tuple[str, ...]
    count_dropped: tuple[str, ...]
    things_units: frozenset[str]
    things_suffix: str
    things_verbs: tuple[str, ...]
    people_units: frozenset[str]
    item_units: frozenset[str]
    item_suffix: str
    lead_scopes: re.Pattern[str]


def _longest_first(words: Any) -> tuple[str, ...]:
    return tuple(sorted((str(w) for w in words), key=len, reverse=True))


@cache
def _naming() -> _Naming:
    from compliance.loading.yamlfile import read_shared_yaml
    from compliance.resources import rules_file

    data: dict[str, Any] = read_shared_yaml(rules_file("phrases.yaml")).data["naming"]
    return _Naming(
        coverage_suffix=str(data["coverage_suffix"]),
        coverage_places=regex(str(data["coverage_places"])),
        coverage_places_drop=tuple(sorted((str(w) for w in data["coverage_places_drop"]), key=len, reverse=True)),
        coverage_object=regex(str(data["coverage_object"])),
        share_verbs=tuple(sorted((str(w) for w in data["share_verbs"]), key=len, reverse=True)),
        share_units=frozenset(str(u) for u in data["share_units"]),
        share_suffix=str(data["share_suffix"]),
        count_units=frozenset(str(u) for u in data["count_units"]),
        count_suffix=str(data["count_suffix"]),
        actor_verbs=_longest_first(data["actor_verbs"]),
        actor_stops=tuple(str(w) for w in data["actor_stops"]),
        actor_heads=_longest_first(data["actor_heads"]),
        count_periods=_longest_first(data["count_periods"]),
        count_dropped=_longest_first(data["count_dropped"]),
        things_units=frozenset(str(u) for u in data["things_units"]),
        things_suffix=str(data["things_suffix"]),
        things_verbs=tuple(sorted((str(w) for w in data["things_verbs"]), key=len, reverse=True)),
        people_units=frozenset(str(u) for u in data["people_units"]),
        item_units=frozenset(str(u) for u in data["item_units"]),
        item_suffix=str(data["item_suffix"]),
        lead_scopes=regex("|".join(f"(?:{p})" for p in data["lead_scopes"])),
    )


def name_targets(text: str, targets: list[ParsedTarget]) -> list[ParsedTarget]:
    """Each target with the name a reviewer gives its measure (unchanged when no rule applies)."""
    out = []
    for target in targets:
        named = _named(text, target)
        if named.indicator and _HALF_BRACKETS.search(named.indicator):
            named = replace(named, indicator=full_width_brackets(named.indicator))
        out.append(named)
    return out


_HALF_BRACKETS = regex(r"[()]")
_DIGIT = regex(r"[0-9０-９*＊]")  # a digit, or a mask standing for one
_CLAUSE_MARK = regex(r"[，,。；;！!？?\n]")
_CJK = regex(r"[\u4e00-\u9fff]")


def is_people(unit: object) -> bool:
    """Whether a target's unit counts people (名, 人)."""
    return str(unit) in _naming().people_units


def row_name(name: str, unit: str | None) -> str:
    """A table row's indicator as the text's are named: 新增省示范家长学校和家庭教育指导服务站点（个） → …站点数."""
    rules = _naming()
    if unit in rules.things_units and unit not in rules.people_units and len(name) >= 2 and not name.endswith(_MEASURES):
        name += rules.things_suffix
    return full_width_brackets(name)


def full_width_brackets(name: str) -> str:
    """各镇(街道) → 各镇（街道）: a Chinese name's brackets as the catalogue and the reference plans write them."""
    if not _CJK.search(name):
        return name
    return name.replace("(", "（").replace(")", "）")


def _named(text: str, target: ParsedTarget) -> ParsedTarget:
    name = target.indicator
    if not name:
        return target
    rules = _naming()
    scope = rules.lead_scopes.match(name)
    if scope and len(name) - scope.end() >= 2:
        name = name[scope.end() :]
        target = replace(target, indicator=name)
    if name.endswith("覆盖") and target.is_numeric:
        places = name[: -len("覆盖")]
        if rules.coverage_places.fullmatch(places):
            covered = _covered_before(text, target.start)
            if covered:
                return replace(target, indicator=_without_lead(places, rules.coverage_places_drop) + covered + rules.coverage_suffix)
        return replace(target, indicator=places + rules.coverage_suffix)
    if target.unit in rules.item_units and not name.endswith(_MEASURES):
        tail = _tail_after(text, target, name)
        if tail and len(tail) < len(name):
            head = name[: -len(tail)]
            joint = "" if "的" in tail or head.endswith("的") else "的"
            return replace(target, indicator=head + joint + tail + rules.item_suffix)
    if target.unit in rules.things_units and not name.endswith(_MEASURES) and _things_after(text, target, name):
        for verb in rules.things_verbs:
            at = name.find(verb)
            if at >= 2:
                name = name[:at] + name[at + len(verb) :]
                break
        return replace(target, indicator=name + rules.things_suffix)
    if not _value_first(target, name):
        return target
    if target.unit in rules.share_units and not name.endswith(("率", "比例", "占比")):
        for verb in rules.share_verbs:
            at = name.find(verb)
            if at >= 2:
                subject = name[:at].rstrip("的")
                return replace(target, indicator=f"{_once(name[at:], subject)}的{subject}{rules.share_suffix}")
        return target
    if target.unit in rules.count_units and not name.endswith(("次数", "次")):
        actor = _actor_before(text, target.start)
        doing = _how_often(text, target.start) if actor else None
        if actor and doing:
            return replace(target, indicator=actor + doing + name + rules.count_suffix)
        return replace(target, indicator=name + rules.count_suffix)
    return target


_MEASURES = ("数", "量", "率", "比例")


def _once(done: str, subject: str) -> str:
    """What was done, without the qualifier its subject repeats: …发展县（市、区） of 县（市、区） → …发展县."""
    at = subject.find("（")
    if at > 0 and done.endswith(subject) and len(done) > len(subject):
        return done[: -len(subject)] + subject[:at]
    return done


def _tail_after(text: str, target: ParsedTarget, name: str) -> str:
    """The end of the name that follows the target's number in the text (掌握1-2项运动技能 → 运动技能), or ''."""
    after = text[target.end : target.end + _LOOK]
    after = after[1:] if after.startswith("的") else after
    for size in range(len(name) - 1, 1, -1):
        if after.startswith(name[-size:]):
            return name[-size:]
    return ""


def _clause_start(text: str, at: int) -> int:
    while at > 0 and text[at - 1] not in _CLAUSE_ENDS:
        at -= 1
    return at


_CLAUSE_ENDS = "，,。；;！!？?\n"


def _how_often(text: str, start: int) -> str | None:
    """How often and what is done, before a count's number: 确保每年至少组织2次… → 每年组织."""
    rules = _naming()
    begin = _clause_start(text, start)
    digit = _DIGIT.search(text[begin:])
    if digit is None:
        return None
    doing = text[begin : begin + digit.start()].strip()
    for word in rules.count_dropped:
        doing = doing.replace(word, "")
    return doing if doing.startswith(rules.count_periods) and len(doing) > 2 else None


def _actor_before(text: str, start: int) -> str | None:
    """The one the clause before prompts (推动村（社区）家长学校…站点提质增效 → 村（社区）家长学校…站点), if the
    count's own clause names no one, the two stand in one sentence, and a place or body ends the words prompted."""
    rules = _naming()
    begin = _clause_start(text, start)
    if begin == 0 or text[begin - 1] not in "，,":
        return None
    own = text[begin:start].strip()
    for word in rules.count_dropped:
        own = own.replace(word, "")
    if not own.startswith(rules.count_periods):
        return None  # the clause says who: 中小学、幼儿园家长学校每年…
    previous = text[_clause_start(text, begin - 1) : begin - 1].strip()
    verb = next((v for v in rules.actor_verbs if previous.startswith(v)), None)
    if verb is None:
        return None
    prompted = previous[len(verb) :]
    stops = [at for at in (prompted.find(w) for w in rules.actor_stops) if at > 0]
    if stops:
        prompted = prompted[: min(stops)]
    ends = [at + len(head) for head in rules.actor_heads for at in [prompted.rfind(head)] if at >= 0]
    if not ends:
        return None
    actor = prompted[: max(ends)]
    return actor if len(actor) >= 4 else None


def _value_first(target: ParsedTarget, name: str) -> bool:
    """Whether the quote states the number before the measure it names (70％以上中小学建成…, 至少开展2次家庭教育指导)."""
    quote = target.quote
    at = quote.find(name)
    digit = _DIGIT.search(quote)
    return at > 0 and digit is not None and digit.start() < at


def _things_after(text: str, target: ParsedTarget, name: str) -> bool:
    """Whether the things counted follow the number (至少设有1家危重新生儿救治中心): the name ends after the quote."""
    tail = name[-3:]
    if tail in target.quote:
        return False
    clause = _CLAUSE_MARK.split(text[target.end : target.end + _LOOK], maxsplit=1)[0]
    return clause.strip().endswith(tail) or tail in clause


def _covered_before(text: str, start: int) -> str | None:
    """What the sentence before `start` builds (推进儿童之家建设，实现… → 儿童之家), if it says so."""
    begin = start
    while begin > 0 and start - begin < _LOOK and text[begin - 1] not in _SENTENCE:
        begin -= 1  # the clause before it at most: a long line costs no more per target than a short one
    found = list(_naming().coverage_object.finditer(text[begin:start]))
    return found[-1].group(1) if found else None


def _without_lead(places: str, drop: tuple[str, ...]) -> str:
    for word in drop:
        if places.startswith(word):
            return places[len(word) :]
    return places
