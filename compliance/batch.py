"""Checking many plans at once: directories walked, each input checked in turn, a broken one reported and passed.

    >>> from compliance.batch import check_inputs  # doctest: +SKIP
    >>> for result in check_inputs(["plans/"]):     # doctest: +SKIP
    ...     print(result)                           # a Report, or an InputFailure

A reviewer checking fourteen county plans should get fourteen reports even
when one file is broken: each input is loaded and checked on its own, and a
file that cannot be read becomes an `InputFailure` (its problems, with
positions) in the stream of results instead of stopping the run. Results come
one at a time, so a report can be written as they arrive without keeping every
plan alive. Many inputs are checked in parallel (`jobs`, default the cores
available), and still reported in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.errors import InputError, Problem
from compliance.messages import text


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be checked, and why (each problem with its position)."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    internal: bool = False  # a bug in compliance met this input, not a fault of the file


def input_suffixes() -> tuple[str, ...]:
    """What a directory may hold that `check` reads: plan files and plan documents."""
    from compliance.loading.plans import PLAN_SUFFIXES
    from compliance.reading import SUPPORTED

    return tuple(PLAN_SUFFIXES) + tuple(SUPPORTED)


def find_inputs(
    paths: Iterable[Path | str], exclude: Iterable[Path | str] = (), unreadable: list[Path] | None = None
) -> list[Path]:
    """The files to check: files as given, directories walked recursively for plan files and documents.

    Hidden files and folders (.git, .venv) and Office's lock files (~$plan.docx)
    are skipped; so are the files in `exclude` (the report being written).
    Files found in a directory are sorted by path; a file given twice is checked once.
    A file of a format `check` cannot read (a .xls, an .ofd) is never dropped
    silently: it is added to `unreadable`, for the caller to name.
    """
    suffixes = input_suffixes()
    skipped = {Path(p).resolve() for p in exclude}
    found: list[Path] = []
    seen: set[Path] = set()
    folders: dict[str, str] = {}

    def add(path: Path, key: Path) -> None:
        if key not in seen and key not in skipped:
            seen.add(key)
            found.append(path)

    for given in paths:
        path = Path(given)
        if not path.is_dir():
            # a missing or unreadable file is reported when it is read
            add(path, _real_file(path, folders) if path.is_file() else path.resolve())
            continue
        for candidate in sorted(path.rglob("*")):
            relative = candidate.relative_to(path).parts
            if any(part.startswith(".") for part in relative) or candidate.name.startswith("~$"):
                continue
            if not candidate.is_file():
                continue
            if candidate.suffix.lower() in suffixes:
                add(candidate, _real_file(candidate, folders))
            elif unreadable is not None and candidate.resolve() not in skipped:
                unreadable.append(candidate)
    return found


def _real_file(path: Path, folders: dict[str, str]) -> Path:
    """`path.resolve()` of an existing file, its folder's real path remembered (a batch's files share a few folders).

    The real path of a file that is no symbolic link is its folder's real path
    and its name: one `lstat` instead of one per component of the path and a
    `stat` (5,700 files: a second of a batch's start, before any is checked).
    """
    import os

    name = path.name
    if name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    folder = str(path.parent)
    real = folders.get(folder)
    if real is None:
        real = folders[folder] = os.path.realpath(folder)
    return Path(real, name)


def check_inputs(
    paths: Sequence[Path | str],
    references: Any = None,
    *,
    extraction: dict[str, Any] | None = None,
    exclude: Iterable[Path | str] = (),
    prepare: Callable[[Any], Any] | None = None,
    **options: Any,
) -> Iterator[Any]:
    """Check every plan of every input; yield a `Report` per plan, an `InputFailure` per broken input.

    With `prepare`, what it makes of each Report is yielded instead of the Report:
    it runs where the report is made (in a worker), so a writer's work on each
    report is shared out too and only its result (not the plan) is sent back
    (`compliance.report.formats.Writer.prepare`).

    `references` and `options` (settings, or horizon, verified_only, select,
    ignore) are those of `compliance.check`; `extraction` steers plan documents
    (kind, jurisdiction, level, period, encoding). Bad options (a rule selector
    that names no rule) raise InputError before any input is read.

    Inputs are checked by as many worker processes as `settings.jobs` says
    (default: the cores available); results come in input order all the same,
    and as they are made, so a report can be written while the rest is checked.
    """
    from compliance.config import load_settings
    from compliance.references import ReferenceLibrary

    settings = options.pop("settings", None)
    given = {k: v for k, v in options.items() if v not in (None, [], ())}
    if settings is None:
        settings = load_settings(given, config_file=False, environ={})
        given = {}
    options = given
    library = (
        references
        if isinstance(references, ReferenceLibrary)
        else ReferenceLibrary.load([*settings.references, *(references or ())])
    )
    files = find_inputs(paths, exclude)
    if not files:
        raise InputError.single(
            ", ".join(str(p) for p in paths) or ".",
            text("cli.no-inputs"),
            hint=text("cli.no-inputs-hint", suffixes=", ".join(input_suffixes())),
        )
    job = _Job(library, settings, options, extraction or {}, prepare)
    jobs = settings.jobs or available_cores()
    if jobs > 1 and len(files) > 1 and _can_fork():
        yield from _in_parallel(files, job, min(jobs, len(files)))
        return
    for file in files:
        yield from _check_file(file, job)


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, as a container or taskset limits it)."""
    import os

    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _check_file(file: Path, job: _Job) -> list[Any]:
    """The results of one input: a Report per plan it holds, or one InputFailure.

    The cyclic garbage collector is paused for the whole input (compliance.collector):
    loading, checking and rendering a plan make thousands of objects and no garbage
    cycles, and they are freed by their reference counts once the input is done — so
    the count of objects made falls back and no collection scans them (with the
    collector on, ~10 % of a batch's time went to scanning each plan's objects while
    they lived).
    """
    from compliance.collector import paused

    with paused():
        return _results_of(file, job)


def _results_of(file: Path, job: _Job) -> list[Any]:
    from compliance.checking import check
    from compliance.documents import load_plans

    try:
        plans = load_plans([file], **job.extraction)
    except InputError as error:
        return [InputFailure(str(file), list(error.problems))]
    except (OSError, MemoryError) as error:  # the machine refused this input: the user's to fix, not a bug
        from compliance.files import environment_error

        return [InputFailure(str(file), list(environment_error(error, str(file)).problems))]
    except Exception as error:  # noqa: BLE001 - one input's bug must not cost the others' reports
        message = text("cli.internal-input", error=f"{type(error).__name__}: {error}")
        return [InputFailure(str(file), [Problem(str(file), message, hint=text("cli.internal-input-hint"))], internal=True)]
    reports = [check(plan, job.library, settings=job.settings, **job.options) for plan in plans]
    return reports if job.prepare is None else [job.prepare(report) for report in reports]


# --- checking in parallel -------------------------------------------------------------------------------
#
# Workers are forked from this process once the references, settings and rules are loaded, so each starts
# with them in memory. A worker checks a chunk of inputs and sends back its results pickled, the reference
# plans (and their targets) named rather than copied: the parent puts its own objects in their place, so
# a report from a worker is the report this process would have made, and costs a few kilobytes to send.
# Chunks are taken in input order and their results yielded in input order, with a bounded number in
# flight, so memory stays flat however many inputs there are.


@dataclass
class _Job:
    """What every input of a batch is checked with (the forked workers inherit it)."""

    library: Any
    settings: Any
    options: dict[str, Any]
    extraction: dict[str, Any]
    prepare: Callable[[Any], Any] | None = None


_JOB: _Job | None = None  # what the forked workers inherit


def _references(library: Any) -> tuple[dict[int, tuple[str, ...]], dict[tuple[str, ...], Any]]:
    """The reference plans loaded so far and their targets: id → name (for pickling), name → object."""
    by_id: dict[int, tuple[str, ...]] = {}
    by_name: dict[tuple[str, ...], Any] = {}
    for entry in library.entries:
        reference = entry.reference
        if reference is None:
            continue
        name = ("plan", str(entry.file), entry.origin)
        by_id[id(reference)], by_name[name] = name, reference
        for index, target in enumerate(reference.plan.targets):
            target_name = ("target", str(entry.file), entry.origin, str(index))
            by_id[id(target)], by_name[target_name] = target_name, target
    return by_id, by_name


def _work(chunk: list[str]) -> bytes:
    """In a worker: check a chunk of inputs, and pickle the results with the references named."""
    import io
    import pickle

    assert _JOB is not None
    results = [
        result
        for file in chunk
        for result in _check_file(Path(file), _JOB)
    ]
    names, _ = _references(_JOB.library)

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj: Any) -> Any:
            return names.get(id(obj))

    buffer = io.BytesIO()
    Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(results)
    return buffer.getvalue()


