"""Waivers: findings accepted on purpose, each with its reason, who approved it and until when.

    format: compliance-waivers/1
    waivers:
      - rule: weaker-threshold                 # a rule's name or code
        plan: plans/shizhong-women.yaml        # relative to this file; or jurisdiction: 山东省/济南市/市中区 + kind: women
        indicator: 艾滋病母婴传播率              # as written, or the catalogue id; omitted: any
        reason: 经市妇儿工委2022年第3次会议同意，本区因…暂按95%执行
        approved-by: 济南市妇儿工委
        expires: 2026-12-31                    # the last day it holds; omitted: no expiry

A waived finding stays in the report, marked with its waiver, and does not
count against the exit code. A waiver past its expiry accepts nothing and is
an `expired-waiver` finding (an error); a waiver of a checked plan that
matches no finding is an `unused-waiver` finding, so that waivers do not rot.
The file is validated against `waivers.schema.json`; every problem is reported
with its line and column.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compliance.checks import Finding
from compliance.checks.base import Acceptance, Rule
from compliance.errors import InputError
from compliance.messages import Message, msg, text
from compliance.model import Plan, Position

if TYPE_CHECKING:  # pragma: no cover
    from compliance.checking import Report

FORMAT = "compliance-waivers/1"
SCHEMA = Path(__file__).with_name("waivers.schema.json")


@dataclass(frozen=True)
class Waiver:
    """One accepted finding (or set of findings): what it matches, why, by whom, until when."""

    rule: str  # the rule's name
    reason: str
    approved_by: str
    position: Position  # where the entry stands in the waivers file
    plan: Path | None = None  # the plan file (resolved against the waivers file's folder)
    jurisdiction: tuple[str, ...] = ()
    kind: str | None = None
    indicator: str | None = None
    domain: str | None = None
    reference: str | None = None
    expires: date | None = None

    @property
    def source(self) -> str:
        return str(self.position)

    @property
    def subject(self) -> str:
        """What the waiver is about, for messages."""
        plan = str(self.plan.name) if self.plan else "/".join(self.jurisdiction) + f" ({self.kind})"
        about = self.indicator or self.domain or self.reference
        return f"{plan}: {about}" if about else plan

    def expired(self, today: date) -> bool:
        return self.expires is not None and today > self.expires

    def names_plan(self, plan: Plan) -> bool:
        if self.plan is not None:
            return plan.path is not None and Path(plan.path).resolve() == self.plan.resolve()
        from compliance.catalogue.places import gazetteer

        places = gazetteer()
        kind = plan.plan.kind.value if plan.plan.kind else None
        return kind == self.kind and places.same_place(plan.plan.jurisdiction, self.jurisdiction)

    def matches(self, finding: Finding, plan: Plan) -> bool:
        """Does this waiver accept `finding` of `plan` (the plan already named by the waiver)?"""
        if finding.rule != self.rule:
            return False
        if self.indicator is not None and self.indicator not in self._indicator_forms(finding, plan):
            return False
        if self.domain is not None and self.domain != finding.domain:
            return False
        return self.reference is None or self.reference in _reference_names(finding)

    def _indicator_forms(self, finding: Finding, plan: Plan) -> set[str]:
        forms = {f for f in (finding.indicator, finding.indicator_name) if f}
        kind = plan.plan.kind.value if plan.plan.kind else None
        if finding.indicator is not None and self._catalogue_id(kind) == finding.indicator:
            forms.add(str(self.indicator))
        return forms

    def _catalogue_id(self, kind: str | None) -> str | None:
        return _catalogue_ids(self.indicator).get(kind) if kind else None

    def acceptance(self) -> Acceptance:
        return Acceptance("waiver", self.source, self.reason, self.approved_by, self.expires)


@cache
def _catalogue_ids(name: str | None) -> dict[str, str]:
    """The catalogue id a waiver's indicator name stands for, per plan kind."""
    if name is None:
        return {}
    from compliance.catalogue import load_catalogue

    catalogue = load_catalogue()
    found = {}
    for kind in ("women", "children"):
        indicator = catalogue.match_indicator(name, kind)
        if indicator is not None:
            found[kind] = indicator.id
    return found


def _reference_names(finding: Finding) -> set[str]:
    reference = finding.reference.source if finding.reference is not None else finding.reference_plan
    if reference is None:
        return set()
    return {reference.plan.plan.title, reference.id, str(reference.file)}


@dataclass
class Waivers:
    """The waivers of a project, from one file."""

    file: str
    entries: list[Waiver]

    @cached_property
    def by_plan_file(self) -> dict[Path, list[Waiver]]:
        grouped: dict[Path, list[Waiver]] = {}
        for waiver in self.entries:
            if waiver.plan is not None:
                grouped.setdefault(waiver.plan, []).append(waiver)
        return grouped

    @cached_property
    def by_place(self) -> list[Waiver]:
        return [waiver for waiver in self.entries if waiver.plan is None]

    def of(self, plan: Plan) -> list[Waiver]:
        """The waivers that name `plan` (by its file, or by its jurisdiction and kind), in file order."""
        named = self.by_plan_file.get(Path(plan.path).resolve(), []) if plan.path is not None else []
        placed = [waiver for waiver in self.by_place if waiver.names_plan(plan)]
        return sorted([*named, *placed], key=lambda w: (w.position.line or 0))


