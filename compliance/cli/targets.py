"""`compliance targets`: browse the reference plans and their targets."""

from __future__ import annotations

from typing import Any

import click

from compliance.cli.app import (
    document_options,
    dump_json,
    lang_option,
    main,
    names_formats,
    ref_option,
    reference_library,
    reports_input_errors,
)
from compliance.messages import msg, text


def _level(value: object) -> str:
    return text(f"term.level.{getattr(value, 'value', value) or 'none'}")


def _shown(value: Any) -> str:
    """A target value for a reader: ≤12/10万, 提高 in Chinese; the plan-file notation (<= 12 1/10万) in English."""
    from compliance.messages import language
    from compliance.phrases import render_compact
    from compliance.report.records import value_text

    return value_text(value) if language() == "zh" else render_compact(value)


def _place(jurisdiction: object) -> str:
    return "/".join(jurisdiction) or text("term.nationwide")  # type: ignore[arg-type]


@main.group()
def targets() -> None:
    """Browse the reference plans (national, provincial, municipal) and their targets.

    Bundled references live in reference_targets/; add your own with --ref,
    the COMPLIANCE_REF environment variable, or `references = [...]` in compliance.toml.
    """


@targets.command("list")
@ref_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@lang_option
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
            _level(r["level"]),
            _place(r["jurisdiction"]),
            text("targets.period", start=r["period"][0], end=r["period"][1]),
            _targets_cell(r),
            r["numeric_targets"],
            r["verified_targets"],
            r["title"],
        )
        for r in records
    ]
    columns = ("id", "level", "jurisdiction", "period", "targets", "numeric", "verified", "title")
    click.echo(table([text(f"targets.column.{c}") for c in columns], rows))


def _targets_cell(record: dict[str, Any]) -> str:
    """The targets column of `targets list`: how many, and whether that is the whole plan."""
    if not record["targets_encoded"]:
        return text("targets.not-encoded")
    part = record["partly_encoded"]
    if part is None:
        return str(record["targets"])
    of = text("report.reference-of", total=part["of"]) if part["of"] else ""
    return text("reference-file.partly-cell", count=record["targets"], of=of)


@targets.command("show")
@click.argument("doc")
@ref_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@lang_option
@reports_input_errors
def targets_show(doc: str, refs: tuple[str, ...], as_json: bool) -> None:
    """The targets of one reference plan, with verified flags and evidence.

    DOC is an id from `compliance targets list` (e.g. national/women-2021-2030), a file, or a title.
    """
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
    period = text("targets.period", start=info.period[0], end=info.period[1])
    click.echo(text("targets.show-heading", title=info.title, level=_level(info.level), period=period, file=reference.file))
    if info.last_verified is not None:
        click.echo(text("targets.last-verified", date=info.last_verified.date, against=info.last_verified.against))
    else:
        click.echo(text("targets.never-verified"))
    if reference.from_your_copy and info.source is not None:
        click.echo(text("targets.from-your-copy", file=info.source.file, sha256=info.source.sha256))
    if not reference.targets_encoded:
        click.echo(text("targets.none-encoded"))
    elif reference.partly_encoded and info.partly_encoded is not None:
        part = info.partly_encoded
        click.echo(
            text(
                "reference-file.partly-show",
                count=len(reference.plan.targets),
                of=msg("reference-unavailable.of-total", total=part.of) if part.of else "",
                missing=part.missing,
            )
        )
    domain = None
    for target in reference.plan.targets:
        if target.domain != domain:
            domain = target.domain
            click.echo("\n" + (domain or text("targets.no-domain")))
        flag = msg("term.verified" if target.verified else "term.unverified")
        click.echo(text("targets.target", indicator=target.indicator, target=_shown(target.target), flag=flag))
        if target.text:
            click.echo(text("targets.quote", text=target.text))
        for url in target.evidence:
            click.echo(text("targets.evidence", url=url))
        if target.note:
            click.echo(text("targets.note", note=target.note))
        base = target.baseline
        if base is not None and base.value is not None:
            state = "derived" if base.derived else ("verified" if base.verified else "unverified")
            click.echo(
                text(
                    "targets.baseline",
                    year=base.year,
                    value=f"{base.value}{base.unit or ''}",
                    flag=msg(f"targets.baseline-{state}"),
                )
            )
        for disagreement in target.disagreements:
            where = (
                msg("targets.at-locator", locator=disagreement.locator)
                if disagreement.locator
                else (msg("targets.at-line", line=disagreement.line) if disagreement.line else "")
            )
            click.echo(
                text(
                    "targets.disagrees",
                    document=disagreement.document,
                    where=where,
                    stated=disagreement.stated,
                    text=disagreement.text,
                )
            )


