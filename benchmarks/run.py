#!/usr/bin/env python3
"""How fast ``inspection_letters`` writes letters, against bare Jinja2 on the same machine.

Run from the repository's root, in its virtual environment::

    .venv/bin/python benchmarks/run.py            # the whole run, under a minute
    .venv/bin/python benchmarks/run.py --quick    # a few iterations: does it still work?

Every time is compared with a floor measured in the same run, in the same
rounds: the children's letter as plain text, written by one bare Jinja2
template (``benchmarks/floor.jinja``, compiled once) from a plain dict. Other
people's work on a shared machine slows every case alike, so the ratios hold
where the absolute times do not. Times are the best of several rounds, the
median beside it; the targets are reported, never enforced.

Sections (``--only`` picks some): ``targets`` (every ratio of issue #16 against
its baseline, in interleaved rounds), ``render`` (one letter, each audience and
format; loading; validating), ``batch`` (the 271 inspections of Ofsted's
published history through the real ``batch`` command, one process and
``--jobs 2``), ``import`` (``import inspection_letters`` in fresh interpreters),
``scaling`` (10 to 30,000 findings, and one finding of 1 MB), ``reports`` (reading
the shared report PDFs against bare pypdfium2 and pypdf; ``bench_reports.py``). ``--profile`` adds
whose code one letter's time is spent in; ``--markdown`` prints Markdown tables.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs
import jinja2

import inspection_letters
import inspection_letters._cli.batch
from inspection_letters import (
    OFFICES,
    Finding,
    Inspection,
    check_readability,
    dump_inspection,
    load_inspection,
    read_outcomes,
    render_letter,
    validate,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "gloucestershire-2022.json"
FLOOR = HERE / "floor.jinja"
HISTORY = ROOT.parent / "shared" / "data" / "ofsted" / "ilacs-inspection-history-2018-2025.csv"
REPORTS = ROOT.parent / "shared" / "data" / "reports"
# Extras that a plain ``import inspection_letters`` must not import.
OPTIONAL = ("hypothesis", "weasyprint", "docx", "pyphen", "click", "jsonschema")
# Heavier standard-library modules worth knowing about when they are imported.
HEAVY = ("concurrent.futures", "csv", "zipfile", "xml.etree.ElementTree", "importlib.metadata")
FORMATS = ("text", "markdown", "html")
TEXT_TARGET, HTML_TARGET = 2.0, 2.5
PUBLISHED_TARGET = 2.5
"""The 271 published inspections to text, a letter, as a multiple of the floor."""
LOAD_TARGET = 8.0
"""``load_inspection`` of the example's file, as a multiple of ``json.loads`` of its text."""
PDF_TARGET = 1.2
"""``to_pdf``, as a multiple of one WeasyPrint render (PDF/UA-1) of the HTML it lays out."""
REPORT_TARGET = 1.5
"""``read_report``, as a multiple of bare pypdfium2 text extraction (issue #13's)."""
BATCH_TARGET_S = 0.5
IMPORT_TARGET_MS = 10.0
# What one letter costs is timed in this process's CPU time, not by the wall
# clock: on a shared machine the wall clock also counts the time other people's
# processes hold the CPU. BENCH_CLOCK=wall times by the wall clock instead.
CLOCK = time.perf_counter if os.environ.get("BENCH_CLOCK") == "wall" else time.process_time


# --- Measuring ----------------------------------------------------------------------------------


@dataclass
class Case:
    """One thing timed: a call, how many letters one call writes, and its target."""

    name: str
    call: Callable[[], object]
    letters: int = 1
    target: float | None = None
    """The most it may cost, as a multiple of the floor."""

    number: int = 1
    times: list[float] = field(default_factory=list)
    """Seconds per call, one a round."""

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def ratio(self, baseline: Case) -> float:
        """The median, over the rounds, of this case's time a letter over ``baseline``'s.

        Both were timed in each round, one straight after the other, so that a burst
        of someone else's work on the machine slows both alike.
        """
        return statistics.median(
            (mine / self.letters) / (theirs / baseline.letters)
            for mine, theirs in zip(self.times, baseline.times, strict=True)
        )


@dataclass(frozen=True)
class Settings:
    quick: bool
    rounds: int
    budget: float
    """Seconds one timing of one case should take."""

    batch_runs: int
    import_runs: int


