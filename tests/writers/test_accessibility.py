"""Accessibility: every built-in audience's HTML letter passes axe-core in a real browser.

axe-core, the engine behind most accessibility checkers, runs inside headless
Chromium on each letter and must find no violation of WCAG 2.2 at level AA
(its rules tagged ``wcag2a``, ``wcag2aa``, ``wcag21a``, ``wcag21aa`` and
``wcag22aa``). A screenshot of each letter is kept in ``tests/artifacts/``.

Chromium is driven over ``--remote-debugging-pipe``: the DevTools protocol as
JSON messages on two pipes, which needs nothing but the standard library — no
WebDriver, no websocket client, no browser download. Debian's ``chromium`` and
the npm package ``axe-core`` are installed by ``python3 dev.py setup``; nothing
is fetched at test time. Without them the test is skipped, saying why, except
in CI (``CI=true``), where it fails: CI must never skip it silently.
"""

import base64
import contextlib
import fcntl
import json
import os
import select
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from inspection_letters import Framework, Grade, Letter, render_letter
from inspection_letters._letters.letter import Signature
from tests.accessibility.browser import find_browser
from tests.helpers import (
    ROOT,
    TINY_PNG,
    every,
    example,
    graded,
    with_logo,
    without_letter_details,
)

HERE = ROOT / "tests"
AXE = HERE / "accessibility" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = HERE / "artifacts"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# A headless Chromium that stays off the network: without the background
# networking flags it tries to reach Google's services at every start.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]
TIMEOUT = 60.0


