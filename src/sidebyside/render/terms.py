"""Link glossary terms in a page's HTML and list the words a page uses."""

from __future__ import annotations

import html
from bisect import bisect_right
from dataclasses import dataclass, field

from sidebyside.content.matching import Match, TermMatcher
from sidebyside.content.model import Term
from sidebyside.i18n import messages_for
from sidebyside.render.html_text import text_runs


def matcher_for(terms: list[Term]) -> TermMatcher:
    """One matcher over every form of every term; words to avoid are not linked."""
    return TermMatcher((form, term.slug) for term in terms if not term.avoid for form in term.forms)


@dataclass
class LinkedPage:
    html: str
    used: list[str] = field(default_factory=list)  # slugs in order of first use


def _page_text(fragment: str) -> tuple[list[tuple[int, int]], list[str], str, list[int]]:
    """The readable text runs of a page, unescaped, and joined with NUL for one search.

    No phrase can match across a NUL (it is neither a word nor a space), so searching
    the joined text finds what searching each run would, at the cost of one search a
    page instead of one a paragraph. `offsets` says where each run starts in `joined`.
    """
    runs = text_runs(fragment)
    texts = [html.unescape(fragment[start:end]) for start, end in runs]
    offsets: list[int] = []
    position = 0
    for text in texts:
        offsets.append(position)
        position += len(text) + 1
    return runs, texts, "\0".join(texts), offsets


def link_terms(fragment: str, matcher: TermMatcher, terms: dict[str, Term], glossary_href: str, language: str = "en") -> LinkedPage:
    """Link the first use of each term to the glossary, with its plain definition for the disclosure.

    Without JavaScript it is an ordinary link; the site's script turns it into a
    button that opens the definition in place (its "More about" link in `language`,
    given to the script in `data-sbs-more` for any language but English).
    """
    more = "" if language == "en" else messages_for(language).gettext("More about ‘{term}’ in the glossary")
    runs, texts, joined, offsets = _page_text(fragment)
    used: list[str] = []
    firsts: dict[int, list[Match]] = {}  # run index: the first uses of terms in that run
    for match in matcher.finditer(joined):
        if match.key in used:
            continue
        used.append(match.key)
        firsts.setdefault(bisect_right(offsets, match.start) - 1, []).append(match)
    if not firsts:
        return LinkedPage(fragment, used)
    href = html.escape(glossary_href)
    out: list[str] = []
    position = 0
    for index, matches in sorted(firsts.items()):
        start, end = runs[index]
        text, base = texts[index], offsets[index]
        out.append(fragment[position:start])
        at = 0
        for match in matches:
            term = terms[match.key]
            out.append(html.escape(text[at : match.start - base], quote=False))
            more_words = f' data-sbs-more="{html.escape(more.format(term=term.term))}"' if more else ""
            out.append(
                f'<a class="sbs-term" href="{href}#{term.slug}" '
                f'data-sbs-term="{html.escape(term.term)}" data-sbs-plain="{html.escape(term.plain)}"{more_words}>'
                f"{html.escape(match.text, quote=False)}</a>"
            )
            at = match.end - base
        out.append(html.escape(text[at:], quote=False))
        position = end
    out.append(fragment[position:])
    return LinkedPage("".join(out), used)


def terms_used(fragment: str, matcher: TermMatcher) -> list[str]:
    """Slugs of the terms a fragment uses, in order of first use (code, links and headings excluded)."""
    used: list[str] = []
    for match in matcher.finditer(_page_text(fragment)[2]):
        if match.key not in used:
            used.append(match.key)
    return used


def words_box(slugs: list[str], terms: dict[str, Term], glossary_href: str, heading: str = "", language: str = "en") -> str:
    """The "Words in this module" box: every term the page uses, with its plain meaning."""
    if not slugs:
        return ""
    heading = heading or messages_for(language).gettext("Words in this module")
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
