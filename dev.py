#!/usr/bin/env python3
"""Set up a development environment and run the project's commands in it.

Needs nothing but Python 3.11 or newer: every command first makes (or reuses)
the virtual environment ``.venv`` beside this file and installs the project
into it with its development extras, from the package registry. As root on
Debian it first installs the system packages the tests need that are missing
(WeasyPrint's libraries, Chromium), and then axe-core with npm.

    python3 dev.py example   # set up, then render the example letters
    python3 dev.py test      # set up, then run every check CI runs
    python3 dev.py docs      # set up, then build the documentation site
    python3 dev.py bench     # set up, then run the benchmarks (under a minute)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
EXAMPLE = ROOT / "examples" / "gloucestershire-2022.json"
# Where `python3 dev.py docs` (and the test command) build the documentation site.
DOCS_HTML = ROOT / "docs" / "_build" / "html"
# Installed into the test environment so that the entry-point plugin test has a
# real distribution to discover.
TEST_PLUGIN = ROOT / "tests" / "plugin_package"
# axe-core for the accessibility test, pinned by the lock file beside it.
ACCESSIBILITY = ROOT / "tests" / "accessibility"
# Debian's packages the tests need: the libraries and font WeasyPrint draws PDF
# letters with, and the browser the accessibility test runs axe-core in.
SYSTEM_PACKAGES = (
    "libpango-1.0-0",
    "libpangoft2-1.0-0",
    "libharfbuzz-subset0",
    "fonts-dejavu-core",
    "chromium",
)


def run(*args: str | Path) -> None:
    """Run one command, echoing it, and stop on the first failure."""
    print("$", " ".join(str(a) for a in args), flush=True)
    completed = subprocess.run([str(a) for a in args], cwd=ROOT, check=False)
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def _installed(package: str) -> bool:
    status = subprocess.run(
        ["dpkg-query", "--show", "--showformat=${Status}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    return status.stdout.strip() == "install ok installed"


def system_packages() -> None:
    """Install the Debian packages the tests need that are missing (as root only).

    Checks each with dpkg first, so a machine that has them all is not touched
    and a second run costs a fraction of a second. Elsewhere it says what is
    missing: the PDF tests need the libraries, and the accessibility test is
    skipped without the browser (but fails in CI).
    """
    if not shutil.which("dpkg-query"):
        return
    missing = [p for p in SYSTEM_PACKAGES if not _installed(p)]
    if not shutil.which("npm"):  # Node.js may come from elsewhere than Debian.
        missing += ["nodejs", "npm"]
    if not missing:
        return
    if not shutil.which("apt-get") or os.geteuid() != 0:
        print(f"note: install these Debian packages as root: {' '.join(missing)}", flush=True)
        return
    os.environ["DEBIAN_FRONTEND"] = "noninteractive"
    run("apt-get", "update", "--quiet")
    run("apt-get", "install", "--yes", "--quiet", "--no-install-recommends", *missing)


def accessibility_tools() -> None:
    """Install axe-core from its lock file, unless the locked version is there already."""
    locked = json.loads((ACCESSIBILITY / "package-lock.json").read_text("utf-8"))
    wanted = locked["packages"]["node_modules/axe-core"]["version"]
    present = ACCESSIBILITY / "node_modules" / "axe-core" / "package.json"
    if present.exists() and json.loads(present.read_text("utf-8"))["version"] == wanted:
        return
    npm = shutil.which("npm")
    if npm is None:
        print("note: npm is missing, so the accessibility test cannot run", flush=True)
        return
    run(npm, "ci", "--prefix", ACCESSIBILITY, "--no-audit", "--no-fund", "--ignore-scripts")


def setup() -> None:
    """Install the system packages, make the virtual environment, install the project."""
    system_packages()
    if not (BIN / "python").exists():
        venv.create(VENV, with_pip=True)
    pip = (BIN / "python", "-m", "pip", "--disable-pip-version-check", "install", "--quiet")
    run(*pip, "--editable", f"{ROOT}[dev]")
    if TEST_PLUGIN.exists():
        run(*pip, "--editable", TEST_PLUGIN)
    accessibility_tools()


def example() -> None:
    """Render the example inspection's letters."""
    setup()
    for audience in ("children", "director"):
        run(BIN / "inspection-letters", "render", EXAMPLE, "--audience", audience)


def build_docs() -> None:
    """Build the documentation site afresh, with every warning an error."""
    run(BIN / "sphinx-build", "-E", "-W", "--keep-going", "-q", "-b", "html", "docs", DOCS_HTML)


def docs() -> None:
    """Build the documentation site and say where it is."""
    setup()
    build_docs()
    print(f"The documentation is built: open {DOCS_HTML / 'index.html'}", flush=True)


def test() -> None:
    """Run the linters, the type checker and the whole test suite."""
    setup()
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    run(BIN / "mypy")
    build_docs()
    profile = ["--hypothesis-profile=ci"] if os.environ.get("CI") else []
    run(BIN / "python", "-m", "pytest", *profile)


def bench() -> None:
    """Run the benchmarks: one letter against bare Jinja2, batches, import time, scaling."""
    setup()
    run(BIN / "python", ROOT / "benchmarks" / "run.py")


COMMANDS = {"example": example, "test": test, "docs": docs, "setup": setup, "bench": bench}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python3 dev.py {{{','.join(COMMANDS)}}}")
    COMMANDS[sys.argv[1]]()
