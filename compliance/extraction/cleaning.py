"""Cleaning: the lines of a document without what is not plan text, each noted with why.

The first stage after reading (`compliance.reading`). Each rule is general; the
vocabulary is data (rules/extraction.yaml):

1. Characters: control characters and inline noise (Word bookmarks, pandoc
   anchors) are removed from every line and cell.
2. Furniture: lines of web-page, portal and print furniture (查看原文, 发布时间,
   VIP notices, ICP lines, menus of short words such as 首页 | 新闻 | 视频), and
   blocks that start with a furniture heading (相关新闻, 网友评论, 相关推荐 …) and
   run to the next blank line; a table of contents (目录 and its entries: a
   part's name and its page number after a dot leader, or after a tab below
   the heading) — never headings, never numbers.
3. Pages: page numbers (— 3 —, 第2页) and running headers or footers — a short
   line repeated on at least three pages next to a page number. A running
   header is never a plan title; its first copy away from a page number stays
   (the title it repeats). The blank lines of a page break go with it, so that a
   sentence broken by a page break reads on.
4. Chunks: a 文库 export cuts the text into numbered chunks ("1、…", "2、…"),
   one per line, each cut mid-sentence. A run of lines numbered 1, 2, 3 … in
   sequence whose ends mostly fall mid-sentence is such an export: the chunk
   numbers are removed (they are not list numbers: "4、5岁以下" is chunk 4 of
   "5岁以下…") and each chunk is marked as continuing the one before.
5. Repeats: a run of consecutive lines that repeats an earlier run word for
   word (a page holding the plan twice) is left out; the first copy stays.

Nothing is lost silently: every line left out is in `Cleaned.dropped` with its
reason, and the later stages may read it as evidence (a breadcrumb naming the
county, the publication date of a masked notice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from compliance.extraction._rules import fold, rules, squeeze
from compliance.reading import Line
from compliance.compiled import regex

MASKS = "*＊"


@dataclass
class Src:
    """A line after cleaning: its number in the document, its text, and (for a table row) its cells.

    A line made of several lines of the document (the chunks of a 文库 export,
    a run-on list split or joined) keeps, in `spans`, where each document line
    starts in `text`, so every character still has the line a person finds it on.
    """

    number: int
    text: str
    cells: list[str] | None = None
    merged: list[bool] | None = None
    percent: list[bool] | None = None  # per cell: a number in a percent format (.xlsx)
    item: tuple[str, int | None] | None = None  # a list item whose number was blanked from `text` (6.0～6个月…)
    spans: list[tuple[int, int]] | None = None  # (offset in text, document line) where each document line starts
    continues: bool = False  # the text runs on from the line before (a 文库 chunk cut mid-sentence)
    table_text: bool = False  # a flattened table: header and rows run together in one text (文库 exports)
    locator: str | None = None  # where a person finds the line (set by the reader)
    cell_numbers: list[int] | None = None  # per cell, where the format numbers cells (.pdf, .html)
    cell_locators: list[str] | None = None  # per cell: where a person finds it
    spanned: list[bool] | None = None  # per cell: covered by the cell to its left (a horizontally merged cell)
    cell_parts: list[list[tuple[int, int, bool]] | None] | None = None  # per cell: (offset, number, starts a line) of its parts
    sheet: str | None = None  # the worksheet of a workbook's row: a table never runs on into the next sheet
    # a sentence row of an indicator table (指标/目标任务 merged across the value columns), read as text: the table
    # goes on below it
    table_sentence: bool = False
    # a statement of its own, no sentence broken across lines (a TV script's caption card): never joined to the next
    whole: bool = False

    def number_at(self, offset: int) -> int:
        """The document line holding character `offset` of `text`."""
        number = self.number
        for start, span_number in self.spans or ():
            if start > offset:
                break
            number = span_number
        return number

    @property
    def blank(self) -> bool:
        return not self.text.strip() and not (self.cells and any(c.strip() for c in self.cells))

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def key(self) -> str:
        return squeeze(self.text)

    def set_text(self, text: str) -> None:
        """Replace the text (same offsets expected), forgetting what was derived from the old one."""
        self.text = text
        self.__dict__.pop("folded", None)
        self.__dict__.pop("key", None)


@dataclass
class Dropped:
    """A line left out of the plan text, and why."""

    number: int
    text: str
    reason: str  # furniture | furniture block | commentary box | page number | running header | page break | screen edge | screen overlap | repeated copy | chunk banner


@dataclass
class Cleaned:
    lines: list[Src]
    dropped: list[Dropped] = field(default_factory=list)
    chunked: bool = False  # a 文库 export: numbered chunks joined back into one text
    masked_digits: int = 0  # digits masked (*) in the kept text
    digits: int = 0  # digits legible in the kept text

    @property
    def masked_share(self) -> float:
        total = self.masked_digits + self.digits
        return self.masked_digits / total if total else 0.0

    def reasons(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.dropped:
            counts[item.reason] = counts.get(item.reason, 0) + 1
        return counts


_DIGIT = regex(r"\d")

# What a page break leaves out entirely: the text on either side reads on.
_PAGE_BREAK = ("page number", "running header", "page break", "screen edge", "screen overlap")

# Characters no plan text holds and YAML cannot carry: control characters, lone surrogates.
# What is not printable: control characters (a tab aside), surrogates, U+FFFE/U+FFFF; the complement of
# [\x09\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff] (checked on every code point),
# written as the few it holds: the same set compiles in a twentieth of the time.
_UNPRINTABLE = regex("[\x00-\x08\x0a-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(lines: list[Line]) -> Cleaned:
    """The plan text of a document's lines: the steps of this module's docstring, in order."""
    reasons: dict[int, str] = {}
    _footnotes(lines, reasons)
    sources = [_characters(line) for line in lines]
    _furniture(sources, reasons)
    _screens(sources, reasons)
    _chat(sources, reasons)
    _quiz(sources, reasons)
    _pages(sources, reasons)
    chunked = _chunks(sources, reasons)
    _broadcast(sources, reasons)
    kept = []
    for i, line in enumerate(sources):
        if i not in reasons:
            kept.append(line)
        elif reasons[i] not in _PAGE_BREAK and not _inside_a_sentence(kept, reasons[i]):
            kept.append(Src(line.number, "", locator=line.locator))  # furniture stays a blank line: it separates
    kept, repeated = _drop_repeats(kept)
    dropped = [Dropped(s.number, s.text, reasons[i]) for i, s in enumerate(sources) if i in reasons]
    dropped += [Dropped(s.number, s.text, "repeated copy") for s in repeated]
    dropped.sort(key=lambda d: d.number)
    cleaned = Cleaned(kept, dropped, chunked)
    for line in kept:
        texts = [line.text] if line.cells is None else line.cells
        for text in texts:
            cleaned.masked_digits += sum(text.count(m) for m in MASKS)
            cleaned.digits += len(_DIGIT.findall(text))
    return cleaned


# A line ending so is cut inside a sentence (…分别达到60%和): a portal's notice line after it breaks no paragraph.
_OPEN_SENTENCE_END = tuple("，,、和及与或")


def _inside_a_sentence(kept: list[Src], reason: str) -> bool:
    """Whether a furniture line stands inside a sentence (…分别达到60%和 ↵ ——以下内容已脱敏，登录后查看—— ↵ **%。): the
    text before it ends on a list's or clause's joint, so the sentence reads on past it as past a page break."""
    if reason != "furniture":
        return False
    before = next((line for line in reversed(kept) if line.text.strip()), None)
    return before is not None and before.cells is None and before.text.rstrip().endswith(_OPEN_SENTENCE_END)


def _characters(line: Line) -> Src:
    r = rules()
    text = _keycap_number(_UNPRINTABLE.sub("", line.text))
    for pattern in r.inline_noise:
        text = pattern.sub("", text)
    text = _ocr_characters(_mask_glyphs(text))
    if line.cells is None:
        text = _without_note_marks(text)
    text = r.split_number.sub(r"\g<verb>\g<a>\g<b>\g<unit>", text)  # 达到1 2% (OCR): one number
    text = _header_cell(text)
    cells = None
    if line.cells is not None:
        cells = []
        for cell in line.cells:
            cell = _UNPRINTABLE.sub("", cell)
            for pattern in r.inline_noise:
                cell = pattern.sub("", cell)
            cells.append(_ocr_characters(_mask_glyphs(cell)))
    spans = getattr(line, "spans", None)
    if spans and len(text) == len(line.text):  # offsets still hold after cleaning
        spans = [(entry[0], entry[1]) for entry in spans]
    else:
        spans = None
    return Src(
        line.number,
        text,
        cells,
        line.merged,
        line.percent,
        spans=spans,
        locator=getattr(line, "locator", None),
        spanned=getattr(line, "spanned", None),
        cell_numbers=getattr(line, "cell_numbers", None),
        cell_locators=getattr(line, "cell_locators", None),
        cell_parts=_kept_parts(getattr(line, "cell_parts", None), line.cells, cells),
        sheet=getattr(line, "sheet", None),
        whole=getattr(line, "whole", False),
    )


def _keycap_number(text: str) -> str:
    """A social post's list number written in emoji keycaps (1️⃣…, 1️⃣1️⃣…, 🔟…) as the number it is, （11）, so that
    no keycap's digit is read as a value or glued to the name (5️⃣5岁以下…): rules/extraction.yaml `keycap_digit`."""
    match = rules().keycaps.match(text)
    if match is None:
        return text
    digits = "".join(ch for ch in match.group("run") if ch.isdigit()) or "10"
    return f"{match.group('space')}（{int(digits)}）{text[match.end():]}"


