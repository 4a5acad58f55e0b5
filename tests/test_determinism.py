"""Output is byte-identical across runs, processes and values of ``PYTHONHASHSEED``.

Each process renders every audience's letter in every format whose extra is
installed (PDF and Word included: their writers fix every date and name they
would otherwise take from the clock or chance), and writes what the library
reports about a broken file and a spreadsheet; the files must not differ.
"""

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import EXAMPLE, ROOT

SEEDS = ("0", "1", "12345")
SCRIPT = r"""
import json
import sys
from pathlib import Path

from inspection_letters import (
    AudienceRegistry, InspectionLettersError, LetterNotDueError, MissingExtraError, audiences,
    dump_inspection, formats, load_inspection, no_context, read_outcomes, render_letter,
    validate_file,
)

out, example = Path(sys.argv[1]), Path(sys.argv[2])
inspection = load_inspection(example)
for audience in audiences:
    try:
        letter = render_letter(inspection, audience)
    except LetterNotDueError:
        continue
    for name in formats:
        try:
            written = letter.render(name)
        except MissingExtraError:
            continue
        data = written if isinstance(written, bytes) else written.encode("utf-8")
        (out / f"{audience}.{name}").write_bytes(data)
(out / "dump.json").write_text(json.dumps(dump_inspection(inspection)), "utf-8")

# A user's template, in the sandbox: the same letter whatever the seed.
mine = AudienceRegistry()
mine.register("members", no_context, source=(
    "{% call set('title') %}{{ area ~ ' ' ~ ('x' * 3) }}{% endcall %}"
    "{% call paragraph() %}{% for key, value in {'b': 1, 'a': 2}|dictsort %}{{ key }}{{ value }}"
    "{% endfor %} {{ inspection.findings|map(attribute='text')|join(' | ') }}{% endcall %}"
))
members = render_letter(inspection, "members", registry=mine)
(out / "members.text").write_text(str(members), "utf-8")

broken = json.loads(example.read_text("utf-8"))
broken.update(team_size="six", colour="blue", shade="red", end="2022-13-01")
broken["judgements"][1]["grade"] = "Very good"
broken["letters"]["director"]["wording"] = {"b": "\x07", "a": "\x08"}
(out / "broken.json").write_text(json.dumps(broken), "utf-8")
problems = [str(problem) for problem in validate_file(out / "broken.json")]
(out / "problems.txt").write_text("\n".join(problems), "utf-8")

csv = out / "outcomes.csv"
csv.write_text(
    "Local authority area code,Local authority name,Ofsted region,Inspection date,"
    "Inspection type,Overall effectiveness,The impact of leaders,"
    "The experiences and progress of children who need help and protection,"
    "The experiences and progress of children in care and care leavers\n"
    "E10000013,Gloucestershire,South West,07/02/2022,ILACS Standard Inspection,"
    "Good,Good,Good,Good\n"
    "E09000005,Brent,London,2023-03-06,ILACS Short Inspection,Bad,Good,Good,\n",
    "utf-8",
)
try:
    read_outcomes(csv)
except InspectionLettersError as error:
    (out / "outcomes.txt").write_text(str(error).replace(str(out), "OUT"), "utf-8")
"""


def test_output_is_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Three processes with different hash seeds write byte-identical letters and reports."""
    runs = {}
    for seed in SEEDS:
        out = tmp_path / seed
        out.mkdir()
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", SCRIPT, str(out), str(EXAMPLE)]
        runs[seed] = (out, subprocess.Popen(command, env=environment, cwd=ROOT))
    for seed, (_, process) in runs.items():
        assert 0 == process.wait(timeout=600), f"PYTHONHASHSEED={seed}"
    outputs = {
        seed: {path.name: path.read_bytes() for path in sorted(out.iterdir())}
        for seed, (out, _) in runs.items()
    }
    first = outputs[SEEDS[0]]
    expected = {"children.text", "children.markdown", "children.html", "director.html"}
    assert expected <= set(first)
    assert {"problems.txt", "outcomes.txt", "dump.json", "members.text"} <= set(first)
    for seed in SEEDS[1:]:
        assert sorted(first) == sorted(outputs[seed])
        assert [] == [name for name in first if first[name] != outputs[seed][name]]
