"""The converter ``load_inspection`` tries first: each value checked once, by the validators.

The detailed converter (``json_files``) checks every value in its hooks too, so
that it can report every bad field at once, where attrs stops at the first. A
file with nothing wrong (nearly all) needs that only to be sure; so this
converter, without the hooks' checks or cattrs' detailed errors, reads it
first, and only where it fails does the detailed one read the file again to say
why. It must accept nothing the detailed one refuses, and read what it accepts
to the same inspection (``tests/readers/test_json.py`` holds it to both, on
generated inspections and on each of their values changed). Every text field
of the model has a validator at least as strict as the detailed converter's
check of text (the same tests check).

Each of the model's classes is read by a function written for it when the
converter is made (:func:`_structure_fn`): what cattrs' ``make_dict_structure_fn``
writes, without its dict of the optional fields given and its ``**`` call, and
with the commonest values (text, whole numbers, stable words, dates) looked at
in place rather than by a hook.
"""

import datetime as dt
import itertools
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

import attrs
from cattrs import Converter

from .._model.frameworks import Framework, InspectionType, JudgementArea
from .._model.grades import Grade
from .._model.inspection import LetterDetails
from .._model.people import Office, office
from .json_values import (
    ENUMS,
    LETTERS,
    WORDING,
    is_list_type,
    is_optional,
    is_own_attrs_class,
    is_tuple_of,
    register_common,
    structure_date,
)

_STR_ONLY = frozenset({str})


class _NotReadError(Exception):
    """What the fast converter cannot read; the detailed converter says why."""


def _structure_plain_str(value: Any, _: type) -> str:
    if value.__class__ is not str:
        raise _NotReadError  # the detailed path says why
    return str(value)


def _structure_wording(value: Any, _: type) -> WORDING:
    # Names and phrases of exactly str, for the validator of LetterDetails to check as text.
    if value.__class__ is not dict:
        raise _NotReadError
    if not (
        _STR_ONLY.issuperset(map(type, value)) and _STR_ONLY.issuperset(map(type, value.values()))
    ):
        raise _NotReadError
    return tuple(value.items())


def _enum_hook(kind: type[Grade | JudgementArea | Framework | InspectionType]) -> Any:
    # A stable word as it is (nearly every file's) names its member; parse reads the rest.
    members = kind._value2member_map_

    def structure(value: Any, _: type) -> Any:
        found = members.get(value) if value.__class__ is str else None
        return found if found is not None else kind.parse(value)

    return structure


def _tuple_factory(made: Converter) -> Callable[[Any], Any]:
    def factory(kind: Any) -> Any:
        inner = kind.__args__[0]
        hook = made.get_structure_hook(inner)
        objects = attrs.has(inner)

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            # What the detailed converter's _list_hook reads: a list, of objects where
            # its items are attrs classes.
            if not isinstance(value, list | tuple):
                raise _NotReadError
            if objects and not all(isinstance(item, Mapping) for item in value):
                raise _NotReadError
            return tuple([hook(item, inner) for item in value])

        return structure

    return factory


def make_fast_converter(shipped_office: Callable[[Any], Any]) -> Converter:
    """The fast converter; ``shipped_office`` merges a shipped office named by key into its fields.

    An office is read as the detailed converter reads it: given by its key alone,
    the shipped office; as an object naming a shipped office's key without an
    address, that office's fields with the object's own added.
    """
    made = Converter(detailed_validation=False, forbid_extra_keys=True)
    made.register_structure_hook_factory(is_tuple_of, _tuple_factory(made))
    made.register_structure_hook(str, _structure_plain_str)
    register_common(made)
    made.register_structure_hook(dt.date, structure_date)
    made.register_structure_hook_func(lambda t: t == WORDING, _structure_wording)
    for kind in ENUMS:
        made.register_structure_hook(kind, _enum_hook(kind))
    made.register_structure_hook_factory(is_own_attrs_class, lambda cls: _structure_fn(cls, made))
    office_from_dict = _structure_fn(Office, made)

    def structure_office(value: Any, _: type) -> Office:
        if isinstance(value, str):
            return office(value)
        made_office: Office = office_from_dict(shipped_office(value), Office)
        return made_office

    made.register_structure_hook(Office, structure_office)
    details_from_dict = made.get_structure_hook(LetterDetails)

    def structure_letters(value: Any, _: type) -> LETTERS:
        if value.__class__ is not dict and not isinstance(value, Mapping):
            raise _NotReadError
        found = []
        for audience, details in value.items():
            if details.__class__ is not dict and not isinstance(details, Mapping):
                raise _NotReadError
            if "audience" in details:
                raise _NotReadError  # the detailed path says why
            found.append(details_from_dict({**details, "audience": audience}, LetterDetails))
        return tuple(found)

    made.register_structure_hook_func(lambda t: t == LETTERS, structure_letters)
    return made


