"""The letters as a person sees them: what is visible in HTML, and what only screen readers get."""

import io
import json
from xml.etree import ElementTree

import pytest

from inspection_letters import (
    OFFICES,
    InspectionFileError,
    dump_inspection,
    load_inspection,
    render_letter,
)
from tests.helpers import EXAMPLE, LOGO, example, with_logo


def _parse(document: str) -> ElementTree.Element:
    return ElementTree.fromstring(document.removeprefix("<!DOCTYPE html>\n"))


def _classes(element: ElementTree.Element) -> set[str]:
    return set((element.get("class") or "").split())


def test_grade_table_caption_is_visually_hidden() -> None:
    """The caption, which repeats the heading above the table, is for screen readers only."""
    root = _parse(render_letter(example(), "children").to_html())
    caption = root.find(".//{*}caption")
    assert caption is not None
    assert "The grades inspectors gave Gloucestershire" == caption.text
    assert "visually-hidden" in _classes(caption)


def test_html_logo_is_the_first_image_of_the_letterhead_with_its_alt_text() -> None:
    """An office's logo is drawn first in the header, described by its alt text."""
    root = _parse(render_letter(with_logo(example()), "children").to_html())
    header = root.find(".//{*}header")
    assert header is not None
    first = header[0]
    assert {"logo"} == _classes(first)
    (image,) = first
    assert (LOGO, "The council's logo") == (image.get("src"), image.get("alt"))


def test_no_logo_without_one_in_the_data() -> None:
    """Without a logo in the data there is no image: the library ships none of Ofsted's marks."""
    for audience in ("children", "director"):
        letter = render_letter(example(), audience)
        assert letter.letterhead is not None
        assert letter.letterhead.logo is None
        assert "<img" not in letter.to_html()


def test_logo_must_be_raster_with_alt_text() -> None:
    """An SVG logo, or a logo without alt text, is refused when the file is read."""
    data = json.loads(EXAMPLE.read_text("utf-8"))
    office = {"key": "bristol", "logo": "data:image/svg+xml;base64,PHN2Zy8+", "logo_alt": "Logo"}
    data["letters"]["children"]["office"] = office
    with pytest.raises(InspectionFileError, match="not a raster image"):
        load_inspection(data)
    data["letters"]["children"]["office"] = {"key": "bristol", "logo": LOGO}
    with pytest.raises(InspectionFileError, match="logo_alt: an office with a logo needs"):
        load_inspection(data)


def test_shipped_office_by_key_takes_a_logo_and_round_trips() -> None:
    """`{"key": "bristol", "logo": ..., "logo_alt": ...}` is Bristol's office with a logo."""
    inspection = with_logo(example())
    assert inspection == load_inspection(dump_inspection(inspection))
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["letters"]["children"]["office"] = {"key": "bristol", "logo": LOGO, "logo_alt": "Ours"}
    office = load_inspection(data).letter_details("children").office
    assert office is not None
    assert (OFFICES["bristol"].address, LOGO) == (office.address, office.logo)


def test_word_logo_and_hidden_description() -> None:
    """Word: the logo is the first picture, with alt text; a lone description is hidden text."""
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(render_letter(with_logo(example())).to_docx()))
    first = document.paragraphs[0]
    described = first._p.xpath(".//wp:docPr/@descr")
    assert ["The council's logo"] == [str(d) for d in described]
    director = docx.Document(io.BytesIO(render_letter(example(), "director").to_docx()))
    runs = [r for p in director.paragraphs for r in p.runs if r.text.startswith("A handwritten")]
    assert [True] == [r.font.hidden for r in runs]


def test_word_keeps_the_sign_off_with_the_name() -> None:
    """Word: "Yours sincerely" and the signature are kept with the next paragraph (the name)."""
    docx = pytest.importorskip("docx")
    document = docx.Document(io.BytesIO(render_letter(example(), "director").to_docx()))
    paragraphs = document.paragraphs
    closing = next(i for i, p in enumerate(paragraphs) if p.text == "Yours sincerely")
    kept = [p.paragraph_format.keep_with_next for p in paragraphs[closing : closing + 2]]
    assert [True, True] == kept  # the closing, then the (hidden) description
    assert paragraphs[closing + 2].text.startswith("Yvette Stanley")
