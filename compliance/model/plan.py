"""The plan data model: one plan (a county draft or a higher-level reference) and its targets.

These are the objects every other part works on. They are built by
`compliance.loading` from a file that has already been validated against the
published JSON Schema, so their own validation is a second line of defence, not
the place where users learn what is wrong with their file.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from compliance.messages import text as _text


class Model(BaseModel):
    """The base of every model: its validator is built on first use, not at import.

    A cold check validates a few of these (the user's plan) and only unpickles
    the others (cached references, catalogue), so building every core schema at
    import would be start-up time spent for nothing.
    """

    model_config = ConfigDict(defer_build=True)


def empty_list() -> list[Any]:
    """A new empty list: `list` as a field's default factory, without its cost.

    pydantic asks each default factory's signature when it builds a model, and
    `inspect.signature(list)` costs about 0.3 ms (seventeen fields: 6 ms of a
    cold check); a function's signature is cheap. The default is the same.
    """
    return []


def empty_dict() -> dict[Any, Any]:
    """A new empty dict: `dict` as a field's default factory, without its cost (see `empty_list`)."""
    return {}


# A value is written with at most this many digits (leading zeros aside): more than any
# plan needs, and what a JSON report (a double) carries exactly. A longer number is
# refused (plan files) or left unread (documents), never rounded.
MAX_DIGITS = 15


def digits_written(written: str) -> int:
    """How many digits a number is written with, leading zeros aside: '0.085' → 2, '1500000' → 7."""
    digits = "".join(filter(str.isdigit, written))
    return len(digits.lstrip("0"))


class Op(StrEnum):
    """How a target relates to its value."""

    GE = ">="
    LE = "<="
    GT = ">"
    LT = "<"
    EQ = "="
    ABOUT = "~"  # 左右: a band around the value
    REL_DECREASE = "rel_decrease"  # 以2020年为基数下降20%
    REL_INCREASE = "rel_increase"
    QUAL = "qual"  # no number: see `direction`

    @property
    def is_bound(self) -> bool:
        return self in (Op.GE, Op.LE, Op.GT, Op.LT)

    @property
    def is_relative(self) -> bool:
        return self in (Op.REL_DECREASE, Op.REL_INCREASE)


class Direction(StrEnum):
    """What a qualitative target (op `qual`) asks for."""

    INCREASE = "increase"  # 提高, 延长, 逐步提高
    DECREASE = "decrease"  # 降低, 明显下降, 减缓
    MAINTAIN = "maintain"  # 保持, 稳定
    FULL_COVERAGE = "full_coverage"  # 应保尽保, 应援尽援, 全覆盖 without a number
    APPROPRIATE = "appropriate"  # 相适应, 合理比例


class Section(StrEnum):
    """Where in the source document a target stands."""

    MAIN_TARGETS = "main_targets"  # 主要目标
    INDICATOR_TABLE = "indicator_table"  # 重点指标目标表
    MEASURES = "measures"  # 策略措施 / 主要措施


class Kind(StrEnum):
    WOMEN = "women"
    CHILDREN = "children"


class Level(StrEnum):
    NATIONAL = "national"
    PROVINCIAL = "provincial"
    MUNICIPAL = "municipal"
    COUNTY = "county"

    @property
    def rank(self) -> int:
        """0 for national, growing downwards: a parent has a smaller rank."""
        return _LEVEL_RANKS[self]


_LEVEL_RANKS = {level: rank for rank, level in enumerate(Level)}  # asked for by every scope, for every target


class Position(Model):
    """A place in a plan file (not in the source document): for messages."""

    model_config = ConfigDict(frozen=True)

    file: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class TargetValue(Model):
    """The normalised meaning of a target: comparison, number and unit.

    `value` is a Decimal so that 3‰ and 0.3% compare exactly. A masked target
    (digits illegible in the source) has no value and must never be guessed.
    """

    model_config = ConfigDict(frozen=True)

    op: Op
    value: Decimal | None = None
    unit: str | None = None  # canonical unit symbol, see compliance.units
    masked: bool = False
    direction: Direction | None = None  # for op `qual`
    condition: str | None = None  # 换届后当年 / 平时
    base_year: int | None = None  # for rel_* targets
    value_max: Decimal | None = None  # upper end of a range such as 2-3家
    ratio: tuple[Decimal, Decimal] | None = None  # 2:3 as written; value = first / second

    @model_validator(mode="after")
    def _consistent(self) -> TargetValue:
        if self.op is Op.QUAL:
            if self.value is not None:
                raise ValueError(_text("plan-file.qualitative-has-value"))
        elif self.masked:
            if self.value is not None:
                raise ValueError(_text("plan-file.masked-has-value"))
        elif self.value is None:
            raise ValueError(_text("plan-file.needs-value", op=self.op))
        return self

    @property
    def is_numeric(self) -> bool:
        """True for a target that states (or states but masks) a number."""
        return self.op is not Op.QUAL

    @property
    def exact(self) -> Fraction | None:
        """The value as an exact fraction: a ratio (三分之一, 2:3) from its terms, not its rounding."""
        ratio = self.ratio
        if ratio is not None and ratio[1]:
            return Fraction(ratio[0]) / Fraction(ratio[1])
        value = self.value
        if isinstance(value, Decimal):
            global _as_fraction
            if _as_fraction is None:  # imported on first use, once (asked for by every comparison)
                from compliance.units import as_fraction as _as_fraction
            return _as_fraction(value)  # remembered per value
        return None if value is None else Fraction(value)


_as_fraction: Any = None  # compliance.units.as_fraction, once TargetValue.exact is first asked for


def target_mapping(value: Any, default_unit: str | None = None) -> dict[str, Any]:
    """The `target:` mapping of a plan file: the fields that are set, in reading order.

    Serves a TargetValue and the parser's ParsedTarget alike (they share these names).
    """
    mapping: dict[str, Any] = {"op": str(value.op)}
    if value.value is not None and not value.masked:
        mapping["value"] = value.value
    unit = value.unit or default_unit
    if unit:
        mapping["unit"] = unit
    if value.masked:
        mapping["masked"] = True
    if value.direction is not None:
        mapping["direction"] = str(value.direction)
    for name in ("condition", "base_year", "value_max"):
        if getattr(value, name) is not None:
            mapping[name] = getattr(value, name)
    if value.ratio is not None:
        mapping["ratio"] = list(value.ratio)
    return mapping


class Baseline(Model):
    """A known past value of the indicator (e.g. the 2020 column of a table)."""

    model_config = ConfigDict(frozen=True)

    year: int | None = None
    value: Decimal | None = None
    unit: str | None = None
    text: str | None = None  # as written, when it is not a plain number (e.g. "**.5")
    verified: bool | None = None
    # computed from other figures rather than read (e.g. 2021's value and the change since 2020):
    # never verified, and a finding that uses it says so
    derived: bool | None = None
    evidence: list[str] = Field(default_factory=empty_list)
    note: str | None = None


class Disagreement(Model):
    """An official text that states a reference target differently (recorded by `compliance targets verify`)."""

    model_config = ConfigDict(frozen=True)

    document: str  # the file name and its SHA-256
    line: int | None = None
    locator: str | None = None
    text: str  # the document's words
    stated: str  # what they state, in the compact form (<= 13 1/10万)


class Binds(StrEnum):
    """Whom a reference target binds (its `scope`)."""

    EACH = "each"  # the issuing government and each government below it, each in its own area
    # (written {each: municipal}: each plan of that level, and those above it below the issuer —
    # 每个州市至少建设1个托育服务指导中心 binds each prefecture's plan, not a county's)
    OWN = "own"  # the issuing government only: its own bodies (市级人大代表), never a lower plan
    SHARE = "share"  # a share or a total that the units of one level make up together (县（市、区）比例)


class Scope(Model):
    """Which plans a reference target binds, and how.

    Written `scope: each`, `scope: own`, `scope: {each: municipal}` or
    `scope: {share_of: county}` in a plan file.
    A share of counties (建立妇女活动中心的县（市、区）比例 100%, 85%以上县（市、区）成功创建…,
    a city total of 10 new bases) is met by the plans above the counties; a county's
    plan is told its part instead of being held to the whole. A target for each unit
    of one level (每个州市至少建设1个托育服务指导中心, `{each: municipal}`) binds each
    plan of that level — and a plan between it and the issuer, whose area holds such
    units — but not the plans below that level.
    """

    model_config = ConfigDict(frozen=True)

    binds: Binds = Binds.EACH
    # For share: the level of the units that make up the share, or "below" for the level right
    # below the issuing plan (a city total of 10 new bases is the counties'; a province's, the cities').
    share_of: Level | Literal["below"] | None = None
    # For each: the lowest level it binds (None: every level below the issuer).
    each: Level | None = None
    origin: str | None = None  # where the scope was decided (the target, an overlay, a rule), for messages

    @model_validator(mode="after")
    def _consistent(self) -> Scope:
        if (self.binds is Binds.SHARE) != (self.share_of is not None):
            raise ValueError(_text("plan-file.share-of"))
        if self.each is not None and self.binds is not Binds.EACH:
            raise ValueError(_text("plan-file.each-of"))
        return self

    @classmethod
    def read(cls, raw: Any, origin: str | None = None) -> Scope:
        """From a plan file's `scope:` value: each | own | {each: LEVEL} | {share_of: LEVEL | below}."""
        if isinstance(raw, dict) and "each" in raw:
            return cls(binds=Binds.EACH, each=Level(raw["each"]), origin=origin)
        if isinstance(raw, dict):
            units = raw["share_of"]
            return cls(binds=Binds.SHARE, share_of="below" if units == "below" else Level(units), origin=origin)
        return cls(binds=Binds(raw), origin=origin)

    def reaches(self, level: Level) -> bool:
        """Does an each scope bind a plan of `level`? ({each: municipal} reaches municipal plans, not county ones.)"""
        return self.binds is Binds.EACH and (self.each is None or level.rank <= self.each.rank)

    def units(self, issuing: Level) -> Level | None:
        """The level whose units make up a share, for a target issued at `issuing` (None if not a share)."""
        if self.share_of == "below":
            levels = list(Level)
            return levels[min(issuing.rank + 1, len(levels) - 1)]
        return self.share_of if isinstance(self.share_of, Level) else None

    def written(self) -> Any:
        if self.each is not None:
            return {"each": self.each.value}
        if self.share_of is None:
            return self.binds.value
        return {"share_of": self.share_of.value if isinstance(self.share_of, Level) else self.share_of}

    def __str__(self) -> str:
        if self.each is not None:
            return f"each {self.each.value} plan"
        if self.share_of is None:
            return self.binds.value
        units = {Level.COUNTY: "counties", Level.MUNICIPAL: "cities", Level.PROVINCIAL: "provinces", "below": "units below"}
        return f"share of {units.get(self.share_of, str(self.share_of))}"


# The `text` of a target read from a table row: the row's cells as shown, joined by this
# ("1 | 妇女与健康 | 孕产妇死亡率 | 1/10万 | 8.5 | <10"); each cell is a statement of its own.
CELL_SEPARATOR = " | "


class Target(Model):
    """One target of a plan: an indicator, what it must reach, and where it is written."""

    indicator: str  # as written, or a catalogue id
    domain: str | None = None  # as written in the plan
    target: TargetValue
    written: str | None = None  # the `target:` phrase as the file gives it, if a phrase
    year: int | None = None  # target year; None means the end of the plan's period
    baseline: Baseline | None = None
    text: str | None = None  # verbatim sentence of the source document
    line: int | None = None  # line in the source document (machine-readable; see compliance.reading per format)
    # Where a person finds it in the source document, as the document shows it:
    # 第12行, 第2页第14行, 表1 第5行 本县目标列, 主要指标!F9, 正文第12段.
    locator: str | None = None
    section: Section | None = None
    lead_units: list[str] = Field(default_factory=empty_list)  # 牵头单位
    responsible_units: list[str] = Field(default_factory=empty_list)  # 责任单位
    verified: bool | None = None  # reference plans: confirmed from the official text?
    evidence: list[str] = Field(default_factory=empty_list)  # where it is confirmed or quoted
    note: str | None = None
    disagreements: list[Disagreement] = Field(default_factory=empty_list)  # official texts that state it otherwise
    scope: Scope | None = None  # reference plans: whom the target binds; None = not stated (see rules/scopes.yaml)
    position: Position | None = None  # where this entry stands in the plan file
    # The parent's target as this plan's own table quotes it (a 上级目标 column beside 本县目标):
    # not a target of the plan, but worth comparing with the parent as encoded.
    parent_target: TargetValue | None = None
    parent_column: str | None = None


class SourceType(StrEnum):
    """What a source document is."""

    PLAN = "plan"
    NEWS_SUMMARY = "news_summary"  # a news article about the plan: only the targets it states


class Source(Model):
    file: str | None = None
    url: str | None = None
    sha256: str | None = None  # of the document a reference was built from: which copy exactly
    note: str | None = None
    type: SourceType | None = None


# The fields of PlanInfo a document may leave untold (extraction writes them as unknown, never guessed).
METADATA_FIELDS = ("kind", "level", "jurisdiction", "period")


class LastVerified(Model):
    """When a reference's numbers were last checked, and against what (like OpenFisca's last_value_still_valid_on)."""

    date: str  # YYYY-MM-DD
    against: str


class PartlyEncoded(Model):
    """A reference plan of which only some targets are encoded: what is missing, said wherever it is used.

    A check against it is a check against those targets only — never a complete
    one — so it says which part of the parent it could not compare with.
    """

    missing: str  # what is not encoded, as a reader would look for it (其余74项主要目标)
    of: int | None = None  # how many targets the plan has in all, when known


class Heading(Model):
    """The document's heading when it names the other kind of plan than its text is
    (a children's plan headed 妇女发展规划): kept so that the check can point it out."""

    text: str
    kind: Kind  # the kind the heading names
    line: int | None = None  # in the source document, as for Target.line
    locator: str | None = None  # as for Target.locator


class PlanInfo(Model):
    title: str
    kind: Kind | None  # None: the document does not tell (see `missing`)
    level: Level | None
    jurisdiction: list[str]  # from the province down: [云南省, 玉溪市, 新平彝族傣族自治县]; the known part
    period: tuple[int, int] | None
    document_number: str | None = None  # e.g. 国发〔2021〕16号
    follows: list[str] = Field(default_factory=empty_list)  # parent plans the text cites
    source: Source | None = None
    # False for a known reference plan whose targets nobody has encoded yet:
    # the checker then says so instead of silently passing.
    targets_encoded: bool = True
    # Reference plans: only some of its targets are encoded (a news report quotes 2 of its 76).
    partly_encoded: PartlyEncoded | None = None
    verified: bool | None = None  # reference plans: is the plan's text itself confirmed?
    evidence: list[str] = Field(default_factory=empty_list)
    last_verified: LastVerified | None = None  # reference plans: when its numbers were last checked
    note: str | None = None
    unknown: list[str] = Field(default_factory=empty_list)  # fields the source document does not tell (METADATA_FIELDS)
    inferred_from: dict[str, str] = Field(default_factory=empty_dict)  # extraction: where each field was read
    heading: Heading | None = None  # a heading naming the other kind (the title is then the plan's own name)

    @property
    def missing(self) -> list[str]:
        """The metadata fields not known: null in the file, or listed as unknown (an incomplete jurisdiction)."""
        absent = {name for name in ("kind", "level", "period") if getattr(self, name) is None}
        absent |= set(self.unknown)
        return [name for name in METADATA_FIELDS if name in absent]

    @property
    def is_news_summary(self) -> bool:
        return self.source is not None and self.source.type is SourceType.NEWS_SUMMARY

    @property
    def end_year(self) -> int | None:
        return self.period[1] if self.period is not None else None


class Unparsed(Model):
    """A number in a target section that extraction did not understand."""

    line: int | None = None
    locator: str | None = None  # as for Target.locator
    text: str
    reason: str | None = None


class Plan(Model):
    """A whole plan file: metadata, domains as written, targets."""

    format: str = "compliance-plan/1"
    plan: PlanInfo
    domains: list[str] = Field(default_factory=empty_list)
    targets: list[Target] = Field(default_factory=empty_list)
    unparsed: list[Unparsed] = Field(default_factory=empty_list)
    path: Path | None = Field(default=None, exclude=True)  # the file it was loaded from

    @property
    def label(self) -> str:
        return self.plan.title

    def target_year(self, target: Target) -> int | None:
        """The year a target is for: its own, else the end of the plan's period (None when the period is unknown)."""
        return target.year if target.year is not None else self.plan.end_year
