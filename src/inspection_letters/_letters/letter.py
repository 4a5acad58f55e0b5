"""A letter as a structure: its parts and blocks, free of any output format.

Templates decide the words; writers decide the layout. A :class:`Letter` sits
between them, so that one writer lays out every audience's letter in its
format, and one template serves every format.
"""

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs
from attrs import frozen

from .._model.checks import checked_tuple, of_type

if TYPE_CHECKING:
    from .._writers.formats import FormatRegistry

_T = TypeVar("_T")


@frozen(kw_only=True)
class Quote:
    """A passage quoted from the inspection report, inside a paragraph."""

    text: str
    """The words quoted, without quotation marks: a writer adds its own (and italics)."""


Inline = str | Quote


@frozen(kw_only=True)
class Paragraph:
    """A paragraph: text, with quotations marked as such."""

    content: tuple[Inline, ...]
    """The paragraph's pieces in order: text (``str``) and quotations (``Quote``)."""

    @property
    def plain(self) -> str:
        """The paragraph's words, with quotations in quotation marks."""
        return "".join(p if isinstance(p, str) else f'"{p.text}"' for p in self.content)


@frozen(kw_only=True)
class Heading:
    """A heading within the body of the letter."""

    text: str
    """The heading's words, one line (a level-two heading in HTML and Markdown)."""


@frozen(kw_only=True)
class GradeRow:
    """One row of the grade table: a judgement's title and its grade's label."""

    judgement: str
    """The judgement's title, such as "Overall effectiveness"."""

    grade: str
    """The grade's label, such as "Requires improvement to be good" (or a draft's placeholder)."""


@frozen(kw_only=True)
class GradeTable:
    """The table of judgements and grades, in the framework's order."""

    caption: str
    """What the table shows; HTML prints it as the table's caption."""

    headers: tuple[str, str]
    """The two columns' headings, such as ``("Judgement", "Grade")``."""

    rows: tuple[GradeRow, ...]
    """A row for each judgement, in the framework's order."""


@frozen(kw_only=True)
class FindingList:
    """The inspectors' findings, as a list."""

    items: tuple[str, ...]
    """Each finding's text, in order; a finding may hold line breaks."""


Block = Paragraph | Heading | GradeTable | FindingList


@frozen(kw_only=True)
class Letterhead:
    """The sender's address and contact lines at the top of the letter."""

    address: tuple[str, ...]
    """The sender's postal address, a line a part."""

    contacts: tuple[str, ...] = ()
    """The office's telephone, textphone, email and website lines."""

    direct: tuple[str, ...] = ()
    """The signatory's own lines, such as a direct telephone and email."""

    logo: str | None = None
    """The sender's logo as a raster ``data:`` URI, drawn at the top left, where there is one."""

    logo_alt: str | None = None
    """The logo's alternative text."""


@frozen(kw_only=True)
class Signature:
    """How the letter is signed."""

    name: str
    """The signatory's name (or, in a draft, a placeholder for it)."""

    roles: tuple[str, ...] = ()
    """The lines under the name, such as "Lead inspector"."""

    description: str | None = None
    """A description of the handwritten signature, where there is one."""

    image: str | None = None
    """The signature's image as a ``data:`` URI, where there is one."""


@frozen(kw_only=True)
class Placeholder:
    """A placeholder a draft shows where the inspection lacks what the letter needs.

    Writers mark each visibly (highlighted in HTML, PDF and Word), so that no
    draft is sent by mistake.
    """

    field: str
    """The path of the missing field, such as ``'letters.director.recipient'``."""

    description: str
    """What is missing, such as "the recipient (the Director of Children's Services)"."""

    text: str
    """The placeholder as the letter prints it, such as ``'[first name]'``."""


