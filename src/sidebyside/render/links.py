"""Relative links between the site's source paths, so MkDocs can check every one."""

from __future__ import annotations

import posixpath

MODULES_INDEX = "modules/index.md"
GLOSSARY_INDEX = "glossary/index.md"
STORIES_INDEX = "stories/index.md"


def module_src(slug: str) -> str:
    return f"modules/{slug}/index.md"


def story_src(slug: str) -> str:
    return f"stories/{slug}.md"


def relative(from_src: str, to_src: str) -> str:
    """A Markdown link from one source file to another (both relative to the docs root)."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
