"""Change Markdown line by line, leaving fenced code blocks exactly as they are."""

from __future__ import annotations

import re
from collections.abc import Callable

FENCE = re.compile(r"^\s*(```|~~~)")


def outside_fences(markdown: str, change: Callable[[str], str], wanted: Callable[[str], bool] = lambda line: True) -> str:
    """Apply `change` to every line outside ``` and ~~~ blocks for which `wanted(line)` holds."""
    out: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if FENCE.match(line):
            fenced = not fenced
        out.append(change(line) if not fenced and wanted(line) else line)
    return "\n".join(out)
