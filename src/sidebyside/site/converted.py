"""Use a page's conversion from an earlier build when nothing it reads has changed.

Through Python-Markdown's public processors: a first preprocessor works out the page's
key (see app/converted_pages.py) and, when the page is kept, gives the rest of the
conversion nothing to do; a last postprocessor hands back the kept HTML. What MkDocs
learns while converting (the table of contents, the title from the first heading, the
anchors on the page and the links to other pages' anchors) is put back on the page, by
the page's public attributes, before any other plugin sees it.

The kept HTML is only used when every Markdown extension the site runs is one known to
read nothing but the page (Python-Markdown's own, pymdown-extensions but snippets and
b64, Material's and ours): another extension may read files or collect what it sees,
so with one of those every page is converted afresh. A page whose conversion logs
anything (a broken link, say) is not kept, so the message comes again in every build.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from sidebyside.app.converted_pages import ConvertedPages
from sidebyside.fingerprint import code_fingerprint

# Extensions that read nothing but the page they convert.
PURE_PREFIXES = ("markdown.extensions.", "pymdownx.", "material.", "sidebyside.")
IMPURE = frozenset({"pymdownx.snippets", "pymdownx.b64"})  # these read other files
BUILT_IN = frozenset(
    [
        "abbr",
        "admonition",
        "attr_list",
        "codehilite",
        "def_list",
        "extra",
        "fenced_code",
        "footnotes",
        "legacy_attrs",
        "legacy_em",
        "md_in_html",
        "meta",
        "nl2br",
        "sane_lists",
        "smarty",
        "tables",
        "toc",
        "wikilinks",
    ]
)
CODE = ("charts", "render", "site")  # our code that runs while a page is converted
LIBRARIES = ("markdown", "pymdown-extensions", "mkdocs", "mkdocs-material", "pygments")


def _name(value: Any) -> str:
    """A stable name for an extension or a function named in the Markdown settings."""
    if isinstance(value, str):
        return value
    kind = value if callable(value) and hasattr(value, "__qualname__") else type(value)
    return f"{kind.__module__}.{kind.__qualname__}"


def _pure(name: str) -> bool:
    module = name.split(":")[0]
    if module in IMPURE or any(module.startswith(f"{impure}.") for impure in IMPURE):
        return False
    return module in BUILT_IN or module.startswith(PURE_PREFIXES)


def _stable(value: Any) -> str:
    """The text of a settings value, the same in every process (functions by their names)."""
    if isinstance(value, Mapping):  # MkDocs' own settings objects (`validation`) are mappings too
        return "{" + ", ".join(sorted(f"{_stable(k)}: {_stable(v)}" for k, v in value.items())) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_stable(v) for v in value) + "]"
    if value is None or isinstance(value, str | int | float | bool):
        return repr(value)
    return f"<{_name(value)}>"


def _callables(value: Any) -> Iterable[Any]:
    if isinstance(value, Mapping):
        for item in value.values():
            yield from _callables(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _callables(item)
    elif callable(value):
        yield value


class _Capture(logging.Handler):
    """Notes whether anything was logged while a page was converted."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.logged = False

    def emit(self, record: logging.LogRecord) -> None:
        self.logged = True


