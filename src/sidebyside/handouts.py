"""Glue between a Side by Side project (mkdocs.yml) and the print pipeline.

`print/` knows nothing of MkDocs; this module reads the settings it needs from
mkdocs.yml, writes handouts into a built site (an after-build step) and runs the
`sidebyside handouts` command.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from sidebyside.content import Course, load_course
from sidebyside.print import HandoutSet, HandoutSettings, render_handouts, write_handouts
from sidebyside.print.macros import MacroProblem
from sidebyside.print.markdown_html import MarkdownSetup
from sidebyside.print.pipeline import HandoutProblem
from sidebyside.project import ProjectError, course_version, load_mkdocs_config, parse_today
from sidebyside.render.brand import BrandProblem, brand_from_settings
from sidebyside.render.handout_pages import file_size
from sidebyside.render.trainer_pages import parse_start

CACHE = Path(".sidebyside-cache") / "handouts"
HANDOUTS_DIR = "handouts"
NO_SITE_URL = (
    "Note: the handouts show no full web address or QR code, because mkdocs.yml has no site_url. "
    "Add a line like `site_url: https://your-course.example.org/` to mkdocs.yml."
)


# Handouts the plugin made while building pages (it needs their page counts), by course
# folder, so the after-build step of the same build copies them rather than making them again.
_MADE: dict[Path, HandoutSet] = {}


def settings_from_config(config: Any, jobs: int = 0, force: bool = False) -> HandoutSettings | None:
    """Handout settings from a loaded MkDocs config; None when handouts are switched off (unless `force`)."""
    plugin = config.plugins.get("sidebyside")
    if plugin is None:
        raise ProjectError("mkdocs.yml does not use the sidebyside plugin. Add `- sidebyside` under `plugins:`.")
    options = plugin.config
    if not force and not options.get("handouts", True):
        return None
    base = Path(config.config_file_path).resolve().parent
    return HandoutSettings(
        root=(base / options.content_dir).resolve(),
        today=parse_today(options.today),
        modules_dir=options.modules_dir,
        glossary_dir=options.glossary_dir,
        stories_dir=options.stories_dir,
        site_url=config.site_url or "",
        site_name=config.site_name or "Side by Side",
        version=course_version(options.get("version", ""), config.extra) or "draft",
        session_start=parse_start(options.get("session_start", "10:00")),
        session_break_every=options.get("session_break_every", 0),
        session_break_minutes=options.get("session_break_minutes", 10),
        cache_dir=base / CACHE,
        jobs=jobs,
        markdown=MarkdownSetup.of_course(list(config.markdown_extensions), dict(config.mdx_configs)),
        base_glossary=options.get("base_glossary", True),
        hide_base_terms=tuple(options.get("hide_base_terms", ())),
        brand_css=_brand_css(options.get("brand"), Path(config.config_file_path)),
        slides=bool(options.get("slides", True)),
    )


def _brand_css(settings: dict | None, config_file: Path) -> str:
    try:
        return brand_from_settings(settings, config_file).print_css()
    except BrandProblem as exc:
        raise ProjectError(str(exc)) from None


def make_handouts(course: Course, settings: HandoutSettings) -> HandoutSet:
    """Render every handout, turning any problem into a plain message."""
    try:
        handout_set = render_handouts(course, settings)
    except (HandoutProblem, MacroProblem) as exc:
        raise HandoutProblem(str(exc)) from None
    except OSError as exc:
        raise HandoutProblem(
            f"The handouts could not be written: {exc}. Check there is space on the disk and the folder can be written to."
        ) from None
    _MADE[settings.root] = handout_set
    return handout_set


def _load(settings: HandoutSettings) -> Course:
    course, _ = load_course(
        settings.root, settings.modules_dir, settings.glossary_dir, settings.stories_dir, settings.base_glossary, settings.hide_base_terms
    )
    return course


def write_handouts_step(config_file: Path, site_dir: Path) -> None:
    """After-build step: every handout into <site>/handouts/, before the new site is swapped in."""
    from sidebyside.building import BuildFailed  # building registers this step, so import it late

    try:
        settings = settings_from_config(load_mkdocs_config(config_file))
    except (ProjectError, ValueError) as exc:
        raise BuildFailed(str(exc)) from None
    if settings is None:
        return
    try:
        handout_set = _MADE.pop(settings.root, None) or make_handouts(_load(settings), settings)
        write_handouts(handout_set, site_dir / HANDOUTS_DIR)
    except HandoutProblem as exc:
        raise BuildFailed(str(exc)) from None
    print(f"{handout_set.summary()} {len(handout_set.handouts)} handouts are in {HANDOUTS_DIR}/.", file=sys.stdout)
    if not settings.site_url:
        print(NO_SITE_URL, file=sys.stdout)


def run_command(config_file: Path, out: Path | None, jobs: int) -> tuple[int, str]:
    """The `sidebyside handouts` command: (exit status, message)."""
    from sidebyside.findings import errors_in, format_for_people
    from sidebyside.project import find_project

    project = find_project(config_file)
    course, findings = project.load()
    if errors_in(findings):
        return 1, format_for_people(findings) + "\n\nNo handouts were made. Fix the problems above first."
    settings = settings_from_config(load_mkdocs_config(project.config_file), jobs=jobs, force=True)
    assert settings is not None
    target = out or (project.config_file.parent / "site" / HANDOUTS_DIR)
    try:
        handout_set = make_handouts(course, settings)
        write_handouts(handout_set, target)
    except HandoutProblem as exc:
        return 1, f"{exc}\n\nNo handouts were written."
    lines = [f"{handout_set.summary()} Wrote {len(handout_set.handouts)} handouts into {target}:"]
    lines += [f"  {h.name}: {h.pages} {'page' if h.pages == 1 else 'pages'}, {file_size(h.size)}" for h in handout_set.handouts]
    return 0, "\n".join(lines)
