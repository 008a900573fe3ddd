"""Reader first, in Chromium on the reference course: on a 375 x 812 phone the lesson starts on
the first screen after the outcomes; glossary words are marked quietly and open in place without
leaving punctuation on a line of its own; everyday senses are not linked; axe finds nothing with a
meaning open; screenshots of a module, a story and the glossary are saved for people to look at."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from browser_support import SCHEMES, SCREENSHOTS, describe_violations, goto, run_axe

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
STORY = "stories/the-phone-call-before-dad-came-home/"

# Where the lesson's first paragraph starts, measured from the bottom of the outcomes list.
LESSON_START = """() => {
    const heading = [...document.querySelectorAll('article h2')].find(h => h.textContent.includes('By the end of this module'));
    const outcomes = heading.nextElementSibling;
    let node = outcomes.nextElementSibling;
    while (node && node.tagName !== 'P') node = node.nextElementSibling;
    const first = node.getBoundingClientRect();
    return {gap: first.top - outcomes.getBoundingClientRect().bottom, text: node.textContent.slice(0, 60),
            between: (() => { let n = outcomes.nextElementSibling, t = []; while (n && n !== node) { t.push(n.tagName + '.' + n.className); n = n.nextElementSibling; } return t; })()};
}"""

# For each marked term: is its last word on the same line as the punctuation after it,
# and the punctuation before it on the same line as its first word?
PUNCTUATION = """() => {
    const lineOf = (node, start, end) => { const r = document.createRange(); r.setStart(node, start); r.setEnd(node, end);
        const rects = [...r.getClientRects()].filter(x => x.width > 0); return rects.length ? rects[0] : null; };
    const problems = [];
    for (const group of document.querySelectorAll('article .sbs-t')) {
        const end = group.querySelector('.sbs-t-end').firstChild;
        const word = lineOf(end, end.length - 1, end.length);
        const after = group.lastChild.nodeType === 3 ? group.lastChild : null;
        if (after && after.length && word) {
            const mark = lineOf(after, 0, after.length);
            if (mark && Math.abs(mark.bottom - word.bottom) > 3) problems.push('after ' + group.textContent);
        }
        const before = group.firstChild.nodeType === 3 ? group.firstChild : null;
        const link = group.querySelector('a.sbs-term');
        if (before && before.length) {
            const first = [...link.getClientRects()][0];
            const mark = lineOf(before, before.length - 1, before.length);
            if (mark && first && Math.abs(mark.bottom - first.bottom) > 3) problems.push('before ' + group.textContent);
        }
    }
    return problems;
}"""

# Text a sighted reader sees that is only there to say "this is a glossary word".
VISIBLE_HELPER_WORDS = r"""() => {
    const found = [];
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, box = node.parentElement.getBoundingClientRect();
        if (box.width > 2 && box.height > 2 && /^\W*(what is this|hide (the )?meaning|what it means)\W*$/i.test(node.textContent.trim())) found.push(node.textContent);
    }
    for (const el of document.querySelectorAll('article *')) {
        for (const pseudo of ['::before', '::after']) {
            const content = getComputedStyle(el, pseudo).content;
            if (content && content.startsWith('"') && /[a-z]{3,}/i.test(content)) found.push(pseudo + ' ' + content);
        }
    }
    return found;
}"""


# The text just before an open meaning, inside its paragraph or list item (its
# sentence should have ended there), or null when the meaning ends the block.
SENTENCE_BEFORE = """(meaning) => {
    const block = meaning.parentElement.closest('p, li, td, th, dd, dt, blockquote, figcaption') || meaning.parentElement;
    const range = document.createRange();
    range.setStart(block, 0);
    range.setEndBefore(meaning);
    const clone = range.cloneContents();
    clone.querySelectorAll('.sbs-term-def').forEach(d => d.remove());
    const before = clone.textContent;
    const after = document.createRange();
    after.setStartAfter(meaning);
    after.setEnd(block, block.childNodes.length);
    const rest = after.cloneContents();
    rest.querySelectorAll('.sbs-term-def').forEach(d => d.remove());
    return rest.textContent.trim() ? before : null;
}"""


def _modules(site: Path) -> list[str]:
    return sorted(f"modules/{p.name}/" for p in (site / "modules").iterdir() if (p / "index.html").is_file())


def test_on_a_phone_every_module_starts_its_lesson_on_the_first_screen(open_page: Any, reference_site: Path) -> None:
    for path in _modules(reference_site):
        page = open_page(path, **PHONE)
        start = page.evaluate(LESSON_START)
        assert start["gap"] < PHONE["height"] / 2, f"/{path}: the lesson starts {start['gap']:.0f} px below the outcomes ({start})."
        assert page.locator("article .sbs-words").count() in (0, 1)
        if page.locator("article .sbs-words").count():
            words_top = page.locator("article .sbs-words").bounding_box()["y"]
            assert words_top > page.locator("article p", has_text=start["text"][:30]).first.bounding_box()["y"]


def test_glossary_words_are_marked_quietly_and_open_in_place(open_page: Any, reference_site: Path) -> None:
    for path in [*_modules(reference_site), STORY]:
        page = open_page(path, **PHONE)
        assert not page.evaluate(VISIBLE_HELPER_WORDS), f"/{path} shows helper words: {page.evaluate(VISIBLE_HELPER_WORDS)}"
        terms = page.locator("article .sbs-term-toggle")
        count = terms.count()
        assert count > 0
        names = page.evaluate("[...document.querySelectorAll('article .sbs-term-toggle')].map(t => t.getAttribute('data-sbs-term'))")
        assert len(names) == len(set(names)), f"/{path} marks a term more than once: {names}"
        assert not page.evaluate(PUNCTUATION), f"/{path}: punctuation apart from its term: {page.evaluate(PUNCTUATION)}"
        page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")  # folded boxes too
        for index in range(count):  # open each meaning in turn: punctuation never moves onto its own line
            term = terms.nth(index)
            term.click()
            meaning = page.locator(f"#{term.get_attribute('aria-controls')}")
            assert meaning.is_visible()
            problems = page.evaluate(PUNCTUATION)
            assert not problems, f"/{path}: opening {term.get_attribute('data-sbs-term')!r} moved punctuation: {problems}"
            before = page.evaluate(SENTENCE_BEFORE, meaning.element_handle())
            assert before is None or re.search(r"[.!?\u2026][\"'\u2019\u201d)\]]*\s*$", before), (
                f"/{path}: the meaning of {term.get_attribute('data-sbs-term')!r} opens mid-sentence, after {before[-40:]!r}"
            )
            term.click()
            assert meaning.is_hidden()


def test_a_long_term_wraps_like_words_and_its_name_says_it_opens_a_meaning(open_page: Any, reference_site: Path) -> None:
    for path in _modules(reference_site):
        page = open_page(path, **PHONE)
        group = page.locator("article .sbs-t:has(.sbs-t-head)").first
        if group.count():
            break
    else:
        pytest.fail("No module marks a term of more than one word.")
    link = group.locator("a.sbs-term")
    words = link.get_attribute("data-sbs-term")
    assert link.get_attribute("role") == "button"
    shown = page.evaluate(
        "(a) => a.querySelector('.sbs-t-head').textContent + a.querySelector('.sbs-t-end').firstChild.textContent", link.element_handle()
    )
    assert page.get_by_role("button", name=f"{shown}: what it means", exact=True).count() == 1, (
        f"{words!r} has no name saying it opens a meaning"
    )
    # In a box narrower than the term, its words wrap over lines like ordinary words.
    rects = page.evaluate(
        """(a) => { const p = a.closest('p, li'); const width = a.getBoundingClientRect().width;
                   p.style.width = Math.max(60, width * 0.6) + 'px';
                   return [...a.getClientRects()].map(r => [Math.round(r.left), Math.round(r.top)]); }""",
        link.element_handle(),
    )
    assert len({top for _, top in rects}) >= 2, f"{words!r} did not wrap: {rects}"
    assert page.evaluate("(a) => getComputedStyle(a).display", link.element_handle()) == "inline"


def test_everyday_senses_are_not_linked_in_the_reference_course(open_page: Any) -> None:
    for path, sentence in [
        ("stories/i-did-not-know-the-words/", "In ten minutes I heard"),
        (STORY, "waiting all day in a chair"),
        ("stories/one-person-speaking-at-a-time/", "about twenty minutes"),
    ]:
        page = open_page(path, **PHONE)
        paragraph = page.locator("article p", has_text=sentence).first
        assert paragraph.count() == 1, f"/{path}: {sentence!r} not found"
        linked = page.evaluate(
            "(p) => [...p.querySelectorAll('.sbs-term')].map(a => a.getAttribute('data-sbs-term'))", paragraph.element_handle()
        )
        assert "minutes" not in linked and "chair" not in linked, f"/{path}: {sentence!r} links {linked}"
    # Where the author means the meeting sense, it is linked.
    page = open_page("modules/your-first-meeting/", **PHONE)
    linked = page.evaluate("[...document.querySelectorAll('article .sbs-term')].map(a => a.getAttribute('data-sbs-term'))")
    assert {"chair", "minutes", "apologies"} <= set(linked)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone-375", "desktop"])
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_axe_finds_nothing_with_a_meaning_open(chromium: Any, site_url: str, scheme: str, size: dict[str, int]) -> None:
    context = chromium.new_context(viewport=size, color_scheme=scheme)
    page = context.new_page()
    problems: list[str] = []
    try:
        for path in ["modules/your-first-meeting/", STORY, "glossary/"]:
            goto(page, site_url + path, scheme)
            if page.locator("article .sbs-term-toggle").count():
                page.locator("article .sbs-term-toggle").first.click()
            problems += describe_violations(path, scheme, size["width"], run_axe(page))
    finally:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("name", "size"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_screenshots_of_a_module_a_story_and_the_glossary(open_page: Any, name: str, size: dict[str, int]) -> None:
    """Saved to test-artifacts/screenshots/reader-*.png for people to look at as a first-time reader would."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, path in [("module", "modules/how-the-nhs-works/"), ("story", STORY), ("glossary", "glossary/")]:
        for scheme in ("light", "dark"):
            page = open_page(path, scheme=scheme, **size)
            out = SCREENSHOTS / f"reader-{label}-{name}-{scheme}.png"
            page.screenshot(path=str(out))  # the first screen, as a reader first sees it
            assert out.stat().st_size > 10_000
            if label != "glossary":
                page.locator("article .sbs-term-toggle").nth(1).click()
                page.locator("article .sbs-term-toggle").nth(1).scroll_into_view_if_needed()
                page.screenshot(path=str(SCREENSHOTS / f"reader-{label}-{name}-{scheme}-meaning-open.png"))
            page.context.close()


def test_the_punctuation_check_catches_a_full_stop_left_on_its_own(open_page: Any) -> None:
    """The measurement above can fail: with the old layout (the meaning between the word and
    its full stop, nothing holding them together) it finds the full stop on a line of its own."""
    page = open_page("modules/how-the-nhs-works/", **PHONE)
    page.evaluate(
        """() => {
            const p = document.querySelector('article p');
            p.insertAdjacentHTML('beforeend', ' <span class="sbs-t" style="white-space:normal"><a class="sbs-term" href="#x">'
                + '<span class="sbs-t-end">care</span></a><span style="display:block">A meaning.</span>.</span>');
        }"""
    )
    assert page.evaluate(PUNCTUATION), "A full stop pushed onto its own line was not noticed."
