"""Write an imported document as a module folder: front matter filled where the
document says (title, headings), FILL IN prompts where it cannot (outcomes, time,
review, sources: errors in `sidebyside check` until replaced), pictures cleaned."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sidebyside.checks.fill_in import MARKER
from sidebyside.importing.convert import ImportProblem, to_markdown
from sidebyside.importing.dialects import clean
from sidebyside.importing.images import clean_copy
from sidebyside.new import _quote, slugify

IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?P<rest>[^)]*)\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.M)


@dataclass
class Imported:
    index: Path
    notes: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    images: int = 0


def _title_and_body(markdown: str, fallback: str) -> tuple[str, str]:
    """The first top heading is the title (the page shows it); other headings move down
    a level when the document used more than one top heading."""
    first = re.search(r"^#\s+(.+?)\s*#*\s*$", markdown, re.M)
    title = fallback
    if first and not markdown[: first.start()].strip():
        title = first.group(1).strip()
        markdown = markdown[first.end() :]
    elif first:
        title = fallback or first.group(1).strip()
    if re.search(r"^#\s", markdown, re.M):
        markdown = HEADING.sub(lambda m: f"{'#' * min(len(m.group(1)) + 1, 6)} {m.group(2)}", markdown)
    return title, markdown.strip() + "\n"


def _pictures(markdown: str, media: Path, folder: Path, notes: list[str]) -> tuple[str, int]:
    """Copy each picture found under `media` (and only there) into the module, cleaned."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        src = (media / match.group("src")).resolve()
        if not src.is_relative_to(media) or not src.is_file():
            notes.append(f"the picture {match.group('src')} was not in the file, so it was left out: add it to the module folder.")
            return match.group("alt")
        count += 1
        target = clean_copy(src, folder / "images" / f"picture-{count}{src.suffix.lower()}")
        alt = match.group("alt").strip()
        if not alt:
            notes.append(f"{target.relative_to(folder).as_posix()} has no description (alt text): write one in the ![...] brackets.")
        return f"![{alt}](images/{target.name})"

    return IMAGE.sub(replace, markdown), count


def _front_matter(title: str, summary: str, order: int, today: dt.date) -> str:
    return f"""---
title: {_quote(title)}
summary: {_quote(summary)}   # {MARKER} one plain sentence about what this module covers
order: {order}
duration: 20                # {MARKER} about how many minutes this takes in a session
outcomes:
  - "{MARKER} one line for each thing people will know or be able to do"
co_produced_with: []        # each person who made or checked it: name, role, display
owner: Course team          # {MARKER} the team that looks after this module
last_reviewed: {today.isoformat()}   # {MARKER} the date someone last checked it is right
next_review: {today.replace(year=today.year + 1, day=min(today.day, 28)).isoformat()}   # {MARKER} when it must be checked again
version: "0.1"
changes:
  - version: "0.1"
    date: {today.isoformat()}
    changed: Imported from another document.
sources: []                 # {MARKER} where its facts come from: title, url, accessed
# adapted_from:             # if it comes from someone else's open material, say so:
#   title: The original's title
#   author: Who made it
#   url: https://where-it-came-from.example.org/
#   licence: CC-BY-4.0      # an SPDX id, such as CC-BY-4.0, OGL-UK-3.0 or MIT
#   changes: What you changed
---
"""


def import_document(source: Path, modules_dir: Path, today: dt.date) -> Imported:
    """Import `source` into a new folder under `modules_dir`."""
    if not source.is_file():
        raise ImportProblem(f"Could not find {source}. Check the file name and where it is.")
    notes: list[str] = []
    text = None
    header_title = ""
    if source.suffix.lower() in (".md", ".rmd", ".myst"):
        cleaned = clean(source.read_text(encoding="utf-8", errors="replace"))
        text, header_title = cleaned.text, cleaned.title
        notes += cleaned.notes
    with tempfile.TemporaryDirectory(prefix="sidebyside-import-") as temporary:
        # Markdown dialects are already Markdown once cleaned: pandoc would turn their boxes
        # into code. Their pictures may come only from the file's own folder.
        media = source.parent.resolve() if text is not None else Path(temporary).resolve()
        markdown = text if text is not None else to_markdown(source, None, media)
        fallback = header_title or source.stem.replace("-", " ").replace("_", " ").capitalize()
        title, body = _title_and_body(markdown, header_title)
        title = title or fallback
        slug = slugify(title) or "imported"
        existing = sorted(p.name for p in modules_dir.iterdir() if p.is_dir()) if modules_dir.is_dir() else []
        if any(re.sub(r"^\d+-", "", name) == slug for name in existing):
            raise ImportProblem(f"A module called {slug} is already in {modules_dir.name}/. Rename or move it first, or rename the file.")
        order = max((int(m.group(1)) for n in existing if (m := re.match(r"^(\d+)-", n))), default=0) + 1
        folder = modules_dir / f"{order:02d}-{slug}"
        folder.mkdir(parents=True)
        body, images = _pictures(body, media, folder, notes)
    first_paragraph = next(
        (p.strip() for p in body.split("\n\n") if p.strip() and not p.lstrip().startswith(("#", "!", "|", "-", "*"))), ""
    )
    summary = re.sub(r"[*_`\[\]]", "", first_paragraph.split(". ")[0]).strip()[:150] or f"What {title} is about."
    index = folder / "index.md"
    index.write_text(_front_matter(title, summary, order, today) + "\n" + body, encoding="utf-8")
    headings = [m.group(2) for m in HEADING.finditer(body)]
    return Imported(index, notes, headings, images)
