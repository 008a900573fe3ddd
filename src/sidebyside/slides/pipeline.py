"""Make every deck, each cached by a hash of all that goes into it.

The key covers the deck's content (already planned from the course, consent applied),
the template, the pictures and the versions of python-pptx and Side by Side: same key,
same file, copied from the cache rather than drawn again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sidebyside import __version__
from sidebyside.content.model import Course
from sidebyside.slides.deck import Deck
from sidebyside.slides.plan import SlideSettings, plan_decks
from sidebyside.slides.write import TemplateProblem, write_deck

CACHE_FORMAT = "1"


class SlidesProblem(Exception):
    """A deck could not be made; the message says which and what to do."""


@dataclass(frozen=True)
class MadeDeck:
    name: str
    title: str
    description: str
    module: str
    slides: int
    size: int
    path: Path
    fresh: bool
    kind: str = "slides"

    @property
    def pages(self) -> int:
        """The Handouts page's table counts slides as pages."""
        return self.slides


@dataclass
class DeckSet:
    decks: list[MadeDeck]

    def summary(self) -> str:
        fresh = sum(d.fresh for d in self.decks)
        return f"Made {fresh} slide deck{'s' if fresh != 1 else ''}, {len(self.decks) - fresh} from cache."


def deck_key(deck: Deck, template: Path | None) -> str:
    import pptx

    digest = hashlib.sha256()
    digest.update(json.dumps([CACHE_FORMAT, __version__, pptx.__version__, deck.as_data()], sort_keys=True, default=str).encode())
    for path in [template] if template else []:
        digest.update(path.read_bytes())
    for slide in deck.slides:
        for picture in slide.pictures:
            digest.update(picture.path.read_bytes() if picture.path.is_file() else b"missing")
    return digest.hexdigest()[:40]


def _cache(settings: SlideSettings) -> Path:
    folder = settings.cache_dir or settings.root / ".sidebyside-cache" / "slides"
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder.parent / ".gitignore"
    if folder.parent.name == ".sidebyside-cache" and not marker.exists():
        marker.write_text("# Made by Side by Side: this cache folder is never committed.\n*\n", encoding="utf-8")
    return folder


def make_decks(course: Course, settings: SlideSettings) -> DeckSet:
    """Every deck, drawn or found in the cache."""
    cache = _cache(settings)
    made = []
    for deck in plan_decks(course, settings):
        key = deck_key(deck, settings.template)
        path = cache / f"{key}.pptx"
        fresh = not path.is_file()
        if fresh:
            handle, temporary = tempfile.mkstemp(prefix=f".{key}-", suffix=".pptx", dir=cache)
            os.close(handle)
            try:
                write_deck(deck, Path(temporary), settings.template, settings.site_name)
            except TemplateProblem as exc:
                Path(temporary).unlink(missing_ok=True)
                raise SlidesProblem(str(exc)) from None
            except Exception as exc:  # python-pptx's errors are many: say which deck failed
                Path(temporary).unlink(missing_ok=True)
                raise SlidesProblem(f"The slides {deck.name} could not be made: {type(exc).__name__}: {exc}") from None
            os.replace(temporary, path)
        made.append(MadeDeck(deck.name, deck.title, deck.description, deck.module, len(deck.slides), path.stat().st_size, path, fresh))
    return DeckSet(made)


def write_decks(decks: DeckSet, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for deck in decks.decks:
        shutil.copyfile(deck.path, out_dir / deck.name)
        written.append(out_dir / deck.name)
    return written
