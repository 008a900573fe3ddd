"""A small course builds, and a module page shows what a reader needs."""

from factory import Course


def test_small_course_builds_with_module_page(course: Course) -> None:
    course.module("01-first-steps", "## Getting going\n\nWe talk about a PDSA cycle here.\n", title="First steps")
    course.term("pdsa-cycle", "PDSA cycle", "A way to test a small change: plan, do, study, act.", aliases=["PDSA", "PDSA cycles"])
    result = course.build()
    assert result.code == 0, result.text
    page = course.page("modules/first-steps/index.html")
    assert "First steps" in page
    assert "Words in this module" in page
    assert 'href="../../glossary/#pdsa-cycle"' in page
