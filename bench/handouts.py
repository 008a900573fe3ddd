"""Benchmark: printable handouts, cold (empty cache) and warm (nothing changed), and one module changed.

    python bench/handouts.py [--modules 200]

Measures the reference course and a generated course. Figures that matter are the
ratios measured in the same run (warm / cold, one change / cold): machines are noisy.
Writes bench/reports/handouts.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from sidebyside.content import load_course  # noqa: E402
from sidebyside.print import HandoutSettings, render_handouts  # noqa: E402

TODAY = dt.date(2026, 11, 25)


def _timed(course, settings):
    start = time.perf_counter()
    result = render_handouts(course, settings)
    return time.perf_counter() - start, result


def measure(name: str, root: Path, cache: Path) -> dict[str, object]:
    course, _ = load_course(root, "modules", "glossary", "stories")
    settings = HandoutSettings(root=root, today=TODAY, site_url="https://course.example.org/", cache_dir=cache)
    cold, first = _timed(course, settings)
    warm, second = _timed(course, settings)
    module = course.modules[len(course.modules) // 2]
    module.body += "\n\nOne new sentence for the benchmark.\n"
    one, third = _timed(course, settings)
    row = {
        "course": name,
        "modules": len(course.modules),
        "files": len(first.handouts),
        "pages": sum(h.pages for h in first.handouts),
        "cold": cold,
        "warm": warm,
        "one": one,
        "rendered_cold": first.rendered,
        "rendered_warm": second.rendered,
        "rendered_one": third.rendered,
    }
    print(
        f"{name}: {row['files']} files, {row['pages']} pages; cold {cold:.2f}s ({first.rendered} rendered), "
        f"warm {warm:.2f}s ({second.rendered} rendered), one module changed {one:.2f}s ({third.rendered} rendered); "
        f"warm/cold {warm / cold:.3f}, one/cold {one / cold:.3f}"
    )
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modules", type=int, default=200)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="sbs-bench-handouts-") as temp:
        temp_path = Path(temp)
        rows.append(measure("reference", HERE.parent, temp_path / "cache-reference"))
        big = generate(temp_path / "big", modules=args.modules, terms=300, stories=200, words=600, seed=1)
        rows.append(measure(f"generated, {args.modules} modules", big, temp_path / "cache-big"))
    lines = [
        "## Handouts",
        "",
        f"Cold: empty cache. Warm: second run, nothing changed. One change: one module's text changed. {os.cpu_count()} cores.",
        "",
        "| course | modules | files | pages | cold (s) | warm (s) | warm / cold | one change (s) | one change / cold "
        "| rendered cold / warm / one change |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['course']} | {r['modules']} | {r['files']} | {r['pages']} | {r['cold']:.2f} | {r['warm']:.2f} | "
            f"{r['warm'] / r['cold']:.3f} | {r['one']:.2f} | {r['one'] / r['cold']:.3f} | "
            f"{r['rendered_cold']} / {r['rendered_warm']} / {r['rendered_one']} |"
        )
    (HERE / "reports").mkdir(exist_ok=True)
    (HERE / "reports" / "handouts.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("Report written to bench/reports/handouts.md")


if __name__ == "__main__":
    main()
