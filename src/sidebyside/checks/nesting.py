"""How deep a page nests lists and quotes: Markdown reads them by recursion, so a page
with hundreds of levels stopped the build with a fault instead of a message."""

from __future__ import annotations

from sidebyside.checks import CheckContext
from sidebyside.checks.linear import compile_linear
from sidebyside.checks.pages import pages
from sidebyside.content.model import Course
from sidebyside.findings import Finding, error

MAX_QUOTES = 20
MAX_LIST_INDENT = 60  # columns of indenting before a list item: about 15 levels
QUOTES = compile_linear(r"^[ \t]*(?:>[ \t]*)+")
LIST_ITEM = compile_linear(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]")


def nesting(course: Course, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for page in pages(course):
        for offset, line in enumerate(page.body.split("\n")):
            problem = _too_deep(line)
            if problem:
                findings.append(
                    error(
                        page.rel,
                        page.body_line + offset,
                        "too-deep",
                        problem,
                        "Use a few levels at most: readers lose their way in deeper ones too.",
                        "Very deep nesting cannot be read by the tools that make the website.",
                    )
                )
                break  # one finding a page is enough
    return findings


def _too_deep(line: str) -> str:
    quotes = QUOTES.match(line)
    if quotes and quotes.group(0).count(">") > MAX_QUOTES:
        return f"This line has quotes inside quotes more than {MAX_QUOTES} deep."
    item = LIST_ITEM.match(line)
    if item and len(item.group(1).expandtabs(4)) > MAX_LIST_INDENT:
        return "This list item is nested too deeply (lists inside lists more than about 15 deep)."
    return ""
