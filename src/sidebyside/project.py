"""Find and read a Side by Side project: its mkdocs.yml and the plugin's options.

Kept apart from the plugin so the command line can read the course (for `check`,
handouts and releases) without building a site.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sidebyside.checks import CheckContext, EasyReadLimits, run_checks
from sidebyside.checks.background import PendingChecks
from sidebyside.content import Course, load_course
from sidebyside.findings import Finding
from sidebyside.reading import CourseOnTheWay, read_and_check


def parse_today(value: str | dt.date) -> dt.date:
    """The date to check consent and reviews against: the `today` option, or today."""
    if isinstance(value, dt.date):
        return value
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"The sidebyside option `today` is {value!r}. Write it as year-month-day, for example 2026-11-25.") from None


VERSION_ENV = "SIDEBYSIDE_VERSION"  # set by `sidebyside release` while it builds


def course_version(option: str = "", extra: dict | None = None) -> str:
    """The version being built: the release being made (SIDEBYSIDE_VERSION), else the
    plugin's `version` option, else `extra.version` when it is text. "" means a draft."""
    from_release = os.environ.get(VERSION_ENV, "").strip()
    if from_release:
        return from_release
    if str(option or "").strip():
        return str(option).strip()
    value = (extra or {}).get("version")
    return value.strip() if isinstance(value, str) else ""


class ProjectError(Exception):
    """A problem with the project's setup, explained in plain words."""


@dataclass(frozen=True)
class Project:
    config_file: Path
    root: Path
    modules_dir: str = "modules"
    glossary_dir: str = "glossary"
    stories_dir: str = "stories"
    today_option: str | dt.date = ""
    site_name: str = ""
    site_url: str = ""
    version_option: str = ""
    offline_copy: bool = True
    checks: bool = True  # the plugin's `checks` option: whether a build checks the course
    base_glossary: bool = True
    hide_base_terms: tuple[str, ...] = ()
    easy_read: EasyReadLimits = field(default_factory=EasyReadLimits)

    @property
    def version(self) -> str:
        """The course version to show on pages and handouts ("" for a draft build).

        Handouts read this; the website's plugin works it out the same way."""
        return course_version(self.version_option)

    @property
    def today(self) -> dt.date:
        return parse_today(self.today_option)

    @property
    def check_context(self) -> CheckContext:
        return CheckContext(self.today, easy_read=self.easy_read)

    def read(self) -> tuple[Course, list[Finding]]:
        """Read the course, without checking it: findings are only problems reading it."""
        return load_course(self.root, self.modules_dir, self.glossary_dir, self.stories_dir, self.base_glossary, self.hide_base_terms)

    def load(self) -> tuple[Course, list[Finding]]:
        """Load the course and run every check on it."""
        course, findings = self.read()
        checked = run_checks(course, self.check_context)
        self._hand_over(CourseOnTheWay.ready(course, findings, PendingChecks.finished(checked)))
        return course, findings + checked

    def read_in_background(self, meanwhile: Callable[[], None] | None = None) -> CourseOnTheWay:
        """Start reading the course, then checking it, on another core, for a build to
        collect; `meanwhile` is more work for that core, between the two."""
        on_the_way = read_and_check(self.read, self.check_context, meanwhile)
        self._hand_over(on_the_way)
        return on_the_way

    def _hand_over(self, on_the_way: CourseOnTheWay) -> None:
        _HANDED_OVER.clear()
        _HANDED_OVER[(self.root, self.modules_dir, self.glossary_dir, self.stories_dir, self.today)] = on_the_way


# The course the command line has just read (or is reading on another core), with its
# checks, kept for the MkDocs plugin in the same process, so `sidebyside build` reads
# and checks the course once, not twice. Taken at most once: a later build (a preview
# after a save) loads the course afresh.
_HANDED_OVER: dict[tuple[Path, str, str, str, dt.date], CourseOnTheWay] = {}


def take_loaded(root: Path, modules_dir: str, glossary_dir: str, stories_dir: str, today: dt.date) -> CourseOnTheWay | None:
    """The course (with its checks) the command line left for these folders and date, once; else None."""
    from sidebyside.content.frontmatter import caching

    found = _HANDED_OVER.pop((root, modules_dir, glossary_dir, stories_dir, today), None)
    return found if found is not None and caching() else None


def load_mkdocs_config(config_file: Path, **overrides: object):
    """Load mkdocs.yml with MkDocs' own loader, turning its errors into ProjectError."""
    from mkdocs import exceptions
    from mkdocs.config import load_config

    if not config_file.is_file():
        raise ProjectError(f"Could not find {config_file}. Run this in the folder that holds mkdocs.yml, or give the file with -f.")
    previous = logging.getLogger("mkdocs").level
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        return load_config(str(config_file), **overrides)
    except exceptions.ConfigurationError as exc:
        raise ProjectError(f"{config_file.name} has a problem: {exc}") from None
    except Exception as exc:  # YAML errors and the like from MkDocs' loader
        raise ProjectError(f"{config_file.name} could not be read: {exc}") from None
    finally:
        logging.getLogger("mkdocs").setLevel(previous)  # keep `-v` working for the build that follows


def find_project(config_file: Path) -> Project:
    config = load_mkdocs_config(config_file)
    plugin = config.plugins.get("sidebyside")
    if plugin is None:
        raise ProjectError(f"{config_file.name} does not use the sidebyside plugin. Add `- sidebyside` under `plugins:`.")
    options = plugin.config
    today = options.today
    try:
        parse_today(today)
    except ValueError as exc:
        raise ProjectError(str(exc)) from None
    return Project(
        config_file=config_file.resolve(),
        root=(config_file.resolve().parent / options.content_dir).resolve(),
        modules_dir=options.modules_dir,
        glossary_dir=options.glossary_dir,
        stories_dir=options.stories_dir,
        today_option=today,
        site_name=config.site_name,
        site_url=config.site_url or "",
        version_option=course_version(options.version, dict(config.extra)),
        offline_copy=options.offline_copy,
        checks=options.checks,
        base_glossary=options.base_glossary,
        hide_base_terms=tuple(options.hide_base_terms),
        easy_read=easy_read_limits(options),
    )


def easy_read_limits(options: Any) -> EasyReadLimits:
    """The Easy Read rules as the course sets them in the plugin's options."""
    return EasyReadLimits(max_words=options.easy_read_max_words, max_pages=options.easy_read_max_pages)
