"""Where everything on a run chart goes, as simple shapes that SVG and PNG both draw.

Each shape has a `role` (line, median, change, point, shift, trend-up, trend-down,
unusual, axis, grid, text, muted): the renderers choose colours and styles by role, so
light, dark and black-and-white printing are decided in one place each.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sidebyside.charts.describe import number
from sidebyside.charts.reading import Reading

WIDTH = 560
PLOT_TOP = 52
PLOT_HEIGHT = 220
LEFT = 52
RIGHT = 90  # room for the median's label
FONT = 17
SMALL = 16
LEGEND_ROW = 26
CHAR_WIDTH = 0.56  # of the font size, for a plain sans-serif: enough to keep text apart


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    role: str
    dashed: bool = False


@dataclass(frozen=True)
class Path:
    points: tuple[tuple[float, float], ...]
    role: str


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    shape: str  # point | shift | trend-up | trend-down | unusual
    size: float = 6.0


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "start"  # start | middle | end
    size: int = FONT
    role: str = "text"
    bold: bool = False


@dataclass
class Layout:
    width: int
    height: int
    shapes: list[Line | Path | Marker | Text] = field(default_factory=list)


LEGEND = {
    "point": "a point",
    "shift": "part of a shift",
    "trend-up": "part of a trend (going up)",
    "trend-down": "part of a trend (going down)",
    "unusual": "unusual point",
}


def _ticks(low: float, high: float, wanted: int = 5) -> list[float]:
    """Round numbers for the side of the chart, covering low to high."""
    if high == low:
        high, low = high + 1, low - 1
    raw = (high - low) / wanted
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 0.001:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


def _common_prefix(labels: list[str]) -> str:
    """ "Week " when every label is "Week <something>": the axis says it once."""
    firsts = {label.split(" ", 1)[0] for label in labels}
    if len(firsts) == 1 and all(" " in label for label in labels):
        return firsts.pop()
    return ""


def _wrap(text: str, width: float, size: int) -> list[str]:
    most = max(8, int(width / (size * CHAR_WIDTH)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines[:3]


def lay_out(reading: Reading) -> Layout:
    values, labels = reading.values, reading.labels
    n = len(values)
    plot_width = WIDTH - LEFT - RIGHT
    ticks = _ticks(min([*values, reading.median]), max([*values, reading.median]))
    low, high = ticks[0], ticks[-1]
    changes = reading.chart.changes
    change_lines = max((len(_wrap(m.note or "Change", plot_width / 2, SMALL)) for m in changes), default=0)
    top = PLOT_TOP + change_lines * 19
    bottom = top + PLOT_HEIGHT

    def x(index: int) -> float:
        return LEFT + (plot_width * (index + 0.5) / n)

    def y(value: float) -> float:
        return bottom - (value - low) / (high - low) * PLOT_HEIGHT

    shapes: list[Line | Path | Marker | Text] = []
    what = reading.chart.measure or reading.chart.title
    unit = f" ({reading.chart.unit})" if reading.chart.unit and reading.chart.unit not in what else ""
    shapes.append(Text(8, 18, f"{what}{unit}", bold=True))
    for tick in ticks:
        shapes.append(Line(LEFT, y(tick), LEFT + plot_width, y(tick), "grid"))
        shapes.append(Text(LEFT - 8, y(tick) + 4, number(tick), "end", SMALL, "muted"))
    shapes.append(Line(LEFT, top, LEFT, bottom, "axis"))
    shapes.append(Line(LEFT, bottom, LEFT + plot_width, bottom, "axis"))

    prefix = _common_prefix(labels)
    shown = [label[len(prefix) :].strip() if prefix else label for label in labels]
    widest = max(len(s) for s in shown) * SMALL * CHAR_WIDTH + 6
    every = max(1, math.ceil(widest / (plot_width / n)))
    for index, text in enumerate(shown):
        if index % every == 0:
            shapes.append(Text(x(index), bottom + 22, text, "middle", SMALL, "muted"))
    if prefix:
        shapes.append(Text(LEFT + plot_width / 2, bottom + 46, prefix, "middle", SMALL, "text", bold=True))

    first, last = reading.baseline
    left_edge, right_edge = x(first) - 4, LEFT + plot_width
    shapes.append(Line(left_edge, y(reading.median), x(last) + 4, y(reading.median), "median"))
    if x(last) + 4 < right_edge:
        shapes.append(Line(x(last) + 4, y(reading.median), right_edge, y(reading.median), "median", dashed=True))
    shapes.append(Text(right_edge + 6, y(reading.median) - 2, "Median", "start", SMALL, "median", bold=True))
    shapes.append(Text(right_edge + 6, y(reading.median) + 16, number(reading.median), "start", SMALL, "median"))

    for marked in changes:
        at = (x(marked.index) + x(marked.index - 1)) / 2 if marked.index > 0 else x(0) - 8
        shapes.append(Line(at, top - 4, at, bottom, "change", dashed=True))
        wrapped = _wrap(marked.note or "Change", plot_width / 2, SMALL)
        anchor = "start" if at < LEFT + plot_width / 2 else "end"
        offset = 5 if anchor == "start" else -5
        for row, text in enumerate(wrapped):
            shapes.append(Text(at + offset, PLOT_TOP - 4 + row * 19, text, anchor, SMALL, "change", bold=True))

    shapes.append(Path(tuple((x(i), y(v)) for i, v in enumerate(values)), "line"))
    used = set()
    for index, value in enumerate(values):
        shape = reading.shape(index)
        used.add(shape)
        shapes.append(Marker(x(index), y(value), shape, 6.5 if shape != "point" else 5.0))

    legend_top = bottom + (76 if prefix else 52)
    row = 0
    items = [s for s in LEGEND if s in used]
    column_width = (WIDTH - 16) / 2
    for i, shape in enumerate(items):
        lx = 16 + (i % 2) * column_width
        ly = legend_top + (i // 2) * LEGEND_ROW
        shapes.append(Marker(lx + 6, ly - 4, shape, 6.5 if shape != "point" else 5.0))
        shapes.append(Text(lx + 20, ly, LEGEND[shape], "start", SMALL))
        row = i // 2
    ly = legend_top + (row + 1) * LEGEND_ROW
    shapes.append(Line(16, ly - 4, 40, ly - 4, "median"))
    median_text = "median of the baseline" if (first, last) != (0, n - 1) else "median of all the points"
    if (first, last) != (0, n - 1):
        shapes.append(Line(16 + column_width, ly - 4, 40 + column_width, ly - 4, "median", dashed=True))
        shapes.append(Text(16 + column_width + 32, ly, "the median carried on", "start", SMALL))
    shapes.append(Text(48, ly, median_text, "start", SMALL))
    if changes:
        ly += LEGEND_ROW
        shapes.append(Line(28, ly - 12, 28, ly + 4, "change", dashed=True))
        shapes.append(Text(48, ly, "when a change was made", "start", SMALL))
    return Layout(WIDTH, int(ly + 14), shapes)
