"""The library's exceptions: one root, and each concrete error a built-in too.

Every error the library raises derives from :class:`InspectionLettersError`, so
callers can catch everything of ours in one place, and each concrete error also
derives from the built-in a caller would naturally catch (:class:`ValueError`
for bad values, :class:`LookupError` for names that are not registered).
Messages are built before the exception, name the bad value with ``repr`` and
list the valid ones.
"""

import sys
from collections.abc import Iterable, Sequence


class InspectionLettersError(Exception):
    """The root of every error that :mod:`inspection_letters` raises."""


def _choices(valid: Iterable[object]) -> str:
    return ", ".join(repr(v) for v in valid)


#: The longest a value is shown in a message; the rest is cut off with "...".
SHOWN_LENGTH = 100


def shown(value: object) -> str:
    """``repr(value)`` for a message: cut short, and never failing.

    A file may hold a megabyte of text, a list nested a thousand deep, or a
    number too long for Python to print; a message names it without them.

    >>> shown("Very good")
    "'Very good'"
    >>> len(shown("x" * 200)), shown("x" * 200)[-4:]
    (100, 'x...')
    >>> shown(10**5000)
    'a whole number of more than 4,300 digits'
    """
    try:
        text = repr(value)
    except ValueError:  # an int longer than Python prints
        return f"a whole number of more than {sys.get_int_max_str_digits():,} digits"
    except RecursionError:
        return f"a {type(value).__name__} nested too deeply to show"
    return text if len(text) <= SHOWN_LENGTH else text[: SHOWN_LENGTH - 3] + "..."


class UnknownNameError(InspectionLettersError, LookupError):
    """A name (a grade, an area, an audience, a format...) that is not known.

    >>> str(UnknownNameError("audience", "parents", ["children", "director"]))
    "'parents' is not an audience; expected one of 'children', 'director'"
    """

    def __init__(self, kind: str, value: object, valid: Iterable[object]) -> None:
        self.kind = kind
        self.value = value
        self.valid = tuple(valid)
        article = "an" if kind[:1].lower() in "aeiou" else "a"
        message = f"{shown(value)} is not {article} {kind}; expected one of {_choices(self.valid)}"
        super().__init__(message)


class InvalidValueError(InspectionLettersError, ValueError):
    """One bad value, with the reason it is bad."""


class InvalidFieldsError(InspectionLettersError, ValueError):
    """Several bad fields at once: each is a ``(path, reason)`` pair.

    Raised whole, so that a user fixes every problem of a file in one pass
    rather than one per run.

    >>> print(InvalidFieldsError("bad inspection", [("grade", "'Very good' is not a grade")]))
    bad inspection:
      grade: 'Very good' is not a grade
    """

    def __init__(self, summary: str, problems: Sequence[tuple[str, str]]) -> None:
        self.summary = summary
        self.problems = tuple(problems)
        lines = [f"{summary}:"] + [f"  {path}: {reason}" for path, reason in self.problems]
        super().__init__("\n".join(lines))


class InvalidInspectionError(InvalidFieldsError):
    """An inspection breaks error-level rules of the ILACS framework."""


class InspectionFileError(InvalidFieldsError):
    """An inspection file (JSON, or a mapping) that cannot be read as an inspection."""


class OutcomesFileError(InvalidFieldsError):
    """A file of Ofsted's published outcomes with rows that cannot be read."""


class MissingInputError(InvalidFieldsError):
    """A letter needs fields that the inspection does not have."""


class LetterNotDueError(InspectionLettersError, ValueError):
    """Ofsted sends no letter of this kind for this inspection's outcome."""


class TemplateSecurityError(InspectionLettersError, PermissionError):
    """A user-supplied template tried to reach what the sandbox forbids."""


class TemplateError(InspectionLettersError, ValueError):
    """A template that cannot be loaded or rendered."""


class OutputFileError(InspectionLettersError, OSError):
    """A letter that could not be written to a file: the path and the reason (a full disk...)."""


class WriterError(InspectionLettersError, ValueError):
    """A letter that a format's writer could not write, such as an image Word cannot hold."""


class PluginError(InspectionLettersError, ImportError):
    """An installed plugin that cannot be loaded, or that gives the wrong kind of value."""


class MissingExtraError(InspectionLettersError, ImportError):
    """A feature needs an optional extra that is not installed.

    >>> print(MissingExtraError("Word letters", "docx"))  # doctest: +ELLIPSIS
    Word letters need the optional extra 'docx'; install it with: pip install ...[docx]'
    """

    def __init__(self, feature: str, extra: str) -> None:
        message = (
            f"{feature} need the optional extra {extra!r}; "
            f"install it with: pip install 'inspection-letters[{extra}]'"
        )
        super().__init__(message)


class ReportFileError(InspectionLettersError, ValueError):
    """A file that cannot be read as an Ofsted ILACS inspection report.

    ``reason`` is a stable word for what is wrong (such as ``'not-pdf'``,
    ``'encrypted'`` or ``'visit-letter'``), so that callers can tell cases apart
    without reading the message.

    >>> print(ReportFileError("letter.pdf", "visit-letter", "it is a focused visit's letter"))
    cannot read 'letter.pdf' as an inspection report: it is a focused visit's letter
    """

    def __init__(self, source: str, reason: str, detail: str) -> None:
        self.source = source
        self.reason = reason
        self.detail = detail
        super().__init__(f"cannot read {shown(source)} as an inspection report: {detail}")
