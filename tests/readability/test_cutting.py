"""The text cut into segments: the one-pass cutter against a plain reading of the rules.

:mod:`inspection_letters._readability.cutting` finds the sentence boundaries of
the whole text in one search and places them by arithmetic; the reference
here is the plain reading of its rules, block by block, with each block
searched on its own (the cutter of issue #15's first round). They must agree.
"""

import bisect
import re
from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from inspection_letters._readability.cutting import cut
from inspection_letters._readability.report import segments

_LIST_MARKER = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
_TERMINAL = re.compile(r"[.?!][\"'’”)\]]*$")
_BOUNDARY = re.compile(r"[.?!][\"'’”)\]]*\s+(?=[\"'‘“(\[]?[A-Z0-9])")
_NO_BREAK_AFTER = {"mr", "mrs", "ms", "dr", "st", "prof", "rev", "no", "eg", "ie", "vs"}

Segment = tuple[str, int, int, bool]
"""A segment as the reference gives it: its text, line, offset, and whether it is prose."""


def _reference(text: str) -> list[Segment]:
    """The segments of ``text``, block by block."""
    found: list[Segment] = []
    for block, starts, table in _blocks(text):
        if not table and _TERMINAL.search(block):
            found.extend(_sentences(block, starts))
        else:
            found.append((block, starts[0][1], starts[0][2], False))
    return found


Starts = list[tuple[int, int, int]]


def _blocks(text: str) -> Iterator[tuple[str, Starts, bool]]:
    current: list[tuple[str, int, int]] = []
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
            yield stripped, [(0, number, begin)], True
        elif marker:
            current = [(line[marker.end() :].strip(), number, start + marker.end())]
        elif current and _continues(current[-1][0], stripped):
            current.append((stripped, number, begin))
        else:
            yield from _join(current)
            current = [(stripped, number, begin)]
    yield from _join(current)


def _continues(previous: str, line: str) -> bool:
    return not _TERMINAL.search(previous) and (line[:1].islower() or len(previous) >= 60)


def _join(lines: list[tuple[str, int, int]]) -> Iterator[tuple[str, Starts, bool]]:
    if lines:
        starts, position = [], 0
        for stripped, number, offset in lines:
            starts.append((position, number, offset))
            position += len(stripped) + 1
        yield " ".join(stripped for stripped, _, _ in lines), starts, False


def _sentences(block: str, starts: Starts) -> Iterator[Segment]:
    def place(start: int, end: int) -> Segment:
        index = bisect.bisect_right([at for at, _, _ in starts], start) - 1
        at, line, offset = starts[max(index, 0)]
        return block[start:end], line, offset + start - at, True

    start = 0
    for boundary in _BOUNDARY.finditer(block):
        words = block[start : boundary.start()].split()
        if words and words[-1].lower().replace(".", "") in _NO_BREAK_AFTER:
            continue
        yield place(start, boundary.start() + len(boundary.group().rstrip()))
        start = boundary.end()
    yield place(start, len(block))


_PIECES = [
    "We", "met", "you", ".", "Mr.", "e.g.", "No.", "?", "!", "\n", "\n\n", "\n- ", "\n1. ",
    "\n12) ", "\t", " ", "  ", "a", "A", "'", ")", "“", "”", "7", "\r\n", "\r", "\x0c", "\u2028",
    "٣. ", "x" * 30, "-", "•", "* ", "\xa0", "\n   ", "—",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=80))
def test_cut_agrees_with_the_plain_reading(pieces: list[str]) -> None:
    """The one-pass cutter gives the segments, lines and offsets that the plain reading does."""
    text = "".join(pieces)
    found = cut(text)
    expected = _reference(text)
    assert expected == list(zip(found.texts, found.lines, found.offsets, found.prose, strict=True))
    assert expected == [(s.text, s.line, s.offset, s.prose) for s in segments(text)]


def test_a_long_line_of_sentences_is_placed_by_arithmetic() -> None:
    """Each sentence of a line of many starts where the text has it."""
    text = "Heading\n\n- " + " ".join(f"We met {n} of you." for n in range(500)) + "\n"
    found = cut(text)
    assert 501 == len(found.texts)
    placed = zip(found.texts, found.offsets, strict=True)
    assert all(text[at : at + len(part)] == part for part, at in placed)
    assert {1, 3} == set(found.lines)
