"""Output formats: a registry of writers, each turning any :class:`Letter` into one format.

Adding a format means registering one writer; no audience changes. Writers of
other packages arrive through the entry-point group ``inspection_letters.formats``
(each entry point names a :class:`Format`).
"""

import importlib.util
from collections.abc import Callable
from typing import Any, overload

from attrs import frozen

from .._letters.letter import Letter
from .._registry import Registry

#: A function that writes a letter in one format: text, or bytes for binary formats.
Writer = Callable[[Letter], str | bytes]


@frozen(kw_only=True)
class Format:
    """A registered output format: its writer, file extension and media type."""

    write: Writer
    extension: str
    """The file extension, without a dot, such as ``'html'``."""

    media_type: str = "text/plain"
    binary: bool = False
    """Whether the writer gives bytes rather than text."""

    description: str = ""

    extra: str | None = None
    """The optional extra the writer needs (``'pdf'``, ``'docx'``), if any."""

    requires: tuple[str, ...] = ()
    """The modules the writer imports when it writes, which the extra installs."""

    def __call__(self, letter: Letter) -> str | bytes:
        return self.write(letter)

    @property
    def installed(self) -> bool:
        """Whether the modules the writer needs are installed (found, not imported).

        >>> from inspection_letters import formats
        >>> formats.get("html").installed
        True
        """
        return all(importlib.util.find_spec(module) is not None for module in self.requires)


class FormatRegistry(Registry[Format]):
    """The output formats letters can be written in.

    >>> from inspection_letters import formats
    >>> {"text", "markdown", "html"} <= set(formats)
    True
    >>> formats.get("html").extension
    'html'
    """

    def __init__(self) -> None:
        super().__init__("format", Format, "inspection_letters.formats")

    @overload
    def register(
        self,
        name: str,
        writer: Writer,
        *,
        extension: str,
        media_type: str = ...,
        binary: bool = ...,
        description: str = ...,
        replace: bool = ...,
    ) -> Writer: ...

    @overload
    def register(
        self,
        name: str,
        writer: None = None,
        *,
        extension: str,
        media_type: str = ...,
        binary: bool = ...,
        description: str = ...,
        replace: bool = ...,
    ) -> Callable[[Writer], Writer]: ...

    def register(
        self,
        name: str,
        writer: Writer | None = None,
        *,
        extension: str,
        media_type: str = "text/plain",
        binary: bool = False,
        description: str = "",
        replace: bool = False,
    ) -> Any:
        """Register ``writer`` as the format ``name``; without a writer, a decorator.

        >>> from inspection_letters import FormatRegistry
        >>> mine = FormatRegistry()
        >>> @mine.register("shout", extension="txt")
        ... def shout(letter):
        ...     return str(letter).upper()
        >>> "shout" in mine
        True
        """

        def add(function: Writer) -> Writer:
            made = Format(
                write=function,
                extension=extension,
                media_type=media_type,
                binary=binary,
                description=description or _summary(function),
            )
            self.add(name, made, replace=replace)
            return function

        return add if writer is None else add(writer)


def _builtin_formats() -> FormatRegistry:
    # The PDF and Word writers import WeasyPrint and python-docx only when they
    # write, so registering them costs nothing for those without the extras.
    from .docx import DOCX_MEDIA_TYPE, write_docx
    from .html import write_html
    from .pdf import write_pdf
    from .text import write_markdown, write_text

    made = FormatRegistry()
    with made._without_plugins():
        made.register("text", write_text, extension="txt")
        made.register("markdown", write_markdown, extension="md", media_type="text/markdown")
        made.register("html", write_html, extension="html", media_type="text/html")
        made.add(
            "pdf",
            Format(
                write=write_pdf,
                extension="pdf",
                media_type="application/pdf",
                binary=True,
                description=_summary(write_pdf),
                extra="pdf",
                requires=("weasyprint",),
            ),
        )
        made.add(
            "docx",
            Format(
                write=write_docx,
                extension="docx",
                media_type=DOCX_MEDIA_TYPE,
                binary=True,
                description=_summary(write_docx),
                extra="docx",
                requires=("docx",),
            ),
        )
    return made


def _summary(function: Writer) -> str:
    return (function.__doc__ or "").strip().split("\n")[0]


#: The default format registry: ``text``, ``markdown``, ``html``, ``pdf`` and ``docx`` built in.
formats = _builtin_formats()
