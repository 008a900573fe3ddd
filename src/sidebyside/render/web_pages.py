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
from sidebyside.i18n import messages_for
from sidebyside.render.dates import long_date
from sidebyside.render.footnotes import footnotes_before_about
from sidebyside.render.links import GLOSSARY_INDEX, MODULES_INDEX, STORIES_INDEX, module_src, relative, story_src
from sidebyside.render.trainer_notes import strip_trainer_notes

WORDS_SLOT = '<div class="sbs-slot" data-slot="words"></div>'
CREDITS_HEADING = "## Who made this page\n\n"
SOURCES_HEADING = "## Where our facts come from\n\n"


def credits_heading(language: str = "en") -> str:
    return "## " + messages_for(language).gettext("Who made this page") + "\n\n"


def sources_heading(language: str = "en") -> str:
    return "## " + messages_for(language).gettext("Where our facts come from") + "\n\n"


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


def minutes(n: int, language: str = "en") -> str:
    """A length of time in words: "1 hour 5 minutes"."""
    ngettext = messages_for(language).ngettext
    if n < 60:
        return ngettext("{count} minute", "{count} minutes", n).format(count=n)
    hours, rest = divmod(n, 60)
    text = ngettext("{count} hour", "{count} hours", hours).format(count=hours)
    return text + (" " + ngettext("{count} minute", "{count} minutes", rest).format(count=rest) if rest else "")


def review_html(last: dt.date, next_due: dt.date, language: str = "en") -> str:
    _ = messages_for(language).gettext
    reviewed = _("Page last reviewed: {date}").format(date=long_date(last, language))
    due = _("Next review due: {date}").format(date=long_date(next_due, language))
    return f'<div class="sbs-review sbs-no-terms"><p>{reviewed}<br />\n{due}</p></div>'


def _about(parts: list[str]) -> str:
    """Text about the page (who made it, sources...): no glossary links there."""
    return '<div class="sbs-about sbs-no-terms">' + "".join(parts) + "</div>"


def credits_html(module: Module, invite: str = "", language: str = "en") -> str:
    """Who made the page and who looks after it (the heading is "Who made this page").

    `invite` follows "not yet reviewed with patient partners" (the website puts a real
    link to "How to contribute" after it instead)."""
    _ = messages_for(language).gettext
    invite = invite or _("We want to change that: see how to contribute on the website.")
    parts = []
    if module.co_produced_with:
        people = "".join(f"<li>{html_text(p.credit)}</li>" for p in module.co_produced_with)
        parts += ["<p>" + _("This page was made together by:") + "</p>", f"<ul>{people}</ul>"]
        if not module.has_patient_voice:
            parts.append("<p>" + _("This page has not yet been reviewed with patient partners or carers.") + "</p>")
    else:
        not_yet = _("This page has not yet been reviewed with patient partners.") + " " + html_text(invite)
        parts.append("<p>" + not_yet.rstrip() + "</p>")
    parts.append("<p>" + _("Looked after by: {owner}.").format(owner=html_text(module.owner)) + "</p>")
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


def sources_html(module: Module, language: str = "en") -> str:
    """Where the page's facts come from (the heading is "Where our facts come from"); "" if nowhere."""
    if not module.sources:
        return ""
    looked = messages_for(language).gettext("{source}, looked at on {date}")
    items = "".join(
        "<li>"
        + looked.format(
            source=f'<a href="{html.escape(source.url)}">{html_text(source.title)}</a>', date=long_date(source.accessed, language)
        )
        + "</li>"
        for source in module.sources
    )
    return _about([f"<ul>{items}</ul>"])


def credits(module: Module, language: str = "en") -> str:
    """Markdown of the "Who made this page" part, for hosts that want it in one piece."""
    return f"{credits_heading(language)}{credits_html(module, language=language)}"


def sources(module: Module, language: str = "en") -> str:
    body = sources_html(module, language)
    return f"{sources_heading(language)}{body}" if body else ""


def changes(module: Module, release: str = "", language: str = "en") -> tuple[str, str] | None:
    """The "What changed in this version" part, as (version, HTML): for the course
    version being released, or else for the module's own version. None if nothing to say."""
    _ = messages_for(language).gettext
    current = module.changes_for(release or module.version)
    if not current and release:
        parts = ["<p>" + _("Nothing on this page changed in this version.") + "</p>"]
        earlier = module.changes_for(module.version)
        if earlier:
            parts.append("<p>" + _("It last changed in version {version}:").format(version=html_text(module.version)) + "</p>")
            parts.append("<ul>" + "".join(f"<li>{html_text(c.changed)}</li>" for c in earlier) + "</ul>")
        return release, _about(parts)
    if not current:
        return None
    return release or module.version, _about(["<ul>" + "".join(f"<li>{html_text(c.changed)}</li>" for c in current) + "</ul>"])


