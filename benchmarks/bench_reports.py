"""The ``reports`` section of ``benchmarks/run.py``: reading Ofsted's report PDFs.

Reading every shared report with :func:`inspection_letters.read_report`, in
CPU time, against the floor of bare pypdfium2 text extraction of the same
files in the same rounds (the target: at most 1.5 times it), and against
pypdf's extraction (of a sample, scaled: it is slow); then the real
``read-report`` command in one process and with ``--jobs 2``, by the wall clock.
Needs the ``reports`` extra and pypdf.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

READ_TARGET = 1.5
PYPDF_SAMPLE = 30


def _bare_pdfium(files: Sequence[Path]) -> Callable[[], object]:
    import pypdfium2

    def call() -> object:
        total = 0
        for path in files:
            document = pypdfium2.PdfDocument(path.read_bytes())
            for index in range(len(document)):
                page = document[index]
                textpage = page.get_textpage()
                total += len(textpage.get_text_range())
                textpage.close()
                page.close()
            document.close()
        return total

    return call


def _pypdf(files: Sequence[Path]) -> Callable[[], object]:
    import pypdf

    def call() -> object:
        total = 0
        for path in files:
            reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
            total += sum(len(page.extract_text()) for page in reader.pages)
        return total

    return call


def _read_all(files: Sequence[Path]) -> Callable[[], object]:
    from inspection_letters import read_report

    def call() -> object:
        return [read_report(path) for path in files]

    return call


def _cpu(call: Callable[[], object]) -> float:
    started = time.process_time()
    call()
    return time.process_time() - started


def _command(files: Sequence[Path], jobs: int, out: Path) -> tuple[float, float, str]:
    """The wall and CPU seconds of ``read-report`` on ``files``, and its summary line."""
    from inspection_letters._cli.commands import main

    args = ["read-report", *map(str, files), "--format", "csv", "-o", str(out), "-j", str(jobs)]
    err = io.StringIO()
    wall, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stderr(err), contextlib.suppress(SystemExit):
        main.main(args=args, prog_name="inspection-letters", standalone_mode=False)
    summary = err.getvalue().strip().splitlines()[-1] if err.getvalue().strip() else ""
    return time.perf_counter() - wall, time.process_time() - cpu, summary


def reports(
    folder: Path,
    *,
    quick: bool,
    table: Callable[[Sequence[str], Sequence[Sequence[str]], bool], str],
    markdown: bool,
) -> None:
    """Time reading the reports in ``folder`` and print the tables."""
    try:
        import pypdf  # noqa: F401
        import pypdfium2  # noqa: F401
    except ImportError as error:
        print(f"skipped: {error.name} is not installed (the 'reports' extra, and pypdf)")
        return
    files = sorted(folder.glob("*.pdf"))
    if not files:
        print(f"skipped: {folder} is absent or holds no report (the shared reports)")
        return
    if quick:
        files = files[:6]
    rounds = 1 if quick else 5
    # pypdf is 15 to 20 times slower: a sample, scaled to all the files.
    pypdf_files = files[:2] if quick else files[:: max(1, len(files) // PYPDF_SAMPLE)]
    cases = {
        "bare pypdfium2 text extraction (floor)": _bare_pdfium(files),
        "read_report (one process)": _read_all(files),
    }
    for call in cases.values():
        call()  # warm up: imports, the council table
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, call in cases.items():
            times[name].append(_cpu(call))
    slow = _cpu(_pypdf(pypdf_files)) * len(files) / len(pypdf_files)
    floor = min(times["bare pypdfium2 text extraction (floor)"])
    rows = []
    for name, measured in times.items():
        best = min(measured)
        target = f"≤ {READ_TARGET}" if name.startswith("read_report") else ""
        met = ("yes" if best / floor <= READ_TARGET else "NO") if target else ""
        rows.append(
            [
                name,
                f"{best * 1e3:,.0f} ms",
                f"{statistics.median(measured) * 1e3:,.0f} ms",
                f"{best / len(files) * 1e3:.1f} ms",
                f"{best / floor:.2f}",
                target,
                met,
            ]
        )
    scaled = f" (scaled from {len(pypdf_files)} files)" if len(pypdf_files) < len(files) else ""
    pypdf_row = [f"pypdf text extraction{scaled}", f"{slow * 1e3:,.0f} ms", "", ""]
    rows.append([*pypdf_row, f"{slow / floor:.1f}", "", ""])
    print(f"{len(files)} reports from {folder}; CPU time of this process, best of {rounds}.\n")
    headers = ["reading", "best", "median", "a report", "× floor", "target", "met?"]
    print(table(headers, rows, markdown))
    command_rows = []
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as parent:
        for jobs in (1, 2):
            wall, cpu, summary = _command(files, jobs, Path(parent) / f"all-{jobs}.csv")
            if f"{len(files)} read" not in summary:
                print(f"WARNING: read-report did not read every report: {summary}")
            shown_cpu = f"{cpu * 1e3:,.0f} ms" if jobs == 1 else ""
            command_rows.append(
                [f"read-report --jobs {jobs}", f"{wall * 1e3:,.0f} ms", shown_cpu, summary]
            )
    print("\nThe real command (CSV out), by the wall clock; cpu: this process only.\n")
    print(table(["command", "wall", "cpu", "summary"], command_rows, markdown), flush=True)
