"""Benchmark the checker: a cold `compliance check` of one example, and 1 000 plans in one process.

Run from the repository root:  python bench/check.py [--runs 7] [--plans 1000]
Prints figures; it asserts nothing (speed is measured, not tested).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml"


def cold_runs(runs: int) -> list[float]:
    command = shutil.which("compliance") or sys.executable
    args = [command, "check", str(EXAMPLE)] if command != sys.executable else [command, "-m", "compliance", "check", str(EXAMPLE)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(args, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            raise SystemExit(f"check failed: {result.stderr.decode()}")
    return times


def many_plans(count: int) -> tuple[float, float, int]:
    """(seconds to load, seconds to check, findings) for `count` variants of the example."""
    sys.path.insert(0, str(ROOT))
    from compliance.checking import check
    from compliance.loading.plans import load_plan
    from compliance.loading.yamlfile import read_yaml
    from compliance.references import ReferenceLibrary

    base = json.loads(json.dumps(read_yaml(EXAMPLE).data, ensure_ascii=False))
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index in range(count):
            variant = json.loads(json.dumps(base, ensure_ascii=False))
            variant["plan"]["title"] = f"{base['plan']['title']} #{index}"
            target = variant["targets"][index % len(variant["targets"])]
            if isinstance(target["target"], dict) and isinstance(target["target"].get("value"), int | float):
                target["target"]["value"] = target["target"]["value"] + index % 3  # some weaker, some not
            path = Path(folder) / f"plan-{index}.json"
            path.write_text(json.dumps(variant, ensure_ascii=False), encoding="utf-8")
            paths.append(path)
        library = ReferenceLibrary.load()
        start = time.perf_counter()
        plans = [load_plan(p) for p in paths]
        loaded = time.perf_counter()
        findings = sum(len(check(plan, library).findings) for plan in plans)
        checked = time.perf_counter()
    return loaded - start, checked - loaded, findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--plans", type=int, default=1000)
    options = parser.parse_args()
    times = cold_runs(options.runs)
    print(f"cold `compliance check {EXAMPLE.relative_to(ROOT)}` (whole process), {options.runs} runs:")
    print(f"  median {statistics.median(times):.3f} s   min {min(times):.3f} s   max {max(times):.3f} s")
    load, run, findings = many_plans(options.plans)
    print(f"{options.plans} plans in one process (references loaded once):")
    print(f"  load {load:.2f} s ({load / options.plans * 1000:.1f} ms/plan)   check {run:.2f} s "
          f"({run / options.plans * 1000:.1f} ms/plan)   {findings} findings")


if __name__ == "__main__":
    main()
