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
import keyword
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import jinja2
from jinja2 import nodes

from .environment import _finalize, package_environment

#: A compiled template: the render context in, the text written outside any part out.
Compiled = Callable[[Mapping[str, Any]], str]


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
_SPECIAL_NAMES = frozenset({"loop", "caller", "varargs", "kwargs", "self"})
_CONSTANTS = (str, int, float, bool, type(None))


class _StrayTextError(Exception):
    """A letter's template wrote text outside its parts: Jinja2 renders it, to say so."""


class _Scope:
    """The names a template, macro or loop body has assigned so far, and their Python names."""

    def __init__(self, parent: "_Scope | None" = None) -> None:
        self.parent = parent
        self.names: dict[str, tuple[str, Any]] = {}
        self.read_outside: set[str] = set()
        """Names read here before any assignment here: assigning one later is not translated."""

    def find(self, name: str) -> tuple[str, Any] | None:
        scope: _Scope | None = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return None


class _Translator:
    """Writes the Python source of one template and the macros it imports."""

    def __init__(self, environment: jinja2.Environment) -> None:
        self.environment = environment
        self.lines: list[str] = []
        self.definitions: list[str] = []
        """The macros' functions, written before the template's."""
        self.namespace: dict[str, Any] = {
            "_fs": _finalized_str,
            "_str": str,
            "_StrayTextError": _StrayTextError,
        }
        self.count = 0
        self.modules: dict[str, _Scope] = {}
        self.context_names: set[str] = set()
        self.builder_parts: set[str] = set()
        """The builder's part functions the function being written calls."""
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

    # --- Templates and statements -----------------------------------------------------------

    def template(self, name: str) -> str:
        tree = self._parse(name)
        function = self.fresh("_template_")
        self.write(0, f"def {function}(ctx):")
        out = self.fresh("_o")
        self.write(1, f"{out} = []")
        start, outer_names, outer_parts = len(self.lines), self.context_names, self.builder_parts
        self.context_names, self.builder_parts = set(), set()
        self.letter_out = out
        self.statements(tree.body, out, 1, _Scope(), top=True)
        # The letter's own output is left out where it is only whitespace (lines between
        # its tags), which is all a letter writes outside its parts: anything else is an
        # error, which Jinja2 words (so that it quotes the text exactly).
        self.write(1, f"if (_written := ''.join({out})).strip():")
        self.write(2, "raise _StrayTextError")
        self.write(1, "return _written")
        self.hoist(start)
        self.context_names, self.builder_parts = outer_names, outer_parts
        return function

    def hoist(self, start: int) -> None:
        """Read the context's values a function uses once, at its start, into locals.

        A value the context lacks raises ``KeyError`` there rather than where it is
        used: either way Jinja2 renders the letter instead (see the module's notes).
        """
        self.lines[start:start] = [
            *(f"    c_{name} = ctx[{name!r}]" for name in sorted(self.context_names)),
            *(f"    b_{n} = c_{n}.__self__._{n}_text" for n in sorted(self.builder_parts)),
        ]

    def _parse(self, name: str) -> nodes.Template:
        loader = self.environment.loader
        if loader is None:
            raise UnsupportedError("the environment has no loader")
        source, _, _ = loader.get_source(self.environment, name)
        return self.environment.parse(source, name)

    def statements(
        self, body: Iterable[nodes.Node], out: str, indent: int, scope: _Scope, top: bool = False
    ) -> None:
        written = False
        for node in body:
            written = True
            self.statement(node, out, indent, scope, top)
        if not written:
            self.write(indent, "pass")

    def statement(self, node: nodes.Node, out: str, indent: int, scope: _Scope, top: bool) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if isinstance(child, nodes.TemplateData):
                    if out != self.letter_out or not child.data.isspace():
                        self.write(indent, f"{out}.append({child.data!r})")
                else:
                    self.write(indent, f"{out}.append({self.printed(child, scope)})")
        elif isinstance(node, nodes.If):
            self.write(indent, f"if {self.expr(node.test, scope)}:")
            self.statements(node.body, out, indent + 1, scope)
            for branch in node.elif_:
                self.write(indent, f"elif {self.expr(branch.test, scope)}:")
                self.statements(branch.body, out, indent + 1, scope)
            if node.else_:
                self.write(indent, "else:")
                self.statements(node.else_, out, indent + 1, scope)
        elif isinstance(node, nodes.For):
            self.loop(node, out, indent, scope)
        elif isinstance(node, nodes.Assign):
            value = self.expr(node.node, scope)
            self.write(indent, f"{self.assign(node.target, scope)} = {value}")
        elif isinstance(node, nodes.AssignBlock):
            if node.filter is not None:
                raise UnsupportedError("a block set with a filter")
            self.write(
                indent, f"{self.assign(node.target, scope)} = {self.text(node.body, indent, scope)}"
            )
        elif isinstance(node, nodes.CallBlock):
            self.call_block(node, out, indent, scope)
        elif isinstance(node, nodes.FromImport) and top:
            self.from_import(node, scope)
        else:
            raise UnsupportedError(f"{type(node).__name__} at line {node.lineno}")

    def assign(self, target: nodes.Node, scope: _Scope) -> str:
        if not isinstance(target, nodes.Name) or target.name in _SPECIAL_NAMES:
            raise UnsupportedError("an assignment to anything but a name")
        if target.name in scope.read_outside:
            raise UnsupportedError(f"{target.name!r} is read before it is set")
        found = scope.names.get(target.name)
        if found is not None and found[0] == "local":
            return str(found[1])
        local = self.fresh(f"l_{target.name}_")
        scope.names[target.name] = ("local", local)
        return local

    def loop(self, node: nodes.For, out: str, indent: int, scope: _Scope) -> None:
        if node.else_ or node.test is not None or node.recursive:
            raise UnsupportedError("a for loop with else, a condition or recursion")
        inner = _Scope(scope)
        iterable = self.expr(node.iter, scope)
        if not isinstance(node.target, nodes.Name) or node.target.name in _SPECIAL_NAMES:
            raise UnsupportedError("a for loop over anything but one name")
        target = self.fresh(f"l_{node.target.name}_")
        inner.names[node.target.name] = ("local", target)
        uses_loop = any(n.name == "loop" for n in nodes.Template(node.body).find_all(nodes.Name))
        if uses_loop:
            items, index, length = self.fresh("_items"), self.fresh("_i"), self.fresh("_n")
            inner.names["loop"] = ("loop", (index, length))
            self.write(indent, f"{items} = list({iterable})")
            self.write(indent, f"{length} = len({items})")
            self.write(indent, f"for {index}, {target} in enumerate({items}):")
        else:
            self.write(indent, f"for {target} in {iterable}:")
        self.statements(node.body, out, indent + 1, inner)

    def text(self, body: list[nodes.Node], indent: int, scope: _Scope) -> str:
        """A Python expression for what ``body`` writes; statements go before it."""
        if all(isinstance(n, nodes.Output) for n in body):
            pieces = []
            for output in body:
                assert isinstance(output, nodes.Output)
                for child in output.nodes:
                    if isinstance(child, nodes.TemplateData):
                        pieces.append(repr(child.data))
                    else:
                        pieces.append(self.printed(child, scope))
            return " + ".join(pieces) if pieces else "''"
        out = self.fresh("_o")
        self.write(indent, f"{out} = []")
        self.statements(body, out, indent, scope)
        return f"''.join({out})"

    def call_block(self, node: nodes.CallBlock, out: str, indent: int, scope: _Scope) -> None:
        call = node.call
        if node.args or node.defaults or not isinstance(call, nodes.Call):
            raise UnsupportedError("a call block with arguments of its own")
        if not all(isinstance(n, nodes.Output) for n in node.body):
            # The body's statements run before the call's arguments are worked out.
            for argument in [*call.args, *(k.value for k in call.kwargs)]:
                if not isinstance(argument, (nodes.Const, nodes.Name)):
                    raise UnsupportedError("a call block with statements and computed arguments")
        # The body's text, worked out first: the builder calls ``caller`` before anything
        # else, so the order of what is done is Jinja's. ``text.__str__`` gives it back.
        text = self.text(node.body, indent, scope)
        if any(k.key == "caller" for k in call.kwargs):
            raise UnsupportedError("a call block that passes its own caller")
        part = self.builder_part(call, scope)
        if part is not None:
            # The builder's own function, given the text: what it does with its caller's.
            arguments = [*self.arguments(call, scope), text]
            self.write(indent, f"b_{part}({', '.join(arguments)})")
            return
        self.write(indent, f"{out}.append({self.call(call, scope, f'caller=({text}).__str__')})")

    def builder_part(self, call: nodes.Call, scope: _Scope) -> str | None:
        """The builder's function making a part a call block calls, where it is one.

        ``set("title")`` and ``add("address")`` take the part's name, ``paragraph()``
        and ``heading()`` nothing else. The context's function of that name is the
        builder's (``render_letter`` sees to it; were it not, its ``__self__`` would
        fail, and Jinja2 would render the letter).
        """
        if not isinstance(call.node, nodes.Name) or scope.find(call.node.name) is not None:
            return None
        name = call.node.name
        arguments = 1 if name in ("set", "add") else 0 if name in ("paragraph", "heading") else -1
        if arguments != len(call.args) or call.kwargs or arguments < 0:
            return None
        self.name(name, scope)  # read from the context
        self.builder_parts.add(name)
        return name

    def from_import(self, node: nodes.FromImport, scope: _Scope) -> None:
        if not node.with_context or not isinstance(node.template, nodes.Const):
            raise UnsupportedError("an import without context, or of a computed name")
        if scope.names:
            raise UnsupportedError("an import after a set: its macros would see what was set")
        module = self.module(str(node.template.value))
        for name in node.names:
            imported, alias = (name, name) if isinstance(name, str) else name
            found = module.names.get(imported)
            if found is None:
                raise UnsupportedError(f"{imported!r} is not a macro of {node.template.value!r}")
            scope.names[alias] = found

    def module(self, name: str) -> _Scope:
        """The macros of an imported template, translated once."""
        if name in self.modules:
            return self.modules[name]
        scope = _Scope()
        self.modules[name] = scope
        for node in self._parse(name).body:
            if isinstance(node, nodes.Macro):
                self.macro(node, scope)
            elif isinstance(node, nodes.Output) and all(
                isinstance(c, nodes.TemplateData) and not c.data.strip() for c in node.nodes
            ):
                continue  # what an imported template writes is not used
            else:
                raise UnsupportedError(f"{type(node).__name__} in the imported {name!r}")
        return scope

    def macro(self, node: nodes.Macro, module: _Scope) -> None:
        function = self.fresh(f"_macro_{node.name}_")
        module.names[node.name] = ("macro", function)
        scope = _Scope(module)
        parameters = ["ctx"]
        defaults = [None] * (len(node.args) - len(node.defaults)) + list(node.defaults)
        for argument, default in zip(node.args, defaults, strict=True):
            if argument.name in _SPECIAL_NAMES:
                raise UnsupportedError(f"a macro parameter called {argument.name!r}")
            local = self.fresh(f"l_{argument.name}_")
            scope.names[argument.name] = ("local", local)
            if default is None:
                parameters.append(local)
            elif isinstance(default, nodes.Const) and isinstance(default.value, _CONSTANTS):
                parameters.append(f"{local}={default.value!r}")
            else:
                raise UnsupportedError("a macro default that is not a constant")
        template_lines, self.lines = self.lines, []
        outer_names, self.context_names = self.context_names, set()
        outer_parts, self.builder_parts = self.builder_parts, set()
        self.write(0, f"def {function}({', '.join(parameters)}):")
        out = self.fresh("_o")
        self.write(1, f"{out} = []")
        self.statements(node.body, out, 1, scope)
        self.write(1, f"return ''.join({out})")
        self.hoist(1)
        self.definitions += self.lines
        self.lines, self.context_names = template_lines, outer_names
        self.builder_parts = outer_parts

    # --- Expressions ------------------------------------------------------------------------

    def expr(self, node: nodes.Node, scope: _Scope) -> str:
        if isinstance(node, nodes.Const):
            if not isinstance(node.value, _CONSTANTS):
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

    def printed(self, node: nodes.Node, scope: _Scope) -> str:
        """What ``{{ node }}`` writes: text as it is, anything else through ``_fs``.

        The test of the class is written out here, to save a call for the most
        common case; ``_v`` holds the value, so it is worked out once.
        """
        if isinstance(node, nodes.Name) and scope.find(node.name) is None:
            value = self.name(node.name, scope)  # a local: no need to hold it in _v
            return f"({value} if {value}.__class__ is _str else _fs({value}))"
        return f"(_v if (_v := {self.expr(node, scope)}).__class__ is _str else _fs(_v))"

    def text_of(self, node: nodes.Node, scope: _Scope) -> str:
        """``node`` as ``~`` joins it: ``str()`` of it, a constant's worked out here."""
        if isinstance(node, nodes.Const) and isinstance(node.value, _CONSTANTS):
            return repr(str(node.value))
        return f"_str({self.expr(node, scope)})"

    def name(self, name: str, scope: _Scope) -> str:
        if name in _SPECIAL_NAMES:
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

    def loop_attribute(self, attribute: str, scope: _Scope) -> str:
        found = scope.find("loop")
        if found is None or attribute not in _LOOP_ATTRIBUTES:
            raise UnsupportedError(f"loop.{attribute}")
        index, length = found[1]
        return _LOOP_ATTRIBUTES[attribute].format(i=index, n=length)

    def call(self, call: nodes.Call, scope: _Scope, *extra: str) -> str:
        arguments = [*self.arguments(call, scope), *extra]
        if isinstance(call.node, nodes.Name):
            found = scope.find(call.node.name)
            if found is not None and found[0] == "macro":
                # A macro of an imported template: a function of the context too.
                return f"{found[1]}({', '.join(['ctx', *arguments])})"
        return f"{self.expr(call.node, scope)}({', '.join(arguments)})"

    def arguments(self, node: nodes.Call | nodes.Filter | nodes.Test, scope: _Scope) -> list[str]:
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


def _finalized_str(value: Any) -> str:
    """What Jinja2 writes for ``{{ value }}``: text as it is, anything else finalized first."""
    if value.__class__ is str:
        return value
    return str(_finalize(value))


@functools.cache
def compiled_template(name: str) -> Compiled | None:
    """The library's template ``name`` as a Python function, or ``None`` where Jinja2 must run it.

    Made once a process, like Jinja2's own compiled templates.
    """

    environment = package_environment()
    translator = _Translator(environment)
    try:
        function = translator.template(name)
    except Exception:  # unsupported, or not to be read: Jinja2 renders it, and says why
        return None
    source = "\n".join([*translator.definitions, *translator.lines])
    namespace = dict(translator.namespace)
    exec(compile(source, f"<compiled {name}>", "exec"), namespace)
    compiled: Compiled = namespace[function]
    return compiled
