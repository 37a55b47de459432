"""The figures of issue 12, each beside the floor measured in the same run.

Run from the repository root:  python bench/perf.py [--runs 11] [--plans 5700] [--jobs N] [--only NAME...]

It prints, as medians of paired alternating runs (bytecode present: every command runs once
before it is timed, which also fills compliance's cache):

- floor: `python -c "import pydantic, click, jsonschema, yaml"`, the bare imports of a checker;
- cold `compliance check PLAN.yaml` (an example plan) and its ratio to the floor, paired run by run;
- cold `compliance check DOC.txt` (extract + check the 178 KB 新平 text) and its ratio to the floor;
- the first check after a rules file changed (the cache rebuilt), once, for information;
- extraction of the 178 KB text in process (warm: the median of several calls after the first);
- load + check per plan in process (a few hundred of the generated plans, references loaded once), the
  headline with no quoted sentence repeated from plan to plan (as real plans of different counties), then
  the same plans quoting the examples' sentences word for word (what is kept from plan to plan helps);
- a calibration: a fixed pure-Python loop timed at the start and at the end of the run (CPU ms), so
  figures from machines of different speed can be compared (a figure over the calibration ratio);
- N plans (default 5 700: about every county of China, a women's and a children's plan each) in one
  `compliance check FOLDER` invocation: wall time, and the peak resident memory of the process tree
  (the parent and its workers, sampled every 10 ms).

The plans are generated here from the example plans: each county of the gazetteer
(compliance.catalogue.places) in turn, alternately women's and children's, with some
target values moved so that some are weaker than their parents and some are not.
It asserts nothing: speed is measured, not tested. On a loaded machine wall times are noisy;
the ratios of paired runs much less so.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "plans" / "jinan-shizhong-women-2021-2025.yaml"
TEXT = ROOT / "examples" / "texts" / "xinping-county-women-children-2021-2030.txt"
EXAMPLES = sorted((ROOT / "examples" / "plans").glob("*.yaml"))
FLOOR = [sys.executable, "-c", "import pydantic, click, jsonschema, yaml"]
GOALS = {"plan": 1.5, "text": 3.0, "extract": 0.15, "batch": 20.0, "memory": 300.0, "per-plan": 6.0}


def compliance_command() -> list[str]:
    script = Path(sys.executable).with_name("compliance")
    return [str(script)] if script.exists() else [sys.executable, "-m", "compliance"]


# bytecode present: the children may write it (PYTHONDONTWRITEBYTECODE unset), and main() compiles the package first
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed_both(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system of the command and everything it waited for)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env or ENVIRONMENT
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.decode()[-2000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    return timed_both(command, env)[0]


def paired(command: list[str], runs: int) -> tuple[float, float, float, float, float, float]:
    """Floor and command alternating: medians of (floor wall, command wall, wall ratio, floor CPU, command CPU,
    CPU ratio), each ratio taken pair by pair.

    On an idle machine the wall ratio is what a user sees; on a shared one (other processes take turns
    on the cores) wall times stretch unevenly, and the CPU ratio is the steadier figure.
    """
    timed(FLOOR)
    timed(command)  # bytecode written, cache filled
    walls: dict[str, list[float]] = {"floor": [], "command": [], "ratio": []}
    cpus: dict[str, list[float]] = {"floor": [], "command": [], "ratio": []}
    for index in range(runs):
        order = [("floor", FLOOR), ("command", command)]
        measured = dict((name, timed_both(c)) for name, c in (order if index % 2 == 0 else order[::-1]))
        for position, figures in ((0, walls), (1, cpus)):
            figures["floor"].append(measured["floor"][position])
            figures["command"].append(measured["command"][position])
            figures["ratio"].append(figures["command"][-1] / figures["floor"][-1])
    median = statistics.median
    return (median(walls["floor"]), median(walls["command"]), median(walls["ratio"]),
            median(cpus["floor"]), median(cpus["command"]), median(cpus["ratio"]))


def after_edit(command: list[str]) -> float:
    """One check just after a rules file changed: the cache is rebuilt (the rules copied to a scratch folder)."""
    with tempfile.TemporaryDirectory() as scratch:
        env = {**ENVIRONMENT, "COMPLIANCE_CACHE_DIR": scratch}
        return timed(command, env=env)


def forget_texts() -> None:
    """Forget the sentences parsed and the lines folded so far: the next document is read as a new one."""
    from compliance import translate
    from compliance.extraction import structure
    from compliance.phrases import reading

    reading._parse_kept.cache_clear()
    reading._levels_kept.cache_clear()
    reading._KEPT.forget()  # nor what earlier runs kept (compliance.cache.KeptResults)
    reading._KEPT_FROM_DOCUMENTS.forget()
    structure._KEPT.forget()
    translate.forget()


def extraction_in_process(calls: int) -> tuple[float, float, float]:
    """(first call, median wall and median CPU seconds of the next `calls`) to extract the 178 KB text here.

    Each timed call reads the text as a new document (forget_texts): what a check of a new draft costs.
    """
    sys.path.insert(0, str(ROOT))
    from compliance.extraction import extract

    start = time.perf_counter()
    extract(TEXT)
    first = time.perf_counter() - start
    walls, cpus = [], []
    for _ in range(calls):
        forget_texts()
        start, cpu = time.perf_counter(), time.process_time()
        extract(TEXT)
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return first, statistics.median(walls), statistics.median(cpus)


def counties() -> list[tuple[str, ...]]:
    """Every current county-level division of the gazetteer, as a path from the province down."""
    sys.path.insert(0, str(ROOT))
    from compliance.catalogue.places import gazetteer

    return [place.path for place in gazetteer().places if place.level == "county" and not place.former]


_VALUE = re.compile(r"(value: )(\d+)(?=[,}\s])")


def generate(folder: Path, count: int, unique_texts: bool = False) -> list[Path]:
    """`count` plan files made from the examples: counties of China in turn, some targets moved.

    With `unique_texts`, every quoted `text:` starts with the county's name, so no sentence repeats
    from plan to plan (real plans of different counties word their targets alike, but rarely the same).
    """
    places = counties()
    texts = [path.read_text(encoding="utf-8") for path in EXAMPLES]
    paths = []
    for index in range(count):
        text = texts[index % len(texts)]
        place = places[(index // 2) % len(places)]
        title = re.search(r"^  title: (.*)$", text, re.M)
        assert title is not None
        kind = "妇女" if "kind: women" in text else "儿童"
        text = text.replace(title.group(0), f"  title: {place[-1]}{kind}发展规划 #{index}", 1)
        text = re.sub(r"^  jurisdiction: .*$", f"  jurisdiction: [{', '.join(place)}]", text, count=1, flags=re.M)
        text = re.sub(r"^  follows:\n(    - .*\n)+", "", text, count=1, flags=re.M)
        text = re.sub(r"^  (document_number|source): .*\n", "", text, flags=re.M)
        text = _VALUE.sub(_mover(index), text)
        if unique_texts:
            text = re.sub(r"^(    text: )", lambda m, p=place[-1]: f"{m.group(1)}{p}", text, flags=re.M)
        path = folder / f"{index:05d}-{place[-1]}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _mover(index: int) -> Callable[[re.Match[str]], str]:
    """One value in seven (a different seventh for each plan) moved by -1, 0 or +1."""
    seen = itertools.count()

    def move(match: re.Match[str]) -> str:
        if next(seen) % 7 != index % 7:
            return match.group(0)
        return f"{match.group(1)}{max(0, int(match.group(2)) + index % 3 - 1)}"

    return move


def tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes of a process and all its descendants.

    The RSS sum counts a page shared by the parent and its forked workers once per process (an upper
    bound); PSS divides each shared page among its sharers (what the tree really holds).
    """
    rss = pss = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup", encoding="ascii") as rollup:
                for line in rollup:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    pending.extend(int(c) for c in children.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return rss, pss


def batch(folder: Path, jobs: int | None) -> tuple[float, float, int, int, int]:
    """(wall seconds, CPU seconds, peak RSS and peak PSS of the tree in bytes, exit code) of one `compliance check FOLDER`."""
    import resource

    command = [*compliance_command(), "check", str(folder)]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    peak_rss = peak_pss = 0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=ENVIRONMENT)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        while not done.is_set():
            rss, pss = tree_memory(process.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(0.1)  # reading smaps_rollup walks each process's page tables: sampled often, it slows what it measures

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and every worker it waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({process.returncode}): {stderr.decode()[-2000:]}")
    return elapsed, cpu, peak_rss, peak_pss, process.returncode


def per_plan(paths: list[Path]) -> tuple[float, float, float]:
    """(CPU ms to load, CPU ms to check, wall ms of both) per plan in process, references loaded once.

    One plan is checked first to warm up (the rules and references loaded). Each plan is loaded,
    checked and let go in turn, as a batch does (`check FOLDER`): keeping every plan alive would
    time the garbage collector walking a heap that grows with the count, which no batch has.
    """
    sys.path.insert(0, str(ROOT))
    from compliance.checking import check
    from compliance.config import load_settings
    from compliance.loading.plans import load_plan
    from compliance.phrases import reading
    from compliance.references import ReferenceLibrary

    from compliance.checks import consistency

    reading._KEPT.forget()  # sentences kept by earlier runs (compliance.cache.KeptResults) are not this bench's
    reading._parse_kept.cache_clear()  # nor what an earlier figure of this run read (each figure starts afresh)
    reading._levels_kept.cache_clear()
    consistency._stated_kept.cache_clear()
    library = ReferenceLibrary.load()
    settings = load_settings({}, config_file=False, environ={})  # once, as a batch does
    check(load_plan(paths[0]), library, settings=settings)
    loading = checking = 0.0
    clock = time.process_time
    wall = time.perf_counter()
    for path in paths:
        start = clock()
        plan = load_plan(path)
        loaded = clock()
        check(plan, library, settings=settings)
        loading, checking = loading + loaded - start, checking + clock() - loaded
    wall = time.perf_counter() - wall
    count = len(paths)
    return loading / count * 1000, checking / count * 1000, wall / count * 1000


def calibration(runs: int = 5) -> float:
    """CPU milliseconds of a fixed pure-Python loop (median of `runs`), timed in the same run as the figures.

    The loop does what the checker does most (dict look-ups, string slicing and comparison, small
    integer arithmetic, function calls) and never changes, so figures taken on machines of different
    speed can be compared: divide a figure by this one's ratio to the other machine's calibration.
    It is CPU time (time.process_time), so other processes taking turns on the cores stretch it less
    than they stretch wall times.
    """
    def step(table: dict[str, int], word: str, index: int) -> int:
        return table.get(word[index % 7 :], index) + len(word) % 3

    words = [f"妇女儿童发展规划{i}" for i in range(64)]
    took = []
    for _ in range(runs):
        table: dict[str, int] = {}
        total = 0
        start = time.process_time()
        for index in range(300_000):
            word = words[index & 63]
            total += step(table, word, index)
            if word[-1] == "7":
                table[word[index % 5 :]] = index & 255
        took.append(time.process_time() - start)
        assert total > 0
    return statistics.median(took) * 1000


def verdict(ok: bool) -> str:
    return "goal met" if ok else "GOAL NOT MET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="paired runs of each cold command")
    parser.add_argument("--plans", type=int, default=5700, help="plans in the batch")
    parser.add_argument("--in-process", type=int, default=500, help="plans loaded and checked in process")
    parser.add_argument("--extractions", type=int, default=7, help="timed extractions of the text in process")
    parser.add_argument("--jobs", type=int, default=None, help="--jobs of the batch (default: the command's)")
    parser.add_argument("--only", nargs="*", choices=["plan", "text", "extract", "per-plan", "batch"], default=None)
    options = parser.parse_args()
    wanted = set(options.only or ["plan", "text", "extract", "per-plan", "batch"])
    compliance = compliance_command()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "compliance")], check=True, env=ENVIRONMENT)
    load = os.getloadavg()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(f"calibration: a fixed pure-Python loop takes {calibration():.0f} ms CPU (bench/perf.py calibration(); "
          "compare figures of two machines by the ratio of their calibrations)")
    print(f"floor: {' '.join(FLOOR[1:])!r}; medians of {options.runs} paired alternating runs\n")
    if "plan" in wanted:
        floor, took, ratio, cpu_floor, cpu, cpu_ratio = paired([*compliance, "check", str(PLAN.relative_to(ROOT))], options.runs)
        print(f"cold `compliance check {PLAN.relative_to(ROOT)}`: {took:.3f} s wall, floor {floor:.3f} s: "
              f"{ratio:.2f}× the floor; CPU {cpu:.3f} s, floor {cpu_floor:.3f} s: {cpu_ratio:.2f}× "
              f"(goal ≤ {GOALS['plan']}×: wall {verdict(ratio <= GOALS['plan'])}, CPU {verdict(cpu_ratio <= GOALS['plan'])})")
        rebuilt = after_edit([*compliance, "check", str(PLAN.relative_to(ROOT))])
        print(f"  the first check with an empty cache (after an edit of a rules or reference file): {rebuilt:.3f} s")
    if "text" in wanted:
        floor, took, ratio, cpu_floor, cpu, cpu_ratio = paired([*compliance, "check", str(TEXT.relative_to(ROOT))], options.runs)
        size = TEXT.stat().st_size // 1024
        print(f"cold `compliance check {TEXT.relative_to(ROOT)}` ({size} KB, extract + check): {took:.3f} s wall, "
              f"floor {floor:.3f} s: {ratio:.2f}× the floor; CPU {cpu:.3f} s, floor {cpu_floor:.3f} s: {cpu_ratio:.2f}× "
              f"(goal ≤ {GOALS['text']}×: wall {verdict(ratio <= GOALS['text'])}, CPU {verdict(cpu_ratio <= GOALS['text'])})")
    if "extract" in wanted:
        first, wall, cpu = extraction_in_process(options.extractions)
        print(f"extraction of the {TEXT.stat().st_size // 1024} KB text in process: {cpu:.3f} s CPU, {wall:.3f} s wall "
              f"(medians of {options.extractions} calls after the first, each as a new document; the first took "
              f"{first:.3f} s with the rules' loading) (goal ≤ {GOALS['extract']} s, {verdict(cpu <= GOALS['extract'])})")
    if wanted & {"batch", "per-plan"}:
        folder = Path(tempfile.mkdtemp(prefix="compliance-bench-"))
        try:
            paths = generate(folder, max(options.plans, options.in_process))
            if "per-plan" in wanted:
                # measured in the order of earlier sessions (the repeated sentences first), the headline printed first
                repeated = per_plan(paths[: options.in_process])
                # the headline: real county plans do not quote each other's sentences byte for byte, so no
                # sentence read for one plan is read again for the next (nothing kept from plan to plan helps)
                unique = Path(tempfile.mkdtemp(prefix="compliance-bench-unique-"))
                try:
                    load_ms, check_ms, wall_ms = per_plan(generate(unique, options.in_process, unique_texts=True))
                finally:
                    shutil.rmtree(unique, ignore_errors=True)
                total = load_ms + check_ms
                print(f"load + check per plan in process ({options.in_process} plans, no quoted sentence repeated "
                      f"from plan to plan): {total:.1f} ms CPU ({load_ms:.1f} load + {check_ms:.1f} check; "
                      f"{wall_ms:.1f} ms wall) (goal ≤ {GOALS['per-plan']} ms, {verdict(total <= GOALS['per-plan'])})")
                load_ms, check_ms, wall_ms = repeated
                print(f"  the same with the examples' quoted sentences repeated from plan to plan: "
                      f"{load_ms + check_ms:.1f} ms CPU ({load_ms:.1f} load + {check_ms:.1f} check; {wall_ms:.1f} ms wall)")
            if "batch" in wanted:
                for path in paths[options.plans:]:
                    path.unlink()
                elapsed, cpu, rss, pss, code = batch(folder, options.jobs)
                jobs = f"--jobs {options.jobs}" if options.jobs else "default --jobs"
                print(f"{options.plans} plans in one `compliance check FOLDER` ({jobs}): {elapsed:.1f} s wall, "
                      f"{cpu:.1f} s CPU in all processes; peak memory of the process tree {pss / 2**20:.0f} MiB PSS "
                      f"({rss / 2**20:.0f} MiB summed RSS), exit {code} "
                      f"(goal ≤ {GOALS['batch']:.0f} s and ≤ {GOALS['memory']:.0f} MiB, "
                      f"{verdict(elapsed <= GOALS['batch'] and pss / 2**20 <= GOALS['memory'])})")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    load = os.getloadavg()
    print(f"\ncalibration at the end: {calibration():.0f} ms CPU; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


if __name__ == "__main__":
    main()
