"""Plan every handout: the full HTML of each document, made from the content model.

This part is cheap (Markdown and Jinja only). Making the PDF is the expensive part,
done in `pipeline`, and cached by the hash of this HTML and everything else that
goes into the file.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from sidebyside.content.contacts import LocalContacts, read_contacts
from sidebyside.content.easy_read import EasyRead
from sidebyside.content.model import Course, Module, Story, Term
from sidebyside.content.session import plan_session
from sidebyside.i18n import N_, install, messages_for
from sidebyside.print.languages import PrintLanguage, language_css, print_language
from sidebyside.print.macros import apply_macros
from sidebyside.print.markdown_html import MarkdownSetup, absolute_links, join_address, to_html
from sidebyside.print.qr import qr_svg
from sidebyside.publish import gate
from sidebyside.render import contacts_page, trainer_pages, web_pages
from sidebyside.render.dates import long_date
from sidebyside.render.easy_read import about_html, sentence_html, status_notes
from sidebyside.render.furniture import Furniture
from sidebyside.render.links import SESSION_DECK, deck_src, module_deck
from sidebyside.render.terms import matcher_for, terms_used
from sidebyside.render.trainer_notes import strip_trainer_notes
from sidebyside.render.translation_notices import (
    Notice,
    handout_notices,
    out_of_date,
    parts_draft,
    parts_not_translated,
    parts_out_of_date,
)

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STYLES = HERE

PARTICIPANT, LARGE_PRINT, TRAINER_PACK, JARGON_BUSTER, STORIES = "participant", "large-print", "trainer-pack", "jargon-buster", "stories"
CONTACTS = "contacts"
EASY_READ = "easy-read"
TRAINER_PACK_NAME, JARGON_BUSTER_NAME, STORIES_NAME = "trainer-pack.pdf", "jargon-buster.pdf", "stories.pdf"
CONTACTS_NAME = contacts_page.CONTACTS_HANDOUT

TRAINER_PACK_DESCRIPTION = N_("Every module with trainer notes, timings, a running order and a materials checklist")
JARGON_BUSTER_DESCRIPTION = N_("Every word in the glossary, A to Z, with its plain meaning")
STORIES_DESCRIPTION = N_("Stories about taking part, in one booklet")
CONTACTS_DESCRIPTION = N_("The people and teams to go to at your own trust, on one sheet")
TRAINER_PACK_TITLE, JARGON_BUSTER_TITLE, STORIES_TITLE = N_("Trainer pack"), N_("Jargon buster"), N_("Stories")

HEADING = re.compile(r"<(/?)h([1-6])\b", re.I)


@dataclass(frozen=True)
class HandoutSettings:
    """What the handouts need to know about a project, with no MkDocs in sight."""

    root: Path
    today: dt.date
    modules_dir: str = "modules"
    glossary_dir: str = "glossary"
    stories_dir: str = "stories"
    site_url: str = ""
    site_name: str = "Side by Side"
    version: str = "draft"
    cache_dir: Path | None = None
    jobs: int = 0  # 0: one per core
    session_start: dt.time = dt.time(10, 0)
    session_break_every: int = 0
    session_break_minutes: int = 10
    furniture: Furniture = field(default_factory=Furniture)  # who runs the course and how to reach them
    contacts: LocalContacts = field(default_factory=lambda: read_contacts(None))
    markdown: MarkdownSetup = field(default_factory=MarkdownSetup)  # the course's own Markdown settings
    colours_css: str = ""  # the trust's colours as CSS custom properties (see render/colours.py)
    slides: bool = False  # whether the build makes slide decks, which the trainer pack lists
    language: str = "en"  # the language the handouts are in: the engine's words, fonts, direction
    direction: str = ""  # "rtl" or "ltr" to override what the locale data says about `language`


@dataclass(frozen=True)
class LanguageParts:
    """For handouts in another language: which parts are still in the course's own language,
    and which translations are drafts or behind their originals.

    Parts are named `module:<slug>`, `easy-read:<slug>`, `term:<slug>` and `story:<slug>`; a
    translated module's summary or outcomes left in the original are `module:<slug>:summary`.
    The default, with no `original_lang`, is a handout in the course's own language.
    """

    language_name: str = ""  # the reader's language, named in it ("Cymraeg")
    original_name: str = ""  # the course's own language, named in the reader's ("Saesneg")
    original_lang: str = ""  # the lang attribute of the course's own language ("en-GB")
    original_direction: str = "ltr"
    prefix: str = ""  # where this language's pages are on the website ("cy/")
    untranslated: frozenset[str] = frozenset()
    out_of_date: frozenset[str] = frozenset()
    drafts: frozenset[str] = frozenset()
    kept: frozenset[str] = frozenset()

    @property
    def translated(self) -> bool:
        return bool(self.original_lang)


@dataclass
class Handout:
    """One PDF to make: its file name, what it is, and the HTML that becomes it."""

    name: str
    title: str
    kind: str
    description: str
    html: str
    base_url: str
    stylesheets: tuple[str, ...]
    assets: tuple[Path, ...] = ()
    module: str = ""
    address: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    css: str = ""  # a style sheet of its own, loaded last (fonts and direction of its language)


def in_language(name: str, language: str = "en") -> str:
    """A handout's file name in a language: `01-welcome.cy.pdf` beside `01-welcome.pdf`."""
    code = print_language(language).code
    if code == "en":
        return name
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{code}.{ext}" if dot else f"{name}.{code}"


