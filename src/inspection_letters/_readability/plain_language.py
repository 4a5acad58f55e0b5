"""The plain-language rules for letters to children: their codes, severities and word lists.

Each rule reads one segment of a letter (a sentence, or a line that is not
prose) and yields what is wrong and what to write instead. The rules come from
the GOV.UK style guide, which Ofsted writes to, and from the readers of a
children's letter: children and young people, some young and some with
additional needs. Only a sentence over the length limit is an error; the rest
are advisories, because each has exceptions a rule cannot see (a passive that
reads best, a quotation, an acronym a child already knows).

The bundled word lists are files in ``inspection_letters/data``, read the first
time a rule needs them, never when the library is imported.
"""

import bisect
import functools
import itertools
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet

from attrs import frozen

from .._errors import InvalidValueError, UnknownNameError
from .._model.rules import Severity
from .report import (
    ReadabilityIssue,
    ReadabilityReport,
    Segment,
    flesch_kincaid_grade,
    flesch_reading_ease,
    longest,
    segments,
    uk_reading_age,
)
from .screening import (
    explanations,
    in_reading_order,
    phrase_body,
    screened,
    screens,
    tokens_of,
)
from .style_patterns import dates, number_words, passives
from .syllables import syllable_counter
from .word_lists import _table
from .word_lists import abbreviations as abbreviations
from .word_lists import acronyms as acronyms
from .word_lists import words_to_avoid as words_to_avoid  # for those who import it from here


@functools.lru_cache(maxsize=4096)  # the same hundred words for every letter: built once
def _word_pattern(phrase: str, exempt: str = "") -> re.Pattern[str]:
    """``phrase`` as whole words in any case, unless one of the ``exempt`` words follows."""
    body = phrase_body(phrase)
    unless = "|".join(re.escape(word) for word in exempt.split())
    after = rf"(?!\s+(?:{unless})\b)" if unless else ""
    return re.compile(rf"(?<![\w-]){body}(?![\w-]){after}", re.IGNORECASE)


_ASCII_WORD = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=4096)
def _first_word(phrase: str) -> str:
    """A phrase's first word, lowercased, as :func:`_word_pattern` splits it."""
    return re.split(r"[\s-]+", phrase.strip())[0].lower()


@frozen(kw_only=True)
class RuleContext:
    """What the rules need besides the segment: the whole text and the settings."""

    max_sentence_words: int
    avoid: tuple[tuple[re.Pattern[str], str, str], ...]
    """Each word to avoid: its pattern, what to write instead, and whose list it is on."""

    avoid_first_words: tuple[str, ...] = ()
    """The first word of each word to avoid, lowercased, in the order of ``avoid``."""

    acronyms: Mapping[str, str]
    """Each acronym, with its expansion (``''`` for a custom acronym without one)."""

    explained: Mapping[str, int]
    """Where in the text each acronym is first spelled out."""

    @classmethod
    def build(
        cls,
        text: str,
        *,
        max_sentence_words: int,
        extra_words_to_avoid: Mapping[str, str],
        extra_acronyms: Mapping[str, str],
        tokens: AbstractSet[str] | None = None,
    ) -> "RuleContext":
        """The context for ``text``, with the bundled lists and the extra words added.

        ``tokens`` are :func:`~.screening.tokens_of` ``text``, where already found.
        """
        avoid = [
            (_word_pattern(*row[:1], *row[2:3]), row[1], "the GOV.UK list")
            for row in _table("words_to_avoid.txt")
        ]
        for word, advice in extra_words_to_avoid.items():
            avoid.append((_word_pattern(word), advice or "a plainer, everyday word", "your list"))
        names = {**acronyms(), **extra_acronyms}
        phrases = [*(row[0] for row in _table("words_to_avoid.txt")), *extra_words_to_avoid]
        firsts = [_first_word(phrase) for phrase in phrases]
        if text.isascii():
            # Only the words whose first word the text has can be found in it: the rest need
            # not be tried on any sentence. (Other text keeps every word: its case-blind
            # matching is subtler than str.lower.)
            # (In ASCII text these are the lowercased runs of letters and digits.)
            used = {token.lower() for token in (tokens_of(text) if tokens is None else tokens)}
            kept = [i for i, first in enumerate(firsts) if first in used or not first.isalnum()]
            avoid, firsts = [avoid[i] for i in kept], [firsts[i] for i in kept]
        return cls(
            max_sentence_words=max_sentence_words,
            avoid=tuple(avoid),
            avoid_first_words=tuple(firsts),
            acronyms=names,
            explained=explanations(text, names),
        )

    def explained_before(self, acronym: str, offset: int) -> bool:
        """Whether ``acronym`` is spelled out, with it in brackets, by ``offset`` in the text."""
        at = self.explained.get(acronym)
        return at is not None and at <= offset


