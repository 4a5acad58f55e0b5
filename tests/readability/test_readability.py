"""Plain language: the reading-ease formulas, the sentences they count, and each rule."""

import subprocess
import sys
from typing import Any

import pytest

from inspection_letters import (
    PLAIN_LANGUAGE_RULES,
    InvalidValueError,
    ReadabilityReport,
    Severity,
    UnknownNameError,
    check_readability,
)
from inspection_letters._readability.plain_language import abbreviations, acronyms, words_to_avoid
from inspection_letters._readability.report import (
    flesch_kincaid_grade,
    flesch_reading_ease,
    segments,
    uk_reading_age,
)
from inspection_letters._readability.syllables import (
    HEURISTIC,
    PYPHEN,
    heuristic_syllables,
    syllable_counter,
)
from tests.helpers import ROOT

SEED = ROOT.parent / "shared" / "seeds" / "001_82d113a305143e0c.txt"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason=f"the seed letter is not at {SEED}")

# Sentences of the seed children's letter (Gloucestershire, 1 April 2022).
LONGEST = (
    "Social workers and personal advisers spend time with children so that they can get to "
    "know them well, but some children still have too many changes in workers, so they find "
    "it hard to trust staff they don't know."
)
NEEDED = (
    "Some disabled children wait too long for services that they need to make sure they get "
    "the help when it is needed."
)
WORRIED = (
    "When staff are worried about children who go missing from their homes or children who "
    "are unsafe from others that live outside of their family, workers make sure that "
    "children have the right help and support."
)
# From the Gloucestershire inspection report, as quoted in examples/.
STRENGTHENED = (
    "The local authority has strengthened its quality and performance management "
    "arrangements, providing senior leaders with a good understanding of the quality and "
    "impact of practice."
)
PROVIDED = "The director has ensured that staff have been provided with a clear model of practice."


def _found(text: str, code: str, **options: Any) -> list[str]:
    """The messages of the issues of one rule in ``text``."""
    report = check_readability(text, **options)
    return [issue.message for issue in report.issues if issue.code == code]


# -- The formulas ------------------------------------------------------------


def test_reading_ease_worked_example() -> None:
    """100 words, 5 sentences, 130 syllables: 206.835 − 1.015 × 20 − 84.6 × 1.3 = 76.555."""
    assert 76.555 == pytest.approx(flesch_reading_ease(100, 5, 130), abs=1e-9)


def test_grade_worked_example() -> None:
    """100 words, 5 sentences, 130 syllables: 0.39 × 20 + 11.8 × 1.3 − 15.59 = 7.55."""
    assert 7.55 == pytest.approx(flesch_kincaid_grade(100, 5, 130), abs=1e-9)


def test_worked_example_of_long_sentences_and_long_words() -> None:
    """150 words, 4 sentences, 240 syllables: ease 28.35, grade 18.88 (by hand)."""
    # 206.835 − 1.015 × 37.5 − 84.6 × 1.6 = 206.835 − 38.0625 − 135.36 = 33.4125
    # 0.39 × 37.5 + 11.8 × 1.6 − 15.59 = 14.625 + 18.88 − 15.59 = 17.915
    assert 33.4125 == pytest.approx(flesch_reading_ease(150, 4, 240), abs=1e-9)
    assert 17.915 == pytest.approx(flesch_kincaid_grade(150, 4, 240), abs=1e-9)


def test_uk_reading_age_is_the_grade_plus_five() -> None:
    """Grade 4 is a reading age of 9, GOV.UK's target."""
    assert 9.0 == uk_reading_age(4.0)


def test_formulas_need_a_word_and_a_sentence() -> None:
    """Nothing to measure is a bad value, not a division by zero."""
    with pytest.raises(InvalidValueError, match="need at least 1 of each"):
        flesch_reading_ease(0, 0, 0)


def test_text_of_one_syllable_words_agrees_with_the_formulas() -> None:
    """'The cat sat on the mat.': 6 words, 1 sentence, 6 syllables: ease 116.1, grade −1.4."""
    report = check_readability("The cat sat on the mat.")
    expected = (6, 1, 6, 116.145, -1.45)
    actual = (
        report.words,
        report.sentences,
        report.syllables,
        round(report.flesch_reading_ease, 3),
        round(report.flesch_kincaid_grade, 3),
    )
    assert expected == actual


