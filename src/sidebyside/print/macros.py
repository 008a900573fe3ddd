"""The authors' macros (`term`, `story`, `course_version`) as they read on paper.

The website and print run the same few in the same sandbox (render/macro_language.py),
so a page says the same thing in both. A story only appears if its consent covers print.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from sidebyside.content.model import Course
from sidebyside.render import web_pages
from sidebyside.render.macro_language import MacroError, MacroLanguage, MacroProblem


def apply_macros(text: str, course: Course, today: dt.date, version: str, source: str, source_path: Path | None = None) -> str:
    language = MacroLanguage()
    if not language.may_have_macros(text):
        return text

    def story(slug: str) -> str:
        found = course.story(slug)
        if found is None:
            raise MacroError(f'story("{slug}") does not match any story. Check the name of the file in stories/.')
        if not found.allowed("print", today):
            return ""
        lines = [f"**{found.title}**", ""]
        if found.summary:
            lines += [found.summary, ""]
        note = " Written for the course: not a real person." if found.illustrative else ""
        lines += [web_pages.teller_line(found) + note, ""]
        return "\n".join(lines)

    def term(slug: str, text: str = "") -> str:
        found = course.term(slug)
        if found is None:
            raise MacroError(f'term("{slug}") does not match any glossary term. Check the name of the file in glossary/.')
        # Marked, so the handout's "Words explained" lists it (words with an everyday
        # meaning are listed only where an author marks them).
        return f'<span class="sbs-marked" data-sbs-term="{html.escape(found.slug)}">{html.escape(text or found.term, quote=False)}</span>'

    try:
        return language.render(text, {"story": story, "term": term}, {"course_version": version})
    except MacroProblem as problem:
        where = _where(source, source_path, text, problem.line)
        raise MacroProblem(f"{where}: {problem.message}") from None


def _where(source: str, source_path: Path | None, text: str, line: int | None) -> str:
    """`file, line N` for the line a person wrote, found by its text in the source file."""
    lines = text.split("\n")
    if source_path is None or not line or not 0 < line <= len(lines) or not lines[line - 1].strip():
        return source
    wanted = lines[line - 1].strip()
    try:
        written = source_path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return source
    for number, candidate in enumerate(written, start=1):
        if wanted in candidate:
            return f"{source}, line {number}"
    return source
