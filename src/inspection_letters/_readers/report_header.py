"""The first page of a report read: title, council, fieldwork dates, lead inspector, grades.

Each reader here takes the cleaned lines (see :mod:`.report_text`) and
returns what it found with where it stopped, so that :mod:`.reports` reads
the rest. Grades are paired with judgements by title, never by row position.
"""

import datetime as dt
import re
from collections.abc import Sequence

from attrs import frozen

from .._model.frameworks import JudgementArea
from .._model.grades import Grade
from .report_text import join_lines

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# A day, with its month and year where printed: "7", "7 February", "07 February 2022", "1st".
_DAY = re.compile(
    rf"\b(\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:\s+({_MONTH})\b\.?)?(?:\s+(\d{{4}}))?", re.I
)
_DATES_LINE = re.compile(r"^(?:inspection|fieldwork)\s+dates?\s*:?\s*(.*)$", re.IGNORECASE)
_LEAD_LINE = re.compile(r"^lead\s+inspectors?\s*:?\s*(.*)$", re.IGNORECASE)
_TABLE_LINE = re.compile(r"^judgements?\s+grades?$", re.IGNORECASE)
_TABLE_FIRST = re.compile(r"^judgements?$", re.IGNORECASE)
_TABLE_SECOND = re.compile(r"^grades?$", re.IGNORECASE)
_INSPECTOR_TITLE = re.compile(
    r",?\s*\(?\b(?:(?:Senior\s+)?(?:Her|His|Her/His)\s+Majesty[’']?s\s+Inspectors?|Senior\s+HMI|HMI|"
    r"Ofsted\s+Inspectors?|Social\s+Care\s+Regulatory\s+Inspectors?)\b\)?",
    re.IGNORECASE,
)
_GRADE = re.compile(
    r"\b(outstanding|good|inadequate|requires\s+improvement(?:\s+to\s+be\s+good)?)\b",
    re.IGNORECASE,
)
_TITLE_OPENING = re.compile(r"^(?:the\s+(?:impact|experiences?)\b|overall\s+effectiveness\b)", re.I)

# A title never ends with a verb; a sentence that ends "... are good" is no row.
_VERBS = frozenset({"is", "are", "was", "were", "remain", "remains", "has", "have", "been", "be"})

#: Judgement titles as reports print them, beyond the model's exact ones.
KNOWN_TITLES = {
    "the experiences and progress of children care leavers": JudgementArea.CARE_LEAVERS,
    "the impact of leaders on practice with children and families": JudgementArea.LEADERS,
}


def area_of_title(title: str) -> JudgementArea | None:
    """The judgement a printed title names, by the words that tell judgements apart."""
    text = " ".join(title.lower().replace("’", "'").split()).rstrip(".:")
    if "overall effectiveness" in text:
        return JudgementArea.OVERALL_EFFECTIVENESS
    if "leaders" in text and "care leavers" not in text:
        return JudgementArea.LEADERS
    if "help and protection" in text:
        return JudgementArea.HELP_AND_PROTECTION
    in_care = "children in care" in text or "looked after" in text
    if in_care and "care leavers" in text:
        return JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS
    if in_care:
        return JudgementArea.CHILDREN_IN_CARE
    if "care leavers" in text:
        return JudgementArea.CARE_LEAVERS
    return None


def is_known_title(title: str, area: JudgementArea) -> bool:
    """Whether ``title`` is one Ofsted is known to print for ``area``."""
    text = " ".join(title.lower().replace("’", "'").split()).rstrip(".:")
    return text == area.title.lower() or KNOWN_TITLES.get(text) is area


@frozen(kw_only=True)
class Fieldwork:
    """The fieldwork dates as printed, and the periods they name."""

    printed: str
    periods: tuple[tuple[dt.date, dt.date], ...]

    @property
    def start(self) -> dt.date:
        """The first day of fieldwork."""
        return self.periods[0][0]

    @property
    def end(self) -> dt.date:
        """The last day of fieldwork."""
        return self.periods[-1][1]


def parse_fieldwork(text: str) -> Fieldwork | None:
    """The periods of fieldwork a dates line names, or ``None`` where it names none.

    >>> parse_fieldwork("20 February to 3 March 2023").periods
    ((datetime.date(2023, 2, 20), datetime.date(2023, 3, 3)),)
    >>> split = parse_fieldwork("5 to 9 December 2022 and 14 to 15 February 2023")
    >>> [first.isoformat() for first, last in split.periods]
    ['2022-12-05', '2023-02-14']
    """
    printed = " ".join(text.split())
    periods = []
    plain = re.sub(r",\s*(?=\d{4}\b)", " ", printed)  # "13 June, 2025"
    for part in re.split(r"\s+and\s+|;|,\s*(?=\d)", plain):
        days = list(_DAY.finditer(part))
        if not days:
            continue
        found: list[list[int | None]] = [
            [
                int(m.group(1)),
                _MONTHS[m.group(2).lower()] if m.group(2) else None,
                int(m.group(3)) if m.group(3) else None,
            ]
            for m in days
        ]
        # A day without a month or year takes those of the next day that has them.
        for position in range(len(found) - 2, -1, -1):
            for field in (1, 2):
                if found[position][field] is None:
                    found[position][field] = found[position + 1][field]
        try:
            dates = [dt.date(y, m, d) for d, m, y in found if m is not None and y is not None]  # type: ignore[arg-type]
        except ValueError:
            return None
        if len(dates) != len(found) or not dates:
            return None
        periods.append((dates[0], dates[-1]))
    if not periods:
        return None
    return Fieldwork(printed=printed, periods=tuple(periods))


