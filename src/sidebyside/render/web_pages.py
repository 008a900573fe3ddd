"""Markdown for the pages Side by Side adds to a site: modules, glossary, stories.

Pure functions from the content model to Markdown text. Links point at source
paths (`.md`), so the host (MkDocs today) checks and rewrites every one of them.

The fixed parts of a page that hold no links to other pages (the facts, who made it,
the review dates...) are written as HTML and kept beside the Markdown (`PageMarkdown`):
Python-Markdown spends far longer on HTML blocks than on plain text, so each such
part stays in the Markdown as a placeholder paragraph and is put back once the page
is converted. Headings stay in the Markdown, so they are in the page's contents.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sidebyside.content.licences import licence_name, licence_url
from sidebyside.content.model import Attribution, Course, Module, Story, Term
from sidebyside.render.dates import long_date
from sidebyside.render.footnotes import footnotes_before_about
from sidebyside.render.links import GLOSSARY_INDEX, MODULES_INDEX, STORIES_INDEX, module_src, relative, story_src
from sidebyside.render.trainer_notes import strip_trainer_notes

WORDS_SLOT = '<div class="sbs-slot" data-slot="words"></div>'
CREDITS_HEADING = "## Who made this page\n\n"
SOURCES_HEADING = "## Where our facts come from\n\n"
PART = "sbs-part-{}-e7c1"  # a placeholder paragraph no contributor writes


@dataclass
class PageMarkdown:
    """A page's Markdown, and the HTML of the parts it holds as placeholders."""

    markdown: str = ""
    parts: dict[str, str] = field(default_factory=dict)

    def part(self, html_part: str) -> str:
        """Keep `html_part` aside; returns its placeholder, a paragraph of its own."""
        token = PART.format(len(self.parts))
        self.parts[token] = html_part
        return f"{token}\n\n"

    def fill(self, converted: str) -> str:
        """The converted page with each placeholder paragraph replaced by its HTML."""
        for token, html_part in self.parts.items():
            converted = converted.replace(f"<p>{token}</p>", html_part, 1)
        return footnotes_before_about(converted)

    def whole(self) -> str:
        """The Markdown with the parts written in as HTML blocks, for a host that
        converts it in one go."""
        text = self.markdown
        for token, html_part in self.parts.items():
            text = text.replace(f"{token}\n", f"{html_part}\n", 1)
        return text


def html_text(text: str) -> str:
    """Text safe to put inside HTML."""
    return html.escape(text, quote=False)


def md_text(text: str) -> str:
    """Text safe to put in Markdown (tables included) without it turning into formatting or HTML."""
    escaped = html_text(text)
    for char in "\\`*_[]#|":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def minutes(n: int) -> str:
    if n < 60:
        return f"{n} minute" + ("" if n == 1 else "s")
    hours, rest = divmod(n, 60)
    text = f"{hours} hour" + ("" if hours == 1 else "s")
    return text + (f" {rest} minutes" if rest else "")


def review_html(last: dt.date, next_due: dt.date) -> str:
    return (
        '<div class="sbs-review sbs-no-terms">'
        f"<p>Page last reviewed: {long_date(last)}<br />\nNext review due: {long_date(next_due)}</p></div>"
    )


def _about(parts: list[str]) -> str:
    """Text about the page (who made it, sources...): no glossary links there."""
    return '<div class="sbs-about sbs-no-terms">' + "".join(parts) + "</div>"


def credits_html(module: Module, invite: str = "We want to change that: see how to contribute on the website.") -> str:
    """Who made the page and who looks after it (the heading is "Who made this page").

    `invite` follows "not yet reviewed with patient partners" (the website puts a real
    link to "How to contribute" after it instead)."""
    parts = []
    if module.co_produced_with:
        people = "".join(f"<li>{html_text(p.credit)}</li>" for p in module.co_produced_with)
        parts += ["<p>This page was made together by:</p>", f"<ul>{people}</ul>"]
        if not module.has_patient_voice:
            parts.append("<p>This page has not yet been reviewed with patient partners or carers.</p>")
    else:
        parts.append(f"<p>This page has not yet been reviewed with patient partners. {html_text(invite)}</p>".replace(" </p>", "</p>"))
    parts.append(f"<p>Looked after by: {html_text(module.owner)}.</p>")
    if module.adapted_from is not None:
        parts.append(attribution_html(module.adapted_from))
    return _about(parts)


def attribution_html(source: Attribution) -> str:
    """The usual credit for open material: title, author, source, licence (and what changed)."""
    changed = f" {html_text(source.changes.rstrip('.'))}." if source.changes else ""
    shown = html.escape(source.url)
    where = f'<a href="{shown}">{shown}</a>' if source.url.startswith(("https://", "http://")) else shown
    return (
        f'<p class="sbs-adapted">Adapted from "{html_text(source.title)}" by {html_text(source.author)}, '
        f"{where}, "
        f'licensed under <a href="{licence_url(source.licence)}">{html_text(licence_name(source.licence))}</a>.{changed}</p>'
    )


