"""The API reference documents every public name.

The test builds the documentation (Sphinx's ``dummy`` builder: everything but the
writing of pages) and reads what the reference really holds, the Python objects
Sphinx recorded, the same ones ``objects.inv`` lists, so it cannot drift from the
pages as a parse of ``docs/api.md`` could. Without Sphinx (the ``docs`` extra) it
is skipped, saying why, except in CI, where it fails.
"""

import inspect
import io
import os
import warnings
from pathlib import Path
from typing import Any

import pytest

import inspection_letters
from tests.helpers import ROOT

DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def documented(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The Python objects of the built documentation, by full name."""
    try:
        from sphinx.application import Sphinx
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("Sphinx is not installed: pip install -e '.[docs]'")
    out: Path = tmp_path_factory.mktemp("docs")
    with warnings.catch_warnings():
        # Sphinx's extensions use APIs that Sphinx is deprecating: their business, not
        # this test's. (The build's own warnings are errors in `python3 dev.py docs`.)
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        app = Sphinx(
            srcdir=DOCS,
            confdir=DOCS,
            outdir=out / "dummy",
            doctreedir=out / "doctrees",
            buildername="dummy",
            status=None,
            warning=io.StringIO(),
            freshenv=True,
        )
        app.build()
    objects: dict[str, Any] = app.env.get_domain("py").objects  # type: ignore[attr-defined]
    return objects


def expected_type(value: object) -> str:
    """The kind of entry a public name should have in the reference."""
    if inspect.isclass(value):
        return "exception" if issubclass(value, BaseException) else "class"
    if inspect.isroutine(value):
        return "function"
    return "data"


@pytest.mark.parametrize("name", inspection_letters.__all__)
def test_every_public_name_is_in_the_api_reference(name: str, documented: dict[str, Any]) -> None:
    """``inspection_letters.NAME`` is on the API page, as the right kind of object."""
    entry = documented.get(f"inspection_letters.{name}")
    assert entry is not None, f"{name} is not in the API reference: add it to docs/api.md"
    assert ("api", expected_type(getattr(inspection_letters, name))) == (
        entry.docname,
        entry.objtype,
    )


def test_the_strategies_are_in_the_api_reference(documented: dict[str, Any]) -> None:
    """The public submodule ``inspection_letters.strategies`` is documented, every strategy."""
    strategies = pytest.importorskip("inspection_letters.strategies")
    missing = [
        name for name in strategies.__all__ if f"{strategies.__name__}.{name}" not in documented
    ]
    assert [] == missing
