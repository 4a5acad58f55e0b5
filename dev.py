#!/usr/bin/env python3
"""Set up a development environment and run the project's commands in it.

Needs nothing but Python 3.11 or newer: every command first makes (or reuses)
the virtual environment ``.venv`` beside this file and installs the project
into it with its development tools (the ``dev`` dependency group of
``pyproject.toml``), from the package registry, unless it is current (a stamp
in ``.venv`` holds a hash of what it was installed from). As root on
Debian it first installs the system packages the tests need that are missing
(WeasyPrint's libraries, Chromium), and then axe-core with npm; elsewhere it
says what is missing and how to install it (brew, dnf, apt). A Python older
than 3.11 is told so at once.

    python3 dev.py example   # set up, then render the example letters
    python3 dev.py test      # set up, then run every check CI runs
    python3 dev.py docs      # set up, then build the documentation site
    python3 dev.py bench     # set up, then run the benchmarks (under a minute)
"""

from __future__ import annotations

import sys

#: The oldest Python the project runs on (``requires-python`` in pyproject.toml).
NEEDED = (3, 11)


def check_python(version: tuple[int, ...]) -> None:
    """Stop at once, naming the version needed, on a Python older than the project's."""
    if tuple(version[:2]) < NEEDED:
        shown = ".".join(str(part) for part in version[:3])
        command = " ".join(sys.argv[1:]) or "test"
        sys.exit(
            f"dev.py needs Python {NEEDED[0]}.{NEEDED[1]} or newer, and this is Python {shown} "
            f"({sys.executable}). Install a newer Python (python.org; Debian and Ubuntu: apt "
            "install python3.11; macOS: brew install python@3.12; Fedora: dnf install "
            f"python3.12) and run it with that, for example: python3.12 dev.py {command}"
        )


# Before anything else, so that an old Python is told at once, not deep inside pip.
check_python(sys.version_info[:3])

