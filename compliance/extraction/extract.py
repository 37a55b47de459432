"""From a plan document to plans: the stages of `compliance.extraction.extract`, in the order they run.

1. reading (compliance.reading): any format → numbered lines, table rows with cells;
2. cleaning (`cleaning`): furniture, page numbers, running headers, 文库 chunks, repeats left out, each noted;
3. unfolding (`unfolding`): run-on lines cut into the lines of the plan they once were;
4. segmentation (`structure`): plans in a notice, then per plan its tables (`tables`), list items,
   parts, domains and sections;
5. targets (`tables`, `targets`): every row and sentence read; every number accounted for;
6. metadata (`metadata`): kind, title, period, jurisdiction, level… with where each came from;
7. plans: plan-format data, validated by the loader (compliance.loading), one target that does
   not validate going to `unparsed` rather than costing the document.

Each stage hands the next something richer and never calls back up.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from compliance.errors import InputError
from compliance.extraction import metadata as md
from compliance.extraction import structure as st
from compliance.extraction._rules import fold, rules, said, squeeze
from compliance.extraction.cleaning import Cleaned, Dropped, Src, clean
from compliance.extraction.tables import find_tables, read_flat, read_table, unread_rows
from compliance.extraction.targets import TEXT_SECTIONS, lead_cards, name_by_catalogue, paragraphs, read_paragraph, unaccounted
from compliance.extraction.unfolding import unfold
from compliance.extraction.words import is_title, subject_kind
from compliance.model import Plan
from compliance.reading import read_document

KINDS = ("women", "children")
LEVELS = ("national", "provincial", "municipal", "county")
_OPTION = {"kind": "--kind women|children", "level": "--level county", "jurisdiction": "--jurisdiction 省/市/县",
           "period": "--period 2021-2025"}


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
    `encoding` overrides the detected encoding of a text file. What the document
    does not tell and no option gives is written as unknown (`PlanInfo.unknown`),
    never guessed: the plan is still returned with all its targets. Raises
    compliance.errors.InputError — and nothing else — for a file that cannot be
    read, or a document in which no target is found (the message says what the
    document looks like).
    """
    file = str(path)
    if kind is not None and str(kind) not in KINDS:
        raise InputError.single(file, said("extract.unknown-kind", kind=kind), hint=said("extract.unknown-kind-hint"))
    if level is not None and str(level) not in LEVELS:
        raise InputError.single(
            file, said("extract.unknown-level", level=level), hint=said("extract.unknown-level-hint", levels=list(LEVELS))
        )
    if jurisdiction is not None:
        from compliance.catalogue.places import checked_jurisdiction

        jurisdiction = list(checked_jurisdiction(jurisdiction, level, allow_unknown=True))
    document = read_document(path, encoding)
    if not any(line.text.strip() for line in document.lines):
        raise InputError.single(file, said("extract.empty"), hint=said("extract.empty-hint"))
    options = {"kind": kind, "jurisdiction": jurisdiction, "level": level, "period": period}
    from compliance.phrases.reading import reading_document

    try:
        with reading_document():  # its sentences kept apart from plan files' (compliance.phrases.reading)
            return _extract(document, file, options)
    except InputError:
        raise
    except RecursionError:
        raise InputError.single(file, said("extract.too-deep")) from None


def _extract(document: Any, file: str, options: dict[str, Any]) -> list[Plan]:
    from compliance.catalogue import load_catalogue

    catalogue = load_catalogue()
    # how the reader took the characters, and the formula cells it found no value for: for the plan's note
    options = {**options, "script": document.script, "uncomputed": document.uncomputed,
               "hidden": getattr(document, "hidden", []), "names": getattr(document, "names", []),
               "unread": getattr(document, "unread", []),
               "unread_kind": "xml" if getattr(document, "format", "") == "xml" else "mail",  # records, or attachments
               "barred": {line.number: getattr(line, "printed", None) for line in document.lines if getattr(line, "bars", False)}}
    cleaned = clean(document.lines)  # 2. cleaning
    lines = unfold(cleaned.lines)  # 3. unfolding
    header, segments = st.split_plans(lines)  # 4. plans in a notice
    segments = [_without_other_documents(s, cleaned.dropped) for s in segments]
    # a video's captions (.srt, .vtt) are a broadcast about the plan, as a TV news script is: read as a news summary
    news = document.format == "subtitles" or md.news_article(lines, cleaned.dropped, segments)
    if news:
        segments = [st.Segment(lines=header + [line for s in segments for line in s.lines])]
        header = []
    # a repost's cards before the plan restating its indicators (基期 → 目标): the plan's, when it is the one plan
    cards = lead_cards(header) if len(segments) == 1 and not news else []
    report = md.report_headline(lines, segments)
    # a report on a plan read for the plan's targets it quotes: its values reached are none
    options["report"] = md.reports_on_plan(lines, segments)
    plans = [_plan(segment, header, cleaned, file, catalogue, options, news, cards) for segment in segments]
    if len(plans) > 1:  # a title-like line with nothing of a plan after it is no plan
        plans = [p for p in plans if p.targets or p.domains] or plans[:1]
    if report is not None and not _table_targets(plans):
        # a report on a plan: the numbers of its sentences are values reached, not targets; a table of targets
        # under such a headline (…（2011—2020年）终期评估报告 over 2025年目标: the next plan's) is read as one
        raise InputError.single(file, said("extract.report-on-plan", line=report.number, headline=report.text.strip()),
                                hint=said("extract.report-on-plan-hint"))
    if not any(p.targets or p.unparsed for p in plans):
        looks = _looks_like(lines, cleaned, plans)
        if options.get("unread"):  # an e-mail's attachments not read: where the plan may be
            looks = said("extract.separator").join([looks, said(f"extract.{options.get('unread_kind', 'mail')}-unread", items="；".join(options["unread"]))])
        raise InputError.single(file, said("extract.no-target", looks=looks), hint=said("extract.no-target-hint"))
    for plan in plans:
        _locate(plan, document)
    return plans