def _kept_parts(
    parts: list[list[tuple[int, int, bool]] | None] | None, before: list[str] | None, after: list[str] | None
) -> list[list[tuple[int, int, bool]] | None] | None:
    """The cells' parts where cleaning left the cell's text as it was (else its offsets no longer hold)."""
    if not parts or before is None or after is None:
        return None
    return [p if k < len(after) and k < len(before) and after[k] == before[k] else None for k, p in enumerate(parts)]


def _ocr_characters(text: str) -> str:
    """What an OCR engine made of a scan's characters, read as a person reads it; one character for one.

    A glyph for a character it could not read, inside a number (6■%, 5囗%), is a
    masked digit: illegible, reported, never guessed. A letter it read for a
    digit inside a number (9O%, 1O0%, l1/10万: `ocr_digit_letters`) is that digit,
    and 一 between two years (2021一2030年) the dash. A stray mark at a line's end (…服务丨, …以下。 ') is a space,
    and so is a table's rule read as a mark standing alone between two spaces (93.2 丨 ≥95); 4.5%o is 4.5‰, 98°/o 98%,
    S岁以下 5岁以下.
    """
    r = rules()
    text = r.illegible_digit.sub("*", text)
    if any(letter in text for letter in r.ocr_digit_letters):
        text = r.ocr_letter_number.sub(_digits_for_letters, text)
        text = r.ocr_lone_one.sub("1", text)  # 建成l处: 建成1处
    if "一" in text:
        text = r.ocr_year_dash.sub("—", text)
    if any(mark in text for mark in r.ocr_rule_marks):
        text = r.ocr_rule_mark.sub(" ", text)
    if "%" in text or "％" in text:
        text = r.ocr_permille.sub("‰ ", text)
    if "/" in text:
        text = r.ocr_percent.sub(lambda m: "%" + " " * (len(m.group(0)) - 1), text)  # 98°/o: 98%
    if "岁" in text:
        text = r.ocr_age_letter.sub(lambda m: r.ocr_age_letters[m.group(0)], text)  # S岁以下: 5岁以下
    return r.ocr_line_end.sub(lambda m: " " * len(m.group(0)), text)


