"""The director's letter: when it is due, what it congratulates, and why it is not sent."""

import attrs
import pytest

from inspection_letters import (
    Change,
    Framework,
    Grade,
    Inspection,
    InspectionType,
    Judgement,
    JudgementArea,
    LetterNotDueError,
    PreviousOutcome,
    director_outcome,
    render_letter,
)
from tests.helpers import every, example, graded, ungraded

E18, E23, E26 = Framework.ILACS_2018, Framework.ILACS_2023, Framework.ILACS_2026
OUTSTANDING, GOOD = Grade.OUTSTANDING, Grade.GOOD
RI, INADEQUATE = Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE
LEADERS = JudgementArea.LEADERS


def before(overall: Grade | None = None, **grades: Grade) -> PreviousOutcome:
    """A previous outcome: an overall grade and judgements named by their stable words."""
    judgements = tuple(Judgement(area=JudgementArea(a), grade=g) for a, g in grades.items())
    # 2017: before every era's inspections (a previous outcome is from before the inspection).
    return PreviousOutcome(year=2017, overall=overall, judgements=judgements)


def first_paragraph(inspection: Inspection) -> str:
    """The director's first paragraph, found by its opening words."""
    text = str(render_letter(inspection, audience="director"))
    (found,) = [p for p in text.split("\n\n") if p.startswith("I am writing")]
    return found


def test_seed_moves_out_of_inadequate() -> None:
    """The seed: overall inadequate before, requires improvement now."""
    outcome = director_outcome(example())
    assert Change.LEFT_INADEQUATE == outcome.change
    assert (INADEQUATE, RI) == (outcome.before, outcome.after)
    assert not outcome.by_judgements
    expected = (
        "which saw Gloucestershire move out of the inadequate rating "
        "to an overall effectiveness of requires improvement."
    )
    assert first_paragraph(example()).endswith(expected)


def test_inadequate_to_good_moves_out_of_inadequate() -> None:
    """Leaving inadequate for good is congratulated as leaving inadequate."""
    inspection = graded(E18, every(E18, GOOD), previous=before(INADEQUATE))
    assert Change.LEFT_INADEQUATE == director_outcome(inspection).change
    assert "move out of the inadequate rating to an overall effectiveness of good." in (
        first_paragraph(inspection)
    )


@pytest.mark.parametrize(("was", "now"), [(RI, GOOD), (RI, OUTSTANDING), (GOOD, OUTSTANDING)])
def test_improving_to_good_or_outstanding(was: Grade, now: Grade) -> None:
    """Improving overall to good or outstanding is congratulated as improving."""
    inspection = graded(E23, every(E23, now), previous=before(was))
    outcome = director_outcome(inspection)
    assert Change.IMPROVED == outcome.change
    assert (was, now) == (outcome.before, outcome.after)
    expected = f"which saw Gloucestershire improve to an overall effectiveness of {now.prose}."
    assert first_paragraph(inspection).endswith(expected)


def test_holding_good_with_leaders_newly_outstanding() -> None:
    """Wolverhampton: good held, with the impact of leaders now outstanding."""
    grades = every(E18, GOOD) | {LEADERS: OUTSTANDING}
    inspection = graded(E18, grades, previous=before(GOOD, leaders=GOOD))
    outcome = director_outcome(inspection)
    assert Change.HELD_WITH_OUTSTANDING == outcome.change
    assert (LEADERS,) == outcome.newly_outstanding
    expected = "hold their judgement of good with the impact of leaders found to be outstanding"
    assert expected in first_paragraph(inspection)


def test_newly_outstanding_judgements_in_the_frameworks_order() -> None:
    """Several judgements newly outstanding are named in the framework's order."""
    grades = every(E23, GOOD) | {LEADERS: OUTSTANDING, JudgementArea.CARE_LEAVERS: OUTSTANDING}
    inspection = graded(E23, grades, previous=before(GOOD, leaders=GOOD, care_leavers=GOOD))
    reversed_order = attrs.evolve(inspection, judgements=inspection.judgements[::-1])
    outcome = director_outcome(reversed_order)
    assert (LEADERS, JudgementArea.CARE_LEAVERS) == outcome.newly_outstanding
    expected = (
        "hold their judgement of good with the impact of leaders and the experiences "
        "and progress of care leavers found to be outstanding"
    )
    assert expected in first_paragraph(reversed_order)


def test_newly_outstanding_across_the_2023_change() -> None:
    """Children in care, judged apart from 2023, compare with the earlier joint judgement."""
    grades = every(E23, GOOD) | {JudgementArea.CHILDREN_IN_CARE: OUTSTANDING}
    previous = before(GOOD, children_in_care_and_care_leavers=GOOD)
    outcome = director_outcome(graded(E23, grades, previous=previous))
    assert (JudgementArea.CHILDREN_IN_CARE,) == outcome.newly_outstanding


