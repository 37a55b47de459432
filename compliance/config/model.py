"""The settings model: every key of `compliance.toml`, its type, default and meaning.

Each field is one configuration key (the field name with `-` for `_`), one
`COMPLIANCE_*` environment variable (for strings, numbers, flags and lists),
and usually one option of `compliance check`. See the package docstring for
how to add one.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from compliance.checks.base import CheckSettings, FailOn, HorizonMode, Severity
from compliance.config.origin import Origin
from compliance.model.plan import empty_dict, empty_list


def _kebab(name: str) -> str:
    return name.replace("_", "-")


# Keys whose values add up across sources (file, then environment, then options) instead of
# the highest source replacing the lower ones: a CLI `--ignore X` adds to the file's ignores.
ACCUMULATE = "accumulate"


class Settings(BaseModel):
    """How `compliance` runs for a project: rule selection, severities, policies, files.

    Resolved by `compliance.load_settings()` from options, `COMPLIANCE_*`
    environment variables, `compliance.toml` (or `[tool.compliance]` in
    pyproject.toml) and these defaults; `origin(key)` says where each came from.
    Rule selectors (in select, extend-select, ignore, per-file-ignores and
    severity) are rule names (weaker-threshold), codes (CMP201) or code
    prefixes (CMP2: a family).
    """

    model_config = ConfigDict(alias_generator=_kebab, populate_by_name=True, extra="forbid", frozen=True)

    select: list[str] = Field(default_factory=empty_list, description="only these rules (empty: every rule)")
    extend_select: list[str] = Field(
        default_factory=empty_list,
        description="rules added to `select` (default: none)",
        json_schema_extra={"merge": ACCUMULATE},
    )
    ignore: list[str] = Field(
        default_factory=empty_list,
        description="rules never reported; wins over select",
        json_schema_extra={"merge": ACCUMULATE},
    )
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=empty_dict,
        description="glob (relative to the configuration file's folder) → rules ignored for the plans it matches",
    )
    severity: dict[str, Severity] = Field(
        default_factory=empty_dict, description="rule → the severity its findings are reported at (error, warning, info)"
    )
    fail_on: FailOn = Field(FailOn.ERROR, description="the lowest severity that fails the check: error, warning, never")
    horizon: HorizonMode = Field(
        HorizonMode.INTERPOLATE,
        description="how a plan is held to a reference with a later target year: interpolate, end, strict",
    )
    verified_only: bool = Field(False, description="findings on unverified reference values are info, never errors")
    lang: Literal["zh", "en"] | None = Field(None, description="language of messages (default: from the locale)")
    format: str = Field("text", description="report format of `compliance check`")
    references: list[Path] = Field(
        default_factory=empty_list,
        description="your own reference plan files or folders, added to the bundled ones",
        json_schema_extra={"merge": ACCUMULATE, "env": "COMPLIANCE_REF"},
    )
    rules: list[Path] = Field(
        default_factory=empty_list,
        description="folders of rule data (overlays) over the bundled rules/, later ones winning",
        json_schema_extra={"merge": ACCUMULATE},
    )
    waivers: Path | None = Field(None, description="the waivers file: findings accepted on purpose, with reasons")
    baseline: Path | None = Field(None, description="the baseline file: findings known before, which do not fail")
    docs_url: str | None = Field(
        None, description="where docs/ is published: SARIF links each rule to DOCS-URL/rules.md#cmp201"
    )
    jobs: int | None = Field(
        None, ge=1, description="inputs checked at once by `compliance check` (default: the cores available)"
    )
    show_unknown: bool = Field(
        False, description="the text report lists each indicator not in the catalogue (default: one line with a count)"
    )

    _origins: dict[str, list[Origin]] = PrivateAttr(default_factory=dict)
    _element_origins: dict[str, list[Origin]] = PrivateAttr(default_factory=dict)
    _config_file: Path | None = PrivateAttr(default=None)
    _root: Path = PrivateAttr(default_factory=Path.cwd)
    _notes: list[str] = PrivateAttr(default_factory=list)

    # --- where things came from ---------------------------------------------------------------

    @property
    def config_file(self) -> Path | None:
        """The configuration file read, if any."""
        return self._config_file

    @property
    def notes(self) -> list[str]:
        """Things worth telling the user that are not errors (an unknown COMPLIANCE_* variable)."""
        return list(self._notes)

    @property
    def root(self) -> Path:
        """The folder `per-file-ignores` globs are relative to: the configuration file's, else the working one."""
        return self._root

    def origin(self, key: str) -> list[Origin]:
        """Where the value of `key` (field name or configuration key) came from; [default] if nowhere."""
        return self._origins.get(key.replace("-", "_"), [Origin.default()])

    def element_origin(self, key: str, index: int) -> Origin:
        """Where one element of a list (or one entry of a table, in order) came from."""
        elements = self._element_origins.get(key.replace("-", "_"), [])
        return elements[index] if index < len(elements) else self.origin(key)[-1]

    # --- what they mean for one plan -----------------------------------------------------------

    def check_settings(self, path: Path | str | None = None) -> CheckSettings:
        """How the plan at `path` is checked: the rules that run for it (per-file-ignores), severities, policies."""
        from compliance.checks import RULES
        from compliance.config.selection import enabled_rules, severity_overrides

        enabled = enabled_rules(self.select, self.extend_select, [*self.ignore, *self.ignored_for(path)])
        return CheckSettings(
            horizon=self.horizon,
            verified_only=self.verified_only,
            select=enabled,
            ignore=frozenset(r.name for r in RULES) - enabled,
            severity=severity_overrides(self.severity),
            fail_on=self.fail_on,
            rules=tuple(self.rules),
            show_unknown=self.show_unknown,
        )

    def ignored_for(self, path: Path | str | None) -> list[str]:
        """The rule selectors `per-file-ignores` adds for the plan at `path`."""
        if path is None or not self.per_file_ignores:
            return []
        candidates = _relative_forms(Path(path), self.root)
        found: list[str] = []
        for pattern, selectors in self.per_file_ignores.items():
            if any(_glob_match(candidate, pattern) for candidate in candidates):
                found.extend(selectors)
        return found


