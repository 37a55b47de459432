"""What every rule shares: its identity, its documentation, and the findings it makes.

A rule is a small class; its documentation (what it finds, why it matters,
an example that fails and one that passes, as ruff documents its rules) is
data in Chinese and English (`rules/docs/`), its title and summary are in the
message catalogues, its code and default severity in `rules/checks.yaml`.
The rule families (`coverage`, `thresholds`, `quantities`, `consistency`)
look at a plan and its references and make `Finding`s.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from compliance.errors import InputError, Problem
from compliance.messages import Message, msg, text
from compliance.model import Position, Scope, Target, TargetValue
from compliance.references import ReferencePlan
from compliance.resources import rules_file


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return [Severity.ERROR, Severity.WARNING, Severity.INFO].index(self)


class FailOn(StrEnum):
    """The lowest severity that makes `compliance check` exit with 1."""

    ERROR = "error"
    WARNING = "warning"
    NEVER = "never"

    def counts(self, severity: Severity) -> bool:
        """Does a finding of `severity` (not accepted by a waiver or the baseline) fail the run?"""
        if self is FailOn.NEVER:
            return False
        if self is FailOn.WARNING:
            return severity in (Severity.ERROR, Severity.WARNING)
        return severity is Severity.ERROR


class HorizonMode(StrEnum):
    INTERPOLATE = "interpolate"
    END = "end"
    STRICT = "strict"


@dataclass(frozen=True)
class Horizon:
    """Which year of the reference was compared with which year of the plan, and how."""

    plan_year: int
    reference_year: int
    compared_value: Any  # Fraction in the reference's unit, or None
    method: str  # same-year | same-rate | interpolate | keep-level | end | end-no-baseline | end-unknown-period | strict
    explanation: Message


@dataclass(frozen=True)
class ReferenceTarget:
    """A target of a reference plan, with the plan it belongs to and whom it binds."""

    target: Target
    source: ReferencePlan
    scope: Scope = Scope()

    @property
    def verified(self) -> bool:
        return bool(self.target.verified)


@dataclass(frozen=True)
class Stated:
    """A target value as a message parameter: 达到95%以上 in Chinese, `>= 95 %` in English."""

    value: TargetValue

    def localize(self, lang: str) -> str:
        from compliance.phrases import render, render_compact

        return render(None, self.value) if lang == "zh" else render_compact(self.value)


def term(kind: str, value: object) -> Message:
    """A word of the catalogue's `term` section: term("level", Level.COUNTY) → 县级 / county."""
    name = getattr(value, "name", None) if kind == "op" else None
    return msg(f"term.{kind}.{(name or str(getattr(value, 'value', value))).lower()}")


def where_stated(target: Target) -> object | None:
    """Where a person finds a target, for a message: the document's own locator (第47段,
    第2页第14行), else its line (第45行), else the entry in the plan file; None when nothing
    tells (a plan made in code) — a message then leaves the place out, never 第?行."""
    if target.locator:
        return target.locator
    if target.line:
        return msg("report.plan-at-line", line=target.line)
    return str(target.position) if target.position else None


@dataclass
class Finding:
    """One thing a reviewer should look at.

    `body` is the message (an id with parameters, see compliance.messages);
    `message` renders it, with its notes, in the current language.
    """

    rule: str
    code: str
    severity: Severity
    body: Message
    domain: str | None = None  # as written in the plan, or in the reference for missing ones
    indicator: str | None = None  # catalogue id
    indicator_name: str | None = None  # as written in the plan, or in the reference for missing ones
    plan_target: Target | None = None
    reference: ReferenceTarget | None = None
    horizon: Horizon | None = None
    suggestion: Message | None = None  # what to change
    reference_plan: ReferencePlan | None = None  # for findings about a whole reference
    notes: list[Message] = field(default_factory=list)  # added to the message: proxy, unverified value…
    accepted: Acceptance | None = None  # accepted by a waiver or the baseline: shown, never failing
    position: Position | None = None  # where it stands when not on a plan target (a waiver's entry)
    # The same reference target stated again (a table row and a sentence of the text,
    # or another parent's target for the same indicator): one finding names them all.
    other_statements: list[ReferenceTarget] = field(default_factory=list)

    @property
    def message(self) -> str:
        return self.render_message()

    def render_message(self, lang: str | None = None) -> str:
        return self.body.render(lang) + "".join(note.render(lang) for note in self.notes)


