"""Link glossary terms in a page's HTML and list the words a page uses."""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from sidebyside.content.matching import Match, TermMatcher
from sidebyside.content.model import Term
from sidebyside.render.html_text import text_runs


def matcher_for(terms: list[Term]) -> TermMatcher:
    """One matcher over every form of every term that is linked wherever it appears.

    Words to avoid are not linked; words with an everyday meaning (`everyday: true`)
    are linked only where an author marks them with `{{ term("slug") }}`.
    """
    return TermMatcher((form, term.slug) for term in terms if not term.avoid and not term.everyday for form in term.forms)


def every_term_matcher(terms: list[Term]) -> TermMatcher:
    """A matcher over every form of every term, everyday words included, for the check
    that tells authors where they might mean a word's glossary sense ("process measure"
    is still one term, not the everyday word "measure")."""
    return TermMatcher((form, term.slug) for term in terms if not term.avoid for form in term.forms)


# A term an author marked: a link to its glossary entry, written by hand or by the
# `term()` macro (class sbs-marked). The linker makes it the page's one disclosure for
# that term. Groups: the glossary's address, the slug, the link's text.
MARKED_CLASS = "sbs-marked"
_MARKED = re.compile(r'<a\b[^>]*?\bhref="([^"#]*glossary/(?:index\.html)?)#([^"]+)"[^>]*>(.*?)</a>', re.S)
# The same marks in a handout: the macro's span, or a link to the glossary; the slug in group 1.
_MARKED_ANYWHERE = re.compile(r'<(?:a|span)\b[^>]*?\b(?:href="[^"#]*glossary/(?:index\.html)?#|data-sbs-term=")([^"]+)"')
# Punctuation kept on the same line as the term it touches.
_LEAD = re.compile(r"[\"'“‘(\[]+$")
_TRAIL = re.compile(r"[\"'”’)\].,;:!?…]+")
_LAST_WORD = re.compile(r"\S+$")
_TAGS = re.compile(r"<[^>]*>")


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


def term_html(term: Term, words_html: str, glossary_href: str, lead: str = "", trail: str = "") -> str:
    """One marked term: a link to its meaning that the site's script makes open in place.

    The term, its small icon and the punctuation touching it stay on one line (the
    words of a long term still wrap like any others), so opening the meaning never
    leaves a full stop or a quotation mark on a line of its own. Its accessible name
    says what it does ("chair: what it means") without adding words to the line.
    """
    last = _LAST_WORD.search(words_html)
    head, tail = (words_html[: last.start()], last.group()) if last else ("", words_html)
    head_html = f'<span class="sbs-t-head">{head}</span>' if head else ""
    shown = " ".join(html.unescape(_TAGS.sub("", words_html)).split())
    return (
        f'<span class="sbs-t">{lead}<a class="sbs-term" href="{html.escape(glossary_href)}#{term.slug}" '
        f'aria-label="{html.escape(shown)}: what it means" '
        f'data-sbs-term="{html.escape(term.term)}" data-sbs-plain="{html.escape(term.plain)}">'
        f'{head_html}<span class="sbs-t-end">{tail}</span></a>{trail}</span>'
    )


