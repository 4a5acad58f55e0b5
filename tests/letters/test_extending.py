"""Extending the letters: audiences of one's own, plugins, template overrides, the sandbox."""

import importlib.metadata
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import attrs
import jinja2
import pytest

from inspection_letters import (
    Audience,
    AudienceRegistry,
    Format,
    FormatRegistry,
    Inspection,
    InspectionLettersError,
    Letter,
    LetterNotDueError,
    PluginError,
    TemplateError,
    TemplateSecurityError,
    UnknownNameError,
    audiences,
    formats,
    graded_only,
    render_letter,
)
from tests.helpers import example, ungraded

MEMBERS = """\
{% call set("title") %}Your council's children's services{% endcall %}
{% call set("salutation") %}To the elected members of {{ area }}{% endcall %}
{% call paragraph() %}Inspectors judged overall effectiveness {{ overall }}.{% endcall %}
{% call set("closing") %}Yours faithfully{% endcall %}
"""


def members(inspection: Inspection) -> Mapping[str, Any]:
    """A letter to a council's elected members, after a graded inspection."""
    graded_only(inspection)
    overall = inspection.overall
    return {"overall": overall.prose if overall is not None else "not at all"}


@pytest.fixture
def members_by_default() -> Iterator[None]:
    """The audience ``members``, registered with the decorator on the default registry."""

    @audiences.register("members", source=MEMBERS)
    def prepare(inspection: Inspection) -> Mapping[str, Any]:
        return members(inspection)

    yield
    audiences.remove("members")


def test_custom_registry_with_the_decorator() -> None:
    """An audience registered with the decorator on a registry of one's own renders."""
    mine = AudienceRegistry()

    @mine.register("members", source=MEMBERS)
    def prepare(inspection: Inspection) -> Mapping[str, Any]:
        """A letter to the elected members."""
        return members(inspection)

    letter = render_letter(example(), audience="members", registry=mine)
    assert "Your council's children's services" == letter.title
    expected = "Inspectors judged overall effectiveness requires improvement to be good."
    assert expected in str(letter)
    assert "A letter to the elected members." == mine.get("members").description
    assert "members" not in audiences
    assert {"members", "governors"} == set(mine)


def test_custom_audience_on_the_default_registry(members_by_default: None) -> None:
    """An audience registered on the default registry renders in every format."""
    letter = render_letter(example(), audience="members")
    assert "To the elected members of Gloucestershire" == letter.salutation
    for name in formats:
        assert letter.render(name)
    assert "members" in audiences


def test_custom_audience_is_removed_after_its_test() -> None:
    """The fixture's audience does not outlive its test."""
    assert "members" not in audiences


def test_registering_a_name_twice_is_refused() -> None:
    """A name is not replaced unless the caller says so."""
    mine = AudienceRegistry()
    mine.register("members", members, source=MEMBERS)
    with pytest.raises(ValueError, match="registered already; pass replace=True"):
        mine.register("members", members, source=MEMBERS)
    again = "{% call set('title') %}New{% endcall %}"
    mine.register("members", members, source=again, replace=True)
    assert "New" == render_letter(example(), "members", registry=mine).title
    removed = mine.remove("members")
    assert isinstance(removed, Audience)
    with pytest.raises(UnknownNameError):
        mine.get("members")


def test_plugin_audience_is_discovered() -> None:
    """The installed test plugin's audience is in the default registry."""
    assert "governors" in audiences
    plugin = audiences.get("governors")
    assert "governors" == plugin.name
    assert plugin.prepare is graded_only


def test_plugin_audience_renders() -> None:
    """The plugin's letter renders, and follows graded inspections only."""
    letter = render_letter(example(), audience="governors")
    assert "A note for the governors of Gloucestershire" == letter.title
    assert "Inspectors have graded Gloucestershire's children's services." in str(letter)
    with pytest.raises(LetterNotDueError, match="follows graded inspections"):
        render_letter(ungraded(), audience="governors")


def test_a_plugins_name_is_taken() -> None:
    """A name a plugin takes is refused, even before the registry has been listed."""
    with pytest.raises(ValueError, match="'governors' is registered already"):
        AudienceRegistry().register("governors", members, source=MEMBERS)


@pytest.mark.parametrize("first", ["inspection_letters", "inspection_letters_test_plugin"])
def test_library_imports_with_a_plugin_installed(first: str) -> None:
    """A plugin that imports the library loads, whichever is imported first."""
    code = f"import {first}\nfrom inspection_letters import audiences\nprint(','.join(audiences))\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "children,director,governors" == done.stdout.strip()


def write(directory: Path, name: str, source: str) -> Path:
    """Write a template file into ``directory``."""
    (directory / name).write_text(source, encoding="utf-8")
    return directory


