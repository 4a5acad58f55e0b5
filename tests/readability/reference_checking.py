"""The readability check as it was before it read the whole text at once: the reference.

Only the tests import it: ``check_readability`` must give the same report, byte
for byte, as this (``test_lint_reference.py``). It is the library's
``checking.py``, with the long sentence's advice of ``plain_language.py``, as they
were (commit a9f77c0); the cutting is :mod:`tests.readability.reference_cutting`.
"""

import bisect
import functools
import heapq
import re
from collections.abc import Iterable, Mapping

from inspection_letters._errors import InvalidValueError, UnknownNameError
from inspection_letters._readability.plain_language import PLAIN_LANGUAGE_RULES, RuleContext
from inspection_letters._readability.report import (
    ReadabilityIssue,
    ReadabilityReport,
    Segment,
    flesch_kincaid_grade,
    flesch_reading_ease,
    issue_of,
    uk_reading_age,
)
from inspection_letters._readability.screening import (
    BES,
    LONGEST_PACKED,
    OTHERS,
    PARTICIPLES,
    PASSIVE_SHAPE,
    RULE_BITS,
    WIDTH,
    TokenTable,
    WordScreens,
    tokens_of,
)
from inspection_letters._readability.syllables import Counter, syllable_counter
from inspection_letters._readability.word_lists import _table, abbreviations, acronyms
from tests.readability.reference_cutting import cut

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
    split = starts[0]
    if len(starts) > 1:
        # The splits are in order, so the nearest is the last before the middle or the first after.
        middle = len(text) / 2
        at = bisect.bisect_left(starts, middle)
        near = starts[max(at - 1, 0) : at + 1]
        split = near[0]
        if len(near) == 2 and abs(near[1] - middle) < abs(split - middle):
            split = near[1]
    after = " ".join(text[split:].split(None, 4)[:4])
    return f"{_SPLIT_IT}; perhaps at '{after}'"


def _commas(text: str) -> list[int]:
    starts: list[int] = []
    if "," in text:
        search = _SPLITS[1].search
        match = search(text)
        while match:
            starts.append(match.start())
            match = search(text, match.end())
    return starts


Words = Iterable[str] | Mapping[str, str]
"""Extra words: a list of words, or a mapping of each word to what to write instead."""

_COUNT = (1 << WIDTH) - 1
_MOST_TOKENS = 1 << 20
"""How many distinct tokens a table keeps before it starts again (a bound on its memory)."""


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


@functools.lru_cache(maxsize=8)
def _token_table(avoid: tuple[str, ...], names: tuple[str, ...], count: Counter) -> TokenTable:
    """The table of tokens for the bundled lists and these extra words, made once for each."""
    screens = WordScreens.of(
        [*(row[0] for row in _table("words_to_avoid.txt")), *avoid], [*acronyms(), *names]
    )
    dotted = (r"\.?".join(short) for short in abbreviations())  # as the rule has them
    shorts = "|".join(rf"(?<![\w.]){short}\b\.?" for short in dotted)
    return TokenTable(screens, re.compile(shorts or r"(?!)", re.IGNORECASE), count)


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
    parts = cut(text)
    texts, prose = parts.texts, parts.prose
    if True not in prose:
        raise InvalidValueError(
            "the text has no sentences to measure: a sentence ends with '.', '?' or '!'"
        )
    extra_avoid = _words("extra_words_to_avoid", extra_words_to_avoid)
    extra_names = _words("extra_acronyms", extra_acronyms)
    count, method = syllable_counter()
    table = _token_table(tuple(extra_avoid), tuple(extra_names), count)
    if len(table) > _MOST_TOKENS:
        table.clear()
    enabled = sum(bit for code, bit in RULE_BITS.items() if code not in disabled)
    words, syllables, masks = _tally(texts, prose, table, enabled)
    sentences = [i for i, is_prose in enumerate(prose) if is_prose]
    total_words = sum(words[i] for i in sentences)
    total_syllables = sum(syllables[i] for i in sentences)
    grade = flesch_kincaid_grade(total_words, len(sentences), total_syllables)
    issues = _issues(
        text,
        parts.texts,
        parts.lines,
        parts.offsets,
        prose,
        words=words,
        long=[i for i in sentences if words[i] > max_sentence_words],
        masks=masks,
        everywhere=table.screens.everywhere & enabled,
        disabled=disabled,
        max_sentence_words=max_sentence_words,
        extra_avoid=extra_avoid,
        extra_names=extra_names,
    )
    # The three longest, longest first, ties in the text's order (nlargest is a stable sort).
    longest = heapq.nlargest(3, sentences, key=words.__getitem__)
    return ReadabilityReport(
        flesch_reading_ease=flesch_reading_ease(total_words, len(sentences), total_syllables),
        flesch_kincaid_grade=grade,
        reading_age=uk_reading_age(grade),
        sentences=len(sentences),
        words=total_words,
        syllables=total_syllables,
        syllable_method=method,
        longest_sentences=tuple(texts[i] for i in longest),
        issues=issues,
    )


