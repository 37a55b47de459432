"""Plans as YAML in the plan format, for a person to review and edit.

Chinese stays as written (not escaped), fields come in document order, every
target carries its line, section, verbatim text and a structured `target`
mapping. `compliance.loading.plans.loads_plan(dump_plan(plan))` gives the same
plan back.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

from compliance.model import Plan, Target, TargetValue, target_mapping


class _Flow(dict):  # type: ignore[type-arg]
    """A mapping written on one line: {op: '>=', value: 95, unit: '%'}."""


class _FlowList(list):  # type: ignore[type-arg]
    """A list written on one line: [2021, 2025]."""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        """Never an anchor: a value met twice (a TargetValue's Decimal, shared by the targets that write it alike) is written twice."""
        return True


def _number(dumper: yaml.SafeDumper, value: Decimal) -> Any:
    if value == value.to_integral_value():
        return dumper.represent_int(int(value))
    return dumper.represent_float(float(format(value.normalize(), "f")))


def _float(dumper: yaml.SafeDumper, value: float) -> Any:
    text = repr(value)
    return dumper.represent_scalar("tag:yaml.org,2002:float", text)


_Dumper.add_representer(Decimal, _number)
_Dumper.add_representer(float, _float)
_Dumper.add_representer(_Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=True))
_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def flow_target(value: TargetValue) -> dict[str, Any]:
    """The `target:` mapping, its ratio written inline as [2, 3]."""
    mapping = target_mapping(value)
    if "ratio" in mapping:
        mapping["ratio"] = _FlowList(mapping["ratio"])
    return mapping


def target_dict(target: Target) -> dict[str, Any]:
    out: dict[str, Any] = {"indicator": target.indicator}
    if target.domain is not None:
        out["domain"] = target.domain
    out["target"] = _Flow(flow_target(target.target))
    if target.year is not None:
        out["year"] = target.year
    if target.baseline is not None:
        base = target.baseline
        baseline: dict[str, Any] = {}
        for name in ("year", "value", "unit", "text", "verified", "derived", "note"):
            value = getattr(base, name)
            if value is not None:
                baseline[name] = value
        if base.evidence:
            baseline["evidence"] = list(base.evidence)
        out["baseline"] = _Flow(baseline)
    if target.section is not None:
        out["section"] = str(target.section)
    if target.line is not None:
        out["line"] = target.line
    if target.locator is not None:
        out["locator"] = target.locator
    if target.text is not None:
        out["text"] = target.text
    if target.lead_units:
        out["lead_units"] = _FlowList(target.lead_units)
    if target.responsible_units:
        out["responsible_units"] = _FlowList(target.responsible_units)
    if target.verified is not None:
        out["verified"] = target.verified
    if target.evidence:
        out["evidence"] = list(target.evidence)
    if target.note is not None:
        out["note"] = target.note
    if target.parent_target is not None:
        out["parent_target"] = _Flow(flow_target(target.parent_target))
        if target.parent_column:
            out["parent_column"] = target.parent_column
    if target.disagreements:
        out["disagreements"] = [
            _Flow({k: v for k, v in d.model_dump().items() if v is not None}) for d in target.disagreements
        ]
    return out


def plan_dict(plan: Plan) -> dict[str, Any]:
    info = plan.plan
    head: dict[str, Any] = {
        "title": info.title,
        "kind": str(info.kind) if info.kind is not None else None,
        "level": str(info.level) if info.level is not None else None,
        "jurisdiction": _FlowList(info.jurisdiction),
        "period": _FlowList(info.period) if info.period is not None else None,
    }
    if info.unknown:
        head["unknown"] = _FlowList(info.unknown)
    if info.document_number is not None:
        head["document_number"] = info.document_number
    if info.follows:
        head["follows"] = list(info.follows)
    if info.source is not None:
        source = {k: v for k, v in info.source.model_dump(mode="json").items() if v is not None}
        if source:
            head["source"] = source
    if not info.targets_encoded:
        head["targets_encoded"] = False
    if info.partly_encoded is not None:
        head["partly_encoded"] = {k: v for k, v in info.partly_encoded.model_dump().items() if v is not None}
    if info.verified is not None:
        head["verified"] = info.verified
    if info.evidence:
        head["evidence"] = list(info.evidence)
    if info.last_verified is not None:
        head["last_verified"] = _Flow(info.last_verified.model_dump())
    if info.note is not None:
        head["note"] = info.note
    if info.inferred_from:
        head["inferred_from"] = dict(info.inferred_from)
    if info.heading is not None:
        head["heading"] = _Flow(info.heading.model_dump(mode="json", exclude_none=True))
    out: dict[str, Any] = {"format": plan.format, "plan": head}
    if plan.domains:
        out["domains"] = list(plan.domains)
    out["targets"] = [target_dict(t) for t in plan.targets]
    if plan.unparsed:
        out["unparsed"] = [
            _Flow({k: v for k, v in u.model_dump().items() if v is not None}) for u in plan.unparsed
        ]
    return out


def _yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)


def dump_plan(plan: Plan) -> str:
    """One plan as a YAML document, with a comment saying what to review (in the user's language)."""
    from compliance.messages import text

    info = plan.plan
    source = info.source.file if info.source and info.source.file else text("extract.header-source-unknown")
    numeric = sum(1 for t in plan.targets if t.target.is_numeric)
    masked = sum(1 for t in plan.targets if t.target.masked)
    header = [
        text("extract.header-source", title=info.title, source=source),
        text("extract.header-counts", targets=len(plan.targets), numeric=numeric, masked=masked, unparsed=len(plan.unparsed)),
        text("extract.header-review"),
        text("extract.header-review-unparsed"),
    ]
    if info.is_news_summary:
        header.append(text("extract.header-news"))
    for name in info.missing:
        header.append(text("extract.header-missing", name=name))
    body = _yaml(plan_dict(plan))
    return "\n".join(header) + "\n" + _spaced(body)


def _spaced(body: str) -> str:
    """A blank line before each top-level key after the first, for reading."""
    lines = body.splitlines()
    out: list[str] = []
    for line in lines:
        if out and line and not line.startswith((" ", "-", "#")):
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"


def dump_plans(plans: list[Plan]) -> str:
    """Several plans as a YAML stream: documents separated by `---`."""
    return "---\n".join(dump_plan(plan) for plan in plans)
