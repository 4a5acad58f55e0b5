"""The Word writer: the letter as a ``.docx`` a council can open, fill in and send on.

Councils are handed the children's letter to add the recipient, and they do it
in Word, so the document is built from Word's own parts rather than imitating
their look: Word's heading styles for the subject line and headings (so the
navigation pane and screen readers see them), a real table with a repeating
header row and alt text, Word's "List Bullet" style for the findings, the
signature picture with alt text, and the recipient in a paragraph style and a
bookmark of its own, both named "Recipient", so it can be found and replaced.

python-docx is an optional extra (``docx``): it is imported inside
:func:`write_docx`, never by ``import inspection_letters``. The bytes are the
same on every run: the package's dates and zip timestamps are fixed.
"""

import base64
import io
import re
import zipfile
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from .._errors import MissingExtraError
from .._letters.letter import (
    Block,
    FindingList,
    GradeTable,
    Heading,
    Letter,
    Letterhead,
    Paragraph,
    Signature,
)
from .guard import library_errors_only

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

#: The name of the paragraph style and of the bookmark around the recipient.
RECIPIENT = "Recipient"

_FONT = "Arial"  # The HTML letter's font, and one every copy of Word has.
_TEXT_COLOUR = "0B0C0C"
# Zip's earliest date: every part of the package is stamped with it, as
# reproducible builds do, so that two runs give the same bytes.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# The most characters a Word document's title may have (python-docx refuses more).
_MAX_TITLE = 255


def _set_font(style: Any, docx: Any, size: float, *, bold: bool | None = None) -> None:
    """Give ``style`` the letter's font, size and colour, overriding the theme's."""
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    # The built-in headings take their font and colour from the theme, which
    # wins over a named font in Word; drop the theme references first.
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(docx.oxml.ns.qn(f"w:{attribute}"), None)
    style.font.name = _FONT
    style.font.size = docx.shared.Pt(size)
    style.font.color.rgb = docx.shared.RGBColor.from_string(_TEXT_COLOUR)
    if bold is not None:
        style.font.bold = bold


def _styles(document: Any, docx: Any) -> None:
    """The letter's styles: Word's own, restyled, and two of the letter's."""
    paragraph_type = docx.enum.style.WD_STYLE_TYPE.PARAGRAPH
    pt = docx.shared.Pt
    # The language of every run, so Word spells and reads aloud in British English.
    defaults = document.styles.element.find(docx.oxml.ns.qn("w:docDefaults"))
    run_defaults = defaults.find(docx.oxml.ns.qn("w:rPrDefault")).find(docx.oxml.ns.qn("w:rPr"))
    lang = run_defaults.find(docx.oxml.ns.qn("w:lang"))
    if lang is None:
        lang = docx.oxml.OxmlElement("w:lang")
        run_defaults.append(lang)
    lang.set(docx.oxml.ns.qn("w:val"), "en-GB")
    normal = document.styles["Normal"]
    _set_font(normal, docx, 11)
    normal.paragraph_format.space_after = pt(8)
    normal.paragraph_format.line_spacing = 1.15
    _set_font(document.styles["Heading 1"], docx, 12, bold=True)
    _set_font(document.styles["Heading 2"], docx, 11.5, bold=True)
    for name, before in (("Heading 1", 14), ("Heading 2", 12)):
        document.styles[name].paragraph_format.space_before = pt(before)
        document.styles[name].paragraph_format.space_after = pt(6)
    letterhead = document.styles.add_style("Letterhead", paragraph_type)
    letterhead.base_style = normal
    _set_font(letterhead, docx, 8.5)
    # A narrow block at the right of the page, as on Ofsted's letters.
    letterhead.paragraph_format.left_indent = docx.shared.Cm(10.8)
    recipient = document.styles.add_style(RECIPIENT, paragraph_type)
    recipient.base_style = normal
    recipient.quick_style = True  # Shown in the Styles gallery, easy to find.


# A draft's placeholders, as a pattern, and how to mark a run that holds one:
# set by write_docx for the letter it writes.
_MARKING: ContextVar[tuple[re.Pattern[str], Callable[[Any], None]] | None] = ContextVar(
    "_MARKING", default=None
)


