"""Loading plan files: validate as written, then build the model, reporting every problem.

Two passes, so that users learn about their file in their terms:
1. the JSON Schema (structure, types, allowed words), with line and column;
2. meaning: units that can be read, phrases that state exactly one target,
   periods that make sense, domains that exist in the plan.
Only a file with no problem becomes a `Plan`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from compliance.collector import paused
from compliance.errors import InputError, NumberError, Problem, UnitError
from compliance.loading.validate import validate
from compliance.loading.yamlfile import YamlDocument, parse_yaml, read_text
from compliance.model import (
    MAX_DIGITS,
    Baseline,
    Plan,
    PlanInfo,
    Scope,
    TargetValue,
    digits_written,
)

SCHEMA_PATH = Path(__file__).with_name("plan.schema.json")
PLAN_SUFFIXES = (".yaml", ".yml", ".json")


def schema_text() -> str:
    """The published JSON Schema of plan files."""
    return SCHEMA_PATH.read_text(encoding="utf-8")


def _decimal(value: Any) -> Decimal | None:
    """Decimal from a number of the data without float noise (0.85 stays 0.85)."""
    if value is None:
        return None
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _text(id: str, **params: Any) -> str:
    from compliance.messages import text

    return text(id, **params)


class _Builder:
    """Builds a Plan from a schema-valid document, collecting problems with positions."""

    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.kept: dict[tuple[Any, ...], TargetValue] | None = None  # _kept_values(), once asked for

    def problem(self, path: tuple[str | int, ...], message: str, hint: str | None = None) -> None:
        self.problems.append(self.document.problem(path, message, hint))

    def number(self, value: Any, path: tuple[str | int, ...]) -> Decimal | None:
        """A value exactly as the file writes it (never through a float); a problem if it has too many digits."""
        if value is None:
            return None
        written = self.document.numbers.get(path)
        number = Decimal(written) if written is not None else _decimal(value)
        if digits_written(written if written is not None else format(number, "f")) > MAX_DIGITS:
            self.problem(path, _text("plan-file.too-many-digits", limit=MAX_DIGITS), _text("plan-file.too-many-digits-hint", limit=MAX_DIGITS))
            return None
        return number

    def unit(self, written: Any, path: tuple[str | int, ...]) -> str | None:
        if written is None:
            return None
        from compliance.units import normalise_unit

        try:
            return normalise_unit(str(written))
        except UnitError as error:
            self.problem(path, str(error), _text("plan-file.unit-hint"))
            return None

    def target_value(self, raw: Any, path: tuple[str | int, ...]) -> tuple[TargetValue | None, str | None]:
        """The normalised target and, for a phrase, the phrase as written.

        A mapping written as one already read (its numbers written alike) gives the same TargetValue, which
        is frozen: a plan's targets and a batch's plans repeat a few dozen of them (`{op: ">=", value: 95,
        unit: "%"}`), and validating each again was a sixth of a plan's load.
        """
        if isinstance(raw, str):
            return self.phrase(raw, path), raw
        kept = self.kept
        if kept is None:
            kept = self.kept = _kept_values()
        key = self._written(raw, path)
        if key is not None:
            found = kept.get(key)
            if found is not None:
                return found, None
        before = len(self.problems)
        value, written = self._target_value(raw, path)
        if key is not None and value is not None and len(self.problems) == before:
            if len(kept) >= _VALUES_KEPT:
                kept.clear()
            kept[key] = value
        return value, written

    def _written(self, raw: dict[str, Any], path: tuple[str | int, ...]) -> tuple[Any, ...] | None:
        """A target mapping as written: each field's type, value and digits as the file writes them (None: not kept)."""
        numbers = self.document.numbers
        key: list[Any] = []
        for name, value in raw.items():
            if type(value) is list:
                value = tuple((type(v), v, numbers.get((*path, name, i))) for i, v in enumerate(value))
                if any(type(v) in (list, dict) for _, v, _ in value):
                    return None
            elif type(value) is dict:
                return None
            key.append((name, type(value), value, numbers.get((*path, name))))
        return tuple(key)

    def _target_value(self, raw: Any, path: tuple[str | int, ...]) -> tuple[TargetValue | None, str | None]:
        fields = dict(raw)
        fields["unit"] = self.unit(fields.get("unit"), (*path, "unit"))
        if fields.get("unit") is None and raw.get("unit") is not None:
            return None, None
        before = len(self.problems)
        for name in ("value", "value_max"):
            fields[name] = self.number(fields.get(name), (*path, name))
        if fields.get("ratio") is not None:
            fields["ratio"] = tuple(self.number(v, (*path, "ratio", i)) for i, v in enumerate(fields["ratio"]))
        if len(self.problems) > before:
            return None, None
        try:
            value = TargetValue(**fields)
        except ValueError as error:  # pydantic's ValidationError is a ValueError
            self.problem(path, _first_error(error), _text("plan-file.target-hint"))
            return None, None
        return self.with_unit(value, path), None

    def with_unit(self, value: TargetValue | None, path: tuple[str | int, ...]) -> TargetValue | None:
        """A number without a unit cannot be compared with anything: refused here rather than failing the check."""
        if value is not None and value.is_numeric and value.value is not None and value.unit is None:
            self.problem(path, _text("plan-file.no-unit"), _text("plan-file.no-unit-hint"))
            return None
        return value

    def phrase(self, text: str, path: tuple[str | int, ...]) -> TargetValue | None:
        from compliance.phrases import parse, parse_compact

        try:
            compact = parse_compact(text)
        except UnitError as error:
            self.problem(path, str(error), _text("plan-file.unit-hint"))
            return None
        except NumberError:
            self.problem(path, _text("plan-file.too-many-digits", limit=MAX_DIGITS), _text("plan-file.too-many-digits-hint", limit=MAX_DIGITS))
            return None
        if compact is not None:
            return self.with_unit(compact, path)
        found = parse(text)
        numeric = [t for t in found if t.to_target_value().is_numeric]
        chosen = numeric or found
        if len(chosen) == 1:
            return self.with_unit(chosen[0].to_target_value(), path)
        if not chosen and any(digits_written(n) > MAX_DIGITS for n in re.findall(r"[0-9０-９][0-9０-９.．,]*", text)):
            self.problem(path, _text("plan-file.too-many-digits", limit=MAX_DIGITS), _text("plan-file.too-many-digits-hint", limit=MAX_DIGITS))
        elif not chosen:
            self.problem(path, _text("plan-file.no-target", phrase=text), _text("plan-file.no-target-hint"))
        else:
            stated = [t.quote for t in chosen]
            self.problem(
                path,
                _text("plan-file.several-targets", count=len(chosen), stated=stated),
                _text("plan-file.several-targets-hint"),
            )
        return None

    def target(
        self, raw: dict[str, Any], index: int, domains: list[str], period: tuple[int, int] | None
    ) -> dict[str, Any] | None:
        """The fields of one Target (made with the Plan, in one validation: a plan has dozens), or None."""
        path: tuple[str | int, ...] = ("targets", index)
        value, written = self.target_value(raw["target"], (*path, "target"))
        baseline = None
        if raw.get("baseline"):
            base = dict(raw["baseline"])
            baseline = Baseline(
                year=base.get("year"),
                value=self.number(base.get("value"), (*path, "baseline", "value")),
                unit=self.unit(base.get("unit"), (*path, "baseline", "unit")),
                text=base.get("text"),
                verified=base.get("verified"),
                derived=base.get("derived"),
                evidence=list(base.get("evidence") or []),
                note=base.get("note"),
            )
        domain = raw.get("domain")
        if domain and domains and domain not in domains:
            self.problem(
                (*path, "domain"),
                _text("plan-file.unknown-domain", domain=domain),
                _text("plan-file.unknown-domain-hint", domains=domains),
            )
        year = raw.get("year")
        if year is not None and period is not None and not period[0] <= year <= period[1]:
            self.problem((*path, "year"), _text("plan-file.year-outside", year=year, first=period[0], last=period[1]),
                         _text("plan-file.year-outside-hint", first=period[0], last=period[1]))
        if value is None:
            return None
        parent_target = None
        if raw.get("parent_target") is not None:
            parent_target, _ = self.target_value(raw["parent_target"], (*path, "parent_target"))
        line, column = self.document.position(path)
        return dict(
            indicator=raw["indicator"],
            domain=domain,
            target=value,
            written=written,
            year=year,
            baseline=baseline,
            text=raw.get("text"),
            line=raw.get("line"),
            locator=raw.get("locator"),
            section=raw.get("section"),
            lead_units=list(raw.get("lead_units") or []),
            responsible_units=list(raw.get("responsible_units") or []),
            verified=raw.get("verified"),
            evidence=list(raw.get("evidence") or []),
            note=raw.get("note"),
            disagreements=list(raw.get("disagreements") or []),
            scope=Scope.read(raw["scope"], origin=f"{self.document.file}:{line}") if raw.get("scope") else None,
            position={"file": self.document.file, "line": line, "column": column},  # a Position
            parent_target=parent_target,
            parent_column=raw.get("parent_column"),
        )

    def plan(self) -> Plan | None:
        data = self.document.data
        info = dict(data["plan"])
        period = info.get("period")
        if period is not None:
            start, end = period
            if start > end:
                self.problem(("plan", "period"), _text("plan-file.period-backwards", first=start, last=end),
                             _text("plan-file.period-backwards-hint", first=start, last=end))
        domains = [str(d) for d in data.get("domains") or []]
        targets = [self.target(dict(raw), i, domains, period) for i, raw in enumerate(data.get("targets") or [])]
        if self.problems:
            return None
        return Plan(
            format=data["format"],
            plan=PlanInfo(**info),
            domains=domains,
            targets=[t for t in targets if t is not None],
            unparsed=data.get("unparsed") or [],
            path=Path(self.document.file),
        )


