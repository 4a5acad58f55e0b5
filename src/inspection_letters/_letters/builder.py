"""What a template calls to build a letter: parts, blocks, and what is missing.

A letter's template writes no layout. It calls these functions, in order, and
they collect the letter's parts and blocks; any text a template writes outside
them is an error. So a template holds only wording, and a writer lays out the
result in any format.
"""

import secrets
from collections.abc import Callable, Iterable
from itertools import chain
from typing import Any

from .._errors import InvalidValueError, MissingInputError, TemplateError
from .._model.checks import allowed_characters, check_characters, check_image_uri
from .._model.frameworks import JudgementArea
from .._model.grades import Grade
from .._model.inspection import Finding
from .letter import (
    Block,
    FindingList,
    GradeRow,
    GradeTable,
    Heading,
    Inline,
    Letter,
    Letterhead,
    Paragraph,
    Placeholder,
    Quote,
    Signature,
    unchecked,
)
from .placeholders import Missing, shown_placeholders

_SINGLE = ("title", "date_line", "delivery", "salutation", "closing")
_SINGLE_SIGNATURE = ("signature_name", "signature_description", "signature_image")
_SINGLE_LOGO = ("logo", "logo_alt")
_SINGLE_PARTS = _SINGLE + _SINGLE_SIGNATURE + _SINGLE_LOGO
_LINES = ("address", "contacts", "direct", "sender", "recipient", "signature_roles")
#: The one-line parts and the parts of lines, for the translation of templates (``translation.py``).
SINGLE_PARTS, LINES = frozenset(_SINGLE_PARTS), frozenset(_LINES)
# Marks the place of a quotation in a paragraph's text: private-use characters
# around a random number drawn once a process, which no data can know, and so
# cannot forge.
_QUOTE_MARK = "\ue000" + secrets.token_hex(8) + ":{}\ue001"


