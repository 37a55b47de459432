"""Two extractions of one plan compared: what a document made from a text must give (the text's plans).

Shared by the tests that make a sample text into another format (PDF, web
page, saved page, RTF, .doc): the metadata, domains and the multiset of
targets must be the text's; positions differ by format, so they are compared
only where asked (`located`).
"""

from __future__ import annotations

import collections
from typing import Any

METADATA = ("title", "kind", "level", "jurisdiction", "period", "document_number", "follows")


def targets(plan: Any, located: bool = False) -> collections.Counter:
    """The plan's targets as a multiset: indicator, domain, op, value, unit, masked, section (and locator)."""
    return collections.Counter(
        (t.indicator, t.domain, str(t.target.op), str(t.target.value), t.target.unit, t.target.masked, str(t.section))
        + ((t.locator,) if located else ())
        for t in plan.targets
    )


def assert_same_plans(got: list, want: list, metadata: tuple[str, ...] = METADATA, unparsed: bool = True) -> None:
    """`got` are the plans of `want` (metadata, domains, targets, the number of unparsed numbers), positions aside."""
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        for name in metadata:
            assert getattr(g.plan, name) == getattr(w.plan, name), name
        assert g.domains == w.domains
        assert targets(g) == targets(w), (targets(w) - targets(g), targets(g) - targets(w))
        if unparsed:
            assert len(g.unparsed) == len(w.unparsed)