def calibrate(case: Case, budget: float) -> None:
    """Choose how many calls one timing makes, so that it takes about ``budget`` seconds."""
    timer = timeit.Timer(case.call, timer=CLOCK)
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= budget / 5 or number >= 1_000_000:
            break
        number *= 10 if elapsed < budget / 50 else 2
    case.number = max(1, round(number * budget / max(elapsed, 1e-9)))


def measure(cases: Sequence[Case], settings: Settings) -> None:
    """Time every case in each of several rounds, interleaved, so load hits all alike."""
    for case in cases:
        case.call()  # warm up: compile templates, fill caches
        if settings.quick:
            case.number = 1
        else:
            calibrate(case, settings.budget)
    for _ in range(settings.rounds):
        for case in cases:
            timer = timeit.Timer(case.call, timer=CLOCK)
            (elapsed,) = timer.repeat(repeat=1, number=case.number)
            case.times.append(elapsed / case.number)


# --- Printing -----------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], markdown: bool) -> str:
    """A table, aligned for a terminal or as Markdown."""
    rows = [list(map(str, r)) for r in rows]
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    right = [i > 0 for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right, strict=True)
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def micro(seconds: float) -> str:
    if seconds >= 0.1:
        return f"{seconds * 1e3:,.0f} ms"
    if seconds >= 1e-3:
        return f"{seconds * 1e6:,.0f}"
    return f"{seconds * 1e6:,.1f}"


def verdict(value: float, limit: float | None) -> str:
    if limit is None:
        return ""
    return "yes" if value <= limit else f"NO ({value / limit:.1f}x over)"


def heading(text: str) -> None:
    print(f"\n## {text}\n", flush=True)


# --- The floor and the single-letter cases -------------------------------------------------------


def floor_context(inspection: Inspection) -> dict[str, Any]:
    """The plain dict the floor template writes the children's letter from."""
    office = OFFICES["bristol"]
    details = inspection.letter_details("children")
    if details.office is not None:
        office = details.office
    published, visited = inspection.published, inspection.end or inspection.start
    assert published is not None
    assert visited is not None
    recipient = details.recipient
    return {
        "office": {
            "address": list(office.address),
            "telephone": office.telephone,
            "textphone": office.textphone,
            "email": office.email,
            "website": office.website,
        },
        "published": f"{published.day} {published:%B} {published.year}",
        "recipient": [] if recipient is None else [recipient.full_name, *recipient.address],
        "area": inspection.authority.name,
        "visited": f"{visited:%B} {visited.year}",
        "team": inspection.team_size,
        "read_more": details.phrase("read_more", "if you want to"),
        "grades": [(j.area.title, j.grade.label) for j in inspection.judgements],
        "findings": [f.text for f in inspection.findings],
        "lead_inspector": inspection.lead_inspector,
    }


