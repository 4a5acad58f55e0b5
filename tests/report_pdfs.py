"""Small ILACS report PDFs in Ofsted's layouts, printed with WeasyPrint for the reader's tests.

Each :class:`Layout` is one variant the shared reports' README lists, including
those of 2025 and 2026 that the shared folder lacks: the title forms, the date
forms, the lead-inspector forms, the grade table (any row order, legacy
"Requires improvement", misprinted titles, no overall effectiveness row),
section headings, "What needs to improve" with or without "?", a footnote
mark, bullets, and National Framework tags.
"""

import datetime as dt
import html
from collections.abc import Sequence

from attrs import field, frozen

from inspection_letters import Grade, Inspection, JudgementArea

TITLES = {area: area.title for area in JudgementArea}
BODY_ORDER = (
    JudgementArea.HELP_AND_PROTECTION,
    JudgementArea.CHILDREN_IN_CARE_AND_CARE_LEAVERS,
    JudgementArea.CHILDREN_IN_CARE,
    JudgementArea.CARE_LEAVERS,
    JudgementArea.LEADERS,
)
PHRASES = (
    "Children’s needs are identified early.",
    "Most plans are clear and up to date.",
    "Personal advisers keep in touch with young people.",
    "Leaders have invested in the workforce.",
    "Strategy meetings are timely and well attended.",
)
MONTHS = "January February March April May June July August September October November December"


def day(date: dt.date, *, zero: bool = False, month: bool = True, year: bool = True) -> str:
    """A date as reports print it: '7 February 2022' (or '07 ...', or without month or year)."""
    parts = [f"{date.day:02d}" if zero else str(date.day)]
    if month:
        parts.append(MONTHS.split()[date.month - 1])
    if year:
        parts.append(str(date.year))
    return " ".join(parts)


def printed_dates(start: dt.date, end: dt.date, form: str) -> str:
    """The dates line in one of the README's forms."""
    if form == "short":  # "9 to 13 June 2025", "20 February to 3 March 2023"
        same_month = start.month == end.month and start.year == end.year
        first = day(start, month=not same_month, year=start.year != end.year)
        return f"{first} to {day(end)}"
    if form == "long":  # "14 January 2019 to 18 January 2019"
        return f"{day(start)} to {day(end)}"
    if form == "zeros":  # "02 March 2020 to 13 March 2020"
        return f"{day(start, zero=True)} to {day(end, zero=True)}"
    if form == "dash":  # "19 November–30 November 2018"
        return f"{day(start, year=False)}–{day(end)}"
    raise ValueError(form)


@frozen(kw_only=True)
class Layout:
    """One way Ofsted lays a report out."""

    title: str = "2021"
    """'2021': "Inspection of X local authority children's services"; '2018': "X / Inspection of
    children's social care services"."""

    dates: str = "short"
    """'short', 'long', 'zeros' or 'dash' (see :func:`printed_dates`)."""

    dates_text: str | None = None
    """The dates line exactly, such as split fieldwork's, in place of a form."""

    lead: str = "comma"
    """'comma': "Name, His Majesty's Inspector"; 'next-line': the title on the next line;
    'hmi': "Name HMI"; 'none': no lead inspector line."""

    table_order: tuple[JudgementArea, ...] | None = None
    legacy_grade: bool = False
    """Print "Requires improvement" for "Requires improvement to be good"."""

    titles: dict[JudgementArea, str] = field(factory=dict)
    """Titles printed in place of the exact ones (Ofsted's misprints)."""

    heading: str = "colon"
    """Section headings: 'colon' ("...: good") or 'is' ("... is good")."""

    improve: str = "What needs to improve?"
    footnote: bool = False
    """A footnote mark on "What needs to improve" and the footnote at the page's foot."""

    framework_tags: bool = False
    bullet: str = "◼"
    pages_of_paragraphs: int = 1


def _title(inspection: Inspection, layout: Layout) -> tuple[str, str]:
    name = inspection.authority.name
    if layout.title == "2018":
        return f"<p class=council>{html.escape(name)}</p>", (
            "<h1>Inspection of children’s social care services</h1>"
        )
    return "", f"<h1>Inspection of {html.escape(name)} local authority children’s services</h1>"


def _lead(inspection: Inspection, layout: Layout) -> str:
    names = (inspection.lead_inspector or "").split(" and ")
    if layout.lead == "none" or not inspection.lead_inspector:
        return ""
    if layout.lead == "hmi":
        return f"<p>Lead inspector: {html.escape(names[0])} HMI</p>"
    if layout.lead == "next-line":
        return f"<p>Lead inspector: {html.escape(names[0])}<br>Her Majesty’s Inspector</p>"
    if len(names) == 2:
        first, second = (html.escape(n) for n in names)
        return (
            f"<p>Lead inspectors: {first}, His Majesty’s Inspector, and {second}, "
            "His Majesty’s Inspector</p>"
        )
    return f"<p>Lead inspector: {html.escape(names[0])}, His Majesty’s Inspector</p>"


