"""Pages' Markdown as an earlier build converted it, so a warm build converts only what changed.

Turning each page's Markdown into HTML is most of what a warm website build does
beyond plain Material, and when nothing that shapes a page has changed it gives the
same HTML every time. The MkDocs plugin (`site/converted.py`) works out a page's key
from everything the conversion reads (the page's final Markdown, its address and
title, the site's Markdown settings, the other files it may link to, and the code and
libraries that convert it) and keeps what the conversion gave under that key.

Each page is kept in its own file (`.sidebyside-cache/pages/<key>.json`), named by a
keyed hash made with this user's secret (see app/passed_pages.py): a pull request that
adds a file to that folder cannot have it read in place of a page, because it cannot
know the name. The publish gate reads every page as it is published either way.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from sidebyside.app.passed_pages import KEEP_EARLIER, user_secret
from sidebyside.cache_files import keep_out_of_git, write_whole

FOLDER = Path(".sidebyside-cache") / "pages"


class ConvertedPages:
    """What earlier builds' conversions gave, by key; new ones are written as the build goes."""

    def __init__(self, project_dir: Path) -> None:
        self.folder = project_dir / FOLDER
        self._secret = user_secret()
        self._used: set[str] = set()
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        return bool(self._secret)

    def key(self, *parts: str) -> str:
        """The keyed hash of everything a page's conversion reads."""
        digest = hmac.new(self._secret, digestmod=hashlib.sha256)
        for part in parts:
            data = part.encode("utf-8", "surrogatepass")
            digest.update(f"{len(data)}:".encode())
            digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> dict[str, Any] | None:
        """What the conversion gave for this key in an earlier build, if it is kept."""
        if not self._secret:
            return None
        try:
            entry = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not isinstance(entry, dict) or not isinstance(entry.get("html"), str):
            self.misses += 1
            return None
        self._used.add(key)
        self.hits += 1
        return entry

    def put(self, key: str, entry: dict[str, Any]) -> None:
        """Keep a page's conversion (a read-only folder only costs speed)."""
        if not self._secret:
            return
        self._used.add(key)
        with contextlib.suppress(OSError):
            keep_out_of_git(self.folder)
            write_whole(self.folder / f"{key}.json", json.dumps(entry, ensure_ascii=False))

    def save(self) -> None:
        """Tidy up after the build: keep this build's pages and, within a bound, the newest of earlier builds'
        (a course built in turn as the website, a release and a preview keeps each one's pages)."""
        if not self._secret or not self.folder.is_dir():
            return
        with contextlib.suppress(OSError):
            kept = [p for p in self.folder.iterdir() if p.suffix == ".json"]
            bound = KEEP_EARLIER * len(self._used) + 100
            if len(kept) <= bound:
                return
            others = [p for p in kept if p.stem not in self._used]
            others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
            for path in others[max(0, bound - len(self._used)) :]:
                with contextlib.suppress(OSError):
                    path.unlink()
