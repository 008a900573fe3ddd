"""Glossary links for every page, made on a second core while MkDocs writes the pages.

MkDocs first turns every page into HTML, then writes the pages one by one. Between
the two (its `env` event) each page's HTML is known, so a forked child links the
terms of all of them, in the order MkDocs will write them, and sends each page back
as it is done. Writing a page takes far longer than linking it, so the writer seldom
waits. A page is linked here instead when no child could be made, when its HTML has
changed since (another plugin), or when the child stopped: the result is the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from sidebyside.content.matching import TermMatcher
from sidebyside.content.model import Term
from sidebyside.forking import ChildFailed, Forked, forking_is_safe
from sidebyside.render import web_pages
from sidebyside.render.terms import link_terms, words_box

# Forking costs a few milliseconds: not worth it for a handful of pages.
FEWEST_PAGES_TO_FORK = 40


@dataclass(frozen=True)
class PageToLink:
    key: str  # the page's source path
    html: str  # its HTML as Markdown made it
    glossary_href: str  # the glossary's address, relative to the page
    words_box: bool  # whether the page lists the words it uses (module pages)


class TermLinker:
    """Links glossary terms and fills the words box, in a child where it can."""

    def __init__(self, matcher: TermMatcher, terms: dict[str, Term]) -> None:
        self.matcher = matcher
        self.terms = terms
        self._child: Forked | None = None
        self._waiting: dict[str, PageToLink] = {}  # sent to the child, not yet back
        self._done: dict[str, str] = {}  # back from the child, not yet asked for

    def link(self, page: PageToLink) -> str:
        """The page's HTML with its terms linked and its words box filled."""
        linked = link_terms(page.html, self.matcher, self.terms, page.glossary_href)
        box = words_box(linked.used, self.terms, page.glossary_href) if page.words_box else ""
        return linked.html.replace(web_pages.WORDS_SLOT, box)

    def start(self, pages: list[PageToLink]) -> None:
        """Begin linking these pages in a child, in this order, when that is safe and worth it."""
        self.close()
        if len(pages) < FEWEST_PAGES_TO_FORK or not forking_is_safe():
            return
        self._waiting = {page.key: page for page in pages}
        self._child = Forked(lambda: ((page.key, self.link(page)) for page in pages), name="sidebyside-term-links")

    def finished(self, page: PageToLink) -> str:
        """The linked HTML of `page`: the child's, when it linked this very HTML; else made now."""
        sent = self._waiting.pop(page.key, None)
        if sent is None or sent.html != page.html or sent.glossary_href != page.glossary_href:
            return self.link(page)
        while page.key not in self._done and self._child is not None:
            self._receive()
        done = self._done.pop(page.key, None)
        return done if done is not None else self.link(page)

    def _receive(self) -> None:
        assert self._child is not None
        try:
            key, html = self._child.receive()
            self._done[key] = html
        except (StopIteration, ChildFailed):
            self.close()

    def close(self) -> None:
        if self._child is not None:
            self._child.close()
        self._child = None
        self._waiting.clear()
        self._done.clear()
