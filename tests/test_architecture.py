"""The package's rooms: what each may import, and that no two import each other in a circle.

The rules are those of ``docs/architecture.md``: the model at the bottom; the readers, the
letters and readability on it; the writers on the letters; the command line on top. The top
level's errors and registry are the ground every room stands on. Only imports a module runs
when it is imported count: those inside a function (the lazy ones the page names) and those
only type checkers read (``if TYPE_CHECKING:``) do not.
"""

import ast
from pathlib import Path

import pytest

import inspection_letters
from tests.helpers import ROOT

PACKAGE = Path(inspection_letters.__file__).parent

#: Each room and the rooms it may import at module level ("" is the top level's ground).
ALLOWED: dict[str, frozenset[str]] = {
    "_model": frozenset({""}),
    "_readers": frozenset({"", "_model"}),
    "_letters": frozenset({"", "_model"}),
    "_readability": frozenset({"", "_model"}),
    "_writers": frozenset({"", "_model", "_letters"}),
    "_cli": frozenset({"", "_model", "_readers", "_letters", "_readability", "_writers"}),
}
#: The top level's modules that are ground, not façade: every room may import them.
GROUND = frozenset({"_errors", "_registry"})
#: The lazy imports inside functions that the architecture page names, as (importer, imported).
NAMED_LAZY = frozenset({("_letters.letter", "_writers.formats")})


def module_name(path: Path) -> str:
    """``_letters/letter.py`` as ``_letters.letter``; a package's ``__init__`` as the package."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def room_of(module: str) -> str:
    """The room a module stands in: its first part if that is a room, else the top level."""
    first = module.split(".")[0]
    return first if first in ALLOWED else ""


def resolve(importer: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    """The package modules an ``import from`` names, absolute within the package."""
    if node.level == 0:
        if node.module is None or not node.module.startswith("inspection_letters"):
            return []
        base = node.module.split(".")[1:]
    else:
        here = importer.split(".") if importer else []
        package = here if is_package else here[:-1]
        base = package[: len(package) - (node.level - 1)]
        base = [*base, *(node.module.split(".") if node.module else [])]
    return [".".join(base)] if base else [alias.name for alias in node.names]


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def module_level_imports(tree: ast.Module) -> list[ast.ImportFrom]:
    """The ``from ... import`` statements run when the module is imported."""
    found: list[ast.ImportFrom] = []
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If) and not _is_type_checking(node):
            pending += [*node.body, *node.orelse]
        elif isinstance(node, ast.Try):
            pending += [*node.body, *node.orelse, *node.finalbody]
            pending += [stmt for handler in node.handlers for stmt in handler.body]
    return found


def function_level_imports(tree: ast.Module) -> list[ast.ImportFrom]:
    """The ``from ... import`` statements inside functions: imported when they run."""
    return [
        node
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.ImportFrom)
    ]


def imports(*, lazy: bool = False) -> set[tuple[str, str]]:
    """Every (importer, imported) pair of the package's modules, outside ``__init__.py``."""
    pairs: set[tuple[str, str]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        if name == "":  # the façade re-exports every room, lazily
            continue
        tree = ast.parse(path.read_text("utf-8"))
        found = function_level_imports(tree) if lazy else module_level_imports(tree)
        for node in found:
            for target in resolve(name, path.name == "__init__.py", node):
                pairs.add((name, target))
    return pairs


def test_the_top_level_holds_at_most_seven_modules() -> None:
    """The top level is the façade, the ground and the strategies: seven modules at most."""
    modules = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(modules) <= 7, modules


def test_every_room_exists_and_is_private() -> None:
    """Each room is a package whose name starts with an underscore and says its job."""
    rooms = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
    assert sorted(ALLOWED) == rooms


@pytest.mark.parametrize("pair", sorted(imports()), ids="→".join)
def test_imports_run_one_way(pair: tuple[str, str]) -> None:
    """A module imports, at module level, only the ground and the rooms below its own."""
    importer, imported = pair
    source, target = room_of(importer), room_of(imported)
    if importer in GROUND:
        assert imported in GROUND, f"the ground's {importer} imports {imported}"
    elif source == "":  # the façade's own modules (``__main__``, ``strategies``) stand on top
        return
    elif target == "":
        assert imported in GROUND, f"{importer} imports the façade's {imported}"
    elif target != source:
        assert target in ALLOWED[source], f"{importer} ({source}) may not import {imported}"


def test_no_rooms_import_each_other_in_a_circle() -> None:
    """The graph of rooms importing rooms at module level has no cycle."""
    edges: dict[str, set[str]] = {room: set() for room in ALLOWED}
    for importer, imported in imports():
        source, target = room_of(importer), room_of(imported)
        if source and target and source != target:
            edges[source].add(target)

    def reaches(start: str, goal: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(
            nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt}))
            for nxt in edges[start]
        )

    assert [] == [room for room in edges if reaches(room, room)]


def test_imports_against_the_way_are_lazy_and_named() -> None:
    """The imports in functions that run against the rooms' order are those the page names."""
    against = {
        (importer, imported)
        for importer, imported in imports(lazy=True)
        if room_of(importer)
        and room_of(imported)
        and room_of(imported) != room_of(importer)
        and room_of(imported) not in ALLOWED[room_of(importer)]
    }
    assert NAMED_LAZY == against


def drawn_edges(arrow: str) -> set[tuple[str, str]]:
    """The edges ``a --> b`` (or ``a -.-> b``) of the first diagram in the architecture page."""
    page = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    diagram = page.split("```mermaid", 1)[1].split("```", 1)[0]
    edges = (line.split(arrow) for line in diagram.splitlines() if arrow in line)
    return {(f"_{a.strip()}", f"_{b.strip()}") for a, b in edges}


def room_edges(*, lazy: bool) -> set[tuple[str, str]]:
    """The imports between rooms the code makes: at module level, or only inside functions."""

    def between(pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:
        rooms = {(room_of(a), room_of(b)) for a, b in pairs}
        return {(a, b) for a, b in rooms if a and b and a != b}

    module_level = between(imports())
    return between(imports(lazy=True)) - module_level if lazy else module_level


def test_the_diagram_draws_the_imports_between_rooms() -> None:
    """The architecture page's diagram draws exactly the imports between rooms the code makes."""
    assert room_edges(lazy=False) == drawn_edges(" --> ")
    assert room_edges(lazy=True) == drawn_edges(" -.-> ")


@pytest.mark.parametrize("room", sorted(ALLOWED))
def test_the_page_names_every_module_of_each_room(room: str) -> None:
    """The architecture page's table row for a room names each module the room holds."""
    page = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    row = next(line for line in page.splitlines() if line.startswith(f"| `{room}/`"))
    modules = sorted(p.name for p in (PACKAGE / room).glob("*.py") if p.name != "__init__.py")
    assert [] == [name for name in modules if f"`{name}`" not in row]
