"""Validating a file as written against a JSON Schema, with positions and plain words.

jsonschema finds what is wrong and where (a JSON path); this module says it in
terms a plan drafter understands and adds the line and column from the YAML.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from compliance.errors import Problem
from compliance.loading.yamlfile import YamlDocument

_TYPE_WORDS = {
    "object": "a mapping (key: value lines)",
    "array": "a list",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "empty (null)",
}


@cache
def load_schema(path: Path) -> dict[str, Any]:
    """The schema with its local $refs inlined: the same rules, validated several times faster."""
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    definitions = schema.get("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, list):
            return [inline(item) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return {**inline(definitions[ref.removeprefix("#/$defs/")]), **inline(rest)}
        return {key: inline(value) for key, value in node.items() if key != "$defs"}

    inlined: dict[str, Any] = inline(schema)
    return inlined


def _describe_type(expected: str | list[str]) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    return " or ".join(_TYPE_WORDS.get(name, name) for name in names)


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty (null)"
    return repr(value)


def _field(path: tuple[str | int, ...]) -> str:
    for key in reversed(path):
        if isinstance(key, str):
            return key
    return "the entry" if path else "the file"


def _then_description(error: Any, root: dict[str, Any]) -> str | None:
    """The description of the `then` rule an error comes from (conditional requirements)."""
    schema_path = list(error.absolute_schema_path)
    if "then" not in schema_path:
        return None
    node: Any = root
    for part in schema_path[: len(schema_path) - schema_path[::-1].index("then")]:
        node = node[part]
        while isinstance(node, dict) and str(node.get("$ref", "")).startswith("#/"):
            resolved: Any = root
            for ref_part in node["$ref"][2:].split("/"):
                resolved = resolved[ref_part]
            node = resolved
    return node.get("description") if isinstance(node, dict) else None


def _message(error: Any, root: dict[str, Any]) -> tuple[str, str | None]:
    """Plain words for one jsonschema error, and a hint taken from the schema."""
    validator = error.validator
    value = error.validator_value
    instance = error.instance
    path = tuple(error.absolute_path)
    hint = _then_description(error, root)
    if hint is None and isinstance(error.schema, dict):
        hint = error.schema.get("description")
    if validator == "required":
        missing = [name for name in value if not (isinstance(instance, dict) and name in instance)]
        names = ", ".join(f"'{name}'" for name in missing)
        return f"missing the required field{'s' if len(missing) > 1 else ''} {names}", hint
    if validator == "additionalProperties":
        from difflib import get_close_matches

        known = list(error.schema.get("properties", {}))
        extra = [str(key) for key in instance if key not in known]
        guesses = [g for e in extra for g in get_close_matches(e, known, n=1)]
        hint = f"did you mean '{guesses[0]}'? " if len(extra) == 1 and guesses else ""
        return (
            f"unknown field{'s' if len(extra) > 1 else ''} {', '.join(repr(e) for e in extra)}",
            f"{hint}allowed here: {', '.join(known)}",
        )
    if validator == "enum":
        choices = ", ".join(str(v) for v in value if v is not None)
        return f"{_shown(instance)} is not a valid {_field(path)}; use one of: {choices}", hint
    if validator == "const":
        return f"{_shown(instance)} is not allowed here; expected '{value}'", hint
    if validator in ("anyOf", "oneOf"):
        kinds = [branch.get("type") for branch in _branches(error, root)]
        if all(isinstance(kind, str) for kind in kinds):
            return f"{_field(path)} must be {_describe_type(kinds)}, not {_shown(instance)}", hint
    if validator == "type":
        return f"{_field(path)} must be {_describe_type(value)}, not {_shown(instance)}", hint
    if validator == "minLength":
        return f"{_field(path)} must not be empty", hint
    if validator in ("minimum", "maximum"):
        bound = "at least" if validator == "minimum" else "at most"
        return f"{_field(path)} must be {bound} {value}, not {_shown(instance)}", hint
    if validator in ("minItems", "maxItems"):
        bound = "at least" if validator == "minItems" else "at most"
        return f"{_field(path)} must have {bound} {value} entries, it has {len(instance)}", hint
    if validator == "items" and value is False:
        return f"{_field(path)} has too many entries", hint
    return f"{_field(path)}: {error.message}", hint


def _branches(error: Any, root: dict[str, Any]) -> list[dict[str, Any]]:
    """The alternatives of an anyOf/oneOf, with local $refs ("#/$defs/x") resolved."""
    branches = []
    for branch in error.validator_value:
        while isinstance(branch, dict) and str(branch.get("$ref", "")).startswith("#/"):
            target: Any = root
            for part in branch["$ref"][2:].split("/"):
                target = target[part]
            branch = target
        branches.append(branch)
    return branches


def _leaf_errors(error: Any) -> list[Any]:
    """For anyOf/oneOf, the errors of the alternative the writer evidently meant."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    by_branch: dict[int, list[Any]] = {}
    for sub in error.context:
        by_branch.setdefault(sub.relative_schema_path[0], []).append(sub)
    # A branch that failed only on `type` is one the writer did not mean.
    meant = [
        subs
        for subs in by_branch.values()
        if not all(s.validator == "type" and not s.relative_path for s in subs)
    ]
    if len(meant) == 1:
        return [leaf for sub in meant[0] for leaf in _leaf_errors(sub)]
    return [error]


def _offending_key(error: Any) -> tuple[str, ...]:
    """An unknown field is best shown at the field itself, not at its mapping."""
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = [key for key in error.instance if key not in error.schema.get("properties", {})]
        return (extra[0],) if extra else ()
    return ()


def validate(document: YamlDocument, schema_path: Path) -> list[Problem]:
    """Every problem of `document` against the schema, in file order."""
    from jsonschema import Draft202012Validator

    schema = load_schema(schema_path)
    validator = Draft202012Validator(schema)
    problems: list[Problem] = []
    for error in validator.iter_errors(document.data):
        for leaf in _leaf_errors(error):
            path = tuple(leaf.absolute_path)
            key = _offending_key(leaf)
            message, hint = _message(leaf, schema)
            problems.append(document.problem(path + key, message, hint, at_key=bool(key)))
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.line or 0, p.column or 0))
