"""A keyboard alone is enough: a skip link that works, a focus ring you can see on every
stop, no stops you cannot see (closed menus take no focus), a menu and a search that
open and close with keys, and glossary meanings that open with Enter or Space and
close with Escape, giving focus back."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

MODULE = "modules/what-is-quality-improvement/"
MAX_TABS = 400

# What a person sees of the focused element. A hidden radio button (Material's colour
# switch) is seen through the label showing next to it, which carries the ring.
FOCUSED = """async () => {
    let el = document.activeElement;
    if (!el || el === document.body) return null;
    // Let fades and slides (the skip link, the menu) finish before looking.
    const moving = document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
    await Promise.all(moving.map(a => a.finished.catch(() => null)));
    const describe = (node) => {
        const html = node.outerHTML.replace(/\\s+/g, ' ');
        return html.slice(0, html.indexOf('>') + 1).slice(0, 160);
    };
    let shown = el;
    let r = el.getBoundingClientRect();
    if ((r.width < 2 || r.height < 2) && el.matches('input.md-option')) {
        const label = [...el.parentElement.querySelectorAll('label')].find(l => l.getBoundingClientRect().width > 0);
        if (label) { shown = label; r = label.getBoundingClientRect(); }
    }
    const style = getComputedStyle(shown);
    let opacity = 1, hiddenBy = null;
    for (let n = shown; n && n.nodeType === 1; n = n.parentElement) {
        const s = getComputedStyle(n);
        opacity *= parseFloat(s.opacity);
        if (s.visibility === 'hidden' || s.display === 'none') hiddenBy = describe(n);
    }
    // Is some part of it on top, not covered by the sticky header or anything else?
    const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 2, r.top + 2], [r.right - 2, r.bottom - 2],
                    [r.left + 2, r.bottom - 2], [r.right - 2, r.top + 2]];
    const onTop = points.some(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit && (shown.contains(hit) || hit.contains(shown) || el.contains(hit));
    });
    return {
        html: describe(el),
        id: el.id, cls: el.className && el.className.baseVal === undefined ? el.className : '',
        text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 60),
        left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height,
        vw: window.innerWidth, vh: window.innerHeight,
        outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
        boxShadow: style.boxShadow, opacity, hiddenBy, onTop,
        inContent: !!el.closest('#sbs-content'), inSidebar: !!el.closest('.md-sidebar--primary'),
    };
}"""


def focused(page: Any) -> dict[str, Any] | None:
    return page.evaluate(FOCUSED)


def visibility_problems(info: dict[str, Any]) -> list[str]:
    """Why a person could not see this focused element or its focus ring (empty: fine)."""
    problems = []
    if info["width"] < 1 or info["height"] < 1:
        problems.append("it has no size")
    if info["right"] <= 0 or info["bottom"] <= 0 or info["left"] >= info["vw"] or info["top"] >= info["vh"]:
        problems.append(f"it is outside the screen (at {info['left']:.0f},{info['top']:.0f})")
    if info["opacity"] < 0.5:
        problems.append(f"it is see-through (opacity {info['opacity']:.2f})")
    if info["hiddenBy"]:
        problems.append(f"it is hidden by {info['hiddenBy']}")
    if not info["onTop"] and not problems:
        problems.append("something covers it")
    ring = (info["outlineStyle"] != "none" and info["outlineWidth"] >= 2) or (info["boxShadow"] not in ("", "none"))
    if not ring:
        problems.append(f"it has no focus ring (outline {info['outlineStyle']} {info['outlineWidth']}px, box-shadow {info['boxShadow']})")
    return problems


def tab_walk(page: Any, key: str = "Tab") -> list[dict[str, Any]]:
    """Press Tab from the top of the page until focus leaves the page or comes round again."""
    stops: list[dict[str, Any]] = []
    seen: set[str] = set()
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        info = focused(page)
        if info is None:
            break
        marker = f"{info['html']}|{info['text']}|{info['top'] + page.evaluate('scrollY'):.0f}"
        if marker in seen:
            break
        seen.add(marker)
        stops.append(info)
    return stops


def tab_until(page: Any, test: str, limit: int = MAX_TABS) -> dict[str, Any]:
    """Press Tab until the focused element matches a CSS selector; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => !!document.activeElement && document.activeElement.matches(sel)", test):
            info = focused(page)
            assert info is not None
            return info
    pytest.fail(f"Pressing Tab never reached {test}.", pytrace=False)


