"""Metadata: what a plan is, from all the evidence a document offers, with where each field came from.

kind, title, period, jurisdiction, level, document number, cited parents and the
document's type (a plan, or a news article about one). Each field is found by
scoring candidates from every source — the title line, the notice, the plan
naming itself 《…》, its domain headings, its indicators, the parents it cites,
the 文号's prefix, breadcrumbs and dates left in the page furniture, the file name
— rather than taking the first match, and each answer says where it came from
(`Found.source`, written into the plan as `inferred_from`). What no evidence
tells stays unknown (`Found.value` None): it is never guessed.

Vocabulary is data (rules/extraction.yaml); places are the gazetteer's.
"""

from __future__ import annotations

import re
from itertools import islice
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from compliance.extraction._rules import fold, fold_digits, rules, said, squeeze
from compliance.extraction.cleaning import Dropped, Src
from compliance.extraction.structure import _LEAD_NUMBER, Segment, _lone_text, classify
from compliance.extraction.words import caption_title, is_title, subject_kind
from compliance.compiled import regex


@dataclass
class Found:
    """A field's value (None: unknown) and, in words, where the document says it."""

    value: Any
    source: str | None = None


@dataclass
class Evidence:
    """Everything the metadata of one plan may be read from."""

    file: str
    segment: Segment
    header: list[Src]
    dropped: list[Dropped] = field(default_factory=list)  # furniture: weak evidence (breadcrumbs, dates, file names)
    domain_kinds: list[str] = field(default_factory=list)  # the kind each domain heading names
    indicator_kinds: list[str] = field(default_factory=list)  # the kind of each catalogued one-kind indicator stated

    def texts(self, limit: int = 80) -> list[tuple[int, str]]:
        """(line, text) of the notice header and the first lines of the plan."""
        return [(s.number, s.text) for s in self.header] + [(s.number, s.text) for s in self.segment.lines[:limit]]


def _kind_word(kind: str | None) -> str:
    return said(f"extract.from.kind-{kind}") if kind in ("women", "children") else str(kind)


def _joined(items: list[str]) -> str:
    return said("extract.separator").join(items)


def kind_of(evidence: Evidence) -> Found:
    """Women's or children's plan: the domain headings, the plan's own name, the title, its indicators, its words."""
    votes: Counter[str] = Counter()
    reasons: dict[str, list[str]] = {"women": [], "children": []}

    def vote(kind: str | None, weight: int, reason: str) -> None:
        if kind in reasons:
            votes[kind] += weight
            reasons[kind].append(reason)

    if evidence.domain_kinds:
        counts = Counter(evidence.domain_kinds)
        top, n = counts.most_common(1)[0]
        if n > len(evidence.domain_kinds) / 2:
            vote(top, 4, said("extract.from.domain-headings", count=n, total=len(evidence.domain_kinds), kind=_kind_word(top)))
    segment = evidence.segment
    for kind in ("women", "children"):
        own = self_title(segment, kind)
        if own:
            vote(kind, 3, said("extract.from.names-itself", title=own))
    if segment.title_kind:
        vote(segment.title_kind, 2, said("extract.from.title-line", line=segment.title_line))
    if evidence.indicator_kinds:
        counts = Counter(evidence.indicator_kinds)
        top, n = counts.most_common(1)[0]
        if n >= 3 and n >= 0.8 * len(evidence.indicator_kinds):
            vote(top, 2, said("extract.from.indicators", count=n, total=len(evidence.indicator_kinds), kind=_kind_word(top)))
    r = rules()
    text = "".join(line.text for line in segment.lines)
    counts = {kind: sum(text.count(w) for w in words) for kind, words in r.kind_words.items()}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]):
        vote(ranked[0][0], 1, said("extract.from.words", count=ranked[0][1], word=r.kind_words[ranked[0][0]][0]))
    if not votes:
        return Found(None)
    ranked_votes = votes.most_common()
    if len(ranked_votes) > 1 and ranked_votes[0][1] == ranked_votes[1][1]:
        return Found(None, said("extract.from.split", reasons=_joined(reasons["women"] + reasons["children"])))
    kind = ranked_votes[0][0]
    return Found(kind, _joined(reasons[kind]))


_BOOK = regex(r"《([^《》]{2,80})》")


def self_title(segment: Segment, kind: str, limit: int = 60) -> str | None:
    """The plan's name for itself: 制定《新平儿童发展规划（2021—2030年）》."""
    r = rules()
    for line in segment.lines[:limit]:
        text = line.text
        for stop in r.follows_stop:
            at = text.find(stop)
            while at >= 0:
                match = _BOOK.match(text, at + len(stop))
                if match and subject_kind(match.group(1)) == kind and is_title(match.group(1)):
                    return match.group(1)
                at = text.find(stop, at + 1)
    return None


def _paragraph_texts(lines: list[Src]) -> list[tuple[int, str]]:
    """(index of the last line, text) of each paragraph: a line that ends no sentence runs on into the next.

    A citation broken across lines (根据《山东省妇女发展“十四五”↵规划》) is whole again.
    Headings, list items and table rows are paragraphs of their own.
    """
    out: list[tuple[int, str]] = []
    text = ""
    open_ = False
    for i, line in enumerate(lines):
        own = (line.text if line.cells is None else (_lone_text(line) or "")).strip()
        starts_anew = not own or line.cells is not None or _LEAD_NUMBER.match(fold(own)) is not None
        if open_ and not starts_anew:
            text += own
            out[-1] = (i, text)
        else:
            text = own
            out.append((i, text))
        open_ = bool(own) and own[-1] not in "。；;！!？?：:" and classify(own, None) is None
    return out