class KeptConversion(Extension):
    """The Markdown extension, and what it knows of the page being converted."""

    def __init__(self, store: ConvertedPages) -> None:
        super().__init__()
        self.store = store
        self.setting = ""  # empty: pages are converted afresh
        self._started = False
        self._page: Page | None = None
        self._key = ""
        self._entry: dict[str, Any] | None = None
        self._toc: list[Any] = []
        self._output = ""  # what the last conversion gave
        self._capture: _Capture | None = None
        self._get_toc: Callable[[Any], Any] = get_toc

    # --- once a build --------------------------------------------------------------------

    def start(self, config: MkDocsConfig, files: Files) -> None:
        """Work out what every page's key shares, once the settings and the files are final
        (at the first page: every plugin has had its say about both by then)."""
        self._started = True
        # MkDocs, or a fork of it that runs the plugin (ProperDocs): its own conversion, its own pages.
        host = type(config).__module__.split(".")[0]
        with contextlib.suppress(ImportError):
            self._get_toc = importlib.import_module(f"{host}.structure.toc").get_toc
        extensions = [e for e in config.markdown_extensions if e is not self]
        names = [_name(e) for e in extensions] + [_name(f) for f in _callables(dict(config.mdx_configs))]
        if not self.store.enabled or not all(_pure(n) for n in names):
            self.setting = ""
            return
        listing = hashlib.sha256()
        for file in sorted(files, key=lambda f: f.src_uri):
            listing.update(f"{file.src_uri}\0{file.url}\0{file.inclusion.name}\n".encode("utf-8", "surrogatepass"))
        self.setting = "\n".join(
            [
                code_fingerprint("converted pages", CODE, (*LIBRARIES, host)),
                _stable(names),
                _stable(config.mdx_configs),
                _stable(config.use_directory_urls),
                _stable(config.validation),
                str(logging.getLogger("mkdocs").getEffectiveLevel()),
                listing.hexdigest(),
            ]
        )

    # --- each page ---------------------------------------------------------------------------

    def begin(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        if not self._started:
            self.start(config, files)
        self._stop_capture()
        self._page, self._key, self._entry, self._toc, self._output = page, "", None, [], ""

    def _look_up(self, text: str) -> bool:
        """Whether the page's conversion is kept (the rest of the conversion is then skipped)."""
        page = self._page
        self._stop_capture()
        if not self.setting or page is None:
            return False
        self._key = self.store.key(self.setting, page.file.src_uri, page.file.url, str(page.title), text)
        self._entry = self.store.get(self._key)
        if self._entry is None:
            self._capture = _Capture()
            for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
                logger.addHandler(self._capture)
        return self._entry is not None

    def _converted(self, html: str, md: Markdown) -> str:
        if self._entry is None:
            self._toc = list(getattr(md, "toc_tokens", []))
        else:
            html = str(self._entry["html"])
        self._output = html.strip()  # as Python-Markdown hands it back
        return html

    def finish(self, html: str, page: Page, files: Files) -> str:
        """Put back what MkDocs learns by converting (a kept page), or keep the conversion (a new one)."""
        capture = self._stop_capture()
        if page is not self._page or not self._key or html != self._output:
            return html  # not the page's own conversion (an empty page is not converted at all)
        entry = self._entry
        if entry is not None:
            page.toc = self._get_toc(entry.get("toc", []))
            page.present_anchor_ids = set(entry.get("anchors", []))
            if page.links_to_anchors is not None:
                linked = ((files.get_file_from_path(src), links) for src, links in entry.get("links", {}).items())
                page.links_to_anchors = {file: dict(links) for file, links in linked if file is not None}
            if page.title != entry.get("title"):
                page.title = entry.get("title")
            return html
        if capture is None or capture.logged:
            return html  # said something: converted again next time, so it says it again
        links = {file.src_uri: dict(found) for file, found in (page.links_to_anchors or {}).items()}
        entry = {"html": html, "toc": self._toc, "anchors": sorted(page.present_anchor_ids or ()), "links": links, "title": page.title}
        self.store.put(self._key, entry)
        return html

    def _stop_capture(self) -> _Capture | None:
        capture, self._capture = self._capture, None
        if capture is not None:
            for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
                logger.removeHandler(capture)
        return capture

    # --- Python-Markdown -----------------------------------------------------------------------

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_LookUp(md, self), "sbs_kept_look_up", 1000)
        md.postprocessors.register(_HandBack(md, self), "sbs_kept_hand_back", -1000)


class _LookUp(Preprocessor):
    def __init__(self, md: Markdown, kept: KeptConversion) -> None:
        super().__init__(md)
        self.kept = kept

    def run(self, lines: list[str]) -> list[str]:
        return [] if self.kept._look_up("\n".join(lines)) else lines


class _HandBack(Postprocessor):
    def __init__(self, md: Markdown, kept: KeptConversion) -> None:
        super().__init__(md)
        self.kept = kept

    def run(self, text: str) -> str:
        return self.kept._converted(text, self.md)
