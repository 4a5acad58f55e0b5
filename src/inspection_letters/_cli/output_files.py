"""Writing letters to files: whole or not at all, with the user's umask, each failure one error.

A letter is written to a temporary file beside its final name, named
``.{name}.{process}.{random}.part``, and then renamed (or linked) into place,
so that a full disk, an interrupt or a crash leaves no half-written letter.
The temporary file is created with mode ``0o666`` less the umask, as any
other file the user writes (``tempfile.mkstemp`` would make it ``0o600``).
A later run removes the temporary files of its own naming that a process no
longer running left behind.

Every failure of the file system (a missing or read-only folder, a full
disk, a name too long) is an :class:`OutputFileError` naming the path and
the reason.
"""

import contextlib
import errno
import io
import os
import re
import secrets
import stat
import sys
import time
from pathlib import Path

import click

from .._errors import OutputFileError

# The temporary files of this module, and those of earlier versions
# (``tempfile.mkstemp``'s eight random characters, with no process number).
_PART = re.compile(r"\.(?P<name>.+?)\.(?:(?P<pid>\d+)\.[0-9a-f]{8}|[a-z0-9_]{8})\.part")
# A temporary file of an earlier version is stale once it is this old (seconds).
_UNNUMBERED_STALE_AFTER = 600
# Room for the process number, the random part and the suffix in a 255-byte name.
_NAME_ROOM = 200

_REASONS = {
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ENOSPC: "no space is left on the disk (nothing was written)",
    errno.EDQUOT: "the disk quota is used up (nothing was written)",
    errno.EFBIG: "the file would be too large for the file system (nothing was written)",
    errno.ENAMETOOLONG: "the file name is too long for the file system",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "the operation is not permitted",
    errno.EISDIR: "it is a folder",
}


def reason_of(error: OSError) -> str:
    """What went wrong, in words, for a message that names the path itself."""
    known = _REASONS.get(error.errno or 0)
    return known if known is not None else error.strerror or str(error)


def cannot_write(path: Path | str, error: OSError) -> OutputFileError:
    """The error that ``path`` could not be written, and why."""
    return OutputFileError(f"cannot write {str(path)!r}: {reason_of(error)}")


def _temporary_name(name: str) -> str:
    return f".{name[:_NAME_ROOM]}.{os.getpid()}.{secrets.token_hex(4)}.part"


def write_atomic(path: Path, data: bytes, *, replace: bool, mode: int | None = None) -> bool:
    """Write ``data`` to ``path`` whole or not at all; ``False`` if it exists and not ``replace``.

    Without ``replace`` the letter is hard-linked into place, which fails if
    the name exists: there is no race between a check and the write. ``mode``
    is the file's permissions; by default ``0o666`` less the umask.
    """
    temporary = path.parent / _temporary_name(path.name)
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        descriptor = os.open(temporary, flags, 0o666)
    except OSError as error:
        raise cannot_write(path, error) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
            stream.write(data)
        if replace:
            os.replace(temporary, path)
            return True
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        return True
    except OSError as error:
        raise cannot_write(path, error) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # there, but another user's
    return True


def remove_stale_parts(directory: Path) -> int:
    """Remove the temporary files of this module's naming that no running process is writing.

    Returns how many were removed. A temporary file of an earlier version,
    which has no process number, is removed once it is ten minutes old.
    """
    removed = 0
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    for entry in entries:
        match = _PART.fullmatch(entry.name)
        if match is None:
            continue
        try:
            status = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(status.st_mode):
                continue
            pid = match.group("pid")
            if pid is not None:
                stale = not _running(int(pid))
            else:
                stale = time.time() - status.st_mtime > _UNNUMBERED_STALE_AFTER
            if stale:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def write_output(path: Path, data: bytes, *, source: Path | None = None) -> None:
    """Write one letter to ``path`` for ``render -o``: atomically, never over its own input.

    A path that exists and is not a regular file (``/dev/stdout``, a FIFO) is
    written to directly: it is a stream, not a file to replace. A letter
    written over an existing one keeps that file's permissions.
    """
    try:
        status: os.stat_result | None = path.stat()
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise cannot_write(path, error) from None
    if status is not None and not stat.S_ISREG(status.st_mode):
        if stat.S_ISDIR(status.st_mode):
            raise OutputFileError(f"cannot write {str(path)!r}: it is a folder")
        try:
            with path.open("wb") as stream:
                stream.write(data)
        except OSError as error:
            raise cannot_write(path, error) from None
        return
    if status is not None and source is not None:
        try:
            own_input = os.path.samefile(path, source)
        except OSError:
            own_input = False
        if own_input:
            raise OutputFileError(
                f"cannot write {str(path)!r}: it is the inspection file the letter is "
                "made from; name another file"
            )
    mode = stat.S_IMODE(status.st_mode) if status is not None else None
    write_atomic(path, data, replace=True, mode=mode)


def make_folder(directory: Path) -> None:
    """Make ``directory`` and its parents, or say in one error why it cannot be made."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputFileError(
            f"cannot make the folder {str(directory)!r}: a file has that name"
        ) from None
    except OSError as error:
        raise OutputFileError(
            f"cannot make the folder {str(directory)!r}: {reason_of(error)}"
        ) from None


def echo_letter(content: str) -> None:
    """Print a text letter on standard output; as UTF-8 where its encoding cannot show it.

    A console in cp1252 or latin-1 cannot show every letter (a Welsh ŵ, an
    emoji): rather than fail half-way, the whole letter is written as UTF-8
    bytes, and a note on standard error says so.
    """
    stream = sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        content.encode(encoding)
    except (UnicodeEncodeError, LookupError) as error:
        buffer = getattr(stream, "buffer", None)
        shown = f" {error.object[error.start]!r}" if isinstance(error, UnicodeError) else ""
        if buffer is None:
            raise OutputFileError(
                f"standard output, in {encoding!r}, cannot show the letter's character{shown}; "
                "write it to a file with --output"
            ) from None
        stream.flush()
        buffer.write(content.encode("utf-8"))
        buffer.flush()
        click.echo(
            f"note: standard output's encoding {encoding!r} cannot show the letter's "
            f"character{shown}, so the letter was written in UTF-8",
            err=True,
        )
        return
    click.echo(content, nl=False)


def tolerant_streams() -> None:
    """Let messages print on any console: a character it cannot show is written as an escape."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")
