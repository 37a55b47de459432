"""Reading YAML (and JSON, a subset of it) with the position of every value.

PyYAML composes a node tree in C (libyaml) where every node carries its line
and column; we build plain dicts and lists from it and keep the positions on
the side, so that a schema error found at `$.targets[3].target.op` can be shown
as `file:41:9`. Text encodings are detected (UTF-8 with or without BOM,
GBK/GB18030).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.errors import InputError, Problem

JsonPath = tuple[str | int, ...]
Mark = tuple[int, int]  # 1-based line and column


@dataclass
class YamlDocument:
    """A parsed file: plain data, and where each value (and each key) was written."""

    file: str
    data: Any
    values: dict[JsonPath, Mark] = field(default_factory=dict)
    keys: dict[JsonPath, Mark] = field(default_factory=dict)

    def position(self, path: JsonPath, at_key: bool = False) -> tuple[int | None, int | None]:
        """1-based (line, column) of the value at `path`, or of its closest parent.

        With `at_key`, the position of the last key itself (for an unknown field).
        """
        if at_key and path in self.keys:
            return self.keys[path]
        for depth in range(len(path), -1, -1):
            mark = self.values.get(path[:depth])
            if mark is not None:
                return mark
        return None, None

    def problem(self, path: JsonPath, message: str, hint: str | None = None, at_key: bool = False) -> Problem:
        """A Problem about the value at `path`, with its position and JSON path."""
        line, column = self.position(path, at_key=at_key)
        text = "$" + "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path)
        return Problem(file=self.file, message=message, line=line, column=column, path=text, hint=hint)


def decode(raw: bytes, file: str) -> str:
    """Text from bytes: UTF-8 (BOM or not), else the encoding charset-normalizer detects."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError.single(
            file,
            "cannot read the file as text in any known encoding",
            hint="save it as UTF-8",
        )
    return str(best)


def read_text(path: Path | str) -> str:
    file = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError.single(file, "no such file") from None
    except IsADirectoryError:
        raise InputError.single(file, "is a directory, not a file") from None
    except OSError as error:
        raise InputError.single(file, f"cannot read the file: {error.strerror}") from None
    return decode(raw, file)


def _mark(node: Any) -> Mark:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Plain data from a PyYAML node tree, recording positions and refusing duplicate keys."""

    def __init__(self, document: YamlDocument) -> None:
        import yaml

        self.document = document
        self.constructor = yaml.constructor.SafeConstructor()
        self.yaml = yaml

    def build(self, node: Any, path: JsonPath) -> Any:
        self.document.values[path] = _mark(node)
        if isinstance(node, self.yaml.MappingNode):
            self.constructor.flatten_mapping(node)  # merge keys (<<: *anchor)
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.constructor.construct_object(key_node, deep=True)
                if not isinstance(key, str | int | float | bool) and key is not None:
                    raise self._error(key_node, "a mapping key must be a plain word or number")
                if key in result:
                    raise self._error(key_node, f"a key appears twice in one mapping ('{key}')")
                child = (*path, key)
                self.document.keys[child] = _mark(key_node)
                result[key] = self.build(value_node, child)
            return result
        if isinstance(node, self.yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node, deep=True)
        except ValueError as error:  # a scalar YAML reads but cannot build, e.g. the date 2025-02-30
            raise self._error(node, str(error)) from None

    def _error(self, node: Any, message: str) -> InputError:
        line, column = _mark(node)
        return InputError(
            [Problem(file=self.document.file, message=f"not valid YAML: {message}", line=line, column=column)]
        )


# Characters YAML does not allow in a document (libyaml reports byte offsets; we want characters).
_FORBIDDEN = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def parse_yaml(text: str, file: str) -> YamlDocument:
    """Parse YAML or JSON text; any syntax error becomes an InputError with its position."""
    import yaml

    language = "JSON" if file.lower().endswith(".json") else "YAML"

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = YamlDocument(file=file, data=None)
    try:
        node = yaml.compose(text, Loader=loader)
        document.data = None if node is None else _Builder(document).build(node, ())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = (error.problem or error.context or "syntax error").strip()
        raise InputError(
            [
                Problem(
                    file=file,
                    message=f"not valid {language}: {problem}",
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                    hint="check indentation, colons and quotes around this place",
                )
            ]
        ) from None
    except yaml.reader.ReaderError:
        found = _FORBIDDEN.search(text)
        position = found.start() if found else 0
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        raise InputError(
            [
                Problem(
                    file=file,
                    message=f"not valid {language}: the file contains a control character or binary data",
                    line=line,
                    column=column,
                    hint="is this really a YAML or JSON plan file? save it as UTF-8 text",
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise InputError.single(file, f"not valid {language}: {error}") from None
    except (RecursionError, ValueError, TypeError, OverflowError) as error:
        raise InputError.single(file, f"not valid {language}: {error}") from None
    return document


def read_yaml(path: Path | str) -> YamlDocument:
    return parse_yaml(read_text(path), str(path))
