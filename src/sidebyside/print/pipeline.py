"""Make the PDFs: in parallel across cores, each cached by the hash of all that goes into it.

A handout's key covers its full HTML (content, templates, dates, versions, consent
already applied), its stylesheets, the images it may use, and the versions of
WeasyPrint and Side by Side. Same key, same PDF: it is copied from the cache, not made
again. So a build with nothing changed makes no PDF, and changing one module makes
only that module's handouts and the trainer pack again.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sidebyside import __version__
from sidebyside.content.model import Course
from sidebyside.print.documents import STYLES, Handout, HandoutSettings, plan_handouts

CACHE_FORMAT = "1"
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


# Keys made by this process. The website build asks for the handouts first (to show page
# counts), then the after-build step copies them: both report the same work done.
_MADE_HERE: set[str] = set()


def forget_made_here() -> None:
    """Start counting afresh (for benchmarks that run several builds in one process)."""
    _MADE_HERE.clear()


def _engine_version() -> str:
    import weasyprint

    return weasyprint.__version__


def handout_key(handout: Handout) -> str:
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}:{len(data)}:".encode())
        digest.update(data)

    add("format", CACHE_FORMAT.encode())
    add("sidebyside", __version__.encode())
    add("weasyprint", _engine_version().encode())
    add("variant", PDF_VARIANT.encode())
    add("html", handout.html.encode("utf-8"))
    add("base", handout.base_url.encode())
    for name in handout.stylesheets:
        add(f"css {name}", (STYLES / name).read_bytes())
    add("brand", handout.brand_css.encode())
    for asset in handout.assets:
        try:
            add(f"asset {asset.name}", asset.read_bytes())
        except OSError:
            add(f"asset {asset.name}", b"missing")
    return digest.hexdigest()[:40]


def _cache_dir(settings: HandoutSettings) -> Path:
    if settings.cache_dir is not None:
        return settings.cache_dir
    return settings.root / ".sidebyside-cache" / "handouts"


def _ignore_itself(cache: Path) -> None:
    """Keep the cache out of git in any course repository, as pytest does with its own cache."""
    top = cache.parent if cache.parent.name == ".sidebyside-cache" else cache
    marker = top / ".gitignore"
    if not marker.exists():
        marker.write_text("# Made by Side by Side: this cache folder is never committed.\n*\n", encoding="utf-8")


def _read_entry(cache: Path, key: str) -> int | None:
    meta, pdf = cache / f"{key}.json", cache / f"{key}.pdf"
    if not (meta.is_file() and pdf.is_file()):
        return None
    try:
        return int(json.loads(meta.read_text(encoding="utf-8"))["pages"])
    except (ValueError, KeyError, OSError, TypeError):
        return None


def render_handouts(course: Course, settings: HandoutSettings) -> HandoutSet:
    """Make (or find in the cache) every handout of the course."""
    cache = _cache_dir(settings)
    cache.mkdir(parents=True, exist_ok=True)
    _ignore_itself(cache)
    handouts = plan_handouts(course, settings)
    keys = [handout_key(h) for h in handouts]
    pages: dict[str, int] = {}
    todo: dict[str, Handout] = {}
    for handout, key in zip(handouts, keys, strict=True):
        found = _read_entry(cache, key)
        if found is None:
            todo.setdefault(key, handout)
        else:
            pages[key] = found
    if todo:
        pages.update(_render_many(todo, cache, settings))
        _MADE_HERE.update(todo)
    result = []
    for handout, key in zip(handouts, keys, strict=True):
        path = cache / f"{key}.pdf"
        result.append(
            RenderedHandout(
                name=handout.name,
                title=handout.title,
                kind=handout.kind,
                description=handout.description,
                module=handout.module,
                pages=pages[key],
                size=path.stat().st_size,
                path=path,
                fresh=key in _MADE_HERE,
            )
        )
    return HandoutSet(result)


def _jobs(settings: HandoutSettings, count: int) -> int:
    cores = settings.jobs or os.cpu_count() or 1
    return max(1, min(cores, count))


def _render_many(todo: dict[str, Handout], cache: Path, settings: HandoutSettings) -> dict[str, int]:
    jobs = [(key, h.name, h.html, h.base_url, h.stylesheets, str(settings.root), str(cache), h.brand_css) for key, h in todo.items()]
    workers = _jobs(settings, len(jobs))
    if workers == 1:
        return dict(_render_one(job) for job in jobs)
    # fork is quick and safe while nothing else runs in this process; otherwise spawn.
    method = "fork" if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
        return dict(pool.map(_render_one, jobs))


def _render_one(job: tuple[str, str, str, str, tuple[str, ...], str, str, str]) -> tuple[str, int]:
    """Make one PDF into the cache (runs in a worker process). Returns (key, pages)."""
    from weasyprint import CSS, HTML

    key, name, html, base_url, stylesheets, root, cache_dir, brand_css = job
    cache = Path(cache_dir)
    try:
        document = HTML(string=html, base_url=base_url, url_fetcher=_local_fetcher(Path(root))).render(
            stylesheets=[CSS(filename=str(STYLES / s)) for s in stylesheets] + ([CSS(string=brand_css)] if brand_css else [])
        )
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
