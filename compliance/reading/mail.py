"""An e-mail saved as a file (.eml, RFC 822/MIME): its body and its attachments, each read by its own format's reader.

A plan reaches a reviewer by e-mail more often than any other way: a covering note
(转发备案, 请审核) with the plan attached as .docx, .xlsx, .pdf or .txt, or pasted into
the body, or a forward quoting it. The standard library's `email` package parses the
message (policy `default`) and undoes the transfer encodings; the charsets are read as
`mime` says (a part declared gb2312 holding GBK's characters, a wrong declaration).

What is read, in the message's order:
- the body: of a multipart/alternative one part, never both: the text/plain, unless it is
  empty or a stub (a line telling to view the HTML, or much shorter than the HTML's
  text: rules/text.yaml `mail`), then the HTML, through the web-page reader; a plain
  body as a text file is (an e-mail's `>` quote marks left out, `compliance.reading.text`);
- each attachment of a format the readers know (by its file name's suffix, else its
  content type), through that format's reader; an attached e-mail (message/rfc822, a
  .eml) as an e-mail, its parts named inside the attachment's;
- the pictures and styles of an HTML body (multipart/related) are no attachments.
An attachment that is of no readable format (a .zip, a picture), empty or damaged is
not read, and the document says so (`Document.unread`): extraction names it in the
plan's note, or in its refusal when nothing else holds a plan.

Positions. The parts follow one another in one run of line numbers (`line`; an empty
line between two parts), and every locator names its part before the part's own
locator: 邮件正文 第3行 (the line of the decoded body), 附件“某县妇女发展规划.docx” 第5段,
附件“指标表.xlsx” 主要指标!F9, 附件“规划.pdf” 第2页第14行; an HTML body's blocks are
邮件正文 第12段. The Subject and the attachments' file names are what the e-mail names
its text by (`Document.names`): extraction weighs them where it weighs a file's name.
"""

from __future__ import annotations

import mimetypes
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Document, Line, Name
from compliance.reading.mime import file_name, header_text, part_text, raw_header

# Headers one of which every e-mail has: a file with none of them is no e-mail.
_MAIL_HEADERS = {"from", "to", "subject", "date", "message-id", "mime-version", "received", "return-path", "sender",
                 "reply-to", "cc", "content-type", "x-mailer", "delivered-to"}
_SIGNATURES = {"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"}
_ARCHIVES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz")
# Locators are Chinese in every language, as 第12行 is: what names a part in them.
_BODY = "邮件正文"
_ATTACHED_MAIL = "转发的邮件.eml"


@dataclass(frozen=True)
class _MailRule:
    stub_share: float
    stub_phrases: tuple[str, ...]
    picture_min_bytes: int


@cache
def _rule() -> _MailRule:
    from compliance.resources import rules_data

    data = rules_data("text.yaml")["mail"]
    return _MailRule(float(data["stub_share"]), tuple(str(p) for p in data["stub_phrases"]), int(data["picture_min_bytes"]))


@dataclass
class _Part:
    label: str  # 邮件正文, 附件“某县妇女发展规划.docx”: said before each locator of the part
    document: Document
    name: str | None = None  # an attachment's file name


def mail_document(raw: bytes, file: str, encoding: str | None = None) -> Document:
    """The lines of an e-mail's body and readable attachments, one run of numbers, each locator naming its part."""
    import email
    import email.policy

    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception:  # the parser is lenient; what it still refuses is no e-mail
        message = None
    if message is None or not {key.lower() for key in message.keys()} & _MAIL_HEADERS:
        return _not_mail(raw, file, encoding)
    reader = _Reader(file, encoding)
    try:
        reader.message(message, "")
    except (ValueError, TypeError, LookupError, AttributeError, IndexError, UnicodeError) as error:
        # a header or a structure the lenient parser let through and its accessors still refuse
        raise InputError.single(file, _text("reading.mail-broken", reason=type(error).__name__),
                                hint=_text("reading.not-eml-hint")) from None
    if not reader.parts:
        unread = _text("reading.mail-unread-list", items="；".join(reader.unread)) if reader.unread else ""
        raise InputError.single(file, _text("reading.mail-nothing", unread=unread), hint=_text("reading.mail-nothing-hint"))
    return _joined(file, reader)


