"""Subtitles (.srt SubRip, .vtt WebVTT): the captions of a 政策解读 video, read as the sentences they speak.

A media centre publishes a plan's 解读 video with its caption file; the narration states the plan's targets. The
file is decoded as a text file (UTF-8 with or without BOM, GBK/GB18030), its cues parsed by pysubs2 (MIT), which
drops what is no text: cue numbers and identifiers, timings and cue settings, the WEBVTT header and its NOTE, STYLE
and REGION blocks, speaker tags (<v 王倩>) and styling markup (<b>, <i>, <c.yellow>, {\\an8}); inline timestamps and
character references (&lt;) of a WebVTT cue are resolved here.

A caption line is cut where the display needs it, not where the sentence ends: a sentence is the caption lines,
across cues, up to one that ends it (rules/text.yaml `subtitles`) — a line ends a sentence when it ends in a
sentence-end mark, or in no mark at all (captions often drop the final comma) unless a bracket is still open or the
next line opens with a word that only continues a clause (分别达到95%和85% under 家长学校覆盖率). Lines are joined
without a space, but never into a number (…2 ↵ 3岁: apart by a space). Each sentence is one `Line`, a blank one
after it; its `spans` say where each caption line starts, so a target stands on the file line of its number.
Numbers are the lines of the file (as for .txt); locators name the cue and its start time, as a reviewer finds it
in the video: 第12条字幕（00:01:23）.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from compliance.errors import InputError
from compliance.messages import text as _text
from compliance.reading import Line, needs

_TIMING = re.compile(
    r"^\s*(?:(\d+):)?(\d{1,2}):(\d{2})[.,:](\d{1,3})\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[.,:]\d{1,3}"
)
_INLINE_TIME = re.compile(r"<\d{1,2}(?::\d{2}){1,2}[.,]\d{1,3}>")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>|\{\\[^{}]*\}")
_DIALOGUE_DASH = re.compile(r"^[-–—]\s+(?=\D)")


@dataclass
class _Row:
    number: int  # the line of the file
    text: str
    locator: str


@dataclass(frozen=True)
class _Rules:
    ends: str
    open_ends: str
    openers: str
    closers: str
    continues: tuple[str, ...]


@cache
def _rules() -> _Rules:
    from compliance.resources import rules_data

    data = rules_data("text.yaml")["subtitles"]
    return _Rules(data["sentence_ends"], data["open_ends"], data["brackets"][0], data["brackets"][1],
                  tuple(sorted(data["continues"], key=len, reverse=True)))


def subtitle_lines(raw: bytes, file: str, suffix: str, encoding: str | None) -> list[Line]:
    """The sentences of a subtitle file, each with the file lines it stands on; InputError naming the file when it
    holds no cue (a damaged file, a text saved under the suffix)."""
    from compliance.reading.text import decode

    pysubs2 = needs("pysubs2", file, suffix, "pysubs2")
    text = decode(raw, file, encoding).lstrip("\ufeff")
    rows = re.split(r"\r\n|\r|\n", text)
    blocks = _blocks(rows)
    try:
        events = list(pysubs2.SSAFile.from_string(text, format_="vtt" if suffix == ".vtt" else "srt"))
    except Exception as error:
        raise InputError.single(
            file, _text("reading.not-subtitles", reason=type(error).__name__), hint=_text("reading.not-subtitles-hint"),
        ) from None
    if not blocks:
        raise InputError.single(
            file, _text("reading.not-subtitles", reason="no cue"), hint=_text("reading.not-subtitles-hint"),
        )
    cues = _cue_rows(rows, blocks, events, suffix == ".vtt")
    return _sentences(cues)


def _blocks(rows: list[str]) -> list[tuple[str, int, list[int]]]:
    """Each cue of the file as (its number or identifier, its start in ms, the file lines of its text, 0-based)."""
    out: list[tuple[str, int, list[int]]] = []
    for i, row in enumerate(rows):
        match = _TIMING.match(row)
        if match is None:
            continue
        hours, minutes, seconds, fraction = match.groups()
        start = ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(fraction.ljust(3, "0"))
        ident = rows[i - 1].strip() if i > 0 and rows[i - 1].strip() and not _TIMING.match(rows[i - 1]) else ""
        text_rows: list[int] = []
        for k in range(i + 1, len(rows)):
            if not rows[k].strip() or _TIMING.match(rows[k]):
                break
            text_rows.append(k)
        out.append((ident, start, text_rows))
    return out


def _cue_rows(lines: list[str], blocks: list[tuple[str, int, list[int]]], events: list, vtt: bool) -> list[list[_Row]]:
    """The caption lines of each cue, markup removed (pysubs2's plain text of the cue, paired with the cue of the file
    by its start time; a cue it did not give is cleaned here), each with its file line and the cue's locator."""
    out: list[list[_Row]] = []
    e = 0
    for ordinal, (ident, start, text_rows) in enumerate(blocks, start=1):
        texts: list[str] | None = None
        k = e
        while k < len(events) and abs(events[k].start - start) > 1 and k - e < 3:
            k += 1
        if k < len(events) and abs(events[k].start - start) <= 1:
            plain = events[k].plaintext.split("\n")
            if len(plain) == len(text_rows):
                texts = plain
            e = k + 1
        if texts is None:
            texts = [lines[n] for n in text_rows]
        cue = ident if ident.isdigit() else str(ordinal)
        seconds = start // 1000
        locator = f"第{cue}条字幕（{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}）"
        rows = []
        for n, piece in zip(text_rows, texts, strict=False):
            piece = _INLINE_TIME.sub("", piece)
            piece = _TAG.sub("", piece)
            if vtt:
                piece = html.unescape(piece)
            piece = _DIALOGUE_DASH.sub("", piece.strip()).strip()
            if piece:
                rows.append(_Row(n + 1, piece, locator))
        out.append(rows)
    return out



def _sentences(cues: list[list[_Row]]) -> list[Line]:
    r = _rules()
    rows = [row for cue in cues for row in cue]
    lines: list[Line] = []
    current: list[_Row] = []
    for i, row in enumerate(rows):
        current.append(row)
        following = rows[i + 1].text if i + 1 < len(rows) else None
        if following is not None and _continues(current, following, r):
            continue
        lines.append(_line(current))
        lines.append(Line(current[-1].number, ""))  # the sentence ends: a blank line, as between paragraphs
        current = []
    return lines


def _continues(current: list[_Row], following: str, r: _Rules) -> bool:
    """Whether the sentence of the caption lines `current` reads on into the next line."""
    last = current[-1].text.rstrip("”’」』\"'")  # 。” ends as 。 does
    if last[-1:] in r.ends:
        return False
    if last[-1:] in r.open_ends:
        return True
    joined = "".join(row.text for row in current)
    if any(joined.count(o) > joined.count(c) for o, c in zip(r.openers, r.closers, strict=False)):
        return True  # 《周至县儿童发展规划 ↵ （2021—2030年）》
    return following.startswith(r.continues)


def _line(rows: list[_Row]) -> Line:
    text = ""
    spans: list[tuple[int, int, str]] = []
    for row in rows:
        piece = row.text
        if text and text[-1].isdigit() and piece[:1].isdigit():
            text += " "  # a caption break never joins two numbers into one
        spans.append((len(text), row.number, row.locator))
        text += piece
    first = rows[0]
    return Line(first.number, text, locator=first.locator, spans=spans if len(rows) > 1 else None)
