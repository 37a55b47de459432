"""The HTML report: one self-contained page (CSS and script inline, nothing fetched) to open, print on A4 or forward.

The matrix comes first (plans × reference indicators, filterable by county,
rule and severity), then the counts per rule, the inputs that could not be
read, and each plan's findings grouped by domain: the plan's words and where
they stand, the reference's words, whether the reference value is verified,
and its evidence. Rendered from the report document with a Jinja2 template
(`templates/report.html.j2`); every word comes from the message catalogues.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from functools import cache
from typing import Any

from compliance.messages import msg
from compliance.report.summary import headline
from compliance.report.formats import DocumentWriter

SEVERITIES = ("error", "warning", "info")


def t(id: str, **params: Any) -> str:
    """A message in the current language (the template's `t`)."""
    return str(msg(id, **params))


@cache
def _template() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(
        loader=PackageLoader("compliance.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("report.html.j2")


def generated_on() -> str:
    """Today, or the day SOURCE_DATE_EPOCH names (reproducible reports and screenshots)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() else datetime.now(UTC)
    return moment.strftime("%Y-%m-%d")


def _finding_view(finding: dict[str, Any]) -> dict[str, Any]:
    target = finding["plan_target"]
    reference = finding["reference"]
    return {
        **finding,
        "severity_label": t(f"term.severity.{finding['severity']}"),
        "plan": None
        if target is None
        else {"where": target.get("location") or "", "words": target["text"] or "", "stated": _stated(target)},
        "ref": None
        if reference is None
        else {
            "document": reference["document"],
            "words": reference["text"] or "",
            "stated": _stated(reference) if reference["op"] else "",
            "year": reference["year"],
            "verified": reference["verified"] if reference["op"] is not None else None,  # a target's flag only
            "evidence": reference["evidence"],
        },
    }


def _stated(side: dict[str, Any]) -> str:
    """A target's comparison in short: ≤3%, ≥70%, 约40%."""
    signs = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "~": t("term.op.about")}
    if side.get("masked"):
        return signs.get(side["op"], "") + "**" + (side.get("unit") or "")
    value = side.get("value")
    if value is None:
        return ""
    from compliance.units import quantity_text

    if side["op"] in signs:
        return signs[side["op"]] + quantity_text(value, side.get("unit"))
    return t(f"term.op.{side['op']}") + quantity_text(value, side.get("unit"))


def _plan_view(index: int, report: dict[str, Any]) -> dict[str, Any]:
    plan = report["plan"]
    domains: dict[str, list[dict[str, Any]]] = {}
    whole = t("report.whole-plan")
    for finding in report["findings"]:
        domains.setdefault(finding["domain"] or whole, []).append(_finding_view(finding))
    ordered = sorted(domains.items(), key=lambda item: item[0] != whole)
    return {
        "anchor": f"plan-{index + 1}",
        "plan": plan,
        "county": plan["county"] or t("term.nationwide"),
        "meta": t(
            "html.plan-meta" if plan["period"] else "html.plan-meta-no-period",
            kind=msg(f"term.kind.{plan['kind']}"),
            level=msg(f"term.level.{plan['level']}"),
            jurisdiction="/".join(plan["jurisdiction"]) or msg("term.nationwide"),
            **({"start": plan["period"][0], "end": plan["period"][1]} if plan["period"] else {}),
        ),
        "references": report["references"],
        "summary": report["summary"],
        "domains": ordered,
        "rules": sorted({f["code"] for f in report["findings"]}),
        "severities": sorted({f["severity"] for f in report["findings"]}),
    }


def view(document: dict[str, Any]) -> dict[str, Any]:
    """Everything the template shows, worked out in Python so the template only lays it out."""
    from compliance import __version__
    from compliance.report.summary import report_settings, states
    from compliance.report.text_report import matrix_blocks, plan_labels

    plans = [_plan_view(i, r) for i, r in enumerate(document["reports"])]
    findings_by_report = {i: [f["code"] for f in r["findings"]] for i, r in enumerate(document["reports"])}
    severities_by_report = {i: [f["severity"] for f in r["findings"]] for i, r in enumerate(document["reports"])}
    blocks = []
    for block in matrix_blocks(document):
        rows = []
        for row, label in zip(block["rows"], plan_labels(block["rows"]), strict=True):
            rows.append(
                {
                    "label": label,
                    "title": row["title"],
                    "county": row["county"],
                    "anchor": f"plan-{row['report'] + 1}",
                    "rules": " ".join(sorted(set(findings_by_report[row["report"]]))),
                    "severities": " ".join(sorted(set(severities_by_report[row["report"]]))),
                    "cells": [row["cells"].get(c["id"]) for c in block["columns"]],
                }
            )
        counts = {state: sum(1 for r in rows for c in r["cells"] if c and c["state"] == state) for state in states()}
        blocks.append(
            {
                "kind": block["kind"],
                "heading": t("html.matrix-kind", kind=msg(f"term.kind.{block['kind']}")),
                "columns": block["columns"],
                "rows": rows,
                "counts": counts,
            }
        )
    summary = document["summary"]
    rule_titles = {r["code"]: f"{r['code']} {r['title']}" for r in summary["by_rule"]}
    counties = sorted({p["county"] for p in plans})
    colours = report_settings().get("colours", {})
    return {
        "lang": document["language"],
        "html_lang": "zh-CN" if document["language"] == "zh" else "en",
        "t": t,
        "version": __version__,
        "generated": generated_on(),
        "summary": summary,
        "headline": str(headline(summary)),
        "states": [
            {"id": s, "label": t(f"matrix.state.{s}"), "short": t(f"matrix.short.{s}"), "colour": colours.get(s, {})}
            for s in states()
        ],
        "state_labels": {s: t(f"matrix.state.{s}") for s in states()},
        "state_shorts": {s: t(f"matrix.short.{s}") for s in states()},
        "severity_labels": {s: t(f"term.severity.{s}") for s in SEVERITIES},
        "severity_colours": {s: colours.get(s, {}) for s in SEVERITIES},
        "blocks": blocks,
        "plans": plans,
        "counties": counties,
        "rules": sorted(rule_titles.items()),
        "input_errors": document["input_errors"],
        "total_findings": sum(len(r["findings"]) for r in document["reports"]),
    }


def render_html(document: dict[str, Any]) -> str:
    return _template().render(**view(document))


class HtmlWriter(DocumentWriter):
    """`--format html`."""

    def write(self, document: dict[str, Any]) -> None:
        self.out.write(render_html(document))
