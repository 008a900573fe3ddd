"""`sidebyside serve`: a live preview that never hangs and starts even when the course has problems.

Each build goes into a fresh folder and replaces the served pages only when it worked.
When it did not, the last good pages stay, each with a line at the top that points to
a page of its own listing the problems in plain words, and browsers reload at once
(MkDocs' own preview waits for a good build, so the browser seemed stuck).
"""

from __future__ import annotations

import html
import logging
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from sidebyside.app.settings import ProjectError, load_mkdocs_config

PROBLEMS = "sidebyside-problems"  # the address of the problems page in the preview
_BODY = re.compile(rb"<body\b[^>]*>", re.I)
BANNER_CLASS = "sbs-preview-problems"

log = logging.getLogger("sidebyside.preview")


class _Collect(logging.Handler):
    """MkDocs' errors during one build, to show them on the problems page."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class Preview:
    """Builds the course for the preview server, keeping the last good pages."""

    def __init__(self, config_file: Path, dev_addr: str) -> None:
        self.config_file = config_file
        self.dev_addr = dev_addr
        self.served = Path(tempfile.mkdtemp(prefix="sidebyside-preview-"))
        self.problems: list[str] = []
        self.watch: list[str] = []  # folders the last configuration asked to watch

    @property
    def url(self) -> str:
        return f"http://{self.dev_addr}/"

    def build(self) -> bool:
        """Build once. True if the pages were replaced; False if the problems page was written instead."""
        from mkdocs import exceptions
        from mkdocs.commands.build import build

        staging = Path(tempfile.mkdtemp(prefix="sidebyside-preview-new-"))
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        try:
            try:
                config = load_mkdocs_config(self.config_file, site_dir=str(staging), dev_addr=self.dev_addr)
                config.plugins.on_startup(command="serve", dirty=False)  # the plugin skips handouts in a preview
                config.site_url = self.url
                self.watch = [config.docs_dir, str(self.config_file), *config.watch, *_course_folders(config)]
                build(config, serve_url=self.url)
            except ProjectError as exc:
                return self._failed([str(exc)])
            except (exceptions.MkDocsException, SystemExit, OSError, ValueError) as exc:
                return self._failed([*collect.messages, str(exc)])
            self._replace(staging)
            self.problems = []
            folder = self.served / PROBLEMS  # an open problems page reloads to say all is well
            folder.mkdir(exist_ok=True)
            (folder / "index.html").write_text(problems_page([]), encoding="utf-8")
            return True
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)
            shutil.rmtree(staging, ignore_errors=True)

    def _replace(self, staging: Path) -> None:
        for child in list(self.served.iterdir()):
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        for child in list(staging.iterdir()):
            shutil.move(str(child), self.served / child.name)

    def _failed(self, messages: list[str]) -> bool:
        """Keep the last good pages, mark them out of date, and write the problems page."""
        seen: dict[str, None] = {}
        for message in messages:
            text = message.strip()
            if text and text not in ("Aborted with a BuildError!", "Aborted with 1 warnings in strict mode!"):
                seen.setdefault(text, None)
        self.problems = list(seen) or ["The preview could not be built, and no reason was given."]
        for page in self.served.rglob("*.html"):
            _mark_out_of_date(page)
        folder = self.served / PROBLEMS
        folder.mkdir(exist_ok=True)
        (folder / "index.html").write_text(problems_page(self.problems), encoding="utf-8")
        if not (self.served / "index.html").is_file():  # nothing built yet: the problems are the home page
            (self.served / "index.html").write_text(problems_page(self.problems, home=True), encoding="utf-8")
        print(
            f"\nThe course has problems, so the preview shows the last good pages. The problems are listed at {self.url}{PROBLEMS}/\n",
            flush=True,
        )
        for problem in self.problems:
            print(problem, flush=True)
        return False

    def close(self) -> None:
        shutil.rmtree(self.served, ignore_errors=True)


def _course_folders(config: Any) -> list[str]:
    """The modules, glossary and stories folders the sidebyside plugin reads."""
    plugin = config.plugins.get("sidebyside")
    if plugin is None:
        return []
    options = plugin.config
    root = (Path(config.config_file_path).parent / options.content_dir).resolve()
    return [str(root / folder) for folder in (options.modules_dir, options.glossary_dir, options.stories_dir) if (root / folder).is_dir()]


def _mark_out_of_date(page: Path) -> None:
    data = page.read_bytes()
    if BANNER_CLASS.encode() in data:
        return
    banner = (
        f'<p class="{BANNER_CLASS}" role="alert" style="margin:0;padding:0.75rem 1rem;background:#ffeb3b;color:#212b32;font-size:1rem;">'
        f'This preview is out of date: the course has problems to fix. <a href="/{PROBLEMS}/" style="color:#212b32;">See the problems</a>.</p>'
    ).encode()
    page.write_bytes(_BODY.sub(lambda m: m.group() + banner, data, count=1))


def problems_page(problems: list[str], home: bool = False) -> str:
    """A plain page listing the problems, in the course's words."""
    if not problems:
        return (
            '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>No problems - preview</title></head>'
            '<body><main><h1>No problems to fix</h1><p>The preview is up to date. <a href="/">Go to the home page</a>.</p></main></body></html>\n'
        )
    items = "".join(f"<li><pre>{html.escape(p)}</pre></li>" for p in problems)
    intro = (
        "The preview could not show the course yet, because it has problems to fix."
        if home
        else "The preview is showing the last good version of each page, because the course has problems to fix."
    )
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Problems to fix - preview</title>"
        "<style>body{font-family:Arial,sans-serif;font-size:19px;line-height:1.5;max-width:46em;margin:2rem auto;padding:0 1rem;color:#212b32}"
        "pre{white-space:pre-wrap;font-family:inherit;margin:0}li{margin-bottom:1rem}</style></head>"
        f"<body><main><h1>Problems to fix</h1><p>{intro} Fix them and save: this page updates by itself.</p>"
        f"<ol>{items}</ol></main></body></html>\n"
    )


def serve(config_file: Path, dev_addr: str) -> None:
    """Serve the preview until Ctrl+C, rebuilding when a file is saved."""
    from mkdocs.livereload import LiveReloadServer

    host, _, port = dev_addr.rpartition(":")
    preview = Preview(config_file, dev_addr)
    preview.build()

    def rebuild() -> None:
        preview.build()  # a failed build has already written the problems page

    server = LiveReloadServer(builder=rebuild, host=host or "127.0.0.1", port=int(port), root=str(preview.served))
    server.error_handler = lambda code: _error_page(preview.served, code)
    for path in dict.fromkeys(preview.watch or [str(config_file.parent)]):
        if Path(path).exists():
            server.watch(path)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        preview.close()


def _error_page(served: Path, code: int) -> bytes | None:
    page = served / f"{code}.html"
    return page.read_bytes() if page.is_file() else None
