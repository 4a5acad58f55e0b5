"""The framework's rules on real outcomes, the eras' boundaries, ``validate`` and ``check``."""

import datetime as dt

import pytest

from inspection_letters import (
    RULES,
    Framework,
    Grade,
    Inspection,
    InspectionType,
    InvalidInspectionError,
    InvalidValueError,
    Judgement,
    JudgementArea,
    LocalAuthority,
    PreviousOutcome,
    Severity,
    check,
    read_outcomes,
    validate,
)
from inspection_letters._model.rules import PRECHECKED, surely_clean
from tests.helpers import ROOT

HISTORY = ROOT.parent / "shared" / "data" / "ofsted" / "ilacs-inspection-history-2018-2025.csv"
_ERROR = Severity.ERROR

A = JudgementArea
OUTSTANDING, GOOD = Grade.OUTSTANDING, Grade.GOOD
RI, INADEQUATE = Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE


def graded(
    name: str,
    start: dt.date,
    *grades: Grade,
    kind: InspectionType = InspectionType.STANDARD,
    previous: PreviousOutcome | None = None,
) -> Inspection:
    """A graded inspection with ``grades`` for its era's judgements, in the era's order."""
    areas = Framework.for_date(start).areas
    return Inspection(
        authority=LocalAuthority(name=name),
        type=kind,
        start=start,
        judgements=tuple(Judgement(area=a, grade=g) for a, g in zip(areas, grades, strict=True)),
        previous=previous,
    )


def codes(inspection: Inspection) -> list[str]:
    return [problem.code for problem in validate(inspection)]


def harrow(overall: Grade) -> Inspection:
    return graded("Harrow", dt.date(2025, 1, 20), RI, GOOD, GOOD, INADEQUATE, overall)


def trafford() -> Inspection:
    return graded("Trafford", dt.date(2026, 4, 20), INADEQUATE, INADEQUATE, GOOD, RI)


def bournemouth() -> Inspection:
    return graded("Bournemouth", dt.date(2018, 5, 14), INADEQUATE, RI, RI, RI)


def test_harrow_2025_is_valid() -> None:
    """Harrow 2025: care leavers Inadequate and overall Inadequate breaks no rule."""
    assert [] == codes(harrow(INADEQUATE))


def test_harrow_2025_with_overall_requires_improvement_is_limited() -> None:
    """Harrow 2025 with overall Requires improvement breaks the limiting rule only."""
    problems = validate(harrow(RI))
    assert ["overall-limited"] == [p.code for p in problems]
    assert Severity.ERROR is problems[0].severity
    assert "judgements" == problems[0].path


def test_trafford_2026_has_no_overall_and_is_valid() -> None:
    """Trafford 2026: four judgements and no overall effectiveness break no rule."""
    assert Framework.ILACS_2026 is trafford().era
    assert [] == codes(trafford())


def test_trafford_2026_with_an_overall_grade_is_foreign() -> None:
    """An overall effectiveness judgement in an inspection from April 2026 is foreign."""
    overall = Judgement(area=A.OVERALL_EFFECTIVENESS, grade=INADEQUATE)
    inspection = trafford()
    inspection = Inspection(
        authority=inspection.authority,
        type=inspection.type,
        start=inspection.start,
        judgements=(*inspection.judgements, overall),
    )
    problems = validate(inspection)
    assert ["judgement-foreign"] == [p.code for p in problems]
    assert "judgements[4]" == problems[0].path


def test_bournemouth_2018_gets_only_the_leaders_advisory() -> None:
    """Bournemouth 2018: leaders Inadequate, overall Requires improvement is only advisory."""
    inspection = bournemouth()
    problems = validate(inspection)
    assert ["leaders-inadequate-overall-not"] == [p.code for p in problems]
    assert Severity.ADVISORY is problems[0].severity
    assert inspection is check(inspection)


