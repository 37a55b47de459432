"""Every text a user reads, in Chinese and English, from message catalogues.

The catalogues are data a reviewer may change: `rules/messages/zh.yaml` and
`rules/messages/en.yaml` (YAML, one mapping nested by topic; a message's id is
its path, e.g. `weaker-threshold.message`). Placeholders are `{name}`, the
same names in both languages; `{{` and `}}` are literal braces. An English
message that depends on a number may be a mapping `{one: …, other: …}` chosen
by the parameter `count`.

The whole API:

    from compliance.messages import msg

    text = msg("missing-indicator.message", indicator="孕产妇死亡率", reference=title, target=stated)
    str(text)            # rendered in the current language
    text.render("en")    # rendered in English
    text.id, text.params # what a machine-readable report carries

A parameter may be a plain value (str(value) is used), another `Message`
(rendered in the same language), a list or tuple (items joined with the
language's separator, 、 or ", "), or any object with a `localize(lang)`
method (e.g. a target value written 达到95%以上 in Chinese, `>= 95 %` in English).

The current language is, in this order: `set_language()` (the CLI's `--lang`),
`COMPLIANCE_LANG`, a configured default (`resolve_language(configured=…)`),
then the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG; on Windows the user's
locale): Chinese when it is Chinese, English otherwise (also for C/POSIX).
`using("zh")` switches within a block.

A message id missing from a catalogue, or a placeholder without its parameter,
is a bug: `render` raises `KeyError`, and tests/test_messages.py checks that
every id written in the code exists in both catalogues with the same placeholders.
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("zh", "en")
FORMAT = "compliance-messages/1"

_current: ContextVar[str | None] = ContextVar("compliance_language", default=None)


@dataclass(frozen=True, eq=True)
class Message:
    """A message id with its parameters, rendered when it is read (in the language of that moment)."""

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        lang = lang or language()
        template = catalogue(lang).template(self.id, self.params.get("count"))
        values = {name: localize(value, lang) for name, value in self.params.items()}
        try:
            return template.format_map(values)
        except KeyError as error:
            raise KeyError(f"message '{self.id}' ({lang}) needs the parameter {error}") from None

    def __str__(self) -> str:
        return self.render()


def msg(id: str, /, **params: Any) -> Message:
    """The message `id` with its parameters (see the module docstring)."""
    return Message(id, params)


def text(id: str, /, lang: str | None = None, **params: Any) -> str:
    """Shorthand for msg(id, **params).render(lang)."""
    return Message(id, params).render(lang)


def recognised(prefix: str, written: str) -> Message | str:
    """`written` as the message under `prefix` it is in either language, so that it renders in the reader's; else as written.

    For texts a file carries as words (an extracted plan's `unparsed` reasons,
    written in the language of the extraction) that a report shows in its own.
    Only messages without placeholders are recognised.
    """
    id = _plain_messages(prefix).get(written)
    return Message(id) if id is not None else written


@cache
def _plain_messages(prefix: str) -> dict[str, str]:
    """The messages under `prefix` without placeholders, by their text in each language."""
    found: dict[str, str] = {}
    for lang in LANGUAGES:
        for id, entry in catalogue(lang).messages.items():
            if id.startswith(prefix) and isinstance(entry, str) and not placeholders(entry):
                found.setdefault(entry, id)
    return found


def localize(value: Any, lang: str) -> str:
    """One parameter value as text in `lang`."""
    kind = type(value)
    if kind is str:  # the common cases first, without the checks below (a report renders thousands)
        return value
    if kind is Message:
        return value.render(lang)
    if value is None:
        return ""
    if isinstance(value, Message):
        return value.render(lang)
    if hasattr(value, "localize"):
        return str(value.localize(lang))
    if isinstance(value, list | tuple):
        separator = catalogue(lang).template("list.separator", None)
        return separator.join(localize(item, lang) for item in value)
    return str(value)


# --- the current language ---------------------------------------------------------


def language() -> str:
    """The language messages are rendered in now."""
    current = _current.get()
    return current if current is not None else resolve_language(strict=False)


def set_language(lang: str) -> None:
    """Render in `lang` ("zh" or "en") from now on (the CLI calls this for --lang)."""
    _current.set(normalise_language(lang, strict=True))


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Render in `lang` within a `with` block."""
    token = _current.set(normalise_language(lang, strict=True))
    try:
        yield
    finally:
        _current.reset(token)


@contextmanager
def unforced() -> Iterator[None]:
    """No language forced within a block: each command line chooses its own, whatever ran before it in the process."""
    token = _current.set(None)
    try:
        yield
    finally:
        _current.reset(token)


