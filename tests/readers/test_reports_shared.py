"""The report reader against the 221 real ILACS reports in ``../shared`` and their ``truth.csv``.

Every exact field (council, type, dates, lead inspector, every grade, the
count of numbered paragraphs) must be right on every report; the previous
outcome and the improvement points on at least 98% (the figures are printed).
"""

import csv
import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from inspection_letters import (
    Grade,
    InspectionType,
    JudgementArea,
    Report,
    Severity,
    read_report,
    validate,
)
from tests.helpers import ROOT, example

REPORTS = ROOT.parent / "shared" / "data" / "reports"
TRUTH = REPORTS / "truth.csv"
SEED = "80470-gloucestershire-2022-04-01.pdf"

pytestmark = pytest.mark.skipif(
    not TRUTH.is_file(), reason=f"the shared reports are not here: {TRUTH} is absent"
)


def truth() -> list[dict[str, str]]:
    """The rows of ``truth.csv``, one a report (none where the folder is absent)."""
    if not TRUTH.is_file():
        return []
    with TRUTH.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


ROWS = truth()


@cache
def report(name: str) -> Report:
    """The shared report ``name``, read once for every test."""
    return read_report(REPORTS / name)


def grades(found: Report, row: dict[str, str]) -> dict[str, str]:
    """The report's grades under truth.csv's column names ('' where not judged)."""
    in_care = (
        JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS
        if row["in_care_includes_care_leavers"] == "yes"
        else JudgementArea.CHILDREN_IN_CARE
    )
    columns = {
        "overall": JudgementArea.OVERALL_EFFECTIVENESS,
        "leaders": JudgementArea.LEADERS,
        "help_protection": JudgementArea.HELP_AND_PROTECTION,
        "in_care": in_care,
        "care_leavers": JudgementArea.CARE_LEAVERS,
    }
    inspection = found.inspection
    return {
        column: (grade.label if (grade := inspection.grade_of(area)) else "")
        for column, area in columns.items()
    }


def exact_fields(found: Report, row: dict[str, str]) -> dict[str, str]:
    """The fields that must be right on every report, as truth.csv writes them."""
    inspection = found.inspection
    fields = {
        "la_name": inspection.authority.name,
        "type": inspection.type.value,
        "start": inspection.start.isoformat() if inspection.start else "",
        "end": inspection.end.isoformat() if inspection.end else "",
        "lead_inspector": inspection.lead_inspector or "",
        "numbered_paragraphs": str(len(found.paragraphs)),
        "judgements": str(len(inspection.judgements)),
    }
    return fields | grades(found, row)


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_every_exact_field_is_right(row: dict[str, str]) -> None:
    """Council, type, dates, lead inspector, grades and paragraph count match truth.csv."""
    found = report(row["file"])
    actual = exact_fields(found, row)
    judged = sum(1 for column in grades(found, row) if row[column])
    expected = {key: row[key] for key in actual if key in row} | {"judgements": str(judged)}
    assert expected == actual


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_every_inspection_passes_validate(row: dict[str, str]) -> None:
    """Each report's inspection has no error under the framework's rules."""
    published = dt.date.fromisoformat(row["published"])
    found = read_report(REPORTS / row["file"], published=published)
    errors = [p for p in validate(found.inspection) if p.severity is Severity.ERROR]
    assert [] == errors
    assert published == found.inspection.published


def accuracy(name: str, right: list[str], rows: list[dict[str, str]]) -> float:
    """The share of reports right, printed with the ones that are not."""
    wrong = sorted({row["file"] for row in rows} - set(right))
    share = len(right) / len(rows)
    print(f"\n{name}: {len(right)} of {len(rows)} reports right ({share:.1%}); wrong: {wrong}")
    return share


def test_previous_outcome_is_right_on_98_percent(capsys: pytest.CaptureFixture[str]) -> None:
    """The previous inspection's year and grade as stated: right on at least 98% of reports."""
    right = []
    for row in ROWS:
        previous = report(row["file"]).inspection.previous
        year = str(previous.year) if previous and previous.year else ""
        grade = previous.overall.label if previous and previous.overall else ""
        if (row["previous_year_stated"], row["previous_grade_stated"]) == (year, grade):
            right.append(row["file"])
    with capsys.disabled():
        share = accuracy("previous outcome", right, ROWS)
    assert share >= 0.98


