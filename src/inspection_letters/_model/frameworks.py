"""Judgement areas, the eras of the ILACS framework, and the kinds of inspection.

An era is chosen by the date the inspection started (not the date its report
was published): the care-leavers judgement exists for inspections that started
on or after 1 January 2023, and overall effectiveness for those that started
before 1 April 2026.
"""

import datetime as dt
from enum import Enum, unique
from typing import Self

from .._errors import InvalidValueError, UnknownNameError


@unique
class JudgementArea(Enum):
    """A judgement an inspection grades, valued by a stable word."""

    # Members are singletons, equal only to themselves: hashing them by identity, in C,
    # keeps the dicts and sets keyed by them fast (Enum's own __hash__ is Python code).
    __hash__ = object.__hash__

    LEADERS = "leaders"
    """The impact of leaders on social work practice with children and families."""

    HELP_AND_PROTECTION = "help_and_protection"
    """The experiences and progress of children who need help and protection."""

    CHILDREN_IN_CARE_AND_CARE_LEAVERS = "children_in_care_and_care_leavers"
    """The experiences and progress of children in care and care leavers (2018 era)."""

    CHILDREN_IN_CARE = "children_in_care"
    """The experiences and progress of children in care (from 1 January 2023)."""

    CARE_LEAVERS = "care_leavers"
    """The experiences and progress of care leavers (from 1 January 2023)."""

    OVERALL_EFFECTIVENESS = "overall_effectiveness"
    """Overall effectiveness (inspections that started before 1 April 2026)."""

    @property
    def title(self) -> str:
        """The judgement's exact title, as in the report's grade table.

        >>> JudgementArea.CARE_LEAVERS.title
        'The experiences and progress of care leavers'
        """
        return _TITLES[self]

    @classmethod
    def parse(cls, text: str) -> Self:
        """The area a stable word or an exact title (in any case) names."""
        if isinstance(text, str):
            found = _BY_LOWER_NAME.get(" ".join(text.split()).lower())
            if found is not None:
                return cls(found.value)
        raise UnknownNameError("judgement area", text, [a.value for a in cls])


_TITLES = {
    JudgementArea.LEADERS: (
        "The impact of leaders on social work practice with children and families"
    ),
    JudgementArea.HELP_AND_PROTECTION: (
        "The experiences and progress of children who need help and protection"
    ),
    JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS: (
        "The experiences and progress of children in care and care leavers"
    ),
    JudgementArea.CHILDREN_IN_CARE: "The experiences and progress of children in care",
    JudgementArea.CARE_LEAVERS: "The experiences and progress of care leavers",
    JudgementArea.OVERALL_EFFECTIVENESS: "Overall effectiveness",
}
_BY_LOWER_NAME = {a.value: a for a in JudgementArea} | {
    title.lower(): area for area, title in _TITLES.items()
}

#: The judgements whose inadequacy makes overall effectiveness inadequate.
LIMITING_AREAS = frozenset(
    {
        JudgementArea.HELP_AND_PROTECTION,
        JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS,
        JudgementArea.CHILDREN_IN_CARE,
        JudgementArea.CARE_LEAVERS,
    }
)

#: The judgements about children in care and care leavers, together or apart.
CARE_AREAS = frozenset(
    {
        JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS,
        JudgementArea.CHILDREN_IN_CARE,
        JudgementArea.CARE_LEAVERS,
    }
)


