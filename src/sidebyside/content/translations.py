"""Translations read beside their originals, and what each says about its original.

Only the words come from a translation: title, summary, text. Everything that
decides what may be published (consent, personal details allowed, owners, review
dates) always comes from the original, so a translation can never widen it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sidebyside.content.easy_read import EasyRead, parse_parts
from sidebyside.content.frontmatter import DocumentCache, parse_yaml, read_document, read_text, split
from sidebyside.content.languages import Language, fingerprint, split_suffix, translation_name
from sidebyside.content.model import Course, Module, Story, Term
from sidebyside.content.slides import split_slides
from sidebyside.findings import Finding, warning

# The fields a translation may give, per kind of page; any other field is the original's.
WORDS = {
    "module": ("title", "summary", "outcomes"),
    "easy-read": ("title",),
    "term": ("term", "plain", "aliases", "stands_for"),
    "story": ("title", "summary"),
    "doc": (),
}
REVIEW_FIELDS = ("translated_from", "translation_review", "translation_reviewed_by", "translation_reviewed_on")


@dataclass(frozen=True)
class Translation:
    """One translated file: which original, which language, which version it was made from, and its review."""

    language: str
    kind: str  # module | easy-read | term | story | doc
    path: Path
    rel: str
    original_rel: str
    translated_from: str  # "" when the translator has not recorded it
    current: str  # the original's version (modules) or fingerprint (other files) now
    reviewed_by: str = ""
    reviewed_on: dt.date | None = None
    line: int = 1  # the line of `translated_from`, or 1

    @property
    def out_of_date(self) -> bool:
        return self.translated_from != self.current

    @property
    def draft(self) -> bool:
        """A draft until a qualified translator is recorded as having checked it."""
        return not self.reviewed_by


@dataclass(frozen=True)
class DocTranslation:
    """A translated page of the site's own (docs/about.cy.md): its whole Markdown, front matter included."""

    src: str  # the original's path in docs/, e.g. about.md
    markdown: str
    body: str
    body_line: int


@dataclass
class LanguageEdition:
    """Everything translated into one language, keyed like the originals."""

    language: Language
    modules: dict[str, Module] = field(default_factory=dict)
    easy_reads: dict[str, EasyRead] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)
    docs: dict[str, DocTranslation] = field(default_factory=dict)
    records: dict[str, Translation] = field(default_factory=dict)  # by the original's rel

    def record_for(self, original_rel: str) -> Translation | None:
        return self.records.get(original_rel)

    def course(self, original: Course) -> Course:
        """The course as a reader of this language sees it: translations where there are any, originals elsewhere."""
        modules = []
        for module in original.modules:
            shown = self.modules.get(module.slug, module)
            if module.easy_read is not None and module.slug in self.easy_reads:
                shown = replace(shown, easy_read=self.easy_reads[module.slug])
            modules.append(shown)
        return replace(
            original,
            modules=modules,
            terms=sorted((self.terms.get(t.slug, t) for t in original.terms), key=lambda t: t.term.casefold()),
            stories=[self.stories.get(s.slug, s) for s in original.stories],
        )


def _review(meta: dict[str, Any]) -> tuple[str, str, dt.date | None]:
    source = meta.get("translated_from", "")
    by = meta.get("translation_reviewed_by", "")
    on = meta.get("translation_reviewed_on")
    return (str(source).strip() if source is not None else ""), (str(by).strip() if by else ""), (on if isinstance(on, dt.date) else None)


def _words(meta: dict[str, Any], kind: str) -> dict[str, Any]:
    """The translated words in a translation's front matter, where they have the original's type."""
    taken: dict[str, Any] = {}
    for name in WORDS[kind]:
        value = meta.get(name)
        if isinstance(value, str) and value.strip():
            taken[name] = value.strip()
        elif isinstance(value, list) and all(isinstance(v, str) for v in value) and value:
            taken[name] = [v.strip() for v in value]
    return taken


@dataclass(frozen=True)
class _Found:
    """A file's path and front matter, for a page read without the schema (docs pages)."""

    path: Path
    rel: str
    meta: Any


