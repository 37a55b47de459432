"""The checks: a plan against its ancestors, rule by rule.

The rule registry lists every rule; each rule family is a module with its
rules (documented classes) and a function that finds them:

| family | module | rules |
|---|---|---|
| coverage | `coverage` | missing-domain, missing-indicator, qualitative-only, reference-unavailable, nothing-checked, metadata-unknown, news-summary, shared-target, title-mismatch |
| thresholds | `thresholds` | weaker-threshold, band-deviation, direction-conflict, not-comparable, boundary-only |
| quantities | `quantities` | unit-mismatch, implausible-value, unusual-unit |
| consistency | `consistency` | masked-value, conflicting-targets, unknown-indicator, unparsed-number, text-mismatch, possible-typo, parent-misquoted |
| waivers | `waivers` | expired-waiver, unused-waiver (about the waivers file; made by compliance.acceptance) |
"""

from __future__ import annotations

from compliance.checks.base import CheckSettings, Finding, HorizonMode, Rule, Severity
from compliance.checks.coverage import (
    MetadataUnknown,
    MissingDomain,
    MissingIndicator,
    NewsSummary,
    NothingChecked,
    QualitativeOnly,
    ReferenceUnavailable,
    SharedTarget,
    TitleMismatch,
)
from compliance.checks.consistency import (
    ConflictingTargets,
    MaskedValue,
    ParentMisquoted,
    PossibleTypo,
    TextMismatch,
    UnknownIndicator,
    UnparsedNumber,
)
from compliance.checks.quantities import ImplausibleValue, UnitMismatch, UnusualUnit
from compliance.checks.thresholds import BandDeviation, BoundaryOnly, DirectionConflict, NotComparable, WeakerThreshold
from compliance.checks.waivers import ExpiredWaiver, UnusedWaiver

RULES: tuple[type[Rule], ...] = (
    MissingDomain,
    MissingIndicator,
    QualitativeOnly,
    ReferenceUnavailable,
    NothingChecked,
    MetadataUnknown,
    NewsSummary,
    SharedTarget,
    TitleMismatch,
    WeakerThreshold,
    BandDeviation,
    DirectionConflict,
    NotComparable,
    BoundaryOnly,
    UnitMismatch,
    ImplausibleValue,
    UnusualUnit,
    MaskedValue,
    ConflictingTargets,
    UnknownIndicator,
    UnparsedNumber,
    TextMismatch,
    PossibleTypo,
    ParentMisquoted,
    ExpiredWaiver,
    UnusedWaiver,
)


def rule(name_or_code: str) -> type[Rule] | None:
    """A rule by its name (weaker-threshold) or code (CMP201)."""
    for candidate in RULES:
        if name_or_code in (candidate.name, candidate.code()):
            return candidate
    return None


__all__ = ["RULES", "CheckSettings", "Finding", "HorizonMode", "Rule", "Severity", "rule"]
