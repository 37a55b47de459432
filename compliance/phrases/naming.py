"""Names of measure targets as a reviewer writes them, from the words of the sentence (rules/phrases.yaml `naming`).

The parser names a target by the words before its number; a reviewer (and the
catalogue, and the reference plans built by hand) names the measure:

- 全覆盖 is a coverage rate: 儿童医疗保障全覆盖 → 儿童医疗保障覆盖率;
- a 全覆盖 of places whose object stands earlier in the sentence:
  推进儿童之家建设，实现村（社区）全覆盖 → 村（社区）儿童之家覆盖率;
- a share written value-first: 70％以上中小学建成数字家长学校 → 建成数字家长学校的中小学比例;
- a count of occurrences written value-first: 每年至少开展3次家庭教育指导 → 家庭教育指导次数;
- a number of things written value-first: 每个镇（街道）建有1个以上示范型儿童之家 → 每个镇（街道）示范型儿童之家数.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from compliance.phrases.result import ParsedTarget

_SENTENCE = "。；;！!？?\n"
_LOOK = 60  # how far around a target its naming words are sought


@dataclass(frozen=True)
class _Naming:
    coverage_suffix: str
    coverage_places: re.Pattern[str]
    coverage_places_drop: tuple[str, ...]
    coverage_object: re.Pattern[str]
    share_verbs: tuple[str, ...]
    share_units: frozenset[str]
    share_suffix: str
    count_units: frozenset[str]
    count_suffix: str
    things_units: frozenset[str]
    things_suffix: str
    things_verbs: tuple[str, ...]
    lead_scopes: re.Pattern[str]


@cache
def _naming() -> _Naming:
    from compliance.loading.yamlfile import read_yaml
    from compliance.resources import rules_file

    data: dict[str, Any] = read_yaml(rules_file("phrases.yaml")).data["naming"]
    return _Naming(
        coverage_suffix=str(data["coverage_suffix"]),
        coverage_places=re.compile(str(data["coverage_places"])),
        coverage_places_drop=tuple(sorted((str(w) for w in data["coverage_places_drop"]), key=len, reverse=True)),
        coverage_object=re.compile(str(data["coverage_object"])),
        share_verbs=tuple(sorted((str(w) for w in data["share_verbs"]), key=len, reverse=True)),
        share_units=frozenset(str(u) for u in data["share_units"]),
        share_suffix=str(data["share_suffix"]),
        count_units=frozenset(str(u) for u in data["count_units"]),
        count_suffix=str(data["count_suffix"]),
        things_units=frozenset(str(u) for u in data["things_units"]),
        things_suffix=str(data["things_suffix"]),
        things_verbs=tuple(sorted((str(w) for w in data["things_verbs"]), key=len, reverse=True)),
        lead_scopes=re.compile("|".join(f"(?:{p})" for p in data["lead_scopes"])),
    )


def name_targets(text: str, targets: list[ParsedTarget]) -> list[ParsedTarget]:
    """Each target with the name a reviewer gives its measure (unchanged when no rule applies)."""
    return [_named(text, t) for t in targets]


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
    if target.unit in rules.things_units and not name.endswith(("数", "量", "率", "比例")) and _things_after(text, target, name):
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
                return replace(target, indicator=f"{name[at:]}的{subject}{rules.share_suffix}")
        return target
    if target.unit in rules.count_units and not name.endswith(("次数", "次")):
        return replace(target, indicator=name + rules.count_suffix)
    return target


def _value_first(target: ParsedTarget, name: str) -> bool:
    """Whether the quote states the number before the measure it names (70％以上中小学建成…, 至少开展2次家庭教育指导)."""
    quote = target.quote
    at = quote.find(name)
    digit = re.search(r"[0-9０-９*＊]", quote)
    return at > 0 and digit is not None and digit.start() < at


def _things_after(text: str, target: ParsedTarget, name: str) -> bool:
    """Whether the things counted follow the number (至少设有1家危重新生儿救治中心): the name ends after the quote."""
    tail = name[-3:]
    if tail in target.quote:
        return False
    clause = re.split(r"[，,。；;！!？?\n]", text[target.end : target.end + _LOOK], maxsplit=1)[0]
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
