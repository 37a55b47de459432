"""The cyclic garbage collector paused for a bounded piece of work that makes many objects and no garbage cycles.

CPython's collector runs each time the count of container objects made (less
those freed) passes a threshold, and scans the young ones, every so often all.
Loading a plan file (its document, then its model) or checking it makes a few
thousand objects that live until the plan is let go, then are freed by their
reference counts: collecting meanwhile only scans them again and again (about
a sixth of a plan's load). With the collector paused nothing is lost: what the
work freed is no longer counted, and any garbage cycle it did make is counted
and collected at the next collection after the pause, as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused(freeze: bool = False) -> Iterator[None]:
    """The collector off inside, back on after (even on an error); with `freeze`, what was made is frozen first.

    `gc.freeze()` moves every object alive to a generation that is never scanned
    again: for what a process keeps to its end (a command's start-up). Nests;
    a collector that was off (a caller's choice) stays off.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            if freeze:
                gc.freeze()
            gc.enable()
