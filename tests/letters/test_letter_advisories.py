"""Silently accepted no more: duplicate keys, letters for no audience, wording no template asks for.

A duplicate key in an inspection file (the last one won) is an error; details
under ``letters`` for an audience no one registered, and a ``wording`` phrase
the audience's template never asks for, are advisories from ``validate``.
"""

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from inspection_letters import AudienceRegistry, InspectionFileError, load_inspection, no_context
from inspection_letters._cli.commands import main
from inspection_letters._letters.advisories import letter_advisories
from tests.helpers import EXAMPLE


def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def test_regression_duplicate_key_in_an_inspection_file_is_an_error(tmp_path: Path) -> None:
    """A key given twice in one object is refused, naming the key, not read as the last one."""
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        '"lead_inspector": "Andy Waugh",', '"lead_inspector": "Andy Waugh", "lead_inspector": "X",'
    )
    assert text.count('"lead_inspector"') == 2
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InspectionFileError) as raised:
        load_inspection(path)
    (where, reason), *_ = raised.value.problems
    assert "(file)" == where
    assert "the key 'lead_inspector' is given twice in one object" in reason


def test_the_same_key_in_different_objects_is_allowed() -> None:
    """Keys repeat across objects (every finding has ``text``): only one object's twice counts."""
    assert load_inspection(EXAMPLE).findings


def test_regression_letters_for_an_audience_no_one_registered_is_an_advisory() -> None:
    """Details for an audience that is not registered are an advisory naming it."""
    data = _data()
    data["letters"]["parents"] = {"wording": {"read_more": "now"}}
    found = letter_advisories(load_inspection(data))
    assert [("letters-unknown-audience", "letters.parents", "advisory")] == [
        (p.code, p.path, p.severity.value) for p in found
    ]
    assert "'parents' is not a registered audience" in found[0].message


def test_regression_wording_the_template_never_asks_for_is_an_advisory() -> None:
    """A phrase no template of the audience asks for is an advisory naming what it asks for."""
    data = _data()
    data["letters"]["director"]["wording"] = {"achievement": "real", "acheivement": "typo"}
    found = letter_advisories(load_inspection(data))
    assert [("wording-unused", "letters.director.wording.acheivement")] == [
        (p.code, p.path) for p in found
    ]
    assert "'achievement'" in found[0].message


def test_wording_of_an_audience_s_own_source_is_checked() -> None:
    """An audience's own template source is read for the phrases it asks for."""
    theirs = AudienceRegistry()
    theirs.register(
        "theirs", no_context, source="{% call set('title') %}{{ phrase('hi', 'x') }}{% endcall %}"
    )
    data = _data()
    data["letters"] = {"theirs": {"wording": {"hi": "Hello", "bye": "Bye"}}}
    found = letter_advisories(load_inspection(data), registry=theirs)
    assert ["letters.theirs.wording.bye"] == [p.path for p in found]


def test_the_example_has_no_letter_advisories() -> None:
    """The example's letters are for registered audiences and use only wording asked for."""
    assert () == letter_advisories(load_inspection(EXAMPLE))


def test_regression_validate_command_shows_the_advisories(tmp_path: Path) -> None:
    """``validate`` prints the letter advisories, and they do not fail it."""
    data = _data()
    data["letters"]["parents"] = {}
    path = tmp_path / "inspection.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert 0 == result.exit_code
    assert "advisory: letters.parents: 'parents' is not a registered audience" in result.stdout
