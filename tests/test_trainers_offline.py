"""The offline copy: a zip of the whole site that opens from files, search included."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from factory import Course

ZIP = "handouts/test-course-offline.zip"  # named from site_name


def _course(course: Course) -> None:
    course.config["plugins"][-1]["sidebyside"]["offline_copy"] = True
    course.write_config()
    course.module("01-first-steps", "## Getting going\n\nWe look at a run chart together.\n", title="First steps")
    course.module("02-meetings", "## Meetings\n\nAn agenda lists what a meeting will cover.\n", title="Meetings", order=2)
    course.term("run-chart", "run chart", "A graph that shows how something changes over time.", aliases=["run charts"])


def test_build_writes_the_offline_zip(course: Course) -> None:
    _course(course)
    result = course.build()
    assert result.code == 0, result.text
    with zipfile.ZipFile(course.root / "site" / ZIP) as archive:
        names = set(archive.namelist())
    assert "HOW-TO-OPEN.txt" in names
    assert "test-course/index.html" in names
    assert "test-course/modules/first-steps/index.html" in names
    assert "test-course/search/search_index.js" in names
    assert "test-course/assets/sidebyside/iframe-worker-shim.js" in names
    assert not any(name.endswith(".zip") for name in names)  # no copy of itself inside
    with zipfile.ZipFile(course.root / "site" / ZIP) as archive:
        home = archive.read("test-course/index.html").decode()
        module = archive.read("test-course/modules/first-steps/index.html").decode()
    assert "unpkg.com" not in home  # nothing is fetched from the internet
    assert 'href="modules/first-steps/index.html"' in home
    assert 'href="../../glossary/index.html#run-chart"' in module


def test_offline_copy_can_be_turned_off(course: Course) -> None:
    _course(course)
    course.config["plugins"][-1]["sidebyside"]["offline_copy"] = False
    course.write_config()
    assert course.build().code == 0
    assert not (course.root / "site" / ZIP).exists()


@pytest.mark.browser
def test_offline_copy_works_from_files_in_chromium(course: Course, tmp_path: Path) -> None:
    from browser import shared_browser

    _course(course)
    assert course.build().code == 0
    unpacked = tmp_path / "usb-stick"
    with zipfile.ZipFile(course.root / "site" / ZIP) as archive:
        archive.extractall(unpacked)
    home = (unpacked / "test-course" / "index.html").as_uri()
    browser = shared_browser()
    page = browser.new_page()
    try:
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(home)
        page.locator("nav.md-nav--primary a[href='modules/index.html']").first.click()
        page.wait_for_url("**/modules/index.html")
        page.locator("article a", has_text="First steps").first.click()
        page.wait_for_url("**/modules/first-steps/index.html")
        assert "We look at a run chart together." in page.inner_text("article")

        page.goto(home)
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("agenda", delay=30)
        page.wait_for_selector(".md-search-result__item", timeout=20000)
        first = page.locator(".md-search-result__item a").first
        assert "Meetings" in first.inner_text()
        assert all(url.startswith(("file:", "data:", "about:", "blob:")) for url in requests), requests
    finally:
        page.close()
