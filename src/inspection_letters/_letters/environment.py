"""The Jinja2 environments letters are rendered in, configured explicitly.

The library's own templates run in a plain environment with
``StrictUndefined``, so a misspelt name is an error, not an empty gap. Templates
that users supply (a directory of overrides, or an audience's own source) run
in Jinja2's sandbox, behind which the package's templates stay available: a
``ChoiceLoader`` tries the user's directory first. Autoescaping is chosen by the
template's file type; letters' templates build structure, not markup, so they
are not escaped here, and the writers escape for their format. Environments
and compiled templates are made once and reused; a user's template files are
checked for changes each time they are used.
"""

import functools
import linecache
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import FunctionType, MethodType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context

from .._errors import InspectionLettersError, TemplateError, TemplateSecurityError
from .._model.inspection import LetterDetails
from .builder import LetterBuilder
from .expressions import inline_test
from .filters import FILTERS
from .placeholders import Missing
from .sandbox import ContainedLoader, LimitedSandbox

_PACKAGE_LOADER = jinja2.PackageLoader("inspection_letters._letters", "templates")


def _finalize(value: Any) -> Any:
    # Whatever a template prints passes here: a None is a bug in the template,
    # never something to show a reader as "None".
    if value is None:
        raise TemplateError("a template printed None; use need() for data that may be missing")
    if isinstance(value, Missing):
        return str(value)
    return value


def _is_missing(value: object) -> bool:
    return isinstance(value, Missing)


# The compiled templates test it in place, as isinstance (``_Missing``: compiled.py).
inline_test(_is_missing, "isinstance({}, _Missing)")


def _configure(environment: jinja2.Environment) -> jinja2.Environment:
    environment.filters.update(FILTERS)
    # `x is missing`: whether a template's data is a placeholder from need().
    environment.tests["missing"] = _is_missing
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


# The functions templates call that take nothing from Jinja: the builder's, and phrase().
_DIRECT_CALLS = frozenset(
    {
        *(f for n, f in vars(LetterBuilder).items() if isinstance(f, FunctionType) and n[0] != "_"),
        LetterDetails.phrase,
    }
)


