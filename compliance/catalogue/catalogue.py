"""The domain and indicator catalogues: what plans measure, and every name they give it.

The data are `rules/domains.yaml` and `rules/indicators.yaml`, validated against
the JSON Schemas next to this module and then checked for what a schema cannot
say (duplicate ids, an alias claimed twice, an unknown domain or unit, a range
upside down). Every problem is reported with its file:line:col, all at once.

Matching a name as a plan writes it works in three steps, each conservative:

1. General normalisation (`normalise_name`): NFKC (full-width → half-width),
   drop parenthesised qualifiers and units (（以乡镇（街道）为单位）, （助理）, （％）),
   unify dashes in ranges (0—6岁 = 0-6岁 = 0~6岁), drop white space, punctuation,
   quotes and the particle 的, lower-case Latin letters.
2. Exact lookup of the normalised name among the normalised names and aliases;
   "…覆盖" (as in 实现…全覆盖) is also tried as "…覆盖率".
3. A fallback for a written name that is a known name preceded only by a
   jurisdiction-wide scope (全县, 全市, 本区…) and/or an age range (15—69岁),
   the age only when the indicator's own names state no age. It matches when
   exactly one indicator qualifies; anything ambiguous gives None.

`match_*` never guesses: None means "keep the name as written".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ConfigDict

from compliance import messages
from compliance.errors import InputError, Problem, UnitError
from compliance.model.plan import Kind, Model, Position
from compliance.cache import KeptResults
from compliance.compiled import regex

if TYPE_CHECKING:  # pragma: no cover
    from compliance.loading.yamlfile import YamlDocument

_HERE = Path(__file__).resolve().parent
DOMAINS_SCHEMA = _HERE / "domains.schema.json"
INDICATORS_SCHEMA = _HERE / "indicators.schema.json"
DOMAINS_FILE = "domains.yaml"
INDICATORS_FILE = "indicators.yaml"


# --------------------------------------------------------------------------- models


class IndicatorKind(StrEnum):
    """Which plans state an indicator."""

    WOMEN = "women"
    CHILDREN = "children"
    BOTH = "both"

    def covers(self, kind: Kind | str) -> bool:
        return self is IndicatorKind.BOTH or self.value == str(kind)

    @property
    def kinds(self) -> tuple[Kind, ...]:
        return (Kind.WOMEN, Kind.CHILDREN) if self is IndicatorKind.BOTH else (Kind(self.value),)


class Better(StrEnum):
    """Which way a target is more demanding."""

    HIGHER = "higher"
    LOWER = "lower"
    BAND = "band"  # a share kept around a value (就业人员中的女性比例 45%左右)


class Quantity(StrEnum):
    """What an indicator measures; it fixes the kind of unit."""

    RATE_PERCENT = "rate_percent"
    PER_MILLE = "per_mille"
    PER_100K = "per_100k"
    PER_THOUSAND = "per_thousand"  # a count per 1 000 people: 个/千人, 名/千人
    RATIO = "ratio"
    AGE_YEARS = "age_years"
    YEARS = "years"
    COUNT = "count"
    MONEY = "money"
    HOURS_PER_DAY = "hours_per_day"
    TIMES_PER_YEAR = "times_per_year"
    PERCENTAGE_POINTS = "percentage_points"  # a gap or a change, not a level: 百分点
    PERCENTAGE_POINTS_PER_YEAR = "percentage_points_per_year"
    CLASS_HOURS = "class_hours"


# A unit of the right dimension for each quantity; the rates need the exact symbol.
_REFERENCE_UNIT: dict[Quantity, str] = {
    Quantity.RATE_PERCENT: "%",
    Quantity.PER_MILLE: "‰",
    Quantity.PER_100K: "1/10万",
    Quantity.PER_THOUSAND: "个/千人",
    Quantity.RATIO: "ratio",
    Quantity.AGE_YEARS: "岁",
    Quantity.YEARS: "年",
    Quantity.COUNT: "个",
    Quantity.MONEY: "元",
    Quantity.HOURS_PER_DAY: "小时/天",
    Quantity.TIMES_PER_YEAR: "次/年",
    Quantity.PERCENTAGE_POINTS: "百分点",
    Quantity.PERCENTAGE_POINTS_PER_YEAR: "百分点/年",
    Quantity.CLASS_HOURS: "学时",
}
_EXACT_UNIT = {Quantity.RATE_PERCENT, Quantity.PER_MILLE, Quantity.PER_100K}


class Domain(Model):
    """A canonical domain (领域) of one kind of plan."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: Kind
    name: str
    aliases: tuple[str, ...] = ()
    note: str | None = None
    position: Position | None = None  # where it is defined in rules/domains.yaml

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Indicator(Model):
    """A canonical indicator: its names, unit, direction and plausible values."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: IndicatorKind
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[tuple[Kind, str], ...]  # (plan kind, domain id), one per kind it covers
    quantity: Quantity
    unit: str  # canonical symbol, see compliance.units
    better: Better
    plausible: tuple[Decimal, Decimal]
    band_tolerance: Decimal | None = None
    proxy_for: str | None = None
    inverse_of: str | None = None
    note: str | None = None
    position: Position | None = None  # where it is defined in rules/indicators.yaml

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def domain(self) -> str:
        """The domain id (for kind both: the women's plan one; see `domain_for`)."""
        return self.domains[0][1]

    def domain_for(self, kind: Kind | str) -> str | None:
        """The domain id in a plan of `kind`, or None if such plans do not state it."""
        for plan_kind, domain_id in self.domains:
            if plan_kind.value == str(kind):
                return domain_id
        return None

    def covers(self, kind: Kind | str) -> bool:
        return self.kind.covers(kind)

    def to_canonical(self, value: int | Decimal | Fraction | str, unit: str) -> Fraction:
        """`value` written in `unit`, exactly, in the canonical unit.

        A per-thousand indicator names its denominator (每千名儿童…医生数) and
        plans then write a bare count unit (0.85名): that is read per thousand.
        Raises UnitError when the unit measures something else.
        """
        from compliance.units import as_fraction, convert, dimension

        try:
            return convert(value, unit, self.unit)
        except UnitError:
            if self.quantity is Quantity.PER_THOUSAND and dimension(unit) == dimension("个"):
                return as_fraction(value)
            raise

    def is_plausible(self, value: int | Decimal | Fraction | str, unit: str | None = None) -> bool:
        """Is `value` (in `unit`, default the canonical unit) within the plausible range?"""
        canonical = self.to_canonical(value, unit or self.unit)
        low, high = (Fraction(bound) for bound in self.plausible)
        return low <= canonical <= high


# ------------------------------------------------------------------- normalisation

_BOOKMARK = regex(r"\[bookmark:[^\]]*\]", re.IGNORECASE)
_BRACKETED = regex(r"[(\[【〔〖][^()\[\]【】〔〕〖〗]*[)\]】〕〗]")
_DIGIT_RANGE = regex(r"(\d)\s*[-‐‑‒–—―−﹣－~～〜]+\s*(\d)")
_KEEP_BETWEEN_DIGITS = "-."


def without_item_number(name: str) -> str:
    """The name without a list's item number before it (2 新生儿死亡率 → 新生儿死亡率); the name itself if none.

    >>> without_item_number("6 5岁以下儿童贫血患病率"), without_item_number("3岁以下儿童系统管理率")
    ('5岁以下儿童贫血患病率', '3岁以下儿童系统管理率')
    """
    numbered = _ITEM_NUMBER.match(name)
    return name[numbered.end() :] if numbered is not None and numbered.end() < len(name) else name


def normalise_name(text: str) -> str:
    """The form in which written names are compared.

    >>> normalise_name("适龄儿童免疫规划疫苗接种率（以乡镇（街道）为单位）")
    '适龄儿童免疫规划疫苗接种率'
    >>> normalise_name("0～6岁儿童眼保健和视力检查覆盖率") == normalise_name("0—6岁儿童眼保健和视力检查覆盖率")
    True
    >>> normalise_name("中小学生《国家学生体质健康标准》达标优良率")
    '中小学生国家学生体质健康标准达标优良率'
    """
    folded = unicodedata.normalize("NFKC", text)
    folded = _BOOKMARK.sub("", folded)
    previous = None
    while previous != folded:  # innermost brackets first: （以乡镇（街道）为单位）
        previous = folded
        folded = _BRACKETED.sub("", folded)
    folded = _DIGIT_RANGE.sub(r"\1-\2", folded)
    kept: list[str] = []
    for index, char in enumerate(folded):
        category = unicodedata.category(char)
        if category[0] in "LN":
            if char != "的":
                kept.append(char)
        elif (
            char in _KEEP_BETWEEN_DIGITS
            and 0 < index < len(folded) - 1
            and folded[index - 1].isdigit()
            and folded[index + 1].isdigit()
        ):
            kept.append(char)
    return "".join(kept).lower()


_ENUMERATION = regex(r"^(第)?[一二三四五六七八九十\d]+(?=妇女|儿童)")
_DOMAIN_SUFFIX = regex(r"领域$")
_KIND_PREFIX = regex(r"^(妇女与|儿童与|妇女|儿童)")


def _domain_key(text: str) -> str:
    key = normalise_name(text)
    key = _ENUMERATION.sub("", key)
    return _DOMAIN_SUFFIX.sub("", key)


def _core(key: str) -> tuple[Kind | None, str]:
    """The kind a domain heading names (妇女…/儿童…) and the rest of it."""
    match = _KIND_PREFIX.match(key)
    if not match:
        return None, key
    kind = Kind.WOMEN if match.group(1).startswith("妇女") else Kind.CHILDREN
    return kind, key[match.end() :]


# A prefix that narrows nothing: the whole jurisdiction, an age range.
_SCOPE = r"(?:全|本|我)(?:国|省|自治区|市|州|盟|县|区|旗|镇|乡|街道|地区)"
_AGE = r"\d+(?:-\d+)?(?:周岁|岁)(?:及?以上|及?以下)?"
_SCOPE_PREFIX = regex(rf"^(?P<scope>{_SCOPE})?(?P<age>{_AGE})?$")
_STATES_AGE = regex(r"\d+(?:周岁|岁|个月|月龄)")
_MIN_FALLBACK_KEY = 4
# an item number a list left before the name (2 新生儿死亡率, （3）高中阶段毛入学率, 1. 学前教育毛入园率):
# the digits end at a space or list punctuation (6 5岁以下…), never at 岁 or a unit, and the name as
# written is tried first, so 3岁以下… keeps its age
_ITEM_NUMBER = regex(r"^\s*(?:[（(]\d{1,2}[)）]|\d{1,2}[\s.、．]+)\s*(?=[^\s.、．])")
_NEAR_KEPT = KeptResults("near-misses", limit=500)  # near misses found by earlier runs (Catalogue._near_miss_kept)


# -------------------------------------------------------------------- near misses


def _near_key(key: str) -> str:
    """A normalised name without the dashes and points kept between digits: a slip on 0—3 is one character."""
    return key.replace("-", "").replace(".", "")


def _kept_key(text: str) -> str:
    """A name with its bracketed words kept, brackets and punctuation dropped: a slip on a bracket
    (县甲市、区） for 县（市、区）) leaves the rest comparable."""
    folded = _BOOKMARK.sub("", unicodedata.normalize("NFKC", text))
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN" and ch != "的").lower()


class NearMissRules(Model):
    """How far a written name may be from a catalogue name to be taken for a typo of it (rules/indicators.yaml)."""

    model_config = ConfigDict(frozen=True)

    max_edits: tuple[tuple[int, int], ...] = ((4, 1), (8, 2))  # (from this length, this many edits)
    distinctive: tuple[str, ...] = ()  # groups of characters that tell indicators apart

    def edits_for(self, length: int) -> int:
        allowed = 0
        for minimum, edits in sorted(self.max_edits):
            if length >= minimum:
                allowed = edits
        return allowed

    def _group(self, char: str) -> int | None:
        for index, group in enumerate(self.distinctive):
            if char in group:
                return index
        return None

    def typo_like(self, editops: Any, source: str, target: str) -> bool:
        """Is every edit one a slip of the pen makes, not one that names another indicator?

        Two edits side by side replace a word (达标率 for 覆盖率, 死亡率 for 访视率): no typo.
        """
        ops = list(editops)
        for first, second in zip(ops, ops[1:], strict=False):
            if abs(first.src_pos - second.src_pos) <= 1 and abs(first.dest_pos - second.dest_pos) <= 1:
                return False
        for op in ops:
            if op.tag == "replace":
                a, b = source[op.src_pos], target[op.dest_pos]
                if self._group(a) is not None and self._group(a) == self._group(b):
                    return False
            elif op.tag == "insert":  # a character of the catalogue name missing from the written one
                if self._group(target[op.dest_pos]) is not None:
                    return False
            elif op.tag == "delete":  # a character written that the catalogue name does not have
                if self._group(source[op.src_pos]) is not None:
                    return False
        return True


class NearMiss(Model):
    """A written name that is a few characters off catalogue names: which, and how far."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    written: str
    candidates: tuple[tuple[Indicator, str], ...]  # (indicator, the name or alias it is near)
    edits: int
    masked: bool = False  # digits of the written name are masked (*岁以下…): it fits, rather than is near

    @property
    def indicator(self) -> Indicator | None:
        """The one indicator meant, or None when the name is as near to several."""
        ids = {indicator.id for indicator, _ in self.candidates}
        return self.candidates[0][0] if len(ids) == 1 else None

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys(shown for _, shown in self.candidates))


# ---------------------------------------------------------------------- catalogue


class ShareRules(Model):
    """How a share written 甲占乙的比例 is turned round to 乙中的甲比例 to be matched (rules/indicators.yaml)."""

    model_config = ConfigDict(frozen=True)

    measures: tuple[str, ...] = ()
    whole_openers: tuple[str, ...] = ()

    def turned(self, key: str) -> str | None:
        """A normalised name 甲占乙比例 as 乙中甲比例 (女性就业人员占全部就业人员比例 → 就业人员中女性比例); None if no share."""
        measure = next((m for m in self.measures if key.endswith(m)), None)
        if measure is None or "占" not in key:
            return None
        part, _, whole = key[: -len(measure)].partition("占")
        opener = next((w for w in self.whole_openers if whole.startswith(w) and len(whole) > len(w)), "")
        whole = whole[len(opener) :]
        if len(part) < 2 or len(whole) < 2:
            return None
        shared = 0  # the part's own ending that repeats the whole's (女性就业人员 of 就业人员)
        while shared < min(len(part), len(whole)) and part[-1 - shared] == whole[-1 - shared]:
            shared += 1
        if shared >= 2 and len(part) - shared >= 1:
            part = part[: len(part) - shared]
        return f"{whole}中{part}{measure}"


class SpellingRules(Model):
    """Wordings of one meaning, matched as one (rules/indicators.yaml `spellings`).

    Each group's first form stands for the others, in catalogue names and written names
    alike: 社区居民委员会主任中女性比例 and 社区居委会主任女性占比 are spelt 社区居委会主任女性比例.
    """

    model_config = ConfigDict(frozen=True)

    groups: tuple[tuple[str, ...], ...] = ()

    def spelt(self, key: str) -> str:
        """A normalised name with every variant written as its group's first form (longest variants first)."""
        found = _spelling_pattern(self.groups)
        if found is None:
            return key
        pattern, forms = found
        for _ in range(4):  # one form may make another's variant (中女性占比 → 中女性比例 → 女性比例)
            spelt = pattern.sub(lambda match: forms[match.group(0)], key)
            if spelt == key:
                break
            key = spelt
        return key


@cache
def _spelling_pattern(groups: tuple[tuple[str, ...], ...]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    forms = {normalise_name(variant): normalise_name(group[0]) for group in groups for variant in group[1:]}
    forms = {variant: form for variant, form in forms.items() if variant and variant != form}
    if not forms:
        return None
    ordered = sorted(forms, key=lambda variant: (-len(variant), variant))
    return re.compile("|".join(re.escape(variant) for variant in ordered)), forms


class NameRange(Model):
    """The plausible range of a name the catalogue does not know, by how it ends (rules/indicators.yaml `name_ranges`).

    A coverage or a share written in % is at most 100%: 持证上岗率 900% is a slip even
    though no entry of the catalogue says so.
    """

    model_config = ConfigDict(frozen=True)

    endings: tuple[str, ...]
    unit: str
    plausible: tuple[Decimal, Decimal]

    def fits(self, key: str) -> bool:
        """Does a normalised name end with one of the endings?"""
        return any(key.endswith(normalise_name(ending)) for ending in self.endings)


class Catalogue:
    """The canonical domains and indicators, with lookup by id and by written name."""

    def __init__(
        self,
        domains: Iterable[Domain],
        indicators: Iterable[Indicator],
        near_miss: NearMissRules | None = None,
        shares: ShareRules | None = None,
        spellings: SpellingRules | None = None,
        name_ranges: Iterable[NameRange] = (),
    ) -> None:
        self.near_miss_rules = near_miss or NearMissRules()
        self.share_rules = shares or ShareRules()
        self.spelling_rules = spellings or SpellingRules()
        self.name_ranges: tuple[NameRange, ...] = tuple(name_ranges)
        self.domains: tuple[Domain, ...] = tuple(domains)
        self.indicators: tuple[Indicator, ...] = tuple(indicators)
        self._domain_by_id = {d.id: d for d in self.domains}
        self._indicator_by_id = {i.id: i for i in self.indicators}
        self._domain_keys: dict[str, list[Domain]] = {}
        self._domain_cores: dict[str, list[Domain]] = {}
        for domain in self.domains:
            for written in domain.names:
                key = _domain_key(written)
                _add(self._domain_keys, key, domain)
                _add(self._domain_cores, _core(key)[1], domain)
        self._indicator_keys: dict[str, list[Indicator]] = {}
        self._display: dict[str, str] = {}  # normalised key -> a name as the catalogue writes it
        self._spelt_keys: dict[str, list[Indicator]] = {}  # the keys with each spelling variant as its group's first form
        for indicator in self.indicators:
            for written in indicator.names:
                _add(self._indicator_keys, normalise_name(written), indicator)
                _add(self._spelt_keys, self.spelling_rules.spelt(normalise_name(written)), indicator)
                self._display.setdefault(normalise_name(written), written)
        self._near: list[str] | None = None
        self._near_index: dict[str, list[str]] = {}
        self._states_age = {
            i.id: any(_STATES_AGE.search(normalise_name(n)) for n in i.names)
            for i in self.indicators
        }

    def __repr__(self) -> str:
        return f"Catalogue({len(self.domains)} domains, {len(self.indicators)} indicators)"

    # --- by id

    def domain(self, id: str) -> Domain:
        """The domain with this id; KeyError if there is none."""
        try:
            return self._domain_by_id[id]
        except KeyError:
            raise KeyError(f"no domain with id '{id}' in the catalogue") from None

    def indicator(self, id: str) -> Indicator:
        """The indicator with this id; KeyError if there is none."""
        try:
            return self._indicator_by_id[id]
        except KeyError:
            raise KeyError(f"no indicator with id '{id}' in the catalogue") from None

    def domains_of(self, kind: Kind | str) -> tuple[Domain, ...]:
        return tuple(d for d in self.domains if d.kind.value == str(kind))

    def indicators_of(self, kind: Kind | str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.covers(kind))

    # --- by name

    def match_domain(self, name: str, kind: Kind | str | None = None) -> Domain | None:
        """The domain a heading as written names (妇女与决策管理, （二）儿童与社会环境。, 健康…).

        `kind` is the plan's kind; without it a bare core name (健康) is ambiguous.
        """
        if name in self._domain_by_id:
            return self._domain_by_id[name]
        # the same headings come back plan after plan: each (name, kind) is matched once per catalogue
        memo: dict[tuple[str, Any], Domain | None] = self.__dict__.setdefault("_domain_matches", {})
        if (name, kind) not in memo:
            memo[(name, kind)] = self._match_domain(name, kind)
        return memo[(name, kind)]

    def _match_domain(self, name: str, kind: Kind | str | None) -> Domain | None:
        key = _domain_key(name)
        if not key:
            return None
        written_kind, core = _core(key)
        if kind is not None and written_kind is not None and written_kind.value != str(kind):
            return None  # a 儿童… heading in a women's plan: not ours to guess
        want = written_kind.value if written_kind is not None else (str(kind) if kind else None)

        def of_kind(found: list[Domain]) -> list[Domain]:
            return [d for d in found if want is None or d.kind.value == want]

        exact = _unique(of_kind(self._domain_keys.get(key, [])))
        if exact is not None:
            return exact
        return _unique(of_kind(self._domain_cores.get(core, [])))

    def match_indicator(self, name: str, kind: Kind | str | None = None) -> Indicator | None:
        """The indicator a name as written (or an id) stands for; None if unknown or ambiguous.

        `kind` is the plan's kind: it settles a name that indicators of both
        kinds share. A name that only an indicator of the other kind has still
        matches it (a women's plan may state 学前教育毛入园率).
        """
        if name in self._indicator_by_id:
            return self._indicator_by_id[name]
        # the same names come back plan after plan: each (name, kind) is matched once per catalogue
        memo: dict[tuple[str, Any], Indicator | None] = self.__dict__.setdefault("_matches", {})
        if (name, kind) not in memo:
            memo[(name, kind)] = self._match_indicator(name, kind)
        return memo[(name, kind)]

    def _match_indicator(self, name: str, kind: Kind | str | None) -> Indicator | None:
        found = self._match_written(name, kind)
        if found is None:
            # a list's item number left before the name: the name as written first, so 3 岁… is never cut
            bare = without_item_number(name)
            if bare != name:
                found = self._match_written(bare, kind)
        return found

    def _match_written(self, name: str, kind: Kind | str | None) -> Indicator | None:
        key = normalise_name(name)
        if not key:
            return None
        keys = [key]
        if key.endswith("覆盖"):
            keys.append(key + "率")
        # A count is written with or without 数: 危重孕产妇救治中心 / 危重孕产妇救治中心数.
        keys.append(key[:-1] if key.endswith("数") else key + "数")
        turned = self.share_rules.turned(key)  # 女性占城镇单位就业人员的比例: 城镇单位就业人员中的女性比例
        if turned is not None:
            keys.append(turned)
        for candidate in keys:
            found = self._indicator_keys.get(candidate)
            if found:
                return _pick(found, kind)
        if self.spelling_rules.groups:  # 社区居民委员会主任女性占比: 社区居委会主任中的女性比例
            for candidate in keys:
                found = self._spelt_keys.get(self.spelling_rules.spelt(candidate))
                if found:
                    return _pick(found, kind)
        return self._fallback(key, kind)

    def name_range(self, name: str) -> NameRange | None:
        """The plausible range of a name the catalogue does not know, by its ending (覆盖率, 比例…); None if none fits."""
        key = self.spelling_rules.spelt(normalise_name(without_item_number(name)))
        return next((found for found in self.name_ranges if found.fits(key)), None)

    def masked_match(self, name: str, kind: Kind | str | None = None) -> NearMiss | None:
        """The indicators a name with masked digits fits (*岁以下儿童死亡率: each * a digit), or None.

        A portal that masks every digit masks qualifiers too: *岁以下儿童死亡率 is
        5岁以下儿童死亡率 only because no other catalogued name fits. The result's
        `indicator` is set only when exactly one indicator fits.
        """
        if not any(ch in "*＊" for ch in name):
            return None
        memo: dict[tuple[str, Any], NearMiss | None] = self.__dict__.setdefault("_masked_matches", {})
        if (name, kind) not in memo:
            memo[(name, kind)] = self._masked_match(name, kind)
        return memo[(name, kind)]

    def _masked_match(self, name: str, kind: Kind | str | None) -> NearMiss | None:
        pieces = re.split(r"([*＊]+)", unicodedata.normalize("NFKC", name))
        pattern = "".join(
            rf"\d{{{len(piece)}}}" if piece and piece[0] in "*＊" else re.escape(normalise_name(piece)) for piece in pieces
        )
        fits: dict[str, tuple[Indicator, str]] = {}
        for key, indicators in self._indicator_keys.items():
            if re.fullmatch(pattern, key):
                for indicator in indicators:
                    if kind is None or indicator.covers(kind):
                        fits.setdefault(indicator.id, (indicator, indicator.name))
        if not fits:
            return None
        return NearMiss(written=name, candidates=tuple(fits.values()), edits=0, masked=True)

    def near_miss(self, name: str, kind: Kind | str | None = None) -> NearMiss | None:
        """The catalogue names a name that matches none is one or two characters off (a possible typo).

        学前教育毛人园率 → 学前教育毛入园率. Only edits that are not distinctive count
        (市 for 县, 小学 for 初中, an added 女 make another indicator). A jurisdiction-wide
        prefix (全县…) is looked past. None when no name is near enough.
        """
        memo: dict[tuple[str, Any], NearMiss | None] = self.__dict__.setdefault("_near_misses", {})
        if (name, kind) not in memo:
            memo[(name, kind)] = self._near_miss_kept(name, kind)
        return memo[(name, kind)]

    def _near_miss_kept(self, name: str, kind: Kind | str | None) -> NearMiss | None:
        """`_near_miss`, or what an earlier run found for the same name in a catalogue of the same files.

        A cold check would otherwise import rapidfuzz (about 10 ms) for the few
        names a plan writes that the catalogue does not know, the same names each
        run. Kept by indicator id (compliance.cache.KeptResults), under the key of
        the catalogue's files (`_content_key`, set when it is loaded).
        """
        files = self.__dict__.get("_content_key")
        if files is None:
            return self._near_miss(name, kind)
        key = (files, name, None if kind is None else str(kind))
        found = _NEAR_KEPT.get(key)
        if found is False:
            return None
        if found is not None:
            written, candidates, edits, masked = found
            if all(id in self._indicator_by_id for id, _ in candidates):
                pairs = tuple((self._indicator_by_id[id], shown) for id, shown in candidates)
                return NearMiss(written=written, candidates=pairs, edits=edits, masked=masked)
        near = self._near_miss(name, kind)
        kept = False if near is None else (
            near.written, tuple((indicator.id, shown) for indicator, shown in near.candidates), near.edits, near.masked)
        _NEAR_KEPT.put(key, kept)
        return near

    def _near_miss(self, name: str, kind: Kind | str | None) -> NearMiss | None:
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz.process import extract

        written: list[str] = []
        for key in dict.fromkeys((_near_key(normalise_name(name)), _kept_key(name))):
            prefix = re.match(rf"^{_SCOPE}", key)
            written += [key] + ([key[prefix.end() :]] if prefix else [])
        best: dict[str, tuple[int, Indicator, str]] = {}
        names = self._near_names()
        for candidate in written:
            allowed = self.near_miss_rules.edits_for(len(candidate))
            if allowed == 0:
                continue
            for known, distance, _ in extract(
                candidate, names, scorer=Levenshtein.distance, score_cutoff=allowed, limit=None
            ):
                if self.near_miss_rules.edits_for(len(known)) < distance:
                    continue  # 0 is a slip on a dash between digits (03岁 for 0—3岁): the names still differ
                if not self.near_miss_rules.typo_like(Levenshtein.editops(candidate, known), candidate, known):
                    continue
                for normalised in self._near_index[known]:
                    for indicator in self._indicator_keys[normalised]:
                        if kind is not None and not indicator.covers(kind):
                            continue
                        seen = best.get(indicator.id)
                        if seen is None or distance < seen[0]:
                            best[indicator.id] = (distance, indicator, self._display[normalised])
        if not best:
            return None
        closest = min(d for d, _, _ in best.values())
        candidates = tuple((indicator, shown) for d, indicator, shown in best.values() if d == closest)
        return NearMiss(written=name, candidates=candidates, edits=max(closest, 1))

    def _near_names(self) -> list[str]:
        if self._near is None:
            self._near_index = {}
            for indicator in self.indicators:
                for shown in indicator.names:
                    normalised = normalise_name(shown)
                    for key in (_near_key(normalised), _kept_key(shown)):
                        entries = self._near_index.setdefault(key, [])
                        if normalised not in entries:
                            entries.append(normalised)
            self._near = list(self._near_index)
        return self._near

    def _fallback(self, key: str, kind: Kind | str | None) -> Indicator | None:
        matches: dict[str, Indicator] = {}
        # every catalogue key the name ends with, of _MIN_FALLBACK_KEY characters or more but shorter than the
        # name: looked up by the name's own endings (a few dozen), not by trying every key of the catalogue
        # (the result is one indicator or none, whatever order they are found in)
        for length in range(_MIN_FALLBACK_KEY, len(key)):
            known = key[-length:]
            indicators = self._indicator_keys.get(known)
            if not indicators:
                continue
            prefix = _SCOPE_PREFIX.match(key[: -len(known)])
            if prefix is None:
                continue
            for indicator in indicators:
                if prefix.group("age") and self._states_age[indicator.id]:
                    continue  # 0-3岁 before a 0-6岁 indicator: another population
                matches[indicator.id] = indicator
        return _pick(list(matches.values()), kind)


def _add(index: dict[str, list[Any]], key: str, entry: Any) -> None:
    entries = index.setdefault(key, [])
    if entry not in entries:
        entries.append(entry)


def _unique(found: list[Any]) -> Any | None:
    distinct = {entry.id: entry for entry in found}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def _pick(found: list[Indicator], kind: Kind | str | None) -> Indicator | None:
    """One indicator among those a name fits; None when the name is ambiguous."""
    if kind is not None:
        preferred = [i for i in found if i.covers(kind)]
        if preferred:
            return _unique(preferred)
    return _unique(found)


# ------------------------------------------------------------------------ loading


def load_catalogue(rules_dir: Path | None = None, overlays: Iterable[Path] = ()) -> Catalogue:
    """The catalogue from `rules_dir` (default: the bundled rules/), with `overlays` merged over it.

    An overlay is a folder of the user's own (`--rules DIR`, COMPLIANCE_RULES)
    whose indicators.yaml / domains.yaml add entries or change fields of
    bundled ones by id: aliases are added to the bundled aliases, other fields
    replace the bundled values. Loaded once per combination.
    Raises InputError listing every problem of every file, with positions.
    """
    from compliance.resources import data_dir, overlay_stamp

    base = Path(rules_dir) if rules_dir is not None else data_dir("rules")
    folders = tuple(Path(o).resolve() for o in overlays)
    return _load_kept(base.resolve(), folders, overlay_stamp(folders))


@cache
def _load_kept(rules_dir: Path, overlays: tuple[Path, ...], stamp: tuple[object, ...]) -> Catalogue:
    """Validated once per content of its files (compliance.cache), and once per process for their state now."""
    from compliance.cache import cached, content_key

    sources = [rules_dir / DOMAINS_FILE, rules_dir / INDICATORS_FILE]
    sources += [folder / name for folder in overlays for name in (DOMAINS_FILE, INDICATORS_FILE)]
    catalogue = cached("catalogue", sources, lambda: _load(rules_dir, overlays, stamp))
    catalogue.__dict__["_content_key"] = content_key("catalogue", sources, folders=[rules_dir])  # for _near_miss_kept
    return catalogue


def _load(rules_dir: Path, overlays: tuple[Path, ...] = (), stamp: tuple[object, ...] = ()) -> Catalogue:
    from compliance.loading.validate import validate
    from compliance.loading.yamlfile import read_yaml

    problems: list[Problem] = []
    layered: dict[str, _Layered] = {}
    for file_name, schema, list_name in (
        (DOMAINS_FILE, DOMAINS_SCHEMA, "domains"),
        (INDICATORS_FILE, INDICATORS_SCHEMA, "indicators"),
    ):
        try:
            document = read_yaml(rules_dir / file_name)
        except InputError as error:
            problems.extend(error.problems)
            continue
        schema_problems = validate(document, schema)
        problems.extend(schema_problems)
        if schema_problems:
            continue
        layers = _Layered(list_name, document)
        for folder in overlays:
            if not (folder / file_name).is_file():
                continue
            try:
                overlay = read_yaml(folder / file_name)
            except InputError as error:
                problems.extend(error.problems)
                continue
            problems.extend(layers.overlay(overlay, lambda doc, schema=schema: validate(doc, schema)))
        layered[file_name] = layers
    if problems:
        raise InputError(problems)
    domains, domain_problems = _domains(layered[DOMAINS_FILE])
    indicators, indicator_problems = _indicators(layered[INDICATORS_FILE], domains)
    problems = domain_problems + indicator_problems
    if problems:
        raise InputError(sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0)))
    near = layered[INDICATORS_FILE].settings.get("near_miss") or {}
    rules = NearMissRules(
        max_edits=tuple((int(a), int(b)) for a, b in near.get("max_edits", NearMissRules().max_edits)),
        distinctive=tuple(str(g) for g in near.get("distinctive", ())),
    )
    share = layered[INDICATORS_FILE].settings.get("share_of_whole") or {}
    shares = ShareRules(
        measures=tuple(str(m) for m in share.get("measures", ())),
        whole_openers=tuple(str(w) for w in share.get("whole_openers", ())),
    )
    spellings = SpellingRules(
        groups=tuple(tuple(str(v) for v in group) for group in layered[INDICATORS_FILE].settings.get("spellings") or ())
    )
    from compliance.units import normalise_unit

    ranges = [
        NameRange(
            endings=tuple(str(e) for e in entry.get("endings") or ()),
            unit=normalise_unit(str(entry["unit"])),
            plausible=tuple(Decimal(str(bound)) for bound in entry["plausible"]),
        )
        for entry in layered[INDICATORS_FILE].settings.get("name_ranges") or ()
    ]
    catalogue = Catalogue(domains, indicators, rules, shares, spellings, ranges)
    catalogue._near_names()  # built here, the near-miss index is kept in the cache with the rest
    return catalogue


