"""The councils Ofsted inspects, and :func:`find_council` to name one as Ofsted does.

Reports print a council's name in many forms: "London Borough of Barnet",
"Wakefield District Metropolitan Council", "Hull", "the Royal Borough of
Windsor and Maidenhead". Ofsted's data always uses one short name with the
council's ONS area code. The library ships its own table of them
(``data/councils.tsv``: name, code, region, the day a council ceased, other
names), and reads a printed name by taking off the generic words of a
council's style ("London Borough of", "County Council", ...) before looking
it up among the names and aliases.

>>> find_council("Hull").name, find_council("Hull").code
('Kingston upon Hull', 'E06000010')
>>> find_council("East Riding").name
'East Riding of Yorkshire'
>>> find_council("Bristol City of").name
'Bristol'
>>> find_council("the Royal Borough of Windsor and Maidenhead").code
'E06000040'
>>> find_council("Atlantis") is None
True
"""

import datetime as dt
import functools
import re
from importlib import resources

from attrs import frozen

_DATA = "councils.tsv"

# Generic words of a council's style, taken off before looking a name up.
_PREFIXES = re.compile(
    r"^(?:the\s+)?(?:(?:london|royal)\s+borough\s+of|city\s+and\s+county\s+of|city\s+of|"
    r"county\s+of|council\s+of\s+the|metropolitan\s+borough\s+of|borough\s+of)\s+"
)
_SUFFIXES = re.compile(
    r"\s+(?:(?:district|metropolitan|borough|county|city|unitary)\s+)*"
    r"(?:council|borough|district|city|children['’]s\s+services)$"
)


@frozen(kw_only=True)
class Council:
    """One council in the library's table: Ofsted's name for it and its ONS area code."""

    name: str
    code: str
    region: str
    ceased: dt.date | None
    """The day the council ceased to exist (merged or split), where it has."""

    aliases: tuple[str, ...]


def _key(name: str) -> str:
    """A printed name reduced to what tells councils apart."""
    text = " ".join(name.replace("&", " and ").replace(",", " ").split()).lower()
    text = text.replace("’", "'").removeprefix("the ")
    for _ in range(3):
        stripped = _SUFFIXES.sub("", _PREFIXES.sub("", text))
        if stripped == text or not stripped:
            break
        text = stripped
    return text


@functools.cache
def councils() -> tuple[Council, ...]:
    """Every council of the library's table, in the order of their names."""
    text = resources.files(__package__).joinpath("data", _DATA).read_text(encoding="utf-8")
    found = []
    for line in text.splitlines()[1:]:
        if not line or line.startswith("#") or line.startswith("name\t"):
            continue
        name, code, region, ceased, aliases = line.split("\t")
        found.append(
            Council(
                name=name,
                code=code,
                region=region,
                ceased=dt.date.fromisoformat(ceased) if ceased else None,
                aliases=tuple(a.strip() for a in aliases.split(";") if a.strip()),
            )
        )
    return tuple(found)


@functools.cache
def _by_key() -> dict[str, Council]:
    table: dict[str, Council] = {}
    for council in councils():
        for name in (council.name, *council.aliases):
            table.setdefault(_key(name), council)
            table.setdefault(" ".join(name.lower().split()), council)
    return table


def find_council(printed: str) -> Council | None:
    """The council a printed name means, or ``None`` where the table has no such council."""
    table = _by_key()
    plain = " ".join(printed.split()).lower()
    return table.get(plain) or table.get(_key(printed))
