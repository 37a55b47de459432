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
from compliance.reading import Document

# Seconds a conversion may take before it is given up (a first LibreOffice start is slow).
TIMEOUT = 180

_OFFICE = ("soffice", "libreoffice", "lowriter")
_SAVE_AS = "open it in Word or WPS and save it as .docx (文件 → 另存为 → Word 文档 *.docx), or save it as .txt"


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
            file, f"not a {kind} document (its content is not in that format)", hint="is the suffix right? " + _SAVE_AS
        )
    found = converters()
    if "office" in found:
        return _via_office(found["office"], path, file, kind)
    if "antiword" in found and suffix == ".doc":
        return _via_antiword(found["antiword"], path, file)
    need = "LibreOffice (apt-get install libreoffice-writer-nogui; soffice must be on the PATH)"
    if suffix == ".doc":
        need += " or antiword (apt-get install antiword)"
    raise InputError.single(
        file,
        f"reading a {kind} file needs a converter, and none is installed",
        hint=f"install {need}, or {_SAVE_AS}",
    )


def _is_ole(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _is_zip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def _via_office(office: str, path: Path, file: str, kind: str) -> Document:
    from compliance.reading.docx import docx_lines

    with tempfile.TemporaryDirectory(prefix="compliance-") as folder:
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
                file, f"converting the {kind} file with LibreOffice took more than {TIMEOUT} s", hint=_SAVE_AS
            ) from None
        except OSError as error:
            raise InputError.single(file, f"LibreOffice could not be started ({error.strerror})", hint=_SAVE_AS) from None
        converted = Path(folder, path.stem + ".docx")
        if done.returncode != 0 or not converted.exists():
            said = (done.stderr or done.stdout or b"").decode("utf-8", "replace").strip().splitlines()
            raise InputError.single(
                file,
                f"LibreOffice could not convert this {kind} file" + (f" ({said[-1][:120]})" if said else ""),
                hint="is it damaged or protected by a password? " + _SAVE_AS,
            )
        return Document(file, "docx", docx_lines(converted, file))


def _via_antiword(antiword: str, path: Path, file: str) -> Document:
    from compliance.reading.text import text_lines

    try:
        done = subprocess.run(
            [antiword, "-m", "UTF-8.txt", "-w", "0", str(path)],
            capture_output=True, timeout=TIMEOUT, env=_quiet_env(), stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise InputError.single(file, f"converting the .doc file with antiword took more than {TIMEOUT} s", hint=_SAVE_AS) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError.single(
            file,
            "antiword could not read this .doc file" + (f" ({said[-1][:120]})" if said else ""),
            hint="is it damaged or protected by a password? " + _SAVE_AS,
        )
    text = done.stdout.decode("utf-8", "replace")
    lines = text_lines(text, ".txt")
    paragraph = 0
    for line in lines:  # antiword writes one paragraph per line: a person finds the paragraph, not the line
        if line.text.strip():
            paragraph += 1
        line.locator = f"第{max(paragraph, 1)}段"
    return Document(file, "text", lines)


def _quiet_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("HOME", tempfile.gettempdir())
    return env
