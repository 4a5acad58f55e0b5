"""Ofsted's published ILACS inspection reports (PDF) read into the model: :func:`read_report`.

A report prints the council, the fieldwork dates, the lead inspector and the
grade table on its first page, then a summary, what needs to improve, and a
section for each judgement with numbered paragraphs. :func:`read_report`
reads all of that into a :class:`Report`, whose ``inspection`` passes
:func:`~inspection_letters.validate`. Two facts are never printed and are
derived or given instead: the inspection's type (one fieldwork period of a
week or less is a short inspection) and the publication date (the caller's
``published``). What the reader noticed and could not settle is listed in
``problems``, each with a stable code.
"""

import datetime as dt
import os
import re
from collections.abc import Sequence

import attrs
from attrs import frozen

from .._errors import InvalidValueError, ReportFileError
from .._model.frameworks import Framework, InspectionType, JudgementArea
from .._model.inspection import Inspection, Judgement, LocalAuthority, PreviousOutcome, Quotation
from .._model.rules import Problem, Severity, errors
from .councils import find_council
from .report_body import Body, Improvement, ReportParagraph, ReportSection, parse_body
from .report_header import Fieldwork, Header, TableRow, is_known_title, parse_header, parse_table
from .report_pdf import MAX_PAGES, pdf_pages, source_bytes
from .report_previous import StatedPrevious, stated_previous
from .report_text import CleanText, clean_pages

_ADVISORY = Severity.ADVISORY
_VISIT = re.compile(
    r"\b(focused\s+visit|monitoring\s+visit|joint\s+targeted\s+area\s+inspection)\b", re.I
)
_PRE_ILACS = re.compile(
    r"children\s+looked\s+after\s+and\s+care\s+leavers|local\s+safeguarding\s+children\s+board|"
    r"single\s+inspection\s+framework\s+\(SIF\)\s+inspection\s+of",
    re.IGNORECASE,
)


@frozen(kw_only=True)
class Footnote:
    """A footnote of the report: its number and its text."""

    number: int
    text: str


@frozen(kw_only=True)
class Report:
    """An ILACS inspection report as read: the inspection, and the text as printed.

    Build one with :func:`read_report`.
    """

    source: str
    """The file read, or ``'(bytes)'``."""

    inspection: Inspection
    title: str
    """The report's title as printed."""

    summary: tuple[str, ...]
    """The opening paragraphs, before "What needs to improve"."""

    improvements: tuple[Improvement, ...]
    """The points of "What needs to improve", in order."""

    improvement_prose: tuple[str, ...]
    """"What needs to improve" where it is written as paragraphs rather than points."""

    paragraphs: tuple[ReportParagraph, ...]
    """The numbered paragraphs, each with its number and section."""

    sections: tuple[ReportSection, ...]
    """The body's section headings, each with the grade it repeats."""

    footnotes: tuple[Footnote, ...] = ()
    problems: tuple[Problem, ...] = ()
    """What the reader noticed and could not settle; advisories, with stable codes."""

    pages: int = 0

    def quote(self, first_words: str, sentences: int = 1) -> Quotation:
        """The passage of the summary or of a paragraph that starts with ``first_words``.

        ``sentences`` is how many sentences it runs to. The quotation's source
        says where it stands: ``'summary'`` or ``'paragraph 12'``. Quotation
        marks and apostrophes match whether typed straight or curly.
        """
        passages = [("summary", text) for text in self.summary]
        passages += [(f"paragraph {p.number}", p.text) for p in self.paragraphs]
        source, text = find_passage(passages, first_words, sentences)
        return Quotation(text=text, source=source)


def read_report(
    source: "str | os.PathLike[str] | bytes",
    *,
    published: dt.date | None = None,
    max_pages: int = MAX_PAGES,
) -> Report:
    """The ILACS inspection report at ``source`` (a path, or the PDF's bytes), read.

    ``published`` is the publication date, which reports do not print (it
    comes from Ofsted's listing). A file that is not such a report raises
    :class:`~inspection_letters.ReportFileError` naming the file and what is
    wrong: not a PDF, truncated, encrypted, damaged, no text (a scan), more
    than ``max_pages`` pages, a report from before ILACS, or the letter of a
    visit (which is not graded). Needs the optional extra ``reports``.

    >>> read_report(b"Dear Director")
    Traceback (most recent call last):
    ...
    inspection_letters._errors.ReportFileError: cannot read '(bytes)' as an inspection report: \
it is not a PDF (it does not start with '%PDF-')
    """
    name, data = source_bytes(source)
    text = clean_pages(pdf_pages(name, data, max_pages=max_pages))
    return report_from_text(name, text, published=published)


