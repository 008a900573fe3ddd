"""Checks on translations: made from an older original, not recorded, glossary words without a translation.

The checks on what a page may show (consent, personal details, untrusted content,
links) read translated pages too, through `checks.pages`; this module adds what only
translations can get wrong.
"""

from __future__ import annotations

import re

from sidebyside.checks import CheckContext
from sidebyside.checks.pages import PageText, pages, prose_lines
from sidebyside.content.model import Course, Term
from sidebyside.content.translations import LanguageEdition
from sidebyside.findings import Finding, Severity, warning
from sidebyside.render.terms import matcher_for

GLOSSARY_LINK = re.compile(r"glossary/(?:index\.md)?#(?P<slug>[a-z0-9-]+)")
TERM_MACRO = re.compile(r"""\bterm\(\s*["'](?P<slug>[a-z0-9-]+)["']""")
# Reminders that never stop a build (unless `strict_governance`): the page tells readers what is behind.
TRANSLATION_REMINDERS = frozenset({"translation-out-of-date", "translation-unrecorded", "translation-term-missing"})
WHY_DRIFT = "A reader of the translation would otherwise miss what changed in the original, with no sign that anything did."


def _drift(edition: LanguageEdition, course: Course) -> list[Finding]:
    found = []
    name = edition.language.name
    for record in edition.records.values():
        if not record.translated_from:
            found.append(
                warning(
                    record.rel,
                    1,
                    "translation-unrecorded",
                    f"This {name} translation does not say which version of `{record.original_rel}` it was made from, so it is shown as possibly out of date.",
                    f"When the translation matches the original, run `sidebyside translation done {record.rel}`.",
                    WHY_DRIFT,
                )
            )
        elif record.out_of_date:
            what = "version" if record.kind == "module" else "text"
            found.append(
                warning(
                    record.rel,
                    record.line,
                    "translation-out-of-date",
                    f"`{record.original_rel}` changed after this {name} translation was made (its {what} was `{record.translated_from}`, "
                    f"now `{record.current}`). The page shows readers a notice that it may be out of date.",
                    f"Update the translation to match `{record.original_rel}`, then run `sidebyside translation done {record.rel}`.",
                    WHY_DRIFT,
                )
            )
    return found


def _untranslated_terms(edition: LanguageEdition, course: Course, texts: list[PageText]) -> list[Finding]:
    """Glossary words linked in a translated page whose glossary entry has no translation into its language."""
    missing: dict[str, Term] = {t.slug: t for t in course.terms if t.slug not in edition.terms}
    if not missing:
        return []
    matcher = matcher_for(edition.course(course).terms)
    found = []
    for page in texts:
        if page.language != edition.language.code or page.kind == "term":
            continue
        seen: set[str] = set()
        for line, text in prose_lines(page.body, page.body_line):
            slugs = [m.group("slug") for m in GLOSSARY_LINK.finditer(text)] + [m.group("slug") for m in TERM_MACRO.finditer(text)]
            slugs += [m.key for m in matcher.finditer(text)] if matcher else []
            for slug in slugs:
                term = missing.get(slug)
                if term is None or slug in seen:
                    continue
                seen.add(slug)
                found.append(
                    warning(
                        page.rel,
                        line,
                        "translation-term-missing",
                        f"This page links the glossary word “{term.term}”, which has no {edition.language.name} entry yet, "
                        "so the link leads to the English one.",
                        f"Translate `{term.rel}` into `{term.path.with_name(f'{term.slug}.{edition.language.code}.md').name}` beside it.",
                        "A reader who follows a word's link should find it explained in the language they are reading.",
                    )
                )
    return found


def _not_measured(edition: LanguageEdition) -> list[Finding]:
    """Reading checks have no measure for this language: say so once, so nobody thinks the pages passed them."""
    if edition.language.measured or not edition.records:
        return []
    first = min(r.rel for r in edition.records.values())
    message = (
        f"Sentence length, reading age and plainer-word checks are not run on {edition.language.name} ({edition.language.code}) pages: "
        "Side by Side has no measure for this language."
    )
    return [
        Finding(
            first,
            1,
            1,
            "translation-not-measured",
            Severity.SUGGESTION,
            message,
            "Ask a fluent reader to check the pages are plain and short.",
            "",
        )
    ]


def translations(course: Course, context: CheckContext) -> list[Finding]:
    """Findings about every translation of the course."""
    if not course.translations:
        return []
    texts = pages(course)
    found: list[Finding] = []
    for edition in course.translations.values():
        found += _drift(edition, course) + _untranslated_terms(edition, course, texts) + _not_measured(edition)
    return found
