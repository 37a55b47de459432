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
    if info.last_verified is not None:
        click.echo(f"last verified {info.last_verified.date} against {info.last_verified.against}")
    else:
        click.echo("last verified: not recorded (compliance targets verify REF DOCUMENT --write records it)")
    if reference.from_your_copy and info.source is not None:
        click.echo(f"from your copy of the official text: {info.source.file} (sha256 {info.source.sha256})")
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
        base = target.baseline
        if base is not None and base.value is not None:
            flag = "derived, not verified" if base.derived else ("verified" if base.verified else "unverified")
            click.echo(f"      baseline {base.year}: {base.value}{base.unit or ''} [{flag}]")
        for disagreement in target.disagreements:
            where = f", line {disagreement.line}" if disagreement.line else ""
            click.echo(
                f"      DISAGREES: {disagreement.document}{where} says {disagreement.stated} «{disagreement.text}»"
            )


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


@targets.command("build")
@click.argument("document", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="A reference directory: each plan is written in the bundled layout (zhejiang/jiaxing/women-2021-2025.yaml); "
    "or a .yaml file when the document holds one plan. Default: the YAML on standard output.",
)
@click.option("--source-url", help="Where the official text is published; recorded as evidence with the file's SHA-256.")
@click.option("--force", is_flag=True, help="Replace files that exist.")
@document_options
@names_formats
@reports_input_errors
def targets_build(document: str, output: str | None, source_url: str | None, force: bool, **extraction: Any) -> None:
    """Turn the official text of a higher-level plan into a reference plan file ({formats}).

    Every target keeps its sentence and line, is marked verified (it was read from
    DOCUMENT) and names DOCUMENT as evidence: its file name and SHA-256, and the
    --source-url. Numbers that could not be read are listed under `unparsed` for you
    to finish. Use the result with `compliance check PLAN --ref DIRECTORY`.
    """
    from pathlib import Path

    from compliance.errors import InputError
    from compliance.files import plan_outputs
    from compliance.messages import text
    from compliance.verification import build_references

    built = build_references(document, source_url=source_url, **{k: v for k, v in extraction.items() if v is not None})
    if output is None:
        click.echo("---\n".join(reference.text for reference in built), nl=False)
        return
    target = Path(output)
    if target.suffix.lower() == ".json":
        raise InputError.single(output, text("file.yaml-only"), hint=text("file.yaml-only-hint"))
    outputs = plan_outputs(  # every file checked (exists, is the document, written twice) before any is written
        output, [str(reference.path) for reference in built], force=force, inputs=[document], suffixes=(".yaml", ".yml")
    )
    for destination, reference in zip(outputs, built, strict=True):
        destination.write(reference.text)
        path = destination.written
        plan = reference.plan
        numeric = sum(1 for t in plan.targets if t.target.is_numeric)
        click.echo(
            f"{path}: 《{plan.plan.title}》 ({plan.plan.level.value}, {'/'.join(plan.plan.jurisdiction) or '全国'}) — "
            f"{len(plan.targets)} targets ({numeric} numeric), {reference.unparsed} unparsed numbers to finish by hand"
        )
    folder = target.parent if target.suffix.lower() in (".yaml", ".yml") else target
    click.echo(f"use it with: compliance check PLAN --ref {folder}")