@frozen(kw_only=True)
class Header:
    """What the first page prints above the grade table."""

    title: str
    council: str
    fieldwork: Fieldwork | None
    dates_printed: str | None
    lead_inspector: str | None
    table: int
    """The position of the first line after the header."""


_COUNCIL_FORMS = (
    re.compile(
        r"^Inspection of (.+?)(?: local authority)? children[’']?s(?: social care)? services", re.I
    ),
    re.compile(r"^(.+?) / Inspection of", re.I),
)


def parse_header(lines: Sequence[str]) -> Header | None:
    """The title, council, dates and lead inspector, or ``None`` where there is no such header."""
    dates_at = next((i for i, line in enumerate(lines[:15]) if _DATES_LINE.match(line)), None)
    if dates_at is None:
        return None
    title = _title(lines[:dates_at])
    council = _council(title)
    if council is None:
        return None
    near = range(dates_at + 1, min(len(lines), dates_at + 12))
    stop, table = _table_start(lines, dates_at, near)
    dates_lines = []
    lead_lines: list[str] = []
    for line in lines[dates_at:stop]:
        lead = _LEAD_LINE.match(line)
        if lead or lead_lines:
            lead_lines.append(lead.group(1) if lead else line)
        else:
            dates_lines.append(line)
    dates = _DATES_LINE.match(dates_lines[0]).group(1)  # type: ignore[union-attr]
    dates = join_lines([dates, *dates_lines[1:]])
    return Header(
        title=title,
        council=council,
        fieldwork=parse_fieldwork(dates),
        dates_printed=dates or None,
        lead_inspector=_lead(lead_lines),
        table=table,
    )


def _table_start(lines: Sequence[str], dates_at: int, near: range) -> tuple[int, int]:
    """Where the header's lines stop, and where the grade table's rows start."""
    header = next((i for i in near if _TABLE_LINE.match(lines[i])), None)
    if header is not None:
        return header, header + 1
    # The table's header row may be split over two lines, or missing.
    split = next((i for i in near if _TABLE_FIRST.match(lines[i])), None)
    if split is not None and split + 1 < len(lines) and _TABLE_SECOND.match(lines[split + 1]):
        return split, split + 2
    first_row = next((i for i in near if _row(lines, i) is not None), dates_at + 1)
    return first_row, first_row


def _title(lines: Sequence[str]) -> str:
    parts: list[str] = []
    for line in lines:
        if parts and re.match(r"^Inspection of\b", line) and not parts[-1].endswith(" of"):
            parts.append("/")
        parts.append(line)
    return " ".join(parts)


def _council(title: str) -> str | None:
    for form in _COUNCIL_FORMS:
        match = form.match(title)
        if match:
            name = match.group(1).strip()
            return re.sub(r"^the\s+", "", name, flags=re.I) if name else None
    return None


def _lead(lines: Sequence[str]) -> str | None:
    """The lead inspector's name as printed; two names joined by 'and'."""
    text = join_lines(lines)
    if not text:
        return None
    text = _INSPECTOR_TITLE.sub(",", text)
    names = [n.strip(" ,.") for n in re.split(r",|\band\b|&", text)]
    names = [n for n in names if n]
    if not names:
        return None
    return " and ".join(names)


@frozen(kw_only=True)
class TableRow:
    """One row of the grade table: the title as printed, its judgement, its grade."""

    title: str
    area: JudgementArea | None
    grade: Grade


def parse_table(lines: Sequence[str], start: int) -> tuple[tuple[TableRow, ...], int]:
    """The rows of the grade table from ``start``, and the position after it.

    The table's lines are read as one text: a title, then the grade, again and
    again; it ends where the text between two grades is no judgement's title.
    """
    rows: list[TableRow] = []
    position = start
    while position < len(lines) and len(rows) < 8:
        taken = _row(lines, position)
        if taken is None:
            break
        row, position = taken
        rows.append(row)
    return tuple(rows), position


def _row(lines: Sequence[str], start: int) -> tuple[TableRow, int] | None:
    text = ""
    for end in range(start, min(len(lines), start + 5)):
        text = join_lines([text, lines[end]])
        if not _TITLE_OPENING.match(text):
            return None
        match = _GRADE.search(text)
        if match is None:
            continue
        rest = text[match.end() :].strip(" .").lower()
        if rest in ("to", "to be"):  # "Requires improvement to / be good" over two lines
            continue
        if rest:
            return None
        grade_text = match.group(1)
        following = lines[end + 1].lower().strip(" .") if end + 1 < len(lines) else ""
        if grade_text.lower() == "requires improvement" and following == "to be good":
            end += 1
        title = text[: match.start()].strip(" .:")
        words = title.lower().split()
        if len(words) > 20 or not words or words[-1] in _VERBS:
            return None  # a sentence of the summary, not a row
        grade = Grade.parse(grade_text)
        return TableRow(title=title, area=area_of_title(title), grade=grade), end + 1
    return None
