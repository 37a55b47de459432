"""Compiled forms that are the same every run, kept between runs: regular expressions' code, dataclasses' methods.

A cold `compliance check` used to spend a fifth of its CPU time making again
what the previous run had made:

- the methods `dataclasses` writes for each of our hundred-odd dataclasses
  (`__init__`, `__repr__`, `__eq__`…): it writes their Python source and
  compiles it, one function at a time, at import;
- the code of our regular expressions: `re` compiles a pattern in Python, and
  one with a CJK class (`[\\u4e00-\\u9fff]`) fills a 65,536-entry map one code
  point at a time (1–2 ms each; a document's check compiles about 300).

Both are kept in one file of the cache folder (`compliance.cache.cache_dir`;
`COMPLIANCE_NO_CACHE=1` turns it off), named for the exact Python build (its
version string, bytecode tag, marshal version and regular-expression engine),
read once with `marshal` and written back at exit when something new was made.
A file that is missing, damaged or of another build is ignored.

Why this is safe — nothing is ever taken on trust from the file but what the
same build made of the same text:

- a regular expression's entry is keyed by its exact source and flags, and is
  kept only once the pattern `_sre.compile` builds from it compares equal to
  the one `re.compile` made (CPython compares a pattern's flags, source and
  whole code) with the same groups; any failure → `re.compile`;
- a dataclass method's entry is keyed by the exact source `dataclasses`
  wrote, and holds what `compile()` makes of that source with the flags
  `dataclasses`' own `exec` would use; only compliance's own classes go
  through it (others' dataclasses are left alone). It works through the one
  name `dataclasses` calls (`exec`), so no copy of its code is kept here.

`re._compiler`, `re._parser` and `_sre` are CPython internals: the build's
name in the file name keeps entries of one build from another, and any
surprise falls back to the public API (tests/test_compiled.py proves both
ways give the same patterns and the same methods).
"""

from __future__ import annotations

import _sre
import array
import builtins
import marshal
import os
import re
import sys
from typing import Any

_compile = re.compile  # re's own, whoever stands in for it while a module is imported (`import_kept`)
_CAP = 6000  # entries of each kind kept: beyond, only those this process used (edited rules make new patterns)


class _Store:
    """The entries read from the file, the new ones, and which were used (for pruning)."""

    def __init__(self) -> None:
        self.patterns: dict[tuple[str | bytes, int], tuple[Any, ...]] = {}
        self.functions: dict[str, Any] = {}
        self.used: set[Any] = set()
        self.dirty = False
        self.path: str | None = None
        self.pid = os.getpid()
        self._read()

    def _read(self) -> None:
        try:
            from compliance.cache import cache_dir

            folder = cache_dir()
            if folder is None:
                return
            self.path = os.path.join(folder, f"compiled-{_build_tag()}.marshal")
            with open(self.path, "rb") as handle:
                data = marshal.loads(handle.read())
            patterns, functions = data["re"], data["fn"]
            if isinstance(patterns, dict) and isinstance(functions, dict):
                self.patterns, self.functions = patterns, functions
        except Exception:  # noqa: BLE001 - missing, damaged or foreign: start empty
            self.patterns, self.functions = {}, {}

    def write(self) -> None:
        """The entries back to the file, whole, renamed into place (parallel runs never read half a file)."""
        if not self.dirty or self.path is None or os.getpid() != self.pid:  # a forked worker leaves it to its parent
            return
        try:
            import tempfile

            patterns = {key: _packed(entry) for key, entry in self._pruned(self.patterns).items()}
            functions = {
                source: code if isinstance(code, bytes) else marshal.dumps(code)
                for source, code in self._pruned(self.functions).items()
            }
            data = marshal.dumps({"re": patterns, "fn": functions})
            folder = os.path.dirname(self.path)
            os.makedirs(folder, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".compiled-", suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, self.path)
            self.dirty = False
        except Exception:  # noqa: BLE001 - a cache that cannot be written is no error
            return

    def _pruned(self, entries: dict[Any, Any]) -> dict[Any, Any]:
        if len(entries) <= _CAP:
            return entries
        return {key: value for key, value in entries.items() if key in self.used}


_STORE: _Store | None = None


def _store() -> _Store:
    global _STORE
    if _STORE is None:
        _STORE = _Store()
        import atexit

        atexit.register(_STORE.write)
    return _STORE


_CODE_VERSION = "starts-4, packed"  # what the kept code holds besides re's own (the class of first characters, as
# _with_starts chooses it) and how (bytes): change it with either, as it names the file


def _build_tag() -> str:
    """The exact Python build: entries of one build are never read by another."""
    import hashlib

    import _sre

    build = repr((_CODE_VERSION, sys.version, sys.implementation.cache_tag, marshal.version, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode))
    return hashlib.blake2b(build.encode(), digest_size=10).hexdigest()


