"""Starter text cannot be published: a prompt `sidebyside new` wrote, still in a page, is an error."""

from __future__ import annotations

from sidebyside.checks.pages import pages
from sidebyside.content.model import Course
from sidebyside.content.starter_text import starter_text
from sidebyside.findings import Finding, Severity

RULE = "starter-text"


def starter_text_left(course: Course, context) -> list[Finding]:
    """An error for each page (and front matter field) that still holds a prompt from `sidebyside new`."""
    findings: list[Finding] = []
    for page in pages(course):
        if page.kind == "doc" or not context.wants(page.rel):
            continue
        places = [(page.body, page.body_line)] + [(text, line) for text, line in page.fields.values()]
        if page.kind == "module":
            module = next((m for m in course.modules if m.rel == page.rel), None)
            places += [("\n".join(module.outcomes), module.lines.get("outcomes", 1))] if module else []
        for text, first_line in places:
            match = starter_text(text)
            if match is None:
                continue
            line = first_line + (text.count("\n", 0, match.start()) if text is page.body else 0)
            words = " ".join(match.group().split())
            shown = words if len(words) <= 60 else words[:57] + "..."
            findings.append(
                Finding(
                    path=page.rel,
                    line=line,
                    column=1,
                    rule=RULE,
                    severity=Severity.ERROR,
                    message=f'This is still the starting text from `sidebyside new`: "{shown}"',
                    suggestion="Replace it with your own words, or delete it, before the page is published.",
                    why="Starting text is a note to the author. Readers would see it as if it were the lesson.",
                )
            )
            break
    return findings
