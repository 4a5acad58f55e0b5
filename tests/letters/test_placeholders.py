"""A draft's placeholders: one a missing item, worded for its place, listed by the letter."""

import io
import json
import re
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from inspection_letters import Letter, Placeholder, dump_inspection, render_letter
from inspection_letters._cli.commands import main
from tests.helpers import example, without_letter_details

RECIPIENT = "Add the recipient (the Director of Children's Services) (to complete)"
SIGNATORY = "Add the signatory (the National Director) (to complete)"


def _bare_director_draft() -> tuple[str, Letter]:
    letter = render_letter(without_letter_details(example(), "director"), "director", draft=True)
    return str(letter), letter


def test_missing_recipient_is_one_instruction_and_short_placeholders_where_they_stand() -> None:
    """The recipient's instruction is shown once; elsewhere "Dear [first name]" and the like."""
    text, _ = _bare_director_draft()
    assert 1 == text.count(RECIPIENT)
    assert "Dear [first name]" in text.splitlines()
    assert "By email: [email address]" in text.splitlines()
    assert "Dear Add" not in text
    assert "By email: Add" not in text


def test_missing_signatory_is_shown_once() -> None:
    """The signatory's instruction is at the signature only, not in the letterhead or header."""
    text, _ = _bare_director_draft()
    assert 1 == text.count(SIGNATORY)
    assert SIGNATORY == text.rstrip("\n").splitlines()[-1]


def test_letter_lists_each_placeholder_once_in_order() -> None:
    """`Letter.placeholders` names each placeholder the draft shows, once, in reading order."""
    _, letter = _bare_director_draft()
    assert (
        Placeholder(
            field="letters.director.recipient.email",
            description="the recipient (the Director of Children's Services): email address",
            text="[email address]",
        ),
        Placeholder(
            field="letters.director.recipient",
            description="the recipient (the Director of Children's Services)",
            text=RECIPIENT,
        ),
        Placeholder(
            field="letters.director.recipient.given_name",
            description="the recipient (the Director of Children's Services): first name",
            text="[first name]",
        ),
        Placeholder(
            field="letters.director.signatory",
            description="the signatory (the National Director)",
            text=SIGNATORY,
        ),
    ) == letter.placeholders


def test_every_placeholder_of_a_bare_draft_is_listed() -> None:
    """Every "(to complete)" instruction and "[...]" placeholder of a bare draft is listed."""
    bare = attrs.evolve(
        example(), letters=(), findings=(), lead_inspector=None, published=None, team_size=None
    )
    for audience in ("children", "director"):
        letter = render_letter(bare, audience, draft=True)
        shown = re.findall(r"Add the [^\n]*?\(to complete\)|\[[a-z ]+\]", str(letter))
        assert sorted(set(shown)) == sorted(p.text for p in letter.placeholders)


def test_complete_letter_has_no_placeholders() -> None:
    """A letter with everything it needs lists none, drafted or not."""
    assert () == render_letter(example(), "director", draft=True).placeholders
    assert () == render_letter(example(), "children").placeholders


def test_html_marks_each_placeholder() -> None:
    """In HTML each placeholder is a highlighted `mark`, once for each place it stands."""
    _, letter = _bare_director_draft()
    document = letter.to_html()
    marked = re.findall(r'<mark class="placeholder">([^<]*)</mark>', document)
    assert ["[email address]", RECIPIENT.replace("'", "&#x27;"), "[first name]", SIGNATORY] == (
        marked
    )


def test_word_highlights_each_placeholder() -> None:
    """In Word each placeholder is a run of its own, highlighted; nothing else is."""
    docx = pytest.importorskip("docx")
    _, letter = _bare_director_draft()
    document = docx.Document(io.BytesIO(letter.to_docx()))
    highlighted = [
        run.text
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.font.highlight_color is not None
    ]
    assert ["[email address]", RECIPIENT, "[first name]", SIGNATORY] == highlighted


def test_cli_warns_of_a_drafts_placeholders(tmp_path: Path) -> None:
    """`render --draft` says on standard error which placeholders are left to fill in."""
    bare = without_letter_details(example(), "director")
    source = tmp_path / "bare.json"
    source.write_text(json.dumps(dump_inspection(bare)), "utf-8")
    result = CliRunner().invoke(main, ["render", str(source), "-a", "director", "--draft"])
    assert 0 == result.exit_code
    lines = result.stderr.splitlines()
    assert "warning: the draft has 4 placeholders to fill in before it is sent:" == lines[0]
    assert f"warning:   letters.director.signatory: {SIGNATORY}" in lines
