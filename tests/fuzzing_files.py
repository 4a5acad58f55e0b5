"""Hostile signature images, and ``.ods`` files built from Ofsted's real ones, for the fuzz tests.

Signature images start from real one-pixel PNG, JPEG and GIF files and are
cut, flipped, spliced and relabelled (and some are SVGs pointing at files and
addresses), so that most pass the check of their first bytes and reach the
writers' decoders. ``.ods`` files start from the real sheets in
``shared/data/ofsted`` (each sheet's header and a window of its real rows)
and have their ``content.xml`` mutated: document types, UTF-16, repeat
counts, runs of spaces, nesting, deletions, duplications and flipped bytes.
"""

import base64
import functools
import io
import re
import zipfile

from hypothesis import strategies as st

from tests.helpers import ROOT, TINY_GIF, TINY_JPEG, TINY_PNG

DATA = ROOT.parent / "shared" / "data" / "ofsted"
ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"

_RASTERS = {
    "image/png": base64.b64decode(TINY_PNG.partition(",")[2]),
    "image/jpeg": base64.b64decode(TINY_JPEG.partition(",")[2]),
    "image/gif": base64.b64decode(TINY_GIF.partition(",")[2]),
}
_KINDS = (*_RASTERS, "image/svg+xml", "image/webp", "image/bmp", "text/html", "image/PNG")
_URLS = ("file:///etc/passwd", "file:///dev/zero", "http://127.0.0.1:9/", "data:image/png;base64,")


@st.composite
def _mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` cut, with bytes flipped, inserted or repeated: mostly keeping its first bytes."""
    for _ in range(draw(st.integers(0, 4))):
        how = draw(st.sampled_from(("cut", "flip", "insert", "repeat")))
        # Past the first eight bytes mostly, so that the check of the type passes.
        at = draw(st.integers(min(8, len(data)), len(data))) if data else 0
        if how == "cut":
            data = data[:at]
        elif how == "flip" and at < len(data):
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
        elif how == "insert":
            data = data[:at] + draw(st.binary(max_size=40)) + data[at:]
        else:
            data = data[:at] + data[at:] * draw(st.integers(1, 50))
    return data


def _svg(url: str) -> bytes:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">'
        f'<image href="{url}" width="9" height="9"/></svg>'
    ).encode()


@st.composite
def signature_images(draw: st.DrawFn) -> str:
    """A ``data:`` URI of a mutated picture, often labelled with the wrong type, or any text."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.text(max_size=60))
    source = draw(st.sampled_from((*_RASTERS, "svg")))
    data = _svg(draw(st.sampled_from(_URLS))) if source == "svg" else _RASTERS[source]
    data = draw(_mutated(data))
    kind = source if source != "svg" and draw(st.booleans()) else draw(st.sampled_from(_KINDS))
    encoded = base64.b64encode(data).decode("ascii")
    if draw(st.integers(0, 9)) == 0:
        encoded = encoded[: draw(st.integers(0, len(encoded)))]  # broken base64
    return f"data:{kind};base64,{encoded}"


# --- .ods files built from the real ones -------------------------------------------------------

_TABLE = re.compile(r'<table:table table:name="([^"]*)"[^>]*>')
_ROW = re.compile(r"<table:table-row[ >].*?</table:table-row>", re.S)
_CLOSE = "</table:table></office:spreadsheet></office:body></office:document-content>"


@functools.cache
def real_sheets() -> tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]:
    """Of each real ``.ods`` file's last three sheets: name, what precedes them, header, rows."""
    found = []
    for path in sorted(DATA.glob("*.ods")):
        with zipfile.ZipFile(path) as archive:
            content = archive.read("content.xml").decode("utf-8")
        tables = list(_TABLE.finditer(content))
        prefix = content[: tables[0].start()]
        for number, table in enumerate(tables[-3:], start=len(tables) - 3):
            end = tables[number + 1].start() if number + 1 < len(tables) else len(content)
            rows = _ROW.findall(content, table.end(), end)
            heading = next(i for i, row in enumerate(rows) if "Local authority" in row)
            found.append(
                (
                    table.group(1),
                    prefix + table.group(0),
                    tuple(rows[: heading + 1]),
                    tuple(rows[heading + 1 :]),
                )
            )
    return tuple(found)


def have_real_sheets() -> bool:
    """Whether the real ``.ods`` files are beside the project (``shared/data/ofsted``)."""
    return any(DATA.glob("*.ods"))


_SPECIAL = ("0", "-1", "x", "", "16384", "1048576", "999999999", "99999999999999999999")


@st.composite
def _mutated_content(draw: st.DrawFn, text: str) -> bytes:
    """A real sheet's ``content.xml`` with a few hostile changes, encoded."""
    encoding = "utf-8"
    for _ in range(draw(st.integers(1, 4))):
        how = draw(
            st.sampled_from(
                ("doctype", "utf-16", "repeat", "spaces", "nest", "delete", "duplicate", "date")
            )
        )
        at = draw(st.integers(0, len(text)))
        if how == "doctype":
            entity = '<!DOCTYPE office:document-content [<!ENTITY a "Entity">]>'
            text = text.replace("?>", "?>" + entity, 1)
        elif how == "utf-16":
            encoding = draw(st.sampled_from(("utf-16", "utf-16-le", "utf-16-be")))
            declared = {"utf-16": "UTF-16", "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE"}
            text = text.replace('encoding="UTF-8"', f'encoding="{declared[encoding]}"', 1)
        elif how == "repeat":
            count = draw(st.sampled_from(_SPECIAL))
            kind = draw(st.sampled_from(("rows", "columns")))
            element = "table-row" if kind == "rows" else "table-cell"
            text = text.replace(
                f"<table:{element} ",
                f'<table:{element} table:number-{kind}-repeated="{count}" ',
                draw(st.integers(1, 5)),
            )
        elif how == "spaces":
            space = f'<text:s text:c="{draw(st.sampled_from(_SPECIAL))}"/>'
            text = text.replace("<text:p>", "<text:p>" + space * draw(st.integers(1, 300)), 1)
        elif how == "nest":
            depth = draw(st.integers(1, 3000))
            text = text.replace("<text:p>", "<text:p>" + "<text:span>" * depth, 1).replace(
                "</text:p>", "</text:span>" * depth + "</text:p>", 1
            )
        elif how == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)) :]
        elif how == "duplicate":
            text = text[:at] + text[at : at + draw(st.integers(1, 2000))] * 2 + text[at:]
        else:
            date = draw(st.sampled_from(("2022-02-31", "", "x", "20222-01-01", "2022-01-01T99")))
            value = f'office:date-value="{date}"'
            text = re.sub(r'office:date-value="[^"]*"', value, text, count=1)
    data = text.encode(encoding, "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    return data


@st.composite
def real_ods_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A sheet's name, and an ``.ods`` file of a window of that real sheet, mutated."""
    name, prefix, header, rows = draw(st.sampled_from(real_sheets()))
    start = draw(st.integers(0, max(len(rows) - 1, 0)))
    window = rows[start : start + draw(st.integers(0, 20))]
    content = draw(_mutated_content(prefix + "".join(header + window) + _CLOSE))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", ODS_TYPE)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return name, out.getvalue()
