"""Endless or blocking input: ``/dev/zero``, a FIFO, a huge file, a CSV of a million rows.

Each ran until memory or patience ran out: ``/dev/zero`` was read without
end, a FIFO was waited on for ever, and a CSV of a million rows was read row
by row. Now a file that is not a regular file is refused at once, and a file
over its size limit, or a CSV over the row limit, is one clear error. The
command line runs in a process with a time and memory limit, so that the
code before the fix fails these tests rather than hang or exhaust the machine.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fuzzing import HEADER
from tests.helpers import ROOT

LIMITED = (
    "import resource, sys\n"
    "resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024**2, 1536 * 1024**2))\n"
    "from inspection_letters._cli.commands import main\n"
    "main(sys.argv[1:])\n"
)


def _cli(*args: str | Path) -> tuple[int, str]:
    """The exit status and output (``validate`` reports on standard output), given 60 seconds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    try:
        done = subprocess.run(
            [sys.executable, "-c", LIMITED, *map(str, args)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env=env,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{args} did not end within a minute")
    return done.returncode, done.stdout + done.stderr


def _one_clean_line(output: str) -> str:
    assert "Traceback" not in output, output
    lines = output.strip().splitlines()
    assert lines, "no error was printed"
    return "\n".join(lines)


def _linked(tmp_path: Path, name: str, target: str) -> Path:
    link = tmp_path / name
    os.symlink(target, link)
    return link


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "{zero}.json"),
        ("render", "{zero}.json"),
        ("lint", "{zero}.txt"),
        ("batch", "{zero}.csv", "-a", "children", "-f", "text", "-o", "{out}"),
        ("batch", "{zero}.ods", "-a", "children", "-f", "text", "-o", "{out}"),
    ],
    ids=["validate", "render", "lint", "batch csv", "batch ods"],
)
def test_regression_dev_zero_is_refused_at_once(tmp_path: Path, args: tuple[str, ...]) -> None:
    """``/dev/zero`` (under any name) is not a regular file: refused, not read without end."""
    for suffix in (".json", ".txt", ".csv", ".ods"):
        _linked(tmp_path, f"zero{suffix}", "/dev/zero")
    given = [a.format(zero=tmp_path / "zero", out=tmp_path / "out") for a in args]
    code, err = _cli(*given)
    assert 1 == code
    assert "is not a regular file" in _one_clean_line(err)


@pytest.mark.parametrize("suffix", [".json", ".csv", ".ods", ".txt"])
def test_regression_fifo_is_refused_not_waited_on(tmp_path: Path, suffix: str) -> None:
    """A FIFO with no writer is refused at once instead of blocking for ever."""
    fifo = tmp_path / f"input{suffix}"
    os.mkfifo(fifo)
    command = {".json": ("validate",), ".txt": ("lint",)}.get(
        suffix, ("batch", "-a", "children", "-f", "text", "-o", str(tmp_path / "out"))
    )
    code, err = _cli(command[0], fifo, *command[1:])
    assert 1 == code
    assert "is not a regular file" in _one_clean_line(err)


@pytest.mark.parametrize("suffix", [".json", ".csv", ".ods"])
def test_regression_huge_file_is_refused_by_its_size(tmp_path: Path, suffix: str) -> None:
    """A file of 200 MB (sparse: it takes no disk) is refused by its size, without reading it."""
    huge = tmp_path / f"huge{suffix}"
    with huge.open("wb") as file:
        file.truncate(200 * 1024 * 1024)
    command = ("validate",) if suffix == ".json" else ("batch",)
    rest = () if suffix == ".json" else ("-a", "children", "-f", "text", "-o", tmp_path / "o")
    code, err = _cli(command[0], huge, *rest)
    assert 1 == code
    assert "209,715,200 bytes, more than the 64 MB" in _one_clean_line(err)


def test_regression_csv_of_a_million_rows_is_refused(tmp_path: Path) -> None:
    """A CSV of a million rows (6 MB) is refused by its rows, as an .ods sheet is."""
    path = tmp_path / "rows.csv"
    row = "E10000013,Gloucestershire\n"
    path.write_text(",".join(HEADER) + "\n" + row * 1_000_000, encoding="utf-8")
    code, err = _cli("batch", path, "-a", "children", "-f", "text", "-o", tmp_path / "out")
    assert 1 == code
    assert "more than 50,000 rows" in _one_clean_line(err)
