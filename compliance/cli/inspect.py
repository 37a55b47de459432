"""Commands that look at one thing: validate plan files, parse a phrase, print the schema, list and explain the rules."""

from __future__ import annotations

from typing import Any

import click

from compliance.cli.app import dump_json, lang_option, main, reports_input_errors, resolve_settings, rules_option
from compliance.errors import InputError
from compliance.messages import msg, text


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())  # folders: compliance.files says why, in the user's language
@lang_option
@reports_input_errors
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
            text(
                "cli.valid",
                file=file,
                title=plan.plan.title,
                domains=msg("cli.domains", count=len(plan.domains)),
                targets=msg("cli.targets", count=len(plan.targets)),
                numeric=numeric,
            )
        )
    if problems:
        raise InputError(problems)


@main.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of targets.")
@lang_option
@reports_input_errors
def parse(text: str, as_json: bool) -> None:
    """Read the targets a Chinese sentence states.

    Example: compliance parse "新生儿、婴儿和5岁以下儿童死亡率分别降至2‰、3.5‰和5‰及以下"
    """
    from compliance.phrases import parse as parse_phrase
    from compliance.phrases import render_compact

    found = parse_phrase(text)
    if as_json:
        dump_json([t.to_json() for t in found])
        return
    if not found:
        click.echo(str(msg("cli.parse-none")))
        return
    for target in found:
        indicator = target.indicator or msg("cli.parse-no-indicator")
        shown = render_compact(target.to_target_value())
        click.echo(str(msg("cli.parse-target", indicator=indicator, target=shown, quote=target.quote)))


@main.command()
@lang_option
def schema() -> None:
    """Print the JSON Schema of plan files (compliance-plan/1), its descriptions in the chosen language."""
    from compliance.loading.plans import schema_text
    from compliance.messages import language

    if language() == "en":
        click.echo(schema_text(), nl=False)
        return
    import json

    from compliance.messages.foreign import translated

    def described(node: Any) -> Any:
        if isinstance(node, list):
            return [described(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {key: described(value) for key, value in node.items()}
        for key in ("title", "description"):
            if isinstance(node.get(key), str):
                out[key] = translated("schema", node[key]) or node[key]
        return out

    click.echo(json.dumps(described(json.loads(schema_text())), ensure_ascii=False, indent=2))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@lang_option
@rules_option
@reports_input_errors
def rules(as_json: bool, rules_dirs: tuple[str, ...]) -> None:
    """List the rules: code, name, severity in force, title and what each finds.

    Rules overlays (--rules DIR, COMPLIANCE_RULES, `rules` of the configuration)
    are loaded and validated first: the severities shown are those a check uses.
    """
    from compliance.checks.base import settings_in_force
    from compliance.checks.ruleset import load_rules
    from compliance.resources import overlay_dirs

    settings = resolve_settings(rules=list(rules_dirs))
    ruleset = load_rules(overlay_dirs(list(settings.rules), configured=False))
    with settings_in_force(ruleset.settings):
        _list_rules(as_json)


def _list_rules(as_json: bool) -> None:
    from compliance.checks import RULES
    from compliance.checks.base import term
    from compliance.messages import msg
    from compliance.report.table import table

    records = [
        {
            "code": r.code(),
            "name": r.name,
            "family": r.family,
            "severity": r.severity().value,
            "title": str(r.title()),
            "summary": str(r.summary()),
        }
        for r in RULES
    ]
    if as_json:
        dump_json(records)
        return
    headers = [str(msg(f"cli.rules-header.{column}")) for column in ("code", "name", "severity", "title", "summary")]
    click.echo(
        table(
            headers,
            [
                (r.code(), r.name, term("severity", r.severity()), r.title(), r.summary())
                for r in RULES
            ],
        )
    )


@main.command()
@click.argument("rule_name")
@lang_option
@reports_input_errors
def explain(rule_name: str) -> None:
    """Document one rule (by name or code), or `horizons` for the horizon policy."""
    from compliance.checks import RULES, rule
    from compliance.checks.base import term
    from compliance.messages.docs import topic_doc, topics

    if rule_name in topics():
        click.echo(topic_doc(rule_name))
        return
    found = rule(rule_name)
    if found is None:
        from difflib import get_close_matches

        close = get_close_matches(rule_name, [r.name for r in RULES] + list(topics()), n=1, cutoff=0.5)
        hint = text("cli.no-such-rule-guess", word=close[0]) if close else text("cli.no-such-rule-hint")
        raise InputError.single(rule_name, text("cli.no-such-rule"), hint=hint)
    click.echo(
        text(
            "cli.explain-heading",
            name=found.name,
            code=found.code(),
            title=found.title(),
            severity=term("severity", found.severity()),
            family=found.family,
        )
        + "\n"
    )
    click.echo(found.doc())
