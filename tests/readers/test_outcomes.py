"""read_outcomes: Ofsted's published outcomes (CSV and OpenDocument) read as inspections."""

import collections
import datetime as dt
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from inspection_letters import (
    Framework,
    Grade,
    Inspection,
    InspectionType,
    Judgement,
    JudgementArea,
    LocalAuthority,
    OutcomesFileError,
    PreviousOutcome,
    Severity,
    UnknownNameError,
    read_outcomes,
    validate,
)
from tests.helpers import ROOT

DATA = ROOT.parent / "shared" / "data" / "ofsted"
HISTORY_CSV = "ilacs-inspection-history-2018-2025.csv"
IN_YEAR_CSV = "inspections-and-visits-2024-25.csv"
ODS_2025 = "LA_Inspection_Outcomes_as_at_31_March_2025.ods"
ODS_2024 = "LA_Inspection_Outcomes_as_at_March_2024.ods"
RI, GOOD, INADEQUATE = Grade.REQUIRES_IMPROVEMENT, Grade.GOOD, Grade.INADEQUATE
HEADER = (
    "Local authority area code,Local authority name,Ofsted region,Inspection date,"
    "Publication date,Inspection type,Overall effectiveness,"
    "The impact of leaders on social work practice with children and families,"
    "The experiences and progress of children who need help and protection,"
    "The experiences and progress of children in care,"
    "The experiences and progress of care leavers"
)


@pytest.fixture(scope="module")
def data() -> Path:
    """The folder of Ofsted's published outcomes; the test is skipped where it is absent."""
    if not DATA.is_dir():
        pytest.skip(f"Ofsted's outcomes are not at {DATA}")
    return DATA


@pytest.fixture(scope="module")
def history(data: Path) -> tuple[Inspection, ...]:
    """The 271 graded inspections of the 2025 history CSV."""
    return read_outcomes(data / HISTORY_CSV)


def errors_of(inspection: Inspection) -> tuple[str, ...]:
    """The codes of the error-level problems ``validate`` finds."""
    return tuple(p.code for p in validate(inspection) if p.severity is Severity.ERROR)


def find(inspections: Sequence[Inspection], name: str, when: dt.date) -> Inspection:
    """The one inspection of ``name`` that started, or was published, on ``when``."""
    found = [i for i in inspections if i.authority.name == name and when in (i.start, i.published)]
    assert len(found) == 1
    return found[0]


def write_csv(path: Path, *lines: str) -> Path:
    """A CSV file of ``lines`` under the standard header."""
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def ods_cell(value: object) -> str:
    """A cell's XML: a date cell, a text cell, a blank one, or raw XML that starts with '<'."""
    if isinstance(value, dt.date):
        shown = value.strftime("%d/%m/%Y")
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{shown}</text:p></table:table-cell>"
        )
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, str) and value.startswith("<"):
        return value
    paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in str(value).split("\n"))
    return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'


