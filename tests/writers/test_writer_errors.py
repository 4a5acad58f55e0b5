"""Every writer raises only the library's errors, whatever the letter holds.

The Word writer raised ``ZeroDivisionError``, ``struct.error``, ``KeyError``
and python-docx's own errors on 12 of 16 malformed signature images (each
passes the check of its first bytes, as a real file of the type would), and
``ValueError`` on a council name over 150 characters (Word's 255-character
limit on a document's title); one bad inspection then aborted a whole batch.
"""

import base64
import contextlib
import io
import json
import struct
import zlib
from pathlib import Path

import attrs
import docx
import pytest
from click.testing import CliRunner

from inspection_letters import LocalAuthority, WriterError, formats, render_letter
from inspection_letters._cli.commands import main
from tests.helpers import EXAMPLE, TINY_GIF, TINY_JPEG, TINY_PNG, example, with_signatory

PNG = base64.b64decode(TINY_PNG.partition(",")[2])
JPEG = base64.b64decode(TINY_JPEG.partition(",")[2])
GIF = base64.b64decode(TINY_GIF.partition(",")[2])
SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _ihdr(width: int, height: int) -> bytes:
    return _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))


IDAT = PNG[PNG.index(b"IDAT") - 4 :]
MALFORMED = {
    "png magic only": SIGNATURE,
    "png truncated header": SIGNATURE + _ihdr(1, 1)[:10],
    "png of no size": SIGNATURE + _ihdr(0, 0) + IDAT,
    "png of no resolution": SIGNATURE + _ihdr(1, 1) + _chunk(b"pHYs", bytes(9)) + IDAT,
    "png of huge size": SIGNATURE + _ihdr(2**31 - 1, 2**31 - 1) + IDAT,
    "png without data": SIGNATURE + _ihdr(1, 1),
    "png cut short": PNG[:30],
    "jpeg magic only": b"\xff\xd8\xff",
    "jpeg cut short": JPEG[:40],
    "jpeg of no density": JPEG[:13] + b"\x01\x00\x00\x00\x00" + JPEG[18:],
    "jpeg without a frame": JPEG[:20] + b"\xff\xd9",
    "jpeg of junk markers": b"\xff\xd8\xff\xe0\x00\x02\xff\xc0\x00\x01",
    "gif magic only": b"GIF89a",
    "gif cut short": GIF[:8],
    "gif of no size": b"GIF89a\x00\x00\x00\x00" + GIF[10:],
    "gif of junk": b"GIF87a" + b"\xff" * 20,
}
KINDS = {b"\x89P": "image/png", b"\xff\xd8": "image/jpeg", b"GI": "image/gif"}


def _uri(data: bytes) -> str:
    kind = KINDS[data[:2]]
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


@pytest.mark.parametrize("data", list(MALFORMED.values()), ids=list(MALFORMED))
def test_regression_malformed_signature_image_in_word(data: bytes) -> None:
    """A malformed picture gives a Word letter with the signature's description instead."""
    letter = render_letter(with_signatory(example(), signature_image=_uri(data)), "director")
    assert letter.signature is not None
    assert letter.signature.description is not None
    document = docx.Document(io.BytesIO(letter.to_docx()))
    texts = [paragraph.text for paragraph in document.paragraphs]
    pictured = len(document.inline_shapes) == 1
    assert pictured or letter.signature.description in texts


@pytest.mark.parametrize("data", list(MALFORMED.values()), ids=list(MALFORMED))
def test_malformed_signature_image_in_every_format(data: bytes) -> None:
    """Every format writes a letter with a malformed picture, or raises the library's error."""
    letter = render_letter(with_signatory(example(), signature_image=_uri(data)), "director")
    for name in formats:
        with contextlib.suppress(WriterError):
            formats.get(name)(letter)


def test_regression_council_name_over_the_title_limit_in_word() -> None:
    """A council name of 240 characters gives a Word letter, its title shortened to 255."""
    long_name = "Borough " * 30
    inspection = attrs.evolve(example(), authority=LocalAuthority(name=long_name.strip()))
    letter = render_letter(inspection, "children")
    document = docx.Document(io.BytesIO(letter.to_docx()))
    title = document.core_properties.title
    assert 255 >= len(title)
    assert title.startswith(f"{letter.title}: Borough")
    assert title.endswith("…")
    assert any(long_name.strip() in paragraph.text for paragraph in document.paragraphs)


def test_unexpected_failure_in_word_is_a_writer_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever python-docx raises, the Word writer raises the library's ``WriterError``."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("broken template")

    monkeypatch.setattr(docx, "Document", broken)
    with pytest.raises(WriterError, match="RuntimeError: broken template") as raised:
        render_letter(example(), "children").to_docx()
    assert raised.value.__cause__ is None


def test_regression_batch_goes_on_past_a_letter_word_cannot_write(tmp_path: Path) -> None:
    """A batch with one inspection Word cannot write reports it and writes the others."""
    source = tmp_path / "inspections"
    source.mkdir()
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    (source / "a.json").write_text(json.dumps(data), encoding="utf-8")
    # Over Word's title limit, and still a name a file can have.
    other = {**data, "authority": {"name": "Borough " * 28}}
    (source / "b.json").write_text(json.dumps(other), encoding="utf-8")
    out = tmp_path / "letters"
    result = CliRunner().invoke(
        main, ["batch", str(source), "-a", "children", "-f", "docx", "-o", str(out)]
    )
    assert "Traceback" not in result.output
    assert "2 inspections: 2 written" in result.stdout
