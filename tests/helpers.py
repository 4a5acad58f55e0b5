"""Helpers shared by the letters' tests: the example, the seeds, inspections to order."""

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from inspection_letters import (
    Framework,
    Grade,
    Inspection,
    InspectionType,
    Judgement,
    JudgementArea,
    LetterDetails,
    PreviousOutcome,
    Signatory,
    load_inspection,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "gloucestershire-2022.json"
GOLDEN = Path(__file__).resolve().parent / "golden"

#: A one-pixel PNG as a data URI, for signatures with an image.
TINY_PNG = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)

#: A one-pixel GIF as a data URI.
TINY_GIF = "data:image/gif;base64,R0lGODdhAQABAIEAAMgeHgAAAAAAAAAAACwAAAAAAQABAAAIBAABBAQAOw=="

#: A one-pixel JPEG (as Pillow writes it) as a data URI.
TINY_JPEG = (
    "data:image/jpeg;base64,"
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcp"
    "LDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIy"
    "MjIyMjIyMjIyMjIyMjL/wAARCAABAAEDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAA"
    "AgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6"
    "Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXG"
    "x8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREA"
    "AgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5"
    "OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPE"
    "xcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDkKKKK8U/TD//Z"
)

#: A start date in each era of the framework.
ERA_STARTS = {
    Framework.ILACS_2018: dt.date(2018, 6, 4),
    Framework.ILACS_2023: dt.date(2023, 3, 6),
    Framework.ILACS_2026: dt.date(2026, 5, 11),
}


def example() -> Inspection:
    """The Gloucestershire inspection of 2022, the seed letters' inspection."""
    return load_inspection(EXAMPLE)


def golden(name: str) -> str:
    """The text of a seed letter in ``tests/golden``."""
    return (GOLDEN / name).read_text(encoding="utf-8")


def bulleted(text: str) -> str:
    """A finding's text as the plain-text letter lists it: later lines under the first."""
    first, *rest = text.split("\n")
    return "\n".join([f"- {first}", *(f"  {line}" if line else "" for line in rest)])


def normalised_lines(text: str) -> list[str]:
    """The non-blank lines of ``text``, each trimmed with runs of whitespace made one space."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|&#32;|&#9;|&nbsp;")
# What the writer writes for a line's first space or tab, and for an empty line.
_REFERENCES = {"&#32;": " ", "&#9;": "\t", "&nbsp;": ""}


def unescape_markdown(text: str) -> str:
    """``text`` with the writer's Markdown escapes removed.

    Those are backslashes, hard breaks (two spaces before a newline), and the
    character references it writes for a line's first space or tab where that
    would start code, and for an empty line, which would end the block.
    """
    return _MARKDOWN_ESCAPE.sub(_unescaped, text.replace("  \n", "\n"))


def _unescaped(match: "re.Match[str]") -> str:
    return match.group(1) or _REFERENCES[match.group()]


def graded(
    era: Framework,
    grades: Mapping[JudgementArea, Grade],
    *,
    previous: PreviousOutcome | None = None,
) -> Inspection:
    """The example inspection, moved into ``era`` with these grades and this previous outcome."""
    start = ERA_STARTS[era]
    judgements = tuple(Judgement(area=area, grade=grades[area]) for area in era.areas)
    return attrs.evolve(
        example(),
        start=start,
        end=start + dt.timedelta(days=11),
        published=start + dt.timedelta(days=53),
        framework=None,
        judgements=judgements,
        previous=previous,
    )


def every(era: Framework, grade: Grade) -> dict[JudgementArea, Grade]:
    """The same grade for every judgement of ``era``."""
    return dict.fromkeys(era.areas, grade)


def ungraded(kind: InspectionType = InspectionType.FOCUSED_VISIT) -> Inspection:
    """The example turned into an ungraded visit, with no judgements."""
    return attrs.evolve(example(), type=kind, judgements=(), theme="Front door")


def with_signatory(inspection: Inspection, **changes: Any) -> Inspection:
    """``inspection`` with the director's signatory changed (an image, say)."""
    letters = []
    for details in inspection.letters:
        if details.audience == "director" and details.signatory is not None:
            signatory: Signatory = attrs.evolve(details.signatory, **changes)
            details = attrs.evolve(details, signatory=signatory)
        letters.append(details)
    return attrs.evolve(inspection, letters=tuple(letters))


def without_letter_details(inspection: Inspection, audience: str) -> Inspection:
    """``inspection`` without the details of ``audience``'s letter."""
    kept: tuple[LetterDetails, ...] = tuple(d for d in inspection.letters if d.audience != audience)
    return attrs.evolve(inspection, letters=kept)


def png_uri(width: int, height: int, colour: tuple[int, int, int] = (29, 112, 184)) -> str:
    """A PNG of one colour with a white band across it, as a ``data:`` URI: a logo to see."""
    import base64
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = []
    for y in range(height):
        pixel = bytes((255, 255, 255)) if height // 3 <= y < height // 2 else bytes(colour)
        rows.append(b"\x00" + pixel * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
    png += chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b"")
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


#: A logo of 160 by 48 pixels, big enough to be seen in a screenshot.
LOGO = png_uri(160, 48)


def with_logo(inspection: Inspection, audience: str = "children") -> Inspection:
    """``inspection`` with ``audience``'s letter sent from an office that has :data:`LOGO`."""
    from inspection_letters import OFFICES, LetterDetails

    letters = []
    found = False
    for details in inspection.letters:
        if details.audience == audience:
            found = True
            base = details.office or OFFICES["bristol" if audience == "children" else "london"]
            details = attrs.evolve(
                details, office=attrs.evolve(base, logo=LOGO, logo_alt="The council's logo")
            )
        letters.append(details)
    if not found:
        office = attrs.evolve(OFFICES["bristol"], logo=LOGO, logo_alt="The council's logo")
        letters.append(LetterDetails(audience=audience, office=office))
    return attrs.evolve(inspection, letters=tuple(letters))
