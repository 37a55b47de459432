"""`--help` in the user's language: each command's and option's help in Chinese from data.

The English help is the commands' docstrings and the options' `help=`, as
click has it. The Chinese is data, `rules/messages/help.zh.yaml`, by command
(`check`, `targets list`; the group itself is "") and option (its long name
without dashes: `format`, `verified-only`); an option's help given under
`options` holds for every command that has the option, unless the command
gives its own. In Chinese the help is wrapped by display width (a Chinese
character takes two columns). tests/test_messages.py checks that every command
and option has its Chinese help, so a new option cannot ship without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import click
from compliance.compiled import regex

FORMAT = "compliance-help/1"


def _chinese_now() -> bool:
    from compliance.messages import language

    return language() == "zh"


@cache
def _table() -> dict[str, Any]:
    from compliance.errors import InputError
    from compliance.loading.yamlfile import read_yaml
    from compliance.messages import text
    from compliance.resources import rules_file

    path = rules_file("messages/help.zh.yaml")
    data = read_yaml(path).data
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("commands"), dict):
        raise InputError.single(str(path), text("rules-files.messages-shape", format=FORMAT))
    return data


def option_key(parameter: click.Parameter) -> str:
    """An option's name in help.zh.yaml: its first long flag without dashes (--verified-only → verified-only)."""
    flags = [o for o in parameter.opts if o.startswith("--")] or list(parameter.opts)
    return flags[0].lstrip("-")


def command_key(context: click.Context) -> str:
    """A command's name in help.zh.yaml: its path below `compliance` (`targets list`; "" for the group)."""
    return " ".join(context.command_path.split()[1:])


def _fill(text: str) -> str:
    from compliance.reading import FORMATS
    from compliance.report.formats import format_names

    return text.replace("{formats}", FORMATS.replace(", ", "、")).replace("{report_formats}", "、".join(format_names()))


def chinese_command_help(key: str) -> str | None:
    entry = _table()["commands"].get(key)
    return _fill(str(entry["text"])).strip() if isinstance(entry, dict) and entry.get("text") else None


def chinese_option_help(command: str, option: str) -> str | None:
    table = _table()
    own = (table["commands"].get(command) or {}).get("options") or {}
    found = own.get(option) or (table.get("options") or {}).get(option)
    return _fill(str(found)).strip() if found else None


@contextmanager
def _swapped(thing: Any, name: str, value: Any) -> Iterator[None]:
    old = getattr(thing, name)
    setattr(thing, name, value)
    try:
        yield
    finally:
        setattr(thing, name, old)


# --- wrapping by display width ------------------------------------------------------------

_WIDE = r"\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_TOKEN = rf"[{_WIDE}]|[^\s{_WIDE}]+|\s+"  # compiled (and kept by re) when help is first wrapped, not at import
_NO_LINE_START = set("，。、；：？！）》」』”’%‰")


def _width(text: str) -> int:
    from compliance.report.table import display_width

    return display_width(text)


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """`text` in lines of at most `width` columns: Chinese breaks between characters, English between words."""
    lines: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        if paragraph.startswith("\b"):  # click's mark: keep the lines as written
            lines += [indent + line for line in paragraph[1:].strip("\n").splitlines()]
        else:
            line: list[str] = []
            for token in re.findall(_TOKEN, _joined(paragraph)):
                token = " " if token.isspace() else token
                if line and not token.isspace() and _width(indent + "".join(line) + token) > width:
                    carried = []
                    while token[0] in _NO_LINE_START and line and len(carried) < 2:  # 。 never starts a line
                        carried.insert(0, line.pop())
                        if carried[0] != " ":
                            break
                    if line:
                        lines.append(indent + "".join(line).rstrip())
                    line = [t for t in carried if t != " "]
                if line or not token.isspace():
                    line.append(token)
            if line:
                lines.append(indent + "".join(line).rstrip())
        lines.append("")
    return lines[:-1]


def _joined(paragraph: str) -> str:
    """A paragraph's lines as one: a space between two English words, none where Chinese meets a line break."""
    out = ""
    for line in (part.strip() for part in paragraph.splitlines()):
        if not line:
            continue
        wide = regex(rf"[{_WIDE}]")
        if out and not (wide.match(out[-1]) or wide.match(line[0])):
            out += " "
        out += line
    return out


class Formatter(click.HelpFormatter):
    """click's help formatter, wrapping by display width when the help is Chinese."""

    def write_text(self, text: str) -> None:
        if not _chinese_now():
            return super().write_text(text)
        self.write("\n".join(wrap(text, self.width, " " * self.current_indent)) + "\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        if not _chinese_now():
            return super().write_dl(rows, col_max, col_spacing)
        rows = list(rows)
        first_col = min(max((_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if _width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - _width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, max(self.width - first_col - 2 - self.current_indent, 10)) or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class Context(click.Context):
    formatter_class = Formatter


class LocalizedHelp:
    """Mixed into the commands: their help and their options' help in Chinese when the language is Chinese."""

    context_class = Context

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        chinese = chinese_command_help(command_key(ctx)) if _chinese_now() else None
        if chinese is None:
            return super().format_help_text(ctx, formatter)  # type: ignore[misc]
        with _swapped(self, "help", chinese):
            super().format_help_text(ctx, formatter)  # type: ignore[misc]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if not _chinese_now():
            return super().format_options(ctx, formatter)  # type: ignore[misc]
        key = command_key(ctx)
        params = [p for p in self.get_params(ctx) if isinstance(p, click.Option)]  # type: ignore[attr-defined]
        swaps = [(p, chinese_option_help(key, option_key(p))) for p in params]
        saved = [(p, p.help) for p, _ in swaps]
        try:
            for parameter, chinese in swaps:
                if chinese is not None:
                    parameter.help = chinese
            super().format_options(ctx, formatter)  # type: ignore[misc]
        finally:
            for parameter, help_text in saved:
                parameter.help = help_text

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if not _chinese_now():
            return super().format_commands(ctx, formatter)  # type: ignore[misc]
        key = command_key(ctx)
        saved = []
        try:
            for name, sub in self.commands.items():  # type: ignore[attr-defined]
                chinese = chinese_command_help(f"{key} {name}".strip())
                if chinese is not None:
                    saved.append((sub, sub.short_help))
                    sub.short_help = chinese.split("\n\n")[0].split("。")[0] + "。"
            super().format_commands(ctx, formatter)  # type: ignore[misc]
        finally:
            for sub, short in saved:
                sub.short_help = short
