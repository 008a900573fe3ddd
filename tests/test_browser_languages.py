"""A course in English, Welsh and Urdu, in Debian's Chromium: the language switcher keeps the
reader on the same page (online and in the offline copy), Urdu is laid out right to left,
untranslated and out-of-date pages say so, and every language passes axe-core."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser_support import SCREENSHOTS, describe_violations, goto, run_axe
from languages_course import three_language_course, translate

pytestmark = pytest.mark.browser

OFFLINE_ZIP = "handouts/test-course-offline.zip"  # named from the course (site_name "Test course")
# Light and dark colours, as the reference course's mkdocs.yml has them.
PALETTE = [
    {
        "media": "(prefers-color-scheme: light)",
        "scheme": "default",
        "primary": "custom",
        "accent": "custom",
        "toggle": {"icon": "material/weather-night", "name": "Switch to dark colours"},
    },
    {
        "media": "(prefers-color-scheme: dark)",
        "scheme": "slate",
        "primary": "custom",
        "accent": "custom",
        "toggle": {"icon": "material/weather-sunny", "name": "Switch to light colours"},
    },
]


@pytest.fixture(scope="module")
def language_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three-language course, built once, with the offline copy and a Welsh page that is out of date."""
    course = three_language_course(tmp_path_factory.mktemp("languages") / "course")
    course.config["plugins"][2]["sidebyside"]["offline_copy"] = True
    course.config["theme"]["palette"] = PALETTE
    course.write_config()
    translate(course, "docs/about.cy.md", "# Amdanom ni\n\nPwy ysgrifennodd y cwrs.\n", translated_from="000000000000")
    # An English title ending in punctuation, left untranslated: it shows in the Urdu menu.
    course.module("03-what-is-a-team", title="What is a team?", order=3, body="# What is a team?\n\nPeople who work together.\n")
    result = course.build()
    assert result.code == 0, result.text
    return course.root / "site"


@pytest.fixture(scope="module")
def base(language_site: Path) -> Iterator[str]:
    from browser import serve_folder

    with serve_folder(language_site) as url:
        yield url


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    yield context.new_page()
    context.close()


def test_the_switcher_keeps_the_reader_on_the_same_page(page: Any, base: str) -> None:
    goto(page, base + "cy/modules/welcome/", "light")
    assert "Byddwn yn siarad" in page.inner_text("article")
    page.locator("nav.sbs-languages a[data-sbs-language='ur']").click()
    page.wait_for_url(base + "ur/modules/welcome/")
    assert "ہم ایک" in page.inner_text("article")
    page.locator("nav.sbs-languages a[data-sbs-language='en']").click()
    page.wait_for_url(base + "modules/welcome/")
    assert "Welcome to the course" in page.inner_text("article")
    # An untranslated page: the switcher still leads to the same page, shown with its notice.
    goto(page, base + "modules/teams/", "light")
    page.locator("nav.sbs-languages a[data-sbs-language='cy']").click()
    page.wait_for_url(base + "cy/modules/teams/")
    notice = page.locator(".sbs-language-notice")
    assert notice.is_visible() and "Does dim fersiwn Cymraeg" in notice.inner_text()
    assert "How teams work together." in page.inner_text("article")


def test_urdu_pages_are_laid_out_right_to_left(page: Any, base: str) -> None:
    layout = """() => {
        const article = document.querySelector('article');
        const menu = document.querySelector('.md-sidebar--primary').getBoundingClientRect();
        const content = document.querySelector('.md-content').getBoundingClientRect();
        const title = document.querySelector('article h1').getBoundingClientRect();
        const words = document.createRange();
        words.selectNodeContents(document.querySelector('article h1'));
        return {direction: getComputedStyle(article).direction, menuFirst: menu.left < content.left,
                titleAtRight: Math.abs(words.getBoundingClientRect().right - title.right) < 2};
    }"""
    goto(page, base + "ur/modules/welcome/", "light")
    assert page.evaluate("document.documentElement.getAttribute('dir')") == "rtl"
    urdu = page.evaluate(layout)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "languages-urdu-module.png"))
    assert urdu == {"direction": "rtl", "menuFirst": False, "titleAtRight": True}
    goto(page, base + "modules/welcome/", "light")
    assert page.evaluate(layout) == {"direction": "ltr", "menuFirst": True, "titleAtRight": False}