OWN_CHILDREN = """\
{% from "_parts.jinja" import letterhead with context %}
{{ letterhead(offices["manchester"]) }}
{% call set("title") %}A letter of our own{% endcall %}
{% set count = inspection.findings | length | number_words %}
{% call paragraph() %}Hello, {{ area }}: {{ count }} findings.{% endcall %}
{{ finding_list(inspection.findings) }}
"""


def test_template_override_takes_effect(tmp_path: Path) -> None:
    """A children.jinja in the user's directory replaces the library's, with its parts."""
    letter = render_letter(example(), template_dir=write(tmp_path, "children.jinja", OWN_CHILDREN))
    assert "A letter of our own" == letter.title
    assert "Hello, Gloucestershire: eight findings." in str(letter)
    assert letter.letterhead is not None
    assert "Piccadilly Gate" == letter.letterhead.address[0]
    assert letter.findings == tuple(f.text for f in example().findings)


def test_template_override_leaves_other_audiences(tmp_path: Path) -> None:
    """Overriding the children's template leaves the director's letter as it was."""
    directory = write(tmp_path, "children.jinja", OWN_CHILDREN)
    overridden = render_letter(example(), "director", template_dir=directory)
    assert render_letter(example(), "director") == overridden


def test_template_override_is_read_again_when_changed(tmp_path: Path) -> None:
    """A user's template edited between two letters is read again."""
    template = write(tmp_path, "children.jinja", "{% call set('title') %}One{% endcall %}")
    assert "One" == render_letter(example(), template_dir=tmp_path).title
    (template / "children.jinja").write_text("{% call set('title') %}Two{% endcall %}")
    later = (template / "children.jinja").stat().st_mtime + 10
    os.utime(template / "children.jinja", (later, later))
    assert "Two" == render_letter(example(), template_dir=tmp_path).title


@pytest.fixture
def tmp_dirs(tmp_path: Path) -> Path:
    """Two empty template directories under ``tmp_path``."""
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
    return tmp_path


def test_first_template_directory_wins(tmp_dirs: Path) -> None:
    """Of several directories, the first that has the template gives it."""
    first = write(tmp_dirs / "first", "children.jinja", "{% call set('title') %}1{% endcall %}")
    second = write(tmp_dirs / "second", "children.jinja", "{% call set('title') %}2{% endcall %}")
    assert "1" == render_letter(example(), template_dir=[first, second]).title


def test_audience_directory(tmp_dirs: Path) -> None:
    """An audience may name the directory its template file is in."""
    directory = write(tmp_dirs / "first", "note.jinja", "{% call set('title') %}Note{% endcall %}")
    mine = AudienceRegistry()
    mine.register("members", members, template="note.jinja", directory=str(directory))
    assert "Note" == render_letter(example(), "members", registry=mine).title


def test_template_directory_must_exist(tmp_path: Path) -> None:
    """A template directory that is not there is the library's error."""
    with pytest.raises(TemplateError, match="is not a directory of templates"):
        render_letter(example(), template_dir=tmp_path / "missing")


REACHING = {
    "__class__": "{{ area.__class__ }}",
    "__class__ quietly": "{% set kind = area.__class__ %}",
    "__globals__": "{{ need.__globals__ }}",
    "__globals__ by item": "{{ need['__globals__'] }}",
    "__globals__ by attr": "{{ need | attr('__globals__') }}",
    "__mro__": "{{ area.__class__.__mro__ }}",
    "cycler": "{{ cycler.__init__.__globals__ }}",
    "joiner": "{{ joiner() }}",
    "namespace": "{% set ns = namespace(found=false) %}",
    "lipsum": "{{ lipsum() }}",
    "self": "{% call paragraph() %}{{ self }}{% endcall %}",
    "range": "{% for i in range(10) %}{% endfor %}",
}


@pytest.mark.parametrize("reach", list(REACHING.values()), ids=list(REACHING))
def test_sandbox_stops_a_reaching_template(tmp_path: Path, reach: str) -> None:
    """A user's template reaching past the sandbox is stopped with the library's error."""
    source = "{% call set('title') %}T{% endcall %}\n" + reach
    directory = write(tmp_path, "children.jinja", source)
    with pytest.raises(InspectionLettersError) as raised:
        render_letter(example(), template_dir=directory)
    assert isinstance(raised.value, TemplateSecurityError | TemplateError)
    assert not isinstance(raised.value, jinja2.TemplateError)
    assert raised.value.__cause__ is None


