"""Which segments each plain-language rule need read, found from the words of the text.

A rule reads a segment at a time, and most segments break no rule: a letter of
a megabyte has tens of thousands of sentences, and a hundred words to avoid.
Every pattern of every rule lies within one whitespace-separated *token* of the
text or, for the passive and some dates, starts within one; so each distinct
token is read once, the first time it is seen, for the rules it could set off
(a :class:`TokenTable` remembers what it found), and a rule reads only the
segments that hold such a token. The look of a token decides it, not its
neighbours, so a token's answer may say a rule could match where the rule finds
nothing, never the other way round: the report is the same as every rule on
every segment, which ``tests/readability/test_lint_work.py`` checks.

The same reading gives each token's words and syllables, so a segment's counts
are one lookup a token, at the speed of a dictionary.
"""

import functools
import operator
import re
from collections.abc import Callable, Iterable, Mapping

from attrs import frozen

from .report import words_of
from .style_patterns import (
    ADVERB_TOKEN,
    BE_AT_END,
    NOT_PASSIVE,
    NUMBER_WORDS,
    PARTICIPLE_AT_START,
)

#: Each rule's bit in a token's mask, by the rule's code (``long-sentence`` counts words).
RULE_BITS = {
    "unexplained-abbreviation": 1,
    "unexplained-acronym": 2,
    "word-to-avoid": 4,
    "passive-voice": 8,
    "date-format": 16,
    "number-as-word": 32,
}
_ABBREVIATION, _ACRONYM, _AVOID, _PASSIVE, _DATE, _NUMBER = RULE_BITS.values()

WIDTH = 12
"""The bits of each count in a token's packed counts (see :class:`TokenTable`).

A segment's counts are the sum of its tokens' packed counts, so each of the
first four must stay below ``2 ** WIDTH`` in a segment: one shorter than
``2 ** (WIDTH - 1)`` characters, which has fewer words and tokens than that.
(Then a segment's sum also fits in a machine word, which ``sum`` adds fastest.)
Longer ones are counted token by token (see :meth:`TokenTable.counts`).
"""
LONGEST_PACKED = 1 << (WIDTH - 1)
_COUNT = (1 << WIDTH) - 1
#: The packed counts' fields of the tokens that could set off a rule but the passive, of those
#: that end with *be*, and of those that start with a participle.
OTHERS, BES, PARTICIPLES = (_COUNT << WIDTH * n for n in (1, 2, 3))
_FLAGS = OTHERS | BES | PARTICIPLES


@frozen(kw_only=True)
class WordScreens:
    """What a token is looked for in: the words that set off each rule that uses a list.

    Each word to avoid is found by one of its parts, the longest (a phrase's
    parts are whole runs of letters and digits, in any case); each acronym by
    itself or its plural, in its own case. A word or acronym that is not
    letters and digits (a custom ``A&E``) cannot be found so: its rule reads
    every segment (``everywhere``).
    """

    avoid: frozenset[str]
    acronyms: frozenset[str]
    everywhere: int
    """The bits of the rules that read every segment."""

    @classmethod
    def of(cls, avoid: Iterable[str], acronyms: Iterable[str]) -> "WordScreens":
        """The screens for these words to avoid and acronyms."""
        keys: set[str] = set()
        names: set[str] = set()
        everywhere = 0
        for phrase in avoid:
            parts = re.split(r"[\s-]+", phrase.strip())
            longest = max(parts, key=len)
            if longest.isascii() and longest.isalnum():
                keys.add(longest.lower())
            else:
                everywhere |= _AVOID
        for name in acronyms:
            if name.isascii() and name.isalnum():
                names.update((name, f"{name}s"))
            else:
                everywhere |= _ACRONYM
        return cls(avoid=frozenset(keys), acronyms=frozenset(names), everywhere=everywhere)


_NUMBER_START = re.compile(rf"(?<![\w-])(?:{'|'.join(NUMBER_WORDS)})", re.IGNORECASE)


