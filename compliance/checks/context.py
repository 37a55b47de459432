"""What the rule families share during one check: the plan, its ancestors, the catalogue.

Targets are grouped by indicator key: the catalogue id when the name is known,
otherwise the name itself (normalised), so an unknown indicator can still be
matched with a reference that writes it the same way.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from compliance.checks.base import CheckSettings, ReferenceTarget, check_settings
from compliance.checks.compare import Better, infer_better
from compliance.checks.scopes import ScopeRules
from compliance.errors import UnitError
from compliance.model import Binds, Kind, Plan, Section, Target, TargetValue
from compliance.references import ReferencePlan
from compliance.units import as_fraction, convert

SECTION_PRIORITY = {Section.MAIN_TARGETS: 0, Section.INDICATOR_TABLE: 1, None: 2, Section.MEASURES: 3}


def _name_key(name: str) -> str:
    """An uncatalogued name compared loosely: width, brackets, quotes and a trailing 数 do not count."""
    text = unicodedata.normalize("NFKC", name)
    key = "".join(ch for ch in text if not ch.isspace() and ch not in "“”\"'《》〈〉()（）")
    return "name:" + (key[:-1] if key.endswith("数") and len(key) > 2 else key)


@dataclass
class CheckContext:
    """One check's plan, ancestors and catalogue, with what the rule families work out once."""

    plan: Plan
    ancestors: list[ReferencePlan]
    catalogue: Any  # compliance.catalogue.Catalogue
    settings: CheckSettings
    scopes: ScopeRules = field(default_factory=ScopeRules)
    hint_target: Any = None  # a Message: where the user adds an alias (their rules overlay)
    unusable: set[int] = field(default_factory=set)  # id() of plan targets already judged unusable
    compared: set[int] = field(default_factory=set)  # id() of plan targets compared with a reference
    compared_keys: set[str] = field(default_factory=set)  # reference indicators a plan target was compared with
    slipped: set[int] = field(default_factory=set)  # id() of plan targets found a unit slip off their parent
    near_misses: dict[str, Any] = field(default_factory=dict)  # plan name as written -> catalogue NearMiss
    _keys: dict[tuple[str, Kind, bool], tuple[str, Any]] = field(default_factory=dict)
    _reference_targets: list[ReferenceTarget] | None = None
    _reference_name_keys: set[str] | None = None
    _plan_ids: set[int] | None = None
    _plan_targets: dict[str, list[Target]] | None = None
    _target_keys: dict[int | tuple[int, Kind], tuple[str, Any]] = field(default_factory=dict)
    _binding: list[ReferenceTarget] | None = None

    # --- indicators -------------------------------------------------------
    def resolve(self, name: str, kind: Kind | None = None, *, typo: bool = False) -> tuple[str, Any]:
        """(key, catalogue Indicator or None) for an indicator name as written or an id.

        With `typo` (a name the plan writes), a name that matches nothing — no
        catalogue name, no reference's own wording — but is a near miss of one
        catalogue indicator (学前教育毛人园率) is read as that indicator and
        remembered in `near_misses`, so that the findings say so.
        """
        kind = kind or self.plan.plan.kind
        cache_key = (name, kind, typo)
        if cache_key not in self._keys:
            indicator = self.catalogue.match_indicator(name, kind)
            if indicator is None and typo and _name_key(name) not in self._reference_names():
                near = self.catalogue.masked_match(name, kind) or self.catalogue.near_miss(name, kind)
                if near is not None:
                    self.near_misses[name] = near
                    indicator = near.indicator
            self._keys[cache_key] = (indicator.id if indicator else _name_key(name), indicator)
        return self._keys[cache_key]

    def _reference_names(self) -> set[str]:
        """The ancestors' own wordings: a plan name that a reference writes the same way is no typo."""
        if self._reference_name_keys is None:
            self._reference_name_keys = set().union(
                *(_names_of(reference) for reference in self.ancestors if reference.targets_encoded)
            )
        return self._reference_name_keys

    def is_plan_target(self, target: Target) -> bool:
        if self._plan_ids is None:
            self._plan_ids = {id(t) for t in self.plan.targets}
        return id(target) in self._plan_ids

    def _resolved(self, target: Target, kind: Kind | None) -> tuple[str, Any]:
        # asked for again and again by every rule family: once per target (the targets live as long as the check)
        key = id(target) if kind is None else (id(target), kind)
        found = self._target_keys.get(key)
        if found is None:
            found = self._target_keys[key] = self.resolve(target.indicator, kind, typo=self.is_plan_target(target))
        return found

    def key(self, target: Target, kind: Kind | None = None) -> str:
        return self._resolved(target, kind)[0]

    def indicator(self, target: Target, kind: Kind | None = None) -> Any:
        return self._resolved(target, kind)[1]

    def near_miss(self, target: Target) -> Any:
        """The near miss a plan target's name is (compliance.catalogue.NearMiss), if it is one."""
        self.key(target)
        return self.near_misses.get(target.indicator) if self.is_plan_target(target) else None

    def plan_targets(self) -> dict[str, list[Target]]:
        """The plan's targets by indicator key, main targets before tables before measures.

        An indicator the plan does not target is stood in for by one the catalogue
        marks as its proxy (高中阶段女生毛入学率 for 高中阶段毛入学率).
        """
        if self._plan_targets is not None:  # asked for by several rule families: grouped once per check
            return self._plan_targets
        grouped: dict[str, list[Target]] = defaultdict(list)
        for target in self.plan.targets:
            grouped[self.key(target)].append(target)
        for targets in grouped.values():
            targets.sort(key=lambda t: SECTION_PRIORITY.get(t.section, 2))
        proxies: dict[str, list[Target]] = defaultdict(list)
        for targets in grouped.values():
            proxy_for = getattr(self.indicator(targets[0]), "proxy_for", None)
            if proxy_for and proxy_for not in grouped:
                proxies[proxy_for].extend(targets)
        self._plan_targets = {**grouped, **proxies}
        return self._plan_targets

    def stands_in(self, target: Target, key: str) -> bool:
        """Is `target` compared for indicator `key` as its proxy?"""
        return self.key(target) != key

    def reference_targets(self) -> list[ReferenceTarget]:
        """Every target of the ancestors, with the scope it has (its own mark, an overlay's, a name shape)."""
        if self._reference_targets is None:
            self._reference_targets = self._reference_view().targets
        return self._reference_targets

    def _reference_view(self) -> _ReferenceView:
        """What this plan's ancestors give every plan of its level checked against them (`_ReferenceView`), made once.

        A batch's plans share a few sets of ancestors: which of their targets bind a plan, and the
        indicator each stands for, are the same from plan to plan. The keys are this check's own
        afterwards (`_target_keys`), as if each had been resolved here.
        """
        view = _view_of(self)
        self._target_keys.update(view.keys)
        return view

    def binds(self, reference_target: ReferenceTarget) -> bool:
        """Is this plan held to the reference target? Not to another government's own target, nor to a
        share of counties when it is one of the counties (it is told its part instead), nor to a target
        for each unit of a level above its own (每个州市…, {each: municipal}, for a county)."""
        scope = reference_target.scope
        if scope.binds is Binds.OWN:
            return False
        if scope.each is not None:
            level = self.plan.plan.level
            return level is not None and scope.reaches(level)  # unknown level: not held to what may not be its
        units = scope.units(reference_target.source.plan.plan.level)
        if scope.binds is Binds.SHARE and units is not None:
            level = self.plan.plan.level
            return level is not None and level.rank < units.rank  # unknown level: not held to a share it may not be in
        return True

    def binding_reference_targets(self) -> list[ReferenceTarget]:
        if self._binding is None:  # asked for by several rule families: decided once per check
            self.reference_targets()
            self._binding = _view_of(self).binding
        return list(self._binding)

    def shared_reference_targets(self) -> list[ReferenceTarget]:
        """Targets the plan's level makes up together with its peers (a share of counties, for a county)."""
        self.reference_targets()
        return list(_view_of(self).shared)

    def better(self, indicator: Any, reference: TargetValue) -> Better:
        if indicator is not None and getattr(indicator, "better", None):
            return Better(indicator.better)
        return infer_better(reference)

    def band_tolerance(self, indicator: Any, reference: TargetValue, required: Fraction) -> Fraction:
        """Half-width of a 左右 band, in the reference's unit."""
        tolerance = getattr(indicator, "band_tolerance", None) if indicator is not None else None
        if tolerance is not None and reference.unit:
            try:
                return convert(as_fraction(str(tolerance)), indicator.unit, reference.unit)
            except UnitError:
                pass
        percent = as_fraction(str(check_settings()["default_band_tolerance_percent"]))
        return abs(required) * percent / 100

    def convert(self, indicator: Any, value: Fraction, from_unit: str, to_unit: str) -> Fraction:
        """`value` from one unit into another, the indicator's own reading rules first.

        (A per-thousand indicator written as a bare count, 0.85名, is read per thousand.)
        Raises UnitError when the units measure different things.
        """
        if indicator is None:
            return convert(value, from_unit, to_unit)
        canonical = indicator.to_canonical(value, from_unit)
        if to_unit == indicator.unit:
            return canonical
        return canonical / indicator.to_canonical(1, to_unit)

    def domain_of(self, target: Target, indicator: Any) -> str | None:
        """The domain to file a finding under: as the plan writes it, else the catalogue's."""
        if target.domain:
            return target.domain
        if indicator is not None:
            domain_id = indicator.domain_for(self.plan.plan.kind)
            domain = self.catalogue.domain(domain_id) if domain_id else None
            if domain is not None:
                written = [d for d in self.plan.domains if self.catalogue.match_domain(d, self.plan.plan.kind) == domain]
                return written[0] if written else domain.name
        return None


