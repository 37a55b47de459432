"""A fast reader for the plain block YAML that plan files are written in, with the full reader's positions.

A plan file is block mappings and sequences of plain keys, one value a line:
plain or quoted text, numbers, and one-line flow collections (`{op: ">=",
value: 95, unit: "%"}`, `[区妇联, 区教育局]`). libyaml's events, each a Python
object with two Python marks, cost more than half of a plan's load (issue 12);
this reader walks the lines of that subset itself and gives the same data, the
same positions of every value and key, and the same numbers as written.

It reads only what it is sure of. Anything else (a tab, an anchor or alias, a
tag, a block scalar `|`, a multi-line value, an empty value, a `---`, a
duplicate key, an escape in quotes, a number YAML 1.1 reads otherwise, a
character outside the printable ones…) makes it give up (`None`), and the full
reader (`yamlfile._Builder`) reads the file from the start, with all its
refusals and their positions. Types are decided by the full reader's own
implicit resolver. tests/test_plainyaml.py proves it gives the full reader's
result on every YAML file of the repository and on generated documents, and
gives up on whatever the full reader refuses.
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import Any

from compliance.compiled import regex
from compliance.loading.yamlfile import _BOOL, _CORE, _FRACTIONAL, _INT, _NULL, _RESOLVED, _RESOLVED_KEPT, _STR
from compliance.loading.yamlfile import _PLAIN_NUMBER as _PLAIN_NUMBER_PATTERN

JsonPath = tuple[str | int, ...]
Mark = tuple[int, int]

# Characters the reader leaves to the full one: tabs, carriage returns and YAML's other line
# breaks (NEL, LS, PS), a BOM, and every character YAML does not allow in a document.
_UNUSUAL = regex("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]").search
_KEY = regex(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)").match
_FLOW_KEY = regex(r"([A-Za-z_][A-Za-z0-9_-]*): +").match
# A plain scalar in a flow collection: none of the flow indicators, quotes, `:` or `#` anywhere.
_FLOW_PLAIN = regex(r"[^,\[\]{}:#\"' &*!|>%@`?][^,\[\]{}:#\"']*").match
_NOT_PLAIN_START = frozenset(",[]{}#&*!|>'\"%@`")
# Deeper than any plan file: the full reader decides (it has its own limit and message).
_MAX_DEPTH = 15  # block collections; flow collections within a line as many again


class _Unusual(Exception):
    """Something this reader leaves to the full one."""


def read_plain(
    text: str, *, positions: bool = True
) -> tuple[Any, dict[JsonPath, Mark], dict[JsonPath, Mark], dict[JsonPath, str]] | None:
    """(data, value positions, key positions, numbers as written) of a plain block YAML text, or None.

    Without `positions`, only the positions of the mappings written as sequence items (`- key: …`,
    a plan's targets) are recorded, and no key's: what loading a valid plan asks for. Recording every
    value's and key's position was a third of a plan's load (and most of the objects it made), for
    the problems of the rare file that has one; `yamlfile.YamlDocument` reads them again then.
    The data, the numbers and whether it gives up are the same either way.
    """
    if _UNUSUAL(text) is not None:
        return None
    try:
        return _read(text, positions)
    except _Unusual:
        return None


def read_positions(text: str) -> tuple[dict[JsonPath, Mark], dict[JsonPath, Mark]]:
    """(value positions, key positions) of a text `read_plain` read without them."""
    _, values, keys, _ = _read(text, True)
    return values, keys


# What one line says, the same wherever it stands (a plan's lines repeat from target to target
# and from plan to plan), so remembered: `_line(body)` for the line's text without its indent.
#   (KEY, key, offset of the value, value or None when the value starts on the next lines)
#   (ITEM, offset of the item, a KEY (the first key of a mapping) or a value)
# A value is (True, scalar, number as written or None), at the offset given, or
# (False, data, value offsets, key offsets, numbers, copy): a flow collection, whose data is copied.
_KEY_LINE, _ITEM_LINE = "key", "item"
_LINES: dict[str, tuple[Any, ...]] = {}
_LINES_KEPT = 20_000


def _read(text: str, positions: bool = True) -> tuple[Any, dict[JsonPath, Mark], dict[JsonPath, Mark], dict[JsonPath, str]]:
    values: dict[JsonPath, Mark] = {}
    keys: dict[JsonPath, Mark] = {}
    numbers: dict[JsonPath, str] = {}
    lines, line_spec = _LINES, _line
    stack: list[tuple[int, Any, JsonPath]] = []  # open block collections: (indent, container, path)
    pending: tuple[int, dict[str, Any], JsonPath] | None = None  # a key whose value starts on a later line
    root: Any = None
    number = 0
    for line in text.split("\n"):
        number += 1
        body = line.lstrip(" ")
        if not body or body[0] == "#":
            continue
        indent = len(line) - len(body)
        spec = lines.get(body)
        if spec is None:
            spec = line_spec(body)
            if len(lines) >= _LINES_KEPT:
                lines.clear()
            lines[body] = spec
        if pending is not None:
            parent_indent, parent, path = pending
            if indent <= parent_indent:
                raise _Unusual  # an empty value
            pending = None
            container: Any = [] if spec[0] is _ITEM_LINE else {}
            parent[path[-1]] = container
            if positions:
                values[path] = (number, indent + 1)
            if len(stack) >= _MAX_DEPTH:
                raise _Unusual
            stack.append((indent, container, path))
        else:
            while stack and stack[-1][0] > indent:
                stack.pop()
            if stack:
                if stack[-1][0] != indent:
                    raise _Unusual
                _, container, path = stack[-1]
            else:
                if root is not None:
                    raise _Unusual
                container = root = [] if spec[0] is _ITEM_LINE else {}
                path = ()
                if positions:
                    values[path] = (number, indent + 1)
                stack.append((indent, root, path))
        column = indent
        if spec[0] is _ITEM_LINE:
            if type(container) is not list:
                raise _Unusual
            column += spec[1]
            spec = spec[2]
            if spec[0] is not _KEY_LINE:  # a value
                if spec[0] is True:
                    if positions:
                        values[(*path, len(container))] = (number, column + 1)
                    if spec[2] is not None:
                        numbers[(*path, len(container))] = spec[2]
                    container.append(spec[1])
                elif positions or spec[4]:
                    container.append(_replay(spec, (*path, len(container)), number, column, values, keys, numbers, positions))
                else:
                    container.append(spec[5](spec[1]))
                continue
            item_path = (*path, len(container))
            container = {}  # `- key: …`: a mapping, its keys at this column
            list.append(stack[-1][1], container)
            values[item_path] = (number, column + 1)
            if len(stack) >= _MAX_DEPTH:
                raise _Unusual
            stack.append((column, container, item_path))
            path = item_path
        elif type(container) is not dict:
            raise _Unusual
        _, key, offset, value = spec
        if key in container:
            raise _Unusual
        if not positions:  # the same, without the positions
            if value is None:
                pending = (column, container, (*path, key))
            elif value[0] is True:
                if value[2] is not None:
                    numbers[(*path, key)] = value[2]
                container[key] = value[1]
            elif value[4]:
                container[key] = _replay(value, (*path, key), number, column + offset, values, keys, numbers, False)
            else:
                container[key] = value[5](value[1])
            continue
        key_path = (*path, key)
        keys[key_path] = (number, column + 1)
        if value is None:
            pending = (column, container, key_path)
        elif value[0] is True:
            values[key_path] = (number, column + offset + 1)
            if value[2] is not None:
                numbers[key_path] = value[2]
            container[key] = value[1]
        else:
            container[key] = _replay(value, key_path, number, column + offset, values, keys, numbers, True)
    if pending is not None or root is None:
        raise _Unusual
    return root, values, keys, numbers


def _replay(
    spec: tuple[Any, ...], path: JsonPath, line: int, column: int,
    values: dict[JsonPath, Mark], keys: dict[JsonPath, Mark], numbers: dict[JsonPath, str], positions: bool,
) -> Any:
    """A remembered flow collection at `path`, written from `column` (0-based) of `line`."""
    _, data, value_offsets, key_offsets, written, copy = spec
    if positions:
        for suffix, offset in value_offsets:
            values[path + suffix] = (line, column + offset)
        for suffix, offset in key_offsets:
            keys[path + suffix] = (line, column + offset)
    for suffix, text in written:
        numbers[path + suffix] = text
    return copy(data)


def _line(body: str) -> tuple[Any, ...]:
    """What a line says (see _LINES), from its text without the indent; _Unusual for what it leaves to the full reader."""
    if body[0] == "-":
        if len(body) < 2 or body[1] != " ":
            raise _Unusual
        rest = body[1:].lstrip(" ")
        if not rest or rest[0] == "#" or (rest[0] == "-" and (len(rest) == 1 or rest[1] == " ")):
            raise _Unusual  # an item on the next lines, or a sequence in a sequence
        found = _KEY(rest)
        return (_ITEM_LINE, len(body) - len(rest), _key_line(rest, found) if found else _value(rest))
    found = _KEY(body)
    if found is None:
        raise _Unusual
    return _key_line(body, found)


def _key_line(body: str, found: re.Match[str]) -> tuple[Any, ...]:
    key = found.group(1)
    if plain_tag(key) != _STR:
        raise _Unusual
    end = found.end()
    if end == len(body) or body[end] == "#":
        return (_KEY_LINE, key, end, None)
    return (_KEY_LINE, key, end, _value(body[end:]))


def _value(rest: str) -> tuple[Any, ...]:
    if rest[0] >= "\x80":  # plain text in Chinese (a name, a quoted sentence): no implicit type starts so; read as _Reader reads it
        cut = rest.find(" #")
        text = (rest if cut < 0 else rest[:cut]).rstrip(" ")
        if ": " in text or text.endswith(":"):
            raise _Unusual
        return (True, text, None)
    reader = _Reader()
    data = reader.value(rest, 0, 0, (), 0)
    if type(data) is not list and type(data) is not dict:
        return (True, data, reader.numbers.get(()))
    flat = all(type(item) is not list and type(item) is not dict for item in (data if type(data) is list else data.values()))
    return (
        False,
        data,
        tuple((path, mark[1]) for path, mark in reader.values.items()),
        tuple((path, mark[1]) for path, mark in reader.keys.items()),
        tuple(reader.numbers.items()),
        type(data) if flat else deepcopy,
    )


class _Reader:
    """Reads one value written on a line, recording the positions and numbers of its parts."""

    __slots__ = ("keys", "numbers", "tags", "values")

    def __init__(self) -> None:
        self.values: dict[JsonPath, Mark] = {}
        self.keys: dict[JsonPath, Mark] = {}
        self.numbers: dict[JsonPath, str] = {}
        self.tags = plain_tag

    def value(self, rest: str, line: int, column: int, path: JsonPath, depth: int) -> Any:
        """A value written on one line in block context, from `rest` (which starts at `column`, 0-based)."""
        first = rest[0]
        if first == '"' or first == "'":
            end = rest.find(first, 1)
            if end < 0:
                raise _Unusual
            text = rest[1:end]
            if (first == '"' and "\\" in text) or (first == "'" and rest[end + 1 : end + 2] == "'"):
                raise _Unusual
            _nothing_after(rest, end + 1)
            self.values[path] = (line, column + 1)
            return text
        if first == "[" or first == "{":
            data, end = self.flow(rest, 0, line, column, path, depth + 1)
            _nothing_after(rest, end)
            return data
        if first in _NOT_PLAIN_START or (first in "-?:" and (len(rest) == 1 or rest[1] == " ")):
            raise _Unusual
        cut = rest.find(" #")
        text = (rest if cut < 0 else rest[:cut]).rstrip(" ")
        if ": " in text or text.endswith(":"):
            raise _Unusual
        self.values[path] = (line, column + 1)
        return self.plain(text, path)

    def plain(self, text: str, path: JsonPath) -> Any:
        """A plain scalar's value, typed as the full reader types it."""
        tag = self.tags(text)
        if tag == _STR:
            return text
        if tag == _INT or tag == _FLOAT:
            if ":" in text:
                return text  # YAML 1.1's base-60 number: text, as the full reader reads it
            if not _PLAIN_NUMBER(text):
                raise _Unusual  # 010, 0x1F, 1_000, .inf: the full reader says why not
            self.numbers[path] = text
            return int(text) if tag == _INT and not _FRACTIONAL(text) else float(text)
        if tag == _NULL:
            return None
        if tag == _BOOL:
            meaning = _BOOL_VALUES.get(text.lower())
            if meaning is None:
                raise _Unusual
            return meaning
        raise _Unusual

    def flow(self, text: str, at: int, line: int, column: int, path: JsonPath, depth: int) -> tuple[Any, int]:
        """A flow collection opening at `text[at]`, all on this line: (its value, the index after it)."""
        if depth >= _MAX_DEPTH:
            raise _Unusual
        self.values[path] = (line, column + at + 1)
        size = len(text)
        index = at + 1
        while index < size and text[index] == " ":
            index += 1
        if text[at] == "[":
            items: list[Any] = []
            if text[index : index + 1] == "]":
                return items, index + 1
            while True:
                item, index = self.flow_node(text, index, line, column, (*path, len(items)), depth)
                items.append(item)
                index = _skip(text, index)
                mark = text[index : index + 1]
                if mark == "]":
                    return items, index + 1
                if mark != ",":
                    raise _Unusual
                index = _skip(text, index + 1)
                if text[index : index + 1] in ("]", ""):
                    raise _Unusual  # a trailing comma
        mapping: dict[str, Any] = {}
        if text[index : index + 1] == "}":
            return mapping, index + 1
        while True:
            found = _FLOW_KEY(text, index)
            if found is None:
                raise _Unusual
            key = found.group(1)
            if key in mapping or self.tags(key) != _STR:
                raise _Unusual
            key_path = (*path, key)
            self.keys[key_path] = (line, column + index + 1)
            mapping[key], index = self.flow_node(text, found.end(), line, column, key_path, depth)
            index = _skip(text, index)
            mark = text[index : index + 1]
            if mark == "}":
                return mapping, index + 1
            if mark != ",":
                raise _Unusual
            index = _skip(text, index + 1)

    def flow_node(self, text: str, at: int, line: int, column: int, path: JsonPath, depth: int) -> tuple[Any, int]:
        first = text[at : at + 1]
        if first == '"' or first == "'":
            end = text.find(first, at + 1)
            if end < 0:
                raise _Unusual
            value = text[at + 1 : end]
            if (first == '"' and "\\" in value) or (first == "'" and text[end + 1 : end + 2] == "'"):
                raise _Unusual
            self.values[path] = (line, column + at + 1)
            return value, end + 1
        if first == "[" or first == "{":
            return self.flow(text, at, line, column, path, depth + 1)
        found = _FLOW_PLAIN(text, at)
        if found is None:
            raise _Unusual
        end = found.end()
        if text[end : end + 1] not in (",", "]", "}", ""):
            raise _Unusual
        value = found.group().rstrip(" ")
        if value[0] == "-" and (len(value) == 1 or value[1] == " "):
            raise _Unusual
        self.values[path] = (line, column + at + 1)
        return self.plain(value, path), end


def _skip(text: str, index: int) -> int:
    while text[index : index + 1] == " ":
        index += 1
    return index


def _nothing_after(text: str, index: int) -> None:
    """Only spaces, or spaces and a comment, may follow a quoted or flow value."""
    rest = text[index:]
    if rest and rest.strip(" ") and not (rest[0] == " " and rest.lstrip(" ")[0] == "#"):
        raise _Unusual


_FLOAT = f"{_CORE}float"

# YAML 1.1's implicit types as PyYAML's resolver decides them (yaml/resolver.py, MIT licence):
# the same patterns, for the same first characters, tried in the same order; the timestamp left
# out, as the full reader leaves it out (a date written plainly is text). Kept here so that a plan
# is read without importing yaml; tests/test_plainyaml.py compares them with yaml's own.
_IMPLICIT: list[tuple[str, str, int, str]] = [
    (
        _BOOL,
        r"""^(?:yes|Yes|YES|no|No|NO
                    |true|True|TRUE|false|False|FALSE
                    |on|On|ON|off|Off|OFF)$""",
        re.X,
        "yYnNtTfFoO",
    ),
    (
        _FLOAT,
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$""",
        re.X,
        "-+0123456789.",
    ),
    (
        _INT,
        r"""^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
        re.X,
        "-+0123456789",
    ),
    (f"{_CORE}merge", r"^(?:<<)$", 0, "<"),
    (
        _NULL,
        r"""^(?: ~
                    |null|Null|NULL
                    | )$""",
        re.X,
        "~nN",  # and the empty text
    ),
    (f"{_CORE}value", r"^(?:=)$", 0, "="),
    (f"{_CORE}yaml", r"^(?:!|&|\*)$", 0, "!&*"),
]
_BOOL_VALUES = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}  # SafeConstructor's
_RESOLVERS: dict[str, list[tuple[str, Any]]] = {}


def implicit_resolvers() -> dict[str, list[tuple[str, Any]]]:
    """First character (or "" for the empty text) -> [(tag, compiled pattern)], in the order they are tried."""
    if not _RESOLVERS:
        table: dict[str, list[tuple[str, Any]]] = {}
        for tag, pattern, flags, firsts in _IMPLICIT:
            compiled = regex(pattern, flags)
            for first in [*firsts, ""] if tag == _NULL else firsts:
                table.setdefault(first, []).append((tag, compiled))
        _RESOLVERS.update(table)
    return _RESOLVERS


def plain_tag(text: str) -> str:
    """The implicit tag of a plain scalar, as the full reader resolves it (and remembered alike)."""
    tag = _RESOLVED.get(text)
    if tag is None:
        tag = _STR
        for candidate, pattern in implicit_resolvers().get(text[:1], ()):
            if pattern.match(text):
                tag = candidate
                break
        if len(_RESOLVED) < _RESOLVED_KEPT:
            _RESOLVED[text] = tag
    return tag
_PLAIN_NUMBER = _PLAIN_NUMBER_PATTERN.fullmatch
