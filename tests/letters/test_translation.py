"""What the translation writes in place (parts, macros, need, tests) gives Jinja2's letter."""

from typing import Any

import jinja2
import pytest

from inspection_letters import InspectionLettersError, Letter, TemplateError
from inspection_letters._letters import environment as environments
from inspection_letters._letters.builder import LetterBuilder
from inspection_letters._letters.compiled import translated

PARTS = """\
{% macro lines(first, second="Second line", third=none) %}
{% call add("address") %}{{ first }}{% endcall %}
{% call add("address") %}{{ second }}{% endcall %}
{% if third is not none %}{% call add("address") %}{{ third }}{% endcall %}{% endif %}
{% endmacro %}
{% macro signed(name) %}{% call set("signature_name") %}{{ name }}{% endcall %}{% endmacro %}
"""

TEMPLATES = {
    "_parts.jinja": PARTS,
    # Macros by position, by name and by default; a part of lines; a heading; a set part.
    "macros.jinja": """\
{% from "_parts.jinja" import lines, signed with context %}
{{ lines("First line") }}
{{ lines(first="Again", third="Third line") }}
{% call set("title") %}A title{% endcall %}
{% call heading() %}A heading{% endcall %}
{{ signed(who) }}
""",
    # need() of what is there and of what is not, the missing and none tests.
    "needs.jinja": """\
{% set name = need(who, "who", "the name") %}
{% set gone = need(nobody, "nobody", "nobody's name") %}
{% call set("title") %}{{ name }}{% if gone is missing %} and {{ gone }}{% endif %}{% endcall %}
{% call paragraph() %}{{ "none" if nothing is none else "some" }}{% endcall %}
{{ finding_list(need(items, "items", "the items")) }}
{{ grade_table(rows, caption="Grades", headers=("Judgement", "Grade")) }}
""",
    # A one-line part set twice: the builder refuses it, and Jinja2 says so.
    "twice.jinja": """\
{% call set("title") %}One{% endcall %}
{% call set("title") %}Two{% endcall %}
""",
    # An empty line is not added to a part of lines.
    "empty.jinja": """\
{% call set("title") %}T{% endcall %}
{% call add("recipient") %}{{ blank }}{% endcall %}
{% call add("recipient") %}Someone{% endcall %}
""",
}


def environment() -> jinja2.Environment:
    """An environment set up as the library's own, with the templates above."""
    made = environments._configure(
        jinja2.Environment(**environments._options(jinja2.DictLoader(TEMPLATES)))
    )
    made.context_class = environments._LetterContext
    return made


def context(builder: LetterBuilder, **values: Any) -> dict[str, Any]:
    """A letter's context: the builder's functions and ``values``."""
    return {**builder.functions(), **values}


def outcome(name: str, draft: bool, *, compiled: bool, **values: Any) -> Any:
    """The letter ``name`` makes by the compiled function or by Jinja2, or its error."""
    builder = LetterBuilder(audience="test", area="Harrow", draft=draft)
    try:
        if compiled:
            made = translated(environment(), name)
            assert made is not None, f"{name} was not compiled"
            written = made[0](context(builder, **values), builder)
        else:
            written = environment().get_template(name).render(context(builder, **values))
        assert not written.strip()
        return builder.letter()
    except (InspectionLettersError, jinja2.TemplateError) as error:
        return type(error)
    except Exception as error:  # the compiled path's own refusals: Jinja2 would say why
        return ("refused", type(error).__name__)


VALUES: dict[str, Any] = {
    "who": "Ada",
    "nobody": None,
    "nothing": None,
    "items": ("One finding", "Another"),
    "rows": (("Leaders", "Good"),),
    "blank": "",
}


@pytest.mark.parametrize("draft", [False, True])
@pytest.mark.parametrize("name", ["macros.jinja", "needs.jinja", "empty.jinja"])
def test_what_is_written_in_place_gives_jinjas_letter(name: str, draft: bool) -> None:
    """Macros, parts, need() and the tests written in place give the letter Jinja2 gives."""
    by_jinja = outcome(name, draft, compiled=False, **VALUES)
    assert by_jinja == outcome(name, draft, compiled=True, **VALUES)


def test_macros_written_in_place_bind_their_arguments() -> None:
    """A macro's arguments by position, by name and by default land where Jinja2 puts them."""
    letter = outcome("macros.jinja", False, compiled=True, **VALUES)
    assert isinstance(letter, Letter)
    assert letter.letterhead is not None
    expected = ("First line", "Second line", "Again", "Second line", "Third line")
    assert expected == letter.letterhead.address


def test_a_missing_value_is_still_a_placeholder_in_place() -> None:
    """need() of a missing value, written in place, still gives the draft its placeholder."""
    letter = outcome("needs.jinja", True, compiled=True, **VALUES)
    assert isinstance(letter, Letter)
    assert "Ada and Add nobody's name (to complete)" == letter.title


def test_a_part_set_twice_is_refused_by_the_compiled_template() -> None:
    """The compiled template refuses a part set twice, so that Jinja2 words the error."""
    assert ("refused", "_RefusedError") == outcome("twice.jinja", False, compiled=True)
    assert TemplateError == outcome("twice.jinja", False, compiled=False)
