"""Sanitise HTML with nh3 against the allowlist, and say exactly what it had to remove.

The build does not publish the sanitised copy and carry on: a page the gate had to
change was written with something it should not have, so the build stops and names it.
What it removed is found by comparing the elements and attributes before and after.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from typing import NamedTuple

import nh3

from sidebyside.publish.allowlist import ATTRIBUTES, TAGS, URL_SCHEMES

# Removed with everything inside them, not just the tags.
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "select", "math", "foreignobject"}
DATA_IMAGES = ("data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;", "data:image/svg+xml;")


class GateProblem(Exception):
    """Something that would be published is not allowed; the message names the page and what."""


class Removal(NamedTuple):
    """An element (or one attribute of it) the gate would take out. A tuple: pages are
    inventoried element by element, and a tuple is counted far faster than a dataclass."""

    tag: str
    attribute: str = ""
    value: str = ""

    def describe(self) -> str:
        if not self.attribute:
            return f"a <{self.tag}> element"
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        return f"the {self.attribute} attribute on <{self.tag}> ({shown})" if shown else f"the {self.attribute} attribute on <{self.tag}>"


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Pictures come from the site itself or are pictures the engine made: never from another website."""
    if tag == "img" and attribute == "src":
        lowered = value.strip().lower()
        if lowered.startswith(DATA_IMAGES):
            return value
        if ":" in lowered.split("/", 1)[0] or lowered.startswith("//"):
            return None
    if attribute == "href" and value.strip().lower().startswith("data:"):
        return None
    return value


def sanitise(fragment: str) -> str:
    """The fragment with everything outside the allowlist taken out."""
    return nh3.clean(
        fragment,
        tags=TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes=URL_SCHEMES | {"data"},
        link_rel=None,
        strip_comments=True,
    )


class Inventory(HTMLParser):
    """Every element and attribute of a fragment, counted."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[Removal] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found[Removal(tag)] += 1
        for name, value in attrs:
            self.found[Removal(tag, name, " ".join((value or "").split()))] += 1

    handle_startendtag = handle_starttag


def inventory(fragment: str) -> Counter[Removal]:
    parser = Inventory()
    parser.feed(fragment)
    parser.close()
    return parser.found


# A start tag as html5ever writes it: lower-case HTML names (SVG keeps `viewBox`), every
# attribute as name="value" with `&` and `"` escaped, and `<` escaped in all text (nothing
# that keeps raw text, such as <script> or <style>, is ever let through).
SERIALISED_TAG = re.compile(r'<([A-Za-z][^\s/>]*)((?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)\s*/?>')
SERIALISED_ATTRIBUTE = re.compile(r'\s+([^\s"\'>/=]+)(?:="([^"]*)")?')


def sanitised_inventory(cleaned: str) -> Counter[Removal]:
    """The same count as `inventory`, read quickly from what nh3 wrote (and only from that).

    A page is read twice by the gate, as given and as sanitised; the sanitised copy is
    well formed, so a pattern reads it in a fraction of the time. Were it ever to miss
    a tag, the gate would report a removal that did not happen and stop the build: it can
    never let anything through (tests/test_gate_properties.py compares the two counts)."""
    found: Counter[Removal] = Counter()
    for match in SERIALISED_TAG.finditer(cleaned):
        tag = match.group(1).lower()
        found[Removal(tag)] += 1
        for name, value in SERIALISED_ATTRIBUTE.findall(match.group(2)):
            found[Removal(tag, name.lower(), " ".join(html.unescape(value).split()))] += 1
    return found


def check_html(fragment: str) -> list[Removal]:
    """What the gate would remove from `fragment` (nothing: it may be published as it is)."""
    cleaned = sanitise(fragment)
    removed = inventory(fragment) - sanitised_inventory(cleaned)
    # html5ever moves, closes and lower-cases things without removing anything: a removed
    # element is only reported when the same kind of element is not in the output at all
    # in that number, which the Counter difference already says.
    return sorted(removed, key=lambda r: (r.tag, r.attribute, r.value))


def explain(where: str, removed: list[Removal], source: str = "") -> str:
    """The build's message for a page the gate stopped."""
    items = "\n".join(f"  - {r.describe()}" for r in removed[:10])
    more = f"\n  - and {len(removed) - 10} more" if len(removed) > 10 else ""
    fix = f"Remove them from {source}." if source else "Remove them from the page."
    return (
        f"{where} has content that is never published, so the build stopped:\n{items}{more}\n"
        f"{fix} Pages may use ordinary Markdown, pictures from the course and links to web pages, "
        "but not scripts, frames, forms, styles, event handlers or pictures from other websites."
    )
