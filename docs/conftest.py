"""Every example of the documentation runs as a test, with Sybil.

pytest collects each Markdown page under ``docs/``. Its ```python blocks (and any
``>>>`` examples) run in order, in one namespace per page, from the project's folder
(so ``examples/gloucestershire-2022.json`` is found), and must not raise.

- ``% invisible-code-block: python`` runs code without showing it: checks that would
  only clutter the page, such as the tutorial comparing what it printed with the seed
  letters.
- ``% skip: next if(condition, reason="...")`` skips the next block, with the reason
  shown in pytest's summary; for examples that need data not every checkout has.
- What a page's blocks print is kept in ``__printed__`` (an ``io.StringIO``), and is
  still shown when a test fails.

Whatever a page registers on the default registries (``audiences``, ``formats``) is
removed after it, so pages do not leak into each other or into the tests.
"""

import contextlib
import doctest
import io
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from sybil import Example, Sybil
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser, SkipParser
from sybil.typing import Evaluator

from inspection_letters import audiences, formats

ROOT = Path(__file__).resolve().parent.parent
#: The name, in a page's namespace, of what its blocks have printed.
PRINTED = "__printed__"


class _Tee(io.TextIOBase):
    """A text stream that writes to several others."""

    def __init__(self, *streams: TextIO) -> None:
        self._streams = streams

    def write(self, text: str) -> int:
        for stream in self._streams:
            stream.write(text)
        return len(text)

    def flush(self) -> None:
        for stream in self._streams:
            stream.flush()


def _recording(evaluator: Evaluator) -> Evaluator:
    """``evaluator``, keeping what the example prints in the page's ``__printed__``."""

    def evaluate(example: Example) -> str | None:
        printed = example.namespace.setdefault(PRINTED, io.StringIO())
        with contextlib.redirect_stdout(_Tee(sys.stdout, printed)):
            return evaluator(example)

    return evaluate


class _RecordingCodeBlockParser(CodeBlockParser):
    def __init__(self, language: str | None = None, evaluator: Evaluator | None = None) -> None:
        super().__init__(language, None if evaluator is None else _recording(evaluator))


class PythonBlocks(PythonCodeBlockParser):
    """```python blocks and ``>>>`` examples; what the blocks print is recorded."""

    codeblock_parser_class = _RecordingCodeBlockParser

    def __init__(self) -> None:
        super().__init__(doctest_optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)


_STATE = "__page_state__"


def _setup(namespace: dict[str, Any]) -> None:
    """Before a page: run from the project's folder; note what is registered."""
    namespace[_STATE] = (Path.cwd(), set(audiences), set(formats))
    os.chdir(ROOT)


def _teardown(namespace: dict[str, Any]) -> None:
    """After a page: go back, and unregister what the page registered."""
    previous, audience_names, format_names = namespace.pop(_STATE)
    os.chdir(previous)
    for name in set(audiences) - audience_names:
        audiences.remove(name)
    for name in set(formats) - format_names:
        formats.remove(name)


pytest_collect_file = Sybil(
    parsers=[PythonBlocks(), SkipParser()],
    patterns=["*.md"],
    excludes=["_build/*"],
    setup=_setup,
    teardown=_teardown,
).pytest()
