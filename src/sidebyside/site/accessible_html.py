"""Small, targeted changes to the HTML Material for MkDocs writes, for WCAG 2.2 AA.

Each fix is a pure function from the page's HTML to new HTML. They change only the
few attributes and elements that fail, instead of copying Material's templates, so
an upgrade of Material keeps its own fixes and features. If Material changes its
HTML so that a fix no longer finds what it looks for, the page is left as it was and
`missing_fixes` names the fix: the tests call it on every built page, so the change
is caught before a reader meets it.

No MkDocs here: the functions work on plain strings, for any host that writes
Material's HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from sidebyside.i18n import N_

CONTENT_ID = "sbs-content"
SKIP_TEXT = N_("Skip to main content")

_SKIP_OPEN = '<div data-md-component="skip">'
_CONTENT_OPEN = '<div class="md-content" data-md-component="content">'
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_SCROLL = '<div class="md-search__scrollwrap" tabindex="0"'
_HEADER_TOGGLE = re.compile(r'<label class="md-header__button md-icon" for="(__drawer|__search)">(.*?)</label>', re.S)
_NAV_TITLE = re.compile(
    r'<label class="md-nav__title" for="(__nav_[\d_]+)">\s*(?:<span class="md-nav__icon md-icon"></span>)?\s*([^<]+?)\s*</label>'
)
_NAV_TOGGLE = re.compile(r'(<label class="md-nav__link[^"]*" for="(__nav_[\d_]+)" id="\2_label")')

TOGGLE_NAMES = {"__drawer": N_("Menu"), "__search": N_("Search")}

Words = Callable[[str], str]
"""The engine's words in the page's language (a catalogue's `gettext`); English as it is by default."""


def _english(message: str) -> str:
    return message


def _before(page: str, marker: str) -> int:
    """Where `marker` starts in the page, or the page's length: the header's fix looks
    only at what comes before it, not at the whole page."""
    at = page.find(marker)
    return at if at >= 0 else len(page)


def skip_link(page: str, words: Words = _english) -> str:
    """A skip link on every page (Material only adds one when a page has headings),
    to the page's content, which takes focus so the next Tab starts there."""
    if page.find(_CONTENT_OPEN) < 0:
        return page
    link = f'<div data-md-component="skip"><a href="#{CONTENT_ID}" class="md-skip">{html.escape(words(SKIP_TEXT))}</a></div>'
    skip = page.find(_SKIP_OPEN)
    end = page.find("</div>", skip) if skip >= 0 else -1
    if end >= 0:
        page = page[:skip] + link + page[end + len("</div>") :]
    content = page.find(_CONTENT_OPEN)
    focusable = f'<div class="md-content" data-md-component="content" id="{CONTENT_ID}" tabindex="-1">'
    return page[:content] + focusable + page[content + len(_CONTENT_OPEN) :]


def search_dialog(page: str, words: Words = _english) -> str:
    """Name the search dialog, and drop the extra tab stop on its (closed, invisible) results box."""
    name = html.escape(words(TOGGLE_NAMES["__search"]), quote=True)
    page = page.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{name}">', 1)
    return page.replace(_SEARCH_SCROLL, '<div class="md-search__scrollwrap"', 1)


def header_buttons(page: str, words: Words = _english) -> str:
    """Material opens the menu and the search with <label>s, which a keyboard cannot reach.
    Make them real buttons; sidebyside.js ticks the same hidden checkbox Material watches."""

    def button(match: re.Match[str]) -> str:
        target, icon = match.group(1), match.group(2)
        return (
            f'<button type="button" class="md-header__button md-icon sbs-toggle" data-sbs-toggle="{target}" '
            f'aria-label="{html.escape(words(TOGGLE_NAMES[target]), quote=True)}" aria-expanded="false">{icon}</button>'
        )

    end = _before(page, "</header>")
    return _HEADER_TOGGLE.sub(button, page[:end]) + page[end:]


def section_names(page: str, words: Words = _english) -> str:
    """Menu sections are named by an empty label (only an arrow icon), so every section's
    navigation landmark had no name. Give each label its section's title."""
    titles = {m.group(1): html.unescape(m.group(2)) for m in _NAV_TITLE.finditer(page)}

    def named(match: re.Match[str]) -> str:
        title = titles.get(match.group(2))
        return f'{match.group(1)} aria-label="{html.escape(title)}"' if title else match.group(1)

    return _NAV_TOGGLE.sub(named, page)


FIXES: list[Callable[[str, Words], str]] = [skip_link, search_dialog, header_buttons, section_names]


def apply(page: str, words: Words = _english) -> str:
    """Apply every fix to one page of HTML; the words the fixes add are `words(...)`, in the page's language."""
    for fix in FIXES:
        page = fix(page, words)
    return page


def missing_fixes(page: str) -> list[str]:
    """Which fixes did not find what they look for in a built page (empty when all applied)."""
    missing = []
    if f'href="#{CONTENT_ID}" class="md-skip"' not in page or f'id="{CONTENT_ID}"' not in page:
        missing.append("skip link to the page content")
    if 'role="dialog" aria-label="' not in page and 'data-md-component="search"' in page:
        missing.append("name of the search dialog")
    if 'data-sbs-toggle="__drawer"' not in page:
        missing.append("keyboard button for the menu")
    if re.search(r'aria-labelledby="(__nav_[\d_]+)_label"', page) and not re.search(r'id="__nav_[\d_]+_label"[^>]* aria-label="', page):
        missing.append("names of the menu sections")
    return missing
