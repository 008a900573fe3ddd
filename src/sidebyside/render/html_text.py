"""Walk the text of an HTML fragment, skipping code, links, headings and marked regions.

The HTML comes from Python-Markdown, so a light tag scanner is enough and keeps the
cost proportional to the size of the page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
TAG_NAME = re.compile(r"^</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIP = {
    "code",
    "pre",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "script",
    "style",
    "kbd",
    "samp",
    "button",
    "summary",
    "textarea",
    "svg",
    "title",
}
SKIP_CLASS = "sbs-no-terms"


def transform_text(fragment: str, change: Callable[[str], str]) -> str:
    """Return `fragment` with each readable text run replaced by `change(text)`.

    `change` gets unescaped text and returns HTML. Text inside skipped elements is kept.
    """
    out: list[str] = []
    stack: list[tuple[str, bool]] = []
    skipping = 0
    position = 0
    for tag in TAG.finditer(fragment):
        text = fragment[position : tag.start()]
        if text:
            out.append(text if skipping or not text.strip() else change(html.unescape(text)))
        raw = tag.group()
        out.append(raw)
        position = tag.end()
        if raw.startswith("<!--") or raw.startswith("<!"):
            continue
        name_match = TAG_NAME.match(raw)
        if not name_match:
            continue
        name = name_match.group(1).lower()
        if raw.startswith("</"):
            while stack:
                open_name, skip = stack.pop()
                skipping -= skip
                if open_name == name:
                    break
            continue
        if name in VOID or raw.endswith("/>"):
            continue
        skip = name in SKIP or SKIP_CLASS in raw
        stack.append((name, skip))
        skipping += skip
    tail = fragment[position:]
    if tail:
        out.append(tail if skipping or not tail.strip() else change(html.unescape(tail)))
    return "".join(out)


def plain_text(fragment: str) -> str:
    """The readable text of an HTML fragment, tags removed."""
    return html.unescape(TAG.sub(" ", fragment))
