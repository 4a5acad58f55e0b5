"""Jinja2's expressions, as Python: the half of the translation of templates in ``translation.py``.

:class:`ExpressionTranslator` writes each expression node of Jinja2's parse
tree as a Python expression, and keeps what the function being written reads
from the letter's context. What it does not cover raises
:class:`UnsupportedError`, and Jinja2 renders the template.
"""

import keyword
from collections.abc import Mapping
from typing import Any

import jinja2
from jinja2 import nodes


class UnsupportedError(Exception):
    """A construct this translation does not cover: Jinja2 renders the template."""


_COMPARE = {
    "eq": "==",
    "ne": "!=",
    "lt": "<",
    "lteq": "<=",
    "gt": ">",
    "gteq": ">=",
    "in": "in",
    "notin": "not in",
}
_LOOP_ATTRIBUTES = {
    "first": "({i} == 0)",
    "last": "({i} == {n} - 1)",
    "index": "({i} + 1)",
    "index0": "{i}",
    "length": "{n}",
    "revindex": "({n} - {i})",
    "revindex0": "({n} - {i} - 1)",
}
# Names Jinja2 gives a meaning of its own inside templates and macros.
SPECIAL_NAMES = frozenset({"loop", "caller", "varargs", "kwargs", "self"})
CONSTANTS = (str, int, float, bool, type(None))


# Tests whose body is written in place of a call to them: Jinja2's ``none``, and the
# library's ``missing`` (``environment.py``), found by their functions.
_INLINE_TESTS: dict[Any, str] = {jinja2.tests.test_none: "({} is None)"}


def inline_test(function: Any, body: str) -> None:
    """Write ``body`` (a format, ``{}`` the value) in place of calls to the test ``function``."""
    _INLINE_TESTS[function] = body


class Scope:
    """The names a template, macro or loop body has assigned so far, and their Python names."""

    def __init__(self, parent: "Scope | None" = None) -> None:
        self.parent = parent
        self.names: dict[str, tuple[str, Any]] = {}
        self.read_outside: set[str] = set()
        """Names read here before any assignment here: assigning one later is not translated."""

    def find(self, name: str) -> tuple[str, Any] | None:
        scope: Scope | None = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return None


