"""The pages a check reads: module, story and glossary text, and the site's own docs pages.

Checks about what a page contains (personal details, unsafe HTML, links, images,
macros) all walk the same list, with each page's source file, the line its text
starts on, and the address it will have on the website.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sidebyside.checks.linear import mask_code_spans
from sidebyside.content.frontmatter import read_text, split
from sidebyside.content.languages import split_suffix
from sidebyside.content.model import Course
from sidebyside.render.links import GLOSSARY_INDEX, easy_read_src, module_src, story_src

DOCS_DIR = "docs"
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class PageText:
    """One page's text and where it comes from."""

    rel: str  # the file to fix, relative to the course folder
    kind: str  # module | story | term | doc
    body: str
    body_line: int
    src: str  # its source path on the site, e.g. modules/how-the-nhs-works/index.md
    folder: Path  # the folder its images are relative to
    allow_details: list[str] = field(default_factory=list)
    fields: dict[str, tuple[str, int]] = field(default_factory=dict)  # front matter text shown on the page
    language: str = ""  # the code of a translation's language; "" for the course's own


def site_address(src: str) -> str:
    """The address of a site source path: modules/x/index.md -> modules/x/, about.md -> about/."""
    if src.endswith("index.md"):
        return src[: -len("index.md")]
    if src.endswith(".md"):
        return src[: -len(".md")] + "/"
    return src


def _doc_pages(course: Course) -> Iterator[PageText]:
    docs = course.root / DOCS_DIR
    if not docs.is_dir():
        return
    for path in sorted(docs.rglob("*.md")):
        if path.is_symlink() or not path.is_file() or split_suffix(path.name)[1] in course.translations:
            continue  # translations of docs pages are read with the other translations
        rel = path.relative_to(course.root).as_posix()
        try:
            text, problems = read_text(path, rel)
        except OSError:
            continue
        if text is None or problems:
            continue
        front, body, body_line, _ = split(text, rel)
        if front is None:
            body, body_line = text, 1
        yield PageText(rel, "doc", body, body_line, path.relative_to(docs).as_posix(), path.parent)


def pages(course: Course) -> list[PageText]:
    """Every page whose text contributors write."""
    found: list[PageText] = []
    for m in course.modules:
        texts = {"title": (m.title, m.lines.get("title", 1)), "summary": (m.summary, m.lines.get("summary", 1))}
        found.append(PageText(m.rel, "module", m.body, m.body_line, module_src(m.slug), m.path.parent, list(m.allow_details), texts))
        if m.slides:
            found.append(PageText(m.rel, "slides", m.slides_text, m.body_line, module_src(m.slug), m.path.parent, list(m.allow_details)))
        if m.easy_read is not None:
            easy = m.easy_read
            texts = {"title": (easy.title, easy.lines.get("title", 1))}
            texts |= {f"picture {p.line}": (p.alt, p.line) for p in easy.pictures}
            src = easy_read_src(m.slug)
            found.append(PageText(easy.rel, "easy-read", easy.body, easy.body_line, src, m.path.parent, list(m.allow_details), texts))
    for s in course.stories:
        texts = {"title": (s.title, s.lines.get("title", 1)), "summary": (s.summary, s.lines.get("summary", 1))}
        found.append(PageText(s.rel, "story", s.body, s.body_line, story_src(s.slug), s.path.parent, list(s.allow_details), texts))
    for t in course.terms:
        texts = {"plain": (t.plain, t.lines.get("plain", 1))}
        found.append(PageText(t.rel, "term", t.body, t.body_line, GLOSSARY_INDEX, t.path.parent, [], texts))
    found += list(_doc_pages(course))
    return found + _translated_pages(course)


def _translated_pages(course: Course) -> list[PageText]:
    """Every translated page, at its original's place on the site, with what the original allows."""
    found: list[PageText] = []
    for code, edition in course.translations.items():
        for m in edition.modules.values():
            texts = {"title": (m.title, m.lines.get("title", 1)), "summary": (m.summary, m.lines.get("summary", 1))}
            found.append(
                PageText(m.rel, "module", m.body, m.body_line, module_src(m.slug), m.path.parent, list(m.allow_details), texts, code)
            )
        for slug, easy in edition.easy_reads.items():
            original = course.module(slug)
            allow = list(original.allow_details) if original else []
            texts = {"title": (easy.title, easy.lines.get("title", 1))}
            found.append(
                PageText(easy.rel, "easy-read", easy.body, easy.body_line, easy_read_src(slug), easy.path.parent, allow, texts, code)
            )
        for s in edition.stories.values():
            texts = {"title": (s.title, s.lines.get("title", 1)), "summary": (s.summary, s.lines.get("summary", 1))}
            found.append(
                PageText(s.rel, "story", s.body, s.body_line, story_src(s.slug), s.path.parent, list(s.allow_details), texts, code)
            )
        for t in edition.terms.values():
            texts = {"plain": (t.plain, t.lines.get("plain", 1))}
            found.append(PageText(t.rel, "term", t.body, t.body_line, GLOSSARY_INDEX, t.path.parent, [], texts, code))
        for record in edition.records.values():
            if record.kind == "doc":
                doc = edition.docs[record.original_rel.split("/", 1)[1]]
                found.append(PageText(record.rel, "doc", doc.body, doc.body_line, doc.src, record.path.parent, language=code))
    return found


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Each line of Markdown outside fenced code, with inline code blanked out, and its line number."""
    fenced = ""
    for offset, line in enumerate(body.split("\n")):
        match = FENCE.match(line)
        if match:
            if not fenced:
                fenced = match.group(1)
                continue
            if line.strip().startswith(fenced):
                fenced = ""
                continue
        if fenced:
            continue
        yield first_line + offset, mask_code_spans(line)
