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

from .._letters.builder import FRAMEWORK_ROWS
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


def _escaped_all(texts: list[str]) -> list[str]:
    """Each of ``texts`` escaped as :func:`_text` escapes it, looking only for what is there.

    A letter's forty or so texts hold few of the characters to escape: one look
    over them all, joined, says which are there at all, and only those are
    looked for in each text (a ``memchr`` each, in C). Escaping them joined and
    splitting the result apart again costs more: CPython splits on a character
    by reading every character in turn.
    """
    joined = "".join(texts)
    present = [pair for pair in _ESCAPES if pair[0] in joined]
    if not present:
        return texts
    escaped = []
    for text in texts:
        for special, replacement in present:
            if special in text:
                text = text.replace(special, replacement)
        escaped.append(text)
    return escaped


# The rows of the framework's own words, laid out once, by the identity of the row: those
# rows live as long as the process, so no other row can have the same id.
_FRAMEWORK_ROWS = {
    id(row): f'<tr><th scope="row">{_text(row.judgement)}</th><td>{_text(row.grade)}</td></tr>\n'
    for row in FRAMEWORK_ROWS
}

_PREAMBLE = """<!DOCTYPE html>
<html lang="en-GB" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>"""
_STYLE_AND_HEAD = f"</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<header>\n"
_END = "</main>\n</body>\n</html>\n"


def _image(kind: str, src: str, alt: str) -> str:
    """An image element in its paragraph: ``src`` and ``alt`` escaped as attribute values."""
    src, alt = escape(src, quote=True), escape(alt, quote=True)
    return f'<p class="{kind}"><img src="{src}" alt="{alt}" /></p>\n'


def write_html(letter: Letter) -> str:
    """The letter as a complete HTML5 document, also well-formed XML.

    The document is written as markup and text in turn (``out``: markup at the
    even places, text at the odd), so that every text is escaped at once at the
    end; ``markup`` is the markup waiting for the next text.
    """
    # A title element holds text only: a line break in the data becomes a space.
    # The stylesheet stands alone, before an empty text, so that no markup is added to it.
    out = [_PREAMBLE, " ".join(f"{letter.title}: {letter.area}".split()), _STYLE_AND_HEAD, ""]
    markup = ""
    head = letter.letterhead
    if head is not None:
        if head.logo is not None:
            markup += _image("logo", head.logo, head.logo_alt or "")
        markup += '<address class="letterhead">\n'
        grouped = False
        for group in (head.address, head.contacts, head.direct):
            if group:
                out += (markup + "<p>", "\n".join(group))
                markup, grouped = "</p>\n", True
        markup += "</address>\n" if grouped else "\n</address>\n"
    if letter.date_line is not None:
        out += (markup + '<p class="date">', letter.date_line)
        markup = "</p>\n"
    if letter.delivery is not None:
        out += (markup + '<p class="delivery">', letter.delivery)
        markup = "</p>\n"
    if letter.sender:
        out += (markup + '<p class="sender">', "\n".join(letter.sender))
        markup = "</p>\n"
    if letter.recipient:
        out += (markup + '<address class="recipient">', "\n".join(letter.recipient))
        markup = "</address>\n"
    markup += "</header>\n<main>\n"
    if letter.salutation:
        out += (markup + '<p class="salutation">', letter.salutation)
        markup = "</p>\n"
    out += (markup + "<h1>", letter.title)
    markup = "</h1>\n"
    for block in letter.body:
        if isinstance(block, Paragraph):
            markup += "<p>"
            for piece in block.content:
                if isinstance(piece, str):
                    out += (markup, piece)
                    markup = ""
                else:
                    out += (markup + "<em><q>", piece.text)
                    markup = "</q></em>"
            markup += "</p>\n"
        elif isinstance(block, Heading):
            out += (markup + "<h2>", block.text)
            markup = "</h2>\n"
        elif isinstance(block, GradeTable):
            out += (markup + '<table>\n<caption class="visually-hidden">', block.caption)
            markup = "</caption>\n<thead><tr>"
            for header in block.headers:
                out += (markup + '<th scope="col">', header)
                markup = "</th>"
            markup += "</tr></thead>\n<tbody>\n"
            for row in block.rows:
                laid_out = _FRAMEWORK_ROWS.get(id(row))
                if laid_out is not None:
                    markup += laid_out
                else:
                    out += (markup + '<tr><th scope="row">', row.judgement, "</th><td>", row.grade)
                    markup = "</td></tr>\n"
            markup += "\n</tbody>\n</table>\n" if not block.rows else "</tbody>\n</table>\n"
        else:
            markup = _finding_list(out, markup, block)
    markup = _sign_off(out, markup, letter)
    out.append(markup + _END)
    out[1::2] = _escaped_all(out[1::2])
    document = "".join(out)
    if letter.placeholders:
        # Marked in the document's body, not in its title.
        cut = document.index("<header>")
        return document[:cut] + _marked(document[cut:], letter)
    return document


def _finding_list(out: list[str], markup: str, block: Block) -> str:
    """A finding list added to ``out``; the markup after it."""
    assert isinstance(block, FindingList)
    items = block.items
    if not items:
        return markup + "<ul>\n\n</ul>\n"
    out += (markup + "<ul>\n<li>", items[0])
    for item in items[1:]:
        out += ("</li>\n<li>", item)
    return "</li>\n</ul>\n"


def _sign_off(out: list[str], markup: str, letter: Letter) -> str:
    """The closing, the signature and the signatory, kept together on one page.

    A signature's description is the alternative text of its image; with no
    image it is visually hidden, so that it is never a visible line of the letter.
    """
    signature = letter.signature
    if letter.closing is None and signature is None:
        return markup
    markup += '<div class="sign-off">\n'
    if letter.closing is not None:
        out += (markup + '<p class="closing">', letter.closing)
        markup = "</p>\n"
    if signature is not None:
        if signature.image is not None:
            alt = signature.description or f"The signature of {signature.name}"
            markup += _image("signature-image", signature.image, alt)
        elif signature.description is not None:
            out += (markup + '<p class="signature">', signature.description)
            markup = "</p>\n"
        out += (markup + '<p class="signatory">', "\n".join((signature.name, *signature.roles)))
        markup = "</p>\n"
    return markup + "</div>\n"


def _marked(body: str, letter: Letter) -> str:
    """``body`` with each of a draft's placeholders in a ``<mark>``, to be seen at once."""
    texts = sorted({_text(p.text) for p in letter.placeholders}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(text) for text in texts))
    return pattern.sub(r'<mark class="placeholder">\g<0></mark>', body)
