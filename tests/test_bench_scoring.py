"""How bench/extraction.py scores an extracted plan against gold labels: the rules its docstring states."""

from __future__ import annotations

from pathlib import Path

from compliance.extraction import extract
from tests.test_corpus_bench import _bench


def _gold(*entries: dict) -> dict:
    return {"targets": [dict({"masked": False, "section": "main_targets", "unit": "%"}, **e) for e in entries]}


def _plan(tmp_path: Path, sentence: str):
    text = "某县妇女发展规划（2021—2030年）\n一、妇女与经济\n主要目标：\n" + sentence + "\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    (plan,) = extract(path)
    return plan


def test_a_range_target_scores_by_its_lower_end_and_its_upper_end_may_match_too(tmp_path: Path) -> None:
    bench = _bench()
    plan = _plan(tmp_path, "1.城镇单位就业人员中的女性比例保持在40%—45%。")
    (target,) = [t for t in plan.targets if t.target.value_max is not None]
    line = target.line
    quote = "城镇单位就业人员中的女性比例保持在40%—45%"
    both = _gold(
        {"line": line, "comparator": ">=", "value": 40, "indicator": "女性比例", "quote": quote},
        {"line": line, "comparator": "<=", "value": 45, "indicator": "女性比例", "quote": quote},
    )
    score = bench.score_plan("range", plan, both)
    assert (score.gold, score.extracted, score.matched) == (2, 2, 2), score.misses + score.false_positives
    lower_only = _gold({"line": line, "comparator": ">=", "value": 40, "indicator": "女性比例", "quote": quote})
    score = bench.score_plan("range", plan, lower_only)  # a gold that labels a range once, by its lower end
    assert (score.extracted, score.matched, score.false_positives) == (1, 1, [])
    wrong = _gold(
        {"line": line, "comparator": ">=", "value": 40, "indicator": "女性比例", "quote": quote},
        {"line": line, "comparator": "<=", "value": 50, "indicator": "女性比例", "quote": quote},
    )
    score = bench.score_plan("range", plan, wrong)
    assert (score.extracted, score.matched, len(score.misses)) == (1, 1, 1)
