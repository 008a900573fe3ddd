"""Glue between a Side by Side project (mkdocs.yml) and the slides: their settings, and
the `sidebyside slides` command. `slides/` knows nothing of MkDocs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sidebyside.content import Course
from sidebyside.project import ProjectError, course_version, load_mkdocs_config, parse_today
from sidebyside.render.links import SLIDES_DIR
from sidebyside.render.trainer_pages import parse_start
from sidebyside.slides import DeckSet, SlideSettings, SlidesProblem, make_decks, write_decks

CACHE = Path(".sidebyside-cache") / "slides"


def settings_from_config(config: Any, force: bool = False) -> SlideSettings | None:
    """Slide settings from a loaded MkDocs config; None when slides are switched off (unless `force`)."""
    plugin = config.plugins.get("sidebyside")
    if plugin is None:
        raise ProjectError("mkdocs.yml does not use the sidebyside plugin. Add `- sidebyside` under `plugins:`.")
    options = plugin.config
    if not force and not options.get("slides", True):
        return None
    base = Path(config.config_file_path).resolve().parent
    return SlideSettings(
        root=(base / options.content_dir).resolve(),
        today=parse_today(options.today),
        site_name=config.site_name or "Side by Side",
        site_url=config.site_url or "",
        version=course_version(options.get("version", ""), config.extra) or "draft",
        template=template_path(base, options.get("slides_template", "")),
        session_break_every=options.get("session_break_every", 0),
        session_break_minutes=options.get("session_break_minutes", 10),
        session_start=parse_start(options.get("session_start", "10:00")),
        cache_dir=base / CACHE,
    )


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


def make(course: Course, settings: SlideSettings) -> DeckSet:
    try:
        return make_decks(course, settings)
    except OSError as exc:
        raise SlidesProblem(f"The slides could not be written: {exc}. Check there is space on the disk.") from None


def run_command(config_file: Path, out: Path | None) -> tuple[int, str]:
    """The `sidebyside slides` command: (exit status, message)."""
    from sidebyside.findings import errors_in, format_for_people
    from sidebyside.project import find_project

    project = find_project(config_file)
    course, findings = project.load()
    if errors_in(findings):
        return 1, format_for_people(findings) + "\n\nNo slides were made. Fix the problems above first."
    settings = settings_from_config(load_mkdocs_config(project.config_file), force=True)
    assert settings is not None
    target = out or (project.config_file.parent / "site" / SLIDES_DIR)
    try:
        decks = make(course, settings)
        write_decks(decks, target)
    except SlidesProblem as exc:
        return 1, f"{exc}\n\nNo slides were written."
    lines = [f"{decks.summary()} Wrote {len(decks.decks)} decks into {target}:"]
    lines += [f"  {d.name}: {d.slides} slides" for d in decks.decks]
    return 0, "\n".join(lines)
