"""`compliance targets`: browse the reference plans and their targets."""

from __future__ import annotations

from typing import Any

import click

from compliance.cli.app import (
    document_options,
    dump_json,
    main,
    names_formats,
    ref_option,
    reference_library,
    reports_input_errors,
)


@main.group()
def targets() -> None:
    """Browse the reference plans (national, provincial, municipal) and their targets.

    Bundled references live in reference_targets/; add your own with --ref,
    the COMPLIANCE_REF environment variable, or `references = [...]` in compliance.toml.
    """


@targets.command("list")
@ref_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@reports_input_errors
def targets_list(refs: tuple[str, ...], as_json: bool) -> None:
    """Every reference plan, with how many of its targets are numeric and verified."""
    from compliance.report.records import reference_record
    from compliance.report.table import table

    records = [reference_record(r) for r in reference_library(refs)]
    records.sort(key=lambda r: (["national", "provincial", "municipal", "county"].index(r["level"]), r["id"]))
    if as_json:
        dump_json(records)
        return
    rows = [
        (
            r["id"],
            r["level"],
            "/".join(r["jurisdiction"]) or "全国",
            f"{r['period'][0]}–{r['period'][1]}",
            r["targets"] if r["targets_encoded"] else "not encoded",
            r["numeric_targets"],
            r["verified_targets"],
            r["title"],
        )
        for r in records
    ]
    click.echo(table(["id", "level", "jurisdiction", "period", "targets", "numeric", "verified", "title"], rows))


@targets.command("show")
@click.argument("doc")
@ref_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@reports_input_errors
def targets_show(doc: str, refs: tuple[str, ...], as_json: bool) -> None:
    """The targets of one reference plan, with verified flags and evidence.

    DOC is an id from `compliance targets list` (e.g. national/women-2021-2030), a file, or a title.
    """
    from compliance.phrases import render_compact
    from compliance.report.records import reference_record, target_record

    reference = reference_library(refs).find(doc)
    if as_json:
        dump_json(
            {
                "reference": reference_record(reference),
                "domains": reference.plan.domains,
                "targets": [target_record(t) for t in reference.plan.targets],
            }
        )
        return
    info = reference.plan.plan
    click.echo(f"{info.title}  ({info.level.value}, {info.period[0]}–{info.period[1]}, {reference.file})")
    if not reference.targets_encoded:
        click.echo("No targets encoded for this plan: add them (see docs/plan-format.md) in your own --ref directory.")
    domain = None
    for target in reference.plan.targets:
        if target.domain != domain:
            domain = target.domain
            click.echo(f"\n{domain or '(no domain)'}")
        flag = "verified" if target.verified else "UNVERIFIED"
        click.echo(f"  {target.indicator}  {render_compact(target.target)}  [{flag}]")
        if target.text:
            click.echo(f"      «{target.text}»")
        for url in target.evidence:
            click.echo(f"      evidence: {url}")
        if target.note:
            click.echo(f"      note: {target.note}")


@targets.command("for")
@click.argument("plan_file", type=click.Path(dir_okay=False))
@ref_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@document_options
@names_formats
@reports_input_errors
def targets_for(plan_file: str, refs: tuple[str, ...], as_json: bool, **extraction: Any) -> None:
    """The reference plans PLAN_FILE would be checked against, and which have no targets encoded.

    PLAN_FILE is a plan file or a plan document ({formats}).
    """
    from compliance.documents import load_plans
    from compliance.report.records import plan_record, reference_record

    library = reference_library(refs)
    records = []
    for plan in load_plans([plan_file], **extraction):
        ancestors = library.ancestors(plan)
        records.append({"plan": plan_record(plan), "ancestors": [reference_record(r) for r in ancestors]})
        if as_json:
            continue
        info = plan.plan
        kind, level = (info.kind.value if info.kind else "kind unknown"), (info.level.value if info.level else "level unknown")
        click.echo(f"{info.title} ({kind}, {level}, {'/'.join(info.jurisdiction)})")
        if not ancestors:
            click.echo("  no reference plan found for this plan's kind and jurisdiction")
        for reference in ancestors:
            status = (
                f"{len(reference.plan.targets)} targets"
                if reference.targets_encoded
                else "known, but its targets are not encoded — add them with --ref"
            )
            click.echo(
                f"  {reference.plan.plan.level.value:<10} {reference.plan.plan.title}  [{reference.id}]  {status}"
            )
    if as_json:
        dump_json(records[0] if len(records) == 1 else records)