def floor_template() -> jinja2.Template:
    environment = jinja2.Environment(
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    return environment.from_string(FLOOR.read_text(encoding="utf-8"))


def render_cases(inspection: Inspection) -> tuple[Case, list[Case]]:
    template = floor_template()
    context = floor_context(inspection)
    floor = Case("floor: bare Jinja2, children, text", lambda: template.render(context))
    expected = render_letter(inspection, "children").to_text()
    if template.render(context) != expected:
        print(
            "WARNING: the floor (benchmarks/floor.jinja) no longer writes the library's "
            "children's letter; update it, or the ratios below mean little.",
            flush=True,
        )
    letter = render_letter(inspection, "children")
    cases = [
        Case("render_letter children (Letter only)", lambda: render_letter(inspection)),
    ]
    for audience in ("children", "director"):
        for format_, method, target in (
            ("text", "to_text", TEXT_TARGET),
            ("markdown", "to_markdown", None),
            ("html", "to_html", HTML_TARGET),
        ):
            cases.append(
                Case(
                    f"render_letter {audience} -> {format_}",
                    _rendering(inspection, audience, method),
                    target=target,
                )
            )
    cases += [
        Case("Letter.to_text (writer only)", letter.to_text),
        Case("Letter.to_markdown (writer only)", letter.to_markdown),
        Case("Letter.to_html (writer only)", letter.to_html),
        Case("load_inspection (JSON file)", lambda: load_inspection(EXAMPLE)),
        Case(
            "load_inspection + render_letter -> text",
            lambda: render_letter(load_inspection(EXAMPLE)).to_text(),
        ),
        Case("validate", lambda: validate(inspection)),
    ]
    return floor, cases


def _rendering(inspection: Inspection, audience: str, method: str | None) -> Callable[[], object]:
    """A call rendering the letter, then writing it with ``method`` unless it is ``None``."""

    def call() -> object:
        letter = render_letter(inspection, audience)
        return letter if method is None else getattr(letter, method)()

    return call


def report_cases(floor: Case, cases: Sequence[Case], markdown: bool) -> None:
    headers = ["case", "µs/letter", "median µs", "letters/s", "× floor", "target", "met?"]
    rows = []
    for case in [floor, *cases]:
        each = case.best / case.letters
        ratio = each / floor.best
        target = "" if case.target is None else f"≤ {case.target:g}×"
        rows.append(
            [
                case.name,
                micro(each),
                micro(case.median / case.letters),
                f"{1 / each:,.0f}",
                f"{ratio:.1f}",
                target,
                verdict(ratio, case.target),
            ]
        )
    print(table(headers, rows, markdown), flush=True)


# --- Targets -------------------------------------------------------------------------------------


@dataclass
class Target:
    """One of issue #16's targets: a case, the baseline it is measured against, its limit."""

    what: str
    case: Case | None
    baseline: Case | None
    limit: float
    absent: str = ""
    """Why the case was not measured, where it was not."""


def targets(settings: Settings, inspection: Inspection, source: Path, markdown: bool) -> None:
    """Every ratio issue #16 sets a target for, each against its baseline, in one run."""
    heading("Targets: each ratio against its baseline, measured together")
    floor_call = floor_template().render
    context = floor_context(inspection)
    floor = Case("floor: bare Jinja2, children, text", lambda: floor_call(context))
    letters: list[Target] = []
    cases: list[Case] = [floor]
    for audience in ("children", "director"):
        for format_, method, limit in (
            ("text", "to_text", TEXT_TARGET),
            ("html", "to_html", HTML_TARGET),
        ):
            case = Case(
                f"render_letter {audience} -> {format_}", _rendering(inspection, audience, method)
            )
            cases.append(case)
            letters.append(Target(case.name, case, floor, limit))
    if source.exists():
        published = read_outcomes(source)

        def all_published() -> None:
            for each in published:
                render_letter(each, draft=True).to_text()

        case = Case(
            f"{len(published)} published inspections -> text (draft)",
            all_published,
            letters=len(published),
        )
        cases.append(case)
        letters.append(Target(case.name + ", a letter", case, floor, PUBLISHED_TARGET))
    else:
        letters.append(
            Target(
                "271 published inspections -> text",
                None,
                None,
                PUBLISHED_TARGET,
                f"{source} is absent",
            )
        )
    text = EXAMPLE.read_text(encoding="utf-8")
    parse = Case("json.loads of the example's file", lambda: json.loads(text))
    load = Case("load_inspection (the example's file)", lambda: load_inspection(EXAMPLE))
    cases += [parse, load]
    letters.append(Target(load.name, load, parse, LOAD_TARGET))
    measure(cases, settings)
    letters += _pdf_targets(settings, inspection)
    letters.append(_report_target())
    rows = []
    for target in letters:
        if target.case is None or target.baseline is None:
            rows.append([target.what, "", "", f"≤ {target.limit:g}×", f"not here: {target.absent}"])
            continue
        ratio = target.case.ratio(target.baseline)
        best = (target.case.best / target.case.letters) / (
            target.baseline.best / target.baseline.letters
        )
        rows.append(
            [
                f"{target.what} / {target.baseline.name}",
                f"{ratio:.2f}",
                f"{best:.2f}",
                f"≤ {target.limit:g}×",
                verdict(ratio, target.limit),
            ]
        )
    print(
        f"{settings.rounds} rounds, every case of a group once a round; the ratio is the median of"
        " the rounds' ratios (each case over its baseline in the same round), the best-based"
        " ratio beside it.\n"
    )
    headers = ["case / baseline", "ratio (median)", "ratio (best)", "target", "met?"]
    print(table(headers, rows, markdown), flush=True)


def _pdf_targets(settings: Settings, inspection: Inspection) -> list[Target]:
    """``to_pdf`` against one WeasyPrint render and write (PDF/UA-1) of the HTML it lays out."""
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError:
        return [Target("to_pdf", None, None, PDF_TARGET, "WeasyPrint (the pdf extra) is absent")]
    from inspection_letters._writers import pdf

    found: list[Target] = []
    cases: list[Case] = []
    for audience in ("children", "director"):
        letter = render_letter(inspection, audience)
        html = pdf._with_style(
            pdf._with_style(letter.to_html(), pdf._PRINT_STYLE + pdf._NO_CAPTION), pdf._PAGE_NUMBERS
        )

        def bare(html: str = html) -> bytes:
            document = weasyprint.HTML(string=html).render(pdf_variant="pdf/ua-1")
            output: bytes = document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=True)
            return output

        pages = len(weasyprint.HTML(string=html).render(pdf_variant="pdf/ua-1").pages)
        baseline = Case(f"one WeasyPrint render, {audience}", bare)
        case = Case(f"to_pdf {audience} ({pages} page(s))", letter.to_pdf)
        cases += [baseline, case]
        found.append(Target(case.name, case, baseline, PDF_TARGET))
    rounds = 3 if settings.quick else 7
    measure(cases, Settings(settings.quick, rounds if not settings.quick else 1, 0.0, 1, 1))
    return found