def follows(segment: Segment, own_title: str | None, limit: int = 80) -> list[str]:
    """The 《…》 plans the text says it follows (根据/按照《…》), in order, without laws or itself."""
    r = rules()
    found: list[str] = []
    own = squeeze(own_title or "")
    texts = list(_paragraph_texts(segment.lines[:limit]))
    # a short name the text gives (以下简称《规划》) stands for a title, never for a parent of its own
    short = {squeeze(m.group(1)) for _, text in texts for m in _SHORT_NAME.finditer(text)}
    for _, text in texts:
        for sentence in re.split(r"[。；;]", text):
            at = min((sentence.find(w) for w in r.follows_words if w in sentence), default=-1)
            if at < 0:
                continue
            rest = sentence[at:]
            stops = [rest.find(w) for w in r.follows_stop if w in rest]
            if stops:
                rest = rest[: min(stops)]
            for match in _BOOK.finditer(rest):
                title = fold_digits(match.group(1))
                if not any(w in title for w in r.follows_title_words):
                    continue
                if squeeze(title) in (own, *short, *r.follows_title_words) or title in found:
                    continue
                found.append(title)
        if found and text.strip() and any(w in text for w in r.follows_stop):
            break
    return found


_SHORT_NAME = regex(r"简称\s*[《“\"]([^》”\"]{1,20})[》”\"]")
_RANGE = regex(r"((?:19|20)\d{2})\s*年?\s*(?:[-~至到]|\s)\s*((?:19|20)\d{2})")
_MASKED_FIVE_YEAR = regex(r"[“\"]\*{3}[”\"]")
_MASKED_RANGE = regex(r"[(（]\s*\*{4}\s*[-—–~～至]+\s*\*{4}\s*年?\s*[)）]")
_MASKED_FIVE_YEAR_TIME = regex(r"[“\"]\*{3}[”\"](?:时期|期间)")
_TEN_YEARS = regex(r"2030|二〇三〇|二零三零|十年")
_DATE = regex(r"((?:19|20)\d{2})\s*[-/.年]\s*\d{1,2}\s*[-/.月]")


def _range(text: str) -> tuple[int, int] | None:
    match = _RANGE.search(fold(text))
    if match and 1990 <= int(match.group(1)) < int(match.group(2)) <= 2100:
        return int(match.group(1)), int(match.group(2))
    return None


def _five_year(text: str) -> tuple[str, tuple[int, int]] | None:
    for word, period in rules().five_year_plans.items():
        if word in text:
            return word, period
    return None


def _past_five_year(text: str, word: str) -> bool:
    """Whether the line names the five-year plan as the past: its end (“十三五”末), the years since (…以来)."""
    at = text.find(word)
    rest = text[at + len(word) :].lstrip("”\"'")
    return any(rest.startswith(w) for w in rules().five_year_past)


_TITLE_ENDS = regex(r"\s*(?:$|》|」|的通知|通知|[和与及、，,])")


def _legible_title(title: str, evidence: Evidence) -> tuple[tuple[int, int], int, str] | None:
    """The plan's title whose years are masked (…规划（****—****年）), where the document writes it legibly.

    A portal masks the digits of the body but not always of its own title line or
    breadcrumb: the same title with the masked digits legible, standing as a
    title (the line ends there, or a notice's 的通知, or the next title) gives
    the period. Never another document's years: a longer title (…（2011—2020年）
    终期评估报告) is no copy, a period the document's date falls outside of is
    not this plan's, and copies that disagree tell nothing.
    """
    folded = fold(title)
    if not re.search(r"\*{4}", folded):
        return None
    pattern = regex("".join(r"\d" if ch == "*" else re.escape(ch) for ch in folded))
    lines = [(s.number, s.text) for s in evidence.header] + [(d.number, d.text) for d in evidence.dropped]
    lines += [(s.number, s.text) for s in evidence.segment.lines[:80]]
    dated = document_year(evidence)
    found: dict[tuple[int, int], tuple[int, str]] = {}
    longer: dict[tuple[int, int], tuple[int, str]] = {}
    for number, text in sorted(lines):
        line = fold(text)
        for match in pattern.finditer(line):
            period = _range(match.group(0))
            if period is None:
                continue
            if dated is not None and not period[0] - 1 <= dated[0] <= period[1]:
                continue
            copy = (number, text[match.start() : match.end()])
            if _TITLE_ENDS.match(line, match.end()):
                found.setdefault(period, copy)
            elif dated is not None:
                # the title run on into more words (…（2021—2030年）宣传读本编印服务项目): this plan's only when the
                # document is dated within that period — an evaluation of the previous plan is dated after it
                longer.setdefault(period, copy)
    found = found or longer
    if len(found) != 1:
        return None
    ((period, (number, written)),) = found.items()
    return period, number, written


