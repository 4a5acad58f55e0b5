"""The example inspection, shipped inside the package so that it is there after ``pip install``.

It is the inspection of Gloucestershire's children's services of February 2022,
behind the two seed letters. A checkout also has it as
``examples/gloucestershire-2022.json``; a test keeps the two the same.
"""

from importlib.resources import files

from .._model.inspection import Inspection
from .json_files import load_inspection

#: The example's file name, in the package's ``_readers/data`` and in ``examples/``.
EXAMPLE_NAME = "gloucestershire-2022.json"


def example_json() -> str:
    """The example inspection file's JSON text, as shipped with the package."""
    return files(__package__).joinpath("data", EXAMPLE_NAME).read_text(encoding="utf-8")


def example_inspection() -> Inspection:
    """The example inspection, Gloucestershire 2022, read from the copy the package ships.

    It needs no file of your own, so it works straight after ``pip install``:

    >>> from inspection_letters import example_inspection, render_letter
    >>> inspection = example_inspection()
    >>> inspection.authority.name, inspection.start.isoformat()
    ('Gloucestershire', '2022-02-07')
    >>> render_letter(inspection, "director").salutation
    'Dear Chris'
    """
    import json

    return load_inspection(json.loads(example_json()))