def _add_text(paragraph: Any, text: str) -> Any:
    """Add ``text`` to ``paragraph`` as runs, each placeholder highlighted; the last run."""
    marking = _MARKING.get()
    if marking is None:
        return paragraph.add_run(text)
    pattern, mark = marking
    run, position = None, 0
    for match in pattern.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position : match.start()])
        run = paragraph.add_run(match.group())
        mark(run)
        position = match.end()
    if position < len(text) or run is None:
        run = paragraph.add_run(text[position:])
    return run


def _lines(document: Any, lines: tuple[str, ...], style: str | None = None) -> Any:
    """One paragraph of ``lines``, separated by line breaks as in an address."""
    paragraph = document.add_paragraph(style=style)
    for index, line in enumerate(lines):
        run = _add_text(paragraph, line)
        if index < len(lines) - 1:
            run.add_break()
    return paragraph


def _bookmark(document: Any, docx: Any, paragraph: Any, name: str) -> None:
    """A bookmark called ``name`` around the whole of ``paragraph``."""
    start = docx.oxml.OxmlElement("w:bookmarkStart")
    start.set(docx.oxml.ns.qn("w:id"), "0")
    start.set(docx.oxml.ns.qn("w:name"), name)
    end = docx.oxml.OxmlElement("w:bookmarkEnd")
    end.set(docx.oxml.ns.qn("w:id"), "0")
    properties = paragraph._p.pPr
    paragraph._p.insert(0 if properties is None else 1, start)
    paragraph._p.append(end)


def _table(document: Any, docx: Any, table: GradeTable) -> None:
    made = document.add_table(rows=1, cols=2, style="Table Grid")
    widths = (docx.shared.Cm(10), docx.shared.Cm(7))
    for cell, text, width in zip(made.rows[0].cells, table.headers, widths, strict=True):
        cell.width = width
        cell.paragraphs[0].add_run(text).bold = True
    for row in table.rows:
        cells = made.add_row().cells
        for cell, text, width in zip(cells, (row.judgement, row.grade), widths, strict=True):
            cell.width = width
            _add_text(cell.paragraphs[0], text)
    qn = docx.oxml.ns.qn
    # The first row is the header row: Word repeats it on a new page and
    # screen readers announce its cells as column headers.
    header_properties = made.rows[0]._tr.get_or_add_trPr()
    header_properties.append(docx.oxml.OxmlElement("w:tblHeader"))
    # Word's alt text for tables: the caption that the HTML letter prints.
    caption = docx.oxml.OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), table.caption)
    made._tbl.tblPr.append(caption)
    # The grid's widths too: LibreOffice lays tables out by them, not by the cells'.
    for column, width in zip(made.columns, widths, strict=True):
        column.width = width


def _block(document: Any, docx: Any, block: Block) -> None:
    if isinstance(block, Paragraph):
        paragraph = document.add_paragraph()
        for piece in block.content:
            if isinstance(piece, str):
                _add_text(paragraph, piece)
            else:
                paragraph.add_run(f'"{piece.text}"').italic = True
    elif isinstance(block, Heading):
        document.add_heading(block.text, level=2)
    elif isinstance(block, GradeTable):
        _table(document, docx, block)
    else:
        assert isinstance(block, FindingList)
        for item in block.items:
            _add_text(document.add_paragraph(style="List Bullet"), item)


def _picture(
    document: Any, docx: Any, uri: str, height: float, alt: str, *, keep_with_next: bool = False
) -> Any | None:
    """A paragraph holding the ``data:`` URI's picture with its alt text, or None if Word can't."""
    header, _, data = uri.partition(",")
    if not header.endswith(";base64"):
        return None
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_with_next = keep_with_next
    try:
        picture = io.BytesIO(base64.b64decode(data, validate=True))
        shape = paragraph.add_run().add_picture(picture, height=docx.shared.Cm(height))
    except Exception:
        # Formats Word's picture part cannot hold, and malformed pictures (python-docx
        # raised ZeroDivisionError, struct.error and KeyError on them): the picture is
        # left out, with the paragraph made for it.
        paragraph._p.getparent().remove(paragraph._p)
        return None
    shape._inline.docPr.set("descr", alt)
    return paragraph


def _logo(document: Any, docx: Any, head: Letterhead) -> None:
    """The sender's logo at the top left of the first page, above the letterhead."""
    if head.logo is not None:
        _picture(document, docx, head.logo, 2.0, head.logo_alt or "")


