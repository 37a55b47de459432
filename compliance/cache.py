"""A content-hashed cache of what is costly to build from the data files and the same every run.

A cold check used to spend most of its time making the same things again: the
unit conversion table (with pint), the validated indicator catalogue, the
gazetteer, the message catalogues, the headers and plans of the bundled
references. `cached(name, sources, build)` keeps what `build()` made in a file
whose name is a hash of:

- the *content* of every source file (a reference plan, an overlay given
  with --rules) and of every file of the bundled rules/: editing one — even
  keeping its size and time — makes a new key, so nobody ever gets stale data
  (within one process a file is hashed again when its size, time or inode
  changes, as any edit does: a check asks for a dozen entries);
- the code of compliance itself (each module's path, size and modification
  time), so a changed loader does not read objects its predecessor made;
- the Python version and `name`.

The cache lives in `COMPLIANCE_CACHE_DIR`, else `$XDG_CACHE_HOME/compliance`,
else `~/.cache/compliance`; `COMPLIANCE_NO_CACHE=1` turns it off. A cache that
cannot be read or written (a read-only home, a damaged file) is never an error:
the thing is built as if there were no cache. Files are written whole and
renamed into place, so parallel runs never read half a file; of an entry's
versions the newest few are kept.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_PACKAGE = Path(__file__).resolve().parent
KEPT = 8  # versions of one entry kept (other overlays, other checkouts)


def cache_dir() -> Path | None:
    """Where entries are kept, or None when caching is off."""
    if os.environ.get("COMPLIANCE_NO_CACHE", "").strip() not in ("", "0"):
        return None
    configured = os.environ.get("COMPLIANCE_CACHE_DIR", "").strip()
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "compliance"


def _walk(folder: Path, suffixes: tuple[str, ...] | None) -> list[tuple[str, os.stat_result]]:
    """(path, stat) of every file below `folder` (of `suffixes`, or any), sorted by path; caches of bytecode skipped.

    os.scandir rather than Path.rglob: a cold check walks the package and rules/ every run.
    """
    found: list[tuple[str, os.stat_result]] = []
    pending = [str(folder)]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir():
                if entry.name != "__pycache__":
                    pending.append(entry.path)
            elif entry.is_file() and (suffixes is None or os.path.splitext(entry.name)[1].lower() in suffixes):
                found.append((entry.path, entry.stat()))
    return sorted(found, key=lambda item: item[0])


@cache
def code_stamp() -> bytes:
    """The code that builds the cached objects: every module and schema of the package (path, size, mtime)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for path, info in _walk(_PACKAGE, (".py", ".json")):
        digest.update(f"{os.path.relpath(path, _PACKAGE)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.digest()


_DIGESTS: dict[tuple[str, int, int, int], bytes] = {}  # (path, size, mtime, inode) -> hash of the content


def _file_digest(path: str, info: os.stat_result | None = None) -> bytes:
    """The hash of a file's content, read again whenever its size, time or inode differ from the last read.

    Every cache entry depends on all of rules/ (half a megabyte): a check asks for
    a dozen entries, which would otherwise read and hash it a dozen times.
    """
    try:
        info = info or os.stat(path)
    except OSError:
        return b"\0missing"
    stamp = (path, info.st_size, info.st_mtime_ns, info.st_ino)
    found = _DIGESTS.get(stamp)
    if found is None:
        try:
            with open(path, "rb") as handle:
                found = hashlib.blake2b(handle.read(), digest_size=20).digest()
        except OSError:
            return b"\0missing"
        _DIGESTS[stamp] = found
    return found


def content_key(name: str, sources: Iterable[Path | str], folders: Iterable[Path] = ()) -> str:
    """The key of `name` built from `sources` and every file below `folders`: their paths and contents, and the code."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(code_stamp())
    digest.update(name.encode())
    every = [(path, info) for folder in folders for path, info in _walk(folder, None)]
    every += [(str(Path(source)), None) for source in sources]
    for path, info in every:
        digest.update(b"\0" + path.encode() + b"\0")
        digest.update(_file_digest(path, info))
    return digest.hexdigest()


def cached(name: str, sources: Iterable[Path | str], build: Callable[[], T]) -> T:
    """What `build()` returns, kept under a key of `sources`' contents; built again when any of them changes.

    `name` is a short file-name-safe label ("units", "catalogue"); `build` must
    return something pickle can keep, and must depend on nothing but `sources`
    and the code (an exception it raises is never cached).
    """
    folder = cache_dir()
    if folder is None:
        return build()
    from compliance.resources import data_dir

    # every entry depends on the whole of the bundled rules/ too: an edit of any rules file rebuilds everything
    key = content_key(name, sources, folders=[data_dir("rules")])
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)  # type: ignore[no-any-return]
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged or foreign entry: build it again
        pass
    value = build()
    _store(folder, name, path, value)
    return value


def _store(folder: Path, name: str, path: Path, value: Any) -> None:
    try:
        import tempfile

        folder.mkdir(parents=True, exist_ok=True)
        data = dumps(value)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
        entries = sorted(folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEPT:]:  # the newest few stay: a project with an overlay and one without alternate
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no error: the next run builds again
        return


def _pattern(pattern: re.Pattern[Any]) -> tuple[Any, tuple[Any, ...]]:
    from compliance.compiled import regex

    return regex, (pattern.pattern, pattern.flags)


def dumps(value: Any) -> bytes:
    """`value` pickled, its regular expressions to be compiled again through `compliance.compiled.regex`.

    pickle keeps a pattern as its source and flags and compiles it again when
    loaded (`re.compile`: 5 ms of a cold check for the rules' patterns); through
    `compliance.compiled` the code kept from the previous run is used, and the
    pattern is the one `re.compile` makes, with the class of characters its
    matches start with (the same matches: compliance.compiled proves it).
    """
    import copyreg
    import io

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dispatch_table[re.Pattern] = _pattern
    pickler.dump(value)
    return buffer.getvalue()


class KeptResults:
    """Results of a pure function of a short text (a sentence's parse), kept between runs.

    A drafter checks a draft, edits a line, checks again: nearly every sentence
    was read last time. `get` answers from the results the previous runs kept
    (read once, on first use, from an entry keyed like `cached`'s: all of
    rules/ and the code, so an edit of either starts afresh); `put` adds one.
    At exit the results this run used, then the newest of the others, are
    written back, at most `limit` of them, so the file stays small however
    many documents pass. The function must depend on nothing but its argument,
    rules/ and the code, and return what pickle keeps; callers keep their own
    in-process memo in front of this one.
    """

    def __init__(self, name: str, limit: int = 3000) -> None:
        self.name, self.limit = name, limit
        self._kept: dict[Any, Any] | None = None  # None: not read yet
        self._used: dict[Any, Any] = {}  # what this run asked for or made, in order
        self._new = False
        self._pid = os.getpid()

    def get(self, key: Any) -> Any | None:
        if self._kept is None:
            self._read()
        assert self._kept is not None
        found = self._kept.get(key)
        if found is not None and len(self._used) < self.limit:
            self._used[key] = found
        return found

    def put(self, key: Any, value: Any) -> None:
        if self._kept is None:
            self._read()
        assert self._kept is not None
        if len(self._used) < self.limit:
            self._kept[key] = self._used[key] = value
            self._new = True

    def peek(self, key: Any) -> Any | None:
        """What this run has kept or read for `key`, without reading the file for it (None if not read yet)."""
        return None if self._kept is None else self._kept.get(key)

    def forget(self) -> None:
        """Behave as if nothing were kept, for the rest of this process (a benchmark reading a 'new' document)."""
        self._kept, self._used, self._new = {}, {}, False

    def _path(self) -> Path | None:
        folder = cache_dir()
        if folder is None:
            return None
        from compliance.resources import data_dir

        return folder / f"{self.name}-{content_key(self.name, (), folders=[data_dir('rules')])}.pickle"

    def _read(self) -> None:
        self._kept = {}
        try:
            path = self._path()
            if path is None:
                return
            with path.open("rb") as handle:
                kept = pickle.load(handle)
            if isinstance(kept, dict):
                self._kept = kept
        except Exception:  # noqa: BLE001 - missing, damaged or foreign: nothing kept
            self._kept = {}
        import atexit

        atexit.register(self._write)

    def _write(self) -> None:
        if not self._new or os.getpid() != self._pid or self._kept is None:  # a forked worker leaves it to its parent
            return
        try:
            path = self._path()
            if path is None:
                return
            kept = dict(self._used)  # this run's first
            for key, value in self._kept.items():  # then the others, newest first (the order they were written in)
                if len(kept) >= self.limit:
                    break
                kept.setdefault(key, value)
            _store(path.parent, self.name, path, kept)
            self._new = False
        except Exception:  # noqa: BLE001 - a cache that cannot be written is no error
            return
