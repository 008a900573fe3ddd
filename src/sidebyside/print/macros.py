"""The authors' macros (`term`, `story`, `course_version`) as they read on paper.

The website runs them through mkdocs-macros; print runs the same few, in a sandbox,
so a page says the same thing in both. A story only appears if its consent covers print.
"""

from __future__ import annotations

import datetime as dt

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from sidebyside.content.model import Course
from sidebyside.render import web_pages


class MacroProblem(Exception):
    """A macro in a page could not be used; the message says which file and what to do."""


def apply_macros(text: str, course: Course, today: dt.date, version: str, source: str) -> str:
    if "{{" not in text and "{%" not in text:
        return text

    def story(slug: str) -> str:
        found = course.story(slug)
        if found is None:
            raise MacroProblem(f'{source}: story("{slug}") does not match any story. Check the name of the file in stories/.')
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
            raise MacroProblem(f'{source}: term("{slug}") does not match any glossary term. Check the name of the file in glossary/.')
        return text or found.term

    environment = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)
    try:
        return environment.from_string(text).render(story=story, term=term, course_version=version)
    except TemplateError as exc:
        raise MacroProblem(f"{source}: a macro could not be used ({exc}). Check the text between {{{{ and }}}}.") from None
