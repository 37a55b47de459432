"""`compliance check`: plans (files, documents, folders of them) against the reference plans above them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from compliance.cli.app import (
    EXIT_BAD_INPUT,
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    config_option,
    document_options,
    echo_problem,
    main,
    names_formats,
    reference_library,
    ref_option,
    reports_input_errors,
    resolve_settings,
    rules_option,
)
from compliance.report.formats import format_names

RULES_HELP = "names (weaker-threshold), codes (CMP201) or code prefixes (CMP2); comma-separated or repeated"


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@ref_option
@config_option
@click.option(
    "--format",
    "format_name",
    type=click.Choice(format_names()),
    help="Report format (default: text, or `format` of the configuration): " + ", ".join(format_names()) + ".",
)
@click.option("-o", "--output", type=click.Path(), help="Write the report to FILE (required for binary formats such as xlsx).")
@click.option("--force", is_flag=True, help="Replace the -o (or --write-baseline) file if it exists.")
@click.option(
    "--color",
    "--colour",
    "colour",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour in the text report (auto: on a terminal, unless NO_COLOR is set).",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    help="Language of the report (default: COMPLIANCE_LANG, `lang` of the configuration, then the locale; "
    "html and xlsx reports: Chinese).",
)
@click.option(
    "--horizon",
    type=click.Choice(["interpolate", "end", "strict"]),
    help="How a plan is held to a reference with a later target year (default: interpolate; "
    "see `compliance explain horizons`).",
)
@click.option("--select", "select", multiple=True, help=f"Only these rules: {RULES_HELP}.")
@click.option("--extend-select", multiple=True, help=f"These rules too, on top of select: {RULES_HELP}.")
@click.option("--ignore", "ignore", multiple=True, help=f"Not these rules (adds to the configuration's): {RULES_HELP}.")
@click.option(
    "--verified-only/--no-verified-only", default=None, help="Unverified reference targets give info, never errors."
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    help="The lowest severity that makes the exit code 1 (default: error).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail (bad input still exits 2).")
@click.option(
    "--waivers",
    type=click.Path(dir_okay=False),
    help="The waivers file: findings accepted on purpose, with reasons (see docs/ci.md).",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    help="Fail only on findings not in this baseline (matched by rule, plan and indicator, not by line).",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    help="Record today's findings in this baseline file (rewritten if it is one; any other file only with --force).",
)
@click.option(
    "--stdin-filename",
    help="With PATH '-': the name of the plan file or document read from standard input "
    "(its suffix says what it is; reports, per-file ignores and waivers use it).",
)
@rules_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Inputs checked at once, each by a process of its own (default: `jobs` of the configuration, "
    "else the cores available); reports come in input order all the same.",
)
@click.option(
    "--show-unknown/--no-show-unknown",
    default=None,
    help="List each target whose indicator is not in the catalogue (the text report counts them in one line otherwise).",
)
@document_options
@names_formats
@reports_input_errors
def check(
    paths: tuple[str, ...],
    refs: tuple[str, ...],
    config_file: str | None,
    format_name: str | None,
    output: str | None,
    force: bool,
    colour: str,
    lang: str | None,
    horizon: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    verified_only: bool | None,
    fail_on: str | None,
    exit_zero: bool,
    waivers: str | None,
    baseline: str | None,
    write_baseline: str | None,
    stdin_filename: str | None,
    rules_dirs: tuple[str, ...],
    jobs: int | None,
    show_unknown: bool | None,
    **extraction: Any,
) -> None:
    """Check plans against the reference plans above them.

    PATHS are plan files (.yaml, .json), plan documents ({formats}), which are
    extracted first — findings then say where in the document a person finds
    each target (第12行, 第2页第14行, 表1 第5行 本县目标列, 主要指标!F9) — or
    folders, searched recursively for both. Each plan is reported; a file that
    cannot be read is reported too, and the others are still checked. A batch
    ends with counts per rule and severity and the matrix of plans × reference
    indicators. Settings come from these options, COMPLIANCE_* variables and
    compliance.toml (see `compliance config`).

    Exit code 1 when a finding is at or above fail-on (error), 0 otherwise; 2 when
    an input could not be read (after every good one is reported) or for bad usage.
    """
    from compliance.cli.startup import collector_paused

    with collector_paused():  # setting up: the imports, settings and references (compliance.cli.startup)
        from compliance.acceptance import AcceptanceStage
        from compliance.batch import InputFailure, find_inputs
        from compliance.cli.output import Progress, check_destination, destination, progress_wanted, use_colour
        from compliance.messages import resolve_language, using
        from compliance.report.formats import Prepared, WriterOptions, get_format

        # the settings' own problems speak the language asked for; the report's is known once the format is
        click.get_current_context().with_resource(using(resolve_language(lang, strict=False)))
        settings = resolve_settings(
            config_file,
            references=refs,
            format=format_name,
            horizon=horizon,
            select=select,
            extend_select=extend_select,
            ignore=ignore,
            verified_only=verified_only,
            fail_on=fail_on,
            waivers=waivers,
            baseline=baseline,
            rules=list(rules_dirs),
            jobs=jobs,
            show_unknown=show_unknown,
        )
        chosen = get_format(_format(settings))
        language = _language(lang, settings, chosen.default_lang)
        given = [p for p in paths if p != STDIN]
        found = find_inputs(given) if output else []  # only an -o file needs them: a batch walks its folders once less
        check_destination(output, force, chosen.binary, chosen.name, inputs=given + _inputs_not_reports(found, output, chosen.name))
        unsupported: list[Path] = []
        files = find_inputs(given, exclude=[output] if output else [], unreadable=unsupported)
        acceptance = AcceptanceStage(settings, write_to=write_baseline, force=force, inputs=files)
        library = reference_library(refs, settings)
    colour_on = use_colour(colour, to_file=output is not None)
    progress = Progress(len(files), progress_wanted(len(files), to_file=output is not None))
    used: set[Any] = set()
    checked = 0
    failed = unreadable = internal = False
    extraction = {k: v for k, v in extraction.items() if v is not None}
    with using(language), destination(output, chosen.binary, colour_on) as stream:
        extra = {"settings": settings, "baseline": bool(settings.baseline or write_baseline)}
        writer = chosen.writer_class()(stream, WriterOptions(color=colour_on, to_file=output is not None, extra=extra))
        # the writer's work on each report is done where it is made (a worker), unless the acceptance stage
        # must see the report first (waivers, a baseline: they mark its findings before it is written)
        prepare = writer.prepare if writer.prepares and not acceptance.active else None
        for result in _results(paths, files, stdin_filename, library, settings, extraction, prepare):
            if isinstance(result, Prepared):
                progress.step(result.label)
                used.update(result.references)
                checked += 1
                failed = failed or result.failed
                writer.add_prepared(result)
                continue
            if isinstance(result, InputFailure):
                progress.step(result.file)
                progress.clear()
                for problem in result.problems:
                    echo_problem(problem)
                unreadable = True
                internal = internal or result.internal
                writer.add_failure(result)
                continue
            progress.step(str(result.plan.path or result.plan.plan.title))
            acceptance.add(result)
            used.update(reference.file for reference in result.references)
            checked += 1
            failed = failed or result.failed
            writer.add(result)
        progress.clear()
        notes = acceptance.finish()
        writer.close()
        if checked:  # with no plan checked, no reference could have been used: saying so would only distract
            _note_unused_references(library, used)
        for note in notes:
            click.echo(note, err=True)
        _note_unreadable_files(unsupported)
    if internal:
        sys.exit(EXIT_INTERNAL)
    if unreadable:
        sys.exit(EXIT_BAD_INPUT)
    sys.exit(EXIT_FINDINGS if failed and not exit_zero else EXIT_CLEAN)


STDIN = "-"


def _results(
    paths: tuple[str, ...],
    files: list[Any],
    stdin_filename: str | None,
    library: Any,
    settings: Any,
    extraction: dict[str, Any],
    prepare: Any = None,
) -> Any:
    """The results of the run: standard input's plans first (PATH '-'), then every file's."""
    from compliance.batch import InputFailure, check_inputs
    from compliance.checking import check
    from compliance.documents import plans_from_bytes
    from compliance.errors import InputError

    if STDIN in paths:
        name = stdin_filename or "<stdin>"
        try:
            plans = plans_from_bytes(sys.stdin.buffer.read(), stdin_filename, **extraction)
        except InputError as error:
            yield InputFailure(name, list(error.problems))
        else:
            for plan in plans:
                yield check(plan, library, settings=settings)
    if files or not all(p == STDIN for p in paths):
        yield from check_inputs(
            files or [p for p in paths if p != STDIN], library, settings=settings, extraction=extraction, prepare=prepare
        )


def _inputs_not_reports(found: list[Path], output: str | None, format_name: str) -> list[Path]:
    """The -o file when a folder being checked holds it and it is no earlier report: refused as an input.

    `check plans/ -o plans/report.txt --force` replaces the report of the last run,
    told by its content in the format being written (`_earlier_report`); any other
    file there — a plan file, a draft plan document that happens to end in .txt or
    .md — is an input of the batch: never replaced by the report, whatever --force
    says. (The -o file is never read as an input: find_inputs excludes it.)
    """
    if output is None:
        return []
    from compliance.files import _same_file

    target = Path(output)
    return [path for path in found if _same_file(path, target) and not _earlier_report(path, format_name)][:1]


def _earlier_report(path: Path, format_name: str) -> bool:
    """Whether a file is a report compliance wrote in this format (an empty file holds nothing to lose either).

    Only the formats whose suffix is also an input's need telling: a JSON file
    that is no plan file, the HTML page's generator and the workbook's
    properties, the text report's "checked against:" line, the Markdown report's
    title (in every language of the catalogues), GitHub's workflow commands.
    """
    head = _head(path)
    if not head.strip():
        return True
    if format_name == "xlsx":
        return _workbook_by_compliance(path)
    if format_name in ("json", "gitlab"):
        return b"compliance-plan/" not in head  # a JSON file that is no plan file: nothing the batch could read
    if format_name == "html":
        return b'<meta name="generator" content="compliance' in head
    from compliance.messages import LANGUAGES, catalogue

    lines = [line.strip() for line in head.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines() if line.strip()]
    if format_name == "text":
        labels = {catalogue(lang).template("report.checked-against", None) for lang in LANGUAGES}
        return any(line in labels for line in lines)
    if format_name == "markdown":
        titles = {"## " + catalogue(lang).template("html.title", None) for lang in LANGUAGES}
        return bool(lines) and lines[0] in titles
    if format_name == "github":
        return all(line.startswith("::") for line in lines)
    return False


def _workbook_by_compliance(path: Path) -> bool:
    """An .xlsx whose document properties say compliance wrote it (xlsx_report sets comments: compliance)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as book:
            return b"<dc:description>compliance</dc:description>" in book.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as stream:
            return stream.read(4096)
    except OSError:
        return b""


