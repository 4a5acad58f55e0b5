"""The HTML writer: a complete, self-contained, accessible HTML5 document.

No external resources: the stylesheet is inline, the signature image (where
there is one) is a ``data:`` URI. The document is well-formed XML as well as
HTML5, its language is marked ``en-GB``, headings run in order, the letterhead
and addresses are ``<address>`` elements, the grade table has a caption (visually
hidden: the heading above the table says what it shows, and screen readers
still announce it) and header scopes, and every piece of text is escaped.
"""

import re
from html import escape

from .._letters.letter import Block, FindingList, GradeTable, Heading, Letter, Paragraph

_STYLE = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 12pt; line-height: 1.5;
       color: #0b0c0c; max-width: 42em; margin: 2em auto; padding: 0 1em; }
.letterhead { text-align: right; font-style: normal; }
.logo { float: left; margin: 0 1em 1em 0; }
.logo img { display: block; max-height: 5em; max-width: 14em; }
header > :not(.logo):not(.letterhead) { clear: both; }
address { font-style: normal; margin: 0 0 1em; }
h1 { font-size: 1.25em; margin: 1.5em 0 1em; }
h2 { font-size: 1.1em; margin: 1.5em 0 0.5em; }
table { border-collapse: collapse; margin: 0 0 1em; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0 0 0.5em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: 0; padding: 0;
                   overflow: hidden; clip: rect(0, 0, 0, 0); border: 0;
                   white-space: nowrap; }
th, td { border: 1px solid #505a5f; padding: 0.4em 0.6em; text-align: left;
         vertical-align: top; }
thead th { background: #f3f2f1; }
tbody th { font-weight: normal; }
.signature-image img { max-height: 4em; }
/* A description of a signature with no image to describe: read by screen readers, not shown. */
.signature { position: absolute; width: 1px; height: 1px; margin: 0; padding: 0;
             overflow: hidden; clip: rect(0, 0, 0, 0); border: 0;
             white-space: nowrap; }
.sign-off { page-break-inside: avoid; break-inside: avoid; }
/* A draft's placeholders: highlighted, so that none is sent by mistake. */
mark.placeholder { background: #ffdd00; color: #0b0c0c; padding: 0 0.2em;
                   outline: 2px dashed #0b0c0c; }
@media print {
  @page { size: A4; margin: 2cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  table, tr, li { page-break-inside: avoid; }
}
"""


def _text(value: str) -> str:
    """``value`` escaped (as ``html.escape(value, quote=True)``), its line breaks kept.

    Each replacement is made only where its character is there: most of a
    letter's texts hold one at most, and looking for a character costs a
    fraction of a replacement that finds none.
    """
    for special, replacement in _ESCAPES:
        if special in value:
            value = value.replace(special, replacement)
    return value


# What html.escape(quote=True) replaces, in its order (the ampersand first), then line breaks.
_ESCAPES = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ('"', "&quot;"),
    ("'", "&#x27;"),
    ("\n", "<br />\n"),
)


def _lines(lines: tuple[str, ...]) -> str:
    return "<br />\n".join(_text(line) for line in lines)


def _paragraph(paragraph: Paragraph) -> str:
    pieces = [
        _text(p) if isinstance(p, str) else f"<em><q>{_text(p.text)}</q></em>"
        for p in paragraph.content
    ]
    return f"<p>{''.join(pieces)}</p>"


def _table(table: GradeTable) -> str:
    head = "".join(f'<th scope="col">{_text(h)}</th>' for h in table.headers)
    rows = "\n".join(
        f'<tr><th scope="row">{_text(r.judgement)}</th><td>{_text(r.grade)}</td></tr>'
        for r in table.rows
    )
    return (
        f'<table>\n<caption class="visually-hidden">{_text(table.caption)}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
    )


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, Heading):
        return f"<h2>{_text(block.text)}</h2>"
    if isinstance(block, GradeTable):
        return _table(block)
    assert isinstance(block, FindingList)
    items = "\n".join(f"<li>{_text(item)}</li>" for item in block.items)
    return f"<ul>\n{items}\n</ul>"


def _head_parts(letter: Letter) -> list[str]:
    parts = []
    head = letter.letterhead
    if head is not None and head.logo is not None:
        src, alt = escape(head.logo, quote=True), escape(head.logo_alt or "", quote=True)
        parts.append(f'<p class="logo"><img src="{src}" alt="{alt}" /></p>')
    if head is not None:
        groups = [g for g in (head.address, head.contacts, head.direct) if g]
        inner = "\n".join(f"<p>{_lines(g)}</p>" for g in groups)
        parts.append(f'<address class="letterhead">\n{inner}\n</address>')
    if letter.date_line is not None:
        parts.append(f'<p class="date">{_text(letter.date_line)}</p>')
    if letter.delivery is not None:
        parts.append(f'<p class="delivery">{_text(letter.delivery)}</p>')
    if letter.sender:
        parts.append(f'<p class="sender">{_lines(letter.sender)}</p>')
    if letter.recipient:
        parts.append(f'<address class="recipient">{_lines(letter.recipient)}</address>')
    return parts


def _signature_parts(letter: Letter) -> list[str]:
    """The closing, the signature and the signatory, kept together on one page.

    A signature's description is the alternative text of its image; with no
    image it is visually hidden, so that it is never a visible line of the letter.
    """
    parts = []
    if letter.closing is not None:
        parts.append(f'<p class="closing">{_text(letter.closing)}</p>')
    signature = letter.signature
    if signature is not None:
        if signature.image is not None:
            alt = escape(signature.description or f"The signature of {signature.name}", quote=True)
            src = escape(signature.image, quote=True)
            parts.append(f'<p class="signature-image"><img src="{src}" alt="{alt}" /></p>')
        elif signature.description is not None:
            parts.append(f'<p class="signature">{_text(signature.description)}</p>')
        parts.append(f'<p class="signatory">{_lines((signature.name, *signature.roles))}</p>')
    return ['<div class="sign-off">', *parts, "</div>"] if parts else []


def _marked(parts: list[str], letter: Letter) -> list[str]:
    """``parts`` with each of a draft's placeholders in a ``<mark>``, to be seen at once."""
    if not letter.placeholders:
        return parts
    texts = sorted({_text(p.text) for p in letter.placeholders}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(text) for text in texts))
    return [pattern.sub(r'<mark class="placeholder">\g<0></mark>', part) for part in parts]


def write_html(letter: Letter) -> str:
    """The letter as a complete HTML5 document, also well-formed XML."""
    # A title element holds text only: a line break in the data becomes a space.
    title = " ".join(f"{letter.title}: {letter.area}".split())
    body = [
        "<header>",
        *_head_parts(letter),
        "</header>",
        "<main>",
        *([f'<p class="salutation">{_text(letter.salutation)}</p>'] if letter.salutation else []),
        f"<h1>{_text(letter.title)}</h1>",
        *(_block(b) for b in letter.body),
        *_signature_parts(letter),
        "</main>",
    ]
    body = _marked(body, letter)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en-GB" xmlns="http://www.w3.org/1999/xhtml">',
            "<head>",
            '<meta charset="utf-8" />',
            '<meta name="viewport" content="width=device-width, initial-scale=1" />',
            f"<title>{escape(title, quote=True)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )
