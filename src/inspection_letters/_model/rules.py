"""The grading rules of the ILACS framework, and ``validate`` to check them all.

Each rule has a stable code, a severity and the evidence for it. Error-level
rules hold in every one of the 271 graded inspections of Ofsted's official
outcomes from 2018 to March 2025; a rule that rejected a real, published
outcome would be wrong. Advisories flag what is unusual but has happened.
"""

import itertools
from collections.abc import Callable, Iterator
from enum import Enum, unique

from attrs import frozen

from .._errors import InvalidInspectionError
from .frameworks import LIMITING_AREAS, Framework, InspectionType, JudgementArea
from .grades import Grade
from .inspection import Inspection
from .precheck import PRECHECKED as PRECHECKED
from .precheck import surely_clean


@unique
class Severity(Enum):
    """How much a broken rule matters."""

    ERROR = "error"
    """The inspection cannot be right: Ofsted never publishes such an outcome."""

    ADVISORY = "advisory"
    """Unusual but possible: worth a second look, never raised."""


@frozen(kw_only=True)
class Problem:
    """One broken rule in one inspection."""

    code: str
    severity: Severity
    message: str
    path: str
    """The field the problem is in, such as ``'judgements[2]'``."""

    def __str__(self) -> str:
        return f"{self.path}: {self.message} [{self.code}]"


_Found = Iterator[tuple[str, str]]


@frozen(kw_only=True)
class Rule:
    """A rule of the framework: its code, severity, what it says, and its evidence."""

    code: str
    severity: Severity
    summary: str
    evidence: str
    check: Callable[[Inspection], _Found]

    def problems(self, inspection: Inspection) -> Iterator[Problem]:
        """The problems this rule finds in ``inspection``."""
        for path, message in self.check(inspection):
            yield Problem(code=self.code, severity=self.severity, message=message, path=path)


def _graded_era(inspection: Inspection) -> Framework | None:
    return inspection.era if inspection.type.graded else None


def _era_unknown(inspection: Inspection) -> _Found:
    if inspection.type.graded and inspection.era is None:
        if inspection.start is None:
            yield "start", "the era cannot be told: give the start date or the framework"
        else:
            yield "start", f"{inspection.start.isoformat()!r} is before ILACS began on 2018-01-01"


def _judgement_missing(inspection: Inspection) -> _Found:
    era = _graded_era(inspection)
    if era is None:
        return
    given = [j.area for j in inspection.judgements]
    for area in era.areas:
        if area not in given:
            yield "judgements", f"{area.title!r} is missing; {era.value} grades it"


def _judgement_repeated(inspection: Inspection) -> _Found:
    seen: set[JudgementArea] = set()
    for index, judgement in enumerate(inspection.judgements):
        if judgement.area in seen:
            yield f"judgements[{index}]", f"{judgement.title!r} is graded more than once"
        seen.add(judgement.area)


def _judgement_foreign(inspection: Inspection) -> _Found:
    era = _graded_era(inspection)
    if era is None:
        return
    for index, judgement in enumerate(inspection.judgements):
        if judgement.area not in era.areas:
            titles = ", ".join(repr(a.title) for a in era.areas)
            message = f"{judgement.title!r} is not a judgement of {era.value}; it has {titles}"
            yield f"judgements[{index}]", message


def _practice_grades(inspection: Inspection) -> list[tuple[JudgementArea, Grade]]:
    return [
        (j.area, j.grade)
        for j in inspection.judgements
        if j.area is not JudgementArea.OVERALL_EFFECTIVENESS
    ]


def _overall_limited(inspection: Inspection) -> _Found:
    overall = inspection.overall
    if overall is None or overall is Grade.INADEQUATE:
        return
    for area, grade in _practice_grades(inspection):
        if area in LIMITING_AREAS and grade is Grade.INADEQUATE:
            yield (
                "judgements",
                (
                    f"{area.title!r} is Inadequate, so 'Overall effectiveness' must be "
                    f"Inadequate, not {overall.label!r}"
                ),
            )


