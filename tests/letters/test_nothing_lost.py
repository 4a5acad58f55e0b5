"""Nothing is lost: every field of the input that a letter uses appears in it, as given.

``used_fields`` lists, for each audience, the fields its letter shows and the
text it shows for each; the properties check them in every text format over
the inspections the public strategies generate. Every finding, every
judgement and the quotation cited appear in the letters they belong to.
"""

import html

import attrs
from hypothesis import event, given

from inspection_letters import (
    OFFICES,
    Grade,
    GradeTable,
    Inspection,
    Letter,
    LetterNotDueError,
    PreviousOutcome,
    Quote,
    director_outcome,
    render_letter,
)
from inspection_letters._letters.filters import long_date, month_year, number_words
from inspection_letters.strategies import inspections
from tests.helpers import bulleted, example, unescape_markdown

# The office each letter is sent from when its details name none.
DEFAULT_OFFICE = {"children": "bristol", "director": "london"}
# The phrases each letter's template takes from its details' wording.
PHRASES = {"children": ("read_more",), "director": ("achievement", "inspection_name")}
# How a field is shown: as plain text shows it, and the data's own pieces in that.
Shown = tuple[str, tuple[str, ...]]


def shown(text: str, *pieces: str) -> Shown:
    """A field shown as ``text`` in plain text, holding the data ``pieces`` (or ``text``)."""
    return text, pieces or (text,)


def used_fields(inspection: Inspection, audience: str) -> dict[str, Shown]:
    """Each field ``audience``'s letter shows, by its path, with how it shows it."""
    used = {"authority.name": shown(inspection.authority.name)}
    details = inspection.letter_details(audience)
    at = f"letters.{audience}"
    office = details.office or OFFICES[DEFAULT_OFFICE[audience]]
    used |= {f"{at}.office.address[{i}]": shown(s) for i, s in enumerate(office.address)}
    for name in ("telephone", "textphone", "email", "website"):
        if (value := getattr(office, name)) is not None:
            used[f"{at}.office.{name}"] = shown(value)
    if (recipient := details.recipient) is not None:
        used[f"{at}.recipient.given_name"] = shown(recipient.full_name)
        used |= {f"{at}.recipient.address[{i}]": shown(s) for i, s in enumerate(recipient.address)}
        for name in ("role", "organisation"):
            if (value := getattr(recipient, name)) is not None:
                used[f"{at}.recipient.{name}"] = shown(value)
    used |= {f"{at}.wording.{n}": shown(t) for n, t in details.wording if n in PHRASES[audience]}
    if inspection.published is not None:
        used["published"] = shown(long_date(inspection.published))
    if audience == "children":
        return used | children_fields(inspection)
    return used | director_fields(inspection)


def children_fields(inspection: Inspection) -> dict[str, Shown]:
    """What only the children's letter shows: findings, grades, the visit and its team."""
    used = {
        f"findings[{i}].text": shown(bulleted(f.text), f.text)
        for i, f in enumerate(inspection.findings)
    }
    used |= {
        f"judgements[{i}]": shown(f"{j.title}\t{j.grade.label}", j.title, j.grade.label)
        for i, j in enumerate(inspection.judgements)
    }
    if inspection.lead_inspector is not None:
        used["lead_inspector"] = shown(inspection.lead_inspector)
    if (visited := inspection.end or inspection.start) is not None:
        used["end"] = shown(f"In {month_year(visited)}, ")
    if inspection.team_size is not None and inspection.team_size > 1:
        team = f"a team of {number_words(inspection.team_size)} Ofsted inspectors"
        used["team_size"] = shown(team)
    return used


def director_fields(inspection: Inspection) -> dict[str, Shown]:
    """What only the director's letter shows: who signs and receives it, and the quotation."""
    details = inspection.letter_details("director")
    used: dict[str, Shown] = {}
    if (recipient := details.recipient) is not None:
        used["letters.director.recipient.given_name"] = shown(f"Dear {recipient.given_name}")
        if recipient.email is not None:
            used["letters.director.recipient.email"] = shown(f"By email: {recipient.email}")
    if (signatory := details.signatory) is not None:
        name_and_role = f"{signatory.name}\n{signatory.role}"
        used["letters.director.signatory.name"] = shown(name_and_role, signatory.name)
        used["letters.director.signatory.sign_off_role"] = shown(signatory.closing_role)
        for name in ("telephone", "email", "signature"):
            if (value := getattr(signatory, name)) is not None:
                used[f"letters.director.signatory.{name}"] = shown(value)
    if details.quotation is not None:
        cited = inspection.quotations[details.quotation].text
        lead_in = dict(details.wording).get("quotation_lead_in")
        quoted = f'*"{cited}"*'
        used["quotations"] = (
            shown(f"that, {lead_in}, {quoted}", lead_in, cited) if lead_in else shown(quoted, cited)
        )
    return used