class Browser:
    """Headless Chromium, spoken to over the DevTools protocol on a pair of pipes.

    Chromium reads commands on its file descriptor 3 and writes replies and
    events on 4, each message JSON ended by a NUL byte.
    """

    def __init__(self, executable: str, profile: Path) -> None:
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()
        # Chromium's ends must become its descriptors 3 and 4. Copies above 10
        # cannot be overwritten by either move; they close themselves at exec.
        child_read = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD_CLOEXEC, 10)
        child_write = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD_CLOEXEC, 10)

        def descriptors() -> None:  # Runs in the child, just before Chromium starts.
            os.dup2(child_read, 3)  # dup2's copies stay open across exec.
            os.dup2(child_write, 4)

        # Not close_fds: it would close 3 and 4 after the moves. Python opens
        # every other descriptor not to be inherited, so none leaks.
        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=descriptors,
        )
        for descriptor in (to_browser_read, from_browser_write, child_read, child_write):
            os.close(descriptor)
        self._out, self._in = to_browser_write, from_browser_read
        self._buffer = b""
        self._next_id = 0

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._in], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise ConnectionError("Chromium closed its pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its result; events before it are dropped."""
        self._next_id += 1
        command: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            command["sessionId"] = session
        os.write(self._out, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._message(deadline)
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result

    def wait_for(self, event: str) -> None:
        """Wait for the next event called ``event``."""
        deadline = time.monotonic() + TIMEOUT
        while self._message(deadline).get("method") != event:
            pass

    def close(self) -> None:
        """Ask Chromium to quit, and make sure it has."""
        with contextlib.suppress(OSError, TimeoutError, RuntimeError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._out)
        os.close(self._in)


def _unavailable(reason: str) -> None:
    """Skip, saying why; in CI, fail instead, so that the check is never lost."""
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(f"{reason} (CI must run the accessibility check)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for the module, with a profile of its own that is thrown away."""
    executable, why = find_browser()
    if executable is None:
        _unavailable(f"no headless Chromium ({why}); run `python3 dev.py setup` as root")
    if not AXE.exists():
        _unavailable(f"axe-core is not installed at {AXE}; run `python3 dev.py setup`")
    assert executable is not None
    with tempfile.TemporaryDirectory(prefix="letters-chromium-") as profile:
        started = Browser(executable, Path(profile))
        try:
            yield started
        finally:
            started.close()


def _signed(letter: Letter) -> Letter:
    assert letter.signature is not None
    signature: Signature = attrs.evolve(letter.signature, image=TINY_PNG)
    return attrs.evolve(letter, signature=signature)


def letters() -> dict[str, Letter]:
    """Every built-in audience's letter, a 2023-era letter, a signature image, drafts, a logo."""
    era_2023 = graded(Framework.ILACS_2023, every(Framework.ILACS_2023, Grade.GOOD))
    director = render_letter(example(), "director")
    bare = without_letter_details(attrs.evolve(example(), findings=(), published=None), "director")
    return {
        "children": render_letter(example(), "children"),
        "director": director,
        "children-2023": render_letter(era_2023, "children"),
        "director-signed": _signed(director),
        "children-draft": render_letter(bare, "children", draft=True),
        "director-draft": render_letter(bare, "director", draft=True),
        "children-logo": render_letter(with_logo(example()), "children"),
    }


LETTERS = letters()


# What a person sees: the size and place of the parts a test looks at, as the browser draws them.
_GEOMETRY = """JSON.stringify({
  boxes: Object.fromEntries([
    "p.signature", "caption", "p.logo img", "h1", "address.letterhead"
  ].map(s => {
    const e = document.querySelector(s);
    if (!e) return [s, null];
    const r = e.getBoundingClientRect();
    return [s, {x: r.x, y: r.y, width: r.width, height: r.height}];
  })),
  marks: Array.from(document.querySelectorAll("mark.placeholder")).map(m => {
    const r = m.getBoundingClientRect();
    return {text: m.textContent, width: r.width, height: r.height,
            background: getComputedStyle(m).backgroundColor};
  }),
})"""


def _check(browser: Browser, name: str, html: str, directory: Path) -> dict[str, Any]:
    """Open ``html`` in a new tab, run axe-core on it, save a screenshot; axe's results.

    The results also hold, under ``"geometry"``, where the browser drew the parts
    that must or must not be seen (see ``_GEOMETRY``).
    """
    page = directory / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    target = browser.send("Target.createTarget", url="about:blank")["targetId"]
    session = browser.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    try:
        browser.send("Page.enable", session)
        browser.send(
            "Emulation.setDeviceMetricsOverride",
            session,
            width=1000,
            height=800,
            deviceScaleFactor=1,
            mobile=False,
        )
        browser.send("Page.navigate", session, url=page.as_uri())
        browser.wait_for("Page.loadEventFired")
        browser.send("Runtime.evaluate", session, expression=AXE.read_text("utf-8"))
        options = json.dumps({"runOnly": {"type": "tag", "values": WCAG_22_AA}})
        run = f"axe.run(document, {options}).then(r => JSON.stringify(r))"
        evaluated = browser.send(
            "Runtime.evaluate", session, expression=run, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in evaluated:
            raise RuntimeError(f"axe-core failed: {evaluated['exceptionDetails']}")
        results: dict[str, Any] = json.loads(evaluated["result"]["value"])
        drawn = browser.send("Runtime.evaluate", session, expression=_GEOMETRY, returnByValue=True)
        results["geometry"] = json.loads(drawn["result"]["value"])
        # The whole letter, not only the first screenful.
        size = browser.send("Page.getLayoutMetrics", session)["cssContentSize"]
        screenshot = browser.send(
            "Page.captureScreenshot",
            session,
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        )
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"{name}.png").write_bytes(base64.b64decode(screenshot["data"]))
        return results
    finally:
        browser.send("Target.closeTarget", targetId=target)


def _described(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(
            f"    {node['target']}: {node['failureSummary']}" for node in violation["nodes"]
        )
    return "\n".join(lines)


@pytest.mark.parametrize("name", LETTERS)
def test_html_letter_has_no_wcag_22_aa_violations(
    name: str, browser: Browser, tmp_path: Path
) -> None:
    """axe-core finds no WCAG 2.2 AA violation, and did run its rules on the letter."""
    results = _check(browser, name, LETTERS[name].to_html(), tmp_path)
    assert [] == results["violations"], _described(results["violations"])
    passed = {rule["id"] for rule in results["passes"]}
    # Proof that axe looked at the letter rather than an empty page.
    assert {"document-title", "html-has-lang", "html-lang-valid", "color-contrast"} <= passed
    if name.startswith("children"):
        assert {"th-has-data-cells", "list", "listitem"} <= passed
    assert (ARTIFACTS / f"{name}.png").stat().st_size > 1000


@pytest.mark.parametrize("name", LETTERS)
def test_html_letter_shows_what_a_reader_should_see(
    name: str, browser: Browser, tmp_path: Path
) -> None:
    """No visible description line, the caption hidden, each placeholder marked, the logo shown.

    Measured in the browser, as a person sees the page: a visually hidden part
    is drawn at most one pixel square.
    """
    letter = LETTERS[name]
    geometry = _check(browser, name, letter.to_html(), tmp_path)["geometry"]
    boxes = geometry["boxes"]
    for hidden in ("p.signature", "caption"):
        if boxes[hidden] is not None:
            assert boxes[hidden]["width"] <= 1
            assert boxes[hidden]["height"] <= 1
    marks = geometry["marks"]
    assert [p.text for p in letter.placeholders] == [m["text"] for m in marks]
    assert all(m["width"] > 10 and m["height"] > 10 for m in marks)
    assert {"rgb(255, 221, 0)"} >= {m["background"] for m in marks}
    logo = boxes["p.logo img"]
    if letter.letterhead is not None and letter.letterhead.logo is not None:
        assert logo is not None
        assert (logo["width"], logo["height"]) == (160, 48)
        title, letterhead = boxes["h1"], boxes["address.letterhead"]
        assert abs(title["x"] - logo["x"]) <= 1  # at the left edge of the letter, as the title
        assert abs(letterhead["y"] - logo["y"]) <= 1  # level with the top of the letterhead
        assert logo["x"] + logo["width"] < letterhead["x"] + letterhead["width"]
    else:
        assert logo is None
