"""The sandbox checks sizes before an operation runs, for ``str``, ``bytes`` and ``int`` alike.

Some operations were checked only after they ran: ``('{0}' * 200).format(s)``,
``'%s' * 200 % ...``, ``int.to_bytes``, ``bytes.center``, ``|tojson`` of a list
of large strings built 1.9 to 3.9 GB before being refused, and printing a list
was not checked at all. Each payload here would make twenty million
characters (twice the limit) from a string of one million; it must be refused
while Python's allocations stay below what the result would need, so it was
refused before it ran. Errors such as ``LookupError`` become the library's.
"""

import tracemalloc
from pathlib import Path

import pytest

from inspection_letters import TemplateError, TemplateSecurityError
from inspection_letters._letters.environment import template_errors
from tests.letters.test_sandbox_payloads import ROUTES, TITLE, refused

BIG = "{% set big = 'a' * 1000000 %}"
TWENTY = ", ".join(["big"] * 20)
BEFORE = {
    "format of many fields": "{{ ('{0}' * 20).format(big) }}",
    "format_map of many fields": "{{ ('{x}' * 20).format_map({'x': big}) }}",
    "percent of many fields": "{{ ('%s' * 20) % ((big,) * 20) }}",
    "format filter of many fields": f"{{{{ ('%s' * 20)|format({TWENTY}) }}}}",
    "int.to_bytes": "{{ (1).to_bytes(20000000, 'big')|length }}",
    "bytes.center": "{{ 'a'.encode().center(20000000)|length }}",
    "bytes.ljust": "{{ 'a'.encode().ljust(20000000)|length }}",
    "bytes.replace": "{{ big.encode().replace('a'.encode(), ('a' * 20).encode())|length }}",
    "bytes.join": "{{ big.encode().join(['a'.encode()] * 21)|length }}",
    "tojson of a list of large strings": "{{ ([big] * 20)|tojson|length }}",
    "string of a list": "{{ ([big] * 20)|string|length }}",
    "pprint of a list": "{{ ([big] * 20)|pprint|length }}",
    "printing a list": "{{ [big] * 20 }}",
    "printing a dict": "{{ {'a': big, 'b': big, 'c': [big] * 18} }}",
    "joining a list with ~": "{{ ([big] * 20) ~ 'x' }}",
    "upper of a list": "{{ ([big] * 20)|upper|length }}",
}


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("payload", list(BEFORE.values()), ids=list(BEFORE))
def test_regression_sizes_are_checked_before_the_operation(
    tmp_path: Path, route: str, payload: str
) -> None:
    """An operation that would make 20 million characters is refused before it makes them."""
    tracemalloc.start()
    try:
        error = refused(route, TITLE + BIG + payload, tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, TemplateSecurityError), error
    # The million-character string is made; the twenty million never are.
    assert peak < 8_000_000, f"{peak:,} bytes were allocated"


@pytest.mark.parametrize("route", ROUTES)
def test_regression_integer_multiplication_is_bounded_as_powers_are(
    tmp_path: Path, route: str
) -> None:
    """``a * b`` of two whole numbers may not make more binary digits than ``**`` may."""
    error = refused(route, TITLE + "{{ (10 ** 3000) * (10 ** 3000) }}", tmp_path)
    assert isinstance(error, TemplateSecurityError)
    assert "'*' would make a number of some" in str(error)


@pytest.mark.parametrize("route", ROUTES)
def test_regression_unknown_codec_is_a_template_error(tmp_path: Path, route: str) -> None:
    """``'a'.encode('no-such-codec')`` (a ``LookupError``) is the library's error."""
    error = refused(route, TITLE + "{{ 'a'.encode('no-such-codec') }}", tmp_path)
    assert isinstance(error, TemplateError)
    assert "LookupError" in str(error)


@pytest.mark.parametrize(
    "raised",
    [MemoryError(), LookupError("x"), SyntaxError("x"), IndentationError("x"), OSError(5, "x")],
    ids=lambda e: type(e).__name__,
)
def test_regression_python_errors_from_a_template_become_template_errors(
    raised: BaseException,
) -> None:
    """A ``MemoryError``, ``LookupError``, ``SyntaxError`` and the like from a template is ours."""
    with (
        pytest.raises(TemplateError, match=type(raised).__name__) as caught,
        template_errors("a template"),
    ):
        raise raised
    assert caught.value.__cause__ is None


ORDINARY = {
    "'{0} and {0}'.format(area)": "Gloucestershire and Gloucestershire",
    "'%s, %s' % (area, 2022)": "Gloucestershire, 2022",
    "'%s'|format(area)": "Gloucestershire",
    "(1).to_bytes(2, 'big')|length": "2",
    "'ab'.encode().center(6)|length": "6",
    "[area, 'x']|tojson": '["Gloucestershire", "x"]',
    "[area, 2]": "['Gloucestershire', 2]",
    "12345 * 67890": "838102050",
    "[area] ~ '!'": "['Gloucestershire']!",
}


@pytest.mark.parametrize(("expression", "expected"), list(ORDINARY.items()), ids=list(ORDINARY))
def test_ordinary_sizes_still_work(tmp_path: Path, expression: str, expected: str) -> None:
    """Formatting, bytes, JSON and printing of ordinary sizes work as in Jinja."""
    from tests.letters.test_sandbox_payloads import render

    source = f"{{% call set('title') %}}{{{{ {expression} }}}}{{% endcall %}}"
    assert expected == render("source", source, tmp_path).title
