"""The gate for a whole published page, theme and all.

The content gate (gate.py) reads what the Markdown became. But a page is more than its
content: the theme puts the page's title in the menu, the tab and the header, and its
front matter (`description`, say) into `<meta>` tags, all without escaping them. So the
finished page is checked too, just before it is written: every element and attribute
must be one the theme or the engine makes, and every script must be one of the theme's
own: a file of the site, the theme's settings (JSON, which never runs), or one of the
few short scripts Material writes into every page, recognised by their shape.

Scripts are taken out first (each one checked), then the rest passes nh3 with the
page allowlist. Whatever nh3 would remove, or any script the gate does not know, stops
the build. Pure: give it a page's HTML, get back what would have to go.
"""

from __future__ import annotations

import hashlib
import json
from html.parser import HTMLParser

import nh3

from sidebyside.checks.linear import compile_linear
from sidebyside.publish.allowlist import ATTRIBUTES, TAGS, URL_SCHEMES
from sidebyside.publish.gate import DATA_IMAGES, Inventory, Removal, sanitised_inventory

# What Material and the engine add around the content.
PAGE_TAGS = TAGS | {"html", "head", "body", "meta", "link", "title", "form", "input", "label", "button", "nav", "header", "footer"}
PAGE_ATTRIBUTES: dict[str, set[str]] = {tag: set(names) for tag, names in ATTRIBUTES.items()}
for _tag, _names in {
    "*": {"hidden", "tabindex"},
    "html": {"class", "lang", "dir"},
    "meta": {"charset", "name", "content"},
    "link": {"href", "rel", "type", "sizes", "hreflang", "media", "crossorigin"},
    "a": {"target", "hreflang", "download", "aria-current"},  # aria-current: the language switcher's own language
    "form": {"name"},
    "label": {"for"},
    "input": {"name", "placeholder", "autocapitalize", "autocomplete", "autocorrect", "spellcheck", "required", "value", "id"},
    "button": {"name", "value"},
    "nav": {"aria-expanded"},
}.items():
    PAGE_ATTRIBUTES[_tag] = PAGE_ATTRIBUTES.get(_tag, set()) | _names
PAGE_PREFIXES = {"data-md-", "data-sbs-"}
LINK_RELS = {
    "stylesheet",
    "icon",
    "prev",
    "next",
    "canonical",
    "alternate",
    "preload",
    "prefetch",
    "manifest",
    "apple-touch-icon",
    "search",
}

SCRIPT = compile_linear(r"(?is)<script\b[^>]*>.*?</script\s*>")
# Material's own inline scripts, by shape: the script with every string's contents and
# every run of white space taken out (the strings hold the page's relative address).
STRING = compile_linear(r'"(?:[^"\\]|\\.)*"' + r"|'(?:[^'\\]|\\.)*'")
THEME_SCRIPTS = frozenset(
    {
        # __md_scope, __md_hash, __md_get, __md_set: where the theme keeps the reader's choices
        "7cae311c17491e29",
        # the colour palette the reader chose last time
        "66b0c1d628b01c94",
        # open the footnote or section the address points at
        "915b7dda6a947c47",
    }
)
PAGE_SCRIPT_ATTRIBUTES = {"src", "type", "id", "async", "defer"}


def script_shape(body: str) -> str:
    """A short fingerprint of a script that ignores its strings and spacing."""
    shape = "".join(STRING.sub('""', body).split())
    return hashlib.sha256(shape.encode()).hexdigest()[:16]


