"""Checks that hold across files: unique slugs and terms, and references that lead somewhere."""

from __future__ import annotations

from sidebyside.content.model import Course
from sidebyside.content.schema import did_you_mean
from sidebyside.findings import Finding, error


def _unknown(rel: str, line: int, what: str, slug: str, known: list[str], folder: str) -> Finding:
    guess = did_you_mean(slug, known)
    if guess:
        hint = f"Did you mean `{guess}`?"
    elif folder == "modules":
        hint = "Use a module's folder name without the number at the start: `02-how-the-nhs-works` is `how-the-nhs-works`."
    else:
        hint = f"Use the name of a file in {folder}/ without `.md`."
    return error(
        rel,
        line,
        "reference-unknown",
        f"`{slug}` in `{what}` does not match any {folder[:-1] if folder != 'glossary' else 'glossary term'}.",
        hint,
    )


def check(course: Course) -> list[Finding]:
    findings: list[Finding] = []
    seen_modules: dict[str, str] = {}
    for module in course.modules:
        if module.slug in seen_modules:
            findings.append(
                error(
                    module.rel,
                    1,
                    "module-duplicate",
                    f"Two modules have the web address `{module.slug}`: {seen_modules[module.slug]} and {module.rel}.",
                    "Rename one of the module folders so the part after the number is different.",
                )
            )
        seen_modules.setdefault(module.slug, module.rel)

    seen_forms: dict[str, str] = {}
    for term in course.terms:
        for form in term.forms:
            key = form.casefold()
            owner = seen_forms.get(key)
            if owner and owner != term.rel:
                line = term.lines.get("term", 1) if form == term.term else term.lines.get("aliases", 1)
                findings.append(
                    error(
                        term.rel,
                        line,
                        "term-duplicate",
                        f"`{form}` is defined twice: in {owner} and in {term.rel}.",
                        "Keep one definition. Merge the two files, or remove the word from one of them.",
                        "A word with two definitions would confuse readers, and we could not tell which one to show.",
                    )
                )
            seen_forms.setdefault(key, term.rel)

    term_slugs = [t.slug for t in course.terms]
    for term in course.terms:
        for slug in term.see_also:
            if slug == term.slug:
                findings.append(
                    error(
                        term.rel,
                        term.lines.get("see_also", 1),
                        "reference-self",
                        f"`{slug}` points at itself in `see_also`.",
                        "Remove it from the list.",
                    )
                )
            elif slug not in term_slugs and slug not in course.unloaded_terms:
                findings.append(_unknown(term.rel, term.lines.get("see_also", 1), "see_also", slug, term_slugs, "glossary"))

    module_slugs = [m.slug for m in course.modules]
    for story in course.stories:
        for slug in story.modules:
            if slug not in module_slugs and slug not in course.unloaded_modules:
                findings.append(_unknown(story.rel, story.lines.get("modules", 1), "modules", slug, module_slugs, "modules"))
    return findings
