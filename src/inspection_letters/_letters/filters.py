"""The filters the letters' templates write dates and numbers with, as Ofsted does.

``long_date`` ("1 April 2022"), ``month_year`` ("February 2022") and
``number_words`` ("six"). A placeholder (:class:`~.placeholders.Missing`) is
written as itself, and ``None`` is an error in the template, never "None".
"""

import datetime as dt
from collections.abc import Callable

from .._errors import InvalidValueError, TemplateError
from .placeholders import Missing

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty",
)  # fmt: skip


def _date_text(value: object, day: bool) -> str:
    if isinstance(value, Missing):
        return str(value)
    if not isinstance(value, dt.date):
        raise InvalidValueError(f"{value!r} is not a date")
    month_and_year = f"{_MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {month_and_year}" if day else month_and_year


def long_date(value: object) -> str:
    """A date as Ofsted writes it: ``1 April 2022``."""
    if value.__class__ is dt.date:  # an inspection's dates: told without the checks
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    return _date_text(value, day=True)


def month_year(value: object) -> str:
    """A month as letters name a visit: ``February 2022``."""
    if value.__class__ is dt.date:
        return f"{_MONTHS[value.month - 1]} {value.year}"
    return _date_text(value, day=False)


def number_words(value: object) -> str:
    """A small number in words, as letters write a team's size: ``six``; larger in digits."""
    if isinstance(value, Missing):
        return str(value)
    if value is None:
        # Never "None" in a letter: the filter's text would pass the check of what is printed.
        raise TemplateError(
            "number_words was given None; use need() for a number that may be missing"
        )
    if isinstance(value, int) and 0 <= value < len(_NUMBER_WORDS):
        return _NUMBER_WORDS[value]
    return str(value)


FILTERS: dict[str, Callable[[object], str]] = {
    "long_date": long_date,
    "month_year": month_year,
    "number_words": number_words,
}
