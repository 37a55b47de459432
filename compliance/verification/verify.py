"""A reference plan against an official text (`compliance targets verify REF DOC`).

For each target of the reference: is its clause in the text (the words that
state it, found whatever the punctuation, white space or full/half width), and
does the text state the same value? A clause not found is looked for by its
indicator among the targets extraction reads from the text. Each target is then
`confirmed`, `disagrees` (the text states it otherwise: what it says is kept,
the reference's value never changes) or `not-found`; the text's targets that
the reference lacks are listed too.

`apply_verification` writes the outcome into the reference file, keeping its
comments and layout (ruamel.yaml): confirmed targets become `verified: true`
with the document as evidence, disagreements are recorded under the target's
`disagreements`, and the plan's `last_verified` says when and against what.
"""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from compliance.errors import InputError
from compliance.model import Plan, Target, TargetValue
from compliance.verification.files import OfficialDocument

Status = Literal["confirmed", "disagrees", "not-found"]

# kept when texts are compared: they carry values (12.5, 12/10万, 95%, 5‰, <7, ≥90, 2:3, 1-2)
_KEEP = set("%‰/.<>≤≥=＜＞~～:-+")


@dataclass(frozen=True)
class TargetCheck:
    """One reference target against the text."""

    target: Target
    status: Status
    found_by: Literal["clause", "indicator"] | None = None
    line: int | None = None  # where the text states it
    locator: str | None = None
    words: str | None = None  # the text's words
    stated: TargetValue | None = None  # what the text states, when it could be read


@dataclass
class Verification:
    """A reference plan checked against one official text."""

    reference: Plan
    document: OfficialDocument
    checks: list[TargetCheck]
    only_in_text: list[Target] = field(default_factory=list)  # the text's targets the reference lacks

    def of(self, status: Status) -> list[TargetCheck]:
        return [c for c in self.checks if c.status == status]

    @property
    def disagreements(self) -> list[TargetCheck]:
        return self.of("disagrees")


def normalised(text: str) -> str:
    """Text compared for quotes: NFKC (full width folded), no white space, no punctuation but what values use."""
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        if ch.isspace():
            continue
        if unicodedata.category(ch)[0] in "PZ" and ch not in _KEEP:
            continue
        out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class _Text:
    """The document's lines run together (normalised), with where each character stands in its line."""

    joined: str
    places: list[tuple[int, int]]  # (line number, offset in that line's text) of each character of `joined`
    lines: dict[int, Any]  # compliance.reading.Line by number
    document: Any  # compliance.reading.Document: its locators

    @classmethod
    def read(cls, path: Path, encoding: str | None) -> _Text:
        from compliance.reading import read_document

        document = read_document(path, encoding)
        pieces: list[str] = []
        places: list[tuple[int, int]] = []
        lines: dict[int, Any] = {}
        for line in document.lines:
            lines[line.number] = line
            for offset, ch in enumerate(line.text):
                kept = normalised(ch)
                pieces.append(kept)
                places.extend([(line.number, offset)] * len(kept))
        return cls("".join(pieces), places, lines, document)

    def find(self, quote: str) -> _Found | None:
        """Where the quote stands and the document's own words, whatever its punctuation or width; None if absent."""
        key = normalised(quote)
        if len(key) < 4:
            return None
        at = self.joined.find(key)
        if at < 0:
            return None
        (first, start), (last, end) = self.places[at], self.places[at + len(key) - 1]
        if first == last:
            words = self.lines[first].text[start : end + 1]
        else:
            middle = [self.lines[n].text.strip() for n in range(first + 1, last) if n in self.lines]
            words = "".join([self.lines[first].text[start:].strip(), *middle, self.lines[last].text[: end + 1].strip()])
        # the printed line the quote starts on (a PDF paragraph spans several), and how the format names it
        number = self.lines[first].number_at(start)
        locator = self.document.locate(number) or f"第{number}行"
        return _Found(number, locator, words, first, last)


@dataclass(frozen=True)
class _Found:
    """A clause found in the document: where (its number and the document's own locator) and its words."""

    line: int
    locator: str
    words: str
    first: int  # the document lines it spans
    last: int


