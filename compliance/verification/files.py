"""The official document a reference is built from or checked against, and writing files safely.

A document is named in evidence by its file name and its SHA-256, which says
exactly which copy was read (two copies of a plan from two portals differ).
Files are written atomically — a temporary file beside the target, renamed into
place — and never over an existing file without `force`, nor over the document read.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from compliance.errors import InputError


@dataclass(frozen=True)
class OfficialDocument:
    """A copy of an official text: its file name, SHA-256 and, if given, where it was published."""

    path: Path
    sha256: str
    url: str | None = None

    @classmethod
    def of(cls, path: Path | str, url: str | None = None) -> OfficialDocument:
        path = Path(path)
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as error:
            raise InputError.single(str(path), f"cannot read the document: {error.strerror or error}") from None
        return cls(path=path, sha256=digest, url=url or None)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def label(self) -> str:
        """jiaxing.txt (sha256 3f2a…c9): how evidence and disagreements name it."""
        return f"{self.name} (sha256 {self.sha256})"

    @property
    def evidence(self) -> list[str]:
        return [self.label, *([self.url] if self.url else [])]


def write_new(path: Path, text: str, *, force: bool = False, inputs: tuple[Path, ...] = ()) -> None:
    """Write `text` to `path` atomically; an existing file only with `force`, never one of `inputs`."""
    target = path.resolve()
    if any(target == Path(p).resolve() for p in inputs):
        raise InputError.single(str(path), "is the document being read; it was not overwritten", hint="choose another -o")
    if target.exists() and target.is_dir():
        raise InputError.single(str(path), "is a directory", hint="give the name of a file, or a directory with -o DIR")
    if target.exists() and not force:
        raise InputError.single(str(path), "already exists; it was not overwritten", hint="use --force to replace it")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except OSError as error:
        if "temporary" in locals():
            Path(temporary).unlink(missing_ok=True)
        raise InputError.single(str(path), f"cannot write the file: {error.strerror or error}") from None
