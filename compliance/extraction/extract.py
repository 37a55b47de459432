"""From a plan document to plans: the steps of `compliance.extraction.extract`."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from compliance.errors import InputError
from compliance.extraction import structure as st
from compliance.extraction._rules import fold_digits, squeeze
from compliance.reading import read_document
from compliance.extraction.tables import find_tables, read_table
from compliance.extraction.targets import paragraphs, read_paragraph
from compliance.model import Plan

KINDS = ("women", "children")
LEVELS = ("national", "provincial", "municipal", "county")


def extract(
    path: Path | str,
    *,
    kind: str | None = None,
    jurisdiction: list[str] | tuple[str, ...] | str | None = None,
    level: str | None = None,
    encoding: str | None = None,
    period: tuple[int, int] | None = None,
) -> list[Plan]:
    """The plans a document holds (a notice with two plans gives the women's, then the children's).

    `kind`, `jurisdiction` (a path such as [云南省, 玉溪市, 新平县] or "云南省/玉溪市/新平县"),
    `level` and `period` override what the text says, for every plan found;
    `encoding` overrides the detected encoding of a text file. Raises
    compliance.errors.InputError — and nothing else — for a file that cannot be
    read or a plan whose kind, level or period cannot be told.
    """
    file = str(path)
    if kind is not None and str(kind) not in KINDS:
        raise InputError.single(file, f"unknown kind '{kind}'", hint="use women or children")
    if level is not None and str(level) not in LEVELS:
        raise InputError.single(file, f"unknown level '{level}'", hint="use " + ", ".join(LEVELS))
    if jurisdiction is not None:
        from compliance.catalogue.places import checked_jurisdiction

        jurisdiction = list(checked_jurisdiction(jurisdiction, level, allow_unknown=True))
    document = read_document(path, encoding)
    if not any(line.text.strip() for line in document.lines):
        raise InputError.single(file, "the document is empty", hint="is this the right file?")
    try:
        return _extract(document, file, kind, jurisdiction, level, period)
    except InputError:
        raise
    except RecursionError:
        raise InputError.single(file, "the document is too deeply nested to read") from None


def _extract(
    document: Any,
    file: str,
    kind: str | None,
    jurisdiction: list[str] | tuple[str, ...] | None,
    level: str | None,
    period: tuple[int, int] | None,
) -> list[Plan]:
    from compliance.catalogue import load_catalogue

    catalogue = load_catalogue()
    lines = st.clean(document.lines)
    lines, repeated = st.drop_repeats(lines)
    header, segments = st.split_plans(lines)
    plans: list[Plan] = []
    for segment in segments:
        plan = _plan(segment, header, file, catalogue, kind, jurisdiction, level, period, repeated)
        if plan is not None:
            _locate(plan, document)
            plans.append(plan)
    if len(plans) > 1:  # a title-like line with nothing of a plan after it is no plan
        plans = [p for p in plans if p.targets or p.domains] or plans[:1]
    if not plans:
        raise InputError.single(file, "no plan text found in this document", hint="is this a women's or children's development plan?")
    return plans


def _plan(
    segment: st.Segment,
    header: list[st.Src],
    file: str,
    catalogue: Any,
    kind_override: str | None,
    jurisdiction_override: Any,
    level_override: str | None,
    period_override: tuple[int, int] | None,
    repeated: int,
) -> Plan | None:
    notes: list[str] = []
    # kind: from the body (domain headings), then the title
    heading_kinds = []
    for line in segment.lines:
        if line.cells is None:
            heading = st.classify(line.text, None, None)
            if heading is not None and heading.type == "domain":
                found = st._subject_kind(squeeze(heading.value))
                if found:
                    heading_kinds.append(found)
    kind = kind_override or st.body_kind(segment, heading_kinds)
    if kind is None:
        raise InputError.single(
            file,
            "cannot tell whether this is a women's or a children's plan",
            hint="give --kind women or --kind children (library: kind=...)",
        )
    title = segment.title
    if title is not None and segment.title_kind is not None and segment.title_kind != kind:
        own = st.self_title(segment, kind)
        notes.append(
            f"the heading on line {segment.title_line} reads “{title}” but the text is a "
            f"{'women' if kind == 'women' else 'children'}'s plan" + (f" and names itself 《{own}》" if own else "")
        )
        title = own or title
    if title is None:
        title = st.self_title(segment, kind) or _first_text(segment) or Path(file).stem
    title = fold_digits("".join(title.split()) if len(title) < 80 else title.strip())
    # period
    period = period_override or st.period_of(title, segment, header)
    if period is None:
        raise InputError.single(
            file,
            f"cannot tell the period of the plan “{title}”",
            hint="the text names no 规划期限, year range or five-year plan; give --period 2021-2025 (library: period=(2021, 2025))",
        )
    # structure: tables, sections, domains
    tables = find_tables(segment.lines, period)
    table_lines: set[int] = set()
    for table in tables:
        table_lines |= table.indices
    st.resolve_items(segment.lines, table_lines)
    layout = st.walk(segment.lines, kind, table_lines, catalogue)
    notes += layout.notes
    domains = list(layout.domains)
    targets: list[dict[str, Any]] = []
    unparsed: list[dict[str, Any]] = []
    # tables come in document order with the text
    entries: list[tuple[int, int, dict[str, Any]]] = []  # (line, order, target)
    order = 0
    for table in tables:
        rows, problems = read_table(table, period[1])
        for named in table.domains:  # a domain the table names is one of the plan's, targets read or not
            _plan_domain(named, domains, kind, catalogue, add=True)
        for row in rows:
            domain = _plan_domain(row.domain_written, domains, kind, catalogue, add=True)
            year = row.year if row.year is not None and period[0] <= row.year <= period[1] else None
            entry = _entry(
                row.indicator, domain, row.target, year, "indicator_table", row.line, row.text,
                baseline=row.baseline, note=row.note, locator=row.locator,
            )
            entries.append((row.line, order, entry))
            order += 1
        for problem in problems:
            unparsed.append({"line": problem.line, "text": problem.text, "reason": problem.reason})
    for paragraph in paragraphs(segment.lines, layout.contexts):
        found, loose = read_paragraph(paragraph, period, keep_qualitative=paragraph.section == "main_targets")
        for t in found:
            domain = t.domain
            if domain is None:
                domain = _domain_by_indicator(t.indicator, domains, kind, catalogue)
            entry = _entry(
                t.indicator, domain, t.target, t.year, t.section, t.line, t.text,
                lead_units=t.lead_units, responsible_units=t.responsible_units, note=t.note,
            )
            entries.append((t.line, order, entry))
            order += 1
        for item in loose:
            unparsed.append({"line": item.line, "text": item.text, "reason": item.reason})
    entries.sort(key=lambda e: (e[0], e[1]))
    seen: set[str] = set()
    for _, _, entry in entries:
        key = repr((entry["indicator"], sorted(entry["target"].items()), entry.get("section"), entry.get("domain"), entry.get("text")))
        if key in seen:
            continue  # the same sentence twice in one section: a repeated copy
        seen.add(key)
        targets.append(entry)
    unparsed = _distinct(unparsed)
    # jurisdiction, level, document number, parents
    follows = st.follows(segment, title)
    path, place_note, level_hint = _jurisdiction(title, segment, header, follows, jurisdiction_override, kind)
    if place_note:
        notes.append(place_note)
    national = any(w in squeeze(title)[:4] for w in ("中国", "全国")) and not path
    plan_level = level_override or ("national" if national else level_hint or st.level_of(path))
    if plan_level is None:
        raise InputError.single(
            file,
            f"cannot tell which government issued “{title}”",
            hint="give --jurisdiction 省/市/县 and/or --level county (library: jurisdiction=..., level=...)",
        )
    if repeated:
        notes.append(f"{repeated} lines repeating an earlier part of the document were left out")
    info: dict[str, Any] = {
        "title": title,
        "kind": kind,
        "level": plan_level,
        "jurisdiction": list(path),
        "period": [period[0], period[1]],
    }
    number = st.document_number(header, segment)
    if number:
        info["document_number"] = number
    if follows:
        info["follows"] = follows
    info["source"] = {"file": file}
    if notes:
        info["note"] = "；".join(notes)
    data: dict[str, Any] = {"format": "compliance-plan/1", "plan": info}
    used_domains = [d for d in domains]
    if used_domains:
        data["domains"] = used_domains
    data["targets"] = targets
    if unparsed:
        data["unparsed"] = unparsed
    return _build(data, file)


def _locate(plan: Plan, document: Any) -> None:
    """Each target and unparsed number gets where a person finds it in the document (its cell's, else its line's)."""
    for target in plan.targets:
        if target.locator is None:
            target.locator = document.locate(target.line)
    for item in plan.unparsed:
        if item.locator is None:
            item.locator = document.locate(item.line)


def _distinct(unparsed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """In line order, one item per text and reason: a repeated paragraph lists its numbers once, at its first line."""
    seen: set[tuple[str, str]] = set()
    out: list[dict[str, Any]] = []
    for item in sorted(unparsed, key=lambda u: u.get("line") or 0):
        key = (squeeze(str(item.get("text") or "")), str(item.get("reason") or ""))
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out


def _first_text(segment: st.Segment) -> str | None:
    for line in segment.lines:
        if line.text.strip() and line.cells is None:
            return line.text.strip()[:60]
    return None


def _plan_domain(written: str | None, domains: list[str], kind: str, catalogue: Any, add: bool) -> str | None:
    if not written:
        return None
    if written in domains:
        return written
    try:
        wanted = catalogue.match_domain(written, kind)
    except Exception:
        wanted = None
    if wanted is not None:
        for domain in domains:
            try:
                found = catalogue.match_domain(domain, kind)
            except Exception:
                found = None
            if found is not None and found.id == wanted.id:
                return domain
    if add:
        domains.append(written)
        return written
    return None


def _domain_by_indicator(indicator: str, domains: list[str], kind: str, catalogue: Any) -> str | None:
    """The plan's domain for a target outside any domain (重点实事项目), when the catalogue knows the indicator."""
    try:
        found = catalogue.match_indicator(indicator, kind)
    except Exception:
        return None
    if found is None:
        return None
    domain_id = found.domain_for(kind)
    for domain in domains:
        try:
            matched = catalogue.match_domain(domain, kind)
        except Exception:
            matched = None
        if matched is not None and matched.id == domain_id:
            return domain
    return None


