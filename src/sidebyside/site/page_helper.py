"""Search entries and glossary links for every page, made on a second core while MkDocs writes the pages.

MkDocs first turns every page into HTML, then writes the pages one by one. Between
the two (its `env` event) each page's HTML is known, so a forked child works through
all of them, in the order MkDocs will write them: it reads each page for the search
index (the work Material's search plugin would do while the page is written) and
links its glossary terms. It sends each page back as it is done; writing a page takes
far longer, so the child is usually well ahead.

A page is done here instead, with the same result, when no child could be made, when
its HTML has changed since the child read it (another plugin), when the child has not
reached it yet (the writer never waits), or when the child stopped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sidebyside.content.matching import TermMatcher
from sidebyside.content.model import Term
from sidebyside.forking import Forked, forking_is_safe
from sidebyside.render import web_pages
from sidebyside.render.terms import link_terms, words_box

# Forking costs a few milliseconds: not worth it for a handful of pages.
FEWEST_PAGES_TO_FORK = 40


@dataclass(frozen=True)
class Linking:
    """How a page's glossary terms are linked."""

    glossary_href: str  # the glossary's address, relative to the page
    words_box: bool  # whether the page lists the words it uses (module pages)


@dataclass
class Done:
    """What the child made of one page."""

    search_entries: list[dict[str, Any]] | None  # None: not indexed by the child
    linked_html: str | None  # None: terms not linked by the child


class PageHelper:
    """Indexes pages for search and links glossary terms, in a child where it can."""

    def __init__(self, matcher: TermMatcher | None, terms: dict[str, Term]) -> None:
        self.matcher = matcher
        self.terms = terms
        self._child: Forked | None = None
        self._sent: dict[str, tuple[str, Linking | None]] = {}  # page: (its HTML, linking) as the child got it
        self._done: dict[str, Done] = {}  # back from the child, not yet used
        self._done_here: set[str] = set()  # pages the writer did not wait for

    def link(self, html: str, linking: Linking) -> str:
        """`html` with its terms linked and its words box filled."""
        assert self.matcher is not None, "no linking is asked for when no term can be linked"
        linked = link_terms(html, self.matcher, self.terms, linking.glossary_href)
        box = words_box(linked.used, self.terms, linking.glossary_href) if linking.words_box else ""
        return linked.html.replace(web_pages.WORDS_SLOT, box)

    def start(self, pages: list[Any], linking: dict[str, Linking], search_index: Any | None) -> None:
        """Begin work on these MkDocs pages in a child, in this order, when that is safe and worth it.

        `linking` says which pages have their terms linked, and how; `search_index` is
        the search plugin's index (Material's `SearchIndex`), or None for no search.
        """
        self.close()
        if len(pages) < FEWEST_PAGES_TO_FORK or not forking_is_safe():
            return
        self._sent = {page.file.src_uri: (page.content, linking.get(page.file.src_uri)) for page in pages}
        index_class, index_config = (type(search_index), search_index.config) if search_index is not None else (None, None)

        def work() -> Any:
            for page in pages:
                entries = None
                if index_class is not None:
                    index = index_class(**index_config)
                    index.add_entry_from_context(page)
                    entries = index.entries
                how = linking.get(page.file.src_uri)
                linked = self.link(page.content, how) if how is not None else None
                yield page.file.src_uri, Done(entries, linked)

        self._child = Forked(work, name="sidebyside-pages")

    def search_entries(self, page: Any) -> list[dict[str, Any]] | None:
        """The search entries the child made for `page`, if it read this very HTML; else None."""
        done = self._take(page.file.src_uri, page.content)
        if done is None or done.search_entries is None:
            return None
        entries, done.search_entries = done.search_entries, None
        if done.linked_html is None:
            self._done.pop(page.file.src_uri, None)
        return entries

    def linked(self, key: str, html: str, linking: Linking) -> str:
        """`html` with its terms linked: the child's work, if it linked this very HTML; else done now."""
        sent = self._sent.get(key)
        done = self._take(key, html) if sent is not None and sent[1] == linking else None
        if done is None or done.linked_html is None:
            return self.link(html, linking)
        linked, done.linked_html = done.linked_html, None
        if done.search_entries is None:
            self._done.pop(key, None)
        return linked

    def _take(self, key: str, html: str | None) -> Done | None:
        """The child's work on this page if it is ready; None means do it here.

        The writer never waits: when the other core is busy (say, with the checks) and
        the child has not reached this page, the page is done here, and the child's
        work on it is dropped when it arrives.
        """
        sent = self._sent.get(key)
        if sent is None or sent[0] != html:
            return None
        while key not in self._done and self._child is not None and self._child.ready():
            try:
                got_key, done = self._child.receive()
                if got_key not in self._done_here:
                    self._done[got_key] = done
            except Exception:  # ended (StopIteration), died or failed: the rest is done here
                self.close(keep_done=True)
        if key not in self._done:
            self._done_here.add(key)
        return self._done.get(key)

    @property
    def working(self) -> bool:
        return self._child is not None

    def close(self, keep_done: bool = False) -> None:
        if self._child is not None:
            self._child.close()
        self._child = None
        if not keep_done:
            self._sent.clear()
            self._done.clear()
            self._done_here.clear()
