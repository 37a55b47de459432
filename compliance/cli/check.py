"""`compliance check`: plans against the reference plans above them."""

from __future__ import annotations

import sys
from typing import Any

import click

from compliance.cli.app import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    document_options,
    dump_json,
    lang_option,
    main,
    names_formats,
    reference_library,
    ref_option,
    reports_input_errors,
)


@main.command()
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False))
@ref_option
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--horizon",
    type=click.Choice(["interpolate", "end", "strict"]),
    default="interpolate",
    show_default=True,
    help="How a plan is held to a reference with a later target year (see `compliance explain horizons`).",
)
@click.option("--select", "select", default="", help="Only these rules (names or codes, comma-separated).")
@click.option("--ignore", "ignore", default="", help="Not these rules (names or codes, comma-separated).")
@click.option("--verified-only", is_flag=True, help="Unverified reference targets give info, never errors.")
@lang_option
@document_options
@names_formats
@reports_input_errors
def check(
    plans: tuple[str, ...],
    refs: tuple[str, ...],
    output: str,
    horizon: str,
    select: str,
    ignore: str,
    verified_only: bool,
    **extraction: Any,
) -> None:
    """Check plans against the reference plans above them.

    PLANS are plan files (.yaml, .json) or plan documents ({formats}),
    which are extracted first; findings then say where in the document a person
    finds each target (第12行, 第2页第14行, 表1 第5行 本县目标列, 主要指标!F9).
    Exit code 1 when any finding has severity error, 0 otherwise, 2 for bad input.
    """
    from compliance.checking import check as run_check
    from compliance.checks.base import term
    from compliance.documents import load_plans
    from compliance.messages import msg
    from compliance.report.json_report import report_record
    from compliance.report.text_report import render_text

    library = reference_library(refs)
    loaded = load_plans(plans, **extraction)
    reports = [
        run_check(
            plan,
            library,
            horizon=horizon,
            verified_only=verified_only,
            select=[s.strip() for s in select.split(",") if s.strip()],
            ignore=[s.strip() for s in ignore.split(",") if s.strip()],
        )
        for plan in loaded
    ]
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
    sys.exit(EXIT_FINDINGS if any(r.failed for r in reports) else EXIT_CLEAN)
