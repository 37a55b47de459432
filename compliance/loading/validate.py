"""Validating a file as written against a JSON Schema, with positions and plain words.

jsonschema finds what is wrong and where (a JSON path); this module says it in
terms a plan drafter understands and adds the line and column from the YAML.

Most files are valid, and a full jsonschema walk costs more than building the
plan (63% of a load, issue 12), so a compiled validator (jsonschema-rs, in Rust)
first answers whether the file is valid at all; only a file it refuses is
walked by jsonschema, whose errors are the ones worded here. Without
jsonschema-rs (a platform it has no wheel for) every file is walked by
jsonschema: the same problems, only slower.

What earlier runs found valid is remembered by the content of the data
(compliance.cache.KeptResults, keyed by the schemas and the code as well): a
drafter re-checking a plan file, or a CI job its unchanged files, does not
even load the compiled validator. Only a yes is remembered, so an edit that
breaks a file is always walked and worded.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path
from typing import Any

from compliance.cache import KeptResults
from compliance.errors import Problem
from compliance.loading.yamlfile import YamlDocument


def _text(id: str, **params: Any) -> str:
    from compliance.messages import text

    return text(id, **params)


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
    known = ("object", "array", "string", "number", "integer", "boolean", "null")
    words = [_text(f"schema.type-{name}") if name in known else name for name in names]
    return _text("schema.or").join(words)


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return _text("schema.shown-text", value=value)
    if isinstance(value, dict):
        return _text("schema.type-object")
    if isinstance(value, list):
        return _text("schema.type-array")
    if value is None:
        return _text("schema.type-null")
    return repr(value)


def _field(path: tuple[str | int, ...]) -> str:
    for key in reversed(path):
        if isinstance(key, str):
            return key
    return _text("schema.the-entry") if path else _text("schema.the-file")


def _described(description: Any) -> str | None:
    """A schema's description as a hint, in the user's language (rules/messages/schema.zh.yaml)."""
    if not isinstance(description, str):
        return None
    from compliance.messages.foreign import translated

    return translated("schema", description)


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
    field = _field(path)
    hint = _described(_then_description(error, root))
    if hint is None and isinstance(error.schema, dict):
        hint = _described(error.schema.get("description"))
    if validator == "required":
        missing = [name for name in value if not (isinstance(instance, dict) and name in instance)]
        return _text("schema.required", count=len(missing), names=[f"'{name}'" for name in missing]), hint
    if validator == "additionalProperties":
        from difflib import get_close_matches

        known = list(error.schema.get("properties", {}))
        extra = [str(key) for key in instance if key not in known]
        guesses = [g for e in extra for g in get_close_matches(e, known, n=1)]
        allowed = _text("schema.allowed-here", fields=known)
        if len(extra) == 1 and guesses:
            allowed = _text("schema.did-you-mean", guess=guesses[0], allowed=allowed)
        return _text("schema.unknown-field", count=len(extra), names=[repr(e) for e in extra]), allowed
    if validator == "enum":
        choices = [str(v) for v in value if v is not None]
        return _text("schema.enum", value=_shown(instance), field=field, choices=choices), hint
    if validator == "const":
        return _text("schema.const", value=_shown(instance), expected=value), hint
    if validator in ("anyOf", "oneOf"):
        kinds = [branch.get("type") for branch in _branches(error, root)]
        if all(isinstance(kind, str) for kind in kinds):
            return _text("schema.type", field=field, types=_describe_type(kinds), value=_shown(instance)), hint
    if validator == "type":
        return _text("schema.type", field=field, types=_describe_type(value), value=_shown(instance)), hint
    if validator == "minLength":
        return _text("schema.empty", field=field), hint
    if validator in ("minimum", "maximum"):
        return _text(f"schema.{validator}", field=field, bound=value, value=_shown(instance)), hint
    if validator in ("minItems", "maxItems"):
        return _text(f"schema.{validator}", field=field, bound=value, count=len(instance)), hint
    if validator == "items" and value is False:
        return _text("schema.too-many-items", field=field), hint
    if validator == "pattern":
        return _text("schema.pattern", field=field, value=_shown(instance), pattern=value), hint
    if validator == "not":
        return _text("schema.not", field=field), hint
    return _text("schema.other", field=field, value=_shown(instance)), hint


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


_GATES: dict[Path, Any] = {}  # schema -> its compiled validator (or None), once compiled in this process


def _gate(schema_path: Path) -> Any:
    """The compiled validator of a schema (jsonschema-rs), or None when it is not installed or refuses the schema."""
    if schema_path not in _GATES:
        _GATES[schema_path] = _compiled(schema_path)
    return _GATES[schema_path]


def _compiled(schema_path: Path) -> Any:
    if os.environ.get("COMPLIANCE_PURE_PYTHON"):
        return None
    try:
        import jsonschema_rs
    except ImportError:
        return None
    try:
        return jsonschema_rs.Draft202012Validator(load_schema(schema_path), validate_formats=False)
    except (ValueError, jsonschema_rs.ValidationError):  # a schema it cannot compile: jsonschema alone decides
        return None


def plainly_valid(data: Any, schema_path: Path) -> bool:
    """Is `data` valid against the schema, by the compiled validator? False also when it cannot tell.

    Only a yes is trusted: a no (or no compiled validator) sends the data to
    jsonschema, which decides and words the errors.
    """
    gate = _gate(schema_path)
    if gate is None:
        return False
    try:
        return bool(gate.is_valid(data))
    except (ValueError, TypeError, OverflowError):  # a value it cannot represent: let jsonschema judge
        return False


_KNOWN_VALID = KeptResults("valid-data")  # digests of (schema, data) that earlier runs found valid


def _digest(data: Any, schema_path: Path) -> str:
    """The content of plain YAML data against one schema: equal data, equal digest (repr keeps types and order)."""
    return hashlib.blake2b(f"{schema_path.name}\0{data!r}".encode(), digest_size=16).hexdigest()


def validate(document: YamlDocument, schema_path: Path, docs: str | None = None) -> list[Problem]:
    """Every problem of `document` against the schema, in file order, each with a hint.

    Where the schema has no description to offer, the hint points to `docs`
    (the page that documents the format) or to the field's place in the file.
    """
    # Once this process has compiled the gate, it answers: it costs a third of the digest (a batch validates
    # thousands of plans). Before (a cold check of one plan), what earlier runs found valid spares compiling it.
    digest = None if _GATES.get(schema_path) is not None else _digest(document.data, schema_path)
    if digest is not None and _KNOWN_VALID.get(digest):
        return []
    if plainly_valid(document.data, schema_path):
        if digest is not None:
            _KNOWN_VALID.put(digest, True)
        return []
    from compliance.messages import text
    from jsonschema import Draft202012Validator

    schema = load_schema(schema_path)
    validator = Draft202012Validator(schema)
    problems: list[Problem] = []
    for error in validator.iter_errors(document.data):
        for leaf in _leaf_errors(error):
            path = tuple(leaf.absolute_path)
            key = _offending_key(leaf)
            message, hint = _message(leaf, schema)
            if not hint:
                field = _field(path + key)
                hint = text("plan-file.docs-hint", field=field, docs=docs) if docs else text("plan-file.field-hint", field=field)
            problems.append(document.problem(path + key, message, hint, at_key=bool(key)))
    unique = list(dict.fromkeys(problems))
    if not unique:  # valid, decided by jsonschema alone (no compiled validator here)
        _KNOWN_VALID.put(digest if digest is not None else _digest(document.data, schema_path), True)
    return sorted(unique, key=lambda p: (p.line or 0, p.column or 0))
