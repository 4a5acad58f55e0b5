"""What the fuzz tests share: how many examples to run, a tally of them, and hostile input.

The ``ci`` profile runs :data:`CI_EXAMPLES` examples of each fuzz test, any
other profile :data:`DEV_EXAMPLES`; :data:`CASES` counts the examples each
entry point was given, for the test that checks the count.
"""

import copy
import csv
import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from inspection_letters import InspectionLettersError, dump_inspection
from inspection_letters.strategies import inspections
from tests.helpers import EXAMPLE

CI_EXAMPLES = 1_000
DEV_EXAMPLES = 100
#: How many examples each entry point has been given in this run.
CASES: Counter[str] = Counter()

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
EXAMPLE_DATA: dict[str, Any] = json.loads(EXAMPLE_TEXT)
#: A number with more digits than Python reads by default (4,300).
HUGE_DIGITS = "9" * 5_000
HUGE = 10**4_000
DEEP = 100_000


def in_ci_profile() -> bool:
    """Whether the ``ci`` hypothesis profile is the one loaded."""
    current = settings.default
    return current is not None and current.max_examples >= settings.get_profile("ci").max_examples


def fuzz_examples() -> int:
    """How many examples a fuzz test runs under the loaded profile."""
    return CI_EXAMPLES if in_ci_profile() else DEV_EXAMPLES


def fuzzing() -> settings:
    """The settings of a fuzz test: the profile's count, no deadline, big inputs allowed."""
    return settings(
        max_examples=fuzz_examples(),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def only_our_errors(what: str, call: Callable[[], object]) -> InspectionLettersError | None:
    """Call ``call``; the library's error it raises (with a printable message), or ``None``.

    ``what`` names the call in hypothesis's statistics of how often each error came.
    """
    try:
        call()
    except InspectionLettersError as error:
        caught = error
    else:
        event(f"{what}: no error")
        return None
    event(f"{what}: {type(caught).__name__}")
    message = str(caught)
    assert message.strip(), f"{type(caught).__name__} without a message"
    message.encode("utf-8")  # printable: no lone surrogate
    return caught


# --- JSON values ---------------------------------------------------------------------------------

_NAMES = (
    "authority", "name", "code", "region", "type", "start", "end", "published", "framework",
    "theme", "lead_inspector", "team_size", "judgements", "area", "grade", "findings", "text",
    "quotations", "source", "previous", "year", "overall", "letters", "children", "director",
    "office", "signatory", "recipient", "quotation", "wording", "address", "$schema",
)  # fmt: skip
_STRINGS = (
    "", " ", "\x00", "\x07", "\r", "\ud800", "\ufffe", "\uffff", "\u202e", "Outstanding", "Good",
    "standard", "short", "focused_visit", "leaders", "2022-02-07", "2022-02-30", "2022-W06-1",
    "E10000013", "bristol", "ilacs_2023", "x" * 10_000,
)  # fmt: skip
_NUMBERS = st.sampled_from((0, -1, 1, 2**63, -(2**63) - 1, HUGE, -HUGE, 1e308, -0.0, 0.5))
SCALARS: SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    _NUMBERS,
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(_STRINGS),
)
KEYS = st.sampled_from((*_NAMES, "\ud800", "\x07", "")) | st.text(max_size=8)
JSON_VALUES: SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=20,
)


