"""Batches of letters: every council's letter from Ofsted's outcomes, written safely."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from inspection_letters import load_inspection, render_batch
from inspection_letters._cli.commands import main
from tests.helpers import ROOT

EXAMPLE = ROOT / "examples" / "gloucestershire-2022.json"
HISTORY = ROOT.parent / "shared" / "data" / "ofsted" / "ilacs-inspection-history-2018-2025.csv"

needs_history = pytest.mark.skipif(
    not HISTORY.exists(), reason=f"Ofsted's outcomes are not at {HISTORY}"
)


def _batch(*args: str | Path) -> "tuple[int, str]":
    result = CliRunner().invoke(main, ["batch", *map(str, args)], catch_exceptions=False)
    return result.exit_code, result.stdout


@needs_history
def test_children_letters_for_every_graded_inspection(tmp_path: Path) -> None:
    """A draft children's letter in HTML is written for each of the 271 inspections."""
    code, out = _batch(HISTORY, "-a", "children", "-f", "html", "--draft", "--out", tmp_path)
    written = sorted(tmp_path.glob("*-children.html"))
    assert (0, 271) == (code, len(written))
    assert "271 written" in out
    assert [] == [p for p in written if not p.read_text("utf-8").rstrip().endswith("</html>")]


@needs_history
def test_director_letters_written_where_due_and_the_rest_skipped_with_reasons(
    tmp_path: Path,
) -> None:
    """Director's letters are written where due; the rest are reported with a reason."""
    code, out = _batch(HISTORY, "-a", "director", "-f", "text", "--draft", "--out", tmp_path)
    written = len(list(tmp_path.glob("*-director.txt")))
    skipped = [line for line in out.splitlines() if line.startswith("not due: ")]
    assert 0 == code
    assert 271 == written + len(skipped)
    assert 0 < written
    assert all("director letter not due for" in line for line in skipped)
    assert any("declined from" in line for line in skipped)


@needs_history
def test_a_second_run_without_force_overwrites_nothing(tmp_path: Path) -> None:
    """Running the same batch again leaves every letter as it was, unless --force."""
    args = (HISTORY, "-a", "children", "-f", "text", "--draft", "--out", tmp_path)
    _batch(*args)
    marked = sorted(tmp_path.iterdir())[0]
    marked.write_text("edited by hand", "utf-8")
    code, out = _batch(*args)
    assert (0, "edited by hand") == (code, marked.read_text("utf-8"))
    assert "0 written, 271 skipped (exist already)" in out
    _batch(*args, "--force")
    assert "edited by hand" != marked.read_text("utf-8")


@needs_history
def test_jobs_renders_the_same_letters_in_parallel(tmp_path: Path) -> None:
    """--jobs 2 writes the same files, byte for byte, as one process."""
    one, two = tmp_path / "one", tmp_path / "two"
    _batch(HISTORY, "-a", "children", "-f", "markdown", "--draft", "--out", one)
    code, _ = _batch(
        HISTORY, "-a", "children", "-f", "markdown", "--draft", "--out", two, "-j", "2"
    )
    contents = {p.name: p.read_bytes() for p in one.iterdir()}
    assert (0, contents) == (code, {p.name: p.read_bytes() for p in two.iterdir()})


def test_a_directory_of_json_files_is_a_source(tmp_path: Path) -> None:
    """A directory of inspection files renders one letter per file."""
    source = tmp_path / "in"
    source.mkdir()
    (source / "gloucestershire.json").write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    code, _ = _batch(source, "-a", "director", "-f", "html", "--out", tmp_path / "out")
    assert (0, ["E10000013-2022-02-07-director.html"]) == (
        code,
        [p.name for p in (tmp_path / "out").iterdir()],
    )


def test_an_interrupted_run_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while writing the third letter leaves two whole letters and nothing else."""
    data = json.loads(EXAMPLE.read_text("utf-8"))
    inspections = []
    del data["authority"]["code"]
    for number in range(5):
        data["authority"]["name"] = f"Area {number}"
        inspections.append(load_inspection(data))
    real_link = os.link
    calls = []

    def failing_link(source: str, target: Path) -> None:
        calls.append(target)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real_link(source, target)

    monkeypatch.setattr(os, "link", failing_link)
    with pytest.raises(KeyboardInterrupt):
        render_batch(inspections, audience="children", format="text", out=tmp_path)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert 2 == len(left)
    assert all(not name.endswith(".part") for name in left)
    assert all((tmp_path / name).read_text("utf-8").endswith("HMI Social Care\n") for name in left)


def test_a_failing_letter_makes_the_exit_status_one(tmp_path: Path) -> None:
    """A letter that fails (here: missing fields, not a draft) is reported and exits 1."""
    data = json.loads(EXAMPLE.read_text("utf-8"))
    del data["lead_inspector"]
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.json").write_text(json.dumps(data), "utf-8")
    code, out = _batch(source, "-a", "children", "-f", "text", "--out", tmp_path / "out")
    assert 1 == code
    assert "failed: E10000013-2022-02-07-children.txt: the children letter" in out
    assert "lead_inspector: is missing" in out
