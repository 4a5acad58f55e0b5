"""``render_letter``: an inspection and an audience in, a :class:`Letter` out."""

import operator
import os
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import jinja2

from .._errors import TemplateError
from .._model.frameworks import JudgementArea
from .._model.grades import Grade
from .._model.inspection import Inspection
from .._model.people import OFFICES
from .._model.rules import check
from .audiences import LIBRARY_AUDIENCES, Audience, AudienceRegistry, audiences
from .builder import BUILDER_FUNCTIONS, LetterBuilder
from .compiled import compiled_template, names_read
from .environment import get_template, package_environment, render, user_environment
from .letter import Letter
from .placeholders import Missing


def _environment(
    audience: Audience, template_dirs: Sequence[str | os.PathLike[str]]
) -> jinja2.Environment:
    if not audience.sandboxed and not audience.directory and not template_dirs:
        return package_environment()  # the library's own audiences, without a list made
    directories = [*([audience.directory] if audience.directory else []), *template_dirs]
    if not audience.sandboxed and not directories:
        return package_environment()
    return user_environment(*directories)


def _grade_rows(inspection: Inspection, builder: LetterBuilder) -> list[tuple[JudgementArea, Any]]:
    era = inspection.era
    judgements = inspection.judgements
    areas = era.areas if era is not None else tuple(j.area for j in judgements)
    if len(judgements) == len(areas) and all(map(operator.is_, map(_AREA, judgements), areas)):
        # Nearly every inspection: one judgement an area, in the era's order.
        return [(j.area, j.grade) for j in judgements]
    # What grade_of gives, found once: the first grade of each area.
    given: dict[JudgementArea, Grade] = {}
    for judgement in judgements:
        given.setdefault(judgement.area, judgement.grade)
    rows: list[tuple[JudgementArea, Any]] = []
    for area in areas:
        grade: Grade | Missing | None = given.get(area)
        if grade is None and builder.draft:
            grade = builder.need(
                None, f"judgements.{area.value}", f"the grade for {area.title.lower()}"
            )
        rows.append((area, grade))
    return rows


_AREA = operator.attrgetter("area")


def _what(audience: Audience) -> str:
    return f"the template of the {audience.name!r} audience"


def render_letter(
    inspection: Inspection,
    audience: str = "children",
    *,
    draft: bool = False,
    template_dir: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
    registry: AudienceRegistry | None = None,
) -> Letter:
    """The letter ``audience`` is sent after ``inspection``.

    Unless ``draft``, the inspection must break no error-level rule, and every
    field the letter needs must be there: one :class:`MissingInputError` names
    every one that is not. A draft shows a visible placeholder for each
    instead. :class:`LetterNotDueError` says why a letter is not sent for this
    outcome. ``template_dir`` names directories of templates that override the
    library's own, by file name; they run in Jinja2's sandbox.
    """
    chosen = (registry if registry is not None else audiences).get(audience)
    if not draft:
        check(inspection)
    prepared = chosen.prepare(inspection)
    area = inspection.authority.name
    details = inspection.letter_details(chosen.name)
    # What every letter's template is given; the builder's and the grade rows come with it.
    given: dict[str, Any] = {
        "inspection": inspection,
        "area": area,
        "details": details,
        "phrase": details.phrase,
        "offices": OFFICES,
        "draft": draft,
    }
    builder = LetterBuilder(audience=chosen.name, area=area, draft=draft)
    written = None
    # The library's own templates run compiled to Python (``compiled.py``), a user's by Jinja2.
    fast = None
    if (
        template_dir is None
        and chosen.source is None
        and not chosen.sandboxed
        and not chosen.directory
        # The compiled templates call the builder's functions directly, so an audience's
        # ``prepare`` that gives one of their names is rendered by Jinja2.
        and BUILDER_FUNCTIONS.isdisjoint(prepared)
    ):
        fast = compiled_template(chosen.template_name)
    if fast is not None:
        # The compiled template calls the builder itself, and is given only what it reads.
        reads = names_read(chosen.template_name) or ()
        context = {**given, **prepared}
        if "grades" in reads and "grades" not in prepared:
            context["grades"] = tuple(_grade_rows(inspection, builder))
        try:
            written = fast(context, builder)
            # The library's template and policy: the template's words are the library's
            # (a test looks at every one) and the rest is the data's text, checked when
            # read; unless attrs' validators are turned off, when the data was not.
            builder.own_words_only = (
                id(chosen) in _LIBRARY_AUDIENCES and not attrs.validators.get_disabled()
            )
        except Exception:
            # Whatever the compiled template cannot do, Jinja2 does again from the
            # start, with a new builder, so that the error and its message are Jinja2's.
            written = None
            builder = LetterBuilder(audience=chosen.name, area=area, draft=draft)
    if written is None:
        written = _rendered_by_jinja(chosen, template_dir, builder, given, prepared, inspection)
    if written and not written.isspace():
        what = _what(chosen)
        stray = written.strip().splitlines()[0][:60]
        message = (
            f"{what} writes text outside any part "
            f"(such as {stray!r}); put text inside a set, add, paragraph or heading call"
        )
        raise TemplateError(message)
    return builder.letter()


# By identity: the library's own audiences are made once, and live as long as the process.
_LIBRARY_AUDIENCES = frozenset(map(id, LIBRARY_AUDIENCES))


def _rendered_by_jinja(
    chosen: Audience,
    template_dir: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None,
    builder: LetterBuilder,
    given: dict[str, Any],
    prepared: Mapping[str, Any],
    inspection: Inspection,
) -> str:
    """What Jinja2 writes rendering ``chosen``'s template into ``builder``, a new one."""
    directories: Sequence[str | os.PathLike[str]]
    if template_dir is None:
        directories = ()
    elif isinstance(template_dir, (str, os.PathLike)):
        directories = (template_dir,)
    else:
        directories = tuple(template_dir)
    environment = _environment(chosen, directories)
    grades = tuple(_grade_rows(inspection, builder))
    context = {**given, "grades": grades, **builder.functions(), **prepared}
    template = get_template(environment, name=chosen.template_name, source=chosen.source)
    return render(template, context, what=_what(chosen))
