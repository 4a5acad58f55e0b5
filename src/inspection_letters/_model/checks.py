"""Checks of single values, shared by the attrs validators and the JSON converter.

Each check takes a value and returns it unchanged, or raises
:class:`InvalidValueError` with the reason. The model's fields carry their check
in their metadata, so that the converter can apply the same check to every
field of a file and report them all at once, where attrs would stop at the
first.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
import typing
from collections.abc import Callable, Iterable
from itertools import repeat
from typing import Any, TypeVar, cast

import attrs

from .._errors import InvalidValueError, shown

T = TypeVar("T")
Check = Callable[[Any], Any]

# Control characters other than tab and newline (carriage return included),
# lone surrogates (which no UTF-8 file can hold) and the noncharacters U+FFFE
# and U+FFFF (which no XML can hold, so no HTML, PDF or Word letter) are
# refused in every text field.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ASCII_CONTROL_CHARACTERS = tuple(map(chr, [*range(0x09), *range(0x0B, 0x20), 0x7F]))
# The ASCII bytes a text may hold: deleting them from a text's bytes leaves its controls.
_ASCII_ALLOWED = bytes(b for b in range(128) if chr(b) not in _ASCII_CONTROL_CHARACTERS)
# The validators of text fields look at a field's ASCII text (a few hundred characters)
# by this table, each of those controls made 0x80 and every other byte left as it is:
# text whose bytes it leaves unchanged holds none (one pass in C; for text this long,
# a quarter of the time of a memchr a control character, which wins on long joins).
_CONTROLS_MARKED = bytes.maketrans(
    "".join(_ASCII_CONTROL_CHARACTERS).encode("ascii"), b"\x80" * len(_ASCII_CONTROL_CHARACTERS)
)
_AREA_CODE = re.compile(r"[EWSN][0-9]{8}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def check_text(value: Any) -> str:
    """Text with something in it and no control characters but tab and newline.

    >>> check_text("Ŵyr ŷd")
    'Ŵyr ŷd'
    >>> check_text("a\\x07b")
    Traceback (most recent call last):
    ...
    inspection_letters._errors.InvalidValueError: contains the control character '\\x07' at \
