"""Plain-text and Markdown writers: each lays out any letter from its structure.

The plain text follows the layout of Ofsted's letters as text: the letterhead,
the date and addresses as lines, blank lines between parts, the grade table as
tab-separated rows, findings as ``- `` items (a finding's later lines indented
under its first). Markdown is the same with
headings and a table, and every piece of text escaped so that data is shown
as written, never read as Markdown.
"""

import re
from collections.abc import Callable, Iterator
from itertools import repeat

from .._letters.letter import (
    Block,
    FindingList,
    GradeTable,
    Heading,
    Letter,
    Paragraph,
    Quote,
)


def _parts(
    letter: Letter,
    *,
    block: Callable[[Block], str],
    lines: Callable[[tuple[str, ...]], str],
    text: Callable[[str], str],
    title: Callable[[str], str],
) -> Iterator[str]:
    """The letter's parts in order, each laid out by the format's functions."""
    if letter.letterhead is not None:
        head = letter.letterhead
        yield from (lines(group) for group in (head.address, head.contacts, head.direct) if group)
    for single in (letter.date_line, letter.delivery):
        if single is not None:
            yield text(single)
    for group in (letter.sender, letter.recipient):
        if group:
            yield lines(group)
    if letter.salutation is not None:
        yield text(letter.salutation)
    yield title(letter.title)
    yield from (block(b) for b in letter.body)
    if letter.closing is not None:
        yield text(letter.closing)
    signature = letter.signature
    if signature is not None:
        if signature.description is not None:
            yield text(signature.description)
        yield lines((signature.name, *signature.roles))


def _inline_text(paragraph: Paragraph) -> str:
    return "".join(p if isinstance(p, str) else f'*"{p.text}"*' for p in paragraph.content)


def _text_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _inline_text(block)
    if isinstance(block, Heading):
        return block.text
    if isinstance(block, GradeTable):
        rows = ["\t".join(block.headers)]
        for row in block.rows:
            rows += ("\n", row.judgement, "\t", row.grade)
        return "".join(rows)
    items = block.items
    if not any(map(str.__contains__, items, repeat("\n"))):
        return "- " + "\n- ".join(items) if items else ""
    return "\n".join([f"- {item}" if "\n" not in item else _bullet(item) for item in items])


def _bullet(item: str) -> str:
    """A finding of several lines as a list item: its later lines indented under its first.

    >>> print(_bullet("Plans are clear.\\nThey are reviewed."))
    - Plans are clear.
      They are reviewed.
    """
    first, *rest = item.split("\n")
    return "\n".join([f"- {first}", *(f"  {line}" if line else "" for line in rest)])


def write_text(letter: Letter) -> str:
    """The letter as plain text, parts separated by blank lines.

    The parts are those of :func:`_parts`, written out here without its calls:
    plain text needs no escaping, and this is the format most letters are
    written in.
    """
    parts: list[str] = []
    head = letter.letterhead
    if head is not None:
        # Spelt out: a comprehension is a function call of its own.
        if head.address:
            parts.append("\n".join(head.address))
        if head.contacts:
            parts.append("\n".join(head.contacts))
        if head.direct:
            parts.append("\n".join(head.direct))
    if letter.date_line is not None:
        parts.append(letter.date_line)
    if letter.delivery is not None:
        parts.append(letter.delivery)
    if letter.sender:
        parts.append("\n".join(letter.sender))
    if letter.recipient:
        parts.append("\n".join(letter.recipient))
    if letter.salutation is not None:
        parts.append(letter.salutation)
    parts.append(letter.title)
    for block in letter.body:
        if isinstance(block, Paragraph):
            content = block.content
            if len(content) == 1 and isinstance(content[0], str):
                parts.append(content[0])
            else:
                parts.append(_inline_text(block))
        elif isinstance(block, Heading):
            parts.append(block.text)
        else:
            parts.append(_text_block(block))
    if letter.closing is not None:
        parts.append(letter.closing)
    signature = letter.signature
    if signature is not None:
        if signature.description is not None:
            parts.append(signature.description)
        parts.append("\n".join((signature.name, *signature.roles)))
    parts[-1] += "\n"
    return "\n\n".join(parts)


def _joined(parts: Iterator[str]) -> str:
    """The parts separated by blank lines, ending with a newline.

    The newline goes on the last part, not on the whole: a long letter would
    otherwise be copied once more (a fifth of the time of a 300 KB one).
    """
    laid_out = list(parts) or [""]
    laid_out[-1] += "\n"
    return "\n\n".join(laid_out)


