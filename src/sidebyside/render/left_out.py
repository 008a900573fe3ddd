"""Remove links to stories that are left out of the website, keeping the link text.

A story whose consent does not cover the website has no page, so a module that links
to it would point at nothing (or, worse, tell readers the story exists). Links are
matched both as source paths (`../../stories/x.md`) and as site addresses (`../../stories/x/`).
"""

from __future__ import annotations

import posixpath
import re

from sidebyside.render.fences import outside_fences

LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\(\s*<?(?P<target>[^)\s#>]*)>?(?P<anchor>#[^)\s]*)?(?:\s+\"[^\"]*\")?\s*\)")


def unlink(markdown: str, page_src: str, page_url: str, left_out_srcs: set[str], left_out_urls: set[str]) -> str:
    """`markdown` with every link to a left-out story replaced by its text."""
    if not left_out_srcs and not left_out_urls:
        return markdown
    src_base = posixpath.dirname(page_src) or "."
    url_base = page_url.rstrip("/") or "."

    def replace(match: re.Match[str]) -> str:
        target = match.group("target")
        if not target or "://" in target or target.startswith(("/", "mailto:")):
            return match.group(0)
        if target.endswith(".md"):
            if posixpath.normpath(posixpath.join(src_base, target)) in left_out_srcs:
                return match.group("text")
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(url_base, target)).rstrip("/") + "/"
        return match.group("text") if resolved in left_out_urls else match.group(0)

    return outside_fences(markdown, lambda line: LINK.sub(replace, line), lambda line: "](" in line)
