"""Run chart pictures for slides, kept on disk by what they are drawn from.

Drawing a chart as a sharp PNG takes most of a second (the PNG is squeezed small for
the deck), and a deck is planned on every build, so the picture is looked up by a key
made of the chart's source text, the scale, the chart code and Pillow's version before
anything is drawn. Same key, same picture: nothing is drawn again until one of them changes.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from sidebyside.charts import SlideChart, for_slides

FORMAT = "1"
CHARTS = Path(__file__).resolve().parent.parent / "charts"  # the code that reads and draws a chart


def charts_fingerprint() -> str:
    """The chart code and the version of Pillow that draws it."""
    digest = hashlib.sha256(f"format {FORMAT} pillow {metadata.version('pillow')}\n".encode())
    for path in sorted(CHARTS.glob("*.py")):
        digest.update(f"{path.name}:".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@dataclass
class ChartPictures:
    """The chart pictures of one planning of the decks, in `folder`."""

    folder: Path
    scale: float = 3.0
    _fingerprint: str = ""
    _made: dict[str, tuple[SlideChart, Path]] = field(default_factory=dict)

    def picture(self, source: str) -> tuple[SlideChart, Path]:
        """The chart (without its PNG bytes when the picture was on disk already) and its picture file.
        Raises ChartError if the chart cannot be drawn."""
        if source in self._made:  # a module's slides are in its own deck and the whole session's
            return self._made[source]
        if not self._fingerprint:
            self._fingerprint = charts_fingerprint()
        key = hashlib.sha256(f"{self._fingerprint}\n{self.scale}\n{source}".encode()).hexdigest()[:24]
        path = self.folder / f"chart-{key}.png"
        chart = for_slides(source, self.scale, picture=not path.is_file())
        if chart.png:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".chart-{key}-", suffix=".png", dir=self.folder)
            with os.fdopen(handle, "wb") as out:
                out.write(chart.png)
            os.replace(temporary, path)
        self._made[source] = (chart, path)
        return chart, path