position 1; only tab and newline are allowed
    """
    if not isinstance(value, str):
        raise InvalidValueError(f"{shown(value)} is not text")
    if not value or value.isspace():  # what strips to nothing, without a copy
        raise InvalidValueError(f"{shown(value)} is blank")
    if len(value) < 64 and value.isprintable():  # most text: see allowed_characters
        return value
    return check_characters(value)


def check_characters(value: str) -> str:
    """Text without the characters no letter may hold: those :func:`check_text` refuses."""
    if allowed_characters(value):
        return value
    bad = _FORBIDDEN.search(value)
    if bad is not None:
        kind, reason = _kind(bad.group())
        raise InvalidValueError(
            f"contains {kind} {bad.group()!r} at position {bad.start()}{reason}"
        )
    return value


def allowed_characters(value: str) -> bool:
    """Whether ``value`` (text) holds none of the forbidden characters, told faster than the search.

    Every forbidden character is one Python does not print, and in ASCII they are
    the controls but tab and newline: a short text that prints whole, or an
    ASCII one in which none of those controls is found (a ``memchr`` each, in C:
    a fifth of the time of the search), holds none. Any other text is searched.
    """
    if not isinstance(value, str):
        return False  # the search says what is wrong
    if len(value) < 64:
        if value.isprintable():
            return True
    elif value.isascii():
        if len(value) < 4096:
            # Every allowed byte deleted leaves nothing: one pass in C, where thirty calls
            # of memchr cost more than the pass until the text is some thousands long.
            return not value.encode("ascii").translate(None, _ASCII_ALLOWED)
        # One memchr a control character, in C: a third faster than translating the bytes.
        return not any(map(value.__contains__, _ASCII_CONTROL_CHARACTERS))
    return _FORBIDDEN.search(value) is None


def _kind(character: str) -> tuple[str, str]:
    """What a forbidden character is, and why it is refused, for a message."""
    if "\ud800" <= character <= "\udfff":
        return "the lone surrogate", ", which is half of a UTF-16 pair, not a character"
    if character in "\ufffe\uffff":
        return "the noncharacter", ", which XML, and so HTML and Word, cannot hold"
    return "the control character", "; only tab and newline are allowed"


def check_lines(value: Any) -> tuple[str, ...]:
    """Lines of text, such as an address; each line is checked like any text."""
    if isinstance(value, str) or not isinstance(value, (tuple, list)):
        raise InvalidValueError(f"{shown(value)} is not a list of lines")
    for number, line in enumerate(value):
        try:
            check_text(line)
        except InvalidValueError as error:
            raise InvalidValueError(f"line {number}: {error}") from None
    return tuple(value)


def check_area_code(value: Any) -> str:
    """An ONS area code: a country letter and eight digits, such as ``'E10000013'``."""
    check_text(value)
    if _AREA_CODE.fullmatch(value) is None:
        raise InvalidValueError(
            f"{shown(value)} is not an ONS area code; expected a letter E, W, S or N "
            "and eight digits, such as 'E10000013'"
        )
    return str(value)


def check_email(value: Any) -> str:
    """An email address: something, one ``@``, a domain with a dot; no spaces."""
    check_text(value)
    if _EMAIL.fullmatch(value) is None:
        raise InvalidValueError(f"{shown(value)} is not an email address")
    return str(value)


#: The picture types a signature or a logo may be, by media type, with the bytes each
#: file of the type starts with. An SVG is not among them: it can point at
#: other files and addresses, which a PDF renderer would then fetch.
IMAGE_SIGNATURES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "image/png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    "image/jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    "image/gif": ("GIF", (b"GIF87a", b"GIF89a")),
}
#: The most a signature's image may hold, decoded: a signature is a few kilobytes.
MAX_IMAGE_BYTES = 2 * 1024 * 1024
_IMAGE_URI = re.compile(r"data:(image/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})")
_EXPECTED_IMAGE = "expected a PNG, JPEG or GIF picture as 'data:image/png;base64,...'"


def check_image_uri(value: Any) -> str:
    """A PNG, JPEG or GIF picture inlined as a base64 ``data:`` URI: a signature or a logo.

    Letters use no external files, and the picture must be what its type says:
    its first bytes are checked, so that no SVG (which can make a PDF renderer
    fetch files and addresses) or other document passes for a picture.

    >>> check_image_uri("data:image/gif;base64,R0lGODdhAQABAAAAACw=")
    'data:image/gif;base64,R0lGODdhAQABAAAAACw='
    >>> check_image_uri("data:image/png;base64,R0lGODdhAQABAAAAACw=")
    Traceback (most recent call last):
    ...
    inspection_letters._errors.InvalidValueError: 'data:image/png;base64,R0lGODdhAQABAAAAAC'... \
