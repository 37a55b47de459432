"""Acceptance: the phrase parser against the hand-made gold labels of the sample plans.

For every gold entry in a 主要目标 or 策略措施 section, the whole line of the
text file is parsed; the entry is found when a parsed numeric target has its
comparator, value and unit (each parsed target matches at most one entry of
that line). Numeric targets left over on those lines count against precision;
qualitative ones do not.

Run `python -m pytest tests/test_phrases_gold.py -s` to see the figures and the
list of misses and false positives.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from compliance.phrases import ParsedTarget, parse

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "data" / "gold"
TEXT_DIR = ROOT / "examples" / "texts"
SECTIONS = {"main_targets", "measures"}
MIN_RECALL = 0.97
MIN_PRECISION = 0.95


@dataclass
class Figures:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.predicted if self.predicted else 1.0

    def summary(self) -> str:
        lines = [
            f"gold entries: {self.gold}  found: {self.found}  numeric targets returned: {self.predicted}",
            f"recall {self.recall:.1%}  precision {self.precision:.1%}",
            f"misses ({len(self.misses)}):",
            *(f"  {m}" for m in self.misses),
            f"false positives ({len(self.false_positives)}):",
            *(f"  {m}" for m in self.false_positives),
        ]
        return "\n".join(lines)


def _key(op: str, value: object, unit: str | None, masked: bool) -> tuple:
    if masked or value is None:
        return (op, None, unit, True)
    number = Decimal(str(value))
    if unit == "ratio":
        number = number.quantize(Decimal("0.001"))
    return (op, number.normalize(), unit, False)


def _parsed_key(target: ParsedTarget) -> tuple:
    return _key(str(target.op), target.value, target.unit, target.masked)


def gold_lines() -> dict[tuple[str, int], list[dict]]:
    """(text file, line) → the gold entries stated on that line."""
    by_line: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for gold_file in sorted(GOLD_DIR.glob("*.json")):
        data = json.loads(gold_file.read_text(encoding="utf-8"))
        text_name = Path(data["source_file"]).name
        for entry in data["targets"]:
            if entry["section"] in SECTIONS:
                by_line[(text_name, entry["line"])].append(entry)
    return by_line


def measure() -> Figures:
    figures = Figures()
    texts: dict[str, list[str]] = {}
    for (text_name, line_no), entries in sorted(gold_lines().items()):
        if text_name not in texts:
            texts[text_name] = (TEXT_DIR / text_name).read_text(encoding="utf-8-sig").split("\n")
        line = texts[text_name][line_no - 1]
        parsed = [t for t in parse(line) if t.is_numeric]
        remaining = list(parsed)
        figures.gold += len(entries)
        figures.predicted += len(parsed)
        for entry in entries:
            want = _key(entry["comparator"], entry["value"], entry["unit"], bool(entry.get("masked")))
            match = next((t for t in remaining if _parsed_key(t) == want), None)
            if match is None:
                figures.misses.append(
                    f"{text_name}:{line_no} {entry['comparator']} {entry['value']} {entry['unit']} "
                    f"[{entry['indicator']}] «{entry['quote']}»"
                )
            else:
                remaining.remove(match)
                figures.found += 1
        for target in remaining:
            figures.false_positives.append(
                f"{text_name}:{line_no} {target.op} {target.value} {target.unit} "
                f"[{target.indicator}] «{target.quote}»"
            )
    return figures


def test_gold_recall_and_precision() -> None:
    figures = measure()
    print("\n" + figures.summary())
    assert figures.gold > 200, "the gold labels were not found"
    assert figures.recall >= MIN_RECALL, figures.summary()
    assert figures.precision >= MIN_PRECISION, figures.summary()


if __name__ == "__main__":  # python tests/test_phrases_gold.py
    print(measure().summary())
