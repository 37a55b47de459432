"""`compliance extract`: a plan document into plan files to review."""

from __future__ import annotations

from typing import Any

import click

from compliance.cli.app import document_options, main, names_formats, reports_input_errors
from compliance.errors import InputError


@main.command()
@click.argument("document", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="A directory for one plan file per plan (or a .yaml file when the document holds one plan). "
    "Default: a YAML stream on standard output.",
)
@document_options
@names_formats
@reports_input_errors
def extract(document: str, output: str | None, **extraction: Any) -> None:
    """Turn a plan document ({formats}) into plan files to review.

    Each target keeps its line, section and verbatim text; numbers of target
    sections that were not understood are listed under `unparsed`.
    """
    from pathlib import Path

    from compliance.extraction import dump_plan, dump_plans
    from compliance.extraction import extract as run_extract

    plans = run_extract(document, **{k: v for k, v in extraction.items() if v is not None})
    if output is None:
        click.echo(dump_plans(plans), nl=False)
        return
    target = Path(output)
    if target.suffix.lower() in (".yaml", ".yml"):
        if len(plans) != 1:
            raise InputError.single(
                output, f"the document holds {len(plans)} plans", hint="give a directory with -o to write one file each"
            )
        files = [(target, plans[0])]
    else:
        target.mkdir(parents=True, exist_ok=True)
        stem = Path(document).stem
        files = [(target / f"{stem}-{plan.plan.kind.value if plan.plan.kind else 'plan'}.yaml", plan) for plan in plans]
    for path, plan in files:
        path.write_text(dump_plan(plan), encoding="utf-8")
        numeric = sum(1 for t in plan.targets if t.target.is_numeric)
        click.echo(
            f"{path}: {plan.plan.title} — {len(plan.domains)} domains, {len(plan.targets)} targets "
            f"({numeric} numeric), {len(plan.unparsed)} unparsed numbers to review"
        )
