"""``inspection-letters read-report``: Ofsted's report PDFs read into inspection files or a table.

Files are read in this process or, with ``--jobs``, in several; whatever a
file holds, its failure is one line of the closing summary, never a
traceback. Output is written atomically: a table whole or not at all, each
inspection file whole or not at all.
"""

import csv
import datetime as dt
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import click
from attrs import frozen

from .._errors import InspectionLettersError, MissingExtraError, ReportFileError
from .._model.frameworks import InspectionType, JudgementArea
from .._model.inspection import Inspection
from .._readers.councils import find_council
from .._readers.json_files import dump_inspection
from .._readers.reports import Report, read_report
from .batch import letter_file_name, write_new

#: The columns of Ofsted's ILACS history table (2025 edition), which ``read_outcomes`` reads.
HISTORY_COLUMNS = (
    "Web link",
    "Local authority area code",
    "Local authority name",
    "Local authority status",
    "Ofsted region",
    "Inspection date",
    "Publication date",
    "Inspection type",
    "Overall effectiveness",
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care",
    "The experiences and progress of care leavers",
)
_TYPE_LABELS = {
    InspectionType.STANDARD: "ILACS Standard Inspection",
    InspectionType.SHORT: "ILACS Short Inspection",
}
# The grade columns by judgement; before 2023 the children-in-care column holds the
# grade of children in care and care leavers together, as Ofsted's table does.
_GRADE_COLUMNS = {
    JudgementArea.OVERALL_EFFECTIVENESS: 8,
    JudgementArea.LEADERS: 9,
    JudgementArea.HELP_AND_PROTECTION: 10,
    JudgementArea.CHILDREN_IN_CARE: 11,
    JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS: 11,
    JudgementArea.CARE_LEAVERS: 12,
}
_DATED_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})\.pdf$", re.IGNORECASE)


@frozen
class _Outcome:
    """What became of one file: its report, or why it was not read."""

    path: str
    report: Report | None
    reason: str


def _read_one(job: tuple[str, bool]) -> _Outcome:
    path, dated = job
    try:
        published = _published_from_name(path) if dated else None
        return _Outcome(path, read_report(path, published=published), "")
    except ReportFileError as error:
        return _Outcome(path, None, error.detail)
    except InspectionLettersError as error:
        return _Outcome(path, None, str(error))
    except Exception as error:  # whatever a file holds, no traceback reaches the user
        return _Outcome(path, None, f"internal error ({type(error).__name__}): {error}")


