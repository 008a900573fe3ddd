"""Every page of the reference course passes axe-core (WCAG 2.2 A and AA, and best
practice) in Debian's Chromium: light and dark colours, a computer and a small phone.

Every page of every language is read in light colours on a computer; in the other three
the course's own pages and one page of each kind in each other language (see `sampled`)."""

from __future__ import annotations

import re
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


def languages_of(site: Path) -> set[str]:
    """The codes of the site's other languages: the folders that hold a copy of the course."""
    return {d.name for d in site.iterdir() if d.is_dir() and (d / "modules" / "index.html").is_file()}


def sampled(site: Path, pages: list[str], every_translation: bool = False) -> list[str]:
    """Every page of the course's own language, and in each other language one page of each kind
    (a module, an Easy Read page, a story, the glossary...), translated and not yet translated;
    with `every_translation`, every translated page too.

    A page in another language is the same template, theme and colours as its original, with
    its words, a notice and the language's direction: one of each kind, in every colour and
    width, finds what a language changes. A copy not yet translated is its original's text,
    which every run reads, with the notice that one of each kind shows; the light desktop run
    also reads every page that has its own translated words.
    """
    codes = languages_of(site)
    chosen, seen = [], set()
    for path in pages:
        first, _, rest = path.partition("/")
        if first not in codes:
            chosen.append(path)
            continue
        text = (site / path / "index.html").read_text(encoding="utf-8")
        shown_in = re.search(r'<html lang="([^"]*)"', text)  # a copy not yet translated is in the original's language
        kind = (first, rest.split("/")[0], rest.count("/"), shown_in.group(1) if shown_in else "")
        if kind not in seen or (every_translation and kind[3].split("-")[0] == first):
            seen.add(kind)
            chosen.append(path)
    return chosen


def test_one_of_each_kind_keeps_every_page_of_the_course_and_both_kinds_of_copy(reference_site: Path) -> None:
    pages = site_pages(reference_site)
    chosen = sampled(reference_site, pages)
    assert languages_of(reference_site) == {"cy", "ur"}
    assert [p for p in pages if p.split("/")[0] not in ("cy", "ur")] == [p for p in chosen if p.split("/")[0] not in ("cy", "ur")]
    for code in ("cy", "ur"):
        assert f"{code}/" in chosen and f"{code}/glossary/" in chosen
        assert f"{code}/modules/welcome/" in chosen  # translated
        assert any(p.startswith(f"{code}/modules/") and p.count("/") == 3 and p != f"{code}/modules/welcome/" for p in chosen)
    assert len(chosen) < len(pages)
    fuller = sampled(reference_site, pages, every_translation=True)
    assert set(chosen) <= set(fuller) < set(pages)
    for path in fuller:
        first = path.split("/")[0]
        if first in ("cy", "ur") and path not in chosen:  # only pages with their own translated words are added
            assert f'<html lang="{first}' in (reference_site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_page_has_no_axe_violations(chromium: Any, site_url: str, reference_site: Path, scheme: str, width_name: str) -> None:
    width = WIDTHS[width_name]
    context = chromium.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    problems: list[str] = []
    try:
        pages = site_pages(reference_site)
        for path in sampled(reference_site, pages, every_translation=(scheme, width_name) == ("light", "desktop")):
            goto(page, site_url + path, scheme)
            problems += describe_violations(path, scheme, width, run_axe(page))
    finally:
        context.close()
    assert not problems, f"axe-core found {len(problems)} accessibility problem(s):\n" + "\n".join(problems)
