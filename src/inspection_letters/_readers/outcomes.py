"""Ofsted's published ILACS outcomes read as inspections: :func:`read_outcomes`.

Ofsted publishes the outcomes each year as an OpenDocument spreadsheet, whose
tables can be saved as CSV. The editions differ: columns are added and renamed,
and in 2024 the history sheet is wide, one row a council with "First ILACS ..."
and "Second ILACS ..." groups of columns. So the header row is found by its
content and columns by their titles, never by position; and every cell that
cannot be read is reported in one :class:`OutcomesFileError`, by row and column
as a spreadsheet shows them, so that a file is fixed in one pass.
"""

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import attrs
from attrs import frozen

from .._errors import InspectionLettersError, InvalidValueError, OutcomesFileError, UnknownNameError
from .._model.checks import check_area_code, check_text
from .._model.frameworks import Framework, InspectionType, JudgementArea
from .._model.grades import Grade
from .._model.inspection import Inspection, Judgement, LocalAuthority, PreviousOutcome
from .input_files import read_input
from .ods import MAX_ROWS, Row, Value, as_date, is_blank, read_sheet

T = TypeVar("T")
_Problems = list[tuple[str, str]]

_SUFFIXES = (".csv", ".ods")
_TYPES = {
    "ILACS Standard Inspection": InspectionType.STANDARD,
    "ILACS Short Inspection": InspectionType.SHORT,
    "ILACS Focused Visit": InspectionType.FOCUSED_VISIT,
    "LA Monitoring visit": InspectionType.MONITORING_VISIT,
}
_TYPES_BY_LOWER = {label.lower(): kind for label, kind in _TYPES.items()}

# Column titles, in lower case without "the", by the field they hold; None for
# titles known but not needed. Editions differ: "Region" or "Ofsted region",
# "Inspection date" or "Inspection/Visit date".
_TITLES: dict[str, str | None] = {
    title: field
    for field, titles in [
        (None, "web link|local authority status"),
        ("code", "local authority area code"),
        ("name", "local authority name"),
        ("region", "ofsted region|region|la region"),
        ("start", "inspection date|inspection/visit date"),
        ("published", "publication date"),
        ("type", "inspection type|inspection/visit type"),
        ("theme", "visit theme"),
        ("overall", "overall effectiveness"),
        ("help", "experiences and progress of children who need help and protection"),
        ("cic_cl", "experiences and progress of children in care and care leavers"),
        ("cic", "experiences and progress of children in care"),
        ("cl", "experiences and progress of care leavers"),
    ]
    for title in titles.split("|")
}
# 2025 titles the leaders' judgement in full, 2024 as "Impact of leaders".
_LEADERS = "impact of leaders"
# The 2024 wide sheet prefixes each group: "First ILACS ...", "ILACS framework ...".
_GROUP = re.compile(r"(?:\S+ ILACS|ILACS framework) (?=\S)", re.IGNORECASE)
_SHARED = frozenset({"name", "code", "region"})
# Grade columns by the area they grade, in the order of a report's grade table.
_AREAS = {
    "leaders": JudgementArea.LEADERS,
    "help": JudgementArea.HELP_AND_PROTECTION,
    "cic_cl": JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS,
    "cic": JudgementArea.CHILDREN_IN_CARE,
    "cl": JudgementArea.CARE_LEAVERS,
    "overall": JudgementArea.OVERALL_EFFECTIVENESS,
}
# What a table must have, by the title an error names it by. A grade column is
# required even for visits, so that a renamed column is noticed, not read as blank.
_REQUIRED = {
    ("type",): "'Inspection type'",
    ("start", "published"): "'Inspection date' or 'Publication date'",
    ("overall",): "'Overall effectiveness'",
    ("leaders",): "'The impact of leaders on social work practice with children and families'",
    ("help",): "'The experiences and progress of children who need help and protection'",
    ("cic", "cic_cl"): "'The experiences and progress of children in care'",
}
_OVERALL = {JudgementArea.OVERALL_EFFECTIVENESS}


@frozen
class _Column:
    """A column the reader uses: where it is, and its title as the file writes it."""

    index: int
    title: str