def normalise_language(value: str, *, strict: bool = False) -> str | None:
    """zh, zh_CN.UTF-8, zh-Hans, Chinese (Simplified)_China → zh; en, en_US → en.

    Other languages are None, or a ValueError with `strict` (a value the user typed).
    """
    folded = value.strip().lower().replace("-", "_")
    if folded.startswith(("zh", "chinese")):
        return "zh"
    if folded.startswith(("en", "english")) or folded in ("c", "posix") or folded.startswith(("c.", "posix.")):
        return "en"
    if strict:
        raise ValueError(f"unknown language '{value}': use zh or en")
    return None


def resolve_language(
    option: str | None = None,
    configured: str | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    strict: bool = True,
) -> str:
    """The language to use: an option, COMPLIANCE_LANG, a configured default, then the locale.

    With `strict`, an option, COMPLIANCE_LANG or configured value that is not zh
    or en is a ValueError (the CLI reports it); otherwise it is skipped. The
    locale only chooses Chinese when it is Chinese.
    """
    env = os.environ if environ is None else environ
    for explicit in (option, env.get("COMPLIANCE_LANG"), configured):
        if explicit:
            chosen = normalise_language(explicit, strict=strict)
            if chosen is not None:
                return chosen
    return _locale_language(env)


def _locale_language(env: Mapping[str, str]) -> str:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            first = value.split(":")[0]
            return normalise_language(first) or "en"
    if os.name == "nt":  # pragma: no cover - Windows keeps the locale out of the environment
        import locale

        name = locale.getlocale()[0] or ""
        return normalise_language(name) or "en"
    return "en"


# --- the catalogues ---------------------------------------------------------------


@dataclass(frozen=True)
class Catalogue:
    """One language's messages, by id."""

    lang: str
    file: str
    messages: Mapping[str, str | Mapping[str, str]]

    def template(self, id: str, count: Any) -> str:
        try:
            entry = self.messages[id]
        except KeyError:
            raise KeyError(f"no message '{id}' in {self.file}") from None
        if type(entry) is str:  # most messages: without Mapping's abstract-class check (every message rendered asks)
            return entry
        if isinstance(entry, Mapping):
            form = "one" if count == 1 and "one" in entry else "other"
            return entry[form]
        return entry

    def placeholders(self, id: str) -> set[str]:
        entry = self.messages[id]
        forms = entry.values() if isinstance(entry, Mapping) else [entry]
        return {name for form in forms for name in placeholders(form)}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def catalogue_file(lang: str) -> Path:
    from compliance.resources import rules_file

    return rules_file(f"messages/{lang}.yaml")


def catalogue(lang: str) -> Catalogue:
    """The catalogue of `lang`, read once."""
    found = _catalogues.get(lang)
    if found is None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language '{lang}': use zh or en")
        found = _catalogues[lang] = _load(catalogue_file(lang), lang)
    return found


_catalogues: dict[str, Catalogue] = {}


@cache
def _load(path: Path, lang: str) -> Catalogue:
    """Read and checked once per content of the rules (compliance.cache): a cold command skips the 60 KB YAML."""
    from compliance.cache import cached

    return cached(f"messages-{lang}", [path], lambda: _read(path, lang))


def _read(path: Path, lang: str) -> Catalogue:
    from compliance.errors import InputError, Problem
    from compliance.loading.yamlfile import read_yaml

    document = read_yaml(path)
    data = document.data
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("messages"), dict):
        raise InputError.single(str(path), f"expected a mapping with format: {FORMAT} and messages")
    messages: dict[str, str | dict[str, str]] = {}
    problems: list[Problem] = []

    def walk(node: dict[str, Any], prefix: tuple[str, ...]) -> None:
        for key, value in node.items():
            path_ = (*prefix, str(key))
            line, column = document.position(("messages", *path_))
            where = {"line": line, "column": column}
            if isinstance(value, dict) and set(value) <= {"one", "other"} and "other" in value:
                forms = {k: v for k, v in value.items()}
                if not all(isinstance(v, str) for v in forms.values()):
                    problems.append(Problem(str(path), f"'{'.'.join(path_)}': plural forms must be text", **where))
                    continue
                messages[".".join(path_)] = forms
            elif isinstance(value, dict):
                walk(value, path_)
            elif isinstance(value, str):
                try:
                    placeholders(value)
                except ValueError as error:
                    problems.append(Problem(str(path), f"'{'.'.join(path_)}': {error}", **where))
                    continue
                messages[".".join(path_)] = value
            else:
                problems.append(Problem(str(path), f"'{'.'.join(path_)}': a message must be text", **where))

    walk(data["messages"], ())
    if problems:
        raise InputError(problems)
    return Catalogue(lang, str(path), messages)


__all__ = [
    "LANGUAGES",
    "Catalogue",
    "Message",
    "catalogue",
    "language",
    "localize",
    "msg",
    "normalise_language",
    "recognised",
    "resolve_language",
    "set_language",
    "text",
    "unforced",
    "using",
]
