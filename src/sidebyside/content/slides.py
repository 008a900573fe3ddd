"""Slide blocks: what an author puts on a trainer's slides, written inside the module.

    !!! slide "Who is in the room"
        - the chair, who runs the meeting
        - patient partners and carers
        ![A table with six chairs](room.png)

A slide block is taken out of the module's text when it is read (its lines are left
blank, so line numbers do not move): it never shows on the web page or in a handout,
only in the decks. Each line is one line on the slide; a line `![words](picture.png)`
puts a picture on the slide, with the words as its text alternative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MOST_LINES = 6  # lines on one slide: the check refuses more, and made slides keep to it
MOST_WORDS = 12  # words in one line of a slide

SLIDE_START = re.compile(r'^(?P<indent>[ \t]*)!!![ \t]*slide\b[ \t]*(?:"(?P<title>[^"\n]*)")?[ \t]*$')
IMAGE = re.compile(r"^!\[(?P<alt>[^\]\n]*)\]\((?P<src>[^)\s]+)\)\s*$")
BULLET = re.compile(r"^(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class SlideImage:
    alt: str
    src: str  # relative to the module's folder
    line: int


@dataclass
class SlideBlock:
    """One slide an author wrote: a title, a few short lines, maybe a picture."""

    title: str
    line: int
    lines: list[tuple[str, int]] = field(default_factory=list)
    images: list[SlideImage] = field(default_factory=list)


def split_slides(body: str, first_line: int) -> tuple[str, str, list[SlideBlock]]:
    """(the body without slide blocks, only the slide blocks, the blocks read).

    Both texts keep every line where it was, blanked where the other has it, so checks
    that read either one report the right line of the file.
    """
    lines = body.split("\n")
    kept: list[str] = []
    slides_only: list[str] = []
    blocks: list[SlideBlock] = []
    index = 0
    while index < len(lines):
        match = SLIDE_START.match(lines[index])
        if not match:
            kept.append(lines[index])
            slides_only.append("")
            index += 1
            continue
        indent = len(match.group("indent").expandtabs(4))
        block = SlideBlock((match.group("title") or "").strip(), first_line + index)
        kept.append("")
        slides_only.append(lines[index])
        index += 1
        while index < len(lines):
            line = lines[index]
            if line.strip() and len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip()) <= indent:
                break
            kept.append("")
            slides_only.append(line)
            text = BULLET.sub("", line.strip())
            image = IMAGE.match(text)
            if image:
                block.images.append(SlideImage(image.group("alt").strip(), image.group("src"), first_line + index))
            elif text:
                block.lines.append((text, first_line + index))
            index += 1
        blocks.append(block)
    return "\n".join(kept), "\n".join(slides_only), blocks
