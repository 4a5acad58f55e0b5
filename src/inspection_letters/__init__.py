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
    from ._cli.batch import BatchItem, BatchResult, letter_file_name, render_batch
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
        OutputFileError,
        PluginError,
        ReportFileError,
        TemplateError,
        TemplateSecurityError,
        UnknownNameError,
        WriterError,
    )
    from ._letters.audiences import Audience, AudienceRegistry, audiences, graded_only, no_context
    from ._letters.director import Change, DirectorOutcome, director_outcome
    from ._letters.letter import (
        FindingList,
        GradeRow,
        GradeTable,
        Heading,
        Letter,
        Letterhead,
        Paragraph,
        Placeholder,
        Quote,
        Signature,
    )
    from ._letters.render import render_letter
    from ._model.frameworks import Framework, InspectionType, JudgementArea
    from ._model.grades import Grade
    from ._model.inspection import (
        Finding,
        Inspection,
        Judgement,
        LetterDetails,
        LocalAuthority,
        PreviousOutcome,
        Quotation,
    )
    from ._model.people import OFFICES, Office, Recipient, Signatory, office
    from ._model.rules import RULES, Problem, Rule, Severity, check, validate
    from ._readability.checking import check_readability
    from ._readability.plain_language import PLAIN_LANGUAGE_RULES, PlainLanguageRule
    from ._readability.report import ReadabilityIssue, ReadabilityReport
    from ._readers.councils import Council, find_council
    from ._readers.example import example_inspection
    from ._readers.file_check import validate_file
    from ._readers.json_files import dump_inspection, load_inspection
    from ._readers.outcomes import read_outcomes
    from ._readers.report_body import Improvement, ReportParagraph, ReportSection
    from ._readers.reports import Footnote, Report, read_report
    from ._readers.schema import inspection_schema
    from ._writers.formats import Format, FormatRegistry, Writer, formats

# Where each exported name lives: the private module, and the names it gives.
_EXPORTS: dict[str, str] = {
    name: module
    for module, names in {
        "._letters.audiences": "Audience AudienceRegistry audiences graded_only no_context",
        "._cli.batch": "BatchItem BatchResult letter_file_name render_batch",
        "._letters.director": "Change DirectorOutcome director_outcome",
        "._errors": (
            "InspectionFileError InspectionLettersError InvalidFieldsError "
            "InvalidInspectionError InvalidValueError LetterNotDueError "
            "MissingExtraError MissingInputError OutcomesFileError OutputFileError "
            "PluginError ReportFileError TemplateError TemplateSecurityError "
            "UnknownNameError WriterError"
        ),
        "._readers.example": "example_inspection",
        "._readers.file_check": "validate_file",
        "._writers.formats": "Format FormatRegistry Writer formats",
        "._model.frameworks": "Framework InspectionType JudgementArea",
        "._model.grades": "Grade",
        "._model.inspection": (
            "Finding Inspection Judgement LetterDetails LocalAuthority PreviousOutcome Quotation"
        ),
        "._readers.json_files": "dump_inspection load_inspection",
        "._letters.letter": (
            "FindingList GradeRow GradeTable Heading Letter Letterhead Paragraph Placeholder Quote "
            "Signature"
        ),
        "._readers.outcomes": "read_outcomes",
        "._readers.councils": "Council find_council",
        "._readers.report_body": "Improvement ReportParagraph ReportSection",
        "._readers.reports": "Footnote Report read_report",
        "._model.people": "OFFICES Office Recipient Signatory office",
        "._readability.plain_language": "PLAIN_LANGUAGE_RULES PlainLanguageRule",
        "._readability.checking": "check_readability",
        "._readability.report": "ReadabilityIssue ReadabilityReport",
        "._letters.render": "render_letter",
        "._model.rules": "RULES Problem Rule Severity check validate",
        "._readers.schema": "inspection_schema",
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
    "Council",
    "DirectorOutcome",
    "Finding",
    "FindingList",
    "Footnote",
    "Format",
    "FormatRegistry",
    "Framework",
    "Grade",
    "GradeRow",
    "GradeTable",
    "Heading",
    "Improvement",
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
    "OutputFileError",
    "Paragraph",
    "Placeholder",
    "PlainLanguageRule",
    "PluginError",
    "PreviousOutcome",
    "Problem",
    "Quotation",
    "Quote",
    "ReadabilityIssue",
    "ReadabilityReport",
    "Recipient",
    "Report",
    "ReportFileError",
    "ReportParagraph",
    "ReportSection",
    "Rule",
    "Severity",
    "Signatory",
    "Signature",
    "TemplateError",
    "TemplateSecurityError",
    "UnknownNameError",
    "Writer",
    "WriterError",
    "audiences",
    "check",
    "check_readability",
    "director_outcome",
    "dump_inspection",
    "example_inspection",
    "find_council",
    "formats",
    "graded_only",
    "inspection_schema",
    "letter_file_name",
    "load_inspection",
    "no_context",
    "office",
    "read_outcomes",
    "read_report",
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