class TokenTable(dict[str, int]):
    """Each token seen, by its packed counts: its words, what it could set off, its syllables.

    ``table[token]`` reads a token the first time it is asked for: its words
    (:func:`~.report.words_of`), their syllables, and what it could set off:
    the rules (:data:`RULE_BITS`) and the passive's parts, kept in ``codes``
    as a byte a token (0 for a token with neither). Counts are packed into one
    number, ``words | others << WIDTH | bes << 2 * WIDTH | participles << 3 * WIDTH
    | syllables << 4 * WIDTH`` (``others``: 1 for a token that could set off a rule
    but the passive; ``bes``: 1 for one that ends with *be*; ``participles``: 1 for
    one that starts with a participle), so that a segment's are
    ``sum(map(table.__getitem__, segment.split()))``. A segment could set off a
    rule only if it has a token of the first kind, or one of each of the others
    (the passive needs both).
    """

    def __init__(
        self,
        screens: WordScreens,
        abbreviations: re.Pattern[str],
        syllables: Callable[[str], int],
    ) -> None:
        super().__init__()
        self.screens = screens
        self.abbreviations = abbreviations
        self.syllables = syllables
        self.codes: dict[str, int] = {}

    def __missing__(self, token: str) -> int:
        words = words_of(token)
        count = self.syllables
        syllables = sum(count(word) for word in words)
        mask = self._mask(token)
        if _participle(token):
            mask |= _PASSIVE  # (its bit is also the participle's part of the passive)
        be = BE_AT_END.search(token) is not None
        self.codes[token] = (
            mask | (_BE_PART if be else 0) | (_ADVERB_PART if ADVERB_TOKEN.match(token) else 0)
        )
        packed = (
            len(words)
            | ((mask & ~_PASSIVE) != 0) << WIDTH
            | be << 2 * WIDTH
            | ((mask & _PASSIVE) != 0) << 3 * WIDTH
            | syllables << 4 * WIDTH
        )
        self[token] = packed
        return packed

    def clear(self) -> None:
        """Forget every token (a bound on the table's memory)."""
        super().clear()
        self.codes.clear()

    def _mask(self, token: str) -> int:
        mask = 0
        if self.abbreviations.search(token):
            mask |= _ABBREVIATION
        screens = self.screens
        if token.isascii():
            runs = _RUN.findall(token)
            if not screens.acronyms.isdisjoint(runs):
                mask |= _ACRONYM
            if not screens.avoid.isdisjoint(run.lower() for run in runs):
                mask |= _AVOID
        else:
            # Case-blind matching of text that is not ASCII is subtler than str.lower:
            # such a token could be any word to avoid (acronyms keep their case).
            if not screens.acronyms.isdisjoint(_RUN.findall(token)):
                mask |= _ACRONYM
            mask |= _AVOID
        if _DATES.search(token):
            mask |= _DATE
        if _NUMBER_START.search(token):
            mask |= _NUMBER
        return mask

    def counts(self, tokens: list[str]) -> tuple[int, int, int]:
        """A segment's words, flags and syllables, token by token: for a segment of any length.

        Its flags are the fields ``OTHERS``, ``BES`` and ``PARTICIPLES`` of its
        tokens' packed counts, each not 0 where its packed sum's is not.
        """
        packed = list(map(self.__getitem__, tokens))
        return (
            sum(one & _COUNT for one in packed),
            functools.reduce(operator.or_, packed, 0) & _FLAGS,
            sum(one >> 4 * WIDTH for one in packed),
        )

    def rules(self, tokens: list[str], prose: bool) -> int:
        """The bits of the rules that could find something in a segment of these tokens.

        ``tokens`` have all been looked up in the table. Their codes, a byte
        a token, are read for the passive's shape: a token that
        ends with *be*, up to two adverbs, then one that starts with a
        participle (the parts the passive's pattern has between its spaces).
        """
        codes = bytes(map(self.codes.__getitem__, tokens))
        mask = 0
        if _ANY_BUT_PASSIVE.search(codes):
            for code in set(codes):
                mask |= code
            mask &= _RULES & ~_PASSIVE
        if prose and _SEQUENCE.search(codes):
            mask |= _PASSIVE
        return mask


def _participle(token: str) -> bool:
    """Whether ``token`` starts with a participle that the passive's pattern would report."""
    match = PARTICIPLE_AT_START.match(token)
    return match is not None and match.group(1).lower() not in NOT_PASSIVE


# A token's code is a byte: the bits of the rules it could set off (the passive's bit marks a
# token that starts with a participle), and those of the passive's other two parts.
_RULES = sum(RULE_BITS.values())
_BE_PART, _ADVERB_PART = 64, 128


