"""Load a course folder (modules/, glossary/, stories/) into typed records.

Loading never raises for a contributor's mistake: every problem becomes a finding
that names the file, the line and the fix, and the rest of the course still loads.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sidebyside.content import easy_read, references
from sidebyside.content.base_glossary import add_base_terms
from sidebyside.content.files import file_findings
from sidebyside.content.frontmatter import Document, DocumentCache, read_document
from sidebyside.content.languages import Language, split_suffix
from sidebyside.content.model import Activity, Attribution, Change, Consent, Course, Module, Person, Source, Story, Teller, Term, UnreadPage
from sidebyside.content.schema import MODULE, STORY, TERM, validate
from sidebyside.content.slides import split_slides
from sidebyside.content.translations import load_translations
from sidebyside.findings import Finding, error

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MODULE_FOLDER = re.compile(r"^(?:\d+-)?(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")
ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}
# Documents are never published from a module folder: they can hold anything, unchecked.
DOCUMENTS = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".odp", ".html", ".htm", ".js"}


def _lines(doc: Document) -> dict[str, int]:
    return dict(doc.meta.lines)


def _slug_problem(rel: str, name: str, example: str) -> Finding:
    return error(
        rel,
        1,
        "file-name",
        f"The name `{name}` can't be used as a web address.",
        f"Rename it using only lower-case letters, numbers and dashes, for example `{example}`.",
        "The name becomes part of the page's web address, which printed handouts point at.",
    )


def _folder_problems(folder: Path, root: Path) -> list[Finding]:
    """Links to files outside the course, and documents, in a module folder: each one an error."""
    found = []
    for path in sorted([folder, *folder.rglob("*")]):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            found.append(
                error(
                    rel,
                    1,
                    "file-outside",
                    f"`{rel}` is a link to a file outside the course.",
                    "Copy the file into the module's folder instead.",
                )
            )
        elif path.is_file() and path.suffix.lower() in DOCUMENTS:
            found.append(
                error(
                    rel,
                    1,
                    "file-document",
                    f"`{rel}` is a document, and documents in a module folder are never published.",
                    "Remove it. Put what it says into the module's text, or link to where it is published.",
                    "A document can hold anything, such as names or health details, and the checks cannot read it.",
                )
            )
    return found


def load_module(folder: Path, root: Path, documents: DocumentCache | None = None) -> tuple[Module | None, list[Finding]]:
    rel_folder = folder.relative_to(root).as_posix()
    match = MODULE_FOLDER.match(folder.name)
    if not match:
        return None, [_slug_problem(rel_folder, folder.name, "02-how-the-nhs-works")]
    problems = _folder_problems(folder, root)
    if problems:
        return None, problems
    index = folder / "index.md"
    if not index.is_file():
        return None, [
            error(
                rel_folder,
                1,
                "module-no-index",
                "This module folder has no index.md file.",
                "Add index.md with the module's front matter and text (`sidebyside new module` writes one for you).",
            )
        ]
    doc = read_document(index, root, documents)
    if not doc.ok:
        return None, doc.findings
    data, findings = validate(doc.meta, MODULE, doc.rel)
    if findings:
        return None, findings
    body, slides_text, slide_blocks = split_slides(doc.body, doc.body_line)
    module = Module(
        slug=match.group("slug"),
        folder=folder.name,
        path=index,
        rel=doc.rel,
        title=data["title"],
        summary=data["summary"],
        order=data["order"],
        duration=data["duration"],
        outcomes=data["outcomes"],
        owner=data["owner"],
        last_reviewed=data["last_reviewed"],
        next_review=data["next_review"],
        version=data["version"],
        body=body,
        body_line=doc.body_line,
        slides=slide_blocks,
        slides_text=slides_text,
        co_produced_with=[Person(**p) for p in data.get("co_produced_with", [])],
        sources=[Source(**s) for s in data.get("sources", [])],
        adapted_from=Attribution(**data["adapted_from"]) if data.get("adapted_from") else None,
        changes=[Change(**c) for c in data.get("changes", [])],
        activities=[
            Activity(a["title"], a["minutes"], tuple(a.get("materials", [])), a.get("description", "")) for a in data.get("activities", [])
        ],
        jargon_allow=list(data.get("jargon", {}).get("allow", [])),
        allow_details=list(data.get("allow_details", [])),
        assets=sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in ASSET_SUFFIXES),
        lines=_lines(doc),
    )
    easy_file = folder / easy_read.FILE_NAME
    if easy_file.is_file():
        module.easy_read, problems = easy_read.load_easy_read(easy_file, root)
        return module, problems
    return module, []


def load_term(path: Path, root: Path, documents: DocumentCache | None = None) -> tuple[Term | None, list[Finding]]:
    doc = read_document(path, root, documents)
    if not SLUG.match(path.stem):
        return None, [_slug_problem(doc.rel, path.name, "run-chart.md")]
    if not doc.ok:
        return None, doc.findings
    data, findings = validate(doc.meta, TERM, doc.rel)
    if findings:
        return None, findings
    return (
        Term(
            slug=path.stem,
            path=path,
            rel=doc.rel,
            term=data["term"],
            plain=data["plain"],
            body=doc.body,
            body_line=doc.body_line,
            stands_for=data.get("stands_for", ""),
            aliases=data.get("aliases", []),
            see_also=data.get("see_also", []),
            avoid=data.get("avoid", False),
            instead=data.get("instead", ""),
            everyday=data.get("everyday", False),
            lines=_lines(doc),
        ),
        [],
    )


def _consent(data: dict[str, Any] | None) -> Consent | None:
    if not data:
        return None
    return Consent(data["recorded"], data["ref"], tuple(data["scope"]), data["expires"], data.get("withdrawn", False))


def load_story(path: Path, root: Path, documents: DocumentCache | None = None) -> tuple[Story | None, list[Finding]]:
    doc = read_document(path, root, documents)
    if not SLUG.match(path.stem):
        return None, [_slug_problem(doc.rel, path.name, "finding-my-voice.md")]
    if not doc.ok:
        return None, doc.findings
    data, findings = validate(doc.meta, STORY, doc.rel)
    if findings:
        return None, findings
    consent = data.get("consent")
    allow = list(data.get("allow_details", [])) + list((consent or {}).get("allow_details", []))
    return (
        Story(
            slug=path.stem,
            path=path,
            rel=doc.rel,
            title=data["title"],
            teller=Teller(**data["teller"]),
            kind=data["kind"],
            body=doc.body,
            body_line=doc.body_line,
            summary=data.get("summary", ""),
            consent=_consent(consent),
            content_notes=data.get("content_notes", []),
            themes=data.get("themes", []),
            modules=data.get("modules", []),
            allow_details=allow,
            jargon_allow=list(data.get("jargon", {}).get("allow", [])),
            lines=_lines(doc),
        ),
        [],
    )


# Problems after which the body cannot be told apart from the front matter, or not read at all.
BODY_UNREADABLE = frozenset({"front-matter-unclosed", "file-encoding", "file-too-large", "file-symlink", "file-empty"})


def _unread(kind: str, path: Path, root: Path, findings: list[Finding]) -> UnreadPage | None:
    """The body of a file whose front matter has a mistake, so its text is still checked."""
    if not path.is_file() or any(f.rule in BODY_UNREADABLE or f.rule == "file-name" for f in findings):
        return None
    doc = read_document(path, root)
    if any(f.rule in BODY_UNREADABLE for f in doc.findings) or not doc.body.strip():
        return None
    return UnreadPage(kind, path, doc.rel, doc.body, doc.body_line)


def _markdown_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix == ".md" and not p.name.startswith((".", "_")) and p.name.lower() != "readme.md" and not split_suffix(p.name)[1]
    )


def load_course(
    root: Path,
    modules: str = "modules",
    glossary: str = "glossary",
    stories: str = "stories",
    documents: DocumentCache | None = None,
    languages: tuple[Language, ...] = (),
    *,
    base_glossary: bool = False,
    hide_base_terms: tuple[str, ...] = (),
) -> tuple[Course, list[Finding]]:
    """Load every module, term and story under `root` (and their translations into `languages[1:]`), with all findings
    about them; with `base_glossary`, the engine's base entries the course does not replace or hide."""
    root = root.resolve()
    course = Course(root)
    findings: list[Finding] = []
    modules_dir = root / modules
    if modules_dir.is_dir():
        for folder in sorted(p for p in modules_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            module, problems = load_module(folder, root, documents)
            findings += problems
            if module:
                course.modules.append(module)
            elif match := MODULE_FOLDER.match(folder.name):
                course.unloaded_modules.add(match.group("slug"))
                if unread := _unread("module", folder / "index.md", root, problems):
                    course.unread_pages.append(unread)
    for path in _markdown_files(root / glossary):
        term, problems = load_term(path, root, documents)
        findings += problems
        if term:
            course.terms.append(term)
        else:
            course.unloaded_terms.add(path.stem)
            if unread := _unread("term", path, root, problems):
                course.unread_pages.append(unread)
    if base_glossary:
        findings += add_base_terms(course, hide_base_terms, documents)
    for path in _markdown_files(root / stories):
        story, problems = load_story(path, root, documents)
        findings += problems
        if story:
            course.stories.append(story)
        else:
            course.unloaded_stories.add(path.stem)
            if unread := _unread("story", path, root, problems):
                course.unread_pages.append(unread)
    course.modules.sort(key=lambda m: (m.order, m.slug))
    course.terms.sort(key=lambda t: t.term.casefold())
    course.stories.sort(key=lambda s: s.title.casefold())
    findings += references.check(course)
    findings += file_findings(root, {"modules": modules, "glossary": glossary, "stories": stories, "docs": "docs"})
    course.translations, problems = load_translations(course, languages, (modules, glossary, stories), documents=documents)
    return course, findings + problems
