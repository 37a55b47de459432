"""Plans from whatever the user gives: plan files (YAML, JSON) or plan documents (.txt, .docx, …).

The one place that knows both ways in: plan files are loaded and validated by
`compliance.loading`; documents are read and turned into plans by
`compliance.extraction`, which itself builds its plans through the loader. This
module sits above both, so the dependency points one way:
documents → extraction → loading → model.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from compliance.errors import InputError, Problem
from compliance.model import Plan


def is_document(path: Path | str) -> bool:
    """A plan document (read by extraction) rather than a plan file (read by the loader)."""
    from compliance.reading import SUPPORTED

    return Path(path).suffix.lower() in SUPPORTED


def is_plan_file(path: Path | str) -> bool:
    """A plan file (YAML or JSON, read by the loader)."""
    from compliance.loading.plans import PLAN_SUFFIXES

    return Path(path).suffix.lower() in PLAN_SUFFIXES


def unsupported(file: str) -> InputError:
    """The refusal of a file that is neither a plan file nor a document a reader knows: what can be given instead."""
    from compliance.loading.plans import PLAN_SUFFIXES
    from compliance.messages import text
    from compliance.reading import FORMATS

    suffix = Path(file).suffix.lower()
    return InputError.single(
        file,
        text("reading.unsupported", suffix=suffix) if suffix else text("reading.unsupported-no-suffix"),
        hint=text("reading.unsupported-check-hint", formats=FORMATS, plan_files=", ".join(PLAN_SUFFIXES)),
    )


def load_plans(paths: Iterable[Path | str], **extraction: Any) -> list[Plan]:
    """Plans from plan files, and from plan documents by extraction.

    `extraction` (kind, jurisdiction, level, period, encoding) steers the documents only.
    One InputError lists the problems of every file.
    """
    from compliance.loading.plans import load_plan

    plans: list[Plan] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            if is_document(path):
                from compliance.extraction import extract

                plans.extend(extract(path, **{k: v for k, v in extraction.items() if v is not None}))
            elif is_plan_file(path):
                plans.append(load_plan(path))
            else:  # neither: say what can be read (not "extract it first", which extract would refuse too)
                raise unsupported(str(path))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    return plans


STDIN = "-"


def plans_from_bytes(data: bytes, name: str | None = None, **extraction: Any) -> list[Plan]:
    """Plans from the bytes of a plan file or document given on standard input.

    `name` (`--stdin-filename`) says what the bytes are (its suffix: .yaml, .docx…)
    and is the file name the plans and every problem carry, so reports,
    per-file ignores and waivers treat it as that file. Without a name the
    bytes are a plan file (YAML or JSON) called `<stdin>`.
    """
    if name is not None and not is_document(name) and not is_plan_file(name) and Path(name).suffix:
        raise unsupported(name)
    if name is None or not is_document(name):
        from compliance.loading.plans import loads_plan
        from compliance.loading.yamlfile import decode

        file = name or "<stdin>"
        return [loads_plan(decode(data, file), file)]
    import shutil
    import tempfile

    from compliance.extraction import extract

    folder = tempfile.mkdtemp(prefix="compliance-stdin-")
    spooled = Path(folder) / Path(name).name  # a document reader needs a file; its name keeps the suffix
    try:
        spooled.write_bytes(data)
        try:
            plans = extract(spooled, **{k: v for k, v in extraction.items() if v is not None})
        except InputError as error:
            raise InputError(
                [
                    Problem(name if p.file == str(spooled) else p.file, p.message.replace(str(spooled), name),
                            line=p.line, column=p.column, path=p.path, hint=p.hint)
                    for p in error.problems
                ]
            ) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    for plan in plans:
        plan.path = Path(name)
        if plan.plan.source is not None and plan.plan.source.file == str(spooled):
            plan.plan.source.file = name
    return plans
