"""Which file a contributor edits for each page of the site, for messages and "Edit this page".

Module, story and glossary pages are made by Side by Side, so their source on the
site (`modules/how-the-nhs-works/index.md`) is not the file in the repository
(`modules/02-how-the-nhs-works/index.md`). These helpers map one to the other.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from sidebyside.render.links import GLOSSARY_INDEX, MODULES_INDEX, STORIES_INDEX, module_src, story_src

if TYPE_CHECKING:
    from sidebyside.content.model import Course
    from sidebyside.site.plugin import SideBySidePlugin


def paths_by_src(course: Course) -> dict[str, Path]:
    """The file each module and story page is made from, by the page's source on the site:
    made once per build, as every page looks its own up (a search per page grew with the
    square of the course's size)."""
    found: dict[str, Path] = {}
    for m in course.modules:
        found.setdefault(module_src(m.slug), m.path)
    for s in course.stories:
        found.setdefault(story_src(s.slug), s.path)
    return found


def source_files(plugin: SideBySidePlugin, src: str) -> list[Path]:
    """The repository files a site page is made from (most pages: one)."""
    course = plugin.course
    if course is not None:
        paths = plugin.source_paths if plugin.source_paths else paths_by_src(course)
        if src in paths:
            return [paths[src]]
        if src == GLOSSARY_INDEX:
            return [t.path for t in course.terms]
        if src in (MODULES_INDEX, STORIES_INDEX):
            return []
    path = plugin.docs_dir / src
    return [path] if path.is_file() else []


def source_folder(plugin: SideBySidePlugin, src: str) -> Path | None:
    """For generated pages made from many files (glossary, indexes), the folder they come from."""
    folders = {
        GLOSSARY_INDEX: plugin.config.glossary_dir,
        MODULES_INDEX: plugin.config.modules_dir,
        STORIES_INDEX: plugin.config.stories_dir,
    }
    return plugin.root / folders[src] if src in folders else None


def _rel(plugin: SideBySidePlugin, path: Path) -> str:
    for base in (plugin.root, plugin.docs_dir.parent):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def source_of(plugin: SideBySidePlugin, markdown: str, line: int | None) -> tuple[str, int]:
    src = plugin.current_src or "index.md"
    files = source_files(plugin, src)
    wanted = ""
    if line and 0 < line <= markdown.count("\n") + 1:
        wanted = markdown.split("\n")[line - 1].strip()
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").split("\n")
        except (OSError, UnicodeDecodeError):
            continue
        if wanted:
            for number, text in enumerate(lines, start=1):
                if text.strip() == wanted:
                    return _rel(plugin, path), number
            for number, text in enumerate(lines, start=1):
                if wanted in text:
                    return _rel(plugin, path), number
    return (_rel(plugin, files[0]) if files else f"{src} (made by Side by Side)"), 0


def edit_url(plugin: SideBySidePlugin, src: str, docs_edit_base: str) -> str | None:
    """The "Edit this page" address for a site page, given the address that edits docs/ files."""
    if not docs_edit_base:
        return None
    folder = source_folder(plugin, src)
    files = source_files(plugin, src)
    if folder is not None:
        target = folder
    elif len(files) == 1:
        target = files[0]
    else:
        return None
    try:
        rel = posixpath.relpath(target.resolve().as_posix(), plugin.docs_dir.resolve().as_posix())
    except ValueError:
        return None
    url = urljoin(docs_edit_base, rel)
    if target.is_dir():
        url = url.replace("/edit/", "/tree/", 1).rstrip("/") + "/"
    return url