def _note_key(mark: str) -> str:
    """A footnote reference by its style and number: [1] and ［1］ alike, ① apart from ¹."""
    import unicodedata

    style = "[" if mark[:1] in "[［〔" else "c" if unicodedata.name(mark[0], "").startswith(("CIRCLED", "DINGBAT")) else "s"
    return style + "".join(ch for ch in unicodedata.normalize("NFKC", mark) if ch.isdigit())


def _without_note_marks(text: str) -> str:
    """A line's text without the footnote references glued to it (达到95%[1]以上, 新生儿死亡率①控制在…)."""
    return rules().text_note_mark.sub("", text)  # searched in C only where a mark can start (compliance.compiled)


def _footnotes(lines: list[Line], reasons: dict[int, str]) -> None:
    """The text of a plan's footnotes ([1] 指……, ① 不含……): a line opening with a reference the text made before,
    glued to a word or a value, is the note's text, no plan text (its numbers are no targets)."""
    r = rules()
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if line.cells is not None:
            continue
        opening = r.text_note_line.match(line.text)
        key = _note_key(opening.group("mark")) if opening else ""
        if key in seen and (not key.startswith("c") or r.text_note_definition.match(line.text, opening.end())):
            reasons[i] = "footnote"
            continue
        for mark in r.text_note_mark.finditer(line.text):
            seen.add(_note_key(mark.group(0)))


_CN_NUMERALS = "一二三四五六七八九十零〇○"
_AFTER_A_NUMBER = regex(r"\s*(?:[%％‰/／年岁]|个百分点|百分点)")
_SIGN_BEFORE = regex(r"(?:[≥≤<>＜＞≦≧=＝]|[0-9０-９][/／])\s*$")
_RANGE_DASH = regex(r"\s*[—–\-~～至]+\s*")
_NUMBERING_AFTER = regex(r"[、.．]")
_OPENS = "。；;：:！!？?"
_CELL_BEFORE = regex(r"(?:^|\t|\||│|\s{2})\s*$")
_CELL_AFTER = regex(r"\s*(?:$|\t|\||│|\s{2})")


