"""The one-pass pre-check of the framework's error-level rules, which ``check`` asks first.

Nearly every inspection breaks no rule; :func:`surely_clean` says so in one
quick pass over its judgements and dates, and ``check`` runs the rules
themselves (``rules.py``) only where it does not. ``tests/model`` holds it to
the rules on generated valid and broken inspections and the published ones.
"""

import operator

from .frameworks import LIMITING_AREAS, Framework, InspectionType, JudgementArea
from .grades import RANK_BY_LABEL, Grade
from .inspection import Inspection, Judgement

# Grades from worst to best, and the limiting areas, as tuples: looking an enum member
# up in a tuple compares by identity, where a set or dict calls its (Python) __hash__.
_WORST_FIRST = (Grade.INADEQUATE, Grade.REQUIRES_IMPROVEMENT, Grade.GOOD, Grade.OUTSTANDING)
_LIMITING = tuple(LIMITING_AREAS)
_OVERALL = JudgementArea.OVERALL_EFFECTIVENESS


def surely_clean(inspection: Inspection) -> bool:
    """Whether no error-level rule can be broken, told in one quick pass.

    ``True`` only where every error-level rule surely holds; ``False`` where one
    might not, and the rules themselves must say. :func:`check` asks this first,
    so that an inspection that breaks nothing (nearly all) costs a tenth as much.
    ``tests/model/test_rules.py`` holds it to the rules.
    """
    judgements = inspection.judgements
    if inspection.type not in _GRADED:
        if judgements:
            return False  # ungraded-has-judgements; the judgements' rules need a graded one
        return _dates_surely_fine(inspection)
    era = inspection.era
    if era is None:
        return False  # era-unknown
    areas = era.areas
    if len(judgements) != len(areas):
        return False  # judgement-missing, -repeated or -foreign
    if all(map(operator.is_, map(_AREA, judgements), areas)):
        # Nearly every inspection: one judgement an area, in the era's order, told in C.
        return _grades_surely_fine(era, judgements) and _dates_surely_fine(inspection)
    seen: list[JudgementArea] = []
    overall = -1
    best, worst, limited = -1, 4, False
    for judgement in judgements:
        area = judgement.area
        if area not in areas or area in seen:
            return False  # judgement-foreign or -repeated (and so -missing)
        seen.append(area)
        rank = _WORST_FIRST.index(judgement.grade)
        if area is _OVERALL:
            overall = rank
        else:
            best, worst = max(best, rank), min(worst, rank)
            limited = limited or (rank == 0 and area in _LIMITING)
    if overall >= 0 and best >= 0 and (overall > best or overall < worst):
        return False  # overall-out-of-range
    if overall > 0 and limited:
        return False  # overall-limited
    return _dates_surely_fine(inspection)


def _grades_surely_fine(era: Framework, judgements: tuple[Judgement, ...]) -> bool:
    """Whether overall-out-of-range and overall-limited hold, the judgements in the era's order.

    Told by the era and the grades alone, so each answer is kept: there are at most
    4**5 sets of grades an era, and most inspections share a few.
    """
    key = (era, *map(_GRADE, judgements))
    verdict = _VERDICTS.get(key)
    if verdict is None:
        verdict = _VERDICTS[key] = _grades_fine(era, judgements)
    return verdict


def _grades_fine(era: Framework, judgements: tuple[Judgement, ...]) -> bool:
    at = _OVERALL_AT[era._value_]
    if at < 0:
        return True
    ranks = list(map(RANK_BY_LABEL.__getitem__, map(_LABEL, map(_GRADE, judgements))))
    overall = ranks.pop(at)
    if ranks and (overall > max(ranks) or overall < min(ranks)):
        return False  # overall-out-of-range
    # ranks has lost the overall grade: the places of the limiting areas after it move up.
    return not (overall > 0 and 0 in map(ranks.__getitem__, _LIMITING_AT[era._value_]))


_GRADED = (InspectionType.STANDARD, InspectionType.SHORT)
_VERDICTS: dict[tuple[object, ...], bool] = {}
_AREA, _GRADE = operator.attrgetter("area"), operator.attrgetter("grade")
_LABEL = operator.attrgetter("_value_")
# For each era, by its value (text, hashed in C): where overall effectiveness is in its
# judgements (-1: not graded), and where the limiting areas are once it is taken out.
_OVERALL_AT = {e.value: e.areas.index(_OVERALL) if _OVERALL in e.areas else -1 for e in Framework}
_JUDGED = {e: [a for a in e.areas if a is not _OVERALL] for e in Framework}
_LIMITING_AT = {
    e.value: tuple(i for i, a in enumerate(_JUDGED[e]) if a in LIMITING_AREAS) for e in Framework
}


def _dates_surely_fine(inspection: Inspection) -> bool:
    """Whether the dates' rules hold: dates-out-of-order, previous-after-inspection."""
    start, end, published = inspection.start, inspection.end, inspection.published
    if start is not None and end is not None and start > end:
        return False  # dates-out-of-order
    later = end if end is not None else start
    if published is not None and later is not None and later > published:
        return False  # dates-out-of-order
    previous, day = inspection.previous, start or published
    if previous is not None and previous.year is not None and day is not None:
        return previous.year <= day.year  # previous-after-inspection
    return True


#: The error-level rules surely_clean stands in for. Should a rule be added without
#: it, check runs every rule for every inspection (and a test says so).
PRECHECKED = frozenset(
    {
        "era-unknown",
        "judgement-missing",
        "judgement-repeated",
        "judgement-foreign",
        "overall-limited",
        "overall-out-of-range",
        "ungraded-has-judgements",
        "dates-out-of-order",
        "previous-after-inspection",
    }
)
