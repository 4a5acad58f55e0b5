"""The command line: ``inspection-letters`` (also ``python -m inspection_letters``).

Built on click: it is mature, typed, tests through its ``CliRunner``, and gives
each command its own ``--help``; its progress bar stays quiet when output is
not a terminal. Errors are one line each (a file with several bad fields gets
a line per field), without a traceback unless ``--debug``.
"""

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from .._errors import InspectionLettersError, InvalidFieldsError, InvalidValueError
from .._letters.advisories import letter_advisories
from .._letters.audiences import audiences
from .._letters.letter import Placeholder
from .._letters.render import render_letter
from .._model.rules import Problem, Severity
from .._readers.file_check import validate_file
from .._readers.input_files import read_input
from .._readers.json_files import load_inspection
from .._readers.schema import inspection_schema
from .._writers.formats import formats
from .batch import BatchItem, render_batch
from .example import example_command
from .output_files import echo_letter, tolerant_streams, write_output

EXAMPLE = "examples/gloucestershire-2022.json"


class _Failed(click.ClickException):
    """An error already printed; exit with status 1."""

    def show(self, file: Any = None) -> None:
        pass


def _print_error(error: InspectionLettersError, prefix: str = "error") -> None:
    if isinstance(error, InvalidFieldsError):
        click.echo(f"{prefix}: {error.summary}", err=True)
        for path, reason in error.problems:
            click.echo(f"{prefix}: {path}: {reason}", err=True)
    else:
        click.echo(f"{prefix}: {error}", err=True)


@contextmanager
def _reported(debug: bool) -> Iterator[None]:
    try:
        yield
    except InspectionLettersError as error:
        if debug:
            raise
        _print_error(error)
        raise _Failed("") from None


