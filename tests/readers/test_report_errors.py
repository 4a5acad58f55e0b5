"""What the report reader says of files that are not ILACS reports: each a clear ReportFileError.

Not a PDF, empty, truncated, damaged, encrypted, no text (a scan), too many
pages, a report of the 2013 to 2017 framework, the letter of a focused or
monitoring visit; and the extra missing. Each error names the file and what
is wrong, with a stable ``reason``.
"""

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from inspection_letters import MissingExtraError, ReportFileError, read_report
from tests.helpers import example
from tests.report_pdfs import report_pdf

pytest.importorskip("pypdfium2")
pytest.importorskip("weasyprint")


def pdf_of(body: str) -> bytes:
    """A PDF of the HTML ``body``, printed with WeasyPrint."""
    import weasyprint  # type: ignore[import-untyped]

    page = f"<!doctype html><html lang=en><meta charset=utf-8><body>{body}</body></html>"
    data: bytes = weasyprint.HTML(string=page).write_pdf()
    return data


def reason_of(source: object, **options: object) -> tuple[str, str]:
    """The reason and message of the ReportFileError that reading ``source`` raises."""
    with pytest.raises(ReportFileError) as caught:
        read_report(source, **options)  # type: ignore[arg-type]
    return caught.value.reason, str(caught.value)


def test_not_a_pdf_names_the_file(tmp_path: Path) -> None:
    """A text file is refused as not a PDF, naming the file."""
    path = tmp_path / "report.pdf"
    path.write_text("Dear Director", encoding="utf-8")
    reason, message = reason_of(path)
    assert "not-pdf" == reason
    assert f"cannot read {str(path)!r} as an inspection report: it is not a PDF" in message


def test_empty_file() -> None:
    """No bytes at all: not a PDF, and said to be empty."""
    assert ("not-pdf", "cannot read '(bytes)' as an inspection report: it is empty") == reason_of(
        b""
    )


def test_truncated_pdf() -> None:
    """A report cut short is refused as truncated, not read in part."""
    data = report_pdf(example())
    assert "truncated" == reason_of(data[: len(data) // 2])[0]


def test_damaged_pdf() -> None:
    """A file that starts and ends like a PDF but holds none is damaged."""
    assert "damaged" == reason_of(b"%PDF-1.7\n" + b"x" * 500 + b"\n%%EOF\n")[0]


def test_encrypted_pdf() -> None:
    """A PDF that needs a password is refused as encrypted."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(report_pdf(example()))))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    reason, message = reason_of(buffer.getvalue())
    assert "encrypted" == reason
    assert "password" in message


def test_pdf_without_text_is_a_scan() -> None:
    """Pages with no text (a scan) are refused, saying OCR is needed."""
    data = pdf_of("<div style='width: 10cm; height: 10cm; background: black'></div>")
    reason, message = reason_of(data)
    assert "no-text" == reason
    assert "OCR" in message


def test_too_many_pages() -> None:
    """A PDF with more pages than the limit is refused before its text is read."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    for _ in range(201):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    reason, message = reason_of(buffer.getvalue())
    assert "too-many-pages" == reason
    assert "201 pages" in message


def test_page_limit_can_be_lowered() -> None:
    """``max_pages`` lowers the limit: a five-page report is refused at three."""
    assert "too-many-pages" == reason_of(report_pdf(example()), max_pages=3)[0]


def test_report_from_before_ilacs() -> None:
    """A report whose fieldwork started in 2017 belongs to the framework before ILACS."""
    earlier = attrs.evolve(example(), start=dt.date(2017, 3, 6), end=dt.date(2017, 3, 17))
    reason, message = reason_of(report_pdf(earlier))
    assert "pre-ilacs" == reason
    assert "2013 to 2017 framework" in message


def test_single_inspection_framework_report() -> None:
    """A 2013 to 2017 report, by its title, is refused as before ILACS."""
    body = (
        "<p>Barnsley</p><h1>Inspection of services for children in need of help and protection, "
        "children looked after and care leavers</h1><p>and</p><h1>Review of the effectiveness "
        "of the local safeguarding children board</h1><p>Inspection date: 4 April 2016</p>"
        + "<p>The local authority leads services for children well.</p>"
        * 8
    )
    assert "pre-ilacs" == reason_of(pdf_of(body))[0]


@pytest.mark.parametrize("kind", ["focused visit", "monitoring visit"])
def test_visit_letters_are_not_graded(kind: str) -> None:
    """A focused or monitoring visit's letter is refused, saying it is not graded."""
    body = (
        "<p>Ms Jane Smith, Director of Children’s Services, Barnsley</p><p>Dear Ms Smith</p>"
        f"<h1>{kind.capitalize()} to Barnsley children’s services</h1>"
        f"<p>This letter summarises the findings of the {kind} to Barnsley children’s "
        "services on 5 and 6 November 2024.</p>"
        + "<p>Inspectors looked at the help and protection children receive.</p>"
        * 6
    )
    reason, message = reason_of(pdf_of(body))
    assert "not-graded" == reason
    assert f"it is the letter of a {kind}, which is not graded" in message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    """A path that does not exist, or a folder, is named with what is wrong."""
    assert "not-found" == reason_of(tmp_path / "absent.pdf")[0]
    assert "not-a-file" == reason_of(tmp_path)[0]


def test_without_the_extra_the_error_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without pypdfium2, reading a report raises MissingExtraError naming the extra."""
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(MissingExtraError, match=r"inspection-letters\[reports\]"):
        read_report(report_pdf(example()))


def test_import_does_not_import_pypdfium2() -> None:
    """``import inspection_letters`` (and naming read_report) loads no PDF library."""
    code = (
        "import sys, inspection_letters; inspection_letters.read_report; "
        "print(sorted({'pypdfium2', 'weasyprint', 'pypdf'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "[]" == result.stdout.strip()