def _names(names: list[Any], segment: st.Segment, file: str, kind: str | None) -> list[tuple[str, str, str]]:
    """(title, message id of its source, the name as written) of the names weighed as a file's name, best first.

    A file's own name is the last (it is all an ordinary file has). A container's names (an e-mail's attachment holding
    the plan's lines, then its Subject: `compliance.reading.Name`) come first when they hold a title of the plan's kind
    (`metadata.name_title`); an attachment's file name holding none is still the name of its text, before the file's."""
    numbers = [line.number for line in segment.lines]
    low, high = (min(numbers), max(numbers)) if numbers else (0, -1)
    own = [n for n in names if n.source == "subject" or (n.first is not None and n.first <= high and (n.last or 0) >= low)]
    found: list[tuple[str, str, str]] = []
    for name in own:
        stem = Path(name.text).stem if name.source == "attachment" else name.text
        title = md.name_title(stem, kind)
        if title is not None:
            found.append((title, f"extract.from.{name.source}-name", title))
    for name in own:
        if name.source == "attachment":
            stem = Path(name.text).stem
            found.append((stem, "extract.from.attachment-name", stem))
    stem = Path(file).stem
    return found + [(stem, "extract.from.file-name", stem)]


def _table_targets(plans: list[Plan]) -> bool:
    """Whether a target was read from an indicator table's target column (not from a sentence)."""
    return any(str(t.section) == "indicator_table" for p in plans for t in p.targets)


def _locate(plan: Plan, document: Any) -> None:
    """Each target and unparsed number gets where a person finds it in the document, when the reader tells."""
    locate = getattr(document, "locate", None)
    if locate is None:
        return
    for target in plan.targets:
        if getattr(target, "locator", None) is None and target.line is not None:
            target.locator = locate(target.line)
    for item in plan.unparsed:
        if getattr(item, "locator", None) is None and item.line is not None:
            item.locator = locate(item.line)
    heading = plan.plan.heading
    if heading is not None and heading.locator is None and heading.line is not None:
        heading.locator = locate(heading.line)


def _looks_like(lines: list[Src], cleaned: Cleaned, plans: list[Plan]) -> str:
    """What a document without targets looks like, in a few words (a news index? a table of contents? a notice?)."""
    text = [line for line in lines if line.text.strip()]
    reasons = cleaned.reasons()
    titled = [p.plan.title for p in plans if p.plan.title]
    books = sum(line.text.count("《") for line in text)
    headings = sum(1 for line in text if st.classify(line.text, None) is not None)
    short = sum(1 for line in text if len(line.key) <= 30)
    digits = sum(ch.isdigit() for line in text for ch in line.text)
    shapes = []
    if not text:
        shapes.append(said("extract.looks-furniture"))
    elif headings and headings >= len(text) / 2:
        shapes.append(said("extract.looks-outline", headings=headings))
    elif short >= 0.8 * len(text) and len(text) >= 5:
        shapes.append(said("extract.looks-short-lines", lines=len(text)))
    elif books and digits < 20:
        shapes.append(said("extract.looks-citing"))
    else:
        shapes.append(said("extract.looks-text", lines=len(text), digits=digits))
    if reasons:
        items = [said("extract.left-out-item", count=n, why=dropped_reason(why)) for why, n in sorted(reasons.items())]
        shapes.append(said("extract.left-out", items=items))
    if titled:
        shapes.append(said("extract.title-read", titles=said("extract.separator").join(dict.fromkeys(titled))))
    return said("extract.separator").join(shapes)


def dropped_reason(reason: str) -> str:
    """Why cleaning left a line out (furniture, page number…), in the user's language."""
    from compliance.messages import catalogue, language

    id = "extract.dropped." + reason.replace(" ", "-")
    return said(id) if id in catalogue(language()).messages else reason


