"""The library's own templates compiled to plain Python: the fast path of ``render_letter``.

Jinja2 runs a letter's ``{% call set("title") %}...{% endcall %}`` blocks
through a ``Macro`` and ``Context.call`` each, and re-runs ``_parts.jinja`` for
every letter it imports with context: about six times the cost of the letter's
words. The library's own templates (never a user's, which run in the sandbox)
are therefore also translated, once, from the tree Jinja2 parses them into to
a Python function that calls the builder directly with each part's text.

The translation covers only what the library's templates use: output,
``if``, ``for`` (with ``loop.first``, ``loop.last``, ``loop.index``...),
``set`` (of a name, or a block), call blocks, macros imported ``with
context``, and expressions of names, constants, attributes, items, filters,
tests, calls, ``~``, arithmetic, comparisons, ``and``/``or``/``not``, ``if
... else`` and literals. A template with anything else is not compiled
(:func:`compiled_template` gives ``None``) and Jinja2 renders it.

The compiled function either returns exactly what Jinja2 would write, having
made exactly the builder calls Jinja2 would make, or raises: where Jinja2
would give an undefined value (a missing name, attribute or item), Python
raises, and :func:`~inspection_letters._letters.render.render_letter` then
renders the letter again by Jinja2 with a fresh builder, so that errors and
their messages are Jinja2's own. ``tests/letters/test_compiled.py`` holds the
two paths to the same letter.
"""

import functools
from collections.abc import Callable, Mapping
from typing import Any

import jinja2

from .builder import LetterBuilder
from .environment import _finalize, package_environment
from .letter import Heading
from .placeholders import Missing
from .translation import Translator

#: A compiled template: the render context and the letter's builder in, the text written
#: outside any part out. It calls the builder's functions itself, not the context's.
Compiled = Callable[[Mapping[str, Any], LetterBuilder], str]


class _StrayTextError(Exception):
    """A letter's template wrote text outside its parts: Jinja2 renders it, to say so."""


class _RefusedError(Exception):
    """The builder would refuse what the template does (a part set twice): Jinja2 says why."""


def _finalized_str(value: Any) -> str:
    """What Jinja2 writes for ``{{ value }}``: text as it is, anything else finalized first."""
    if value.__class__ is str:
        return value
    return str(_finalize(value))


def compiled_template(name: str) -> Compiled | None:
    """The library's template ``name`` as a Python function, or ``None`` where Jinja2 must run it.

    Made once a process, like Jinja2's own compiled templates.
    """
    compiled = _compiled(name)
    return None if compiled is None else compiled[0]


def names_read(name: str) -> frozenset[str] | None:
    """The context's names the compiled template ``name`` reads (the builder's functions aside)."""
    compiled = _compiled(name)
    return None if compiled is None else compiled[1]


@functools.cache
def _compiled(name: str) -> tuple[Compiled, frozenset[str]] | None:
    return translated(package_environment(), name)


def translated(
    environment: jinja2.Environment, name: str
) -> tuple[Compiled, frozenset[str]] | None:
    """Template ``name`` of ``environment`` compiled, with the context's names it reads.

    ``None`` where the translation does not cover it. Only the library's own
    templates are compiled when letters are rendered; tests compile others.
    """
    translator = Translator(environment)
    try:
        function = translator.template(name)
    except Exception:  # unsupported, or not to be read: Jinja2 renders it, and says why
        return None
    source = "\n".join([*translator.definitions, *translator.lines])
    # What the translated source calls, besides the filters and tests it names.
    namespace = {
        **translator.namespace,
        "_fs": _finalized_str,
        "_str": str,
        "_StrayTextError": _StrayTextError,
        "_RefusedError": _RefusedError,
        # What a heading is made with: its text is the template's, so attrs has nothing to check.
        "_new": object.__new__,
        "_set_heading": Heading.__dict__["text"].__set__,  # the slot's own setter
        "_Heading": Heading,
        "_Missing": Missing,
    }
    exec(compile(source, f"<compiled {name}>", "exec"), namespace)
    compiled: Compiled = namespace[function]
    return compiled, frozenset(translator.reads)
