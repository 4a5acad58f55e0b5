"""Every case of issue 14 through the command line: an exit status of 0 or 1, never a traceback.

The cases that would hang or exhaust memory in the code before the fix (a
FIFO, ``/dev/zero``, a full disk, Ctrl-C) run in a limited subprocess in
``test_endless_input.py``, ``test_file_system_errors.py`` and
``test_interrupts_and_consoles.py``; the rest run here, in-process.
"""

import base64
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from inspection_letters._cli.commands import main
from tests.fuzzing import HEADER, ROW
from tests.helpers import EXAMPLE, TINY_PNG
from tests.letters.test_sandbox_resources import BEFORE, BIG

TITLE = "{% call set('title') %}T{% endcall %}\n"
SVG = "data:image/svg+xml;base64," + base64.b64encode(
    b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'
).decode("ascii")
Case = Callable[[Path], list[str]]


def _data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def _file(tmp_path: Path, data: dict[str, Any] | str, name: str = "inspection.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _signed(tmp_path: Path, image: str) -> Path:
    data = _data()
    data["letters"]["director"]["signatory"]["signature_image"] = image
    return _file(tmp_path, data)


def _templates(tmp_path: Path, source: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "children.jinja").write_text(source, encoding="utf-8")
    return folder


def _render_with(source: str) -> Case:
    return lambda t: ["render", str(EXAMPLE), "--template-dir", str(_templates(t, source))]


def _hard_link(tmp_path: Path) -> list[str]:
    folder = _templates(tmp_path, "{% call set('title') %}{% include 'p.jinja' %}{% endcall %}")
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    os.link(tmp_path / "outside.txt", folder / "p.jinja")
    return ["render", str(EXAMPLE), "--template-dir", str(folder)]


def _ods(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "outcomes.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    return path


def _sheet(declaration: str, name: str) -> str:
    cells = "".join(
        f"<table:table-cell><text:p>{name if v == 'Gloucestershire' else v}</text:p>"
        "</table:table-cell>"
        for v in ROW
    )
    header = "".join(f"<table:table-cell><text:p>{h}</text:p></table:table-cell>" for h in HEADER)
    return (
        f"{declaration}<office:document-content "
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="ILACS_inspection_history">'
        f"<table:table-row>{header}</table:table-row><table:table-row>{cells}</table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )


def _batch(source: Callable[[Path], Path], format_: str = "text") -> Case:
    return lambda t: [
        *("batch", str(source(t)), "-a", "children", "-f", format_, "-o", str(t / "out")),
    ]


DOCTYPE = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "A">]>'
MALFORMED_PNG = "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n\x00\x00").decode()
DUPLICATE = EXAMPLE.read_text(encoding="utf-8").replace(
    '"lead_inspector": "Andy Waugh",', '"lead_inspector": "Andy Waugh", "lead_inspector": "X",'
)

CASES: dict[str, Case] = {
    "1 svg signature in data, pdf": lambda t: [
        *("render", str(_signed(t, SVG)), "-a", "director", "-f", "pdf", "-o", str(t / "a.pdf"))
    ],
    "1 svg signature set by a template": _render_with(
        TITLE + f"{{% call set('signature_image') %}}{SVG}{{% endcall %}}"
    ),
    "2 hard link in a template directory": _hard_link,
    "3 ods document type in utf-16": _batch(
        lambda t: _ods(t, _sheet(DOCTYPE, "&a;").encode("utf-16"))
    ),
    "3 ods cell of millions of spaces": _batch(
        lambda t: _ods(t, _sheet("", "A" + '<text:s text:c="999"/>' * 200).encode())
    ),
    **{f"4 {name}": _render_with(TITLE + BIG + payload) for name, payload in BEFORE.items()},
    "4 integer multiplication": _render_with(TITLE + "{{ (10 ** 3000) * (10 ** 3000) }}"),
    "4 unknown codec": _render_with(TITLE + "{{ 'a'.encode('no-such-codec') }}"),
    "5 render into a missing folder": lambda t: [
        *("render", str(EXAMPLE), "-o", str(t / "missing" / "a.txt"))
    ],
    "5 render over its own input": lambda t: [
        *("render", str(_file(t, _data())), "-o", str(t / "inspection.json"))
    ],
    "5 batch out under a file": lambda t: [
        *("batch", str(EXAMPLE.parent), "-a", "children", "-f", "text"),
        *("-o", str(_file(t, "x", "file.txt") / "out")),
    ],
    "5 council name too long for a file": _batch(
        lambda t: _file(t, _data(authority={"name": "Long " * 60}))
    ),
    "6 malformed signature in word": lambda t: [
        *("render", str(_signed(t, MALFORMED_PNG)), "-a", "director", "-f", "docx"),
        *("-o", str(t / "a.docx")),
    ],
    "6 council name over word's title limit": _batch(
        lambda t: _file(t, _data(authority={"name": "Borough " * 28})), "docx"
    ),
    "7 findings as strings": lambda t: ["validate", str(_file(t, _data(findings=["a", "b"])))],
    "7 findings as a string, render": lambda t: ["render", str(_file(t, _data(findings="a")))],
    "7 judgements as an object": lambda t: [
        *("validate", str(_file(t, _data(judgements={"0": {"area": "leaders"}})))),
    ],
    "7 impossible date": lambda t: ["validate", str(_file(t, _data(start="2022-02-31")))],
    "7 previous outcome after the inspection": lambda t: [
        *("render", str(_file(t, _data(previous={"year": 2030, "overall": "Good"})))),
    ],
    "8 duplicate keys": lambda t: ["validate", str(_file(t, DUPLICATE))],
    "8 letters for an unknown audience": lambda t: [
        *("validate", str(_file(t, _data(letters={"parents": {}})))),
    ],
    "10 a png signature, plain text": lambda t: ["render", str(_signed(t, TINY_PNG))],
    "13 undefined name": _render_with(TITLE + "{% call paragraph() %}{{ paragraf }}{% endcall %}"),
    "13 printed none": _render_with(TITLE + "{% call paragraph() %}{{ None }}{% endcall %}"),
    "13 wrong arguments to a part": _render_with(TITLE + "{% call set() %}x{% endcall %}"),
    "13 a part set twice": _render_with(TITLE + TITLE),
}


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_no_traceback_from_any_case_of_the_issue(tmp_path: Path, case: Case) -> None:
    """The command line ends each case with 0 or 1 and its own message, never a traceback."""
    result = CliRunner().invoke(main, case(tmp_path))
    output = result.stdout + result.stderr
    assert result.exit_code in (0, 1), output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in output
