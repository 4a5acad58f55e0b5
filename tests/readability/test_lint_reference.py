"""``check_readability`` gives the report its reference implementation gives, byte for byte.

The reference (:mod:`tests.readability.reference_checking`) is the check as it
was before it read the whole text at once. Both read thousands of generated
texts, the example's letters, letters of many repeated findings and, where
``../shared`` is present, the letters of the 271 published inspections; their
reports must be equal, and print the same.
"""

from functools import cache
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspection_letters import (
    Finding,
    Inspection,
    InspectionLettersError,
    ReadabilityIssue,
    Severity,
    check_readability,
    read_outcomes,
    render_letter,
)
from inspection_letters._readability import checking, cutting
from inspection_letters._readability.plain_language import (
    long_sentence_advice,
    long_sentences_advice,
)
from inspection_letters._readability.report import issues_of
from inspection_letters._readability.screening import PASSIVE_SHAPE
from inspection_letters._readability.syllables import syllable_counter
from tests.helpers import ROOT, example
from tests.readability import reference_checking

HISTORY = ROOT.parent / "shared" / "data" / "ofsted" / "ilacs-inspection-history-2018-2025.csv"
needs_history = pytest.mark.skipif(
    not HISTORY.exists(), reason=f"Ofsted's outcomes are not at {HISTORY}"
)

# Words and pieces that set off each rule and each turn of the cutting, to build texts from.
_WORDS = [
    "children", "We", "met", "you", "and", "your", "key", "worker", "utilise", "UTILISE",
    "in order to", "one-stop shop", "ring-fenced", "IRO", "IROs", "LAC", "CiC", "(IRO)",
    "independent reviewing officer", "eg", "e.g.", "etc", "i.e.", "approx", "was", "helped",
    "is", "needed", "were", "told", "two", "Twenty-one", "hundred", "one or two", "01/04/2022",
    "April 1st", "1 Apr 2022", "2022-04-01", "Sept", "Mr.", "Dr.", "Smith", "café", "naïve",
    "Ŵyr", "İstanbul", "KEY", "deliver", "0", "7", "-", "–", ",", ", and", ", but", ";", "but",
    "because", "so", "which", "as", "(", ")", "\"Yes.\"", "'No!'", "“Why?”", "‘Here’", "?",
    "!", ".", "Mrs", "no.", "vs.", "St.", "A&E", "1.", "2)", "x" * 70, "\xa0", "\u2009", "  ",
]  # fmt: skip
_BREAKS = [" ", "\n", "\n\n", "\n- ", "\n* ", "\n• ", "\n1. ", "\n12) ", "\t", "\r\n", "\n  "]
_ENDS = [".", "?", "!", ".”", ".)", "", ":", ". "]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    """A letter-like text: sentences of those words, ended and broken in many ways."""
    pieces = draw(
        st.lists(
            st.tuples(
                st.lists(st.sampled_from(_WORDS), min_size=1, max_size=45),
                st.sampled_from(_ENDS),
                st.sampled_from(_BREAKS),
                st.booleans(),
            ),
            min_size=1,
            max_size=12,
        )
    )
    text = "".join(
        f"{(' '.join(words)).capitalize() if upper else ' '.join(words)}{end}{gap}"
        for words, end, gap, upper in pieces
    )
    return f"Our visit\n\nWe met you.\n\n{text}"


_OPTIONS: list[dict[str, Any]] = [
    {},
    {"max_sentence_words": 5},
    {"disable": ["long-sentence"]},
    {"disable": ["passive-voice", "word-to-avoid"], "max_sentence_words": 12},
    {
        "extra_words_to_avoid": {"A&E": "accident and emergency", "naïve": "", "met": ""},
        "extra_acronyms": {"A&E": "", "KEY": "", "Smith": "a name"},
    },
]


def _outcome(text: str, check: Any, options: dict[str, Any]) -> Any:
    """The report, its print and its representation; or the error, as its type and message."""
    try:
        report = check(text, **options)
    except InspectionLettersError as error:
        return (type(error), str(error))
    return (report, str(report), repr(report))


def _same(text: str, options: dict[str, Any]) -> None:
    expected = _outcome(text, reference_checking.check_readability, options)
    assert expected == _outcome(text, check_readability, options)


@settings(max_examples=1500)
@given(_texts(), st.sampled_from(_OPTIONS))
def test_generated_texts_give_the_reference_report(text: str, options: dict[str, Any]) -> None:
    """Thousands of generated texts, with each set of options: the reference's report."""
    _same(text, options)


@given(st.text(max_size=300), st.sampled_from(_OPTIONS))
def test_any_text_gives_the_reference_report(text: str, options: dict[str, Any]) -> None:
    """Any text at all (an error included): the reference's report, or its error."""
    _same(text, options)