def period_found(evidence: Evidence, title: str | None) -> Found:
    """The plan's period: its 规划期限, its title, the notice issuing it, a five-year plan it names.

    Candidates are scored (the plan's own statement first); a title whose
    five-year plan is masked (“***”) is dated by the page: the five-year plan in
    force when the document was published.
    """
    r = rules()
    candidates: list[tuple[int, tuple[int, int], str]] = []
    segment = evidence.segment
    for line in segment.lines[:80]:
        folded = fold(line.text)
        for pattern in r.period_patterns:
            match = pattern.search(folded)
            if match and 1990 <= int(match.group(1)) <= int(match.group(2)) <= 2100:
                candidates.append((5, (int(match.group(1)), int(match.group(2))), said("extract.from.line-text", line=line.number, text=match.group(0))))
    if title:
        found = _range(title)
        if found:
            candidates.append((5, found, said("extract.from.the-title", title=title)))
        legible = _legible_title(title, evidence)
        if legible is not None:
            candidates.append((6, legible[0], said("extract.from.legible-title", line=legible[1], title=legible[2])))
        five = _five_year(title)
        if five:
            candidates.append((4, five[1], said("extract.from.title-names-five", five=five[0])))
    own_place = place_of_title(title) if title else None
    for number, text in evidence.texts(40):
        for match in _BOOK.finditer(text):
            inner = match.group(1)
            if not (subject_kind(inner) and is_title(inner)):
                continue
            before = text[max(0, match.start() - 6) : match.start()]
            own = (own_place and place_of_title(inner) == own_place) or re.search(r"(?:现将|印发|制定|编制|简称)$", before)
            if not own:
                continue
            found = _range(inner)
            if found:
                candidates.append((3, found, said("extract.from.line-book", line=number, title=inner)))
            five = _five_year(inner)
            if five:
                candidates.append((3, five[1], said("extract.from.line-book-five", line=number, title=inner, five=five[0])))
    if not (title and is_title(title)):
        # no title of its own: a heading naming the one plan it carries out (某县贯彻落实《某省…规划（2021—2030年）》任务
        # 分解方案) is a breakdown of that plan's targets, for its period
        for number, text in evidence.texts(6):
            line = squeeze(fold_digits(text))
            books = [m.group(1) for m in _BOOK.finditer(line) if is_title(m.group(1))]
            if len(line) > 80 or "。" in line or len(books) != 1 or any(w in line for w in r.heading_place_not):
                continue
            found = _range(books[0])
            if found:
                candidates.append((2, found, said("extract.from.line-book", line=number, title=books[0])))
            break
    five_year_masked: dict[str, object] | None = None
    if title and _MASKED_FIVE_YEAR.search(title):
        five_year_masked = {"id": "extract.from.masked-five"}
    elif title and _MASKED_RANGE.search(fold(title)):
        # the title's years are masked (****—****年); the plan's opening names its own time as a
        # five-year plan's (为推进“***”时期…发展): a five-year plan, unless it speaks of 2030 or ten years
        opening = [line for line in segment.lines[:8] if _MASKED_FIVE_YEAR_TIME.search(line.text)]
        if opening and not any(_TEN_YEARS.search(fold(line.text)) for line in segment.lines):
            five_year_masked = {"id": "extract.from.masked-range-five", "line": opening[0].number}
    if five_year_masked:
        year = document_year(evidence)
        if year is not None:
            for word, period in r.five_year_plans.items():
                if period[0] <= year[0] <= period[1]:
                    candidates.append(
                        (2, period, said(str(five_year_masked["id"]), year=year[0], where=year[1], five=word,
                                         line=five_year_masked.get("line")))
                    )
    for line in segment.lines[:40]:
        five = _five_year(line.text)
        if five and _past_five_year(line.text, five[0]):
            continue  # “十三五”末, “十三五”以来: the years before the plan, not its period
        if five:
            candidates.append((1, five[1], said("extract.from.line-five", line=line.number, five=five[0])))
            break
    if not candidates:
        return Found(None)
    scores: Counter[tuple[int, int]] = Counter()
    for weight, period, _ in candidates:
        scores[period] += weight
    best = max(scores, key=lambda p: (scores[p], -min(i for i, c in enumerate(candidates) if c[1] == p)))
    sources = [source for _, period, source in candidates if period == best]
    return Found(best, _joined(list(dict.fromkeys(sources))))


def document_year(evidence: Evidence) -> tuple[int, str] | None:
    """The year the document was issued or published: the notice's date, or the page's (发布时间)."""
    lines = [(s.number, s.text) for s in evidence.header] + [(d.number, d.text) for d in evidence.dropped]
    lines += [(s.number, s.text) for s in evidence.segment.lines[-20:]]
    for number, text in sorted(lines):
        match = _DATE.search(fold(text))
        if match:
            return int(match.group(1)), said("extract.from.line", line=number)
    return None


def period_of(title: str | None, segment: Segment, header: list[Src]) -> tuple[int, int] | None:
    """The period alone (see `period_found`)."""
    return period_found(Evidence("", segment, header), title).value


def document_number(header: list[Src], segment: Segment) -> str | None:
    r = rules()
    for line in list(header) + segment.lines[:15]:
        text = line.text.strip()
        for match in r.document_number.finditer(text):
            before = text[: match.start()]
            if "《" in before and "》" not in before[before.rfind("《") :]:
                continue  # inside a cited title
            if re.search(r"(?:根据|按照|依据|依照|转发|印发)[^，。]*$", before) and not re.search(r"印发\s*[（(]$", before):
                continue  # a cited document (but 《…规划》已印发（X政发〔2023〕5号）: the number of what was issued)
            # 某某县人民政府文件某政发…: the red header is no part; …的通知某政发…: nor the notice's title run on
            return re.sub(r"^.*(?:文件|通知|决定|意见|办法|的)", "", match.group(0).replace(" ", ""))
    return None


def split_place(text: str) -> list[str]:
    """济南市市中区 → [济南市, 市中区]; 苏州市 → [苏州市]; 新平 → [新平].

    A part is a name and an administrative suffix (rules/extraction.yaml
    `admin_suffixes`), the shortest that ends in one: 济南市 | 市中区. A suffix does
    not end a part when a different one-character suffix follows it at once — 州 in
    苏州市, 杭州市, 通州区 is part of the name — and a part is never a bare suffix.
    """
    r = rules()
    suffixes = [s for s, _ in r.admin_suffixes]  # longest first
    characters = {s for s in suffixes if len(s) == 1}  # 省 州 市 县 区 …
    parts: list[str] = []
    begin = 0
    i = begin + 1  # a part holds at least one character of name before its suffix
    while i < len(text):
        end = None
        for suffix in suffixes:
            if i + len(suffix) > len(text) or not text.startswith(suffix, i):
                continue
            after = i + len(suffix)
            following = text[after : after + 1]
            if following and following in characters and following != suffix[-1]:
                continue  # 苏州|市: the suffix 州 is part of the name 苏州
            end = after
            break
        if end is None:
            i += 1
            continue
        parts.append(text[begin:end])
        begin = end
        i = begin + 1
    if begin < len(text):
        parts.append(text[begin:])
    return [p for p in parts if p]


