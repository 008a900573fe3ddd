"""Make the PDFs: in parallel across cores, each cached by the hash of all that goes into it.

A handout's key is made from its inputs (see `cache_keys`), before any HTML is
made. Same key, same PDF: it is copied from the cache, and its Markdown is never
converted. So a build with nothing changed makes no PDF, and changing one module makes
only that module's handouts and the trainer pack again.
"""

from __future__ import annotations

import dataclasses
import json
import multiprocessing
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from sidebyside.cache_files import keep_out_of_git
from sidebyside.content.model import Course, Module
from sidebyside.print.cache_keys import engine_fingerprint, handout_key
from sidebyside.print.documents import (
    STYLES,
    Handout,
    HandoutSettings,
    LanguageParts,
    PlannedHandout,
    plan_handouts,
    plan_module_handout,
)

PDF_VARIANT = "pdf/ua-1"  # tagged PDF: structure tree, MarkInfo, Lang, title shown


class HandoutProblem(Exception):
    """A handout could not be made; the message says which one and what to do."""


@dataclass(frozen=True)
class RenderedHandout:
    """A finished PDF in the cache, with what the website says about it."""

    name: str
    title: str
    kind: str
    description: str
    module: str
    pages: int
    size: int
    path: Path
    fresh: bool  # made by this process, rather than found in the cache
    language: str = "en"


@dataclass
class HandoutSet:
    handouts: list[RenderedHandout]

    @property
    def rendered(self) -> int:
        return sum(1 for h in self.handouts if h.fresh)

    @property
    def from_cache(self) -> int:
        return len(self.handouts) - self.rendered

    def summary(self) -> str:
        word = "handout" if self.rendered == 1 else "handouts"
        return f"Rendered {self.rendered} {word}, {self.from_cache} from cache."

    def by_name(self) -> dict[str, RenderedHandout]:
        return {h.name: h for h in self.handouts}


def planned_key(engine: str, settings: HandoutSettings, plan: PlannedHandout, memo: dict[int, tuple[object, str]] | None = None) -> str:
    """A handout's cache key: its name and kind too, as two booklets can be made from the same records."""
    return handout_key(engine, settings, (plan.name, plan.kind, plan.language, plan.inputs), plan.assets, memo)


def _settings_for_key(settings: HandoutSettings) -> HandoutSettings:
    """The settings that change what a handout says (not how many at once, nor where the cache is)."""
    return dataclasses.replace(settings, jobs=0, cache_dir=None)


def _cache_dir(settings: HandoutSettings) -> Path:
    if settings.cache_dir is not None:
        return settings.cache_dir
    return settings.root / ".sidebyside-cache" / "handouts"


def _read_entry(cache: Path, key: str) -> int | None:
    meta, pdf = cache / f"{key}.json", cache / f"{key}.pdf"
    if not (meta.is_file() and pdf.is_file()):
        return None
    try:
        return int(json.loads(meta.read_text(encoding="utf-8"))["pages"])
    except (ValueError, KeyError, OSError, TypeError):
        return None


def render_handouts(
    course: Course,
    settings: HandoutSettings,
    *,
    started: Callable[[int], None] | None = None,
    done: Callable[[], None] | None = None,
) -> HandoutSet:
    """Make (or find in the cache) every handout of the course, in `settings.language`.

    Keys come from the inputs, so only the handouts missing from the cache have their
    HTML made; they are printed on every core. `started(count)` is told how many will
    be made (only when some will), and `done()` is called as each is finished.
    """
    return render_planned(plan_handouts(course, settings), settings, started=started, done=done)


def render_module_handout(
    course: Course, module: Module, settings: HandoutSettings, *, large: bool = False, parts: LanguageParts | None = None
) -> RenderedHandout:
    """One module's handout in `settings.language` (a translated page's), made or found in the cache.

    `module` and `course` hold the translated records; `parts` says which are drafts or
    out of date, so the handout prints the notices its page shows.
    """
    planned = plan_module_handout(course, module, settings, large=large, parts=parts)
    return render_planned([planned], settings).handouts[0]


