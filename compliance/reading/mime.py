"""What MIME containers (.eml, .mht) share: a part's text in the charset it really uses, headers and file names decoded.

The standard library's `email` package parses the message and undoes the transfer
encoding (base64, quoted-printable); what it leaves to us is the charset. Chinese
mailers and browsers declare gb2312 for text that uses GBK's characters (镕, 堃, 喆),
and now and then declare one charset for bytes in another: a part's bytes that are
valid UTF-8 are UTF-8 (Chinese text in GBK practically never is), else the declared
charset by its superset (gb2312, gbk → gb18030) unless it is a Western single-byte one
(us-ascii, iso-8859-1: a mailer's default over GBK bytes), else what the text reader detects.
Headers (RFC 2047 encoded words, raw 8-bit bytes) and attachment names (RFC 2231
`filename*=`, encoded words in `filename="…"`) are decoded by the same rule.
"""

from __future__ import annotations

import re
from typing import Any

# Charsets whose texts hold more than the name says: read by the superset.
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
             "euc-cn": "gb18030", "x-euc-cn": "gb18030", "hz-gb-2312": "hz"}


def charset(name: str | None) -> str | None:
    """The codec to read a declared charset by (its superset), None for none declared."""
    if not name:
        return None
    name = name.strip().strip('"').lower()
    return SUPERSETS.get(name, name) or None


def as_text(data: bytes, declared: str | None) -> str | None:
    """Bytes as text: UTF-8 when they are valid UTF-8, else the declared charset's superset; None when neither reads them."""
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        pass
    codec = charset(declared)
    if codec and not (_WESTERN.match(codec) and any(b >= 0x80 for b in data)):
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            return None
    return None  # none declared, or a Western single-byte charset over Chinese bytes (a mailer's default): detect


# Single-byte Western charsets, which decode any bytes: declared over bytes above 0x7F they are a mailer's default
# (us-ascii, iso-8859-1), not the text's charset.
_WESTERN = re.compile(r"^(?:us-?ascii|ascii|iso[-_]?8859[-_]?\d+|latin[-_]?\d|l\d|windows-125\d|cp125\d)$")


def part_text(part: Any, file: str, encoding: str | None, html: bool = False) -> str:
    """A text part's decoded text: the user's `encoding` when given, else `as_text`, else detected as a saved file is."""
    payload = part.get_payload(decode=True) or b""
    if encoding is None:
        text = as_text(payload, part.get_content_charset())
        if text is not None:
            return text
    if html:
        from compliance.reading.html import decode_html

        return decode_html(payload, file, encoding)
    from compliance.reading.text import decode

    return decode(payload, file, encoding)


_FOLD = re.compile(r"\r?\n[ \t]+")


def header_text(value: str) -> str:
    """A raw header value as a person reads it: folding undone, RFC 2047 encoded words and raw 8-bit bytes decoded."""
    from email.header import decode_header

    value = _FOLD.sub(" ", value)
    if any("\udc80" <= ch <= "\udcff" for ch in value):  # raw bytes a mailer wrote unencoded (surrogate-escaped by email)
        data = value.encode("ascii", "surrogateescape")
        return (as_text(data, "gb18030") or data.decode("gb18030", "replace")).strip()
    try:
        pieces = decode_header(value)
    except Exception:  # a malformed encoded word: the value as written
        return value.strip()
    out = []
    for piece, declared in pieces:
        if isinstance(piece, str):
            out.append(piece)
            continue
        text = as_text(piece, declared or "ascii")
        out.append(text if text is not None else piece.decode(charset(declared) or "gb18030", "replace"))
    return "".join(out).strip()


def raw_header(part: Any, name: str) -> str | None:
    """A header's value as the file writes it (before the policy's decoding, which reads gb2312 strictly)."""
    for key, value in part.raw_items():
        if key.lower() == name.lower():
            return str(value)
    return None


def file_name(part: Any) -> str | None:
    """An attachment's file name: Content-Disposition's filename, else Content-Type's name, decoded (RFC 2231, 2047)."""
    from email.message import Message

    for header, param in (("Content-Disposition", "filename"), ("Content-Type", "name")):
        raw = raw_header(part, header)
        if raw is None:
            continue
        holder = Message()  # the compat32 reader of parameters: gives RFC 2231's bytes and charset undecoded
        holder[header] = _FOLD.sub(" ", raw)
        found = holder.get_param(param, header=header.lower())
        if isinstance(found, tuple):  # filename*=GB2312''%C4%B3…: (charset, language, the bytes as latin-1)
            declared, _, value = found
            data = str(value).encode("latin-1", "replace")
            name = as_text(data, declared or "gb18030") or data.decode("gb18030", "replace")
        elif isinstance(found, str):
            name = header_text(found.strip('"'))
        else:
            continue
        name = name.replace("\\", "/").rsplit("/", 1)[-1].strip()  # a path some mailers leave in the name
        if name:
            return name
    return None
