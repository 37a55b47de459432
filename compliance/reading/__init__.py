"""Reading a document into numbered lines, in document order: the lowest layer of extraction.

This package knows nothing of plans: it turns a file of any format into `Line`s.
One module per format (`text`, `docx`, `pptx`, `rtf`, `xlsx`, `pdf`, `html`, `mhtml`, `mail`; `legacy` converts
.doc and .wps to .docx first); `read_document` picks the reader by the suffix
(and reads a .txt that holds a saved web page as HTML).

Every format becomes the same thing: a list of `Line`s, each with its number
(the machine-readable position, for JSON and SARIF), its text, the `locator` a
person uses to find it in the file (第12行, 第2页第14行, 表1 第5行 2025年列,
主要指标!F9, 正文第12段), and — for a table row — its cells, each with its own
locator. The line model per format:

- .txt / .md: one `Line` per line of the file (UTF-8 with or without BOM,
  GBK/GB18030 detected, or the `encoding` given). A Markdown table row
  (``| a | b |``) also carries its cells; its separator row is kept as an
  empty line so that numbering stays that of the file; so does a table
  drawn with box-drawing characters (│ cells │, its ├─┼─┤ rule lines
  empty), in any text file. Markdown markup
  (headings, quotes, bullets, **bold**; front matter, HTML comments, [TOC], images, footnote marks, callout marks,
  <br> in cells: emptied, each line keeping its number) is removed from .md lines and cells, and from a .txt that
  holds Markdown (`text.looks_like_markdown`).
  Locator: 第N行.
- .docx: the body's paragraphs and tables in document order (the XML children
  of the body are walked, so a table stays between the paragraphs around it).
  Each paragraph is one line (cut at a soft line break before a list item or a
  heading — 1．…<br>2．… — into one line per item, all with its number; other soft
  breaks join their halves), content controls (w:sdt) read in place; a table of
  one cell (a 专栏 box) is one line per paragraph, all with its number, and a
  table nested in a cell is part of the cell's text; each table row is one line whose `cells` are the
  row's cells (text of each cell's paragraphs joined) and whose text is the
  cells joined by tabs. A vertically merged cell is empty in the rows below its
  first one (`merged` marks it); a cell spanning columns is followed by empty
  cells (`spanned` marks them). Line numbers count paragraphs and
  table rows from 1. Locators: 第N段 (the paragraph's ordinal among the non-empty
  paragraphs), 表1 第5行 本县目标列 for a cell.
- .odt (OpenDocument text, as LibreOffice, WPS and Yozo Office save it): as .docx, through odfdo — paragraphs
  and headings (text:p, text:h; lists and sections in place) and table rows in document order, a cell spanning
  rows empty and marked merged below, one spanning columns followed by empty cells marked spanned; footnotes and
  endnotes as Word's (the citation mark and a body note never read, a note a table cell cites read under the
  table). Locators: 第N段, 表1 第5行 龙华区列 for a cell (`odt`).
- .pptx (a 宣讲 / 解读 slide deck): slide by slide, the title placeholder first, then the other shapes top to
  bottom, left to right (groups flattened); each paragraph of a text frame a line, each table row a line with its
  cells as for .docx (merged cells marked). Speaker notes, slide numbers, footers and dates never read (`pptx`).
  Locators: 第3张幻灯片, 第3张幻灯片 表1 第2行 2025年列 for a cell.
- .doc / .wps: converted to .docx by LibreOffice when it is installed (then read
  as .docx), else to text by antiword (.doc only); otherwise refused with what
  to install or how to save the file (`legacy`).
- .rtf: paragraphs and table rows as for .docx, through striprtf (`rtf`).
  Locators: 第N段, 表1 第5行 本县目标列 for a cell.
- .xlsx: each row of each sheet is one line whose number is the row number of
  the sheet; merged ranges are filled from their top-left cell (marked merged).
  A number cell in a percent format is marked (`percent`): it holds a fraction
  (0.9 shown as 90%), which the table reader turns into the percentage shown.
  Sheets after the first are numbered on from where the previous stopped only
  when the workbook has several sheets (each `Line` carries its sheet name).
  Locators: 主要指标!F9 for a cell, 主要指标!第9行 for a row.
- .xls / .et (Excel 97–2003, WPS Spreadsheets): converted to .xlsx by xlrd and
  openpyxl, then read as .xlsx, with the same locators (`xls`).
- .srt / .vtt (a 政策解读 video's captions): decoded as a text file, the cues parsed by pysubs2; cue numbers,
  timings, the WEBVTT header, NOTE/STYLE blocks, speaker tags and styling markup are no text. A sentence cut across
  caption lines and cues is one `Line` (its `spans` keep each caption line's file line), a blank one after it;
  numbers are the file's lines. Locator: 第12条字幕（00:01:23）, the cue and its start time (`subtitles`).
- .csv (a platform's export, a table OCR's output): decoded as a text file, each
  record a table row numbered by the file line it starts on; line breaks inside a
  quoted cell are joined, padding commas dropped (`text.csv_lines`). Locators:
  第N行 第K列.
- .pdf (with a text layer): the printed lines in reading order, page by page;
  a paragraph wrapped at the page width is one `Line` (its `spans` say where
  each printed line starts, so a number keeps the printed line it stands on),
  but a numbered heading or list item starts a `Line` wherever it stands;
  running headers and page numbers (— 3 —) are left out; a ruled table is read
  as table rows, continued across a page break (its repeated header dropped,
  a row broken by the page one row), wrapped cells joined (where each printed
  line starts kept in `cell_parts`), vertically merged
  cells marked. Numbers count the
  printed lines as the corpus gold does (a cell's printed lines, page furniture
  included). Locators: 第2页第14行, 第1页 表1 第3行 2025年列.
- .html / .htm: the article body of a saved web page (navigation, breadcrumbs,
  share and print links, scripts, related links and footer left out); each
  block (paragraph, heading, list item) is a line, each `<table>` row a line
  with its cells (rowspan → merged from above, colspan → empty cells, `<br>`
  inside a cell joined, the cell's text nodes and line breaks kept in
  `cell_parts`). Numbers count the non-empty text nodes of `<body>`
  (the corpus gold's blocks). Locators: 正文第12段, 表1 第4行 2025年列.
- .mht / .mhtml (a page saved as a single file by a browser or Word): the MIME
  message's HTML part, decoded by its transfer encoding and charset (`mime`), then read
  as .html (`mhtml`).
- .eml (an e-mail): the body (one part of a multipart/alternative) and every
  attachment of a format above, each read by its format's reader, the parts in
  one run of numbers; each locator names its part first: 邮件正文 第3行,
  附件“某县妇女发展规划.docx” 第5段. The Subject and the attachments' names are
  `Document.names`, what the e-mail calls its text by (`mail`).
- .xml (a portal CMS's export of its 信息公开 records): the record whose body is longest (the plan; the
  others listed in `Document.unread`), its metadata elements (文号, 发布机构, dates) one line each as
  "文号：…", its body (HTML inside CDATA) read as .html; numbers are the file's physical lines, as for .txt.
  Locators: 第N行, 表1 第4行 2025年列 for a cell (`xmlexport`).

Anything else, a missing file or an unreadable one raises InputError naming the
file and what to do.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from compliance.compiled import regex
from compliance.errors import InputError
from compliance.messages import text as _text

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUBTITLE_SUFFIXES = (".srt", ".vtt")  # a 解读 video's captions (SubRip, WebVTT): the sentences they speak (`subtitles`)
CSV_SUFFIXES = (".csv",)  # a table exported by a platform or a table OCR: records read as table rows (`text.csv_lines`)
DOCX_SUFFIXES = (".docx",)
ODT_SUFFIXES = (".odt",)  # OpenDocument text (LibreOffice, WPS, Yozo Office): read as .docx is (see `odt`)
PPTX_SUFFIXES = (".pptx",)  # a 宣讲 / 解读 slide deck (PowerPoint, WPS Presentation): its slides' text and tables
XLSX_SUFFIXES = (".xlsx", ".xlsm")
XLS_SUFFIXES = (".xls", ".et")  # Excel 97–2003 and WPS Spreadsheets: converted to .xlsx (see `xls`)
PDF_SUFFIXES = (".pdf",)
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
MHTML_SUFFIXES = (".mht", ".mhtml")  # a web page saved as a single file (网页，单个文件): MIME around the HTML
MAIL_SUFFIXES = (".eml",)  # an e-mail saved as a file (RFC 822/MIME): its body and attachments (see `mail`)
XML_SUFFIXES = (".xml",)  # a portal CMS's export of its records (信息公开 data exchange): the plan's record (`xmlexport`)
RTF_SUFFIXES = (".rtf",)
LEGACY_SUFFIXES = (".doc", ".wps")  # Word 97–2003 and WPS Writer: converted (see `legacy`)
SUPPORTED = TEXT_SUFFIXES + SUBTITLE_SUFFIXES + CSV_SUFFIXES + DOCX_SUFFIXES + ODT_SUFFIXES + PPTX_SUFFIXES + XLSX_SUFFIXES + XLS_SUFFIXES + PDF_SUFFIXES + HTML_SUFFIXES + MHTML_SUFFIXES + MAIL_SUFFIXES + XML_SUFFIXES + RTF_SUFFIXES + LEGACY_SUFFIXES
# The formats as users name them, for help texts and hints: every message that
# lists what can be read uses this, so a new reader is announced everywhere at once.
FORMATS = ".txt, .md, .csv, .srt, .vtt, .docx, .doc, .wps, .odt, .rtf, .pptx, .xlsx, .xls, .et, .pdf, .html, .mht, .mhtml, .eml, .xml"


@dataclass
class Line:
    """One line of a document: its number, its text, where a person finds it, and its cells if it is a table row."""

    number: int  # 1-based, increasing through the document: the machine-readable position
    text: str
    cells: list[str] | None = None
    merged: list[bool] | None = None  # per cell: filled from a merged cell above
    sheet: str | None = None
    percent: list[bool] | None = None  # per cell (.xlsx): a number shown in a percent format (0.9 shown as 90%)
    locator: str | None = None  # where a person finds it: 第12行, 第2页第14行, 正文第3段
    cell_locators: list[str] | None = None  # per cell: 表1 第5行 2025年列, 主要指标!F9
    cell_numbers: list[int] | None = None  # per cell, where the format numbers cells (.pdf, .html)
    spanned: list[bool] | None = None  # per cell: covered by the cell to its left (a horizontally merged cell)
    # per cell of several text nodes (.html): (offset in the cell, number, starts a line of the cell) of each node
    cell_parts: list[list[tuple[int, int, bool]] | None] | None = None
    # A line made of several printed lines (a PDF paragraph wrapped at the page width):
    # (offset in `text`, number, locator) of each printed line, the first at offset 0.
    spans: list[tuple[int, int, str]] | None = None
    bars: bool = False  # a Markdown pipe row: the file writes its cells between bars (| a | b |)
    # a row as the document prints it, where cleaning reads its characters otherwise (an OCR layer's | 2 | ≤1O |):
    # what a target read from the row quotes
    printed: str | None = None
    # a paragraph its format ends (a slide's bullet, a card's text box): never run on into the next line, nor the
    # line before into it
    whole: bool = False

    def number_at(self, offset: int) -> int:
        """The number of the printed line that holds character `offset` of `text`."""
        number = self.number
        for start, span_number, _ in self.spans or ():
            if start > offset:
                break
            number = span_number
        return number


@dataclass
class Name:
    """A name a container gives the text it holds, weighed as a file name is: an e-mail's Subject (`subject`), the
    file name of an attachment (`attachment`) whose lines are `first`..`last` (None: the whole document)."""

    text: str
    source: str  # subject | attachment
    first: int | None = None
    last: int | None = None


@dataclass
class Document:
    """A document's numbered lines as read from a file of any supported format."""

    file: str
    format: str  # text | markdown | subtitles | docx | odt | pptx | rtf | xlsx | pdf | html | mail | xml
    lines: list[Line] = field(default_factory=list)
    script: str | None = None  # "traditional": written in Traditional characters, read as Simplified (`script`)
    uncomputed: list[str] = field(default_factory=list)  # a workbook's formula cells saved without a value (主要指标!G3)
    hidden: list[str] = field(default_factory=list)  # a workbook's hidden sheets left unread (旧版指标)
    # what a container names its text by (an e-mail's Subject, an attachment's file name): evidence as a file name is
    names: list[Name] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # a container's parts not read, each with why (附件“a.zip”：…)
    _index: dict[int, str] | None = field(default=None, repr=False, compare=False)

    def locate(self, number: int | None) -> str | None:
        """The locator of a line, a printed line inside one, or a cell, by its number."""
        if number is None:
            return None
        if self._index is None:
            index: dict[int, str] = {}
            for line in self.lines:
                if line.locator is not None:
                    index.setdefault(line.number, line.locator)
                for _, span_number, locator in line.spans or ():
                    index.setdefault(span_number, locator)
                for cell_number, locator in zip(line.cell_numbers or (), line.cell_locators or (), strict=False):
                    index.setdefault(cell_number, locator)
            self._index = index
        return self._index.get(number)


