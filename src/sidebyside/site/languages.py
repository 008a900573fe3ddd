"""The site in every language, in one MkDocs run: each page of each other language under `<code>/`.

mkdocs-static-i18n builds each language by running the whole MkDocs build again, and
leaves out pages that are not in docs/ (our module, glossary and story pages): see
reference/languages.md. So the plugin adds a copy of every page per language here,
with the translation where there is one and the original (with a notice) where not.
Links stay relative, so the site works under a released version's folder and from files.
"""

from __future__ import annotations

import html
import posixpath
import re
from typing import Any

from sidebyside.content.languages import Language

HTML_OPEN = re.compile(r"<html\b[^>]*>", re.I)
BODY_DIR = re.compile(r'(<body\b[^>]*?\bdir=")[^"]*(")', re.I)
LANG_ATTR = re.compile(r'\s(?:lang|dir)="[^"]*"', re.I)
HREF = re.compile(r'(?P<attr>\b(?:href|src)=")(?P<target>[^"#?]*)(?P<rest>[^"]*")')
MD_LINK = re.compile(r"(?P<open>\]\()(?P<target>[^)\s#?]+)(?P<rest>[^)]*\))")
SWITCHER_LINK = re.compile(r"data-sbs-language=")
GLOSSARY_ENTRY_ANY = re.compile(r'<dt id="(?P<slug>[^"]+)"[^>]*>.*?</dt>\s*<dd[^>]*>', re.S)
GLOSSARY_ENTRY = re.compile(r'<dt id="(?P<slug>[^"]+)">(?P<term>.*?)</dt>(?P<gap>\s*)<dd>(?P<dd>.*?)</dd>', re.S)


def language_src(code: str, src: str) -> str:
    return f"{code}/{src}"


def original_of(src: str, codes: set[str]) -> tuple[str, str]:
    """`cy/modules/x/index.md` -> ("cy", "modules/x/index.md"); a page of the course's own language -> ("", src)."""
    first, _, rest = src.partition("/")
    return (first, rest) if rest and first in codes else ("", src)


def address(url: str) -> str:
    """A page's address as MkDocs gives it (`./` for the home page), as a path from the site's root (`` for home)."""
    return "" if url in ("./", ".") else url.removeprefix("./")


def relative_url(target: str, from_url: str) -> str:
    """The link from a page at `from_url` (site address) to `target` (site address), "./" for itself."""
    target, from_url = address(target), address(from_url)
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    link = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if link == ".":
        return "./"
    return link + "/" if target.endswith("/") and not link.endswith("/") else link


def with_language(html: str, language: Language) -> str:
    """The page's `<html>` tag saying its language and direction, and `<body>` its direction."""

    def replace(match: re.Match[str]) -> str:
        tag = LANG_ATTR.sub("", match.group(0))
        return f'{tag[:5]} lang="{language.html_lang}" dir="{language.direction}"{tag[5:]}'

    html = HTML_OPEN.sub(replace, html, count=1)
    # Material writes the theme's direction on <body> too, which would win for everything inside it.
    return BODY_DIR.sub(lambda m: f"{m.group(1)}{language.direction}{m.group(2)}", html, count=1)


def _resolve(base: str, target: str) -> str:
    joined = posixpath.normpath(posixpath.join(base or ".", target))
    return "" if joined == "." else joined


def relink_shared(text: str, original_base: str, language_base: str, shared: set[str], markdown: bool) -> str:
    """Links from a page's copy in another language to files every language shares (pictures, handouts):
    written for the original's folder, they are pointed back at that file from the copy's folder."""

    def replace(match: re.Match[str]) -> str:
        target = match.group("target")
        if not target or "://" in target or target.startswith(("/", "mailto:", "tel:", "data:")):
            return match.group(0)
        resolved = _resolve(original_base, target)
        if resolved not in shared:
            return match.group(0)
        link = posixpath.relpath(resolved, language_base or ".")
        return f"{match.group('open' if markdown else 'attr')}{link}{match.group('rest')}"

    return (MD_LINK if markdown else HREF).sub(replace, text)


