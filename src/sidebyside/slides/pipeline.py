"""Make every deck, each cached by a hash of all that goes into it.

The key covers the deck's content (already planned from the course, consent applied),
the template, the pictures and the versions of python-pptx and Side by Side: same key,
same file, copied from the cache rather than drawn again.

Planning the decks reads every module again (a tenth of a warm website build at 100
modules), so the list of decks made is also kept under a key of the inputs (the course
as read, the settings, the template, the pictures and the engine's code): when none of
them changed, the decks are taken from the cache without planning.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sidebyside import __version__
from sidebyside.cache_files import keep_out_of_git, write_whole
from sidebyside.content.model import Course
from sidebyside.fingerprint import canonical, code_fingerprint, inputs_key
from sidebyside.forking import forking_is_safe
from sidebyside.slides.deck import Deck
from sidebyside.slides.plan import SlideSettings, plan_decks
from sidebyside.slides.write import TemplateProblem, write_deck

CACHE_FORMAT = "1"
PLANS = "plans"  # the decks made from each set of inputs, under the slides cache
KEEP_PLANS = 8
PLANNING_CODE = ("slides", "content", "render", "charts")


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
    keep_out_of_git(folder)
    return folder


def decks_key(course: Course, settings: SlideSettings) -> str:
    """A key of everything the decks are planned and drawn from, before any planning."""
    import pptx

    engine = code_fingerprint(f"slides format {CACHE_FORMAT} sidebyside {__version__} pptx {pptx.__version__}", PLANNING_CODE, ("pillow",))
    pictures = [settings.template] if settings.template else []
    pictures += [(m.path.parent / image.src).resolve() for m in course.modules for block in m.slides for image in block.images]
    return inputs_key(engine, (("settings", canonical(settings)), ("course", canonical(course))), pictures)


def _remembered(cache: Path, key: str) -> DeckSet | None:
    """The decks made before from the same inputs, if every file is still in the cache."""
    try:
        records = json.loads((cache / PLANS / f"{key}.json").read_text(encoding="utf-8"))
        decks = [MadeDeck(**{**r, "path": cache / r["path"], "fresh": False}) for r in records]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if not all(d.path.parent == cache and d.path.is_file() for d in decks):
        return None
    with contextlib.suppress(OSError):  # the newest used are the ones kept
        (cache / PLANS / f"{key}.json").touch()
    return DeckSet(decks)


def _remember(cache: Path, key: str, decks: DeckSet) -> None:
    """Keep this set's list of decks, and the newest few others (a course built in turn with
    other settings, a release say, keeps each)."""
    folder = cache / PLANS
    folder.mkdir(exist_ok=True)
    records = [{**dataclasses.asdict(d), "path": d.path.name, "fresh": False} for d in decks.decks]
    write_whole(folder / f"{key}.json", json.dumps(records))
    older = sorted((p for p in folder.glob("*.json") if p.name != f"{key}.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in older[KEEP_PLANS - 1 :]:
        old.unlink(missing_ok=True)


def make_decks(course: Course, settings: SlideSettings) -> DeckSet:
    """Every deck, drawn or found in the cache."""
    cache = _cache(settings)
    inputs = decks_key(course, settings)
    remembered = _remembered(cache, inputs)
    if remembered is not None:
        return remembered
    planned = [(deck, deck_key(deck, settings.template)) for deck in plan_decks(course, settings)]
    todo = {key: deck for deck, key in planned if not (cache / f"{key}.pptx").is_file()}
    _draw_all(list(todo.items()), cache, settings)
    made = []
    for deck, key in planned:
        path = cache / f"{key}.pptx"
        made.append(
            MadeDeck(deck.name, deck.title, deck.description, deck.module, len(deck.slides), path.stat().st_size, path, key in todo)
        )
    decks = DeckSet(made)
    with contextlib.suppress(OSError):  # a read-only cache only costs speed
        _remember(cache, inputs, decks)
    return decks


def _draw_all(todo: list[tuple[str, Deck]], cache: Path, settings: SlideSettings) -> None:
    """Draw each deck into the cache, on every core when there are several (a course's first
    build draws one deck per module)."""
    workers = min(len(todo), os.cpu_count() or 1)
    if workers <= 1 or not forking_is_safe():
        for key, deck in todo:
            _draw(key, deck, cache, settings.template, settings.site_name)
        return
    largest_first = sorted(todo, key=lambda item: -len(item[1].slides))  # the whole session's deck takes longest
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for future in [pool.submit(_draw, key, deck, cache, settings.template, settings.site_name) for key, deck in largest_first]:
            future.result()  # the first deck that failed says why


def _draw(key: str, deck: Deck, cache: Path, template: Path | None, site_name: str) -> None:
    """Draw one deck into the cache under its key (perhaps in a worker process)."""
    handle, temporary = tempfile.mkstemp(prefix=f".{key}-", suffix=".pptx", dir=cache)
    os.close(handle)
    try:
        write_deck(deck, Path(temporary), template, site_name)
    except TemplateProblem as exc:
        Path(temporary).unlink(missing_ok=True)
        raise SlidesProblem(str(exc)) from None
    except Exception as exc:  # python-pptx's errors are many: say which deck failed
        Path(temporary).unlink(missing_ok=True)
        raise SlidesProblem(f"The slides {deck.name} could not be made: {type(exc).__name__}: {exc}") from None
    os.replace(temporary, cache / f"{key}.pptx")


def write_decks(decks: DeckSet, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for deck in decks.decks:
        shutil.copyfile(deck.path, out_dir / deck.name)
        written.append(out_dir / deck.name)
    return written
