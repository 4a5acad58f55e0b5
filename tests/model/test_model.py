"""The domain model: grades, areas, eras, kinds of inspection, and the checks of values."""

import datetime as dt
from typing import Any

import attrs
import pytest

from inspection_letters import (
    OFFICES,
    Finding,
    Framework,
    Grade,
    Inspection,
    InspectionType,
    InvalidValueError,
    Judgement,
    JudgementArea,
    LetterDetails,
    LocalAuthority,
    Office,
    PreviousOutcome,
    Quotation,
    Recipient,
    Signatory,
    UnknownNameError,
    office,
)

LEADERS = "The impact of leaders on social work practice with children and families"
HELP = "The experiences and progress of children who need help and protection"
IN_CARE_AND_LEAVERS = "The experiences and progress of children in care and care leavers"
IN_CARE = "The experiences and progress of children in care"
LEAVERS = "The experiences and progress of care leavers"
OVERALL = "Overall effectiveness"
LABELS = "'Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate'"


def harrow(**changes: Any) -> Inspection:
    return Inspection(
        authority=LocalAuthority(name="Harrow"), type=InspectionType.STANDARD, **changes
    )


def test_grades_compare_by_merit() -> None:
    """Better grades compare greater, so max and sorted read naturally."""
    assert Grade.GOOD > Grade.INADEQUATE
    assert Grade.OUTSTANDING >= Grade.GOOD
    assert Grade.REQUIRES_IMPROVEMENT < Grade.GOOD
    assert Grade.INADEQUATE <= Grade.INADEQUATE
    assert Grade.OUTSTANDING == max(Grade)
    assert list(reversed(Grade)) == sorted(Grade)
    assert [4, 3, 2, 1] == [g.rank for g in Grade]


@pytest.mark.parametrize("other", [3, "Good", None])
def test_grades_do_not_compare_with_other_values(other: object) -> None:
    """Comparing a grade with anything but a grade raises TypeError."""
    with pytest.raises(TypeError):
        assert Grade.GOOD < other
    assert Grade.GOOD != other


def test_grade_words() -> None:
    """Grades have their exact label, their prose and their short prose."""
    ri = Grade.REQUIRES_IMPROVEMENT
    assert ("Requires improvement to be good", "requires improvement to be good") == (
        ri.label,
        ri.prose,
    )
    assert "requires improvement" == ri.short_prose
    assert "inadequate" == Grade.INADEQUATE.short_prose


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Good", Grade.GOOD),
        ("OUTSTANDING", Grade.OUTSTANDING),
        ("Requires improvement", Grade.REQUIRES_IMPROVEMENT),
        (" requires\timprovement  to be good ", Grade.REQUIRES_IMPROVEMENT),
        ("inadequate", Grade.INADEQUATE),
    ],
)
def test_grade_parse(text: str, grade: Grade) -> None:
    """Exact labels in any case and spacing, and the legacy label, are read."""
    assert grade is Grade.parse(text)


@pytest.mark.parametrize("text", ["Very good", "RI", "", 3, None])
def test_grade_parse_refuses_other_values(text: Any) -> None:
    """Anything else is an UnknownNameError, a LookupError listing the labels."""
    with pytest.raises(UnknownNameError) as caught:
        Grade.parse(text)
    assert isinstance(caught.value, LookupError)
    assert f"{text!r} is not a grade; expected one of {LABELS}" == str(caught.value)


@pytest.mark.parametrize(
    ("era", "titles"),
    [
        (Framework.ILACS_2018, [LEADERS, HELP, IN_CARE_AND_LEAVERS, OVERALL]),
        (Framework.ILACS_2023, [LEADERS, HELP, IN_CARE, LEAVERS, OVERALL]),
        (Framework.ILACS_2026, [LEADERS, HELP, IN_CARE, LEAVERS]),
    ],
)
def test_titles_of_each_era(era: Framework, titles: list[str]) -> None:
    """Each era's judgements have the reference's exact titles, in the grade table's order."""
    assert titles == [area.title for area in era.areas]
    assert (JudgementArea.OVERALL_EFFECTIVENESS in era.areas) is era.has_overall_effectiveness


def test_leaders_first_and_overall_last() -> None:
    """The impact of leaders comes first and overall effectiveness, where judged, last."""
    for era in Framework:
        assert JudgementArea.LEADERS is era.areas[0]
        assert JudgementArea.OVERALL_EFFECTIVENESS not in era.areas[:-1]
    assert [True, True, False] == [era.has_overall_effectiveness for era in Framework]


