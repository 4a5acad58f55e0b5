"""PDF letters: the plain text's lines, tagged for accessibility, the same bytes every run.

Text is read back with pypdf, as a person copying from the PDF would get it,
and compared by the seed comparison (non-blank lines, each trimmed, runs of
whitespace made one space), with one allowance: the PDF wraps a paragraph
(or a table cell) at the page's width, so each line of the letter must be
the next few lines of the PDF joined by spaces, in order, none left over.
Three things are layout, not words, and are set aside on each side: the
plain text's ``- `` before each finding and its ``*`` around quotations (the
PDF shows a bullet and italics), and the PDF's bullets and "Page X of Y"
footers.
"""

import io
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from pypdf.generic import BooleanObject, DictionaryObject

from inspection_letters import Framework, Grade, Letter, MissingExtraError, formats, render_letter
from inspection_letters._cli.commands import main
from inspection_letters._letters.letter import GradeTable, Signature
from tests.helpers import EXAMPLE, ROOT, TINY_PNG, every, example, graded, normalised_lines

try:  # WeasyPrint installs with pip, but its libraries (Pango, HarfBuzz) come from the system.
    import weasyprint  # type: ignore[import-untyped]  # noqa: F401
except OSError as error:
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        raise
    pytest.skip(
        f"WeasyPrint cannot load its libraries ({error}); `python3 dev.py setup` says what "
        "to install",
        allow_module_level=True,
    )

_PAGE_NUMBER = re.compile(r"Page \d+ of \d+")


def letters() -> dict[str, Letter]:
    """The letters every PDF test is run on: both audiences, and a 2023-era children's letter."""
    era_2023 = graded(Framework.ILACS_2023, every(Framework.ILACS_2023, Grade.GOOD))
    return {
        "children": render_letter(example(), "children"),
        "director": render_letter(example(), "director"),
        "children-2023": render_letter(era_2023, "children"),
    }


LETTERS = letters()


def plain_lines(letter: Letter) -> list[str]:
    """The letter's plain text by the seed comparison, list markers and emphasis marks set aside."""
    lines = [re.sub(r"^- ", "", line) for line in normalised_lines(str(letter))]
    return [line.replace('*"', '"').replace('"*', '"') for line in lines]


def pdf_lines(pdf: bytes) -> list[str]:
    """The PDF's text by the seed comparison, its bullets and page numbers set aside."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return [
        line.removeprefix("• ")
        for line in normalised_lines(text)
        if line != "•" and not _PAGE_NUMBER.fullmatch(line)
    ]


def rewrapped(expected: list[str], wrapped: list[str]) -> list[str]:
    """``wrapped`` joined back into ``expected``'s lines where it can be, line by line.

    Each expected line takes the next wrapped lines, joined by spaces, for as
    long as they are the start of it; what cannot be joined so is kept as it
    is, so that a difference shows in the comparison.
    """
    joined: list[str] = []
    rest = list(wrapped)
    for line in expected:
        if not rest:
            break
        piece = rest.pop(0)
        while piece != line and rest and line.startswith(f"{piece} {rest[0]}"):
            piece = f"{piece} {rest.pop(0)}"
        joined.append(piece)
    return joined + rest


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    """Each letter's PDF, written once for the module."""
    return {name: letter.to_pdf() for name, letter in LETTERS.items()}


@pytest.mark.parametrize("name", LETTERS)
def test_pdf_text_is_the_letters_plain_text(name: str, pdfs: dict[str, bytes]) -> None:
    """The PDF's lines, rejoined where it wrapped them, are the plain-text letter's lines."""
    expected = plain_lines(LETTERS[name])
    assert expected == rewrapped(expected, pdf_lines(pdfs[name]))


def _structure(node: Any) -> Iterator[DictionaryObject]:
    """The structure elements of a tag tree, depth first."""
    node = node.get_object()
    if isinstance(node, DictionaryObject):
        if "/S" in node:
            yield node
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [] if kids is None else [kids]:
            yield from _structure(kid)


def _root(pdf: bytes) -> Any:
    """The PDF's catalogue (pypdf types its entries loosely, as any PDF object)."""
    return PdfReader(io.BytesIO(pdf)).trailer["/Root"]


def _structure_types(pdf: bytes) -> set[str]:
    """The structure types (``/H1``, ``/Table``...) a PDF's tags use."""
    root = _root(pdf)
    return {str(element["/S"]) for element in _structure(root["/StructTreeRoot"])}


@pytest.mark.parametrize("name", LETTERS)
def test_pdf_is_tagged_with_language_and_title(name: str, pdfs: dict[str, bytes]) -> None:
    """PDF/UA's basics: marked content, a structure tree, en-GB, a title viewers show."""
    reader = PdfReader(io.BytesIO(pdfs[name]))
    root = _root(pdfs[name])
    assert BooleanObject(True) == root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert "en-GB" == root["/Lang"]
    assert BooleanObject(True) == root["/ViewerPreferences"]["/DisplayDocTitle"]
    letter = LETTERS[name]
    assert f"{letter.title}: {letter.area}" == reader.metadata.title  # type: ignore[union-attr]
    assert b"pdfuaid:part" in reader.xmp_metadata.stream.get_data()  # type: ignore[union-attr]
    types = _structure_types(pdfs[name])
    has_table = any(isinstance(block, GradeTable) for block in letter.body)
    assert {"/H1", "/P"} <= types
    assert has_table == ({"/Table", "/TR", "/TH", "/TD"} <= types)
    assert bool(letter.findings) == ({"/L", "/LI", "/LBody"} <= types)


