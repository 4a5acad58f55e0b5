"""Signature images: only real PNG, JPEG and GIF pictures, and a PDF that fetches nothing.

An SVG can point at other files (``<image href="file:///...">``) and WeasyPrint
would follow it, so a signature's image must be a raster whose bytes are what
its type says, and every PDF is drawn with a fetcher that allows ``data:`` URIs
only: whatever a letter holds, nothing on disk or on the network is read.
"""

import base64
from pathlib import Path

import attrs
import pytest
from pypdf import PdfReader

from inspection_letters import (
    AudienceRegistry,
    InvalidValueError,
    Signatory,
    TemplateError,
    no_context,
    render_letter,
)
from inspection_letters._letters.letter import Signature
from inspection_letters._writers.pdf import data_only_fetcher
from tests.helpers import TINY_GIF, TINY_JPEG, TINY_PNG, example

PNG_BYTES = base64.b64decode(TINY_PNG.partition(",")[2])


def _uri(kind: str, data: bytes) -> str:
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _signatory(image: str) -> Signatory:
    return Signatory(name="Yvette Stanley", role="National Director", signature_image=image)


@pytest.mark.parametrize("image", [TINY_PNG, TINY_JPEG, TINY_GIF])
def test_png_jpeg_and_gif_signatures_are_accepted(image: str) -> None:
    """A real PNG, JPEG or GIF picture, base64-encoded, is a signature image."""
    assert image == _signatory(image).signature_image


@pytest.mark.parametrize(
    ("image", "reason"),
    [
        (_uri("image/svg+xml", b'<svg xmlns="http://www.w3.org/2000/svg"/>'), "image/svg+xml"),
        (_uri("image/webp", b"RIFF\x00\x00\x00\x00WEBP"), "image/webp"),
        ("data:image/png,%89PNG", "base64"),
        (_uri("image/png", b"<svg/>"), "is not a PNG image"),
        (_uri("image/png", base64.b64decode(TINY_JPEG.partition(",")[2])), "is not a PNG image"),
        (_uri("image/gif", PNG_BYTES), "is not a GIF image"),
        (_uri("image/jpeg", b""), "is empty"),
        ("data:image/png;base64,iVBOR!!!", "is not base64"),
    ],
)
def test_other_signature_images_are_refused(image: str, reason: str) -> None:
    """An SVG, another type, or bytes that are not the type they claim are refused."""
    with pytest.raises(InvalidValueError) as caught:
        _signatory(image)
    assert reason in str(caught.value)
    assert "PNG, JPEG or GIF" in str(caught.value)


def test_a_template_cannot_set_an_svg_signature() -> None:
    """A sandboxed template that sets an SVG signature image gets a template error."""
    svg = _uri("image/svg+xml", b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    theirs = AudienceRegistry()
    theirs.register(
        "theirs",
        no_context,
        source="{% call set('title') %}T{% endcall %}"
        f"{{% call set('signature_name') %}}N{{% endcall %}}"
        f"{{% call set('signature_image') %}}{svg}{{% endcall %}}",
    )
    with pytest.raises(TemplateError, match="image/svg"):
        render_letter(example(), "theirs", registry=theirs)


def _svg_pointing_at(url: str) -> str:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="10" height="10"><image href="{url}" xlink:href="{url}" '
        'width="10" height="10"/></svg>'
    )
    return _uri("image/svg+xml", svg.encode("utf-8"))


def test_pdf_does_not_read_a_file_an_svg_points_at(tmp_path: Path) -> None:
    """A letter whose SVG signature points at a local picture gives a PDF without it."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG_BYTES)
    letter = render_letter(example(), "director")
    assert letter.signature is not None
    signature: Signature = attrs.evolve(letter.signature, image=_svg_pointing_at(secret.as_uri()))
    pdf = attrs.evolve(letter, signature=signature).to_pdf()
    import io

    reader = PdfReader(io.BytesIO(pdf))
    assert [] == [image.name for page in reader.pages for image in page.images]


@pytest.mark.parametrize(
    "url", ["file:///dev/zero", "file:///etc/passwd", "http://127.0.0.1:9/", "ftp://localhost/x"]
)
def test_pdf_fetcher_refuses_everything_but_data(url: str) -> None:
    """The PDF writer's fetcher refuses files, HTTP and FTP before opening anything."""
    with pytest.raises(ValueError, match="only data: URIs"):
        data_only_fetcher()(url)


def test_pdf_fetcher_reads_data_uris() -> None:
    """A ``data:`` URI, such as the signature's image, is still read."""
    response = data_only_fetcher()(TINY_PNG)
    try:
        assert PNG_BYTES == response.read()
    finally:
        response.close()