import ctypes.util  # noqa: E402
import hashlib  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tomllib  # noqa: E402
import venv  # noqa: E402
from pathlib import Path  # noqa: E402
from types import ModuleType  # noqa: E402

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
    "poppler-utils",  # pdftoppm, which draws the PDF letters' pages for the tests to look at
)
# Records what the environment was installed from: a hash of the files that say
# what to install. When it matches, set-up installs nothing (a second run costs
# a fraction of a second); when either file changes, it installs again.
STAMP = VENV / "dev-installed.sha256"
# The same needs, by the names other systems give them; the accessibility test
# also needs Node.js (npm) for axe-core.
OTHER_SYSTEMS = (
    (
        "macOS (Homebrew)",
        "brew install pango poppler node && brew install --cask font-dejavu chromium",
    ),
    (
        "Fedora (dnf)",
        "dnf install pango harfbuzz dejavu-sans-fonts chromium poppler-utils nodejs npm",
    ),
    (
        "Debian and Ubuntu (apt)",
        "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 "
        "fonts-dejavu-core chromium poppler-utils nodejs npm",
    ),
)
# What is missing without them: the PDF tests need WeasyPrint's libraries (they
# are skipped without them, and fail in CI); the accessibility test needs a
# browser and axe-core (skipped, or failing in CI).
WITHOUT = (
    "Without Pango and HarfBuzz, WeasyPrint cannot draw PDF letters: tests/writers/test_pdf.py "
    "is skipped (in CI it fails). Without DejaVu Sans, PDF letters fall back to another font. "
    "Without a headless Chromium or Chrome and npm, tests/writers/test_accessibility.py is "
    "skipped (in CI it fails). Without pdftoppm (poppler), tests/writers/test_pdf_looks.py, "
    "which looks at the PDF pages, is skipped (in CI it fails)."
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
        _say_what_to_install()
        return
    missing = [p for p in SYSTEM_PACKAGES if not _installed(p)]
    if "chromium" in missing and _browser()[0] is not None:
        missing.remove("chromium")  # another browser that works will do
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


def _browser() -> tuple[str | None, str]:
    """The accessibility test's browser finder (standard library only), and its answer."""
    spec = importlib.util.spec_from_file_location("_browser", ACCESSIBILITY / "browser.py")
    if spec is None or spec.loader is None:
        return None, "tests/accessibility/browser.py is missing"
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found: tuple[str | None, str] = module.find_browser()
    return found


def _missing_off_debian() -> list[str]:
    """What the tests need that this (non-Debian) system lacks, in words."""
    missing = []
    for library in ("pango-1.0", "pangoft2-1.0", "harfbuzz"):
        if ctypes.util.find_library(library) is None:
            missing.append(f"the {library} library (WeasyPrint's)")
    fc_list = shutil.which("fc-list")
    if fc_list is not None:
        fonts = subprocess.run([fc_list, "DejaVu Sans"], capture_output=True, text=True)
        if not fonts.stdout.strip():
            missing.append("the DejaVu Sans font")
    browser, why = _browser()
    if browser is None:
        missing.append(f"a headless Chromium or Chrome ({why})")
    if not shutil.which("npm"):
        missing.append("Node.js and npm (for axe-core)")
    if not shutil.which("pdftoppm"):
        missing.append("pdftoppm (poppler, to look at the PDF pages)")
    return missing


def _say_what_to_install() -> None:
    """Off Debian (no dpkg): say what is missing, what to install, and what skips without it."""
    missing = _missing_off_debian()
    if not missing:
        return
    lines = ["note: the tests need what this system seems to lack: " + "; ".join(missing) + "."]
    lines += ["note: install them with your system's packages, for example:"]
    lines += [f"note:   {system}: {command}" for system, command in OTHER_SYSTEMS]
    lines += [f"note: {WITHOUT}"]
    print("\n".join(lines), flush=True)


def install_stamp() -> str:
    """A hash of what says what to install: pyproject.toml, the test plugin's, and this Python."""
    digest = hashlib.sha256(sys.version.encode())
    for path in (ROOT / "pyproject.toml", TEST_PLUGIN / "pyproject.toml"):
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def _current() -> bool:
    """Whether the environment exists and was installed from the files as they are now."""
    return (BIN / "python").exists() and STAMP.exists() and STAMP.read_text() == install_stamp()


def development_requirements() -> list[str]:
    """The development tools: the ``dev`` dependency group of pyproject.toml (PEP 735).

    A dependency group, not an extra, so that it is no part of the package's
    published metadata: users never see it.
    """
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    group: list[str] = project["dependency-groups"]["dev"]
    return group


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
    """Install the system packages, make the virtual environment, install the project.

    The project is installed only when the environment is new or pyproject.toml
    has changed since (see ``STAMP``); otherwise nothing is reinstalled.
    """
    system_packages()
    if _current():
        print(f"The environment in {VENV} is current: nothing to install.", flush=True)
    else:
        if not (BIN / "python").exists():
            venv.create(VENV, with_pip=True)
        STAMP.unlink(missing_ok=True)
        pip = (BIN / "python", "-m", "pip", "--disable-pip-version-check", "install", "--quiet")
        run(*pip, "--editable", ROOT, *development_requirements())
        if TEST_PLUGIN.exists():
            run(*pip, "--editable", TEST_PLUGIN)
        STAMP.write_text(install_stamp())
    accessibility_tools()


#: The example's letters, each with the heading printed above it.
LETTERS = (
    ("children", "the letter to the children and young people of Gloucestershire"),
    ("director", "the National Director's letter to the Director of Children's Services"),
)


def banner(number: int, title: str) -> str:
    """The line above each letter that ``dev.py example`` prints, saying which it is."""
    heading = f" Letter {number} of {len(LETTERS)}: {title} "
    return f"\n{heading:=^100}\n"


def example() -> None:
    """Render the example inspection's letters, each under a heading saying which it is."""
    setup()
    for number, (audience, title) in enumerate(LETTERS, start=1):
        print(banner(number, title), flush=True)
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