class LetterBuilder:
    """Collects one letter's parts while its template renders."""

    def __init__(self, *, audience: str, area: str, draft: bool) -> None:
        self.audience = audience
        self.area = area
        self.draft = draft
        self.missing: dict[str, str] = {}
        self._single: dict[str, str] = {}
        self._lines: dict[str, list[str]] = {
            "address": [],
            "contacts": [],
            "direct": [],
            "sender": [],
            "recipient": [],
            "signature_roles": [],
        }
        self._body: list[Block] = []
        self._quotes: list[str] = []
        self._written: list[str] = []
        """Every text the template gave the body, for the check of its characters."""
        # Every placeholder made for this letter, to list those it shows.
        self._placeholders: list[Missing] = []

    def functions(self) -> dict[str, Callable[..., Any]]:
        """The functions a template may call, by the names it calls them."""
        return {
            "set": self.set,
            "add": self.add,
            "paragraph": self.paragraph,
            "heading": self.heading,
            "quote": self.quote,
            "grade_table": self.grade_table,
            "finding_list": self.finding_list,
            "need": self.need,
        }

    def need(self, value: Any, field: str, description: str) -> Any:
        """``value``, or a placeholder where it is missing (``None`` or empty)."""
        if isinstance(value, Missing):
            return value
        # Missing is None, an empty tuple or empty text, told without calling an
        # attrs value's ``__eq__`` (the recipient, the signatory) twice.
        if value is None or (isinstance(value, (tuple, str)) and not value):
            self.missing.setdefault(field, description)
            return Missing(description, field, made=self._placeholders)
        return value

    def set(self, name: str, *, caller: Callable[[], str]) -> str:
        """Set a one-line part (``title``, ``date_line``, ``salutation``...) to the call's text."""
        _single_part(name)
        self._set_once(name)
        return self._set_text(name, caller())

    def add(self, name: str, *, caller: Callable[[], str]) -> str:
        """Add a line to a part of several lines (``recipient``, ``address``...)."""
        _part_of_lines(name)
        return self._add_text(name, caller())

    def paragraph(self, *, caller: Callable[[], str]) -> str:
        """Add a paragraph of the call's text to the body."""
        return self._paragraph_text(caller())

    def heading(self, *, caller: Callable[[], str]) -> str:
        """Add a heading of the call's text to the body."""
        return self._heading_text(caller())

    # What the four above do with the call's text, which the library's compiled
    # templates (compiled.py) give them directly, having worked it out first.

    def _set_once(self, name: str) -> None:
        if name in self._single:
            raise TemplateError(f"{name!r} is set twice; a one-line part is set once")

    def _set_text(self, name: str, text: str) -> str:
        if name not in _SINGLE_PARTS:
            _single_part(name)
        if name in self._single:
            self._set_once(name)
        if name in ("signature_image", "logo"):
            # Letters use no external resources: a picture must be inlined, and raster.
            try:
                check_image_uri(text)
            except InvalidValueError as error:
                raise TemplateError(f"the {name.replace('_', ' ')}: {error}") from None
        self._single[name] = text
        return ""

    def _add_text(self, name: str, text: str) -> str:
        if name not in _LINES:
            _part_of_lines(name)
        if text:
            self._lines[name].append(text)
        return ""

    def _paragraph_text(self, text: str) -> str:
        if not self._quotes:
            self._written.append(text)
            self._body.append(_paragraph(content=(text,)))
            return ""
        content = self._split_quotes(text)
        # The paragraph's own words: the quotations' marks are the builder's, their texts
        # kept by quote().
        self._written += [piece for piece in content if isinstance(piece, str)]
        self._body.append(_paragraph(content=content))
        return ""

    def _heading_text(self, text: str) -> str:
        self._written.append(text)
        self._body.append(Heading(text=text))
        return ""

    def quote(self, text: object) -> str:
        """Mark a quotation from the report inside a paragraph."""
        self._quotes.append(_text(text, "a quotation"))
        self._written.append(self._quotes[-1])
        return _QUOTE_MARK.format(len(self._quotes) - 1)

    def grade_table(
        self, rows: Iterable[tuple[object, object]], *, caption: str, headers: tuple[str, str]
    ) -> str:
        """Add the grade table: ``(judgement area or title, grade)`` rows, in order."""
        try:
            # The grades of an inspection, as a letter's context gives them: the
            # framework's own words, in rows made once, looked up in C.
            if type(rows) is not tuple and type(rows) is not list:
                raise TypeError("rows that can be read once only")
            table_rows = tuple(map(_GRADE_ROWS.__getitem__, rows))
        except (KeyError, TypeError):  # any other row: a title, a placeholder, a list
            table_rows = tuple([self._grade_row(area, grade) for area, grade in rows])
        self._written += (caption, *headers)
        self._body.append(_grade_table(caption=caption, headers=headers, rows=table_rows))
        return ""

    def _grade_row(self, area: object, grade: object) -> GradeRow:
        if type(area) is JudgementArea and type(grade) is Grade:
            return _GRADE_ROWS[area, grade]
        row = GradeRow(
            judgement=_text(getattr(area, "title", area), "a judgement"), grade=_label(grade)
        )
        self._written += (row.judgement, row.grade)
        return row

    def finding_list(self, items: Iterable[object]) -> str:
        """Add a list of findings to the body."""
        if isinstance(items, Missing):
            entries: tuple[str, ...] = (str(items),)
        else:
            try:
                # An inspection's findings, whose texts are checked text: read in C, where
                # the slot's reader refuses anything but a finding.
                if type(items) is not tuple:
                    raise TypeError("not an inspection's findings")
                entries = tuple(map(_FINDING_TEXT, items))
            except TypeError:
                entries = tuple(_text(getattr(i, "text", i), "a finding") for i in items)
        self._written += entries
        self._body.append(_finding_list(items=entries))
        return ""

    def _split_quotes(self, text: str) -> tuple[Inline, ...]:
        if not self._quotes:
            return (text,)
        pieces: list[Inline] = []
        rest = text
        for number, quoted in enumerate(self._quotes):
            before, mark, rest = rest.partition(_QUOTE_MARK.format(number))
            if not mark:
                raise TemplateError("a quotation was marked outside the paragraph it belongs to")
            quotation = _quote(text=quoted)
            pieces.extend([before, quotation] if before else [quotation])
        if rest:
            pieces.append(rest)
        self._quotes.clear()
        return tuple(pieces)

    def _texts(self) -> list[tuple[str, str]]:
        """Every piece of text of the letter so far, with the part it is in."""
        texts: list[tuple[str, str]] = [*self._single.items()]
        texts += [(name, line) for name, lines in self._lines.items() for line in lines]
        for block in self._body:
            part = type(block).__name__.lower()
            if isinstance(block, Paragraph):
                texts += [(part, p if isinstance(p, str) else p.text) for p in block.content]
            elif isinstance(block, Heading):
                texts.append((part, block.text))
            elif isinstance(block, GradeTable):
                cells = [block.caption, *block.headers]
                cells += [text for row in block.rows for text in (row.judgement, row.grade)]
                texts += [(part, cell) for cell in cells]
            else:
                texts += [(part, item) for item in block.items]
        return texts

    def _shown_placeholders(self) -> tuple[Placeholder, ...]:
        """The placeholders the letter shows, each once, in the order the letter shows them."""
        if not self._placeholders:
            return ()
        return shown_placeholders(self._placeholders, self._single, self._lines, self._body)

    def _check_characters(self) -> None:
        """Refuse a control character (or the like) that a template, not the data, wrote.

        The data's text is checked when it is read; a template's is checked here,
        since no writer can put it in a letter (Word and PDF would fail).
        """
        if self._all_text_is_clean():
            return
        for part, text in self._texts():
            try:
                check_characters(text)
            except InvalidValueError as error:
                message = f"the template of the {self.audience!r} audience wrote, in the {part},"
                raise TemplateError(f"{message} text that {error}") from None

    def _all_text_is_clean(self) -> bool:
        """Whether no text of the letter holds a forbidden character: one look at them all.

        The texts are the one-line parts, the parts of lines, and those the
        template gave the body (``_written``; the grade rows made from the
        framework's own words hold none). Only when one does is each part checked
        on its own, to say where.
        """
        texts = self._written
        try:
            # The parts' texts with the body's first: one look, for most letters.
            first = [*self._single.values(), *chain.from_iterable(self._lines.values())]
            if not allowed_characters("".join([*first, *texts[:256]])):
                return False
            # In runs of texts, so that a letter of thousands of findings is not copied whole.
            for start in range(256, len(texts), 256):
                if not allowed_characters("".join(texts[start : start + 256])):
                    return False
        except TypeError:  # a template gave what is not text
            return False
        return True

    def letter(self) -> Letter:
        """The letter built, or an error naming every field it needs and lacks."""
        if self.missing and not self.draft:
            summary = (
                f"the {self.audience} letter for {self.area!r} needs "
                f"{len(self.missing)} field(s) the inspection does not have"
            )
            problems = [(field, f"is missing: {what}") for field, what in self.missing.items()]
            raise MissingInputError(summary, problems)
        if self._quotes:
            raise TemplateError("a quotation was marked outside any paragraph")
        if "title" not in self._single:
            raise TemplateError(f"the template of the {self.audience!r} audience sets no title")
        self._check_characters()
        single, lines = self._single, self._lines
        letterhead = None
        if lines["address"] or lines["contacts"] or lines["direct"] or "logo" in single:
            if ("logo" in single) != ("logo_alt" in single):
                raise TemplateError("a template that sets the logo must set its logo_alt too")
            letterhead = _letterhead(
                address=tuple(lines["address"]),
                contacts=tuple(lines["contacts"]),
                direct=tuple(lines["direct"]),
                logo=single.get("logo"),
                logo_alt=single.get("logo_alt"),
            )
        signature = None
        if "signature_name" in single:
            signature = _signature(
                name=single["signature_name"],
                roles=tuple(lines["signature_roles"]),
                description=single.get("signature_description"),
                image=single.get("signature_image"),
            )
        return _letter(
            audience=self.audience,
            area=self.area,
            title=single["title"],
            letterhead=letterhead,
            date_line=single.get("date_line"),
            delivery=single.get("delivery"),
            sender=tuple(lines["sender"]),
            recipient=tuple(lines["recipient"]),
            salutation=single.get("salutation"),
            body=tuple(self._body),
            closing=single.get("closing"),
            signature=signature,
            draft=self.draft,
            placeholders=self._shown_placeholders() if self.draft else (),
        )


