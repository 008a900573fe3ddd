"""Turn the course into decks: a deck per module and one for the whole session.

A module's slides are the author's `!!! slide` blocks in order; a module with none
gets a slide for each `##` section, from its list items or first sentences. Around
them: a title slide, the outcomes, each activity, the module's glossary words, the
stories whose consent covers sessions, and a closing slide with how to get in touch.
Trainer notes become the speaker notes of the slide they follow.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from sidebyside.content.model import Course, Module, Story, Term
from sidebyside.content.session import plan_session
from sidebyside.render.links import SESSION_DECK, module_deck
from sidebyside.render.terms import matcher_for, terms_used
from sidebyside.render.trainer_notes import TRAINER_START
from sidebyside.render.web_pages import minutes, teller_line
from sidebyside.slides.deck import Deck, Picture, Slide

MOST_LINES = 6  # lines on one slide
MOST_WORDS = 12  # words in one line of a default slide
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


def shorten(text: str, most: int = MOST_WORDS) -> str:
    """The first sentence of `text`, cut to `most` words at a natural break where it can be."""
    sentence = SENTENCE_END.split(text, maxsplit=1)[0]
    words = sentence.split()
    if len(words) <= most:
        return sentence
    head = " ".join(words[:most])
    for mark in (":", ";", ",", " - ", " – "):
        cut = head.rfind(mark)
        if cut > len(head) // 2:
            return head[:cut].rstrip()
    return head.rstrip(",;:") + "…"


def chunks(lines: list[str], size: int = MOST_LINES) -> list[list[str]]:
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
        before = [t for _, t in sections[0].notes]
        for section in sections[1:]:
            lines = [shorten(b) for b in section.bullets] or [shorten(s) for s in section.sentences]
            said = [t for _, t in section.notes]
            if lines:
                slides.append(Slide(section.heading, lines=lines[:4], notes="\n\n".join(said)))
            elif slides:  # a section with nothing to show: its notes go with the slide before
                slides[-1].notes = "\n\n".join(filter(None, [slides[-1].notes, *said]))
            else:
                before += said
        return slides, "\n\n".join(before)

    def charts(self, module: Module) -> list[Slide]:
        """A slide for each run chart in the module: the picture, with its reading as the text alternative."""
        from sidebyside.charts import FENCE_NAME, ChartError, for_slides

        slides = []
        for source in re.findall(rf"^```{FENCE_NAME}[^\n]*\n(.*?)^```\s*$", module.body, re.M | re.S):
            try:
                chart = for_slides(source)
            except ChartError:  # the checks have already said what is wrong with it
                continue
            folder = self.settings.cache_dir or self.settings.root / ".sidebyside-cache" / "slides"
            folder.mkdir(parents=True, exist_ok=True)
            picture = folder / f"chart-{hashlib.sha256(chart.png).hexdigest()[:20]}.png"
            if not picture.is_file():
                picture.write_bytes(chart.png)
            slides.append(
                Slide(chart.title, lines=[chart.caption], notes=chart.description, pictures=[Picture(picture, chart.description)])
            )
        return slides

    def activities(self, module: Module) -> list[Slide]:
        slides = []
        for activity in module.activities:
            lines = [f"Time: {minutes(activity.minutes)}"]
            if activity.materials:
                lines.append("You need: " + ", ".join(activity.materials))
            lines += [shorten(s, 14) for s in SENTENCE_END.split(plain(activity.description)) if s][:3]
            slides.append(Slide(f"Activity: {activity.title}", lines=lines, notes=plain(activity.description)))
        return slides

    def words(self, module: Module) -> list[Slide]:
        text = html.escape(" ".join([module.summary, *module.outcomes, module.body]))
        used = sorted((self.terms[s] for s in terms_used(f"<p>{text}</p>", self.matcher)), key=lambda t: t.term.casefold())
        lines = [f"{t.term}: {shorten(t.plain, 14)}" for t in used]
        return [
            Slide("Words in this module" if i == 0 else "Words in this module (continued)", lines=part)
            for i, part in enumerate(chunks(lines, 4))
            if part
        ]

    def stories(self, module: Module) -> list[Slide]:
        slides = []
        for story in self._stories_of(module):
            lines = [shorten(plain(story.summary), 16)] if story.summary else []
            lines.append(teller_line(story, str))
            if story.illustrative:
                lines.append("Written for the course: not a real person.")
            if story.content_notes:
                lines.append("Content note: this story mentions " + ", ".join(story.content_notes) + ".")
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
        lines += list(self.settings.contact)
        if self.settings.site_url:
            lines.append(f"The course online: {self.settings.site_url}")
        return Slide("Questions and getting in touch", lines=lines[:MOST_LINES])

    # --- decks -------------------------------------------------------------------------

    def module_body(self, module: Module) -> list[Slide]:
        content, before = self.content(module)
        return [
            *self.outcomes(module, before),
            *content,
            *self.charts(module),
            *self.activities(module),
            *self.words(module),
            *self.stories(module),
        ]

    def module_deck(self, module: Module) -> Deck:
        slides = [self.title_slide(module), *self.module_body(module), self.closing()]
        return Deck(module_deck(module.slug), module.title, f"Slides for {module.title}", slides, module.slug)

    def session_deck(self) -> Deck:
        settings = self.settings
        plan = plan_session(self.course.modules, settings.session_break_every, settings.session_break_minutes)
        order: list[str] = []
        slides: list[Slide] = []
        previous_end = 0
        for slot in plan.slots:
            starts, ends = slot.clock(settings.session_start)
            if slot.start > previous_end:
                pause = slot.start - previous_end
                order.append(f"Break: {minutes(pause)}")
                slides.append(Slide("Break", "title", subtitle=f"{minutes(pause)}. Back at {starts}."))
            order.append(f"{starts} to {ends}: {slot.module.title}")
            slides.append(Slide(slot.module.title, "title", subtitle=f"{starts} to {ends}. {slot.module.summary}"))
            slides += self.module_body(slot.module)
            previous_end = slot.end
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
