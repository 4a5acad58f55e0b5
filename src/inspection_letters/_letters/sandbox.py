"""Limits on what one operation of a user's template may make, for the sandbox.

Jinja2's sandbox stops a template reaching Python's internals, but not a
template asking for ``'a' * 10**9``, ``10**10**10`` (which Jinja would even
try to work out while compiling) or ``'x'|center(10**9)``. Here every
operation that makes text, bytes, a list or a number is checked *before* it
runs: repetition, concatenation (``+`` and ``~``), ``*`` and ``**`` of
numbers, ``%`` and ``str.format`` (widths, and each field at the size of the
largest argument), every filter and every method of ``str``, ``bytes`` and
``int`` (numbers given to them, and what ``replace``, ``join``, ``indent``,
``wordwrap``, ``expandtabs`` and ``translate`` would make), a list or dict
given to a filter that writes it out as text (``tojson``, ``string``...),
and a list or dict printed; what a call returns is checked too. The sizes
are worked out in :mod:`.sizes`. Whatever would be larger than ten million
characters or items raises Jinja's ``SecurityError``, which the library
turns into :class:`TemplateSecurityError`.

These limits bound one operation, not a whole template: loops over large
data still take time. Templates from people you do not trust are best
rendered in a worker process with a time and memory limit.

The loader of a user's template directories, which reads only files inside
them, is in :mod:`.template_files`; it is imported here for the environment.
"""

import functools
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.nodes import EvalContext
from jinja2.runtime import Context, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import pass_eval_context
from jinja2.visitor import NodeTransformer

from .sizes import (
    CONTAINERS,
    FILTER_SIZES,
    METHOD_SIZES,
    SIZED,
    arguments,
    bounded,
    brace_fields,
    brace_widths,
    check_numbers,
    formatted,
    is_number,
    percent_fields,
    percent_widths,
    size,
    text_size,
    within,
    within_bits,
)
from .template_files import ContainedLoader as ContainedLoader  # for the environment

# The filters that do not write their value out as text: for the others a list
# or dict is checked for the characters it would make written out.
_STRUCTURAL_FILTERS = frozenset(
    {
        *("attr", "batch", "count", "default", "d", "dictsort", "first", "groupby", "items"),
        *("join", "last", "length", "list", "map", "max", "min", "random", "reject"),
        *("rejectattr", "reverse", "select", "selectattr", "slice", "sort", "sum", "unique"),
        "missing",
    }
)
# The filter that ``~`` is rewritten to, so that joining text is checked too.
_CONCAT = "_limited_concat"


