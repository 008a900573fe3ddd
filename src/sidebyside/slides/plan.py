"""Turn the course into decks: a deck per module and one for the whole session.

A module's slides are the author's `!!! slide` blocks in order; a module with none
gets a slide for each `##` section, from its list items or first sentences. Around
them: a title slide, the outcomes, each activity, the module's glossary words, the
stories whose consent covers sessions, and a closing slide with how to get in touch.
Trainer notes become the speaker notes of the slide they follow.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from sidebyside.content.model import Course, Module, Story, Term
from sidebyside.content.session import Break, plan_session
from sidebyside.content.slides import MOST_LINES
from sidebyside.render.links import SESSION_DECK, module_deck
from sidebyside.render.terms import matcher_for, terms_used
from sidebyside.render.trainer_notes import TRAINER_START
from sidebyside.render.web_pages import minutes, teller_line
from sidebyside.slides.chart_pictures import ChartPictures
from sidebyside.slides.deck import Deck, Picture, Slide

MOST_MEANING_WORDS = 24  # a glossary meaning longer than this shows only its first sentence
TIME = "Time: "  # an activity's minutes: time, not the glossary's "minutes" of a meeting
FENCE = re.compile(r"^\s*(```|~~~)")
ADMONITION = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)\s*\w")
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKS = re.compile(r"\*\*|__|`|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)")
TAG = re.compile(r"<[^>]*>")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘(])")


@dataclass(frozen=True)
class SlideSettings:
    """What the decks need besides the course: no MkDocs here."""

    root: Path
    today: dt.date
    site_name: str = "Side by Side"
    site_url: str = ""
    version: str = "draft"
    contact: tuple[str, ...] = ()  # how to get in touch, one line each
    template: Path | None = None
    session_break_every: int = 0
    session_break_minutes: int = 10
    session_start: dt.time = dt.time(10, 0)
    cache_dir: Path | None = None


def plain(markdown: str) -> str:
    """One line of Markdown as plain text: no links, emphasis, code marks, HTML or macros."""
    text = MACRO.sub("", markdown)
    text = LINK.sub(lambda m: m.group(1), text)
    text = TAG.sub("", text)
    text = MARKS.sub("", text)
    return " ".join(html.unescape(text).split())


def first_sentence(text: str) -> str:
    """The first sentence whole: a generated slide never cuts a meaning short with "…"."""
    return SENTENCE_END.split(text, maxsplit=1)[0]


def meaning(term: Term) -> str:
    """A term's plain meaning for a slide: whole when short, else its first sentence."""
    text = plain(term.plain)
    return text if len(text.split()) <= MOST_MEANING_WORDS else first_sentence(text)


