"""Licence names and SPDX ids are never jargon: an attribution line has to name its
licence exactly ("CC BY 4.0", "MIT", "OGL-UK-3.0"), and those letters cannot be made
plainer. The checks skip the places this module finds (data: data/licences.yml)."""

from __future__ import annotations

import re
from functools import cache

from sidebyside.content.licences import licence_data


@cache
def _pattern() -> re.Pattern[str]:
    data = licence_data()
    names = sorted({str(n) for n in data["spdx"]} | {str(n) for n in data["names"]}, key=len, reverse=True)
    spaced = [re.escape(n).replace(r"\-", r"[-\s]").replace(r"\ ", r"[-\s]") for n in names]
    return re.compile(r"(?<![\w-])(?:" + "|".join(spaced) + r")(?![\w-])")


def licence_spans(text: str) -> list[tuple[int, int]]:
    """Where licence names and SPDX ids stand in `text` (with spaces or dashes: "CC BY-SA 4.0")."""
    return [(m.start(), m.end()) for m in _pattern().finditer(text)]
