"""Every page of the reference course passes axe-core (WCAG 2.2 A and AA, and best
practice) in Debian's Chromium: light and dark colours, a computer and a small phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser_support import SCHEMES, WIDTHS, describe_violations, goto, run_axe, site_pages

pytestmark = pytest.mark.browser


def test_every_page_of_the_course_is_found(reference_site: Path) -> None:
    pages = site_pages(reference_site)
    modules = sorted(p.name for p in (reference_site / "modules").iterdir() if (p / "index.html").is_file())
    assert len(modules) == 9
    for expected in ["", "glossary/", "stories/", "modules/", "accessibility/", "404.html", *(f"modules/{m}/" for m in modules)]:
        assert expected in pages
    assert len(pages) >= 19


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_page_has_no_axe_violations(chromium: Any, site_url: str, reference_site: Path, scheme: str, width_name: str) -> None:
    width = WIDTHS[width_name]
    context = chromium.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    problems: list[str] = []
    try:
        for path in site_pages(reference_site):
            goto(page, site_url + path, scheme)
            problems += describe_violations(path, scheme, width, run_axe(page))
    finally:
        context.close()
    assert not problems, f"axe-core found {len(problems)} accessibility problem(s):\n" + "\n".join(problems)