def clause_of(target: Target) -> str | None:
    """The words of the target's `text` that state this target (the parser's quote), else the whole text."""
    from compliance.phrases import parse

    text = target.text
    if not text:
        return None
    try:
        parsed = parse(text)
    except Exception:  # noqa: BLE001 - a sentence the parser cannot read is compared whole
        return text
    same = [p for p in parsed if _same_value(p.to_target_value(), target.target)]
    named = [p for p in same if _same_indicator(p.indicator or "", target.indicator)]
    chosen = named or same
    if len(chosen) >= 1:
        return chosen[0].quote
    return text


def verify_reference(
    reference: Plan,
    document: Path | str,
    *,
    source_url: str | None = None,
    encoding: str | None = None,
) -> Verification:
    """Check every target of `reference` against the official text in `document` (any format extraction reads)."""
    official = OfficialDocument.of(document, source_url)
    text = _Text.read(Path(document), encoding)
    stated = _text_targets(reference, Path(document), encoding)
    used: set[int] = set()  # the text's targets matched with a reference target by indicator
    same: set[int] = set()  # the text's targets that are a found clause itself, named otherwise
    checks = []
    for target in reference.targets:
        check = _check(target, text, stated, used, same)
        checks.append(check)
    only = [t for i, t in enumerate(stated) if i not in used and i not in same]
    return Verification(reference=reference, document=official, checks=checks, only_in_text=only)


def _text_targets(reference: Plan, document: Path, encoding: str | None) -> list[Target]:
    """The targets extraction reads from the text, as a plan of the reference's kind, level and place."""
    from compliance.extraction import extract

    info = reference.plan
    try:
        plans = extract(
            document,
            kind=info.kind.value,
            level=info.level.value,
            jurisdiction=list(info.jurisdiction),
            period=tuple(info.period),
            encoding=encoding,
        )
    except InputError:
        return []  # a text with no plan structure: clauses are still looked for
    same_kind = [p for p in plans if p.plan.kind == info.kind] or plans
    return [t for plan in same_kind for t in plan.targets]


def _check(target: Target, text: _Text, stated: list[Target], used: set[int], same: set[int]) -> TargetCheck:
    clause = clause_of(target)
    found = text.find(clause) if clause else None
    if found is not None:
        value = _read(found.words, target)
        words = normalised(found.words)
        for index, other in enumerate(stated):
            if other.line is None or not found.first <= other.line <= found.last:
                continue
            if _same_indicator(other.indicator, target.indicator):
                used.add(index)
            elif _same_value(other.target, target.target) and normalised(clause_of(other) or "") in words:
                same.add(index)  # the same statement, named otherwise (城乡、区域差距 for 孕产妇死亡率城乡、区域差距)
        status: Status = "confirmed" if value is None or _same_value(value, target.target) else "disagrees"
        return TargetCheck(target, status, "clause", found.line, found.locator, found.words, value)
    candidates = [
        (index, other)
        for index, other in enumerate(stated)
        if index not in used and _same_indicator(other.indicator, target.indicator) and _same_year(other, target)
    ]
    if not candidates:
        return TargetCheck(target, "not-found")
    agreeing = [(i, o) for i, o in candidates if _same_value(o.target, target.target)]
    index, other = (agreeing or candidates)[0]
    used.add(index)
    status: Status = "confirmed" if agreeing else "disagrees"
    return TargetCheck(target, status, "indicator", other.line, other.locator, other.text, other.target)


def _read(words: str, target: Target) -> TargetValue | None:
    """What the document's words state for this target's indicator (None when they cannot be read)."""
    from compliance.phrases import parse

    try:
        parsed = parse(words)
    except Exception:  # noqa: BLE001
        return None
    named = [p for p in parsed if _same_indicator(p.indicator or "", target.indicator)]
    if len(named) == 1:
        return named[0].to_target_value()
    same = [p for p in parsed if _same_value(p.to_target_value(), target.target)]
    if same:
        return same[0].to_target_value()
    # A number in the words of a qualitative target belongs to another target (减少艾滋病…母婴传播，
    # 艾滋病母婴传播率下降到2%以下), and a target with a number is not stated by words without one.
    alike = [p for p in parsed if p.to_target_value().is_numeric == target.target.is_numeric]
    if len(alike) == 1 and len(parsed) == 1:
        return alike[0].to_target_value()
    return None


def _same_indicator(a: str, b: str) -> bool:
    from compliance.catalogue import load_catalogue, normalise_name

    if not a or not b:
        return False
    if normalise_name(a) == normalise_name(b):
        return True
    catalogue = load_catalogue()
    found_a, found_b = catalogue.match_indicator(a), catalogue.match_indicator(b)
    return found_a is not None and found_b is not None and found_a.id == found_b.id


