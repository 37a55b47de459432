"""The user's files, read and written safely: every problem of the machine is the user's to fix, with a hint.

Reading: only a regular file is read (a FIFO would block forever, /dev/zero
would fill the memory), and only up to a size no plan or plan document comes
near; a missing file, a folder, a symbolic-link loop, a permission, a name too
long or a path through a file each get their own message and what to do.

Writing (`OutputFile`): a file the user names is never overwritten without
`--force`, never one of the inputs (a symbolic link is followed to the file it
names, a hard link is recognised), and is written atomically: the text goes to
a temporary file in the same folder, moved onto the name only once complete,
so an interrupted or failing run (a full disk) leaves the old file intact.

Every failure is an `InputError` (exit code 2), never an internal error.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from compliance.errors import InputError, Problem

# Larger than any plan file (the national outlines are 60 KB) or plan document
# (a scanned PDF of a few hundred pages): anything bigger is not what the user meant to give.
PLAN_FILE_LIMIT = 16 * 1024 * 1024
DOCUMENT_LIMIT = 512 * 1024 * 1024


def _text(id: str, **params: Any) -> str:
    from compliance.messages import text

    return text(id, **params)


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.0f} MB" if count >= 1024 * 1024 else f"{count} bytes"


def environment_problem(file: str, error: OSError, *, writing: bool = False) -> Problem:
    """The user's words for what the machine refused: permission, full disk, name too long…"""
    code = error.errno
    known = {
        errno.ENOENT: "missing-folder" if writing else "missing",
        errno.EACCES: "permission-write" if writing else "permission-read",
        errno.EPERM: "permission-write" if writing else "permission-read",
        errno.EISDIR: "directory",
        errno.ENOTDIR: "not-a-folder",
        errno.ENAMETOOLONG: "name-too-long",
        errno.ELOOP: "link-loop",
        errno.ENOSPC: "disk-full",
        errno.EROFS: "read-only",
        errno.EFBIG: "too-big-to-write",
        errno.EMFILE: "too-many-open",
        errno.ENFILE: "too-many-open",
        errno.ENXIO: "not-regular",
    }
    if hasattr(errno, "EDQUOT"):
        known[errno.EDQUOT] = "disk-full"
    key = known.get(code) if code is not None else None
    if key is None:
        reason = error.strerror or str(error)
        message = _text("file.cannot-write" if writing else "file.cannot-read", reason=reason)
        return Problem(file, message, hint=_text("file.cannot-hint"))
    folder = str(Path(file).parent)
    return Problem(file, _text(f"file.{key}", folder=folder), hint=_text(f"file.{key}-hint", folder=folder))


def environment_error(error: OSError | MemoryError, file: str | None = None) -> InputError:
    """An error the machine raised anywhere (the last line of defence): the user's to fix, exit code 2."""
    if isinstance(error, MemoryError):
        return InputError.single(file or "-", _text("file.out-of-memory"), hint=_text("file.out-of-memory-hint"))
    name = file or error.filename or "-"
    return InputError([environment_problem(str(name), error)])


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _text("file.kind-fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _text("file.kind-device")
    if stat.S_ISSOCK(mode):
        return _text("file.kind-socket")
    return _text("file.kind-other")


def read_bytes(path: Path | str, *, limit: int = DOCUMENT_LIMIT) -> bytes:
    """The bytes of a regular file no bigger than `limit`; InputError with a hint for anything else."""
    file = str(path)
    try:
        info = os.stat(path)  # follows symbolic links: a loop is ELOOP
    except OSError as error:
        raise InputError([environment_problem(file, error)]) from None
    except ValueError:  # an embedded NUL byte in the name
        raise InputError.single(file, _text("file.bad-name"), hint=_text("file.bad-name-hint")) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError.single(file, _text("file.directory"), hint=_text("file.directory-hint"))
    if not stat.S_ISREG(info.st_mode):
        kind = _kind(info.st_mode)
        raise InputError.single(file, _text("file.not-regular", kind=kind), hint=_text("file.not-regular-hint"))
    if info.st_size > limit:
        raise InputError.single(
            file,
            _text("file.too-big", size=_size(info.st_size), limit=_size(limit)),
            hint=_text("file.too-big-hint"),
        )
    try:
        # O_NONBLOCK: should the file have been swapped for a FIFO since stat(), open() must not hang
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise InputError([environment_problem(file, error)]) from None
    try:
        opened = os.fstat(descriptor)
        if not stat.S_ISREG(opened.st_mode):
            raise InputError.single(
                file, _text("file.not-regular", kind=_kind(opened.st_mode)), hint=_text("file.not-regular-hint")
            )
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            # as much as stat() said, and one byte more: read(limit + 1) would allocate the whole limit
            # (16 MiB for a plan file) for every file read (issue 12); a file grown since is read on to the limit
            wanted = min(limit, opened.st_size) + 1
            data = stream.read(wanted)
            if len(data) == wanted and wanted <= limit:
                data += stream.read(limit + 1 - wanted)
    except OSError as error:
        raise InputError([environment_problem(file, error)]) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise InputError.single(
            file, _text("file.too-big", size=_size(len(data)), limit=_size(limit)), hint=_text("file.too-big-hint")
        )
    return data


# --------------------------------------------------------------------------- writing


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except OSError:
        return False


class OutputFile:
    """A file the user asked us to write, checked before any work is done and written atomically.

    `path` is where the text lands: a symbolic link is followed to the file it
    names (the link stays a link). `check()` raises InputError when the name is
    empty, is a folder, is one of `inputs`, exists without `force`, or lies in a
    folder that does not exist.
    """

    def __init__(
        self, written: str, *, force: bool = False, inputs: Iterable[Path | str] = (), make_folder: bool = False
    ) -> None:
        self.written = written
        self.force = force
        self.inputs = [Path(p) for p in inputs]
        self.make_folder = make_folder  # the folder may be missing: it is created when the file is written
        self.path = Path(os.path.realpath(written)) if written else Path()

    def _problem(self, id: str, **params: Any) -> InputError:
        return InputError.single(self.written or "-o", _text(f"file.{id}", **params), hint=_text(f"file.{id}-hint", **params))

    def check(self) -> OutputFile:
        if not self.written.strip():
            raise self._problem("empty-name")
        for source in self.inputs:
            if _same_file(self.path, source):
                raise self._problem("is-input", source=str(source))
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            info = None
        except OSError as error:
            raise InputError([environment_problem(self.written, error, writing=True)]) from None
        if info is not None:
            if stat.S_ISDIR(info.st_mode):
                raise self._problem("output-is-directory")
            if not stat.S_ISREG(info.st_mode):
                raise self._problem("output-not-regular", kind=_kind(info.st_mode))
            if not self.force:
                raise self._problem("exists")
        parent = self.path.parent
        if self.make_folder:
            existing = next((folder for folder in (parent, *parent.parents) if folder.exists()), None)
            if existing is not None and not existing.is_dir():
                raise self._problem("not-a-folder-on-the-way", folder=str(existing))
            parent = existing or parent
        elif not parent.is_dir():
            raise self._problem("no-folder", folder=str(Path(self.written).parent))
        if not os.access(parent, os.W_OK | os.X_OK):
            raise InputError(
                [environment_problem(self.written, PermissionError(errno.EACCES, "permission denied"), writing=True)]
            )
        return self

    @contextmanager
    def open(self, binary: bool = False) -> Iterator[IO[Any]]:
        """A stream to a temporary file beside the target, moved onto it when the block ends without error."""
        try:
            if self.make_folder:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent)
        except OSError as error:
            raise InputError([environment_problem(self.written, error, writing=True)]) from None
        try:
            try:
                if binary:
                    with os.fdopen(handle, "wb") as stream:
                        yield stream
                        stream.flush()
                        os.fsync(stream.fileno())
                else:
                    with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                        yield stream
                        stream.flush()
                        os.fsync(stream.fileno())
                _keep_mode(self.path, temporary)
                os.replace(temporary, self.path)
            except OSError as error:
                raise InputError([environment_problem(self.written, error, writing=True)]) from None
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def write(self, content: str | bytes) -> None:
        with self.open(binary=isinstance(content, bytes)) as stream:
            stream.write(content)


