"""When the National Director writes to a council, and what the letter says changed.

Ofsted's National Director, Regulation and Social Care writes to a Director of
Children's Services to congratulate them on an outcome: moving out of the
inadequate rating (the seed letter, Gloucestershire 2022; Dudley 2018),
improving to good or outstanding, or holding good or outstanding with a
judgement newly outstanding (Wolverhampton 2022). Where the outcome declined,
or stayed below good without leaving inadequate, no such letter is sent.

The question is asked of the overall effectiveness grade. From April 2026
there is none, so it is asked of the lowest of the judgements instead: that is
the grade overall effectiveness could not have been worse than.

This is the policy of the built-in ``director`` audience; register the audience
again with a function of your own to replace it.
"""

import operator
from enum import Enum, unique

from attrs import frozen

from .._errors import LetterNotDueError
from .._model.frameworks import CARE_AREAS, InspectionType, JudgementArea
from .._model.grades import RANK_BY_LABEL, Grade
from .._model.inspection import Inspection, PreviousOutcome
from .letter import unchecked


@unique
class Change(Enum):
    """What changed between the previous outcome and this one, when a letter is due."""

    LEFT_INADEQUATE = "left_inadequate"
    """The council moved out of the inadequate rating."""

    IMPROVED = "improved"
    """The council improved to good or outstanding."""

    HELD_WITH_OUTSTANDING = "held_with_outstanding"
    """The council held good or outstanding, with a judgement newly outstanding."""


@frozen(kw_only=True)
class DirectorOutcome:
    """Why the director's letter is due, for its template to put into words."""

    change: Change
    before: Grade
    """The previous standing: overall effectiveness, or the lowest judgement."""

    after: Grade
    """The new standing, measured the same way."""

    by_judgements: bool
    """Whether standing is measured by the lowest judgement (no overall grade, from 2026)."""

    newly_outstanding: tuple[JudgementArea, ...] = ()
    """Judgements outstanding now that were not before, in the framework's order."""


_ORDER = tuple(JudgementArea)
# Made from the policy's own values, of the right types: without attrs' checks.
_outcome = unchecked(DirectorOutcome)
_OVERALL = JudgementArea.OVERALL_EFFECTIVENESS
_OVERALL_AT = _ORDER.index(_OVERALL)
_OUTSTANDING = Grade.OUTSTANDING
# A grade's rank is looked up by its label. Grades define their order in Python, so
# comparing two (as `in`, `==` or `index` do) calls Python; so does hashing any enum
# member. A label is text, compared and hashed in C.
_LABEL = operator.attrgetter("_value_")
_GOOD = RANK_BY_LABEL[Grade.GOOD.value]
_GRADED = (InspectionType.STANDARD, InspectionType.SHORT)


def _rank(grade: Grade) -> int:
    return RANK_BY_LABEL[grade._value_]


def _previous_grade(previous: PreviousOutcome, area: JudgementArea) -> Grade | None:
    found = previous.grade_of(area)
    if found is None and area in CARE_AREAS:
        # Across the 2023 change: children in care and care leavers were judged together.
        return previous.grade_of(JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS)
    return found


def director_outcome(inspection: Inspection) -> DirectorOutcome:
    """What the director's letter congratulates, or :class:`LetterNotDueError` saying why not."""
    area = inspection.authority.name
    if inspection.type not in _GRADED:
        reason = f"a {inspection.type.label} is not graded, so there is no outcome to congratulate"
        raise LetterNotDueError(f"director letter not due for {area!r}: {reason}")
    previous = inspection.previous
    # Each area's grade (the last given, where one is given twice), in the framework's order.
    now: list[Grade | None] = [None] * len(_ORDER)
    for judgement in inspection.judgements:
        now[_ORDER.index(judgement.area)] = judgement.grade
    given = list(filter(None, now))  # the grades given (a member is true, None false), in C
    by_judgements = now[_OVERALL_AT] is None
    if not given:
        reason = "the inspection has no grades, so whether it improved cannot be told"
        raise LetterNotDueError(f"director letter not due for {area!r}: {reason}")
    after = min(given, key=_rank) if by_judgements else now[_OVERALL_AT]
    assert after is not None
    if previous is None:
        reason = "the previous outcome is not known, so whether it improved cannot be told"
        raise LetterNotDueError(f"director letter not due for {area!r}: {reason}")
    # The previous standing, measured as the new one is; the other measure where it is unknown.
    practice = (
        [j.grade for j in previous.judgements if j.area is not _OVERALL]
        if previous.judgements
        else []  # most previous outcomes give overall effectiveness alone
    )
    overall = previous.grade_of(_OVERALL)
    if by_judgements:
        before = min(practice, key=_rank, default=overall)
    else:
        before = overall or min(practice, key=_rank, default=None)
    if before is None:
        reason = "the previous outcome has no grades, so whether it improved cannot be told"
        raise LetterNotDueError(f"director letter not due for {area!r}: {reason}")
    newly: tuple[JudgementArea, ...] = ()
    if _OUTSTANDING.value in map(_LABEL, given):  # most outcomes have none
        newly = tuple(
            _ORDER[at]
            for at, grade in enumerate(now)
            if grade is _OUTSTANDING
            and at != _OVERALL_AT
            and (earlier := _previous_grade(previous, _ORDER[at])) is not None
            and earlier is not _OUTSTANDING
        )
    rank_before, rank_after = _rank(before), _rank(after)
    change = None
    if before is Grade.INADEQUATE and rank_after > rank_before:
        change = Change.LEFT_INADEQUATE
    elif rank_after > rank_before and rank_after >= _GOOD:
        change = Change.IMPROVED
    elif rank_after == rank_before and rank_after >= _GOOD and newly:
        change = Change.HELD_WITH_OUTSTANDING
    if change is not None:
        return _outcome(
            change=change,
            before=before,
            after=after,
            by_judgements=by_judgements,
            newly_outstanding=newly,
        )
    measure = "the lowest judgement" if by_judgements else "overall effectiveness"
    if rank_after < rank_before:
        reason = f"{measure} declined from {before.prose} to {after.prose}"
    elif rank_after >= _GOOD:
        reason = f"{measure} held at {after.prose} with no judgement newly outstanding"
    else:
        # The only other way: the same grade, below good and not leaving inadequate.
        reason = f"{measure} stayed {after.prose}"
    raise LetterNotDueError(f"director letter not due for {area!r}: {reason}")
