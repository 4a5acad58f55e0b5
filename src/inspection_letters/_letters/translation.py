"""The library's templates translated to Python source: templates, statements and macros.

:class:`Translator` writes one template, and the macros it imports, as the
source of Python functions of the letter's context (see ``compiled.py`` for
what they promise); :class:`~.expressions.ExpressionTranslator` writes their
expressions.
"""

import ast
from collections.abc import Iterable

from jinja2 import nodes

from .builder import BUILDER_FUNCTIONS, LINES, SINGLE_PARTS
from .expressions import CONSTANTS, SPECIAL_NAMES, ExpressionTranslator, Scope, UnsupportedError

# The builder's collections the translated code adds to directly, by their Python names.
_HANDLES = {"S": "B._single", "W": "B._written", "BODY": "B._body"}
# One-line parts whose text the builder checks further (a picture's data URI): set by its call.
_CHECKED_PARTS = frozenset({"logo", "signature_image"})


class Translator(ExpressionTranslator):
    """Writes the Python source of one template and the macros it imports."""

    def template(self, name: str) -> str:
        tree = self._parse(name)
        function = self.fresh("_template_")
        self.write(0, f"def {function}(ctx, B):")
        out = self.fresh("_o")
        self.write(1, f"{out} = []")
        start, outer_names, outer_parts = len(self.lines), self.context_names, self.builder_parts
        outer_handles = self.handles
        self.context_names, self.builder_parts, self.handles = set(), set(), set()
        self.letter_out = out
        self.statements(tree.body, out, 1, Scope(), top=True)
        # The letter's own output is left out where it is only whitespace (lines between
        # its tags), which is all a letter writes outside its parts: anything else is an
        # error, which Jinja2 words (so that it quotes the text exactly).
        self.write(1, f"if (_written := ''.join({out})).strip():")
        self.write(2, "raise _StrayTextError")
        self.write(1, "return _written")
        self.hoist(start)
        self.context_names, self.builder_parts = outer_names, outer_parts
        self.handles = outer_handles
        return function

    def hoist(self, start: int) -> None:
        """Read the context's values a function uses once, at its start, into locals.

        A value the context lacks raises ``KeyError`` there rather than where it is
        used: either way Jinja2 renders the letter instead (see the module's notes).
        """
        self.reads |= self.context_names - BUILDER_FUNCTIONS
        self.lines[start:start] = [
            *(
                # The builder's functions are the builder's (render_letter sees to it).
                f"    c_{name} = B.{name}"
                if name in BUILDER_FUNCTIONS
                else f"    c_{name} = ctx[{name!r}]"
                for name in sorted(self.context_names)
            ),
            *(f"    b_{n} = B._{n}_text" for n in sorted(self.builder_parts)),
            *(f"    {h} = {_HANDLES[h]}" for h in sorted(self.handles) if h in _HANDLES),
            *(f"    {h} = B._lines[{h[2:]!r}]" for h in sorted(self.handles) if h.startswith("L_")),
        ]

    def _parse(self, name: str) -> nodes.Template:
        loader = self.environment.loader
        if loader is None:
            raise UnsupportedError("the environment has no loader")
        source, _, _ = loader.get_source(self.environment, name)
        return self.environment.parse(source, name)

    def statements(
        self, body: Iterable[nodes.Node], out: str, indent: int, scope: Scope, top: bool = False
    ) -> None:
        written = False
        for node in body:
            written = True
            self.statement(node, out, indent, scope, top)
        if not written:
            self.write(indent, "pass")

    def statement(self, node: nodes.Node, out: str, indent: int, scope: Scope, top: bool) -> None:
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if isinstance(child, nodes.TemplateData):
                    if out != self.letter_out or not child.data.isspace():
                        self.write(indent, f"{out}.append({child.data!r})")
                elif self.builder_block(child, scope):
                    # The builder's grade_table and finding_list write nothing: called for a block.
                    self.write(indent, self.expr(child, scope))
                elif not self.inline_macro(child, out, indent, scope):
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

    def assign(self, target: nodes.Node, scope: Scope) -> str:
        if not isinstance(target, nodes.Name) or target.name in SPECIAL_NAMES:
            raise UnsupportedError("an assignment to anything but a name")
        if target.name in scope.read_outside:
            raise UnsupportedError(f"{target.name!r} is read before it is set")
        found = scope.names.get(target.name)
        if found is not None and found[0] == "local":
            return str(found[1])
        local = self.fresh(f"l_{target.name}_")
        scope.names[target.name] = ("local", local)
        return local

    def loop(self, node: nodes.For, out: str, indent: int, scope: Scope) -> None:
        if node.else_ or node.test is not None or node.recursive:
            raise UnsupportedError("a for loop with else, a condition or recursion")
        inner = Scope(scope)
        iterable = self.expr(node.iter, scope)
        if not isinstance(node.target, nodes.Name) or node.target.name in SPECIAL_NAMES:
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

    def text(self, body: list[nodes.Node], indent: int, scope: Scope) -> str:
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

    def call_block(self, node: nodes.CallBlock, out: str, indent: int, scope: Scope) -> None:
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
        if part is not None and self.inlined(part, call, text, indent):
            return
        if part is not None:
            self.builder_parts.add(part)
            # The builder's own function, given the text: what it does with its caller's.
            arguments = [*self.arguments(call, scope), text]
            self.write(indent, f"b_{part}({', '.join(arguments)})")
            return
        self.write(indent, f"{out}.append({self.call(call, scope, f'caller=({text}).__str__')})")

    def inlined(self, part: str, call: nodes.Call, text: str, indent: int) -> bool:
        """Write what the builder's ``part`` function does with ``text`` inline, where it can.

        A line added to a part of lines, a one-line part set (but a picture, which
        the builder checks), a heading: what ``_add_text``, ``_set_text`` and
        ``_heading_text`` do, without the call. Where the builder would refuse
        (a part set twice), the translated code raises, and Jinja2 says why.
        """
        name = call.args[0].value if call.args and isinstance(call.args[0], nodes.Const) else None
        value = self.fresh("_t")
        if part == "add" and name in LINES:
            # The builder checks the characters of its parts' texts where they are kept.
            self.handles |= {f"L_{name}"}
            if _constant(text):  # a line of the template's own: never empty
                self.write(indent, f"L_{name}.append({text})")
            else:
                self.write(indent, f"if {value} := {text}:")
                self.write(indent + 1, f"L_{name}.append({value})")
        elif part == "set" and name in SINGLE_PARTS and name not in _CHECKED_PARTS:
            self.handles |= {"S"}
            self.write(indent, f"if {name!r} in S:")
            self.write(indent + 1, "raise _RefusedError")
            self.write(indent, f"S[{name!r}] = {text}")
        elif part == "heading":
            self.handles |= {"BODY", "W"}
            self.write(indent, f"{value} = {text}")
            self.write(indent, "BODY.append(_made := _new(_Heading))")
            self.write(indent, f"_set_heading(_made, {value})")
            self.write(indent, f"W.append({value})")
        else:
            return False
        return True

    def builder_part(self, call: nodes.Call, scope: Scope) -> str | None:
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
        scope.read_outside.add(name)  # the builder's, not to be set by the template
        return name

    def from_import(self, node: nodes.FromImport, scope: Scope) -> None:
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

    def module(self, name: str) -> Scope:
        """The macros of an imported template, translated once."""
        if name in self.modules:
            return self.modules[name]
        scope = Scope()
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

    def builder_block(self, node: nodes.Node, scope: Scope) -> bool:
        """Whether ``node`` calls the builder's ``grade_table`` or ``finding_list``."""
        return (
            isinstance(node, nodes.Call)
            and isinstance(node.node, nodes.Name)
            and node.node.name in ("grade_table", "finding_list")
            and scope.find(node.node.name) is None
        )

    def inline_macro(self, node: nodes.Node, out: str, indent: int, scope: Scope) -> bool:
        """Write the body of a macro printed by ``{{ macro(...) }}`` in place, where it can.

        What the macro writes goes straight to ``out``, its parameters are locals
        set from the arguments, and its names are looked up as in its own
        function: a macro's call costs a tenth of a letter's time otherwise.
        Anything but arguments by position and by name, each parameter given or
        given a constant default, is left to the macro's function.
        """
        if not isinstance(node, nodes.Call) or not isinstance(node.node, nodes.Name):
            return False
        found = scope.find(node.node.name)
        if found is None or found[0] != "macro" or found[1] not in self.macro_nodes:
            return False
        macro, module = self.macro_nodes[found[1]]
        if node.dyn_args is not None or node.dyn_kwargs is not None or self.depth > 8:
            return False
        names = [argument.name for argument in macro.args]
        defaults = [None] * (len(names) - len(macro.defaults)) + list(macro.defaults)
        given: dict[str, nodes.Node] = dict(zip(names, node.args, strict=False))
        for keyword_argument in node.kwargs:
            if keyword_argument.key not in names or keyword_argument.key in given:
                return False
            given[keyword_argument.key] = keyword_argument.value
        if len(node.args) > len(names):
            return False
        values = []
        for name, default in zip(names, defaults, strict=True):
            if name in given:
                values.append(self.expr(given[name], scope))
            elif isinstance(default, nodes.Const) and isinstance(default.value, CONSTANTS):
                values.append(repr(default.value))
            else:
                return False
        inner = Scope(module)
        for name, value in zip(names, values, strict=True):
            local = self.fresh(f"l_{name}_")
            inner.names[name] = ("local", local)
            self.write(indent, f"{local} = {value}")
        self.depth += 1
        self.statements(macro.body, out, indent, inner)
        self.depth -= 1
        return True

    def macro(self, node: nodes.Macro, module: Scope) -> None:
        function = self.fresh(f"_macro_{node.name}_")
        self.macro_nodes[function] = (node, module)
        module.names[node.name] = ("macro", function)
        scope = Scope(module)
        parameters = ["ctx", "B"]
        defaults = [None] * (len(node.args) - len(node.defaults)) + list(node.defaults)
        for argument, default in zip(node.args, defaults, strict=True):
            if argument.name in SPECIAL_NAMES:
                raise UnsupportedError(f"a macro parameter called {argument.name!r}")
            local = self.fresh(f"l_{argument.name}_")
            scope.names[argument.name] = ("local", local)
            if default is None:
                parameters.append(local)
            elif isinstance(default, nodes.Const) and isinstance(default.value, CONSTANTS):
                parameters.append(f"{local}={default.value!r}")
            else:
                raise UnsupportedError("a macro default that is not a constant")
        template_lines, self.lines = self.lines, []
        outer_names, self.context_names = self.context_names, set()
        outer_parts, self.builder_parts = self.builder_parts, set()
        outer_handles, self.handles = self.handles, set()
        self.write(0, f"def {function}({', '.join(parameters)}):")
        out = self.fresh("_o")
        self.write(1, f"{out} = []")
        self.statements(node.body, out, 1, scope)
        self.write(1, f"return ''.join({out})")
        self.hoist(1)
        self.definitions += self.lines
        self.lines, self.context_names = template_lines, outer_names
        self.builder_parts, self.handles = outer_parts, outer_handles


def _constant(source: str) -> bool:
    """Whether ``source`` is a Python literal of text that is not empty."""
    try:
        value = ast.literal_eval(source)
    except (ValueError, SyntaxError):
        return False
    return isinstance(value, str) and value != ""
