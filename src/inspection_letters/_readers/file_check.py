"""Every problem of an inspection file: its bad fields, and the rules as far as they allow.

A file with a bad field cannot become an :class:`Inspection`, but a user fixing
it wants every other problem too. So the bad parts are set aside (a list's bad
items, an optional field's bad value), the rest is read and checked against the
framework's rules, and the rules' findings about the parts set aside are left
out, since they would only repeat the field's own problem.
"""

import os
import re
from collections.abc import Mapping
from typing import Any

import attrs

from .._errors import InspectionFileError
from .._model.inspection import Inspection
from .._model.rules import Problem, Severity, validate
from .json_files import load_inspection, read_json

#: The code of a problem with a field's value, rather than with a rule.
INVALID_FIELD = "invalid-field"

_REQUIRED = frozenset(f.name for f in attrs.fields(Inspection) if f.default is attrs.NOTHING)
_PATH = re.compile(r"(?P<key>[A-Za-z_$]+)(?:\[(?P<index>\d+)\])?")


def _field_problems(error: InspectionFileError) -> list[Problem]:
    return [
        Problem(code=INVALID_FIELD, severity=Severity.ERROR, message=reason, path=path)
        for path, reason in error.problems
    ]


def _set_aside(data: dict[str, Any], paths: list[str]) -> set[str] | None:
    """Remove the parts of ``data`` the bad ``paths`` are in; ``None`` where it cannot."""
    removed: set[str] = set()
    bad_items: dict[str, set[int]] = {}
    for path in paths:
        match = _PATH.match(path)
        if match is None or match["key"] in _REQUIRED or match["key"] not in data:
            return None
        key = match["key"]
        removed.add(key)
        if match["index"] is not None and isinstance(data[key], list):
            bad_items.setdefault(key, set()).add(int(match["index"]))
        else:
            bad_items[key] = {-1}
    for key, indexes in bad_items.items():
        if -1 in indexes:
            del data[key]
        else:
            data[key] = [item for i, item in enumerate(data[key]) if i not in indexes]
    return removed


def _top_key(path: str) -> str:
    match = _PATH.match(path)
    return match["key"] if match is not None else path


def validate_file(source: str | os.PathLike[str] | Mapping[str, Any]) -> tuple[Problem, ...]:
    """Every problem of an inspection file (or mapping): bad fields first, then the rules'.

    Bad fields have the code ``'invalid-field'``.

    >>> problems = validate_file({"authority": {"name": "Harrow"}, "type": "standard",
    ...                           "judgements": [{"area": "leaders", "grade": "Very good"}]})
    >>> [(p.code, p.path) for p in problems]
    [('invalid-field', 'judgements[0].grade'), ('era-unknown', 'start')]
    """
    try:
        raw = source if isinstance(source, Mapping) else read_json(source)
        if not isinstance(raw, Mapping):
            # Not load_inspection(raw): a file holding a string would be read as a path.
            name = "the inspection" if isinstance(source, Mapping) else repr(str(source))
            problem = ("(top level)", "is not an object")
            raise InspectionFileError(f"{name} is not an inspection", [problem])
    except InspectionFileError as error:
        return tuple(_field_problems(error))
    data = dict(raw)
    found: list[Problem] = []
    set_aside: set[str] = set()
    for _ in range(3):  # each pass sets aside more; a few passes reach everything
        try:
            inspection = load_inspection(data)
        except InspectionFileError as error:
            found.extend(_field_problems(error))
            removed = _set_aside(data, [p.path for p in _field_problems(error)])
            if removed is None:
                return tuple(found)
            set_aside |= removed
            continue
        rules = [p for p in validate(inspection) if _top_key(p.path) not in set_aside]
        return tuple(found + rules)
    return tuple(found)
