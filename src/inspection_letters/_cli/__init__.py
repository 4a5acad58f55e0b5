"""The command-line room: ``inspection-letters`` and the batch it runs.

The top of the library: it may import every other room, and no room imports it.
Private: the command is ``inspection_letters._cli.commands:main``; the batch's
public names are imported from ``inspection_letters``.
"""
