"""Conformance: every registered audience, in every registered format, makes a sound letter."""

import html
import zipfile
from io import BytesIO

import pytest

from inspection_letters import (
    Letter,
    LetterNotDueError,
    MissingExtraError,
    MissingInputError,
    audiences,
    formats,
    render_letter,
)
from tests.helpers import example, unescape_markdown


def letter_for(audience: str) -> Letter:
    """The example's letter for ``audience``; a draft where it lacks what that letter needs."""
    try:
        return render_letter(example(), audience=audience)
    except LetterNotDueError as error:
        pytest.skip(f"the example has no {audience} letter: {error}")
    except MissingInputError:
        return render_letter(example(), audience=audience, draft=True)


def title_in(letter: Letter, format_name: str, output: str) -> bool:
    """Whether the letter's title is in ``output``, as the format writes text."""
    if format_name == "html":
        return html.escape(letter.title, quote=True) in output
    if format_name == "markdown":
        return letter.title in unescape_markdown(output)
    return letter.title in output


@pytest.mark.parametrize("format_name", list(formats))
@pytest.mark.parametrize("audience", list(audiences))
def test_every_audience_in_every_format(audience: str, format_name: str) -> None:
    """The letter renders, non-empty, of the format's kind, titled, and with no "None"."""
    letter = letter_for(audience)
    chosen = formats.get(format_name)
    try:
        output = letter.render(format_name)
    except MissingExtraError as error:
        pytest.skip(str(error))
    assert output
    assert chosen.binary is isinstance(output, bytes)
    assert chosen.extension
    assert "." not in chosen.extension
    if isinstance(output, str):
        assert "None" not in output
        assert title_in(letter, format_name, output)
    if format_name == "html":
        assert isinstance(output, str)
        assert output.startswith("<!DOCTYPE html>")
    if chosen.media_type == "application/pdf":
        assert isinstance(output, bytes)
        assert output.startswith(b"%PDF-")
    if chosen.extension == "docx":
        assert isinstance(output, bytes)
        with zipfile.ZipFile(BytesIO(output)) as document:
            assert "word/document.xml" in document.namelist()


@pytest.mark.parametrize("audience", list(audiences))
def test_every_audience_is_described(audience: str) -> None:
    """Every audience has its name and a description of whom it writes to."""
    chosen = audiences.get(audience)
    assert audience == chosen.name
    assert chosen.description


@pytest.mark.parametrize("audience", list(audiences))
def test_every_audience_renders_the_same_twice(audience: str) -> None:
    """An audience's letter does not change between two renderings."""
    assert letter_for(audience) == letter_for(audience)
