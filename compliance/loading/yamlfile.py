"""Reading YAML (and JSON, a subset of it) with the position of every value.

ruamel.yaml keeps line and column numbers on every mapping and sequence, so a
schema error found at `$.targets[3].target.op` can be shown as `file:41:9`.
Text encodings are detected (UTF-8 with or without BOM, GBK/GB18030).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compliance.errors import InputError, Problem

JsonPath = tuple[str | int, ...]


@dataclass
class YamlDocument:
    """A parsed file: plain-looking data that still knows where each value was written."""

    file: str
    data: Any

    def position(self, path: JsonPath, at_key: bool = False) -> tuple[int | None, int | None]:
        """1-based (line, column) of the value at `path`, or of the closest parent.

        With `at_key`, the position of the last key itself (for an unknown field).
        """
        node = self.data
        line, column = _start(node)
        for depth, key in enumerate(path, start=1):
            if not _contains(node, key):
                break
            value_line, value_column = _child_position(node, key, at_key and depth == len(path))
            node = node[key]
            if value_line is not None:
                line, column = value_line, value_column
        return line, column


def _start(node: Any) -> tuple[int | None, int | None]:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return None, None
    return lc.line + 1, lc.col + 1


def _contains(node: Any, key: str | int) -> bool:
    if isinstance(node, dict):
        return key in node
    if isinstance(node, list) and isinstance(key, int):
        return 0 <= key < len(node)
    return False


def _child_position(node: Any, key: str | int, at_key: bool = False) -> tuple[int | None, int | None]:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        if isinstance(node, dict):
            line, column = lc.key(key) if at_key else lc.value(key)
        else:
            line, column = lc.item(key)
    except (KeyError, IndexError, TypeError, AttributeError):
        return None, None
    return line + 1, column + 1


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


def parse_yaml(text: str, file: str) -> YamlDocument:
    """Parse YAML or JSON text; any syntax error becomes an InputError with its position."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    try:
        data = yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = (error.problem or error.context or "syntax error").strip()
        message = f"not valid YAML: {problem}"
        if "duplicate key" in problem or "found duplicate key" in str(error):
            message = f"not valid YAML: a key appears twice in one mapping ({problem})"
        raise InputError(
            [
                Problem(
                    file=file,
                    message=message,
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                    hint="check indentation, colons and quotes around this place",
                )
            ]
        ) from None
    except YAMLError as error:
        position = getattr(error, "position", None)  # ruamel's ReaderError: a forbidden character
        if isinstance(position, int):
            line = text.count("\n", 0, position) + 1
            column = position - (text.rfind("\n", 0, position) + 1) + 1
            raise InputError(
                [
                    Problem(
                        file=file,
                        message="not valid YAML: the file contains a control character or binary data",
                        line=line,
                        column=column,
                        hint="is this really a YAML or JSON plan file? save it as UTF-8 text",
                    )
                ]
            ) from None
        raise InputError.single(file, f"not valid YAML: {error}") from None
    except RecursionError:
        raise InputError.single(file, "not valid YAML: nested too deeply") from None
    return YamlDocument(file=file, data=data)


def read_yaml(path: Path | str) -> YamlDocument:
    return parse_yaml(read_text(path), str(path))
