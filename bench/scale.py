"""The reference course scaled up by copying its own modules: our build against plain Material.

Makes the reference course at 100 and 1,000 modules (each module folder copied
again and again, numbered, so the text is the course's own), then measures in one run:

- the website (`sidebyside build` with handouts, slides, offline copy and trainer edition
  off, in the course's own language only) against plain Material building the same
  module, story and glossary texts, with the same menu (Modules, then groups of 20, with
  `navigation.prune`);
- the website in every language the course has (the reference course has English, Welsh
  and Urdu, so every page is made three times), against the same plain Material;
- 1,000 modules against 100;
- the whole default build (website, trainer edition, handouts, offline copy), warm,
  against the website alone (at 100 modules: a cold build of 1,000 modules' handouts
  would take most of an hour);
- cold figures: each build with nothing cached.

Timings are medians; ratios are judged in this run only, because the machine is shared.
Writes bench/reports/scale.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REPORT = REPO / "bench" / "reports" / "scale.md"
GROUP = 20
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _split(text: str) -> tuple[str, str]:
    match = FRONT.match(text)
    return (match.group(1), text[match.end() :]) if match else ("", text)


def scale_course(target: Path, modules: int) -> Path:
    """The reference course with `modules` modules, copies of its own, numbered."""
    for name in ("docs", "glossary", "stories"):
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    originals = sorted(p for p in (REPO / "modules").iterdir() if p.is_dir() and (p / "index.md").is_file())
    for number in range(1, modules + 1):
        source = originals[(number - 1) % len(originals)]
        slug = source.name.split("-", 1)[1]
        copy = number > len(originals)
        folder = target / "modules" / (f"{number:04d}-{slug}-{number}" if copy else f"{number:04d}-{slug}")
        shutil.copytree(source, folder)
        if copy:
            index = folder / "index.md"
            front, body = _split(index.read_text(encoding="utf-8"))
            title = f"{yaml.safe_load(front)['title']} ({number})"  # quoted again: the title may be quoted already
            front = re.sub(r"^title: .*$", lambda _m, t=title: f"title: {json.dumps(t, ensure_ascii=False)}", front, count=1, flags=re.M)
            front = re.sub(r"^order: .*$", f"order: {number}", front, count=1, flags=re.M)
            index.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
        else:
            index = folder / "index.md"
            front, body = _split(index.read_text(encoding="utf-8"))
            front = re.sub(r"^order: .*$", f"order: {number}", front, count=1, flags=re.M)
            index.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    return target


TRANSLATIONS = re.compile(r"^      translations:\n(?:        .*\n)+", re.M)


def _options(course: Path, name: str, one_language: bool = False, **options: object) -> Path:
    text = (course / "mkdocs.yml").read_text(encoding="utf-8")
    if one_language:
        text, found = TRANSLATIONS.subn("", text)
        assert found == 1, "the reference course's mkdocs.yml no longer lists `translations:` as the bench expects"
    extra = "".join(f"      {key}: {str(value).lower() if isinstance(value, bool) else value}\n" for key, value in options.items())
    text = text.replace("  - sidebyside:\n", "  - sidebyside:\n" + extra, 1)
    path = course / name
    path.write_text(text, encoding="utf-8")
    return path


def plain_material(course: Path, target: Path) -> Path:
    """Plain Material building the same module, story and glossary texts, with the same menu groups."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#"))
    docs = target / "docs"
    shutil.copytree(course / "docs", docs)
    entries = []
    for folder in sorted(p for p in (course / "modules").iterdir() if p.is_dir()):
        front, body = _split((folder / "index.md").read_text(encoding="utf-8"))
        title = str(yaml.safe_load(front).get("title", folder.name))
        slug = folder.name.split("-", 1)[1]
        page = docs / "modules" / slug / "index.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"# {title}\n\n{body}", encoding="utf-8")
        for asset in folder.iterdir():
            if asset.is_file() and asset.name != "index.md" and asset.suffix != ".md":
                shutil.copy(asset, page.parent / asset.name)
        entries.append({title: f"modules/{slug}/index.md"})
        easy = folder / "easy-read.md"
        if easy.is_file():  # ours makes an Easy Read page too (out of the menu): so does this
            (page.parent / "easy-read.md").write_text(_split(easy.read_text(encoding="utf-8"))[1], encoding="utf-8")
    (docs / "modules" / "index.md").write_text("# Modules\n\nEvery module, in order.\n", encoding="utf-8")
    groups = [{f"Modules {i + 1} to {min(i + GROUP, len(entries))}": entries[i : i + GROUP]} for i in range(0, len(entries), GROUP)]
    stories = []
    for path in sorted((course / "stories").glob("*.md")):
        front, body = _split(path.read_text(encoding="utf-8"))
        title = str((yaml.safe_load(front) or {}).get("title", path.stem))
        (docs / "stories").mkdir(exist_ok=True)
        (docs / "stories" / f"{path.stem}.md").write_text(f"# {title}\n\n{body}", encoding="utf-8")
        stories.append({title: f"stories/{path.stem}.md"})
    (docs / "stories" / "index.md").write_text("# Stories\n\nEvery story.\n", encoding="utf-8")
    words = ["# Glossary\n"]
    for path in sorted((course / "glossary").glob("*.md")):
        front, body = _split(path.read_text(encoding="utf-8"))
        meta = yaml.safe_load(front) or {}
        words.append(f"## {meta.get('term', path.stem)}\n\n{meta.get('plain', '')}\n\n{body}\n")
    (docs / "glossary.md").write_text("\n".join(words), encoding="utf-8")
    docs_pages = [p.relative_to(docs).as_posix() for p in sorted(docs.glob("*.md"))]
    nav = [
        {"Home": "index.md"},
        {"Modules": ["modules/index.md", *groups]},
        {"Glossary": "glossary.md"},
        {"Stories": ["stories/index.md", *stories]},
    ]
    nav += [{p.removesuffix(".md").replace("-", " ").capitalize(): p} for p in docs_pages if p not in ("index.md", "glossary.md")]
    plain = {
        "site_name": config["site_name"],
        "docs_dir": "docs",
        "theme": config["theme"],
        "plugins": [{"search": {"lang": "en"}}],
        "extra": config.get("extra", {}),
        "markdown_extensions": [e for e in config.get("markdown_extensions", []) if "macros" not in str(e)],
        "nav": nav,
        "validation": {
            "nav": {"omitted_files": "ignore", "not_found": "ignore"},
            "links": {"not_found": "ignore", "unrecognized_links": "ignore"},
        },
    }
    path = target / "mkdocs.yml"
    path.write_text(yaml.safe_dump(plain, sort_keys=False), encoding="utf-8")
    return path


