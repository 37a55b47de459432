"""The Markdown report: a pull-request comment on a repository of plan data.

A headline and the counts, the counts per rule, the matrix turned on its side
(indicators down, plans across, one table per kind, for up to
`text_matrix_max_plans` plans), then each plan's findings in a table folded
under <details> so a long report stays readable in a comment thread.
"""

from __future__ import annotations

from typing import Any

from compliance.messages import msg
from compliance.report.summary import headline
from compliance.report.formats import DocumentWriter


def t(id: str, **params: Any) -> str:
    return str(msg(id, **params))


def cell(value: Any) -> str:
    """Text for a table cell: pipes escaped, line breaks as <br>."""
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")


def table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines


def render_markdown(document: dict[str, Any]) -> str:
    from compliance.report.summary import report_settings
    from compliance.report.text_report import legend, matrix_blocks, plan_labels

    summary = document["summary"]
    out = [f"## {t('html.title')}", ""]
    out.append(str(headline(summary)))
    if summary["by_rule"]:
        out += ["", f"### {t('html.statistics')}", ""]
        out += table(
            [t("html.count"), t("cli.rules-header.code"), t("cli.rules-header.name"), t("cli.rules-header.title")]
            + [t(f"term.severity.{s}") for s in ("error", "warning", "info")],
            [[r["count"], r["code"], f"`{r['rule']}`", r["title"], r["error"], r["warning"], r["info"]] for r in summary["by_rule"]],
        )
    if document["input_errors"]:
        out += ["", f"### {t('html.unreadable')}", ""]
        out += [f"- `{cell(p['text'])}`" for failure in document["input_errors"] for p in failure["problems"]]
    limit = int(report_settings().get("text_matrix_max_plans", 20))
    shorts = {s: t(f"matrix.short.{s}") for s in document["matrix"]["states"]}
    for block in matrix_blocks(document):
        kind = msg(f"term.kind.{block['kind']}")
        out += ["", f"### {t('html.matrix-kind', kind=kind)}", ""]
        if len(block["rows"]) > limit:
            out.append(t("report.matrix-elsewhere", kind=kind, count=len(block["rows"])))
            continue
        out.append(t("report.matrix-legend", legend=legend(block)))
        out.append("")
        rows = []
        for column in block["columns"]:
            cells = [row["cells"].get(column["id"]) for row in block["rows"]]
            rows.append([column["name"], *(shorts[c["state"]] if c else "·" for c in cells)])
        out += table([t("html.indicator"), *plan_labels(block["rows"])], rows)
    for report in document["reports"]:
        plan = report["plan"]
        s = report["summary"]
        heading = f"{plan['title']}（{plan['county'] or t('term.nationwide')}）"
        counts = t("report.summary-short", errors=s["errors"], warnings=s["warnings"], info=s["info"], targets=s["targets_checked"])
        out += ["", f"### {heading}", "", counts]
        if not report["findings"]:
            continue
        out += ["", f"<details><summary>{cell(t('html.findings', count=len(report['findings'])))}</summary>", ""]
        rows = [
            [
                t(f"term.severity.{f['severity']}"),
                f["code"],
                f["domain"] or t("report.whole-plan"),
                f["indicator_name"] or "",
                f["message"],
                (f["plan_target"] or {}).get("location") or "",
                f["suggestion"] or "",
            ]
            for f in report["findings"]
        ]
        out += table(
            [t("html.severity"), t("cli.rules-header.code"), t("xlsx.column.domain"), t("xlsx.column.indicator"),
             t("xlsx.column.problem"), t("xlsx.column.location"), t("xlsx.column.suggestion")],
            rows,
        )
        out += ["", "</details>"]
    return "\n".join(out) + "\n"


class MarkdownWriter(DocumentWriter):
    """`--format markdown`."""

    def write(self, document: dict[str, Any]) -> None:
        self.out.write(render_markdown(document))
