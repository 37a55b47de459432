"""A web page as saved from a government site: the article's blocks and tables, the site's furniture left out.

Parsed with lxml (BSD). What is left out, as general rules about such pages:

- never text: script, style, noscript, template, head, comments, form controls;
- the site's furniture: nav/header/footer/aside elements and elements whose
  class or id names furniture (nav, menu, crumb, footer, share, print, tools,
  related links, search, login…: `rules/html.yaml`), and blocks that are
  mostly links (a menu, a list of related articles);
- everything outside the article when the page has one: the element that holds
  most of the page's text, widened to the smallest ancestor that also holds the
  page's heading (h1) and its 文号/索引号 table when those stand beside it.

A box of the article's own (a 专栏 as `<aside>`) standing between the article's
paragraphs is read, as are `<blockquote>`, `<fieldset>` and `<section>` boxes; a
sidebar `<aside>` beside the article is not. A carousel's clones of its slides
(swiper-slide-duplicate, slick-cloned: `cloned_class_words`) are left out: each
slide is read once.

Blocks (p, div, h1–h6, li, …) become lines; a `<br>` outside a table breaks a
line. A table not written as `<table>` — sibling rows of one tag whose children
are the cells (`<div role="row">` of `<div role="cell">`, `<li>` of `<span>`s, a
carousel's slides of a name and a value), or the children of a `display:grid`
laid out in N columns — is read as table rows, when the structure says so (the
same number of short cells in every row, a column of values beside a column of
names) or a role, a display or a class word (`table_class_words`) marks it; an empty
div of a cell's tag and class is a blank cell (as above), a row of one cell among them a
group row (a domain's, spanning the grid), padded as a colspan is. A `<table>` becomes table rows: rowspan gives merged-from-above cells,
colspan empty cells, `<br>` inside a cell joins its parts, each text node of a
cell keeping its number and whether it starts a line of the cell (`cell_parts`:
90<br>92 is two values, ≥ | 95 a value on the node of 95). A key–value table
(文号：| 桐政发〔2022〕3号 | 成文日期：| …) gives one line per pair. Entities
are decoded by the parser.

Numbers count the non-empty text nodes of `<body>` in document order (the
corpus gold's blocks), furniture included; a block's number is its first text
node's, and `spans` keep the number of each further text node in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import _OPENS, Line, needs
from compliance.reading.grid import cell_locator, column_names, side_by_side, unfold_side_by_side
from compliance.compiled import regex

# Never text (and not counted in the numbering): what a browser does not show as text.
_NOT_TEXT = {"script", "style", "noscript", "template", "head", "title"}
# Shown, but never the article: form controls, embedded objects.
_SKIP = _NOT_TEXT | {"select", "option", "button", "input", "textarea", "iframe", "object", "svg", "canvas"}
_BLOCK = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "center", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "form", "header",
    "footer", "nav", "aside", "address", "figure", "figcaption", "hr", "body", "html", "fieldset", "legend",
}
_CJK = regex(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class _HtmlRules:
    furniture_tags: frozenset[str]
    furniture_words: tuple[str, ...]
    link_share: float
    min_links: int
    table_words: tuple[str, ...]
    cell_max_chars: int
    cloned_words: tuple[str, ...]
    word_generators: tuple[str, ...]
    word_class_prefixes: tuple[str, ...]


@lru_cache(maxsize=1)
def _rules() -> _HtmlRules:
    from compliance.resources import rules_file

    import yaml

    data = yaml.safe_load(rules_file("html.yaml").read_text(encoding="utf-8"))
    return _HtmlRules(
        frozenset(data["furniture_tags"]),
        tuple(w.lower() for w in data["furniture_class_words"]),
        float(data["link_dense"]["link_share"]),
        int(data["link_dense"]["min_links"]),
        tuple(w.lower() for w in data.get("table_class_words") or []),
        int(data.get("table_cell_max_chars") or 80),
        tuple(w.lower() for w in data.get("cloned_class_words") or []),
        tuple(w.lower() for w in (data.get("word_pages") or {}).get("generator_words") or []),
        tuple(w.lower() for w in (data.get("word_pages") or {}).get("class_prefixes") or []),
    )


# --------------------------------------------------------------------------- decoding

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def decode_html(raw: bytes, file: str, encoding: str | None = None) -> str:
    """The page as text: the encoding given, else the BOM, else <meta charset>, else UTF-8, else GB18030."""
    if encoding:
        try:
            return raw.decode(encoding)
        except LookupError:
            raise InputError.single(
                file, _text("reading.unknown-encoding", encoding=encoding), hint=_text("reading.unknown-encoding-hint")
            ) from None
        except UnicodeDecodeError as error:
            raise InputError.single(
                file,
                _text("reading.not-in-encoding", encoding=encoding, offset=error.start + 1),  # from 1
                hint=_text("reading.not-in-encoding-hint"),
            ) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    declared = _META_CHARSET.search(raw[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80"):
            name = "gb18030"  # a superset: pages declared gb2312 hold GBK characters
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="replace")


_HTML_START = regex(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_TAG = regex(r"<(?:html|head|body|meta|div|p|span|table|tr|td|br|a|script|style|h[1-6]|li|ul)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """A text that is a web page (a saved page renamed .txt), not plain text with a tag or two."""
    head = text[:8192].lstrip("\ufeff")
    if _HTML_START.match(head):
        return True
    tags = _HTML_TAG.findall(head)
    names = {re.match(r"<(\w+)", t).group(1).lower() for t in tags} - {"br"}  # type: ignore[union-attr]
    return len(tags) >= 8 and len(names) >= 2 and sum(len(t) for t in tags) > 0.05 * len(head.strip() or "x")


# --------------------------------------------------------------------------- reading


@dataclass
class _Block:
    pieces: list[tuple[str, int]] = field(default_factory=list)  # (text, text node number)

    def add(self, text: str, number: int) -> None:
        self.pieces.append((text, number))


def html_lines(raw: bytes, file: str, encoding: str | None = None, text: str | None = None) -> list[Line]:
    needs("lxml.html", file, ".html", "lxml")
    import lxml.html
    from lxml import etree
    if text is None:
        text = decode_html(raw, file, encoding)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text.lstrip("\ufeff"))
    if not text.strip():
        raise InputError.single(file, _text("reading.page-empty"), hint=_text("reading.right-file"))
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise InputError.single(file, _text("reading.not-html", reason=error), hint=_text("reading.not-html-hint")) from None
    body = root.find("body")
    if body is None:
        body = root
    # lxml hands out one Python object per element only while that object lives:
    # holding them all keeps id(element) stable, which the maps below are keyed by.
    alive = list(root.iter())
    numbers = _number_text_nodes(body)
    furniture = _furniture(body)
    article = _article(body, furniture)
    furniture -= _boxes_in_the_text(article, furniture)
    reader = _Reader(numbers, furniture, word_page=_word_page(root))
    reader.walk(article)
    lines = reader.finish()
    del alive
    return lines


def _word_page(root: Any) -> bool:
    """A page Word (or WPS) saved: its generator or ProgId meta names Word, or its paragraphs carry Word's classes
    (MsoNormal, MsoListParagraph, MsoTableGrid: `word_pages` in rules/html.yaml)."""
    r = _rules()
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() in ("generator", "progid"):
            content = (meta.get("content") or "").lower()
            if any(w in content for w in r.word_generators):
                return True
    if not r.word_class_prefixes:
        return False
    for el in root.iter("p", "table", "div"):
        for word in (el.get("class") or "").lower().split():
            if word.startswith(r.word_class_prefixes):
                return True
    return False


def _page_break(el: Any) -> bool:
    """<br clear=all style='page-break-before:always'>: Word's page break, never a soft line break."""
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("clear") is not None or "page-break" in style