def _mask_glyphs(text: str) -> str:
    """Digits hidden behind other characters than * (≥××%, 控制在××/10万以下, ○○%, ×××× 年) read as *, one for one.

    A run of digits, points and such characters (`mask_glyphs`) is masked digits where a number stands — a unit
    mark, 年 or 岁 after it, a comparator sign or a rate's slash before it, a dash to another such run (a range of
    years) — or where numbering stands (×、 and （×） opening a line or a sentence, “×××” a five-year plan's name).
    After a target's verb a run before a counter is a masked count (达到××万人, 不少于××个). A table cell that is such a run alone, two characters or more (××, between tabs, bars or wide spaces in a text
    table), is a masked value too (one × alone may say "no"). A sign between two digits (3×3), a placeholder in words (××县) and 〇 among Chinese numerals stay as written.
    """
    r = rules()
    if not any(glyph in text for glyph in r.mask_glyphs):
        return text
    out = list(text)
    for match in r.mask_glyph_run.finditer(text):
        start, end = match.start(), match.end()
        while text[end - 1] in ".．":
            end -= 1  # ×. : a number never ends on its point
        run = text[start:end]
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
            continue  # XX in a word of letters
        if before in _CN_NUMERALS or after in _CN_NUMERALS:
            continue  # 二〇三〇年
        if any(
            ch in r.mask_glyphs and 0 < k < len(run) - 1 and run[k - 1].isdigit() and run[k + 1].isdigit()
            for k, ch in enumerate(run)
        ):
            continue  # 3×3, 4×100: a sign between two numbers
        glyphs = sum(ch in r.mask_glyphs for ch in run)
        opening = not text[:start].strip() or text[:start].rstrip()[-1:] in _OPENS
        if opening and glyphs == 1 and run[0] in "○〇" and len(run) > 1:
            continue  # ○3岁以下儿童…: a bullet before a name's age
        dash = _RANGE_DASH.match(text, end)
        masked = (
            (glyphs >= 2 and _CELL_BEFORE.search(text, 0, start) is not None and _CELL_AFTER.match(text, end) is not None)
            or _AFTER_A_NUMBER.match(text, end) is not None
            or _SIGN_BEFORE.search(text, 0, start) is not None
            or r.mask_glyph_count.search(text[max(0, start - 6) : start] + "\x00" + text[end : end + 4]) is not None
            or (dash is not None and r.mask_glyph_run.match(text, dash.end()) is not None)
            or (before in "—–-~～至" and start >= 2 and text[start - 2] in r.mask_glyphs + "*＊")
            or (after == "月" and before == "年") or (after == "日" and before == "月")  # ××年××月××日
            or (glyphs == len(run) <= 2 and opening and _NUMBERING_AFTER.match(text, end) is not None)
            or (glyphs == len(run) <= 2 and before in "(（" and after in ")）")
            or (glyphs == len(run) == 3 and before in "“\"" and after in "”\"")
        )
        if masked:
            for k in range(start, end):
                if out[k] in r.mask_glyphs:
                    out[k] = "*"
    return "".join(out)


def _header_cell(text: str) -> str:
    """A table's header word on a line of its own with a stray mark after it (序号、: a table OCR'd one cell per line)
    is the word alone (the mark a space, one for one)."""
    r = rules()
    stripped = text.rstrip()
    if not stripped or stripped[-1] not in r.ocr_header_cell_marks or len(stripped) > 12:
        return text
    word = squeeze(stripped[:-1])
    if word and any(word == column for column, _ in r.table_columns):
        return stripped[:-1] + " " + text[len(stripped) :]
    return text


def _digits_for_letters(match: re.Match[str]) -> str:
    letters = rules().ocr_digit_letters
    run = match.group(0)
    number = run[: len(run) - len(match.group("unit") or "")]
    if not any(ch.isdigit() for ch in number) or not any(ch in letters for ch in number):
        return run
    if not match.group("unit") and not (number[0].isdigit() and number[-1].isdigit()):
        # a letter at one end (≤1O, 5O左右): a number only where a sign before it or a bound word after it says so
        before = match.string[: match.start()].rstrip()
        signed = bool(before) and before[-1] in rules().ocr_number_signs
        if not signed and not rules().ocr_number_bound.match(match.string, match.end()):
            return run
    return "".join(letters.get(ch, ch) for ch in number) + run[len(number) :]


# --------------------------------------------------------------------------- furniture


@cache
def _one_of(kind: str) -> re.Pattern[str]:
    """The patterns of a list of rules/extraction.yaml as one expression (fullmatch: any of them whole)."""
    return regex("|".join(f"(?:{p.pattern})" for p in getattr(rules(), kind)))


