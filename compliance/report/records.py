"""Plain records (JSON-ready dicts) of plans, references and targets, shared by reports and the CLI."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from compliance.model import Plan, Target, TargetValue
from compliance.references import ReferencePlan


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: 95 stays 95, 0.85 stays 0.85."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}


def value_text(value: TargetValue) -> str:
    """A target in short, for a reader: ≤3%, ≥70%, 约40%, 以2020年为基数下降20%, 逐步提高 (English: ~ 40%, decrease by 20%)."""
    from compliance.messages import language, msg
    from compliance.model import Op
    from compliance.units import quantity_text

    if value.op is Op.QUAL:
        return str(msg(f"term.direction.{(value.direction.value if value.direction else 'increase')}"))
    if value.op.is_relative and language() == "zh":
        from compliance.phrases import render

        return render(None, value)
    sign = _SIGNS.get(value.op.value) or str(msg(f"term.op.{value.op.name.lower()}")) + ("" if language() == "zh" else " ")
    if value.masked:
        amount = "**" + (value.unit or "")
    elif value.ratio is not None:
        amount = ":".join(format(part.normalize(), "f") for part in value.ratio)
    else:
        amount = quantity_text(value.value, value.unit) if value.value is not None else ""
        if value.value_max is not None:
            amount += "–" + quantity_text(value.value_max, value.unit)
    text = sign + amount
    if value.op.is_relative and value.base_year:
        text += f" ({value.base_year})"
    return text


def location(target: Target) -> str | None:
    """Where a reviewer finds a target in the plan's own document, in their words.

    The document's own locator (第2页第14行, 表1 第5行 本县目标列), else its
    line (第43行 / line 43), else the entry's place in the plan file.
    """
    from compliance.messages import msg

    if target.locator:
        return target.locator
    if target.line:
        return str(msg("report.plan-at-line", line=target.line))
    return str(target.position) if target.position else None


def plan_record(plan: Plan) -> dict[str, Any]:
    info = plan.plan
    return {
        "title": info.title,
        "county": info.jurisdiction[-1] if info.jurisdiction else None,
        "kind": info.kind.value if info.kind else None,
        "level": info.level.value if info.level else None,
        "jurisdiction": list(info.jurisdiction),
        "period": list(info.period) if info.period else None,
        "unknown": info.missing,
        "source_type": str(info.source.type) if info.source and info.source.type else "plan",
        "document_number": info.document_number,
        "file": str(plan.path) if plan.path else None,
    }


def reference_record(reference: ReferencePlan) -> dict[str, Any]:
    targets = reference.plan.targets
    return {
        "id": reference.id,
        **plan_record(reference.plan),
        "origin": reference.origin,
        "targets_encoded": reference.targets_encoded,
        "partly_encoded": reference.plan.plan.partly_encoded.model_dump() if reference.partly_encoded else None,  # type: ignore[union-attr]
        "targets": len(targets),
        "numeric_targets": sum(1 for t in targets if t.target.is_numeric),
        "verified_targets": sum(1 for t in targets if t.verified),
        "last_verified": reference.plan.plan.last_verified.model_dump() if reference.plan.plan.last_verified else None,
        "from_your_copy": reference.from_your_copy,
    }


def target_record(target: Target) -> dict[str, Any]:
    value = target.target
    baseline = target.baseline
    return {
        "indicator": target.indicator,
        "domain": target.domain,
        "op": value.op.value,
        "value": number(value.value),
        "unit": value.unit,
        "masked": value.masked,
        "direction": value.direction.value if value.direction else None,
        "condition": value.condition,
        "base_year": value.base_year,
        "year": target.year,
        "baseline": None
        if baseline is None
        else {
            "year": baseline.year,
            "value": number(baseline.value),
            "unit": baseline.unit,
            "verified": baseline.verified,
            "derived": bool(baseline.derived),
        },
        "text": target.text,
        "line": target.line,
        "locator": target.locator,
        "section": target.section.value if target.section else None,
        "verified": target.verified,
        "evidence": list(target.evidence),
        "note": target.note,
        "disagreements": [d.model_dump() for d in target.disagreements],
    }
