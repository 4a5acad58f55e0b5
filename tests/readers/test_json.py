"""Reading and writing inspections as JSON, and the errors a bad file gives."""

import json
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspection_letters import (
    Grade,
    Inspection,
    InspectionFileError,
    InspectionLettersError,
    InvalidFieldsError,
    InvalidInspectionError,
    InvalidValueError,
    LetterDetails,
    Office,
    dump_inspection,
    load_inspection,
    validate,
)
from inspection_letters._model.checks import (
    check_area_code,
    check_email,
    check_image_uri,
    check_lines,
    check_text,
)
from inspection_letters._model.people import OFFICES
from inspection_letters._readers import json_files
from inspection_letters._readers.json_files import converter
from inspection_letters.strategies import inspections
from tests.helpers import ROOT

EXAMPLE = ROOT / "examples" / "gloucestershire-2022.json"


def example_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "inspection.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def file_error(
    source: Path | dict[str, Any], kind: type[InvalidFieldsError] = InspectionFileError, **kw: bool
) -> InvalidFieldsError:
    """The library's error that loading ``source`` raises, checked to be of ``kind`` and clean."""
    with pytest.raises(InspectionLettersError) as caught:
        load_inspection(source, **kw)
    error = caught.value
    assert kind is type(error)
    assert isinstance(error, InvalidFieldsError)
    assert not isinstance(error, cattrs.BaseValidationError)
    assert not isinstance(error, attrs.exceptions.FrozenError)
    assert type(error).__module__.startswith("inspection_letters")
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__
    return error


def test_example_loads_and_validates_without_problems() -> None:
    """The Gloucestershire example has no problem at all, not even an advisory."""
    inspection = load_inspection(EXAMPLE)
    assert () == validate(inspection)
    assert "Gloucestershire" == inspection.authority.name
    assert Grade.REQUIRES_IMPROVEMENT is inspection.overall


def test_example_dumps_to_the_file_content() -> None:
    """Dumping the example gives the same data as the file, and loads back equal."""
    inspection = load_inspection(EXAMPLE)
    assert example_data() == dump_inspection(inspection)
    assert inspection == load_inspection(dump_inspection(inspection))
    assert inspection == load_inspection(example_data())


def test_malformed_file_reports_every_bad_field(tmp_path: Path) -> None:
    """One InspectionFileError lists every bad field of a file by its path."""
    data = example_data()
    data["judgements"][2]["grade"] = "Very good"
    data["start"] = "2022-02-30"
    data["lead_inspector"] = 42
    data["inspectors"] = 3
    del data["authority"]["name"]
    data["letters"]["director"]["recipient"]["email"] = "chris at gloucestershire"
    error = file_error(write(tmp_path, data))
    assert isinstance(error, ValueError)
    assert error.__suppress_context__
    fields = ", ".join(repr(field.name) for field in attrs.fields(Inspection))
    expected = {
        ("judgements[2].grade", "'Very good' is not a grade; expected one of 'Outstanding', "
         "'Good', 'Requires improvement to be good', 'Inadequate'"),
        # Issue #14: an impossible date says it is not a real date.
        ("start", "'2022-02-30' is not a real date: day is out of range for month"),
        ("lead_inspector", "42 is not text"),
        ("(top level)", f"unknown field(s) 'inspectors'; expected only {fields}"),
        ("authority.name", "is required but missing"),
        ("letters.director.recipient.email", "'chris at gloucestershire' is not an email address"),
    }  # fmt: skip
    assert expected == set(error.problems)
    assert 6 == len(error.problems)
    assert "has 6 bad field(s)" in str(error)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"authority": ', "Expecting value at line 1, column 15"),
        ('{"authority": {"name": "Harrow"}, "type": "standard", "team_size": NaN}', "NaN"),
        ('{"authority": {"name": "Harrow"}, "type": "short", "team_size": Infinity}', "Infinity"),
    ],
)
def test_invalid_json_text(tmp_path: Path, text: str, reason: str) -> None:
    """Text that is not JSON, or uses NaN or Infinity, gives the library's file error."""
    path = tmp_path / "inspection.json"
    path.write_text(text, encoding="utf-8")
    error = file_error(path)
    assert "(file)" == error.problems[0][0]
    assert reason in error.problems[0][1]


