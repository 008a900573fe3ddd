"""The pictures Easy Read documents choose by name, shipped with the engine.

They come from OpenMoji (CC BY-SA 4.0), so every page and handout that shows one must
say so: `CREDIT` is that line. Courses can also use their own images by file name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parent.parent / "data" / "pictures"
CREDIT_TEXT = "Pictures from OpenMoji, the open-source emoji and icon project, licensed CC BY-SA 4.0."
CREDIT_URL = "https://openmoji.org/"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"


@dataclass(frozen=True)
class BuiltInPicture:
    name: str
    alt: str
    code: str  # the OpenMoji code, for anyone who wants to find the original

    @property
    def path(self) -> Path:
        return FOLDER / f"{self.name}.svg"


@cache
def catalogue() -> dict[str, BuiltInPicture]:
    """Every built-in picture by name. Read once: the file ships with the engine and never changes."""
    data = yaml.safe_load((FOLDER / "pictures.yml").read_text(encoding="utf-8"))
    return {name: BuiltInPicture(name, alt, str(code)) for name, (code, alt) in data.items()}
