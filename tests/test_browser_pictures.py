"""The reference course's pictures and run chart, as a reader meets them: on the web in light
and dark colours on a computer and a small phone, and on paper. Screenshots and PDF pages
are saved in test-artifacts/ for people to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser_support import REPO, SCHEMES, SCREENSHOTS, WIDTHS, describe_violations, run_axe
from pdf_reading import page_image, page_texts

pytestmark = pytest.mark.browser

PICTURES = {
    "modules/how-the-nhs-works/": ["nhs-parts.svg"],
    "modules/what-is-quality-improvement/": ["model-for-improvement.svg"],
    "modules/your-first-meeting/": ["meeting-room.svg"],
}
CHART_PAGE = "modules/what-is-quality-improvement/"
HANDOUTS = REPO / "test-artifacts" / "handouts"

CONTRAST = """(selector) => {
    const rgb = (s) => (s.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
    const lum = (c) => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                         return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    let node = document.querySelector('.sbs-chart'), bg = 'rgba(0, 0, 0, 0)';
    while (node && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) { bg = getComputedStyle(node).backgroundColor; node = node.parentElement; }
    if (bg === 'rgba(0, 0, 0, 0)') bg = getComputedStyle(document.body).backgroundColor;
    const out = {};
    for (const el of document.querySelectorAll(selector)) {
        const style = getComputedStyle(el);
        const paint = el.tagName === 'text' ? style.fill : (el.classList.contains('sbs-c-point') ? style.stroke : (style.stroke !== 'none' ? style.stroke : style.fill));
        out[el.getAttribute('class') + ' ' + el.tagName] = Math.round(ratio(rgb(paint), rgb(bg)) * 100) / 100;
    }
    return out;
}"""


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_pictures_and_chart_show_and_pass_axe(open_page: Any, scheme: str, width_name: str) -> None:
    width = WIDTHS[width_name]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for path, pictures in PICTURES.items():
        page = open_page(path, scheme=scheme, width=width)
        for name in pictures:
            image = page.locator(f'img[src$="{name}"]')
            image.scroll_into_view_if_needed()
            assert image.evaluate("img => img.complete && img.naturalWidth > 0"), f"{name} did not load on /{path}"
            assert image.get_attribute("alt"), f"{name} has no alt text"
            box = image.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, f"{name} is cut off on a {width}px screen: {box}"
            assert box["width"] >= min(400, width * 0.8), f"{name} is too small to read on a {width}px screen: {box}"
        page.locator("details").first.evaluate("d => d.open = true")  # the long description
        problems += describe_violations(path, scheme, width, run_axe(page))
        page.screenshot(path=str(SCREENSHOTS / f"pictures-{path.split('/')[1]}-{width_name}-{scheme}.png"), full_page=True)
        page.context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_run_chart_reads_well_in_both_colour_schemes(open_page: Any, scheme: str, width_name: str) -> None:
    width = WIDTHS[width_name]
    page = open_page(CHART_PAGE, scheme=scheme, width=width)
    chart = page.locator(".sbs-chart").first
    chart.scroll_into_view_if_needed()
    svg = page.locator(".sbs-chart svg").first
    assert svg.get_attribute("role") == "img"
    name = svg.evaluate("s => s.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent).join(' ')")
    assert name.startswith("Days people waited for blood test results") and "a shift" in name
    box = svg.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, "the chart is cut off"
    ratios = page.evaluate(CONTRAST, ".sbs-chart svg [class^='sbs-c-']:not(.sbs-c-grid)")
    low = {k: v for k, v in ratios.items() if v < (4.5 if k.endswith(" text") else 3)}
    assert ratios and not low, f"Too little contrast in {scheme} colours: {low}"
    chart.locator("summary").click()
    assert chart.locator("table tbody tr").count() == 12
    chart.screenshot(path=str(SCREENSHOTS / f"run-chart-{width_name}-{scheme}.png"))


def test_the_handouts_print_the_pictures_and_chart(reference_site: Path) -> None:
    """Each picture's handout page is saved as an image: in black and white, as most people print."""
    HANDOUTS.mkdir(parents=True, exist_ok=True)
    wanted = {
        "how-the-nhs-works": "How the NHS in England",
        "what-is-quality-improvement": "Average days waited",
        "your-first-meeting": "Tips for where to sit",
    }
    for name, words in wanted.items():
        pdf = reference_site / "handouts" / f"{name}.pdf"
        texts = page_texts(pdf)
        pages = [n for n, text in enumerate(texts, 1) if words in text]
        assert pages, f"{name}.pdf does not show its picture (no page with {words!r})"
        picture = page_image(pdf, pages[0], HANDOUTS, dpi=100)
        from PIL import Image

        grey = Image.open(picture).convert("L")
        dark = sum(count for count, level in (grey.getcolors(256) or []) if level < 128)
        assert dark > grey.width * grey.height * 0.01, f"page {pages[0]} of {name}.pdf is nearly blank"
    chart = " ".join(" ".join(page_texts(reference_site / "handouts" / "what-is-quality-improvement.pdf")).split())
    assert "Median 12.5" in chart and "part of the shift" in chart
