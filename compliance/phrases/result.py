"""What the parser returns: one target found in a text, with the words that state it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from compliance.model.plan import Direction, Op, TargetValue


@dataclass(frozen=True)
class ParsedTarget:
    """One target found in a text, with the exact place that states it.

    `quote`, `start` and `end` point into the text given to `parse`, so a
    reviewer can always see the words a target was read from.
    """

    indicator: str | None
    op: Op
    value: Decimal | None
    unit: str | None
    masked: bool = False
    direction: Direction | None = None
    condition: str | None = None
    base_year: int | None = None
    value_max: Decimal | None = None
    ratio: tuple[Decimal, Decimal] | None = None
    quote: str = ""
    start: int = 0
    end: int = 0

    @property
    def is_numeric(self) -> bool:
        """Qualitative targets (op qual) state no number and are not compared numerically."""
        return self.op is not Op.QUAL

    def to_target_value(self) -> TargetValue:
        """The normalised meaning, as the plan model stores it."""
        return TargetValue(
            op=self.op,
            value=self.value,
            unit=self.unit,
            masked=self.masked,
            direction=self.direction,
            condition=self.condition,
            base_year=self.base_year,
            value_max=self.value_max,
            ratio=self.ratio,
        )

    def to_mapping(self, default_unit: str | None = None) -> dict[str, Any]:
        """The `target:` mapping of a plan file (only the fields that are set)."""
        from compliance.model.plan import target_mapping

        return target_mapping(self, default_unit)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types, for reports and `--json` output: Decimals become numbers."""
        return {
            "indicator": self.indicator,
            "op": str(self.op),
            "value": _json_number(self.value),
            "unit": self.unit,
            "masked": self.masked,
            "direction": str(self.direction) if self.direction else None,
            "condition": self.condition,
            "base_year": self.base_year,
            "value_max": _json_number(self.value_max),
            "ratio": [_json_number(x) for x in self.ratio] if self.ratio else None,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
        }


def _json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)