def _report_target() -> Target:
    """``read_report``'s target is issue #13's: its own section measures it (bench_reports.py)."""
    what = "read_report / bare pypdfium2 text extraction"
    where = "in the section 'Reports' below (issue #13's, bench_reports.py), in the same run"
    return Target(what, None, None, REPORT_TARGET, where)


# --- Batch ---------------------------------------------------------------------------------------


def run_cli(*args: str) -> str:
    """Run the ``inspection-letters`` command in this process; its standard output."""
    from inspection_letters._cli.commands import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main.main(args=list(args), prog_name="inspection-letters", standalone_mode=False)
    return out.getvalue()


def batch(settings: Settings, floor: Case | None, source: Path, markdown: bool) -> None:
    heading(f"Batch: the children's letter for every inspection in {source.name}")
    if not source.exists():
        print(f"skipped: {source} is absent (Ofsted's published outcomes)", flush=True)
        return
    inspections = read_outcomes(source)
    count = len(inspections)
    job_counts = (1, 2)
    formats = ("text",) if settings.quick else FORMATS
    rows = []
    totals: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as parent:
        # Warm up in this process: the command's modules, the CSV reader, the templates.
        run_cli("batch", str(source), "-a", "children", "-f", "text", "--draft", "--out", parent)
        for format_ in formats:
            for jobs in job_counts:
                runs = []
                for _ in range(settings.batch_runs):
                    out = tempfile.mkdtemp(dir=parent)
                    args = ["batch", str(source), "-a", "children", "-f", format_, "--draft"]
                    wall, cpu = time.perf_counter(), time.process_time()
                    summary = run_cli(*args, "--out", out, "--jobs", str(jobs))
                    runs.append((time.perf_counter() - wall, time.process_time() - cpu))
                    if f"{count} written" not in summary:
                        print(f"WARNING: the batch wrote not every letter: {summary.strip()}")
                best = min(runs)
                # The CPU time of this process alone means little when others do the work.
                cpu_time = best[1] if jobs == 1 else None
                name = f"{format_}, --jobs {jobs}"
                rows.append(_batch_row(name, best[0], cpu_time, count, floor, jobs == 1))
                wall_sum, cpu_sum = totals.get(jobs, (0.0, 0.0))
                totals[jobs] = (wall_sum + best[0], cpu_sum + best[1])
        for jobs in job_counts:
            name = f"all {len(formats)} format(s), --jobs {jobs}"
            cpu_total = totals[jobs][1] if jobs == 1 else None
            rows.append(_batch_row(name, totals[jobs][0], cpu_total, count * len(formats), floor))
        # What a batch is made of: reading the table, rendering, writing files.
        read = min(_timed(lambda: read_outcomes(source)) for _ in range(settings.batch_runs))
        rows.append(_batch_row("read_outcomes (CSV) only", *read, count, floor))
        for format_ in formats:
            method = {"text": "to_text", "markdown": "to_markdown", "html": "to_html"}[format_]

            def render_all(method: str = method) -> None:
                for inspection in inspections:
                    getattr(render_letter(inspection, draft=True), method)()

            rendered = min(_timed(render_all) for _ in range(settings.batch_runs))
            rows.append(_batch_row(f"render {format_} in memory only", *rendered, count, floor))
        write_new = getattr(inspection_letters._cli.batch, "write_new", None)
        if write_new is not None:
            letter = render_letter(inspections[0], draft=True).to_text()

            def write_all() -> None:
                out = Path(tempfile.mkdtemp(dir=parent))
                for number in range(count):
                    write_new(out / f"{number}.txt", letter, replace=False)

            written = min(_timed(write_all) for _ in range(settings.batch_runs))
            rows.append(_batch_row("write the files only", *written, count, floor))
    headers = ["batch", "wall", "cpu", "µs/letter", "letters/s", "× floor", "target", "met?"]
    print(f"{count} inspections; --draft (the published table has no lead inspectors).")
    print(
        f"The real command, in this process; best of {settings.batch_runs} runs by the wall clock;"
    )
    print("cpu: this process's CPU time, the kernel's included (none of --jobs 2's workers).\n")
    print(table(headers, rows, markdown), flush=True)


