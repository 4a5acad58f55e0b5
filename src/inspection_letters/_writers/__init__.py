"""The writers room: a ``Letter`` out as text, Markdown, HTML, PDF and Word.

The format registry and one module a writer. Writers read the letters room's
blocks and nothing of how they were built. Private: import the public names
from ``inspection_letters``.
"""
