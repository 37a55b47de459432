"""`compliance check --jobs N`: inputs checked by N worker processes, reported in input order, the same bytes as one.

A batch is split among forked workers (compliance.batch); each result comes back
with the reference plans named, not copied, and is reported in input order as
it arrives. Whatever the number of jobs, every report must be the one a single
process makes: the same findings, the same order, the same reference objects.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.batch import InputFailure, available_cores, check_inputs
from compliance.cli import main
from compliance.config import load_settings
from compliance.references import ReferenceLibrary

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """The example plans three times over, with a broken file among them (in the middle of a chunk)."""
    for copy in range(3):
        for plan in sorted(PLANS.glob("*.yaml")):
            shutil.copy(plan, tmp_path / f"{copy}-{plan.name}")
    (tmp_path / "1-broken.yaml").write_text("format: compliance-plan/1\nplan:\n  kind: girls\n", encoding="utf-8")
    return tmp_path


def _run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("format_name", ["text", "json", "sarif"])
def test_any_number_of_jobs_gives_the_bytes_of_one(batch: Path, format_name: str) -> None:
    one = _run("check", batch, "--format", format_name, "--lang", "en", "--jobs", "1")
    assert one[0] == 2 and "girls" in one[2]  # the broken input is reported, the others checked
    for jobs in (2, 3):
        assert _run("check", batch, "--format", format_name, "--lang", "en", "--jobs", jobs) == one


def test_results_come_in_input_order_with_the_library_s_own_references(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import compliance.batch

    workers: list[int] = []
    in_parallel = compliance.batch._in_parallel
    monkeypatch.setattr(compliance.batch, "_in_parallel", lambda f, j, n: workers.append(n) or in_parallel(f, j, n))
    library = ReferenceLibrary.load()
    settings = load_settings({"jobs": 2}, config_file=False, environ={})
    results = list(check_inputs([batch], library, settings=settings))
    assert workers == [2]  # the batch was checked by two worker processes
    files = sorted(p.name for p in batch.iterdir())
    names = [Path(r.file).name if isinstance(r, InputFailure) else Path(r.plan.path).name for r in results]
    assert names == files
    bundled = {id(entry.reference) for entry in library.entries if entry.reference is not None}
    for report in results:
        if not isinstance(report, InputFailure):
            assert report.references
            for reference in report.references:  # the objects this process loaded, not copies made by a worker
                assert id(reference) in bundled


def test_jobs_default_to_the_cores_available_and_come_from_the_environment() -> None:
    assert available_cores() >= 1
    assert load_settings({}, config_file=False, environ={}).jobs is None
    assert load_settings({}, config_file=False, environ={"COMPLIANCE_JOBS": "3"}).jobs == 3
    code, _, err = _run("check", PLANS, "--jobs", "0")
    assert code == 2 and "--jobs" in err


@pytest.mark.parametrize("format_name", ["text", "json", "html", "csv", "markdown"])
def test_a_writer_that_prepares_writes_the_same_from_the_prepared_report(format_name: str) -> None:
    """`add_prepared(prepare(report))` — the workers' share and the parent's — writes what `add(report)` writes."""
    import io

    from compliance.checking import check
    from compliance.loading.plans import load_plan
    from compliance.messages import using
    from compliance.report.formats import WriterOptions, get_format

    writer_class = get_format(format_name).writer_class()
    assert writer_class.prepares
    library = ReferenceLibrary.load()
    written = []
    for prepared in (False, True):
        out = io.StringIO()
        with using("en"):
            writer = writer_class(out, WriterOptions())
        for plan in sorted(PLANS.glob("*.yaml"))[:3]:
            report = check(load_plan(plan), library)
            if prepared:
                with using("zh"):  # prepare renders in the writer's language, whatever the worker's is
                    writer.add_prepared(writer.prepare(report))
            else:
                writer.add(report)
        with using("en"):
            writer.close()
        written.append(out.getvalue())
    assert written[0] == written[1] and written[0]


def test_workers_send_the_prepared_report_not_the_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a writer that prepares, a worker renders each report and sends a few kilobytes, not the plan."""
    import io
    import pickle

    import compliance.batch
    from compliance.report.formats import Prepared, WriterOptions, get_format

    library = ReferenceLibrary.load()
    settings = load_settings({}, config_file=False, environ={})
    writer = get_format("text").writer_class()(io.StringIO(), WriterOptions())
    chunk = [str(p) for p in sorted(PLANS.glob("*.yaml"))]
    sizes = {}
    for prepare in (None, writer.prepare):
        monkeypatch.setattr(compliance.batch, "_JOB", compliance.batch._Job(library, settings, {}, {}, prepare))
        data = compliance.batch._work(chunk)
        sizes[prepare is None] = len(data)
        results = compliance.batch._unpack(data, library)
        assert len(results) == len(chunk)
        assert all(isinstance(r, Prepared) for r in results) == (prepare is not None)
    assert sizes[False] * 3 < sizes[True]  # the reports with their plans weigh several times more
    assert all(isinstance(r.content[0], str) for r in pickle.loads(compliance.batch._work(chunk)))