def _plan(
    segment: st.Segment,
    header: list[Src],
    cleaned: Cleaned,
    file: str,
    catalogue: Any,
    options: dict[str, Any],
    news: bool,
    cards: list[Any] | None = None,
) -> Plan:
    notes: list[str] = []
    inferred: dict[str, str] = {}
    evidence = md.Evidence(file, segment, header, cleaned.dropped, domain_kinds=_domain_kinds(segment))
    # kind: the body, the plan's own name, the title, the indicators, the words
    found_kind = md.kind_of(evidence)
    kind = options["kind"] or found_kind.value
    _record(inferred, "kind", options["kind"], found_kind)
    found_title, title_note = md.title_found(evidence, kind)
    heading = None
    if title_note:
        notes.append(title_note)
        if segment.title and segment.title_kind in KINDS:  # the heading names the other kind: check says so
            heading = {"text": segment.title, "kind": segment.title_kind, "line": segment.title_line}
    names = _names(options.get("names") or [], segment, file, kind)
    named = found_title.value is not None  # a title the document gives (a file name tells no place)
    title = found_title.value or names[0][0]
    if not named:
        found_title = md.Found(title, said(names[0][1], name=names[0][2]))
    _record(inferred, "title", None, found_title)
    found_period = md.period_found(evidence, title)
    if found_period.value is None and named and not options["period"]:
        # the document's title gives no years (附件：…规划（****—****年）（摘录）): the file's name may, or an e-mail's
        for _, source, stem in names:
            from_file = md.period_found(evidence, stem).value
            if from_file is not None:
                found_period = md.Found(from_file, said(source + "-period", name=stem))
                break
    period = tuple(options["period"]) if options["period"] else found_period.value
    _record(inferred, "period", options["period"], found_period)
    # structure: tables, list items, sections, domains
    tables = find_tables(segment.lines, period)
    table_lines: set[int] = set()
    for table in tables:
        table_lines |= table.indices
    flat = {i for i, line in enumerate(segment.lines) if line.table_text and i not in table_lines}
    relaid = st.rows_as_text(segment.lines, table_lines)  # a table that is no indicator table holds text (a box of 目标)
    if relaid is not None:
        segment.lines = relaid
        tables = find_tables(segment.lines, period)
        table_lines = {i for table in tables for i in table.indices}
        flat = {i for i, line in enumerate(segment.lines) if line.table_text and i not in table_lines}
    st.resolve_items(segment.lines, table_lines | flat)
    layout = st.walk(segment.lines, kind, table_lines | flat, catalogue)
    report = bool(options.get("report"))
    if news:
        book = _record_book([*segment.lines, *cleaned.dropped])
        layout = (_summary_layout(layout, segment.lines, period, report)
                  or _news_layout(segment.lines, kind, catalogue, period, book))
    notes += layout.notes
    domains = list(layout.domains)
    entries: list[tuple[int, int, dict[str, Any]]] = []  # (line, order, target)
    unparsed: list[dict[str, Any]] = []
    bare = _bare_op(kind, catalogue)
    def read_as_text(i: int) -> bool:
        context = layout.contexts[i] if i < len(layout.contexts) else None
        return context is not None and context.section in TEXT_SECTIONS and not context.heading and not getattr(context, "table", False)

    for start in sorted({max(table.indices) + 1 for table in tables if table.indices} | {i + 1 for i in flat}):
        # rows under a table its reader stopped before: listed as rows not understood, never lost as text
        unparsed += [_problem(p) for p in unread_rows(segment.lines, start, table_lines | flat, read_as_text)]
    barred = options.get("barred") or {}  # the lines of pipe rows: the row as printed, where the reader kept it
    for table in tables:
        rows, problems = read_table(table, period[1] if period else None, bare)
        allocated = [c.header.split("/")[-1] for c in table.columns if c.role == "allocation"]
        if allocated:  # 各镇（街道）分解目标 over the townships: the plan's target broken down, no target of its own
            notes.append(said("extract.note-allocation-columns", columns="、".join(allocated[:3]) + ("…" if len(allocated) > 3 else ""),
                              count=len(allocated)))
        if table.superseded:  # a form's submission replaced by a later one, or voided by its remark
            notes.append(said("extract.note-superseded-rows", lines="、".join(map(str, table.superseded))))
        for row in rows:  # a Markdown pipe row's text as the file writes it, between bars: | 孕产妇死亡率 | ≤18 | ≤12 |
            if row.line in barred and row.text:
                row.text = barred[row.line] or f"| {row.text} |"
        for table_domain in table.domains:  # a domain the table names is one of the plan's, targets read or not
            _plan_domain(table_domain, domains, kind, catalogue, add=True)
        for row in rows:
            written = row.domain_written
            if row.domain_other is not None:  # between two domains' labels: the catalogue's group, when it says
                by_indicator = _domain_by_indicator(row.indicator, [row.domain_written or "", row.domain_other], kind, catalogue)
                written = by_indicator or written
            domain = _plan_domain(written, domains, kind, catalogue, add=True)
            if domain is None:  # a table with no 领域 column (JK-01 | 婴儿死亡率): the domain the indicator is in
                domain = _domain_by_indicator(row.indicator, domains, kind, catalogue, named=not domains)
            entries.append((row.line, len(entries), _row_entry(row, domain, period)))
        unparsed += [_problem(p) for p in problems]
    texts: list[tuple[Any, list[Any]]] = []
    text_ids: set[int] = set()  # the entries of the text: the rest are the tables'
    for paragraph in [*(cards or []), *paragraphs(segment.lines, layout.contexts)]:
        found, loose = read_paragraph(paragraph, period, keep_qualitative=paragraph.section in ("main_targets", "indicator_table"),
                                      report=report)
        if report:
            _stated_bare(found, bare)
        _carry_qualifier(found, paragraph.text, kind, catalogue)
        name_by_catalogue(found, paragraph.text, kind, catalogue)
        texts.append((paragraph, found))
        for t in found:
            domain = t.domain or _domain_by_indicator(t.indicator, domains, kind, catalogue)
            entry = _entry(
                t.indicator, domain, t.target, t.year, t.section, t.line, t.text,
                lead_units=t.lead_units, responsible_units=t.responsible_units, note=t.note,
            )
            entries.append((t.line, len(entries), entry))
            text_ids.add(id(entry))
        unparsed += [{"line": item.line, "text": item.text, "reason": item.reason} for item in loose]
    stated = _stated_in_text([t for _, found in texts for t in found], kind, catalogue) if flat else None
    for i in sorted(flat):
        rows, problems = read_flat(segment.lines[i], period, bare, _plausible(kind, catalogue), stated)
        for row in rows:
            domain = _domain_by_indicator(row.indicator, domains, kind, catalogue)
            entries.append((row.line, len(entries), _row_entry(row, domain, period)))
        unparsed += [_problem(p) for p in problems]
    entries.sort(key=lambda e: (e[0], e[1]))
    _bases_from_text([e for _, _, e in entries], text_ids)
    # the final audit: a number of the target sections no reader returned is listed, whatever shape its line has
    held = [(e.get("line"), str(e.get("text") or "")) for _, _, e in entries]
    held += [(u.get("line"), str(u.get("text") or "")) for u in unparsed]
    unparsed += [{"line": item.line, "text": item.text, "reason": item.reason}
                 for item in unaccounted(segment.lines, layout.contexts, held, kind, table_lines, flat)]
    targets: list[dict[str, Any]] = []
    seen: set[str] = set()
    for _, _, entry in entries:
        key = repr((entry["indicator"], sorted(entry["target"].items()), entry.get("year"), entry.get("section"), entry.get("domain"), entry.get("text")))
        if key in seen:
            continue  # the same sentence twice in one section: a repeated copy (a mid-term and a final column are two)
        seen.add(key)
        targets.append(entry)
    targets = _quotes_joined(targets)
    if news:
        targets = _without_headline_repeats(targets, segment.lines)
    # the kind again, now that the indicators are known (a plan without domain headings or title)
    if kind is None:
        evidence.indicator_kinds = _indicator_kinds(targets, catalogue)
        found_kind = md.kind_of(evidence)
        kind = found_kind.value
        _record(inferred, "kind", None, found_kind)
    # jurisdiction, level, document number, parents
    follows = md.follows(segment, title) or _cited_in(header, title)
    if options["jurisdiction"] is not None:
        places = md._Places()
        path = places.normalise([str(p).strip() for p in options["jurisdiction"] if str(p).strip()])
        found_path = md.Found(path, said("extract.from.option", name="jurisdiction"))
        found_level = md.Found(places.level(path), said("extract.from.option", name="jurisdiction"))
    else:
        found_path, found_level, place_note = md.jurisdiction_found(
            evidence, title if named else None, follows, kind, None if named else title, names[0][1] + "-place"
        )
        if place_note:
            notes.append(place_note)
        _record(inferred, "jurisdiction", None, found_path)
    plan_level = options["level"] or found_level.value
    _record(inferred, "level", options["level"], found_level)
    jurisdiction = found_path.value
    _without_spoken_leads(targets)
    _restated_base_years(targets)
    if jurisdiction:
        _without_own_place(targets, str(jurisdiction[-1]))
    unknown = []
    if jurisdiction is None or (plan_level and _incomplete(jurisdiction, plan_level)):
        unknown.append("jurisdiction")
    if segment.other_documents:
        notes.append(said("extract.note-other-documents", count=segment.other_documents))
    repeated = sum(1 for d in cleaned.dropped if d.reason == "repeated copy")
    if repeated:
        notes.append(said("extract.note-repeated", count=repeated))
    info: dict[str, Any] = {
        "title": title,
        "kind": kind,
        "level": plan_level,
        "jurisdiction": list(jurisdiction or []),
        "period": [period[0], period[1]] if period else None,
    }
    if unknown:
        info["unknown"] = unknown
    number = md.document_number(header, segment)
    if number:
        info["document_number"] = number
    if follows:
        info["follows"] = follows
    info["source"] = {"file": file, "type": "news_summary"} if news else {"file": file}
    if news:
        notes.append(said("extract.note-news"))
    if options.get("script") == "traditional":
        notes.append(said("extract.note-traditional"))
    if options.get("uncomputed"):
        cells = options["uncomputed"]
        notes.append(said("extract.note-uncomputed", count=len(cells), cells="、".join(cells[:5]) + ("…" if len(cells) > 5 else "")))
    if options.get("hidden"):
        notes.append(said("extract.note-hidden-sheets", sheets="、".join(options["hidden"])))
    if options.get("unread"):
        notes.append(said(f"extract.note-{options.get('unread_kind', 'mail')}-unread", items="；".join(options["unread"])))
    if notes:
        info["note"] = "；".join(dict.fromkeys(notes))
    if inferred:
        info["inferred_from"] = inferred
    if heading is not None:
        info["heading"] = {k: v for k, v in heading.items() if v is not None}
    data: dict[str, Any] = {"format": "compliance-plan/1", "plan": info}
    if domains:
        data["domains"] = domains
    data["targets"] = targets
    if unparsed:
        data["unparsed"] = _distinct(unparsed)
    return _build(data, file)


