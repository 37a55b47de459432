"""The declarative data one check runs on: the bundled rules/ with the user's overlays merged over it.

A drafter or reviewer never edits files inside the installed package: extra
indicator aliases, plausible ranges, severities and scopes go in a folder of
their own (`--rules DIR`, `COMPLIANCE_RULES`, or a config file), holding any of
indicators.yaml, domains.yaml, checks.yaml and scopes.yaml in the bundled
formats. Entries are merged by id, validated like the bundled files, and every
problem is reported at its place in the overlay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from compliance.checks.base import merged_settings
from compliance.checks.scopes import ScopeRules, load_scope_rules
from compliance.messages import Message, msg


@dataclass(frozen=True)
class RuleSet:
    """The rules in force: the bundled rules/ with the user's overlays merged over them."""

    catalogue: Any  # compliance.catalogue.Catalogue
    settings: dict[str, Any]  # rules/checks.yaml merged
    scopes: ScopeRules
    overlays: tuple[Path, ...]

    def hint_target(self) -> Message:
        """Where a user adds an alias or a range: their overlay, never the package."""
        if self.overlays:
            return msg("overlay.file", file=self.overlays[-1] / "indicators.yaml")
        return msg("overlay.none")


def load_rules(overlays: Sequence[Path] = ()) -> RuleSet:
    """The bundled rules with `overlays` (folders, later wins) merged over them.

    Validated once per content of the files (compliance.cache: an edit of a
    bundled rules file or of an overlay's makes a new entry), and once per
    process for the same overlays as they are now.
    """
    from compliance.resources import overlay_stamp

    folders = tuple(Path(o) for o in overlays)
    return _rules(folders, overlay_stamp(tuple(f.resolve() for f in folders)))


@cache
def _rules(folders: tuple[Path, ...], stamp: tuple[object, ...]) -> RuleSet:
    from compliance.cache import cached
    from compliance.resources import OVERLAY_FILES, data_dir

    sources = [data_dir("rules") / name for name in OVERLAY_FILES]
    sources += [folder / name for folder in folders for name in OVERLAY_FILES]
    return cached("rules", sources, lambda: _build(folders))


def _build(folders: tuple[Path, ...]) -> RuleSet:
    from compliance.catalogue import load_catalogue
    from compliance.resources import data_dir

    return RuleSet(
        catalogue=load_catalogue(overlays=folders),
        settings=merged_settings(folders),
        scopes=load_scope_rules((data_dir("rules"), *folders)),
        overlays=folders,
    )