def test_eras_start_dates() -> None:
    """The eras start on 1 January 2018, 1 January 2023 and 1 April 2026."""
    starts = [dt.date(2018, 1, 1), dt.date(2023, 1, 1), dt.date(2026, 4, 1)]
    assert starts == [era.starts for era in Framework]


@pytest.mark.parametrize("text", ["care_leavers", LEAVERS, LEAVERS.upper(), "  Care_Leavers "])
def test_area_parse(text: str) -> None:
    """An area is read from its stable word or its exact title, in any case."""
    assert JudgementArea.CARE_LEAVERS is JudgementArea.parse(text)


def test_unknown_names_are_lookup_errors() -> None:
    """Unknown areas, eras, kinds and offices raise UnknownNameError listing valid names."""
    with pytest.raises(UnknownNameError, match="'quality' is not a judgement area; expected"):
        JudgementArea.parse("quality")
    with pytest.raises(UnknownNameError, match="'ilacs-2013' is not a framework; expected one"):
        Framework.parse("ilacs-2013")
    with pytest.raises(UnknownNameError, match="'visit' is not an inspection type; expected"):
        InspectionType.parse("visit")
    with pytest.raises(LookupError, match="'leeds' is not an office; expected one of 'london'"):
        office("leeds")


def test_graded_kinds() -> None:
    """Only standard and short inspections are graded."""
    graded = {kind for kind in InspectionType if kind.graded}
    assert {InspectionType.STANDARD, InspectionType.SHORT} == graded
    assert "joint targeted area inspection" == InspectionType.JOINT_TARGETED_AREA_INSPECTION.label
    assert InspectionType.FOCUSED_VISIT is InspectionType.parse("Focused-Visit")


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: LocalAuthority(name="   "), "name: '   ' is blank"),
        (lambda: Finding(text="a\x07b"), "text: contains the control character '\\x07'"),
        (lambda: Quotation(text="\r\n"), "text: '\\r\\n' is blank"),
        (lambda: Quotation(text="a\rb"), "text: contains the control character '\\r'"),
        (lambda: LocalAuthority(name="X", code="E1000013"), "code: 'E1000013' is not an ONS"),
        (lambda: harrow(team_size=0), "team_size: 0 is less than 1"),
        (lambda: harrow(team_size=True), "team_size: True is not a whole number"),
        (lambda: PreviousOutcome(year=1989), "year: 1989 is not a year from 1990 to 2100"),
        (lambda: Recipient(given_name="C", address="Shire Hall"), "address: 'Shire Hall' is not"),
        (lambda: Recipient(given_name="C", address=["Shire Hall", ""]), "address: line 1: '' is"),
        (lambda: Signatory(name="Y", role="R", email="y at ofsted"), "email: 'y at ofsted' is not"),
        (lambda: harrow(start=dt.datetime(2024, 1, 1)), "start: datetime.datetime(2024, 1, 1"),
        (lambda: LetterDetails(audience="director", quotation=-1), "quotation: -1 is negative"),
        (lambda: LetterDetails(audience="director", wording={"a": " "}), "' ' is blank"),
    ],
)
def test_values_are_checked_when_built(build: Any, message: str) -> None:
    """Bad values raise InvalidValueError naming the field, when built in Python."""
    with pytest.raises(InvalidValueError) as caught:
        build()
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    "build",
    [
        lambda: harrow(authority="Harrow"),
        lambda: Judgement(area="leaders", grade=Grade.GOOD),  # type: ignore[arg-type]
        lambda: Judgement(area=JudgementArea.LEADERS, grade="Good"),  # type: ignore[arg-type]
        lambda: harrow(judgements="leaders"),
        lambda: harrow(judgements=[Finding(text="Good")]),
        lambda: harrow(framework="ilacs-2023"),
    ],
)
def test_values_of_the_wrong_type_are_type_errors(build: Any) -> None:
    """A value of the wrong type is a TypeError, as attrs raises it."""
    with pytest.raises(TypeError):
        build()


def test_repeated_letter_audiences_are_refused() -> None:
    """Two sets of details for the same audience are refused."""
    details = LetterDetails(audience="children")
    with pytest.raises(InvalidValueError, match="the details of 'children' are given twice"):
        harrow(letters=(details, details))