# a table of contents' entry as cleaning left it out: its name, then a dot leader (or a space) and its page number
_CONTENTS_ENTRY = re.compile(r"^\s*(?P<name>\S.{2,80}?)\s*(?:…{2,}|\.{4,}|·{4,}|-{4,}|_{4,}|\s)\s*(?:\d{1,3})\s*$")


def _without_other_documents(segment: st.Segment, dropped: list[Dropped]) -> st.Segment:
    """A compilation (文件汇编): its table of contents lists documents, the plan's title among them (…儿童发展规划（2021—2025年）
    ……2), then others (…2022年工作要点 ……19, …实施方案 ……24). The plan ends where the title of the next document it
    lists stands on a line of its own: that document's targets and counts are its own, not the plan's. A plan's own
    contents (一、总体要求 …… 1) list no plan title, and cut nothing."""
    entries = [m.group("name") for d in dropped if d.reason == "furniture" and (m := _CONTENTS_ENTRY.match(d.text))]
    names = [squeeze(n) for n in entries]
    if not segment.title or not any(is_title(n) for n in names):
        return segment
    others = {n for n in names if not is_title(n)}
    if not others:
        return segment
    for i, line in enumerate(segment.lines):
        if line.cells is None and not line.blank and squeeze(line.text) in others:
            return dataclasses.replace(segment, lines=segment.lines[:i], other_documents=len(segment.lines) - i)
    return segment


