"""Where a report goes and how it looks there: -o FILE (never overwriting without --force), colour, progress.

A report written with `-o FILE` goes to a temporary file beside it, moved into
place only when the report is complete: an interrupted run leaves no half
report, and an existing file is replaced only with --force.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from compliance.errors import InputError


def use_colour(choice: str, to_file: bool) -> bool:
    """--color always|never|auto: auto colours a terminal unless NO_COLOR is set (https://no-color.org)."""
    if choice == "always":
        return True
    if choice == "never" or to_file or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


class _Echo:
    """A text stream over click.echo (so CliRunner captures it and colour is kept or stripped as asked)."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def write(self, text: str) -> int:
        click.echo(text, nl=False, color=self.colour)
        return len(text)

    def flush(self) -> None:
        sys.stdout.flush()


def check_destination(output: str | None, force: bool, binary: bool, format_name: str) -> None:
    """Refuse before any work: a binary format to the terminal, or an existing file without --force."""
    from compliance.messages import text

    if output is None:
        if binary:
            raise InputError.single(
                "--format " + format_name,
                text("cli.binary-to-terminal", format=format_name),
                hint=text("cli.binary-to-terminal-hint", format=format_name),
            )
        return
    path = Path(output)
    if path.is_dir():
        raise InputError.single(output, text("cli.output-is-folder"), hint=text("cli.output-is-folder-hint"))
    if path.exists() and not force:
        raise InputError.single(output, text("cli.output-exists"), hint=text("cli.output-exists-hint"))
    if not path.parent.exists():
        raise InputError.single(output, text("cli.output-no-folder", folder=path.parent), hint=text("cli.output-no-folder-hint"))


@contextmanager
def destination(output: str | None, binary: bool, colour: bool) -> Iterator[IO[Any]]:
    """The stream a report is written to: stdout, or a temporary file moved to `output` once complete."""
    if output is None:
        yield _Echo(colour)  # type: ignore[misc]
        return
    import tempfile

    path = Path(output)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        if binary:
            with os.fdopen(handle, "wb") as stream:
                yield stream
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                yield stream
        os.chmod(temporary, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class Progress:
    """`[3/14] plans/xinping.yaml` on stderr, rewritten in place, for a batch on a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.done = 0
        self._width = 0

    def step(self, label: str) -> None:
        if not self.enabled:
            return
        self.done += 1
        text = f"[{self.done}/{self.total}] {label}"
        self._width = max(self._width, len(text))
        click.echo("\r" + text.ljust(self._width), nl=False, err=True)

    def clear(self) -> None:
        if self.enabled and self._width:
            click.echo("\r" + " " * self._width + "\r", nl=False, err=True)
            self._width = 0


def progress_wanted(inputs: int, to_file: bool) -> bool:
    """A progress line on a terminal, for more than a few inputs, when the report is not itself on that terminal."""
    from compliance.report.summary import report_settings

    if inputs <= int(report_settings().get("progress_after", 3)):
        return False
    if not sys.stderr.isatty():
        return False
    return to_file or not sys.stdout.isatty()
