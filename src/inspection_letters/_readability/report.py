"""How hard a letter is to read: its segments, the Flesch formulas, and the report.

The text is cut into segments, each a sentence of prose or a line that is not
prose (see :mod:`.cutting`). The formulas count the prose sentences only; the
plain-language rules read every segment, and those about sentences (length,
the passive) read only prose.
"""

import itertools
import operator
import re
from collections import deque
from collections.abc import Callable, Iterable
from itertools import repeat

from attrs import field, frozen

from .._errors import InvalidValueError
from .._model.rules import Severity
from .cutting import cut

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.,-][A-Za-z0-9]+|(?<=\d)/\d+)*")


def words_of(text: str) -> list[str]:
    """The words of ``text``: runs of letters and digits, joined by ``'``, ``-``, ``.`` or ``,``.

    So *children's*, *multi-agency*, *e.g*, *2,000* and *01/04/2022* are one word each.

    >>> words_of("Children's multi-agency plans, e.g. 2,000 of them on 01/04/2022.")
    ["Children's", 'multi-agency', 'plans', 'e.g', '2,000', 'of', 'them', 'on', '01/04/2022']
    """
    return _WORD.findall(text)


@frozen(kw_only=True)
class Segment:
    """A sentence of prose, or a line that is not prose (a heading, a table row)."""

    text: str
    line: int
    """The line it starts on, counted from 1."""

    offset: int
    """Where it starts in the whole text, counted in characters from 0."""

    prose: bool
    """Whether it is a sentence that the readability formulas count."""

    words: tuple[str, ...] = field(init=False, eq=False, repr=False)
    """Its words, as :func:`words_of` counts them: found once, when it is made."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(words_of(self.text)))


def segments(text: str) -> tuple[Segment, ...]:
    """``text`` cut into sentences of prose and lines that are not prose, in order.

    >>> [(s.text, s.prose) for s in segments("Our visit\\n\\nWe met you. You helped us.")]
    [('Our visit', False), ('We met you.', True), ('You helped us.', True)]
    """
    found = cut(text)
    return tuple(
        Segment(text=part, line=line, offset=offset, prose=prose)
        for part, line, offset, prose in zip(
            found.texts, found.lines, found.offsets, found.prose, strict=True
        )
    )


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch's reading ease: 206.835 − 1.015 × words a sentence − 84.6 × syllables a word.

    Higher is easier: 60 to 70 is plain English, 80 and over is easy for children.

    >>> round(flesch_reading_ease(words=100, sentences=5, syllables=130), 2)
    76.56
    """
    _check_counts(words, sentences)
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """The Flesch–Kincaid grade: 0.39 × words a sentence + 11.8 × syllables a word − 15.59.

    The US school grade (year of schooling) whose pupils can read the text.

    >>> round(flesch_kincaid_grade(words=100, sentences=5, syllables=130), 2)
    7.55
    """
    _check_counts(words, sentences)
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def uk_reading_age(grade: float) -> float:
    """The reading age in years for a Flesch–Kincaid grade: the grade plus 5.

    US pupils are 6 to 7 years old in grade 1, so the usual conversion of a
    grade to a reading age in years adds 5: grade 4 is a reading age of 9,
    GOV.UK's target. It is an estimate, no better than the grade.

    >>> uk_reading_age(4.0)
    9.0
    """
    return grade + 5


def _check_counts(words: int, sentences: int) -> None:
    if sentences < 1 or words < 1:
        raise InvalidValueError(
            f"cannot measure {words} word(s) in {sentences} sentence(s); need at least 1 of each"
        )


def ease_band(score: float) -> str:
    """Flesch's own name for a band of reading ease.

    >>> ease_band(71.2)
    'fairly easy'
    """
    bands = (
        (90, "very easy"),
        (80, "easy"),
        (70, "fairly easy"),
        (60, "plain English"),
        (50, "fairly difficult"),
        (30, "difficult"),
    )
    return next((name for low, name in bands if score >= low), "very difficult")


@frozen(kw_only=True)
class ReadabilityIssue:
    """One place where a letter breaks a plain-language rule."""

    code: str
    """The rule's stable code, such as ``'long-sentence'``."""

    severity: Severity
    sentence: str
    """The sentence (or heading, or line) the issue is in."""

    line: int
    """The line the sentence starts on, counted from 1."""

    message: str
    """What is wrong here, such as ``'39 words; the most is 25'``."""

    summary: str
    """The rule, in one sentence."""

    suggestion: str
    """What to write instead."""

    def __str__(self) -> str:
        return f"line {self.line}: {self.severity.value} [{self.code}] {self.message}"


_ISSUE_FIELDS = ("code", "severity", "sentence", "line", "message", "summary", "suggestion")
_SET_CODE, _SET_SEVERITY, _SET_SENTENCE, _SET_LINE, _SET_MESSAGE, _SET_SUMMARY, _SET_SUGGESTION = (
    ReadabilityIssue.__dict__[name].__set__ for name in _ISSUE_FIELDS
)
_new = object.__new__


