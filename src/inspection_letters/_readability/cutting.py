"""A letter's text cut into segments: sentences of prose, and lines that are not prose.

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

The segments are plain lists here, one entry a segment (the text is read once,
line by line, and a sentence costs a few list appends): :func:`.report.segments`
makes :class:`~.report.Segment` objects of them, and ``check_readability`` reads
the lists themselves.
"""

import bisect
import re

from attrs import frozen

_LIST_MARKER = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
_CLOSERS = "\"'’”)]"
_ENDS = frozenset(".?!")
_BOUNDARY = re.compile(r"([.?!][\"'’”)\]]*)\s+(?=[\"'‘“(\[]?[A-Z0-9])")
# _BOUNDARY for each of its three ends, each starting with its literal, which the engine finds
# far faster than a set of characters; their whitespace is group 1.
_AFTER = r"[\"'’”)\]]*(\s+)(?=[\"'‘“(\[]?[A-Z0-9])"
_BOUNDARIES = {end: re.compile(re.escape(end) + _AFTER) for end in ".?!"}
_NO_BREAK_AFTER = frozenset({"mr", "mrs", "ms", "dr", "st", "prof", "rev", "no", "eg", "ie", "vs"})
_LONG_LINE = 60


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with ``.``, ``?`` or ``!``, closing quotes and brackets aside."""
    return text.rstrip(_CLOSERS)[-1:] in _ENDS


def boundaries(text: str) -> list[tuple[int, int, int]]:
    """Where ``_BOUNDARY`` matches in ``text``: each match's start, its group's end and its end.

    Found by a search for each end in turn, in order: the matches cannot overlap (no end
    lies within one but at its start), so they are those of ``_BOUNDARY``.
    """
    found = [(m.start(), m.start(1), m.end()) for m in _BOUNDARIES["."].finditer(text)]
    if "?" in text or "!" in text:
        for end in "?!":
            found += [(m.start(), m.start(1), m.end()) for m in _BOUNDARIES[end].finditer(text)]
        found.sort()
    return found


@frozen(kw_only=True)
class Cut:
    """The segments of a text, as parallel lists (one entry a segment, in the text's order)."""

    texts: list[str]
    lines: list[int]
    """The line each starts on, counted from 1."""

    offsets: list[int]
    """Where each starts in the whole text, counted in characters from 0."""

    prose: list[bool]
    """Whether each is a sentence of prose."""


def cut(text: str) -> Cut:
    """``text`` cut into segments (see the module's description).

    The sentence boundaries of the whole text are found in one search; a block
    of one line (most are) keeps those that lie within it, and a block of
    several lines is searched on its own, its lines joined.

    >>> found = cut("Our visit\\n\\nWe met you. You helped us.")
    >>> found.texts, found.prose, found.offsets
    (['Our visit', 'We met you.', 'You helped us.'], [False, True, True], [0, 11, 23])
    """
    found = Cut(texts=[], lines=[], offsets=[], prose=[])
    bounds = boundaries(text)
    past = len(text) + 1
    bounds.append((past, past, past))  # (past the end: the searches below stop there)
    at = 0  # the first boundary not yet passed
    block: list[tuple[str, int, int]] = []  # a block of several lines: (stripped, number, offset)
    single: tuple[str, int, int] | None = None  # a block of one line, not yet closed
    offset = 0
    number = 0
    texts, lines, offsets, prose = found.texts, found.lines, found.offsets, found.prose
    add_text, add_line, add_offset, add_prose = (
        texts.append,
        lines.append,
        offsets.append,
        prose.append,
    )
    for raw in text.splitlines(keepends=True):
        number += 1
        start = offset
        offset += len(raw)
        stripped = raw.strip()  # (its line break is whitespace)
        continuing = marker = tab = False
        content = stripped
        if stripped:
            first = stripped[0]
            begin = start + raw.index(first)  # (where its first character is)
            if "\t" in raw:
                tab = True
            elif first in "-*•–" and stripped[1:2].isspace():
                # A bullet: the marker, then the item (what _LIST_MARKER finds, found faster).
                marker = True
                content = stripped[1:].lstrip()
                begin += len(stripped) - len(content)
            elif first in "-*•–" or first.isdecimal():
                line = raw.rstrip("\r\n")
                found_marker = _LIST_MARKER.match(line)
                if found_marker:
                    marker = True
                    content = line[found_marker.end() :].strip()
                    begin = start + found_marker.end()
            if not (tab or marker):
                previous = block[-1][0] if block else single[0] if single else None
                continuing = previous is not None and _continues(previous, stripped)
        if continuing:
            if single:
                block, single = [single], None
            block.append((stripped, number, begin))
            continue
        # This line ends the block before it.
        if single:
            here, line_number, begins = single
            single = None
            if here.rstrip(_CLOSERS)[-1:] not in _ENDS:
                add_text(here)
                add_line(line_number)
                add_offset(begins)
                add_prose(False)
            else:
                ends = begins + len(here)
                while bounds[at][0] < begins:
                    at += 1
                sentence = begins
                while bounds[at][2] < ends:
                    point, stop, after = bounds[at]
                    at += 1
                    # (Six letters before the point are a word too long to be a title.)
                    if point - 6 < sentence or not text[point - 6 : point].isalpha():
                        before = text[sentence:point].rsplit(None, 1)[-1:]
                        if before and before[0].lower().replace(".", "") in _NO_BREAK_AFTER:
                            continue
                    add_text(text[sentence:stop])
                    add_line(line_number)
                    add_offset(sentence)
                    add_prose(True)
                    sentence = after
                add_text(text[sentence:ends])
                add_line(line_number)
                add_offset(sentence)
                add_prose(True)
        elif block:
            _close(found, block)
            block = []
        if not stripped:
            continue
        if tab:
            add_text(stripped)
            add_line(number)
            add_offset(begin)
            add_prose(False)
        else:
            single = (content, number, begin)
    if single:
        block = [single]
    if block:
        _close(found, block)
    return found


def _continues(previous: str, line: str) -> bool:
    if ends_sentence(previous):
        return False
    return line[:1].islower() or len(previous) >= _LONG_LINE


def _add(found: Cut, text: str, line: int, offset: int, *, prose: bool) -> None:
    found.texts.append(text)
    found.lines.append(line)
    found.offsets.append(offset)
    found.prose.append(prose)


def _close(found: Cut, block: list[tuple[str, int, int]]) -> None:
    """Add a block's segments: its sentences, or the block itself where it is not prose."""
    if len(block) == 1:
        text, line, offset = block[0]
        if not ends_sentence(text):
            _add(found, text, line, offset, prose=False)
            return
        place = None
    else:
        text = " ".join(stripped for stripped, _, _ in block)
        starts, position = [], 0
        for stripped, number, at in block:
            starts.append((position, number, at))
            position += len(stripped) + 1
        line, offset = block[0][1], block[0][2]
        if not ends_sentence(text):
            _add(found, text, line, offset, prose=False)
            return
        place = starts
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end = boundary.start()
        before = text[start:end].rsplit(None, 1)[-1:]
        if before and before[0].lower().replace(".", "") in _NO_BREAK_AFTER:
            continue
        _sentence(found, text, start, end + len(boundary.group().rstrip()), line, offset, place)
        start = boundary.end()
    _sentence(found, text, start, len(text), line, offset, place)


def _sentence(
    found: Cut,
    text: str,
    start: int,
    end: int,
    line: int,
    offset: int,
    place: list[tuple[int, int, int]] | None,
) -> None:
    """Add ``text[start:end]``: a block of one line places it by arithmetic, others by halving.

    Halving, not walking the lines: a paragraph of many lines with many
    sentences would otherwise take the product of the two.
    """
    if place is None:
        _add(found, text[start:end], line, offset + start, prose=True)
        return
    index = bisect.bisect_right(place, start, key=lambda one: one[0]) - 1
    at, number, begins = place[max(index, 0)]
    _add(found, text[start:end], number, begins + start - at, prose=True)
