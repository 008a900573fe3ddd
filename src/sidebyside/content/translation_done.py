"""`sidebyside translation done FILE`: record in a translation which version of its original it matches.

The translator runs it when the translation says what the original says; the checks
and the page's notice then stay quiet until the original changes again. Only the
`translated_from` line is written: the rest of the file is left exactly as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sidebyside.content.frontmatter import read_document
from sidebyside.content.languages import Language, fingerprint, split_suffix

FIELD = re.compile(r"^translated_from:.*$", re.M)


class TranslationProblem(Exception):
    """Why a translation could not be marked as done, in plain words."""


@dataclass(frozen=True)
class Done:
    rel: str
    original_rel: str
    value: str
    kind: str  # "version" or "text"


def _front_matter_end(lines: list[str]) -> int:
    """The index of the line that closes the front matter, or -1 when there is none."""
    if not lines or lines[0].strip() != "---":
        return -1
    return next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), -1)


def original_version(original: Path, root: Path) -> tuple[str, str]:
    """What a translation of `original` records: a module's `version`, else the fingerprint of its bytes."""
    if original.name == "index.md":
        doc = read_document(original, root)
        version = doc.meta.get("version") if doc.ok else None
        if isinstance(version, str | int | float) and str(version).strip():
            return str(version).strip(), "version"
    return fingerprint(original), "text"


def mark_done(path: Path, root: Path, languages: tuple[Language, ...]) -> Done:
    """Write `translated_from` into the translation at `path` for the original beside it now."""
    path = path.resolve()
    if not path.is_file():
        raise TranslationProblem(f"Could not find {path}. Give the translated file, for example modules/01-welcome/index.cy.md.")
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        raise TranslationProblem(f"{path} is not inside the course folder {root}. Give a translated file in the course.") from None
    name, code = split_suffix(path.name)
    codes = [language.code for language in languages[1:]]
    if not code:
        raise TranslationProblem(f"`{rel}` is not named as a translation. A translation's name ends in its language, like `index.cy.md`.")
    if code not in codes:
        listed = ", ".join(codes) or "none yet"
        raise TranslationProblem(
            f"`{rel}` is named as a translation into `{code}`, which is not one of the course's languages ({listed}). "
            f"Add `- code: {code}` under `translations:` in mkdocs.yml first."
        )
    original = path.with_name(name)
    if not original.is_file():
        raise TranslationProblem(f"`{rel}` translates `{name}`, but there is no `{name}` beside it. Check the file's name.")
    value, kind = original_version(original, root)
    text = path.read_text(encoding="utf-8")
    line = f'translated_from: "{value}"'
    lines = text.split("\n")
    end = _front_matter_end(lines)
    if end < 0:
        text = f"---\n{line}\n---\n{text}"
    else:
        front = "\n".join(lines[1:end])
        front = FIELD.sub(line, front, count=1) if FIELD.search(front) else (f"{front}\n{line}" if front.strip() else line)
        text = "\n".join(["---", front, *lines[end:]])
    path.write_text(text, encoding="utf-8")
    return Done(rel, original.relative_to(root).as_posix(), value, kind)
