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

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STYLES = HERE

PARTICIPANT, LARGE_PRINT, TRAINER_PACK, JARGON_BUSTER, STORIES = "participant", "large-print", "trainer-pack", "jargon-buster", "stories"
CONTACTS = "contacts"
EASY_READ = "easy-read"
TRAINER_PACK_NAME, JARGON_BUSTER_NAME, STORIES_NAME = "trainer-pack.pdf", "jargon-buster.pdf", "stories.pdf"
CONTACTS_NAME = contacts_page.CONTACTS_HANDOUT

TRAINER_PACK_DESCRIPTION = "Every module with trainer notes, timings, a running order and a materials checklist"
JARGON_BUSTER_DESCRIPTION = "Every word in the glossary, A to Z, with its plain meaning"
STORIES_DESCRIPTION = "Stories about taking part, in one booklet"
CONTACTS_DESCRIPTION = "The people and teams to go to at your own trust, on one sheet"

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


def module_handout_name(slug: str, large: bool = False) -> str:
    return f"{slug}-large-print.pdf" if large else f"{slug}.pdf"


def easy_read_handout_name(slug: str) -> str:
    return f"{slug}-easy-read.pdf"


def _data_address(path: Path) -> str:
    """A built-in picture as a data: address: handouts read files only from the course folder."""
    return "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["long_date"] = long_date
    environment.filters["minutes"] = web_pages.minutes
    return environment


def shift_headings(fragment: str, by: int) -> str:
    """Move headings down a level or more (## becomes ### ...), so bookmarks nest properly."""
    return HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + by, 6)}", fragment)


