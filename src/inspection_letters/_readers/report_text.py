"""The text of a report's pages cleaned as a reader expects it.

PDFium gives each page's text as it is laid out: lines as printed, the running
footer (the title, the dates and the page number) wherever the PDF drew it,
often first on the page, a footnote at the foot of the page it is called on
and its mark glued to the word it follows ("young people1 until"), a hyphen
that ends a line as U+FFFE, and bullets in whatever glyph the author's font had
(``◼`` or a private-use character). This module turns the pages into one run
of lines: the running furniture gone, footnotes taken out with their marks,
hyphenated words kept whole, every bullet the same character, and nothing
else touched: quotation marks and apostrophes stay as printed.

>>> first = "Inspection of Barnet\\r\\nFirst line of text\\r\\nwell\\ufffebeing"
>>> pages = [first, "Inspection of Barnet 2\\r\\nMore", "Inspection of Barnet 3\\r\\nEnd"]
>>> clean_pages(pages).lines
('Inspection of Barnet', 'First line of text', 'well-being', 'More', 'End')
"""

import re
from collections import Counter
from collections.abc import Sequence

from attrs import frozen

#: The one character every bullet is given.
BULLET = "◼"
#: The one character every dash that opens a sub-item is given.
DASH = "–"

_REPLACED = tuple(
    {
        "\uf0a7": BULLET,
        "\uf0ae": BULLET,
        "\uf0b7": BULLET,
        "\uf06e": BULLET,
        "\u25aa": BULLET,
        "\u25a0": BULLET,
        "\u2022": BULLET,
        "\u25cf": BULLET,
        "\ufffe": "-",
        "\u00ad": "-",
        "\u202f": " ",
        "\u00a0": " ",
        "\u2009": " ",
        "\t": " ",
        "\x02": "-",
        # Superscript digits are footnote marks: as digits, as PDFium gives most marks.
        **{superscript: str(n) for n, superscript in enumerate("⁰¹²³⁴⁵⁶⁷⁸⁹")},
    }.items()
)
# Sub-items open with a dash; some fonts give a combining stroke instead of one.
_SUB_ITEM = re.compile(r"^(?:\u0336|-|\u2013|\u2014|\u2212)\s*(?=\S)")
_DIGITS = re.compile(r"\d+")
# Control characters other than line breaks, which no printed text holds.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufeff\ud800-\udfff]")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$", re.IGNORECASE)
_FOOTNOTE_LINE = re.compile(r"^(\d{1,2})(?:\s+(\S.*))?$")
_END_MATTER = re.compile(
    r"^(?:The Office for Standards in Education, Children|Ofsted has a duty to|"
    r"If you would like a copy of this document)"
)
# How many lines at each end of a page may be running furniture.
_EDGE = 3


@frozen(kw_only=True)
class CleanText:
    """A report's text cleaned: its lines in reading order, and the footnotes taken out."""

    lines: tuple[str, ...]
    footnotes: tuple[tuple[int, str], ...]
    """Each footnote's number and text, in the order the pages give them."""

    pages: int
    """How many pages the text came from."""


def clean_pages(pages: Sequence[str]) -> CleanText:
    """The lines of ``pages`` (each page's text as PDFium gives it), cleaned."""
    split = [_page_lines(text) for text in pages]
    furniture = _running_furniture(split)
    lines: list[str] = []
    footnotes: list[tuple[int, str]] = []
    for number, page in enumerate(split, start=1):
        page = _without_furniture(page, furniture if number > 1 else frozenset())
        page, notes = _without_footnotes(_without_page_number(page, number, at_foot=False))
        footnotes.extend(notes)
        lines.extend(_without_page_number(page, number, at_foot=True))
    for index, line in enumerate(lines):
        if index > 10 and _END_MATTER.match(line):
            del lines[index:]
            break
    return CleanText(lines=tuple(lines), footnotes=tuple(footnotes), pages=len(pages))


