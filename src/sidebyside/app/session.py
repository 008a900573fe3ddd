"""One build session: the settings (read once), the course (read and checked once), and what the build made.

A command opens a session, which reads mkdocs.yml with MkDocs' loader and hands
itself to the `sidebyside` plugin in that configuration; every step of the build
(the website, the handouts, the offline copy...) then reads what it needs from the
session instead of reading files again. Nothing is kept in the process between
sessions except what a session is given (`Caches`, for a preview's rebuilds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sidebyside.app.progress import Progress
from sidebyside.app.settings import PLUGIN, Settings, load_mkdocs_config, settings_from
from sidebyside.checks import run_checks
from sidebyside.checks.background import PendingChecks
from sidebyside.content import Course, load_course
from sidebyside.content.frontmatter import DocumentCache, caching
from sidebyside.findings import Finding
from sidebyside.reading import CourseOnTheWay, read_and_check

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from sidebyside.app.converted_pages import ConvertedPages
    from sidebyside.app.passed_pages import PassedPages
    from sidebyside.print.pipeline import HandoutSet
    from sidebyside.slides import DeckSet


@dataclass
class Caches:
    """What may be kept from one build to the next in the same process (a preview's rebuilds)."""

    documents: DocumentCache = field(default_factory=DocumentCache)
    templates: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # compiled theme templates


@dataclass
class Made:
    """What the build made, for later steps and the summary."""

    handouts: HandoutSet | None = None
    decks: DeckSet | None = None
    notes: list[str] = field(default_factory=list)  # lines for the summary at the end


class BuildSession:
    """The settings, the course and the results of one build, handed from step to step."""

    def __init__(
        self,
        settings: Settings,
        mkdocs_config: MkDocsConfig,
        *,
        progress: Progress | None = None,
        caches: Caches | None = None,
        previewing: bool = False,
        jobs: int = 0,
    ) -> None:
        self.settings = settings
        self.mkdocs_config = mkdocs_config
        self.progress = progress or Progress(quiet=True)
        self.caches = caches or Caches()
        self.previewing = previewing
        self.jobs = jobs  # handouts made at once (0: one per core)
        self.made = Made()
        self._course: CourseOnTheWay | None = None
        self._passed: PassedPages | None = None
        self._converted: ConvertedPages | None = None

    @classmethod
    def open(cls, config_file: Path, *, version: str = "", progress: Progress | None = None, jobs: int = 0) -> BuildSession:
        """Read mkdocs.yml (once) and hand the session to the plugin it names."""
        config = load_mkdocs_config(config_file)
        settings = settings_from(config)
        if version:
            settings = settings.for_release(version)
        session = cls(settings, config, progress=progress, jobs=jobs)
        config.plugins[PLUGIN].session = session  # type: ignore[attr-defined]
        return session

    @classmethod
    def for_config(cls, config: MkDocsConfig, caches: Caches | None = None, previewing: bool = False) -> BuildSession:
        """A session for a configuration MkDocs read itself (`mkdocs build`, or a preview's rebuild)."""
        return cls(settings_from(config), config, caches=caches, previewing=previewing, progress=Progress())

    # --- the course ----------------------------------------------------------------------

    def read(self) -> tuple[Course, list[Finding]]:
        """Read the course from its files, without checking it: findings are problems reading it, and reminders about its settings."""
        from sidebyside.content.contacts import contact_findings

        s = self.settings
        course, findings = load_course(
            s.root,
            s.modules_dir,
            s.glossary_dir,
            s.stories_dir,
            documents=self.caches.documents,
            base_glossary=s.base_glossary,
            hide_base_terms=s.hide_base_terms,
            languages=s.languages,
        )
        return course, findings + contact_findings(s.contacts, s.config_file)

    def start_reading(self, meanwhile: Callable[[], None] | None = None) -> CourseOnTheWay:
        """Start reading the course, and checking it (unless checks are off): on another
        core when that is safe, else now. `meanwhile` is more work for that core."""
        if self._course is None:
            if self.settings.checks:
                self._course = read_and_check(self.read, self.check, meanwhile)
            else:
                course, findings = self.read()
                self._course = CourseOnTheWay.ready(course, findings, PendingChecks.finished([]))
        return self._course

    def check(self, course: Course) -> list[Finding]:
        """The checks' findings for a build: those of an earlier build when nothing the checks read has changed
        (see app/kept_findings.py)."""
        from sidebyside.app.kept_findings import check_with_kept

        if not caching():
            return run_checks(course, self.settings.check_context)
        return check_with_kept(self.settings, lambda: run_checks(course, self.settings.check_context))

    def course(self) -> tuple[Course, list[Finding]]:
        """The course and the problems found reading it (read once)."""
        return self.start_reading().course()

    def checks(self) -> PendingChecks:
        """The checks' findings, perhaps still on their way."""
        return self.start_reading().checks

    def load(self) -> tuple[Course, list[Finding]]:
        """The course with every finding, checks included, waiting for them (for `check` and the like)."""
        if self._course is None:
            course, findings = self.read()
            checked = run_checks(course, self.settings.check_context)
            self._course = CourseOnTheWay.ready(course, findings, PendingChecks.finished(checked))
        course, findings = self.course()
        return course, findings + self.checks().result()

    def stop(self) -> None:
        """Stop work on another core that is no longer wanted."""
        if self._course is not None:
            self._course.cancel()

    # --- what the build made ---------------------------------------------------------------

    def handouts(self) -> HandoutSet:
        """Every handout (made, or found in the cache), once per session."""
        if self.made.handouts is None:
            from sidebyside.app.handouts import make_handouts

            self.made.handouts = make_handouts(self)
        return self.made.handouts

    def decks(self) -> DeckSet:
        """The trainers' slide decks (made, or found in the cache), once per session."""
        if self.made.decks is None:
            from sidebyside.app.slides import make_slides

            self.made.decks = make_slides(self)
        return self.made.decks

    def for_offline_copy(self) -> BuildSession:
        """A session that builds the website again as the offline copy: the same course (read
        and checked already) and handouts, showing only the stories its consent covers."""
        config = load_mkdocs_config(self.settings.config_file)
        settings = replace(self.settings, output="offline", checks=False)
        other = BuildSession(settings, config, progress=self.progress, caches=self.caches, previewing=self.previewing, jobs=self.jobs)
        course, _ = self.course()
        other._course = CourseOnTheWay.ready(course, [], PendingChecks.finished([]))  # reported once, by this build
        other.made.handouts, other.made.decks = self.made.handouts, self.made.decks
        config.plugins[PLUGIN].session = other  # type: ignore[attr-defined]
        return other

    def passed_pages(self) -> PassedPages:
        """The pages the publish gate passed in earlier builds (see app/passed_pages.py), read once per session."""
        if self._passed is None:
            from sidebyside.app.passed_pages import PassedPages

            self._passed = PassedPages(self.settings.project_dir)
        return self._passed

    def converted_pages(self) -> ConvertedPages:
        """Pages' Markdown as earlier builds converted it (see app/converted_pages.py), once per session."""
        if self._converted is None:
            from sidebyside.app.converted_pages import ConvertedPages

            self._converted = ConvertedPages(self.settings.project_dir)
        return self._converted

    def note(self, line: str) -> None:
        self.made.notes.append(line)

    def plugin(self) -> Any:
        return self.mkdocs_config.plugins[PLUGIN]