def test_array_at_top_level(tmp_path: Path) -> None:
    """A JSON array is not an inspection."""
    error = file_error(write(tmp_path, [example_data()]))
    assert (("(top level)", "is not an object"),) == error.problems


def test_missing_file(tmp_path: Path) -> None:
    """A file that does not exist gives the library's file error, naming the file."""
    error = file_error(tmp_path / "no-such-file.json")
    assert [("(file)", "No such file or directory")] == list(error.problems)
    assert "no-such-file.json" in str(error)


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    """A file in another encoding gives the library's file error."""
    path = tmp_path / "inspection.json"
    path.write_bytes('{"authority": {"name": "Ynys Môn"}}'.encode("utf-16"))
    assert "(file)" == file_error(path).problems[0][0]


def test_strict_refuses_an_inspection_breaking_a_rule(tmp_path: Path) -> None:
    """With ``strict``, an inspection that breaks a rule raises InvalidInspectionError."""
    data = example_data()
    data["judgements"][3]["grade"] = "Outstanding"
    path = write(tmp_path, data)
    assert "overall-out-of-range" in {p.code for p in validate(load_inspection(path))}
    error = file_error(path, InvalidInspectionError, strict=True)
    assert ["judgements"] == [path for path, _ in error.problems]


def test_schema_key_is_ignored(tmp_path: Path) -> None:
    """A ``$schema`` key is accepted and is not part of the inspection."""
    data = {"$schema": "https://example.org/inspection.schema.json", **example_data()}
    assert load_inspection(EXAMPLE) == load_inspection(write(tmp_path, data))
    assert "$schema" not in dump_inspection(load_inspection(data))


def test_legacy_and_any_case_grade_labels_load() -> None:
    """The legacy label "Requires improvement" and labels in any case are read."""
    data = example_data()
    data["judgements"][0]["grade"] = "Requires improvement"
    data["judgements"][1]["grade"] = "requires IMPROVEMENT to be good"
    data["judgements"][2]["grade"] = "  Requires   improvement "
    assert load_inspection(EXAMPLE) == load_inspection(data)
    assert example_data()["judgements"] == dump_inspection(load_inspection(data))["judgements"]


def test_shipped_offices_are_written_by_key() -> None:
    """An office the library ships is written as its key."""
    dumped = dump_inspection(load_inspection(EXAMPLE))
    assert "london" == dumped["letters"]["director"]["office"]


def test_bad_office_email_path_names_the_field() -> None:
    """A bad office email is reported at ``letters.children.office.email``, like a recipient's."""
    data = example_data()
    data["letters"]["children"]["office"] = {"key": "leeds", "address": ["Leeds"], "email": "x"}
    error = file_error(data)
    assert [("letters.children.office.email", "'x' is not an email address")] == list(
        error.problems
    )


def test_blank_wording_name_is_reported_at_the_wording() -> None:
    """A blank name in a letter's wording is reported at the wording's path."""
    data = example_data()
    data["letters"]["director"]["wording"] = {" ": "significant"}
    error = file_error(data)
    assert ["letters.director.wording"] == [path for path, _ in error.problems]


def test_repeated_wording_names_do_not_lose_data() -> None:
    """Wording with a repeated phrase name is refused, or survives a round trip."""
    inspection = load_inspection(EXAMPLE)
    try:
        details = LetterDetails(audience="director", wording=(("a", "one"), ("a", "two")))
    except ValueError:
        return
    changed = attrs.evolve(inspection, letters=(details,))
    assert changed == load_inspection(dump_inspection(changed))


def test_week_dates_are_not_dates() -> None:
    """Only 'YYYY-MM-DD' is a date; an ISO week date such as '2022-W06-1' is refused."""
    data = example_data()
    data["start"] = "2022-W06-1"
    error = file_error(data)
    assert [("start", "'2022-W06-1' is not a date; write it as 'YYYY-MM-DD'")] == list(
        error.problems
    )


