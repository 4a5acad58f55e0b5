"""What the command line tells a new user: formats that need extras; no binary on a terminal."""

import importlib.util
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from inspection_letters._cli import commands
from inspection_letters._cli.commands import main
from tests.helpers import EXAMPLE


def _run(*args: str | Path) -> "tuple[int, str, str]":
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _format_lines(out: str) -> dict[str, str]:
    return {line.split("\t")[0]: line for line in out.splitlines()}


def test_formats_say_which_extras_are_installed() -> None:
    """`formats` says that pdf and docx need an extra and that it is installed (as in tests)."""
    code, out, _ = _run("formats")
    lines = _format_lines(out)
    assert 0 == code
    assert lines["pdf"].endswith("[extra 'pdf': installed]")
    assert lines["docx"].endswith("[extra 'docx': installed]")
    assert "extra" not in lines["html"]


def test_formats_say_how_to_install_a_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without WeasyPrint, `formats` says the pdf extra is not installed and how to install it."""
    real = importlib.util.find_spec

    def find_spec(name: str, *args: Any) -> Any:
        return None if name == "weasyprint" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    _, out, _ = _run("formats")
    expected = "[extra 'pdf': not installed: pip install 'inspection-letters[pdf]']"
    assert _format_lines(out)["pdf"].endswith(expected)
    assert _format_lines(out)["docx"].endswith("[extra 'docx': installed]")


@pytest.mark.parametrize("format_name", ["pdf", "docx"])
def test_binary_format_to_a_terminal_is_refused(
    format_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`render -f pdf` without `-o` on a terminal is one error line saying to use -o or a pipe."""
    monkeypatch.setattr(commands, "_stdout_is_terminal", lambda: True)
    code, out, err = _run("render", EXAMPLE, "--format", format_name)
    assert (1, "") == (code, out)
    assert 1 == len(err.strip().splitlines())
    assert f"-o letter.{format_name}" in err
    assert "pipe" in err


def test_binary_format_to_a_pipe_is_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """Piped (standard output not a terminal), the binary letter is written as it is."""
    monkeypatch.setattr(commands, "_stdout_is_terminal", lambda: False)
    result = CliRunner().invoke(main, ["render", str(EXAMPLE), "--format", "docx"])
    assert 0 == result.exit_code
    assert result.stdout_bytes.startswith(b"PK")


def test_text_format_to_a_terminal_is_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text formats still print on a terminal."""
    monkeypatch.setattr(commands, "_stdout_is_terminal", lambda: True)
    code, out, _ = _run("render", EXAMPLE, "--format", "markdown")
    assert 0 == code
    assert out.startswith("2 Rivergate")
