"""The letters: the seed letters reproduced, the eras' grade tables, missing input and drafts."""

import datetime as dt

import attrs
import pytest

from inspection_letters import (
    Finding,
    FindingList,
    Framework,
    Grade,
    GradeTable,
    Heading,
    InvalidInspectionError,
    JudgementArea,
    LetterDetails,
    LetterNotDueError,
    MissingInputError,
    Paragraph,
    Quote,
    UnknownNameError,
    audiences,
    formats,
    render_letter,
)
from tests.helpers import (
    every,
    example,
    golden,
    graded,
    normalised_lines,
    ungraded,
    without_letter_details,
)

ERA_TITLES = {
    Framework.ILACS_2018: [
        "The impact of leaders on social work practice with children and families",
        "The experiences and progress of children who need help and protection",
        "The experiences and progress of children in care and care leavers",
        "Overall effectiveness",
    ],
    Framework.ILACS_2023: [
        "The impact of leaders on social work practice with children and families",
        "The experiences and progress of children who need help and protection",
        "The experiences and progress of children in care",
        "The experiences and progress of care leavers",
        "Overall effectiveness",
    ],
    Framework.ILACS_2026: [
        "The impact of leaders on social work practice with children and families",
        "The experiences and progress of children who need help and protection",
        "The experiences and progress of children in care",
        "The experiences and progress of care leavers",
    ],
}
#: The formats that write text rather than bytes.
TEXT_FORMATS = [name for name in formats if not formats.get(name).binary]


@pytest.mark.parametrize(
    ("audience", "seed"),
    [
        ("children", "children-gloucestershire-2022.txt"),
        ("director", "director-gloucestershire-2022.txt"),
    ],
)
def test_example_reproduces_the_seed_letter(audience: str, seed: str) -> None:
    """The example's letter is the seed letter, line by line, whitespace aside."""
    letter = render_letter(example(), audience=audience)
    assert normalised_lines(golden(seed)) == normalised_lines(str(letter))


def test_to_text_is_str() -> None:
    """``to_text`` and ``render('text')`` give the same text as ``str``."""
    letter = render_letter(example())
    assert str(letter) == letter.to_text() == letter.render("text")


def test_letter_structure_of_the_children_letter() -> None:
    """The children's letter is built of paragraphs, headings, a grade table and findings."""
    letter = render_letter(example(), audience="children")
    kinds = [type(block).__name__ for block in letter.body]
    expected = ["Paragraph", "Paragraph", "Heading", "GradeTable", "Heading", "FindingList"]
    assert expected == kinds
    assert tuple(f.text for f in example().findings) == letter.findings
    assert "children" == letter.audience
    assert "Gloucestershire" == letter.area
    assert not letter.draft


def test_director_letter_marks_the_quotation() -> None:
    """The report's words the director cites are a quotation, not plain text."""
    letter = render_letter(example(), audience="director")
    quotes = [
        piece
        for block in letter.body
        if isinstance(block, Paragraph)
        for piece in block.content
        if isinstance(piece, Quote)
    ]
    assert [example().quotations[0].text] == [q.text for q in quotes]


@pytest.mark.parametrize("era", list(Framework))
def test_children_letter_has_the_eras_grade_table(era: Framework) -> None:
    """The grade table has one row per judgement of the era, with its exact title."""
    letter = render_letter(graded(era, every(era, Grade.GOOD)), audience="children")
    tables = [block for block in letter.body if isinstance(block, GradeTable)]
    assert 1 == len(tables)
    assert ERA_TITLES[era] == [row.judgement for row in tables[0].rows]
    assert ["Good"] * len(ERA_TITLES[era]) == [row.grade for row in tables[0].rows]


@pytest.mark.parametrize(("era", "rows"), [(e, len(t)) for e, t in ERA_TITLES.items()])
def test_children_letter_counts_rows_in_every_format(era: Framework, rows: int) -> None:
    """Four, five and four rows, in text and Markdown as in the structure."""
    letter = render_letter(graded(era, every(era, Grade.GOOD)), audience="children")
    text_rows = [line for line in str(letter).splitlines() if line.endswith("\tGood")]
    markdown_rows = [line for line in letter.to_markdown().splitlines() if line.endswith("Good |")]
    assert rows == len(text_rows)
    assert rows == len(markdown_rows)
    assert ERA_TITLES[era] == [line.split("\t")[0] for line in text_rows]


def test_children_letter_counts_the_team() -> None:
    """A team's size is written in words, and a lone inspector as one."""
    six = render_letter(attrs.evolve(example(), team_size=6))
    one = render_letter(attrs.evolve(example(), team_size=1))
    assert "a team of six Ofsted inspectors visited Gloucestershire." in str(six)
    assert "an Ofsted inspector visited Gloucestershire." in str(one)


def test_children_letter_names_the_month_of_the_last_day() -> None:
    """The letter names the month the visit ended, as Dorset's names October."""
    dorset = attrs.evolve(example(), start=dt.date(2021, 9, 27), end=dt.date(2021, 10, 8))
    assert "In October 2021," in str(render_letter(dorset))


def test_children_letter_wording_can_change() -> None:
    """Data can change a phrase the template gives a default for."""
    details = LetterDetails(audience="children", wording={"read_more": "if you would like to"})
    changed = attrs.evolve(example(), letters=(details,))
    assert "that you can read if you would like to." in str(render_letter(changed))


def test_children_letter_is_not_due_after_a_visit() -> None:
    """An ungraded visit has no letter to children, and the error says why."""
    with pytest.raises(LetterNotDueError, match="focused visit is not graded"):
        render_letter(ungraded(), audience="children")