is not a PNG image: its bytes start b'GIF87a'; expected a PNG, JPEG or GIF picture as \
'data:image/png;base64,...'
    """
    check_text(value)
    shown_value = f"{value[:40]!r}..."
    if len(value) > MAX_IMAGE_BYTES * 4 // 3 + 100:
        raise InvalidValueError(
            f"{shown_value} is over {MAX_IMAGE_BYTES // 1024 // 1024} MB; {_EXPECTED_IMAGE}"
        )
    if not value.startswith("data:image/") or "," not in value:
        raise InvalidValueError(f"{shown_value} is not an image as a data URI; {_EXPECTED_IMAGE}")
    header = value.partition(",")[0]
    kind = header[len("data:") :].partition(";")[0].lower()
    if kind not in IMAGE_SIGNATURES:
        raise InvalidValueError(
            f"{shown_value} is not a raster image (its type is {kind!r}); {_EXPECTED_IMAGE}"
        )
    match = _IMAGE_URI.fullmatch(value)
    if match is None:
        if not header.endswith(";base64"):
            reason = "is not base64-encoded"
        else:
            reason = "is not base64: only A-Z, a-z, 0-9, + and / with = at the end"
        raise InvalidValueError(f"{shown_value} {reason}; {_EXPECTED_IMAGE}")
    try:
        data = base64.b64decode(match.group(2), validate=True)
    except binascii.Error:
        raise InvalidValueError(
            f"{shown_value} is not base64: its length is wrong; {_EXPECTED_IMAGE}"
        ) from None
    name, magics = IMAGE_SIGNATURES[kind]
    if not data:
        raise InvalidValueError(f"{shown_value} is empty; {_EXPECTED_IMAGE}")
    if not data.startswith(magics):
        raise InvalidValueError(
            f"{shown_value} is not a {name} image: its bytes start {data[:6]!r}; {_EXPECTED_IMAGE}"
        )
    return str(value)


def check_count(value: Any) -> int:
    """A whole number of at least one (a bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(f"{shown(value)} is not a whole number")
    if value < 1:
        raise InvalidValueError(f"{shown(value)} is less than 1")
    return value


def check_index(value: Any) -> int:
    """A position in a list, counted from 0."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(f"{shown(value)} is not a whole number")
    if value < 0:
        raise InvalidValueError(f"{shown(value)} is negative; positions count from 0")
    return value


def check_year(value: Any) -> int:
    """A calendar year from 1990 to 2100."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(f"{shown(value)} is not a year")
    if not 1990 <= value <= 2100:
        raise InvalidValueError(f"{shown(value)} is not a year from 1990 to 2100")
    return value


def check_date(value: Any) -> dt.date:
    """A calendar date (not a date and time)."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidValueError(f"{shown(value)} is not a date")
    return value


def _validator(check: Check, optional: bool) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    def detailed(attribute: attrs.Attribute[Any], value: Any) -> None:
        try:
            check(value)
        except InvalidValueError as error:
            raise InvalidValueError(f"{attribute.name}: {error}") from None

    if check is check_text:
        # What check_text surely passes, seen without calling it: short text that
        # prints whole, and long ASCII text without its control characters (as
        # allowed_characters tells them); any other text is checked by check_text.
        def validate_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
            if value.__class__ is str:
                if 0 < len(value) < 64:
                    if value.isprintable() and not value.isspace():
                        return
                elif value.isascii() and value and not value.isspace():
                    data = value.encode("ascii")
                    if data.translate(_CONTROLS_MARKED) == data:
                        return
            elif value is None and optional:
                return
            detailed(attribute, value)

        return validate_text

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        try:
            check(value)
        except InvalidValueError as error:
            raise InvalidValueError(f"{attribute.name}: {error}") from None

    return validate


def checked(check: Check, *, optional: bool = False) -> Any:
    """An attrs field validated by ``check`` (``None`` allowed when optional).

    The check is kept in the field's metadata for the converter.
    """
    metadata = {"check": check, "optional": optional}
    if optional:
        return attrs.field(default=None, validator=_validator(check, True), metadata=metadata)
    return attrs.field(validator=_validator(check, False), metadata=metadata)


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """An attrs converter: a list becomes a tuple; anything else is left for the validator.

    A string is not split into its characters: the validator refuses it.
    """
    return tuple(value) if isinstance(value, list) else cast("tuple[Any, ...]", value)


def items_of(item_type: type[Any]) -> Any:
    """An attrs validator: a tuple whose items are all ``item_type``.

    A tuple that passes is told in one quick look; only one that does not is
    checked by attrs' own validators, which word the error.
    """
    detailed = attrs.validators.deep_iterable(
        attrs.validators.instance_of(item_type), attrs.validators.instance_of(tuple)
    )

    # A union (Block) as a tuple of its classes, which isinstance looks through faster.
    kinds = typing.get_args(item_type) or item_type

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value.__class__ is not tuple or not all(map(isinstance, value, repeat(kinds))):
            detailed(instance, attribute, value)

    return validate


#: The validator of a field holding lines of text, such as an address.
LINES_VALIDATOR = _validator(check_lines, False)
#: The metadata of such a field, which tells the converter to check its lines.
LINES_METADATA = {"check": check_lines, "optional": False}


def checked_tuple(item_type: type[Any], *, optional: bool = True) -> Any:
    """An attrs field holding a tuple of ``item_type``; lists are accepted and copied.

    The library's internal values use it; the model writes its tuple fields out
    with ``attrs.field`` so that type checkers see the converter and accept lists.
    """
    if optional:
        return attrs.field(default=(), converter=to_tuple, validator=items_of(item_type))
    return attrs.field(converter=to_tuple, validator=items_of(item_type))


def of_type(kind: type[Any], *, optional: bool = False) -> Any:
    """An attrs field that must be an instance of ``kind`` (or ``None`` when optional).

    A value of exactly ``kind`` passes at a glance; any other is checked by
    attrs' own validators, which word the error.
    """
    detailed = attrs.validators.instance_of(kind)
    if optional:
        detailed = attrs.validators.optional(detailed)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value.__class__ is not kind and not (optional and value is None):
            detailed(instance, attribute, value)

    if optional:
        return attrs.field(default=None, validator=validate)
    return attrs.field(validator=validate)
