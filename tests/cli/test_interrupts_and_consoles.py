"""Ctrl-C during ``batch --jobs`` and consoles that cannot show a letter end quietly.

Ctrl-C reaches every process of the group: the workers printed their
``KeyboardInterrupt`` tracebacks, and interrupted runs left ``.part`` files.
A console in cp1252 or latin-1 ended a letter in a ``UnicodeEncodeError``.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspection_letters._cli.commands import main
from tests.helpers import EXAMPLE, ROOT


def _copies(folder: Path, count: int) -> Path:
    """``count`` inspection files, each the example for another council."""
    folder.mkdir()
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for number in range(count):
        other = {**data, "authority": {"name": f"Council {number}"}}
        (folder / f"{number}.json").write_text(json.dumps(other), encoding="utf-8")
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_regression_ctrl_c_during_batch_jobs_ends_quietly(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the whole process group) exits 130, with no traceback and no .part."""
    source = _copies(tmp_path / "inspections", 80)
    out = tmp_path / "letters"
    command = [sys.executable, "-m", "inspection_letters", "batch", str(source)]
    command += ["-a", "children", "-f", "pdf", "-o", str(out), "--jobs", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True,
    )  # fmt: skip
    try:
        # Wait (at most a minute) until letters are being written, then press Ctrl-C.
        for _ in range(600):
            if process.poll() is not None or (out.is_dir() and any(out.glob("*.pdf"))):
                break
            time.sleep(0.1)
        assert process.poll() is None, "the batch ended before it could be interrupted"
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert 130 == process.returncode, stderr
    assert "Traceback" not in stderr
    assert "KeyboardInterrupt" not in stderr
    assert "interrupted" in stderr
    assert [] == list(out.glob(".*.part"))
    assert len(list(out.glob("*.pdf"))) < 80


def _with_emoji(tmp_path: Path) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for finding in data["findings"]:
        finding["text"] += " 👧🏽 Ŵ"
    path = tmp_path / "emoji.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("charset", ["cp1252", "latin-1", "ascii"])
def test_regression_console_that_cannot_show_the_letter_gets_utf8(
    tmp_path: Path, charset: str
) -> None:
    """On a console that cannot show a character, the letter is written whole, as UTF-8."""
    path = _with_emoji(tmp_path)
    result = CliRunner(charset=charset).invoke(main, ["render", str(path)], catch_exceptions=False)
    assert 0 == result.exit_code
    expected = CliRunner().invoke(main, ["render", str(path)]).stdout_bytes
    assert expected == result.stdout_bytes
    assert "👧🏽" in result.stdout_bytes.decode("utf-8")
    assert "was written in UTF-8" in result.stderr


def test_console_that_can_show_the_letter_gets_its_own_encoding(tmp_path: Path) -> None:
    """A letter a cp1252 console can show is written in cp1252, with no note."""
    result = CliRunner(charset="cp1252").invoke(main, ["render", str(EXAMPLE)])
    assert (0, "") == (result.exit_code, result.stderr)
    assert "Yours sincerely" in result.stdout_bytes.decode("cp1252")


def test_regression_messages_print_on_any_console(tmp_path: Path) -> None:
    """``validate``'s lines naming a path the console cannot show are escaped, not a traceback."""
    missing = tmp_path / "arolygiad-ŵ-👧🏽.json"
    result = CliRunner(charset="cp1252").invoke(
        main, ["validate", str(missing)], catch_exceptions=False
    )
    assert 1 == result.exit_code
    assert "arolygiad-\\u0175-\\U0001f467\\U0001f3fd.json" in result.stdout
