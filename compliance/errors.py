"""Errors a user can act on: each names the file, the place in it and what to do.

Everything that reads user input raises `InputError` (never a bare exception),
and the CLI turns it into exit code 2 with one line per problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file."""

    file: str
    message: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    path: str | None = None  # JSON path inside the file, e.g. $.targets[3].target.op
    hint: str | None = None  # what to do about it

    @property
    def where(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        return place

    def __str__(self) -> str:
        text = f"{self.where}: "
        if self.path and self.path != "$":
            text += f"{self.path}: "
        return text + self.said()

    def said(self) -> str:
        """The message with its hint, punctuated in the current language: `… (hint)`, `…（hint）`."""
        if not self.hint:
            return self.message
        from compliance.messages import text

        return text("problem.with-hint", message=self.message, hint=self.hint)


@dataclass
class InputError(Exception):
    """Bad input: one or more problems, all reported together."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    @classmethod
    def single(cls, file: str, message: str, **where: object) -> InputError:
        return cls([Problem(file=file, message=message, **where)])  # type: ignore[arg-type]

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class UnitError(ValueError):
    """A unit that cannot be read, or two units that cannot be compared."""


class NumberError(ValueError):
    """A number that cannot be used as written: more digits than any value has (see model.MAX_DIGITS)."""
