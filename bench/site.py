"""Benchmark the website build as a course grows: `./scripts/bench site`.

Generates courses of 50, 100, 200 and 1,000 modules (about 600 words each, a 300-term
glossary, 200 stories; deterministic from a seed) and measures, in one run:

- a plain `mkdocs build` of the same Markdown with Material (the baseline: module
  bodies written as ordinary docs pages, same theme, features and menu structure);
- `sidebyside build`, website only: handouts, the offline copy and the trainer edition
  switched off with the plugin's options, so it builds the baseline's pages;
- the same with the trainer edition on (the default), in all and per page;
- `sidebyside check`;
- handouts, cold and warm, when this copy of the engine has the print side;
- peak memory of every run (maximum resident set size of the child process);
- glossary linking with 30 and with 300 terms (linking alone, and the whole build);
- page weight (HTML + CSS + JS, gzip-compressed) of every page;
- Lighthouse mobile performance, served with compression from 127.0.0.1;
- live preview: how long `sidebyside serve` takes to show an edit to a module.

Timings on a shared machine are noisy, so each figure is the median of several runs,
with the spread, and the aims are judged on ratios to a baseline measured in the same
run. Figures go to stdout and to bench/reports/site.md.

Environment: SIDEBYSIDE_BENCH_DIR (work folder; default a temporary folder in memory,
/dev/shm, where there is one: disk writes on a shared machine were the largest source
of noise, and they cost both builds the same, so leaving them out makes the ratios
stricter, not kinder),
SIDEBYSIDE_BENCH_QUICK=1 (fewer sizes and runs, for trying the bench itself),
SIDEBYSIDE_BENCH_CACHE (where Lighthouse is installed, default ~/.cache/sidebyside-bench).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import http.server
import importlib.util
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402

PYTHON = sys.executable
BIN = Path(PYTHON).parent
QUICK = os.environ.get("SIDEBYSIDE_BENCH_QUICK") == "1"
SIZES = {50: 2, 200: 2, 1000: 1} if QUICK else {50: 5, 100: 5, 200: 5, 1000: 2}
TERMS, STORIES, WORDS, SEED = 300, 200, 600, 1
CACHE = Path(os.environ.get("SIDEBYSIDE_BENCH_CACHE", Path.home() / ".cache" / "sidebyside-bench"))
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")

# The website only: `sidebyside build -f <this>`, a copy of the course's mkdocs.yml with
# the plugin options below. Handouts (PDFs rendered while pages are made, and written
# after the build) and the offline copy (a second whole build, zipped) are switched off
# through the plugin's own options, so the command timed is the real `sidebyside build`.
SITE_ONLY = "mkdocs.site-only.yml"  # handouts and offline copy off; trainer edition off: the same pages as the baseline
WITH_TRAINERS = "mkdocs.site-trainers.yml"  # as above with the trainer edition on (the default): more pages


def site_config(course_dir: Path, name: str, **options: object) -> str:
    """Write a copy of course_dir/mkdocs.yml named `name`, with these `sidebyside` plugin options added."""
    text = (course_dir / "mkdocs.yml").read_text(encoding="utf-8")
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.strip() in ("- sidebyside", "- sidebyside:"):
            indent = " " * (len(line) - len(line.lstrip()) + 4)
            added = [f"{indent}{key}: {json.dumps(value)}" for key, value in options.items()]
            lines[index : index + 1] = [line.rstrip(":") + ":", *added]
            break
    else:
        raise RuntimeError(f"{course_dir / 'mkdocs.yml'} does not list the sidebyside plugin")
    (course_dir / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return name


def site_configs(course_dir: Path) -> None:
    site_config(course_dir, SITE_ONLY, handouts=False, offline_copy=False, trainer_edition=False)
    site_config(course_dir, WITH_TRAINERS, handouts=False, offline_copy=False, trainer_edition=True)


# --- running and timing ----------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    peak_mb: float
    cpu: float = 0.0  # seconds of processor time, helper processes included


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command; its wall time and the peak memory of that process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    output = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed in {cwd} (exit {proc.returncode}):\n{output.decode(errors='replace')[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


@dataclass
class Series:
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def spread(self) -> str:
        times = [r.seconds for r in self.runs]
        return f"{min(times):.2f}–{max(times):.2f}"

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)


def paired(series: dict[str, Series]) -> float:
    """The median of ours / plain over the rounds, each round's two builds made one after the other."""
    return statistics.median(o.seconds / p.seconds for o, p in zip(series["ours"].runs, series["plain"].runs, strict=True))


