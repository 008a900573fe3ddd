"""The offline copy step: the built site as a zip that opens from a USB stick, search included.

Trainers often teach in venues without Wi-Fi. The website just built is rewritten for
reading from files, not built again: every link to a folder ("modules/first-steps/")
points at its index.html, the search index travels as a script (Material's own
JavaScript loads `search/search_index.js` when a page is opened from a file), and a
local copy of the iframe-worker shim lets the search run from file://. The result goes
into `handouts/<course-name>-offline.zip` (named from `site_name`), with the handouts,
and unzips into a folder of the same name.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sidebyside.app.errors import BuildFailed
from sidebyside.app.settings import Settings
from sidebyside.render.file_links import for_files

if TYPE_CHECKING:
    from sidebyside.app.session import BuildSession

HANDOUTS_DIR = "handouts"
FOLDER = "side-by-side"  # the folder the zip unpacks into, for a course whose name makes no folder name
SHIM = "assets/sidebyside/iframe-worker-shim.js"
SEARCH_JSON = "search/search_index.json"
SEARCH_SCRIPT = "search/search_index.js"
HOW_TO_OPEN = """{name}: the offline copy

1. Unzip this file (on Windows: right-click it and choose "Extract all").
2. Open the folder {folder} and double-click index.html.

Everything works without the internet, including search.
"""
HEAD_END = re.compile(r"</head>", re.I)
# Files that are compressed already: stored as they are, as squeezing them again only costs time.
COMPRESSED = {".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".gz", ".woff", ".woff2", ".zip"}


def offline_names(site_name: str) -> tuple[str, str]:
    """The zip's place in the site and the folder it unpacks into, both named from the course."""
    from sidebyside.new import slugify

    folder = slugify(site_name) or FOLDER
    return f"handouts/{folder}-offline.zip", folder


class OfflineStep:
    """handouts/<course-name>-offline.zip in the built site (switch off with `offline_copy: false`).

    It holds the handouts, so it runs after every other step."""

    name = "offline copy"

    def wanted(self, settings: Settings) -> bool:
        return settings.offline_copy

    def run(self, session: BuildSession, site_dir: Path) -> None:
        zip_name, folder = offline_names(session.settings.site_name)
        target = site_dir / zip_name
        target.parent.mkdir(parents=True, exist_ok=True)
        source = site_dir
        try:
            if left_out_of_copy(session):
                source = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-offline-", dir=site_dir.parent))
                _build_copy(session, site_dir, source)
            files = [p for p in sorted(source.rglob("*")) if p.is_file() and p != target and not p.name.endswith(".zip")]
            with session.progress.task("Offline copy", len(files)) as task:
                _zip(source, files, target, task.advance, Unpacked(session.settings.site_name, folder))
        except OSError as exc:
            raise BuildFailed(f"The offline copy of the site could not be made: {exc}. Check there is space on the disk.") from None
        finally:
            if source != site_dir:
                shutil.rmtree(source, ignore_errors=True)


def left_out_of_copy(session: BuildSession) -> list[str]:
    """The stories the website shows that the offline copy may not carry (their consent does not cover print).

    A copy on a USB stick cannot be recalled, so it is a distributed copy, like a printed handout."""
    course, _ = session.course()
    today = session.settings.today
    return [s.slug for s in course.stories_for("web", today) if not s.allowed("offline", today)]


def _build_copy(session: BuildSession, site_dir: Path, out: Path) -> None:
    """The website built again without those stories (menus, cards, search and all), with the handouts."""
    from sidebyside.app.steps import SiteStep

    copy = session.for_offline_copy()
    SiteStep().run(copy, out)
    handouts = site_dir / HANDOUTS_DIR
    if handouts.is_dir():  # the PDFs and decks; the pages are the copy's own
        shutil.copytree(handouts, out / HANDOUTS_DIR, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.zip", "*.html"))


def offline_page(html: str, rel: str) -> str:
    """A built page, rewritten to be read from files: folder links lead to index.html,
    and the iframe-worker shim comes before Material's scripts."""
    depth = rel.count("/")
    shim = "../" * depth + SHIM
    html = for_files(html)
    tag = f'<script src="{shim}"></script>'
    return HEAD_END.sub(lambda m: tag + m.group(0), html, count=1) if SHIM not in html else html


def offline_search_index(text: str) -> str:
    """search/search_index.js: the index as a script, its locations leading to files."""
    index = json.loads(text)
    for doc in index.get("docs", []):
        location = str(doc.get("location", ""))
        path, hash_mark, anchor = location.partition("#")
        if path == "" or path.endswith("/"):
            path += "index.html"
        doc["location"] = path + hash_mark + anchor
    return "var __index = " + json.dumps(index, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Unpacked:
    """What the zip is called in its how-to note, and the folder it unpacks into."""

    course: str = "Side by Side"
    folder: str = FOLDER


def _zip(site_dir: Path, files: list[Path], target: Path, advance: object, unpacked: Unpacked) -> None:
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("HOW-TO-OPEN.txt", HOW_TO_OPEN.format(name=unpacked.course, folder=unpacked.folder))
        for path in files:
            rel = path.relative_to(site_dir).as_posix()
            name = f"{unpacked.folder}/{rel}"
            if path.suffix == ".html":
                archive.writestr(name, offline_page(path.read_text(encoding="utf-8"), rel))
            elif rel == SEARCH_JSON:
                archive.write(path, name)
                archive.writestr(f"{unpacked.folder}/{SEARCH_SCRIPT}", offline_search_index(path.read_text(encoding="utf-8")))
            else:
                archive.write(path, name, compress_type=zipfile.ZIP_STORED if path.suffix.lower() in COMPRESSED else None)
            if callable(advance):
                advance()
    partial.replace(target)