def test_outstanding_before_is_not_newly_outstanding() -> None:
    """A judgement outstanding both times is not new, so good held is not congratulated."""
    grades = every(E18, GOOD) | {LEADERS: OUTSTANDING}
    inspection = graded(E18, grades, previous=before(GOOD, leaders=OUTSTANDING))
    with pytest.raises(LetterNotDueError, match="held at good with no judgement newly"):
        director_outcome(inspection)


def test_2026_moves_out_of_inadequate_by_the_judgements() -> None:
    """From 2026, with no overall grade, the lowest judgement shows the council left inadequate."""
    grades = every(E26, GOOD) | {LEADERS: RI}
    inspection = graded(E26, grades, previous=before(INADEQUATE))
    outcome = director_outcome(inspection)
    assert Change.LEFT_INADEQUATE == outcome.change
    assert outcome.by_judgements
    assert (INADEQUATE, RI) == (outcome.before, outcome.after)
    expected = (
        "move out of the inadequate rating, with every judgement now requires improvement or better"
    )
    assert expected in first_paragraph(inspection)


def test_2026_improves_by_the_judgements() -> None:
    """From 2026, every judgement good or better after a lowest of requires improvement."""
    previous = before(RI, leaders=RI, help_and_protection=GOOD, children_in_care=GOOD)
    inspection = graded(E26, every(E26, GOOD), previous=previous)
    outcome = director_outcome(inspection)
    assert Change.IMPROVED == outcome.change
    assert "improve to good or better in every judgement." in first_paragraph(inspection)


def test_2026_holds_with_a_judgement_newly_outstanding() -> None:
    """From 2026, good held in every judgement with leaders newly outstanding."""
    previous = before(GOOD, leaders=GOOD, help_and_protection=GOOD)
    grades = every(E26, GOOD) | {LEADERS: OUTSTANDING}
    inspection = graded(E26, grades, previous=previous)
    expected = (
        "hold good or better in every judgement with the impact of leaders found to be outstanding"
    )
    assert expected in first_paragraph(inspection)


def test_2026_compares_previous_judgements_not_its_overall() -> None:
    """From 2026 the previous standing is its lowest judgement, even beside an overall grade."""
    previous = before(GOOD, leaders=RI, help_and_protection=GOOD)
    outcome = director_outcome(graded(E26, every(E26, GOOD), previous=previous))
    assert (RI, GOOD) == (outcome.before, outcome.after)
    assert Change.IMPROVED == outcome.change


def test_previous_judgements_stand_in_for_a_missing_overall() -> None:
    """A previous outcome given as judgements only is measured by its overall judgement."""
    previous = before(overall_effectiveness=INADEQUATE, leaders=INADEQUATE)
    outcome = director_outcome(graded(E18, every(E18, RI), previous=previous))
    assert Change.LEFT_INADEQUATE == outcome.change


@pytest.mark.parametrize(
    ("inspection", "reason"),
    [
        pytest.param(
            graded(E18, every(E18, RI), previous=before(GOOD)),
            "overall effectiveness declined from good to requires improvement to be good",
            id="declined",
        ),
        pytest.param(
            graded(E18, every(E18, RI), previous=before(RI)),
            "overall effectiveness stayed requires improvement to be good",
            id="stayed-requires-improvement",
        ),
        pytest.param(
            graded(E18, every(E18, INADEQUATE), previous=before(INADEQUATE)),
            "overall effectiveness stayed inadequate",
            id="still-inadequate",
        ),
        pytest.param(
            graded(E23, every(E23, GOOD), previous=before(GOOD)),
            "overall effectiveness held at good with no judgement newly outstanding",
            id="held-good",
        ),
        pytest.param(
            graded(E26, every(E26, RI), previous=before(GOOD)),
            "the lowest judgement declined from good to requires improvement to be good",
            id="declined-2026",
        ),
        pytest.param(
            graded(E18, every(E18, GOOD), previous=None),
            "the previous outcome is not known",
            id="previous-unknown",
        ),
        pytest.param(
            graded(E18, every(E18, GOOD), previous=PreviousOutcome(year=2017)),
            "the previous outcome has no grades",
            id="previous-without-grades",
        ),
        pytest.param(
            ungraded(InspectionType.MONITORING_VISIT),
            "a monitoring visit is not graded",
            id="ungraded-visit",
        ),
    ],
)
def test_no_letter_is_due(inspection: Inspection, reason: str) -> None:
    """Where no letter is due, render_letter says so, and why."""
    with pytest.raises(LetterNotDueError) as raised:
        render_letter(inspection, audience="director")
    assert isinstance(raised.value, ValueError)
    message = str(raised.value)
    assert message.startswith("director letter not due for 'Gloucestershire': ")
    assert reason in message


def test_no_letter_is_due_in_a_draft_either() -> None:
    """A draft does not make a letter due."""
    with pytest.raises(LetterNotDueError):
        render_letter(graded(E18, every(E18, RI), previous=before(RI)), "director", draft=True)


def test_no_grades_at_all_is_not_due() -> None:
    """A graded inspection drafted without grades says that, not that the past is unknown."""
    bare = attrs.evolve(example(), judgements=())
    with pytest.raises(LetterNotDueError, match="the inspection has no grades"):
        director_outcome(bare)
