"""Reading YAML (and strict JSON) with the position of every value, refusing what a plan writer never means.

PyYAML's parser (libyaml, in C) gives a stream of events, each with its line
and column; `_Builder` makes plain dicts and lists from them in one pass, with
no recursion, and keeps the positions on the side, so that a schema error
found at `$.targets[3].target.op` can be shown as `file:41:9`. Building from
the events (rather than a composed node tree) is what lets it refuse, at
their position and before they cost memory:

- aliases (`*name`) that repeat more values than a plan file ever needs (an
  "alias bomb": a 1 KB file expanding to gigabytes), aliases to an undefined
  anchor or to the value they stand in;
- nesting deeper than any plan file (a file of ten thousand `[`);
- any tag but the core ones (`!!python/object…`, `!!binary`, `!foo`, an
  explicit `!!timestamp`), on scalars and collections alike;
- numbers in forms YAML 1.1 reads differently from what a writer means:
  `010` (octal 8), `0x1F`, `0b11`, `1_000`, `.inf`, `.nan`. A date written
  plainly (2021-06-30) is text, as in YAML 1.2; `1:30` is text too (YAML 1.1
  would read the base-60 number 90).

The plain block YAML plan files are written in is read first by a faster
reader of that subset alone (`compliance.loading.plainyaml`), which gives the
same data and positions, and gives up on anything else: this builder then reads
the file, with all its refusals.

A `.json` file is read as JSON: strict syntax (json.loads decides), JSON's
literals only (no NaN, Infinity, single quotes or comments), duplicate keys refused.

Each number keeps the text it was written with (`YamlDocument.numbers`), so
that a value such as 0.1234567 is read exactly, never through a float.
Text encodings are detected (UTF-8 with or without BOM, UTF-16 with a BOM,
GBK/GB18030); a file that decodes in none says where its first bad byte is.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compliance.errors import InputError, Problem
from compliance.compiled import regex

JsonPath = tuple[str | int, ...]
Mark = tuple[int, int]  # 1-based line and column

# A plan file nests five levels deep (targets → entry → target → ratio); the
# catalogue files a little more. Deeper than this is no plan file, and deep
# enough data would exhaust the recursion of the schema validator.
MAX_DEPTH = 32
# Values that aliases may repeat in one file, in all: enough for every sensible
# use of anchors (shared defaults), far too few for an alias bomb.
MAX_ALIAS_VALUES = 10_000

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")} | {"!"}
# What a plain number looks like as a plan writer writes it (and as JSON and YAML 1.2 agree).
_PLAIN_NUMBER = regex(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?")
_JSON_NUMBER = regex(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


def _text(id: str, **params: Any) -> str:
    from compliance.messages import text

    return text(id, **params)


def _parser_words(problem: str, language: str) -> str:
    """The parser's own English problem in the user's language (rules/messages/parsers.zh.yaml)."""
    from compliance.messages.foreign import translated

    return translated("parsers", problem) or _text("yaml.syntax-error", language=language)


class YamlDocument:
    """A parsed file: plain data, and where each value (and each key) was written.

    A plan file read by the fast reader comes with the positions of its sequence items only
    (`items`, a plan's targets: what a valid plan's model asks for); every other position is read
    again from `text` the first time one is asked for (`values`, `keys`), for the problems of a
    file that has some.
    """

    __slots__ = ("_items", "_keys", "_text", "_values", "data", "file", "numbers")

    def __init__(
        self,
        file: str,
        data: Any,
        values: dict[JsonPath, Mark] | None = None,
        keys: dict[JsonPath, Mark] | None = None,
        numbers: dict[JsonPath, str] | None = None,  # each number as written: "0.85", "12"
        *,
        items: dict[JsonPath, Mark] | None = None,
        text: str | None = None,
    ) -> None:
        self.file = file
        self.data = data
        self.numbers = {} if numbers is None else numbers
        self._items = items  # with `text`: the positions of the sequence items alone, the rest read on demand
        self._text = text
        self._values = {} if values is None and text is None else values
        self._keys = {} if keys is None and text is None else keys

    def _positions(self) -> None:
        from compliance.loading.plainyaml import read_positions

        self._values, self._keys = read_positions(self._text or "")
        self._text = self._items = None

    @property
    def values(self) -> dict[JsonPath, Mark]:
        if self._values is None:
            self._positions()
        assert self._values is not None
        return self._values

    @property
    def keys(self) -> dict[JsonPath, Mark]:
        if self._keys is None:
            self._positions()
        assert self._keys is not None
        return self._keys

    def position(self, path: JsonPath, at_key: bool = False) -> tuple[int | None, int | None]:
        """1-based (line, column) of the value at `path`, or of its closest parent.

        With `at_key`, the position of the last key itself (for an unknown field).
        """
        if not at_key and self._items is not None:
            mark = self._items.get(path)
            if mark is not None:  # a sequence item's: the same as all the positions would give
                return mark
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
        if line is None:
            line, column = 1, 1  # the file as a whole: its first line
        text = "$" + "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path)
        return Problem(file=self.file, message=message, line=line, column=column, path=text, hint=hint)


# --------------------------------------------------------------------------- bytes to text


def byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as far as the line decodes) of byte `offset`."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


def decode(raw: bytes, file: str, *, second_pass: SecondPass | None = None) -> str:
    """Text from bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else the encoding charset-normalizer detects.

    When the detection finds nothing and `second_pass` is given, it tries again
    with only those encodings and a laxer threshold (a document reader knows
    its documents' languages). A file that decodes in no encoding says where its
    first byte that is not UTF-8 stands, so the user can find it.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        first_bad = error.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
    if b"\x00" in raw[:4096]:
        utf16 = utf16_without_bom(raw)
        if utf16 is not None:
            return utf16
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(raw).best()
    except Exception:  # noqa: BLE001 - detection on garbage must not leak a traceback
        best = None
    if best is None and second_pass is not None:
        text = second_pass.detect(raw)
        if text is not None:
            return text
    if best is None:
        line, column = byte_position(raw, first_bad)
        raise InputError.single(
            file,
            _text("yaml.undecodable", byte=f"0x{raw[first_bad]:02X}", offset=first_bad + 1),  # counted from 1, as a person counts
            line=line,
            column=column,
            hint=_text("yaml.undecodable-hint"),
        )
    return str(best)


@dataclass(frozen=True)
class SecondPass:
    """A second detection for a text the first found no encoding for: a reader that knows its documents' languages.

    Characters that draw a table (┌─┬─┐ │ ├─┼─┤) or stand for masked digits
    (××, ＊＊) are what the library's mess detector counts as chaos, enough to
    give up on a plain GBK text that has many of them (`set_aside`). For each of `encodings` the
    file must decode strictly; the text without those characters is then
    detected again in that encoding, up to `max_chaos`, and kept only when the
    library reads it as one of `languages`. Garbage still fails: it decodes
    strictly in none, or reads as chaos even so.
    """

    encodings: tuple[str, ...]
    set_aside: str  # a regular expression of the characters left out of the second look
    max_chaos: float
    languages: tuple[str, ...]

    def detect(self, raw: bytes) -> str | None:
        from charset_normalizer import from_bytes

        best: tuple[float, str] | None = None
        for encoding in self.encodings:
            try:
                text = raw.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
            rest = re.sub(self.set_aside, "", text).encode(encoding)
            try:
                match = from_bytes(rest, cp_isolation=[encoding], threshold=self.max_chaos).best()
            except Exception:  # noqa: BLE001 - as the first pass
                match = None
            if match is not None and set(match.languages) & set(self.languages):
                if best is None or match.chaos < best[0]:
                    best = (match.chaos, text)
        return best[1] if best else None


def utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text saved without its byte-order mark, or None.

    Its NUL bytes (the high byte of each ASCII character) all stand on one side
    of the two-byte units, which tells the byte order; binary data has NULs on
    both sides. The decoded text must be printable.
    """
    if len(raw) < 2 or len(raw) % 2:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    if (even and odd) or not (even or odd):
        return None
    try:
        text = raw.decode("utf-16-be" if even else "utf-16-le")
    except UnicodeDecodeError:
        return None
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return text if printable >= 0.98 * len(text) else None


def read_text(path: Path | str, *, limit: int | None = None) -> str:
    """The text of a file, read safely (see compliance.files) and decoded."""
    from compliance.files import PLAN_FILE_LIMIT, read_bytes

    file = str(path)
    return decode(read_bytes(path, limit=limit or PLAN_FILE_LIMIT), file)


# --------------------------------------------------------------------------- events to data


class _Frame:
    """A mapping or sequence being built: its path, its value so far, what it still waits for."""

    __slots__ = ("anchor", "is_map", "key", "key_mark", "mark", "merges", "path", "size", "value")

    def __init__(self, value: dict[Any, Any] | list[Any], path: JsonPath, mark: Mark, anchor: str | None) -> None:
        self.value = value
        self.is_map = type(value) is dict
        self.path = path
        self.mark = mark
        self.anchor = anchor
        self.size = 1
        self.key: Any = _NO_KEY
        self.key_mark: Mark = mark
        self.merges: list[tuple[Any, Mark]] = []


_NO_KEY = object()
_IN_PROGRESS = object()
_MERGE = object()  # the key << of a merge


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


class _Builder:
    """Plain data from the parser's events, with positions, every refusal positioned (see the module)."""

    def __init__(self, document: YamlDocument, text: str, language: str) -> None:
        import yaml

        self.yaml = yaml
        self.document = document
        self.text = text
        self.json = language == "JSON"
        self.language = language
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.repeated = 0
        self.resolver = _resolver()

    def error(self, mark: Mark, id: str, hint: str | None = None, **params: Any) -> InputError:
        message = _text("yaml.not-valid", language=self.language, problem=_text(f"yaml.{id}", **params))
        return InputError(
            [
                Problem(
                    file=self.document.file,
                    message=message,
                    line=mark[0],
                    column=mark[1],
                    hint=hint or _text(f"yaml.{id}-hint", **params),
                )
            ]
        )

    def build(self) -> Any:
        """The data of the events, in one pass.

        A plan file is mostly plain keys and text values: those are handled in the loop
        itself, without a method call each (the loop is most of the time a load takes);
        every other event goes through the methods below, which also make every refusal.
        """
        yaml = self.yaml
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(self.text)
        stack: list[_Frame] = []
        result: Any = None
        documents = 0
        values, keys, numbers = self.document.values, self.document.keys, self.document.numbers
        resolved, number_tags, plain_number = _RESOLVED, _NUMBER_TAGS, _PLAIN_NUMBER.fullmatch
        scalar_event, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end, alias_event = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.AliasEvent
        plain_yaml = not self.json
        next_event = loader.get_event  # None after the stream's end
        try:
            while (event := next_event()) is not None:
                start = event.start_mark
                mark = (start.line + 1, start.column + 1)
                kind = type(event)
                if kind is scalar_event:
                    if plain_yaml and stack and event.tag is None and event.anchor is None:
                        text = event.value
                        if event.implicit[0]:
                            tag = resolved.get(text) or self._resolve(text, event.implicit)
                        else:
                            tag = _STR
                        if tag in number_tags and stack[-1].key is not _NO_KEY and ":" not in text:
                            # a number as a mapping's value (target values, years): read here, as _scalar would
                            written = text.strip()
                            frame = stack[-1]
                            if frame.is_map and frame.key is not _MERGE and plain_number(written):
                                key = frame.key
                                path = (*frame.path, key)
                                values[path] = mark
                                numbers[path] = written
                                frame.value[key] = (  # type: ignore[index]
                                    int(written) if tag == _INT and not _FRACTIONAL(written) else float(written)
                                )
                                frame.size += 1
                                frame.key = _NO_KEY
                                continue
                        if tag == _STR:  # text: as a key, a mapping's value or an item
                            frame = stack[-1]
                            if not frame.is_map:
                                items = frame.value
                                values[(*frame.path, len(items))] = mark
                                items.append(text)
                                frame.size += 1
                                continue
                            key = frame.key
                            if key is _NO_KEY:
                                if text in frame.value:
                                    raise self.error(mark, "duplicate-key", key=text)
                                frame.key, frame.key_mark = text, mark
                                keys[(*frame.path, text)] = mark
                                continue
                            if key is not _MERGE:
                                values[(*frame.path, key)] = mark
                                frame.value[key] = text  # type: ignore[index]
                                frame.size += 1
                                frame.key = _NO_KEY
                                continue
                    value = self._scalar_event(stack, event, mark)
                    if not stack:
                        result = value
                    continue
                if kind is mapping_start or kind is sequence_start:
                    self._check_tag(event.tag, mark)
                    if len(stack) >= MAX_DEPTH:
                        raise self.error(mark, "too-deep", depth=MAX_DEPTH)
                    path = self._child_path(stack, mark)
                    values[path] = mark
                    if event.anchor:
                        self.anchors[event.anchor] = (_IN_PROGRESS, 0)
                    stack.append(_Frame({} if kind is mapping_start else [], path, mark, event.anchor))
                    continue
                if kind is mapping_end or kind is sequence_end:
                    frame = stack.pop()
                    done = self._merged(frame) if frame.is_map else frame.value
                    if frame.anchor:
                        self.anchors[frame.anchor] = (done, frame.size)
                    if not stack:
                        result = done
                    else:
                        self._attach(stack, done, frame.size, frame.mark)
                    continue
                if kind is alias_event:
                    value, size = self._alias(event.anchor, mark)
                    if stack and stack[-1].key is _NO_KEY and stack[-1].is_map:
                        raise self.error(mark, "bad-key")
                    if not stack:
                        result = value
                    else:
                        values[self._child_path(stack, mark)] = mark
                        self._attach(stack, value, size, mark)
                    continue
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise self.error(mark, "two-documents")
                # the stream's start and end, a document's end: nothing to build
        finally:
            loader.dispose()
        return result

    def _resolve(self, text: str, implicit: tuple[bool, bool]) -> str:
        """The implicit tag of a plain scalar (the same for the same text, so remembered)."""
        tag: str = self.resolver.resolve(self.yaml.ScalarNode, text, implicit)
        if len(_RESOLVED) < _RESOLVED_KEPT:
            _RESOLVED[text] = tag
        return tag

    def _scalar_event(self, stack: list[_Frame], event: Any, mark: Mark) -> Any:
        """Any scalar: a key, a value or item, or the whole document; its value."""
        is_key = bool(stack) and stack[-1].is_map and stack[-1].key is _NO_KEY
        value, number = self._scalar(event, mark, is_key)
        if is_key:
            self._set_key(stack[-1], value, mark)
            return value
        if stack:
            path = self._child_path(stack, mark)
            self.document.values[path] = mark
            if number is not None:
                self.document.numbers[path] = number
            self._attach(stack, value, 1, mark)
        else:
            self.document.values[()] = mark
            if number is not None:
                self.document.numbers[()] = number
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        return value

    # ---- structure

    def _child_path(self, stack: list[_Frame], mark: Mark) -> JsonPath:
        if not stack:
            return ()
        parent = stack[-1]
        if isinstance(parent.value, list):
            return (*parent.path, len(parent.value))
        if parent.key is _NO_KEY:
            raise self.error(mark, "bad-key")
        return (*parent.path, "<<" if parent.key is _MERGE else parent.key)

    def _set_key(self, frame: _Frame, key: Any, mark: Mark) -> None:
        if key is _MERGE:
            frame.key, frame.key_mark = _MERGE, mark
            return
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise self.error(mark, "bad-key")
        assert isinstance(frame.value, dict)
        if key in frame.value:
            raise self.error(mark, "duplicate-key", key=key)
        frame.key, frame.key_mark = key, mark
        self.document.keys[(*frame.path, key)] = mark

    def _attach(self, stack: list[_Frame], value: Any, size: int, mark: Mark) -> None:
        parent = stack[-1]
        parent.size += size
        if isinstance(parent.value, list):
            parent.value.append(value)
            return
        if parent.key is _MERGE:
            parent.merges.append((value, mark))
        else:
            parent.value[parent.key] = value
        parent.key = _NO_KEY

    def _merged(self, frame: _Frame) -> dict[Any, Any]:
        """A mapping with its merge keys (<<: *defaults) applied: its own entries win, then the first merged."""
        if not frame.merges:
            assert isinstance(frame.value, dict)
            return frame.value
        merged: dict[Any, Any] = {}
        for value, mark in reversed(frame.merges):
            sources = value if isinstance(value, list) else [value]
            for source in reversed(sources):
                if not isinstance(source, dict):
                    raise self.error(mark, "bad-merge")
                merged.update(source)
        for key in frame.value:
            merged.pop(key, None)
        merged.update(frame.value)
        return merged

    def _alias(self, anchor: str, mark: Mark) -> tuple[Any, int]:
        if anchor not in self.anchors:
            raise self.error(mark, "unknown-alias", anchor=anchor)
        value, size = self.anchors[anchor]
        if value is _IN_PROGRESS:
            raise self.error(mark, "recursive-alias", anchor=anchor)
        self.repeated += size
        if self.repeated > MAX_ALIAS_VALUES:
            raise self.error(mark, "alias-bomb", limit=MAX_ALIAS_VALUES)
        return deepcopy(value), size

    # ---- scalars

    def _check_tag(self, tag: str | None, mark: Mark) -> None:
        if tag is not None and tag not in _ALLOWED_TAGS:
            raise self.error(mark, "tag", tag=_short_tag(tag))

    def _scalar(self, event: Any, mark: Mark, is_key: bool) -> tuple[Any, str | None]:
        """The value of a scalar and, for a number, its text as written."""
        tag = event.tag
        self._check_tag(tag, mark)
        if self.json:
            return self._json_scalar(event.value, not event.style, mark)
        if tag is None:
            if event.implicit[0]:  # plain: its type by the implicit resolvers, the same for the same text
                tag = _RESOLVED.get(event.value) or self._resolve(event.value, event.implicit)
            else:
                tag = _STR
        if tag == "!":
            tag = _STR
        value = event.value
        if tag == _MERGE_TAG:
            if is_key:
                return _MERGE, None
            tag = _STR
        if tag == _STR:
            return value, None
        if tag in _NUMBER_TAGS and event.tag is None and ":" in value:
            return value, None  # 1:30 is YAML 1.1's base-60 number 90; to YAML 1.2 and to a writer, text
        if tag == _NULL:
            return None, None
        if tag == _BOOL:
            from yaml.constructor import SafeConstructor

            meaning = SafeConstructor.bool_values.get(value.lower())
            if meaning is None:
                raise self.error(mark, "not-bool", value=value)
            return meaning, None
        return self._number(value, tag == f"{_CORE}int", mark), value.strip()

    def _number(self, written: str, whole: bool, mark: Mark) -> int | float:
        text = written.strip()
        if not _PLAIN_NUMBER.fullmatch(text):
            folded = text.lower().lstrip("+-")
            if folded in (".inf", ".nan"):
                raise self.error(mark, "not-finite", value=text)
            if folded.startswith("0x"):
                raise self.error(mark, "hexadecimal", value=text, decimal=int(folded, 16))
            if folded.startswith("0b"):
                raise self.error(mark, "binary", value=text)
            if "_" in text:
                raise self.error(mark, "underscore", value=text, plain=text.replace("_", ""))
            if re.fullmatch(r"[-+]?0[0-9_]+(?:\.[0-9_]*)?", text):
                raise self.error(mark, "leading-zero", value=text, plain=text.lstrip("+-").lstrip("0") or "0")
            raise self.error(mark, "not-a-number", value=text)
        if whole and not _FRACTIONAL(text):
            return int(text)
        return float(text)

    def _json_scalar(self, value: str, plain: bool, mark: Mark) -> tuple[Any, str | None]:
        if not plain:
            return value, None
        literals = {"true": True, "false": False, "null": None}
        if value in literals:
            return literals[value], None
        if _JSON_NUMBER.fullmatch(value):
            return (float(value) if re.search(r"[.eE]", value) else int(value)), value
        if value.lstrip("-") in ("NaN", "Infinity"):
            raise self.error(mark, "not-finite", value=value)
        raise self.error(mark, "json-literal", value=value)


_RESOLVER: Any = None
_STR, _NULL, _BOOL, _MERGE_TAG = f"{_CORE}str", f"{_CORE}null", f"{_CORE}bool", f"{_CORE}merge"
_INT = f"{_CORE}int"
_NUMBER_TAGS = (_INT, f"{_CORE}float")
_FRACTIONAL = re.compile(r"[.eE]").search  # a number written with a point or an exponent is read as a float
_RESOLVED: dict[str, str] = {}  # plain scalar text -> its implicit tag (keys and words repeat from file to file)
_RESOLVED_KEPT = 50_000


def _resolver() -> Any:
    """YAML 1.1's implicit types without the timestamp: a date written plainly stays text, as in YAML 1.2."""
    global _RESOLVER
    if _RESOLVER is None:
        import yaml

        class Resolver(yaml.resolver.Resolver):
            pass

        Resolver.yaml_implicit_resolvers = {
            first: [(tag, pattern) for tag, pattern in entries if tag != f"{_CORE}timestamp"]
            for first, entries in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
        }
        _RESOLVER = Resolver()
    return _RESOLVER


# Characters YAML does not allow in a document (libyaml reports byte offsets; we want characters).
# (the complement of [\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff], written
# as the few characters it holds, which compiles in a twentieth of the time; compiled only for the error)
_FORBIDDEN = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"


def _position(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _strict_json(text: str, file: str) -> None:
    """JSON syntax as JSON defines it (json.loads decides); InputError at the first place it breaks."""
    import json

    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError.single(
            file,
            _text("yaml.not-valid", language="JSON", problem=_parser_words(error.msg, "JSON")),
            line=error.lineno,
            column=error.colno,
            hint=_text("yaml.json-syntax-hint"),
        ) from None
    except RecursionError:
        pass  # too deep: the event builder says where


def parse_yaml(text: str, file: str) -> YamlDocument:
    """Parse YAML or (for a .json file) JSON text; every problem an InputError with its position."""
    language = "JSON" if file.lower().endswith(".json") else "YAML"
    if language == "YAML":
        from compliance.loading.plainyaml import read_plain

        # the plain block YAML of plan files, read fast (without yaml); None otherwise
        plain = read_plain(text, positions=False)
        if plain is not None:
            data, items, _, numbers = plain
            return YamlDocument(file=file, data=data, numbers=numbers, items=items, text=text)
    import yaml

    document = YamlDocument(file=file, data=None)
    if language == "JSON":
        _strict_json(text, file)
    try:
        document.data = _Builder(document, text, language).build()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = (error.problem or error.context or "syntax error").strip().replace("\n", " ")
        hint = _text("yaml.syntax-hint")
        if "nesting depth" not in problem:
            problem = _parser_words(problem, language)
        else:  # libyaml's own limit on [ and { (deeper than ours, reached first in flow)
            problem, hint = _text("yaml.too-deep", depth=MAX_DEPTH), _text("yaml.too-deep-hint")
        raise InputError(
            [
                Problem(
                    file=file,
                    message=_text("yaml.not-valid", language=language, problem=problem),
                    line=mark.line + 1 if mark else 1,
                    column=mark.column + 1 if mark else 1,
                    hint=hint,
                )
            ]
        ) from None
    except yaml.reader.ReaderError:
        found = re.search(_FORBIDDEN, text)
        line, column = _position(text, found.start() if found else 0)
        raise InputError.single(
            file,
            _text("yaml.not-valid", language=language, problem=_text("yaml.control-character")),
            line=line,
            column=column,
            hint=_text("yaml.control-character-hint"),
        ) from None
    except yaml.YAMLError as error:
        raise InputError.single(
            file,
            _text("yaml.not-valid", language=language, problem=_parser_words(str(error), language)),
            line=1,
            column=1,
            hint=_text("yaml.syntax-hint"),
        ) from None
    return document


def read_yaml(path: Path | str) -> YamlDocument:
    return parse_yaml(read_text(path), str(path))


_SHARED: dict[tuple[str, int, int, int], YamlDocument] = {}


def read_shared_yaml(path: Path | str) -> YamlDocument:
    """A rules file that several parts read (phrases.yaml: the vocabulary, the naming rules,
    the wholes), parsed once per process until the file changes. The document is shared:
    read it, never change it."""
    import os

    try:
        info = os.stat(path)
    except OSError:
        return read_yaml(path)  # says what is wrong, as for any file
    stamp = (str(path), info.st_size, info.st_mtime_ns, info.st_ino)
    document = _SHARED.get(stamp)
    if document is None:
        document = _SHARED[stamp] = read_yaml(path)
    return document
