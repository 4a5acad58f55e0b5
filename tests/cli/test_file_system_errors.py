"""The command line against the file system: missing and read-only folders, full disks, long names.

Each failure is one line naming the path and the reason, never a traceback;
nothing is left half written; the rest of a batch is still written and its
summary printed. ``render -o`` writes atomically and never over its own input;
letters follow the umask; stale temporary files of an interrupted batch are
removed by the next one.
"""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspection_letters._cli.commands import main
from tests.helpers import EXAMPLE, ROOT

SRC = ROOT / "src"


def _run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _one_clean_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert 1 == len(lines), err
    assert "Traceback" not in err
    return lines[0]


def _read_only_folder(tmp_path: Path) -> Path:
    """A folder no file can be made in: chmod'ed, or (for root, whom modes do not stop) /sys."""
    if os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("missing/letter.txt", "the folder does not exist"),
        ("a-file.txt/letter.txt", "a part of the path is a file, not a folder"),
        ("read-only", "permission denied"),
        ("x" * 300 + ".txt", "the file name is too long"),
    ],
    ids=["missing folder", "under a file", "read-only folder", "name too long"],
)
def test_regression_render_output_errors_are_one_line(
    tmp_path: Path, where: str, reason: str
) -> None:
    """``render -o`` into a folder it cannot write to is one line with the path and why."""
    (tmp_path / "a-file.txt").write_text("x", encoding="utf-8")
    if where == "read-only":
        target = _read_only_folder(tmp_path) / "letter.txt"
    else:
        target = tmp_path / where
    code, _, err = _run("render", EXAMPLE, "-o", target)
    assert 1 == code
    line = _one_clean_line(err)
    assert f"error: cannot write {str(target)!r}: {reason}" in line


def _limited(script: str, *args: str, limit: int) -> subprocess.CompletedProcess[str]:
    """Run the command line with a file size limit: past it, writing fails as on a full disk."""
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
        "from inspection_letters._cli.commands import main\n"
        f"{script}\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def test_regression_render_onto_a_full_disk_leaves_nothing(tmp_path: Path) -> None:
    """A write that fails half-way leaves no truncated letter and no temporary file."""
    target = tmp_path / "letter.html"
    done = _limited(
        "main(sys.argv[1:])", "render", str(EXAMPLE), "-f", "html", "-o", str(target), limit=2000
    )
    assert 1 == done.returncode, done.stderr
    line = _one_clean_line(done.stderr)
    assert f"cannot write {str(target)!r}: the file would be too large" in line
    assert [] == list(tmp_path.iterdir())


def test_regression_render_to_dev_full_is_one_line() -> None:
    """``-o /dev/full`` (a device, written directly) says the disk is full, in one line."""
    code, _, err = _run("render", EXAMPLE, "-o", "/dev/full")
    assert 1 == code
    assert "cannot write '/dev/full': no space is left on the disk" in _one_clean_line(err)


def test_regression_render_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    """``render file.json -o file.json`` is refused, and the inspection file is unchanged."""
    copy = tmp_path / "inspection.json"
    copy.write_bytes(EXAMPLE.read_bytes())
    code, _, err = _run("render", copy, "-o", copy)
    assert 1 == code
    assert "it is the inspection file the letter is made from" in _one_clean_line(err)
    assert EXAMPLE.read_bytes() == copy.read_bytes()


def test_render_over_an_existing_letter_keeps_its_permissions(tmp_path: Path) -> None:
    """A letter written over another replaces it whole and keeps its mode."""
    target = tmp_path / "letter.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert 0 == _run("render", EXAMPLE, "-o", target)[0]
    assert "Yours sincerely" in target.read_text(encoding="utf-8")
    assert 0o640 == stat.S_IMODE(target.stat().st_mode)
    assert ["letter.txt"] == [p.name for p in tmp_path.iterdir()]