def _page_lines(text: str) -> list[str]:
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    for old, new in _REPLACED:  # str.translate is slower, as most are absent
        if old in text:
            text = text.replace(old, new)
    found = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        line = _SUB_ITEM.sub(DASH + " ", line)
        if "\ue000" <= line[0] <= "\uf8ff":  # a private-use glyph opens a line: a bullet
            line = BULLET + line[1:]
        if line.startswith(BULLET) and not line.startswith(BULLET + " "):
            line = BULLET + " " + line[1:].lstrip()
        found.append(line)
    return found


def _key(line: str) -> str:
    return _DIGITS.sub("#", line.lower())


def _running_furniture(pages: Sequence[Sequence[str]]) -> frozenset[str]:
    """Lines (digits as ``#``) at the top or foot of most pages after the first."""
    later = pages[1:]
    if len(later) < 2:
        return frozenset()
    seen: Counter[str] = Counter()
    for page in later:
        seen.update({_key(line) for line in (*page[:_EDGE], *page[-_EDGE:])})
    needed = max(2, len(later) // 2)
    # A running footer names the inspection or carries numbers (dates, the page's); it never
    # ends a sentence, and is never a numbered paragraph's opening.
    return frozenset(
        key
        for key, count in seen.items()
        if count >= needed
        and ("#" in key or "inspection" in key)
        and not key.endswith(".")
        and not key.startswith("#. ")
    )


def _without_furniture(page: list[str], furniture: frozenset[str]) -> list[str]:
    edge = min(_EDGE, len(page))
    ends = {*range(edge), *range(len(page) - edge, len(page))}
    return [line for i, line in enumerate(page) if i not in ends or _key(line) not in furniture]


def _without_page_number(page: list[str], number: int, *, at_foot: bool) -> list[str]:
    """The page without a line that is only its number, at its top or its foot."""
    positions = range(len(page) - 1, len(page) - 3, -1) if at_foot else range(2)
    for position in positions:
        if 0 <= position < len(page):
            line = page[position]
            if _PAGE_NUMBER.match(line) and str(number) in line.split():
                return page[:position] + page[position + 1 :]
    return page


def _mark(number: int) -> re.Pattern[str]:
    """A footnote's mark: its number glued to the end of a word or a closing mark."""
    return re.compile(rf"(?<=[^\W\d_]|[’'”).,;:?!]){number}(?=[\s,.;:)?!’”]|$)")


def _without_footnotes(page: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """The page without the footnotes at its foot, and their marks taken off the words."""
    for index in range(max(1, len(page) - 12), len(page)):
        match = _FOOTNOTE_LINE.match(page[index])
        if match is None:
            continue
        body = page[:index]
        marked = _marked_line(body, int(match.group(1)))
        if marked is None:
            continue
        notes = _footnotes(page[index:])
        for number, _ in notes:
            position = _marked_line(body, number)
            if position is not None:
                body[position] = _mark(number).sub("", body[position], count=1)
        return body, notes
    return page, []


def _marked_line(lines: Sequence[str], number: int) -> int | None:
    """The position of the last line that carries footnote ``number``'s mark."""
    mark = _mark(number)
    for position in range(len(lines) - 1, -1, -1):
        if mark.search(lines[position]):
            return position
    return None


def _footnotes(lines: Sequence[str]) -> list[tuple[int, str]]:
    """The footnotes of the lines at a page's foot: a number, then its text."""
    found: list[tuple[int, list[str]]] = []
    for line in lines:
        match = _FOOTNOTE_LINE.match(line)
        expected = found[-1][0] + 1 if found else None
        if match and (expected is None or int(match.group(1)) == expected):
            found.append((int(match.group(1)), [match.group(2)] if match.group(2) else []))
        elif found:
            found[-1][1].append(line)
    return [(number, join_lines(text)) for number, text in found if text]


def join_lines(lines: Sequence[str]) -> str:
    """Printed lines rejoined as running text: one space between them.

    >>> join_lines(["Children who need help and", "protection are safe."])
    'Children who need help and protection are safe.'
    """
    return " ".join(line.strip() for line in lines if line.strip())
