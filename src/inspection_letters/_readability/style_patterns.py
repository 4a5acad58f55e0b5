"""Finders for three GOV.UK style points: the passive voice, dates, and numbers as words.

Each finder reads a piece of text and yields what it found with what to write
instead. They are patterns, not grammar: they know no parts of speech, so they
look for the usual shapes and leave out the usual exceptions.
"""

import datetime as dt
import re
from collections.abc import Iterator


def _listed(words: str) -> list[str]:
    """The words of a space-separated list, which is easier to read than a list of strings."""
    return words.split()


# -- The passive voice -------------------------------------------------------

_BE = r"(?:am|is|are|was|were|be|been|being|isn't|aren't|wasn't|weren't)"
_ADVERB = (
    r"(?:not|never|also|always|often|still|already|now|then|just|only|usually|sometimes|"
    r"rarely|well|fully|properly|regularly|quickly|yet|all|being)"
)
_IRREGULAR = _listed(
    "arisen awoken beaten become begun bent bitten blown born borne bought bound broken brought "
    "built burnt caught chosen come cut dealt done drawn driven eaten fallen fed felt fought "
    "found forbidden forgiven forgotten frozen given gone grown heard held hidden hit hurt kept "
    "known laid led left lent let lost made meant met mistaken paid put read rung risen run said "
    "seen sent set shaken shot shown shut slept sold sought spent spoken spread stolen struck "
    "stuck sung sworn taken taught thought thrown told torn understood undertaken upheld woken "
    "won worn written"
)
# Words ending in -ed that follow "be" as adjectives, or are not participles at all.
_NOT_PASSIVE = frozenset(
    _listed(
        "aged annoyed ashamed bed bored committed concerned confused dedicated delighted "
        "determined disappointed embarrassed exceed excited experienced feed frightened "
        "hundred indeed interested motivated naked need pleased proceed qualified red "
        "relaxed sacred satisfied scared seed shed shocked skilled speed succeed surprised "
        "talented tired unaccompanied undecided unsettled upset used wed wicked worried"
    )
)
_PARTICIPLE = rf"((?:[a-z]+ed)|{'|'.join(_IRREGULAR)})\b"
_AFTER_BE = rf"\s+(?:{_ADVERB}\s+){{0,2}}{_PARTICIPLE}"
_PASSIVE = re.compile(rf"\b{_BE}{_AFTER_BE}", re.IGNORECASE)
#: Where ``passives`` can find something, in ASCII text written in lower case: the same
#: pattern, case-sensitive, with each form of *be* after its first letter's look back for
#: the boundary, so that the engine skips to those letters rather than trying every form
#: at every character (several times faster; it is a screen, so the forms' order is free).
#: (``check_readability`` now screens by token, with the three parts below.)
PASSIVE_IN_LOWER_CASE = re.compile(
    r"(?:a(?<!\w.)(?:m|re|ren't)|i(?<!\w.)(?:s|sn't)|w(?<!\w.)(?:as|ere|asn't|eren't)"
    rf"|b(?<!\w.)(?:e|een|eing)){_AFTER_BE}"
)


#: The passive's three parts, each matched within one whitespace-separated token (its
#: pattern's ``\s+`` lie between them): a token that ends with a form of *be*, up to two
#: that are adverbs, and one that starts with a participle (its word is group 1).
#: ``TokenTable.rules`` in :mod:`.screening` reads a sentence's tokens with them.
BE_AT_END = re.compile(rf"(?<!\w){_BE}\Z", re.IGNORECASE)
ADVERB_TOKEN = re.compile(rf"{_ADVERB}\Z", re.IGNORECASE)
PARTICIPLE_AT_START = re.compile(_PARTICIPLE, re.IGNORECASE)
NOT_PASSIVE = _NOT_PASSIVE
"""The words ending in *-ed* that follow *be* as adjectives, or are not participles."""


def passives(text: str) -> Iterator[str]:
    """The passive constructions in ``text``: a form of *be* and a past participle.

    A heuristic: *be* (perhaps with *not*, *always* and the like between), then
    a word ending in *-ed* or an irregular participle. Adjectives that look like
    participles (*worried*, *interested*) are left out.

    >>> list(passives("Some children wait too long for the help when it is needed."))
    ['is needed']
    >>> list(passives("When staff are worried about children, they act."))
    []
    """
    for match in _PASSIVE.finditer(text):
        if match.group(1).lower() not in _NOT_PASSIVE:
            yield match.group()


# -- Dates --------------------------------------------------------------------