class _LetterContext(Context):
    """The context of the library's own templates, which calls the builder's functions directly.

    At every call, Jinja's ``Context.call`` looks for the markers that ask for
    the context or environment (``pass_context`` and the like). The builder's
    functions carry none, and a letter makes some twenty-five calls to them; skipping
    the search saves about a quarter of the time a letter takes to render.
    Everything else is called as Jinja calls it.
    """

    def call(self, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        if type(obj) is MethodType and obj.__func__ in _DIRECT_CALLS:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
            try:
                return obj(*args, **kwargs)
            except StopIteration:  # as Jinja's own call does
                message = "value was undefined because a callable raised a StopIteration exception"
                return self.environment.undefined(message)
        return super().call(obj, *args, **kwargs)


@functools.cache
def package_environment() -> jinja2.Environment:
    """The environment of the library's own templates."""
    environment = _configure(jinja2.Environment(**_options(_PACKAGE_LOADER)))
    environment.context_class = _LetterContext
    return environment


# Jinja's default globals, and ``self`` (a template's reference to itself):
# letters need none of them, so a sandboxed template that names one is refused.
_FORBIDDEN_NAMES = frozenset({"self", "range", "dict", "lipsum", "cycler", "joiner", "namespace"})


class _LetterSandbox(LimitedSandbox):
    """The sandbox, refusing at compile time what it would refuse at run time, and more.

    The sandbox alone stops ``x.__class__`` only where the value is used, so
    ``{% set c = x.__class__ %}`` passes quietly, and it allows ``self``. Here a
    template that names a forbidden name, or an attribute or item that starts
    with an underscore, is refused whole, wherever in it the name stands.
    """

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for node in tree.find_all((nodes.Name, nodes.Getattr, nodes.Getitem, nodes.Filter)):
            reached = _reached(node)
            if reached is not None:
                where = f"line {node.lineno}"
                raise SecurityError(f"{where} reaches for {reached!r}, which templates may not use")
        return tree


def _reached(node: nodes.Node) -> str | None:
    """The forbidden name or private attribute ``node`` reaches for, if any."""
    if isinstance(node, nodes.Name):
        return node.name if node.name in _FORBIDDEN_NAMES else None
    if isinstance(node, nodes.Getattr):
        return node.attr if node.attr.startswith("_") else None
    if isinstance(node, nodes.Getitem):
        key = node.arg.value if isinstance(node.arg, nodes.Const) else None
        return key if isinstance(key, str) and key.startswith("_") else None
    if isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
        key = node.args[0].value if isinstance(node.args[0], nodes.Const) else None
        return key if isinstance(key, str) and key.startswith("_") else None
    return None


@functools.cache
def _sandbox(directories: tuple[str, ...]) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [ContainedLoader(list(directories))]
    environment = _LetterSandbox(**_options(jinja2.ChoiceLoader([*loaders, _PACKAGE_LOADER])))
    # A user edits their templates while the process runs: check each for changes when used.
    environment.auto_reload = True
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


def _template_line(error: BaseException) -> tuple[str, int] | None:
    """The file and line of the innermost template frame in ``error``'s traceback."""
    found = None
    trace = error.__traceback__
    while trace is not None:
        frame = trace.tb_frame
        if "__jinja_exception__" in frame.f_globals:  # a frame Jinja rewrote to the template's
            found = (frame.f_code.co_filename, trace.tb_lineno)
        elif (template := frame.f_globals.get("__jinja_template__")) is not None:
            found = (
                template.filename or "<template>",
                template.get_corresponding_lineno(trace.tb_lineno),
            )
        trace = trace.tb_next
    return found


def where(what: str, error: BaseException) -> str:
    """``what``, with the template file, line and its text where ``error`` arose in a template.

    Such as ``the template of the 'children' audience, children.jinja, line 3
    ({{ paragraf }})``; a template given as source has no file or text to show.
    """
    found = _template_line(error)
    if found is None:
        return what
    filename, line = found
    if filename.startswith("<"):
        return f"{what}, line {line}"
    text = " ".join(linecache.getline(filename, line).split())
    shown = f" ({text[:80]}{'...' if len(text) > 80 else ''})" if text else ""
    return f"{what}, {os.path.basename(filename)}, line {line}{shown}"


@contextmanager
def template_errors(what: str) -> Iterator[None]:
    """Turn Jinja2's errors, and the sandbox's, into the library's own with ``what``.

    Each message names the template and, where the error arose while it ran,
    the line (and, for a template file, what is written on it).
    """
    try:
        yield
    except TemplateError as error:
        located = where(what, error)
        if located == what:
            raise
        raise TemplateError(f"{located}: {error}") from None
    except InspectionLettersError:
        raise
    except SecurityError as error:
        message = f"{where(what, error)} tried something the sandbox forbids: {error}"
        raise TemplateSecurityError(message) from None
    except jinja2.TemplateSyntaxError as error:
        place = f"{error.name or what}, line {error.lineno}"
        raise TemplateError(f"{place}: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise TemplateError(
            f"{where(what, error)}: no template called {error.name!r} was found"
        ) from None
    except jinja2.UndefinedError as error:
        raise TemplateError(f"{where(what, error)}: {error.message}") from None
    except jinja2.TemplateError as error:
        raise TemplateError(f"{where(what, error)}: {error}") from None
    except (
        TypeError,
        AttributeError,
        ValueError,
        LookupError,  # KeyError, IndexError, and an unknown codec
        ArithmeticError,
        RecursionError,
        MemoryError,
        SyntaxError,  # IndentationError too: code Jinja made from a template
        OSError,
    ) as error:
        raise TemplateError(f"{where(what, error)}: {type(error).__name__}: {error}") from None