def _without_own_place(targets: list[dict[str, Any]], place: str) -> None:
    """A measure named after the plan's own place (a repost's 到2030年，桃源县婴儿死亡率降到4‰以下) is the measure: the
    place is the plan's, no part of the indicator (全县 is dropped so too)."""
    for entry in targets:
        name = str(entry.get("indicator") or "")
        if place and name.startswith(place) and len(name) - len(place) >= 4:
            entry["indicator"] = name[len(place) :]


def _without_spoken_leads(targets: list[dict[str, Any]]) -> None:
    """The words a speaker or a list opens a sentence with (【王**】一是…, 我们提出…, 我们计划到2025年…: `name_lead_words`)
    are no part of the measure's name, which the catalogue would not know with them."""
    leads = rules().name_lead_words
    for entry in targets:
        name = str(entry.get("indicator") or "")
        found = leads.match(name)
        if found is not None and found.end() and len(name) - found.end() >= 4:
            entry["indicator"] = name[found.end() :]


def _restated_base_years(targets: list[dict[str, Any]]) -> None:
    """A relative change stated without its base year (a deck's card 下降15% over 儿童伤害死亡率) takes the one the
    plan states for the same change of the same indicator elsewhere (以2020年为基数下降15%), when it states one only:
    the card restates the target, its base year left out for room."""
    years: dict[tuple[Any, ...], set[Any]] = {}

    def key(entry: dict[str, Any]) -> tuple[Any, ...]:
        target = entry["target"]
        return (entry.get("indicator"), target.get("op"), str(target.get("value")), target.get("unit"))

    for entry in targets:
        if entry["target"].get("base_year") is not None:
            years.setdefault(key(entry), set()).add(entry["target"]["base_year"])
    for entry in targets:
        target = entry["target"]
        if str(target.get("op")) in ("rel_decrease", "rel_increase") and target.get("base_year") is None \
                and target.get("value") is not None and len(found := years.get(key(entry), set())) == 1:
            target["base_year"] = next(iter(found))


def _record(inferred: dict[str, str], name: str, option: Any, found: md.Found) -> None:
    if option is not None:
        inferred[name] = said("extract.from.option", name=name)
    elif found.value is not None and found.source:
        inferred[name] = found.source
    elif found.source:
        inferred[name] = said("extract.from.unknown", source=found.source)


def _incomplete(path: list[str], level: str) -> bool:
    """A path shorter than its level needs: the county or the city is not known."""
    depth = {"national": 0, "provincial": 1, "municipal": 2, "county": 3}[level]
    if level == "county" and len(path) == 2 and path[0].endswith("市") and md.level_of(path[:1]) == "municipal":
        return False  # a district of a municipality (北京市/朝阳区)
    if path and md.complete_path(path, level):
        return False  # the gazetteer's whole path (海南省/琼海市: a county-level city directly under its province)
    return len(path) < min(depth, 3) and not (level == "municipal" and len(path) == 1 and path[0].endswith("市"))


def _cited_in(header: list[Src], title: str | None) -> list[str]:
    """Parents cited in the notice header, when the plan's text cites none."""
    if not header:
        return []
    return md.follows(st.Segment(lines=header), title)


def _domain_kinds(segment: st.Segment) -> list[str]:
    kinds = []
    for line in segment.lines:
        if line.cells is None:
            heading = st.classify(line.text, None, None)
            if heading is not None and heading.type == "domain":
                found = subject_kind(squeeze(heading.value))
                if found:
                    kinds.append(found)
    return kinds


def _without_headline_repeats(targets: list[dict[str, Any]], lines: list[Src]) -> list[dict[str, Any]]:
    """A news headline restating a target the article states below (出台…规划：2030年近视率降至40%以下) is no second target.

    A headline is a line without a sentence's punctuation (，。；); its target is left
    out only when a later line states the same indicator with the same target.
    """
    # a slide's bullet or card (a paragraph its format ends: `whole`) is a statement of the deck, no headline: a deck
    # states a target again on purpose (一图读懂 card, 主要目标 bullet, 指标 table), one entry per statement
    texts = {line.number: line.text for line in lines if line.cells is None and not line.whole}
    out = []
    for n, entry in enumerate(targets):
        # a target placed inside a line (a web page's <strong> run, a node of its own within the paragraph) has no
        # line of its own: no headline
        line_text = texts.get(entry["line"])
        if line_text is not None and not re.search(r"[，,。；;]", line_text):
            same = (entry["indicator"], sorted(entry["target"].items()))
            if any(
                later["line"] > entry["line"] and (later["indicator"], sorted(later["target"].items())) == same
                for later in targets[n + 1 :]
            ):
                continue
        out.append(entry)
    return out


