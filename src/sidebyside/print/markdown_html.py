"""Markdown to HTML for print, with the same extensions as the website (mkdocs.yml).

The course's own `markdown_extensions` are handed in (see `MarkdownSetup`), so a
footnote or a definition list that works on the web works on paper too.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import markdown

from sidebyside.render.chart_fences import SUPERFENCES, with_chart_fence

EXTENSIONS = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "def_list",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "footnotes",
]
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {"toc": {"permalink": False}}
# Settings that make sense on a screen only: a heading's link mark prints as a stray symbol.
PRINT_OVERRIDES = {"toc": {"permalink": False}}
PLAIN = (str, int, float, bool, type(None))


def _plain(value: object) -> bool:
    """Is this a setting written in mkdocs.yml (text, numbers, lists, mappings), which a cache key can hold?"""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    return isinstance(value, PLAIN)


@dataclass(frozen=True)
class MarkdownSetup:
    """The Markdown extensions and their settings: the course's own, from mkdocs.yml.

    Only plain settings are kept (they go into the handouts' cache keys); the run chart
    fence is added when the Markdown is converted."""

    extensions: tuple[str, ...] = tuple(EXTENSIONS)
    configs: dict[str, dict[str, Any]] = field(default_factory=lambda: dict(EXTENSION_CONFIGS))

    @classmethod
    def of_course(cls, extensions: Iterable[str], configs: dict[str, Any]) -> MarkdownSetup:
        """The site's extensions, with the engine's (footnotes among them) always on and
        screen-only settings turned off."""
        extensions = list(extensions)
        names = list(dict.fromkeys([*extensions, *(name for name in EXTENSIONS if name not in extensions)]))
        merged = {name: {k: v for k, v in dict(configs.get(name) or {}).items() if _plain(v)} for name in names if configs.get(name)}
        for name, override in PRINT_OVERRIDES.items():
            merged.setdefault(name, {}).update(override)
        return cls(tuple(names), merged)

    def for_markdown(self) -> dict[str, dict[str, Any]]:
        """The settings as Python-Markdown takes them, with the run chart fence."""
        configs = {name: dict(value) for name, value in self.configs.items()}
        configs[SUPERFENCES] = with_chart_fence(configs.get(SUPERFENCES))
        return configs


HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)(")', re.I)
DETAILS = re.compile(r"<details(?![^>]*\bopen\b)", re.I)
HEADING_ID = re.compile(r'(<h[1-6][^>]*\bid=")([^"]+)(")', re.I)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


FOOTNOTE_ID = re.compile(r'\b(id="|href="#)(fn(?:ref)?:)')


def to_html(text: str, *, id_prefix: str = "", setup: MarkdownSetup | None = None) -> str:
    """Render Markdown; collapsed details are opened, because paper cannot be clicked.

    `id_prefix` keeps headings and footnotes of several modules in one booklet apart."""
    setup = setup or MarkdownSetup()
    result = markdown.Markdown(extensions=list(setup.extensions), extension_configs=setup.for_markdown()).convert(text)
    result = DETAILS.sub("<details open", result)
    if id_prefix:
        result = HEADING_ID.sub(lambda m: f"{m.group(1)}{id_prefix}{m.group(2)}{m.group(3)}", result)
        result = FOOTNOTE_ID.sub(lambda m: f"{m.group(1)}{id_prefix}{m.group(2)}", result)
    return result


def address_of(href: str) -> str:
    """A source-style link (`../welcome/index.md`, `x.md`) as a site address (`../welcome/`)."""
    path, hash_, anchor = href.partition("#")
    if path.endswith("index.md"):
        path = path[: -len("index.md")]
    elif path.endswith(".md"):
        path = path[: -len(".md")] + "/"
    return path + hash_ + anchor


def absolute_links(fragment: str, page_address: str, site_url: str) -> str:
    """Make relative links absolute web addresses, so they work from paper and PDF readers.

    `page_address` is the page's address on the site (like `modules/welcome/`). Without
    a `site_url` links are left as they are.
    """
    if not site_url:
        return fragment
    base = urljoin(site_url.rstrip("/") + "/", page_address)

    def replace(match: re.Match[str]) -> str:
        href = match.group(2)
        if not href or SCHEME.match(href) or href.startswith("#"):
            return match.group(0)
        href = address_of(href)
        target = urljoin(site_url.rstrip("/") + "/", href.lstrip("/")) if href.startswith("/") else urljoin(base, href)
        return f"{match.group(1)}{target}{match.group(3)}"

    return HREF.sub(replace, fragment)


def join_address(site_url: str, address: str) -> str:
    """The full web address of a site page, or the bare address when there is no site_url."""
    if not site_url:
        return "/" + posixpath.normpath(address).lstrip("./") + ("/" if address.endswith("/") else "")
    return urljoin(site_url.rstrip("/") + "/", address)
