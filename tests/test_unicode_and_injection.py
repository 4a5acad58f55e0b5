"""Any text survives as written, in every format; data never becomes markup or code.

"Unchanged" in Markdown means: once the writer's escapes are removed
(``tests.helpers.unescape_markdown``: backslashes, hard breaks, and the
character references for a leading space or tab and for an empty line), the
text is identical. Plain text holds it exactly; HTML holds it escaped.
"""

import html
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example as hypothesis_example
from hypothesis import given
from hypothesis import strategies as st

from inspection_letters import (
    AudienceRegistry,
    Finding,
    Inspection,
    InspectionFileError,
    InvalidValueError,
    Letter,
    Quotation,
    TemplateError,
    dump_inspection,
    load_inspection,
    no_context,
    render_letter,
)
from inspection_letters.strategies import texts
from tests.helpers import EXAMPLE, bulleted, example, unescape_markdown, with_signatory

WELSH_AND_MORE = [
    "Ŵyr ŷd Ŷ ŵ",
    "café naïve Straße",
    "שלום עולם",
    "مرحبا بالأطفال",
    "👩\u200d👧 🎉 👧🏽",
    "e\u0301 o\u0308 c\u0327",
    "\u202eevil\u202c",
    "a\n\nb",
    "    indented\n\tand tabbed",
]


def with_text(text: str) -> Inspection:
    """The example with ``text`` in every field that a letter shows."""
    base = example()
    details = []
    for letter in base.letters:
        if letter.audience == "director" and letter.recipient is not None:
            recipient = attrs.evolve(
                letter.recipient,
                given_name=text,
                family_name=text,
                organisation=text,
                address=(text, *letter.recipient.address),
            )
            wording = (("achievement", text), ("quotation_lead_in", text))
            letter = attrs.evolve(letter, recipient=recipient, wording=wording)
        details.append(letter)
    changed = attrs.evolve(
        base,
        authority=attrs.evolve(base.authority, name=text, region=text),
        lead_inspector=text,
        findings=(Finding(text=text), *base.findings),
        quotations=(Quotation(text=text, source=text),),
        letters=tuple(details),
    )
    return with_signatory(changed, name=text, role=text, sign_off_role=text, signature=text)


def html_text(text: str) -> str:
    """``text`` as the HTML writer writes it: escaped, with its line breaks marked."""
    return html.escape(text, quote=True).replace("\n", "<br />\n")


def snippets(text: str, *, markdown: bool = False) -> dict[str, list[str]]:
    """Passages each letter holds, in plain text, with ``text`` where the data puts it.

    Markdown, escapes removed, holds the same, but for a finding's later lines, which plain
    text indents under the bullet.
    """
    return {
        "children": [
            f"To the children and young people in {text}",
            f"- {text}" if markdown else bulleted(text),
            f"{text}\nLead inspector\nHMI Social Care",
        ],
        "director": [
            f"Inspection of {text} local authority children's services",
            f"Dear {text}",
            f"This is a {text} achievement",
            f'read that, {text}, *"{text}"*',
            f"\n{text}\n{text}\n",  # the signatory's name, then their role, above the address
        ],
    }


@given(texts(max_size=60))
@hypothesis_example("Ŵyr ŷd")
def test_any_text_survives_a_json_round_trip(text: str) -> None:
    """Any text in any field is read back from JSON as it was written, however encoded."""
    inspection = with_text(text)
    data = dump_inspection(inspection)
    for ensure_ascii in (True, False):
        assert inspection == load_inspection(
            json.loads(json.dumps(data, ensure_ascii=ensure_ascii))
        )


@pytest.mark.parametrize("text", WELSH_AND_MORE)
def test_text_survives_a_json_file(tmp_path: Path, text: str) -> None:
    """Welsh, accents, emoji, right-to-left and combining marks survive a UTF-8 file."""
    inspection = with_text(text)
    path = tmp_path / "inspection.json"
    path.write_text(json.dumps(dump_inspection(inspection), ensure_ascii=False), "utf-8")
    assert inspection == load_inspection(path)


def letters(text: str) -> dict[str, Letter]:
    """The children's and the director's letters of ``with_text(text)``."""
    inspection = with_text(text)
    return {audience: render_letter(inspection, audience) for audience in ("children", "director")}


@given(texts(max_size=60))
@hypothesis_example("Ŵyr ŷd")
@hypothesis_example("a\n\n    b\n")
def test_any_text_appears_as_written_in_plain_text(text: str) -> None:
    """Plain text holds each field's text exactly, where the letter puts it."""
    for audience, letter in letters(text).items():
        written = letter.to_text()
        assert [] == [s for s in snippets(text)[audience] if s not in written]