def _unpack(data: bytes, library: Any) -> list[Any]:
    """In this process: a worker's results, with this process's reference plans in place of the names."""
    import io
    import pickle

    known: dict[tuple[str, ...], Any] = {}

    def load(name: tuple[str, ...]) -> Any:
        if name not in known:
            for entry in library.entries:
                if str(entry.file) == name[1] and entry.origin == name[2]:
                    entry.load()
            known.update(_references(library)[1])
        return known[name]

    class Unpickler(pickle.Unpickler):
        def persistent_load(self, pid: Any) -> Any:
            return load(tuple(pid))

    return list(Unpickler(io.BytesIO(data)).load())


def _in_parallel(files: list[Path], job: _Job, jobs: int) -> Iterator[Any]:
    """The results of `files`, checked by `jobs` forked workers, in input order."""
    import gc
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    global _JOB
    size = max(1, min(16, len(files) // (jobs * 8)))
    chunks = [[str(f) for f in files[i : i + size]] for i in range(0, len(files), size)]
    _JOB = job
    gc.collect()
    gc.freeze()  # what the workers inherit is never scanned by their collector, nor copied by touching it
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            pending: deque[Any] = deque()
            queued = iter(chunks)
            for chunk in queued:
                pending.append(pool.submit(_work, chunk))
                if len(pending) >= jobs * 3:
                    break
            while pending:
                data = pending.popleft().result()
                for chunk in queued:  # keep the workers busy while this chunk is written
                    pending.append(pool.submit(_work, chunk))
                    break
                yield from _unpack(data, job.library)
    finally:
        _JOB = None
        gc.unfreeze()


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
