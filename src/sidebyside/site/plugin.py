"""The `sidebyside` MkDocs plugin: one method per MkDocs event, each kept thin.

It loads the course, turns findings into build errors and warnings, adds the
module, glossary and story pages without copying files into docs/, and links
glossary terms in the built HTML. Everything it does is delegated to content/,
checks/ and render/, so another host can reuse them.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from sidebyside.checks import CheckContext, run_checks
from sidebyside.content import Course, load_course
from sidebyside.content.frontmatter import caching
from sidebyside.content.model import Term
from sidebyside.findings import Finding, Severity, format_for_people, format_one_line
from sidebyside.project import parse_today, take_loaded
from sidebyside.render import web_pages
from sidebyside.render.links import GLOSSARY_INDEX, MODULES_INDEX, STORIES_INDEX, module_src, relative, story_src
from sidebyside.render.terms import LinkedPage, link_terms, matcher_for, words_box
from sidebyside.site import address_links, macros, nav, template_cache
from sidebyside.site.config import SideBySideConfig

log = logging.getLogger("mkdocs.plugins.sidebyside")

ASSETS = Path(__file__).parent / "assets"
ASSET_PREFIX = "assets/sidebyside/"
REQUIRED_EXTENSIONS = ("toc", "attr_list", "md_in_html", "admonition", "tables")
HTML_LANG = re.compile(r'<html lang="en"', re.I)


class SideBySidePlugin(BasePlugin[SideBySideConfig]):
    """Adds a co-produced course (modules, glossary, stories) to an MkDocs site."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.course: Course | None = None
        self.findings: list[Finding] = []
        self.terms: dict[str, Term] = {}
        self.matcher = None
        self.root = Path(".")
        self.current_src = ""
        self.linkable: set[str] = set()
        self.addresses: dict[str, str] = {}
        self.skipped_macros = ""

    # --- configuration -------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        try:
            return parse_today(self.config.today)
        except ValueError as exc:
            raise PluginError(str(exc)) from None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = (Path(config.config_file_path).parent / self.config.content_dir).resolve()
        loaded = None
        if self.config.checks:  # what `sidebyside build` has just loaded and checked, if it has
            loaded = take_loaded(self.root, self.config.modules_dir, self.config.glossary_dir, self.config.stories_dir, self.today)
        if loaded is not None:
            course, findings = loaded
        else:
            course, findings = load_course(self.root, self.config.modules_dir, self.config.glossary_dir, self.config.stories_dir)
            if self.config.checks:
                findings += run_checks(course, CheckContext(self.today))
        self.course, self.findings = course, findings
        self._report(findings)
        self.terms = {t.slug: t for t in course.terms}
        self.matcher = matcher_for(course.terms)
        for name in REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        config.nav = nav.expand(config.nav, course, self.today, self._docs_pages(config), self.config.nav_group_size)
        config.extra_css.append(ASSET_PREFIX + "sidebyside.css")
        config.extra_javascript.append(ASSET_PREFIX + "sidebyside.js")
        macros.install(config, self)
        return config

    def _docs_pages(self, config: MkDocsConfig) -> list[str]:
        docs = Path(config.docs_dir)
        return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md")) if docs.is_dir() else []

    def _report(self, findings: list[Finding]) -> None:
        errors = [f for f in findings if f.severity is Severity.ERROR]
        for finding in findings:
            if finding.severity is Severity.WARNING:
                log.warning(format_one_line(finding))
            elif finding.severity is Severity.SUGGESTION:
                log.info(format_one_line(finding))
        if errors:
            raise PluginError("The course has problems to fix before it can be built:\n\n" + format_for_people(errors))

    # --- files ---------------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.course is not None
        course, today, edition = self.course, self.today, self.config.edition
        generated: dict[str, str] = {
            MODULES_INDEX: web_pages.modules_index(course.modules),
            GLOSSARY_INDEX: web_pages.glossary_page(course.terms),
            STORIES_INDEX: web_pages.stories_index(course.stories_for("web", today)),
        }
        for module in course.modules:
            generated[module_src(module.slug)] = web_pages.module_page(module, edition)
            for asset in module.assets:
                rel = asset.relative_to(module.path.parent).as_posix()
                self._add(files, File.generated(config, f"modules/{module.slug}/{rel}", abs_src_path=str(asset)))
        for story in course.stories_for("web", today):
            generated[story_src(story.slug)] = web_pages.story_page(story, course, edition)
        for src, markdown in generated.items():
            self._add(files, File.generated(config, src, content=markdown))
        self.linkable = {module_src(m.slug) for m in course.modules} | {story_src(s.slug) for s in course.stories}
        self.addresses = address_links.page_addresses(files)
        for asset in sorted(ASSETS.iterdir()):
            self._add(files, File.generated(config, ASSET_PREFIX + asset.name, abs_src_path=str(asset)))
        return files

    @staticmethod
    def _add(files: Files, file: File) -> None:
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None and not existing.generated_by:
            raise PluginError(
                f"docs/{file.src_uri} has the same address as a page Side by Side makes. Rename or remove docs/{file.src_uri}."
            )
        files.append(file)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if caching():
            template_cache.install(env, Path(config.config_file_path).parent)
        return env

    # --- pages ---------------------------------------------------------------------------

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        self.current_src = page.file.src_uri
        return page

    @event_priority(50)  # before macros
    def _skip_macros_if_none(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # A page with no macro in it comes out of mkdocs-macros unchanged: skip the work.
        if caching() and "render_macros" not in page.meta and not macros.has_macros(config, markdown):
            page.meta["render_macros"] = False
            self.skipped_macros = page.file.src_uri
        return markdown

    @event_priority(-50)  # after macros have run
    def _rewrite_address_links(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.skipped_macros == page.file.src_uri:
            page.meta.pop("render_macros", None)
            self.skipped_macros = ""
        return address_links.rewrite(markdown, page.file.src_uri, page.url, self.addresses)

    on_page_markdown = CombinedEvent(_skip_macros_if_none, _rewrite_address_links)

    @event_priority(-50)  # after other plugins have finished the HTML
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        src = page.file.src_uri
        if src not in self.linkable or not self.config.link_terms or not self.matcher:
            return html.replace(web_pages.WORDS_SLOT, "")
        glossary_href = get_relative_url("glossary/", page.url)
        linked: LinkedPage = link_terms(html, self.matcher, self.terms, glossary_href)
        box = words_box(linked.used, self.terms, glossary_href) if src.startswith("modules/") else ""
        return linked.html.replace(web_pages.WORDS_SLOT, box)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # Material says lang="en"; the course is written in British English.
        return HTML_LANG.sub('<html lang="en-GB"', output, count=1)

    # --- preview -------------------------------------------------------------------------

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        for folder in (self.config.modules_dir, self.config.glossary_dir, self.config.stories_dir):
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server

    # --- helpers for macros --------------------------------------------------------------

    def link_from_current(self, target_src: str) -> str:
        return relative(self.current_src or "index.md", target_src)
