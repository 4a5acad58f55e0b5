"""Find a Chromium (or Chrome) that runs headless here; standard library only.

Shared by ``dev.py`` (which says what to install when there is none) and the
accessibility test (which skips, or fails in CI, without one). ``$CHROMIUM``
wins; otherwise the usual names are tried in turn. Ubuntu's ``chromium`` and
``chromium-browser`` packages are stubs that install a snap, and a snap's
browser cannot read the test's files under ``/tmp`` (the snap has a ``/tmp`` of
its own), so a snap or a snap stub is passed over, with the reason kept.
"""

import os
import shutil
import subprocess
from pathlib import Path

#: The names a working browser goes by, in the order they are tried.
CANDIDATES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)

#: What to do on Ubuntu, where apt's Chromium is a snap.
UBUNTU_ADVICE = (
    "Ubuntu's chromium is a snap, which cannot read the test's files: install Google Chrome's "
    ".deb (google-chrome-stable) or Debian's chromium, or set CHROMIUM=/path/to/a/browser"
)


def _is_snap(path: Path) -> bool:
    """Whether ``path`` is a snap's browser, or a script that only starts (or installs) one."""
    resolved = path.resolve()
    if resolved.parts[:2] == ("/", "snap"):
        return True
    try:
        with resolved.open("rb") as file:
            start = file.read(4096)
    except OSError:
        return False
    return start.startswith(b"#!") and b"snap" in start


def _runs(path: str) -> bool:
    """Whether the browser starts and says its version."""
    try:
        completed = subprocess.run(
            [path, "--headless", "--no-sandbox", "--version"],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return completed.returncode == 0 and b"chrom" in completed.stdout.lower()


def find_browser() -> tuple[str | None, str]:
    """A browser that works, or ``None``; and why none was taken, for a message."""
    given = os.environ.get("CHROMIUM")
    if given:
        if _runs(given):
            return given, ""
        return None, f"CHROMIUM={given} does not start as a headless browser"
    passed_over = []
    for name in CANDIDATES:
        found = shutil.which(name) or (
            name if os.path.isabs(name) and os.access(name, os.X_OK) else None
        )
        if found is None:
            continue
        if _is_snap(Path(found)):
            passed_over.append(f"{found} is a snap ({UBUNTU_ADVICE})")
        elif _runs(found):
            return found, ""
        else:
            passed_over.append(f"{found} does not start headless")
    if passed_over:
        return None, "; ".join(passed_over)
    return None, "no Chromium or Chrome is installed"
