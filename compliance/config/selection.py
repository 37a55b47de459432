"""Rule selectors: a rule's name (weaker-threshold), its code (CMP201), or a code prefix (CMP2, a family).

A name is written whole — `weaker` selects nothing and is an error, with a
did-you-mean — so that a typo never silently turns a rule on or off.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from compliance.checks import RULES
from compliance.checks.base import Rule, Severity
from compliance.messages import text


def rules_matching(selector: str) -> list[type[Rule]]:
    """The rules a selector names; [] when it names none."""
    written = selector.strip()
    for rule in RULES:
        if written in (rule.name, rule.code()):
            return [rule]
    prefix = written.upper()
    if prefix.startswith("CMP"):
        return [rule for rule in RULES if rule.code().startswith(prefix)]
    return []


def did_you_mean(selector: str) -> str:
    """A hint for a selector that names no rule."""
    written = selector.strip()
    if written.upper().startswith("CMP"):
        families = sorted({rule.code()[:4] for rule in RULES})
        return text("config.no-rule-code-hint", prefix=written.upper(), families=", ".join(families))
    names = [rule.name for rule in RULES]
    started = [name for name in names if name.startswith(written)] if written else []
    import difflib  # only for a did-you-mean: not on every command's path
    close = started or difflib.get_close_matches(written, names, n=3, cutoff=0.6)
    if close:
        return text("config.no-rule-name-hint", names=text("config.or").join(f"'{c}'" for c in close))
    return text("config.no-rule-hint")


def unknown(selectors: Iterable[str]) -> list[str]:
    return [s for s in selectors if not rules_matching(s)]


def enabled_rules(select: Iterable[str], extend_select: Iterable[str], ignore: Iterable[str]) -> frozenset[str]:
    """The names of the rules that run: (select, or every rule) plus extend-select, minus ignore."""
    select = list(select)
    chosen = {r.name for s in select for r in rules_matching(s)} if select else {r.name for r in RULES}
    chosen |= {r.name for s in extend_select for r in rules_matching(s)}
    chosen -= {r.name for s in ignore for r in rules_matching(s)}
    return frozenset(chosen)


def severity_overrides(overrides: Mapping[str, Severity]) -> dict[str, Severity]:
    """Rule name → severity; a more specific selector wins (a name or code over a prefix, a longer prefix over a shorter)."""
    resolved: dict[str, tuple[int, Severity]] = {}
    for selector, severity in overrides.items():
        matched = rules_matching(selector)
        specificity = 100 if len(matched) == 1 and selector.strip() in (matched[0].name, matched[0].code()) else len(selector)
        for rule in matched:
            if rule.name not in resolved or resolved[rule.name][0] <= specificity:
                resolved[rule.name] = (specificity, severity)
    return {name: severity for name, (_, severity) in resolved.items()}


def close_words(word: str, words: Iterable[str]) -> str | None:
    """'did you mean …?' for a word close to one of `words`, else None."""
    import difflib  # only for a did-you-mean: not on every command's path
    close = difflib.get_close_matches(word, list(words), n=1, cutoff=0.5)
    return text("config.did-you-mean", word=close[0]) if close else None
