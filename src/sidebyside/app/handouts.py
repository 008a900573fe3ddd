"""The handouts step and the `sidebyside handouts` command: the session's settings handed to `print/`.

`print/` knows nothing of MkDocs or of sessions; this module turns the session's
settings into `HandoutSettings`, makes the handouts once per session (the website
asks first, for page counts), and writes them into a built site or a folder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from sidebyside.app.errors import BuildFailed
from sidebyside.app.settings import Settings
from sidebyside.content.contacts import read_contacts
from sidebyside.content.languages import Language
from sidebyside.content.model import Course, Module, Story, Term
from sidebyside.content.translations import LanguageEdition
from sidebyside.print import HandoutSet, HandoutSettings, LanguageParts, write_handouts
from sidebyside.print.documents import PlannedHandout, plan_handouts
from sidebyside.print.macros import MacroProblem
from sidebyside.print.markdown_html import MarkdownSetup
from sidebyside.print.pipeline import HandoutProblem, render_planned
from sidebyside.publish import GateProblem
from sidebyside.render.handout_pages import file_size
from sidebyside.render.language_pages import kept_from_original, name_in

if TYPE_CHECKING:
    from sidebyside.app.session import BuildSession

CACHE = Path(".sidebyside-cache") / "handouts"
HANDOUTS_DIR = "handouts"
NO_SITE_URL = (
    "Note: the handouts show no full web address or QR code, because mkdocs.yml has no site_url. "
    "Add a line like `site_url: https://your-course.example.org/` to mkdocs.yml."
)


def handout_settings(settings: Settings, jobs: int = 0) -> HandoutSettings:
    """What print/ needs to know, from the session's settings."""
    return HandoutSettings(
        root=settings.root,
        today=settings.today,
        modules_dir=settings.modules_dir,
        glossary_dir=settings.glossary_dir,
        stories_dir=settings.stories_dir,
        site_url=settings.site_url,
        site_name=settings.site_name,
        version=settings.version or "draft",
        session_start=settings.session_start,
        session_break_every=settings.session_break_every,
        session_break_minutes=settings.session_break_minutes,
        cache_dir=settings.project_dir / CACHE,
        jobs=jobs,
        slides=settings.slides,
        contacts=read_contacts(settings.contacts),
        markdown=MarkdownSetup.of_course(settings.markdown_extensions, settings.markdown_configs or {}),
        colours_css=settings.colours.print_css(),
        furniture=settings.furniture,
    )


def language_parts(course: Course, edition: LanguageEdition, original: Language, language: Language) -> LanguageParts:
    """What of `course` is translated in `edition`, behind its original or a draft: what its handouts need to say so."""
    untranslated, behind, drafts, kept = set(), set(), set(), set()
    groups: tuple[tuple[str, Sequence[Module | Term | Story], Mapping[str, object]], ...] = (
        ("module", course.modules, edition.modules),
        ("term", course.terms, edition.terms),
        ("story", course.stories, edition.stories),
    )
    for kind, originals, translated in groups:
        for item in originals:
            part = f"{kind}:{item.slug}"
            if item.slug not in translated:
                untranslated.add(part)
                continue
            record = edition.record_for(item.rel)
            if record is None or record.draft:
                drafts.add(part)
            if record is not None and record.out_of_date:
                behind.add(part)
            if isinstance(item, Module):
                kept |= {f"{part}:{name}" for name in kept_from_original(translated[item.slug], item)}
    for module in course.modules:
        if module.easy_read is None:
            continue
        part = f"easy-read:{module.slug}"
        if module.slug not in edition.easy_reads:
            untranslated.add(part)
            continue
        record = edition.record_for(module.easy_read.rel)
        if record is None or record.draft:
            drafts.add(part)
        if record is not None and record.out_of_date:
            behind.add(part)
    return LanguageParts(
        language_name=language.name,
        original_name=name_in(original, language),
        original_lang=original.html_lang,
        original_direction=original.direction,
        prefix=f"{language.code}/",
        untranslated=frozenset(untranslated),
        out_of_date=frozenset(behind),
        drafts=frozenset(drafts),
        kept=frozenset(kept),
    )


def translated_handouts(course: Course, settings: Settings, handouts: HandoutSettings) -> list[PlannedHandout]:
    """Every handout again in each other language: each translated module's (standard, large print and
    Easy Read), and the whole course's (trainer pack, jargon buster, stories, contacts) with what is not
    translated yet shown in the original and marked so. A module not yet translated has no handout in
    that language: its page links the original's.
    """
    planned: list[PlannedHandout] = []
    original = settings.languages[0]
    for language in settings.languages[1:]:
        edition = course.translations.get(language.code)
        if edition is None:
            continue
        in_language = replace(handouts, language=language.code, direction=language.direction)
        parts = language_parts(course, edition, original, language)
        planned += plan_handouts(edition.course(course), in_language, parts)
    return planned


def make_handouts(session: BuildSession) -> HandoutSet:
    """Render (or take from the cache) every handout, turning any problem into a plain message."""
    course, _ = session.course()
    task = None

    def started(count: int) -> None:
        nonlocal task
        task = session.progress.task("Handouts", count)

    def done() -> None:
        if task is not None:
            task.advance()

    try:
        settings = handout_settings(session.settings, session.jobs)
        planned = plan_handouts(course, settings) + translated_handouts(course, session.settings, settings)
        return render_planned(planned, settings, started=started, done=done)
    except (HandoutProblem, MacroProblem, GateProblem) as exc:
        raise HandoutProblem(str(exc)) from None
    except OSError as exc:
        raise HandoutProblem(
            f"The handouts could not be written: {exc}. Check there is space on the disk and the folder can be written to."
        ) from None
    finally:
        if task is not None:
            task.finish()


class HandoutsStep:
    """Every handout into <site>/handouts/, before the new site is swapped in (switch off with `handouts: false`)."""

    name = "handouts"

    def wanted(self, settings: Settings) -> bool:
        return settings.handouts

    def run(self, session: BuildSession, site_dir: Path) -> None:
        try:
            handout_set = session.handouts()
            write_handouts(handout_set, site_dir / HANDOUTS_DIR)
        except HandoutProblem as exc:
            raise BuildFailed(str(exc)) from None
        session.note(f"{handout_set.summary()} {len(handout_set.handouts)} handouts are in {HANDOUTS_DIR}/.")
        if not session.settings.site_url:
            session.note(NO_SITE_URL)


def run_command(session: BuildSession, out: Path | None) -> tuple[int, str]:
    """The `sidebyside handouts` command: (exit status, message)."""
    from sidebyside.findings import errors_in, format_for_people

    _, findings = session.load()
    if errors_in(findings):
        return 1, format_for_people(findings) + "\n\nNo handouts were made. Fix the problems above first."
    target = out or (session.settings.project_dir / "site" / HANDOUTS_DIR)
    try:
        handout_set = session.handouts()
        write_handouts(handout_set, target)
    except HandoutProblem as exc:
        return 1, f"{exc}\n\nNo handouts were written."
    lines = [f"{handout_set.summary()} Wrote {len(handout_set.handouts)} handouts into {target}:"]
    lines += [f"  {h.name}: {h.pages} {'page' if h.pages == 1 else 'pages'}, {file_size(h.size)}" for h in handout_set.handouts]
    return 0, "\n".join(lines)
