"""Traditional characters (繁體) read as Simplified, so that every word the extraction knows applies.

A copy from a site's 繁體 version, a Hong Kong or Macau outlet, or a Big5 file writes 兒童發展規劃 for
儿童发展规划: no heading, indicator or place would be recognised. Such a document is told by characters
that Simplified texts never use (rules/text.yaml `traditional`) and converted with OpenCC (t2s), which
maps character for character, so line numbers, cells and offsets stay those of the file. OpenCC is
imported only for such a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compliance.reading import Document


@dataclass(frozen=True)
class TraditionalRule:
    markers: re.Pattern[str]
    min_share: float
    min_count: int


_CHINESE = re.compile("[\u4e00-\u9fff]")


@cache
def _rule() -> TraditionalRule:
    from compliance.resources import rules_data

    data = rules_data("text.yaml")["traditional"]
    markers = re.compile("[" + re.escape(data["markers"]) + "]")
    return TraditionalRule(markers, float(data["min_share"]), int(data["min_count"]))


def _texts(document: Document) -> list[str]:
    texts = []
    for line in document.lines:
        texts.append(line.text)
        texts += line.cells or ()
    return texts


def is_traditional(document: Document) -> bool:
    """Whether the document is written in Traditional characters (rules/text.yaml `traditional`)."""
    rule = _rule()
    text = "\n".join(_texts(document))
    markers = len(rule.markers.findall(text))
    return markers >= rule.min_count and markers >= rule.min_share * len(_CHINESE.findall(text))


@cache
def _converter():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s.json")


def _simplified(text: str) -> str:
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    # a phrase mapped to one of another length (none is known in t2s): each character alone keeps positions
    return "".join(_converter().convert(char) for char in text)


def to_simplified(document: Document) -> bool:
    """Convert a Traditional document's lines and cells to Simplified in place; True when it was one."""
    if not is_traditional(document):
        return False
    for line in document.lines:
        line.text = _simplified(line.text)
        if line.cells is not None:
            line.cells = [_simplified(cell) for cell in line.cells]
    document.script = "traditional"
    return True
