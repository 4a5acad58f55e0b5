"""docs/api.md lists the parts of a letter and their fields in Markdown, readable on GitHub.

The autodoc directives that build the reference show nothing on GitHub, and
output-format authors look for the blocks a writer lays out. So the page
also holds a table of each class of a letter's parts, made from the classes'
own fields and the docstrings under them. Run with ``UPDATE_API_DOCS=1`` to
write the current tables into the page.
"""

import ast
import os
import re

import attrs

from inspection_letters._letters import letter as letter_module
from tests.helpers import ROOT

PAGE = ROOT / "docs" / "api.md"
SOURCE = ROOT / "src" / "inspection_letters" / "_letters" / "letter.py"
START, END = "<!-- letter parts: start -->\n", "<!-- letter parts: end -->\n"
CLASSES = (
    "Letter",
    "Letterhead",
    "Signature",
    "Placeholder",
    "Paragraph",
    "Quote",
    "Heading",
    "GradeTable",
    "GradeRow",
    "FindingList",
)


def _fields_of(tree: ast.Module) -> dict[str, list[tuple[str, str, str]]]:
    """Each class's fields as written: name, annotation, and the docstring under it."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        rows = []
        for index, item in enumerate(node.body):
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                following = node.body[index + 1] if index + 1 < len(node.body) else None
                doc = ""
                if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
                    doc = " ".join(str(following.value.value).split())
                rows.append((item.target.id, ast.unparse(item.annotation), doc))
        found[node.name] = rows
    return found


def _summary(name: str) -> str:
    doc = getattr(letter_module, name).__doc__ or ""
    return " ".join(doc.strip().split("\n\n")[0].split())


def tables() -> str:
    """The Markdown tables of the letter's parts, as the page should hold them."""
    fields = _fields_of(ast.parse(SOURCE.read_text("utf-8")))
    out = []
    for name in CLASSES:
        out.append(f"### `{name}`\n\n{_summary(name)}\n")
        out.append("| field | type | what it holds |\n| --- | --- | --- |")
        for field, annotation, doc in fields[name]:
            shown = annotation.replace("|", "\\|")
            out.append(f"| `{field}` | `{shown}` | {doc} |")
        out.append("")
    return "\n".join(out)


def test_api_page_lists_every_part_and_field_of_a_letter() -> None:
    """The page's tables are the classes' fields, in order, each with its type and docstring."""
    page = PAGE.read_text("utf-8")
    if os.environ.get("UPDATE_API_DOCS"):
        before, _, rest = page.partition(START)
        _, _, after = rest.partition(END)
        page = f"{before}{START}{tables()}{END}{after}"
        PAGE.write_text(page, "utf-8")
    shown = re.search(f"{re.escape(START)}(.*?){re.escape(END)}", page, re.DOTALL)
    assert shown is not None
    assert tables() == shown[1]


def test_tables_name_every_attrs_field() -> None:
    """Each table has a row for every field attrs knows of the class, and no other."""
    fields = _fields_of(ast.parse(SOURCE.read_text("utf-8")))
    for name in CLASSES:
        cls = getattr(letter_module, name)
        assert [f.name for f in attrs.fields(cls)] == [row[0] for row in fields[name]]
