"""The body of a report read: summary, what needs to improve, sections and numbered paragraphs.

After the grade table a report runs: the summary (unnumbered paragraphs),
"What needs to improve" (bulleted points, sometimes with dash sub-items, a
footnote mark and, from 2025, references to the DfE's National Framework),
then a section for each judgement whose heading repeats its grade, holding
the numbered paragraphs.
"""

import re
from collections.abc import Sequence

from attrs import frozen

from .._model.frameworks import JudgementArea
from .._model.grades import Grade
from .report_header import area_of_title, is_known_title
from .report_text import BULLET, DASH, join_lines

_IMPROVE = re.compile(r"^what\s+needs\s+to\s+improve\b\s*[?:]?\s*(\d{1,2})?\s*[?:]?\s*$", re.I)
_HEADING = re.compile(
    r"^(?P<title>(?:the\s+impact\s+of\s+leaders|the\s+experiences?\s+and\s+progress|"
    r"overall\s+effectiveness)\b[^.:]*?)"
    r"(?:\s*:\s*|\s+(?:is|are)\s*:?\s*(?:judged\s+(?:to\s+be\s+)?)?|\s+)"
    r"(?P<grade>outstanding|good|inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?)\s*\.?$",
    re.IGNORECASE,
)
_HEADING_OPENINGS = frozenset({"the", "ove"})
_NUMBERED = re.compile(r"^(\d{1,3})\.\s*(?=\S)(.*)$")
_MARK = re.compile(r"(?<=[^\W\d_]|[.)’”])(\d{1,2})$")
_TAG = re.compile(
    r"\s*[(\[](?P<tags>[^()\[\]]*\b(?:national\s+framework|outcomes?|enablers?)\b[^()\[\]]*)[)\]]\s*\.?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?:][’”)]*$")


@frozen(kw_only=True)
class Improvement:
    """One point of "What needs to improve", with its sub-items and references apart."""

    text: str
    sub_items: tuple[str, ...] = ()
    footnotes: tuple[int, ...] = ()
    """The footnote marks the point carries, taken off its text."""

    framework: tuple[str, ...] = ()
    """The National Framework outcomes or enablers the point is tagged with (from 2025)."""


@frozen(kw_only=True)
class ReportSection:
    """A section of the body: its heading as printed, the judgement and the grade it repeats."""

    heading: str
    area: JudgementArea
    grade: Grade
    known_title: bool
    """Whether the heading's title is one Ofsted is known to print for the judgement."""


@frozen(kw_only=True)
class ReportParagraph:
    """A numbered paragraph: its number, its text, and the heading of its section."""

    number: int
    text: str
    section: str | None


@frozen(kw_only=True)
class Body:
    """The body of a report, read."""

    summary: tuple[str, ...]
    improvements: tuple[Improvement, ...]
    improvement_prose: tuple[str, ...]
    has_improvements: bool
    sections: tuple[ReportSection, ...]
    paragraphs: tuple[ReportParagraph, ...]
    missing: tuple[int, ...]
    """Numbers of paragraphs the numbering skips."""


def heading_at(lines: Sequence[str], position: int) -> tuple[ReportSection, int] | None:
    """The section heading starting at ``position`` (over up to three lines), and the line after."""
    if lines[position][:3].lower() not in _HEADING_OPENINGS:
        return None
    text = ""
    for end in range(position, min(len(lines), position + 3)):
        if end > position and (_NUMBERED.match(lines[end]) or lines[end].startswith(BULLET)):
            return None
        text = join_lines([text, lines[end]])
        if len(text) > 160:
            return None
        match = _HEADING.match(text)
        if match:
            title = match.group("title").strip()
            area = area_of_title(title)
            following = lines[end + 1] if end + 1 < len(lines) else ""
            if area is None or following[:1].islower():
                return None  # a sentence that happens to start like a title
            grade = Grade.parse(re.sub(r"^require\b", "requires", match.group("grade"), flags=re.I))
            known = is_known_title(title, area)
            return ReportSection(heading=text, area=area, grade=grade, known_title=known), end + 1
    return None


