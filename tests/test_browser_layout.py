"""Pages fit a 320 px phone without sideways scrolling, still read with text at 200%,
have targets of at least 24 by 24 px, show nothing only on hover, and nothing moves by
itself. Also saves screenshots of the home page, a module and the glossary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser_support import SCREENSHOTS, goto, site_pages

pytestmark = pytest.mark.browser

MODULE = "modules/what-is-quality-improvement/"
KEY_PAGES = ["", MODULE, "glossary/"]

# Text that sticks out of the screen at this width (ignoring what is hidden or inert).
OVERFLOW = """() => {
    const vw = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('#sbs-content *, .md-header *, .md-footer *')) {
        // The header's title repeats the page's heading (which wraps); Material shortens it with "...".
        if (el.closest('[inert], [hidden], .md-search, .md-header__topic')) continue;
        const texts = [...el.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim());
        if (!texts.length) continue;
        const s = getComputedStyle(el);
        if (s.visibility === 'hidden' || s.display === 'none') continue;
        // Where the words themselves are drawn, not just the box they belong to.
        const range = document.createRange();
        let left = Infinity, right = -Infinity;
        for (const t of texts) {
            range.selectNodeContents(t);
            for (const box of range.getClientRects()) {
                if (box.width === 0) continue;
                left = Math.min(left, box.left); right = Math.max(right, box.right);
            }
        }
        if (right === -Infinity) continue;
        // Text in a box that scrolls sideways on its own (a wide table) is reached by scrolling that box.
        const scroller = el.parentElement.closest('.md-typeset__scrollwrap, pre');
        if (scroller) continue;
        const r = {left, right};
        if (r.right > vw + 1 || r.left < -1) {
            out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 50)}" ` +
                     `from ${Math.round(r.left)} to ${Math.round(r.right)}px`);
        }
        // Text cut off inside its own box (overflow hidden), in the page content.
        if (el.closest('#sbs-content') && s.overflowX === 'hidden' && el.scrollWidth > el.clientWidth + 1) {
            out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 50)}" is cut off`);
        }
    }
    return {scrollWidth: document.documentElement.scrollWidth, viewport: vw, out: out.slice(0, 20)};
}"""

# Every target that is not a link inside a sentence: at least 24 by 24 px, or enough
# space around it that a 24 px circle on its centre touches no other target (WCAG 2.5.8).
TARGETS = """() => {
    const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, label[for], [tabindex="0"]')]
        .filter(el => !el.closest('[inert], [hidden]'))
        .map(el => {
            let r = el.getBoundingClientRect();
            return {el, r};
        })
        .filter(({el, r}) => {
            const s = getComputedStyle(el);
            return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && parseFloat(s.opacity) > 0;
        });
    const inSentence = (el) => {
        if (getComputedStyle(el).display !== 'inline') return false;
        const block = el.parentElement && el.parentElement.closest('p, li, dd, td, th, figcaption, blockquote, span.sbs-term-def');
        if (!block) return false;
        const text = block.textContent.replace(/\\s+/g, ' ').trim();
        return text.length > el.textContent.replace(/\\s+/g, ' ').trim().length + 2;
    };
    const dist = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    const small = [];
    for (const a of all) {
        if (a.r.width >= 24 && a.r.height >= 24) continue;
        if (inSentence(a.el)) continue;
        const cx = a.r.left + a.r.width / 2, cy = a.r.top + a.r.height / 2;
        const crowded = all.some(b => b !== a && !b.el.contains(a.el) && !a.el.contains(b.el) && (() => {
            const bx = b.r.left + b.r.width / 2, by = b.r.top + b.r.height / 2;
            const bSmall = b.r.width < 24 || b.r.height < 24;
            return dist(cx, cy, b.r) < 12 || (bSmall && Math.hypot(cx - bx, cy - by) < 24);
        })());
        if (crowded) {
            const html = a.el.outerHTML.replace(/\\s+/g, ' ');
            small.push(`${html.slice(0, html.indexOf('>') + 1).slice(0, 120)} "${a.el.textContent.trim().slice(0, 40)}" ` +
                       `is ${Math.round(a.r.width)}x${Math.round(a.r.height)}px and too close to another target`);
        }
    }
    return small;
}"""


def test_every_page_reflows_at_320px_without_sideways_scrolling(chromium: Any, site_url: str, reference_site: Path) -> None:
    context = chromium.new_context(viewport={"width": 320, "height": 640}, color_scheme="light")
    page = context.new_page()
    problems = []
    try:
        for path in site_pages(reference_site):
            goto(page, site_url + path, "light")
            result = page.evaluate(OVERFLOW)
            if result["scrollWidth"] > result["viewport"]:
                problems.append(f"- /{path}: the page is {result['scrollWidth']}px wide on a {result['viewport']}px screen")
            problems += [f"- /{path}: {item}" for item in result["out"]]
    finally:
        context.close()
    assert not problems, "Text that needs sideways scrolling at 320px:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", KEY_PAGES)
def test_text_at_200_percent_still_reads(open_page: Any, path: str) -> None:
    """The browser's own text size setting at 200% (16 px to 32 px, set through Chromium's
    DevTools protocol): the text grows, fits the screen and is not cut off."""
    page = open_page(path, width=1280)
    paragraph = "parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)"
    before = page.evaluate(paragraph)
    devtools = page.context.new_cdp_session(page)
    devtools.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page.wait_for_function(f"{paragraph} > {before * 1.9}", timeout=5000)
    result = page.evaluate(OVERFLOW)
    assert result["scrollWidth"] <= result["viewport"], f"/{path} is {result['scrollWidth']}px wide with text at 200%."
    assert not result["out"], f"/{path} with text at 200%:\n" + "\n".join(result["out"])
    # The heading keeps whole words on a line: the text column is not squeezed by the sidebars.
    broken = page.evaluate(
        """() => { const h = document.querySelector('h1'); const words = h.textContent.trim().split(/\\s+/);
            const range = document.createRange(); range.selectNodeContents(h);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
            return lines > words.length; }"""
    )
    assert not broken, f"/{path}: with text at 200% the heading breaks inside words."


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("path", KEY_PAGES)
def test_targets_are_at_least_24px_or_well_spaced(open_page: Any, path: str, width: int) -> None:
    page = open_page(path, width=width)
    small = page.evaluate(TARGETS)
    assert not small, f"/{path} at {width}px: targets smaller than 24 by 24 px:\n" + "\n".join(small)


@pytest.mark.parametrize("path", [*KEY_PAGES, "stories/"])
def test_nothing_moves_by_itself(open_page: Any, path: str) -> None:
    page = open_page(path, width=1280)
    page.wait_for_timeout(500)
    endless = page.evaluate(
        "document.getAnimations().filter(a => a.playState === 'running' && a.effect.getComputedTiming().endTime === Infinity)"
        ".map(a => (a.effect.target && a.effect.target.className) + ' ' + (a.animationName || ''))"
    )
    assert not endless, f"/{path} has animations that never stop: {endless}"
    assert page.locator("video[autoplay], audio[autoplay], marquee, meta[http-equiv=refresh]").count() == 0
    # The closed search box says "Initializing search" until its index has loaded, which
    # takes longer on a busy machine; the reader does not see it, so it is left out.
    seen = "[scrollX, scrollY, document.body.innerText.length - (document.querySelector('.md-search')?.innerText.length ?? 0)]"
    start = page.evaluate(seen)
    page.wait_for_timeout(1500)
    assert page.evaluate(seen) == start, f"/{path} changed or scrolled by itself."


def test_glossary_meanings_open_on_click_not_on_hover(open_page: Any) -> None:
    page = open_page(MODULE, width=1280)
    button = page.locator(".sbs-term-toggle").first
    definition = page.locator(f"#{button.get_attribute('aria-controls')}")
    button.hover()
    page.wait_for_timeout(300)
    assert definition.is_hidden(), "Hovering opened a meaning: hover-only content cannot be reached by keyboard or touch."
    button.click()
    assert definition.is_visible()
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)
    assert definition.is_visible(), "The meaning closed when the pointer moved away: it should stay until closed."


def test_our_styles_show_nothing_only_on_hover(open_page: Any) -> None:
    """No rule of ours (sidebyside.css) reveals content on :hover without :focus too."""
    page = open_page(MODULE, width=1280)
    rules = page.evaluate(
        """() => {
            const found = [];
            for (const sheet of document.styleSheets) {
                if (!sheet.href || !sheet.href.includes('sidebyside.css')) continue;
                const walk = (list) => { for (const r of list) {
                    if (r.cssRules) walk(r.cssRules);
                    if (r.selectorText && r.selectorText.includes(':hover') && !r.selectorText.includes(':focus')
                        && /(^|;)\\s*(display|visibility|opacity|content)\\s*:/.test(r.style.cssText)) found.push(r.cssText);
                } };
                walk(sheet.cssRules);
            }
            return found;
        }"""
    )
    assert not rules, f"Rules that show something only on hover: {rules}"


@pytest.mark.parametrize(("name", "width", "height"), [("desktop", 1280, 800), ("phone", 360, 740)])
def test_screenshots_of_home_module_and_glossary(open_page: Any, name: str, width: int, height: int) -> None:
    """Saved to test-artifacts/screenshots/ for people to look at (CI keeps them as artefacts)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, path in [("home", ""), ("module", MODULE), ("glossary", "glossary/")]:
        for scheme in ("light", "dark"):
            page = open_page(path, scheme=scheme, width=width, height=height)
            if label == "module":
                page.locator(".sbs-term-toggle").first.click()  # show one meaning open
            out = SCREENSHOTS / f"{label}-{name}-{scheme}.png"
            page.screenshot(path=str(out), full_page=label != "glossary")
            assert out.stat().st_size > 10_000
            page.context.close()
    if name == "phone":  # the menu, opened
        page = open_page(MODULE, width=width, height=height)
        page.click("[data-sbs-toggle='__drawer']")
        page.wait_for_timeout(400)
        page.screenshot(path=str(SCREENSHOTS / "menu-phone-light.png"))


def test_the_layout_checks_catch_problems_when_there_are_some(open_page: Any) -> None:
    """The checks above can fail: a page broken on purpose is caught by each of them."""
    page = open_page(MODULE, width=320)
    page.evaluate(
        """() => {
            const p = document.querySelector('#sbs-content p');
            p.insertAdjacentHTML('afterend',
                '<p style="white-space:nowrap">A sentence that will not wrap on a small phone screen at all</p>' +
                '<div><button style="width:10px;height:10px;padding:0">a</button>' +
                '<button style="width:10px;height:10px;padding:0">b</button></div>');
        }"""
    )
    result = page.evaluate(OVERFLOW)
    assert result["scrollWidth"] > result["viewport"]
    assert any("will not wrap" in item for item in result["out"])
    small = page.evaluate(TARGETS)
    assert any('"a"' in item for item in small) and any('"b"' in item for item in small)