# A run of white space the page's source wraps at, between two wide characters (CJK, their punctuation, full-width
# forms): a browser shows it as nothing (CSS Text: a segment break between East Asian wide characters is removed).
_SOFT_WS = regex(r"[ \t]*[\r\n][ \t\r\n]*")
_WIDE = regex(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u2030\u2264\u2265]")
_WRAP = "\x00"  # a wrapped line end, decided once the neighbours are known
_SOFT_BREAK = "\x01"  # a soft line break (<br>) inside a paragraph of a Word page


def _unwrap(pieces: list[str]) -> list[str]:
    """The pieces with each wrapped line end of the source between two wide characters removed, any other a space."""
    flat = "".join(pieces)
    out: list[str] = []
    at = 0
    for piece in pieces:
        chars = []
        for k, ch in enumerate(piece):
            if ch != _WRAP:
                chars.append(ch)
                continue
            g = at + k
            left = next((c for c in reversed(flat[:g]) if c not in (_WRAP, " ")), "")
            right = next((c for c in flat[g + 1 :] if c not in (_WRAP, " ")), "")
            chars.append("" if _WIDE.match(left or "a") and _WIDE.match(right or "a") else " ")
        out.append("".join(chars))
        at += len(piece)
    return out


def _text_nodes(element: Any, skip: set[str] = _SKIP) -> list[tuple[Any, str]]:
    """(owner, 'text' | 'tail') of every text node under `element`, in document order, skipping `skip` elements."""
    out: list[tuple[Any, str]] = []

    def visit(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is not None and tag.lower() not in skip:
            if el.text:
                out.append((el, "text"))
            for child in el:
                visit(child)
                if child.tail:
                    out.append((child, "tail"))
        # comments, processing instructions, skipped elements: their own text is no text; their tail is (added by the parent)

    visit(element)
    return out


def _number_text_nodes(body: Any) -> dict[tuple[int, str], int]:
    """Number of each non-empty text node of the body, 1-based, keyed by (id of owner, 'text' | 'tail')."""
    numbers: dict[tuple[int, str], int] = {}
    n = 0
    for owner, where in _text_nodes(body, _NOT_TEXT):
        value = owner.text if where == "text" else owner.tail
        if value and value.strip():
            n += 1
            numbers[(id(owner), where)] = n
    return numbers


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _words(el: Any) -> list[str]:
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return [w for w in re.split(r"[^a-z0-9]+", names) if w]


def _text_length(el: Any) -> tuple[int, int, int]:
    """(characters of text, characters inside links, number of links) under `el`."""
    total = links = count = 0
    for owner, where in _text_nodes(el):
        value = (owner.text if where == "text" else owner.tail) or ""
        size = len(value.strip())
        total += size
        inside = owner if where == "text" else owner.getparent()
        while inside is not None and inside is not el.getparent():
            if _tag(inside) == "a":
                links += size
                break
            if inside is el:
                break
            inside = inside.getparent()
    count = sum(1 for _ in el.iter("a"))
    if _tag(el) == "a":
        links = total
    return total, links, count


def _furniture(body: Any) -> set[int]:
    """ids of the elements that are the site's furniture (their whole subtree is left out)."""
    r = _rules()
    out: set[int] = set()
    for el in body.iter():
        tag = _tag(el)
        if not tag or el is body:
            continue
        if tag in r.furniture_tags or any(_furniture_word(w, r.furniture_words) for w in _words(el)):
            out.add(id(el))
            continue
        if any(_furniture_word(w, r.cloned_words) for w in _words(el)):
            out.add(id(el))  # a carousel's clone of a slide (swiper-slide-duplicate): the slide itself is read
            continue
        if tag in _BLOCK and tag not in ("td", "th", "tr", "table", "tbody"):
            total, links, count = _text_length(el)
            if count >= r.min_links and total and links >= r.link_share * total:
                out.add(id(el))
    return out


_BOX_TAGS = {"aside"}


def _boxes_in_the_text(article: Any, furniture: set[int]) -> set[int]:
    """ids of the article's own boxes among the furniture: an `<aside>` (a 专栏 box) standing in the run of the text,
    the article's text before it and after it, no furniture word in its class, not mostly links. A sidebar stands
    beside the article, not between its paragraphs."""
    r = _rules()
    out: set[int] = set()
    for el in article.iter():
        if _tag(el) not in _BOX_TAGS or id(el) not in furniture or el is article:
            continue
        if any(_furniture_word(w, r.furniture_words) for w in _words(el)):
            continue
        total, links, count = _text_length(el)
        if not total or (count >= r.min_links and links >= r.link_share * total):
            continue
        siblings = [c for c in el.getparent() if _tag(c) and id(c) not in furniture or c is el]
        at = siblings.index(el)
        if _prose(siblings[:at]) and _prose(siblings[at + 1 :]):
            out.add(id(el))
    return out


def _prose(elements: list[Any]) -> bool:
    return any(_CJK.search(c.text_content() or "") for c in elements if _tag(c) not in _SKIP)


def _furniture_word(word: str, words: tuple[str, ...]) -> bool:
    return any(word == w or (len(w) >= 4 and word.startswith(w)) for w in words)


def _kept_length(el: Any, furniture: set[int]) -> int:
    if id(el) in furniture:
        return 0
    total = len((el.text or "").strip()) if _tag(el) not in _SKIP else 0
    for child in el:
        if isinstance(child.tag, str):
            total += _kept_length(child, furniture)
        total += len((child.tail or "").strip())
    return total


def _article(body: Any, furniture: set[int]) -> Any:
    """The element holding the article: most of the text, with the page's heading when it stands beside it."""
    current = body
    whole = _kept_length(body, furniture)
    if not whole:
        return body
    while True:
        children = [c for c in current if isinstance(c.tag, str) and id(c) not in furniture]
        best = max(children, key=lambda c: _kept_length(c, furniture), default=None)
        if best is None or _kept_length(best, furniture) < 0.9 * _kept_length(current, furniture):
            break
        # stop before leaving the page's heading or its information table outside
        siblings = [c for c in children if c is not best]
        if any(_is_heading_or_info(c) for c in siblings):
            break
        current = best
    return current


def _is_heading_or_info(el: Any) -> bool:
    tag = _tag(el)
    if tag == "h1" or (tag in ("h2",) and _CJK.search(el.text_content() or "")):
        return True
    if tag == "table" or el.find(".//table") is not None and len(el.text_content() or "") < 400:
        text = re.sub(r"\s+", "", el.text_content() or "")
        return "文号" in text or "索引号" in text
    return False


class _Reader:
    """Walks the article and collects lines: blocks of text, table rows."""

    def __init__(self, numbers: dict[tuple[int, str], int], furniture: set[int], word_page: bool = False) -> None:
        self.numbers = numbers
        self.furniture = furniture
        self.word_page = word_page
        self.in_paragraph = 0  # depth of <p> elements the walk is in
        self.lines: list[Line] = []
        self.block = _Block()
        self.paragraphs = 0
        self.tables = 0
        self.infos = 0

    # -- text blocks
    def flush(self) -> None:
        pieces = [(t, n) for t, n in self.block.pieces if t.strip() or t == _SOFT_BREAK]
        self.block = _Block()
        if not pieces:
            return
        # a soft line break inside a Word paragraph: a line of its own before a list item or a heading (1．…<br>2．…),
        # else the halves of one sentence joined (as in a .docx)
        groups: list[list[tuple[str, int]]] = [[]]
        for piece, number in pieces:
            if piece == _SOFT_BREAK:
                groups.append([])
            else:
                groups[-1].append((piece, number))
        lines: list[list[tuple[str, int]]] = []
        for group in groups:
            if not group:
                continue
            head = "".join(t for t, _ in group).lstrip(" \t\r\n\u00a0\u3000")
            if lines and not _OPENS.match(head):
                lines[-1] += group
            else:
                lines.append(group)
        for group in lines:
            self._flush_line(group)

    def _flush_line(self, pieces: list[tuple[str, int]]) -> None:
        cooked = [_SOFT_WS.sub(_WRAP, piece) for piece, _ in pieces]
        cooked = _unwrap(cooked) if any(_WRAP in piece for piece in cooked) else cooked
        text = ""
        starts: list[tuple[int, int]] = []
        for piece, (_, number) in zip(cooked, pieces, strict=True):
            piece = re.sub(r"[ \t\r\n\u00a0\u3000]+", " ", piece)
            if not text:
                piece = piece.lstrip()
            if text.endswith(" ") and piece.startswith(" "):
                piece = piece.lstrip()
            starts.append((len(text), number))
            text += piece
        stripped = text.rstrip()
        if not stripped:
            return
        self.paragraphs += 1
        locator = f"正文第{self.paragraphs}段"
        spans = [(offset, number, locator) for offset, number in starts if offset < len(stripped)]
        self.lines.append(Line(spans[0][1], stripped, locator=locator, spans=spans if len(spans) > 1 else None))

    def walk(self, el: Any) -> None:
        tag = _tag(el)
        if not tag or tag in _SKIP or id(el) in self.furniture:
            return
        if tag == "br":
            if self.word_page and self.in_paragraph and not _page_break(el):
                self.block.add(_SOFT_BREAK, 0)  # Shift+Enter inside a Word paragraph
            else:
                self.flush()
            return
        if _note_reference(el, "".join(text for text, _ in self.block.pieces)):
            return  # a footnote's mark (以下<sup>2</sup>, 95%<sup>①</sup>): the note's, never a number of the text
        if tag == "table" and _is_data_table(el):
            self.flush()
            self.table(el)
            return
        if tag in _ROW_CONTAINERS and (rows := _pseudo_rows(el, self.furniture)) is not None:
            self.flush()  # a table not written as <table> (div role=row, li of spans, a carousel's slides)
            self.rows(_pseudo_grid(rows, self.numbers))
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        self.in_paragraph += tag == "p"
        if el.text:
            self.block.add(el.text, self.numbers.get((id(el), "text"), 0))
        for child in el:
            self.walk(child)
            if child.tail:
                self.block.add(child.tail, self.numbers.get((id(child), "tail"), 0))
        self.in_paragraph -= tag == "p"
        if block:
            self.flush()

    # -- tables
    def table(self, el: Any) -> None:
        self.rows(_grid(el, self.numbers, self.furniture))

    def rows(self, grid: list[list[_Cell]]) -> None:
        if not grid:
            return
        if _key_value(grid):
            self.infos += 1
            for r, row in enumerate(grid, start=1):
                for k in range(0, len(row) - 1, 2):
                    label, value = row[k], row[k + 1]
                    if label.origin and value.origin and (label.text or value.text):
                        self.lines.append(
                            Line(label.number or value.number, f"{label.text}{value.text}", locator=f"信息表第{r}行")
                        )
            return
        self.tables += 1
        place = f"表{self.tables}"
        # the header: the first row of two cells or more (a caption or a 填报单位 line across the table above it is none)
        top = next((r for r, row in enumerate(grid) if sum(1 for c in row if c.origin and c.text.strip()) >= 2), 0)
        first = [c.text for c in grid[top]]
        second = [c.text for c in grid[top + 1]] if len(grid) > top + 1 else None
        spans = [c.colspan if c.origin or c.below else 0 for c in grid[top]]
        names = column_names(first, second, spans)
        start = len(self.lines)
        for r, row in enumerate(grid, start=1):
            cells = [c.text for c in row]
            if not any(cells):
                continue
            numbers = [c.number for c in row]
            # the row's own first cell: a cell covered by a rowspan from above carries the number of the row it
            # starts on, never this row's (the rows of a group would all stand at the group's first line)
            first_number = next((c.number for c in row if c.number and c.origin), 0) or next((n for n in numbers if n), 0)
            numbers = [n or first_number for n in numbers]
            self.lines.append(
                Line(
                    first_number,
                    "\t".join(cells),
                    cells=cells,
                    merged=[c.below for c in row],
                    spanned=[not c.origin and not c.below for c in row],
                    locator=f"{place} 第{r}行",
                    cell_locators=[cell_locator(place, r, k + 1, names) for k in range(len(row))],
                    cell_numbers=numbers,
                    cell_parts=[c.parts for c in row] if any(c.parts for c in row) else None,
                )
            )
        if halves := side_by_side(first):  # two tables printed side by side: read one after the other
            self.lines[start:] = unfold_side_by_side(self.lines[start:], halves)

    def finish(self) -> list[Line]:
        self.flush()
        # lines whose text nodes all were empty have number 0: give them the previous line's number
        previous = 0
        for line in self.lines:
            if not line.number:
                line.number = previous
            previous = line.number
        return self.lines


_NOTE_REFERENCE = re.compile(r"^\s*(?:[\[［(（]?\s*\d{1,2}\s*[\]］)）]?|[\u2460-\u2473\u2474-\u2487\u2776-\u277f*＊]+)\s*$")


def _note_reference(el: Any, before: str) -> bool:
    """A superscript that marks a footnote: a small number or a circled one after words or a value's unit.

    `<sup>` or a span raised by its style (vertical-align:super); after a Latin
    letter or a digit it is an exponent (m<sup>2</sup>, 10<sup>5</sup>) and stays.
    """
    tag = _tag(el)
    if tag != "sup" and not (tag == "span" and "super" in (el.get("style") or "").replace(" ", "").lower()):
        return False
    if not _NOTE_REFERENCE.match(el.text_content() or ""):
        return False
    before = before.rstrip()
    return bool(before) and not re.match(r"[A-Za-z0-9０-９]", before[-1])


# --------------------------------------------------------------------------- tables not written as <table>

_ROW_CONTAINERS = {"div", "ul", "ol", "section", "article", "main", "tbody", "dl"}
_NOT_ROWS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "span", "a", "font", "strong", "b", "em", "i", "br", "table", "img"}
_TABLE_ROLES = {"table", "grid", "treegrid", "rowgroup"}
_ROW_ROLES = {"row"}
_DISPLAY_TABLE = regex(r"display\s*:\s*(?:grid|inline-grid|table|table-row|flex)", re.I)
_SENTENCE_END = ("。", "；", ";", "！", "？")
_DIGIT = regex(r"[0-9０-９*＊]")