@frozen
class _Table:
    """A header row read: the council's columns, and each group of an inspection's columns."""

    shared: dict[str, _Column]
    groups: tuple[dict[str, _Column], ...]
    wide: bool
    problems: tuple[tuple[str, str], ...]


def read_outcomes(
    path: str | os.PathLike[str], *, sheet: str | None = None
) -> tuple[Inspection, ...]:
    """Every inspection and visit in a file of Ofsted's published outcomes, in its order.

    Reads ``.csv`` and ``.ods``; of a spreadsheet, the ILACS history sheet
    unless ``sheet`` names another. Each inspection's ``previous`` is the same
    council's preceding graded inspection in the same table, where there is one.
    Every row that cannot be read is reported in one :class:`OutcomesFileError`;
    a sheet that does not exist raises :class:`UnknownNameError` listing those that do.

    >>> read_outcomes("outcomes.xlsx")
    Traceback (most recent call last):
    ...
    inspection_letters._errors.OutcomesFileError: cannot read 'outcomes.xlsx':
      (file): the suffix '.xlsx' is not read; expected one of '.csv', '.ods'
    """
    source = Path(path)
    try:
        where, rows = _table_rows(source, sheet)
    except InvalidValueError as error:
        raise OutcomesFileError(f"cannot read {str(source)!r}", [("(file)", str(error))]) from None
    inspections, problems = _read_rows(rows)
    if problems:
        raise OutcomesFileError(f"{where} has {len(problems)} problem(s)", problems)
    return _link_previous(inspections)


def _table_rows(source: Path, sheet: str | None) -> tuple[str, tuple[Row, ...]]:
    """How errors name the table read, and its rows; the reader is chosen by suffix."""
    suffix = source.suffix.lower()
    if suffix == ".ods":
        # 2025 names it ILACS_inspection_history, 2024 ILACS_inspections_2018-2024.
        name, found = read_sheet(source, sheet, default="ILACS_inspection")
        return f"{str(source)!r}, sheet {name!r},", found
    if suffix != ".csv":
        supported = ", ".join(map(repr, _SUFFIXES))
        raise InvalidValueError(f"the suffix {suffix!r} is not read; expected one of {supported}")
    if sheet is not None:
        raise InvalidValueError(f"sheet={sheet!r} is given, but a CSV file has no sheets")
    rows: list[Row] = []
    number = 0
    try:
        file = io.StringIO(read_input(source).decode("utf-8-sig"), newline="")
        # Strict, so that a stray quote is an error rather than a merged field.
        for number, cells in enumerate(csv.reader(file, strict=True), start=1):
            if any(cell.strip() for cell in cells):
                rows.append(Row(number=number, cells=tuple(cells)))
                if len(rows) > MAX_ROWS:
                    raise InvalidValueError(
                        f"holds more than {MAX_ROWS:,} rows that are not blank, "
                        "far more than any outcomes file"
                    )
    except InvalidValueError:
        raise
    except OSError as error:
        raise InvalidValueError(error.strerror or str(error)) from None
    except UnicodeDecodeError as error:
        raise InvalidValueError(f"is not UTF-8 text ({error}); save it as CSV UTF-8") from None
    except ValueError as error:  # a NUL or a lone surrogate: no file has such a name
        raise InvalidValueError(f"is not a path a file can have ({error})") from None
    except csv.Error as error:
        raise InvalidValueError(f"row {number + 1} is not CSV: {error}") from None
    return repr(str(source)), tuple(rows)


def _read_rows(rows: Sequence[Row]) -> tuple[list[Inspection], _Problems]:
    """The inspections of every table in ``rows``, and the problems of every row."""
    inspections: list[Inspection] = []
    problems: _Problems = []
    table: _Table | None = None
    for position, row in enumerate(rows):
        header = _header(row)
        if header is not None:
            table = header
            problems.extend(header.problems)
        elif table is None or table.problems:
            # Titles above the first table; or rows under a header already reported.
            continue
        elif row.filled == 1 and position + 1 < len(rows) and _header(rows[position + 1]):
            continue  # a later table's title, such as 2024's table of former councils
        else:
            inspections.extend(_read_row(row, table, problems))
    if table is None:
        titles = ", ".join(["'Local authority name'", *_REQUIRED.values()])
        problems.append(("(file)", f"has no header row; expected one naming {titles}"))
    return inspections, problems