class _StartTag(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attrs: dict[str, str] = {}
        self.body = ""
        self.names: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.names:
            self.names = [n for n, _ in attrs]
            self.attrs = {n: v or "" for n, v in attrs}

    def handle_data(self, data: str) -> None:
        self.body += data


def _same_site(url: str) -> bool:
    """A relative address inside the site (no scheme, no other host)."""
    url = "".join(ch for ch in url if ch > " ").lower()
    return bool(url) and ":" not in url.split("/", 1)[0] and not url.startswith(("//", "\\", "/\\"))


def _check_script(element: str, known: frozenset[str]) -> Removal | None:
    """None for one of the theme's own scripts; else what is wrong with it."""
    parser = _StartTag()
    parser.feed(element)
    parser.close()
    odd = [n for n in parser.names if n not in PAGE_SCRIPT_ATTRIBUTES]
    if odd:
        return Removal("script", odd[0], parser.attrs.get(odd[0], ""))
    body = parser.body.strip()
    if "src" in parser.attrs:
        if body or not _same_site(parser.attrs["src"]):
            return Removal("script", "src", parser.attrs["src"])
        return None
    if parser.attrs.get("type", "").lower() == "application/json":
        try:
            json.loads(body)
        except ValueError:
            return Removal("script", "type", "application/json that is not JSON")
        return None
    if script_shape(body) in known:
        return None
    return Removal("script", "", "")


class _PageInventory(Inventory):
    """Every element and attribute of a page, counted, and the `<link>` elements that would
    load something from another website: both in one reading of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.outside_links: list[Removal] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        if tag != "link":
            return
        values = {n: v or "" for n, v in attrs}
        rels = set(values.get("rel", "").lower().split())
        if rels & LOADED and not _same_site(values.get("href", "")):
            self.outside_links.append(Removal("link", "href", values.get("href", "")))

    handle_startendtag = handle_starttag


# Links that make the browser load the file (the others only name an address).
LOADED = {"stylesheet", "icon", "preload", "prefetch", "manifest", "apple-touch-icon", "modulepreload"}


def _page_attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    lowered = "".join(ch for ch in value if ch > " ").lower()
    if tag == "img" and attribute == "src":
        return value if lowered.startswith(DATA_IMAGES) or _same_site(value) else None
    if attribute in ("href", "src", "action", "formaction") and lowered.startswith(("data:", "javascript:", "vbscript:")):
        return None
    if tag == "link" and attribute == "rel" and not set(value.lower().split()) <= LINK_RELS:
        return None
    if tag == "meta" and attribute == "name" and lowered in ("refresh",):
        return None
    return value


def sanitise_page(page: str) -> str:
    """A finished page (without its scripts) with everything outside the page allowlist taken out."""
    return nh3.clean(
        page,
        tags=PAGE_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "select", "math"},
        attributes=PAGE_ATTRIBUTES,
        attribute_filter=_page_attribute_filter,
        generic_attribute_prefixes=PAGE_PREFIXES,
        url_schemes=URL_SCHEMES | {"data"},
        link_rel=None,
        strip_comments=True,
    )


def check_page(page: str, known_scripts: frozenset[str] = THEME_SCRIPTS) -> list[Removal]:
    """What the gate would have to take out of a finished page (nothing: it may be published)."""
    problems: list[Removal] = []
    rest: list[str] = []
    start = 0
    for match in SCRIPT.finditer(page):
        rest.append(page[start : match.start()])
        start = match.end()
        problem = _check_script(match.group(0), known_scripts)
        if problem is not None:
            problems.append(problem)
    rest.append(page[start:])
    without_scripts = "".join(rest)
    reading = _PageInventory()
    reading.feed(without_scripts)
    reading.close()
    problems += reading.outside_links
    cleaned = sanitise_page(without_scripts)
    before = reading.found
    removed = before - sanitised_inventory(cleaned)
    # html5ever reads a page as a fragment, so the three elements that frame every page
    # are not in its output: their attributes are checked here instead (a browser adds
    # the attributes of a second <body> tag to the first).
    for item in list(removed):
        if item.tag in FRAME:
            del removed[item]
    for item in before:
        if item.tag in FRAME and item.attribute and not _frame_attribute_allowed(item):
            removed[item] += 1
    return problems + sorted(removed, key=lambda r: (r.tag, r.attribute, r.value))


FRAME = ("html", "head", "body")


def _frame_attribute_allowed(item: Removal) -> bool:
    allowed = PAGE_ATTRIBUTES.get(item.tag, set()) | PAGE_ATTRIBUTES["*"]
    return item.attribute in allowed or item.attribute.startswith(tuple(PAGE_PREFIXES))


def explain_page(where: str, removed: list[Removal], source: str = "") -> str:
    """The build's message for a finished page the gate stopped."""
    items = "\n".join(f"  - {_describe(r)}" for r in removed[:10])
    more = f"\n  - and {len(removed) - 10} more" if len(removed) > 10 else ""
    fix = f"Look in {source}: its title, its front matter and its text." if source else "Look at the page's title, front matter and text."
    return (
        f"{where} would be published with things the site never has, so the build stopped:\n{items}{more}\n"
        f"{fix} Titles and front matter are plain words: no HTML in them."
    )


def _describe(removal: Removal) -> str:
    if removal.tag == "script" and not removal.attribute:
        return "a script the theme did not write"
    return removal.describe()
