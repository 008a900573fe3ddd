"""Find and read a Side by Side project: its mkdocs.yml and the plugin's options.

Kept apart from the plugin so the command line can read the course (for `check`,
handouts and releases) without building a site.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sidebyside.checks import CheckContext, run_checks
from sidebyside.checks.background import PendingChecks, start_checks
from sidebyside.content import Course, load_course
from sidebyside.findings import Finding, errors_in


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

    @property
    def version(self) -> str:
        """The course version to show on pages and handouts ("" for a draft build).

        Handouts read this; the website's plugin works it out the same way."""
        return course_version(self.version_option)

    @property
    def today(self) -> dt.date:
        return parse_today(self.today_option)

    def read(self) -> tuple[Course, list[Finding]]:
        """Read the course, without checking it: findings are only problems reading it."""
        return load_course(self.root, self.modules_dir, self.glossary_dir, self.stories_dir)

    def load(self) -> tuple[Course, list[Finding]]:
        """Load the course and run every check on it."""
        course, findings = self.read()
        checked = run_checks(course, CheckContext(self.today))
        self._hand_over(course, findings, PendingChecks.finished(checked))
        return course, findings + checked

    def load_checking_in_background(self) -> tuple[Course, list[Finding], PendingChecks | None]:
        """Read the course and start its checks on another core, for a build to collect.

        When the course cannot even be read, there is nothing to build: the checks run at
        once so that every problem is reported together, and no checks are pending."""
        course, findings = self.read()
        if errors_in(findings):
            return course, findings + run_checks(course, CheckContext(self.today)), None
        pending = start_checks(course, CheckContext(self.today))
        self._hand_over(course, findings, pending)
        return course, findings, pending

    def _hand_over(self, course: Course, findings: list[Finding], checks: PendingChecks) -> None:
        _HANDED_OVER.clear()
        _HANDED_OVER[(self.root, self.modules_dir, self.glossary_dir, self.stories_dir, self.today)] = (course, list(findings), checks)


# The course the command line has just read, with its checks (done, or still running on
# another core), kept for the MkDocs plugin in the same process, so `sidebyside build`
# reads and checks the course once, not twice. Taken at most once: a later build (a
# preview after a save) loads the course afresh.
_HANDED_OVER: dict[tuple[Path, str, str, str, dt.date], tuple[Course, list[Finding], PendingChecks]] = {}


def take_loaded(
    root: Path, modules_dir: str, glossary_dir: str, stories_dir: str, today: dt.date
) -> tuple[Course, list[Finding], PendingChecks] | None:
    """The course, the findings from reading it and its checks, as the command line left
    them for these folders and date, once; else None."""
    from sidebyside.content.frontmatter import caching

    found = _HANDED_OVER.pop((root, modules_dir, glossary_dir, stories_dir, today), None)
    if found is None or not caching():
        return None
    course, findings, checks = found
    return course, list(findings), checks


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
    )