def _named(title: str) -> tuple[str, str | None] | None:
    """The group and field a column title names, or ``None`` for a title not known.

    >>> _named("Second ILACS experiences and progress of care leavers")
    ('Second ILACS', 'cl')
    >>> _named("The impact of leaders on social work practice with children and families")
    ('', 'leaders')
    """
    text = " ".join(title.split())
    group = ""
    match = _GROUP.match(text)
    if match is not None:
        group, text = text[: match.end()].strip(), text[match.end() :]
    text = text.lower().removeprefix("the ")
    field = "leaders" if text.startswith(_LEADERS) else _TITLES.get(text, "?")
    if field == "?":
        return None
    return ("" if field in _SHARED else group), field


def _header(row: Row) -> _Table | None:
    """The table a header row starts, or ``None`` when ``row`` is not a header.

    A header is a row of which at least three cells are known column titles.
    """
    groups: dict[str, dict[str, _Column]] = {}
    problems: _Problems = []
    known = 0
    for index, cell in enumerate(row.cells):
        if not isinstance(cell, str) or (named := _named(cell)) is None:
            continue
        known += 1
        group, field = named
        if field is None:
            continue
        columns = groups.setdefault(group, {})
        if field in columns:
            first = columns[field]
            reason = f"columns {first.index + 1} ({first.title!r}) and {index + 1} ({cell!r})"
            reason += " hold the same thing"
            problems.append((f"row {row.number}", reason))
        columns[field] = _Column(index=index, title=cell)
    if known < 3:
        return None
    shared = groups.pop("", {})
    inspection_fields = {f: c for f, c in shared.items() if f not in _SHARED}
    wide = bool(groups)
    if inspection_fields or not wide:
        groups = {"": inspection_fields, **groups}
    if "name" not in shared:
        problems.append((f"row {row.number}", "has no column 'Local authority name'"))
    for label, columns in groups.items():
        among = f" among the {label!r} columns" if label else ""
        for fields, title in _REQUIRED.items():
            if not any(field in columns for field in fields):
                problems.append((f"row {row.number}", f"has no column {title}{among}"))
    shared = {f: c for f, c in shared.items() if f in _SHARED}
    return _Table(shared, tuple(groups.values()), wide, tuple(problems))


def _read_row(row: Row, table: _Table, problems: _Problems) -> list[Inspection]:
    """The inspections one row holds (one, or in a wide table one a group); or none, noting why."""
    before = len(problems)
    name = _parsed(row, table.shared["name"], _text, problems, blank="every row names its council")
    code = _parsed(row, table.shared.get("code"), _code, problems)
    region = _parsed(row, table.shared.get("region"), _text, problems)
    authority = None if name is None else LocalAuthority(name=name, code=code, region=region)
    found: list[Inspection] = []
    for columns in table.groups:
        # A wide row lists a council's inspections so far: an empty group is one not yet held.
        if table.wide and all(is_blank(row.value(column.index)) for column in columns.values()):
            continue
        inspection = _read_group(row, columns, authority, problems)
        if inspection is not None:
            found.append(inspection)
    return found if len(problems) == before else []


def _read_group(
    row: Row, columns: dict[str, _Column], authority: LocalAuthority | None, problems: _Problems
) -> Inspection | None:
    """One inspection from one group of a row's columns, or ``None`` noting why not."""
    before = len(problems)
    kind = _parsed(row, columns["type"], _type, problems, blank="expected an inspection type")
    dates_before = len(problems)
    start = _parsed(row, columns.get("start"), _date, problems)
    published = _parsed(row, columns.get("published"), _date, problems)
    if start is None and published is None and len(problems) == dates_before:
        dated = [columns[f] for f in ("start", "published") if f in columns]
        others = "".join(f", and so is column {c.title!r}" for c in dated[1:])
        problems.append((_place(row, dated[0]), f"is blank{others}; an inspection has a date"))
    grades = {f: _parsed(row, columns.get(f), _grade, problems) for f in _AREAS}
    theme = _parsed(row, columns.get("theme"), _text, problems)
    if kind is None or authority is None or len(problems) > before:
        return None
    areas = dict(_AREAS)
    if grades["cl"] is None:
        # Before 2023 there was no care-leavers grade: children in care meant both.
        areas["cic"] = JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS
    judgements = tuple(
        Judgement(area=areas[f], grade=grade) for f, grade in grades.items() if grade is not None
    )
    framework = None
    if start is None and kind.graded and judgements:
        # Without a start date the era cannot come from it; the care-leavers grade,
        # given from 2023 only, tells it instead.
        framework = Framework.ILACS_2018 if grades["cl"] is None else Framework.ILACS_2023
    return Inspection(
        authority=authority,
        type=kind,
        start=start,
        published=published,
        framework=framework,
        theme=theme,
        judgements=judgements,
    )