def _overall_in_range(inspection: Inspection) -> _Found:
    overall = inspection.overall
    grades = [grade for _, grade in _practice_grades(inspection)]
    if overall is None or not grades:
        return
    best, worst = max(grades), min(grades)
    if overall > best:
        yield (
            "judgements",
            (
                f"'Overall effectiveness' is {overall.label!r}, better than the best of the "
                f"other judgements ({best.label!r})"
            ),
        )
    if overall < worst:
        yield (
            "judgements",
            (
                f"'Overall effectiveness' is {overall.label!r}, worse than the worst of the "
                f"other judgements ({worst.label!r})"
            ),
        )


def _ungraded_has_judgements(inspection: Inspection) -> _Found:
    if not inspection.type.graded and inspection.judgements:
        yield "judgements", f"a {inspection.type.label} is not graded, so it has no judgements"


def _dates_in_order(inspection: Inspection) -> _Found:
    named = [("start", inspection.start), ("end", inspection.end)]
    named.append(("published", inspection.published))
    known = [(name, day) for name, day in named if day is not None]
    for (first, early), (second, late) in itertools.pairwise(known):
        if early > late:
            yield second, (f"{second} {late.isoformat()!r} is before {first} {early.isoformat()!r}")


def _previous_after(inspection: Inspection) -> _Found:
    previous = inspection.previous
    day = inspection.start or inspection.published
    if previous is None or previous.year is None or day is None:
        return  # a previous outcome stated without its year cannot be placed
    if previous.year > day.year:
        started = "started" if inspection.start is not None else "was published"
        yield (
            "previous.year",
            f"the previous outcome's year {previous.year} is after the inspection, which "
            f"{started} in {day.year}",
        )


def _leaders_inadequate(inspection: Inspection) -> _Found:
    overall = inspection.overall
    leaders = inspection.grade_of(JudgementArea.LEADERS)
    if leaders is Grade.INADEQUATE and overall is not None and overall is not Grade.INADEQUATE:
        yield (
            "judgements",
            (
                f"{JudgementArea.LEADERS.title!r} is Inadequate but 'Overall effectiveness' is "
                f"{overall.label!r}; that happened in 4 of 29 published cases"
            ),
        )


def _short_after_weak(inspection: Inspection) -> _Found:
    previous = inspection.previous
    if inspection.type is not InspectionType.SHORT or previous is None:
        return
    grade = previous.grade_of(JudgementArea.OVERALL_EFFECTIVENESS)
    if grade is not None and grade <= Grade.REQUIRES_IMPROVEMENT:
        yield (
            "type",
            (
                f"a short inspection after an overall grade of {grade.label!r} "
                f"{_when(previous.year)}; after such grades the next inspection was standard in "
                "56 of 56 published cases"
            ),
        )


def _when(year: int | None) -> str:
    return f"in {year}" if year is not None else "at the previous inspection"


def _framework_differs(inspection: Inspection) -> _Found:
    given, start = inspection.framework, inspection.start
    if given is None or start is None or start < Framework.ILACS_2018.starts:
        return
    implied = Framework.for_date(start)
    if given is not implied:
        yield (
            "framework",
            (
                f"{given.value!r} is given, but an inspection that started on "
                f"{start.isoformat()} falls under {implied.value!r}"
            ),
        )


_ERROR, _ADVISORY = Severity.ERROR, Severity.ADVISORY
_OFSTED = "Ofsted's official outcomes, 271 graded inspections, 2018 to March 2025"

