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
            else:
                plans.append(load_plan(path))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    return plans
