"""The sandbox against known template injection payloads, resource exhaustion, and links.

Every payload runs twice: as a ``children.jinja`` in a ``template_dir``, and as
an audience's own ``source``. Each must give the library's own error, and
never the contents of a file, the output of a command or the environment.
"""

import os
from pathlib import Path

import jinja2
import pytest

from inspection_letters import (
    AudienceRegistry,
    InspectionLettersError,
    Letter,
    TemplateError,
    TemplateSecurityError,
    no_context,
    render_letter,
)
from tests.helpers import example

SECRET = "s3cr3t-in-the-environment"
TITLE = "{% call set('title') %}T{% endcall %}\n"

INJECTIONS = {
    "mro subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "cycler globals": "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "joiner globals": "{{ joiner.__init__.__globals__ }}",
    "namespace globals": "{{ namespace.__init__.__globals__ }}",
    "lipsum globals": "{{ lipsum.__globals__['os'] }}",
    "self context": "{{ self._TemplateReference__context }}",
    "self": "{{ self }}",
    "request": "{{ request.environ }}",
    "config": "{{ config.items() }}",
    "subclasses loop": "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "attr filter": "{{ ''|attr('__class__') }}",
    "attr with escapes": "{{ ()|attr('\\x5f\\x5fclass\\x5f\\x5f') }}",
    "attr built by ~": "{{ ()|attr('_' ~ '_class__') }}",
    "attr built by join": "{{ ()|attr(['_', '_class__']|join) }}",
    "item built by ~": "{% set name = '_' ~ '_class__' %}{{ ()[name] }}",
    "format attribute": "{{ '{0.__class__}'.format(area) }}",
    "format through attr": "{{ ('{0.__class__}'|attr('format'))(area) }}",
    "format_map attribute": "{{ '{x.__class__}'.format_map({'x': area}) }}",
    "method's self": "{{ area.upper.__self__ }}",
    "function globals": "{{ need.__globals__ }}",
    "builtins by item": "{{ need['__builtins__'] }}",
    "model's globals": "{{ inspection.letter_details.__func__.__globals__['os'] }}",
    "environment": "{{ environment.globals }}",
    "context": "{{ context.parent }}",
    "environ": "{{ environ }}",
    "dict global": "{{ dict(a=1) }}",
    "range global": "{{ range(10)|list }}",
    "include absolute": "{% include '/etc/passwd' %}",
    "include relative": "{% include '../../../../../../../etc/passwd' %}",
    "import": "{% import 'os' as os %}{{ os.environ }}",
    "extends": "{% extends '../../../etc/passwd' %}",
    "change offices": "{{ offices.pop('bristol') }}",
    "change a list": "{% set found = [1] %}{{ found.append(2) }}",
    "change a dict": "{% set found = {} %}{{ found.update({'a': 1}) }}",
    "recursion": "{% macro again() %}{{ again() }}{% endmacro %}{{ again() }}",
}
ROUTES = ("template_dir", "source")


@pytest.fixture(autouse=True)
def secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """A secret in the environment, which no error may show."""
    monkeypatch.setenv("INSPECTION_LETTERS_SECRET", SECRET)


def render(route: str, source: str, directory: Path) -> Letter:
    """Render ``source`` as the children's template from a directory, or as an audience's own."""
    if route == "template_dir":
        (directory / "children.jinja").write_text(source, encoding="utf-8")
        return render_letter(example(), "children", template_dir=directory)
    mine = AudienceRegistry()
    mine.register("members", no_context, source=source)
    return render_letter(example(), "members", registry=mine)


def refused(route: str, source: str, directory: Path) -> InspectionLettersError:
    """The library's error that rendering ``source`` gives; it fails the test to give none."""
    with pytest.raises(InspectionLettersError) as raised:
        render(route, source, directory)
    return raised.value


def leaks(message: str) -> list[str]:
    """What ``message`` shows that it must not: a file, a command's output, the environment."""
    signs = ("root:", "uid=", SECRET, "/bin/", "<class ", "<module ", "__builtins__': {")
    return [sign for sign in signs if sign in message]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("payload", list(INJECTIONS.values()), ids=list(INJECTIONS))
def test_injection_payload_is_refused(tmp_path: Path, route: str, payload: str) -> None:
    """A known template injection payload gives the library's error, and shows nothing."""
    # In the title, so that a payload the sandbox let through would make a letter, and fail.
    within = (
        payload if "extends" in payload else f"{{% call set('title') %}}{payload}{{% endcall %}}"
    )
    error = refused(route, within, tmp_path)
    assert isinstance(error, TemplateSecurityError | TemplateError)
    assert not isinstance(error, jinja2.TemplateError)
    assert error.__cause__ is None
    assert [] == leaks(str(error))


