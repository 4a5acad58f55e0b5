"""The letters the builder makes without running attrs' checks are valid all the same."""

import attrs
from hypothesis import given
from hypothesis import strategies as st

from inspection_letters import Inspection, InspectionLettersError, Letter, render_letter
from inspection_letters._letters.builder import LINES, LetterBuilder
from inspection_letters._letters.letter import Paragraph, unchecked
from inspection_letters.strategies import inspections
from tests.helpers import example


def validated(value: object) -> None:
    """Run attrs' validators on ``value`` and on every attrs value inside it."""
    if attrs.has(type(value)):
        attrs.validate(value)  # type: ignore[arg-type]
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            validated(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            validated(item)


def checked_copy(letter: Letter) -> Letter:
    """``letter`` made again by its checked constructor: every converter and validator runs."""
    return attrs.evolve(letter)


@given(inspection=inspections(), audience=st.sampled_from(["children", "director"]))
def test_every_built_letter_passes_its_validators(inspection: Inspection, audience: str) -> None:
    """A letter the builder made is valid, and equal to the one the checked constructor makes."""
    for draft in (False, True):
        try:
            letter = render_letter(inspection, audience, draft=draft)
        except InspectionLettersError:
            continue
        validated(letter)
        assert checked_copy(letter) == letter


def test_the_example_letters_pass_their_validators() -> None:
    """The example's two letters are valid, as their checked copies are."""
    for audience in ("children", "director"):
        letter = render_letter(example(), audience)
        validated(letter)
        assert checked_copy(letter) == letter


def test_the_builder_sets_every_part_of_lines() -> None:
    """The builder starts a list for each part of lines, and no other."""
    builder = LetterBuilder(audience="children", area="Harrow", draft=False)
    assert set(LINES) == set(builder._lines)


def test_unchecked_makes_what_the_constructor_makes() -> None:
    """``unchecked`` gives the value the constructor gives for the same fields."""
    expected = Paragraph(content=("Plans are clear.",))
    assert expected == unchecked(Paragraph)(content=("Plans are clear.",))