def regex(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, its code kept between runs (see the module's docstring)."""
    if not isinstance(source, str):  # a pattern already compiled, bytes: as re.compile does
        return _compile(source, flags)
    store = _store()
    flags = int(flags)  # a RegexFlag is no plain int to marshal
    key = (source, flags)
    entry = store.patterns.get(key)
    if entry is not None:
        try:
            import _sre

            store.used.add(key)
            flags_of, code, *groups = entry
            return _sre.compile(source, flags_of, _unpacked(code), *groups)  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001 - an entry this build cannot use: compiled afresh below
            del store.patterns[key]
    compiled = _compile(source, flags)
    if not flags & (re.LOCALE | re.DEBUG):  # a LOCALE pattern's code depends on the locale of the moment
        made = _made(source, flags)
        if made is not None and _same(made[0], compiled):
            pattern, entry = _with_starts(source, *made)
            store.patterns[key] = entry
            store.used.add(key)
            store.dirty = True
            return pattern
    return compiled


# Each entry of the file holds its code as bytes, unpacked only when used: a marshalled list of ints (a pattern's
# code) or a code object (a method) costs its whole unmarshalling at every start, and the file holds the patterns
# of every command run (a document's check adds a thousand), most of which a plan's check never uses (a few ms
# of a cold check).
_CODE_ITEM = next((kind for kind in "IL" if array.array(kind).itemsize == _sre.CODESIZE), None)


def _packed(entry: tuple[Any, ...]) -> tuple[Any, ...]:
    flags, code, *groups = entry
    if isinstance(code, list) and _CODE_ITEM is not None:
        code = array.array(_CODE_ITEM, code).tobytes()
    return (flags, code, *groups)


def _unpacked(code: Any) -> list[int]:
    if isinstance(code, bytes) and _CODE_ITEM is not None:
        return array.array(_CODE_ITEM, code).tolist()
    return code  # type: ignore[no-any-return]


def _made(source: str, flags: int) -> tuple[re.Pattern[str], tuple[Any, ...], Any] | None:
    """What `re._compiler.compile` hands `_sre.compile`, the pattern built from it and the parsed form; None on any
    surprise."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(source, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, groupindex, tuple(indexgroup))
        return _sre.compile(source, *entry), entry, parsed
    except Exception:  # noqa: BLE001
        return None


# --- where a match can start ----------------------------------------------------------------------------
#
# `re` searches fast only for a pattern that opens with a literal, a character class or a choice of literals:
# the code's INFO block then holds those first characters, and `_sre` skips in C every position where none
# stands. Any other pattern — one opening with a named group, a look-behind, a repeat or a choice of groups
# (unfolding's markers, the footnote marks, the phrase rules' unread numbers) — is tried in full at each
# character of the text: most of an extraction's time (issue 12). `_with_starts` works out from the parsed
# pattern which characters a match can start with and writes them in the INFO block as `re` would write a
# class of first characters. That block only tells `_sre`'s search where it may skip (the match itself is
# the same code), so the matches are the same; a pattern whose first characters cannot be listed exactly
# (it may match the empty string, it starts with any character, a negated class, a back reference, or it
# ignores case) keeps re's own code. tests/test_compiled.py compares both on every pattern and real texts.


class _Unlisted(Exception):
    """The characters a piece of pattern can start with cannot be listed as a class."""


def _firsts(items: Any, lines: bool = False) -> tuple[list[tuple[Any, Any]], bool]:
    """(class items — LITERAL, RANGE, CATEGORY — that a match of this sequence can start with, whether it can match
    the empty string). `lines`: the pattern is MULTILINE (its ^ stands at every line's start)."""
    from re import _constants as c  # type: ignore[attr-defined]

    found: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is c.LITERAL:
            return [*found, (op, av)], False
        if op is c.IN:
            if any(item not in (c.LITERAL, c.RANGE, c.CATEGORY) for item, _ in av):
                raise _Unlisted  # a negated class, a case-folded one
            return [*found, *av], False
        if op is c.AT and (av is c.AT_BEGINNING_STRING or (av is c.AT_BEGINNING and not lines)):
            raise _Unlisted  # ^, \A: re tries the start alone, faster than any class (a (?m)^ is any line's start)
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero-width: the next piece starts at the same place
        if op is c.SUBPATTERN:
            if (av[1] | av[2]) & (re.IGNORECASE | re.LOCALE | re.MULTILINE):  # (?i:…), (?m:…)
                raise _Unlisted
            inner, empty = _firsts(av[3], lines)
        elif op is c.BRANCH:
            inner, empty = [], False
            for alternative in av[1]:
                more, could = _firsts(alternative, lines)
                inner += more
                empty = empty or could
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            inner, empty = _firsts(av[2], lines)
            empty = empty or av[0] == 0
        elif op is c.ATOMIC_GROUP:
            inner, empty = _firsts(av, lines)
        else:  # any character, a character but one, a back reference, a conditional group…
            raise _Unlisted
        found += inner
        if not empty:
            return found, False
    return found, True


def _common(op: Any, av: Any) -> bool:
    """A class item that most characters of a Chinese text are in (a range of ideographs, \\w, a negated category):
    a class holding it would skip no place, and checking it costs more than re's own search."""
    from re import _constants as c  # type: ignore[attr-defined]

    if op is c.RANGE:
        return bool(av[1] - av[0] > 255)
    return op is c.CATEGORY and av not in (c.CATEGORY_DIGIT, c.CATEGORY_SPACE)


def _with_starts(source: str, made: re.Pattern[str], entry: tuple[Any, ...], parsed: Any) -> tuple[re.Pattern[str], tuple[Any, ...]]:
    """The pattern (and its entry) with the class of characters its matches start with in its INFO block, when re
    wrote none and they can be listed; else `made` and `entry` as they are."""
    try:
        import _sre
        from re import _compiler, _constants as c  # type: ignore[attr-defined]

        flags, code, *groups = entry
        # INFO, skip, mask, min, max: no prefix, no class, a match never empty
        if code[0] != c.INFO or code[1] != 4 or code[2] != 0 or code[3] == 0 or flags & (re.IGNORECASE | re.LOCALE):
            return made, entry
        items, empty = _firsts(parsed, bool(flags & re.MULTILINE))
        if empty or not items or any(_common(op, av) for op, av in items):
            return made, entry
        charset, cased = _compiler._optimize_charset(items)
        if cased:
            return made, entry
        info = [int(c.INFO), 0, int(c.SRE_INFO_CHARSET), code[3], code[4]]
        _compiler._compile_charset(charset, flags, info)
        info[1] = len(info) - 1
        started = (flags, [int(op) for op in info] + code[5:], *groups)
        return _sre.compile(source, *started), started
    except Exception:  # noqa: BLE001 - anything unexpected: re's own code
        return made, entry


def _same(made: re.Pattern[str], compiled: re.Pattern[str]) -> bool:
    """Equal as CPython compares patterns (flags, source, whole code), with the same groups."""
    return bool(made == compiled and made.groups == compiled.groups and made.groupindex == compiled.groupindex)


def import_kept(name: str) -> Any:
    """`import name`, the patterns its module compiles at import built from the code kept between runs (`regex`).

    For a standard-library module that compiles long patterns when first
    imported (tomllib: about 9 ms of a cold check, to read a pyproject.toml):
    while it is imported, `re.compile` is `regex`, which makes the very pattern
    `re.compile` would; afterwards `re.compile` is re's own again.
    """
    import importlib

    if name in sys.modules:
        return sys.modules[name]
    if re.compile is not _compile:  # someone else stands in for re.compile: theirs, untouched
        return importlib.import_module(name)
    re.compile = regex  # type: ignore[assignment]
    try:
        return importlib.import_module(name)
    finally:
        re.compile = _compile


# --- dataclasses' methods -------------------------------------------------------------------------------

_OURS = __name__.partition(".")[0] + "."
_DATACLASS_FLAGS = 0  # dataclasses.py has no __future__ import: its exec compiles with no flags


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """`exec` as `dataclasses` calls it, with the code of compliance's own methods kept between runs."""
    if isinstance(source, str) and isinstance(globals, dict) and str(globals.get("__name__", "")).startswith(_OURS):
        store = _store()
        code = store.functions.get(source)
        if isinstance(code, bytes):
            try:
                code = store.functions[source] = marshal.loads(code)
            except Exception:  # noqa: BLE001 - damaged: compiled afresh
                code = None
        if code is None:
            code = builtins.compile(source, "<string>", "exec", flags=_DATACLASS_FLAGS, dont_inherit=True)
            store.functions[source] = code
            store.dirty = True
        store.used.add(source)
        return builtins.exec(code, globals, locals)
    return builtins.exec(source, globals, locals)


def install() -> None:
    """Route the methods `dataclasses` writes for compliance's classes through the kept code (once)."""
    if os.environ.get("COMPLIANCE_NO_CACHE", "").strip() not in ("", "0"):
        return
    import dataclasses

    if "exec" not in vars(dataclasses):  # nobody else put an exec there: the builtin is what dataclasses calls
        dataclasses.exec = _exec  # type: ignore[attr-defined]
