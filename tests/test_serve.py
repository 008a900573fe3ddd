"""`sidebyside serve` previews the course and picks up an edited module."""

from __future__ import annotations

import subprocess
import time
import urllib.request

from browser import free_port
from factory import SIDEBYSIDE, Course


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _get(url):
            return True
        time.sleep(0.2)
    return False


def test_serve_shows_an_edited_module(course: Course) -> None:
    course.module("01-welcome", "The first words.\n", title="Welcome")
    port = free_port()
    process = subprocess.Popen(
        [str(SIDEBYSIDE), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=course.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        url = f"http://127.0.0.1:{port}/modules/welcome/"
        assert _wait_for(url, "The first words."), "the preview did not start"
        course.module("01-welcome", "The changed words.\n", title="Welcome")
        assert _wait_for(url, "The changed words."), "the preview did not pick up the change"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_preview_does_not_make_handouts_but_says_so(course: Course) -> None:
    course.module("01-welcome", "The first words.\n", title="Welcome")
    port = free_port()
    process = subprocess.Popen(
        [str(SIDEBYSIDE), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=course.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/handouts/", "Run <code>sidebyside build</code> to make them")
        assert not (course.root / ".sidebyside-cache" / "handouts").exists() or not list(
            (course.root / ".sidebyside-cache" / "handouts").glob("*.pdf")
        )
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert course.build().code == 0
    assert (course.root / "site" / "handouts" / "welcome.pdf").is_file()


def test_the_preview_starts_with_problems_keeps_the_last_good_pages_and_never_hangs(course: Course) -> None:
    broken = "---\ntitle: Welcome\norder: not a number\n---\nWords.\n"
    course.module("01-welcome", "The first words.\n", title="Welcome")
    good = (course.root / "modules" / "01-welcome" / "index.md").read_text()
    (course.root / "modules" / "01-welcome" / "index.md").write_text(broken)
    port = free_port()
    process = subprocess.Popen(
        [str(SIDEBYSIDE), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=course.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        # It starts although the course has a problem, and says what it is in plain words.
        assert _wait_for(base, "Problems to fix"), "the preview did not start with a problem in the course"
        problems = _get(base + "sidebyside-problems/")
        assert "modules/01-welcome/index.md" in problems and "`order` should be a whole number" in problems
        assert "Traceback" not in problems
        # Fixed: the pages appear.
        (course.root / "modules" / "01-welcome" / "index.md").write_text(good)
        assert _wait_for(base + "modules/welcome/", "The first words."), "the preview did not recover"
        assert "No problems to fix" in _get(base + "sidebyside-problems/")
        # Broken again: the last good page is still served at once (not stuck), marked out of date.
        (course.root / "modules" / "01-welcome" / "index.md").write_text(broken)
        assert _wait_for(base + "modules/welcome/", "This preview is out of date"), "the last good page was not kept"
        page = _get(base + "modules/welcome/")  # a stuck server answers nothing (_get gives up, returns "")
        assert "The first words." in page and "sidebyside-problems/" in page
        assert "`order` should be a whole number" in _get(base + "sidebyside-problems/")
    finally:
        process.terminate()
        process.wait(timeout=30)