@targets.command("for")
@click.argument("plan_file", type=click.Path(dir_okay=False))
@ref_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@document_options
@lang_option
@names_formats
@reports_input_errors
def targets_for(plan_file: str, refs: tuple[str, ...], as_json: bool, **extraction: Any) -> None:
    """The reference plans PLAN_FILE would be checked against, and which have no targets encoded.

    PLAN_FILE is a plan file or a plan document ({formats}).
    """
    from compliance.documents import load_plans
    from compliance.report.records import plan_record, reference_record
    from compliance.report.table import pad

    library = reference_library(refs)
    records = []
    for plan in load_plans([plan_file], **extraction):
        ancestors = library.ancestors(plan)
        records.append({"plan": plan_record(plan), "ancestors": [reference_record(r) for r in ancestors]})
        if as_json:
            continue
        info = plan.plan
        kind = text(f"term.kind.{info.kind.value if info.kind else 'none'}")
        click.echo(text("targets.for-heading", title=info.title, kind=kind, level=_level(info.level), jurisdiction="/".join(info.jurisdiction)))
        if not ancestors:
            click.echo(text("report.no-reference"))
        for reference in ancestors:
            status = (
                msg("cli.targets", count=len(reference.plan.targets))
                if reference.targets_encoded
                else msg("targets.known-not-encoded")
            )
            if reference.partly_encoded:
                status = _targets_cell(reference_record(reference))
            level = pad(_level(reference.plan.plan.level), 10)
            click.echo(text("targets.ancestor", level=level, title=reference.plan.plan.title, id=reference.id, status=status))
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
@lang_option
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
            text(
                "targets.built",
                path=path,
                title=plan.plan.title,
                level=_level(plan.plan.level),
                jurisdiction=_place(plan.plan.jurisdiction),
                targets=msg("cli.targets", count=len(plan.targets)),
                numeric=numeric,
                unparsed=reference.unparsed,
                finish=reference.to_finish,
                masked=reference.masked,
            )
        )
    folder = target.parent if target.suffix.lower() in (".yaml", ".yml") else target
    click.echo(text("targets.use-it", folder=folder))


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
@lang_option
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
                stated = _shown(check.stated) if check.stated is not None else ""
                said = stated + "  " + text("targets.quote-inline", text=check.words or "")
            rows.append(
                (
                    text(f"targets.status.{check.status}"),
                    target.indicator,
                    _shown(target.target) + ("" if target.verified else text("targets.unverified-mark")),
                    said.strip(),
                    check.locator or "",
                )
            )
        for extra in result.only_in_text:
            said = f"{_shown(extra.target)}  " + text("targets.quote-inline", text=extra.text or "")
            rows.append((text("targets.status.only-in-text"), extra.indicator, "", said, extra.locator or ""))
        click.echo(
            text("targets.verify-heading", title=reference.plan.plan.title, id=reference.id, document=result.document.label)
        )
        columns = ("status", "indicator", "reference", "stated", "where")
        click.echo(table([text(f"targets.verify-column.{c}") for c in columns], rows))
        click.echo(
            text(
                "targets.verify-summary",
                confirmed=len(result.of("confirmed")),
                disagree=len(result.disagreements),
                missing=len(result.of("not-found")),
                extra=len(result.only_in_text),
            )
        )
    if write or output:
        source = reference.file
        if output is None:
            if reference.origin == "bundled" and "_data" in source.parts:
                raise InputError.single(
                    str(source),
                    text("targets.bundled-file"),
                    hint=text("targets.bundled-file-hint"),
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
                text(
                    "targets.verified-written",
                    file=destination,
                    upgraded=counts["upgraded"],
                    evidence=counts["evidence_added"],
                    disagreements=counts["disagreements"],
                )
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