def test_improvement_points_are_right_on_98_percent(capsys: pytest.CaptureFixture[str]) -> None:
    """The number of improvement points: right on at least 98% of reports."""
    right = [
        row["file"]
        for row in ROWS
        if str(len(report(row["file"]).improvements)) == row["improve_points"]
    ]
    with capsys.disabled():
        share = accuracy("improvement points", right, ROWS)
    assert share >= 0.98


def test_seed_report_reads_as_the_seed_inspection() -> None:
    """Gloucestershire 2022: standard, 7 to 18 February, all RI, previous 2017 Inadequate."""
    inspection = report(SEED).inspection
    assert "Gloucestershire" == inspection.authority.name
    assert "E10000013" == inspection.authority.code
    assert InspectionType.STANDARD == inspection.type
    assert (dt.date(2022, 2, 7), dt.date(2022, 2, 18)) == (inspection.start, inspection.end)
    assert {Grade.REQUIRES_IMPROVEMENT} == {j.grade for j in inspection.judgements}
    assert 4 == len(inspection.judgements)
    assert inspection.previous is not None
    assert (2017, Grade.INADEQUATE) == (inspection.previous.year, inspection.previous.overall)


def test_seed_quotation_is_the_passage_the_seed_letter_quotes() -> None:
    """The seed letter quotes three sentences of the summary; the report gives them as printed."""
    quotation = report(SEED).quote("The local authority has strengthened", sentences=3)
    typed = example().quotations[0].text
    # The seed's JSON was typed by hand: a capital D and a straight apostrophe.
    assert typed.lower().replace("'", "’") == quotation.text.lower()
    assert "summary" == quotation.source


def test_seed_footnote_is_taken_out_of_the_paragraph() -> None:
    """Paragraph 37's footnote mark is off 'people', and the footnote is kept apart."""
    found = report(SEED)
    paragraph = next(p for p in found.paragraphs if p.number == 37)
    assert "care experienced young people until after" in paragraph.text
    assert [1] == [note.number for note in found.footnotes]
    assert found.footnotes[0].text.startswith("Instead of the term ‘care leavers’")


def test_missing_paragraph_is_a_problem() -> None:
    """Windsor and Maidenhead 2020 skips paragraph 15: the reader says so."""
    found = report("80546-windsor-and-maidenhead-2020-02-24.pdf")
    assert ["report-paragraph-missing"] == [
        p.code for p in found.problems if p.code == "report-paragraph-missing"
    ]
    assert 15 not in [p.number for p in found.paragraphs]


def test_two_lead_inspectors_are_both_named() -> None:
    """Stoke-on-Trent 2022 has two lead inspectors; both are named, without their titles."""
    lead = report("80564-stoke-on-trent-2022-11-25.pdf").inspection.lead_inspector
    assert "Rebecca Quested and Matthew Reed" == lead


def test_dash_sub_items_stay_with_their_point() -> None:
    """Cornwall 2019: one point has three dash sub-items, kept apart from its text."""
    points = report("80454-cornwall-2019-11-05.pdf").improvements
    assert [3] == [len(p.sub_items) for p in points if p.sub_items]


def test_no_report_text_keeps_a_running_footer() -> None:
    """No paragraph holds the running footer (the title) or a hyphen as U+FFFE."""
    found = report(SEED)
    texts = [p.text for p in found.paragraphs] + list(found.summary)
    assert [] == [t for t in texts if "Inspection of Gloucestershire" in t or "\ufffe" in t]


def test_shared_folder_is_where_the_tests_look() -> None:
    """The shared reports folder holds the 221 reports truth.csv describes."""
    assert 221 == len(ROWS)
    assert {row["file"] for row in ROWS} <= {p.name for p in Path(REPORTS).glob("*.pdf")}
