"""Let authors link by site address (`../../glossary/#pdsa-cycle`, `../welcome/`).

Contributors see addresses in their browser, not source paths, so we accept both.
Each relative Markdown link whose target is a page's address is rewritten to that
page's source file, so MkDocs checks it like any other link (and warns if it leads
nowhere).
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.structure.files import Files

from sidebyside.render.fences import outside_fences

LINK = re.compile(r"(\]\()(?P<target>[^)\s#]*/)(?P<anchor>#[^)\s]*)?(?P<title>\s+\"[^\"]*\")?\)")


def directory_url(src_uri: str) -> str:
    """A page's address as readers see it online (`modules/welcome/`), whatever
    `use_directory_urls` says, so address links also work in the offline copy."""
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def page_addresses(files: Files) -> dict[str, str]:
    """Map each page's address (like `glossary/`) to its source path."""
    return {directory_url(f.src_uri): f.src_uri for f in files.documentation_pages()}


def rewrite(markdown: str, page_src: str, page_url: str, addresses: dict[str, str]) -> str:
    """Rewrite links to page addresses into links to source files, outside code blocks."""
    if not LINK.search(markdown):  # most pages: one quick look, no line-by-line work
        return markdown
    base = posixpath.dirname(page_src)

    def replace(match: re.Match[str]) -> str:
        target = match.group("target")
        if "://" in target or target.startswith(("/", "mailto:")):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(page_url.rstrip("/"), target))
        resolved = "" if resolved == "." else resolved.rstrip("/") + "/"
        src = addresses.get(resolved)
        if src is None:
            return match.group(0)
        link = posixpath.relpath(src, base or ".")
        return f"{match.group(1)}{link}{match.group('anchor') or ''}{match.group('title') or ''})"

    return outside_fences(markdown, lambda line: LINK.sub(replace, line), lambda line: "](" in line)