def _elements(el: Any, furniture: set[int]) -> list[Any]:
    """The element children that show text (form controls, scripts, furniture, clones and line breaks left out)."""
    return [
        c for c in el
        if _tag(c) and _tag(c) not in _SKIP and _tag(c) != "br" and id(c) not in furniture
        and re.sub(r"\s+", "", c.text_content() or "")
    ]


def _bare(el: Any, children: list[Any]) -> bool:
    """No text of its own beside its children's."""
    return not (el.text or "").strip() and not any((c.tail or "").strip() for c in el)


def _row_cells(row: Any, furniture: set[int]) -> tuple[Any, list[Any]] | None:
    """The cells of a row (its element children), through wrappers of one child (a slide's card).

    An empty child of the tag and class of a cell beside it is an empty cell (a blank 领域 cell: as above), kept so
    that the row has its columns; a row of one cell (a domain's group row spanning the grid) ends at that cell.
    """
    for _ in range(4):
        cells = _elements(row, furniture)
        if not _bare(row, cells):
            return None
        shapes = {(_tag(c), c.get("class") or "") for c in cells}
        blanks = [
            c for c in row
            if _tag(c) and c not in cells and id(c) not in furniture and (_tag(c), c.get("class") or "") in shapes
            and not len(c)
        ]
        if blanks:
            return row, [c for c in row if c in cells or c in blanks]
        if len(cells) != 1:
            return row, cells
        if not _elements(cells[0], furniture):
            return row, cells  # one cell: a group row
        row = cells[0]
    return None