# target mappings as written -> their TargetValue (_Builder.target_value), for one table of units
# (rules/units.yaml decides what a unit as written normalises to: edited, the values are read afresh)
_VALUES: tuple[Any, dict[tuple[Any, ...], TargetValue]] = (None, {})
_VALUES_KEPT = 4096


def _kept_values() -> dict[tuple[Any, ...], TargetValue]:
    from compliance.units import _table

    global _VALUES
    table = _table()
    if _VALUES[0] is not table:
        _VALUES = (table, {})
    return _VALUES[1]


def _first_error(error: ValueError) -> str:
    errors = getattr(error, "errors", None)
    if callable(errors):
        details = errors()
        if details:
            return str(details[0].get("msg", error)).removeprefix("Value error, ")
    return str(error)


def plan_from_document(document: YamlDocument) -> Plan:
    """A Plan from a parsed document; InputError listing every problem otherwise."""
    if document.data is None:
        raise InputError.single(
            document.file, _text("plan-file.empty"), line=1, column=1, hint=_text("plan-file.empty-hint")
        )
    problems = validate(document, SCHEMA_PATH, docs="docs/plan-format.md")
    if problems:
        raise InputError(problems)
    builder = _Builder(document)
    plan = builder.plan()
    if plan is None:
        raise InputError(builder.problems)
    return plan


def loads_plan(text: str, file: str = "<string>") -> Plan:
    """A Plan from YAML or JSON text."""
    with paused():  # thousands of objects, no cycles (compliance.collector)
        return plan_from_document(parse_yaml(text, file))


def load_plan(path: Path | str) -> Plan:
    """A Plan from a plan file (.yaml, .yml or .json)."""
    path = Path(path)
    if path.suffix.lower() not in PLAN_SUFFIXES:
        from compliance.reading import FORMATS

        raise InputError.single(
            str(path),
            _text("plan-file.not-a-plan-file", suffixes=list(PLAN_SUFFIXES)),
            hint=_text("plan-file.not-a-plan-file-hint", formats=FORMATS),
        )
    return loads_plan(read_text(path), str(path))
