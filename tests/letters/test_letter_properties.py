"""Properties of the letters, over the inspections the public strategies generate."""

import html
import xml.etree.ElementTree as ET
from collections.abc import Callable

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from inspection_letters import (
    Framework,
    Grade,
    Inspection,
    Letter,
    LetterNotDueError,
    MissingExtraError,
    MissingInputError,
    PreviousOutcome,
    audiences,
    formats,
    render_letter,
)
from inspection_letters.strategies import findings, inspections
from tests.helpers import bulleted, unescape_markdown

WITH_OVERALL = [Framework.ILACS_2018, Framework.ILACS_2023]


def render(inspection: Inspection, audience: str) -> Letter | None:
    """The letter, as a draft where the inspection lacks what it needs; None where not due."""
    try:
        return render_letter(inspection, audience=audience)
    except LetterNotDueError:
        event(f"{audience}: not due")
        return None
    except MissingInputError:
        event(f"{audience}: drafted")
        return render_letter(inspection, audience=audience, draft=True)


def outputs(letter: Letter) -> dict[str, str | bytes]:
    """The letter in every registered format whose extra is installed."""
    written: dict[str, str | bytes] = {}
    for name in formats:
        try:
            written[name] = letter.render(name)
        except MissingExtraError:
            event(f"{name}: extra not installed")
    return written


def html_text(text: str) -> str:
    """``text`` as the HTML writer writes it: escaped, with its line breaks marked."""
    return html.escape(text, quote=True).replace("\n", "<br />\n")


@given(inspections())
def test_every_audience_renders_what_it_applies_to(inspection: Inspection) -> None:
    """Every registered audience renders every inspection it applies to, in every format."""
    for audience in audiences:
        letter = render(inspection, audience)
        if letter is None:
            continue
        assert audience == letter.audience
        assert letter.title
        for name, output in outputs(letter).items():
            assert output, name
            assert isinstance(output, bytes) is formats.get(name).binary


def with_findings() -> SearchStrategy[Inspection]:
    """Graded inspections with at least one finding."""
    some = st.lists(findings(), min_size=1, max_size=8).map(tuple)
    return st.builds(lambda i, f: attrs.evolve(i, findings=f), inspections(graded=True), some)


@given(with_findings())
def test_every_finding_appears_in_every_text_format(inspection: Inspection) -> None:
    """Each finding's text is in the children's letter, as each format writes text."""
    letter = render_letter(inspection, audience="children", draft=True)
    text, markdown, document = str(letter), letter.to_markdown(), letter.to_html()
    for finding in inspection.findings:
        assert finding.text in letter.findings
        assert bulleted(finding.text) in text
        assert finding.text in unescape_markdown(markdown)
        assert html_text(finding.text) in document


@given(inspections())
def test_rendering_twice_gives_the_same_output(inspection: Inspection) -> None:
    """The same inspection gives the same letter, and the same text in each text format."""
    for audience in audiences:
        first, second = render(inspection, audience), render(inspection, audience)
        if first is None or second is None:
            continue
        assert first == second
        for name in ("text", "markdown", "html"):
            assert first.render(name) == second.render(name)


@given(inspections(graded=True))
def test_html_of_every_letter_is_well_formed(inspection: Inspection) -> None:
    """Whatever the data, the HTML of each letter parses as XML."""
    for audience in ("children", "director"):
        letter = render(inspection, audience)
        if letter is not None:
            document = letter.to_html().removeprefix("<!DOCTYPE html>\n")
            assert ET.fromstring(document) is not None


@given(inspections(graded=True))
def test_markdown_shows_data_as_written(inspection: Inspection) -> None:
    """Unescaped, the Markdown of the children's letter holds its area and title as given."""
    letter = render_letter(inspection, audience="children", draft=True)
    markdown = unescape_markdown(letter.to_markdown())
    assert f"To the children and young people in {inspection.authority.name}" in markdown
    assert f"# {letter.title}" in markdown


def outcome_from(previous: Grade) -> Callable[[Inspection], Inspection]:
    """A function giving an inspection a previous outcome of ``previous`` overall."""
    return lambda i: attrs.evolve(i, previous=PreviousOutcome(year=2017, overall=previous))


def standing(inspection: Inspection) -> Grade:
    """Overall effectiveness, or the lowest judgement where there is none."""
    return inspection.overall or min(j.grade for j in inspection.judgements)


@given(inspections(graded=True).map(outcome_from(Grade.INADEQUATE)))
def test_director_letter_follows_leaving_inadequate(inspection: Inspection) -> None:
    """After inadequate, a better standing is always congratulated as leaving inadequate."""
    if standing(inspection) is Grade.INADEQUATE:
        with pytest.raises(LetterNotDueError, match="stayed inadequate"):
            render_letter(inspection, audience="director", draft=True)
    else:
        letter = render_letter(inspection, audience="director", draft=True)
        assert "move out of the inadequate rating" in str(letter)
        for name, output in outputs(letter).items():
            assert output, name


@given(inspections(graded=True, frameworks=WITH_OVERALL), st.data())
def test_director_letter_never_follows_a_decline(
    inspection: Inspection, data: st.DataObject
) -> None:
    """Where the overall grade fell, no letter is due, and the error says it declined."""
    now = inspection.overall
    assert now is not None
    better = [grade for grade in Grade if grade > now]
    if not better:
        event("outstanding now: nothing to decline from")
        return
    was = data.draw(st.sampled_from(better))
    declined = attrs.evolve(inspection, previous=PreviousOutcome(year=2017, overall=was))
    with pytest.raises(LetterNotDueError, match=f"declined from {was.prose} to {now.prose}"):
        render_letter(declined, audience="director")
