"""Properties of the domain model, over inspections the public strategies generate."""

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from inspection_letters import (
    RULES,
    Framework,
    Grade,
    Inspection,
    InspectionType,
    InvalidValueError,
    Quotation,
    Severity,
    UnknownNameError,
    dump_inspection,
    load_inspection,
    validate,
)
from inspection_letters._model.checks import check_text
from inspection_letters._model.rules import errors, surely_clean
from inspection_letters.strategies import broken_inspections, grades, inspections

LABELS = ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"]
ERROR_CODES = [r.code for r in RULES if r.severity is Severity.ERROR]


def error_codes(inspection: Inspection) -> list[str]:
    return [p.code for p in validate(inspection) if p.severity is Severity.ERROR]


@given(inspections())
def test_json_round_trip(inspection: Inspection) -> None:
    """Dumping an inspection and loading it back gives an equal inspection."""
    assert inspection == load_inspection(dump_inspection(inspection))


@given(inspections())
def test_dump_is_plain_json(inspection: Inspection) -> None:
    """The dump survives ``json.dumps`` and ``json.loads`` unchanged, and loads back equal."""
    dumped = dump_inspection(inspection)
    text = json.dumps(dumped, allow_nan=False)
    assert dumped == json.loads(text)
    assert inspection == load_inspection(json.loads(text))


@given(inspections())
def test_generated_inspections_break_no_error_rule(inspection: Inspection) -> None:
    """Every generated inspection passes every error-level rule."""
    assert [] == error_codes(inspection)


@given(inspections(graded=True))
def test_graded_inspections_grade_every_judgement_of_their_era(inspection: Inspection) -> None:
    """A generated graded inspection grades its era's judgements in the era's order."""
    assert inspection.era is not None
    assert list(inspection.era.areas) == [j.area for j in inspection.judgements]


@given(inspections(graded=False))
def test_ungraded_inspections_have_no_judgements(inspection: Inspection) -> None:
    """A generated visit has no judgements."""
    assert () == inspection.judgements


@pytest.mark.parametrize("framework", list(Framework))
@given(data=st.data())
def test_inspections_of_one_era(framework: Framework, data: st.DataObject) -> None:
    """Inspections asked for one era are of that era and valid."""
    inspection = data.draw(inspections(frameworks=[framework], graded=True))
    assert framework is inspection.era
    assert [] == error_codes(inspection)


@pytest.mark.parametrize("kind", list(InspectionType))
@given(data=st.data())
def test_inspections_of_one_type(kind: InspectionType, data: st.DataObject) -> None:
    """Inspections asked for one type are of that type and valid."""
    inspection = data.draw(inspections(types=[kind]))
    assert kind is inspection.type
    assert [] == error_codes(inspection)


@pytest.mark.parametrize("code", ERROR_CODES)
@given(data=st.data())
def test_broken_inspections_break_their_rule(code: str, data: st.DataObject) -> None:
    """Each error-level rule reports the inspections broken in its way, as an error."""
    inspection = data.draw(broken_inspections(code))
    assert code in error_codes(inspection)


@pytest.mark.parametrize("code", ["no-such-rule", "leaders-inadequate-overall-not"])
def test_broken_inspections_of_an_unknown_code(code: str) -> None:
    """Asking to break a rule that is not an error-level rule raises UnknownNameError."""
    with pytest.raises(UnknownNameError) as caught:
        broken_inspections(code)
    assert ERROR_CODES == list(caught.value.valid)


@given(grades(), grades())
def test_grade_order_is_antisymmetric_and_total(a: Grade, b: Grade) -> None:
    """Of two grades one is at least the other, and both only when they are the same."""
    assert a <= b or b <= a
    assert (a <= b and b <= a) == (a is b)


@given(grades(), grades(), grades())
def test_grade_order_is_transitive(a: Grade, b: Grade, c: Grade) -> None:
    """A grade at most one that is at most a third is at most the third."""
    if a <= b and b <= c:
        assert a <= c


@given(grades(), grades())
def test_grade_order_follows_the_labels(a: Grade, b: Grade) -> None:
    """A grade is better than another when its label comes first in Ofsted's list."""
    assert (LABELS.index(a.label) < LABELS.index(b.label)) == (a > b)
    assert (a < b) == (b > a)
    assert (a <= b) == (b >= a)
    assert (a < b) == (a <= b and a is not b)


@given(grades())
def test_grade_parses_its_label_in_any_case(grade: Grade) -> None:
    """A grade's label in capitals parses back to the grade."""
    assert Grade.parse(grade.label.upper()) is grade


@given(inspections() | st.sampled_from(ERROR_CODES).flatmap(broken_inspections))
def test_the_quick_pre_check_never_passes_an_inspection_the_rules_refuse(
    inspection: Inspection,
) -> None:
    """``surely_clean`` says so only of inspections that break no error-level rule."""
    if surely_clean(inspection):
        assert () == errors(inspection)


@given(inspections())
def test_the_quick_pre_check_passes_inspections_that_break_nothing(inspection: Inspection) -> None:
    """An inspection that breaks no error-level rule passes the pre-check too (no slow path)."""
    assert (() == errors(inspection)) == surely_clean(inspection)


_CHARACTERS = st.sampled_from(
    ["a", "Z", " ", "\t", "\n", "\r", "\x07", "\x7f", "\x85", "é", "\u00a0", "\u2028"]
)
_CHARACTERS |= st.sampled_from(["\ud800", "\ufffe", "\uffff", "\U0001f600", "-", "'"])
_VALUES = (
    st.text(_CHARACTERS, max_size=70)
    | st.text(_CHARACTERS, min_size=60, max_size=70)
    | st.text(st.sampled_from([" ", "\t", "\n", "a", "\x07"]), min_size=60, max_size=70)
    | st.builds(
        lambda text, n: "a" * n + text, st.text(_CHARACTERS, max_size=3), st.integers(0, 80)
    )
    | st.none()
    | st.integers()
    | st.lists(st.text(max_size=2), max_size=2)
)


def _outcome(make: object) -> str:
    try:
        make()  # type: ignore[operator]
    except InvalidValueError as error:
        return str(error)
    return "made"


@given(_VALUES)
@example(" " * 70)
@example("a" * 70 + "\x07")
def test_the_validators_of_text_pass_exactly_what_check_text_passes(value: object) -> None:
    """A text field, required or optional, refuses what check_text refuses, in its words."""
    try:
        check_text(value)
        expected = "made"
    except InvalidValueError as error:
        expected = f"text: {error}"
    assert expected == _outcome(lambda: Quotation(text=value))  # type: ignore[arg-type]
    optional = "made" if value is None else expected.replace("text: ", "source: ", 1)
    assert optional == _outcome(lambda: Quotation(text="a", source=value))  # type: ignore[arg-type]
