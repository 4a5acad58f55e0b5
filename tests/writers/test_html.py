"""The HTML letters: well-formed, accessible and self-contained documents."""

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspection_letters import Finding, Letter, render_letter
from inspection_letters._writers import html as html_writer
from tests.helpers import TINY_PNG, example, with_signatory

XHTML = "{http://www.w3.org/1999/xhtml}"
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"})
SIGNATURE = 'A handwritten signature in blue ink that reads "Yvette Stanley".'


def parse(document: str) -> ET.Element:
    """The document as an XML tree, its doctype stripped, tags without their namespace."""
    assert document.startswith("<!DOCTYPE html>\n")
    root = ET.fromstring(document.removeprefix("<!DOCTYPE html>\n"))
    for element in root.iter():
        element.tag = element.tag.removeprefix(XHTML)
    return root


class TagBalance(HTMLParser):
    """Checks, as an HTML parser reads, that every element opened is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.seen: list[str] = []

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:]}")
        else:
            self.open.pop()


def balance(document: str) -> TagBalance:
    """The document read by :class:`TagBalance`."""
    parser = TagBalance()
    parser.feed(document)
    parser.close()
    return parser


def text_of(element: ET.Element) -> str:
    """The text of an element and its descendants."""
    return "".join(element.itertext())


def letters() -> list[Letter]:
    """The example's two letters, the director's signed with an image."""
    signed = with_signatory(example(), signature_image=TINY_PNG)
    return [render_letter(signed, audience="children"), render_letter(signed, audience="director")]


@pytest.fixture(params=["children", "director"])
def letter(request: pytest.FixtureRequest) -> Letter:
    """Each of the example's letters, the director's signed with an image."""
    signed = with_signatory(example(), signature_image=TINY_PNG)
    return render_letter(signed, audience=request.param)


def test_html_is_well_formed(letter: Letter) -> None:
    """The HTML parses as XML, and an HTML parser finds every element closed in order."""
    document = letter.to_html()
    assert "html" == parse(document).tag
    read = balance(document)
    assert [] == read.errors
    assert [] == read.open


def test_html_language_and_title(letter: Letter) -> None:
    """The document's language is British English and its title names the letter and area."""
    root = parse(letter.to_html())
    assert "en-GB" == root.get("lang")
    title = root.find("head/title")
    assert title is not None
    assert f"{letter.title}: Gloucestershire" == title.text


def test_html_headings_run_in_order(letter: Letter) -> None:
    """One h1, the letter's title, and then only h2s."""
    root = parse(letter.to_html())
    headings = [e for e in root.iter() if re.fullmatch(r"h[1-6]", e.tag)]
    assert ["h1"] + ["h2"] * (len(headings) - 1) == [h.tag for h in headings]
    assert letter.title == headings[0].text


def test_html_has_no_external_resources(letter: Letter) -> None:
    """No link, no script, and no source or reference that leaves the document."""
    root = parse(letter.to_html())
    tags = {element.tag for element in root.iter()}
    assert set() == tags & {"link", "script", "iframe", "object", "embed"}
    for element in root.iter():
        for name in ("src", "href"):
            value = element.get(name)
            assert value is None or "http" not in value


def test_html_letterhead_is_an_address(letter: Letter) -> None:
    """The letterhead is an address element with the office's lines."""
    root = parse(letter.to_html())
    head = root.find(".//address[@class='letterhead']")
    assert head is not None
    assert letter.letterhead is not None
    assert letter.letterhead.address[0] in text_of(head)
    assert "www.gov.uk/ofsted" in text_of(head)


def test_html_grade_table_has_caption_and_scopes() -> None:
    """The grade table has a caption and column and row headers with their scopes."""
    root = parse(render_letter(example(), audience="children").to_html())
    table = root.find(".//table")
    assert table is not None
    caption = table.find("caption")
    assert caption is not None
    assert "The grades inspectors gave Gloucestershire" == caption.text
    columns = table.findall("thead/tr/th")
    assert [("Judgement", "col"), ("Grade", "col")] == [(c.text, c.get("scope")) for c in columns]
    rows = table.findall("tbody/tr")
    assert 4 == len(rows)
    for row in rows:
        header, cell = list(row)
        assert ("th", "row", "td") == (header.tag, header.get("scope"), cell.tag)
    first = rows[0]
    assert "The impact of leaders on social work practice with children and families" == (
        first[0].text
    )
    assert "Requires improvement to be good" == first[1].text


def test_html_lists_the_findings() -> None:
    """The findings are the items of one list, in order, as written."""
    root = parse(render_letter(example(), audience="children").to_html())
    lists = root.findall(".//ul")
    assert 1 == len(lists)
    assert [f.text for f in example().findings] == [text_of(li) for li in lists[0]]


def test_html_signature_image_has_alt_text() -> None:
    """A signature's image is inlined, with its description as the alternative text."""
    signed = with_signatory(example(), signature_image=TINY_PNG)
    root = parse(render_letter(signed, audience="director").to_html())
    images = root.findall(".//img")
    assert 1 == len(images)
    assert TINY_PNG == images[0].get("src")
    assert SIGNATURE == images[0].get("alt")
    signatory = root.find(".//p[@class='signatory']")
    assert signatory is not None
    assert "Yvette Stanley" == signatory.text