def render_planned(
    planned: list[PlannedHandout],
    settings: HandoutSettings,
    *,
    started: Callable[[int], None] | None = None,
    done: Callable[[], None] | None = None,
) -> HandoutSet:
    """Make (or find in the cache) the planned handouts."""
    cache = _cache_dir(settings)
    cache.mkdir(parents=True, exist_ok=True)
    keep_out_of_git(cache)
    engine = engine_fingerprint()
    keyed = _settings_for_key(settings)
    memo: dict[int, tuple[object, str]] = {}  # records shared by many handouts are written once
    keys = [planned_key(engine, keyed, p, memo) for p in planned]
    pages: dict[str, int] = {}
    todo: dict[str, PlannedHandout] = {}
    for plan, key in zip(planned, keys, strict=True):
        found = _read_entry(cache, key)
        if found is None:
            todo.setdefault(key, plan)
        else:
            pages[key] = found
    if todo:
        if started is not None:
            started(len(todo))
        pages.update(_render_many(todo, cache, settings, done))
    result = []
    for plan, key in zip(planned, keys, strict=True):
        path = cache / f"{key}.pdf"
        result.append(
            RenderedHandout(
                name=plan.name,
                title=plan.title,
                kind=plan.kind,
                description=plan.description,
                module=plan.module,
                pages=pages[key],
                size=path.stat().st_size,
                path=path,
                fresh=key in todo,
                language=plan.language,
            )
        )
    return HandoutSet(result)


def _jobs(settings: HandoutSettings, count: int) -> int:
    cores = settings.jobs or os.cpu_count() or 1
    return max(1, min(cores, count))


Job = tuple[str, str, str, str, tuple[str, ...], str, str, str]


def _job(key: str, handout: Handout, cache: Path, settings: HandoutSettings) -> Job:
    css = "\n".join(part for part in (handout.css, settings.colours_css) if part)  # the language's fonts, the trust's colours
    return (key, handout.name, handout.html, handout.base_url, handout.stylesheets, str(settings.root), str(cache), css)


def _render_many(
    todo: dict[str, PlannedHandout], cache: Path, settings: HandoutSettings, done: Callable[[], None] | None
) -> dict[str, int]:
    """Make the HTML of each handout here and print them on every core, each sent off as soon as its HTML is made."""
    workers = _jobs(settings, len(todo))
    pages: dict[str, int] = {}
    if workers == 1:
        for key, plan in todo.items():
            got_key, count = _render_one(_job(key, plan.make(), cache, settings))
            pages[got_key] = count
            if done is not None:
                done()
        return pages
    # fork is quick and safe while nothing else runs in this process; otherwise spawn.
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
        futures = [pool.submit(_render_one, _job(key, plan.make(), cache, settings)) for key, plan in todo.items()]
        for future in as_completed(futures):
            got_key, count = future.result()
            pages[got_key] = count
            if done is not None:
                done()
    return pages


def _render_one(job: Job) -> tuple[str, int]:
    """Make one PDF into the cache (runs in a worker process). Returns (key, pages)."""
    from weasyprint import CSS, HTML

    key, name, html, base_url, stylesheets, root, cache_dir, css = job
    cache = Path(cache_dir)
    try:
        sheets = [CSS(filename=str(STYLES / s)) for s in stylesheets] + ([CSS(string=css)] if css else [])
        document = HTML(string=html, base_url=base_url, url_fetcher=_local_fetcher(Path(root))).render(stylesheets=sheets)
        handle, temporary = tempfile.mkstemp(prefix=f".{key}-", suffix=".pdf", dir=cache)
        os.close(handle)
        document.write_pdf(temporary, pdf_variant=PDF_VARIANT)
        os.replace(temporary, cache / f"{key}.pdf")
        (cache / f"{key}.json").write_text(json.dumps({"pages": len(document.pages), "name": name}), encoding="utf-8")
    except Exception as exc:  # WeasyPrint's errors are many; say which handout failed
        raise HandoutProblem(f"The handout {name} could not be made: {type(exc).__name__}: {exc}") from None
    return key, len(document.pages)


def _local_fetcher(root: Path):
    """Fetch only files inside the course folder (and data: addresses): no network, ever."""
    from urllib.parse import unquote, urlparse

    from weasyprint.urls import URLFetcher

    allowed = root.resolve()

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if not path.is_relative_to(allowed):
                    raise ValueError(f"Handouts may only use files inside the course folder, not {path}")
                hidden = [p for p in path.relative_to(allowed).parts if p.startswith(".") and p != ".sidebyside-cache"]
                if hidden:  # .git holds CI's token
                    raise ValueError(f"Handouts never read hidden files or folders such as {hidden[0]}")
            elif parsed.scheme != "data":
                raise ValueError(f"Handouts never fetch from the internet, so {url} was left out")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols=("file", "data"))


def write_handouts(handout_set: HandoutSet, out_dir: Path) -> list[Path]:
    """Copy every finished handout into `out_dir` under its stable name."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for handout in handout_set.handouts:
        target = out_dir / handout.name
        shutil.copyfile(handout.path, target)
        written.append(target)
    return written