class _Reader:
    """Reads every translation of a course, one language at a time."""

    def __init__(self, course: Course, documents: DocumentCache | None) -> None:
        self.course = course
        self.root = course.root
        self.documents = documents
        self.findings: list[Finding] = []

    def _document(self, path: Path) -> Any:
        doc = read_document(path, self.root, self.documents)
        if not doc.ok:
            self.findings += doc.findings
            return None
        return doc

    def _record(self, edition: LanguageEdition, doc: Any, kind: str, original_rel: str, current: str) -> None:
        source, by, on = _review(doc.meta)
        line = doc.meta.lines.get("translated_from", 1) if hasattr(doc.meta, "lines") else 1
        edition.records[original_rel] = Translation(
            edition.language.code, kind, doc.path, doc.rel, original_rel, source, current, by, on, line
        )

    def module(self, edition: LanguageEdition, module: Module) -> None:
        path = module.path.with_name(translation_name(module.path.name, edition.language.code))
        if path.is_file() and (doc := self._document(path)):
            lines = dict(module.lines) | {k: v for k, v in doc.meta.lines.items() if k in WORDS["module"]}
            # Slide blocks come out of the text, as in the original (they are for the decks only).
            body, slides_text, slides = split_slides(doc.body, doc.body_line)
            edition.modules[module.slug] = replace(
                module,
                path=path,
                rel=doc.rel,
                body=body,
                body_line=doc.body_line,
                lines=lines,
                slides=slides,
                slides_text=slides_text,
                **_words(doc.meta, "module"),
            )
            self._record(edition, doc, "module", module.rel, module.version)
        easy = module.easy_read
        if easy is None:
            return
        path = easy.path.with_name(translation_name(easy.path.name, edition.language.code))
        if path.is_file() and (doc := self._document(path)):
            parts, problems = parse_parts(doc.body, doc.body_line, doc.rel, path.parent)
            self.findings += problems
            lines = dict(easy.lines) | {k: v for k, v in doc.meta.lines.items() if k in WORDS["easy-read"]}
            edition.easy_reads[module.slug] = replace(
                easy,
                path=path,
                rel=doc.rel,
                parts=parts,
                body=doc.body,
                body_line=doc.body_line,
                lines=lines,
                **_words(doc.meta, "easy-read"),
            )
            self._record(edition, doc, "easy-read", easy.rel, fingerprint(easy.path))

    def term(self, edition: LanguageEdition, term: Term) -> None:
        path = term.path.with_name(translation_name(term.path.name, edition.language.code))
        if path.is_file() and (doc := self._document(path)):
            lines = dict(term.lines) | {k: v for k, v in doc.meta.lines.items() if k in WORDS["term"]}
            edition.terms[term.slug] = replace(
                term, path=path, rel=doc.rel, body=doc.body, body_line=doc.body_line, lines=lines, **_words(doc.meta, "term")
            )
            self._record(edition, doc, "term", term.rel, fingerprint(term.path))

    def story(self, edition: LanguageEdition, story: Story) -> None:
        path = story.path.with_name(translation_name(story.path.name, edition.language.code))
        if path.is_file() and (doc := self._document(path)):
            lines = dict(story.lines) | {k: v for k, v in doc.meta.lines.items() if k in WORDS["story"]}
            edition.stories[story.slug] = replace(
                story, path=path, rel=doc.rel, body=doc.body, body_line=doc.body_line, lines=lines, **_words(doc.meta, "story")
            )
            self._record(edition, doc, "story", story.rel, fingerprint(story.path))

    def doc(self, edition: LanguageEdition, docs: Path, original: Path) -> None:
        path = original.with_name(translation_name(original.name, edition.language.code))
        if not path.is_file() or path.is_symlink():
            return
        rel = path.relative_to(self.root).as_posix()
        text, problems = read_text(path, rel)
        if text is None or problems:
            self.findings += problems
            return
        front, body, body_line, _ = split(text, rel)
        meta: Any = {}
        if front is None:
            body, body_line = text, 1
        else:
            meta, problems = parse_yaml(front, rel, 2)
            self.findings += problems
            meta = meta if isinstance(meta, dict) else {}
        src = original.relative_to(docs).as_posix()
        edition.docs[src] = DocTranslation(src, text, body, body_line)
        self._record(edition, _Found(path, rel, meta), "doc", original.relative_to(self.root).as_posix(), fingerprint(original))


def translation_files(folder: Path) -> list[Path]:
    """The files in `folder` (and below) named as translations (`*.xx.md`)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.md") if split_suffix(p.name)[1] and not p.name.startswith((".", "_")))


def load_translations(
    course: Course,
    languages: tuple[Language, ...],
    folders: tuple[str, ...],
    docs_dir: str = "docs",
    documents: DocumentCache | None = None,
) -> tuple[dict[str, LanguageEdition], list[Finding]]:
    """Every translation beside the course's originals, by language, and what is wrong with the files."""
    reader = _Reader(course, documents)
    editions: dict[str, LanguageEdition] = {}
    docs = course.root / docs_dir
    doc_pages = sorted(p for p in docs.rglob("*.md") if not split_suffix(p.name)[1]) if docs.is_dir() else []
    for language in languages[1:]:
        edition = editions[language.code] = LanguageEdition(language)
        for module in course.modules:
            reader.module(edition, module)
        for term in course.terms:
            reader.term(edition, term)
        for story in course.stories:
            reader.story(edition, story)
        for page in doc_pages:
            reader.doc(edition, docs, page)
    known = {language.code for language in languages[1:]}
    read = {r.rel for e in editions.values() for r in e.records.values()}
    for folder in (*folders, docs_dir):
        for path in translation_files(course.root / folder):
            rel = path.relative_to(course.root).as_posix()
            original, code = split_suffix(path.name)
            if code not in known:
                reader.findings.append(
                    warning(
                        rel,
                        1,
                        "translation-language",
                        f"`{rel}` is named as a translation into `{code}`, but `{code}` is not one of the course's languages, so it is not published.",
                        f"Add `- code: {code}` under `translations:` in the sidebyside settings in mkdocs.yml, or rename the file.",
                    )
                )
            elif rel not in read and not (path.parent / original).is_file():
                reader.findings.append(
                    warning(
                        rel,
                        1,
                        "translation-no-original",
                        f"`{rel}` is a translation of `{original}`, but there is no `{original}` beside it, so it is not published.",
                        f"Name it after the file it translates, for example `{translation_name(original, code)}` beside `{original}`.",
                    )
                )
    return editions, reader.findings
