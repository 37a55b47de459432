"""The rules' documentation in Chinese and English: what each rule does, why it matters, an example.

Data a reviewer may change, beside the message catalogues: `rules/docs/zh.yaml`
and `rules/docs/en.yaml` (format `compliance-rule-docs/1`). Each holds, per
rule name, the sections `what` (only where the rule's title and summary do not
say enough), `why` and `example`, as Markdown text; and `topics` (`horizons`).
A rule's title and summary stay in the message catalogues (`compliance rules`
and every report show them); the documentation is read only by what shows it —
`compliance explain`, docs/rules.md and docs/rules.zh.md, the SARIF rule help —
never by a check, so a check never loads it.

    from compliance.messages.docs import rule_doc, topic_doc

    rule_doc("weaker-threshold", "zh").markdown()   # ## 检查内容 … ## 为什么要检查 … ## 示例 …
    topic_doc("horizons", "en")

tests/test_messages.py checks that every rule is documented in both languages
with the same sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from compliance.messages import language, normalise_language, text

FORMAT = "compliance-rule-docs/1"
SECTIONS = ("what", "why", "example")
REQUIRED = ("why", "example")


@dataclass(frozen=True)
class RuleDoc:
    """One rule's documentation in one language: its sections, in the order of SECTIONS."""

    lang: str
    sections: tuple[tuple[str, str], ...]  # (section, Markdown text)

    def markdown(self, level: int = 2) -> str:
        """The sections under their headings (## 检查内容 / ## What it does …), headings at `level`."""
        hashes = "#" * level
        return "\n\n".join(
            f"{hashes} {text(f'doc.{section}', self.lang)}\n{body.strip()}" for section, body in self.sections
        )


@dataclass(frozen=True)
class Docs:
    """One language's documentation file."""

    lang: str
    file: str
    rules: dict[str, RuleDoc]
    topics: dict[str, str]


def docs_file(lang: str) -> Path:
    from compliance.resources import rules_file

    return rules_file(f"docs/{lang}.yaml")


def docs(lang: str | None = None) -> Docs:
    """The documentation of `lang` (default: the current language), read once."""
    lang = normalise_language(lang or language(), strict=True) or "en"
    return _load(docs_file(lang), lang)


def rule_doc(name: str, lang: str | None = None) -> RuleDoc:
    """The documentation of the rule `name` in `lang`; KeyError (a bug: tests check every rule) when it has none."""
    found = docs(lang)
    try:
        return found.rules[name]
    except KeyError:
        raise KeyError(f"no documentation of the rule '{name}' in {found.file}") from None


def topic_doc(name: str, lang: str | None = None) -> str:
    """A topic's documentation (`horizons`) in `lang`."""
    found = docs(lang)
    try:
        return found.topics[name].strip()
    except KeyError:
        raise KeyError(f"no documentation of '{name}' in {found.file}") from None


def topics() -> tuple[str, ...]:
    """The documented topics, as `compliance explain` takes them."""
    return tuple(docs("en").topics)


@cache
def _load(path: Path, lang: str) -> Docs:
    from compliance.errors import InputError, Problem
    from compliance.loading.yamlfile import read_yaml

    document = read_yaml(path)
    data = document.data
    file = str(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("rules"), dict):
        raise InputError.single(file, text("rule-docs.shape", format=FORMAT))
    problems: list[Problem] = []

    def problem(where: tuple[Any, ...], message: str, at_key: bool = False) -> None:
        line, column = document.position(where, at_key=at_key)
        problems.append(Problem(file, message, line=line, column=column))

    rules: dict[str, RuleDoc] = {}
    for name, entry in data["rules"].items():
        if not isinstance(entry, dict):
            problem(("rules", name), text("rule-docs.sections", rule=name, sections=list(SECTIONS)))
            continue
        for key in entry:
            if key not in SECTIONS:
                problem(("rules", name, key), text("rule-docs.unknown-section", rule=name, section=key, sections=list(SECTIONS)), True)
        for key in REQUIRED:
            if key not in entry:
                problem(("rules", name), text("rule-docs.missing-section", rule=name, section=key))
        for key, value in entry.items():
            if not isinstance(value, str) or not value.strip():
                problem(("rules", name, key), text("rule-docs.not-text", rule=name, section=key))
        rules[str(name)] = RuleDoc(lang, tuple((s, str(entry[s])) for s in SECTIONS if isinstance(entry.get(s), str)))
    found_topics = data.get("topics") or {}
    if not isinstance(found_topics, dict) or not all(isinstance(v, str) for v in found_topics.values()):
        problem(("topics",), text("rule-docs.topics"))
        found_topics = {}
    if problems:
        raise InputError(problems)
    return Docs(lang, file, rules, {str(k): str(v) for k, v in found_topics.items()})


__all__ = ["FORMAT", "SECTIONS", "Docs", "RuleDoc", "docs", "rule_doc", "topic_doc", "topics"]
