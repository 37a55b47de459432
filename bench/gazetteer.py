"""Benchmark the gazetteer: loading it cold, resolving names, a did-you-mean, and its share of a check.

Run from the repository root:  python bench/gazetteer.py [--runs 9]
Prints figures; it asserts nothing (speed is measured, not tested).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What the loading costs in a process that has already imported what a `compliance check` imports.
COLD = """
import time, compliance.catalogue, compliance.loading.yamlfile, yaml
start = time.perf_counter()
from compliance.catalogue.places import gazetteer
places = gazetteer()
print((time.perf_counter() - start) * 1000, len(places))
"""


def cold_loads(runs: int) -> tuple[list[float], int]:
    times, count = [], 0
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, cwd=ROOT, check=True)
        milliseconds, count_text = out.stdout.split()
        times.append(float(milliseconds))
        count = int(count_text)
    return times, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    times, count = cold_loads(args.runs)
    print(f"load rules/gazetteer.tsv ({count} places), cold, {args.runs} processes: "
          f"median {statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f})")

    from compliance.catalogue.places import gazetteer

    places = gazetteer()
    names = [place.name for place in places]
    start = time.perf_counter()
    for name in names:
        places.resolve(name)
    each = (time.perf_counter() - start) / len(names) * 1e6
    print(f"resolve an official name: {each:.1f} µs each ({len(names)} names)")

    paths = [place.path for place in places]
    start = time.perf_counter()
    for path in paths:
        places.resolve(path)
    print(f"resolve a whole path: {(time.perf_counter() - start) / len(paths) * 1e6:.1f} µs each")

    start = time.perf_counter()
    places.split("浙江省湖州市南浔区")
    print(f"split 浙江省湖州市南浔区 into names: {(time.perf_counter() - start) * 1e3:.2f} ms")

    start = time.perf_counter()
    places.suggest("新评县")
    first = (time.perf_counter() - start) * 1e3
    start = time.perf_counter()
    places.suggest("巴里昆县")
    print(f"did-you-mean: first {first:.0f} ms (imports rapidfuzz and pypinyin), then {(time.perf_counter() - start) * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
