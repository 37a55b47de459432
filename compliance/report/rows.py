"""One row per finding, as the Excel 问题清单 sheet and the CSV report give them (headers in the report's language)."""

from __future__ import annotations

from typing import Any

from compliance.messages import msg

# (column, width in the Excel sheet); headers are the messages xlsx.column.<column>
FINDING_COLUMNS = (
    ("county", 12),
    ("plan", 28),
    ("domain", 14),
    ("indicator", 22),
    ("problem", 60),
    ("plan-target", 34),
    ("reference-target", 40),
    ("reference-document", 28),
    ("verified", 9),
    ("location", 14),
    ("suggestion", 40),
    ("severity", 9),
    ("rule", 20),
    ("code", 8),
)


def headers() -> list[str]:
    return [str(msg(f"xlsx.column.{name}")) for name, _ in FINDING_COLUMNS]


def finding_rows(document: dict[str, Any]) -> list[list[str]]:
    """县区, 规划, 领域, 指标, 问题, 本级目标, 上级目标, 上级文件, 是否核实, 位置, 修改建议, 严重程度, 问题类型, 代码."""
    rows = []
    for report in document["reports"]:
        plan = report["plan"]
        for finding in report["findings"]:
            target = finding["plan_target"] or {}
            reference = finding["reference"] or {}
            verified = reference.get("verified") if reference.get("op") is not None else None  # a target's flag only
            rows.append(
                [
                    plan["county"] or str(msg("term.nationwide")),
                    plan["title"],
                    finding["domain"] or str(msg("report.whole-plan")),
                    finding["indicator_name"] or "",
                    finding["message"],
                    _with_stated(target.get("text"), target.get("stated")),
                    _with_stated(reference.get("text"), reference.get("stated"), reference.get("year")),
                    f"《{reference['document']}》" if reference.get("document") else "",
                    "" if verified is None else str(msg("xlsx.yes" if verified else "xlsx.no")),
                    target.get("location") or "",
                    finding["suggestion"] or "",
                    str(msg(f"term.severity.{finding['severity']}")),
                    finding["title"],
                    finding["code"],
                ]
            )
    return rows


def _with_stated(words: str | None, stated: str | None, year: int | None = None) -> str:
    """A target's words and, as the text report gives them, its value in short with unit and year:
    a reference table's bare cell "100" reads 100〔≥100%，2025年〕, never a number without its unit."""
    if not stated:
        return words or ""
    if year is not None:
        return str(msg("xlsx.target-stated-year", words=words or "", stated=stated, year=year)).strip()
    return str(msg("xlsx.target-stated", words=words or "", stated=stated)).strip()
