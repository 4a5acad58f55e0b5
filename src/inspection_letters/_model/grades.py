"""The four grades of the ILACS framework, best first.

Ofsted's official statistics use exactly four labels. Some reports of 2018 to
early 2020 print "Requires improvement" for the third; input accepts it, output
always uses the exact label.
"""

from enum import Enum, unique
from typing import Self

from .._errors import UnknownNameError


@unique
class Grade(Enum):
    """A grade, valued by its exact label in Ofsted's published outcomes.

    Grades compare by merit, so comparisons read naturally:

    >>> Grade.GOOD > Grade.INADEQUATE
    True
    >>> max(Grade.GOOD, Grade.OUTSTANDING)
    <Grade.OUTSTANDING: 'Outstanding'>
    >>> Grade.parse("requires improvement")
    <Grade.REQUIRES_IMPROVEMENT: 'Requires improvement to be good'>
    """

    # Members are singletons, equal only to themselves: hashing them by identity, in C,
    # keeps the dicts and sets keyed by them fast (Enum's own __hash__ is Python code).
    __hash__ = object.__hash__

    OUTSTANDING = "Outstanding"
    """The best grade: practice that is exceptional."""

    GOOD = "Good"
    """The standard every council should meet."""

    REQUIRES_IMPROVEMENT = "Requires improvement to be good"
    """Not yet good; no widespread or serious failures."""

    INADEQUATE = "Inadequate"
    """Widespread or serious failures that leave children at risk of harm."""

    @property
    def label(self) -> str:
        """The exact label, as in Ofsted's data and grade tables."""
        return self._value_

    @property
    def rank(self) -> int:
        """Merit as a number: 4 for outstanding down to 1 for inadequate.

        ILACS data carries no numbers; this is for ordering only.
        """
        return _RANK[self]

    @property
    def prose(self) -> str:
        """The label as running prose writes it, in lower case.

        >>> Grade.REQUIRES_IMPROVEMENT.prose
        'requires improvement to be good'
        """
        return self._value_.lower()

    @property
    def short_prose(self) -> str:
        """The grade as letters often shorten it in prose.

        >>> Grade.REQUIRES_IMPROVEMENT.short_prose
        'requires improvement'
        >>> Grade.GOOD.short_prose
        'good'
        """
        # Looked up by the label: a member's own hash is worked out in Python.
        short = _SHORT.get(self._value_)
        return self._value_.lower() if short is None else short

    @classmethod
    def parse(cls, text: str) -> Self:
        """The grade a label names: exact labels in any case, or the legacy label."""
        if isinstance(text, str):
            found = _BY_LOWER_LABEL.get(" ".join(text.split()).lower())
            if found is not None:
                return cls(found.value)
        raise UnknownNameError("grade", text, [g.value for g in cls])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return _RANK[self] < _RANK[other]

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return _RANK[self] <= _RANK[other]

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return _RANK[self] > _RANK[other]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return _RANK[self] >= _RANK[other]


_RANK = {
    Grade.OUTSTANDING: 4,
    Grade.GOOD: 3,
    Grade.REQUIRES_IMPROVEMENT: 2,
    Grade.INADEQUATE: 1,
}
_SHORT = {Grade.REQUIRES_IMPROVEMENT.value: "requires improvement"}
_BY_LOWER_LABEL = {g.value.lower(): g for g in Grade} | {
    "requires improvement": Grade.REQUIRES_IMPROVEMENT,
}
