"""Other programs' English (the YAML and JSON parsers, the JSON Schemas' descriptions) in the user's language.

These texts are not ours to give ids to: a parser says `did not find expected
key`, a schema describes a field in English. Their Chinese is data keyed by
that English text, one file per source, as click's is (compliance/cli/clicktext.py):

    rules/messages/parsers.zh.yaml   the parsers' problems (libyaml, PyYAML, json)
    rules/messages/schema.zh.yaml    the schemas' descriptions, shown as hints

`translated("parsers", english)` is the text in the current language: the
English itself in English, its Chinese in Chinese, or None when the file
has no Chinese for it (the caller says something general instead).
"""

from __future__ import annotations

from functools import cache
from typing import Any

FORMATS = {"parsers": "compliance-parser-messages/1", "schema": "compliance-schema-descriptions/1"}


def translated(source: str, english: str) -> str | None:
    from compliance.messages import language

    if language() != "zh":
        return english
    return chinese(source).get(english.strip())


@cache
def chinese(source: str) -> dict[str, str]:
    """The Chinese of one source's texts, by their English."""
    from compliance.errors import InputError
    from compliance.loading.yamlfile import read_yaml
    from compliance.resources import rules_file

    path = rules_file(f"messages/{source}.zh.yaml")
    data: Any = read_yaml(path).data
    if not isinstance(data, dict) or data.get("format") != FORMATS[source] or not isinstance(data.get("messages"), dict):
        from compliance.messages import text

        raise InputError.single(str(path), text("rules-files.messages-shape", format=FORMATS[source]))
    return {str(k).strip(): str(v) for k, v in data["messages"].items()}
