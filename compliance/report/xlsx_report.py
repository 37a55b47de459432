"""The Excel report (.xlsx, with XlsxWriter): what a prefecture reviewer sorts, filters and forwards.

Sheets (names in the report's language):

- 汇总: the matrix, one row per plan (县区, 规划, 类别, counts of errors,
  warnings and info), one column per reference indicator; cells 达标 / 低于 / 未查 / 共担 /
  缺失 / 不清 / 不可比 coloured by conditional formats, so a reviewer who
  edits a cell keeps the colours. Frozen header and first columns, filters.
- 问题清单: one row per finding: 县区, 规划, 领域, 指标, 问题, 本级目标,
  上级目标, 上级文件, 是否核实, 位置, 修改建议, then 严重程度, 规则, 代码.
- 统计: counts per rule and severity.
- 无法读取的文件: only when an input could not be read.
"""

from __future__ import annotations

from typing import Any

from compliance.messages import msg
from compliance.report.summary import headline
from compliance.report.formats import DocumentWriter

from compliance.report.rows import FINDING_COLUMNS, finding_rows


def t(id: str, **params: Any) -> str:
    return str(msg(id, **params))


def _formats(workbook: Any) -> dict[str, Any]:
    from compliance.report.summary import report_settings

    colours = report_settings().get("colours", {})
    base = {"font_name": "宋体", "font_size": 10, "valign": "top"}
    formats = {
        "header": workbook.add_format({**base, "bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "vcenter"}),
        "vertical": workbook.add_format(
            {**base, "bold": True, "bg_color": "#DDEBF7", "border": 1, "rotation": 270, "align": "center", "valign": "bottom"}
        ),
        "text": workbook.add_format({**base, "border": 1}),
        "wrap": workbook.add_format({**base, "border": 1, "text_wrap": True}),
        "cell": workbook.add_format({**base, "border": 1, "align": "center"}),
        "number": workbook.add_format({**base, "border": 1, "align": "right"}),
        "link": workbook.add_format({**base, "border": 1, "font_color": "blue", "underline": 1}),
        "title": workbook.add_format({"font_name": "宋体", "bold": True, "font_size": 14}),
    }
    for name, colour in colours.items():
        formats["state-" + name] = workbook.add_format({"bg_color": colour.get("fill"), "font_color": colour.get("text")})
    return formats


def _summary_sheet(workbook: Any, formats: dict[str, Any], document: dict[str, Any]) -> None:
    from compliance.report.summary import states
    from compliance.report.text_report import plan_labels

    sheet = workbook.add_worksheet(t("xlsx.sheet-summary"))
    columns = document["matrix"]["columns"]
    rows = document["matrix"]["rows"]
    fixed = [t("xlsx.county"), t("xlsx.plan"), t("xlsx.kind"), t("term.severity.error"), t("term.severity.warning"), t("term.severity.info")]
    for index, header in enumerate(fixed):
        sheet.write(0, index, header, formats["header"])
    for index, column in enumerate(columns):
        sheet.write(0, len(fixed) + index, column["name"], formats["vertical"])
        sheet.write_comment(0, len(fixed) + index, f"{column['name']}\n{column['domain'] or ''}\n{column['id']}")
    shorts = {state: t(f"matrix.short.{state}") for state in states()}
    labels = plan_labels(rows)
    for number, (row, label) in enumerate(zip(rows, labels, strict=True), start=1):
        summary = document["reports"][row["report"]]["summary"] if document["reports"] else {}
        sheet.write(number, 0, label, formats["text"])
        sheet.write(number, 1, row["title"], formats["text"])
        sheet.write(number, 2, t(f"term.kind.{row['kind']}"), formats["cell"])
        for offset, key in enumerate(("errors", "warnings", "info"), start=3):
            sheet.write_number(number, offset, summary.get(key, 0), formats["number"])
        for index, column in enumerate(columns):
            cell = row["cells"].get(column["id"]) if row["kind"] == column["kind"] else None
            sheet.write(number, len(fixed) + index, shorts[cell["state"]] if cell else "", formats["cell"])
    last_row, last_column = max(len(rows), 1), len(fixed) + len(columns) - 1
    if columns:
        for state, short in shorts.items():
            fmt = formats.get("state-" + state)
            if fmt is not None:
                sheet.conditional_format(
                    1, len(fixed), last_row, last_column, {"type": "cell", "criteria": "==", "value": f'"{short}"', "format": fmt}
                )
    sheet.autofilter(0, 0, last_row, max(last_column, len(fixed) - 1))
    sheet.freeze_panes(1, 2)
    sheet.set_row(0, 150)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 36)
    sheet.set_column(2, 5, 6)
    if columns:
        sheet.set_column(len(fixed), last_column, 5)
    legend_row = last_row + 2
    sheet.write(legend_row, 0, t("xlsx.legend"), formats["title"])
    for offset, state in enumerate(states(), start=1):
        sheet.write(legend_row + offset, 0, shorts[state], formats.get("state-" + state))
        sheet.write(legend_row + offset, 1, t(f"matrix.state.{state}"))
    sheet.write(legend_row + len(states()) + 1, 0, t("xlsx.blank-cell"))


def _findings_sheet(workbook: Any, formats: dict[str, Any], document: dict[str, Any]) -> None:
    sheet = workbook.add_worksheet(t("xlsx.sheet-findings"))
    for index, (name, width) in enumerate(FINDING_COLUMNS):
        sheet.write(0, index, t(f"xlsx.column.{name}"), formats["header"])
        wrap = formats["wrap"] if width >= 20 else formats["text"]
        sheet.set_column(index, index, width, wrap)
    rows = finding_rows(document)
    for number, values in enumerate(rows, start=1):
        for index, value in enumerate(values):
            if value:
                sheet.write_string(number, index, str(value))
    severity_column = [name for name, _ in FINDING_COLUMNS].index("severity")
    for severity in ("error", "warning", "info"):
        fmt = formats.get("state-" + severity)
        if fmt is not None and rows:
            label = t(f"term.severity.{severity}")
            sheet.conditional_format(
                1, severity_column, len(rows), severity_column, {"type": "cell", "criteria": "==", "value": f'"{label}"', "format": fmt}
            )
    sheet.autofilter(0, 0, max(len(rows), 1), len(FINDING_COLUMNS) - 1)
    sheet.freeze_panes(1, 0)
    sheet.set_row(0, 20)


def _statistics_sheet(workbook: Any, formats: dict[str, Any], document: dict[str, Any]) -> None:
    sheet = workbook.add_worksheet(t("xlsx.sheet-statistics"))
    summary = document["summary"]
    sheet.write(0, 0, str(headline(summary)), formats["title"])
    headers = [t("html.count"), t("cli.rules-header.code"), t("cli.rules-header.name"), t("cli.rules-header.title"),
               t("term.severity.error"), t("term.severity.warning"), t("term.severity.info")]
    for index, header in enumerate(headers):
        sheet.write(2, index, header, formats["header"])
    for number, row in enumerate(summary["by_rule"], start=3):
        values = [row["count"], row["code"], row["rule"], row["title"], row["error"], row["warning"], row["info"]]
        for index, value in enumerate(values):
            sheet.write(number, index, value, formats["number"] if isinstance(value, int) else formats["text"])
    sheet.set_column(0, 0, 8)
    sheet.set_column(1, 1, 9)
    sheet.set_column(2, 3, 24)
    sheet.set_column(4, 6, 8)
    sheet.freeze_panes(3, 0)


def _unreadable_sheet(workbook: Any, formats: dict[str, Any], document: dict[str, Any]) -> None:
    if not document["input_errors"]:
        return
    sheet = workbook.add_worksheet(t("xlsx.sheet-unreadable"))
    headers = [t("xlsx.column.file"), t("xlsx.column.location"), t("xlsx.column.problem"), t("xlsx.column.suggestion")]
    for index, header in enumerate(headers):
        sheet.write(0, index, header, formats["header"])
    number = 1
    for failure in document["input_errors"]:
        for problem in failure["problems"]:
            where = ":".join(str(x) for x in (problem["line"], problem["column"]) if x is not None)
            for index, value in enumerate((problem["file"], where, problem["message"], problem["hint"] or "")):
                sheet.write_string(number, index, value, formats["wrap"])
            number += 1
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, 1, 10)
    sheet.set_column(2, 3, 60)
    sheet.autofilter(0, 0, number - 1, 3)
    sheet.freeze_panes(1, 0)


def write_xlsx(document: dict[str, Any], stream: Any) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(stream, {"in_memory": True, "strings_to_urls": False})
    workbook.set_properties({"title": t("html.title"), "comments": "compliance"})
    formats = _formats(workbook)
    _summary_sheet(workbook, formats, document)
    _findings_sheet(workbook, formats, document)
    _statistics_sheet(workbook, formats, document)
    _unreadable_sheet(workbook, formats, document)
    workbook.close()


class XlsxWriter(DocumentWriter):
    """`--format xlsx` (binary: requires -o FILE)."""

    def write(self, document: dict[str, Any]) -> None:
        write_xlsx(document, self.out)
