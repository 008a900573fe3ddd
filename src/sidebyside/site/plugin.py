"""The `sidebyside` MkDocs plugin: one method per MkDocs event, each kept thin.

It loads the course, turns findings into build errors and warnings, adds the
module, glossary and story pages without copying files into docs/, and links
glossary terms in the built HTML. Everything it does is delegated to content/,
checks/ and render/, so another host can reuse them.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from sidebyside.app.session import BuildSession, Caches
from sidebyside.app.settings import ProjectError
from sidebyside.checks import CheckSetupError
from sidebyside.checks.background import PendingChecks
from sidebyside.checks.policy import BuildPolicy
from sidebyside.content import Course
from sidebyside.content.contacts import read_contacts
from sidebyside.content.frontmatter import caching
from sidebyside.content.languages import Language, split_suffix
from sidebyside.content.translations import LanguageEdition, Translation
from sidebyside.findings import Finding, Severity, errors_in, format_for_people, format_one_line
from sidebyside.i18n import messages_for
from sidebyside.render import (
    chart_fences,
    contacts_page,
    easy_read,
    handout_pages,
    left_out,
    slide_links,
    trainer_pages,
    web_pages,
)
from sidebyside.render.feedback import feedback_box, page_links
from sidebyside.render.furniture import WORD_PLACEHOLDER, Furniture
from sidebyside.render.language_pages import (
    FALLBACK,
    MADE,
    TRANSLATED,
    LanguagePage,
    entry_notice,
    kept_from_original,
    language_marks,
    notices,
    switcher,
)
from sidebyside.render.links import (
    EASY_READ_PAGE,
    GLOSSARY_INDEX,
    MODULES_INDEX,
    SESSION_PLAN,
    STORIES_INDEX,
    TRAINER_NOTES,
    TRAINERS_INDEX,
    deck_src,
    easy_read_src,
    module_src,
    relative,
    story_src,
    trainer_module_src,
)
from sidebyside.render.terms import link_terms, matcher_for, words_box
from sidebyside.site import accessible_html, address_links, furniture, macros, nav, sources, template_cache, theme_words
from sidebyside.site.config import SideBySideConfig
from sidebyside.site.converted import KeptConversion
from sidebyside.site.languages import (
    address,
    language_src,
    localise_links,
    mark_original_titles,
    mark_out_of_date_entries,
    mark_untranslated_entries,
    nav_titles,
    relative_url,
    relink_shared,
    with_language,
)
from sidebyside.site.sources import source_of

log = logging.getLogger("mkdocs.plugins.sidebyside")

ASSETS = Path(__file__).parent / "assets"
ASSET_PREFIX = "assets/sidebyside/"
REQUIRED_EXTENSIONS = ("toc", "attr_list", "md_in_html", "admonition", "tables", "footnotes")
HTML_LANG = re.compile(r'<html lang="en"', re.I)
FEEDBACK_PAGE = "contributing.md"
_UNSET = object()
PAGE_LINKS_SLOT = '<span class="sbs-page-links"></span>'
COLOURS_CSS = "trust-colours.css"  # the trust's colours (render/colours.py), after the engine's stylesheet


def _docs_edit_base(config: MkDocsConfig) -> str:
    """The address that edits files in docs/, from `repo_url` and `edit_uri` in mkdocs.yml."""
    edit_uri = config.edit_uri or ""
    if not edit_uri:
        return ""
    if "://" in edit_uri:
        return edit_uri if edit_uri.endswith("/") else edit_uri + "/"
    if not config.repo_url:
        return ""
    return urljoin(config.repo_url.rstrip("/") + "/", edit_uri if edit_uri.endswith("/") else edit_uri + "/")


class SideBySidePlugin(BasePlugin[SideBySideConfig]):
    """Adds a co-produced course (modules, glossary, stories) to an MkDocs site.

    A command hands it the build session (`session`): the settings, the course read
    and checked once, and where the handouts come from. Run by MkDocs alone
    (`mkdocs build`, or a preview's rebuild) it opens a session of its own.
    """

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.course: Course | None = None
        self.findings: list[Finding] = []
        self.root = Path(".")
        self.current_src = ""
        self.linkable: set[str] = set()
        self.addresses: dict[str, str] = {}
        self.left_out_srcs: set[str] = set()
        self.left_out_urls: set[str] = set()
        self.docs_dir = Path("docs")
        self.handouts: list[Any] = []
        self.decks: list[Any] = []
        self.sources_of: dict[str, str] = {}
        self.source_paths: dict[str, Path] = {}  # the file each module and story page is made from
        self.allowed_details: dict[str, tuple[str, ...]] = {}
        self.previewing = False
        self.version = ""
        self.trainer_srcs: set[str] = set()
        self.macro_language: Any = None
        self.render_macros_was: dict[str, Any] = {}  # each page's own render_macros, while mkdocs-macros is told to skip it
        self.pending_checks: PendingChecks | None = None
        self.kept: KeptConversion | None = None  # pages converted by earlier builds (see site/converted.py)
        self.files = Files([])
        self.page_parts: dict[str, web_pages.PageMarkdown] = {}
        self.session: BuildSession | None = None
        self.caches = Caches()  # kept between a preview's rebuilds (MkDocs keeps this plugin object)
        self.matcher: Any = None
        self.terms: dict[str, Any] = {}
        self.pages_task: Any = None
        self.language_pages: dict[str, LanguagePage] = {}  # each page in another language, by its source path
        self.menu_titles: set[str] = set()  # the theme's menu titles, in the course's own language
        self.twin_urls: set[str] = set()  # the addresses of the pages every language has a copy of
        self.shared_files: set[str] = set()  # files every language's pages share: pictures, handouts
        self.language_terms: dict[str, tuple[Any, dict[str, Any]]] = {}  # glossary matching, per language
        self.furniture = Furniture()
        self.site_url = ""
        self.contributing = ""  # the source path of "How to contribute", when the site has one
        self.colours_css = ""

    # --- configuration -------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        assert self.session is not None
        return self.session.settings.today

    @property
    def output(self) -> str:
        """ "web", or "offline" while the offline copy is built: the stories its consent covers."""
        assert self.session is not None
        return self.session.settings.output

    def _session_for(self, config: MkDocsConfig) -> BuildSession:
        """The session a command handed over for this very configuration, else a new one."""
        if self.session is not None and self.session.mkdocs_config is config:
            return self.session
        try:
            return BuildSession.for_config(config, caches=self.caches, previewing=self.previewing)
        except ProjectError as exc:
            raise PluginError(str(exc)) from None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        session = self.session = self._session_for(config)
        self.root = session.settings.root
        self.docs_dir = Path(config.docs_dir)
        try:
            course, findings = session.course()
            checks = session.checks()
            if checks.done or errors_in(findings):  # nothing will be built: report every problem together
                findings += checks.result()
                self.pending_checks = None
            else:  # still running on another core: collected before handouts are made, or in on_post_build
                self.pending_checks = checks
        except CheckSetupError as exc:
            raise PluginError(str(exc)) from None
        self.course, self.findings = course, findings
        self.furniture = furniture.apply(session.settings.furniture, self.config, config)
        self.site_url = config.site_url or ""
        self._report(findings)
        matcher = matcher_for(course.terms)
        self.matcher = matcher if self.config.link_terms and matcher else None
        self.terms = {t.slug: t for t in course.terms}
        for name in REQUIRED_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        chart_fences.install(config.markdown_extensions, config.mdx_configs)
        if caching():  # pages converted by an earlier build are used again (see site/converted.py)
            self.kept = KeptConversion(session.converted_pages())
            config.markdown_extensions.append(self.kept)  # type: ignore[arg-type]
        config.nav = nav.expand(
            config.nav,
            course,
            self.today,
            self._docs_pages(config),
            self.config.nav_group_size,
            trainers=self.config.trainer_edition,
            output=self.output,
        )
        if self.config.handouts:
            config.nav = nav.add_handouts(config.nav)
        config.nav = nav.add_contacts(config.nav)
        self.version = session.settings.version
        self._show_version(config)
        self.colours_css = session.settings.colours.web_css()
        # The engine's look first, then the trust's colours, then the course's own stylesheets: the course wins.
        config.extra_css[0:0] = [ASSET_PREFIX + "sidebyside.css"] + ([ASSET_PREFIX + COLOURS_CSS] if self.colours_css else [])
        config.extra_javascript.append(ASSET_PREFIX + "sidebyside.js")
        macros.install(config)
        self.macro_language = macros.language_for(config)
        theme_words.install(config.theme)
        return config

    def _show_version(self, config: MkDocsConfig) -> None:
        """Put the course version in every page's footer (not in the search index)."""
        shown = f"Course version {self.version}" if self.version else "Draft: not a released version"
        note = f'{self.furniture.footer_html()} {PAGE_LINKS_SLOT}<span class="sbs-version">{shown}</span>'
        config.copyright = f"{config.copyright} {note}" if config.copyright else note
        if self.session is not None and self.session.settings.released and "version" not in config.extra:
            # A release: let Material's version selector read mike's versions.json.
            config.extra["version"] = {"provider": "mike"}

    @property
    def session_start(self) -> dt.time:
        assert self.session is not None
        return self.session.settings.session_start

    def _docs_pages(self, config: MkDocsConfig) -> list[str]:
        docs = Path(config.docs_dir)
        if not docs.is_dir():
            return []
        return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if not split_suffix(p.name)[1])

    def _report(self, findings: list[Finding]) -> None:
        errors = [f for f in findings if f.severity is Severity.ERROR]
        policy = BuildPolicy(self.config.strict_governance, self.config.jargon_warnings_fail)
        for finding in findings:
            if finding.severity is Severity.WARNING and policy.is_advice(finding):
                log.info(("Jargon advice: " if finding.rule.startswith("jargon-") else "") + format_one_line(finding))
            elif finding.severity is Severity.WARNING:
                log.warning(format_one_line(finding))
            elif finding.severity is Severity.SUGGESTION:
                log.info(format_one_line(finding))
        if errors:
            raise PluginError("The course has problems to fix before it can be built:\n\n" + format_for_people(errors, counted=findings))

    # --- files ---------------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.course is not None
        course, today = self.course, self.today
        self.contributing = FEEDBACK_PAGE if files.get_file_from_path(FEEDBACK_PAGE) is not None else ""
        generated: dict[str, str | web_pages.PageMarkdown] = {
            contacts_page.CONTACTS_PAGE: self._contacts(),
        }
        self.handouts = self._make_handouts(config)
        self.decks = self._make_decks(config)
        if self.config.handouts:
            # The Handouts page lists the course's own handouts; each language's copy lists its own (see _add_languages).
            generated[handout_pages.HANDOUTS_INDEX] = self._handouts_page()
            for handout in self.handouts:
                self._add(files, File.generated(config, handout_pages.handout_src(handout.name), abs_src_path=str(handout.path)))
        for deck in self.decks:
            self._add(files, File.generated(config, deck_src(deck.name), abs_src_path=str(deck.path)))
        pictures: set[str] = set()
        generated |= self._course_pages(course)
        for module in course.modules:
            if module.easy_read is not None:
                pictures |= {str(p.path) for p in module.easy_read.pictures if p.built_in}
            for asset in module.assets:
                rel = asset.relative_to(module.path.parent).as_posix()
                self._add(files, File.generated(config, f"modules/{module.slug}/{rel}", abs_src_path=str(asset)))
        trainer = self._trainer_pages(config) if self.config.trainer_edition else {}
        self.trainer_srcs = set(trainer)
        generated.update(trainer)
        self.page_parts = {src: page for src, page in generated.items() if isinstance(page, web_pages.PageMarkdown)}
        for src, page in generated.items():
            markdown = page.markdown if isinstance(page, web_pages.PageMarkdown) else page
            # Easy Read pages are reached from their module page, not the menu.
            inclusion = InclusionLevel.NOT_IN_NAV if src.endswith(EASY_READ_PAGE) else InclusionLevel.UNDEFINED
            self._add(files, File.generated(config, src, content=markdown, inclusion=inclusion))
        self.source_paths = sources.paths_by_src(course)
        # For the publish gate: the file a contributor fixes for each page, and the personal details it may show.
        self.sources_of = {module_src(m.slug): m.rel for m in course.modules} | {story_src(s.slug): s.rel for s in course.stories}
        self.sources_of |= {easy_read_src(m.slug): m.easy_read.rel for m in course.modules if m.easy_read is not None}
        self.allowed_details = {module_src(m.slug): tuple(m.allow_details) for m in course.modules}
        self.allowed_details |= {easy_read_src(m.slug): tuple(m.allow_details) for m in course.modules}
        self.allowed_details |= {story_src(s.slug): tuple(s.allow_details) for s in course.stories}
        # The contacts sheet shows the ways to reach people that mkdocs.yml gives: configuration a maintainer reviews.
        self.allowed_details[contacts_page.CONTACTS_PAGE] = ("phone", "email", "postcode")
        self.linkable = {module_src(m.slug) for m in course.modules} | {story_src(s.slug) for s in course.stories}
        left = [s for s in course.stories if not s.allowed(self.output, today)]
        self.left_out_srcs = {story_src(s.slug) for s in left}
        self.left_out_urls = {s.url for s in left}
        self.linkable |= {trainer_module_src(m.slug) for m in course.modules if self.config.trainer_edition}
        self._publish_files_safely(files, config)
        self._add_languages(files, config, generated)
        self.addresses = address_links.page_addresses(files)
        for picture in sorted(pictures):  # the built-in pictures the Easy Read pages show
            self._add(files, File.generated(config, easy_read.PICTURES + Path(picture).name, abs_src_path=picture))
        for asset in sorted(ASSETS.iterdir()):
            self._add(files, File.generated(config, ASSET_PREFIX + asset.name, abs_src_path=str(asset)))
        if self.colours_css:
            self._add(files, File.generated(config, ASSET_PREFIX + COLOURS_CSS, content=self.colours_css))
        self.shared_files = {f.src_uri for f in files if not f.is_documentation_page()}
        return files

    def _handouts_page(self, language: Language | None = None) -> str:
        """The Handouts page in `language` (the course's own by default): its handouts, and the original's where
        it has none of a kind, marked as in the original's language."""
        own = self.session.settings.languages[0] if self.session is not None else None
        original, code = (own.code if own else "en"), (language.code if language else own.code if own else "en")
        listed = [*handout_pages.in_language(self.handouts, code, original), *self.decks]
        marks = language_marks(own) if own is not None and code != original else ""
        return handout_pages.handouts_page(listed, previewing=self.previewing, language=code, original=original, marks=marks)

    def _contacts(self, language: str = "en") -> str:
        """The local contacts page, with the engine's words in `language`."""
        handout = handout_pages.handout_src(contacts_page.CONTACTS_HANDOUT) if self.config.handouts else ""
        return contacts_page.contacts_page(read_contacts(self.config.contacts), handout, language)

    def _course_pages(self, course: Course, translated: LanguageEdition | None = None) -> dict[str, str | web_pages.PageMarkdown]:
        """The pages made from the course (lists, modules, Easy Read, stories, glossary), in the language `course` is read in
        (`translated`'s, or the course's own)."""
        today, edition = self.today, self.config.edition
        assert self.session is not None
        own = self.session.settings.languages[0].code
        language = translated.language.code if translated is not None else own
        pages: dict[str, str | web_pages.PageMarkdown] = {
            MODULES_INDEX: web_pages.modules_index(course.modules, language=language),
            GLOSSARY_INDEX: web_pages.glossary_page(course.terms, language=language),
        }
        if course.stories_for(self.output, today):  # no empty Stories page in a course without stories
            pages[STORIES_INDEX] = web_pages.stories_index(course.stories_for(self.output, today), language=language)
        for module in course.modules:
            # A page not yet translated is shown whole in the original language: its words and the engine's.
            words = language if translated is None or module.slug in translated.modules else own
            handouts = handout_pages.in_language([h for h in self.handouts if h.module == module.slug], words, own)
            src = module_src(module.slug)
            links = handout_pages.download_links(handouts, src, words) + easy_read.easy_read_links(module, handouts, src, words)
            kept = {}
            if translated is not None and module.slug in translated.modules and self.course is not None:
                original = next(m for m in self.course.modules if m.slug == module.slug)
                marks = language_marks(self.session.settings.languages[0])
                kept = {name: marks for name in kept_from_original(module, original)}
            pages[src] = web_pages.module_page(
                module, edition, handouts=links, release=self.version, contributing=self.contributing, language=words, kept=kept
            )
            if module.easy_read is not None:
                easy_words = language if translated is None or module.slug in translated.easy_reads else own
                pages[easy_read_src(module.slug)] = easy_read.easy_read_page(module, module.easy_read, easy_words)
        for story in course.stories_for(self.output, today):
            words = language if translated is None or story.slug in translated.stories else own
            pages[story_src(story.slug)] = web_pages.story_page(story, course, edition, words)
        return pages

    def _add_languages(self, files: Files, config: MkDocsConfig, generated: dict[str, str | web_pages.PageMarkdown]) -> None:
        """Every page again under `<code>/` for each other language: translated, or the original with a notice."""
        assert self.course is not None and self.session is not None
        self.language_pages = {}
        self.menu_titles = set()
        languages = self.session.settings.languages
        codes = {language.code for language in languages[1:]}
        for file in list(files.documentation_pages()):  # a docs page's translation is published in its language's copy
            if not file.generated_by and split_suffix(posixpath.basename(file.src_uri))[1] in codes:
                files.remove(file)
        if not codes:
            return
        originals = list(files.documentation_pages())
        self.twin_urls = {address(file.url) for file in originals}
        for language in languages[1:]:
            edition = self.course.translations[language.code]
            local = {s: p for s, p in generated.items() if s not in self.trainer_srcs} | self._course_pages(
                edition.course(self.course), edition
            )
            local[contacts_page.CONTACTS_PAGE] = self._contacts(language.code)
            if self.config.handouts:
                local[handout_pages.HANDOUTS_INDEX] = self._handouts_page(language)
            for file in originals:
                lsrc = language_src(language.code, file.src_uri)
                record = self._translation_of(file, edition)
                page: str | web_pages.PageMarkdown
                if file.src_uri in local:
                    page = local[file.src_uri]
                    kind = TRANSLATED if record is not None else FALLBACK if self.sources_of.get(file.src_uri) else MADE
                elif record is not None:
                    page = edition.docs[file.src_uri].markdown
                    kind = TRANSLATED
                else:
                    page = file.content_string
                    kind = FALLBACK
                markdown = page.markdown if isinstance(page, web_pages.PageMarkdown) else page
                self._add(files, File.generated(config, lsrc, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
                if isinstance(page, web_pages.PageMarkdown):
                    self.page_parts[lsrc] = page
                self.language_pages[lsrc] = LanguagePage(language, languages[0], file.src_uri, kind, record)
                source = self.sources_of.get(file.src_uri, "" if file.generated_by else f"{Path(config.docs_dir).name}/{file.src_uri}")
                self.sources_of[lsrc] = record.rel if record is not None else source
                self.allowed_details[lsrc] = self.allowed_details.get(file.src_uri, ())
                for group in (self.linkable, self.trainer_srcs):
                    if file.src_uri in group:
                        group.add(lsrc)
        self.left_out_srcs |= {language_src(code, src) for code in codes for src in self.left_out_srcs}

    def _translation_of(self, file: File, edition: LanguageEdition) -> Translation | None:
        """The translation of the page `file`, if there is one in `edition`'s language."""
        assert self.course is not None
        slug = file.src_uri.split("/")[1] if file.src_uri.count("/") >= 2 else ""
        module, story = self.course.module(slug), self.course.story(slug)
        if file.src_uri == module_src(slug) and module is not None and slug in edition.modules:
            return edition.record_for(module.rel)
        if module is not None and module.easy_read is not None and file.src_uri == easy_read_src(slug) and slug in edition.easy_reads:
            return edition.record_for(module.easy_read.rel)
        if story is not None and file.src_uri == story_src(slug) and slug in edition.stories:
            return edition.record_for(story.rel)
        if not file.generated_by and file.abs_src_path and file.src_uri in edition.docs:
            path = Path(file.abs_src_path).resolve()
            return edition.record_for(path.relative_to(self.root).as_posix()) if path.is_relative_to(self.root) else None
        return None

    def _publish_files_safely(self, files: Files, config: MkDocsConfig) -> None:
        """Every file from docs/ and the course folders: allowed kinds only, from inside the course, pictures without hidden details."""
        from sidebyside.publish import GateProblem
        from sidebyside.publish.files import check_file, without_hidden_details

        project = Path(config.config_file_path).resolve().parent
        designed = {f"docs/{name}" for name in [*config.extra_css, *map(str, config.extra_javascript)]}
        cache = project / ".sidebyside-cache" / "pictures"
        contributed = [Path(config.docs_dir).absolute(), *(self.root / d for d in (self.config.modules_dir, self.config.stories_dir))]
        for file in files:
            if file.abs_src_path is None:
                continue
            path = Path(file.abs_src_path)
            if not any(path.is_relative_to(folder) for folder in contributed):
                continue  # the theme's and the engine's own files
            try:
                rel = path.relative_to(project).as_posix() if not path.is_symlink() else f"{Path(config.docs_dir).name}/{file.src_uri}"
            except ValueError:
                rel = file.src_uri
            try:
                check_file(path, rel, project, designed)
                clean, changed = without_hidden_details(path, cache)
            except GateProblem as exc:
                raise PluginError(f"{rel}: {exc}" if rel not in str(exc) else str(exc)) from None
            if changed:
                file.abs_src_path = str(clean)
                log.info(f"Note: removed hidden details (such as the camera, the place or names) from {rel} before publishing it.")

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # A preview rebuilds on every save; making PDFs then would slow it down for no one.
        self.previewing = command == "serve"

    def _make_handouts(self, config: MkDocsConfig) -> list[Any]:
        """Render (or take from the cache) every handout, so pages can give page counts and sizes."""
        if not self.config.handouts or self.previewing:
            return []
        self._collect_checks()  # printing handouts takes a while: not for a course that cannot be built
        from sidebyside.print.pipeline import HandoutProblem

        assert self.session is not None
        try:
            return self.session.handouts().handouts
        except HandoutProblem as exc:
            raise PluginError(str(exc)) from None

    def _make_decks(self, config: MkDocsConfig) -> list[Any]:
        """Draw (or take from the cache) the trainers' slides, so trainer pages can link them."""
        if not self.config.slides or self.previewing or self.course is None:
            return []
        from sidebyside.app.settings import ProjectError
        from sidebyside.slides import SlidesProblem

        assert self.session is not None
        try:
            return self.session.decks().decks
        except (SlidesProblem, ProjectError) as exc:
            raise PluginError(str(exc)) from None

    def _trainer_pages(self, config: MkDocsConfig) -> dict[str, str]:
        """The trainer edition under trainers/: a page per module, the session plan, every note."""
        assert self.course is not None
        course, begins = self.course, self.session_start
        plan = trainer_pages.module_plan(course, self.config.session_break_every, self.config.session_break_minutes)
        pages = {
            trainer_module_src(m.slug): trainer_pages.trainer_module_page(
                m, plan, begins, slide_links.module_slides(m.slug, self.decks, trainer_module_src(m.slug))
            )
            for m in course.modules
        }
        pages[SESSION_PLAN] = trainer_pages.session_plan_page(course, plan, begins, slide_links.session_slides(self.decks, SESSION_PLAN))
        pages[TRAINER_NOTES] = trainer_pages.notes_page(course, course.stories_for(self.output, self.today))
        if nav.trainers_landing(self._docs_pages(config)) == TRAINERS_INDEX and not (Path(config.docs_dir) / TRAINERS_INDEX).is_file():
            pages[TRAINERS_INDEX] = trainer_pages.trainers_landing()
        return pages

    @staticmethod
    def _add(files: Files, file: File) -> None:
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None and not existing.generated_by:
            raise PluginError(
                f"docs/{file.src_uri} has the same address as a page Side by Side makes. Rename or remove docs/{file.src_uri}."
            )
        files.append(file)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.files = files  # the final set, for pages finished in on_page_context
        assert self.session is not None
        if caching():
            template_cache.install(env, self.session.settings.project_dir, self.session.caches.templates)
        self.pages_task = self.session.progress.task("Pages", len(files.documentation_pages()))
        return env

    # --- pages ---------------------------------------------------------------------------

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        self.current_src = page.file.src_uri
        if self.kept is not None:
            self.kept.begin(page, config, files)
        page.edit_url = sources.edit_url(self, page.file.src_uri, _docs_edit_base(config)) or page.edit_url
        return page

    def _feedback(self, page: Page, files: Files, language: str = "en") -> str:
        """The feedback box for the foot of every page, in its language: report a word, or tell the course team."""
        contributing = files.get_file_from_path(FEEDBACK_PAGE)
        href = get_relative_url(contributing.url, page.url) if contributing is not None else None
        where = furniture.page_address(page, self.site_url)
        return feedback_box(href, self.furniture.word_report(where), self.furniture.word_report(where, WORD_PLACEHOLDER), language)

    @event_priority(50)  # before mkdocs-macros, which is then told to leave the page alone
    def _run_macros(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        from sidebyside.content.markdown_limits import costly_markdown

        line, problem = costly_markdown(markdown)  # before Markdown (or a macro) reads it: see content/markdown_limits.py
        if problem:
            rel = self.sources_of.get(page.file.src_uri, f"{Path(config.docs_dir).name}/{page.file.src_uri}")
            raise PluginError(f"{rel}, line {line} of the page text: {problem}")
        if self.macro_language is None:
            return markdown
        if macros.wanted(config, page.meta):
            markdown = macros.render_page(self, self.macro_language, markdown)
            if isinstance(page.title, str) and self.macro_language.may_have_macros(page.title):
                page.title = macros.render_page(self, self.macro_language, page.title)
        self.render_macros_was[page.file.src_uri] = page.meta.get("render_macros", _UNSET)
        page.meta["render_macros"] = False  # mkdocs-macros' own switch: it renders nothing
        return markdown

    @event_priority(-50)  # after mkdocs-macros has left the page alone
    def _rewrite_address_links(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        was = self.render_macros_was.pop(page.file.src_uri, _UNSET)
        if was is _UNSET:
            page.meta.pop("render_macros", None)
        else:
            page.meta["render_macros"] = was
        if page.file.src_uri in self.trainer_srcs:
            page.meta["search"] = {"exclude": True}  # trainer pages never appear in search results
        in_language = self.language_pages.get(page.file.src_uri)
        if in_language is not None:
            original_folder = posixpath.dirname(in_language.src)
            markdown = relink_shared(markdown, original_folder, posixpath.dirname(page.file.src_uri), self.shared_files, markdown=True)
        address = address_links.directory_url(page.file.src_uri)
        markdown = address_links.rewrite(markdown, page.file.src_uri, address, self.addresses)
        # Links to stories left out of the website (consent) keep their text but lose the link.
        return left_out.unlink(markdown, page.file.src_uri, address, self.left_out_srcs, self.left_out_urls)

    on_page_markdown = CombinedEvent(_run_macros, _rewrite_address_links)

    @event_priority(1000)  # first of all: the page's table of contents and title as its conversion left them
    def _put_back(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.kept.finish(html, page, files) if self.kept is not None else html

    @event_priority(100)  # first, so that other plugins see the whole page
    def _fill_parts(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Put back the parts of generated pages that were kept as HTML (see web_pages.PageMarkdown).
        parts = self.page_parts.get(page.file.src_uri)
        html = parts.fill(html) if parts is not None else html
        in_language = self.language_pages.get(page.file.src_uri)
        original = files.get_file_from_path(in_language.src) if in_language is not None else None
        if original is None:
            return html
        folder = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
        original_folder = original.url if original.url.endswith("/") else posixpath.dirname(original.url)
        return relink_shared(html, original_folder.rstrip("/"), folder.rstrip("/"), self.shared_files, markdown=False)

    @event_priority(-100)  # last: the publish gate reads the page content as it will be published
    def _gate(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        from sidebyside.publish import GateProblem, gate
        from sidebyside.publish.fields import meta_strings

        src = page.file.src_uri
        source = self.sources_of.get(src, f"{Path(config.docs_dir).name}/{src}" if not page.file.generated_by else "")
        allowed = self.allowed_details.get(src, ())
        # The theme shows the title and front matter (a description, say) as they are.
        fields = [("title", page.title or ""), *meta_strings(page.meta)]
        passed = self.session.passed_pages() if self.session is not None and caching() else None
        key = passed.key(html + "".join(f"\0{name}\0{text}" for name, text in fields), allowed) if passed is not None else ""
        if passed is not None and passed.passed(key):
            return html  # the gate passed exactly this page, title and front matter before
        try:
            gate(html, f"The page {src}", source, allowed)
            for field, text in fields:
                gate(text, f"The {field} of the page {src}", source, allowed)
        except GateProblem as exc:
            raise PluginError(str(exc)) from None
        if passed is not None:
            passed.add(key)
        return html

    on_page_content = CombinedEvent(_put_back, _fill_parts, _gate)

    @event_priority(-50)  # after the search plugin has indexed the page (see below)
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Any) -> TemplateContext:
        # Term links, the words box and the feedback box are added after the search index
        # has read the page: links do not change its text, and the two boxes repeat on
        # every page, so searching for a word would find them everywhere. It also spares
        # the index reading them, which made builds slower.
        page.content = self._finish_content(page.content or "", page, self.files)
        in_language = self.language_pages.get(page.file.src_uri)
        translated = in_language is not None and in_language.shown_in.code != in_language.original.code
        if translated and not self.menu_titles:  # the same menu for every page of a build: its titles are read once
            self.menu_titles = nav_titles(nav) | {html.escape(config.site_name, quote=False)}
        if in_language is not None:  # Material's own words ("Search", "Back to top") in the page's language
            context[theme_words.CONTEXT_KEY] = theme_words.theme_language(config.theme, in_language.shown_in.code)  # type: ignore[literal-required]
        return context

    def _finish_content(self, html: str, page: Page, files: Files) -> str:
        """The page with its languages, its glossary terms linked (module and story pages), its words box and the feedback box."""
        top = self._languages_top(page, files)
        in_language = self.language_pages.get(page.file.src_uri)
        own = self.session.settings.languages[0].code if self.session is not None else "en"
        code = in_language.shown_in.code if in_language is not None else own
        if in_language is not None and in_language.src == GLOSSARY_INDEX and self.course is not None:
            untranslated = {t.slug for t in self.course.terms} - set(self.course.translations[in_language.language.code].terms)
            see_also = messages_for(in_language.language.code).gettext("See also: {links}").split("{links}")[0]
            html = mark_untranslated_entries(html, untranslated, in_language.original, in_language.language, see_also)
            html = mark_out_of_date_entries(html, self._entry_notices(in_language, page, files))
        if self.matcher is None or page.file.src_uri not in self.linkable:
            return top + html.replace(web_pages.WORDS_SLOT, "") + self._feedback(page, files, code)
        prefix = language_src(in_language.language.code, "") if in_language is not None else ""
        matcher, terms = self._terms_in(in_language.language.code) if in_language is not None else (self.matcher, self.terms)
        glossary = files.get_file_from_path(prefix + GLOSSARY_INDEX)
        glossary_href = get_relative_url(glossary.url if glossary else "glossary/", page.url)
        linked = link_terms(html, matcher, terms, glossary_href, code)
        box = words_box(linked.used, terms, glossary_href, language=code) if page.file.src_uri.startswith(prefix + "modules/") else ""
        return top + linked.html.replace(web_pages.WORDS_SLOT, box) + self._feedback(page, files, code)

    def _entry_notices(self, in_language: LanguagePage, page: Page, files: Files) -> dict[str, str]:
        """For the glossary in another language: a notice for each entry whose translation is behind the original's."""
        assert self.course is not None
        edition = self.course.translations[in_language.language.code]
        glossary = files.get_file_from_path(GLOSSARY_INDEX)
        href = get_relative_url(glossary.url, page.url) if glossary is not None else ""
        notes = {}
        for term in self.course.terms:
            record = edition.record_for(term.rel) if term.slug in edition.terms else None
            if record is not None and record.out_of_date:
                notes[term.slug] = entry_notice(in_language, record, f"{href}#{term.slug}")
        return notes

    def _terms_in(self, code: str) -> tuple[Any, dict[str, Any]]:
        """The glossary as read in one language: its words to find, and its entries by slug."""
        if code not in self.language_terms:
            assert self.course is not None
            terms = self.course.translations[code].course(self.course).terms
            self.language_terms[code] = (matcher_for(terms), {t.slug: t for t in terms})
        return self.language_terms[code]

    def _languages_top(self, page: Page, files: Files) -> str:
        """The language switcher, and a translated page's notices: not translated yet, may be out of date, a draft."""
        if not self.twin_urls or self.session is None:
            return ""
        languages = self.session.settings.languages
        in_language = self.language_pages.get(page.file.src_uri)
        src = in_language.src if in_language is not None else page.file.src_uri
        original = files.get_file_from_path(src)
        if original is None or address(original.url) not in self.twin_urls:
            return ""
        hrefs = {languages[0].code: relative_url(original.url, page.url)}
        for language in languages[1:]:
            twin = files.get_file_from_path(language_src(language.code, src))
            hrefs[language.code] = relative_url(twin.url if twin else original.url, page.url)
        current = in_language.language if in_language is not None else languages[0]
        shown = notices(in_language, hrefs[languages[0].code]) if in_language is not None else ""
        return switcher(current, languages, hrefs) + shown

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if self.pages_task is not None:
            self.pages_task.advance()
        # Material says lang="en"; the course is written in British English (or its own language).
        in_language = self.language_pages.get(page.file.src_uri)
        if in_language is not None:  # the theme's menu and footer lead to pages in the reader's language
            output = localise_links(with_language(output, in_language.shown_in), page.url, in_language.language.code, self.twin_urls)
        elif self.twin_urls and self.session is not None:
            output = with_language(output, self.session.settings.languages[0])
        else:
            output = HTML_LANG.sub('<html lang="en-GB"', output, count=1)
        own = self.session.settings.languages[0].code if self.session is not None else "en"
        shown = in_language.shown_in.code if in_language is not None else own
        output = output.replace(PAGE_LINKS_SLOT, page_links(self.furniture.suggest_change(page.edit_url), shown), 1)
        # Fix what Material's HTML fails in WCAG 2.2 AA (skip link, search dialog, menu buttons...).
        output = accessible_html.apply(output, messages_for(shown).gettext)
        if in_language is not None and in_language.shown_in.code != in_language.original.code:
            output = mark_original_titles(output, self.menu_titles, in_language.original)
        src = page.file.src_uri
        self._gate_page(output, f"The page {src}", self.sources_of.get(src, "" if page.file.generated_by else f"docs/{src}"))
        return output

    def _gate_page(self, output: str, where: str, source: str) -> None:
        """Publish gate: the finished page, theme and all (see sidebyside.publish.page).
        A page the gate passed before, byte for byte, passes again (see app/passed_pages.py)."""
        from sidebyside.publish import GateProblem, gate_page

        passed = self.session.passed_pages() if self.session is not None and caching() else None
        key = passed.key("\0page\0" + output) if passed is not None else ""
        if passed is not None and passed.passed(key):
            return
        try:
            gate_page(output, where, source)
        except GateProblem as exc:
            raise PluginError(str(exc)) from None
        if passed is not None:
            passed.add(key)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        # The "page not found" page is a template, not a page: give it the same fixes.
        if not template_name.endswith(".html"):
            return output_content
        output_content = output_content.replace(PAGE_LINKS_SLOT, "", 1)
        output = accessible_html.apply(HTML_LANG.sub('<html lang="en-GB"', output_content, count=1))
        self._gate_page(output, f"The page {template_name}", "")
        return output

    @event_priority(100)  # before other plugins finish: the checks decide whether the build stands
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.pages_task is not None:
            self.pages_task.finish()
            self.pages_task = None
        self._collect_checks()
        if self.session is not None and caching():
            self.session.passed_pages().save()
            self.session.converted_pages().save()

    def _collect_checks(self) -> None:
        """Wait for the checks running on another core, and report what they found."""
        if self.pending_checks is None:
            return
        checks, self.pending_checks = self.pending_checks, None
        found = checks.result()  # a check that cannot run raises CheckSetupError: the command line explains it
        self.findings += found
        self._report(found)

    @event_priority(-100)  # after other plugins have tidied up
    def on_build_error(self, *, error: Exception) -> None:
        # The build stopped before the checks were read. A mistake the checks explain
        # (a macro reading the configuration, say) often stops the build too, with a
        # vaguer message: give the checks' explanation instead of that one.
        if self.pending_checks is None or not errors_in(self.pending_checks.result()):
            return
        try:
            self._collect_checks()
        except PluginError as problems:
            log.error(str(problems))
            raise Abort("The course has problems to fix.") from None

    # --- preview -------------------------------------------------------------------------

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        for folder in (self.config.modules_dir, self.config.glossary_dir, self.config.stories_dir):
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server

    # --- helpers for macros --------------------------------------------------------------

    def link_from_current(self, target_src: str) -> str:
        in_language = self.language_pages.get(self.current_src)
        if in_language is not None:  # a page in another language links to pages in that language
            target_src = language_src(in_language.language.code, target_src)
        return relative(self.current_src or "index.md", target_src)

    def source_line(self, markdown: str, line: int | None) -> tuple[str, int]:
        """The file a contributor edits for the current page, and the line there that matches `line` of `markdown`."""
        return source_of(self, markdown, line)
