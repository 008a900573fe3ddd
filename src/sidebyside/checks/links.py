"""Links and images: every link leads somewhere, link text makes sense on its own,
and every image has alt text and exists.

Links may use the address seen in the browser (`../working-together/`,
`../../glossary/#run-chart`) or the page's source path (`../working-together/index.md`).
Decorative images have an explicit empty alt text, marked as decoration:
`![](flourish.png){ role="presentation" }` or `<img src="flourish.png" alt="">`.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify

from sidebyside.checks import CheckContext
from sidebyside.checks.linear import compile_linear
from sidebyside.checks.pages import PageText, pages, prose_lines, site_address
from sidebyside.content.model import Course
from sidebyside.content.schema import did_you_mean
from sidebyside.findings import Finding, error, warning
from sidebyside.render.links import GLOSSARY_INDEX, MODULES_INDEX, STORIES_INDEX, module_src, story_src

LINK = compile_linear(r"(?P<bang>!?)\[(?P<text>[^\]]*)\]\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)(?P<attrs>\{[^}]*\})?")
HTML_IMG = compile_linear(r"(?i)<img\b(?P<attrs>[^>]*)>")
HTML_ATTR = compile_linear(r"""(?i)\b(?P<name>[a-z-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""")
HEADING = compile_linear(r"^(#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
ATTR_ID = compile_linear(r"\{[^}]*?#(?P<id>[\pL\pN_-]+)[^}]*\}")
TRAILING_ATTRS = compile_linear(r"\{[^}]*\}\s*$")
LINK_TEXT = compile_linear(r"!?\[([^\]]*)\]\([^)]*\)")
HTML_ID = compile_linear(r"""\bid\s*=\s*["']([^"']+)["']""")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
VAGUE = {"here", "click here", "click", "read more", "more", "this link", "link", "this page", "find out more", "this", "go"}
DECORATIVE = re.compile(r"""role\s*=\s*["']?presentation|\.decorative\b""", re.I)

COURSE_SECTIONS = ("modules/", "stories/", "glossary/")
WHY_LINK = "A link that leads nowhere lets readers down, and printed handouts point at these addresses."


@dataclass
class Site:
    """What the website will contain: page addresses and the anchors on each page (None: not known)."""

    pages: dict[str, set[str] | None]
    srcs: dict[str, str]  # source path -> address

    def anchors(self, address: str) -> set[str] | None:
        return self.pages.get(address)


def _clean_heading(text: str) -> str:
    text = TRAILING_ATTRS.sub("", text)
    text = LINK_TEXT.sub(r"\1", text)
    return re.sub(r"[*_`]", "", text).strip()


def heading_ids(body: str, extra_headings: tuple[str, ...] = ()) -> set[str]:
    ids: set[str] = set()
    counts: dict[str, int] = {}

    def add(text: str, explicit: str | None = None) -> None:
        if explicit:
            ids.add(explicit)
            return
        slug = slugify(_clean_heading(text), "-")
        if slug in counts:
            counts[slug] += 1
            ids.add(f"{slug}_{counts[slug]}")
        else:
            counts[slug] = 0
            ids.add(slug)

    for heading in extra_headings:
        add(heading)
    for _, line in prose_lines(body, 1):
        match = HEADING.match(line)
        if match:
            explicit = ATTR_ID.search(match.group("text"))
            add(match.group("text"), explicit.group("id") if explicit else None)
        ids.update(m.group("id") for m in ATTR_ID.finditer(line))
        ids.update(HTML_ID.findall(line))
    return ids


def build_site_model(course: Course, texts: list[PageText]) -> Site:
    site: dict[str, set[str] | None] = {"": None, "modules/": None, "stories/": None}
    letters = {f"letter-{(t.term.strip()[:1].upper() if t.term.strip()[:1].isalpha() else '0–9').lower()}" for t in course.terms}
    site["glossary/"] = {t.slug for t in course.terms} | letters
    for m in course.modules:
        fixed: tuple[str, ...] = (m.title, "By the end of this module you will", "Who made this page", "Where our facts come from")
        fixed += (f"What changed in version {m.version}",)
        site[m.url] = heading_ids(m.body, fixed)
    for s in course.stories:
        site[s.url] = heading_ids(s.body, (s.title, "Modules this story goes with"))
    for page in texts:
        if page.kind == "doc":
            site[site_address(page.src)] = heading_ids(page.body)
    # Files that exist but could not be read are already reported: links to them are not.
    site["glossary/"] = (site["glossary/"] or set()) | course.unloaded_terms
    site |= {f"modules/{slug}/": None for slug in course.unloaded_modules}
    site |= {f"stories/{slug}/": None for slug in course.unloaded_stories}
    srcs = {MODULES_INDEX: "modules/", GLOSSARY_INDEX: "glossary/", STORIES_INDEX: "stories/"}
    srcs |= {module_src(slug): f"modules/{slug}/" for slug in course.unloaded_modules}
    srcs |= {story_src(slug): f"stories/{slug}/" for slug in course.unloaded_stories}
    srcs |= {module_src(m.slug): m.url for m in course.modules}
    srcs |= {story_src(s.slug): s.url for s in course.stories}
    srcs |= {page.src: site_address(page.src) for page in texts if page.kind == "doc"}
    return Site(site, srcs)


def _attrs(text: str) -> dict[str, str]:
    return {m.group("name").lower(): m.group("dq") or m.group("sq") or m.group("bare") or "" for m in HTML_ATTR.finditer(text)}


def _image(page: PageText, line: int, column: int, alt: str | None, target: str, marks: str) -> list[Finding]:
    findings: list[Finding] = []
    if alt is None:
        findings.append(
            error(
                page.rel,
                line,
                "image-alt",
                "This image has no `alt` text.",
                'Add alt="..." saying what the image shows, or alt="" if it is only decoration.',
                "People who use screen readers hear the alt text instead of seeing the image.",
                column,
            )
        )
    elif not alt.strip() and marks is not None and not DECORATIVE.search(marks):
        findings.append(
            error(
                page.rel,
                line,
                "image-alt",
                "This image has no alt text.",
                "Say what the image shows: ![A run chart of waiting times](chart.png). "
                'If it is only decoration, mark it: ![](flourish.png){ role="presentation" }',
                "People who use screen readers hear the alt text instead of seeing the image.",
                column,
            )
        )
    if target and not SCHEME.match(target) and not target.startswith(("/", "#")):
        path = target.split("#")[0].split("?")[0]
        if path and not (page.folder / path).is_file():
            findings.append(
                error(
                    page.rel,
                    line,
                    "image-missing",
                    f"The image `{path}` cannot be found.",
                    f"Put the image file next to {page.rel.rsplit('/', 1)[-1]}, or check the spelling of its name.",
                    column=column,
                )
            )
    return findings


def _resolve(page: PageText, path: str, site: Site) -> tuple[str | None, str]:
    """The address a link leads to, or None; and a readable form of what was asked for."""
    if path.endswith(".md"):
        src = posixpath.normpath(posixpath.join(posixpath.dirname(page.src), path))
        return site.srcs.get(src), src
    own = site_address(page.src)
    resolved = posixpath.normpath(posixpath.join(own.rstrip("/") or ".", path))
    resolved = "" if resolved in (".", "") else resolved.rstrip("/") + "/"
    return (resolved if resolved in site.pages else None), resolved


def _link(page: PageText, line: int, column: int, text: str, target: str, site: Site) -> list[Finding]:
    findings: list[Finding] = []
    plain = re.sub(r"[^\w\s]", "", text).strip().casefold()
    if plain in VAGUE:
        findings.append(
            warning(
                page.rel,
                line,
                "link-text",
                f"The link text “{text.strip()}” does not say where the link goes.",
                "Use words that make sense on their own, such as the name of the page: [the glossary](../../glossary/).",
                "Many people, including screen reader users, skim a page by its links.",
                column,
            )
        )
    if not target or SCHEME.match(target) or target.startswith(("/", "{")):
        return findings
    path, _, anchor = target.partition("#")
    if path and not path.endswith((".md", "/")) and "." in path.rsplit("/", 1)[-1]:
        return findings  # a file such as a handout or an image: checked by the host
    if not path:
        address: str | None = site_address(page.src)
        wanted = address
    else:
        address, wanted = _resolve(page, path if path.endswith((".md", "/")) else path + "/", site)
    wanted = wanted or ""
    if address is None and not wanted.startswith(COURSE_SECTIONS):
        return findings  # a page made by something else (or a docs page): MkDocs checks those links
    if address is None:
        guess = did_you_mean(wanted, [a for a in site.pages if a])
        hint = f"Did you mean the page at `{guess}`?" if guess else "Check the address: copy it from the browser's address bar."
        findings.append(
            error(page.rel, line, "link-broken", f"The link to `{target}` leads to a page that does not exist.", hint, WHY_LINK, column)
        )
        return findings
    anchors = site.anchors(address)
    if anchor and anchors is not None and anchor not in anchors:
        guess = did_you_mean(anchor, sorted(anchors))
        where = "the glossary" if address == "glossary/" else f"the page `{address or 'home'}`"
        hint = f"Did you mean `#{guess}`?" if guess else f"Check the part after # matches a heading on {where}."
        findings.append(
            error(
                page.rel,
                line,
                "link-anchor",
                f"The link to `{target}` points at `#{anchor}`, which is not on {where}.",
                hint,
                WHY_LINK,
                column,
            )
        )
    return findings


def links_and_images(course: Course, context: CheckContext) -> list[Finding]:
    texts = pages(course)
    site = build_site_model(course, texts)
    findings: list[Finding] = []
    for page in texts:
        for line, text in prose_lines(page.body, page.body_line):
            for match in LINK.finditer(text):
                column = match.start() + 1
                if match.group("bang"):
                    findings += _image(page, line, column, match.group("text"), match.group("target"), match.group("attrs") or "")
                else:
                    findings += _link(page, line, column, match.group("text"), match.group("target"), site)
            for match in HTML_IMG.finditer(text):
                attrs = _attrs(match.group("attrs"))
                findings += _image(page, line, match.start() + 1, attrs.get("alt"), attrs.get("src", ""), None)  # type: ignore[arg-type]
    return findings
