"""The checks' findings from an earlier build, used again when nothing they read has changed.

The checks read the course's files (modules, glossary, stories, the site's own pages,
the course's jargon lists), its settings and the date, and the engine's code and word
lists; with all of those the same, they find the same things. On a warm build they
took longer than the website itself, so a build kept waiting for them at the end.

The key is a keyed hash (with this user's secret, see app/passed_pages.py) of all of
it: every byte of every file in those folders, the names of the files beside them, the
settings, the date and the engine. A pull request cannot add a file that hides its own
findings, because it cannot know the file's name. `sidebyside check` always checks
afresh; only builds use what is kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from sidebyside.app.passed_pages import user_secret
from sidebyside.app.settings import Settings
from sidebyside.cache_files import keep_out_of_git, write_whole
from sidebyside.findings import Finding, Severity
from sidebyside.fingerprint import canonical, code_fingerprint

FOLDER = Path(".sidebyside-cache") / "findings"
DOCS_AND_LISTS = ("docs", "jargon")  # beside the content folders: the site's own pages, the course's word lists
LIBRARIES = ("wordfreq", "phonenumbers", "nh3", "pyyaml", "markdown", "pymdown-extensions", "google-re2", "pillow", "msgpack")
KEEP = 8  # earlier results kept: the website, a release and a preview each have their own


def _files(folder: Path) -> Iterator[Path]:
    if folder.is_dir() and not folder.is_symlink():
        yield from sorted(p for p in folder.rglob("*") if not any(part.startswith(".") for part in p.relative_to(folder).parts))


class KeptFindings:
    """The findings of earlier builds' checks, by the key of what the checks read."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.folder = settings.project_dir / FOLDER
        self._secret = user_secret()

    def key(self) -> str:
        """The keyed hash of everything the checks read ("" without a secret, or with settings that have no stable text)."""
        if not self._secret:
            return ""
        s = self.settings
        try:
            settings = canonical(s)
        except TypeError:
            return ""
        digest = hmac.new(self._secret, digestmod=hashlib.sha256)
        digest.update(code_fingerprint("checks", (".",), LIBRARIES).encode())  # the whole engine: checks read its word lists too
        digest.update(settings.encode("utf-8", "surrogatepass"))
        digest.update(canonical(s.check_context).encode())
        root = s.root
        with contextlib.suppress(OSError):  # links may name a file beside the course's folders (not the site or caches)
            beside = sorted(p.name for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
            digest.update("\n".join(beside).encode("utf-8", "surrogatepass"))
        for path in [s.config_file, *([root / s.slides_template] if s.slides_template else [])]:
            self._add(digest, path, root)
        for name in (s.modules_dir, s.glossary_dir, s.stories_dir, *DOCS_AND_LISTS):
            for path in _files(root / name):
                self._add(digest, path, root)
        return digest.hexdigest()

    @staticmethod
    def _add(digest: hmac.HMAC, path: Path, root: Path) -> None:
        try:
            data = b"folder" if path.is_dir() else path.read_bytes()
        except OSError:
            data = b"unreadable"
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        digest.update(f"\n{name}:{len(data)}:".encode("utf-8", "surrogatepass"))
        digest.update(data)

    def get(self, key: str) -> list[Finding] | None:
        if not key:
            return None
        try:
            rows = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            return [Finding(**{**row, "severity": Severity(row["severity"])}) for row in rows]
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, findings: list[Finding]) -> None:
        """Keep the findings; only the newest few results are kept (a read-only folder only costs speed)."""
        if not key:
            return
        try:
            keep_out_of_git(self.folder)
            write_whole(self.folder / f"{key}.json", json.dumps([f.to_dict() for f in findings], ensure_ascii=False))
            kept = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in kept[KEEP:]:
                old.unlink()
        except OSError:
            return


def check_with_kept(settings: Settings, check: Callable[[], list[Finding]]) -> list[Finding]:
    """The findings of `check`, or those of an earlier build that read exactly the same things."""
    kept = KeptFindings(settings)
    key = kept.key()
    found = kept.get(key)
    if found is None:
        found = check()
        kept.put(key, found)
    return found
