"""Markdown for links to the trainers' slide decks, from trainer pages and the Handouts page."""

from __future__ import annotations

from collections.abc import Sequence

from sidebyside.render.handout_pages import HandoutInfo, file_size
from sidebyside.render.links import SESSION_DECK, deck_src, module_deck, relative
from sidebyside.render.web_pages import md_text


def _count(deck: HandoutInfo) -> str:
    return f"{deck.pages} slide" + ("" if deck.pages == 1 else "s")


def module_slides(slug: str, decks: Sequence[HandoutInfo], from_src: str) -> str:
    """A trainer page's line about its module's deck; "" when decks are not made."""
    deck = next((d for d in decks if d.name == module_deck(slug)), None)
    if deck is None:
        return ""
    link = relative(from_src, deck_src(deck.name))
    return f"Slides: [download the slides for this module (PowerPoint, {_count(deck)})]({link}), {file_size(deck.size)}. Trainer notes are in the speaker notes.\n"


def session_slides(decks: Sequence[HandoutInfo], from_src: str) -> str:
    """The session plan's list of decks, in the order they are taught."""
    if not decks:
        return ""
    session = [d for d in decks if d.name == SESSION_DECK]
    modules = [d for d in decks if d.name != SESSION_DECK]
    lines = ["## Slides", "", "Editable PowerPoint slides, with the trainer notes as speaker notes.", ""]
    for deck in session + modules:
        lines.append(f"1. [{md_text(deck.title)}]({relative(from_src, deck_src(deck.name))}) ({_count(deck)}, {file_size(deck.size)})")
    return "\n".join(lines) + "\n"
