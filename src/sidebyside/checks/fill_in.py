"""Text left for a person to write: an error until it is replaced. `sidebyside import`
marks what it could not fill in (outcomes, time, review dates, sources) with MARKER,
in the front matter's values or in a note beside them."""

from __future__ import annotations

from sidebyside.content.model import Course, Module, Story, Term
from sidebyside.findings import Finding, Severity

MARKER = "FILL-IN:"  # the dash keeps the checks from reading FILL and IN as acronyms


def fill_in(course: Course, context: object) -> list[Finding]:
    findings = []
    items: list[Module | Story | Term] = [*course.modules, *course.stories, *(t for t in course.terms if not t.base)]
    for item in items:
        try:
            lines = item.path.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for number, line in enumerate(lines, 1):
            at = line.find(MARKER)
            if at < 0:
                continue
            wanted = line[at + len(MARKER) :].strip().strip("\"'")
            findings.append(
                Finding(
                    item.rel,
                    number,
                    at + 1,
                    "fill-in",
                    Severity.ERROR,
                    f"This still needs filling in: {wanted}.",
                    f"Write the real value on this line, then delete the note that starts with {MARKER}",
                    "It was left for a person to write when the file was made, and readers would see a guess.",
                )
            )
    return findings
