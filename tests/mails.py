"""E-mails made in a test as Chinese mailers write them (stdlib `email`, compat32 messages: headers kept as written).

A mailer's bytes are not what `EmailMessage` would write: it declares gb2312 for GBK's bytes (— is A1AA),
writes a Chinese Subject and file name as RFC 2047 encoded words in GB2312, base64 or quoted-printable bodies.
These helpers put exactly the bytes and headers a test names into a message.
"""

from __future__ import annotations

import base64
import quopri
from email.message import Message
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))


def words(text: str, charset: str = "GB2312", encoding: str = "B", codec: str = "gbk") -> str:
    """An RFC 2047 encoded word: B (base64) or Q (quoted-printable), the text's bytes in `codec`."""
    data = text.encode(codec)
    if encoding.upper() == "B":
        return f"=?{charset}?B?{base64.b64encode(data).decode('ascii')}?="
    quoted = "".join(chr(b) if b < 0x80 and chr(b).isalnum() else f"={b:02X}" for b in data)
    return f"=?{charset}?Q?{quoted}?="


def leaf(content_type: str, data: bytes, cte: str = "base64", *, filename: str | None = None,
         disposition: str | None = None, **headers: str) -> Message:
    """One part: `data` in the transfer encoding `cte` (base64, quoted-printable, 8bit), under `content_type` as written."""
    part = Message()
    part["Content-Type"] = content_type
    part["Content-Transfer-Encoding"] = cte
    if filename is not None or disposition is not None:
        part["Content-Disposition"] = (disposition or "attachment") + (f'; filename="{filename}"' if filename else "")
    for name, value in headers.items():
        part[name.replace("_", "-")] = value
    if cte == "base64":
        part.set_payload(base64.encodebytes(data).decode("ascii"))
    elif cte == "quoted-printable":
        part.set_payload(quopri.encodestring(data).decode("ascii"))
    else:
        part.set_payload(data.decode("latin-1"))  # raw 8-bit bytes, written back as they are by as_bytes
    return part


def multipart(subtype: str, parts: list[Message], **headers: str) -> Message:
    message = Message()
    message["Content-Type"] = f"multipart/{subtype}"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    for part in parts:
        message.attach(part)
    return message


def mail(body: Message, subject: str, *, sender: str = "县妇儿工委办 <fegw@example.cn>", to: str = "smfegw@example.cn",
         date: datetime | None = None) -> Message:
    """`body` as a whole e-mail: its headers above the body's own (Subject as given: an encoded word, or plain)."""
    message = Message()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(date or datetime(2022, 5, 9, 10, 12, tzinfo=CST))
    message["Message-ID"] = "<20220509101200.4321@example.cn>"
    message["MIME-Version"] = "1.0"
    for name, value in body.items():
        message[name] = value
    message.set_payload(body.get_payload())
    return message


def as_bytes(message: Message) -> bytes:
    """The message as a mailer saves it: CRLF line ends."""
    from email import policy

    return message.as_bytes(policy=policy.compat32.clone(linesep="\r\n"))
