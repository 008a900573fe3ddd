"""Slides for trainers: editable PowerPoint decks made from the same content model as
the website and the handouts, so they never drift from the course or skip its checks.

`plan` turns the course into decks (plain data), `write` draws a deck with python-pptx,
and `pipeline` caches each deck by a hash of everything that goes into it.
"""

from sidebyside.slides.deck import Deck, Slide
from sidebyside.slides.pipeline import DeckSet, SlidesProblem, make_decks, write_decks
from sidebyside.slides.plan import SlideSettings

__all__ = ["Deck", "DeckSet", "Slide", "SlideSettings", "SlidesProblem", "make_decks", "write_decks"]