def _entry(
    indicator: str,
    domain: str | None,
    target: dict[str, Any],
    year: int | None,
    section: str | None,
    line: int,
    text: str,
    **optional: Any,
) -> dict[str, Any]:
    """One target in the plan format, in the order a reviewer reads it; empty fields left out."""
    entry: dict[str, Any] = {"indicator": indicator}
    if domain:
        entry["domain"] = domain
    entry["target"] = target
    if year is not None:
        entry["year"] = year
    entry.update({"section": section, "line": line, "text": text})
    entry.update({name: value for name, value in optional.items() if value})
    return entry


def _jurisdiction(
    title: str, segment: st.Segment, header: list[st.Src], follows: list[str], override: Any, kind: str | None = None
) -> tuple[list[str], str | None, str | None]:
    """(path, a note on how it was found, the level when the path alone cannot tell it)."""
    from compliance.catalogue.places import gazetteer as load_gazetteer

    gazetteer = load_gazetteer()
    if override is not None:
        parts = [str(p).strip() for p in override if str(p).strip()]
        return (list(gazetteer.normalise(parts)) if parts else []), None, None
    place = st.place_of_title(title)
    if place and any(place.startswith(w) for w in ("中国", "全国", "国家")):
        return [], None, None
    if not place:
        place = st.issuing_body(header, segment)
    if not place:
        return [], None, None
    parts = st.split_place(place)
    path = list(gazetteer.normalise(parts))
    known = gazetteer.resolve(parts).found
    if not known and follows:
        # an unknown place: complete it upwards from the parent plans it follows
        best: list[str] = []
        province: str | None = None
        city: str | None = None
        for parent in follows:
            parent_place = st.place_of_title(parent)
            if not parent_place or parent_place in ("中国", "全国"):
                continue
            parent_path = list(gazetteer.normalise(st.split_place(parent_place)))
            if len(parent_path) > len(best) and parent_path != path[: len(parent_path)]:
                best = parent_path
            # a province cited in one title and a city in another: 《湖南省…》《长沙市…》 for 浏阳市
            if len(parent_path) == 1 and st.level_of(parent_path) == "provincial":
                province = province or parent_path[0]
            elif len(parent_path) == 1 and parent_path[0] not in path and st.level_of(parent_path) == "municipal":
                city = city or parent_path[0]
        if province and city and len(best) < 2:
            best = [province, city]
        if best and len(best) < 3:
            note = f"{place} is not in the gazetteer: its parents were taken from the plans it follows"
            level = None
            # a 市 following another 市's plan of the same kind is a county-level city (宜都市 under 宜昌市)
            if (
                path
                and path[-1].endswith("市")
                and best[-1].endswith("市")
                and st.level_of([best[-1]]) == "municipal"
                and any(_cites_city_plan(parent, best[-1], kind) for parent in follows)
            ):
                level = "county"
                note += f"; a city following the plan of {best[-1]} is a county-level city"
            return best + path, note, level
    return path, None, None


