"""Where the bundled data lives: `rules/` and `reference_targets/`.

In a source checkout (and an editable install) they sit at the top of the
repository, where reviewers edit them; a built wheel carries them inside the
package as `compliance/_data/`. Code asks this module and never builds the path
itself.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The bundled directory `name` ("rules" or "reference_targets")."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"the bundled '{name}' directory is missing from this installation of compliance; "
        "reinstall the package"
    )


def rules_file(name: str) -> Path:
    return data_dir("rules") / name


def reference_dir() -> Path:
    return data_dir("reference_targets")
