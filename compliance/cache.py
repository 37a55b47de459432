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
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
        entries = sorted(folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEPT:]:  # the newest few stay: a project with an overlay and one without alternate
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no error: the next run builds again
        return
