"""The report reader on small reports the tests print themselves, in every layout Ofsted has used.

These need no ``../shared``: each PDF is written with WeasyPrint in one of the
README's variants (including those of 2025 and 2026 that the shared folder
lacks), and a property checks that any generated inspection, printed as a
report, reads back as the same facts.
"""

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspection_letters import (
    Framework,
    Grade,
    Inspection,
    InspectionType,
    InvalidValueError,
    Judgement,
    JudgementArea,
    LocalAuthority,
    PreviousOutcome,
    Report,
    Severity,
    read_report,
    validate,
)
from inspection_letters._readers.councils import councils
from inspection_letters._readers.report_text import CleanText
from inspection_letters._readers.reports import report_from_text
from inspection_letters.strategies import judgements_for
from tests.report_pdfs import Layout, report_pdf

pytest.importorskip("weasyprint")
pytest.importorskip("pypdfium2")

RI = Grade.REQUIRES_IMPROVEMENT
A = JudgementArea
PREVIOUS = PreviousOutcome(year=2019, overall=RI)
PLAIN = Layout()


def inspection(
    start: dt.date = dt.date(2024, 3, 4),
    days: int = 11,
    *,
    lead: str | None = "Jo Warburton",
    grades: dict[JudgementArea, Grade] | None = None,
    previous: PreviousOutcome | None = PREVIOUS,
    council: str = "Kingston upon Hull",
) -> Inspection:
    """An inspection of ``council`` in the era of ``start``, every grade Good unless given."""
    era = Framework.for_date(start)
    chosen = grades or dict.fromkeys(era.areas, Grade.GOOD)
    found = next(c for c in councils() if c.name == council)
    return Inspection(
        authority=LocalAuthority(name=found.name, code=found.code, region=found.region),
        type=InspectionType.STANDARD if days > 6 else InspectionType.SHORT,
        start=start,
        end=start + dt.timedelta(days=days),
        lead_inspector=lead,
        judgements=[Judgement(area=a, grade=chosen[a]) for a in era.areas],
        previous=previous,
    )


def read(written: Inspection, layout: Layout = PLAIN) -> Report:
    """``written`` printed in ``layout`` and read back."""
    return read_report(report_pdf(written, layout))


def test_2021_layout_reads_back_exactly() -> None:
    """The layout used since late 2021: the inspection reads back equal, with no problem."""
    written = inspection()
    report = read(written)
    assert written == report.inspection
    assert () == report.problems
    assert "Inspection of Kingston upon Hull local authority children’s services" == report.title


def test_2018_layout_with_legacy_grades_and_is_headings() -> None:
    """2018: "X / Inspection of children's social care services", "Requires improvement"."""
    grades = dict.fromkeys(Framework.ILACS_2018.areas, RI)
    written = inspection(dt.date(2018, 6, 4), grades=grades, previous=None)
    layout = Layout(title="2018", dates="long", lead="next-line", legacy_grade=True, heading="is")
    report = read(written, layout)
    assert written == report.inspection
    assert "Kingston upon Hull / Inspection of children’s social care services" == report.title
    assert [RI] * 3 == [s.grade for s in report.sections]


@pytest.mark.parametrize(
    ("form", "start", "days"),
    [
        ("short", dt.date(2025, 6, 9), 4),  # "9 to 13 June 2025"
        ("short", dt.date(2023, 2, 20), 11),  # "20 February to 3 March 2023"
        ("long", dt.date(2019, 1, 14), 4),  # "14 January 2019 to 18 January 2019"
        ("zeros", dt.date(2020, 3, 2), 11),  # "02 March 2020 to 13 March 2020"
        ("dash", dt.date(2018, 11, 19), 11),  # "19 November–30 November 2018"
    ],
)
def test_every_date_form_reads(form: str, start: dt.date, days: int) -> None:
    """Each way the README lists of printing fieldwork dates gives the same dates and type."""
    written = inspection(start, days)
    found = read(written, Layout(dates=form)).inspection
    assert (written.start, written.end, written.type) == (found.start, found.end, found.type)


