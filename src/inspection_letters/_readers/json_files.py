"""JSON in and out: the library's own cattrs converter, and its error messages.

Serialisation stays at this edge. The converter is built once, never cattrs'
global one; it refuses what it would otherwise guess (a number where text is
expected, a field it does not know), and every failure is reported with the
path of the field it is in, all of them at once.
"""

import codecs
import datetime as dt
import json
import os
import sys
import typing
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import Any

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .._errors import InspectionFileError, InspectionLettersError, InvalidValueError, shown
from .._model.checks import check_text
from .._model.frameworks import Framework, InspectionType, JudgementArea
from .._model.grades import Grade
from .._model.inspection import Inspection, LetterDetails
from .._model.people import OFFICES, Office, office
from .fast_converter import make_fast_converter
from .input_files import read_input
from .json_text import parse_json
from .json_values import (
    LETTERS,
    WORDING,
    is_list_type,
    is_own_attrs_class,
    register_common,
)

_Letters = LETTERS
_Wording = WORDING
# A file may name the JSON Schema it follows, for editors; it is not data.
_SCHEMA_KEY = "$schema"


def _structure_str(value: Any, _: type) -> str:
    return check_text(value)


def _kind_of(value: Any) -> str:
    """What a JSON value is, in words, for a message about a wrong shape."""
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


def _example_of(kind: Any) -> str:
    """What one item of a list of ``kind`` looks like: its required fields, ``{"text": ...}``."""
    if attrs.has(kind):
        required = [f.alias or f.name for f in attrs.fields(kind) if f.default is attrs.NOTHING]
        return "{" + ", ".join(f'"{name}": ...' for name in required) + "}"
    return '"..."'


def _shown_as(value: Any) -> str:
    # A list or object is not printed: the path and its kind say what is wrong.
    return "" if isinstance(value, Mapping | list | tuple) or value is None else f"{shown(value)} "