def _hinted(el: Any) -> bool:
    """Marked as a table by its role, its display or a word of its class (`table_class_words`)."""
    if (el.get("role") or "").lower() in _TABLE_ROLES | _ROW_ROLES | {"cell", "gridcell", "columnheader", "rowheader"}:
        return True
    if _DISPLAY_TABLE.search(el.get("style") or ""):
        return True
    return any(_furniture_word(w, _rules().table_words) for w in _words(el))


def _pseudo_rows(el: Any, furniture: set[int]) -> list[list[Any]] | None:
    """The rows of a table written without <table>, as lists of cell elements; None if `el` holds no such table.

    Rows: the element children of `el`, of one tag, no text of their own, each of the same number (two or more) of
    cells; no cell a sentence (long, or ending 。；) nor a table. Then either the run is marked as a table (role,
    display, class: `_hinted`) or its structure says so: three rows or more, a column of values (a digit in every
    row but a header of words) beside a first column of names.
    """
    if not _bare(el, []):
        return None
    children = _elements(el, furniture)
    limit = _rules().cell_max_chars
    rows: list[list[Any]] = []
    hint = _hinted(el)
    width = _grid_columns(el)
    if width and any(_grid_span(c) != (1, 1) for c in children):
        return _grid_placed(children, width, limit)
    if width and len(children) >= 2 * width and len(children) % width == 0:
        # display:grid with N columns, the cells its children: a row per N cells
        found_rows = [(el, children[k : k + width]) for k in range(0, len(children), width)]
    elif len(children) < 2 or len({_tag(c) for c in children}) != 1 or _tag(children[0]) in _NOT_ROWS:
        return None
    else:
        found_rows = []
        for child in children:
            found = _row_cells(child, furniture)
            if found is None:
                return None
            found_rows.append(found)
    singles: list[int] = []  # rows of one cell among rows of several: a domain's group row, padded as by a colspan
    for row, cells in found_rows:
        if len(cells) == 1:
            singles.append(len(rows) + len(singles))
        elif len(cells) < 2 or (rows and len(cells) != len(rows[0])):
            return None
        for cell in cells:
            text = re.sub(r"\s+", "", cell.text_content() or "")
            if len(text) > limit or text.endswith(_SENTENCE_END) or cell.find(".//table") is not None:
                return None
            if _tag(cell) in ("ul", "ol"):
                return None
        hint = hint or _hinted(row) or any(_hinted(c) for c in cells)
        if len(cells) > 1:
            rows.append(cells)
    if singles and (len(rows) < 2 or len(singles) > len(rows) or 0 in singles):
        return None
    texts = [[re.sub(r"\s+", "", c.text_content() or "") for c in row] for row in rows]
    header = not any(_DIGIT.search(t) for t in texts[0])
    data = texts[1:] if header and len(texts) > 1 else texts
    names = all(_CJK.search(row[0]) and not _DIGIT.fullmatch(row[0][:1] or "x") for row in data) or all(
        len(row) > 2 and _CJK.search(row[1]) for row in data
    )
    values = any(all(_DIGIT.search(row[k]) for row in data) for k in range(1, len(rows[0])))
    if not ((hint and (values or header)) or (len(data) >= 2 and names and values)):
        return None
    for k in singles:
        rows.insert(k, [found_rows[k][1][0]])
    return rows


