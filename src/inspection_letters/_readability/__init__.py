"""The readability room: how easy a letter is to read.

The readability report and its scores, the plain-language rules, syllable
counts and the style patterns, with their word lists in ``data/``. It imports
only the model (a rule's ``Problem`` and ``Severity``) and the top level.
Private: import the public names from ``inspection_letters``.
"""
