"""The official document a reference is built from or checked against, and writing files safely.

A document is named in evidence by its file name and its SHA-256, which says
exactly which copy was read (two copies of a plan from two portals differ).
Files are written atomically — a temporary file beside the target, renamed into
place — and never over an existing file without `force`, nor over the document read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path



@dataclass(frozen=True)
class OfficialDocument:
    """A copy of an official text: its file name, SHA-256 and, if given, where it was published."""

    path: Path
    sha256: str
    url: str | None = None

    @classmethod
    def of(cls, path: Path | str, url: str | None = None) -> OfficialDocument:
        from compliance.files import read_bytes

        path = Path(path)
        digest = hashlib.sha256(read_bytes(path)).hexdigest()
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
    """Write `text` to `path` atomically; an existing file only with `force`, never one of `inputs` (compliance.files)."""
    from compliance.files import OutputFile

    OutputFile(str(path), force=force, inputs=inputs, make_folder=True).check().write(text)
