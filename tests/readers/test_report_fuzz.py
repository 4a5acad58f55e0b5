"""Fuzzing the report reader: mutated real PDFs and mutated report text give only our errors.

``read_report`` is fed real reports (the shared ones where present, else one the
tests print) truncated, with bytes changed, inserted or deleted; and the
reader of the text is fed a report's lines deleted, repeated, swapped and
altered. Either a :class:`Report` whose inspection is well formed comes out,
or a :class:`ReportFileError` saying what is wrong; never another exception.
1,000 examples each under the ``ci`` profile.
"""

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspection_letters import Report, ReportFileError, read_report
from inspection_letters._readers.report_text import CleanText, clean_pages
from inspection_letters._readers.reports import report_from_text
from tests.fuzzing import CASES, corrupted, fuzzing, only_our_errors
from tests.helpers import ROOT, example
from tests.report_pdfs import report_pdf

pytest.importorskip("pypdfium2")

SHARED = ROOT.parent / "shared" / "data" / "reports"
NAMES = (
    "80470-gloucestershire-2022-04-01.pdf",
    "80451-wakefield-2018-07-17.pdf",
    "80454-cornwall-2019-11-05.pdf",
    "80571-thurrock-2024-10-29.pdf",
)


@cache
def seeds() -> tuple[bytes, ...]:
    """Real reports to mutate, or one printed by the tests where ``../shared`` is absent."""
    found = tuple((SHARED / name).read_bytes() for name in NAMES if (SHARED / name).is_file())
    return found or (report_pdf(example()),)


@cache
def seed_text() -> CleanText:
    """The cleaned text of the first seed, to mutate line by line."""
    import pypdfium2

    document = pypdfium2.PdfDocument(seeds()[0])
    try:
        return clean_pages(
            [document[i].get_textpage().get_text_range() for i in range(len(document))]
        )
    finally:
        document.close()


def checked(report: object) -> None:
    """A report that came out is whole: an inspection, with its own problems listed."""
    assert isinstance(report, Report)
    assert report.inspection.authority.name


@fuzzing()
@given(st.integers(0, 3), st.data())
def test_mutated_pdfs_give_a_report_or_a_report_file_error(seed: int, data: st.DataObject) -> None:
    """Whatever the bytes, read_report gives a report or a ReportFileError."""
    CASES["read_report"] += 1
    good = seeds()[seed % len(seeds())]
    mutated = data.draw(corrupted(good))
    found: list[Report] = []
    error = only_our_errors("read_report", lambda: found.append(read_report(mutated)))
    assert error is None or isinstance(error, ReportFileError)
    for report in found:
        checked(report)


_LINE_CHANGES = st.sampled_from(("delete", "repeat", "swap", "blank", "garble", "digits"))


@st.composite
def mutated_lines(draw: st.DrawFn) -> tuple[str, ...]:
    """A report's lines with a few deleted, repeated, swapped or altered."""
    lines = list(seed_text().lines)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        change = draw(_LINE_CHANGES)
        if change == "delete":
            del lines[at]
        elif change == "repeat":
            lines.insert(at, lines[at])
        elif change == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif change == "blank":
            lines[at] = draw(st.sampled_from(("", " ", "1.", "◼", "Judgement Grade", "\x07")))
        elif change == "garble":
            lines[at] = draw(st.text(max_size=40))
        else:
            lines[at] = draw(st.sampled_from(("31 February 2022", "0 to 99 May 20", "9" * 50)))
    return tuple(lines)


@fuzzing()
@given(mutated_lines())
def test_mutated_report_text_gives_a_report_or_a_report_file_error(lines: tuple[str, ...]) -> None:
    """Whatever the lines say, the text reader gives a report or a ReportFileError."""
    CASES["report text"] += 1
    text = CleanText(lines=lines, footnotes=(), pages=1)
    found: list[Report] = []
    error = only_our_errors("report text", lambda: found.append(report_from_text("x.pdf", text)))
    assert error is None or isinstance(error, ReportFileError)
    for report in found:
        checked(report)
