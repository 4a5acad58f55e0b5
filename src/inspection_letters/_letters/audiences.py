"""Audiences: who a letter is written to, its template, and when it is due.

An audience pairs a template (the letter's wording, in one place) with a
``prepare`` function that decides whether the letter is due for an inspection
(raising :class:`LetterNotDueError` where not) and gives the template anything
it needs beyond the inspection. Audiences of other packages arrive through the
entry-point group ``inspection_letters.audiences`` (each entry point names an
:class:`Audience`).
"""

import os
from collections.abc import Callable, Mapping
from importlib.resources.abc import Traversable
from typing import Any, overload

from attrs import field, frozen

from .._errors import InvalidValueError, LetterNotDueError
from .._model.inspection import Inspection
from .._registry import Registry
from .director import director_outcome

Prepare = Callable[[Inspection], Mapping[str, Any]]

#: A directory of templates: a path, or a package's folder from ``importlib.resources.files``.
TemplateDirectory = str | os.PathLike[str] | Traversable


def _template_directory(value: TemplateDirectory | None) -> str | None:
    """A template directory as the path the template loader reads, or ``None``.

    ``files("my_letters") / "templates"`` is a ``Path`` for an installed
    package, so a plugin names its own folder with no ``str()``; a folder that
    is not on disk (a package inside a zip file) cannot be read as templates.
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, Traversable):
        raise InvalidValueError(
            f"{value!r} is not a folder on disk; a template directory must be one "
            "(install the package unzipped)"
        )
    raise InvalidValueError(
        f"{value!r} is not a template directory; expected a path, or a folder from "
        "importlib.resources.files()"
    )


@frozen(kw_only=True)
class Audience:
    """A kind of letter: its name, its template, and when it is due.

    The template is ``source`` (Jinja2 text) where given, else the file
    ``template`` found in ``directory``, in the caller's template directory, or
    among the library's own templates. Templates other than the library's own
    run in Jinja2's sandbox unless ``sandboxed`` is false.
    """

    name: str
    prepare: Prepare
    template: str | None = None
    source: str | None = None
    directory: str | None = field(default=None, converter=_template_directory)
    """Where ``template`` is: a ``str``, a ``Path``, or a package's folder (a ``Traversable``)."""

    description: str = ""
    sandboxed: bool = field(default=True)

    @property
    def template_name(self) -> str:
        """The template's file name, by default the audience's name with ``.jinja``."""
        return self.template or f"{self.name}.jinja"


def no_context(inspection: Inspection) -> Mapping[str, Any]:
    """A ``prepare`` for letters due after every inspection, needing nothing more."""
    return {}


def graded_only(inspection: Inspection) -> Mapping[str, Any]:
    """A ``prepare`` for letters due only after graded inspections."""
    if not inspection.type.graded:
        area = inspection.authority.name
        reason = f"a {inspection.type.label} is not graded; this letter follows graded inspections"
        raise LetterNotDueError(f"letter not due for {area!r}: {reason}")
    return {}


def _director(inspection: Inspection) -> Mapping[str, Any]:
    return {"outcome": director_outcome(inspection)}


class AudienceRegistry(Registry[Audience]):
    """The audiences letters can be written for.

    >>> from inspection_letters import audiences
    >>> "children" in audiences and "director" in audiences
    True
    """

    def __init__(self) -> None:
        super().__init__("audience", Audience, "inspection_letters.audiences")

    @overload
    def register(self, name: Audience, /, *, replace: bool = ...) -> Audience: ...

    @overload
    def register(
        self,
        name: str,
        prepare: Prepare,
        /,
        *,
        template: str | None = ...,
        source: str | None = ...,
        directory: TemplateDirectory | None = ...,
        description: str = ...,
        replace: bool = ...,
    ) -> Prepare: ...

    @overload
    def register(
        self,
        name: str,
        prepare: None = None,
        /,
        *,
        template: str | None = ...,
        source: str | None = ...,
        directory: TemplateDirectory | None = ...,
        description: str = ...,
        replace: bool = ...,
    ) -> Callable[[Prepare], Prepare]: ...

    def register(
        self,
        name: str | Audience,
        prepare: Prepare | None = None,
        /,
        *,
        template: str | None = None,
        source: str | None = None,
        directory: TemplateDirectory | None = None,
        description: str = "",
        replace: bool = False,
    ) -> Any:
        """Register an audience; used without ``prepare``, a decorator of it.

        >>> from inspection_letters import AudienceRegistry
        >>> mine = AudienceRegistry()
        >>> @mine.register("members", source="{% call set('title') %}Hello{% endcall %}")
        ... def members(inspection):
        ...     return {}
        >>> "members" in mine
        True
        """
        if isinstance(name, Audience):
            self.add(name.name, name, replace=replace)
            return name

        def add(function: Prepare) -> Prepare:
            summary = description or (function.__doc__ or "").strip().split("\n")[0]
            audience = Audience(
                name=name,
                prepare=function,
                template=template,
                source=source,
                directory=directory,
                description=summary,
            )
            self.add(name, audience, replace=replace)
            return function

        return add if prepare is None else add(prepare)


_CHILDREN = Audience(
    name="children",
    prepare=graded_only,
    description="The letter to the children and young people of the area.",
    sandboxed=False,
)
_DIRECTOR = Audience(
    name="director",
    prepare=_director,
    description=(
        "The National Director's letter to the Director of Children's Services, "
        "congratulating them on an outcome."
    ),
    sandboxed=False,
)
#: The library's own audiences, as it registers them: their templates and policies are its own.
LIBRARY_AUDIENCES = (_CHILDREN, _DIRECTOR)


def _builtin_audiences() -> AudienceRegistry:
    made = AudienceRegistry()
    with made._without_plugins():
        for audience in LIBRARY_AUDIENCES:
            made.register(audience)
    return made


#: The default audience registry, with ``children`` and ``director`` built in.
audiences = _builtin_audiences()
