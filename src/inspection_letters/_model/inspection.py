"""The inspection itself: the council, the dates, the judgements and what was found.

Every value is immutable and checked when built. Whether the values fit the
ILACS framework together (the right judgements for the era, overall
effectiveness consistent with the rest, dates in order) is the business of
:func:`inspection_letters.validate`, which reports every problem at once.
"""

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from attrs import frozen

from .._errors import InvalidValueError
from .checks import (
    check_area_code,
    check_count,
    check_date,
    check_index,
    check_text,
    check_year,
    checked,
    items_of,
    of_type,
    to_tuple,
)
from .frameworks import Framework, InspectionType, JudgementArea, era_on
from .grades import Grade
from .people import Office, Recipient, Signatory


@frozen(kw_only=True)
class Judgement:
    """One judgement area and the grade it was given.

    >>> Judgement(area=JudgementArea.LEADERS, grade=Grade.GOOD).title
    'The impact of leaders on social work practice with children and families'
    """

    area: JudgementArea = of_type(JudgementArea)
    grade: Grade = of_type(Grade)

    @property
    def title(self) -> str:
        """The judgement's exact title."""
        return self.area.title


@frozen(kw_only=True)
class Finding:
    """Something the inspectors found, in the words of the letter it is written for."""

    text: str = checked(check_text)
    area: JudgementArea | None = of_type(JudgementArea, optional=True)
    """The judgement area the finding is about, where it is about one."""


@frozen(kw_only=True)
class Quotation:
    """A passage of the inspection report that a letter may cite."""

    text: str = checked(check_text)
    source: str | None = checked(check_text, optional=True)
    """Where in the report it stands, such as a section's heading."""


@frozen(kw_only=True)
class LocalAuthority:
    """The council whose children's services were inspected."""

    name: str = checked(check_text)
    """The area's name as Ofsted writes it, such as ``'Gloucestershire'``."""

    code: str | None = checked(check_area_code, optional=True)
    """The ONS area code, such as ``'E10000013'``."""

    region: str | None = checked(check_text, optional=True)
    """The Ofsted region, such as ``'South West'``."""


@frozen(kw_only=True)
class PreviousOutcome:
    """The outcome of the council's previous graded inspection, where known.

    Either the year or the grades may be unknown: a report's summary may say
    "since the last inspection in 2017" without the grade, or "when services
    were judged to be good" without the year.
    """

    year: int | None = checked(check_year, optional=True)
    overall: Grade | None = of_type(Grade, optional=True)
    """The overall effectiveness grade, where the previous inspection gave one."""

    judgements: tuple[Judgement, ...] = attrs.field(
        default=(), converter=to_tuple, validator=items_of(Judgement)
    )

    def grade_of(self, area: JudgementArea) -> Grade | None:
        """The grade of one judgement area, or ``None`` where it is not known."""
        if area is JudgementArea.OVERALL_EFFECTIVENESS and self.overall is not None:
            return self.overall
        return _grade_of(self.judgements, area)


def _pairs(value: Any) -> Any:
    # A mapping of phrases becomes a tuple of (name, text) pairs, keeping its order.
    mapping = value.__class__ is dict or isinstance(value, Mapping)
    items = value.items() if mapping else value
    return tuple(tuple(pair) for pair in items)


@frozen(kw_only=True)
class LetterDetails:
    """What one audience's letter needs beyond the inspection: who and where.

    ``wording`` holds the phrases that differ between real letters of the same
    kind (for the director's letter, ``achievement`` and ``quotation_lead_in``),
    so that templates keep a default and data can change it.
    """

    audience: str = checked(check_text)
    office: Office | None = of_type(Office, optional=True)
    signatory: Signatory | None = of_type(Signatory, optional=True)
    recipient: Recipient | None = of_type(Recipient, optional=True)
    quotation: int | None = checked(check_index, optional=True)
    """Which of the inspection's quotations the letter cites, counted from 0."""

    wording: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)

    @wording.validator
    def _check_wording(self, attribute: "attrs.Attribute[Any]", value: Any) -> None:
        if not value:
            return
        names = [name for name, _ in value]
        for name, text in value:
            try:
                check_text(name)
                check_text(text)
            except InvalidValueError as error:
                raise InvalidValueError(f"wording: {error}") from None
            if names.count(name) > 1:
                raise InvalidValueError(f"wording: {name!r} is given more than once")

    def phrase(self, name: str, default: str) -> str:
        """The wording called ``name``, or ``default`` where the data gives none."""
        # A letter's wording is a few phrases at most: read in turn, not made a dict each call.
        for given, text in self.wording:
            if given == name:
                return text
        return default