def load_waivers(path: Path | str) -> Waivers:
    """The waivers of a file; InputError listing every problem with its position."""
    from compliance.loading.yamlfile import read_yaml

    return _build(read_yaml(path), Path(path).parent)


def parse_waivers(content: str, file: str = "<waivers>", folder: Path | None = None) -> Waivers:
    """Waivers from YAML text (plan paths relative to `folder`, by default the working directory)."""
    from compliance.loading.yamlfile import parse_yaml

    return _build(parse_yaml(content, file), folder or Path.cwd())


def _build(document: Any, folder: Path) -> Waivers:
    from compliance.config.selection import did_you_mean, rules_matching
    from compliance.loading.validate import validate

    data = document.data
    for entry in data.get("waivers", []) if isinstance(data, dict) and isinstance(data.get("waivers"), list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("expires"), date):
            entry["expires"] = entry["expires"].isoformat()  # YAML reads 2026-12-31 as a date; the schema sees text
    problems = validate(document, SCHEMA)
    if problems:
        raise InputError(problems)
    waivers: list[Waiver] = []
    for index, entry in enumerate(data["waivers"]):
        path = ("waivers", index)
        line, column = document.position(path)
        rules = rules_matching(entry["rule"])
        if len(rules) != 1 or entry["rule"].strip() not in (rules[0].name, rules[0].code()):
            problems.append(
                document.problem(
                    (*path, "rule"),
                    text("waiver.not-one-rule", rule=entry["rule"]),
                    did_you_mean(entry["rule"]) if not rules else text("waiver.not-one-rule-hint"),
                )
            )
            continue
        expires = None
        if "expires" in entry:
            try:
                expires = date.fromisoformat(entry["expires"])
            except ValueError:
                problems.append(document.problem((*path, "expires"), text("waiver.bad-date", value=entry["expires"])))
                continue
        plan = None
        if "plan" in entry:
            plan = (folder / entry["plan"]).resolve()
            if not plan.is_file():
                problems.append(
                    document.problem((*path, "plan"), text("waiver.no-plan", plan=entry["plan"]), text("waiver.no-plan-hint"))
                )
                continue
        jurisdiction = entry.get("jurisdiction", ())
        if isinstance(jurisdiction, str):
            jurisdiction = [p for p in jurisdiction.replace("／", "/").split("/") if p.strip()]
        waivers.append(
            Waiver(
                rule=rules[0].name,
                reason=entry["reason"].strip(),
                approved_by=entry["approved-by"].strip(),
                position=Position(file=document.file, line=line, column=column),
                plan=plan,
                jurisdiction=tuple(p.strip() for p in jurisdiction),
                kind=entry.get("kind"),
                indicator=entry.get("indicator"),
                domain=entry.get("domain"),
                reference=entry.get("reference"),
                expires=expires,
            )
        )
    if problems:
        raise InputError(problems)
    return Waivers(document.file, waivers)


def apply_waivers(reports: Iterable[Report], waivers: Waivers, today: date | None = None) -> None:
    """Mark the findings each waiver accepts; add expired-waiver and unused-waiver findings to the reports.

    Only waivers of the plans in `reports`, and of rules that ran for them, are
    judged: a waiver of a plan not checked in this run is neither used nor unused.
    """
    from compliance.checks.waivers import ExpiredWaiver, UnusedWaiver

    today = today or date.today()
    for report in reports:
        ran = report.settings.select
        for waiver in waivers.of(report.plan):
            if waiver.rule not in ran:
                continue
            if waiver.expired(today):
                if ExpiredWaiver.name in ran:
                    report.findings.append(
                        _waiver_finding(
                            report,
                            ExpiredWaiver,
                            waiver,
                            msg("expired-waiver.hint"),
                            approved_by=waiver.approved_by,
                            expires=waiver.expires.isoformat() if waiver.expires else "",
                        )
                    )
                continue
            matched = [f for f in report.findings if f.accepted is None and waiver.matches(f, report.plan)]
            for finding in matched:
                finding.accepted = waiver.acceptance()
            if not matched and UnusedWaiver.name in ran:
                report.findings.append(_waiver_finding(report, UnusedWaiver, waiver, msg("unused-waiver.hint", file=waivers.file)))


def _waiver_finding(report: Report, about: type[Rule], waiver: Waiver, hint: Message, **params: Any) -> Finding:
    """A finding about a waiver (expired, unused), at the waiver's entry in its file."""
    from compliance.checks import rule

    waived = rule(waiver.rule)
    label = f"{waived.code()} {waiver.rule}" if waived else waiver.rule
    return about.finding(
        msg(f"{about.name}.message", rule=label, subject=waiver.subject, **params),
        severity=report.settings.severity.get(about.name),
        suggestion=hint,
        indicator_name=waiver.indicator,
        domain=waiver.domain,
        position=waiver.position,
    )
