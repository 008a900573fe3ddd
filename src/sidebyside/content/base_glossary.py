"""The base glossary every course inherits: general NHS and improvement words (A&E,
GP, ICB, PDSA ...) shipped with the engine, so a new course does not start by writing
them again. The course's own entries come first: an entry with the same file name, or
claiming the same word, replaces the base one; `hide_base_terms` hides others.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

from sidebyside.content.frontmatter import DocumentCache
from sidebyside.content.model import Course, Term
from sidebyside.findings import Finding, Severity

BASE_LABEL = "base glossary"  # how findings and pages name where a base entry comes from


def base_folder() -> Path:
    return Path(str(files("sidebyside").joinpath("data/base_glossary")))


def base_terms(documents: DocumentCache | None = None) -> list[Term]:
    """Every entry of the base glossary, each marked as coming from it."""
    from sidebyside.content.loader import load_term  # the loader calls this module

    folder = base_folder()
    terms = []
    for path in sorted(folder.glob("*.md")):
        term, _ = load_term(path, folder, documents)
        if term is not None:
            terms.append(dataclasses.replace(term, rel=f"{BASE_LABEL}: {path.name}", base=True))
    return terms


def add_base_terms(course: Course, hidden: Iterable[str], documents: DocumentCache | None = None) -> list[Finding]:
    """Add the base entries the course neither replaces nor hides; a hidden name that is
    not in the base glossary is reported, so a typing mistake does not go unseen."""
    hidden = list(hidden)
    own_slugs = {t.slug for t in course.terms} | course.unloaded_terms
    own_forms = {form.casefold() for t in course.terms for form in t.forms}
    base = base_terms(documents)
    findings = []
    known = {t.slug for t in base}
    for slug in hidden:
        if slug not in known:
            findings.append(
                Finding(
                    "mkdocs.yml",
                    1,
                    1,
                    "base-glossary-hidden",
                    Severity.WARNING,
                    f"`hide_base_terms` lists `{slug}`, which is not in the base glossary.",
                    f"Check the spelling. The base glossary's file names are: {', '.join(sorted(known))}.",
                    "A mistyped name hides nothing.",
                )
            )
    for term in base:
        if term.slug in own_slugs or term.slug in hidden or any(form.casefold() in own_forms for form in term.forms):
            continue
        term.see_also[:] = [s for s in term.see_also if s in own_slugs or s not in hidden]
        course.terms.append(term)
    return findings
