"""``.ods`` files built to cost: a document type in any encoding, and cells too long.

A document type declaration passed the byte check when ``content.xml`` was
UTF-16 (a 50 KB file took 78 s and 4.5 GB), and 20,000 runs of spaces made a
council name of 20 million characters. Both are refused, as the CSV reader
refuses a cell over its limit.
"""

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from inspection_letters import OutcomesFileError, read_outcomes
from tests.fuzzing import HEADER, ROW

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _cell(inner: str) -> str:
    return f"<table:table-cell><text:p>{inner}</text:p></table:table-cell>"


def _zipped(path: Path, content: bytes) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def _content(declaration: str, name: str) -> str:
    """A sheet's XML: the header, then the example's row with ``name`` as the council's name."""
    row = "".join(_cell(name if value == "Gloucestershire" else value) for value in ROW)
    return (
        f"{declaration}<office:document-content {NAMESPACES}><office:body><office:spreadsheet>"
        '<table:table table:name="ILACS_inspection_history">'
        f"<table:table-row>{''.join(map(_cell, HEADER))}</table:table-row>"
        f"<table:table-row>{row}</table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )


DOCTYPE = '<!DOCTYPE office:document-content [<!ENTITY a "Entity text">]>'


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_regression_document_type_in_utf16_is_refused(tmp_path: Path, encoding: str) -> None:
    """A document type declaration is refused whatever the encoding of ``content.xml``."""
    name = {"utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE"}.get(encoding, encoding.upper())
    text = _content(f'<?xml version="1.0" encoding="{name}"?>{DOCTYPE}', "&a;")
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = "\ufeff".encode(encoding) + data
    path = _zipped(tmp_path / "typed.ods", data)
    with pytest.raises(OutcomesFileError, match="declares a document type"):
        read_outcomes(path)


def test_document_type_in_utf8_is_still_refused(tmp_path: Path) -> None:
    """The UTF-8 document type that the byte check caught is still refused."""
    path = _zipped(tmp_path / "typed.ods", _content(DOCTYPE, "&a;").encode("utf-8"))
    with pytest.raises(OutcomesFileError, match="declares a document type"):
        read_outcomes(path)


def test_utf16_spreadsheet_without_a_document_type_is_read(tmp_path: Path) -> None:
    """A UTF-16 ``content.xml`` is a spreadsheet like any other; only the declaration is refused."""
    text = _content('<?xml version="1.0" encoding="UTF-16"?>', "Gloucestershire")
    path = _zipped(tmp_path / "wide.ods", text.encode("utf-16"))
    (inspection,) = read_outcomes(path)
    assert ("Gloucestershire", dt.date(2022, 2, 7)) == (inspection.authority.name, inspection.start)


def test_regression_cell_of_millions_of_spaces_is_refused(tmp_path: Path) -> None:
    """Runs of spaces that add up past the CSV reader's cell limit are refused, with the row."""
    path = _zipped(
        tmp_path / "long.ods", _content("", "A" + '<text:s text:c="999999999"/>' * 200).encode()
    )
    with pytest.raises(OutcomesFileError, match="131,072 characters") as raised:
        read_outcomes(path)
    assert "row 2" in str(raised.value)


def test_regression_long_cell_of_text_is_refused(tmp_path: Path) -> None:
    """A cell whose own text is over the limit is refused as the CSV reader refuses it."""
    path = _zipped(tmp_path / "long.ods", _content("", "x" * 131_073).encode())
    with pytest.raises(OutcomesFileError, match="131,072 characters"):
        read_outcomes(path)


def test_cell_at_the_limit_is_not_refused_for_its_length(tmp_path: Path) -> None:
    """A cell of exactly the limit is read (and then checked as a council's name would be)."""
    path = _zipped(tmp_path / "long.ods", _content("", "x" * 131_072).encode())
    (inspection,) = read_outcomes(path)
    assert 131_072 == len(inspection.authority.name)