def test_an_out_of_date_translation_says_so_and_links_to_the_original(page: Any, base: str) -> None:
    goto(page, base + "cy/about/", "light")
    notice = page.locator(".sbs-language-notice").first
    assert notice.is_visible()
    assert "Efallai fod y cyfieithiad hwn wedi dyddio" in notice.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "languages-welsh-out-of-date.png"))
    notice.locator("a").click()
    page.wait_for_url(base + "about/")
    assert "Who wrote this course." in page.inner_text("article")


@pytest.mark.parametrize(
    "path",
    ["", "cy/modules/welcome/", "cy/about/", "cy/modules/teams/", "ur/modules/welcome/", "ur/glossary/", "ur/modules/what-is-a-team/"],
)
def test_pages_in_every_language_have_no_axe_violations(chromium: Any, base: str, path: str) -> None:
    problems: list[str] = []
    for scheme, width in (("light", 1280), ("dark", 320)):
        context = chromium.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
        try:
            page = context.new_page()
            goto(page, base + path, scheme)
            problems += describe_violations(path, scheme, width, run_axe(page))
        finally:
            context.close()
    assert not problems, "\n".join(problems)


def test_the_offline_copy_switches_language_from_files(language_site: Path, tmp_path: Path, chromium: Any) -> None:
    with zipfile.ZipFile(language_site / OFFLINE_ZIP) as archive:
        archive.extractall(tmp_path)
    start = tmp_path / "test-course" / "cy" / "modules" / "welcome" / "index.html"
    page = chromium.new_page()
    try:
        page.goto(start.as_uri())
        page.locator("nav.sbs-languages a[data-sbs-language='ur']").click()
        page.wait_for_url("**/test-course/ur/modules/welcome/index.html")
        assert "ہم ایک" in page.inner_text("article")
        page.locator("nav.sbs-languages a[data-sbs-language='en']").click()
        page.wait_for_url("**/test-course/modules/welcome/index.html")
        assert "Welcome to the course" in page.inner_text("article")
        # The menu of a Welsh page leads to Welsh pages, from files too.
        page.goto(start.as_uri())
        page.locator("nav.md-nav--primary a", has_text="Glossary").first.click()
        page.wait_for_url("**/test-course/cy/glossary/index.html")
    finally:
        page.close()


# --- the theme's own words and English titles on pages in other languages -----------------

# Material's own words for Welsh and Urdu (its partials/languages/cy.html and ur.html), and ours.
INTERFACE = {
    "cy": {
        "placeholder": "Chwilio",
        "toc": "Cynnwys tudalen",
        "skip": "Neidio i'r prif gynnwys",
        "menu": "Dewislen",
        "none": "Dim dogfennau sy'n cyfateb",
    },
    "ur": {
        "placeholder": "تلاش کریں",
        "toc": "فہرست",
        "skip": "مرکزی مواد پر جائیں",
        "menu": "مینو",
        "none": "کوئی ملتی جلتی دستاویزات نہیں",
    },
}
INTERFACE_WORDS = """() => ({
    placeholder: document.querySelector('.md-search__input').getAttribute('placeholder'),
    toc: document.querySelector('label.md-nav__title[for="__toc"]').textContent.trim(),
    skip: document.querySelector('a.md-skip').textContent.trim(),
    menu: document.querySelector('[data-sbs-toggle="__drawer"]').getAttribute('aria-label'),
    none: JSON.parse(document.getElementById('__config').textContent).translations['search.result.none'],
})"""


@pytest.fixture
def phone(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 375, "height": 740}, color_scheme="light")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("code", ["cy", "ur"])
def test_the_theme_speaks_the_pages_language(page: Any, base: str, code: str) -> None:
    goto(page, base + f"{code}/modules/welcome/", "light")
    assert page.evaluate(INTERFACE_WORDS) == INTERFACE[code]
    # The English page keeps the theme's English.
    goto(page, base + "modules/welcome/", "light")
    assert page.evaluate(INTERFACE_WORDS)["placeholder"] == "Search"