def test_text_of_unambiguous_syllables_agrees_within_one_point() -> None:
    """8 words, 2 sentences, 12 syllables by hand: ease 75.875, grade 3.67, reading age 8.67."""
    report = check_readability("Social workers listen to children. They help them.")
    # 206.835 − 1.015 × 4 − 84.6 × 1.5 = 75.875; 0.39 × 4 + 11.8 × 1.5 − 15.59 = 3.67
    assert (8, 2, 12) == (report.words, report.sentences, report.syllables)
    assert abs(75.875 - report.flesch_reading_ease) < 1
    assert abs(3.67 - report.flesch_kincaid_grade) < 1
    assert abs(8.67 - report.reading_age) < 1


# -- Syllables -----------------------------------------------------------------

KNOWN_SYLLABLES = {
    "make": 1,
    "homes": 1,
    "worked": 1,
    "wanted": 2,
    "little": 2,
    "people": 2,
    "centre": 2,
    "about": 2,
    "area": 3,
    "idea": 3,
    "services": 3,
    "changes": 2,
    "placement": 2,
    "someone": 2,
    "experiences": 5,
    "actually": 4,
    "inspectors": 3,
    "February": 4,
    "independent": 4,
    "you": 1,
}


def test_vowel_groups_count_known_words() -> None:
    """The pure-Python counter gets common words of a letter right."""
    assert KNOWN_SYLLABLES == {word: heuristic_syllables(word) for word in KNOWN_SYLLABLES}


def test_pyphen_and_vowel_groups_together_count_known_words() -> None:
    """With pyphen, the larger count is right where pyphen's patterns alone undercount."""
    pytest.importorskip("pyphen")
    count, method = syllable_counter()
    assert PYPHEN == method
    assert KNOWN_SYLLABLES == {word: count(word) for word in KNOWN_SYLLABLES}


def test_hyphens_apostrophes_and_numbers() -> None:
    """Parts of a hyphenated word add up; a possessive adds nothing; a number is one."""
    count, _ = syllable_counter()
    assert [5, 2, 1, 1] == [count(w) for w in ("multi-agency", "children's", "don't", "2017")]


def test_without_pyphen_the_vowel_groups_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """When pyphen cannot be imported, the report still comes, and says how it counted."""
    monkeypatch.setitem(sys.modules, "pyphen", None)
    report = check_readability(LONGEST)
    assert (HEURISTIC, 39) == (report.syllable_method, report.words)


def test_importing_the_library_does_not_import_pyphen() -> None:
    """pyphen is optional and imported only when syllables are counted."""
    code = "import sys, inspection_letters; print('pyphen' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "False" == result.stdout.strip()


# -- Sentences -----------------------------------------------------------------


def test_headings_tables_and_letterheads_are_not_sentences() -> None:
    """Only lines ending a sentence are prose; a tab makes a table row."""
    text = (
        "2 Rivergate\nBristol\n\nInspection of children's services\n\n"
        "What grades did inspectors give the local authority?\n\n"
        "Judgement\tGrade\nOverall effectiveness\tRequires improvement to be good\n\n"
        "- Disabled children have help. Some wait too long.\n\nYours sincerely\n"
    )
    expected = [
        ("2 Rivergate", False, 1),
        ("Bristol", False, 2),
        ("Inspection of children's services", False, 4),
        ("What grades did inspectors give the local authority?", True, 6),
        ("Judgement\tGrade", False, 8),
        ("Overall effectiveness\tRequires improvement to be good", False, 9),
        ("Disabled children have help.", True, 11),
        ("Some wait too long.", True, 11),
        ("Yours sincerely", False, 13),
    ]
    assert expected == [(s.text, s.prose, s.line) for s in segments(text)]


def test_a_wrapped_paragraph_is_joined_and_keeps_its_lines() -> None:
    """A sentence wrapped over lines is one sentence; the next starts on its own line."""
    text = "Inspectors visited your area\nin February 2022. They met\nyou and your carers.\n"
    expected = [
        ("Inspectors visited your area in February 2022.", 1),
        ("They met you and your carers.", 2),
    ]
    assert expected == [(s.text, s.line) for s in segments(text)]