def _debug() -> bool:
    context = click.get_current_context()
    return bool(context.find_root().params.get("debug"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks of errors.")
@click.version_option(package_name="inspection-letters")
def main(debug: bool) -> None:
    """Letters and checks for Ofsted's inspections of children's services (ILACS).

    \b
    Example:
      inspection-letters render examples/gloucestershire-2022.json --audience children
    """
    tolerant_streams()


def _names(registry: Any) -> list[str]:
    return list(registry)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--audience", "-a", default="children", show_default=True, help="Who the letter is to."
)
@click.option("--format", "-f", "format_", default="text", show_default=True, help="Output format.")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.option(
    "--draft", is_flag=True, help="Show placeholders for missing fields instead of failing."
)
@click.option(
    "--template-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A directory of templates that override the library's own (sandboxed).",
)
def render(
    file: Path,
    audience: str,
    format_: str,
    output: Path | None,
    draft: bool,
    template_dir: Path | None,
) -> None:
    """Render one letter from an inspection file.

    \b
    Example:
      inspection-letters render examples/gloucestershire-2022.json -a director -f html -o a.html
    """
    with _reported(_debug()):
        chosen = formats.get(format_)
        if chosen.binary and output is None and _stdout_is_terminal():
            raise InvalidValueError(
                f"{format_!r} is a binary format, which a terminal cannot show; "
                f"write it to a file with -o letter.{chosen.extension}, "
                f"or pipe it: ... > letter.{chosen.extension}"
            )
        inspection = load_inspection(file)
        letter = render_letter(inspection, audience, draft=draft, template_dir=template_dir)
        content = chosen.write(letter)
    _warn_of_placeholders(letter.placeholders)
    if output is not None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        with _reported(_debug()):
            write_output(output, data, source=file)
    elif isinstance(content, bytes):
        sys.stdout.buffer.write(content)
    else:
        with _reported(_debug()):
            echo_letter(content)


def _warn_of_placeholders(placeholders: tuple[Placeholder, ...]) -> None:
    """Say on standard error which placeholders a draft still shows, so none is sent."""
    if not placeholders:
        return
    count = len(placeholders)
    click.echo(
        f"warning: the draft has {count} placeholder{'s' if count > 1 else ''} to fill in "
        "before it is sent:",
        err=True,
    )
    for placeholder in placeholders:
        click.echo(f"warning:   {placeholder.field}: {placeholder.text}", err=True)


def _stdout_is_terminal() -> bool:
    """Whether standard output is a terminal (binary letters are refused there)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced, or closed
        return False


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def validate_command(files: tuple[Path, ...]) -> None:
    """Check inspection files against the framework's rules.

    Prints every problem of every file, with the file, the field path or rule
    code, and the message. Exits 1 when any file has an error; advisories are
    shown but do not fail.

    \b
    Example:
      inspection-letters validate examples/*.json
    """
    failed = False
    for file in files:
        problems = (*validate_file(file), *_letter_advisories(file))
        for problem in problems:
            click.echo(f"{file}: {problem.severity.value}: {problem}")
            failed = failed or problem.severity is Severity.ERROR
        if not problems:
            click.echo(f"{file}: valid")
    if failed:
        raise _Failed("")


def _letter_advisories(file: Path) -> tuple[Problem, ...]:
    """The advisories about the letters of an inspection file that loads; none for one that not."""
    try:
        return letter_advisories(load_inspection(file))
    except InspectionLettersError:
        return ()  # validate_file has said what is wrong with it


def _listing(registry: Any) -> None:
    for name in registry:
        description = getattr(registry.get(name), "description", "")
        click.echo(f"{name}\t{description}" if description else name)


@main.command("audiences")
def audiences_command() -> None:
    """List the audiences letters can be written for, plugins included.

    \b
    Example:
      inspection-letters audiences
    """
    with _reported(_debug()):
        _listing(audiences)


@main.command("formats")
def formats_command() -> None:
    """List the formats letters can be written in, plugins included.

    A format that needs an optional extra says so, and whether it is installed.

    \b
    Example:
      inspection-letters formats
    """
    with _reported(_debug()):
        for name in formats:
            chosen = formats.get(name)
            line = f"{name}\t{chosen.description}" if chosen.description else name
            if chosen.extra is not None:
                state = (
                    "installed"
                    if chosen.installed
                    else f"not installed: pip install 'inspection-letters[{chosen.extra}]'"
                )
                line += f" [extra {chosen.extra!r}: {state}]"
            click.echo(line)


@main.command()
def schema() -> None:
    """Print the JSON Schema of an inspection file, for editors.

    \b
    Example:
      inspection-letters schema > inspection.schema.json
    """
    click.echo(json.dumps(inspection_schema(), indent=2, ensure_ascii=False))


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--audience", "-a", default="children", show_default=True, help="Whose letter to check."
)
@click.option("--disable", "-d", multiple=True, help="A rule code to switch off (repeatable).")
@click.option("--draft", is_flag=True, help="Check a draft letter, with placeholders.")
def lint(file: Path, audience: str, disable: tuple[str, ...], draft: bool) -> None:
    """Check that a letter is easy to read: reading ease, reading age, plain language.

    FILE is an inspection file (its letter to AUDIENCE is checked) or a text file
    of findings or a letter. Exits 1 when an error-level rule is broken.

    \b
    Example:
      inspection-letters lint examples/gloucestershire-2022.json --audience children
    """
    from .._readability.checking import check_readability

    with _reported(_debug()):
        if file.suffix.lower() == ".json":
            text = str(render_letter(load_inspection(file), audience, draft=draft))
        else:
            text = _read_text(file)
        report = check_readability(text, disable=disable)
    click.echo(str(report))
    if report.has_errors:
        raise _Failed("")


def _read_text(file: Path) -> str:
    try:
        return read_input(file).decode("utf-8")
    except (OSError, ValueError) as error:
        raise InvalidValueError(f"cannot read {str(file)!r}: {error}") from None


def _load_source(source: Path, sheet: str | None) -> list[Any]:
    if source.is_dir():
        return [load_inspection(path) for path in sorted(source.glob("*.json"))]
    from .._readers.outcomes import read_outcomes

    return list(read_outcomes(source, sheet=sheet))


@main.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--audience", "-a", required=True, help="Who the letters are to.")
@click.option("--format", "-f", "format_", required=True, help="Output format.")
@click.option(
    "--out",
    "-o",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The directory to write letters to.",
)
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Render in this many processes.",
)
@click.option(
    "--draft", is_flag=True, help="Show placeholders for missing fields instead of failing."
)
@click.option("--force", is_flag=True, help="Overwrite letters that exist already.")
@click.option("--sheet", help="The sheet of an .ods file to read (default: the ILACS history).")
def batch(
    source: Path,
    audience: str,
    format_: str,
    out: Path,
    jobs: int,
    draft: bool,
    force: bool,
    sheet: str | None,
) -> None:
    """Render one letter per inspection in SOURCE into a directory.

    SOURCE is a directory of inspection JSON files, or Ofsted's published
    outcomes as CSV or .ods. Letters are named by area code (or name),
    inspection date, audience and extension, written atomically, and never
    overwritten without --force. Exits 1 if any letter failed.

    \b
    Example:
      inspection-letters batch outcomes.csv -a children -f html --draft --out letters/
    """
    try:
        _batch(source, audience, format_, out, jobs, draft, force, sheet)
    except KeyboardInterrupt:
        # Ctrl-C: no traceback, no partial letter; letters written so far are whole.
        click.echo("interrupted: the letters written so far are complete", err=True)
        click.get_current_context().exit(130)


def _batch(
    source: Path,
    audience: str,
    format_: str,
    out: Path,
    jobs: int,
    draft: bool,
    force: bool,
    sheet: str | None,
) -> None:
    with _reported(_debug()):
        formats.get(format_)
        audiences.get(audience)
        inspections = _load_source(source, sheet)
    show = sys.stderr.isatty()
    with click.progressbar(
        length=len(inspections), label="Rendering", file=sys.stderr, hidden=not show
    ) as bar:
        advance: Callable[[BatchItem], None] = lambda item: bar.update(1)  # noqa: E731
        with _reported(_debug()):
            result = render_batch(
                inspections,
                audience=audience,
                format=format_,
                out=out,
                draft=draft,
                force=force,
                jobs=jobs,
                progress=advance,
            )
    for item in result.items:
        if item.status != "written":
            click.echo(f"{item.status}: {item.name}: {item.reason}")
    counts = ", ".join(
        f"{len(result.of(status))} {label}"
        for status, label in (
            ("written", "written"),
            ("exists", "skipped (exist already)"),
            ("not due", "skipped (not due)"),
            ("failed", "failed"),
        )
    )
    click.echo(f"{len(result.items)} inspections: {counts}; letters in {out}")
    if result.failed:
        raise _Failed("")


# Commands in modules of their own, registered on the group.
from .read_report import read_report_command  # noqa: E402

main.add_command(read_report_command)
main.add_command(example_command)
