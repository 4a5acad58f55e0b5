"""The library's templates compiled to Python give the same letters as Jinja2, and are used."""

from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jinja2 import nodes

from inspection_letters import (
    Inspection,
    InspectionLettersError,
    TemplateError,
    read_outcomes,
    render_letter,
)
from inspection_letters._letters import render as rendering
from inspection_letters._letters.builder import LetterBuilder
from inspection_letters._letters.compiled import compiled_template
from inspection_letters._letters.environment import package_environment
from inspection_letters._model.checks import allowed_characters
from inspection_letters._model.rules import RULES, Severity
from inspection_letters.strategies import broken_inspections, inspections
from tests.helpers import ROOT, example

HISTORY = ROOT.parent / "shared" / "data" / "ofsted" / "ilacs-inspection-history-2018-2025.csv"
needs_history = pytest.mark.skipif(
    not HISTORY.exists(), reason=f"Ofsted's outcomes are not at {HISTORY}"
)
AUDIENCES = ("children", "director")
ERROR_CODES = [r.code for r in RULES if r.severity is Severity.ERROR]


def library_templates() -> list[str]:
    """The library's own letter templates (partials, whose names start with ``_``, left out)."""
    folder = resources.files("inspection_letters._letters") / "templates"
    names = [f.name for f in folder.iterdir() if f.name.endswith(".jinja")]
    return sorted(n for n in names if not n.startswith("_"))


@cache
def published() -> tuple[Inspection, ...]:
    """The 271 distinct published inspections of Ofsted's history."""
    return tuple(read_outcomes(HISTORY))


def outcome(inspection: Inspection, audience: str, draft: bool) -> Any:
    """The letter, or the library's error as its type and message."""
    try:
        return render_letter(inspection, audience, draft=draft)
    except InspectionLettersError as error:
        return (type(error), str(error))


def both_ways(inspection: Inspection, audience: str, draft: bool) -> tuple[Any, Any]:
    """The outcome by the compiled template, then by Jinja2 alone."""
    compiled = outcome(inspection, audience, draft)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rendering, "compiled_template", lambda name: None)
        by_jinja = outcome(inspection, audience, draft)
    return compiled, by_jinja


@pytest.fixture
def without_jinja() -> Iterator[None]:
    """Rendering by Jinja2 fails the test: every letter must take the compiled path."""

    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("a library template was rendered by Jinja2, not compiled")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rendering, "render", refuse)
        yield


def test_every_library_template_compiles() -> None:
    """Each of the library's templates is compiled to Python; none is left to Jinja2."""
    names = library_templates()
    assert ["children.jinja", "director.jinja"] == names
    assert [] == [name for name in names if compiled_template(name) is None]


def test_the_library_templates_words_hold_no_forbidden_character() -> None:
    """Every text and string in the library's templates, partials too, is allowed in a letter.

    So a letter the compiled templates write for the library's own audiences
    needs no look at its characters: its words are these, or the data's, checked
    when read (``LetterBuilder.own_words_only``). The agreement of
    the two paths below holds it too, Jinja2's path still looking.
    """
    environment = package_environment()
    folder = resources.files("inspection_letters._letters") / "templates"
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith(".jinja"))
    assert "_parts.jinja" in names
    words = []
    for name in names:
        source, _, _ = environment.loader.get_source(environment, name)  # type: ignore[union-attr]
        tree = environment.parse(source)
        words += [n.data for n in tree.find_all(nodes.TemplateData)]
        words += [n.value for n in tree.find_all(nodes.Const) if isinstance(n.value, str)]
    assert len(words) > 100
    assert [] == [w for w in words if not allowed_characters(w)]


@pytest.mark.usefixtures("without_jinja")
@pytest.mark.parametrize("draft", [False, True])
@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_example_takes_the_compiled_path(audience: str, draft: bool) -> None:
    """The example's letters are written without Jinja2 rendering anything."""
    assert "Gloucestershire" in render_letter(example(), audience, draft=draft).to_text()


@needs_history
@pytest.mark.usefixtures("without_jinja")
def test_published_inspections_take_the_compiled_path() -> None:
    """The 271 published inspections' draft letters are written without Jinja2."""
    written = [render_letter(i, "children", draft=True) for i in published()]
    assert 271 == len(written)


@pytest.mark.parametrize("draft", [False, True])
@pytest.mark.parametrize("audience", AUDIENCES)
def test_compiled_and_jinja_agree_on_the_example(audience: str, draft: bool) -> None:
    """The example's letters are the same by both paths."""
    compiled, by_jinja = both_ways(example(), audience, draft)
    assert by_jinja == compiled


@needs_history
@pytest.mark.parametrize("draft", [False, True])
@pytest.mark.parametrize("audience", AUDIENCES)
def test_compiled_and_jinja_agree_on_published_inspections(audience: str, draft: bool) -> None:
    """Every published inspection's letter, or error, is the same by both paths."""
    disagreeing = []
    for inspection in published():
        compiled, by_jinja = both_ways(inspection, audience, draft)
        if compiled != by_jinja:
            disagreeing.append((inspection.authority.name, compiled, by_jinja))
    assert [] == disagreeing


@given(
    inspection=inspections() | st.sampled_from(ERROR_CODES).flatmap(broken_inspections),
    audience=st.sampled_from(AUDIENCES),
    draft=st.booleans(),
)
def test_compiled_and_jinja_agree_on_generated_inspections(
    inspection: Inspection, audience: str, draft: bool
) -> None:
    """Generated inspections, valid or breaking a rule, give the same outcome by both paths."""
    compiled, by_jinja = both_ways(inspection, audience, draft)
    assert by_jinja == compiled


def test_what_the_compiled_template_cannot_do_jinja_does_again() -> None:
    """A compiled template that fails part-way leaves no trace: Jinja2 writes the letter anew."""
    fast = compiled_template("children.jinja")
    assert fast is not None

    def half_done(context: dict[str, Any], builder: LetterBuilder) -> str:
        builder.add("recipient", caller="A stray line".__str__)
        raise KeyError("something Jinja2 would have made undefined")

    expected = render_letter(example())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rendering, "compiled_template", lambda name: half_done)
        assert expected == render_letter(example())


def test_data_made_with_attrs_validators_off_is_still_looked_at() -> None:
    """With attrs' validators off, a control character in the data is refused at the letter."""
    good = example()
    with attrs.validators.disabled():
        authority = attrs.evolve(good.authority, name="Glouce\x07stershire")
        broken = attrs.evolve(good, authority=authority)
        with pytest.raises(TemplateError, match="control character"):
            render_letter(broken, "children")