_GRID_COLUMNS = regex(r"grid-template-columns\s*:\s*([^;]+)", re.I)


def _grid_columns(el: Any) -> int:
    """The number of columns a display:grid container lays its children in (repeat(4, 1fr), 1fr 2fr 1fr), else 0."""
    style = el.get("style") or ""
    if "grid" not in style.lower():
        return 0
    match = _GRID_COLUMNS.search(style)
    if match is None:
        return 0
    value = match.group(1).strip()
    repeat = re.fullmatch(r"repeat\(\s*(\d{1,2})\s*,[^()]*(?:\([^()]*\)[^()]*)*\)", value)
    if repeat:
        return int(repeat.group(1))
    tracks = re.findall(r"minmax\([^)]*\)|[^\s]+", value)
    return len(tracks) if 2 <= len(tracks) <= 20 else 0


_GRID_SPAN = regex(r"grid-(row|column)\s*:\s*span\s+(\d{1,3})", re.I)


def _grid_span(el: Any) -> tuple[int, int]:
    """The rows and columns a cell of a display:grid spans (grid-row:span 3: a 领域 cell over its rows)."""
    rows = columns = 1
    for match in _GRID_SPAN.finditer(el.get("style") or ""):
        n = max(1, min(int(match.group(2)), 200))
        if match.group(1).lower() == "row":
            rows = n
        else:
            columns = n
    return rows, columns