def is_furniture(text: str) -> bool:
    """A whole line of web-page, portal or print furniture (rules/extraction.yaml `furniture`, or a menu)."""
    stripped = fold(text).strip()
    if not stripped:
        return False
    if _one_of("furniture").fullmatch(stripped) or _one_of("contents_headings").fullmatch(stripped):
        return True
    return _menu(stripped)


def _menu(text: str) -> bool:
    """A menu: several short words side by side (首页 | 新闻 | 视频, 查招标    查企业), no sentence, no table header.

    Words that are furniture themselves (客服电话：400-…) do not count either way.
    """
    r = rules()
    if len(text) > 160:
        return False
    tokens = [t.strip() for t in _MENU_APART.split(text) if t.strip()]
    kept = [t for t in tokens if not _one_of("furniture").fullmatch(t)]
    if len(tokens) >= 2 and not kept:
        return True  # a line of furniture fields side by side: 发布时间：…    来源：…    浏览次数：…
    tokens = kept
    if len(tokens) < r.menu_min_words:
        return False
    if any(len(t) > r.menu_max_chars or re.search(r"[\d*＊。；;，,：:]", t) for t in tokens):
        return False
    words = {w for w, _ in r.table_columns}
    return not any(squeeze(t) in words for t in tokens)


_MENU_APART = regex(r"\s{2,}|\s*[|｜]\s*|\s*·\s*|\s*>\s*")  # searched only where a space or a bar stands


def _furniture(sources: list[Src], reasons: dict[int, str]) -> None:
    block = False
    box = False  # inside a reposter's commentary box (【律师解读】…): to a blank line or the plan's next numbered line
    body = False  # a line of plan text seen (a sentence, a table row): an excerpt can end only after one
    contents = False  # in a table of contents, after its heading (目录): its entries are furniture
    for i, line in enumerate(sources):
        if contents and line.cells is None:
            if _one_of("contents_entries").fullmatch(fold(line.text).strip()):
                reasons[i] = "furniture"
                continue
            # blank lines between entries, and entries with a dot leader (furniture wherever they stand) among those
            # with a space before their page number; any other line ends the contents
            contents = not line.text.strip() or _one_of("furniture").fullmatch(fold(line.text).strip()) is not None
        if line.cells is None and _one_of("excerpt_ends").fullmatch(fold(line.text).strip()):
            if not body:
                # the site's banner above the pages (免费预览已结束，本文共4页，你可以继续浏览…): the pages follow
                reasons[i] = "furniture"
                continue
            # a preview's end (——预览已结束…, 完整附件请登录后下载): the site's own text follows, no plan text
            reasons[i] = "excerpt end"
            for j in range(i + 1, len(sources)):
                reasons[j] = "after the excerpt"
            return
        if line.cells is not None:
            block = False
            body = True
            continue
        stripped = fold(line.text).strip()
        if not stripped:
            block = box = False
            continue
        if block:
            reasons[i] = "furniture block"
            continue
        if box and not rules().commentary_resumes.match(stripped):
            reasons[i] = "commentary box"
            continue
        box = False
        opened = rules().commentary_opens.match(stripped)
        if opened:
            reasons[i] = "commentary box"
            box = not stripped[opened.end() :].strip()  # the label alone: the box's text follows
            continue
        if _one_of("furniture_blocks").fullmatch(stripped) or _one_of("furniture_blocks").fullmatch(_BRACKETED.sub(r"\1", stripped)):
            reasons[i] = "furniture block"
            block = True
            continue
        if is_furniture(line.text):
            reasons[i] = "furniture"
            contents = contents or _one_of("contents_headings").fullmatch(stripped) is not None
        elif _BODY.search(stripped):
            body = True


def _chat(sources: list[Src], reasons: dict[int, str]) -> None:
    """A group-chat export (QQ 消息记录, WeChat 聊天记录导出) or a forum thread in which the plan is posted message by
    message: date separators and every message header are furniture; a message that does not open as the plan's
    text (a member's 收到, 去年抽查才31%…, a reply quoting a post) is a remark, left out with its numbers
    (rules/extraction.yaml `chat_exports`). Only in a document with enough message headers. What stands before the
    first message (the export's own header, a thread's title) stays: it names the group, the plan, the place."""
    r = rules()
    texts = [fold(line.text).strip() if line.cells is None else None for line in sources]
    headers = [i for i, text in enumerate(texts) if text and r.chat_headers.fullmatch(text)]
    if len(headers) < r.chat_min_headers:
        return
    ends = headers[1:] + [len(sources)]
    for start, end in zip(headers, ends):
        reasons[start] = "chat message header"
        body = [i for i in range(start + 1, end) if texts[i] and i not in reasons]
        for i in body:
            if r.chat_separators.fullmatch(texts[i]):  # a date between two days' messages, or the export's end
                reasons[i] = "chat date"
        body = [i for i in body if i not in reasons]
        if not body:
            continue
        first = texts[body[0]] or ""
        if r.chat_plan_openers.match(first) or any(r.chat_plan_names.search(texts[i] or "") for i in body):
            continue
        for i in body:
            reasons[i] = "chat remark"


