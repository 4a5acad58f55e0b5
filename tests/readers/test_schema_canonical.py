"""The JSON Schema describes the canonical form: what ``dump_inspection`` writes, always.

``load_inspection`` also reads a few lenient spellings (grades in any case,
judgements by their titles) that the schema leaves out on purpose, so that an
editor steers files to one spelling. Every generated inspection, dumped, is
valid by the schema, and reads back equal.
"""

from typing import Any

import jsonschema
from hypothesis import given, settings

from inspection_letters import Inspection, dump_inspection, inspection_schema, load_inspection
from inspection_letters.strategies import inspections
from tests.helpers import example, with_logo

VALIDATOR = jsonschema.Draft202012Validator(
    inspection_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def _errors(data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]


@settings(max_examples=150)
@given(inspections())
def test_every_dumped_inspection_is_valid_by_the_schema(inspection: Inspection) -> None:
    """What `dump_inspection` writes of any inspection the strategies make passes the schema."""
    data = dump_inspection(inspection)
    assert [] == _errors(data)
    assert inspection == load_inspection(data)


def test_dumped_example_with_a_logo_is_valid_by_the_schema() -> None:
    """An office with a logo, dumped, passes the schema too."""
    assert [] == _errors(dump_inspection(with_logo(example())))


def test_lenient_spellings_are_read_but_not_canonical() -> None:
    """A grade in lower case is read by the loader, refused by the schema, and dumped canonical."""
    data = dump_inspection(example())
    data["judgements"][0]["grade"] = data["judgements"][0]["grade"].lower()
    assert _errors(data)
    canonical = dump_inspection(load_inspection(data))
    assert [] == _errors(canonical)
    assert dump_inspection(example()) == canonical
