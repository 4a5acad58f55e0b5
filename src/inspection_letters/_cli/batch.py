"""Letters for many inspections at once, written safely to a directory.

Each letter is written to a temporary file beside its final name and then
linked into place, so an interrupted run leaves no half-written letter, and an
existing letter is never overwritten unless asked. Rendering may run in
several processes; writing stays in this one, in a predictable order.
"""

import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from attrs import frozen

from .._errors import InspectionLettersError, LetterNotDueError
from .._letters.render import render_letter
from .._model.inspection import Inspection
from .._writers.formats import formats


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


def _results(
    jobs: list[tuple[Inspection, str, str, bool]], processes: int
) -> Iterator[tuple[str, str | bytes]]:
    if processes <= 1 or len(jobs) < 2:
        yield from map(_render, jobs)
        return
    # Imported here: processes (and their 12 ms of imports) are for batches with --jobs.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=processes) as pool:
        yield from pool.map(_render, jobs, chunksize=max(1, len(jobs) // (processes * 4)))


def write_new(path: Path, content: str | bytes, *, replace: bool) -> bool:
    """Write ``content`` to ``path`` atomically; ``False`` where it exists and not ``replace``."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if replace:
            os.replace(temporary, path)
            return True
        try:
            # A hard link fails if the name exists: no check-then-write race.
            os.link(temporary, path)
        except FileExistsError:
            return False
        return True
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


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
    """Render ``audience``'s letter for each inspection into the directory ``out``."""
    chosen = formats.get(format)
    directory = Path(out)
    directory.mkdir(parents=True, exist_ok=True)
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
        elif write_new(directory / name, output, replace=force):
            item = BatchItem(name=name, status="written")
        else:
            item = BatchItem(name=name, status="exists", reason="exists already (use --force)")
        seen.add(name)
        items.append(item)
        if progress is not None:
            progress(item)
    return BatchResult(items=tuple(items))
