"""Coverage-guided fuzzing of ``load_inspection`` with atheris. Not run in CI; optional.

Run it from the project's folder, in its virtual environment::

    pip install atheris
    python fuzz/atheris_load_inspection.py                     # until stopped, or a crash
    python fuzz/atheris_load_inspection.py -runs=200000 -max_len=8192 my-corpus/

Each input is written as an inspection file and read with ``load_inspection`` and
``validate_file``; where it is a JSON object, it is also read as a mapping and, if it
is an inspection, rendered as a draft to each audience. The only exceptions allowed
are the library's own (``InspectionLettersError``), with a message that can be
printed; anything else is a crash, which libFuzzer saves as ``crash-<hash>`` beside
the command. Without a corpus directory, it starts from the example inspection.

The property tests in ``tests/test_fuzz.py`` do the same with hypothesis, in CI.
"""

import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import atheris

with atheris.instrument_imports():
    from inspection_letters import (
        InspectionLettersError,
        load_inspection,
        render_letter,
        validate_file,
    )

T = TypeVar("T")
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "gloucestershire-2022.json"
WORKDIR = Path(tempfile.mkdtemp(prefix="atheris-inspection-"))
FILE = WORKDIR / "inspection.json"


def checked(call: Callable[[], T]) -> T | None:
    """Call ``call``; the library's own error is fine (if it can be printed), any other a crash."""
    try:
        return call()
    except InspectionLettersError as error:
        str(error).encode("utf-8")
        return None


def test_one_input(data: bytes) -> None:
    """Read ``data`` as an inspection file, and as a mapping; render what is an inspection."""
    FILE.write_bytes(data)
    checked(lambda: load_inspection(FILE))
    checked(lambda: validate_file(FILE))
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return
    if not isinstance(value, dict):
        return
    inspection = checked(lambda: load_inspection(value))
    checked(lambda: validate_file(value))
    if inspection is not None:
        for audience in ("children", "director"):
            letter = checked(lambda: render_letter(inspection, audience, draft=True))  # noqa: B023
            if letter is not None:
                letter.to_html()


def main() -> None:
    """Fuzz until stopped; seed the corpus with the example when none is given."""
    arguments = list(sys.argv)
    if not any(not argument.startswith("-") for argument in arguments[1:]):
        corpus = WORKDIR / "corpus"
        corpus.mkdir()
        shutil.copy(EXAMPLE, corpus / EXAMPLE.name)
        arguments.append(str(corpus))
    atheris.Setup(arguments, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
