"""The chart's numbers as rows, for an HTML table and for slides: the same facts as the picture."""

from __future__ import annotations

from sidebyside.charts.describe import number
from sidebyside.charts.reading import Reading


def headings(reading: Reading) -> list[str]:
    chart = reading.chart
    what = chart.measure or chart.title
    unit = f" ({chart.unit})" if chart.unit and chart.unit not in what else ""
    return ["Point", f"{what}{unit}", f"Compared with the median ({number(reading.median)})", "What the rules found"]


def _found(reading: Reading, index: int) -> str:
    notes: list[str] = []
    for change in reading.chart.changes:
        if change.index == index:
            notes.append(f"change made: {change.note}" if change.note else "change made")
    if index == reading.baseline[0]:
        notes.append("baseline starts")
    if index == reading.baseline[1] and reading.baseline != (0, len(reading.values) - 1):
        notes.append("baseline ends")
    shift = reading.in_shift(index)
    if shift:
        first = index == shift.first
        notes.append(f"a shift starts: {shift.length} in a row {shift.direction} the median" if first else "part of the shift")
    trend = reading.in_trend(index)
    if trend:
        first = index == trend.first
        notes.append(f"a trend starts: {trend.length} in a row going {trend.direction}" if first else "part of the trend")
    for marked in reading.unusual:
        if marked.index == index:
            notes.append(f"unusual point: {marked.note}" if marked.note else "unusual point")
    if index in reading.far_out:
        notes.append("far from the rest: may be an astronomical point")
    return "; ".join(notes)


def rows(reading: Reading) -> list[list[str]]:
    """One row a point: label, value, above / below / on the median, and any rule it is part of."""
    place = {1: "above", -1: "below", 0: "on the median"}
    return [
        [point.label, number(point.value), place[reading.sides[index]], _found(reading, index)]
        for index, point in enumerate(reading.chart.points)
    ]
