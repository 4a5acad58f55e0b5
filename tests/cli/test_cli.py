"""The command line: render, validate, audiences, formats, schema, batch."""

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from inspection_letters._cli.commands import main
from tests.helpers import ROOT

EXAMPLE = ROOT / "examples" / "gloucestershire-2022.json"
GOLDEN = ROOT / "tests" / "golden"


def _lines(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", line.strip()) for line in text.splitlines() if line.strip()]


def _run(*args: str | Path) -> "tuple[int, str, str]":
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("audience", ["children", "director"])
def test_render_prints_the_seed_letter(audience: str) -> None:
    """`render` prints the seed letter of each audience from the example file."""
    expected = _lines((GOLDEN / f"{audience}-gloucestershire-2022.txt").read_text("utf-8"))
    code, out, _ = _run("render", EXAMPLE, "--audience", audience)
    assert (0, expected) == (code, _lines(out))


def test_render_writes_html_to_a_file(tmp_path: Path) -> None:
    """`render --format html --output` writes a complete HTML document."""
    target = tmp_path / "letter.html"
    code, out, _ = _run("render", EXAMPLE, "--format", "html", "--output", target)
    assert (0, "") == (code, out)
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_render_unknown_audience_is_one_line_listing_the_known_ones() -> None:
    """An unknown audience is one error line that lists the audiences there are."""
    code, _, err = _run("render", EXAMPLE, "--audience", "parents")
    assert 1 == code
    assert 1 == len(err.strip().splitlines())
    assert "'parents' is not an audience; expected one of" in err
    assert "'children'" in err
    assert "Traceback" not in err


def test_render_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    """A missing file is reported by name, without a traceback."""
    code, _, err = _run("render", tmp_path / "nope.json")
    assert 1 == code
    assert "nope.json" in err
    assert "Traceback" not in err


def test_validate_example_exits_zero() -> None:
    """`validate` exits 0 on the example and says it is valid."""
    code, out, _ = _run("validate", EXAMPLE)
    assert (0, f"{EXAMPLE}: valid") == (code, out.strip())


def test_validate_reports_a_bad_grade_and_a_missing_date(tmp_path: Path) -> None:
    """A bad grade and a missing date are both printed, and the exit status is 1."""
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["judgements"][2]["grade"] = "Very good"
    del data["start"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), "utf-8")
    code, out, _ = _run("validate", bad)
    assert 1 == code
    assert f"{bad}: error: judgements[2].grade: 'Very good' is not a grade" in out
    assert f"{bad}: error: start: the era cannot be told" in out


def test_validate_shows_advisories_without_failing(tmp_path: Path) -> None:
    """Advisories are printed but the exit status stays 0."""
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["judgements"][0]["grade"] = "Inadequate"
    file = tmp_path / "advisory.json"
    file.write_text(json.dumps(data), "utf-8")
    code, out, _ = _run("validate", file)
    assert 0 == code
    assert "advisory" in out
    assert "[leaders-inadequate-overall-not]" in out


def test_audiences_and_formats_list_the_registered_ones() -> None:
    """`audiences` and `formats` list what is registered."""
    _, audiences_out, _ = _run("audiences")
    _, formats_out, _ = _run("formats")
    assert {"children", "director"} <= {line.split("\t")[0] for line in audiences_out.splitlines()}
    assert {"text", "markdown", "html"} <= {
        line.split("\t")[0] for line in formats_out.splitlines()
    }


def test_schema_accepts_the_example_and_rejects_a_malformed_file() -> None:
    """The printed JSON Schema accepts the example file and rejects a malformed one."""
    code, out, _ = _run("schema")
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    example = json.loads(EXAMPLE.read_text("utf-8"))
    assert (0, []) == (code, list(validator.iter_errors(example)))
    example["judgements"][0]["grade"] = "Very good"
    example["team_size"] = 0
    example["surprise"] = True
    assert 3 == len(list(validator.iter_errors(example)))


def test_every_command_help_shows_an_example() -> None:
    """Each command's --help shows an example."""
    for command in ["render", "validate", "audiences", "formats", "schema", "batch", "lint"]:
        code, out, _ = _run(command, "--help")
        assert (0, True) == (code, "Example:" in out), command


def test_debug_shows_the_traceback() -> None:
    """With --debug the library's error is raised rather than printed as a line."""
    from inspection_letters import UnknownNameError

    with pytest.raises(UnknownNameError):
        CliRunner().invoke(
            main, ["--debug", "render", str(EXAMPLE), "-a", "parents"], catch_exceptions=False
        )


def test_python_dash_m_runs_the_command_line() -> None:
    """`python -m inspection_letters --help` runs the same command line."""
    import subprocess
    import sys

    completed = subprocess.run(
        [sys.executable, "-m", "inspection_letters", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (0, True) == (completed.returncode, "batch" in completed.stdout)


def test_lint_names_the_longest_sentence_and_fails_on_long_sentences() -> None:
    """`lint` of the example's children's letter names its 39-word sentence and exits 1."""
    code, out, _ = _run("lint", EXAMPLE, "--audience", "children")
    assert 1 == code
    assert "39 words: Social workers and personal advisers spend time with children" in out
    assert "[long-sentence]" in out


def test_lint_of_a_plain_text_file_with_a_rule_switched_off(tmp_path: Path) -> None:
    """`lint` reads a text file; advisories alone exit 0, and --disable switches a rule off."""
    text = tmp_path / "finding.txt"
    text.write_text("The LAC team were seen by the IRO.\n", "utf-8")
    code, out, _ = _run("lint", text)
    assert (0, True) == (code, "[unexplained-acronym]" in out)
    code, out, _ = _run("lint", text, "--disable", "unexplained-acronym")
    assert (0, False) == (code, "[unexplained-acronym]" in out)


def test_lint_of_a_missing_file_is_one_line(tmp_path: Path) -> None:
    """A missing file given to `lint` is one error line."""
    code, _, err = _run("lint", tmp_path / "nope.txt")
    assert (1, 1) == (code, len(err.strip().splitlines()))