def _codes_with(part: int) -> str:
    """A set of bytes for a pattern: each code with one of the bits of ``part``."""
    return "".join(f"\\x{value:02x}" for value in range(256) if value & part)


_ANY_BUT_PASSIVE = re.compile(f"[{_codes_with(_RULES & ~_PASSIVE)}]".encode())
#: The passive's shape in a segment's codes (see :meth:`TokenTable.rules`), for a segment that
#: could set off no other rule: ``PASSIVE_SHAPE.search(bytes(map(table.codes.__getitem__, …)))``.
PASSIVE_SHAPE = _SEQUENCE = re.compile(
    f"[{_codes_with(_BE_PART)}][{_codes_with(_ADVERB_PART)}]{{0,2}}[{_codes_with(_PASSIVE)}]".encode()
)


_RUN = re.compile(r"[A-Za-z0-9]+")


def phrase_body(phrase: str) -> str:
    """A phrase as a regular expression: its parts, split on spaces and hyphens, joined by either.

    The body of a word to avoid's own pattern, and of its screen.
    """
    return r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", phrase.strip()))


def tokens_of(text: str) -> set[str]:
    """The distinct runs of ASCII letters and digits in ``text``, as written."""
    return set(_RUN.findall(text))


def _screen(behind: str, bodies: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """``(?<!behind)(?:body|…)``, or a pattern that matches nothing when there are no bodies.

    A case-sensitive body that starts with a letter or digit has it before the look back
    (which then spans it): the same matches, but the pattern starts with a set of characters,
    which the engine skips to rather than trying every branch at every character. (Case-blind
    patterns gain nothing by it: the engine does not skip to their letters.)
    """
    branches = [
        f"{body[0]}(?<!{behind}.){body[1:]}"
        if body[:1].isalnum() and not flags & re.IGNORECASE
        else f"(?<!{behind}){body}"
        for body in bodies
    ]
    return re.compile("|".join(branches), flags) if branches else _NOTHING


_NOTHING = re.compile(r"(?!)")
# The same as ``\d[/.-]\d|\b(?:Jan|Feb|…|Dec)``, written to start with a set of characters
# (the first letter of each branch, then a look back for the boundary before it), which the
# engine skips to rather than trying every branch at every character.
_DATES = re.compile(
    r"[\dJFMASOND](?:(?<=\d)[/.-]\d|(?<!\w.)(?:(?<=J)(?:an|un|ul)|(?<=F)eb|(?<=M)a[ry]"
    r"|(?<=A)(?:pr|ug)|(?<=S)ep|(?<=O)ct|(?<=N)ov|(?<=D)ec))"
)


def explanations(text: str, names: Mapping[str, str]) -> dict[str, int]:
    """Where each acronym is first spelled out in ``text``, by its offset.

    Either the words and then the acronym in brackets, as GOV.UK writes it
    ("independent reviewing officer (IRO)"), or the acronym and then the words
    in brackets ("IRO (independent reviewing officer)").
    """
    found: dict[str, int] = {}
    if not names:
        return found
    # One pass finds the acronyms the text holds at all; only those are searched for.
    anywhere = _screen(r"[\w-]", (re.escape(name) for name in sorted(names, key=len, reverse=True)))
    present = set(anywhere.findall(text))
    for acronym in names:
        if not any(name.startswith(acronym) for name in present):
            continue
        name = re.escape(acronym)
        after = _spelled_before_brackets(text, name)
        before = re.search(rf"(?<![\w-]){name}s?\s*\(\s*[A-Za-z][^()]*\s[^()]*\)", text)
        places = ([after] if after is not None else []) + ([before.start()] if before else [])
        if places:
            found[acronym] = min(places)
    return found


def _spelled_before_brackets(text: str, name: str) -> int | None:
    """Where the first "(ACRONYM)" after a word is: ``\\w[\\s,]*(\\(ACRONYM\\))``'s bracket.

    Searched from each bracket (a literal the search skips to), then looking
    back over spaces and commas for a word character, rather than trying the
    pattern at every word of the text.
    """
    for bracket in re.finditer(rf"\(\s*{name}s?\s*\)", text):
        before = bracket.start()
        while before > 0 and (text[before - 1].isspace() or text[before - 1] == ","):
            before -= 1
        if before > 0 and re.match(r"\w", text[before - 1]):
            return bracket.start()
    return None
