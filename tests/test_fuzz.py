"""Fuzzing: whatever an entry point is given, only the library's own errors come out.

``load_inspection``, ``validate_file``, ``read_outcomes`` and the command line
are fed arbitrary JSON values, the example broken in every way, truncated and
corrupted files, huge numbers, deep nesting and random bytes. Each fuzz test
runs 1,000 examples under the ``ci`` profile (``tests/fuzzing.py``); the last
test here checks that each entry point was given that many.
"""

import functools
import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from inspection_letters import (
    InspectionFileError,
    InvalidValueError,
    Letter,
    OutcomesFileError,
    PreviousOutcome,
    Signatory,
    load_inspection,
    read_outcomes,
    render_letter,
    validate_file,
)
from inspection_letters._cli.commands import main
from tests.fuzzing import (
    CASES,
    CI_EXAMPLES,
    DEEP,
    EXAMPLE_DATA,
    EXAMPLE_TEXT,
    HEADER,
    HUGE_DIGITS,
    JSON_VALUES,
    ROW,
    fuzz_examples,
    fuzzing,
    in_ci_profile,
    inspection_files,
    mutated_examples,
    only_our_errors,
    outcome_csvs,
    outcome_odss,
    valid_data,
)
from tests.fuzzing_files import DATA, have_real_sheets, real_ods_files, signature_images
from tests.helpers import example, with_signatory

EXAMPLE_INSPECTION = example()

ENTRY_POINTS = ("load_inspection", "read_outcomes", "command line", "signature images")
TEXT_FORMATS = ("text", "markdown", "html")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory the fuzz tests write their files into, one file at a time."""
    return tmp_path_factory.mktemp("fuzz")


def render_draft(inspection: Any, audience: str) -> None:
    """Render ``audience``'s letter as a draft, in each text format."""
    letter = render_letter(inspection, audience, draft=True)
    for name in TEXT_FORMATS:
        assert letter.render(name)


@fuzzing()
@given(st.one_of(JSON_VALUES, mutated_examples(), valid_data()))
def test_load_inspection_of_any_value(value: Any) -> None:
    """Any JSON value, or the example broken, is an inspection or the library's own error."""
    CASES["load_inspection"] += 1
    if isinstance(value, str):
        value = [value]  # a string is a file's path: that is the next test's business
    error = only_our_errors("load", lambda: load_inspection(value))
    if isinstance(value, Mapping):
        only_our_errors("validate", lambda: validate_file(value))
    if error is None:
        inspection = load_inspection(value)
        for audience in ("children", "director"):
            only_our_errors(audience, lambda: render_draft(inspection, audience))  # noqa: B023
        only_our_errors("strict", lambda: load_inspection(value, strict=True))


@fuzzing()
@given(inspection_files())
def test_load_inspection_of_any_file(workdir: Path, data: bytes) -> None:
    """Any bytes in an inspection file are an inspection or the library's own error."""
    CASES["load_inspection"] += 1
    path = workdir / "inspection.json"
    path.write_bytes(data)
    only_our_errors("load", lambda: load_inspection(path))
    only_our_errors("validate", lambda: validate_file(path))


@fuzzing()
@given(outcome_csvs())
def test_read_outcomes_of_any_csv(workdir: Path, data: bytes) -> None:
    """Any bytes in a CSV file of outcomes are inspections or the library's own error."""
    CASES["read_outcomes"] += 1
    path = workdir / "outcomes.csv"
    path.write_bytes(data)
    only_our_errors("read", lambda: read_outcomes(path))


@fuzzing()
@given(outcome_odss(), st.none() | st.sampled_from(("Sheet1", "ILACS_inspection_history", "")))
def test_read_outcomes_of_any_ods(workdir: Path, data: bytes, sheet: str | None) -> None:
    """Any bytes in an .ods file of outcomes are inspections or the library's own error."""
    CASES["read_outcomes"] += 1
    path = workdir / "outcomes.ods"
    path.write_bytes(data)
    only_our_errors("read", lambda: read_outcomes(path, sheet=sheet))


@pytest.mark.skipif(not have_real_sheets(), reason=f"Ofsted's .ods files are not in {DATA}")
@fuzzing()
@given(real_ods_files())
def test_read_outcomes_of_real_ods_files_mutated(workdir: Path, sheet_and_file: Any) -> None:
    """A real .ods sheet with its content.xml mutated is inspections or the library's own error."""
    CASES["read_outcomes"] += 1
    sheet, data = sheet_and_file
    path = workdir / "real.ods"
    path.write_bytes(data)
    only_our_errors("real ods", lambda: read_outcomes(path, sheet=sheet))


def _every_format(letter: Letter, pdf: bool) -> None:
    for name in ("text", "markdown", "html", "docx", *(("pdf",) if pdf else ())):
        only_our_errors(name, functools.partial(letter.render, name))


