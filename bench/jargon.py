"""Benchmark: jargon check speed, against an npm plain-language peer in the same run.

    .venv/bin/python bench/jargon.py [--words 500000]

Generates a course of at least 500,000 words (bench/generate.py), then times:

- Side by Side's jargon check over every module and story (Markdown masking, the
  word and phrase lists, acronyms in any case, uncommon words by their frequency in
  wordfreq, sentence and paragraph length, reading age and its hardest sentences);
- the same files through retext + retext-simplify + retext-readability, installed
  from the npm registry into .sidebyside-cache/bench-npm (node is /usr/bin/node);
- the whole reference course (load and every check), as a contributor runs it.

Prints the figures and writes bench/reports/jargon.md. Figures are ratios measured
in the same run, because machines here are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from sidebyside.app.session import BuildSession  # noqa: E402
from sidebyside.checks import CheckContext  # noqa: E402
from sidebyside.checks.jargon import builtin_lists, check_jargon  # noqa: E402
from sidebyside.checks.jargon.data import _builtin  # noqa: E402
from sidebyside.content import load_course  # noqa: E402

NODE = shutil.which("node") or "/usr/bin/node"
NPM = shutil.which("npm") or "/usr/bin/npm"
PEER_PACKAGES = ("retext@9", "retext-simplify@8", "retext-readability@8")
CACHE = ROOT / ".sidebyside-cache" / "bench-npm"

PEER_SCRIPT = r"""
import {readFileSync} from 'node:fs'
import {retext} from 'retext'
import retextSimplify from 'retext-simplify'
import retextReadability from 'retext-readability'

const files = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const texts = files.map((f) => readFileSync(f, 'utf8'))
const processor = retext().use(retextSimplify).use(retextReadability, {age: 11})
const start = process.hrtime.bigint()
let messages = 0
for (const text of texts) {
  const file = await processor.process(text)
  messages += file.messages.length
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9
console.log(JSON.stringify({seconds, messages}))
"""


def install_peer() -> Path:
    """Install the peer from the npm registry into the cache folder (once)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    if not (CACHE / "node_modules" / "retext-readability").is_dir():
        (CACHE / "package.json").write_text('{"private": true, "type": "module"}\n', encoding="utf-8")
        subprocess.run([NPM, "install", "--no-audit", "--no-fund", "--silent", *PEER_PACKAGES], cwd=CACHE, check=True)
    script = CACHE / "peer.mjs"
    script.write_text(PEER_SCRIPT, encoding="utf-8")
    return script


def peer_versions() -> str:
    names = []
    for name in ("retext", "retext-simplify", "retext-readability"):
        data = json.loads((CACHE / "node_modules" / name / "package.json").read_text(encoding="utf-8"))
        names.append(f"{name} {data['version']}")
    return ", ".join(names)


def words_in(files: list[Path]) -> int:
    return sum(len(f.read_text(encoding="utf-8").split()) for f in files)


def time_ours(root: Path, repeats: int) -> tuple[float, int]:
    course, _ = load_course(root)
    context = CheckContext(__import__("datetime").date(2026, 11, 25))
    builtin_lists()  # read the word lists once, as a long-running build would
    best = float("inf")
    findings = []
    for _ in range(repeats):
        start = time.perf_counter()
        findings = check_jargon(course, context)
        best = min(best, time.perf_counter() - start)
    return best, len(findings)


def time_peer(script: Path, files: list[Path], repeats: int) -> tuple[float, int]:
    listing = Path(tempfile.mkstemp(suffix=".json")[1])
    listing.write_text(json.dumps([str(f) for f in files]), encoding="utf-8")
    best, messages = float("inf"), 0
    try:
        for _ in range(repeats):
            done = subprocess.run([NODE, str(script), str(listing)], cwd=CACHE, capture_output=True, text=True, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            best, messages = min(best, result["seconds"]), result["messages"]
    finally:
        listing.unlink(missing_ok=True)
    return best, messages


def time_reference(repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        session = BuildSession.open(ROOT / "mkdocs.yml")
        _builtin.cache_clear()  # include reading the word lists: a fresh `sidebyside check`
        start = time.perf_counter()
        session.load()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=500_000, help="at least this many words in the corpus")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sbs-bench-jargon-"))
    try:
        modules = max(1, args.words // 1000) + 10
        generate(work / "course", modules=modules, terms=300, stories=200, words=1000, seed=1)
        files = sorted((work / "course" / "modules").glob("*/index.md")) + sorted((work / "course" / "stories").glob("*.md"))
        words = words_in(files)
        assert words >= args.words, f"the corpus has only {words} words"
        print(f"Corpus: {len(files)} files, {words:,} words")

        ours, our_findings = time_ours(work / "course", args.repeats)
        print(f"Side by Side jargon check: {ours:.2f} s, {words / ours:,.0f} words/s, {our_findings:,} findings")

        script = install_peer()
        peer, peer_messages = time_peer(script, files, args.repeats)
        print(f"retext peer ({peer_versions()}): {peer:.2f} s, {words / peer:,.0f} words/s, {peer_messages:,} messages")
        ratio = peer / ours
        print(f"Side by Side is {ratio:.1f}x the speed of the peer (aim: at least 5x)")

        reference = time_reference(args.repeats)
        print(f"Whole reference course (load + every check): {reference * 1000:.0f} ms (aim: under 1 s)")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    report = f"""## Jargon check speed

Made by `bench/jargon.py` on {time.strftime("%Y-%m-%d")} (Python {platform.python_version()}, {os.cpu_count()} cores,
best of {args.repeats} runs each).

| what | time | words per second |
|---|---|---|
| Side by Side jargon check, {words:,} words in {len(files)} generated files | {ours:.2f} s | {words / ours:,.0f} |
| retext + retext-simplify + retext-readability, same files | {peer:.2f} s | {words / peer:,.0f} |
| **ratio** | **{ratio:.1f}x faster** | aim: at least 5x |
| whole reference course (load + every check) | {reference * 1000:.0f} ms | aim: under 1 s |

The peer ({peer_versions()}) was installed from the npm registry into
`.sidebyside-cache/bench-npm` and timed inside node, excluding start-up and file
reading; ours excludes loading the course. Side by Side found {our_findings:,} things
(it also checks acronyms, NHS and QI words against the glossary, uncommon words by their
frequency in everyday English, outdated names and paragraph length, which the peer does not); the peer reported {peer_messages:,}.
The peer reads the Markdown as plain text, so it does nothing to skip code, links or
front matter.
"""
    out = HERE / "reports" / "jargon.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print(f"Report written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