def test_split_fieldwork_runs_from_first_day_to_last_and_is_short() -> None:
    """ "5 to 9 December 2022 and 14 to 15 February 2023": short, 5 December to 15 February."""
    written = attrs.evolve(
        inspection(dt.date(2022, 12, 5), 4), end=dt.date(2023, 2, 15), type=InspectionType.SHORT
    )
    text = "5 to 9 December 2022 and 14 to 15 February 2023"
    found = read(written, Layout(dates_text=text)).inspection
    assert (dt.date(2022, 12, 5), dt.date(2023, 2, 15)) == (found.start, found.end)
    assert InspectionType.SHORT == found.type


@pytest.mark.parametrize(
    ("form", "lead", "expected"),
    [
        ("comma", "Jo Warburton", "Jo Warburton"),
        ("next-line", "Pauline Higham", "Pauline Higham"),
        ("hmi", "Neil Penswick", "Neil Penswick"),
        ("none", "Jo Warburton", None),
        ("comma", "Rebecca Quested and Matthew Reed", "Rebecca Quested and Matthew Reed"),
    ],
)
def test_every_lead_inspector_form_reads(form: str, lead: str, expected: str | None) -> None:
    """Name with title, title on the next line, "HMI", two leads, or no line at all."""
    found = read(inspection(lead=lead), Layout(lead=form)).inspection
    assert expected == found.lead_inspector


def test_grades_are_paired_by_title_not_row_position() -> None:
    """A table listing leaders third (Wakefield 2018) still pairs each grade with its title."""
    grades = {
        A.LEADERS: Grade.INADEQUATE,
        A.HELP_AND_PROTECTION: RI,
        A.CHILDREN_IN_CARE_AND_CARE_LEAVERS: Grade.GOOD,
        A.OVERALL_EFFECTIVENESS: Grade.INADEQUATE,
    }
    order = (
        A.HELP_AND_PROTECTION,
        A.CHILDREN_IN_CARE_AND_CARE_LEAVERS,
        A.LEADERS,
        A.OVERALL_EFFECTIVENESS,
    )
    written = inspection(dt.date(2018, 6, 4), grades=grades, previous=None)
    assert written.judgements == read(written, Layout(table_order=order)).inspection.judgements


def test_2026_reports_have_no_overall_effectiveness() -> None:
    """From April 2026 the table has four rows and no overall effectiveness; none is made up."""
    written = inspection(dt.date(2026, 5, 11), 4)
    found = read(written).inspection
    assert Framework.ILACS_2026 == found.era
    assert found.overall is None
    assert written.judgements == found.judgements


def test_misprinted_titles_of_2025_and_2026_read_without_problems() -> None:
    """ "...of children care leavers" and "...on practice with children and families"."""
    titles = {
        A.CARE_LEAVERS: "The experiences and progress of children care leavers",
        A.LEADERS: "The impact of leaders on practice with children and families",
    }
    written = inspection(dt.date(2026, 1, 12), 4)
    report = read(written, Layout(titles=titles))
    assert written.judgements == report.inspection.judgements
    assert () == report.problems


def test_a_title_not_seen_before_is_read_and_flagged() -> None:
    """A new wording of a title is read by its words, and listed as a problem to check."""
    titles = {A.CHILDREN_IN_CARE: "The experience and progress of children in care"}
    report = read(inspection(), Layout(titles=titles))
    assert inspection().judgements == report.inspection.judgements
    assert {"report-judgement-title-unfamiliar"} == {p.code for p in report.problems}


@pytest.mark.parametrize(
    "heading", ["What needs to improve?", "What needs to improve", "What needs to improve:"]
)
def test_improvement_heading_forms(heading: str) -> None:
    """With or without "?" or ":", the points are read."""
    report = read(inspection(), Layout(improve=heading))
    expected = ["The quality of plans for children.", "How well IT systems work."]
    assert expected == [p.text for p in report.improvements]


def test_2025_footnote_and_national_framework_tags_are_kept_apart() -> None:
    """The footnote mark leaves the heading, its text leaves the points; tags leave the text."""
    layout = Layout(footnote=True, framework_tags=True, bullet="\uf0a7")
    report = read(inspection(dt.date(2025, 6, 9), 4), layout)
    assert [("The quality of plans for children.", ("Outcome 1", "Enabler 3"))] == [
        (p.text, p.framework) for p in report.improvements[:1]
    ]
    assert "How well IT systems work." == report.improvements[1].text
    assert [1] == [note.number for note in report.footnotes]
    assert "National Framework" in report.footnotes[0].text