def _quiz(sources: list[Src], reasons: dict[int, str]) -> None:
    """A quiz bank written from the plan (知识竞赛题库): what its questions say is no statement of the plan — a question
    with its blank left empty, a true/false statement (right or wrong: the 解析 says the plan's words), a line of
    several options (distractors), an option its answer does not name — and is left out with its numbers; the
    answer's 解析, a filled blank, an option the answer names are read (rules/extraction.yaml `quiz_banks`).
    Only in a document with enough answer lines."""
    r = rules()
    texts = [fold(line.text).strip() if line.cells is None else None for line in sources]
    answers = {i: m for i, text in enumerate(texts) if text and (m := r.quiz_answer.match(text)) is not None}
    if len(answers) < r.quiz_min_answers:
        return
    question: list[int] = []  # the lines since the last answer (a question, its options)
    for i, text in enumerate(texts):
        if not text or i in reasons:
            continue
        answer = answers.get(i)
        if answer is None:
            question.append(i)
            continue
        key = "".join(ch for ch in answer.group("key").upper() if "A" <= ch <= "H")
        statement = question[-1] if question and not key else None  # √ or ×: the line before it is a statement
        for j in question:
            options = list(r.quiz_option.finditer(texts[j] or ""))
            if len(options) >= 2:
                reasons[j] = "quiz options"
            elif options and options[0].start() == 0:
                if options[0].group("letter") not in key:
                    reasons[j] = "quiz option"
            elif j == statement or r.quiz_blank.search(texts[j] or ""):
                reasons[j] = "quiz question"
        question = []


# a block's heading in brackets, as a portal prints it (【相关链接】, [网友留言])
_BRACKETED = regex(r"^[【\[〖]\s*(.+?)\s*[】\]〗]$")


def _broadcast(sources: list[Src], reasons: dict[int, str]) -> None:
    """A TV news script (电视新闻稿): its shot notes (【画面】…, 【同期声】…, 镜头3…) and time codes left out, its caption
    cards (【字幕】…) read as the plan's words (rules/extraction.yaml `broadcast_scripts`).

    Only in a script: a document with a shot note, a caption card or a line that is a time code. A card's name and
    value apart by a space (【字幕】孕产妇死亡率　控制在8/10万以下) are one sentence; a card naming a measure with no
    number, its value on the next line (控制在6‰以下), reads on into it. A time code in a line kept (the anchor's
    line after its cue) is blanked, never read as a ratio or a number.
    """
    r = rules()

    def opening(text: str) -> tuple[re.Match[str] | None, str]:
        lead = r.time_codes.match(text)
        return lead, text[lead.end() :].strip() if lead else text

    def marks(line: Src) -> bool:
        stripped = fold(line.text).strip()
        rest = opening(stripped)[1]
        return bool(r.time_codes.fullmatch(stripped) or r.shot_notes.match(rest) or r.caption_cards.match(rest))

    if not any(line.cells is None and marks(line) for line in sources):
        return
    note = False  # inside a shot note whose label stands alone: to a blank line or the next cue
    card = None  # a caption card naming a measure with no number: its value may stand on the next line
    for i, line in enumerate(sources):
        if line.cells is not None or i in reasons:
            note, card = False, None
            continue
        stripped = fold(line.text).strip()
        if not stripped:
            note, card = False, None
            continue
        if r.time_codes.fullmatch(stripped):
            reasons[i] = "time code"
            note, card = False, None
            continue
        lead, rest = opening(stripped)
        shot = r.shot_notes.match(rest)
        if shot:
            reasons[i] = "shot note"
            note, card = not rest[shot.end() :].strip(), None
            continue
        cue = lead or r.script_speakers.match(rest) or r.caption_cards.match(rest)
        if note and not cue:
            reasons[i] = "shot note"
            continue
        note = False
        line.text = r.time_codes.sub(lambda m: " " * len(m.group(0)), line.text)
        shown = r.caption_cards.match(line.text.strip())
        if shown:
            body = _CARD_GAP.sub("", line.text.strip()[shown.end() :])
            line.text, line.spans, line.whole = body, None, True
            card = line if not r.card_values.search(body) else None
            continue
        if card is not None and not cue and _DIGIT.search(stripped) and r.card_values.search(stripped):
            line.continues = line.whole = True  # the card's value under its name
        card = None


