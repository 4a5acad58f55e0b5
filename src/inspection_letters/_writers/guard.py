"""A writer raises only the library's errors: whatever its library raises becomes a WriterError.

WeasyPrint and python-docx decode what a letter holds (pictures above all),
and raise what they like when it is malformed: ``ZeroDivisionError``,
``struct.error``, ``KeyError``. A writer wrapped here raises the library's
own errors unchanged and any other as :class:`WriterError` naming the format
and the cause, so that a batch reports the letter and goes on, and no
traceback reaches a user.
"""

import functools
from collections.abc import Callable
from typing import TypeVar

from .._errors import InspectionLettersError, WriterError
from .._letters.letter import Letter

T = TypeVar("T")


def library_errors_only(what: str) -> Callable[[Callable[[Letter], T]], Callable[[Letter], T]]:
    """A decorator of a writer of ``what`` (``"Word letters"``) that raises only our errors."""

    def decorate(write: Callable[[Letter], T]) -> Callable[[Letter], T]:
        @functools.wraps(write)
        def guarded(letter: Letter) -> T:
            try:
                return write(letter)
            except InspectionLettersError:
                raise
            except Exception as error:
                raise WriterError(
                    f"{what} cannot be written for {letter.area!r}: {type(error).__name__}: {error}"
                ) from None

        return guarded

    return decorate