@dataclass
class _ReferenceView:
    """The ancestors of a plan as every plan of its level sees them, against one catalogue and scope rules."""

    held: tuple[Any, ...]  # the ancestors, scope rules and catalogue: their ids key the view, so none is reused while it lives
    targets: list[ReferenceTarget]
    binding: list[ReferenceTarget]
    shared: list[ReferenceTarget]
    keys: dict[tuple[int, Kind], tuple[str, Any]]  # (id of a reference target, its plan's kind) -> (key, indicator)


_VIEWS: dict[tuple[Any, ...], _ReferenceView] = {}


def _view_of(context: CheckContext) -> _ReferenceView:
    held = (*context.ancestors, context.scopes, context.catalogue)
    key = (*(id(thing) for thing in held), context.plan.plan.level, context.plan.plan.kind)
    view = _VIEWS.get(key)
    if view is not None and all(a is b for a, b in zip(view.held, held, strict=True)):
        return view
    if len(_VIEWS) > 4096:  # a long-lived process that checks against ever new references: start again
        _VIEWS.clear()
    targets = [
        target
        for reference in context.ancestors
        if reference.targets_encoded
        for target in _scoped_targets(reference, context.scopes)
    ]
    keys: dict[tuple[int, Kind], tuple[str, Any]] = {}
    for reference_target in targets:
        kind = reference_target.source.plan.plan.kind
        if kind is not None:  # (as `_resolved` asks: a reference's own kind, never the plan's)
            keys[(id(reference_target.target), kind)] = context.resolve(reference_target.target.indicator, kind)
    view = _VIEWS[key] = _ReferenceView(
        held,
        targets,
        binding=[r for r in targets if context.binds(r)],
        shared=[r for r in targets if r.scope.binds is Binds.SHARE and not context.binds(r)],
        keys=keys,
    )
    return view