def _relative_forms(path: Path, root: Path) -> list[str]:
    """The plan's path as a glob sees it: relative to the root when inside it, and as given."""
    forms = [PurePosixPath(path.as_posix()).as_posix()]
    try:
        forms.insert(0, path.resolve().relative_to(root.resolve()).as_posix())
    except ValueError:
        pass
    return forms


def _glob_match(path: str, pattern: str) -> bool:
    """Glob as in .gitignore-like configs: `*` matches across folders; a pattern without `/` also matches the name."""
    pattern = pattern.removeprefix("./")
    if fnmatchcase(path, pattern):
        return True
    if pattern.startswith("**/") and fnmatchcase(path, pattern[3:]):
        return True
    return "/" not in pattern and fnmatchcase(PurePosixPath(path).name, pattern)


def field_kind(name: str) -> str:
    """How a field is written in an environment variable: flag, list, paths, table, or text."""
    import typing

    annotation = Settings.model_fields[name].annotation
    origin = typing.get_origin(annotation)
    if annotation is bool:
        return "flag"
    if origin is list:
        (item,) = typing.get_args(annotation)
        return "paths" if item is Path else "list"
    if origin is dict:
        return "table"
    return "text"


def field_extra(name: str, key: str) -> Any:
    extra = Settings.model_fields[name].json_schema_extra
    return extra.get(key) if isinstance(extra, dict) else None


def env_name(name: str) -> str | None:
    """The environment variable of a field (None for tables, which only a file can hold)."""
    if field_kind(name) == "table":
        return None
    return str(field_extra(name, "env") or "COMPLIANCE_" + name.upper())


def accumulates(name: str) -> bool:
    return field_extra(name, "merge") == ACCUMULATE


PATH_FIELDS = ("references", "rules", "waivers", "baseline")