def _tally(
    texts: list[str], prose: list[bool], table: TokenTable, enabled: int
) -> tuple[list[int], list[int], dict[int, int]]:
    """Each segment's words and syllables, and the rules that could find something in it.

    A segment's tokens are looked up once for its counts (one ``sum`` of their
    packed counts; a segment too long to pack alone counted token by token), and
    kept only while the rules that could read it are told apart (so that their
    hashes are not worked out again): a few thousand segments at a time. A
    segment with no token for a rule but the passive has only the passive's
    shape read.
    """
    get = table.__getitem__
    rules, shape, code = table.rules, PASSIVE_SHAPE.search, table.codes.__getitem__
    passive_bit = RULE_BITS["passive-voice"] & enabled
    words: list[int] = []
    syllables: list[int] = []
    masks: dict[int, int] = {}
    step = 4096
    for low in range(0, len(texts), step):
        chunk = texts[low : low + step]
        tokens = [part.split() for part in chunk]
        packed = [sum(map(get, some)) for some in tokens]
        counts = [one & _COUNT for one in packed]
        sums = [one >> 4 * WIDTH for one in packed]
        if max(map(len, chunk)) >= LONGEST_PACKED:
            # A segment of thousands of characters, whose sum's fields could overflow: its
            # counts are summed token by token.
            for i, part in enumerate(chunk):
                if len(part) >= LONGEST_PACKED:
                    counts[i], packed[i], sums[i] = table.counts(tokens[i])
        words += counts
        syllables += sums
        if passive_bit:
            flagged = [
                i
                for i, one in enumerate(packed)
                if one & OTHERS or (one & BES and one & PARTICIPLES)
            ]
        else:
            flagged = [i for i, one in enumerate(packed) if one & OTHERS]
        for i in flagged:
            if packed[i] & OTHERS:
                mask = rules(tokens[i], prose[low + i]) & enabled
            elif prose[low + i] and shape(bytes(map(code, tokens[i]))):
                mask = passive_bit
            else:
                continue
            if mask:
                masks[low + i] = mask
    return words, syllables, masks


def _issues(
    text: str,
    texts: list[str],
    lines: list[int],
    offsets: list[int],
    prose: list[bool],
    *,
    words: list[int],
    long: list[int],
    masks: dict[int, int],
    everywhere: int,
    disabled: set[str],
    max_sentence_words: int,
    extra_avoid: dict[str, str],
    extra_names: dict[str, str],
) -> tuple[ReadabilityIssue, ...]:
    """Every issue, in the text's order: each segment's in the order of the rules."""
    if everywhere:
        masks = {i: masks.get(i, 0) | everywhere for i in range(len(texts))}
    others = [
        (rule, RULE_BITS[rule.code])
        for rule in PLAIN_LANGUAGE_RULES
        if rule.code in RULE_BITS and rule.code not in disabled
    ]
    long_ones = set(long) if "long-sentence" not in disabled else set()
    context = _context(text, texts, masks, max_sentence_words, extra_avoid, extra_names)
    long_rule = PLAIN_LANGUAGE_RULES[0]
    code, severity, summary = long_rule.code, long_rule.severity, long_rule.summary
    most = f" words; the most is {max_sentence_words}"
    if not masks:  # (as in most letters: only sentences too long)
        return tuple(
            issue_of(
                code,
                severity,
                texts[i],
                lines[i],
                f"{words[i]}{most}",
                summary,
                long_sentence_advice(texts[i]),
            )
            for i in sorted(long_ones)
        )
    found: list[ReadabilityIssue] = []
    add = found.append
    for i in sorted(long_ones.union(masks)):
        part = texts[i]
        if i in long_ones:
            advice = long_sentence_advice(part)
            add(issue_of(code, severity, part, lines[i], f"{words[i]}{most}", summary, advice))
        mask = masks.get(i)
        if mask:
            segment = Segment(text=part, line=lines[i], offset=offsets[i], prose=prose[i])
            for rule, bit in others:
                if mask & bit:
                    found.extend(rule.issues(segment, context))
    return tuple(found)


def _context(
    text: str,
    texts: list[str],
    masks: dict[int, int],
    max_sentence_words: int,
    extra_avoid: dict[str, str],
    extra_names: dict[str, str],
) -> RuleContext:
    """The rules' context: the words to avoid and acronyms only where a segment needs them."""
    needs = RULE_BITS["word-to-avoid"] | RULE_BITS["unexplained-acronym"]
    touched = [texts[i] for i, mask in masks.items() if mask & needs]
    if not touched:
        return RuleContext(
            max_sentence_words=max_sentence_words, avoid=(), acronyms={}, explained={}
        )
    return RuleContext.build(
        text,
        max_sentence_words=max_sentence_words,
        extra_words_to_avoid=extra_avoid,
        extra_acronyms=extra_names,
        tokens=tokens_of("\n".join(touched)),
    )