@unique
class Framework(Enum):
    """An era of the ILACS framework, valued by a stable word.

    >>> Framework.for_date(dt.date(2022, 2, 14))
    <Framework.ILACS_2018: 'ilacs-2018'>
    >>> [area.value for area in Framework.ILACS_2026.areas]
    ['leaders', 'help_and_protection', 'children_in_care', 'care_leavers']
    """

    # Members are singletons, equal only to themselves: hashing them by identity, in C,
    # keeps the dicts and sets keyed by them fast (Enum's own __hash__ is Python code).
    __hash__ = object.__hash__

    ILACS_2018 = "ilacs-2018"
    """From 1 January 2018: four judgements, children in care and care leavers together."""

    ILACS_2023 = "ilacs-2023"
    """From 1 January 2023: care leavers judged on their own; five judgements."""

    ILACS_2026 = "ilacs-2026"
    """From 1 April 2026: no overall effectiveness; four judgements."""

    @property
    def starts(self) -> dt.date:
        """The first inspection start date the era applies to."""
        return _STARTS[self]

    @property
    def areas(self) -> tuple[JudgementArea, ...]:
        """The era's judgements in the order of the report's grade table."""
        return _AREAS[self]

    @property
    def has_overall_effectiveness(self) -> bool:
        """Whether the era grades overall effectiveness."""
        return JudgementArea.OVERALL_EFFECTIVENESS in self.areas

    @classmethod
    def for_date(cls, started: dt.date) -> "Framework":
        """The era in force for an inspection that started on ``started``."""
        for era, starts in _LATEST_FIRST:
            if started >= starts:
                return era
        message = (
            f"{started.isoformat()!r} is before ILACS began on "
            f"{Framework.ILACS_2018.starts.isoformat()}"
        )
        raise InvalidValueError(message)

    @classmethod
    def parse(cls, text: str) -> Self:
        """The era a stable word names, such as ``'ilacs-2023'``."""
        if isinstance(text, str):
            for era in cls:
                if era.value == text.strip().lower():
                    return era
        raise UnknownNameError("framework", text, [e.value for e in cls])


_STARTS = {
    Framework.ILACS_2018: dt.date(2018, 1, 1),
    Framework.ILACS_2023: dt.date(2023, 1, 1),
    Framework.ILACS_2026: dt.date(2026, 4, 1),
}
# The eras by start date, latest first: the first an inspection started on or after is its era.
_LATEST_FIRST = tuple(sorted(_STARTS.items(), key=lambda item: item[1], reverse=True))


def era_on(started: dt.date) -> Framework | None:
    """The era in force for an inspection that started on ``started``; ``None`` before ILACS."""
    for era, starts in _LATEST_FIRST:
        if started >= starts:
            return era
    return None


_AREAS = {
    Framework.ILACS_2018: (
        JudgementArea.LEADERS,
        JudgementArea.HELP_AND_PROTECTION,
        JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS,
        JudgementArea.OVERALL_EFFECTIVENESS,
    ),
    Framework.ILACS_2023: (
        JudgementArea.LEADERS,
        JudgementArea.HELP_AND_PROTECTION,
        JudgementArea.CHILDREN_IN_CARE,
        JudgementArea.CARE_LEAVERS,
        JudgementArea.OVERALL_EFFECTIVENESS,
    ),
    Framework.ILACS_2026: (
        JudgementArea.LEADERS,
        JudgementArea.HELP_AND_PROTECTION,
        JudgementArea.CHILDREN_IN_CARE,
        JudgementArea.CARE_LEAVERS,
    ),
}


@unique
class InspectionType(Enum):
    """A kind of ILACS inspection or visit, valued by a stable word."""

    # Members are singletons, equal only to themselves: hashing them by identity, in C,
    # keeps the dicts and sets keyed by them fast (Enum's own __hash__ is Python code).
    __hash__ = object.__hash__

    STANDARD = "standard"
    """A standard inspection: about two weeks on site; graded."""

    SHORT = "short"
    """A short inspection: about one week on site, usually after a good grade; graded."""

    FOCUSED_VISIT = "focused_visit"
    """A two-day focused visit on a theme; not graded."""

    MONITORING_VISIT = "monitoring_visit"
    """A monitoring visit to a council judged inadequate; not graded."""

    JOINT_TARGETED_AREA_INSPECTION = "joint_targeted_area_inspection"
    """A joint targeted area inspection with CQC, HMICFRS and HMI Probation; not graded."""

    @property
    def graded(self) -> bool:
        """Whether this kind of inspection gives grades."""
        return self in (InspectionType.STANDARD, InspectionType.SHORT)

    @property
    def label(self) -> str:
        """The kind in words, as a letter would name it.

        >>> InspectionType.SHORT.label
        'short inspection'
        >>> InspectionType.FOCUSED_VISIT.label
        'focused visit'
        """
        return _TYPE_LABELS.get(self, self.value.replace("_", " "))

    @classmethod
    def parse(cls, text: str) -> Self:
        """The kind a stable word names; Ofsted's labels are read by ``read_outcomes``."""
        if isinstance(text, str):
            word = "_".join(text.strip().lower().replace("-", " ").split())
            for kind in cls:
                if kind.value == word:
                    return kind
        raise UnknownNameError("inspection type", text, [k.value for k in cls])


_TYPE_LABELS = {
    InspectionType.STANDARD: "standard inspection",
    InspectionType.SHORT: "short inspection",
}