def test_regression_batch_out_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    """``batch --out`` under a file is one line naming the folder and the reason."""
    (tmp_path / "a-file.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "a-file.txt" / "letters"
    code, _, err = _run("batch", _inspections(tmp_path), "-a", "children", "-f", "text", "-o", out)
    assert 1 == code
    assert f"cannot make the folder {str(out)!r}" in _one_clean_line(err)


def _inspections(tmp_path: Path, *names: str) -> Path:
    """A folder of inspection files: the example, and one more for each council name given."""
    folder = tmp_path / "inspections"
    folder.mkdir(exist_ok=True)
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    (folder / "a.json").write_text(json.dumps(data), encoding="utf-8")
    for number, name in enumerate(names):
        other = {**data, "authority": {"name": name}}
        (folder / f"b{number}.json").write_text(json.dumps(other), encoding="utf-8")
    return folder


def test_regression_batch_council_name_too_long_for_a_file_name(tmp_path: Path) -> None:
    """A council name that makes a file name too long fails that letter; the rest are written."""
    out = tmp_path / "letters"
    source = _inspections(tmp_path, "Long " * 50)
    code, stdout, err = _run("batch", source, "-a", "children", "-f", "text", "-o", out)
    assert 1 == code
    assert "Traceback" not in err + stdout
    assert "the file name is too long for the file system" in stdout
    assert "2 inspections: 1 written" in stdout
    assert 1 == len(list(out.glob("*.txt")))
    assert [] == list(out.glob(".*.part"))


def test_regression_batch_onto_a_full_disk_reports_each_letter(tmp_path: Path) -> None:
    """On a full disk each letter fails with the reason, the summary is printed, nothing partial."""
    out = tmp_path / "letters"
    out.mkdir()
    source = _inspections(tmp_path, "Somerset")
    done = _limited(
        "main(sys.argv[1:])",
        *("batch", str(source), "-a", "children", "-f", "html", "-o", str(out)),
        limit=2000,
    )
    assert 1 == done.returncode, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert 2 == done.stdout.count("the file would be too large for the file system")
    assert "2 inspections: 0 written" in done.stdout
    assert [] == list(out.iterdir())


def test_regression_batch_letters_follow_the_umask(tmp_path: Path) -> None:
    """Letters are ``0o666`` less the umask, as any file the user writes, not always ``0o600``."""
    out = tmp_path / "letters"
    source = _inspections(tmp_path)
    previous = os.umask(0o022)
    try:
        code, _, _ = _run("batch", source, "-a", "children", "-f", "text", "-o", out)
    finally:
        os.umask(previous)
    assert 0 == code
    assert [0o644] == [stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()]


def test_batch_letters_follow_a_strict_umask(tmp_path: Path) -> None:
    """A strict umask gives private letters."""
    out = tmp_path / "letters"
    previous = os.umask(0o077)
    try:
        _run("batch", _inspections(tmp_path), "-a", "children", "-f", "text", "-o", out)
    finally:
        os.umask(previous)
    assert [0o600] == [stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()]


def test_regression_batch_removes_stale_part_files(tmp_path: Path) -> None:
    """Temporary files an interrupted batch left are removed; a running process's are kept."""
    out = tmp_path / "letters"
    out.mkdir()
    dead = out / ".e10000013-2022-02-07-children.txt.4194999.0123abcd.part"
    old_style = out / ".e10000013-2022-02-07-children.txt.ab_cd123.part"
    alive = out / f".e10000013-2022-02-07-children.txt.{os.getpid()}.0123abcd.part"
    someone_elses = out / "notes.part"
    for path in (dead, old_style, alive, someone_elses):
        path.write_text("half a letter", encoding="utf-8")
    os.utime(old_style, (1_000_000_000, 1_000_000_000))
    code, _, _ = _run("batch", _inspections(tmp_path), "-a", "children", "-f", "text", "-o", out)
    assert 0 == code
    assert (False, False, True, True) == tuple(
        p.exists() for p in (dead, old_style, alive, someone_elses)
    )
