"""Markdown for Easy Read pages, and the links to them from each module page.

An Easy Read page shows each part as a picture on the left and its sentences on the
right, one sentence to a paragraph. Sentences are escaped, so nothing a contributor
writes there becomes HTML; `**bold**` is kept, for the hard word of a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from sidebyside.content.easy_read import EasyRead, Picture
from sidebyside.content.model import Module
from sidebyside.content.pictures import CREDIT_URL, LICENCE_URL
from sidebyside.render.dates import long_date
from sidebyside.render.handout_pages import HandoutInfo, file_size, handout_src, pages
from sidebyside.render.links import easy_read_src, module_src, relative
from sidebyside.render.web_pages import PageMarkdown, admonition_html, html_text, md_text

PICTURES = "assets/sidebyside/pictures/"
EASY_READ_KIND = "easy-read"


def picture_src(picture: Picture) -> str:
    """Where a built-in picture is published on the site."""
    return f"{PICTURES}{picture.name}.svg"


def sentence_markdown(text: str) -> str:
    """A sentence as Markdown: every character escaped, but `**bold**` kept."""
    pieces = text.split("**")
    if len(pieces) % 2 == 0:  # an unpaired ** is just two stars
        return md_text(text)
    return "".join(f"**{md_text(p)}**" if i % 2 else md_text(p) for i, p in enumerate(pieces))


def sentence_html(text: str) -> str:
    """The same for HTML (handouts): escaped, with `**bold**` as <strong>."""
    pieces = text.split("**")
    if len(pieces) % 2 == 0:
        return html_text(text)
    return "".join(f"<strong>{html_text(p)}</strong>" if i % 2 else html_text(p) for i, p in enumerate(pieces))


def status_notes(easy: EasyRead, module: Module) -> list[tuple[str, str]]:
    """(title, text) notices a reader should see first: not tested yet, or older than the main page."""
    notes = []
    if not easy.tested:
        notes.append(
            (
                "Not tested yet",
                "Easy Read is usually checked by people with a learning disability. Nobody has checked this version yet.",
            )
        )
    if easy.module_version != module.version:
        notes.append(("This may be out of date", "The main page has changed since this Easy Read version was written."))
    return notes


def easy_read_page(module: Module, easy: EasyRead) -> PageMarkdown:
    """The Easy Read web page of a module."""
    src = easy_read_src(module.slug)
    page = PageMarkdown()
    text = f"# {md_text(easy.title)}\n\n"
    main = relative(src, module_src(module.slug))
    text += f'<div class="sbs-er-intro sbs-no-terms" markdown>\n\nThis is the Easy Read version of the page [{md_text(module.title)}]({main}).\n\n</div>\n\n'
    notes = "".join(admonition_html("note", title, html_text(note)) for title, note in status_notes(easy, module))
    if notes:
        text += page.part(f'<div class="sbs-er-notes">{notes}</div>')
    for part in easy.parts:
        if part.heading:
            text += f"## {md_text(part.heading)}\n\n"
        text += '<div class="sbs-er-part" markdown>\n\n'
        if part.picture is not None:
            where = relative(src, picture_src(part.picture)) if part.picture.built_in else part.picture.name
            text += f"![{md_text(part.picture.alt)}]({where}){{ .sbs-er-picture }}\n\n"
        text += '<div class="sbs-er-text" markdown>\n\n'
        text += "".join(f"{sentence_markdown(s.text)}\n\n" for s in part.sentences)
        text += "</div>\n</div>\n\n"
    text += "## Who made this page\n\n" + page.part(about_html(easy))
    page.markdown = text
    return page


def about_html(easy: EasyRead) -> str:
    """Who made it, who tested it, when it is reviewed, and where the pictures come from."""
    parts = []
    if easy.co_produced_with:
        people = "".join(f"<li>{html_text(p.credit)}</li>" for p in easy.co_produced_with)
        parts.append(f"<p>This Easy Read version was made by:</p><ul>{people}</ul>")
    if easy.tested:
        people = "".join(f"<li>{html_text(p.credit)}</li>" for p in easy.tested_with)
        parts.append(f"<p>It was tested with:</p><ul>{people}</ul>")
    else:
        parts.append("<p>It has not yet been tested with Easy Read reviewers (people with a learning disability).</p>")
    parts.append(f"<p>Looked after by: {html_text(easy.owner)}.</p>")
    parts.append(f"<p>Last reviewed: {long_date(easy.last_reviewed)}<br />\nNext review due: {long_date(easy.next_review)}</p>")
    if any(p.built_in for p in easy.pictures):
        parts.append(
            f'<p class="sbs-er-credit">Pictures from <a href="{CREDIT_URL}">OpenMoji</a>, the open-source emoji and icon project, '
            f'licensed <a href="{LICENCE_URL}">CC BY-SA 4.0</a>.</p>'
        )
    return '<div class="sbs-about sbs-no-terms">' + "".join(parts) + "</div>"


def easy_read_links(module: Module, handouts: Sequence[HandoutInfo], from_src: str) -> str:
    """The module page's way to its Easy Read version, or a note that there is none yet."""
    if module.easy_read is None:
        return '<div class="sbs-easy-read-link sbs-no-terms" markdown>\n\nThere is no Easy Read version of this page yet.\n\n</div>\n'
    items = [f"- [Read this page in Easy Read]({relative(from_src, easy_read_src(module.slug))}), with pictures and short sentences"]
    pdf = next((h for h in handouts if h.kind == EASY_READ_KIND and h.module == module.slug), None)
    if pdf is not None:
        link = relative(from_src, handout_src(pdf.name))
        items.append(f"- [Download the Easy Read version (PDF, {pages(pdf.pages)})]({link}), {file_size(pdf.size)}")
    return '<div class="sbs-easy-read-link sbs-no-terms" markdown>\n\n' + "\n".join(items) + "\n\n</div>\n"
