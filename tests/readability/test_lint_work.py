"""``lint`` reads each distinct token once: the same report as every rule on every sentence.

Nothing here is timed (``benchmarks/run.py`` measures the speed, as a ratio to
rendering the letter). The report is checked against the plain reading of
every sentence by every rule, its scores against counting sentence by
sentence, its faster searches against the plain patterns, and the work is
counted as the lines of the readability code that run, which must grow no
faster than the text.
"""

import re
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspection_letters import PLAIN_LANGUAGE_RULES, Severity, check_readability
from inspection_letters._readability import checking
from inspection_letters._readability.plain_language import _SPLITS, RuleContext, first_splits
from inspection_letters._readability.report import ReadabilityIssue, issue_of, segments
from inspection_letters._readability.screening import _DATES, RULE_BITS, _screen, phrase_body
from inspection_letters._readability.style_patterns import _PASSIVE, PASSIVE_IN_LOWER_CASE, passives
from inspection_letters._readability.syllables import syllable_counter

# Words that set off each rule, and plain ones, to build texts from.
_WORDS = [
    "children", "We", "met", "you", "and", "your", "key", "worker", "utilise", "UTILISE",
    "in order to", "one-stop shop", "ring-fenced", "IRO", "IROs", "LAC", "CiC", "(IRO)",
    "independent reviewing officer", "eg", "e.g.", "etc", "i.e.", "approx", "was", "helped",
    "is", "needed", "were", "told", "two", "Twenty-one", "hundred", "one or two", "01/04/2022",
    "April 1st", "1 Apr 2022", "2022-04-01", "Sept", "Mr.", "Smith", "café", "naïve", "Ŵyr",
    "İstanbul", "KEY", "deliver", "Delivering", "0", "7", "-", ",", ";", "because",
]  # fmt: skip


@st.composite
def _texts(draw: st.DrawFn) -> str:
    sentences = draw(
        st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40), min_size=1, max_size=8)
    )
    breaks = draw(st.lists(st.sampled_from([" ", "\n", "\n\n", "\n- "]), min_size=8, max_size=8))
    text = "".join(
        f"{' '.join(words)}.{breaks[n % len(breaks)]}" for n, words in enumerate(sentences)
    )
    return f"Our visit\n\nWe met you.\n\n{text}"


def _every_rule_on_every_sentence(text: str) -> tuple[ReadabilityIssue, ...]:
    context = RuleContext.build(
        text, max_sentence_words=25, extra_words_to_avoid={}, extra_acronyms={}
    )
    return tuple(
        issue
        for part in segments(text)
        for rule in PLAIN_LANGUAGE_RULES
        for issue in rule.issues(part, context)
    )


@given(_texts())
def test_screened_report_is_every_rule_on_every_sentence(text: str) -> None:
    """Screening sentences first changes nothing: the same issues, in the same order."""
    assert _every_rule_on_every_sentence(text) == check_readability(text).issues


def _lines_run(text: str) -> int:
    """How many lines of the readability code run to check ``text``."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if "_readability" not in frame.f_code.co_filename:
            return None
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        check_readability(text)
    finally:
        sys.settrace(None)
    return count


def _paragraphs(count: int) -> Iterator[str]:
    sentence = "Workers visit children at home and they key in notes after each visit"
    for n in range(count):
        yield f"{sentence} number {n}. The IRO was told on 01/04/2022 and"


def test_work_grows_linearly_with_the_text() -> None:
    """Twice the text, at most a little over twice the work: one block of many lines, too.

    A paragraph wrapped over many lines was cut into sentences by walking its
    lines for each sentence, the product of the two.
    """
    for joiner in ("\n\n", "\n"):  # many paragraphs; one paragraph of many lines
        small = _lines_run(joiner.join(_paragraphs(200)) + ".")
        large = _lines_run(joiner.join(_paragraphs(400)) + ".")
        assert large <= 2.2 * small, f"{joiner!r}: {small} lines run, then {large}"


_OLD_DATES = re.compile(r"\d[/.-]\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


@given(st.text(alphabet=st.sampled_from([*"JanFebMarAprMayJunJulAugSepOctNovDec", *"0/.-7 xé_"])))
def test_date_screen_matches_where_the_plain_alternatives_do(text: str) -> None:
    """The date screen, written to start with a set of characters, matches where it did."""
    expected = [m.span() for m in _OLD_DATES.finditer(text)]
    assert expected == [m.span() for m in _DATES.finditer(text)]


_PASSIVE_WORDS = [
    "is", "Is", "IS", "isn't", "am", "are", "aren't", "was", "WAS", "wasn't", "were", "weren't",
    "be", "been", "Being", "not", "never", "always", "helped", "Told", "needed", "worried",
    "seen", "red", "this", "wish", "abe", "ais", "xwas", "-", "'", "_", "7",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(_PASSIVE_WORDS), max_size=12),
    st.lists(st.sampled_from([" ", "  ", "\n", "", "-", ", "]), min_size=12, max_size=12),
)
def test_passive_screen_matches_where_the_passive_does(words: list[str], gaps: list[str]) -> None:
    """In lower-cased ASCII text, the passive's screen matches wherever the passive does."""
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    lowered = text.lower()
    starts = [match.start() for match in _PASSIVE.finditer(text)]
    assert starts == [s for s in starts if PASSIVE_IN_LOWER_CASE.match(lowered, s)]