def report_from_text(name: str, text: CleanText, *, published: dt.date | None = None) -> Report:
    """The report in ``text`` (the cleaned lines of its pages)."""
    try:
        return _report(name, text, published)
    except InvalidValueError as error:  # what was read cannot make an inspection
        detail = f"what it prints cannot make an inspection: {error}"
        raise ReportFileError(name, "unreadable", detail) from None


def _report(name: str, text: CleanText, published: dt.date | None) -> Report:
    header = parse_header(text.lines)
    if header is None or header.fieldwork is None:
        raise ReportFileError(name, *_not_a_report(text, header))
    if header.fieldwork.start < Framework.ILACS_2018.starts:
        detail = (
            f"its fieldwork started on {header.fieldwork.start.isoformat()}, before ILACS "
            "began on 2018-01-01: it is a report of the 2013 to 2017 framework"
        )
        raise ReportFileError(name, "pre-ilacs", detail)
    rows, after = parse_table(text.lines, header.table)
    if not rows:
        raise ReportFileError(name, *_not_a_report(text, header))
    body = parse_body(text.lines, after)
    problems: list[Problem] = []
    judgements = _judgements(rows, header.fieldwork, problems)
    previous = stated_previous(body.summary, before=header.fieldwork.start.year)
    inspection = Inspection(
        authority=_authority(header.council, problems),
        type=inspection_type(header.fieldwork),
        start=header.fieldwork.start,
        end=header.fieldwork.end,
        published=published,
        lead_inspector=header.lead_inspector,
        judgements=judgements,
        previous=_previous(previous, problems),
    )
    _check_body(inspection, body, problems)
    problems.extend(
        attrs.evolve(problem, path=f"inspection.{problem.path}") for problem in errors(inspection)
    )
    return Report(
        source=name,
        inspection=inspection,
        title=header.title,
        summary=body.summary,
        improvements=body.improvements,
        improvement_prose=body.improvement_prose,
        paragraphs=body.paragraphs,
        sections=body.sections,
        footnotes=tuple(Footnote(number=n, text=t) for n, t in text.footnotes),
        problems=tuple(problems),
        pages=text.pages,
    )


def inspection_type(fieldwork: Fieldwork) -> InspectionType:
    """The type, which reports never print: short where fieldwork lasted a week or less.

    Split fieldwork is short where each period lasted a week or less and they
    add up to no more than seven working days (a week and a return visit).

    >>> from inspection_letters._readers.report_header import parse_fieldwork
    >>> inspection_type(parse_fieldwork("9 to 13 June 2025")).value
    'short'
    >>> inspection_type(parse_fieldwork("20 February to 3 March 2023")).value
    'standard'
    """
    weekdays = 0
    for first, last in fieldwork.periods:
        if (last - first).days > 6:
            return InspectionType.STANDARD
        days = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
        weekdays += sum(1 for day in days if day.weekday() < 5)
    return InspectionType.SHORT if weekdays <= 7 else InspectionType.STANDARD


def _not_a_report(text: CleanText, header: Header | None) -> tuple[str, str]:
    opening = " ".join(text.lines[:40])
    visit = _VISIT.search(opening)
    if visit:
        kind = " ".join(visit.group(1).lower().split())
        return "not-graded", f"it is the letter of a {kind}, which is not graded"
    if _PRE_ILACS.search(opening):
        return "pre-ilacs", "it is a report of the 2013 to 2017 framework, before ILACS"
    if header is not None and header.fieldwork is None:
        return "unreadable", f"its inspection dates {header.dates_printed!r} cannot be read"
    if header is not None:
        return "unreadable", "its grade table (a judgement, then its grade) cannot be found"
    return "not-a-report", (
        "it has no title, inspection dates and grade table of an ILACS inspection report"
    )


def _judgements(
    rows: tuple[TableRow, ...], fieldwork: Fieldwork, problems: list[Problem]
) -> list[Judgement]:
    era = Framework.for_date(fieldwork.start)
    found: dict[JudgementArea, Judgement] = {}
    for index, row in enumerate(rows):
        path = f"judgements[{index}]"
        if row.area is None:
            message = f"the grade table's row {row.title!r} names no judgement; it is left out"
            problems.append(_problem("report-judgement-unknown", message, path))
            continue
        if row.area in found:
            message = f"{row.title!r} is graded twice; the first grade is kept"
            problems.append(_problem("report-judgement-repeated", message, path))
            continue
        if not is_known_title(row.title, row.area):
            message = (
                f"the title {row.title!r} has not been seen before; read as {row.area.title!r}"
            )
            problems.append(_problem("report-judgement-title-unfamiliar", message, path))
        found[row.area] = Judgement(area=row.area, grade=row.grade)
    order = list(era.areas) + [a for a in JudgementArea if a not in era.areas]
    return [found[area] for area in order if area in found]


