"""Whom a reference target binds: each plan below it, the issuing government only, or the counties together.

A target says its scope in its reference file (`scope:`); `rules/scopes.yaml`
adds general name shapes for targets that say nothing (县（市、区）…比例 is a
share of the counties) and, in a user's overlay, corrections for one target of
one reference plan. Precedence: an overlay's correction, the target's own mark,
a name shape (overlay shapes first), else `each`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from compliance.errors import InputError, Problem
from compliance.messages import text
from compliance.model import Binds, Level, Plan, Scope, Target
from compliance.compiled import regex

SCOPES_FILE = "scopes.yaml"
SCOPES_SCHEMA = Path(__file__).with_name("scopes.schema.json")
EACH = Scope(binds=Binds.EACH)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@dataclass(frozen=True)
class ScopePattern:
    """A name shape of rules/scopes.yaml: the scope of the reference targets it fits."""

    pattern: re.Pattern[str]
    scope: Scope
    unit: str | None = None  # percent | count: only targets in such a unit
    level: Level | None = None  # only targets of a plan of this level (省级… in a provincial plan)

    def fits(self, target: Target, issuing: Level | None = None) -> bool:
        if self.level is not None and issuing is not self.level:
            return False
        if not self.pattern.search(_fold(target.indicator)):
            return False
        unit = target.target.unit
        if self.unit == "percent":
            return unit == "%"
        if self.unit == "count":  # 个, 家, 户 — and so many a year (户/年)
            from compliance.units import dimension

            return unit is not None and dimension(unit) in (dimension("个"), dimension("个/年"))
        return True


@dataclass(frozen=True)
class ScopeCorrection:
    """A scope given to one reference target by name (an overlay's correction)."""

    reference: str  # a reference id or title, as written
    indicator: str  # as written; compared through the catalogue's name normalisation
    scope: Scope


@dataclass(frozen=True)
class ScopeRules:
    """How a reference target's scope is decided when it does not mark its own."""

    patterns: tuple[ScopePattern, ...] = ()
    corrections: tuple[ScopeCorrection, ...] = ()

    def scope_of(self, target: Target, reference_id: str, reference_plan: Plan) -> Scope:
        from compliance.catalogue import normalise_name

        name = normalise_name(target.indicator)
        for correction in self.corrections:
            if correction.reference in (reference_id, reference_plan.plan.title) and normalise_name(
                correction.indicator
            ) == name:
                return correction.scope
        if target.scope is not None:
            return target.scope
        for rule in self.patterns:
            if rule.fits(target, reference_plan.plan.level):
                return rule.scope
        return EACH


def load_scope_rules(rules_dirs: Sequence[Path]) -> ScopeRules:
    """The scope rules of the bundled rules/ and then each overlay (later ones first in precedence)."""
    from compliance.resources import overlay_stamp

    return _load(tuple(rules_dirs), overlay_stamp(tuple(rules_dirs)))


@cache
def _load(rules_dirs: tuple[Path, ...], stamp: tuple[object, ...] = ()) -> ScopeRules:
    from compliance.loading.validate import validate
    from compliance.loading.yamlfile import read_yaml

    patterns: list[ScopePattern] = []
    corrections: list[ScopeCorrection] = []
    problems: list[Problem] = []
    for folder in rules_dirs:
        file = folder / SCOPES_FILE
        if not file.is_file():
            continue
        document = read_yaml(file)
        found = validate(document, SCOPES_SCHEMA)
        if found:
            problems.extend(found)
            continue
        here: list[ScopePattern] = []
        for index, entry in enumerate(document.data.get("patterns") or []):
            line, _ = document.position(("patterns", index))
            try:
                compiled = regex(str(entry["name"]))
            except re.error as error:
                problems.append(
                    document.problem(("patterns", index, "name"), text("rules-files.bad-pattern", reason=error))
                )
                continue
            level = Level(entry["level"]) if entry.get("level") else None
            here.append(
                ScopePattern(compiled, Scope.read(entry["scope"], origin=f"{file}:{line}"), entry.get("unit"), level)
            )
        patterns[:0] = here  # an overlay's shapes are tried before the bundled ones
        for index, entry in enumerate(document.data.get("targets") or []):
            line, _ = document.position(("targets", index))
            corrections.insert(
                0,
                ScopeCorrection(
                    str(entry["reference"]),
                    str(entry["indicator"]),
                    Scope.read(entry["scope"], origin=f"{file}:{line}"),
                ),
            )
    if problems:
        raise InputError(problems)
    return ScopeRules(tuple(patterns), tuple(corrections))
