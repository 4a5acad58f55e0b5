"""The HTML writer: a complete, self-contained, accessible HTML5 document.

No external resources: the stylesheet is inline, the signature image (where
there is one) is a ``data:`` URI. The document is well-formed XML as well as
HTML5, its language is marked ``en-GB``, headings run in order, the letterhead
and addresses are ``<address>`` elements, the grade table has a caption and
header scopes, and every piece of text is escaped.
"""

from html import escape

from .._letters.letter import Block, FindingList, GradeTable, Heading, Letter, Paragraph

_STYLE = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 12pt; line-height: 1.5;
       color: #0b0c0c; max-width: 42em; margin: 2em auto; padding: 0 1em; }
.letterhead { text-align: right; font-style: normal; }
address { font-style: normal; margin: 0 0 1em; }
h1 { font-size: 1.25em; margin: 1.5em 0 1em; }
h2 { font-size: 1.1em; margin: 1.5em 0 0.5em; }
table { border-collapse: collapse; margin: 0 0 1em; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0 0 0.5em; }
th, td { border: 1px solid #505a5f; padding: 0.4em 0.6em; text-align: left;
         vertical-align: top; }
thead th { background: #f3f2f1; }
tbody th { font-weight: normal; }
.signature img { max-height: 4em; }
@media print {
  @page { size: A4; margin: 2cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  table, tr, li { page-break-inside: avoid; }
}
"""


def _text(value: str) -> str:
    return escape(value, quote=True).replace("\n", "<br />\n")


def _escaped(texts: list[str]) -> tuple[str, ...]:
    """Each of ``texts`` escaped as :func:`_text` does, in one pass over them all.

    They are joined by a NUL, escaped and split again: some forty ``escape``
    calls cost four times as much. A NUL in a text (which no letter of the
    library's has) gives more pieces than texts: they are escaped one by one.
    """
    if len(texts) > 256:  # in runs, so that a letter of thousands of findings is not copied whole
        runs = (_escaped(texts[start : start + 256]) for start in range(0, len(texts), 256))
        return tuple(piece for run in runs for piece in run)
    try:
        joined = "\0".join(texts)
    except TypeError:  # what is not text, in a letter made by hand: as _text says
        return tuple(_text(text) for text in texts)
    # What _text does, each replacement made only where its character is there
    # (a search for one character is much faster than a replacement finding none).
    for special, replacement in _ESCAPES:
        if special in joined:
            joined = joined.replace(special, replacement)
    pieces = tuple(joined.split("\0"))
    return pieces if len(pieces) == len(texts) else tuple(_text(text) for text in texts)


# What html.escape(quote=True) replaces, the ampersand first, then line breaks.
_ESCAPES = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ('"', "&quot;"),
    ("'", "&#x27;"),
    ("\n", "<br />\n"),
)


def _literal(markup: str) -> str:
    """Markup put into the skeleton as it is: its percent signs doubled for ``%``."""
    return markup.replace("%", "%%")


# Each function below writes a skeleton of markup with a ``%s`` where each piece of
# text goes, appending the texts, in order, to ``texts``; ``write_html`` escapes them
# all at once and fills them in with ``%``. A group of lines is one text: ``_text`` writes its
# newlines as line breaks.


def _lines(lines: tuple[str, ...], texts: list[str]) -> str:
    texts.append("\n".join(lines))
    return "%s"


def _paragraph(paragraph: Paragraph, texts: list[str]) -> str:
    pieces = []
    for piece in paragraph.content:
        if isinstance(piece, str):
            texts.append(piece)
            pieces.append("%s")
        else:
            texts.append(piece.text)
            pieces.append("<em><q>%s</q></em>")
    return f"<p>{''.join(pieces)}</p>"


def _table(table: GradeTable, texts: list[str]) -> str:
    texts += (table.caption, *table.headers)
    for row in table.rows:
        texts += (row.judgement, row.grade)
    head = '<th scope="col">%s</th>' * len(table.headers)
    rows = "\n".join(['<tr><th scope="row">%s</th><td>%s</td></tr>'] * len(table.rows))
    return (
        "<table>\n<caption>%s</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
    )


def _block(block: Block, texts: list[str]) -> str:
    if isinstance(block, Paragraph):
        return _paragraph(block, texts)
    if isinstance(block, Heading):
        texts.append(block.text)
        return "<h2>%s</h2>"
    if isinstance(block, GradeTable):
        return _table(block, texts)
    assert isinstance(block, FindingList)
    texts += block.items
    items = "\n".join(["<li>%s</li>"] * len(block.items))
    return f"<ul>\n{items}\n</ul>"


def _head_parts(letter: Letter, texts: list[str]) -> list[str]:
    parts = []
    head = letter.letterhead
    if head is not None:
        groups = [g for g in (head.address, head.contacts, head.direct) if g]
        inner = "\n".join(f"<p>{_lines(g, texts)}</p>" for g in groups)
        parts.append(f'<address class="letterhead">\n{inner}\n</address>')
    if letter.date_line is not None:
        texts.append(letter.date_line)
        parts.append('<p class="date">%s</p>')
    if letter.delivery is not None:
        texts.append(letter.delivery)
        parts.append('<p class="delivery">%s</p>')
    if letter.sender:
        parts.append(f'<p class="sender">{_lines(letter.sender, texts)}</p>')
    if letter.recipient:
        parts.append(f'<address class="recipient">{_lines(letter.recipient, texts)}</address>')
    return parts


def _signature_parts(letter: Letter, texts: list[str]) -> list[str]:
    parts = []
    if letter.closing is not None:
        texts.append(letter.closing)
        parts.append('<p class="closing">%s</p>')
    signature = letter.signature
    if signature is not None:
        if signature.image is not None:
            alt = escape(signature.description or f"The signature of {signature.name}", quote=True)
            src = escape(signature.image, quote=True)
            parts.append(_literal(f'<p class="signature"><img src="{src}" alt="{alt}" /></p>'))
        elif signature.description is not None:
            texts.append(signature.description)
            parts.append('<p class="signature">%s</p>')
        signatory = _lines((signature.name, *signature.roles), texts)
        parts.append(f'<p class="signatory">{signatory}</p>')
    return parts


def write_html(letter: Letter) -> str:
    """The letter as a complete HTML5 document, also well-formed XML."""
    # A title element holds text only: a line break in the data becomes a space.
    title = " ".join(f"{letter.title}: {letter.area}".split())
    texts: list[str] = []
    skeleton: list[str] = ["<header>", *_head_parts(letter, texts), "</header>", "<main>"]
    if letter.salutation:
        texts.append(letter.salutation)
        skeleton.append('<p class="salutation">%s</p>')
    texts.append(letter.title)
    skeleton.append("<h1>%s</h1>")
    skeleton += [_block(b, texts) for b in letter.body]
    skeleton += _signature_parts(letter, texts)
    skeleton.append("</main>")
    body = "\n".join(skeleton) % _escaped(texts)
    return f"{_START}<title>{escape(title, quote=True)}</title>\n{_STYLE_TO_BODY}{body}{_END}"


# The document's lines around its title and its body, joined once.
_START = "\n".join(
    [
        "<!DOCTYPE html>",
        '<html lang="en-GB" xmlns="http://www.w3.org/1999/xhtml">',
        "<head>",
        '<meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        "",
    ]
)
_STYLE_TO_BODY = f"<style>{_STYLE}</style>\n</head>\n<body>\n"
_END = "\n</body>\n</html>\n"