def needs(module: str, file: str, format: str, package: str) -> ModuleType:
    """The module a reader is built on, imported when a file of its format is read (start-up stays lean); if it is
    missing (a broken install, a trimmed environment), an InputError naming the file, the format and what to install,
    never an ImportError's traceback."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError.single(
            file,
            _text("reading.needs-package", format=format, package=package),
            hint=_text("reading.needs-package-hint", package=package),
        ) from None


def bar_cells(text: str, marks: str = "|") -> list[str] | None:
    """The cells of a row written between vertical bars (| 指标 | 2025年 |; an OCR text layer's 丨 for a rule), or None.

    A row opens with a bar and holds three bars at least, or two around one cell (| 一、妇女与健康 |: a group row
    spanning the table); `marks` are the characters read as bars, any of them at any place of the row."""
    stripped = text.strip()
    if not stripped or stripped[0] not in marks:
        return None
    count = sum(stripped.count(mark) for mark in marks)
    if count < 2 or (count == 2 and (stripped[-1] not in marks or not stripped.strip(marks).strip())):
        return None
    inner = stripped.strip(marks)
    for mark in marks[1:]:
        inner = inner.replace(mark, marks[0])
    return [cell.strip() for cell in inner.split(marks[0])]


# After a manual line break (Word's Shift+Enter, Excel's Alt+Enter), what opens a list item or a heading:
# Chinese numerals (（三）, 三、, 第三章), digits with 、 or ．(4．, 4、, 4. not a decimal), (2), circled ②.
_OPENS = regex(
    r"^\s*(?:[（(][一二三四五六七八九十百]+[）)]|[一二三四五六七八九十百]+、|第[一二三四五六七八九十百]+[章节部分篇]"
    r"|\d{1,2}\s*[．、]|\d{1,2}\.(?!\d)|[（(]\d{1,2}[）)]|[\u2460-\u2473\u2776-\u277f])"
)


def lines_at_breaks(text: str, br: str = "\n") -> list[str]:
    """The lines of a paragraph or a text cell with manual line breaks: cut at each break before a numbering
    (1．…<br>2．…: one line per item); a break inside a sentence (a title set on two lines) joins its halves."""
    pieces: list[str] = []
    for part in text.split(br):
        if pieces and not _OPENS.match(part):
            pieces[-1] += part
        else:
            pieces.append(part)
    return pieces or [""]


def read_document(path: Path | str, encoding: str | None = None) -> Document:
    """The numbered lines of a document in any format of SUPPORTED; InputError for anything else.

    A document in Traditional characters comes back in Simplified ones, its `script` saying so (`script`).
    """
    from compliance.reading.script import to_simplified

    document = _read_format(path, encoding)
    to_simplified(document)
    return document


def _read_format(path: Path | str, encoding: str | None, file: str | None = None) -> Document:
    """The lines of a document as its format's reader gives them; `file` names it in messages (an e-mail's
    attachment, read from a temporary copy, is named by the e-mail and the attachment)."""
    path = Path(path)
    file = file or str(path)
    suffix = path.suffix.lower()
    from compliance.files import read_bytes

    if suffix not in SUPPORTED:
        if not path.is_file():
            read_bytes(path)  # a folder, a missing file, a link loop: say that, not "no such format"
        raise InputError.single(
            file,
            _text("reading.unsupported", suffix=suffix) if suffix else _text("reading.unsupported-no-suffix"),
            hint=_text("reading.unsupported-hint", formats=FORMATS),
        )
    raw = read_bytes(path)  # a regular file only: a FIFO, a device or a link loop is refused with what to do
    if suffix in TEXT_SUFFIXES:
        from compliance.reading.text import decode, text_lines

        text = decode(raw, file, encoding)
        from compliance.reading.html import looks_like_html

        if looks_like_html(text):  # a saved web page renamed .txt: read as the page it is
            from compliance.reading.html import html_lines

            return Document(file, "html", html_lines(raw, file, text=text))
        from compliance.reading.text import looks_like_markdown

        markdown = suffix in (".md", ".markdown") or looks_like_markdown(text)  # a Markdown export saved as .txt
        return Document(file, "markdown" if markdown else "text", text_lines(text, suffix, markdown))
    if suffix in SUBTITLE_SUFFIXES:
        from compliance.reading.subtitles import subtitle_lines

        return Document(file, "subtitles", subtitle_lines(raw, file, suffix, encoding))
    if suffix in CSV_SUFFIXES:
        from compliance.reading.text import csv_lines, decode

        return Document(file, "text", csv_lines(decode(raw, file, encoding)))
    if suffix in DOCX_SUFFIXES:
        from compliance.reading.docx import docx_lines

        return Document(file, "docx", docx_lines(path, file))
    if suffix in ODT_SUFFIXES:
        from compliance.reading.odt import odt_lines

        return Document(file, "odt", odt_lines(path, file))
    if suffix in PPTX_SUFFIXES:
        from compliance.reading.pptx import pptx_lines

        return Document(file, "pptx", pptx_lines(path, file))
    if suffix in XLSX_SUFFIXES:
        from compliance.reading.xlsx import xlsx_lines

        uncomputed: list[str] = []
        hidden: list[str] = []
        return Document(file, "xlsx", xlsx_lines(path, file, uncomputed, hidden), uncomputed=uncomputed, hidden=hidden)
    if suffix in XLS_SUFFIXES:
        from compliance.reading.xls import xls_lines

        return Document(file, "xlsx", xls_lines(path, file, raw))
    if suffix in PDF_SUFFIXES:
        from compliance.reading.pdf import pdf_lines

        return Document(file, "pdf", pdf_lines(path, file, raw))
    if suffix in HTML_SUFFIXES:
        from compliance.reading.html import html_lines

        return Document(file, "html", html_lines(raw, file, encoding=encoding))
    if suffix in MHTML_SUFFIXES:
        from compliance.reading.mhtml import mhtml_lines

        return Document(file, "html", mhtml_lines(raw, file, encoding=encoding))
    if suffix in MAIL_SUFFIXES:
        from compliance.reading.mail import mail_document

        return mail_document(raw, file, encoding)
    if suffix in XML_SUFFIXES:
        from compliance.reading.xmlexport import xml_lines

        xml, unread = xml_lines(raw, file, encoding)
        return Document(file, "xml", xml, unread=unread)
    if suffix in RTF_SUFFIXES:
        from compliance.reading.rtf import rtf_lines

        return Document(file, "rtf", rtf_lines(raw, file))
    from compliance.reading.legacy import legacy_lines

    return legacy_lines(path, file)