def place_of_title(title: str) -> str | None:
    """The place a title names before its subject: 济南市市中区“十四五”妇女发展规划 → 济南市市中区."""
    text = squeeze(title)
    text = _LEADING_NOTE.sub("", text)  # 【会签稿】, （征求意见稿） before the title: a draft's mark, no place
    text = re.sub(r"^(?:关于印发|关于|印发)", "", text)
    cut = len(text)
    for word in ("妇女", "儿童", "未成年人", "“", '"', "十三五", "十四五", "十五五", "(", "国民经济", "女性"):
        at = text.find(word)
        if 0 <= at < cut:
            cut = at
    place = text[:cut]
    place = re.sub(r"(?:人民政府|政府|妇女儿童工作委员会|妇儿工委)$", "", place)
    return place or None


_LEADING_NOTE = regex(r"^(?:[(\[【〔][^()\[\]【】〔〕]{1,12}[)\]】〕])+")


def issuing_body(header: list[Src], segment: Segment) -> str | None:
    """The place of the first 某某县人民政府 the head or the tail of the text names as the issuer.

    The notice's addressees (各镇人民政府、街道办事处，县政府各部门：) are the governments below the issuer, never
    the issuer: a line opening with 各 or ending in a colon names no issuer.
    """
    weak: str | None = None
    for line in list(header) + segment.lines[:5] + segment.lines[-20:]:
        text = squeeze(line.text)
        if _ADDRESSEES.search(text):
            continue
        match = re.search(r"([\u4e00-\u9fff]{2,20}?)人民政府", text)
        if match is None:
            continue
        if _ISSUER.match(text[match.start() :]) and match.start() == 0:
            return _place_at_end(match.group(1))
        weak = weak or _place_at_end(match.group(1))
    return weak


_ADDRESSEES = regex(r"^各|[:：]$")
# the plan's own issuer: its signature (a line of the body's name alone), its red header (某县人民政府文件), the title of
# the notice that issues a plan (某县人民政府关于印发…的通知) — before a portal's or a wrapping notice's body (a correction
# notice of a purchase, 某市人民政府办公室关于…项目的更正公告), named first on the page
_ISSUER = regex(r"^[\u4e00-\u9fff]{2,20}?人民政府(?:$|文件$|关于印发)")


def _place_at_end(text: str) -> str:
    """The places a run of characters ends with, when the gazetteer knows them: 全文详见宣汉县 (a sentence running
    into 宣汉县人民政府网站) → 宣汉县; as written when no ending is a known place (某某县)."""
    endings = _known_endings(text)
    return endings[0] if endings else text


_CJK_RUN = regex(r"[\u4e00-\u9fff]+")


def _known_endings(text: str) -> list[str]:
    """The endings of the run of Chinese characters a text ends with that the gazetteer knows as places (a name or
    names run together), longest first: 【会签稿】崖州区 → 崖州区, 2021—2025年尤溪县 → 尤溪县, 2珲春市 → 珲春市."""
    runs = _CJK_RUN.findall(squeeze(text))
    if not runs or not squeeze(text).endswith(runs[-1]):
        return []
    run = runs[-1]
    places = _Places().gazetteer
    return [run[start:] for start in range(len(run) - 1) if places.split(run[start:]) is not None]


def _ends_in_suffix(text: str) -> bool:
    return any(text.endswith(s) and len(text) > len(s) for s, _ in rules().admin_suffixes)


def _places_in_words(text: str) -> list[list[str]]:
    """Known places standing in a run of words, each the longest ending at an administrative suffix, and only where
    what follows is no place of its own (尤溪县贯彻落实 → 尤溪县; 湖南省长沙市某某区: the unknown 某某区 is the place,
    so nothing), the last first. Each candidate is the list of its endings, longest first."""
    found: list[list[str]] = []
    text = squeeze(text)
    if _ends_in_suffix(text):
        found.append(_known_endings(text))
        return [f for f in found if f]
    for end in range(len(text) - 1, 1, -1):
        head, rest = text[:end], text[end:]
        if not _ends_in_suffix(head) or _ends_in_suffix(rest):
            continue
        endings = _known_endings(head)
        if endings:
            found.append(endings)
            break
    return found


def _inner_place(
    written: str, support: list[list[str]], places: _Places
) -> tuple[list[str], bool, str | None, str | None] | None:
    """The known place inside a written place the gazetteer does not know, with junk glued before it or words after
    it (【会签稿】崖州区, 2021—2025年尤溪县, 尤溪县贯彻落实): of the known endings, the longest the document's other
    evidence resolves to one place, else the longest that is ambiguous; None when no part is a known place."""
    ambiguous: tuple[list[str], bool, str | None, str | None] | None = None
    for endings in _places_in_words(written):
        for ending in endings:
            parts = places.gazetteer.split(ending) or [ending]
            resolved = places.resolve(parts, support)
            if resolved[1]:
                return resolved
            if resolved[2] is not None and ambiguous is None:
                ambiguous = resolved
    return ambiguous