# Only what CommonMark (with the tables and strikethrough of GitHub's dialect,
# which the letter's grade table uses) would read as markup is escaped, so that
# "(publication date ...)" stays as written. Anywhere in a line: the backslash,
# code spans, emphasis, the opening of links and images (a "(" or "!" is plain
# without a "[" before it), raw HTML and autolinks ("<"), table cells and
# strikethrough, and "&" where it would begin a character reference.
_INLINE_SPECIAL = re.compile(r"[\\`*_\[<|~]|&(?=#?[0-9A-Za-z]+;)")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# At the start of a line only: a list item ("- ", "+ ", "1. ", "2) "), a
# heading ("# "), a quotation (">"), or a setext underline or rule ("---", "===").
_LINE_START = re.compile(
    r"^([ \t]*)([-+](?=[ \t]|$)|[-=]+(?=[ \t]*$)|>|#{1,6}(?=[ \t]|$)|\d{1,9}(?=[.)](?:[ \t]|$)))",
    re.MULTILINE,
)
# The same escapes as replacements, the backslash's first: faster than either a
# substitution or str.translate (which leaves its fast path for two-character results).
_INLINE_ESCAPES = tuple((c, f"\\{c}") for c in "\\`*_[<|~")
# A line that starts with a tab or four spaces would be read as code, and a line
# of nothing but spaces (or nothing) as the end of the block: such a line's first
# space or tab is written as a character reference, and an empty line as a
# non-breaking space, so that the text stays in its block as written.
_INDENTED = re.compile(r"^(?=[ \t]*\t|    )[ \t]+", re.MULTILINE)
_BLANK = re.compile(r"^[ \t]*$", re.MULTILINE)
_REFERENCES = {" ": "&#32;", "\t": "&#9;"}


def escape_markdown(text: str) -> str:
    r"""``text`` with what CommonMark would read as markup escaped, and nothing else.

    >>> escape_markdown("# not a heading, [not](a link) | 1. not a list")
    '\\# not a heading, \\[not](a link) \\| 1. not a list'
    >>> escape_markdown("1 April 2022 (publication date of the main report)")
    '1 April 2022 (publication date of the main report)'
    >>> escape_markdown("- not a list item")
    '\\- not a list item'
    >>> escape_markdown("1. not a list item")
    '1\\. not a list item'
    >>> escape_markdown("-5 degrees, #5, 1.5 million, 3 > 2 & a, &amp;")
    '-5 degrees, #5, 1.5 million, 3 > 2 & a, \\&amp;'
    >>> escape_markdown("    not code")
    '&#32;   not code'
    >>> escape_markdown("one\n\nblock")
    'one  \n&nbsp;  \nblock'
    """
    escaped = text
    if _INLINE_SPECIAL.search(text):  # most text has nothing to escape
        for special, replacement in _INLINE_ESCAPES:
            if special in escaped:
                escaped = escaped.replace(special, replacement)
        if "&" in escaped:
            escaped = _ENTITY.sub(r"\\&", escaped)
    if "\n" not in escaped:
        # One line: only its start can begin a block.
        start = _LINE_START.match(escaped)
        if start is not None:
            escaped = _escape_line_start(start) + escaped[start.end() :]
        return _INDENTED.sub(_reference, escaped) if escaped[:1] in (" ", "\t") else escaped
    escaped = _LINE_START.sub(_escape_line_start, escaped)
    escaped = _BLANK.sub(_reference, _INDENTED.sub(_reference, escaped))
    # A line break inside a paragraph is kept as a hard break, not a new block.
    return escaped.replace("\n", "  \n")


def _reference(match: "re.Match[str]") -> str:
    run = match.group()
    return _REFERENCES[run[0]] + run[1:] if run else "&nbsp;"


def _escape_line_start(match: "re.Match[str]") -> str:
    indent, marker = match.group(1), match.group(2)
    if marker.isdigit():
        return f"{indent}{marker}\\"
    return f"{indent}\\{marker}"


def _markdown_inline(paragraph: Paragraph) -> str:
    pieces = []
    for piece in paragraph.content:
        if isinstance(piece, Quote):
            pieces.append(f'*"{escape_markdown(piece.text)}"*')
        else:
            pieces.append(escape_markdown(piece))
    return "".join(pieces)


def _markdown_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _markdown_inline(block)
    if isinstance(block, Heading):
        return f"## {escape_markdown(block.text)}"
    if isinstance(block, GradeTable):
        head = f"| {escape_markdown(block.headers[0])} | {escape_markdown(block.headers[1])} |"
        rows = (
            f"| {escape_markdown(r.judgement)} | {escape_markdown(r.grade)} |" for r in block.rows
        )
        return "\n".join([head, "| --- | --- |", *rows])
    assert isinstance(block, FindingList)
    return "\n".join(f"- {escape_markdown(item)}" for item in block.items)


def _markdown_lines(lines: tuple[str, ...]) -> str:
    # Two spaces before each newline: a hard line break, so an address stays one block.
    return "  \n".join(escape_markdown(line) for line in lines)


def write_markdown(letter: Letter) -> str:
    """The letter as Markdown: the title a level-one heading, data escaped."""
    parts = _parts(
        letter,
        block=_markdown_block,
        lines=_markdown_lines,
        text=escape_markdown,
        title=lambda title: f"# {escape_markdown(title)}",
    )
    return _joined(parts)
