"""The text report: for a plan drafter, grouped by domain, the plan's words beside the reference's.

Every word comes from the message catalogues (compliance.messages), in the
current language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from compliance.messages import msg
from compliance.report.summary import headline
from compliance.report.formats import Prepared, Writer, WriterOptions
from compliance.report.table import display_width, pad

if TYPE_CHECKING:  # pragma: no cover
    from compliance.batch import InputFailure
    from compliance.checking import Report
    from compliance.checks import Finding

Style = Callable[[str, str], str]  # (text, role) → text, with colour or not
UNKNOWN = "unknown-indicator"  # many per real plan: one counted line in the text report unless --show-unknown

_ROLES = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "info": {"fg": "cyan"},
    "heading": {"bold": True},
    "domain": {"bold": True, "underline": True},
    "dim": {"dim": True},
    "meets": {"fg": "green"},
    "weaker": {"fg": "red"},
    "missing": {"fg": "red", "bold": True},
    "masked": {"dim": True},
    "not-comparable": {"fg": "yellow"},
    "not-checked": {"dim": True},
    "waived": {"fg": "magenta"},
    "shared": {"fg": "cyan"},
    "not-binding": {"dim": True},
}


def plain(text: str, role: str) -> str:
    return text


def coloured(text: str, role: str) -> str:
    import click

    return click.style(text, **_ROLES.get(role, {}))


def _stated(target: object) -> str:
    """A target in short: ≤3%, 约40%."""
    from compliance.report.records import value_text

    return value_text(target.target)  # type: ignore[attr-defined]


def _finding_lines(finding: Finding, style: Style = plain) -> list[str]:
    from compliance.checks.base import term

    severity = style(pad(str(term("severity", finding.severity)), 7), finding.severity.value)
    lines = [f"  {severity} {finding.code} {finding.rule}  {finding.indicator_name or ''}".rstrip()]
    target = finding.plan_target
    if target is not None:
        # where a person finds the words: the document's own position (第2页第14行, 表1 第5行 本县目标列)
        if target.locator:
            where: object = target.locator
        elif target.line:
            where = msg("report.plan-at-line", line=target.line)
        else:
            where = str(target.position) if target.position else ""
        words = target.text or target.written or target.indicator
        lines.append("          " + str(msg("report.plan-side", where=where, words=words, stated=_stated(target))))
    reference = finding.reference
    if reference is not None:
        for index, statement in enumerate([reference, *finding.other_statements]):
            flag = msg("term.verified") if statement.verified else msg("term.unverified")
            if statement.verified and statement.source.from_your_copy:
                flag = msg("term.from-your-copy")
            side = msg(
                "report.reference-side",
                title=statement.source.plan.plan.title,
                flag=flag,
                words=statement.target.text or statement.target.indicator,
                stated=_stated(statement.target),
                year=statement.source.plan.target_year(statement.target),
            )
            if index:  # the same target stated again (its table and its text): one finding, every statement
                where = statement.target.locator or (
                    msg("report.plan-at-line", line=statement.target.line) if statement.target.line else None
                )
                side = msg("report.also-stated", side=side, where=where) if where else msg("report.also-stated-nowhere", side=side)
            lines.append("          " + str(side))
        evidence = reference.target.evidence
        if evidence:
            more = msg("report.evidence-more", count=len(evidence) - 1) if len(evidence) > 1 else ""
            lines.append("          " + str(msg("report.evidence", url=evidence[0], more=more)))
    elif finding.reference_plan is not None:
        lines.append(
            "          "
            + str(msg("report.reference-plan", title=finding.reference_plan.plan.plan.title, id=finding.reference_plan.id))
        )
    elif finding.position is not None:
        lines.append(f"          {finding.position}")
    lines.append(f"          {finding.message}")
    if finding.suggestion:
        lines.append(f"          → {finding.suggestion}")
    if finding.accepted is not None:
        lines.append(f"          ✓ {accepted_text(finding)}")
    return lines


def accepted_text(finding: Finding) -> str:
    """Why an accepted finding does not count: its waiver's reason and approver, or the baseline."""
    accepted = finding.accepted
    assert accepted is not None
    if accepted.kind == "baseline":
        return str(msg("baseline.accepted", source=accepted.source))
    params = {"reason": accepted.reason, "approved_by": accepted.approved_by, "source": accepted.source}
    if accepted.expires is not None:
        return str(msg("waiver.accepted-until", expires=accepted.expires.isoformat(), **params))
    return str(msg("waiver.accepted", **params))


