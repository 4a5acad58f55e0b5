"""Advisories about an inspection's letters, which need the audiences to tell.

The framework's rules (:mod:`inspection_letters._model.rules`) see only the
inspection. Two things in its ``letters`` are silently unused, and only the
audiences can tell: details for an audience no one registered, and a
``wording`` phrase that the audience's template never asks for (a misspelt
name, say: the template keeps its default). Both are advisories, as
``validate`` reports them: a letter is still written.
"""

import os
from collections.abc import Iterator, Sequence

import jinja2
from jinja2 import nodes

from .._errors import InspectionLettersError
from .._model.inspection import Inspection
from .._model.rules import Problem, Severity
from .audiences import Audience, AudienceRegistry, audiences
from .environment import package_environment, user_environment

# The calls by which a template asks for a phrase: ``phrase(...)`` and ``details.phrase(...)``.
_PHRASE = "phrase"
_LOADS = (nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport)


def _environment(audience: Audience, template_dirs: Sequence[str]) -> jinja2.Environment:
    directories = [*([audience.directory] if audience.directory else []), *template_dirs]
    if not audience.sandboxed and not directories:
        return package_environment()
    return user_environment(*directories)


def _phrases(environment: jinja2.Environment, source: str, seen: set[str], found: set[str]) -> bool:
    """Add the phrases ``source`` and the templates it loads ask for; False if one is not known."""
    tree = environment.parse(source)
    for call in tree.find_all(nodes.Call):
        called = call.node
        name = called.name if isinstance(called, nodes.Name) else getattr(called, "attr", None)
        if name != _PHRASE:
            continue
        first = call.args[0] if call.args else None
        if not (isinstance(first, nodes.Const) and isinstance(first.value, str)):
            return False  # a name worked out as the template runs
        found.add(first.value)
    for load in tree.find_all(_LOADS):
        target = getattr(load, "template", None)
        if not (isinstance(target, nodes.Const) and isinstance(target.value, str)):
            return False
        if target.value not in seen:
            seen.add(target.value)
            assert environment.loader is not None
            loaded, _, _ = environment.loader.get_source(environment, target.value)
            if not _phrases(environment, loaded, seen, found):
                return False
    return True


def phrases_asked(audience: Audience, template_dirs: Sequence[str] = ()) -> frozenset[str] | None:
    """The phrases ``audience``'s template asks for; ``None`` where that cannot be told."""
    try:
        environment = _environment(audience, template_dirs)
        source = audience.source
        if source is None:
            assert environment.loader is not None
            source, _, _ = environment.loader.get_source(environment, audience.template_name)
        found: set[str] = set()
        if not _phrases(environment, source, {audience.template_name}, found):
            return None
    except (InspectionLettersError, jinja2.TemplateError, OSError):
        return None  # rendering the letter reports what is wrong with the template
    return frozenset(found)


def _advisories(
    inspection: Inspection, registry: AudienceRegistry, template_dirs: Sequence[str]
) -> Iterator[Problem]:
    for details in inspection.letters:
        where = f"letters.{details.audience}"
        if details.audience not in registry:
            known = ", ".join(map(repr, registry))
            yield Problem(
                code="letters-unknown-audience",
                severity=Severity.ADVISORY,
                path=where,
                message=(
                    f"{details.audience!r} is not a registered audience, so no letter uses "
                    f"these details; the audiences are {known}"
                ),
            )
            continue
        if not details.wording:
            continue
        asked = phrases_asked(registry.get(details.audience), template_dirs)
        if asked is None:
            continue
        wanted = ", ".join(map(repr, sorted(asked))) or "none"
        for name, _ in details.wording:
            if name not in asked:
                yield Problem(
                    code="wording-unused",
                    severity=Severity.ADVISORY,
                    path=f"{where}.wording.{name}",
                    message=(
                        f"the {details.audience!r} letter's template never asks for the phrase "
                        f"{name!r}, so it is not used; it asks for {wanted}"
                    ),
                )


def letter_advisories(
    inspection: Inspection,
    *,
    registry: AudienceRegistry | None = None,
    template_dir: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
) -> tuple[Problem, ...]:
    """The advisories about ``inspection``'s letters: unknown audiences, wording not asked for."""
    if template_dir is None:
        directories: tuple[str, ...] = ()
    elif isinstance(template_dir, str | os.PathLike):
        directories = (os.fspath(template_dir),)
    else:
        directories = tuple(os.fspath(d) for d in template_dir)
    chosen = registry if registry is not None else audiences
    return tuple(_advisories(inspection, chosen, directories))
