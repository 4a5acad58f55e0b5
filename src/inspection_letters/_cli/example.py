"""``inspection-letters example``: print the example inspection file the package ships.

After ``pip install`` there is no checkout and so no ``examples/`` folder; this
command writes the same file, so that every example of the command line can be
tried: ``inspection-letters example > gloucestershire-2022.json``.
"""

import click

from .._readers.example import example_json


@click.command("example")
def example_command() -> None:
    """Print the example inspection file (Gloucestershire, 2022) to save and try.

    \b
    Example:
      inspection-letters example > gloucestershire-2022.json
      inspection-letters render gloucestershire-2022.json --audience children
    """
    click.echo(example_json(), nl=False)