def module_page(
    module: Module,
    edition: str = "participant",
    handouts: str = "",
    release: str = "",
    contributing: str = "",
    language: str = "en",
    kept: dict[str, str] | None = None,
) -> PageMarkdown:
    """The whole Markdown of a module page, trainer notes removed for participants.

    `handouts` is Markdown for the printable versions' download links, shown under the facts;
    `release` is the course version being built, for "What changed in this version";
    `contributing` is the source path of the site's "How to contribute" page, if it has one;
    `language` is the language the page is in (the engine's own words follow it);
    `kept` names the words (`summary`, `outcomes`) a translation left in the original language, with
    the attributes that mark that language (` lang="en-GB" dir="ltr"`).
    """
    kept = kept or {}
    _ = messages_for(language).gettext
    body = module.body if edition == "trainer" else strip_trainer_notes(module.body)
    outcome_marks = kept.get("outcomes", "")
    outcomes = "\n".join(f"- <span{outcome_marks}>{md_text(o)}</span>" if outcome_marks else f"- {md_text(o)}" for o in module.outcomes)
    facts = (
        '<ul class="sbs-facts sbs-no-terms"><li>'
        + _("Time in a session: about {length}").format(length=minutes(module.duration, language))
        + "</li><li>"
        + _("Version {version}").format(version=html_text(module.version))
        + "</li></ul>"
    )
    page = PageMarkdown()
    text = f"# {md_text(module.title)}\n\n"
    text += page.part(f'<p class="sbs-summary"{kept.get("summary", "")}>{html_text(module.summary)}</p>')
    text += page.part(facts)
    text += f"{handouts}\n\n" if handouts else ""
    text += "## " + _("By the end of this module you will") + f"\n\n{outcomes}\n\n"
    text += f"{body.strip()}\n\n"
    text += page.part(WORDS_SLOT)  # after the lesson, so a phone shows the lesson first
    if contributing and not module.co_produced_with:
        text += credits_heading(language) + page.part(credits_html(module, _("We want to change that."), language))
        link = relative(module_src(module.slug), contributing)
        text += "[" + _("How to contribute to this course") + f"]({link}){{: .sbs-contribute }}\n\n"
    else:
        text += credits_heading(language) + page.part(credits_html(module, language=language))
    if module.sources:
        text += sources_heading(language) + page.part(sources_html(module, language))
    changed = changes(module, release, language)
    if changed is not None:
        text += "## " + _("What changed in version {version}").format(version=md_text(changed[0])) + "\n\n" + page.part(changed[1])
    text += page.part(review_html(module.last_reviewed, module.next_review, language))
    page.markdown = text
    return page


def modules_index(modules: Iterable[Module], intro: str = "", language: str = "en") -> str:
    _ = messages_for(language).gettext
    lines = [
        "# " + _("Modules"),
        "",
        intro or _("Work through the modules in order. Each one is short, and you can stop at any time."),
        "",
    ]
    for number, module in enumerate(modules, start=1):
        link = relative(MODULES_INDEX, module_src(module.slug))
        about = _("about {length}").format(length=minutes(module.duration, language))
        lines.append(f"{number}. [{md_text(module.title)}]({link}): {md_text(module.summary)} ({about})")
    return "\n".join(lines) + "\n"


def teller_line(story: Story, escape: Callable[[str], str] = md_text, language: str = "en") -> str:
    """ "A story told by ..." (escaped for Markdown, or with `escape=html_text` for HTML)."""
    _ = messages_for(language).gettext
    if story.teller.display == "anonymous":
        return {
            "patient": _("A story told by a patient."),
            "carer": _("A story told by a carer."),
            "staff": _("A story told by a member of staff."),
        }[story.teller.role]
    named = {
        "patient": _("A story told by {name}, a patient."),
        "carer": _("A story told by {name}, a carer."),
        "staff": _("A story told by {name}, a member of staff."),
    }[story.teller.role]
    return named.format(name=escape(story.teller.shown_name))


