"""Where the data lives: the bundled `rules/` and `reference_targets/`, and the user's rules overlays.

In a source checkout (and an editable install) they sit at the top of the
repository, where reviewers edit them; a built wheel carries them inside the
package as `compliance/_data/`. Code asks this module and never builds the path
itself.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

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


@cache
def rules_data(name: str) -> Any:
    """A bundled rules file as parsed YAML, read once per process: several readers take their own section of
    rules/text.yaml (mail, traditional, second_pass, bar_rows), which each parsed whole before. Read-only."""
    import yaml

    return yaml.safe_load(rules_file(name).read_text(encoding="utf-8"))


def reference_dir() -> Path:
    return data_dir("reference_targets")


RULES_ENV_VARIABLE = "COMPLIANCE_RULES"
OVERLAY_FILES = ("indicators.yaml", "domains.yaml", "checks.yaml", "scopes.yaml")


def overlay_dirs(extra: tuple[Path | str, ...] | list[Path | str] = (), *, configured: bool = True) -> tuple[Path, ...]:
    """The user's rules overlays in precedence order (later wins): COMPLIANCE_RULES, then `extra` (--rules).

    Each is a folder holding some of indicators.yaml, domains.yaml, checks.yaml
    and scopes.yaml. A folder that does not exist, holds none of them, or holds
    another data file is an InputError: an overlay is never ignored silently.
    """
    import os

    from compliance.errors import InputError, Problem
    from compliance.messages import text

    folders: list[Path] = []
    if configured:
        folders.extend(Path(e.strip()) for e in os.environ.get(RULES_ENV_VARIABLE, "").split(os.pathsep) if e.strip())
    folders.extend(Path(e) for e in extra)
    problems: list[Problem] = []
    for folder in folders:
        if not folder.is_dir():
            problems.append(Problem(str(folder), text("rules-files.no-folder"), hint=text("rules-files.no-folder-hint")))
            continue
        files = {p.name for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml", ".json")}
        others = sorted(files - set(OVERLAY_FILES))
        for name in others:
            problems.append(
                Problem(
                    str(folder / name),
                    text("rules-files.not-overlay-file"),
                    hint=text("rules-files.not-overlay-file-hint", files=list(OVERLAY_FILES)),
                )
            )
        if not files & set(OVERLAY_FILES) and not others:
            problems.append(Problem(str(folder), text("rules-files.empty-folder", files=list(OVERLAY_FILES))))
    if problems:
        raise InputError(problems)
    resolved = [f.resolve() for f in folders]
    return tuple(reversed(dict.fromkeys(reversed(resolved))))  # a folder named twice counts where it is last


def overlay_stamp(folders: tuple[Path, ...]) -> tuple[tuple[str, int, int], ...]:
    """What the overlays' files are now (name, mtime, size): a cache of loaded overlays is keyed on it,
    so an overlay edited while a process runs (a test, a server) is read again."""
    stamp: list[tuple[str, int, int]] = []
    for folder in folders:
        for name in OVERLAY_FILES:
            path = Path(folder) / name
            if path.is_file():
                info = path.stat()
                stamp.append((str(path), info.st_mtime_ns, info.st_size))
    return tuple(stamp)