def fmt_ratio(value: float) -> str:
    return f"{value:.2f}×"


# --- the courses ------------------------------------------------------------------------


def make_course(out: Path, modules: int, terms: int = TERMS) -> Path:
    course = generate(out, modules=modules, terms=terms, stories=STORIES, words=WORDS, seed=SEED)
    site_configs(course)
    return course


def write_plain(course_dir: Path, out: Path, rendered: bool = False) -> Path:
    """The same Markdown as plain MkDocs pages: the baseline.

    Module and story bodies become ordinary docs pages at the same addresses, with the
    same theme, features, Markdown extensions and menu structure, and no Side by Side
    or macros plugin. With `rendered`, the pages are the whole Markdown Side by Side
    makes for them (facts, outcomes, credits, sources, review dates, story cards, the
    A to Z glossary): the same pages less only what the plugin itself does (loading and
    checking the course, macros, term links and the words box).
    """
    from sidebyside.content import load_course
    from sidebyside.render import web_pages
    from sidebyside.render.links import GLOSSARY_INDEX, MODULES_INDEX, STORIES_INDEX, module_src, story_src
    from sidebyside.site import nav

    course, _ = load_course(course_dir)
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    docs.mkdir(parents=True)

    def page(src: str, text: str) -> None:
        path = docs / src
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    shutil.copy(course_dir / "docs" / "index.md", docs / "index.md")
    page(MODULES_INDEX, "# Modules\n\n" + "\n".join(f"1. [{m.title}]({m.slug}/index.md): {m.summary}" for m in course.modules) + "\n")
    for module in course.modules:
        page(module_src(module.slug), f"# {module.title}\n\n{module.summary}\n\n{module.body}\n")
    glossary = ["# Glossary", ""]
    for term in course.terms:
        glossary += [f"## {term.term} {{ #{term.slug} }}", "", term.plain, "", term.body.strip(), ""]
    page(GLOSSARY_INDEX, "\n".join(glossary))
    page(STORIES_INDEX, "# Stories\n\n" + "\n".join(f"- [{s.title}]({s.slug}.md)" for s in course.stories) + "\n")
    for story in course.stories:
        page(story_src(story.slug), f"# {story.title}\n\n{story.body}\n")
    if rendered:
        page(MODULES_INDEX, web_pages.modules_index(course.modules))
        page(GLOSSARY_INDEX, web_pages.glossary_page(course.terms))
        page(STORIES_INDEX, web_pages.stories_index(course.stories))
        for module in course.modules:
            page(module_src(module.slug), web_pages.module_page(module).whole().replace(web_pages.WORDS_SLOT, ""))
        for story in course.stories:
            page(story_src(story.slug), web_pages.story_page(story, course).whole())
    config = yaml.safe_load((course_dir / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if (p if isinstance(p, str) else next(iter(p))) not in ("macros", "sidebyside")]
    config["nav"] = nav.expand(None, course, dt.date(2026, 11, 25), ["index.md"])
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return out


def fresh(site: Path) -> Path:
    """Remove the last run's output first, untimed: both builds would pay to delete it."""
    shutil.rmtree(site, ignore_errors=True)
    return site


def build_plain(plain_dir: Path, site: Path) -> Run:
    fresh(site)
    return run([str(BIN / "mkdocs"), "build", "-q", "-d", str(site)], plain_dir)


def build_ours(course_dir: Path, site: Path, config: str = SITE_ONLY) -> Run:
    fresh(site)
    return run([str(BIN / "sidebyside"), "build", "-f", config, "-d", str(site)], course_dir)


def check_ours(course_dir: Path) -> Run:
    return run([str(BIN / "sidebyside"), "check"], course_dir)


# --- handouts (only when the print side exists) ---------------------------------------


def print_side() -> str:
    """Empty if handouts can be measured here, else why not."""
    spec = importlib.util.find_spec("sidebyside.print")
    if spec is None or not spec.origin or not spec.origin.endswith("__init__.py"):
        return "this copy of the engine has no print side (sidebyside.print), so handouts were not measured"
    helptext = subprocess.run([str(BIN / "sidebyside"), "--help"], capture_output=True, text=True).stdout
    if "handouts" not in helptext:
        return "the command line has no `handouts` command yet, so handouts were not measured"
    return ""


def handouts(course_dir: Path, cold: bool) -> Run:
    if cold:
        for stale in (course_dir / ".sidebyside-cache", course_dir / "site" / "handouts"):
            shutil.rmtree(stale, ignore_errors=True)
    return run([str(BIN / "sidebyside"), "handouts"], course_dir)


# --- page weight ------------------------------------------------------------------------

ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def page_weights(site: Path) -> list[tuple[int, str]]:
    """(compressed bytes of HTML + its CSS + its JS, page) for every page of a built site."""
    asset_sizes: dict[Path, int] = {}
    weights = []
    for page in site.rglob("*.html"):
        html = page.read_bytes()
        total = gz(html)
        for href in ASSET.findall(html.decode("utf-8", errors="replace")):
            if "://" in href or href.startswith("//"):
                continue
            path = (page.parent / href.split("?")[0]).resolve()
            if path not in asset_sizes:
                asset_sizes[path] = gz(path.read_bytes()) if path.is_file() else 0
            total += asset_sizes[path]
        weights.append((total, page.relative_to(site).as_posix()))
    return sorted(weights)


def weight_summary(site: Path) -> dict[str, object]:
    weights = page_weights(site)
    search = site / "search" / "search_index.json"
    return {
        "pages": len(weights),
        "median_kb": statistics.median(w for w, _ in weights) / 1024,
        "largest_kb": weights[-1][0] / 1024,
        "largest_page": weights[-1][1],
        "html_mb": sum(p.stat().st_size for p in site.rglob("*.html")) / 1_000_000,
        "search_index_kb": gz(search.read_bytes()) / 1024 if search.is_file() else 0.0,
    }


# --- glossary linking alone -------------------------------------------------------------


def linking_alone(course_dir: Path, counts: tuple[int, ...] = (30, 300), repeats: int = 5) -> dict[int, float]:
    """Seconds to link terms in every module and story page, with glossaries of each size.

    The pages' HTML is made once; only the term linking is timed, so the figures show
    how linking cost depends on the size of the glossary, over exactly the same text.
    """
    import markdown

    from sidebyside.content import load_course
    from sidebyside.render.terms import link_terms, matcher_for

    course, _ = load_course(course_dir)
    md = markdown.Markdown(extensions=["admonition", "attr_list", "md_in_html", "tables", "toc"])
    pages = []
    for body in [m.body for m in course.modules] + [s.body for s in course.stories]:
        pages.append(md.reset().convert(body))
    result = {}
    for count in counts:
        terms = course.terms[:count]
        matcher = matcher_for(terms)
        by_slug = {t.slug: t for t in terms}
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            for page in pages:
                link_terms(page, matcher, by_slug, "../../glossary/")
            times.append(time.perf_counter() - start)
        result[count] = statistics.median(times)
    return result


# --- serving with compression, Lighthouse -----------------------------------------------

COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def gzip_server(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A tiny static server on 127.0.0.1 that gzips text, as any real host would."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(directory), **kwargs)

        def log_message(self, *args):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    return super().send_head()
                path = path / "index.html"
            if not path.is_file() or path.suffix not in COMPRESS or "gzip" not in self.headers.get("Accept-Encoding", ""):
                return super().send_head()
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            import io

            return io.BytesIO(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse_cli() -> tuple[Path | None, str]:
    """Install lighthouse@12 into a cache folder outside the repository (once)."""
    folder = CACHE / "lighthouse"
    cli = folder / "node_modules" / "lighthouse" / "cli" / "index.js"
    if cli.is_file():
        return cli, ""
    if not shutil.which("npm") or not shutil.which("node"):
        return None, "Node.js and npm are needed for Lighthouse and were not found"
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--silent", "lighthouse@12"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not cli.is_file():
        return None, f"could not install lighthouse@12 with npm: {done.stderr.strip()[-300:]}"
    return cli, ""


def lighthouse(cli: Path, url: str, out: Path) -> dict[str, float]:
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--quiet",
            "--only-categories=performance",
            "--output=json",
            f"--output-path={out}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={**os.environ, "CHROME_PATH": CHROME},
        capture_output=True,
        check=True,
        timeout=240,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "bytes_kb": audits["total-byte-weight"]["numericValue"] / 1024,
    }


# --- live preview -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", errors="replace")
    except Exception:
        return ""


def copy_reference(course: Path) -> Path:
    """A copy of the reference course (content and mkdocs.yml), so nothing is written into the repository."""
    if course.exists():
        shutil.rmtree(course)
    course.mkdir(parents=True)
    for name in ("modules", "glossary", "stories", "docs"):
        shutil.copytree(ROOT / name, course / name)
    shutil.copy(ROOT / "mkdocs.yml", course / "mkdocs.yml")
    return course


def preview_latency(work: Path, edits: int = 5) -> list[float]:
    """Seconds from saving a module of the reference course to the served page showing it."""
    course = copy_reference(work / "reference")
    module = next(p for p in sorted((course / "modules").glob("*/index.md")))
    slug = re.sub(r"^\d+-", "", module.parent.name)
    port = free_port()
    url = f"http://127.0.0.1:{port}/modules/{slug}/"
    server = subprocess.Popen(
        [str(BIN / "sidebyside"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=course,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    latencies = []
    try:
        deadline = time.monotonic() + 120
        while "</html>" not in fetch(url):
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("sidebyside serve did not start")
            time.sleep(0.1)
        time.sleep(1.0)
        original = module.read_text(encoding="utf-8")
        for number in range(1, edits + 1):
            marker = f"Preview marker {number} {time.time_ns()}"
            module.write_text(original + f"\n\n{marker}.\n", encoding="utf-8")
            start = time.perf_counter()
            while marker not in fetch(url):
                if time.perf_counter() - start > 60:
                    raise RuntimeError("the edit never appeared in the preview")
                time.sleep(0.02)
            latencies.append(time.perf_counter() - start)
            time.sleep(1.0)
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    return latencies


# --- the run ----------------------------------------------------------------------------


def main() -> int:
    started = time.perf_counter()
    memory = Path("/dev/shm")
    in_memory = memory.is_dir() and os.access(memory, os.W_OK)
    work = Path(
        os.environ.get("SIDEBYSIDE_BENCH_DIR") or tempfile.mkdtemp(prefix="sidebyside-bench-", dir=str(memory) if in_memory else None)
    )
    work.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    cores = os.cpu_count()
    say("## Website build (`./scripts/bench site`)")
    say()
    say(
        f"Run on {dt.date.today().isoformat()}, {cores} cores shared with other work, Python {sys.version.split()[0]}. "
        f"Courses: N modules of about {WORDS} words, {TERMS} glossary terms, {STORIES} stories, seed {SEED}. "
        "Baseline: a plain `mkdocs build` with Material of the same Markdown (same theme, features and menu). "
        "Times are medians (spread min–max) of the runs shown; pages counts every HTML page built. "
        f"Work folder: {'in memory (/dev/shm)' if str(work).startswith('/dev/shm') else work}. "
        "Before the timed runs, each size is built untimed by every command, so that all timed runs find the same "
        "warm caches (the operating system's, and Side by Side's compiled templates); builds with nothing cached, "
        "as in a fresh clone, are reported on their own."
    )
    say()
    builds: dict[int, dict[str, Series]] = {}
    weights: dict[int, dict[str, object]] = {}
    plain_weights: dict[int, dict[str, object]] = {}
    pages: dict[int, int] = {}
    trainer_pages: dict[int, int] = {}
    first: dict[int, tuple[Series, Series]] = {}  # the untimed cold builds: plain, ours
    for size, repeats in SIZES.items():
        course = make_course(work / f"course-{size}", size)
        plain = write_plain(course, work / f"plain-{size}")
        same = write_plain(course, work / f"same-{size}", rendered=True)
        series = {"plain": Series(), "same": Series(), "ours": Series(), "trainers": Series(), "check": Series()}
        cold = (Series(), Series())
        for _ in range(3 if size < 1000 else 1):  # as in a fresh clone: no compiled templates kept
            shutil.rmtree(course / ".sidebyside-cache", ignore_errors=True)
            cold[0].runs.append(build_plain(plain, work / f"site-plain-{size}"))
            cold[1].runs.append(build_ours(course, work / f"site-ours-{size}"))
        first[size] = cold
        build_plain(same, work / f"site-same-{size}")
        build_ours(course, work / f"site-trainers-{size}", WITH_TRAINERS)
        for _ in range(repeats):  # interleaved, so drift in machine load hits all alike
            series["plain"].runs.append(build_plain(plain, work / f"site-plain-{size}"))
            series["same"].runs.append(build_plain(same, work / f"site-same-{size}"))
            series["ours"].runs.append(build_ours(course, work / f"site-ours-{size}"))
            series["trainers"].runs.append(build_ours(course, work / f"site-trainers-{size}", WITH_TRAINERS))
            series["check"].runs.append(check_ours(course))
        builds[size] = series
        weights[size] = weight_summary(work / f"site-ours-{size}")
        plain_weights[size] = weight_summary(work / f"site-plain-{size}")
        pages[size] = int(weights[size]["pages"])
        trainer_pages[size] = sum(1 for _ in (work / f"site-trainers-{size}").rglob("*.html"))
        if pages[size] != int(plain_weights[size]["pages"]):
            raise RuntimeError(f"{size} modules: ours built {pages[size]} pages, plain {plain_weights[size]['pages']}")
        print(
            f"  {size} modules: plain {series['plain'].median:.2f} s, same pages {series['same'].median:.2f} s, "
            f"ours {series['ours'].median:.2f} s "
            f"({series['ours'].median / series['plain'].median:.2f}×), with trainer edition {series['trainers'].median:.2f} s, "
            f"check {series['check'].median:.2f} s",
            flush=True,
        )

    say("### Build time")
    say()
    say(
        "*Plain* is the baseline of the aim: module and story bodies as plain Material pages. *Same pages* is plain "
        "Material building the whole Markdown Side by Side makes for each page (facts, outcomes, credits, sources, "
        "review dates, story cards, the A to Z glossary), so *ours / same pages* is the cost of the plugin's own work "
        "(loading and checking the course, macros, term links, words box), and the rest of *ours / plain* is the cost "
        "of the extra content every page carries."
    )
    say()
    say(
        f"*sidebyside build* is the real command, `sidebyside build -f {SITE_ONLY}`: a copy of the course's mkdocs.yml "
        "with the plugin options `handouts: false`, `offline_copy: false` and `trainer_edition: false`, so it builds the "
        "website only and exactly the pages the baseline builds (the bench stops if the page counts differ). Handouts "
        "(PDFs) and the offline copy (a second whole build, zipped) are not counted here; handouts are measured below. "
        "The trainer edition (on by default) adds a page per module and three more; it is measured in the next table, "
        "per page as well as in all."
    )
    say()
    say(
        "| modules | pages | runs | plain (s) | same pages (s) | sidebyside build (s) | ours / plain | ours / same pages "
        "| s per page (ours) | sidebyside check (s) | peak memory plain / ours / check (MB) |"
    )
    say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, series in builds.items():
        plain, same, ours, check = series["plain"], series["same"], series["ours"], series["check"]
        say(
            f"| {size} | {pages[size]} | {len(ours.runs)} | {plain.median:.2f} ({plain.spread}) | {same.median:.2f} ({same.spread}) | "
            f"{ours.median:.2f} ({ours.spread}) | **{fmt_ratio(ours.median / plain.median)}** | "
            f"**{fmt_ratio(ours.median / same.median)}** | {ours.median / pages[size]:.4f} | {check.median:.2f} ({check.spread}) | "
            f"{plain.peak_mb:.0f} / {ours.peak_mb:.0f} / {check.peak_mb:.0f} |"
        )
    say()
    say("With the trainer edition (the default; still no handouts or offline copy), against the same plain baseline:")
    say()
    say(
        "| modules | pages (plain) | pages with trainer edition | sidebyside build with trainer edition (s) | ours / plain, in all "
        "| s per page, plain | s per page, ours | ours / plain, per page |"
    )
    say("|---:|---:|---:|---:|---:|---:|---:|---:|")
    per_page = {}
    for size, series in builds.items():
        plain, trainers = series["plain"], series["trainers"]
        plain_each, ours_each = plain.median / pages[size], trainers.median / trainer_pages[size]
        per_page[size] = ours_each / plain_each
        say(
            f"| {size} | {pages[size]} | {trainer_pages[size]} | {trainers.median:.2f} ({trainers.spread}) | "
            f"{fmt_ratio(trainers.median / plain.median)} | {plain_each:.4f} | {ours_each:.4f} | **{fmt_ratio(per_page[size])}** |"
        )
    say()
    worst_same = max(builds[s]["ours"].median / builds[s]["same"].median for s in builds)
    worst = max(builds[s]["ours"].median / builds[s]["plain"].median for s in builds)
    say(
        f"- Aim: at most 1.2× the plain Material build at every size. Worst ratio: **{fmt_ratio(worst)}** "
        f"({'met' if worst <= 1.2 else 'NOT met'}). Against plain Material building the same pages: worst "
        f"**{fmt_ratio(worst_same)}** ({'within' if worst_same <= 1.2 else 'over'} 1.2×). "
        f"With the trainer edition, per page: worst **{fmt_ratio(max(per_page.values()))}**."
    )
    say(
        "- The same comparison run by run (each timed build of ours divided by the plain build just before it, "
        "then the median), which is steadier when the machine's load drifts: "
        + ", ".join(f"{size} modules **{fmt_ratio(paired(builds[size]))}**" for size in builds)
        + "."
    )
    say(
        "- Processor time (all processes, median), plain / ours: "
        + ", ".join(
            f"{size} modules {statistics.median(r.cpu for r in builds[size]['plain'].runs):.2f} s / "
            f"{statistics.median(r.cpu for r in builds[size]['ours'].runs):.2f} s"
            for size in builds
        )
        + ". Ours uses more processor time than it takes, because the checks, the search index and the glossary "
        "links are made in helper processes on the second core while the pages are written."
    )
    say(
        "- Cold builds (no compiled templates kept from an earlier build, as in a fresh clone; median of "
        "3, 1 at 1,000 modules), plain / ours: "
        + ", ".join(
            f"{size} modules {p.median:.2f} s / {o.median:.2f} s (**{fmt_ratio(o.median / p.median)}**)" for size, (p, o) in first.items()
        )
        + "."
    )
    small = 100 if 100 in builds else min(builds)
    growth = builds[1000]["ours"].median / builds[small]["ours"].median
    allowed = 12 * small / 100
    say(
        f"- Aim: linear growth, 1,000 modules at most {allowed:.0f}× the time for {small}. "
        f"Measured: **{fmt_ratio(growth)}** ({'met' if growth <= allowed else 'NOT met'}); "
        f"plain Material grows {fmt_ratio(builds[1000]['plain'].median / builds[small]['plain'].median)}."
    )
    say()

    say("### Page weight (HTML + CSS + JS of each page, gzip-compressed)")
    say()
    say(
        "| modules | build | pages | median page (KB) | largest page (KB) | largest is | "
        "all HTML, uncompressed (MB) | search index, compressed (KB) |"
    )
    say("|---:|---|---:|---:|---:|---|---:|---:|")
    for size in builds:
        for name, summary in (("plain", plain_weights[size]), ("ours", weights[size])):
            say(
                f"| {size} | {name} | {summary['pages']} | {summary['median_kb']:.1f} | {summary['largest_kb']:.1f} | "
                f"`{summary['largest_page']}` | {summary['html_mb']:.1f} | {summary['search_index_kb']:.0f} |"
            )
    worst_median = max(float(w["median_kb"]) for w in weights.values())
    say()
    say(
        f"- Aim: median page under 150 KB. Largest median at any size: **{worst_median:.1f} KB** "
        f"({'met' if worst_median < 150 else 'NOT met'})."
    )
    say(
        "- The search index is fetched by the search box, not counted above; its size grows with the course "
        "and it is listed so that growth is visible."
    )
    say()

    say("### Glossary size and term linking")
    say()
    size = 200
    small_course = make_course(work / "course-200-30terms", size, terms=30)
    big_course = work / f"course-{size}"
    alone = linking_alone(big_course)
    whole = {30: Series(), 300: Series()}
    for _ in range(3):
        whole[30].runs.append(build_ours(small_course, work / "site-30terms"))
        whole[300].runs.append(build_ours(big_course, work / "site-300terms"))
    say(f"Term linking alone, over the same {size} modules and {STORIES} stories (HTML made once), median of 5:")
    say()
    say("| glossary terms | linking (s) | whole build (s), 3 runs |")
    say("|---:|---:|---:|")
    for count in (30, 300):
        say(f"| {count} | {alone[count]:.3f} | {whole[count].median:.2f} ({whole[count].spread}) |")
    say()
    link_ratio = alone[300] / alone[30]
    build_ratio = whole[300].median / whole[30].median
    say(
        f"- Aim: 300 terms cost about the same as 30. Linking alone: **{fmt_ratio(link_ratio)}**; "
        f"whole build: **{fmt_ratio(build_ratio)}**. "
        "(With 300 terms more words on a page are terms, so a little more HTML is written.)"
    )
    say()

    say("### Handouts")
    say()
    why_not = print_side()
    if why_not:
        say(f"Not measured: {why_not}.")
    else:
        for size in (50, 200):
            cold, warm = Series(), Series()
            course = work / f"course-{size}"
            try:
                for _ in range(2 if size == 50 else 1):  # cold handouts of 200 modules take most of a minute
                    cold.runs.append(handouts(course, cold=True))
                    warm.runs.append(handouts(course, cold=False))
            except RuntimeError as exc:
                say(f"- {size} modules: `sidebyside handouts` failed: {str(exc).splitlines()[0]}")
                continue
            say(
                f"- {size} modules: cold {cold.median:.2f} s ({cold.spread}), warm {warm.median:.2f} s ({warm.spread}), "
                f"warm/cold {fmt_ratio(warm.median / cold.median)}, peak memory {max(cold.peak_mb, warm.peak_mb):.0f} MB."
            )
    say()

    say("### Lighthouse (mobile, performance), served gzip-compressed from 127.0.0.1")
    say()
    cli, why_not = lighthouse_cli()
    if cli is None:
        say(f"Not measured: {why_not}.")
    else:
        reference_site = work / "site-reference"
        reference = copy_reference(work / "reference-lighthouse")
        # The pages as readers get them (handout links included); the offline copy does not change them.
        run(
            [
                str(BIN / "sidebyside"),
                "build",
                "-f",
                site_config(reference, "mkdocs.pages.yml", offline_copy=False),
                "-d",
                str(reference_site),
            ],
            reference,
        )
        targets = [
            ("reference course, home", reference_site, ""),
            ("reference course, a module", reference_site, "modules/welcome/"),
            ("reference course, glossary", reference_site, "glossary/"),
            ("1,000 modules, a module", work / "site-ours-1000", "modules/module-0500/"),
        ]
        say(
            "| page | score | first contentful paint (s) | largest contentful paint (s) | "
            "total blocking time (ms) | layout shift | bytes (KB) |"
        )
        say("|---|---:|---:|---:|---:|---:|---:|")
        scores = []
        for label, site, path in targets:
            server, base = gzip_server(site)
            try:
                result = lighthouse(cli, base + path, work / "lighthouse" / f"{len(scores)}.json")
            except (subprocess.SubprocessError, KeyError, ValueError) as exc:
                say(f"| {label} | failed: {type(exc).__name__} | | | | | |")
                continue
            finally:
                server.shutdown()
            scores.append(result["score"])
            say(
                f"| {label} | **{result['score']}** | {result['fcp_s']:.2f} | {result['lcp_s']:.2f} | {result['tbt_ms']:.0f} | "
                f"{result['cls']:.3f} | {result['bytes_kb']:.0f} |"
            )
        say()
        if scores:
            say(f"- Aim: at least 95. Lowest: **{min(scores)}** ({'met' if min(scores) >= 95 else 'NOT met'}).")
    say()

    say("### Live preview")
    say()
    try:
        latencies = preview_latency(work)
    except RuntimeError as exc:
        say(f"Not measured: {exc}.")
    else:
        median = statistics.median(latencies)
        say(
            f"`sidebyside serve` on the reference course; one module file edited {len(latencies)} times; time from saving "
            f"to the served page containing the change: median **{median:.2f} s** (spread {min(latencies):.2f}–{max(latencies):.2f}). "
            f"Aim: under 1 second ({'met' if median < 1 else 'NOT met'})."
        )
    say()
    say(f"Whole benchmark took {(time.perf_counter() - started) / 60:.1f} minutes.")
    (BENCH / "reports").mkdir(exist_ok=True)
    (BENCH / "reports" / "site.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if not os.environ.get("SIDEBYSIDE_BENCH_DIR"):
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