def deep_list(depth: int) -> list[Any]:
    """A list nested ``depth`` deep, built without recursion."""
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def _places(value: Any, found: list[tuple[Any, Any]], depth: int = 0) -> list[tuple[Any, Any]]:
    """Every ``(container, key)`` in ``value`` (to a depth of 8): where a mutation can go."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, inner in list(items):
        found.append((value, key))
        if isinstance(inner, dict | list) and depth < 8:
            _places(inner, found, depth + 1)
    return found


_CHARACTERS = st.sampled_from("\x00\x07\r\x85\ud800\udfff\ufffe\uffff\u202e") | st.characters()
_MUTATIONS = ("drop", "replace", "huge", "nan", "deep", "extra", "repeat", "character")


def valid_data() -> SearchStrategy[dict[str, Any]]:
    """Inspections as a file holds them: the example, and any the public strategies make."""
    return st.just(EXAMPLE_DATA) | inspections().map(dump_inspection)


@st.composite
def mutated_examples(draw: st.DrawFn) -> dict[str, Any]:
    """An inspection's data with a few things broken: keys, types, values."""
    data = copy.deepcopy(draw(valid_data()))
    for _ in range(draw(st.sampled_from((1, 1, 2, 4)))):
        places = _places(data, [])
        if not places:  # every key dropped already: nothing left to break
            break
        container, key = draw(st.sampled_from(places))
        kind = draw(st.sampled_from(_MUTATIONS))
        if kind == "drop":
            del container[key]
        elif kind == "replace":
            container[key] = draw(JSON_VALUES)
        elif kind == "huge":
            container[key] = draw(st.sampled_from((HUGE, -HUGE, 1e308, -1e308)))
        elif kind == "nan":
            container[key] = draw(st.sampled_from((float("nan"), float("inf"), float("-inf"))))
        elif kind == "deep":
            container[key] = deep_list(draw(st.sampled_from((50, 2_000, DEEP))))
        elif kind == "extra" and isinstance(container, dict):
            container[draw(KEYS)] = draw(JSON_VALUES)
        elif kind == "repeat" and isinstance(container, list):
            container.append(container[key])
        elif kind == "character" and isinstance(container[key], str):
            text = container[key]
            at = draw(st.integers(0, len(text)))
            container[key] = text[:at] + draw(_CHARACTERS) + text[at:]
    return data


def to_json(data: Any) -> str:
    """``data`` as JSON text, NaN and infinities written as Python writes them."""
    try:
        return json.dumps(data, allow_nan=True)
    except RecursionError:
        return "[" * DEEP + "]" * DEEP


@st.composite
def corrupted(draw: st.DrawFn, good: bytes) -> bytes:
    """``good`` truncated, or with bytes changed, inserted or deleted."""
    data = bytearray(good)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(("truncate", "change", "insert", "delete")))
        if kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif data and at < len(data):
            if kind == "change":
                data[at] = draw(st.integers(0, 255))
            else:
                del data[at]
    return bytes(data)


_TEXT_TRICKS: tuple[Callable[[str], str], ...] = (
    lambda text: "\ufeff" + text,
    lambda text: text.replace('"year": 2017', f'"year": {HUGE_DIGITS}'),
    lambda text: text.replace("2017", "NaN"),
    lambda text: text.replace("2017", "1e400"),
    lambda text: text.replace('"Andy Waugh"', '"\\ud800"'),
    lambda text: text.replace('"Andy Waugh"', '"\\u0007"'),
    lambda text: '{"authority": ' + "[" * DEEP + "]" * DEEP + "}",
)


def inspection_files() -> SearchStrategy[bytes]:
    """The bytes of an inspection file: broken JSON, broken inspections, any bytes."""
    example = EXAMPLE_TEXT.encode("utf-8")
    tricked = st.sampled_from(_TEXT_TRICKS).map(lambda trick: trick(EXAMPLE_TEXT).encode())
    return st.one_of(
        st.binary(max_size=300),
        valid_data().map(lambda data: to_json(data).encode("utf-8")),
        mutated_examples().map(lambda data: to_json(data).encode("utf-8")),
        corrupted(example),
        tricked,
        st.sampled_from(("utf-16", "latin-1", "utf-8-sig")).map(EXAMPLE_TEXT.encode),
        JSON_VALUES.map(lambda value: to_json(value).encode("utf-8")),
    )


# --- Ofsted's outcomes ---------------------------------------------------------------------------

HEADER = (
    "Local authority area code", "Local authority name", "Ofsted region", "Inspection date",
    "Publication date", "Inspection type", "Overall effectiveness",
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care",
    "The experiences and progress of care leavers",
)  # fmt: skip
ROW = (
    "E10000013", "Gloucestershire", "South West", "07/02/2022", "2022-04-01",
    "ILACS Standard Inspection", *["Requires improvement to be good"] * 4, "",
)  # fmt: skip
_CELLS = st.one_of(
    st.sampled_from(ROW + HEADER),
    st.sampled_from(("ILACS Focused Visit", "LA Monitoring visit", "Good", "31/02/2022", "x")),
    st.text(max_size=30),
    st.sampled_from(("x" * 200_000, "\x00", '"', "\r\n", "1" * 5_000)),
)