@functools.lru_cache(maxsize=64)
def _no_details(audience: str) -> LetterDetails:
    """The empty details of an audience's letter: one value each, made once (it is immutable)."""
    return LetterDetails(audience=audience)


def _grade_of(judgements: Iterable[Judgement], area: JudgementArea) -> Grade | None:
    for judgement in judgements:
        if judgement.area is area:
            return judgement.grade
    return None


@frozen(kw_only=True)
class Inspection:
    """One ILACS inspection or visit of a council's children's services.

    The era of the framework comes from the date fieldwork started, unless
    ``framework`` names it explicitly (as Ofsted's 2024 spreadsheet requires,
    which gives publication dates only). Build one with keywords, or read one
    with :func:`~inspection_letters.load_inspection` or
    :func:`~inspection_letters.read_outcomes`.
    """

    authority: LocalAuthority = of_type(LocalAuthority)
    type: InspectionType = of_type(InspectionType)
    start: dt.date | None = checked(check_date, optional=True)
    """The first day of fieldwork."""

    end: dt.date | None = checked(check_date, optional=True)
    """The last day of fieldwork."""

    published: dt.date | None = checked(check_date, optional=True)
    """The date the report was published."""

    framework: Framework | None = of_type(Framework, optional=True)
    """The era, where it is given rather than taken from ``start``."""

    theme: str | None = checked(check_text, optional=True)
    """A visit's theme, such as ``'Front door'`` or ``'Care leavers'``."""

    lead_inspector: str | None = checked(check_text, optional=True)
    team_size: int | None = checked(check_count, optional=True)
    """How many inspectors visited, where a letter says so."""

    judgements: tuple[Judgement, ...] = attrs.field(
        default=(), converter=to_tuple, validator=items_of(Judgement)
    )
    findings: tuple[Finding, ...] = attrs.field(
        default=(), converter=to_tuple, validator=items_of(Finding)
    )
    quotations: tuple[Quotation, ...] = attrs.field(
        default=(), converter=to_tuple, validator=items_of(Quotation)
    )
    previous: PreviousOutcome | None = of_type(PreviousOutcome, optional=True)
    letters: tuple[LetterDetails, ...] = attrs.field(
        default=(), converter=to_tuple, validator=items_of(LetterDetails)
    )
    """Per-audience details for letters: offices, signatories, recipients, wording."""

    def __attrs_post_init__(self) -> None:
        if not self.letters:
            return
        audiences = [details.audience for details in self.letters]
        if len(set(audiences)) < len(audiences):
            repeated = sorted({a for a in audiences if audiences.count(a) > 1})
            message = f"letters: the details of {', '.join(map(repr, repeated))} are given twice"
            raise InvalidValueError(message)
        for details in self.letters:
            if details.quotation is not None and details.quotation >= len(self.quotations):
                message = (
                    f"letters.{details.audience}.quotation: {details.quotation} is not the "
                    f"position of a quotation; there are {len(self.quotations)}, counted from 0"
                )
                raise InvalidValueError(message)

    @property
    def era(self) -> Framework | None:
        """The era in force: the explicit ``framework``, or the one ``start`` implies."""
        framework, start = self.framework, self.start
        if framework is not None:
            return framework
        return None if start is None else era_on(start)

    def grade_of(self, area: JudgementArea) -> Grade | None:
        """The grade given to one judgement area, or ``None`` where there is none.

        >>> inspection = Inspection(
        ...     authority=LocalAuthority(name="Harrow"),
        ...     type=InspectionType.STANDARD,
        ...     judgements=[Judgement(area=JudgementArea.CARE_LEAVERS, grade=Grade.INADEQUATE)],
        ... )
        >>> inspection.grade_of(JudgementArea.CARE_LEAVERS)
        <Grade.INADEQUATE: 'Inadequate'>
        >>> inspection.grade_of(JudgementArea.LEADERS) is None
        True
        """
        return _grade_of(self.judgements, area)

    @property
    def overall(self) -> Grade | None:
        """The overall effectiveness grade, where the inspection gave one."""
        return self.grade_of(JudgementArea.OVERALL_EFFECTIVENESS)

    def letter_details(self, audience: str) -> LetterDetails:
        """The details given for one audience's letter (empty where none are given)."""
        for details in self.letters:
            if details.audience == audience:
                return details
        if audience.__class__ is str:
            return _no_details(audience)
        return LetterDetails(audience=audience)
