"""The publish gate's memory of passed pages: it saves work on a warm build, and cannot be fooled.

The pages themselves are compared with and without it in
test_performance.test_build_output_is_identical_with_and_without_caches.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factory import Course
from sidebyside.app.passed_pages import FILE, KEEP_EARLIER, PassedPages

HOSTILE = '<p>Hello</p><script>alert("hi")</script>'


def test_a_passed_file_written_by_someone_else_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "course"
    project.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    forged = PassedPages(project)
    forged.add(forged.key(HOSTILE))
    forged.save()  # as a pull request could commit it
    assert (project / FILE).is_file()

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "ci-machine"))
    ours = PassedPages(project)
    assert not ours.passed(ours.key(HOSTILE))
    assert ours.key(HOSTILE) != forged.key(HOSTILE)


def test_a_changed_page_or_permission_is_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = PassedPages(tmp_path)
    first.add(first.key("<p>Ring 0113 496 0000</p>", ["phone"]))
    first.save()
    again = PassedPages(tmp_path)
    assert again.passed(again.key("<p>Ring 0113 496 0000</p>", ["phone"]))
    assert not again.passed(again.key("<p>Ring 0113 496 0000</p>", []))  # the permission was taken away
    assert not again.passed(again.key("<p>Ring 0113 496 0001</p>", ["phone"]))  # the page changed
    assert "0113" not in (tmp_path / FILE).read_text(encoding="ascii")  # hashes only, never the text


def test_a_warm_build_remembers_every_page_and_earlier_builds_pages_within_a_bound(course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(course.root.parent / "cache"))
    course.module("01-one", "## Start\n\nWe meet.\n", title="One")
    course.module("02-two", "## More\n\nWe meet again.\n", title="Two", order=2)
    assert course.build().code == 0
    kept = (course.root / FILE).read_text(encoding="ascii").split()
    assert len(kept) == _remembered(course)
    (course.root / "modules" / "02-two").rename(course.root / "02-two-away")
    assert course.build().code == 0
    now = (course.root / FILE).read_text(encoding="ascii").split()
    this_build = now[: _remembered(course)]
    # This build's pages come first; the earlier build's are kept after them (a course built
    # in turn with other settings keeps both), each key once.
    assert len(set(now)) == len(now) and set(now) == set(this_build) | set(kept) and len(this_build) < len(kept)
    # Every finished page changed (its menu lost a module), but the content of most pages did not: those keep their keys.
    assert len(this_build) // 4 <= len(set(this_build) & set(kept)) < len(this_build) // 2
    # Built back as it was: the first build's pages are all found again.
    (course.root / "02-two-away").rename(course.root / "modules" / "02-two")
    assert course.build().code == 0
    assert (course.root / FILE).read_text(encoding="ascii").split()[: len(kept)] == kept


def test_keys_of_earlier_builds_drop_off_beyond_the_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for build in range(30):
        passed = PassedPages(tmp_path)
        for page in range(10):
            passed.add(passed.key(f"<p>build {build} page {page}</p>"))
        passed.save()
    kept = (tmp_path / FILE).read_text(encoding="ascii").split()
    last = PassedPages(tmp_path)
    assert len(kept) == KEEP_EARLIER * 10 + 100
    assert last.passed(last.key("<p>build 29 page 3</p>")) and not last.passed(last.key("<p>build 0 page 3</p>"))


def _remembered(course: Course) -> int:
    """Two keys for each page (its content, and the finished page with the theme), one for "not found"."""
    pages = len(list((course.root / "site").rglob("*.html"))) - 1  # the "not found" page is a template, not a page
    return 2 * pages + 1
