"""A project's settings: mkdocs.yml read once, with MkDocs' own loader, into one typed record.

The plugin's options and their defaults are declared once, in `site/config.py`
(MkDocs validates them as it reads mkdocs.yml); everything else reads this record,
so the command line, the handouts and the website never disagree about a setting.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sidebyside.checks import CheckContext, EasyReadLimits, ReadingTargets
from sidebyside.content.languages import ENGLISH, Language, LanguageSettingError, parse_languages
from sidebyside.render.colours import ColourProblem, TrustColours, colours_from
from sidebyside.render.furniture import Furniture, furniture_from
from sidebyside.render.trainer_pages import parse_start

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

PLUGIN = "sidebyside"


class ProjectError(Exception):
    """A problem with the project's setup, explained in plain words."""


TODAY_VARIABLE = "SIDEBYSIDE_TODAY"


def parse_today(value: str | dt.date) -> dt.date:
    """The date to check consent and reviews against: today, or for tests the date in the
    environment variable SIDEBYSIDE_TODAY. Never from mkdocs.yml: a date there would quietly
    bring back stories whose consent has run out."""
    if value not in ("", None):
        raise ValueError(
            "mkdocs.yml sets `today` for the sidebyside plugin. Remove it: consent and review dates are always checked "
            f"against the real date. (Tests set the environment variable {TODAY_VARIABLE} instead.)"
        )
    given = os.environ.get(TODAY_VARIABLE, "")
    if not given:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(given)
    except ValueError:
        raise ValueError(f"{TODAY_VARIABLE} is {given!r}. Write it as year-month-day, for example 2026-11-25.") from None


def course_version(option: str = "", extra: Any = None) -> str:
    """The version shown: the plugin's `version` option, else `extra.version` when it is text. "" means a draft."""
    if str(option or "").strip():
        return str(option).strip()
    value = (extra or {}).get("version")
    return value.strip() if isinstance(value, str) else ""


@dataclass(frozen=True)
class Settings:
    """Everything a build needs to know about a project, typed, with no MkDocs in it."""

    config_file: Path
    root: Path  # the content folder (`content_dir`), resolved
    modules_dir: str
    glossary_dir: str
    stories_dir: str
    today: dt.date
    site_name: str
    site_url: str
    version: str  # "" for a draft
    released: bool  # built by `sidebyside release` (the version selector reads mike's list)
    checks: bool
    link_terms: bool
    edition: str
    nav_group_size: int
    strict_governance: bool
    jargon_warnings_fail: bool
    handouts: bool
    trainer_edition: bool
    session_start: dt.time
    session_break_every: int
    session_break_minutes: int
    offline_copy: bool
    easy_read_max_words: int
    easy_read_max_pages: int
    slides: bool
    slides_template: str  # a .pptx in the project with the trust's look ("" for none)
    reading_age: int  # the reading age participant pages aim for
    trainer_reading_age: int
    contacts: Any = None  # the local contacts sheet, as written in mkdocs.yml (see content/contacts.py)
    languages: tuple[Language, ...] = (ENGLISH,)  # the course's own language first, then its translations
    output: str = "web"  # which stories the pages may show: "offline" when building the offline copy (content/model.py)
    furniture: Furniture = field(default_factory=Furniture)  # who runs the course and how readers reach them
    colours: TrustColours = field(default_factory=TrustColours)  # the trust's colours, checked for contrast (render/colours.py)
    base_glossary: bool = True  # inherit the engine's base glossary (content/base_glossary.py)
    hide_base_terms: tuple[str, ...] = ()
    # The course's own Markdown settings (`markdown_extensions`), for every output, handouts included.
    markdown_extensions: tuple[str, ...] = ()
    markdown_configs: Any = None  # {extension: its settings}, as written in mkdocs.yml

    @property
    def check_context(self) -> CheckContext:
        """What the checks need besides the course: the date, the course's Easy Read rules and reading ages."""
        return CheckContext(
            self.today,
            easy_read=EasyReadLimits(max_words=self.easy_read_max_words, max_pages=self.easy_read_max_pages),
            reading=ReadingTargets(self.reading_age, self.trainer_reading_age),
        )

    @property
    def project_dir(self) -> Path:
        """The folder that holds mkdocs.yml (caches and site/ go here)."""
        return self.config_file.parent

    def for_release(self, version: str) -> Settings:
        return replace(self, version=version, released=True)


