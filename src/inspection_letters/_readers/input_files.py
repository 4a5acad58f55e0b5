"""Reading an input file whole, within a size limit, and only if it is a regular file.

``/dev/zero`` is read without end and a FIFO is waited on for ever; a file of
gigabytes is read into memory before anything can be said about it. So every
input (an inspection file, a table of outcomes, a text to lint) is opened
without blocking, checked with ``fstat`` to be a regular file of at most its
limit, and read no further than the limit, in case it grows.
"""

import os
import stat
from pathlib import Path

from .._errors import InvalidValueError

#: The largest inspection file, CSV, .ods file or text read, in bytes. Ofsted's
#: largest outcomes file is about 1 MB, and an inspection of 30,000 findings 6 MB.
MAX_INPUT_BYTES = 64 * 1024 * 1024

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def read_input(path: Path, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises :class:`InvalidValueError` for a file that is not a regular file
    (a FIFO, a device, a folder) or is larger than ``limit``; ``OSError`` where
    the file cannot be opened (it is not there, say), and ``ValueError`` for a
    path no file can have, for the caller to word.
    """
    try:
        descriptor = os.open(path, _FLAGS)
    except IsADirectoryError:
        raise InvalidValueError(
            "is not a regular file but a folder; give the path of a file"
        ) from None
    # By the system's calls on the descriptor, not a file object (which costs as much
    # again as reading a small file).
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise InvalidValueError(
                f"is not a regular file but {_kind(status.st_mode)}; give the path of a file"
            )
        if status.st_size > limit:
            raise InvalidValueError(f"is {status.st_size:,} bytes, {_too_large(limit)}")
        # As much as fstat says, and a byte more to notice a file that grew (read(n)
        # would set aside n bytes at once: 64 MB for every file).
        data = _read_up_to(descriptor, status.st_size + 1)
        if len(data) > status.st_size:
            chunks, total = [data], len(data)
            while total <= limit:
                chunk = os.read(descriptor, min(1024 * 1024, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
            data = b"".join(chunks)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise InvalidValueError(f"is over {limit:,} bytes, {_too_large(limit)}")
    return data


def _too_large(limit: int) -> str:
    return f"more than the {limit // 1024 // 1024} MB an input file may be"


def _read_up_to(descriptor: int, size: int) -> bytes:
    """Up to ``size`` bytes, fewer only at the end of the file (as a file object's read)."""
    data = os.read(descriptor, size)
    if 0 < len(data) < size:  # read on: the end of the file, or more of it
        chunks, total = [data], len(data)
        while total < size:
            chunk = os.read(descriptor, size - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
    return data