@dataclass(frozen=True)
class Acceptance:
    """Why a finding does not count against the exit code: a waiver (with its reason) or the baseline."""

    kind: str  # "waiver" | "baseline"
    source: str  # the waiver's file:line, or the baseline file
    reason: str | None = None
    approved_by: str | None = None
    expires: date | None = None


class Rule:
    """Base of every rule; subclasses set `name` and document themselves in their docstring."""

    name: ClassVar[str]
    family: ClassVar[str]

    @classmethod
    def settings(cls) -> dict[str, Any]:
        return check_settings()["rules"][cls.name]

    @classmethod
    def code(cls) -> str:
        return str(cls.settings()["code"])

    @classmethod
    def severity(cls) -> Severity:
        return Severity(cls.settings()["severity"])

    @classmethod
    def doc(cls, lang: str | None = None) -> str:
        """The rule's documentation in `lang` (default: the current one): its summary, then what, why, example.

        The text is data (rules/docs/zh.yaml, en.yaml; see compliance.messages.docs), not this class's docstring.
        """
        from compliance.messages import language
        from compliance.messages.docs import rule_doc

        lang = lang or language()
        return f"{cls.summary().render(lang)}\n\n{rule_doc(cls.name, lang).markdown()}"

    @classmethod
    def title(cls) -> Message:
        return msg(f"{cls.name}.title")

    @classmethod
    def summary(cls) -> Message:
        return msg(f"{cls.name}.summary")

    @classmethod
    def finding(cls, message: Message, *, severity: Severity | None = None, **details: Any) -> Finding:
        if not isinstance(message, Message):
            raise TypeError(f"{cls.name}: a finding's message is a compliance.messages.msg(...), not {message!r}")
        return Finding(
            rule=cls.name,
            code=cls.code(),
            severity=severity or cls.severity(),
            body=message,
            **details,
        )


@dataclass
class CheckSettings:
    """How the check of one plan runs, on top of rules/checks.yaml (built from `compliance.Settings`)."""

    horizon: HorizonMode = HorizonMode.INTERPOLATE
    verified_only: bool = False
    select: frozenset[str] = field(default_factory=frozenset)  # rule names or codes; empty = all
    ignore: frozenset[str] = field(default_factory=frozenset)
    severity: dict[str, Severity] = field(default_factory=dict)  # rule name → the severity it is reported at
    fail_on: FailOn = FailOn.ERROR
    # Rules overlays merged over the bundled rules/ (--rules DIR, COMPLIANCE_RULES, `rules` in
    # compliance.toml), in precedence order: later ones win.
    rules: tuple[Path, ...] = ()
    show_unknown: bool = False  # the text report lists each unknown indicator instead of a count


_ACTIVE: ContextVar[dict[str, Any] | None] = ContextVar("compliance_check_settings", default=None)


def check_settings(path: Path | None = None) -> dict[str, Any]:
    """The check settings in force: those of the running check (overlays merged), else the bundled ones."""
    if path is not None:
        return _load_settings(path)
    active = _ACTIVE.get()
    return active if active is not None else _load_settings(rules_file("checks.yaml"))


@contextmanager
def settings_in_force(settings: dict[str, Any]) -> Iterator[None]:
    """Make `settings` the check settings rules read (codes, severities, policies) while a check runs."""
    token = _ACTIVE.set(settings)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


@cache
def _load_settings(path: Path) -> dict[str, Any]:
    from compliance.loading.yamlfile import read_yaml

    document = read_yaml(path)
    data = document.data
    problems: list[Problem] = []
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, dict):
        raise InputError.single(str(path), text("rules-files.checks-shape"))
    for name, entry in rules.items():
        line, column = document.position(("rules", name))
        if not isinstance(entry, dict) or "code" not in entry or "severity" not in entry:
            problems.append(Problem(str(path), text("rules-files.code-and-severity", rule=name), line=line, column=column))
        elif entry["severity"] not in {s.value for s in Severity}:
            problems.append(
                Problem(
                    str(path),
                    text("rules-files.bad-severity-of", rule=name, value=entry["severity"], allowed=_SEVERITIES),
                    line=line,
                    column=column,
                )
            )
    if problems:
        raise InputError(problems)
    return {
        "rules": {str(k): dict(v) for k, v in rules.items()},
        "horizon": dict(data.get("horizon") or {}),
        "default_band_tolerance_percent": data.get("default_band_tolerance_percent", 5),
    }