@given(texts(max_size=60))
@hypothesis_example("# not a heading\n\n    not code\n- not a list")
def test_any_text_appears_unchanged_in_markdown(text: str) -> None:
    """Markdown holds each field's text unchanged once its escapes are removed."""
    for audience, letter in letters(text).items():
        written = unescape_markdown(letter.to_markdown())
        assert [] == [s for s in snippets(text, markdown=True)[audience] if s not in written]


def html_snippets(text: str) -> dict[str, list[str]]:
    """The passages of :func:`snippets` as the HTML writer writes them."""
    shown = html_text(text)
    return {
        "children": [
            f"To the children and young people in {shown}",
            f"<li>{shown}</li>",
            f"{shown}<br />\nLead inspector<br />\nHMI Social Care",
        ],
        "director": [
            f"Inspection of {shown} local authority children&#x27;s services",
            f"Dear {shown}",
            f"This is a {shown} achievement",
            f"read that, {shown}, <em><q>{shown}</q></em>",
        ],
    }


@given(texts(max_size=60))
@hypothesis_example("<b>&amp;</b> \"quoted\" 'too'")
def test_any_text_appears_escaped_in_html(text: str) -> None:
    """HTML holds each field's text escaped, quotes included, line breaks marked."""
    for audience, letter in letters(text).items():
        written = letter.to_html()
        assert [] == [s for s in html_snippets(text)[audience] if s not in written]


REFUSED = ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\r", "\x1b", "\x7f", "\x85", "\x9f"]
REFUSED += ["\ud800", "\udfff", "\ufffe", "\uffff"]
FIELDS = {
    "authority.name": lambda data, text: data["authority"].update(name=text),
    "lead_inspector": lambda data, text: data.update(lead_inspector=text),
    "findings[2].text": lambda data, text: data["findings"][2].update(text=text),
    "quotations[0].source": lambda data, text: data["quotations"][0].update(source=text),
    "letters.director.recipient.given_name": lambda data, text: data["letters"]["director"][
        "recipient"
    ].update(given_name=text),
    "letters.director.wording.achievement": lambda data, text: data["letters"]["director"][
        "wording"
    ].update(achievement=text),
}


@given(st.sampled_from(REFUSED), st.sampled_from(sorted(FIELDS)), st.integers(0, 5))
def test_control_characters_are_refused_naming_the_field(bad: str, field: str, at: int) -> None:
    """A control character (but tab or newline), a surrogate or U+FFFE/F: refused, by field."""
    data: dict[str, Any] = json.loads(EXAMPLE.read_text("utf-8"))
    FIELDS[field](data, f"Text{bad}"[:at] + bad + "Text"[at:])
    with pytest.raises(InspectionFileError) as raised:
        load_inspection(data)
    [(path, reason)] = raised.value.problems
    assert field == path
    assert f"{bad!r} at position {min(at, 4)}" in reason


@pytest.mark.parametrize("allowed", ["a\tb", "a\nb", "a\u200fb", "a\u00a0b", "a\u2028b"])
def test_tab_newline_and_other_formatting_are_allowed(allowed: str) -> None:
    """Tab and newline, and Unicode's own formatting characters, are not refused."""
    assert allowed == Finding(text=allowed).text


def test_regression_noncharacter_is_refused() -> None:
    """U+FFFE and U+FFFF, which XML cannot hold, are refused; they broke Word letters."""
    for bad in ("\ufffe", "\uffff"):
        with pytest.raises(InvalidValueError, match=r"the noncharacter .* which XML"):
            Finding(text=f"a{bad}")


def test_regression_template_control_character_is_our_error() -> None:
    """A control character a template writes is refused, not left to break Word and PDF."""
    mine = AudienceRegistry()
    mine.register("m", no_context, source="{% call set('title') %}A\x07{% endcall %}")
    with pytest.raises(TemplateError, match="in the title, text that contains the control"):
        render_letter(example(), "m", registry=mine)


# --- Markup injection ----------------------------------------------------------------------------

PAYLOADS = [
    "<script>alert('x')</script>",
    '" onmouseover="alert(1)" x="',
    "' onerror='alert(1)' '",
    "javascript:alert(document.cookie)",
    "[click me](javascript:alert(1))",
    "![pixel](https://example.org/track.png)",
    "<img src=x onerror=alert(1)>",
    "&lt;script&gt; &amp; &#60;",
    "# heading",
    "## heading\n===",
    "| a | b |\n| --- | --- |",
    "- item",
    "1. item",
    "2) item",
    "> quoted",
    "**bold** _em_ `code` ~~gone~~",
    "```\nfenced\n```",
    "    indented code",
    "first\n\n# after a blank line",
    "<!-- comment -->",
    "]]> <![CDATA[",
    "\\# \\- backslashes \\",
]
BENIGN = re.compile(r"[^\n]+")


def benign(payload: str) -> str:
    """The payload's lines, each replaced by an ``x``: the same shape without any syntax."""
    return BENIGN.sub("x", payload)


