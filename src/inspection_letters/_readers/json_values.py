"""Single JSON values as the model's: whole numbers, dates, enums, and which hook a type takes.

Both of ``json_files``' converters read these alike: the detailed one, which
words every error, and the fast one (``fast_converter``), which reads a good
file first. Each hook takes a value and its type and returns the model's value,
or raises :class:`InvalidValueError` with the reason.
"""

import datetime as dt
import re
import types
import typing
from typing import Any

import attrs
from cattrs import Converter

from .._errors import InvalidValueError, shown
from .._model.frameworks import Framework, InspectionType, JudgementArea
from .._model.grades import Grade
from .._model.inspection import LetterDetails

#: An inspection's letter details: an object by audience in a file.
LETTERS = tuple[LetterDetails, ...]
#: A letter's wording: an object of phrases by name in a file.
WORDING = tuple[tuple[str, str], ...]
#: The enums a file names by stable word.
ENUMS = (Grade, JudgementArea, Framework, InspectionType)

_OWN_MODULE = __name__.split(".", 1)[0] + "."
# Only the calendar form: fromisoformat would also read week dates such as 2022-W06-1.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def structure_int(value: Any, _: type) -> int:
    """A whole number as it is; true and false are not numbers here."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(f"{shown(value)} is not a whole number")
    return value


def structure_date(value: Any, _: type) -> dt.date:
    """A date written ``YYYY-MM-DD``, which the calendar has."""
    if not isinstance(value, str) or _ISO_DATE.fullmatch(value) is None:
        return _bad_date(value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        # Written as a date, but no calendar has it: 2022-02-31, 2022-13-01.
        raise InvalidValueError(f"{shown(value)} is not a real date: {error}") from None


def _bad_date(value: Any) -> dt.date:
    raise InvalidValueError(f"{shown(value)} is not a date; write it as 'YYYY-MM-DD'")


def enum_hook(kind: type[Grade | JudgementArea | Framework | InspectionType]) -> Any:
    """The hook of one of the model's enums: its own ``parse``, which words the error."""
    return lambda value, _: kind.parse(value)


def register_common(made: Converter) -> None:
    """The structure hooks both converters share: whole numbers, dates and enums."""
    made.register_structure_hook(int, structure_int)
    made.register_structure_hook(dt.date, structure_date)
    for kind in ENUMS:
        made.register_structure_hook(kind, enum_hook(kind))


def is_tuple_of(kind: Any) -> bool:
    """Whether ``kind`` is ``tuple[X, ...]``."""
    arguments: tuple[Any, ...] = getattr(kind, "__args__", ())
    homogeneous = len(arguments) == 2 and arguments[1] is ...
    return typing.get_origin(kind) is tuple and homogeneous


def is_list_type(kind: Any) -> bool:
    """Whether ``kind`` is read from a JSON list: a ``tuple[X, ...]`` but letters and wording."""
    return is_tuple_of(kind) and kind not in (LETTERS, WORDING)


def is_optional(kind: Any) -> bool:
    """Whether ``kind`` is ``X | None``."""
    arguments = getattr(kind, "__args__", ())
    union = typing.get_origin(kind) in (typing.Union, types.UnionType)
    return union and len(arguments) == 2 and type(None) in arguments


def is_own_attrs_class(kind: Any) -> bool:
    """Whether ``kind`` is one of the library's attrs classes."""
    return attrs.has(kind) and getattr(kind, "__module__", "").startswith(_OWN_MODULE)
