"""Word 97–2003 (.doc) and WPS Writer (.wps): converted, then read as .docx (or as text).

No well-kept Python library reads these binary formats, so a converter on the
PATH does it: LibreOffice (`soffice --headless --convert-to docx`, which keeps
tables) first, else antiword (.doc only; text, tables flattened). Without
either, the file is refused with what to install or how to save it. The
converter's output goes to a temporary folder; the user's file is only read.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from compliance.errors import InputError
from compliance.messages import msg
from compliance.messages import text as _text
from compliance.reading import Document

# Seconds a conversion may take before it is given up (a first LibreOffice start is slow).
TIMEOUT = 180

_OFFICE = ("soffice", "libreoffice", "lowriter")
_SAVE_AS = msg("reading.save-as-docx")


def converters() -> dict[str, str]:
    """The converters found on the PATH: {'office': path, 'antiword': path}."""
    found: dict[str, str] = {}
    for name in _OFFICE:
        path = shutil.which(name)
        if path:
            found["office"] = path
            break
    antiword = shutil.which("antiword")
    if antiword:
        found["antiword"] = antiword
    return found


def legacy_lines(path: Path, file: str) -> Document:
    suffix = path.suffix.lower()
    kind = "WPS (.wps)" if suffix == ".wps" else "Word 97–2003 (.doc)"
    if not _is_ole(path):
        if _is_zip(path):  # a .docx saved under an old name: read it as what it is
            from compliance.reading.docx import docx_lines

            return Document(file, "docx", docx_lines(path, file))
        raise InputError.single(
            file, _text("reading.not-legacy", kind=kind), hint=_text("reading.not-legacy-hint", save_as=_SAVE_AS)
        )
    found = converters()
    word_binary = _word_binary(path)  # .doc, and WPS Writer's .wps, which is the same format
    if "office" in found:
        return _via_office(found["office"], path, file, kind, as_doc=word_binary)
    if "antiword" in found and word_binary:
        return _via_antiword(found["antiword"], path, file)
    need = msg("reading.need-office-or-antiword" if word_binary else "reading.need-office")
    raise InputError.single(
        file,
        _text("reading.no-converter", kind=kind),
        hint=_text("reading.no-converter-hint", need=need, save_as=_SAVE_AS),
    )


def _said(output: list[str]) -> str:
    """The converter's last line of complaint, for the message: ` (…)` or nothing."""
    return _text("reading.converter-said", said=output[-1][:120]) if output else ""


def _is_ole(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _word_binary(path: Path) -> bool:
    """An OLE file holding a WordDocument stream: the Word 97–2003 format (also what WPS Writer saves as .wps)."""
    with path.open("rb") as handle:
        head = handle.read(1 << 20)
    return "WordDocument".encode("utf-16-le") in head


def _is_zip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def _via_office(office: str, path: Path, file: str, kind: str, as_doc: bool) -> Document:
    from compliance.reading.docx import docx_lines

    with tempfile.TemporaryDirectory(prefix="compliance-") as folder:
        if as_doc and path.suffix.lower() != ".doc":  # LibreOffice picks its filter by the suffix too
            copy = Path(folder, "source.doc")
            shutil.copyfile(path, copy)
            path = copy
        # a profile of its own: a LibreOffice the user has open does not block the conversion
        profile = Path(folder, "profile").as_uri()
        command = [
            office, f"-env:UserInstallation={profile}", "--headless", "--norestore",
            "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder, str(path.resolve()),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, env=_quiet_env(), stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise InputError.single(
                file,
                _text("reading.conversion-timeout", kind=kind, converter="LibreOffice", seconds=TIMEOUT),
                hint=_text("reading.save-as-hint", save_as=_SAVE_AS),
            ) from None
        except OSError as error:
            raise InputError.single(
                file, _text("reading.office-not-started", reason=error.strerror), hint=_text("reading.save-as-hint", save_as=_SAVE_AS)
            ) from None
        converted = Path(folder, path.stem + ".docx")
        if done.returncode != 0 or not converted.exists():
            said = (done.stderr or done.stdout or b"").decode("utf-8", "replace").strip().splitlines()
            raise InputError.single(
                file,
                _text("reading.conversion-failed", kind=kind, converter="LibreOffice", said=_said(said)),
                hint=_text("reading.conversion-failed-hint", save_as=_SAVE_AS),
            )
        return Document(file, "docx", docx_lines(converted, file))


def _via_antiword(antiword: str, path: Path, file: str) -> Document:
    from compliance.reading.grid import cell_locator, column_names
    from compliance.reading.text import text_lines

    try:
        done = subprocess.run(
            [antiword, "-m", "UTF-8.txt", "-w", "0", str(path)],
            capture_output=True, timeout=TIMEOUT, env=_quiet_env(), stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise InputError.single(
            file,
            _text("reading.conversion-timeout", kind="Word 97–2003 (.doc)", converter="antiword", seconds=TIMEOUT),
            hint=_text("reading.save-as-hint", save_as=_SAVE_AS),
        ) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError.single(
            file,
            _text("reading.conversion-failed", kind="Word 97–2003 (.doc)", converter="antiword", said=_said(said)),
            hint=_text("reading.conversion-failed-hint", save_as=_SAVE_AS),
        )
    text = done.stdout.decode("utf-8", "replace")
    lines = text_lines(text, ".txt")
    paragraph = table = row = 0
    names: list[str] = []
    for line in lines:  # antiword writes a paragraph per line and a table row as |cell|cell|
        stripped = line.text.strip()
        if len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|"):
            cells = [cell.strip() for cell in stripped[1:-1].split("|")]
            if row == 0:
                table += 1
                names = column_names(cells, None)
            row += 1
            line.cells = cells
            line.text = "\t".join(cells)
            line.locator = f"表{table} 第{row}行"
            line.cell_locators = [cell_locator(f"表{table}", row, k, names) for k in range(1, len(cells) + 1)]
            continue
        row = 0
        if stripped:
            paragraph += 1
        line.locator = f"第{max(paragraph, 1)}段"
    return Document(file, "text", lines)


def _quiet_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("HOME", tempfile.gettempdir())
    return env