def module_handout_name(slug: str, large: bool = False, language: str = "en") -> str:
    return in_language(f"{slug}-large-print.pdf" if large else f"{slug}.pdf", language)


def easy_read_handout_name(slug: str, language: str = "en") -> str:
    return in_language(f"{slug}-easy-read.pdf", language)


def _data_address(path: Path) -> str:
    """A built-in picture as a data: address: handouts read files only from the course folder."""
    return "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _environment(language: str = "en") -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    install(environment, language)
    environment.filters["long_date"] = partial(long_date, language=language)
    environment.filters["minutes"] = partial(web_pages.minutes, language=language)
    return environment


def shift_headings(fragment: str, by: int) -> str:
    """Move headings down a level or more (## becomes ### ...), so bookmarks nest properly."""
    return HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + by, 6)}", fragment)


class _Planner:
    def __init__(self, course: Course, settings: HandoutSettings, parts: LanguageParts | None = None) -> None:
        self.course = course
        self.settings = settings
        self.parts = parts or LanguageParts()
        self.language: PrintLanguage = print_language(settings.language, settings.direction)
        self.code = self.language.code
        self.gettext = messages_for(self.code).gettext
        self.environment = _environment(self.code)
        self.terms: dict[str, Term] = {t.slug: t for t in course.terms}
        self.matcher = matcher_for(course.terms)
        reviewed = [m.last_reviewed for m in course.modules]
        self.course_reviewed = max(reviewed) if reviewed else settings.today

    # --- shared pieces ---------------------------------------------------------------

    def original(self, *parts: str, always: bool = False) -> Markup:
        """The lang and dir of the course's own language, for a part of a translated handout shown in it
        (a part not translated yet, or `always`: words a translation never changes); else nothing."""
        shown = self.parts
        if not shown.translated or not (always or any(p in shown.untranslated or p in shown.kept for p in parts)):
            return Markup("")
        return Markup(' lang="{}" dir="{}"').format(shown.original_lang, shown.original_direction)

    def behind(self, part: str) -> str:
        """The note in a translated part whose original changed after it was translated, or ""."""
        if part not in self.parts.out_of_date:
            return ""
        return out_of_date(self.parts.original_name, self.code)

    def booklet_notices(self, kind: str, *, always: bool = False) -> tuple[Notice, ...]:
        """The notices under the title of a handout of many parts of `kind` ("term", say): parts
        still in the original (or `always`, when it shows the course's own settings), behind or drafts."""
        shown = self.parts
        if not shown.translated:
            return ()

        def mine(names: frozenset[str]) -> bool:
            return any(name.startswith(kind + ":") for name in names)

        notices = []
        if always or mine(shown.untranslated):
            notices.append(Notice(parts_not_translated(shown.language_name, shown.original_name, self.code)))
        if mine(shown.out_of_date):
            notices.append(Notice(parts_out_of_date(shown.original_name, self.code)))
        if mine(shown.drafts):
            notices.append(Notice(parts_draft(self.code)))
        return tuple(notices)

    def page_notices(self, part: str, original_url: str) -> tuple[Notice, ...]:
        """The notices of a translated page's handout, as its page shows them: out of date (with the
        original's address) or a draft."""
        shown = self.parts
        if not shown.translated:
            return ()
        return handout_notices(
            self.code,
            shown.original_name,
            is_draft=part in shown.drafts,
            is_out_of_date=part in shown.out_of_date,
            original_address=join_address(self.settings.site_url, original_url) if self.settings.site_url else "",
        )

    def address(self, address: str) -> tuple[str, str]:
        """The full web address of a page (in this handout's language), and its QR code (none without a site_url)."""
        address = self.parts.prefix + address
        full = join_address(self.settings.site_url, address)
        return full, (qr_svg(full) if self.settings.site_url else "")

    def body(self, module_or_story: Module | Story, markdown_text: str, address: str, id_prefix: str = "") -> str:
        text = apply_macros(
            markdown_text, self.course, self.settings.today, self.settings.version, module_or_story.rel, module_or_story.path
        )
        fragment = absolute_links(to_html(text, id_prefix=id_prefix, setup=self.settings.markdown), address, self.settings.site_url)
        gate(fragment, f"The handout of {module_or_story.rel}", module_or_story.rel, module_or_story.allow_details)
        return fragment

    def render(self, template: str, **context: object) -> str:
        context.setdefault("notices", ())
        furniture = self.settings.furniture
        page = str(context.get("web_address") or "")
        return self.environment.get_template(template).render(
            site_name=self.settings.site_name,
            site_url=self.settings.site_url,
            html_lang=self.language.html_lang,
            rtl=self.language.rtl,
            furniture=furniture,
            contact=Markup(furniture.contact_html()),
            word_report=furniture.word_report(page),
            original=self.original,
            behind=self.behind,
            **context,
        )

    # --- documents -------------------------------------------------------------------

    def module(self, module: Module, large: bool) -> Handout:
        """A module's handout; a translation's shows its page's notices (a draft, or out of date) under its title."""
        _ = self.gettext
        web_address, qr = self.address(module.url)
        body = self.body(module, strip_trainer_notes(module.body), self.parts.prefix + module.url)
        outcomes = "".join(f"<li>{html.escape(o)}</li>" for o in module.outcomes)
        used = terms_used(f"<p>{html.escape(module.summary)}</p><ul>{outcomes}</ul>{body}", self.matcher, self.terms)
        words = sorted((self.terms[slug] for slug in used), key=lambda t: t.term.casefold())
        about = "\n\n".join(part for part in (web_pages.credits(module, self.code), web_pages.sources(module, self.code)) if part)
        about_html = absolute_links(to_html(about, setup=self.settings.markdown), self.parts.prefix + module.url, self.settings.site_url)
        edition = _("Large print handout") if large else _("Handout")
        document = self.render(
            "module.html",
            module=module,
            title=module.title,
            pdf_title=f"{module.title} ({edition.lower()})",
            edition=edition,
            large=large,
            version=module.version,
            reviewed=module.last_reviewed,
            web_address=web_address,
            qr=qr,
            body=body,
            words=words,
            about=about_html,
            changes=module.changes_for(module.version),
            notices=self.page_notices(f"module:{module.slug}", module.url),
        )
        return Handout(
            name=module_handout_name(module.slug, large, self.code),
            title=module.title,
            kind=LARGE_PRINT if large else PARTICIPANT,
            description=_("{title}, large print").format(title=module.title) if large else module.title,
            html=document,
            base_url=module.path.parent.as_uri() + "/",
            stylesheets=("handouts.css", "large-print.css") if large else ("handouts.css",),
            assets=tuple(module.assets),
            module=module.slug,
            address=web_address,
            css=language_css(self.language),
        )

    def easy_read(self, module: Module, easy: EasyRead) -> Handout:
        """The Easy Read handout: A4, a picture on the left of each part, text 16 pt or more."""
        _ = self.gettext
        web_address, qr = self.address(module.easy_read_url)
        parts = []
        for part in easy.parts:
            picture = part.picture
            src = "" if picture is None else (_data_address(picture.path) if picture.built_in else picture.name)
            parts.append(
                {
                    "heading": part.heading,
                    "src": src,
                    "alt": picture.alt if picture else "",
                    "sentences": [sentence_html(s.text) for s in part.sentences],
                }
            )
        document = self.render(
            "easy_read.html",
            module=module,
            title=easy.title,
            pdf_title=_("{title} (Easy Read handout)").format(title=easy.title),
            edition=_("Easy Read"),
            large=False,
            version=module.version,
            reviewed=easy.last_reviewed,
            web_address=web_address,
            qr=qr,
            notes=status_notes(easy, module, self.code),
            parts=parts,
            about=about_html(easy, self.code),
            notices=self.page_notices(f"easy-read:{module.slug}", module.easy_read_url),
        )
        return Handout(
            name=easy_read_handout_name(module.slug, self.code),
            title=easy.title,
            kind=EASY_READ,
            description=_("{title}, Easy Read").format(title=module.title),
            html=document,
            base_url=module.path.parent.as_uri() + "/",
            stylesheets=("handouts.css", "easy-read.css"),
            assets=tuple(p.path for p in easy.pictures if not p.built_in),
            module=module.slug,
            address=web_address,
            css=language_css(self.language),
        )

    def _booklet(
        self,
        *,
        name: str,
        title: str,
        kind: str,
        description: str,
        template: str,
        edition: str,
        address: str,
        folder: str,
        assets: tuple[Path, ...] = (),
        notices: tuple[Notice, ...] = (),
        **context: object,
    ) -> Handout:
        """A handout for the whole course (trainer pack, jargon buster, stories): one version, the latest review date."""
        web_address, qr = self.address(address)
        title, description = self.gettext(title), self.gettext(description)
        document = self.render(
            template,
            title=title,
            pdf_title=f"{self.settings.site_name}: {title.lower()}",
            edition=edition,
            large=False,
            version=self.settings.version,
            reviewed=self.course_reviewed,
            web_address=web_address,
            qr=qr,
            notices=notices,
            **context,
        )
        return Handout(
            name=in_language(name, self.code),
            title=title,
            kind=kind,
            description=description,
            html=document,
            base_url=(self.settings.root / folder).as_uri() + "/",
            stylesheets=("handouts.css",),
            assets=assets,
            address=web_address,
            css=language_css(self.language),
        )

    def trainer_pack(self) -> Handout:
        plan = plan_session(self.course.modules, self.settings.session_break_every, self.settings.session_break_minutes)
        begins = self.settings.session_start
        sections = []
        for module in self.course.modules:
            body = shift_headings(self.body(module, module.body, self.parts.prefix + module.url, id_prefix=f"{module.slug}-"), 1)
            slot = plan.slot(module)
            starts, ends = slot.clock(begins) if slot else ("", "")
            talk = max(module.duration - sum(a.minutes for a in module.activities), 0)
            sections.append(
                {
                    "module": module,
                    "body": body,
                    "starts": starts,
                    "ends": ends,
                    "talk": talk,
                    "deck": join_address(self.settings.site_url, deck_src(module_deck(module.slug))),
                }
            )
        decks = []
        if self.settings.slides:
            whole = join_address(self.settings.site_url, deck_src(SESSION_DECK))
            decks = [{"title": self.gettext("The whole session"), "marks": Markup(""), "address": whole}]
            decks += [
                {
                    "title": m.title,
                    "marks": self.original(f"module:{m.slug}"),
                    "address": join_address(self.settings.site_url, deck_src(module_deck(m.slug))),
                }
                for m in self.course.modules
            ]
        return self._booklet(
            name=TRAINER_PACK_NAME,
            title=TRAINER_PACK_TITLE,
            kind=TRAINER_PACK,
            description=TRAINER_PACK_DESCRIPTION,
            template="trainer_pack.html",
            edition=self.gettext("For trainers"),
            address="modules/",
            folder=self.settings.modules_dir,
            assets=tuple(asset for m in self.course.modules for asset in m.assets),
            plan=plan,
            rows=trainer_pages.plan_rows(plan, begins, self.code),
            totals=trainer_pages.plan_totals(plan, begins, self.code),
            sections=sections,
            decks=decks,
            session_start=begins.strftime("%H:%M"),
            notices=self.booklet_notices("module"),
        )

    def jargon_buster(self) -> Handout:
        address = "glossary/"
        letters: dict[str, list[dict[str, object]]] = {}
        for term in sorted(self.course.terms, key=lambda t: t.term.casefold()):
            first = term.term.strip()[:1].upper()
            letter = first if first.isalpha() else "0–9"
            see_also = [self.terms[s].term for s in term.see_also if s in self.terms]
            longer = (
                absolute_links(to_html(term.body, setup=self.settings.markdown), self.parts.prefix + address, self.settings.site_url)
                if term.body.strip()
                else ""
            )
            letters.setdefault(letter, []).append({"term": term, "longer": longer, "see_also": see_also})
        return self._booklet(
            name=JARGON_BUSTER_NAME,
            title=JARGON_BUSTER_TITLE,
            kind=JARGON_BUSTER,
            description=JARGON_BUSTER_DESCRIPTION,
            template="jargon_buster.html",
            edition=self.gettext("Words explained, A to Z"),
            address=address,
            folder=self.settings.glossary_dir,
            letters=letters,
            notices=self.booklet_notices("term"),
        )

    def stories(self) -> Handout:
        entries = []
        printed = self.course.stories_for("print", self.settings.today)
        for story in printed:
            body = shift_headings(
                self.body(story, strip_trainer_notes(story.body), self.parts.prefix + story.url, id_prefix=f"{story.slug}-"), 1
            )
            modules = [m.title for m in (self.course.module(s) for s in story.modules) if m is not None]
            teller = web_pages.teller_line(story, language=self.code)
            entries.append({"story": story, "teller": teller, "body": body, "modules": modules})
        return self._booklet(
            name=STORIES_NAME,
            title=STORIES_TITLE,
            kind=STORIES,
            description=STORIES_DESCRIPTION,
            template="stories.html",
            edition=self.gettext("Stories about taking part"),
            address="stories/",
            folder=self.settings.stories_dir,
            entries=entries,
            intro=web_pages.stories_intro(printed, self.code),
            notices=self.booklet_notices("story"),
        )

    def contacts(self) -> Handout:
        contacts = self.settings.contacts
        return self._booklet(
            name=CONTACTS_NAME,
            title=contacts_page.TITLE,
            kind=CONTACTS,
            description=CONTACTS_DESCRIPTION,
            template="contacts.html",
            edition=self.gettext("Local contacts"),
            address="contacts/",
            folder=self.settings.modules_dir,
            rows=contacts_page.contact_rows(contacts, self.code),
            examples=contacts.examples,
            missing=bool(contacts.missing),
            examples_title=self.gettext(contacts_page.EXAMPLES_TITLE),
            examples_text=self.gettext(contacts_page.EXAMPLES_TEXT),
            notices=self.booklet_notices("contact", always=True),
        )