@targets.command("verify")
@click.argument("ref")
@click.argument("document", type=click.Path(dir_okay=False))
@ref_option
@click.option("--write", is_flag=True, help="Record the outcome in REF's file (bundled references: only in a source checkout).")
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write the verified copy here instead (a file, or a reference directory in the bundled layout); implies --write.",
)
@click.option("--source-url", help="Where the official text is published; recorded as evidence with the file's SHA-256.")
@click.option("--encoding", help="Override the detected encoding of a text document (e.g. gb18030).")
@click.option("--force", is_flag=True, help="With -o: replace a file that exists.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@names_formats
@reports_input_errors
def targets_verify(
    ref: str,
    document: str,
    refs: tuple[str, ...],
    write: bool,
    output: str | None,
    source_url: str | None,
    encoding: str | None,
    force: bool,
    as_json: bool,
) -> None:
    """Check the reference plan REF against DOCUMENT, an official text ({formats}).

    REF is an id from `compliance targets list` (national/women-2021-2030), a title, or a
    reference file. For each target: is its clause in the text, does the text state the
    same value. With --write, confirmed targets become verified with DOCUMENT as evidence,
    disagreements are recorded beside the target (its value is never changed), and
    last_verified says when. Exit code 1 when the text disagrees with a target.
    """
    import sys
    from pathlib import Path

    from compliance.errors import InputError
    from compliance.phrases import render_compact
    from compliance.report.table import table
    from compliance.verification.verify import apply_verification, verify_reference

    reference = reference_library(refs).find(ref)
    result = verify_reference(reference.plan, document, source_url=source_url, encoding=encoding)
    if as_json:
        dump_json(_verification_record(result, reference))
    else:
        rows = []
        for check in result.checks:
            target = check.target
            said = ""
            if check.status != "not-found":
                said = (render_compact(check.stated) if check.stated is not None else "") + f"  «{check.words or ''}»"
            rows.append(
                (
                    check.status,
                    target.indicator,
                    render_compact(target.target) + ("" if target.verified else "  [unverified]"),
                    said.strip(),
                    check.locator or "",
                )
            )
        for extra in result.only_in_text:
            rows.append(("only in the text", extra.indicator, "", f"{render_compact(extra.target)}  «{extra.text or ''}»", extra.locator or ""))
        click.echo(f"《{reference.plan.plan.title}》 [{reference.id}] against {result.document.label}")
        click.echo(table(["status", "indicator", "reference", "the text says", "where"], rows))
        click.echo(
            f"{len(result.of('confirmed'))} confirmed, {len(result.disagreements)} disagree, "
            f"{len(result.of('not-found'))} not found in the text; "
            f"{len(result.only_in_text)} targets of the text are not in the reference"
        )
    if write or output:
        source = reference.file
        if output is None:
            if reference.origin == "bundled" and "_data" in source.parts:
                raise InputError.single(
                    str(source),
                    "is the installed package's own reference file; it was not changed",
                    hint="write a verified copy with -o DIRECTORY and use it with --ref DIRECTORY",
                )
            destination, replace = source, True
        else:
            destination = Path(output)
            if destination.suffix.lower() not in (".yaml", ".yml", ".json"):
                from compliance.references.layout import reference_path

                destination = destination / reference_path(reference.plan.plan)
            replace = force
        counts = apply_verification(result, source, destination, force=replace)
        if not as_json:
            click.echo(
                f"{destination}: {counts['upgraded']} targets upgraded to verified, {counts['evidence_added']} already "
                f"verified (the text added as evidence), {counts['disagreements']} disagreements recorded (values "
                "unchanged), last_verified set"
            )
    sys.exit(1 if result.disagreements else 0)


def _verification_record(result: Any, reference: Any) -> dict[str, Any]:
    from compliance.phrases import render_compact

    return {
        "reference": reference.id,
        "document": {"file": str(result.document.path), "sha256": result.document.sha256, "url": result.document.url},
        "targets": [
            {
                "indicator": c.target.indicator,
                "reference": render_compact(c.target.target),
                "verified": c.target.verified,
                "status": c.status,
                "found_by": c.found_by,
                "line": c.line,
                "locator": c.locator,
                "text": c.words,
                "stated": render_compact(c.stated) if c.stated is not None else None,
            }
            for c in result.checks
        ],
        "only_in_text": [
            {"indicator": t.indicator, "stated": render_compact(t.target), "line": t.line, "text": t.text}
            for t in result.only_in_text
        ],
    }
