"""The previous inspection, as a report's summary states it.

Reports do not print the previous outcome in a field of its own; the summary
says it in a sentence, if at all: "since the last inspection in 2017, when the
local authority was judged to be inadequate overall", "Children's services in
Oxfordshire were judged good in all areas when they were last inspected in
2014". The reader takes the first sentence that speaks of the previous
inspection, its year and, where the same sentence says how the council (not
one service) was judged, the grade; either may be missing. A sentence that
might mean something else (a grade for one service, a visit rather than an
inspection) is read, but flagged so that a person can check it.
"""

import re
from collections.abc import Sequence

from attrs import frozen

from .._model.grades import Grade

_YEAR = r"(20[0-2]\d)"
_GRADE_WORDS = (
    r"(outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?|"
    r"requiring\s+improvement(?:\s+to\s+be\s+good)?|to\s+require\s+improvement(?:\s+to\s+be\s+good)?)"
)
_SENTENCE = re.compile(r"(?<=[.!?])[’”]?\s+(?=[A-Z‘“])")
_PREVIOUS = re.compile(
    r"\b(?:last|previous|prior|preceding|most\s+recent|first\s+ILACS|last\s+ILACS|"
    r"previous\s+ILACS|last\s+full|last\s+Ofsted|previous\s+judgement|previous\s+standard|"
    r"previous\s+full|previous\s+single|single\s+inspection\s+framework|SIF)\b[^.;]{0,80}?"
    r"\b(?:inspect(?:ion|ed)|judged|SIF)\b"
    r"|\b" + _YEAR + r"\s+(?:Ofsted\s+|ILACS\s+|SIF\s+|standard\s+|full\s+|single\s+)?inspection\b"
    r"|\binspect(?:ion|ed)\s+(?:of\s+[^.;]{0,60}?\s+)?in\s+(?:[A-Z][a-z]+\s+)?" + _YEAR,
    re.IGNORECASE,
)
_NOT_INSPECTION = re.compile(
    r"\b(?:focused\s+visits?|monitoring\s+visits?|joint\s+targeted|JTAI|peer\s+review)\b", re.I
)
_YEARS = re.compile(r"\b20[0-2]\d(?:\s*(?:,|and|,\s*and)\s*20[0-2]\d)*\b")
_VISIT = re.compile(r"\bvisits?\b|\bJTAI\b|\bjoint\s+targeted\b|\breview\b", re.IGNORECASE)
_INSPECT = re.compile(r"\binspect|\bjudge", re.IGNORECASE)
_QUOTE = r"[‘'“]?"
# Words between "judged" and the grade, none of them a grade's.
_BETWEEN = r"(?:(?!requir|outstanding|good|inadequate)[^.;,]){0,70}?"
_JUDGED = re.compile(
    r"\b(?:judged|found|rated|graded|deemed)\s+(?:overall\s+)?"
    r"(?:(?:"
    + _BETWEEN
    + r"\s+)?(?:as|to\s+be)\s+)?"
    + _QUOTE
    + _GRADE_WORDS
    + r"|\b(?:judged|found)\s+(?:"
    + _BETWEEN
    + r"\s+)?"
    + _GRADE_WORDS
    + r"|\b(?:was|were)\s+"
    + _QUOTE
    + _GRADE_WORDS
    + r"[’'”]?\s+(?:overall|in\s+all\s+areas)"
    + r"|\b(?:judgement|grade|rating)\s+for\s+overall\s+effectiveness\s+was\s+"
    + _QUOTE
    + _GRADE_WORDS,
    re.IGNORECASE,
)
# A sentence whose subject is one service, so that a grade in it is not the council's.
_ONE_SERVICE = re.compile(
    r"^(?:the\s+)?(?:services?\s+(?:for|to)\s+)?(?:children\s+in\s+care|care\s+leavers|"
    r"children\s+who\s+need|adoption|fostering|early\s+help|the\s+front\s+door)\b",
    re.IGNORECASE,
)


@frozen(kw_only=True)
class StatedPrevious:
    """The previous inspection as the summary states it."""

    year: int | None
    grade: Grade | None
    sentence: str
    doubt: str | None
    """Why the sentence may mean something else, where it may."""


def stated_previous(summary: Sequence[str], before: int | None = None) -> StatedPrevious | None:
    """The previous inspection stated in the summary's paragraphs, or ``None``.

    ``before`` is the year the inspection itself started: years from then on
    are this inspection's, not the previous one's.

    >>> found = stated_previous(["It has improved since the last inspection in 2017."])
    >>> found.year, found.grade
    (2017, None)
    """
    sentences = [s for paragraph in summary for s in _SENTENCE.split(paragraph)]
    graded_only: StatedPrevious | None = None
    for sentence in sentences:
        found = _read_sentence(sentence, before)
        if found is None:
            continue
        if found.year is not None:
            return found
        graded_only = graded_only or found
    return graded_only


def _read_sentence(sentence: str, before: int | None) -> StatedPrevious | None:
    previous = _PREVIOUS.search(sentence)
    judged = _JUDGED.search(sentence)
    anchors = [m.span() for m in (previous, judged) if m is not None]
    if not anchors:
        return None
    year = _nearest_year(sentence, anchors, before)
    if previous is None and year is None:
        return None
    doubt = None
    if _NOT_INSPECTION.search(sentence):
        doubt = "the sentence also speaks of a visit, not only of an inspection"
    grade = None
    if judged is not None:
        grade = _grade(next(g for g in judged.groups() if g))
        if _ONE_SERVICE.search(sentence):
            doubt = "the grade may be said of one service rather than the council overall"
            grade = None
    if year is None and grade is None:
        return None
    return StatedPrevious(year=year, grade=grade, sentence=sentence, doubt=doubt)


def _nearest_year(
    sentence: str, anchors: Sequence[tuple[int, int]], before: int | None
) -> int | None:
    """The year nearest the words about the previous inspection, leaving out visits' years."""
    best: tuple[int, int] | None = None
    for match in _YEARS.finditer(sentence):
        year = int(re.findall(r"20[0-2]\d", match.group())[-1])
        if before is not None and year >= before:
            continue
        window = sentence[max(0, match.start() - 60) : match.start()]
        visits = [m.end() for m in _VISIT.finditer(window)]
        inspections = [m.end() for m in _INSPECT.finditer(window)]
        inspection_follows = re.match(r"\s+(?:\w+\s+)?inspection", sentence[match.end() :])
        if visits and not inspection_follows and (not inspections or visits[-1] > inspections[-1]):
            continue
        distance = min(_gap(match.span(), anchor) for anchor in anchors)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _gap(span: tuple[int, int], anchor: tuple[int, int]) -> int:
    if span[1] <= anchor[0]:
        return anchor[0] - span[1]
    if span[0] >= anchor[1]:
        return span[0] - anchor[1]
    return 0


def _grade(words: str) -> Grade:
    text = " ".join(words.lower().split())
    text = re.sub(r"^(?:to\s+)?requir(?:e|es|ing)\s+improvement", "requires improvement", text)
    return Grade.parse(text)