_Found = Iterator[tuple[str, str]]
"""What a rule's check yields: what is wrong, and what to write instead."""


@frozen(kw_only=True)
class PlainLanguageRule:
    """A plain-language rule: its code, severity, what it says, its source, and its check."""

    code: str
    severity: Severity
    summary: str
    source: str
    check: Callable[[Segment, RuleContext], _Found]

    def issues(self, segment: Segment, context: RuleContext) -> Iterator[ReadabilityIssue]:
        """The issues this rule finds in ``segment``."""
        for message, suggestion in self.check(segment, context):
            yield ReadabilityIssue(
                code=self.code,
                severity=self.severity,
                sentence=segment.text,
                line=segment.line,
                message=message,
                summary=self.summary,
                suggestion=suggestion,
            )


# Where a long sentence may split: before a conjunction after a comma, or a
# semicolon; failing those, at any comma.
_SPLITS = (
    re.compile(r";|,\s+(?:and|but|so|which|because|while|when|although|as)\b|\s(?:but|because)\s"),
    re.compile(r",\s"),
)


_start = operator.methodcaller("start")


def _long_sentence(segment: Segment, context: RuleContext) -> _Found:
    count, most = len(segment.words), context.max_sentence_words
    if not segment.prose or count <= most:
        return
    advice = "split it into shorter sentences, one idea to a sentence"
    middle = len(segment.text) / 2
    for pattern in _SPLITS:
        # The split nearest the middle (the first of the nearest, as a stable sort gives):
        # the splits are in order, so it is the last before the middle or the first after.
        splits = list(pattern.finditer(segment.text))
        at = bisect.bisect_left(splits, middle, key=_start)
        near = splits[max(at - 1, 0) : at + 1]
        split = min(near, key=lambda m: abs(m.start() - middle), default=None)
        if split is not None:
            after = " ".join(segment.text[split.start() :].split()[:4])
            advice += f"; perhaps at '{after}'"
            break
    yield f"{count} words; the most is {most}", advice


def _abbreviation(segment: Segment, context: RuleContext) -> _Found:
    found = []
    for short, advice in abbreviations().items():
        dotted = r"\.?".join(short)
        for match in re.finditer(rf"(?<![\w.]){dotted}\b\.?", segment.text, re.IGNORECASE):
            found.append((match.start(), match.group(), advice))
    for _, written, advice in sorted(found):
        yield f"{written!r} is an abbreviation that some readers will not know", advice


def _acronym(segment: Segment, context: RuleContext) -> _Found:
    found = []
    for acronym, expansion in context.acronyms.items():
        pattern = rf"(?<![\w-]){re.escape(acronym)}(?:s|'s|’s)?(?![\w-])"
        for match in re.finditer(pattern, segment.text):
            if not context.explained_before(acronym, segment.offset + match.start()):
                found.append((match.start(), acronym, expansion))
                break  # once a sentence is enough
    for _, acronym, expansion in sorted(found):
        words, first = (f"'{expansion}'", expansion) if expansion else ("its words", "the words")
        yield (
            f"{acronym!r} is not spelled out before it is used",
            f"write {words} in full, or write '{first} ({acronym})' the first time",
        )


