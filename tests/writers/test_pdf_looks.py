"""The PDF letters as a person sees them, from page images drawn by poppler's ``pdftoppm``.

No visible description of the signature, each placeholder of a draft highlighted,
the sender's logo at the top left where the data gives one, and the closing,
signature and signatory on one page. Each page image is kept in
``tests/artifacts/``, as the accessibility test keeps its screenshots. Debian's
``poppler-utils`` (installed by ``python3 dev.py setup``) draws them; without it
the image tests are skipped, saying why, except in CI, where they fail.
"""

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from pypdf import PdfReader

from inspection_letters import Letter, render_letter
from inspection_letters._letters.letter import Paragraph, Signature
from tests.helpers import (
    ROOT,
    TINY_PNG,
    example,
    png_uri,
    with_logo,
    without_letter_details,
)

pytest.importorskip("weasyprint")
Image = pytest.importorskip("PIL.Image")

ARTIFACTS = ROOT / "tests" / "artifacts"
YELLOW = (255, 221, 0)  # the placeholders' highlight
BLUE = (29, 112, 184)  # the test logo's colour
RED = (220, 0, 0)  # the test signature's colour


def _page_images(pdf: bytes, name: str) -> list[Any]:
    """Each page of ``pdf`` as an RGB image at 50 dpi, kept as ``tests/artifacts/pdf-NAME-N``."""
    if shutil.which("pdftoppm") is None:
        reason = "pdftoppm (Debian's poppler-utils) is not installed; run `python3 dev.py setup`"
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(f"{reason} (CI must look at the PDF pages)")
        pytest.skip(reason)
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / "letter.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", "50", "-png", str(source), str(Path(directory) / "page")],
            check=True,
        )
        ARTIFACTS.mkdir(exist_ok=True)
        images = []
        for number, page in enumerate(sorted(Path(directory).glob("page*.png")), start=1):
            image = Image.open(page).convert("RGB")
            image.save(ARTIFACTS / f"pdf-{name}-{number}.png")
            images.append(image)
        return images


def _near(pixel: tuple[int, int, int], colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 24 for a, b in zip(pixel, colour, strict=True))


def _rows_with(image: Any, colour: tuple[int, int, int]) -> list[int]:
    """The rows of ``image`` that hold a pixel of ``colour``."""
    width, height = image.size
    pixels = image.load()
    return [y for y in range(height) if any(_near(pixels[x, y], colour) for x in range(width))]


def _bands(rows: list[int]) -> int:
    """How many runs of consecutive rows there are."""
    return sum(1 for i, row in enumerate(rows) if i == 0 or row != rows[i - 1] + 1)


def _without_description(letter: Letter) -> Letter:
    assert letter.signature is not None
    signature: Signature = attrs.evolve(letter.signature, description=None)
    return attrs.evolve(letter, signature=signature)


def test_signature_description_is_not_drawn() -> None:
    """The director's PDF looks the same with the signature's description as without it."""
    letter = render_letter(example(), "director")
    assert letter.signature is not None
    assert letter.signature.description is not None
    described = _page_images(letter.to_pdf(), "director")
    undescribed = _page_images(_without_description(letter).to_pdf(), "director-undescribed")
    assert [im.tobytes() for im in undescribed] == [im.tobytes() for im in described]


def test_each_placeholder_of_a_draft_is_highlighted() -> None:
    """A draft's PDF has a yellow band for each placeholder's line; a complete letter none."""
    bare = without_letter_details(attrs.evolve(example(), published=None), "director")
    draft = render_letter(bare, "director", draft=True)
    (page,) = _page_images(draft.to_pdf(), "director-draft")
    assert len(draft.placeholders) == _bands(_rows_with(page, YELLOW))
    (final,) = _page_images(render_letter(example(), "director").to_pdf(), "director")
    assert [] == _rows_with(final, YELLOW)


def test_logo_is_drawn_at_the_top_left() -> None:
    """The office's logo is drawn in the top left of the first page, and only where given."""
    pages = _page_images(render_letter(with_logo(example()), "children").to_pdf(), "logo")
    width, height = pages[0].size
    top_left = pages[0].crop((0, 0, width // 2, height // 6))
    assert _rows_with(top_left, BLUE)
    assert [] == _rows_with(pages[0].crop((width // 2, 0, width, height)), BLUE)
    plain = _page_images(render_letter(example(), "children").to_pdf(), "children")
    assert [] == _rows_with(plain[0], BLUE)


def _signed_with_filler(lines: int) -> Letter:
    """The director's letter with a signature image and ``lines`` one-line paragraphs added."""
    letter = render_letter(example(), "director")
    assert letter.signature is not None
    signature: Signature = attrs.evolve(letter.signature, image=png_uri(200, 60, RED))
    filler = tuple(Paragraph(content=(f"Filler line {n}.",)) for n in range(lines))
    return attrs.evolve(letter, body=(*letter.body, *filler), signature=signature)


def _page_of_each(pdf: bytes, texts: tuple[str, ...]) -> list[int]:
    """The number of the last page whose text holds each of ``texts``."""
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    return [max(n for n, text in enumerate(pages) if wanted in text) for wanted in texts]


def _pages_with_signature(pdf: bytes, lines: int) -> list[int]:
    """The numbers of the pages on which the (red) signature image is drawn."""
    pages = _page_images(pdf, f"sign-off-{lines}")
    return [n for n, page in enumerate(pages) if _rows_with(page, RED)]


def test_sign_off_stays_together_across_a_page_break() -> None:
    """Wherever the page breaks, the closing, the signature image and the name share a page.

    Filler lines push the sign-off down a line at a time, past the foot of the
    first page (found by halving): at every step the three are on one page.
    """
    low, high = 0, 60
    while high - low > 1:  # the fewest filler lines that make a second page
        middle = (low + high) // 2
        pages = len(PdfReader(io.BytesIO(_signed_with_filler(middle).to_pdf())).pages)
        low, high = (middle, high) if pages == 1 else (low, middle)
    for lines in range(max(high - 4, 0), high + 3):
        pdf = _signed_with_filler(lines).to_pdf()
        closing, name = _page_of_each(pdf, ("Yours sincerely", "National Director Regulation"))
        assert [closing] == [name] == _pages_with_signature(pdf, lines), f"{lines} filler lines"


def test_signature_image_of_the_accessibility_test_is_raster() -> None:
    """The tests' one-pixel signature is a PNG, as a logo must be."""
    assert TINY_PNG.startswith("data:image/png;base64,")