@dataclass
class _Covered:
    """A place of a display:grid covered by a cell spanning into it: from above (`below`), or from its left."""

    cell: Any
    below: bool


def _grid_placed(children: list[Any], width: int, limit: int) -> list[list[Any]] | None:
    """The rows of a display:grid whose cells span rows or columns (grid-row:span N), laid out as the browser's
    auto-placement does: each cell in the next free place, row by row, its span covering the places it takes. A
    covered place is a `_Covered` (as a rowspan's cell below, or a colspan's to the right); a hole an empty cell."""
    taken: dict[tuple[int, int], Any] = {}
    r = c = 0
    for child in children:
        text = re.sub(r"\s+", "", child.text_content() or "")
        if len(text) > limit or text.endswith(_SENTENCE_END) or child.find(".//table") is not None:
            return None
        rows, columns = _grid_span(child)
        columns = min(columns, width)
        while c + columns > width or any((r, c + k) in taken for k in range(columns)):
            c += 1
            if c + columns > width:
                r, c = r + 1, 0
        for dr in range(rows):
            for dc in range(columns):
                taken[(r + dr, c + dc)] = child if dr == dc == 0 else _Covered(child, dr > 0)
        c += columns
    height = 1 + max((row for (row, _), cell in taken.items() if not isinstance(cell, _Covered)), default=-1)
    if height < 2:
        return None
    return [[taken.get((row, k)) for k in range(width)] for row in range(height)]


