"""A minimal reader of OpenDocument spreadsheets (``.ods``), with the standard library only.

Ofsted publishes its outcomes as ``.ods``. Reading them needs little of the
format: sheet names, and each cell as the text it shows or, for a date cell,
its date. Styles, formulas, links and comments are ignored, so that no
third-party dependency is needed for one file format.

A sheet can declare a million blank rows and sixteen thousand blank columns
with one element each (``number-rows-repeated``, ``number-columns-repeated``);
blank rows are never built and trailing blank cells are dropped, so a sheet
costs what its content costs.
"""

import datetime as dt
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET
from xml.parsers import expat

from attrs import frozen

from .._errors import InvalidValueError, UnknownNameError
from .input_files import read_input

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
# Ofsted's largest content.xml is about 1 MB; a member far bigger than any real
# outcomes file is more likely a zip bomb than a spreadsheet. (Parsing 64 MB of
# XML takes some five seconds and 400 MB of memory; 32 MB is still 30 times the
# largest real file.)
_MAX_CONTENT = 32 * 1024 * 1024
# Row groups nest rows without changing their numbering, so the reader descends into them.
_ROW_CONTAINERS = {_TABLE + "table-header-rows", _TABLE + "table-row-group", _TABLE + "table-rows"}
_CELLS = {_TABLE + "table-cell", _TABLE + "covered-table-cell"}
_PARAGRAPHS = {_TEXT + "p", _TEXT + "h"}
# The limits of a LibreOffice sheet: a larger repeat count is a broken file.
_MAX_REPEAT = {"number-rows-repeated": 1_048_576, "number-columns-repeated": 16_384}
# A run of spaces is stored as a count; a huge count would only exhaust memory.
_MAX_SPACES = 1_000
# The most characters a cell may show, as the CSV reader's (Python's CSV field limit):
# 20,000 runs of spaces made a council's name of 20 million characters.
MAX_CELL = 131_072
# The most characters a sheet's cells may hold together, repeats counted.
_MAX_TEXT = 32 * 1024 * 1024
# Ofsted's sheets have a few hundred rows of a few dozen cells. Repeat counts let a
# file of a kilobyte declare a million rows of content, which would take minutes
# to read: a sheet that holds more is refused instead.
MAX_ROWS = 50_000
_MAX_CELLS = 2_000_000

_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_YMD = re.compile(r"\d{4}-\d{2}-\d{2}")

Value = str | dt.date
"""A cell's value: the text it shows (``''`` when blank), or the date of a date cell."""


@frozen
class Row:
    """One row of a sheet that is not blank, with its number as a spreadsheet shows it."""

    number: int
    """The row's number, counted from 1 at the top of the sheet."""

    cells: tuple[Value, ...]
    """The row's cells from column A, up to its last cell that is not blank."""

    def value(self, index: int) -> Value:
        """The value of the cell in column ``index`` (counted from 0); ``''`` past the end."""
        return self.cells[index] if 0 <= index < len(self.cells) else ""

    @property
    def filled(self) -> int:
        """How many of the row's cells are not blank."""
        return sum(not is_blank(cell) for cell in self.cells)


def is_blank(value: Value) -> bool:
    """Whether a cell's value is blank: empty text, or only spaces."""
    return isinstance(value, str) and not value.strip()


def as_date(value: Value) -> dt.date | None:
    """A date cell's date, or the date a text writes as ``YYYY-MM-DD`` or ``DD/MM/YYYY``.

    Day first, as British spreadsheets show dates; ``None`` for anything else.

    >>> as_date("07/02/2022"), as_date(" 2022-02-07 "), as_date("7 Feb 2022")
    (datetime.date(2022, 2, 7), datetime.date(2022, 2, 7), None)
    """
    if isinstance(value, dt.date):
        return value
    text = value.strip()
    try:
        if (match := _DMY.fullmatch(text)) is not None:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        return dt.date.fromisoformat(text) if _YMD.fullmatch(text) else None
    except ValueError:
        return None


def read_sheet(path: Path, name: str | None, *, default: str) -> tuple[str, tuple[Row, ...]]:
    """The name of one sheet and its rows: ``name``, or the first sheet whose name has ``default``.

    ``default`` is looked for in any case. An unknown ``name`` raises
    :class:`UnknownNameError` listing the sheets; a file that cannot be read
    raises :class:`InvalidValueError` saying why.
    """
    sheets = read_workbook(path)
    if name is None:
        found = [sheet for sheet in sheets if default.lower() in sheet.lower()]
        if not found:
            names = ", ".join(map(repr, sheets))
            raise InvalidValueError(f"no sheet's name has {default!r}; name one of {names}")
        name = found[0]
    if name not in sheets:
        raise UnknownNameError("sheet", name, sheets)
    return name, sheets[name]


