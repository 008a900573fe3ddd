"""Small mistakes with files that would otherwise be passed over without a word.

Side by Side reads pages that end in `.md`; a page saved as `.MD` or `.markdown` was
silently left out. `stories/index.md` would take the place of the stories page the
engine makes. A NUL byte, a file name with `<` or `"` in it, or front matter nested
hundreds deep in a `docs/` page each get a plain message too. Folders are walked
without following links, so a link to a folder elsewhere is reported, not read.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from sidebyside.content.frontmatter import parse_yaml, read_text, split
from sidebyside.findings import Finding, error

MARKDOWN_SPELLINGS = (".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".text")
# Characters that change meaning in a web address or in HTML, and control characters.
UNSAFE_NAME_CHARACTERS = set("<>\"'`&\\#%?*|{}") | {chr(c) for c in range(32)} | {"\x7f"}


def _walk(folder: Path) -> Iterator[Path]:
    """Every file and link under `folder`, links to folders included but never followed."""
    for parent, dirs, files in os.walk(folder, followlinks=False):
        base = Path(parent)
        dirs[:] = [d for d in dirs if not d.startswith(".git")]
        for name in dirs:
            if (base / name).is_symlink():
                yield base / name
        for name in files:
            yield base / name


def file_findings(root: Path, folders: dict[str, str]) -> list[Finding]:
    """Findings about the files in the content folders (`folders`: kind -> folder name)."""
    findings: list[Finding] = []
    for kind, name in folders.items():
        folder = root / name
        if not folder.is_dir():
            continue
        index = folder / "index.md"
        if kind in ("stories", "glossary", "modules") and index.is_file():
            findings.append(
                error(
                    f"{name}/index.md",
                    1,
                    "file-replaces-page",
                    f"`{name}/index.md` would take the place of the {kind} page that Side by Side makes from the files in {name}/.",
                    f"Rename it (for example `{name}/about-our-{kind}.md`), or put text about the {kind} in docs/ instead.",
                )
            )
        for path in _walk(folder):
            rel = path.relative_to(root).as_posix()
            findings += _name_problems(path, rel)
            if kind == "docs" and path.suffix == ".md" and path.is_file() and not path.is_symlink():
                findings += _docs_page_problems(path, rel)
    return findings


def _name_problems(path: Path, rel: str) -> list[Finding]:
    name = path.name
    odd = sorted({ch for ch in name if ch in UNSAFE_NAME_CHARACTERS})
    if odd:
        shown = ", ".join(repr(ch) for ch in odd)
        return [
            error(
                rel,
                1,
                "file-name",
                f"The file name has characters that web addresses or pages cannot hold safely ({shown}).",
                "Rename the file using letters, numbers, dashes (-) and full stops only.",
            )
        ]
    suffix = path.suffix
    if suffix.lower() == ".md" and suffix != ".md":
        return [
            error(
                rel,
                1,
                "file-extension",
                f"`{name}` ends in `{suffix}`, so Side by Side does not read it: only files ending in `.md` (small letters) are pages.",
                f"Rename it to `{path.stem}.md`.",
            )
        ]
    if suffix.lower() in MARKDOWN_SPELLINGS:
        return [
            error(
                rel,
                1,
                "file-extension",
                f"`{name}` looks like a Markdown page, but Side by Side only reads files ending in `.md`, so it would be left out.",
                f"Rename it to `{path.stem}.md`.",
            )
        ]
    return []


def _docs_page_problems(path: Path, rel: str) -> list[Finding]:
    """A docs/ page that MkDocs could not read safely: a NUL byte, bad encoding, deep front matter."""
    text, problems = read_text(path, rel)
    if text is None:
        return problems
    front, _, _, _ = split(text, rel)
    if front is None:
        return []
    _, problems = parse_yaml(front, rel, 2)
    return [p for p in problems if p.rule in ("front-matter-too-deep",)]
