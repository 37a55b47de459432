"""The document vocabulary of rules/extraction.yaml, loaded once and compiled."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any


def fold(text: str) -> str:
    """Full width to half width, one character for one (offsets survive); dashes unified."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif ch in "\u3000\xa0":
            out.append(" ")
        elif ch in "—–－―‐‑":
            out.append("-")
        else:
            out.append(ch)
    return "".join(out)


def fold_digits(text: str) -> str:
    """Full-width digits to ASCII (２０２１ → 2021), everything else as written: for titles."""
    return "".join(chr(ord(ch) - 0xFEE0) if "０" <= ch <= "９" else ch for ch in text)


def squeeze(text: str) -> str:
    """Folded, NFKC, without any white space: for comparing headings and cells."""
    return "".join(unicodedata.normalize("NFKC", fold(text)).split())


@dataclass(frozen=True)
class NonTarget:
    reason: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Rules:
    furniture: list[re.Pattern[str]]
    inline_noise: list[re.Pattern[str]]
    repeat_min_lines: int
    repeat_min_chars: int
    title_max: int
    title_subject: list[str]
    title_plan_words: list[str]
    title_not: list[str]
    kind_words: dict[str, list[str]]
    follows_words: list[str]
    follows_stop: list[str]
    follows_title_words: list[str]
    period_patterns: list[re.Pattern[str]]
    five_year_plans: dict[str, tuple[int, int]]
    document_number: re.Pattern[str]
    admin_suffixes: list[tuple[str, str]]  # (suffix, level) longest first
    national_names: list[str]
    sections: list[tuple[str, str]]  # (word, section) longest first
    parts: dict[str, list[str]]
    domain_pattern: re.Pattern[str]
    domain_max_chars: int
    table_columns: list[tuple[str, str]]  # (header word, role)
    table_year_column: re.Pattern[str]
    empty_cells: frozenset[str]
    non_targets: list[NonTarget]
    table_per_population: list[tuple[str, str]]
    elliptical_subjects: list[str]  # longest first


@cache
def rules() -> Rules:
    from compliance.loading.yamlfile import read_yaml
    from compliance.resources import rules_file

    data: dict[str, Any] = read_yaml(rules_file("extraction.yaml")).data
    title = data["title"]
    suffixes = [(str(s), level) for level, words in data["admin_suffixes"].items() for s in words]
    suffixes.sort(key=lambda pair: -len(pair[0]))
    sections = [(squeeze(str(w)), section) for section, words in data["sections"].items() for w in words]
    sections.sort(key=lambda pair: -len(pair[0]))
    columns = [(squeeze(str(w)), role) for role, words in data["table_columns"].items() for w in words]
    return Rules(
        furniture=[re.compile(str(p)) for p in data["furniture"]],
        inline_noise=[re.compile(str(p)) for p in data["inline_noise"]],
        repeat_min_lines=int(data["repeat_min_lines"]),
        repeat_min_chars=int(data["repeat_min_chars"]),
        title_max=int(title["max_chars"]),
        title_subject=[str(w) for w in title["subject"]],
        title_plan_words=[squeeze(str(w)) for w in title["plan_words"]],
        title_not=[squeeze(str(w)) for w in title["not_title"]],
        kind_words={str(k): [str(w) for w in v] for k, v in data["kind_words"].items()},
        follows_words=sorted((str(w) for w in data["follows_words"]), key=len, reverse=True),
        follows_stop=[str(w) for w in data["follows_stop"]],
        follows_title_words=[str(w) for w in data["follows_title_words"]],
        period_patterns=[re.compile(str(p)) for p in data["period_patterns"]],
        five_year_plans={str(k): (int(v[0]), int(v[1])) for k, v in data["five_year_plans"].items()},
        document_number=re.compile(str(data["document_number"])),
        admin_suffixes=suffixes,
        national_names=[str(w) for w in data["national_names"]],
        sections=sections,
        parts={str(k): [squeeze(str(w)) for w in v] for k, v in data["parts"].items()},
        domain_pattern=re.compile(str(data["domain_pattern"])),
        domain_max_chars=int(data["domain_max_chars"]),
        table_columns=columns,
        table_year_column=re.compile(str(data["table_year_column"])),
        empty_cells=frozenset(squeeze(str(w)) for w in data["empty_cells"]),
        non_targets=[NonTarget(str(e["reason"]), re.compile(str(e["pattern"]))) for e in data["non_targets"]],
        table_per_population=sorted(
            ((squeeze(str(k)), str(v)) for k, v in data["table_per_population"].items()), key=lambda kv: -len(kv[0])
        ),
        elliptical_subjects=sorted({squeeze(str(w)) for w in data.get("elliptical_subjects") or []}, key=len, reverse=True),
    )
