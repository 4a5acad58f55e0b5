"""Ofsted's inspections of English councils' children's services, and their letters.

Describe an inspection once, check it against the ILACS framework's rules, and
write the letters that follow it::

    from inspection_letters import load_inspection, validate

    inspection = load_inspection("examples/gloucestershire-2022.json")
    problems = validate(inspection)

This module only re-exports; the code lives in private modules.
"""

# Every name is imported on first use (PEP 562), so that ``import inspection_letters``
# costs almost nothing and each part of the library costs only its own imports
# (Jinja2 for letters, cattrs for JSON, the outcomes readers, hypothesis...).
# Type checkers and IDEs read the imports below; at run time they are skipped.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from ._audiences import Audience, AudienceRegistry, audiences, graded_only, no_context
    from ._batch import BatchItem, BatchResult, letter_file_name, render_batch
    from ._director import Change, DirectorOutcome, director_outcome
    from ._errors import (
        InspectionFileError,
        InspectionLettersError,
        InvalidFieldsError,
        InvalidInspectionError,
        InvalidValueError,
        LetterNotDueError,
        MissingExtraError,
        MissingInputError,
        OutcomesFileError,
        PluginError,
        TemplateError,
        TemplateSecurityError,
        UnknownNameError,
    )
    from ._file_check import validate_file
    from ._formats import Format, FormatRegistry, Writer, formats
    from ._frameworks import Framework, InspectionType, JudgementArea
    from ._grades import Grade
    from ._inspection import (
        Finding,
        Inspection,
        Judgement,
        LetterDetails,
        LocalAuthority,
        PreviousOutcome,
        Quotation,
    )
    from ._json import dump_inspection, load_inspection
    from ._letter import (
        FindingList,
        GradeRow,
        GradeTable,
        Heading,
        Letter,
        Letterhead,
        Paragraph,
        Quote,
        Signature,
    )
    from ._outcomes import read_outcomes
    from ._people import OFFICES, Office, Recipient, Signatory, office
    from ._plain_language import PLAIN_LANGUAGE_RULES, PlainLanguageRule, check_readability
    from ._readability import ReadabilityIssue, ReadabilityReport
    from ._render import render_letter
    from ._rules import RULES, Problem, Rule, Severity, check, validate
    from ._schema import inspection_schema

# Where each exported name lives: the private module, and the names it gives.
_EXPORTS: dict[str, str] = {
    name: module
    for module, names in {
        "._audiences": "Audience AudienceRegistry audiences graded_only no_context",
        "._batch": "BatchItem BatchResult letter_file_name render_batch",
        "._director": "Change DirectorOutcome director_outcome",
        "._errors": (
            "InspectionFileError InspectionLettersError InvalidFieldsError "
            "InvalidInspectionError InvalidValueError LetterNotDueError "
            "MissingExtraError MissingInputError OutcomesFileError PluginError "
            "TemplateError TemplateSecurityError UnknownNameError"
        ),
        "._file_check": "validate_file",
        "._formats": "Format FormatRegistry Writer formats",
        "._frameworks": "Framework InspectionType JudgementArea",
        "._grades": "Grade",
        "._inspection": (
            "Finding Inspection Judgement LetterDetails LocalAuthority PreviousOutcome Quotation"
        ),
        "._json": "dump_inspection load_inspection",
        "._letter": (
            "FindingList GradeRow GradeTable Heading Letter Letterhead Paragraph Quote Signature"
        ),
        "._outcomes": "read_outcomes",
        "._people": "OFFICES Office Recipient Signatory office",
        "._plain_language": "PLAIN_LANGUAGE_RULES PlainLanguageRule check_readability",
        "._readability": "ReadabilityIssue ReadabilityReport",
        "._render": "render_letter",
        "._rules": "RULES Problem Rule Severity check validate",
        "._schema": "inspection_schema",
    }.items()
    for name in names.split()
}

__all__ = [
    "OFFICES",
    "PLAIN_LANGUAGE_RULES",
    "RULES",
    "Audience",
    "AudienceRegistry",
    "BatchItem",
    "BatchResult",
    "Change",
    "DirectorOutcome",
    "Finding",
    "FindingList",
    "Format",
    "FormatRegistry",
    "Framework",
    "Grade",
    "GradeRow",
    "GradeTable",
    "Heading",
    "Inspection",
    "InspectionFileError",
    "InspectionLettersError",
    "InspectionType",
    "InvalidFieldsError",
    "InvalidInspectionError",
    "InvalidValueError",
    "Judgement",
    "JudgementArea",
    "Letter",
    "LetterDetails",
    "LetterNotDueError",
    "Letterhead",
    "LocalAuthority",
    "MissingExtraError",
    "MissingInputError",
    "Office",
    "OutcomesFileError",
    "Paragraph",
    "PlainLanguageRule",
    "PluginError",
    "PreviousOutcome",
    "Problem",
    "Quotation",
    "Quote",
    "ReadabilityIssue",
    "ReadabilityReport",
    "Recipient",
    "Rule",
    "Severity",
    "Signatory",
    "Signature",
    "TemplateError",
    "TemplateSecurityError",
    "UnknownNameError",
    "Writer",
    "audiences",
    "check",
    "check_readability",
    "director_outcome",
    "dump_inspection",
    "formats",
    "graded_only",
    "inspection_schema",
    "letter_file_name",
    "load_inspection",
    "no_context",
    "office",
    "read_outcomes",
    "render_batch",
    "render_letter",
    "validate",
    "validate_file",
]


# Hidden from type checkers, which then still report a misspelt name.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        module = _EXPORTS.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value  # the next use finds it without this function
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