def read_workbook(path: Path) -> dict[str, tuple[Row, ...]]:
    """Each sheet's rows that are not blank, by sheet name, in the workbook's order.

    Raises :class:`InvalidValueError` saying why when the file cannot be read
    as a spreadsheet, so that the caller can name the file.
    """
    data = _content(path)
    _refuse_document_type(data)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise InvalidValueError(f"content.xml is not well-formed XML ({error})") from None
    body = root.find(f"{_OFFICE}body/{_OFFICE}spreadsheet")
    if body is None:
        raise InvalidValueError("content.xml holds no spreadsheet (is it a text document?)")
    sheets: dict[str, tuple[Row, ...]] = {}
    try:
        for table in body.iterfind(_TABLE + "table"):
            sheets[table.get(_TABLE + "name", f"Sheet{len(sheets) + 1}")] = tuple(_rows(table))
    except RecursionError:
        # Cells are read recursively; no spreadsheet nests spans a thousand deep.
        raise InvalidValueError("content.xml is nested too deeply") from None
    return sheets


class _DeclaredError(Exception):
    """Raised by the first pass's handler at a document type declaration."""


class _StartedError(Exception):
    """Raised by the first pass's handler at the root element: no declaration can follow."""


def _refuse_document_type(data: bytes) -> None:
    """Refuse a document type declaration in ``content.xml``, in whatever encoding it is.

    A document type can define entities that expand without end; no
    spreadsheet program writes one, so refusing it costs nothing. Looking for
    the bytes ``<!DOCTYPE`` misses one written in UTF-16 (a 50 KB file then
    took 78 s and 4.5 GB), so expat reads the start of the file, decoded as
    the XML parser will decode it, and stops at the root element, after which
    no declaration may come.
    """

    def declared(*_: object) -> None:
        raise _DeclaredError

    def started(*_: object) -> None:
        raise _StartedError

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = declared
    parser.EntityDeclHandler = declared
    parser.StartElementHandler = started
    try:
        parser.Parse(data, True)
    except _DeclaredError:
        raise InvalidValueError(
            "content.xml declares a document type, which no spreadsheet does"
        ) from None
    except (_StartedError, expat.ExpatError):
        pass  # a spreadsheet's root; or not XML, which the parser then reports


