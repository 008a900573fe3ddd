"""Licence names and SPDX identifiers ("CC BY 4.0", "MIT", "OGL-UK-3.0") are never jargon.

Attribution lines must give a licence exactly as it is known, so the acronym and
uncommon-word rules skip them. The names are data (`licences:` in acronyms.yml);
this module turns them into one pattern that also accepts a version number and
"-only" or "-or-later", with a space or a dash between the parts.
"""

from __future__ import annotations

import functools
import re

VERSION = r"(?:[ -]v?\d+(?:\.\d+)*)?(?:-only|-or-later|\+)?"


@functools.lru_cache(maxsize=8)
def licence_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for every licence name, longest first so "CC BY-SA" wins over "CC BY"."""
    if not names:
        return None
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        pieces = [re.escape(p) for p in re.split(r"[ -]", name) if p]
        parts.append("[ -]".join(pieces))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + ")" + VERSION + r"(?![\w-])")


def is_licence(text: str, names: tuple[str, ...]) -> bool:
    """Is the whole of `text` a licence name or SPDX identifier ("CC-BY-4.0", "MIT")?"""
    pattern = licence_pattern(names)
    return pattern is not None and pattern.fullmatch(text.strip()) is not None
