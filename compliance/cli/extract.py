"""`compliance extract`: a plan document into plan files to review."""

from __future__ import annotations

from typing import Any

import click

from compliance.cli.app import document_options, lang_option, main, names_formats, reports_input_errors


@main.command()
@click.argument("document", type=click.Path())  # a folder is refused in the user's language by compliance.files
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="A folder for one plan file per plan (created if need be), or a .yaml (or .json) file when the "
    "document holds one plan. Default: a YAML stream on standard output.",
)
@click.option("--force", is_flag=True, help="Replace plan files that already exist (never the document itself).")
@document_options
@lang_option
@names_formats
@reports_input_errors
def extract(document: str, output: str | None, force: bool, **extraction: Any) -> None:
    """Turn a plan document ({formats}) into plan files to review.

    Each target keeps its line, section and verbatim text; numbers of target
    sections that were not understood are listed under `unparsed`. An existing
    plan file (perhaps reviewed by hand) is replaced only with --force.
    """
    from pathlib import Path

    from compliance.extraction import dump_plans
    from compliance.extraction import extract as run_extract
    from compliance.files import plan_outputs
    from compliance.messages import text

    plans = run_extract(document, **{k: v for k, v in extraction.items() if v is not None})
    if output is None:
        click.echo(dump_plans(plans), nl=False)
        return
    names = [_plan_file_name(Path(document).stem, plan.plan.kind.value if plan.plan.kind else "plan") for plan in plans]
    outputs = plan_outputs(output, names, force=force, inputs=[document])  # all checked before any is written
    for destination, plan in zip(outputs, plans, strict=True):
        destination.write(_plan_text(plan, json=destination.path.suffix.lower() == ".json"))
        numeric = sum(1 for t in plan.targets if t.target.is_numeric)
        click.echo(
            text(
                "extract.written", file=destination.written, title=plan.plan.title, domains=len(plan.domains),
                targets=len(plan.targets), numeric=numeric, unparsed=len(plan.unparsed),
            )
        )


def _plan_file_name(stem: str, kind: str) -> str:
    """`<stem>-<kind>.yaml`, the kind said once: 秀洲区-women.txt gives 秀洲区-women.yaml, not …-women-women.yaml."""
    if stem.lower().endswith((f"-{kind}", f"_{kind}", f".{kind}")):
        return f"{stem}.yaml"
    return f"{stem}-{kind}.yaml"


def _plan_text(plan: Any, json: bool) -> str:
    """The plan file's text: the reviewed YAML, or the same fields as JSON for a .json name."""
    from compliance.extraction import dump_plan

    if not json:
        return str(dump_plan(plan))
    import json as json_module
    from decimal import Decimal

    from compliance.extraction.writer import plan_dict

    def number(value: Any) -> Any:
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        raise TypeError(type(value).__name__)

    return json_module.dumps(plan_dict(plan), ensure_ascii=False, indent=2, default=number) + "\n"