def _cites_city_plan(parent: str, city: str, kind: str | None) -> bool:
    """The cited title is the plan of `city` itself, of the same kind (women's or children's) when it tells."""
    parent_place = st.place_of_title(parent)
    if not parent_place or st.split_place(parent_place)[-1:] != [city]:
        return False
    parent_kind = st._subject_kind(squeeze(parent))
    return kind is None or parent_kind is None or parent_kind == kind


def _build(data: dict[str, Any], file: str) -> Plan:
    """A validated Plan from plan-format data (the loader's own checks, so the output always loads)."""
    from compliance.loading.plans import plan_from_document
    from compliance.loading.yamlfile import YamlDocument

    plain = _plain(data)
    try:
        return plan_from_document(YamlDocument(file=file, data=plain))
    except InputError:
        pass
    # some target does not validate (a unit nobody knows, a value without a unit): one row
    # must never cost the whole document; each such target goes to `unparsed` with the reason
    kept: list[Any] = []
    unparsed = list(plain.get("unparsed") or [])
    for target in plain.get("targets") or []:
        alone = dict(plain, targets=[target])
        alone.pop("unparsed", None)
        try:
            plan_from_document(YamlDocument(file=file, data=alone))
        except InputError as error:
            reason = "; ".join(p.message for p in error.problems[:2])
            item: dict[str, Any] = {}
            if target.get("line"):
                item["line"] = target["line"]
            item["text"] = str(target.get("text") or target.get("indicator") or "")
            item["reason"] = f"not read as a target: {reason}"
            unparsed.append(item)
            continue
        kept.append(target)
    plain = dict(plain, targets=kept)
    if unparsed:
        plain["unparsed"] = _distinct(unparsed)
    try:
        return plan_from_document(YamlDocument(file=file, data=plain))
    except InputError as error:  # a bug of ours: say so in the user's terms
        raise InputError.single(
            file,
            "the extracted plan does not validate: " + "; ".join(p.message for p in error.problems[:3]),
            hint="please report this document",
        ) from None


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(format(value.normalize(), "f"))
    return value
