"""In Chromium: a glossary term opens its meaning in place, and is a plain link without JavaScript."""

from __future__ import annotations

import pytest

from browser import chromium, serve_folder
from factory import Course

pytestmark = pytest.mark.browser


@pytest.fixture
def built(course: Course) -> Course:
    course.module("01-tests", "We try a PDSA cycle first. Then another PDSA cycle.\n", title="Testing ideas")
    course.term("pdsa-cycle", "PDSA cycle", "A way to test a small change: plan, do, study, act.", aliases=["PDSA"])
    assert course.build().code == 0
    return course


def test_click_opens_the_meaning_in_place(built: Course) -> None:
    with serve_folder(built.root / "site") as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + "modules/tests/")
        toggle = page.locator("article .sbs-term-toggle")
        assert toggle.count() == 1
        assert toggle.get_attribute("aria-expanded") == "false"
        meaning = page.locator("#" + toggle.get_attribute("aria-controls"))
        assert not meaning.is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert meaning.is_visible()
        assert "plan, do, study, act" in meaning.inner_text()
        assert meaning.locator("a").first.get_attribute("href") == "../../glossary/#pdsa-cycle"
        toggle.click()
        assert not meaning.is_visible()


def test_without_javascript_the_term_is_a_link_to_the_glossary(built: Course) -> None:
    with serve_folder(built.root / "site") as base, chromium() as browser:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base + "modules/tests/")
        link = page.locator("article a.sbs-term")
        assert link.count() == 1
        link.click()
        page.wait_for_url("**/glossary/#pdsa-cycle")
        assert page.locator("#pdsa-cycle").is_visible()