def test_paragraphs_carry_their_numbers_and_sections() -> None:
    """Numbered paragraphs keep their numbers and the heading of their section, footers gone."""
    report = read(inspection(), Layout(pages_of_paragraphs=2))
    assert list(range(1, 17)) == [p.number for p in report.paragraphs]  # 4 sections of 4
    assert report.paragraphs[0].section is not None
    assert report.paragraphs[0].section.startswith("The experiences and progress of children who")
    assert all("Inspection of" not in p.text for p in report.paragraphs)


def test_quote_finds_a_paragraph_by_its_first_words() -> None:
    """A quotation from a numbered paragraph says which paragraph it is."""
    quotation = read(inspection()).quote("Paragraph 3 says", sentences=2)
    assert "paragraph 3" == quotation.source
    expected = (
        "Paragraph 3 says that social workers know the children they work with well, and that "
        "managers check the work regularly. Children are seen alone when this is needed."
    )
    assert expected == quotation.text


COUNCILS = [c for c in councils() if c.ceased is None]
NAMES = ["Jo Warburton", "Máire Atherton", "Paula Thomson-Jones", "Russel Breyer"]


@st.composite
def written_inspections(draw: st.DrawFn) -> tuple[Inspection, Layout]:
    """An inspection as a report could print it, and a layout to print it in."""
    era = draw(st.sampled_from(list(Framework)))
    first = {Framework.ILACS_2018: 2018, Framework.ILACS_2023: 2023, Framework.ILACS_2026: 2026}
    monday = draw(st.dates(era.starts, era.starts + dt.timedelta(days=600)))
    start = monday - dt.timedelta(days=monday.weekday())
    if start < era.starts:
        start += dt.timedelta(days=7)
    short = draw(st.booleans())
    council = draw(st.sampled_from(COUNCILS))
    year = draw(st.none() | st.integers(2010, start.year - 1))
    overall = draw(st.none() | st.sampled_from(list(Grade)))
    previous = (
        None if year is None and overall is None else PreviousOutcome(year=year, overall=overall)
    )
    written = Inspection(
        authority=LocalAuthority(name=council.name, code=council.code, region=council.region),
        type=InspectionType.SHORT if short else InspectionType.STANDARD,
        start=start,
        end=start + dt.timedelta(days=4 if short else 11),
        lead_inspector=draw(st.none() | st.sampled_from(NAMES)),
        judgements=draw(judgements_for(era)),
        previous=previous,
    )
    layout = Layout(
        title=draw(st.sampled_from(["2021", "2018"])),
        dates=draw(st.sampled_from(["short", "long", "zeros", "dash"])),
        lead=draw(st.sampled_from(["comma", "next-line", "hmi"])),
        legacy_grade=era is Framework.ILACS_2018 and draw(st.booleans()),
        heading=draw(st.sampled_from(["colon", "is"])),
        bullet=draw(st.sampled_from(["◼", "\uf0a7"])),
    )
    assert first[era] <= start.year
    return written, layout


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(written_inspections())
def test_a_generated_inspection_written_as_a_report_reads_back_as_the_same_facts(
    case: tuple[Inspection, Layout],
) -> None:
    """Council, type, dates, lead inspector, grades and previous outcome survive print and read."""
    written, layout = case
    report = read(written, layout)
    assert written == report.inspection
    assert [] == [p for p in validate(report.inspection) if p.severity is Severity.ERROR]


def test_quote_says_what_it_cannot_find() -> None:
    """Words that open no passage, or too few sentences, are a clear InvalidValueError."""
    report = read(inspection())
    with pytest.raises(InvalidValueError, match="no passage of the report starts with 'Nothing'"):
        report.quote("Nothing")
    with pytest.raises(InvalidValueError, match="has 1 sentence"):
        report.quote("Leaders have a clear plan", sentences=2)