@pytest.mark.parametrize("name", LETTERS)
def test_pdf_is_a4_with_dejavu_embedded(name: str, pdfs: dict[str, bytes]) -> None:
    """A4 pages, and every font is DejaVu, embedded, so the PDF may be passed on freely."""
    reader = PdfReader(io.BytesIO(pdfs[name]))
    fonts = {}
    for page in reader.pages:
        assert [0, 0, 595.276, 841.89] == [round(float(v), 3) for v in page.mediabox]
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert fonts
    assert all("DejaVu-Sans" in name for name in fonts), fonts
    assert all(fonts.values()), fonts


def test_page_numbers_only_over_one_page(pdfs: dict[str, bytes]) -> None:
    """A letter of two pages says "Page 1 of 2"; a letter of one page has no number."""
    for name, pdf in pdfs.items():
        pages = PdfReader(io.BytesIO(pdf)).pages
        numbers = [_PAGE_NUMBER.findall(page.extract_text()) for page in pages]
        if len(pages) == 1:
            assert [[]] == numbers, name
        else:
            assert [[f"Page {n} of {len(pages)}"] for n in range(1, len(pages) + 1)] == numbers
    assert len(PdfReader(io.BytesIO(pdfs["children"])).pages) == 2
    assert len(PdfReader(io.BytesIO(pdfs["director"])).pages) == 1


def test_pdf_is_byte_identical_between_runs(pdfs: dict[str, bytes]) -> None:
    """Two renders of a letter give the same bytes: no dates, no random identifier."""
    assert pdfs["director"] == LETTERS["director"].to_pdf()


def test_signature_image_is_in_the_pdf_with_its_alt_text() -> None:
    """A signature picture is drawn, and tagged as a figure with its description."""
    letter = LETTERS["director"]
    assert letter.signature is not None
    signature: Signature = attrs.evolve(letter.signature, image=TINY_PNG)
    pdf = attrs.evolve(letter, signature=signature).to_pdf()
    figures = [e for e in _structure(_root(pdf)["/StructTreeRoot"]) if str(e["/S"]) == "/Figure"]
    assert [signature.description] == [str(figure["/Alt"]) for figure in figures]


def test_pdf_is_a_registered_binary_format() -> None:
    """``pdf`` is in the default registry, gives bytes, and names its file type."""
    chosen = formats.get("pdf")
    assert (chosen.extension, chosen.media_type, chosen.binary) == ("pdf", "application/pdf", True)


def test_cli_writes_a_pdf(tmp_path: Path) -> None:
    """``render --format pdf -o letter.pdf`` writes the same PDF as ``to_pdf``."""
    target = tmp_path / "letter.pdf"
    result = CliRunner().invoke(
        main, ["render", str(EXAMPLE), "--format", "pdf", "-o", str(target)]
    )
    assert 0 == result.exit_code, result.output
    assert LETTERS["children"].to_pdf() == target.read_bytes()


def test_import_does_not_import_weasyprint_or_docx() -> None:
    """``import inspection_letters`` costs no time for those who never write a PDF or DOCX."""
    code = (
        "import sys, inspection_letters; print(sorted({'weasyprint', 'docx'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "[]" == result.stdout.strip()


@pytest.mark.parametrize(("method", "extra"), [("to_pdf", "pdf"), ("to_docx", "docx")])
def test_missing_extra_names_it(method: str, extra: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the library, asking for the format says which extra to install."""
    # None in sys.modules makes ``import`` fail as if the package were absent.
    monkeypatch.setitem(sys.modules, "weasyprint" if extra == "pdf" else "docx", None)
    with pytest.raises(MissingExtraError, match=rf"inspection-letters\[{extra}\]"):
        getattr(LETTERS["children"], method)()


DOCS = ROOT / "docs"
PICTURES = {name: DOCS / "images" / f"pdf-{name}.png" for name in ("children", "director")}


def _picture(pdf: bytes, target: Path) -> None:
    """The PDF's first page as a small grey PNG: pdftoppm at 100 dpi, 16 shades of grey."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as directory:
        source, page = Path(directory) / "letter.pdf", Path(directory) / "page"
        source.write_bytes(pdf)
        command = ["pdftoppm", "-r", "100", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1"]
        subprocess.run([*command, str(source), str(page)], check=True)
        with Image.open(page.with_suffix(".png")) as image:
            image.quantize(16).save(target, optimize=True)


def test_docs_show_each_letter_as_a_pdf_page(pdfs: dict[str, bytes]) -> None:
    """docs/pdf-and-word.md shows the first page of each letter's PDF, A4 in shape.

    Run with ``UPDATE_DOCS_IMAGES=1`` (and Debian's poppler-utils installed) to
    draw the pictures again from the current PDFs.
    """
    page = (DOCS / "pdf-and-word.md").read_text("utf-8")
    for name, picture in PICTURES.items():
        if os.environ.get("UPDATE_DOCS_IMAGES"):
            _picture(pdfs[name], picture)
        assert f"](images/{picture.name})" in page
        header = picture.read_bytes()[:24]
        assert header.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
        assert abs(height / width - 297 / 210) < 0.01
        assert picture.stat().st_size < 150_000
