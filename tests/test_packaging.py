"""The built package: the README's example runs from the wheel alone; licence, URLs, extras.

The wheel and the sdist are built with hatchling (the build backend, in the
development tools) straight from the checkout. The wheel is then installed
into a fresh virtual environment with no network: the wheel itself by pip with
``--no-index``, and its dependencies copied from the distributions this test
runs with, so nothing is downloaded. The README's first Python block then runs
in an empty folder, where no ``examples/`` can help it.
"""

import email.message
import email.parser
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import EXAMPLE, ROOT

PYPROJECT = ROOT / "pyproject.toml"
PACKAGED_EXAMPLE = ROOT / "src" / "inspection_letters" / "_readers" / "data" / EXAMPLE.name
_PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The wheel and the sdist, built once for the module."""
    try:
        import hatchling  # noqa: F401
    except ImportError:
        if _in_ci():
            raise
        pytest.skip("hatchling is not installed; `python3 dev.py setup` installs it")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "--directory", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))


def _unconditional(requirements: list[str] | None) -> Iterator[str]:
    """The names of the requirements that hold without any extra."""
    from packaging.requirements import Requirement

    for line in requirements or ():
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
            yield requirement.name


def _dependency_closure(wheel: Path) -> set[str]:
    """Every distribution the wheel needs without extras, found among those installed here."""
    wanted = list(_unconditional(_metadata(wheel).get_all("Requires-Dist")))
    found: set[str] = set()
    while wanted:
        name = wanted.pop()
        if name.lower() in found:
            continue
        found.add(name.lower())
        wanted.extend(_unconditional(importlib.metadata.requires(name)))
    return found


def _copy_distribution(name: str, site: Path) -> None:
    """Copy one installed distribution's files (its packages and metadata) into ``site``."""
    distribution = importlib.metadata.distribution(name)
    for file in distribution.files or ():
        if file.parts[0] == ".." or "__pycache__" in file.parts:
            continue  # scripts outside site-packages, and byte code
        source = Path(str(distribution.locate_file(file)))
        if source.is_file():
            target = site / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


@pytest.fixture(scope="module")
def installed(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed, offline; its ``bin`` directory."""
    environment = tmp_path_factory.mktemp("venv")
    venv.create(environment, with_pip=False)
    python = environment / ("Scripts" if os.name == "nt" else "bin") / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python), "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "install", "--quiet", "--no-index", "--no-deps", str(built["wheel"])],
        check=True,
        capture_output=True,
    )
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    for name in _dependency_closure(built["wheel"]):
        _copy_distribution(name, site)
    return python.parent


def _run_in_empty_folder(
    bin_dir: Path, folder: Path, *args: str
) -> "subprocess.CompletedProcess[str]":
    folder.mkdir(exist_ok=True)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    return subprocess.run(
        list(args),
        cwd=folder,
        capture_output=True,
        text=True,
        env={**environment, "PATH": f"{bin_dir}{os.pathsep}{environment.get('PATH', '')}"},
        timeout=120,
        check=False,
    )


def test_readme_example_runs_from_an_empty_folder_against_the_wheel(
    installed: Path, tmp_path: Path
) -> None:
    """The README's first Python block runs, in an empty folder, with only the wheel installed."""
    block = _PYTHON_BLOCK.search((ROOT / "README.md").read_text("utf-8"))
    assert block is not None
    folder = tmp_path / "empty"
    check = "import inspection_letters; print(inspection_letters.__file__)"
    completed = _run_in_empty_folder(
        installed, folder, str(installed / "python"), "-I", "-c", f"{block[1]}\n{check}"
    )
    assert 0 == completed.returncode, completed.stderr
    assert "To the children and young people in Gloucestershire" in completed.stdout
    where = Path(completed.stdout.strip().splitlines()[-1])
    assert installed.parent in where.parents  # the wheel's copy, not the checkout's
    assert [] == list(folder.iterdir())


def test_example_command_runs_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    """The installed `inspection-letters example` prints the example file the checkout has."""
    completed = _run_in_empty_folder(installed, tmp_path / "empty", "inspection-letters", "example")
    assert 0 == completed.returncode, completed.stderr
    assert json.loads(EXAMPLE.read_text("utf-8")) == json.loads(completed.stdout)


def test_packaged_example_is_the_checkouts_example() -> None:
    """The example the package ships is byte for byte `examples/gloucestershire-2022.json`."""
    assert EXAMPLE.read_bytes() == PACKAGED_EXAMPLE.read_bytes()


def test_wheel_and_sdist_ship_the_licence(built: dict[str, Path]) -> None:
    """The MIT licence is in the wheel's metadata and in the sdist; the metadata says MIT."""
    licence = (ROOT / "LICENSE").read_text("utf-8")
    assert licence.startswith("MIT License\n")
    with zipfile.ZipFile(built["wheel"]) as wheel:
        names = [n for n in wheel.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
        assert 1 == len(names)
        assert licence == wheel.read(names[0]).decode("utf-8")
    with tarfile.open(built["sdist"]) as sdist:
        assert any(n.endswith("/LICENSE") for n in sdist.getnames())
    assert "MIT" == _metadata(built["wheel"])["License-Expression"]


def test_wheel_names_the_project_urls(built: dict[str, Path]) -> None:
    """The metadata gives the source, documentation, changelog and issues addresses."""
    urls = dict(
        line.split(", ", 1) for line in _metadata(built["wheel"]).get_all("Project-URL") or ()
    )
    assert {"Homepage", "Documentation", "Source", "Changelog", "Issues"} <= set(urls)
    assert all(url.startswith("https://") for url in urls.values())


def test_wheel_offers_users_only_their_extras(built: dict[str, Path]) -> None:
    """The extras a user sees are the features', not the development tools."""
    extras = set(_metadata(built["wheel"]).get_all("Provides-Extra") or ())
    assert {"docs", "docx", "hypothesis", "pdf", "readability", "reports"} == extras


def test_wheel_holds_the_package_data(built: dict[str, Path]) -> None:
    """The wheel has the example, the templates and the word lists, and no tests."""
    with zipfile.ZipFile(built["wheel"]) as wheel:
        names = set(wheel.namelist())
    assert f"inspection_letters/_readers/data/{EXAMPLE.name}" in names
    assert "inspection_letters/_letters/templates/children.jinja" in names
    assert not any(name.startswith("tests/") for name in names)
