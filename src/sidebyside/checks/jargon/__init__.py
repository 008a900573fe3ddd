"""Jargon checks: keep every page plain, and block unexplained jargon.

`check_jargon` is registered in `sidebyside.checks.CHECKS`, so `sidebyside check`,
`sidebyside build` and the MkDocs plugin all run it. No MkDocs here.

Rules (all findings have an exact line and column; rule names start `jargon-`):

- `jargon-term`: an NHS or QI word from the word list that the glossary does not explain (error).
- `jargon-acronym`: an acronym in any case (NHS, AQuA, QICoach, SU/C) not in the glossary, not well known and not
  spelt out at or before first use (error). Licence names (CC BY 4.0, MIT, OGL-UK-3.0) are never acronyms.
- `jargon-uncommon`: a word few people use, by its frequency in wordfreq (rare, or long, or formal), not in the
  glossary, not a name and not explained in the same paragraph (warning; see uncommon.py).
- `jargon-outdated`: the old name of an NHS body, without its current name in the same paragraph (error).
- `jargon-plain`: a word or phrase with a plainer alternative (plain.yml, phrases.yml), or a glossary word
  marked `avoid` (warning).
- `jargon-sentence-length`: over 20 words (suggestion), over 25 (warning).
- `jargon-paragraph-length`: over 3 sentences (suggestion), over 5 (warning).
- `jargon-reading-age`: pages of 60 words or more reading above the course's target: a warning naming the
  three hardest sentences when 2 years or more above, else a suggestion (see reading_level.py).
- `jargon-definition-length`: a glossary `plain` over 25 words (error); its jargon is checked too.

Front matter that readers see (summaries, outcomes, activities) is checked with the word
rules at its own line. Trainer notes are checked with relaxed rules, and quotes in a story
are reported for information only. Documented for contributors in reference/jargon.md.
"""

from __future__ import annotations

from pathlib import Path

from sidebyside.checks import ReadingTargets
from sidebyside.checks.jargon.data import Entry, WordListError, WordLists, builtin_lists, course_lists, read_list
from sidebyside.checks.jargon.reading_level import reading_level_findings
from sidebyside.checks.jargon.rules import (
    Page,
    Rules,
    acronym_findings,
    definition_findings,
    sentence_findings,
    word_list_findings,
)
from sidebyside.checks.jargon.text import Checkable, checkable_markdown, checkable_value
from sidebyside.checks.jargon.uncommon import uncommon_findings
from sidebyside.content.model import Course, Module, Term
from sidebyside.findings import Finding

__all__ = ["Entry", "WordListError", "WordLists", "check_jargon", "check_markdown", "course_lists", "read_list"]


def check_checkable(text: Checkable, page: Page, rules: Rules) -> list[Finding]:
    """Every rule over one page's checkable text."""
    findings, spans = word_list_findings(text, page, rules)
    findings += acronym_findings(text, page, rules, spans)
    findings += uncommon_findings(text, page, rules, spans)
    findings += sentence_findings(text, page)
    if page.kind in ("module", "story"):
        findings += reading_level_findings(text, page, rules.reading)
    return findings


def check_markdown(
    body: str,
    rel: str = "page.md",
    kind: str = "module",
    terms: list[Term] | None = None,
    allow: list[str] | None = None,
    first_line: int = 1,
    lists: WordLists | None = None,
    reading: ReadingTargets | None = None,
) -> list[Finding]:
    """Check one Markdown body on its own (for tests, benchmarks and other hosts)."""
    rules = Rules.prepare(lists or builtin_lists(), terms or [])
    rules.reading = reading or ReadingTargets()
    page = Page(rel, kind, frozenset(a.casefold() for a in allow or []))
    return check_checkable(checkable_markdown(body, first_line), page, rules)


class FrontMatter:
    """Finds where a front matter value is written in its file, reading each file once."""

    def __init__(self) -> None:
        self._lines: dict[Path, list[str]] = {}

    def position(self, path: Path, line: int, value: str) -> tuple[int, int]:
        """The line and column where `value` starts, searching from its field's line (that line if not found)."""
        if path not in self._lines:
            try:
                self._lines[path] = path.read_text(encoding="utf-8").split("\n")
            except OSError:
                self._lines[path] = []
        lines = self._lines[path]
        head = " ".join(value.split())[:20]
        for number in range(max(line, 1), min(len(lines), line + 60) + 1):
            raw = lines[number - 1]
            if raw.strip() == "---" and number > 1:
                break
            at = raw.find(head)
            if at >= 0:
                return number, at + 1
        return line, 1

    def check(self, path: Path, line: int, value: str, page: Page, rules: Rules) -> list[Finding]:
        """The word rules, and sentence length, over one front matter value shown to readers."""
        if not value.strip():
            return []
        found_line, column = self.position(path, line, value)
        text = checkable_value(value, found_line, column)
        findings, spans = word_list_findings(text, page, rules)
        findings += acronym_findings(text, page, rules, spans)
        findings += uncommon_findings(text, page, rules, spans)
        return findings + sentence_findings(text, page)


def _module_fields(module: Module) -> list[tuple[str, str]]:
    """The module's front matter that readers see: summary, outcomes, activities."""
    fields = [("summary", module.summary)]
    fields += [("outcomes", outcome) for outcome in module.outcomes]
    for activity in module.activities:
        fields += [("activities", activity.title), ("activities", activity.description)]
    return fields


def check_jargon(course: Course, context) -> list[Finding]:
    """Check every module, story and glossary term in the course."""
    rules = Rules.prepare(course_lists(course.root), course.terms)
    rules.reading = context.reading
    findings: list[Finding] = []
    front = FrontMatter()
    for module in course.modules:
        if context.wants(module.rel):
            page = Page(module.rel, "module", frozenset(a.casefold() for a in module.jargon_allow))
            findings += check_checkable(checkable_markdown(module.body, module.body_line), page, rules)
            for name, value in _module_fields(module):
                findings += front.check(module.path, module.lines.get(name, 1), value, page, rules)
    for story in course.stories:
        if context.wants(story.rel):
            names = frozenset(w.casefold() for w in story.teller.name.split())
            page = Page(story.rel, "story", frozenset(a.casefold() for a in story.jargon_allow) | names)
            findings += check_checkable(checkable_markdown(story.body, story.body_line), page, rules)
            findings += front.check(story.path, story.lines.get("summary", 1), story.summary, page, rules)
    for unread in course.unread_pages:  # front matter with a mistake: the body is still checked
        if context.wants(unread.rel):
            page = Page(unread.rel, "glossary" if unread.kind == "term" else unread.kind)
            findings += check_checkable(checkable_markdown(unread.body, unread.body_line), page, rules)
    for term in course.terms:
        if not context.wants(term.rel):
            continue
        own = frozenset(f.casefold() for f in [*term.forms, term.stands_for] if f)
        page = Page(term.rel, "glossary", own)
        findings += check_checkable(checkable_markdown(term.body, term.body_line), page, rules)
        line, column = front.position(term.path, term.lines.get("plain", 1), term.plain)
        definition, meaning = checkable_value(term.plain, line, column), Page(term.rel, "definition", own)
        said = definition_findings(definition, meaning, rules)
        places = {(f.line, f.column) for f in said}  # a word a list already spoke about is not said twice
        findings += said + [f for f in uncommon_findings(definition, meaning, rules, []) if (f.line, f.column) not in places]
    return findings