def _pseudo_grid(rows: list[list[Any]], numbers: dict[tuple[int, str], int]) -> list[list[_Cell]]:
    out = []
    for row in rows:
        cells = []
        for cell in row:
            if cell is None:  # a place no cell of a display:grid fills
                cells.append(_Cell("", 0, True))
                continue
            if isinstance(cell, _Covered):
                number = _cell_text(cell.cell, numbers)[1]
                cells.append(_Cell("", number, False, cell.below, _grid_span(cell.cell)[1] if cell.below else 0))
                continue
            text, number, parts = _cell_text(cell, numbers)
            cells.append(_Cell(text, number, True, False, _grid_span(cell)[1], parts if len(parts) > 1 else None))
        out.append(cells)
    width = max(len(row) for row in out) if out else 0
    for row in out:
        if len(row) == 1 and width > 1:  # a group row spanning the grid: its other cells are the span's
            row[0].colspan = width
            row.extend(_Cell("", row[0].number, False, False, 0) for _ in range(width - 1))
    return out


@dataclass
class _Cell:
    text: str = ""
    number: int = 0
    origin: bool = True  # the cell's own position (not covered by a span)
    below: bool = False  # covered by a cell spanning rows from above
    colspan: int = 1
    parts: list[tuple[int, int, bool]] | None = None  # (offset, number, starts a line) of each text node, if several