_SCREENED_WORDS = ["IRO", "IROs", "CiC", "in order to", "one-stop", "eg", "e.g", "two", "Two"]
_SCREENED_TEXT = st.text(
    alphabet=st.sampled_from([*"IROsCicnordteg.wTO", " ", "-", "\n", "_", "é"])
)


@given(st.lists(st.sampled_from(_SCREENED_WORDS), min_size=1, max_size=4), _SCREENED_TEXT)
def test_screens_match_where_their_plain_forms_do(words: list[str], text: str) -> None:
    """A screen, with each word's first letter before its look back, matches where it did.

    Case-sensitive screens read the text as it is; case-blind ones, in ASCII text,
    read it in lower case.
    """
    bodies = [phrase_body(word) for word in words]
    plain = re.compile(rf"(?<![\w-])(?:{'|'.join(bodies)})")
    expected = [m.span() for m in plain.finditer(text)]
    assert expected == [m.span() for m in _screen(r"[\w-]", bodies).finditer(text)]
    text = text.replace("é", "e")
    blind = re.compile(plain.pattern, re.IGNORECASE)
    lowered = _screen(r"[\w-]", [phrase_body(word.lower()) for word in words])
    expected = [m.span() for m in blind.finditer(text)]
    assert expected == [m.span() for m in lowered.finditer(text.lower())]


@given(
    st.lists(st.sampled_from(["We", "met", "you", ",", ";", "and", "but", "because"]), max_size=60)
)
def test_long_sentence_splits_nearest_the_middle(words: list[str]) -> None:
    """The split suggested is the first of those nearest the middle, as a sort of all of them."""
    text = " ".join(["Word"] * 26 + words) + "."
    context = RuleContext.build(
        text, max_sentence_words=25, extra_words_to_avoid={}, extra_acronyms={}
    )
    (segment,) = segments(text)
    middle = len(text) / 2
    advice = "split it into shorter sentences, one idea to a sentence"
    for pattern in _SPLITS:
        found = sorted(pattern.finditer(text), key=lambda m: abs(m.start() - middle))
        if found:
            after = " ".join(text[found[0].start() :].split()[:4])
            advice += f"; perhaps at '{after}'"
            break
    (issue,) = PLAIN_LANGUAGE_RULES[0].issues(segment, context)
    assert advice == issue.suggestion


@given(
    st.lists(
        st.sampled_from(["b", "but", "because", " ", "\n", ",", ";", "and", "as", "x", "\xa0"]),
        max_size=30,
    )
)
def test_first_splits_are_where_the_plain_pattern_matches(pieces: list[str]) -> None:
    """The fast search for a long sentence's first kind of split finds what its pattern does."""
    text = "".join(pieces)
    assert [m.start() for m in _SPLITS[0].finditer(text)] == first_splits(text)


_EXTRA_WORDS = {"A&E": "accident and emergency", "naïve": "", "stop shop": "a shop", "met": ""}
_EXTRA_ACRONYMS = {"A&E": "", "KEY": "", "Smith": "a name"}


