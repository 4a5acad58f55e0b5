"""Markdown escapes only what CommonMark would read as markup, so the words read as written."""

import pytest

from inspection_letters import render_letter
from inspection_letters._writers.text import escape_markdown
from tests.helpers import example


def test_parentheses_of_the_date_line_are_not_escaped() -> None:
    """ "(publication date of the main report)" is written as it is, with no backslashes."""
    markdown = render_letter(example(), "children").to_markdown()
    assert "1 April 2022 (publication date of the main report)" in markdown.splitlines()


@pytest.mark.parametrize(
    "text",
    [
        "(publication date of the main report)",
        "Children's services: good! {and} 3 > 2 + 1 = 2 #1 -5 1.5 & more",
        "Hall, Westgate Street (north)",
    ],
)
def test_text_without_markup_is_not_escaped(text: str) -> None:
    """Punctuation that CommonMark reads as plain text in its place is left alone."""
    assert text == escape_markdown(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[link](x)", "\\[link](x)"),
        ("![image](x)", "!\\[image](x)"),
        ("<b>bold</b>", "\\<b>bold\\</b>"),
        ("*em* _em_ `code`", "\\*em\\* \\_em\\_ \\`code\\`"),
        ("a | b ~~c~~", "a \\| b \\~\\~c\\~\\~"),
        ("&amp; &#60;", "\\&amp; \\&#60;"),
        ("# heading", "\\# heading"),
        ("> quoted", "\\> quoted"),
        ("+ item", "\\+ item"),
        ("2) item", "2\\) item"),
        ("---", "\\---"),
    ],
)
def test_markup_is_escaped(text: str, expected: str) -> None:
    """What would be markup is escaped: inline syntax anywhere, block syntax at a line's start."""
    assert expected == escape_markdown(text)


def test_escaped_text_renders_as_written() -> None:
    """A CommonMark parser shows the escaped text as the words given, in one paragraph."""
    markdown_it = pytest.importorskip("markdown_it")
    text = "(see [this](x)) <b>not bold</b> *not em* 3 > 2 & 1 # 5 &amp;"
    rendered = markdown_it.MarkdownIt("commonmark").render(escape_markdown(text))
    expected = "(see [this](x)) &lt;b&gt;not bold&lt;/b&gt; *not em* 3 &gt; 2 &amp; 1 # 5 &amp;amp;"
    assert f"<p>{expected}</p>\n" == rendered
