"""The reference course's Easy Read pages in Chromium: pictures beside large text, at a
phone's width and a computer's, in both colour schemes, with nothing axe-core objects to."""

from __future__ import annotations

from typing import Any

import pytest

from browser_support import SCREENSHOTS, describe_violations, run_axe

pytestmark = pytest.mark.browser

PAGES = ["modules/welcome/easy-read/", "modules/your-first-meeting/easy-read/"]
LAYOUT = """() => {
    const part = document.querySelector('.sbs-er-part');
    const picture = part.querySelector('img').getBoundingClientRect();
    const text = part.querySelector('.sbs-er-text p');
    return {
        pictureRight: picture.right, textLeft: text.getBoundingClientRect().left,
        pictureTop: picture.top, textTop: text.getBoundingClientRect().top,
        fontSize: parseFloat(getComputedStyle(text).fontSize),
        scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
        parts: document.querySelectorAll('.sbs-er-part').length,
        withoutAlt: [...document.querySelectorAll('.sbs-er-part img')].filter(i => !i.alt.trim()).length,
        broken: [...document.querySelectorAll('.sbs-er-part img')].filter(i => !i.complete || i.naturalWidth === 0).length,
    };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("name", "width"), [("phone", 375), ("desktop", 1280)])
def test_easy_read_pages_put_a_picture_beside_large_text(open_page: Any, scheme: str, name: str, width: int) -> None:
    for path in PAGES:
        page = open_page(path, scheme=scheme, width=width, height=812)
        page.wait_for_load_state("load")
        layout = page.evaluate(LAYOUT)
        assert layout["parts"] >= 10
        assert layout["pictureRight"] <= layout["textLeft"], "the picture is not on the left of the text"
        assert abs(layout["pictureTop"] - layout["textTop"]) < 40
        assert layout["fontSize"] >= 20, f"Easy Read text is only {layout['fontSize']}px"
        assert layout["scrollWidth"] <= layout["viewport"], "the page scrolls sideways"
        assert layout["withoutAlt"] == 0 and layout["broken"] == 0
        problems = describe_violations(path, scheme, width, run_axe(page))
        assert not problems, "\n".join(problems)
        if path == PAGES[0]:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"easy-read-{name}-{scheme}.png"), full_page=name == "phone")
        page.context.close()


def test_the_module_page_leads_to_its_easy_read_version(open_page: Any) -> None:
    page = open_page("modules/welcome/", width=375, height=812)
    page.get_by_role("link", name="Read this page in Easy Read").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/modules/welcome/easy-read/")
    assert page.locator("h1").inner_text().startswith("Welcome: Easy Read")
    page.context.close()
