"""Which sentences each plain-language rule need read: one search of the whole text a rule.

A rule reads a sentence at a time, and most sentences break no rule: a letter
of a megabyte has tens of thousands of sentences, and a hundred words to avoid.
Rather than try every rule's patterns on every sentence, each rule has a
*screen*: a pattern that matches wherever the rule's own patterns could
(their common beginning), run once over the sentences joined by newlines.
Only the sentences it touches are given to the rule. A screen may match where
the rule finds nothing, never the other way round, so the report is the same;
the work is one search of the text a rule, at the speed of the regular
expression engine, and then only the sentences that need a closer look.
"""

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

from .report import ReadabilityIssue, Segment
from .style_patterns import NUMBER_WORDS, PASSIVE_IN_LOWER_CASE


def phrase_body(phrase: str) -> str:
    """A phrase as a regular expression: its parts, split on spaces and hyphens, joined by either.

    The body of a word to avoid's own pattern, and of its screen.
    """
    return r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", phrase.strip()))


@functools.lru_cache(maxsize=4096)  # the same hundred words for every letter
def _phrase_start(phrase: str) -> str:
    """The first part of a phrase as the word patterns split it (on spaces and hyphens)."""
    return re.split(r"[\s-]+", phrase.strip())[0]


_TOKEN = re.compile(r"[A-Za-z0-9]+")


def tokens_of(text: str) -> set[str]:
    """The distinct runs of ASCII letters and digits in ``text``, as written."""
    return set(_TOKEN.findall(text))


def screens(
    text: str,
    *,
    avoid: Iterable[str],
    acronyms: Iterable[str],
    abbreviations: Iterable[str],
    tokens: AbstractSet[str] | None = None,
) -> tuple[dict[str, re.Pattern[str] | None], frozenset[str]]:
    """Each rule's screen for ``text`` by its code (``None`` where the rule reads every
    sentence), and the codes whose screens read the text in lower case.

    Each is the start of the rule's own patterns: the same boundary before,
    the same first word (for words to avoid, the whole phrase), in the same
    case (or any case where the rule's is).
    The words of the text are listed once, and a screen names only the words
    the text has: a letter uses few of the hundred words to avoid, and a
    screen of three words is searched far faster than one of a hundred. Text
    that is not ASCII keeps every word (its case-blind matching is subtler
    than ``str.lower``). ``tokens`` are :func:`tokens_of` ``text``, where already found.
    """
    exact = tokens_of(text) if tokens is None else tokens
    lowered = {token.lower() for token in exact}
    ascii_only = text.isascii()

    def used(word: str, *, case: bool = False) -> bool:
        if not ascii_only:
            return True
        first = (_TOKEN.findall(word) or [""])[0]
        return first in exact if case else first.lower() in lowered

    # The whole of each phrase, not just its first word: "in order to" is rare, "in" is not.
    phrases = sorted({p.strip() for p in avoid if used(_phrase_start(p))})
    named = [a for a in acronyms if used(a, case=True) or used(f"{a}s", case=True)]
    shorts = [
        short
        for short in abbreviations
        if used(short) or (used(short[:1]) and re.search(_dotted(short), text, re.I))
    ]
    numbers = [word for word in NUMBER_WORDS if used(word)]
    found: dict[str, re.Pattern[str] | None] = {
        "long-sentence": None,
        "unexplained-abbreviation": _screen(r"[\w.]", map(_dotted, shorts), re.I),
        "unexplained-acronym": _screen(r"[\w-]", map(re.escape, _longest_first(named))),
        "word-to-avoid": _screen(r"[\w-]", map(phrase_body, phrases), re.I),
        "passive-voice": None,
        # Every date pattern has a month's name (each starts with its first three letters)
        # or digits around a slash, dot or hyphen.
        "date-format": _DATES,
        "number-as-word": _screen(r"[\w-]", map(re.escape, _longest_first(numbers)), re.I),
    }
    lower_case = set()
    if ascii_only:
        # Case-blind screens of ASCII words read the text in lower case (see ``screened``),
        # where a screen that starts with a letter is searched several times faster.
        found["passive-voice"] = PASSIVE_IN_LOWER_CASE
        lower_case.add("passive-voice")
        lowered_words: dict[str, tuple[str, Callable[[str], str], Sequence[str]]] = {
            "unexplained-abbreviation": (r"[\w.]", _dotted, shorts),
            "word-to-avoid": (r"[\w-]", phrase_body, phrases),
            "number-as-word": (r"[\w-]", re.escape, _longest_first(numbers)),
        }
        for code, (behind, body, words) in lowered_words.items():
            if all(word.isascii() for word in words):
                found[code] = _screen(behind, (body(word.lower()) for word in words))
                lower_case.add(code)
    return found, frozenset(lower_case)


def _dotted(short: str) -> str:
    """An abbreviation as a pattern with an optional full stop after each letter: e.g, eg."""
    return r"\.?".join(re.escape(c) for c in short)


def _longest_first(words: Iterable[str]) -> list[str]:
    """The words without repeats, longest first (the order the rules' alternatives take)."""
    return sorted(set(words), key=len, reverse=True)


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


def screened(
    parts: Sequence[Segment],
    patterns: Mapping[str, re.Pattern[str] | None],
    lower_case: AbstractSet[str] = frozenset(),
) -> dict[str, Sequence[int]]:
    """For each rule, the positions in ``parts`` of the sentences its screen touches.

    The screens of the codes in ``lower_case`` read the text in lower case (which
    :func:`screens` gives only for ASCII text, where lowering moves no offsets).
    """
    joined = "\n".join(part.text for part in parts)
    starts, at = [], 0
    for part in parts:
        starts.append(at)
        at += len(part.text) + 1
    every = range(len(parts))
    found: dict[str, Sequence[int]] = {}
    lowered = ""
    for code, pattern in patterns.items():
        if pattern is None or pattern is _NOTHING:
            found[code] = every if pattern is None else ()
            continue
        if code in lower_case:
            lowered = lowered or joined.lower()
        searched = lowered if code in lower_case else joined
        touched: list[int] = []
        match = pattern.search(searched)
        while match is not None:
            index = bisect.bisect_right(starts, match.start()) - 1
            touched.append(index)
            # One match is enough for a sentence: go on from the next one.
            if index + 1 >= len(starts):
                break
            match = pattern.search(searched, starts[index + 1])
        found[code] = touched
    return found


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


def in_reading_order(
    found: Iterable[tuple[int, int, Iterable[ReadabilityIssue]]],
) -> tuple[ReadabilityIssue, ...]:
    """Issues found rule by rule, as ``(sentence, rule, issues)``, in the letter's order.

    Each sentence's issues in the order of the rules, and each rule's in its
    own order: as reading every sentence with every rule in turn gives them.
    """
    flat = [(index, order, issue) for index, order, issues in found for issue in issues]
    flat.sort(key=lambda one: one[:2])
    return tuple(issue for _, _, issue in flat)