def _grade(grade: Grade, layout: Layout) -> str:
    if layout.legacy_grade and grade is Grade.REQUIRES_IMPROVEMENT:
        return "Requires improvement"
    return grade.label


def _summary(inspection: Inspection) -> str:
    name = html.escape(inspection.authority.name)
    previous = inspection.previous
    sentences = [f"Children in {name} benefit from services that leaders know well."]
    if previous is not None and previous.year is not None and previous.overall is not None:
        sentences.append(
            f"Services have changed since the last inspection in {previous.year}, when the "
            f"local authority was judged to be {previous.overall.prose} overall."
        )
    elif previous is not None and previous.year is not None:
        sentences.append(f"Services have improved since the last inspection in {previous.year}.")
    elif previous is not None and previous.overall is not None:
        sentences.append(
            "Services have changed since the last inspection, when the local authority was "
            f"judged to be {previous.overall.prose}."
        )
    sentences.append("Leaders have a clear plan and staff understand what is expected of them.")
    return "".join(f"<p>{s}</p>" for s in sentences)


def report_html(inspection: Inspection, layout: Layout, improvements: Sequence[str]) -> str:
    """The report of ``inspection`` as HTML in ``layout``."""
    assert inspection.start is not None
    assert inspection.end is not None
    council, title = _title(inspection, layout)
    running = f"Inspection of {inspection.authority.name} local authority children’s services"
    dates = layout.dates_text or printed_dates(inspection.start, inspection.end, layout.dates)
    grades = {j.area: j.grade for j in inspection.judgements}
    order = layout.table_order or tuple(grades)
    rows = "".join(
        f"<tr><td>{html.escape(layout.titles.get(a, TITLES[a]))}</td>"
        f"<td>{_grade(grades[a], layout)}</td></tr>"
        for a in order
        if a in grades
    )
    note = "<span class=fn>The points are cross-referenced to the National Framework.</span>"
    improve = html.escape(layout.improve) + (note if layout.footnote else "")
    tags = [" (Outcome 1; Enabler 3)", " (Outcome 4)"]
    points = "".join(
        f"<li>{html.escape(text)}{tags[i % 2] if layout.framework_tags else ''}</li>"
        for i, text in enumerate(improvements)
    )
    sections = []
    number = 1
    for area in BODY_ORDER:
        if area not in grades:
            continue
        heading = html.escape(layout.titles.get(area, TITLES[area]))
        grade = grades[area].prose
        joined = f"{heading}: {grade}" if layout.heading == "colon" else f"{heading} is {grade}"
        paragraphs = []
        for _ in range(2 * layout.pages_of_paragraphs):
            paragraphs.append(
                f"<p>{number}. {PHRASES[number % len(PHRASES)]} Paragraph {number} says that "
                "social workers know the children they work with well, and that managers "
                "check the work regularly. Children are seen alone when this is needed.</p>"
            )
            number += 1
        sections.append(f"<h2>{joined}</h2>{''.join(paragraphs)}")
    return f"""<!doctype html><html lang=en><head><meta charset=utf-8><style>
@page {{ size: A4; margin: 2cm; @bottom-left {{ content: "{running}"; font-size: 8pt }}
  @bottom-right {{ content: "{dates} " counter(page); font-size: 8pt }} }}
@page :first {{ @bottom-left {{ content: none }} @bottom-right {{ content: none }} }}
body {{ font-family: sans-serif; font-size: 11pt }}
h1 {{ font-size: 16pt }} h2 {{ font-size: 12pt; break-before: page }}
table {{ width: 100% }} td {{ vertical-align: top; width: 50% }}
ul {{ list-style: none; padding: 0 }} ul li::before {{ content: "{layout.bullet} " }}
.fn {{ float: footnote }}
.fn::footnote-marker {{ content: counter(footnote) "\\A"; white-space: pre }}
</style></head><body>
{council}{title}
<p>Inspection dates: {dates}</p>
{_lead(inspection, layout)}
<table><tr><th>Judgement</th><th>Grade</th></tr>{rows}</table>
{_summary(inspection)}
<h2 style="break-before: auto">{improve}</h2>
<ul>{points}</ul>
{"".join(sections)}
<p style="break-before: page">The Office for Standards in Education, Children’s Services and
Skills (Ofsted) regulates and inspects to achieve excellence in the care of children.</p>
</body></html>"""


def report_pdf(
    inspection: Inspection, layout: Layout = Layout(), improvements: Sequence[str] = ()
) -> bytes:
    """The report of ``inspection`` printed as a PDF in ``layout``."""
    import weasyprint  # type: ignore[import-untyped]

    points = improvements or ("The quality of plans for children.", "How well IT systems work.")
    page = weasyprint.HTML(string=report_html(inspection, layout, points))
    data: bytes = page.write_pdf()
    return data