def _format(settings: Any) -> str:
    """The report format: the option's, or the configuration's (checked here, where the formats are known)."""
    from compliance.config.selection import close_words
    from compliance.errors import InputError
    from compliance.messages import text

    formats = format_names()
    if settings.format in formats:
        return str(settings.format)
    origin = settings.origin("format")[-1]
    line, column = origin.value_position
    raise InputError.single(
        origin.name or "format",
        text("config.not-a-format", value=settings.format),
        line=line,
        column=column,
        hint=close_words(settings.format, formats) or text("config.formats-hint", formats=", ".join(formats)),
    )


def _language(option: str | None, settings: Any, format_default: str | None) -> str:
    """--lang, COMPLIANCE_LANG, `lang` of the configuration, the format's default (html, xlsx: zh), the locale."""
    from compliance.messages import resolve_language

    try:
        return resolve_language(option, configured=settings.lang or format_default)
    except ValueError:
        from compliance.cli.app import unknown_language

        raise click.BadParameter(unknown_language(), param_hint="--lang") from None


def _note_unreadable_files(files: list[Path]) -> None:
    """Files a folder holds in a format `check` does not read: named, never skipped in silence."""
    from compliance.batch import input_suffixes
    from compliance.messages import msg, text

    if not files:
        return
    shown = 5
    names = [str(file) for file in files[:shown]]
    more = text("cli.unreadable-files-more", count=len(files) - shown) if len(files) > shown else ""
    click.echo(
        msg("cli.unreadable-files", count=len(files), files=names, more=more, suffixes=", ".join(input_suffixes())),
        err=True,
    )


def _note_unused_references(library: Any, used: set[Any]) -> None:
    from compliance.checks.base import term
    from compliance.messages import msg

    for entry in library.entries:
        if entry.origin == "user" and entry.file not in used:
            click.echo(
                msg(
                    "cli.unused-reference",
                    file=entry.file,
                    kind=term("kind", entry.kind),
                    level=term("level", entry.level),
                    jurisdiction="/".join(entry.jurisdiction) or msg("term.nationwide"),
                ),
                err=True,
            )