def _published_from_name(path: str) -> dt.date | None:
    match = _DATED_NAME.search(path)
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _outcomes(jobs: Sequence[tuple[str, bool]], processes: int) -> Iterator[_Outcome]:
    if processes <= 1 or len(jobs) < 2:
        yield from map(_read_one, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=processes) as pool:
        yield from pool.map(_read_one, jobs, chunksize=max(1, len(jobs) // (processes * 8)))


def report_files(paths: Iterable[Path]) -> tuple[list[str], list[tuple[str, str]]]:
    """The PDF files named (folders: the ``.pdf`` files in them, sorted), and paths not read."""
    files: list[str] = []
    refused: list[tuple[str, str]] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() == ".pdf" and p.is_file())
            if not found:
                refused.append((str(path), "the folder holds no .pdf file"))
            files.extend(str(p) for p in found)
        else:
            files.append(str(path))
    return files, refused


def history_row(inspection: Inspection) -> list[str]:
    """One row of Ofsted's history table for ``inspection``."""
    council = find_council(inspection.authority.name)
    status = "" if council is None else ("No longer exists" if council.ceased else "Current")
    row = [
        "",
        inspection.authority.code or "",
        inspection.authority.name,
        status,
        inspection.authority.region or "",
        inspection.start.isoformat() if inspection.start else "",
        inspection.published.isoformat() if inspection.published else "",
        _TYPE_LABELS.get(inspection.type, inspection.type.label),
        "",
        "",
        "",
        "",
        "",
    ]
    for judgement in inspection.judgements:
        row[_GRADE_COLUMNS[judgement.area]] = judgement.grade.label
    return row


def history_table(inspections: Iterable[Inspection]) -> str:
    """Ofsted's history table (CSV) with a row for each inspection."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HISTORY_COLUMNS)
    writer.writerows(history_row(inspection) for inspection in inspections)
    return buffer.getvalue()


def _inspection_json(inspection: Inspection) -> str:
    return json.dumps(dump_inspection(inspection), indent=2, ensure_ascii=False) + "\n"


@click.command("read-report")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "-f",
    "format_",
    type=click.Choice(["json", "csv"]),
    default="json",
    show_default=True,
    help="json: an inspection file a report; csv: one row a report, as Ofsted's history table.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="csv: the file to write; json: the folder to write inspection files to. "
    "Default: standard output (json: one report only).",
)
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Read in this many processes.",
)
@click.option(
    "--published-from-name",
    is_flag=True,
    help="Take the publication date (never printed in a report) from a file name "
    "ending in YYYY-MM-DD.pdf, as Ofsted's downloads are named.",
)
@click.option("--force", is_flag=True, help="json: overwrite inspection files that exist.")
@click.option("--problems", is_flag=True, help="List what the reader could not settle.")
def read_report_command(
    paths: tuple[Path, ...],
    format_: str,
    output: Path | None,
    jobs: int,
    published_from_name: bool,
    force: bool,
    problems: bool,
) -> None:
    """Read Ofsted's ILACS inspection reports (PDF files or folders of them).

    Each report's inspection is checked against the framework. The type (short
    where fieldwork lasted a week or less) is derived; the publication date is
    not printed in reports. Files not read are listed at the end, with why;
    exits 1 if any was not read.

    \b
    Example:
      inspection-letters read-report reports/ --format csv -o all.csv --jobs 2
    """
    files, refused = report_files(paths)
    if format_ == "json" and output is None and len(files) > 1:
        raise click.UsageError("several reports as json need --output, a folder to write to")
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        error = MissingExtraError("Reading inspection reports", "reports")
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    work = [(file, published_from_name) for file in files]
    read: list[Report] = []
    with click.progressbar(
        length=len(work), label="Reading", file=sys.stderr, hidden=not sys.stderr.isatty()
    ) as bar:
        for outcome in _outcomes(work, jobs):
            bar.update(1)
            if outcome.report is None:
                refused.append((outcome.path, outcome.reason))
            else:
                read.append(outcome.report)
    refused.extend(_write(read, format_, output, force))
    _summary(read, refused, problems, len(files))
    if refused:
        sys.exit(1)


def _write(
    reports: Sequence[Report], format_: str, output: Path | None, force: bool
) -> list[tuple[str, str]]:
    """Write what was read; the files that could not be written, with why."""
    try:
        if format_ == "csv":
            table = history_table(r.inspection for r in reports)
            if output is None:
                click.echo(table, nl=False)
            else:
                write_new(output, table, replace=True)
            return []
        if output is None:
            for report in reports:
                click.echo(_inspection_json(report.inspection), nl=False)
            return []
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        where = str(output) if output is not None else "standard output"
        return [(where, f"cannot be written: {error.strerror or type(error).__name__}")]
    failed: list[tuple[str, str]] = []
    seen: set[str] = set()
    for report in reports:
        name = letter_file_name(report.inspection, "inspection", "json")
        try:
            if name in seen:
                failed.append((report.source, f"another report gives the same file name {name!r}"))
            elif not write_new(output / name, _inspection_json(report.inspection), replace=force):
                failed.append((report.source, f"{name} exists already (use --force)"))
        except OSError as error:
            failed.append((report.source, f"{name} cannot be written: {error.strerror}"))
        seen.add(name)
    return failed


def _summary(
    reports: Sequence[Report], refused: Sequence[tuple[str, str]], listed: bool, files: int
) -> None:
    noted = [r for r in reports if r.problems]
    if listed:
        for report in noted:
            for problem in report.problems:
                click.echo(f"problem: {report.source}: {problem}", err=True)
    for path, reason in refused:
        click.echo(f"not read: {path}: {reason}", err=True)
    line = f"{files} file(s): {len(reports)} read, {len(refused)} not read"
    if noted:
        hint = "" if listed else " (--problems lists them)"
        line += f"; {len(noted)} with something to check{hint}"
    click.echo(line, err=True)
