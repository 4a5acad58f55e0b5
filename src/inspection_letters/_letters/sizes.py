"""What one operation of a user's template would make, worked out before it runs.

The sandbox (:mod:`.sandbox`) asks these before each repetition, join,
format, power, filter and method call: how many characters or items the
result would have, from the operands alone. A list is counted by the
characters it takes written out (:func:`text_size`), not by its items, since
twenty references to a string of a million characters print as twenty
million; formats count each field at the size of the largest argument it may
take. Whatever is over :data:`MAX_SIZE` raises Jinja's ``SecurityError``.
"""

import re
import string
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from jinja2.exceptions import SecurityError

#: The most characters (of text) or items (of a list) one operation may make.
MAX_SIZE = 10_000_000
#: The most binary digits the result of ``**`` may have.
MAX_POWER_BITS = 10_000

SIZED = (str, bytes, list, tuple, dict, set, frozenset)
CONTAINERS = (list, tuple, dict, set, frozenset)
# A field of printf-style formatting: flags, then a width and a precision.
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?[hlL]?(.)", re.DOTALL)
_DIGITS = re.compile(r"\d+")


def size(value: object) -> int:
    return len(value) if isinstance(value, SIZED) else 0


def refuse(what: str, size: int) -> SecurityError:
    return SecurityError(
        f"{what} would make {size:,} characters or items; "
        f"a template may make at most {MAX_SIZE:,} at once"
    )


def within(what: str, size: int) -> None:
    if size > MAX_SIZE:
        raise refuse(what, size)


def within_bits(what: str, bits: int) -> None:
    if bits > MAX_POWER_BITS:
        raise SecurityError(
            f"{what} would make a number of some {bits:,} binary digits; "
            f"a template may make at most {MAX_POWER_BITS:,}"
        )


def is_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def whole(value: object, default: int) -> int:
    """``value`` where it is a whole number, else ``default``."""
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def check_numbers(what: str, values: Iterable[object]) -> None:
    for value in values:
        if is_number(value) and abs(value) > MAX_SIZE:  # type: ignore[arg-type]
            raise SecurityError(
                f"{what} was given a number larger than {MAX_SIZE:,}, the most a template "
                "may give a filter or a method of text"
            )


def _number(digits: str) -> int:
    # A run of digits far too long to be a width is refused without reading it whole.
    return int(digits) if len(digits) <= 18 else MAX_SIZE + 1


def percent_widths(template: str) -> int:
    """The sum of the widths and precisions of a ``%`` format, refusing ``*``."""
    total = 0
    for match in _PERCENT_FIELD.finditer(template):
        for part in match.group(1, 2):
            if part == "*":
                raise SecurityError("a '%' format may not take its width from its arguments")
            total += _number(part) if part else 0
    return total


def brace_widths(template: str) -> int:
    """The sum of the numbers in the specs of a ``str.format`` template, refusing nested fields."""
    total = 0
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return 0  # str.format will say what is wrong with it
    for _, _, spec, _ in fields:
        if spec and "{" in spec:
            raise SecurityError("a format may not take its width from its arguments")
        total += sum(_number(d) for d in _DIGITS.findall(spec or ""))
    return total


def bounded(what: str, items: Iterable[Any]) -> list[Any]:
    """``items`` as a list, stopping as soon as they grow past the limit together."""
    found: list[Any] = []
    total = 0
    for item in items:
        total += 1 + size(item)
        within(what, total)
        found.append(item)
    return found


def text_size(value: object, limit: int = MAX_SIZE) -> int:
    """At least how many characters ``value`` takes written out (``str``, ``repr`` or JSON).

    Counted without writing it, and only until the count passes ``limit``: a
    list of twenty references to a string of a million characters is twenty
    million characters printed, though it holds twenty items.
    """
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, bool) or value is None:
        return 4
    if isinstance(value, int):
        return abs(value).bit_length() * 3 // 10 + 1  # decimal digits, about
    if isinstance(value, Mapping):
        items: Iterable[object] = (part for pair in value.items() for part in pair)
    elif isinstance(value, list | tuple | set | frozenset):
        items = value
    else:
        return 0  # the model's values and Jinja's own: bounded by the data they hold
    total = 2
    for item in items:
        total += text_size(item, limit - total) + 2
        if total > limit:
            break
    return total


def _largest(values: Iterable[object]) -> int:
    """The most characters any of ``values`` takes written out, stopping past the limit."""
    largest = 0
    for value in values:
        largest = max(largest, text_size(value))
        if largest > MAX_SIZE:
            break
    return largest


def arguments(value: object) -> Iterable[object]:
    """What a ``%`` format takes its fields from: a tuple's items, a mapping's values, or it."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, Mapping):
        return value.values()
    return (value,)


def percent_fields(template: str) -> int:
    return sum(match.group(3) != "%" for match in _PERCENT_FIELD.finditer(template))


def brace_fields(template: str) -> int:
    try:
        return sum(field is not None for _, field, _, _ in string.Formatter().parse(template))
    except ValueError:
        return 0  # str.format will say what is wrong with it


def formatted(template: str | bytes, widths: int, fields: int, values: Iterable[object]) -> int:
    """What a format makes at most: the template, the widths, and each field's largest value."""
    return len(template) + widths + fields * _largest(values)


def _same_kind(text: str | bytes, other: object) -> str | bytes | None:
    return other if isinstance(other, type(text)) else None


def _occurrences(text: str | bytes, old: str | bytes) -> int:
    return text.count(old) if old else len(text) + 1  # type: ignore[arg-type]


def _replaced(text: object, old: object, new: object, count: object = -1) -> int:
    if isinstance(text, str):
        old, new = str(old), str(new)
    elif not isinstance(text, bytes):
        return 0
    looked_for = _same_kind(text, old)
    if looked_for is None:
        return 0  # bytes.replace refuses it
    found = _occurrences(text, looked_for)
    limit = whole(count, -1)
    return len(text) + (limit if 0 <= limit < found else found) * size(new)


def _indented(text: object, width: object = 4, *rest: object, **options: object) -> int:
    if not isinstance(text, str):
        return 0
    each = whole(width, size(width))
    return len(text) + (text.count("\n") + 1) * max(each, 0)


def _wrapped(text: object, width: object = 79, *rest: object, **options: object) -> int:
    if not isinstance(text, str):
        return 0
    wrapstring = options.get("wrapstring", rest[1] if len(rest) > 1 else None)
    lines = len(text) // max(whole(width, 1), 1) + 1
    return len(text) + lines * max(size(wrapstring), 1)


def _expanded(text: object, tabsize: object = 8, **options: object) -> int:
    if not isinstance(text, str | bytes):
        return 0
    size = whole(options.get("tabsize", tabsize), 8)
    tabs = text.count("\t") if isinstance(text, str) else text.count(b"\t")
    return len(text) + tabs * max(size, 0)


def _translated(text: object, table: object = None, *rest: object) -> int:
    if not isinstance(text, str) or not isinstance(table, Mapping):
        return 0
    return len(text) * max([1, *(size(v) for v in table.values())])


# What a filter would make, estimated from its value and arguments, by name.
FILTER_SIZES: dict[str, Callable[..., int]] = {
    "replace": _replaced,
    "indent": _indented,
    "wordwrap": _wrapped,
}
# The same for methods of text, which receive the text itself first.
METHOD_SIZES: dict[str, Callable[..., int]] = {
    "replace": _replaced,
    "expandtabs": _expanded,
    "translate": _translated,
}
