"""Resolving the settings: options > `COMPLIANCE_*` environment > configuration file > defaults.

Each source becomes a `_Layer` (values by field name, and where each came
from), validated on its own so that a problem names its source — a file's
line and column, a variable, an option. Layers are then merged: the highest
source that sets a key wins, except for keys that add up (`extend-select`,
`ignore`, `references`). Every problem of every source is reported at once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from compliance.config.model import PATH_FIELDS, Settings, accumulates, env_name, field_kind
from compliance.config.origin import Origin, SourceKind
from compliance.config.toml import TomlPath, TomlPositions, read_toml
from compliance.errors import InputError, Problem
from compliance.messages import text

CONFIG_FILE = "compliance.toml"
PYPROJECT = "pyproject.toml"
CONFIG_VARIABLE = "COMPLIANCE_CONFIG"
# read below the settings, where no settings exist yet: the cache of compliance.cache, the validity gate
RUNTIME_VARIABLES = ("COMPLIANCE_CACHE_DIR", "COMPLIANCE_NO_CACHE", "COMPLIANCE_PURE_PYTHON")
SELECTOR_FIELDS = ("select", "extend_select", "ignore")


@dataclass
class _Layer:
    """One source of settings: its values and where each was written."""

    kind: SourceKind
    name: str | None
    values: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    elements: dict[str, list[Origin]] = field(default_factory=dict)


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest `compliance.toml`, or `pyproject.toml` with a `[tool.compliance]` table, from `start` upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        candidate = folder / PYPROJECT
        if candidate.is_file() and isinstance(read_toml(candidate).get("tool", {}).get("compliance"), dict):
            return candidate
    return None


def load_settings(
    options: Mapping[str, Any] | None = None,
    *,
    cwd: Path | str | None = None,
    environ: Mapping[str, str] | None = None,
    config_file: Path | str | bool | None = None,
) -> Settings:
    """The settings for a run.

    `options` are the command line's (field names or keys → values; None or an
    empty list means not given); `environ` defaults to os.environ;
    `config_file` is a path, None to search from `cwd` upwards (or take
    $COMPLIANCE_CONFIG), or False to read none. Raises InputError listing
    every bad key or value with where it was written.
    """
    environ = os.environ if environ is None else environ
    cwd = Path(cwd) if cwd is not None else Path.cwd()
    problems: list[Problem] = []
    layers: list[_Layer] = []
    notes: list[str] = []

    config = _config_path(config_file, environ, cwd)
    if config is not None:
        layer = _file_layer(config, problems)
        if layer is not None:
            layers.append(layer)
    layers.append(_environment_layer(environ, problems, notes))
    layers.append(_option_layer(options or {}, problems))
    for layer in layers:
        _check_selectors(layer, problems)
    if problems:
        raise InputError(problems)
    settings = _merge(layers)
    settings._config_file = config
    settings._root = config.parent if config is not None else cwd
    settings._notes = notes
    return settings


def _config_path(config_file: Path | str | bool | None, environ: Mapping[str, str], cwd: Path) -> Path | None:
    if config_file is False:
        return None
    if config_file is None or config_file is True:
        named = environ.get(CONFIG_VARIABLE, "").strip()
        if not named:
            return find_config_file(cwd)
        config_file = named
    path = Path(config_file)
    if not path.is_absolute():
        path = cwd / path
    if not path.is_file():
        raise InputError.single(str(config_file), text("config.no-file"), hint=text("config.no-file-hint"))
    return path


# --- the configuration file -------------------------------------------------------------------


def _file_layer(path: Path, problems: list[Problem]) -> _Layer | None:
    data = read_toml(path)
    prefix: TomlPath = ()
    if path.name == PYPROJECT:
        data = data.get("tool", {}).get("compliance", {})
        prefix = ("tool", "compliance")
        if not isinstance(data, dict):
            problems.append(Problem(str(path), text("config.tool-table")))
            return None
    positions = TomlPositions(path)
    layer = _Layer("file", str(path))
    aliases = {_key(name): name for name in Settings.model_fields}
    for key, value in data.items():
        where: TomlPath = (*prefix, key)
        name = aliases.get(key)
        if name is None:
            import difflib  # only for a did-you-mean: not on every command's path
            close = difflib.get_close_matches(key.replace("_", "-"), list(aliases), n=1, cutoff=0.6)
            problems.append(
                positions.problem(
                    where,
                    text("config.unknown-key", key=key),
                    hint=text("config.did-you-mean", word=close[0]) if close else text("config.known-keys", keys=", ".join(aliases)),
                    at_key=True,
                )
            )
            continue
        before = len(problems)
        _validate(name, key, value, problems, lambda loc, where=where: positions.problem((*where, *loc), ""))
        if len(problems) > before:
            continue
        if name in PATH_FIELDS:
            value = [path.parent / p for p in value] if isinstance(value, list) else path.parent / value
        layer.values[name] = value
        layer.origins[name] = Origin("file", str(path), (positions, where, True))
        if isinstance(value, list):
            layer.elements[name] = [Origin("file", str(path), (positions, (*where, i), False)) for i in range(len(value))]
        elif isinstance(value, dict):
            layer.elements[name] = [Origin("file", str(path), (positions, (*where, k), True)) for k in value]
    return layer


def _key(name: str) -> str:
    return name.replace("_", "-")


def _validate(name: str, key: str, value: Any, problems: list[Problem], locate: Any) -> None:
    """Validate one key's value with the model; each error becomes a Problem at its place."""
    if field_kind(name) == "flag" and not isinstance(value, bool):  # TOML has booleans; the environment's are read before
        hint = text("config.flag-hint-env") if key.startswith("COMPLIANCE_") else text("config.flag-hint-file", key=key)
        problems.append(_with(locate(()), text("config.not-a-flag", value=repr(value)), hint=hint))
        return
    try:
        Settings.model_validate({_key(name): value})
    except ValidationError as error:
        for detail in error.errors():
            loc = tuple(detail["loc"][1:])
            base: Problem = locate(loc)
            message, hint = _explain(detail, value, loc)
            problems.append(Problem(base.file, message, line=base.line, column=base.column, path=base.path, hint=hint))


