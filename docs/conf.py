"""Sphinx's configuration for the documentation of ``inspection_letters``.

Build with ``python3 dev.py docs`` (or ``sphinx-build -W --keep-going -n -b html docs
docs/_build/html``). Pages are Markdown, read by MyST; the API reference is autodoc
reading the docstrings, which are reStructuredText. See ``docs/README.md``.
"""

import pkgutil
import sys
import tomllib
from pathlib import Path
from typing import Any

from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.pycode import ModuleAnalyzer

ROOT = Path(__file__).resolve().parent.parent
# Document the checkout beside this file, whatever else is installed.
sys.path.insert(0, str(ROOT / "src"))

import inspection_letters  # noqa: E402

project = "inspection_letters"
author = "The inspection_letters developers"
copyright = "the inspection_letters developers"
with (ROOT / "pyproject.toml").open("rb") as pyproject:
    release = version = tomllib.load(pyproject)["project"]["version"]

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinxcontrib.mermaid",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# Every reference must resolve: a broken link or a wrong name in a docstring is an error
# (with -W). Only the standard library's and other projects' names are let through, since
# the build reads no other project's inventory (it needs no network).
nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", r"(datetime|os|pathlib|collections|typing|enum|types|importlib)(\..*)?"),
    (r"py:.*", r"(hypothesis|jinja2|attrs|attr|click)(\..*)?"),
    (r"py:.*", r"(str|bytes|int|float|bool|object|dict|list|tuple|set|frozenset|type|None)"),
    (r"py:.*", r"(Exception|ValueError|LookupError|ImportError|PermissionError|TypeError)"),
    (r"py:.*", r"(Path|PathLike|Mapping|Sequence|Iterable|Iterator|Callable|Collection|Any)"),
    (r"py:.*", r"(T|_T|SearchStrategy|Enum|date|MappingProxyType|Generic|DrawFn)"),
    # The registries' type variable, and the private types of a plain-language rule's
    # ``check`` (a segment of text and what the rule knows of the text around it).
    (r"py:.*", r"inspection_letters\._registry\.T"),
    (r"py:.*", r"inspection_letters\._readability\.report\.Segment"),
    (r"py:.*", r"inspection_letters\._readability\.plain_language\.RuleContext"),
]

myst_enable_extensions = ["colon_fence", "deflist"]
# ```mermaid fences are diagrams both here (sphinxcontrib-mermaid) and on GitHub. The site
# loads mermaid.js in the reader's browser; the build itself fetches nothing.
myst_fence_as_directive = ["mermaid"]
# Headings get anchors, so that pages can link to a section: [below](#for-developers).
myst_heading_anchors = 3

autodoc_default_options = {"members": True, "undoc-members": True, "member-order": "bysource"}
autodoc_typehints = "signature"
add_module_names = False
python_use_unqualified_type_names = True

html_theme = "furo"
html_title = "inspection_letters"
html_static_path: list[str] = []
html_show_sourcelink = False


def _public_target(target: str) -> str | None:
    """``inspection_letters._model.grades.Grade`` as its public name, where it is exported."""
    parts = target.split(".")
    if len(parts) < 3 or parts[0] != "inspection_letters" or not parts[1].startswith("_"):
        return None
    # The longest prefix that is a module is where the name lives; what follows is the name.
    for end in range(len(parts) - 1, 1, -1):
        if ".".join(parts[:end]) in sys.modules:
            if parts[end] not in inspection_letters.__all__:
                return None
            return ".".join(["inspection_letters", *parts[end:]])
    return None


def resolve_private_names(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Any
) -> Any:
    """Resolve a type hint naming a private module (``_model.grades.Grade``) to the public name.

    The code lives in private modules and ``inspection_letters`` re-exports it, so type hints
    name the private modules, while the reference documents the public names.
    """
    if node.get("refdomain") != "py":
        return None
    public = _public_target(node.get("reftarget", ""))
    if public is None:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], public, node, contnode
    )


def _doc_comments() -> dict[str, list[str]]:
    """The ``#:`` comments above the exported constants, in the modules that define them."""
    found: dict[str, list[str]] = {}
    for info in pkgutil.walk_packages(inspection_letters.__path__, "inspection_letters."):
        for (scope, name), lines in ModuleAnalyzer.for_module(info.name).find_attr_docs().items():
            if scope == "" and name in inspection_letters.__all__:
                found[name] = list(lines)
    return found


DOC_COMMENTS = _doc_comments()


def document_constants(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Give an exported constant the ``#:`` comment above it in its own module.

    autodoc reads such comments from the module it is asked about, ``inspection_letters``,
    which only re-exports; without this, ``OFFICES`` would have no text and ``audiences``
    the docstring of its class.
    """
    module, _, short = name.rpartition(".")
    if what == "data" and module == "inspection_letters" and short in DOC_COMMENTS:
        lines[:] = [*DOC_COMMENTS[short], ""]


def setup(app: Sphinx) -> None:
    app.connect("missing-reference", resolve_private_names)
    app.connect("autodoc-process-docstring", document_constants)
