"""Ofsted's inspections of English councils' children's services, and their letters.

Describe an inspection once, check it against the ILACS framework's rules, and
write the letters that follow it::

    from inspection_letters import load_inspection, validate

    inspection = load_inspection("examples/gloucestershire-2022.json")
    problems = validate(inspection)

This module only re-exports; the code lives in private modules.
"""

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
    TemplateError,
    TemplateSecurityError,
    UnknownNameError,
)
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
from ._people import OFFICES, Office, Recipient, Signatory, office
from ._rules import RULES, Problem, Rule, Severity, check, validate

__all__ = [
    "OFFICES",
    "RULES",
    "Finding",
    "Framework",
    "Grade",
    "Inspection",
    "InspectionFileError",
    "InspectionLettersError",
    "InspectionType",
    "InvalidFieldsError",
    "InvalidInspectionError",
    "InvalidValueError",
    "Judgement",
    "JudgementArea",
    "LetterDetails",
    "LetterNotDueError",
    "LocalAuthority",
    "MissingExtraError",
    "MissingInputError",
    "Office",
    "OutcomesFileError",
    "PreviousOutcome",
    "Problem",
    "Quotation",
    "Recipient",
    "Rule",
    "Severity",
    "Signatory",
    "TemplateError",
    "TemplateSecurityError",
    "UnknownNameError",
    "check",
    "dump_inspection",
    "load_inspection",
    "office",
    "validate",
]
