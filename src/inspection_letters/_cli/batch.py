"""Letters for many inspections at once, written safely to a directory.

Each letter is written to a temporary file beside its final name and then
linked into place (:mod:`.output_files`), so an interrupted run leaves no
half-written letter, and an existing letter is never overwritten unless asked.
A letter that cannot be rendered, written by its format, or saved (a full
disk, a name too long) is reported and the batch goes on. Rendering may run
in several processes, which ignore Ctrl-C: the interrupt is this process's to
handle, and it stops the workers without their tracebacks. Writing stays in
this one, in a predictable order.
"""

import os
import re
import signal
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from attrs import frozen

from .._errors import InspectionLettersError, LetterNotDueError, OutputFileError
from .._letters.render import render_letter
from .._model.inspection import Inspection
from .._writers.formats import formats
from .output_files import make_folder, remove_stale_parts, write_atomic


@frozen(kw_only=True)
class BatchItem:
    """What became of one inspection's letter in a batch."""

    name: str
    """The letter's file name."""

    status: str
    """``'written'``, ``'exists'``, ``'not due'`` or ``'failed'``."""

    reason: str = ""


@frozen(kw_only=True)
class BatchResult:
    """What a batch wrote, skipped and failed, in the order of its inspections."""

    items: tuple[BatchItem, ...]

    def of(self, status: str) -> tuple[BatchItem, ...]:
        """The items with ``status``."""
        return tuple(item for item in self.items if item.status == status)

    @property
    def failed(self) -> bool:
        """Whether any letter failed (letters not due or already there are not failures)."""
        return bool(self.of("failed"))


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "area"


def letter_file_name(inspection: Inspection, audience: str, extension: str) -> str:
    """A predictable name: area code (or name), inspection date, audience, extension.

    >>> from inspection_letters import Inspection, InspectionType, LocalAuthority
    >>> import datetime as dt
    >>> inspection = Inspection(
    ...     authority=LocalAuthority(name="Bournemouth, Christchurch & Poole"),
    ...     type=InspectionType.STANDARD, start=dt.date(2024, 12, 2))
    >>> letter_file_name(inspection, "children", "html")
    'bournemouth-christchurch-poole-2024-12-02-children.html'
    """
    where = inspection.authority.code or _slug(inspection.authority.name)
    day = inspection.start or inspection.published
    when = day.isoformat() if day is not None else "undated"
    return f"{where}-{when}-{_slug(audience)}.{extension}"


def _render(job: tuple[Inspection, str, str, bool]) -> tuple[str, str | bytes]:
    inspection, audience, format_name, draft = job
    try:
        letter = render_letter(inspection, audience, draft=draft)
        return "ok", formats.get(format_name)(letter)
    except LetterNotDueError as error:
        return "not due", str(error)
    except InspectionLettersError as error:
        return "failed", str(error)
    except Exception as error:  # a plugin's writer: one letter fails, not the batch
        return "failed", f"the {format_name!r} writer failed: {type(error).__name__}: {error}"


def _ignore_interrupts() -> None:
    """In each worker: Ctrl-C reaches the whole process group, and only the parent handles it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _results(
    jobs: list[tuple[Inspection, str, str, bool]], processes: int
) -> Iterator[tuple[str, str | bytes]]:
    if processes <= 1 or len(jobs) < 2:
        yield from map(_render, jobs)
        return
    # Imported here: processes (and their 12 ms of imports) are for batches with --jobs.
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=processes, initializer=_ignore_interrupts)
    try:
        yield from pool.map(_render, jobs, chunksize=max(1, len(jobs) // (processes * 4)))
    except BaseException:
        # Interrupted: the letters not yet rendered are dropped, not waited for.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def write_new(path: Path, content: str | bytes, *, replace: bool) -> bool:
    """Write ``content`` to ``path`` atomically; ``False`` where it exists and not ``replace``.

    Raises :class:`OutputFileError` naming the path and the reason when it cannot be written.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    return write_atomic(path, data, replace=replace)


def _saved(path: Path, output: str | bytes, force: bool) -> BatchItem:
    """Write one letter of the batch; what became of it."""
    try:
        if write_new(path, output, replace=force):
            return BatchItem(name=path.name, status="written")
    except OutputFileError as error:
        return BatchItem(name=path.name, status="failed", reason=str(error))
    return BatchItem(name=path.name, status="exists", reason="exists already (use --force)")


def render_batch(
    inspections: Iterable[Inspection],
    *,
    audience: str,
    format: str,
    out: str | os.PathLike[str],
    draft: bool = False,
    force: bool = False,
    jobs: int = 1,
    progress: Callable[[BatchItem], None] | None = None,
) -> BatchResult:
    """Render ``audience``'s letter for each inspection into the directory ``out``.

    A letter that cannot be rendered or saved is a ``'failed'`` item with the
    reason, and the batch goes on; a directory that cannot be made raises
    :class:`OutputFileError`. Temporary files that an interrupted batch left
    in ``out`` are removed first.
    """
    chosen = formats.get(format)
    directory = Path(out)
    make_folder(directory)
    remove_stale_parts(directory)
    work = list(inspections)
    names = [letter_file_name(i, audience, chosen.extension) for i in work]
    seen: set[str] = set()
    items = []
    job_list = [(inspection, audience, format, draft) for inspection in work]
    for name, (status, output) in zip(names, _results(job_list, jobs), strict=True):
        if status != "ok":
            item = BatchItem(name=name, status=status, reason=str(output))
        elif name in seen:
            reason = "another inspection in this batch has the same file name"
            item = BatchItem(name=name, status="failed", reason=reason)
        else:
            item = _saved(directory / name, output, force)
        seen.add(name)
        items.append(item)
        if progress is not None:
            progress(item)
    return BatchResult(items=tuple(items))
