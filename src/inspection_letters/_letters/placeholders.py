"""Placeholders: what a draft shows where the inspection lacks what a letter needs.

:class:`Missing` is what ``need()`` gives a template for a missing value, and
:func:`shown_placeholders` lists, once each and in the letter's order, those a
draft ends up showing (``Letter.placeholders``).
"""

import operator
from collections.abc import Mapping, Sequence
from typing import Any

from .letter import (
    Block,
    FindingList,
    GradeTable,
    Heading,
    Paragraph,
    Placeholder,
    Quote,
    unchecked,
)

# The attributes of missing data that a template prints on their own, and the
# short placeholder each is shown as where it stands ("Dear [first name]").
# Any other attribute of a placeholder is the placeholder itself.
_SHORT_PLACEHOLDERS = {"given_name": "first name", "email": "email address"}


class Missing:
    """A placeholder for data a letter needs but the inspection lacks.

    It prints as an instruction in the style of Ofsted's own ("Add recipient
    details (local authority to complete)"), and any attribute of it is itself,
    so a template can read ``recipient.email`` from a missing recipient; an
    attribute printed on its own in a sentence, such as ``recipient.given_name``
    in "Dear ...", is a short placeholder worded for its place: "Dear [first name]".
    """

    def __init__(
        self,
        description: str,
        field: str = "",
        *,
        short: str | None = None,
        made: "list[Missing] | None" = None,
    ) -> None:
        self.description = description
        self.field = field
        self.short = short
        self._made = made if made is not None else []
        self._made.append(self)
        self._parts: dict[str, Missing] = {}

    def __str__(self) -> str:
        if self.short is not None:
            return f"[{self.short}]"
        return f"Add {self.description} (to complete)"

    def __getattr__(self, name: str) -> "Missing":
        if name.startswith("__") or name.startswith("_"):
            raise AttributeError(name)
        short = _SHORT_PLACEHOLDERS.get(name)
        if short is None:
            return self
        part = self._parts.get(name)
        if part is None:
            part = Missing(
                f"{self.description}: {short}", f"{self.field}.{name}", short=short, made=self._made
            )
            self._parts[name] = part
        return part

    def __bool__(self) -> bool:
        return True

    def __iter__(self) -> Any:
        return iter(())


_placeholder = unchecked(Placeholder)
_PLACE = operator.itemgetter(0)


def shown_placeholders(
    made: Sequence[Missing],
    single: Mapping[str, str],
    lines: Mapping[str, list[str]],
    body: Sequence[Block],
) -> tuple[Placeholder, ...]:
    """The placeholders a letter of these parts shows, of those ``made``, each once, in order.

    Each placeholder's place is where its text is first found in the letter's
    text, its parts in the order a writer lays them out (the letterhead and the
    date, the recipient, the salutation and title, the body, the sign-off) and
    joined by line breaks; a text is listed by the first placeholder made with it.
    """
    first: dict[str, Missing] = {}
    for missing in made:
        first.setdefault(str(missing), missing)
    pieces = [
        "\n".join(lines["address"]),
        "\n".join(lines["contacts"]),
        "\n".join(lines["direct"]),
        single.get("date_line", ""),
        single.get("delivery", ""),
        "\n".join(lines["sender"]),
        "\n".join(lines["recipient"]),
        single.get("salutation", ""),
        single.get("title", ""),
    ]
    for block in body:
        if isinstance(block, Paragraph):
            content = block.content
            if len(content) == 1 and isinstance(content[0], str):
                pieces.append(content[0])
            else:
                pieces += [p.text if isinstance(p, Quote) else p for p in content]
        elif isinstance(block, Heading):
            pieces.append(block.text)
        elif isinstance(block, GradeTable):
            pieces += (block.caption, *block.headers)
            for row in block.rows:
                pieces += (row.judgement, row.grade)
        elif isinstance(block, FindingList):
            pieces += block.items
    pieces += (
        single.get("closing", ""),
        single.get("signature_description", ""),
        single.get("signature_name", ""),
        "\n".join(lines["signature_roles"]),
    )
    whole = "\n".join(pieces)
    shown: list[tuple[int, Placeholder]] = []
    for text, missing in first.items():
        where = whole.find(text)
        if where >= 0:
            placeholder = _placeholder(
                field=missing.field, description=missing.description, text=text
            )
            shown.append((where, placeholder))
    # By place alone: two placeholders are never compared (one text may begin another).
    shown.sort(key=_PLACE)
    return tuple([placeholder for _, placeholder in shown])