def story_card(story: Story, from_src: str, language: str = "en") -> str:
    """A short card that links to a story, for modules and the stories index."""
    _ = messages_for(language).gettext
    link = relative(from_src, story_src(story.slug))
    parts = [f'<div class="sbs-story-card" markdown>\n\n**[{md_text(story.title)}]({link})**\n']
    if story.summary:
        parts.append(f"{md_text(story.summary)}\n")
    note = " " + _("Written for the course: not a real person.") if story.illustrative else ""
    parts.append(f"{teller_line(story, language=language)}{note}\n")
    if story.content_notes:
        mentions = _("Content note: this story mentions {topics}.").format(topics=md_text(", ".join(story.content_notes)))
        parts.append(f"{mentions}\n")
    parts.append("</div>\n")
    return "\n".join(parts)


def admonition_html(kind: str, title: str, text: str) -> str:
    """What Python-Markdown's admonition makes of `!!! kind "title"` with one paragraph."""
    return f'<div class="admonition {kind}">\n<p class="admonition-title">{html_text(title)}</p>\n<p>{text}</p>\n</div>'


def story_page(story: Story, course: Course, edition: str = "participant", language: str = "en") -> PageMarkdown:
    _ = messages_for(language).gettext
    src = story_src(story.slug)
    page = PageMarkdown()
    text = f"# {md_text(story.title)}\n\n" + page.part(f'<p class="sbs-teller">{teller_line(story, html_text, language)}</p>')
    if story.illustrative:
        text += page.part(
            admonition_html(
                "info",
                _("This story was written for the course"),
                _("It is an example, not about a real person. It shows the kind of thing that happens."),
            )
        )
    if story.content_notes:
        mentions = _("This story mentions {topics}.").format(topics=html_text(", ".join(story.content_notes)))
        text += page.part(admonition_html("warning", _("Content note"), mentions))
    body = story.body if edition == "trainer" else strip_trainer_notes(story.body)
    text += f"{body.strip()}\n\n"
    related = [m for m in (course.module(slug) for slug in story.modules) if m is not None]
    if related:
        text += "## " + _("Modules this story goes with") + "\n\n"
        text += "\n".join(f"- [{md_text(m.title)}]({relative(src, module_src(m.slug))})" for m in related) + "\n"
    page.markdown = text
    return page


def stories_intro(stories: list[Story], language: str = "en") -> str:
    """What the stories are, honestly: made up, real or both (the website and the booklet say the same)."""
    _ = messages_for(language).gettext
    if not stories:
        return _("Stories about taking part in improvement work.")
    real = [s for s in stories if not s.illustrative]
    if not real:
        return _(
            "Stories about taking part in improvement work. Read them in any order. "
            "Every story here was written for the course: they are examples, not about real people."
        )
    if len(real) == len(stories):
        return _("Stories from people who have taken part in improvement work, shared with their permission. Read them in any order.")
    return _(
        "Stories about taking part in improvement work. Read them in any order. "
        "Some are real and shared with permission. Others were written for the course, and they say so."
    )


def stories_index(stories: list[Story], language: str = "en") -> str:
    _ = messages_for(language).gettext
    lines = ["# " + _("Stories"), "", html_text(stories_intro(stories, language)), ""]
    if not stories:
        lines.append(_("There are no stories yet."))
    for story in stories:
        lines.append(story_card(story, STORIES_INDEX, language))
    return "\n".join(lines) + "\n"


def _letter(term: Term) -> str:
    first = term.term.strip()[:1].upper()
    return first if first.isalpha() else "0–9"


def glossary_page(terms: list[Term], intro: str = "", language: str = "en") -> str:
    """The A to Z glossary, one anchor per term at /glossary/#<slug>."""
    _ = messages_for(language).gettext
    letters: dict[str, list[Term]] = {}
    names = {term.slug: term.term for term in terms}  # "See also" shows names, not file names
    for term in sorted(terms, key=lambda t: t.term.casefold()):
        letters.setdefault(_letter(term), []).append(term)
    lines = [
        "# " + _("Glossary: words explained"),
        "",
        intro or _("Words you may hear in the NHS and in improvement work, explained in plain English."),
        "",
    ]
    if letters:
        jump = " ".join(f'<a href="#letter-{letter.lower()}">{letter}</a>' for letter in letters)
        label = html.escape(_("Jump to a letter"))
        lines += [f'<nav class="sbs-az sbs-no-terms" aria-label="{label}">{jump}</nav>', ""]
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
                instead = " " + _("Try: {words}.").format(words=md_text(term.instead)) if term.instead else ""
                lines += [_("We try not to use this word.") + instead, ""]
            if term.body.strip():
                lines += [term.body.strip(), ""]
            if term.see_also:
                links = ", ".join(f"[{md_text(names.get(other, other))}](#{other})" for other in term.see_also)
                lines += [_("See also: {links}").format(links=links), ""]
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