# a caption card's name and its value apart by spaces or a colon: 孕产妇死亡率　控制在8/10万以下, …筛查率：达到70%以上
_CARD_GAP = regex(r"(?<=[\u4e00-\u9fff）)%‰])(?:\s*[:：]\s*|\s+)(?=[\u4e00-\u9fff0-9≤≥<>＜＞])")


# Plan text, not a banner's: a sentence's end after some words, or a number with a unit of a target.
_BODY = regex(r"[^\s]{8}[。；;]|\d\s*[%‰]")


def _page_marker(text: str) -> bool:
    stripped = fold(text).strip()
    return bool(stripped) and _one_of("page_markers").fullmatch(stripped) is not None


def _screens(sources: list[Src], reasons: dict[int, str]) -> None:
    """An OCR of phone screenshots: the status and title bars of each screen (rules/extraction.yaml `screen_bars`) and
    the furniture lines next to them (the reader's toolbar, A- A+ 分享 收藏) are the edge between two screens, which a
    sentence reads on across as across a page break; the lines at the top of the next screen repeating the last lines
    of the one before (the page scrolled less than a screen) are that screen's overlap, left out."""
    r = rules()
    if not r.screen_bars:
        return
    bars = regex("|".join(f"(?:{p.pattern})" for p in r.screen_bars))
    marked = [i for i, s in enumerate(sources) if s.cells is None and bars.fullmatch(fold(s.text).strip())]
    if not marked:
        return
    edge = set(marked)
    for i in marked:  # the furniture lines touching a bar belong to the edge
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(sources) and reasons.get(j) == "furniture":
                edge.add(j)
                j += step
    runs: list[list[int]] = []
    for i in sorted(edge):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        for i in run:
            reasons[i] = "screen edge"
        before = [j for j in range(run[0] - 1, -1, -1) if j not in reasons and sources[j].key][: r.screen_overlap_max_lines]
        after = [j for j in range(run[-1] + 1, len(sources)) if j not in reasons and sources[j].key][: len(before)]
        before.reverse()  # in the text's order, the last line before the edge last
        for k in range(min(len(before), len(after)), 0, -1):
            if [sources[j].key for j in before[-k:]] == [sources[j].key for j in after[:k]]:
                for j in after[:k]:
                    reasons[j] = "screen overlap"
                break


def _pages(sources: list[Src], reasons: dict[int, str]) -> None:
    """Page numbers, running headers and footers, and the blank lines of a page break."""
    markers = [i for i, s in enumerate(sources) if s.cells is None and i not in reasons and _page_marker(s.text)]
    markers = sorted(markers + _bare_page_numbers(sources, reasons))
    if not markers:
        return
    for i in markers:
        reasons[i] = "page number"
    marker_set = set(markers)

    def near_marker(i: int) -> bool:
        """Right after a page number (a header) or right before one (a footer), blank lines apart."""
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(sources) and not sources[j].text.strip() and sources[j].cells is None:
                j += step
            if j in marker_set:
                return True
        return False

    r = rules()
    by_key: dict[str, list[int]] = {}
    for i, line in enumerate(sources):
        if line.cells is None and i not in reasons and 0 < len(line.key) <= r.running_header_max_chars:
            by_key.setdefault(line.key, []).append(i)
    for indices in by_key.values():
        near = [i for i in indices if near_marker(i)]
        # on enough pages (a title of page 1 may be written otherwise: (2021一2030年） under （2021—2030年）),
        # or on every page after the first, each time next to its page number
        every_page = len(near) == len(indices) >= r.running_header_min_pages - 1
        if not every_page and (len(indices) < r.running_header_min_pages or len(near) < r.running_header_min_pages - 1):
            continue
        if 2 * len(near) < len(indices) or _section_word(sources[indices[0]].text):
            continue  # a line the plan repeats (主要目标： under each domain) that a page break happens to follow twice
        for i in near:
            reasons[i] = "running header"
    # the blank lines around a page number or a running header belong to the page break
    for i in list(reasons):
        if reasons[i] not in ("page number", "running header"):
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(sources) and sources[j].cells is None and not sources[j].text.strip():
                reasons.setdefault(j, "page break")
                j += step
    _pages_read_on(sources, reasons)


_BARE_NUMBER = regex(r"\d{1,3}")


