"""Hypothesis strategies for the ILACS domain model, for your own tests.

Install the optional extra (``pip install 'inspection-letters[hypothesis]'``)
and import this module explicitly; ``import inspection_letters`` never imports
hypothesis. Every strategy is a function that returns a ``SearchStrategy``.
:func:`inspections` generates inspections of every era and every kind that
break no error-level rule (``validate`` may still report advisories), and
:func:`broken_inspections` generates inspections that break one rule::

    from hypothesis import given

    from inspection_letters import validate
    from inspection_letters.strategies import broken_inspections, inspections


    @given(inspections(graded=True))
    def test_my_summary_names_every_judgement(inspection):
        summary = my_summary(inspection)
        for judgement in inspection.judgements:
            assert judgement.title in summary


    @given(broken_inspections("overall-limited"))
    def test_my_importer_refuses_impossible_outcomes(inspection):
        assert "overall-limited" in {problem.code for problem in validate(inspection)}

Text is generated from all of Unicode (Welsh ŵ and ŷ, accents, emoji,
right-to-left scripts, combining marks) without the control characters the
model refuses, and sizes are kept modest so that examples stay quick.
"""

import datetime as dt
from collections.abc import Callable, Collection
from typing import TypeVar

import attrs

from ._errors import InvalidValueError, MissingExtraError, UnknownNameError

try:
    from hypothesis import strategies as st
    from hypothesis.strategies import SearchStrategy
except ImportError:  # the same error as the PDF and Word writers give without their extras
    raise MissingExtraError("The hypothesis strategies", "hypothesis") from None

from ._model.frameworks import LIMITING_AREAS, Framework, InspectionType, JudgementArea
from ._model.grades import Grade
from ._model.inspection import (
    Finding,
    Inspection,
    Judgement,
    LetterDetails,
    LocalAuthority,
    PreviousOutcome,
    Quotation,
)
from ._model.people import OFFICES, Office, Recipient, Signatory
from ._model.rules import RULES, Severity

__all__ = [
    "broken_inspections",
    "findings",
    "grades",
    "inspections",
    "judgements_for",
    "letter_details",
    "local_authorities",
    "offices",
    "previous_outcomes",
    "quotations",
    "recipients",
    "signatories",
    "texts",
]

_T = TypeVar("_T")

# The audiences of the letters that `inspections` gives details for.
_AUDIENCES = ("children", "director")

_LAST_DAY = dt.date(2030, 12, 31)
_WORDS = ("Ŵyr ŷd", "café naïve Straße", "שלום", "مرحبا بالأطفال", "👩\u200d👧 🎉", "e\u0301\n\tó")
_EXTRA_CHARACTERS = "ŵŷŴŶâêîôûéèçñöüß\u0301\u0308\u0327שمر👧\U0001f3fd\u200d🎉\u200f \n\t"
_COUNCILS = ("Gloucestershire", "Harrow", "Trafford", "Bournemouth, Christchurch and Poole")
_REGIONS = ("London", "South West", "North East, Yorkshire and the Humber", "West Midlands")
_THEMES = ("Front door", "Children in need or subject to a plan", "Care leavers")
_PHRASES = ("achievement", "quotation_lead_in")


_GRADES: SearchStrategy[Grade] = st.sampled_from(Grade)


def _optional(strategy: SearchStrategy[_T]) -> SearchStrategy[_T | None]:
    return st.none() | strategy


def _not_blank(text: str) -> bool:
    return bool(text.strip())


def grades() -> SearchStrategy[Grade]:
    """Any of the four grades."""
    return _GRADES


def texts(*, max_size: int = 40) -> SearchStrategy[str]:
    """Non-blank text with no control characters but tab and newline, nor U+FFFE or U+FFFF.

    It mixes arbitrary Unicode with Welsh, accented, right-to-left, emoji and
    combining characters, up to ``max_size`` characters for the arbitrary part.
    """
    alphabet = st.characters(
        codec="utf-8",
        exclude_categories=("Cc", "Cs"),
        include_characters="\n\t",
        exclude_characters="\ufffe\uffff",
    ) | st.sampled_from(_EXTRA_CHARACTERS)
    return st.one_of(
        st.text(alphabet, min_size=1, max_size=max_size),
        st.sampled_from(_WORDS),
        st.lists(st.sampled_from(_WORDS), min_size=2, max_size=4).map(" ".join),
    ).filter(_not_blank)