# --- The fast path of load_inspection ------------------------------------------------------------

_TEXT_CHECKS = (check_text, check_email, check_area_code, check_image_uri, check_lines)


def _model_classes() -> list[type]:
    """Every attrs class an inspection file can hold, found from ``Inspection``."""
    found: list[type] = []
    todo: list[Any] = [Inspection]
    while todo:
        kind = todo.pop()
        if attrs.has(kind) and kind not in found:
            found.append(kind)
            todo += [f.type for f in attrs.fields(kind)]
        todo += list(getattr(kind, "__args__", ()))
    return found


def _holds_text(kind: Any) -> bool:
    return kind is str or any(_holds_text(k) for k in getattr(kind, "__args__", ()))


def test_every_text_field_of_a_file_is_checked_by_its_validator() -> None:
    """The fast converter checks no text itself: each text field's validator checks it as text."""
    unchecked = [
        f"{kind.__name__}.{field.name}"
        for kind in _model_classes()
        for field in attrs.fields(kind)
        if _holds_text(field.type)
        and field.metadata.get("check") not in _TEXT_CHECKS
        and (kind, field.name) != (LetterDetails, "wording")  # its own validator checks it
    ]
    assert [] == unchecked
    for check in _TEXT_CHECKS:
        for bad in ("a\x07b", " ", ["a\x07b"], [" "]):
            with pytest.raises(InvalidValueError):
                check(bad)
    with pytest.raises(InvalidValueError):
        LetterDetails(audience="children", wording={"achievement": "a\x07b"})


@given(inspections())
def test_fast_and_detailed_converters_read_the_same_inspection(inspection: Inspection) -> None:
    """A good file is read to the same inspection by both converters."""
    data = dump_inspection(inspection)
    assert converter.structure(data, Inspection) == json_files._fast.structure(data, Inspection)


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [path] + [p for k, v in value.items() for p in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [path] + [p for i, v in enumerate(value) for p in _leaves(v, (*path, i))]
    return [path]


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replaced(value[path[0]], path[1:], new)
    return copy


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(alphabet=st.sampled_from(["a", " ", "\x07", "\n", "@", ".", "\ud800", "-"]))
    | st.sampled_from(["", "Good", "leaders", "standard", "2022-02-14", "london", "x@y.z"]),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["name", "text", "grade", "area", "x"]), children)
    ),
    max_leaves=5,
)


@given(inspection=inspections(), data=st.data())
def test_the_fast_converter_refuses_whatever_the_detailed_one_refuses(
    inspection: Inspection, data: st.DataObject
) -> None:
    """Any one value of a file changed: the fast converter reads nothing the detailed refuses."""
    original = dump_inspection(inspection)
    path = data.draw(st.sampled_from(_leaves(original)))
    changed = _replaced(original, path, data.draw(_JSON_VALUES))
    if not isinstance(changed, dict):
        return
    try:
        detailed = converter.structure(changed, Inspection)
    except Exception:
        detailed = None
    try:
        fast = json_files._fast.structure(changed, Inspection)
    except Exception:
        fast = None
    if fast is not None:
        assert detailed == fast


def test_every_class_of_a_file_is_read_by_a_function_written_for_it() -> None:
    """The fast converter reads each of the model's classes by its own written function."""
    from inspection_letters._readers import fast_converter

    hooks = {
        kind.__name__: json_files._fast.get_structure_hook(kind).__code__.co_filename
        for kind in _model_classes()
        if kind is not Office  # by key, or merged with a shipped office, then written
    }
    assert {name: f"<fast structure {name}>" for name in hooks} == hooks
    written = fast_converter._structure_fn(Office, json_files._fast)
    assert OFFICES["bristol"] == written(json_files._office_to_dict(OFFICES["bristol"]), Office)


def test_the_example_is_read_by_the_fast_converter_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A good file never reaches the detailed converter."""
    expected = converter.structure(example_data(), Inspection)
    monkeypatch.setattr(json_files, "converter", None)  # reaching it would fail
    assert expected == load_inspection(EXAMPLE)