def _signature_image(document: Any, docx: Any, signature: Signature) -> bool:
    """Add the signature's picture, kept with the name below it; whether Word could take it."""
    assert signature.image is not None
    alt = signature.description or f"The signature of {signature.name}"
    return _picture(document, docx, signature.image, 1.6, alt, keep_with_next=True) is not None


def _signature(document: Any, docx: Any, signature: Signature) -> None:
    pictured = signature.image is not None and _signature_image(document, docx, signature)
    if not pictured and signature.description is not None:
        # The description of a picture that is not there: hidden text, never a visible line.
        described = document.add_paragraph()
        described.paragraph_format.keep_with_next = True
        described.add_run(signature.description).font.hidden = True
    _lines(document, (signature.name, *signature.roles))


def _shortened(title: str) -> str:
    """``title`` within the 255 characters Word allows a document's title, ending in "…" if cut.

    The title is the document's metadata; the letter itself names the council in full.
    """
    return title if len(title) <= _MAX_TITLE else title[: _MAX_TITLE - 1].rstrip() + "…"


def _core_properties(document: Any, letter: Letter) -> None:
    properties = document.core_properties
    # As the HTML letter's <title>, which the PDF takes: one line.
    properties.title = _shortened(" ".join(f"{letter.title}: {letter.area}".split()))
    properties.language = "en-GB"
    properties.author = "Ofsted"
    properties.comments = ""  # The template's says "generated by python-docx".
    properties.last_modified_by = ""
    properties.revision = 1
    # No creation or modification date: the template's are false and today's
    # would differ between runs. Both are optional in a Word package.
    for element in list(properties._element):
        if element.tag.endswith(("}created", "}modified")):
            properties._element.remove(element)


def _without_thumbnail(document: Any) -> None:
    """Drop the template's thumbnail, a picture of an empty page."""
    relationships = document.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype.endswith("/thumbnail"):
            del relationships[key]


def _reproducible(package: bytes) -> bytes:
    """``package`` re-zipped with every entry stamped with the same date."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry))
    return out.getvalue()


@library_errors_only("a Word letter")
def write_docx(letter: Letter) -> bytes:
    """The letter as a Word document with real headings, table, list and alt text."""
    try:
        import docx
        import docx.enum.style
        import docx.enum.text
        import docx.image.exceptions
        import docx.oxml.ns
        import docx.shared
    except ImportError:
        raise MissingExtraError("Word letters", "docx") from None
    marking = None
    if letter.placeholders:
        texts = sorted({p.text for p in letter.placeholders}, key=len, reverse=True)
        pattern = re.compile("|".join(re.escape(text) for text in texts))
        marking = (pattern, _highlighter(docx))
    token = _MARKING.set(marking)
    try:
        return _document(docx, letter)
    finally:
        _MARKING.reset(token)


def _highlighter(docx: Any) -> Callable[[Any], None]:
    """How a placeholder's run is marked: highlighted in yellow, as a reviewer's would be."""

    def mark(run: Any) -> None:
        run.font.highlight_color = docx.enum.text.WD_COLOR_INDEX.YELLOW

    return mark


def _document(docx: Any, letter: Letter) -> bytes:
    """The Word document's bytes, once python-docx is imported."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = docx.shared.Mm(210), docx.shared.Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, docx.shared.Cm(2))
    _styles(document, docx)
    _core_properties(document, letter)
    _without_thumbnail(document)
    head = letter.letterhead
    if head is not None:
        _logo(document, docx, head)
        for group in (g for g in (head.address, head.contacts, head.direct) if g):
            _lines(document, group, style="Letterhead")
    for single in (letter.date_line, letter.delivery):
        if single is not None:
            _add_text(document.add_paragraph(), single)
    if letter.sender:
        _lines(document, letter.sender)
    if letter.recipient:
        recipient = _lines(document, letter.recipient, style=RECIPIENT)
        _bookmark(document, docx, recipient, RECIPIENT)
    if letter.salutation is not None:
        _add_text(document.add_paragraph(), letter.salutation)
    document.add_heading(letter.title, level=1)
    for block in letter.body:
        _block(document, docx, block)
    if letter.closing is not None:
        # "Yours sincerely" stays on the page of the signature below it.
        document.add_paragraph(letter.closing).paragraph_format.keep_with_next = True
    if letter.signature is not None:
        _signature(document, docx, letter.signature)
    written = io.BytesIO()
    document.save(written)
    return _reproducible(written.getvalue())