def _bare_page_numbers(sources: list[Src], reasons: dict[int, str]) -> list[int]:
    """Lines of a bare number each right before a furniture line (a 文库 preview's watermark after its page number:
    2 / 原创力文档 / …), at least `running_header_min_pages` of them and rising: page numbers. A bare number
    alone could be a table's cell; one in the same place on every page, counting up, is the page's."""
    found = []
    for i, line in enumerate(sources):
        if line.cells is not None or i in reasons or not _BARE_NUMBER.fullmatch(line.text.strip()):
            continue
        j = i + 1
        while j < len(sources) and sources[j].cells is None and not sources[j].text.strip():
            j += 1
        if reasons.get(j) == "furniture":
            found.append(i)
    numbers = [int(sources[i].text.strip()) for i in found]
    rising = all(a < b for a, b in zip(numbers, numbers[1:], strict=False))
    return found if rising and len(found) >= rules().running_header_min_pages else []


def _section_word(text: str) -> bool:
    """A section's label (主要目标：, 策略措施): the plan's structure, however often a page break follows it."""
    key = squeeze(fold(text)).rstrip(":：")
    return any(key == squeeze(word) for word, _ in rules().sections)


def _pages_read_on(sources: list[Src], reasons: dict[int, str]) -> None:
    """A page run together on one line and cut mid-sentence ("…制" / — 1 / 12 — / "度…") reads on in the next page.

    Only long lines: a page's worth of text on one line is a run-on export, where the
    page break is the only break; short lines are visual lines, joined (or not) later.
    """
    r = rules()
    previous: int | None = None
    broken = False
    for i, line in enumerate(sources):
        if i in reasons:
            broken = broken or reasons[i] in ("page number", "running header")
            continue
        if line.cells is not None or not line.text.strip():
            previous, broken = None, False
            continue
        if (
            broken
            and previous is not None
            and len(sources[previous].text) >= r.page_run_min_chars
            and sources[previous].text.rstrip()[-1:] not in _SENTENCE_END
        ):
            line.continues = True
        previous, broken = i, False


# --------------------------------------------------------------------------- 文库 chunks

_CHUNK = regex(r"^\s*(\d{1,3})\s*、")
_SENTENCE_END = "。；;！!？?”）)"


def _chunks(sources: list[Src], reasons: dict[int, str]) -> bool:
    """Numbered chunks of a 文库 export: markers removed, each chunk continuing the one before."""
    r = rules()
    run: list[tuple[int, re.Match[str]]] = []
    expected = 1
    for i, line in enumerate(sources):
        if i in reasons or line.cells is not None or not line.text.strip():
            continue
        match = _CHUNK.match(line.text)
        if match and int(match.group(1)) == expected:
            run.append((i, match))
            expected += 1
        elif match and int(match.group(1)) == 1 and len(run) < r.chunk_min_count:
            run, expected = [(i, match)], 2
        elif len(run) < r.chunk_min_count:
            run, expected = [], 1
        else:
            break  # text after the chunks: the run is over
    if len(run) < r.chunk_min_count:
        return False
    texts = [sources[i].text for i, _ in run]
    cut = sum(1 for t in texts[:-1] if t.rstrip()[-1:] not in _SENTENCE_END)
    long_enough = sum(len(t) for t in texts) / len(texts) >= r.chunk_min_chars
    if not long_enough or cut < (len(texts) - 1) / 2:
        return False
    for n, (i, match) in enumerate(run):
        line = sources[i]
        line.set_text(line.text[match.end() :])
        line.spans = None
        line.continues = n > 0
    return True


# --------------------------------------------------------------------------- repeats


def _drop_repeats(lines: list[Src]) -> tuple[list[Src], list[Src]]:
    """Lines without a repeated copy of an earlier run; and the lines dropped."""
    r = rules()
    keys = [line.key if line.cells is None else squeeze("\t".join(line.cells)) for line in lines]
    filled = [i for i, k in enumerate(keys) if k]
    first_at: dict[str, int] = {}
    dropped: set[int] = set()
    k = 0
    while k < len(filled):
        key = keys[filled[k]]
        j = first_at.get(key)
        if j is not None and len(key) >= r.repeat_min_chars:
            m = 0
            while k + m < len(filled) and j + m < k and keys[filled[j + m]] == keys[filled[k + m]]:
                m += 1
            if m >= r.repeat_min_lines:
                start = k
                while (
                    start - 1 > j + m - 1
                    and j - (k - start) - 1 >= 0
                    and keys[filled[start - 1]] == keys[filled[j - (k - start) - 1]]
                    and filled[start - 1] not in dropped
                ):
                    start -= 1
                for n in range(start, k + m):
                    dropped.add(filled[n])
                k += m
                continue
        first_at.setdefault(key, k)
        k += 1
    kept = [line for i, line in enumerate(lines) if i not in dropped]
    return kept, [line for i, line in enumerate(lines) if i in dropped]