def level_of(path: list[str]) -> str | None:
    """The level of the last place of a path, from its suffix and its depth; None when they cannot tell."""
    if not path:
        return None
    r = rules()
    last = path[-1]
    level = None
    for suffix, lv in r.admin_suffixes:
        if last.endswith(suffix) and len(last) > len(suffix):
            level = lv
            break
    if len(path) >= 3:
        return "county"  # below a province and a city
    if len(path) == 2:
        if level is None:
            # a name without a suffix: below a city it is a county; below a province it could be either
            return "county" if level_of(path[:1]) == "municipal" else None
        return "county" if level == "county" else "municipal"
    return level


# --------------------------------------------------------------------------- places


class _Places:
    """The gazetteer (compliance.catalogue.places), through the two questions extraction asks of it."""

    def __init__(self) -> None:
        from compliance.catalogue.places import gazetteer

        self.gazetteer: Any = gazetteer()

    def resolve(self, parts: list[str], evidence: list[list[str]]) -> tuple[list[str], bool, str | None, str | None]:
        """(canonical path or the parts as written, known, a note when the name is ambiguous, the gazetteer's level)."""
        found = self.gazetteer.resolve(parts, evidence=[p for p in evidence if p])
        if found.found:
            return list(found.path or ()), True, None, found.place.level if found.place else None
        if found.status == "ambiguous":
            return list(parts), False, str(found.message), None
        return list(parts), False, None, None

    def level(self, path: list[str]) -> str | None:
        """The level of the path's last place: the gazetteer's (琼海市 under 海南省 is a county-level city), else its suffix's."""
        found = self.gazetteer.resolve(path) if path else None
        if found is not None and found.found and found.place is not None:
            return str(found.place.level)
        return level_of(path)

    def normalise(self, parts: list[str]) -> list[str]:
        return list(self.gazetteer.normalise(parts))


def only_level_words(place: str) -> bool:
    """Whether a title's "place" is made of level words only (区县, 县区, 县（市、区）): a form or template for
    every place of a level, naming none; the place is then looked for elsewhere (the issuer, the 填报单位)."""
    rest = re.sub(r"[（）()、]", "", place)
    suffixes = [suffix for suffix, _ in rules().admin_suffixes]
    while rest:
        for suffix in suffixes:
            if rest.startswith(suffix):
                rest = rest[len(suffix):]
                break
        else:
            return False
    return True


def complete_path(path: list[str], level: str) -> bool:
    """Whether the gazetteer knows the path's last place, at this level, with exactly these places above it."""
    found = _Places().gazetteer.resolve(path)
    place = found.place if found.found else None
    return place is not None and place.level == level and list(place.path) == list(path)


def jurisdiction_found(
    evidence: Evidence, title: str | None, cited: list[str], kind: str | None, file_title: str | None = None,
    file_source: str = "extract.from.file-name-place",
) -> tuple[Found, Found, str | None]:
    """(jurisdiction, level, a note on how the place was found) of a plan.

    The place comes from the title (else the plan's own name, else the issuing
    government, else a file named by the plan's title: 某县妇女发展规划（2021—2030年）.xlsx); it is
    resolved in the gazetteer with the document's other evidence (the parents it cites, the issuing
    government, a breadcrumb); an unknown place is completed upwards from the parents it cites. The level
    is the place's, else its suffix's; what nothing tells stays unknown.
    """
    places = _Places()
    place = place_of_title(title) if title else None
    if place and only_level_words(place):
        place = None  # 区县儿童发展规划主要指标备案表: a form for every county, no county's name
    source = said("extract.from.the-title", title=title) if place else None
    support = [split_place(p) for p in _supporting_places(evidence, cited)]
    heading = _heading_place(evidence, title, place, support, places)
    if heading is not None:
        number, path, level = heading
        source = said("extract.from.heading-place", line=number, place=path[-1])
        return Found(path, said("extract.from.gazetteer-suffix", source=source)), Found(
            level or level_of(path), said("extract.from.the-gazetteer")
        ), None
    if place and any(place.startswith(w) for w in rules().national_names):
        return Found([], source), Found("national", source), None
    if not place:
        body = issuing_body(evidence.header, evidence.segment)
        if body:
            place, source = body, said("extract.from.issuing", body=body)
    if not place:
        unit = reporting_unit(evidence)
        if unit is not None:
            place, source = unit[1], said("extract.from.reporting-unit", line=unit[0], place=unit[1])
    if not place and file_title and is_title(file_title):
        place = place_of_title(file_title)
        source = said(file_source, name=file_title) if place else None
        if place and any(place.startswith(w) for w in rules().national_names):
            place = source = None  # a file named by the outline's title: a copy of it, no place of the plan's
    if not place:
        return Found(None), Found(None), None
    parts = split_place(place)
    path, known, ambiguous, level = places.resolve(parts, support)
    if not known and not ambiguous:
        inner = _inner_place(place, support, places)
        if inner is not None:
            path, known, ambiguous, level = inner
            parts = path if known else parts
    if known:
        # the gazetteer's level: a city directly under a province may be county-level (琼海市), whatever its suffix says
        return Found(path, said("extract.from.gazetteer-suffix", source=source)), Found(
            level or level_of(path), said("extract.from.the-gazetteer") if len(path) else source
        ), None
    if ambiguous:
        return Found(None, ambiguous), Found(level_of(parts), source), ambiguous
    known_start = places.normalise(parts)  # the places the gazetteer knows, the unknown one kept as written
    if len(known_start) > 3:
        return Found(None, source), Found(None, source), None  # no place of a plan: words run on after a place
    if len(known_start) > len(parts):
        note = said("extract.from.placed-under", place=parts[-1], parents="/".join(known_start[:-1]))
        return Found(known_start, said("extract.from.parents-from-gazetteer", source=source)), Found(
            level_of(known_start), source
        ), note
    if len(path) > 3:
        return Found(None, source), Found(None, source), None
    if cited:
        completed = _complete_from_parents(path, cited, kind, places)
        if completed is not None:
            full, note, level = completed
            return Found(full, said("extract.from.completed", source=source)), Found(
                level or level_of(full), said("extract.from.parents-cited") if level else source
            ), note
    return Found(path, source), Found(level_of(path), source), None


