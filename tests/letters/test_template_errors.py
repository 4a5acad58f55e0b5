"""Template errors name the template, the line and what is on it.

``'paragraf' is undefined``, ``a template printed None`` and wrong arguments
to a part said neither which template nor where; a one-line part set twice
kept the second silently.
"""

from pathlib import Path

import pytest

from inspection_letters import AudienceRegistry, TemplateError, no_context, render_letter
from tests.helpers import example

TITLE = "{% call set('title') %}T{% endcall %}\n"


def _from_source(source: str) -> TemplateError:
    theirs = AudienceRegistry()
    theirs.register("theirs", no_context, source=source)
    with pytest.raises(TemplateError) as raised:
        render_letter(example(), "theirs", registry=theirs)
    return raised.value


def _from_file(tmp_path: Path, source: str) -> TemplateError:
    (tmp_path / "children.jinja").write_text(source, encoding="utf-8")
    with pytest.raises(TemplateError) as raised:
        render_letter(example(), "children", template_dir=tmp_path)
    return raised.value


def test_regression_undefined_name_gives_the_line() -> None:
    """A misspelt name says which line of the template it is on."""
    error = _from_source(TITLE + "\n{% call paragraph() %}{{ paragraf }}{% endcall %}")
    assert "the template of the 'theirs' audience, line 3: 'paragraf' is undefined" == str(error)


def test_regression_undefined_name_in_a_file_gives_the_file_line_and_text(tmp_path: Path) -> None:
    """In a template file, the error names the file, the line and what is written on it."""
    error = _from_file(tmp_path, TITLE + "{% call paragraph() %}{{ paragraf }}{% endcall %}\n")
    message = str(error)
    assert "children.jinja, line 2" in message
    assert "{% call paragraph() %}{{ paragraf }}{% endcall %}" in message
    assert "'paragraf' is undefined" in message


def test_regression_printing_none_gives_the_line() -> None:
    """``a template printed None`` says where."""
    error = _from_source(TITLE + "{% call paragraph() %}{{ inspection.theme }}{% endcall %}")
    assert str(error).startswith("the template of the 'theirs' audience, line 2: ")
    assert "a template printed None" in str(error)


def test_regression_wrong_arguments_to_a_part_give_the_line() -> None:
    """``set()`` without a part's name says where, and what the call is missing."""
    error = _from_source(TITLE + "{% call set() %}x{% endcall %}")
    assert str(error).startswith("the template of the 'theirs' audience, line 2: ")
    assert "missing 1 required positional argument: 'name'" in str(error)


def test_regression_unknown_part_gives_the_line() -> None:
    """A part that does not exist says where it is set."""
    error = _from_source(TITLE + "\n\n{% call set('titel') %}x{% endcall %}")
    assert str(error).startswith("the template of the 'theirs' audience, line 4: 'titel' is not")


def test_regression_setting_a_one_line_part_twice_is_an_error() -> None:
    """A one-line part set twice is refused, not overwritten by the second."""
    error = _from_source(TITLE + "{% call set('title') %}Again{% endcall %}")
    assert "line 2: 'title' is set twice; a one-line part is set once" in str(error)