@pytest.mark.parametrize("width", [1280, 320])
def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(open_page: Any, width: int) -> None:
    page = open_page(MODULE, width=width)
    page.keyboard.press("Tab")
    info = focused(page)
    assert info is not None and "md-skip" in info["cls"], f"The first Tab reached {info and info['html']}, not the skip link."
    assert info["text"] == "Skip to main content"
    assert not visibility_problems(info), visibility_problems(info)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "sbs-content"
    page.keyboard.press("Tab")
    after = focused(page)
    assert after is not None and after["inContent"], f"After the skip link, Tab went to {after and after['html']}, outside the content."


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 320])
def test_every_tab_stop_on_a_module_page_is_visible_with_a_focus_ring(open_page: Any, width: int, scheme: str) -> None:
    # Less motion only makes the walk quicker (Material's header slides as the page scrolls);
    # each stop still waits for anything that moves before it is looked at.
    page = open_page(MODULE, scheme=scheme, width=width, reduced_motion="reduce")
    stops = tab_walk(page)
    assert len(stops) > 20, f"Only {len(stops)} tab stops on a module page: {[s['html'] for s in stops]}"
    problems = [f"- stop {n}: {s['html']} {s['text']!r}: " + "; ".join(visibility_problems(s)) for n, s in enumerate(stops, 1)]
    problems = [p for p, s in zip(problems, stops, strict=True) if visibility_problems(s)]
    assert not problems, f"/{MODULE} at {width}px, {scheme} colours: tab stops a keyboard user cannot see:\n" + "\n".join(problems)
    if width == 320:
        assert not any(s["inSidebar"] for s in stops), "The closed menu took keyboard focus."
    # Shift+Tab goes back through the same stops.
    back = tab_walk(page, "Shift+Tab")
    assert len(back) >= len(stops) - 1


def test_menu_opens_and_closes_with_the_keyboard_on_a_phone(open_page: Any) -> None:
    page = open_page(MODULE, width=320)
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert"), "The closed menu should be inert."
    button = tab_until(page, "[data-sbs-toggle='__drawer']")
    assert not visibility_problems(button)
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # Material slides the menu in
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.get_attribute("[data-sbs-toggle='__drawer']", "aria-expanded") == "true"
    inside = focused(page)
    assert inside is not None and inside["inSidebar"], f"Opening the menu left focus on {inside and inside['html']}."
    problems = []
    for _ in range(6):
        info = focused(page)
        assert info is not None
        if info["inSidebar"] and visibility_problems(info):
            problems.append(f"{info['html']}: {visibility_problems(info)}")
        page.keyboard.press("Tab")
    assert not problems, "Menu links a keyboard user cannot see:\n" + "\n".join(problems)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert not page.evaluate("document.getElementById('__drawer').checked"), "Escape did not close the menu."
    assert page.evaluate("document.activeElement.getAttribute('data-sbs-toggle')") == "__drawer", (
        "Focus did not go back to the menu button."
    )
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert")


def test_search_opens_with_the_keyboard_on_a_phone_and_escape_closes_it(open_page: Any) -> None:
    page = open_page(MODULE, width=320)
    tab_until(page, "[data-sbs-toggle='__search']")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')"), "Opening search did not put focus in the box."
    page.keyboard.type("run chart")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert not page.evaluate("document.getElementById('__search').checked"), "Escape did not close the search."
    assert page.evaluate("document.activeElement.getAttribute('data-sbs-toggle')") == "__search", (
        "Focus did not go back to the search button."
    )


@pytest.mark.parametrize("key", ["Enter", " "])
def test_glossary_meaning_opens_with_keys_and_escape_gives_focus_back(open_page: Any, key: str) -> None:
    page = open_page(MODULE)
    button = tab_until(page, ".sbs-term-toggle")
    assert not visibility_problems(button), visibility_problems(button)
    term = page.evaluate("document.activeElement.textContent")
    controls = page.evaluate("document.activeElement.getAttribute('aria-controls')")
    definition = page.locator(f"#{controls}")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    assert definition.is_hidden()

    page.keyboard.press(key)
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true", f"{key!r} did not open {term!r}."
    assert definition.is_visible()
    assert len(definition.inner_text()) > 10

    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == controls, "Focus did not stay on the term."
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    assert definition.is_hidden()

    # Open again, Tab into the meaning's glossary link, and Escape from there. The meaning opens
    # at the end of the term's sentence, so Tab may first stop at other words explained in that
    # sentence (the order the reader sees them in), and at nothing else.
    page.keyboard.press(key)
    page.evaluate("document.activeElement.closest('p, li, dd, td').setAttribute('data-test-block', '')")
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.sbs-term-def') !== null"):
            break
        same_block = "document.activeElement.matches('.sbs-term-toggle') && document.activeElement.closest('[data-test-block]') !== null"
        assert page.evaluate(same_block), "Tab went somewhere else before the open meaning."
    assert page.evaluate("document.activeElement.closest('.sbs-term-def') !== null"), "Tab did not go into the open meaning."
    info = focused(page)
    assert info is not None and not visibility_problems(info), info and visibility_problems(info)
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == controls, "Escape inside the meaning lost focus."
    assert definition.is_hidden()


def test_the_focus_check_catches_an_invisible_focus_ring(open_page: Any) -> None:
    """The walk above can fail: a control with its ring removed, or off the screen, is caught."""
    page = open_page(MODULE, width=1280)
    page.evaluate(
        """() => document.querySelector('#sbs-content p').insertAdjacentHTML('afterend',
            '<button id="no-ring" style="outline:none !important;box-shadow:none !important">A</button>' +
            '<a id="off-screen" href="#" style="position:absolute;left:-9999px">B</a>')"""
    )
    page.focus("#no-ring")
    info = focused(page)
    assert info is not None and any("no focus ring" in p for p in visibility_problems(info))
    page.focus("#off-screen")
    info = focused(page)
    assert info is not None and any("outside the screen" in p for p in visibility_problems(info))