def _content(path: Path) -> bytes:
    """The bytes of the file's content.xml, checked to be a spreadsheet's.

    Every way a zip can fail becomes one reason, so that the caller sees no traceback.
    """
    mimetype: str | None = None
    try:
        whole = read_input(path)
    except OSError as error:
        raise InvalidValueError(error.strerror or str(error)) from None
    try:
        with zipfile.ZipFile(io.BytesIO(whole)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    mimetype = member.read(100).decode("ascii", "replace").strip()
            if mimetype not in (None, _MIMETYPE) or "content.xml" not in names:
                data = b""
            else:
                with archive.open("content.xml") as member:
                    data = member.read(_MAX_CONTENT + 1)
    except OSError as error:
        # The file was read: what fails now is its zip archive.
        reason = error.strerror or str(error)
        raise InvalidValueError(f"its zip archive cannot be read ({reason})") from None
    except zipfile.BadZipFile as error:
        raise InvalidValueError(f"is not a zip archive, as every .ods file is ({error})") from None
    except (zlib.error, EOFError, RuntimeError, NotImplementedError, ValueError) as error:
        raise InvalidValueError(f"its zip archive cannot be read ({error})") from None
    if mimetype not in (None, _MIMETYPE):
        raise InvalidValueError(f"is {mimetype!r}, not an OpenDocument spreadsheet")
    if "content.xml" not in names:
        raise InvalidValueError("has no content.xml, so it is not an OpenDocument spreadsheet")
    if len(data) > _MAX_CONTENT:
        raise InvalidValueError(f"its content.xml is larger than {_MAX_CONTENT} bytes")
    return data


def _rows(table: ET.Element) -> Iterator[Row]:
    """A sheet's rows that are not blank, numbered as the sheet shows them."""
    number = rows = cells_read = text_read = 0
    for element in _row_elements(table):
        repeat = _repeat(element, "number-rows-repeated")
        try:
            cells = _cells(element)
        except _CellTooLongError:
            raise InvalidValueError(
                f"row {number + 1} has a cell of more than {MAX_CELL:,} characters, "
                "the most a cell may hold"
            ) from None
        if cells:
            rows += repeat
            cells_read += repeat * len(cells)
            text_read += repeat * sum(len(cell) for cell in cells if isinstance(cell, str))
            if rows > MAX_ROWS or cells_read > _MAX_CELLS:
                raise InvalidValueError(
                    f"a sheet holds more than {MAX_ROWS:,} rows or {_MAX_CELLS:,} cells "
                    "that are not blank, far more than any outcomes file"
                )
            if text_read > _MAX_TEXT:
                raise InvalidValueError(
                    f"a sheet's cells hold more than {_MAX_TEXT:,} characters, "
                    "far more than any outcomes file"
                )
            # A row with content repeated is several rows with the same content.
            for offset in range(1, repeat + 1):
                yield Row(number=number + offset, cells=cells)
        number += repeat


def _row_elements(parent: ET.Element) -> Iterator[ET.Element]:
    """The row elements of a sheet in order, including those inside row groups."""
    for child in parent:
        if child.tag == _TABLE + "table-row":
            yield child
        elif child.tag in _ROW_CONTAINERS:
            yield from _row_elements(child)


def _cells(row: ET.Element) -> tuple[Value, ...]:
    """A row's values from column A to its last cell that is not blank."""
    cells: list[Value] = []
    blanks = 0  # blank cells are written only once a later cell has content
    for cell in row:
        if cell.tag not in _CELLS:
            continue
        repeat = _repeat(cell, "number-columns-repeated")
        # A covered cell is hidden under a merged one: it holds a place, not a value.
        value = _value(cell) if cell.tag == _TABLE + "table-cell" else ""
        if is_blank(value):
            blanks += repeat
            continue
        if len(cells) + blanks + repeat > _MAX_CELLS:
            raise InvalidValueError(f"a row holds more than {_MAX_CELLS:,} cells")
        cells.extend([""] * blanks)
        cells.extend([value] * repeat)
        blanks = 0
    return tuple(cells)


def _repeat(element: ET.Element, attribute: str) -> int:
    """How many rows or columns an element stands for; a broken count is refused."""
    text = element.get(_TABLE + attribute, "1")
    try:
        count = int(text)
    except ValueError:
        raise InvalidValueError(f"content.xml has {attribute}={text!r}, not a number") from None
    if not 1 <= count <= _MAX_REPEAT[attribute]:
        raise InvalidValueError(f"content.xml has {attribute}={count}, out of range")
    return count


def _value(cell: ET.Element) -> Value:
    """A cell's date, for a date cell that has a readable one; else the text it shows."""
    if cell.get(_OFFICE + "value-type") == "date":
        raw = cell.get(_OFFICE + "date-value", "")
        try:
            # Outcomes are days: a time of day, where one is stored, is not part of them.
            return dt.date.fromisoformat(raw[:10])
        except ValueError:
            pass  # the text shown is returned, for the caller to refuse with the cell's place
    return cell_text(cell)


def cell_text(cell: ET.Element) -> str:
    """The text a cell shows: its paragraphs, one a line; comments left out.

    >>> t = 'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    >>> x = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    >>> cell = ET.fromstring(
    ...     f'<table:table-cell {t} {x}><text:p>Bath and<text:s text:c="2"/>North</text:p>'
    ...     '<text:p>East <text:span>Somerset</text:span></text:p></table:table-cell>'
    ... )
    >>> cell_text(cell)
    'Bath and  North\\nEast Somerset'
    """
    budget = _Budget()
    paragraphs = [_inline(p, budget) for p in cell if p.tag in _PARAGRAPHS]
    budget.take(max(len(paragraphs) - 1, 0))  # the line breaks between them
    return "\n".join(paragraphs)


class _CellTooLongError(Exception):
    """A cell's text went past :data:`MAX_CELL` while it was put together."""


class _Budget:
    """What is left of a cell's :data:`MAX_CELL` characters, counted as its text is built."""

    def __init__(self) -> None:
        self.left = MAX_CELL

    def take(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise _CellTooLongError


def _inline(element: ET.Element, budget: _Budget) -> str:
    """The text of a paragraph or a span, with ODF's spaces, tabs and line breaks."""
    parts = [element.text or ""]
    budget.take(len(parts[0]))
    for child in element:
        if child.tag == _TEXT + "s":
            piece = " " * _spaces(child)
        elif child.tag == _TEXT + "tab":
            piece = "\t"
        elif child.tag == _TEXT + "line-break":
            piece = "\n"
        elif child.tag == _OFFICE + "annotation":
            piece = ""
        else:
            piece = _inline(child, budget)
            budget.take(-len(piece))  # a span counted its own text; it is counted once below
        tail = child.tail or ""
        budget.take(len(piece) + len(tail))
        parts += (piece, tail)
    return "".join(parts)


def _spaces(element: ET.Element) -> int:
    """How many spaces a ``text:s`` element stands for, within the width of any real cell."""
    try:
        return min(max(1, int(element.get(_TEXT + "c", "1"))), _MAX_SPACES)
    except ValueError:
        return 1