def test_short_inspection_after_a_weak_outcome_is_advisory() -> None:
    """A short inspection after an overall grade of Requires improvement is advisory."""
    previous = PreviousOutcome(year=2019, overall=RI)
    kind = InspectionType.SHORT
    inspection = graded("Barnet", dt.date(2023, 3, 6), GOOD, GOOD, GOOD, GOOD, GOOD, kind=kind)
    assert [] == codes(inspection)
    weak = graded("Barnet", dt.date(2023, 3, 6), *[GOOD] * 5, kind=kind, previous=previous)
    problems = validate(weak)
    assert ["short-after-weak-outcome"] == [p.code for p in problems]
    assert Severity.ADVISORY is problems[0].severity


def test_short_inspection_after_a_good_outcome_is_usual() -> None:
    """A short inspection after an overall grade of Good raises nothing."""
    previous = PreviousOutcome(year=2019, overall=GOOD)
    kind = InspectionType.SHORT
    inspection = graded("Barnet", dt.date(2023, 3, 6), *[GOOD] * 5, kind=kind, previous=previous)
    assert [] == codes(inspection)


def test_focused_visit_with_a_theme_is_valid() -> None:
    """A focused visit with a theme and no judgements breaks no rule."""
    visit = Inspection(
        authority=LocalAuthority(name="Barnsley"),
        type=InspectionType.FOCUSED_VISIT,
        start=dt.date(2024, 11, 5),
        end=dt.date(2024, 11, 6),
        theme="Front door",
    )
    assert [] == codes(visit)


def test_focused_visit_without_dates_or_framework_is_valid() -> None:
    """A visit needs no era, so it may have neither dates nor a framework."""
    visit = Inspection(authority=LocalAuthority(name="Barnsley"), type=InspectionType.FOCUSED_VISIT)
    assert [] == codes(visit)


@pytest.mark.parametrize(
    ("start", "end", "published", "path"),
    [
        (dt.date(2024, 3, 8), dt.date(2024, 3, 4), None, "end"),
        (dt.date(2024, 3, 4), dt.date(2024, 3, 15), dt.date(2024, 3, 14), "published"),
        (dt.date(2024, 3, 4), None, dt.date(2024, 3, 1), "published"),
    ],
)
def test_dates_out_of_order(
    start: dt.date, end: dt.date | None, published: dt.date | None, path: str
) -> None:
    """Fieldwork that ends before it starts, or a report published before it, is an error."""
    visit = Inspection(
        authority=LocalAuthority(name="Barnsley"),
        type=InspectionType.MONITORING_VISIT,
        start=start,
        end=end,
        published=published,
    )
    problems = validate(visit)
    assert [("dates-out-of-order", path)] == [(p.code, p.path) for p in problems]


@pytest.mark.parametrize(
    ("start", "era"),
    [
        (dt.date(2018, 1, 1), Framework.ILACS_2018),
        (dt.date(2022, 12, 31), Framework.ILACS_2018),
        (dt.date(2023, 1, 1), Framework.ILACS_2023),
        (dt.date(2026, 3, 31), Framework.ILACS_2023),
        (dt.date(2026, 4, 1), Framework.ILACS_2026),
        (dt.date(2030, 12, 31), Framework.ILACS_2026),
    ],
)
def test_era_boundaries(start: dt.date, era: Framework) -> None:
    """The era is the one in force on the first day of fieldwork."""
    assert era is Framework.for_date(start)
    assert (
        era
        is Inspection(
            authority=LocalAuthority(name="X"), type=InspectionType.STANDARD, start=start
        ).era
    )


def test_date_before_ilacs_has_no_era() -> None:
    """A date before 2018 has no era: ``for_date`` raises and a graded inspection is refused."""
    with pytest.raises(InvalidValueError, match="'2017-12-31' is before ILACS began on 2018-01-01"):
        Framework.for_date(dt.date(2017, 12, 31))
    inspection = Inspection(
        authority=LocalAuthority(name="X"),
        type=InspectionType.STANDARD,
        start=dt.date(2017, 12, 31),
    )
    assert inspection.era is None
    assert ["era-unknown"] == codes(inspection)


