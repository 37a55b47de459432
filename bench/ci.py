"""Benchmark what a CI job adds to a check: settings, waivers and baseline, and the CI formats.

Run from the repository root:  python bench/ci.py [--plans 200] [--runs 5]
Prints figures; it asserts nothing (speed is measured, not tested).

- settings: `load_settings()` with a good compliance.toml (tomllib only) and with a bad one (tomlkit finds
  the positions), median of --runs;
- acceptance: waivers (one per plan) and a baseline applied to --plans checked plans;
- formats: each CI writer (sarif, junit, github, gitlab, json-lines) over the same --plans reports.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EXAMPLES = sorted((ROOT / "examples" / "plans").glob("*.yaml"))


def median_seconds(action: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from compliance.acceptance import AcceptanceStage
    from compliance.checking import check
    from compliance.config import load_settings
    from compliance.errors import InputError
    from compliance.loading.plans import load_plan
    from compliance.references import ReferenceLibrary
    from compliance.report.formats import WriterOptions, get_format

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "compliance.toml").write_text(
            'ignore = ["CMP403"]\nhorizon = "interpolate"\n[per-file-ignores]\n"plans/drafts/*" = ["CMP102"]\n'
            '[severity]\nreference-unavailable = "info"\n',
            encoding="utf-8",
        )
        good = median_seconds(lambda: load_settings(cwd=root, environ={}), args.runs)
        (root / "bad").mkdir()
        (root / "bad" / "compliance.toml").write_text('horizon = "ned"\nfrobnicate = 1\n', encoding="utf-8")

        def bad() -> None:
            try:
                load_settings(cwd=root / "bad", environ={})
            except InputError:
                pass

        wrong = median_seconds(bad, args.runs)
        print(f"settings: good file {good * 1000:.1f} ms, bad file (positions through tomlkit) {wrong * 1000:.1f} ms "
              f"(median of {args.runs}, tomlkit imported once)")

        plans_dir = root / "plans"
        plans_dir.mkdir()
        paths = []
        for index in range(args.plans):
            source = EXAMPLES[index % len(EXAMPLES)]
            path = plans_dir / f"{index:04d}-{source.name}"
            path.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
            paths.append(path)
        waivers = ["format: compliance-waivers/1", "waivers:"]
        for path in paths:
            waivers += [
                "  - rule: weaker-threshold",
                f"    plan: plans/{path.name}",
                "    indicator: 艾滋病母婴传播率",
                "    reason: 经市妇儿工委同意暂按3%执行",
                "    approved-by: 市妇儿工委",
                "    expires: 2099-12-31",
            ]
        (root / "waivers.yaml").write_text("\n".join(waivers) + "\n", encoding="utf-8")
        settings = load_settings({"waivers": str(root / "waivers.yaml")}, cwd=root, environ={})
        library = ReferenceLibrary.load()
        start = time.perf_counter()
        reports = [check(load_plan(path), library, settings=settings) for path in paths]
        checked = time.perf_counter() - start

        def accept(write: bool) -> None:
            stage = AcceptanceStage(settings, write_to=root / "baseline.json" if write else None)
            for report in reports:
                for finding in report.findings:
                    finding.accepted = None
                stage.add(report)
            stage.finish()

        start = time.perf_counter()
        accept(write=True)
        written = time.perf_counter() - start
        with_baseline = load_settings({"waivers": str(root / "waivers.yaml"), "baseline": str(root / "baseline.json")},
                                      cwd=root, environ={})
        start = time.perf_counter()
        stage = AcceptanceStage(with_baseline)
        for report in reports:
            for finding in report.findings:
                finding.accepted = None
            stage.add(report)
        stage.finish()
        matched = time.perf_counter() - start
        findings = sum(len(r.findings) for r in reports)
        print(f"{args.plans} plans checked in {checked:.1f} s ({findings} findings); waivers + write baseline "
              f"{written * 1000:.0f} ms, waivers + match baseline {matched * 1000:.0f} ms")

        for name in ("sarif", "junit", "github", "gitlab", "json-lines"):
            chosen = get_format(name)

            def render(chosen: object = chosen) -> int:
                out = io.StringIO()
                options = WriterOptions(extra={"settings": settings, "baseline": True})
                writer = chosen.writer_class()(out, options)  # type: ignore[attr-defined]
                for report in reports:
                    writer.add(report)
                writer.close()
                return len(out.getvalue())

            size = render()
            seconds = median_seconds(render, args.runs)
            print(f"  {name:<10} {seconds * 1000:7.0f} ms for {args.plans} plans  ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
