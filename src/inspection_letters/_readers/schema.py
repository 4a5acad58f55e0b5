"""The JSON Schema of an inspection file, made from the model itself.

Editors use it for completion and checking as users write inspection files.
It is built from the attrs classes and their checks, so it cannot drift from
what :func:`~inspection_letters.load_inspection` accepts; it describes the
canonical form (exact grade labels and stable words), which
``load_inspection`` also reads, along with a few lenient spellings.
"""

import datetime as dt
import types
import typing
from enum import Enum
from typing import Any

import attrs

from .._model import checks as _checks
from .._model.frameworks import Framework, InspectionType, JudgementArea
from .._model.grades import Grade
from .._model.inspection import Inspection, LetterDetails
from .._model.people import OFFICES, Office

_CHECK_KEYWORDS: dict[Any, dict[str, Any]] = {
    _checks.check_text: {"minLength": 1, "pattern": r"\S"},
    _checks.check_area_code: {"pattern": r"^[EWSN][0-9]{8}$"},
    _checks.check_email: {"format": "email", "pattern": r"^[^@\s]+@[^@\s]+\.[^@\s]+$"},
    _checks.check_image_uri: {"pattern": r"^data:image/[^\s,]+,\S+$"},
    _checks.check_raster_image_uri: {
        "pattern": r"^data:image/(png|jpeg|gif);base64,([A-Za-z0-9+/]{4})*"
        r"([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
    },
    _checks.check_count: {"minimum": 1},
    _checks.check_index: {"minimum": 0},
    _checks.check_year: {"minimum": 1990, "maximum": 2100},
}
_DESCRIPTIONS = {
    Grade: "A grade, by its exact label.",
    JudgementArea: "A judgement area, by its stable word.",
    Framework: "An era of the ILACS framework.",
    InspectionType: "A kind of inspection or visit.",
}


def _enum(kind: type[Enum]) -> dict[str, Any]:
    return {"enum": [member.value for member in kind], "description": _DESCRIPTIONS[kind]}


def _strip_none(kind: Any) -> Any:
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        rest = [k for k in typing.get_args(kind) if k is not type(None)]
        return rest[0] if len(rest) == 1 else kind
    return kind


class _Builder:
    def __init__(self) -> None:
        self.definitions: dict[str, Any] = {}

    def of(self, kind: Any) -> dict[str, Any]:
        kind = _strip_none(kind)
        if kind == tuple[tuple[str, str], ...]:
            text = self.of(str)
            return {"type": "object", "additionalProperties": text}
        if kind == tuple[LetterDetails, ...]:
            details = self.of_class(LetterDetails, omit=("audience",))
            return {
                "type": "object",
                "description": "Details for each audience's letter, by audience name.",
                "additionalProperties": details,
            }
        if typing.get_origin(kind) is tuple:
            return {"type": "array", "items": self.of(typing.get_args(kind)[0])}
        if kind is str:
            return {"type": "string", **_CHECK_KEYWORDS[_checks.check_text]}
        if kind is int:
            return {"type": "integer"}
        if kind is bool:
            return {"type": "boolean"}
        if kind is dt.date:
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        if isinstance(kind, type) and issubclass(kind, Enum):
            return _enum(kind)
        if kind is Office:
            return {
                "oneOf": [
                    {"enum": list(OFFICES), "description": "One of the offices the library ships."},
                    self.of_class(Office),
                ]
            }
        if attrs.has(kind):
            return self.of_class(kind)
        raise TypeError(f"no JSON Schema for {kind!r}")

    def of_class(self, cls: type, omit: tuple[str, ...] = ()) -> dict[str, Any]:
        name = cls.__name__ if not omit else f"{cls.__name__}InFile"
        if name not in self.definitions:
            self.definitions[name] = {}  # reserve the name: classes may refer to themselves
            hints = typing.get_type_hints(cls)
            properties: dict[str, Any] = {}
            required = []
            for field in attrs.fields(cls):
                if field.name in omit:
                    continue
                schema = dict(self.of(hints[field.name]))
                check = field.metadata.get("check")
                if check in _CHECK_KEYWORDS and check is not _checks.check_lines:
                    schema.update(_CHECK_KEYWORDS[check])
                properties[field.name] = schema
                if field.default is attrs.NOTHING:
                    required.append(field.name)
            self.definitions[name] = {
                "type": "object",
                "description": (cls.__doc__ or "").strip().split("\n")[0],
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}


def inspection_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an inspection file.

    >>> schema = inspection_schema()
    >>> schema["required"]
    ['authority', 'type']
    """
    builder = _Builder()
    builder.of_class(Inspection)
    root = dict(builder.definitions.pop("Inspection"))
    root["properties"] = {
        "$schema": {"type": "string", "description": "The schema the file follows."},
        **root["properties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "An ILACS inspection, as inspection_letters reads it",
        **root,
        "$defs": builder.definitions,
    }