def test_unknown_audience_lists_the_known() -> None:
    """An audience that is not registered is an error naming those that are."""
    with pytest.raises(UnknownNameError, match="'children', 'director'"):
        render_letter(example(), audience="parents")


def test_unknown_format_lists_the_known() -> None:
    """A format that is not registered is an error naming those that are."""
    with pytest.raises(UnknownNameError, match=r"'rtf' is not a format; expected one of .*'html'"):
        render_letter(example()).render("rtf")


def test_invalid_inspection_is_refused_unless_draft() -> None:
    """An inspection that breaks a rule is refused; a draft shows what is missing."""
    given = example()
    short = attrs.evolve(given, judgements=given.judgements[1:])
    with pytest.raises(InvalidInspectionError, match="judgement-missing"):
        render_letter(short)
    draft = render_letter(short, draft=True)
    leaders = JudgementArea.LEADERS.title
    expected = f"{leaders}\tAdd the grade for {leaders.lower()} (to complete)"
    assert expected in str(draft)


def test_director_letter_names_every_missing_field() -> None:
    """No recipient and no signatory: one error, naming both."""
    bare = attrs.evolve(example(), letters=(LetterDetails(audience="director"),))
    with pytest.raises(MissingInputError) as raised:
        render_letter(bare, audience="director")
    fields = [path for path, _ in raised.value.problems]
    assert ["letters.director.signatory", "letters.director.recipient"] == fields
    assert isinstance(raised.value, ValueError)
    assert "needs 2 field(s)" in str(raised.value)


def test_children_letter_names_every_missing_field() -> None:
    """No findings and no lead inspector: one error, naming both."""
    bare = attrs.evolve(example(), findings=(), lead_inspector=None)
    with pytest.raises(MissingInputError) as raised:
        render_letter(bare, audience="children")
    assert ["findings", "lead_inspector"] == [path for path, _ in raised.value.problems]
    assert "the lead inspector's name" in str(raised.value)


def test_director_letter_names_a_missing_email() -> None:
    """A recipient without an email is named by the field of the email."""
    given = example()
    details = given.letter_details("director")
    assert details.recipient is not None
    recipient = attrs.evolve(details.recipient, email=None)
    changed = attrs.evolve(given, letters=(attrs.evolve(details, recipient=recipient),))
    with pytest.raises(MissingInputError) as raised:
        render_letter(changed, audience="director")
    assert ["letters.director.recipient.email"] == [p for p, _ in raised.value.problems]


@pytest.mark.parametrize("format_name", TEXT_FORMATS)
@pytest.mark.parametrize("audience", ["children", "director"])
def test_draft_shows_placeholders_and_no_none(audience: str, format_name: str) -> None:
    """A draft lacking everything it can lack shows placeholders, and never "None"."""
    bare = attrs.evolve(
        example(), letters=(), findings=(), lead_inspector=None, published=None, team_size=None
    )
    letter = render_letter(bare, audience=audience, draft=True)
    text = letter.render(format_name)
    assert isinstance(text, str)
    assert letter.draft
    assert "None" not in text
    assert "to complete" in text
    assert "Add the publication date of the main report (to complete)" in str(letter)


def test_draft_of_the_children_letter_shows_each_placeholder() -> None:
    """The children's draft names the findings and the lead inspector it lacks."""
    bare = attrs.evolve(example(), findings=(), lead_inspector=None)
    letter = render_letter(bare, draft=True)
    assert ("Add the inspectors' findings (to complete)",) == letter.findings
    assert letter.signature is not None
    assert "Add the lead inspector's name (to complete)" == letter.signature.name


def test_draft_of_the_director_letter_has_no_signature_image() -> None:
    """Without a signatory, the draft signs with a placeholder, not an image or description."""
    bare = without_letter_details(example(), "director")
    letter = render_letter(bare, audience="director", draft=True)
    assert letter.signature is not None
    assert letter.signature.image is None
    assert letter.signature.description is None
    assert "Add the signatory (the National Director) (to complete)" == letter.signature.name
    assert "<img" not in letter.to_html()


def test_complete_letter_is_not_affected_by_draft() -> None:
    """A letter with everything it needs is the same drafted or not, but for the mark."""
    final = render_letter(example(), audience="director")
    draft = render_letter(example(), audience="director", draft=True)
    assert attrs.evolve(final, draft=True) == draft


def test_markdown_lays_out_the_parts() -> None:
    """Markdown: the title a level-one heading, headings level two, a table, a list."""
    markdown = render_letter(example()).to_markdown()
    lines = markdown.splitlines()
    assert "# Inspection of children's services" in lines
    assert "## What grades did inspectors give the local authority?" in lines
    assert "| Judgement | Grade |" in lines
    assert "| --- | --- |" in lines
    assert 8 == sum(line.startswith("- ") for line in lines)


def test_markdown_escapes_data() -> None:
    """Data that looks like Markdown is escaped, so it shows as written."""
    given = example()
    findings = (Finding(text="# not a heading"), Finding(text="1. not *a list*"))
    letter = render_letter(attrs.evolve(given, findings=findings))
    lines = letter.to_markdown().splitlines()
    assert "- \\# not a heading" in lines
    assert "- 1\\. not \\*a list\\*" in lines


def test_finding_list_is_the_last_block_of_the_body() -> None:
    """The findings follow their heading, which follows the grade table."""
    body = render_letter(example()).body
    assert isinstance(body[-1], FindingList)
    assert isinstance(body[-2], Heading)
    assert "What did the inspectors find" == body[-2].text


def test_builtin_audiences_and_formats() -> None:
    """The library registers two audiences and three formats of its own."""
    assert {"children", "director"} <= set(audiences)
    assert {"html", "markdown", "text"} <= set(formats)
    assert "md" == formats.get("markdown").extension
