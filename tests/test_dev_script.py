"""``dev.py``: an old Python stopped at once, set-up skipped when current, letters labelled."""

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import ROOT

DEV = ROOT / "dev.py"

# Runs dev.py as `python3 dev.py example` would, but with Python saying it is 3.10.
_AS_PYTHON_310 = f"""
import runpy, sys
sys.version_info = (3, 10, 12, "final", 0)
sys.argv = [{str(DEV)!r}, "example"]
runpy.run_path({str(DEV)!r}, run_name="__main__")
"""


def _dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_script", DEV)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_old_python_is_stopped_at_once_naming_the_version_needed(tmp_path: Path) -> None:
    """Under Python 3.10, `dev.py example` exits before anything else, naming 3.11."""
    completed = subprocess.run(
        [sys.executable, "-c", _AS_PYTHON_310],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (1, "") == (completed.returncode, completed.stdout)
    assert "dev.py needs Python 3.11 or newer, and this is Python 3.10.12" in completed.stderr
    assert "python3.12 dev.py example" in completed.stderr


def test_install_stamp_changes_with_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stamp is the same for the same files, and differs when pyproject.toml changes."""
    dev = _dev()
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'a'\n", "utf-8")
    monkeypatch.setattr(dev, "ROOT", tmp_path)
    monkeypatch.setattr(dev, "TEST_PLUGIN", tmp_path / "plugin")
    first = dev.install_stamp()
    assert first == dev.install_stamp()
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'b'\n", "utf-8")
    assert first != dev.install_stamp()


def test_current_environment_is_not_reinstalled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a stamp that matches, set-up runs no pip at all."""
    dev = _dev()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").touch()
    monkeypatch.setattr(dev, "VENV", tmp_path)
    monkeypatch.setattr(dev, "BIN", bin_dir)
    monkeypatch.setattr(dev, "STAMP", tmp_path / "stamp")
    (tmp_path / "stamp").write_text(dev.install_stamp())
    ran: list[tuple[object, ...]] = []
    monkeypatch.setattr(dev, "run", lambda *args: ran.append(args))
    monkeypatch.setattr(dev, "system_packages", lambda: None)
    monkeypatch.setattr(dev, "accessibility_tools", lambda: None)
    dev.setup()
    assert [] == ran
    assert "is current: nothing to install" in capsys.readouterr().out


def test_example_labels_each_letter() -> None:
    """`dev.py example` prints a heading above each letter saying which it is."""
    dev = _dev()
    banners = [dev.banner(n, title) for n, (_, title) in enumerate(dev.LETTERS, start=1)]
    assert "Letter 1 of 2: the letter to the children and young people" in banners[0]
    assert "Letter 2 of 2: the National Director's letter" in banners[1]


def test_off_debian_setup_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without dpkg, set-up names what is missing, the brew, dnf and apt names, and what skips."""
    dev = _dev()
    monkeypatch.setattr(dev, "_missing_off_debian", lambda: ["the pango-1.0 library"])
    dev._say_what_to_install()
    out = capsys.readouterr().out
    for expected in ("pango-1.0", "brew install", "dnf install", "apt-get install", "skipped"):
        assert expected in out


def test_development_tools_are_a_dependency_group() -> None:
    """The development tools come from pyproject's `dev` dependency group, with the test tools."""
    requirements = _dev().development_requirements()
    assert {"pytest>=8", "hatchling>=1.21", "ruff>=0.5"} <= set(requirements)
