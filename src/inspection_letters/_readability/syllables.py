"""Syllables of English words, for the readability formulas.

Two counters, combined:

* **Vowel groups** (always available, pure Python): each run of vowels is a
  syllable, with a few corrections for English spelling: a silent final ``e``
  (*make*), a silent ``-es`` or ``-ed`` (*homes*, *worked*, but not *services*
  or *wanted*), a syllabic ``-le`` or ``-re`` (*little*, *centre*), a silent
  ``e`` before a suffix (*placement*, *safely*) and vowel pairs that are two
  syllables (*area*, *idea*, *experience*, *actual*).
* **Hyphenation points** from pyphen's British English patterns (``en_GB``),
  when the optional extra ``readability`` is installed. A word has one syllable
  more than it has hyphenation points.

Hyphenation patterns are made for breaking lines, not counting syllables: they
leave out breaks that would strand one or two letters or that printers avoid,
so pyphen sees one syllable in *about*, *idea*, *every*, *people* and *quickly*.
They almost never break where there is no syllable boundary. So where pyphen
is installed a word's count is the larger of the two counters: the patterns
correct the vowel groups' misses in long words, and the vowel groups fill the
breaks the patterns leave out. Pieces with no vowel (pyphen splits
*inspectors* as ``in-spect-or-s``) are not counted.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import re
from collections.abc import Callable
from typing import Any

PYPHEN = "pyphen"
"""The method name when pyphen is installed: the larger of its count and the vowel groups'."""

HEURISTIC = "heuristic"
"""The method name without pyphen: vowel groups only."""

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_NOT_LETTER = re.compile(r"[^a-z]")
# A silent e before a suffix that starts with a consonant: place-ment, safe-ly.
_SILENT_E_SUFFIX = re.compile(
    r"[aeiouy][^aeiouy]{1,2}e(?:ment|ments|ly|ful|fully|ness|less|where|thing|times|one)$"
)
# Words that begin with a compound part ending in a silent e: some-one, home-work.
_SILENT_E_PREFIX = re.compile(
    r"^(?:some|home|care|safe|life|time|there|where|hope|base)[^aeiouy][a-z]+"
)
# Vowel pairs that are two syllables: ar-e-a, i-de-a, ex-pe-ri-ence, ac-tu-al.
_TWO_SYLLABLE_PAIRS = (
    re.compile(r"[^aeiou]eas?$|crea|thea"),  # area, ideas, create, theatre
    re.compile(r"(?<![ctsgx])ia"),  # media, criteria, trial
    re.compile(r"(?<![ctsgx])io"),  # period, violence, previous
    re.compile(r"(?<![qg])ua"),  # actual, usually
    re.compile(r"iu"),  # medium
    re.compile(r"(?<![ct])ien[ct]"),  # experience, client
    re.compile(r"[^aeiou]yi"),  # trying
    re.compile(r"[^aeioupg]eo"),  # video, theory; not people, surgeon
    re.compile(r"uou"),  # continuous
)


@functools.lru_cache(maxsize=8192)
def heuristic_syllables(word: str) -> int:
    """The syllables of ``word`` counted from its groups of vowels; at least 1.

    >>> [heuristic_syllables(w) for w in ("make", "little", "services", "area", "worked")]
    [1, 2, 3, 3, 1]
    """
    letters = _NOT_LETTER.sub("", word.lower())
    if len(letters) <= 3:
        return 1
    # A y at the start of a word or after a vowel is a consonant: you, they.
    if letters[0] == "y":
        letters = "j" + letters[1:]
    letters = re.sub(r"(?<=[aeiou])y", "j", letters)
    count = len(_VOWEL_GROUP.findall(letters))
    count += sum(len(pair.findall(letters)) for pair in _TWO_SYLLABLE_PAIRS)
    if _silent_ending(letters):
        count -= 1
    if _SILENT_E_SUFFIX.search(letters) or _SILENT_E_PREFIX.match(letters):
        count -= 1
    return max(count, 1)


def _silent_ending(letters: str) -> bool:
    """Whether the word ends in a silent ``e``, ``es`` or ``ed``."""
    # A consonant and l or r before the ending keeps it: lit-tle, cen-tre, ta-bles.
    if re.search(r"[^aeiouylr][lr](?:e|es|ed)$", letters):
        return False
    if re.search(r"[^aeiouy]e$", letters):
        return True
    if re.search(r"(?:s|x|z|ch|sh|c|g)es$", letters):
        return False
    if re.search(r"[^aeiouy]es$", letters):
        return True
    return re.search(r"[^aeiouytd]ed$", letters) is not None


Counter = Callable[[str], int]


def _pyphen_counter(pyphen: Any) -> Counter | None:
    """A counter using pyphen's ``en_GB`` patterns, or ``None`` without pyphen."""
    if pyphen is None:
        return None
    dictionary = pyphen.Pyphen(lang="en_GB", left=1, right=1)

    @functools.lru_cache(maxsize=8192)
    def count(word: str) -> int:
        lowered = word.lower()
        cuts = [0, *dictionary.positions(lowered), len(lowered)]
        # A word's first y is a consonant (you, young), so is no syllable on its own.
        spelled = "j" + lowered[1:] if lowered.startswith("y") else lowered
        pieces = [spelled[start:end] for start, end in itertools.pairwise(cuts)]
        voiced = sum(1 for piece in pieces if _VOWEL_GROUP.search(piece))
        return max(voiced, heuristic_syllables(lowered))

    return count


def syllable_counter() -> tuple[Counter, str]:
    """The best syllable counter installed, and its method: :data:`PYPHEN` or :data:`HEURISTIC`.

    A word with hyphens counts the syllables of each part; apostrophes and a
    possessive ``'s`` are ignored; a word with no letters (a number) is one
    syllable. Made once (pyphen's dictionary is loaded once), and each word's
    count is remembered.
    """
    # pyphen is imported here, not at module level, so that importing the library never needs it.
    try:
        pyphen = importlib.import_module("pyphen")
    except ImportError:
        pyphen = None
    return _counter(pyphen)


@functools.cache
def _counter(pyphen: Any) -> tuple[Counter, str]:
    """The counter for pyphen (or ``None``), made once for each."""
    base = _pyphen_counter(pyphen)
    method = HEURISTIC if base is None else PYPHEN
    per_part: Counter = heuristic_syllables if base is None else base

    @functools.lru_cache(maxsize=65536)  # a letter's words repeat: each is counted once
    def count(word: str) -> int:
        plain = re.sub(r"['’]s$", "", word).replace("'", "").replace("’", "")
        parts = [part for part in re.split(r"[-‐–]", plain) if re.search(r"[A-Za-z]", part)]
        return sum(per_part(part) for part in parts) or 1

    return count, method