_Path = tuple[str | int, ...]


class _Layered:
    """The entries of one catalogue list, the bundled file's with overlays merged over it by id.

    Every field remembers the file and path it was written at, so a problem in
    the merged catalogue is reported where the user wrote the value.
    """

    def __init__(self, list_name: str, document: YamlDocument) -> None:
        self.list_name = list_name
        self.first = document
        self.entries: list[dict[str, Any]] = []
        self.origins: list[dict[str, tuple[YamlDocument, _Path]]] = []  # field ('' = the entry) -> where
        self.alias_origins: list[list[tuple[YamlDocument, _Path]]] = []
        # Top-level settings beside the list (near_miss), replaced field by field by an overlay.
        self.settings: dict[str, Any] = {
            key: dict(value) if isinstance(value, dict) else value
            for key, value in document.data.items()
            if key not in ("format", list_name)
        }
        for index, entry in enumerate(document.data[list_name]):
            self._append(dict(entry), document, index)

    def _append(self, entry: dict[str, Any], document: YamlDocument, index: int) -> None:
        here: _Path = (self.list_name, index)
        self.entries.append(entry)
        self.origins.append({"": (document, here), **{key: (document, (*here, key)) for key in entry}})
        self.alias_origins.append(
            [(document, (*here, "aliases", n)) for n in range(len(entry.get("aliases") or []))]
        )

    def overlay(self, document: YamlDocument, validate: Any) -> list[Problem]:
        """Merge one overlay file; its problems (schema and ids), with positions in it."""
        from compliance.loading.yamlfile import YamlDocument

        data = document.data
        raw = data.get(self.list_name) if isinstance(data, dict) else None
        by_id = {str(entry["id"]): n for n, entry in enumerate(self.entries)}
        # An entry for a bundled id needs only the fields it changes: validate it completed
        # with the bundled values, so that every error is about what the user wrote.
        completed = dict(data) if isinstance(data, dict) else data
        if isinstance(raw, list):
            completed[self.list_name] = [
                {**self.entries[by_id[str(e["id"])]], **e}
                if isinstance(e, dict) and str(e.get("id")) in by_id
                else e
                for e in raw
            ]
        problems = validate(YamlDocument(document.file, completed, document.values, document.keys))
        if problems:
            return list(problems)
        for key, value in data.items():
            if key in ("format", self.list_name):
                continue
            if isinstance(value, dict) and isinstance(self.settings.get(key), dict):
                self.settings[key].update(value)
            else:
                self.settings[key] = value
        seen: dict[str, int] = {}
        for index, entry in enumerate(raw or []):
            entry_id = str(entry["id"])
            if entry_id in seen:
                line, _ = document.position((self.list_name, seen[entry_id]))
                problems.append(
                    document.problem(
                        (self.list_name, index, "id"),
                        messages.text("catalogue.id-given-twice", id=entry_id, line=line),
                        hint=messages.text("catalogue.id-given-twice-hint"),
                    )
                )
                continue
            seen[entry_id] = index
            here: _Path = (self.list_name, index)
            if entry_id not in by_id:
                self._append(dict(entry), document, index)
                continue
            target = by_id[entry_id]
            merged = self.entries[target]
            for key, value in entry.items():
                if key == "id":
                    continue
                if key == "aliases":
                    own = list(merged.get("aliases") or [])
                    merged["aliases"] = own + list(value or [])
                    self.alias_origins[target].extend((document, (*here, "aliases", n)) for n in range(len(value or [])))
                else:
                    merged[key] = value
                self.origins[target][key] = (document, (*here, key))
        return problems

    def locate(self, path: _Path) -> tuple[YamlDocument, _Path]:
        """The file and the path in it where the value at `path` of the merged list was written."""
        if len(path) < 2 or not isinstance(path[1], int):
            return self.first, path
        index, rest = path[1], path[2:]
        if len(rest) >= 2 and rest[0] == "aliases" and isinstance(rest[1], int) and rest[1] < len(self.alias_origins[index]):
            document, at = self.alias_origins[index][rest[1]]
            return document, (*at, *rest[2:])
        if rest and rest[0] in self.origins[index]:
            document, at = self.origins[index][str(rest[0])]
            return document, (*at, *rest[1:])
        document, at = self.origins[index][""]
        return document, (*at, *rest)


