#!/usr/bin/env python3
"""Set up a development environment and run the project's commands in it.

Needs nothing but Python 3.11 or newer: every command first makes (or reuses)
the virtual environment ``.venv`` beside this file and installs the project
into it with its development extras, from the package registry.

    python3 dev.py example   # set up, then render the example letters
    python3 dev.py test      # set up, then run every check CI runs
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
EXAMPLE = ROOT / "examples" / "gloucestershire-2022.json"
# Installed into the test environment so that the entry-point plugin test has a
# real distribution to discover.
TEST_PLUGIN = ROOT / "tests" / "plugin_package"


def run(*args: str | Path) -> None:
    """Run one command, echoing it, and stop on the first failure."""
    print("$", " ".join(str(a) for a in args), flush=True)
    completed = subprocess.run([str(a) for a in args], cwd=ROOT, check=False)
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def setup() -> None:
    """Make the virtual environment and install the project into it."""
    if not (BIN / "python").exists():
        venv.create(VENV, with_pip=True)
    pip = (BIN / "python", "-m", "pip", "--disable-pip-version-check", "install", "--quiet")
    run(*pip, "--editable", f"{ROOT}[dev]")
    if TEST_PLUGIN.exists():
        run(*pip, "--editable", TEST_PLUGIN)


def example() -> None:
    """Render the example inspection's letters."""
    setup()
    for audience in ("children", "director"):
        run(BIN / "inspection-letters", "render", EXAMPLE, "--audience", audience)


def test() -> None:
    """Run the linters, the type checker and the whole test suite."""
    setup()
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    run(BIN / "mypy")
    profile = ["--hypothesis-profile=ci"] if os.environ.get("CI") else []
    run(BIN / "python", "-m", "pytest", *profile)


COMMANDS = {"example": example, "test": test, "setup": setup}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python3 dev.py {{{','.join(COMMANDS)}}}")
    COMMANDS[sys.argv[1]]()