def _stated_bare(found: list[Any], bare: Any) -> None:
    """A report quoting the plan's target as a bare figure (女性平均受教育年限目标为11年): the number's comparator is the
    indicator's direction, as a bare table cell's; 目标为 is no part of the name, whatever follows it
    (城镇单位就业人员中的女性比例目标为达到40%左右: `stated_target_words`)."""
    words = rules().stated_target_words
    tails = (*words, *rules().stated_name_tails)
    for t in found:
        name = t.indicator
        for w in tails:
            if name.endswith(w) and len(name) - len(w) >= 4:
                name = name[: -len(w)]
                break
        stated = name != t.indicator
        t.indicator = name
        if not stated or t.target.get("op") != "=" or t.target.get("ratio") is not None or t.target.get("value") is None:
            continue
        if any(re.search(re.escape(w) + r"[0-9０-９]", squeeze(t.text)) for w in words):
            t.target["op"] = bare(name, t.target.get("unit"))


def _carry_qualifier(found: list[Any], text: str, kind: str | None, catalogue: Any) -> None:
    """A list that leaves out its subject: 5岁以下儿童贫血患病率控制在9%以下，生长迟缓率控制在4%以下.

    The later measure takes the population qualifier of the one before it in the
    same sentence, but only when the catalogue knows the qualified name and not
    the bare one (生长迟缓率 → 5岁以下儿童生长迟缓率): the catalogue decides, no name is invented.
    """
    from compliance.catalogue.catalogue import without_item_number
    from compliance.phrases.vocabulary import _vocabulary

    population = _vocabulary().population_prefix
    at = 0
    previous: Any = None
    previous_at = 0
    for target in found:
        where = text.find(target.text, at)
        where = at if where < 0 else where
        if (
            previous is not None
            and target.indicator
            and not population.match(target.indicator)
            and not any(ch in "。；;！!？?" for ch in text[previous_at:where])
        ):
            qualifier = population.match(without_item_number(previous.indicator or ""))
            if qualifier and catalogue.match_indicator(target.indicator, kind) is None:
                carried = qualifier.group(0) + target.indicator
                if catalogue.match_indicator(carried, kind) is not None:
                    target.indicator = carried
        previous, previous_at, at = target, where, where


def _indicator_kinds(targets: list[dict[str, Any]], catalogue: Any) -> list[str]:
    kinds = []
    for entry in targets:
        try:
            found = catalogue.match_indicator(entry["indicator"], None)
        except Exception:
            found = None
        kind = getattr(getattr(found, "kind", None), "value", None)
        if kind in KINDS:
            kinds.append(kind)
    return kinds


def _bare_op(kind: str | None, catalogue: Any) -> Any:
    """The comparator of a bare number in a target cell: the indicator's direction (lower is better → <=)."""
    lower_words = rules().lower_is_better

    def bare(name: str, unit: str | None) -> str:
        try:
            found = catalogue.match_indicator(name, kind)
        except Exception:
            found = None
        better = str(getattr(getattr(found, "better", None), "value", "") or "")
        if better == "lower":
            return "<="
        if better == "higher":
            return ">="
        if better == "band":
            return "~"
        key = re.sub(r"[（(][^（）()]*[)）]$", "", squeeze(name))
        return "<=" if any(key.endswith(w) for w in lower_words) else ">="

    return bare


def _stated_in_text(found: list[Any], kind: str | None, catalogue: Any) -> Any:
    """Whether the plan's text states `value` as a target of the indicator `name` (a flattened table's row, corroborated)."""

    def key(name: str) -> str:
        try:
            indicator = catalogue.match_indicator(name, kind)
        except Exception:
            indicator = None
        return indicator.id if indicator is not None else squeeze(re.sub(r"[（(][^（）()]*[)）]$", "", name))

    values: dict[str, set[Decimal]] = {}
    for t in found:
        value = t.target.get("value")
        if value is not None:
            values.setdefault(key(t.indicator), set()).add(Decimal(value))

    def stated(name: str, value: Decimal) -> bool:
        return value in values.get(key(name), set())

    return stated


def _plausible(kind: str | None, catalogue: Any) -> Any:
    """Whether a value is plausible for an indicator (the catalogue's range), for reading flattened tables."""

    def plausible(name: str, value: Decimal, unit: str | None) -> bool:
        try:
            found = catalogue.match_indicator(name, kind)
            if found is None or unit is None:
                return True
            return bool(found.is_plausible(value, unit))
        except Exception:
            return True  # a unit the indicator is not counted in (‰ written as %): not for this rule to judge

    return plausible