@dataclass(frozen=True)
class PlannedHandout:
    """A handout before its HTML is made: what it is, what goes into it, and how to make it.

    `inputs` names the course records the handout is made from (its cache key covers
    them), so a handout found in the cache needs no Markdown converted at all.
    """

    name: str
    title: str
    kind: str
    description: str
    module: str
    inputs: tuple[object, ...]
    assets: tuple[Path, ...]
    make: Callable[[], Handout]
    language: str = "en"  # the language it is in (its file name says so too: welcome.cy.pdf)


def _shared(course: Course) -> tuple[object, ...]:
    """What every handout may draw on besides its own records (glossary words, stories, module titles)."""
    return (
        tuple(course.terms),
        tuple(course.stories),
        tuple((m.slug, m.title, m.order, m.duration, m.last_reviewed) for m in course.modules),
    )


def plan_module_handout(
    course: Course, module: Module, settings: HandoutSettings, *, large: bool = False, parts: LanguageParts | None = None
) -> PlannedHandout:
    """One module's handout in `settings.language`, from a course whose records are in that language.

    For a translated page: pass the translated module (and a course holding the translated
    glossary) and `parts`, which says what is still in the original and which translations
    are drafts or out of date: the handout prints the notices its page shows.
    """
    return _module_plan(_Planner(course, settings, parts), module, large)