def _heading_place(
    evidence: Evidence, title: str | None, place: str | None, support: list[list[str]], places: _Places
) -> tuple[int, list[str], str | None] | None:
    """(line, path, level) of a heading that names, besides the plan's title and outside its 《…》, a known place within the
    title's: 福建省儿童发展规划（2021—2030年）某县任务分解表, 某县贯彻落实《福建省…》任务分解方案 are the county's. The
    county named in the heading wins over the province whose plan it breaks down; a notice forwarding the parent's plan
    (`heading_place_not`) names no place of the plan's. With no title, a heading naming a plan in 《…》 counts."""
    r = rules()
    key = squeeze(fold_digits(title)) if title else None
    above: list[str] | None = None
    if place:
        resolved = places.resolve(split_place(place), support)
        if not resolved[1]:
            inner = _inner_place(place, support, places)
            if inner is None or not inner[1]:
                return None  # the title's place is not known: nothing to be within
            resolved = inner
        above = resolved[0]
    for number, text in evidence.texts(6):
        line = squeeze(fold_digits(text))
        if not line or len(line) > 80 or "。" in line or any(w in line for w in r.heading_place_not):
            continue
        if key is not None:
            if key not in line:
                continue
            rest = line.replace(key, "|")
        elif not any(is_title(m.group(1)) for m in _BOOK.finditer(line)):
            continue
        else:
            rest = line
        rest = _BOOK.sub("|", rest)
        for piece in _CJK_RUN.findall(rest):
            for endings in _places_in_words(piece):
                for ending in endings:
                    parts = places.gazetteer.split(ending) or [ending]
                    path, known, _, level = places.resolve(parts, support + ([above] if above else []))
                    if known and (above is None or (len(path) > len(above) and path[: len(above)] == above)):
                        return number, path, level
        if key is not None:
            break
    return None


def reporting_unit(evidence: Evidence) -> tuple[int, str] | None:
    """(line, place) of the body a table names as the one that made or reports it (填报单位：某县妇儿工委, 制表单位：…,
    `unit_labels`), near the top or at the foot: the known place its name begins with."""
    r = rules()
    if not r.unit_labels:
        return None
    # 填报单位：…, 填报单位（盖章）：… (folded: the brackets are half width)
    words = "|".join(re.escape(w) for w in r.unit_labels)
    label = regex("(?:" + words + r")\s*(?:\([^()]{1,6}\))?\s*[:：]\s*([\u4e00-\u9fff]{2,30})")
    lines = evidence.texts(15) + [(s.number, s.text) for s in evidence.segment.lines[-10:]]
    places = _Places().gazetteer
    for number, text in lines:
        for match in label.finditer(fold(text)):
            name = match.group(1)
            for end in range(len(name), 1, -1):
                if _ends_in_suffix(name[:end]) and places.split(name[:end]) is not None:
                    return number, name[:end]
    return None


def _supporting_places(evidence: Evidence, cited: list[str]) -> list[str]:
    """Other places the document names: cited parents, the issuing government, breadcrumbs."""
    found: list[str] = []
    for parent in cited:
        place = place_of_title(parent)
        if place and place not in rules().national_names:
            found.append(place)
    body = issuing_body(evidence.header, evidence.segment)
    if body:
        found.append(body)
    unit = reporting_unit(evidence)
    if unit is not None:
        found.append(unit[1])
    for item in evidence.dropped:
        if ">" in item.text or "＞" in item.text:
            found += [p.strip() for p in re.split(r"[>＞›»]", item.text) if 1 < len(p.strip()) <= 12]
    return found


def _complete_from_parents(
    path: list[str], cited: list[str], kind: str | None, places: _Places
) -> tuple[list[str], str, str | None] | None:
    """An unknown place completed upwards from the parent plans it follows: (path, note, level when it is told)."""
    best: list[str] = []
    province: str | None = None
    city: str | None = None
    for parent in cited:
        parent_place = place_of_title(parent)
        if not parent_place or parent_place in rules().national_names:
            continue
        parent_path = places.normalise(split_place(parent_place))
        if len(parent_path) > len(best) and parent_path != path[: len(parent_path)]:
            best = parent_path
        # a province cited in one title and a city in another: 《湖南省…》《长沙市…》 for 浏阳市
        if len(parent_path) == 1 and level_of(parent_path) == "provincial":
            province = province or parent_path[0]
        elif len(parent_path) == 1 and parent_path[0] not in path and level_of(parent_path) == "municipal":
            city = city or parent_path[0]
    if province and city and len(best) < 2:
        best = [province, city]
    path = [p for p in path if p not in best]  # a part the parents already name (长沙市 of 长沙市某某区)
    if not best or len(best) + len(path) > 3 or not path:
        return None
    place = "".join(path)
    note = said("extract.from.not-in-gazetteer", place=place)
    level = None
    # a 市 following another 市's plan of the same kind is a county-level city (宜都市 under 宜昌市)
    if (
        path
        and path[-1].endswith("市")
        and best[-1].endswith("市")
        and level_of([best[-1]]) == "municipal"
        and any(_cites_city_plan(parent, best[-1], kind) for parent in cited)
    ):
        level = "county"
        note = _joined([note, said("extract.from.county-level-city", city=best[-1])])
    return best + path, note, level