@given(_texts(), st.sampled_from([5, 25]))
def test_report_with_extra_words_is_every_rule_on_every_sentence(text: str, most: int) -> None:
    """Extra words and acronyms, some not letters and digits, and another limit: the same."""
    context = RuleContext.build(
        text,
        max_sentence_words=most,
        extra_words_to_avoid=_EXTRA_WORDS,
        extra_acronyms=_EXTRA_ACRONYMS,
    )
    expected = tuple(
        issue
        for part in segments(text)
        for rule in PLAIN_LANGUAGE_RULES
        for issue in rule.issues(part, context)
    )
    report = check_readability(
        text,
        extra_words_to_avoid=_EXTRA_WORDS,
        extra_acronyms=_EXTRA_ACRONYMS,
        max_sentence_words=most,
    )
    assert expected == report.issues


def _plain_scores(text: str) -> tuple[int, int, int, tuple[str, ...]]:
    """The sentences, words, syllables and longest sentences, counted sentence by sentence."""
    count, _ = syllable_counter()
    sentences = [part for part in segments(text) if part.prose]
    words = [word for part in sentences for word in part.words]
    ranked = sorted(enumerate(sentences), key=lambda pair: (-len(pair[1].words), pair[0]))
    longest = tuple(part.text for _, part in ranked[:3])
    return len(sentences), len(words), sum(count(word) for word in words), longest


def _scores(text: str) -> tuple[int, int, int, tuple[str, ...]]:
    report = check_readability(text)
    return report.sentences, report.words, report.syllables, report.longest_sentences


@given(_texts())
def test_scores_are_those_counted_sentence_by_sentence(text: str) -> None:
    """A segment's words and syllables, summed from its tokens, are those of its words."""
    assert _plain_scores(text) == _scores(text)


@given(_texts())
def test_segments_of_a_million_characters_are_counted_alike(text: str) -> None:
    """The counts of a segment too long to pack are summed token by token: the same report."""
    expected = check_readability(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checking, "LONGEST_PACKED", 1)
        assert expected == check_readability(text)


@given(_texts(), st.integers(min_value=1, max_value=80))
def test_long_segments_among_short_ones_are_counted_alike(text: str, longest: int) -> None:
    """Segments too long to pack, among others that are not, are counted alike: the same report."""
    expected = check_readability(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checking, "LONGEST_PACKED", longest)
        assert expected == check_readability(text)


def test_a_segment_of_thousands_of_characters_is_counted() -> None:
    """A segment longer than a packed sum can hold has its words and syllables all counted."""
    sentence = " ".join(["We met you and your carer was asked to help"] * 500) + "."
    text = f"Our visit\n\n{sentence} You helped us."
    report = check_readability(text)
    assert (2, 5003) == (report.sentences, report.words)
    assert ["long-sentence", "passive-voice"] == [issue.code for issue in report.issues][:2]


def test_a_full_table_of_tokens_starts_again() -> None:
    """The table of tokens is emptied when it is full, and the report is the same."""
    text = " ".join(f"We met {n} children and they were helped." for n in range(50))
    expected = check_readability(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(checking, "_MOST_TOKENS", 10)
        assert expected == check_readability(text)
        assert expected == check_readability(text)


@given(
    st.text(max_size=5),
    st.sampled_from(Severity),
    st.text(max_size=5),
    st.integers(min_value=1),
    st.text(max_size=5),
)
def test_an_issue_made_fast_is_the_issue(
    code: str, severity: Severity, sentence: str, line: int, message: str
) -> None:
    """``issue_of`` makes the issue that ``ReadabilityIssue(...)`` does."""
    expected = ReadabilityIssue(
        code=code,
        severity=severity,
        sentence=sentence,
        line=line,
        message=message,
        summary=message,
        suggestion=sentence,
    )
    made = issue_of(code, severity, sentence, line, message, message, sentence)
    assert (expected, hash(expected), repr(expected)) == (made, hash(made), repr(made))


@given(
    st.lists(st.sampled_from(_PASSIVE_WORDS), max_size=12),
    st.lists(st.sampled_from([" ", "  ", "\n", "\xa0", "-", ", "]), min_size=12, max_size=12),
)
def test_passive_shape_of_tokens_is_where_the_passive_is(words: list[str], gaps: list[str]) -> None:
    """Wherever the passive's pattern reports one, the tokens' codes have the passive's shape."""
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    count, _ = syllable_counter()
    table = checking._token_table((), (), count)
    tokens = text.split()
    sum(map(table.__getitem__, tokens))
    passive = RULE_BITS["passive-voice"]
    if list(passives(text)):
        assert passive == table.rules(tokens, True) & passive
    assert 0 == table.rules(tokens, False) & passive
