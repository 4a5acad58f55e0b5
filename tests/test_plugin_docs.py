"""The how-to's complete minimal plugin is the test plugin the suite installs, file for file."""

import re

import pytest

from tests.helpers import ROOT

PAGE = ROOT / "docs" / "howto" / "custom-audience.md"
PLUGIN = ROOT / "tests" / "plugin_package"
_FILE_BLOCK = re.compile(
    r"<!-- file: (?P<path>\S+) -->\n(?:%[^\n]*\n)?```\w+\n(?P<text>.*?)```", re.DOTALL
)


def _blocks() -> dict[str, str]:
    return {m["path"]: m["text"] for m in _FILE_BLOCK.finditer(PAGE.read_text("utf-8"))}


def test_how_to_shows_every_file_of_the_plugin() -> None:
    """The page shows the plugin's pyproject.toml, module and template, and nothing else."""
    expected = {
        "pyproject.toml",
        "inspection_letters_test_plugin/__init__.py",
        "inspection_letters_test_plugin/templates/governors.jinja",
    }
    assert expected == set(_blocks())


@pytest.mark.parametrize("path", sorted(_blocks()))
def test_how_to_file_is_the_plugins(path: str) -> None:
    """Each file on the page is the test plugin's file, as it is."""
    assert (PLUGIN / path).read_text("utf-8") == _blocks()[path]


def test_plugin_template_folder_is_a_traversable_directory() -> None:
    """The plugin names its template folder with importlib.resources, with no str()."""
    from importlib.resources import files

    from inspection_letters import audiences, render_letter
    from tests.helpers import example

    plugin = audiences.get("governors")
    assert str(files("inspection_letters_test_plugin") / "templates") == plugin.directory
    letter = render_letter(example(), "governors")
    assert "A note for the governors of Gloucestershire" == letter.title