CPU: dict[str, list[float]] = {}  # processor seconds of each run, by command, for the report


def _run(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    CPU.setdefault(f"{Path(command[0]).name} {command[-3]}", []).append(cpu)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds


def ours(config: Path, out: Path) -> float:
    return _run([str(BIN / "sidebyside"), "build", "-f", str(config), "-d", str(out)], config.parent)


def plain(config: Path, out: Path) -> float:
    return _run([str(BIN / "mkdocs"), "build", "-q", "-f", str(config), "-d", str(out)], config.parent)


def pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("index.html"))


def measure(size: int, work: Path, repeats: int, whole: bool) -> dict[str, float]:
    course = scale_course(work / f"course-{size}", size)
    off = {"handouts": False, "offline_copy": False, "trainer_edition": False, "slides": False}
    website = _options(course, "mkdocs.website.yml", one_language=True, **off)
    languages = _options(course, "mkdocs.languages.yml", **off)
    baseline = plain_material(course, work / f"plain-{size}")
    row: dict[str, float] = {"modules": size}
    row["plain_cold"] = plain(baseline, work / f"p-{size}")
    row["ours_cold"] = ours(website, work / f"o-{size}")
    row["languages_cold"] = ours(languages, work / f"l-{size}")
    row["pages_ours"], row["pages_plain"] = pages(work / f"o-{size}"), pages(work / f"p-{size}")
    row["pages_languages"] = pages(work / f"l-{size}")
    plains, ourses, multi = [], [], []
    for _ in range(repeats):  # interleaved, so drifting load hits both alike
        plains.append(plain(baseline, work / f"p-{size}"))
        ourses.append(ours(website, work / f"o-{size}"))
        multi.append(ours(languages, work / f"l-{size}"))
    row["plain"], row["ours"], row["languages"] = statistics.median(plains), statistics.median(ourses), statistics.median(multi)
    row["run_by_run"] = statistics.median(o / p for o, p in zip(ourses, plains, strict=True))
    row["one_changed"] = one_module_changed(course, website, work / f"o-{size}")
    if whole:
        row.update(measure_whole(course, work, size, repeats, website))
    print(row, flush=True)
    return row


