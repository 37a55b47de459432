"""The long fuzz campaign of issue 10: counts instead of stopping at the first failure.

Run from the repository root:

    python bench/fuzz.py --examples 100000 [--seed 10] [--show 5] [--every 5000]

`--examples` is the number of parser inputs; plan-file mutants are a tenth of
it, documents and command lines a 250th, long lines a 2 000th (the shares of
the campaign that found the defects). For each family it prints the inputs tried, the
exceptions that escaped, the invariant violations (tests/fuzz/campaign.py says
which invariants) and the slowest input; then the first few of each kind.
The inputs come from the same hypothesis strategies as the budgeted run in the
test suite, drawn from a fixed seed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

import campaign  # noqa: E402
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402


def report(tally: campaign.Tally, count: int, started: float, end: str = "\n") -> None:
    print(
        f"{tally.name:28s} inputs {tally.inputs:7d}/{count:<7d} exceptions {len(tally.exceptions):4d}  "
        f"invariant violations {len(tally.violations):4d}  slowest {tally.slowest[0]:6.2f} s  "
        f"({time.perf_counter() - started:.0f} s)",
        end=end,
        flush=True,
    )


def drive(tally: campaign.Tally, strategy, count: int, check, random_seed: int, every: int = 0) -> None:
    """Feed `count` inputs drawn from `strategy` to `check`, recording every outcome (no shrinking, no stop).

    With `every`, a line of counts so far every that many inputs (a long run that is
    stopped still says what it measured).
    """
    if count <= 0:
        return
    started = time.perf_counter()

    @seed(random_seed)
    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(case) -> None:
        tally.run(repr(case), lambda: check(case))
        if every and tally.inputs % every == 0 and tally.inputs < count:
            report(tally, count, started, end="  [so far]\n")

    run()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="parser inputs (the other families in proportion)")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--show", type=int, default=3, help="how many exceptions and violations to print per family")
    parser.add_argument("--every", type=int, default=0, help="print the counts so far every N inputs of a family")
    args = parser.parse_args()
    n = args.examples
    folder = Path(tempfile.mkdtemp(prefix="compliance-fuzz-"))
    families = [
        ("parser: phrases", campaign.phrases(), n, campaign.check_phrase),
        ("parser: linear time", campaign.long_lines(), max(n // 2000, 1), campaign.check_linear),
        ("loader: plan-file mutants", campaign.plan_texts(), n // 10, lambda case: campaign.check_plan_file(*case, folder)),
        ("extraction: documents", campaign.documents(), n // 250, lambda case: campaign.check_document(*case, folder)),
        (
            "command lines",
            __import__("hypothesis").strategies.tuples(campaign.command_lines(), campaign.plan_texts(), campaign.documents()),
            n // 250,
            lambda case: campaign.check_command(case[0][0], case[1], case[2][:2], folder),
        ),
    ]
    began = time.perf_counter()
    tallies = []
    for name, strategy, count, check in families:
        tally = campaign.Tally(name)
        start = time.perf_counter()
        drive(tally, strategy, count, check, args.seed, every=args.every)
        tallies.append(tally)
        report(tally, count, start)
    total = campaign.Tally("all")
    for tally in tallies:
        total.inputs += tally.inputs
        total.exceptions += tally.exceptions
        total.violations += tally.violations
        total.slowest = max(total.slowest, tally.slowest)
    print(
        f"\ntotal: inputs {total.inputs}, exceptions {len(total.exceptions)}, invariant violations "
        f"{len(total.violations)}, in {time.perf_counter() - began:.0f} s (seed {args.seed})"
    )
    print(f"slowest input ({total.slowest[0]:.2f} s): {total.slowest[1]}")
    for tally in tallies:
        for kind, items in (("exception", tally.exceptions), ("violation", tally.violations)):
            for item in items[: args.show]:
                print(f"\n[{tally.name}] {kind}:\n{item[:1500]}")


if __name__ == "__main__":
    main()
