"""Ofsted's inspections of English councils' children's services, and their letters.

Describe an inspection once, check it against the ILACS framework's rules, and
write the letters that follow it::

    from inspection_letters import load_inspection, validate

    inspection = load_inspection("examples/gloucestershire-2022.json")
    problems = validate(inspection)

This module only re-exports; the code lives in private modules.
"""

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