def sources_html(module: Module) -> str:
    """Where the page's facts come from (the heading is "Where our facts come from"); "" if nowhere."""
    if not module.sources:
        return ""
    items = "".join(
        f'<li><a href="{html.escape(source.url)}">{html_text(source.title)}</a>, looked at on {long_date(source.accessed)}</li>'
        for source in module.sources
    )
    return _about([f"<ul>{items}</ul>"])


def credits(module: Module) -> str:
    """Markdown of the "Who made this page" part, for hosts that want it in one piece."""
    return f"{CREDITS_HEADING}{credits_html(module)}"


def sources(module: Module) -> str:
    body = sources_html(module)
    return f"{SOURCES_HEADING}{body}" if body else ""


def changes(module: Module, release: str = "") -> tuple[str, str] | None:
    """The "What changed in this version" part, as (version, HTML): for the course
    version being released, or else for the module's own version. None if nothing to say."""
    current = module.changes_for(release or module.version)
    if not current and release:
        parts = ["<p>Nothing on this page changed in this version.</p>"]
        earlier = module.changes_for(module.version)
        if earlier:
            parts.append(f"<p>It last changed in version {html_text(module.version)}:</p>")
            parts.append("<ul>" + "".join(f"<li>{html_text(c.changed)}</li>" for c in earlier) + "</ul>")
        return release, _about(parts)
    if not current:
        return None
    return release or module.version, _about(["<ul>" + "".join(f"<li>{html_text(c.changed)}</li>" for c in current) + "</ul>"])


def module_page(
    module: Module, edition: str = "participant", handouts: str = "", release: str = "", contributing: str = ""
) -> PageMarkdown:
    """The whole Markdown of a module page, trainer notes removed for participants.

    `handouts` is Markdown for the printable versions' download links, shown under the facts;
    `release` is the course version being built, for "What changed in this version";
    `contributing` is the source path of the site's "How to contribute" page, if it has one.
    """
    body = module.body if edition == "trainer" else strip_trainer_notes(module.body)
    outcomes = "\n".join(f"- {md_text(o)}" for o in module.outcomes)
    facts = (
        '<ul class="sbs-facts sbs-no-terms">'
        f"<li>Time in a session: about {minutes(module.duration)}</li>"
        f"<li>Version {html_text(module.version)}</li>"
        "</ul>"
    )
    page = PageMarkdown()
    text = f"# {md_text(module.title)}\n\n"
    text += page.part(f'<p class="sbs-summary">{html_text(module.summary)}</p>')
    text += page.part(facts)
    text += f"{handouts}\n\n" if handouts else ""
    text += f"## By the end of this module you will\n\n{outcomes}\n\n"
    text += f"{body.strip()}\n\n"
    text += page.part(WORDS_SLOT)  # after the lesson, so a phone shows the lesson first
    if contributing and not module.co_produced_with:
        text += CREDITS_HEADING + page.part(credits_html(module, "We want to change that."))
        text += f"[How to contribute to this course]({relative(module_src(module.slug), contributing)}){{: .sbs-contribute }}\n\n"
    else:
        text += CREDITS_HEADING + page.part(credits_html(module))
    if module.sources:
        text += SOURCES_HEADING + page.part(sources_html(module))
    changed = changes(module, release)
    if changed is not None:
        text += f"## What changed in version {md_text(changed[0])}\n\n" + page.part(changed[1])
    text += page.part(review_html(module.last_reviewed, module.next_review))
    page.markdown = text
    return page


def modules_index(modules: Iterable[Module], intro: str = "") -> str:
    lines = ["# Modules", "", intro or "Work through the modules in order. Each one is short, and you can stop at any time.", ""]
    for number, module in enumerate(modules, start=1):
        link = relative(MODULES_INDEX, module_src(module.slug))
        lines.append(f"{number}. [{md_text(module.title)}]({link}): {md_text(module.summary)} (about {minutes(module.duration)})")
    return "\n".join(lines) + "\n"


def teller_line(story: Story, escape: Callable[[str], str] = md_text) -> str:
    """ "A story told by ..." (escaped for Markdown, or with `escape=html_text` for HTML)."""
    role = {"patient": "a patient", "carer": "a carer", "staff": "a member of staff"}[story.teller.role]
    if story.teller.display == "anonymous":
        return f"A story told by {role}."
    return f"A story told by {escape(story.teller.shown_name)}, {role}."


def story_card(story: Story, from_src: str) -> str:
    """A short card that links to a story, for modules and the stories index."""
    link = relative(from_src, story_src(story.slug))
    parts = [f'<div class="sbs-story-card" markdown>\n\n**[{md_text(story.title)}]({link})**\n']
    if story.summary:
        parts.append(f"{md_text(story.summary)}\n")
    note = " Written for the course: not a real person." if story.illustrative else ""
    parts.append(f"{teller_line(story)}{note}\n")
    if story.content_notes:
        parts.append(f"Content note: this story mentions {md_text(', '.join(story.content_notes))}.\n")
    parts.append("</div>\n")
    return "\n".join(parts)


