"""Benchmark: what the trainer edition and the offline copy add to a build.

Builds one generated course three ways in the same run and reports ratios against the
baseline (participant pages only, no offline copy): with the trainer edition, and with
the trainer edition and the offline copy (the default).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from generate import generate

from sidebyside.app.build import build_site
from sidebyside.app.session import BuildSession

RUNS = 3


def _config(root: Path, trainer: bool, offline: bool) -> Path:
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace(
        "  - sidebyside:\n", f"  - sidebyside:\n      trainer_edition: {str(trainer).lower()}\n      offline_copy: {str(offline).lower()}\n"
    )
    path = root / f"mkdocs-{int(trainer)}{int(offline)}.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _time(config: Path, site: Path) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        build_site(BuildSession.open(config), site, strict=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = generate(Path(temporary) / "course", modules=40, terms=150, stories=40, words=600, seed=1)
        site = Path(temporary) / "site"
        base = _time(_config(root, False, False), site)
        trainer = _time(_config(root, True, False), site)
        both = _time(_config(root, True, True), site)
        zip_size = (site / "handouts" / "generated-course-offline.zip").stat().st_size  # named from site_name
    rows = [
        ("participant pages only (baseline)", 1.0),
        ("with the trainer edition", trainer / base),
        ("with the trainer edition and the offline copy (default)", both / base),
    ]
    lines = [
        "## trainers: trainer edition and offline copy",
        "",
        f"A generated course of 40 modules, 150 terms and 40 stories; median of {RUNS} builds each.",
        "",
        "| build | time against the baseline |",
        "|---|---|",
        *(f"| {name} | {ratio:.2f}x |" for name, ratio in rows),
        "",
        f"Offline zip: {zip_size / 1_000_000:.1f} MB.",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    out = Path(__file__).resolve().parent / "reports"
    out.mkdir(exist_ok=True)
    (out / "trainers.md").write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
