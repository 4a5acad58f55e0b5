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
import re
from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from itertools import accumulate

from attrs import frozen

from .._model.rules import Severity
from .report import ReadabilityIssue, Segment
from .screening import explanations, phrase_body, tokens_of
from .style_patterns import dates, number_words, passives
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
# The first of them, as fast: its parts that the sentence can hold. Its third part starts at the
# letter after the space (which the engine skips to, not trying every space), so a match of it
# is moved back one, and dropped where that space ended the match before it.
_CONJUNCTION = r",\s+(?:and|but|so|which|because|while|when|although|as)\b"
_AFTER_COMMA = re.compile(_CONJUNCTION)
_AFTER_COMMA_OR_SEMICOLON = re.compile(rf";|{_CONJUNCTION}")
_ANY_FIRST_SPLIT = re.compile(rf";|{_CONJUNCTION}|b(?<=\sb)(?:ut|ecause)\s")


def first_splits(text: str) -> list[int]:
    """Where ``_SPLITS[0]`` matches in ``text``, as its ``finditer`` gives them, found faster.

    (A loop of searches costs less than ``finditer`` for the one or two a sentence has.)
    """
    starts: list[int] = []
    if "but" in text or "because" in text:
        end = 0
        match = _ANY_FIRST_SPLIT.search(text)
        while match:
            start = match.start()
            if text[start] != "b":
                starts.append(start)
                end = match.end()
            elif start - 1 >= end:  # (the space before it did not end the match before)
                starts.append(start - 1)
                end = match.end()
            match = _ANY_FIRST_SPLIT.search(text, match.end())
        return starts
    search = _AFTER_COMMA_OR_SEMICOLON.search if ";" in text else _AFTER_COMMA.search
    if "," in text or ";" in text:
        match = search(text)
        while match:
            starts.append(match.start())
            match = search(text, match.end())
    return starts


_SPLIT_IT = "split it into shorter sentences, one idea to a sentence"
_OTHER_SPLITS = re.compile("but|because|;")  # (the words and mark of splits not after a comma)


def long_sentence_advice(text: str) -> str:
    """What to do with a sentence that is too long: split it, where possible near its middle.

    The split nearest the middle, the first of the nearest (as a stable sort
    gives), of the first kind of split the sentence has (see ``_SPLITS``).

    >>> long_sentence_advice("We met you, and we read your plan.")
    "split it into shorter sentences, one idea to a sentence; perhaps at ', and we read'"
    """
    starts = first_splits(text) or _commas(text)
    if not starts:
        return _SPLIT_IT
    split = starts[0] if len(starts) == 1 else _nearest(starts, len(text) / 2)
    after = " ".join(text[split:].split(None, 4)[:4])
    return f"{_SPLIT_IT}; perhaps at '{after}'"


def _nearest(starts: list[int], middle: float) -> int:
    """The split nearest the middle, the first of the nearest: as a stable sort by distance gives.

    The splits are in order, so the nearest is the last before the middle or the first after.
    """
    at = bisect.bisect_left(starts, middle)
    near = starts[max(at - 1, 0) : at + 1]
    split = near[0]
    if len(near) == 2 and abs(near[1] - middle) < abs(split - middle):
        split = near[1]
    return split


def long_sentences_advice(texts: list[str]) -> list[str]:
    """:func:`long_sentence_advice` of each of ``texts``: the same, found faster for many.

    A sentence that holds neither *but*, *because* nor a semicolon (most do not) can only
    split after a comma: it is read by that search alone, in one loop, not by
    :func:`first_splits`' tests of which kinds it holds. Those that do are found in one
    search of them all.
    """
    joined = "\n".join(texts)  # (none of the three runs across a line break)
    others: set[int] = set()
    if "but" in joined or "because" in joined or ";" in joined:
        ends = list(accumulate(len(text) + 1 for text in texts))
        others = {bisect.bisect_right(ends, m.start()) for m in _OTHER_SPLITS.finditer(joined)}
    found: list[str] = []
    add = found.append
    conjunction, comma = _AFTER_COMMA.search, _SPLITS[1].search
    for i, text in enumerate(texts):
        if i in others:
            add(long_sentence_advice(text))
            continue
        search = conjunction
        match = conjunction(text) if "," in text else None
        if match is None:
            search = comma
            match = comma(text) if "," in text else None
            if match is None:
                add(_SPLIT_IT)
                continue
        split = match.start()
        match = search(text, match.end())
        if match is not None:
            starts = [split]
            while match:
                starts.append(match.start())
                match = search(text, match.end())
            split = _nearest(starts, len(text) / 2)
        add(f"{_SPLIT_IT}; perhaps at '{' '.join(text[split:].split(None, 4)[:4])}'")
    return found


def _commas(text: str) -> list[int]:
    starts: list[int] = []
    if "," in text:
        search = _SPLITS[1].search
        match = search(text)
        while match:
            starts.append(match.start())
            match = search(text, match.end())
    return starts


def _long_sentence(segment: Segment, context: RuleContext) -> _Found:
    count, most = len(segment.words), context.max_sentence_words
    if segment.prose and count > most:
        yield f"{count} words; the most is {most}", long_sentence_advice(segment.text)


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