class _Checker:
    """Collects semantic problems with the position of the value concerned (in whichever file it was written)."""

    def __init__(self, layers: _Layered) -> None:
        self.layers = layers
        self.problems: list[Problem] = []

    def where(self, path: tuple[str | int, ...]) -> Position:
        document, at = self.layers.locate(path)
        line, column = document.position(at)
        return Position(file=document.file, line=line, column=column)

    def at(self, path: tuple[str | int, ...], relative_to: tuple[str | int, ...]) -> str:
        """'line N', or 'FILE line N' when `path` was written in another file than `relative_to`."""
        there, here = self.where(path), self.where(relative_to)
        if there.file == here.file:
            return messages.text("catalogue.at-line", line=there.line)
        return messages.text("catalogue.at-file-line", file=there.file, line=there.line)

    def from_overlay(self, path: tuple[str | int, ...]) -> bool:
        return self.layers.locate(path)[0] is not self.layers.first

    def add(self, path: tuple[str | int, ...], message: str, hint: str | None = None) -> None:
        document, at = self.layers.locate(path)
        self.problems.append(document.problem(at, message, hint))


def _check_names(
    checker: _Checker,
    entries: list[dict[str, Any]],
    list_name: str,
    key_of: Any,
    overlap: Any,
) -> None:
    """An id defined twice, or a name (after normalisation) claimed by two entries."""
    first_id: dict[str, int] = {}
    claimed: dict[str, list[tuple[int, str]]] = {}
    for index, entry in enumerate(entries):
        entry_id = str(entry["id"])
        if entry_id in first_id:
            line = checker.at((list_name, first_id[entry_id], "id"), (list_name, index, "id"))
            checker.add(
                (list_name, index, "id"),
                messages.text("catalogue.id-used", id=entry_id, where=line),
                hint=messages.text("catalogue.id-used-hint"),
            )
        else:
            first_id[entry_id] = index
        names = [("name", str(entry["name"]))] + [
            (("aliases", n), str(a)) for n, a in enumerate(entry.get("aliases") or [])
        ]
        own: set[str] = set()
        for field, written in names:
            path = (list_name, index, *(field if isinstance(field, tuple) else (field,)))
            key = key_of(written)
            if not key:
                checker.add(path, messages.text("catalogue.no-letters", name=written))
                continue
            if key in own:
                continue  # the same name twice in one entry: harmless
            own.add(key)
            for other_index, other_written, other_path in claimed.get(key, []):
                if overlap(entries[other_index], entry):
                    here, there, that, said = path, other_path, entries[other_index], (written, other_written)
                    if checker.from_overlay(other_path) and not checker.from_overlay(path):
                        # the clash comes from what an overlay added: report it there
                        here, there, that, said = other_path, path, entry, (other_written, written)
                    line = checker.at((list_name, there[1], "id"), here)
                    checker.add(
                        here,
                        messages.text("catalogue.name-claimed", name=said[0], other=that["id"], written=said[1], where=line),
                        hint=messages.text("catalogue.name-claimed-hint"),
                    )
            claimed.setdefault(key, []).append((index, written, path))