_DOMAINS = st.sampled_from(("ofsted.gov.uk", "gloucestershire.gov.uk", "example.org"))
_EMAILS = st.emails(domains=_DOMAINS)
_TELEPHONES = st.builds(
    "0{:03d} {:03d} {:04d}".format, st.integers(0, 999), st.integers(0, 999), st.integers(0, 9999)
)
_AREA_CODES = st.builds("{}{:08d}".format, st.sampled_from("EWSN"), st.integers(0, 99_999_999))


def local_authorities() -> SearchStrategy[LocalAuthority]:
    """Councils: real names or any text, with or without an ONS code and a region."""
    return st.builds(
        LocalAuthority,
        name=st.sampled_from(_COUNCILS) | texts(),
        code=_optional(_AREA_CODES),
        region=_optional(st.sampled_from(_REGIONS) | texts()),
    )


def findings(areas: Collection[JudgementArea] | None = None) -> SearchStrategy[Finding]:
    """Findings, each about one of ``areas`` (any area by default) or about none."""
    chosen = tuple(JudgementArea) if areas is None else tuple(areas)
    area = _optional(st.sampled_from(chosen)) if chosen else st.none()
    return st.builds(Finding, text=texts(max_size=80), area=area)


def quotations() -> SearchStrategy[Quotation]:
    """Passages of a report, with or without their source."""
    return st.builds(Quotation, text=texts(max_size=80), source=_optional(texts()))


def previous_outcomes() -> SearchStrategy[PreviousOutcome]:
    """Outcomes of a previous inspection: an overall grade, or every judgement of an era."""
    overall_only = st.builds(PreviousOutcome, year=st.integers(1990, 2100), overall=grades())
    return overall_only | st.builds(
        _previous_from, st.integers(1990, 2100), st.sampled_from(Framework).flatmap(judgements_for)
    )


def _previous_from(year: int, judgements: tuple[Judgement, ...]) -> PreviousOutcome:
    overall = [j.grade for j in judgements if j.area is JudgementArea.OVERALL_EFFECTIVENESS]
    return PreviousOutcome(
        year=year, overall=overall[0] if overall else None, judgements=judgements
    )


# Tiny raster images, as an office's logo is given.
_LOGOS = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg==",
    "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7",
)


def _with_logo(office: Office) -> SearchStrategy[Office]:
    with_one = st.builds(
        lambda logo, alt: attrs.evolve(office, logo=logo, logo_alt=alt),
        st.sampled_from(_LOGOS),
        texts(max_size=20),
    )
    return st.just(office) | with_one


def offices() -> SearchStrategy[Office]:
    """Ofsted's shipped offices, and offices with any address, some with a logo."""
    return (
        st.sampled_from(tuple(OFFICES.values()))
        | st.builds(
            Office,
            key=texts(max_size=10),
            address=st.lists(texts(max_size=20), min_size=1, max_size=5).map(tuple),
            telephone=_optional(_TELEPHONES),
            textphone=_optional(_TELEPHONES),
            email=_optional(_EMAILS),
            website=_optional(st.just("www.gov.uk/ofsted") | texts()),
        )
    ).flatmap(_with_logo)


def signatories() -> SearchStrategy[Signatory]:
    """People who sign letters, with or without contact details and a signature."""
    return st.builds(
        Signatory,
        name=texts(),
        role=st.just("National Director, Regulation and Social Care") | texts(),
        sign_off_role=_optional(texts()),
        telephone=_optional(_TELEPHONES),
        email=_optional(_EMAILS),
        signature=_optional(texts()),
    )


def recipients() -> SearchStrategy[Recipient]:
    """People letters are addressed to, with as much or as little as the model allows."""
    return st.builds(
        Recipient,
        courtesy_title=_optional(st.sampled_from(("Mr", "Mrs", "Ms", "Dr", "Mx")) | texts()),
        given_name=texts(),
        family_name=_optional(texts()),
        role=_optional(st.just("Director of Children's Services") | texts()),
        organisation=_optional(texts()),
        address=st.lists(texts(max_size=20), max_size=4).map(tuple),
        email=_optional(_EMAILS),
    )