def _with(base: Problem, message: str, hint: str | None = None) -> Problem:
    return Problem(base.file, message, line=base.line, column=base.column, path=base.path, hint=hint)


def _explain(detail: Any, value: Any, loc: tuple[Any, ...]) -> tuple[str, str | None]:
    """A message (and a did-you-mean) for one pydantic error."""
    given = detail.get("input")
    message = text("config.bad-value", reason=str(detail.get("msg", "")).removeprefix("Value error, "))
    hint = None
    if detail.get("type") in ("enum", "literal_error"):
        allowed = re.findall(r"'([^']*)'", str(detail.get("ctx", {}).get("expected", "")))
        message = text("config.not-one-of", value=given, allowed=", ".join(allowed))
        import difflib  # only for a did-you-mean: not on every command's path
        close = difflib.get_close_matches(str(given), allowed, n=1, cutoff=0.5)
        hint = text("config.did-you-mean", word=close[0]) if close else None
    elif detail.get("type") == "list_type":
        message = text("config.not-a-list", value=f"{type(given).__name__} {given!r}")
        hint = text("config.not-a-list-hint", value=repr(given)) if isinstance(given, str) else None
    return message, hint


# --- the environment ----------------------------------------------------------------------------


def _environment_layer(environ: Mapping[str, str], problems: list[Problem], notes: list[str]) -> _Layer:
    layer = _Layer("environment", None)
    known = {CONFIG_VARIABLE, *RUNTIME_VARIABLES}
    for name in Settings.model_fields:
        variable = env_name(name)
        if variable is None:
            continue
        known.add(variable)
        raw = environ.get(variable)
        if raw is None or not raw.strip():
            continue
        _set(layer, name, _from_text(name, raw), variable, problems)
    for variable in sorted(v for v in environ if v.startswith("COMPLIANCE_") and v not in known):
        import difflib  # only for a did-you-mean: not on every command's path
        close = difflib.get_close_matches(variable, sorted(known), n=1, cutoff=0.7)
        if close:
            notes.append(text("config.unknown-variable-close", variable=variable, close=close[0]))
        else:
            notes.append(text("config.unknown-variable", variable=variable))
    return layer