def render_text(report: Report, style: Style = plain) -> str:
    """One plan's report."""
    from compliance.checks.base import term

    info = report.plan.plan
    heading = dict(
        title=info.title,
        kind=term("kind", info.kind),
        level=term("level", info.level),
        jurisdiction="/".join(info.jurisdiction) or msg("term.nationwide"),
    )
    if info.period is not None:
        title = msg("report.plan-heading", start=info.period[0], end=info.period[1], **heading)
    else:
        title = msg("report.plan-heading-no-period", **heading)
    out = [style(str(title), "heading")]
    if info.is_news_summary:
        out.append(str(msg("report.news-summary")))
    if report.plan.path:
        out.append(str(msg("report.file", file=report.plan.path)))
    out.append(str(msg("report.checked-against")))
    if not report.references:
        out.append(str(msg("report.no-reference")))
    for reference in report.references:
        part = reference.plan.plan.partly_encoded
        if reference.targets_encoded:
            targets = reference.plan.targets
            verified = sum(1 for t in targets if t.verified)
            status = msg("report.reference-targets", count=len(targets), verified=verified)
            if part is not None:
                of = msg("report.reference-of", total=part.of) if part.of else ""
                status = msg("report.reference-partly", count=len(targets), verified=verified, of=of)
        else:
            status = msg("report.reference-not-encoded")
        level = str(term("level", reference.plan.plan.level))
        out.append(f"  {pad(level, 10)} 《{reference.plan.plan.title}》 {status}  [{reference.id}]")
        if reference.from_your_copy:
            source = reference.plan.plan.source
            out.append(f"  {pad('', 10)} " + str(msg("report.reference-from-your-copy", file=source.file, sha256=source.sha256)))
    whole_plan = str(msg("report.whole-plan"))
    groups: dict[str, list[Finding]] = {}
    # Targets no parent names are many on a real plan: one counted line, unless --show-unknown (JSON keeps each).
    unknown = [] if report.settings.show_unknown else [f for f in report.findings if f.rule == UNKNOWN]
    counted = {id(f) for f in unknown}
    for finding in report.findings:
        if id(finding) not in counted:
            groups.setdefault(finding.domain or whole_plan, []).append(finding)
    order = sorted(groups, key=lambda d: (d != whole_plan, 0))
    for domain in order:
        out.append("")
        out.append(style(domain, "domain"))
        for finding in groups[domain]:
            out.extend(_finding_lines(finding, style))
    if unknown:
        from compliance.checks.base import term

        severity = style(pad(str(term("severity", unknown[0].severity)), 7), unknown[0].severity.value)
        out.append("")
        out.append(f"  {severity} {unknown[0].code} {UNKNOWN}  " + str(msg("report.unknown-count", count=len(unknown))))
    summary = report.summary
    out.append("")
    out.append(
        str(
            msg(
                "report.summary",
                errors=msg("report.errors", count=summary["errors"]),
                warnings=msg("report.warnings", count=summary["warnings"]),
                info=summary["info"],
                targets=msg("report.plan-targets", count=summary["targets_checked"]),
                references=msg("report.reference-plans", count=summary["references_used"]),
                horizon=term("horizon", report.settings.horizon),
            )
        )
        + (str(msg("waiver.tally", count=summary["waived"])) if summary["waived"] else "")
        + (str(msg("baseline.tally", count=summary["baselined"])) if summary["baselined"] else "")
    )
    return "\n".join(out)


def render_summary(document: dict[str, Any], style: Style = plain) -> str:
    """The end of a batch: counts per rule and severity, unreadable files, the matrix (indicators × plans)."""
    from compliance.report.summary import report_settings

    summary = document["summary"]
    out = [style(str(msg("report.batch-heading")), "heading")]
    out.append(str(headline(summary)))
    if summary["by_rule"]:
        out.append("")
        out.append(str(msg("report.by-rule")))
        width = max(len(str(r["count"])) for r in summary["by_rule"])
        names = max(len(r["rule"]) for r in summary["by_rule"])
        titles = max(display_width(r["title"]) for r in summary["by_rule"])
        for row in summary["by_rule"]:
            counts = ", ".join(
                style(f"{msg('term.severity.' + s)} {row[s]}", s) for s in ("error", "warning", "info") if row[s]
            )
            out.append(f"  {row['count']:>{width}}  {row['code']}  {row['rule']:<{names}}  {pad(row['title'], titles)}  {counts}")
    if document["input_errors"]:
        out.append("")
        out.append(style(str(msg("report.unreadable")), "error"))
        for failure in document["input_errors"]:
            for problem in failure["problems"]:
                out.append(f"  {problem['text']}")
    limit = int(report_settings().get("text_matrix_max_plans", 20))
    for block in matrix_blocks(document):
        out.append("")
        if len(block["rows"]) > limit:
            out.append(str(msg("report.matrix-elsewhere", kind=msg(f"term.kind.{block['kind']}"), count=len(block["rows"]))))
            continue
        out.append(style(str(msg("report.matrix-heading", kind=msg(f"term.kind.{block['kind']}"))), "heading"))
        out.append("  " + str(msg("report.matrix-legend", legend=legend(block))))
        out.extend(_matrix_lines(block, style))
    return "\n".join(out)


