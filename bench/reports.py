"""Benchmark the reports: a 300-plan batch rendered as HTML and Excel (the issue's bound: ≤ 5 s each).

Run from the repository root:  python bench/reports.py [--plans 300]

The batch is made from the four example plans: each copy gets its own title
and county and has its numbers moved (some tighter, some weaker), so the
findings and the matrix vary from row to row. Plans are checked once; then
each writer is timed from the first report it receives to the file written
(collecting the records, the summary and the matrix, and rendering), as
`compliance check DIR --format html|xlsx -o FILE` does after checking.
Prints figures; asserts nothing (speed is measured, not tested).
"""

from __future__ import annotations

import argparse
import io
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def variants(count: int) -> list[str]:
    """`count` plan texts: the examples with another county name and shifted numbers."""
    sources = sorted((ROOT / "examples" / "plans").glob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    rng = random.Random(13)
    number = re.compile(r"(?<=[<>=~] )\d+(?:\.\d+)?|\d+(?:\.\d+)?(?=\s*[%‰])")  # "<= 9 1/10万", "95%"

    def shift(match: re.Match[str]) -> str:
        factor = rng.choice((0.8, 0.9, 1.0, 1.0, 1.1, 1.25))
        return f"{round(float(match.group(0)) * factor, 1):g}"

    out = []
    for index in range(count):
        text = texts[index % len(texts)]
        county = f"试点{index // 2 + 1}县"  # a women's and a children's plan per county
        kind = "妇女" if "kind: women" in text else "儿童"
        text = re.sub(r"(?m)^(  title: ).+$", r"\g<1>" + f"{county}{kind}发展规划", text, count=1)
        text = re.sub(r"(jurisdiction: \[[^,\]]+, [^,\]]+, )[^\]]+", r"\g<1>" + county, text, count=1)
        text = re.sub(r"(?<=target: )[^\n]*", lambda m: number.sub(shift, m.group(0)), text)
        out.append(text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=300)
    args = parser.parse_args()

    from compliance.checking import check
    from compliance.loading.plans import loads_plan
    from compliance.messages import using
    from compliance.references import ReferenceLibrary
    from compliance.report.html_report import HtmlWriter
    from compliance.report.xlsx_report import XlsxWriter

    library = ReferenceLibrary.load([])
    start = time.perf_counter()
    plans = [loads_plan(text, f"bench/plan-{i:03d}.yaml") for i, text in enumerate(variants(args.plans))]
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    reports = [check(plan, library) for plan in plans]
    checked = time.perf_counter() - start
    findings = sum(len(r.findings) for r in reports)
    print(f"{len(reports)} plans, {findings} findings (loaded in {loaded:.2f} s, checked in {checked:.2f} s)")

    with using("zh"):
        for name, writer_class, stream in (("html", HtmlWriter, io.StringIO()), ("xlsx", XlsxWriter, io.BytesIO())):
            import_start = time.perf_counter()
            __import__("jinja2" if name == "html" else "xlsxwriter")
            imported = time.perf_counter() - import_start
            start = time.perf_counter()
            writer = writer_class(stream)
            for report in reports:
                writer.add(report)
            writer.close()
            seconds = time.perf_counter() - start
            size = len(stream.getvalue().encode("utf-8") if isinstance(stream, io.StringIO) else stream.getvalue())
            verdict = "within" if seconds + imported <= 5 else "OVER"
            print(
                f"{name:>5}: {seconds:.2f} s to render {len(reports)} plans ({size / 1e6:.1f} MB), "
                f"+ {imported:.2f} s importing its library — {verdict} the 5 s bound"
            )


if __name__ == "__main__":
    main()