def test_titles_and_abbreviations_do_not_end_sentences() -> None:
    """'Mr.' and 'e.g.' are followed by a capital without ending the sentence."""
    text = "Mr. Waugh led the visit. Leaders know some areas, e.g. Gloucester, need work."
    assert 2 == len(segments(text))


# -- The rules -----------------------------------------------------------------


def test_rule_codes_and_severities() -> None:
    """The codes are stable; only a long sentence is an error."""
    expected = [
        ("long-sentence", Severity.ERROR),
        ("unexplained-abbreviation", Severity.ADVISORY),
        ("unexplained-acronym", Severity.ADVISORY),
        ("word-to-avoid", Severity.ADVISORY),
        ("passive-voice", Severity.ADVISORY),
        ("date-format", Severity.ADVISORY),
        ("number-as-word", Severity.ADVISORY),
    ]
    assert expected == [(rule.code, rule.severity) for rule in PLAIN_LANGUAGE_RULES]


def test_long_sentence_from_the_seed() -> None:
    """The seed's 39-word finding is an error, with a place to split it."""
    (issue,) = [i for i in check_readability(LONGEST).issues if i.code == "long-sentence"]
    assert (Severity.ERROR, "39 words; the most is 25") == (issue.severity, issue.message)
    assert "perhaps at ', but some children'" in issue.suggestion


def test_sentence_of_25_words_is_not_long() -> None:
    """25 words is the limit, not over it; a lower limit can be set."""
    sentence = "Children told us " + " ".join(["that they"] * 11) + "."
    assert [] == _found(sentence, "long-sentence")
    assert ["25 words; the most is 20"] == _found(sentence, "long-sentence", max_sentence_words=20)


def test_abbreviations() -> None:
    """'eg', 'e.g.', 'ie' and 'etc' are flagged; 'leg' and 'etching' are not."""
    text = (
        "You do things you enjoy, eg football, e.g. music, etc. I hurt my leg etching, ie drawing."
    )
    messages = _found(text, "unexplained-abbreviation")
    found = [m.split("'")[1] for m in messages]
    assert ["eg", "e.g.", "etc.", "ie"] == found


def test_acronym_unexplained_in_a_seed_finding() -> None:
    """A personal adviser written 'PA' is flagged, with the words to use."""
    text = "Some children leaving care are not able to meet or get help from their PA early enough."
    (issue,) = [i for i in check_readability(text).issues if i.code == "unexplained-acronym"]
    assert "'PA' is not spelled out before it is used" == issue.message
    assert "write 'personal adviser' in full" in issue.suggestion


def test_acronym_explained_in_brackets_first() -> None:
    """'independent reviewing officer (IRO)' explains later uses; a use before is flagged."""
    explained = (
        "Your independent reviewing officer (IRO) checks your plan. Your IRO will visit you."
    )
    assert [] == _found(explained, "unexplained-acronym")
    late = "Your IRO will visit. Your independent reviewing officer (IRO) checks your plan."
    assert ["'IRO' is not spelled out before it is used"] == _found(late, "unexplained-acronym")


def test_acronyms_match_their_case_and_plurals() -> None:
    """'CiC' and 'PAs' are found; 'send' is a verb, not SEND."""
    text = "CiC meet their PAs. Please send us a message."
    expected = [
        "'CiC' is not spelled out before it is used",
        "'PA' is not spelled out before it is used",
    ]
    assert expected == _found(text, "unexplained-acronym")


def test_word_to_avoid_in_the_inspection_report() -> None:
    """'strengthened' is on the GOV.UK list; 'impact' as a noun is not."""
    expected = ["'strengthened' is on the GOV.UK list of words to avoid"]
    assert expected == _found(STRENGTHENED, "word-to-avoid")


def test_word_to_avoid_exceptions() -> None:
    """'key' is flagged but 'key worker' (a job) and 'foster carers' are not."""
    text = "Your key worker and your foster carers are key people. We utilise plans."
    assert [
        "'key' is on the GOV.UK list of words to avoid",
        "'utilise' is on the GOV.UK list of words to avoid",
    ] == _found(text, "word-to-avoid")