@pytest.mark.parametrize("reach", list(REACHING.values()), ids=list(REACHING))
def test_sandbox_stops_a_reaching_audience_source(reach: str) -> None:
    """An audience's own template source runs in the sandbox too."""
    mine = AudienceRegistry()
    mine.register("members", members, source="{% call set('title') %}T{% endcall %}" + reach)
    with pytest.raises(TemplateSecurityError, match="sandbox forbids"):
        render_letter(example(), "members", registry=mine)


BROKEN = {
    "stray text": ("{% call set('title') %}T{% endcall %}Hello", "writes text outside any part"),
    "unknown part": ("{% call set('motto') %}T{% endcall %}", "'motto' is not a part"),
    "syntax": ("{% call set('title') %}T{% endcal %}", "line 1"),
    "undefined": ("{% call set('title') %}{{ nothing }}{% endcall %}", "'nothing' is undefined"),
    "none": ("{% call set('title') %}{{ inspection.theme }}{% endcall %}", "printed None"),
    "no title": ("{% call paragraph() %}Hi{% endcall %}", "sets no title"),
    "division": ("{% call set('title') %}{{ 1 // (team or 0) }}{% endcall %}", "division"),
    "external image": (
        "{% call set('title') %}T{% endcall %}"
        "{% call set('signature_name') %}N{% endcall %}"
        "{% call set('signature_image') %}http://example.org/s.png{% endcall %}",
        "is not an image as a data URI",
    ),
    "quote outside": (
        "{% call set('title') %}{{ quote('x') }}{% endcall %}",
        "quotation was marked outside",
    ),
    "bad date": ("{% call set('title') %}{{ area | long_date }}{% endcall %}", "is not a date"),
}


@pytest.mark.parametrize(("source", "message"), list(BROKEN.values()), ids=list(BROKEN))
def test_broken_template_is_the_librarys_error(source: str, message: str) -> None:
    """A template that cannot make a letter says why, with the library's own error."""
    mine = AudienceRegistry()
    mine.register("members", lambda inspection: {"team": None}, source=source)
    with pytest.raises(InspectionLettersError, match=message) as raised:
        render_letter(example(), "members", registry=mine)
    assert not isinstance(raised.value, jinja2.TemplateError)


def shout(letter: Letter) -> str:
    """The letter in capitals."""
    return str(letter).upper()


@pytest.fixture
def shouting() -> Iterator[None]:
    """The format ``shout`` on the default registry, for one test."""
    formats.register("shout", shout, extension="txt")
    yield
    formats.remove("shout")


def test_adding_a_format(shouting: None) -> None:
    """A registered writer is a format every letter renders in."""
    letter = render_letter(example(), audience="director")
    assert str(letter).upper() == letter.render("shout")
    assert "The letter in capitals." == formats.get("shout").description


def test_binary_format() -> None:
    """A format may give bytes, and says so."""
    mine = FormatRegistry()

    @mine.register("utf16", extension="txt", binary=True)
    def utf16(letter: Letter) -> bytes:
        return str(letter).encode("utf-16")

    letter = render_letter(example())
    output = mine.get("utf16")(letter)
    assert isinstance(output, bytes)
    assert str(letter) == output.decode("utf-16")
    assert mine.get("utf16").binary


UPPER = Format(write=shout, extension="txt", description="Capitals, from a plugin.")
NOT_A_FORMAT = "a string"


def plugin_registry(monkeypatch: pytest.MonkeyPatch, value: str) -> FormatRegistry:
    """A fresh format registry whose entry-point group offers ``value`` as ``upper``."""
    group = "inspection_letters.formats"
    found = [EntryPoint(name="upper", value=value, group=group)]

    def entry_points(*, group: str) -> list[EntryPoint]:
        return found if group == "inspection_letters.formats" else []

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return FormatRegistry()


def test_format_plugin_is_discovered(monkeypatch: pytest.MonkeyPatch) -> None:
    """A format offered through ``inspection_letters.formats`` is registered when looked up."""
    mine = plugin_registry(monkeypatch, f"{__name__}:UPPER")
    assert ["upper"] == list(mine)
    assert UPPER is mine.get("upper")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (f"{__name__}:NOT_A_FORMAT", "is 'a string', not a Format"),
        ("no_such_module_of_ours:UPPER", "cannot be loaded"),
    ],
)
def test_broken_format_plugin(monkeypatch: pytest.MonkeyPatch, value: str, message: str) -> None:
    """A plugin that cannot be loaded, or is not a format, is a PluginError."""
    mine = plugin_registry(monkeypatch, value)
    with pytest.raises(PluginError, match=message):
        list(mine)


def test_audience_fields() -> None:
    """An audience's template file is named after it unless it says otherwise."""
    plain = Audience(name="members", prepare=members)
    assert "members.jinja" == plain.template_name
    assert "note.jinja" == attrs.evolve(plain, template="note.jinja").template_name
    assert plain.sandboxed
