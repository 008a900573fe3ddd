"""Markdown for the pages Side by Side adds to a site: modules, glossary, stories.

Pure functions from the content model to Markdown text. Links point at source
paths (`.md`), so the host (MkDocs today) checks and rewrites every one of them.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

from sidebyside.content.model import Course, Module, Story, Term
from sidebyside.render.dates import long_date
from sidebyside.render.links import GLOSSARY_INDEX, MODULES_INDEX, STORIES_INDEX, module_src, relative, story_src
from sidebyside.render.trainer_notes import strip_trainer_notes

WORDS_SLOT = '<div class="sbs-slot" data-slot="words"></div>'


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


def _review_footer(last: dt.date, next_due: dt.date) -> str:
    return (
        '<div class="sbs-review sbs-no-terms" markdown>\n\n'
        f"Page last reviewed: {long_date(last)}  \n"
        f"Next review due: {long_date(next_due)}\n\n"
        "</div>\n"
    )


def credits(module: Module) -> str:
    lines = ["## Who made this page", ""]
    if module.co_produced_with:
        lines.append("This page was made together by:")
        lines.append("")
        lines += [f"- {md_text(p.credit)}" for p in module.co_produced_with]
        if not module.has_patient_voice:
            lines += ["", "This page has not yet been reviewed with patient partners or carers."]
    else:
        lines.append("This page has not yet been reviewed with patient partners. We want to change that: see how to contribute.")
    lines += ["", f"Looked after by: {md_text(module.owner)}."]
    return "\n".join(lines)


def sources(module: Module) -> str:
    if not module.sources:
        return ""
    lines = ["## Where our facts come from", ""]
    for source in module.sources:
        lines.append(f"- [{md_text(source.title)}]({source.url}), looked at on {long_date(source.accessed)}")
    return "\n".join(lines)


def changes(module: Module, release: str = "") -> str:
    """The "What changed in this version" part: for the course version being released,
    or else for the module's own version."""
    current = module.changes_for(release or module.version)
    if not current and release:
        lines = [f"## What changed in version {md_text(release)}", "", "Nothing on this page changed in this version."]
        earlier = module.changes_for(module.version)
        if earlier:
            lines += ["", f"It last changed in version {md_text(module.version)}:", ""]
            lines += [f"- {md_text(c.changed)}" for c in earlier]
        return "\n".join(lines)
    if not current:
        return ""
    lines = [f"## What changed in version {md_text(release or module.version)}", ""]
    lines += [f"- {md_text(c.changed)}" for c in current]
    return "\n".join(lines)


def module_page(module: Module, edition: str = "participant", handouts: str = "", release: str = "") -> str:
    """The whole Markdown of a module page, trainer notes removed for participants.

    `handouts` is Markdown for the printable versions' download links, shown under the facts;
    `release` is the course version being built, for "What changed in this version".
    """
    body = module.body if edition == "trainer" else strip_trainer_notes(module.body)
    outcomes = "\n".join(f"- {md_text(o)}" for o in module.outcomes)
    facts = (
        '<ul class="sbs-facts sbs-no-terms">'
        f"<li>Time in a session: about {minutes(module.duration)}</li>"
        f"<li>Version {html_text(module.version)}</li>"
        "</ul>"
    )
    about = "\n\n".join(part for part in (credits(module), sources(module), changes(module, release)) if part)
    return (
        f"# {md_text(module.title)}\n\n"
        f'<p class="sbs-summary">{html_text(module.summary)}</p>\n\n'
        f"{facts}\n\n"
        f"{handouts}\n\n"
        "## By the end of this module you will\n\n"
        f"{outcomes}\n\n"
        f"{WORDS_SLOT}\n\n"
        f"{body.strip()}\n\n"
        f'<section class="sbs-about-page sbs-no-terms" markdown>\n\n{about}\n\n</section>\n\n'
        f"{_review_footer(module.last_reviewed, module.next_review)}"
    )


def modules_index(modules: Iterable[Module], intro: str = "") -> str:
    lines = ["# Modules", "", intro or "Work through the modules in order. Each one is short, and you can stop at any time.", ""]
    for number, module in enumerate(modules, start=1):
        link = relative(MODULES_INDEX, module_src(module.slug))
        lines.append(f"{number}. [{md_text(module.title)}]({link}): {md_text(module.summary)} (about {minutes(module.duration)})")
    return "\n".join(lines) + "\n"


def teller_line(story: Story) -> str:
    role = {"patient": "a patient", "carer": "a carer", "staff": "a member of staff"}[story.teller.role]
    if story.teller.display == "anonymous":
        return f"A story told by {role}."
    return f"A story told by {md_text(story.teller.shown_name)}, {role}."


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


def story_page(story: Story, course: Course, edition: str = "participant") -> str:
    src = story_src(story.slug)
    lines = [f"# {md_text(story.title)}", "", f'<p class="sbs-teller">{teller_line(story)}</p>', ""]
    if story.illustrative:
        lines += [
            '!!! info "This story was written for the course"',
            "    It is an example, not about a real person. It shows the kind of thing that happens.",
            "",
        ]
    if story.content_notes:
        lines += ['!!! warning "Content note"', f"    This story mentions {md_text(', '.join(story.content_notes))}.", ""]
    body = story.body if edition == "trainer" else strip_trainer_notes(story.body)
    lines += [body.strip(), ""]
    related = [course.module(slug) for slug in story.modules]
    related = [m for m in related if m is not None]
    if related:
        lines += ['<section class="sbs-about-page sbs-no-terms" markdown>', "", "## Modules this story goes with", ""]
        lines += [f"- [{md_text(m.title)}]({relative(src, module_src(m.slug))})" for m in related]
        lines += ["", "</section>", ""]
    return "\n".join(lines)


def stories_index(stories: list[Story]) -> str:
    lines = ["# Stories", "", "Stories from people who have taken part in improvement work. Read them in any order.", ""]
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
                links = ", ".join(f"[{md_text(other)}](#{other})" for other in term.see_also)
                lines += [f"See also: {links}", ""]
            lines.append("</dd>")
        lines += ["</dl>", ""]
    return "\n".join(lines)


__all__ = [
    "GLOSSARY_INDEX",
    "MODULES_INDEX",
    "STORIES_INDEX",
    "WORDS_SLOT",
    "glossary_page",
    "module_page",
    "modules_index",
    "stories_index",
    "story_card",
    "story_page",
]
