"""Regular expressions that run in linear time on untrusted text.

Python's `re` backtracks: a page of one long line such as `<a <a <a ...` or `[[[[...`
made some checks take minutes. RE2 (google-re2) never backtracks, so a pattern that
reads contributed text is compiled with it. RE2 has no look-behind, look-ahead or
back-references: patterns here are written without them.
"""

from __future__ import annotations

import re
from typing import Any

import re2

BACKTICKS = re.compile(r"`+")


def compile_linear(pattern: str) -> Any:
    """`pattern` compiled with RE2 (the `re` API: search, finditer, sub, fullmatch).

    Flags are written inline, such as `(?i)` or `(?m)`.
    """
    return re2.compile(pattern)


def mask_code_spans(line: str) -> str:
    """The line with each code span (`like this`) turned into spaces, in one pass.

    A run of backticks opens a span that the next run of the same length closes, as in
    CommonMark. (A back-referencing pattern did this before, and took minutes on a line
    of many backticks.)
    """
    runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(line)]
    if len(runs) < 2:
        return line
    following: list[int] = [-1] * len(runs)  # the next run of the same length, for each run
    seen: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = seen.get(length, -1)
        seen[length] = index
    parts: list[str] = []
    done = 0
    index = 0
    while index < len(runs):
        closer = following[index]
        if closer == -1:
            index += 1
            continue
        start, end = runs[index][0], runs[closer][1]
        parts += [line[done:start], " " * (end - start)]
        done = end
        index = closer + 1
    parts.append(line[done:])
    return "".join(parts)