def _structure_fn(cls: type, made: Converter) -> Callable[[Any, Any], Any]:
    """The structure function of ``cls``, written for it: each field read and passed once.

    Each field's value is read from the object (a missing one is its default),
    structured in place where it is text of exactly ``str``, a whole number of
    exactly ``int``, a stable word or a date read before, by the converter's
    hook otherwise, and passed to ``cls`` by name. Anything it cannot read
    raises, for the detailed converter to word.
    """
    fields = attrs.fields(cls)
    env: dict[str, Any] = {
        "__cl": cls,
        "_Mapping": Mapping,
        "_NotReadError": _NotReadError,
        "_known": frozenset(field.name for field in fields),
        "_str_only": _STR_ONLY,
    }
    lines = ["def structure(o, _=None):"]
    every = _every_value(cls)
    if every is not None:  # a judgement: one of a few values, each made once
        env["_every"] = every
        keys = ", ".join(f"o.get({field.name!r})" for field in fields)
        lines += [
            f"    if o.__class__ is dict and len(o) == {len(fields)}:",
            f"        _w = _every.get(({keys},))",
            "        if _w is not None:",
            "            return _w",
        ]
    lines += [
        "    if o.__class__ is not dict and not isinstance(o, _Mapping):",
        "        raise _NotReadError",
        "    if not _known.issuperset(o):",  # an unknown field
        "        raise _NotReadError",
    ]
    arguments = []
    for number, field in enumerate(fields):
        var = f"v{number}"
        kind = field.type
        inner = next(a for a in kind.__args__ if a is not type(None)) if is_optional(kind) else kind
        read = _read_value(inner, var, str(number), env, made)
        if inner is not kind:
            read = [f"if {var} is not None:", *(f"    {line}" for line in read)]
        if field.default is attrs.NOTHING:
            lines += [f"    {var} = o[{field.name!r}]", *(f"    {line}" for line in read)]
        elif field.default is None:
            lines += [f"    {var} = o.get({field.name!r})", *(f"    {line}" for line in read)]
        else:
            lines += [
                f"    if {field.name!r} in o:",
                f"        {var} = o[{field.name!r}]",
                *(f"        {line}" for line in read),
                "    else:",
                f"        {var} = {_default(field, number, env)}",
            ]
        arguments.append(f"{field.alias or field.name}={var}")
    lines.append(f"    return __cl({', '.join(arguments)})")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), f"<fast structure {cls.__qualname__}>", "exec"), env, namespace)
    structure: Callable[[Any, Any], Any] = namespace["structure"]
    return structure


def _default(field: "attrs.Attribute[Any]", number: int, env: dict[str, Any]) -> str:
    """The expression of a field's default, as attrs would make it."""
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            raise TypeError(f"{field.name}: a default made from the instance is not supported")
        env[f"_d{number}"] = default.factory
        return f"_d{number}()"
    env[f"_d{number}"] = default
    return f"_d{number}"


def _every_value(cls: type) -> dict[tuple[Any, ...], Any] | None:
    """Every value of ``cls`` by its fields' stable words, where its fields are all enums.

    A judgement is one of 24 (6 areas, 4 grades), immutable: made once here, a
    file's judgement is found, not made again. ``None`` for any other class.
    """
    fields = attrs.fields(cls)
    kinds = [field.type for field in fields]
    enums = all(isinstance(k, type) and issubclass(k, Enum) for k in kinds)
    if not enums or any(field.default is not attrs.NOTHING for field in fields):
        return None
    return {
        tuple(member.value for member in members): cls(
            **{f.alias or f.name: member for f, member in zip(fields, members, strict=True)}
        )
        for members in itertools.product(*kinds)
    }


def _read_value(kind: Any, var: str, tag: str, env: dict[str, Any], made: Converter) -> list[str]:
    """The lines that structure ``var``, a value of ``kind`` (not ``None``), in place."""
    if kind is str:
        return [f"if {var}.__class__ is not str:", "    raise _NotReadError"]
    env[f"_h{tag}"] = made.get_structure_hook(kind)
    env[f"_t{tag}"] = kind
    call = f"_h{tag}({var}, _t{tag})"
    hook = f"{var} = {call}"
    if kind is int:
        return [f"if {var}.__class__ is not int:", f"    {hook}"]
    looked_up: Mapping[str, Any] | None = None  # a value by its text
    if isinstance(kind, type) and issubclass(kind, Enum):
        looked_up = kind._value2member_map_  # a stable word's member
    if looked_up is not None:
        env[f"_m{tag}"] = looked_up
        return [
            f"_w = _m{tag}.get({var}) if {var}.__class__ is str else None",
            f"{var} = _w if _w is not None else {call}",
        ]
    if is_list_type(kind):
        item = kind.__args__[0]
        if item is str:  # a list of text, for the field's validator to check
            return [
                f"if {var}.__class__ is not list or not _str_only.issuperset(map(type, {var})):",
                f"    {hook}",
            ]
        if is_own_attrs_class(item):  # each item's function says whether it is an object
            env[f"_i{tag}"] = made.get_structure_hook(item)
            env[f"_r{tag}"] = itertools.repeat(item)
            return [
                f"if {var}.__class__ is list:",
                f"    {var} = tuple(map(_i{tag}, {var}, _r{tag}))",
                "else:",
                f"    {hook}",
            ]
    return [hook]
