"""A deck as plain data: what each slide says, before anything is drawn."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Picture:
    path: Path
    alt: str


@dataclass
class Slide:
    """One slide. `kind` is "title" (a title and a line under it) or "content" (a title and lines)."""

    title: str
    kind: str = "content"
    lines: list[str] = field(default_factory=list)
    subtitle: str = ""
    notes: str = ""  # speaker notes: trainers see them, the room does not
    pictures: list[Picture] = field(default_factory=list)


@dataclass
class Deck:
    name: str  # file name, e.g. how-the-nhs-works.pptx
    title: str
    description: str
    slides: list[Slide] = field(default_factory=list)
    module: str = ""  # the module's slug; "" for the whole session

    def as_data(self) -> dict[str, object]:
        """Everything the file is made from, for the cache key."""
        data = asdict(self)
        for slide in data["slides"]:
            slide["pictures"] = [{"path": str(p["path"]), "alt": p["alt"]} for p in slide["pictures"]]
        return data
