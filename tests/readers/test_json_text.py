"""JSON read by counting keys against colons: the values and errors of checking each object."""

import json
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from inspection_letters import InvalidValueError
from inspection_letters._readers import json_text
from inspection_letters._readers.json_text import parse_json


def _checking_each(text: str) -> Any:
    """What the decoder that checks each object as it is read says of ``text``."""
    if text.startswith("\ufeff"):
        return json.loads(
            text,
            parse_constant=json_text._refuse_constant,
            object_pairs_hook=json_text._one_each,
        )
    return json_text._DECODER.decode(text)


def _outcome(read: Any, text: str) -> tuple[str, Any]:
    try:
        value = read(text)
    except Exception as error:
        return type(error).__name__, str(error)
    return "value", json.dumps(value)  # the types too: 1 and 1.0, True and 1 differ


_KEYS = st.sampled_from(["a", "b", "a:b", ":", "text", "\\u003a", "a\\u003Ab", 'q\\"', "\\\\"])
_STRINGS = st.sampled_from(["", "x", ":", "a: b", "\\u003a", '\\":', "https://x", "\\\\:", "é:"])
_SPACE = st.sampled_from(["", " ", "\n", "\t ", "\r\n"])


@st.composite
def _texts(draw: st.DrawFn, depth: int = 0) -> str:
    """JSON-like text: objects whose keys may repeat, strings with colons, written or escaped."""
    kind = draw(st.sampled_from(["object", "object", "list", "string", "number", "other"]))
    if depth >= 3 or kind == "string":
        return '"' + draw(_STRINGS) + '"'
    if kind == "number":
        return draw(st.sampled_from(["1", "-2.5", "1e3", "NaN", "Infinity", "01"]))
    if kind == "other":
        return draw(st.sampled_from(["true", "null", "[]", "{}", '"a"b', ""]))
    items = draw(st.lists(_texts(depth + 1), max_size=4))
    if kind == "list":
        return "[" + ",".join(items) + "]"
    members = [
        f'"{draw(_KEYS)}"{draw(_SPACE)}:{draw(_SPACE)}{item}{draw(_SPACE)}' for item in items
    ]
    return "{" + draw(_SPACE) + ",".join(members) + "}"


@given(text=_texts(), before=_SPACE, after=st.sampled_from(["", " ", "\n", " x", ",", "}"]))
@example(text='{"a": "x:y", "a": 1}', before="", after="")
@example(text='{"a": "\\u003a", "a": 1}', before="", after="")
@example(text='{"a": 1, "a": 2, "b": "\\u003a"}', before="", after="")
@example(text='{"a:": 1, "a:": 2}', before="", after="")
@example(text='{"a": {"b": 1, "b": 2}, "c": ', before="", after="")
@example(text='{"a": 1, "a": 2, "b": NaN}', before="", after="")
@example(text='{"a": 1}', before="\ufeff", after="")
def test_counting_reads_what_checking_each_object_reads(text: str, before: str, after: str) -> None:
    """Any text: the same value, or the same error in the same words, as checking each object."""
    whole = before + text + after
    assert _outcome(_checking_each, whole) == _outcome(parse_json, whole)


@given(text=_texts())
def test_colons_counted_in_the_bytes_are_those_of_the_text(text: str) -> None:
    """The count a caller gives from the UTF-8 bytes reads as the text's own count."""
    counted = text.encode("utf-8", "surrogatepass").count(b":")
    assert _outcome(parse_json, text) == _outcome(lambda t: parse_json(t, counted), text)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": "x:y", "b": {"c": "d:e"}, "a": "z"}',
        '{"a": {"x": ":", "x": ":"}}',
        '[{"a": 1}, {"b": 2, "b": 3}]',
        '{"a\\u003a": 1, "a\\u003a": 2}',
        '{"a": 1, "a": 2, "b": "\\u003a"}',
    ],
)
def test_a_key_given_twice_is_refused_whatever_colons_the_strings_hold(text: str) -> None:
    """Colons inside strings, keys written with escapes: the key given twice is still named."""
    with pytest.raises(InvalidValueError, match="is given twice in one object; give each key once"):
        parse_json(text)


def test_colons_inside_strings_are_read_without_a_second_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file whose strings hold colons (addresses, times) is read once, when no key repeats."""
    text = '{"url": "https://example.org", "at": "10:30", "list": [{"a:b": "c:d"}]}'
    monkeypatch.setattr(json_text, "_DECODER", None)  # a second reading would fail
    assert json.loads(text) == parse_json(text)
