"""`compliance config`: the resolved settings, and where each came from."""

from __future__ import annotations

import json
from typing import Any

import click

from compliance.cli.app import config_option, dump_json, lang_option, main, reports_input_errors, resolve_settings


@main.command("config")
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON: each key with its value and origins.")
@lang_option
@reports_input_errors
def config(config_file: str | None, as_json: bool) -> None:
    """Print the settings `compliance check` would use here, and where each came from.

    Sources, highest first: options, COMPLIANCE_* environment variables, the
    configuration file (compliance.toml, or [tool.compliance] in
    pyproject.toml, the nearest from the working directory upwards), defaults.
    The output is valid TOML: a project can start its compliance.toml from it.
    """
    from compliance.checks import RULES
    from compliance.config.model import env_name
    from compliance.messages import text
    from compliance.report.table import display_width, pad

    settings = resolve_settings(config_file)
    dumped = settings.model_dump(mode="json", by_alias=True)
    if as_json:
        dump_json(
            {
                "config_file": str(settings.config_file) if settings.config_file else None,
                "settings": {
                    key: {
                        "value": value,
                        "origins": [str(o) for o in settings.origin(key)],
                        "environment": env_name(key.replace("-", "_")),
                    }
                    for key, value in dumped.items()
                },
            }
        )
        return
    found = settings.config_file
    click.echo(text("config.shown-file", file=found) if found else text("config.shown-no-file"))
    unset = text("config.shown-unset")
    rows = [(f"{key} = {_toml(value)}" if value is not None else f"# {key} = {unset}", key) for key, value in dumped.items()]
    width = max(display_width(line) for line, _ in rows)
    for line, key in rows:
        origins = ", ".join(str(o) for o in settings.origin(key))
        click.echo(f"{pad(line, width)}  # {origins}")
    enabled = settings.check_settings().select  # for a plan no per-file-ignores glob matches
    left_out = [r.name for r in RULES if r.name not in enabled]
    if left_out:
        click.echo(text("config.shown-rules-left-out", count=len(enabled), total=len(RULES), names=", ".join(left_out)))
    else:
        click.echo(text("config.shown-rules", count=len(enabled), total=len(RULES)))


def _toml(value: Any) -> str:
    """A JSON-ready value written as TOML (strings, booleans, lists, inline tables)."""
    if isinstance(value, dict):
        inner = ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_toml(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)
