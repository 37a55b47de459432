"""`compliance check`: plans against the reference plans above them."""

from __future__ import annotations

import sys
from typing import Any

import click

from compliance.cli.app import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    config_option,
    document_options,
    dump_json,
    lang_option,
    main,
    names_formats,
    reference_library,
    ref_option,
    reports_input_errors,
    resolve_settings,
)

FORMATS = ("text", "json")
RULES_HELP = "names (weaker-threshold), codes (CMP201) or code prefixes (CMP2); comma-separated or repeated"


@main.command()
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False))
@ref_option
@config_option
@click.option("--format", "output", type=click.Choice(FORMATS), help="Report format (default: text, or `format` of the configuration).")
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
@lang_option
@document_options
@names_formats
@reports_input_errors
def check(
    plans: tuple[str, ...],
    refs: tuple[str, ...],
    config_file: str | None,
    output: str | None,
    horizon: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    verified_only: bool | None,
    fail_on: str | None,
    exit_zero: bool,
    **extraction: Any,
) -> None:
    """Check plans against the reference plans above them.

    PLANS are plan files (.yaml, .json) or plan documents ({formats}),
    which are extracted first; findings then say where in the document a person
    finds each target (第12行, 第2页第14行, 表1 第5行 本县目标列, 主要指标!F9).
    Settings come from these options, COMPLIANCE_* variables and compliance.toml
    (see `compliance config`). Exit code 1 when a finding is at or above
    fail-on (error), 0 otherwise, 2 for bad input or usage.
    """
    from compliance.checking import check as run_check
    from compliance.checks.base import term
    from compliance.documents import load_plans
    from compliance.messages import msg
    from compliance.report.json_report import report_record
    from compliance.report.text_report import render_text

    settings = resolve_settings(
        config_file,
        references=refs,
        format=output,
        horizon=horizon,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        verified_only=verified_only,
        fail_on=fail_on,
    )
    output = _format(settings)
    _pending(settings)
    _language(settings)
    library = reference_library(refs, settings)
    loaded = load_plans(plans, **extraction)
    reports = [run_check(plan, library, settings=settings) for plan in loaded]
    if output == "json":
        records = [report_record(r) for r in reports]
        dump_json(records[0] if len(records) == 1 else records)
    else:
        click.echo("\n\n".join(render_text(r) for r in reports))
    used = {reference.file for report in reports for reference in report.references}
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
    failed = any(r.failed for r in reports) and not exit_zero
    sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


def _format(settings: Any) -> str:
    """The report format: the option's, or the configuration's (checked here, where the formats are known)."""
    from compliance.config.selection import close_words
    from compliance.errors import InputError
    from compliance.messages import text

    if settings.format in FORMATS:
        return str(settings.format)
    origin = settings.origin("format")[-1]
    line, column = origin.value_position
    raise InputError.single(
        origin.name or "format",
        text("config.not-a-format", value=settings.format),
        line=line,
        column=column,
        hint=close_words(settings.format, FORMATS) or text("config.formats-hint", formats=", ".join(FORMATS)),
    )


def _pending(settings: Any) -> None:
    """Settings whose machinery is not in this version yet: said, never silently ignored.

    The owner of the rules overlays (issue 11) replaces this when the check reads `settings.rules`.
    """
    from compliance.errors import InputError
    from compliance.messages import text

    if settings.rules:
        origin = settings.origin("rules")[-1]
        line, column = origin.position
        raise InputError.single(
            origin.name or "rules",
            text("config.rules-unavailable"),
            line=line,
            column=column,
            hint=text("config.rules-unavailable-hint"),
        )


def _language(settings: Any) -> None:
    """`lang` of the configuration file, when neither --lang nor COMPLIANCE_LANG chose (they are read first)."""
    from click.core import ParameterSource

    from compliance.messages import resolve_language, using

    context = click.get_current_context()
    if settings.lang and context.get_parameter_source("lang") is not ParameterSource.COMMANDLINE:
        context.with_resource(using(resolve_language(None, configured=settings.lang)))
