"""Passages of a report found by their first words, for a letter to quote.

A letter writer types the opening words of the passage they want, often with
straight quotes where the report prints curly ones; the passage is found
whatever the case, the kind of apostrophe or the spacing, and returned exactly
as printed, cut after the number of sentences asked for.
"""

import re
from collections.abc import Sequence

from .._errors import InvalidValueError

# One character for one: the same length, so that a match maps back to the printed text.
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\n": " ", "–": "-", "—": "-"})
# A sentence ends at a full stop, question or exclamation mark (and any closing quote)
# followed by a space and a capital or an opening quote or bullet.
_SENTENCE_END = re.compile(r"(?<=[.!?])[’”')]*(?=\s+[A-Z‘“'(◼0-9]|\s*$)")


def _folded(text: str) -> str:
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.translate(_FOLD))


def find_passage(
    passages: Sequence[tuple[str, str]], first_words: str, sentences: int
) -> tuple[str, str]:
    """The source and text of the passage that starts with ``first_words``.

    >>> find_passage([("summary", "One thing. Two things! Three.")], "two THINGS", 2)
    ('summary', 'Two things! Three.')
    """
    if not isinstance(first_words, str) or not first_words.split():
        raise InvalidValueError(f"{first_words!r} is not the first words of a passage")
    if isinstance(sentences, bool) or not isinstance(sentences, int) or sentences < 1:
        raise InvalidValueError(f"sentences: {sentences!r} is not a whole number from 1")
    wanted = _folded(" ".join(first_words.split()))
    for source, text in passages:
        folded = _folded(text)
        start = folded.find(wanted)
        while start > 0 and not _starts_word(folded, start):
            start = folded.find(wanted, start + 1)
        if start < 0:
            continue
        ends = [m.end() for m in _SENTENCE_END.finditer(text, start + len(wanted) - 1)]
        if len(ends) < sentences:
            message = (
                f"the passage of {source} that starts {first_words!r} has "
                f"{len(ends)} sentence(s), not {sentences}"
            )
            raise InvalidValueError(message)
        return source, " ".join(text[start : ends[sentences - 1]].split())
    raise InvalidValueError(f"no passage of the report starts with {first_words!r}")


def _starts_word(text: str, position: int) -> bool:
    return position == 0 or not text[position - 1].isalnum()
