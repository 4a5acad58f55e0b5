"""A draft's list of placeholders, found in one join of the letter's text, as the full search."""

from functools import cache
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspection_letters import Inspection, LetterNotDueError, read_outcomes, render_letter
from inspection_letters._letters.builder import LetterBuilder
from inspection_letters._letters.letter import Placeholder
from inspection_letters.strategies import inspections
from tests.helpers import ROOT, example, without_letter_details

HISTORY = ROOT.parent / "shared" / "data" / "ofsted" / "ilacs-inspection-history-2018-2025.csv"
AUDIENCES = ("children", "director")


def searched_placeholders(builder: LetterBuilder) -> tuple[Placeholder, ...]:
    """The placeholders shown, as issue #15 first found them: each text looked for in the
    letter's every piece of text, from a list of each piece with its part."""
    if not builder._placeholders:
        return ()
    before = ("address", "contacts", "direct", "date_line", "delivery", "sender", "recipient")
    after = ("closing", "signature_description", "signature_name", "signature_roles")
    lines = {name: "\n".join(lines) for name, lines in builder._lines.items()}
    parts = {**builder._single, **lines}
    body = [text for part, text in builder._texts() if part not in parts]
    whole = "\n".join(
        [parts.get(name, "") for name in (*before, "salutation", "title")]
        + body
        + [parts.get(name, "") for name in after]
    )
    shown: dict[str, tuple[int, Placeholder]] = {}
    for missing in builder._placeholders:
        text = str(missing)
        where = whole.find(text)
        if text not in shown and where >= 0:
            made = Placeholder(field=missing.field, description=missing.description, text=text)
            shown[text] = (where, made)
    return tuple(placeholder for _, placeholder in sorted(shown.values()))


def both_lists(inspection: Inspection, audience: str) -> tuple[Any, Any]:
    """The draft's placeholders as the builder lists them, and as the full search finds them.

    Both are ``None`` where the audience is sent no letter after this inspection.
    """
    builders: list[LetterBuilder] = []
    letter_of = LetterBuilder.letter

    def kept(builder: LetterBuilder) -> Any:
        builders.append(builder)
        return letter_of(builder)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(LetterBuilder, "letter", kept)
        try:
            letter = render_letter(inspection, audience, draft=True)
        except LetterNotDueError:
            return None, None
    return letter.placeholders, searched_placeholders(builders[-1])


@cache
def published() -> tuple[Inspection, ...]:
    """The 271 distinct published inspections of Ofsted's history."""
    return tuple(read_outcomes(HISTORY))


@pytest.mark.parametrize("audience", AUDIENCES)
def test_example_lists_placeholders_as_the_full_search(audience: str) -> None:
    """The example's drafts, with and without their letter details, list the same placeholders."""
    for inspection in (example(), without_letter_details(example(), audience)):
        listed, searched = both_lists(inspection, audience)
        assert searched == listed


@pytest.mark.skipif(not HISTORY.exists(), reason=f"Ofsted's outcomes are not at {HISTORY}")
@pytest.mark.parametrize("audience", AUDIENCES)
def test_published_inspections_list_placeholders_as_the_full_search(audience: str) -> None:
    """Each published inspection's draft lists the placeholders the full search finds."""
    disagreeing = []
    for inspection in published():
        listed, searched = both_lists(inspection, audience)
        if listed != searched:
            disagreeing.append((inspection.authority.name, listed, searched))
    assert [] == disagreeing


@given(inspection=inspections(), audience=st.sampled_from(AUDIENCES))
def test_generated_inspections_list_placeholders_as_the_full_search(
    inspection: Inspection, audience: str
) -> None:
    """A generated inspection's draft lists the placeholders the full search finds."""
    listed, searched = both_lists(inspection, audience)
    assert searched == listed