def link_terms(fragment: str, matcher: TermMatcher, terms: dict[str, Term], glossary_href: str) -> LinkedPage:
    """Link the first use of each term to the glossary, with its plain definition for the disclosure.

    Terms are found by the matcher, or marked by the author with the `term()` macro
    (the only way words with an everyday meaning are linked). Each term is linked
    once a page, where it is first used; a later mark is left as plain text.
    Without JavaScript it is an ordinary link; the site's script makes it open the
    definition in place.
    """
    runs, texts, joined, offsets = _page_text(fragment)
    found = [
        (runs[i][0] + m.start - offsets[i], i, m)
        for m in (matcher.finditer(joined) if matcher else ())
        for i in [bisect_right(offsets, m.start) - 1]
    ]
    marks = [(m.start(), m) for m in _MARKED.finditer(fragment) if m.group(2) in terms]
    used: list[str] = []
    firsts: dict[int, list[Match]] = {}  # run index: the first uses of terms found in that run
    edits: list[tuple[int, int, str]] = []  # (start, end, new HTML) in the fragment
    # Walk both kinds of use in page order: whichever comes first is linked.
    for _, index, match, mark in sorted([(p, i, m, None) for p, i, m in found] + [(p, -1, None, m) for p, m in marks], key=lambda u: u[0]):
        if match is not None:
            if match.key not in used:
                used.append(match.key)
                firsts.setdefault(index, []).append(match)
        elif mark is not None:
            edits.append(_marked_edit(fragment, mark, terms, glossary_href, mark.group(2) in used))
            used.append(mark.group(2))
    taken = list(edits)  # marked terms, with the punctuation they took from the text around them
    for index, matches in firsts.items():
        start, end = runs[index]
        for begin, finish, _ in taken:  # leave out punctuation a marked term next to this text took
            if begin <= start < finish:
                start = finish
            if start <= begin < end:
                end = begin
        cut, whole = start - runs[index][0], texts[index]  # punctuation is the same length escaped or not
        text = whole[cut : len(whole) - (runs[index][1] - end)]
        edits.append((start, end, _linked_run(text, offsets[index] + cut, matches, terms, glossary_href)))
    if not edits:
        return LinkedPage(fragment, list(dict.fromkeys(used)))
    pieces: list[str] = []
    position = 0
    for start, end, new in sorted(edits):
        pieces.append(fragment[position:start])
        pieces.append(new)
        position = end
    pieces.append(fragment[position:])
    return LinkedPage("".join(pieces), list(dict.fromkeys(used)))


def _linked_run(text: str, base: int, matches: list[Match], terms: dict[str, Term], glossary_href: str) -> str:
    """The HTML of one run of text with the terms first used in it marked."""
    out: list[str] = []
    at = 0
    for match in matches:
        begin, finish = match.start - base, match.end - base
        lead = _LEAD.search(text, at, begin)
        trail = _TRAIL.match(text, finish)
        before, after = (lead.start() if lead else begin), (trail.end() if trail else finish)
        out.append(html.escape(text[at:before], quote=False))
        escaped = [html.escape(part, quote=False) for part in (match.text, text[before:begin], text[finish:after])]
        out.append(term_html(terms[match.key], escaped[0], glossary_href, escaped[1], escaped[2]))
        at = after
    out.append(html.escape(text[at:], quote=False))
    return "".join(out)


def _marked_edit(fragment: str, mark: re.Match[str], terms: dict[str, Term], glossary_href: str, again: bool) -> tuple[int, int, str]:
    """A term the author marked with `term()`: linked the first time, plain text after."""
    if again:
        return mark.start(), mark.end(), mark.group(3)
    text_start = fragment.rfind(">", 0, mark.start()) + 1
    lead = _LEAD.search(fragment, text_start, mark.start())
    trail = _TRAIL.match(fragment, mark.end())
    begin, end = (lead.start() if lead else mark.start()), (trail.end() if trail else mark.end())
    return (
        begin,
        end,
        term_html(terms[mark.group(2)], mark.group(3), glossary_href, fragment[begin : mark.start()], fragment[mark.end() : end]),
    )


def terms_used(fragment: str, matcher: TermMatcher, known: dict[str, Term] | frozenset[str] = frozenset()) -> list[str]:
    """Slugs of the terms a fragment uses, in order of first use (code, links and headings
    excluded), with the terms in `known` an author marked (`term()` or a glossary link)."""
    found = [(m.start, m.key) for m in matcher.finditer(_page_text(fragment)[2])] if matcher else []
    marked = [(m.start(), m.group(1)) for m in _MARKED_ANYWHERE.finditer(fragment) if m.group(1) in known]
    return list(dict.fromkeys(slug for _, slug in sorted(found) + sorted(marked)))


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