def _word_to_avoid(segment: Segment, context: RuleContext) -> _Found:
    found = []
    # In ASCII text, a word to avoid can be there only if its first word is.
    text = segment.text
    words = set(_ASCII_WORD.findall(text.lower())) if text.isascii() else None
    for (pattern, advice, listed), first in zip(
        context.avoid, context.avoid_first_words, strict=True
    ):
        if words is None or first in words or not first.isalnum():
            found += [(m.start(), m.group(), advice, listed) for m in pattern.finditer(text)]
    for _, written, advice, listed in sorted(found):
        yield f"{written!r} is on {listed} of words to avoid", advice


def _passive(segment: Segment, context: RuleContext) -> _Found:
    if segment.prose:
        for phrase in passives(segment.text):
            yield (
                f"{phrase!r} may be passive",
                "say who does what: 'workers help you', not 'you are helped by workers'",
            )


def _date(segment: Segment, context: RuleContext) -> _Found:
    for written, better in dates(segment.text):
        yield f"the date {written!r} is not written as GOV.UK writes dates", f"write {better}"


def _number_word(segment: Segment, context: RuleContext) -> _Found:
    for word, numeral in number_words(segment.text, sentence=segment.prose):
        yield f"{word!r} is a number written as a word", f"write {numeral}"


_GOV_UK = "GOV.UK style guide"
_ERROR, _ADVISORY = Severity.ERROR, Severity.ADVISORY

#: Every plain-language rule, in the order ``check_readability`` applies them.
PLAIN_LANGUAGE_RULES: tuple[PlainLanguageRule, ...] = (
    PlainLanguageRule(
        code="long-sentence",
        severity=_ERROR,
        summary="A sentence has at most 25 words (or the limit you set).",
        source=f"{_GOV_UK}, 'Writing for GOV.UK': keep sentences to 25 words or fewer.",
        check=_long_sentence,
    ),
    PlainLanguageRule(
        code="unexplained-abbreviation",
        severity=_ADVISORY,
        summary="No 'eg', 'ie' or 'etc': write the words out.",
        source=f"{_GOV_UK}, A to Z, 'eg, etc and ie'.",
        check=_abbreviation,
    ),
    PlainLanguageRule(
        code="unexplained-acronym",
        severity=_ADVISORY,
        summary="A professional acronym (LAC, CiC, CP, CIN, PA, IRO, MASH) is spelled out first.",
        source=f"{_GOV_UK}, A to Z, 'Abbreviations and acronyms'.",
        check=_acronym,
    ),
    PlainLanguageRule(
        code="word-to-avoid",
        severity=_ADVISORY,
        summary="No word from the GOV.UK list of words to avoid, or from your own list.",
        source=f"{_GOV_UK}, A to Z, 'Words to avoid'.",
        check=_word_to_avoid,
    ),
    PlainLanguageRule(
        code="passive-voice",
        severity=_ADVISORY,
        summary="Sentences are active: they say who does what.",
        source=f"{_GOV_UK}, A to Z, 'Active voice'.",
        check=_passive,
    ),
    PlainLanguageRule(
        code="date-format",
        severity=_ADVISORY,
        summary="Dates are written '1 April 2022' or 'April 2022'.",
        source=f"{_GOV_UK}, A to Z, 'Dates'.",
        check=_date,
    ),
    PlainLanguageRule(
        code="number-as-word",
        severity=_ADVISORY,
        summary=(
            "Numbers are numerals (2, 15, 100), except 'one' and a number that starts a sentence."
        ),
        source=f"{_GOV_UK}, A to Z, 'Numbers'.",
        check=_number_word,
    ),
)


Words = Iterable[str] | Mapping[str, str]
"""Extra words: a list of words, or a mapping of each word to what to write instead."""


def _words(kind: str, extra: Words) -> dict[str, str]:
    pairs: Iterable[tuple[str, str]]
    if isinstance(extra, str):
        pairs = [(extra, "")]
    elif isinstance(extra, Mapping):
        pairs = extra.items()
    else:
        pairs = ((word, "") for word in extra)
    found: dict[str, str] = {}
    for word, advice in pairs:
        if not isinstance(word, str) or not word.strip() or not isinstance(advice, str):
            raise InvalidValueError(f"{kind}: {word!r} is not a word, or {advice!r} is not text")
        found[word.strip()] = advice.strip()
    return found