@pytest.mark.parametrize(
    ("title", "council"),
    [
        (
            ["Inspection of Gloucestershire local", "authority children’s services"],
            "Gloucestershire",
        ),
        (
            [
                "Wakefield District Metropolitan Council",
                "Inspection of children’s social care services",
            ],
            "Wakefield",
        ),
        (["Halton Borough Council", "Inspection of local authority children’s services"], "Halton"),
        (
            ["Inspection of Doncaster Metropolitan Borough Council", "children’s services"],
            "Doncaster",
        ),
        (
            ["Inspection of the London Borough of", "Ealing local authority children’s services"],
            "Ealing",
        ),
        (["Inspection of Hull local authority", "children’s services"], "Kingston upon Hull"),
        (
            ["Inspection of East Riding local", "authority children’s services"],
            "East Riding of Yorkshire",
        ),
        (["Inspection of Bristol City of local", "authority children’s services"], "Bristol"),
    ],
)
def test_every_title_form_names_the_council(title: list[str], council: str) -> None:
    """Each title form the README lists gives the council under Ofsted's own name."""
    lines = (
        *title,
        "Inspection dates: 9 to 13 June 2025",
        "Judgement Grade",
        *(f"{a.title} Good" for a in Framework.ILACS_2023.areas),
        "Children are safe.",
    )
    report = report_from_text("x.pdf", CleanText(lines=lines, footnotes=(), pages=1))
    assert council == report.inspection.authority.name
    assert report.inspection.authority.code is not None


def text_report(*lines: str) -> Report:
    """The report these cleaned lines make."""
    return report_from_text("x.pdf", CleanText(lines=lines, footnotes=(), pages=1))


ROWS_2023 = tuple(f"{a.title} Good" for a in Framework.ILACS_2023.areas)


@pytest.mark.parametrize(
    "header",
    [("Judgement", "Grade"), ("Judgement Grade",), ()],
    ids=["split over two lines", "one line", "none"],
)
def test_grade_table_header_may_be_split_or_missing(header: tuple[str, ...]) -> None:
    """The table's header row over two lines, or none at all: the rows are still read."""
    found = text_report(
        "Inspection of Barnet local authority children’s services",
        "Inspection dates: 9 to 13 June 2025",
        "Lead inspector: Jo Warburton, Senior His Majesty’s Inspector",
        *header,
        *ROWS_2023,
        "Children are safe.",
    )
    assert 5 == len(found.inspection.judgements)
    assert "Jo Warburton" == found.inspection.lead_inspector


def test_superscript_footnote_mark_and_private_use_bullets() -> None:
    """A superscript mark on the heading, and a bullet in a private-use glyph, as 2025 prints."""
    from inspection_letters._readers.report_text import clean_pages

    first = "\r\n".join(
        [
            "Inspection of Barnet local authority children’s services",
            "Inspection dates: 9 to 13 June 2025",
            "Judgement Grade",
            *ROWS_2023,
            "Children are safe.",
            "What needs to improve?¹",
            "\uf0fc The quality of plans. (Outcome 2)",
            "¹",
            "The points are cross-referenced to the National Framework.",
        ]
    )
    found = report_from_text("x.pdf", clean_pages([first]))
    assert [("The quality of plans.", ("Outcome 2",))] == [
        (p.text, p.framework) for p in found.improvements
    ]
    assert [1] == [note.number for note in found.footnotes]


HEADER_2023 = (
    "Inspection of Barnet local authority children’s services",
    "Inspection dates: 9 to 13 June 2025",
    "Judgement Grade",
    *ROWS_2023,
)


def test_a_heading_that_disagrees_with_the_table_is_a_problem() -> None:
    """A section heading repeating another grade than the table's is listed, the table kept."""
    found = text_report(
        *HEADER_2023,
        "Children are safe.",
        "What needs to improve?",
        "◼ Plans.",
        "The experiences and progress of children in care: outstanding",
        "1. Children in care are well supported.",
    )
    assert ["report-section-grade-differs"] == [p.code for p in found.problems]
    assert Grade.GOOD == found.inspection.grade_of(A.CHILDREN_IN_CARE)


def test_a_previous_outcome_beside_a_visit_is_read_and_flagged() -> None:
    """A sentence that speaks of a visit as well as the last inspection is read, with a doubt."""
    found = text_report(
        *HEADER_2023,
        "Since the focused visit in 2022 and the last inspection in 2021, when the local "
        "authority was judged to be good, services have improved.",
        "What needs to improve?",
        "◼ Plans.",
    )
    assert found.inspection.previous is not None
    assert (2021, Grade.GOOD) == (found.inspection.previous.year, found.inspection.previous.overall)
    assert ["report-previous-uncertain"] == [p.code for p in found.problems]
