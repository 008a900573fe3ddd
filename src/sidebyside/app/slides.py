"""The slides and the `sidebyside slides` command: the session's settings handed to `slides/`.

`slides/` knows nothing of MkDocs or of sessions. The website asks the session for the
decks (trainer pages link them, and they go into the built site); they are made once per session.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from sidebyside.app.settings import ProjectError, Settings
from sidebyside.render.links import SLIDES_DIR
from sidebyside.slides import DeckSet, SlideSettings, SlidesProblem, make_decks, write_decks

if TYPE_CHECKING:
    from sidebyside.app.session import BuildSession

CACHE = Path(".sidebyside-cache") / "slides"


def slide_settings(settings: Settings) -> SlideSettings:
    """What slides/ needs to know, from the session's settings."""
    return SlideSettings(
        root=settings.root,
        today=settings.today,
        site_name=settings.site_name,
        site_url=settings.site_url,
        version=settings.version or "draft",
        template=template_path(settings.project_dir, settings.slides_template),
        session_break_every=settings.session_break_every,
        session_break_minutes=settings.session_break_minutes,
        session_start=settings.session_start,
        cache_dir=settings.project_dir / CACHE,
    )


def contact_lines(options: Mapping[str, object]) -> tuple[str, ...]:
    """The course's contact route for the closing slide (`contact_email`, `contact_phone`, `contact_form`)."""
    labels = (("contact_email", "Email"), ("contact_phone", "Phone"), ("contact_form", "Contact form"))
    return tuple(f"{label}: {str(value).strip()}" for key, label in labels if (value := options.get(key)) and str(value).strip())


def template_path(base: Path, value: str) -> Path | None:
    """The course's PowerPoint template, which must be a .pptx file inside the project."""
    if not value:
        return None
    path = (base / value).resolve()
    if not path.is_relative_to(base) or path.suffix.lower() != ".pptx":
        raise ProjectError(f"`slides_template: {value}` must name a .pptx file inside the project folder, such as `theme/slides.pptx`.")
    if not path.is_file():
        raise ProjectError(f"`slides_template: {value}` names a file that does not exist. Check the spelling, or remove the line.")
    return path


def make_slides(session: BuildSession) -> DeckSet:
    course, _ = session.course()
    try:
        return make_decks(course, slide_settings(session.settings))
    except OSError as exc:
        raise SlidesProblem(f"The slides could not be written: {exc}. Check there is space on the disk.") from None


def run_command(session: BuildSession, out: Path | None) -> tuple[int, str]:
    """The `sidebyside slides` command: (exit status, message)."""
    from sidebyside.findings import errors_in, format_for_people

    _, findings = session.load()
    if errors_in(findings):
        return 1, format_for_people(findings) + "\n\nNo slides were made. Fix the problems above first."
    target = out or (session.settings.project_dir / "site" / SLIDES_DIR)
    try:
        decks = session.decks()
        write_decks(decks, target)
    except SlidesProblem as exc:
        return 1, f"{exc}\n\nNo slides were written."
    lines = [f"{decks.summary()} Wrote {len(decks.decks)} decks into {target}:"]
    lines += [f"  {d.name}: {d.slides} slides" for d in decks.decks]
    return 0, "\n".join(lines)