def _module_plan(planner: _Planner, module: Module, large: bool) -> PlannedHandout:
    _ = planner.gettext
    return PlannedHandout(
        name=module_handout_name(module.slug, large, planner.code),
        title=module.title,
        kind=LARGE_PRINT if large else PARTICIPANT,
        description=_("{title}, large print").format(title=module.title) if large else module.title,
        module=module.slug,
        inputs=(module, large, _shared(planner.course), *((planner.parts,) if planner.parts.translated else ())),
        assets=tuple(module.assets),
        make=partial(planner.module, module, large),
        language=planner.code,
    )


def plan_handouts(course: Course, settings: HandoutSettings, parts: LanguageParts | None = None) -> list[PlannedHandout]:
    """Every handout of the course, in the order the Handouts page lists them, not yet made.

    In `settings.language`: a translated course (its records in that language, the original's
    where there is no translation) gives handouts named `<name>.<code>.pdf`, in the engine's
    words for that language. With `parts` (a language other than the course's own), a module
    or Easy Read page not translated yet has no handout of its own (its page links the
    original's), and the handouts of the whole course mark what is still in the original.
    """
    planner = _Planner(course, settings, parts)
    _, code, parts = planner.gettext, planner.code, planner.parts
    shared = _shared(course)
    status = (parts,) if parts.translated else ()  # what is translated, out of date or a draft
    planned: list[PlannedHandout] = []
    for module in course.modules:
        if f"module:{module.slug}" not in parts.untranslated:
            for large in (False, True):
                planned.append(_module_plan(planner, module, large))
        if module.easy_read is not None and f"easy-read:{module.slug}" not in parts.untranslated:
            easy = module.easy_read
            planned.append(
                PlannedHandout(
                    name=easy_read_handout_name(module.slug, code),
                    title=easy.title,
                    kind=EASY_READ,
                    description=_("{title}, Easy Read").format(title=module.title),
                    module=module.slug,
                    inputs=(module, shared, *status),  # the module holds its Easy Read version
                    assets=tuple(p.path for p in easy.pictures),  # built-in pictures too: their files are the engine's
                    make=partial(planner.easy_read, module, easy),
                    language=code,
                )
            )
    planned.append(
        PlannedHandout(
            name=in_language(TRAINER_PACK_NAME, code),
            title=_(TRAINER_PACK_TITLE),
            kind=TRAINER_PACK,
            description=_(TRAINER_PACK_DESCRIPTION),
            module="",
            inputs=(tuple(course.modules), shared, *status),
            assets=tuple(asset for m in course.modules for asset in m.assets),
            make=planner.trainer_pack,
            language=code,
        )
    )
    for name, title, kind, description, inputs, make in (
        (JARGON_BUSTER_NAME, JARGON_BUSTER_TITLE, JARGON_BUSTER, JARGON_BUSTER_DESCRIPTION, (shared, *status), planner.jargon_buster),
        (STORIES_NAME, STORIES_TITLE, STORIES, STORIES_DESCRIPTION, (shared, *status), planner.stories),
        (CONTACTS_NAME, contacts_page.TITLE, CONTACTS, CONTACTS_DESCRIPTION, status, planner.contacts),
    ):
        if kind == STORIES and not course.stories_for("print", settings.today):
            continue  # no empty stories handout
        planned.append(PlannedHandout(in_language(name, code), _(title), kind, _(description), "", inputs, (), make, code))
    return planned


def make_all(course: Course, settings: HandoutSettings) -> list[Handout]:
    """Every handout with its HTML made (for tests and tools that want the HTML itself)."""
    return [planned.make() for planned in plan_handouts(course, settings)]
