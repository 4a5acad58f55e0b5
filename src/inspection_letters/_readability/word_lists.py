"""The bundled word lists: words to avoid, acronyms, and abbreviations, each with its advice.

They are files in ``inspection_letters/_readability/data``, read the first time
a rule needs them, never when the library is imported.
"""

import functools
from importlib import resources


@functools.cache
def _table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a bundled, tab-separated word list; comments and blank lines skipped."""
    text = (
        resources.files("inspection_letters._readability").joinpath("data", name).read_text("utf-8")
    )
    rows = (line.split("\t") for line in text.splitlines())
    return tuple(tuple(row) for row in rows if row[0].strip() and not row[0].startswith("#"))


def words_to_avoid() -> dict[str, str]:
    """The GOV.UK words to avoid, each with what to write instead.

    >>> words_to_avoid()["utilise"]
    'use'
    """
    return {row[0]: row[1] for row in _table("words_to_avoid.txt")}


def acronyms() -> dict[str, str]:
    """The acronyms of children's social care, each with its expansion.

    >>> acronyms()["IRO"]
    'independent reviewing officer'
    """
    return {row[0]: row[1] for row in _table("acronyms.txt")}


def abbreviations() -> dict[str, str]:
    """The abbreviations GOV.UK says not to use (*eg*, *ie*, *etc*), with what to write."""
    return {row[0]: row[1] for row in _table("abbreviations.txt")}