def _summary_layout(
    walked: st.Layout, lines: list[Src] | None = None, period: tuple[int, int] | None = None, report: bool = False
) -> st.Layout | None:
    """An article about a plan with a plan's headings (三、重点目标, a table of 领域 | 重点目标): the sections found
    hold, and every other line that may hold targets (a Q&A quoting the plan's measures) is read as the article's
    statement of them, as a news article's sentences are; None when no section is found. Outside the sections, the
    lines under a subhead naming the past (▌回顾“十三五”) are history, as in a news article: no targets, no numbers.
    A `report` on the plan (a mid-term evaluation) quotes the plan's targets under its domains; its other parts
    (总体情况's counts, 存在的问题's gaps, 下一步工作's own plans) stay outside the targets, their numbers listed."""
    if not any(c.section for c in walked.contexts if not c.heading):
        return None
    contexts = [st.Context("main_targets", c.domain, note=c.note) if c.audit and not c.section and not report else c
                for c in walked.contexts]
    past = False
    for i, line in enumerate(lines or []):
        if i >= len(contexts) or contexts[i].section is not None or contexts[i].heading or line.blank:
            past = False
            continue
        if _news_subhead(line.text) and _names_the_past(squeeze(line.text), period):
            past = True
            contexts[i] = st.Context(None, contexts[i].domain, heading=True)
        elif past:
            contexts[i] = st.Context(None, contexts[i].domain, past=True)
    return st.Layout(contexts, walked.domains, walked.template, walked.notes)


def _news_layout(
    lines: list[Src], kind: str | None, catalogue: Any, period: tuple[int, int] | None = None, book: bool = False
) -> st.Layout:
    """A news article: every sentence is read for the targets it reports; its subheads (【健康】) are domains. In a
    yearbook (`book`), only its entries stating the plan (`_record_entries`)."""
    listed = _listed_domains(lines)
    contexts: list[st.Context] = []
    domains: list[str] = list(listed)
    domain: str | None = None
    past = False  # under a subhead naming the past (【数说过去五年】, 回顾“十三五”): history, no targets
    record = _record_entries(lines) if book else set()
    reply = _reply_start(lines)  # a message board's page: the citizen's message before the reply is read for nothing
    for i, line in enumerate(lines):
        if i in record:  # an entry of the year's record (a yearbook's 【概况】2022年，…): values reached, no targets
            contexts.append(st.Context(None, domain, past=True))
            continue
        if i < reply:
            contexts.append(st.Context(None, domain))
            continue
        match = re.match(r"^\s*【([^】]{1,16})】", line.text)
        if match and len(line.key) <= 24:
            word = squeeze(match.group(1))
            domain = next((d for d in listed if word in d or d.endswith(word)), None)
            past = _names_the_past(word, period)
            contexts.append(st.Context(None, domain, heading=True))
            continue
        if _news_subhead(line.text) and _names_the_past(squeeze(line.text), period):
            past = True  # to the next subhead or blank line
            contexts.append(st.Context(None, domain, heading=True))
            continue
        if line.blank:
            past = False
        contexts.append(st.Context(None, domain, past=True) if past else st.Context("main_targets", domain))
    return st.Layout(contexts, domains, ["main_targets"])


def _record_book(lines: list[Any]) -> bool:
    """A page of a book recording a year (阳朔年鉴（2023）, its name on a line of its own or as the running header cleaning
    left out: rules/extraction.yaml `record_book_names`): its entries record the year, one of them the plan."""
    names = rules().record_book_names
    return any(names.fullmatch(fold(str(line.text)).strip()) for line in lines)


def _record_entries(lines: list[Src]) -> set[int]:
    """The lines of a yearbook's entries that record a year rather than state the plan. A yearbook (年鉴) is a run of
    entries, each opened by its name in brackets before its text on the same line (【概况】2022年，县妇儿工委有成员单位38个…;
    【儿童之家建设】全年新建儿童之家12个…) and going on to the next such entry or a blank line. An entry naming neither the
    plan nor a horizon (rules/extraction.yaml `entry_plan_marks`: 《…规划》, 到2030年) reports values reached and counts
    of things done; only the entry reporting the plan (【儿童发展规划印发】…印发《…规划（2021—2030年）》…) states its targets.
    A subhead alone on its line (【健康】) opens no entry: it is a domain of the article. (A press conference's speakers,
    【主持人】…, are no entries: only a yearbook is read so.)"""
    marks = rules().entry_plan_marks
    opener = re.compile(r"^\s*【[^】]{1,16}】\s*\S")
    entries: list[list[int]] = []
    current: list[int] | None = None
    for i, line in enumerate(lines):
        if line.blank:
            current = None
        elif opener.match(line.text) and len(line.key) > 24:
            current = [i]
            entries.append(current)
        elif current is not None:
            if re.match(r"^\s*【", line.text):
                current = None
            else:
                current.append(i)
    out: set[int] = set()
    for entry in entries:
        text = fold("".join(lines[i].text for i in entry))
        if not marks.search(text):
            out.update(entry)
    return out


def _reply_start(lines: list[Src]) -> int:
    """The index of the line opening a message board's official reply (答复单位：…, `reply_markers`), else 0: the
    lines before it are the citizen's message, whose numbers are no targets of the plan."""
    markers = tuple(rules().reply_markers)
    if not markers:
        return 0
    for n, line in enumerate(lines):
        key = squeeze(line.text)
        if key.startswith(markers) and re.match(r"^[^：:]{2,6}[：:]", key):
            return n
    return 0


def _news_subhead(text: str) -> bool:
    """A short line of its own with neither a number (but a year) nor a clause, as a post's subhead is
    (▌回顾“十三五”, a bullet or an emoji before it read away) — or a card's name: only one naming the past
    (`_names_the_past`) is taken for a subhead."""
    key = squeeze(text)
    if not key or len(key) > 16 or re.search(r"[，,。；;！!？?、]", key):
        return False
    return not re.search(r"[0-9]", re.sub(r"(?:19|20)[0-9]{2}年", "", fold(key)))