def test_html_signature_image_without_description_has_alt_text() -> None:
    """An image with no description is still described, by whose signature it is."""
    signed = with_signatory(example(), signature_image=TINY_PNG, signature=None)
    root = parse(render_letter(signed, audience="director").to_html())
    image = root.find(".//img")
    assert image is not None
    assert "The signature of Yvette Stanley" == image.get("alt")


def test_html_signature_without_image_shows_the_description() -> None:
    """Without an image, the description of the signature is shown as text."""
    root = parse(render_letter(example(), audience="director").to_html())
    assert [] == root.findall(".//img")
    signature = root.find(".//p[@class='signature']")
    assert signature is not None
    assert SIGNATURE == signature.text


def test_html_recipient_is_an_address() -> None:
    """The recipient's name and address are an address element."""
    root = parse(render_letter(example(), audience="director").to_html())
    recipient = root.find(".//address[@class='recipient']")
    assert recipient is not None
    assert text_of(recipient).startswith("Mr Chris Spencer\nDirector of Children's Services")


def test_html_marks_the_quotation() -> None:
    """The quotation from the report is a q element."""
    root = parse(render_letter(example(), audience="director").to_html())
    quotes = root.findall(".//q")
    assert [example().quotations[0].text] == [q.text for q in quotes]


def test_html_escapes_data() -> None:
    """Markup in the data is shown as text, never read as markup."""
    hostile = '<script>alert("x")</script> & <b>bold</b>\nsecond line'
    inspection = attrs.evolve(example(), findings=(Finding(text=hostile),))
    document = render_letter(inspection).to_html()
    root = parse(document)
    assert [] == root.findall(".//script")
    assert [] == root.findall(".//b")
    (item,) = root.findall(".//li")
    assert hostile == text_of(item)
    assert html.escape("<script>", quote=True) in document
    assert [] == balance(document).errors


def test_html_of_a_draft_is_well_formed() -> None:
    """A draft's placeholders keep the document well formed."""
    bare = attrs.evolve(example(), letters=(), findings=(), lead_inspector=None)
    for audience in ("children", "director"):
        document = render_letter(bare, audience=audience, draft=True).to_html()
        root = parse(document)
        assert "Add" in text_of(root)
        assert [] == balance(document).errors


def test_markdown_of_both_audiences() -> None:
    """Both letters render to Markdown with the title as the only level-one heading."""
    for letter in letters():
        markdown = letter.to_markdown()
        titles = [line for line in markdown.splitlines() if line.startswith("# ")]
        assert [f"# {letter.title}"] == titles


def test_html_title_holds_text_only() -> None:
    """A line break in the area's name is a space in the title, which holds no elements."""
    area = attrs.evolve(example().authority, name="Ynys\nMôn")
    root = parse(render_letter(attrs.evolve(example(), authority=area)).to_html())
    title = root.find("head/title")
    assert title is not None
    assert [] == list(title)
    assert "Inspection of children's services: Ynys Môn" == title.text
    salutation = root.find(".//p[@class='salutation']")
    assert salutation is not None
    assert ["br"] == [child.tag for child in salutation]


def test_html_keeps_line_breaks_within_address_lines() -> None:
    """A line of an address that holds a line break keeps it, as the text letter does."""
    given = example()
    details = given.letter_details("director")
    assert details.recipient is not None
    recipient = attrs.evolve(details.recipient, address=("Shire Hall\nWestgate Street",))
    changed = attrs.evolve(given, letters=(attrs.evolve(details, recipient=recipient),))
    root = parse(render_letter(changed, audience="director").to_html())
    address = root.find(".//address[@class='recipient']")
    assert address is not None
    assert text_of(address).endswith("Gloucestershire County Council\nShire Hall\nWestgate Street")


@given(st.lists(st.sampled_from(["a", "&", "<", ">", '"', "'", "\n", "é", "&amp;"])).map("".join))
def test_text_is_escaped_as_html_escape_does(text: str) -> None:
    """The writer's escaping is html.escape's (quotes included), with line breaks kept."""
    assert html.escape(text, quote=True).replace("\n", "<br />\n") == html_writer._text(text)


@given(st.lists(st.text(max_size=30), max_size=8))
def test_html_escapes_every_text_at_once_as_it_would_one_by_one(texts: list[str]) -> None:
    """Escaping a letter's texts in one pass gives each text as escaping it alone does."""
    expected = [html_writer._text(text) for text in texts]
    assert expected == html_writer._escaped_all(texts)


def test_html_escapes_a_text_holding_a_nul_on_its_own() -> None:
    """A text with a NUL (the separator of the one pass) is still escaped exactly."""
    texts = ["a\0<b>", "c & d"]
    assert ["a\0&lt;b&gt;", "c &amp; d"] == html_writer._escaped_all(texts)


def test_html_escapes_a_long_letters_texts_one_by_one_alike() -> None:
    """The texts of a long letter, escaped one by one, are what the one pass would give."""
    texts = ["<b>" * 30_000, "Tom & Jerry's\nline", ""]
    expected = [html_writer._text(text) for text in texts]
    assert expected == html_writer._escaped_all(texts)
