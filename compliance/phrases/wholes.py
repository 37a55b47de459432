"""Whole coverage said in other words than 全覆盖 (rules/phrases.yaml `wholes`): targets of >= 100 %.

- 旗区妇幼保健院全部达到二级及以上水平: every one of them, so the share is 100 %
  (旗区妇幼保健院达到二级及以上水平的比例);
- 冬季冰面安全教育覆盖全县中小学: the whole of a scope is covered (冬季冰面安全教育中小学覆盖率).

Only a clause that ends there and holds no number of its own (全部达到95%以上 is
a numeric target already), and never inside brackets or quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal
from functools import cache
from typing import Any

from compliance.model.plan import Op
from compliance.phrases.result import ParsedTarget
from compliance.compiled import regex

_CLAUSE = regex(r"[^，,。；;！!？?\n]+")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], str, str]:
    from compliance.loading.yamlfile import read_shared_yaml
    from compliance.resources import rules_file

    data: dict[str, Any] = read_shared_yaml(rules_file("phrases.yaml")).data["wholes"]

    def alternation(words: Any) -> str:
        return "|".join(map(re.escape, sorted((str(w) for w in words), key=len, reverse=True)))

    every = regex(
        r"^(?P<subject>[^0-9０-９*＊%％的]{2,24}?)(?:" + alternation(data["all_words"]) + r")"
        r"(?P<verb>" + alternation(data["all_verbs"]) + r")(?P<object>[^0-9０-９*＊%％]{2,16})$"
    )
    cover = regex(
        r"^(?P<subject>[^0-9０-９*＊%％]{2,24}?)" + re.escape(str(data["cover_verb"]))
        + r"(?:" + alternation(data["cover_scopes"]) + r")(?P<object>[^0-9０-９*＊%％的]{2,12})$"
    )
    return every, cover, str(data["all_suffix"]), str(data["cover_suffix"])


@cache
def _needed() -> tuple[tuple[str, ...], str]:
    """Words without which `every` / `cover` cannot match: a clause without them is not tried (same results, faster)."""
    from compliance.loading.yamlfile import read_shared_yaml
    from compliance.resources import rules_file

    data: dict[str, Any] = read_shared_yaml(rules_file("phrases.yaml")).data["wholes"]
    return tuple(str(w) for w in data["all_words"]), str(data["cover_verb"])


def whole_targets(text: str, inside: Any, found: list[ParsedTarget]) -> list[ParsedTarget]:
    all_words, cover_verb = _needed()
    if cover_verb not in text and not any(word in text for word in all_words):
        return []  # no clause of the text can match either pattern
    every, cover, all_suffix, cover_suffix = _patterns()
    taken = sorted((t.start, t.end) for t in found)
    ends = [e for _, e in taken]
    results: list[ParsedTarget] = []
    for clause in _CLAUSE.finditer(text):
        start, end = clause.start(), clause.end()
        body = clause.group(0)
        lead = len(body) - len(body.lstrip())
        body = body.strip()
        if not body or len(body) > 60 or inside[start + lead]:
            continue
        k = bisect_right(ends, start)  # the first target ending after the clause starts
        if k < len(taken) and taken[k][0] < end:
            continue  # a target of the clause already: 全部达到95%以上
        match = every.match(body) if any(word in body for word in all_words) else None
        if match:
            name = match.group("subject") + match.group("verb") + match.group("object") + all_suffix
        else:
            match = cover.match(body) if cover_verb in body else None
            if not match:
                continue
            name = match.group("subject") + match.group("object") + cover_suffix
        results.append(
            ParsedTarget(
                indicator=name, op=Op.GE, value=Decimal(100), unit="%",
                quote=body, start=start + lead, end=start + lead + len(body),
            )
        )
    return results
