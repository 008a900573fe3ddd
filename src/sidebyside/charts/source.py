"""Read a ```run-chart block: a short header, then one `label: value` a line.

    ```run-chart
    title: Days people waited for blood test results
    measure: Average days waited
    baseline: 1-6
    change: 7 "Started texting results"
    caption: After the change, six weeks in a row were below the median: a shift.
    Week 1: 12
    Week 2: 14
    ```

`baseline` and `change` name points by their number (1 is the first) or their label.
Problems come back as `ChartProblem`s with the line inside the block, so a check can
point at the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FENCE_NAME = "run-chart"
HEADER_KEYS = ("title", "measure", "unit", "baseline", "change", "unusual", "caption", "better")
MAX_POINTS = 200
MAX_TEXT = 200
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
QUOTED = re.compile(r'^(?P<where>[^"]*?)\s*(?:"(?P<note>[^"]*)")?\s*$')
SEPARATOR = re.compile(r"\s*(?:-|–|\bto\b)\s*")
EXAMPLE = "For example:\n\n    baseline: 1-6\n    Week 1: 12"


@dataclass(frozen=True)
class ChartProblem:
    """Something wrong in a chart block: `line` counts from 1 at the block's first line inside the fence."""

    line: int
    message: str
    suggestion: str


@dataclass(frozen=True)
class Point:
    label: str
    value: float
    line: int


@dataclass(frozen=True)
class Marked:
    """A point the author marked (a change or an unusual value), with what they said about it."""

    index: int
    note: str
    line: int


@dataclass
class ChartSource:
    title: str = ""
    measure: str = ""
    unit: str = ""
    caption: str = ""
    caption_line: int = 0
    better: str = ""  # "higher" | "lower" | ""
    baseline: tuple[int, int] | None = None  # 0-based, inclusive
    changes: list[Marked] = field(default_factory=list)
    unusual: list[Marked] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)


class ChartError(ValueError):
    def __init__(self, problems: list[ChartProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def _clean(text: str) -> str:
    return " ".join(text.split())[:MAX_TEXT]


def _number(text: str) -> float | None:
    text = text.strip().replace(",", "")
    if text.endswith("%"):
        text = text[:-1]
    return float(text) if NUMBER.match(text) else None


def _find(where: str, points: list[Point]) -> int | None:
    """A point by its number (1 is the first) or its label, ignoring case."""
    where = where.strip()
    for index, point in enumerate(points):
        if point.label.casefold() == where.casefold():
            return index
    if where.isdigit() and 1 <= int(where) <= len(points):
        return int(where) - 1
    return None


def parse(text: str) -> ChartSource:
    """Read a chart block's text (without its fences). Raises ChartError listing every problem."""
    chart = ChartSource()
    problems: list[ChartProblem] = []
    pending: list[tuple[str, str, int]] = []  # baseline/change/unusual need the points first
    in_data = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, colon, rest = line.partition(":")
        key_name = key.strip().casefold()
        if not colon:
            problems.append(
                ChartProblem(number, f"This line has no colon: `{line[:60]}`.", "Write each point as `label: value`. " + EXAMPLE)
            )
            continue
        if key_name in HEADER_KEYS and not in_data:
            value = rest.strip()
            if key_name in ("baseline", "change", "unusual"):
                pending.append((key_name, value, number))
            elif key_name == "better":
                if value.casefold() not in ("higher", "lower"):
                    problems.append(
                        ChartProblem(number, f"`better: {value}` is not `higher` or `lower`.", "Write `better: lower` or `better: higher`.")
                    )
                chart.better = value.casefold()
            elif key_name == "caption":
                chart.caption, chart.caption_line = _clean(value), number
            else:
                setattr(chart, key_name, _clean(value))
            continue
        in_data = True
        amount = _number(rest)
        if amount is None:
            problems.append(
                ChartProblem(number, f"`{rest.strip()[:40]}` is not a number.", "Write the value as a number, like `12` or `8.5`.")
            )
            continue
        if not key.strip():
            problems.append(ChartProblem(number, "This point has no label.", "Put a label before the colon, like `Week 1: 12`."))
            continue
        chart.points.append(Point(_clean(key), amount, number))
    if len(chart.points) > MAX_POINTS:
        problems.append(
            ChartProblem(
                1,
                f"This chart has {len(chart.points)} points; the most we draw is {MAX_POINTS}.",
                "Group the points, for example by month.",
            )
        )
    if not chart.title:
        problems.append(ChartProblem(1, "This chart has no title.", "Add a first line like `title: Days people waited for results`."))
    for key_name, value, number in pending:
        problems += _apply(chart, key_name, value, number)
    if len(chart.points) < 2 and not problems:
        problems.append(ChartProblem(1, "A run chart needs at least 2 points.", EXAMPLE))
    if chart.baseline is None and chart.points:
        chart.baseline = (0, len(chart.points) - 1)
    if problems:
        raise ChartError(sorted(problems, key=lambda p: p.line))
    return chart


def _apply(chart: ChartSource, key_name: str, value: str, number: int) -> list[ChartProblem]:
    if key_name == "baseline":
        first = last = None
        for match in SEPARATOR.finditer(value):  # labels may contain a hyphen: try each split
            first, last = _find(value[: match.start()], chart.points), _find(value[match.end() :], chart.points)
            if first is not None and last is not None:
                break
        if first is None or last is None or last < first:
            return [
                ChartProblem(
                    number,
                    f"The baseline `{value}` does not name a first and last point of this chart.",
                    f"Give the points by number or label, like `baseline: 1-6` (this chart has {len(chart.points)} points).",
                )
            ]
        chart.baseline = (first, last)
        return []
    quoted = QUOTED.match(value)
    where = quoted.group("where") if quoted else value
    note = _clean(quoted.group("note") or "") if quoted else ""
    index = _find(where, chart.points)
    if index is None:
        return [
            ChartProblem(
                number,
                f"`{where}` is not a point on this chart.",
                f'Name the point by its number or label, then say what happened in quotes, like `{key_name}: 7 "Started texting results"`.',
            )
        ]
    (chart.changes if key_name == "change" else chart.unusual).append(Marked(index, note, number))
    return []
