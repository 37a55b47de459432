"""A web page saved as a single file (.mht, .mhtml: 网页，单个文件 in 360, QQ, Edge, Chrome): its HTML part, read as a web page.

The file is a MIME message (multipart/related): the page's HTML and its
pictures and style sheets, each a part. The standard library's `email`
package parses it and undoes the transfer encoding (base64, quoted-printable);
the page is the part the message names as its start, else the part at the
snapshot's address, else the first text/html part. Its text is decoded as
`compliance.reading.mime` says (bytes valid as UTF-8 are UTF-8 whatever the part
declares, else the declared charset by its superset: gb2312 read as GB18030, which
holds GBK's characters Word writes under gb2312), unless the user gives an
encoding; a part that declares none, or wrongly, is decoded as a saved page is
(`<meta charset>`, UTF-8, GB18030). Lines, numbers and locators are those of the
page (`compliance.reading.html`). Word's 单个文件网页 (.mht: multipart/related, the
page quoted-printable in gb2312, its pictures and the file list as parts) is one.
"""

from __future__ import annotations

from typing import Any

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line
from compliance.reading.mime import as_text


def mhtml_lines(raw: bytes, file: str, encoding: str | None = None) -> list[Line]:
    from compliance.reading.html import decode_html, html_lines, looks_like_html

    part = _html_part(raw)
    if part is None:
        if looks_like_html(raw[:8192].decode("utf-8", "replace")):  # a plain page saved under .mht: read as the page it is
            return html_lines(raw, file, encoding=encoding)
        raise InputError.single(file, _text("reading.not-mhtml"), hint=_text("reading.not-mhtml-hint"))
    payload = part.get_payload(decode=True) or b""
    if encoding is None:
        text = as_text(payload, part.get_content_charset())
        if text is not None:
            return html_lines(payload, file, text=text)
        # no declaration, or a wrong one: detect as for any saved page
    return html_lines(payload, file, text=decode_html(payload, file, encoding))


def _html_part(raw: bytes) -> Any:
    """The page's HTML part of a MIME message, or None."""
    import email
    import email.policy

    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception:  # the parser is lenient; anything it still refuses is no saved page
        return None
    if not message.is_multipart():
        return message if message.get_content_type() == "text/html" and message.get("MIME-Version") else None
    pages = [part for part in message.walk() if part.get_content_type() == "text/html"]
    if not pages:
        return None
    start = message.get_param("start")
    start = start.strip("<>") if isinstance(start, str) else ""
    snapshot = str(message.get("Snapshot-Content-Location", "")).strip()
    for part in pages:
        if start and str(part.get("Content-ID", "")).strip().strip("<>") == start:
            return part
    for part in pages:
        if snapshot and str(part.get("Content-Location", "")).strip() == snapshot:
            return part
    return pages[0]
