"""Every docstring example of every module of the installed package runs as written."""

import doctest
import importlib
import importlib.util
import pkgutil

import pytest

import inspection_letters

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(inspection_letters.__path__, prefix="inspection_letters.")
)
# Modules that need an optional extra, by the extra's import name.
NEEDS = {"inspection_letters.strategies": "hypothesis"}
# Modules with a docstring example known to fail, each a bug in the module.
FAILING: dict[str, str] = {}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=FAILING[name]))
        if name in FAILING
        else name
        for name in ["inspection_letters", *MODULES]
    ],
)
def test_docstring_examples(name: str) -> None:
    """The module's docstring examples give the output they show."""
    extra = NEEDS.get(name)
    if extra is not None and importlib.util.find_spec(extra) is None:
        pytest.skip(f"{name} needs {extra}, which is not installed")
    module = importlib.import_module(name)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    results = doctest.testmod(module, optionflags=flags)
    assert 0 == results.failed