def letter_details(
    audience: str | None = None, *, quotation_count: int | None = None
) -> SearchStrategy[LetterDetails]:
    """Details of one audience's letter (``'children'`` or ``'director'`` by default).

    With ``quotation_count``, the quotation cited is one of that many (none
    when it is 0); without it, any of the first ten.
    """
    audiences = st.sampled_from(_AUDIENCES) if audience is None else st.just(audience)
    count = 10 if quotation_count is None else quotation_count
    quotation = _optional(st.integers(0, count - 1)) if count >= 1 else st.none()
    names = st.sampled_from(_PHRASES) | texts(max_size=15)
    return st.builds(
        LetterDetails,
        audience=audiences,
        office=_optional(offices()),
        signatory=_optional(signatories()),
        recipient=_optional(recipients()),
        quotation=quotation,
        wording=st.dictionaries(names, texts(), max_size=3),
    )


# The grades from a worst to a best, built once for every pair.
_BETWEEN = {
    (worst, best): st.sampled_from([g for g in Grade if worst <= g <= best])
    for worst in Grade
    for best in Grade
    if worst <= best
}


@st.composite
def _judgements(draw: st.DrawFn, framework: Framework) -> tuple[Judgement, ...]:
    practice = [a for a in framework.areas if a is not JudgementArea.OVERALL_EFFECTIVENESS]
    given: dict[JudgementArea, Grade] = {area: draw(_GRADES) for area in practice}
    if framework.has_overall_effectiveness:
        if any(given[a] is Grade.INADEQUATE for a in practice if a in LIMITING_AREAS):
            overall = Grade.INADEQUATE
        else:
            overall = draw(_BETWEEN[min(given.values()), max(given.values())])
        given[JudgementArea.OVERALL_EFFECTIVENESS] = overall
    return tuple(Judgement(area=area, grade=given[area]) for area in framework.areas)


def judgements_for(framework: Framework) -> SearchStrategy[tuple[Judgement, ...]]:
    """A grade for every judgement of ``framework``, in its order, obeying every rule.

    Overall effectiveness, where the era has it, is Inadequate when a limiting
    area is, and otherwise between the worst and the best of the other grades.
    """
    return _judgements(framework)


def _era_dates(era: Framework) -> SearchStrategy[dt.date]:
    later = [e.starts for e in Framework if e.starts > era.starts]
    last = min(later) - dt.timedelta(days=1) if later else _LAST_DAY
    return st.dates(era.starts, last)


# What an inspection is drawn from, built once and shared by every draw.
_ERA_DATES = {era: _era_dates(era) for era in Framework}
_ERA_JUDGEMENTS = {era: judgements_for(era) for era in Framework}
_ERA_FINDINGS = {era: st.lists(findings(era.areas), max_size=10) for era in Framework}
_LETTERS = {(a, n): letter_details(a, quotation_count=n) for a in _AUDIENCES for n in range(4)}
_AUTHORITIES = local_authorities()
_QUOTATIONS = st.lists(quotations(), max_size=3)
_SOME_AUDIENCES = st.lists(st.sampled_from(_AUDIENCES), unique=True, max_size=2)
_THEME = _optional(st.sampled_from(_THEMES) | texts())
_LEAD_INSPECTOR = _optional(texts())
_TEAM_SIZE = _optional(st.integers(1, 12))
_PREVIOUS = _optional(previous_outcomes())
_MAYBE = st.booleans()
_FIELDWORK_DAYS = st.integers(0, 42)
_DAYS_TO_PUBLISH = st.integers(0, 120)


