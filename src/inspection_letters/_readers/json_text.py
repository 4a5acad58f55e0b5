"""JSON text to plain values, refusing a key given twice in one object and NaN or Infinity.

``json`` keeps the last of a key given twice: the file says one thing, the
letter another. Each object could be checked as it is read (``_one_each``, by
``object_pairs_hook``), but making every object from its list of pairs costs
half as much again as the reading itself. So the text is read first by
``json``'s own scanner, which makes each object as a dict directly, while
counting the keys the objects hold; a key is followed by a colon, outside any
string, so where the objects hold as many keys as the text has colons outside
strings, no key was given twice. Only where they do not (or anything else is
wrong) is the text read again, each object checked, which says what is wrong
just as before.
"""

import json
import json.scanner
import re
from typing import Any

from .._errors import InvalidValueError, shown

# What json.decoder skips before and after the value.
_WHITESPACE = re.compile(r"[ \t\n\r]*").match
# A colon written as an escape: no colon in the text, one in the string read.
_ESCAPED_COLON = "\\u003"


def parse_json(text: str, colons: int | None = None) -> Any:
    """The JSON value of ``text``, as ``json.loads`` reads it, or an error.

    ``colons`` is how many colons ``text`` holds, where the caller counts them
    faster (in the UTF-8 bytes it was decoded from: a colon is one byte there,
    and no other character's bytes hold it).

    Raises what ``json.loads`` would (``JSONDecodeError``, ``RecursionError``,
    ``ValueError`` for a number of too many digits), and
    :class:`InvalidValueError` for a key given twice in one object, NaN or
    Infinity.
    """
    if text.startswith("\ufeff"):  # a byte-order mark left after one taken off: json says so
        return json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_one_each)
    try:
        value, members = _read_counting(text)
    except Exception:
        value, members = None, -1  # read again below, for the error in its words
    if colons is None:
        colons = text.count(":")
    if members != colons and (
        members < 0 or _ESCAPED_COLON in text or members + _colons_within(value) != colons
    ):
        return _DECODER.decode(text)  # each object checked: says which key is given twice
    return value


def _read_counting(text: str) -> tuple[Any, int]:
    """What ``JSONDecoder.decode`` reads, and how many keys its objects hold in all."""
    sizes: list[int] = []

    def counted(made: dict[str, Any]) -> dict[str, Any]:
        sizes.append(len(made))
        return made

    scan = json.scanner.make_scanner(_Context(counted))  # type: ignore[arg-type]
    try:
        value, end = scan(text, _skipped(text, 0))
    except StopIteration as error:
        raise json.JSONDecodeError("Expecting value", text, error.value) from None
    if _skipped(text, end) != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return value, sum(sizes)


def _skipped(text: str, start: int) -> int:
    """Where the whitespace from ``start`` ends (the pattern matches the empty string too)."""
    return _WHITESPACE(text, start).end()  # type: ignore[union-attr]


def _colons_within(value: Any) -> int:
    """How many colons the strings in ``value`` hold, its objects' keys included."""
    found = 0
    todo = [value]
    while todo:
        item = todo.pop()
        if item.__class__ is str:
            found += item.count(":")
        elif item.__class__ is dict:
            found += sum(key.count(":") for key in item)
            todo += item.values()
        elif item.__class__ is list:
            todo += item
    return found


class _Context:
    """What ``json``'s scanner reads its settings from (a decoder's attributes)."""

    __slots__ = (
        "memo",
        "object_hook",
        "object_pairs_hook",
        "parse_constant",
        "parse_float",
        "parse_int",
        "strict",
    )

    def __init__(self, object_hook: Any) -> None:
        self.strict = True
        self.object_hook = object_hook
        self.object_pairs_hook = None
        self.parse_float = float
        self.parse_int = int
        self.parse_constant = _refuse_constant
        self.memo: dict[str, str] = {}


def _one_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice in it (``json`` would keep the last)."""
    made: dict[str, Any] = dict(pairs)
    if len(made) == len(pairs):  # no key twice (nearly every object): told in C
        return made
    made = {}
    for key, value in pairs:
        if key in made:
            raise InvalidValueError(
                f"the key {shown(key)} is given twice in one object; give each key once"
            )
        made[key] = value
    return made


def _refuse_constant(name: str) -> Any:
    raise InvalidValueError(f"{name} is not a JSON number")


#: The decoder that checks each object as it is read (made once).
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, object_pairs_hook=_one_each)
