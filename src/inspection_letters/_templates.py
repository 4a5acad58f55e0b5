"""The Jinja2 environments letters are rendered in, configured explicitly.

The library's own templates run in a plain environment with
``StrictUndefined``, so a misspelt name is an error, not an empty gap. Templates
that users supply (a directory of overrides, or an audience's own source) run
in Jinja2's sandbox, behind which the package's templates stay available: a
``ChoiceLoader`` tries the user's directory first. Autoescaping is chosen by the
template's file type; letters' templates build structure, not markup, so they
are not escaped here, and the writers escape for their format. Environments
and compiled templates are made once and reused.
"""

import functools
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from ._builder import FILTERS, Missing
from ._errors import InspectionLettersError, TemplateError, TemplateSecurityError

_PACKAGE_LOADER = jinja2.PackageLoader("inspection_letters", "templates")


def _finalize(value: Any) -> Any:
    # Whatever a template prints passes here: a None is a bug in the template,
    # never something to show a reader as "None".
    if value is None:
        raise TemplateError("a template printed None; use need() for data that may be missing")
    if isinstance(value, Missing):
        return str(value)
    return value


def _configure(environment: jinja2.Environment) -> jinja2.Environment:
    environment.filters.update(FILTERS)
    return environment


def _options(loader: jinja2.BaseLoader) -> dict[str, Any]:
    return {
        "loader": loader,
        "undefined": jinja2.StrictUndefined,
        "autoescape": jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml"), default_for_string=False, default=False
        ),
        "trim_blocks": True,
        "lstrip_blocks": True,
        "auto_reload": False,
        "finalize": _finalize,
    }


@functools.cache
def package_environment() -> jinja2.Environment:
    """The environment of the library's own templates."""
    return _configure(jinja2.Environment(**_options(_PACKAGE_LOADER)))


@functools.cache
def _sandbox(directories: tuple[str, ...]) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(list(directories))]
    environment = SandboxedEnvironment(**_options(jinja2.ChoiceLoader([*loaders, _PACKAGE_LOADER])))
    # Jinja's default globals (range, dict, lipsum, cycler, joiner, namespace)
    # are not needed by letters; without them there is less to reach through.
    environment.globals.clear()
    return _configure(environment)


def user_environment(*directories: str | os.PathLike[str]) -> jinja2.Environment:
    """A sandboxed environment that looks in ``directories`` before the package."""
    resolved = []
    for directory in directories:
        path = Path(directory)
        if not path.is_dir():
            raise TemplateError(f"{str(path)!r} is not a directory of templates")
        resolved.append(str(path.resolve()))
    return _sandbox(tuple(resolved))


@functools.lru_cache(maxsize=256)
def _compile(environment: jinja2.Environment, source: str) -> jinja2.Template:
    with template_errors("an audience's template"):
        return environment.from_string(source)


def get_template(
    environment: jinja2.Environment, *, name: str | None, source: str | None
) -> jinja2.Template:
    """A compiled template: from ``source`` where given, else by ``name`` from the loaders."""
    if source is not None:
        return _compile(environment, source)
    if name is None:
        raise TemplateError("an audience needs a template name or a template source")
    with template_errors(repr(name)):
        return environment.get_template(name)


def render(template: jinja2.Template, context: Mapping[str, Any], *, what: str) -> str:
    """Render ``template``, turning Jinja's errors into the library's own."""
    with template_errors(what):
        return template.render(context)


@contextmanager
def template_errors(what: str) -> Iterator[None]:
    """Turn Jinja2's errors, and the sandbox's, into the library's own with ``what``."""
    try:
        yield
    except InspectionLettersError:
        raise
    except SecurityError as error:
        message = f"{what} tried something the sandbox forbids: {error}"
        raise TemplateSecurityError(message) from None
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.name or what}, line {error.lineno}"
        raise TemplateError(f"{where}: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise TemplateError(f"{what}: no template called {error.name!r} was found") from None
    except jinja2.UndefinedError as error:
        raise TemplateError(f"{what}: {error.message}") from None
    except jinja2.TemplateError as error:
        raise TemplateError(f"{what}: {error}") from None
    except (TypeError, AttributeError, ValueError, KeyError, IndexError) as error:
        raise TemplateError(f"{what}: {type(error).__name__}: {error}") from None
