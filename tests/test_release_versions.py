"""`sidebyside release`: versions published with mike into a real git repository's gh-pages
branch, served on 127.0.0.1 and read in Debian's Chromium."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import QuietHandler, serve_folder
from factory import Course

OLD_TEXT = "The March words about waiting lists."
NEW_TEXT = "The June words about waiting lists, rewritten with patients."


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


def make_repo(root: Path) -> Course:
    course = Course(root)
    course.config.setdefault("extra", {})["version"] = {"provider": "mike"}
    course.config["plugins"][-1]["sidebyside"]["offline_copy"] = True  # handouts to publish
    course.write_config()
    course.module(
        "01-first-steps",
        f'## Waiting\n\n{OLD_TEXT}\n\n!!! trainer "Notes for trainers"\n    A note only trainers see.\n',
        title="First steps",
        activities=[{"title": "Talk in pairs", "minutes": 5, "materials": ["pens"]}],
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Course team")
    git(root, "config", "user.email", "course@example.org")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "The course")
    return course


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Course:
    """Release 1.0, change a module, release 1.1."""
    course = make_repo(tmp_path_factory.mktemp("release") / "course")
    first = course.run("release", "1.0", "--title", "1.0 (March)")
    assert first.code == 0, first.text
    course.module(
        "01-first-steps",
        f'## Waiting\n\n{NEW_TEXT}\n\n!!! trainer "Notes for trainers"\n    A note only trainers see.\n',
        title="First steps",
        version="1.1",
        changes=[
            {"version": "1.0", "date": "2026-11-01", "changed": "First version."},
            {"version": "1.1", "date": "2026-11-20", "changed": "We rewrote the part about waiting with patient partners."},
        ],
        activities=[{"title": "Talk in pairs", "minutes": 5, "materials": ["pens"]}],
    )
    git(course.root, "commit", "-qam", "Rewrite waiting")
    second = course.run("release", "1.1")
    assert second.code == 0, second.text
    assert "latest/ and the front page now lead to 1.1" in second.out
    return course


def test_gh_pages_holds_both_versions_and_versions_json(released: Course) -> None:
    versions = json.loads(git(released.root, "show", "gh-pages:versions.json"))
    assert [v["version"] for v in versions] == ["1.1", "1.0"]
    assert versions[0]["aliases"] == ["latest"]
    assert versions[1]["aliases"] == []
    assert versions[1]["title"] == "1.0 (March)"
    tree = git(released.root, "ls-tree", "-r", "--name-only", "gh-pages").split()
    for version in ("1.0", "1.1"):
        assert f"{version}/index.html" in tree
        assert f"{version}/modules/first-steps/index.html" in tree
        assert f"{version}/handouts/test-course-offline.zip" in tree
    assert "index.html" in tree and "404.html" in tree and ".nojekyll" in tree


def test_latest_is_redirects_not_symlinks(released: Course) -> None:
    listing = git(released.root, "ls-tree", "-r", "gh-pages")
    modes = {line.split("\t")[1]: line.split()[0] for line in listing.strip().splitlines()}
    assert "120000" not in modes.values(), "no symlinks: GitHub Pages does not serve them"
    latest = git(released.root, "show", "gh-pages:latest/modules/first-steps/index.html")
    assert "../../../1.1/modules/first-steps/" in latest


def test_release_does_not_push_or_touch_the_working_branch(released: Course) -> None:
    assert git(released.root, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    assert git(released.root, "status", "--porcelain").strip() == ""


class _PagesHandler(QuietHandler):
    """Serves a folder like GitHub Pages does: the root 404.html for anything missing."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@pytest.fixture(scope="module")
def pages(released: Course, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("gh-pages") / "checkout"
    git(released.root, "worktree", "add", "-q", "--detach", str(folder), "gh-pages")
    try:
        with serve_folder(folder, _PagesHandler) as base:
            yield base.rstrip("/")
    finally:
        git(released.root, "worktree", "remove", "--force", str(folder))


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from browser import shared_browser

    yield shared_browser()


@pytest.mark.browser
def test_versions_in_chromium(pages: str, browser) -> None:
    page = browser.new_page()
    try:
        # The front page leads to latest, which leads to 1.1.
        page.goto(pages + "/")
        page.wait_for_url(pages + "/1.1/")
        page.goto(pages + "/latest/modules/first-steps/")
        page.wait_for_url(pages + "/1.1/modules/first-steps/")
        assert NEW_TEXT in page.content()
        assert "We rewrote the part about waiting with patient partners." in page.inner_text("article")
        assert "What changed in version 1.1" in page.inner_text("article")
        assert "Course version 1.1" in page.inner_text("footer")
        assert "A note only trainers see." not in page.content()

        # The version selector lists every version.
        page.wait_for_selector(".md-version__current", state="attached")
        titles = [t.strip() for t in page.locator(".md-version__link").all_text_contents()]
        assert "1.1" in " ".join(titles) and "1.0 (March)" in titles

        # 1.0 still shows the old text, its own version and its own handouts.
        page.goto(pages + "/1.0/modules/first-steps/")
        assert OLD_TEXT in page.inner_text("article")
        assert NEW_TEXT not in page.content()
        assert "Course version 1.0" in page.inner_text("footer")
        assert "What changed in version 1.0" in page.inner_text("article")
        response = page.request.get(pages + "/1.0/handouts/test-course-offline.zip")
        assert response.status == 200 and response.body()[:2] == b"PK"

        # An old unversioned address (as printed on a handout) reaches the latest version.
        page.goto(pages + "/modules/first-steps/")
        page.wait_for_url(pages + "/1.1/modules/first-steps/")
        # A missing page inside a version leads to that version's front page.
        page.goto(pages + "/1.0/no-such-page/")
        page.wait_for_url(pages + "/1.0/")
    finally:
        page.close()


@pytest.mark.browser
def test_handouts_under_latest_reach_the_newest_version(pages: str, browser) -> None:
    page = browser.new_page()
    try:
        with page.expect_download() as download:
            page.evaluate("url => { window.location.href = url; }", pages + "/latest/handouts/test-course-offline.zip")
        assert download.value.url == pages + "/1.1/handouts/test-course-offline.zip"
    finally:
        page.close()


def test_failing_checks_publish_nothing(tmp_path: Path) -> None:
    course = make_repo(tmp_path / "course")
    assert course.run("release", "1.0").code == 0
    before = git(course.root, "rev-parse", "gh-pages")
    text = (course.root / "modules/01-first-steps/index.md").read_text(encoding="utf-8")
    (course.root / "modules/01-first-steps/index.md").write_text(text.replace("duration: 20", "duraton: 20"), encoding="utf-8")
    git(course.root, "commit", "-qam", "A mistake")
    result = course.run("release", "1.1")
    assert result.code == 1
    assert "Traceback" not in result.text
    assert "duraton" in result.err and "Nothing was published" in result.err
    assert git(course.root, "rev-parse", "gh-pages") == before


def test_release_explains_setup_problems(tmp_path: Path) -> None:
    course = Course(tmp_path / "course")
    course.module("01-first-steps")
    outside = course.run("release", "1.0")
    assert outside.code == 2 and "not in a git repository" in outside.err and "Traceback" not in outside.text
    git(course.root, "init", "-q", "-b", "main")
    bad = course.run("release", "latest")
    assert bad.code == 1 and "cannot be used as a version" in bad.err