def issue_of(
    code: str,
    severity: Severity,
    sentence: str,
    line: int,
    message: str,
    summary: str,
    suggestion: str,
) -> ReadabilityIssue:
    """The same issue as ``ReadabilityIssue(code=code, ...)``, made in half the time.

    A letter of ten thousand findings may have twenty thousand issues. An issue
    has no validator and nothing after its ``__init__``, so this sets its slots
    as that ``__init__`` does, without the look-ups of a frozen class's
    ``__init__`` (``tests/readability/test_lint_work.py`` holds the two together).
    """
    issue = _new(ReadabilityIssue)
    _SET_CODE(issue, code)
    _SET_SEVERITY(issue, severity)
    _SET_SENTENCE(issue, sentence)
    _SET_LINE(issue, line)
    _SET_MESSAGE(issue, message)
    _SET_SUMMARY(issue, summary)
    _SET_SUGGESTION(issue, suggestion)
    return issue


def issues_of(
    code: str,
    severity: Severity,
    sentences: list[str],
    lines: list[int],
    messages: list[str],
    summary: str,
    suggestions: list[str],
) -> list[ReadabilityIssue]:
    """The issues of one rule, one for each sentence: as many :func:`issue_of` calls, made at once.

    Each slot of all of them is set in one ``map`` (no Python loop an issue):
    a letter of ten thousand findings has twenty thousand sentences too long.
    """
    count = len(sentences)
    made = list(map(_new, repeat(ReadabilityIssue, count)))
    _consume(map(_SET_CODE, made, repeat(code, count)))
    _consume(map(_SET_SEVERITY, made, repeat(severity, count)))
    _consume(map(_SET_SENTENCE, made, sentences))
    _consume(map(_SET_LINE, made, lines))
    _consume(map(_SET_MESSAGE, made, messages))
    _consume(map(_SET_SUMMARY, made, repeat(summary, count)))
    _consume(map(_SET_SUGGESTION, made, suggestions))
    return made


#: Runs an iterator to its end, keeping nothing.
_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend


@frozen(kw_only=True)
class ReadabilityReport:
    """How easy a letter is to read, and every place it breaks a plain-language rule."""

    flesch_reading_ease: float
    flesch_kincaid_grade: float
    reading_age: float
    """The UK reading age in years: the Flesch–Kincaid grade plus 5."""

    sentences: int
    """The sentences of prose counted (not headings, table rows or addresses)."""

    words: int
    syllables: int
    syllable_method: str
    """``'pyphen'`` (hyphenation patterns and vowel groups) or ``'heuristic'`` (vowel groups)."""

    longest_sentences: tuple[str, ...]
    """The three longest sentences, longest first."""

    issues: tuple[ReadabilityIssue, ...]
    """Every broken rule, in the order of the text."""

    @property
    def has_errors(self) -> bool:
        """Whether any error-level rule is broken (a command line exits 1 then)."""
        return any(issue.severity is Severity.ERROR for issue in self.issues)

    @property
    def errors(self) -> tuple[ReadabilityIssue, ...]:
        """The issues of error-level rules."""
        return tuple(i for i in self.issues if i.severity is Severity.ERROR)

    def __str__(self) -> str:
        ease = self.flesch_reading_ease
        lines = [
            f"Flesch reading ease: {ease:.1f} ({ease_band(ease)})",
            f"Flesch-Kincaid grade: {self.flesch_kincaid_grade:.1f}",
            f"UK reading age: {self.reading_age:.1f} years",
            (
                f"Counted: {self.sentences} sentences, {self.words} words, "
                f"{self.syllables} syllables (syllables by {self.syllable_method})"
            ),
            "",
            "Longest sentences:",
        ]
        lines += [f"  {len(words_of(s))} words: {s}" for s in self.longest_sentences]
        issues = self.issues
        errors = list(map(_SEVERITY, issues)).count(Severity.ERROR)
        advisories = len(issues) - errors
        tally = (
            f"{_count(errors, 'error', 'errors')}, {_count(advisories, 'advisory', 'advisories')}"
        )
        lines += ["", f"Issues: {tally}"]
        try:
            # Each issue's three lines, its first as its __str__ writes it (with its severity's
            # value looked up, not read from the enum: a letter may have twenty thousand).
            lines += [
                f"  line {i.line}: {_VALUES[i.severity]} [{i.code}] {i.message}"
                f"\n    in: {i.sentence}\n    try: {i.suggestion}"
                for i in issues
            ]
        except KeyError:  # (a severity that is not a Severity)
            for issue in issues:
                lines += [f"  {issue}", f"    in: {issue.sentence}", f"    try: {issue.suggestion}"]
        return "\n".join(lines)


_SEVERITY = operator.attrgetter("severity")
_VALUES = {severity: severity.value for severity in Severity}


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def longest(sentences: list[Segment], count: int = 3) -> tuple[str, ...]:
    """The texts of the ``count`` longest sentences, longest first; ties in text order."""
    ranked = sorted(enumerate(sentences), key=lambda pair: (-len(pair[1].words), pair[0]))
    return tuple(segment.text for _, segment in itertools.islice(ranked, count))
