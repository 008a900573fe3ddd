"""Shared parts of the browser tests: the built reference course, served on 127.0.0.1,
and one Debian Chromium (driven by Playwright) for the whole test session.

The fixtures are registered in conftest.py, so any tests/test_browser_*.py can use
`reference_site`, `site_url`, `chromium` and `open_page`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SIDEBYSIDE = Path(sys.executable).with_name("sidebyside")
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "tests" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"

# What the tests look at: light and dark colours, a computer screen and a small phone.
SCHEMES = {"light": "default", "dark": "slate"}
WIDTHS = {"desktop": 1280, "phone": 320}
HEIGHT = 800

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
COURSE_PARTS = ("modules", "glossary", "stories", "docs")


BUILD_OUTPUT = "build-output.txt"  # beside the built site: what `sidebyside --verbose build --strict` said


def build_reference_course(into: Path) -> Path:
    """Copy the repository's course into `into` and build it with the real command, keeping what it said."""
    for part in COURSE_PARTS:
        shutil.copytree(REPO / part, into / part)
    shutil.copy2(REPO / "mkdocs.yml", into / "mkdocs.yml")
    done = subprocess.run([str(SIDEBYSIDE), "--verbose", "build", "--strict"], cwd=into, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        pytest.fail(f"The reference course did not build:\n{done.stdout}{done.stderr}", pytrace=False)
    (into / BUILD_OUTPUT).write_text(done.stdout + done.stderr, encoding="utf-8")
    return into / "site"


def site_pages(site: Path) -> list[str]:
    """Every page of a built site, as addresses relative to its root ("" is the home page)."""
    pages = sorted(str(p.parent.relative_to(site).as_posix()) + "/" for p in site.rglob("index.html"))
    pages = ["" if p == "./" else p for p in pages]
    if (site / "404.html").is_file():
        pages.append("404.html")
    return pages


@pytest.fixture(scope="session")
def reference_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference course (modules, glossary, stories, docs), built once per test run and shared,
    read only, by every worker of that run (`pytest -n 2`): the first to ask builds it, the others wait."""
    import fcntl
    import os

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the run's folder, above each worker's
    folder = shared / "reference-course"
    with (shared / "reference-course.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / BUILD_OUTPUT).is_file():  # written last, so a half-built copy is built again
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build_reference_course(folder)
    return folder / "site"


@pytest.fixture(scope="session")
def site_url(reference_site: Path) -> Iterator[str]:
    """The built reference course, served on 127.0.0.1 on a free port."""
    from browser import serve_folder

    with serve_folder(reference_site) as base:
        yield base


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium, started once for the session. Never a downloaded browser."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: install Debian's package with `apt-get install chromium`.", pytrace=False)
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run ./scripts/_browser.sh (it installs tests/package.json with npm).", pytrace=False)
    from browser import shared_browser

    yield shared_browser()


@pytest.fixture
def open_page(chromium: Any, site_url: str) -> Iterator[Callable[..., Any]]:
    """open_page(path, scheme="light", width=1280) -> a Playwright page, showing that colour scheme."""
    contexts: list[Any] = []

    def opener(path: str = "", scheme: str = "light", width: int = 1280, height: int = HEIGHT, **options: Any) -> Any:
        context = chromium.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, **options)
        contexts.append(context)
        page = context.new_page()
        goto(page, site_url + path, scheme)
        return page

    yield opener
    for context in contexts:
        context.close()


def goto(page: Any, url: str, scheme: str) -> None:
    """Open a page and make sure Material really shows the colour scheme asked for."""
    page.goto(url)
    # sidebyside.js marks the page when its keyboard fixes are in place.
    page.wait_for_function("document.documentElement.hasAttribute('data-sbs-ready')", timeout=10000)
    expected = SCHEMES[scheme]
    try:
        page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{expected}'", timeout=5000)
    except Exception:
        shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        pytest.fail(f"{url} shows the {shown!r} colour scheme, not {expected!r} ({scheme}).", pytrace=False)


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the open page, for WCAG 2.2 A and AA and best practice."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html, summary: n.failureSummary})),
            }));
        }""",
        AXE_TAGS,
    )


def describe_violations(path: str, scheme: str, width: int, violations: list[dict[str, Any]]) -> list[str]:
    """Each violation in words a contributor can act on: the rule, the page, the element."""
    lines = []
    for v in violations:
        for node in v["nodes"]:
            html = " ".join(node["html"].split())
            if len(html) > 200:
                html = html[:200] + "..."
            summary = " ".join((node["summary"] or "").split())
            lines.append(
                f"- /{path} ({scheme} colours, {width}px wide): {v['id']} ({v['impact']}): {v['help']}\n"
                f"    element: {node['target']}\n"
                f"    html: {html}\n"
                f"    fix: {summary}\n"
                f"    more: {v['helpUrl']}"
            )
    return lines