def _timed(call: Callable[[], object]) -> tuple[float, float]:
    """The wall-clock and CPU seconds ``call`` takes."""
    wall, cpu = time.perf_counter(), time.process_time()
    call()
    return time.perf_counter() - wall, time.process_time() - cpu


def _batch_row(
    name: str,
    seconds: float,
    cpu: float | None,
    letters: int,
    floor: Case | None,
    target: bool = False,
) -> list[str]:
    each = seconds / letters
    ratio = f"{each / floor.best:.1f}" if floor is not None else ""
    return [
        name,
        f"{seconds * 1e3:,.0f} ms",
        "" if cpu is None else f"{cpu * 1e3:,.0f} ms",
        micro(each),
        f"{1 / each:,.0f}",
        ratio,
        f"< {BATCH_TARGET_S * 1e3:.0f} ms" if target else "",
        verdict(seconds, BATCH_TARGET_S) if target else "",
    ]


# --- Import --------------------------------------------------------------------------------------


def _interpreter(code: str, *flags: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *flags, "-c", code], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - started, done.stdout + done.stderr


# What a fresh interpreter runs: nothing, the import, and a first letter from a file.
PROGRAMS = {
    "pass": "pass",
    "import attrs, cattrs, jinja2": "import attrs, cattrs, jinja2",
    "import inspection_letters": "import inspection_letters",
    "first letter": (
        "from inspection_letters import load_inspection, render_letter; "
        f"render_letter(load_inspection({str(EXAMPLE)!r})).to_text()"
    ),
}


def imports(settings: Settings, markdown: bool) -> None:
    heading("Import: `import inspection_letters` in a fresh interpreter")
    times: dict[str, list[float]] = {name: [] for name in PROGRAMS}
    for _ in range(settings.import_runs):  # interleaved, so load hits all alike
        for name, code in PROGRAMS.items():
            times[name].append(_interpreter(code)[0])
    bare = statistics.median(times["pass"])
    headers = ["python -c ...", "median ms", "best ms", "more than 'pass'", "target", "met?"]
    rows = []
    for name, values in times.items():
        extra = (statistics.median(values) - bare) * 1e3
        limit = IMPORT_TARGET_MS if name == "import inspection_letters" else None
        rows.append(
            [
                name,
                f"{statistics.median(values) * 1e3:.0f}",
                f"{min(values) * 1e3:.0f}",
                "" if name == "pass" else f"{extra:.0f} ms",
                "" if limit is None else f"< {limit:.0f} ms",
                verdict(extra, limit),
            ]
        )
    print(f"median and best of {settings.import_runs} runs each\n")
    print(table(headers, rows, markdown))
    print(
        "\n('attrs, cattrs, jinja2': the libraries letters need, for comparison. 'first letter':"
        "\nimport, load the example's JSON, render the children's letter as text.)"
    )

    for name in ("import inspection_letters", "first letter"):
        probe = (
            f"{PROGRAMS[name]}; import sys, json; "
            f"print(json.dumps([m for m in {OPTIONAL + HEAVY!r} if m in sys.modules]))"
        )
        found = json.loads(_interpreter(probe)[1].strip().splitlines()[-1])
        optional = ", ".join(m for m in found if m in OPTIONAL) or "none"
        heavy = ", ".join(m for m in found if m in HEAVY) or "none"
        print(f"\n{name}: optional extras imported: {optional}")
        print(f"{name}: heavier standard modules imported: {heavy}")

    for name in ("import inspection_letters", "first letter"):
        top = _import_times(PROGRAMS[name], 1 if settings.quick else 3)
        print(f"\n`python -X importtime`, {name}: the 10 largest cumulative times\n")
        rows = [[module, f"{ms:.1f}"] for module, ms in top]
        print(table(["module", "cumulative ms (median)"], rows, markdown), flush=True)


