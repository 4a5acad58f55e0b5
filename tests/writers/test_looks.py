"""The letters as a person sees them: what is visible in HTML, and what only screen readers get."""

from xml.etree import ElementTree

from inspection_letters import render_letter
from tests.helpers import example


def _parse(document: str) -> ElementTree.Element:
    return ElementTree.fromstring(document.removeprefix("<!DOCTYPE html>\n"))


def _classes(element: ElementTree.Element) -> set[str]:
    return set((element.get("class") or "").split())


def test_grade_table_caption_is_visually_hidden() -> None:
    """The caption, which repeats the heading above the table, is for screen readers only."""
    root = _parse(render_letter(example(), "children").to_html())
    caption = root.find(".//{*}caption")
    assert caption is not None
    assert "The grades inspectors gave Gloucestershire" == caption.text
    assert "visually-hidden" in _classes(caption)