@fuzzing()
@given(signature_images(), st.integers(0, 9).map(lambda n: n == 0))
def test_signature_image_of_any_bytes(image: str, pdf: bool) -> None:
    """Any signature image is refused by the library's error, or every writer takes it.

    A PDF is drawn for one example in ten: it is the slowest writer.
    """
    CASES["signature images"] += 1
    refused = only_our_errors(
        "signature image", lambda: Signatory(name="N", role="R", signature_image=image)
    )
    if refused is not None:
        return
    inspection = with_signatory(EXAMPLE_INSPECTION, signature_image=image)
    _every_format(render_letter(inspection, "director"), pdf)


COMMANDS = (
    ("validate",),
    ("render",),
    ("render", "--draft", "--format", "markdown"),
    ("render", "--draft", "--audience", "director", "--format", "html"),
    ("render", "--audience", "director", "--format", "docx", "--output", "{out}"),
    ("lint", "--draft"),
)


def invoke(*args: str) -> Any:
    """Run the command line in-process, as a user would, catching what it lets out."""
    return CliRunner().invoke(main, list(args))


@fuzzing()
@given(inspection_files(), st.sampled_from(COMMANDS))
def test_command_line_never_shows_a_traceback(
    workdir: Path, data: bytes, command: tuple[str, ...]
) -> None:
    """Whatever the file holds, the command line exits 0, 1 or 2, with no traceback."""
    CASES["command line"] += 1
    path = workdir / "inspection.json"
    path.write_bytes(data)
    args = [arg.format(out=workdir / "letter.docx") for arg in command]
    result = invoke(*args, str(path))
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


# --- Regressions: what the fuzzing found, and the cases it was asked to try ----------------------


def write(workdir: Path, text: str | bytes, name: str = "inspection.json") -> Path:
    """A file of ``text`` (UTF-8) or bytes in ``workdir``."""
    path = workdir / name
    path.write_bytes(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    return path


def test_regression_huge_integer_literal_is_our_error(workdir: Path) -> None:
    """A number of 5,000 digits in a file is the library's error, not Python's ValueError."""
    path = write(workdir, EXAMPLE_TEXT.replace('"year": 2017', f'"year": {HUGE_DIGITS}'))
    with pytest.raises(InspectionFileError) as raised:
        load_inspection(path)
    expected = [("(file)", "holds a whole number of more than 4,300 digits, too long to read")]
    assert expected == list(raised.value.problems)
    assert ["invalid-field"] == [p.code for p in validate_file(path)]
    result = invoke("render", str(path))
    assert (1, SystemExit) == (result.exit_code, type(result.exception))
    assert "more than 4,300 digits" in result.output


def test_regression_huge_integer_year_is_our_error() -> None:
    """A year of 5,000 digits, in a mapping or to the model, is named without printing it."""
    data = {**EXAMPLE_DATA, "previous": {"year": 10**5000, "overall": 10**5000}}
    with pytest.raises(InspectionFileError) as raised:
        load_inspection(data)
    problems = dict(raised.value.problems)
    huge = "a whole number of more than 4,300 digits"
    assert f"{huge} is not a year from 1990 to 2100" == problems["previous.year"]
    assert f"{huge} is not a grade" == problems["previous.overall"].split(";")[0]
    with pytest.raises(InvalidValueError, match="year: a whole number of more than 4,300 digits"):
        PreviousOutcome(year=10**5000)


def test_regression_surrogate_key_in_a_path_is_printable(workdir: Path) -> None:
    """A lone surrogate in a key is escaped in the field's path, so the error can be printed."""
    data = {**EXAMPLE_DATA, "letters": {"\ud800": {}}}
    path = write(workdir, json.dumps(data))
    problems = validate_file(path)
    assert ["letters.\\ud800.audience"] == [p.path for p in problems if p.path.startswith("let")]
    result = invoke("validate", str(path))
    assert (1, SystemExit) == (result.exit_code, type(result.exception))
    assert "letters.\\ud800.audience: contains the lone surrogate '\\ud800'" in result.output


def test_regression_file_holding_a_string_is_not_read_as_a_path(workdir: Path) -> None:
    """A file whose JSON is a string, such as another file's path, is no inspection: not read."""
    other = write(workdir, "[1, 2", "other.json")
    path = write(workdir, json.dumps(str(other)))
    problems = validate_file(path)
    assert [("(top level)", "is not an object")] == [(p.path, p.message) for p in problems]


@pytest.mark.parametrize("name", ["nul\x00.json", "surrogate\ud800.json"])
def test_regression_impossible_path_is_our_error(name: str) -> None:
    """A path no file can have (a NUL, a lone surrogate) is the library's error, not Python's."""
    with pytest.raises(InspectionFileError, match="is not a path a file can have"):
        load_inspection(name)
    with pytest.raises(OutcomesFileError, match="is not a path a file can have"):
        read_outcomes(name.replace(".json", ".csv"))


def test_regression_json_file_with_byte_order_mark_is_read(workdir: Path) -> None:
    """A file saved with a byte-order mark, as Windows editors save it, is read."""
    path = write(workdir, "\ufeff" + EXAMPLE_TEXT)
    assert load_inspection(EXAMPLE_DATA) == load_inspection(path)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[" * DEEP + "]" * DEEP, "nested too deeply"),
        ('{"authority": ' + "[" * DEEP + "]" * DEEP + "}", "nested too deeply"),
        (EXAMPLE_TEXT.replace("2017", "NaN"), "NaN is not a JSON number"),
        (EXAMPLE_TEXT.replace("2017", "-Infinity"), "-Infinity is not a JSON number"),
        (EXAMPLE_TEXT[:500], "Expecting ',' delimiter at line 15, column 93"),
        ("", "Expecting value at line 1, column 1"),
    ],
    ids=["deep list", "deep field", "NaN", "infinity", "truncated", "empty"],
)
def test_broken_json_is_our_error(workdir: Path, text: str, reason: str) -> None:
    """Deep nesting, NaN, a truncated file: each the library's error, saying which."""
    with pytest.raises(InspectionFileError) as raised:
        load_inspection(write(workdir, text))
    assert reason in raised.value.problems[0][1]


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1", "cp1252"])
def test_file_that_is_not_utf8_is_our_error(workdir: Path, encoding: str) -> None:
    """A file in another encoding is refused as not UTF-8 text."""
    text = EXAMPLE_TEXT.replace("Andy Waugh", "Zoë Ŵ" if encoding == "utf-16" else "Zoë")
    with pytest.raises(InspectionFileError, match="not UTF-8 text"):
        load_inspection(write(workdir, text.encode(encoding)))


