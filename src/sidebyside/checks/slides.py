"""Slide blocks stay small: a title, at most six short lines, pictures with words.

A slide is read from across a room. The limits make it hard to put a page of text on
a slide: the rest belongs in the module, or in the trainer's notes.
"""

from __future__ import annotations

from pathlib import Path

from sidebyside.checks import CheckContext
from sidebyside.content.model import Course, Module
from sidebyside.content.slides import MOST_LINES, MOST_WORDS
from sidebyside.findings import Finding, error

PICTURE_TYPES = {".png", ".jpg", ".jpeg", ".gif"}
WHY = "Slides are read from across a room: a few short lines are all people can take in while someone talks."


def slides(course: Course, context: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for module in course.modules:
        if context.wants(module.rel):
            findings += module_slide_findings(module)
    return findings


def module_slide_findings(module: Module) -> list[Finding]:
    findings: list[Finding] = []
    rel = module.rel
    for block in module.slides:
        if not block.title:
            findings.append(
                error(
                    rel,
                    block.line,
                    "slide-title",
                    "This slide has no title.",
                    'Put the title in quotes after the word slide, for example `!!! slide "Who is in the room"`.',
                    "The title is what a screen reader and the slide list show.",
                )
            )
        if not block.lines and not block.images:
            findings.append(
                error(
                    rel,
                    block.line,
                    "slide-empty",
                    "This slide has nothing on it.",
                    "Indent the lines of the slide by four spaces under `!!! slide`, one line each.",
                )
            )
        if len(block.lines) > MOST_LINES:
            findings.append(
                error(
                    rel,
                    block.lines[MOST_LINES][1],
                    "slide-too-many-lines",
                    f"This slide has {len(block.lines)} lines. A slide has at most {MOST_LINES}.",
                    "Split it into two slides, or keep the rest for the trainer's notes.",
                    WHY,
                )
            )
        for text, line in block.lines:
            words = len(text.split())
            if words > MOST_WORDS:
                findings.append(
                    error(
                        rel,
                        line,
                        "slide-line-too-long",
                        f"This slide line has {words} words. A slide line has at most {MOST_WORDS}.",
                        "Say it in fewer words. The full sentence can stay in the module's text.",
                        WHY,
                    )
                )
        for image in block.images:
            findings += _picture_findings(rel, module.path.parent, image.src, image.alt, image.line)
    return findings


def _picture_findings(rel: str, folder: Path, src: str, alt: str, line: int) -> list[Finding]:
    found: list[Finding] = []
    path = (folder / src).resolve()
    if not path.is_relative_to(folder.resolve()) or not path.is_file():
        found.append(
            error(rel, line, "slide-picture-missing", f"The picture `{src}` is not in this module's folder.", "Put it beside index.md.")
        )
    elif path.suffix.lower() not in PICTURE_TYPES:
        found.append(
            error(
                rel,
                line,
                "slide-picture-type",
                f"PowerPoint slides cannot show `{src}`.",
                "Use a PNG or JPEG copy of the picture on the slide.",
            )
        )
    if not alt:
        found.append(
            error(
                rel,
                line,
                "slide-picture-alt",
                f"The picture `{src}` has no words saying what it shows.",
                f"Write them in the square brackets, for example `![A run chart going down]({src})`.",
                "People who cannot see the slide hear these words instead.",
            )
        )
    return found
