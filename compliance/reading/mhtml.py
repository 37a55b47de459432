"""A web page saved as a single file (.mht, .mhtml: 网页，单个文件 in 360, QQ, Edge, Chrome): its HTML part, read as a web page.

The file is a MIME message (multipart/related): the page's HTML and its
pictures and style sheets, each a part. The standard library's `email`
package parses it and undoes the transfer encoding (base64, quoted-printable);
the page is the part the message names as its start, else the part at the
snapshot's address, else the first text/html part. Its text is decoded by the
charset the part declares (gb2312 read as GB18030, which holds it), unless
the user gives an encoding; a part that declares none is decoded as a saved
page is (`<meta charset>`, UTF-8, GB18030). Lines, numbers and locators are
those of the page (`compliance.reading.html`).
"""

from __future__ import annotations

from typing import Any

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line

# Charsets whose pages hold more than the name says: read by the superset.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030"}


def mhtml_lines(raw: bytes, file: str, encoding: str | None = None) -> list[Line]:
    from compliance.reading.html import decode_html, html_lines, looks_like_html

    part = _html_part(raw)
    if part is None:
        if looks_like_html(raw[:8192].decode("utf-8", "replace")):  # a plain page saved under .mht: read as the page it is
            return html_lines(raw, file, encoding=encoding)
        raise InputError.single(file, _text("reading.not-mhtml"), hint=_text("reading.not-mhtml-hint"))
    payload = part.get_payload(decode=True) or b""
    if encoding is None:
        declared = (part.get_content_charset() or "").lower()
        if declared:
            try:
                return html_lines(payload, file, text=payload.decode(_SUPERSETS.get(declared, declared)))
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: detect as for any saved page
    return html_lines(payload, file, text=decode_html(payload, file, encoding))


def _html_part(raw: bytes) -> Any:
    """The page's HTML part of a MIME message, or None."""
    import email
    import email.policy

    try:
        message = email.message_from_bytes(raw, policy=email.policy.compat32)
    except Exception:  # the parser is lenient; anything it still refuses is no saved page
        return None
    if not message.is_multipart():
        return message if message.get_content_type() == "text/html" and message.get("MIME-Version") else None
    pages = [part for part in message.walk() if part.get_content_type() == "text/html"]
    if not pages:
        return None
    start = message.get_param("start")
    start = start.strip("<>") if isinstance(start, str) else ""
    snapshot = message.get("Snapshot-Content-Location", "").strip()
    for part in pages:
        if start and part.get("Content-ID", "").strip().strip("<>") == start:
            return part
    for part in pages:
        if snapshot and part.get("Content-Location", "").strip() == snapshot:
            return part
    return pages[0]
