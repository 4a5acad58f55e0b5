"""The benchmark keeps working, and a plain import stays light. Nothing here is timed.

``benchmarks/run.py --quick`` runs every case of the benchmark a few times, so
that a change to the library that breaks the benchmark is noticed here rather
than when someone next measures; its figures mean nothing and are not checked.
"""

import subprocess
import sys

import pytest

from tests.helpers import ROOT

RUNNER = ROOT / "benchmarks" / "run.py"
# The extras' packages, and the command line's and the tests' own libraries.
OPTIONAL = ("hypothesis", "weasyprint", "docx", "pyphen", "click", "jsonschema")


def _python(*args: str) -> "subprocess.CompletedProcess[str]":
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.mark.skipif(not RUNNER.exists(), reason=f"the benchmark is not at {RUNNER}")
def test_benchmark_runs_in_quick_mode() -> None:
    """Every section runs and prints its table; the floor still writes the library's letter."""
    done = _python(str(RUNNER), "--quick")
    assert 0 == done.returncode, done.stderr
    for expected in (
        "## Targets",
        "load_inspection (the example's file) / json.loads",
        "## One letter",
        "floor: bare Jinja2, children, text",
        "render_letter children -> html",
        "validate",
        "## Batch",
        "## Import",
        "import inspection_letters",
        "## Scaling",
        "one finding of",
        "## Reports",
    ):
        assert expected in done.stdout
    # A warning means the floor no longer writes the same letter as render_letter
    # (update benchmarks/floor.jinja), or the batch failed letters.
    assert [] == [line for line in done.stdout.splitlines() if line.startswith("WARNING")]


def test_plain_import_imports_no_optional_extra() -> None:
    """``import inspection_letters`` imports no extra, nor the CLI's or the tests' libraries."""
    code = (
        "import sys, inspection_letters; "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {OPTIONAL!r}))"
    )
    done = _python("-c", code)
    assert 0 == done.returncode, done.stderr
    assert "[]" == done.stdout.strip()
