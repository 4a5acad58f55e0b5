"""Without an optional extra, the part of the library that needs it says what to install."""

import subprocess
import sys

import pytest

from inspection_letters import MissingExtraError

# Imports the strategies with hypothesis hidden, as if it were not installed.
_WITHOUT_HYPOTHESIS = """
import sys
sys.modules["hypothesis"] = None
from inspection_letters import MissingExtraError
try:
    import inspection_letters.strategies
except MissingExtraError as error:
    print(type(error).__name__, isinstance(error, ImportError), error, sep="|")
"""


def test_strategies_without_hypothesis_name_the_extra() -> None:
    """``import inspection_letters.strategies`` without hypothesis names the extra to install."""
    completed = subprocess.run(
        [sys.executable, "-c", _WITHOUT_HYPOTHESIS],
        capture_output=True,
        text=True,
        check=True,
    )
    expected = (
        "MissingExtraError|True|The hypothesis strategies need the optional extra 'hypothesis'; "
        "install it with: pip install 'inspection-letters[hypothesis]'\n"
    )
    assert expected == completed.stdout


@pytest.mark.parametrize(("feature", "extra"), [("PDF letters", "pdf"), ("Word letters", "docx")])
def test_missing_extra_message_agrees_with_its_plural_feature(feature: str, extra: str) -> None:
    """The message reads "PDF letters need", not "needs"."""
    expected = (
        f"{feature} need the optional extra {extra!r}; "
        f"install it with: pip install 'inspection-letters[{extra}]'"
    )
    assert expected == str(MissingExtraError(feature, extra))