def _keep_mode(target: Path, temporary: str) -> None:
    """A replaced file keeps its permissions; a new one gets the usual ones (mkstemp makes it private)."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)


def check_outputs(outputs: list[OutputFile]) -> list[OutputFile]:
    """Check every output before writing any, and refuse two outputs onto one file."""
    seen: dict[Path, str] = {}
    for output in outputs:
        output.check()
        if output.path in seen:
            raise InputError.single(
                output.written,
                _text("file.written-twice", other=seen[output.path]),
                hint=_text("file.written-twice-hint"),
            )
        seen[output.path] = output.written
    return outputs


def plan_outputs(
    output: str,
    names: list[str],
    *,
    force: bool = False,
    inputs: Iterable[Path | str] = (),
    suffixes: tuple[str, ...] = (".yaml", ".yml", ".json"),
) -> list[OutputFile]:
    """Where `-o OUTPUT` puts the plans of one document: one file, or one file per plan in a folder.

    OUTPUT naming a file (a suffix of `suffixes`) takes exactly one plan; anything
    else is a folder, created if need be, holding `names` (made unique:
    `x-women.yaml`, `x-women-2.yaml`, so that two plans never share a file).
    Every output is checked before any is written.
    """
    if not output.strip():
        raise InputError.single("-o", _text("file.empty-name"), hint=_text("file.empty-name-hint"))
    path = Path(output)
    for source in inputs:  # before any question of its name: the input itself is never an output
        if _same_file(path, Path(source)):
            raise InputError.single(output, _text("file.is-input", source=str(source)), hint=_text("file.is-input-hint"))
    if path.suffix.lower() in suffixes and not output.endswith(("/", os.sep)):
        if len(names) != 1:
            raise InputError.single(
                output, _text("file.several-plans", count=len(names)), hint=_text("file.several-plans-hint")
            )
        return check_outputs([OutputFile(output, force=force, inputs=inputs)])
    if path.exists() and not path.is_dir():
        raise InputError.single(output, _text("file.not-a-folder-output"), hint=_text("file.not-a-folder-output-hint"))
    if not path.exists() and path.suffix and not output.endswith(("/", os.sep)):
        # `-o report.txt` is a file name the user mistyped, not a folder to create (say so instead of making one)
        raise InputError.single(
            output,
            _text("file.not-a-plan-name", suffixes=list(suffixes)),
            hint=_text("file.not-a-plan-name-hint", folder=output.rstrip("/") + "/"),
        )
    unique: list[str] = []
    for name in names:
        candidate, number = name, 2
        stem, dot, suffix = name.rpartition(".")
        while candidate in unique:
            candidate = f"{stem}-{number}.{suffix}" if dot else f"{name}-{number}"
            number += 1
        unique.append(candidate)
    return check_outputs(
        [OutputFile(str(path / name), force=force, inputs=inputs, make_folder=True) for name in unique]
    )
