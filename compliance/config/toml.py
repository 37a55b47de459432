"""Reading TOML, and — only when something in it is wrong — where each key and value was written.

A configuration file is read with the standard library's `tomllib` (fast, and
always there). Positions are needed only to report a bad key or value, so only
then is the file parsed a second time with tomlkit, whose parser is hooked to
note where each key and value starts. The result has the same interface as the
YAML reader's document (`position`, `problem`), so problems read alike:
`compliance.toml:4:1: $.horizon: …`.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

from compliance.errors import InputError, Problem
from compliance.messages import text

TomlPath = tuple[str | int, ...]
Mark = tuple[int, int]  # 1-based line and column


def read_toml(path: Path) -> dict[str, Any]:
    """The data of a TOML file; InputError with the line and column of a syntax error."""
    from compliance.compiled import import_kept
    from compliance.files import PLAN_FILE_LIMIT, read_bytes

    tomllib = import_kept("tomllib")  # its patterns from the code kept between runs (compliance.compiled)

    try:
        content = read_bytes(path, limit=PLAN_FILE_LIMIT).decode("utf-8-sig")  # a regular file only (a FIFO would hang)
    except UnicodeDecodeError:
        raise InputError.single(str(path), text("config.not-utf8"), hint=text("config.not-utf8-hint")) from None
    try:
        return tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        import re

        message = str(error)
        where = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        raise InputError.single(
            str(path), text("config.bad-toml", reason=reason), line=line, column=column, hint=text("config.bad-toml-hint")
        ) from None


class TomlPositions:
    """Where each key and value of a TOML file was written (computed on first use)."""

    def __init__(self, path: Path, display: str | None = None) -> None:
        self.path = path
        self.display = display or str(path)

    @cached_property
    def marks(self) -> tuple[dict[TomlPath, Mark], dict[TomlPath, Mark]]:
        try:
            return _positions(self.path.read_text(encoding="utf-8-sig"))
        except Exception:  # noqa: BLE001 - positions are a help for a message, never a reason to fail
            return {}, {}

    def position(self, path: TomlPath, at_key: bool = False) -> tuple[int | None, int | None]:
        """1-based (line, column) of the value at `path` (with `at_key`, of its key), or of its closest parent."""
        values, keys = self.marks
        if at_key and path in keys:
            return keys[path]
        for depth in range(len(path), 0, -1):
            mark = values.get(path[:depth]) or keys.get(path[:depth])
            if mark is not None:
                return mark
        return None, None

    def problem(self, path: TomlPath, message: str, hint: str | None = None, at_key: bool = False) -> Problem:
        line, column = self.position(path, at_key=at_key)
        text = "$" + "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path)
        return Problem(file=self.display, message=message, line=line, column=column, path=text, hint=hint)


def _positions(text: str) -> tuple[dict[TomlPath, Mark], dict[TomlPath, Mark]]:
    """(value marks, key marks) by path, from a tomlkit parse whose parser notes where it stands."""
    from tomlkit.items import AoT, Array, InlineTable, Table
    from tomlkit.parser import Parser

    line_starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            line_starts.append(index + 1)

    def mark(offset: int) -> Mark:
        import bisect

        line = bisect.bisect_right(line_starts, offset)
        return line, offset - line_starts[line - 1] + 1

    class NotingParser(Parser):  # type: ignore[misc]
        def _parse_key(self) -> Any:
            start = mark(self._idx)
            key = super()._parse_key()
            for part in (key, *getattr(key, "_keys", ())):
                part.__dict__.setdefault("_compliance_mark", start)
            return key

        def _parse_table(self, *args: Any, **kwargs: Any) -> Any:
            start = mark(self._idx)  # the table's `[`, not its name
            key, table = super()._parse_table(*args, **kwargs)
            key.__dict__["_compliance_mark"] = start
            return key, table

        def _parse_value(self) -> Any:
            start = mark(self._idx)
            item = super()._parse_value()
            try:
                item.__dict__.setdefault("_compliance_mark", start)
            except AttributeError:
                pass
            return item

    values: dict[TomlPath, Mark] = {}
    keys: dict[TomlPath, Mark] = {}

    def noted(thing: Any) -> Mark | None:
        return getattr(thing, "__dict__", {}).get("_compliance_mark")

    def walk(container: Any, path: TomlPath) -> None:
        for key, item in container.body:
            if key is None:
                continue
            here = (*path, key.key)
            if noted(key):
                keys.setdefault(here, noted(key))  # type: ignore[arg-type]
            visit(item, here)

    def visit(item: Any, here: TomlPath) -> None:
        if noted(item):
            values.setdefault(here, noted(item))  # type: ignore[arg-type]
        if isinstance(item, Table | InlineTable):
            walk(item.value, here)
        elif isinstance(item, AoT):
            for index, table in enumerate(item.body):
                walk(table.value, (*here, index))
        elif isinstance(item, Array):
            for index, element in enumerate(item):
                visit(element, (*here, index))

    walk(NotingParser(text).parse(), ())
    return values, keys