def write_ods(path: Path, sheets: Mapping[str, Sequence[Sequence[object] | str]]) -> Path:
    """A minimal valid .ods file: each row a list of cells, or raw XML that starts with '<'."""
    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join(
            row
            if isinstance(row, str)
            else "<table:table-row>" + "".join(map(ods_cell, row)) + "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for name, rows in sheets.items()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def problems_of(path: Path, **options: str) -> tuple[tuple[str, str], ...]:
    """The problems of the one OutcomesFileError that reading ``path`` raises."""
    with pytest.raises(OutcomesFileError) as raised:
        read_outcomes(path, **options)
    assert str(path) in raised.value.summary
    return raised.value.problems


# The real data


def test_history_csv_has_271_graded_inspections(history: tuple[Inspection, ...]) -> None:
    """The history CSV gives all 271 graded inspections, standard and short."""
    expected = {InspectionType.STANDARD: 171, InspectionType.SHORT: 100}
    assert expected == collections.Counter(i.type for i in history)


def test_history_csv_inspections_validate_in_the_era_of_their_start(
    history: tuple[Inspection, ...],
) -> None:
    """Every inspection of the history has no error and the era its start date implies."""
    for inspection in history:
        assert inspection.framework is None
        assert inspection.start is not None
        expected_era = Framework.for_date(inspection.start)
        assert (expected_era, ()) == (inspection.era, errors_of(inspection))


def test_history_csv_eras_split_at_2023(history: tuple[Inspection, ...]) -> None:
    """168 inspections fall under the 2018 era and 103 under the 2023 era."""
    expected = {Framework.ILACS_2018: 168, Framework.ILACS_2023: 103}
    assert expected == collections.Counter(i.era for i in history)


def test_history_ods_sheet_equals_the_csv(data: Path, history: tuple[Inspection, ...]) -> None:
    """The 2025 spreadsheet's history sheet (the default) gives the same values as the CSV."""
    assert history == read_outcomes(data / ODS_2025)


def test_in_year_csv_has_112_inspections_and_visits(data: Path) -> None:
    """The in-year CSV gives 112 rows: visits ungraded with a theme, inspections graded."""
    in_year = read_outcomes(data / IN_YEAR_CSV)
    expected = {
        InspectionType.FOCUSED_VISIT: 36,
        InspectionType.MONITORING_VISIT: 24,
        InspectionType.SHORT: 30,
        InspectionType.STANDARD: 22,
    }
    assert expected == collections.Counter(i.type for i in in_year)
    visits = [i for i in in_year if not i.type.graded]
    expected_visits = (60, 0)
    assert expected_visits == (len(visits), sum(bool(v.judgements) for v in visits))
    assert all(visit.theme for visit in visits)
    assert all(errors_of(inspection) == () for inspection in in_year)


def test_in_year_ods_sheet_equals_the_csv(data: Path) -> None:
    """The 2025 spreadsheet's In-year sheet gives the same values as the in-year CSV."""
    expected = read_outcomes(data / IN_YEAR_CSV)
    assert expected == read_outcomes(data / ODS_2025, sheet="In-year_inspections")


def test_barnsley_focused_visit_has_its_theme(data: Path) -> None:
    """A focused visit keeps its theme and has no judgements."""
    visit = find(read_outcomes(data / IN_YEAR_CSV), "Barnsley", dt.date(2024, 11, 5))
    expected = (InspectionType.FOCUSED_VISIT, "Children in care", ())
    assert expected == (visit.type, visit.theme, visit.judgements)


def test_harrow_2025_care_leavers_inadequate(history: tuple[Inspection, ...]) -> None:
    """Harrow 2025: care leavers Inadequate made the overall grade Inadequate."""
    harrow = find(history, "Harrow", dt.date(2025, 1, 20))
    expected = (
        Judgement(area=JudgementArea.LEADERS, grade=RI),
        Judgement(area=JudgementArea.HELP_AND_PROTECTION, grade=GOOD),
        Judgement(area=JudgementArea.CHILDREN_IN_CARE, grade=GOOD),
        Judgement(area=JudgementArea.CARE_LEAVERS, grade=INADEQUATE),
        Judgement(area=JudgementArea.OVERALL_EFFECTIVENESS, grade=INADEQUATE),
    )
    assert expected == harrow.judgements
    authority = LocalAuthority(name="Harrow", code="E09000015", region="London")
    assert authority == harrow.authority


def test_gloucestershire_2022_has_no_previous_ilacs(history: tuple[Inspection, ...]) -> None:
    """Gloucestershire's inspection of February 2022 is its first graded ILACS one."""
    gloucestershire = find(history, "Gloucestershire", dt.date(2022, 2, 7))
    assert gloucestershire.previous is None
    assert JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS in {
        j.area for j in gloucestershire.judgements
    }


def test_barking_and_dagenham_2023_follows_2019(history: tuple[Inspection, ...]) -> None:
    """Barking and Dagenham's 2023 inspection has its 2019 outcome as previous."""
    expected = PreviousOutcome(
        year=2019,
        overall=RI,
        judgements=(
            Judgement(area=JudgementArea.LEADERS, grade=RI),
            Judgement(area=JudgementArea.HELP_AND_PROTECTION, grade=RI),
            Judgement(area=JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS, grade=RI),
        ),
    )
    assert expected == find(history, "Barking and Dagenham", dt.date(2023, 7, 10)).previous


def test_history_links_115_previous_outcomes(history: tuple[Inspection, ...]) -> None:
    """Of 156 councils' 271 inspections, 115 follow an earlier one in the file."""
    expected = 115
    assert expected == sum(i.previous is not None for i in history)


def test_2024_wide_history_reads_219_inspections(data: Path) -> None:
    """The 2024 wide sheet gives 219 inspections, each with an explicit era and no error."""
    inspections = read_outcomes(data / ODS_2024)
    expected = {Framework.ILACS_2018: 168, Framework.ILACS_2023: 51}
    assert expected == collections.Counter(i.framework for i in inspections)
    assert all(errors_of(inspection) == () for inspection in inspections)
    assert all(i.start is None and i.published is not None for i in inspections)


def test_2024_wide_history_reads_the_table_of_former_councils(data: Path) -> None:
    """Bournemouth, in the second table, is read with its 2018 grades and no area code."""
    bournemouth = find(read_outcomes(data / ODS_2024), "Bournemouth", dt.date(2018, 8, 24))
    expected = (None, Framework.ILACS_2018, INADEQUATE)
    leaders = bournemouth.grade_of(JudgementArea.LEADERS)
    assert expected == (bournemouth.authority.code, bournemouth.framework, leaders)


def test_2024_previous_year_is_the_publication_year(data: Path) -> None:
    """Without start dates, a previous outcome's year is its publication's year."""
    inspection = find(read_outcomes(data / ODS_2024), "Birmingham", dt.date(2023, 4, 18))
    expected = 2019
    assert inspection.previous is not None
    assert expected == inspection.previous.year


def test_2024_in_year_sheet_reads(data: Path) -> None:
    """The 2024 in-year sheet, with its short column titles, gives 107 rows with no error."""
    inspections = read_outcomes(data / ODS_2024, sheet="Inspections_in_year_2023-24")
    expected = 107
    assert expected == len(inspections)
    assert all(errors_of(inspection) == () for inspection in inspections)


def test_latest_outcomes_sheet_lacks_the_inspection_type(data: Path) -> None:
    """The 'as at 31 March' sheet has no type column, so it is refused, naming the column."""
    expected = (("row 3", "has no column 'Inspection type'"),)
    assert expected == problems_of(data / ODS_2025, sheet="Inspections_as_at_31_March")


def test_unknown_sheet_lists_the_sheets(data: Path) -> None:
    """An unknown sheet name raises UnknownNameError listing every sheet."""
    with pytest.raises(UnknownNameError) as raised:
        read_outcomes(data / ODS_2025, sheet="History")
    expected = ("sheet", "History", True)
    found = "ILACS_inspection_history" in raised.value.valid
    assert expected == (raised.value.kind, raised.value.value, found)


# Small files of our own


def test_csv_every_bad_row_in_one_error(tmp_path: Path) -> None:
    """A bad grade, a bad date and an unknown type are reported together, by row and column."""
    path = write_csv(
        tmp_path / "bad.csv",
        "E09000002,Barking and Dagenham,London,2019-02-18,2019-04-01,"
        "ILACS Standard Inspection,Good,Good,Good,Very good,",
        ",Barnet,London,2019-05-13,2019-13-01,ILACS Standard Inspection,Good,Good,Good,Good,",
        ",Bexley,London,2019-05-13,2019-07-01,ILACS Long Inspection,Good,Good,Good,Good,",
    )
    grade = "'Very good' is not a grade; expected one of 'Outstanding', 'Good', "
    grade += "'Requires improvement to be good', 'Inadequate'"
    kind = "'ILACS Long Inspection' is not an inspection type; expected one of "
    kind += "'ILACS Standard Inspection', 'ILACS Short Inspection', 'ILACS Focused Visit', "
    kind += "'LA Monitoring visit'"
    expected = (
        ("row 2, column 'The experiences and progress of children in care'", grade),
        (
            "row 3, column 'Publication date'",
            "'2019-13-01' is not a date; expected YYYY-MM-DD or DD/MM/YYYY",
        ),
        ("row 4, column 'Inspection type'", kind),
    )
    assert expected == problems_of(path)


def test_csv_grades_on_a_visit_are_read_for_validation(tmp_path: Path) -> None:
    """Grades on a visit are not a reading error: validation reports them."""
    path = write_csv(
        tmp_path / "visit.csv",
        ",Barnet,London,24/06/2024,23/07/2024,ILACS Focused Visit,Good,,,,",
    )
    (visit,) = read_outcomes(path)
    expected = (("ungraded-has-judgements",), dt.date(2024, 6, 24))
    assert expected == (errors_of(visit), visit.start)


def test_csv_blank_rows_skipped_but_stray_content_refused(tmp_path: Path) -> None:
    """A blank row is skipped; a row with a note and no inspection is an error."""
    path = write_csv(
        tmp_path / "stray.csv",
        ",Barnet,London,2019-05-13,2019-07-01,ILACS Standard Inspection,Good,Good,Good,Good,",
        ",,,,,,,,,,",
        "Source: Ofsted,,,,,,,,,,",
    )
    code = "'Source: Ofsted' is not an ONS area code; expected a letter E, W, S or N "
    code += "and eight digits, such as 'E10000013'"
    dates = "is blank, and so is column 'Publication date'; an inspection has a date"
    expected = (
        ("row 4, column 'Local authority name'", "is blank; every row names its council"),
        ("row 4, column 'Local authority area code'", code),
        ("row 4, column 'Inspection type'", "is blank; expected an inspection type"),
        ("row 4, column 'Inspection date'", dates),
    )
    assert expected == problems_of(path)


def test_csv_previous_by_name_in_date_order_skipping_visits(tmp_path: Path) -> None:
    """Previous outcomes link by name when there is no code, by date, and never to visits."""
    path = write_csv(
        tmp_path / "order.csv",
        ",Barnet,London,2024-06-10,2024-07-23,ILACS Short Inspection,Good,Good,Good,Good,Good",
        ",Barnet,London,2022-01-10,2022-02-23,LA Monitoring visit,,,,,",
        ",Barnet,London,2019-05-13,2019-07-01,ILACS Standard Inspection,"
        + ",".join(["Requires improvement"] * 4)
        + ",",
        ",Barnet Borough,London,2020-05-13,2020-07-01,ILACS Focused Visit,,,,,",
    )
    latest, visit, first, other = read_outcomes(path)
    expected = PreviousOutcome(
        year=2019,
        overall=RI,
        judgements=(
            Judgement(area=JudgementArea.LEADERS, grade=RI),
            Judgement(area=JudgementArea.HELP_AND_PROTECTION, grade=RI),
            Judgement(area=JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS, grade=RI),
        ),
    )
    assert (expected, expected, None, None) == (
        latest.previous,
        visit.previous,
        first.previous,
        other.previous,
    )


def test_missing_columns_named(tmp_path: Path) -> None:
    """A header without the type and leaders' columns names both, once."""
    path = tmp_path / "columns.csv"
    path.write_text(
        "Local authority name,Publication date,Overall effectiveness,"
        "Experiences and progress of children who need help and protection,"
        "Experiences and progress of children in care\nBarnet,2019-07-01,Good,Good,Good\n",
        encoding="utf-8",
    )
    expected = (
        ("row 1", "has no column 'Inspection type'"),
        (
            "row 1",
            "has no column 'The impact of leaders on social work practice with children and "
            "families'",
        ),
    )
    assert expected == problems_of(path)


def test_file_without_header(tmp_path: Path) -> None:
    """A file with no header row says so."""
    path = tmp_path / "numbers.csv"
    path.write_text("1,2,3\n4,5,6\n", encoding="utf-8")
    ((where, reason),) = problems_of(path)
    expected = ("(file)", True)
    assert expected == (where, reason.startswith("has no header row"))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("outcomes.xlsx", b"PK", "the suffix '.xlsx' is not read; expected one of '.csv', '.ods'"),
        ("outcomes", b"", "the suffix '' is not read; expected one of '.csv', '.ods'"),
        ("garbage.ods", b"PK\x03\x04 not really a zip", "is not a zip archive"),
        ("latin1.csv", "Local authority name\nMérton\n".encode("latin-1"), "is not UTF-8 text"),
        ("quote.csv", b'a,b\n"unclosed,x\n', "row 2 is not CSV"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    """Files that cannot be read raise one OutcomesFileError, never a raw traceback."""
    path = tmp_path / name
    path.write_bytes(content)
    ((where, found),) = problems_of(path)
    expected = ("(file)", True)
    assert expected == (where, found.startswith(reason))


@pytest.mark.parametrize("name", ["absent.csv", "absent.ods"])
def test_missing_file(tmp_path: Path, name: str) -> None:
    """A missing file raises OutcomesFileError naming it."""
    expected = (("(file)", "No such file or directory"),)
    assert expected == problems_of(tmp_path / name)


def test_zip_that_is_not_a_spreadsheet(tmp_path: Path) -> None:
    """A zip without content.xml is refused as not an OpenDocument spreadsheet."""
    path = tmp_path / "other.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    expected = (("(file)", "has no content.xml, so it is not an OpenDocument spreadsheet"),)
    assert expected == problems_of(path)


def test_sheet_with_a_csv_file(tmp_path: Path) -> None:
    """A sheet name given with a CSV file is refused."""
    expected = (("(file)", "sheet='History' is given, but a CSV file has no sheets"),)
    assert expected == problems_of(write_csv(tmp_path / "one.csv"), sheet="History")


TITLE_SPANNED = (
    '<table:table-row><table:table-cell table:number-columns-spanned="3" '
    'office:value-type="string"><text:p>ILACS inspection history</text:p></table:table-cell>'
    '<table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>'
)
FOUR_GOOD = (
    '<table:table-cell office:value-type="string" table:number-columns-repeated="4">'
    "<text:p>Good</text:p></table:table-cell>"
)
BLANK_ROWS = (
    '<table:table-row table:number-rows-repeated="1000"><table:table-cell/></table:table-row>'
)


def test_ods_layout_features(tmp_path: Path) -> None:
    """Spanned titles, repeated cells and rows, date cells and paragraphs are read right."""
    row = [
        "E06000058",
        "Bournemouth, Christchurch\nand Poole",
        "South West",
        dt.date(2024, 12, 2),
        dt.date(2025, 1, 29),
        "ILACS Standard Inspection",
        FOUR_GOOD,
        "Requires improvement to be good",
    ]
    twice = '<table:table-row table:number-rows-repeated="2">'
    twice += "".join(map(ods_cell, row)) + "</table:table-row>"
    history = [TITLE_SPANNED, ["A note"], HEADER.split(","), BLANK_ROWS, row, twice]
    path = write_ods(
        tmp_path / "small.ods", {"Notes": [["Nothing here"]], "ILACS_inspection_history": history}
    )
    first, *others = read_outcomes(path)
    expected = (
        "Bournemouth, Christchurch\nand Poole",
        (dt.date(2024, 12, 2), dt.date(2025, 1, 29)),
        (GOOD, RI),
        [None, 2024, 2024],
    )
    assert expected == (
        first.authority.name,
        (first.start, first.published),
        (first.overall, first.grade_of(JudgementArea.CARE_LEAVERS)),
        [i.previous and i.previous.year for i in (first, *others)],
    )


def test_ods_errors_count_title_and_blank_rows(tmp_path: Path) -> None:
    """Every bad cell is listed in one error, its row counting title and blank rows."""
    bad_date = ["", "Barnet", "London", "13/05/2019", "1 July 2019", "ILACS Short Inspection"]
    bad_kind = ["", dt.date(2019, 5, 13), "London", dt.date(2019, 5, 13), dt.date(2019, 7, 1)]
    bad_kind += ["Inspection", "Very good"]
    rows = [TITLE_SPANNED, HEADER.split(","), BLANK_ROWS, bad_date, bad_kind]
    path = write_ods(tmp_path / "bad.ods", {"ILACS_inspection_history": rows})
    kind = "'Inspection' is not an inspection type; expected one of 'ILACS Standard Inspection', "
    kind += "'ILACS Short Inspection', 'ILACS Focused Visit', 'LA Monitoring visit'"
    grade = "'Very good' is not a grade; expected one of 'Outstanding', 'Good', "
    grade += "'Requires improvement to be good', 'Inadequate'"
    expected = (
        (
            "row 1003, column 'Publication date'",
            "'1 July 2019' is not a date; expected YYYY-MM-DD or DD/MM/YYYY",
        ),
        ("row 1004, column 'Local authority name'", "is the date 2019-05-13, not text"),
        ("row 1004, column 'Inspection type'", kind),
        ("row 1004, column 'Overall effectiveness'", grade),
    )
    assert expected == problems_of(path)


def test_ods_wide_group_missing_a_column(tmp_path: Path) -> None:
    """Each group of a wide header is checked: a missing column is named with its group."""
    header = ["Local authority name", "First ILACS publication date", "First ILACS inspection type"]
    header += ["First ILACS overall effectiveness", "Second ILACS publication date"]
    path = write_ods(tmp_path / "wide.ods", {"ILACS_inspections": [header]})
    leaders = "'The impact of leaders on social work practice with children and families'"
    help_ = "'The experiences and progress of children who need help and protection'"
    care = "'The experiences and progress of children in care'"
    missing = {
        "First ILACS": [leaders, help_, care],
        "Second ILACS": ["'Inspection type'", "'Overall effectiveness'", leaders, help_, care],
    }
    expected = tuple(
        ("row 1", f"has no column {title} among the {group!r} columns")
        for group, titles in missing.items()
        for title in titles
    )
    assert expected == problems_of(path)


def test_ods_wide_layout_reads_every_group_and_table(tmp_path: Path) -> None:
    """A wide sheet gives one inspection a filled group, across both tables; empty groups skip."""
    titles = ["publication date", "inspection type", "overall effectiveness", "impact of leaders"]
    titles += [
        "experiences and progress of children who need help and protection",
        "experiences and progress of children in care",
        "experiences and progress of care leavers",
    ]
    header = ["Web link", "Local authority name", "LA region"]
    for group in ("First ILACS", "Second ILACS", "Third ILACS"):
        header += [f"{group} {title}" for title in titles]
    first = [
        dt.date(2019, 4, 1),
        "ILACS Standard Inspection",
        "Inadequate",
        *["Inadequate"] * 3,
        "",
    ]
    second = [dt.date(2023, 9, 4), "ILACS Standard Inspection", *["Good"] * 5]
    third = [dt.date(2025, 3, 4), "ILACS Short Inspection", *["Outstanding"] * 5]
    former = [*header[:3], "ILACS framework publication date", "ILACS framework inspection type"]
    former += ["ILACS framework overall effectiveness", "ILACS framework impact of leaders"]
    former += [f"ILACS framework {title}" for title in titles[4:5]]
    former += ["ILACS framework experiences and progress of children in care and care leavers"]
    bournemouth = [dt.date(2018, 8, 24), "ILACS Standard Inspection", "Requires improvement"]
    bournemouth += ["Inadequate", "Requires improvement", "Requires improvement"]
    rows: list[Sequence[object]] = [["ILACS inspections"], ["Two tables"], ["Links"], header]
    rows.append(["Link", "Barnet", "London", *first, *second, *third])
    rows.append(["Link", "Westmorland and Furness", "North West"])
    rows.append(["Link", "Bexley", "London", *[""] * 7, *second])
    rows += [["Councils that no longer exist"], former]
    rows.append(["Link", "Bournemouth", "South West", *bournemouth])
    path = write_ods(tmp_path / "wide.ods", {"ILACS_inspections_2018-2024": rows})
    found = read_outcomes(path)
    summary = [(i.authority.name, i.published, i.framework, i.overall) for i in found]
    expected = [
        ("Barnet", dt.date(2019, 4, 1), Framework.ILACS_2018, INADEQUATE),
        ("Barnet", dt.date(2023, 9, 4), Framework.ILACS_2023, GOOD),
        ("Barnet", dt.date(2025, 3, 4), Framework.ILACS_2023, Grade.OUTSTANDING),
        ("Bexley", dt.date(2023, 9, 4), Framework.ILACS_2023, GOOD),
        ("Bournemouth", dt.date(2018, 8, 24), Framework.ILACS_2018, RI),
    ]
    assert expected == summary
    years = [None, 2019, 2023, None, None]
    assert years == [i.previous and i.previous.year for i in found]
    assert all(errors_of(inspection) == () for inspection in found)