def _same_year(a: Target, b: Target) -> bool:
    return a.year is None or b.year is None or a.year == b.year


def _same_value(a: TargetValue, b: TargetValue) -> bool:
    """The same op and the same value in comparable units (3‰ is 0.3%), or the same direction for a qualitative one."""
    if a.op != b.op or a.masked or b.masked:
        return False
    if a.value is None or b.value is None:
        return a.value is None and b.value is None and a.direction == b.direction
    if (a.base_year or b.base_year) and a.base_year != b.base_year:
        return False
    if (a.unit or None) == (b.unit or None):
        return a.value == b.value and a.value_max == b.value_max
    try:
        from compliance.units import as_fraction, convert

        return convert(as_fraction(a.value), a.unit, b.unit) == as_fraction(b.value)
    except Exception:  # noqa: BLE001 - units that cannot be compared are not the same value
        return False


def apply_verification(
    verification: Verification,
    source: Path,
    destination: Path,
    *,
    today: datetime.date | None = None,
    force: bool = False,
) -> dict[str, int]:
    """Write the reference file `source` to `destination` with the verification recorded; counts of what changed.

    Values are never changed. Comments and layout of the file are kept.
    """
    from io import StringIO

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from compliance.messages import text
    from compliance.phrases import render_compact
    from compliance.verification.files import write_new

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(source.read_text(encoding="utf-8"))
    entries = data.get("targets") or []
    if len(entries) != len(verification.checks):
        from compliance.messages import text

        raise InputError.single(str(source), text("build.targets-moved"))
    document = verification.document
    date = (today or datetime.date.today()).isoformat()
    counts = {"upgraded": 0, "evidence_added": 0, "already": 0, "disagreements": 0}
    for entry, check in zip(entries, verification.checks, strict=True):
        if check.status == "confirmed":
            if entry.get("verified") is True and all(e in (entry.get("evidence") or []) for e in document.evidence):
                counts["already"] += 1
                continue
            upgraded = entry.get("verified") is not True
            counts["upgraded" if upgraded else "evidence_added"] += 1
            _set(entry, "verified", True, after=("text", "section", "line", "target"))
            before = entry.get("note")
            if upgraded and before:  # a note that says why it was unverified is history now, and says so
                note = text("reference-file.verified-note", document=document.label, date=date, note=before)
                _set(entry, "note", note, after=("evidence", "verified"))
            evidence = entry.get("evidence")
            if evidence is None:
                evidence = CommentedSeq()
                _set(entry, "evidence", evidence, after=("verified",))
            for item in document.evidence:
                if item not in evidence:
                    evidence.append(item)
        elif check.status == "disagrees":
            records = entry.get("disagreements")
            if records is None:
                records = CommentedSeq()
                _set(entry, "disagreements", records, after=("note", "evidence", "verified"))
            record = CommentedMap()
            record["document"] = document.label
            if check.line is not None:
                record["line"] = check.line
            if check.locator is not None:
                record["locator"] = check.locator
            record["text"] = check.words or ""
            record["stated"] = render_compact(check.stated) if check.stated is not None else "(not read)"
            if not any(dict(r) == dict(record) for r in records):
                record.fa.set_flow_style()
                records.append(record)
            counts["disagreements"] += 1
    plan = data["plan"]
    stamp = CommentedMap()
    stamp["date"] = date
    stamp["against"] = document.label
    stamp.fa.set_flow_style()
    _set(plan, "last_verified", stamp, after=("evidence", "verified", "targets_encoded", "source"))
    stream = StringIO()
    yaml.dump(data, stream)
    text = stream.getvalue()
    from compliance.loading.plans import loads_plan

    loads_plan(text, str(destination))  # what is written always loads
    write_new(destination, text, force=force, inputs=(document.path,))
    return counts


def _set(mapping: Any, key: str, value: Any, after: tuple[str, ...]) -> None:
    """Set `key`, placing a new key after the first of `after` the mapping has (else at the end)."""
    if key in mapping:
        mapping[key] = value
        return
    keys = list(mapping.keys())
    for name in after:
        if name in keys:
            mapping.insert(keys.index(name) + 1, key, value)
            return
    mapping[key] = value