def test_custom_words_to_avoid() -> None:
    """Extra words are flagged, with a suggestion when given as a mapping."""
    text = "Each cohort of care leavers has a pathway plan."
    report = check_readability(text, extra_words_to_avoid={"cohort": "group"})
    (issue,) = [i for i in report.issues if i.code == "word-to-avoid"]
    assert ("'cohort' is on your list of words to avoid", "group") == (
        issue.message,
        issue.suggestion,
    )
    assert 1 == len(_found(text, "word-to-avoid", extra_words_to_avoid=["pathway plan"]))


def test_custom_acronyms() -> None:
    """An extra acronym is flagged until explained; a mapping gives its words."""
    text = "The DSL at your school helps you."
    report = check_readability(text, extra_acronyms={"DSL": "designated safeguarding lead"})
    (issue,) = report.issues
    assert "write 'designated safeguarding lead' in full" in issue.suggestion
    assert 1 == len(_found(text, "unexplained-acronym", extra_acronyms=["DSL"]))


def test_passive_in_a_seed_finding() -> None:
    """'when it is needed' is passive; 'staff are worried' is an adjective, not passive."""
    assert ["'is needed' may be passive"] == _found(NEEDED, "passive-voice")
    assert [] == _found(WORRIED, "passive-voice")


def test_passive_with_have_been() -> None:
    """'have been provided' is passive."""
    assert ["'been provided' may be passive"] == _found(PROVIDED, "passive-voice")


def test_passive_in_a_heading_is_not_checked() -> None:
    """Headings are not sentences, so the passive rule leaves them alone."""
    assert [] == _found("What was found\n\nWe met you.", "passive-voice")


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("April 1, 2022", "'1 April 2022'"),
        ("1st April 2022", "'1 April 2022'"),
        ("01/04/2022", "'1 April 2022'"),
        ("2022-04-01", "'1 April 2022'"),
        ("1 Apr 2022", "'1 April 2022'"),
        ("1 April, 2022", "'1 April 2022'"),
        ("Feb 2022", "'February 2022'"),
        ("7.2.22", "'7 February 2022'"),
    ],
)
def test_dates_not_written_the_gov_uk_way(written: str, suggested: str) -> None:
    """Each form is flagged with its GOV.UK form."""
    report = check_readability(f"Inspectors visited on {written}.")
    issues = [i for i in report.issues if i.code == "date-format"]
    assert [
        (f"the date {written!r} is not written as GOV.UK writes dates", f"write {suggested}")
    ] == [(i.message, i.suggestion) for i in issues]


def test_dates_written_the_gov_uk_way() -> None:
    """'1 April 2022', 'April 2022' and a range are accepted."""
    text = "In February 2022, Ofsted inspectors visited your area from 7 to 18 February 2022."
    assert [] == _found(text + " The report came on 1 April 2022.", "date-format")


def test_numbers_as_words() -> None:
    """'twelve' and 'twenty-one' are flagged, with their numerals; 'one' is not."""
    text = "Inspectors spoke to twelve children, twenty-one carers and one worker."
    report = check_readability(text)
    issues = [(i.message, i.suggestion) for i in report.issues if i.code == "number-as-word"]
    expected = [
        ("'twelve' is a number written as a word", "write 12"),
        ("'twenty-one' is a number written as a word", "write 21"),
    ]
    assert expected == issues


def test_numbers_as_words_exceptions() -> None:
    """Whole words only; a sentence may start with a word; 'one or two' is an expression."""
    text = "Someone and no one went. Three children wrote to us. One or two of you asked often."
    assert [] == _found(text, "number-as-word")


def test_number_starting_a_heading_is_flagged() -> None:
    """GOV.UK writes numerals in headings, even at the start."""
    assert ["'Three' is a number written as a word"] == _found(
        "Three things we found\n\nWe met you.", "number-as-word"
    )


# -- Options -------------------------------------------------------------------


def test_disabling_rules() -> None:
    """A disabled rule finds nothing; a single code may be given as a string."""
    assert not check_readability(LONGEST, disable=["long-sentence"]).has_errors
    assert [] == _found(NEEDED, "passive-voice", disable="passive-voice")