@st.composite
def outcome_rows(draw: st.DrawFn) -> list[list[str]]:
    """A header and rows like Ofsted's, some of them broken."""
    header = list(HEADER)
    if draw(st.booleans()):
        del header[draw(st.integers(0, len(header) - 1))]
    rows = [list(ROW) for _ in range(draw(st.integers(0, 3)))]
    for row in rows:
        for _ in range(draw(st.integers(0, 3))):
            row[draw(st.integers(0, len(row) - 1))] = draw(_CELLS)
    extra = draw(st.lists(st.lists(_CELLS, max_size=12), max_size=2))
    return [header, *rows, *extra]


def csv_bytes(rows: list[list[str]]) -> bytes:
    """``rows`` as a CSV file in UTF-8."""
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


def outcome_csvs() -> SearchStrategy[bytes]:
    """CSV files of outcomes: well-formed, corrupted, or any bytes."""
    good = csv_bytes([list(HEADER), list(ROW)])
    return st.one_of(
        outcome_rows().map(csv_bytes),
        corrupted(good),
        st.binary(max_size=300),
        st.just(b"\xef\xbb\xbf" + good),
    )


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"
# True one time in four.
_SOMETIMES = st.integers(0, 3).map(lambda n: n == 0)
_REPEATS = st.sampled_from(
    ("1", "2", "0", "-1", "x", "1048576", "1048577", "16385", HUGE_DIGITS, "3.5")
)


@st.composite
def _ods_cell(draw: st.DrawFn) -> str:
    value = draw(_CELLS)
    repeated = draw(_REPEATS)
    repeat = f" table:number-columns-repeated={quoteattr(repeated)}" if draw(_SOMETIMES) else ""
    kind = draw(st.sampled_from(("string", "date", "float")))
    date = f' office:date-value="{draw(st.sampled_from(("2022-02-07", "2022-13-45", "")))}"'
    paragraph = _xml_text(value)
    spaces = draw(st.sampled_from(("", '<text:s text:c="3"/>', '<text:s text:c="x"/>')))
    return (
        f'<table:table-cell office:value-type="{kind}"{date if kind == "date" else ""}{repeat}>'
        f"<text:p>{paragraph}{spaces}</text:p></table:table-cell>"
    )


@st.composite
def ods_content(draw: st.DrawFn, clean: bool) -> str:
    """The content.xml of a spreadsheet of outcomes, its XML broken unless ``clean``."""
    sometimes = st.just(False) if clean else _SOMETIMES
    rows = []
    for cells in draw(outcome_rows()):
        repeat = f' table:number-rows-repeated="{draw(_REPEATS)}"' if draw(sometimes) else ""
        inner = "".join(draw(_ods_cell()) if draw(sometimes) else _plain(c) for c in cells)
        rows.append(f"<table:table-row{repeat}>{inner}</table:table-row>")
    name = "Sheet1" if draw(sometimes) else "ILACS_inspection_history"
    doctype = '<!DOCTYPE x [<!ENTITY a "b">]>' if draw(sometimes) else ""
    nested = "<text:span>" * 2_000 + "</text:span>" * 2_000 if draw(sometimes) else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        f"<office:body><office:spreadsheet><table:table table:name={quoteattr(name)}>"
        f"{''.join(rows)}<table:table-row><table:table-cell><text:p>{nested}</text:p>"
        "</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )


def _xml_text(value: str) -> str:
    """``value`` escaped for XML, without the characters XML cannot hold."""
    return escape(_NOT_XML.sub("", value))


def _plain(value: str) -> str:
    text = _xml_text(value)
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


@st.composite
def ods_files(draw: st.DrawFn) -> bytes:
    """An .ods file of outcomes: half of them with their zip or XML broken."""
    clean = draw(st.booleans())
    sometimes = st.just(False) if clean else _SOMETIMES
    content = draw(ods_content(clean))
    if draw(sometimes):
        content = content[: draw(st.integers(0, len(content)))]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        mimetype = draw(st.sampled_from(("text/plain", None))) if draw(sometimes) else ODS_TYPE
        if mimetype is not None:
            archive.writestr("mimetype", mimetype)
        member = "other.xml" if draw(sometimes) else "content.xml"
        archive.writestr(member, content, zipfile.ZIP_DEFLATED)
    data = out.getvalue()
    return draw(corrupted(data)) if draw(sometimes) else data


def outcome_odss() -> SearchStrategy[bytes]:
    """.ods files of outcomes, or any bytes."""
    return ods_files() | st.binary(max_size=300)
