"""The corpus figures of bench/extraction.py, guarded (issue 8's bar): with no options, over the corpus's
.txt, .docx and .xlsx documents recall and precision ≥ 97% and kind, level, jurisdiction and period right
for every plan; no masked value guessed; the .pdf and .html documents read too."""

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


def test_the_corpus_reaches_the_bar() -> None:
    bench = _bench()
    runs, scores, _ = bench.measure_corpus()
    core, later = bench.corpus_totals(runs, scores)
    report = bench.corpus_table(runs, scores) + "\n" + "\n".join(core.misses + core.false_positives + core.metadata_wrong)
    print("\n" + report)
    assert len(runs) == 10 and len(scores) == 11, report  # every document read, every gold plan found
    assert core.gold > 450
    assert core.recall >= 0.97 and core.precision >= 0.97, report
    assert core.metadata_right == len(core.metadata), report
    assert core.masked_matched == core.masked_gold and core.guessed == 0, report
    assert later.recall >= 0.95 and later.precision >= 0.95, report
    for score in scores:
        assert score.plans_found == 1, f"{score.name}: {score.plans_found} plans of its kind"