def legend(block: dict[str, Any] | None = None) -> list[Any]:
    """The abbreviations of the matrix, those of the states the block's cells show (all without a block)."""
    from compliance.report.summary import states

    shown = None if block is None else {cell["state"] for row in block["rows"] for cell in row["cells"].values()}
    entries = [(msg(f"matrix.short.{s}"), msg(f"matrix.state.{s}")) for s in states() if shown is None or s in shown]
    return [msg("report.legend-entry", short=short, state=state) for short, state in entries if str(short) != str(state)]


def matrix_blocks(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The matrix split by kind (women's plans, children's plans): their own columns and rows."""
    blocks = []
    for kind in ("women", "children"):
        rows = [r for r in document["matrix"]["rows"] if r["kind"] == kind]
        columns = [c for c in document["matrix"]["columns"] if c["kind"] == kind and any(c["id"] in r["cells"] for r in rows)]
        if rows and columns:
            blocks.append({"kind": kind, "rows": rows, "columns": columns})
    return blocks


def plan_labels(rows: list[dict[str, Any]]) -> list[str]:
    """Labels for plans: the county, numbered when a county has several plans of one kind."""
    keys = [(row["county"], row["kind"]) for row in rows]
    seen: dict[tuple[str, str], int] = {}
    labels = []
    for key in keys:
        if keys.count(key) == 1:
            labels.append(key[0])
            continue
        seen[key] = seen.get(key, 0) + 1
        labels.append(f"{key[0]}({seen[key]})")
    return labels


def _matrix_lines(block: dict[str, Any], style: Style) -> list[str]:
    from compliance.report.summary import states

    rows = block["rows"]
    labels = plan_labels(rows)
    shorts = {state: str(msg(f"matrix.short.{state}")) for state in states()}
    name_width = max(display_width(c["name"]) for c in block["columns"])
    widths = [max(display_width(label), *(display_width(s) for s in shorts.values())) for label in labels]
    lines = ["  " + pad("", name_width) + "  " + "  ".join(pad(label, w) for label, w in zip(labels, widths, strict=True))]
    for column in block["columns"]:
        cells = []
        for row, width in zip(rows, widths, strict=True):
            cell = row["cells"].get(column["id"])  # None: not an indicator of this plan's references
            if cell is None:
                cells.append(pad("·", width))
            else:
                cells.append(style(pad(shorts.get(cell["state"], cell["state"]), width), cell["state"]))
        lines.append("  " + pad(column["name"], name_width) + "  " + "  ".join(cells).rstrip())
    return lines


class TextWriter(Writer):
    """`--format text`: each plan's report as it is checked, then, for a batch, the summary and the matrix."""

    def __init__(self, out: IO[str], options: WriterOptions | None = None) -> None:
        from compliance.report.json_report import ReportCollector

        super().__init__(out, options)
        self.style: Style = coloured if self.options.color else plain
        self.collector = ReportCollector(keep_reports=False)  # the reports are written as they come
        self.count = 0

    def _separate(self) -> None:
        if self.count:
            self.out.write("\n\n")
        self.count += 1

    prepares = True

    def add(self, report: Report) -> None:
        self._write(render_text(report, self.style))
        self.collector.add(report)

    def _prepared(self, report: Report) -> tuple[str, Any]:
        from compliance.report.json_report import report_part

        return render_text(report, self.style), report_part(report, record=False)

    def add_prepared(self, prepared: Prepared) -> None:
        text, part = prepared.content
        self._write(text)
        self.collector.add_part(part)

    def _write(self, text: str) -> None:
        self._separate()
        self.out.write(text)
        self.out.flush()

    def add_failure(self, failure: InputFailure) -> None:
        self.collector.add_failure(failure)

    def close(self) -> None:
        document = self.collector.document()
        if document["summary"]["plans"] + document["summary"]["input_errors"] > 1:
            self._separate()
            self.out.write(render_summary(document, self.style))
        self.out.write("\n")