def chunks(lines: list[str], size: int = MOST_LINES, even: bool = False) -> list[list[str]]:
    """Lines in slides of at most `size`; with `even`, shared out evenly (7 as 3, 2, 2), so
    no slide is left with one line of its own."""
    if even and lines:
        base, extra = divmod(len(lines), -(-len(lines) // size))
        parts, start = [], 0
        for number in range(-(-len(lines) // size)):
            end = start + base + (number < extra)
            parts.append(lines[start:end])
            start = end
        return parts
    return [lines[i : i + size] for i in range(0, len(lines), size)] or [[]]


@dataclass
class _Section:
    heading: str
    line: int
    bullets: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)


def _read_body(body: str, first_line: int) -> list[_Section]:
    """The body's `##` sections: their list items, first sentences and trainer notes (with lines)."""
    sections = [_Section("", first_line)]
    lines = body.split("\n")
    index, fenced, paragraph = 0, "", False
    while index < len(lines):
        line = lines[index]
        number = first_line + index
        fence = FENCE.match(line)
        if fence or fenced:
            if fence and not fenced:
                fenced = fence.group(1)
            elif fence and line.strip().startswith(fenced):
                fenced = ""
            index += 1
            continue
        start = ADMONITION.match(line)
        if start:
            indent = len(start.group("indent").expandtabs(4))
            block = []
            index += 1
            while index < len(lines) and (not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > indent):
                block.append(lines[index].strip())
                index += 1
            if TRAINER_START.match(line):
                text = plain(" ".join(b for b in block if b))
                if text:
                    sections[-1].notes.append((number, text))
            continue
        stripped = line.strip()
        if line.startswith("## "):
            sections.append(_Section(plain(line[3:]), number))
        elif re.match(r"^(?:[-*+]|\d+[.)])\s+", stripped):
            text = plain(re.sub(r"^(?:[-*+]|\d+[.)])\s+", "", stripped))
            if text:
                sections[-1].bullets.append(text)
        elif stripped and not stripped.startswith(("#", "|", "<")) and not paragraph:
            text = plain(stripped)
            if text:
                sections[-1].sentences.append(text)
        paragraph = bool(stripped)
        index += 1
    return sections


class _Planner:
    def __init__(self, course: Course, settings: SlideSettings) -> None:
        self.course = course
        self.settings = settings
        self.matcher = matcher_for(course.terms)
        self.terms: dict[str, Term] = {t.slug: t for t in course.terms}
        self.pictures = ChartPictures(settings.cache_dir or settings.root / ".sidebyside-cache" / "slides")
        self.bodies: dict[str, list[Slide]] = {}  # a module's slides are in its own deck and the session's

    # --- pieces ------------------------------------------------------------------------

    def title_slide(self, module: Module) -> Slide:
        return Slide(module.title, "title", subtitle=f"{module.summary} About {minutes(module.duration)}.")

    def outcomes(self, module: Module, notes: str = "") -> list[Slide]:
        parts = chunks([plain(o) for o in module.outcomes])
        return [
            Slide(
                "By the end of this module you will" if i == 0 else "By the end you will (continued)",
                lines=part,
                notes=notes if i == 0 else "",
            )
            for i, part in enumerate(parts)
        ]

    def content(self, module: Module) -> tuple[list[Slide], str]:
        """The module's own slides, and the notes that come before them."""
        sections = _read_body(module.body, module.body_line)
        notes = [(line, text) for section in sections for line, text in section.notes]
        if module.slides:
            slides: list[Slide] = []
            for index, block in enumerate(module.slides):
                ends = module.slides[index + 1].line if index + 1 < len(module.slides) else 10**9
                said = "\n\n".join(text for line, text in notes if block.line < line < ends)
                pictures = [Picture((module.path.parent / image.src).resolve(), image.alt) for image in block.images]
                slides.append(Slide(block.title, lines=[plain(t) for t, _ in block.lines], notes=said, pictures=pictures))
            before = "\n\n".join(text for line, text in notes if line < module.slides[0].line)
            return slides, before
        slides = []
        before_notes = [t for _, t in sections[0].notes]
        for section in sections[1:]:
            lines = [first_sentence(b) for b in section.bullets] or [first_sentence(s) for s in section.sentences]
            said_here = [t for _, t in section.notes]
            if lines:
                slides.append(Slide(section.heading, lines=lines[:4], notes="\n\n".join(said_here)))
            elif slides:  # a section with nothing to show: its notes go with the slide before
                slides[-1].notes = "\n\n".join(filter(None, [slides[-1].notes, *said_here]))
            else:
                before_notes += said_here
        return slides, "\n\n".join(before_notes)

    def charts(self, module: Module) -> list[Slide]:
        """A slide for each run chart in the module: the picture, with its reading as the text alternative."""
        from sidebyside.charts import FENCE_NAME, ChartError

        slides = []
        for source in re.findall(rf"^```{FENCE_NAME}[^\n]*\n(.*?)^```\s*$", module.body, re.M | re.S):
            try:
                chart, picture = self.pictures.picture(source)
            except ChartError:  # the checks have already said what is wrong with it
                continue
            slides.append(
                Slide(chart.title, lines=[chart.caption], notes=chart.description, pictures=[Picture(picture, chart.description)])
            )
        return slides

    def activities(self, module: Module) -> list[Slide]:
        slides = []
        for activity in module.activities:
            lines = [f"{TIME}{minutes(activity.minutes)}"]
            if activity.materials:
                lines.append("You need: " + ", ".join(activity.materials))
            lines += [s for s in SENTENCE_END.split(plain(activity.description)) if s][:2]  # whole sentences; all in the notes
            slides.append(Slide(f"Activity: {activity.title}", lines=lines, notes=plain(activity.description)))
        return slides

    def words(self, module: Module, shown: list[Slide]) -> list[Slide]:
        """The module's glossary words. Those the slides themselves use get a slide each
        few, with their whole plain meaning; the rest of the module's words are named in
        the speaker notes, so the room is not given a wall of definitions."""
        used = self._terms_in([module.summary, *module.outcomes, module.body])
        said = [f"{s.title}. " + " ".join(line for line in s.lines if not line.startswith(TIME)) for s in shown]
        on_slides = {t.slug for t in self._terms_in(said)}
        showing = [t for t in used if t.slug in on_slides] or used[:4]
        others = [t for t in used if all(t.slug != s.slug for s in showing)]
        lines = [f"{t.term}: {meaning(t)}" for t in showing]
        slides = [
            Slide("Words in this module" if i == 0 else "Words in this module (continued)", lines=part)
            for i, part in enumerate(chunks(lines, 3, even=True))
            if part
        ]
        if slides and others:
            slides[0].notes = "Other words this module uses, all in the jargon buster: " + ", ".join(t.term for t in others) + "."
        return slides

    def _terms_in(self, texts: list[str]) -> list[Term]:
        text = html.escape(" ".join(texts))
        return sorted((self.terms[s] for s in terms_used(f"<p>{text}</p>", self.matcher)), key=lambda t: t.term.casefold())

    def stories(self, module: Module) -> list[Slide]:
        slides = []
        for story in self._stories_of(module):
            lines = []
            if story.content_notes:  # first, as on the web page: people can choose before they hear it
                lines.append("Content note: this story mentions " + ", ".join(story.content_notes) + ".")
            lines += [first_sentence(plain(story.summary))] if story.summary else []
            lines.append(teller_line(story, str))
            if story.illustrative:
                lines.append("Written for the course: not a real person.")
            where = f"{self.settings.site_url.rstrip('/')}/{story.url}" if self.settings.site_url else f"the course website, {story.url}"
            slides.append(Slide(f"Story: {story.title}", lines=lines, notes=f"The whole story is in the stories handout and on {where}."))
        return slides

    def _stories_of(self, module: Module) -> list[Story]:
        named = set(re.findall(r"""story\(\s*["']([a-z0-9-]+)["']\s*\)""", module.body))
        return [
            s for s in self.course.stories if (module.slug in s.modules or s.slug in named) and s.allowed("session", self.settings.today)
        ]

    def closing(self) -> Slide:
        lines = ["Ask us anything, now or at the break."]
        lines += list(self.settings.contact) or ["After today, ask the person who invited you."]
        if self.settings.site_url:
            lines.append(f"The course online: {self.settings.site_url}")
        return Slide("Questions and getting in touch", lines=lines[:MOST_LINES])

    # --- decks -------------------------------------------------------------------------

    def module_body(self, module: Module) -> list[Slide]:
        if module.slug not in self.bodies:
            content, before = self.content(module)
            shown = [*self.outcomes(module, before), *content, *self.charts(module), *self.activities(module)]
            self.bodies[module.slug] = [*shown, *self.words(module, shown), *self.stories(module)]
        return [replace(s, lines=list(s.lines), pictures=list(s.pictures)) for s in self.bodies[module.slug]]

    def module_deck(self, module: Module) -> Deck:
        slides = [self.title_slide(module), *self.module_body(module), self.closing()]
        return Deck(module_deck(module.slug), module.title, f"Slides for {module.title}", slides, module.slug)

    def session_deck(self) -> Deck:
        settings = self.settings
        plan = plan_session(self.course.modules, settings.session_break_every, settings.session_break_minutes)
        order: list[str] = []
        slides: list[Slide] = []
        for row in plan.rows:
            starts, ends = row.clock(settings.session_start)
            if isinstance(row, Break):
                order.append(f"Break: {minutes(row.minutes)}")
                slides.append(Slide("Break", "title", subtitle=f"{minutes(row.minutes)}. Back at {ends}."))
                continue
            order.append(f"{starts} to {ends}: {row.module.title}")
            slides.append(Slide(row.module.title, "title", subtitle=f"{starts} to {ends}. {row.module.summary}"))
            slides += self.module_body(row.module)
        running = [
            Slide("Running order" if i == 0 else "Running order (continued)", lines=part) for i, part in enumerate(chunks(order)) if part
        ]
        total = f"{minutes(plan.total)} in all" if plan.total else "no modules yet"
        opening = Slide(settings.site_name, "title", subtitle=f"The whole session: {total}.")
        return Deck(
            SESSION_DECK,
            "The whole session",
            "Slides for the whole session, every module in order",
            [opening, *running, *slides, self.closing()],
        )


def plan_decks(course: Course, settings: SlideSettings) -> list[Deck]:
    """Every deck of the course: one for each module, in order, then the whole session."""
    planner = _Planner(course, settings)
    return [*(planner.module_deck(m) for m in course.modules), planner.session_deck()]
