"""How hard a letter is to read: its sentences, the Flesch formulas, and the report.

A letter is plain text with headings, a grade table, lists and a letterhead as
well as prose, and only prose belongs in a readability formula. So the text is
cut into *segments*, each a sentence of prose or a line that is not prose:

* Blank lines end a block; so does a line that starts a list item (``-``,
  ``*``, ``•``, or ``1.``), whose marker is dropped.
* A line joins the block before it (a paragraph wrapped over several lines)
  when that block does not yet end a sentence, and the line starts in lower
  case or the line before it is long (60 characters or more).
* A line with a tab is a row of a table, such as the grade table: never prose.
* A block that ends with ``.``, ``?`` or ``!`` (closing quotes or brackets
  aside) is prose, cut into sentences after ``.``, ``?`` or ``!`` followed by a
  space and a capital letter, a digit or an opening quote (but not after
  *Mr.*, *Dr.*, *e.g.* and the like). Every other block is one segment that
  is not prose: a heading, an address line, a sign-off, a list fragment.

The formulas count the prose sentences only; the plain-language rules read
every segment, and those about sentences (length, the passive) read only prose.
"""

import bisect
import itertools
import re
from collections.abc import Iterator

from attrs import field, frozen

from .._errors import InvalidValueError
from .._model.rules import Severity

_LIST_MARKER = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
_TERMINAL = re.compile(r"[.?!][\"'’”)\]]*$")
_BOUNDARY = re.compile(r"[.?!][\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9])")
_NO_BREAK_AFTER = frozenset({"mr", "mrs", "ms", "dr", "st", "prof", "rev", "no", "eg", "ie", "vs"})
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.,-][A-Za-z0-9]+|(?<=\d)/\d+)*")
_LONG_LINE = 60


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


@frozen
class _Block:
    text: str
    starts: tuple[tuple[int, int, int], ...]
    """Where each of its lines starts: (position in ``text``, line number, offset)."""

    table: bool

    def place(self, position: int) -> tuple[int, int]:
        """The line number and the offset in the whole text of ``position`` in ``text``.

        Found by halving, not by walking the lines: a paragraph of many lines
        with many sentences would otherwise take the product of the two.
        """
        index = bisect.bisect_right(self.starts, position, key=lambda start: start[0]) - 1
        at, line, offset = self.starts[max(index, 0)]
        return line, offset + position - at


def _blocks(text: str) -> Iterator[_Block]:
    current: list[tuple[str, int, int]] = []  # (stripped line, line number, offset)
    offset = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        line = raw.rstrip("\r\n")
        start, offset = offset, offset + len(raw)
        stripped = line.strip()
        marker = _LIST_MARKER.match(line)
        if not stripped or "\t" in line or marker:
            yield from _join(current)
            current = []
        if not stripped:
            continue
        begin = start + len(line) - len(line.lstrip())
        if "\t" in line:
            yield _Block(text=stripped, starts=((0, number, begin),), table=True)
        elif marker:
            cut = marker.end()
            current = [(line[cut:].strip(), number, start + cut)]
        elif current and _continues(current[-1][0], stripped):
            current.append((stripped, number, begin))
        else:
            yield from _join(current)
            current = [(stripped, number, begin)]
    yield from _join(current)


def _continues(previous: str, line: str) -> bool:
    if _TERMINAL.search(previous):
        return False
    return line[:1].islower() or len(previous) >= _LONG_LINE


def _join(lines: list[tuple[str, int, int]]) -> Iterator[_Block]:
    if not lines:
        return
    starts, position = [], 0
    for stripped, number, offset in lines:
        starts.append((position, number, offset))
        position += len(stripped) + 1
    text = " ".join(stripped for stripped, _, _ in lines)
    yield _Block(text=text, starts=tuple(starts), table=False)


def _last_word(text: str, start: int, end: int) -> str:
    """The last word of ``text[start:end]``, found from the end (a word is short)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


def _sentences(block: _Block) -> Iterator[Segment]:
    start = 0
    for boundary in _BOUNDARY.finditer(block.text):
        before = _last_word(block.text, start, boundary.start())
        if before and before.lower().replace(".", "") in _NO_BREAK_AFTER:
            continue
        yield _segment(block, start, boundary.start() + len(boundary.group().rstrip()), prose=True)
        start = boundary.end()
    yield _segment(block, start, len(block.text), prose=True)


def _segment(block: _Block, start: int, end: int, *, prose: bool) -> Segment:
    line, offset = block.place(start)
    return Segment(text=block.text[start:end], line=line, offset=offset, prose=prose)


def segments(text: str) -> tuple[Segment, ...]:
    """``text`` cut into sentences of prose and lines that are not prose, in order.

    >>> [(s.text, s.prose) for s in segments("Our visit\\n\\nWe met you. You helped us.")]
    [('Our visit', False), ('We met you.', True), ('You helped us.', True)]
    """
    found: list[Segment] = []
    for block in _blocks(text):
        if not block.table and _TERMINAL.search(block.text):
            found.extend(_sentences(block))
        else:
            found.append(_segment(block, 0, len(block.text), prose=False))
    return tuple(found)


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
        errors = len(self.errors)
        advisories = len(self.issues) - errors
        tally = (
            f"{_count(errors, 'error', 'errors')}, {_count(advisories, 'advisory', 'advisories')}"
        )
        lines += ["", f"Issues: {tally}"]
        for issue in self.issues:
            lines += [f"  {issue}", f"    in: {issue.sentence}", f"    try: {issue.suggestion}"]
        return "\n".join(lines)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def longest(sentences: list[Segment], count: int = 3) -> tuple[str, ...]:
    """The texts of the ``count`` longest sentences, longest first; ties in text order."""
    ranked = sorted(enumerate(sentences), key=lambda pair: (-len(pair[1].words), pair[0]))
    return tuple(segment.text for _, segment in itertools.islice(ranked, count))
