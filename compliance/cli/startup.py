"""What a command does before its work: kept apart so that the package imports it before anything else."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

_finished = 0  # commands this process has run to their end (compliance.cli.app's group counts them)


def command_finished() -> None:
    global _finished
    _finished += 1


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a command sets up (imports, settings, references), then back on.

    Setting up makes a hundred thousand objects that live as long as the process
    (modules, classes, functions, the unpickled references and catalogue); the
    collector would scan them again and again as more are made, about a tenth
    of a cold check's CPU time. In a process's first command, what was made is
    then frozen (`gc.freeze`: never scanned again, as `compliance.batch` does
    before forking; re-enabling alone would only defer the scans) and the
    collector is back on for the work itself, so a long batch or a large
    document is collected as usual. A process that runs many commands (a test
    suite with click's runner) freezes only before its first has finished, so
    no later garbage is kept. Nests; a collector that was off (a caller's
    choice) stays off.
    """
    from compliance.collector import paused

    with paused(freeze=not _finished):
        yield
