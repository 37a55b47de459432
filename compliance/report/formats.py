"""The report formats: a small registry, and the writer every format implements.

    compliance check plans/ --format html -o report.html

A format is registered with its name, the writer class (as "module:Class",
imported only when that format is asked for, so jinja2 or xlsxwriter cost
nothing otherwise), whether it is binary (then `-o FILE` is required), its
usual file suffix, and the language it defaults to when neither --lang nor
COMPLIANCE_LANG says (the HTML and Excel reports, made to be forwarded to
colleagues, are Chinese by default).

A writer receives the results one at a time — `add(report)` for each checked
plan, `add_failure(failure)` for each input that could not be read — then
`close()`, and writes to the stream it was given. Most formats are a function
of the whole report document (`compliance.report.json_report`): subclass
`DocumentWriter` and implement `write(document)`. A streaming format
(text, json-lines) implements `add` itself.

To add a format (e.g. SARIF):

    register(Format("sarif", "compliance.report.sarif:SarifWriter", "SARIF 2.1.0 for code scanning", suffix=".sarif"))

with `class SarifWriter(DocumentWriter): def write(self, document): ...`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from compliance.batch import InputFailure
    from compliance.checking import Report


@dataclass(frozen=True)
class Format:
    """A report format: its name, the writer class that writes it, and how its file is written."""

    name: str
    writer: str  # "module:Class"
    description: str
    binary: bool = False
    suffix: str = ".txt"
    default_lang: str | None = None

    def writer_class(self) -> type[Writer]:
        module, _, name = self.writer.partition(":")
        return getattr(import_module(module), name)  # type: ignore[no-any-return]


FORMATS: dict[str, Format] = {}


def register(format: Format) -> Format:
    """Add (or replace) a format; returns it."""
    FORMATS[format.name] = format
    return format


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise KeyError(f"unknown format '{name}': one of {', '.join(FORMATS)}") from None


def format_names() -> list[str]:
    return list(FORMATS)


@dataclass
class WriterOptions:
    """How a writer renders: colour (text on a terminal), to a file or not, and options a format may read."""

    color: bool = False
    to_file: bool = False  # written with -o (not to the terminal)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Prepared:
    """A report as its writer prepared it where it was made (a batch's worker): what the run needs of it.

    A few kilobytes instead of the report with its whole plan, so that a worker
    sends this, not the report, and the writer's own work on each report is
    done in the workers, not one report after another in the parent.
    """

    label: str  # the plan's file, else its title (for the progress line)
    references: list[Any]  # the files of the reference plans used
    failed: bool  # Report.failed
    content: Any  # the writer's own: what `add_prepared` takes


class Writer:
    """Receives each result as it comes, then writes the report in `close`.

    A writer that `prepares` does its work on a report in `prepare(report)`,
    a function of the report alone and of the writer's options (run in a batch's
    worker, in the same language), and `add_prepared(prepared)` writes the result
    in input order. `add(report)` must write what `add_prepared(prepare(report))` writes.
    """

    prepares = False

    def __init__(self, out: IO[Any], options: WriterOptions | None = None) -> None:
        from compliance.messages import language

        self.out = out
        self.options = options or WriterOptions()
        self.language = language()  # the language `prepare` renders in, wherever it runs

    def add(self, report: Report) -> None:  # pragma: no cover - every writer implements it
        raise NotImplementedError

    def prepare(self, report: Report) -> Prepared:
        """The writer's work on one report, for `add_prepared` (only for a writer that `prepares`)."""
        from compliance.messages import using

        with using(self.language):
            content = self._prepared(report)
        label = str(report.plan.path or report.plan.plan.title)
        return Prepared(label, [r.file for r in report.references], report.failed, content)

    def _prepared(self, report: Report) -> Any:  # pragma: no cover - every writer that prepares implements it
        raise NotImplementedError

    def add_prepared(self, prepared: Prepared) -> None:  # pragma: no cover - every writer that prepares implements it
        raise NotImplementedError

    def add_failure(self, failure: InputFailure) -> None:  # pragma: no cover
        raise NotImplementedError

    def close(self) -> None:
        """Called once after the last result."""


class DocumentWriter(Writer):
    """A format rendered from the whole report document: implement `write(document)`."""

    def __init__(self, out: IO[Any], options: WriterOptions | None = None) -> None:
        from compliance.report.json_report import ReportCollector

        super().__init__(out, options)
        self.collector = ReportCollector()

    prepares = True

    def add(self, report: Report) -> None:
        self.collector.add(report)

    def _prepared(self, report: Report) -> Any:
        from compliance.report.json_report import report_part

        return report_part(report, record=self.collector.keep_reports)

    def add_prepared(self, prepared: Prepared) -> None:
        self.collector.add_part(prepared.content)

    def add_failure(self, failure: InputFailure) -> None:
        self.collector.add_failure(failure)

    def close(self) -> None:
        self.write(self.collector.document())

    def write(self, document: dict[str, Any]) -> None:  # pragma: no cover - every format implements it
        raise NotImplementedError


for _format in (
    Format("text", "compliance.report.text_report:TextWriter", "for a person at a terminal (the default)"),
    Format("json", "compliance.report.json_report:JsonWriter", "the documented JSON report (compliance-report/2)", suffix=".json"),
    Format(
        "html",
        "compliance.report.html_report:HtmlWriter",
        "one self-contained page to open, print or forward",
        suffix=".html",
        default_lang="zh",
    ),
    Format(
        "xlsx",
        "compliance.report.xlsx_report:XlsxWriter",
        "an Excel workbook: 汇总 (the matrix) and 问题清单 (one row per finding)",
        binary=True,
        suffix=".xlsx",
        default_lang="zh",
    ),
    Format("csv", "compliance.report.csv_report:CsvWriter", "one row per finding (UTF-8 with BOM, for Excel)", suffix=".csv"),
    Format("markdown", "compliance.report.markdown_report:MarkdownWriter", "for a pull-request comment", suffix=".md"),
):
    register(_format)

# The CI formats (issue 14): for code scanning, test reports, pull-request annotations, log pipelines.
for _format in (
    Format("sarif", "compliance.report.sarif:SarifWriter", "SARIF 2.1.0 for code scanning (GitHub, GitLab)", suffix=".sarif"),
    Format("junit", "compliance.report.junit:JunitWriter", "JUnit XML: a test case per plan and rule", suffix=".xml"),
    Format("github", "compliance.report.annotations:GithubWriter", "GitHub Actions annotations (workflow commands)"),
    Format("gitlab", "compliance.report.annotations:GitlabWriter", "GitLab Code Quality JSON", suffix=".json"),
    Format("json-lines", "compliance.report.json_lines:JsonLinesWriter", "one JSON object per finding and line", suffix=".jsonl"),
):
    register(_format)
