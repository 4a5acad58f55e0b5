"""Limits on what one operation of a user's template may make, for the sandbox.

Jinja2's sandbox stops a template reaching Python's internals, but not a
template asking for ``'a' * 10**9``, ``10**10**10`` (which Jinja would even
try to work out while compiling) or ``'x'|center(10**9)``. Here every
operation that makes text or a list is checked *before* it runs: repetition,
concatenation (``+`` and ``~``), powers, ``%`` formatting, and every filter
and method call (numbers given to them, format widths, and what ``replace``,
``join``, ``indent``, ``wordwrap``, ``expandtabs`` and ``translate`` would
make); what a call returns is checked too. Whatever would be larger than
:data:`MAX_SIZE` characters or items raises Jinja's ``SecurityError``, which
the library turns into :class:`TemplateSecurityError`.

These limits bound one operation, not a whole template: loops over large
data still take time. Templates from people you do not trust are best
rendered in a worker process with a time and memory limit.

The loader of a user's template directories, which reads only files inside
them, is in :mod:`.template_files`; it is imported here for the environment.
"""

import functools
import re
import string
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.nodes import EvalContext
from jinja2.runtime import Context, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import pass_eval_context
from jinja2.visitor import NodeTransformer

from .template_files import ContainedLoader as ContainedLoader  # for the environment

#: The most characters (of text) or items (of a list) one operation may make.
MAX_SIZE = 10_000_000
#: The most binary digits the result of ``**`` may have.
MAX_POWER_BITS = 10_000

_SIZED = (str, bytes, list, tuple, dict, set, frozenset)
# A field of printf-style formatting: flags, then a width and a precision.
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?[hlL]?(.)", re.DOTALL)
_DIGITS = re.compile(r"\d+")
# The filter that ``~`` is rewritten to, so that joining text is checked too.
_CONCAT = "_limited_concat"


def _size(value: object) -> int:
    return len(value) if isinstance(value, _SIZED) else 0


def _refuse(what: str, size: int) -> SecurityError:
    return SecurityError(
        f"{what} would make {size:,} characters or items; "
        f"a template may make at most {MAX_SIZE:,} at once"
    )


def _within(what: str, size: int) -> None:
    if size > MAX_SIZE:
        raise _refuse(what, size)


def _is_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _whole(value: object, default: int) -> int:
    """``value`` where it is a whole number, else ``default``."""
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _check_numbers(what: str, values: Iterable[object]) -> None:
    for value in values:
        if _is_number(value) and abs(value) > MAX_SIZE:  # type: ignore[arg-type]
            raise SecurityError(
                f"{what} was given a number larger than {MAX_SIZE:,}, the most a template "
                "may give a filter or a method of text"
            )


def _number(digits: str) -> int:
    # A run of digits far too long to be a width is refused without reading it whole.
    return int(digits) if len(digits) <= 18 else MAX_SIZE + 1


def _percent_widths(template: str) -> int:
    """The sum of the widths and precisions of a ``%`` format, refusing ``*``."""
    total = 0
    for match in _PERCENT_FIELD.finditer(template):
        for part in match.group(1, 2):
            if part == "*":
                raise SecurityError("a '%' format may not take its width from its arguments")
            total += _number(part) if part else 0
    return total


def _brace_widths(template: str) -> int:
    """The sum of the numbers in the specs of a ``str.format`` template, refusing nested fields."""
    total = 0
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return 0  # str.format will say what is wrong with it
    for _, _, spec, _ in fields:
        if spec and "{" in spec:
            raise SecurityError("a format may not take its width from its arguments")
        total += sum(_number(d) for d in _DIGITS.findall(spec or ""))
    return total


def _bounded(what: str, items: Iterable[Any]) -> list[Any]:
    """``items`` as a list, stopping as soon as they grow past the limit together."""
    found: list[Any] = []
    total = 0
    for item in items:
        total += 1 + _size(item)
        _within(what, total)
        found.append(item)
    return found


def _occurrences(text: str, old: str) -> int:
    return text.count(old) if old else len(text) + 1


def _replaced(text: object, old: object, new: object, count: object = -1) -> int:
    if not isinstance(text, str):
        return 0
    found = _occurrences(text, str(old))
    limit = _whole(count, -1)
    return len(text) + (limit if 0 <= limit < found else found) * len(str(new))


def _indented(text: object, width: object = 4, *rest: object, **options: object) -> int:
    if not isinstance(text, str):
        return 0
    each = _whole(width, _size(width))
    return len(text) + (text.count("\n") + 1) * max(each, 0)