def _list_hook(name: str | None, item: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    """A hook for a list of ``item``: a wrong shape is one error saying what to write.

    cattrs would iterate a string as its characters (an error for each), read an
    object's keys as positions, and call ``.keys()`` on a string where an object
    belongs (``AttributeError``).
    """
    example = _example_of(item)

    def structure(value: Any, kind: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            must = f"; {name} must be a list" if name else ""
            raise InvalidValueError(
                f"{_shown_as(value)}is {_kind_of(value)}, not a list{must}, such as [{example}]"
            )
        found: list[Any] = []
        problems: list[Exception] = []
        for index, element in enumerate(value):
            try:
                if attrs.has(item) and not isinstance(element, Mapping):
                    raise InvalidValueError(
                        f"{_shown_as(element)}is {_kind_of(element)}, not an object; "
                        f"write {example}"
                    )
                found.append(converter.structure(element, item))
            except Exception as error:
                note = IterableValidationNote(f"Structuring {kind!r} @ index {index}", index, item)
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                problems.append(error)
        if problems:
            raise IterableValidationError(f"While structuring {kind!r}", problems, kind)
        return tuple(found)

    return structure


def _structure_office(value: Any, _: type) -> Office:
    if isinstance(value, str):
        return office(value)
    made: Office = _office_from_dict(_with_shipped_office(value), Office)
    return made


def _with_shipped_office(value: Any) -> Any:
    if isinstance(value, Mapping) and "address" not in value and value.get("key") in OFFICES:
        # A shipped office by its key, with fields of its own (a logo, say) added.
        value = {**_office_to_dict(OFFICES[value["key"]]), **value}
    return value


def _unstructure_office(value: Office) -> Any:
    return value.key if OFFICES.get(value.key) == value else _office_to_dict(value)


def _structure_wording(value: Any, _: type) -> _Wording:
    if not isinstance(value, Mapping):
        raise InvalidValueError(f"{shown(value)} is not an object of phrases by name")
    problems: list[Exception] = []
    for name, text in value.items():
        try:
            check_text(name)
        except InvalidValueError as error:
            problems.append(InvalidValueError(f"the name of a phrase: {error}"))
        try:
            check_text(text)
        except InvalidValueError as error:
            problems.append(_noted(error, str(name)))
    if problems:
        raise ClassValidationError("While structuring wording", problems, dict)
    return tuple((str(name), str(text)) for name, text in value.items())


def _structure_letters(value: Any, _: type) -> _Letters:
    if not isinstance(value, Mapping):
        raise InvalidValueError(f"{shown(value)} is not an object of letter details by audience")
    found: list[LetterDetails] = []
    problems: list[Exception] = []
    for audience, details in value.items():
        try:
            if not isinstance(details, Mapping):
                raise InvalidValueError(f"{shown(details)} is not an object")
            if "audience" in details:
                raise InvalidValueError("names its audience twice: the key is the audience")
            found.append(_details_from_dict({**details, "audience": audience}, LetterDetails))
        except Exception as error:
            problems.append(_noted(error, str(audience)))
    if problems:
        raise ClassValidationError("While structuring letters", problems, dict)
    return tuple(found)


def _unstructure_letters(value: _Letters) -> dict[str, Any]:
    result = {}
    for details in value:
        plain = _details_to_dict(details)
        del plain["audience"]
        result[details.audience] = plain
    return result


def _noted(error: Exception, name: str) -> Exception:
    # The name is a key of the file's, and becomes part of a path that is printed:
    # what cannot be printed (a lone surrogate, a control character) is escaped.
    name = "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)
    error.__notes__ = [*getattr(error, "__notes__", []), AttributeValidationNote(name, name, Any)]
    return error


def _checked_hook(check: Callable[[Any], Any], kind: Any) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if value is None and type(None) in getattr(kind, "__args__", ()):
            return None
        return check(converter.structure(value, kind))

    return structure


def _structure_factory(cls: type) -> Callable[[Any, Any], Any]:
    overrides = {
        field.name: override(struct_hook=_checked_hook(field.metadata["check"], field.type))
        for field in attrs.fields(cls)
        if "check" in field.metadata
    }
    for field in attrs.fields(cls):
        if field.name not in overrides and is_list_type(field.type):
            hook = _list_hook(field.alias or field.name, typing.get_args(field.type)[0])
            overrides[field.name] = override(struct_hook=hook)
    made: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cls,
        converter,
        _cattrs_forbid_extra_keys=True,
        **overrides,  # type: ignore[arg-type]
    )
    return made


def _make_converter() -> Converter:
    made = Converter(detailed_validation=True, forbid_extra_keys=True, omit_if_default=True)
    # First, so that the hooks of letters and wording below, registered later, win.
    made.register_structure_hook_func(
        is_list_type, lambda value, kind: _list_hook(None, typing.get_args(kind)[0])(value, kind)
    )
    made.register_structure_hook(str, _structure_str)
    register_common(made)
    made.register_structure_hook_func(lambda t: t == _Wording, _structure_wording)
    made.register_unstructure_hook(dt.date, dt.date.isoformat)
    for kind in (Grade, JudgementArea, Framework, InspectionType):
        made.register_unstructure_hook(kind, _enum_value)
    made.register_structure_hook(Office, _structure_office)
    made.register_unstructure_hook(Office, _unstructure_office)
    made.register_unstructure_hook_func(lambda t: t == _Wording, dict)
    made.register_structure_hook_func(lambda t: t == _Letters, _structure_letters)
    made.register_unstructure_hook_func(lambda t: t == _Letters, _unstructure_letters)
    made.register_structure_hook_factory(is_own_attrs_class, _structure_factory)
    return made


def _enum_value(member: Enum) -> Any:
    return member.value


converter = _make_converter()
_office_from_dict = _structure_factory(Office)
_office_to_dict = make_dict_unstructure_fn(Office, converter, _cattrs_omit_if_default=True)
_details_from_dict = _structure_factory(LetterDetails)
_details_to_dict = make_dict_unstructure_fn(LetterDetails, converter, _cattrs_omit_if_default=True)
_fast = make_fast_converter(_with_shipped_office)
_fast_inspection = _fast.get_structure_hook(Inspection)


def field_errors(error: BaseException, path: str = "") -> Iterator[tuple[str, str]]:
    """Each ``(path, reason)`` in a cattrs error tree, paths like ``judgements[2].grade``."""
    if isinstance(error, IterableValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            yield from field_errors(inner, f"{path}[{note.index!r}]")
        for inner in without:
            yield from field_errors(inner, path)
    elif isinstance(error, ClassValidationError):
        noted, rest = error.group_exceptions()
        for inner, attribute in noted:
            yield from field_errors(inner, f"{path}.{attribute.name}" if path else attribute.name)
        for inner in rest:
            yield from field_errors(inner, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        names = ", ".join(shown(k) for k in sorted(error.extra_fields))
        valid = ", ".join(repr(f.alias or f.name) for f in attrs.fields(error.cl))
        yield path or "(top level)", f"unknown field(s) {names}; expected only {valid}"
    elif isinstance(error, KeyError):
        yield path or "(top level)", "is required but missing"
    elif isinstance(error, InspectionLettersError):
        yield path or "(top level)", str(error)
    else:
        yield path or "(top level)", f"{error} ({type(error).__name__})"


def read_json(source: str | os.PathLike[str]) -> Any:
    """The JSON value in the file at ``source``, or :class:`InspectionFileError` saying why not."""
    path = source if isinstance(source, Path) else Path(source)
    try:
        # A byte-order mark, which Windows editors write, is not part of the JSON.
        data = read_input(path)
        # What decoding by "utf-8-sig" does (its errors too), by the faster "utf-8".
        text = (data[3:] if data.startswith(codecs.BOM_UTF8) else data).decode("utf-8")
        colons = data.count(b":")  # faster than in the text (a mark holds none)
    except (OSError, ValueError) as error:
        if isinstance(error, InvalidValueError):
            reason = str(error)  # not a regular file, or too large
        elif isinstance(error, OSError):
            reason = error.strerror or str(error)
        elif isinstance(error, UnicodeDecodeError):
            reason = f"not UTF-8 text ({error})"
        else:  # a NUL or a lone surrogate: no file has such a name
            reason = f"is not a path a file can have ({error})"
        raise InspectionFileError(f"cannot read {str(path)!r}", [("(file)", reason)]) from None
    try:
        return parse_json(text, colons)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise InspectionFileError(
            f"{str(path)!r} is not valid JSON", [("(file)", f"{error.msg} at {where}")]
        ) from None
    except (RecursionError, InvalidValueError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        raise InspectionFileError(
            f"{str(path)!r} is not valid JSON", [("(file)", reason)]
        ) from None
    except ValueError:
        # Python reads no whole number of more digits than sys.get_int_max_str_digits().
        limit = f"{sys.get_int_max_str_digits():,}"
        reason = f"holds a whole number of more than {limit} digits, too long to read"
        raise InspectionFileError(f"{str(path)!r} cannot be read", [("(file)", reason)]) from None


def load_inspection(
    source: str | os.PathLike[str] | Mapping[str, Any], *, strict: bool = False
) -> Inspection:
    """Read an inspection from a JSON file's path, or from a mapping of plain values.

    Every bad field is reported in one :class:`InspectionFileError`, by its
    path. With ``strict``, an inspection that breaks error-level rules of the
    framework raises :class:`InvalidInspectionError` too.

    >>> load_inspection({"authority": {"name": "Harrow"}, "type": "standard",
    ...                  "judgements": [{"area": "leaders", "grade": "Very good"}]})
    Traceback (most recent call last):
    ...
    inspection_letters._errors.InspectionFileError: the inspection has 1 bad field(s):
      judgements[0].grade: 'Very good' is not a grade; expected one of 'Outstanding', \
'Good', 'Requires improvement to be good', 'Inadequate'
    """
    data: Any = source
    # Path before os.PathLike, and dict before Mapping: isinstance tells them in C, where
    # an abstract class takes a call of its own.
    if isinstance(source, (str, Path, os.PathLike)):
        data = read_json(source)
    if data.__class__ is not dict and not isinstance(data, Mapping):
        raise InspectionFileError(
            f"{_name_of(source)} is not an inspection", [("(top level)", "is not an object")]
        )
    if _SCHEMA_KEY in data or type(data) is not dict:
        data = {k: v for k, v in data.items() if k != _SCHEMA_KEY}
    inspection: Inspection | None
    try:
        inspection = _fast_inspection(data, Inspection)
    except Exception:
        inspection = None  # the detailed converter, below, says what is wrong
    if inspection is None:
        name = _name_of(source)
        try:
            inspection = converter.structure(data, Inspection)
        except RecursionError:
            raise InspectionFileError(name, [("(top level)", "is nested too deeply")]) from None
        except Exception as error:
            problems = list(field_errors(error))
            message = f"{name} has {len(problems)} bad field(s)"
            raise InspectionFileError(message, problems) from None
    if strict:
        from .._model.rules import check

        check(inspection)
    return inspection


def _name_of(source: str | os.PathLike[str] | Mapping[str, Any]) -> str:
    """What a message calls the inspection: its file's path, quoted, or "the inspection"."""
    return repr(str(source)) if isinstance(source, (str, os.PathLike)) else "the inspection"


def dump_inspection(inspection: Inspection) -> dict[str, Any]:
    """``inspection`` as plain JSON values; :func:`load_inspection` reads it back equal.

    >>> from inspection_letters import Inspection, InspectionType, LocalAuthority
    >>> dump_inspection(Inspection(authority=LocalAuthority(name="Barnet"),
    ...                            type=InspectionType.SHORT))
    {'authority': {'name': 'Barnet'}, 'type': 'short'}
    """
    result: dict[str, Any] = converter.unstructure(inspection, Inspection)
    return result