def html_text(text: str) -> str:
    """``text`` as the HTML writer writes it."""
    return html.escape(text, quote=True).replace("\n", "<br />\n")


def as_markdown(path: str, whole: str) -> str:
    """How Markdown, escapes removed, shows a field: a judgement is a table's row.

    A finding's later lines are not indented under its bullet there, as in plain text.
    """
    if path.startswith("findings"):
        return whole.replace("\n  ", "\n")
    return whole.replace("\t", " | ") if path.startswith("judgements") else whole


def missing_from(letter: Letter, used: dict[str, Shown]) -> dict[str, list[str]]:
    """The fields that each text format's letter does not show, by format."""
    text, document = letter.to_text(), letter.to_html()
    markdown = unescape_markdown(letter.to_markdown())
    return {
        "text": [path for path, (whole, _) in used.items() if whole not in text],
        "markdown": [p for p, (whole, _) in used.items() if as_markdown(p, whole) not in markdown],
        "html": [
            path
            for path, (_, pieces) in used.items()
            if not all(html_text(piece) in document for piece in pieces)
        ],
    }


def due(inspection: Inspection, audience: str) -> Letter | None:
    """The letter as a draft (placeholders for what is missing), or None where not due."""
    try:
        return render_letter(inspection, audience, draft=True)
    except LetterNotDueError:
        event(f"{audience}: not due")
        return None


def test_every_field_of_the_example_appears() -> None:
    """The example's letters show every field they use, in every text format."""
    for audience in ("children", "director"):
        letter = render_letter(example(), audience)
        used = used_fields(example(), audience)
        assert len(used) >= 10
        assert {"text": [], "markdown": [], "html": []} == missing_from(letter, used)


@given(inspections(graded=True))
def test_every_field_the_childrens_letter_uses_appears_in_it(inspection: Inspection) -> None:
    """The children's letter shows every finding, judgement and detail it uses, as given."""
    letter = due(inspection, "children")
    assert letter is not None
    used = used_fields(inspection, "children")
    assert {"text": [], "markdown": [], "html": []} == missing_from(letter, used)


@given(inspections(graded=True))
def test_every_finding_and_judgement_is_in_the_childrens_letter(inspection: Inspection) -> None:
    """The findings are the letter's list, in order; the grade table holds every judgement."""
    letter = due(inspection, "children")
    assert letter is not None
    if inspection.findings:
        assert tuple(finding.text for finding in inspection.findings) == letter.findings
    [table] = [block for block in letter.body if isinstance(block, GradeTable)]
    rows = {(row.judgement, row.grade) for row in table.rows}
    assert {(j.title, j.grade.label) for j in inspection.judgements} == rows


def after_inadequate(inspection: Inspection) -> Inspection:
    """``inspection`` following an inadequate one, so that the director's letter is often due."""
    return attrs.evolve(inspection, previous=PreviousOutcome(year=2017, overall=Grade.INADEQUATE))


@given(inspections(graded=True).map(after_inadequate))
def test_every_field_the_directors_letter_uses_appears_in_it(inspection: Inspection) -> None:
    """The director's letter shows its people, the quotation cited and the new grade, as given."""
    letter = due(inspection, "director")
    if letter is None:
        return
    used = used_fields(inspection, "director")
    assert {"text": [], "markdown": [], "html": []} == missing_from(letter, used)
    details = inspection.letter_details("director")
    quotes = [
        p.text for b in letter.body for p in getattr(b, "content", ()) if isinstance(p, Quote)
    ]
    cited = [] if details.quotation is None else [inspection.quotations[details.quotation].text]
    assert cited == quotes
    outcome = director_outcome(inspection)
    assert outcome.after is not None
    assert outcome.after.short_prose in letter.to_text() or outcome.after.prose in letter.to_text()
