"""Every string in a page's front matter, named, for the gate: the theme may show any of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

DEPTH = 8  # front matter deeper than this is refused when it is read


def meta_strings(meta: Any, name: str = "front matter", depth: int = 0) -> Iterator[tuple[str, str]]:
    """(field, text) for each string in `meta`, nested lists and mappings included."""
    if depth > DEPTH:
        return
    if isinstance(meta, str):
        yield name, meta
    elif isinstance(meta, dict):
        for key, value in meta.items():
            yield from meta_strings(value, f"`{key}`" if depth == 0 else f"{name} > `{key}`", depth + 1)
    elif isinstance(meta, (list, tuple)):
        for value in meta:
            yield from meta_strings(value, name, depth + 1)