def one_module_changed(course: Path, config: Path, out: Path) -> float:
    """A contributor's everyday build: one module's text edited since the last build (then put back)."""
    folders = sorted(p for p in (course / "modules").iterdir() if p.is_dir())
    index = folders[len(folders) // 2] / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text + "\nOne more sentence, added since the last build.\n", encoding="utf-8")
    try:
        return ours(config, out)
    finally:
        index.write_text(text, encoding="utf-8")


def measure_whole(course: Path, work: Path, size: int, repeats: int, website: Path) -> dict[str, float]:
    """The whole default build, cold then warm, against the website alone: as the default build makes it (every
    language, the trainer edition and its slides, no handouts or offline copy), and in one language with nothing else."""
    default = course / "mkdocs.yml"
    with_trainers = _options(course, "mkdocs.website-trainers.yml", handouts=False, offline_copy=False)
    row = {"whole_cold": ours(default, work / f"w-{size}")}
    wholes, alones, trainers = [], [], []
    for _ in range(repeats):
        alones.append(ours(website, work / f"o-{size}"))
        trainers.append(ours(with_trainers, work / f"t-{size}"))
        wholes.append(ours(default, work / f"w-{size}"))
    row["website_alone"], row["website_trainers"], row["whole"] = (
        statistics.median(alones),
        statistics.median(trainers),
        statistics.median(wholes),
    )
    return row


def report(rows: list[dict[str, float]], repeats: int, minutes: float) -> str:
    small, large = rows[0], rows[-1]
    lines = [
        "## The reference course, scaled (`./scripts/bench scale`)",
        "",
        f"Made on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores shared with other work, "
        f"in {minutes:.1f} minutes. Each module folder of the reference course copied and numbered up to the size. "
        f"Warm figures are medians of {repeats} runs, plain and ours interleaved; cold is one build with nothing cached.",
        "",
        "Website: `sidebyside build` with `handouts`, `slides`, `offline_copy` and `trainer_edition` off, in the course's own "
        "language (`translations` taken out). Plain: `mkdocs build` with Material of the same module, story and glossary texts, "
        "the same menu groups (Modules, then groups of 20) and `navigation.prune`. In every language: the same website with the "
        "course's translations (English, Welsh and Urdu: every page is made in each, translated or with a notice).",
        "",
        "Warm, our build uses what the build before it kept (each page's converted Markdown, the checks' findings: see "
        "reference/performance.md); plain Material keeps nothing. One module changed: the website built again after one "
        "module's text was edited, so that page is converted and the whole course checked again.",
        "",
        "| modules | pages (ours / plain) | plain (s) | website (s) | website / plain | run by run | one module changed (s) | "
        "one changed / plain | cold plain (s) | cold website (s) | cold ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {int(r['modules'])} | {int(r['pages_ours'])} / {int(r['pages_plain'])} | {r['plain']:.2f} | {r['ours']:.2f} | "
            f"{r['ours'] / r['plain']:.2f}x | {r['run_by_run']:.2f}x | {r['one_changed']:.2f} | {r['one_changed'] / r['plain']:.2f}x | "
            f"{r['plain_cold']:.2f} | {r['ours_cold']:.2f} | "
            f"{r['ours_cold'] / r['plain_cold']:.2f}x |"
        )
    lines += [
        "",
        "In every language:",
        "",
        "| modules | pages | website (s) | against plain Material | per page, against plain Material | cold (s) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        per_page = (r["languages"] / r["pages_languages"]) / (r["plain"] / r["pages_plain"])
        lines.append(
            f"| {int(r['modules'])} | {int(r['pages_languages'])} | {r['languages']:.2f} | {r['languages'] / r['plain']:.2f}x | "
            f"{per_page:.2f}x | {r['languages_cold']:.2f} |"
        )
    worst = max(max(r["ours"] / r["plain"], r["run_by_run"]) for r in rows)
    growth = large["ours"] / small["ours"]
    lines += ["", "| aim | result |", "|---|---|"]
    lines.append(f"| website at most 1.2x plain Material | {'met' if worst <= 1.2 else 'NOT met'}: worst {worst:.2f}x |")
    lines.append(
        f"| {int(large['modules'])} modules at most 12x {int(small['modules'])} | {'met' if growth <= 12 else 'NOT met'}: "
        f"{growth:.1f}x (plain Material {large['plain'] / small['plain']:.1f}x) |"
    )
    if "whole" in small:
        ratio = small["whole"] / small["website_trainers"]
        lines.append(
            f"| whole default build, warm, at most 2x the website alone ({int(small['modules'])} modules) | "
            f"{'met' if ratio <= 2 else 'NOT met'}: {ratio:.2f}x against the website as the default build makes it (every "
            f"language, trainer edition and slides, no handouts or offline copy): {small['whole']:.2f} s against "
            f"{small['website_trainers']:.2f} s. Against the website in one language with nothing else ({small['website_alone']:.2f} s): "
            f"{small['whole'] / small['website_alone']:.2f}x. Cold, with every handout made: {small['whole_cold']:.1f} s |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-whole", action="store_true", help="leave out the whole default build (its cold run makes every handout)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    start = time.perf_counter()
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(prefix="sidebyside-scale-", dir=base) as temporary:
        rows = [measure(size, Path(temporary), args.repeats, whole=(i == 0 and not args.no_whole)) for i, size in enumerate(sizes)]
    text = report(rows, args.repeats, (time.perf_counter() - start) / 60)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
