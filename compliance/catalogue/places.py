"""The gazetteer of China: every province, prefecture-level and county-level division.

A place is its whole path from the province down, so 市中区 of 济南市 is never
市中区 of 枣庄市. Names are looked up in any of the forms documents write them:

    >>> from compliance.catalogue.places import gazetteer
    >>> places = gazetteer()
    >>> places.resolve("南浔区").path
    ('浙江省', '湖州市', '南浔区')
    >>> places.resolve("新平县").place.name
    '新平彝族傣族自治县'
    >>> places.resolve("朝阳区").status                 # 北京 and 长春 both have one
    'ambiguous'
    >>> places.resolve("朝阳区", evidence=["长春市"]).path
    ('吉林省', '长春市', '朝阳区')
    >>> places.resolve(["北京市", "朝阳区"]).place.adcode
    '110105'
    >>> places.resolve("新评县").message                # unknown: the nearest names
    "'新评县' is not a place in the gazetteer; did you mean 新平县 (云南省/玉溪市/新平彝族傣族自治县)?"

Forms of a name, best first (a resolution keeps only the best form found among the
places that fit the evidence, and says "ambiguous" when that still leaves several):

0. the official name (新平彝族傣族自治县) or an alias in `rules/place-aliases.yaml` (博州);
1. a short form with its suffix: an autonomous area without its peoples (新平县, 红河州);
2. a province's name without its suffix (浙江, 新疆) — 吉林 is the province, 吉林市 the city;
3. any other name without its suffix (南浔, 新平, 红河: 红河州 and 红河县 both);
4. a former name, only in the older table (沙县 before it became 沙县区).

Municipalities hold their districts and counties directly (北京市/朝阳区, 重庆市/城口县);
a county-level unit under the province (省直辖, 自治区直辖: 湖北省/仙桃市,
新疆维吾尔自治区/石河子市) hangs from it directly too.

The data, `rules/gazetteer.tsv`, is generated once from the division tables cpca
packages ship (source, licence, version and date in its header) by
`tools/build_gazetteer.py`; nothing is read until `gazetteer()` is first called,
and loading takes a few milliseconds (`python bench/gazetteer.py`).
"""

from __future__ import annotations

import gc
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

from compliance.errors import InputError, Problem
from compliance.messages import Message, language, msg

LEVELS = ("provincial", "municipal", "county")
Status = Literal["found", "ambiguous", "unknown", "contradictory"]

# the forms of a name, best first (see the module's docstring)
OFFICIAL, SUFFIXED, PROVINCE_BARE, BARE, FORMER = range(5)

_LONGEST_PATH = 40  # characters: longer text is not split into names (it is not a place)

# what a name without a known form may end with, longest first (short_name of an unknown place)
_GENERIC_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "地区", "省", "市", "县", "区", "盟", "旗")


class Place(NamedTuple):
    """One division: its official name, adcode (6 digits), level and path from the province down."""

    name: str
    adcode: str
    level: str  # provincial | municipal | county
    path: tuple[str, ...]
    codes: tuple[str, ...]  # the adcodes along `path`
    former: bool = False  # a name only the older table has (see rules/gazetteer.tsv)

    def within(self, other: Place) -> bool:
        """Is this place `other` or below it?"""
        return self.codes[: len(other.codes)] == other.codes

    def __str__(self) -> str:
        return "/".join(self.path)


class Suggestion(NamedTuple):
    """A place offered in a did-you-mean, with the form of its name nearest what was written."""

    form: str
    place: Place

    def localize(self, lang: str) -> str:
        if self.form == self.place.name:
            return str(self.place)
        return msg("place.with-form", form=self.form, place=str(self.place)).render(lang)

    def __str__(self) -> str:
        return self.localize(language())


@dataclass(frozen=True)
class Resolution:
    """What a written name or path resolves to: one place, several, none, or places that do not nest."""

    written: tuple[str, ...]
    status: Status
    place: Place | None = None
    candidates: tuple[Place, ...] = ()  # ambiguous: the places it could be; contradictory: the last part's
    suggestions: tuple[Suggestion, ...] = ()  # unknown: the nearest names
    unknown: str | None = None  # unknown: the part nobody knows
    reason: Message | None = None  # contradictory: which parts disagree

    @property
    def found(self) -> bool:
        return self.status == "found"

    @property
    def path(self) -> tuple[str, ...] | None:
        """The canonical path when found (the empty path is the nation), else None."""
        if self.status != "found":
            return None
        return self.place.path if self.place else ()

    @property
    def message(self) -> str:
        """The resolution in a sentence a user can act on, in the current language."""
        return str(self.text)

    @property
    def text(self) -> Message:
        """The resolution as a message of the catalogues (rules/messages/, section `place`)."""
        written = "/".join(self.written)
        if self.status == "found":
            return msg("place.found", written=written, place=str(self.place) if self.place else msg("place.nation"))
        if self.status == "ambiguous":
            return msg("place.ambiguous", written=written, candidates=_listing(self.candidates), example=str(self.candidates[0]))
        if self.status == "unknown":
            if self.suggestions:
                return msg("place.unknown-suggest", name=self.unknown, suggestions=_listing(self.suggestions))
            return msg("place.unknown", name=self.unknown)
        return msg("place.contradictory", written=written, reason=self.reason)


