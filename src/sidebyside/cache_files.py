"""Files in a course's cache folder (`.sidebyside-cache`): kept out of git, and written whole.

Every cache (converted pages, findings, passed pages, handouts, decks) writes the same
way, so a build stopped half-way never leaves half a file for the next build to read,
and the cache never shows in a contributor's `git status`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

CACHE = ".sidebyside-cache"
GITIGNORE = "# Made by Side by Side: this cache folder is never committed.\n*\n"


def keep_out_of_git(folder: Path) -> None:
    """Mark the cache as never committed, as pytest does with its own: the whole
    `.sidebyside-cache` when `folder` is in it, or `folder` itself when a course puts a cache elsewhere."""
    top = folder.parent if folder.parent.name == CACHE else folder
    marker = top / ".gitignore"
    if not marker.exists():
        top.mkdir(parents=True, exist_ok=True)
        marker.write_text(GITIGNORE, encoding="utf-8")


def write_whole(path: Path, text: str) -> None:
    """Write `path` through a file beside it, so a reader finds the old text or the new, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