class Tags(HTMLParser):
    """The start tags of a document, with their attributes: its structure without the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def tags(document: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """The start tags of ``document``."""
    parser = Tags()
    parser.feed(document)
    parser.close()
    return parser.tags


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_is_literal_in_plain_text(payload: str) -> None:
    """Plain text holds the payload exactly, as the data gives it."""
    for audience, letter in letters(payload).items():
        assert [] == [s for s in snippets(payload)[audience] if s not in letter.to_text()]


def unescaped_syntax(markdown: str) -> list[str]:
    """The characters of ``markdown`` that Markdown would read as syntax (not escaped)."""
    # The writer's own references, for a leading space or tab and an empty line, are text.
    # Only these are syntax anywhere in a line (the starts of lines are `block_starts`'): "(",
    # "!", "]" or ">" are plain without a "[" or "<" before them, "&" without a reference after.
    return re.findall(
        r"\\.|&#32;|&#9;|&nbsp;|([`*_\[<|~]|&(?=#?[0-9A-Za-z]+;))", markdown, re.DOTALL
    )


BLOCK_START = re.compile(r"[ \t]*(?:#+ |[-+*] |\d+[.)] |>|\||```|~~~|    |\t)?")


def block_starts(markdown: str) -> list[str]:
    """What starts each line of ``markdown`` that Markdown reads as a block's syntax."""
    return [match[0] for line in markdown.splitlines() if (match := BLOCK_START.match(line))]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_is_literal_in_markdown(payload: str) -> None:
    """Markdown escapes the payload: the same syntax as a letter without it, the same text."""
    for audience, letter in letters(payload).items():
        markdown, plain = letter.to_markdown(), letters(benign(payload))[audience].to_markdown()
        assert block_starts(plain) == block_starts(markdown)
        assert [c for c in unescaped_syntax(plain) if c] == [
            c for c in unescaped_syntax(markdown) if c
        ]
        written = unescape_markdown(markdown)
        assert [] == [s for s in snippets(payload, markdown=True)[audience] if s not in written]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_is_literal_in_rendered_markdown(payload: str) -> None:
    """Rendered by a CommonMark parser, the payload's letter has the plain letter's elements."""
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark")
    for audience, letter in letters(payload).items():
        plain = letters(benign(payload))[audience]
        assert tags(parser.render(plain.to_markdown())) == tags(parser.render(letter.to_markdown()))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_is_literal_in_html(payload: str) -> None:
    """HTML holds the payload escaped: no element or attribute of its own, and well-formed."""
    for audience, letter in letters(payload).items():
        document = letter.to_html()
        assert tags(letters(benign(payload))[audience].to_html()) == tags(document)
        assert html_text(payload) in document
        assert ET.fromstring(document.removeprefix("<!DOCTYPE html>\n")) is not None


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_is_literal_in_word(payload: str) -> None:
    """A Word letter holds the payload as text in runs: no hyperlink, field or raw XML."""
    docx = pytest.importorskip("docx")
    letter = letters(payload)["children"]
    document = docx.Document(io.BytesIO(letter.to_docx()))
    shown = "\n".join(p.text for p in document.paragraphs)
    assert [] == [line for line in payload.split("\n") if line not in shown]
    with zipfile.ZipFile(io.BytesIO(letter.to_docx())) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert [] == [tag for tag in ("<w:hyperlink", "<w:fldSimple", "<w:instrText") if tag in body]


def test_injection_is_literal_in_pdf() -> None:
    """A PDF letter of every payload has no link, action or script, and shows the payloads."""
    pytest.importorskip("weasyprint")
    pypdf = pytest.importorskip("pypdf")
    text = "\n".join(p.replace("\n", " ") for p in PAYLOADS)
    reader = pypdf.PdfReader(io.BytesIO(letters(text)["children"].to_pdf()))
    annotations = [page.get("/Annots") for page in reader.pages]
    assert [None] * len(reader.pages) == annotations
    assert "/OpenAction" not in reader.trailer["/Root"]
    assert "/JavaScript" not in str(reader.trailer["/Root"].get("/Names", {}))
    shown = " ".join(page.extract_text() for page in reader.pages)
    assert "javascript:alert(document.cookie)" in " ".join(shown.split())


def test_regression_markdown_indented_data_is_not_code() -> None:
    """Data indented by four spaces or a tab is text in Markdown, not an indented code block."""
    markdown = letters("    indented\n\tand tabbed")["children"].to_markdown()
    assert "- &#32;   indented  \n&#9;and tabbed\n" in markdown


def test_regression_markdown_blank_line_stays_in_its_block() -> None:
    """A blank line in data keeps the rest in its list item, rather than starting a paragraph."""
    markdown = letters("first\n\n# after")["children"].to_markdown()
    assert "- first  \n&nbsp;  \n\\# after\n" in markdown
