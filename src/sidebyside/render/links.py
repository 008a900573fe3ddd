"""Relative links between the site's source paths, so MkDocs can check every one."""

from __future__ import annotations

import posixpath
import re

from sidebyside.render.fences import outside_fences

MODULES_INDEX = "modules/index.md"
GLOSSARY_INDEX = "glossary/index.md"
STORIES_INDEX = "stories/index.md"


def module_src(slug: str) -> str:
    return f"modules/{slug}/index.md"


SLIDES_DIR = "slides"
SESSION_DECK = "session.pptx"


def module_deck(slug: str) -> str:
    """The file name of a module's slides (PowerPoint), in slides/."""
    return f"{slug}.pptx"


def deck_src(name: str) -> str:
    return f"{SLIDES_DIR}/{name}"


EASY_READ_PAGE = "/easy-read.md"


def easy_read_src(slug: str) -> str:
    """The Easy Read version of a module, read at /modules/<slug>/easy-read/."""
    return f"modules/{slug}{EASY_READ_PAGE}"


def story_src(slug: str) -> str:
    return f"stories/{slug}.md"


def relative(from_src: str, to_src: str) -> str:
    """A Markdown link from one source file to another (both relative to the docs root)."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")


TRAINERS_LANDING = "trainers.md"  # the site's own "For trainers" page, if it has one
TRAINERS_INDEX = "trainers/index.md"  # made for courses without a trainers.md
# Not index.md: Material would make an index.md the front page of its nav section.
SESSION_PLAN = "trainers/session-plan.md"
TRAINER_NOTES = "trainers/notes.md"


def trainer_module_src(slug: str) -> str:
    return f"trainers/modules/{slug}.md"


def page_folder(src: str) -> str:
    """The folder of a page's address (`trainers/notes.md` is read at `trainers/notes/`)."""
    stem = posixpath.splitext(src)[0]
    return posixpath.dirname(stem) if posixpath.basename(stem) in ("index", "README") else stem


_INLINE_LINK = re.compile(r"(?P<open>\]\()(?P<target>[^)\s]+)")
_REFERENCE = re.compile(r"^(?P<open>\s{0,3}\[[^\]]+\]:\s*)(?P<target>\S+)", re.M)


def _is_relative(target: str) -> bool:
    return not (target.startswith(("/", "#", "{", "<")) or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target))


def rebase(markdown: str, from_dir: str, to_dir: str, files_to_dir: str | None = None) -> str:
    """Rewrite relative link and image targets written for a page in `from_dir` so they
    work from a page in `to_dir` (both folders relative to the docs root). Code blocks
    are left alone. Used when a module's text is shown again in the trainer edition.

    Addresses (ending in `/`) are read from the page's address, files (images, `.md`)
    from its source file; give `files_to_dir` when the two folders differ."""

    def replace(match: re.Match[str]) -> str:
        target = match.group("target")
        if not _is_relative(target):
            return match.group(0)
        path, hash_, anchor = target.partition("#")
        if not path:
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(from_dir, path))
        moved = posixpath.relpath(resolved, to_dir if path.endswith("/") or files_to_dir is None else files_to_dir)
        if path.endswith("/") and not moved.endswith("/"):
            moved += "/"
        return f"{match.group('open')}{moved}{hash_}{anchor}"

    return outside_fences(
        markdown, lambda line: _REFERENCE.sub(replace, _INLINE_LINK.sub(replace, line)), lambda line: "](" in line or "]:" in line
    )