def localise_links(html: str, page_url: str, code: str, twins: set[str]) -> str:
    """Links the theme made (menu, header, footer) to pages of the course's own language, pointed at
    the same pages in the reader's language instead. The language switcher's own links are left alone."""
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"

    def replace(match: re.Match[str]) -> str:
        target = match.group("target")
        if not target or "://" in target or target.startswith(("/", "mailto:", "tel:", "data:")) or match.group("attr") != 'href="':
            return match.group(0)
        resolved = _resolve(base.rstrip("/"), target)
        key = resolved + "/" if resolved and (target.endswith("/") or target in (".", "..")) else resolved
        if key not in twins:
            return match.group(0)
        link = relative_url(f"{code}/{key}", page_url)
        return f"{match.group('attr')}{link}{match.group('rest')}"

    out = []
    for piece in re.split(r"(<a\b[^>]*>)", html):
        out.append(piece if SWITCHER_LINK.search(piece) or not piece.startswith("<a") else HREF.sub(replace, piece))
    return "".join(out)


def mark_untranslated_entries(html: str, slugs: set[str], original: Language, reader: Language, see_also: str) -> str:
    """Glossary entries with no translation yet, on a page in another language: marked as written in the
    original language and direction, so screen readers use the right voice and punctuation stays in place.
    The "See also" line is the engine's, in the reader's language, and is marked so."""
    if not slugs:
        return html
    marks = f' lang="{original.html_lang}" dir="{original.direction}"'
    own = f'<p lang="{reader.html_lang}" dir="{reader.direction}">'

    def entry(match: re.Match[str]) -> str:
        if match.group("slug") not in slugs:
            return match.group(0)
        body = match.group("dd").replace(f"<p>{see_also}", f"{own}{see_also}", 1) if see_also else match.group("dd")
        return f'<dt id="{match.group("slug")}"{marks}>{match.group("term")}</dt>{match.group("gap")}<dd{marks}>{body}</dd>'

    return GLOSSARY_ENTRY.sub(entry, html)


def mark_out_of_date_entries(html: str, notes: dict[str, str]) -> str:
    """Glossary entries whose translation is behind the original: each gets its notice (HTML, by slug) first in its meaning."""
    if not notes:
        return html

    def entry(match: re.Match[str]) -> str:
        return match.group(0) + notes.get(match.group("slug"), "")  # the match ends where the meaning starts

    return GLOSSARY_ENTRY_ANY.sub(entry, html)


MENU_TEXT = re.compile(
    r'(?P<open><(?:span|div) class="md-ellipsis">\s*|<label class="md-nav__title"[^>]*>\s*(?:<span class="md-nav__icon md-icon"></span>)?\s*)'
    r"(?P<text>[^<]*?[^<\s])(?P<close>\s*</(?:span|div|label)>)"
)


def nav_titles(items: Any) -> set[str]:
    """Every title in the theme's menu (sections and pages), as the theme writes them (HTML-escaped)."""
    titles: set[str] = set()
    for item in items or []:
        if getattr(item, "title", None):
            titles.add(html.escape(str(item.title), quote=False))
        titles |= nav_titles(getattr(item, "children", None))
    return titles


def mark_original_titles(page: str, titles: set[str], original: Language) -> str:
    """The menu, the header and the previous/next footer name pages in the course's own language.
    On a page in another language, each such title is marked with its language and direction, so
    a screen reader uses the right voice and, on a right-to-left page, "What is QI?" keeps its
    question mark at its end instead of jumping to the other side."""
    if not titles:
        return page
    marks = f'lang="{original.html_lang}" dir="{original.direction}"'

    def replace(match: re.Match[str]) -> str:
        text = match.group("text")
        if text not in titles:
            return match.group(0)
        return f"{match.group('open')}<span {marks}>{text}</span>{match.group('close')}"

    return MENU_TEXT.sub(replace, page)