# (reference plan, scope rules) -> its targets with their scopes: the same for every plan checked against it.
# The key holds both objects, so their ids cannot be reused while an entry lives.
_SCOPED: dict[tuple[int, int], tuple[Any, Any, list[ReferenceTarget]]] = {}


_NAMES: dict[int, tuple[Any, frozenset[str]]] = {}


def _names_of(reference: Any) -> frozenset[str]:
    """The loose keys of a reference's own indicator names: the same for every plan checked against it."""
    entry = _NAMES.get(id(reference))
    if entry is None or entry[0] is not reference:
        if len(_NAMES) > 256:
            _NAMES.clear()
        entry = _NAMES[id(reference)] = (reference, frozenset(_name_key(t.indicator) for t in reference.plan.targets))
    return entry[1]


def _scoped_targets(reference: Any, scopes: ScopeRules) -> list[ReferenceTarget]:
    entry = _SCOPED.get((id(reference), id(scopes)))
    if entry is None or entry[0] is not reference or entry[1] is not scopes:
        if len(_SCOPED) > 256:  # a long-lived process that loads many libraries: start again
            _SCOPED.clear()
        targets = [ReferenceTarget(t, reference, scopes.scope_of(t, reference.id, reference.plan)) for t in reference.plan.targets]
        entry = _SCOPED[(id(reference), id(scopes))] = (reference, scopes, targets)
    return entry[2]
