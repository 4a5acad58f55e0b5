"""The PDF writer: the HTML letter laid out on A4 by WeasyPrint, as an accessible PDF.

Ofsted publishes its letters as PDF, and public bodies must publish accessible
documents, so the PDF is tagged to PDF/UA-1: a structure tree built from the
HTML (headings, a real table with header cells, a list, the signature's alt
text), the document language from ``<html lang>``, and the ``<title>`` as the
document's title, shown by viewers in place of the file name.

The layout is the HTML writer's document with a print stylesheet added after
its own, so that one writer decides the structure of every format. WeasyPrint
is an optional extra (``pdf``): it is imported inside :func:`write_pdf`, never
by ``import inspection_letters``.
"""

from typing import Any

from .._errors import MissingExtraError
from .._letters.letter import Letter
from .guard import library_errors_only
from .html import write_html

#: The font of every PDF letter. DejaVu's licence lets it be embedded and
#: redistributed in the PDF; Debian ships it as ``fonts-dejavu-core``, and
#: naming it, rather than a generic family, keeps the output the same on every
#: machine that has it, whatever other fonts are installed.
FONT = "DejaVu Sans"

# Added after the HTML writer's own stylesheet, so equal selectors win here.
# The letterhead is a narrow block at the top right, as on Ofsted's letters;
# the grade table keeps its header cells and rows together across pages.
_PRINT_STYLE = f"""
@page {{ size: A4; margin: 1.8cm 2cm 2.2cm 2cm; }}
html, body {{ font-family: "{FONT}"; }}
body {{ font-size: 10pt; line-height: 1.4; max-width: none; margin: 0; padding: 0;
        color: #0b0c0c; }}
.letterhead {{ width: 6.2cm; margin: 0 0 1.2em auto; text-align: left; font-size: 8.5pt;
               line-height: 1.35; }}
.letterhead p {{ margin: 0 0 0.8em; }}
.logo img {{ max-height: 2.2cm; max-width: 6cm; }}
header p, header address {{ margin: 0 0 1em; }}
h1 {{ font-size: 11pt; margin: 1.2em 0 0.9em; }}
h2 {{ font-size: 10.5pt; margin: 1.2em 0 0.5em; }}
p {{ margin: 0 0 0.8em; }}
q {{ quotes: '"' '"' "'" "'"; }}
ul {{ margin: 0 0 0.8em; padding-left: 1.3em; }}
li {{ margin: 0 0 0.45em; }}
table {{ margin: 0.3em 0 1em; page-break-inside: avoid; }}
th, td {{ padding: 0.3em 0.5em; }}
tbody th {{ width: 58%; }}
.signature-image img {{ max-height: 1.6cm; }}
.sign-off {{ page-break-inside: avoid; break-inside: avoid; }}
/* The description of a signature without an image: not seen, but in the text and the tags,
   in its place (a positioned box, as the HTML hides it, would be drawn after the letter). */
.signature {{ position: static; width: auto; height: 0; margin: 0; overflow: visible;
              clip: auto; white-space: normal; color: transparent;
              font-size: 1px; line-height: 0; }}
"""

# The real letters have no caption over the grade table (the heading before it
# says what it is), so the PDF reads as Ofsted's does; the header cells still
# name each column and row for assistive technology.
_NO_CAPTION = "caption { display: none; }"

# Only for letters that run over one page: CSS cannot ask how many pages there
# are, so the writer lays the letter out with them, counts the pages, and takes
# them off a letter of one (see _without_page_numbers).
_PAGE_NUMBERS = f"""
@page {{ @bottom-center {{ content: "Page " counter(page) " of " counter(pages);
                           font-family: "{FONT}"; font-size: 8.5pt; color: #0b0c0c; }} }}
"""


def _with_style(html: str, style: str) -> str:
    """``html`` with ``style`` as the last stylesheet of its head."""
    head_end = html.index("</head>")
    return f'{html[:head_end]}<style media="print">{style}</style>\n{html[head_end:]}'


def data_only_fetcher() -> Any:
    """A WeasyPrint URL fetcher that reads ``data:`` URIs and refuses every other URL.

    A letter has no external resources: its signature is a ``data:`` URI of a
    PNG, JPEG or GIF. But a letter can be built by hand, and an SVG can point
    at ``file:///...`` or ``http://...``: with WeasyPrint's own fetcher, a PDF
    would then copy a local file or send a request. This one raises before
    anything is opened; WeasyPrint leaves the resource out and goes on.
    """
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

    class DataOnlyFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url[:5].lower() != "data:":
                raise ValueError(f"{url[:60]!r}: a letter's PDF reads only data: URIs")
            return super().fetch(url, headers)

    return DataOnlyFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)


def _layout(weasyprint: Any, html: str) -> Any:
    """``html`` laid out in pages: a WeasyPrint ``Document`` (WeasyPrint has no types)."""
    # No base URL, and a fetcher of data: URIs only: nothing on disk or on the
    # network can be fetched, whatever the letter holds.
    page = weasyprint.HTML(string=html, url_fetcher=data_only_fetcher())
    return page.render(pdf_variant="pdf/ua-1")


def _without_page_numbers(document: Any) -> bool:
    """Take the page number off a document of one page; ``False`` where that cannot be done.

    WeasyPrint lays out the page's margin boxes (where the number is) last, once
    the pages are counted, and the page's content does not depend on them: so
    the page without them is the page laid out without the number, with no
    second layout. This reaches into WeasyPrint's page box (it has no public
    way to); should a version of WeasyPrint not have it, the letter is laid out
    again without the number, as it was before.
    """
    try:
        from weasyprint.formatting_structure.boxes import MarginBox  # type: ignore[import-untyped]

        page_box = document.pages[0]._page_box
        children = tuple(page_box.children)
    except (ImportError, AttributeError, IndexError, TypeError):
        return False
    page_box.children = tuple(c for c in children if not isinstance(c, MarginBox))
    return True


@library_errors_only("a PDF letter")
def write_pdf(letter: Letter) -> bytes:
    """The letter as a tagged (PDF/UA-1) A4 PDF, the same bytes every time.

    Page numbers ("Page 1 of 2") are printed only when the letter runs over
    one page, as on Ofsted's own letters.
    """
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError:
        raise MissingExtraError("PDF letters", "pdf") from None
    html = _with_style(write_html(letter), _PRINT_STYLE + _NO_CAPTION)
    document = _layout(weasyprint, _with_style(html, _PAGE_NUMBERS))
    if len(document.pages) == 1 and not _without_page_numbers(document):
        document = _layout(weasyprint, html)
    # The letter's HTML carries no creation or modification date, so WeasyPrint
    # writes none; the file identifier is a hash of the content rather than
    # random. Together they make the output byte-identical between runs.
    output: bytes = document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=True)
    return output