def _check_filter(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Check a filter's call before it runs; ``args`` start with its value."""
    what = f"the filter {name!r}"
    value, rest = (args[0], args[1:]) if args else (None, ())
    check_numbers(what, [*rest, *kwargs.values()])
    if name not in _STRUCTURAL_FILTERS and isinstance(value, CONTAINERS):
        # tojson, string, pprint, upper... write the whole value out as text first.
        within(what, text_size(value))
    if name in FILTER_SIZES:
        within(what, FILTER_SIZES[name](value, *rest, **kwargs))
    elif name == "format" and isinstance(value, str):
        fields = percent_fields(value)
        within(what, formatted(value, percent_widths(value), fields, [*rest, *kwargs.values()]))
    elif name == "join" and value is not None:
        items = bounded(what, value)
        separator = rest[0] if rest else kwargs.get("d", "")
        within(what, sum(map(size, items)) + len(items) * size(separator))
        return (items, *rest)
    elif name == "sum":
        start = rest[1] if len(rest) > 1 else kwargs.get("start", 0)
        if not isinstance(start, int | float):
            raise SecurityError("the filter 'sum' adds numbers only")
    return args


def _check_method(
    text: str | bytes | int, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> Any:
    """Check a call of a method of text, bytes or a number before it runs; the arguments to use."""
    what = f"the method {name!r}"
    check_numbers(what, [*args, *kwargs.values()])
    if isinstance(text, int):
        return args  # to_bytes and the like: their lengths are the numbers just checked
    if name in METHOD_SIZES:
        within(what, METHOD_SIZES[name](text, *args, **kwargs))
    elif name in ("format", "format_map") and isinstance(text, str):
        values = [*args, *kwargs.values()]
        if name == "format_map" and args and isinstance(args[0], Mapping):
            values = list(args[0].values())
        within(what, formatted(text, brace_widths(text), brace_fields(text), values))
    elif name == "join" and args:
        items = bounded(what, args[0])
        within(what, sum(map(size, items)) + len(items) * len(text))
        return (items, *args[1:])
    return args


def _checked_result(what: str, result: Any) -> Any:
    within(what, size(result))
    return result


def _filter_with_limits(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    # A filter marked pass_context (or environment, eval_context) is given that first.
    skip = 1 if hasattr(function, "jinja_pass_arg") else 0

    @functools.wraps(function)
    def limited(*args: Any, **kwargs: Any) -> Any:
        checked = _check_filter(name, args[skip:], kwargs)
        result = function(*args[:skip], *checked, **kwargs)
        return _checked_result(f"the filter {name!r}", result)

    return limited


@functools.lru_cache(maxsize=256)
def _limited(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    return function if name == _CONCAT else _filter_with_limits(name, function)


class _LimitedFilters(dict[str, Any]):
    """A sandbox's filters, each checked before it runs and its result after."""

    def __getitem__(self, name: str) -> Any:
        return _limited(name, super().__getitem__(name))

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default


@pass_eval_context
def _concat(eval_ctx: EvalContext, *values: Any) -> str:
    """``a ~ b ~ ...``, as Jinja joins them, once their length together is known to be allowed."""
    within("joining text with '~'", sum(text_size(value) for value in values))
    join = markup_join if eval_ctx.autoescape else str_join
    return join(values)


class _ConcatToFilter(NodeTransformer):
    """Rewrites every ``a ~ b`` into a call of the checked join."""

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:  # noqa: N802 (Jinja's name)
        self.generic_visit(node)
        first, *rest = node.nodes
        return nodes.Filter(first, _CONCAT, rest, [], None, None, lineno=node.lineno)


def _method_of_text(function: Any) -> tuple[str | bytes | int, str] | None:
    """The text, bytes or number and the method's name, where ``function`` is a method of one."""
    # The sandbox hands out str.format wrapped; the text is the wrapped method's.
    bound = getattr(function, "__wrapped__", function)
    owner = getattr(bound, "__self__", None)
    name = getattr(bound, "__name__", None)
    if isinstance(owner, str | bytes | int) and isinstance(name, str):
        return owner, name
    return None


def _printing_with_limits(finalize: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
    """What ``{{ value }}`` prints passes here: a list or dict is checked before it is written."""

    def limited(value: Any) -> Any:
        if isinstance(value, CONTAINERS):
            within("printing a list or dict", text_size(value))
        return value if finalize is None else finalize(value)

    return limited


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's sandbox: lists and dicts cannot change, and what one operation makes is limited."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters = _LimitedFilters(self.filters)
        self.filters[_CONCAT] = _concat
        self.finalize = _printing_with_limits(self.finalize)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        _ConcatToFilter().visit(tree)
        tree.set_environment(self)
        return tree

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        what = f"'{operator}'"
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, SIZED) and is_number(times):
                    within(what, size(sequence) * max(times, 0))
            if is_number(left) and is_number(right):
                within_bits(what, abs(left).bit_length() + abs(right).bit_length())
        elif operator == "+":
            within(what, size(left) + size(right))
        elif operator == "**" and is_number(left) and is_number(right) and right > 0:
            within_bits(what, max(abs(left).bit_length() - 1, 0) * right)
        elif operator == "%" and isinstance(left, str):
            fields = percent_fields(left)
            within(what, formatted(left, percent_widths(left), fields, arguments(right)))
        return _checked_result(what, super().call_binop(context, operator, left, right))

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        method = _method_of_text(obj)
        if method is not None:
            text, name = method
            args = _check_method(text, name, args, kwargs)
            what = f"the method {name!r}"
        else:
            what = f"calling {getattr(obj, '__name__', 'a function')!r}"
        return _checked_result(what, super().call(context, obj, *args, **kwargs))
