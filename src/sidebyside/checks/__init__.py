"""Checks: pure functions from the content model to findings. No MkDocs here.

Each check takes the course and a context and returns findings. `sidebyside check`,
the MkDocs plugin and CI all call `run_checks`, so a new rule is added in one place:
the CHECKS list below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sidebyside.content.base_glossary import BASE_LABEL
from sidebyside.content.model import Course
from sidebyside.findings import Finding


@dataclass(frozen=True)
class ReadingTargets:
    """The reading age a course aims for: participant pages, and trainer notes (set in mkdocs.yml)."""

    participant: int = 11
    trainer: int = 14


@dataclass(frozen=True)
class EasyReadLimits:
    """The Easy Read rules a course can change in mkdocs.yml (`easy_read_max_words`, `easy_read_max_pages`)."""

    max_words: int = 15  # words in one sentence
    max_pages: int = 24  # pages in one Easy Read document
    parts_per_page: int = 5  # how many parts fit on an A4 page, for the estimate


@dataclass(frozen=True)
class CheckContext:
    """What a check may need besides the content: the date, which files to look at, the reading age aimed for."""

    today: dt.date
    only_paths: frozenset[str] = field(default_factory=frozenset)
    reading: ReadingTargets = field(default_factory=ReadingTargets)
    easy_read: EasyReadLimits = field(default_factory=EasyReadLimits)

    def wants(self, rel: str) -> bool:
        return not self.only_paths or rel in self.only_paths


Check = Callable[[Course, CheckContext], list[Finding]]

CHECKS: list[Check] = []


def run_checks(course: Course, context: CheckContext) -> list[Finding]:
    """Run every registered check over the course.

    Findings in the engine's base glossary are left out: a course cannot edit those
    files (they are checked in the engine's own tests), and hiding or replacing an entry
    may leave another base entry naming a word the course explains differently."""
    _register_builtin()
    findings: list[Finding] = []
    for check in CHECKS:
        findings += [f for f in check(course, context) if context.wants(f.path) and not f.path.startswith(BASE_LABEL)]
    return findings


class CheckSetupError(Exception):
    """A check cannot run because its own setup is broken (a word list, say): exit status 2, not 1."""


_REGISTERED: list[bool] = []


def _register_builtin() -> None:
    """Put the checks that ship with Side by Side first in CHECKS, on the first run.

    Imported here, not at the top: to avoid an import cycle, and so that a build,
    which checks in a helper process, does not spend time importing them before it
    starts on the pages.
    """
    if _REGISTERED:
        return
    from sidebyside.checks.base_glossary import base_terms_used
    from sidebyside.checks.charts import check_charts
    from sidebyside.checks.easy_read import easy_read
    from sidebyside.checks.everyday_words import everyday_words
    from sidebyside.checks.fill_in import fill_in
    from sidebyside.checks.governance import co_production, consent, review_dates
    from sidebyside.checks.jargon import check_jargon
    from sidebyside.checks.links import links_and_images
    from sidebyside.checks.nesting import nesting
    from sidebyside.checks.personal_details import personal_details
    from sidebyside.checks.pictures import safe_pictures
    from sidebyside.checks.slides import slides
    from sidebyside.checks.starter_text import starter_text_left
    from sidebyside.checks.translations import translations
    from sidebyside.checks.untrusted import untrusted_content

    CHECKS[:0] = [
        review_dates,
        co_production,
        consent,
        personal_details,
        untrusted_content,
        nesting,
        links_and_images,
        check_charts,
        safe_pictures,
        check_jargon,
        easy_read,
        slides,
        translations,
        everyday_words,
        starter_text_left,
        base_terms_used,
        fill_in,
    ]
    _REGISTERED.append(True)