def _import_times(code: str, runs: int) -> list[tuple[str, float]]:
    """The modules ``code`` imports that take longest, with their cumulative milliseconds."""
    timings: dict[str, list[int]] = {}
    for _ in range(runs):
        output = _interpreter(code, "-X", "importtime")[1]
        for line in output.splitlines():
            if not line.startswith("import time:") or "cumulative" in line:
                continue
            _, _own, cumulative, name = (p.strip() for p in line.replace(":", "|", 1).split("|"))
            timings.setdefault(name, []).append(int(cumulative))
    medians = [(name, statistics.median(values) / 1e3) for name, values in timings.items()]
    return sorted(medians, key=lambda item: -item[1])[:10]


# --- Scaling -------------------------------------------------------------------------------------


SCALED: tuple[tuple[str, str | None], ...] = (
    ("Letter", None),
    ("text", "to_text"),
    ("html", "to_html"),
)


def scaling(settings: Settings, inspection: Inspection, markdown: bool) -> None:
    heading("Scaling: the children's letter with many findings")
    base = inspection.findings[0].text
    counts = (10, 100) if settings.quick else (10, 100, 1_000, 10_000, 30_000)
    cases: dict[tuple[int, str], Case] = {}
    for count in counts:
        findings = tuple(Finding(text=f"{n}: {base}") for n in range(count))
        many = attrs.evolve(inspection, findings=findings)
        for output, method in SCALED:
            call = _rendering(many, "children", method)
            cases[count, output] = Case(f"{count:,} findings -> {output}", call)
    size = 10_000 if settings.quick else 1_000_000
    sentence = "Children & young people (in care) said: <we are heard>. "
    large_text = (sentence * (size // len(sentence) + 1))[:size].rstrip()
    large = attrs.evolve(inspection, findings=(Finding(text=large_text),))
    large_cases = [
        Case(f"one finding of {size / 1e6:g} MB -> {format_}", _rendering(large, "children", m))
        for format_, m in (("text", "to_text"), ("markdown", "to_markdown"), ("html", "to_html"))
    ]
    measure(
        [*cases.values(), *large_cases],
        Settings(settings.quick, min(settings.rounds, 5), settings.budget, 1, 1),
    )
    headers = ["findings", *(f"-> {output} µs/finding" for output, _ in SCALED), "-> text ms"]
    rows = [
        [
            f"{count:,}",
            *(f"{cases[count, output].best / count * 1e6:.2f}" for output, _ in SCALED),
            f"{cases[count, 'text'].best * 1e3:,.2f}",
        ]
        for count in counts
    ]
    print(table(headers, rows, markdown))
    print("\nlinearity: the cost of a finding at the larger count over its cost at the smaller")
    print("(1.0 is linear; below 1, a letter's fixed cost is still being shared out)\n")
    pairs = [(a, b) for a, b in ((1_000, 10_000), (10_000, 30_000), (10, 100)) if b in counts]
    rows = [
        [
            f"{b:,} vs {a:,}",
            *(f"{(cases[b, o].best / b) / (cases[a, o].best / a):.2f}" for o, _ in SCALED),
        ]
        for a, b in pairs
    ]
    print(table(["findings", *(f"-> {o}" for o, _ in SCALED)], rows, markdown))
    print()
    rows = [[c.name, f"{c.best * 1e3:,.1f}", f"{size / c.best / 1e6:,.1f}"] for c in large_cases]
    print(table(["case", "ms/letter", "MB/s"], rows, markdown), flush=True)


# --- Lint ----------------------------------------------------------------------------------------

LINT_TARGET = 3.0


def lint(settings: Settings, inspection: Inspection, markdown: bool) -> None:
    """``lint`` against ``render`` of the same file, as the command line runs them."""
    heading("Lint: the readability check of a letter, against rendering it")
    base = inspection.findings[0].text
    counts = (10, 100) if settings.quick else (10, 100, 1_000, 10_000)
    directory = Path(tempfile.mkdtemp(prefix="bench-lint-"))
    cases: dict[tuple[int, str], Case] = {}
    for count in counts:
        findings = tuple(Finding(text=f"{n}: {base}") for n in range(count))
        path = directory / f"{count}.json"
        path.write_text(json.dumps(dump_inspection(attrs.evolve(inspection, findings=findings))))

        def rendered(path: Path = path) -> str:
            return str(render_letter(load_inspection(path), "children"))

        cases[count, "render"] = Case(f"render {count:,}", rendered)
        cases[count, "lint"] = Case(f"lint {count:,}", lambda r=rendered: check_readability(r()))
        file = str(path)
        cli_render = functools.partial(run_cli, "render", file, "-a", "children", "-f", "text")
        cases[count, "cli render"] = Case(f"cli render {count:,}", cli_render)
        cases[count, "cli lint"] = Case(f"cli lint {count:,}", functools.partial(_cli_lint, file))
    measure(
        list(cases.values()),
        Settings(settings.quick, min(settings.rounds, 5), settings.budget, 1, 1),
    )
    rows = []
    for count in counts:
        render_s, lint_s = cases[count, "render"].best, cases[count, "lint"].best
        ratio = lint_s / render_s
        rows.append(
            [
                f"{count:,}",
                f"{render_s * 1e3:,.1f}",
                f"{lint_s * 1e3:,.1f}",
                f"{lint_s / count * 1e6:,.1f}",
                f"{ratio:.2f}",
                verdict(ratio, LINT_TARGET),
            ]
        )
    headers = ["findings", "render ms", "lint ms", "lint µs/finding", "lint/render", "<= 3x"]
    print("(each: load the file, render the children's letter; lint also checks it)\n")
    print(table(headers, rows, markdown), flush=True)
    rows = []
    for count in counts:
        render_s, lint_s = cases[count, "cli render"].best, cases[count, "cli lint"].best
        ratio = lint_s / render_s
        row = [f"{count:,}", f"{render_s * 1e3:,.1f}", f"{lint_s * 1e3:,.1f}", f"{ratio:.2f}"]
        rows.append([*row, verdict(ratio, LINT_TARGET)])
    headers = ["findings", "cli render ms", "cli lint ms", "lint/render", "<= 3x"]
    print("\n(the command line in this process: `render FILE -a children -f text` against")
    print("`lint FILE`, each printing to a string, the report's printing included)\n")
    print(table(headers, rows, markdown), flush=True)
    shutil.rmtree(directory, ignore_errors=True)


def _cli_lint(file: str) -> str:
    """``inspection-letters lint FILE`` in this process (it fails: the findings are too long)."""
    import click

    try:
        return run_cli("lint", file)
    except click.ClickException:
        return ""


# --- Profile -------------------------------------------------------------------------------------


def profile(inspection: Inspection, markdown: bool) -> None:
    """Where the time of ``render_letter(...).to_text()`` goes, by whose code runs."""
    import cProfile
    import pstats

    heading("Profile: render_letter children -> text, own time by whose code it is")
    render_letter(inspection).to_text()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(2000):
        render_letter(inspection).to_text()
    profiler.disable()
    stats: dict[Any, Any] = getattr(pstats.Stats(profiler), "stats")  # noqa: B009 (untyped)
    own: dict[str, float] = {}
    for (filename, _line, function), (_, _, tottime, _, _) in stats.items():
        own[_origin(filename, function)] = own.get(_origin(filename, function), 0.0) + tottime
    total = sum(own.values())
    rows = [
        [origin, f"{seconds / total * 100:.0f}%"]
        for origin, seconds in sorted(own.items(), key=lambda item: -item[1])
        if seconds / total >= 0.005
    ]
    print("(cProfile's own overhead inflates small calls; read the shares, not the times)\n")
    print(table(["code", "share of own time"], rows, markdown))
    print("\nthe library's functions with the most own time:\n")
    mine = sorted(
        (
            (tottime, f"{Path(filename).name}:{function}")
            for (filename, _line, function), (_, _, tottime, _, _) in stats.items()
            if "inspection_letters" in filename and not filename.endswith(".jinja")
        ),
        reverse=True,
    )[:12]
    rows = [[name, f"{seconds / total * 100:.1f}%"] for seconds, name in mine]
    print(table(["function", "share of own time"], rows, markdown), flush=True)


def _origin(filename: str, function: str) -> str:
    if filename.endswith(".jinja"):
        return "the library's templates, compiled by Jinja2"
    if "attrs generated" in filename:
        return "attrs-generated __init__ (validators run here)"
    if "inspection_letters" in filename:
        return "the library (Python)"
    for package in ("jinja2", "attr", "markupsafe"):
        if f"/{package}/" in filename:
            return f"{package} (Python)"
    if filename == "~":
        return "built-ins (str.join, isinstance, getattr, dict.pop...)"
    return "the standard library (Python)"


# --- Main ----------------------------------------------------------------------------------------


def machine() -> str:
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = ""
    with contextlib.suppress(OSError):
        load = f"; load average {Path('/proc/loadavg').read_text().split()[0]}"
    return f"{os.cpu_count()} CPUs, {model}{load}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a few iterations; checks it runs")
    parser.add_argument(
        "--only",
        default="targets,render,batch,import,scaling,lint,reports",
        help="comma-separated sections: targets, render, batch, import, scaling, lint, reports",
    )
    parser.add_argument("--csv", type=Path, default=HISTORY, help="the outcomes for the batch")
    parser.add_argument("--markdown", action="store_true", help="print tables as Markdown")
    parser.add_argument(
        "--profile", action="store_true", help="also profile one letter: whose code takes the time"
    )
    options = parser.parse_args(argv)
    sections = {s.strip() for s in options.only.split(",")}
    unknown = sections - {"targets", "render", "batch", "import", "scaling", "lint", "reports"}
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    if options.quick:
        settings = Settings(quick=True, rounds=1, budget=0.0, batch_runs=1, import_runs=1)
    else:
        settings = Settings(quick=False, rounds=15, budget=0.02, batch_runs=5, import_runs=9)

    started = time.perf_counter()
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("jinja2", "attrs", "cattrs")
    )
    print("# inspection_letters benchmarks")
    print(f"\nmachine: {machine()}")
    print(f"python: {platform.python_implementation()} {platform.python_version()}; {versions}")
    print(f"inspection_letters: {Path(inspection_letters.__file__).parent}")
    print(
        f"command: {Path(sys.executable).name} benchmarks/run.py {' '.join(argv or sys.argv[1:])}"
    )

    inspection = load_inspection(EXAMPLE)
    if "targets" in sections:
        targets(settings, inspection, options.csv, options.markdown)
    floor: Case | None = None
    if "render" in sections or "batch" in sections:
        floor, cases = render_cases(inspection)
        if "render" not in sections:
            cases = []
        measure([floor, *cases], settings)
        if cases:
            heading("One letter: the example inspection (Gloucestershire, 2022)")
            print(f"floor: {micro(floor.best)} µs a letter; best of {settings.rounds} rounds\n")
            report_cases(floor, cases, options.markdown)
    if "batch" in sections:
        batch(settings, floor, options.csv, options.markdown)
    if "import" in sections:
        imports(settings, options.markdown)
    if "scaling" in sections:
        scaling(settings, inspection, options.markdown)
    if "lint" in sections:
        lint(settings, inspection, options.markdown)
    if "reports" in sections:
        heading("Reports: reading Ofsted's report PDFs")
        from bench_reports import reports  # beside this file

        reports(REPORTS, quick=settings.quick, table=table, markdown=options.markdown)
    if options.profile:
        profile(inspection, options.markdown)
    print(f"\n(run took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
