"""A report's pages as text, by PDFium, with every way a file can fail named.

pypdfium2 (the optional extra ``reports``) is imported here, inside the
function that needs it, so that ``import inspection_letters`` stays light.
Whatever the bytes, what leaves this module is either the pages' text or a
:class:`~inspection_letters.ReportFileError` saying what is wrong with the file.
"""

import os
from pathlib import Path

from .._errors import MissingExtraError, ReportFileError

#: The most pages a report may have; ILACS reports have 8 to 20.
MAX_PAGES = 200
#: The largest file read, in bytes; ILACS reports are under 1 MB.
MAX_BYTES = 64 * 1024 * 1024
# PDFium's error codes for a document that needs a password, or a scheme it cannot open.
_ENCRYPTED = {4, 5}
# A page's text shorter than this, summed over the pages, is taken for a scan.
_LEAST_TEXT = 200


def source_bytes(source: "str | os.PathLike[str] | bytes") -> tuple[str, bytes]:
    """How errors name ``source``, and its bytes."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > MAX_BYTES:
            raise ReportFileError("(bytes)", "too-large", _too_large(len(data)))
        return "(bytes)", data
    if not isinstance(source, str | os.PathLike):
        detail = f"expected a path or the PDF's bytes, not {type(source).__name__}"
        raise ReportFileError(repr(source)[:60], "not-a-path", detail)
    path = Path(source)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReportFileError(name, "too-large", _too_large(size))
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except ReportFileError:
        raise
    except IsADirectoryError:
        raise ReportFileError(name, "not-a-file", "it is a folder, not a file") from None
    except FileNotFoundError:
        raise ReportFileError(name, "not-found", "there is no such file") from None
    except PermissionError:
        raise ReportFileError(name, "not-readable", "permission to read it is denied") from None
    except OSError as error:
        detail = f"it cannot be read: {error.strerror or type(error).__name__}"
        raise ReportFileError(name, "not-readable", detail) from None
    except ValueError as error:  # an embedded NUL in the path
        raise ReportFileError(repr(name)[:60], "not-a-path", str(error)) from None
    return name, data


def _too_large(size: int) -> str:
    return f"it is {size:,} bytes; a report is read only up to {MAX_BYTES:,} bytes"


def pdf_pages(name: str, data: bytes, *, max_pages: int = MAX_PAGES) -> list[str]:
    """The text of each page of the PDF ``data``, as PDFium extracts it."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise MissingExtraError("Reading inspection reports", "reports") from None
    head = data[:1024]
    if b"%PDF-" not in head:
        what = "it is empty" if not data else "it is not a PDF (it does not start with '%PDF-')"
        raise ReportFileError(name, "not-pdf", what)
    if b"%%EOF" not in data[-2048:]:
        detail = "the PDF is cut short (it does not end with '%%EOF'): the file is truncated"
        raise ReportFileError(name, "truncated", detail)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) in _ENCRYPTED:
            detail = "the PDF is encrypted with a password; save an unprotected copy"
            raise ReportFileError(name, "encrypted", detail) from None
        raise ReportFileError(name, "damaged", "the PDF is damaged and cannot be opened") from None
    try:
        return _texts(name, document, max_pages, pdfium.PdfiumError)
    finally:
        document.close()


def _texts(name: str, document: object, max_pages: int, failure: type[Exception]) -> list[str]:
    try:
        count = len(document)  # type: ignore[arg-type]
    except failure:
        raise ReportFileError(name, "damaged", "the PDF's pages cannot be counted") from None
    if count == 0:
        raise ReportFileError(name, "no-pages", "the PDF has no pages")
    if count > max_pages:
        detail = f"it has {count:,} pages; a report is read only up to {max_pages:,} pages"
        raise ReportFileError(name, "too-many-pages", detail)
    texts = []
    for index in range(count):
        try:
            page = document[index]  # type: ignore[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        except failure:
            detail = f"page {index + 1} is damaged and its text cannot be read"
            raise ReportFileError(name, "damaged", detail) from None
    if sum(len(text.strip()) for text in texts) < _LEAST_TEXT:
        detail = "the PDF has no text to read (a scan, or pictures of pages): it needs OCR first"
        raise ReportFileError(name, "no-text", detail)
    return texts
