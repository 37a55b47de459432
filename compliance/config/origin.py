"""Where a setting came from: a default, a line of a file, an environment variable, an option."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    from compliance.config.toml import TomlPath, TomlPositions

SourceKind = Literal["default", "file", "environment", "option"]


@dataclass(frozen=True)
class Origin:
    """A source of a setting. A file origin finds its line and column only when asked (parsing positions costs)."""

    kind: SourceKind
    name: str | None = None  # the file, the variable or the option
    at: tuple[TomlPositions, TomlPath, bool] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def default(cls) -> Origin:
        return cls("default")

    @property
    def position(self) -> tuple[int | None, int | None]:
        if self.at is None:
            return None, None
        positions, path, at_key = self.at
        return positions.position(path, at_key=at_key)

    @property
    def value_position(self) -> tuple[int | None, int | None]:
        """Where the value (rather than its key) stands: for a message about a bad value."""
        if self.at is None:
            return None, None
        positions, path, _ = self.at
        return positions.position(path, at_key=False)

    @property
    def line(self) -> int | None:
        return self.position[0]

    @property
    def column(self) -> int | None:
        return self.position[1]

    def __str__(self) -> str:
        if self.kind == "default":
            from compliance.messages import text

            return text("config.default")
        place = self.name or self.kind
        line, column = self.position
        if line is not None:
            place += f":{line}"
            if column is not None:
                place += f":{column}"
        return place
