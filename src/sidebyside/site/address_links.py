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

LINK = re.compile(r"(\]\()(?P<target>[^)\s#]*/)(?P<anchor>#[^)\s]*)?(?P<title>\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^(\s*)(```|~~~)")


def page_addresses(files: Files) -> dict[str, str]:
    """Map each page's address (like `glossary/`) to its source path."""
    return {f.url: f.src_uri for f in files.documentation_pages()}


def rewrite(markdown: str, page_src: str, page_url: str, addresses: dict[str, str]) -> str:
    """Rewrite links to page addresses into links to source files, outside code blocks."""
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

    out: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        out.append(line if fenced or "](" not in line else LINK.sub(replace, line))
    return "\n".join(out)