@frozen(kw_only=True)
class Letter:
    """One letter, in parts, ready for any format.

    ``str(letter)`` is the plain text; :meth:`to_markdown` and :meth:`to_html`
    give the other formats, and :meth:`render` any registered format.
    """

    audience: str
    """The audience it was written for, such as ``'children'``."""

    area: str
    """The council area the inspection was of."""

    title: str
    """The letter's subject line, such as "Inspection of children's services"."""

    letterhead: Letterhead | None = of_type(Letterhead, optional=True)
    """The sender's address, contact lines and logo, at the top."""

    date_line: str | None = None
    """The date, as the letter prints it, such as "1 April 2022"."""

    delivery: str | None = None
    """How the letter is sent, such as "By email: ...", where it says."""

    sender: tuple[str, ...] = checked_tuple(str)
    """The signatory's name and role above the recipient, where printed there."""

    recipient: tuple[str, ...] = checked_tuple(str)
    """The recipient's name and address, a line a part."""

    salutation: str | None = None
    """The greeting, such as "Dear Chris"."""

    body: tuple[Block, ...] = checked_tuple(Block)  # type: ignore[arg-type]
    """The body's blocks in order: paragraphs, headings, the grade table, the findings."""

    closing: str | None = None
    """The sign-off, such as "Yours sincerely"."""

    signature: Signature | None = of_type(Signature, optional=True)
    """Who signs, and how: the name, roles, and the signature's image and description."""
    draft: bool = False
    """Whether the letter was rendered as a draft, with placeholders."""

    placeholders: tuple[Placeholder, ...] = checked_tuple(Placeholder)
    """Every placeholder the draft shows, once each, in one place: empty when complete."""

    def render(self, format: str) -> str | bytes:
        """The letter in a registered format, such as ``'html'``."""
        return _formats().get(format).write(self)

    def __str__(self) -> str:
        return _as_text(self.render("text"))

    def to_text(self) -> str:
        """The letter as plain text; the same as ``str(letter)``."""
        return _as_text(self.render("text"))

    def to_markdown(self) -> str:
        """The letter as Markdown, with every piece of data escaped."""
        return _as_text(self.render("markdown"))

    def to_html(self) -> str:
        """The letter as a complete, self-contained HTML5 document."""
        return _as_text(self.render("html"))

    def to_pdf(self) -> bytes:
        """The letter as a tagged, A4 PDF; needs the ``pdf`` extra (WeasyPrint)."""
        output = self.render("pdf")
        return output if isinstance(output, bytes) else output.encode("utf-8")

    def to_docx(self) -> bytes:
        """The letter as a Word document; needs the ``docx`` extra (python-docx)."""
        output = self.render("docx")
        return output if isinstance(output, bytes) else output.encode("utf-8")

    @property
    def findings(self) -> tuple[str, ...]:
        """The items of every finding list in the body."""
        return tuple(i for b in self.body if isinstance(b, FindingList) for i in b.items)


@functools.cache
def _formats() -> "FormatRegistry":
    # The writers import the letters, so the registry is imported on first use.
    from .._writers.formats import formats

    return formats


def _as_text(output: str | bytes) -> str:
    return output if isinstance(output, str) else output.decode("utf-8")


def unchecked(kind: type[_T]) -> Callable[..., _T]:
    """A maker of ``kind`` values that runs none of its converters and validators.

    For the values the letter builder makes, which are of the right types by
    construction (tuples of text, blocks): attrs runs every field's checks in
    ``__init__``, a tenth of the time a letter takes. The maker takes every
    field by keyword, none left to its default, as attrs' own ``__init__`` is
    written: as Python source, once. ``tests/letters/test_builder.py`` holds
    every letter built to ``attrs.validate``, and to the letter the checked
    constructor makes.
    """
    names = [field.name for field in attrs.fields(cast(Any, kind))]
    namespace: dict[str, Any] = {"_new": object.__new__, "kind": kind}
    for name in names:
        # A slot's own setter, where the class has slots: half the time of object.__setattr__.
        slot = kind.__dict__.get(name)
        setter = getattr(slot, "__set__", None)
        namespace[f"_set_{name}"] = (
            setter
            if setter is not None
            else lambda made, value, name=name: object.__setattr__(made, name, value)
        )
    source = "\n".join(
        [
            f"def make(*, {', '.join(names)}):",
            "    made = _new(kind)",
            *(f"    _set_{name}(made, {name})" for name in names),
            "    return made",
        ]
    )
    exec(compile(source, f"<unchecked {kind.__name__}>", "exec"), namespace)
    made: Callable[..., _T] = namespace["make"]
    return made