def _disabled(disable: str | Iterable[str]) -> set[str]:
    codes = [rule.code for rule in PLAIN_LANGUAGE_RULES]
    chosen = {disable} if isinstance(disable, str) else set(disable)
    for code in sorted(chosen):
        if code not in codes:
            raise UnknownNameError("readability rule", code, codes)
    return chosen


def check_readability(
    letter_or_text: object,
    *,
    disable: str | Iterable[str] = (),
    extra_words_to_avoid: Words = (),
    extra_acronyms: Words = (),
    max_sentence_words: int = 25,
) -> ReadabilityReport:
    """How easy a letter is to read, and where it breaks the plain-language rules.

    ``letter_or_text`` is the letter's plain text, or any object whose ``str()``
    is (a rendered letter). Only its sentences of prose are measured; headings,
    the grade table and the letterhead are checked by the rules about words
    but not measured. ``disable`` names rules to skip by code;
    ``extra_words_to_avoid`` and ``extra_acronyms`` add to the bundled lists,
    either as a list of words or as a mapping of each word to what to write
    instead (for an acronym: its expansion); ``max_sentence_words`` is the
    longest sentence allowed.

    >>> report = check_readability(
    ...     "Your independent reviewing officer (IRO) checks your plan. "
    ...     "Your IRO will visit you on 01/04/2022."
    ... )
    >>> report.sentences, report.words, report.has_errors
    (2, 15, False)
    >>> [(issue.code, issue.suggestion) for issue in report.issues]
    [('date-format', "write '1 April 2022'")]
    """
    text = letter_or_text if isinstance(letter_or_text, str) else str(letter_or_text)
    disabled = _disabled(disable)
    if isinstance(max_sentence_words, bool) or not isinstance(max_sentence_words, int):
        raise InvalidValueError(f"max_sentence_words: {max_sentence_words!r} is not a whole number")
    if max_sentence_words < 1:
        raise InvalidValueError(f"max_sentence_words: {max_sentence_words!r} is less than 1")
    parts = segments(text)
    sentences = [part for part in parts if part.prose]
    if not sentences:
        raise InvalidValueError(
            "the text has no sentences to measure: a sentence ends with '.', '?' or '!'"
        )
    count, method = syllable_counter()
    words_of_prose = {i: part.words for i, part in enumerate(parts) if part.prose}
    words = sum(len(found) for found in words_of_prose.values())
    # Each distinct word's syllables once, times how often it is used.
    used = Counter(itertools.chain.from_iterable(words_of_prose.values()))
    syllables = sum(count(word) * times for word, times in used.items())
    extra_avoid = _words("extra_words_to_avoid", extra_words_to_avoid)
    tokens = tokens_of(text)  # once, for the context and the screens
    context = RuleContext.build(
        text,
        max_sentence_words=max_sentence_words,
        extra_words_to_avoid=extra_avoid,
        extra_acronyms=_words("extra_acronyms", extra_acronyms),
        tokens=tokens,
    )
    rules = [rule for rule in PLAIN_LANGUAGE_RULES if rule.code not in disabled]
    patterns, lower_case = screens(
        text,
        avoid=[*(row[0] for row in _table("words_to_avoid.txt")), *extra_avoid],
        acronyms=context.acronyms,
        abbreviations=abbreviations(),
        tokens=tokens,
    )
    touched = dict(screened(parts, {r.code: patterns.get(r.code) for r in rules}, lower_case))
    touched["long-sentence"] = [
        i for i, found in words_of_prose.items() if len(found) > max_sentence_words
    ]
    found_issues = in_reading_order(
        (index, order, rule.issues(parts[index], context))
        for order, rule in enumerate(rules)
        for index in touched[rule.code]
    )
    grade = flesch_kincaid_grade(words, len(sentences), syllables)
    return ReadabilityReport(
        flesch_reading_ease=flesch_reading_ease(words, len(sentences), syllables),
        flesch_kincaid_grade=grade,
        reading_age=uk_reading_age(grade),
        sentences=len(sentences),
        words=words,
        syllables=syllables,
        syllable_method=method,
        longest_sentences=longest(sentences),
        issues=found_issues,
    )