class _Planner:
    def __init__(self, course: Course, settings: HandoutSettings) -> None:
        self.course = course
        self.settings = settings
        self.environment = _environment()
        self.terms: dict[str, Term] = {t.slug: t for t in course.terms}
        self.matcher = matcher_for(course.terms)
        reviewed = [m.last_reviewed for m in course.modules]
        self.course_reviewed = max(reviewed) if reviewed else settings.today

    # --- shared pieces ---------------------------------------------------------------

    def address(self, address: str) -> tuple[str, str]:
        """The full web address of a page, and its QR code (none without a site_url)."""
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
        furniture = self.settings.furniture
        page = str(context.get("web_address") or "")
        return self.environment.get_template(template).render(
            site_name=self.settings.site_name,
            site_url=self.settings.site_url,
            furniture=furniture,
            contact=Markup(furniture.contact_html()),
            word_report=furniture.word_report(page),
            **context,
        )

    # --- documents -------------------------------------------------------------------

    def module(self, module: Module, large: bool) -> Handout:
        address = module.url
        web_address, qr = self.address(address)
        body = self.body(module, strip_trainer_notes(module.body), address)
        outcomes = "".join(f"<li>{html.escape(o)}</li>" for o in module.outcomes)
        used = terms_used(f"<p>{html.escape(module.summary)}</p><ul>{outcomes}</ul>{body}", self.matcher, self.terms)
        words = sorted((self.terms[slug] for slug in used), key=lambda t: t.term.casefold())
        about = "\n\n".join(part for part in (web_pages.credits(module), web_pages.sources(module)) if part)
        about_html = absolute_links(to_html(about, setup=self.settings.markdown), address, self.settings.site_url)
        edition = "Large print handout" if large else "Handout"
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
        )
        return Handout(
            name=module_handout_name(module.slug, large),
            title=module.title,
            kind=LARGE_PRINT if large else PARTICIPANT,
            description=f"{module.title}, large print" if large else module.title,
            html=document,
            base_url=module.path.parent.as_uri() + "/",
            stylesheets=("handouts.css", "large-print.css") if large else ("handouts.css",),
            assets=tuple(module.assets),
            module=module.slug,
            address=web_address,
        )

    def easy_read(self, module: Module, easy: EasyRead) -> Handout:
        """The Easy Read handout: A4, a picture on the left of each part, text 16 pt or more."""
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
            pdf_title=f"{easy.title} (Easy Read handout)",
            edition="Easy Read",
            large=False,
            version=module.version,
            reviewed=easy.last_reviewed,
            web_address=web_address,
            qr=qr,
            notes=status_notes(easy, module),
            parts=parts,
            about=about_html(easy),
        )
        return Handout(
            name=easy_read_handout_name(module.slug),
            title=easy.title,
            kind=EASY_READ,
            description=f"{module.title}, Easy Read",
            html=document,
            base_url=module.path.parent.as_uri() + "/",
            stylesheets=("handouts.css", "easy-read.css"),
            assets=tuple(p.path for p in easy.pictures if not p.built_in),
            module=module.slug,
            address=web_address,
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
        **context: object,
    ) -> Handout:
        """A handout for the whole course (trainer pack, jargon buster, stories): one version, the latest review date."""
        web_address, qr = self.address(address)
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
            **context,
        )
        return Handout(
            name=name,
            title=title,
            kind=kind,
            description=description,
            html=document,
            base_url=(self.settings.root / folder).as_uri() + "/",
            stylesheets=("handouts.css",),
            assets=assets,
            address=web_address,
        )

    def trainer_pack(self) -> Handout:
        plan = plan_session(self.course.modules, self.settings.session_break_every, self.settings.session_break_minutes)
        begins = self.settings.session_start
        sections = []
        for module in self.course.modules:
            body = shift_headings(self.body(module, module.body, module.url, id_prefix=f"{module.slug}-"), 1)
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
            decks = [{"title": "The whole session", "address": join_address(self.settings.site_url, deck_src(SESSION_DECK))}]
            decks += [
                {"title": m.title, "address": join_address(self.settings.site_url, deck_src(module_deck(m.slug)))}
                for m in self.course.modules
            ]
        return self._booklet(
            name=TRAINER_PACK_NAME,
            title="Trainer pack",
            kind=TRAINER_PACK,
            description=TRAINER_PACK_DESCRIPTION,
            template="trainer_pack.html",
            edition="For trainers",
            address="modules/",
            folder=self.settings.modules_dir,
            assets=tuple(asset for m in self.course.modules for asset in m.assets),
            plan=plan,
            rows=trainer_pages.plan_rows(plan, begins),
            totals=trainer_pages.plan_totals(plan, begins),
            sections=sections,
            decks=decks,
            session_start=begins.strftime("%H:%M"),
        )

    def jargon_buster(self) -> Handout:
        address = "glossary/"
        letters: dict[str, list[dict[str, object]]] = {}
        for term in sorted(self.course.terms, key=lambda t: t.term.casefold()):
            first = term.term.strip()[:1].upper()
            letter = first if first.isalpha() else "0–9"
            see_also = [self.terms[s].term for s in term.see_also if s in self.terms]
            longer = (
                absolute_links(to_html(term.body, setup=self.settings.markdown), address, self.settings.site_url)
                if term.body.strip()
                else ""
            )
            letters.setdefault(letter, []).append({"term": term, "longer": longer, "see_also": see_also})
        return self._booklet(
            name=JARGON_BUSTER_NAME,
            title="Jargon buster",
            kind=JARGON_BUSTER,
            description=JARGON_BUSTER_DESCRIPTION,
            template="jargon_buster.html",
            edition="Words explained, A to Z",
            address=address,
            folder=self.settings.glossary_dir,
            letters=letters,
        )

    def stories(self) -> Handout:
        entries = []
        printed = self.course.stories_for("print", self.settings.today)
        for story in printed:
            body = shift_headings(self.body(story, strip_trainer_notes(story.body), story.url, id_prefix=f"{story.slug}-"), 1)
            modules = [m.title for m in (self.course.module(s) for s in story.modules) if m is not None]
            entries.append({"story": story, "teller": web_pages.teller_line(story), "body": body, "modules": modules})
        return self._booklet(
            name=STORIES_NAME,
            title="Stories",
            kind=STORIES,
            description=STORIES_DESCRIPTION,
            template="stories.html",
            edition="Stories about taking part",
            address="stories/",
            folder=self.settings.stories_dir,
            entries=entries,
            intro=web_pages.stories_intro(printed),
        )

    def contacts(self) -> Handout:
        contacts = self.settings.contacts
        return self._booklet(
            name=CONTACTS_NAME,
            title=contacts_page.TITLE,
            kind=CONTACTS,
            description=CONTACTS_DESCRIPTION,
            template="contacts.html",
            edition="Local contacts",
            address="contacts/",
            folder=self.settings.modules_dir,
            rows=contacts_page.contact_rows(contacts),
            examples=contacts.examples,
            missing=bool(contacts.missing),
            examples_title=contacts_page.EXAMPLES_TITLE,
            examples_text=contacts_page.EXAMPLES_TEXT,
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


def plan_handouts(course: Course, settings: HandoutSettings) -> list[PlannedHandout]:
    """Every handout of the course, in the order the Handouts page lists them, not yet made."""
    planner = _Planner(course, settings)
    shared = (
        tuple(course.terms),
        tuple(course.stories),
        tuple((m.slug, m.title, m.order, m.duration, m.last_reviewed) for m in course.modules),
    )
    planned: list[PlannedHandout] = []
    for module in course.modules:
        for large in (False, True):
            planned.append(
                PlannedHandout(
                    name=module_handout_name(module.slug, large),
                    title=module.title,
                    kind=LARGE_PRINT if large else PARTICIPANT,
                    description=f"{module.title}, large print" if large else module.title,
                    module=module.slug,
                    inputs=(module, large, shared),
                    assets=tuple(module.assets),
                    make=partial(planner.module, module, large),
                )
            )
        if module.easy_read is not None:
            easy = module.easy_read
            planned.append(
                PlannedHandout(
                    name=easy_read_handout_name(module.slug),
                    title=easy.title,
                    kind=EASY_READ,
                    description=f"{module.title}, Easy Read",
                    module=module.slug,
                    inputs=(module, shared),  # the module holds its Easy Read version
                    assets=tuple(p.path for p in easy.pictures),  # built-in pictures too: their files are the engine's
                    make=partial(planner.easy_read, module, easy),
                )
            )
    planned.append(
        PlannedHandout(
            name=TRAINER_PACK_NAME,
            title="Trainer pack",
            kind=TRAINER_PACK,
            description=TRAINER_PACK_DESCRIPTION,
            module="",
            inputs=(tuple(course.modules), shared),
            assets=tuple(asset for m in course.modules for asset in m.assets),
            make=planner.trainer_pack,
        )
    )
    planned.append(
        PlannedHandout(
            JARGON_BUSTER_NAME, "Jargon buster", JARGON_BUSTER, JARGON_BUSTER_DESCRIPTION, "", (shared,), (), planner.jargon_buster
        )
    )
    if course.stories_for("print", settings.today):  # no empty stories handout
        planned.append(PlannedHandout(STORIES_NAME, "Stories", STORIES, STORIES_DESCRIPTION, "", (shared,), (), planner.stories))
    planned.append(PlannedHandout(CONTACTS_NAME, contacts_page.TITLE, CONTACTS, CONTACTS_DESCRIPTION, "", (), (), planner.contacts))
    return planned


def make_all(course: Course, settings: HandoutSettings) -> list[Handout]:
    """Every handout with its HTML made (for tests and tools that want the HTML itself)."""
    return [planned.make() for planned in plan_handouts(course, settings)]
