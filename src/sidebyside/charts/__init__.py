"""Run charts drawn from data written in the Markdown, read by the run chart rules.

The public pieces, for every output (web, handouts, slides):

- `parse(text)` reads a ```run-chart block (raises `ChartError` with each problem's line);
- `read(chart)` applies the rules (median of the baseline, shift, trend, runs, unusual points);
- `html_figure(text, taken_ids)` is the figure for web pages and handouts;
- `for_slides(text)` gives a deck what it needs: title, description, caption, table rows, PNG.

See reference/run-charts.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from sidebyside.charts import describe, table
from sidebyside.charts.html import figure, ident_for, problem_note
from sidebyside.charts.layout import lay_out
from sidebyside.charts.reading import Reading, read
from sidebyside.charts.source import FENCE_NAME, ChartError, ChartProblem, ChartSource, parse
from sidebyside.charts.svg import standalone


@dataclass(frozen=True)
class SlideChart:
    """A chart ready for a slide: the picture, its text alternative, and its numbers."""

    title: str
    description: str  # the picture's alt text
    caption: str  # a short reading to show or say
    headings: list[str]
    rows: list[list[str]]
    png: bytes
    svg: str


def html_figure(text: str, taken_ids: set[str]) -> str:
    """The chart block's HTML, or a short note saying why it cannot be drawn."""
    try:
        reading = read(parse(text))
    except ChartError as exc:
        return problem_note(str(exc))
    return figure(reading, ident_for(text, taken_ids))


def for_slides(text: str, scale: float = 3.0, *, picture: bool = True) -> SlideChart:
    """Everything a slide deck needs from a ```run-chart block. Raises ChartError if it cannot be drawn.
    With `picture=False` the PNG (the slow part) is left out: `png` is empty."""
    from sidebyside.charts.png import to_png

    reading = read(parse(text))
    layout = lay_out(reading)
    description = describe.description(reading)
    return SlideChart(
        title=reading.chart.title,
        description=description,
        caption=reading.chart.caption or describe.caption(reading),
        headings=table.headings(reading),
        rows=table.rows(reading),
        png=to_png(layout, scale) if picture else b"",
        svg=standalone(layout, reading.chart.title, description),
    )


__all__ = [
    "FENCE_NAME",
    "ChartError",
    "ChartProblem",
    "ChartSource",
    "Reading",
    "SlideChart",
    "for_slides",
    "html_figure",
    "parse",
    "read",
]