_MONTHS = _listed(
    "January February March April May June July August September October November December"
)
_SHORT = {name[:3]: number for number, name in enumerate(_MONTHS, start=1)}
_SHORT["Sept"] = 9
_MONTH = "|".join(_MONTHS)
_ABBREVIATED = "|".join(name for name in _SHORT if name != "May")
_DATE_PATTERNS = (
    # April 1, 2022 and April 1st
    re.compile(
        rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,\s*(?P<year>\d{{4}})\b"
    ),
    re.compile(
        rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)(?:,?\s*(?P<year>\d{{4}}))?\b"
    ),
    # 1st April 2022, 1st of April
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?(?P<month>{_MONTH}|{_ABBREVIATED})\.?"
        rf"(?:,?\s+(?P<year>\d{{4}}))?\b"
    ),
    # 1 April, 2022
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH}),\s*(?P<year>\d{{4}})\b"),
    # 1 Apr 2022, Apr 2022
    re.compile(rf"\b(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_ABBREVIATED})\.?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_ABBREVIATED})\b\.?"),
    # 2022-04-01
    re.compile(r"\b(?P<year>\d{4})-(?P<number>\d{1,2})-(?P<day>\d{1,2})\b"),
    # 01/04/2022, 1.4.22, 01-04-2022: day first, as in the UK
    re.compile(r"\b(?P<day>\d{1,2})([/.-])(?P<number>\d{1,2})\2(?P<year>\d{4}|\d{2})\b"),
)


def _month(match: re.Match[str]) -> int | None:
    named = match.groupdict().get("month")
    if named:
        return _SHORT.get(named[:4] if named == "Sept" else named[:3])
    number = match.groupdict().get("number")
    return int(number) if number else None


def _written(match: re.Match[str]) -> str:
    """The date of ``match`` as GOV.UK writes it, or an example where it is no date."""
    month, day, year = _month(match), match.group("day"), match.groupdict().get("year")
    if month is None:
        return "a date like '1 April 2022'"
    if year and len(year) == 2:
        year = f"20{year}"
    try:
        if day is None:
            return f"'{_MONTHS[month - 1]} {year}'"
        date = dt.date(int(year or 2000), month, int(day))
    except ValueError:
        return "a date like '1 April 2022'"
    return f"'{date.day} {_MONTHS[month - 1]}{f' {year}' if year else ''}'"


def dates(text: str) -> Iterator[tuple[str, str]]:
    """Dates not written as GOV.UK writes them (*1 April 2022*), each with its GOV.UK form.

    >>> list(dates("On April 1, 2022, or 01/04/2022, but not on 1 April 2022 or in April 2022."))
    [('April 1, 2022', "'1 April 2022'"), ('01/04/2022', "'1 April 2022'")]
    """
    taken: list[range] = []
    found: list[tuple[int, str, str]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            span = range(*match.span())
            if any(span.start in other or other.start in span for other in taken):
                continue
            taken.append(span)
            found.append((match.start(), match.group(), _written(match)))
    for _, written, suggestion in sorted(found):
        yield written, suggestion


# -- Numbers as words ---------------------------------------------------------

_UNITS = _listed("two three four five six seven eight nine")
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_TENS = _listed("twenty thirty forty fifty sixty seventy eighty ninety")
_VALUES = {word: n for n, word in enumerate(["one", *_UNITS], start=1)}
_VALUES |= {word: n for n, word in enumerate(_TEENS.split(), start=10)}
_VALUES |= {word: 10 * n for n, word in enumerate(_TENS, start=2)}
_VALUES |= {"hundred": 100, "thousand": 1000}
_SMALL = (
    rf"(?:{'|'.join(_TENS)})(?:[-\s](?:one|{'|'.join(_UNITS)}))?"
    rf"|{'|'.join(_TEENS.split())}|{'|'.join(_UNITS)}"
)
_NUMBER_WORD = re.compile(
    rf"(?<![\w-])(?:(?:one|{_SMALL})[-\s]+(?:hundred|thousand)|{_SMALL}|hundred|thousand)(?!\w)",
    re.IGNORECASE,
)
#: The words a number written as a word starts with (every match of ``number_words`` does).
NUMBER_WORDS = ("one", *_TENS, *_TEENS.split(), *_UNITS, "hundred", "thousand")
# A common expression, where numerals would look strange (GOV.UK's example).
_EXPRESSION = re.compile(r"\bone or two\b", re.IGNORECASE)


def number_words(text: str, *, sentence: bool) -> Iterator[tuple[str, str]]:
    """Numbers from 2 up written as words, each with its numeral; *one* is allowed.

    In a sentence (``sentence=True``) a number that starts it may be a word, as
    GOV.UK says; in a heading it may not. Whole words only, so *someone* and
    *often* are not numbers.

    >>> list(number_words("Three children and twenty-one adults met one worker.", sentence=True))
    [('twenty-one', '21')]
    >>> list(number_words("We read two hundred files.", sentence=True))
    [('two hundred', '200')]
    """
    allowed = [range(*m.span()) for m in _EXPRESSION.finditer(text)]
    opening = len(text) - len(text.lstrip("\"'‘“( "))
    for match in _NUMBER_WORD.finditer(text):
        if sentence and match.start() == opening:
            continue
        if any(match.start() in span for span in allowed):
            continue
        *parts, last = re.split(r"[-\s]+", match.group().lower())
        if parts and last in ("hundred", "thousand"):
            value = sum(_VALUES[part] for part in parts) * _VALUES[last]
        else:
            value = sum(_VALUES[part] for part in [*parts, last])
        yield match.group(), f"{value:,}"