RESOURCES = {
    "string repetition": "{{ 'a' * 10**9 }}",
    "list repetition": "{{ [0] * 10**9 }}",
    "repetition in steps": "{{ 'a' * 10**5 * 10**5 }}",
    "power": "{{ 2 ** (10 ** 9) }}",
    "power when compiled": "{{ 10 ** 10000000 }}",
    "doubling with ~": "{% set s = 'ab' %}" + "{% set s = s ~ s %}" * 40,
    "doubling with +": "{% set s = 'ab' %}" + "{% set s = s + s %}" * 40,
    "center filter": "{{ 'x'|center(10**9) }}",
    "center method": "{{ 'x'.center(10**9) }}",
    "ljust method": "{{ 'x'.ljust(10**9) }}",
    "zfill method": "{{ '1'.zfill(10**9) }}",
    "truncate filter": "{{ 'x'|truncate(10**9) }}",
    "batch filter": "{{ [1]|batch(10**9)|list }}",
    "expandtabs method": "{{ ('\\t' * 100000).expandtabs(100000) }}",
    "indent filter": "{{ ('\\n' * 100000)|indent(100000) }}",
    "replace filter": "{{ ('a' * 1000)|replace('a', 'a' * 100000) }}",
    "replace method": "{{ ('a' * 1000).replace('a', 'a' * 100000) }}",
    "join filter": "{{ (['a' * 100000] * 1000)|join }}",
    "join method": "{{ '-'.join(['a' * 100000] * 1000) }}",
    "translate method": "{{ ('a' * 10000).translate({97: 'b' * 10000}) }}",
    "wordwrap filter": "{{ ('a ' * 100000)|wordwrap(2, wrapstring='x' * 1000) }}",
    "percent width": "{{ '%999999999s' % 'a' }}",
    "percent widths added": "{{ '%1000000s' * 100 % (('a',) * 100) }}",
    "percent width from arguments": "{{ '%*s' % (10**9, 'a') }}",
    "format filter width": "{{ '%999999999s'|format('a') }}",
    "format method width": "{{ '{:999999999}'.format('a') }}",
    "format width from arguments": "{{ '{:{}}'.format('a', 10**9) }}",
    "sum of lists": "{{ [[0] * 1000] * 1000|sum(start=[]) }}",
}


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("payload", list(RESOURCES.values()), ids=list(RESOURCES))
def test_resource_exhaustion_is_refused(tmp_path: Path, route: str, payload: str) -> None:
    """An operation that would make gigabytes is refused before it runs."""
    error = refused(route, TITLE + payload, tmp_path)
    assert isinstance(error, TemplateSecurityError)
    assert "sandbox forbids" in str(error)


ALLOWED = {
    "'-' * 20": "-" * 20,
    "('a' * 10000000)|length": "10000000",
    "area|upper": "GLOUCESTERSHIRE",
    "area ~ ' ' ~ 2022": "Gloucestershire 2022",
    "[1, 2] + [3]": "[1, 2, 3]",
    "2 ** 10": "1024",
    "'%5s|' % 'a'": "    a|",
    "'{:>6}|'.format('a')": "     a|",
    "'x'|center(5)": "  x  ",
    "inspection.findings|map(attribute='area')|select|list|length": "6",
    "[area, area]|join(', ')": "Gloucestershire, Gloucestershire",
    "'Glos'.replace('s', 'ss')": "Gloss",
    "[1, 2, 3]|sum": "6",
}


@pytest.mark.parametrize(("expression", "expected"), list(ALLOWED.items()), ids=list(ALLOWED))
def test_ordinary_operations_still_work(tmp_path: Path, expression: str, expected: str) -> None:
    """Repetition, joining, padding and formatting of ordinary sizes work as in Jinja."""
    source = f"{{% call set('title') %}}{{{{ {expression} }}}}{{% endcall %}}"
    assert expected == render("source", source, tmp_path).title


def test_regression_gigabyte_string_in_a_template_is_refused(tmp_path: Path) -> None:
    """``'a' * 10**9`` is refused before it runs; it took a gigabyte and half a minute."""
    with pytest.raises(TemplateSecurityError, match="'\\*' would make 1,000,000,000 characters"):
        render("source", TITLE + "{{ 'a' * 10**9 }}", tmp_path)


def test_one_character_more_than_the_limit_is_refused(tmp_path: Path) -> None:
    """Ten million characters may be made at once; one more may not."""
    with pytest.raises(TemplateSecurityError, match="10,000,001 characters or items"):
        render("source", TITLE + "{{ ('a' * 10000001)|length }}", tmp_path)


def test_regression_template_link_out_of_the_directory_is_refused(tmp_path: Path) -> None:
    """A template that is a symbolic link to a file outside the directory is not read."""
    outside = tmp_path / "outside.txt"
    outside.write_text("SECRET FILE CONTENTS", encoding="utf-8")
    directory = tmp_path / "templates"
    directory.mkdir()
    os.symlink(outside, directory / "secret.jinja")
    (directory / "children.jinja").write_text(
        "{% call set('title') %}{% include 'secret.jinja' %}{% endcall %}", encoding="utf-8"
    )
    with pytest.raises(TemplateSecurityError, match="is a link to a file outside") as raised:
        render_letter(example(), template_dir=directory)
    assert "SECRET FILE CONTENTS" not in str(raised.value)


def test_template_link_inside_the_directory_is_read(tmp_path: Path) -> None:
    """A symbolic link to another template in the same directory is followed."""
    (tmp_path / "title.txt").write_text("From a link", encoding="utf-8")
    os.symlink(tmp_path / "title.txt", tmp_path / "title.jinja")
    (tmp_path / "children.jinja").write_text(
        "{% call set('title') %}{% include 'title.jinja' %}{% endcall %}", encoding="utf-8"
    )
    assert "From a link" == render_letter(example(), template_dir=tmp_path).title


def test_library_templates_run_in_the_sandbox_too(tmp_path: Path) -> None:
    """With a template directory, even the library's own templates run within the limits."""
    letter = render_letter(example(), "director", template_dir=tmp_path)
    assert render_letter(example(), "director") == letter
