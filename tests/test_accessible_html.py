"""The plugin's fixes to Material's HTML reach every built page, and fail loudly if
Material changes so that a fix no longer finds what it looks for."""

from __future__ import annotations

from factory import Course
from sidebyside.site import accessible_html


def test_every_built_page_gets_every_fix(course: Course) -> None:
    course.module("01-first", "## Getting going\n\nWe talk about a PDSA cycle here.\n", title="First steps")
    course.module("02-second", "No headings on this page.\n", title="Second steps", order=2)
    course.term("pdsa-cycle", "PDSA cycle", "A way to test a small change: plan, do, study, act.")
    course.config["nav"] = [{"Home": "index.md"}, {"Modules": "modules/index.md"}, {"Glossary": "glossary/index.md"}]
    course.write_config()
    result = course.build()
    assert result.code == 0, result.text
    pages = sorted((course.root / "site").rglob("*.html"))
    assert len(pages) >= 5
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert accessible_html.missing_fixes(html) == [], f"{path}: {accessible_html.missing_fixes(html)}"
        assert html.count('class="md-skip"') == 1
        assert '<html lang="en-GB"' in html


def test_a_fix_that_finds_nothing_is_reported() -> None:
    page = "<html><body><p>Not Material's HTML</p></body></html>"
    assert accessible_html.apply(page) == page
    assert "skip link to the page content" in accessible_html.missing_fixes(page)
    assert "keyboard button for the menu" in accessible_html.missing_fixes(page)


def test_menu_sections_are_named_after_their_titles() -> None:
    page = (
        '<label class="md-nav__link " for="__nav_2" id="__nav_2_label" tabindex=""><span class="md-nav__icon md-icon"></span></label>'
        '<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" aria-expanded="true">'
        '<label class="md-nav__title" for="__nav_2"><span class="md-nav__icon md-icon"></span>\n  Tips &amp; tricks\n</label>'
    )
    fixed = accessible_html.section_names(page)
    assert 'id="__nav_2_label" aria-label="Tips &amp; tricks" tabindex=""' in fixed