def _place(row: Row, column: _Column) -> str:
    """Where a cell is, as a problem's path: its row number and its column's title."""
    return f"row {row.number}, column {column.title!r}"


def _parsed(
    row: Row,
    column: _Column | None,
    parse: Callable[[Value], T],
    problems: _Problems,
    *,
    blank: str | None = None,
) -> T | None:
    """A cell's value parsed, or ``None`` when it is blank or bad (noting why it is bad).

    ``blank`` is the reason a blank cell is a problem, for a cell that must be filled.
    """
    if column is None:
        return None
    if is_blank(value := row.value(column.index)):
        if blank is not None:
            problems.append((_place(row, column), f"is blank; {blank}"))
        return None
    try:
        return parse(value)
    except InspectionLettersError as error:
        problems.append((_place(row, column), str(error)))
        return None


def _text(value: Value) -> str:
    """A text cell's text, kept exactly as written; a date cell is not text."""
    if isinstance(value, dt.date):
        raise InvalidValueError(f"is the date {value.isoformat()}, not text")
    return check_text(value)


def _code(value: Value) -> str:
    """An ONS area code; spaces around it are not part of it."""
    return check_area_code(_text(value).strip())


def _grade(value: Value) -> Grade:
    """A grade by its label, in any case, or the legacy "Requires improvement"."""
    return Grade.parse(_text(value))


def _type(value: Value) -> InspectionType:
    """The kind of inspection Ofsted's label names, in any case."""
    kind = _TYPES_BY_LOWER.get(" ".join(_text(value).split()).lower())
    if kind is None:
        raise UnknownNameError("inspection type", value, _TYPES)
    return kind


def _date(value: Value) -> dt.date:
    """A date cell's date, or a date written as ``YYYY-MM-DD`` or ``DD/MM/YYYY``."""
    day = as_date(value)
    if day is None:
        raise InvalidValueError(f"{value!r} is not a date; expected YYYY-MM-DD or DD/MM/YYYY")
    if not 1990 <= day.year <= 2100:
        raise InvalidValueError(f"{day.isoformat()!r} is not a date from 1990 to 2100")
    return day


def _link_previous(inspections: Sequence[Inspection]) -> tuple[Inspection, ...]:
    """``inspections`` with each one's ``previous``: its council's preceding graded outcome."""
    by_council: dict[tuple[str, str], list[int]] = {}
    for index, inspection in enumerate(inspections):
        authority = inspection.authority
        council = ("code", authority.code) if authority.code else ("name", authority.name)
        by_council.setdefault(council, []).append(index)
    linked = list(inspections)
    for indexes in by_council.values():
        previous: PreviousOutcome | None = None
        # Sorted by date, not file order: the 2024 sheet puts former councils last.
        for index in sorted(indexes, key=lambda i: _when(inspections[i])):
            inspection = inspections[index]
            linked[index] = attrs.evolve(inspection, previous=previous)
            if inspection.type.graded:
                others = [j for j in inspection.judgements if j.area not in _OVERALL]
                previous = PreviousOutcome(
                    year=_when(inspection).year,
                    overall=inspection.overall,
                    judgements=tuple(others),
                )
    return tuple(linked)


def _when(inspection: Inspection) -> dt.date:
    """The date an inspection is ordered by: its start, or its publication where unknown."""
    when = inspection.start or inspection.published
    assert when is not None  # a row without either date is refused when read
    return when
