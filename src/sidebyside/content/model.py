"""Typed records for the course: modules, glossary terms and stories.

Every record remembers its source file and the line of each field, so checks can
point contributors at the exact place to fix.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sidebyside.content.easy_read import EasyRead
    from sidebyside.content.slides import SlideBlock
    from sidebyside.content.translations import LanguageEdition

# Where a story can appear. The offline copy (a zip of the website that trainers copy onto
# USB sticks) cannot be recalled once given out, so like a printed handout it needs `print`
# in the consent scope, as well as `web`. There is no scope word of its own: `print` means
# "copies we hand out and cannot take back".
OUTPUTS = ("web", "print", "session", "offline")
SCOPES_NEEDED = {"offline": ("web", "print")}


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    display: str = "full"
    pseudonym: str = ""

    @property
    def credit(self) -> str:
        """The name as the person agreed to be credited."""
        if self.display == "anonymous":
            return f"A {self.role}"
        if self.display == "pseudonym":
            return f"{self.pseudonym or self.name} ({self.role}, name changed)"
        if self.display == "first-name":
            return f"{self.name.split()[0]} ({self.role})"
        return f"{self.name} ({self.role})"

    @property
    def is_patient_or_carer(self) -> bool:
        return self.role in ("patient partner", "carer")


@dataclass(frozen=True)
class Attribution:
    """Open material a module is adapted from: shown as "title, author, source, licence"."""

    title: str
    author: str
    url: str
    licence: str  # an SPDX id
    changes: str = ""


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    accessed: dt.date


@dataclass(frozen=True)
class Change:
    version: str
    changed: str
    date: dt.date | None = None


@dataclass(frozen=True)
class Activity:
    title: str
    minutes: int
    materials: tuple[str, ...] = ()
    description: str = ""


@dataclass
class Module:
    """A course module: modules/<nn>-<slug>/index.md and its images."""

    slug: str
    folder: str
    path: Path
    rel: str
    title: str
    summary: str
    order: int
    duration: int
    outcomes: list[str]
    owner: str
    last_reviewed: dt.date
    next_review: dt.date
    version: str
    body: str
    body_line: int
    co_produced_with: list[Person] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    adapted_from: Attribution | None = None
    changes: list[Change] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    jargon_allow: list[str] = field(default_factory=list)
    allow_details: list[str] = field(default_factory=list)
    assets: list[Path] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    easy_read: EasyRead | None = None  # its Easy Read version (easy-read.md), if it has one
    slides: list[SlideBlock] = field(default_factory=list)  # `!!! slide` blocks, taken out of `body`
    slides_text: str = ""  # the slide blocks as written, at their own lines (for the checks)

    @property
    def url(self) -> str:
        return f"modules/{self.slug}/"

    @property
    def easy_read_url(self) -> str:
        return f"modules/{self.slug}/easy-read/"

    @property
    def has_patient_voice(self) -> bool:
        return any(p.is_patient_or_carer for p in self.co_produced_with)

    def changes_for(self, version: str) -> list[Change]:
        return [c for c in self.changes if c.version == version]


@dataclass
class Term:
    """A glossary term: glossary/<slug>.md."""

    slug: str
    path: Path
    rel: str
    term: str
    plain: str
    body: str
    body_line: int
    stands_for: str = ""
    aliases: list[str] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)
    avoid: bool = False
    instead: str = ""
    everyday: bool = False  # the word also has an everyday meaning: linked only where an author marks it
    lines: dict[str, int] = field(default_factory=dict)
    base: bool = False  # from the engine's base glossary, not the course's own folder

    @property
    def forms(self) -> list[str]:
        """Every form of the term that counts as using it in text."""
        seen: dict[str, None] = {}
        for form in [self.term, *self.aliases]:
            form = form.strip()
            if form:
                seen.setdefault(form, None)
        return list(seen)


@dataclass(frozen=True)
class Teller:
    name: str
    display: str
    role: str

    @property
    def shown_name(self) -> str:
        if self.display == "anonymous":
            return {"patient": "A patient", "carer": "A carer", "staff": "A member of staff"}[self.role]
        if self.display == "first-name":
            return self.name.split()[0]
        return self.name


@dataclass(frozen=True)
class Consent:
    recorded: dt.date
    ref: str
    scope: tuple[str, ...]
    expires: dt.date
    withdrawn: bool = False


@dataclass
class Story:
    """A patient, carer or staff story: stories/<slug>.md."""

    slug: str
    path: Path
    rel: str
    title: str
    teller: Teller
    kind: str
    body: str
    body_line: int
    summary: str = ""
    consent: Consent | None = None
    content_notes: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)
    allow_details: list[str] = field(default_factory=list)
    jargon_allow: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"stories/{self.slug}/"

    @property
    def illustrative(self) -> bool:
        return self.kind == "illustrative"

    def consent_problem(self, output: str, today: dt.date) -> str:
        """Why this story may not appear in `output` ("web", "print", "session", "offline"), or "" if it may."""
        if self.illustrative:
            return ""
        consent = self.consent
        if consent is None:
            return "it is a real story with no consent record"
        if consent.withdrawn:
            return "consent was withdrawn"
        if consent.expires < today:
            return f"consent expired on {consent.expires.isoformat()}"
        if consent.recorded > today:
            return f"consent is dated in the future ({consent.recorded.isoformat()})"
        for scope in SCOPES_NEEDED.get(output, (output,)):
            if scope not in consent.scope:
                return f"consent does not cover {scope}"
        return ""

    def allowed(self, output: str, today: dt.date) -> bool:
        return not self.consent_problem(output, today)


@dataclass(frozen=True)
class UnreadPage:
    """A page whose front matter has a mistake: its body is still checked, so one round fixes all."""

    kind: str  # module | term | story
    path: Path
    rel: str
    body: str
    body_line: int


@dataclass
class Course:
    """Everything loaded from one course folder."""

    root: Path
    modules: list[Module] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    # Slugs of files that exist but could not be read (already reported): references to
    # them are not reported again, so one mistake gives one message.
    unloaded_modules: set[str] = field(default_factory=set)
    unloaded_terms: set[str] = field(default_factory=set)
    unloaded_stories: set[str] = field(default_factory=set)
    unread_pages: list[UnreadPage] = field(default_factory=list)
    # Other languages (content/translations.py): each language's translated pages, by language code.
    translations: dict[str, LanguageEdition] = field(default_factory=dict)

    def module(self, slug: str) -> Module | None:
        return next((m for m in self.modules if m.slug == slug), None)

    def term(self, slug: str) -> Term | None:
        return next((t for t in self.terms if t.slug == slug), None)

    def story(self, slug: str) -> Story | None:
        return next((s for s in self.stories if s.slug == slug), None)

    def stories_for(self, output: str, today: dt.date) -> list[Story]:
        return [s for s in self.stories if s.allowed(output, today)]