def test_lists_are_copied_into_tuples() -> None:
    """Lists given for tuples are copied, so the value stays immutable."""
    judgements = [Judgement(area=JudgementArea.LEADERS, grade=Grade.GOOD)]
    inspection = harrow(judgements=judgements)
    judgements.clear()
    assert (Judgement(area=JudgementArea.LEADERS, grade=Grade.GOOD),) == inspection.judgements


@pytest.mark.parametrize(
    ("key", "address"),
    [
        # The letterhead of the seed letter 000 (the National Director's letter).
        ("london", ("Clive House", "70 Petty France", "London", "SW1H 9EX")),
        # The letterhead of the seed letter 001 (the letter to children and young people).
        ("bristol", ("2 Rivergate", "Temple Quay", "Bristol", "BS1 6EH")),
    ],
)
def test_offices_match_the_seed_letters(key: str, address: tuple[str, ...]) -> None:
    """The shipped offices print the seed letters' addresses and contact lines."""
    expected = Office(
        key=key,
        address=address,
        telephone="0300 123 1231",
        textphone="0161 618 8524",
        email="enquiries@ofsted.gov.uk",
        website="www.gov.uk/ofsted",
    )
    assert expected == OFFICES[key]
    assert OFFICES[key] is office(key)


def test_people_words() -> None:
    """A recipient's full name and a signatory's closing role read as the letters print them."""
    assert (
        "Mr Chris Spencer"
        == Recipient(courtesy_title="Mr", given_name="Chris", family_name="Spencer").full_name
    )
    assert "Chris" == Recipient(given_name="Chris").full_name
    role = "National Director, Regulation and Social Care"
    assert role == Signatory(name="Yvette Stanley", role=role).closing_role
    signatory = Signatory(name="Y", role=role, sign_off_role="National Director")
    assert "National Director" == signatory.closing_role


def test_grades_of_an_inspection_and_a_previous_outcome() -> None:
    """``grade_of`` finds a judgement's grade; a previous overall grade is found as overall."""
    judgement = Judgement(area=JudgementArea.OVERALL_EFFECTIVENESS, grade=Grade.GOOD)
    assert Grade.GOOD is harrow(judgements=(judgement,)).overall
    assert harrow().overall is None
    previous = PreviousOutcome(year=2017, overall=Grade.INADEQUATE)
    assert Grade.INADEQUATE is previous.grade_of(JudgementArea.OVERALL_EFFECTIVENESS)
    assert previous.grade_of(JudgementArea.LEADERS) is None


def test_letter_details_and_wording() -> None:
    """Details not given are empty, and wording falls back on the default."""
    assert LetterDetails(audience="children") == harrow().letter_details("children")
    details = LetterDetails(audience="director", wording={"achievement": "hard-won"})
    assert (("achievement", "hard-won"),) == details.wording
    assert "hard-won" == details.phrase("achievement", "significant")
    assert "despite" == details.phrase("quotation_lead_in", "despite")


@pytest.mark.parametrize(
    ("value", "field", "new"),
    [
        (LocalAuthority(name="Harrow"), "name", "Barnet"),
        (Judgement(area=JudgementArea.LEADERS, grade=Grade.GOOD), "grade", Grade.INADEQUATE),
        (OFFICES["london"], "address", ()),
    ],
)
def test_values_are_frozen(value: object, field: str, new: object) -> None:
    """Assigning to a field of a value raises attrs' FrozenInstanceError."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, field, new)


def test_inspection_is_frozen() -> None:
    """Assigning to an inspection's field raises attrs' FrozenInstanceError."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        harrow().start = dt.date(2025, 1, 20)  # type: ignore[misc]


def test_ons_codes_have_ascii_digits() -> None:
    """An ONS code with Arabic-Indic digits is refused."""
    with pytest.raises(InvalidValueError):
        LocalAuthority(
            name="Gloucestershire", code="E\u0661\u0660\u0660\u0660\u0660\u0660\u0661\u0663"
        )


def test_inspection_type_labels() -> None:
    """Each kind is named as a letter names it, as the docstring of ``label`` shows."""
    labels = [kind.label for kind in InspectionType]
    expected = [
        "standard inspection",
        "short inspection",
        "focused visit",
        "monitoring visit",
        "joint targeted area inspection",
    ]
    assert expected == labels
