"""Text that would make Markdown work for minutes: found in one pass, before Markdown sees it.

Python-Markdown and the HTML reader it uses take time that grows with the square (or
worse) of some inputs: a long run of `[` or `![`, a long paragraph of `<a>`, `\\` or `**a`,
and `<a ` with no `>` after it anywhere in the page. A page like that is a mistake or an
attack, so it is refused with the line to fix, instead of hanging the build. Each
measure below is worked out in linear time and keeps the worst page to about a second.
"""

from __future__ import annotations

import re

MAX_PARAGRAPH = 20_000  # characters in one paragraph, list item or table row
MAX_BRACKET_WORK = 4_000_000  # the sum over paragraphs of (the number of "[" in it) squared
MAX_TAGS = 5_000  # HTML tags written into one page: later steps of the build slow down with many more
MAX_TAG_SCAN = 20_000_000  # characters the HTML reader would scan looking for the ends of tags
ITEM_START = re.compile(r"[ \t]{0,12}(?:[-*+]|\d{1,9}[.)]|\|)[ \t]")  # anchored, no backtracking: a list item or table row
TAG_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!?")


def costly_markdown(text: str) -> tuple[int, str]:
    """(line, what is wrong and how to fix it) for text Markdown cannot read in good time, or (0, "")."""
    line, problem = _paragraphs(text)
    if problem:
        return line, problem
    return _tags(text)


def _paragraphs(text: str) -> tuple[int, str]:
    work = 0
    start_line, length, brackets = 1, 0, 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            work += brackets * brackets
            start_line, length, brackets = number + 1, 0, 0
            continue
        if ITEM_START.match(line):  # Markdown reads each list item and table row on its own
            length = 0
        length += len(line) + 1
        brackets += line.count("[")
        if length > MAX_PARAGRAPH:
            return start_line, (
                f"This paragraph is more than {MAX_PARAGRAPH:,} characters long, too long for the tools that make "
                "the website to read in good time. Split it into shorter paragraphs with blank lines between them."
            )
        if work + brackets * brackets > MAX_BRACKET_WORK:
            return start_line, (
                "This part of the page has so many square brackets `[` that the tools that make the website would take "
                "minutes to read it. Remove the extra brackets, or write them as `\\[`."
            )
    return 0, ""


def _tags(text: str) -> tuple[int, str]:
    """The HTML reader looks for the `>` that ends each `<a`, `</`, `<!`: from every one of them."""
    scanned = tags = 0
    position = text.find("<")
    end = -1
    while position != -1:
        if position + 1 < len(text) and text[position + 1] in TAG_START:
            tags += 1
            if tags > MAX_TAGS:
                return text.count("\n", 0, position) + 1, (
                    f"This page has more than {MAX_TAGS:,} HTML tags, which the tools that make the website would take "
                    "minutes to work through. Use Markdown instead of HTML, or split the page."
                )
            if end < position:
                end = text.find(">", position)
                if end == -1:
                    end = len(text)
            scanned += end - position
            if scanned > MAX_TAG_SCAN:
                return text.count("\n", 0, position) + 1, (
                    "This part of the page has many `<` signs with no `>` to close them, which the tools that make "
                    "the website would take minutes to read. Write `&lt;` for a `<` that is not part of a tag, "
                    "or put the text in backticks."
                )
        position = text.find("<", position + 1)
    return 0, ""