def test_surrogate_escape_in_a_value_is_refused(workdir: Path) -> None:
    """A ``\\ud800`` escape in a JSON string is refused by the field it is in."""
    path = write(workdir, EXAMPLE_TEXT.replace('"Andy Waugh"', '"Andy\\ud800"'))
    with pytest.raises(InspectionFileError) as raised:
        load_inspection(path)
    (where, reason), *_ = raised.value.problems
    assert "lead_inspector" == where
    assert reason.startswith("contains the lone surrogate '\\ud800' at position 4")


def ods_with(rows_xml: str) -> bytes:
    """A small .ods file whose sheet holds the header, then ``rows_xml``."""
    cells = "".join(
        f"<table:table-cell><text:p>{title}</text:p></table:table-cell>" for title in HEADER
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="ILACS_inspection_history">'
        f"<table:table-row>{cells}</table:table-row>{rows_xml}"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def row_xml(cells: tuple[str, ...], attributes: str = "") -> str:
    """One row of text cells."""
    inner = "".join(f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" for c in cells)
    return f"<table:table-row{attributes}>{inner}</table:table-row>"


def test_regression_ods_with_a_million_repeated_rows_is_refused_at_once(workdir: Path) -> None:
    """A file of a kilobyte declaring a million rows of content is refused, not read for minutes."""
    # It took a minute and a half to read; now it is refused as its rows are counted.
    path = write(workdir, ods_with(row_xml(ROW, ' table:number-rows-repeated="1048576"')), "a.ods")
    with pytest.raises(OutcomesFileError, match="holds more than 50,000 rows or 2,000,000 cells"):
        read_outcomes(path)


def test_regression_ods_row_of_millions_of_cells_is_refused(workdir: Path) -> None:
    """A row whose repeated cells add up to millions is refused while it is read."""
    cell = (
        '<table:table-cell table:number-columns-repeated="16384">'
        "<text:p>x</text:p></table:table-cell>"
    )
    path = write(workdir, ods_with(f"<table:table-row>{cell * 200}</table:table-row>"), "b.ods")
    with pytest.raises(OutcomesFileError, match="a row holds more than 2,000,000 cells"):
        read_outcomes(path)


def test_the_fuzz_profile() -> None:
    """The ``ci`` profile asks for at least 1,000 examples of each fuzz test."""
    assert CI_EXAMPLES >= 1_000
    assert (CI_EXAMPLES if in_ci_profile() else fuzz_examples()) == fuzz_examples()


def test_every_entry_point_was_given_its_examples(capsys: pytest.CaptureFixture[str]) -> None:
    """Run last: each entry point fuzzed in this run was given the profile's count, or more."""
    ran = {entry: CASES[entry] for entry in ENTRY_POINTS if CASES[entry]}
    if not ran:
        pytest.skip("no fuzz test ran in this session")
    with capsys.disabled():
        print(f"\nfuzz examples run: {ran}")
    assert dict.fromkeys(ran, True) == {e: n >= fuzz_examples() for e, n in ran.items()}
