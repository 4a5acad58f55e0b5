"""The public API: what ``inspection_letters`` exports, and that it documents it.

Classes and functions carry their docstring. A module-level constant (such as
``OFFICES`` or ``RULES``) has only its type's docstring, so it is documented
instead by a ``#:`` comment right above its assignment in the module that
defines it, which Sphinx's autodoc reads; the test checks that comment.
"""

import inspect
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

import inspection_letters

PACKAGE = Path(inspection_letters.__file__).parent
# Exports known to be undocumented, each a bug to fix in the module that defines it.
UNDOCUMENTED: dict[str, str] = {}


def isort_key(name: str) -> tuple[int, list[int | str]]:
    """The order ruff's RUF022 keeps ``__all__`` in: constants, classes, the rest; naturally."""
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def public_names() -> set[str]:
    """The public names the package offers (``dir``, as its names load lazily), modules aside."""
    return {
        name
        for name in dir(inspection_letters)
        if not name.startswith("_")
        and name != "TYPE_CHECKING"
        and not isinstance(getattr(inspection_letters, name), types.ModuleType)
    }


def is_constant(value: object) -> bool:
    return not (inspect.isclass(value) or inspect.isroutine(value))


def has_doc_comment(name: str) -> bool:
    """Whether some module of the package documents ``name`` with ``#:`` above its assignment."""
    pattern = re.compile(rf"^#:.*\n(?:#:.*\n)*{re.escape(name)}\b[^\n=]*=", re.MULTILINE)
    return any(pattern.search(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py"))


def test_all_is_sorted() -> None:
    """``__all__`` is in ruff's isort-style order, without repeats."""
    names = list(inspection_letters.__all__)
    assert sorted(names, key=isort_key) == names
    assert len(set(names)) == len(names)


def test_all_is_every_public_name() -> None:
    """Every public name of the package is exported, and every exported name exists."""
    assert public_names() == set(inspection_letters.__all__)


def test_every_export_has_a_lazy_import() -> None:
    """The table of lazy imports names exactly the exported names, each from its module."""
    exports = inspection_letters._EXPORTS
    assert set(inspection_letters.__all__) == set(exports)
    for name, module in exports.items():
        defined = sys.modules[f"inspection_letters{module}"]
        assert getattr(defined, name) is getattr(inspection_letters, name)


def test_an_unknown_name_is_an_attribute_error() -> None:
    """Asking the package for a name it does not have is an AttributeError naming it."""
    with pytest.raises(AttributeError, match="'no_such_name'"):
        inspection_letters.no_such_name  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=UNDOCUMENTED[name]))
        if name in UNDOCUMENTED
        else name
        for name in inspection_letters.__all__
    ],
)
def test_every_export_is_documented(name: str) -> None:
    """Each exported class and function has a docstring; each constant a ``#:`` comment."""
    value = getattr(inspection_letters, name)
    if is_constant(value):
        assert has_doc_comment(name), f"{name} has no '#:' comment above its assignment"
    else:
        assert (value.__doc__ or "").strip(), f"{name} has no docstring"


def test_exported_classes_are_from_the_package() -> None:
    """Exported classes and functions are the package's own, not re-exported from elsewhere."""
    foreign = [
        name
        for name in inspection_letters.__all__
        if not is_constant(value := getattr(inspection_letters, name))
        and not value.__module__.startswith("inspection_letters")
    ]
    assert [] == foreign


def test_import_does_not_import_hypothesis() -> None:
    """Importing the package never imports hypothesis, an optional extra."""
    code = (
        "import sys, inspection_letters\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'hypothesis'))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "[]" == completed.stdout.strip()
