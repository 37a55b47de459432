"""An XML export of a portal's CMS records (信息公开 data exchange, 集约化 site platforms): the plan's record read.

Parsed with lxml (BSD) with entities left unexpanded and no network or DTD access, so an export cannot make the
reader fetch or expand anything. An export holds one or more records (<Document>, <record>, <item>), each a few
metadata elements (文号, 索引号, publisher, dates, hit counts, ids) and the article's body, mostly HTML inside
<![CDATA[ … ]]> (or escaped). What is read, as general rules about such exports (`rules/xml.yaml`):

- the record whose body is longest: the plan (a news item about it, exported beside it, is shorter); the other
  records are listed as not read (`Document.unread`);
- the record's metadata elements named in `metadata_labels` (文号, 发布机构, 成文日期, 发布日期 …), each one line
  "文号：宁政〔2022〕27号" on its element's line: evidence for the plan's metadata as a page's 信息公开 table is;
  ids, hit counts, file sizes, keywords are not read, nor a machine summary restating targets (`never_text`);
- the body read as a web page is (`compliance.reading.html`: blocks, tables with rowspan/colspan), or line by
  line when it is plain text.

Numbers are the physical lines of the file (1-based, as for a .txt), the positions a person finds in it: a
block's number is the line its first text stands on, a cell's the line of its text (a table row written on one
line has all its cells on that line). Locators: 第N行; a cell: 表1 第4行 2025年列. A file that is not well-formed
XML is refused with the line and column the parser stopped at.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from compliance.compiled import regex
from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line, needs

_HTML_TAG = regex(r"<(?:p|div|span|table|tr|td|br|h[1-6]|li|ul|ol|strong|b|font|section|article|img|a)\b[^>]*>", re.I)
_TAG = regex(r"<[^>]*>")


@lru_cache(maxsize=1)
def _rules() -> tuple[dict[str, str], frozenset[str], int]:
    from compliance.resources import rules_data

    data = rules_data("xml.yaml")
    labels = {_key(str(k)): str(v) for k, v in (data.get("metadata_labels") or {}).items()}
    never = frozenset(_key(str(name)) for name in data.get("never_text") or [])
    return labels, never, int(data.get("plain_text_min_chars") or 200)


def _key(name: str) -> str:
    """An element's name as the rules name it: local name, lower case, without _ and -."""
    return re.sub(r"[_\-]", "", name.rsplit("}", 1)[-1].rsplit(":", 1)[-1]).lower()


def xml_lines(raw: bytes, file: str, encoding: str | None = None) -> tuple[list[Line], list[str]]:
    """The lines of the plan's record of a CMS export, numbered by the file's lines, and the records not read."""
    needs("lxml.etree", file, ".xml", "lxml")
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, encoding=encoding, strip_cdata=True
    )
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        line, column = (error.position if error.position else (None, None))
        reason = re.sub(r",\s*line \d+,\s*column \d+\s*$", "", str(error.msg or error)).strip()
        raise InputError.single(
            file, _text("reading.not-xml", reason=reason), line=line or None, column=column or None,
            hint=_text("reading.not-xml-hint"),
        ) from None
    except (LookupError, ValueError) as error:  # an encoding lxml does not know
        raise InputError.single(file, _text("reading.not-xml", reason=error), hint=_text("reading.not-xml-hint")) from None
    source = _decoded(raw, root, encoding)
    offsets = [0] + [m.end() for m in re.finditer("\n", source)]
    labels, never, min_chars = _rules()
    leaves = [el for el in root.iter() if isinstance(el.tag, str) and len(el) == 0 and (el.text or "").strip()]
    bodies = [el for el in leaves if _key(el.tag) not in never and _HTML_TAG.search(el.text or "")]
    html = bool(bodies)
    if not bodies:
        bodies = [el for el in leaves if _key(el.tag) not in never and len((el.text or "").strip()) >= min_chars]
    if not bodies:
        raise InputError.single(file, _text("reading.xml-no-text"), hint=_text("reading.xml-no-text-hint"))
    body = max(bodies, key=lambda el: len(_TAG.sub("", el.text or "").strip()))
    record = body.getparent() if body.getparent() is not None else body
    unread = [_text("reading.xml-record-unread", line=el.sourceline, title=_title(el if el.getparent() is None else el.getparent()))
              for el in bodies if el is not body]
    lines: list[Line] = []
    for el in record.iter():
        if el is body:
            first = _text_line(source, offsets, el)
            lines += _html_body(el.text or "", first, file) if html else _plain_body(el.text or "", first)
        elif isinstance(el.tag, str) and len(el) == 0 and (el.text or "").strip() and _key(el.tag) in labels:
            value = " ".join((el.text or "").split())
            number = _text_line(source, offsets, el)
            lines.append(Line(number, f"{labels[_key(el.tag)]}：{value}", locator=f"第{number}行"))
    lines.sort(key=lambda line: line.number)  # stable: a body's lines keep their order
    return lines, unread


