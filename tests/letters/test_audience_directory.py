"""``Audience.directory`` takes a ``str``, a ``Path`` or a package's folder (a ``Traversable``)."""

import io
import zipfile
from importlib.resources import files
from pathlib import Path

import pytest

from inspection_letters import Audience, InvalidValueError, no_context, render_letter
from tests.helpers import example

TEMPLATE = '{% call set("title") %}For {{ area }}{% endcall %}'


@pytest.mark.parametrize("kind", [str, Path])
def test_directory_as_str_or_path(kind: type, tmp_path: Path) -> None:
    """A folder given as a ``str`` or a ``Path`` is read as the same path."""
    (tmp_path / "mine.jinja").write_text(TEMPLATE, "utf-8")
    audience = Audience(name="mine", prepare=no_context, directory=kind(tmp_path))
    assert str(tmp_path) == audience.directory


def test_directory_as_a_packages_folder() -> None:
    """``files(package) / "templates"`` is taken as it is, and its templates are used."""
    folder = files("inspection_letters_test_plugin") / "templates"
    audience = Audience(
        name="governors-again", prepare=no_context, template="governors.jinja", directory=folder
    )
    assert str(folder) == audience.directory
    from inspection_letters import AudienceRegistry

    mine = AudienceRegistry()
    mine.register(audience)
    letter = render_letter(example(), "governors-again", registry=mine)
    assert "A note for the governors of Gloucestershire" == letter.title


def test_directory_inside_a_zip_is_refused() -> None:
    """A folder that is not on disk (inside a zip file) is refused, saying why."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("templates/mine.jinja", TEMPLATE)
    folder = zipfile.Path(zipfile.ZipFile(data), "templates/")
    with pytest.raises(InvalidValueError, match="is not a folder on disk"):
        Audience(name="mine", prepare=no_context, directory=folder)