@pytest.mark.parametrize("draft", [False, True])
@pytest.mark.parametrize("audience", ["children", "director"])
def test_the_examples_letters_give_the_reference_report(audience: str, draft: bool) -> None:
    """The example's letters: the reference's report."""
    _same(str(render_letter(example(), audience, draft=draft)), {})


@pytest.mark.parametrize("count", [1, 10, 300])
def test_letters_of_repeated_findings_give_the_reference_report(count: int) -> None:
    """Letters like the benchmark's, of many repeated findings: the reference's report."""
    inspection = example()
    base = inspection.findings[0].text
    findings = tuple(Finding(text=f"{n}: {base}") for n in range(count))
    letter = render_letter(attrs.evolve(inspection, findings=findings), "children")
    _same(str(letter), {})


@cache
def _published() -> tuple[Inspection, ...]:
    return tuple(read_outcomes(HISTORY))


def _letter(inspection: Inspection, audience: str) -> str | None:
    """The draft letter, or ``None`` where none is due (a director's, for some inspections)."""
    try:
        return str(render_letter(inspection, audience, draft=True))
    except InspectionLettersError:
        return None


@needs_history
@pytest.mark.parametrize(("audience", "most_missing"), [("children", 0), ("director", 270)])
def test_published_inspections_letters_give_the_reference_report(
    audience: str, most_missing: int
) -> None:
    """The 271 published inspections' draft letters (those due): each the reference's report."""
    letters = [_letter(i, audience) for i in _published()]
    assert 271 == len(letters)
    assert letters.count(None) <= most_missing
    for letter in letters:
        if letter is not None:
            _same(letter, {})


_SHAPE_WORDS = [
    "is", "are", "was", "been", "being", "not", "never", "always", "helped", "told", "needed",
    "worried", "seen", "We", "met", "you", "(is", "x-was", "Being",
]  # fmt: skip


@given(st.lists(st.lists(st.sampled_from(_SHAPE_WORDS), max_size=6), max_size=12))
def test_passive_shapes_read_at_once_are_each_segments_own(segments: list[list[str]]) -> None:
    """The codes of many segments, read in one search, flag those whose own codes have the shape.

    Short segments of the passive's parts, so that many matches run across two segments.
    """
    count, _ = syllable_counter()
    table = checking._token_table((), (), count)
    for tokens in segments:
        sum(map(table.__getitem__, tokens))
    code = table.codes.__getitem__
    expected = [
        i for i, tokens in enumerate(segments) if PASSIVE_SHAPE.search(bytes(map(code, tokens)))
    ]
    assert expected == checking._passive_shaped(list(range(len(segments))), segments, code)


@given(
    st.lists(st.tuples(st.text(max_size=5), st.integers(min_value=1), st.text(max_size=5))),
    st.sampled_from(Severity),
)
def test_issues_made_at_once_are_the_issues(
    rows: list[tuple[str, int, str]], severity: Severity
) -> None:
    """``issues_of`` makes the issues that ``ReadabilityIssue(...)`` does, each valid."""
    expected = [
        ReadabilityIssue(
            code="code",
            severity=severity,
            sentence=sentence,
            line=line,
            message=message,
            summary="summary",
            suggestion=sentence,
        )
        for sentence, line, message in rows
    ]
    sentences = [sentence for sentence, _, _ in rows]
    lines = [line for _, line, _ in rows]
    messages = [message for _, _, message in rows]
    made = issues_of("code", severity, sentences, lines, messages, "summary", sentences)
    for issue in made:
        attrs.validate(issue)
    assert [(e, hash(e), repr(e)) for e in expected] == [(m, hash(m), repr(m)) for m in made]


@given(st.text(alphabet=st.sampled_from([*".?!\"')]’”‘“([ \n\t\xa0", "A", "a", "0", "é"])))
def test_boundaries_found_end_by_end_are_the_patterns(text: str) -> None:
    """The sentence boundaries found by a search for each end are those of the one pattern."""
    expected = [(m.start(), m.end(1), m.end()) for m in cutting._BOUNDARY.finditer(text)]
    assert expected == cutting.boundaries(text)


_SPLIT_WORDS = ["We", "met", "you", ",", ", and", ",and", ", so", ", as", "x,", "but", "because"]


@given(
    st.lists(st.lists(st.sampled_from(_SPLIT_WORDS), max_size=30), max_size=8),
    st.sampled_from(["", ";", " but", " because"]),
)
def test_advice_of_many_sentences_is_each_ones(sentences: list[list[str]], some: str) -> None:
    """The advice of many long sentences at once is each one's, with or without *but* or ``;``."""
    texts = [" ".join(["Word"] * 26 + words) + "." for words in sentences]
    texts = [*texts, f"Word{some} word."]
    expected = [long_sentence_advice(text) for text in texts]
    assert expected == long_sentences_advice(texts)
    assert expected[:-1] == long_sentences_advice(texts[:-1])
