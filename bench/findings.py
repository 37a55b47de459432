"""Score `compliance check` straight from documents against the findings a held-out set expects.

Run from the repository root:  python bench/findings.py --set DIR [--set DIR ...] [--details]

DIR is laid out as bench/HELDOUT.md says: DIR/docs/ (the documents), DIR/gold/ (their targets, as the
corpus's gold) and DIR/expected/NAME.json for a document NAME.EXT:

    {"findings": [{"rule": "weaker-threshold", "indicator": "新生儿死亡率", "kind": "children", "why": "4‰ vs 3.0‰"}]}

Each document is extracted and checked with no options, as `compliance check DOC` does. It prints per
document: the expected findings found (same rule, same catalogue indicator, in a plan of that kind), and
the false `missing-indicator` findings: an indicator reported missing that the gold says the document states.
It asserts nothing (figures, not tests).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _reports(path: Path) -> tuple[list[Any], str]:
    from compliance.checking import check
    from compliance.errors import InputError
    from compliance.extraction import extract

    try:
        return [check(plan) for plan in extract(path)], ""
    except InputError as error:
        return [], "refused: " + "; ".join(p.message for p in error.problems[:2])
    except Exception as error:  # a bug: shown, never a stop
        return [], f"INTERNAL ERROR {type(error).__name__}: {error}"


def _stated(golds: list[dict]) -> dict[tuple[str, str], str]:
    """(kind, catalogue id) → the gold's name, for every indicator the document states."""
    from compliance.catalogue import load_catalogue

    catalogue = load_catalogue()
    stated = {}
    for gold in golds:
        for target in gold["targets"]:
            indicator = catalogue.match_indicator(target["indicator"], gold["kind"])
            if indicator is not None:
                stated[(gold["kind"], indicator.id)] = target["indicator"]
    return stated


def score_document(path: Path, expected: list[dict], golds: list[dict]) -> dict[str, Any]:
    from compliance.catalogue import load_catalogue

    catalogue = load_catalogue()
    reports, problem = _reports(path)
    got = {(str(r.plan.plan.kind), f.rule, f.indicator) for r in reports for f in r.findings}
    found, missed = [], []
    for item in expected:
        kinds = [item["kind"]] if item.get("kind") else ["women", "children"]
        ids = {k: getattr(catalogue.match_indicator(item["indicator"], k), "id", None) for k in kinds}
        hit = any((k, item["rule"], ids[k]) in got for k in kinds if ids[k])
        (found if hit else missed).append(f"{item['rule']} {item['indicator']}" + ("" if any(ids.values()) else " (name not in the catalogue)"))
    stated = _stated(golds)
    false_missing = sorted(
        f"{kind}: {stated[(kind, indicator)]}" for kind, rule, indicator in got
        if rule == "missing-indicator" and (kind, indicator) in stated
    )
    return {"found": found, "missed": missed, "false_missing": false_missing, "problem": problem}


def run_set(folder: Path, details: bool) -> tuple[int, int, int]:
    golds: dict[str, list[dict]] = {}
    for gold_file in sorted((folder / "gold").glob("*.json")):
        data = json.loads(gold_file.read_text(encoding="utf-8"))
        golds.setdefault(Path(data["source_file"]).name, []).append(data)
    total_found = total_expected = total_false = 0
    print(f"== {folder}")
    for path in sorted((folder / "docs").iterdir()):
        expected_file = folder / "expected" / f"{path.stem}.json"
        expected = json.loads(expected_file.read_text(encoding="utf-8"))["findings"] if expected_file.exists() else []
        result = score_document(path, expected, golds.get(path.name, []))
        n_found, n_expected, n_false = len(result["found"]), len(expected), len(result["false_missing"])
        total_found += n_found
        total_expected += n_expected
        total_false += n_false
        print(f"{path.name:<64} expected found {n_found}/{n_expected}   false missing {n_false}  {result['problem']}")
        if details:
            for line in result["missed"]:
                print(f"    not found: {line}")
            for line in result["false_missing"]:
                print(f"    false missing-indicator: {line}")
    print(f"{folder.name}: expected findings found {total_found}/{total_expected}, false missing-indicator {total_false}")
    return total_found, total_expected, total_false


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", action="append", type=Path, required=True, metavar="DIR")
    parser.add_argument("--details", action="store_true", help="list each finding not found and each false missing")
    args = parser.parse_args()
    sums = [run_set(folder, args.details) for folder in args.sets]
    if len(sums) > 1:
        found, expected, false = (sum(column) for column in zip(*sums, strict=True))
        print(f"\n== together: expected findings found {found}/{expected}, false missing-indicator {false}")


if __name__ == "__main__":
    main()
