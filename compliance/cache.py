"""A content-hashed cache of what is costly to build from the data files and the same every run.

A cold check used to spend most of its time making the same things again: the
unit conversion table (with pint), the validated indicator catalogue, the
gazetteer, the message catalogues, the headers and plans of the bundled
references. `cached(name, sources, build)` keeps what `build()` made in a file
whose name is a hash of:

- the *content* of every source file (a reference plan, an overlay given
  with --rules) and of every file of the bundled rules/: editing one — even
  keeping its size and time — makes a new key, so nobody ever gets stale data;
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
import tempfile
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


@cache
def code_stamp() -> bytes:
    """The code that builds the cached objects: every module and schema of the package (path, size, mtime)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(sys.version.encode())
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.suffix in (".py", ".json") and p.is_file()):
        info = path.stat()
        digest.update(f"{path.relative_to(_PACKAGE)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.digest()


def content_key(name: str, sources: Iterable[Path | str]) -> str:
    """The key of `name` built from `sources`: a hash of their paths and contents, and of the code."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(code_stamp())
    digest.update(name.encode())
    for source in sources:
        path = Path(source)
        digest.update(b"\0" + str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0missing")
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
    key = content_key(name, [*files_below(data_dir("rules"), None), *sources])
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


def files_below(folder: Path, suffixes: tuple[str, ...] | None = (".yaml", ".yml", ".json")) -> list[Path]:
    """Every data file under `folder` (of any suffix for None), sorted: the sources of what a directory makes."""
    return sorted(
        p for p in folder.rglob("*") if (suffixes is None or p.suffix.lower() in suffixes) and p.is_file()
    )
