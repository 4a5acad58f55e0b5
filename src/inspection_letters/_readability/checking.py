"""``check_readability``: a letter's scores and its broken rules, in one reading of its text.

The text is cut into segments (:mod:`.cutting`), and each segment's tokens
(its whitespace-separated pieces) are looked up in a :class:`~.screening.TokenTable`:
one lookup a token gives the segment's words, its syllables and whether any
rule but the length of sentences could find something there. Only those
segments are read by the rules they could set off, and only the sentences
over the length limit are told so. The table outlives the call (one for each
set of extra words), so a token is read once in a process, not once a letter.

The report is the same as reading every segment with every rule in turn
(``tests/readability/test_lint_work.py`` holds the two together).
"""

import bisect
import functools
import heapq
import re
from collections.abc import Callable, Iterable, Mapping
from itertools import accumulate, chain, compress

from .._errors import InvalidValueError, UnknownNameError
from .cutting import cut
from .plain_language import PLAIN_LANGUAGE_RULES, RuleContext, long_sentences_advice
from .report import (
    ReadabilityIssue,
    ReadabilityReport,
    Segment,
    flesch_kincaid_grade,
    flesch_reading_ease,
    issues_of,
    uk_reading_age,
)
from .screening import (
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
from .syllables import Counter, syllable_counter
from .word_lists import _table, abbreviations, acronyms

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
    sentences = list(compress(range(len(prose)), prose))
    total_words = sum(compress(words, prose))
    total_syllables = sum(compress(syllables, prose))
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
    hashes are not worked out again): a few hundred segments at a time (fewer
    strings alive at once stay in the processor's cache: about a tenth faster
    than a few thousand). A segment with no token for a rule but the passive has
    only the passive's shape read, in one search of the chunk's candidates.
    """
    get = table.__getitem__
    rules, code = table.rules, table.codes.__getitem__
    passive_bit = RULE_BITS["passive-voice"] & enabled
    words: list[int] = []
    syllables: list[int] = []
    masks: dict[int, int] = {}
    step = 256
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
        passive_only = []
        for i in flagged:
            if packed[i] & OTHERS:
                mask = rules(tokens[i], prose[low + i]) & enabled
                if mask:
                    masks[low + i] = mask
            elif prose[low + i]:
                passive_only.append(i)
        for i in _passive_shaped(passive_only, tokens, code):
            masks[low + i] = passive_bit
    return words, syllables, masks


def _passive_shaped(
    candidates: list[int], tokens: list[list[str]], code: Callable[[str], int]
) -> list[int]:
    """Those of the ``candidates`` whose tokens' codes have the passive's shape.

    The codes of all of them are read in one search: a match within one
    segment's codes is that segment's; a match across two segments' codes is
    neither's, and each segment it touches is searched alone (the shape has
    no anchors or look-arounds, so a search between two positions is the
    segment's own search).
    """
    if not candidates:
        return []
    some = [tokens[i] for i in candidates]
    codes = bytes(map(code, chain.from_iterable(some)))
    ends = list(accumulate(map(len, some)))
    found: list[int] = []
    last = -1
    for match in PASSIVE_SHAPE.finditer(codes):
        first = bisect.bisect_right(ends, match.start())
        final = bisect.bisect_right(ends, match.end() - 1)
        for k in range(first, final + 1):
            if k != last and (
                first == final or PASSIVE_SHAPE.search(codes, ends[k - 1] if k else 0, ends[k])
            ):
                found.append(candidates[k])
                last = k
    return found


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
    long_ones = long if "long-sentence" not in disabled else []
    found = _long_issues(texts, lines, words, long_ones, max_sentence_words)
    if not masks:  # (as in most letters: only sentences too long)
        return tuple(found)
    # The other rules' issues of each segment they read, after its own long one (if it has one).
    context = _context(text, texts, masks, max_sentence_words, extra_avoid, extra_names)
    merged: list[ReadabilityIssue] = []
    done = 0  # the long issues added so far
    for i in sorted(masks):
        mask = masks[i]
        if mask:
            upto = bisect.bisect_right(long_ones, i, done)
            merged += found[done:upto]
            done = upto
            segment = Segment(text=texts[i], line=lines[i], offset=offsets[i], prose=prose[i])
            for rule, bit in others:
                if mask & bit:
                    merged.extend(rule.issues(segment, context))
    merged += found[done:]
    return tuple(merged)


def _long_issues(
    texts: list[str], lines: list[int], words: list[int], long: list[int], most: int
) -> list[ReadabilityIssue]:
    """The issues of the sentences too long (``long``, in order), all made at once."""
    if not long:
        return []
    rule = PLAIN_LANGUAGE_RULES[0]
    sentences = list(map(texts.__getitem__, long))
    counts = list(map(words.__getitem__, long))
    tail = f" words; the most is {most}"
    messages = {count: f"{count}{tail}" for count in set(counts)}
    return issues_of(
        rule.code,
        rule.severity,
        sentences,
        list(map(lines.__getitem__, long)),
        list(map(messages.__getitem__, counts)),
        rule.summary,
        long_sentences_advice(sentences),
    )


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