def _decoded(raw: bytes, root: Any, encoding: str | None) -> str:
    """The file as text, for the positions of elements' text: the encoding given, else the one the file declares."""
    name = (encoding or root.getroottree().docinfo.encoding or "utf-8").lower()
    if name in ("gb2312", "gbk", "x-gbk"):
        name = "gb18030"
    try:
        return raw.decode(name, errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


def _title(record: Any) -> str:
    """What a record is called: its title element's text, else the start of its body."""
    for el in record.iter():
        if isinstance(el.tag, str) and _key(el.tag) in ("title", "doctitle") and (el.text or "").strip():
            return " ".join(el.text.split())[:60]
    return " ".join(_TAG.sub("", "".join(record.itertext())).split())[:30]


def _text_line(source: str, offsets: list[int], el: Any) -> int:
    """The line of the file on which `el`'s text begins: the line of its start tag, plus the line breaks inside
    the tag (attributes on several lines). CDATA markers and entities hold no line break, so the text's own
    line breaks are the file's from there."""
    line = el.sourceline or 1
    start = offsets[min(line, len(offsets)) - 1]
    local = el.tag.rsplit("}", 1)[-1]
    match = re.compile(r"<(?:[\w.\-]+:)?" + re.escape(local) + r"(?=[\s/>])").search(source, start)
    if match is None:
        return line
    end = source.find(">", match.end())
    return line + (source.count("\n", match.start(), end) if end >= 0 else 0)


def _plain_body(text: str, first: int) -> list[Line]:
    """A body of plain text: one line per line of the file."""
    return [
        Line(first + k, part.strip(), locator=f"第{first + k}行")
        for k, part in enumerate(text.split("\n"))
    ]


def _html_body(text: str, first: int, file: str) -> list[Line]:
    """A body of HTML, read as a web page is, each number (a text node's ordinal there) turned into the line of the
    file the text node stands on."""
    import lxml.html

    from compliance.reading.html import _NOT_TEXT, _text_nodes, html_lines

    lines = html_lines(text.encode("utf-8"), file, text=text)
    try:
        root = lxml.html.document_fromstring(text)
    except Exception:  # html_lines read it: the same parser does
        return lines
    body = root.find("body")
    body = root if body is None else body
    where: dict[int, int] = {}
    cursor = 0
    ordinal = 0
    for owner, side in _text_nodes(body, _NOT_TEXT):
        value = owner.text if side == "text" else owner.tail
        if not value or not value.strip():
            continue
        ordinal += 1
        at = _find(text, value.strip(), cursor)
        if at >= 0:
            cursor = at
        where[ordinal] = first + text.count("\n", 0, cursor)
    last = first

    def line_of(number: int) -> int:
        return where.get(number, last)

    out: list[Line] = []
    for line in lines:
        number = line_of(line.number)
        last = number
        spans = [(offset, line_of(n), f"第{line_of(n)}行") for offset, n, _ in line.spans] if line.spans else None
        cell_numbers = [line_of(n) for n in line.cell_numbers] if line.cell_numbers else None
        cell_parts = (
            [[(offset, line_of(n), starts) for offset, n, starts in parts] if parts else parts for parts in line.cell_parts]
            if line.cell_parts else None
        )
        out.append(replace(line, number=number, locator=f"第{number}行", spans=spans,
                           cell_numbers=cell_numbers, cell_parts=cell_parts))
    return out


def _find(text: str, value: str, cursor: int) -> int:
    """Where a text node stands in the HTML source from `cursor` on: its text as written between two tags (a cell's
    bare 2 is not the 2 of ≤2.5 before it), else its text anywhere, else its first characters (an entity the
    parser decoded further on), else -1."""
    whole = re.compile(r"(?:(?<=>)|^)\s*(" + re.escape(value) + r")\s*(?=<|$)")
    match = whole.search(text, cursor)
    if match is not None:
        return match.start(1)
    for probe in (value, value[:12], value[:4]):
        at = text.find(probe, cursor)
        if at >= 0:
            return at
    return -1
