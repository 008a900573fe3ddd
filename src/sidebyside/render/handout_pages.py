"""Markdown for the website's handout links: the Handouts page and each module's download links.

Links point at source paths (`handouts/x.pdf`), so the host checks every one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sidebyside.i18n import messages_for
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


def pages(count: int, language: str = "en") -> str:
    return messages_for(language).ngettext("{count} page", "{count} pages", count).format(count=count)


def in_language(handouts: Sequence[HandoutInfo], language: str, original: str) -> list[HandoutInfo]:
    """The handouts a page in `language` offers: each one in that language where it was made in it
    (same kind, same module), else the original's, in the original's order."""
    mine = {(h.kind, h.module): h for h in handouts if getattr(h, "language", original) == language}
    return [mine.get((h.kind, h.module), h) for h in handouts if getattr(h, "language", original) == original]


def download_links(handouts: Sequence[HandoutInfo], from_src: str, language: str = "en") -> str:
    """The "Download a printable version" links of one module page."""
    _ = messages_for(language).gettext
    by_kind = {h.kind: h for h in handouts}
    items = []
    standard = by_kind.get("participant")
    if standard:
        link = relative(from_src, handout_src(standard.name))
        words = _("Download a printable version (PDF, {pages})").format(pages=pages(standard.pages, language))
        items.append(f"- [{words}]({link}), {file_size(standard.size)}")
    large = by_kind.get("large-print")
    if large:
        link = relative(from_src, handout_src(large.name))
        words = _("Download a large print version (PDF, {pages})").format(pages=pages(large.pages, language))
        items.append(f"- [{words}]({link}), {file_size(large.size)}")
    if not items:
        return ""
    return '<div class="sbs-handouts sbs-no-terms" markdown>\n\n' + "\n".join(items) + "\n\n</div>\n"


def handouts_page(
    handouts: Sequence[HandoutInfo], previewing: bool = False, language: str = "en", original: str = "en", marks: str = ""
) -> str:
    """The Handouts page in `language`: every file, with its page count and size.

    `handouts` are those this page offers (see `in_language`); one still in the `original`
    language has its words marked with `marks` (its lang and dir) on a page in another.
    """
    _ = messages_for(language).gettext

    def row(h: HandoutInfo, text: str) -> str:
        link = relative(HANDOUTS_INDEX, deck_src(h.name)) if h.kind == "slides" else h.name
        words = md_text(text)
        if getattr(h, "language", original) != language and marks:
            words = f"<span{marks}>{words}</span>"
        return f"| [{words}]({link}) | {h.pages} | {file_size(h.size)} |"

    def section(heading: str, intro: str, rows: list[str]) -> list[str]:
        if not rows:
            return []
        head = "| " + " | ".join((_("Handout"), _("Pages"), _("Size"))) + " |"
        return [f"## {heading}", "", *([intro, ""] if intro else []), head, "|---|---|---|", *rows, ""]

    def described(h: HandoutInfo) -> str:
        return row(h, f"{h.title}: {h.description[:1].lower()}{h.description[1:]}")

    lines = [
        "# " + _("Handouts"),
        "",
        _("Printable copies of the course, to read on paper or to bring to a session. Each one is a PDF file."),
        _("Large print handouts use 18 point text. Every handout shows the web address of the page it came from."),
        "",
    ]
    if previewing:
        lines += [_("This is a preview, so the handouts are not made here. Run `sidebyside build` to make them."), ""]
    large = {h.module: h for h in handouts if h.kind == "large-print"}
    modules = []
    for h in (h for h in handouts if h.kind == "participant"):
        modules.append(row(h, h.title))
        if h.module in large:
            modules.append(row(large[h.module], large[h.module].description))
    lines += section(_("Modules"), "", modules)
    lines += section(
        _("Easy Read"),
        _("Easy Read handouts use short sentences, large text and a picture beside each idea."),
        [row(h, h.description) for h in handouts if h.kind == "easy-read"],
    )
    lines += section(_("For everyone"), "", [described(h) for h in handouts if h.kind in ("jargon-buster", "stories", "contacts")])
    lines += section(
        _("For trainers"),
        _("The trainer pack has notes that participants do not see. Print it from the same version as the handouts."),
        [described(h) for h in handouts if h.kind == "trainer-pack"],
    )
    lines += section(
        _("Slides for trainers"),
        _("Editable PowerPoint slides for teaching the course, with the trainer notes as speaker notes. The table counts slides."),
        [described(h) for h in handouts if h.kind == "slides"],
    )
    return "\n".join(lines)


__all__ = ["HANDOUTS_INDEX", "download_links", "file_size", "handout_src", "handouts_page", "in_language", "relative"]