def _domains(layers: _Layered) -> tuple[list[Domain], list[Problem]]:
    checker = _Checker(layers)
    entries = layers.entries
    _check_names(
        checker,
        entries,
        "domains",
        _domain_key,
        lambda a, b: str(a["kind"]) == str(b["kind"]),
    )
    domains: list[Domain] = []
    for index, entry in enumerate(entries):
        domain_id = str(entry["id"])
        if not domain_id.startswith(f"{entry['kind']}."):
            checker.add(
                ("domains", index, "id"),
                messages.text("catalogue.id-kind", id=domain_id, kind=entry["kind"]),
            )
        domains.append(
            Domain(
                id=domain_id,
                kind=Kind(str(entry["kind"])),
                name=str(entry["name"]),
                aliases=tuple(str(a) for a in entry.get("aliases") or []),
                note=_text(entry.get("note")),
                position=checker.where(("domains", index)),
            )
        )
    return domains, checker.problems


def _indicators(layers: _Layered, domains: list[Domain]) -> tuple[list[Indicator], list[Problem]]:
    from compliance.units import compatible, normalise_unit

    checker = _Checker(layers)
    entries = layers.entries
    _check_names(
        checker,
        entries,
        "indicators",
        normalise_name,
        lambda a, b: bool(set(IndicatorKind(str(a["kind"])).kinds) & set(IndicatorKind(str(b["kind"])).kinds)),
    )
    domain_kind = {d.id: d.kind for d in domains}
    ids = {str(entry["id"]) for entry in entries}
    by_id = {str(entry["id"]): entry for entry in entries}
    indicators: list[Indicator] = []
    for index, entry in enumerate(entries):
        here = ("indicators", index)
        kind = IndicatorKind(str(entry["kind"]))
        quantity = Quantity(str(entry["quantity"]))
        better = Better(str(entry["better"]))

        # domain: one per kind the indicator covers, each of that kind
        raw_domain = entry["domain"]
        pairs: list[tuple[Kind, str, tuple[str | int, ...]]] = []
        if isinstance(raw_domain, dict):
            for plan_kind, domain_id in raw_domain.items():
                pairs.append((Kind(str(plan_kind)), str(domain_id), (*here, "domain", str(plan_kind))))
            missing = [k.value for k in kind.kinds if k.value not in raw_domain]
            if missing:
                checker.add(
                    (*here, "domain"),
                    messages.text("catalogue.domain-missing-for", kinds=[_kind_word(k) for k in missing], kind=kind),
                    hint=messages.text("catalogue.domain-missing-for-hint"),
                )
        else:
            if kind is IndicatorKind.BOTH:
                checker.add(
                    (*here, "domain"),
                    messages.text("catalogue.both-needs-domains"),
                    hint=messages.text("catalogue.both-needs-domains-hint"),
                )
            pairs.append((kind.kinds[0], str(raw_domain), (*here, "domain")))
        for plan_kind, domain_id, path in pairs:
            if domain_id not in domain_kind:
                checker.add(
                    path, messages.text("catalogue.unknown-domain", id=domain_id),
                    hint=messages.text("catalogue.unknown-domain-hint"),
                )
            elif domain_kind[domain_id] is not plan_kind:
                checker.add(
                    path,
                    messages.text(
                        "catalogue.domain-of-kind",
                        id=domain_id,
                        domain_kind=_kind_word(domain_kind[domain_id]),
                        kind=_kind_word(plan_kind),
                    ),
                )
            if not kind.covers(plan_kind):
                checker.add(path, messages.text("catalogue.domain-for-kind", plan_kind=_kind_word(plan_kind), kind=kind))

        # unit: known, canonical, and of the quantity's kind
        unit = str(entry["unit"])
        try:
            canonical = normalise_unit(unit)
        except UnitError as error:
            checker.add((*here, "unit"), str(error))
        else:
            if canonical != unit:
                checker.add(
                    (*here, "unit"),
                    messages.text("catalogue.unit-not-canonical", unit=unit),
                    hint=messages.text("catalogue.unit-not-canonical-hint", canonical=canonical),
                )
            reference = _REFERENCE_UNIT[quantity]
            if quantity in _EXACT_UNIT and canonical != reference:
                checker.add(
                    (*here, "unit"),
                    messages.text("catalogue.quantity-unit", quantity=quantity, reference=reference, unit=unit),
                )
            elif not compatible(canonical, reference):
                checker.add(
                    (*here, "unit"),
                    messages.text("catalogue.unit-measures", unit=unit, quantity=quantity, reference=reference),
                )

        # plausible range and band
        low, high = (Decimal(str(bound)) for bound in entry["plausible"])
        if low > high:
            checker.add(
                (*here, "plausible"),
                messages.text("catalogue.plausible-order", low=low, high=high),
                hint=messages.text("catalogue.plausible-order-hint"),
            )
        tolerance = entry.get("band_tolerance")
        if better is Better.BAND and tolerance is None:
            checker.add((*here, "better"), messages.text("catalogue.band-needs-tolerance"))
        if better is not Better.BAND and tolerance is not None:
            checker.add((*here, "band_tolerance"), messages.text("catalogue.tolerance-only-band", better=better))

        # links to other indicators
        for link in ("proxy_for", "inverse_of"):
            target = entry.get(link)
            if target is None:
                continue
            if str(target) not in ids:
                checker.add((*here, link), messages.text("catalogue.unknown-indicator", id=target))
            elif str(target) == str(entry["id"]):
                checker.add((*here, link), messages.text("catalogue.own-link", link=link))
            elif link == "inverse_of" and str(by_id[str(target)].get("inverse_of")) != str(entry["id"]):
                checker.add(
                    (*here, link),
                    messages.text("catalogue.not-reciprocal", target=target, id=entry["id"]),
                    hint=messages.text("catalogue.not-reciprocal-hint"),
                )

        indicators.append(
            Indicator(
                id=str(entry["id"]),
                kind=kind,
                name=str(entry["name"]),
                aliases=tuple(str(a) for a in entry.get("aliases") or []),
                domains=tuple((plan_kind, domain_id) for plan_kind, domain_id, _ in pairs),
                quantity=quantity,
                unit=unit,
                better=better,
                plausible=(low, high),
                band_tolerance=Decimal(str(tolerance)) if tolerance is not None else None,
                proxy_for=_text(entry.get("proxy_for")),
                inverse_of=_text(entry.get("inverse_of")),
                note=_text(entry.get("note")),
                position=checker.where(here),
            )
        )
    return indicators, checker.problems


def _kind_word(kind: object) -> messages.Message:
    """women → 妇女 / women's, for messages."""
    return messages.msg(f"term.kind.{getattr(kind, 'value', kind)}")


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
