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