def _from_text(name: str, raw: str) -> Any:
    kind = field_kind(name)
    if kind == "flag":
        lowered = raw.strip().lower()
        flags = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}
        return flags.get(lowered, raw)
    if kind == "list":
        return [part.strip() for part in raw.split(",") if part.strip()]
    if kind == "paths":
        return [Path(part.strip()) for part in raw.split(os.pathsep) if part.strip()]
    return raw.strip()


# --- the command line ---------------------------------------------------------------------------


def _option_layer(options: Mapping[str, Any], problems: list[Problem]) -> _Layer:
    layer = _Layer("option", None)
    for given, value in options.items():
        name = given.replace("-", "_")
        if name not in Settings.model_fields:
            raise TypeError(f"load_settings: unknown option {given!r}")
        if value is None or (isinstance(value, list | tuple) and not value):
            continue
        if isinstance(value, tuple):
            value = list(value)
        if field_kind(name) == "list":  # a repeated option may itself hold comma-separated names
            value = [part.strip() for item in value for part in str(item).split(",") if part.strip()]
        _set(layer, name, value, "--" + _key(name), problems)
    return layer


def _set(layer: _Layer, name: str, value: Any, source: str, problems: list[Problem]) -> None:
    """Validate a value of the environment or the command line (`source`: its variable or option) and keep it."""
    before = len(problems)
    _validate(name, source, value, problems, lambda loc: Problem(source, ""))
    if len(problems) > before:
        return
    layer.values[name] = value
    layer.origins[name] = Origin(layer.kind, source)
    if isinstance(value, list):
        layer.elements[name] = [Origin(layer.kind, source)] * len(value)


# --- rules named in the settings, and the merge -------------------------------------------------


def _check_selectors(layer: _Layer, problems: list[Problem]) -> None:
    """Every rule selector of the layer must name at least one rule."""
    from compliance.config.selection import did_you_mean, rules_matching

    def check(selector: str, origin: Origin, key: str) -> None:
        if not rules_matching(selector):
            line, column = origin.position
            problems.append(
                Problem(
                    origin.name or origin.kind,
                    text("config.no-rule", selector=selector),
                    line=line,
                    column=column,
                    path=f"$.{key}" if origin.kind == "file" else None,
                    hint=did_you_mean(selector),
                )
            )

    for name in SELECTOR_FIELDS:
        for index, selector in enumerate(layer.values.get(name, [])):
            check(selector, layer.elements[name][index], _key(name))
    for name in ("per_file_ignores", "severity"):
        table = layer.values.get(name, {})
        for index, (key, value) in enumerate(table.items()):
            origin = layer.elements.get(name, [layer.origins[name]] * len(table))[index]
            for selector in value if name == "per_file_ignores" else [key]:
                check(selector, origin, _key(name))


def _merge(layers: list[_Layer]) -> Settings:
    values: dict[str, Any] = {}
    origins: dict[str, list[Origin]] = {}
    elements: dict[str, list[Origin]] = {}
    for name in Settings.model_fields:
        setting = [layer for layer in layers if name in layer.values]
        if not setting:
            continue
        if accumulates(name):
            values[name] = [item for layer in setting for item in layer.values[name]]
            origins[name] = [layer.origins[name] for layer in setting]
            elements[name] = [origin for layer in setting for origin in layer.elements.get(name, [])]
        else:
            top = setting[-1]
            values[name] = top.values[name]
            origins[name] = [top.origins[name]]
            if name in top.elements:
                elements[name] = top.elements[name]
    settings = Settings.model_validate(values)
    settings._origins = origins
    settings._element_origins = elements
    return settings
