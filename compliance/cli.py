"""The `compliance` command: a thin layer over the library API.

Exit codes: 0 clean, 1 findings at error severity, 2 bad input or usage.
Every command turns an `InputError` into one line per problem on stderr and
exit code 2; nothing a user types or feeds it should produce a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from compliance import __version__
from compliance.errors import InputError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

F = TypeVar("F", bound=Callable[..., Any])


def _reports_input_errors(command: F) -> F:
    """Bad input → its problems on stderr and exit 2; a bug → a short plea, exit 3."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as error:
            for problem in error.problems:
                click.echo(f"error: {problem}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except click.exceptions.Exit:
            raise
        except (click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            sys.exit(130)
        except BrokenPipeError:  # the reader went away (`compliance targets list | head`): stop quietly
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except Exception as error:  # noqa: BLE001 - the last line of defence
            click.echo(
                f"internal error: {type(error).__name__}: {error}\n"
                "This is a bug in compliance, not in your files; please report it with the command you ran.",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)

    return wrapper  # type: ignore[return-value]


def _dump_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="compliance")
def main() -> None:
    """Check a Chinese women's or children's development plan against the plans above it.

    Plan files are YAML or JSON in the compliance-plan/1 format (see `compliance schema`).
    Exit codes: 0 clean, 1 findings at error severity, 2 bad input or usage.
    """


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_reports_input_errors
def validate(files: tuple[str, ...]) -> None:
    """Validate plan files as written: structure, words, units, phrases.

    Every problem is reported as FILE:LINE:COLUMN: JSON-PATH: what is wrong.
    """
    from compliance.loading.plans import load_plan

    problems = []
    for file in files:  # report the valid files too, so one bad file does not hide the rest
        try:
            plan = load_plan(file)
        except InputError as error:
            problems.extend(error.problems)
            continue
        numeric = sum(1 for t in plan.targets if t.target.is_numeric)
        click.echo(
            f"{file}: valid — {plan.plan.title}: {len(plan.domains)} domains, "
            f"{len(plan.targets)} targets ({numeric} numeric)"
        )
    if problems:
        raise InputError(problems)


@main.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of targets.")
@_reports_input_errors
def parse(text: str, as_json: bool) -> None:
    """Read the targets a Chinese sentence states.

    Example: compliance parse "新生儿、婴儿和5岁以下儿童死亡率分别降至2‰、3.5‰和5‰及以下"
    """
    from compliance.phrases import parse as parse_phrase
    from compliance.phrases import render_compact

    found = parse_phrase(text)
    if as_json:
        _dump_json([t.to_json() for t in found])
        return
    if not found:
        click.echo("no target found")
        return
    for target in found:
        click.echo(f"{target.indicator or '(indicator not named)'}\t{render_compact(target.to_target_value())}\t«{target.quote}»")


@main.command()
def schema() -> None:
    """Print the JSON Schema of plan files (compliance-plan/1)."""
    from compliance.loading.plans import schema_text

    click.echo(schema_text(), nl=False)


_ref_option = click.option(
    "--ref",
    "refs",
    multiple=True,
    type=click.Path(exists=True),
    help="A reference plan file or directory of your own; wins over the bundled one for the same document. Repeatable.",
)


def _period(context: click.Context, parameter: click.Parameter, value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    import re

    match = re.fullmatch(r"\s*(\d{4})\s*[-–—~至]\s*(\d{4})\s*", value)
    if not match or int(match.group(1)) > int(match.group(2)):
        raise click.BadParameter("write the first and last year, e.g. 2021-2025")
    return int(match.group(1)), int(match.group(2))


def _document_options(command: F) -> F:
    """Options that steer extraction when a plan document (not a plan file) is given."""
    for option in reversed(
        [
            click.option("--kind", type=click.Choice(["women", "children"]), help="Override the kind found in the document."),
            click.option("--jurisdiction", help="Override the jurisdiction, e.g. 云南省/玉溪市/新平县."),
            click.option(
                "--level",
                type=click.Choice(["national", "provincial", "municipal", "county"]),
                help="Override the level found in the document.",
            ),
            click.option("--encoding", help="Override the detected encoding of a text document (e.g. gb18030)."),
            click.option("--period", callback=_period, help="Override the plan period found in the document, e.g. 2021-2025."),
        ]
    ):
        command = option(command)
    return command


def _library(refs: tuple[str, ...]) -> Any:
    from compliance.references import ReferenceLibrary

    return ReferenceLibrary.load(refs)


@main.group()
def targets() -> None:
    """Browse the reference plans (national, provincial, municipal) and their targets.

    Bundled references live in reference_targets/; add your own with --ref,
    the COMPLIANCE_REF environment variable, or `references = [...]` in compliance.toml.
    """


@targets.command("list")
@_ref_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_reports_input_errors
def targets_list(refs: tuple[str, ...], as_json: bool) -> None:
    """Every reference plan, with how many of its targets are numeric and verified."""
    from compliance.report.records import reference_record
    from compliance.report.table import table

    records = [reference_record(r) for r in _library(refs)]
    records.sort(key=lambda r: (["national", "provincial", "municipal", "county"].index(r["level"]), r["id"]))
    if as_json:
        _dump_json(records)
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
@_ref_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_reports_input_errors
def targets_show(doc: str, refs: tuple[str, ...], as_json: bool) -> None:
    """The targets of one reference plan, with verified flags and evidence.

    DOC is an id from `compliance targets list` (e.g. national/women-2021-2030), a file, or a title.
    """
    from compliance.phrases import render_compact
    from compliance.report.records import reference_record, target_record

    reference = _library(refs).find(doc)
    if as_json:
        _dump_json(
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
@_ref_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_document_options
@_reports_input_errors
def targets_for(plan_file: str, refs: tuple[str, ...], as_json: bool, **extraction: Any) -> None:
    """The reference plans PLAN_FILE would be checked against, and which have no targets encoded.

    PLAN_FILE is a plan file or a plan document (.txt, .md, .docx, .xlsx).
    """
    from compliance.loading.plans import load_plans
    from compliance.report.records import plan_record, reference_record

    library = _library(refs)
    records = []
    for plan in load_plans([plan_file], **extraction):
        ancestors = library.ancestors(plan)
        records.append({"plan": plan_record(plan), "ancestors": [reference_record(r) for r in ancestors]})
        if as_json:
            continue
        info = plan.plan
        click.echo(f"{info.title} ({info.kind.value}, {info.level.value}, {'/'.join(info.jurisdiction)})")
        if not ancestors:
            click.echo("  no reference plan found for this plan's kind and jurisdiction")
        for reference in ancestors:
            status = (
                f"{len(reference.plan.targets)} targets"
                if reference.targets_encoded
                else "known, but its targets are not encoded — add them with --ref"
            )
            click.echo(f"  {reference.plan.plan.level.value:<10} {reference.plan.plan.title}  [{reference.id}]  {status}")
    if as_json:
        _dump_json(records[0] if len(records) == 1 else records)


@main.command()
@click.argument("plans", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_ref_option
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
@_document_options
@_reports_input_errors
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

    PLANS are plan files (.yaml, .json) or plan documents (.txt, .md, .docx, .xlsx),
    which are extracted first; findings then give lines of the document.
    Exit code 1 when any finding has severity error, 0 otherwise, 2 for bad input.
    """
    from compliance.checking import check as run_check
    from compliance.loading.plans import load_plans
    from compliance.report.json_report import report_record
    from compliance.report.text_report import render_text

    library = _library(refs)
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
        _dump_json(records[0] if len(records) == 1 else records)
    else:
        click.echo("\n\n".join(render_text(r) for r in reports))
    used = {reference.file for report in reports for reference in report.references}
    for entry in library.entries:
        if entry.origin == "user" and entry.file not in used:
            click.echo(
                f"note: your reference {entry.file} ({entry.kind}, {entry.level.value}, "
                f"{'/'.join(entry.jurisdiction) or '全国'}) is not an ancestor of the checked plan(s) and was not used; "
                "check its kind, level and jurisdiction (compliance targets for PLAN)",
                err=True,
            )
    sys.exit(EXIT_FINDINGS if any(r.failed for r in reports) else EXIT_CLEAN)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def rules(as_json: bool) -> None:
    """List the rules: code, name, default severity, what each finds."""
    from compliance.checks import RULES
    from compliance.report.table import table

    records = [
        {"code": r.code(), "name": r.name, "family": r.family, "severity": r.severity().value, "summary": r.summary()}
        for r in RULES
    ]
    if as_json:
        _dump_json(records)
        return
    click.echo(table(["code", "name", "severity", "finds"], [(r["code"], r["name"], r["severity"], r["summary"]) for r in records]))


@main.command()
@click.argument("rule_name")
@_reports_input_errors
def explain(rule_name: str) -> None:
    """Document one rule (by name or code), or `horizons` for the horizon policy."""
    from compliance.checks import rule

    if rule_name == "horizons":
        from compliance.checks import horizons

        click.echo(horizons.__doc__ or "")
        return
    found = rule(rule_name)
    if found is None:
        raise InputError.single(rule_name, "no such rule", hint="see `compliance rules`")
    click.echo(f"{found.name} ({found.code()}, default severity {found.severity().value}, family {found.family})\n")
    click.echo(found.doc())


@main.command()
@click.argument("document", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="A directory for one plan file per plan (or a .yaml file when the document holds one plan). "
    "Default: a YAML stream on standard output.",
)
@_document_options
@_reports_input_errors
def extract(document: str, output: str | None, **extraction: Any) -> None:
    """Turn a plan document (.txt, .md, .docx, .xlsx) into plan files to review.

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
        files = [(target / f"{stem}-{plan.plan.kind.value}.yaml", plan) for plan in plans]
    for path, plan in files:
        path.write_text(dump_plan(plan), encoding="utf-8")
        numeric = sum(1 for t in plan.targets if t.target.is_numeric)
        click.echo(
            f"{path}: {plan.plan.title} — {len(plan.domains)} domains, {len(plan.targets)} targets "
            f"({numeric} numeric), {len(plan.unparsed)} unparsed numbers to review"
        )
