"""Link glossary terms in a page's HTML and list the words a page uses."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from sidebyside.content.matching import TermMatcher
from sidebyside.content.model import Term
from sidebyside.render.html_text import transform_text


def matcher_for(terms: list[Term]) -> TermMatcher:
    """One matcher over every form of every term; words to avoid are not linked."""
    return TermMatcher((form, term.slug) for term in terms if not term.avoid for form in term.forms)


@dataclass
class LinkedPage:
    html: str
    used: list[str] = field(default_factory=list)  # slugs in order of first use


def link_terms(fragment: str, matcher: TermMatcher, terms: dict[str, Term], glossary_href: str) -> LinkedPage:
    """Link the first use of each term to the glossary, with its plain definition for the disclosure.

    Without JavaScript it is an ordinary link; the site's script turns it into a
    button that opens the definition in place.
    """
    used: list[str] = []

    def change(text: str) -> str:
        pieces: list[str] = []
        position = 0
        for match in matcher.finditer(text):
            if match.key in used:
                continue
            used.append(match.key)
            term = terms[match.key]
            pieces.append(html.escape(text[position : match.start], quote=False))
            pieces.append(
                f'<a class="sbs-term" href="{html.escape(glossary_href)}#{term.slug}" '
                f'data-sbs-term="{html.escape(term.term)}" data-sbs-plain="{html.escape(term.plain)}">'
                f"{html.escape(match.text, quote=False)}</a>"
            )
            position = match.end
        if not pieces:
            return html.escape(text, quote=False)
        pieces.append(html.escape(text[position:], quote=False))
        return "".join(pieces)

    return LinkedPage(transform_text(fragment, change), used)


def terms_used(fragment: str, matcher: TermMatcher) -> list[str]:
    """Slugs of the terms a fragment uses, in order of first use (code, links and headings excluded)."""
    used: list[str] = []

    def collect(text: str) -> str:
        for match in matcher.finditer(text):
            if match.key not in used:
                used.append(match.key)
        return html.escape(text, quote=False)

    transform_text(fragment, collect)
    return used


def words_box(slugs: list[str], terms: dict[str, Term], glossary_href: str, heading: str = "Words in this module") -> str:
    """The "Words in this module" box: every term the page uses, with its plain meaning."""
    if not slugs:
        return ""
    rows = []
    for slug in sorted(slugs, key=lambda s: terms[s].term.casefold()):
        term = terms[slug]
        stands = f" ({html.escape(term.stands_for)})" if term.stands_for else ""
        rows.append(
            f'<dt><a href="{html.escape(glossary_href)}#{slug}">{html.escape(term.term)}</a>{stands}</dt><dd>{html.escape(term.plain)}</dd>'
        )
    return (
        '<aside class="sbs-words sbs-no-terms" aria-labelledby="words-in-this-module">'
        f'<h2 id="words-in-this-module">{html.escape(heading)}</h2>'
        f"<dl>{''.join(rows)}</dl></aside>"
    )