def settings_from(config: MkDocsConfig) -> Settings:
    """Settings from a loaded (so already validated) MkDocs configuration."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        name = Path(config.config_file_path or "mkdocs.yml").name
        raise ProjectError(f"{name} does not use the sidebyside plugin. Add `- sidebyside` under `plugins:`.")
    options = plugin.config
    config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
    try:
        today = parse_today(options.today)
        start = parse_start(options.session_start)
        languages = parse_languages(options.language, options.translations)
    except (ValueError, LanguageSettingError) as exc:
        raise ProjectError(str(exc)) from None
    furniture = furniture_from(options, config.site_name or "")
    problems = furniture.problems()  # every wrong setting of the course's own details, said together
    try:
        colours = colours_from(options.trust_colours, config_file)
    except ColourProblem as exc:
        problems.append(str(exc))
    if problems:
        raise ProjectError(f"{config_file.name} has a problem:\n" + "\n".join(f"- {p}" for p in problems))
    return Settings(
        config_file=config_file,
        root=(config_file.parent / options.content_dir).resolve(),
        modules_dir=options.modules_dir,
        glossary_dir=options.glossary_dir,
        stories_dir=options.stories_dir,
        today=today,
        site_name=config.site_name or "Side by Side",
        site_url=config.site_url or "",
        version=course_version(options.version, config.extra),
        released=False,
        checks=options.checks,
        link_terms=options.link_terms,
        edition=options.edition,
        nav_group_size=options.nav_group_size,
        strict_governance=options.strict_governance,
        jargon_warnings_fail=options.jargon_warnings_fail,
        handouts=options.handouts,
        trainer_edition=options.trainer_edition,
        session_start=start,
        session_break_every=options.session_break_every,
        session_break_minutes=options.session_break_minutes,
        offline_copy=options.offline_copy,
        easy_read_max_words=options.easy_read_max_words,
        easy_read_max_pages=options.easy_read_max_pages,
        slides=options.slides,
        slides_template=options.slides_template,
        reading_age=options.reading_age,
        trainer_reading_age=options.trainer_reading_age,
        contacts=options.contacts or None,
        languages=languages,
        colours=colours,
        base_glossary=options.base_glossary,
        hide_base_terms=tuple(str(name) for name in options.hide_base_terms),
        markdown_extensions=tuple(str(name) for name in config.markdown_extensions),
        markdown_configs={str(name): dict(value or {}) for name, value in dict(config.mdx_configs).items()},
        furniture=furniture,
    )


def load_mkdocs_config(config_file: Path, **overrides: object) -> MkDocsConfig:
    """Read mkdocs.yml with MkDocs' own loader (the one read of it a build makes),
    turning its errors into ProjectError."""
    from mkdocs import exceptions
    from mkdocs.config import base

    if not config_file.is_file():
        raise ProjectError(f"Could not find {config_file}. Run this in the folder that holds mkdocs.yml, or give the file with -f.")
    from sidebyside.checks.configuration import python_tag_line

    try:  # before MkDocs parses it: its YAML loader would run a Python tag
        line = python_tag_line(config_file.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        line = 0
    if line:
        raise ProjectError(
            f"{config_file.name} line {line} uses a Python tag (`!!python/...`), which would run code when the file is read. "
            "Remove it: Side by Side never reads a file with one."
        )
    _refuse_unreviewed(config_file)
    mkdocs_log = logging.getLogger("mkdocs")
    previous = mkdocs_log.level
    mkdocs_log.setLevel(logging.ERROR)
    try:
        return base.load_config(str(config_file), **overrides)  # type: ignore[arg-type]
    except exceptions.ConfigurationError as exc:
        raise ProjectError(f"{config_file.name} has a problem: {exc}") from None
    except Exception as exc:  # YAML errors and the like from MkDocs' loader
        raise ProjectError(f"{config_file.name} could not be read: {exc}") from None
    finally:
        mkdocs_log.setLevel(previous)  # keep `-v` working for the build that follows


def _refuse_unreviewed(config_file: Path) -> None:
    """In CI, settings that run code or reach outside the course stop everything before
    MkDocs reads them (reading `hooks:` runs them): a maintainer must review them first."""
    from sidebyside.checks.configuration import review_configuration
    from sidebyside.findings import Severity, format_for_people

    needs_review = [f for f in review_configuration(config_file) if f.severity is Severity.ERROR]
    if needs_review:
        raise ProjectError(
            format_for_people(needs_review) + "\n\nNothing was read or built. These settings can run code or reach files outside "
            "the course, so in CI they stop the build until a maintainer has reviewed the change (see SECURITY.md)."
        )