def _is_data_table(table: Any) -> bool:
    """A table of data, not a page laid out with a table: no nested table, no long prose in a cell."""
    if table.find(".//table") is not None:
        return False
    for cell in table.iter("td", "th"):
        if len(re.sub(r"\s+", "", cell.text_content() or "")) > 300:
            return False
    return True


def _rows(table: Any) -> list[Any]:
    rows = []
    for tr in table.iter("tr"):
        rows.append(tr)
    return rows


def _grid(table: Any, numbers: dict[tuple[int, str], int], furniture: set[int]) -> list[list[_Cell]]:
    grid: dict[tuple[int, int], _Cell] = {}
    width = 0
    rows = _rows(table)
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if _tag(td) not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            text, number, parts = _cell_text(td, numbers)
            rowspan = _span(td.get("rowspan"))
            colspan = _span(td.get("colspan"))
            grid[(r, c)] = _Cell(text, number, True, False, colspan, parts if len(parts) > 1 else None)
            for dc in range(1, colspan):
                grid[(r, c + dc)] = _Cell("", number, False, False, 0)
            for dr in range(1, rowspan):
                if r + dr >= len(rows):
                    break
                grid[(r + dr, c)] = _Cell("", number, False, True, colspan)
                for dc in range(1, colspan):
                    grid[(r + dr, c + dc)] = _Cell("", number, False, False, 0)
            c += colspan
            width = max(width, c)
    out = []
    for r in range(len(rows)):
        row = [grid.get((r, c), _Cell("", 0, True)) for c in range(width)]
        out.append(row)
    return out


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), 1000))
    except (TypeError, ValueError):
        return 1


def _cell_text(td: Any, numbers: dict[tuple[int, str], int]) -> tuple[str, int, list[tuple[int, int, bool]]]:
    """A cell's text (its parts joined: CJK directly, Latin words with a space), its first text node's number and its parts.

    The parts are (offset in the text, number, starts a line of the cell) of each text node:
    a node after a `<br>` or in a block of its own (`<p>`) starts a line, so a cell
    holding two values one above the other (90<br>92) can be read value by value.
    """
    nodes: list[tuple[str, int, bool]] = []
    pending = False  # a line break since the last text node
    gap = False  # white space in the source since the last text node
    spaced: list[bool] = []  # per node: white space or a line break before it (Word's runs 9|5 are one number)

    def add(value: str | None, key: tuple[int, str]) -> None:
        nonlocal pending, gap
        if value and value.strip():
            starts = pending and bool(nodes)
            spaced.append(starts or gap or value[:1].isspace() or value[:1] == "\u00a0")
            nodes.append((re.sub(r"[\s\u00a0\u3000]+", " ", value).strip(), numbers.get(key, 0), starts))
            pending = False
            gap = value[-1:].isspace() or value[-1:] == "\u00a0"
        elif value:
            gap = True

    def visit(el: Any) -> None:
        nonlocal pending
        tag = _tag(el)
        if not tag or tag in _SKIP:
            return
        if tag == "br":
            pending = True
            return
        if _note_reference(el, "".join(value for value, _, _ in nodes)):
            return  # ≥70<sup>2</sup>: the note's mark, not a digit of the value
        block = tag in _BLOCK and el is not td
        pending = pending or block
        add(el.text, (id(el), "text"))
        for child in el:
            visit(child)
            add(child.tail, (id(child), "tail"))
        pending = pending or block

    visit(td)
    text = ""
    parts: list[tuple[int, int, bool]] = []
    for (value, number, starts_line), space in zip(nodes, spaced, strict=True):
        if text and space and re.match(r"[A-Za-z0-9]", text[-1]) and re.match(r"[A-Za-z0-9]", value[0]):
            text += " "
        parts.append((len(text), number, starts_line))
        text += value
    first = next((number for _, number, _ in nodes if number), 0)
    return text, first, parts


def _key_value(grid: list[list[_Cell]]) -> bool:
    """A table of labelled values (索引号：| … | 文号：| …): every row alternates a label ending with a colon and a value."""
    if not grid or len(grid[0]) < 2 or len(grid[0]) % 2:
        return False
    for row in grid:
        labels = [row[k].text for k in range(0, len(row), 2)]
        if not all(label.rstrip().endswith((":", "：")) for label in labels if label):
            return False
        if not any(labels):
            return False
    return True
