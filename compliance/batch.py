"""Checking many plans at once: directories walked, each input checked in turn, a broken one reported and passed.

    >>> from compliance.batch import check_inputs  # doctest: +SKIP
    >>> for result in check_inputs(["plans/"]):     # doctest: +SKIP
    ...     print(result)                           # a Report, or an InputFailure

A reviewer checking fourteen county plans should get fourteen reports even
when one file is broken: each input is loaded and checked on its own, and a
file that cannot be read becomes an `InputFailure` (its problems, with
positions) in the stream of results instead of stopping the run. Results come
one at a time, so a report can be written as they arrive without keeping every
plan alive.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
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


def find_inputs(paths: Iterable[Path | str], exclude: Iterable[Path | str] = ()) -> list[Path]:
    """The files to check: files as given, directories walked recursively for plan files and documents.

    Hidden files and folders (.git, .venv) and Office's lock files (~$plan.docx)
    are skipped; so are the files in `exclude` (the report being written).
    Files found in a directory are sorted by path; a file given twice is checked once.
    """
    suffixes = input_suffixes()
    skipped = {Path(p).resolve() for p in exclude}
    found: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen and key not in skipped:
            seen.add(key)
            found.append(path)

    for given in paths:
        path = Path(given)
        if not path.is_dir():
            add(path)  # a missing or unreadable file is reported when it is read
            continue
        for candidate in sorted(path.rglob("*")):
            relative = candidate.relative_to(path).parts
            if any(part.startswith(".") for part in relative) or candidate.name.startswith("~$"):
                continue
            if candidate.is_file() and candidate.suffix.lower() in suffixes:
                add(candidate)
    return found


def check_inputs(
    paths: Sequence[Path | str],
    references: Any = None,
    *,
    extraction: dict[str, Any] | None = None,
    exclude: Iterable[Path | str] = (),
    **options: Any,
) -> Iterator[Any]:
    """Check every plan of every input; yield a `Report` per plan, an `InputFailure` per broken input.

    `references` and `options` (settings, or horizon, verified_only, select,
    ignore) are those of `compliance.check`; `extraction` steers plan documents
    (kind, jurisdiction, level, period, encoding). Bad options (a rule selector
    that names no rule) raise InputError before any input is read.
    """
    from compliance.checking import check
    from compliance.config import load_settings
    from compliance.documents import load_plans
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
    for file in files:
        try:
            plans = load_plans([file], **(extraction or {}))
        except InputError as error:
            yield InputFailure(str(file), list(error.problems))
            continue
        except (OSError, MemoryError) as error:  # the machine refused this input: the user's to fix, not a bug
            from compliance.files import environment_error

            yield InputFailure(str(file), list(environment_error(error, str(file)).problems))
            continue
        except Exception as error:  # noqa: BLE001 - one input's bug must not cost the others' reports
            message = text("cli.internal-input", error=f"{type(error).__name__}: {error}")
            yield InputFailure(str(file), [Problem(str(file), message, hint=text("cli.internal-input-hint"))], internal=True)
            continue
        for plan in plans:
            yield check(plan, library, settings=settings, **options)
