"""What a batch adds up to: counts per rule and severity, and the matrix of plans × reference indicators.

Both are built one report at a time (`add`), keeping only counts and one small
row per plan, so a batch of any size streams through. The matrix's states and
which rule gives which state are data (`rules/report.yaml`).

A matrix row is one plan (county, kind); a column is one indicator that a
reference plan of it quantifies, by catalogue id (so columns line up whatever
each plan calls it; an uncatalogued indicator is keyed by its normalised name).
A cell says what is known: `missing`, `weaker`, `not-comparable`, `masked` (from the
findings), `waived`, `not-checked` (a rule turned off, or nothing compared), `shared`
(a share of the counties, told as the county's part), `meets` (compared and met) or
`not-binding`; it is absent when the indicator is not among that plan's references.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from compliance.checking import Report
    from compliance.checks import Finding


# The states a cell takes when no finding of a mapped rule decides it (rules/report.yaml).
FALLBACKS = ("waived", "turned-off", "compared", "not-compared", "not-binding")


@cache
def report_settings() -> dict[str, Any]:
    """rules/report.yaml, checked."""
    from compliance.errors import InputError
    from compliance.loading.yamlfile import read_yaml
    from compliance.messages import text
    from compliance.resources import rules_file

    path = rules_file("report.yaml")
    data = read_yaml(path).data
    matrix = data.get("matrix") if isinstance(data, dict) else None
    if not isinstance(matrix, dict) or not isinstance(matrix.get("states"), list) or not isinstance(matrix.get("rules"), dict):
        raise InputError.single(str(path), text("rules-files.report-shape"))
    absent = [name for name in FALLBACKS if name not in matrix]
    if absent:
        raise InputError.single(str(path), text("rules-files.report-fallbacks", names=absent))
    unknown = sorted((set(matrix["rules"].values()) | {matrix[name] for name in FALLBACKS}) - set(matrix["states"]))
    if unknown:
        raise InputError.single(str(path), text("rules-files.report-states", states=unknown))
    return data


def states() -> list[str]:
    return list(report_settings()["matrix"]["states"])


@dataclass
class Column:
    """One reference indicator of the matrix."""

    id: str  # catalogue id, or name:… for an uncatalogued one
    name: str
    kind: str
    domain: str | None
    order: tuple[int, int]  # catalogue position; uncatalogued ones after, in order of appearance

    def record(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "domain": self.domain}


@cache
def _catalogue() -> Any:
    from compliance.catalogue import load_catalogue

    return load_catalogue()


@cache
def _positions() -> dict[str, int]:
    catalogue = _catalogue()
    ids = [i.id for kind in ("women", "children") for i in catalogue.indicators_of(kind)]
    return {id: index for index, id in enumerate(dict.fromkeys(ids))}


@cache
def _resolve(name: str, kind: str) -> tuple[str, Any]:
    from compliance.checks.context import _name_key

    indicator = _catalogue().match_indicator(name, kind)
    return (indicator.id if indicator else _name_key(name)), indicator


def _domain_name(indicator: Any, kind: str) -> str | None:
    if indicator is None:
        return None
    domain_id = indicator.domain_for(kind)
    try:
        return _catalogue().domain(domain_id).name if domain_id else None
    except KeyError:
        return None


def finding_key(finding: Finding, kind: str | None) -> str | None:
    """The matrix column a finding belongs to (None for findings about the whole plan)."""
    if finding.indicator:
        return finding.indicator
    if finding.reference is not None:
        return _resolve(finding.reference.target.indicator, finding.reference.source.plan.plan.kind.value)[0]
    if finding.indicator_name:
        return _resolve(finding.indicator_name, kind)[0]
    return None


def reference_columns(report: Report) -> list[Column]:
    """The indicators the plan's encoded ancestors quantify, in catalogue order.

    The same for every plan checked against the same ancestors (a batch's plans share a few sets of
    them), so worked out once per set: the columns are the same objects from report to report, which
    also lets pickle send each column once per chunk of a batch's worker, not once per plan. An
    uncatalogued column is a fresh copy each time (`Matrix.add_row` numbers it where it first comes).
    """
    from dataclasses import replace

    references = tuple(report.references)
    key = tuple(id(reference) for reference in references)
    entry = _COLUMNS.get(key)
    if entry is None or any(a is not b for a, b in zip(entry[0], references, strict=True)):
        if len(_COLUMNS) > 4096:  # a long-lived process checking against ever new references: start again
            _COLUMNS.clear()
        entry = _COLUMNS[key] = (references, _reference_columns(references))
    return [column if column.order[0] == 0 else replace(column) for column in entry[1]]


# ids of a report's ancestors -> (the ancestors, their columns); the entry holds the ancestors, so their ids are not reused
_COLUMNS: dict[tuple[int, ...], tuple[tuple[Any, ...], list[Column]]] = {}


def _reference_columns(references: tuple[Any, ...]) -> list[Column]:
    columns: dict[str, Column] = {}
    positions = _positions()
    for reference in references:
        if not reference.targets_encoded:
            continue
        kind = reference.plan.plan.kind.value
        for target in reference.plan.targets:
            if not target.target.is_numeric:
                continue
            key, indicator = _resolve(target.indicator, kind)
            if key in columns:
                continue
            order = (0, positions[key]) if key in positions else (1, len(columns))
            name = indicator.name if indicator is not None else target.indicator
            columns[key] = Column(key, name, kind, _domain_name(indicator, kind) or target.domain, order)
    return list(columns.values())


def matrix_cells(report: Report, columns: list[Column]) -> dict[str, dict[str, Any]]:
    """Each column's cell for one plan: what is known of it, the worst severity and the rules behind it.

    The findings of the mapped rules decide (a waived one says so); a finding of a rule
    turned off for the plan makes the cell "not checked"; else the check's coverage says
    whether the plan's target was compared and met, never compared, or not bound at all.
    `stated` says whether the plan states the indicator; `turned_off` names the rules
    turned off that would have had something to say.
    """
    settings = report_settings()["matrix"]
    rule_state: dict[str, str] = settings["rules"]
    precedence = {state: rank for rank, state in enumerate(settings["states"])}
    kind = report.plan.plan.kind.value if report.plan.plan.kind else None
    coverage = report.coverage
    cells: dict[str, dict[str, Any]] = {
        column.id: {"state": None, "severity": None, "rules": [], "stated": column.id in coverage.stated, "turned_off": []}
        for column in columns
    }

    def concern(finding: Finding, state: str, counted: bool) -> None:
        key = finding_key(finding, kind)
        if key not in cells:
            return
        cell = cells[key]
        if cell["state"] is None or precedence[state] < precedence[cell["state"]]:
            cell["state"] = state
        if not counted:
            if finding.rule not in cell["turned_off"]:
                cell["turned_off"].append(finding.rule)
            return
        if finding.rule not in cell["rules"]:
            cell["rules"].append(finding.rule)
        if cell["severity"] is None or finding.severity.rank < _rank(cell["severity"]):
            cell["severity"] = finding.severity.value

    for finding in report.findings:
        state = rule_state.get(finding.rule)
        if state is None:
            continue
        if finding.accepted is not None and finding.accepted.kind == "waiver":
            state = settings["waived"]
        concern(finding, state, counted=True)
    for finding in report.turned_off:
        if finding.rule in rule_state:
            concern(finding, settings["turned-off"], counted=False)
    for key, cell in cells.items():  # no finding concerns it: what the check's coverage knows
        if cell["state"] is None:
            if key in coverage.compared:
                cell["state"] = settings["compared"]
            elif key in coverage.binding:
                cell["state"] = settings["not-compared"]
            else:
                cell["state"] = settings["not-binding"]
    return cells


def _rank(severity: str) -> int:
    return ["error", "warning", "info"].index(severity)


@dataclass
class Statistics:
    """Counts across a batch, per rule and per severity (like `ruff --statistics`)."""

    inputs: int = 0
    plans: int = 0
    plans_failed: int = 0
    input_errors: int = 0
    internal_errors: int = 0
    severities: Counter[str] = field(default_factory=Counter)
    rules: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (code, rule, severity)
    accepted: Counter[str] = field(default_factory=Counter)  # waiver | baseline: shown, not counted above

    def add(self, report: Report) -> None:
        self.plans += 1
        self.plans_failed += int(report.failed)
        for finding in report.findings:
            if finding.accepted is not None:
                self.accepted[finding.accepted.kind] += 1
                continue
            self.severities[finding.severity.value] += 1
            self.rules[(finding.code, finding.rule, finding.severity.value)] += 1

    def merge(self, other: Statistics) -> None:
        """Add another's counts (a worker's, for the reports it made)."""
        self.plans += other.plans
        self.plans_failed += other.plans_failed
        self.severities.update(other.severities)
        self.rules.update(other.rules)
        self.accepted.update(other.accepted)

    def add_failure(self, internal: bool = False) -> None:
        self.input_errors += 1
        self.internal_errors += int(internal)

    def by_rule(self) -> list[dict[str, Any]]:
        from compliance.messages import msg

        rows: dict[tuple[str, str], dict[str, Any]] = {}
        for (code, rule, severity), count in self.rules.items():
            row = rows.setdefault(
                (code, rule),
                {"code": code, "rule": rule, "title": str(msg(f"{rule}.title")), "count": 0,
                 "error": 0, "warning": 0, "info": 0},
            )
            row["count"] += count
            row[severity] += count
        return sorted(rows.values(), key=lambda r: (-r["count"], r["code"]))

    def record(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "plans": self.plans,
            "plans_failed": self.plans_failed,
            "input_errors": self.input_errors,
            "errors": self.severities["error"],
            "warnings": self.severities["warning"],
            "info": self.severities["info"],
            "waived": self.accepted["waiver"],
            "baselined": self.accepted["baseline"],
            "by_severity": {s: self.severities[s] for s in ("error", "warning", "info")},
            "by_rule": self.by_rule(),
        }


@dataclass
class Matrix:
    """The plans × reference indicators matrix, a row per plan as each report comes."""

    columns: dict[tuple[str, str], Column] = field(default_factory=dict)  # by (kind, id)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, report: Report, index: int) -> dict[str, Any]:
        return self.add_row(*matrix_row(report), index)

    def add_row(self, columns: list[Column], row: dict[str, Any], index: int) -> dict[str, Any]:
        """A row made by `matrix_row` (perhaps in a worker), as the report numbered `index`."""
        for column in columns:
            if (column.kind, column.id) not in self.columns:
                if column.order[0] == 1:
                    column.order = (1, len(self.columns))
                self.columns[(column.kind, column.id)] = column
        row = {"report": index, **row}
        self.rows.append(row)
        return row

    def ordered_columns(self) -> list[Column]:
        kinds = {"women": 0, "children": 1}
        return sorted(self.columns.values(), key=lambda c: (kinds.get(c.kind, 2), c.order))

    def record(self) -> dict[str, Any]:
        return {
            "states": states(),
            "columns": [c.record() for c in self.ordered_columns()],
            "rows": self.rows,
        }


def matrix_row(report: Report) -> tuple[list[Column], dict[str, Any]]:
    """One plan's reference columns and its row of the matrix (without its number in the batch)."""
    columns = reference_columns(report)
    info = report.plan.plan
    row = {
        "county": county(info.jurisdiction),
        "jurisdiction": list(info.jurisdiction),
        "kind": info.kind.value if info.kind else None,
        "title": info.title,
        "file": str(report.plan.path) if report.plan.path else None,
        "cells": matrix_cells(report, columns),
    }
    return columns, row


def county(jurisdiction: list[str] | tuple[str, ...]) -> str:
    """The place a plan is of, as a reviewer names it: its last jurisdiction (全国 for the nation)."""
    from compliance.messages import msg

    return jurisdiction[-1] if jurisdiction else str(msg("term.nationwide"))


def headline(summary: dict[str, Any]) -> Any:
    """The batch in one line: 共检查规划4个（2个有错误），0个文件无法读取；错误7项，警告11项，提示4项."""
    from compliance.messages import msg

    return msg(
        "report.batch-summary",
        plans=msg("report.plans", count=summary["plans"]),
        failed=summary["plans_failed"],
        unreadable=msg("report.unreadable-count", count=summary["input_errors"]),
        errors=msg("report.errors", count=summary["errors"]),
        warnings=msg("report.warnings", count=summary["warnings"]),
        info=summary["info"],
    )
