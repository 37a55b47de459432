"""The extraction figures on the sample texts, guarded: recall >= 97 %, precision >= 95 % (bench/extraction.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    spec = importlib.util.spec_from_file_location("bench_extraction", ROOT / "bench" / "extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_recall_and_precision_against_the_gold_labels() -> None:
    bench = _bench()
    scores, total = bench.measure()
    report = bench.table(scores, total) + "\n" + "\n".join(total.misses + total.false_positives)
    print("\n" + report)
    assert len(scores) == 6, report  # every gold plan found
    assert total.gold > 250
    assert total.recall >= 0.97, report
    assert total.precision >= 0.95, report
    assert total.section_accuracy >= 0.95, report
    for score in scores:
        assert score.recall >= 0.9 and score.precision >= 0.9, report


def test_per_thousand_equivalence_is_explicit() -> None:
    bench = _bench()
    exact = (281, ">=", None, "名", False)
    assert bench._equivalent((281, ">=", None, "名/千人", False), exact) == "per-thousand"
    assert bench._equivalent((281, ">=", None, "%", False), exact) is None
    assert bench._equivalent((281, ">=", None, "名", False), exact) == "exact"