def _names_the_past(subhead: str, period: tuple[int, int] | None) -> bool:
    """A subhead naming the past: its words (`history_subhead_words`), a history opener, or a five-year plan that
    ended before the plan's period."""
    r = rules()
    if any(w in subhead for w in r.history_subhead_words) or r.history_openers.search(subhead):
        return True
    return period is not None and any(w in subhead and end < period[0] for w, (_, end) in r.five_year_plans.items())


def _listed_domains(lines: list[Src]) -> list[str]:
    """The domains a lead paragraph lists: 围绕妇女与健康、妇女与教育…8个领域."""
    for line in lines[:20]:
        match = re.search(r"((?:(?:妇女|儿童)[\u4e00-\u9fff]{1,10}[、和及与]?){2,})\s*\d+\s*个(?:领域|方面)", squeeze(line.text))
        if match:
            names = [n for n in match.group(1).split("、") if n]
            if names and re.search(r"[和及](?:妇女|儿童)", names[-1]):  # …妇女与环境和妇女与法律: the last two
                names[-1:] = [n for n in re.split(r"[和及](?=妇女|儿童)", names[-1]) if n]
            return [n for n in names if re.match(rules().domain_pattern.pattern, n)]
    return []


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


def _problem(problem: Any) -> dict[str, Any]:
    item = {"line": problem.line, "text": problem.text, "reason": problem.reason}
    if getattr(problem, "locator", None):
        item["locator"] = problem.locator
    return item


def _quotes_joined(targets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A table row repeating one of the plan's table targets beside the parent's it is benchmarked against (a 目标对标
    sheet: 婴儿死亡率 | 国家：≤5‰ | ≤3.0‰ after the indicator sheet's ≤3.0‰): one target, the parent's quote on it."""
    def key(entry: dict[str, Any]) -> str:
        return repr((entry["indicator"], sorted(entry["target"].items()), entry.get("year")))

    plain: dict[str, dict[str, Any]] = {}
    for entry in targets:
        if entry.get("section") == "indicator_table" and entry.get("parent_target") is None:
            plain.setdefault(key(entry), entry)
    kept: list[dict[str, Any]] = []
    for entry in targets:
        own = plain.get(key(entry)) if entry.get("section") == "indicator_table" and entry.get("parent_target") is not None else None
        if own is None or own.get("parent_target") is not None:
            kept.append(entry)
            continue
        own["parent_target"] = entry["parent_target"]
        if entry.get("parent_column"):
            own["parent_column"] = entry["parent_column"]
        if not own.get("domain") and entry.get("domain"):
            own["domain"] = entry["domain"]
    return kept


def _bases_from_text(entries: list[dict[str, Any]], text_ids: set[int]) -> None:
    """A table's change with no base year (儿童伤害死亡率 | 2025年：下降10%, no baseline column, no note) takes the
    one base year the plan's text gives the same indicator's change (以2020年为基数下降20%); never a guessed one."""
    stated: dict[str, set[int]] = {}
    for entry in entries:
        target = entry["target"]
        if id(entry) in text_ids and str(target.get("op", "")).startswith("rel_") and target.get("base_year"):
            stated.setdefault(entry["indicator"], set()).add(int(target["base_year"]))
    for entry in entries:
        target = entry["target"]
        if id(entry) in text_ids or not str(target.get("op", "")).startswith("rel_") or target.get("base_year"):
            continue
        years = stated.get(entry["indicator"], set())
        if len(years) == 1:
            target["base_year"] = next(iter(years))


def _row_entry(row: Any, domain: str | None, period: tuple[int, int] | None) -> dict[str, Any]:
    year = row.year if row.year is not None and period is not None and period[0] <= row.year <= period[1] else None
    optional: dict[str, Any] = {"baseline": row.baseline, "note": row.note, "locator": row.locator}
    if row.parent:
        optional["parent_target"] = row.parent
        if row.parent_column:
            optional["parent_column"] = row.parent_column
    section = getattr(row, "section", None) or "indicator_table"
    return _entry(row.indicator, domain, row.target, year, section, row.line, row.text, **optional)


def _plan_domain(written: str | None, domains: list[str], kind: str | None, catalogue: Any, add: bool) -> str | None:
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


def _domain_by_indicator(
    indicator: str, domains: list[str], kind: str | None, catalogue: Any, named: bool = False
) -> str | None:
    """The plan's domain for a target outside any domain (重点实事项目), when the catalogue knows the indicator; with
    `named`, for a plan naming no domain at all (a workbook of one table without a 领域 column), the catalogue's name."""
    if kind is None:
        return None
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
    if named and domain_id is not None:
        try:
            return str(catalogue.domain(domain_id).name)
        except KeyError:
            return None
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
            reason = said("extract.separator").join(p.message for p in error.problems[:2])
            item: dict[str, Any] = {}
            if target.get("line"):
                item["line"] = target["line"]
            item["text"] = str(target.get("text") or target.get("indicator") or "")
            item["reason"] = said("extract.reason.not-a-target", reason=reason)
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
            said("extract.not-valid", problems=said("extract.separator").join(p.message for p in error.problems[:3])),
            hint=said("extract.not-valid-hint"),
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