def test_welsh_search_says_in_welsh_when_nothing_matches(phone: Any, base: str) -> None:
    goto(phone, base + "cy/modules/welcome/", "light")
    phone.locator('[data-sbs-toggle="__search"]').click()
    phone.locator(".md-search__input").press_sequentially("zzqxw", delay=30)
    meta = phone.locator(".md-search-result__meta")
    meta.wait_for(state="visible")
    # Material's placeholder ("Type to start searching", in Welsh) until the search has run.
    typing = phone.evaluate("JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']")
    assert typing == "Teipiwch i ddechrau chwilio"
    phone.wait_for_function("(typing) => document.querySelector('.md-search-result__meta').textContent.trim() !== typing", arg=typing)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SCREENSHOTS / "languages-welsh-search-phone.png"))
    assert meta.inner_text().strip() == INTERFACE["cy"]["none"]


def test_an_english_title_in_the_urdu_menu_keeps_its_question_mark_at_its_end(phone: Any, base: str) -> None:
    goto(phone, base + "ur/modules/welcome/", "light")
    phone.locator('[data-sbs-toggle="__drawer"]').click()
    link = phone.locator(".md-nav--primary a.md-nav__link", has_text="What is a team?").first
    link.wait_for(state="visible")
    # The menu slides in from the right: the picture is taken once it is all on screen.
    phone.wait_for_function(
        "(() => { const r = document.querySelector('.md-sidebar--primary').getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; })()"
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SCREENSHOTS / "languages-urdu-menu-phone.png"))
    title = link.locator("span[lang]")
    assert title.get_attribute("lang") == "en-GB" and title.get_attribute("dir") == "ltr"
    shown = title.evaluate(
        """(el) => {
            const text = el.firstChild, range = document.createRange();
            const at = (i) => { range.setStart(text, i); range.setEnd(text, i + 1); return range.getBoundingClientRect().left; };
            const box = el.getBoundingClientRect();
            return {direction: getComputedStyle(el).direction, menu: getComputedStyle(el.closest('nav')).direction,
                    markAfterWords: at(text.length - 1) > at(0), onScreen: box.left >= 0 && box.right <= innerWidth};
        }"""
    )
    # The menu runs right to left; the English title inside it left to right, "?" at its end.
    assert shown == {"direction": "ltr", "menu": "rtl", "markAfterWords": True, "onScreen": True}
    # Titles translated into Urdu are not marked as English.
    assert phone.locator(".md-nav--primary span[lang='en-GB']", has_text="خوش").count() == 0


def test_english_words_a_translation_left_out_are_marked_as_english(page: Any, base: str) -> None:
    # The Welsh and Urdu "Welcome" translate the title and text, not the summary or the outcomes.
    marks = """() => [document.querySelector('.sbs-summary'), ...document.querySelectorAll('article li > span[lang]')]
        .map((el) => [el.textContent.trim(), el.getAttribute('lang'), getComputedStyle(el).direction])"""
    goto(page, base + "ur/modules/welcome/", "light")
    assert page.evaluate(marks) == [["A short module for testing.", "en-GB", "ltr"], ["know what a test is", "en-GB", "ltr"]]
    goto(page, base + "cy/modules/welcome/", "light")
    assert page.evaluate(marks) == [["A short module for testing.", "en-GB", "ltr"], ["know what a test is", "en-GB", "ltr"]]
    # The English page needs no marks: all of it is English.
    goto(page, base + "modules/welcome/", "light")
    assert page.evaluate("document.querySelector('.sbs-summary').hasAttribute('lang')") is False


@pytest.mark.parametrize("code", ["cy", "ur"])
def test_the_trainer_edition_follows_the_language_with_a_notice(page: Any, base: str, code: str) -> None:
    # No translation has trainer pages of its own yet: each shows the English, saying so in the reader's language.
    for path in ("trainers/session-plan/", "trainers/modules/welcome/"):
        goto(page, base + f"{code}/{path}", "light")
        notice = page.locator(".sbs-language-notice")
        assert notice.count() == 1 and notice.get_attribute("lang") == code
        assert page.evaluate("document.documentElement.lang") == "en-GB"
        assert page.locator(f"nav.sbs-languages a[data-sbs-language='{code}']").get_attribute("aria-current") == "page"
