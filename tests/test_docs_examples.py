"""The examples of ``docs/audiences.md`` run, in order, and check themselves."""

import re
from collections.abc import Iterator

import pytest

from inspection_letters import audiences, formats
from tests.helpers import ROOT

PAGE = ROOT / "docs" / "audiences.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def python_blocks(text: str) -> list[str]:
    """The ```python blocks of a Markdown page, in order."""
    return BLOCK.findall(text)


@pytest.fixture
def clean_registries() -> Iterator[None]:
    """Whatever the examples register on the default registries is removed afterwards."""
    before = (set(audiences), set(formats))
    yield
    for name in set(audiences) - before[0]:
        audiences.remove(name)
    for name in set(formats) - before[1]:
        formats.remove(name)


def test_the_page_has_examples() -> None:
    """The page shows code, and its last example is the complete audience."""
    blocks = python_blocks(PAGE.read_text(encoding="utf-8"))
    assert len(blocks) >= 6
    assert "MEMBERS_TEMPLATE" in "".join(blocks)


def test_the_examples_run(monkeypatch: pytest.MonkeyPatch, clean_registries: None) -> None:
    """Every ```python block runs, in order, in one namespace, with its asserts passing."""
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "docs_audiences"}
    for number, block in enumerate(python_blocks(PAGE.read_text(encoding="utf-8"))):
        code = compile(block, f"{PAGE.name}, python block {number}", "exec")
        exec(code, namespace)
    assert "members" not in audiences
