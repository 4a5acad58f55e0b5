"""docs/cli.md shows the real --help of every command.

Run with ``UPDATE_CLI_DOCS=1`` to write the current help into the page.
"""

import os
import re

from click.testing import CliRunner

from inspection_letters._cli.commands import main
from tests.helpers import ROOT

PAGE = ROOT / "docs" / "cli.md"
BLOCK = re.compile(r"```text\n\$ inspection-letters (?P<args>[^\n]*)--help\n(?P<help>.*?)```", re.S)


def _help(args: str) -> str:
    result = CliRunner().invoke(
        main, [*args.split(), "--help"], prog_name="inspection-letters", terminal_width=100
    )
    return result.stdout


def test_cli_page_matches_the_real_help() -> None:
    """Every --help block of the CLI page is the command's real help."""
    page = PAGE.read_text("utf-8")
    if os.environ.get("UPDATE_CLI_DOCS"):
        page = BLOCK.sub(
            lambda m: f"```text\n$ inspection-letters {m['args']}--help\n{_help(m['args'])}```",
            page,
        )
        PAGE.write_text(page, "utf-8")
    blocks = {m["args"].strip(): m["help"] for m in BLOCK.finditer(page)}
    commands = ["", *sorted(main.commands)]
    assert commands == sorted(blocks)
    assert {a: _help(a) for a in blocks} == blocks