#: Every rule, in the order ``validate`` applies them.
RULES: tuple[Rule, ...] = (
    Rule(
        code="era-unknown",
        severity=_ERROR,
        summary="A graded inspection has an era: a start date from 2018, or a framework.",
        evidence="ILACS began on 1 January 2018; its judgements depend on the era.",
        check=_era_unknown,
    ),
    Rule(
        code="judgement-missing",
        severity=_ERROR,
        summary="A graded inspection grades every judgement of its era.",
        evidence=f"{_OFSTED}: every one grades every judgement of its era.",
        check=_judgement_missing,
    ),
    Rule(
        code="judgement-repeated",
        severity=_ERROR,
        summary="No judgement is graded twice.",
        evidence="A report's grade table has one row a judgement.",
        check=_judgement_repeated,
    ),
    Rule(
        code="judgement-foreign",
        severity=_ERROR,
        summary="A graded inspection grades only the judgements of its era.",
        evidence=(
            "Care leavers are judged on their own from 1 January 2023; overall "
            "effectiveness is not judged from 1 April 2026."
        ),
        check=_judgement_foreign,
    ),
    Rule(
        code="overall-limited",
        severity=_ERROR,
        summary=(
            "Help and protection, children in care, care leavers, or children in care "
            "and care leavers Inadequate makes overall effectiveness Inadequate."
        ),
        evidence=f"{_OFSTED}: 27 of 27, 19 of 19 and 7 of 7 cases.",
        check=_overall_limited,
    ),
    Rule(
        code="overall-out-of-range",
        severity=_ERROR,
        summary=(
            "Overall effectiveness is no better than the best and no worse than the "
            "worst of the other judgements."
        ),
        evidence=f"{_OFSTED}: 271 of 271.",
        check=_overall_in_range,
    ),
    Rule(
        code="ungraded-has-judgements",
        severity=_ERROR,
        summary="Focused visits, monitoring visits and JTAIs carry no judgements.",
        evidence="Only standard and short inspections are graded.",
        check=_ungraded_has_judgements,
    ),
    Rule(
        code="dates-out-of-order",
        severity=_ERROR,
        summary="Fieldwork starts before it ends, and ends before the report is published.",
        evidence="A report is published after the fieldwork it describes.",
        check=_dates_in_order,
    ),
    Rule(
        code="previous-after-inspection",
        severity=_ERROR,
        summary="The previous outcome is from the year of the inspection or before.",
        evidence="A previous outcome is one published before the inspection it precedes.",
        check=_previous_after,
    ),
    Rule(
        code="leaders-inadequate-overall-not",
        severity=_ADVISORY,
        summary="Impact of leaders Inadequate usually makes overall effectiveness Inadequate.",
        evidence=(
            f"{_OFSTED}: 25 of 29; Bournemouth 2018, Herefordshire 2018, Doncaster 2022 "
            "and Slough 2023 were overall Requires improvement to be good."
        ),
        check=_leaders_inadequate,
    ),
    Rule(
        code="short-after-weak-outcome",
        severity=_ADVISORY,
        summary=(
            "After an overall grade of Requires improvement to be good or Inadequate "
            "the next inspection is a standard one."
        ),
        evidence=f"{_OFSTED}: 56 of 56.",
        check=_short_after_weak,
    ),
    Rule(
        code="framework-differs-from-date",
        severity=_ADVISORY,
        summary="An explicit framework usually matches the era of the start date.",
        evidence="The era is chosen by the date fieldwork started.",
        check=_framework_differs,
    ),
)


def validate(inspection: Inspection) -> tuple[Problem, ...]:
    """Every problem ``inspection`` has under the framework's rules, errors first.

    >>> from inspection_letters import Grade, Inspection, InspectionType, Judgement
    >>> from inspection_letters import JudgementArea, LocalAuthority
    >>> import datetime as dt
    >>> visit = Inspection(
    ...     authority=LocalAuthority(name="Barnsley"),
    ...     type=InspectionType.FOCUSED_VISIT,
    ...     start=dt.date(2024, 11, 5),
    ...     judgements=[Judgement(area=JudgementArea.LEADERS, grade=Grade.GOOD)],
    ... )
    >>> [problem.code for problem in validate(visit)]
    ['ungraded-has-judgements']
    """
    found = [problem for rule in RULES for problem in rule.problems(inspection)]
    return tuple(sorted(found, key=lambda p: p.severity is not Severity.ERROR))


def errors(inspection: Inspection) -> tuple[Problem, ...]:
    """The error-level problems of ``inspection``."""
    return tuple(p for p in validate(inspection) if p.severity is Severity.ERROR)


def check(inspection: Inspection) -> Inspection:
    """``inspection`` itself, or :class:`InvalidInspectionError` listing every error.

    This is strict mode: advisories are never raised.
    """
    if _PRECHECK_COVERS_THE_RULES and surely_clean(inspection):
        return inspection
    found = errors(inspection)
    if found:
        summary = f"{inspection.authority.name!r} breaks {len(found)} rule(s) of the framework"
        raise InvalidInspectionError(summary, [(p.path, f"{p.message} [{p.code}]") for p in found])
    return inspection


_PRECHECK_COVERS_THE_RULES = {r.code for r in RULES if r.severity is Severity.ERROR} <= PRECHECKED
