"""Settings: one model for every way of configuring `compliance`, and where each value came from.

    >>> import compliance
    >>> settings = compliance.load_settings()            # doctest: +SKIP
    >>> settings.horizon, settings.origin("horizon")     # doctest: +SKIP
    (<HorizonMode.END: 'end'>, [Origin(kind='file', name='/repo/compliance.toml')])
    >>> report = compliance.check(plan, settings=settings)  # doctest: +SKIP

Sources, highest first: options (`load_settings({"select": ["CMP2"]})`, the
command line's), `COMPLIANCE_*` environment variables, the configuration file,
the defaults of `Settings`. The file is `compliance.toml`, or the
`[tool.compliance]` table of `pyproject.toml`, the nearest one found from the
working directory upwards ($COMPLIANCE_CONFIG or `--config` name one instead).
The highest source that sets a key wins, except for keys that add up across
sources (`extend-select`, `ignore`, `references`). Paths in a file are relative
to its folder; `per-file-ignores` globs too. Unknown keys and bad values are
errors naming the file, line and column (or the variable, or the option), with
a did-you-mean. `compliance config` prints the result and each value's origin.

Adding a setting (e.g. `jobs` for parallel checks) is one field on `Settings`
in `compliance/config/model.py`:

    jobs: int = Field(1, description="plans checked at once")

That gives the key `jobs` in compliance.toml (field name, `_` written `-`),
the variable `COMPLIANCE_JOBS` (flags read 1/0/true/false, lists are
comma-separated, lists of paths os.pathsep-separated; tables only from a file;
`json_schema_extra={"env": "NAME"}` renames the variable), validation with
positions, and a line in `compliance config`. A value that adds up across
sources says `json_schema_extra={"merge": "accumulate"}`; a path field is
listed in `PATH_FIELDS` so a file's relative path is read from its folder.
Pass the command line's value as `load_settings({"jobs": jobs})` (None means
not given), and read `settings.jobs`. Names that must be checked against
something only a higher layer knows (a report format, an overlay's rules) are
checked there, with `settings.origin(key)` for the position.

Import cost: pydantic (already needed by any check) and tomllib; tomlkit only
when a file has a bad key or value, to find its line.
"""

from compliance.config.load import CONFIG_FILE, find_config_file, load_settings
from compliance.config.model import FailOn, Settings
from compliance.config.origin import Origin

__all__ = ["CONFIG_FILE", "FailOn", "Origin", "Settings", "find_config_file", "load_settings"]
