"""The handouts step and the `sidebyside handouts` command: the session's settings handed to `print/`.

`print/` knows nothing of MkDocs or of sessions; this module turns the session's
settings into `HandoutSettings`, makes the handouts once per session (the website
asks first, for page counts), and writes them into a built site or a folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sidebyside.app.errors import BuildFailed
from sidebyside.app.settings import Settings
from sidebyside.content.contacts import read_contacts
from sidebyside.print import HandoutSet, HandoutSettings, render_handouts, write_handouts
from sidebyside.print.macros import MacroProblem
from sidebyside.print.markdown_html import MarkdownSetup
from sidebyside.print.pipeline import HandoutProblem
from sidebyside.publish import GateProblem
from sidebyside.render.handout_pages import file_size

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
        return render_handouts(course, handout_settings(session.settings, session.jobs), started=started, done=done)
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