def _not_mail(raw: bytes, file: str, encoding: str | None) -> Document:
    """A file under .eml that holds no mail headers: a mail's text saved as text is read as the text it is; else refused."""
    from compliance.reading.text import decode, text_lines

    if raw.strip() and b"\x00" not in raw[:4096]:
        try:
            text = decode(raw, file, encoding)
        except InputError:
            text = ""
        if any("\u4e00" <= ch <= "\u9fff" for ch in text[:20000]):
            return Document(file, "text", text_lines(text, ".txt"))
    raise InputError.single(file, _text("reading.not-eml"), hint=_text("reading.not-eml-hint"))


class _Reader:
    """Walks a message, collecting the parts it reads and saying why it left any out."""

    def __init__(self, file: str, encoding: str | None) -> None:
        self.file = file
        self.encoding = encoding
        self.parts: list[_Part] = []
        self.unread: list[str] = []
        self.subjects: list[str] = []

    def message(self, message: Any, prefix: str) -> None:
        subject = raw_header(message, "Subject")
        if subject:
            text = header_text(subject)
            if text:
                self.subjects.append(text)
        self.walk(message, prefix)

    def walk(self, part: Any, prefix: str) -> None:
        kind = part.get_content_type()
        if kind == "message/rfc822":  # an e-mail attached (forwarded as an attachment)
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            name = file_name(part) or _ATTACHED_MAIL
            if inner is not None and hasattr(inner, "walk"):
                self.message(inner, f"{prefix}附件“{name}” ")
            return
        if part.is_multipart():
            children = [child for child in part.iter_parts()]
            if not children:
                return
            if kind == "multipart/alternative":
                self.walk(self.alternative(children), prefix)
            elif kind == "multipart/related":  # an HTML body with its pictures: the root part, and true attachments
                root = _root(part, children)
                self.walk(root, prefix)
                for child in children:
                    if child is not root and child.get_content_disposition() == "attachment":
                        self.walk(child, prefix)
            elif kind == "multipart/signed":
                self.walk(children[0], prefix)
            else:  # mixed, and any other kind: every part in order
                for child in children:
                    self.walk(child, prefix)
            return
        if kind in _SIGNATURES:
            return
        name = file_name(part)
        if name is None and part.get_content_disposition() != "attachment" and kind in ("text/plain", "text/html"):
            self.body(part, prefix, kind == "text/html")
        elif name is not None or part.get_content_disposition() == "attachment":
            self.attachment(part, name, prefix)
        # an unnamed inline part of another type (a picture of the body) holds no text

    def alternative(self, children: list[Any]) -> Any:
        """One of a multipart/alternative's parts: the plain text unless it is empty or a stub, then the HTML."""
        plain = next((c for c in children if c.get_content_type() == "text/plain"), None)
        rich = next((c for c in children if c.get_content_type() == "text/html" or c.get_content_type() == "multipart/related"), None)
        if plain is None or rich is None:
            return plain or rich or children[-1]
        try:
            text = "".join(part_text(plain, self.file, self.encoding).split())
        except InputError:  # a plain part no charset reads: the HTML is the body
            return rich
        if not text or any(phrase.lower() in text.lower() for phrase in _rule().stub_phrases):
            return rich
        page = rich if rich.get_content_type() == "text/html" else next(
            (p for p in rich.walk() if p.get_content_type() == "text/html"), None
        )
        if page is not None:
            from compliance.reading.html import html_lines

            try:
                html = part_text(page, self.file, self.encoding, html=True)
                shown = sum(len("".join(line.text.split())) for line in html_lines(html.encode("utf-8"), self.file, text=html))
            except InputError:
                shown = 0
            if len(text) < _rule().stub_share * shown:
                return rich
        return plain

    def body(self, part: Any, prefix: str, html: bool) -> None:
        from compliance.reading.html import html_lines, looks_like_html

        try:
            text = part_text(part, self.file, self.encoding, html=html)
        except InputError as error:  # a body no charset reads (binary bytes under text/plain): said, the rest read
            self.unread.append(_text("reading.mail-body-unreadable", reason=error.problems[0].message if error.problems else ""))
            return
        if not text.strip():
            return
        if html or looks_like_html(text):
            document = Document(self.file, "html", html_lines(text.encode("utf-8"), self.file, text=text))
        else:
            from compliance.reading.text import looks_like_markdown, text_lines

            markdown = looks_like_markdown(text)
            document = Document(self.file, "markdown" if markdown else "text", text_lines(text, ".txt", markdown))
        bodies = sum(1 for p in self.parts if p.name is None and p.label.startswith(prefix + _BODY))
        label = prefix + _BODY + (f"（第{bodies + 1}部分）" if bodies else "")
        self.parts.append(_Part(label, document))

    def attachment(self, part: Any, name: str | None, prefix: str) -> None:
        from compliance.reading import SUPPORTED, _read_format

        kind = part.get_content_type()
        suffix = Path(name).suffix.lower() if name else ""
        if suffix not in SUPPORTED and suffix not in _ARCHIVES and kind != "application/octet-stream":
            guessed = mimetypes.guess_extension(kind)  # a name without its suffix: the content type says the format
            if guessed in SUPPORTED or not suffix:
                suffix = guessed or suffix
        shown = name or f"未命名（{kind}）"
        label = f"{prefix}附件“{shown}”"
        if suffix not in SUPPORTED:
            if suffix in _ARCHIVES:
                self.unread.append(_text("reading.mail-archive", name=shown))
            elif kind.startswith("image/") or suffix in (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff"):
                if len(part.get_payload(decode=True) or b"") >= _rule().picture_min_bytes:  # a scan, not a signature
                    self.unread.append(_text("reading.mail-picture", name=shown))
            else:
                self.unread.append(_text("reading.mail-unsupported", name=shown, suffix=suffix or kind))
            return
        data = part.get_payload(decode=True) or b""
        if not data.strip():
            self.unread.append(_text("reading.mail-empty-attachment", name=shown))
            return
        if suffix == ".eml":
            import email
            import email.policy

            self.message(email.message_from_bytes(data, policy=email.policy.default), label + " ")
            return
        with tempfile.TemporaryDirectory(prefix="compliance-mail-") as folder:
            copy = Path(folder, f"attachment{suffix}")  # the attachment's own name may hold what no file system takes
            copy.write_bytes(data)
            try:
                document = _read_format(copy, self.encoding, file=f"{self.file}（{label}）")
            except InputError as error:
                reason = error.problems[0].message if error.problems else str(error)
                self.unread.append(_text("reading.mail-unreadable", name=shown, reason=reason))
                return
        document.file = self.file
        self.parts.append(_Part(label, document, name))


def _root(part: Any, children: list[Any]) -> Any:
    """The root of a multipart/related: the part its `start` names, else the first."""
    start = part.get_param("start")
    start = start.strip("<>") if isinstance(start, str) else ""
    for child in children:
        if start and str(child.get("Content-ID", "")).strip().strip("<>") == start:
            return child
    return children[0]


def _placed(label: str, locator: str | None) -> str | None:
    """A part's locator named by its part: 邮件正文 第3行, 附件“x.docx” 表1 第5行 2025年列."""
    if locator is None:
        return None
    if label.endswith(_BODY) and locator.startswith("正文第"):  # an HTML body's block: 邮件正文 第12段
        locator = locator[2:]
    return f"{label} {locator}"


def _joined(file: str, reader: _Reader) -> Document:
    """The parts' lines in one run of numbers, each locator naming its part; names and what was not read."""
    lines: list[Line] = []
    names: list[Name] = []
    uncomputed: list[str] = []
    hidden: list[str] = []
    offset = 0
    for part in reader.parts:
        if lines:  # an empty line between two parts: a covering note never runs on into the plan
            offset += 1
            lines.append(Line(offset, ""))
        first = offset + 1
        top = offset
        for line in part.document.lines:
            _shift(line, offset, part.label)
            top = max(top, line.number, *(n for _, n, _ in line.spans or ()), *(line.cell_numbers or ()))
            lines.append(line)
        if part.name is not None:
            names.append(Name(part.name, "attachment", first, top))
        uncomputed += [f"{part.label} {cell}" for cell in part.document.uncomputed]
        hidden += part.document.hidden
        offset = max(top, first)
    names += [Name(subject, "subject") for subject in reader.subjects]
    return Document(file, "mail", lines, uncomputed=uncomputed, hidden=hidden, names=names, unread=reader.unread)


def _shift(line: Line, offset: int, label: str) -> None:
    """A part's line moved `offset` numbers on, its locators named by the part."""
    line.number += offset
    line.locator = _placed(label, line.locator)
    if line.cell_locators is not None:
        line.cell_locators = [_placed(label, loc) or "" for loc in line.cell_locators]
    if line.cell_numbers is not None:
        line.cell_numbers = [n + offset for n in line.cell_numbers]
    if line.spans is not None:
        line.spans = [(start, n + offset, _placed(label, loc) or "") for start, n, loc in line.spans]
    if line.cell_parts is not None:
        line.cell_parts = [
            [(start, n + offset, starts) for start, n, starts in parts] if parts is not None else None
            for parts in line.cell_parts
        ]
