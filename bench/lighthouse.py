"""Lighthouse accessibility score of the reference course (home page and a module page).

Installs npm's `lighthouse@12` once into a cache folder outside the repository
(`$SIDEBYSIDE_CACHE` or ~/.cache/sidebyside/lighthouse-12), builds the reference course,
serves it on 127.0.0.1 and runs Lighthouse with Debian's Chromium
(`CHROME_PATH=/usr/bin/chromium`, `--headless=new --no-sandbox`).

Baseline, measured in the same run: the same home page built by Material for MkDocs
alone (the docs/ pages, without the sidebyside plugin and its accessibility fixes).
Writes bench/reports/lighthouse.md.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
REPORT = REPO / "bench" / "reports" / "lighthouse.md"
CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE_VERSION = "12"
CACHE = Path(os.environ.get("SIDEBYSIDE_CACHE", Path.home() / ".cache" / "sidebyside")) / f"lighthouse-{LIGHTHOUSE_VERSION}"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
)
PAGES = {"home page": "", "module page": "modules/what-is-quality-improvement/"}
SIDEBYSIDE = Path(sys.executable).with_name("sidebyside")


class Unavailable(Exception):
    """Lighthouse cannot run here; the message says exactly why."""


def lighthouse_bin() -> Path:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary
    if not shutil.which("npm"):
        raise Unavailable("npm is not installed, so Lighthouse cannot be installed.")
    CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(CACHE), f"lighthouse@{LIGHTHOUSE_VERSION}"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not binary.exists():
        raise Unavailable(f"`npm install lighthouse@{LIGHTHOUSE_VERSION}` failed:\n{done.stderr.strip()[-2000:]}")
    return binary


def build_reference(into: Path) -> Path:
    for part in ("modules", "glossary", "stories", "docs"):
        shutil.copytree(REPO / part, into / part)
    shutil.copy2(REPO / "mkdocs.yml", into / "mkdocs.yml")
    done = subprocess.run([str(SIDEBYSIDE), "build", "--strict"], cwd=into, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"The reference course did not build:\n{done.stdout}{done.stderr}")
    return into / "site"


def build_material_alone(into: Path) -> Path:
    """The docs/ pages with Material for MkDocs as it comes: the same theme settings, no sidebyside plugin."""
    shutil.copytree(REPO / "docs", into / "docs")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search"]
    config["nav"] = [
        item for item in config["nav"] if not any(str(v).startswith(("modules/", "glossary/", "stories/")) for v in item.values())
    ]
    config.pop("validation", None)
    (into / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=into, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"The Material-only baseline did not build:\n{done.stdout}{done.stderr}")
    return into / "site"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def score(binary: Path, url: str, out: Path) -> tuple[float, list[str], float]:
    """Accessibility score (0-100), the audits that failed, and seconds taken."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    started = time.perf_counter()
    done = subprocess.run(
        [
            str(binary),
            url,
            "--only-categories=accessibility",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    took = time.perf_counter() - started
    if done.returncode != 0 or not out.exists():
        raise Unavailable(f"Lighthouse failed on {url} (exit {done.returncode}):\n{(done.stderr or done.stdout).strip()[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    category = report["categories"]["accessibility"]
    failed = [
        f"{audit_id}: {report['audits'][audit_id]['title']}"
        for audit_id in (ref["id"] for ref in category["auditRefs"])
        if report["audits"][audit_id].get("score") == 0
    ]
    return round(category["score"] * 100, 1), failed, took


def main() -> int:
    lines = ["## Lighthouse accessibility", ""]
    try:
        binary = lighthouse_bin()
        version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()
        with tempfile.TemporaryDirectory(prefix="sbs-lighthouse-") as tmp:
            tmp_path = Path(tmp)
            ours = build_reference(tmp_path / "course")
            alone = build_material_alone(tmp_path / "material")
            server, url = serve(ours)
            base_server, base_url = serve(alone)
            try:
                base_score, base_failed, _ = score(binary, base_url, tmp_path / "baseline.json")
                rows = []
                for name, path in PAGES.items():
                    value, failed, took = score(binary, url + path, tmp_path / f"{name}.json")
                    rows.append((name, path, value, failed, took))
            finally:
                server.shutdown()
                base_server.shutdown()
    except Unavailable as exc:
        lines += ["Lighthouse could not run here:", "", "```text", str(exc), "```"]
        REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print("\n".join(lines))
        return 0  # a benchmark reports; the other suites still run
    lines += [
        f"Lighthouse {version}, Debian Chromium (`{CHROMIUM}`, `--headless=new --no-sandbox`), pages served on 127.0.0.1.",
        "",
        "| page | score (aim 100) | ratio to Material alone | failed audits | seconds |",
        "|---|---|---|---|---|",
        f"| Material alone, home page (baseline) | {base_score:g} | 1.00 | {', '.join(base_failed) or 'none'} | |",
    ]
    for name, path, value, failed, took in rows:
        lines.append(f"| {name} (`/{path}`) | {value:g} | {value / base_score:.2f} | {', '.join(failed) or 'none'} | {took:.1f} |")
    lines += [
        "",
        "The baseline is the same home page built by Material for MkDocs without the sidebyside plugin,",
        "measured in the same run. Lighthouse runs a subset of axe-core; the browser tests",
        "(`tests/test_browser_*.py`) check every page with the full WCAG 2.2 AA rule set.",
    ]
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
