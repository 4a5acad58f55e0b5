"""The command line's ``read-report``: reports to inspection files or to Ofsted's history table."""

import csv
import json
import sys
from functools import cache
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from inspection_letters import LocalAuthority, read_outcomes, read_report, validate_file
from inspection_letters._cli.commands import main
from tests.helpers import ROOT, example
from tests.report_pdfs import report_pdf

pytest.importorskip("pypdfium2")
pytest.importorskip("weasyprint")

REPORTS = ROOT.parent / "shared" / "data" / "reports"


def run(*args: str | Path) -> "tuple[int, str, str]":
    """The exit code, standard output and standard error of the command line."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@cache
def seed_pdf() -> bytes:
    """The example inspection printed as a report."""
    return report_pdf(example())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of two reports the tests printed (dated names, as Ofsted's downloads)."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "80470-gloucestershire-2022-04-01.pdf").write_bytes(seed_pdf())
    other = attrs.evolve(
        example(),
        authority=LocalAuthority(name="Dorset", code="E06000059"),
        lead_inspector="Ann Lowe",
    )
    (reports / "2532283-dorset-2021-11-19.pdf").write_bytes(report_pdf(other))
    return reports


def test_json_writes_inspection_files_that_validate_accepts(folder: Path, tmp_path: Path) -> None:
    """--format json writes one inspection file a report; each passes validate."""
    out = tmp_path / "inspections"
    code, _, err = run("read-report", folder, "--format", "json", "-o", out)
    assert 0 == code, err
    written = sorted(p.name for p in out.iterdir())
    assert ["E06000059-2022-02-07-inspection.json", "E10000013-2022-02-07-inspection.json"] == (
        written
    )
    assert [] == [p for f in out.iterdir() for p in validate_file(f) if p.severity.value == "error"]
    assert "2 file(s): 2 read, 0 not read" in err


def test_one_report_as_json_goes_to_standard_output(folder: Path) -> None:
    """Without --output, one report's inspection file is printed."""
    code, out, _ = run("read-report", folder / "80470-gloucestershire-2022-04-01.pdf")
    assert 0 == code
    assert "Gloucestershire" == json.loads(out)["authority"]["name"]


def test_several_reports_as_json_need_an_output_folder(folder: Path) -> None:
    """Several reports cannot all go to standard output as one inspection file."""
    code, _, err = run("read-report", folder)
    assert 2 == code
    assert "need --output" in err


def test_csv_is_read_back_by_read_outcomes(folder: Path, tmp_path: Path) -> None:
    """--format csv writes Ofsted's history table; read_outcomes reads it back equal."""
    table = tmp_path / "all.csv"
    code, _, err = run(
        "read-report", folder, "--format", "csv", "-o", table, "--published-from-name"
    )
    assert 0 == code, err
    back = read_outcomes(table)
    assert ["Dorset", "Gloucestershire"] == [i.authority.name for i in back]
    direct = read_report(folder / "80470-gloucestershire-2022-04-01.pdf")
    assert direct.inspection.judgements == back[1].judgements
    assert "2022-04-01" == str(back[1].published)


def test_files_not_read_are_named_with_why(folder: Path, tmp_path: Path) -> None:
    """A file that is no report is named in the closing summary; the rest are still written."""
    (folder / "letter.pdf").write_text("Dear Director", encoding="utf-8")
    table = tmp_path / "all.csv"
    code, _, err = run("read-report", folder, "--format", "csv", "-o", table)
    assert 1 == code
    bad = folder / "letter.pdf"
    assert f"not read: {bad}: it is not a PDF (it does not start with '%PDF-')" in err
    assert "3 file(s): 2 read, 1 not read" in err
    assert 3 == len(table.read_text("utf-8").splitlines())


def test_problems_are_listed_on_request(folder: Path) -> None:
    """--problems lists what the reader could not settle, by file."""
    report = folder / "80470-gloucestershire-2022-04-01.pdf"
    code, _, err = run("read-report", report, "--problems")
    assert 0 == code
    assert "problem:" not in err  # the printed report has nothing to settle


def test_without_the_extra_the_command_says_how_to_install_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without pypdfium2 the command exits 1 naming the extra, with no traceback."""
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    code, _, err = run("read-report", folder / "80470-gloucestershire-2022-04-01.pdf")
    assert 1 == code
    assert "inspection-letters[reports]" in err
    assert "Traceback" not in err


@pytest.mark.skipif(not REPORTS.is_dir(), reason=f"the shared reports are not here: {REPORTS}")
def test_all_shared_reports_to_a_table_in_two_processes(tmp_path: Path) -> None:
    """The issue's command: 221 rows that read_outcomes reads back, linking councils."""
    table = tmp_path / "all.csv"
    code, _, err = run("read-report", REPORTS, "--format", "csv", "-o", table, "--jobs", "2")
    assert 0 == code, err
    with table.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert 221 == len(rows)
    back = read_outcomes(table)
    assert 221 == len(back)
    assert any(i.previous is not None for i in back)