def _authority(printed: str, problems: list[Problem]) -> LocalAuthority:
    council = find_council(printed)
    if council is None:
        message = f"the council {printed!r} is not in the library's table; its name is as printed"
        problems.append(_problem("report-council-unknown", message, "authority"))
        return LocalAuthority(name=printed)
    return LocalAuthority(name=council.name, code=council.code, region=council.region)


def _previous(stated: StatedPrevious | None, problems: list[Problem]) -> PreviousOutcome | None:
    if stated is None:
        return None
    if stated.doubt is not None:
        message = f"read from {stated.sentence!r}, but {stated.doubt}"
        problems.append(_problem("report-previous-uncertain", message, "previous"))
    return PreviousOutcome(year=stated.year, overall=stated.grade)


def _check_body(inspection: Inspection, body: Body, problems: list[Problem]) -> None:
    for index, section in enumerate(body.sections):
        path = f"sections[{index}]"
        if not section.known_title:
            message = f"the heading {section.heading!r} has a judgement title not seen before"
            problems.append(_problem("report-judgement-title-unfamiliar", message, path))
        graded = inspection.grade_of(section.area)
        if graded is not None and graded is not section.grade:
            message = (
                f"the heading {section.heading!r} repeats the grade {section.grade.label!r}, "
                f"but the grade table gives {graded.label!r}"
            )
            problems.append(_problem("report-section-grade-differs", message, path))
    for number in body.missing:
        message = f"paragraph {number} is missing: the numbering skips it"
        problems.append(_problem("report-paragraph-missing", message, "paragraphs"))
    if not body.has_improvements:
        message = "the report has no 'What needs to improve' section"
        problems.append(_problem("report-improvements-missing", message, "improvements"))
    elif not body.improvements:
        message = "'What needs to improve' is prose, not points; no points are read"
        problems.append(_problem("report-improvements-prose", message, "improvements"))


def _problem(code: str, message: str, path: str) -> Problem:
    return Problem(code=code, severity=_ADVISORY, message=message, path=path)


# --- Quotations: passages found by their first words -----------------------------------------

# One character for one: the same length, so that a match maps back to the printed text.
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\n": " ", "–": "-", "—": "-"})
# A sentence ends at a full stop, question or exclamation mark (and any closing quote)
# followed by a space and a capital or an opening quote or bullet.
_SENTENCE_END = re.compile(r"(?<=[.!?])[’”')]*(?=\s+[A-Z‘“'(◼0-9]|\s*$)")


def _folded(text: str) -> str:
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_FOLD))


def find_passage(
    passages: Sequence[tuple[str, str]], first_words: str, sentences: int
) -> tuple[str, str]:
    """The source and text of the passage that starts with ``first_words``.

    >>> find_passage([("summary", "One thing. Two things! Three.")], "two THINGS", 2)
    ('summary', 'Two things! Three.')
    """
    if not isinstance(first_words, str) or not first_words.split():
        raise InvalidValueError(f"{first_words!r} is not the first words of a passage")
    if isinstance(sentences, bool) or not isinstance(sentences, int) or sentences < 1:
        raise InvalidValueError(f"sentences: {sentences!r} is not a whole number from 1")
    wanted = _folded(" ".join(first_words.split()))
    for source, text in passages:
        folded = _folded(text)
        start = folded.find(wanted)
        while start > 0 and not _starts_word(folded, start):
            start = folded.find(wanted, start + 1)
        if start < 0:
            continue
        ends = [m.end() for m in _SENTENCE_END.finditer(text, start + len(wanted) - 1)]
        if len(ends) < sentences:
            message = (
                f"the passage of {source} that starts {first_words!r} has "
                f"{len(ends)} sentence(s), not {sentences}"
            )
            raise InvalidValueError(message)
        return source, " ".join(text[start : ends[sentences - 1]].split())
    raise InvalidValueError(f"no passage of the report starts with {first_words!r}")


def _starts_word(text: str, position: int) -> bool:
    return position == 0 or not text[position - 1].isalnum()