def parse_body(lines: Sequence[str], start: int) -> Body:
    """The body from ``start`` (the first line after the grade table)."""
    position = start
    summary_lines: list[str] = []
    improve_at = None
    while position < len(lines):
        if _IMPROVE.match(lines[position]):
            improve_at = position
            break
        if heading_at(lines, position) is not None:
            break
        summary_lines.append(lines[position])
        position += 1
    points: list[Improvement] = []
    prose: list[str] = []
    if improve_at is not None:
        position = improve_at + 1
        block = []
        while position < len(lines) and heading_at(lines, position) is None:
            numbered = _NUMBERED.match(lines[position])
            if numbered is not None and numbered.group(1) == "1":
                break  # paragraph 1, under a heading that could not be read
            block.append(lines[position])
            position += 1
        points, prose = _points(block)
    sections, paragraphs, missing = _sections(lines, position)
    return Body(
        summary=tuple(split_paragraphs(summary_lines)),
        improvements=tuple(points),
        improvement_prose=tuple(prose),
        has_improvements=improve_at is not None,
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        missing=tuple(missing),
    )


def split_paragraphs(lines: Sequence[str]) -> list[str]:
    """Unnumbered lines split into paragraphs: a short line ending a sentence ends one."""
    if not lines:
        return []
    widths = sorted(len(line) for line in lines)
    full = widths[int(len(widths) * 0.9)] if len(widths) > 3 else max(widths)
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.startswith(BULLET) and paragraphs[-1]:
            paragraphs[-1].append("\n" + line)
            continue
        paragraphs[-1].append(line)
        if _SENTENCE_END.search(line) and len(line) < 0.8 * full:
            paragraphs.append([])
    return [_joined(p) for p in paragraphs if p]


def _joined(lines: Sequence[str]) -> str:
    return join_lines(lines).replace(" \n", "\n")


def _points(block: Sequence[str]) -> tuple[list[Improvement], list[str]]:
    items: list[tuple[list[str], list[list[str]]]] = []
    prose: list[str] = []
    for line in block:
        if line.startswith(BULLET):
            items.append(([line[1:].strip()], []))
        elif line.startswith(DASH) and items:
            items[-1][1].append([line[1:].strip()])
        elif items and items[-1][1]:
            items[-1][1][-1].append(line)
        elif items:
            items[-1][0].append(line)
        else:
            prose.append(line)
    points = [_point(join_lines(text), [join_lines(sub) for sub in subs]) for text, subs in items]
    return points, split_paragraphs(prose)


def _point(text: str, sub_items: Sequence[str]) -> Improvement:
    tags: list[str] = []
    marks: list[int] = []
    for _ in range(3):
        tag = _TAG.search(text)
        if tag:
            parts = re.split(r"[;,]\s*(?=\S)", tag.group("tags"))
            tags[:0] = [part.strip() for part in parts if part.strip()]
            text = text[: tag.start()].rstrip()
            continue
        mark = _MARK.search(text)
        if mark:
            marks.insert(0, int(mark.group(1)))
            text = text[: mark.start()].rstrip()
            continue
        break
    return Improvement(
        text=text, sub_items=tuple(sub_items), footnotes=tuple(marks), framework=tuple(tags)
    )


def _sections(
    lines: Sequence[str], position: int
) -> tuple[list[ReportSection], list[ReportParagraph], list[int]]:
    sections: list[ReportSection] = []
    paragraphs: list[tuple[int, list[str], str | None]] = []
    missing: list[int] = []
    while position < len(lines):
        heading = heading_at(lines, position)
        if heading is not None:
            sections.append(heading[0])
            position = heading[1]
            continue
        line = lines[position]
        numbered = _NUMBERED.match(line)
        last = paragraphs[-1][0] if paragraphs else 0
        if numbered and last < int(numbered.group(1)) <= last + 3:
            number = int(numbered.group(1))
            missing.extend(range(last + 1, number))
            section = sections[-1].heading if sections else None
            paragraphs.append((number, [numbered.group(2)], section))
        elif paragraphs:
            paragraphs[-1][1].append(("\n" + line) if line.startswith(BULLET) else line)
        position += 1
    found = [ReportParagraph(number=n, text=_joined(text), section=s) for n, text, s in paragraphs]
    return sections, found, missing