def admonition_html(kind: str, title: str, text: str) -> str:
    """What Python-Markdown's admonition makes of `!!! kind "title"` with one paragraph."""
    return f'<div class="admonition {kind}">\n<p class="admonition-title">{html_text(title)}</p>\n<p>{text}</p>\n</div>'


def story_page(story: Story, course: Course, edition: str = "participant") -> PageMarkdown:
    src = story_src(story.slug)
    page = PageMarkdown()
    text = f"# {md_text(story.title)}\n\n" + page.part(f'<p class="sbs-teller">{teller_line(story, html_text)}</p>')
    if story.illustrative:
        text += page.part(
            admonition_html(
                "info",
                "This story was written for the course",
                "It is an example, not about a real person. It shows the kind of thing that happens.",
            )
        )
    if story.content_notes:
        text += page.part(admonition_html("warning", "Content note", f"This story mentions {html_text(', '.join(story.content_notes))}."))
    body = story.body if edition == "trainer" else strip_trainer_notes(story.body)
    text += f"{body.strip()}\n\n"
    related = [m for m in (course.module(slug) for slug in story.modules) if m is not None]
    if related:
        text += "## Modules this story goes with\n\n"
        text += "\n".join(f"- [{md_text(m.title)}]({relative(src, module_src(m.slug))})" for m in related) + "\n"
    page.markdown = text
    return page


def stories_intro(stories: list[Story]) -> str:
    """What the stories are, honestly: made up, real or both (the website and the booklet say the same)."""
    if not stories:
        return "Stories about taking part in improvement work."
    real = [s for s in stories if not s.illustrative]
    if not real:
        return (
            "Stories about taking part in improvement work. Read them in any order. "
            "Every story here was written for the course: they are examples, not about real people."
        )
    if len(real) == len(stories):
        return "Stories from people who have taken part in improvement work, shared with their permission. Read them in any order."
    return (
        "Stories about taking part in improvement work. Read them in any order. "
        "Some are real and shared with permission. Others were written for the course, and they say so."
    )


def stories_index(stories: list[Story]) -> str:
    lines = ["# Stories", "", html_text(stories_intro(stories)), ""]
    if not stories:
        lines.append("There are no stories yet.")
    for story in stories:
        lines.append(story_card(story, STORIES_INDEX))
    return "\n".join(lines) + "\n"


def _letter(term: Term) -> str:
    first = term.term.strip()[:1].upper()
    return first if first.isalpha() else "0–9"


def glossary_page(terms: list[Term], intro: str = "") -> str:
    """The A to Z glossary, one anchor per term at /glossary/#<slug>."""
    letters: dict[str, list[Term]] = {}
    names = {term.slug: term.term for term in terms}  # "See also" shows names, not file names
    for term in sorted(terms, key=lambda t: t.term.casefold()):
        letters.setdefault(_letter(term), []).append(term)
    lines = [
        "# Glossary: words explained",
        "",
        intro or "Words you may hear in the NHS and in improvement work, explained in plain English.",
        "",
    ]
    if letters:
        jump = " ".join(f'<a href="#letter-{letter.lower()}">{letter}</a>' for letter in letters)
        lines += [f'<nav class="sbs-az sbs-no-terms" aria-label="Jump to a letter">{jump}</nav>', ""]
    for letter, group in letters.items():
        lines += [f"## {letter} {{ #letter-{letter.lower()} }}", "", '<dl class="sbs-glossary" markdown>']
        for term in group:
            stands = f" ({html_text(term.stands_for)})" if term.stands_for else ""
            lines.append(f'<dt id="{term.slug}">{html_text(term.term)}{stands}</dt>')
            lines.append('<dd markdown="block">')
            lines.append("")
            lines.append(md_text(term.plain))
            lines.append("")
            if term.avoid:
                instead = f" Try: {md_text(term.instead)}." if term.instead else ""
                lines += [f"We try not to use this word.{instead}", ""]
            if term.body.strip():
                lines += [term.body.strip(), ""]
            if term.see_also:
                links = ", ".join(f"[{md_text(names.get(other, other))}](#{other})" for other in term.see_also)
                lines += [f"See also: {links}", ""]
            lines.append("</dd>")
        lines += ["</dl>", ""]
    return "\n".join(lines)


__all__ = [
    "GLOSSARY_INDEX",
    "MODULES_INDEX",
    "STORIES_INDEX",
    "WORDS_SLOT",
    "PageMarkdown",
    "glossary_page",
    "module_page",
    "modules_index",
    "stories_index",
    "story_card",
    "story_page",
]