@st.composite
def _inspections(
    draw: st.DrawFn, eras: SearchStrategy[Framework], kinds: SearchStrategy[InspectionType]
) -> Inspection:
    kind, era = draw(kinds), draw(eras)
    day = draw(_ERA_DATES[era])
    start = day if draw(_MAYBE) else None
    # A graded inspection needs an era: a start date, or the framework itself.
    framework = era if (kind.graded and start is None) or draw(_MAYBE) else None
    end = day + dt.timedelta(days=draw(_FIELDWORK_DAYS))
    published = end + dt.timedelta(days=draw(_DAYS_TO_PUBLISH))
    quoted = tuple(draw(_QUOTATIONS))
    audiences = draw(_SOME_AUDIENCES)
    previous = draw(_PREVIOUS)
    if previous is not None and previous.year is not None and previous.year > day.year:
        # A previous outcome is from the inspection's year or before.
        previous = attrs.evolve(previous, year=draw(st.integers(1990, day.year)))
    return Inspection(
        authority=draw(_AUTHORITIES),
        type=kind,
        start=start,
        end=end if draw(_MAYBE) else None,
        published=published if draw(_MAYBE) else None,
        framework=framework,
        theme=None if kind.graded else draw(_THEME),
        lead_inspector=draw(_LEAD_INSPECTOR),
        team_size=draw(_TEAM_SIZE),
        judgements=draw(_ERA_JUDGEMENTS[era]) if kind.graded else (),
        findings=tuple(draw(_ERA_FINDINGS[era])),
        quotations=quoted,
        previous=previous,
        letters=tuple(draw(_LETTERS[a, len(quoted)]) for a in audiences),
    )


def inspections(
    *,
    frameworks: Collection[Framework] | None = None,
    types: Collection[InspectionType] | None = None,
    graded: bool | None = None,
) -> SearchStrategy[Inspection]:
    """Inspections that break no error-level rule, of the given eras and kinds.

    ``frameworks`` and ``types`` default to all of them; ``graded`` keeps only
    graded (``True``) or ungraded (``False``) kinds. Graded inspections have a
    grade for every judgement of their era; ungraded ones have none and may
    have a theme. Dates, where given, run start, end, publication.
    """
    eras = tuple(Framework) if frameworks is None else tuple(frameworks)
    kinds = tuple(
        kind
        for kind in (InspectionType if types is None else types)
        if graded is None or kind.graded is graded
    )
    if not eras:
        raise InvalidValueError("frameworks: give at least one framework")
    if not kinds:
        raise InvalidValueError(f"types: no inspection type is left with graded={graded!r}")
    return _inspections(st.sampled_from(eras), st.sampled_from(kinds))


# Each breaker turns a valid inspection into one that breaks its rule.
_Breaker = Callable[[st.DrawFn, Inspection], Inspection]


def _era_of(inspection: Inspection) -> Framework:
    # Only a visit with neither a start date nor a framework has no era.
    return inspection.era or Framework.ILACS_2023


def _break_era(draw: st.DrawFn, inspection: Inspection) -> Inspection:
    before = draw(_optional(st.dates(dt.date(1990, 1, 1), dt.date(2017, 12, 31))))
    return attrs.evolve(inspection, start=before, end=None, published=None, framework=None)


def _break_missing(draw: st.DrawFn, inspection: Inspection) -> Inspection:
    kept = draw(st.lists(st.sampled_from(inspection.judgements), unique=True))
    missing = len(kept) == len(inspection.judgements)
    return attrs.evolve(inspection, judgements=tuple(kept[1:] if missing else kept))


def _inserted(draw: st.DrawFn, inspection: Inspection, area: JudgementArea) -> Inspection:
    given = list(inspection.judgements)
    given.insert(draw(st.integers(0, len(given))), Judgement(area=area, grade=draw(_GRADES)))
    return attrs.evolve(inspection, judgements=tuple(given))


def _break_repeated(draw: st.DrawFn, inspection: Inspection) -> Inspection:
    return _inserted(draw, inspection, draw(st.sampled_from(_era_of(inspection).areas)))


def _break_foreign(draw: st.DrawFn, inspection: Inspection) -> Inspection:
    foreign = [area for area in JudgementArea if area not in _era_of(inspection).areas]
    return _inserted(draw, inspection, draw(st.sampled_from(foreign)))


def _with_grades(inspection: Inspection, grades_by_area: dict[JudgementArea, Grade]) -> Inspection:
    areas = _era_of(inspection).areas
    return attrs.evolve(
        inspection, judgements=tuple(Judgement(area=a, grade=grades_by_area[a]) for a in areas)
    )


