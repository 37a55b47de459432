"""The data model: plans, targets and their values."""

from compliance.model.plan import (
    METADATA_FIELDS,
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
    SourceType,
    Target,
    TargetValue,
    Unparsed,
    target_mapping,
)

__all__ = [
    "METADATA_FIELDS",
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
    "SourceType",
    "Target",
    "TargetValue",
    "Unparsed",
    "target_mapping",
]
