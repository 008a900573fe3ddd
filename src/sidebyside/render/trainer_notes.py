"""Find and remove `!!! trainer` notes in Markdown, so participants never see them."""

from __future__ import annotations

import re

TRAINER_START = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?|///)\s*trainer\b.*$")


def split_trainer_notes(markdown: str) -> tuple[str, list[str]]:
    """Return the Markdown without trainer notes, and the notes themselves."""
    lines = markdown.split("\n")
    kept: list[str] = []
    notes: list[str] = []
    index = 0
    while index < len(lines):
        match = TRAINER_START.match(lines[index])
        if not match:
            kept.append(lines[index])
            index += 1
            continue
        indent = len(match.group("indent").expandtabs(4))
        block = [lines[index]]
        index += 1
        while index < len(lines):
            line = lines[index]
            if line.strip() and len(line) - len(line.lstrip()) <= indent:
                break
            block.append(line)
            index += 1
        notes.append("\n".join(block).rstrip())
        kept.append("")
    return "\n".join(kept), notes


def strip_trainer_notes(markdown: str) -> str:
    return split_trainer_notes(markdown)[0]