def _cites_city_plan(parent: str, city: str, kind: str | None) -> bool:
    """The cited title is the plan of `city` itself, of the same kind (women's or children's) when it tells."""
    parent_place = place_of_title(parent)
    if not parent_place or split_place(parent_place)[-1:] != [city]:
        return False
    parent_kind = subject_kind(squeeze(parent))
    return kind is None or parent_kind is None or parent_kind == kind


# --------------------------------------------------------------------------- title and document type


def title_found(evidence: Evidence, kind: str | None) -> tuple[Found, str | None]:
    """(the plan's title, a note when the heading names the other kind).

    The title line, unless it names the other kind (then the plan's own name for
    itself); without a title line, the plan's own name, the title the notice issues
    (现将《…》印发), else a plan of the kind the notice names and does not cite as a parent
    (对《…》实施情况开展中期评估), an attachment's heading (附件：…规划（摘录）), a file name left on the page, else the
    file's name.
    """
    segment = evidence.segment
    title = segment.title
    if title is not None and (kind is None or segment.title_kind in (None, kind)):
        return Found(_tidy(title), said("extract.from.line", line=segment.title_line)), None
    own = self_title(segment, kind) if kind else None
    if title is not None:
        note = said(
            "extract.from.heading-other-kind", line=segment.title_line, title=title, kind=_kind_word(kind),
            own=said("extract.from.heading-own-name", title=own) if own else "",
        )
        own_name = said("extract.from.own-name")
        return Found(_tidy(own or title), own_name if own else said("extract.from.line", line=segment.title_line)), note
    if own:
        return Found(_tidy(own), said("extract.from.own-name")), None
    for number, text in evidence.texts(15):  # an article's headline 图解：…规划（2021—2030年）: the plan it is about
        inner = summary_title(text)
        if inner and (kind is None or subject_kind(inner) in (None, kind)):
            return Found(_tidy(inner), said("extract.from.line", line=number)), None
    for number, text in evidence.texts(60):
        for match in _BOOK.finditer(text):
            inner = match.group(1)
            before = text[max(0, match.start() - 8) : match.start()]
            after = text[match.end() : match.end() + 30]
            verbs = list(re.finditer(r"(?:现将|印发|出台|发布|制定|编制|颁布)", before))
            # 编制依据：《…》: the verb names the basis, the parents, not the plan
            issued = bool(verbs) and not any(w in before[verbs[-1].end() :] for w in rules().follows_words)
            if is_title(inner) and (kind is None or subject_kind(inner) in (None, kind)) and (
                issued or _ISSUED_AFTER.match(after)
            ):
                return Found(_tidy(inner), said("extract.from.notice-naming", line=number)), None
    # a caption near the top naming the plan and the table it heads (…规划（2021—2030年）主要指标任务分解表): before a
    # plan a later line only names (注：“省目标”为《某省…规划》规划期末目标 — a parent's, quoted in a column)
    caption = _caption_title(evidence, kind)
    if caption is not None:
        return Found(_tidy(caption[1]), said("extract.from.caption", line=caption[0])), None
    cited = {squeeze(fold_digits(t)) for t in follows(segment, None)}
    for number, text in evidence.texts(60):  # a notice about the plan (对《…》实施情况开展中期评估): its 《…》, cited as no parent
        for match in _BOOK.finditer(text):
            inner = match.group(1)
            if (  # a masked title (（****—****年）) too: its place is the plan's; the file name may tell the period
                is_title(inner) and kind is not None and subject_kind(inner) == kind
                and (squeeze(fold_digits(inner)) not in cited or _county_title(inner)) and place_of_title(inner)
                and not any(inner.startswith(w) for w in rules().national_names)
            ):
                return Found(_tidy(inner), said("extract.from.notice-naming", line=number)), None
    for sheet in _sheet_names(evidence):  # a worksheet named by the plan (某县妇女发展规划, 某县妇女发展规划主要指标)
        named = sheet if is_title(sheet) else caption_title(sheet, kind)
        if named and (kind is None or subject_kind(squeeze(named)) in (None, kind)):
            return Found(_tidy(named), said("extract.from.sheet-name", sheet=sheet)), None
    for number, text in evidence.texts(60):
        attachment = rules().title_attachment.match(text.strip())
        if attachment and is_title(inner := attachment.group("title")) and (kind is None or subject_kind(inner) in (None, kind)):
            return Found(_tidy(inner), said("extract.from.line", line=number)), None
    for item in evidence.dropped:
        name = re.sub(r"\.(?:docx?|pdf|wps|txt)$", "", item.text.strip())
        if name != item.text.strip() and is_title(name):
            return Found(_tidy(name), said("extract.from.file-name-on-page", line=item.number)), None
    return Found(None), None


def _county_title(title: str) -> bool:
    """A plan of a county (a 县, a 区, a county-level city, by the gazetteer) is no plan's parent: a document with no
    title of its own citing one as its basis (a leaflet's 依据：《某县儿童发展规划（2021—2030年）》) is about that plan."""
    place = place_of_title(title)
    if not place:
        return False
    _, known, _, level = _Places().resolve(split_place(place), [])
    return known and level == "county"


def name_title(name: str, kind: str | None = None) -> str | None:
    """The plan's title a container's name for its text holds (an e-mail's Subject, an attachment's file name without
    its suffix), else None: 转发：关于报送某县妇女发展规划（2021—2025年）的函 → 某县妇女发展规划（2021—2025年).
    The name is cut at a mailer's and a clerk's words (rules/extraction.yaml `title.name_cuts`); the title is the
    longest start of a piece that is a title, of `kind` when given."""
    for piece in rules().title_name_cuts.split(name):
        piece = piece.strip(" \t_-—.．、")
        for end in range(len(piece), 3, -1):
            title = piece[:end].strip(" \t_-—")
            if is_title(title) and (kind is None or subject_kind(squeeze(title)) in (None, kind)):
                return title
    return None


