"""Word letters: the plain text line for line, Word's own structure, the same bytes every run.

Text is read back from the document's body in order, written as the
plain-text writer writes it: a table row as its cells joined by a tab, a
"List Bullet" paragraph after ``- ``, italic runs between ``*``, and a picture
as its alt text. So the comparison is the seed comparison itself (non-blank
lines, each trimmed, runs of whitespace made one space), line for line: Word,
unlike a PDF, keeps each paragraph whole.
"""

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import attrs
import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from inspection_letters import Framework, Grade, Letter, formats, render_letter
from inspection_letters._letters.letter import Signature
from inspection_letters._writers.docx import DOCX_MEDIA_TYPE, RECIPIENT
from tests.helpers import TINY_PNG, every, example, graded, normalised_lines

LETTERS = {
    "children": render_letter(example(), "children"),
    "director": render_letter(example(), "director"),
    "children-2023": render_letter(
        graded(Framework.ILACS_2023, every(Framework.ILACS_2023, Grade.GOOD)), "children"
    ),
}


def _open(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def _paragraph_text(paragraph: Paragraph) -> str:
    pieces = []
    for item in paragraph.iter_inner_content():
        if not isinstance(item, Run):  # A hyperlink: there are none in letters.
            pieces.append(item.text)
            continue
        for described in item._r.xpath(".//wp:docPr/@descr"):
            pieces.append(str(described))
        pieces.append(f"*{item.text}*" if item.italic and item.text else item.text)
    text = "".join(pieces)
    listed = paragraph.style is not None and paragraph.style.name == "List Bullet"
    return f"- {text}" if listed else text


def body_lines(document: Document) -> Iterator[str]:
    """The document's body as plain text, part by part in order."""
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                yield "\t".join(cell.text for cell in row.cells)
        else:
            yield _paragraph_text(block)


def docx_text(data: bytes) -> str:
    """A Word document's text, laid out as the plain-text letter is."""
    return "\n".join(body_lines(_open(data)))


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    """Each letter's Word document, written once for the module."""
    return {name: letter.to_docx() for name, letter in LETTERS.items()}


@pytest.mark.parametrize("name", LETTERS)
def test_docx_text_is_the_letters_plain_text(name: str, documents: dict[str, bytes]) -> None:
    """The Word document reads as the plain-text letter, line for line."""
    assert normalised_lines(str(LETTERS[name])) == normalised_lines(docx_text(documents[name]))


def _styles(document: Document) -> list[str]:
    return [p.style.name for p in document.paragraphs if p.style is not None]


@pytest.mark.parametrize("name", LETTERS)
def test_docx_uses_words_headings_table_and_list(name: str, documents: dict[str, bytes]) -> None:
    """The subject line is Heading 1, headings Heading 2, findings "List Bullet", one table."""
    letter, document = LETTERS[name], _open(documents[name])
    styles = _styles(document)
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert [letter.title] == headings
    assert len(letter.findings) == styles.count("List Bullet")
    tables = document.tables
    if name.startswith("children"):
        assert styles.count("Heading 2") >= 2
        assert 1 == len(tables)
        header = tables[0].rows[0]
        assert header._tr.xpath("./w:trPr/w:tblHeader")
        assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)
        assert tables[0]._tbl.xpath("./w:tblPr/w:tblCaption/@w:val")
    else:
        assert [] == tables


@pytest.mark.parametrize("name", LETTERS)
def test_docx_is_british_english_a4_with_a_title(name: str, documents: dict[str, bytes]) -> None:
    """The language en-GB (for spelling and reading aloud), an A4 page, the letter's title."""
    letter, document = LETTERS[name], _open(documents[name])
    assert f"{letter.title}: {letter.area}" == document.core_properties.title
    assert "en-GB" == document.core_properties.language
    defaults = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert ["en-GB"] == defaults
    section = document.sections[0]
    assert (210, 297) == (round(section.page_width.mm), round(section.page_height.mm))  # type: ignore[union-attr]


@pytest.mark.parametrize("name", LETTERS)
def test_recipient_is_a_named_paragraph_and_bookmark(
    name: str, documents: dict[str, bytes]
) -> None:
    """The council finds the recipient by its style or its bookmark, both "Recipient"."""
    letter, document = LETTERS[name], _open(documents[name])
    recipients = [p for p in document.paragraphs if p.style and p.style.name == RECIPIENT]
    assert ["\n".join(letter.recipient)] == [p.text for p in recipients]
    assert [RECIPIENT] == recipients[0]._p.xpath("./w:bookmarkStart/@w:name")
    assert recipients[0]._p.xpath("./w:bookmarkEnd")


def test_children_letter_recipient_is_the_placeholder_to_complete(
    documents: dict[str, bytes],
) -> None:
    """The children's letter leaves the recipient to the council, as Ofsted's does."""
    document = _open(documents["children"])
    recipient = next(p for p in document.paragraphs if p.style and p.style.name == RECIPIENT)
    assert "Add recipient details (local authority to complete)" == recipient.text


def _signed(letter: Letter, image: str) -> Letter:
    assert letter.signature is not None
    signature: Signature = attrs.evolve(letter.signature, image=image)
    return attrs.evolve(letter, signature=signature)


def test_signature_image_has_alt_text() -> None:
    """A signature picture is in the document, described by its alt text."""
    letter = _signed(LETTERS["director"], TINY_PNG)
    document = _open(letter.to_docx())
    assert letter.signature is not None
    described: list[Any] = document.element.body.xpath(".//wp:docPr/@descr")
    assert [letter.signature.description] == [str(d) for d in described]
    assert 1 == len(document.inline_shapes)
    assert normalised_lines(str(letter)) == normalised_lines(docx_text(letter.to_docx()))


def test_signature_image_word_cannot_hold_falls_back_to_its_description() -> None:
    """An SVG signature (Word's picture part takes none) is written as its description."""
    letter = _signed(LETTERS["director"], "data:image/svg+xml;base64,PHN2Zy8+")
    document = _open(letter.to_docx())
    assert 0 == len(document.inline_shapes)
    assert normalised_lines(str(letter)) == normalised_lines(docx_text(letter.to_docx()))


def test_docx_is_byte_identical_between_runs(documents: dict[str, bytes]) -> None:
    """Two renders give the same bytes: no dates in the properties, fixed zip timestamps."""
    assert documents["children"] == LETTERS["children"].to_docx()
    with zipfile.ZipFile(io.BytesIO(documents["children"])) as package:
        assert {(1980, 1, 1, 0, 0, 0)} == {entry.date_time for entry in package.infolist()}
        core = package.read("docProps/core.xml")
        assert b"created" not in core
        assert b"python-docx" not in core
        assert "docProps/thumbnail.jpeg" not in package.namelist()


def test_docx_is_a_registered_binary_format() -> None:
    """``docx`` is in the default registry, gives bytes, and names Word's media type."""
    chosen = formats.get("docx")
    assert (chosen.extension, chosen.media_type, chosen.binary) == ("docx", DOCX_MEDIA_TYPE, True)


def test_docx_has_no_theme_fonts_in_its_headings(documents: dict[str, bytes]) -> None:
    """Headings are in the letter's font and colour, not the template's blue theme."""
    document = _open(documents["children"])
    for name in ("Heading 1", "Heading 2"):
        fonts = document.styles[name].element.rPr.rFonts
        assert fonts is not None
        assert fonts.get(qn("w:asciiTheme")) is None
        assert "Arial" == document.styles[name].font.name