def test_unknown_rule_code() -> None:
    """An unknown code names the valid ones."""
    with pytest.raises(
        UnknownNameError, match="'long-sentences' is not a readability rule"
    ) as info:
        check_readability(LONGEST, disable=["long-sentences"])
    assert "long-sentence" in info.value.valid
    assert isinstance(info.value, LookupError)


def test_bad_options() -> None:
    """A limit below 1 and a blank extra word are refused."""
    with pytest.raises(InvalidValueError, match="max_sentence_words"):
        check_readability(LONGEST, max_sentence_words=0)
    with pytest.raises(InvalidValueError, match="extra_words_to_avoid"):
        check_readability(LONGEST, extra_words_to_avoid=[" "])


def test_text_without_sentences() -> None:
    """A text of headings only has nothing to measure."""
    with pytest.raises(InvalidValueError, match="no sentences"):
        check_readability("Inspection of children's services\n\nYours sincerely")


def test_any_object_whose_str_is_the_letter() -> None:
    """A letter object is read through ``str()``."""

    class Letter:
        def __str__(self) -> str:
            return NEEDED

    assert check_readability(NEEDED) == check_readability(Letter())


# -- The seed letter -------------------------------------------------------------


@needs_seed
def test_seed_letter_figures() -> None:
    """The seed scores about 71 (72.8 here, counting its 20 sentences of prose), grade 8.2."""
    report = check_readability(SEED.read_text("utf-8"))
    assert (20, 412) == (report.sentences, report.words)
    assert abs(71 - report.flesch_reading_ease) < 2.5
    assert abs(72.8 - report.flesch_reading_ease) < 0.1
    assert abs(8.2 - report.flesch_kincaid_grade) < 0.1
    assert abs(13.2 - report.reading_age) < 0.1


@needs_seed
def test_seed_letter_names_its_longest_sentences() -> None:
    """The 39-word finding comes first, then the two of 36 words."""
    report = check_readability(SEED.read_text("utf-8"))
    assert (LONGEST, WORRIED) == report.longest_sentences[:2]
    assert "39 words: " + LONGEST in str(report)


@needs_seed
def test_seed_letter_has_errors() -> None:
    """Six of its sentences are over 25 words, and one finding is passive."""
    report = check_readability(SEED.read_text("utf-8"))
    codes = [issue.code for issue in report.issues]
    assert (True, 6, 1) == (report.has_errors, codes.count("long-sentence"), len(codes) - 6)
    assert [35, 35, 36, 37, 38, 41] == [i.line for i in report.errors]


@needs_seed
def test_seed_letter_without_pyphen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The vowel groups alone give the same figures for this letter."""
    monkeypatch.setitem(sys.modules, "pyphen", None)
    report = check_readability(SEED.read_text("utf-8"))
    assert HEURISTIC == report.syllable_method
    assert abs(72.8 - report.flesch_reading_ease) < 1


def test_printed_report() -> None:
    """The printable report gives the figures, the longest sentences and each issue."""
    report = check_readability(LONGEST + " " + NEEDED)
    assert isinstance(report, ReadabilityReport)
    text = str(report)
    assert "Flesch reading ease: " in text
    assert "Longest sentences:\n  39 words: Social workers" in text
    assert "Issues: 1 error, 1 advisory" in text
    assert "line 1: error [long-sentence] 39 words; the most is 25" in text


def test_numbers_with_hundred_and_thousand() -> None:
    """'two hundred' is one number, 200; 'a thousand' is 1,000."""
    report = check_readability("We read two hundred files and a thousand notes.")
    issues = [i.suggestion for i in report.issues if i.code == "number-as-word"]
    assert ["write 200", "write 1,000"] == issues


def test_impossible_date_gets_an_example() -> None:
    """A date that is no date is still flagged, with an example of the GOV.UK form."""
    report = check_readability("The review was on 31/02/2022.")
    issues = [i.suggestion for i in report.issues if i.code == "date-format"]
    assert ["write a date like '1 April 2022'"] == issues


def test_bundled_lists_hold_the_gov_uk_words() -> None:
    """The lists load from the package's data files, with their suggestions."""
    expected = ("use", "child protection", "for example, such as, like or including")
    assert expected == (words_to_avoid()["utilise"], acronyms()["CP"], abbreviations()["eg"])