#: The names a template calls the builder's functions by (``LetterBuilder.functions``).
BUILDER_FUNCTIONS = frozenset(LetterBuilder(audience="", area="", draft=True).functions())

# The builder's values are of the right types by construction: made without attrs' checks.
_letter, _letterhead, _signature = unchecked(Letter), unchecked(Letterhead), unchecked(Signature)
_grade_table, _finding_list = unchecked(GradeTable), unchecked(FindingList)
_paragraph, _quote = unchecked(Paragraph), unchecked(Quote)
_FINDING_TEXT = Finding.__dict__["text"].__get__

#: The rows of the grade table for each judgement and grade: the framework's own words.
_GRADE_ROWS = {
    (area, grade): GradeRow(judgement=area.title, grade=grade.label)
    for area in JudgementArea
    for grade in Grade
}
#: Those rows, which live as long as the process: writers may lay them out once.
FRAMEWORK_ROWS = tuple(_GRADE_ROWS.values())


def _single_part(name: str) -> None:
    if name not in _SINGLE_PARTS:
        choices = _choices(_SINGLE_PARTS)
        raise TemplateError(f"{name!r} is not a part; expected one of {choices}")


def _part_of_lines(name: str) -> None:
    if name not in _LINES:
        raise TemplateError(f"{name!r} is not a part of lines; expected one of {_choices(_LINES)}")


def _label(grade: object) -> str:
    if grade is None:
        raise TemplateError(
            "a grade table row has no grade; use need() for a grade that may be missing"
        )
    return str(getattr(grade, "label", grade))


def _text(value: object, what: str) -> str:
    # As for what a template prints: a None is a bug in the template, never "None" in a letter.
    if value is None:
        raise TemplateError(f"{what} is None; use need() for data that may be missing")
    return str(value)


def _choices(names: Iterable[str]) -> str:
    return ", ".join(repr(n) for n in names)
