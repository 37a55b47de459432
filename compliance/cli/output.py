"""Where a report goes and how it looks there: -o FILE (never overwriting without --force), colour, progress.

A report written with `-o FILE` goes to a temporary file beside it, moved into
place only when the report is complete: an interrupted run leaves no half
report, and an existing file is replaced only with --force.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
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


def check_destination(
    output: str | None, force: bool, binary: bool, format_name: str, inputs: Iterable[Path | str] = ()
) -> None:
    """Refuse before any work: a binary format to the terminal, or an -o that is unsafe (see compliance.files)."""
    from compliance.files import OutputFile
    from compliance.messages import text

    if output is None:
        if binary:
            raise InputError.single(
                "--format " + format_name,
                text("cli.binary-to-terminal", format=format_name),
                hint=text("cli.binary-to-terminal-hint", format=format_name),
            )
        return
    OutputFile(output, force=force, inputs=inputs).check()


@contextmanager
def destination(output: str | None, binary: bool, colour: bool) -> Iterator[IO[Any]]:
    """The stream a report is written to: stdout, or a temporary file moved to `output` once complete.

    `output` has passed check_destination: it is replaced (through a symbolic link, the file it names).
    """
    if output is None:
        yield _Echo(colour)  # type: ignore[misc]
        return
    from compliance.files import OutputFile

    with OutputFile(output, force=True).open(binary=binary) as stream:
        yield stream


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