class ExpressionTranslator:
    """Writes Jinja2 expressions as Python; ``translation.Translator`` adds the statements."""

    def __init__(self, environment: jinja2.Environment) -> None:
        self.environment = environment
        self.lines: list[str] = []
        self.definitions: list[str] = []
        """The macros' functions, written before the template's."""
        self.namespace: dict[str, Any] = {}
        """The filters and tests the source names (``compiled.py`` adds the rest it calls)."""
        self.count = 0
        self.modules: dict[str, Scope] = {}
        self.context_names: set[str] = set()
        self.builder_parts: set[str] = set()
        """The builder's part functions the function being written calls."""
        self.macro_nodes: dict[str, tuple[nodes.Macro, Scope]] = {}
        """Each macro's function name: its node and the scope of its module, to inline it."""
        self.depth = 0
        """How many macros deep the inlining is."""
        self.reads: set[str] = set()
        """The context's names the template and its macros read, but the builder's functions."""
        self.handles: set[str] = set()
        """The builder's collections the function being written adds to directly."""
        self.letter_out = ""
        """The Python name of the list of what the letter's template itself writes."""
        """The context's names the function being written reads."""

    def fresh(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def write(self, indent: int, text: str) -> None:
        self.lines.append("    " * indent + text)

    def value(self, thing: object, prefix: str) -> str:
        """A Python name in the generated module's namespace bound to ``thing``."""
        name = self.fresh(prefix)
        self.namespace[name] = thing
        return name

    # --- Expressions ------------------------------------------------------------------------

    def expr(self, node: nodes.Node, scope: Scope) -> str:
        if isinstance(node, nodes.Const):
            if not isinstance(node.value, CONSTANTS):
                raise UnsupportedError(f"the constant {node.value!r}")
            return repr(node.value)
        if isinstance(node, nodes.Name):
            return self.name(node.name, scope)
        if isinstance(node, nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.node.name == "loop":
                return self.loop_attribute(node.attr, scope)
            if not node.attr.isidentifier() or keyword.iskeyword(node.attr):
                raise UnsupportedError(f"the attribute {node.attr!r}")
            return f"{self.expr(node.node, scope)}.{node.attr}"
        if isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Slice):
                raise UnsupportedError("a slice")
            return f"{self.expr(node.node, scope)}[{self.expr(node.arg, scope)}]"
        if isinstance(node, nodes.Concat):
            return "(" + " + ".join(self.text_of(n, scope) for n in node.nodes) + ")"
        if isinstance(node, nodes.Filter):
            if node.node is None:
                raise UnsupportedError("a filter block")
            function = self.plain(self.environment.filters, node.name, "filter")
            arguments = [self.expr(node.node, scope), *self.arguments(node, scope)]
            return f"{function}({', '.join(arguments)})"
        if isinstance(node, nodes.Test):
            inline = _INLINE_TESTS.get(self.environment.tests.get(node.name))
            if inline is not None and not node.args and not node.kwargs and node.dyn_args is None:
                return inline.format(self.expr(node.node, scope))  # the test's body, in place
            function = self.plain(self.environment.tests, node.name, "test")
            arguments = [self.expr(node.node, scope), *self.arguments(node, scope)]
            return f"{function}({', '.join(arguments)})"
        if isinstance(node, nodes.Call):
            return self.call(node, scope)
        if isinstance(node, nodes.CondExpr):
            if node.expr2 is None:
                raise UnsupportedError("an if expression without else")
            test, yes, no = (self.expr(n, scope) for n in (node.test, node.expr1, node.expr2))
            return f"({yes} if {test} else {no})"
        if isinstance(node, nodes.And):
            return f"({self.expr(node.left, scope)} and {self.expr(node.right, scope)})"
        if isinstance(node, nodes.Or):
            return f"({self.expr(node.left, scope)} or {self.expr(node.right, scope)})"
        if isinstance(node, nodes.Not):
            return f"(not {self.expr(node.node, scope)})"
        if isinstance(node, nodes.Compare):
            parts = [self.expr(node.expr, scope)]
            for operand in node.ops:
                if operand.op not in _COMPARE:
                    raise UnsupportedError(f"the comparison {operand.op!r}")
                parts += [_COMPARE[operand.op], self.expr(operand.expr, scope)]
            return f"({' '.join(parts)})"
        if isinstance(node, nodes.BinExpr) and not isinstance(node, (nodes.And, nodes.Or)):
            left, right = self.expr(node.left, scope), self.expr(node.right, scope)
            return f"({left} {node.operator} {right})"
        if isinstance(node, nodes.UnaryExpr) and not isinstance(node, nodes.Not):
            return f"({node.operator}{self.expr(node.node, scope)})"
        if isinstance(node, nodes.Tuple):
            items = [self.expr(n, scope) for n in node.items]
            return f"({', '.join(items)}{',' if len(items) == 1 else ''})"
        if isinstance(node, nodes.List):
            return f"[{', '.join(self.expr(n, scope) for n in node.items)}]"
        if isinstance(node, nodes.Dict):
            pairs = [f"{self.expr(p.key, scope)}: {self.expr(p.value, scope)}" for p in node.items]
            return "{" + ", ".join(pairs) + "}"
        raise UnsupportedError(f"the expression {type(node).__name__} at line {node.lineno}")

    def printed(self, node: nodes.Node, scope: Scope) -> str:
        """What ``{{ node }}`` writes: text as it is, anything else through ``_fs``.

        The test of the class is written out here, to save a call for the most
        common case; ``_v`` holds the value, so it is worked out once.
        """
        if isinstance(node, nodes.Name) and scope.find(node.name) is None:
            value = self.name(node.name, scope)  # a local: no need to hold it in _v
            return f"({value} if {value}.__class__ is _str else _fs({value}))"
        return f"(_v if (_v := {self.expr(node, scope)}).__class__ is _str else _fs(_v))"

    def text_of(self, node: nodes.Node, scope: Scope) -> str:
        """``node`` as ``~`` joins it: ``str()`` of it, a constant's worked out here."""
        if isinstance(node, nodes.Const) and isinstance(node.value, CONSTANTS):
            return repr(str(node.value))
        return f"_str({self.expr(node, scope)})"

    def name(self, name: str, scope: Scope) -> str:
        if name in SPECIAL_NAMES:
            raise UnsupportedError(f"the name {name!r}")
        found = scope.find(name)
        if found is None:
            scope.read_outside.add(name)
            self.context_names.add(name)
            return f"c_{name}"
        kind, python = found
        if kind != "local":
            raise UnsupportedError(f"the {kind} {name!r} used as a value")
        return str(python)

    def loop_attribute(self, attribute: str, scope: Scope) -> str:
        found = scope.find("loop")
        if found is None or attribute not in _LOOP_ATTRIBUTES:
            raise UnsupportedError(f"loop.{attribute}")
        index, length = found[1]
        return _LOOP_ATTRIBUTES[attribute].format(i=index, n=length)

    def call(self, call: nodes.Call, scope: Scope, *extra: str) -> str:
        if not extra and self.needed(call, scope):
            # need(value, "field", "description") where the value is there: the value itself,
            # without the call. The field and description, constants, are the call's alone.
            value = self.fresh("_n")
            field, description = (repr(a.value) for a in call.args[1:])  # type: ignore[attr-defined]
            given = self.expr(call.args[0], scope)
            otherwise = f"{self.name('need', scope)}({value}, {field}, {description})"
            there = f"({value} := {given}) and {value}.__class__ is not _Missing"
            return f"({value} if {there} else {otherwise})"
        arguments = [*self.arguments(call, scope), *extra]
        if isinstance(call.node, nodes.Name):
            found = scope.find(call.node.name)
            if found is not None and found[0] == "macro":
                # A macro of an imported template: a function of the context too.
                return f"{found[1]}({', '.join(['ctx', 'B', *arguments])})"
        return f"{self.expr(call.node, scope)}({', '.join(arguments)})"

    def needed(self, call: nodes.Call, scope: Scope) -> bool:
        """Whether ``call`` is the builder's ``need`` with constant field and description."""
        return (
            isinstance(call.node, nodes.Name)
            and call.node.name == "need"
            and scope.find("need") is None
            and len(call.args) == 3
            and not call.kwargs
            and call.dyn_args is None
            and call.dyn_kwargs is None
            and all(isinstance(a, nodes.Const) and isinstance(a.value, str) for a in call.args[1:])
        )

    def arguments(self, node: nodes.Call | nodes.Filter | nodes.Test, scope: Scope) -> list[str]:
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            raise UnsupportedError("arguments given with * or **")
        arguments = [self.expr(n, scope) for n in node.args]
        for keyword_argument in node.kwargs:
            key = str(keyword_argument.key)
            if not key.isidentifier() or keyword.iskeyword(key):
                raise UnsupportedError(f"the keyword {key!r}")
            arguments.append(f"{key}={self.expr(keyword_argument.value, scope)}")
        return arguments

    def plain(self, functions: Mapping[str, Any], name: str, kind: str) -> str:
        """The namespace's name for a filter or test that takes nothing from Jinja2."""
        function = functions.get(name)
        if function is None or getattr(function, "jinja_pass_arg", None) is not None:
            raise UnsupportedError(f"the {kind} {name!r}")
        return self.value(function, f"_{kind}_{name}_")
