"""The hand-made plan files agree with the gold labels of the three sample texts.

For each gold file (tests/data/gold/*.json) every gold target must have a
counterpart in the plan file built from the same text: same source line, same
comparison, same value, unit and masked flag. Matching is a multiset per line
(one plan entry answers one gold entry). The plan files may hold more than the
gold (qualitative main targets, baselines), never less. Plan metadata and the
domain list must equal the gold's.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from compliance.loading.plans import load_plan
from compliance.model import Plan
from compliance.units import normalise_unit

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"

PLAN_FILES = {
    "jiaxing-women": "reference_targets/zhejiang/jiaxing/women-2021-2025.yaml",
    "jiaxing-children": "reference_targets/zhejiang/jiaxing/children-2021-2025.yaml",
    "xinping-women": "examples/plans/xinping-women-2021-2030.yaml",
    "xinping-children": "examples/plans/xinping-children-2021-2030.yaml",
    "jinan-shizhong-women": "examples/plans/jinan-shizhong-women-2021-2025.yaml",
    "jinan-shizhong-children": "examples/plans/jinan-shizhong-children-2021-2025.yaml",
}

# Gold labels the plan files knowingly depart from, each because the text says
# otherwise. Keyed by (gold file, line, gold indicator); the value replaces
# fields of that one gold entry before matching. Every correction must be used.
GOLD_CORRECTIONS: dict[tuple[str, int, str], dict[str, str]] = {
    # Per-thousand rates: the gold drops the denominator. 每千人拥有…托位数 is
    # places per 1 000 people (个/千人), not a count of places; 千名儿童…医师数
    # and 每千名儿童…医生/床位 are per 1 000 children (人/千人, 名/千人, 张/千人).
    ("jiaxing-children", 384, "千名儿童儿科执业（助理）医师数"): {"unit": "人/千人"},
    ("jiaxing-children", 390, "每千人拥有3岁以下婴幼儿托位数"): {"unit": "个/千人"},
    ("xinping-children", 279, "每千名儿童拥有儿科执业（助理）医生数"): {"unit": "名/千人"},
    ("jinan-shizhong-children", 281, "每千名儿童拥有儿科执业（助理）医生数"): {"unit": "名/千人"},
    ("jinan-shizhong-children", 281, "每千名儿童儿科床位数"): {"unit": "张/千人"},
    ("jinan-shizhong-children", 340, "每千人口3岁以下婴幼儿托位数"): {"unit": "个/千人"},
}

Key = tuple[int | None, str, Decimal | None, str | None, bool]


def _number(value: object, unit: str | None) -> Decimal | None:
    if value is None:
        return None
    number = Decimal(str(value))
    if unit == "ratio":  # 2:3 is written 0.667 in the gold and the plan files
        number = number.quantize(Decimal("0.001"))
    return number.normalize()


def _gold_key(entry: dict) -> Key:
    unit = normalise_unit(entry["unit"]) if entry.get("unit") else None
    op = "qual" if entry["comparator"] == "qual" else entry["comparator"]
    return (entry["line"], op, _number(entry.get("value"), unit), unit, bool(entry.get("masked")))


def _plan_key(plan: Plan, index: int) -> Key:
    target = plan.targets[index]
    value = target.target
    return (target.line, value.op.value, _number(value.value, value.unit), value.unit, value.masked)


def _describe(key: Key) -> str:
    line, op, value, unit, masked = key
    shown = "masked" if masked else (value if value is not None else "")
    return f"line {line}: {op} {shown} {unit or ''}".rstrip()


@pytest.mark.parametrize("name", sorted(PLAN_FILES))
def test_plan_file_metadata_and_domains_equal_gold(name: str) -> None:
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    plan = load_plan(ROOT / PLAN_FILES[name])
    info = plan.plan
    assert info.title == gold["plan_title"]
    assert info.kind.value == gold["kind"]
    assert info.level.value == gold["level"]
    assert list(info.period) == list(gold["period"])
    assert info.jurisdiction == gold["jurisdiction"]
    assert plan.domains == gold["domains"]


@pytest.mark.parametrize("name", sorted(PLAN_FILES))
def test_every_gold_target_has_its_counterpart(name: str) -> None:
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    plan = load_plan(ROOT / PLAN_FILES[name])

    available = Counter(_plan_key(plan, i) for i in range(len(plan.targets)))
    used_corrections = set()
    unmatched = []
    for entry in gold["targets"]:
        correction_key = (name, entry["line"], entry["indicator"])
        if correction_key in GOLD_CORRECTIONS:
            entry = {**entry, **GOLD_CORRECTIONS[correction_key]}
            used_corrections.add(correction_key)
        key = _gold_key(entry)
        if available[key] > 0:
            available[key] -= 1
        else:
            unmatched.append(f"{_describe(key)}  {entry['indicator']}  «{entry['quote']}»")

    assert not unmatched, f"{PLAN_FILES[name]} lacks {len(unmatched)} gold target(s):\n" + "\n".join(unmatched)
    expected = {k for k in GOLD_CORRECTIONS if k[0] == name}
    assert used_corrections == expected, f"corrections never applied: {sorted(expected - used_corrections)}"


def test_targets_point_into_their_source_text() -> None:
    """line and text of every target are real: text stands on (or starts on) that line."""
    problems = []
    for path in PLAN_FILES.values():
        plan = load_plan(ROOT / path)
        assert plan.plan.source is not None and plan.plan.source.file
        lines = (ROOT / plan.plan.source.file).read_text(encoding="utf-8").split("\n")
        for target in plan.targets:
            assert target.line is not None and target.text, f"{path}: {target.indicator} has no line/text"
            first = lines[target.line - 1]
            joined = "".join(lines[target.line - 1 : target.line + 4])
            position = joined.find(target.text)
            if not 0 <= position < len(first):
                problems.append(f"{path}: line {target.line}: «{target.text}» not found")
    assert not problems, "\n".join(problems)