def _wrapped(text: object, width: object = 79, *rest: object, **options: object) -> int:
    if not isinstance(text, str):
        return 0
    wrapstring = options.get("wrapstring", rest[1] if len(rest) > 1 else None)
    lines = len(text) // max(_whole(width, 1), 1) + 1
    return len(text) + lines * max(_size(wrapstring), 1)


def _expanded(text: object, tabsize: object = 8, **options: object) -> int:
    if not isinstance(text, str):
        return 0
    size = _whole(options.get("tabsize", tabsize), 8)
    return len(text) + text.count("\t") * max(size, 0)


def _translated(text: object, table: object = None, *rest: object) -> int:
    if not isinstance(text, str) or not isinstance(table, Mapping):
        return 0
    return len(text) * max([1, *(_size(v) for v in table.values())])


# What a filter would make, estimated from its value and arguments, by name.
_FILTER_SIZES: dict[str, Callable[..., int]] = {
    "replace": _replaced,
    "indent": _indented,
    "wordwrap": _wrapped,
}
# The same for methods of text, which receive the text itself first.
_METHOD_SIZES: dict[str, Callable[..., int]] = {
    "replace": _replaced,
    "expandtabs": _expanded,
    "translate": _translated,
}


def _check_filter(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Check a filter's call before it runs; ``args`` start with its value."""
    what = f"the filter {name!r}"
    value, rest = (args[0], args[1:]) if args else (None, ())
    _check_numbers(what, [*rest, *kwargs.values()])
    if name in _FILTER_SIZES:
        _within(what, _FILTER_SIZES[name](value, *rest, **kwargs))
    elif name == "format" and isinstance(value, str):
        _within(what, len(value) + _percent_widths(value))
    elif name == "join" and value is not None:
        items = _bounded(what, value)
        separator = rest[0] if rest else kwargs.get("d", "")
        _within(what, sum(map(_size, items)) + len(items) * _size(separator))
        return (items, *rest)
    elif name == "sum":
        start = rest[1] if len(rest) > 1 else kwargs.get("start", 0)
        if not isinstance(start, int | float):
            raise SecurityError("the filter 'sum' adds numbers only")
    return args


def _check_method(text: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """Check a call of a method of text before it runs; the arguments to use."""
    what = f"the method {name!r}"
    _check_numbers(what, [*args, *kwargs.values()])
    if name in _METHOD_SIZES:
        _within(what, _METHOD_SIZES[name](text, *args, **kwargs))
    elif name in ("format", "format_map"):
        _within(what, len(text) + _brace_widths(text))
    elif name == "join" and args:
        items = _bounded(what, args[0])
        _within(what, sum(map(_size, items)) + len(items) * len(text))
        return (items, *args[1:])
    return args


def _checked_result(what: str, result: Any) -> Any:
    _within(what, _size(result))
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
    _within("joining text with '~'", sum(len(str(value)) for value in values))
    join = markup_join if eval_ctx.autoescape else str_join
    return join(values)


class _ConcatToFilter(NodeTransformer):
    """Rewrites every ``a ~ b`` into a call of the checked join."""

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:  # noqa: N802 (Jinja's name)
        self.generic_visit(node)
        first, *rest = node.nodes
        return nodes.Filter(first, _CONCAT, rest, [], None, None, lineno=node.lineno)


def _method_of_text(function: Any) -> tuple[str, str] | None:
    """The text and the method's name, where ``function`` is a bound method of text."""
    # The sandbox hands out str.format wrapped; the text is the wrapped method's.
    bound = getattr(function, "__wrapped__", function)
    owner = getattr(bound, "__self__", None)
    name = getattr(bound, "__name__", None)
    if isinstance(owner, str) and isinstance(name, str):
        return owner, name
    return None


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's sandbox: lists and dicts cannot change, and what one operation makes is limited."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters = _LimitedFilters(self.filters)
        self.filters[_CONCAT] = _concat

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        _ConcatToFilter().visit(tree)
        tree.set_environment(self)
        return tree

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        what = f"'{operator}'"
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, _SIZED) and _is_number(times):
                    _within(what, _size(sequence) * max(times, 0))
        elif operator == "+":
            _within(what, _size(left) + _size(right))
        elif operator == "**" and _is_number(left) and _is_number(right) and right > 0:
            bits = max(abs(left).bit_length() - 1, 0) * right
            if bits > MAX_POWER_BITS:
                raise SecurityError(
                    f"'**' would make a number of some {bits:,} binary digits; "
                    f"a template may make at most {MAX_POWER_BITS:,}"
                )
        elif operator == "%" and isinstance(left, str):
            _within(what, len(left) + _percent_widths(left))
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
