"""Material's search index, with the pages read on the second core (see page_helper.py).

Material's search plugin reads every page as MkDocs writes it. When the page helper
has already read a page in its child process, the index takes the child's entries
instead of reading the page again; any page the child did not read (or read before
another plugin changed it) is read here as before, so the index is the same.
"""

from __future__ import annotations

from typing import Any

from material.plugins.search.plugin import SearchIndex, SearchPlugin

from sidebyside.site.page_helper import PageHelper


def index_to_help(plugins: Any) -> SearchIndex | None:
    """The index of Material's search plugin, if a full build is making one."""
    search = plugins.get("material/search")
    if not isinstance(search, SearchPlugin) or not search.config.enabled or search.is_dirty:
        return None
    index = getattr(search, "search_index", None)
    return index if type(index) is SearchIndex else None


def let_helper_index(plugins: Any, helper: PageHelper) -> None:
    """Have the search plugin take the helper's entries for the pages it has read."""
    search = plugins["material/search"]
    search.search_index = HelpedSearchIndex(search.search_index, helper)


class HelpedSearchIndex(SearchIndex):
    def __init__(self, original: SearchIndex, helper: PageHelper) -> None:
        super().__init__(**original.config)
        self.entries = original.entries
        self.helper = helper

    def add_entry_from_context(self, page: Any) -> None:
        entries = self.helper.search_entries(page)
        if entries is None:
            super().add_entry_from_context(page)
        else:
            self.entries.extend(entries)
