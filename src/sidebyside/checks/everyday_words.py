"""Words with an everyday meaning: tell authors where they may mean the glossary's sense.

A glossary word such as "chair" or "minutes" (`everyday: true`) is linked only where
an author marks it with `{{ term("chair") }}`, so "sitting in a chair" never opens
"the person who runs a meeting". This check points at a page's first unmarked use of
each such word, as a suggestion: only the author knows which sense they meant.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sidebyside.checks.jargon.text import checkable_markdown
from sidebyside.content.model import Course, Module, Story, Term
from sidebyside.findings import Finding, Severity
from sidebyside.render.terms import every_term_matcher

if TYPE_CHECKING:
    from sidebyside.checks import CheckContext

RULE = "jargon-everyday-word"
_MARK = re.compile(r"""term\(\s*["']([^"']+)["']""")  # {{ term("chair") }}
_LINK = re.compile(r"glossary/(?:index\.(?:md|html))?#([\w-]+)")  # a link to the word's glossary entry


def everyday_words(course: Course, context: CheckContext) -> list[Finding]:
    """A suggestion for the first unmarked use of each everyday word on a module or story page."""
    terms = {t.slug: t for t in course.terms}
    everyday = {t.slug for t in course.terms if t.everyday and not t.avoid}
    if not everyday:
        return []
    matcher = every_term_matcher(course.terms)
    findings: list[Finding] = []
    pages: list[Module | Story] = [*course.modules, *course.stories]
    for page in pages:
        if not context.wants(page.rel):
            continue
        marked = set(_MARK.findall(page.body)) | set(_LINK.findall(page.body))
        text = checkable_markdown(page.body, page.body_line)
        first: dict[str, tuple[int, str]] = {}
        counts: dict[str, int] = {}
        for match in matcher.finditer(text.text):
            block = text.block_at(match.start)
            if match.key not in everyday or match.key in marked or (block is not None and block.kind == "heading"):
                continue
            first.setdefault(match.key, (match.start, match.text))
            counts[match.key] = counts.get(match.key, 0) + 1
        for slug, (offset, word) in first.items():
            line, column = text.position(offset)
            findings.append(_finding(page.rel, line, column, terms[slug], word, counts[slug] - 1))
    return findings


def _finding(rel: str, line: int, column: int, term: Term, word: str, more: int) -> Finding:
    again = f" It is used {more} more time{'s' if more != 1 else ''} on this page." if more else ""
    macro = f'{{{{ term("{term.slug}") }}}}' if word.casefold() == term.term.casefold() else f'{{{{ term("{term.slug}", "{word}") }}}}'
    return Finding(
        path=rel,
        line=line,
        column=column,
        rule=RULE,
        severity=Severity.SUGGESTION,
        message=f'"{word}" has an everyday meaning, so it is not linked to the glossary here.{again}',
        suggestion=f'If you mean "{_first_sentence(term.plain)}", write {macro} where it first has that meaning, so readers can open it.',
        why="Words like this are only linked where an author marks them, so nobody is shown the wrong meaning.",
    )


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".")