def test_graded_without_start_or_framework_is_era_unknown() -> None:
    """A graded inspection with neither a start date nor a framework cannot be placed."""
    inspection = Inspection(authority=LocalAuthority(name="X"), type=InspectionType.SHORT)
    assert ["era-unknown"] == codes(inspection)


def test_framework_given_without_start_places_the_inspection() -> None:
    """An explicit framework stands for the start date, as for Ofsted's 2024 spreadsheet."""
    judgements = harrow(INADEQUATE).judgements
    inspection = Inspection(
        authority=LocalAuthority(name="Harrow"),
        type=InspectionType.STANDARD,
        framework=Framework.ILACS_2023,
        judgements=judgements,
    )
    assert [] == codes(inspection)


def test_framework_differing_from_the_start_date_is_advisory() -> None:
    """A framework that is not the era of the start date is flagged, not refused."""
    inspection = Inspection(
        authority=LocalAuthority(name="Harrow"),
        type=InspectionType.STANDARD,
        start=dt.date(2022, 12, 5),
        framework=Framework.ILACS_2023,
        judgements=harrow(INADEQUATE).judgements,
    )
    assert ["framework-differs-from-date"] == codes(inspection)


def test_check_raises_one_error_listing_every_error() -> None:
    """``check`` raises one InvalidInspectionError with every error-level problem."""
    judgements = (
        Judgement(area=A.LEADERS, grade=INADEQUATE),
        Judgement(area=A.LEADERS, grade=GOOD),
        Judgement(area=A.CARE_LEAVERS, grade=GOOD),
        Judgement(area=A.OVERALL_EFFECTIVENESS, grade=OUTSTANDING),
    )
    inspection = Inspection(
        authority=LocalAuthority(name="Slough"),
        type=InspectionType.STANDARD,
        start=dt.date(2021, 6, 7),
        end=dt.date(2021, 6, 1),
        judgements=judgements,
    )
    expected = [p for p in validate(inspection) if p.severity is Severity.ERROR]
    with pytest.raises(InvalidInspectionError) as caught:
        check(inspection)
    found = {rule.code for rule in RULES if f"[{rule.code}]" in str(caught.value)}
    assert {p.code for p in expected} == found
    assert {
        "judgement-missing",
        "judgement-repeated",
        "judgement-foreign",
        "overall-out-of-range",
        "dates-out-of-order",
    } == found
    assert [(p.path, f"{p.message} [{p.code}]") for p in expected] == list(caught.value.problems)
    assert isinstance(caught.value, ValueError)


def test_validate_lists_errors_before_advisories() -> None:
    """Errors come first in what ``validate`` returns, then advisories."""
    inspection = Inspection(
        authority=LocalAuthority(name="Bournemouth"),
        type=InspectionType.SHORT,
        start=dt.date(2018, 5, 14),
        end=dt.date(2018, 5, 1),
        judgements=bournemouth().judgements,
        previous=PreviousOutcome(year=2014, overall=INADEQUATE),
    )
    severities = [p.severity for p in validate(inspection)]
    assert [Severity.ERROR, Severity.ADVISORY, Severity.ADVISORY] == severities


def test_every_rule_has_a_unique_code_and_evidence() -> None:
    """Rule codes are unique, and every rule says what it says and why."""
    assert len(RULES) == len({rule.code for rule in RULES})
    assert all(rule.summary and rule.evidence for rule in RULES)


@pytest.mark.skipif(not HISTORY.exists(), reason=f"Ofsted's outcomes are not at {HISTORY}")
def test_the_quick_pre_check_agrees_with_the_rules_on_published_outcomes() -> None:
    """Each published inspection passes the pre-check exactly when it breaks no error rule."""
    disagreeing = [
        i.authority.name
        for i in read_outcomes(HISTORY)
        if surely_clean(i) != (() == tuple(p for p in validate(i) if p.severity is _ERROR))
    ]
    assert [] == disagreeing


def test_the_quick_pre_check_stands_in_for_every_error_rule() -> None:
    """Every error-level rule is one the pre-check covers, so that check() can use it."""
    codes = {rule.code for rule in RULES if rule.severity is Severity.ERROR}
    assert set() == codes - PRECHECKED