_SEVERITIES = [s.value for s in Severity]  # lists: joined with ", " in English, 、 in Chinese
_CHECKS_KEYS = ["format", "rules", "horizon", "default_band_tolerance_percent"]
_HORIZON_KEYS = {"default": {m.value for m in HorizonMode}, "without_baseline_severity": {s.value for s in Severity}}


def merged_settings(overlays: tuple[Path, ...]) -> dict[str, Any]:
    """rules/checks.yaml with each overlay's checks.yaml merged over it.

    An overlay changes what a reviewer may change — a rule's severity, the
    horizon policy, the default band tolerance — and nothing else; every
    problem is reported with its position in the overlay. (A configuration
    file's `severity` table is applied to the findings afterwards, by the check.)
    """
    from compliance.resources import overlay_stamp

    return _merge_overlays(tuple(overlays), overlay_stamp(tuple(overlays)))


@cache
def _merge_overlays(overlays: tuple[Path, ...], stamp: tuple[object, ...] = ()) -> dict[str, Any]:
    from difflib import get_close_matches

    from compliance.loading.yamlfile import read_yaml

    merged = _load_settings(rules_file("checks.yaml"))
    merged = {**merged, "rules": {k: dict(v) for k, v in merged["rules"].items()}, "horizon": dict(merged["horizon"])}
    problems: list[Problem] = []
    for folder in overlays:
        path = folder / "checks.yaml"
        if not path.is_file():
            continue
        document = read_yaml(path)
        data = document.data
        if not isinstance(data, dict):
            problems.append(document.problem((), text("rules-files.overlay-shape", keys=_CHECKS_KEYS)))
            continue
        for key in data:
            if key not in ("format", "rules", "horizon", "default_band_tolerance_percent"):
                problems.append(
                    document.problem(
                        (key,),
                        text("rules-files.unknown-field", key=key),
                        hint=text("rules-files.allowed", keys=_CHECKS_KEYS),
                        at_key=True,
                    )
                )
        if "format" in data and data["format"] != "compliance-checks/1":
            problems.append(
                document.problem(("format",), text("rules-files.bad-format", value=data["format"], expected="compliance-checks/1"))
            )
        for name, entry in (data.get("rules") or {}).items():
            where = ("rules", name)
            if name not in merged["rules"]:
                guess = get_close_matches(str(name), list(merged["rules"]), n=1)
                problems.append(
                    document.problem(
                        where,
                        text("rules-files.unknown-rule", rule=name),
                        hint=text("rules-files.unknown-rule-guess", guess=guess[0]) if guess else text("rules-files.see-rules"),
                        at_key=True,
                    )
                )
                continue
            if not isinstance(entry, dict):
                problems.append(document.problem(where, text("rules-files.rule-shape", rule=name)))
                continue
            for key, value in entry.items():
                if key == "severity" and value in {s.value for s in Severity}:
                    merged["rules"][name]["severity"] = value
                elif key == "severity":
                    problems.append(
                        document.problem((*where, key), text("rules-files.bad-severity", value=value, allowed=_SEVERITIES))
                    )
                elif key == "code" and value == merged["rules"][name]["code"]:
                    continue
                elif key == "code":
                    problems.append(
                        document.problem(
                            (*where, key),
                            text("rules-files.code-fixed", rule=name, code=merged["rules"][name]["code"]),
                            hint=text("rules-files.code-fixed-hint"),
                        )
                    )
                else:
                    problems.append(
                        document.problem(
                            (*where, key),
                            text("rules-files.unknown-field", key=key),
                            hint=text("rules-files.rule-takes-severity"),
                            at_key=True,
                        )
                    )
        for key, value in (data.get("horizon") or {}).items():
            if key not in _HORIZON_KEYS:
                problems.append(
                    document.problem(
                        ("horizon", key),
                        text("rules-files.unknown-field", key=key),
                        hint=text("rules-files.allowed", keys=list(_HORIZON_KEYS)),
                        at_key=True,
                    )
                )
            elif value not in _HORIZON_KEYS[key]:
                problems.append(
                    document.problem(
                        ("horizon", key),
                        text("rules-files.not-one-of", value=value, allowed=sorted(_HORIZON_KEYS[key])),
                    )
                )
            else:
                merged["horizon"][key] = value
        if "default_band_tolerance_percent" in data:
            value = data["default_band_tolerance_percent"]
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                problems.append(
                    document.problem(("default_band_tolerance_percent",), text("rules-files.tolerance-positive"))
                )
            else:
                merged["default_band_tolerance_percent"] = value
    if problems:
        raise InputError(problems)
    return merged
