"""Markdown for the website's handout links: the Handouts page and each module's download links.

Links point at source paths (`handouts/x.pdf`), so the host checks every one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sidebyside.render.links import deck_src, relative
from sidebyside.render.web_pages import md_text

HANDOUTS_INDEX = "handouts/index.md"


class HandoutInfo(Protocol):
    name: str
    title: str
    kind: str
    description: str
    module: str
    pages: int
    size: int


def handout_src(name: str) -> str:
    return f"handouts/{name}"


def file_size(size: int) -> str:
    """A file size as people read it: 120 KB, 1.4 MB."""
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1000 / 1000:.1f} MB"


def pages(count: int) -> str:
    return f"{count} page" + ("" if count == 1 else "s")


def download_links(handouts: Sequence[HandoutInfo], from_src: str) -> str:
    """The "Download a printable version" links of one module page."""
    by_kind = {h.kind: h for h in handouts}
    items = []
    standard = by_kind.get("participant")
    if standard:
        link = relative(from_src, handout_src(standard.name))
        items.append(f"- [Download a printable version (PDF, {pages(standard.pages)})]({link}), {file_size(standard.size)}")
    large = by_kind.get("large-print")
    if large:
        link = relative(from_src, handout_src(large.name))
        items.append(f"- [Download a large print version (PDF, {pages(large.pages)})]({link}), {file_size(large.size)}")
    if not items:
        return ""
    return '<div class="sbs-handouts sbs-no-terms" markdown>\n\n' + "\n".join(items) + "\n\n</div>\n"


def handouts_page(handouts: Sequence[HandoutInfo], previewing: bool = False) -> str:
    """The Handouts page: every file, with its page count and size."""

    def row(h: HandoutInfo, text: str) -> str:
        link = relative(HANDOUTS_INDEX, deck_src(h.name)) if h.kind == "slides" else h.name
        return f"| [{md_text(text)}]({link}) | {h.pages} | {file_size(h.size)} |"

    def section(heading: str, intro: str, rows: list[str]) -> list[str]:
        if not rows:
            return []
        return [f"## {heading}", "", *([intro, ""] if intro else []), "| Handout | Pages | Size |", "|---|---|---|", *rows, ""]

    def described(h: HandoutInfo) -> str:
        return row(h, f"{h.title}: {h.description[:1].lower()}{h.description[1:]}")

    lines = [
        "# Handouts",
        "",
        "Printable copies of the course, to read on paper or to bring to a session. Each one is a PDF file.",
        "Large print handouts use 18 point text. Every handout shows the web address of the page it came from.",
        "",
    ]
    if previewing:
        lines += ["This is a preview, so the handouts are not made here. Run `sidebyside build` to make them.", ""]
    large = {h.module: h for h in handouts if h.kind == "large-print"}
    modules = []
    for h in (h for h in handouts if h.kind == "participant"):
        modules.append(row(h, h.title))
        if h.module in large:
            modules.append(row(large[h.module], f"{h.title}, large print"))
    lines += section("Modules", "", modules)
    lines += section(
        "Easy Read",
        "Easy Read handouts use short sentences, large text and a picture beside each idea.",
        [row(h, h.description) for h in handouts if h.kind == "easy-read"],
    )
    lines += section("For everyone", "", [described(h) for h in handouts if h.kind in ("jargon-buster", "stories", "contacts")])
    lines += section(
        "For trainers",
        "The trainer pack has notes that participants do not see. Print it from the same version as the handouts.",
        [described(h) for h in handouts if h.kind == "trainer-pack"],
    )
    lines += section(
        "Slides for trainers",
        "Editable PowerPoint slides for teaching the course, with the trainer notes as speaker notes. The table counts slides.",
        [described(h) for h in handouts if h.kind == "slides"],
    )
    return "\n".join(lines)


__all__ = ["HANDOUTS_INDEX", "download_links", "file_size", "handout_src", "handouts_page", "relative"]
