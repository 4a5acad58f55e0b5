"""Wrong JSON shapes say what shape was expected; impossible dates say they are not real dates.

Findings as a list of strings gave ``'str' object has no attribute 'keys'
(AttributeError)``; a string where a list belongs gave one error per
character; a mapping where a list belongs named an index that does not
exist; ``"2022-02-31"`` was said to be written wrongly. A previous outcome
dated after the inspection passed.
"""

from typing import Any

import pytest

from inspection_letters import load_inspection, validate
from tests.readers.test_json import example_data, file_error


def _problems(**changes: Any) -> tuple[tuple[str, str], ...]:
    return file_error({**example_data(), **changes}).problems


def test_regression_findings_as_strings_say_to_write_objects() -> None:
    """Each finding that is a string is named, with the object to write instead."""
    assert (
        ("findings[0]", "'Children are safe.' is a string, not an object; write {\"text\": ...}"),
        ("findings[1]", "'Leaders know.' is a string, not an object; write {\"text\": ...}"),
    ) == _problems(findings=["Children are safe.", "Leaders know."])


def test_regression_a_string_where_a_list_belongs_is_one_error() -> None:
    """A string where the findings belong is one error saying they must be a list."""
    assert (
        (
            "findings",
            "'Children are safe.' is a string, not a list; findings must be a list, "
            'such as [{"text": ...}]',
        ),
    ) == _problems(findings="Children are safe.")


def test_regression_an_object_where_a_list_belongs_is_one_error() -> None:
    """An object where the judgements belong names no index; it says they must be a list."""
    judgements = {"0": {"area": "leaders", "grade": "Good"}}
    expected = (
        "judgements",
        'is an object, not a list; judgements must be a list, such as [{"area": ..., '
        '"grade": ...}]',
    )
    assert (expected,) == _problems(judgements=judgements)


@pytest.mark.parametrize(
    ("value", "kind"),
    [(1, "1 is a number"), (None, "is null"), ([], "is a list"), (True, "True is true or false")],
)
def test_regression_other_items_that_are_not_objects(value: object, kind: str) -> None:
    """A number, null, list or boolean in a list of objects is named as what it is."""
    ((where, reason),) = _problems(quotations=[value])
    assert ("quotations[0]", f'{kind}, not an object; write {{"text": ...}}') == (where, reason)


def test_lines_as_a_string_say_they_must_be_a_list() -> None:
    """An address written as one string is one error, not one a character."""
    data = example_data()
    data["letters"]["director"]["recipient"]["address"] = "1 Shire Hall, Gloucester"
    ((where, reason),) = file_error(data).problems
    assert "letters.director.recipient.address" == where
    assert reason.startswith("'1 Shire Hall, Gloucester' is a string, not a list")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2022-02-31", "'2022-02-31' is not a real date: day is out of range for month"),
        ("2022-13-01", "'2022-13-01' is not a real date: month must be in 1..12"),
        ("2022-2-7", "'2022-2-7' is not a date; write it as 'YYYY-MM-DD'"),
    ],
)
def test_regression_impossible_date_is_not_a_real_date(value: str, reason: str) -> None:
    """An impossible date is not a real date; a date written wrongly is told how to be written."""
    assert (("start", reason),) == _problems(start=value)


def test_regression_previous_outcome_after_the_inspection_is_an_error() -> None:
    """A previous outcome from a year after the inspection started is an error-level problem."""
    inspection = load_inspection({**example_data(), "previous": {"year": 2023, "overall": "Good"}})
    found = [p for p in validate(inspection) if p.code == "previous-after-inspection"]
    assert [("previous.year", "error")] == [(p.path, p.severity.value) for p in found]
    assert "year 2023 is after the inspection, which started in 2022" in found[0].message


def test_previous_outcome_of_the_same_year_is_allowed() -> None:
    """A previous outcome from the year the inspection started (a monitoring return) is allowed."""
    inspection = load_inspection({**example_data(), "previous": {"year": 2022, "overall": "Good"}})
    assert "previous-after-inspection" not in {p.code for p in validate(inspection)}