def _listing(items: Sequence[object]) -> Message:
    """A, B or C (and 3 more)."""
    shown = [item if isinstance(item, Suggestion) else str(item) for item in items[:6]]
    listed = msg("place.either", first=shown[:-1], last=shown[-1]) if len(shown) > 1 else msg("place.one", item=shown[0])
    return msg("place.more", listing=listed, count=len(items) - 6) if len(items) > 6 else listed


@dataclass
class Gazetteer:
    """Every place, and the index of the forms its name is written in."""

    rows: list[list[str]]  # the table's cells, one row per place; a Place is built when first asked for
    index: dict[str, list[int]]  # written form -> row * 8 + how good a form it is (OFFICIAL … FORMER)
    row_of_code: dict[str, int]  # adcode -> row of the current place
    source: str = ""
    _built: dict[int, Place] = field(default_factory=dict, repr=False)
    _normalised: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, repr=False)
    _forms: dict[int, list[tuple[str, int]]] = field(default_factory=dict, repr=False)

    def _place(self, row: int) -> Place:
        place = self._built.get(row)
        if place is None:
            code, name, level, parent_code = self.rows[row][:4]
            former = len(self.rows[row]) > 7 and self.rows[row][7] == "former"
            if parent_code:
                parent = self._place(self.row_of_code[parent_code])
                place = Place(name, code, level, (*parent.path, name), (*parent.codes, code), former)
            else:
                place = Place(name, code, level, (name,), (code,), former)
            self._built[row] = place
        return place

    @property
    def places(self) -> list[Place]:
        """Every place, current and former, in the table's order."""
        return [self._place(row) for row in range(len(self.rows))]

    # -- looking up ---------------------------------------------------------------------------
    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place `name` can be (any form), best form first; () when none."""
        return tuple(place for place, _ in self._matches(name))

    def _matches(self, name: str) -> list[tuple[Place, int]]:
        best: dict[int, int] = {}
        for entry in self.index.get(clean(name), ()):
            row, tier = divmod(entry, 8)
            if tier < best.get(row, FORMER + 1):
                best[row] = tier
        return sorted(((self._place(row), tier) for row, tier in best.items()), key=lambda pt: (pt[1], pt[0].codes))

    def place(self, adcode: str) -> Place | None:
        """The current place of an adcode (6 digits, or 12 with trailing zeros)."""
        row = self.row_of_code.get(adcode.strip()[:6])
        return None if row is None else self._place(row)

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places)

    def __len__(self) -> int:
        return len(self.rows)

    # -- resolving ----------------------------------------------------------------------------
    def resolve(
        self,
        written: str | Sequence[str],
        *,
        evidence: Iterable[str | Sequence[str]] = (),
        level: str | None = None,
    ) -> Resolution:
        """One place for a name or a path, using what else the document says.

        `written` is a name (南浔区), a path (["山东省", "济南市", "市中区"] or "山东省/济南市/市中区")
        or a name with its parents run together (济南市市中区). Every part must fit: each names the
        place or a place above it. `level` (provincial, municipal, county) must fit too. `evidence`
        — other places the document names: a parent plan's place, the issuing body — only chooses
        among places that fit; evidence that fits none is ignored, never forced.
        """
        return self._resolve(written, evidence, level, suggest=True)

    def _resolve(
        self, written: str | Sequence[str], evidence: Iterable[str | Sequence[str]], level: str | None, suggest: bool
    ) -> Resolution:
        """`resolve`; with suggest=False an unknown name gets no did-you-mean (evidence needs none,
        and finding one imports pypinyin's dictionaries: a quarter of a cold check of a document)."""
        parts = self.parts(written)
        if not parts:
            return Resolution((), "found")
        matches = [self._matches(part) for part in parts]
        for part, found in zip(parts, matches, strict=True):
            if not found:
                suggestions = self.suggest(part) if suggest else ()
                return Resolution(tuple(parts), "unknown", unknown=part, suggestions=suggestions)
        candidates = matches[-1]
        fitting = [
            (place, tier)
            for place, tier in candidates
            if all(any(place.within(above) for above, _ in found) for found in matches[:-1])
        ]
        if not fitting:
            return Resolution(
                tuple(parts),
                "contradictory",
                candidates=tuple(p for p, _ in candidates),
                reason=_why_apart(parts, matches),
            )
        if level is not None:
            at_level = [(p, t) for p, t in fitting if p.level == level]
            if not at_level:
                levels = sorted({p.level for p, _ in fitting}, key=LEVELS.index)
                return Resolution(
                    tuple(parts),
                    "contradictory",
                    candidates=tuple(p for p, _ in fitting),
                    reason=msg(
                        "place.wrong-level",
                        places=_listing([p for p, _ in fitting]),
                        levels=[msg(f"term.level.{lv}") for lv in levels],
                        level=msg(f"term.level.{level}"),
                    ),
                )
            fitting = at_level
        support = self._evidence(evidence)
        if support:
            # the places the most pieces of evidence agree with (a piece agrees when one place holds the other)
            counts = [sum(any(p.within(e) or e.within(p) for e in piece) for piece in support) for p, _ in fitting]
            if max(counts) > 0:
                fitting = [pt for pt, count in zip(fitting, counts, strict=True) if count == max(counts)]
        best = min(tier for _, tier in fitting)
        chosen = [p for p, t in fitting if t == best]
        if len(chosen) == 1:
            return Resolution(tuple(parts), "found", place=chosen[0])
        return Resolution(tuple(parts), "ambiguous", candidates=tuple(chosen))

    def _evidence(self, evidence: Iterable[str | Sequence[str]]) -> list[tuple[Place, ...]]:
        """Each piece of evidence as the places it can be (one, or an ambiguous name's candidates)."""
        pieces: list[tuple[Place, ...]] = []
        for item in evidence:
            parts = self.parts(item)
            if parts:
                resolution = self._resolve(parts, (), None, suggest=False)
                found = (resolution.place,) if resolution.place is not None else resolution.candidates
                if found:
                    pieces.append(found)
        return pieces

    def parts(self, written: str | Sequence[str]) -> list[str]:
        """The parts of a written path: "云南省/玉溪市/新平县", a list, or 济南市市中区 split by known names."""
        if isinstance(written, str):
            text = clean(written.replace("／", "/"))
            pieces = [p for p in text.split("/") if p]
            if len(pieces) == 1 and pieces[0] not in self.index and len(pieces[0]) <= _LONGEST_PATH:
                return self.split(pieces[0]) or pieces
            return pieces
        return [c for c in (clean(str(p)) for p in written) if c]

    def split(self, text: str) -> list[str] | None:
        """济南市市中区 → [济南市, 市中区]; 浙江省湖州市南浔区 → three parts; None unless every part is a known name.

        The split with the fewest parts wins, and only a split whose parts nest (each within the one
        before) is taken: 南山区 is one name, not 南山 + 区.
        """
        text = clean(text)
        best: list[str] | None = None
        for parts in self._splits(text, depth=0):
            if self._nests(parts) and (best is None or len(parts) < len(best)):
                best = parts
        return best

    def _splits(self, text: str, depth: int) -> Iterator[list[str]]:
        if text in self.index:
            yield [text]
        if depth >= 3:
            return
        for cut in range(2, len(text) - 1):
            head = text[:cut]
            if head in self.index:
                for rest in self._splits(text[cut:], depth + 1):
                    yield [head, *rest]

    def _nests(self, parts: list[str]) -> bool:
        return self.resolve(parts).status in ("found", "ambiguous")

    def suggest(self, name: str, limit: int = 3) -> tuple[Suggestion, ...]:
        """The places whose names are nearest `name`, for a did-you-mean.

        Candidates are the forms nearest in characters (rapidfuzz); they are ranked by
        characters and sound together (pypinyin), since a typed typo is most often a
        character that sounds the same: 新评县 → 新平县, 巴里昆 → 巴里坤.
        """
        from pypinyin import lazy_pinyin
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        query = clean(name)
        nearest = process.extract(
            query, list(self.index), scorer=Levenshtein.normalized_similarity, limit=60, score_cutoff=0.3
        )
        sound = lazy_pinyin(query)
        scored = sorted(
            ((score + Levenshtein.normalized_similarity(sound, lazy_pinyin(form)), form) for form, score, _ in nearest),
            key=lambda hit: (-hit[0], abs(len(hit[1]) - len(query)), hit[1]),
        )
        chosen: list[Suggestion] = []
        for total, form in scored:
            if total < 1.2:  # neither looks nor sounds alike
                break
            for place, tier in self._matches(form):
                if tier != FORMER and all(s.place != place for s in chosen):
                    chosen.append(Suggestion(form, place))
            if len(chosen) >= limit:
                break
        return tuple(chosen[:limit])

    # -- what the reference library and the checks ask -----------------------------------------
    def normalise(self, jurisdiction: Sequence[str]) -> tuple[str, ...]:
        """The canonical path of a written one; what is not one known place keeps its known beginning.

        [嘉兴市] → (浙江省, 嘉兴市); [浙江, 某县] → (浙江省, 某县); [市中区] (ambiguous) → (市中区,).
        """
        key = tuple(jurisdiction)
        if key not in self._normalised:
            parts = self.parts(list(jurisdiction))
            resolution = self.resolve(parts) if parts else None
            if resolution is None:
                result: tuple[str, ...] = ()
            elif resolution.place is not None:
                result = resolution.place.path
            elif len(parts) > 1:
                result = self.normalise(parts[:-1]) + (parts[-1],)
            else:
                result = (parts[0],)
            self._normalised[key] = result
        return self._normalised[key]

    def same_place(self, a: Sequence[str], b: Sequence[str]) -> bool:
        return self.normalise(a) == self.normalise(b)

    def contains(self, outer: Sequence[str], inner: Sequence[str]) -> bool:
        """Is `inner` at or below `outer`? The empty path (the nation) contains everything."""
        outer_path, inner_path = self.normalise(outer), self.normalise(inner)
        return inner_path[: len(outer_path)] == outer_path

    def short_name(self, name: str) -> str:
        """How a place shows in a title: 湖南省 → 湖南, 新平彝族傣族自治县 → 新平; an unknown name loses its suffix."""
        text = clean(name)
        resolution = self.resolve([text])
        if resolution.place is not None:
            bare = [form for form, tier in self.forms(resolution.place) if tier in (PROVINCE_BARE, BARE)]
            if bare:
                return min(bare, key=len)
        for suffix in _GENERIC_SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                return text[: -len(suffix)]
        return text

    def forms(self, place: Place) -> list[tuple[str, int]]:
        """Every form `place` is written in, with how good a form each is (OFFICIAL … FORMER)."""
        if not self._forms:
            for form, entries in self.index.items():
                for entry in entries:
                    row, tier = divmod(entry, 8)
                    self._forms.setdefault(row, []).append((form, tier))
        row = self.row_of_code.get(place.adcode)
        if row is None or self._place(row) != place:  # a former place: its own row
            row = next((r for r, built in self._built.items() if built == place), None)
        return sorted(self._forms.get(row, []) if row is not None else [], key=lambda ft: ft[1])


def _why_apart(parts: list[str], matches: list[list[tuple[Place, int]]]) -> Message:
    last = parts[-1]
    where = sorted({"/".join(p.path[:-1]) or p.name for p, _ in matches[-1]})
    for part, found in zip(parts[:-1], matches[:-1], strict=True):
        if not any(p.within(a) for p, _ in matches[-1] for a, _ in found):
            return msg("place.not-within", place=last, parent=part, where=where)
    return msg("place.not-nested", written="/".join(parts))


def clean(name: str) -> str:
    """A written name as the index keys it: NFKC (full width folded), no white space."""
    return "".join(unicodedata.normalize("NFKC", name).split())


@cache
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, read on first use and kept."""
    from compliance.resources import rules_file

    return load_gazetteer(rules_file("gazetteer.tsv"), rules_file("place-aliases.yaml"))


@cache
def load_gazetteer(table: Path, aliases: Path | None = None) -> Gazetteer:
    """A gazetteer from a table in the format of `rules/gazetteer.tsv` and an aliases file.

    Kept in the content-hashed cache: reading the table's 3,000 rows costs a cold check more than unpickling them.
    """
    from compliance.cache import cached

    sources = [table] if aliases is None else [table, aliases]
    return cached("gazetteer", sources, lambda: _built(table, aliases))


def _built(table: Path, aliases: Path | None) -> Gazetteer:
    collecting = gc.isenabled()
    gc.disable()  # thousands of small lists: the cyclic collector would scan every object of the process each time
    try:
        return _read_table(table, aliases)
    finally:
        if collecting:
            gc.enable()


def _read_table(table: Path, aliases: Path | None) -> Gazetteer:
    rows: list[list[str]] = []
    index: defaultdict[str, list[int]] = defaultdict(list)
    row_of_code: dict[str, int] = {}
    source: list[str] = []
    for number, line in enumerate(table.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line[0] == "#":
            source.append(line[1:].strip())
            continue
        cells = line.split("\t")
        row = len(rows) * 8
        if len(cells) < 4 or cells[2] not in LEVELS or (cells[3] and cells[3] not in row_of_code):
            raise InputError.single(
                str(table), str(msg("place.bad-row", row=line[:60])), line=number, hint=str(msg("place.bad-row-hint"))
            )
        rows.append(cells)
        if len(cells) > 7 and cells[7] == "former":
            for form in " ".join(cells[1:2] + cells[4:6]).split():
                index[form].append(row + FORMER)
            continue
        row_of_code[cells[0]] = len(rows) - 1
        index[cells[1]].append(row)  # + OFFICIAL
        if len(cells) > 4 and cells[4]:
            for form in cells[4].split(" "):
                index[form].append(row + SUFFIXED)
        if len(cells) > 5 and cells[5]:
            tier = row + (PROVINCE_BARE if cells[2] == "provincial" else BARE)
            for form in cells[5].split(" "):
                index[form].append(tier)
        if len(cells) > 6 and cells[6]:
            for form in cells[6].split(" "):
                index[form].append(row + FORMER)
    gazetteer = Gazetteer(rows, dict(index), row_of_code, source="\n".join(s for s in source if s))
    if aliases is not None and aliases.is_file():
        _add_aliases(gazetteer, aliases)
    return gazetteer


def _add_aliases(gazetteer: Gazetteer, path: Path) -> None:
    """Names documents use that the table's forms do not give (博州); each must name exactly one place."""
    from compliance.loading.yamlfile import read_yaml

    document = read_yaml(path)
    entries = document.data.get("aliases") if isinstance(document.data, dict) else None
    if not isinstance(entries, list):
        raise InputError.single(str(path), str(msg("place.aliases-shape")), line=1)
    problems: list[Problem] = []
    for number, entry in enumerate(entries):
        line, column = document.position(("aliases", number))
        if not isinstance(entry, dict) or not entry.get("alias") or not entry.get("place"):
            problems.append(Problem(str(path), str(msg("place.alias-fields")), line=line, column=column))
            continue
        resolution = gazetteer.resolve(str(entry["place"]))
        if resolution.place is None:
            problems.append(Problem(str(path), resolution.message, line=line, column=column))
            continue
        row = gazetteer.row_of_code[resolution.place.adcode]
        gazetteer.index.setdefault(clean(str(entry["alias"])), []).append(row * 8 + OFFICIAL)
    if problems:
        raise InputError(problems)


def checked_jurisdiction(
    written: str | Sequence[str],
    level: str | None = None,
    *,
    source: str = "--jurisdiction",
    allow_unknown: bool = False,
) -> tuple[str, ...]:
    """A jurisdiction a user gave (`--jurisdiction`, the library's `jurisdiction=`) as its canonical path.

    Ambiguous or contradictory places, and a `level` the place does not have, are an
    InputError naming `source`, with the gazetteer's words; so is an unknown place, with
    its did-you-mean — unless `allow_unknown`, when a path whose end the gazetteer does
    not know (湖北省/武汉市/某某县) keeps it as written after its known beginning, which must fit.
    """
    places = gazetteer()
    parts = places.parts(written)
    if level == "national":
        if parts:
            raise InputError.single(
                source,
                str(msg("place.national-has-none", written="/".join(parts))),
                hint=str(msg("place.national-has-none-hint")),
            )
        return ()
    if not parts:
        if level is not None:
            raise InputError.single(
                source, str(msg("place.needs-one", level=msg(f"term.level.{level}"))), hint=str(msg("place.write-a-path"))
            )
        return ()
    resolution = places.resolve(parts, level=level if level in LEVELS else None)
    if resolution.path is not None:
        return resolution.path
    if resolution.status == "unknown" and allow_unknown:
        known = parts[: parts.index(resolution.unknown)] if resolution.unknown in parts else []
        if not known or places.resolve(known).status in ("found", "ambiguous"):
            return places.normalise(parts)
        resolution = places.resolve(known)
    raise InputError.single(source, resolution.message, hint=str(msg("place.write-a-path")))
