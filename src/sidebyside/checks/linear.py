"""Regular expressions that run in linear time on untrusted text.

Python's `re` backtracks: a page of one long line such as `<a <a <a ...` or `[[[[...`
made some checks take minutes. RE2 (google-re2) never backtracks, so a pattern that
reads contributed text is compiled with it. RE2 has no look-behind, look-ahead or
back-references: patterns here are written without them.
"""

from __future__ import annotations

from typing import Any

import re2


def compile_linear(pattern: str) -> Any:
    """`pattern` compiled with RE2 (the `re` API: search, finditer, sub, fullmatch).

    Flags are written inline, such as `(?i)` or `(?m)`.
    """
    return re2.compile(pattern)
