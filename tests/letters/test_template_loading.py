"""Loading a user's templates: the file opened is the file checked, and the cache follows it.

A check of a template's path before it is opened loses a race to a process
that swaps the file for a link between the two, and Jinja's cache then keeps
serving what was read. The loader opens the file first, without following a
link, checks what it opened, and refuses hard links (a link count above one).
"""

import contextlib
import os
import threading
from pathlib import Path

import pytest

from inspection_letters import (
    InspectionLettersError,
    TemplateSecurityError,
    render_letter,
)
from tests.helpers import example

SECRET = "SECRET FILE CONTENTS"
CHILDREN = "{% call set('title') %}{% include 'part.jinja' %}{% endcall %}"


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    """A template directory whose children's template includes ``part.jinja``."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "children.jinja").write_text(CHILDREN, encoding="utf-8")
    (templates / "part.jinja").write_text("Inside", encoding="utf-8")
    (tmp_path / "outside.txt").write_text(SECRET, encoding="utf-8")
    return templates


def _title(directory: Path) -> str:
    return render_letter(example(), template_dir=directory).title


def _swap_to_link(part: Path, target: Path) -> None:
    """Replace ``part`` by a symbolic link to ``target`` in one step, as an attacker would."""
    link = part.with_suffix(".swap")
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(target, link)
    os.replace(link, part)


def test_regression_hard_link_to_a_file_outside_is_refused(directory: Path) -> None:
    """A template that is a hard link (link count above one) is not read."""
    (directory / "part.jinja").unlink()
    os.link(directory.parent / "outside.txt", directory / "part.jinja")
    with pytest.raises(TemplateSecurityError, match="has other links") as raised:
        _title(directory)
    assert SECRET not in str(raised.value)


def test_regression_link_swapped_in_after_the_check_is_not_followed(
    directory: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link swapped in just after the loader resolved the path is refused, not read."""
    part = directory / "part.jinja"
    real = os.path.realpath

    def resolve_then_swap(path: "str | os.PathLike[str]", **options: bool) -> str:
        answer = real(path, **options)
        if os.fspath(path).endswith("part.jinja") and not part.is_symlink():
            _swap_to_link(part, directory.parent / "outside.txt")
        return answer

    monkeypatch.setattr(os.path, "realpath", resolve_then_swap)
    with pytest.raises(InspectionLettersError) as raised:
        _title(directory)
    assert SECRET not in str(raised.value)


def test_regression_a_swapping_process_never_gets_an_outside_file_read(directory: Path) -> None:
    """With the file swapped between a file and a link all along, no render shows the secret."""
    part = directory / "part.jinja"
    stop = threading.Event()

    def swap() -> None:
        while not stop.is_set():
            _swap_to_link(part, directory.parent / "outside.txt")
            inside = part.with_suffix(".new")
            inside.write_text("Inside", encoding="utf-8")
            os.replace(inside, part)

    swapper = threading.Thread(target=swap)
    swapper.start()
    titles: list[str] = []
    try:
        for _ in range(300):
            # Refused, as it should be, while the link is there.
            with contextlib.suppress(InspectionLettersError):
                titles.append(_title(directory))
    finally:
        stop.set()
        swapper.join()
    assert [] == [title for title in titles if SECRET in title]


def test_regression_cache_does_not_serve_a_template_swapped_for_a_link(directory: Path) -> None:
    """A template read once and then swapped for a link is loaded again, and refused."""
    part = directory / "part.jinja"
    assert "Inside" == _title(directory)
    stat = part.stat()
    _swap_to_link(part, directory.parent / "outside.txt")
    os.utime(directory.parent / "outside.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(TemplateSecurityError):
        _title(directory)


def test_cache_notices_a_template_replaced_with_the_same_time(directory: Path) -> None:
    """A template replaced by another file with the same modification time is read again."""
    part = directory / "part.jinja"
    assert "Inside" == _title(directory)
    stat = part.stat()
    replacement = directory / "part.new"
    replacement.write_text("Edited", encoding="utf-8")
    os.utime(replacement, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    os.replace(replacement, part)
    assert "Edited" == _title(directory)


def test_a_template_that_is_not_a_regular_file_is_refused(directory: Path) -> None:
    """A FIFO in place of a template is refused at once, not waited on."""
    part = directory / "part.jinja"
    part.unlink()
    os.mkfifo(part)
    with pytest.raises(TemplateSecurityError, match="not a regular file"):
        _title(directory)
