"""Say which base glossary entries the course uses, so reviewers can read them too:
they come with the engine, not from a file in the course (see content/base_glossary.py)."""

from __future__ import annotations

from sidebyside.content.matching import TermMatcher
from sidebyside.content.model import Course
from sidebyside.findings import Finding, Severity


def base_terms_used(course: Course, context: object) -> list[Finding]:
    base = [t for t in course.terms if t.base]
    if not base:
        return []
    matcher = TermMatcher((form, t.slug) for t in base for form in t.forms)
    texts = [m.summary + "\n" + "\n".join(m.outcomes) + "\n" + m.body for m in course.modules]
    texts += [s.body for s in course.stories] + [t.plain + "\n" + t.body for t in course.terms if not t.base]
    used = {match.key for text in texts for match in matcher.finditer(text)}
    if not used:
        return []
    names = sorted((t.term for t in base if t.slug in used), key=str.casefold)
    return [
        Finding(
            "mkdocs.yml",
            1,
            1,
            "base-glossary-used",
            Severity.SUGGESTION,
            f"The course uses {len(names)} {'entry' if len(names) == 1 else 'entries'} from the engine's base glossary: {', '.join(names)}.",
            "Read them on the site's glossary page. To change an entry, add your own with the same file name to the glossary folder; "
            "to hide an entry, list its file name under `hide_base_terms` in mkdocs.yml.",
            "These explanations come with Side by Side, not from your course folder, so reviewers may not have seen them.",
        )
    ]