def _break_limited(draw: st.DrawFn, inspection: Inspection) -> Inspection:
    given = {j.area: j.grade for j in inspection.judgements}
    limiting = [area for area in given if area in LIMITING_AREAS]
    given[draw(st.sampled_from(limiting))] = Grade.INADEQUATE
    given[JudgementArea.OVERALL_EFFECTIVENESS] = draw(st.sampled_from(list(Grade)[:-1]))
    return _with_grades(inspection, given)


def _break_range(draw: st.DrawFn, inspection: Inspection) -> Inspection:
    overall = draw(_GRADES)
    better = [g for g in Grade if g > overall]
    worse = [g for g in Grade if g < overall]
    others = draw(st.sampled_from([side for side in (better, worse) if side]))
    given = {j.area: draw(st.sampled_from(others)) for j in inspection.judgements}
    given[JudgementArea.OVERALL_EFFECTIVENESS] = overall
    return _with_grades(inspection, given)


def _break_ungraded(draw: st.DrawFn, inspection: Inspection) -> Inspection:
    some = draw(st.sampled_from(Framework).flatmap(judgements_for))
    kept = draw(st.lists(st.sampled_from(some), min_size=1, unique=True))
    return attrs.evolve(inspection, judgements=tuple(kept))


def _break_dates(draw: st.DrawFn, inspection: Inspection) -> Inspection:
    first = draw(_era_dates(_era_of(inspection)))
    earlier = first - dt.timedelta(days=draw(st.integers(1, 60)))
    start, end, published = draw(
        st.sampled_from([(first, earlier, None), (None, first, earlier), (first, None, earlier)])
    )
    # Without a start date, the framework keeps the era known.
    framework = _era_of(inspection) if start is None else inspection.framework
    return attrs.evolve(inspection, start=start, end=end, published=published, framework=framework)


def _break_previous(draw: st.DrawFn, inspection: Inspection) -> Inspection:
    day = inspection.start or inspection.published
    if day is None:
        day = inspection.end or draw(_era_dates(_era_of(inspection)))
        inspection = attrs.evolve(inspection, published=day)
    later = draw(st.integers(day.year + 1, 2100))
    previous = inspection.previous or PreviousOutcome(year=later, overall=draw(_GRADES))
    return attrs.evolve(inspection, previous=attrs.evolve(previous, year=later))


_GRADED = inspections(graded=True)
_WITH_OVERALL = inspections(graded=True, frameworks=[Framework.ILACS_2018, Framework.ILACS_2023])
# The rule broken, the inspections to break, and how.
_BREAKERS: dict[str, tuple[SearchStrategy[Inspection], _Breaker]] = {
    "era-unknown": (_GRADED, _break_era),
    "judgement-missing": (_GRADED, _break_missing),
    "judgement-repeated": (_GRADED, _break_repeated),
    "judgement-foreign": (_GRADED, _break_foreign),
    "overall-limited": (_WITH_OVERALL, _break_limited),
    "overall-out-of-range": (_WITH_OVERALL, _break_range),
    "ungraded-has-judgements": (inspections(graded=False), _break_ungraded),
    "dates-out-of-order": (inspections(), _break_dates),
    "previous-after-inspection": (inspections(), _break_previous),
}


@st.composite
def _broken(draw: st.DrawFn, code: str) -> Inspection:
    valid, breaker = _BREAKERS[code]
    return breaker(draw, draw(valid))


def broken_inspections(code: str) -> SearchStrategy[Inspection]:
    """Inspections that break the error-level rule with this code, in its typical ways.

    >>> broken_inspections("no-such-rule")
    Traceback (most recent call last):
    ...
    inspection_letters._errors.UnknownNameError: 'no-such-rule' is not a rule code; \
expected one of 'era-unknown', ...
    """
    valid_codes = [r.code for r in RULES if r.severity is Severity.ERROR and r.code in _BREAKERS]
    if code not in valid_codes:
        raise UnknownNameError("rule code", code, valid_codes)
    return _broken(code)
