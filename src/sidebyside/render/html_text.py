"""Walk the text of an HTML fragment, skipping code, links, headings and marked regions.

The HTML comes from Python-Markdown, so a light tag scanner is enough and keeps the
cost proportional to the size of the page.
"""

from __future__ import annotations

import html
import re

# A comment, a tag with its name (group 2; group 1 is "/" for a closing tag), or any
# other markup such as <!DOCTYPE html>.
TAG = re.compile(r"<!--.*?-->|<(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)[^>]*>|<[^>]*>", re.S)
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


def text_runs(fragment: str) -> list[tuple[int, int]]:
    """Where the readable text of `fragment` is: (start, end) of each run of text between
    tags, outside skipped elements, that is not only white space."""
    runs: list[tuple[int, int]] = []
    stack: list[tuple[str, bool]] = []
    skipping = 0
    position = 0
    for tag in TAG.finditer(fragment):
        start = tag.start()
        if start > position and not skipping and not fragment[position:start].isspace():
            runs.append((position, start))
        position = tag.end()
        name = tag.group(2)
        if name is None:  # a comment or <!DOCTYPE ...>
            continue
        name = name.lower()
        if tag.group(1):
            while stack:
                open_name, skip = stack.pop()
                skipping -= skip
                if open_name == name:
                    break
            continue
        raw = tag.group()
        if name in VOID or raw.endswith("/>"):
            continue
        skip = name in SKIP or SKIP_CLASS in raw
        stack.append((name, skip))
        skipping += skip
    if position < len(fragment) and not skipping and not fragment[position:].isspace():
        runs.append((position, len(fragment)))
    return runs


def plain_text(fragment: str) -> str:
    """The readable text of an HTML fragment, tags removed."""
    return html.unescape(TAG.sub(" ", fragment))
