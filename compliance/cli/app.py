"""The `compliance` command group and what every command shares: error handling, JSON output, options.

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
from compliance.cli.help import LocalizedHelp
from compliance.errors import InputError, Problem

EXIT_CLEAN, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

F = TypeVar("F", bound=Callable[..., Any])


def reports_input_errors(command: F) -> F:
    """Bad input → its problems on stderr and exit 2; a bug → a short plea, exit 3."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as error:
            for problem in error.problems:
                echo_problem(problem)
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
        except (OSError, MemoryError) as error:  # the machine refused (a full disk, a permission): not a bug
            from compliance.files import environment_error

            for problem in environment_error(error).problems:
                echo_problem(problem)
            sys.exit(EXIT_BAD_INPUT)
        except Exception as error:  # noqa: BLE001 - the last line of defence
            from compliance.messages import text

            click.echo(text("cli.internal-error", error=f"{type(error).__name__}: {error}"), err=True)
            sys.exit(EXIT_INTERNAL)

    return wrapper  # type: ignore[return-value]


def echo_problem(problem: Problem) -> None:
    """One problem of bad input on stderr: `error: FILE:LINE:COLUMN: message (what to do)`, in the current language."""
    from compliance.messages import text

    click.echo(text("cli.error", problem=problem), err=True)


def names_formats(command: F) -> F:
    """Fills `{formats}` in a command's help with the document formats the readers accept (compliance.reading)."""
    from compliance.reading import FORMATS

    if command.__doc__:
        command.__doc__ = command.__doc__.replace("{formats}", FORMATS)
    return command


def dump_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


class _Command(LocalizedHelp, click.Command):
    """A command whose --help is in the user's language (compliance.cli.help)."""


class _Group(LocalizedHelp, click.Group):
    """The command group: click's own words (usage errors, help headings) and every --help in the user's language."""

    command_class = _Command
    group_class = type  # subgroups (`targets`) are of this class too

    def main(self, *args: Any, **kwargs: Any) -> Any:
        import os

        from compliance.cli.clicktext import install
        from compliance.messages import unforced

        # pydantic looks for plugins in the entry points of every installed package when it builds its first
        # validator (about 10 ms of a cold check); the command has none to run. A user who wants theirs sets
        # PYDANTIC_DISABLE_PLUGINS= (empty) or to the names to leave out.
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        from compliance.cli.startup import skip_plugin_discovery

        skip_plugin_discovery()  # and the import of importlib.metadata it would cost (compliance.cli.startup)
        install()
        try:
            with unforced():  # a language left forced in this process (a library caller, an earlier call) is not this command's
                return super().main(*args, **kwargs)
        finally:
            from compliance.cli.startup import command_finished

            command_finished()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="compliance")
def main() -> None:
    """Check a Chinese women's or children's development plan against the plans above it.

    Plan files are YAML or JSON in the compliance-plan/1 format (see `compliance schema`).
    Exit codes: 0 clean, 1 findings at error severity, 2 bad input or usage.
    """


ref_option = click.option(
    "--ref",
    "refs",
    multiple=True,
    type=click.Path(exists=True),
    help="A reference plan file or directory of your own; wins over the bundled one for the same document. Repeatable.",
)


def _choose_language(context: click.Context, parameter: click.Parameter, value: str | None) -> str:
    """--lang, else COMPLIANCE_LANG, else the locale; in force until the command ends."""
    from compliance.messages import resolve_language, using

    try:
        lang = resolve_language(value)
    except ValueError:
        raise click.BadParameter(unknown_language(), context, parameter) from None
    context.with_resource(using(lang))
    return lang


def unknown_language() -> str:
    """COMPLIANCE_LANG names no language we speak: said in the locale's language."""
    import os

    from compliance.messages import text

    return text("cli.unknown-language", value=os.environ.get("COMPLIANCE_LANG", ""))


lang_option = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    callback=_choose_language,
    expose_value=False,
    is_eager=True,
    help="Language of messages and reports (default: COMPLIANCE_LANG, then the locale; Chinese for a Chinese locale).",
)


rules_option = click.option(
    "--rules",
    "rules_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="A rules overlay folder of your own (indicators.yaml, domains.yaml, checks.yaml, scopes.yaml) merged over "
    "the bundled rules: extra aliases, plausible ranges, severities, scopes. After those of COMPLIANCE_RULES and "
    "the configuration's `rules`; repeatable.",
)


def period_option(context: click.Context, parameter: click.Parameter, value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    import re

    from compliance.messages import text

    match = re.fullmatch(r"\s*(\d{4})\s*[-–—~至]\s*(\d{4})\s*", value)
    if not match:
        raise click.BadParameter(text("cli.bad-period"))
    first, last = int(match.group(1)), int(match.group(2))
    if first > last:  # 2030-2021: the years the wrong way round
        raise click.BadParameter(text("cli.period-reversed", first=first, last=last))
    low, high = _plan_years()
    if first < low or last > high:  # the plan file could not hold it: say so here, not as a bug in extraction
        raise click.BadParameter(text("file.period-out-of-range", first=first, last=last, low=low, high=high))
    return first, last


def _plan_years() -> tuple[int, int]:
    """The years a plan file may hold, as its JSON Schema says (the `year` definition)."""
    import json

    from compliance.loading.plans import SCHEMA_PATH

    year = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["$defs"]["year"]
    return int(year["minimum"]), int(year["maximum"])


def jurisdiction_option(context: click.Context, parameter: click.Parameter, value: str | None) -> str | None:
    """An unknown, ambiguous or contradictory place is a usage error, with the gazetteer's did-you-mean."""
    if value is None:
        return None
    from compliance.catalogue.places import gazetteer
    from compliance.messages import msg

    resolution = gazetteer().resolve(value)
    if resolution.path is None:
        raise click.BadParameter(f"{resolution.message} ({msg('place.write-a-path')})")
    return value


def document_options(command: F) -> F:
    """Options that steer extraction when a plan document (not a plan file) is given."""
    for option in reversed(
        [
            click.option(
                "--kind", type=click.Choice(["women", "children"]), help="Override the kind found in the document."
            ),
            click.option(
                "--jurisdiction",
                callback=jurisdiction_option,
                help="Override the jurisdiction, e.g. 云南省/玉溪市/新平县 (any known name: 新平县, 济南市市中区).",
            ),
            click.option(
                "--level",
                type=click.Choice(["national", "provincial", "municipal", "county"]),
                help="Override the level found in the document.",
            ),
            click.option("--encoding", help="Override the detected encoding of a text document (e.g. gb18030)."),
            click.option(
                "--period",
                callback=period_option,
                help="Override the plan period found in the document, e.g. 2021-2025.",
            ),
        ]
    ):
        command = option(command)
    return command


config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="The configuration file to read (default: compliance.toml or pyproject.toml [tool.compliance], "
    "found from the working directory upwards).",
)


def resolve_settings(config_file: str | None = None, **options: Any) -> Any:
    """The settings (compliance.config) for this run, with the command line's options on top; notes on stderr."""
    from compliance.config import load_settings

    settings = load_settings(options, config_file=config_file)
    for note in settings.notes:
        click.echo(note, err=True)
    return settings


def reference_library(refs: tuple[str, ...], settings: Any = None) -> Any:
    """The bundled references, then the configured ones (file, COMPLIANCE_REF), then `--ref`."""
    from compliance.references import ReferenceLibrary

    if settings is None:
        settings = resolve_settings(references=refs)
    return ReferenceLibrary.load(settings.references)
