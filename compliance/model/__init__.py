"""The data model: plans, targets and their values."""

from compliance.model.plan import (
    Baseline,
    Direction,
    Kind,
    Level,
    Op,
    Plan,
    PlanInfo,
    Position,
    Section,
    Source,
    Target,
    TargetValue,
    Unparsed,
    target_mapping,
)

__all__ = [
    "Baseline",
    "Direction",
    "Kind",
    "Level",
    "Op",
    "Plan",
    "PlanInfo",
    "Position",
    "Section",
    "Source",
    "Target",
    "TargetValue",
    "Unparsed",
    "target_mapping",
]
