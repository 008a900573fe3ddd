"""Footnotes belong to the text: move them from the very end of a page to just before
"Who made this page", where the author's text ends (Python-Markdown puts them last)."""

from __future__ import annotations

import re

FOOTNOTES = '<div class="footnote">'
ABOUT_HEADING = re.compile(r"<h2\b[^>]*>\s*Who made this page")


def footnotes_before_about(html: str) -> str:
    """The page with its footnotes (always the last block Python-Markdown writes) moved
    in front of the "Who made this page" heading; unchanged if either is missing."""
    start = html.rfind(FOOTNOTES)
    about = ABOUT_HEADING.search(html)
    if start < 0 or about is None or about.start() > start:
        return html
    notes = html[start:].rstrip()
    return html[: about.start()] + notes + "\n" + html[about.start() : start].rstrip() + "\n"
