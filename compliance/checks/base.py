"""What every rule shares: its identity, its documentation, and the findings it makes.

A rule is a small class whose docstring is its documentation (what it finds,
why it matters, an example that fails and one that passes), as ruff documents
its rules. Its code and default severity are data (`rules/checks.yaml`).
The rule families (`coverage`, `thresholds`, `quantities`, `consistency`)
look at a plan and its references and make `Finding`s.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from compliance.errors import InputError, Problem
from compliance.messages import Message, msg
from compliance.model import Position, Target, TargetValue
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
    method: str  # same-year | interpolate | end | end-no-baseline | strict
    explanation: Message


@dataclass(frozen=True)
class ReferenceTarget:
    """A target of a reference plan, with the plan it belongs to."""

    target: Target
    source: ReferencePlan

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
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

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


def check_settings(path: Path | None = None) -> dict[str, Any]:
    return _load_settings(path or rules_file("checks.yaml"))


@cache
def _load_settings(path: Path) -> dict[str, Any]:
    from compliance.loading.yamlfile import read_yaml

    document = read_yaml(path)
    data = document.data
    problems: list[Problem] = []
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, dict):
        raise InputError.single(str(path), "expected a mapping with 'rules'")
    for name, entry in rules.items():
        line, column = document.position(("rules", name))
        if not isinstance(entry, dict) or "code" not in entry or "severity" not in entry:
            problems.append(Problem(str(path), f"rule '{name}' needs a code and a severity", line=line, column=column))
        elif entry["severity"] not in {s.value for s in Severity}:
            problems.append(
                Problem(
                    str(path),
                    f"rule '{name}': severity '{entry['severity']}' is not one of error, warning, info",
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