def _sheet_names(evidence: Evidence) -> list[str]:
    """The names of the worksheets the plan's lines stand on (a workbook's), in order."""
    names: list[str] = []
    for line in [*evidence.header, *evidence.segment.lines]:
        if line.sheet and line.sheet not in names:
            names.append(line.sheet)
    return names


def _caption_title(evidence: Evidence, kind: str | None, limit: int = 12) -> tuple[int, str] | None:
    """(line, title) of a caption naming the plan and then the table or list it heads, near the top
    (`words.caption_title`)."""
    lines = [(s.number, _lone_text(s) or "") for s in evidence.header[:limit]]
    lines += [(s.number, _lone_text(s) or "") for s in evidence.segment.lines[:limit]]
    labels = rules().unit_labels
    for number, cell in lines:
        # a banner cell of several lines (the caption over 填报单位：…, Alt+Enter in a workbook), maybe read as one: each
        # line its own, the caption ending where the line naming who filled the table in begins
        for text in cell.splitlines() or [cell]:
            cut = min((at for at in (text.find(w) for w in labels) if at > 0), default=len(text))
            text = text[:cut]
            title = caption_title(text, kind) or _placed_caption(text, kind)
            if title is not None:
                return number, title
    return None


_PLACE_BOOK = regex(r"^([\u4e00-\u9fff]{2,16})《([^《》]{2,60})》([^《》]*)$")


def _placed_caption(text: str, kind: str | None) -> str | None:
    """某县《儿童发展规划（2021—2030年）》主要指标分解表: a caption naming its place, then the plan's title without one in
    《…》, then its table: the title is the place's (某县儿童发展规划（2021—2030年）)."""
    match = _PLACE_BOOK.match(text.strip())
    if match is None or not _ends_in_suffix(match.group(1)):
        return None
    title = match.group(1) + match.group(2)
    inner = squeeze(match.group(2))
    if place_of_title(inner) is not None or caption_title(title + match.group(3), kind) is None:
        return None
    return title


# 《…规划》（…〔2022〕40号）正式印发: a news article naming the plan it reports on
_ISSUED_AFTER = regex(r"(?:[（(][^（()）]{0,24}[）)])?(?:已经|已|正式|日前|近日|于近日)?(?:印发|发布|出台|颁布|公布)")


def report_headline(lines: list[Src], segments: list[Segment]) -> Src | None:
    """The headline of a report on a plan (…规划统计监测报告, 中期评估报告), when the document is one: not the plan."""
    if any(s.title for s in segments):
        return None
    r = rules()
    for line in islice((line for line in lines if line.text.strip()), 15):
        if len(line.text) <= 100 and r.report_headline.fullmatch(squeeze(fold(line.text))):
            return line
    return None


def reports_on_plan(lines: list[Src], segments: list[Segment]) -> bool:
    """Whether the document is a report on a plan (a mid-term evaluation quoting it), by its headline: one refused
    as such (`report_headline`) or one that says so more loosely (`report_mentions`: …中期评估情况的报告)."""
    if report_headline(lines, segments) is not None:
        return True
    if any(s.title for s in segments):
        return False
    r = rules()
    return any(len(line.text) <= 100 and r.report_mention.search(squeeze(fold(line.text)))
               for line in islice((line for line in lines if line.text.strip()), 15))


def summary_title(text: str) -> str | None:
    """The plan's title in the headline of an article about it (《…规划》政策解读, 图解：…规划), else None."""
    r = rules()
    if len(text) > 80 or not r.summary_headline.fullmatch(squeeze(fold(text))):
        return None
    inner = text.strip()
    for _ in range(4):  # the words around the title, from either end: 关于《…》的政策解读
        before = inner
        for word in r.summary_headline_words:
            inner = inner.removeprefix(word).removesuffix(word).strip(" ：:|｜丨《》“”\u3000")
        if inner == before:
            break
    return inner if is_title(inner) else None


def _tidy(title: str) -> str:
    title = fold_digits("".join(title.split()) if len(title) < 80 else title.strip())
    # a draft's mark before the title (【会签稿】…, （征求意见稿）…) is no part of the plan's name
    bare = _LEADING_MARK.sub("", title)
    return bare if bare != title and is_title(bare) else title


_LEADING_MARK = regex(r"^(?:[（(\[【〔][^（()）\[\]【】〔〕]{1,12}[）)\]】〕])+")


_NEWS = regex(r"以下简称《[^》]{1,8}》|《(?:规划|纲要)》(?:提出|明确|要求|指出|强调|围绕|还|并|对)|日前|近日|记者|通讯员")


# the lines cleaning left out of a quiz bank (cleaning._quiz): a document written from the plan, not the plan
_QUIZ_REASONS = ("quiz question", "quiz options", "quiz option")


def news_article(lines: list[Src], dropped: list[Dropped], segments: list[Segment]) -> bool:
    """A news article about a plan (not the plan): no title line of its own, and the words of a report."""
    if any(summary_title(line.text) for line in lines[:15]):  # a headline 《…规划》政策解读: the page says what it is
        return True
    if any(item.reason in _QUIZ_REASONS for item in dropped):  # a quiz bank on the plan, whatever its title says
        return True
    if any(s.title for s in segments):
        return False
    signals = 0
    for line in lines[:60]:
        signals += len(_NEWS.findall(line.text))
        if re.match(r"^\s*【[^】]{1,12}】", line.text):
            signals += 1
    for item in dropped:
        if item.reason in ("shot note", "time code"):
            return True  # a TV news script (its shot notes, its time codes): a report about the plan
        if re.search(r"记者|通讯员|来源[:：]", item.text):
            signals += 1
    return signals >= 3
